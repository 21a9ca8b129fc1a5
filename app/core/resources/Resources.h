#pragma once

#include "resources/SecretBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace sa {

// Value types for the objects SA Admin shows, parsed from the API's JSON. Each fromJson() takes what it
// uses and ignores the rest; it fails (nullopt) only when the object lacks a name.

struct OwnerReference
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
};

// The API server's objection to an object name that must be a DNS-1123 subdomain (service accounts, secrets), in
// its words (k8s.io/apimachinery/pkg/util/validation IsDNS1123Subdomain), or empty when the name is valid.
[[nodiscard]] QString dns1123SubdomainProblem(const QString &name);

// The labels the API server's legacy token tracking and cleaner put on token Secrets (dates as "2006-01-02", UTC).
inline constexpr auto kLegacyTokenLastUsedLabel = QLatin1StringView("kubernetes.io/legacy-token-last-used");
inline constexpr auto kLegacyTokenInvalidSinceLabel = QLatin1StringView("kubernetes.io/legacy-token-invalid-since");
// Where the API server records the day it began tracking legacy token use (data.since).
inline constexpr auto kLegacyTokenTrackingPath =
    QLatin1StringView("/api/v1/namespaces/kube-system/configmaps/kube-apiserver-legacy-service-account-token-tracking");

struct ObjectMeta
{
    QString name;
    QString ns;
    QString uid;
    QString resourceVersion;
    qint64 generation = 0;
    QDateTime creationTimestamp; // UTC
    QDateTime deletionTimestamp; // invalid unless being deleted
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QList<OwnerReference> ownerReferences;
    // Managed by a controller (a ReplicaSet's pod, say), which would recreate it from its template.
    [[nodiscard]] bool hasControllerOwner() const
    {
        return std::ranges::any_of(ownerReferences, [](const OwnerReference &owner) { return owner.controller; });
    }

    [[nodiscard]] static ObjectMeta fromJson(const QJsonObject &metadata);
    [[nodiscard]] QString key() const { return ns.isEmpty() ? name : ns + u'/' + name; }
};

struct Namespace
{
    ObjectMeta meta;
    QString phase; // Active, Terminating
    [[nodiscard]] static std::optional<Namespace> fromJson(const QJsonObject &object);
};

struct ServiceAccount
{
    ObjectMeta meta;
    QStringList secrets; // names in .secrets
    QStringList imagePullSecrets; // names in .imagePullSecrets
    std::optional<bool> automountServiceAccountToken;
    [[nodiscard]] static std::optional<ServiceAccount> fromJson(const QJsonObject &object);
};

// A secret without its values, as a metadata-only list delivers it: from a Table row with includeObject=Metadata
// in the informer's compact form ({metadata, Type, Data}: see Informer::compactRow), or from a full Secret whose
// values are dropped at once.
struct SecretMeta
{
    ObjectMeta meta;
    QString type;
    int keyCount = 0;
    QStringList keys; // known only when the full object was read
    [[nodiscard]] static std::optional<SecretMeta> fromTableItem(const QJsonObject &item);
    [[nodiscard]] static std::optional<SecretMeta> fromSecretJson(const QJsonObject &object);
    // The service account a kubernetes.io/service-account-token secret belongs to, else empty.
    [[nodiscard]] QString serviceAccountName() const;
};

// A secret with its decoded values, held only while the user looks at them.
struct Secret
{
    ObjectMeta meta;
    QString type;
    QMap<QString, SecretBytes> data;
    [[nodiscard]] static std::optional<Secret> fromJson(const QJsonObject &object);
};

struct Pod
{
    ObjectMeta meta;
    QString serviceAccountName;
    QString nodeName;
    QString phase;
    QStringList imagePullSecrets;
    std::optional<bool> automountServiceAccountToken;
    [[nodiscard]] static std::optional<Pod> fromJson(const QJsonObject &object);
};

// One place a pod spec reads a Secret: a volume (a secret volume, or a projected volume's secret source), one
// environment variable (secretKeyRef) or a container's envFrom.
struct SecretUse
{
    enum class Kind { Volume, Env, EnvFrom };
    Kind kind = Kind::Volume;
    QString secret;
    QString volume; // Volume: the pod's volume name
    QStringList mounts; // Volume: "CONTAINER:PATH" of each container that mounts it
    QString container; // Env, EnvFrom: the container (init containers included)
    QString variable; // Env: the variable's name

