#include "Tables.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kubesim;

namespace {

const ResourceType &resource(const QString &group, const QString &plural)
{
    const ResourceType *type = findResource(group, u"v1"_s, plural);
    if (!type)
        qFatal("unknown resource in test data: %s", qPrintable(plural));
    return *type;
}

QJsonValue parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s", text.constData());
    return doc.array().at(0);
}

// Canonical text (sorted keys, compact) so a mismatch prints readably.
QByteArray canonical(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
}

// Every object below was created five minutes before this.
const QDateTime kNow = QDateTime::fromString(u"2024-01-01T00:05:00Z"_s, Qt::ISODate);

const QByteArray kServiceAccount = R"({"apiVersion":"v1","kind":"ServiceAccount",
    "metadata":{"name":"ci","namespace":"team-a","uid":"u-1","resourceVersion":"42",
                "creationTimestamp":"2024-01-01T00:00:00Z","labels":{"app":"ci"},"annotations":{"a":"b"}},
    "secrets":[{"name":"ci-token"},{"name":"ci-dockercfg"}]})"_ba;

} // namespace

class TestSimTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void humanDuration_data();
    void humanDuration();
    void columns_data();
    void columns();
    void cells_data();
    void cells();
    void includeObject_data();
    void includeObject();
    void makeTable_data();
    void makeTable();
};

void TestSimTables::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");

    constexpr qint64 m = 60, h = 3600, d = 86400, y = 365 * d;
    QTest::newRow("-100") << qint64(-100) << u"<invalid>"_s;
    QTest::newRow("-2") << qint64(-2) << u"<invalid>"_s;
    QTest::newRow("-1 tolerated as clock skew") << qint64(-1) << u"0s"_s;
    QTest::newRow("0s") << qint64(0) << u"0s"_s;
    QTest::newRow("1s") << qint64(1) << u"1s"_s;
    QTest::newRow("70s") << qint64(70) << u"70s"_s;
    QTest::newRow("119s") << qint64(119) << u"119s"_s;
    QTest::newRow("2m") << 2 * m << u"2m"_s;
    QTest::newRow("2m5s") << 2 * m + 5 << u"2m5s"_s;
    QTest::newRow("3m10s") << qint64(190) << u"3m10s"_s;
    QTest::newRow("9m59s") << 10 * m - 1 << u"9m59s"_s;
    QTest::newRow("10m") << 10 * m << u"10m"_s;
    QTest::newRow("10m59s drops seconds") << 11 * m - 1 << u"10m"_s;
    QTest::newRow("70m") << 70 * m << u"70m"_s;
    QTest::newRow("179m") << 3 * h - 1 << u"179m"_s;
    QTest::newRow("3h") << 3 * h << u"3h"_s;
    QTest::newRow("3h5m") << 3 * h + 5 * m << u"3h5m"_s;
    QTest::newRow("3h5m59s drops seconds") << 3 * h + 6 * m - 1 << u"3h5m"_s;
    QTest::newRow("7h59m") << 8 * h - 1 << u"7h59m"_s;
    QTest::newRow("8h") << 8 * h << u"8h"_s;
    QTest::newRow("8h30m drops minutes") << 8 * h + 30 * m << u"8h"_s;
    QTest::newRow("47h") << 47 * h << u"47h"_s;
    QTest::newRow("47h59m") << 48 * h - 1 << u"47h"_s;
    QTest::newRow("2d") << 2 * d << u"2d"_s;
    QTest::newRow("2d1h") << 49 * h << u"2d1h"_s;
    QTest::newRow("7d23h") << 7 * d + 23 * h << u"7d23h"_s;
    QTest::newRow("7d23h59m") << 8 * d - 1 << u"7d23h"_s;
    QTest::newRow("8d") << 8 * d << u"8d"_s;
    QTest::newRow("8d2h drops hours") << 8 * d + 2 * h << u"8d"_s;
    QTest::newRow("367d") << 367 * d << u"367d"_s;
    QTest::newRow("729d") << 729 * d << u"729d"_s;
    QTest::newRow("729d23h") << 730 * d - 1 << u"729d"_s;
    QTest::newRow("2y") << 2 * y << u"2y"_s;
    QTest::newRow("2y1d") << 2 * y + 25 * h << u"2y1d"_s;
    QTest::newRow("2y3d") << 2 * y + 3 * d << u"2y3d"_s;
    QTest::newRow("7y364d") << 8 * y - 1 << u"7y364d"_s;
    QTest::newRow("8y") << 8 * y << u"8y"_s;
    QTest::newRow("8y2h") << 8 * y + 2 * h << u"8y"_s;
    QTest::newRow("8y200d drops days") << 8 * y + 200 * d << u"8y"_s;
    QTest::newRow("100y") << 100 * y << u"100y"_s;
}

