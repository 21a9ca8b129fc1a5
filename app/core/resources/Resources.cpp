#include "resources/Resources.h"

#include "resources/SecretEncoding.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <openssl/crypto.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

QString dns1123SubdomainProblem(const QString &name)
{
    static const QRegularExpression subdomain(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"_s);
    if (name.isEmpty())
        return QCoreApplication::translate("sa::names", "Enter a name.");
    if (name.size() > 253)
        return QCoreApplication::translate("sa::names", "The name must be no more than 253 characters.");
    if (!subdomain.match(name).hasMatch()) {
        return QCoreApplication::translate(
            "sa::names",
            "A name must consist of lower case alphanumeric characters, '-' or '.', and must start and end "
            "with an alphanumeric character (e.g. 'example.com').");
    }
    return {};
}

namespace {

// RFC 3339 always carries a zone (Z or an offset); without one Qt would read local time, so such text is
// treated as no timestamp at all.
QDateTime parseTimestamp(const QJsonValue &value)
{
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
        return {};
    return parsed.toUTC();
}

QMap<QString, QString> stringMap(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

// The names in a list of object references ({name: ...}), as in secrets and imagePullSecrets.
QStringList referenceNames(const QJsonValue &references)
{
    QStringList names;
    for (const QJsonValue &reference : references.toArray())
        names.append(reference[u"name"].toString());
    return names;
}

std::optional<bool> optionalBool(const QJsonValue &value)
{
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

// As the ServiceAccount admission plugin resolves it: the deprecated alias still counts, and no name means
// the namespace's default account.
QString podSpecServiceAccount(const QJsonObject &podSpec)
{
    for (const QString &field : {u"serviceAccountName"_s, u"serviceAccount"_s}) {
        const QString name = podSpec.value(field).toString();
        if (!name.isEmpty())
            return name;
    }
    return u"default"_s;
}

} // namespace

ObjectMeta ObjectMeta::fromJson(const QJsonObject &metadata)
{
    ObjectMeta meta;
    meta.name = metadata.value(u"name").toString();
    meta.ns = metadata.value(u"namespace").toString();
    meta.uid = metadata.value(u"uid").toString();
    meta.resourceVersion = metadata.value(u"resourceVersion").toString();
    meta.generation = metadata.value(u"generation").toInteger();
    meta.creationTimestamp = parseTimestamp(metadata.value(u"creationTimestamp"));
    meta.deletionTimestamp = parseTimestamp(metadata.value(u"deletionTimestamp"));
    meta.labels = stringMap(metadata.value(u"labels").toObject());
    meta.annotations = stringMap(metadata.value(u"annotations").toObject());
    for (const QJsonValue &value : metadata.value(u"ownerReferences").toArray()) {
        const QJsonObject owner = value.toObject();
        meta.ownerReferences.append({owner.value(u"apiVersion").toString(), owner.value(u"kind").toString(),
                                     owner.value(u"name").toString(), owner.value(u"uid").toString(),
                                     owner.value(u"controller").toBool()});
    }
    return meta;
}

std::optional<Namespace> Namespace::fromJson(const QJsonObject &object)
{
    Namespace result;
    result.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (result.meta.name.isEmpty())
        return std::nullopt;
    result.phase = object[u"status"][u"phase"].toString();
    return result;
}

std::optional<ServiceAccount> ServiceAccount::fromJson(const QJsonObject &object)
{
    ServiceAccount account;
    account.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (account.meta.name.isEmpty())
        return std::nullopt;
    account.secrets = referenceNames(object.value(u"secrets"));
    account.imagePullSecrets = referenceNames(object.value(u"imagePullSecrets"));
    account.automountServiceAccountToken = optionalBool(object.value(u"automountServiceAccountToken"));
    return account;
}

std::optional<SecretMeta> SecretMeta::fromTableItem(const QJsonObject &item)
{
    SecretMeta secret;
    secret.meta = ObjectMeta::fromJson(item.value(u"metadata").toObject());
    if (secret.meta.name.isEmpty())
        return std::nullopt;
    // A missing column leaves the default.
    secret.type = item.value(u"Type").toString();
    secret.keyCount = item.value(u"Data").toInt();
    return secret;
}

std::optional<SecretMeta> SecretMeta::fromSecretJson(const QJsonObject &object)
{
    SecretMeta secret;
    secret.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (secret.meta.name.isEmpty())
        return std::nullopt;
    secret.type = object.value(u"type").toString();
    secret.keys = object.value(u"data").toObject().keys();
    secret.keyCount = int(secret.keys.size());
    return secret;
}

QString SecretMeta::serviceAccountName() const
{
    if (type != "kubernetes.io/service-account-token"_L1)
        return {};
    return meta.annotations.value(u"kubernetes.io/service-account.name"_s);
}

std::optional<Secret> Secret::fromJson(const QJsonObject &object)
{
    Secret secret;
    secret.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (secret.meta.name.isEmpty())
        return std::nullopt;
    secret.type = object.value(u"type").toString();
    // stringData is write-only: the server merges it into data and never returns it.
    const QJsonObject data = object.value(u"data").toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!it.value().isString())
            return std::nullopt;
        QString text = it.value().toString();
        QByteArray encoded = text.toLatin1();
        wipe(text);
        auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        const bool ok = bool(decoded);
        if (ok)
            secret.data.insert(it.key(), SecretBytes(decoded.decoded));
        // SecretBytes keeps its own copy; these intermediate ones would otherwise linger in freed memory.
        OPENSSL_cleanse(encoded.data(), size_t(encoded.size()));
        OPENSSL_cleanse(decoded.decoded.data(), size_t(decoded.decoded.size()));
        if (!ok)
            return std::nullopt;
    }
    return secret;
}

std::optional<Pod> Pod::fromJson(const QJsonObject &object)
{
    Pod pod;
    pod.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (pod.meta.name.isEmpty())
        return std::nullopt;
    const QJsonObject spec = object.value(u"spec").toObject();
    pod.serviceAccountName = podSpecServiceAccount(spec);
    pod.nodeName = spec.value(u"nodeName").toString();
    pod.phase = object[u"status"][u"phase"].toString();
    pod.imagePullSecrets = referenceNames(spec.value(u"imagePullSecrets"));
    pod.automountServiceAccountToken = optionalBool(spec.value(u"automountServiceAccountToken"));
    return pod;
}

QList<SecretUse> SecretUse::of(const QJsonObject &podSpec)
{
    QList<SecretUse> uses;
    const auto containersOf = [&podSpec] {
        QJsonArray all = podSpec.value(u"initContainers").toArray();
        for (const QJsonValue &container : podSpec.value(u"containers").toArray())
            all.append(container);
        return all;
    };
    const QJsonArray containers = containersOf();
    for (const QJsonValue &value : podSpec.value(u"volumes").toArray()) {
        const QJsonObject volume = value.toObject();
        QStringList secrets;
        if (const QString name = volume[u"secret"][u"secretName"].toString(); !name.isEmpty())
            secrets.append(name);
        for (const QJsonValue &source : volume[u"projected"][u"sources"].toArray()) {
            if (const QString name = source[u"secret"][u"name"].toString(); !name.isEmpty())
                secrets.append(name);
        }
        if (secrets.isEmpty())
            continue;
        const QString volumeName = volume.value(u"name").toString();
        QStringList mounts;
        for (const QJsonValue &container : containers) {
            for (const QJsonValue &mount : container[u"volumeMounts"].toArray()) {
                if (mount[u"name"].toString() == volumeName)
                    mounts.append(container[u"name"].toString() + u':' + mount[u"mountPath"].toString());
            }
        }
        for (const QString &secret : std::as_const(secrets))
            uses.append({SecretUse::Kind::Volume, secret, volumeName, mounts, {}, {}});
    }
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        const QString containerName = container.value(u"name").toString();
        for (const QJsonValue &env : container.value(u"env").toArray()) {
            if (const QString name = env[u"valueFrom"][u"secretKeyRef"][u"name"].toString(); !name.isEmpty())
                uses.append({SecretUse::Kind::Env, name, {}, {}, containerName, env[u"name"].toString()});
        }
        for (const QJsonValue &from : container.value(u"envFrom").toArray()) {
            if (const QString name = from[u"secretRef"][u"name"].toString(); !name.isEmpty())
                uses.append({SecretUse::Kind::EnvFrom, name, {}, {}, containerName, {}});
        }
    }
    return uses;
}

