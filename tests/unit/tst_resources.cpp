#include "api/Informer.h"
#include "resources/Resources.h"
#include "resources/SecretBytes.h"
#include "resources/SecretEncoding.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

// Test JSON is written with single quotes so it reads well without raw string literals, which moc mis-parses.
QJsonObject json(const char *text)
{
    QByteArray bytes(text);
    bytes.replace('\'', '"');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (!document.isObject())
        qFatal("malformed test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

QStringList namesIn(const QJsonValue &references)
{
    QStringList names;
    for (const QJsonValue &reference : references.toArray())
        names.append(reference[u"name"].toString());
    return names;
}

QMap<QString, QString> stringsIn(const QJsonValue &object)
{
    QMap<QString, QString> map;
    const QJsonObject entries = object.toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

// Subjects flattened to "kind name ns" so that a mismatch prints readably.
QStringList describe(const QList<Subject> &subjects)
{
    QStringList lines;
    for (const Subject &subject : subjects)
        lines.append(subject.kind + u' ' + subject.name + u' ' + subject.ns);
    return lines;
}

// The bool column of an optional: an invalid QVariant stands for "unset".
void compareOptional(const std::optional<bool> &actual, const QVariant &expected)
{
    QCOMPARE(actual.has_value(), expected.isValid());
    if (actual)
        QCOMPARE(*actual, expected.toBool());
}

void checkMetaAgainstJson(const ObjectMeta &meta, const QJsonObject &metadata)
{
    QCOMPARE(meta.name, metadata[u"name"].toString());
    QCOMPARE(meta.ns, metadata[u"namespace"].toString());
    QCOMPARE(meta.uid, metadata[u"uid"].toString());
    QCOMPARE(meta.resourceVersion, metadata[u"resourceVersion"].toString());
    QCOMPARE(meta.generation, metadata[u"generation"].toInteger());
    QCOMPARE(meta.creationTimestamp.timeSpec(), Qt::UTC);
    QCOMPARE(meta.creationTimestamp.toString(Qt::ISODate), metadata[u"creationTimestamp"].toString());
    QCOMPARE(meta.deletionTimestamp.toString(Qt::ISODate), metadata[u"deletionTimestamp"].toString());
    QCOMPARE(meta.labels, stringsIn(metadata[u"labels"]));
    QCOMPARE(meta.annotations, stringsIn(metadata[u"annotations"]));
    const QJsonArray owners = metadata[u"ownerReferences"].toArray();
    QCOMPARE(meta.ownerReferences.size(), owners.size());
    for (qsizetype i = 0; i < owners.size(); ++i) {
        const OwnerReference &owner = meta.ownerReferences.at(i);
        QCOMPARE(owner.apiVersion, owners[i][u"apiVersion"].toString());
        QCOMPARE(owner.kind, owners[i][u"kind"].toString());
        QCOMPARE(owner.name, owners[i][u"name"].toString());
        QCOMPARE(owner.uid, owners[i][u"uid"].toString());
        QCOMPARE(owner.controller, owners[i][u"controller"].toBool());
    }
}

QByteArray base64Url(const QByteArray &bytes, bool padded = false)
{
    return bytes.toBase64(padded ? QByteArray::Base64UrlEncoding
                                 : QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray makeToken(const QByteArray &claims, bool padded = false)
{
    return base64Url(QByteArrayLiteral("{\"alg\":\"RS256\",\"kid\":\"k1\"}")) + '.' + base64Url(claims, padded)
        + ".c2lnbmF0dXJl";
}

QByteArray makeToken(const QJsonObject &claims, bool padded = false)
{
    return makeToken(QJsonDocument(claims).toJson(QJsonDocument::Compact), padded);
}

QJsonObject deploymentStatus(qint64 generation, qint64 observed, qint64 replicas, qint64 updated, qint64 current,
                             qint64 available, const QString &progressingReason)
{
    return QJsonObject {
        {u"metadata"_s,
         QJsonObject {{u"name"_s, u"web"_s}, {u"namespace"_s, u"team-a"_s}, {u"generation"_s, generation}}},
        {u"spec"_s, QJsonObject {{u"replicas"_s, replicas}}},
        {u"status"_s,
         QJsonObject {
             {u"observedGeneration"_s, observed},
             {u"replicas"_s, current},
             {u"updatedReplicas"_s, updated},
             {u"availableReplicas"_s, available},
             {u"conditions"_s,
              QJsonArray {
                  QJsonObject {{u"type"_s, u"Available"_s},
                               {u"status"_s, u"True"_s},
                               {u"reason"_s, u"MinimumReplicasAvailable"_s}},
                  QJsonObject {{u"type"_s, u"Progressing"_s},
                               {u"status"_s,
                                QString(progressingReason == "ProgressDeadlineExceeded"_L1 ? u"False"_s : u"True"_s)},
                               {u"reason"_s, progressingReason}}}}}}};
}

const char *const secretsTable = "{'kind':'Table','apiVersion':'meta.k8s.io/v1','metadata':{'resourceVersion':'2310'},"
                                 "'columnDefinitions':["
                                 "{'name':'Name','type':'string','format':'name','description':'Name must be unique "
                                 "within a namespace.','priority':0},"
                                 "{'name':'Type','type':'string','format':'','description':'The type of the secret',"
                                 "'priority':0},"
                                 "{'name':'Data','type':'string','format':'','description':'The number of entries in "
                                 "the data.','priority':0},"
                                 "{'name':'Age','type':'string','format':'','description':'CreationTimestamp is a "
                                 "timestamp.','priority':0}],"
                                 "'rows':["
                                 "{'cells':['data-sa-token','kubernetes.io/service-account-token',3,'5m'],"
                                 "'object':{'kind':'PartialObjectMetadata','apiVersion':'meta.k8s.io/v1','metadata':"
                                 "{'name':'data-sa-token','namespace':'team-a','uid':'8f0c7d56-1c1e-4a55-9a55-"
                                 "0c8b3c2d1e10','resourceVersion':'2301','creationTimestamp':'2025-05-01T10:05:00Z',"
                                 "'annotations':{'kubernetes.io/service-account.name':'data-sa',"
                                 "'kubernetes.io/service-account.uid':'0b9c1f0e-5d4a-4f34-8a36-7c1f1e2b3a4d'}}}},"
                                 "{'cells':['db-credentials','Opaque',2,'3h12m'],"
                                 "'object':{'kind':'PartialObjectMetadata','apiVersion':'meta.k8s.io/v1','metadata':"
                                 "{'name':'db-credentials','namespace':'team-a','uid':'1d2e3f40-5a6b-4c7d-8e9f-"
                                 "a0b1c2d3e4f5','resourceVersion':'1200','creationTimestamp':'2025-05-01T06:53:00Z',"
                                 "'labels':{'app':'db'}}}},"
                                 "{'cells':['registry','kubernetes.io/dockerconfigjson',1,'696d']}]}";

// The same secrets with the columns in another order, as a server or printer may send them.
const char *const reorderedSecretsTable =
    "{'kind':'Table','apiVersion':'meta.k8s.io/v1','metadata':{'resourceVersion':'2310'},"
    "'columnDefinitions':["
    "{'name':'Data','type':'string','format':'','description':'','priority':0},"
    "{'name':'Name','type':'string','format':'name','description':'','priority':0},"
    "{'name':'Age','type':'string','format':'','description':'','priority':0},"
    "{'name':'Type','type':'string','format':'','description':'','priority':0}],"
    "'rows':["
    "{'cells':[3,'data-sa-token','5m','kubernetes.io/service-account-token'],"
    "'object':{'kind':'PartialObjectMetadata','apiVersion':'meta.k8s.io/v1','metadata':"
    "{'name':'data-sa-token','namespace':'team-a','creationTimestamp':'2025-05-01T10:05:00Z',"
    "'annotations':{'kubernetes.io/service-account.name':'data-sa'}}}},"
    "{'cells':[2,'db-credentials','3h12m','Opaque'],"
    "'object':{'kind':'PartialObjectMetadata','apiVersion':'meta.k8s.io/v1','metadata':"
    "{'name':'db-credentials','namespace':'team-a','creationTimestamp':'2025-05-01T06:53:00Z'}}}]}";

// A server that prints no Type or Data column.
const char *const bareSecretsTable =
    "{'kind':'Table','apiVersion':'meta.k8s.io/v1','metadata':{},"
    "'columnDefinitions':[{'name':'Name','type':'string','format':'name','description':'','priority':0}],"
    "'rows':[{'cells':['db-credentials'],'object':{'kind':'PartialObjectMetadata','apiVersion':'meta.k8s.io/v1',"
    "'metadata':{'name':'db-credentials','namespace':'team-a','creationTimestamp':'2025-05-01T06:53:00Z'}}}]}";

} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void missingName_data();
    void missingName();
    void timestamps_data();
    void timestamps();
    void metadataFields();
    void namespaces_data();
    void namespaces();
    void serviceAccounts_data();
    void serviceAccounts();
    void secretMeta_data();
    void secretMeta();
    void secretTableRow_data();
    void secretTableRow();
    void secretValues_data();
    void secretValues();
    void pods_data();
    void pods();
    void deployments_data();
    void deployments();
    void rolledOut_data();
    void rolledOut();
    void dns1123Names_data();
    void dns1123Names();
    void statefulSetRollout_data();
    void statefulSetRollout();
    void daemonSetRollout_data();
    void daemonSetRollout();
    void roleBindings_data();
    void roleBindings();
    void bindsServiceAccount_data();
    void bindsServiceAccount();
    void secretBytesCopiesAreIndependent();
    void secretBytesMoves();
    void secretBytesWipes_data();
    void secretBytesWipes();
    void secretBytesEquality_data();
    void secretBytesEquality();
    void redactedJson_data();
    void redactedJson();
    void secretWithoutValues();
    void tokenClaims_data();
    void tokenClaims();
    void malformedTokens_data();
    void malformedTokens();
};

// Every upstream round-trip fixture of a kind we model: its values are fuzz filler, so the expectations are read
// from the same JSON rather than typed in.
void TestResources::fixtures_data()
{
    QTest::addColumn<QJsonObject>("object");
    const QStringList modelled {u"ServiceAccount"_s, u"Secret"_s,      u"Namespace"_s,         u"Pod"_s,
                                u"Deployment"_s,     u"RoleBinding"_s, u"ClusterRoleBinding"_s};
    QSet<QString> seen;
    const QDir dir(QString::fromUtf8(SA_FIXTURES_DIR) + u"/kubernetes/api-testdata"_s);
    for (const QFileInfo &info : dir.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile file(info.filePath());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(info.filePath()));
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        const QString kind = object[u"kind"].toString();
        if (!modelled.contains(kind))
            continue;
        seen.insert(kind);
        QTest::newRow(info.fileName().toUtf8().constData()) << object;
    }
    QCOMPARE(seen, QSet<QString>(modelled.begin(), modelled.end()));
}

void TestResources::fixtures()
{
    QFETCH(QJsonObject, object);
    const QString kind = object[u"kind"].toString();
    const QJsonObject metadata = object[u"metadata"].toObject();
    const QJsonObject spec = object[u"spec"].toObject();
    const QJsonObject status = object[u"status"].toObject();

    if (kind == "Namespace"_L1) {
        const auto ns = Namespace::fromJson(object);
        QVERIFY(ns);
        checkMetaAgainstJson(ns->meta, metadata);
        QCOMPARE(ns->phase, status[u"phase"].toString());
    } else if (kind == "ServiceAccount"_L1) {
        const auto account = ServiceAccount::fromJson(object);
        QVERIFY(account);
        checkMetaAgainstJson(account->meta, metadata);
        QCOMPARE(account->secrets, namesIn(object[u"secrets"]));
        QCOMPARE(account->imagePullSecrets, namesIn(object[u"imagePullSecrets"]));
        compareOptional(account->automountServiceAccountToken, object[u"automountServiceAccountToken"].toVariant());
    } else if (kind == "Secret"_L1) {
        const QJsonObject data = object[u"data"].toObject();
        const auto meta = SecretMeta::fromSecretJson(object);
        QVERIFY(meta);
        checkMetaAgainstJson(meta->meta, metadata);
        QCOMPARE(meta->type, object[u"type"].toString());
        QCOMPARE(meta->keys, data.keys());
        QCOMPARE(meta->keyCount, int(data.size()));
        QCOMPARE(meta->serviceAccountName(), QString());
        const auto secret = Secret::fromJson(object);
        QVERIFY(secret);
        checkMetaAgainstJson(secret->meta, metadata);
        QCOMPARE(secret->type, object[u"type"].toString());
        QCOMPARE(secret->data.keys(), data.keys());
        for (auto it = data.begin(); it != data.end(); ++it)
            QCOMPARE(secret->data.value(it.key()).reveal(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    } else if (kind == "Pod"_L1) {
        const auto pod = Pod::fromJson(object);
        QVERIFY(pod);
        checkMetaAgainstJson(pod->meta, metadata);
        QCOMPARE(pod->serviceAccountName, spec[u"serviceAccountName"].toString());
        QCOMPARE(pod->nodeName, spec[u"nodeName"].toString());
        QCOMPARE(pod->phase, status[u"phase"].toString());
        QCOMPARE(pod->imagePullSecrets, namesIn(spec[u"imagePullSecrets"]));
        compareOptional(pod->automountServiceAccountToken, spec[u"automountServiceAccountToken"].toVariant());
    } else if (kind == "Deployment"_L1) {
        const auto deployment = Deployment::fromJson(object);
        QVERIFY(deployment);
        checkMetaAgainstJson(deployment->meta, metadata);
        QCOMPARE(deployment->serviceAccountName, spec[u"template"][u"spec"][u"serviceAccountName"].toString());
        QCOMPARE(deployment->replicas, spec[u"replicas"].toInteger());
        QCOMPARE(deployment->observedGeneration, status[u"observedGeneration"].toInteger());
        QCOMPARE(deployment->updatedReplicas, status[u"updatedReplicas"].toInteger());
        QCOMPARE(deployment->readyReplicas, status[u"readyReplicas"].toInteger());
        QCOMPARE(deployment->availableReplicas, status[u"availableReplicas"].toInteger());
        QCOMPARE(deployment->statusReplicas, status[u"replicas"].toInteger());
        QString progressingReason;
        for (const QJsonValue &condition : status[u"conditions"].toArray()) {
            if (condition[u"type"].toString() == "Progressing"_L1)
                progressingReason = condition[u"reason"].toString();
        }
        QCOMPARE(deployment->progressingReason, progressingReason);
    } else {
        const auto binding = RoleBinding::fromJson(object);
        QVERIFY(binding);
        checkMetaAgainstJson(binding->meta, metadata);
        QCOMPARE(binding->roleKind, object[u"roleRef"][u"kind"].toString());
        QCOMPARE(binding->roleName, object[u"roleRef"][u"name"].toString());
        QStringList subjects;
        for (const QJsonValue &subject : object[u"subjects"].toArray()) {
            subjects.append(subject[u"kind"].toString() + u' ' + subject[u"name"].toString() + u' '
                            + subject[u"namespace"].toString());
        }
        QCOMPARE(describe(binding->subjects), subjects);
    }
}

void TestResources::missingName_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::newRow("no metadata") << QJsonObject {{u"kind"_s, u"Pod"_s}};
    QTest::newRow("no name") << json("{'metadata':{'namespace':'team-a','uid':'u1'},'status':{'phase':'Active'}}");
    QTest::newRow("empty name") << json("{'metadata':{'name':'','namespace':'team-a'}}");
}

void TestResources::missingName()
{
    QFETCH(QJsonObject, object);
    QVERIFY(!Namespace::fromJson(object));
    QVERIFY(!ServiceAccount::fromJson(object));
    QVERIFY(!SecretMeta::fromSecretJson(object));
    QVERIFY(!SecretMeta::fromTableItem(
        Informer::compactRow(QJsonObject {{u"cells"_s, QJsonArray {u"x"_s}}, {u"object"_s, object}},
                             json("{'c':[{'name':'Name'}]}")[u"c"].toArray())));
    QVERIFY(!Secret::fromJson(object));
    QVERIFY(!Pod::fromJson(object));
    QVERIFY(!Deployment::fromJson(object));
    QVERIFY(!RoleBinding::fromJson(object));
}

void TestResources::timestamps_data()
{
    QTest::addColumn<QJsonValue>("timestamp");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("whole seconds") << QJsonValue(u"2025-05-01T10:00:00Z"_s) << utc(2025, 5, 1, 10, 0, 0);
    QTest::newRow("tenths") << QJsonValue(u"2025-05-01T10:00:00.5Z"_s) << utc(2025, 5, 1, 10, 0, 0, 500);
    QTest::newRow("microseconds (MicroTime)")
        << QJsonValue(u"2025-05-01T10:00:00.123456Z"_s) << utc(2025, 5, 1, 10, 0, 0, 123);
    QTest::newRow("nanoseconds (RFC3339Nano)")
        << QJsonValue(u"2025-05-01T10:00:00.123456789Z"_s) << utc(2025, 5, 1, 10, 0, 0, 123);
    QTest::newRow("positive offset") << QJsonValue(u"2025-05-01T12:30:00+02:30"_s) << utc(2025, 5, 1, 10, 0, 0);
    QTest::newRow("negative offset across midnight")
        << QJsonValue(u"2025-04-30T21:00:00.25-03:00"_s) << utc(2025, 5, 1, 0, 0, 0, 250);
    QTest::newRow("no zone") << QJsonValue(u"2025-05-01T10:00:00"_s) << QDateTime();
    QTest::newRow("date only") << QJsonValue(u"2025-05-01"_s) << QDateTime();
    QTest::newRow("garbage") << QJsonValue(u"yesterday"_s) << QDateTime();
    QTest::newRow("null (as in a created-on-the-fly object)") << QJsonValue(QJsonValue::Null) << QDateTime();
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << QDateTime();
}

void TestResources::timestamps()
{
    QFETCH(QJsonValue, timestamp);
    QFETCH(QDateTime, expected);
    QJsonObject metadata {{u"name"_s, u"n"_s}};
    if (!timestamp.isUndefined()) {
        metadata.insert(u"creationTimestamp"_s, timestamp);
        metadata.insert(u"deletionTimestamp"_s, timestamp);
    }
    const ObjectMeta meta = ObjectMeta::fromJson(metadata);
    QCOMPARE(meta.creationTimestamp, expected);
    QCOMPARE(meta.deletionTimestamp, expected);
    if (expected.isValid()) {
        QCOMPARE(meta.creationTimestamp.timeSpec(), Qt::UTC);
        QCOMPARE(meta.deletionTimestamp.timeSpec(), Qt::UTC);
    }
}

// The metadata of a pod a ReplicaSet created, as a v1.32 server returns it.
void TestResources::metadataFields()
{
    const ObjectMeta meta = ObjectMeta::fromJson(
        json("{'name':'web-7d4b9c8f6d-x2x9k','generateName':'web-7d4b9c8f6d-','namespace':'team-a',"
             "'uid':'3c6a1d1e-8f2b-4f0a-9c55-2e6b7f1d0a11','resourceVersion':'48213','generation':1,"
             "'creationTimestamp':'2025-05-01T10:00:00Z',"
             "'labels':{'app':'web','pod-template-hash':'7d4b9c8f6d'},"
             "'annotations':{'kubectl.kubernetes.io/restartedAt':'2025-05-01T09:59:58Z'},"
             "'ownerReferences':[{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'web-7d4b9c8f6d',"
             "'uid':'a1b2c3d4-0000-4000-8000-000000000001','controller':true,'blockOwnerDeletion':true},"
             "{'apiVersion':'v1','kind':'ConfigMap','name':'extra','uid':'a1b2c3d4-0000-4000-8000-000000000002'}],"
             "'managedFields':[{'manager':'kube-controller-manager','operation':'Update','apiVersion':'v1',"
             "'time':'2025-05-01T10:00:00Z','fieldsType':'FieldsV1','fieldsV1':{}}]}"));
    QCOMPARE(meta.name, u"web-7d4b9c8f6d-x2x9k"_s);
    QCOMPARE(meta.ns, u"team-a"_s);
    QCOMPARE(meta.key(), u"team-a/web-7d4b9c8f6d-x2x9k"_s);
    QCOMPARE(meta.uid, u"3c6a1d1e-8f2b-4f0a-9c55-2e6b7f1d0a11"_s);
    QCOMPARE(meta.resourceVersion, u"48213"_s);
    QCOMPARE(meta.generation, qint64(1));
    QCOMPARE(meta.creationTimestamp, utc(2025, 5, 1, 10, 0, 0));
    QVERIFY(!meta.deletionTimestamp.isValid());
    const QMap<QString, QString> labels {{u"app"_s, u"web"_s}, {u"pod-template-hash"_s, u"7d4b9c8f6d"_s}};
    QCOMPARE(meta.labels, labels);
    const QMap<QString, QString> annotations {{u"kubectl.kubernetes.io/restartedAt"_s, u"2025-05-01T09:59:58Z"_s}};
    QCOMPARE(meta.annotations, annotations);
    QCOMPARE(meta.ownerReferences.size(), qsizetype(2));
    const OwnerReference &controller = meta.ownerReferences.at(0);
    QCOMPARE(controller.apiVersion, u"apps/v1"_s);
    QCOMPARE(controller.kind, u"ReplicaSet"_s);
    QCOMPARE(controller.name, u"web-7d4b9c8f6d"_s);
    QCOMPARE(controller.uid, u"a1b2c3d4-0000-4000-8000-000000000001"_s);
    QCOMPARE(controller.controller, true);
    QCOMPARE(meta.ownerReferences.at(1).kind, u"ConfigMap"_s);
    QCOMPARE(meta.ownerReferences.at(1).controller, false);

    QCOMPARE(ObjectMeta::fromJson(json("{'name':'kube-system'}")).key(), u"kube-system"_s);
}

void TestResources::namespaces_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QDateTime>("deletion");
    QTest::newRow("active") << json(
        "{'kind':'Namespace','apiVersion':'v1','metadata':{'name':'kube-system','uid':'e3b0c442-98fc-4c14-9afb-"
        "f4c8996fb924','resourceVersion':'4','creationTimestamp':'2025-04-30T08:00:00Z','labels':{"
        "'kubernetes.io/metadata.name':'kube-system'}},'spec':{'finalizers':['kubernetes']},'status':{'phase':"
        "'Active'}}") << u"kube-system"_s
                            << u"Active"_s << QDateTime();
    QTest::newRow("terminating") << json(
        "{'kind':'Namespace','apiVersion':'v1','metadata':{'name':'team-b','uid':'5f1c0e9a-1b2c-4d3e-8f90-"
        "a1b2c3d4e5f6','resourceVersion':'9120','creationTimestamp':'2025-04-30T09:00:00Z','deletionTimestamp':"
        "'2025-05-01T10:15:30Z','labels':{'kubernetes.io/metadata.name':'team-b'}},'spec':{'finalizers':["
        "'kubernetes']},'status':{'phase':'Terminating','conditions':[{'type':'NamespaceDeletionContentFailure',"
        "'status':'False','lastTransitionTime':'2025-05-01T10:15:36Z','reason':'ContentDeleted','message':"
        "'All content successfully deleted, may be waiting on finalization'}]}}")
                                 << u"team-b"_s << u"Terminating"_s << utc(2025, 5, 1, 10, 15, 30);
}

void TestResources::namespaces()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, name);
    QFETCH(QString, phase);
    QFETCH(QDateTime, deletion);
    const auto ns = Namespace::fromJson(object);
    QVERIFY(ns);
    QCOMPARE(ns->meta.name, name);
    QCOMPARE(ns->meta.ns, QString());
    QCOMPARE(ns->meta.labels.value(u"kubernetes.io/metadata.name"_s), name);
    QCOMPARE(ns->phase, phase);
    QCOMPARE(ns->meta.deletionTimestamp, deletion);
}

