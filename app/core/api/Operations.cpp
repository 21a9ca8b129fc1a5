#include "api/Operations.h"

#include "api/RetryPolicy.h"
#include "auth/Credentials.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTimer>

#include <openssl/crypto.h>

#include <chrono>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// A read-modify-write gives up after this many rounds lost to concurrent writers.
constexpr int kMaxConflictAttempts = 20;
constexpr int kTokenSecretPollMs = 200;
constexpr int kRolloutPollMs = 500;
constexpr int kPodGonePollMs = 200;
constexpr int kPodGoneWaitMs = 30000;

const auto kTokenSecretType = "kubernetes.io/service-account-token"_L1;
const auto kServiceAccountNameAnnotation = "kubernetes.io/service-account.name"_L1;

// Overwrites a buffer in place, through every implicitly shared copy (a request body the finished job still
// holds, a reply the job received), rather than detaching a fresh copy to wipe. Only for buffers whose readers
// are all done.
void wipe(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
}

void wipe(QString &text)
{
    if (!text.isEmpty())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
}

// A secret value that JSON parsing handed over as a QString: moved into SecretBytes, the string wiped.
SecretBytes takeSecret(QString text)
{
    const QByteArray utf8 = text.toUtf8();
    SecretBytes secret(utf8);
    wipe(utf8);
    wipe(text);
    return secret;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

ApiRequest request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                   const QByteArray &contentType = {})
{
    ApiRequest result;
    result.verb = verb;
    result.path = path;
    result.body = body;
    result.contentType = contentType;
    return result;
}

QString corePath(const QString &ns, QLatin1StringView resource, const QString &name = {})
{
    const QString collection = u"/api/v1/namespaces/"_s + ns + u'/' + resource;
    return name.isEmpty() ? collection : collection + u'/' + name;
}

// Deployment, StatefulSet or DaemonSet.
QString appsPath(const QString &kind, const QString &ns, const QString &name)
{
    return u"/apis/apps/v1/namespaces/"_s + ns + u'/' + kind.toLower() + u"s/"_s + name;
}

QString uidOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject().value("uid"_L1).toString();
}

QString serviceAccountUser(const QString &ns, const QString &name)
{
    return u"system:serviceaccount:"_s + ns + u':' + name;
}

// A failure this operation concluded itself (no server answer to quote): userMessage() shows the sentence.
ApiError operationError(const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.message = message;
    return error;
}

// Keeps the first failure's status (what the caller may branch on) and tells both stories.
ApiError combinedError(ApiError first, const QString &message)
{
    first.message = message;
    return first;
}

QString seconds(int milliseconds)
{
    return QString::number((milliseconds + 999) / 1000);
}

// The object without its secret values, for result.object.
QJsonObject withoutData(QJsonObject object)
{
    object.remove("data"_L1);
    object.remove("stringData"_L1);
    return object;
}

// Full jitter: writers that collided on one object spread out, so that the next round does not collide again.
std::chrono::milliseconds conflictBackoff(int attempt)
{
    RetryPolicy policy;
    policy.initialBackoff = std::chrono::milliseconds(50);
    policy.maxBackoff = std::chrono::milliseconds(1000);
    policy.jitter = 1.0;
    return policy.backoff(attempt);
}