QStringList SecretUse::secretsOf(const QJsonObject &podSpec)
{
    QStringList names;
    for (const SecretUse &use : of(podSpec))
        names.append(use.secret);
    names.sort();
    names.removeDuplicates();
    return names;
}

std::optional<Deployment> Deployment::fromJson(const QJsonObject &object)
{
    Deployment deployment;
    deployment.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (deployment.meta.name.isEmpty())
        return std::nullopt;
    const QJsonObject spec = object.value(u"spec").toObject();
    deployment.serviceAccountName = podSpecServiceAccount(spec[u"template"][u"spec"].toObject());
    // The server defaults spec.replicas to 1.
    deployment.replicas = spec.value(u"replicas").toInteger(1);
    const QJsonObject status = object.value(u"status").toObject();
    deployment.observedGeneration = status.value(u"observedGeneration").toInteger();
    deployment.updatedReplicas = status.value(u"updatedReplicas").toInteger();
    deployment.readyReplicas = status.value(u"readyReplicas").toInteger();
    deployment.availableReplicas = status.value(u"availableReplicas").toInteger();
    deployment.statusReplicas = status.value(u"replicas").toInteger();
    for (const QJsonValue &condition : status.value(u"conditions").toArray()) {
        if (condition[u"type"].toString() == "Progressing"_L1)
            deployment.progressingReason = condition[u"reason"].toString();
        else if (condition[u"type"].toString() == "ReplicaFailure"_L1 && condition[u"status"].toString() == "True"_L1)
            deployment.replicaFailure = condition[u"message"].toString();
    }
    return deployment;
}

