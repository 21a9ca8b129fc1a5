// Pod (pkg/registry/core/pod): defaults, the ServiceAccount admission plugin, what an update may change,
// printPod, and the pod field labels.

#include "Pod.h"

#include "JsonText.h"
#include "Kinds.h"
#include "Registry.h"
#include "ResourceTypes.h"
#include "Store.h"
#include "Tables.h"

#include <QJsonArray>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// The projected token volume of the ServiceAccount admission plugin, mounted into every container that has
// nothing at the service-account path yet.
QJsonObject mountServiceAccountToken(QJsonObject spec)
{
    static const QString mountPath = u"/var/run/secrets/kubernetes.io/serviceaccount"_s;
    const QString volumeName = u"kube-api-access-"_s + randomSuffix(5);
    bool mounted = false;
    for (const auto key : {"initContainers"_L1, "containers"_L1}) {
        QJsonArray containers = spec.value(key).toArray();
        for (auto &&value : containers) {
            QJsonObject container = value.toObject();
            QJsonArray mounts = container.value("volumeMounts"_L1).toArray();
            const bool hasPath = std::any_of(mounts.begin(), mounts.end(), [](const QJsonValue &mount) {
                return mount.toObject().value("mountPath"_L1).toString() == mountPath;
            });
            if (hasPath)
                continue;
            mounts.append(QJsonObject {{"name"_L1, volumeName}, {"readOnly"_L1, true}, {"mountPath"_L1, mountPath}});
            container.insert("volumeMounts"_L1, mounts);
            value = container;
            mounted = true;
        }
        if (spec.contains(key))
            spec.insert(key, containers);
    }
    if (!mounted)
        return spec;
    QJsonArray volumes = spec.value("volumes"_L1).toArray();
    const QJsonArray sources {
        QJsonObject {{"serviceAccountToken"_L1, QJsonObject {{"expirationSeconds"_L1, 3607}, {"path"_L1, "token"_L1}}}},
        QJsonObject {
            {"configMap"_L1,
             QJsonObject {{"name"_L1, "kube-root-ca.crt"_L1},
                          {"items"_L1, QJsonArray {QJsonObject {{"key"_L1, "ca.crt"_L1}, {"path"_L1, "ca.crt"_L1}}}}}}},
        QJsonObject {
            {"downwardAPI"_L1,
             QJsonObject {{"items"_L1,
                           QJsonArray {QJsonObject {{"path"_L1, "namespace"_L1},
                                                    {"fieldRef"_L1,
                                                     QJsonObject {{"apiVersion"_L1, "v1"_L1},
                                                                  {"fieldPath"_L1, "metadata.namespace"_L1}}}}}}}}}};
    volumes.append(QJsonObject {{"name"_L1, volumeName},
                                {"projected"_L1, QJsonObject {{"sources"_L1, sources}, {"defaultMode"_L1, 420}}}});
    spec.insert("volumes"_L1, volumes);
    return spec;
}

// ValidateContainerUpdates for one container list; false when the list changed length, which ends validation.
bool validateContainerUpdates(const QJsonObject &spec, const QJsonObject &oldSpec, QLatin1StringView list,
                              QList<FieldError> &errors)
{
    const QString path = u"spec."_s + list;
    const QJsonArray containers = spec.value(list).toArray();
    if (containers.size() != oldSpec.value(list).toArray().size()) {
        errors.append(forbidden(path, u"pod updates may not add or remove containers"_s));
        return false;
    }
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString image = text(containers[i].toObject(), "image"_L1);
        const QString imagePath = path + u'[' + QString::number(i) + u"].image"_s;
        if (image.isEmpty())
            errors.append(required(imagePath));
        if (image.trimmed() != image)
            errors.append(invalidValue(imagePath, goQuote(image), u"must not have leading or trailing whitespace"_s));
    }
    return true;
}

