#include "Controllers.h"

#include "Auth.h"
#include "JsonText.h"
#include "Rbac.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QString kTokenSecretType = u"kubernetes.io/service-account-token"_s;
const QString kSaNameAnnotation = u"kubernetes.io/service-account.name"_s;
const QString kSaUidAnnotation = u"kubernetes.io/service-account.uid"_s;
const QString kRevisionAnnotation = u"deployment.kubernetes.io/revision"_s;

const ResourceType &type(const char *group, const char *plural)
{
    return *findResource(QLatin1StringView(group), u"v1"_s, QLatin1StringView(plural));
}

QString nameOf(const QJsonObject &object)
{
    return text(metadataOf(object), "name"_L1);
}

QString namespaceOf(const QJsonObject &object)
{
    return text(metadataOf(object), "namespace"_L1);
}

QString uidOf(const QJsonObject &object)
{
    return text(metadataOf(object), "uid"_L1);
}

QJsonObject ownerReference(const ResourceType &ownerType, const QJsonObject &owner)
{
    return {{"apiVersion"_L1, ownerType.apiVersion()},
            {"kind"_L1, ownerType.kind},
            {"name"_L1, nameOf(owner)},
            {"uid"_L1, uidOf(owner)},
            {"controller"_L1, true},
            {"blockOwnerDeletion"_L1, true}};
}

// The pod-template-hash label: a stable short hash of the template, in the safe alphabet.
QString podTemplateHash(const QJsonObject &podTemplate)
{
    const QByteArray digest =
        QCryptographicHash::hash(QJsonDocument(podTemplate).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString hash;
    for (int i = 0; i < 10; ++i)
        hash += QLatin1Char(alphabet[quint8(digest[i]) % (sizeof alphabet - 1)]);
    return hash;
}

// The one condition a ReplicaSet and the set controllers report: pods that could not be created.
QJsonArray failureConditions(const QString &failure)
{
    if (failure.isEmpty())
        return {};
    return {QJsonObject {{"type"_L1, "ReplicaFailure"_L1},
                         {"status"_L1, "True"_L1},
                         {"reason"_L1, "FailedCreate"_L1},
                         {"message"_L1, failure}}};
}

bool isTerminating(const QJsonObject &object)
{
    return metadataOf(object).contains("deletionTimestamp"_L1);
}

} // namespace

Controllers::Controllers(Registry &registry, const Pki &pki, const TokenSigner &signer, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_store(registry.store())
    , m_pki(pki)
    , m_signer(signer)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &Controllers::processQueue);
    connect(&m_store, &Store::changed, this, &Controllers::onChange);
}

void Controllers::onChange(const Store::Event &event)
{
    m_queue.append(event);
    if (!m_timer.isActive() && !m_paused)
        m_timer.start();
}

void Controllers::writeStatus(const ResourceType &type, const QJsonObject &object, const QJsonObject &status)
{
    // Unchanged, no write: a write is a watch event, and an event would sync the object again.
    if (status == object.value("status"_L1).toObject())
        return;
    QJsonObject updated = object;
    updated.insert("status"_L1, status);
    m_store.update(type, updated);
}

void Controllers::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else if (!m_queue.isEmpty())
        m_timer.start();
}

void Controllers::settle()
{
    if (m_paused)
        return;
    while (!m_queue.isEmpty())
        processQueue();
    m_timer.stop();
}

void Controllers::processQueue()
{
    const QList<Store::Event> events = std::exchange(m_queue, {});
    for (const Store::Event &event : events)
        handle(event);
}

void Controllers::handle(const Store::Event &event)
{
    const QString &kind = event.resource->kind;
    const bool deleted = event.type == Store::EventType::Deleted;
    const QString ns = namespaceOf(event.object);
    const QString name = nameOf(event.object);
    if (kind == "Namespace"_L1) {
        if (!deleted)
            syncNamespace(name);
    } else if (kind == "ServiceAccount"_L1) {
        if (deleted) {
            serviceAccountDeleted(event.object);
            if (name == "default"_L1)
                syncNamespace(ns);
        } else if (event.type == Store::EventType::Added) {
            retryFailedCreates(ns);
        }
    } else if (kind == "ConfigMap"_L1) {
        if (deleted && name == "kube-root-ca.crt"_L1)
            syncNamespace(ns);
    } else if (kind == "Secret"_L1) {
        if (deleted)
            secretDeleted(event.object);
        else if (text(event.object, "type"_L1) == kTokenSecretType)
            syncTokenSecret(ns, name);
    } else if (kind == "Pod"_L1) {
        if (!deleted && event.type == Store::EventType::Added)
            runPod(ns, name);
        syncOwner(event.object);
    } else if (kind == "ReplicaSet"_L1) {
        if (!deleted)
            syncReplicaSet(ns, name);
        syncOwner(event.object);
    } else if (kind == "Deployment"_L1) {
        if (!deleted)
            syncDeployment(ns, name);
    } else if (kind == "StatefulSet"_L1) {
        if (!deleted)
            syncStatefulSet(ns, name);
    } else if (kind == "DaemonSet"_L1) {
        if (!deleted)
            syncDaemonSet(ns, name);
    } else if (kind == "Node"_L1) {
        // A node joining or leaving changes where every DaemonSet should run.
        const Store::Objects sets = m_store.objects(type("apps", "daemonsets"));
        for (const QJsonObject &set : sets)
            syncDaemonSet(namespaceOf(set), nameOf(set));
    } else if (kind == "ClusterRole"_L1) {
        // The ClusterRole aggregation controller: aggregated roles carry the union of the roles they select.
        aggregateClusterRoles(m_registry);
    }
}

