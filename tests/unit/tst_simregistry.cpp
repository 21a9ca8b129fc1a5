#include "Patch.h"
#include "Registry.h"
#include "Seeds.h"
#include "Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace kubesim;

namespace {

const QString kRbac = u"rbac.authorization.k8s.io"_s;

const ResourceType &resource(const QString &group, const QString &plural)
{
    const ResourceType *type = findResource(group, u"v1"_s, plural);
    if (!type)
        qFatal("unknown resource in test data: %s", qPrintable(plural));
    return *type;
}

const ResourceType &core(const QString &plural)
{
    return resource(QString(), plural);
}

QJsonObject parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (!doc.isObject())
        qFatal("bad JSON object in test data: %s", text.constData());
    return doc.object();
}

QByteArray canonical(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
}

QJsonObject meta(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

QString metaString(const QJsonObject &object, QLatin1StringView key)
{
    return meta(object).value(key).toString();
}

QJsonObject withMeta(QJsonObject object, QLatin1StringView key, const QJsonValue &value)
{
    QJsonObject metadata = meta(object);
    metadata.insert(key, value);
    object.insert("metadata"_L1, metadata);
    return object;
}

QByteArray describe(const WriteResult &result)
{
    return result.failure ? QJsonDocument(result.failure->status).toJson(QJsonDocument::Compact) : "ok"_ba;
}

// A deployment whose selector matches its template, as validation requires.
QByteArray deploymentBody(const QString &name)
{
    return uR"({"metadata":{"name":"%1"},"spec":{"selector":{"matchLabels":{"app":"web"}},
                "template":{"metadata":{"labels":{"app":"web"}},
                            "spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}}})"_s.arg(name)
        .toUtf8();
}

// A StatefulSet or DaemonSet whose selector matches its template.
QByteArray setBody(const QString &name)
{
    return uR"({"metadata":{"name":"%1"},"spec":{"selector":{"matchLabels":{"app":"db"}},
                "template":{"metadata":{"labels":{"app":"db"}},
                            "spec":{"containers":[{"name":"db","image":"postgres:16"}]}}}})"_s.arg(name)
        .toUtf8();
}

const QByteArray kPod = R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx"}]}})"_ba;

// A fresh simulator state per row: the bootstrap namespaces plus namespace "ns".
class Cluster
{
public:
    Cluster()
        : m_store(10000)
        , m_registry(m_store)
    {
        seedBootstrap(m_registry);
        m_registry.create(core(u"namespaces"_s), QString(), parse(R"({"metadata":{"name":"ns"}})"));
    }
    Store &store() { return m_store; }
    Registry &registry() { return m_registry; }
    QJsonObject mustCreate(const ResourceType &type, const QString &ns, const QJsonObject &body)
    {
        const WriteResult result = m_registry.create(type, ns, body);
        if (!result.ok())
            qFatal("test setup: create failed: %s", describe(result).constData());
        return result.object;
    }
    QJsonObject stored(const ResourceType &type, const QString &ns, const QString &name) const
    {
        return m_store.get(type, ns, name).value_or(QJsonObject());
    }

private:
    Store m_store;
    Registry m_registry;
};

void verifyFailure(const WriteResult &result, int code, const QString &reason, const QString &message)
{
    QVERIFY2(!result.ok(), "expected a failure");
    QCOMPARE(result.failure->code, code);
    const QJsonObject status = result.failure->status;
    QCOMPARE(status.value("kind"_L1).toString(), u"Status"_s);
    QCOMPARE(status.value("status"_L1).toString(), u"Failure"_s);
    QCOMPARE(status.value("code"_L1).toInt(), code);
    QCOMPARE(status.value("reason"_L1).toString(), reason);
    if (!message.isNull())
        QCOMPARE(status.value("message"_L1).toString(), message);
}

} // namespace

class TestSimRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_data();
    void create();
    void generateName_data();
    void generateName();
    void createFailures_data();
    void createFailures();
    void update_data();
    void update();
    void generation_data();
    void generation();
    void statusSubresource_data();
    void statusSubresource();
    void patch_data();
    void patch();
    void deletePreconditions_data();
    void deletePreconditions();
    void namespaceTermination_data();
    void namespaceTermination();
    void cascade_data();
    void cascade();
    void secretStringData_data();
    void secretStringData();
    void podAdmission_data();
    void podAdmission();
    void admissionNamesGeneratedPodsByPrefix();
    void setDefaults_data();
    void setDefaults();
    void setUpdates_data();
    void setUpdates();
};

void TestSimRegistry::create_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("generation"); // 0: no metadata.generation

    QTest::newRow("serviceaccount") << QString() << u"serviceaccounts"_s << u"ns"_s
                                    << R"({"metadata":{"name":"sa"}})"_ba << 0;
    QTest::newRow("secret") << QString() << u"secrets"_s << u"ns"_s << R"({"metadata":{"name":"s"}})"_ba << 0;
    QTest::newRow("configmap") << QString() << u"configmaps"_s << u"ns"_s << R"({"metadata":{"name":"c"}})"_ba << 0;
    QTest::newRow("namespace") << QString() << u"namespaces"_s << QString() << R"({"metadata":{"name":"n2"}})"_ba << 0;
    QTest::newRow("role") << kRbac << u"roles"_s << u"ns"_s << R"({"metadata":{"name":"r"},"rules":[]})"_ba << 0;
    QTest::newRow("clusterrole") << kRbac << u"clusterroles"_s << QString()
                                 << R"({"metadata":{"name":"cr"},"rules":[]})"_ba << 0;
    QTest::newRow("deployment") << u"apps"_s << u"deployments"_s << u"ns"_s << deploymentBody(u"d"_s) << 1;
    QTest::newRow("replicaset") << u"apps"_s << u"replicasets"_s << u"ns"_s << deploymentBody(u"rs"_s) << 1;
    QTest::newRow("statefulset") << u"apps"_s << u"statefulsets"_s << u"ns"_s << setBody(u"db"_s) << 1;
    QTest::newRow("daemonset") << u"apps"_s << u"daemonsets"_s << u"ns"_s << setBody(u"ds"_s) << 1;
    QTest::newRow("client-set server fields are replaced")
        << QString() << u"serviceaccounts"_s << u"ns"_s
        << R"({"metadata":{"name":"sa","uid":"mine","creationTimestamp":"2000-01-01T00:00:00Z","generation":7}})"_ba
        << 0;
    QTest::newRow("client-set generation on a deployment is reset to 1")
        << u"apps"_s << u"deployments"_s << u"ns"_s
        << QJsonDocument(withMeta(parse(deploymentBody(u"d"_s)), "generation"_L1, 7)).toJson() << 1;
}

