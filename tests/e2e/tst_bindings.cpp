// Granting and revoking through bindings against a real kube-sim: what addBindingSubject and removeBindingSubject
// write, that the real kubectl then answers as expected, and that no other subject is lost when many write at once.

#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "SimClient.h"
#include "SimHttp.h"

#include "api/KubeClient.h"
#include "api/Operations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

constexpr auto kRbac = "/apis/rbac.authorization.k8s.io/v1"_L1;

Subject account(const QString &ns, const QString &name)
{
    return {u"ServiceAccount"_s, name, ns};
}

// The failure's message, for QVERIFY2 (which reads it whether or not the check fails).
QString why(const OperationResult &result)
{
    return result.ok() ? QString() : result.error->userMessage();
}

// "Kind:namespace:name" of each subject, sorted.
QStringList subjectsOf(const QJsonObject &binding)
{
    QStringList subjects;
    for (const QJsonValue &entry : binding.value("subjects"_L1).toArray())
        subjects.append(entry[u"kind"].toString() + u':' + entry[u"namespace"].toString() + u':'
                        + entry[u"name"].toString());
    subjects.sort();
    return subjects;
}

} // namespace

class TestBindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void grantCreatesTheBinding();
    void grantAddsToAnExistingBinding();
    void grantRefusesAnotherRole();
    void revokeKeepsOthersAndDeletesTheLast();
    void revokeMatchesANamespacelessSubject();
    void concurrentGrantsLoseNothing();
    void cleanupTestCase();

private:
    OperationResult finish(Operation *operation);
    QJsonObject binding(const QString &ns, const QString &name);
    bool canI(const QString &verb, const QString &resource, const QString &ns, const QString &as);

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<KubeClient> m_client;
    QString m_ns; // this function's own namespace
    int m_functions = 0;
};

OperationResult TestBindings::finish(Operation *operation)
{
    return finishOperation(operation);
}

QJsonObject TestBindings::binding(const QString &ns, const QString &name)
{
    const QString path = ns.isEmpty() ? QString(kRbac + u"/clusterrolebindings/"_s + name)
                                      : QString(kRbac + u"/namespaces/"_s + ns + u"/rolebindings/"_s + name);
    const HttpResult result = m_http->send("GET", path);
    return result.code == 200 ? result.json() : QJsonObject();
}

bool TestBindings::canI(const QString &verb, const QString &resource, const QString &ns, const QString &as)
{
    const CommandResult result =
        Kubectl(*m_sim).run({u"auth"_s, u"can-i"_s, verb, resource, u"-n"_s, ns, u"--as"_s, as});
    return result.out.trimmed() == "yes"_L1;
}

void TestBindings::initTestCase()
{
    m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
    QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
    m_http = std::make_unique<SimHttp>(*m_sim);
    QString error;
    m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
    QVERIFY2(m_client, qPrintable(error));
}

// Each function works in a namespace of its own, with the accounts app, ci and ops in it.
void TestBindings::init()
{
    m_ns = u"grant-"_s + QString::number(++m_functions);
    QCOMPARE(m_http->send("POST", u"/api/v1/namespaces"_s, "{\"metadata\":{\"name\":\"" + m_ns.toUtf8() + "\"}}").code,
             201);
    for (const char *name : {"app", "ci", "ops"})
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/"_s + m_ns + u"/serviceaccounts"_s,
                            QByteArray("{\"metadata\":{\"name\":\"") + name + "\"}}")
                     .code,
                 201);
}

void TestBindings::grantCreatesTheBinding()
{
    const QString as = u"system:serviceaccount:"_s + m_ns + u":app"_s;
    QVERIFY(!canI(u"list"_s, u"pods"_s, m_ns, as));
    const OperationResult result = finish(ops::addBindingSubject(
        m_client.get(), {m_ns, u"app-view"_s}, {u"ClusterRole"_s, u"view"_s}, account(m_ns, u"app"_s)));
    QVERIFY2(result.ok(), qPrintable(why(result)));
    const QJsonObject made = binding(m_ns, u"app-view"_s);
    QCOMPARE(made[u"roleRef"][u"kind"].toString(), u"ClusterRole"_s);
    QCOMPARE(made[u"roleRef"][u"name"].toString(), u"view"_s);
    QCOMPARE(subjectsOf(made), QStringList {u"ServiceAccount:"_s + m_ns + u":app"_s});
    // The real kubectl agrees: view in this namespace, nowhere else.
    QVERIFY(canI(u"list"_s, u"pods"_s, m_ns, as));
    QVERIFY(!canI(u"list"_s, u"pods"_s, u"default"_s, as));
    QVERIFY(!canI(u"delete"_s, u"pods"_s, m_ns, as));

    // Cluster-wide: a ClusterRoleBinding.
    const OperationResult cluster = finish(ops::addBindingSubject(
        m_client.get(), {QString(), m_ns + u"-ops-view"_s}, {u"ClusterRole"_s, u"view"_s}, account(m_ns, u"ops"_s)));
    QVERIFY2(cluster.ok(), qPrintable(why(cluster)));
    QCOMPARE(subjectsOf(binding(QString(), m_ns + u"-ops-view"_s)),
             QStringList {u"ServiceAccount:"_s + m_ns + u":ops"_s});
    QVERIFY(canI(u"list"_s, u"pods"_s, u"default"_s, u"system:serviceaccount:"_s + m_ns + u":ops"_s));
    QCOMPARE(m_http->send("DELETE", kRbac + u"/clusterrolebindings/"_s + m_ns + u"-ops-view"_s).code, 200);
}

