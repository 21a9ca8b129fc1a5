// Secret (pkg/registry/core/secret): stringData folded into data, the checks of each secret type, and
// the type field label.

#include "JsonText.h"
#include "Kinds.h"
#include "Registry.h"
#include "Tables.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

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

class SecretStrategy final : public Strategy
{
public:
    void applyDefaults(QJsonObject &object) const override
    {
        if (text(object, "type"_L1).isEmpty())
            object.insert("type"_L1, "Opaque"_L1);
        // stringData is write-only: it is folded into data, where it wins over the same key.
        const QJsonObject stringData = object.take("stringData"_L1).toObject();
        if (!stringData.isEmpty()) {
            QJsonObject data = object.value("data"_L1).toObject();
            for (auto it = stringData.begin(); it != stringData.end(); ++it)
                data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
            object.insert("data"_L1, data);
        }
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        // Core updates check what may change, then validate the new object as on create.
        QList<FieldError> errors;
        if (old) {
            validateObjectMetaUpdate(object, *old, errors);
            validateSecretUpdate(object, *old, errors);
        }
        validateObjectMeta(object, true, dnsSubdomainName, errors);
        validateSecret(object, errors);
        return errors;
    }

    QJsonArray tableColumns() const override
    {
        return {column(u"Type"_s, u"string"_s, u"The type of the secret"_s),
                column(u"Data"_s, u"string"_s, u"The number of entries in the data map"_s), ageColumn()};
    }

    QJsonArray tableCells(const QJsonObject &secret, const QString &age) const override
    {
        return {secret.value("type"_L1).toString(), qint64(secret.value("data"_L1).toObject().size()), age};
    }

    QStringList fieldLabels() const override { return {u"type"_s}; }
};

} // namespace

const Strategy &secretStrategy()
{
    static const SecretStrategy strategy;
    return strategy;
}

} // namespace kubesim
