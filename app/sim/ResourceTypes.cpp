#include "ResourceTypes.h"

#include "kinds/Kinds.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QStringList kAllVerbs {u"create"_s, u"delete"_s, u"deletecollection"_s, u"get"_s,
                             u"list"_s,   u"patch"_s,  u"update"_s,           u"watch"_s};

ResourceType makeType(const QString &group, const QString &kind, const QString &plural, bool namespaced,
                      const QString &hash, const Strategy &strategy, const QStringList &shortNames = {},
                      const QStringList &categories = {}, const QStringList &subresources = {})
{
    ResourceType type;
    type.group = group;
    type.version = u"v1"_s;
    type.kind = kind;
    type.plural = plural;
    type.singular = kind.toLower();
    type.namespaced = namespaced;
    type.shortNames = shortNames;
    type.categories = categories;
    type.verbs = kAllVerbs;
    type.storageVersionHash = hash;
    type.subresources = subresources;
    type.hasGeneration = group == "apps"_L1;
    type.strategy = &strategy;
    return type;
}

ResourceType withoutVerb(ResourceType type, const QString &verb)
{
    type.verbs.removeOne(verb);
    return type;
}

// The create-only review APIs: served and authorized like resources, never stored.
ResourceType review(const QString &group, const QString &kind, const QString &plural, bool namespaced)
{
    ResourceType type = makeType(group, kind, plural, namespaced, {}, defaultStrategy());
    type.singular.clear();
    type.verbs = {u"create"_s};
    type.stored = false;
    return type;
}

QList<ResourceType> makeTypes()
{
    // Names, short names, categories and storage version hashes as the real v1.32 discovery documents give them.
    const QString core, apps = u"apps"_s, rbac = u"rbac.authorization.k8s.io"_s;
    const QString authn = u"authentication.k8s.io"_s, authz = u"authorization.k8s.io"_s;
    const QStringList all {u"all"_s}, status {u"status"_s};
    return {
        makeType(core, u"ConfigMap"_s, u"configmaps"_s, true, u"qFsyl6wFWjQ="_s, configMapStrategy(), {u"cm"_s}),
        // The namespace REST has no DeleteCollection.
        withoutVerb(makeType(core, u"Namespace"_s, u"namespaces"_s, false, u"Q3oi5N2YM8M="_s, namespaceStrategy(),
                             {u"ns"_s}, {}, status),
                    u"deletecollection"_s),
        makeType(core, u"Node"_s, u"nodes"_s, false, u"XwShjMxG9Fs="_s, nodeStrategy(), {u"no"_s}, {}, status),
        makeType(core, u"Pod"_s, u"pods"_s, true, u"xPOwRZ+Yhw8="_s, podStrategy(), {u"po"_s}, all, status),
        makeType(core, u"Secret"_s, u"secrets"_s, true, u"S6u1pOWzb84="_s, secretStrategy()),
        makeType(core, u"ServiceAccount"_s, u"serviceaccounts"_s, true, u"pbx9ZvyFpBE="_s, serviceAccountStrategy(),
                 {u"sa"_s}, {}, {u"token"_s}),
        makeType(apps, u"DaemonSet"_s, u"daemonsets"_s, true, u"dd7pWHUlMKQ="_s, daemonSetStrategy(), {u"ds"_s}, all,
                 status),
        makeType(apps, u"Deployment"_s, u"deployments"_s, true, u"8aSe+NMegvE="_s, deploymentStrategy(), {u"deploy"_s},
                 all, status),
        makeType(apps, u"ReplicaSet"_s, u"replicasets"_s, true, u"P1RzHs8/mWQ="_s, replicaSetStrategy(), {u"rs"_s}, all,
                 status),
        makeType(apps, u"StatefulSet"_s, u"statefulsets"_s, true, u"H+vl74LkKdo="_s, statefulSetStrategy(), {u"sts"_s},
                 all, status),
        review(authn, u"SelfSubjectReview"_s, u"selfsubjectreviews"_s, false),
        review(authn, u"TokenReview"_s, u"tokenreviews"_s, false),
        review(authz, u"LocalSubjectAccessReview"_s, u"localsubjectaccessreviews"_s, true),
        review(authz, u"SelfSubjectAccessReview"_s, u"selfsubjectaccessreviews"_s, false),
        review(authz, u"SelfSubjectRulesReview"_s, u"selfsubjectrulesreviews"_s, false),
        review(authz, u"SubjectAccessReview"_s, u"subjectaccessreviews"_s, false),
        makeType(rbac, u"ClusterRoleBinding"_s, u"clusterrolebindings"_s, false, u"48tpQ8gZHFc="_s,
                 clusterRoleBindingStrategy()),
        makeType(rbac, u"ClusterRole"_s, u"clusterroles"_s, false, u"bYE5ZWDrJ44="_s, clusterRoleStrategy()),
        makeType(rbac, u"RoleBinding"_s, u"rolebindings"_s, true, u"eGsCzGH6b1g="_s, roleBindingStrategy()),
        makeType(rbac, u"Role"_s, u"roles"_s, true, u"7FuwZcIIItM="_s, roleStrategy()),
    };
}

} // namespace

const QList<ResourceType> &resourceTypes()
{
    static const QList<ResourceType> types = makeTypes();
    return types;
}

const ResourceType *findResource(const QString &group, const QString &version, const QString &plural)
{
    for (const ResourceType &type : resourceTypes()) {
        if (type.group == group && type.version == version && type.plural == plural)
            return &type;
    }
    return nullptr;
}

const ResourceType *findResourceByKind(const QString &apiVersion, const QString &kind)
{
    for (const ResourceType &type : resourceTypes()) {
        if (type.apiVersion() == apiVersion && type.kind == kind)
            return &type;
    }
    return nullptr;
}

QStringList servedGroups()
{
    QStringList groups;
    for (const ResourceType &type : resourceTypes()) {
        if (!type.group.isEmpty() && !groups.contains(type.apiVersion()))
            groups.append(type.apiVersion());
    }
    return groups;
}

std::optional<QString> ResourceType::selectableField(const QJsonObject &object, const QString &field) const
{
    // Every kind's metadata.name (and metadata.namespace when namespaced), and the labels its strategy adds.
    if (field == "metadata.name"_L1 || (field == "metadata.namespace"_L1 && namespaced)
        || strategy->fieldLabels().contains(field))
        return strategy->fieldValue(object, field);
    return std::nullopt;
}

QString ResourceType::unsupportedFieldMessage(const QString &field) const
{
    // Kinds with field labels of their own have their own conversion function, which says it one way; the rest
    // use the default conversion.
    if (!strategy->fieldLabels().isEmpty())
        return u"field label not supported: "_s + field;
    return u"\""_s + field + u"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""_s;
}

} // namespace kubesim