// Mirrors DeploymentStatusViewer.Status in kubectl's rollout_status.go, branch for branch and word for word
// (without the trailing newlines), so that the user sees what `kubectl rollout status` would print.
bool Deployment::rolledOut(QString *progress) const
{
    const auto report = [progress](const QString &message) {
        if (progress)
            *progress = message;
    };
    const QString waiting = u"Waiting for deployment \""_s + meta.name + u"\" rollout to finish: "_s;
    if (meta.generation > observedGeneration) {
        report(u"Waiting for deployment spec update to be observed..."_s);
        return false;
    }
    if (progressingReason == "ProgressDeadlineExceeded"_L1) {
        report(u"deployment \""_s + meta.name + u"\" exceeded its progress deadline"_s);
        return false;
    }
    if (updatedReplicas < replicas) {
        report(waiting + QString::number(updatedReplicas) + u" out of "_s + QString::number(replicas)
               + u" new replicas have been updated..."_s);
        return false;
    }
    if (statusReplicas > updatedReplicas) {
        report(waiting + QString::number(statusReplicas - updatedReplicas)
               + u" old replicas are pending termination..."_s);
        return false;
    }
    if (availableReplicas < updatedReplicas) {
        report(waiting + QString::number(availableReplicas) + u" of "_s + QString::number(updatedReplicas)
               + u" updated replicas are available..."_s);
        return false;
    }
    report(u"deployment \""_s + meta.name + u"\" successfully rolled out"_s);
    return true;
}

std::optional<StatefulSet> StatefulSet::fromJson(const QJsonObject &object)
{
    StatefulSet set;
    set.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (set.meta.name.isEmpty())
        return std::nullopt;
    const QJsonObject spec = object.value(u"spec").toObject();
    set.serviceAccountName = podSpecServiceAccount(spec[u"template"][u"spec"].toObject());
    set.replicas = spec.value(u"replicas").toInteger(1);
    const QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    set.updateStrategy = strategy.value(u"type").toString(u"RollingUpdate"_s);
    if (const QJsonValue partition = strategy[u"rollingUpdate"][u"partition"]; partition.isDouble())
        set.partition = partition.toInteger();
    const QJsonObject status = object.value(u"status").toObject();
    set.observedGeneration = status.value(u"observedGeneration").toInteger();
    set.readyReplicas = status.value(u"readyReplicas").toInteger();
    set.updatedReplicas = status.value(u"updatedReplicas").toInteger();
    set.currentReplicas = status.value(u"currentReplicas").toInteger();
    set.currentRevision = status.value(u"currentRevision").toString();
    set.updateRevision = status.value(u"updateRevision").toString();
    return set;
}