// Only images, a lowered or newly set activeDeadlineSeconds and added tolerations may change in a pod's spec.
void validatePodUpdate(const QJsonObject &pod, const QJsonObject &old, QList<FieldError> &errors)
{
    const QJsonObject spec = pod.value("spec"_L1).toObject();
    const QJsonObject oldSpec = old.value("spec"_L1).toObject();
    if (!validateContainerUpdates(spec, oldSpec, "containers"_L1, errors)
        || !validateContainerUpdates(spec, oldSpec, "initContainers"_L1, errors))
        return;

    const auto deadline = "activeDeadlineSeconds"_L1;
    const QString deadlinePath = u"spec."_s + deadline;
    if (spec.contains(deadline)) {
        const qint64 seconds = spec.value(deadline).toInteger();
        if (seconds < 0 || seconds > std::numeric_limits<qint32>::max()) {
            errors.append(
                invalidValue(deadlinePath, QString::number(seconds), u"must be between 0 and 2147483647, inclusive"_s));
            return;
        }
        if (oldSpec.contains(deadline) && oldSpec.value(deadline).toInteger() < seconds) {
            errors.append(invalidValue(deadlinePath, QString::number(seconds),
                                       u"must be less than or equal to previous value"_s));
            return;
        }
    } else if (oldSpec.contains(deadline)) {
        errors.append(invalidValue(deadlinePath, u"null"_s, u"must not update from a positive integer to nil value"_s));
    }

    const QJsonArray tolerations = spec.value("tolerations"_L1).toArray();
    for (const QJsonValue &oldToleration : oldSpec.value("tolerations"_L1).toArray()) {
        const bool kept = std::ranges::any_of(tolerations, [&oldToleration](const QJsonValue &toleration) {
            QJsonObject candidate = toleration.toObject();
            candidate.remove("tolerationSeconds"_L1);
            QJsonObject previous = oldToleration.toObject();
            previous.remove("tolerationSeconds"_L1);
            return candidate == previous;
        });
        if (!kept) {
            errors.append(forbidden(u"spec.tolerations"_s,
                                    u"existing toleration can not be modified except its tolerationSeconds"_s));
            break;
        }
    }

    QJsonObject munged = spec;
    for (const auto list : {"containers"_L1, "initContainers"_L1}) {
        if (!munged.contains(list))
            continue;
        QJsonArray containers = munged.value(list).toArray();
        const QJsonArray oldContainers = oldSpec.value(list).toArray();
        for (qsizetype i = 0; i < containers.size(); ++i) {
            QJsonObject container = containers[i].toObject();
            container.insert("image"_L1, oldContainers[i].toObject().value("image"_L1));
            containers[i] = container;
        }
        munged.insert(list, containers);
    }
    for (const auto key : {deadline, "tolerations"_L1}) {
        munged.remove(key);
        if (oldSpec.contains(key))
            munged.insert(key, oldSpec.value(key));
    }
    if (munged != oldSpec)
        errors.append(forbidden(u"spec"_s,
                                u"pod updates may not change fields other than `spec.containers[*].image`,"
                                "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                                "`spec.tolerations` (only additions to existing tolerations),"
                                "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
                                "previously negative)"_s));
}

class PodStrategy final : public Strategy
{
public:
    void applyDefaults(QJsonObject &object) const override
    {
        object.insert("spec"_L1, defaultPodSpec(object.value("spec"_L1).toObject()));
    }

    void prepareForCreate(QJsonObject &object) const override { object.remove("status"_L1); }

    void prepareForUpdate(QJsonObject &object, const QJsonObject &) const override
    {
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("serviceAccount"_L1) && spec.contains("serviceAccountName"_L1))
            spec.insert("serviceAccount"_L1, spec.value("serviceAccountName"_L1));
        object.insert("spec"_L1, spec);
    }

    std::optional<ApiFailure> admit(QJsonObject &object, const QString &name, const Store &store) const override
    {
        // The ServiceAccount admission plugin: every pod runs as an existing service account.
        QJsonObject spec = object.value("spec"_L1).toObject();
        QString account = text(spec, "serviceAccountName"_L1);
        if (account.isEmpty()) {
            account = u"default"_s;
            spec.insert("serviceAccountName"_L1, account);
        }
        spec.insert("serviceAccount"_L1, account);
        object.insert("spec"_L1, spec);
        const QJsonObject metadata = metadataOf(object);
        static const ResourceType *serviceAccounts = findResource(QString(), u"v1"_s, u"serviceaccounts"_s);
        const QString ns = text(metadata, "namespace"_L1);
        const auto sa = store.get(*serviceAccounts, ns, account);
        if (!sa) {
            return status::forbidden(QString(), u"pods"_s, name,
                                     u"error looking up service account "_s + ns + u'/' + account
                                         + u": serviceaccount \""_s + account + u"\" not found"_s);
        }
        if (!spec.contains("imagePullSecrets"_L1) && sa->contains("imagePullSecrets"_L1))
            spec.insert("imagePullSecrets"_L1, sa->value("imagePullSecrets"_L1));
        // The pod's automount setting wins, then the service account's; the default is to mount.
        const QJsonValue podAutomount = spec.value("automountServiceAccountToken"_L1);
        const QJsonValue accountAutomount = sa->value("automountServiceAccountToken"_L1);
        const bool automount = podAutomount.isBool() ? podAutomount.toBool() : accountAutomount.toBool(true);
        if (automount)
            spec = mountServiceAccountToken(spec);
        object.insert("spec"_L1, spec);
        return std::nullopt;
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        // Core updates check what may change, then validate the new object as on create.
        QList<FieldError> errors;
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        validateObjectMeta(object, true, dnsSubdomainName, errors);
        validatePodSpec(object.value("spec"_L1).toObject(), u"spec"_s, errors);
        if (old)
            validatePodUpdate(object, *old, errors);
        return errors;
    }

    bool returnsDeletedObject() const override { return true; }

    QJsonArray tableColumns() const override
    {
        return {
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

    QJsonArray tableCells(const QJsonObject &pod, const QString &age) const override
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
                age,
                ip.isEmpty() ? u"<none>"_s : ip,
                node.isEmpty() ? u"<none>"_s : node,
                nominated.isEmpty() ? u"<none>"_s : nominated,
                u"<none>"_s};
    }

    QStringList fieldLabels() const override
    {
        static const QStringList labels {
            u"spec.nodeName"_s,    u"spec.restartPolicy"_s, u"spec.schedulerName"_s, u"spec.serviceAccountName"_s,
            u"spec.hostNetwork"_s, u"status.phase"_s,       u"status.podIP"_s,       u"status.nominatedNodeName"_s};
        return labels;
    }
};

} // namespace

