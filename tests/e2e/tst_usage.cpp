// ServiceAccountUsage against a real kube-sim: what belongs to an account (pods, workloads, token and pull secrets,
// bindings) and which accounts reference a secret, kept current by watch events: an object that changes its account
// moves, a deleted one goes, and an event for an unrelated object touches no other account. Also the details
// pane's HTML made from it.

#include "KubeSimProcess.h"
#include "SimClient.h"
#include "SimHttp.h"

#include "ClusterSession.h"
#include "DetailsPane.h"
#include "ServiceAccountUsage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kNs = "usage"_L1;

QJsonObject named(const QString &name, const QJsonObject &rest = {})
{
    QJsonObject object = rest;
    object.insert("metadata"_L1, QJsonObject {{"name"_L1, name}});
    return object;
}

QJsonObject podSpec(const QString &account)
{
    return {{"serviceAccountName"_L1, account},
            {"containers"_L1, QJsonArray {QJsonObject {{"name"_L1, "app"_L1}, {"image"_L1, "nginx:1.27"_L1}}}}};
}

QJsonObject workload(const QString &name, const QString &account)
{
    const QJsonObject labels {{"app"_L1, name}};
    return named(name,
                 {{"spec"_L1,
                   QJsonObject {{"replicas"_L1, 1},
                                {"serviceName"_L1, name},
                                {"selector"_L1, QJsonObject {{"matchLabels"_L1, labels}}},
                                {"template"_L1,
                                 QJsonObject {{"metadata"_L1, QJsonObject {{"labels"_L1, labels}}},
                                              {"spec"_L1, podSpec(account)}}}}}});
}

QJsonObject binding(const QString &name, const QString &account)
{
    return named(
        name,
        {{"roleRef"_L1,
          QJsonObject {
              {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, "ClusterRole"_L1}, {"name"_L1, "view"_L1}}},
         {"subjects"_L1,
          QJsonArray {QJsonObject {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, account}, {"namespace"_L1, kNs}}}}});
}

template<typename T>
QStringList namesOf(const QList<T> &objects)
{
    QStringList names;
    for (const T &object : objects)
        names.append(object.meta.name);
    return names;
}

} // namespace

class TestUsage : public QObject
{
    Q_OBJECT

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<sa::ClusterSession> m_session;
    std::unique_ptr<sa::ServiceAccountUsage> m_usage;

