#include "ClusterSession.h"

#include "api/ApiPath.h"
#include "api/Operations.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace sa {

namespace {
// The connection state as it changes ("sa.session: Connected"), off by default: QT_LOGGING_RULES=sa.session.info=true
// shows it, as the test of the installed application reads it (tests/install).
Q_LOGGING_CATEGORY(lcSession, "sa.session", QtWarningMsg)
} // namespace

ClusterSession::ClusterSession(std::unique_ptr<KubeClient> client, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
{
    m_namespaces = add(u"/api/v1/namespaces"_s, ListFormat::Objects, tr("namespaces"));
    m_clusterRoleBindings = add(u"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"_s, ListFormat::Objects,
                                tr("cluster role bindings"));
    createScopedInformers(QString());
    m_clusterRoles =
        add(u"/apis/rbac.authorization.k8s.io/v1/clusterroles"_s, ListFormat::Objects, tr("cluster roles"));
}

void ClusterSession::createScopedInformers(const QString &ns)
{
    const QString scope = ns.isEmpty() ? QString() : u"/namespaces/"_s + pathSegment(ns);
    const QString where = ns.isEmpty() ? QString() : tr(" in %1").arg(ns);
    m_serviceAccounts =
        add(u"/api/v1"_s + scope + u"/serviceaccounts"_s, ListFormat::Objects, tr("service accounts") + where);
    // Metadata only: listing secrets never brings a value across the wire.
    m_secrets = add(u"/api/v1"_s + scope + u"/secrets"_s, ListFormat::TableMetadata, tr("secrets") + where);
    m_pods = add(u"/api/v1"_s + scope + u"/pods"_s, ListFormat::Objects, tr("pods") + where);
    m_deployments = add(u"/apis/apps/v1"_s + scope + u"/deployments"_s, ListFormat::Objects, tr("deployments") + where);
    m_statefulSets =
        add(u"/apis/apps/v1"_s + scope + u"/statefulsets"_s, ListFormat::Objects, tr("stateful sets") + where);
    m_daemonSets = add(u"/apis/apps/v1"_s + scope + u"/daemonsets"_s, ListFormat::Objects, tr("daemon sets") + where);
    m_roleBindings = add(u"/apis/rbac.authorization.k8s.io/v1"_s + scope + u"/rolebindings"_s, ListFormat::Objects,
                         tr("role bindings") + where);
    m_roles =
        add(u"/apis/rbac.authorization.k8s.io/v1"_s + scope + u"/roles"_s, ListFormat::Objects, tr("roles") + where);
    if (m_tokensWanted)
        createTokenInformer(ns);
    if (ns.isEmpty()) {
        // Refused across namespaces: work in one namespace instead.
        connect(m_serviceAccounts, &Informer::failed, this, [this](const ApiError &error) {
            if (error.isForbidden() && !m_namespaced) {
                m_namespaced = true;
                QMetaObject::invokeMethod(
                    this, [this] { setFocusNamespace(m_focus); }, Qt::QueuedConnection);
            }
        });
    }
}

void ClusterSession::createTokenInformer(const QString &ns)
{
    const QString scope = ns.isEmpty() ? QString() : u"/namespaces/"_s + pathSegment(ns);
    const QString where = ns.isEmpty() ? QString() : tr(" in %1").arg(ns);
    m_tokenSecrets = add(u"/api/v1"_s + scope + u"/secrets"_s, ListFormat::TableMetadata, tr("token secrets") + where);
    m_tokenSecrets->setFieldSelector(u"type=kubernetes.io/service-account-token"_s);
}

Informer *ClusterSession::tokenSecrets()
{
    if (m_tokenSecrets)
        return m_tokenSecrets;
    m_tokensWanted = true;
    createTokenInformer(m_namespaced ? focusNamespace() : QString());
    m_tokenSecrets->start();
    return m_tokenSecrets;
}

QList<Informer *> ClusterSession::stateInformers() const
{
    QList<Informer *> informers = m_informers;
    informers.removeOne(m_tokenSecrets);
    return informers;
}

QString ClusterSession::focusNamespace() const
{
    return m_focus.isEmpty() ? m_client->context().ns : m_focus;
}

void ClusterSession::setFocusNamespace(const QString &ns)
{
    const bool changed = ns != m_focus;
    m_focus = ns;
    if (!m_namespaced)
        return;
    const QString target = focusNamespace();
    if (!changed && m_serviceAccounts->collectionPath().contains(u"/namespaces/"_s + pathSegment(target) + u'/'))
        return;
    for (Informer *informer : scopedInformers())
        removeInformer(informer);
    createScopedInformers(target);
    Q_EMIT informersReplaced();
    for (Informer *informer : scopedInformers())
        informer->start();
    updateState();
}

QList<Informer *> ClusterSession::scopedInformers() const
{
    QList<Informer *> informers {m_serviceAccounts, m_secrets,    m_pods,         m_deployments,
                                 m_statefulSets,    m_daemonSets, m_roleBindings, m_roles};
    if (m_tokenSecrets)
        informers.append(m_tokenSecrets);
    return informers;
}

void ClusterSession::removeInformer(Informer *informer)
{
    m_informers.removeOne(informer);
    m_refused.remove(informer);
    if (m_problems.clear(m_names.take(informer)))
        Q_EMIT problemsChanged();
    if (informer == m_tokenSecrets)
        m_tokenSecrets = nullptr;
    informer->stop();
    informer->deleteLater();
}

ClusterSession::~ClusterSession()
{
    // Informers hold jobs of the client: stop them before the client goes.
    for (Informer *informer : std::as_const(m_informers))
        informer->stop();
    qDeleteAll(m_informers);
}

Informer *ClusterSession::add(const QString &path, ListFormat format, const QString &what)
{
    auto *informer = new Informer(m_client.get(), path, format);
    m_informers.append(informer);
    m_names.insert(informer, what);
    connect(informer, &Informer::synced, this, [this, informer] {
        m_refused.remove(informer);
        m_failure.clear();
        Q_EMIT loadingProgress(listsLoaded(), listCount());
        updateState();
    });
    // A list that works again (listed, or its watch back after a cut) ends its part of any problem.
    connect(informer, &Informer::recovered, this, [this, what] {
        if (m_problems.clear(what))
            Q_EMIT problemsChanged();
    });
    connect(informer, &Informer::stateChanged, this, &ClusterSession::updateState);
    connect(informer, &Informer::failed, this, [this, informer, what](const ApiError &error) {
        // A refused list is an answer, not a lost connection: it counts as loaded (empty) and is reported. So is a
        // resource the server does not serve (404 on a list: an API server without apps/v1 daemonsets, say).
        if (error.isForbidden() || error.isUnauthorized() || error.isNotFound()) {
            const bool first = !m_refused.contains(informer);
            m_refused.insert(informer);
            if (first)
                Q_EMIT loadingProgress(listsLoaded(), listCount());
            if (first && informer == m_namespaces)
                Q_EMIT namespacesRefused();
        }
        if (error.kind == ApiError::Kind::Credential || error.kind == ApiError::Kind::Tls || error.isUnauthorized())
            m_failure = error.userMessage();
        Q_EMIT failed(what, error);
        if (m_problems.report(what, error))
            Q_EMIT problemsChanged();
        updateState();
    });
    return informer;
}

void ClusterSession::start()
{
    for (Informer *informer : std::as_const(m_informers))
        informer->start();
    askIdentity();
}

void ClusterSession::askIdentity()
{
    if (m_askingIdentity)
        return;
    m_askingIdentity = true;
    Operation *whoAmI = ops::whoAmI(m_client.get());
    connect(whoAmI, &Operation::finished, this, [this](const OperationResult &result) {
        m_askingIdentity = false;
        if (!result.ok())
            return;
        QStringList groups;
        for (const QJsonValue &group : result.object.value("groups"_L1).toArray()) {
            if (group.toString() != "system:authenticated"_L1)
                groups.append(group.toString());
        }
        m_identity = result.object.value("username"_L1).toString();
        if (!groups.isEmpty())
            m_identity += u" ("_s + groups.join(u", "_s) + u')';
        Q_EMIT identityChanged(m_identity);
    });
}

int ClusterSession::listCount() const
{
    return int(stateInformers().size());
}

int ClusterSession::listsLoaded() const
{
    const QList<Informer *> informers = stateInformers();
    return int(std::count_if(informers.cbegin(), informers.cend(), [this](Informer *informer) {
        return informer->hasSynced() || m_refused.contains(informer);
    }));
}

void ClusterSession::updateState()
{
    const QList<Informer *> informers = stateInformers();
    const bool waiting = std::any_of(informers.cbegin(), informers.cend(), [this](Informer *informer) {
        return informer->state() == Informer::State::Waiting && !m_refused.contains(informer);
    });
    State state = State::Connected;
    if (!m_failure.isEmpty())
        state = State::Failed;
    else if (waiting)
        state = listsLoaded() == 0 ? State::Connecting : State::Reconnecting;
    else if (listsLoaded() < listCount())
        state = State::Connecting;
    if (state == m_state)
        return;
    m_state = state;
    qCInfo(lcSession, "%s", QMetaEnum::fromType<State>().valueToKey(int(state)));
    if (state == State::Connected && m_identity.isEmpty())
        askIdentity();
    Q_EMIT stateChanged(state);
}

} // namespace sa
