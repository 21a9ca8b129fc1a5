#include "ApiServer.h"

#include "Auth.h"
#include "Faults.h"
#include "Manifests.h"
#include "Protobuf.h"
#include "Selectors.h"
#include "Tables.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

constexpr int snapshotLifetimeSeconds = 300;
constexpr int maxSnapshots = 64;

// What the client asked the response to be, from its Accept header.
enum class Shape { Object, Table, PartialMetadata, PartialMetadataList };
struct Negotiation
{
    Shape shape = Shape::Object;
    QString tableApiVersion = u"meta.k8s.io/v1"_s;
};

QString str(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Picks the first media range of the Accept header that the simulator can produce for this request.
std::optional<Negotiation> negotiate(const QByteArray &accept, bool isList, bool isWatch, const ResourceType *type,
                                     ApiFailure *failure)
{
    if (accept.trimmed().isEmpty())
        return Negotiation {};
    QString refusal;
    for (const QByteArray &range : accept.split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray mediaType = parts.value(0).trimmed().toLower();
        QHash<QByteArray, QByteArray> params;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QList<QByteArray> kv = parts[i].trimmed().split('=');
            params.insert(kv.value(0).trimmed(), kv.value(1).trimmed());
        }
        if (mediaType != "application/json" && mediaType != "*/*" && mediaType != "application/*")
            continue;
        const QByteArray as = params.value("as");
        if (as.isEmpty())
            return Negotiation {};
        const QByteArray version = params.value("v");
        if (params.value("g") != "meta.k8s.io" || (version != "v1" && version != "v1beta1"))
            continue;
        if (as == "Table") {
            if (!type)
                continue;
            return Negotiation {Shape::Table, u"meta.k8s.io/"_s + QString::fromLatin1(version)};
        }
        if (as == "PartialObjectMetadataList") {
            if (isList && !isWatch)
                return Negotiation {Shape::PartialMetadataList};
            refusal = u"you requested PartialObjectMetadataList, but the requested object is not a list"_s;
            continue;
        }
        if (as == "PartialObjectMetadata") {
            if (!isList || isWatch)
                return Negotiation {Shape::PartialMetadata};
            refusal = u"you requested PartialObjectMetadata, but the requested object is a list"_s;
            continue;
        }
    }
    *failure = status::notAcceptable(refusal.isEmpty() ? u"only the following media types are accepted: "
                                                         "application/json, application/yaml"_s
                                                       : refusal);
    return std::nullopt;
}

QByteArray contentTypeFor(const Negotiation &negotiation)
{
    switch (negotiation.shape) {
    case Shape::Table:
        return negotiation.tableApiVersion.endsWith("v1beta1"_L1)
            ? "application/json;as=Table;v=v1beta1;g=meta.k8s.io"_ba
            : "application/json;as=Table;v=v1;g=meta.k8s.io"_ba;
    case Shape::PartialMetadata:
        return "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io"_ba;
    case Shape::PartialMetadataList:
        return "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io"_ba;
    case Shape::Object:
        break;
    }
    return "application/json"_ba;
}

std::optional<IncludeObject> includeObjectParam(const QString &value, ApiFailure *failure)
{
    if (value.isEmpty() || value == "Metadata"_L1)
        return IncludeObject::Metadata;
    if (value == "None"_L1)
        return IncludeObject::None;
    if (value == "Object"_L1)
        return IncludeObject::Object;
    *failure = status::badRequest(u"unrecognized includeObject value: \""_s + value + u'"');
    return std::nullopt;
}

// Decodes a create or update body in any of the media types the apiserver accepts.
} // namespace

std::optional<QJsonObject> decodeRequestBody(const HttpRequest &request, const ResourceType &type, ApiFailure *failure)
{
    const QByteArray contentType = request.header("content-type").split(';').value(0).trimmed().toLower();
    const QString unrecognized = u"the object provided is unrecognized (must be of type "_s + type.kind + u"): "_s;
    if (contentType.isEmpty() || contentType == "application/json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *failure = status::badRequest(unrecognized + u"couldn't get version/kind; json parse error: "_s
                                          + (doc.isObject() || error.error != QJsonParseError::NoError
                                                 ? error.errorString()
                                                 : u"the body is not a JSON object"_s));
            return std::nullopt;
        }
        return doc.object();
    }
    if (contentType == "application/yaml") {
        const ManifestResult manifest = parseManifests(request.body);
        if (!manifest.ok() || manifest.objects.size() != 1) {
            *failure = status::badRequest(unrecognized + u"error converting YAML to JSON: "_s
                                          + (manifest.ok() ? u"expected one document"_s : manifest.error));
            return std::nullopt;
        }
        return manifest.objects.first();
    }
    if (contentType == "application/vnd.kubernetes.protobuf") {
        const ProtobufDecodeResult decoded = decodeKubernetesProtobuf(request.body);
        if (!decoded.ok()) {
            *failure = status::badRequest(unrecognized + decoded.error);
            return std::nullopt;
        }
        return decoded.object;
    }
    *failure = status::unsupportedMediaType(
        u"the body of the request was in an unknown format - accepted media types include: application/json, "
        "application/yaml, application/vnd.kubernetes.protobuf"_s);
    return std::nullopt;
}

