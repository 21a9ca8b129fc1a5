#include "Validation.h"

#include "Selectors.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// Length limits count bytes, as Go's len() does.
qsizetype byteLength(const QString &value)
{
    return value.toUtf8().size();
}

QString maxLenError(int length)
{
    return u"must be no more than "_s + QString::number(length) + u" characters"_s;
}

// validation.RegexError, including its doubled space before "or".
QString regexError(const QString &message, QLatin1StringView format, const QStringList &examples)
{
    QString out = message + u" (e.g. "_s;
    for (qsizetype i = 0; i < examples.size(); ++i)
        out += (i > 0 ? u" or "_s : QString()) + u'\'' + examples[i] + u"', "_s;
    return out + u"regex used for validation is '"_s + format + u"')"_s;
}

QRegularExpression anchored(QLatin1StringView format)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(format));
}

constexpr auto dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"_L1;
constexpr auto dns1123SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"_L1;
constexpr auto qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"_L1;
constexpr auto labelValueFormat = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"_L1;
constexpr auto configMapKeyFormat = "[-._a-zA-Z0-9]+"_L1;

QStringList dns1123LabelErrors(const QString &value)
{
    static const QRegularExpression format = anchored(dns1123LabelFormat);
    QStringList errors;
    if (byteLength(value) > 63)
        errors.append(maxLenError(63));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
                                 "'-', and must start and end with an alphanumeric character"_s,
                                 dns1123LabelFormat, {u"my-name"_s, u"123-abc"_s}));
    return errors;
}

QStringList dns1123SubdomainErrors(const QString &value)
{
    static const QRegularExpression format = anchored(dns1123SubdomainFormat);
    QStringList errors;
    if (byteLength(value) > 253)
        errors.append(maxLenError(253));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                                 "'-' or '.', and must start and end with an alphanumeric character"_s,
                                 dns1123SubdomainFormat, {u"example.com"_s}));
    return errors;
}

QStringList configMapKeyErrors(const QString &value)
{
    static const QRegularExpression format = anchored(configMapKeyFormat);
    QStringList errors;
    if (byteLength(value) > 253)
        errors.append(maxLenError(253));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a valid config key must consist of alphanumeric characters, '-', '_' or '.'"_s,
                                 configMapKeyFormat, {u"key.name"_s, u"KEY_NAME"_s, u"key-name"_s}));
    if (value == u"."_s)
        errors.append(u"must not be '.'"_s);
    else if (value == u".."_s)
        errors.append(u"must not be '..'"_s);
    else if (value.startsWith(u".."_s))
        errors.append(u"must not start with '..'"_s);
    return errors;
}

// Name rules (apimachinery ValidateNameFunc): `prefix` is set when checking a generateName.
using NameRule = QStringList (*)(const QString &name, bool prefix);

// A generateName may end in '-'; upstream checks it with its last two characters replaced by "a".
QString maskTrailingDash(const QString &name)
{
    return name.size() > 1 && name.endsWith(u'-') ? name.left(name.size() - 2) + u'a' : name;
}

QStringList dnsSubdomainName(const QString &name, bool prefix)
{
    return dns1123SubdomainErrors(prefix ? maskTrailingDash(name) : name);
}

QStringList dnsLabelName(const QString &name, bool prefix)
{
    return dns1123LabelErrors(prefix ? maskTrailingDash(name) : name);
}

// RBAC objects only need names that are safe as one URL path segment (path.IsValidPathSegmentName).
QStringList pathSegmentName(const QString &name, bool)
{
    if (name == u"."_s || name == u".."_s)
        return {u"may not be '"_s + name + u'\''};
    QStringList errors;
    for (const QChar c : {u'/', u'%'}) {
        if (name.contains(c))
            errors.append(u"may not contain '"_s + c + u'\'');
    }
    return errors;
}

// ---- field.Error construction and Go value rendering (%q, %v, %#v) ----

FieldError fieldError(const QString &reason, const QString &field, const QString &type, const QString &value,
                      const QString &detail)
{
    QString message = type;
    if (!value.isNull())
        message += u": "_s + value;
    if (!detail.isEmpty())
        message += u": "_s + detail;
    return {reason, field, message};
}

FieldError required(const QString &field, const QString &detail = {})
{
    return fieldError(u"FieldValueRequired"_s, field, u"Required value"_s, {}, detail);
}

FieldError forbidden(const QString &field, const QString &detail)
{
    return fieldError(u"FieldValueForbidden"_s, field, u"Forbidden"_s, {}, detail);
}

FieldError duplicate(const QString &field, const QString &renderedValue)
{
    return fieldError(u"FieldValueDuplicate"_s, field, u"Duplicate value"_s, renderedValue, {});
}

FieldError tooLong(const QString &field, int maxBytes)
{
    return fieldError(u"FieldValueTooLong"_s, field, u"Too long"_s, {},
                      u"may not be more than "_s + QString::number(maxBytes) + u" bytes"_s);
}

FieldError notSupported(const QString &field, const QString &value, const QStringList &supported)
{
    QStringList quoted;
    for (const QString &s : supported)
        quoted.append(goQuote(s));
    return fieldError(u"FieldValueNotSupported"_s, field, u"Unsupported value"_s, goQuote(value),
                      u"supported values: "_s + quoted.join(u", "_s));
}

// One field.Invalid per message, as the validators that wrap the []string checkers do.
void appendInvalid(QList<FieldError> &errors, const QString &field, const QString &value, const QStringList &messages)
{
    for (const QString &message : messages)
        errors.append(invalidValue(field, goQuote(value), message));
}

FieldError immutable(const QString &field, const QString &renderedValue)
{
    return invalidValue(field, renderedValue, u"field is immutable"_s);
}

FieldError negative(const QString &field, qint64 value)
{
    return invalidValue(field, QString::number(value), u"must be greater than or equal to 0"_s);
}

QString goStringMap(const QJsonValue &map)
{
    if (!map.isObject())
        return u"map[string]string(nil)"_s;
    QStringList entries;
    const QJsonObject object = map.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        entries.append(goQuote(it.key()) + u':' + goQuote(it.value().toString()));
    return u"map[string]string{"_s + entries.join(u", "_s) + u'}';
}