void Controllers::syncNamespace(const QString &name)
{
    const ResourceType &namespaces = type("", "namespaces");
    const auto ns = m_store.get(namespaces, QString(), name);
    if (!ns)
        return;
    if (isTerminating(*ns)) {
        // Empty the namespace, then let it go.
        for (const ResourceType &resource : resourceTypes()) {
            if (!resource.namespaced)
                continue;
            const Store::Objects objects = m_store.objects(resource);
            for (auto it = objects.lowerBound(name + u'/'); it != objects.end() && it.key().startsWith(name + u'/');
                 ++it)
                m_registry.remove(resource, name, nameOf(*it), {{"propagationPolicy"_L1, "Background"_L1}});
        }
        m_store.remove(namespaces, QString(), name);
        return;
    }
    const ResourceType &accounts = type("", "serviceaccounts");
    if (!m_store.get(accounts, name, u"default"_s))
        m_registry.create(accounts, name, {{"metadata"_L1, QJsonObject {{"name"_L1, "default"_L1}}}});
    const ResourceType &configMaps = type("", "configmaps");
    if (!m_store.get(configMaps, name, u"kube-root-ca.crt"_s)) {
        m_registry.create(
            configMaps, name,
            {{"metadata"_L1,
              QJsonObject {{"name"_L1, "kube-root-ca.crt"_L1},
                           {"annotations"_L1,
                            QJsonObject {{"kubernetes.io/description"_L1,
                                          "Contains a CA bundle that can be used to verify the "
                                          "kube-apiserver when using internal endpoints such as the "
                                          "internal service IP or kubernetes.default.svc. No other usage "
                                          "is guaranteed across distributions of Kubernetes clusters."_L1}}}}},
             {"data"_L1, QJsonObject {{"ca.crt"_L1, QString::fromLatin1(m_pki.caCertPem())}}}});
    }
}

void Controllers::syncTokenSecret(const QString &ns, const QString &name)
{
    const ResourceType &secrets = type("", "secrets");
    const auto secret = m_store.get(secrets, ns, name);
    if (!secret || text(*secret, "type"_L1) != kTokenSecretType || isTerminating(*secret))
        return;
    QJsonObject metadata = metadataOf(*secret);
    QJsonObject annotations = metadata.value("annotations"_L1).toObject();
    const QString accountName = annotations.value(kSaNameAnnotation).toString();
    const auto account = m_store.get(type("", "serviceaccounts"), ns, accountName);
    const QString wantUid = annotations.value(kSaUidAnnotation).toString();
    if (!account || (!wantUid.isEmpty() && wantUid != uidOf(*account))) {
        // Upstream deletes it; the demo's one kept (a kube-sim deviation, see kKeepOrphanedTokenAnnotation) is not.
        if (annotations.value(kKeepOrphanedTokenAnnotation).toString() != "true"_L1)
            m_registry.remove(secrets, ns, name, {{"preconditions"_L1, QJsonObject {{"uid"_L1, uidOf(*secret)}}}});
        return;
    }
    QJsonObject data = secret->value("data"_L1).toObject();
    if (!data.value("token"_L1).toString().isEmpty() && annotations.contains(kSaUidAnnotation))
        return;
    const auto encode = [](const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); };
    // A legacy token with the claims of pkg/serviceaccount/legacy.go: no expiry, valid while this Secret lives.
    const QJsonObject claims {{"iss"_L1, "kubernetes/serviceaccount"_L1},
                              {"kubernetes.io/serviceaccount/namespace"_L1, ns},
                              {"kubernetes.io/serviceaccount/secret.name"_L1, name},
                              {"kubernetes.io/serviceaccount/service-account.name"_L1, accountName},
                              {"kubernetes.io/serviceaccount/service-account.uid"_L1, uidOf(*account)},
                              {"sub"_L1, serviceAccountUserName(ns, accountName)}};
    data.insert("token"_L1, encode(m_signer.sign(claims)));
    data.insert("ca.crt"_L1, encode(m_pki.caCertPem()));
    data.insert("namespace"_L1, encode(ns.toUtf8()));
    annotations.insert(kSaUidAnnotation, uidOf(*account));
    metadata.insert("annotations"_L1, annotations);
    QJsonObject filled = *secret;
    filled.insert("metadata"_L1, metadata);
    filled.insert("data"_L1, data);
    m_registry.update(secrets, ns, name, filled);
}