void TestBindings::grantAddsToAnExistingBinding()
{
    const QByteArray existing =
        "{\"metadata\":{\"name\":\"shared\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
        "\"kind\":\"ClusterRole\",\"name\":\"edit\"},\"subjects\":[{\"kind\":\"User\","
        "\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"alice\"},{\"kind\":\"Group\","
        "\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"devs\"}]}";
    QCOMPARE(m_http->send("POST", kRbac + u"/namespaces/"_s + m_ns + u"/rolebindings"_s, existing).code, 201);
    const QString resourceVersion = binding(m_ns, u"shared"_s)[u"metadata"][u"resourceVersion"].toString();
    const OperationResult result = finish(ops::addBindingSubject(
        m_client.get(), {m_ns, u"shared"_s}, {u"ClusterRole"_s, u"edit"_s}, account(m_ns, u"ci"_s)));
    QVERIFY2(result.ok(), qPrintable(why(result)));
    const QStringList expected {u"Group::devs"_s, u"ServiceAccount:"_s + m_ns + u":ci"_s, u"User::alice"_s};
    QCOMPARE(subjectsOf(binding(m_ns, u"shared"_s)), expected);
    // Already a subject: nothing is written.
    const QString after = binding(m_ns, u"shared"_s)[u"metadata"][u"resourceVersion"].toString();
    QVERIFY(after != resourceVersion);
    QVERIFY(finish(ops::addBindingSubject(m_client.get(), {m_ns, u"shared"_s}, {u"ClusterRole"_s, u"edit"_s},
                                          account(m_ns, u"ci"_s)))
                .ok());
    QCOMPARE(binding(m_ns, u"shared"_s)[u"metadata"][u"resourceVersion"].toString(), after);
    QCOMPARE(subjectsOf(binding(m_ns, u"shared"_s)), expected);
}

void TestBindings::grantRefusesAnotherRole()
{
    QVERIFY(finish(ops::addBindingSubject(m_client.get(), {m_ns, u"readers"_s}, {u"ClusterRole"_s, u"view"_s},
                                          account(m_ns, u"app"_s)))
                .ok());
    const OperationResult result = finish(ops::addBindingSubject(
        m_client.get(), {m_ns, u"readers"_s}, {u"ClusterRole"_s, u"edit"_s}, account(m_ns, u"ci"_s)));
    QVERIFY(!result.ok());
    QCOMPARE(result.error->userMessage(),
             u"Binding readers grants ClusterRole view, not ClusterRole edit: choose another name."_s);
    QCOMPARE(subjectsOf(binding(m_ns, u"readers"_s)), QStringList {u"ServiceAccount:"_s + m_ns + u":app"_s});
}

void TestBindings::revokeKeepsOthersAndDeletesTheLast()
{
    const QString as = u"system:serviceaccount:"_s + m_ns + u":app"_s;
    for (const QString &name : {u"app"_s, u"ci"_s})
        QVERIFY(finish(ops::addBindingSubject(m_client.get(), {m_ns, u"view"_s}, {u"ClusterRole"_s, u"view"_s},
                                              account(m_ns, name)))
                    .ok());
    QVERIFY(canI(u"get"_s, u"configmaps"_s, m_ns, as));
    OperationResult result =
        finish(ops::removeBindingSubject(m_client.get(), {m_ns, u"view"_s}, account(m_ns, u"app"_s)));
    QVERIFY2(result.ok(), qPrintable(why(result)));
    QCOMPARE(subjectsOf(binding(m_ns, u"view"_s)), QStringList {u"ServiceAccount:"_s + m_ns + u":ci"_s});
    QVERIFY(!canI(u"get"_s, u"configmaps"_s, m_ns, as));
    // Not a subject any more: success, nothing written.
    QVERIFY(finish(ops::removeBindingSubject(m_client.get(), {m_ns, u"view"_s}, account(m_ns, u"app"_s))).ok());
    // The last subject: the binding goes.
    result = finish(ops::removeBindingSubject(m_client.get(), {m_ns, u"view"_s}, account(m_ns, u"ci"_s)));
    QVERIFY2(result.ok(), qPrintable(why(result)));
    QCOMPARE(m_http->send("GET", kRbac + u"/namespaces/"_s + m_ns + u"/rolebindings/view"_s).code, 404);
    // No binding at all: success.
    QVERIFY(finish(ops::removeBindingSubject(m_client.get(), {m_ns, u"view"_s}, account(m_ns, u"ci"_s))).ok());
}