QString goStringSlice(const QJsonValue &list)
{
    if (!list.isArray())
        return u"[]string(nil)"_s;
    QStringList items;
    for (const QJsonValue &item : list.toArray())
        items.append(goQuote(item.toString()));
    return u"[]string{"_s + items.join(u", "_s) + u'}';
}

QString goLabelSelector(const QJsonValue &selectorValue)
{
    if (!selectorValue.isObject())
        return u"null"_s;
    const QJsonObject selector = selectorValue.toObject();
    QString expressions = u"[]v1.LabelSelectorRequirement(nil)"_s;
    if (selector.value("matchExpressions"_L1).isArray()) {
        QStringList items;
        for (const QJsonValue &value : selector.value("matchExpressions"_L1).toArray()) {
            const QJsonObject e = value.toObject();
            items.append(u"v1.LabelSelectorRequirement{Key:"_s + goQuote(e.value("key"_L1).toString())
                         + u", Operator:"_s + goQuote(e.value("operator"_L1).toString()) + u", Values:"_s
                         + goStringSlice(e.value("values"_L1)) + u'}');
        }
        expressions = u"[]v1.LabelSelectorRequirement{"_s + items.join(u", "_s) + u'}';
    }
    return u"v1.LabelSelector{MatchLabels:"_s + goStringMap(selector.value("matchLabels"_L1)) + u", MatchExpressions:"_s
        + expressions + u'}';
}

// ---- ObjectMeta (k8s.io/apimachinery/pkg/api/validation/objectmeta.go) ----

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

QString text(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

void validateLabels(const QJsonValue &labels, const QString &path, QList<FieldError> &errors)
{
    const QJsonObject map = labels.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        appendInvalid(errors, path, it.key(), qualifiedNameErrors(it.key()));
        appendInvalid(errors, path, it.value().toString(), labelValueErrors(it.value().toString()));
    }
}

void validateAnnotations(const QJsonValue &annotations, const QString &path, QList<FieldError> &errors)
{
    constexpr int totalAnnotationSizeLimit = 256 * 1024;
    qint64 totalSize = 0;
    const QJsonObject map = annotations.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        // Annotation keys are qualified names in which case does not matter.
        appendInvalid(errors, path, it.key(), qualifiedNameErrors(it.key().toLower()));
        totalSize += byteLength(it.key()) + byteLength(it.value().toString());
    }
    if (totalSize > totalAnnotationSizeLimit)
        errors.append(tooLong(path, totalAnnotationSizeLimit));
}

void validateObjectMeta(const QJsonObject &object, bool namespaced, NameRule nameRule, QList<FieldError> &errors)
{
    const QJsonObject meta = metadataOf(object);
    const QString generateName = text(meta, "generateName"_L1);
    if (!generateName.isEmpty())
        appendInvalid(errors, u"metadata.generateName"_s, generateName, nameRule(generateName, true));
    const QString name = text(meta, "name"_L1);
    if (name.isEmpty())
        errors.append(required(u"metadata.name"_s, u"name or generateName is required"_s));
    else
        appendInvalid(errors, u"metadata.name"_s, name, nameRule(name, false));

    const QString ns = text(meta, "namespace"_L1);
    if (!namespaced) {
        if (!ns.isEmpty())
            errors.append(forbidden(u"metadata.namespace"_s, u"not allowed on this type"_s));
    } else if (ns.isEmpty()) {
        errors.append(required(u"metadata.namespace"_s));
    } else {
        appendInvalid(errors, u"metadata.namespace"_s, ns, dns1123LabelErrors(ns));
    }

    if (const qint64 generation = meta.value("generation"_L1).toInteger(); generation < 0)
        errors.append(negative(u"metadata.generation"_s, generation));
    validateLabels(meta.value("labels"_L1), u"metadata.labels"_s, errors);
    validateAnnotations(meta.value("annotations"_L1), u"metadata.annotations"_s, errors);
}

void validateObjectMetaUpdate(const QJsonObject &object, const QJsonObject &old, QList<FieldError> &errors)
{
    const QJsonObject meta = metadataOf(object);
    const QJsonObject oldMeta = metadataOf(old);
    for (const auto key : {"name"_L1, "namespace"_L1, "uid"_L1}) {
        const QString value = text(meta, key);
        // The generic registry copies an omitted uid (and any creationTimestamp) from the stored object
        // before validating, so neither can trip this check.
        if (key == "uid"_L1 && value.isEmpty())
            continue;
        if (value != text(oldMeta, key))
            errors.append(immutable(u"metadata."_s + key, goQuote(value)));
    }
    validateLabels(meta.value("labels"_L1), u"metadata.labels"_s, errors);
    validateAnnotations(meta.value("annotations"_L1), u"metadata.annotations"_s, errors);
}

// ---- core/v1 (pkg/apis/core/validation/validation.go) ----

// Data with stringData merged in, decoded: what the Secret strategy validates.
QMap<QString, QByteArray> secretData(const QJsonObject &secret)
{
    QMap<QString, QByteArray> data;
    const QJsonObject encoded = secret.value("data"_L1).toObject();
    for (auto it = encoded.begin(); it != encoded.end(); ++it)
        data.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    const QJsonObject plain = secret.value("stringData"_L1).toObject();
    for (auto it = plain.begin(); it != plain.end(); ++it)
        data.insert(it.key(), it.value().toString().toUtf8());
    return data;
}

QString secretType(const QJsonObject &secret)
{
    const QString type = text(secret, "type"_L1);
    return type.isEmpty() ? u"Opaque"_s : type;
}

// The text of Go's json.Unmarshal into a map[string]interface{} for the common failures; syntax errors
// always name the offending character "looking for beginning of value", whatever upstream's context word.
QString goJsonObjectError(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QByteArray wrapped = '[' + bytes + ']';
    const QJsonArray values = QJsonDocument::fromJson(wrapped, &parseError).array();
    if (parseError.error == QJsonParseError::NoError && values.size() == 1) {
        static const QHash<QJsonValue::Type, QString> goKinds = {{QJsonValue::Array, u"array"_s},
                                                                 {QJsonValue::String, u"string"_s},
                                                                 {QJsonValue::Double, u"number"_s},
                                                                 {QJsonValue::Bool, u"bool"_s}};
        const QString kind = goKinds.value(values.first().type());
        return kind.isEmpty()
            ? QString()
            : u"json: cannot unmarshal "_s + kind + u" into Go value of type map[string]interface {}"_s;
    }
    // Offsets count in `wrapped`, whose last byte is the added ']'.
    if (bytes.trimmed().isEmpty() || parseError.offset > bytes.size())
        return u"unexpected end of JSON input"_s;
    const char bad = wrapped.at(qMax(1, parseError.offset));
    return u"invalid character '"_s + QChar::fromLatin1(bad) + u"' looking for beginning of value"_s;
}