QJsonObject defaultPodSpec(QJsonObject spec)
{
    if (text(spec, "serviceAccountName"_L1).isEmpty() && !text(spec, "serviceAccount"_L1).isEmpty())
        spec.insert("serviceAccountName"_L1, spec.value("serviceAccount"_L1));
    if (!spec.contains("restartPolicy"_L1))
        spec.insert("restartPolicy"_L1, "Always"_L1);
    if (!spec.contains("dnsPolicy"_L1))
        spec.insert("dnsPolicy"_L1, "ClusterFirst"_L1);
    if (!spec.contains("schedulerName"_L1))
        spec.insert("schedulerName"_L1, "default-scheduler"_L1);
    if (!spec.contains("terminationGracePeriodSeconds"_L1))
        spec.insert("terminationGracePeriodSeconds"_L1, 30);
    if (!spec.contains("securityContext"_L1))
        spec.insert("securityContext"_L1, QJsonObject());
    QJsonArray containers = spec.value("containers"_L1).toArray();
    for (auto &&value : containers) {
        QJsonObject container = value.toObject();
        if (!container.contains("imagePullPolicy"_L1)) {
            const QString image = text(container, "image"_L1);
            const bool latest = !image.contains(u':') || image.endsWith(":latest"_L1);
            container.insert("imagePullPolicy"_L1, latest ? "Always"_L1 : "IfNotPresent"_L1);
        }
        if (!container.contains("terminationMessagePath"_L1))
            container.insert("terminationMessagePath"_L1, "/dev/termination-log"_L1);
        if (!container.contains("terminationMessagePolicy"_L1))
            container.insert("terminationMessagePolicy"_L1, "File"_L1);
        if (!container.contains("resources"_L1))
            container.insert("resources"_L1, QJsonObject());
        value = container;
    }
    if (!containers.isEmpty())
        spec.insert("containers"_L1, containers);
    return spec;
}

void validatePodSpec(const QJsonObject &spec, const QString &path, QList<FieldError> &errors)
{
    const QJsonArray containers = spec.value("containers"_L1).toArray();
    if (containers.isEmpty())
        errors.append(required(path + u".containers"_s));
    QSet<QString> names;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString at = path + u".containers["_s + QString::number(i) + u']';
        const QJsonObject container = containers[i].toObject();
        const QString name = text(container, "name"_L1);
        if (name.isEmpty())
            errors.append(required(at + u".name"_s));
        else
            appendInvalid(errors, at + u".name"_s, name, dns1123LabelErrors(name));
        if (text(container, "image"_L1).isEmpty())
            errors.append(required(at + u".image"_s));
        if (names.contains(name))
            errors.append(duplicate(at + u".name"_s, goQuote(name)));
        names.insert(name);
    }
    const QString serviceAccount = text(spec, "serviceAccountName"_L1);
    if (!serviceAccount.isEmpty())
        appendInvalid(errors, path + u".serviceAccountName"_s, serviceAccount, dns1123SubdomainErrors(serviceAccount));
}

const Strategy &podStrategy()
{
    static const PodStrategy strategy;
    return strategy;
}

} // namespace kubesim
