// The API endpoints that compute rather than store: TokenRequest and the authentication and
// authorization review APIs. They answer from the same authenticator and authorizer as every request.

#include "ApiServer.h"

#include "Auth.h"
#include "JsonText.h"
#include "RequestScope.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

constexpr qint64 minTokenSeconds = 10 * 60;
constexpr qint64 maxTokenSeconds = qint64(1) << 32;
constexpr qint64 podDefaultTokenSeconds = 60 * 60 + 7; // WarnOnlyBoundTokenExpirationSeconds
constexpr qint64 extendedTokenSeconds = 24 * 365 * 60 * 60;

QString rfc3339(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QJsonObject userInfoJson(const UserInfo &user)
{
    QJsonObject info {{"username"_L1, user.name}};
    if (!user.uid.isEmpty())
        info.insert("uid"_L1, user.uid);
    if (!user.groups.isEmpty())
        info.insert("groups"_L1, QJsonArray::fromStringList(user.groups));
    if (!user.extra.isEmpty()) {
        QJsonObject extra;
        for (auto it = user.extra.cbegin(); it != user.extra.cend(); ++it)
            extra.insert(it.key(), QJsonArray::fromStringList(it.value()));
        info.insert("extra"_L1, extra);
    }
    return info;
}

UserInfo userFromSpec(const QJsonObject &spec)
{
    UserInfo user {text(spec, "user"_L1), text(spec, "uid"_L1), {}, {}};
    for (const QJsonValue &group : spec.value("groups"_L1).toArray())
        user.groups.append(group.toString());
    const QJsonObject extra = spec.value("extra"_L1).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        for (const QJsonValue &value : it.value().toArray())
            user.extra[it.key()].append(value.toString());
    }
    return user;
}

RequestAttributes attributesFromSpec(const QJsonObject &spec)
{
    RequestAttributes attributes;
    if (spec.contains("nonResourceAttributes"_L1)) {
        const QJsonObject nonResource = spec.value("nonResourceAttributes"_L1).toObject();
        attributes.resourceRequest = false;
        attributes.verb = text(nonResource, "verb"_L1);
        attributes.path = text(nonResource, "path"_L1);
        return attributes;
    }
    const QJsonObject resource = spec.value("resourceAttributes"_L1).toObject();
    attributes.verb = text(resource, "verb"_L1);
    attributes.apiGroup = text(resource, "group"_L1);
    attributes.apiVersion = text(resource, "version"_L1);
    attributes.resource = text(resource, "resource"_L1);
    attributes.subresource = text(resource, "subresource"_L1);
    attributes.name = text(resource, "name"_L1);
    attributes.ns = text(resource, "namespace"_L1);
    return attributes;
}

// The request echoed back with a status, as every review API answers (201).
QJsonObject reviewResponse(const ResourceType &type, QJsonObject body, const QJsonObject &status)
{
    QJsonObject metadata = body.value("metadata"_L1).toObject();
    metadata.insert("creationTimestamp"_L1, QJsonValue());
    body.insert("metadata"_L1, metadata);
    body.insert("kind"_L1, type.kind);
    body.insert("apiVersion"_L1, type.apiVersion());
    body.insert("status"_L1, status);
    return body;
}

ApiFailure invalidReview(const ResourceType &type, const QString &field, const QString &value, const QString &detail)
{
    return status::invalid(type.group, type.kind, QString(),
                           {{u"FieldValueInvalid"_s, field, u"Invalid value: \""_s + value + u"\": "_s + detail}});
}

} // namespace