namespace {

QByteArray encodeContinue(qint64 rv, const QString &startKey)
{
    const QJsonObject token {{"v"_L1, "meta.k8s.io/v1"_L1}, {"rv"_L1, rv}, {"start"_L1, QString(startKey + QChar(0))}};
    return compact(token).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

struct ContinueToken
{
    qint64 rv = 0;
    QString start;
};

std::optional<ContinueToken> decodeContinue(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject token = QJsonDocument::fromJson(*decoded).object();
    if (str(token, "v"_L1) != "meta.k8s.io/v1"_L1 || !token.value("rv"_L1).isDouble())
        return std::nullopt;
    QString start = str(token, "start"_L1);
    if (start.endsWith(QChar(0)))
        start.chop(1);
    return ContinueToken {token.value("rv"_L1).toInteger(), start};
}

// The parsed selectors of a list or watch, applied to objects of one resource.
struct Filter
{
    const ResourceType *type = nullptr;
    QString ns; // empty: all namespaces
    LabelSelector labels;
    FieldSelector fields;

    [[nodiscard]] bool matches(const QJsonObject &object) const
    {
        const QJsonObject metadata = object.value("metadata"_L1).toObject();
        if (!ns.isEmpty() && str(metadata, "namespace"_L1) != ns)
            return false;
        if (!labels.isEmpty() && !labels.matches(metadata.value("labels"_L1).toObject()))
            return false;
        return fields.isEmpty() || fields.matches([&](const QString &field) {
            return type->selectableField(object, field).value_or(QString());
        });
    }
};

std::optional<Filter> parseFilter(const HttpRequest &request, const ResourceType &type, const QString &ns,
                                  ApiFailure *failure)
{
    Filter filter;
    filter.type = &type;
    filter.ns = ns;
    QString error;
    const auto labels = LabelSelector::parse(request.queryValue(u"labelSelector"), &error);
    if (!labels) {
        *failure = status::badRequest(error);
        return std::nullopt;
    }
    filter.labels = *labels;
    const auto fields = FieldSelector::parse(request.queryValue(u"fieldSelector"), &error);
    if (!fields) {
        *failure = status::badRequest(error);
        return std::nullopt;
    }
    for (const QString &field : fields->fields()) {
        if (!type.selectableField(QJsonObject(), field)) {
            *failure = status::badRequest(type.unsupportedFieldMessage(field));
            return std::nullopt;
        }
    }
    filter.fields = *fields;
    return filter;
}

// What a list or watch asks for: the response shape, the selectors and what Table rows carry.
struct CollectionRequest
{
    Negotiation negotiation;
    Filter filter;
    IncludeObject include;
};

std::optional<CollectionRequest> parseCollectionRequest(const HttpRequest &request, const ResourceType &type,
                                                        const QString &ns, bool watch, ApiFailure *failure)
{
    const auto negotiation = negotiate(request.header("accept"), true, watch, &type, failure);
    const auto filter = negotiation ? parseFilter(request, type, ns, failure) : std::nullopt;
    const auto include = filter ? includeObjectParam(request.queryValue(u"includeObject"), failure) : std::nullopt;
    if (!include)
        return std::nullopt;
    return CollectionRequest {*negotiation, *filter, *include};
}

QJsonObject listEnvelope(const ResourceType &type, const QJsonArray &items, const QJsonObject &listMetadata)
{
    return {{"kind"_L1, type.listKind()},
            {"apiVersion"_L1, type.apiVersion()},
            {"metadata"_L1, listMetadata},
            {"items"_L1, items}};
}

QJsonObject apiResource(const ResourceType &type, const QString &subresource = {})
{
    QJsonObject resource {{"name"_L1, subresource.isEmpty() ? type.plural : QString(type.plural + u'/' + subresource)},
                          {"singularName"_L1, subresource.isEmpty() ? type.singular : QString()},
                          {"namespaced"_L1, type.namespaced},
                          {"kind"_L1, type.kind}};
    if (subresource == "token"_L1) {
        resource.insert("group"_L1, "authentication.k8s.io"_L1);
        resource.insert("version"_L1, "v1"_L1);
        resource.insert("kind"_L1, "TokenRequest"_L1);
        resource.insert("verbs"_L1, QJsonArray {u"create"_s});
    } else if (subresource.isEmpty()) {
        resource.insert("verbs"_L1, QJsonArray::fromStringList(type.verbs));
        if (!type.shortNames.isEmpty())
            resource.insert("shortNames"_L1, QJsonArray::fromStringList(type.shortNames));
        if (!type.categories.isEmpty())
            resource.insert("categories"_L1, QJsonArray::fromStringList(type.categories));
        if (!type.storageVersionHash.isEmpty())
            resource.insert("storageVersionHash"_L1, type.storageVersionHash);
    } else {
        resource.insert("verbs"_L1, QJsonArray {u"get"_s, u"patch"_s, u"update"_s});
    }
    return resource;
}

QJsonObject resourceList(const QString &groupVersion)
{
    QJsonArray resources;
    for (const ResourceType &type : resourceTypes()) {
        if (type.apiVersion() != groupVersion)
            continue;
        resources.append(apiResource(type));
        for (const QString &sub : type.subresources)
            resources.append(apiResource(type, sub));
    }
    QJsonObject list {
        {"kind"_L1, "APIResourceList"_L1}, {"groupVersion"_L1, groupVersion}, {"resources"_L1, resources}};
    // The real core list has no apiVersion; group lists do.
    if (groupVersion.contains(u'/'))
        list.insert("apiVersion"_L1, "v1"_L1);
    return list;
}

QJsonObject apiGroup(const QString &groupVersion)
{
    const QString group = groupVersion.section(u'/', 0, 0);
    const QJsonObject version {{"groupVersion"_L1, groupVersion}, {"version"_L1, groupVersion.section(u'/', 1, 1)}};
    return {{"name"_L1, group}, {"versions"_L1, QJsonArray {version}}, {"preferredVersion"_L1, version}};
}

QString itemPath(const ResourceType &type)
{
    const QString prefix = type.group.isEmpty() ? u"/api/v1"_s : u"/apis/"_s + type.apiVersion();
    return type.namespaced ? QString(prefix + u"/namespaces/{namespace}/"_s + type.plural + u"/{name}"_s)
                           : QString(prefix + u'/' + type.plural + u"/{name}"_s);
}

// A minimal OpenAPI v3 document for one group/version: a PATCH operation per kind that declares
// fieldValidation, which is what kubectl's create -f / apply -f validation looks for.
QJsonObject openApiDocument(const QString &groupVersion)
{
    QJsonObject paths;
    for (const ResourceType &type : resourceTypes()) {
        if (type.apiVersion() != groupVersion || !type.stored)
            continue;
        const QJsonObject patch {
            {"x-kubernetes-group-version-kind"_L1,
             QJsonObject {{"group"_L1, type.group}, {"version"_L1, type.version}, {"kind"_L1, type.kind}}},
            {"parameters"_L1,
             QJsonArray {
                 QJsonObject {{"name"_L1, "fieldValidation"_L1},
                              {"in"_L1, "query"_L1},
                              {"schema"_L1, QJsonObject {{"type"_L1, "string"_L1}, {"uniqueItems"_L1, true}}}}}},
            {"requestBody"_L1,
             QJsonObject {{"content"_L1,
                           QJsonObject {{"application/strategic-merge-patch+json"_L1,
                                         QJsonObject {{"schema"_L1, QJsonObject {{"type"_L1, "object"_L1}}}}},
                                        {"application/merge-patch+json"_L1,
                                         QJsonObject {{"schema"_L1, QJsonObject {{"type"_L1, "object"_L1}}}}},
                                        {"application/json-patch+json"_L1,
                                         QJsonObject {{"schema"_L1, QJsonObject {{"type"_L1, "object"_L1}}}}}}}}},
            {"responses"_L1, QJsonObject {{"200"_L1, QJsonObject {{"description"_L1, "OK"_L1}}}}}};
        paths.insert(itemPath(type), QJsonObject {{"patch"_L1, patch}});
    }
    return {{"openapi"_L1, "3.0.0"_L1},
            {"info"_L1, QJsonObject {{"title"_L1, "Kubernetes"_L1}, {"version"_L1, "v1.32.4"_L1}}},
            {"paths"_L1, paths},
            {"components"_L1, QJsonObject {{"schemas"_L1, QJsonObject()}}}};
}

QStringList servedGroupVersions()
{
    return QStringList {u"v1"_s} + servedGroups();
}

QString openApiKey(const QString &groupVersion)
{
    return groupVersion == "v1"_L1 ? u"api/v1"_s : u"apis/"_s + groupVersion;
}

QByteArray watchEvent(const QString &type, const QJsonObject &object)
{
    return compact(QJsonObject {{"type"_L1, type}, {"object"_L1, object}}) + '\n';
}

bool isDryRun(const HttpRequest &request)
{
    return request.queryValue(u"dryRun") == "All"_L1;
}

} // namespace

void sendJson(HttpExchange *exchange, int code, const QJsonObject &body, const QByteArray &contentType)
{
    exchange->respond(code, contentType.isEmpty() ? "application/json"_ba : contentType, compact(body));
}

void sendFailure(HttpExchange *exchange, const ApiFailure &failure)
{
    sendJson(exchange, failure.code, failure.status);
}

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
    if (!impersonate(exchange, user))
        return;

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
        sendJson(exchange, 200,
                 {{"major"_L1, "1"_L1},
                  {"minor"_L1, "32"_L1},
                  {"gitVersion"_L1, "v1.32.4"_L1},
                  {"gitCommit"_L1, "59526cd4867447956156ae3a602fcbac10a2c335"_L1},
                  {"gitTreeState"_L1, "clean"_L1},
                  {"buildDate"_L1, "2025-04-22T16:03:04Z"_L1},
                  {"goVersion"_L1, "go1.23.6"_L1},
                  {"compiler"_L1, "gc"_L1},
                  {"platform"_L1, "linux/amd64"_L1}});
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
    const QString watch = request.queryValue(u"watch");
    const bool collection = parts.size() == 1;
    if (method == "GET" || method == "HEAD")
        attributes.verb = collection ? (watch == "true"_L1 || watch == "1"_L1 ? u"watch"_s : u"list"_s) : u"get"_s;
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

bool ApiServer::impersonate(HttpExchange *exchange, UserInfo &user)
{
    const HttpRequest &request = exchange->request();
    const QString name = QString::fromUtf8(request.header("impersonate-user"));
    const QList<QByteArray> groups = request.headerValues("impersonate-group");
    const QByteArray uid = request.header("impersonate-uid");
    QMap<QString, QStringList> extra;
    for (const auto &[header, value] : request.headers) {
        if (header.startsWith("impersonate-extra-"))
            extra[QString::fromUtf8(QByteArray::fromPercentEncoding(header.mid(18)))].append(QString::fromUtf8(value));
    }
    if (name.isEmpty()) {
        if (!groups.isEmpty() || !uid.isEmpty() || !extra.isEmpty()) {
            sendFailure(exchange,
                        status::internalError(u"requested impersonation of groups, uid or extra without "
                                              "impersonating a user"_s));
            return false;
        }
        return true;
    }
    // Each impersonated attribute needs the impersonate verb on it (impersonation.go).
    QList<RequestAttributes> checks;
    const QStringList accountParts = name.split(u':');
    if (accountParts.size() == 4 && name.startsWith("system:serviceaccount:"_L1)) {
        checks.append({true, u"impersonate"_s, QString(), u"v1"_s, u"serviceaccounts"_s, QString(), accountParts[3],
                       accountParts[2], QString()});
    } else {
        checks.append({true, u"impersonate"_s, QString(), u"v1"_s, u"users"_s, QString(), name, QString(), QString()});
    }
    for (const QByteArray &group : groups) {
        checks.append({true, u"impersonate"_s, QString(), u"v1"_s, u"groups"_s, QString(), QString::fromUtf8(group),
                       QString(), QString()});
    }
    if (!uid.isEmpty()) {
        checks.append({true, u"impersonate"_s, u"authentication.k8s.io"_s, u"v1"_s, u"uids"_s, QString(),
                       QString::fromUtf8(uid), QString(), QString()});
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        for (const QString &value : it.value()) {
            checks.append({true, u"impersonate"_s, u"authentication.k8s.io"_s, u"v1"_s, u"userextras"_s, it.key(),
                           value, QString(), QString()});
        }
    }
    for (const RequestAttributes &check : std::as_const(checks)) {
        const Decision decision = m_authorizer.authorize(user, check);
        if (!decision.allowed) {
            sendFailure(exchange,
                        status::forbidden(check.apiGroup, check.resource, check.name,
                                          Authorizer::deniedMessage(user, check, decision.reason)));
            return false;
        }
    }
    UserInfo impersonated {name, QString::fromUtf8(uid), {}, extra};
    for (const QByteArray &group : groups)
        impersonated.groups.append(QString::fromUtf8(group));
    if (groups.isEmpty() && accountParts.size() == 4 && name.startsWith("system:serviceaccount:"_L1))
        impersonated.groups = serviceAccountGroups(accountParts[2]);
    if (name != "system:anonymous"_L1 && !impersonated.groups.contains(u"system:authenticated"_s))
        impersonated.groups.append(u"system:authenticated"_s);
    user = impersonated;
    return true;
}

void ApiServer::serveDiscovery(HttpExchange *exchange, const QStringList &segments)
{
    if (exchange->request().method != "GET") {
        sendFailure(exchange,
                    status::methodNotAllowed(QString::fromLatin1(exchange->request().method), u"discovery"_s));
        return;
    }
    if (segments == QStringList {u"api"_s}) {
        sendJson(exchange, 200,
                 {{"kind"_L1, "APIVersions"_L1},
                  {"versions"_L1, QJsonArray {u"v1"_s}},
                  {"serverAddressByClientCIDRs"_L1,
                   QJsonArray {
                       QJsonObject {{"clientCIDR"_L1, "0.0.0.0/0"_L1}, {"serverAddress"_L1, "127.0.0.1:6443"_L1}}}}});
        return;
    }
    if (segments == QStringList {u"api"_s, u"v1"_s}) {
        sendJson(exchange, 200, resourceList(u"v1"_s));
        return;
    }
    if (segments == QStringList {u"apis"_s}) {
        QJsonArray groups;
        for (const QString &gv : servedGroups())
            groups.append(apiGroup(gv));
        sendJson(exchange, 200, {{"kind"_L1, "APIGroupList"_L1}, {"apiVersion"_L1, "v1"_L1}, {"groups"_L1, groups}});
        return;
    }
    for (const QString &gv : servedGroups()) {
        if (segments.size() == 2 && segments[1] == gv.section(u'/', 0, 0)) {
            QJsonObject group = apiGroup(gv);
            group.insert("kind"_L1, "APIGroup"_L1);
            group.insert("apiVersion"_L1, "v1"_L1);
            sendJson(exchange, 200, group);
            return;
        }
        if (segments.size() == 3 && segments[1] + u'/' + segments[2] == gv) {
            sendJson(exchange, 200, resourceList(gv));
            return;
        }
    }
    sendFailure(exchange, status::pathNotFound());
}

void ApiServer::serveOpenApi(HttpExchange *exchange, const QStringList &segments)
{
    if (segments.value(1) != "v3"_L1) {
        sendFailure(exchange, status::pathNotFound());
        return;
    }
    if (segments.size() == 2) {
        QJsonObject paths;
        for (const QString &gv : servedGroupVersions()) {
            const QByteArray hash = QCryptographicHash::hash(compact(openApiDocument(gv)), QCryptographicHash::Sha512)
                                        .toHex()
                                        .toUpper()
                                        .left(128);
            paths.insert(
                openApiKey(gv),
                QJsonObject {{"serverRelativeURL"_L1,
                              QString(u"/openapi/v3/"_s + openApiKey(gv) + u"?hash="_s + QString::fromLatin1(hash))}});
        }
        sendJson(exchange, 200, {{"paths"_L1, paths}});
        return;
    }
    const QString key = segments.mid(2).join(u'/');
    for (const QString &gv : servedGroupVersions()) {
        if (openApiKey(gv) == key) {
            sendJson(exchange, 200, openApiDocument(gv));
            return;
        }
    }
    sendFailure(exchange, status::pathNotFound());
}

void ApiServer::serveResource(HttpExchange *exchange, const Route &route, const UserInfo &user)
{
    const HttpRequest &request = exchange->request();
    const ResourceType *type = route.type;
    const QString &group = route.attributes.apiGroup;
    const QString &ns = route.attributes.ns;
    const QString &name = route.name;
    const QString &subresource = route.attributes.subresource;
    if (!type || (!subresource.isEmpty() && !type->subresources.contains(subresource))
        || (type->namespaced && !name.isEmpty() && ns.isEmpty())) {
        sendFailure(exchange, status::pathNotFound());
        return;
    }
    if (!type->stored) {
        if (request.method == "POST" && name.isEmpty())
            serveReview(exchange, *type, ns, user);
        else
            sendFailure(exchange, status::methodNotAllowed(QString::fromLatin1(request.method), type->kind));
        return;
    }
    if (subresource == "token"_L1) {
        if (request.method == "POST")
            serveTokenRequest(exchange, ns, name);
        else
            sendFailure(exchange, status::methodNotAllowed(QString::fromLatin1(request.method), u"TokenRequest"_s));
        return;
    }
    const QByteArray method = request.method;
    const bool dryRun = isDryRun(request);

    if (name.isEmpty()) {
        if (method == "GET") {
            const QString watch = request.queryValue(u"watch");
            if (watch == "true"_L1 || watch == "1"_L1)
                serveWatch(exchange, *type, ns);
            else
                serveList(exchange, *type, ns);
            return;
        }
        if (method == "POST" && (ns.isEmpty() == !type->namespaced)) {
            ApiFailure failure;
            const auto body = decodeRequestBody(request, *type, &failure);
            if (!body) {
                sendFailure(exchange, failure);
                return;
            }
            const WriteResult result = m_registry.create(*type, ns, *body, dryRun);
            if (!result.ok())
                sendFailure(exchange, *result.failure);
            else
                sendJson(exchange, 201, result.object);
            return;
        }
        if (method == "DELETE") {
            ApiFailure failure;
            const auto filter = parseFilter(request, *type, ns, &failure);
            if (!filter) {
                sendFailure(exchange, failure);
                return;
            }
            QJsonArray deleted;
            const QJsonObject options = QJsonDocument::fromJson(request.body).object();
            const Store::Objects objects = m_registry.store().objects(*type);
            for (const QJsonObject &object : objects) {
                if (!filter->matches(object))
                    continue;
                const QJsonObject metadata = metadataOf(object);
                const WriteResult result =
                    m_registry.remove(*type, str(metadata, "namespace"_L1), str(metadata, "name"_L1), options, dryRun);
                if (result.ok())
                    deleted.append(result.object);
            }
            sendJson(exchange, 200,
                     listEnvelope(*type, deleted,
                                  {{"resourceVersion"_L1, QString::number(m_registry.store().resourceVersion())}}));
            return;
        }
        sendFailure(exchange, status::methodNotAllowed(QString::fromLatin1(method), type->kind));
        return;
    }

    if (type->namespaced && ns.isEmpty()) {
        sendFailure(exchange, status::pathNotFound());
        return;
    }
    if (method == "GET") {
        ApiFailure failure;
        const auto negotiation = negotiate(request.header("accept"), false, false, type, &failure);
        if (!negotiation) {
            sendFailure(exchange, failure);
            return;
        }
        const auto object = m_registry.store().get(*type, ns, name);
        if (!object) {
            sendFailure(exchange, status::notFound(group, type->plural, name));
            return;
        }
        switch (negotiation->shape) {
        case Shape::Table: {
            const auto include = includeObjectParam(request.queryValue(u"includeObject"), &failure);
            if (!include) {
                sendFailure(exchange, failure);
                return;
            }
            sendJson(exchange, 200,
                     makeTable(*type, {*object}, *include,
                               {{"resourceVersion"_L1, str(metadataOf(*object), "resourceVersion"_L1)}},
                               negotiation->tableApiVersion, true),
                     contentTypeFor(*negotiation));
            return;
        }
        case Shape::PartialMetadata:
            sendJson(exchange, 200, partialObjectMetadata(*object), contentTypeFor(*negotiation));
            return;
        default:
            sendJson(exchange, 200, *object);
            return;
        }
    }
    if (method == "PUT") {
        ApiFailure failure;
        const auto body = decodeRequestBody(request, *type, &failure);
        if (!body) {
            sendFailure(exchange, failure);
            return;
        }
        const WriteResult result = m_registry.update(*type, ns, name, *body, subresource, dryRun);
        if (!result.ok())
            sendFailure(exchange, *result.failure);
        else
            sendJson(exchange, 200, result.object);
        return;
    }
    if (method == "PATCH") {
        const QByteArray contentType = request.header("content-type").split(';').value(0).trimmed().toLower();
        PatchType patchType;
        QByteArray body = request.body;
        if (contentType == "application/json-patch+json") {
            patchType = PatchType::Json;
        } else if (contentType == "application/merge-patch+json") {
            patchType = PatchType::Merge;
        } else if (contentType == "application/strategic-merge-patch+json") {
            patchType = PatchType::Strategic;
        } else if (contentType == "application/apply-patch+yaml") {
            patchType = PatchType::Apply;
            if (request.queryValue(u"fieldManager").isEmpty()) {
                sendFailure(exchange,
                            status::invalid(u"meta.k8s.io"_s, u"PatchOptions"_s, QString(),
                                            {{u"FieldValueRequired"_s, u"fieldManager"_s,
                                              u"Required value: is required for apply patch"_s}}));
                return;
            }
            const ManifestResult manifest = parseManifests(request.body);
            if (!manifest.ok() || manifest.objects.size() != 1) {
                sendFailure(exchange,
                            status::badRequest(u"error decoding YAML: "_s
                                               + (manifest.ok() ? u"expected one document"_s : manifest.error)));
                return;
            }
            body = compact(manifest.objects.first());
        } else {
            sendFailure(
                exchange,
                status::unsupportedMediaType(u"the body of the request was in an unknown format - accepted media types "
                                             "include: application/json-patch+json, application/merge-patch+json, "
                                             "application/apply-patch+yaml, application/strategic-merge-patch+json"_s));
            return;
        }
        const WriteResult result = m_registry.patch(*type, ns, name, patchType, body, subresource, dryRun);
        if (!result.ok())
            sendFailure(exchange, *result.failure);
        else
            sendJson(exchange, result.created ? 201 : 200, result.object);
        return;
    }
    if (method == "DELETE" && subresource.isEmpty()) {
        QJsonObject options = QJsonDocument::fromJson(request.body).object();
        if (request.hasQuery(u"propagationPolicy"))
            options.insert("propagationPolicy"_L1, request.queryValue(u"propagationPolicy"));
        const WriteResult result = m_registry.remove(*type, ns, name, options, dryRun);
        if (!result.ok()) {
            sendFailure(exchange, *result.failure);
        } else if (type->returnsDeletedObject) {
            sendJson(exchange, 200, result.object);
        } else {
            QJsonObject details {
                {"name"_L1, name}, {"kind"_L1, type->plural}, {"uid"_L1, str(metadataOf(result.object), "uid"_L1)}};
            if (!group.isEmpty())
                details.insert("group"_L1, group);
            sendJson(exchange, 200, status::success(details));
        }
        return;
    }
    sendFailure(exchange, status::methodNotAllowed(QString::fromLatin1(method), type->kind));
}

const Store::Objects *ApiServer::snapshotFor(const ResourceType &type, qint64 resourceVersion)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_snapshots.begin(); it != m_snapshots.end();) {
        if (it->taken.secsTo(now) > snapshotLifetimeSeconds)
            it = m_snapshots.erase(it);
        else
            ++it;
    }
    const auto it = m_snapshots.constFind({&type, resourceVersion});
    return it == m_snapshots.cend() ? nullptr : &it->objects;
}

