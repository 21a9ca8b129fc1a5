#include "Store.h"

#include <QJsonArray>
#include <QSignalSpy>
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

const ResourceType &serviceAccounts()
{
    return resource(QString(), u"serviceaccounts"_s);
}

const ResourceType &namespaces()
{
    return resource(QString(), u"namespaces"_s);
}

QJsonObject object(const QString &ns, const QString &name, const QJsonObject &extra = {})
{
    QJsonObject metadata {{"name"_L1, name}};
    if (!ns.isEmpty())
        metadata.insert("namespace"_L1, ns);
    QJsonObject result = extra;
    result.insert("metadata"_L1, metadata);
    return result;
}

QString rvOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
}

QString typeLetter(Store::EventType type)
{
    switch (type) {
    case Store::EventType::Added:
        return u"A"_s;
    case Store::EventType::Modified:
        return u"M"_s;
    case Store::EventType::Deleted:
        return u"D"_s;
    }
    return u"?"_s;
}

// Runs "add:NAME", "update:NAME" or "remove:NAME" on service accounts in namespace "ns"; an update
// writes a label with the step number so every update changes the object.
QJsonObject run(Store &store, const QString &op, int step)
{
    const QString verb = op.section(u':', 0, 0);
    const QString name = op.section(u':', 1, 1);
    if (verb == "add"_L1)
        return store.add(serviceAccounts(), object(u"ns"_s, name));
    if (verb == "update"_L1) {
        return store.update(serviceAccounts(),
                            object(u"ns"_s, name, {{"secrets"_L1, QJsonArray {QString::number(step)}}}));
    }
    if (verb == "remove"_L1)
        return store.remove(serviceAccounts(), u"ns"_s, name);
    qFatal("bad op in test data: %s", qPrintable(op));
}

} // namespace

class TestSimStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceVersion_data();
    void resourceVersion();
    void key_data();
    void key();
    void get_data();
    void get();
    void snapshot_data();
    void snapshot();
    void remove_data();
    void remove();
    void eventsSince_data();
    void eventsSince();
    void compaction_data();
    void compaction();
    void changedSignal_data();
    void changedSignal();
};

void TestSimStore::resourceVersion_data()
{
    QTest::addColumn<QStringList>("ops");
    QTest::addColumn<QStringList>("stamped"); // metadata.resourceVersion of each returned object
    QTest::addColumn<qint64>("finalVersion");

    QTest::newRow("fresh store") << QStringList() << QStringList() << qint64(0);
    QTest::newRow("one add") << QStringList {u"add:a"_s} << QStringList {u"1"_s} << qint64(1);
    QTest::newRow("adds of different objects share one counter")
        << QStringList {u"add:a"_s, u"add:b"_s, u"add:c"_s} << QStringList {u"1"_s, u"2"_s, u"3"_s} << qint64(3);
    QTest::newRow("add update update") << QStringList {u"add:a"_s, u"update:a"_s, u"update:a"_s}
                                       << QStringList {u"1"_s, u"2"_s, u"3"_s} << qint64(3);
    QTest::newRow("remove is a write") << QStringList {u"add:a"_s, u"remove:a"_s, u"add:a"_s}
                                       << QStringList {u"1"_s, u"2"_s, u"3"_s} << qint64(3);
    QTest::newRow("removing a missing object writes nothing")
        << QStringList {u"add:a"_s, u"remove:zz"_s, u"add:b"_s} << QStringList {u"1"_s, QString(), u"2"_s} << qint64(2);
}

void TestSimStore::resourceVersion()
{
    QFETCH(QStringList, ops);
    QFETCH(QStringList, stamped);
    QFETCH(qint64, finalVersion);
    Store store(100);
    QCOMPARE(ops.size(), stamped.size());
    for (int i = 0; i < ops.size(); ++i) {
        const QJsonObject result = run(store, ops.at(i), i);
        QCOMPARE(rvOf(result), stamped.at(i));
        if (!stamped.at(i).isEmpty()) {
            QCOMPARE(QString::number(store.resourceVersion()), stamped.at(i));
            // What is stored carries the same stamp as what the write returned.
            const auto stored = store.get(serviceAccounts(), u"ns"_s, ops.at(i).section(u':', 1, 1));
            if (ops.at(i).startsWith("remove"_L1))
                QVERIFY(!stored);
            else
                QCOMPARE(rvOf(stored.value()), stamped.at(i));
        }
    }
    QCOMPARE(store.resourceVersion(), finalVersion);
}