void TestResources::serviceAccounts_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QStringList>("pullSecrets");
    QTest::addColumn<QVariant>("automount");
    QTest::newRow("default, as the controller creates it")
        << json("{'kind':'ServiceAccount','apiVersion':'v1','metadata':{'name':'default','namespace':'team-a',"
                "'uid':'0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d','resourceVersion':'401',"
                "'creationTimestamp':'2025-05-01T09:58:12Z'}}")
        << u"default"_s << QStringList() << QStringList() << QVariant();
    QTest::newRow("pull secrets, a legacy token secret, automount off")
        << json("{'kind':'ServiceAccount','apiVersion':'v1','metadata':{'name':'data-sa','namespace':'team-a',"
                "'uid':'0b9c1f0e-5d4a-4f34-8a36-7c1f1e2b3a4d','resourceVersion':'1234',"
                "'creationTimestamp':'2025-05-01T10:00:00Z','labels':{'team':'a'}},"
                "'secrets':[{'name':'data-sa-token'}],"
                "'imagePullSecrets':[{'name':'my-registry'},{'name':'mirror'}],"
                "'automountServiceAccountToken':false}")
        << u"data-sa"_s << QStringList {u"data-sa-token"_s} << QStringList {u"my-registry"_s, u"mirror"_s}
        << QVariant(false);
    QTest::newRow("automount on") << json(
        "{'kind':'ServiceAccount','apiVersion':'v1','metadata':{'name':'ci','namespace':'team-a',"
        "'uid':'7c1f1e2b-3a4d-4f34-8a36-0b9c1f0e5d4a','resourceVersion':'1240',"
        "'creationTimestamp':'2025-05-01T10:01:00Z'},'automountServiceAccountToken':true}")
                                  << u"ci"_s << QStringList() << QStringList() << QVariant(true);
}