void TestSimRegistry::create()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QString, ns);
    QFETCH(QByteArray, body);
    QFETCH(int, generation);
    Cluster cluster;
    const ResourceType &type = resource(group, plural);
    const qint64 rvBefore = cluster.store().resourceVersion();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    const WriteResult result = cluster.registry().create(type, ns, parse(body));
    QVERIFY2(result.ok(), describe(result).constData());
    QVERIFY(result.created);
    const QJsonObject metadata = meta(result.object);
    QCOMPARE(result.object.value("apiVersion"_L1).toString(), type.apiVersion());
    QCOMPARE(result.object.value("kind"_L1).toString(), type.kind);
    QCOMPARE(metadata.value("namespace"_L1).toString(), ns);

    const QString uid = metadata.value("uid"_L1).toString();
    QVERIFY2(!QUuid::fromString(uid).isNull(), qPrintable(uid));
    const QDateTime created = QDateTime::fromString(metadata.value("creationTimestamp"_L1).toString(), Qt::ISODate);
    QVERIFY(created.isValid());
    QVERIFY(created >= before && created <= QDateTime::currentDateTimeUtc().addSecs(1));
    QCOMPARE(metadata.contains("generation"_L1), generation > 0);
    if (generation > 0)
        QCOMPARE(metadata.value("generation"_L1).toInteger(), qint64(generation));

    QCOMPARE(cluster.store().resourceVersion(), rvBefore + 1);
    QCOMPARE(metadata.value("resourceVersion"_L1).toString(), QString::number(rvBefore + 1));
    QCOMPARE(cluster.stored(type, ns, metadata.value("name"_L1).toString()), result.object);
}

void TestSimRegistry::generateName_data()
{
    QTest::addColumn<QString>("prefix");

    QTest::newRow("dash-terminated") << u"build-"_s;
    QTest::newRow("without a dash") << u"sa"_s;
    QTest::newRow("dotted") << u"ci.token-"_s;
}

void TestSimRegistry::generateName()
{
    QFETCH(QString, prefix);
    Cluster cluster;
    const QJsonObject body {{"metadata"_L1, QJsonObject {{"generateName"_L1, prefix}}}};
    QStringList names;
    for (int i = 0; i < 2; ++i) {
        const WriteResult result = cluster.registry().create(core(u"serviceaccounts"_s), u"ns"_s, body);
        QVERIFY2(result.ok(), describe(result).constData());
        const QString name = metaString(result.object, "name"_L1);
        QVERIFY2(name.startsWith(prefix), qPrintable(name));
        QCOMPARE(name.size(), prefix.size() + 5);
        // k8s.io/apimachinery/pkg/util/rand: consonants and digits without vowels or look-alikes.
        for (const QChar c : name.mid(prefix.size()))
            QVERIFY2(u"bcdfghjklmnpqrstvwxz2456789"_s.contains(c), qPrintable(name));
        QCOMPARE(metaString(result.object, "generateName"_L1), prefix);
        names.append(name);
    }
    QVERIFY(names.at(0) != names.at(1));
}

void TestSimRegistry::createFailures_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("twice"); // create the body once first
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detailsKind"); // empty: no details

    const QByteArray sa = R"({"metadata":{"name":"sa"}})"_ba;
    QTest::newRow("missing namespace") << QString() << u"serviceaccounts"_s << u"x"_s << sa << false << 404
                                       << u"NotFound"_s << uR"(namespaces "x" not found)"_s << u"namespaces"_s;
    QTest::newRow("missing namespace for a deployment")
        << u"apps"_s << u"deployments"_s << u"x"_s << deploymentBody(u"d"_s) << false << 404 << u"NotFound"_s
        << uR"(namespaces "x" not found)"_s << u"namespaces"_s;
    QTest::newRow("duplicate serviceaccount")
        << QString() << u"serviceaccounts"_s << u"ns"_s << sa << true << 409 << u"AlreadyExists"_s
        << uR"(serviceaccounts "sa" already exists)"_s << u"serviceaccounts"_s;
    QTest::newRow("duplicate deployment")
        << u"apps"_s << u"deployments"_s << u"ns"_s << deploymentBody(u"d"_s) << true << 409 << u"AlreadyExists"_s
        << uR"(deployments.apps "d" already exists)"_s << u"deployments"_s;
    QTest::newRow("duplicate namespace") << QString() << u"namespaces"_s << QString()
                                         << R"({"metadata":{"name":"ns"}})"_ba << false << 409 << u"AlreadyExists"_s
                                         << uR"(namespaces "ns" already exists)"_s << u"namespaces"_s;
    QTest::newRow("invalid name")
        << QString() << u"serviceaccounts"_s << u"ns"_s << R"({"metadata":{"name":"Bad_Name"}})"_ba << false << 422
        << u"Invalid"_s
        << uR"(ServiceAccount "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'))"_s
        << u"ServiceAccount"_s;
    QTest::newRow("no name")
        << QString() << u"serviceaccounts"_s << u"ns"_s << R"({"metadata":{}})"_ba << false << 422 << u"Invalid"_s
        << uR"(ServiceAccount "" is invalid: metadata.name: Required value: name or generateName is required)"_s
        << u"ServiceAccount"_s;
    // pkg/apis/apps/validation: ValidateStatefulSet and ValidateDaemonSet.
    const auto withSpec = [](const QString &name, const QByteArray &spec) {
        return QJsonDocument(applyMergePatch(parse(setBody(name)), parse(spec)).toObject()).toJson();
    };
    QTest::newRow("statefulset without a selector")
        << u"apps"_s << u"statefulsets"_s << u"ns"_s << withSpec(u"db"_s, R"({"spec":{"selector":null}})") << false
        << 422 << u"Invalid"_s
        << uR"(StatefulSet.apps "db" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`])"_s
        << u"StatefulSet"_s;
    QTest::newRow("statefulset with an empty selector")
        << u"apps"_s << u"statefulsets"_s << u"ns"_s
        << withSpec(u"db"_s, R"({"spec":{"selector":{"matchLabels":null}}})") << false << 422 << u"Invalid"_s
        << uR"(StatefulSet.apps "db" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset)"_s
        << u"StatefulSet"_s;
    QTest::newRow("statefulset names are DNS labels")
        << u"apps"_s << u"statefulsets"_s << u"ns"_s << setBody(u"db.main"_s) << false << 422 << u"Invalid"_s
        << uR"(StatefulSet.apps "db.main" is invalid: metadata.name: Invalid value: "db.main": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'))"_s
        << u"StatefulSet"_s;
    QTest::newRow("statefulset policies")
        << u"apps"_s << u"statefulsets"_s << u"ns"_s
        << withSpec(u"db"_s, R"({"spec":{"podManagementPolicy":"Whenever","replicas":-1,
                                         "updateStrategy":{"rollingUpdate":{"partition":-2}},
                                         "template":{"spec":{"restartPolicy":"Never"}}}})")
        << false << 422 << u"Invalid"_s
        << uR"(StatefulSet.apps "db" is invalid: [spec.podManagementPolicy: Invalid value: "Whenever": must be 'OrderedReady' or 'Parallel', spec.updateStrategy.rollingUpdate.partition: Invalid value: -2: must be greater than or equal to 0, spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"])"_s
        << u"StatefulSet"_s;
    QTest::newRow("statefulset OnDelete with rollingUpdate")
        << u"apps"_s << u"statefulsets"_s << u"ns"_s
        << withSpec(u"db"_s, R"({"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":{"partition":1}}}})")
        << false << 422 << u"Invalid"_s
        << uR"(StatefulSet.apps "db" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate')"_s
        << u"StatefulSet"_s;
    QTest::newRow("daemonset without a selector")
        << u"apps"_s << u"daemonsets"_s << u"ns"_s << withSpec(u"ds"_s, R"({"spec":{"selector":null}})") << false << 422
        << u"Invalid"_s
        << uR"(DaemonSet.apps "ds" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`)"_s
        << u"DaemonSet"_s;
    QTest::newRow("daemonset without containers")
        << u"apps"_s << u"daemonsets"_s << u"ns"_s
        << withSpec(u"ds"_s, R"({"spec":{"template":{"spec":{"containers":null}}}})") << false << 422 << u"Invalid"_s
        << uR"(DaemonSet.apps "ds" is invalid: spec.template.spec.containers: Required value)"_s << u"DaemonSet"_s;
    QTest::newRow("daemonset rolling update of nothing")
        << u"apps"_s << u"daemonsets"_s << u"ns"_s
        << withSpec(u"ds"_s, R"({"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":0}}}})") << false << 422
        << u"Invalid"_s
        << uR"(DaemonSet.apps "ds" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0)"_s
        << u"DaemonSet"_s;
    QTest::newRow("daemonset surge and unavailable")
        << u"apps"_s << u"daemonsets"_s << u"ns"_s
        << withSpec(u"ds"_s, R"({"spec":{"updateStrategy":{"rollingUpdate":{"maxSurge":"10%"}}}})") << false << 422
        << u"Invalid"_s
        << uR"(DaemonSet.apps "ds" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero)"_s
        << u"DaemonSet"_s;
    QTest::newRow("daemonset strategy type")
        << u"apps"_s << u"daemonsets"_s << u"ns"_s
        << withSpec(u"ds"_s, R"({"spec":{"updateStrategy":{"type":"Recreate"}}})") << false << 422 << u"Invalid"_s
        << uR"(DaemonSet.apps "ds" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete")"_s
        << u"DaemonSet"_s;
    QTest::newRow("resourceVersion set") << QString() << u"serviceaccounts"_s << u"ns"_s
                                         << R"({"metadata":{"name":"sa","resourceVersion":"5"}})"_ba << false << 400
                                         << u"BadRequest"_s
                                         << u"resourceVersion should not be set on objects to be created"_s
                                         << QString();
    QTest::newRow("namespace differs from the request")
        << QString() << u"serviceaccounts"_s << u"ns"_s << R"({"metadata":{"name":"sa","namespace":"default"}})"_ba
        << false << 400 << u"BadRequest"_s
        << u"the namespace of the provided object does not match the namespace sent on the request"_s << QString();
}

