#include "Registry.h"

#include "Patch.h"
#include "Validation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

QString str(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

void setMetadata(QJsonObject &object, const QJsonObject &metadata)
{
    object.insert("metadata"_L1, metadata);
}

// Defaults of the kind's SetDefaults functions and the strategy's PrepareForCreate that matter to clients.
QJsonObject defaultPodSpec(QJsonObject spec)
{
    if (str(spec, "serviceAccountName"_L1).isEmpty() && !str(spec, "serviceAccount"_L1).isEmpty())
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
            const QString image = str(container, "image"_L1);
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

// The pod template of a Deployment, ReplicaSet, StatefulSet or DaemonSet spec gets a pod's defaults.
void defaultPodTemplate(QJsonObject &spec)
{
    QJsonObject tmpl = spec.value("template"_L1).toObject();
    tmpl.insert("spec"_L1, defaultPodSpec(tmpl.value("spec"_L1).toObject()));
    spec.insert("template"_L1, tmpl);
}

void applyDefaults(const ResourceType &type, QJsonObject &object)
{
    const QString &kind = type.kind;
    if (kind == "Secret"_L1) {
        if (str(object, "type"_L1).isEmpty())
            object.insert("type"_L1, "Opaque"_L1);
        // stringData is write-only: it is folded into data, where it wins over the same key.
        const QJsonObject stringData = object.take("stringData"_L1).toObject();
        if (!stringData.isEmpty()) {
            QJsonObject data = object.value("data"_L1).toObject();
            for (auto it = stringData.begin(); it != stringData.end(); ++it)
                data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
            object.insert("data"_L1, data);
        }
    } else if (kind == "Namespace"_L1) {
        QJsonObject metadata = metadataOf(object);
        QJsonObject labels = metadata.value("labels"_L1).toObject();
        labels.insert("kubernetes.io/metadata.name"_L1, metadata.value("name"_L1));
        metadata.insert("labels"_L1, labels);
        setMetadata(object, metadata);
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("finalizers"_L1))
            spec.insert("finalizers"_L1, QJsonArray {u"kubernetes"_s});
        object.insert("spec"_L1, spec);
        QJsonObject status = object.value("status"_L1).toObject();
        if (!status.contains("phase"_L1))
            status.insert("phase"_L1, "Active"_L1);
        object.insert("status"_L1, status);
    } else if (kind == "Pod"_L1) {
        object.insert("spec"_L1, defaultPodSpec(object.value("spec"_L1).toObject()));
    } else if (kind == "Deployment"_L1 || kind == "ReplicaSet"_L1) {
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("replicas"_L1))
            spec.insert("replicas"_L1, 1);
        if (kind == "Deployment"_L1) {
            if (!spec.contains("strategy"_L1)) {
                spec.insert("strategy"_L1,
                            QJsonObject {{"type"_L1, "RollingUpdate"_L1},
                                         {"rollingUpdate"_L1,
                                          QJsonObject {{"maxUnavailable"_L1, "25%"_L1}, {"maxSurge"_L1, "25%"_L1}}}});
            }
            if (!spec.contains("revisionHistoryLimit"_L1))
                spec.insert("revisionHistoryLimit"_L1, 10);
            if (!spec.contains("progressDeadlineSeconds"_L1))
                spec.insert("progressDeadlineSeconds"_L1, 600);
        }
        defaultPodTemplate(spec);
        object.insert("spec"_L1, spec);
    } else if (kind == "StatefulSet"_L1) {
        // SetDefaults_StatefulSet, with StatefulSetAutoDeletePVC on as in v1.32.
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("replicas"_L1))
            spec.insert("replicas"_L1, 1);
        if (!spec.contains("serviceName"_L1))
            spec.insert("serviceName"_L1, ""_L1);
        if (str(spec, "podManagementPolicy"_L1).isEmpty())
            spec.insert("podManagementPolicy"_L1, "OrderedReady"_L1);
        QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
        if (str(strategy, "type"_L1).isEmpty()) {
            strategy.insert("type"_L1, "RollingUpdate"_L1);
            if (!strategy.contains("rollingUpdate"_L1))
                strategy.insert("rollingUpdate"_L1, QJsonObject());
        }
        // Only an explicit or defaulted rollingUpdate gets a partition: kubectl's rollout status tells the two apart.
        if (str(strategy, "type"_L1) == "RollingUpdate"_L1 && strategy.value("rollingUpdate"_L1).isObject()) {
            QJsonObject rolling = strategy.value("rollingUpdate"_L1).toObject();
            if (!rolling.contains("partition"_L1))
                rolling.insert("partition"_L1, 0);
            strategy.insert("rollingUpdate"_L1, rolling);
        }
        spec.insert("updateStrategy"_L1, strategy);
        if (!spec.contains("revisionHistoryLimit"_L1))
            spec.insert("revisionHistoryLimit"_L1, 10);
        QJsonObject retention = spec.value("persistentVolumeClaimRetentionPolicy"_L1).toObject();
        for (const auto key : {"whenDeleted"_L1, "whenScaled"_L1}) {
            if (str(retention, key).isEmpty())
                retention.insert(key, "Retain"_L1);
        }
        spec.insert("persistentVolumeClaimRetentionPolicy"_L1, retention);
        defaultPodTemplate(spec);
        object.insert("spec"_L1, spec);
    } else if (kind == "DaemonSet"_L1) {
        // SetDefaults_DaemonSet.
        QJsonObject spec = object.value("spec"_L1).toObject();
        QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
        if (str(strategy, "type"_L1).isEmpty())
            strategy.insert("type"_L1, "RollingUpdate"_L1);
        if (str(strategy, "type"_L1) == "RollingUpdate"_L1) {
            QJsonObject rolling = strategy.value("rollingUpdate"_L1).toObject();
            if (!rolling.contains("maxUnavailable"_L1))
                rolling.insert("maxUnavailable"_L1, 1);
            if (!rolling.contains("maxSurge"_L1))
                rolling.insert("maxSurge"_L1, 0);
            strategy.insert("rollingUpdate"_L1, rolling);
        }
        spec.insert("updateStrategy"_L1, strategy);
        if (!spec.contains("revisionHistoryLimit"_L1))
            spec.insert("revisionHistoryLimit"_L1, 10);
        defaultPodTemplate(spec);
        object.insert("spec"_L1, spec);
    } else if (kind == "RoleBinding"_L1 || kind == "ClusterRoleBinding"_L1) {
        QJsonArray subjects = object.value("subjects"_L1).toArray();
        for (auto &&value : subjects) {
            QJsonObject subject = value.toObject();
            if (!subject.contains("apiGroup"_L1)) {
                const QString subjectKind = str(subject, "kind"_L1);
                subject.insert("apiGroup"_L1,
                               subjectKind == "ServiceAccount"_L1 ? ""_L1 : "rbac.authorization.k8s.io"_L1);
            }
            value = subject;
        }
        if (object.contains("subjects"_L1))
            object.insert("subjects"_L1, subjects);
    }
}