void Controllers::serviceAccountDeleted(const QJsonObject &account)
{
    const ResourceType &secrets = type("", "secrets");
    const QString ns = namespaceOf(account);
    const Store::Objects objects = m_store.objects(secrets);
    for (auto it = objects.lowerBound(ns + u'/'); it != objects.end() && it.key().startsWith(ns + u'/'); ++it) {
        if (text(*it, "type"_L1) != kTokenSecretType)
            continue;
        const QJsonObject annotations = metadataOf(*it).value("annotations"_L1).toObject();
        const QString uid = annotations.value(kSaUidAnnotation).toString();
        if (annotations.value(kSaNameAnnotation).toString() == nameOf(account)
            && (uid.isEmpty() || uid == uidOf(account))
            && annotations.value(kKeepOrphanedTokenAnnotation).toString() != "true"_L1)
            m_registry.remove(secrets, ns, nameOf(*it));
    }
}

void Controllers::secretDeleted(const QJsonObject &secret)
{
    // A ServiceAccount stops listing a token Secret that no longer exists.
    const ResourceType &accounts = type("", "serviceaccounts");
    const QString ns = namespaceOf(secret);
    const QString accountName =
        metadataOf(secret).value("annotations"_L1).toObject().value(kSaNameAnnotation).toString();
    const auto account = accountName.isEmpty() ? std::nullopt : m_store.get(accounts, ns, accountName);
    if (!account)
        return;
    QJsonArray references = account->value("secrets"_L1).toArray();
    const auto before = references.size();
    for (qsizetype i = references.size() - 1; i >= 0; --i) {
        if (references[i].toObject().value("name"_L1).toString() == nameOf(secret))
            references.removeAt(i);
    }
    if (references.size() == before)
        return;
    QJsonObject updated = *account;
    updated.insert("secrets"_L1, references);
    m_registry.update(accounts, ns, accountName, updated);
}

void Controllers::runPod(const QString &ns, const QString &name)
{
    const ResourceType &pods = type("", "pods");
    auto pod = m_store.get(pods, ns, name);
    if (!pod || isTerminating(*pod) || !text(pod->value("status"_L1).toObject(), "phase"_L1).isEmpty())
        return;
    // Scheduled onto the one node (unless bound to a node already, as DaemonSet pods are) and running at once,
    // every container ready.
    QJsonObject spec = pod->value("spec"_L1).toObject();
    if (text(spec, "nodeName"_L1).isEmpty())
        spec.insert("nodeName"_L1, "kube-sim-node"_L1);
    const QString now = nowTimestamp();
    QJsonArray containerStatuses;
    for (const QJsonValue &value : spec.value("containers"_L1).toArray()) {
        const QJsonObject container = value.toObject();
        containerStatuses.append(
            QJsonObject {{"name"_L1, container.value("name"_L1)},
                         {"image"_L1, container.value("image"_L1)},
                         {"imageID"_L1, ""_L1},
                         {"ready"_L1, true},
                         {"started"_L1, true},
                         {"restartCount"_L1, 0},
                         {"state"_L1, QJsonObject {{"running"_L1, QJsonObject {{"startedAt"_L1, now}}}}}});
    }
    QJsonArray conditions;
    for (const auto condition :
         {"PodReadyToStartContainers"_L1, "Initialized"_L1, "Ready"_L1, "ContainersReady"_L1, "PodScheduled"_L1}) {
        conditions.append(QJsonObject {{"type"_L1, condition},
                                       {"status"_L1, "True"_L1},
                                       {"lastProbeTime"_L1, QJsonValue()},
                                       {"lastTransitionTime"_L1, now}});
    }
    const quint32 address = qHash(ns + u'/' + name) % (254 * 254);
    const QString podIp = u"10.244."_s + QString::number(address / 254) + u'.' + QString::number(address % 254 + 1);
    pod->insert("spec"_L1, spec);
    pod->insert("status"_L1,
                QJsonObject {{"phase"_L1, "Running"_L1},
                             {"conditions"_L1, conditions},
                             {"hostIP"_L1, "172.18.0.2"_L1},
                             {"podIP"_L1, podIp},
                             {"podIPs"_L1, QJsonArray {QJsonObject {{"ip"_L1, podIp}}}},
                             {"startTime"_L1, now},
                             {"containerStatuses"_L1, containerStatuses},
                             {"qosClass"_L1, "BestEffort"_L1}});
    m_store.update(pods, *pod);
}