    int send(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        const QByteArray contentType = verb == "PATCH" ? "application/merge-patch+json"_ba : "application/json"_ba;
        return m_http
            ->send(verb, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                   contentType)
            .code;
    }
    static QString core(const QString &resource) { return u"/api/v1/namespaces/"_s + kNs + u'/' + resource; }
    static QString apps(const QString &resource) { return u"/apis/apps/v1/namespaces/"_s + kNs + u'/' + resource; }
    static QString rbac(const QString &resource)
    {
        return u"/apis/rbac.authorization.k8s.io/v1/namespaces/"_s + kNs + u'/' + resource;
    }

private Q_SLOTS:
    // Each function gets a cluster of its own, built as below: what one function changes (a moved workload, a
    // deleted secret) is never what another one reads.
    void init()
    {
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        QCOMPARE(send("POST", u"/api/v1/namespaces"_s, named(kNs)), 201);
        for (const QString &name : {u"app"_s, u"other"_s}) {
            const QJsonObject pullSecrets {
                {"imagePullSecrets"_L1,
                 QJsonArray {QJsonObject {{"name"_L1, "registry"_L1}}, QJsonObject {{"name"_L1, "missing"_L1}}}}};
            QCOMPARE(
                send("POST", core(u"serviceaccounts"_s), named(name, name == "app"_L1 ? pullSecrets : QJsonObject())),
                201);
        }
        QCOMPARE(send("POST", core(u"secrets"_s),
                      named(u"registry"_s,
                            {{"type"_L1, "kubernetes.io/dockerconfigjson"_L1},
                             {"stringData"_L1, QJsonObject {{".dockerconfigjson"_L1, "{}"_L1}}}})),
                 201);
        QJsonObject token = named(u"app-token"_s, {{"type"_L1, "kubernetes.io/service-account-token"_L1}});
        token.insert(
            "metadata"_L1,
            QJsonObject {{"name"_L1, "app-token"_L1},
                         {"annotations"_L1, QJsonObject {{"kubernetes.io/service-account.name"_L1, "app"_L1}}}});
        QCOMPARE(send("POST", core(u"secrets"_s), token), 201);
        QCOMPARE(send("POST", core(u"pods"_s), named(u"solo"_s, {{"spec"_L1, podSpec(u"app"_s)}})), 201);
        QCOMPARE(send("POST", apps(u"deployments"_s), workload(u"web"_s, u"app"_s)), 201);
        QCOMPARE(send("POST", apps(u"statefulsets"_s), workload(u"db"_s, u"app"_s)), 201);
        QCOMPARE(send("POST", apps(u"daemonsets"_s), workload(u"agent"_s, u"app"_s)), 201);
        QCOMPARE(send("POST", rbac(u"rolebindings"_s), binding(u"app-view"_s, u"app"_s)), 201);
        QCOMPARE(send("POST", u"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"_s,
                      binding(u"app-view-all"_s, u"app"_s)),
                 201);

        QString error;
        auto client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
        QVERIFY2(client, qPrintable(error));
        m_session = std::make_unique<sa::ClusterSession>(std::move(client));
        m_usage = std::make_unique<sa::ServiceAccountUsage>();
        m_usage->setSession(m_session.get());
        m_session->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), sa::ClusterSession::State::Connected, 20000);
    }

    void cleanup()
    {
        m_usage.reset();
        m_session.reset();
        m_http.reset();
        m_sim.reset();
    }

    void answersPerAccount()
    {
        const sa::ServiceAccountUsage &usage = *m_usage;
        QCOMPARE(usage.accountNamesIn(kNs), QStringList({u"app"_s, u"default"_s, u"other"_s}));
        QVERIFY(usage.account(kNs, u"app"_s));
        QCOMPARE(usage.account(kNs, u"app"_s)->imagePullSecrets, QStringList({u"registry"_s, u"missing"_s}));
        QVERIFY(usage.secretExists(kNs, u"registry"_s));
        QVERIFY(!usage.secretExists(kNs, u"missing"_s));
        QCOMPARE(namesOf(usage.tokenSecretsOf(kNs, u"app"_s)), QStringList {u"app-token"_s});
        QCOMPARE(namesOf(usage.deploymentsOf(kNs, u"app"_s)), QStringList {u"web"_s});
        QCOMPARE(namesOf(usage.statefulSetsOf(kNs, u"app"_s)), QStringList {u"db"_s});
        QCOMPARE(namesOf(usage.daemonSetsOf(kNs, u"app"_s)), QStringList {u"agent"_s});
        // The bare pod, and the pods of the three workloads once their controllers made them.
        QTRY_COMPARE(usage.podsOf(kNs, u"app"_s).size(), 4);
        QVERIFY(namesOf(usage.podsOf(kNs, u"app"_s)).contains(u"solo"_s));
        QCOMPARE(namesOf(usage.bindingsOf(kNs, u"app"_s)), QStringList({u"app-view"_s, u"app-view-all"_s}));
        QStringList users;
        for (const sa::Workload &workload : usage.workloadsOf(kNs, u"app"_s))
            users.append(workload.label());
        QCOMPARE(users.mid(0, 3), QStringList({u"deployment/web"_s, u"statefulset/db"_s, u"daemonset/agent"_s}));
        QCOMPARE(users.size(), 7);
        QVERIFY(users.last().startsWith("pod/"_L1));
        QVERIFY(usage.podsOf(kNs, u"other"_s).isEmpty());
        QVERIFY(usage.bindingsOf(kNs, u"other"_s).isEmpty());
        QVERIFY(usage.workloadsOf(kNs, u"other"_s).isEmpty());
        // The workloads whose account can change, whatever account they name: the bare pod, not the owned ones.
        QStringList changeable;
        for (const sa::Workload &workload : usage.workloadsIn(kNs))
            changeable.append(workload.label());
        QCOMPARE(changeable,
                 QStringList({u"deployment/web"_s, u"statefulset/db"_s, u"daemonset/agent"_s, u"pod/solo"_s}));
        QCOMPARE(usage.secretNamesIn(kNs, {u"kubernetes.io/dockerconfigjson"_s}), QStringList {u"registry"_s});

        const auto registry = usage.secret(kNs, u"registry"_s);
        QVERIFY(registry);
        const QList<sa::ServiceAccountUsage::Reference> references = usage.referencesTo(*registry);
        QCOMPARE(references.size(), 1);
        QCOMPARE(references[0].account, u"app"_s);
        QVERIFY(references[0].pullSecret);
        const auto token = usage.secret(kNs, u"app-token"_s);
        QVERIFY(token);
        QCOMPARE(usage.referencesTo(*token).size(), 1);
        QVERIFY(!usage.referencesTo(*token)[0].pullSecret);
    }

    void detailsHtml()
    {
        // What the details pane shows, from the index alone (no window).
        const auto account = m_usage->account(kNs, u"app"_s);
        QVERIFY(account);
        const sa::SourceStates known = m_usage->sourceStates();
        QCOMPARE(sa::unknownSourcesText(known, {sa::Source::Secrets, sa::Source::Pods}), QString());
        const QString html = sa::serviceAccountDetailsHtml(*account, *m_usage, known);
        QVERIFY(html.contains(u"✓ registry"_s));
        QVERIFY(html.contains(u"⚠ missing — <b>missing: pods cannot pull with it</b>"_s));
        QVERIFY(html.contains(u"⚠ app-token — never used — <a href=\"reveal:usage/app-token\">reveal</a>"_s));
        QVERIFY(html.contains(u"deployment/web ("_s));
        QVERIFY(html.contains(u"<a href=\"runas:statefulset/db\">change account</a>"_s));
        QVERIFY(html.contains(u"pod/solo ("_s));
        QVERIFY(html.contains(u"ClusterRole/view — app-view (in usage)"_s));
        QVERIFY(html.contains(u"ClusterRole/view — app-view-all (cluster-wide)"_s));

        // Sources refused or still loading are said instead of "none".
        sa::SourceStates unknown = known;
        unknown.states[size_t(sa::Source::Secrets)] = sa::SourceStates::State::Refused;
        unknown.states[size_t(sa::Source::Pods)] = sa::SourceStates::State::Loading;
        QCOMPARE(sa::unknownSourcesText(unknown, {sa::Source::Secrets, sa::Source::Pods}),
                 u"cannot check: secrets are not readable; cannot check yet: pods still loading"_s);
        const QString partial = sa::serviceAccountDetailsHtml(*account, *m_usage, unknown);
        QVERIFY(partial.contains(u"registry <i>(cannot check: secrets are not readable)</i>"_s));
        QVERIFY(partial.contains(u"<i>cannot check yet: pods still loading</i>"_s));

        const auto registry = m_usage->secret(kNs, u"registry"_s);
        QVERIFY(registry);
        const QString secretHtml = sa::secretDetailsHtml(*registry, nullptr, *m_usage, known);
        QVERIFY(secretHtml.contains(u"<p>app (image pull secret)</p>"_s));
        QVERIFY(secretHtml.contains(u"<a href=\"keys:usage/registry\">show names</a>"_s));
        const QStringList keys {u".dockerconfigjson"_s};
        QVERIFY(sa::secretDetailsHtml(*registry, &keys, *m_usage, known).contains(u".dockerconfigjson"_s));
    }

    void workloadMovesToItsNewAccount()
    {
        QSignalSpy changed(m_usage.get(), &sa::ServiceAccountUsage::changed);
        const QJsonObject patch {
            {"spec"_L1,
             QJsonObject {
                 {"template"_L1, QJsonObject {{"spec"_L1, QJsonObject {{"serviceAccountName"_L1, "other"_L1}}}}}}}};
        QCOMPARE(send("PATCH", apps(u"deployments/web"_s), patch), 200);
        QTRY_COMPARE(namesOf(m_usage->deploymentsOf(kNs, u"other"_s)), QStringList {u"web"_s});
        QVERIFY(m_usage->deploymentsOf(kNs, u"app"_s).isEmpty());
        bool both = false;
        for (const QList<QVariant> &arguments : std::as_const(changed)) {
            const auto accounts = arguments.at(0).value<QStringList>();
            both = both || (accounts.contains(u"usage/app"_s) && accounts.contains(u"usage/other"_s));
        }
        QVERIFY(both);
        // Its new pod follows once it rolled.
        QTRY_COMPARE_WITH_TIMEOUT(m_usage->podsOf(kNs, u"other"_s).size(), 1, 10000);
    }

    void deletionsGo()
    {
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", core(u"secrets/registry"_s))));
        QTRY_VERIFY(!m_usage->secretExists(kNs, u"registry"_s));
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", core(u"pods/solo"_s))));
        QTRY_VERIFY(!namesOf(m_usage->podsOf(kNs, u"app"_s)).contains(u"solo"_s));
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", rbac(u"rolebindings/app-view"_s))));
        QTRY_COMPARE(namesOf(m_usage->bindingsOf(kNs, u"app"_s)), QStringList {u"app-view-all"_s});
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", core(u"serviceaccounts/other"_s))));
        QTRY_VERIFY(!m_usage->account(kNs, u"other"_s));
        QVERIFY(!m_usage->accountNamesIn(kNs).contains(u"other"_s));
    }

    void unrelatedEventTouchesNoOtherAccount()
    {
        QSignalSpy changed(m_usage.get(), &sa::ServiceAccountUsage::changed);
        QCOMPARE(send("POST", core(u"secrets"_s), named(u"unrelated"_s, {{"type"_L1, "Opaque"_L1}})), 201);
        QTRY_VERIFY(m_usage->secretExists(kNs, u"unrelated"_s));
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &arguments : std::as_const(changed)) {
            QVERIFY(arguments.at(0).value<QStringList>().isEmpty());
            QCOMPARE(arguments.at(1).value<QStringList>(), QStringList {u"usage/unrelated"_s});
        }
    }

    void restrictedSessionFollowsReplacedInformers()
    {
        // A user who may not list across namespaces: the informers are recreated for one namespace, and the index
        // is rebuilt from them.
        QSignalSpy reset(m_usage.get(), &sa::ServiceAccountUsage::reset);
        Q_EMIT m_session->informersReplaced();
        QCOMPARE(reset.size(), 1);
        QVERIFY(m_usage->account(kNs, u"app"_s));
        QCOMPARE(namesOf(m_usage->statefulSetsOf(kNs, u"app"_s)), QStringList {u"db"_s});
    }
};

QTEST_GUILESS_MAIN(TestUsage)
#include "tst_usage.moc"