// A DaemonSet's internal spec.templateGeneration, which apps/v1 carries in an annotation: 1 on create, one more
// on each update that changes the template (the strategy's PrepareForCreate/PrepareForUpdate).
void setTemplateGeneration(QJsonObject &daemonSet, const QJsonObject *old)
{
    static const QString key = u"deprecated.daemonset.template.generation"_s;
    qint64 generation = 1;
    if (old) {
        generation = metadataOf(*old).value("annotations"_L1).toObject().value(key).toString().toLongLong();
        const auto podTemplate = [](const QJsonObject &object) {
            return object.value("spec"_L1).toObject().value("template"_L1);
        };
        if (podTemplate(daemonSet) != podTemplate(*old))
            ++generation;
    }
    QJsonObject metadata = metadataOf(daemonSet);
    QJsonObject annotations = metadata.value("annotations"_L1).toObject();
    annotations.insert(key, QString::number(generation));
    metadata.insert("annotations"_L1, annotations);
    daemonSet.insert("metadata"_L1, metadata);
}

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

// Fields the server owns: a client's values are dropped on create and kept from storage on update.
void resetServerFields(QJsonObject &metadata)
{
    for (const auto key : {"uid"_L1, "creationTimestamp"_L1, "deletionTimestamp"_L1, "deletionGracePeriodSeconds"_L1,
                           "generation"_L1, "selfLink"_L1, "managedFields"_L1})
        metadata.remove(key);
}