QList<QJsonObject> Controllers::owned(const ResourceType &resource, const QString &ns, const QString &ownerUid) const
{
    QList<QJsonObject> result;
    const Store::Objects objects = m_store.objects(resource);
    for (auto it = objects.lowerBound(ns + u'/'); it != objects.end() && it.key().startsWith(ns + u'/'); ++it) {
        for (const QJsonValue &ref : metadataOf(*it).value("ownerReferences"_L1).toArray()) {
            if (ref.toObject().value("uid"_L1).toString() == ownerUid) {
                result.append(*it);
                break;
            }
        }
    }
    return result;
}

void Controllers::syncOwner(const QJsonObject &object)
{
    for (const QJsonValue &value : metadataOf(object).value("ownerReferences"_L1).toArray()) {
        const QJsonObject ref = value.toObject();
        const QString kind = text(ref, "kind"_L1);
        const QString owner = text(ref, "name"_L1);
        if (kind == "Deployment"_L1)
            syncDeployment(namespaceOf(object), owner);
        else if (kind == "ReplicaSet"_L1)
            syncReplicaSet(namespaceOf(object), owner);
        else if (kind == "StatefulSet"_L1)
            syncStatefulSet(namespaceOf(object), owner);
        else if (kind == "DaemonSet"_L1)
            syncDaemonSet(namespaceOf(object), owner);
    }
}

void Controllers::retryFailedCreates(const QString &ns)
{
    // Pods refused for a missing service account may be admitted now. Only sets that failed are retried, so
    // a failure costs one attempt per new service account rather than a hot loop.
    for (const char *plural : {"replicasets", "statefulsets", "daemonsets"}) {
        const ResourceType &resource = type("apps", plural);
        const Store::Objects sets = m_store.objects(resource);
        for (auto it = sets.lowerBound(ns + u'/'); it != sets.end() && it.key().startsWith(ns + u'/'); ++it) {
            if (it->value("status"_L1).toObject().value("conditions"_L1).toArray().isEmpty())
                continue;
            if (resource.kind == "ReplicaSet"_L1)
                syncReplicaSet(ns, nameOf(*it));
            else if (resource.kind == "StatefulSet"_L1)
                syncStatefulSet(ns, nameOf(*it));
            else
                syncDaemonSet(ns, nameOf(*it));
        }
    }
}

void Controllers::syncReplicaSet(const QString &ns, const QString &name)
{
    const ResourceType &replicaSets = type("apps", "replicasets");
    const ResourceType &pods = type("", "pods");
    const auto rs = m_store.get(replicaSets, ns, name);
    if (!rs || isTerminating(*rs))
        return;
    const QJsonObject spec = rs->value("spec"_L1).toObject();
    const qint64 want = spec.value("replicas"_L1).toInteger(1);
    QList<QJsonObject> current = owned(pods, ns, uidOf(*rs));
    QString failure;
    for (qint64 i = current.size(); i < want; ++i) {
        QJsonObject podTemplate = spec.value("template"_L1).toObject();
        QJsonObject metadata = podTemplate.value("metadata"_L1).toObject();
        metadata.insert("generateName"_L1, QString(name + u'-'));
        metadata.insert("ownerReferences"_L1, QJsonArray {ownerReference(replicaSets, *rs)});
        const WriteResult created =
            m_registry.create(pods, ns, {{"metadata"_L1, metadata}, {"spec"_L1, podTemplate.value("spec"_L1)}});
        if (!created.ok()) {
            failure = created.failure->status.value("message"_L1).toString();
            break;
        }
        current.append(created.object);
    }
    while (current.size() > want) {
        const QJsonObject victim = current.takeLast();
        m_registry.remove(pods, ns, nameOf(victim));
    }
    qint64 ready = 0;
    for (const QJsonObject &pod : std::as_const(current))
        ready += text(pod.value("status"_L1).toObject(), "phase"_L1) == "Running"_L1 ? 1 : 0;
    QJsonObject status {{"replicas"_L1, current.size()},
                        {"fullyLabeledReplicas"_L1, current.size()},
                        {"observedGeneration"_L1, metadataOf(*rs).value("generation"_L1).toInteger(1)}};
    if (ready > 0) {
        status.insert("readyReplicas"_L1, ready);
        status.insert("availableReplicas"_L1, ready);
    }
    if (const QJsonArray conditions = failureConditions(failure); !conditions.isEmpty())
        status.insert("conditions"_L1, conditions);
    writeStatus(replicaSets, *rs, status);
}