void TestResources::serviceAccounts()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, name);
    QFETCH(QStringList, secrets);
    QFETCH(QStringList, pullSecrets);
    QFETCH(QVariant, automount);
    const auto account = ServiceAccount::fromJson(object);
    QVERIFY(account);
    QCOMPARE(account->meta.name, name);
    QCOMPARE(account->meta.ns, u"team-a"_s);
    QCOMPARE(account->secrets, secrets);
    QCOMPARE(account->imagePullSecrets, pullSecrets);
    compareOptional(account->automountServiceAccountToken, automount);
}

void TestResources::secretMeta_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QString>("serviceAccount");
    QTest::newRow("service-account token")
        << json("{'kind':'Secret','apiVersion':'v1','metadata':{'name':'data-sa-token','namespace':'team-a',"
                "'uid':'8f0c7d56-1c1e-4a55-9a55-0c8b3c2d1e10','resourceVersion':'2301',"
                "'creationTimestamp':'2025-05-01T10:05:00Z','annotations':{"
                "'kubernetes.io/service-account.name':'data-sa',"
                "'kubernetes.io/service-account.uid':'0b9c1f0e-5d4a-4f34-8a36-7c1f1e2b3a4d'}},"
                "'data':{'ca.crt':'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==','namespace':'dGVhbS1h',"
                "'token':'ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZTMwLnNpZw=='},"
                "'type':'kubernetes.io/service-account-token'}")
        << u"kubernetes.io/service-account-token"_s << QStringList {u"ca.crt"_s, u"namespace"_s, u"token"_s}
        << u"data-sa"_s;
    QTest::newRow("opaque") << json(
        "{'kind':'Secret','apiVersion':'v1','metadata':{'name':'db-credentials','namespace':'team-a',"
        "'uid':'1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5','resourceVersion':'1200',"
        "'creationTimestamp':'2025-05-01T06:53:00Z'},"
        "'data':{'username':'YWRtaW4=','password':'czNjcjN0'},'type':'Opaque'}")
                            << u"Opaque"_s << QStringList {u"password"_s, u"username"_s} << QString();
    QTest::newRow("opaque with a service-account annotation")
        << json("{'kind':'Secret','apiVersion':'v1','metadata':{'name':'lookalike','namespace':'team-a',"
                "'annotations':{'kubernetes.io/service-account.name':'data-sa'}},"
                "'data':{'token':'eA=='},'type':'Opaque'}")
        << u"Opaque"_s << QStringList {u"token"_s} << QString();
    QTest::newRow("token secret the controller has not filled yet")
        << json("{'kind':'Secret','apiVersion':'v1','metadata':{'name':'ci-token','namespace':'team-a',"
                "'annotations':{'kubernetes.io/service-account.name':'ci'}},"
                "'type':'kubernetes.io/service-account-token'}")
        << u"kubernetes.io/service-account-token"_s << QStringList() << u"ci"_s;
}