void validateSecret(const QJsonObject &secret, QList<FieldError> &errors)
{
    constexpr int maxSecretSize = 1024 * 1024;
    const QMap<QString, QByteArray> data = secretData(secret);
    qint64 totalSize = 0;
    for (auto it = data.begin(); it != data.end(); ++it) {
        appendInvalid(errors, u"data["_s + it.key() + u']', it.key(), configMapKeyErrors(it.key()));
        totalSize += it.value().size();
    }
    if (totalSize > maxSecretSize)
        errors.append(tooLong(u"data"_s, maxSecretSize));

    const auto dataPath = [](const QString &key) -> QString { return u"data["_s + key + u']'; };
    const QString type = secretType(secret);
    if (type == u"kubernetes.io/service-account-token"_s) {
        const QJsonObject annotations = metadataOf(secret).value("annotations"_L1).toObject();
        if (text(annotations, "kubernetes.io/service-account.name"_L1).isEmpty())
            errors.append(required(u"metadata.annotations[kubernetes.io/service-account.name]"_s));
    } else if (type == u"kubernetes.io/dockercfg"_s || type == u"kubernetes.io/dockerconfigjson"_s) {
        const QString key = type == u"kubernetes.io/dockercfg"_s ? u".dockercfg"_s : u".dockerconfigjson"_s;
        if (!data.contains(key))
            errors.append(required(dataPath(key)));
        else if (const QString jsonError = goJsonObjectError(data.value(key)); !jsonError.isEmpty())
            errors.append(invalidValue(dataPath(key), goQuote(u"<secret contents redacted>"_s), jsonError));
    } else if (type == u"kubernetes.io/basic-auth"_s) {
        // Either key may be empty, but one of them must be present.
        if (!data.contains(u"username"_s) && !data.contains(u"password"_s)) {
            errors.append(required(dataPath(u"username"_s)));
            errors.append(required(dataPath(u"password"_s)));
        }
    } else if (type == u"kubernetes.io/ssh-auth"_s) {
        if (data.value(u"ssh-privatekey"_s).isEmpty())
            errors.append(required(dataPath(u"ssh-privatekey"_s)));
    } else if (type == u"kubernetes.io/tls"_s) {
        for (const QString &key : {u"tls.crt"_s, u"tls.key"_s}) {
            if (!data.contains(key))
                errors.append(required(dataPath(key)));
        }
    }
}

void validateSecretUpdate(const QJsonObject &secret, const QJsonObject &old, QList<FieldError> &errors)
{
    if (secretType(secret) != secretType(old))
        errors.append(immutable(u"type"_s, goQuote(secretType(secret))));
    if (old.value("immutable"_L1).toBool()) {
        const QString detail = u"field is immutable when `immutable` is set"_s;
        if (!secret.value("immutable"_L1).toBool())
            errors.append(forbidden(u"immutable"_s, detail));
        if (secretData(secret) != secretData(old))
            errors.append(forbidden(u"data"_s, detail));
    }
}

void validatePodSpec(const QJsonObject &spec, const QString &path, QList<FieldError> &errors)
{
    const QJsonArray containers = spec.value("containers"_L1).toArray();
    if (containers.isEmpty())
        errors.append(required(path + u".containers"_s));
    QSet<QString> names;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString at = path + u".containers["_s + QString::number(i) + u']';
        const QJsonObject container = containers[i].toObject();
        const QString name = text(container, "name"_L1);
        if (name.isEmpty())
            errors.append(required(at + u".name"_s));
        else
            appendInvalid(errors, at + u".name"_s, name, dns1123LabelErrors(name));
        if (text(container, "image"_L1).isEmpty())
            errors.append(required(at + u".image"_s));
        if (names.contains(name))
            errors.append(duplicate(at + u".name"_s, goQuote(name)));
        names.insert(name);
    }
    const QString serviceAccount = text(spec, "serviceAccountName"_L1);
    if (!serviceAccount.isEmpty())
        appendInvalid(errors, path + u".serviceAccountName"_s, serviceAccount, dns1123SubdomainErrors(serviceAccount));
}

// ValidateContainerUpdates for one container list; false when the list changed length, which ends validation.
bool validateContainerUpdates(const QJsonObject &spec, const QJsonObject &oldSpec, QLatin1StringView list,
                              QList<FieldError> &errors)
{
    const QString path = u"spec."_s + list;
    const QJsonArray containers = spec.value(list).toArray();
    if (containers.size() != oldSpec.value(list).toArray().size()) {
        errors.append(forbidden(path, u"pod updates may not add or remove containers"_s));
        return false;
    }
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString image = text(containers[i].toObject(), "image"_L1);
        const QString imagePath = path + u'[' + QString::number(i) + u"].image"_s;
        if (image.isEmpty())
            errors.append(required(imagePath));
        if (image.trimmed() != image)
            errors.append(invalidValue(imagePath, goQuote(image), u"must not have leading or trailing whitespace"_s));
    }
    return true;
}