void TestSimRegistry::createFailures()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QString, ns);
    QFETCH(QByteArray, body);
    QFETCH(bool, twice);
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QFETCH(QString, detailsKind);
    Cluster cluster;
    const ResourceType &type = resource(group, plural);
    if (twice)
        cluster.mustCreate(type, ns, parse(body));
    const qint64 rvBefore = cluster.store().resourceVersion();
    const WriteResult result = cluster.registry().create(type, ns, parse(body));
    verifyFailure(result, code, reason, message);
    QCOMPARE(result.failure->status.value("details"_L1).toObject().value("kind"_L1).toString(), detailsKind);
    QCOMPARE(cluster.store().resourceVersion(), rvBefore);
}

void TestSimRegistry::update_data()
{
    QTest::addColumn<QString>("rv"); // "current", "stale" or "" (none)
    QTest::addColumn<bool>("change");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("written");

    QTest::newRow("current resourceVersion") << u"current"_s << true << 0 << true;
    QTest::newRow("no resourceVersion: unconditional") << QString() << true << 0 << true;
    QTest::newRow("stale resourceVersion") << u"stale"_s << true << 409 << false;
    QTest::newRow("stale resourceVersion without a change") << u"stale"_s << false << 409 << false;
    QTest::newRow("nothing changed") << u"current"_s << false << 0 << false;
    QTest::newRow("nothing changed, no resourceVersion") << QString() << false << 0 << false;
}

void TestSimRegistry::update()
{
    QFETCH(QString, rv);
    QFETCH(bool, change);
    QFETCH(int, code);
    QFETCH(bool, written);
    Cluster cluster;
    const ResourceType &type = core(u"serviceaccounts"_s);
    const QJsonObject created = cluster.mustCreate(type, u"ns"_s, parse(R"({"metadata":{"name":"sa"}})"));
    const qint64 createdRv = cluster.store().resourceVersion();
    // Something else is written afterwards, so "stale" is an older but real version.
    cluster.mustCreate(type, u"ns"_s, parse(R"({"metadata":{"name":"other"}})"));
    const qint64 rvBefore = cluster.store().resourceVersion();

    QJsonObject body = created; // carries the current resourceVersion
    if (rv.isEmpty()) {
        QJsonObject metadata = meta(body);
        metadata.remove("resourceVersion"_L1);
        body.insert("metadata"_L1, metadata);
    } else if (rv == "stale"_L1) {
        body = withMeta(body, "resourceVersion"_L1, QString::number(createdRv - 1));
    }
    if (change)
        body.insert("automountServiceAccountToken"_L1, false);

    const WriteResult result = cluster.registry().update(type, u"ns"_s, u"sa"_s, body);
    if (code) {
        verifyFailure(
            result, code, u"Conflict"_s,
            uR"(Operation cannot be fulfilled on serviceaccounts "sa": the object has been modified; please apply your changes to the latest version and try again)"_s);
        QCOMPARE(cluster.stored(type, u"ns"_s, u"sa"_s), created);
    } else {
        QVERIFY2(result.ok(), describe(result).constData());
        QCOMPARE(result.object.contains("automountServiceAccountToken"_L1), change);
        QCOMPARE(cluster.stored(type, u"ns"_s, u"sa"_s), result.object);
        // Server-owned metadata survives an update that does not send it.
        QCOMPARE(metaString(result.object, "uid"_L1), metaString(created, "uid"_L1));
        QCOMPARE(metaString(result.object, "creationTimestamp"_L1), metaString(created, "creationTimestamp"_L1));
    }
    QCOMPARE(cluster.store().resourceVersion(), written ? rvBefore + 1 : rvBefore);
    QCOMPARE(metaString(cluster.stored(type, u"ns"_s, u"sa"_s), "resourceVersion"_L1),
             QString::number(written ? rvBefore + 1 : createdRv));
}

