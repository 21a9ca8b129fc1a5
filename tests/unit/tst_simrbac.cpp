#include "Rbac.h"
#include "Registry.h"
#include "Seeds.h"
#include "Store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kubesim;

namespace {

const QString kRbacVersion = u"rbac.authorization.k8s.io/v1"_s;

QJsonObject rule(const QStringList &groups, const QStringList &resources, const QStringList &verbs,
                 const QStringList &names = {})
{
    QJsonObject result {{"apiGroups"_L1, QJsonArray::fromStringList(groups)},
                        {"resources"_L1, QJsonArray::fromStringList(resources)},
                        {"verbs"_L1, QJsonArray::fromStringList(verbs)}};
    if (!names.isEmpty())
        result.insert("resourceNames"_L1, QJsonArray::fromStringList(names));
    return result;
}

// QVERIFY2 evaluates its message even when the check passes: a successful result has no failure to quote.
QByteArray failureMessage(const WriteResult &result)
{
    return result.ok() ? QByteArray() : result.failure->status.value("message"_L1).toString().toUtf8();
}

QJsonObject urlRule(const QStringList &urls, const QStringList &verbs)
{
    return {{"nonResourceURLs"_L1, QJsonArray::fromStringList(urls)}, {"verbs"_L1, QJsonArray::fromStringList(verbs)}};
}

QJsonObject metadata(const QString &ns, const QString &name, const QJsonObject &labels = {})
{
    QJsonObject result {{"name"_L1, name}};
    if (!ns.isEmpty())
        result.insert("namespace"_L1, ns);
    if (!labels.isEmpty())
        result.insert("labels"_L1, labels);
    return result;
}

QJsonObject role(const QString &ns, const QString &name, const QJsonArray &rules, const QJsonObject &labels = {})
{
    return {{"apiVersion"_L1, kRbacVersion},
            {"kind"_L1, ns.isEmpty() ? "ClusterRole"_L1 : "Role"_L1},
            {"metadata"_L1, metadata(ns, name, labels)},
            {"rules"_L1, rules}};
}

QJsonObject binding(const QString &ns, const QString &name, const QString &roleKind, const QString &roleName,
                    const QJsonArray &subjects)
{
    return {
        {"apiVersion"_L1, kRbacVersion},
        {"kind"_L1, ns.isEmpty() ? "ClusterRoleBinding"_L1 : "RoleBinding"_L1},
        {"metadata"_L1, metadata(ns, name)},
        {"roleRef"_L1,
         QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, roleKind}, {"name"_L1, roleName}}},
        {"subjects"_L1, subjects}};
}

QJsonObject subject(const QString &kind, const QString &name)
{
    return {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, kind}, {"name"_L1, name}};
}

// An empty namespace is allowed in RoleBindings, where it means the binding's namespace.
QJsonObject saSubject(const QString &ns, const QString &name)
{
    QJsonObject result {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, name}};
    if (!ns.isEmpty())
        result.insert("namespace"_L1, ns);
    return result;
}

QString saUser(const QString &ns, const QString &name)
{
    return u"system:serviceaccount:"_s + ns + u':' + name;
}

// The groups a service account token authenticates with (serviceaccount.MakeGroupNames + system:authenticated).
QStringList saGroups(const QString &ns)
{
    return {u"system:serviceaccounts"_s, u"system:serviceaccounts:"_s + ns, u"system:authenticated"_s};
}

// "/path" for a non-resource request, otherwise kubectl's "resource[.group][/subresource][:name]".
RequestAttributes request(const QString &verb, const QString &target, const QString &ns)
{
    RequestAttributes attributes;
    attributes.verb = verb;
    attributes.ns = ns;
    if (target.startsWith(u'/')) {
        attributes.resourceRequest = false;
        attributes.path = target;
        return attributes;
    }
    QString rest = target;
    if (const qsizetype colon = rest.indexOf(u':'); colon >= 0) {
        attributes.name = rest.mid(colon + 1);
        rest.truncate(colon);
    }
    if (const qsizetype slash = rest.indexOf(u'/'); slash >= 0) {
        attributes.subresource = rest.mid(slash + 1);
        rest.truncate(slash);
    }
    if (const qsizetype dot = rest.indexOf(u'.'); dot >= 0) {
        attributes.apiGroup = rest.mid(dot + 1);
        rest.truncate(dot);
    }
    attributes.resource = rest;
    return attributes;
}

} // namespace

class TestSimRbac : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bootstrapPolicy();
    void bootstrapIsFast();
    void authorize_data();
    void authorize();
    void reason_data();
    void reason();
    void deniedMessage_data();
    void deniedMessage();
    void rulesForServiceAccount();
    void rulesForMasters();
    void rulesForMissingRole();
    void escalation_data();
    void escalation();
    void escalationOnUpdate();

private:
    [[nodiscard]] QJsonObject stored(const QString &plural, const QString &name) const;

    Store m_store {1000};
    Registry m_registry {m_store};
};

QJsonObject TestSimRbac::stored(const QString &plural, const QString &name) const
{
    return m_store.get(*findResource(u"rbac.authorization.k8s.io"_s, u"v1"_s, plural), {}, name)
        .value_or(QJsonObject());
}

