#include "resources/ApiResources.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

// "deployments.apps" → {deployments, apps}: the first dot separates them, as in `kubectl auth can-i`.
std::pair<QString, QString> splitQualified(const QString &qualifiedName)
{
    const qsizetype dot = qualifiedName.indexOf(u'.');
    if (dot < 0)
        return {qualifiedName, {}};
    return {qualifiedName.left(dot), qualifiedName.mid(dot + 1)};
}

} // namespace

std::optional<QList<ApiResource>> parseApiResourceList(const QJsonObject &list)
{
    const QString groupVersion = list.value("groupVersion"_L1).toString();
    const QJsonValue entries = list.value("resources"_L1);
    // An empty list is served as "resources": [] (or null, by old servers, for a group with nothing in it).
    if (groupVersion.isEmpty() || !(entries.isArray() || entries.isNull()))
        return std::nullopt;
    const bool hasGroup = groupVersion.contains(u'/');
    const QString group = hasGroup ? groupVersion.section(u'/', 0, 0) : QString();
    const QString version = hasGroup ? groupVersion.section(u'/', 1) : groupVersion;
    QList<ApiResource> resources;
    for (const QJsonValue &value : entries.toArray()) {
        const QJsonObject entry = value.toObject();
        ApiResource resource;
        resource.name = entry.value("name"_L1).toString();
        if (resource.name.isEmpty())
            continue;
        // The entry's own group and version (serviceaccounts/token is an authentication.k8s.io TokenRequest) say
        // what kind it takes, not where it is served: RBAC names it by the list's group.
        resource.group = group;
        resource.version = version;
        resource.kind = entry.value("kind"_L1).toString();
        resource.namespaced = entry.value("namespaced"_L1).toBool();
        resource.verbs = strings(entry.value("verbs"_L1));
        resource.shortNames = strings(entry.value("shortNames"_L1));
        resources.append(resource);
    }
    return resources;
}

QStringList preferredGroupVersions(const QJsonObject &groupList)
{
    QStringList groupVersions;
    for (const QJsonValue &value : groupList.value("groups"_L1).toArray()) {
        const QJsonObject group = value.toObject();
        QString preferred = group.value("preferredVersion"_L1)[u"groupVersion"].toString();
        if (preferred.isEmpty())
            preferred = group.value("versions"_L1)[0][u"groupVersion"].toString();
        if (!preferred.isEmpty() && !groupVersions.contains(preferred))
            groupVersions.append(preferred);
    }
    return groupVersions;
}

QStringList legacyVersions(const QJsonObject &versions)
{
    return strings(versions.value("versions"_L1));
}

QStringList ApiResources::names() const
{
    QList<const ApiResource *> top;
    for (const ApiResource &resource : resources) {
        if (!resource.isSubresource())
            top.append(&resource);
    }
    std::ranges::sort(top, [](const ApiResource *a, const ApiResource *b) {
        if (a->group.isEmpty() != b->group.isEmpty())
            return a->group.isEmpty();
        if (a->group != b->group)
            return a->group < b->group;
        return a->name < b->name;
    });
    QStringList names;
    for (const ApiResource *resource : top) {
        const QString name = resource->qualifiedName();
        if (names.isEmpty() || names.constLast() != name)
            names.append(name);
    }
    return names;
}

const ApiResource *ApiResources::find(const QString &qualifiedName) const
{
    // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
    const std::pair<QString, QString> wanted = splitQualified(qualifiedName.trimmed());
    const auto it = std::ranges::find_if(resources, [&wanted](const ApiResource &resource) {
        return !resource.isSubresource() && resource.name == wanted.first && resource.group == wanted.second;
    });
    return it == resources.end() ? nullptr : &*it;
}

QStringList ApiResources::subresourcesOf(const QString &qualifiedName) const
{
    const auto [name, group] = splitQualified(qualifiedName.trimmed());
    QStringList subresources;
    for (const ApiResource &resource : resources) {
        if (resource.isSubresource() && resource.group == group && resource.resource() == name
            && !subresources.contains(resource.subresource()))
            subresources.append(resource.subresource());
    }
    subresources.sort();
    return subresources;
}

} // namespace sa
