#pragma once

#include "Pki.h"
#include "Registry.h"
#include "Store.h"

#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QTimer>

namespace kubesim {

class TokenSigner;

// A kube-sim deviation, for the demo seed only: the token controller leaves a token Secret with this annotation
// ("true") alone when its service account is missing. Upstream's tokens controller deletes such a Secret on its next
// sync (at the latest when kube-controller-manager restarts and its informers list the Secret again), so a real
// cluster shows one only for a moment; the demo keeps one so that an account-less token can be seen.
inline constexpr QLatin1StringView kKeepOrphanedTokenAnnotation {"kube-sim/keep-orphaned-token"};

// The controllers of a real control plane that service-account administration depends on, run
// asynchronously after each change as the real ones are: the namespace controller (a default
// ServiceAccount and the kube-root-ca.crt ConfigMap in each namespace; emptying a deleted namespace),
// the token controller (fills or removes kubernetes.io/service-account-token Secrets), the
// Deployment and ReplicaSet controllers (rollouts, one ReplicaSet per pod template), the StatefulSet and
// DaemonSet controllers (pods by ordinal or one per node, replaced when the template changes), and a
// scheduler-and-kubelet stand-in that runs every pod at once.
class Controllers : public QObject
{
    Q_OBJECT
public:
    Controllers(Registry &registry, const Pki &pki, const TokenSigner &signer, QObject *parent = nullptr);

    // Runs queued work until nothing is left (for seeding before the server listens).
    void settle();
    // Paused, changes queue up and are handled on resume.
    void setPaused(bool paused);

private:
    void onChange(const Store::Event &event);
    void processQueue();
    void handle(const Store::Event &event);

    void syncNamespace(const QString &name);
    void syncTokenSecret(const QString &ns, const QString &name);
    void serviceAccountDeleted(const QJsonObject &account);
    void secretDeleted(const QJsonObject &secret);
    void runPod(const QString &ns, const QString &name);
    void syncDeployment(const QString &ns, const QString &name);
    void syncReplicaSet(const QString &ns, const QString &name);
    void syncStatefulSet(const QString &ns, const QString &name);
    void syncDaemonSet(const QString &ns, const QString &name);
    // Stores `status` as the object's status, unless it already is.
    void writeStatus(const ResourceType &type, const QJsonObject &object, const QJsonObject &status);
    void retryFailedCreates(const QString &ns);
    void syncOwner(const QJsonObject &object);
    QList<QJsonObject> owned(const ResourceType &type, const QString &ns, const QString &ownerUid) const;

    Registry &m_registry;
    Store &m_store;
    const Pki &m_pki;
    const TokenSigner &m_signer;
    QList<Store::Event> m_queue;
    QTimer m_timer;
    bool m_paused = false;
};

} // namespace kubesim