void TestResources::secretMeta()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, type);
    QFETCH(QStringList, keys);
    QFETCH(QString, serviceAccount);
    const auto secret = SecretMeta::fromSecretJson(object);
    QVERIFY(secret);
    QCOMPARE(secret->meta.ns, u"team-a"_s);
    QCOMPARE(secret->type, type);
    QCOMPARE(secret->keys, keys);
    QCOMPARE(secret->keyCount, int(keys.size()));
    QCOMPARE(secret->serviceAccountName(), serviceAccount);
}

void TestResources::secretTableRow_data()
{
    QTest::addColumn<QJsonObject>("table");
    QTest::addColumn<int>("row");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("keyCount");
    QTest::addColumn<QString>("serviceAccount");
    QTest::addColumn<QDateTime>("created");
    const QJsonObject table = json(secretsTable);
    const QJsonObject reordered = json(reorderedSecretsTable);
    QTest::newRow("token secret") << table << 0 << true << u"data-sa-token"_s
                                  << u"kubernetes.io/service-account-token"_s << 3 << u"data-sa"_s
                                  << utc(2025, 5, 1, 10, 5, 0);
    QTest::newRow("opaque secret") << table << 1 << true << u"db-credentials"_s << u"Opaque"_s << 2 << QString()
                                   << utc(2025, 5, 1, 6, 53, 0);
    QTest::newRow("row without object (includeObject=None)")
        << table << 2 << false << QString() << QString() << 0 << QString() << QDateTime();
    QTest::newRow("reordered columns, token secret")
        << reordered << 0 << true << u"data-sa-token"_s << u"kubernetes.io/service-account-token"_s << 3 << u"data-sa"_s
        << utc(2025, 5, 1, 10, 5, 0);
    QTest::newRow("reordered columns, opaque secret")
        << reordered << 1 << true << u"db-credentials"_s << u"Opaque"_s << 2 << QString() << utc(2025, 5, 1, 6, 53, 0);
    QTest::newRow("no Type or Data column") << json(bareSecretsTable) << 0 << true << u"db-credentials"_s << QString()
                                            << 0 << QString() << utc(2025, 5, 1, 6, 53, 0);
}

void TestResources::secretTableRow()
{
    QFETCH(QJsonObject, table);
    QFETCH(int, row);
    QFETCH(bool, valid);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(int, keyCount);
    QFETCH(QString, serviceAccount);
    QFETCH(QDateTime, created);
    // As the informer keeps the row: cells by column name, whatever the order of the columns.
    const QJsonObject item =
        Informer::compactRow(table[u"rows"][row].toObject(), table[u"columnDefinitions"].toArray());
    QVERIFY(!item.contains("cells"_L1) && !item.contains("Name"_L1) && !item.contains("Age"_L1));
    const auto secret = SecretMeta::fromTableItem(item);
    QCOMPARE(secret.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(secret->meta.name, name);
    QCOMPARE(secret->meta.ns, u"team-a"_s);
    QCOMPARE(secret->meta.creationTimestamp, created);
    QCOMPARE(secret->type, type);
    QCOMPARE(secret->keyCount, keyCount);
    QCOMPARE(secret->keys, QStringList());
    QCOMPARE(secret->serviceAccountName(), serviceAccount);
}

void TestResources::secretValues_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QByteArrayList>("values");
    QTest::newRow("service-account token")
        << json("{'kind':'Secret','apiVersion':'v1','metadata':{'name':'data-sa-token','namespace':'team-a',"
                "'annotations':{'kubernetes.io/service-account.name':'data-sa'}},"
                "'data':{'ca.crt':'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==','namespace':'dGVhbS1h',"
                "'token':'ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZTMwLnNpZw=='},"
                "'type':'kubernetes.io/service-account-token'}")
        << true << u"kubernetes.io/service-account-token"_s << QStringList {u"ca.crt"_s, u"namespace"_s, u"token"_s}
        << QByteArrayList {"-----BEGIN CERTIFICATE-----\n", "team-a", "eyJhbGciOiJSUzI1NiJ9.e30.sig"};
    QTest::newRow("binary value and empty value")
        << json("{'metadata':{'name':'bin','namespace':'team-a'},'data':{'blob':'AP8Q','empty':''},'type':'Opaque'}")
        << true << u"Opaque"_s << QStringList {u"blob"_s, u"empty"_s}
        << QByteArrayList {QByteArray("\x00\xff\x10", 3), QByteArray()};
    QTest::newRow("stringData is ignored")
        << json("{'metadata':{'name':'db','namespace':'team-a'},'data':{'username':'YWRtaW4='},"
                "'stringData':{'password':'plain'},'type':'Opaque'}")
        << true << u"Opaque"_s << QStringList {u"username"_s} << QByteArrayList {"admin"};
    QTest::newRow("invalid character") << json(
        "{'metadata':{'name':'bad','namespace':'team-a'},'data':{'k':'not base64!'},'type':'Opaque'}")
                                       << false << QString() << QStringList() << QByteArrayList();
    QTest::newRow("URL alphabet where standard is required")
        << json("{'metadata':{'name':'bad','namespace':'team-a'},'data':{'ok':'YQ==','k':'-_8='},'type':'Opaque'}")
        << false << QString() << QStringList() << QByteArrayList();
    QTest::newRow("not a string") << json(
        "{'metadata':{'name':'bad','namespace':'team-a'},'data':{'k':42},'type':'Opaque'}")
                                  << false << QString() << QStringList() << QByteArrayList();
}

void TestResources::secretValues()
{
    QFETCH(QJsonObject, object);
    QFETCH(bool, valid);
    QFETCH(QString, type);
    QFETCH(QStringList, keys);
    QFETCH(QByteArrayList, values);
    const auto secret = Secret::fromJson(object);
    QCOMPARE(secret.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(secret->meta.ns, u"team-a"_s);
    QCOMPARE(secret->type, type);
    QCOMPARE(secret->data.keys(), keys);
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(secret->data.value(keys.at(i)).reveal(), values.at(i));
}

void TestResources::pods_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("serviceAccount");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QStringList>("pullSecrets");
    QTest::addColumn<QVariant>("automount");
    QTest::newRow("running, both SA fields as the server fills them")
        << json("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'web-7d4b9c8f6d-x2x9k','namespace':'team-a',"
                "'uid':'3c6a1d1e-8f2b-4f0a-9c55-2e6b7f1d0a11','resourceVersion':'48213',"
                "'creationTimestamp':'2025-05-01T10:00:00Z','labels':{'app':'web'}},"
                "'spec':{'containers':[{'name':'web','image':'nginx:1.27'}],'restartPolicy':'Always',"
                "'serviceAccountName':'data-sa','serviceAccount':'data-sa','nodeName':'node-1',"
                "'imagePullSecrets':[{'name':'my-registry'}],"
                "'volumes':[{'name':'kube-api-access-9xk2p','projected':{'defaultMode':420}}]},"
                "'status':{'phase':'Running','podIP':'10.244.1.7','startTime':'2025-05-01T10:00:01Z'}}")
        << u"data-sa"_s << u"node-1"_s << u"Running"_s << QStringList {u"my-registry"_s} << QVariant();
    QTest::newRow("pending, unscheduled, automount off")
        << json("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'batch','namespace':'team-a'},"
                "'spec':{'containers':[{'name':'job','image':'busybox'}],'serviceAccountName':'ci',"
                "'serviceAccount':'ci','automountServiceAccountToken':false},"
                "'status':{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'False',"
                "'reason':'Unschedulable'}]}}")
        << u"ci"_s << QString() << u"Pending"_s << QStringList() << QVariant(false);
    QTest::newRow("only the deprecated serviceAccount")
        << json("{'metadata':{'name':'old','namespace':'team-a'},'spec':{'serviceAccount':'legacy-sa',"
                "'automountServiceAccountToken':true},'status':{'phase':'Succeeded'}}")
        << u"legacy-sa"_s << QString() << u"Succeeded"_s << QStringList() << QVariant(true);
    QTest::newRow("no service account: default")
        << json("{'metadata':{'name':'bare','namespace':'team-a'},'spec':{'serviceAccountName':''}}") << u"default"_s
        << QString() << QString() << QStringList() << QVariant();
}

void TestResources::pods()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, serviceAccount);
    QFETCH(QString, node);
    QFETCH(QString, phase);
    QFETCH(QStringList, pullSecrets);
    QFETCH(QVariant, automount);
    const auto pod = Pod::fromJson(object);
    QVERIFY(pod);
    QCOMPARE(pod->meta.ns, u"team-a"_s);
    QCOMPARE(pod->serviceAccountName, serviceAccount);
    QCOMPARE(pod->nodeName, node);
    QCOMPARE(pod->phase, phase);
    QCOMPARE(pod->imagePullSecrets, pullSecrets);
    compareOptional(pod->automountServiceAccountToken, automount);
}