void ApiServer::serveReview(const RequestScope &scope)
{
    HttpExchange *exchange = scope.exchange;
    const ResourceType &type = scope.type;
    const UserInfo &user = scope.user;
    ApiFailure failure;
    const auto decoded = decodeRequestBody(exchange->request(), type, &failure);
    if (!decoded) {
        sendFailure(exchange, failure);
        return;
    }
    const QJsonObject &body = *decoded;
    const QJsonObject spec = body.value("spec"_L1).toObject();
    const QString &kind = type.kind;
    QJsonObject result;
    if (kind == "SelfSubjectReview"_L1) {
        result = {{"userInfo"_L1, userInfoJson(user)}};
    } else if (kind == "TokenReview"_L1) {
        QStringList audiences;
        for (const QJsonValue &audience : spec.value("audiences"_L1).toArray())
            audiences.append(audience.toString());
        const Authenticator::Result outcome =
            m_authenticator.authenticateToken(text(spec, "token"_L1).toUtf8(), audiences);
        if (outcome.user) {
            result = {{"authenticated"_L1, true},
                      {"user"_L1, userInfoJson(*outcome.user)},
                      {"audiences"_L1, QJsonArray::fromStringList(outcome.audiences)}};
        } else {
            result = {{"user"_L1, QJsonObject()}, {"error"_L1, outcome.error}};
        }
    } else if (kind == "SelfSubjectRulesReview"_L1) {
        const Authorizer::Rules rules = m_authorizer.rulesFor(user, text(spec, "namespace"_L1));
        result = {{"resourceRules"_L1, rules.resourceRules},
                  {"nonResourceRules"_L1, rules.nonResourceRules},
                  {"incomplete"_L1, rules.incomplete}};
        if (!rules.evaluationError.isEmpty())
            result.insert("evaluationError"_L1, rules.evaluationError);
    } else {
        // The access reviews: for oneself, for anyone, or for anyone in this namespace.
        const bool self = kind == "SelfSubjectAccessReview"_L1;
        if (!spec.contains("resourceAttributes"_L1) && !spec.contains("nonResourceAttributes"_L1)) {
            sendFailure(exchange,
                        status::invalid(type.group, kind, QString(),
                                        {{u"FieldValueRequired"_s, u"spec.resourceAttributes"_s,
                                          u"Required value: exactly one of nonResourceAttributes or "
                                          "resourceAttributes must be specified"_s}}));
            return;
        }
        const UserInfo subject = self ? user : userFromSpec(spec);
        if (!self && subject.name.isEmpty() && subject.groups.isEmpty()) {
            sendFailure(
                exchange,
                invalidReview(type, u"spec.user"_s, QString(), u"at least one of user or group must be specified"_s));
            return;
        }
        RequestAttributes attributes = attributesFromSpec(spec);
        if (kind == "LocalSubjectAccessReview"_L1 && attributes.resourceRequest && attributes.ns != scope.ns) {
            sendFailure(exchange,
                        invalidReview(type, u"spec.resourceAttributes.namespace"_s, attributes.ns,
                                      u"must match metadata.namespace"_s));
            return;
        }
        const Decision decision = m_authorizer.authorize(subject, attributes);
        result = {{"allowed"_L1, decision.allowed}};
        if (!decision.reason.isEmpty())
            result.insert("reason"_L1, decision.reason);
    }
    sendJson(exchange, 201, reviewResponse(type, body, result));
}

