#include "ApiServer.h"

#include "Auth.h"
#include "Discovery.h"
#include "Faults.h"
#include "Handlers.h"
#include "Impersonation.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// The verb whose handler serves a request on a stored resource, as the apiserver's installer registers
// routes: by method, on the collection or on an object. Empty when nothing is registered (405).
QString handlerVerb(const QByteArray &method, bool collection, bool watch)
{
    if (collection) {
        if (method == "GET")
            return watch ? u"watch"_s : u"list"_s;
        if (method == "POST")
            return u"create"_s;
        if (method == "DELETE")
            return u"deletecollection"_s;
        return {};
    }
    if (method == "GET")
        return u"get"_s;
    if (method == "PUT")
        return u"update"_s;
    if (method == "PATCH")
        return u"patch"_s;
    if (method == "DELETE")
        return u"delete"_s;
    return {};
}

const QHash<QString, Handler> &restHandlers()
{
    static const QHash<QString, Handler> handlers {
        {u"get"_s, getResource},       {u"list"_s, listResources},
        {u"watch"_s, watchResources},  {u"create"_s, createResource},
        {u"update"_s, updateResource}, {u"patch"_s, patchResource},
        {u"delete"_s, deleteResource}, {u"deletecollection"_s, deleteCollection},
    };
    return handlers;
}

bool isWatch(const HttpRequest &request)
{
    const QString watch = request.queryValue(u"watch");
    return watch == "true"_L1 || watch == "1"_L1;
}

} // namespace