void Controllers::syncDeployment(const QString &ns, const QString &name)
{
    const ResourceType &deployments = type("apps", "deployments");
    const ResourceType &replicaSets = type("apps", "replicasets");
    const auto deployment = m_store.get(deployments, ns, name);
    if (!deployment || isTerminating(*deployment))
        return;
    const QJsonObject spec = deployment->value("spec"_L1).toObject();
    const qint64 want = spec.value("replicas"_L1).toInteger(1);
    const QString hash = podTemplateHash(spec.value("template"_L1).toObject());
    const QList<QJsonObject> sets = owned(replicaSets, ns, uidOf(*deployment));

    qint64 maxRevision = 0;
    std::optional<QJsonObject> newSet;
    for (const QJsonObject &rs : sets) {
        const QJsonObject metadata = metadataOf(rs);
        maxRevision =
            qMax(maxRevision,
                 metadata.value("annotations"_L1).toObject().value(kRevisionAnnotation).toString().toLongLong());
        if (metadata.value("labels"_L1).toObject().value("pod-template-hash"_L1).toString() == hash)
            newSet = rs;
    }
    QString revision;
    if (!newSet) {
        QJsonObject podTemplate = spec.value("template"_L1).toObject();
        QJsonObject templateMetadata = podTemplate.value("metadata"_L1).toObject();
        QJsonObject labels = templateMetadata.value("labels"_L1).toObject();
        labels.insert("pod-template-hash"_L1, hash);
        templateMetadata.insert("labels"_L1, labels);
        podTemplate.insert("metadata"_L1, templateMetadata);
        QJsonObject selector = spec.value("selector"_L1).toObject();
        QJsonObject matchLabels = selector.value("matchLabels"_L1).toObject();
        matchLabels.insert("pod-template-hash"_L1, hash);
        selector.insert("matchLabels"_L1, matchLabels);
        revision = QString::number(maxRevision + 1);
        const WriteResult created = m_registry.create(
            replicaSets, ns,
            {{"metadata"_L1,
              QJsonObject {{"name"_L1, QString(name + u'-' + hash)},
                           {"labels"_L1, labels},
                           {"annotations"_L1, QJsonObject {{kRevisionAnnotation, revision}}},
                           {"ownerReferences"_L1, QJsonArray {ownerReference(deployments, *deployment)}}}},
             {"spec"_L1,
              QJsonObject {{"replicas"_L1, want}, {"selector"_L1, selector}, {"template"_L1, podTemplate}}}});
        if (!created.ok())
            return;
        newSet = created.object;
    } else {
        QJsonObject updated = *newSet;
        QJsonObject rsSpec = updated.value("spec"_L1).toObject();
        QJsonObject metadata = metadataOf(updated);
        QJsonObject annotations = metadata.value("annotations"_L1).toObject();
        revision = annotations.value(kRevisionAnnotation).toString();
        const bool rolledBack = revision.toLongLong() < maxRevision;
        if (rolledBack) {
            revision = QString::number(maxRevision + 1);
            annotations.insert(kRevisionAnnotation, revision);
            metadata.insert("annotations"_L1, annotations);
            updated.insert("metadata"_L1, metadata);
        }
        if (rolledBack || rsSpec.value("replicas"_L1).toInteger() != want) {
            rsSpec.insert("replicas"_L1, want);
            updated.insert("spec"_L1, rsSpec);
            newSet = m_registry.update(replicaSets, ns, nameOf(updated), updated).object;
        }
    }
    // Old ReplicaSets scale down once the new one is up: a rolling update in one step.
    qint64 replicas = 0, ready = 0;
    for (const QJsonObject &rs : sets) {
        const QJsonObject rsStatus = rs.value("status"_L1).toObject();
        if (uidOf(rs) == uidOf(*newSet))
            continue;
        replicas += rsStatus.value("replicas"_L1).toInteger();
        ready += rsStatus.value("readyReplicas"_L1).toInteger();
        QJsonObject rsSpec = rs.value("spec"_L1).toObject();
        if (rsSpec.value("replicas"_L1).toInteger() != 0) {
            rsSpec.insert("replicas"_L1, 0);
            QJsonObject scaled = rs;
            scaled.insert("spec"_L1, rsSpec);
            m_registry.update(replicaSets, ns, nameOf(rs), scaled);
        }
    }
    const QJsonObject newStatus = newSet->value("status"_L1).toObject();
    const qint64 updatedReplicas = newStatus.value("replicas"_L1).toInteger();
    const qint64 updatedReady = newStatus.value("readyReplicas"_L1).toInteger();
    replicas += updatedReplicas;
    ready += updatedReady;
    const bool complete = updatedReady >= want && replicas == updatedReplicas;
    const QJsonArray replicaFailure = newStatus.value("conditions"_L1).toArray();
    const QString now = nowTimestamp();
    QJsonArray conditions {
        QJsonObject {{"type"_L1, "Available"_L1},
                     {"status"_L1, ready >= want ? "True"_L1 : "False"_L1},
                     {"reason"_L1, ready >= want ? "MinimumReplicasAvailable"_L1 : "MinimumReplicasUnavailable"_L1},
                     {"message"_L1,
                      ready >= want ? "Deployment has minimum availability."_L1
                                    : "Deployment does not have minimum availability."_L1}},
        QJsonObject {{"type"_L1, "Progressing"_L1},
                     {"status"_L1, replicaFailure.isEmpty() ? "True"_L1 : "False"_L1},
                     {"reason"_L1, complete ? "NewReplicaSetAvailable"_L1 : "ReplicaSetUpdated"_L1},
                     {"message"_L1,
                      QString(u"ReplicaSet \""_s + nameOf(*newSet)
                              + (complete ? u"\" has successfully progressed."_s : u"\" is progressing."_s))}}};
    if (!replicaFailure.isEmpty())
        conditions.append(replicaFailure.first());
    QJsonObject status {{"observedGeneration"_L1, metadataOf(*deployment).value("generation"_L1).toInteger(1)},
                        {"replicas"_L1, replicas},
                        {"updatedReplicas"_L1, updatedReplicas},
                        {"conditions"_L1, conditions}};
    if (ready > 0) {
        status.insert("readyReplicas"_L1, ready);
        status.insert("availableReplicas"_L1, ready);
    }
    if (replicas > ready)
        status.insert("unavailableReplicas"_L1, replicas - ready);

    QJsonObject updated = *deployment;
    QJsonObject metadata = metadataOf(updated);
    QJsonObject annotations = metadata.value("annotations"_L1).toObject();
    annotations.insert(kRevisionAnnotation, revision);
    metadata.insert("annotations"_L1, annotations);
    updated.insert("metadata"_L1, metadata);
    // Conditions carry no timestamps, so that a sync that changes nothing writes nothing.
    const QJsonObject oldStatus = deployment->value("status"_L1).toObject();
    if (oldStatus == status && metadata == metadataOf(*deployment))
        return;
    updated.insert("status"_L1, status);
    m_store.update(deployments, updated);
}

