#include "ResourceTypes.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QStringList allVerbs {u"create"_s, u"delete"_s, u"deletecollection"_s, u"get"_s,
                            u"list"_s,   u"patch"_s,  u"update"_s,           u"watch"_s};

QList<ResourceType> makeTypes()
{
    // Names, short names, categories and storage version hashes as the real v1.32 discovery documents give them.
    QList<ResourceType> types {
        {u""_s,
         u"v1"_s,
         u"ConfigMap"_s,
         u"configmaps"_s,
         u"configmap"_s,
         true,
         {u"cm"_s},
         {},
         allVerbs,
         u"qFsyl6wFWjQ="_s,
         {},
         false,
         false},
        {u""_s,
         u"v1"_s,
         u"Namespace"_s,
         u"namespaces"_s,
         u"namespace"_s,
         false,
         {u"ns"_s},
         {},
         {u"create"_s, u"delete"_s, u"get"_s, u"list"_s, u"patch"_s, u"update"_s, u"watch"_s},
         u"Q3oi5N2YM8M="_s,
         {u"status"_s},
         false,
         true},
        {u""_s,
         u"v1"_s,
         u"Pod"_s,
         u"pods"_s,
         u"pod"_s,
         true,
         {u"po"_s},
         {u"all"_s},
         allVerbs,
         u"xPOwRZ+Yhw8="_s,
         {u"status"_s},
         false,
         true},
        {u""_s,
         u"v1"_s,
         u"Secret"_s,
         u"secrets"_s,
         u"secret"_s,
         true,
         {},
         {},
         allVerbs,
         u"S6u1pOWzb84="_s,
         {},
         false,
         false},
        {u""_s,
         u"v1"_s,
         u"ServiceAccount"_s,
         u"serviceaccounts"_s,
         u"serviceaccount"_s,
         true,
         {u"sa"_s},
         {},
         allVerbs,
         u"pbx9ZvyFpBE="_s,
         {},
         false,
         true},
        {u"apps"_s,
         u"v1"_s,
         u"Deployment"_s,
         u"deployments"_s,
         u"deployment"_s,
         true,
         {u"deploy"_s},
         {u"all"_s},
         allVerbs,
         u"8aSe+NMegvE="_s,
         {u"status"_s},
         true,
         false},
        {u"apps"_s,
         u"v1"_s,
         u"ReplicaSet"_s,
         u"replicasets"_s,
         u"replicaset"_s,
         true,
         {u"rs"_s},
         {u"all"_s},
         allVerbs,
         u"P1RzHs8/mWQ="_s,
         {u"status"_s},
         true,
         false},
        {u"rbac.authorization.k8s.io"_s,
         u"v1"_s,
         u"ClusterRoleBinding"_s,
         u"clusterrolebindings"_s,
         u"clusterrolebinding"_s,
         false,
         {},
         {},
         allVerbs,
         u"48tpQ8gZHFc="_s,
         {},
         false,
         false},
        {u"rbac.authorization.k8s.io"_s,
         u"v1"_s,
         u"ClusterRole"_s,
         u"clusterroles"_s,
         u"clusterrole"_s,
         false,
         {},
         {},
         allVerbs,
         u"bYE5ZWDrJ44="_s,
         {},
         false,
         false},
        {u"rbac.authorization.k8s.io"_s,
         u"v1"_s,
         u"RoleBinding"_s,
         u"rolebindings"_s,
         u"rolebinding"_s,
         true,
         {},
         {},
         allVerbs,
         u"eGsCzGH6b1g="_s,
         {},
         false,
         false},
        {u"rbac.authorization.k8s.io"_s,
         u"v1"_s,
         u"Role"_s,
         u"roles"_s,
         u"role"_s,
         true,
         {},
         {},
         allVerbs,
         u"7FuwZcIIItM="_s,
         {},
         false,
         false},
    };
    return types;
}

QString nestedString(const QJsonObject &object, QStringView path)
{
    QJsonValue value = object;
    for (const QStringView part : path.split(u'.'))
        value = value.toObject().value(part);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
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
    if (field == "metadata.name"_L1 || (field == "metadata.namespace"_L1 && namespaced))
        return nestedString(object, field);
    // The extra field labels each registry strategy's GetAttrs/SelectableFields adds.
    static const QStringList podFields {
        u"spec.nodeName"_s,    u"spec.restartPolicy"_s, u"spec.schedulerName"_s, u"spec.serviceAccountName"_s,
        u"spec.hostNetwork"_s, u"status.phase"_s,       u"status.podIP"_s,       u"status.nominatedNodeName"_s};
    if ((kind == "Pod"_L1 && podFields.contains(field)) || (kind == "Secret"_L1 && field == "type"_L1)
        || (kind == "Namespace"_L1 && field == "status.phase"_L1)
        || (kind == "ReplicaSet"_L1 && field == "status.replicas"_L1)) {
        if (field == "status.replicas"_L1)
            return QString::number(object.value("status"_L1).toObject().value("replicas"_L1).toInteger());
        return nestedString(object, field);
    }
    return std::nullopt;
}

QString ResourceType::unsupportedFieldMessage(const QString &field) const
{
    // Kinds with their own field label conversion say it one way; the rest use the default conversion.
    if (kind == "Pod"_L1 || kind == "Secret"_L1 || kind == "Namespace"_L1 || kind == "ReplicaSet"_L1)
        return u"field label not supported: "_s + field;
    return u"\""_s + field + u"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""_s;
}

} // namespace kubesim