// Appends a string as Go's encoding/json writes it (HTML-safe escapes included), so that a .dockerconfigjson is
// byte for byte what kubectl stores. `out` must have room reserved: a reallocation would leave a copy behind.
void appendGoJsonString(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
            out += '\\';
            out += c == '\b' ? 'b' : c == '\f' ? 'f' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else if (c == 0xe2 && i + 2 < utf8.size() && static_cast<unsigned char>(utf8.at(i + 1)) == 0x80
                   && (static_cast<unsigned char>(utf8.at(i + 2)) & 0xfe) == 0xa8) {
            // U+2028 and U+2029 end a line in JavaScript: Go escapes them.
            out += "\\u202";
            out += static_cast<unsigned char>(utf8.at(i + 2)) == 0xa8 ? '8' : '9';
            i += 2;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

// Appends a YAML double-quoted scalar: quotes, backslashes, control characters and the characters YAML 1.1 reads
// as line breaks (NEL, LS, PS) escaped, everything else as is. `out` must have room reserved (see above).
void appendYamlQuoted(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    const auto byte = [&utf8](qsizetype i) { return i < utf8.size() ? static_cast<unsigned char>(utf8.at(i)) : 0; };
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = byte(i);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else if (c == 0xc2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f) {
            // C1 controls (NEL among them) may not appear raw.
            out += "\\x";
            out += hex[byte(i + 1) >> 4];
            out += hex[byte(i + 1) & 0xf];
            ++i;
        } else if (c == 0xe2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xa8 || byte(i + 2) == 0xa9)) {
            out += byte(i + 2) == 0xa8 ? "\\L" : "\\P";
            i += 2;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

QByteArray yamlQuoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(4 * utf8.size() + 2);
    appendYamlQuoted(out, utf8);
    return out;
}

// Operation's steps are protected, so that only operations drive them; this one is built from lambdas.
class LambdaOperation final : public Operation
{
public:
    using Operation::call;
    using Operation::fail;
    using Operation::Operation;
    using Operation::succeed;
};

// Turns a successful answer into the result; returns the error that makes it a failure after all, if any.
using Interpret = std::function<std::optional<ApiError>(const ApiResult &, OperationResult &)>;

enum class Sensitive { No, Yes };

// One request: fails with the server's error, else result.object is the answer (or what `interpret` makes of
// it). A sensitive request has its request and answer bodies wiped as soon as the answer is read.
Operation *singleRequest(KubeClient *client, ApiRequest apiRequest, Interpret interpret = {},
                         Sensitive sensitive = Sensitive::No)
{
    auto *operation = new LambdaOperation(client);
    // Shares the job's buffer, so that wiping it reaches the copy the job holds.
    const QByteArray sentBody = sensitive == Sensitive::Yes ? apiRequest.body : QByteArray();
    operation->call(std::move(apiRequest), [operation, sentBody, sensitive, interpret](const ApiResult &answer) {
        const auto cleanup = qScopeGuard([&] {
            if (sensitive == Sensitive::Yes) {
                wipe(sentBody);
                wipe(answer.body);
            }
        });
        if (!answer.ok()) {
            operation->fail(*answer.error);
            return;
        }
        OperationResult result;
        result.warnings = answer.warnings;
        if (!interpret) {
            result.object = answer.json();
        } else if (const std::optional<ApiError> error = interpret(answer, result)) {
            operation->fail(*error);
            return;
        }
        operation->succeed(std::move(result));
    });
    return operation;
}

ApiRequest jsonRequest(const QByteArray &verb, const QString &path, const QJsonObject &body,
                       const QByteArray &contentType = {})
{
    return request(verb, path, compact(body), contentType);
}

// Sends a review (SelfSubjectReview, SubjectAccessReview, ...) and answers with one object of its status.
Operation *review(KubeClient *client, ApiRequest apiRequest, const QString &statusField = {})
{
    return singleRequest(client, std::move(apiRequest),
                         [statusField](const ApiResult &answer, OperationResult &result) -> std::optional<ApiError> {
                             const QJsonValue status = answer.json().value("status"_L1);
                             const QJsonValue value = statusField.isEmpty() ? status : status[statusField];
                             if (!value.isObject())
                                 return ApiError::decode(
                                     u"the review came back without status"_s
                                     + (statusField.isEmpty() ? QString() : QString(u'.' + statusField)));
                             result.object = value.toObject();
                             return std::nullopt;
                         });
}

// Adds or removes one imagePullSecrets entry: GET, then a JSON Patch that first tests the resourceVersion read,
// so that a concurrent writer makes the patch fail instead of being overwritten; then read again and retry.
class PullSecretChange final : public Operation
{
public:
    enum class Change { Attach, Detach };

    PullSecretChange(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &secret,
                     Change change)
        : Operation(client)
        , m_path(corePath(ns, "serviceaccounts"_L1, serviceAccount))
        , m_secret(secret)
        , m_change(change)
    {
        read();
    }

private:
    void read()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                patch(answer.json());
        });
    }

    void patch(const QJsonObject &account)
    {
        const QString resourceVersion = account[u"metadata"][u"resourceVersion"].toString();
        const QJsonArray current = account.value("imagePullSecrets"_L1).toArray();
        QJsonArray remaining;
        for (const QJsonValue &entry : current) {
            if (entry[u"name"].toString() != m_secret)
                remaining.append(entry);
        }
        const bool present = remaining.size() != current.size();
        if (present == (m_change == Change::Attach)) {
            OperationResult result;
            result.object = account;
            succeed(std::move(result));
            return;
        }
        QJsonObject edit;
        if (m_change == Change::Attach) {
            const QJsonObject entry {{"name"_L1, m_secret}};
            // "add" on an existing member replaces it, so an empty list present is no different from none.
            edit = current.isEmpty()
                ? QJsonObject {{"op"_L1, "add"_L1},
                               {"path"_L1, "/imagePullSecrets"_L1},
                               {"value"_L1, QJsonArray {entry}}}
                : QJsonObject {{"op"_L1, "add"_L1}, {"path"_L1, "/imagePullSecrets/-"_L1}, {"value"_L1, entry}};
        } else {
            edit = remaining.isEmpty()
                ? QJsonObject {{"op"_L1, "remove"_L1}, {"path"_L1, "/imagePullSecrets"_L1}}
                : QJsonObject {{"op"_L1, "replace"_L1}, {"path"_L1, "/imagePullSecrets"_L1}, {"value"_L1, remaining}};
        }
        const QJsonArray operations {QJsonObject {{"op"_L1, "test"_L1},
                                                  {"path"_L1, "/metadata/resourceVersion"_L1},
                                                  {"value"_L1, resourceVersion}},
                                     edit};
        call(request("PATCH", m_path, compact(operations), "application/json-patch+json"),
             [this](const ApiResult &answer) {
                 if (answer.ok()) {
                     OperationResult result;
                     result.object = answer.json();
                     result.warnings = answer.warnings;
                     succeed(std::move(result));
                     return;
                 }
                 // A failed "test" comes back as 422 (the apiserver cannot tell it from other JSON Patch errors);
                 // the patch is built from the object just read, so a changed resourceVersion is the cause.
                 const ApiError &error = *answer.error;
                 if (!error.isConflict() && !error.is(422)) {
                     fail(error);
                     return;
                 }
                 if (++m_attempt >= kMaxConflictAttempts) {
                     fail(combinedError(error,
                                        u"Gave up after "_s + QString::number(m_attempt)
                                            + u" attempts: the service account kept changing meanwhile. "_s
                                            + u"Try again."_s));
                     return;
                 }
                 after(int(conflictBackoff(m_attempt).count()), [this] { read(); });
             });
    }

    QString m_path;
    QString m_secret;
    Change m_change;
    int m_attempt = 0;
};

