#include "Validation.h"

#include "JsonText.h"
#include "Selectors.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

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

QRegularExpression anchored(QLatin1StringView format)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(format));
}

constexpr auto kDns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"_L1;
constexpr auto kDns1123SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"_L1;
constexpr auto kQualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"_L1;
constexpr auto kLabelValueFormat = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"_L1;
constexpr auto kConfigMapKeyFormat = "[-._a-zA-Z0-9]+"_L1;

// A generateName may end in '-'; upstream checks it with its last two characters replaced by "a".
QString maskTrailingDash(const QString &name)
{
    return name.size() > 1 && name.endsWith(u'-') ? name.left(name.size() - 2) + u'a' : name;
}

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

} // namespace

// ---- Value checkers (k8s.io/apimachinery/pkg/util/validation) ----

// validation.RegexError, including its doubled space before "or".
QString regexError(const QString &message, QLatin1StringView format, const QStringList &examples)
{
    QString out = message + u" (e.g. "_s;
    for (qsizetype i = 0; i < examples.size(); ++i)
        out += (i > 0 ? u" or "_s : QString()) + u'\'' + examples[i] + u"', "_s;
    return out + u"regex used for validation is '"_s + format + u"')"_s;
}

QStringList dns1123LabelErrors(const QString &value)
{
    static const QRegularExpression format = anchored(kDns1123LabelFormat);
    QStringList errors;
    if (byteLength(value) > 63)
        errors.append(maxLenError(63));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
                                 "'-', and must start and end with an alphanumeric character"_s,
                                 kDns1123LabelFormat, {u"my-name"_s, u"123-abc"_s}));
    return errors;
}

QStringList dns1123SubdomainErrors(const QString &value)
{
    static const QRegularExpression format = anchored(kDns1123SubdomainFormat);
    QStringList errors;
    if (byteLength(value) > 253)
        errors.append(maxLenError(253));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                                 "'-' or '.', and must start and end with an alphanumeric character"_s,
                                 kDns1123SubdomainFormat, {u"example.com"_s}));
    return errors;
}

QStringList configMapKeyErrors(const QString &value)
{
    static const QRegularExpression format = anchored(kConfigMapKeyFormat);
    QStringList errors;
    if (byteLength(value) > 253)
        errors.append(maxLenError(253));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a valid config key must consist of alphanumeric characters, '-', '_' or '.'"_s,
                                 kConfigMapKeyFormat, {u"key.name"_s, u"KEY_NAME"_s, u"key-name"_s}));
    if (value == u"."_s)
        errors.append(u"must not be '.'"_s);
    else if (value == u".."_s)
        errors.append(u"must not be '..'"_s);
    else if (value.startsWith(u".."_s))
        errors.append(u"must not start with '..'"_s);
    return errors;
}

// Name rules (apimachinery ValidateNameFunc): `prefix` is set when checking a generateName.
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

FieldError required(const QString &field, const QString &detail)
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

QList<FieldError> validateMetadata(const QJsonObject &object, const QJsonObject *old, bool namespaced,
                                   NameRule nameRule)
{
    QList<FieldError> errors;
    if (old)
        validateObjectMetaUpdate(object, *old, errors);
    else
        validateObjectMeta(object, namespaced, nameRule, errors);
    return errors;
}

// ---- metav1.LabelSelector and numbers (k8s.io/apimachinery/pkg/apis/meta/v1/validation) ----

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
void validateNonNegative(const QJsonObject &object, QLatin1StringView key, const QString &path,
                         QList<FieldError> &errors)
{
    if (const qint64 value = object.value(key).toInteger(); value < 0)
        errors.append(negative(path, value));
}

QStringList qualifiedNameErrors(const QString &value)
{
    const QString rule = u"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                         "an alphanumeric character"_s;
    const QStringList examples {u"MyName"_s, u"my.name"_s, u"123-abc"_s};
    static const QRegularExpression format = anchored(kQualifiedNameFormat);
    const QStringList parts = value.split(u'/');
    if (parts.size() > 2)
        return {u"a qualified name "_s + regexError(rule, kQualifiedNameFormat, examples)
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
        errors.append(u"name part "_s + regexError(rule, kQualifiedNameFormat, examples));
    return errors;
}

QStringList labelValueErrors(const QString &value)
{
    static const QRegularExpression format = anchored(kLabelValueFormat);
    QStringList errors;
    if (byteLength(value) > 63)
        errors.append(maxLenError(63));
    if (!format.match(value).hasMatch())
        errors.append(regexError(u"a valid label must be an empty string or consist of alphanumeric characters, '-', "
                                 "'_' or '.', and must start and end with an alphanumeric character"_s,
                                 kLabelValueFormat, {u"MyValue"_s, u"my_value"_s, u"12345"_s}));
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