std::optional<ApiFailure> checkTypeMeta(const ResourceType &type, QJsonObject &object)
{
    const QString apiVersion = str(object, "apiVersion"_L1);
    const QString kind = str(object, "kind"_L1);
    if (!apiVersion.isEmpty() && apiVersion != type.apiVersion()) {
        return status::badRequest(u"the API version in the data ("_s + apiVersion
                                  + u") does not match the expected API version ("_s + type.apiVersion() + u')');
    }
    if (!kind.isEmpty() && kind != type.kind) {
        return status::badRequest(u"the kind in the data ("_s + kind + u") does not match the expected kind ("_s
                                  + type.kind + u')');
    }
    object.insert("apiVersion"_L1, type.apiVersion());
    object.insert("kind"_L1, type.kind);
    return std::nullopt;
}

bool sameContent(QJsonObject a, QJsonObject b)
{
    QJsonObject ma = metadataOf(a), mb = metadataOf(b);
    ma.remove("resourceVersion"_L1);
    mb.remove("resourceVersion"_L1);
    a.insert("metadata"_L1, ma);
    b.insert("metadata"_L1, mb);
    return a == b;
}

} // namespace

QString nowTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QString randomSuffix(int length)
{
    // The alphabet of k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable characters.
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString suffix;
    for (int i = 0; i < length; ++i)
        suffix += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return suffix;
}

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