void TestSimStore::key_data()
{
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("namespaced") << u"team-a"_s << u"ci"_s << u"team-a/ci"_s;
    QTest::newRow("cluster-scoped") << QString() << u"team-a"_s << u"team-a"_s;
    QTest::newRow("dotted name") << u"kube-system"_s << u"a.b.c"_s << u"kube-system/a.b.c"_s;
}

void TestSimStore::key()
{
    QFETCH(QString, ns);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(Store::key(ns, name), expected);
    QCOMPARE(Store::key(object(ns, name)), expected);
}

void TestSimStore::get_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");

    // The store holds service account a/sa and namespace team-a.
    QTest::newRow("namespaced, same namespace") << u"serviceaccounts"_s << u"a"_s << u"sa"_s << true;
    QTest::newRow("namespaced, other namespace") << u"serviceaccounts"_s << u"b"_s << u"sa"_s << false;
    QTest::newRow("namespaced, no namespace") << u"serviceaccounts"_s << QString() << u"sa"_s << false;
    QTest::newRow("namespaced, other name") << u"serviceaccounts"_s << u"a"_s << u"x"_s << false;
    QTest::newRow("namespaced, name of another type") << u"serviceaccounts"_s << u"a"_s << u"team-a"_s << false;
    QTest::newRow("cluster-scoped, no namespace") << u"namespaces"_s << QString() << u"team-a"_s << true;
    QTest::newRow("cluster-scoped ignores a namespace") << u"namespaces"_s << u"default"_s << u"team-a"_s << true;
    QTest::newRow("cluster-scoped, other name") << u"namespaces"_s << QString() << u"sa"_s << false;
    QTest::newRow("type never written") << u"secrets"_s << u"a"_s << u"sa"_s << false;
}

void TestSimStore::get()
{
    QFETCH(QString, plural);
    QFETCH(QString, ns);
    QFETCH(QString, name);
    QFETCH(bool, found);
    Store store(100);
    store.add(serviceAccounts(), object(u"a"_s, u"sa"_s));
    store.add(namespaces(), object(QString(), u"team-a"_s));
    const ResourceType &type = resource(QString(), plural);
    const auto result = store.get(type, ns, name);
    QCOMPARE(result.has_value(), found);
    if (found) {
        const QJsonObject metadata = result->value("metadata"_L1).toObject();
        QCOMPARE(metadata.value("name"_L1).toString(), name);
        QCOMPARE(metadata.value("namespace"_L1).toString(), type.namespaced ? ns : QString());
    }
}

void TestSimStore::snapshot_data()
{
    QTest::addColumn<QString>("laterOp");
    QTest::addColumn<int>("countAfter");

    QTest::newRow("later add") << u"add:c"_s << 3;
    QTest::newRow("later update") << u"update:a"_s << 2;
    QTest::newRow("later remove") << u"remove:a"_s << 1;
}

void TestSimStore::snapshot()
{
    QFETCH(QString, laterOp);
    QFETCH(int, countAfter);
    Store store(100);
    store.add(serviceAccounts(), object(u"ns"_s, u"a"_s));
    store.add(serviceAccounts(), object(u"ns"_s, u"b"_s));
    const Store::Objects before = store.objects(serviceAccounts());
    const QJsonObject aBefore = before.value(u"ns/a"_s);
    run(store, laterOp, 7);

    QCOMPARE(before.size(), 2);
    QCOMPARE(before.keys(), (QStringList {u"ns/a"_s, u"ns/b"_s}));
    QCOMPARE(before.value(u"ns/a"_s), aBefore);
    QCOMPARE(rvOf(before.value(u"ns/a"_s)), u"1"_s);
    QVERIFY(!before.value(u"ns/a"_s).contains("secrets"_L1));

    const Store::Objects after = store.objects(serviceAccounts());
    QCOMPARE(after.size(), countAfter);
    QVERIFY(after != before);
}