// Mirrors StatefulSetStatusViewer.Status in kubectl's rollout_status.go, branch for branch and word for word.
RolloutStatus StatefulSet::rollout() const
{
    if (updateStrategy != "RollingUpdate"_L1)
        return {true, u"statefulset \""_s + meta.name + u"\" updates its pods only when they are deleted"_s, false};
    if (observedGeneration == 0 || meta.generation > observedGeneration)
        return {false, u"Waiting for statefulset spec update to be observed..."_s};
    if (readyReplicas < replicas)
        return {false, u"Waiting for "_s + QString::number(replicas - readyReplicas) + u" pods to be ready..."_s};
    if (partition) {
        if (updatedReplicas < replicas - *partition) {
            return {false,
                    u"Waiting for partitioned roll out to finish: "_s + QString::number(updatedReplicas) + u" out of "_s
                        + QString::number(replicas - *partition) + u" new pods have been updated..."_s};
        }
        return {true,
                u"partitioned roll out complete: "_s + QString::number(updatedReplicas)
                    + u" new pods have been updated..."_s};
    }
    if (updateRevision != currentRevision) {
        return {false,
                u"waiting for statefulset rolling update to complete "_s + QString::number(updatedReplicas)
                    + u" pods at revision "_s + updateRevision + u"..."_s};
    }
    return {true,
            u"statefulset rolling update complete "_s + QString::number(currentReplicas) + u" pods at revision "_s
                + currentRevision + u"..."_s};
}

std::optional<DaemonSet> DaemonSet::fromJson(const QJsonObject &object)
{
    DaemonSet set;
    set.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (set.meta.name.isEmpty())
        return std::nullopt;
    const QJsonObject spec = object.value(u"spec").toObject();
    set.serviceAccountName = podSpecServiceAccount(spec[u"template"][u"spec"].toObject());
    set.updateStrategy = spec[u"updateStrategy"][u"type"].toString(u"RollingUpdate"_s);
    const QJsonObject status = object.value(u"status").toObject();
    set.observedGeneration = status.value(u"observedGeneration").toInteger();
    set.desiredNumberScheduled = status.value(u"desiredNumberScheduled").toInteger();
    set.updatedNumberScheduled = status.value(u"updatedNumberScheduled").toInteger();
    set.numberAvailable = status.value(u"numberAvailable").toInteger();
    set.numberReady = status.value(u"numberReady").toInteger();
    return set;
}

// Mirrors DaemonSetStatusViewer.Status in kubectl's rollout_status.go.
RolloutStatus DaemonSet::rollout() const
{
    if (updateStrategy != "RollingUpdate"_L1)
        return {true, u"daemon set \""_s + meta.name + u"\" updates its pods only when they are deleted"_s, false};
    if (meta.generation > observedGeneration)
        return {false, u"Waiting for daemon set spec update to be observed..."_s};
    const QString waiting = u"Waiting for daemon set \""_s + meta.name + u"\" rollout to finish: "_s;
    if (updatedNumberScheduled < desiredNumberScheduled) {
        return {false,
                waiting + QString::number(updatedNumberScheduled) + u" out of "_s
                    + QString::number(desiredNumberScheduled) + u" new pods have been updated..."_s};
    }
    if (numberAvailable < desiredNumberScheduled) {
        return {false,
                waiting + QString::number(numberAvailable) + u" of "_s + QString::number(desiredNumberScheduled)
                    + u" updated pods are available..."_s};
    }
    return {true, u"daemon set \""_s + meta.name + u"\" successfully rolled out"_s};
}

std::optional<RoleBinding> RoleBinding::fromJson(const QJsonObject &object)
{
    RoleBinding binding;
    binding.meta = ObjectMeta::fromJson(object.value(u"metadata").toObject());
    if (binding.meta.name.isEmpty())
        return std::nullopt;
    binding.roleKind = object[u"roleRef"][u"kind"].toString();
    binding.roleName = object[u"roleRef"][u"name"].toString();
    for (const QJsonValue &subject : object.value(u"subjects").toArray()) {
        binding.subjects.append(
            {subject[u"kind"].toString(), subject[u"name"].toString(), subject[u"namespace"].toString()});
    }
    return binding;
}

bool Subject::names(const Subject &other, const QString &bindingNs) const
{
    if (kind != other.kind || name != other.name)
        return false;
    if (kind != "ServiceAccount"_L1)
        return true;
    const QString &subjectNs = ns.isEmpty() ? bindingNs : ns;
    return !subjectNs.isEmpty() && subjectNs == other.ns;
}

bool RoleBinding::bindsServiceAccount(const QString &ns, const QString &name) const
{
    const Subject account {u"ServiceAccount"_s, name, ns};
    return std::any_of(subjects.begin(), subjects.end(),
                       [&](const Subject &subject) { return subject.names(account, meta.ns); });
}

} // namespace sa