namespace {

bool isReady(const QJsonObject &pod)
{
    return !isTerminating(pod) && text(pod.value("status"_L1).toObject(), "phase"_L1) == "Running"_L1;
}

QString podLabel(const QJsonObject &pod, QLatin1StringView key)
{
    return metadataOf(pod).value("labels"_L1).toObject().value(key).toString();
}

// A pod of the set's template with the controller's labels and owner reference.
QJsonObject podFromTemplate(const QJsonObject &podTemplate, const QJsonObject &extraLabels, const QJsonObject &ownerRef)
{
    QJsonObject metadata = podTemplate.value("metadata"_L1).toObject();
    QJsonObject labels = metadata.value("labels"_L1).toObject();
    for (auto it = extraLabels.begin(); it != extraLabels.end(); ++it)
        labels.insert(it.key(), it.value());
    metadata.insert("labels"_L1, labels);
    metadata.insert("ownerReferences"_L1, QJsonArray {ownerRef});
    return {{"metadata"_L1, metadata}, {"spec"_L1, podTemplate.value("spec"_L1)}};
}

} // namespace

void Controllers::syncStatefulSet(const QString &ns, const QString &name)
{
    static const auto revisionLabel = "controller-revision-hash"_L1;
    const ResourceType &statefulSets = type("apps", "statefulsets");
    const ResourceType &pods = type("", "pods");
    const auto set = m_store.get(statefulSets, ns, name);
    if (!set || isTerminating(*set))
        return;
    const QJsonObject spec = set->value("spec"_L1).toObject();
    const qint64 want = spec.value("replicas"_L1).toInteger(1);
    const QJsonObject podTemplate = spec.value("template"_L1).toObject();
    const QJsonObject oldStatus = set->value("status"_L1).toObject();
    // The revision is the name of the ControllerRevision the real controller keeps: NAME-HASH.
    const QString updateRevision = name + u'-' + podTemplateHash(podTemplate);
    QString currentRevision = text(oldStatus, "currentRevision"_L1);
    if (currentRevision.isEmpty())
        currentRevision = updateRevision;
    const QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
    const bool rolling = text(strategy, "type"_L1) == "RollingUpdate"_L1;
    const qint64 partition = strategy.value("rollingUpdate"_L1).toObject().value("partition"_L1).toInteger();

    // Pods by ordinal; owned pods outside 0..replicas-1 go, the highest first.
    QMap<qint64, QJsonObject> byOrdinal;
    QList<QJsonObject> surplus;
    for (const QJsonObject &pod : owned(pods, ns, uidOf(*set))) {
        bool ok = false;
        const QString podName = nameOf(pod);
        const qint64 ordinal = podName.startsWith(name + u'-') ? podName.mid(name.size() + 1).toLongLong(&ok) : -1;
        if (ok && ordinal >= 0 && ordinal < want && podName == name + u'-' + QString::number(ordinal))
            byOrdinal.insert(ordinal, pod);
        else
            surplus.prepend(pod);
    }
    for (const QJsonObject &pod : std::as_const(surplus))
        m_registry.remove(pods, ns, nameOf(pod));

    const QJsonObject ownerRef = ownerReference(statefulSets, *set);
    const auto createPod = [&](qint64 ordinal) -> QString {
        const QString podName = name + u'-' + QString::number(ordinal);
        QJsonObject pod = podFromTemplate(podTemplate,
                                          {{revisionLabel, updateRevision},
                                           {"statefulset.kubernetes.io/pod-name"_L1, podName},
                                           {"apps.kubernetes.io/pod-index"_L1, QString::number(ordinal)}},
                                          ownerRef);
        QJsonObject metadata = metadataOf(pod);
        metadata.insert("name"_L1, podName);
        pod.insert("metadata"_L1, metadata);
        QJsonObject podSpec = pod.value("spec"_L1).toObject();
        podSpec.insert("hostname"_L1, podName);
        if (const QString service = text(spec, "serviceName"_L1); !service.isEmpty())
            podSpec.insert("subdomain"_L1, service);
        pod.insert("spec"_L1, podSpec);
        const WriteResult created = m_registry.create(pods, ns, pod);
        if (!created.ok())
            return created.failure->status.value("message"_L1).toString();
        byOrdinal.insert(ordinal, created.object);
        return {};
    };

    // Missing pods in ordinal order, then a rolling update from the highest ordinal down to the partition:
    // each outdated pod is deleted and made again from the new template. Pods run at once here, so one pass
    // does what the real controller does one ready pod at a time.
    QString failure;
    for (qint64 ordinal = 0; ordinal < want && failure.isEmpty(); ++ordinal) {
        if (!byOrdinal.contains(ordinal))
            failure = createPod(ordinal);
    }
    if (rolling) {
        for (qint64 ordinal = want - 1; ordinal >= partition && failure.isEmpty(); --ordinal) {
            const auto it = byOrdinal.constFind(ordinal);
            if (it == byOrdinal.cend() || podLabel(*it, revisionLabel) == updateRevision)
                continue;
            m_registry.remove(pods, ns, nameOf(*it));
            byOrdinal.remove(ordinal);
            failure = createPod(ordinal);
        }
    }

    qint64 ready = 0, current = 0, updated = 0;
    for (const QJsonObject &pod : std::as_const(byOrdinal)) {
        ready += isReady(pod) ? 1 : 0;
        current += podLabel(pod, revisionLabel) == currentRevision ? 1 : 0;
        updated += podLabel(pod, revisionLabel) == updateRevision ? 1 : 0;
    }
    const qint64 replicas = byOrdinal.size();
    // completeRollingUpdate: once every pod runs the update revision and is ready, it becomes the current one.
    // Unlike upstream, pods that could not be created count as not updated.
    if (rolling && replicas == want && updated == replicas && ready == replicas) {
        currentRevision = updateRevision;
        current = updated;
    }
    QJsonObject status {{"observedGeneration"_L1, metadataOf(*set).value("generation"_L1).toInteger(1)},
                        {"replicas"_L1, replicas},
                        {"readyReplicas"_L1, ready},
                        {"currentReplicas"_L1, current},
                        {"updatedReplicas"_L1, updated},
                        {"availableReplicas"_L1, ready},
                        {"currentRevision"_L1, currentRevision},
                        {"updateRevision"_L1, updateRevision},
                        {"collisionCount"_L1, 0}};
    if (const QJsonArray conditions = failureConditions(failure); !conditions.isEmpty())
        status.insert("conditions"_L1, conditions);
    writeStatus(statefulSets, *set, status);
}

