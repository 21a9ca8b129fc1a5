#include "Tables.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QString nameDescription =
    u"Name must be unique within a namespace. Is required when creating resources, although some resources may "
    "allow a client to request the generation of an appropriate name automatically. Name is primarily intended for "
    "creation idempotence and configuration definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_s;
const QString ageDescription =
    u"CreationTimestamp is a timestamp representing the server time when this object was created. It is not "
    "guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is "
    "represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"_s;

QJsonObject column(const QString &name, const QString &type, const QString &description, int priority = 0,
                   const QString &format = {})
{
    return {{"name"_L1, name},
            {"type"_L1, type},
            {"format"_L1, format},
            {"description"_L1, description},
            {"priority"_L1, priority}};
}

QJsonObject nameColumn()
{
    return column(u"Name"_s, u"string"_s, nameDescription, 0, u"name"_s);
}

QJsonObject ageColumn()
{
    return column(u"Age"_s, u"string"_s, ageDescription);
}

QString age(const QJsonObject &object, const QDateTime &now)
{
    const QString created = object.value("metadata"_L1).toObject().value("creationTimestamp"_L1).toString();
    const QDateTime when = QDateTime::fromString(created, Qt::ISODate);
    if (!when.isValid())
        return u"<unknown>"_s;
    return humanDuration(when.secsTo(now));
}

QString joined(const QJsonArray &values, const QString &field = {})
{
    QStringList parts;
    for (const QJsonValue &value : values)
        parts.append(field.isEmpty() ? value.toString() : value.toObject().value(field).toString());
    return parts.join(u',');
}

QString selectorText(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject labels = selector.value("matchLabels"_L1).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    return parts.isEmpty() ? u"<none>"_s : parts.join(u',');
}

QJsonArray podCells(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value("spec"_L1).toObject();
    const QJsonObject status = pod.value("status"_L1).toObject();
    const QJsonArray containers = spec.value("containers"_L1).toArray();
    int ready = 0;
    qint64 restarts = 0;
    for (const QJsonValue &cs : status.value("containerStatuses"_L1).toArray()) {
        ready += cs.toObject().value("ready"_L1).toBool() ? 1 : 0;
        restarts += cs.toObject().value("restartCount"_L1).toInteger();
    }
    QString phase = status.value("reason"_L1).toString();
    if (phase.isEmpty())
        phase = status.value("phase"_L1).toString();
    if (pod.value("metadata"_L1).toObject().contains("deletionTimestamp"_L1))
        phase = u"Terminating"_s;
    const QString ip = status.value("podIP"_L1).toString();
    const QString node = spec.value("nodeName"_L1).toString();
    const QString nominated = status.value("nominatedNodeName"_L1).toString();
    return {QString(QString::number(ready) + u'/' + QString::number(containers.size())),
            phase,
            QString::number(restarts), // printPod's restartsStr
            QJsonValue(),
            ip.isEmpty() ? u"<none>"_s : ip,
            node.isEmpty() ? u"<none>"_s : node,
            nominated.isEmpty() ? u"<none>"_s : nominated,
            u"<none>"_s};
}

QJsonArray workloadCells(const QJsonObject &object, bool isDeployment)
{
    const QJsonObject spec = object.value("spec"_L1).toObject();
    const QJsonObject status = object.value("status"_L1).toObject();
    const qint64 desired = spec.value("replicas"_L1).toInteger(1);
    const QJsonArray containers =
        spec.value("template"_L1).toObject().value("spec"_L1).toObject().value("containers"_L1).toArray();
    const QJsonValue ready = status.value("readyReplicas"_L1).toInteger();
    QJsonArray cells;
    if (isDeployment) {
        cells = {QString(QString::number(ready.toInteger()) + u'/' + QString::number(desired)),
                 status.value("updatedReplicas"_L1).toInteger(), status.value("availableReplicas"_L1).toInteger()};
    } else {
        cells = {desired, status.value("replicas"_L1).toInteger(), ready};
    }
    cells.append(QJsonValue()); // Age, filled by the caller
    cells.append(joined(containers, u"name"_s));
    cells.append(joined(containers, u"image"_s));
    cells.append(selectorText(spec.value("selector"_L1).toObject()));
    return cells;
}