void TestSimStore::remove_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");

    QTest::newRow("namespaced") << u"serviceaccounts"_s << u"team-a"_s << u"ci"_s;
    QTest::newRow("cluster-scoped") << u"namespaces"_s << QString() << u"team-a"_s;
}

void TestSimStore::remove()
{
    QFETCH(QString, plural);
    QFETCH(QString, ns);
    QFETCH(QString, name);
    const ResourceType &type = resource(QString(), plural);
    Store store(100);
    store.add(type, object(ns, name));
    const QJsonObject updated = store.update(type, object(ns, name, {{"secrets"_L1, QJsonArray {u"s"_s}}}));
    QCOMPARE(rvOf(updated), u"2"_s);

    QSignalSpy spy(&store, &Store::changed);
    const QJsonObject last = store.remove(type, ns, name);
    QCOMPARE(rvOf(last), u"3"_s);
    QCOMPARE(store.resourceVersion(), qint64(3));
    // The last state: the object as stored, with only the resourceVersion changed.
    QJsonObject expected = updated;
    QJsonObject metadata = expected.value("metadata"_L1).toObject();
    metadata.insert("resourceVersion"_L1, u"3"_s);
    expected.insert("metadata"_L1, metadata);
    QCOMPARE(last, expected);
    QVERIFY(!store.get(type, ns, name));
    QVERIFY(store.objects(type).isEmpty());

    QCOMPARE(spy.size(), 1);
    const auto event = spy.at(0).at(0).value<Store::Event>();
    QCOMPARE(event.type, Store::EventType::Deleted);
    QCOMPARE(event.resource, &type);
    QCOMPARE(event.resourceVersion, qint64(3));
    QCOMPARE(event.object, last);
    QCOMPARE(event.oldObject, updated);

    // A second remove finds nothing and writes nothing.
    QCOMPARE(store.remove(type, ns, name), QJsonObject());
    QCOMPARE(store.resourceVersion(), qint64(3));
    QCOMPARE(spy.size(), 1);
}

void TestSimStore::eventsSince_data()
{
    QTest::addColumn<qint64>("since");
    QTest::addColumn<QString>("types");
    QTest::addColumn<QList<qint64>>("versions");

    // The history below: 1 add a, 2 add b, 3 update a, 4 remove b, 5 add c.
    QTest::newRow("from 0, everything") << qint64(0) << u"AAMDA"_s << QList<qint64> {1, 2, 3, 4, 5};
    QTest::newRow("from 1") << qint64(1) << u"AMDA"_s << QList<qint64> {2, 3, 4, 5};
    QTest::newRow("from 3") << qint64(3) << u"DA"_s << QList<qint64> {4, 5};
    QTest::newRow("from 4") << qint64(4) << u"A"_s << QList<qint64> {5};
    QTest::newRow("from the current version, nothing") << qint64(5) << QString() << QList<qint64>();
    QTest::newRow("from the future, nothing") << qint64(9) << QString() << QList<qint64>();
}

void TestSimStore::eventsSince()
{
    QFETCH(qint64, since);
    QFETCH(QString, types);
    QFETCH(QList<qint64>, versions);
    Store store(100);
    const QStringList ops {u"add:a"_s, u"add:b"_s, u"update:a"_s, u"remove:b"_s, u"add:c"_s};
    for (int i = 0; i < ops.size(); ++i)
        run(store, ops.at(i), i);
    const auto events = store.eventsSince(since);
    QVERIFY(events.has_value());
    QString gotTypes;
    QList<qint64> gotVersions;
    for (const Store::Event &event : *events) {
        gotTypes += typeLetter(event.type);
        gotVersions.append(event.resourceVersion);
        QCOMPARE(rvOf(event.object), QString::number(event.resourceVersion));
        QCOMPARE(event.resource, &serviceAccounts());
        QCOMPARE(event.oldObject.isEmpty(), event.type == Store::EventType::Added);
    }
    QCOMPARE(gotTypes, types);
    QCOMPARE(gotVersions, versions);
}