ApiServer::ApiServer(Registry &registry, Authenticator &authenticator, const Authorizer &authorizer,
                     const TokenSigner &signer, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_authenticator(authenticator)
    , m_authorizer(authorizer)
    , m_signer(signer)
{ }

void ApiServer::handle(HttpExchange *exchange)
{
    if (!m_faults || m_faults->latencyMs() == 0) {
        process(exchange);
        return;
    }
    QPointer<HttpExchange> guard(exchange);
    QTimer::singleShot(m_faults->latencyMs(), this, [this, guard] {
        if (guard)
            process(guard);
    });
}

void ApiServer::process(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    const QString first = segments.value(0);

    const Authenticator::Result authentication = m_authenticator.authenticate(request);
    if (!authentication.warning.isEmpty())
        exchange->addHeader("Warning"_ba, authentication.warning);
    // A credential that does not check out is refused everywhere, as the apiserver's authentication filter does.
    if (authentication.presented && !authentication.user) {
        sendFailure(exchange, status::unauthorized());
        return;
    }
    const bool publicPath = (segments.size() == 1 && first == "version"_L1) || first == "healthz"_L1
        || first == "livez"_L1 || first == "readyz"_L1 || request.path == "/.well-known/openid-configuration"_L1
        || request.path == "/openid/v1/jwks"_L1;
    if (publicPath) {
        servePublic(exchange, segments);
        return;
    }
    if (!authentication.user) {
        sendFailure(exchange, status::unauthorized());
        return;
    }
    UserInfo user = *authentication.user;
    if (request.path == "/kube-sim/v1/faults"_L1) {
        serveFaults(exchange, user);
        return;
    }
    if (m_faults) {
        if (const auto injected = m_faults->errorFor(request.method, request.path)) {
            const int retryAfter =
                injected->status.value("details"_L1).toObject().value("retryAfterSeconds"_L1).toInt();
            if (retryAfter > 0)
                exchange->addHeader("Retry-After"_ba, QByteArray::number(retryAfter));
            sendFailure(exchange, *injected);
            return;
        }
    }
    if (const auto refused = impersonate(request, m_authorizer, user)) {
        sendFailure(exchange, *refused);
        return;
    }

    const Route route = resolve(request, segments);
    const Decision decision = m_authorizer.authorize(user, route.attributes);
    if (!decision.allowed) {
        const QString why = Authorizer::deniedMessage(user, route.attributes, decision.reason);
        sendFailure(exchange,
                    route.attributes.resourceRequest ? status::forbidden(
                        route.attributes.apiGroup, route.attributes.resource, route.attributes.name, why)
                                                     : status::forbidden(QString(), QString(), QString(), why));
        return;
    }
    if (route.attributes.resourceRequest) {
        serveResource(exchange, route, user);
        return;
    }
    if (first == "api"_L1 || first == "apis"_L1) {
        serveDiscovery(exchange, segments);
        return;
    }
    if (first == "openapi"_L1) {
        serveOpenApi(exchange, segments);
        return;
    }
    sendFailure(exchange, status::pathNotFound());
}

void ApiServer::serveFaults(HttpExchange *exchange, const UserInfo &user)
{
    const HttpRequest &request = exchange->request();
    if (!m_faults || !user.groups.contains(u"system:masters"_s)) {
        sendFailure(exchange,
                    status::forbidden(QString(), QString(), QString(),
                                      u"User \""_s + user.name + u"\" cannot change kube-sim's faults"_s));
        return;
    }
    if (request.method == "PUT" || request.method == "POST") {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        QString error = doc.isObject() ? QString() : u"the body must be a JSON object"_s;
        if (error.isEmpty() && !m_faults->configure(doc.object(), &error)) {
            sendFailure(exchange, status::badRequest(error));
            return;
        }
        if (!error.isEmpty()) {
            sendFailure(exchange, status::badRequest(error));
            return;
        }
    } else if (request.method == "DELETE") {
        m_faults->clear();
    } else if (request.method != "GET") {
        sendFailure(exchange, status::methodNotAllowed(QString::fromLatin1(request.method), u"Faults"_s));
        return;
    }
    sendJson(exchange, 200, m_faults->toJson());
    m_faults->startPendingOutage();
}

void ApiServer::servePublic(HttpExchange *exchange, const QStringList &segments)
{
    const QString first = segments.value(0);
    if (first == "version"_L1) {
        sendJson(exchange, 200, versionInfo());
    } else if (first == ".well-known"_L1) {
        sendJson(exchange, 200, m_signer.openIdConfiguration());
    } else if (first == "openid"_L1) {
        exchange->respond(200, "application/jwk-set+json"_ba,
                          QJsonDocument(m_signer.jwks()).toJson(QJsonDocument::Compact));
    } else {
        exchange->respond(200, "text/plain; charset=utf-8"_ba, "ok"_ba);
    }
}

ApiServer::Route ApiServer::resolve(const HttpRequest &request, const QStringList &segments) const
{
    // As the apiserver's RequestInfoFactory: /api/v1/... and /apis/GROUP/VERSION/... with something after the
    // version are resource requests; everything else (discovery, OpenAPI, health) is a non-resource path.
    Route route;
    RequestAttributes &attributes = route.attributes;
    const QString first = segments.value(0);
    const qsizetype prefixLength = first == "api"_L1 ? 2 : first == "apis"_L1 ? 3 : 0;
    if (prefixLength == 0 || segments.size() <= prefixLength) {
        attributes.resourceRequest = false;
        attributes.verb = QString::fromLatin1(request.method).toLower();
        attributes.path = request.path;
        return route;
    }
    attributes.apiGroup = prefixLength == 2 ? QString() : segments[1];
    attributes.apiVersion = segments[prefixLength - 1];
    QStringList parts = segments.mid(prefixLength);
    if (parts[0] == "namespaces"_L1 && parts.size() > 1) {
        attributes.ns = parts[1];
        // namespaces/NAME/{status,finalize} are the namespace's own subresources, not a scope.
        if (parts.size() > 2 && parts[2] != "status"_L1 && parts[2] != "finalize"_L1)
            parts = parts.mid(2);
    }
    attributes.resource = parts.value(0);
    attributes.name = route.name = parts.value(1);
    attributes.subresource = parts.mid(2).join(u'/');
    if (attributes.name.isEmpty()) {
        // A list or watch of one object by field selector is authorized as that object, as upstream does.
        const QString selector = request.queryValue(u"fieldSelector");
        if (selector.startsWith("metadata.name="_L1) && !selector.contains(u','))
            attributes.name = selector.mid(14);
    }
    const QByteArray &method = request.method;
    const bool collection = parts.size() == 1;
    if (method == "GET" || method == "HEAD")
        attributes.verb = collection ? (isWatch(request) ? u"watch"_s : u"list"_s) : u"get"_s;
    else if (method == "POST")
        attributes.verb = u"create"_s;
    else if (method == "PUT")
        attributes.verb = u"update"_s;
    else if (method == "PATCH")
        attributes.verb = u"patch"_s;
    else if (method == "DELETE")
        attributes.verb = collection ? u"deletecollection"_s : u"delete"_s;
    else
        attributes.verb = QString::fromLatin1(method).toLower();
    if ((prefixLength == 2 && attributes.apiVersion == "v1"_L1)
        || servedGroups().contains(attributes.apiGroup + u'/' + attributes.apiVersion))
        route.type = findResource(attributes.apiGroup, attributes.apiVersion, attributes.resource);
    // A cluster-scoped resource has no namespaced path.
    if (route.type && !route.type->namespaced && route.type->kind != "Namespace"_L1 && !attributes.ns.isEmpty())
        route.type = nullptr;
    return route;
}

void ApiServer::serveResource(HttpExchange *exchange, const Route &route, const UserInfo &user)
{
    const HttpRequest &request = exchange->request();
    const ResourceType *type = route.type;
    const QString &ns = route.attributes.ns;
    const QString &subresource = route.attributes.subresource;
    if (!type || (!subresource.isEmpty() && !type->subresources.contains(subresource))
        || (type->namespaced && !route.name.isEmpty() && ns.isEmpty())) {
        sendFailure(exchange, status::pathNotFound());
        return;
    }
    const RequestScope scope {.exchange = exchange,
                              .type = *type,
                              .ns = ns,
                              .name = route.name,
                              .subresource = subresource,
                              .user = user,
                              .registry = m_registry,
                              .pagination = m_pagination,
                              .faults = m_faults,
                              .bookmarkInterval = m_bookmarkInterval};
    const QString verb = handlerVerb(request.method, route.name.isEmpty(), isWatch(request));
    // The review APIs and TokenRequest are storages of their own that only create.
    if (!type->stored) {
        if (verb == "create"_L1)
            serveReview(scope);
        else
            scope.failMethodNotAllowed(type->kind);
        return;
    }
    if (subresource == "token"_L1) {
        if (request.method == "POST")
            serveTokenRequest(scope);
        else
            scope.failMethodNotAllowed(u"TokenRequest"_s);
        return;
    }
    // A subresource serves get, update and patch, as discovery says.
    const Handler handler = subresource.isEmpty() || verb == "get"_L1 || verb == "update"_L1 || verb == "patch"_L1
        ? restHandlers().value(verb)
        : nullptr;
    if (handler)
        handler(scope);
    else
        scope.failMethodNotAllowed(type->kind);
}

} // namespace kubesim