// printStatefulSet and printDaemonSet; the Age cell is a placeholder the caller fills.
QJsonArray statefulSetCells(const QJsonObject &object)
{
    const QJsonObject spec = object.value("spec"_L1).toObject();
    const QJsonObject status = object.value("status"_L1).toObject();
    const QJsonArray containers =
        spec.value("template"_L1).toObject().value("spec"_L1).toObject().value("containers"_L1).toArray();
    return {QString(QString::number(status.value("readyReplicas"_L1).toInteger()) + u'/'
                    + QString::number(spec.value("replicas"_L1).toInteger(1))),
            QJsonValue(), joined(containers, u"name"_s), joined(containers, u"image"_s)};
}

QJsonArray daemonSetCells(const QJsonObject &object)
{
    const QJsonObject spec = object.value("spec"_L1).toObject();
    const QJsonObject status = object.value("status"_L1).toObject();
    const QJsonObject podSpec = spec.value("template"_L1).toObject().value("spec"_L1).toObject();
    const QJsonArray containers = podSpec.value("containers"_L1).toArray();
    const QJsonObject nodeSelector = podSpec.value("nodeSelector"_L1).toObject();
    QStringList selectorParts;
    for (auto it = nodeSelector.begin(); it != nodeSelector.end(); ++it)
        selectorParts.append(it.key() + u'=' + it.value().toString());
    QJsonArray cells;
    for (const auto key : {"desiredNumberScheduled"_L1, "currentNumberScheduled"_L1, "numberReady"_L1,
                           "updatedNumberScheduled"_L1, "numberAvailable"_L1})
        cells.append(status.value(key).toInteger());
    cells.append(selectorParts.isEmpty() ? u"<none>"_s : selectorParts.join(u','));
    cells.append(QJsonValue());
    cells.append(joined(containers, u"name"_s));
    cells.append(joined(containers, u"image"_s));
    cells.append(selectorText(spec.value("selector"_L1).toObject()));
    return cells;
}

QJsonArray nodeCells(const QJsonObject &node, const QString &objectAge)
{
    const QJsonObject status = node.value("status"_L1).toObject();
    QString ready = u"Unknown"_s;
    for (const QJsonValue &condition : status.value("conditions"_L1).toArray()) {
        if (condition.toObject().value("type"_L1).toString() == "Ready"_L1)
            ready = condition.toObject().value("status"_L1).toString() == "True"_L1 ? u"Ready"_s : u"NotReady"_s;
    }
    QStringList roles;
    const QJsonObject labels = node.value("metadata"_L1).toObject().value("labels"_L1).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith("node-role.kubernetes.io/"_L1))
            roles.append(it.key().mid(24));
    }
    QString internalIp = u"<none>"_s;
    for (const QJsonValue &address : status.value("addresses"_L1).toArray()) {
        if (address.toObject().value("type"_L1).toString() == "InternalIP"_L1)
            internalIp = address.toObject().value("address"_L1).toString();
    }
    const QJsonObject info = status.value("nodeInfo"_L1).toObject();
    return {ready,
            roles.isEmpty() ? u"<none>"_s : roles.join(u','),
            objectAge,
            info.value("kubeletVersion"_L1),
            internalIp,
            u"<none>"_s,
            info.value("osImage"_L1),
            info.value("kernelVersion"_L1),
            info.value("containerRuntimeVersion"_L1)};
}