void TestResources::deployments_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("serviceAccount");
    QTest::addColumn<qint64>("replicas");
    QTest::addColumn<qint64>("generation");
    QTest::addColumn<qint64>("observedGeneration");
    QTest::addColumn<qint64>("updated");
    QTest::addColumn<qint64>("ready");
    QTest::addColumn<qint64>("available");
    QTest::addColumn<qint64>("current");
    QTest::addColumn<QString>("progressingReason");
    QTest::newRow("rolled out") << json(
        "{'kind':'Deployment','apiVersion':'apps/v1','metadata':{'name':'web','namespace':'team-a',"
        "'uid':'9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d','resourceVersion':'48300','generation':3,"
        "'creationTimestamp':'2025-05-01T09:00:00Z','annotations':{'deployment.kubernetes.io/revision':'3'}},"
        "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':"
        "{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx:1.27'}],"
        "'serviceAccountName':'data-sa','serviceAccount':'data-sa'}},'strategy':{'type':'RollingUpdate',"
        "'rollingUpdate':{'maxUnavailable':'25%','maxSurge':'25%'}},'revisionHistoryLimit':10,"
        "'progressDeadlineSeconds':600},"
        "'status':{'observedGeneration':3,'replicas':2,'updatedReplicas':2,'readyReplicas':2,"
        "'availableReplicas':2,'conditions':[{'type':'Available','status':'True','reason':"
        "'MinimumReplicasAvailable'},{'type':'Progressing','status':'True','reason':"
        "'NewReplicaSetAvailable','message':'ReplicaSet \\'web-7d4b9c8f6d\\' has successfully progressed.'}]}}")
                                << u"data-sa"_s << qint64(2) << qint64(3) << qint64(3) << qint64(2) << qint64(2)
                                << qint64(2) << qint64(2) << u"NewReplicaSetAvailable"_s;
    QTest::newRow("just created: no replicas, no SA, no status")
        << json("{'kind':'Deployment','apiVersion':'apps/v1','metadata':{'name':'api','namespace':'team-a',"
                "'generation':1},'spec':{'selector':{'matchLabels':{'app':'api'}},'template':{'metadata':{"
                "'labels':{'app':'api'}},'spec':{'containers':[{'name':'api','image':'api:1'}]}}}}")
        << u"default"_s << qint64(1) << qint64(1) << qint64(0) << qint64(0) << qint64(0) << qint64(0) << qint64(0)
        << QString();
    QTest::newRow("scaled to zero, deprecated serviceAccount")
        << json("{'metadata':{'name':'idle','namespace':'team-a','generation':2},'spec':{'replicas':0,"
                "'template':{'spec':{'serviceAccount':'legacy-sa'}}},'status':{'observedGeneration':2}}")
        << u"legacy-sa"_s << qint64(0) << qint64(2) << qint64(2) << qint64(0) << qint64(0) << qint64(0) << qint64(0)
        << QString();
}

void TestResources::deployments()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, serviceAccount);
    QFETCH(qint64, replicas);
    QFETCH(qint64, generation);
    QFETCH(qint64, observedGeneration);
    QFETCH(qint64, updated);
    QFETCH(qint64, ready);
    QFETCH(qint64, available);
    QFETCH(qint64, current);
    QFETCH(QString, progressingReason);
    const auto deployment = Deployment::fromJson(object);
    QVERIFY(deployment);
    QCOMPARE(deployment->meta.ns, u"team-a"_s);
    QCOMPARE(deployment->serviceAccountName, serviceAccount);
    QCOMPARE(deployment->replicas, replicas);
    QCOMPARE(deployment->meta.generation, generation);
    QCOMPARE(deployment->observedGeneration, observedGeneration);
    QCOMPARE(deployment->updatedReplicas, updated);
    QCOMPARE(deployment->readyReplicas, ready);
    QCOMPARE(deployment->availableReplicas, available);
    QCOMPARE(deployment->statusReplicas, current);
    QCOMPARE(deployment->progressingReason, progressingReason);
}

// One row per branch of kubectl's DeploymentStatusViewer.Status, in its order.
void TestResources::rolledOut_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<bool>("done");
    QTest::addColumn<QString>("progress");
    // generation, observedGeneration, spec.replicas, updated, status.replicas, available, Progressing reason
    QTest::newRow("spec update not observed") << deploymentStatus(4, 3, 2, 2, 2, 2, u"NewReplicaSetAvailable"_s)
                                              << false << u"Waiting for deployment spec update to be observed..."_s;
    QTest::newRow("not observed wins over a timed-out rollout")
        << deploymentStatus(5, 4, 2, 1, 2, 1, u"ProgressDeadlineExceeded"_s) << false
        << u"Waiting for deployment spec update to be observed..."_s;
    QTest::newRow("progress deadline exceeded") << deploymentStatus(4, 4, 2, 1, 2, 1, u"ProgressDeadlineExceeded"_s)
                                                << false << u"deployment \"web\" exceeded its progress deadline"_s;
    QTest::newRow("new replicas being updated")
        << deploymentStatus(4, 4, 2, 1, 3, 1, u"ReplicaSetUpdated"_s) << false
        << u"Waiting for deployment \"web\" rollout to finish: 1 out of 2 new replicas have been updated..."_s;
    QTest::newRow("old replicas pending termination")
        << deploymentStatus(4, 4, 2, 2, 3, 2, u"ReplicaSetUpdated"_s) << false
        << u"Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination..."_s;
    QTest::newRow("updated replicas not yet available")
        << deploymentStatus(4, 4, 2, 2, 2, 1, u"ReplicaSetUpdated"_s) << false
        << u"Waiting for deployment \"web\" rollout to finish: 1 of 2 updated replicas are available..."_s;
    QTest::newRow("rolled out") << deploymentStatus(4, 4, 2, 2, 2, 2, u"NewReplicaSetAvailable"_s) << true
                                << u"deployment \"web\" successfully rolled out"_s;
    QTest::newRow("observed ahead of generation counts as observed")
        << deploymentStatus(3, 4, 2, 2, 2, 2, u"NewReplicaSetAvailable"_s) << true
        << u"deployment \"web\" successfully rolled out"_s;
    QTest::newRow("scaled to zero") << deploymentStatus(2, 2, 0, 0, 0, 0, u"NewReplicaSetAvailable"_s) << true
                                    << u"deployment \"web\" successfully rolled out"_s;
}

void TestResources::rolledOut()
{
    QFETCH(QJsonObject, object);
    QFETCH(bool, done);
    QFETCH(QString, progress);
    const auto deployment = Deployment::fromJson(object);
    QVERIFY(deployment);
    QString actual;
    QCOMPARE(deployment->rolledOut(&actual), done);
    QCOMPARE(actual, progress);
    QCOMPARE(deployment->rolledOut(), done);
}

namespace {

// A StatefulSet as the API server returns it; `partition` < 0 leaves rollingUpdate out, `strategy` empty the type.
QJsonObject statefulSet(qint64 generation, qint64 observed, qint64 replicas, qint64 ready, qint64 updated,
                        qint64 current, const QString &currentRevision, const QString &updateRevision,
                        qint64 partition = 0, const QString &strategy = u"RollingUpdate"_s)
{
    QJsonObject updateStrategy;
    if (!strategy.isEmpty())
        updateStrategy.insert("type"_L1, strategy);
    if (partition >= 0)
        updateStrategy.insert("rollingUpdate"_L1, QJsonObject {{"partition"_L1, partition}});
    return {
        {"metadata"_L1,
         QJsonObject {{"name"_L1, "db"_L1}, {"namespace"_L1, "team-a"_L1}, {"generation"_L1, generation}}},
        {"spec"_L1,
         QJsonObject {{"replicas"_L1, replicas},
                      {"updateStrategy"_L1, updateStrategy},
                      {"template"_L1, QJsonObject {{"spec"_L1, QJsonObject {{"serviceAccountName"_L1, "db-sa"_L1}}}}}}},
        {"status"_L1,
         QJsonObject {{"observedGeneration"_L1, observed},
                      {"readyReplicas"_L1, ready},
                      {"updatedReplicas"_L1, updated},
                      {"currentReplicas"_L1, current},
                      {"currentRevision"_L1, currentRevision},
                      {"updateRevision"_L1, updateRevision}}}};
}

QJsonObject daemonSet(qint64 generation, qint64 observed, qint64 desired, qint64 updated, qint64 available,
                      const QString &strategy = u"RollingUpdate"_s)
{
    return {{"metadata"_L1,
             QJsonObject {{"name"_L1, "agent"_L1}, {"namespace"_L1, "team-a"_L1}, {"generation"_L1, generation}}},
            {"spec"_L1,
             QJsonObject {{"updateStrategy"_L1, QJsonObject {{"type"_L1, strategy}}},
                          {"template"_L1, QJsonObject {{"spec"_L1, QJsonObject {}}}}}},
            {"status"_L1,
             QJsonObject {{"observedGeneration"_L1, observed},
                          {"desiredNumberScheduled"_L1, desired},
                          {"updatedNumberScheduled"_L1, updated},
                          {"numberAvailable"_L1, available}}}};
}

} // namespace

void TestResources::dns1123Names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem"); // the start of the objection, empty when valid
    QTest::newRow("plain") << u"ci-pusher"_s << QString();
    QTest::newRow("dots") << u"ci.pusher.v2"_s << QString();
    QTest::newRow("digits first") << u"0day"_s << QString();
    QTest::newRow("253 characters") << QString(253, u'a') << QString();
    QTest::newRow("empty") << QString() << u"Enter a name."_s;
    QTest::newRow("254 characters") << QString(254, u'a') << u"The name must be no more than 253"_s;
    QTest::newRow("upper case") << u"Bad_Name"_s << u"A name must consist of lower case"_s;
    QTest::newRow("leading dash") << u"-x"_s << u"A name must consist of lower case"_s;
    QTest::newRow("trailing dot") << u"x."_s << u"A name must consist of lower case"_s;
    QTest::newRow("empty label") << u"a..b"_s << u"A name must consist of lower case"_s;
}

