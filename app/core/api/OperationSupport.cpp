#include "api/OperationSupport.h"

#include "api/ApiPath.h"
#include "api/Informer.h"
#include "api/RetryPolicy.h"
#include "resources/SecretEncoding.h"

#include <QDateTime>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sa::detail {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

ApiRequest request(const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    ApiRequest result;
    result.verb = verb;
    result.path = path;
    result.body = body;
    result.contentType = contentType;
    return result;
}

ApiRequest jsonRequest(const QByteArray &verb, const QString &path, const QJsonObject &body,
                       const QByteArray &contentType)
{
    return request(verb, path, compact(body), contentType);
}

QString corePath(const QString &ns, QLatin1StringView resource, const QString &name)
{
    const QString collection = u"/api/v1/namespaces/"_s + pathSegment(ns) + u'/' + resource;
    return name.isEmpty() ? collection : collection + u'/' + pathSegment(name);
}

QString appsPath(const QString &kind, const QString &ns, const QString &name)
{
    return u"/apis/apps/v1/namespaces/"_s + pathSegment(ns) + u'/' + kind.toLower() + u"s/"_s + pathSegment(name);
}

std::chrono::milliseconds conflictBackoff(int attempt)
{
    RetryPolicy policy;
    policy.initialBackoff = std::chrono::milliseconds(50);
    policy.maxBackoff = std::chrono::milliseconds(1000);
    policy.jitter = 1.0;
    return policy.backoff(attempt);
}

QString uidOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject().value("uid"_L1).toString();
}

ApiError operationError(const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.message = message;
    return error;
}

ApiError combinedError(ApiError first, const QString &message)
{
    first.message = message;
    first.composed = true;
    return first;
}

QString seconds(int milliseconds)
{
    return QString::number((milliseconds + 999) / 1000);
}

QJsonObject withoutData(QJsonObject object)
{
    return withoutSecretValues(std::move(object));
}

void checkWriteOutcome(const CallFunction &call, const ApiError &error, const WriteCheck &check,
                       const std::function<void(const QJsonObject &)> &applied,
                       const std::function<void(const ApiError &)> &failed)
{
    if (error.writeOutcome() != ApiError::WriteOutcome::Unknown || error.kind == ApiError::Kind::Canceled) {
        failed(error);
        return;
    }
    ApiRequest get = request("GET", check.path);
    // The user waits for this answer after a write that already took its time: one retry, not the policy's four.
    get.maxAttempts = 2;
    if (check.secret) {
        get.accept = kAcceptMetadataOnly.toByteArray();
        get.sensitive = true;
    }
    call(std::move(get), [error, check, applied, failed](const ApiResult &answer) {
        if (!answer.ok() && !answer.error->isNotFound()) {
            failed(error); // still open: the server that answered could not say either
            return;
        }
        QJsonObject object;
        if (answer.ok() && check.secret) {
            redactJsonSecrets(answer.body, secretValueMembers()); // in case the server sent them anyway
            object = withoutData(answer.json());
            wipe(answer.body);
        } else if (answer.ok()) {
            object = answer.json();
        }
        bool done = answer.ok();
        if (check.kind == WriteCheck::Kind::Delete) {
            const bool another = !check.uid.isEmpty() && uidOf(object) != check.uid;
            done = !answer.ok() || object.value("metadata"_L1)[u"deletionTimestamp"].isString() || another;
            object = {};
        }
        if (done) {
            applied(object);
            return;
        }
        ApiError checked = error;
        checked.concluded = ApiError::WriteOutcome::NotApplied;
        failed(checked);
    });
}

Operation *failedOperation(KubeClient *client, const ApiError &error)
{
    auto *operation = new LambdaOperation(client);
    operation->fail(error);
    return operation;
}

ApiRequest tokenRequest(const QString &ns, const QString &serviceAccount, const TokenRequestOptions &options)
{
    QJsonObject spec;
    // Zero or less leaves the choice to the server (an hour).
    if (options.expirationSeconds > 0)
        spec.insert("expirationSeconds"_L1, options.expirationSeconds);
    if (!options.audiences.isEmpty())
        spec.insert("audiences"_L1, QJsonArray::fromStringList(options.audiences));
    if (!options.boundKind.isEmpty()) {
        QJsonObject bound {{"kind"_L1, options.boundKind}, {"apiVersion"_L1, "v1"_L1}, {"name"_L1, options.boundName}};
        if (!options.boundUid.isEmpty())
            bound.insert("uid"_L1, options.boundUid);
        spec.insert("boundObjectRef"_L1, bound);
    }
    const QJsonObject body {
        {"apiVersion"_L1, "authentication.k8s.io/v1"_L1}, {"kind"_L1, "TokenRequest"_L1}, {"spec"_L1, spec}};
    return jsonRequest("POST", corePath(ns, "serviceaccounts"_L1, serviceAccount) + u"/token"_s, body);
}

std::optional<ApiError> readIssuedToken(const ApiResult &answer, OperationResult &result)
{
    // The token goes from the reply's buffer into SecretBytes; the parser sees it redacted.
    IssuedToken issued;
    bool ok = true;
    static const JsonSecrets token {{}, {"token"}};
    redactJsonSecrets(answer.body, token, [&](QByteArrayView, QByteArrayView, QByteArrayView raw) {
        if (issued.token.isEmpty())
            issued.token = jsonStringSecret(raw, &ok);
    });
    if (!ok)
        issued.token.clear();
    QJsonObject object = answer.json();
    QJsonObject status = object.value("status"_L1).toObject();
    status.remove("token"_L1);
    if (issued.token.isEmpty())
        return ApiError::decode(Operation::tr("the TokenRequest came back without a token"));
    issued.expiresAt = QDateTime::fromString(status.value("expirationTimestamp"_L1).toString(), Qt::ISODate).toUTC();
    result.value = std::move(issued);
    object.insert("status"_L1, status);
    result.object = object;
    return std::nullopt;
}

void TokenSecretOperation::lookUpTokenSecret(const QString &ns, const QString &name,
                                             std::function<void(const QJsonObject &)> next)
{
    ApiRequest list = request("GET", corePath(ns, "secrets"_L1));
    list.query = {{u"fieldSelector"_s, u"metadata.name="_s + name + u",type="_s + kTokenSecretType}};
    list.accept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
    call(std::move(list), [this, ns, name, next = std::move(next)](const ApiResult &answer) {
        if (!answer.ok()) {
            fail(*answer.error);
            return;
        }
        const QJsonArray items = answer.json().value("items"_L1).toArray();
        if (!items.isEmpty()) {
            next(items.first()[u"metadata"].toObject());
            return;
        }
        // Not listed: missing (the server says so in its words) or of another type.
        ApiRequest one = request("GET", corePath(ns, "secrets"_L1, name));
        one.accept = kAcceptMetadataOnly.toByteArray();
        call(std::move(one), [this, ns, name](const ApiResult &single) {
            if (!single.ok())
                fail(*single.error);
            else
                fail(operationError(Operation::tr("Secret %1/%2 is not a service-account token (its type is not %3).")
                                        .arg(ns, name, kTokenSecretType)));
        });
    });
}

} // namespace sa::detail