void TestSimStore::compaction_data()
{
    QTest::addColumn<int>("historyLimit");
    QTest::addColumn<int>("writes");
    QTest::addColumn<qint64>("since");
    QTest::addColumn<qint64>("compacted");
    QTest::addColumn<int>("events"); // -1: nullopt (expired)

    QTest::newRow("within the limit, nothing compacted") << 3 << 3 << qint64(0) << qint64(0) << 3;
    QTest::newRow("one over: rv 1 compacted, from 0 expired") << 3 << 4 << qint64(0) << qint64(1) << -1;
    QTest::newRow("one over: from the compacted rv is complete") << 3 << 4 << qint64(1) << qint64(1) << 3;
    QTest::newRow("many over: from an old rv expired") << 3 << 10 << qint64(5) << qint64(7) << -1;
    QTest::newRow("many over: from the compacted rv") << 3 << 10 << qint64(7) << qint64(7) << 3;
    QTest::newRow("many over: from the newest rv") << 3 << 10 << qint64(10) << qint64(7) << 0;
    QTest::newRow("limit 1") << 1 << 5 << qint64(4) << qint64(4) << 1;
    QTest::newRow("limit 1, one back expired") << 1 << 5 << qint64(3) << qint64(4) << -1;
    QTest::newRow("limit 0 behaves as 1") << 0 << 5 << qint64(4) << qint64(4) << 1;
}

void TestSimStore::compaction()
{
    QFETCH(int, historyLimit);
    QFETCH(int, writes);
    QFETCH(qint64, since);
    QFETCH(qint64, compacted);
    QFETCH(int, events);
    Store store(historyLimit);
    for (int i = 0; i < writes; ++i)
        store.add(serviceAccounts(), object(u"ns"_s, u"sa-"_s + QString::number(i)));
    QCOMPARE(store.compactedResourceVersion(), compacted);
    const auto result = store.eventsSince(since);
    QCOMPARE(result.has_value(), events >= 0);
    if (result) {
        QCOMPARE(result->size(), events);
        for (int i = 0; i < result->size(); ++i)
            QCOMPARE(result->at(i).resourceVersion, since + i + 1);
    }
}

void TestSimStore::changedSignal_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("emitted");
    QTest::addColumn<QString>("type");

    QTest::newRow("add") << u"add:b"_s << 1 << u"A"_s;
    QTest::newRow("update") << u"update:a"_s << 1 << u"M"_s;
    QTest::newRow("remove") << u"remove:a"_s << 1 << u"D"_s;
    QTest::newRow("remove of a missing object") << u"remove:zz"_s << 0 << QString();
}

void TestSimStore::changedSignal()
{
    QFETCH(QString, op);
    QFETCH(int, emitted);
    QFETCH(QString, type);
    Store store(100);
    const QJsonObject first = store.add(serviceAccounts(), object(u"ns"_s, u"a"_s));
    QSignalSpy spy(&store, &Store::changed);
    QVERIFY(spy.isValid());
    const QJsonObject result = run(store, op, 1);
    QCOMPARE(spy.size(), emitted);
    if (emitted == 0)
        return;
    const auto event = spy.at(0).at(0).value<Store::Event>();
    QCOMPARE(typeLetter(event.type), type);
    QCOMPARE(event.resourceVersion, qint64(2));
    QCOMPARE(event.object, result);
    QCOMPARE(event.oldObject, type == "A"_L1 ? QJsonObject() : first);
    // The signal carries the same event the history recorded.
    const auto history = store.eventsSince(1);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().object, event.object);
}

QTEST_GUILESS_MAIN(TestSimStore)
#include "tst_simstore.moc"