void TestResources::dns1123Names()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    const QString actual = dns1123SubdomainProblem(name);
    QVERIFY2(problem.isEmpty() ? actual.isEmpty() : actual.startsWith(problem), qPrintable(actual));
}

// One row per branch of kubectl's StatefulSetStatusViewer.Status, in its order.
void TestResources::statefulSetRollout_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<bool>("done");
    QTest::addColumn<bool>("automatic");
    QTest::addColumn<QString>("message");
    QTest::newRow("OnDelete") << statefulSet(2, 2, 1, 1, 0, 1, u"db-1"_s, u"db-2"_s, -1, u"OnDelete"_s) << true << false
                              << u"statefulset \"db\" updates its pods only when they are deleted"_s;
    QTest::newRow("never observed") << statefulSet(1, 0, 1, 0, 0, 0, {}, {}) << false << true
                                    << u"Waiting for statefulset spec update to be observed..."_s;
    QTest::newRow("spec update not observed") << statefulSet(3, 2, 1, 1, 1, 1, u"db-1"_s, u"db-1"_s) << false << true
                                              << u"Waiting for statefulset spec update to be observed..."_s;
    QTest::newRow("pods not ready") << statefulSet(3, 3, 3, 1, 1, 2, u"db-1"_s, u"db-2"_s) << false << true
                                    << u"Waiting for 2 pods to be ready..."_s;
    QTest::newRow("partition not reached") << statefulSet(3, 3, 3, 3, 1, 2, u"db-1"_s, u"db-2"_s, 1) << false << true
                                           << u"Waiting for partitioned roll out to finish: 1 out of 2 new pods have "
                                              u"been updated..."_s;
    QTest::newRow("partitioned roll out complete")
        << statefulSet(3, 3, 3, 3, 3, 3, u"db-2"_s, u"db-2"_s) << true << true
        << u"partitioned roll out complete: 3 new pods have been "
           u"updated..."_s;
    QTest::newRow("no rollingUpdate: revisions differ")
        << statefulSet(3, 3, 2, 2, 1, 1, u"db-1"_s, u"db-2"_s, -1) << false << true
        << u"waiting for statefulset rolling update to complete 1 pods "
           u"at revision db-2..."_s;
    QTest::newRow("no rollingUpdate: complete")
        << statefulSet(3, 3, 2, 2, 2, 2, u"db-2"_s, u"db-2"_s, -1) << true << true
        << u"statefulset rolling update complete 2 pods at revision db-2..."_s;
    QTest::newRow("strategy defaulted when absent")
        << statefulSet(3, 3, 1, 1, 1, 1, u"db-2"_s, u"db-2"_s, 0, {}) << true << true
        << u"partitioned roll out complete: 1 new pods have been "
           u"updated..."_s;
}

void TestResources::statefulSetRollout()
{
    QFETCH(QJsonObject, object);
    QFETCH(bool, done);
    QFETCH(bool, automatic);
    QFETCH(QString, message);
    const auto set = StatefulSet::fromJson(object);
    QVERIFY(set);
    QCOMPARE(set->serviceAccountName, u"db-sa"_s);
    const RolloutStatus status = set->rollout();
    QCOMPARE(status.message, message);
    QCOMPARE(status.done, done);
    QCOMPARE(status.automatic, automatic);
}

// One row per branch of kubectl's DaemonSetStatusViewer.Status, in its order.
void TestResources::daemonSetRollout_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<bool>("done");
    QTest::addColumn<QString>("message");
    QTest::newRow("OnDelete") << daemonSet(2, 2, 3, 0, 3, u"OnDelete"_s) << true
                              << u"daemon set \"agent\" updates its pods only when they are deleted"_s;
    QTest::newRow("spec update not observed")
        << daemonSet(3, 2, 3, 3, 3) << false << u"Waiting for daemon set spec update to be observed..."_s;
    QTest::newRow("pods being updated")
        << daemonSet(3, 3, 3, 1, 3) << false
        << u"Waiting for daemon set \"agent\" rollout to finish: 1 out of 3 new pods have been updated..."_s;
    QTest::newRow("updated pods not available")
        << daemonSet(3, 3, 3, 3, 2) << false
        << u"Waiting for daemon set \"agent\" rollout to finish: 2 of 3 updated pods are available..."_s;
    QTest::newRow("rolled out") << daemonSet(3, 3, 3, 3, 3) << true
                                << u"daemon set \"agent\" successfully rolled out"_s;
}

void TestResources::daemonSetRollout()
{
    QFETCH(QJsonObject, object);
    QFETCH(bool, done);
    QFETCH(QString, message);
    const auto set = DaemonSet::fromJson(object);
    QVERIFY(set);
    QCOMPARE(set->serviceAccountName, u"default"_s);
    const RolloutStatus status = set->rollout();
    QCOMPARE(status.message, message);
    QCOMPARE(status.done, done);
}

void TestResources::roleBindings_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("roleKind");
    QTest::addColumn<QString>("roleName");
    QTest::addColumn<QStringList>("subjects");
    QTest::newRow("RoleBinding from kubectl create rolebinding")
        << json("{'kind':'RoleBinding','apiVersion':'rbac.authorization.k8s.io/v1','metadata':{'name':'rb1',"
                "'namespace':'default','uid':'2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091','resourceVersion':'5120',"
                "'creationTimestamp':'2025-05-01T10:20:00Z'},'roleRef':{'apiGroup':'rbac.authorization.k8s.io',"
                "'kind':'ClusterRole','name':'view'},'subjects':[{'kind':'User','apiGroup':"
                "'rbac.authorization.k8s.io','name':'alice'},{'kind':'Group','apiGroup':'rbac.authorization.k8s.io',"
                "'name':'devs'},{'kind':'ServiceAccount','name':'new-sa','namespace':'default'}]}")
        << u"default"_s << u"ClusterRole"_s << u"view"_s
        << QStringList {u"User alice "_s, u"Group devs "_s, u"ServiceAccount new-sa default"_s};
    QTest::newRow("ClusterRoleBinding from the bootstrap policy")
        << json("{'kind':'ClusterRoleBinding','apiVersion':'rbac.authorization.k8s.io/v1','metadata':{'name':"
                "'system:kube-dns','uid':'6e7f8091-2b3c-4d5e-8f70-a1b2c3d4e5f6','resourceVersion':'140',"
                "'creationTimestamp':'2025-04-30T08:00:02Z','labels':{'kubernetes.io/bootstrapping':"
                "'rbac-defaults'},'annotations':{'rbac.authorization.kubernetes.io/autoupdate':'true'}},"
                "'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'ClusterRole','name':'system:kube-dns'},"
                "'subjects':[{'kind':'ServiceAccount','name':'kube-dns','namespace':'kube-system'}]}")
        << QString() << u"ClusterRole"_s << u"system:kube-dns"_s
        << QStringList {u"ServiceAccount kube-dns kube-system"_s};
    QTest::newRow("Role reference, no subjects")
        << json("{'kind':'RoleBinding','apiVersion':'rbac.authorization.k8s.io/v1','metadata':{'name':'empty',"
                "'namespace':'team-a'},'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'Role','name':"
                "'token-creator'}}")
        << u"team-a"_s << u"Role"_s << u"token-creator"_s << QStringList();
}

void TestResources::roleBindings()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, ns);
    QFETCH(QString, roleKind);
    QFETCH(QString, roleName);
    QFETCH(QStringList, subjects);
    const auto binding = RoleBinding::fromJson(object);
    QVERIFY(binding);
    QCOMPARE(binding->meta.ns, ns);
    QCOMPARE(binding->roleKind, roleKind);
    QCOMPARE(binding->roleName, roleName);
    QCOMPARE(describe(binding->subjects), subjects);
}

void TestResources::bindsServiceAccount_data()
{
    QTest::addColumn<QJsonObject>("binding");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("binds");
    const auto binding = [](const char *bindingNamespace, const QJsonArray &subjects) -> QJsonObject {
        QJsonObject metadata {{u"name"_s, u"b"_s}};
        if (*bindingNamespace)
            metadata.insert(u"namespace"_s, QString::fromUtf8(bindingNamespace));
        return {{u"metadata"_s, metadata},
                {u"roleRef"_s, QJsonObject {{u"kind"_s, u"ClusterRole"_s}, {u"name"_s, u"edit"_s}}},
                {u"subjects"_s, subjects}};
    };
    const auto subject = [](const char *kind, const char *name, const char *ns) -> QJsonObject {
        QJsonObject object {{u"kind"_s, QString::fromUtf8(kind)}, {u"name"_s, QString::fromUtf8(name)}};
        if (*ns)
            object.insert(u"namespace"_s, QString::fromUtf8(ns));
        return object;
    };
    const QJsonArray explicitSa {subject("ServiceAccount", "data-sa", "team-a")};
    const QJsonArray implicitSa {subject("ServiceAccount", "data-sa", "")};
    QTest::newRow("RoleBinding, explicit namespace")
        << binding("team-a", explicitSa) << u"team-a"_s << u"data-sa"_s << true;
    QTest::newRow("RoleBinding, subject in another namespace")
        << binding("team-b", explicitSa) << u"team-a"_s << u"data-sa"_s << true;
    QTest::newRow("RoleBinding, another namespace asked")
        << binding("team-a", explicitSa) << u"team-b"_s << u"data-sa"_s << false;
    QTest::newRow("RoleBinding, empty namespace means the binding's")
        << binding("team-a", implicitSa) << u"team-a"_s << u"data-sa"_s << true;
    QTest::newRow("RoleBinding, empty namespace, other namespace asked")
        << binding("team-b", implicitSa) << u"team-a"_s << u"data-sa"_s << false;
    QTest::newRow("ClusterRoleBinding, explicit namespace")
        << binding("", explicitSa) << u"team-a"_s << u"data-sa"_s << true;
    QTest::newRow("ClusterRoleBinding, empty namespace binds nobody")
        << binding("", implicitSa) << u"team-a"_s << u"data-sa"_s << false;
    QTest::newRow("another name") << binding("team-a", explicitSa) << u"team-a"_s << u"ci"_s << false;
    QTest::newRow("a User of the same name")
        << binding("team-a", QJsonArray {subject("User", "data-sa", "team-a")}) << u"team-a"_s << u"data-sa"_s << false;
    QTest::newRow("the namespace's service-account group is not the account")
        << binding("team-a", QJsonArray {subject("Group", "system:serviceaccounts:team-a", "")}) << u"team-a"_s
        << u"data-sa"_s << false;
    QTest::newRow("one matching subject among others")
        << binding("team-a",
                   QJsonArray {subject("User", "alice", ""), subject("ServiceAccount", "ci", "team-a"),
                               subject("ServiceAccount", "data-sa", "")})
        << u"team-a"_s << u"data-sa"_s << true;
    QTest::newRow("no subjects") << binding("team-a", QJsonArray()) << u"team-a"_s << u"data-sa"_s << false;
}