// Creates a service-account-token Secret and waits for the token controller to fill it.
class TokenSecretCreation final : public Operation
{
public:
    TokenSecretCreation(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &name,
                        int waitMs)
        : Operation(client)
        , m_ns(ns)
        , m_serviceAccount(serviceAccount)
        , m_path(corePath(ns, "secrets"_L1, name))
        , m_name(name)
        , m_waitMs(waitMs)
    {
        // The controller deletes a token secret whose account does not exist: asking first gives the server's
        // own "not found" instead of a secret that appears and vanishes.
        call(request("GET", corePath(ns, "serviceaccounts"_L1, serviceAccount)), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                create();
        });
    }

private:
    void create()
    {
        const QJsonObject secret {
            {"apiVersion"_L1, "v1"_L1},
            {"kind"_L1, "Secret"_L1},
            {"metadata"_L1,
             QJsonObject {{"name"_L1, m_name},
                          {"namespace"_L1, m_ns},
                          {"annotations"_L1, QJsonObject {{kServiceAccountNameAnnotation, m_serviceAccount}}}}},
            {"type"_L1, kTokenSecretType}};
        call(jsonRequest("POST", corePath(m_ns, "secrets"_L1), secret), [this](const ApiResult &answer) {
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            m_uid = uidOf(answer.json());
            m_deadline.setRemainingTime(m_waitMs);
            poll();
        });
    }

    void poll()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            const auto cleanup = qScopeGuard([&] { wipe(answer.body); });
            const QJsonObject object = answer.ok() ? answer.json() : QJsonObject();
            if ((answer.error && answer.error->isNotFound()) || (answer.ok() && uidOf(object) != m_uid)) {
                fail(operationError(u"The token controller deleted secret "_s + m_ns + u'/' + m_name
                                    + u": service account "_s + m_ns + u'/' + m_serviceAccount
                                    + u" no longer exists."_s));
                return;
            }
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            std::optional<Secret> secret = Secret::fromJson(object);
            if (!secret) {
                fail(ApiError::decode(u"secret "_s + m_name + u" could not be read"_s));
                return;
            }
            const SecretBytes token = secret->data.value(u"token"_s);
            if (!token.isEmpty()) {
                OperationResult result;
                result.object = withoutData(object);
                result.token = token;
                result.secret = std::move(secret);
                succeed(std::move(result));
                return;
            }
            if (m_deadline.hasExpired())
                removeUnfilled();
            else
                after(kTokenSecretPollMs, [this] { poll(); });
        });
    }

    // An unfilled token secret is of no use and would confuse whoever finds it: it goes, unless it changed hands.
    void removeUnfilled()
    {
        const QString message = u"The token controller did not fill secret "_s + m_ns + u'/' + m_name + u" within "_s
            + seconds(m_waitMs) + u" s"_s;
        const QJsonObject options {{"preconditions"_L1, QJsonObject {{"uid"_L1, m_uid}}},
                                   {"propagationPolicy"_L1, "Background"_L1}};
        call(jsonRequest("DELETE", m_path, options), [this, message](const ApiResult &answer) {
            if (answer.ok() || answer.error->isNotFound())
                fail(operationError(message + u"; the empty secret was deleted again. Is the token controller "_s
                                    + u"(kube-controller-manager) running?"_s));
            else
                fail(combinedError(*answer.error,
                                   message + u", and deleting the empty secret failed: "_s
                                       + answer.error->userMessage()));
        });
    }

    QString m_ns;
    QString m_serviceAccount;
    QString m_path;
    QString m_name;
    QString m_uid;
    int m_waitMs;
    QDeadlineTimer m_deadline;
};

// Sets a Deployment's serviceAccountName and follows the rollout as `kubectl rollout status` does.
class WorkloadRollout final : public Operation
{
public:
    WorkloadRollout(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
                    const QString &serviceAccount, int timeoutMs)
        : Operation(client)
        , m_kind(kind)
        , m_path(appsPath(kind, ns, name))
        , m_timeoutMs(timeoutMs)
        , m_deadline(timeoutMs)
    {
        // What `kubectl set serviceaccount` sends: a strategic merge patch of the one field.
        const QJsonObject patch {
            {"spec"_L1,
             QJsonObject {
                 {"template"_L1, QJsonObject {{"spec"_L1, QJsonObject {{"serviceAccountName"_L1, serviceAccount}}}}}}}};
        call(jsonRequest("PATCH", m_path, patch, "application/strategic-merge-patch+json"),
             [this](const ApiResult &answer) { check(answer); });
    }

private:
    // Where the rollout stands, as kubectl decides it; a failure that waiting will not cure sets *failure.
    std::optional<RolloutStatus> observe(const QJsonObject &object, QString *failure)
    {
        if (m_kind == "StatefulSet"_L1) {
            const auto set = StatefulSet::fromJson(object);
            return set ? std::optional(set->rollout()) : std::nullopt;
        }
        if (m_kind == "DaemonSet"_L1) {
            const auto set = DaemonSet::fromJson(object);
            return set ? std::optional(set->rollout()) : std::nullopt;
        }
        const std::optional<Deployment> deployment = Deployment::fromJson(object);
        if (!deployment)
            return std::nullopt;
        RolloutStatus status;
        status.done = deployment->rolledOut(&status.message);
        const bool observed = deployment->meta.generation <= deployment->observedGeneration;
        if (!status.done && observed && deployment->progressingReason == "ProgressDeadlineExceeded"_L1) {
            *failure = status.message;
        } else if (!status.done && observed && !deployment->replicaFailure.isEmpty() && ++m_failedPolls >= 2) {
            // kubectl would wait for the progress deadline (10 min); a refusal seen twice is not a passing one.
            *failure = u"The new pods of deployment \""_s + deployment->meta.name + u"\" are refused: "_s
                + deployment->replicaFailure;
        }
        return status;
    }