void TestSimRbac::initTestCase()
{
    seedBootstrap(m_registry);
    QString error;
    QVERIFY2(loadBootstrapPolicy(m_registry, &error), qPrintable(error));

    const QJsonArray podReading {rule({u""_s}, {u"pods"_s}, {u"get"_s, u"list"_s, u"watch"_s}),
                                 rule({u""_s}, {u"pods/log"_s}, {u"get"_s})};
    const QList<QJsonObject> objects {
        {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Namespace"_L1}, {"metadata"_L1, metadata({}, u"team-a"_s)}},
        {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Namespace"_L1}, {"metadata"_L1, metadata({}, u"team-b"_s)}},
        role(u"team-a"_s, u"pod-reader"_s, podReading),
        binding(u"team-a"_s, u"alice-pods"_s, u"Role"_s, u"pod-reader"_s, {subject(u"User"_s, u"alice"_s)}),
        binding(u"team-a"_s, u"reader-pods"_s, u"Role"_s, u"pod-reader"_s, {saSubject(u"team-a"_s, u"reader"_s)}),
        // Roles are looked up in the binding's namespace: team-b has no pod-reader.
        binding(u"team-b"_s, u"bob-pods"_s, u"Role"_s, u"pod-reader"_s, {subject(u"User"_s, u"bob"_s)}),
        binding(u"team-a"_s, u"ci-view"_s, u"ClusterRole"_s, u"view"_s, {saSubject(u"team-a"_s, u"ci"_s)}),
        binding(u"team-a"_s, u"deployer-edit"_s, u"ClusterRole"_s, u"edit"_s, {saSubject({}, u"deployer"_s)}),
        binding(u"team-a"_s, u"lead-admin"_s, u"ClusterRole"_s, u"admin"_s, {subject(u"User"_s, u"lead"_s)}),
        binding(u"team-b"_s, u"team-a-view"_s, u"ClusterRole"_s, u"view"_s,
                {subject(u"Group"_s, u"system:serviceaccounts:team-a"_s)}),
        role(u"team-b"_s, u"configmap-reader"_s, {rule({u""_s}, {u"configmaps"_s}, {u"get"_s})}),
        binding(u"team-b"_s, u"everyone-configmaps"_s, u"Role"_s, u"configmap-reader"_s,
                {subject(u"Group"_s, u"system:authenticated"_s)}),
        role(u"team-a"_s, u"one-secret"_s, {rule({u""_s}, {u"secrets"_s}, {u"get"_s, u"list"_s}, {u"app-config"_s})}),
        binding(u"team-a"_s, u"carol-secret"_s, u"Role"_s, u"one-secret"_s, {subject(u"User"_s, u"carol"_s)}),
        role({}, u"jobs-everywhere"_s, {rule({u"*"_s}, {u"jobs"_s}, {u"*"_s})}),
        binding({}, u"ops-jobs"_s, u"ClusterRole"_s, u"jobs-everywhere"_s, {subject(u"Group"_s, u"ops"_s)}),
        role({}, u"apps-reader"_s, {rule({u"apps"_s}, {u"*"_s}, {u"get"_s})}),
        binding({}, u"dave-apps"_s, u"ClusterRole"_s, u"apps-reader"_s, {subject(u"User"_s, u"dave"_s)}),
        role({}, u"scaler"_s, {rule({u"*"_s}, {u"*/scale"_s}, {u"get"_s, u"update"_s})}),
        binding({}, u"eve-scaler"_s, u"ClusterRole"_s, u"scaler"_s, {subject(u"User"_s, u"eve"_s)}),
        role({}, u"pod-subresources"_s, {rule({u""_s}, {u"pods/*"_s}, {u"get"_s})}),
        binding({}, u"frank-pods"_s, u"ClusterRole"_s, u"pod-subresources"_s, {subject(u"User"_s, u"frank"_s)}),
        role({}, u"urls"_s, {urlRule({u"/apis/*"_s, u"/logs"_s}, {u"get"_s})}),
        binding({}, u"grace-urls"_s, u"ClusterRole"_s, u"urls"_s, {subject(u"User"_s, u"grace"_s)}),
        binding({}, u"henry-missing"_s, u"ClusterRole"_s, u"does-not-exist"_s, {subject(u"User"_s, u"henry"_s)}),
        binding({}, u"ghosts-missing"_s, u"ClusterRole"_s, u"also-missing"_s, {subject(u"Group"_s, u"ghosts"_s)}),
        role({}, u"node-reader"_s, {rule({u""_s}, {u"nodes"_s}, {u"list"_s})}),
        // Escalation prevention: ivan may escalate roles in team-a, judy may bind cluster-admin anywhere and
        // any ClusterRole in team-b.
        role(u"team-a"_s, u"role-escalator"_s, {rule({u"rbac.authorization.k8s.io"_s}, {u"roles"_s}, {u"escalate"_s})}),
        binding(u"team-a"_s, u"ivan-escalates"_s, u"Role"_s, u"role-escalator"_s, {subject(u"User"_s, u"ivan"_s)}),
        role({}, u"cluster-admin-binder"_s,
             {rule({u"rbac.authorization.k8s.io"_s}, {u"clusterroles"_s}, {u"bind"_s}, {u"cluster-admin"_s})}),
        binding({}, u"judy-binds"_s, u"ClusterRole"_s, u"cluster-admin-binder"_s, {subject(u"User"_s, u"judy"_s)}),
        role({}, u"any-binder"_s, {rule({u"rbac.authorization.k8s.io"_s}, {u"clusterroles"_s}, {u"bind"_s})}),
        binding(u"team-b"_s, u"judy-binds-any"_s, u"ClusterRole"_s, u"any-binder"_s, {subject(u"User"_s, u"judy"_s)}),
        binding({}, u"monitor-nodes"_s, u"ClusterRole"_s, u"node-reader"_s, {saSubject(u"team-b"_s, u"monitor"_s)}),
        // Created after the bootstrap aggregation ran: only the authorizer's own aggregation sees it.
        role({}, u"widgets-view"_s, {rule({u"example.com"_s}, {u"widgets"_s}, {u"get"_s, u"list"_s})},
             {{"rbac.authorization.k8s.io/aggregate-to-view"_L1, "true"_L1}}),
    };
    for (const QJsonObject &object : objects) {
        const WriteResult result = m_registry.apply(object);
        QVERIFY2(result.ok(), failureMessage(result).constData());
    }
}

void TestSimRbac::bootstrapPolicy()
{
    const QJsonObject issuerDiscovery = stored(u"clusterrolebindings"_s, u"system:service-account-issuer-discovery"_s);
    QCOMPARE(issuerDiscovery.value("subjects"_L1).toArray(),
             QJsonArray {subject(u"Group"_s, u"system:serviceaccounts"_s)});
    QVERIFY(!stored(u"clusterrolebindings"_s, u"system:monitoring"_s).isEmpty());

    // kubectl get clusterrole view -o yaml shows the aggregated rules, as the aggregation controller writes them.
    const QJsonArray view = stored(u"clusterroles"_s, u"view"_s).value("rules"_L1).toArray();
    QCOMPARE(view, stored(u"clusterroles"_s, u"system:aggregate-to-view"_s).value("rules"_L1).toArray());
    const QJsonArray edit = stored(u"clusterroles"_s, u"edit"_s).value("rules"_L1).toArray();
    QVERIFY(edit.contains(rule({u""_s}, {u"serviceaccounts/token"_s}, {u"create"_s})));
    QVERIFY(edit.contains(view.first()));
    const QJsonArray admin = stored(u"clusterroles"_s, u"admin"_s).value("rules"_L1).toArray();
    QVERIFY(admin.contains(view.first()));
    QVERIFY(admin.contains(rule({u"authorization.k8s.io"_s}, {u"localsubjectaccessreviews"_s}, {u"create"_s})));

    const Store::Objects roles = m_store.objects(*findResource(u"rbac.authorization.k8s.io"_s, u"v1"_s, u"roles"_s));
    const QJsonArray leaderLocking =
        roles.value(u"kube-system/system::leader-locking-kube-scheduler"_s).value("rules"_L1).toArray();
    QVERIFY(leaderLocking.contains(rule({u""_s}, {u"configmaps"_s}, {u"get"_s, u"update"_s}, {u"kube-scheduler"_s})));
}

void TestSimRbac::bootstrapIsFast()
{
    Store store(1000);
    Registry registry(store);
    seedBootstrap(registry);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(loadBootstrapPolicy(registry, &error), qPrintable(error));
    const qint64 elapsed = timer.elapsed();
    qInfo("bootstrap policy loaded in %lld ms", elapsed);
    // The budget is 50 ms in a release build; leave room for debug builds, and three times that under
    // AddressSanitizer (the sanitizer build scales every time limit so).
    qint64 budget = 500;
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
    budget *= 3;
#endif
#endif
    QVERIFY2(elapsed < budget, qPrintable(QString::number(elapsed)));
}

void TestSimRbac::authorize_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<bool>("allowed");

    const QStringList masters {u"system:masters"_s, u"system:authenticated"_s};
    const QStringList authenticated {u"system:authenticated"_s};
    const QString defaultSa = saUser(u"team-a"_s, u"default"_s);
    const QStringList teamA = saGroups(u"team-a"_s);

    QTest::newRow("masters delete secrets")
        << u"admin"_s << masters << u"delete"_s << u"secrets"_s << u"kube-system"_s << true;
    QTest::newRow("masters post any path") << u"admin"_s << masters << u"post"_s << u"/anything"_s << QString() << true;
    QTest::newRow("masters impersonate") << u"admin"_s << QStringList {u"system:masters"_s} << u"impersonate"_s
                                         << u"users"_s << QString() << true;

    QTest::newRow("sa list secrets") << defaultSa << teamA << u"list"_s << u"secrets"_s << u"team-a"_s << false;
    QTest::newRow("sa get serviceaccounts")
        << defaultSa << teamA << u"get"_s << u"serviceaccounts:default"_s << u"team-a"_s << false;
    QTest::newRow("sa list namespaces") << defaultSa << teamA << u"list"_s << u"namespaces"_s << QString() << false;
    QTest::newRow("sa get /version") << defaultSa << teamA << u"get"_s << u"/version"_s << QString() << true;
    QTest::newRow("sa get /healthz") << defaultSa << teamA << u"get"_s << u"/healthz"_s << QString() << true;
    QTest::newRow("sa get /api") << defaultSa << teamA << u"get"_s << u"/api"_s << QString() << true;
    QTest::newRow("sa get /apis/apps/v1") << defaultSa << teamA << u"get"_s << u"/apis/apps/v1"_s << QString() << true;
    QTest::newRow("sa get issuer discovery")
        << defaultSa << teamA << u"get"_s << u"/.well-known/openid-configuration"_s << QString() << true;
    QTest::newRow("sa get /metrics") << defaultSa << teamA << u"get"_s << u"/metrics"_s << QString() << false;
    QTest::newRow("sa post /api") << defaultSa << teamA << u"post"_s << u"/api"_s << QString() << false;
    QTest::newRow("sa create ssar") << defaultSa << teamA << u"create"_s
                                    << u"selfsubjectaccessreviews.authorization.k8s.io"_s << QString() << true;
    QTest::newRow("sa create ssrr") << defaultSa << teamA << u"create"_s
                                    << u"selfsubjectrulesreviews.authorization.k8s.io"_s << QString() << true;
    QTest::newRow("sa create selfsubjectreviews")
        << defaultSa << teamA << u"create"_s << u"selfsubjectreviews.authentication.k8s.io"_s << QString() << true;
    QTest::newRow("sa create sar") << defaultSa << teamA << u"create"_s
                                   << u"subjectaccessreviews.authorization.k8s.io"_s << QString() << false;
    QTest::newRow("sa without groups get /version")
        << defaultSa << QStringList() << u"get"_s << u"/version"_s << QString() << false;

    QTest::newRow("anonymous get /version") << u"system:anonymous"_s << QStringList {u"system:unauthenticated"_s}
                                            << u"get"_s << u"/version"_s << QString() << true;
    QTest::newRow("anonymous get /api") << u"system:anonymous"_s << QStringList {u"system:unauthenticated"_s}
                                        << u"get"_s << u"/api"_s << QString() << false;
    QTest::newRow("anonymous get issuer discovery")
        << u"system:anonymous"_s << QStringList {u"system:unauthenticated"_s} << u"get"_s << u"/openid/v1/jwks"_s
        << QString() << false;

    QTest::newRow("role list pods") << u"alice"_s << authenticated << u"list"_s << u"pods"_s << u"team-a"_s << true;
    QTest::newRow("role get pods/log") << u"alice"_s << authenticated << u"get"_s << u"pods/log:web"_s << u"team-a"_s
                                       << true;
    QTest::newRow("role get pods/exec") << u"alice"_s << authenticated << u"get"_s << u"pods/exec:web"_s << u"team-a"_s
                                        << false;
    QTest::newRow("role delete pods") << u"alice"_s << authenticated << u"delete"_s << u"pods:web"_s << u"team-a"_s
                                      << false;
    QTest::newRow("role other namespace")
        << u"alice"_s << authenticated << u"list"_s << u"pods"_s << u"team-b"_s << false;
    QTest::newRow("role all namespaces") << u"alice"_s << authenticated << u"list"_s << u"pods"_s << QString() << false;
    QTest::newRow("role of another namespace")
        << u"bob"_s << authenticated << u"list"_s << u"pods"_s << u"team-b"_s << false;
    QTest::newRow("user subject is exact")
        << u"Alice"_s << authenticated << u"list"_s << u"pods"_s << u"team-a"_s << false;

    const QString ci = saUser(u"team-a"_s, u"ci"_s);
    QTest::newRow("view list pods") << ci << teamA << u"list"_s << u"pods"_s << u"team-a"_s << true;
    QTest::newRow("view get pods/log") << ci << teamA << u"get"_s << u"pods/log:web"_s << u"team-a"_s << true;
    QTest::newRow("view list deployments") << ci << teamA << u"list"_s << u"deployments.apps"_s << u"team-a"_s << true;
    QTest::newRow("view list secrets") << ci << teamA << u"list"_s << u"secrets"_s << u"team-a"_s << false;
    QTest::newRow("view create pods") << ci << teamA << u"create"_s << u"pods"_s << u"team-a"_s << false;
    QTest::newRow("view create token") << ci << teamA << u"create"_s << u"serviceaccounts/token:ci"_s << u"team-a"_s
                                       << false;
    QTest::newRow("view aggregated later")
        << ci << teamA << u"list"_s << u"widgets.example.com"_s << u"team-a"_s << true;
    QTest::newRow("view wrong group") << ci << teamA << u"list"_s << u"widgets"_s << u"team-a"_s << false;

    const QString deployer = saUser(u"team-a"_s, u"deployer"_s);
    QTest::newRow("edit create token") << deployer << teamA << u"create"_s << u"serviceaccounts/token:ci"_s
                                       << u"team-a"_s << true;
    QTest::newRow("edit get secrets") << deployer << teamA << u"get"_s << u"secrets:db"_s << u"team-a"_s << true;
    QTest::newRow("edit create pods/eviction")
        << deployer << teamA << u"create"_s << u"pods/eviction:web"_s << u"team-a"_s << true;
    QTest::newRow("edit patch deployments")
        << deployer << teamA << u"patch"_s << u"deployments.apps:web"_s << u"team-a"_s << true;
    QTest::newRow("edit list pods via view") << deployer << teamA << u"list"_s << u"pods"_s << u"team-a"_s << true;
    QTest::newRow("edit create endpoints")
        << deployer << teamA << u"create"_s << u"endpoints"_s << u"team-a"_s << false;
    QTest::newRow("edit create roles") << deployer << teamA << u"create"_s << u"roles.rbac.authorization.k8s.io"_s
                                       << u"team-a"_s << false;
    QTest::newRow("empty sa namespace is the binding's") << saUser(u"team-b"_s, u"deployer"_s) << saGroups(u"team-b"_s)
                                                         << u"get"_s << u"secrets:db"_s << u"team-a"_s << false;

    QTest::newRow("admin create rolebindings") << u"lead"_s << authenticated << u"create"_s
                                               << u"rolebindings.rbac.authorization.k8s.io"_s << u"team-a"_s << true;
    QTest::newRow("admin create token") << u"lead"_s << authenticated << u"create"_s << u"serviceaccounts/token:ci"_s
                                        << u"team-a"_s << true;
    QTest::newRow("admin list pods") << u"lead"_s << authenticated << u"list"_s << u"pods"_s << u"team-a"_s << true;
    QTest::newRow("admin list nodes") << u"lead"_s << authenticated << u"list"_s << u"nodes"_s << QString() << false;

    QTest::newRow("resourceNames get") << u"carol"_s << authenticated << u"get"_s << u"secrets:app-config"_s
                                       << u"team-a"_s << true;
    QTest::newRow("resourceNames other name")
        << u"carol"_s << authenticated << u"get"_s << u"secrets:db"_s << u"team-a"_s << false;
    QTest::newRow("resourceNames list") << u"carol"_s << authenticated << u"list"_s << u"secrets"_s << u"team-a"_s
                                        << false;

    const QStringList ops {u"ops"_s, u"system:authenticated"_s};
    QTest::newRow("star verbs") << u"olga"_s << ops << u"deletecollection"_s << u"jobs.batch"_s << u"team-b"_s << true;
    QTest::newRow("star groups") << u"olga"_s << ops << u"get"_s << u"jobs.example.com"_s << u"team-b"_s << true;
    QTest::newRow("star cluster-wide") << u"olga"_s << ops << u"list"_s << u"jobs.batch"_s << QString() << true;
    QTest::newRow("star other resource") << u"olga"_s << ops << u"delete"_s << u"pods"_s << u"team-b"_s << false;
    QTest::newRow("star job subresource")
        << u"olga"_s << ops << u"get"_s << u"jobs.batch/status"_s << u"team-b"_s << false;

    QTest::newRow("star resources subresource")
        << u"dave"_s << QStringList() << u"get"_s << u"deployments.apps/scale:web"_s << u"team-a"_s << true;
    QTest::newRow("star resources other group")
        << u"dave"_s << QStringList() << u"get"_s << u"pods"_s << u"team-a"_s << false;
    QTest::newRow("star/scale") << u"eve"_s << QStringList() << u"update"_s << u"deployments.apps/scale:web"_s
                                << u"team-a"_s << true;
    QTest::newRow("star/scale not the resource")
        << u"eve"_s << QStringList() << u"update"_s << u"deployments.apps:web"_s << u"team-a"_s << false;
    QTest::newRow("star/scale not status")
        << u"eve"_s << QStringList() << u"get"_s << u"deployments.apps/status"_s << u"team-a"_s << false;
    QTest::newRow("pods/star is no wildcard")
        << u"frank"_s << QStringList() << u"get"_s << u"pods/log:web"_s << u"team-a"_s << false;

    QTest::newRow("url prefix") << u"grace"_s << QStringList() << u"get"_s << u"/apis/apps/v1"_s << QString() << true;
    QTest::newRow("url prefix needs the slash")
        << u"grace"_s << QStringList() << u"get"_s << u"/apis"_s << QString() << false;
    QTest::newRow("url exact") << u"grace"_s << QStringList() << u"get"_s << u"/logs"_s << QString() << true;
    QTest::newRow("url exact only") << u"grace"_s << QStringList() << u"get"_s << u"/logs/kube"_s << QString() << false;
    QTest::newRow("url verb") << u"grace"_s << QStringList() << u"post"_s << u"/logs"_s << QString() << false;
    QTest::newRow("url rules are not resources")
        << u"grace"_s << QStringList() << u"get"_s << u"pods"_s << u"team-a"_s << false;

    QTest::newRow("missing role grants nothing")
        << u"henry"_s << QStringList() << u"get"_s << u"pods"_s << u"team-a"_s << false;

    QTest::newRow("sa subject in clusterrolebinding")
        << saUser(u"team-b"_s, u"monitor"_s) << saGroups(u"team-b"_s) << u"list"_s << u"nodes"_s << QString() << true;
    QTest::newRow("sa subject other namespace")
        << saUser(u"team-a"_s, u"monitor"_s) << teamA << u"list"_s << u"nodes"_s << QString() << false;

    QTest::newRow("group serviceaccounts:ns") << defaultSa << teamA << u"list"_s << u"pods"_s << u"team-b"_s << true;
    QTest::newRow("group serviceaccounts:ns other sa ns")
        << saUser(u"team-b"_s, u"default"_s) << saGroups(u"team-b"_s) << u"list"_s << u"pods"_s << u"team-b"_s << false;
    QTest::newRow("group authenticated") << u"zoe"_s << authenticated << u"get"_s << u"configmaps:x"_s << u"team-b"_s
                                         << true;
    QTest::newRow("group authenticated missing")
        << u"zoe"_s << QStringList() << u"get"_s << u"configmaps:x"_s << u"team-b"_s << false;
}

void TestSimRbac::authorize()
{
    QFETCH(QString, user);
    QFETCH(QStringList, groups);
    QFETCH(QString, verb);
    QFETCH(QString, target);
    QFETCH(QString, ns);
    QFETCH(bool, allowed);

    const Authorizer authorizer(m_store);
    const Decision decision = authorizer.authorize({user, {}, groups, {}}, request(verb, target, ns));
    QCOMPARE(decision.allowed, allowed);
}

void TestSimRbac::reason_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("reason");

    QTest::newRow("masters") << u"admin"_s << QStringList {u"system:masters"_s} << u"get"_s << u"pods"_s << u"team-a"_s
                             << QString();
    QTest::newRow("clusterrolebinding") << saUser(u"team-a"_s, u"default"_s) << saGroups(u"team-a"_s) << u"create"_s
                                        << u"selfsubjectaccessreviews.authorization.k8s.io"_s << QString()
                                        << u"RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole "
                                           "\"system:basic-user\" to Group \"system:authenticated\""_s;
    QTest::newRow("rolebinding") << saUser(u"team-a"_s, u"ci"_s) << saGroups(u"team-a"_s) << u"list"_s << u"pods"_s
                                 << u"team-a"_s
                                 << u"RBAC: allowed by RoleBinding \"ci-view/team-a\" of ClusterRole \"view\" to "
                                    "ServiceAccount \"ci/team-a\""_s;
    QTest::newRow("sa subject without namespace")
        << saUser(u"team-a"_s, u"deployer"_s) << QStringList() << u"get"_s << u"secrets:db"_s << u"team-a"_s
        << u"RBAC: allowed by RoleBinding \"deployer-edit/team-a\" of ClusterRole \"edit\" to ServiceAccount "
           "\"deployer/team-a\""_s;
    QTest::newRow("denied") << u"alice"_s << QStringList() << u"list"_s << u"secrets"_s << u"team-a"_s << QString();
    QTest::newRow("missing clusterrole")
        << u"henry"_s << QStringList() << u"get"_s << u"pods"_s << u"team-a"_s
        << u"RBAC: clusterrole.rbac.authorization.k8s.io \"does-not-exist\" not found"_s;
    QTest::newRow("missing role") << u"bob"_s << QStringList() << u"list"_s << u"pods"_s << u"team-b"_s
                                  << u"RBAC: role.rbac.authorization.k8s.io \"pod-reader\" not found"_s;
    QTest::newRow("missing roles") << u"bob"_s << QStringList {u"ghosts"_s} << u"list"_s << u"pods"_s << u"team-b"_s
                                   << u"RBAC: [clusterrole.rbac.authorization.k8s.io \"also-missing\" not found, "
                                      "role.rbac.authorization.k8s.io \"pod-reader\" not found]"_s;
}