void TestSimRegistry::generation_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QByteArray>("mergePatch"); // applied to the stored object, then PUT
    QTest::addColumn<int>("generation"); // 0: none
    QTest::addColumn<bool>("written");

    const QString apps = u"apps"_s;
    const QString deployments = u"deployments"_s;
    QTest::newRow("replicas") << apps << deployments << R"({"spec":{"replicas":2}})"_ba << 2 << true;
    QTest::newRow("rollout restart annotation on the template")
        << apps << deployments
        << R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2024-01-01T00:00:00Z"}}}}})"_ba
        << 2 << true;
    QTest::newRow("serviceAccountName") << apps << deployments
                                        << R"({"spec":{"template":{"spec":{"serviceAccountName":"new-sa"}}}})"_ba << 2
                                        << true;
    QTest::newRow("label only") << apps << deployments << R"({"metadata":{"labels":{"x":"y"}}})"_ba << 1 << true;
    QTest::newRow("annotation only") << apps << deployments << R"({"metadata":{"annotations":{"x":"y"}}})"_ba << 1
                                     << true;
    QTest::newRow("a default written out changes nothing")
        << apps << deployments << R"({"spec":{"revisionHistoryLimit":10}})"_ba << 1 << false;
    QTest::newRow("status through the main resource changes nothing")
        << apps << deployments << R"({"status":{"replicas":3}})"_ba << 1 << false;
    QTest::newRow("serviceaccount has no generation")
        << QString() << u"serviceaccounts"_s << R"({"secrets":[{"name":"x"}]})"_ba << 0 << true;
}

void TestSimRegistry::generation()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QByteArray, mergePatch);
    QFETCH(int, generation);
    QFETCH(bool, written);
    Cluster cluster;
    const ResourceType &type = resource(group, plural);
    const QJsonObject created = cluster.mustCreate(
        type, u"ns"_s,
        parse(type.kind == "Deployment"_L1 ? deploymentBody(u"d"_s) : R"({"metadata":{"name":"d"}})"_ba));
    const qint64 rvBefore = cluster.store().resourceVersion();

    const QJsonObject body = applyMergePatch(created, parse(mergePatch)).toObject();
    const WriteResult result = cluster.registry().update(type, u"ns"_s, u"d"_s, body);
    QVERIFY2(result.ok(), describe(result).constData());
    QCOMPARE(meta(result.object).contains("generation"_L1), generation > 0);
    if (generation > 0)
        QCOMPARE(meta(result.object).value("generation"_L1).toInteger(), qint64(generation));
    QCOMPARE(cluster.store().resourceVersion(), written ? rvBefore + 1 : rvBefore);
}

void TestSimRegistry::statusSubresource_data()
{
    QTest::addColumn<bool>("priorStatus"); // status {"replicas":5} written through the subresource first
    QTest::addColumn<QString>("subresource");
    QTest::addColumn<QByteArray>("mergePatch");
    QTest::addColumn<QByteArray>("status"); // the stored status afterwards, "null" for none
    QTest::addColumn<int>("replicas"); // the stored spec.replicas afterwards
    QTest::addColumn<QString>("label"); // the stored label x afterwards

    QTest::newRow("main resource drops status")
        << false << QString() << R"({"status":{"replicas":5},"metadata":{"labels":{"x":"1"}}})"_ba
        << "null"_ba << 1 << u"1"_s;
    QTest::newRow("main resource keeps the stored status")
        << true << QString() << R"({"status":{"replicas":0},"spec":{"replicas":3}})"_ba
        << R"({"replicas":5})"_ba << 3 << QString();
    QTest::newRow("status subresource writes status") << false << u"status"_s << R"({"status":{"replicas":5}})"_ba
                                                      << R"({"replicas":5})"_ba << 1 << QString();
    QTest::newRow("status subresource ignores spec and metadata")
        << false << u"status"_s
        << R"({"status":{"replicas":2},"spec":{"replicas":9},"metadata":{"labels":{"x":"1"}}})"_ba
        << R"({"replicas":2})"_ba << 1 << QString();
    QTest::newRow("status subresource replaces the stored status")
        << true << u"status"_s << R"({"status":{"observedGeneration":1,"replicas":null}})"_ba
        << R"({"observedGeneration":1})"_ba << 1 << QString();
}

void TestSimRegistry::statusSubresource()
{
    QFETCH(bool, priorStatus);
    QFETCH(QString, subresource);
    QFETCH(QByteArray, mergePatch);
    QFETCH(QByteArray, status);
    QFETCH(int, replicas);
    QFETCH(QString, label);
    Cluster cluster;
    const ResourceType &type = resource(u"apps"_s, u"deployments"_s);
    // Status sent on create is dropped for a type with a status subresource.
    QJsonObject body = parse(deploymentBody(u"d"_s));
    body.insert("status"_L1, QJsonObject {{"replicas"_L1, 42}});
    QJsonObject object = cluster.mustCreate(type, u"ns"_s, body);
    QVERIFY(!object.contains("status"_L1));
    if (priorStatus) {
        object.insert("status"_L1, QJsonObject {{"replicas"_L1, 5}});
        const WriteResult prior = cluster.registry().update(type, u"ns"_s, u"d"_s, object, u"status"_s);
        QVERIFY2(prior.ok(), describe(prior).constData());
        object = prior.object;
    }

    const QJsonObject patched = applyMergePatch(object, parse(mergePatch)).toObject();
    const WriteResult result = cluster.registry().update(type, u"ns"_s, u"d"_s, patched, subresource);
    QVERIFY2(result.ok(), describe(result).constData());
    const QJsonObject stored = cluster.stored(type, u"ns"_s, u"d"_s);
    QCOMPARE(stored, result.object);
    QCOMPARE(stored.contains("status"_L1), status != "null");
    if (stored.contains("status"_L1))
        QCOMPARE(stored.value("status"_L1).toObject(), parse(status));
    QCOMPARE(stored.value("spec"_L1).toObject().value("replicas"_L1).toInt(), replicas);
    QCOMPARE(meta(stored).value("labels"_L1).toObject().value("x"_L1).toString(), label);
    // Only the spec counts for the generation.
    QCOMPARE(meta(stored).value("generation"_L1).toInt(), replicas == 1 ? 1 : 2);
}