void TestSimTables::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(kubesim::humanDuration(seconds), expected);
}

void TestSimTables::columns_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("priorities");

    QTest::newRow("serviceaccounts") << QString() << u"serviceaccounts"_s
                                     << QStringList {u"Name"_s, u"Secrets"_s, u"Age"_s} << QList<int> {0, 0, 0};
    QTest::newRow("secrets") << QString() << u"secrets"_s << QStringList {u"Name"_s, u"Type"_s, u"Data"_s, u"Age"_s}
                             << QList<int> {0, 0, 0, 0};
    QTest::newRow("namespaces") << QString() << u"namespaces"_s << QStringList {u"Name"_s, u"Status"_s, u"Age"_s}
                                << QList<int> {0, 0, 0};
    QTest::newRow("configmaps") << QString() << u"configmaps"_s << QStringList {u"Name"_s, u"Data"_s, u"Age"_s}
                                << QList<int> {0, 0, 0};
    QTest::newRow("pods") << QString() << u"pods"_s
                          << QStringList {u"Name"_s, u"Ready"_s, u"Status"_s,         u"Restarts"_s,       u"Age"_s,
                                          u"IP"_s,   u"Node"_s,  u"Nominated Node"_s, u"Readiness Gates"_s}
                          << QList<int> {0, 0, 0, 0, 0, 1, 1, 1, 1};
    QTest::newRow("deployments") << u"apps"_s << u"deployments"_s
                                 << QStringList {u"Name"_s, u"Ready"_s,      u"Up-to-date"_s, u"Available"_s,
                                                 u"Age"_s,  u"Containers"_s, u"Images"_s,     u"Selector"_s}
                                 << QList<int> {0, 0, 0, 0, 0, 1, 1, 1};
    QTest::newRow("statefulsets") << u"apps"_s << u"statefulsets"_s
                                  << QStringList {u"Name"_s, u"Ready"_s, u"Age"_s, u"Containers"_s, u"Images"_s}
                                  << QList<int> {0, 0, 0, 1, 1};
    QTest::newRow("daemonsets") << u"apps"_s << u"daemonsets"_s
                                << QStringList {u"Name"_s,       u"Desired"_s,   u"Current"_s,       u"Ready"_s,
                                                u"Up-to-date"_s, u"Available"_s, u"Node Selector"_s, u"Age"_s,
                                                u"Containers"_s, u"Images"_s,    u"Selector"_s}
                                << QList<int> {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
    QTest::newRow("replicasets") << u"apps"_s << u"replicasets"_s
                                 << QStringList {u"Name"_s, u"Desired"_s,    u"Current"_s, u"Ready"_s,
                                                 u"Age"_s,  u"Containers"_s, u"Images"_s,  u"Selector"_s}
                                 << QList<int> {0, 0, 0, 0, 0, 1, 1, 1};
    QTest::newRow("rolebindings") << u"rbac.authorization.k8s.io"_s << u"rolebindings"_s
                                  << QStringList {u"Name"_s,  u"Role"_s,   u"Age"_s,
                                                  u"Users"_s, u"Groups"_s, u"ServiceAccounts"_s}
                                  << QList<int> {0, 0, 0, 1, 1, 1};
    QTest::newRow("clusterrolebindings") << u"rbac.authorization.k8s.io"_s << u"clusterrolebindings"_s
                                         << QStringList {u"Name"_s,  u"Role"_s,   u"Age"_s,
                                                         u"Users"_s, u"Groups"_s, u"ServiceAccounts"_s}
                                         << QList<int> {0, 0, 0, 1, 1, 1};
    QTest::newRow("roles") << u"rbac.authorization.k8s.io"_s << u"roles"_s << QStringList {u"Name"_s, u"Created At"_s}
                           << QList<int> {0, 0};
}

