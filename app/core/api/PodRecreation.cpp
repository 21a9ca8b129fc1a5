#include "api/Operations.h"

#include "api/OperationSupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

constexpr int kPodGonePollMs = 200;
constexpr int kPodGoneWaitMs = 30000;

bool isTokenVolume(const QJsonValue &volume)
{
    return volume[u"name"].toString().startsWith("kube-api-access-"_L1);
}

// Drops the token volumes (or their mounts) from the list `field` of `object`, and the list if that empties it.
void removeTokenVolumes(QJsonObject &object, QLatin1StringView field)
{
    QJsonArray kept;
    for (const QJsonValue &entry : object.value(field).toArray()) {
        if (!isTokenVolume(entry))
            kept.append(entry);
    }
    if (kept.isEmpty())
        object.remove(field);
    else
        object.insert(field, kept);
}

// The pod as a client would have written it: no server-set metadata or status, no node, and no token volume
// the ServiceAccount admission plugin added for the old account (it adds one for the new account).
QJsonObject podToCreate(const QJsonObject &pod, const QString &serviceAccount)
{
    const QJsonObject metadata = pod.value("metadata"_L1).toObject();
    QJsonObject newMetadata;
    for (const auto field : {"name"_L1, "namespace"_L1, "labels"_L1, "annotations"_L1}) {
        if (metadata.contains(field))
            newMetadata.insert(field, metadata.value(field));
    }
    QJsonObject spec = pod.value("spec"_L1).toObject();
    spec.remove("nodeName"_L1);
    spec.remove("serviceAccount"_L1);
    // Ephemeral containers can only be added to a running pod, never on create.
    spec.remove("ephemeralContainers"_L1);
    spec.insert("serviceAccountName"_L1, serviceAccount);
    removeTokenVolumes(spec, "volumes"_L1);
    for (const auto list : {"initContainers"_L1, "containers"_L1}) {
        if (!spec.contains(list))
            continue;
        QJsonArray containers = spec.value(list).toArray();
        for (auto container = containers.begin(); container != containers.end(); ++container) {
            QJsonObject object = container->toObject();
            removeTokenVolumes(object, "volumeMounts"_L1);
            *container = object;
        }
        spec.insert(list, containers);
    }
    return {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Pod"_L1}, {"metadata"_L1, newMetadata}, {"spec"_L1, spec}};
}

// A pod's service account is immutable: delete the bare pod, create it again with the new account, and put the
// original back if the new one is refused.
class PodRecreation final : public Operation
{
public:
    PodRecreation(KubeClient *client, const QString &ns, const QString &pod, const QString &serviceAccount)
        : Operation(client)
        , m_ns(ns)
        , m_path(corePath(ns, "pods"_L1, pod))
        , m_serviceAccount(serviceAccount)
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                replace(answer.json());
        });
    }

private:
    void replace(const QJsonObject &object)
    {
        const std::optional<Pod> pod = Pod::fromJson(object);
        if (!pod) {
            fail(ApiError::decode(Operation::tr("the answer is not a Pod")));
            return;
        }
        for (const OwnerReference &owner : pod->meta.ownerReferences) {
            if (owner.controller) {
                fail(
                    operationError(Operation::tr("Pod %1 is managed by %2 %3, which would replace a recreated pod with "
                                                 "its own template. Change the service account of its owner (for a "
                                                 "Deployment, its pod template) instead.")
                                       .arg(pod->meta.key(), owner.kind, owner.name)));
                return;
            }
        }
        if (pod->serviceAccountName == m_serviceAccount) {
            OperationResult result;
            result.object = object;
            succeed(std::move(result));
            return;
        }
        m_uid = pod->meta.uid;
        m_original = podToCreate(object, pod->serviceAccountName);
        m_replacement = podToCreate(object, m_serviceAccount);
        // From here on the pod must come back, new or original, whatever the caller wants.
        setCancelable(false);
        // The uid precondition makes sure that the pod deleted is the one read, not a namesake created meanwhile.
        const QJsonObject options {{"gracePeriodSeconds"_L1, 0},
                                   {"preconditions"_L1, QJsonObject {{"uid"_L1, m_uid}}},
                                   {"propagationPolicy"_L1, "Background"_L1}};
        call(jsonRequest("DELETE", m_path, options), [this](const ApiResult &answer) {
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            Q_EMIT progress(Operation::tr("Deleted pod %1/%2, waiting for it to go").arg(m_ns, name()));
            m_deadline.setRemainingTime(kPodGoneWaitMs);
            waitGone();
        });
    }

    void waitGone()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            if (answer.error && answer.error->isNotFound()) {
                create();
            } else if (!answer.ok()) {
                fail(combinedError(*answer.error,
                                   Operation::tr("Pod %1 was deleted, but checking that it is gone failed: %2")
                                       .arg(name(), answer.error->userMessage())),
                     m_original);
            } else if (uidOf(answer.json()) != m_uid) {
                fail(operationError(
                         Operation::tr("Pod %1 was deleted, and someone else created a pod of that name meanwhile.")
                             .arg(name())),
                     m_original);
            } else if (m_deadline.hasExpired()) {
                fail(operationError(Operation::tr("Pod %1 was deleted but is still terminating after %2 s (a "
                                                  "finalizer?); it was not created again.")
                                        .arg(name(), seconds(kPodGoneWaitMs))),
                     m_original);
            } else {
                after(kPodGonePollMs, [this] { waitGone(); });
            }
        });
    }

    void create()
    {
        call(jsonRequest("POST", corePath(m_ns, "pods"_L1), m_replacement), [this](const ApiResult &answer) {
            if (answer.ok()) {
                OperationResult result;
                result.object = answer.json();
                result.warnings = answer.warnings;
                succeed(std::move(result));
            } else {
                restore(*answer.error);
            }
        });
    }

    void restore(const ApiError &refused)
    {
        const QString refusal = Operation::tr("The pod with service account %1 was refused: %2")
                                    .arg(m_serviceAccount, refused.userMessage());
        call(jsonRequest("POST", corePath(m_ns, "pods"_L1), m_original),
             [this, refused, refusal](const ApiResult &answer) {
                 if (answer.ok())
                     fail(combinedError(refused,
                                        followedBy(refusal, Operation::tr("The original pod was created again."))));
                 else
                     fail(combinedError(refused,
                                        followedBy(refusal,
                                                   Operation::tr("Creating the original pod again "
                                                                 "failed too: %1")
                                                       .arg(answer.error->userMessage()))),
                          m_original);
             });
    }

    QString name() const { return m_original[u"metadata"][u"name"].toString(); }

    QString m_ns;
    QString m_path;
    QString m_serviceAccount;
    QString m_uid;
    QJsonObject m_original;
    QJsonObject m_replacement;
    QDeadlineTimer m_deadline;
};

} // namespace

namespace ops {

Operation *recreatePodWithServiceAccount(KubeClient *client, const QString &ns, const QString &pod,
                                         const QString &serviceAccount)
{
    return new PodRecreation(client, ns, pod, serviceAccount);
}

} // namespace ops

} // namespace sa