// Only images, a lowered or newly set activeDeadlineSeconds and added tolerations may change in a pod's spec.
void validatePodUpdate(const QJsonObject &pod, const QJsonObject &old, QList<FieldError> &errors)
{
    const QJsonObject spec = pod.value("spec"_L1).toObject();
    const QJsonObject oldSpec = old.value("spec"_L1).toObject();
    if (!validateContainerUpdates(spec, oldSpec, "containers"_L1, errors)
        || !validateContainerUpdates(spec, oldSpec, "initContainers"_L1, errors))
        return;

    const auto deadline = "activeDeadlineSeconds"_L1;
    const QString deadlinePath = u"spec."_s + deadline;
    if (spec.contains(deadline)) {
        const qint64 seconds = spec.value(deadline).toInteger();
        if (seconds < 0 || seconds > std::numeric_limits<qint32>::max()) {
            errors.append(
                invalidValue(deadlinePath, QString::number(seconds), u"must be between 0 and 2147483647, inclusive"_s));
            return;
        }
        if (oldSpec.contains(deadline) && oldSpec.value(deadline).toInteger() < seconds) {
            errors.append(invalidValue(deadlinePath, QString::number(seconds),
                                       u"must be less than or equal to previous value"_s));
            return;
        }
    } else if (oldSpec.contains(deadline)) {
        errors.append(invalidValue(deadlinePath, u"null"_s, u"must not update from a positive integer to nil value"_s));
    }

    const QJsonArray tolerations = spec.value("tolerations"_L1).toArray();
    for (const QJsonValue &oldToleration : oldSpec.value("tolerations"_L1).toArray()) {
        const bool kept = std::ranges::any_of(tolerations, [&oldToleration](const QJsonValue &toleration) {
            QJsonObject candidate = toleration.toObject();
            candidate.remove("tolerationSeconds"_L1);
            QJsonObject previous = oldToleration.toObject();
            previous.remove("tolerationSeconds"_L1);
            return candidate == previous;
        });
        if (!kept) {
            errors.append(forbidden(u"spec.tolerations"_s,
                                    u"existing toleration can not be modified except its tolerationSeconds"_s));
            break;
        }
    }

    QJsonObject munged = spec;
    for (const auto list : {"containers"_L1, "initContainers"_L1}) {
        if (!munged.contains(list))
            continue;
        QJsonArray containers = munged.value(list).toArray();
        const QJsonArray oldContainers = oldSpec.value(list).toArray();
        for (qsizetype i = 0; i < containers.size(); ++i) {
            QJsonObject container = containers[i].toObject();
            container.insert("image"_L1, oldContainers[i].toObject().value("image"_L1));
            containers[i] = container;
        }
        munged.insert(list, containers);
    }
    for (const auto key : {deadline, "tolerations"_L1}) {
        munged.remove(key);
        if (oldSpec.contains(key))
            munged.insert(key, oldSpec.value(key));
    }
    if (munged != oldSpec)
        errors.append(forbidden(u"spec"_s,
                                u"pod updates may not change fields other than `spec.containers[*].image`,"
                                "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                                "`spec.tolerations` (only additions to existing tolerations),"
                                "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
                                "previously negative)"_s));
}

// ---- apps/v1 Deployment and ReplicaSet (pkg/apis/apps/validation/validation.go) ----

void validateLabelSelector(const QJsonObject &selector, const QString &path, QList<FieldError> &errors)
{
    validateLabels(selector.value("matchLabels"_L1), path + u".matchLabels"_s, errors);
    const QJsonArray expressions = selector.value("matchExpressions"_L1).toArray();
    for (qsizetype i = 0; i < expressions.size(); ++i) {
        const QString at = path + u".matchExpressions["_s + QString::number(i) + u']';
        const QJsonObject expression = expressions[i].toObject();
        const QString op = text(expression, "operator"_L1);
        const QJsonArray values = expression.value("values"_L1).toArray();
        if (op == u"In"_s || op == u"NotIn"_s) {
            if (values.isEmpty())
                errors.append(required(at + u".values"_s, u"must be specified when `operator` is 'In' or 'NotIn'"_s));
        } else if (op == u"Exists"_s || op == u"DoesNotExist"_s) {
            if (!values.isEmpty())
                errors.append(forbidden(at + u".values"_s,
                                        u"may not be specified when `operator` is 'Exists' or 'DoesNotExist'"_s));
        } else {
            errors.append(invalidValue(at + u".operator"_s, goQuote(op), u"not a valid selector operator"_s));
        }
        const QString key = text(expression, "key"_L1);
        appendInvalid(errors, at + u".key"_s, key, qualifiedNameErrors(key));
        for (qsizetype v = 0; v < values.size(); ++v) {
            const QString value = values[v].toString();
            appendInvalid(errors, at + u".values["_s + QString::number(v) + u']', value, labelValueErrors(value));
        }
    }
}

// Matches a validated metav1.LabelSelector by spelling it in the query syntax.
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels)
{
    QStringList terms;
    const QJsonObject matchLabels = selector.value("matchLabels"_L1).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        terms.append(it.key() + u'=' + it.value().toString());
    for (const QJsonValue &value : selector.value("matchExpressions"_L1).toArray()) {
        const QJsonObject e = value.toObject();
        const QString op = text(e, "operator"_L1);
        QStringList values;
        for (const QJsonValue &v : e.value("values"_L1).toArray())
            values.append(v.toString());
        const QString list = u" ("_s + values.join(u',') + u')';
        const QString key = text(e, "key"_L1);
        terms.append(op == u"In"_s           ? key + u" in"_s + list
                         : op == u"NotIn"_s  ? key + u" notin"_s + list
                         : op == u"Exists"_s ? key
                                             : u'!' + key);
    }
    QString error;
    const std::optional<LabelSelector> parsed = LabelSelector::parse(terms.join(u','), &error);
    return parsed && parsed->matches(labels);
}