void TestSimRegistry::patch_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("patchType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field"); // checked after a successful patch
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message"); // checked after a failure when set

    // The stored account has imagePullSecrets [a, b] and secrets [s1].
    const int strategic = int(PatchType::Strategic), merge = int(PatchType::Merge), json = int(PatchType::Json);
    QTest::newRow("strategic replaces imagePullSecrets")
        << u"sa"_s << strategic << R"({"imagePullSecrets":[{"name":"c"}]})"_ba << 0 << u"imagePullSecrets"_s
        << R"([{"name":"c"}])"_ba << QString();
    // New keys go first: normalizeElementOrder puts patch items before server-only ones it cannot order.
    QTest::newRow("strategic merges secrets by name")
        << u"sa"_s << strategic << R"({"secrets":[{"name":"s2"}]})"_ba << 0 << u"secrets"_s
        << R"([{"name":"s2"},{"name":"s1"}])"_ba << QString();
    QTest::newRow("merge patch replaces secrets") << u"sa"_s << merge << R"({"secrets":[{"name":"s2"}]})"_ba << 0
                                                  << u"secrets"_s << R"([{"name":"s2"}])"_ba << QString();
    QTest::newRow("json patch appends an imagePullSecret")
        << u"sa"_s << json << R"([{"op":"add","path":"/imagePullSecrets/-","value":{"name":"c"}}])"_ba << 0
        << u"imagePullSecrets"_s << R"([{"name":"a"},{"name":"b"},{"name":"c"}])"_ba << QString();
    QTest::newRow("json patch test that passes")
        << u"sa"_s << json
        << R"([{"op":"test","path":"/imagePullSecrets/0/name","value":"a"},{"op":"remove","path":"/imagePullSecrets/0"}])"_ba
        << 0 << u"imagePullSecrets"_s << R"([{"name":"b"}])"_ba << QString();
    QTest::newRow("json patch test failure")
        << u"sa"_s << json
        << R"([{"op":"add","path":"/automountServiceAccountToken","value":false},{"op":"test","path":"/imagePullSecrets/0/name","value":"zz"}])"_ba
        << 422 << QString() << QByteArray() << QString();
    QTest::newRow("json patch removing a missing path")
        << u"sa"_s << json << R"([{"op":"remove","path":"/automountServiceAccountToken"}])"_ba << 422 << QString()
        << QByteArray() << QString();
    QTest::newRow("stale resourceVersion in a merge patch")
        << u"sa"_s << merge << R"({"metadata":{"resourceVersion":"1"},"secrets":[]})"_ba << 409 << QString()
        << QByteArray()
        << uR"(Operation cannot be fulfilled on serviceaccounts "sa": the object has been modified; please apply your changes to the latest version and try again)"_s;
    QTest::newRow("missing object") << u"zz"_s << merge << R"({"secrets":[]})"_ba << 404 << QString() << QByteArray()
                                    << uR"(serviceaccounts "zz" not found)"_s;
}

void TestSimRegistry::patch()
{
    QFETCH(QString, name);
    QFETCH(int, patchType);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, field);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    Cluster cluster;
    const ResourceType &type = core(u"serviceaccounts"_s);
    const QJsonObject created = cluster.mustCreate(
        type, u"ns"_s,
        parse(
            R"({"metadata":{"name":"sa"},"imagePullSecrets":[{"name":"a"},{"name":"b"}],"secrets":[{"name":"s1"}]})"));
    const qint64 rvBefore = cluster.store().resourceVersion();

    const WriteResult result = cluster.registry().patch(type, u"ns"_s, name, PatchType(patchType), body);
    if (code == 0) {
        QVERIFY2(result.ok(), describe(result).constData());
        QCOMPARE(canonical(result.object.value(field)), canonical(QJsonDocument::fromJson(value).array()));
        QCOMPARE(cluster.stored(type, u"ns"_s, u"sa"_s), result.object);
        QCOMPARE(cluster.store().resourceVersion(), rvBefore + 1);
        return;
    }
    QVERIFY2(!result.ok(), describe(result).constData());
    QCOMPARE(result.failure->code, code);
    QCOMPARE(result.failure->status.value("code"_L1).toInt(), code);
    if (!message.isEmpty())
        QCOMPARE(result.failure->status.value("message"_L1).toString(), message);
    if (code == 422)
        QCOMPARE(result.failure->status.value("reason"_L1).toString(), u"Invalid"_s);
    // A failed patch writes nothing: same object, same resourceVersion.
    QCOMPARE(cluster.stored(type, u"ns"_s, u"sa"_s), created);
    QCOMPARE(cluster.store().resourceVersion(), rvBefore);
}

void TestSimRegistry::deletePreconditions_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("uid"); // "right", "wrong" or "" (none)
    QTest::addColumn<QString>("rv"); // "right", "wrong" or ""
    QTest::addColumn<QString>("message"); // %UID% and %RV% stand for the stored values; empty: succeeds

    const QString sas = u"serviceaccounts"_s;
    QTest::newRow("no preconditions") << QString() << sas << QString() << QString() << QString();
    QTest::newRow("matching uid") << QString() << sas << u"right"_s << QString() << QString();
    QTest::newRow("matching uid and resourceVersion") << QString() << sas << u"right"_s << u"right"_s << QString();
    // rest.BeforeDelete: the Conflict's GroupResource is {group, Kind}.
    QTest::newRow("wrong uid")
        << QString() << sas << u"wrong"_s << QString()
        << uR"(Operation cannot be fulfilled on ServiceAccount "d": the UID in the precondition (wrong-uid) does not match the UID in record (%UID%). The object might have been deleted and then recreated)"_s;
    QTest::newRow("wrong resourceVersion")
        << QString() << sas << QString() << u"wrong"_s
        << uR"(Operation cannot be fulfilled on ServiceAccount "d": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (%RV%). The object might have been modified)"_s;
    QTest::newRow("right uid, wrong resourceVersion")
        << QString() << sas << u"right"_s << u"wrong"_s
        << uR"(Operation cannot be fulfilled on ServiceAccount "d": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (%RV%). The object might have been modified)"_s;
    QTest::newRow("wrong uid on a deployment")
        << u"apps"_s << u"deployments"_s << u"wrong"_s << QString()
        << uR"(Operation cannot be fulfilled on Deployment.apps "d": the UID in the precondition (wrong-uid) does not match the UID in record (%UID%). The object might have been deleted and then recreated)"_s;
    // The namespace REST has its own check (pkg/registry/core/namespace/storage).
    QTest::newRow("wrong uid on a namespace")
        << QString() << u"namespaces"_s << u"wrong"_s << QString()
        << uR"(Operation cannot be fulfilled on namespaces "d": Precondition failed: UID in precondition: wrong-uid, UID in object meta: %UID%)"_s;
    QTest::newRow("wrong resourceVersion on a namespace")
        << QString() << u"namespaces"_s << QString() << u"wrong"_s
        << uR"(Operation cannot be fulfilled on namespaces "d": Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: %RV%)"_s;
}