    void check(const ApiResult &answer)
    {
        if (!answer.ok()) {
            fail(*answer.error);
            return;
        }
        m_warnings += answer.warnings;
        const QJsonObject object = answer.json();
        QString failure;
        const std::optional<RolloutStatus> status = observe(object, &failure);
        if (!status) {
            fail(ApiError::decode(u"the answer is not a "_s + m_kind));
            return;
        }
        if (status->message != m_lastMessage) {
            m_lastMessage = status->message;
            Q_EMIT progress(status->message);
        }
        if (status->done) {
            OperationResult result;
            result.object = object;
            result.warnings = m_warnings;
            if (!status->automatic)
                result.warnings.append(status->message + u": the pods running now keep their service account until "_s
                                       + u"they are deleted."_s);
            succeed(std::move(result));
        } else if (!failure.isEmpty()) {
            fail(operationError(failure));
        } else if (m_deadline.hasExpired()) {
            fail(operationError(u"The rollout did not finish within "_s + seconds(m_timeoutMs) + u" s: "_s
                                + m_lastMessage));
        } else {
            after(kRolloutPollMs,
                  [this] { call(request("GET", m_path), [this](const ApiResult &next) { check(next); }); });
        }
    }

    QString m_kind;
    QString m_path;
    int m_timeoutMs;
    QDeadlineTimer m_deadline;
    QString m_lastMessage;
    QStringList m_warnings;
    int m_failedPolls = 0;
};

bool isTokenVolume(const QJsonValue &volume)
{
    return volume[u"name"].toString().startsWith("kube-api-access-"_L1);
}

// The pod as a client would have written it: no server-set metadata or status, no node, and no token volume
// the ServiceAccount admission plugin added for the old account (it adds one for the new account).
QJsonObject podToCreate(const QJsonObject &pod, const QString &serviceAccount)
{
    const QJsonObject metadata = pod.value("metadata"_L1).toObject();
    QJsonObject newMetadata;
    for (const auto field : {"name"_L1, "namespace"_L1, "labels"_L1, "annotations"_L1}) {
        if (metadata.contains(field))
            newMetadata.insert(field, metadata.value(field));
    }
    QJsonObject spec = pod.value("spec"_L1).toObject();
    spec.remove("nodeName"_L1);
    spec.remove("serviceAccount"_L1);
    // Ephemeral containers can only be added to a running pod, never on create.
    spec.remove("ephemeralContainers"_L1);
    spec.insert("serviceAccountName"_L1, serviceAccount);
    QJsonArray volumes;
    for (const QJsonValue &volume : spec.value("volumes"_L1).toArray()) {
        if (!isTokenVolume(volume))
            volumes.append(volume);
    }
    if (volumes.isEmpty())
        spec.remove("volumes"_L1);
    else
        spec.insert("volumes"_L1, volumes);
    for (const auto list : {"initContainers"_L1, "containers"_L1}) {
        if (!spec.contains(list))
            continue;
        QJsonArray containers = spec.value(list).toArray();
        for (auto container = containers.begin(); container != containers.end(); ++container) {
            QJsonObject object = container->toObject();
            QJsonArray mounts;
            for (const QJsonValue &mount : object.value("volumeMounts"_L1).toArray()) {
                if (!isTokenVolume(mount))
                    mounts.append(mount);
            }
            if (mounts.isEmpty())
                object.remove("volumeMounts"_L1);
            else
                object.insert("volumeMounts"_L1, mounts);
            *container = object;
        }
        spec.insert(list, containers);
    }
    return {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Pod"_L1}, {"metadata"_L1, newMetadata}, {"spec"_L1, spec}};
}

// A pod's service account is immutable: delete the bare pod, create it again with the new account, and put the
// original back if the new one is refused.
class PodRecreation final : public Operation
{
public:
    PodRecreation(KubeClient *client, const QString &ns, const QString &pod, const QString &serviceAccount)
        : Operation(client)
        , m_ns(ns)
        , m_path(corePath(ns, "pods"_L1, pod))
        , m_serviceAccount(serviceAccount)
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                replace(answer.json());
        });
    }