void validateWorkloadSpec(const QJsonObject &workload, bool deployment, QList<FieldError> &errors)
{
    const QJsonObject spec = workload.value("spec"_L1).toObject();
    if (const qint64 replicas = spec.value("replicas"_L1).toInteger(1); replicas < 0)
        errors.append(negative(u"spec.replicas"_s, replicas));
    const qint64 minReadySeconds = spec.value("minReadySeconds"_L1).toInteger();
    if (!deployment && minReadySeconds < 0)
        errors.append(negative(u"spec.minReadySeconds"_s, minReadySeconds));

    const QJsonValue selectorValue = spec.value("selector"_L1);
    const QJsonObject selector = selectorValue.toObject();
    const bool emptySelector = selectorValue.isObject() && selector.value("matchLabels"_L1).toObject().isEmpty()
        && selector.value("matchExpressions"_L1).toArray().isEmpty();
    QList<FieldError> selectorErrors;
    if (selectorValue.isObject())
        validateLabelSelector(selector, u"spec.selector"_s, selectorErrors);
    else
        errors.append(required(u"spec.selector"_s));
    errors.append(selectorErrors);
    if (emptySelector)
        errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue),
                                   u"empty selector is invalid for deployment"_s));

    // metav1.LabelSelectorAsSelector rejects exactly the selectors with errors above, and then the template
    // is not checked; an absent selector selects nothing and an empty one everything.
    if (!selectorErrors.isEmpty()) {
        errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue), u"invalid label selector"_s));
    } else {
        const QJsonObject podTemplate = spec.value("template"_L1).toObject();
        const QJsonObject templateMeta = metadataOf(podTemplate);
        const QJsonValue labels = templateMeta.value("labels"_L1);
        if (!emptySelector && !(selectorValue.isObject() && selectorMatches(selector, labels.toObject())))
            errors.append(invalidValue(u"spec.template.metadata.labels"_s, goStringMap(labels),
                                       u"`selector` does not match template `labels`"_s));
        // PodTemplateSpec validation reports labels and annotations without the "metadata" step.
        validateLabels(labels, u"spec.template.labels"_s, errors);
        validateAnnotations(templateMeta.value("annotations"_L1), u"spec.template.annotations"_s, errors);
        const QJsonObject podSpec = podTemplate.value("spec"_L1).toObject();
        validatePodSpec(podSpec, u"spec.template.spec"_s, errors);
        if (const QString policy = podSpec.value("restartPolicy"_L1).toString(u"Always"_s); policy != u"Always"_s)
            errors.append(notSupported(u"spec.template.spec.restartPolicy"_s, policy, {u"Always"_s}));
        if (podSpec.contains("activeDeadlineSeconds"_L1))
            errors.append(forbidden(u"spec.template.spec.activeDeadlineSeconds"_s,
                                    u"activeDeadlineSeconds in ReplicaSet is not Supported"_s));
    }
    if (deployment && minReadySeconds < 0)
        errors.append(negative(u"spec.minReadySeconds"_s, minReadySeconds));
}

// ---- apps/v1 StatefulSet and DaemonSet (the same file) ----

// The selector checks of ValidateStatefulSetSpec and ValidateDaemonSetSpec. Returns whether the selector
// converts (metav1.LabelSelectorAsSelector), after which the template labels are checked against it.
bool validateSetSelector(const QJsonObject &spec, bool statefulSet, QList<FieldError> &errors)
{
    const QJsonValue selectorValue = spec.value("selector"_L1);
    const QJsonObject selector = selectorValue.toObject();
    QList<FieldError> selectorErrors;
    if (selectorValue.isObject())
        validateLabelSelector(selector, u"spec.selector"_s, selectorErrors);
    else if (statefulSet)
        errors.append(required(u"spec.selector"_s));
    errors.append(selectorErrors);
    const bool emptySelector = selectorValue.isObject() && selector.value("matchLabels"_L1).toObject().isEmpty()
        && selector.value("matchExpressions"_L1).toArray().isEmpty();
    const auto emptyError = [&] {
        if (emptySelector)
            errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue),
                                       statefulSet ? u"empty selector is invalid for statefulset"_s
                                                   : u"empty selector is invalid for daemonset"_s));
    };
    if (statefulSet)
        emptyError();
    if (!selectorErrors.isEmpty()) {
        if (statefulSet)
            errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue), {}));
    } else {
        // An absent selector selects nothing, so no labels match it; an empty one matches everything.
        const QJsonValue labels = metadataOf(spec.value("template"_L1).toObject()).value("labels"_L1);
        if (!emptySelector && !(selectorValue.isObject() && selectorMatches(selector, labels.toObject())))
            errors.append(invalidValue(u"spec.template.metadata.labels"_s, goStringMap(labels),
                                       u"`selector` does not match template `labels`"_s));
    }
    if (!statefulSet)
        emptyError();
    return selectorErrors.isEmpty();
}

// The checks on the template's pod spec that both kinds make after the template itself.
void validateSetPodPolicy(const QJsonObject &spec, const QString &kind, QList<FieldError> &errors)
{
    const QJsonObject podSpec = spec.value("template"_L1).toObject().value("spec"_L1).toObject();
    if (const QString policy = text(podSpec, "restartPolicy"_L1); policy != u"Always"_s)
        errors.append(notSupported(u"spec.template.spec.restartPolicy"_s, policy, {u"Always"_s}));
    if (podSpec.contains("activeDeadlineSeconds"_L1))
        errors.append(forbidden(u"spec.template.spec.activeDeadlineSeconds"_s,
                                u"activeDeadlineSeconds in "_s + kind + u" is not Supported"_s));
}

void validateNonNegative(const QJsonObject &object, QLatin1StringView key, const QString &path,
                         QList<FieldError> &errors)
{
    if (const qint64 value = object.value(key).toInteger(); value < 0)
        errors.append(negative(path, value));
}

