#include "api/Operations.h"

#include "api/OperationSupport.h"
#include "resources/SecretEncoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

QString serviceAccountUser(const QString &ns, const QString &name)
{
    return u"system:serviceaccount:"_s + ns + u':' + name;
}

// Turns a successful answer into the result; returns the error that makes it a failure after all, if any.
using Interpret = std::function<std::optional<ApiError>(const ApiResult &, OperationResult &)>;

enum class Sensitive { No, Yes };

// One request: fails with the server's error, else result.object is the answer (or what `interpret` makes of
// it). A sensitive request has its request and answer bodies wiped as soon as the answer is read. A write with a
// `check` whose failure leaves its outcome open finds it out (checkWriteOutcome()): applied after all is success, with
// result.object the object as the check found it.
Operation *singleRequest(KubeClient *client, ApiRequest apiRequest, Interpret interpret = {},
                         Sensitive sensitive = Sensitive::No, const std::optional<WriteCheck> &check = std::nullopt)
{
    auto *operation = new LambdaOperation(client);
    apiRequest.sensitive = sensitive == Sensitive::Yes;
    // Shares the job's buffer, so that wiping it reaches the copy the job holds.
    const QByteArray sentBody = sensitive == Sensitive::Yes ? apiRequest.body : QByteArray();
    operation->call(std::move(apiRequest), [operation, sentBody, sensitive, interpret, check](const ApiResult &answer) {
        const auto cleanup = qScopeGuard([&] {
            if (sensitive == Sensitive::Yes) {
                wipe(sentBody);
                wipe(answer.body);
            }
        });
        if (!answer.ok() && check) {
            checkWriteOutcome(
                [operation](ApiRequest get, std::function<void(const ApiResult &)> next) {
                    operation->call(std::move(get), std::move(next));
                },
                *answer.error, *check,
                [operation](const QJsonObject &object) {
                    operation->succeed({std::nullopt, object, {}, {}});
                },
                [operation](const ApiError &error) { operation->fail(error); });
            return;
        }
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

// Sends a review (SelfSubjectReview, SubjectAccessReview, ...) and answers with one object of its status.
Operation *review(KubeClient *client, ApiRequest apiRequest, const QString &statusField = {},
                  Sensitive sensitive = Sensitive::No)
{
    return singleRequest(
        client, std::move(apiRequest),
        [statusField](const ApiResult &answer, OperationResult &result) -> std::optional<ApiError> {
            const QJsonValue status = answer.json().value("status"_L1);
            const QJsonValue value = statusField.isEmpty() ? status : status[statusField];
            if (!value.isObject())
                return ApiError::decode(Operation::tr("the review came back without status%1")
                                            .arg(statusField.isEmpty() ? QString() : QString(u'.' + statusField)));
            result.object = value.toObject();
            return std::nullopt;
        },
        sensitive);
}

// A Secret in the answer (created, deleted): result.object is it without its values.
std::optional<ApiError> readWithoutValues(const ApiResult &answer, OperationResult &result)
{
    redactJsonSecrets(answer.body, secretValueMembers()); // never parsed, let alone kept
    result.object = withoutData(answer.json());
    return std::nullopt;
}

// DeleteOptions: background propagation, as kubectl's default, and the uid of the object meant when it is known.
QJsonObject deleteOptions(const QString &uid)
{
    QJsonObject options {
        {"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "DeleteOptions"_L1}, {"propagationPolicy"_L1, "Background"_L1}};
    if (!uid.isEmpty())
        options.insert("preconditions"_L1, QJsonObject {{"uid"_L1, uid}});
    return options;
}

} // namespace

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
    // An answer that leaves open whether the account was stored (a 5xx) is followed by a look at it.
    return singleRequest(client, jsonRequest("POST", corePath(spec.ns, "serviceaccounts"_L1), account), {},
                         Sensitive::No,
                         WriteCheck {WriteCheck::Kind::Create, corePath(spec.ns, "serviceaccounts"_L1, spec.name), {}});
}

Operation *deleteServiceAccount(KubeClient *client, const QString &ns, const QString &name, const QString &uid)
{
    const QString path = corePath(ns, "serviceaccounts"_L1, name);
    return singleRequest(client, jsonRequest("DELETE", path, deleteOptions(uid)), {}, Sensitive::No,
                         WriteCheck {WriteCheck::Kind::Delete, path, uid});
}

Operation *deleteSecret(KubeClient *client, const QString &ns, const QString &name, const QString &uid)
{
    // The answer is the deleted Secret, values included: read without them, and wiped.
    const QString path = corePath(ns, "secrets"_L1, name);
    return singleRequest(client, jsonRequest("DELETE", path, deleteOptions(uid)), readWithoutValues, Sensitive::Yes,
                         WriteCheck {WriteCheck::Kind::Delete, path, uid, true});
}

Operation *requestToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                        const TokenRequestOptions &options)
{
    return singleRequest(client, tokenRequest(ns, serviceAccount, options), readIssuedToken, Sensitive::Yes);
}

Operation *readSecret(KubeClient *client, const QString &ns, const QString &name)
{
    return singleRequest(
        client, request("GET", corePath(ns, "secrets"_L1, name)),
        [](const ApiResult &answer, OperationResult &result) -> std::optional<ApiError> {
            // The values go from the reply's buffer into SecretBytes; the parser sees them redacted, and neither
            // the object kept with the result nor Secret::meta holds an annotation that copies them.
            QMap<QString, SecretBytes> values;
            bool decodable = true;
            redactJsonSecrets(answer.body, secretValueMembers(),
                              [&](QByteArrayView object, QByteArrayView member, QByteArrayView raw) {
                                  if (object != "data")
                                      return; // stringData never comes back; annotations are dropped below
                                  bool ok = false;
                                  SecretBytes value = base64JsonSecret(raw, &ok);
                                  decodable = decodable && ok;
                                  values.insert(QString::fromUtf8(member), std::move(value));
                              });
            const QJsonObject object = withoutData(answer.json());
            std::optional<Secret> secret = Secret::fromJson(object);
            if (!secret || !decodable)
                return ApiError::decode(Operation::tr("the secret has no name or a value that is not base64"));
            secret->data = std::move(values);
            result.value = std::move(*secret);
            result.object = object;
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

Operation *createDockerRegistrySecret(KubeClient *client, const QString &ns, const QString &name,
                                      const DockerRegistryCredentials &credentials)
{
    if (credentials.server.isEmpty() || credentials.username.isEmpty() || credentials.password.isEmpty()) {
        // As kubectl: a registry entry without all three is of no use to the kubelet.
        return failedOperation(
            client, operationError(Operation::tr("A registry server, a user name and a password are all required.")));
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

    return singleRequest(client, request("POST", corePath(ns, "secrets"_L1), body), readWithoutValues, Sensitive::Yes,
                         WriteCheck {WriteCheck::Kind::Create, corePath(ns, "secrets"_L1, name), {}, true});
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

bool isTokenText(QByteArrayView text)
{
    return !text.isEmpty() && std::ranges::all_of(text, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '=';
    });
}

Operation *reviewToken(KubeClient *client, const SecretBytes &token, const QStringList &audiences)
{
    // Written by hand rather than through QJsonDocument, so that the token exists in this one buffer (wiped after
    // the answer), not in QString copies. Token characters need no JSON escaping.
    const QByteArray &value = token.reveal();
    if (!isTokenText(value))
        return failedOperation(client,
                               ApiError::decode(u"not a token: it may only contain letters, digits, '-', "
                                                "'_', '.' and '='"_s));
    QByteArray body;
    body.reserve(value.size() + 200);
    body += R"({"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","spec":{"token":")";
    body += value;
    body += '"';
    if (!audiences.isEmpty())
        body +=
            R"(,"audiences":)" + QJsonDocument(QJsonArray::fromStringList(audiences)).toJson(QJsonDocument::Compact);
    body += "}}";
    return review(client, request("POST", u"/apis/authentication.k8s.io/v1/tokenreviews"_s, body), {}, Sensitive::Yes);
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
                             const QString &name, const QString &subresource)
{
    QJsonObject attributes {
        {"namespace"_L1, resourceNamespace}, {"verb"_L1, verb}, {"group"_L1, group}, {"resource"_L1, resource}};
    if (!name.isEmpty())
        attributes.insert("name"_L1, name);
    if (!subresource.isEmpty())
        attributes.insert("subresource"_L1, subresource);
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

} // namespace sa