void TestSimTables::columns()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QStringList, names);
    QFETCH(QList<int>, priorities);
    const QJsonArray columns = tableColumns(resource(group, plural));
    QStringList gotNames;
    QList<int> gotPriorities;
    for (const QJsonValue &value : columns) {
        const QJsonObject column = value.toObject();
        gotNames.append(column.value("name"_L1).toString());
        gotPriorities.append(column.value("priority"_L1).toInt(-1));
        // metav1.TableColumnDefinition: every field is present and typed.
        QVERIFY2(!column.value("type"_L1).toString().isEmpty(), qPrintable(gotNames.last()));
        QVERIFY2(column.value("format"_L1).isString(), qPrintable(gotNames.last()));
        QVERIFY2(!column.value("description"_L1).toString().isEmpty(), qPrintable(gotNames.last()));
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotPriorities, priorities);
    // The Name column is formatted as a name, which kubectl uses for `-o name` style printing.
    QCOMPARE(columns.at(0).toObject().value("format"_L1).toString(), u"name"_s);
}

void TestSimTables::cells_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QByteArray>("cells");

    QTest::newRow("serviceaccount with 2 secrets")
        << QString() << u"serviceaccounts"_s << kServiceAccount << R"(["ci",2,"5m"])"_ba;
    QTest::newRow("serviceaccount without secrets")
        << QString() << u"serviceaccounts"_s
        << R"({"metadata":{"name":"default","creationTimestamp":"2024-01-01T00:00:00Z"}})"_ba
        << R"(["default",0,"5m"])"_ba;
    QTest::newRow("serviceaccount without creationTimestamp")
        << QString() << u"serviceaccounts"_s << R"({"metadata":{"name":"x"}})"_ba
        << R"(["x",0,"<unknown>"])"_ba;
    QTest::newRow("serviceaccount 3h10m old")
        << QString() << u"serviceaccounts"_s
        << R"({"metadata":{"name":"old","creationTimestamp":"2023-12-31T20:55:00Z"}})"_ba
        << R"(["old",0,"3h10m"])"_ba;
    QTest::newRow("secret with 3 data keys")
        << QString() << u"secrets"_s << R"({"metadata":{"name":"tok","creationTimestamp":"2024-01-01T00:00:00Z"},
               "type":"kubernetes.io/service-account-token","data":{"ca.crt":"eA==","namespace":"eA==","token":"eA=="}})"_ba
        << R"(["tok","kubernetes.io/service-account-token",3,"5m"])"_ba;
    QTest::newRow("opaque secret without data")
        << QString() << u"secrets"_s
        << R"({"metadata":{"name":"s","creationTimestamp":"2024-01-01T00:00:00Z"},"type":"Opaque"})"_ba
        << R"(["s","Opaque",0,"5m"])"_ba;
    QTest::newRow("namespace") << QString() << u"namespaces"_s
                               << R"({"metadata":{"name":"team-a","creationTimestamp":"2024-01-01T00:00:00Z"},
                                      "status":{"phase":"Terminating"}})"_ba
                               << R"(["team-a","Terminating","5m"])"_ba;
    // pkg/apis/rbac/helpers.go SubjectsStrings renders service accounts as "namespace/name", joined with ", ".
    QTest::newRow("rolebinding to a role")
        << u"rbac.authorization.k8s.io"_s << u"rolebindings"_s
        << R"({"metadata":{"name":"rb","namespace":"team-a","creationTimestamp":"2024-01-01T00:00:00Z"},
               "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"},
               "subjects":[{"kind":"User","name":"alice"},{"kind":"ServiceAccount","name":"ci","namespace":"team-a"},
                           {"kind":"Group","name":"devs"},{"kind":"User","name":"bob"},
                           {"kind":"ServiceAccount","name":"deployer","namespace":"team-b"}]})"_ba
        << R"(["rb","Role/reader","5m","alice, bob","devs","team-a/ci, team-b/deployer"])"_ba;
    QTest::newRow("rolebinding to a clusterrole")
        << u"rbac.authorization.k8s.io"_s << u"rolebindings"_s
        << R"({"metadata":{"name":"view","namespace":"team-a","creationTimestamp":"2024-01-01T00:00:00Z"},
               "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
               "subjects":[{"kind":"ServiceAccount","name":"ci","namespace":"team-a"}]})"_ba
        << R"(["view","ClusterRole/view","5m","","","team-a/ci"])"_ba;
    QTest::newRow("clusterrolebinding without subjects")
        << u"rbac.authorization.k8s.io"_s << u"clusterrolebindings"_s
        << R"({"metadata":{"name":"crb","creationTimestamp":"2024-01-01T00:00:00Z"},
               "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"admin"}})"_ba
        << R"(["crb","ClusterRole/admin","5m","","",""])"_ba;
    // printPod: Ready "ready/total", Status the phase, Restarts a string (it may carry "(5m ago)").
    QTest::newRow("pod") << QString() << u"pods"_s
                         << R"({"metadata":{"name":"p","creationTimestamp":"2024-01-01T00:00:00Z"},
                                "spec":{"nodeName":"node-1","containers":[{"name":"a"},{"name":"b"}]},
                                "status":{"phase":"Running","podIP":"10.0.0.5",
                                          "containerStatuses":[{"name":"a","ready":true,"restartCount":1},
                                                               {"name":"b","ready":false,"restartCount":2}]}})"_ba
                         << R"(["p","1/2","Running","3","5m","10.0.0.5","node-1","<none>","<none>"])"_ba;
    QTest::newRow("deployment") << u"apps"_s << u"deployments"_s
                                << R"({"metadata":{"name":"web","creationTimestamp":"2024-01-01T00:00:00Z"},
                                       "spec":{"replicas":3,"selector":{"matchLabels":{"tier":"front","app":"web"}},
                                               "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},
                                                                                 {"name":"log","image":"busybox"}]}}},
                                       "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}})"_ba
                                << R"(["web","2/3",3,2,"5m","nginx,log","nginx:1.25,busybox","app=web,tier=front"])"_ba;
    // printStatefulSet: READY is readyReplicas/spec.replicas.
    QTest::newRow("statefulset") << u"apps"_s << u"statefulsets"_s
                                 << R"({"metadata":{"name":"db","creationTimestamp":"2024-01-01T00:00:00Z"},
                                        "spec":{"replicas":3,"selector":{"matchLabels":{"app":"db"}},
                                                "template":{"spec":{"containers":[{"name":"pg","image":"postgres:16"}]}}},
                                        "status":{"replicas":3,"readyReplicas":1}})"_ba
                                 << R"(["db","1/3","5m","pg","postgres:16"])"_ba;
    // printDaemonSet: the status counts, then the template's nodeSelector as labels.FormatLabels writes it.
    QTest::newRow("daemonset")
        << u"apps"_s << u"daemonsets"_s << R"({"metadata":{"name":"agent","creationTimestamp":"2024-01-01T00:00:00Z"},
                                      "spec":{"selector":{"matchLabels":{"app":"agent"}},
                                              "template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux","disk":"ssd"},
                                                                  "containers":[{"name":"a","image":"agent:1"}]}}},
                                      "status":{"desiredNumberScheduled":3,"currentNumberScheduled":3,"numberReady":2,
                                                "updatedNumberScheduled":1,"numberAvailable":2}})"_ba
        << R"(["agent",3,3,2,1,2,"disk=ssd,kubernetes.io/os=linux","5m","a","agent:1","app=agent"])"_ba;
    QTest::newRow("daemonset without a node selector or status")
        << u"apps"_s << u"daemonsets"_s << R"({"metadata":{"name":"agent","creationTimestamp":"2024-01-01T00:00:00Z"},
               "spec":{"selector":{"matchLabels":{"app":"agent"}},
                       "template":{"spec":{"containers":[{"name":"a","image":"agent:1"}]}}}})"_ba
        << R"(["agent",0,0,0,0,0,"<none>","5m","a","agent:1","app=agent"])"_ba;
}