void validateStatefulSetSpec(const QJsonObject &statefulSet, QList<FieldError> &errors)
{
    const QJsonObject spec = statefulSet.value("spec"_L1).toObject();
    const QString policy = text(spec, "podManagementPolicy"_L1);
    if (policy.isEmpty())
        errors.append(required(u"spec.podManagementPolicy"_s));
    else if (policy != u"OrderedReady"_s && policy != u"Parallel"_s)
        errors.append(
            invalidValue(u"spec.podManagementPolicy"_s, goQuote(policy), u"must be 'OrderedReady' or 'Parallel'"_s));

    const QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
    const QString strategyType = text(strategy, "type"_L1);
    const QJsonValue rollingUpdate = strategy.value("rollingUpdate"_L1);
    // The internal types as Go's %#v prints them; maxUnavailable is dropped while its feature gate is off.
    const QString rollingText = u"apps.RollingUpdateStatefulSetStrategy{Partition:"_s
        + QString::number(rollingUpdate.toObject().value("partition"_L1).toInteger())
        + u", MaxUnavailable:(*intstr.IntOrString)(nil)}"_s;
    if (strategyType.isEmpty()) {
        errors.append(required(u"spec.updateStrategy"_s));
    } else if (strategyType == u"OnDelete"_s) {
        if (rollingUpdate.isObject())
            errors.append(invalidValue(u"spec.updateStrategy.rollingUpdate"_s, rollingText,
                                       u"only allowed for updateStrategy 'RollingUpdate'"_s));
    } else if (strategyType == u"RollingUpdate"_s) {
        if (rollingUpdate.isObject())
            validateNonNegative(rollingUpdate.toObject(), "partition"_L1,
                                u"spec.updateStrategy.rollingUpdate.partition"_s, errors);
    } else {
        const QString pointer = rollingUpdate.isObject() ? u"(*apps.RollingUpdateStatefulSetStrategy)(0xc000a1c000)"_s
                                                         : u"(*apps.RollingUpdateStatefulSetStrategy)(nil)"_s;
        errors.append(invalidValue(u"spec.updateStrategy"_s,
                                   u"apps.StatefulSetUpdateStrategy{Type:"_s + goQuote(strategyType)
                                       + u", RollingUpdate:"_s + pointer + u'}',
                                   u"must be 'RollingUpdate' or 'OnDelete'"_s));
    }

    const QJsonObject retention = spec.value("persistentVolumeClaimRetentionPolicy"_L1).toObject();
    for (const auto key : {"whenDeleted"_L1, "whenScaled"_L1}) {
        if (spec.contains("persistentVolumeClaimRetentionPolicy"_L1)) {
            const QString value = text(retention, key);
            if (value != u"Retain"_s && value != u"Delete"_s)
                errors.append(notSupported(u"spec.persistentVolumeClaimRetentionPolicy."_s + key, value,
                                           {u"Retain"_s, u"Delete"_s}));
        }
    }
    validateNonNegative(spec, "replicas"_L1, u"spec.replicas"_s, errors);
    validateNonNegative(spec, "minReadySeconds"_L1, u"spec.minReadySeconds"_s, errors);
    validateNonNegative(spec.value("ordinals"_L1).toObject(), "start"_L1, u"spec.ordinals.start"_s, errors);

    if (validateSetSelector(spec, true, errors)) {
        const QJsonObject templateMeta = metadataOf(spec.value("template"_L1).toObject());
        validateLabels(templateMeta.value("labels"_L1), u"spec.template.labels"_s, errors);
        validateAnnotations(templateMeta.value("annotations"_L1), u"spec.template.annotations"_s, errors);
    }
    validateSetPodPolicy(spec, u"StatefulSet"_s, errors);
}

void validateStatefulSetUpdate(const QJsonObject &statefulSet, const QJsonObject &old, QList<FieldError> &errors)
{
    // Only these fields may change; everything else in the spec (selector, serviceName, podManagementPolicy,
    // volumeClaimTemplates, ...) is fixed at creation.
    QJsonObject spec = statefulSet.value("spec"_L1).toObject();
    const QJsonObject oldSpec = old.value("spec"_L1).toObject();
    for (const auto key : {"replicas"_L1, "template"_L1, "updateStrategy"_L1, "minReadySeconds"_L1, "ordinals"_L1,
                           "persistentVolumeClaimRetentionPolicy"_L1}) {
        if (oldSpec.contains(key))
            spec.insert(key, oldSpec.value(key));
        else
            spec.remove(key);
    }
    if (spec != oldSpec)
        errors.append(forbidden(u"spec"_s,
                                u"updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                                "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and "
                                "'minReadySeconds' are forbidden"_s));
}

// intstr.IntOrString as %#v prints it.
QString goIntOrString(const QJsonValue &value)
{
    if (value.isString())
        return u"intstr.IntOrString{Type:1, IntVal:0, StrVal:"_s + goQuote(value.toString()) + u'}';
    return u"intstr.IntOrString{Type:0, IntVal:"_s + QString::number(value.toInteger()) + u", StrVal:\"\"}"_s;
}

// ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; returns getIntOrPercentValue.
qint64 validateIntOrPercent(const QJsonValue &value, const QString &path, QList<FieldError> &errors)
{
    if (!value.isString()) {
        if (value.toInteger() < 0)
            errors.append(negative(path, value.toInteger()));
        return value.toInteger();
    }
    static const QRegularExpression percent = anchored("[0-9]+%"_L1);
    const QString written = value.toString();
    if (!percent.match(written).hasMatch()) {
        errors.append(
            invalidValue(path, goIntOrString(value),
                         regexError(u"a valid percent string must be a numeric string followed by an ending '%'"_s,
                                    "[0-9]+%"_L1, {u"1%"_s, u"93%"_s})));
        return written.toLongLong(); // IntValue() of a string: Atoi, 0 when it is no number
    }
    const qint64 number = written.chopped(1).toLongLong();
    if (number > 100)
        errors.append(invalidValue(path, goIntOrString(value), u"must not be greater than 100%"_s));
    return number;
}

void validateDaemonSetSpec(const QJsonObject &daemonSet, QList<FieldError> &errors)
{
    const QJsonObject spec = daemonSet.value("spec"_L1).toObject();
    validateSetSelector(spec, false, errors);

    // ValidatePodTemplateSpec: PodTemplateSpec validation reports labels and annotations without "metadata".
    const QJsonObject podTemplate = spec.value("template"_L1).toObject();
    const QJsonObject templateMeta = metadataOf(podTemplate);
    validateLabels(templateMeta.value("labels"_L1), u"spec.template.labels"_s, errors);
    validateAnnotations(templateMeta.value("annotations"_L1), u"spec.template.annotations"_s, errors);
    validatePodSpec(podTemplate.value("spec"_L1).toObject(), u"spec.template.spec"_s, errors);
    validateSetPodPolicy(spec, u"DaemonSet"_s, errors);
    validateNonNegative(spec, "minReadySeconds"_L1, u"spec.minReadySeconds"_s, errors);

    const QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
    const QString strategyType = text(strategy, "type"_L1);
    const QJsonValue rollingUpdate = strategy.value("rollingUpdate"_L1);
    if (strategyType == u"RollingUpdate"_s) {
        if (!rollingUpdate.isObject()) {
            errors.append(required(u"spec.updateStrategy.rollingUpdate"_s));
        } else {
            const QString path = u"spec.updateStrategy.rollingUpdate."_s;
            const QJsonObject rolling = rollingUpdate.toObject();
            const QJsonValue maxUnavailable = rolling.value("maxUnavailable"_L1);
            const QJsonValue maxSurge = rolling.value("maxSurge"_L1);
            const bool hasUnavailable = validateIntOrPercent(maxUnavailable, path + u"maxUnavailable"_s, errors) != 0;
            const bool hasSurge = validateIntOrPercent(maxSurge, path + u"maxSurge"_s, errors) != 0;
            if (hasUnavailable && hasSurge)
                errors.append(invalidValue(path + u"maxSurge"_s, goIntOrString(maxSurge),
                                           u"may not be set when maxUnavailable is non-zero"_s));
            else if (!hasUnavailable && !hasSurge)
                errors.append(required(path + u"maxUnavailable"_s, u"cannot be 0 when maxSurge is 0"_s));
        }
    } else if (strategyType != u"OnDelete"_s) {
        const QString pointer = rollingUpdate.isObject() ? u"(*apps.RollingUpdateDaemonSet)(0xc000a1c000)"_s
                                                         : u"(*apps.RollingUpdateDaemonSet)(nil)"_s;
        errors.append(fieldError(u"FieldValueNotSupported"_s, u"spec.updateStrategy"_s, u"Unsupported value"_s,
                                 u"apps.DaemonSetUpdateStrategy{Type:"_s + goQuote(strategyType) + u", RollingUpdate:"_s
                                     + pointer + u'}',
                                 u"supported values: \"RollingUpdate\", \"OnDelete\""_s));
    }
    validateNonNegative(spec, "revisionHistoryLimit"_L1, u"spec.revisionHistoryLimit"_s, errors);
}

