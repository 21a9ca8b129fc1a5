#include "Controllers.h"

#include "Auth.h"
#include "Rbac.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QString tokenSecretType = u"kubernetes.io/service-account-token"_s;
const QString saNameAnnotation = u"kubernetes.io/service-account.name"_s;
const QString saUidAnnotation = u"kubernetes.io/service-account.uid"_s;
const QString revisionAnnotation = u"deployment.kubernetes.io/revision"_s;

const ResourceType &type(const char *group, const char *plural)
{
    return *findResource(QLatin1StringView(group), u"v1"_s, QLatin1StringView(plural));
}

QString str(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

QString nameOf(const QJsonObject &object)
{
    return str(metadataOf(object), "name"_L1);
}

QString namespaceOf(const QJsonObject &object)
{
    return str(metadataOf(object), "namespace"_L1);
}

QString uidOf(const QJsonObject &object)
{
    return str(metadataOf(object), "uid"_L1);
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
            retryFailedReplicaSets(ns);
        }
    } else if (kind == "ConfigMap"_L1) {
        if (deleted && name == "kube-root-ca.crt"_L1)
            syncNamespace(ns);
    } else if (kind == "Secret"_L1) {
        if (deleted)
            secretDeleted(event.object);
        else if (str(event.object, "type"_L1) == tokenSecretType)
            syncTokenSecret(ns, name);
    } else if (kind == "Pod"_L1) {
        if (!deleted && event.type == Store::EventType::Added)
            runPod(ns, name);
        syncOwner(event.object, u"ReplicaSet"_s);
    } else if (kind == "ReplicaSet"_L1) {
        if (!deleted)
            syncReplicaSet(ns, name);
        syncOwner(event.object, u"Deployment"_s);
    } else if (kind == "Deployment"_L1) {
        if (!deleted)
            syncDeployment(ns, name);
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
    if (!secret || str(*secret, "type"_L1) != tokenSecretType || isTerminating(*secret))
        return;
    QJsonObject metadata = metadataOf(*secret);
    QJsonObject annotations = metadata.value("annotations"_L1).toObject();
    const QString accountName = annotations.value(saNameAnnotation).toString();
    const auto account = m_store.get(type("", "serviceaccounts"), ns, accountName);
    const QString wantUid = annotations.value(saUidAnnotation).toString();
    if (!account || (!wantUid.isEmpty() && wantUid != uidOf(*account))) {
        m_registry.remove(secrets, ns, name, {{"preconditions"_L1, QJsonObject {{"uid"_L1, uidOf(*secret)}}}});
        return;
    }
    QJsonObject data = secret->value("data"_L1).toObject();
    if (!data.value("token"_L1).toString().isEmpty() && annotations.contains(saUidAnnotation))
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
    annotations.insert(saUidAnnotation, uidOf(*account));
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
        if (str(*it, "type"_L1) != tokenSecretType)
            continue;
        const QJsonObject annotations = metadataOf(*it).value("annotations"_L1).toObject();
        const QString uid = annotations.value(saUidAnnotation).toString();
        if (annotations.value(saNameAnnotation).toString() == nameOf(account)
            && (uid.isEmpty() || uid == uidOf(account)))
            m_registry.remove(secrets, ns, nameOf(*it));
    }
}

void Controllers::secretDeleted(const QJsonObject &secret)
{
    // A ServiceAccount stops listing a token Secret that no longer exists.
    const ResourceType &accounts = type("", "serviceaccounts");
    const QString ns = namespaceOf(secret);
    const QString accountName =
        metadataOf(secret).value("annotations"_L1).toObject().value(saNameAnnotation).toString();
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
    if (!pod || isTerminating(*pod) || !str(pod->value("spec"_L1).toObject(), "nodeName"_L1).isEmpty())
        return;
    // Scheduled onto the one node and running at once, every container ready.
    QJsonObject spec = pod->value("spec"_L1).toObject();
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

void Controllers::syncOwner(const QJsonObject &object, const QString &ownerKind)
{
    for (const QJsonValue &ref : metadataOf(object).value("ownerReferences"_L1).toArray()) {
        if (ref.toObject().value("kind"_L1).toString() != ownerKind)
            continue;
        const QString owner = ref.toObject().value("name"_L1).toString();
        if (ownerKind == "Deployment"_L1)
            syncDeployment(namespaceOf(object), owner);
        else
            syncReplicaSet(namespaceOf(object), owner);
    }
}

void Controllers::retryFailedReplicaSets(const QString &ns)
{
    // Pods refused for a missing service account may be admitted now.
    const Store::Objects sets = m_store.objects(type("apps", "replicasets"));
    for (auto it = sets.lowerBound(ns + u'/'); it != sets.end() && it.key().startsWith(ns + u'/'); ++it) {
        if (!it->value("status"_L1).toObject().value("conditions"_L1).toArray().isEmpty())
            syncReplicaSet(ns, nameOf(*it));
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
        ready += str(pod.value("status"_L1).toObject(), "phase"_L1) == "Running"_L1 ? 1 : 0;
    QJsonObject status {{"replicas"_L1, current.size()},
                        {"fullyLabeledReplicas"_L1, current.size()},
                        {"observedGeneration"_L1, metadataOf(*rs).value("generation"_L1).toInteger(1)}};
    if (ready > 0) {
        status.insert("readyReplicas"_L1, ready);
        status.insert("availableReplicas"_L1, ready);
    }
    if (!failure.isEmpty()) {
        status.insert("conditions"_L1,
                      QJsonArray {QJsonObject {{"type"_L1, "ReplicaFailure"_L1},
                                               {"status"_L1, "True"_L1},
                                               {"reason"_L1, "FailedCreate"_L1},
                                               {"message"_L1, failure}}});
    }
    if (status != rs->value("status"_L1).toObject()) {
        QJsonObject updated = *rs;
        updated.insert("status"_L1, status);
        m_store.update(replicaSets, updated);
    }
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
        maxRevision = qMax(
            maxRevision, metadata.value("annotations"_L1).toObject().value(revisionAnnotation).toString().toLongLong());
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
                           {"annotations"_L1, QJsonObject {{revisionAnnotation, revision}}},
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
        revision = annotations.value(revisionAnnotation).toString();
        const bool rolledBack = revision.toLongLong() < maxRevision;
        if (rolledBack) {
            revision = QString::number(maxRevision + 1);
            annotations.insert(revisionAnnotation, revision);
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
    annotations.insert(revisionAnnotation, revision);
    metadata.insert("annotations"_L1, annotations);
    updated.insert("metadata"_L1, metadata);
    // Conditions carry no timestamps, so that a sync that changes nothing writes nothing.
    const QJsonObject oldStatus = deployment->value("status"_L1).toObject();
    if (oldStatus == status && metadata == metadataOf(*deployment))
        return;
    updated.insert("status"_L1, status);
    m_store.update(deployments, updated);
}

} // namespace kubesim