void TestSimTables::cells()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QByteArray, object);
    QFETCH(QByteArray, cells);
    const ResourceType &type = resource(group, plural);
    const QJsonObject row = tableRow(type, parse(object).toObject(), IncludeObject::None, kNow);
    QCOMPARE(canonical(row.value("cells"_L1)), canonical(parse(cells)));
    // One cell per column definition.
    QCOMPARE(row.value("cells"_L1).toArray().size(), tableColumns(type).size());
}

void TestSimTables::includeObject_data()
{
    QTest::addColumn<int>("include");
    QTest::addColumn<QByteArray>("expected"); // the row's object, or empty for none

    QTest::newRow("None") << int(IncludeObject::None) << QByteArray();
    QTest::newRow("Metadata") << int(IncludeObject::Metadata)
                              << R"({"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                                     "metadata":{"name":"ci","namespace":"team-a","uid":"u-1","resourceVersion":"42",
                                                 "creationTimestamp":"2024-01-01T00:00:00Z","labels":{"app":"ci"},
                                                 "annotations":{"a":"b"}}})"_ba;
    QTest::newRow("Object") << int(IncludeObject::Object) << kServiceAccount;
}

void TestSimTables::includeObject()
{
    QFETCH(int, include);
    QFETCH(QByteArray, expected);
    const QJsonObject object = parse(kServiceAccount).toObject();
    const QJsonObject row = tableRow(resource(QString(), u"serviceaccounts"_s), object, IncludeObject(include), kNow);
    QCOMPARE(row.contains("object"_L1), !expected.isEmpty());
    if (!expected.isEmpty())
        QCOMPARE(canonical(row.value("object"_L1)), canonical(parse(expected)));
    const QStringList keys = expected.isEmpty() ? QStringList {u"cells"_s} : QStringList {u"cells"_s, u"object"_s};
    QCOMPARE(row.keys(), keys);
    if (IncludeObject(include) == IncludeObject::Metadata)
        QCOMPARE(partialObjectMetadata(object), row.value("object"_L1).toObject());
}