void TestSimRegistry::deletePreconditions()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QString, uid);
    QFETCH(QString, rv);
    QFETCH(QString, message);
    Cluster cluster;
    const ResourceType &type = resource(group, plural);
    const QString ns = type.namespaced ? u"ns"_s : QString();
    const QJsonObject created = cluster.mustCreate(
        type, ns, parse(type.kind == "Deployment"_L1 ? deploymentBody(u"d"_s) : R"({"metadata":{"name":"d"}})"_ba));
    const qint64 rvBefore = cluster.store().resourceVersion();

    QJsonObject preconditions;
    if (!uid.isEmpty())
        preconditions.insert("uid"_L1, uid == "right"_L1 ? metaString(created, "uid"_L1) : u"wrong-uid"_s);
    if (!rv.isEmpty())
        preconditions.insert("resourceVersion"_L1,
                             rv == "right"_L1 ? metaString(created, "resourceVersion"_L1) : u"1"_s);
    const WriteResult result = cluster.registry().remove(type, ns, u"d"_s, {{"preconditions"_L1, preconditions}});
    if (message.isEmpty()) {
        QVERIFY2(result.ok(), describe(result).constData());
        QVERIFY(!cluster.store().get(type, ns, u"d"_s));
        QCOMPARE(cluster.store().resourceVersion(), rvBefore + 1);
        return;
    }
    message.replace(u"%UID%"_s, metaString(created, "uid"_L1));
    message.replace(u"%RV%"_s, metaString(created, "resourceVersion"_L1));
    verifyFailure(result, 409, u"Conflict"_s, message);
    QCOMPARE(cluster.stored(type, ns, u"d"_s), created);
    QCOMPARE(cluster.store().resourceVersion(), rvBefore);
}

void TestSimRegistry::namespaceTermination_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("serviceaccount")
        << QString() << u"serviceaccounts"_s << R"({"metadata":{"name":"sa"}})"_ba
        << uR"(serviceaccounts "sa" is forbidden: unable to create new content in namespace doomed because it is being terminated)"_s;
    QTest::newRow("secret")
        << QString() << u"secrets"_s << R"({"metadata":{"name":"s"}})"_ba
        << uR"(secrets "s" is forbidden: unable to create new content in namespace doomed because it is being terminated)"_s;
    QTest::newRow("deployment")
        << u"apps"_s << u"deployments"_s << deploymentBody(u"d"_s)
        << uR"(deployments.apps "d" is forbidden: unable to create new content in namespace doomed because it is being terminated)"_s;
}

void TestSimRegistry::namespaceTermination()
{
    QFETCH(QString, group);
    QFETCH(QString, plural);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    Cluster cluster;
    const ResourceType &namespaces = core(u"namespaces"_s);
    cluster.mustCreate(namespaces, QString(), parse(R"({"metadata":{"name":"doomed"}})"));
    const WriteResult deleted = cluster.registry().remove(namespaces, QString(), u"doomed"_s);
    QVERIFY2(deleted.ok(), describe(deleted).constData());
    QCOMPARE(deleted.object.value("status"_L1).toObject().value("phase"_L1).toString(), u"Terminating"_s);
    QVERIFY(QDateTime::fromString(metaString(deleted.object, "deletionTimestamp"_L1), Qt::ISODate).isValid());
    // The namespace stays until it is empty; a second delete changes nothing.
    QCOMPARE(cluster.stored(namespaces, QString(), u"doomed"_s), deleted.object);
    const qint64 rvBefore = cluster.store().resourceVersion();
    QVERIFY(cluster.registry().remove(namespaces, QString(), u"doomed"_s).ok());
    QCOMPARE(cluster.store().resourceVersion(), rvBefore);

    const WriteResult result = cluster.registry().create(resource(group, plural), u"doomed"_s, parse(body));
    verifyFailure(result, 403, u"Forbidden"_s, message);
    QCOMPARE(cluster.store().resourceVersion(), rvBefore);
    // Other namespaces are unaffected.
    QVERIFY(cluster.registry().create(resource(group, plural), u"ns"_s, parse(body)).ok());
}

void TestSimRegistry::cascade_data()
{
    QTest::addColumn<QString>("propagation");
    QTest::addColumn<bool>("orphan");

    QTest::newRow("default") << QString() << false;
    QTest::newRow("Background") << u"Background"_s << false;
    QTest::newRow("Foreground") << u"Foreground"_s << false;
    QTest::newRow("Orphan") << u"Orphan"_s << true;
}

void TestSimRegistry::cascade()
{
    QFETCH(QString, propagation);
    QFETCH(bool, orphan);
    Cluster cluster;
    const ResourceType &accounts = core(u"serviceaccounts"_s);
    const ResourceType &secrets = core(u"secrets"_s);
    const ResourceType &configMaps = core(u"configmaps"_s);
    const auto ownedBy = [](const QString &name, const QJsonObject &owner) -> QJsonObject {
        const QJsonObject ref {{"apiVersion"_L1, owner.value("apiVersion"_L1)},
                               {"kind"_L1, owner.value("kind"_L1)},
                               {"name"_L1, meta(owner).value("name"_L1)},
                               {"uid"_L1, meta(owner).value("uid"_L1)}};
        return {{"metadata"_L1, QJsonObject {{"name"_L1, name}, {"ownerReferences"_L1, QJsonArray {ref}}}}};
    };
    const QJsonObject owner = cluster.mustCreate(accounts, u"ns"_s, parse(R"({"metadata":{"name":"owner"}})"));
    const QJsonObject bystander = cluster.mustCreate(accounts, u"ns"_s, parse(R"({"metadata":{"name":"other"}})"));
    const QJsonObject child = cluster.mustCreate(secrets, u"ns"_s, ownedBy(u"child"_s, owner));
    cluster.mustCreate(configMaps, u"ns"_s, ownedBy(u"grandchild"_s, child));
    cluster.mustCreate(configMaps, u"ns"_s, ownedBy(u"unrelated"_s, bystander));

    QJsonObject options;
    if (!propagation.isEmpty())
        options.insert("propagationPolicy"_L1, propagation);
    const WriteResult result = cluster.registry().remove(accounts, u"ns"_s, u"owner"_s, options);
    QVERIFY2(result.ok(), describe(result).constData());
    QVERIFY(!cluster.store().get(accounts, u"ns"_s, u"owner"_s));

    const auto storedChild = cluster.store().get(secrets, u"ns"_s, u"child"_s);
    QCOMPARE(storedChild.has_value(), orphan);
    // The grandchild goes with the child, or stays with it.
    QCOMPARE(cluster.store().get(configMaps, u"ns"_s, u"grandchild"_s).has_value(), orphan);
    if (orphan) {
        // An orphan loses its reference to the deleted owner.
        QVERIFY(meta(*storedChild).value("ownerReferences"_L1).toArray().isEmpty());
        QCOMPARE(
            meta(cluster.stored(configMaps, u"ns"_s, u"grandchild"_s)).value("ownerReferences"_L1).toArray().size(), 1);
    }
    QVERIFY(cluster.store().get(configMaps, u"ns"_s, u"unrelated"_s));
    QVERIFY(cluster.store().get(accounts, u"ns"_s, u"other"_s));
}