    // Where the spec reads `secret`, in the order the spec lists them.
    [[nodiscard]] static QList<SecretUse> of(const QJsonObject &podSpec);
    // The names of the Secrets the pod spec reads, each once, sorted.
    [[nodiscard]] static QStringList secretsOf(const QJsonObject &podSpec);
};

struct Deployment
{
    ObjectMeta meta;
    QString serviceAccountName; // of spec.template.spec; "default" when unset
    qint64 replicas = 1;
    qint64 observedGeneration = 0;
    qint64 updatedReplicas = 0;
    qint64 readyReplicas = 0;
    qint64 availableReplicas = 0;
    qint64 statusReplicas = 0;
    QString progressingReason; // of the Progressing condition; ProgressDeadlineExceeded once it timed out
    QString replicaFailure; // the message of a true ReplicaFailure condition: the server refuses its new pods
    [[nodiscard]] static std::optional<Deployment> fromJson(const QJsonObject &object);
    // As `kubectl rollout status` decides it: done, or why not yet.
    [[nodiscard]] bool rolledOut(QString *progress = nullptr) const;
};

// Where a StatefulSet or DaemonSet's rollout stands, as `kubectl rollout status` decides it.
struct RolloutStatus
{
    bool done = false;
    QString message; // kubectl's words: progress, or why it is done
    bool automatic = true; // false for updateStrategy OnDelete: pods change only when they are deleted
};

struct StatefulSet
{
    ObjectMeta meta;
    QString serviceAccountName; // of spec.template.spec; "default" when unset
    qint64 replicas = 1;
    QString updateStrategy; // RollingUpdate (the default) or OnDelete
    std::optional<qint64> partition; // spec.updateStrategy.rollingUpdate.partition, when given
    qint64 observedGeneration = 0;
    qint64 readyReplicas = 0;
    qint64 updatedReplicas = 0;
    qint64 currentReplicas = 0;
    QString currentRevision;
    QString updateRevision;
    [[nodiscard]] static std::optional<StatefulSet> fromJson(const QJsonObject &object);
    [[nodiscard]] RolloutStatus rollout() const;
};

struct DaemonSet
{
    ObjectMeta meta;
    QString serviceAccountName; // of spec.template.spec; "default" when unset
    QString updateStrategy; // RollingUpdate (the default) or OnDelete
    qint64 observedGeneration = 0;
    qint64 desiredNumberScheduled = 0;
    qint64 updatedNumberScheduled = 0;
    qint64 numberAvailable = 0;
    qint64 numberReady = 0;
    [[nodiscard]] static std::optional<DaemonSet> fromJson(const QJsonObject &object);
    [[nodiscard]] RolloutStatus rollout() const;
};

struct Subject
{
    QString kind; // ServiceAccount, User, Group
    QString name;
    QString ns;
    bool operator==(const Subject &) const = default;
    // Whether this entry of a binding in namespace `bindingNs` names `other` (a ServiceAccount with its namespace
    // set): in a RoleBinding an unset namespace means the binding's own; a ClusterRoleBinding has none to lend.
    [[nodiscard]] bool names(const Subject &other, const QString &bindingNs) const;
};

// A RoleBinding or ClusterRoleBinding (meta.ns empty for the latter).
struct RoleBinding
{
    ObjectMeta meta;
    QString roleKind; // Role or ClusterRole
    QString roleName;
    QList<Subject> subjects;
    [[nodiscard]] static std::optional<RoleBinding> fromJson(const QJsonObject &object);
    [[nodiscard]] bool bindsServiceAccount(const QString &ns, const QString &name) const;
};

// The claims of a service-account token, decoded without verifying the signature (base64url, no padding).
struct TokenClaims
{
    QString issuer;
    QString subject;
    QStringList audiences;
    QString ns;
    QString serviceAccountName;
    QString serviceAccountUid;
    QDateTime issuedAt; // invalid for legacy tokens
    QDateTime expiresAt; // invalid: never expires (legacy)
    QString boundKind; // Pod, Secret, Node, or empty
    QString boundName;
    QString secretName; // legacy tokens: the Secret that holds them
    QString nodeName; // a pod-bound token names its pod's node too; a node-bound one its node
    QString id; // jti: the unique id of a bound token (authentication.kubernetes.io/credential-id "JTI=…")
    QDateTime notBefore; // nbf, when set
    QString algorithm; // from the header: "RS256", "ES256", ...
    QString keyId; // from the header: kid
    bool legacy = false;
    [[nodiscard]] static std::optional<TokenClaims> decode(const QByteArray &token, QString *error = nullptr);
};

} // namespace sa