QJsonArray bindingCells(const QJsonObject &binding)
{
    const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
    QStringList users, groups, serviceAccounts;
    for (const QJsonValue &value : binding.value("subjects"_L1).toArray()) {
        const QJsonObject subject = value.toObject();
        const QString kind = subject.value("kind"_L1).toString();
        const QString name = subject.value("name"_L1).toString();
        if (kind == "User"_L1)
            users.append(name);
        else if (kind == "Group"_L1)
            groups.append(name);
        else if (kind == "ServiceAccount"_L1)
            serviceAccounts.append(subject.value("namespace"_L1).toString() + u'/' + name); // rbac.SubjectsStrings
    }
    return {QString(roleRef.value("kind"_L1).toString() + u'/' + roleRef.value("name"_L1).toString()), QJsonValue(),
            users.join(u", "_s), groups.join(u", "_s), serviceAccounts.join(u", "_s)};
}

} // namespace

QString humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return u"<invalid>"_s;
    if (seconds < 0)
        return u"0s"_s;
    if (seconds < 60 * 2)
        return QString::number(seconds) + u's';
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QString(QString::number(minutes) + u'm')
                      : QString(QString::number(minutes) + u'm' + QString::number(s) + u's');
    }
    if (minutes < 60 * 3)
        return QString::number(minutes) + u'm';
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QString(QString::number(hours) + u'h')
                      : QString(QString::number(hours) + u'h' + QString::number(m) + u'm');
    }
    if (hours < 48)
        return QString::number(hours) + u'h';
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QString(QString::number(hours / 24) + u'd')
                      : QString(QString::number(hours / 24) + u'd' + QString::number(h) + u'h');
    }
    if (hours < 24 * 365 * 2)
        return QString::number(hours / 24) + u'd';
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? QString(QString::number(hours / 24 / 365) + u'y')
                       : QString(QString::number(hours / 24 / 365) + u'y' + QString::number(dy) + u'd');
    }
    return QString::number(hours / 24 / 365) + u'y';
}