void ApiServer::serveList(HttpExchange *exchange, const ResourceType &type, const QString &ns)
{
    const HttpRequest &request = exchange->request();
    ApiFailure failure;
    const auto collection = parseCollectionRequest(request, type, ns, false, &failure);
    if (!collection) {
        sendFailure(exchange, failure);
        return;
    }
    const auto &[negotiation, filter, include] = *collection;
    bool limitOk = true;
    const qint64 limit = request.hasQuery(u"limit") ? request.queryValue(u"limit").toLongLong(&limitOk) : 0;
    if (!limitOk) {
        sendFailure(exchange,
                    status::badRequest(u"limit: Invalid value: \""_s + request.queryValue(u"limit")
                                       + u"\": must be a non-negative integer"_s));
        return;
    }

    // A continued list reads the same snapshot as its first page: the real consistent-read guarantee.
    Store::Objects objects;
    qint64 listRv = m_registry.store().resourceVersion();
    QString startKey;
    const QString continueText = request.queryValue(u"continue");
    if (!continueText.isEmpty()) {
        const auto token = decodeContinue(continueText);
        if (!token) {
            sendFailure(exchange,
                        status::badRequest(u"continue key is not valid: incorrect encoded start "
                                           "resourceVersion (version meta.k8s.io/v1)"_s));
            return;
        }
        const Store::Objects *snapshot = snapshotFor(type, token->rv);
        if (!snapshot) {
            sendFailure(exchange,
                        status::expired(u"The provided continue parameter is too old to display a "
                                        "consistent list result. You can start a new list without the "
                                        "continue parameter."_s));
            return;
        }
        objects = *snapshot;
        listRv = token->rv;
        startKey = token->start;
    } else {
        objects = m_registry.store().objects(type);
    }

    const QString prefix = ns.isEmpty() ? QString() : ns + u'/';
    auto it = startKey.isEmpty() ? (prefix.isEmpty() ? objects.cbegin() : objects.lowerBound(prefix))
                                 : objects.upperBound(startKey);
    QList<QJsonObject> page;
    QString lastKey;
    for (; it != objects.cend() && (prefix.isEmpty() || it.key().startsWith(prefix)); ++it) {
        if (limit > 0 && page.size() >= limit)
            break;
        if (filter.matches(*it))
            page.append(*it);
        lastKey = it.key();
    }
    QJsonObject listMetadata {{"resourceVersion"_L1, QString::number(listRv)}};
    const bool more = it != objects.cend() && (prefix.isEmpty() || it.key().startsWith(prefix));
    if (more) {
        listMetadata.insert("continue"_L1, QString::fromLatin1(encodeContinue(listRv, lastKey)));
        if (filter.labels.isEmpty() && filter.fields.isEmpty()) {
            qint64 remaining = 0;
            for (; it != objects.cend() && (prefix.isEmpty() || it.key().startsWith(prefix)); ++it)
                ++remaining;
            listMetadata.insert("remainingItemCount"_L1, remaining);
        }
        if (m_snapshots.size() >= maxSnapshots) {
            auto oldest = std::min_element(m_snapshots.begin(), m_snapshots.end(),
                                           [](const Snapshot &a, const Snapshot &b) { return a.taken < b.taken; });
            m_snapshots.erase(oldest);
        }
        m_snapshots.insert({&type, listRv}, {objects, QDateTime::currentDateTimeUtc()});
    }

    switch (negotiation.shape) {
    case Shape::Table:
        sendJson(exchange, 200, makeTable(type, page, include, listMetadata, negotiation.tableApiVersion, true),
                 contentTypeFor(negotiation));
        return;
    case Shape::PartialMetadataList: {
        QJsonArray items;
        for (const QJsonObject &object : std::as_const(page))
            items.append(partialObjectMetadata(object));
        sendJson(exchange, 200,
                 {{"kind"_L1, "PartialObjectMetadataList"_L1},
                  {"apiVersion"_L1, "meta.k8s.io/v1"_L1},
                  {"metadata"_L1, listMetadata},
                  {"items"_L1, items}},
                 contentTypeFor(negotiation));
        return;
    }
    default: {
        QJsonArray items;
        for (const QJsonObject &object : std::as_const(page))
            items.append(object);
        sendJson(exchange, 200, listEnvelope(type, items, listMetadata));
        return;
    }
    }
}

