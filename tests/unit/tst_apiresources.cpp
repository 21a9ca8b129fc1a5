// Discovery documents read as kubectl reads them: the real server's documents (tests/data/fixtures) parsed into
// resources and subresources, preferred group versions, and the names the permission dialogs offer.

#include "api/ApiPath.h"
#include "resources/ApiResources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(SA_FIXTURES_DIR) + u"/kubernetes/discovery/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

const ApiResource *entry(const QList<ApiResource> &resources, const QString &name)
{
    for (const ApiResource &resource : resources) {
        if (resource.name == name)
            return &resource;
    }
    return nullptr;
}

} // namespace

class TestApiResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreList()
    {
        const auto resources = parseApiResourceList(fixture(u"discovery.api__v1.json"_s));
        QVERIFY(resources);
        QVERIFY(resources->size() > 30);

        const ApiResource *pods = entry(*resources, u"pods"_s);
        QVERIFY(pods);
        QCOMPARE(pods->group, QString());
        QCOMPARE(pods->version, u"v1"_s);
        QCOMPARE(pods->kind, u"Pod"_s);
        QVERIFY(pods->namespaced);
        QVERIFY(!pods->isSubresource());
        QCOMPARE(pods->qualifiedName(), u"pods"_s);
        QCOMPARE(pods->shortNames, QStringList {u"po"_s});
        QCOMPARE(pods->verbs,
                 (QStringList {u"create"_s, u"delete"_s, u"deletecollection"_s, u"get"_s, u"list"_s, u"patch"_s,
                               u"update"_s, u"watch"_s}));

        const ApiResource *exec = entry(*resources, u"pods/exec"_s);
        QVERIFY(exec);
        QVERIFY(exec->isSubresource());
        QCOMPARE(exec->resource(), u"pods"_s);
        QCOMPARE(exec->subresource(), u"exec"_s);
        QCOMPARE(exec->qualifiedName(), u"pods"_s);
        QCOMPARE(exec->verbs, (QStringList {u"create"_s, u"get"_s}));

        const ApiResource *nodes = entry(*resources, u"nodes"_s);
        QVERIFY(nodes);
        QVERIFY(!nodes->namespaced);

        // The TokenRequest subresource names the authentication group as its kind's, yet it is served (and
        // authorized) as part of the core group.
        const ApiResource *token = entry(*resources, u"serviceaccounts/token"_s);
        QVERIFY(token);
        QCOMPARE(token->group, QString());
        QCOMPARE(token->kind, u"TokenRequest"_s);
        QCOMPARE(token->verbs, QStringList {u"create"_s});
    }

    void groupList()
    {
        const auto resources = parseApiResourceList(fixture(u"apis__apps__v1.json"_s));
        QVERIFY(resources);
        const ApiResource *deployments = entry(*resources, u"deployments"_s);
        QVERIFY(deployments);
        QCOMPARE(deployments->group, u"apps"_s);
        QCOMPARE(deployments->version, u"v1"_s);
        QCOMPARE(deployments->qualifiedName(), u"deployments.apps"_s);
        QVERIFY(entry(*resources, u"deployments/scale"_s));
        QCOMPARE(entry(*resources, u"deployments/scale"_s)->qualifiedName(), u"deployments.apps"_s);
    }

    void notAList_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("a group list") << QByteArray(R"({"kind":"APIGroupList","groups":[]})");
        QTest::newRow("no resources") << QByteArray(R"({"kind":"APIResourceList","groupVersion":"x/v1"})");
        QTest::newRow("resources not an array")
            << QByteArray(R"({"kind":"APIResourceList","groupVersion":"x/v1","resources":{}})");
    }

    void notAList()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!parseApiResourceList(QJsonDocument::fromJson(json).object()));
    }

    void emptyList()
    {
        const auto resources = parseApiResourceList(
            QJsonDocument::fromJson(R"({"kind":"APIResourceList","groupVersion":"x.example.com/v1","resources":[]})")
                .object());
        QVERIFY(resources);
        QVERIFY(resources->isEmpty());
    }

    void preferredVersions()
    {
        const QStringList groupVersions = preferredGroupVersions(fixture(u"apis.json"_s));
        QVERIFY(groupVersions.contains(u"apps/v1"_s));
        QVERIFY(groupVersions.contains(u"autoscaling/v2"_s)); // preferred, though v1 is served too
        QVERIFY(!groupVersions.contains(u"autoscaling/v1"_s));
        QVERIFY(groupVersions.contains(u"coordination.k8s.io/v1"_s));
        QCOMPARE(groupVersions.size(), fixture(u"apis.json"_s).value("groups"_L1).toArray().size());
        QCOMPARE(legacyVersions(fixture(u"discovery.api.json"_s)), QStringList {u"v1"_s});

        // No preferredVersion: the first version, as client-go takes it.
        const QJsonObject bare =
            QJsonDocument::fromJson(
                R"({"groups":[{"name":"x.example.com","versions":[{"groupVersion":"x.example.com/v2",
                                     "version":"v2"},{"groupVersion":"x.example.com/v1","version":"v1"}]}]})")
                .object();
        QCOMPARE(preferredGroupVersions(bare), QStringList {u"x.example.com/v2"_s});
    }

    void namesAndSubresources()
    {
        ApiResources all;
        for (const QString &name : {u"apis__apps__v1.json"_s, u"discovery.api__v1.json"_s,
                                    u"discovery.apis__rbac.authorization.k8s.io__v1.json"_s})
            all.resources += *parseApiResourceList(fixture(name));
        const QStringList names = all.names();
        // The core group first, sorted; then each group, sorted by group and name; no subresources.
        QCOMPARE(names.first(), u"bindings"_s);
        QVERIFY(names.indexOf(u"serviceaccounts"_s) < names.indexOf(u"controllerrevisions.apps"_s));
        QVERIFY(names.indexOf(u"statefulsets.apps"_s)
                < names.indexOf(u"clusterrolebindings.rbac.authorization.k8s.io"_s));
        QVERIFY(names.indexOf(u"daemonsets.apps"_s) < names.indexOf(u"deployments.apps"_s));
        QCOMPARE(names.last(), u"roles.rbac.authorization.k8s.io"_s);
        for (const QString &name : names)
            QVERIFY2(!name.contains(u'/'), qPrintable(name));
        QCOMPARE(QStringList(names).removeDuplicates(), 0);

        QVERIFY(all.find(u"nodes"_s));
        QVERIFY(!all.find(u"nodes"_s)->namespaced);
        QVERIFY(all.find(u"deployments.apps"_s));
        QVERIFY(all.find(u"deployments.apps"_s)->namespaced);
        QVERIFY(!all.find(u"deployments"_s)); // the core group has none
        QVERIFY(!all.find(u"pods/exec"_s));
        QCOMPARE(all.subresourcesOf(u"pods"_s),
                 (QStringList {u"attach"_s, u"binding"_s, u"checkpoint"_s, u"ephemeralcontainers"_s, u"eviction"_s,
                               u"exec"_s, u"log"_s, u"portforward"_s, u"proxy"_s, u"status"_s}));
        QCOMPARE(all.subresourcesOf(u"serviceaccounts"_s), QStringList {u"token"_s});
        QCOMPARE(all.subresourcesOf(u"deployments.apps"_s), (QStringList {u"scale"_s, u"status"_s}));
        QVERIFY(all.subresourcesOf(u"deployments"_s).isEmpty());
        QVERIFY(all.subresourcesOf(u"configmaps"_s).isEmpty());
    }

    // Discovery reads each group version the server names: always that group version's list, whatever the name holds.
    void groupVersionPaths_data()
    {
        QTest::addColumn<QString>("groupVersion");
        QTest::addColumn<QString>("path");
        QTest::newRow("core") << u"v1"_s << u"/api/v1"_s;
        QTest::newRow("group") << u"apps/v1"_s << u"/apis/apps/v1"_s;
        QTest::newRow("dotted group") << u"rbac.authorization.k8s.io/v1"_s << u"/apis/rbac.authorization.k8s.io/v1"_s;
        QTest::newRow("encoded") << u"a b/v?1"_s << u"/apis/a%20b/v%3F1"_s;
        QTest::newRow("too many parts") << u"../api/v1/namespaces/x/secrets"_s << QString();
        QTest::newRow("up") << u"../v1"_s << QString();
        QTest::newRow("dot version") << u"apps/."_s << QString();
        QTest::newRow("empty group") << u"/v1"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void groupVersionPaths()
    {
        QFETCH(QString, groupVersion);
        QFETCH(QString, path);
        QCOMPARE(sa::groupVersionPath(groupVersion), path);
    }
};

QTEST_GUILESS_MAIN(TestApiResources)
#include "tst_apiresources.moc"