QJsonArray tableColumns(const ResourceType &type)
{
    const QString &kind = type.kind;
    if (kind == "ServiceAccount"_L1) {
        return {nameColumn(),
                column(u"Secrets"_s, u"string"_s,
                       u"Secrets is a list of the secrets in the same namespace that pods running using this "
                       "ServiceAccount are allowed to use."_s),
                ageColumn()};
    }
    if (kind == "Secret"_L1) {
        return {nameColumn(), column(u"Type"_s, u"string"_s, u"The type of the secret"_s),
                column(u"Data"_s, u"string"_s, u"The number of entries in the data map"_s), ageColumn()};
    }
    if (kind == "ConfigMap"_L1)
        return {nameColumn(), column(u"Data"_s, u"string"_s, u"The number of entries in the data map"_s), ageColumn()};
    if (kind == "Namespace"_L1)
        return {nameColumn(), column(u"Status"_s, u"string"_s, u"The status of the namespace"_s), ageColumn()};
    if (kind == "Node"_L1) {
        return {nameColumn(),
                column(u"Status"_s, u"string"_s, u"The status of the node"_s),
                column(u"Roles"_s, u"string"_s, u"The roles of the node"_s),
                ageColumn(),
                column(u"Version"_s, u"string"_s, u"Kubelet Version reported by the node."_s),
                column(u"Internal-IP"_s, u"string"_s, u"List of internal IPs for the node."_s, 1),
                column(u"External-IP"_s, u"string"_s, u"List of external IPs for the node."_s, 1),
                column(u"OS-Image"_s, u"string"_s, u"OS Image reported by the node from /etc/os-release."_s, 1),
                column(u"Kernel-Version"_s, u"string"_s, u"Kernel Version reported by the node."_s, 1),
                column(u"Container-Runtime"_s, u"string"_s, u"Container Runtime Version reported by the node."_s, 1)};
    }
    if (kind == "Pod"_L1) {
        return {
            nameColumn(),
            column(u"Ready"_s, u"string"_s, u"The aggregate readiness state of this pod for accepting traffic."_s),
            column(u"Status"_s, u"string"_s, u"The aggregate status of the containers in this pod."_s),
            column(u"Restarts"_s, u"string"_s,
                   u"The number of times the containers in this pod have been restarted and when the last "
                   "container in this pod has restarted."_s),
            ageColumn(),
            column(u"IP"_s, u"string"_s, u"IP address allocated to the pod. Routable at least within the cluster."_s,
                   1),
            column(u"Node"_s, u"string"_s, u"Name of the Node this pod is scheduled to."_s, 1),
            column(u"Nominated Node"_s, u"string"_s,
                   u"Name of the node where the pod is nominated to run on (for preemption)."_s, 1),
            column(u"Readiness Gates"_s, u"string"_s, u"If specified, all readiness gates will be evaluated."_s, 1)};
    }
    if (kind == "Deployment"_L1 || kind == "ReplicaSet"_L1) {
        QJsonArray columns {nameColumn()};
        if (kind == "Deployment"_L1) {
            columns.append(column(u"Ready"_s, u"string"_s, u"Number of the pod with ready state"_s));
            columns.append(column(u"Up-to-date"_s, u"string"_s,
                                  u"Total number of non-terminated pods targeted by this deployment that have the "
                                  "desired template spec."_s));
            columns.append(column(u"Available"_s, u"string"_s,
                                  u"Total number of available pods (ready for at least minReadySeconds) targeted by "
                                  "this deployment."_s));
        } else {
            columns.append(column(u"Desired"_s, u"integer"_s, u"Number of desired pods."_s));
            columns.append(column(u"Current"_s, u"integer"_s, u"The most recently observed number of replicas."_s));
            columns.append(column(u"Ready"_s, u"integer"_s, u"The number of ready replicas for this replica set."_s));
        }
        columns.append(ageColumn());
        columns.append(column(u"Containers"_s, u"string"_s, u"Names of each container in the template."_s, 1));
        columns.append(column(u"Images"_s, u"string"_s, u"Images referenced by each container in the template."_s, 1));
        columns.append(column(u"Selector"_s, u"string"_s, u"Label selector for pods."_s, 1));
        return columns;
    }
    if (kind == "StatefulSet"_L1) {
        return {nameColumn(), column(u"Ready"_s, u"string"_s, u"Number of the pod with ready state"_s), ageColumn(),
                column(u"Containers"_s, u"string"_s, u"Names of each container in the template."_s, 1),
                column(u"Images"_s, u"string"_s, u"Images referenced by each container in the template."_s, 1)};
    }
    if (kind == "DaemonSet"_L1) {
        return {
            nameColumn(),
            column(u"Desired"_s, u"integer"_s,
                   u"The total number of nodes that should be running the daemon pod (including nodes correctly "
                   "running the daemon pod). More info: "
                   "https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"_s),
            column(u"Current"_s, u"integer"_s,
                   u"The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon "
                   "pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"_s),
            column(u"Ready"_s, u"integer"_s,
                   u"The number of nodes that should be running the daemon pod and have one or more of the daemon "
                   "pod running and ready."_s),
            column(u"Up-to-date"_s, u"integer"_s, u"The total number of nodes that are running updated daemon pod"_s),
            column(u"Available"_s, u"integer"_s,
                   u"The number of nodes that should be running the daemon pod and have one or more of the daemon "
                   "pod running and available (ready for at least spec.minReadySeconds)"_s),
            column(u"Node Selector"_s, u"string"_s,
                   u"NodeSelector is a selector which must be true for the pod to fit on a node. Selector which "
                   "must match a node's labels for the pod to be scheduled on that node. More info: "
                   "https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"_s),
            ageColumn(),
            column(u"Containers"_s, u"string"_s, u"Names of each container in the template."_s, 1),
            column(u"Images"_s, u"string"_s, u"Images referenced by each container in the template."_s, 1),
            column(u"Selector"_s, u"string"_s,
                   u"A label query over pods that are managed by the daemon set. Must match in order to be "
                   "controlled. If empty, defaulted to labels on Pod template. More info: "
                   "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"_s,
                   1)};
    }
    if (kind == "Role"_L1 || kind == "ClusterRole"_L1) {
        return {nameColumn(),
                column(u"Created At"_s, u"date"_s,
                       u"CreationTimestamp is a timestamp representing the server time when this object was "
                       "created."_s)};
    }
    if (kind == "RoleBinding"_L1 || kind == "ClusterRoleBinding"_L1) {
        return {nameColumn(),
                column(u"Role"_s, u"string"_s, u"Role of the binding"_s),
                ageColumn(),
                column(u"Users"_s, u"string"_s, u"Users in the binding"_s, 1),
                column(u"Groups"_s, u"string"_s, u"Groups in the binding"_s, 1),
                column(u"ServiceAccounts"_s, u"string"_s, u"ServiceAccounts in the binding"_s, 1)};
    }
    return {nameColumn(), ageColumn()};
}