private:
    void replace(const QJsonObject &object)
    {
        const std::optional<Pod> pod = Pod::fromJson(object);
        if (!pod) {
            fail(ApiError::decode(u"the answer is not a Pod"_s));
            return;
        }
        for (const OwnerReference &owner : pod->meta.ownerReferences) {
            if (owner.controller) {
                fail(operationError(u"Pod "_s + pod->meta.key() + u" is managed by "_s + owner.kind + u' ' + owner.name
                                    + u", which would replace a recreated pod with its own template. "_s
                                    + u"Change the service account of its owner (for a Deployment, its pod "_s
                                    + u"template) instead."_s));
                return;
            }
        }
        if (pod->serviceAccountName == m_serviceAccount) {
            OperationResult result;
            result.object = object;
            succeed(std::move(result));
            return;
        }
        m_uid = pod->meta.uid;
        m_original = podToCreate(object, pod->serviceAccountName);
        m_replacement = podToCreate(object, m_serviceAccount);
        // From here on the pod must come back, new or original, whatever the caller wants.
        setCancelable(false);
        // The uid precondition makes sure that the pod deleted is the one read, not a namesake created meanwhile.
        const QJsonObject options {{"gracePeriodSeconds"_L1, 0},
                                   {"preconditions"_L1, QJsonObject {{"uid"_L1, m_uid}}},
                                   {"propagationPolicy"_L1, "Background"_L1}};
        call(jsonRequest("DELETE", m_path, options), [this](const ApiResult &answer) {
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            Q_EMIT progress(u"Deleted pod "_s + m_ns + u'/' + name() + u", waiting for it to go"_s);
            m_deadline.setRemainingTime(kPodGoneWaitMs);
            waitGone();
        });
    }

    void waitGone()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            if (answer.error && answer.error->isNotFound()) {
                create();
            } else if (!answer.ok()) {
                fail(combinedError(*answer.error,
                                   u"Pod "_s + name() + u" was deleted, but checking that it is gone "_s + u"failed: "_s
                                       + answer.error->userMessage()),
                     m_original);
            } else if (uidOf(answer.json()) != m_uid) {
                fail(operationError(u"Pod "_s + name() + u" was deleted, and someone else created a pod of that "_s
                                    + u"name meanwhile."_s),
                     m_original);
            } else if (m_deadline.hasExpired()) {
                fail(operationError(u"Pod "_s + name() + u" was deleted but is still terminating after "_s
                                    + seconds(kPodGoneWaitMs) + u" s (a finalizer?); it was not created again."_s),
                     m_original);
            } else {
                after(kPodGonePollMs, [this] { waitGone(); });
            }
        });
    }

    void create()
    {
        call(jsonRequest("POST", corePath(m_ns, "pods"_L1), m_replacement), [this](const ApiResult &answer) {
            if (answer.ok()) {
                OperationResult result;
                result.object = answer.json();
                result.warnings = answer.warnings;
                succeed(std::move(result));
            } else {
                restore(*answer.error);
            }
        });
    }

    void restore(const ApiError &refused)
    {
        // The server's message has no full stop of its own, and another sentence follows.
        QString refusal =
            u"The pod with service account "_s + m_serviceAccount + u" was refused: "_s + refused.userMessage();
        if (!refusal.endsWith(u'.') && !refusal.endsWith(u'!') && !refusal.endsWith(u'?'))
            refusal += u'.';
        call(jsonRequest("POST", corePath(m_ns, "pods"_L1), m_original),
             [this, refused, refusal](const ApiResult &answer) {
                 if (answer.ok())
                     fail(combinedError(refused, refusal + u" The original pod was created again."_s));
                 else
                     fail(combinedError(refused,
                                        refusal + u" Creating the original pod again failed too: "_s
                                            + answer.error->userMessage()),
                          m_original);
             });
    }

    QString name() const { return m_original[u"metadata"][u"name"].toString(); }

    QString m_ns;
    QString m_path;
    QString m_serviceAccount;
    QString m_uid;
    QJsonObject m_original;
    QJsonObject m_replacement;
    QDeadlineTimer m_deadline;
};

} // namespace

Operation::Operation(KubeClient *client)
    : QObject(client)
    , m_client(client)
{ }

void Operation::cancel()
{
    if (m_done || !m_cancelable)
        return;
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    ApiError canceled;
    canceled.kind = ApiError::Kind::Canceled;
    canceled.message = u"canceled"_s;
    fail(canceled);
}

void Operation::call(ApiRequest request, std::function<void(const ApiResult &)> next)
{
    if (m_done)
        return;
    if (!m_client) {
        fail(operationError(u"The connection to the cluster was closed."_s));
        return;
    }
    m_job = m_client->send(std::move(request));
    connect(m_job, &ApiJob::finished, this, [this, next = std::move(next)](const ApiResult &result) {
        m_job.clear();
        if (!m_done)
            next(result);
    });
}

void Operation::fail(const ApiError &error, const QJsonObject &object)
{
    OperationResult result;
    result.error = error;
    result.object = object;
    finish(std::move(result));
}

void Operation::succeed(OperationResult result)
{
    result.error.reset();
    finish(std::move(result));
}

void Operation::finish(OperationResult result)
{
    if (m_done)
        return;
    m_done = true;
    // Queued, so that finished() never comes before the caller connected to it, even for an operation that
    // fails before its first request.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            Q_EMIT finished(result);
            deleteLater();
        },
        Qt::QueuedConnection);
}

void Operation::after(int milliseconds, std::function<void()> next)
{
    QTimer::singleShot(milliseconds, this, [this, next = std::move(next)] {
        if (!m_done)
            next();
    });
}

