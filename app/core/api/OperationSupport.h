#pragma once

#include "api/Operation.h"
#include "api/Operations.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <chrono>
#include <functional>

// What the operations share: request builders, API paths, the errors an operation concludes itself. Internal to
// api/: no UI code includes this.
namespace sa::detail {

[[nodiscard]] QByteArray compact(const QJsonObject &object);
[[nodiscard]] QByteArray compact(const QJsonArray &array);

[[nodiscard]] ApiRequest request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                                 const QByteArray &contentType = {});
[[nodiscard]] ApiRequest jsonRequest(const QByteArray &verb, const QString &path, const QJsonObject &body,
                                     const QByteArray &contentType = {});

// Names and namespaces are percent-encoded path segments (pathSegment()).
[[nodiscard]] QString corePath(const QString &ns, QLatin1StringView resource, const QString &name = {});
// Deployment, StatefulSet or DaemonSet.
[[nodiscard]] QString appsPath(const QString &kind, const QString &ns, const QString &name);

[[nodiscard]] QString uidOf(const QJsonObject &object);

// A failure this operation concluded itself (no server answer to quote): userMessage() shows the sentence.
[[nodiscard]] ApiError operationError(const QString &message);
// Keeps the first failure's kind and status (what the caller may branch on) and tells both stories: `message`, which
// quotes the first failure's userMessage(), is what userMessage() shows then.
[[nodiscard]] ApiError combinedError(ApiError first, const QString &message);

// A read-modify-write gives up after this many rounds lost to concurrent writers.
constexpr int kMaxConflictAttempts = 20;
// The wait before round `attempt`, with full jitter: writers that collided on one object spread out, so that the
// next round does not collide again.
[[nodiscard]] std::chrono::milliseconds conflictBackoff(int attempt);

// Milliseconds as whole seconds, rounded up, for messages.
[[nodiscard]] QString seconds(int milliseconds);

// The object without its secret values, for result.object.
[[nodiscard]] QJsonObject withoutData(QJsonObject object); // withoutSecretValues()

// One write to one object, for checkWriteOutcome(): a create is applied once the object is there; a delete once it is
// gone (404), being deleted (deletionTimestamp), or, when `uid` names the object meant, replaced by another of its
// name.
struct WriteCheck
{
    enum class Kind { Create, Delete };
    Kind kind = Kind::Create;
    QString path; // the object's API path
    QString uid; // a delete: the uid of the object meant, when known
    bool secret = false; // a Secret: read as metadata alone (its values never travel), the answer wiped
};

// Sends a request on an operation's behalf (its call(), which is protected).
using CallFunction = std::function<void(ApiRequest, std::function<void(const ApiResult &)>)>;

// After a write failed with `error`. When its answer leaves open whether it was applied (writeOutcome() Unknown: a
// 5xx, no answer in time, a connection lost on the way), one GET of the object tells: `applied` runs with the object
// as found (a create; a Secret without its values) or empty (a delete) if it was, else `failed` with the error, marked
// concluded NotApplied when the check showed that it was not. Any other error (or a check that fails) goes to `failed`.
void checkWriteOutcome(const CallFunction &call, const ApiError &error, const WriteCheck &check,
                       const std::function<void(const QJsonObject &)> &applied,
                       const std::function<void(const ApiError &)> &failed);

// Operation's steps are protected, so that only operations drive them; this one is built from lambdas.
class LambdaOperation final : public Operation
{
public:
    using Operation::call;
    using Operation::fail;
    using Operation::Operation;
    using Operation::succeed;
};

// An operation that fails at once (from the event loop, as every operation finishes) with `error`.
[[nodiscard]] Operation *failedOperation(KubeClient *client, const ApiError &error);
// The TokenRequest for `options` (POST .../serviceaccounts/NAME/token), and the reading of its answer into an
// IssuedToken (the token taken out of the answer's JSON; nullopt or the error that makes it a failure).
[[nodiscard]] ApiRequest tokenRequest(const QString &ns, const QString &serviceAccount,
                                      const TokenRequestOptions &options);
[[nodiscard]] std::optional<ApiError> readIssuedToken(const ApiResult &answer, OperationResult &result);

inline constexpr QLatin1StringView kTokenSecretType {"kubernetes.io/service-account-token"};
inline constexpr QLatin1StringView kServiceAccountNameAnnotation {"kubernetes.io/service-account.name"};
// The Accept header that asks for an object's metadata only (meta.k8s.io/v1 PartialObjectMetadata): the apiserver
// answers GETs and writes in that shape, so that a Secret's values never travel.
inline constexpr QByteArrayView kAcceptMetadataOnly {"application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"};

// An operation on an existing kubernetes.io/service-account-token Secret, which it first looks up by its metadata
// alone: a list filtered by name and type, answered as a PartialObjectMetadataList, so that no value is transferred.
class TokenSecretOperation : public Operation
{
protected:
    using Operation::Operation;
    // `next` gets the Secret's metadata; a missing Secret fails with the server's "not found", and one of another
    // type fails saying so, before anything is changed.
    void lookUpTokenSecret(const QString &ns, const QString &name, std::function<void(const QJsonObject &)> next);
};

} // namespace sa::detail