void TestResources::bindsServiceAccount()
{
    QFETCH(QJsonObject, binding);
    QFETCH(QString, ns);
    QFETCH(QString, name);
    QFETCH(bool, binds);
    const auto parsed = RoleBinding::fromJson(binding);
    QVERIFY(parsed);
    QCOMPARE(parsed->bindsServiceAccount(ns, name), binds);
}

void TestResources::secretBytesCopiesAreIndependent()
{
    const QByteArray source("s3cr3t-token");
    SecretBytes original(source);
    QVERIFY(original.reveal().constData() != source.constData());
    QCOMPARE(original.reveal(), source);

    SecretBytes copy(original);
    QVERIFY(copy.reveal().constData() != original.reveal().constData());
    SecretBytes assigned;
    assigned = original;
    QVERIFY(assigned.reveal().constData() != original.reveal().constData());

    copy.clear();
    assigned.clear();
    QVERIFY(copy.isEmpty());
    QCOMPARE(copy.size(), qsizetype(0));
    QCOMPARE(original.reveal(), source);
    QCOMPARE(original.size(), source.size());
    QCOMPARE(original.revealUtf8(), u"s3cr3t-token"_s);

    const SecretBytes &self = original;
    original = self;
    QCOMPARE(original.reveal(), source);
}

void TestResources::secretBytesMoves()
{
    SecretBytes source(QByteArray("abc"));
    const char *buffer = source.reveal().constData();
    SecretBytes moved(std::move(source));
    QVERIFY(moved.reveal().constData() == buffer);
    QCOMPARE(moved.reveal(), QByteArray("abc"));
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): a moved-from secret must hold nothing

    SecretBytes target(QByteArray("old"));
    target = std::move(moved);
    QCOMPARE(target.reveal(), QByteArray("abc"));
    QVERIFY(moved.isEmpty()); // NOLINT(bugprone-use-after-move)
}

// A copy taken from reveal() shares the buffer, which lets the test watch it being wiped in place.
void TestResources::secretBytesWipes_data()
{
    QTest::addColumn<QString>("release");
    QTest::newRow("clear") << u"clear"_s;
    QTest::newRow("copy assignment") << u"copy"_s;
    QTest::newRow("move assignment") << u"move"_s;
    QTest::newRow("destruction") << u"destroy"_s;
}

void TestResources::secretBytesWipes()
{
    QFETCH(QString, release);
    const QByteArray secret("hunter2-password");
    QByteArray alias;
    {
        SecretBytes bytes(secret);
        alias = bytes.reveal();
        QVERIFY(alias.constData() == bytes.reveal().constData());
        if (release == "clear"_L1) {
            bytes.clear();
            QVERIFY(bytes.isEmpty());
        } else if (release == "copy"_L1) {
            const SecretBytes other(QByteArray("x"));
            bytes = other;
            QCOMPARE(bytes.reveal(), QByteArray("x"));
        } else if (release == "move"_L1) {
            bytes = SecretBytes(QByteArray("y"));
            QCOMPARE(bytes.reveal(), QByteArray("y"));
        }
    }
    QCOMPARE(alias, QByteArray(secret.size(), '\0'));
    QCOMPARE(secret, QByteArray("hunter2-password"));
}

void TestResources::secretBytesEquality_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same bytes") << QByteArray("token-a") << QByteArray("token-a") << true;
    QTest::newRow("same length, last byte differs") << QByteArray("token-a") << QByteArray("token-b") << false;
    QTest::newRow("prefix") << QByteArray("token") << QByteArray("token-a") << false;
    QTest::newRow("embedded zero") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
    QTest::newRow("empty and not") << QByteArray() << QByteArray("x") << false;
}

void TestResources::secretBytesEquality()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(bool, equal);
    QCOMPARE(SecretBytes(left) == SecretBytes(right), equal);
    QCOMPARE(SecretBytes(right) == SecretBytes(left), equal);
    QCOMPARE(SecretBytes(left) != SecretBytes(right), !equal);
}

void TestResources::tokenClaims_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QStringList>("audiences");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("serviceAccount");
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QDateTime>("issuedAt");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::addColumn<QString>("boundKind");
    QTest::addColumn<QString>("boundName");
    QTest::addColumn<QString>("secretName");
    QTest::addColumn<bool>("legacy");

    const QString issuer = u"https://kubernetes.default.svc.cluster.local"_s;
    const QString saUid = u"0b9c1f0e-5d4a-4f34-8a36-7c1f1e2b3a4d"_s;
    const auto bound = [&](const QJsonObject &binding, const QJsonValue &audience) -> QJsonObject {
        QJsonObject kubernetes {{u"namespace"_s, u"team-a"_s},
                                {u"serviceaccount"_s, QJsonObject {{u"name"_s, u"data-sa"_s}, {u"uid"_s, saUid}}}};
        for (auto it = binding.begin(); it != binding.end(); ++it)
            kubernetes.insert(it.key(), it.value());
        return {{u"aud"_s, audience},
                {u"exp"_s, 1746100800},
                {u"iat"_s, 1746097200},
                {u"nbf"_s, 1746097200},
                {u"iss"_s, issuer},
                {u"jti"_s, u"5b0f7c1e-6a4e-4b8e-9a51-1b7f3d0c9a10"_s},
                {u"sub"_s, u"system:serviceaccount:team-a:data-sa"_s},
                {u"kubernetes.io"_s, kubernetes}};
    };
    const QJsonArray audiences {issuer, u"vault"_s};
    const QJsonObject pod {{u"name"_s, u"p1"_s}, {u"uid"_s, u"c1d2e3f4-0000-4000-8000-000000000001"_s}};
    const QJsonObject node {{u"name"_s, u"n1"_s}, {u"uid"_s, u"c1d2e3f4-0000-4000-8000-000000000002"_s}};
    const QJsonObject secret {{u"name"_s, u"s1"_s}, {u"uid"_s, u"c1d2e3f4-0000-4000-8000-000000000003"_s}};
    const QDateTime iat = utc(2025, 5, 1, 11, 0, 0);
    const QDateTime exp = utc(2025, 5, 1, 12, 0, 0);
    const QString sub = u"system:serviceaccount:team-a:data-sa"_s;

    QTest::newRow("pod-bound, with the pod's node")
        << makeToken(bound({{u"pod"_s, pod}, {u"node"_s, node}, {u"warnafter"_s, 1746100807}}, audiences)) << issuer
        << sub << QStringList {issuer, u"vault"_s} << u"team-a"_s << u"data-sa"_s << saUid << iat << exp << u"Pod"_s
        << u"p1"_s << QString() << false;
    QTest::newRow("secret-bound") << makeToken(bound({{u"secret"_s, secret}}, audiences)) << issuer << sub
                                  << QStringList {issuer, u"vault"_s} << u"team-a"_s << u"data-sa"_s << saUid << iat
                                  << exp << u"Secret"_s << u"s1"_s << QString() << false;
    QTest::newRow("node-bound") << makeToken(bound({{u"node"_s, node}}, audiences)) << issuer << sub
                                << QStringList {issuer, u"vault"_s} << u"team-a"_s << u"data-sa"_s << saUid << iat
                                << exp << u"Node"_s << u"n1"_s << QString() << false;
    QTest::newRow("unbound, string aud") << makeToken(bound({}, u"vault"_s)) << issuer << sub
                                         << QStringList {u"vault"_s} << u"team-a"_s << u"data-sa"_s << saUid << iat
                                         << exp << QString() << QString() << QString() << false;

    const QByteArray padded = makeToken(bound({}, issuer), true);
    QVERIFY2(padded.contains("=."), "the claims of this row must need padding");
    QTest::newRow("padded claims") << padded << issuer << sub << QStringList {issuer} << u"team-a"_s << u"data-sa"_s
                                   << saUid << iat << exp << QString() << QString() << QString() << false;

    const QJsonObject legacy {{u"iss"_s, u"kubernetes/serviceaccount"_s},
                              {u"kubernetes.io/serviceaccount/namespace"_s, u"team-a"_s},
                              {u"kubernetes.io/serviceaccount/secret.name"_s, u"data-sa-token"_s},
                              {u"kubernetes.io/serviceaccount/service-account.name"_s, u"data-sa"_s},
                              {u"kubernetes.io/serviceaccount/service-account.uid"_s, saUid},
                              {u"sub"_s, sub}};
    QTest::newRow("legacy secret-based") << makeToken(legacy) << u"kubernetes/serviceaccount"_s << sub << QStringList()
                                         << u"team-a"_s << u"data-sa"_s << saUid << QDateTime() << QDateTime()
                                         << QString() << QString() << u"data-sa-token"_s << true;
}