namespace ops {

Operation *createServiceAccount(KubeClient *client, const ServiceAccountSpec &spec)
{
    const auto toObject = [](const QMap<QString, QString> &map) {
        QJsonObject object;
        for (auto it = map.begin(); it != map.end(); ++it)
            object.insert(it.key(), it.value());
        return object;
    };
    QJsonObject metadata {{"name"_L1, spec.name}, {"namespace"_L1, spec.ns}};
    if (!spec.labels.isEmpty())
        metadata.insert("labels"_L1, toObject(spec.labels));
    if (!spec.annotations.isEmpty())
        metadata.insert("annotations"_L1, toObject(spec.annotations));
    QJsonObject account {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "ServiceAccount"_L1}, {"metadata"_L1, metadata}};
    if (spec.automountServiceAccountToken)
        account.insert("automountServiceAccountToken"_L1, *spec.automountServiceAccountToken);
    if (!spec.imagePullSecrets.isEmpty()) {
        QJsonArray secrets;
        for (const QString &name : spec.imagePullSecrets)
            secrets.append(QJsonObject {{"name"_L1, name}});
        account.insert("imagePullSecrets"_L1, secrets);
    }
    return singleRequest(client, jsonRequest("POST", corePath(spec.ns, "serviceaccounts"_L1), account));
}

Operation *deleteServiceAccount(KubeClient *client, const QString &ns, const QString &name)
{
    return singleRequest(client,
                         jsonRequest("DELETE", corePath(ns, "serviceaccounts"_L1, name),
                                     QJsonObject {{"propagationPolicy"_L1, "Background"_L1}}));
}

Operation *requestToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                        const TokenRequestOptions &options)
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
    const QJsonObject tokenRequest {
        {"apiVersion"_L1, "authentication.k8s.io/v1"_L1}, {"kind"_L1, "TokenRequest"_L1}, {"spec"_L1, spec}};
    return singleRequest(
        client, jsonRequest("POST", corePath(ns, "serviceaccounts"_L1, serviceAccount) + u"/token"_s, tokenRequest),
        [](const ApiResult &answer, OperationResult &result) -> std::optional<ApiError> {
            QJsonObject object = answer.json();
            QJsonObject status = object.value("status"_L1).toObject();
            result.token = takeSecret(status.take("token"_L1).toString());
            if (result.token.isEmpty())
                return ApiError::decode(u"the TokenRequest came back without a token"_s);
            result.expiresAt =
                QDateTime::fromString(status.value("expirationTimestamp"_L1).toString(), Qt::ISODate).toUTC();
            object.insert("status"_L1, status);
            result.object = object;
            return std::nullopt;
        },
        Sensitive::Yes);
}

Operation *createTokenSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                             const QString &secretName, int waitMs)
{
    return new TokenSecretCreation(client, ns, serviceAccount, secretName, waitMs);
}

Operation *readSecret(KubeClient *client, const QString &ns, const QString &name)
{
    return singleRequest(
        client, request("GET", corePath(ns, "secrets"_L1, name)),
        [](const ApiResult &answer, OperationResult &result) -> std::optional<ApiError> {
            const QJsonObject object = answer.json();
            result.secret = Secret::fromJson(object);
            if (!result.secret)
                return ApiError::decode(u"the secret has no name or a value that is not base64"_s);
            result.object = withoutData(object);
            return std::nullopt;
        },
        Sensitive::Yes);
}

QString objectPath(const QString &kind, const QString &ns, const QString &name)
{
    if (kind == "ServiceAccount"_L1)
        return corePath(ns, "serviceaccounts"_L1, name);
    if (kind == "Secret"_L1)
        return corePath(ns, "secrets"_L1, name);
    if (kind == "Pod"_L1)
        return corePath(ns, "pods"_L1, name);
    if (kind == "Deployment"_L1 || kind == "StatefulSet"_L1 || kind == "DaemonSet"_L1)
        return appsPath(kind, ns, name);
    return {};
}

Operation *readObject(KubeClient *client, const QString &path)
{
    return singleRequest(client, request("GET", path), {}, Sensitive::Yes);
}

Operation *attachPullSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                            const QString &secretName)
{
    return new PullSecretChange(client, ns, serviceAccount, secretName, PullSecretChange::Change::Attach);
}

Operation *detachPullSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                            const QString &secretName)
{
    return new PullSecretChange(client, ns, serviceAccount, secretName, PullSecretChange::Change::Detach);
}