void TestSimRegistry::secretStringData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("type");

    QTest::newRow("stringData only") << R"({"metadata":{"name":"s"},"stringData":{"user":"admin","pw":"s3cr3t"}})"_ba
                                     << R"({"user":"YWRtaW4=","pw":"czNjcjN0"})"_ba << u"Opaque"_s;
    QTest::newRow("stringData wins over data")
        << R"({"metadata":{"name":"s"},"data":{"user":"cm9vdA==","keep":"eA=="},"stringData":{"user":"admin"}})"_ba
        << R"({"user":"YWRtaW4=","keep":"eA=="})"_ba << u"Opaque"_s;
    QTest::newRow("UTF-8 value") << R"({"metadata":{"name":"s"},"stringData":{"k":"é"}})"_ba
                                 << R"({"k":"w6k="})"_ba << u"Opaque"_s;
    QTest::newRow("empty string") << R"({"metadata":{"name":"s"},"stringData":{"k":""}})"_ba
                                  << R"({"k":""})"_ba << u"Opaque"_s;
    QTest::newRow("type kept") << R"({"metadata":{"name":"s"},"type":"example.com/x","stringData":{"k":"v"}})"_ba
                               << R"({"k":"dg=="})"_ba << u"example.com/x"_s;
}

void TestSimRegistry::secretStringData()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, data);
    QFETCH(QString, type);
    Cluster cluster;
    const ResourceType &secrets = core(u"secrets"_s);
    const WriteResult result = cluster.registry().create(secrets, u"ns"_s, parse(body));
    QVERIFY2(result.ok(), describe(result).constData());
    const QJsonObject stored = cluster.stored(secrets, u"ns"_s, u"s"_s);
    QVERIFY(!stored.contains("stringData"_L1));
    QCOMPARE(stored.value("data"_L1).toObject(), parse(data));
    QCOMPARE(stored.value("type"_L1).toString(), type);

    // An update folds stringData the same way.
    QJsonObject next = stored;
    next.insert("stringData"_L1, QJsonObject {{"added"_L1, u"v"_s}});
    const WriteResult updated = cluster.registry().update(secrets, u"ns"_s, u"s"_s, next);
    QVERIFY2(updated.ok(), describe(updated).constData());
    QVERIFY(!updated.object.contains("stringData"_L1));
    QCOMPARE(updated.object.value("data"_L1).toObject().value("added"_L1).toString(), u"dg=="_s);
}

void TestSimRegistry::podAdmission_data()
{
    QTest::addColumn<QByteArray>("account"); // the service account to create first, or empty
    QTest::addColumn<QByteArray>("podSpec"); // merged over the pod
    QTest::addColumn<QString>("serviceAccountName");
    QTest::addColumn<QByteArray>("imagePullSecrets"); // the stored pod's, "null" for none
    QTest::addColumn<QString>("message"); // the 403 message, or empty

    QTest::newRow("defaults to the default account") << R"({"metadata":{"name":"default"}})"_ba
                                                     << "{}"_ba << u"default"_s << "null"_ba << QString();
    QTest::newRow("named account") << R"({"metadata":{"name":"sa"}})"_ba
                                   << R"({"spec":{"serviceAccountName":"sa"}})"_ba << u"sa"_s << "null"_ba << QString();
    QTest::newRow("deprecated serviceAccount field")
        << R"({"metadata":{"name":"sa"}})"_ba
        << R"({"spec":{"serviceAccount":"sa"}})"_ba << u"sa"_s << "null"_ba << QString();
    QTest::newRow("missing account")
        << R"({"metadata":{"name":"default"}})"_ba
        << R"({"spec":{"serviceAccountName":"sa"}})"_ba << QString() << QByteArray()
        << uR"(pods "p" is forbidden: error looking up service account ns/sa: serviceaccount "sa" not found)"_s;
    QTest::newRow("missing default account")
        << QByteArray() << "{}"_ba << QString() << QByteArray()
        << uR"(pods "p" is forbidden: error looking up service account ns/default: serviceaccount "default" not found)"_s;
    QTest::newRow("imagePullSecrets copied from the account")
        << R"({"metadata":{"name":"default"},"imagePullSecrets":[{"name":"reg1"},{"name":"reg2"}]})"_ba
        << "{}"_ba << u"default"_s << R"([{"name":"reg1"},{"name":"reg2"}])"_ba << QString();
    QTest::newRow("the pod's own imagePullSecrets win")
        << R"({"metadata":{"name":"default"},"imagePullSecrets":[{"name":"reg1"}]})"_ba
        << R"({"spec":{"imagePullSecrets":[{"name":"mine"}]}})"_ba << u"default"_s << R"([{"name":"mine"}])"_ba
        << QString();
}

void TestSimRegistry::podAdmission()
{
    QFETCH(QByteArray, account);
    QFETCH(QByteArray, podSpec);
    QFETCH(QString, serviceAccountName);
    QFETCH(QByteArray, imagePullSecrets);
    QFETCH(QString, message);
    Cluster cluster;
    const ResourceType &pods = core(u"pods"_s);
    if (!account.isEmpty())
        cluster.mustCreate(core(u"serviceaccounts"_s), u"ns"_s, parse(account));
    const qint64 rvBefore = cluster.store().resourceVersion();
    const QJsonObject pod = applyMergePatch(parse(kPod), parse(podSpec)).toObject();
    const WriteResult result = cluster.registry().create(pods, u"ns"_s, pod);
    if (!message.isEmpty()) {
        verifyFailure(result, 403, u"Forbidden"_s, message);
        const QJsonObject details = result.failure->status.value("details"_L1).toObject();
        QCOMPARE(details.value("name"_L1).toString(), u"p"_s);
        QCOMPARE(details.value("kind"_L1).toString(), u"pods"_s);
        QCOMPARE(cluster.store().resourceVersion(), rvBefore);
        return;
    }
    QVERIFY2(result.ok(), describe(result).constData());
    const QJsonObject spec = cluster.stored(pods, u"ns"_s, u"p"_s).value("spec"_L1).toObject();
    QCOMPARE(spec.value("serviceAccountName"_L1).toString(), serviceAccountName);
    QCOMPARE(spec.value("serviceAccount"_L1).toString(), serviceAccountName);
    QCOMPARE(spec.contains("imagePullSecrets"_L1), imagePullSecrets != "null");
    if (spec.contains("imagePullSecrets"_L1))
        QCOMPARE(canonical(spec.value("imagePullSecrets"_L1)),
                 canonical(QJsonDocument::fromJson(imagePullSecrets).array()));
}