// One open watch: replays history or the current state, then forwards the store's changes that pass
// its filter, as ADDED/MODIFIED/DELETED events (an object entering or leaving a selector is added or deleted).
class Watch : public QObject
{
public:
    Watch(HttpExchange *exchange, Store &store, Filter filter, Negotiation negotiation, IncludeObject include)
        : QObject(exchange)
        , m_exchange(exchange)
        , m_filter(std::move(filter))
        , m_negotiation(std::move(negotiation))
        , m_include(include)
    {
        connect(&store, &Store::changed, this, &Watch::onChange);
    }

    // A fault: the stream ends after this many more events.
    void closeAfter(int events) { m_eventsLeft = events; }

    void send(const QString &type, const QJsonObject &object)
    {
        if (m_eventsLeft == 0)
            return;
        if (m_negotiation.shape == Shape::Table) {
            const QJsonObject listMeta {
                {"resourceVersion"_L1, object.value("metadata"_L1).toObject().value("resourceVersion"_L1)}};
            m_exchange->writeChunk(watchEvent(type,
                                              makeTable(*m_filter.type, {object}, m_include, listMeta,
                                                        m_negotiation.tableApiVersion, !m_sentColumns)));
            m_sentColumns = true;
        } else if (m_negotiation.shape == Shape::PartialMetadata) {
            m_exchange->writeChunk(watchEvent(type, partialObjectMetadata(object)));
        } else {
            m_exchange->writeChunk(watchEvent(type, object));
        }
        if (m_eventsLeft > 0 && --m_eventsLeft == 0)
            m_exchange->endStream();
    }