void ApiServer::serveTokenRequest(const RequestScope &scope)
{
    HttpExchange *exchange = scope.exchange;
    const QString &ns = scope.ns;
    const QString &name = scope.name;
    static const ResourceType requestType = [] {
        ResourceType type;
        type.group = u"authentication.k8s.io"_s;
        type.version = u"v1"_s;
        type.kind = u"TokenRequest"_s;
        return type;
    }();
    ApiFailure failure;
    const auto decoded = decodeRequestBody(exchange->request(), requestType, &failure);
    if (!decoded) {
        sendFailure(exchange, failure);
        return;
    }
    QJsonObject body = *decoded;
    const QJsonObject metadata = body.value("metadata"_L1).toObject();
    // Steps of the token REST storage (pkg/registry/core/serviceaccount/storage/token.go), in its order.
    if (!text(metadata, "name"_L1).isEmpty() && text(metadata, "name"_L1) != name) {
        sendFailure(exchange,
                    invalidReview(requestType, u"metadata.name"_s, text(metadata, "name"_L1),
                                  u"must match the service account name if specified"_s));
        return;
    }
    if (!text(metadata, "namespace"_L1).isEmpty() && text(metadata, "namespace"_L1) != ns) {
        sendFailure(exchange,
                    invalidReview(requestType, u"metadata.namespace"_s, text(metadata, "namespace"_L1),
                                  u"must match the service account namespace if specified"_s));
        return;
    }
    Store &store = m_registry.store();
    static const ResourceType *accounts = findResource(QString(), u"v1"_s, u"serviceaccounts"_s);
    const auto account = store.get(*accounts, ns, name);
    if (!account) {
        sendFailure(exchange, status::notFound(QString(), u"serviceaccounts"_s, name));
        return;
    }
    QJsonObject spec = body.value("spec"_L1).toObject();
    QJsonArray audiences = spec.value("audiences"_L1).toArray();
    if (audiences.isEmpty())
        audiences = {m_signer.issuer()};
    spec.insert("audiences"_L1, audiences);
    if (!spec.contains("expirationSeconds"_L1))
        spec.insert("expirationSeconds"_L1, 3600);
    qint64 seconds = spec.value("expirationSeconds"_L1).toInteger();
    if (seconds < minTokenSeconds) {
        sendFailure(exchange,
                    status::invalid(requestType.group, requestType.kind, QString(),
                                    {{u"FieldValueInvalid"_s, u"spec.expirationSeconds"_s,
                                      u"Invalid value: "_s + QString::number(seconds)
                                          + u": may not specify a duration less than 10 minutes"_s}}));
        return;
    }
    if (seconds > maxTokenSeconds) {
        sendFailure(exchange,
                    status::invalid(requestType.group, requestType.kind, QString(),
                                    {{u"FieldValueInvalid"_s, u"spec.expirationSeconds"_s,
                                      u"Invalid value: "_s + QString::number(seconds)
                                          + u": may not specify a duration larger than 2^32 seconds"_s}}));
        return;
    }

    // The bound object must exist (and be the same object, if a uid is given).
    QJsonObject k8sClaims {
        {"namespace"_L1, ns},
        {"serviceaccount"_L1, QJsonObject {{"name"_L1, name}, {"uid"_L1, text(metadataOf(*account), "uid"_L1)}}}};
    const QJsonObject boundRef = spec.value("boundObjectRef"_L1).toObject();
    bool podBound = false;
    if (!boundRef.isEmpty()) {
        const QString boundKind = text(boundRef, "kind"_L1);
        const QString boundVersion =
            text(boundRef, "apiVersion"_L1).isEmpty() ? u"v1"_s : text(boundRef, "apiVersion"_L1);
        const char *plural = boundKind == "Pod"_L1 ? "pods"
            : boundKind == "Secret"_L1             ? "secrets"
            : boundKind == "Node"_L1               ? "nodes"
                                                   : nullptr;
        if (!plural || boundVersion != "v1"_L1) {
            sendFailure(exchange,
                        status::badRequest(u"cannot bind token to object of type "_s + boundVersion + u", Kind="_s
                                           + boundKind));
            return;
        }
        const ResourceType *boundType = findResource(QString(), u"v1"_s, QLatin1StringView(plural));
        const QString boundName = text(boundRef, "name"_L1);
        const auto bound = store.get(*boundType, boundKind == "Node"_L1 ? QString() : ns, boundName);
        if (!bound) {
            sendFailure(exchange, status::notFound(QString(), boundType->plural, boundName));
            return;
        }
        const QString uid = text(metadataOf(*bound), "uid"_L1);
        if (!text(boundRef, "uid"_L1).isEmpty() && text(boundRef, "uid"_L1) != uid) {
            sendFailure(exchange,
                        status::conflict(QString(), boundKind, boundName,
                                         u"the UID in the bound object reference ("_s + text(boundRef, "uid"_L1)
                                             + u") does not match the UID in record. The object might have "
                                               "been deleted and then recreated"_s));
            return;
        }
        const QJsonObject ref {{"name"_L1, boundName}, {"uid"_L1, uid}};
        if (boundKind == "Pod"_L1) {
            const QJsonObject podSpec = bound->value("spec"_L1).toObject();
            if (text(podSpec, "serviceAccountName"_L1) != name) {
                sendFailure(exchange,
                            status::badRequest(u"cannot bind token for serviceaccount \""_s + name
                                               + u"\" to pod running with different serviceaccount name."_s));
                return;
            }
            podBound = true;
            k8sClaims.insert("pod"_L1, ref);
            // ServiceAccountTokenPodNodeInfo: a scheduled pod's node is embedded too.
            static const ResourceType *nodes = findResource(QString(), u"v1"_s, u"nodes"_s);
            const QString nodeName = text(podSpec, "nodeName"_L1);
            if (const auto node = nodeName.isEmpty() ? std::nullopt : store.get(*nodes, QString(), nodeName))
                k8sClaims.insert("node"_L1,
                                 QJsonObject {{"name"_L1, nodeName}, {"uid"_L1, text(metadataOf(*node), "uid"_L1)}});
        } else {
            k8sClaims.insert(boundKind == "Secret"_L1 ? "secret"_L1 : "node"_L1, ref);
        }
        QJsonObject fullRef = boundRef;
        fullRef.insert("apiVersion"_L1, boundVersion);
        fullRef.insert("uid"_L1, uid);
        spec.insert("boundObjectRef"_L1, fullRef);
    }

    if (m_maxTokenExpiration > 0 && seconds > m_maxTokenExpiration) {
        exchange->addHeader("Warning"_ba,
                            "299 - \"requested expiration of "_ba + QByteArray::number(seconds)
                                + " seconds shortened to "_ba + QByteArray::number(m_maxTokenExpiration)
                                + " seconds\""_ba);
        seconds = m_maxTokenExpiration;
        spec.insert("expirationSeconds"_L1, seconds);
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 expiry = now + seconds;
    // Pods' default projected tokens live a year, with a warnafter at the hour (token.go's extended expiry).
    bool apiAudiencesOnly = true;
    for (const QJsonValue &audience : std::as_const(audiences))
        apiAudiencesOnly = apiAudiencesOnly && audience.toString() == m_signer.issuer();
    if (podBound && seconds == podDefaultTokenSeconds && apiAudiencesOnly) {
        expiry = now + extendedTokenSeconds;
        k8sClaims.insert("warnafter"_L1, now + seconds);
    }
    const QJsonObject claims {{"aud"_L1, audiences},
                              {"exp"_L1, expiry},
                              {"iat"_L1, now},
                              {"iss"_L1, m_signer.issuer()},
                              {"jti"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {"kubernetes.io"_L1, k8sClaims},
                              {"nbf"_L1, now},
                              {"sub"_L1, serviceAccountUserName(ns, name)}};
    const QByteArray token = m_signer.sign(claims);
    if (token.isEmpty()) {
        sendFailure(exchange, status::internalError(u"failed to sign the token"_s));
        return;
    }
    body.insert("kind"_L1, "TokenRequest"_L1);
    body.insert("apiVersion"_L1, "authentication.k8s.io/v1"_L1);
    body.insert("metadata"_L1,
                QJsonObject {{"name"_L1, name}, {"namespace"_L1, ns}, {"creationTimestamp"_L1, rfc3339(now)}});
    body.insert("spec"_L1, spec);
    body.insert(
        "status"_L1,
        QJsonObject {{"token"_L1, QString::fromLatin1(token)}, {"expirationTimestamp"_L1, rfc3339(now + seconds)}});
    sendJson(exchange, 201, body);
}

} // namespace kubesim