void TestSimRegistry::admissionNamesGeneratedPodsByPrefix()
{
    // Admission runs before name generation: a refused pod is named by its generateName, the same on every
    // attempt, so that controllers reporting the refusal do not see a new message each time.
    Cluster cluster;
    const QJsonObject pod {
        {"metadata"_L1, QJsonObject {{"generateName"_L1, "web-"_L1}}},
        {"spec"_L1,
         QJsonObject {{"serviceAccountName"_L1, "ghost"_L1},
                      {"containers"_L1, QJsonArray {QJsonObject {{"name"_L1, "c"_L1}, {"image"_L1, "nginx"_L1}}}}}}};
    for (int attempt = 0; attempt < 2; ++attempt) {
        const WriteResult result = cluster.registry().create(core(u"pods"_s), u"ns"_s, pod);
        verifyFailure(
            result, 403, u"Forbidden"_s,
            uR"(pods "web-" is forbidden: error looking up service account ns/ghost: serviceaccount "ghost" not found)"_s);
    }
}

void TestSimRegistry::setDefaults_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QByteArray>("patch"); // merged over setBody()
    QTest::addColumn<QByteArray>("expected"); // fields of the stored spec, merged over it: equal when defaulted

    // SetDefaults_StatefulSet: rollingUpdate with partition 0 only when the strategy type was defaulted too.
    QTest::newRow("statefulset")
        << u"statefulsets"_s << "{}"_ba
        << R"({"replicas":1,"serviceName":"","podManagementPolicy":"OrderedReady","revisionHistoryLimit":10,
               "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}},
               "persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain","whenScaled":"Retain"},
               "template":{"spec":{"restartPolicy":"Always","dnsPolicy":"ClusterFirst"}}})"_ba;
    QTest::newRow("statefulset with an explicit RollingUpdate type")
        << u"statefulsets"_s << R"({"spec":{"updateStrategy":{"type":"RollingUpdate"}}})"_ba
        << R"({"updateStrategy":{"type":"RollingUpdate","rollingUpdate":null}})"_ba;
    QTest::newRow("statefulset partition kept")
        << u"statefulsets"_s << R"({"spec":{"replicas":3,"updateStrategy":{"rollingUpdate":{"partition":2}}}})"_ba
        << R"({"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}})"_ba;
    QTest::newRow("daemonset") << u"daemonsets"_s << "{}"_ba
                               << R"({"revisionHistoryLimit":10,
               "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":0}},
               "template":{"spec":{"restartPolicy":"Always","schedulerName":"default-scheduler"}}})"_ba;
    QTest::newRow("daemonset OnDelete") << u"daemonsets"_s << R"({"spec":{"updateStrategy":{"type":"OnDelete"}}})"_ba
                                        << R"({"updateStrategy":{"type":"OnDelete"}})"_ba;
}

void TestSimRegistry::setDefaults()
{
    QFETCH(QString, plural);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    Cluster cluster;
    const QJsonObject body = applyMergePatch(parse(setBody(u"s"_s)), parse(patch)).toObject();
    const QJsonObject created = cluster.mustCreate(resource(u"apps"_s, plural), u"ns"_s, body);
    const QJsonObject spec = created.value("spec"_L1).toObject();
    QCOMPARE(canonical(applyMergePatch(spec, parse(expected))), canonical(spec));
    if (plural == "daemonsets"_L1)
        QCOMPARE(meta(created).value("annotations"_L1).toObject(),
                 QJsonObject({{"deprecated.daemonset.template.generation"_L1, "1"_L1}}));
}

void TestSimRegistry::setUpdates_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QByteArray>("patch"); // a merge patch on the stored object
    QTest::addColumn<QString>("message"); // the 422 message, or empty
    QTest::addColumn<QString>("templateGeneration"); // a DaemonSet's annotation afterwards

    QTest::newRow("statefulset template")
        << u"statefulsets"_s << R"({"spec":{"template":{"spec":{"serviceAccountName":"db"}}}})"_ba << QString()
        << QString();
    QTest::newRow("statefulset replicas and strategy")
        << u"statefulsets"_s << R"({"spec":{"replicas":3,"updateStrategy":{"rollingUpdate":{"partition":1}}}})"_ba
        << QString() << QString();
    QTest::newRow("statefulset serviceName")
        << u"statefulsets"_s << R"({"spec":{"serviceName":"db"}})"_ba
        << uR"(StatefulSet.apps "s" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden)"_s
        << QString();
    QTest::newRow("daemonset template") << u"daemonsets"_s
                                        << R"({"spec":{"template":{"spec":{"serviceAccountName":"db"}}}})"_ba
                                        << QString() << u"2"_s;
    QTest::newRow("daemonset strategy only")
        << u"daemonsets"_s << R"({"spec":{"updateStrategy":{"type":"OnDelete"}}})"_ba << QString() << u"1"_s;
    QTest::newRow("daemonset selector")
        << u"daemonsets"_s
        << R"({"spec":{"selector":{"matchLabels":{"tier":"x"}},"template":{"metadata":{"labels":{"tier":"x"}}}}})"_ba
        << uR"(DaemonSet.apps "s" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"db", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable)"_s
        << QString();
}

void TestSimRegistry::setUpdates()
{
    QFETCH(QString, plural);
    QFETCH(QByteArray, patch);
    QFETCH(QString, message);
    QFETCH(QString, templateGeneration);
    Cluster cluster;
    const ResourceType &type = resource(u"apps"_s, plural);
    cluster.mustCreate(type, u"ns"_s, parse(setBody(u"s"_s)));
    const WriteResult result = cluster.registry().patch(type, u"ns"_s, u"s"_s, PatchType::Merge, patch);
    if (!message.isEmpty()) {
        verifyFailure(result, 422, u"Invalid"_s, message);
        return;
    }
    QVERIFY2(result.ok(), describe(result).constData());
    QCOMPARE(meta(result.object).value("generation"_L1).toInteger(), 2);
    if (!templateGeneration.isEmpty())
        QCOMPARE(meta(result.object)
                     .value("annotations"_L1)
                     .toObject()
                     .value("deprecated.daemonset.template.generation"_L1)
                     .toString(),
                 templateGeneration);
}

QTEST_GUILESS_MAIN(TestSimRegistry)
#include "tst_simregistry.moc"