    void sendBookmark(qint64 rv, bool initialEventsEnd = false)
    {
        QJsonObject metadata {{"resourceVersion"_L1, QString::number(rv)}};
        if (initialEventsEnd)
            metadata.insert("annotations"_L1, QJsonObject {{"k8s.io/initial-events-end"_L1, "true"_L1}});
        m_exchange->writeChunk(watchEvent(u"BOOKMARK"_s,
                                          {{"kind"_L1, m_filter.type->kind},
                                           {"apiVersion"_L1, m_filter.type->apiVersion()},
                                           {"metadata"_L1, metadata}}));
        m_lastRv = rv;
    }

    void replay(const Store::Event &event) { onChange(event); }

    qint64 m_lastRv = 0;

private:
    void onChange(const Store::Event &event)
    {
        m_lastRv = event.resourceVersion;
        if (event.resource != m_filter.type)
            return;
        const bool now = event.type != Store::EventType::Deleted && m_filter.matches(event.object);
        const bool before = event.type != Store::EventType::Added && m_filter.matches(event.oldObject);
        if (event.type == Store::EventType::Deleted) {
            if (before)
                send(u"DELETED"_s, event.object);
        } else if (now && before) {
            send(u"MODIFIED"_s, event.object);
        } else if (now) {
            send(u"ADDED"_s, event.object);
        } else if (before) {
            // Left the selector: the watcher sees it go, with its new state.
            send(u"DELETED"_s, event.object);
        }
    }