void TestResources::tokenClaims()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, issuer);
    QFETCH(QString, subject);
    QFETCH(QStringList, audiences);
    QFETCH(QString, ns);
    QFETCH(QString, serviceAccount);
    QFETCH(QString, uid);
    QFETCH(QDateTime, issuedAt);
    QFETCH(QDateTime, expiresAt);
    QFETCH(QString, boundKind);
    QFETCH(QString, boundName);
    QFETCH(QString, secretName);
    QFETCH(bool, legacy);
    QString error = u"untouched"_s;
    const auto claims = TokenClaims::decode(token, &error);
    QVERIFY2(claims, qPrintable(error));
    QCOMPARE(error, u"untouched"_s);
    QCOMPARE(claims->issuer, issuer);
    QCOMPARE(claims->subject, subject);
    QCOMPARE(claims->audiences, audiences);
    QCOMPARE(claims->ns, ns);
    QCOMPARE(claims->serviceAccountName, serviceAccount);
    QCOMPARE(claims->serviceAccountUid, uid);
    QCOMPARE(claims->issuedAt, issuedAt);
    QCOMPARE(claims->expiresAt, expiresAt);
    if (expiresAt.isValid())
        QCOMPARE(claims->expiresAt.timeSpec(), Qt::UTC);
    QCOMPARE(claims->boundKind, boundKind);
    QCOMPARE(claims->boundName, boundName);
    QCOMPARE(claims->secretName, secretName);
    QCOMPARE(claims->legacy, legacy);
    // The header, the unique id and the node, for the inspector.
    QCOMPARE(claims->algorithm, u"RS256"_s);
    QCOMPARE(claims->keyId, u"k1"_s);
    QCOMPARE(claims->id, legacy ? QString() : u"5b0f7c1e-6a4e-4b8e-9a51-1b7f3d0c9a10"_s);
    QCOMPARE(claims->notBefore, legacy ? QDateTime() : issuedAt);
    QCOMPARE(claims->nodeName, boundKind == "Pod"_L1 || boundKind == "Node"_L1 ? u"n1"_s : QString());
}

void TestResources::malformedTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("error");
    const QString notJwt = u"not a JWT: expected three dot-separated parts"_s;
    const QString notBase64 = u"the claims are not valid base64url"_s;
    const QString notObject = u"the claims are not a JSON object"_s;
    const QByteArray header = base64Url(QByteArrayLiteral("{\"alg\":\"RS256\"}"));
    const QByteArray claims = base64Url(QByteArrayLiteral("{\"sub\":\"system:serviceaccount:team-a:data-sa\"}"));

    QTest::newRow("empty") << QByteArray() << notJwt;
    QTest::newRow("opaque token") << QByteArray("kubeadm-abcdef.0123456789abcdef") << notJwt;
    QTest::newRow("two parts") << QByteArray(header + '.' + claims) << notJwt;
    QTest::newRow("four parts") << QByteArray(header + '.' + claims + ".sig.extra") << notJwt;
    QTest::newRow("standard alphabet '+'") << QByteArray(header + ".eyJ+In0.sig") << notBase64;
    QTest::newRow("standard alphabet '/'") << QByteArray(header + ".eyJ/In0.sig") << notBase64;
    QTest::newRow("space") << QByteArray(header + ".eyJ zdWIi.sig") << notBase64;
    QTest::newRow("three '='") << QByteArray(header + ".eyJ9===.sig") << notBase64;
    QTest::newRow("dangling character") << QByteArray(header + ".eyJzd.sig") << notBase64;
    QTest::newRow("not JSON") << makeToken(QByteArray("not json at all")) << notObject;
    QTest::newRow("JSON array") << makeToken(QByteArray("[\"sub\"]")) << notObject;
    QTest::newRow("empty claims") << QByteArray(header + "..sig") << notObject;
    // Times no calendar holds are refused, not cast to an integer (undefined behaviour).
    const QString outOfRange = u"a time in the claims (exp, iat or nbf) is out of range"_s;
    QTest::newRow("exp 1e300") << makeToken(QByteArray(R"({"sub":"x","exp":1e300})")) << outOfRange;
    QTest::newRow("iat -1e300") << makeToken(QByteArray(R"({"sub":"x","iat":-1e300})")) << outOfRange;
    QTest::newRow("nbf year 10000") << makeToken(QByteArray(R"({"sub":"x","nbf":253402300800})")) << outOfRange;
}

void TestResources::malformedTokens()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!TokenClaims::decode(token, &actual));
    QCOMPARE(actual, error);
    for (const QByteArray &part : token.split('.')) {
        if (part.size() > 3)
            QVERIFY2(!actual.contains(QString::fromLatin1(part)), "the error quotes the token");
    }
    QVERIFY(!TokenClaims::decode(token));
}

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"

void TestResources::redactedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("taken"); // object/member=value, unescaped
    QTest::addColumn<QStringList>("kept"); // what the redacted text still holds

    QTest::newRow("secret") << QByteArray(R"({"data":{"a":"c2VjcmV0","b\"":"eA=="},"stringData":{"s":"p\"w\\d"},)"
                                          R"("metadata":{"name":"data","annotations":{"data":"plain",)"
                                          R"("kubectl.kubernetes.io/last-applied-configuration":)"
                                          R"("{\"data\":{\"a\":\"c2VjcmV0\"}}"}}})")
                            << QStringList {u"data/a=c2VjcmV0"_s, u"data/b\\\"=eA=="_s, u"stringData/s=p\"w\\d"_s,
                                            u"/kubectl.kubernetes.io/last-applied-configuration="
                                            u"{\"data\":{\"a\":\"c2VjcmV0\"}}"_s}
                            << QStringList {u"\"name\":\"data\""_s, u"\"data\":\"plain\""_s, u"\"b\\\"\":"_s};
    QTest::newRow("list and table") << QByteArray(
        R"({"items":[{"data":{"k":"dmFs"}},{"data":{}}],"rows":[{"cells":["x",1],"object":{"metadata":)"
        R"({"annotations":{"openshift.io/token-secret.value":"t0k3n"}}}}]})")
                                    << QStringList {u"data/k=dmFs"_s, u"/openshift.io/token-secret.value=t0k3n"_s}
                                    << QStringList {u"\"cells\":[\"x\",1]"_s};
    QTest::newRow("no values") << QByteArray(R"({"kind":"Secret","data":null,"type":"Opaque"})") << QStringList {}
                               << QStringList {u"\"type\":\"Opaque\""_s};
    QTest::newRow("cut short") << QByteArray(R"({"data":{"k":"dmFs)") << QStringList {u"data/k=dmFs"_s}
                               << QStringList {};
}

void TestResources::redactedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, taken);
    QFETCH(QStringList, kept);
    const QByteArray original(json.constData(), json.size());
    QStringList seen;
    sa::redactJsonSecrets(
        json, sa::secretValueMembers(), [&seen](QByteArrayView object, QByteArrayView member, QByteArrayView raw) {
            bool ok = false;
            const sa::SecretBytes value = sa::jsonStringSecret(raw, &ok);
            QVERIFY(ok);
            seen.append(QString::fromUtf8(object.toByteArray() + '/' + member.toByteArray() + '=' + value.reveal()));
        });
    QCOMPARE(seen, taken);
    QCOMPARE(json.size(), original.size());
    if (original.endsWith('}'))
        QVERIFY2(!QJsonDocument::fromJson(json).isNull(), json.constData());
    for (const QString &value : {u"c2VjcmV0"_s, u"eA=="_s, u"dmFs"_s, u"t0k3n"_s, u"p\\\"w"_s})
        QVERIFY2(!json.contains(value.toUtf8()), json.constData());
    for (const QString &text : kept)
        QVERIFY2(json.contains(text.toUtf8()), json.constData());
}

// What a secrets informer keeps of a Secret that `kubectl apply` made: no value, not even in the annotation.
void TestResources::secretWithoutValues()
{
    const QJsonObject secret = QJsonDocument::fromJson(R"({"kind":"Secret","data":{"k":"dmFs"},"stringData":{"s":"x"},)"
                                                       R"("metadata":{"name":"s","annotations":{"keep":"me",)"
                                                       R"("kubectl.kubernetes.io/last-applied-configuration":"{}",)"
                                                       R"("openshift.io/token-secret.value":"tok"},)"
                                                       R"("managedFields":[{"manager":"kubectl"}]}})")
                                   .object();
    const QJsonObject kept = sa::withoutSecretValues(secret);
    QCOMPARE(QJsonDocument(kept).toJson(QJsonDocument::Compact),
             QByteArray(R"({"kind":"Secret","metadata":{"annotations":{"keep":"me"},"name":"s"}})"));
    QVERIFY(sa::isSecretCollection(u"/api/v1/namespaces/a/secrets"_s));
    QVERIFY(!sa::isSecretCollection(u"/api/v1/namespaces/a/serviceaccounts"_s));
}
