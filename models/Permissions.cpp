#include "Permissions.h"

#include "api/Operations.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr rbac::RbacIndex::Kind kKinds[] = {rbac::RbacIndex::Kind::Role, rbac::RbacIndex::Kind::ClusterRole,
                                            rbac::RbacIndex::Kind::RoleBinding,
                                            rbac::RbacIndex::Kind::ClusterRoleBinding};

// The accounts whose whole answer is kept: the one shown and those the user went back and forth between. Every
// account's answer would be tens of MiB on a large cluster.
constexpr qsizetype kMaxAccounts = 16;

} // namespace

Permissions::Permissions(QObject *parent)
    : QObject(parent)
{
    m_resolveTimer.setSingleShot(true);
    m_resolveTimer.setInterval(0);
    m_resolveTimer.callOnTimeout(this, [this] { m_index.resolveClusterRoles(); });
}

void Permissions::setSession(ClusterSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session) {
        connect(session, &ClusterSession::informersReplaced, this, &Permissions::rebuild);
        // A refusal is news too: "cannot check" instead of "loading".
        connect(session, &ClusterSession::failed, this, &Permissions::changed);
    }
    rebuild();
}

void Permissions::setInformers(const Informers &informers)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = nullptr;
    m_informers = informers;
    rebuild();
}

void Permissions::askServer(const QString &ns, const QString &name)
{
    const QString key = ns + u'/' + name;
    if (!m_session || m_serverRules.contains(key))
        return;
    m_serverRules.insert(key, ServerRules());
    Operation *review = ops::rulesForServiceAccount(m_session->client(), ns, name);
    connect(review, &Operation::finished, this, [this, key, ns, name](const OperationResult &result) {
        if (!m_serverRules.contains(key))
            return; // another session meanwhile
        ServerRules &answer = m_serverRules[key];
        if (!result.ok()) {
            answer.state = ServerRules::State::Refused;
            answer.message = result.error->userMessage();
        } else {
            answer.state = ServerRules::State::Known;
            for (const QJsonValue &rule : result.object.value("resourceRules"_L1).toArray())
                answer.resourceRules.append(rbac::PolicyRule::fromJson(rule.toObject()));
            for (const QJsonValue &rule : result.object.value("nonResourceRules"_L1).toArray())
                answer.nonResourceRules.append(rbac::PolicyRule::fromJson(rule.toObject()));
            answer.incomplete = result.object.value("incomplete"_L1).toBool();
            answer.message = result.object.value("evaluationError"_L1).toString();
        }
        Q_EMIT serverAnswered(ns, name);
    });
}

const Permissions::ServerRules *Permissions::serverRules(const QString &ns, const QString &name) const
{
    const auto it = m_serverRules.constFind(ns + u'/' + name);
    return it == m_serverRules.cend() ? nullptr : &*it;
}

void Permissions::rebuild()
{
    m_serverRules.clear();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_index.clear();
    if (ClusterSession *session = m_session)
        m_informers = {session->roles(), session->clusterRoles(), session->roleBindings(),
                       session->clusterRoleBindings()};
    for (int source = 0; source < SourceCount; ++source) {
        if (Informer *informer = m_informers[source]) {
            for (const QJsonObject &item : informer->items())
                m_index.apply(kKinds[source], item);
            connectInformer(informer, kKinds[source]);
        }
    }
    invalidate();
}

void Permissions::connectInformer(Informer *informer, rbac::RbacIndex::Kind kind)
{
    m_connections.append(connect(informer, &Informer::added, this, [this, kind](const QJsonObject &item) {
        m_index.apply(kind, item);
        invalidate();
    }));
    m_connections.append(
        connect(informer, &Informer::modified, this, [this, kind](const QJsonObject &item, const QJsonObject &) {
            m_index.apply(kind, item);
            invalidate();
        }));
    m_connections.append(connect(informer, &Informer::deleted, this, [this, kind](const QJsonObject &item) {
        m_index.apply(kind, item, true);
        invalidate();
    }));
    m_connections.append(connect(informer, &Informer::synced, this, &Permissions::changed));
    if (kind == rbac::RbacIndex::Kind::ClusterRole) {
        // Aggregation is resolved once the cluster roles settle, not on the first account the user selects.
        const auto schedule = [this] { m_resolveTimer.start(); };
        m_connections.append(connect(informer, &Informer::synced, this, schedule));
        m_connections.append(connect(informer, &Informer::added, this, schedule));
        m_connections.append(connect(informer, &Informer::modified, this, schedule));
        m_connections.append(connect(informer, &Informer::deleted, this, schedule));
    }
}