    HttpExchange *m_exchange;
    Filter m_filter;
    Negotiation m_negotiation;
    IncludeObject m_include;
    bool m_sentColumns = false;
    int m_eventsLeft = -1;
};

void ApiServer::serveWatch(HttpExchange *exchange, const ResourceType &type, const QString &ns)
{
    const HttpRequest &request = exchange->request();
    ApiFailure failure;
    const auto collection = parseCollectionRequest(request, type, ns, true, &failure);
    if (!collection) {
        sendFailure(exchange, failure);
        return;
    }
    const auto &[negotiation, filter, include] = *collection;
    Store &store = m_registry.store();
    const QString rvText = request.queryValue(u"resourceVersion");
    bool rvOk = true;
    const qint64 fromRv = rvText.isEmpty() ? 0 : rvText.toLongLong(&rvOk);
    if (!rvOk) {
        sendFailure(exchange,
                    status::badRequest(u"resourceVersion: Invalid value: \""_s + rvText
                                       + u"\": must be a valid resource version"_s));
        return;
    }
    const bool bookmarks = request.queryValue(u"allowWatchBookmarks") == "true"_L1;
    const bool sendInitialEvents = request.queryValue(u"sendInitialEvents") == "true"_L1;

    exchange->beginStream(200, contentTypeFor(negotiation));
    auto *watch = new Watch(exchange, store, filter, negotiation, include);
    if (m_faults && m_faults->watchCloseAfterEvents() > 0)
        watch->closeAfter(m_faults->watchCloseAfterEvents());
    watch->m_lastRv = store.resourceVersion();
    if (fromRv == 0 || sendInitialEvents) {
        const Store::Objects objects = store.objects(type);
        for (const QJsonObject &object : objects) {
            if (filter.matches(object))
                watch->send(u"ADDED"_s, object);
        }
        if (sendInitialEvents && bookmarks)
            watch->sendBookmark(store.resourceVersion(), true);
    } else {
        const auto events = store.eventsSince(fromRv);
        if (!events) {
            // As the watch cache does: a 200 stream holding one ERROR event, then the end.
            const ApiFailure gone = status::expired(u"too old resource version: "_s + QString::number(fromRv) + u" ("_s
                                                    + QString::number(store.compactedResourceVersion()) + u')');
            exchange->writeChunk(watchEvent(u"ERROR"_s, gone.status));
            exchange->endStream();
            return;
        }
        for (const Store::Event &event : *events)
            watch->replay(event);
    }
    watch->m_lastRv = store.resourceVersion();

    bool timeoutOk = false;
    int timeoutSeconds = request.queryValue(u"timeoutSeconds").toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = 1800 + QRandomGenerator::global()->bounded(1800);
    if (m_faults && m_faults->watchCloseAfterSeconds() > 0)
        timeoutSeconds = qMin(timeoutSeconds, m_faults->watchCloseAfterSeconds());
    QPointer<HttpExchange> guard(exchange);
    QTimer::singleShot(std::chrono::seconds(timeoutSeconds), watch, [guard] {
        if (guard)
            guard->endStream();
    });
    if (bookmarks) {
        auto *timer = new QTimer(watch);
        connect(timer, &QTimer::timeout, watch, [watch] { watch->sendBookmark(watch->m_lastRv); });
        timer->start(m_bookmarkInterval);
    }
}

} // namespace kubesim