void TestSimRbac::reason()
{
    QFETCH(QString, user);
    QFETCH(QStringList, groups);
    QFETCH(QString, verb);
    QFETCH(QString, target);
    QFETCH(QString, ns);
    QFETCH(QString, reason);

    const Authorizer authorizer(m_store);
    QCOMPARE(authorizer.authorize({user, {}, groups, {}}, request(verb, target, ns)).reason, reason);
}

void TestSimRbac::deniedMessage_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");

    const QString sa = saUser(u"team-a"_s, u"default"_s);
    QTest::newRow("namespaced") << sa << u"list"_s << u"secrets"_s << u"team-a"_s << QString()
                                << u"User \"system:serviceaccount:team-a:default\" cannot list resource \"secrets\" in "
                                   "API group \"\" in the namespace \"team-a\""_s;
    QTest::newRow("cluster scope")
        << sa << u"list"_s << u"nodes"_s << QString() << QString()
        << u"User \"system:serviceaccount:team-a:default\" cannot list resource \"nodes\" in "
           "API group \"\" at the cluster scope"_s;
    QTest::newRow("subresource")
        << u"alice"_s << u"create"_s << u"serviceaccounts/token:ci"_s << u"team-a"_s << QString()
        << u"User \"alice\" cannot create resource \"serviceaccounts/token\" in API group \"\" "
           "in the namespace \"team-a\""_s;
    QTest::newRow("group")
        << u"alice"_s << u"patch"_s << u"deployments.apps/scale:web"_s << u"team-a"_s << QString()
        << u"User \"alice\" cannot patch resource \"deployments/scale\" in API group \"apps\" in the "
           "namespace \"team-a\""_s;
    QTest::newRow("non-resource") << u"alice"_s << u"get"_s << u"/foo"_s << QString() << QString()
                                  << u"User \"alice\" cannot get path \"/foo\""_s;
    QTest::newRow("with reason") << u"bob"_s << u"list"_s << u"pods"_s << u"team-b"_s
                                 << u"RBAC: role.rbac.authorization.k8s.io \"pod-reader\" not found"_s
                                 << u"User \"bob\" cannot list resource \"pods\" in API group \"\" in the namespace "
                                    "\"team-b\": RBAC: role.rbac.authorization.k8s.io \"pod-reader\" not found"_s;
    QTest::newRow("html escaped") << u"<b>"_s << u"get"_s << u"/a&b"_s << QString() << u"<i>"_s
                                  << u"User \"&lt;b&gt;\" cannot get path \"/a&amp;b\": <i>"_s;
    QTest::newRow("quoted") << u"say \"hi\""_s << u"get"_s << u"/"_s << QString() << QString()
                            << u"User \"say \\\"hi\\\"\" cannot get path \"/\""_s;
}