// ---- rbac.authorization.k8s.io/v1 (pkg/apis/rbac/validation/validation.go) ----

const QString rbacGroup = u"rbac.authorization.k8s.io"_s;

void validateRules(const QJsonObject &role, bool namespaced, QList<FieldError> &errors)
{
    const QJsonArray rules = role.value("rules"_L1).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString at = u"rules["_s + QString::number(i) + u']';
        const QJsonObject rule = rules[i].toObject();
        const auto listSize = [&rule](QLatin1StringView key) { return rule.value(key).toArray().size(); };
        if (listSize("verbs"_L1) == 0)
            errors.append(required(at + u".verbs"_s, u"verbs must contain at least one value"_s));
        if (listSize("nonResourceURLs"_L1) > 0) {
            const QString urls = goStringSlice(rule.value("nonResourceURLs"_L1));
            if (namespaced)
                errors.append(invalidValue(at + u".nonResourceURLs"_s, urls,
                                           u"namespaced rules cannot apply to non-resource URLs"_s));
            if (listSize("apiGroups"_L1) > 0 || listSize("resources"_L1) > 0 || listSize("resourceNames"_L1) > 0)
                errors.append(invalidValue(at + u".nonResourceURLs"_s, urls,
                                           u"rules cannot apply to both regular resources and non-resource URLs"_s));
            continue;
        }
        if (listSize("apiGroups"_L1) == 0)
            errors.append(required(at + u".apiGroups"_s, u"resource rules must supply at least one api group"_s));
        if (listSize("resources"_L1) == 0)
            errors.append(required(at + u".resources"_s, u"resource rules must supply at least one resource"_s));
        if (listSize("resourceNames"_L1) > 0 && listSize("resources"_L1) > 1)
            errors.append(required(at + u".resourceNames"_s, u"resource names cannot apply to multiple resources"_s));
    }
}

void validateSubject(const QJsonObject &subject, bool namespaced, const QString &at, QList<FieldError> &errors)
{
    const QString name = text(subject, "name"_L1);
    const QString kind = text(subject, "kind"_L1);
    const QString apiGroup = text(subject, "apiGroup"_L1);
    if (name.isEmpty())
        errors.append(required(at + u".name"_s));
    if (kind == u"ServiceAccount"_s) {
        if (!name.isEmpty())
            appendInvalid(errors, at + u".name"_s, name, dns1123SubdomainErrors(name));
        if (!apiGroup.isEmpty())
            errors.append(notSupported(at + u".apiGroup"_s, apiGroup, {QString()}));
        if (!namespaced && text(subject, "namespace"_L1).isEmpty())
            errors.append(required(at + u".namespace"_s));
    } else if (kind == u"User"_s || kind == u"Group"_s) {
        if (name.isEmpty())
            errors.append(invalidValue(at + u".name"_s, goQuote(name), kind.toLower() + u" name cannot be empty"_s));
        if (apiGroup != rbacGroup)
            errors.append(notSupported(at + u".apiGroup"_s, apiGroup, {rbacGroup}));
    } else {
        errors.append(notSupported(at + u".kind"_s, kind, {u"ServiceAccount"_s, u"User"_s, u"Group"_s}));
    }
}

void validateBinding(const QJsonObject &binding, bool namespaced, QList<FieldError> &errors)
{
    const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
    if (const QString apiGroup = text(roleRef, "apiGroup"_L1); apiGroup != rbacGroup)
        errors.append(notSupported(u"roleRef.apiGroup"_s, apiGroup, {rbacGroup}));
    const QStringList kinds = namespaced ? QStringList {u"Role"_s, u"ClusterRole"_s} : QStringList {u"ClusterRole"_s};
    if (const QString kind = text(roleRef, "kind"_L1); !kinds.contains(kind))
        errors.append(notSupported(u"roleRef.kind"_s, kind, kinds));
    const QString name = text(roleRef, "name"_L1);
    if (name.isEmpty())
        errors.append(required(u"roleRef.name"_s));
    else
        appendInvalid(errors, u"roleRef.name"_s, name, pathSegmentName(name, false));

    const QJsonArray subjects = binding.value("subjects"_L1).toArray();
    for (qsizetype i = 0; i < subjects.size(); ++i)
        validateSubject(subjects[i].toObject(), namespaced, u"subjects["_s + QString::number(i) + u']', errors);
}

void validateRoleRefUpdate(const QJsonObject &binding, const QJsonObject &old, QList<FieldError> &errors)
{
    const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
    const auto field = [&roleRef](QLatin1StringView key) { return text(roleRef, key); };
    const QJsonObject oldRoleRef = old.value("roleRef"_L1).toObject();
    if (std::ranges::any_of(std::initializer_list<QLatin1StringView> {"apiGroup"_L1, "kind"_L1, "name"_L1},
                            [&](QLatin1StringView key) { return field(key) != text(oldRoleRef, key); }))
        errors.append(invalidValue(u"roleRef"_s,
                                   u"rbac.RoleRef{APIGroup:"_s + goQuote(field("apiGroup"_L1)) + u", Kind:"_s
                                       + goQuote(field("kind"_L1)) + u", Name:"_s + goQuote(field("name"_L1)) + u'}',
                                   u"cannot change roleRef"_s));
}

} // namespace