void Controllers::syncDaemonSet(const QString &ns, const QString &name)
{
    static const auto revisionLabel = "controller-revision-hash"_L1;
    const ResourceType &daemonSets = type("apps", "daemonsets");
    const ResourceType &pods = type("", "pods");
    const auto set = m_store.get(daemonSets, ns, name);
    if (!set || isTerminating(*set))
        return;
    const QJsonObject spec = set->value("spec"_L1).toObject();
    const QJsonObject podTemplate = spec.value("template"_L1).toObject();
    const QString hash = podTemplateHash(podTemplate);
    const QString templateGeneration = metadataOf(*set)
                                           .value("annotations"_L1)
                                           .toObject()
                                           .value("deprecated.daemonset.template.generation"_L1)
                                           .toString();
    const bool rolling = text(spec.value("updateStrategy"_L1).toObject(), "type"_L1) == "RollingUpdate"_L1;

    // The nodes the template's nodeSelector admits (taints are not simulated).
    const QJsonObject nodeSelector = podTemplate.value("spec"_L1).toObject().value("nodeSelector"_L1).toObject();
    QStringList nodes;
    for (const QJsonObject &node : m_store.objects(type("", "nodes"))) {
        const QJsonObject labels = metadataOf(node).value("labels"_L1).toObject();
        bool matches = true;
        for (auto it = nodeSelector.begin(); it != nodeSelector.end(); ++it)
            matches = matches && labels.value(it.key()) == it.value();
        if (matches && !isTerminating(node))
            nodes.append(nameOf(node));
    }

    // One pod per node: pods on other nodes and extra pods go.
    QHash<QString, QJsonObject> byNode;
    for (const QJsonObject &pod : owned(pods, ns, uidOf(*set))) {
        const QString node = text(pod.value("spec"_L1).toObject(), "nodeName"_L1);
        if (!nodes.contains(node) || byNode.contains(node))
            m_registry.remove(pods, ns, nameOf(pod));
        else
            byNode.insert(node, pod);
    }

    const QJsonObject ownerRef = ownerReference(daemonSets, *set);
    QString failure;
    for (const QString &node : std::as_const(nodes)) {
        const auto it = byNode.constFind(node);
        if (it != byNode.cend()) {
            // RollingUpdate replaces an outdated pod (delete, then create); OnDelete waits for the user.
            if (!rolling || podLabel(*it, revisionLabel) == hash)
                continue;
            m_registry.remove(pods, ns, nameOf(*it));
            byNode.remove(node);
        }
        QJsonObject pod = podFromTemplate(
            podTemplate, {{revisionLabel, hash}, {"pod-template-generation"_L1, templateGeneration}}, ownerRef);
        QJsonObject metadata = metadataOf(pod);
        metadata.insert("generateName"_L1, QString(name + u'-'));
        pod.insert("metadata"_L1, metadata);
        QJsonObject podSpec = pod.value("spec"_L1).toObject();
        podSpec.insert("nodeName"_L1, node);
        pod.insert("spec"_L1, podSpec);
        const WriteResult created = m_registry.create(pods, ns, pod);
        if (!created.ok()) {
            failure = created.failure->status.value("message"_L1).toString();
            break;
        }
        byNode.insert(node, created.object);
    }

    qint64 ready = 0, updated = 0;
    for (const QJsonObject &pod : std::as_const(byNode)) {
        ready += isReady(pod) ? 1 : 0;
        updated += podLabel(pod, revisionLabel) == hash ? 1 : 0;
    }
    const qint64 desired = nodes.size();
    QJsonObject status {{"observedGeneration"_L1, metadataOf(*set).value("generation"_L1).toInteger(1)},
                        {"desiredNumberScheduled"_L1, desired},
                        {"currentNumberScheduled"_L1, qint64(byNode.size())},
                        {"numberMisscheduled"_L1, 0},
                        {"numberReady"_L1, ready},
                        {"numberAvailable"_L1, ready},
                        {"numberUnavailable"_L1, desired - ready},
                        {"updatedNumberScheduled"_L1, updated}};
    if (const QJsonArray conditions = failureConditions(failure); !conditions.isEmpty())
        status.insert("conditions"_L1, conditions);
    writeStatus(daemonSets, *set, status);
}

} // namespace kubesim
