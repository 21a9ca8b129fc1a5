#pragma once

#include "api/Informer.h"
#include "api/KubeClient.h"
#include "api/ProblemGroups.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace sa {

// One connected context: its client and the informers the panes need (all namespaces). The connection
// state combines them: connecting until every list has arrived once, reconnecting while any waits to retry.
class ClusterSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit ClusterSession(std::unique_ptr<KubeClient> client, QObject *parent = nullptr);
    ~ClusterSession() override;

    void start();

    // Users who may not list across namespaces work one namespace at a time: once a cluster-wide list is
    // refused, the namespaced informers follow this namespace (empty: the context's). Models then follow
    // the new informers (informersReplaced).
    void setFocusNamespace(const QString &ns);
    [[nodiscard]] bool isNamespaced() const { return m_namespaced; }
    [[nodiscard]] QString focusNamespace() const;

    [[nodiscard]] KubeClient *client() const { return m_client.get(); }
    [[nodiscard]] Informer *namespaces() const { return m_namespaces; }
    [[nodiscard]] Informer *serviceAccounts() const { return m_serviceAccounts; }
    [[nodiscard]] Informer *secrets() const { return m_secrets; }
    [[nodiscard]] Informer *pods() const { return m_pods; }
    [[nodiscard]] Informer *deployments() const { return m_deployments; }
    [[nodiscard]] Informer *statefulSets() const { return m_statefulSets; }
    [[nodiscard]] Informer *daemonSets() const { return m_daemonSets; }
    [[nodiscard]] Informer *roleBindings() const { return m_roleBindings; }
    [[nodiscard]] Informer *clusterRoleBindings() const { return m_clusterRoleBindings; }
    [[nodiscard]] Informer *roles() const { return m_roles; }
    [[nodiscard]] Informer *clusterRoles() const { return m_clusterRoles; }
    // The kubernetes.io/service-account-token Secrets, metadata only, listed by field selector: made and started on
    // the first call (the Tokens tab opens), then kept and scoped like the other namespaced lists. It does not count
    // in the connection state: a session is connected without it.
    Informer *tokenSecrets();
    [[nodiscard]] Informer *tokenSecretsIfStarted() const { return m_tokenSecrets; }

    [[nodiscard]] State state() const { return m_state; }
    // Why the session failed: a problem retrying cannot fix (credentials, TLS trust).
    [[nodiscard]] const QString &failure() const { return m_failure; }
    // "alice (system:masters)", from SelfSubjectReview; empty until known.
    [[nodiscard]] const QString &identity() const { return m_identity; }
    [[nodiscard]] int listsLoaded() const;
    // Whether the server refused this informer's list (403/401) or does not serve it (404): its emptiness then
    // means nothing.
    [[nodiscard]] bool isRefused(Informer *informer) const { return m_refused.contains(informer); }
    [[nodiscard]] int listCount() const;
    // What is wrong with the lists now, one entry per cause; an entry goes when its lists work again.
    [[nodiscard]] const ProblemGroups &problems() const { return m_problems; }
    // The name problems() uses for this informer's collection, e.g. "secrets" or "secrets in ci".
    [[nodiscard]] QString nameOf(const Informer *informer) const { return m_names.value(informer); }

Q_SIGNALS:
    void stateChanged(sa::ClusterSession::State state);
    void identityChanged(const QString &identity);
    void loadingProgress(int loaded, int total);
    // A list or watch failed (e.g. 403 on a resource); `what` names the collection.
    void failed(const QString &what, const sa::ApiError &error);
    // problems() changed: a cause arose, spread to another list, or ended.
    void problemsChanged();
    void informersReplaced();
    // The user may not list namespaces: the window offers the context's namespace instead.
    void namespacesRefused();

private:
    Informer *add(const QString &path, ListFormat format, const QString &what);
    void createScopedInformers(const QString &ns);
    void removeInformer(Informer *informer);
    // The informers that follow the focus namespace when the user may not list across namespaces.
    [[nodiscard]] QList<Informer *> scopedInformers() const;
    void updateState();
    // Asks the server who we are (SelfSubjectReview), unless a question is on its way; asked again on the next
    // connection when it could not answer (a server too slow or away at the start).
    void askIdentity();
    void createTokenInformer(const QString &ns);
    // The informers the connection state waits for.
    [[nodiscard]] QList<Informer *> stateInformers() const;

    std::unique_ptr<KubeClient> m_client;
    QList<Informer *> m_informers;
    Informer *m_namespaces;
    Informer *m_serviceAccounts;
    Informer *m_secrets;
    Informer *m_pods;
    Informer *m_deployments;
    Informer *m_statefulSets;
    Informer *m_daemonSets;
    Informer *m_roleBindings;
    Informer *m_clusterRoleBindings;
    Informer *m_clusterRoles;
    Informer *m_roles;
    Informer *m_tokenSecrets = nullptr;
    bool m_tokensWanted = false;
    QHash<const Informer *, QString> m_names;
    ProblemGroups m_problems;
    QSet<Informer *> m_refused; // lists the user may not read, or the server does not serve (404)
    bool m_namespaced = false;
    QString m_failure;
    QString m_focus;
    State m_state = State::Connecting;
    QString m_identity;
    bool m_askingIdentity = false;
};

} // namespace sa
