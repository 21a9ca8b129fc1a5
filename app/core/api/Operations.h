#pragma once

#include "api/Operation.h"
#include "resources/Resources.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sa {

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

// A RoleBinding (ns set) or ClusterRoleBinding (ns empty), by name.
struct BindingRef
{
    QString ns;
    QString name;
};

// What a binding grants: kind "Role" (in the binding's namespace) or "ClusterRole", and its name.
struct RoleRef
{
    QString kind;
    QString name;
};

// The typed operations the UI needs, each one Operation. Paths and bodies are those of the real API
// (see docs/k8s-api.md); read-modify-write never loses a concurrent change.
namespace ops {

// Creates and deletes find out whether they were applied when the answer leaves it open (a 5xx, no answer in time):
// applied after all is success; not applied fails with the server's error, marked ApiError::concluded.
Operation *createServiceAccount(KubeClient *client, const ServiceAccountSpec &spec);
// A delete given the `uid` of the object meant sends it as a precondition: an object made again under the name since
// (by someone else, meanwhile) is refused with the server's 409, not deleted. The uid also tells the object meant from
// such a one when the answer was left open.
Operation *deleteServiceAccount(KubeClient *client, const QString &ns, const QString &name, const QString &uid = {});
// Deletes a Secret (a revocable token's: revokes it); result.object is the Secret without its values (empty when the
// deletion was found out after an open answer).
Operation *deleteSecret(KubeClient *client, const QString &ns, const QString &name, const QString &uid = {});
// TokenRequest; its result holds an IssuedToken, and warnings such as a shortened expiration.
Operation *requestToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                        const TokenRequestOptions &options);
// A token that can be revoked: an empty Opaque Secret ACCOUNT-token-revoke-XXXXX, then a TokenRequest bound to it
// (options' bound object is replaced). Its IssuedToken names the Secret (revocationSecret): deleting it revokes the
// token. When no token comes, the Secret is deleted again.
Operation *requestRevocableToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                 const TokenRequestOptions &options);
// Creates a kubernetes.io/service-account-token Secret for the account and waits (up to waitMs) until the
// token controller has filled it; its result holds the Secret (the token in data["token"]). A secret still empty after
// waitMs is deleted again (nothing half-made is left behind); one the controller removed means the account went away.
Operation *createTokenSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                             const QString &secretName, int waitMs = 15000);
// Marks a legacy token Secret (kubernetes.io/service-account-token) invalid, as the legacy token cleaner does: the
// label kubernetes.io/legacy-token-invalid-since=<today, UTC, YYYY-MM-DD>, after which the API server refuses the token
// (401). `invalidated` false re-enables it: the label is removed (the last-used label stays, as upstream leaves it).
// Already so is success without a write; an invalidated token keeps its first date. The Secret is found by its
// metadata alone and patched with its uid, answered as metadata: its values never travel. result.object is its
// PartialObjectMetadata. A missing Secret, or one of another type, fails and nothing changes.
Operation *setTokenSecretInvalidated(KubeClient *client, const QString &ns, const QString &name, bool invalidated);
// A new token Secret for the account of token Secret `oldSecretName` (of type kubernetes.io/service-account-token),
// named ACCOUNT-token-XXXXX by the server (generateName) and annotated as replacing the old one, once the token
// controller has filled it (as createTokenSecret). result.object is the new Secret without its values, and `value` is
// empty: the new token is read (readSecret) only when someone asks to see it. The old Secret is left as it is, to be
// deleted (deleteSecret) once its users have moved; when the account lists it in `secrets`, the new one is not added
// there: a listed token counts as auto-generated (the API server warns on its use and the legacy token cleaner may
// invalidate it), and the old reference goes when the old Secret is deleted.
Operation *rotateTokenSecret(KubeClient *client, const QString &ns, const QString &oldSecretName, int waitMs = 15000);
// One GET of a secret; its result holds the Secret with its values.
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
// Sets spec.template.spec.serviceAccountName of a Deployment, StatefulSet or DaemonSet (`kind`; a rolling update)
// and follows its rollout as `kubectl rollout status` does, until it is done (progress() carries kubectl's rollout
// messages) or timeoutMs passes. A set whose updateStrategy is OnDelete succeeds at once, with a warning that its pods
// keep their account until they are deleted.
Operation *setWorkloadServiceAccount(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
                                     const QString &serviceAccount, int timeoutMs = 120000);
// A pod's service account cannot change: deletes the bare pod and creates it again with the new account
// (server-set fields and the old token volume removed). If the new pod is refused, the old one is put back.
Operation *recreatePodWithServiceAccount(KubeClient *client, const QString &ns, const QString &pod,
                                         const QString &serviceAccount);
// Adds `subject` to the binding, which is created (granting `role`) when it does not exist. No other subject is ever
// lost: the write tests the resourceVersion it read, and re-reads and retries when someone else wrote meanwhile.
// Already a subject is success; a binding of that name that grants another role is an error.
Operation *addBindingSubject(KubeClient *client, const BindingRef &binding, const RoleRef &role,
                             const Subject &subject);
// Removes `subject` (a ServiceAccount entry without a namespace in a RoleBinding counts as the binding's namespace)
// the same way; when it was the only subject, deletes the binding, with the resourceVersion read as a precondition so
// that a subject added meanwhile is not deleted with it. Not a subject (or no binding) is success.
Operation *removeBindingSubject(KubeClient *client, const BindingRef &binding, const Subject &subject);
// nullopt removes the field (the default, true, applies).
Operation *setAutomountServiceAccountToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                           std::optional<bool> automount);
// Sets (a value) or removes (nullopt) annotations of a service account with one JSON merge patch of
// metadata.annotations: only the keys named change, so every other annotation stays, a concurrent writer's too.
// result.object is the account as patched. No change is success without a request.
Operation *setAnnotations(KubeClient *client, const QString &ns, const QString &serviceAccount,
                          const QMap<QString, std::optional<QString>> &changes);
// SelfSubjectReview: result.object is status.userInfo.
Operation *whoAmI(KubeClient *client);
// TokenReview of any token (who the cluster takes it for): result.object is the status ({authenticated, user,
// audiences, error}); the server's echo of the token is never read into it, and both bodies are wiped. A token
// that is not made of JWT characters fails without a request (it cannot be a service-account token).
Operation *reviewToken(KubeClient *client, const SecretBytes &token, const QStringList &audiences = {});
// Made of the characters of a JWT or an opaque bearer token (letters, digits, '-', '_', '.', '='), and not empty.
[[nodiscard]] bool isTokenText(QByteArrayView text);
// SelfSubjectRulesReview in `ns` as the service account (through impersonation): result.object is the status.
Operation *rulesForServiceAccount(KubeClient *client, const QString &ns, const QString &serviceAccount);
// SubjectAccessReview for the service account: result.object is the status ({allowed, reason}). Empty
// resourceNamespace: cluster-scoped resources, or all namespaces.
Operation *canServiceAccount(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &verb,
                             const QString &group, const QString &resource, const QString &resourceNamespace,
                             const QString &name = {}, const QString &subresource = {});
// Discovery as kubectl's legacy discovery reads it: GET /api and /apis, then the APIResourceList of each group's
// preferred version, side by side. Its result holds the ApiResources (subresources included). A group version that
// cannot be read is named in failedGroupVersions and the rest are returned; it fails only when /api or /apis cannot be
// read (403 and 404 count as empty, as in client-go) or no group version could be read at all.
Operation *discoverApiResources(KubeClient *client);

} // namespace ops

} // namespace sa
