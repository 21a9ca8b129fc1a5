#pragma once

#include "ClusterSession.h"
#include "rbac/Rbac.h"
#include "rbac/Risks.h"
#include "rbac/RulesComparison.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <array>

namespace sa {

// The RBAC of the session (Roles, ClusterRoles, RoleBindings, ClusterRoleBindings) in one rbac::RbacIndex, kept
// current from the session's informers event by event, and what each service account may do, worked out when first
// asked and kept until the next RBAC event. Says whether the answers can be relied on: a list still loading or
// refused leaves them incomplete, and the window then says "cannot check" rather than "nothing".
class Permissions : public QObject
{
    Q_OBJECT
public:
    enum Source { Roles, ClusterRoles, RoleBindings, ClusterRoleBindings, SourceCount };
    using Informers = std::array<Informer *, SourceCount>;

    explicit Permissions(QObject *parent = nullptr);

    // Follows `session`'s informers (and their replacements); null: empty.
    void setSession(ClusterSession *session);
    // Reads these informers, without a session (nothing then counts as refused).
    void setInformers(const Informers &informers);

    [[nodiscard]] const rbac::RbacIndex &index() const { return m_index; }

    // All four lists read completely: the answers are the cluster's.
    [[nodiscard]] bool isComplete() const;
    // The lists the server refused ("cluster roles", "role bindings in ci", ...), as the session names them.
    [[nodiscard]] QStringList refusedSources() const;
    // Lists not read yet.
    [[nodiscard]] bool isLoading() const;

    struct AccountPermissions
    {
        QList<rbac::Grant> grants; // effectivePermissions(), chains included
        QList<rbac::Risk> risks; // each once, at its highest severity
        rbac::Severity severity = rbac::Severity::None;
    };
    // What the account `ns`/`name` may do (from the cache after the first question).
    [[nodiscard]] AccountPermissions ofAccount(const QString &ns, const QString &name) const;
    // ofAccount(ns, name).severity, without working out the account's grants: what the risk column asks per row.
    [[nodiscard]] rbac::Severity severityOf(const QString &ns, const QString &name) const;

    // The server's own answer for an account, when the RBAC lists cannot be read: a SelfSubjectRulesReview in the
    // account's namespace as the account (impersonation, which the server may refuse too).
    struct ServerRules
    {
        enum class State { Asking, Known, Refused };
        State state = State::Asking;
        QList<rbac::PolicyRule> resourceRules;
        QList<rbac::PolicyRule> nonResourceRules;
        bool incomplete = false; // the server said its list is incomplete (evaluationError)
        QString message; // Refused: the server's sentence; Known and incomplete: its evaluation error
    };
    // Asks once per account and session; answered() follows. Null client: nothing is asked.
    void askServer(const QString &ns, const QString &name);
    // Null when not asked.
    [[nodiscard]] const ServerRules *serverRules(const QString &ns, const QString &name) const;

Q_SIGNALS:
    // An RBAC object changed, or a list finished or was refused: every answer may have changed.
    void changed();
    // The server answered for an account (see askServer()).
    void serverAnswered(const QString &ns, const QString &name);

private:
    void rebuild();
    void connectInformer(Informer *informer, rbac::RbacIndex::Kind kind);
    void invalidate();

    QPointer<ClusterSession> m_session;
    Informers m_informers {};
    QList<QMetaObject::Connection> m_connections;
    rbac::RbacIndex m_index;
    // "ns/name" → answer, until the next change; only for the few accounts shown (kept to kMaxAccounts).
    mutable QHash<QString, AccountPermissions> m_accounts;
    rbac::SeverityCache m_severities; // per binding, until the next change
    QTimer m_resolveTimer;
    QHash<QString, ServerRules> m_serverRules; // "ns/name" → the server's answer, for this session

    // Cross-checking the resolution with the server (issue 12).
public:
    // Our resolution of an account beside the server's answer for the account's own namespace (askServer()), where
    // its pods run: a SelfSubjectRulesReview covers one namespace (and what applies cluster-wide).
    struct CrossCheck
    {
        enum class State { NotAsked, Asking, Compared, Refused };
        State state = State::NotAsked;
        rbac::RulesComparison comparison; // Compared: what only one side allows
        ServerRules server; // Compared and Refused: the server's answer (incomplete, its sentence)
    };
    // When the lists are complete: asks the server about the account unless it has answered for our current
    // resolution of it; so once per account and session, and again after an RBAC change alters what we resolve for
    // the account in its namespace (when the answer in flight, if any, has come). serverAnswered() follows.
    void crossCheck(const QString &ns, const QString &name);
    // Asking until the server has answered for the resolution we hold now: an answer given for an older state of the
    // RBAC is not compared with a newer resolution.
    [[nodiscard]] CrossCheck crossChecked(const QString &ns, const QString &name) const;

private:
    // "ns/name" → the rules we resolved for the account in ns when the server was last asked about it.
    QHash<QString, QList<rbac::PolicyRule>> m_askedFor;
};

} // namespace sa