Operation *createDockerRegistrySecret(KubeClient *client, const QString &ns, const QString &name,
                                      const DockerRegistryCredentials &credentials)
{
    if (credentials.server.isEmpty() || credentials.username.isEmpty() || credentials.password.isEmpty()) {
        // As kubectl: a registry entry without all three is of no use to the kubelet.
        auto *operation = new LambdaOperation(client);
        operation->fail(operationError(u"A registry server, a user name and a password are all required."_s));
        return operation;
    }
    const QByteArray username = credentials.username.toUtf8();
    const QByteArray email = credentials.email.toUtf8();
    const QByteArray &password = credentials.password.reveal();

    // Every buffer that holds the password is sized up front (no reallocation leaves a copy) and wiped.
    QByteArray userPassword;
    userPassword.reserve(username.size() + 1 + password.size());
    userPassword += username;
    userPassword += ':';
    userPassword += password;
    const QByteArray auth = userPassword.toBase64();
    wipe(userPassword);

    // kubectl's DockerConfigJSON: {"auths":{SERVER:{"username","password","email" (omitted when empty),"auth"}}}.
    const QByteArray server = credentials.server.toUtf8();
    QByteArray config;
    config.reserve(6 * (server.size() + username.size() + password.size() + email.size()) + auth.size() + 80);
    config += "{\"auths\":{";
    appendGoJsonString(config, server);
    config += ":{\"username\":";
    appendGoJsonString(config, username);
    config += ",\"password\":";
    appendGoJsonString(config, password);
    if (!email.isEmpty()) {
        config += ",\"email\":";
        appendGoJsonString(config, email);
    }
    config += ",\"auth\":\"";
    config += auth;
    config += "\"}}}";
    wipe(auth);
    const QByteArray encoded = config.toBase64();
    wipe(config);

    const QJsonObject secret {{"apiVersion"_L1, "v1"_L1},
                              {"kind"_L1, "Secret"_L1},
                              {"metadata"_L1, QJsonObject {{"name"_L1, name}, {"namespace"_L1, ns}}},
                              {"type"_L1, "kubernetes.io/dockerconfigjson"_L1}};
    // The data goes in by hand: inside a QJsonObject it would be copied where it cannot be wiped.
    const QByteArray head = compact(secret).chopped(1);
    const QByteArray tail = ",\"data\":{\".dockerconfigjson\":\""_ba;
    QByteArray body;
    body.reserve(head.size() + tail.size() + encoded.size() + 3);
    body += head;
    body += tail;
    body += encoded;
    body += "\"}}";
    wipe(encoded);

    return singleRequest(
        client, request("POST", corePath(ns, "secrets"_L1), body),
        [](const ApiResult &answer, OperationResult &result) -> std::optional<ApiError> {
            result.object = withoutData(answer.json());
            return std::nullopt;
        },
        Sensitive::Yes);
}

Operation *setWorkloadServiceAccount(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
                                     const QString &serviceAccount, int timeoutMs)
{
    if (kind != "Deployment"_L1 && kind != "StatefulSet"_L1 && kind != "DaemonSet"_L1) {
        auto *operation = new LambdaOperation(client);
        operation->fail(operationError(u"A "_s + kind + u" has no pod template to change."_s));
        return operation;
    }
    return new WorkloadRollout(client, kind, ns, name, serviceAccount, timeoutMs);
}

Operation *setDeploymentServiceAccount(KubeClient *client, const QString &ns, const QString &deployment,
                                       const QString &serviceAccount, int timeoutMs)
{
    return setWorkloadServiceAccount(client, u"Deployment"_s, ns, deployment, serviceAccount, timeoutMs);
}

Operation *recreatePodWithServiceAccount(KubeClient *client, const QString &ns, const QString &pod,
                                         const QString &serviceAccount)
{
    return new PodRecreation(client, ns, pod, serviceAccount);
}

Operation *setAutomountServiceAccountToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                           std::optional<bool> automount)
{
    // In a merge patch null removes the field.
    const QJsonObject patch {
        {"automountServiceAccountToken"_L1, automount ? QJsonValue(*automount) : QJsonValue(QJsonValue::Null)}};
    return singleRequest(client,
                         jsonRequest("PATCH", corePath(ns, "serviceaccounts"_L1, serviceAccount), patch,
                                     "application/merge-patch+json"));
}

Operation *whoAmI(KubeClient *client)
{
    const QJsonObject body {{"apiVersion"_L1, "authentication.k8s.io/v1"_L1}, {"kind"_L1, "SelfSubjectReview"_L1}};
    return review(client, jsonRequest("POST", u"/apis/authentication.k8s.io/v1/selfsubjectreviews"_s, body),
                  u"userInfo"_s);
}

Operation *rulesForServiceAccount(KubeClient *client, const QString &ns, const QString &serviceAccount)
{
    const QJsonObject body {{"apiVersion"_L1, "authorization.k8s.io/v1"_L1},
                            {"kind"_L1, "SelfSubjectRulesReview"_L1},
                            {"spec"_L1, QJsonObject {{"namespace"_L1, ns}}}};
    ApiRequest rules = jsonRequest("POST", u"/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"_s, body);
    // Without Impersonate-Group the server gives the account its own groups, as its token would.
    rules.headers.append({"Impersonate-User"_ba, serviceAccountUser(ns, serviceAccount).toUtf8()});
    return review(client, std::move(rules));
}

Operation *canServiceAccount(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &verb,
                             const QString &group, const QString &resource, const QString &resourceNamespace,
                             const QString &name)
{
    QJsonObject attributes {
        {"namespace"_L1, resourceNamespace}, {"verb"_L1, verb}, {"group"_L1, group}, {"resource"_L1, resource}};
    if (!name.isEmpty())
        attributes.insert("name"_L1, name);
    // The groups the apiserver's token authenticator gives the account, system:authenticated included: bindings
    // to it (e.g. system:basic-user) apply to the account's real requests too.
    const QJsonArray groups {u"system:serviceaccounts"_s, QString(u"system:serviceaccounts:"_s + ns),
                             u"system:authenticated"_s};
    const QJsonObject body {{"apiVersion"_L1, "authorization.k8s.io/v1"_L1},
                            {"kind"_L1, "SubjectAccessReview"_L1},
                            {"spec"_L1,
                             QJsonObject {{"user"_L1, serviceAccountUser(ns, serviceAccount)},
                                          {"groups"_L1, groups},
                                          {"resourceAttributes"_L1, attributes}}}};
    return review(client, jsonRequest("POST", u"/apis/authorization.k8s.io/v1/subjectaccessreviews"_s, body));
}

} // namespace ops