void Permissions::invalidate()
{
    m_accounts.clear();
    m_severities.clear();
    Q_EMIT changed();
}

bool Permissions::isComplete() const
{
    for (Informer *informer : m_informers) {
        if (!informer || !informer->hasSynced() || (m_session && m_session->isRefused(informer)))
            return false;
    }
    return true;
}

bool Permissions::isLoading() const
{
    for (Informer *informer : m_informers) {
        if (!informer || (!informer->hasSynced() && !(m_session && m_session->isRefused(informer))))
            return true;
    }
    return false;
}

QStringList Permissions::refusedSources() const
{
    QStringList names;
    if (!m_session)
        return names;
    for (Informer *informer : m_informers) {
        if (informer && m_session->isRefused(informer))
            names.append(m_session->nameOf(informer));
    }
    return names;
}

Permissions::AccountPermissions Permissions::ofAccount(const QString &ns, const QString &name) const
{
    const QString key = ns + u'/' + name;
    if (const auto it = m_accounts.constFind(key); it != m_accounts.cend())
        return *it;
    const rbac::Identity identity = rbac::Identity::serviceAccount(ns, name);
    AccountPermissions answer;
    answer.grants = m_index.effectivePermissions(identity);
    answer.risks = rbac::risksOf(identity, answer.grants);
    answer.severity = rbac::highestSeverity(answer.risks);
    if (m_accounts.size() >= kMaxAccounts)
        m_accounts.clear();
    return *m_accounts.insert(key, std::move(answer));
}

rbac::Severity Permissions::severityOf(const QString &ns, const QString &name) const
{
    return m_severities.severityOf(m_index, rbac::Identity::serviceAccount(ns, name));
}

void Permissions::crossCheck(const QString &ns, const QString &name)
{
    if (!isComplete())
        return;
    const QString key = ns + u'/' + name;
    QList<rbac::PolicyRule> resolved = rbac::rulesApplyingIn(ofAccount(ns, name).grants, ns);
    const ServerRules *answer = serverRules(ns, name);
    const auto asked = m_askedFor.constFind(key);
    if (answer) {
        // An answer still due is awaited (a second question would get two answers into one place): once it has
        // come, serverAnswered() leads here again, and a changed resolution asks anew.
        if (answer->state == ServerRules::State::Asking || (asked != m_askedFor.cend() && *asked == resolved))
            return;
        m_serverRules.remove(key);
    }
    m_askedFor.insert(key, std::move(resolved));
    askServer(ns, name);
}

Permissions::CrossCheck Permissions::crossChecked(const QString &ns, const QString &name) const
{
    CrossCheck check;
    const ServerRules *answer = serverRules(ns, name);
    const auto asked = m_askedFor.constFind(ns + u'/' + name);
    if (!answer)
        return check;
    check.state = CrossCheck::State::Asking;
    if (asked == m_askedFor.cend())
        return check; // asked while the lists were refused: crossCheck() asks again
    const QList<rbac::PolicyRule> resolved = rbac::rulesApplyingIn(ofAccount(ns, name).grants, ns);
    if (answer->state == ServerRules::State::Asking || *asked != resolved)
        return check;
    check.server = *answer;
    if (answer->state == ServerRules::State::Refused) {
        check.state = CrossCheck::State::Refused;
        return check;
    }
    check.state = CrossCheck::State::Compared;
    check.comparison = rbac::compareRules(resolved, answer->resourceRules + answer->nonResourceRules);
    return check;
}

} // namespace sa
