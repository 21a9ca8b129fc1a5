#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sa {

// One entry of a discovery document (an APIResourceList): a resource, or a subresource ("pods/exec").
struct ApiResource
{
    QString group; // "" for the core group
    QString version;
    QString name; // "pods", or "pods/exec" for a subresource
    QString kind;
    bool namespaced = false;
    QStringList verbs;
    QStringList shortNames;

    [[nodiscard]] bool isSubresource() const { return name.contains(u'/'); }
    // "pods" for both "pods" and "pods/exec".
    [[nodiscard]] QString resource() const { return name.section(u'/', 0, 0); }
    // "exec" for "pods/exec"; empty for a resource.
    [[nodiscard]] QString subresource() const { return name.section(u'/', 1); }
    // The resource as kubectl names it in `auth can-i`: "pods", "deployments.apps" (for a subresource, its resource's).
    [[nodiscard]] QString qualifiedName() const { return group.isEmpty() ? resource() : resource() + u'.' + group; }
};

// The resources of an APIResourceList (GET /api/v1, /apis/GROUP/VERSION), in its order; nullopt when the document is
// not one (no groupVersion or no resources array). Each entry takes the list's group and version.
[[nodiscard]] std::optional<QList<ApiResource>> parseApiResourceList(const QJsonObject &list);
// The preferred group version ("apps/v1") of every group of an APIGroupList (GET /apis), in its order; a group that
// names no preferred version contributes its first version, as client-go does.
[[nodiscard]] QStringList preferredGroupVersions(const QJsonObject &groupList);
// The versions of an APIVersions document (GET /api): "v1".
[[nodiscard]] QStringList legacyVersions(const QJsonObject &versions);

// What the server offers, as discovery told it: every resource and subresource of the preferred version of each
// group, and the group versions that could not be read (kubectl warns and carries on without them).
struct ApiResources
{
    QList<ApiResource> resources;
    QMap<QString, QString> failedGroupVersions; // "metrics.k8s.io/v1beta1" → why

    // The resources (not subresources) as kubectl names them, sorted: the core group first, then by group, each
    // group by name. A name served by two groups appears once per group.
    [[nodiscard]] QStringList names() const;
    // The resource named `qualifiedName` ("deployments.apps"), or null.
    [[nodiscard]] const ApiResource *find(const QString &qualifiedName) const;
    // The subresources of `qualifiedName`, sorted: "exec", "log", ...
    [[nodiscard]] QStringList subresourcesOf(const QString &qualifiedName) const;
};

} // namespace sa