SecretBytes serviceAccountKubeconfig(const ResolvedContext &context, const QString &ns, const QString &serviceAccount,
                                     const SecretBytes &token)
{
    const Cluster &cluster = context.cluster;
    const QString clusterName = cluster.name.isEmpty() ? u"cluster"_s : cluster.name;
    const QByteArray contextName = yamlQuoted(serviceAccount + u'@' + clusterName);
    const QByteArray user = yamlQuoted(serviceAccount);
    QByteArray authority = cluster.certificateAuthorityData;
    if (authority.isEmpty() && !cluster.certificateAuthority.isEmpty()) {
        // KubeClient::create already read this file for the same context, so a failure here is not expected;
        // without it the kubeconfig falls back to the system's CAs, as the original would.
        QString ignored;
        authority = readReferencedFile(cluster.certificateAuthority, &ignored).value_or(QByteArray());
    }

    QByteArray head = "apiVersion: v1\nkind: Config\nclusters:\n- name: "_ba + yamlQuoted(clusterName)
        + "\n  cluster:\n    server: "_ba + yamlQuoted(cluster.server) + '\n';
    if (!authority.isEmpty())
        head += "    certificate-authority-data: "_ba + authority.toBase64() + '\n';
    if (!cluster.tlsServerName.isEmpty())
        head += "    tls-server-name: "_ba + yamlQuoted(cluster.tlsServerName) + '\n';
    if (cluster.insecureSkipTlsVerify)
        head += "    insecure-skip-tls-verify: true\n"_ba;
    if (!cluster.proxyUrl.isEmpty())
        head += "    proxy-url: "_ba + yamlQuoted(cluster.proxyUrl) + '\n';
    head += "users:\n- name: "_ba + user + "\n  user:\n    token: "_ba;
    const QByteArray tail = "\ncontexts:\n- name: "_ba + contextName + "\n  context:\n    cluster: "_ba
        + yamlQuoted(clusterName) + "\n    user: "_ba + user + "\n    namespace: "_ba + yamlQuoted(ns)
        + "\ncurrent-context: "_ba + contextName + '\n';

    // Sized up front so that no reallocation leaves a copy of the token behind.
    QByteArray yaml;
    yaml.reserve(head.size() + 4 * token.size() + 2 + tail.size());
    yaml += head;
    appendYamlQuoted(yaml, token.reveal());
    yaml += tail;
    return SecretBytes::adopt(std::move(yaml));
}

namespace {

// A POSIX shell word: single quotes, with each ' written as '\''.
QByteArray shellQuoted(const QByteArray &text)
{
    QByteArray quoted = text;
    quoted.replace('\'', "'\\''");
    return "'"_ba + quoted + "'"_ba;
}

} // namespace

SecretBytes curlCommand(const ResolvedContext &context, const SecretBytes &token)
{
    const Cluster &cluster = context.cluster;
    QUrl url(cluster.server);
    QByteArray options;
    if (!cluster.tlsServerName.isEmpty() && url.host() != cluster.tlsServerName) {
        // curl checks the certificate against the URL's host: that is the name, and --connect-to says where to go.
        const int port = url.port(url.scheme() == "http"_L1 ? 80 : 443);
        options += " --connect-to "_ba
            + shellQuoted(cluster.tlsServerName.toUtf8() + ':' + QByteArray::number(port) + ':'
                          + url.host(QUrl::FullyEncoded).toUtf8() + ':' + QByteArray::number(port));
        url.setHost(cluster.tlsServerName);
    }
    if (cluster.insecureSkipTlsVerify)
        options += " --insecure"_ba;
    else if (!cluster.certificateAuthority.isEmpty())
        options += " --cacert "_ba + shellQuoted(cluster.certificateAuthority.toUtf8());
    else if (!cluster.certificateAuthorityData.isEmpty())
        options += " --cacert <(printf %s "_ba + cluster.certificateAuthorityData.toBase64() + " | base64 -d)"_ba;
    if (!cluster.proxyUrl.isEmpty())
        options += " --proxy "_ba + shellQuoted(cluster.proxyUrl.toUtf8());
    url.setPath(url.path().endsWith(u'/') ? QString(url.path() + u"api"_s) : QString(url.path() + u"/api"_s));
    const QByteArray head =
        "curl"_ba + options + ' ' + shellQuoted(url.toEncoded()) + " --header 'Authorization: Bearer "_ba;
    const QByteArray &bytes = token.reveal();
    // A token with a quote in it (a static token can hold anything) is closed and reopened around it.
    QByteArray command;
    command.reserve(head.size() + 4 * bytes.size() + 2);
    command += head;
    for (const char c : bytes) {
        if (c == '\'')
            command += "'\\''";
        else
            command += c;
    }
    command += '\'';
    return SecretBytes::adopt(std::move(command));
}

} // namespace sa