void TestBindings::revokeMatchesANamespacelessSubject()
{
    // kubectl and hand-written YAML may leave a ServiceAccount subject's namespace out: the binding's namespace.
    const QByteArray written =
        "{\"metadata\":{\"name\":\"bare\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
        "\"kind\":\"ClusterRole\",\"name\":\"view\"},\"subjects\":[{\"kind\":\"ServiceAccount\","
        "\"name\":\"app\"},{\"kind\":\"ServiceAccount\",\"name\":\"app\",\"namespace\":\"other\"},"
        "{\"kind\":\"ServiceAccount\",\"name\":\"ci\"}]}";
    QCOMPARE(m_http->send("POST", kRbac + u"/namespaces/"_s + m_ns + u"/rolebindings"_s, written).code, 201);
    const OperationResult result =
        finish(ops::removeBindingSubject(m_client.get(), {m_ns, u"bare"_s}, account(m_ns, u"app"_s)));
    QVERIFY2(result.ok(), qPrintable(why(result)));
    // The other namespace's app stays.
    QCOMPARE(subjectsOf(binding(m_ns, u"bare"_s)),
             QStringList({u"ServiceAccount::ci"_s, u"ServiceAccount:other:app"_s}));
}

void TestBindings::concurrentGrantsLoseNothing()
{
    // Eight clients add eight accounts to one binding while four others remove four old ones, all at once: a removal
    // rewrites the whole list, so only the resourceVersion test keeps it from dropping an addition made meanwhile.
    QJsonArray subjects {QJsonObject {
        {"kind"_L1, "User"_L1}, {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"name"_L1, "auditor"_L1}}};
    for (int i = 0; i < 4; ++i)
        subjects.append(QJsonObject {{"kind"_L1, "ServiceAccount"_L1},
                                     {"namespace"_L1, m_ns},
                                     {"name"_L1, QString(u"old-"_s + QString::number(i))}});
    const QJsonObject existing {{"metadata"_L1, QJsonObject {{"name"_L1, "crowd"_L1}}},
                                {"roleRef"_L1,
                                 QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                                              {"kind"_L1, "ClusterRole"_L1},
                                              {"name"_L1, "view"_L1}}},
                                {"subjects"_L1, subjects}};
    QCOMPARE(m_http
                 ->send("POST", kRbac + u"/namespaces/"_s + m_ns + u"/rolebindings"_s,
                        QJsonDocument(existing).toJson(QJsonDocument::Compact))
                 .code,
             201);
    std::vector<std::unique_ptr<KubeClient>> clients;
    QList<QSignalSpy *> spies;
    QStringList expected {u"User::auditor"_s};
    for (int i = 0; i < 12; ++i) {
        QString error;
        clients.push_back(clientForKubeconfig(m_sim->kubeconfigPath(), &error));
        QVERIFY2(clients.back(), qPrintable(error));
        Operation *operation = nullptr;
        if (i < 8) {
            const QString name = u"worker-"_s + QString::number(i);
            expected.append(u"ServiceAccount:"_s + m_ns + u':' + name);
            operation = ops::addBindingSubject(clients.back().get(), {m_ns, u"crowd"_s}, {u"ClusterRole"_s, u"view"_s},
                                               account(m_ns, name));
        } else {
            operation = ops::removeBindingSubject(clients.back().get(), {m_ns, u"crowd"_s},
                                                  account(m_ns, u"old-"_s + QString::number(i - 8)));
        }
        spies.append(new QSignalSpy(operation, &Operation::finished));
    }
    for (QSignalSpy *spy : std::as_const(spies)) {
        QVERIFY(spy->count() == 1 || spy->wait(30000));
        const auto result = spy->first().first().value<OperationResult>();
        QVERIFY2(result.ok(), qPrintable(why(result)));
        delete spy;
    }
    expected.sort();
    QCOMPARE(subjectsOf(binding(m_ns, u"crowd"_s)), expected);
}

void TestBindings::cleanupTestCase()
{
    m_client.reset();
    if (m_sim)
        QCOMPARE(m_sim->stop(), 0);
}

QTEST_GUILESS_MAIN(TestBindings)
#include "tst_bindings.moc"