QJsonObject tableRow(const ResourceType &type, const QJsonObject &object, IncludeObject include, const QDateTime &now)
{
    const QString &kind = type.kind;
    const QString name = object.value("metadata"_L1).toObject().value("name"_L1).toString();
    const QString objectAge = age(object, now);
    QJsonArray cells {name};
    auto append = [&cells](const QJsonArray &more) {
        for (const QJsonValue &cell : more)
            cells.append(cell);
    };
    if (kind == "ServiceAccount"_L1) {
        append({qint64(object.value("secrets"_L1).toArray().size()), objectAge});
    } else if (kind == "Secret"_L1) {
        append({object.value("type"_L1).toString(), qint64(object.value("data"_L1).toObject().size()), objectAge});
    } else if (kind == "ConfigMap"_L1) {
        append({qint64(object.value("data"_L1).toObject().size() + object.value("binaryData"_L1).toObject().size()),
                objectAge});
    } else if (kind == "Namespace"_L1) {
        append({object.value("status"_L1).toObject().value("phase"_L1).toString(), objectAge});
    } else if (kind == "Node"_L1) {
        append(nodeCells(object, objectAge));
    } else if (kind == "Pod"_L1) {
        QJsonArray pod = podCells(object);
        pod[3] = objectAge;
        append(pod);
    } else if (kind == "Deployment"_L1 || kind == "ReplicaSet"_L1) {
        QJsonArray workload = workloadCells(object, kind == "Deployment"_L1);
        workload[3] = objectAge;
        append(workload);
    } else if (kind == "StatefulSet"_L1) {
        QJsonArray set = statefulSetCells(object);
        set[1] = objectAge;
        append(set);
    } else if (kind == "DaemonSet"_L1) {
        QJsonArray set = daemonSetCells(object);
        set[6] = objectAge;
        append(set);
    } else if (kind == "Role"_L1 || kind == "ClusterRole"_L1) {
        cells.append(object.value("metadata"_L1).toObject().value("creationTimestamp"_L1));
    } else if (kind == "RoleBinding"_L1 || kind == "ClusterRoleBinding"_L1) {
        QJsonArray binding = bindingCells(object);
        binding[1] = objectAge;
        append(binding);
    } else {
        cells.append(objectAge);
    }
    QJsonObject row {{"cells"_L1, cells}};
    if (include == IncludeObject::Metadata)
        row.insert("object"_L1, partialObjectMetadata(object));
    else if (include == IncludeObject::Object)
        row.insert("object"_L1, object);
    return row;
}

QJsonObject makeTable(const ResourceType &type, const QList<QJsonObject> &objects, IncludeObject include,
                      const QJsonObject &listMetadata, const QString &tableApiVersion, bool withColumns)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray rows;
    for (const QJsonObject &object : objects)
        rows.append(tableRow(type, object, include, now));
    return {{"kind"_L1, "Table"_L1},
            {"apiVersion"_L1, tableApiVersion},
            {"metadata"_L1, listMetadata},
            {"columnDefinitions"_L1, withColumns ? QJsonValue(tableColumns(type)) : QJsonValue()},
            {"rows"_L1, rows}};
}

QJsonObject partialObjectMetadata(const QJsonObject &object)
{
    return {{"kind"_L1, "PartialObjectMetadata"_L1},
            {"apiVersion"_L1, "meta.k8s.io/v1"_L1},
            {"metadata"_L1, object.value("metadata"_L1)}};
}

} // namespace kubesim