QStringList qualifiedNameErrors(const QString &value)
{
    const QString rule = u"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                         "an alphanumeric character"_s;
    const QStringList examples {u"MyName"_s, u"my.name"_s, u"123-abc"_s};
    static const QRegularExpression format = anchored(qualifiedNameFormat);
    const QStringList parts = value.split(u'/');
    if (parts.size() > 2)
        return {u"a qualified name "_s + regexError(rule, qualifiedNameFormat, examples)
                + u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_s};
    QStringList errors;
    if (parts.size() == 2 && parts.first().isEmpty()) {
        errors.append(u"prefix part must be non-empty"_s);
    } else if (parts.size() == 2) {
        for (const QString &message : dns1123SubdomainErrors(parts.first()))
            errors.append(u"prefix part "_s + message);
    }
    const QString &name = parts.last();
    if (name.isEmpty())
        errors.append(u"name part must be non-empty"_s);
    else if (byteLength(name) > 63)
        errors.append(u"name part "_s + maxLenError(63));
    if (!format.match(name).hasMatch())
        errors.append(u"name part "_s + regexError(rule, qualifiedNameFormat, examples));
    return errors;
}

QStringList labelValueErrors(const QString &value)
{
    static const QRegularExpression format = anchored(labelValueFormat);
    QStringList errors;
    if (byteLength(value) > 63)
        errors.append(maxLenError(63));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a valid label must be an empty string or consist of alphanumeric characters, '-', "
                                 "'_' or '.', and must start and end with an alphanumeric character"_s,
                                 labelValueFormat, {u"MyValue"_s, u"my_value"_s, u"12345"_s}));
    return errors;
}

QString goQuote(const QString &value)
{
    static const QHash<char32_t, QString> escapes = {{u'"', u"\\\""_s}, {u'\\', u"\\\\"_s}, {u'\a', u"\\a"_s},
                                                     {u'\b', u"\\b"_s}, {u'\f', u"\\f"_s},  {u'\n', u"\\n"_s},
                                                     {u'\r', u"\\r"_s}, {u'\t', u"\\t"_s},  {u'\v', u"\\v"_s}};
    QString out = u"\""_s;
    for (const char32_t c : value.toUcs4()) {
        // strconv.Quote keeps printable runes; of the spaces only ' ' counts as printable.
        const bool printable = QChar::isPrint(c) && (c == u' ' || !QChar::isSpace(c));
        if (escapes.contains(c))
            out += escapes.value(c);
        else if (printable)
            out += QString::fromUcs4(&c, 1);
        else
            out += (c < 0x80          ? u"\\x"_s
                        : c < 0x10000 ? u"\\u"_s
                                      : u"\\U"_s)
                + QString::number(uint(c), 16)
                      .rightJustified(c < 0x80          ? 2
                                          : c < 0x10000 ? 4
                                                        : 8,
                                      u'0');
    }
    return out + u'"';
}

FieldError invalidValue(const QString &field, const QString &renderedValue, const QString &detail)
{
    return fieldError(u"FieldValueInvalid"_s, field, u"Invalid value"_s, renderedValue, detail);
}

QList<FieldError> validateObject(const QString &kind, const QJsonObject &object, const QJsonObject *old)
{
    QList<FieldError> errors;
    if (kind == u"Namespace"_s) {
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        else
            validateObjectMeta(object, false, dnsLabelName, errors);
    } else if (kind == u"ServiceAccount"_s || kind == u"Secret"_s || kind == u"Pod"_s) {
        // Core updates check what may change, then validate the new object as on create.
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        if (old && kind == u"Secret"_s)
            validateSecretUpdate(object, *old, errors);
        validateObjectMeta(object, true, dnsSubdomainName, errors);
        if (kind == u"Secret"_s)
            validateSecret(object, errors);
        if (kind == u"Pod"_s)
            validatePodSpec(object.value("spec"_L1).toObject(), u"spec"_s, errors);
        if (old && kind == u"Pod"_s)
            validatePodUpdate(object, *old, errors);
    } else if (kind == u"Deployment"_s || kind == u"ReplicaSet"_s) {
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        else
            validateObjectMeta(object, true, dnsSubdomainName, errors);
        validateWorkloadSpec(object, kind == u"Deployment"_s, errors);
        // apps/v1 forbids changing the selector (the strategy adds this check outside extensions/v1beta1).
        const QJsonValue selector = object.value("spec"_L1).toObject().value("selector"_L1);
        if (old && selector != old->value("spec"_L1).toObject().value("selector"_L1))
            errors.append(immutable(u"spec.selector"_s, goLabelSelector(selector)));
    } else if (kind == u"StatefulSet"_s) {
        // Names are DNS labels: they become the pods' hostnames.
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        else
            validateObjectMeta(object, true, dnsLabelName, errors);
        validateStatefulSetSpec(object, errors);
        if (old)
            validateStatefulSetUpdate(object, *old, errors);
    } else if (kind == u"DaemonSet"_s) {
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        else
            validateObjectMeta(object, true, dnsSubdomainName, errors);
        validateDaemonSetSpec(object, errors);
        // apps/v1 forbids changing the selector.
        const QJsonValue selector = object.value("spec"_L1).toObject().value("selector"_L1);
        if (old && selector != old->value("spec"_L1).toObject().value("selector"_L1))
            errors.append(immutable(u"spec.selector"_s, goLabelSelector(selector)));
    } else if (kind == u"Role"_s || kind == u"ClusterRole"_s || kind == u"RoleBinding"_s
               || kind == u"ClusterRoleBinding"_s) {
        // RBAC updates validate the new object first and the metadata change after.
        const bool namespaced = !kind.startsWith(u"Cluster"_s);
        validateObjectMeta(object, namespaced, pathSegmentName, errors);
        if (kind.endsWith(u"Binding"_s))
            validateBinding(object, namespaced, errors);
        else
            validateRules(object, namespaced, errors);
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        if (old && kind.endsWith(u"Binding"_s))
            validateRoleRefUpdate(object, *old, errors);
    }
    return errors;
}

QString aggregateFieldErrors(const QList<FieldError> &errors)
{
    QStringList texts;
    for (const FieldError &e : errors) {
        if (const QString t = e.toString(); !texts.contains(t))
            texts.append(t);
    }
    return texts.size() == 1 ? texts.first() : u'[' + texts.join(u", "_s) + u']';
}

} // namespace kubesim
