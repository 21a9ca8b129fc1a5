#include "Discovery.h"

#include "Negotiation.h"
#include "ResourceTypes.h"
#include "Status.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

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

// Subresources the real server lists that kube-sim does not serve (it answers 404 to them), listed all the same:
// RBAC rules and the permission dialogs name them ("create pods/exec"). Kinds and verbs as in v1.32.
struct ListedSubresource
{
    QLatin1StringView plural;
    QLatin1StringView name;
    QLatin1StringView kind;
    QStringList verbs;
    QLatin1StringView group; // of the kind, when not the resource's
};

const QList<ListedSubresource> &listedSubresources()
{
    static const QStringList createGet {u"create"_s, u"get"_s};
    static const QStringList proxy {u"create"_s, u"delete"_s, u"get"_s, u"patch"_s, u"update"_s};
    static const QList<ListedSubresource> list {
        {"nodes"_L1, "proxy"_L1, "NodeProxyOptions"_L1, proxy, {}},
        {"pods"_L1, "attach"_L1, "PodAttachOptions"_L1, createGet, {}},
        {"pods"_L1, "ephemeralcontainers"_L1, "Pod"_L1, {u"get"_s, u"patch"_s, u"update"_s}, {}},
        {"pods"_L1, "eviction"_L1, "Eviction"_L1, {u"create"_s}, "policy"_L1},
        {"pods"_L1, "exec"_L1, "PodExecOptions"_L1, createGet, {}},
        {"pods"_L1, "log"_L1, "Pod"_L1, {u"get"_s}, {}},
        {"pods"_L1, "portforward"_L1, "PodPortForwardOptions"_L1, createGet, {}},
        {"pods"_L1, "proxy"_L1, "PodProxyOptions"_L1, proxy, {}},
    };
    return list;
}

QJsonObject listedSubresource(const ResourceType &type, const ListedSubresource &sub)
{
    QJsonObject resource {{"name"_L1, QString(type.plural + u'/' + sub.name)},
                          {"singularName"_L1, QString()},
                          {"namespaced"_L1, type.namespaced},
                          {"kind"_L1, sub.kind},
                          {"verbs"_L1, QJsonArray::fromStringList(sub.verbs)}};
    if (!sub.group.isEmpty()) {
        resource.insert("group"_L1, sub.group);
        resource.insert("version"_L1, "v1"_L1);
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
        // Sorted by name, as the real server lists them.
        QMap<QString, QJsonObject> subresources;
        for (const QString &sub : type.subresources)
            subresources.insert(sub, apiResource(type, sub));
        if (type.group.isEmpty()) {
            for (const ListedSubresource &sub : listedSubresources()) {
                if (sub.plural == type.plural)
                    subresources.insert(sub.name, listedSubresource(type, sub));
            }
        }
        for (const QJsonObject &sub : std::as_const(subresources))
            resources.append(sub);
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

} // namespace

QJsonObject versionInfo()
{
    return {{"major"_L1, "1"_L1},
            {"minor"_L1, "32"_L1},
            {"gitVersion"_L1, "v1.32.4"_L1},
            {"gitCommit"_L1, "59526cd4867447956156ae3a602fcbac10a2c335"_L1},
            {"gitTreeState"_L1, "clean"_L1},
            {"buildDate"_L1, "2025-04-22T16:03:04Z"_L1},
            {"goVersion"_L1, "go1.23.6"_L1},
            {"compiler"_L1, "gc"_L1},
            {"platform"_L1, "linux/amd64"_L1}};
}

void serveDiscovery(HttpExchange *exchange, const QStringList &segments)
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

void serveOpenApi(HttpExchange *exchange, const QStringList &segments)
{
    if (segments.value(1) != "v3"_L1) {
        sendFailure(exchange, status::pathNotFound());
        return;
    }
    if (segments.size() == 2) {
        QJsonObject paths;
        for (const QString &gv : servedGroupVersions()) {
            const QByteArray hash =
                QCryptographicHash::hash(compactJson(openApiDocument(gv)), QCryptographicHash::Sha512)
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

} // namespace kubesim