void TestSimRbac::deniedMessage()
{
    QFETCH(QString, user);
    QFETCH(QString, verb);
    QFETCH(QString, target);
    QFETCH(QString, ns);
    QFETCH(QString, reason);
    QFETCH(QString, message);

    QCOMPARE(Authorizer::deniedMessage({user, {}, {}, {}}, request(verb, target, ns), reason), message);
}

void TestSimRbac::rulesForServiceAccount()
{
    const Authorizer authorizer(m_store);
    const Authorizer::Rules rules =
        authorizer.rulesFor({saUser(u"team-a"_s, u"reader"_s), {}, saGroups(u"team-a"_s), {}}, u"team-a"_s);

    // ClusterRoleBindings in name order, then the namespace's RoleBindings.
    const QJsonArray resourceRules {
        rule({u"authorization.k8s.io"_s}, {u"selfsubjectaccessreviews"_s, u"selfsubjectrulesreviews"_s}, {u"create"_s}),
        rule({u"authentication.k8s.io"_s}, {u"selfsubjectreviews"_s}, {u"create"_s}),
        rule({u""_s}, {u"pods"_s}, {u"get"_s, u"list"_s, u"watch"_s}),
        rule({u""_s}, {u"pods/log"_s}, {u"get"_s}),
    };
    QCOMPARE(rules.resourceRules, resourceRules);
    const QJsonArray nonResourceRules {
        urlRule({u"/api"_s, u"/api/*"_s, u"/apis"_s, u"/apis/*"_s, u"/healthz"_s, u"/livez"_s, u"/openapi"_s,
                 u"/openapi/*"_s, u"/readyz"_s, u"/version"_s, u"/version/"_s},
                {u"get"_s}),
        urlRule({u"/healthz"_s, u"/livez"_s, u"/readyz"_s, u"/version"_s, u"/version/"_s}, {u"get"_s}),
        urlRule({u"/.well-known/openid-configuration"_s, u"/openid/v1/jwks"_s}, {u"get"_s}),
    };
    QCOMPARE(rules.nonResourceRules, nonResourceRules);
    QVERIFY(!rules.incomplete);
    QCOMPARE(rules.evaluationError, QString());
}

