#pragma once

#include "api/KubeClient.h"
#include "resources/Resources.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sa {

struct OperationResult
{
    std::optional<ApiError> error;
    QJsonObject object; // the object the operation produced or read last
    QStringList warnings; // the server's Warning headers
    SecretBytes token; // requestToken, createTokenSecret
    QDateTime expiresAt; // requestToken
    std::optional<Secret> secret; // readSecret, createTokenSecret
    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

// A multi-step API action. It emits finished() exactly once, always from the event loop (then deletes itself),
// and progress() on the way; cancel() stops it between steps with a Canceled error, except while it runs steps
// that must not be left half-done (a pod between its deletion and its re-creation): then it carries on.
class Operation : public QObject
{
    Q_OBJECT
public:
    explicit Operation(KubeClient *client);
    void cancel();

Q_SIGNALS:
    void progress(const QString &message);
    void finished(const sa::OperationResult &result);

protected:
    // Sends a request; `next` runs with its result unless the operation was canceled or finished meanwhile.
    void call(ApiRequest request, std::function<void(const ApiResult &)> next);
    // `object`: what the user needs to recover by hand, when the operation could not undo its own steps.
    void fail(const ApiError &error, const QJsonObject &object = {});
    void succeed(OperationResult result);
    // Runs `next` after a delay (polling, conflict backoff), unless canceled.
    void after(int milliseconds, std::function<void()> next);
    void setCancelable(bool cancelable) { m_cancelable = cancelable; }

    QPointer<KubeClient> m_client;

private:
    void finish(OperationResult result);

    QPointer<ApiJob> m_job;
    bool m_done = false;
    bool m_cancelable = true;
};

struct ServiceAccountSpec
{
    QString ns;
    QString name;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    std::optional<bool> automountServiceAccountToken;
    QStringList imagePullSecrets;
};

struct TokenRequestOptions
{
    qint64 expirationSeconds = 3600; // the server refuses less than 600; 0: not sent, the server's default (1 h)
    QStringList audiences; // empty: the API server's
    QString boundKind; // Pod or Secret (or empty)
    QString boundName;
    QString boundUid;
};

struct DockerRegistryCredentials
{
    QString server;
    QString username;
    SecretBytes password;
    QString email;
};

// The typed operations the UI needs, each one Operation. Paths and bodies are those of the real API
// (see docs/k8s-api.md); read-modify-write never loses a concurrent change.
namespace ops {

Operation *createServiceAccount(KubeClient *client, const ServiceAccountSpec &spec);
Operation *deleteServiceAccount(KubeClient *client, const QString &ns, const QString &name);
// TokenRequest; result.token, result.expiresAt, result.warnings (e.g. a shortened expiration).
Operation *requestToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                        const TokenRequestOptions &options);
// Creates a kubernetes.io/service-account-token Secret for the account and waits (up to waitMs) until the
// token controller has filled it; result.secret holds it, result.token its token. A secret still empty after waitMs
// is deleted again (nothing half-made is left behind); one the controller removed means the account went away.
Operation *createTokenSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                             const QString &secretName, int waitMs = 15000);
// One GET of a secret with its values; result.secret.
Operation *readSecret(KubeClient *client, const QString &ns, const QString &name);
// The API path of a namespaced object of kind ServiceAccount, Secret, Pod or Deployment; empty for another kind.
[[nodiscard]] QString objectPath(const QString &kind, const QString &ns, const QString &name);
// One GET of any object by its API path (see objectPath()): result.object is all of it, a Secret's values
// included. The answer's bytes are wiped once parsed.
Operation *readObject(KubeClient *client, const QString &path);
// Adds or removes one imagePullSecrets entry with a JSON Patch that tests the resourceVersion, re-reading and
// retrying on conflict, so that no concurrent change is lost. Already there / already gone is success.
Operation *attachPullSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                            const QString &secretName);
Operation *detachPullSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                            const QString &secretName);
Operation *createDockerRegistrySecret(KubeClient *client, const QString &ns, const QString &name,
                                      const DockerRegistryCredentials &credentials);
// Sets spec.template.spec.serviceAccountName (a rolling update) and follows the rollout until it is done
// (progress() carries kubectl's rollout messages) or timeoutMs passes.
Operation *setDeploymentServiceAccount(KubeClient *client, const QString &ns, const QString &deployment,
                                       const QString &serviceAccount, int timeoutMs = 120000);
// The same for a Deployment, StatefulSet or DaemonSet (`kind`), following its rollout as `kubectl rollout status`
// does. A set whose updateStrategy is OnDelete succeeds at once, with a warning that its pods keep their account
// until they are deleted.
Operation *setWorkloadServiceAccount(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
                                     const QString &serviceAccount, int timeoutMs = 120000);
// A pod's service account cannot change: deletes the bare pod and creates it again with the new account
// (server-set fields and the old token volume removed). If the new pod is refused, the old one is put back.
Operation *recreatePodWithServiceAccount(KubeClient *client, const QString &ns, const QString &pod,
                                         const QString &serviceAccount);
// nullopt removes the field (the default, true, applies).
Operation *setAutomountServiceAccountToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                           std::optional<bool> automount);
// SelfSubjectReview: result.object is status.userInfo.
Operation *whoAmI(KubeClient *client);
// SelfSubjectRulesReview in `ns` as the service account (through impersonation): result.object is the status.
Operation *rulesForServiceAccount(KubeClient *client, const QString &ns, const QString &serviceAccount);
// SubjectAccessReview for the service account: result.object is the status ({allowed, reason}).
Operation *canServiceAccount(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &verb,
                             const QString &group, const QString &resource, const QString &resourceNamespace,
                             const QString &name = {});

} // namespace ops

// A kubeconfig that lets a service account use the cluster with this token: the context's server, CA and
// tls-server-name, a user named after the account, and the account's namespace.
[[nodiscard]] SecretBytes serviceAccountKubeconfig(const ResolvedContext &context, const QString &ns,
                                                   const QString &serviceAccount, const SecretBytes &token);

// A shell command that calls the cluster's /api with this token, verified as the context verifies the server:
// `curl --cacert CA 'https://SERVER/api' --header 'Authorization: Bearer TOKEN'`. An inline CA becomes a process
// substitution (bash, zsh), tls-server-name a --connect-to, proxy-url a --proxy.
[[nodiscard]] SecretBytes curlCommand(const ResolvedContext &context, const SecretBytes &token);

} // namespace sa