Registry::Registry(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

std::optional<ApiFailure> Registry::checkNamespace(const ResourceType &type, const QString &ns,
                                                   const QString &name) const
{
    if (!type.namespaced)
        return std::nullopt;
    static const ResourceType *namespaces = findResource(QString(), u"v1"_s, u"namespaces"_s);
    const auto existing = m_store.get(*namespaces, QString(), ns);
    if (!existing)
        return status::notFound(QString(), u"namespaces"_s, ns);
    if (str(existing->value("status"_L1).toObject(), "phase"_L1) == "Terminating"_L1) {
        return status::forbidden(type.group, type.plural, name,
                                 u"unable to create new content in namespace "_s + ns
                                     + u" because it is being terminated"_s);
    }
    return std::nullopt;
}

std::optional<ApiFailure> Registry::admit(const ResourceType &type, QJsonObject &object, const QString &name) const
{
    if (type.kind != "Pod"_L1)
        return std::nullopt;
    // The ServiceAccount admission plugin: every pod runs as an existing service account.
    QJsonObject spec = object.value("spec"_L1).toObject();
    QString account = str(spec, "serviceAccountName"_L1);
    if (account.isEmpty()) {
        account = u"default"_s;
        spec.insert("serviceAccountName"_L1, account);
    }
    spec.insert("serviceAccount"_L1, account);
    object.insert("spec"_L1, spec);
    const QJsonObject metadata = metadataOf(object);
    static const ResourceType *serviceAccounts = findResource(QString(), u"v1"_s, u"serviceaccounts"_s);
    const QString ns = str(metadata, "namespace"_L1);
    const auto sa = m_store.get(*serviceAccounts, ns, account);
    if (!sa) {
        return status::forbidden(QString(), u"pods"_s, name,
                                 u"error looking up service account "_s + ns + u'/' + account + u": serviceaccount \""_s
                                     + account + u"\" not found"_s);
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

WriteResult Registry::create(const ResourceType &type, const QString &ns, QJsonObject object, bool dryRun)
{
    if (auto failure = checkTypeMeta(type, object))
        return {{}, failure};
    QJsonObject metadata = metadataOf(object);
    const QString bodyNamespace = str(metadata, "namespace"_L1);
    if (type.namespaced) {
        if (!bodyNamespace.isEmpty() && bodyNamespace != ns) {
            return {{},
                    status::badRequest(u"the namespace of the provided object does not match the namespace sent "
                                       "on the request"_s)};
        }
        metadata.insert("namespace"_L1, ns);
    } else {
        metadata.remove("namespace"_L1);
    }
    if (!str(metadata, "resourceVersion"_L1).isEmpty())
        return {{}, status::badRequest(u"resourceVersion should not be set on objects to be created"_s)};
    // Admission runs before the name is generated, so its refusals name the object by its generateName: the
    // same text on every retry, which lets a controller that reports it see that nothing changed.
    const QString admissionName =
        str(metadata, "name"_L1).isEmpty() ? str(metadata, "generateName"_L1) : str(metadata, "name"_L1);
    if (str(metadata, "name"_L1).isEmpty() && !str(metadata, "generateName"_L1).isEmpty())
        metadata.insert("name"_L1, QString(str(metadata, "generateName"_L1) + randomSuffix(5)));
    resetServerFields(metadata);
    setMetadata(object, metadata);
    const QString name = str(metadata, "name"_L1);

    if (type.subresources.contains("status"_L1) && type.kind != "Namespace"_L1 && type.kind != "Node"_L1)
        object.remove("status"_L1);
    applyDefaults(type, object);
    if (type.kind == "DaemonSet"_L1)
        setTemplateGeneration(object, nullptr);
    if (auto failure = type.kind == "Namespace"_L1 ? std::nullopt : checkNamespace(type, ns, admissionName))
        return {{}, failure};
    if (auto failure = admit(type, object, admissionName))
        return {{}, failure};
    if (const QList<FieldError> errors = validateObject(type.kind, object, nullptr); !errors.isEmpty())
        return {{}, status::invalid(type.group, type.kind, name, errors)};
    if (m_store.get(type, ns, name))
        return {{}, status::alreadyExists(type.group, type.plural, name)};

    metadata = metadataOf(object);
    metadata.insert("uid"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert("creationTimestamp"_L1, nowTimestamp());
    if (type.hasGeneration)
        metadata.insert("generation"_L1, 1);
    setMetadata(object, metadata);
    if (dryRun)
        return {object, std::nullopt, true};
    return {m_store.add(type, object), std::nullopt, true};
}

WriteResult Registry::update(const ResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                             const QString &subresource, bool dryRun)
{
    const auto existing = m_store.get(type, ns, name);
    if (!existing)
        return {{}, status::notFound(type.group, type.plural, name)};
    if (auto failure = checkTypeMeta(type, object))
        return {{}, failure};
    QJsonObject metadata = metadataOf(object);
    const QJsonObject oldMetadata = metadataOf(*existing);
    if (str(metadata, "name"_L1) != name) {
        return {{},
                status::badRequest(u"the name of the object ("_s + str(metadata, "name"_L1)
                                   + u") does not match the name on the URL ("_s + name + u')')};
    }
    if (type.namespaced) {
        const QString bodyNamespace = str(metadata, "namespace"_L1);
        if (!bodyNamespace.isEmpty() && bodyNamespace != ns) {
            return {{},
                    status::badRequest(u"the namespace of the provided object does not match the namespace sent "
                                       "on the request"_s)};
        }
        metadata.insert("namespace"_L1, ns);
    }
    const QString rv = str(metadata, "resourceVersion"_L1);
    if (!rv.isEmpty() && rv != str(oldMetadata, "resourceVersion"_L1))
        return {{}, status::staleConflict(type.group, type.plural, name)};

    resetServerFields(metadata);
    for (const auto key : {"uid"_L1, "creationTimestamp"_L1, "deletionTimestamp"_L1, "generation"_L1}) {
        if (oldMetadata.contains(key))
            metadata.insert(key, oldMetadata.value(key));
    }
    metadata.insert("resourceVersion"_L1, oldMetadata.value("resourceVersion"_L1));
    setMetadata(object, metadata);

    // The main resource cannot change status, and the status subresource can change nothing else.
    if (subresource == "status"_L1) {
        QJsonObject merged = *existing;
        merged.insert("status"_L1, object.value("status"_L1));
        object = merged;
    } else if (type.subresources.contains("status"_L1)) {
        if (existing->contains("status"_L1))
            object.insert("status"_L1, existing->value("status"_L1));
        else
            object.remove("status"_L1);
    }
    applyDefaults(type, object);
    if (type.kind == "DaemonSet"_L1)
        setTemplateGeneration(object, &*existing);
    if (type.kind == "Pod"_L1) {
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("serviceAccount"_L1) && spec.contains("serviceAccountName"_L1))
            spec.insert("serviceAccount"_L1, spec.value("serviceAccountName"_L1));
        object.insert("spec"_L1, spec);
    }
    if (const QList<FieldError> errors = validateObject(type.kind, object, &*existing); !errors.isEmpty())
        return {{}, status::invalid(type.group, type.kind, name, errors)};
    if (sameContent(object, *existing))
        return {*existing, std::nullopt};
    if (type.hasGeneration && object.value("spec"_L1) != existing->value("spec"_L1)) {
        metadata = metadataOf(object);
        metadata.insert("generation"_L1, oldMetadata.value("generation"_L1).toInteger(1) + 1);
        setMetadata(object, metadata);
    }
    if (dryRun)
        return {object, std::nullopt};
    return {m_store.update(type, object), std::nullopt};
}

WriteResult Registry::patch(const ResourceType &type, const QString &ns, const QString &name, PatchType patchType,
                            const QByteArray &body, const QString &subresource, bool dryRun)
{
    const auto existing = m_store.get(type, ns, name);
    if (!existing) {
        if (patchType != PatchType::Apply)
            return {{}, status::notFound(type.group, type.plural, name)};
        // Server-side apply of a missing object creates it.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (!doc.isObject())
            return {{}, status::badRequest(u"error decoding YAML: "_s + error.errorString())};
        return create(type, ns, doc.object(), dryRun);
    }
    PatchResult patched;
    switch (patchType) {
    case PatchType::Json:
        patched = applyJsonPatch(*existing, body);
        break;
    case PatchType::Merge:
    case PatchType::Apply: // approximated: the applied configuration is merged over the live object
        patched = applyMergePatchBody(*existing, body);
        break;
    case PatchType::Strategic:
        patched = applyStrategicMergePatch(*existing, body, type.kind);
        break;
    }
    if (!patched.ok()) {
        const QString reason = patched.errorCode == 400 ? u"BadRequest"_s
            : patched.errorCode == 409                  ? u"Conflict"_s
            : patched.errorCode == 413                  ? u"RequestEntityTooLarge"_s
                                                        : u"Invalid"_s;
        return {{}, status::make(patched.errorCode, reason, patched.errorMessage)};
    }
    // A patch may carry a resourceVersion precondition; a patch that does not keeps the live one.
    QJsonObject metadata = metadataOf(patched.object);
    if (!metadata.contains("resourceVersion"_L1))
        metadata.insert("resourceVersion"_L1, metadataOf(*existing).value("resourceVersion"_L1));
    patched.object.insert("metadata"_L1, metadata);
    return update(type, ns, name, patched.object, subresource, dryRun);
}

WriteResult Registry::remove(const ResourceType &type, const QString &ns, const QString &name,
                             const QJsonObject &options, bool dryRun)
{
    const auto existing = m_store.get(type, ns, name);
    if (!existing)
        return {{}, status::notFound(type.group, type.plural, name)};
    const QJsonObject metadata = metadataOf(*existing);
    const QJsonObject preconditions = options.value("preconditions"_L1).toObject();
    // The namespace REST checks preconditions itself (pkg/registry/core/namespace/storage); every other
    // resource fails early in rest.BeforeDelete, whose Conflict names the GroupResource {group, Kind}.
    const auto precondition = [&](const QString &field, QLatin1StringView key,
                                  const QString &consequence) -> std::optional<ApiFailure> {
        const QString want = str(preconditions, key);
        const QString have = str(metadata, key);
        if (want.isEmpty() || want == have)
            return std::nullopt;
        if (type.kind == "Namespace"_L1) {
            return status::conflict(type.group, type.plural, name,
                                    u"Precondition failed: "_s + field + u" in precondition: "_s + want + u", "_s
                                        + field + u" in object meta: "_s + have);
        }
        return status::conflict(type.group, type.kind, name,
                                u"the "_s + field + u" in the precondition ("_s + want + u") does not match the "_s
                                    + field + u" in record ("_s + have + u"). "_s + consequence);
    };
    if (auto failure = precondition(u"UID"_s, "uid"_L1, u"The object might have been deleted and then recreated"_s))
        return {{}, failure};
    if (auto failure =
            precondition(u"ResourceVersion"_s, "resourceVersion"_L1, u"The object might have been modified"_s))
        return {{}, failure};
    if (dryRun)
        return {*existing, std::nullopt};

    if (type.kind == "Namespace"_L1) {
        // The namespace lifecycle: Terminating until the namespace controller has emptied it.
        if (metadata.contains("deletionTimestamp"_L1))
            return {*existing, std::nullopt};
        QJsonObject terminating = *existing;
        QJsonObject newMetadata = metadata;
        newMetadata.insert("deletionTimestamp"_L1, nowTimestamp());
        terminating.insert("metadata"_L1, newMetadata);
        QJsonObject statusObject = terminating.value("status"_L1).toObject();
        statusObject.insert("phase"_L1, "Terminating"_L1);
        terminating.insert("status"_L1, statusObject);
        return {m_store.update(type, terminating), std::nullopt};
    }
    const QJsonObject last = m_store.remove(type, ns, name);
    cascadeDelete(last, str(options, "propagationPolicy"_L1));
    return {last, std::nullopt};
}

void Registry::cascadeDelete(const QJsonObject &owner, const QString &propagation)
{
    // The garbage collector: dependents go with their owner unless the client asked to orphan them.
    const QString uid = str(metadataOf(owner), "uid"_L1);
    const QString ns = str(metadataOf(owner), "namespace"_L1);
    for (const ResourceType &type : resourceTypes()) {
        if (!type.namespaced || ns.isEmpty())
            continue;
        const Store::Objects objects = m_store.objects(type);
        for (auto it = objects.lowerBound(ns + u'/'); it != objects.end() && it.key().startsWith(ns + u'/'); ++it) {
            QJsonObject metadata = metadataOf(*it);
            QJsonArray owners = metadata.value("ownerReferences"_L1).toArray();
            const auto owned = std::find_if(owners.begin(), owners.end(), [&uid](const QJsonValue &ref) {
                return ref.toObject().value("uid"_L1).toString() == uid;
            });
            if (owned == owners.end())
                continue;
            if (propagation == "Orphan"_L1) {
                owners.erase(owned);
                metadata.insert("ownerReferences"_L1, owners);
                QJsonObject orphan = *it;
                orphan.insert("metadata"_L1, metadata);
                m_store.update(type, orphan);
            } else {
                remove(type, ns, str(metadata, "name"_L1), {});
            }
        }
    }
}

WriteResult Registry::apply(QJsonObject object)
{
    const ResourceType *type = findResourceByKind(str(object, "apiVersion"_L1), str(object, "kind"_L1));
    if (!type) {
        return {{},
                status::badRequest(u"no matches for kind \""_s + str(object, "kind"_L1) + u"\" in version \""_s
                                   + str(object, "apiVersion"_L1) + u'"')};
    }
    const QJsonObject metadata = metadataOf(object);
    const QString ns = type->namespaced
        ? (str(metadata, "namespace"_L1).isEmpty() ? u"default"_s : str(metadata, "namespace"_L1))
        : QString();
    const auto existing = m_store.get(*type, ns, str(metadata, "name"_L1));
    if (!existing)
        return create(*type, ns, object);
    QJsonObject newMetadata = metadata;
    newMetadata.remove("resourceVersion"_L1);
    object.insert("metadata"_L1, newMetadata);
    return update(*type, ns, str(metadata, "name"_L1), object);
}

} // namespace kubesim