void TestSimRbac::rulesForMasters()
{
    const Authorizer authorizer(m_store);
    const Authorizer::Rules rules =
        authorizer.rulesFor({u"admin"_s, {}, {u"system:masters"_s, u"system:authenticated"_s}, {}}, u"team-a"_s);

    // A real cluster-admin sees the cluster-admin ClusterRole's rules first ("*.*" in kubectl auth can-i --list).
    QVERIFY(!rules.resourceRules.isEmpty() && !rules.nonResourceRules.isEmpty());
    QCOMPARE(rules.resourceRules.first().toObject(), rule({u"*"_s}, {u"*"_s}, {u"*"_s}));
    QCOMPARE(rules.nonResourceRules.first().toObject(), urlRule({u"*"_s}, {u"*"_s}));
}

void TestSimRbac::rulesForMissingRole()
{
    const Authorizer authorizer(m_store);
    const Authorizer::Rules rules = authorizer.rulesFor({u"henry"_s, {}, {}, {}}, u"team-a"_s);
    QVERIFY(rules.resourceRules.isEmpty());
    QCOMPARE(rules.evaluationError, u"clusterrole.rbac.authorization.k8s.io \"does-not-exist\" not found"_s);
}

void TestSimRbac::escalation_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<int>("code"); // 201 when allowed
    QTest::addColumn<QString>("message");

    const QStringList authenticated {u"system:authenticated"_s};
    const QString aliceMissing = u"user \"alice\" (groups=[\"system:authenticated\"]) is attempting to grant RBAC "
                                 "permissions not currently held:\n"_s;
    const QJsonArray podGet {rule({u""_s}, {u"pods"_s}, {u"get"_s})};
    const auto user = [](const QString &name) { return QJsonArray {subject(u"User"_s, name)}; };

    // Roles: covered by the rules held in the role's namespace, or `escalate`.
    QTest::newRow("role covered") << u"alice"_s << authenticated << role(u"team-a"_s, u"r"_s, podGet) << 201
                                  << QString();
    QTest::newRow("role subresource covered")
        << u"alice"_s << authenticated << role(u"team-a"_s, u"r"_s, {rule({u""_s}, {u"pods/log"_s}, {u"get"_s})}) << 201
        << QString();
    QTest::newRow("role not covered") << u"alice"_s << authenticated
                                      << role(u"team-a"_s, u"r"_s,
                                              {rule({u""_s}, {u"pods"_s}, {u"get"_s, u"delete"_s})})
                                      << 403
                                      << u"roles.rbac.authorization.k8s.io \"r\" is forbidden: "_s + aliceMissing
            + u"{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\"]}"_s;
    QTest::newRow("role in another namespace")
        << u"alice"_s << authenticated << role(u"team-b"_s, u"r"_s, podGet) << 403
        << u"roles.rbac.authorization.k8s.io \"r\" is forbidden: "_s + aliceMissing
            + u"{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}"_s;
    // The missing rules are broken down, compacted by resource and sorted.
    QTest::newRow("missing rules compacted")
        << u"alice"_s << authenticated
        << role(u"team-a"_s, u"r"_s,
                {rule({u""_s}, {u"secrets"_s, u"pods"_s}, {u"get"_s, u"delete"_s, u"create"_s}),
                 rule({u"apps"_s}, {u"deployments"_s}, {u"list"_s}, {u"web"_s, u"api"_s})})
        << 403
        << u"roles.rbac.authorization.k8s.io \"r\" is forbidden: "_s + aliceMissing
            + u"{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\" \"create\"]}\n"
              "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"delete\" \"create\"]}\n"
              "{APIGroups:[\"apps\"], Resources:[\"deployments\"], ResourceNames:[\"api\"], Verbs:[\"list\"]}\n"
              "{APIGroups:[\"apps\"], Resources:[\"deployments\"], ResourceNames:[\"web\"], Verbs:[\"list\"]}"_s;
    QTest::newRow("resource name covered")
        << u"carol"_s << QStringList()
        << role(u"team-a"_s, u"r"_s, {rule({u""_s}, {u"secrets"_s}, {u"get"_s}, {u"app-config"_s})}) << 201
        << QString();
    QTest::newRow("named rule does not cover all names")
        << u"carol"_s << QStringList() << role(u"team-a"_s, u"r"_s, {rule({u""_s}, {u"secrets"_s}, {u"list"_s})}) << 403
        << u"roles.rbac.authorization.k8s.io \"r\" is forbidden: user \"carol\" (groups=[]) is attempting to grant "
           "RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"list\"]}"_s;
    QTest::newRow("star slash subresource covers")
        << u"eve"_s << QStringList() << role({}, u"cr"_s, {rule({u"apps"_s}, {u"deployments/scale"_s}, {u"update"_s})})
        << 201 << QString();
    QTest::newRow("star slash subresource does not cover the resource")
        << u"eve"_s << QStringList() << role({}, u"cr"_s, {rule({u"apps"_s}, {u"deployments"_s}, {u"get"_s})}) << 403
        << u"clusterroles.rbac.authorization.k8s.io \"cr\" is forbidden: user \"eve\" (groups=[]) is attempting to "
           "grant RBAC permissions not currently held:\n"
           "{APIGroups:[\"apps\"], Resources:[\"deployments\"], Verbs:[\"get\"]}"_s;
    QTest::newRow("non-resource URL covered")
        << u"grace"_s << QStringList() << role({}, u"cr"_s, {urlRule({u"/apis/apps"_s}, {u"get"_s})}) << 201
        << QString();
    QTest::newRow("non-resource URL not covered")
        << u"grace"_s << QStringList() << role({}, u"cr"_s, {urlRule({u"/healthz"_s, u"/logs"_s}, {u"get"_s})}) << 403
        << u"clusterroles.rbac.authorization.k8s.io \"cr\" is forbidden: user \"grace\" (groups=[]) is attempting "
           "to grant RBAC permissions not currently held:\n{NonResourceURLs:[\"/healthz\"], Verbs:[\"get\"]}"_s;
    // A RoleBinding's rules count for Roles in its namespace only, never for ClusterRoles.
    QTest::newRow("cluster role needs cluster-wide rules")
        << u"alice"_s << authenticated << role({}, u"cr"_s, podGet) << 403
        << u"clusterroles.rbac.authorization.k8s.io \"cr\" is forbidden: "_s + aliceMissing
            + u"{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}"_s;
    QTest::newRow("resolution errors")
        << u"henry"_s << QStringList() << role({}, u"cr"_s, podGet) << 403
        << u"clusterroles.rbac.authorization.k8s.io \"cr\" is forbidden: user \"henry\" (groups=[]) is attempting "
           "to grant RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}; "
           "resolution errors: [clusterroles.rbac.authorization.k8s.io \"does-not-exist\" not found]"_s;
    QTest::newRow("escalate") << u"ivan"_s << QStringList()
                              << role(u"team-a"_s, u"r"_s, {rule({u"*"_s}, {u"*"_s}, {u"*"_s})}) << 201 << QString();
    QTest::newRow("escalate is per namespace")
        << u"ivan"_s << QStringList() << role(u"team-b"_s, u"r"_s, podGet) << 403
        << u"roles.rbac.authorization.k8s.io \"r\" is forbidden: user \"ivan\" (groups=[]) is attempting to grant "
           "RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}"_s;
    QJsonObject aggregated = role({}, u"agg"_s, {});
    aggregated.insert("aggregationRule"_L1,
                      QJsonObject {{"clusterRoleSelectors"_L1,
                                    QJsonArray {QJsonObject {{"matchLabels"_L1, QJsonObject {{"a"_L1, "b"_L1}}}}}}});
    QTest::newRow("aggregation rule needs cluster-admin")
        << u"eve"_s << QStringList() << aggregated << 403
        << u"clusterroles.rbac.authorization.k8s.io \"agg\" is forbidden: must have cluster-admin privileges to use "
           "the aggregationRule"_s;
    QTest::newRow("masters") << u"root"_s << QStringList {u"system:masters"_s} << aggregated << 201 << QString();

    // Bindings: `bind` on the role, or holding all of its rules in the binding's namespace.
    QTest::newRow("binding covered") << u"alice"_s << authenticated
                                     << binding(u"team-a"_s, u"b"_s, u"Role"_s, u"pod-reader"_s, user(u"x"_s)) << 201
                                     << QString();
    QTest::newRow("binding to cluster-admin")
        << u"alice"_s << authenticated
        << binding(u"team-a"_s, u"b"_s, u"ClusterRole"_s, u"cluster-admin"_s, user(u"x"_s)) << 403
        << u"rolebindings.rbac.authorization.k8s.io \"b\" is forbidden: "_s + aliceMissing
            + u"{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}\n{NonResourceURLs:[\"*\"], Verbs:[\"*\"]}"_s;
    QTest::newRow("bind by name") << u"judy"_s << QStringList()
                                  << binding(u"team-a"_s, u"b"_s, u"ClusterRole"_s, u"cluster-admin"_s, user(u"x"_s))
                                  << 201 << QString();
    QTest::newRow("bind cluster-wide") << u"judy"_s << QStringList()
                                       << binding({}, u"b"_s, u"ClusterRole"_s, u"cluster-admin"_s, user(u"x"_s)) << 201
                                       << QString();
    QTest::newRow("bind names one role")
        << u"judy"_s << QStringList() << binding({}, u"b"_s, u"ClusterRole"_s, u"node-reader"_s, user(u"x"_s)) << 403
        << u"clusterrolebindings.rbac.authorization.k8s.io \"b\" is forbidden: user \"judy\" (groups=[]) is "
           "attempting to grant RBAC permissions not currently held:\n"
           "{APIGroups:[\"\"], Resources:[\"nodes\"], Verbs:[\"list\"]}"_s;
    QTest::newRow("bind in one namespace")
        << u"judy"_s << QStringList() << binding(u"team-b"_s, u"b"_s, u"ClusterRole"_s, u"missing"_s, user(u"x"_s))
        << 201 << QString();
    QTest::newRow("missing role") << u"alice"_s << authenticated
                                  << binding(u"team-a"_s, u"b"_s, u"Role"_s, u"missing"_s, user(u"x"_s)) << 404
                                  << u"roles.rbac.authorization.k8s.io \"missing\" not found"_s;
    QTest::newRow("missing cluster role")
        << u"judy"_s << QStringList() << binding({}, u"b"_s, u"ClusterRole"_s, u"missing"_s, user(u"x"_s)) << 404
        << u"clusterroles.rbac.authorization.k8s.io \"missing\" not found"_s;
    QTest::newRow("unsupported role kind")
        << u"alice"_s << authenticated << binding(u"team-a"_s, u"b"_s, u"Policy"_s, u"p"_s, user(u"x"_s)) << 500
        << u"unsupported role reference kind: \"Policy\""_s;
    QTest::newRow("masters bind a missing role")
        << u"root"_s << QStringList {u"system:masters"_s}
        << binding({}, u"b"_s, u"ClusterRole"_s, u"missing"_s, user(u"x"_s)) << 201 << QString();
}