void TestSimTables::makeTable_data()
{
    QTest::addColumn<int>("objects");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<bool>("withColumns");

    QTest::newRow("v1 with columns") << 2 << u"meta.k8s.io/v1"_s << true;
    QTest::newRow("v1beta1 with columns") << 1 << u"meta.k8s.io/v1beta1"_s << true;
    QTest::newRow("watch event without columns") << 1 << u"meta.k8s.io/v1"_s << false;
    QTest::newRow("empty list") << 0 << u"meta.k8s.io/v1"_s << true;
}

void TestSimTables::makeTable()
{
    QFETCH(int, objects);
    QFETCH(QString, apiVersion);
    QFETCH(bool, withColumns);
    const ResourceType &type = resource(QString(), u"serviceaccounts"_s);
    QList<QJsonObject> list;
    QStringList names;
    for (int i = 0; i < objects; ++i) {
        QJsonObject sa = parse(kServiceAccount).toObject();
        QJsonObject metadata = sa.value("metadata"_L1).toObject();
        names.append(u"sa-"_s + QString::number(i));
        metadata.insert("name"_L1, names.last());
        sa.insert("metadata"_L1, metadata);
        list.append(sa);
    }
    const QJsonObject listMetadata {{"resourceVersion"_L1, u"100"_s}, {"continue"_L1, u"token"_s}};
    const QJsonObject table =
        kubesim::makeTable(type, list, IncludeObject::Metadata, listMetadata, apiVersion, withColumns);

    QCOMPARE(table.value("kind"_L1).toString(), u"Table"_s);
    QCOMPARE(table.value("apiVersion"_L1).toString(), apiVersion);
    QCOMPARE(table.value("metadata"_L1).toObject(), listMetadata);
    // Later watch events carry "columnDefinitions": null, present but null.
    QVERIFY(table.contains("columnDefinitions"_L1));
    if (withColumns)
        QCOMPARE(table.value("columnDefinitions"_L1).toArray(), tableColumns(type));
    else
        QVERIFY(table.value("columnDefinitions"_L1).isNull());
    // An empty list still has "rows": [], never null.
    QVERIFY(table.value("rows"_L1).isArray());
    const QJsonArray rows = table.value("rows"_L1).toArray();
    QCOMPARE(rows.size(), objects);
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(row.value("cells"_L1).toArray().at(0).toString(), names.at(i));
        QCOMPARE(row.value("object"_L1).toObject().value("kind"_L1).toString(), u"PartialObjectMetadata"_s);
    }
}

QTEST_GUILESS_MAIN(TestSimTables)
#include "tst_simtables.moc"