void TestSimRbac::escalation()
{
    QFETCH(QString, user);
    QFETCH(QStringList, groups);
    QFETCH(QJsonObject, object);
    QFETCH(int, code);
    QFETCH(QString, message);

    const QString kind = object.value("kind"_L1).toString();
    const QString plural = kind.toLower() + u's';
    const QString ns = object.value("metadata"_L1).toObject().value("namespace"_L1).toString();
    const UserInfo requester {user, {}, groups, {}};
    // A dry run: checked as a write, stored nowhere.
    const WriteResult result =
        m_registry.create(*findResource(u"rbac.authorization.k8s.io"_s, u"v1"_s, plural), ns, object, true, &requester);
    if (code == 201) {
        QVERIFY2(result.ok(), failureMessage(result).constData());
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.failure->status.value("code"_L1).toInt(), code);
    QCOMPARE(result.failure->status.value("message"_L1).toString(), message);
    // The server's own writes are not checked: only validation refuses them (an unsupported role kind).
    const WriteResult own =
        m_registry.create(*findResource(u"rbac.authorization.k8s.io"_s, u"v1"_s, plural), ns, object, true);
    QCOMPARE(own.ok(), code != 500);
}

void TestSimRbac::escalationOnUpdate()
{
    const ResourceType &roles = *findResource(u"rbac.authorization.k8s.io"_s, u"v1"_s, u"roles"_s);
    const UserInfo alice {u"alice"_s, {}, {u"system:authenticated"_s}, {}};
    QJsonObject podReader = m_store.get(roles, u"team-a"_s, u"pod-reader"_s).value();

    // Adding a rule alice holds is allowed; adding one she lacks is refused, by update as by patch.
    QJsonObject same = podReader;
    same.insert("rules"_L1, QJsonArray {rule({u""_s}, {u"pods"_s}, {u"get"_s})});
    QVERIFY(m_registry.update(roles, u"team-a"_s, u"pod-reader"_s, same, {}, true, &alice).ok());
    QJsonObject more = podReader;
    more.insert("rules"_L1, QJsonArray {rule({u""_s}, {u"pods"_s}, {u"delete"_s})});
    const QString refusal = u"roles.rbac.authorization.k8s.io \"pod-reader\" is forbidden: user \"alice\" "
                            "(groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not "
                            "currently held:\n{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\"]}"_s;
    WriteResult result = m_registry.update(roles, u"team-a"_s, u"pod-reader"_s, more, {}, true, &alice);
    QVERIFY(!result.ok());
    QCOMPARE(result.failure->status.value("message"_L1).toString(), refusal);
    result =
        m_registry.patch(roles, u"team-a"_s, u"pod-reader"_s, PatchType::Merge,
                         R"({"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["delete"]}]})", {}, true, &alice);
    QVERIFY(!result.ok());
    QCOMPARE(result.failure->status.value("code"_L1).toInt(), 403);
    QCOMPARE(result.failure->status.value("message"_L1).toString(), refusal);

    // Only owner references and finalizers (the garbage collector's fields): not checked, as carol holds none of
    // the role's rules.
    const UserInfo carol {u"carol"_s, {}, {}, {}};
    QJsonObject finalized = podReader;
    QJsonObject metadata = finalized.value("metadata"_L1).toObject();
    metadata.insert("finalizers"_L1, QJsonArray {u"example.com/keep"_s});
    finalized.insert("metadata"_L1, metadata);
    QVERIFY(m_registry.update(roles, u"team-a"_s, u"pod-reader"_s, finalized, {}, true, &carol).ok());
    QVERIFY(!m_registry.update(roles, u"team-a"_s, u"pod-reader"_s, same, {}, true, &carol).ok());
}

QTEST_GUILESS_MAIN(TestSimRbac)
#include "tst_simrbac.moc"
