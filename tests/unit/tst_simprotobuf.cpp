#include "Protobuf.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using kubesim::decodeKubernetesProtobuf;

namespace {

const QString kApiTestdata = QString::fromUtf8(SA_FIXTURES_DIR "/kubernetes/api-testdata/");
const QString kKubectlRequests = QString::fromUtf8(SA_FIXTURES_DIR "/kubectl-requests/");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A minimal protobuf writer for hand-made bodies.
QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        out += static_cast<char>((value & 0x7f) | (value > 0x7f ? 0x80 : 0));
        value >>= 7;
    } while (value);
    return out;
}

QByteArray tag(int number, int wire)
{
    return varint(quint64(number) << 3 | quint64(wire));
}

QByteArray varintField(int number, quint64 value)
{
    return tag(number, 0) + varint(value);
}

QByteArray bytesField(int number, const QByteArray &payload)
{
    return tag(number, 2) + varint(quint64(payload.size())) + payload;
}

QByteArray magic()
{
    return QByteArray("k8s\0", 4);
}

QByteArray envelope(const QByteArray &apiVersion, const QByteArray &kind, const QByteArray &raw)
{
    return magic() + bytesField(1, bytesField(1, apiVersion) + bytesField(2, kind)) + bytesField(2, raw)
        + bytesField(3, {}) + bytesField(4, {});
}

QByteArray meta(const QByteArray &name)
{
    return bytesField(1, bytesField(1, name));
}

QByteArray entry(const QByteArray &key, const QByteArray &value)
{
    return bytesField(1, key) + bytesField(2, value);
}

// Removes the value at a dotted path; an array on the way applies the rest of the path to each element.
QJsonValue withoutPath(const QJsonValue &value, QStringView path)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = withoutPath(array.at(i), path);
        return array;
    }
    QJsonObject object = value.toObject();
    const qsizetype dot = path.indexOf(u'.');
    const QString key = (dot < 0 ? path : path.first(dot)).toString();
    if (dot < 0)
        object.remove(key);
    else if (object.contains(key))
        object.insert(key, withoutPath(object.value(key), path.sliced(dot + 1)));
    return object;
}

QString compact(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.sliced(1, json.size() - 2));
}

// Lists every path where the two values differ, so a failure names the field instead of dumping both objects.
QStringList differences(const QJsonValue &actual, const QJsonValue &expected, const QString &path = {})
{
    QStringList found;
    if (actual.isObject() && expected.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        QStringList keys = a.keys() + e.keys();
        keys.removeDuplicates();
        for (const QString &key : std::as_const(keys))
            found += differences(a.value(key), e.value(key), path + u'.' + key);
    } else if (actual.isArray() && expected.isArray() && actual.toArray().size() == expected.toArray().size()) {
        for (qsizetype i = 0; i < actual.toArray().size(); ++i)
            found += differences(actual.toArray().at(i), expected.toArray().at(i), path + u"[%1]"_s.arg(i));
    } else if (actual != expected) {
        found += u"%1: got %2, expected %3"_s.arg(path, compact(actual), compact(expected));
    }
    return found;
}

// PodSpec fields the decoder does not cover: rarely sent by kubectl or newer than Kubernetes 1.32.
QStringList skippedPodSpec(const QString &at)
{
    static const QStringList relative = {
        // Scheduling, DNS, probes, lifecycle and other PodSpec parts outside the decoded subset.
        u"affinity"_s,
        u"tolerations"_s,
        u"hostAliases"_s,
        u"dnsConfig"_s,
        u"readinessGates"_s,
        u"overhead"_s,
        u"topologySpreadConstraints"_s,
        u"ephemeralContainers"_s,
        u"os"_s,
        u"schedulingGates"_s,
        u"resourceClaims"_s,
        u"resources"_s,
        u"containers.livenessProbe"_s,
        u"containers.readinessProbe"_s,
        u"containers.startupProbe"_s,
        u"containers.lifecycle"_s,
        u"containers.volumeDevices"_s,
        u"containers.resizePolicy"_s,
        u"initContainers.livenessProbe"_s,
        u"initContainers.readinessProbe"_s,
        u"initContainers.startupProbe"_s,
        u"initContainers.lifecycle"_s,
        u"initContainers.volumeDevices"_s,
        u"initContainers.resizePolicy"_s,
        // Volume sources other than hostPath, emptyDir, secret, persistentVolumeClaim, downwardAPI, configMap
        // and projected.
        u"volumes.gcePersistentDisk"_s,
        u"volumes.awsElasticBlockStore"_s,
        u"volumes.gitRepo"_s,
        u"volumes.nfs"_s,
        u"volumes.iscsi"_s,
        u"volumes.glusterfs"_s,
        u"volumes.rbd"_s,
        u"volumes.flexVolume"_s,
        u"volumes.cinder"_s,
        u"volumes.cephfs"_s,
        u"volumes.flocker"_s,
        u"volumes.fc"_s,
        u"volumes.azureFile"_s,
        u"volumes.vsphereVolume"_s,
        u"volumes.quobyte"_s,
        u"volumes.azureDisk"_s,
        u"volumes.photonPersistentDisk"_s,
        u"volumes.portworxVolume"_s,
        u"volumes.scaleIO"_s,
        u"volumes.storageos"_s,
        u"volumes.csi"_s,
        u"volumes.ephemeral"_s,
        u"volumes.image"_s,
        u"volumes.projected.sources.clusterTrustBundle"_s,
        u"volumes.projected.sources.podCertificate"_s,
        // Newer than Kubernetes 1.32.
        u"hostnameOverride"_s,
        u"schedulingGroup"_s,
        u"evictionResponders"_s,
        u"containers.restartPolicyRules"_s,
        u"containers.env.valueFrom.fileKeyRef"_s,
        u"containers.volumeMounts.bindMountOptions"_s,
        u"initContainers.restartPolicyRules"_s,
        u"initContainers.env.valueFrom.fileKeyRef"_s,
        u"initContainers.volumeMounts.bindMountOptions"_s,
        u"volumes.emptyDir.mode"_s,
        u"volumes.secret.defaultUser"_s,
        u"volumes.secret.items.user"_s,
        u"volumes.configMap.defaultUser"_s,
        u"volumes.configMap.items.user"_s,
        u"volumes.downwardAPI.defaultUser"_s,
        u"volumes.downwardAPI.items.user"_s,
        u"volumes.projected.defaultUser"_s,
        u"volumes.projected.sources.secret.items.user"_s,
        u"volumes.projected.sources.configMap.items.user"_s,
        u"volumes.projected.sources.downwardAPI.items.user"_s,
        u"volumes.projected.sources.serviceAccountToken.user"_s,
    };
    QStringList paths;
    for (const QString &path : relative)
        paths += at + u'.' + path;
    return paths;
}

// PodStatus: only phase is decoded.
QStringList skippedPodStatus()
{
    static const QStringList fields = {
        u"observedGeneration"_s,
        u"conditions"_s,
        u"message"_s,
        u"reason"_s,
        u"nominatedNodeName"_s,
        u"hostIP"_s,
        u"hostIPs"_s,
        u"podIP"_s,
        u"podIPs"_s,
        u"startTime"_s,
        u"initContainerStatuses"_s,
        u"containerStatuses"_s,
        u"ephemeralContainerStatuses"_s,
        u"qosClass"_s,
        u"resize"_s,
        u"resourceClaimStatuses"_s,
        u"extendedResourceClaimStatus"_s,
        u"nodeAllocatableResourceClaimStatuses"_s,
        u"allocatedResources"_s,
        u"resources"_s,
        u"volumeHealth"_s,
    };
    QStringList paths;
    for (const QString &field : fields)
        paths += u"status."_s + field;
    return paths;
}

} // namespace

class TestSimProtobuf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesApiFixture_data();
    void decodesApiFixture();
    void decodesKubectlRequest_data();
    void decodesKubectlRequest();
    void decodesHandMadeBody_data();
    void decodesHandMadeBody();
    void rejectsMalformedBody_data();
    void rejectsMalformedBody();
    void survivesTruncation_data();
    void survivesTruncation();
    void survivesCorruption_data();
    void survivesCorruption();
};

void TestSimProtobuf::decodesApiFixture_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("skipped");

    // These kinds are decoded completely, so the whole fixture must come out.
    for (const char *name :
         {"core.v1.Namespace", "core.v1.ServiceAccount", "core.v1.Secret", "rbac.authorization.k8s.io.v1.Role",
          "rbac.authorization.k8s.io.v1.ClusterRole", "rbac.authorization.k8s.io.v1.RoleBinding",
          "rbac.authorization.k8s.io.v1.ClusterRoleBinding", "authentication.k8s.io.v1.TokenReview",
          "authentication.k8s.io.v1.SelfSubjectReview", "authorization.k8s.io.v1.SubjectAccessReview",
          "authorization.k8s.io.v1.SelfSubjectAccessReview", "authorization.k8s.io.v1.SelfSubjectRulesReview"})
        QTest::newRow(name) << QString::fromLatin1(name) << QStringList();
    // attestations is newer than Kubernetes 1.32.
    QTest::newRow("authentication.k8s.io.v1.TokenRequest")
        << u"authentication.k8s.io.v1.TokenRequest"_s << QStringList {u"spec.attestations"_s};
    QTest::newRow("core.v1.Pod") << u"core.v1.Pod"_s << skippedPodSpec(u"spec"_s) + skippedPodStatus();
    // terminatingReplicas is newer than Kubernetes 1.32.
    QTest::newRow("apps.v1.Deployment") << u"apps.v1.Deployment"_s
                                        << skippedPodSpec(u"spec.template.spec"_s)
            + QStringList {u"status.terminatingReplicas"_s};
}

void TestSimProtobuf::decodesApiFixture()
{
    QFETCH(QString, name);
    QFETCH(QStringList, skipped);

    const QByteArray body = readFile(kApiTestdata + name + u".pb"_s);
    const QJsonObject fixture = parseObject(readFile(kApiTestdata + name + u".json"_s));
    QVERIFY(!body.isEmpty());
    QVERIFY(!fixture.isEmpty());

    const auto result = decodeKubernetesProtobuf(body);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QJsonValue expected = fixture;
    QJsonValue actual = result.object;
    for (const QString &path : std::as_const(skipped)) {
        expected = withoutPath(expected, path);
        actual = withoutPath(actual, path);
    }
    const QStringList diffs = differences(actual, expected);
    QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(u'\n')));
}

void TestSimProtobuf::decodesKubectlRequest_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("expected");

    // kubectl fills every non-pointer string with "" and every non-pointer struct: omitempty drops the strings,
    // the zero creationTimestamp becomes null and empty structs stay, as in `kubectl create --dry-run -o json`.
    QTest::newRow("create namespace")
        << u"last_api_v1_namespaces.bin"_s
        << R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a","creationTimestamp":null},
              "spec":{},"status":{}})"_ba;
    QTest::newRow("create secret")
        << u"last_api_v1_namespaces_default_secrets.bin"_s
        << R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1","creationTimestamp":null},
              "data":{"a":"Yg=="},"type":"kubernetes.io/service-account-token"})"_ba;
    QTest::newRow("create serviceaccount")
        << u"last_api_v1_namespaces_default_serviceaccounts.bin"_s
        << R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"new-sa","creationTimestamp":null}})"_ba;
    QTest::newRow("create role") << u"last_apis_rbac.authorization.k8s.io_v1_namespaces_default_roles.bin"_s
                                 << R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role",
              "metadata":{"name":"r1","creationTimestamp":null},
              "rules":[{"verbs":["get","list"],"apiGroups":[""],"resources":["secrets"],"resourceNames":["s1"]}]})"_ba;
    // Subject.apiGroup is omitempty, RoleRef.apiGroup is not.
    QTest::newRow("create rolebinding")
        << u"last_apis_rbac.authorization.k8s.io_v1_namespaces_default_rolebindings.bin"_s
        << R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
              "metadata":{"name":"rb1","creationTimestamp":null},
              "subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"alice"},
                          {"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"devs"},
                          {"kind":"ServiceAccount","name":"new-sa","namespace":"default"}],
              "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}})"_ba;
}

void TestSimProtobuf::decodesKubectlRequest()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, expected);

    const QByteArray body = readFile(kKubectlRequests + file);
    QVERIFY(!body.isEmpty());
    const auto result = decodeKubernetesProtobuf(body);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QStringList diffs = differences(result.object, parseObject(expected));
    QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(u'\n')));
}

void TestSimProtobuf::decodesHandMadeBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray group = tag(96, 3) + varintField(1, 1) + bytesField(2, "x") + tag(96, 4);
    const QByteArray unknownFields = varintField(99, 5) + tag(98, 1) + QByteArray(8, '\xff') + bytesField(97, "junk")
        + group + tag(95, 5) + QByteArray(4, '\x01');
    QTest::newRow("unknown fields of every wire type are skipped")
        << envelope("v1", "Secret",
                    unknownFields + bytesField(1, bytesField(1, "a") + unknownFields) + bytesField(3, "Opaque"))
        << R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"a"},"type":"Opaque"})"_ba;

    QTest::newRow("pointer bool false is kept, omitempty zeros are dropped")
        << envelope("v1", "ServiceAccount", bytesField(1, bytesField(1, {}) + varintField(7, 0)) + varintField(4, 0))
        << R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{},"automountServiceAccountToken":false})"_ba;

    const QByteArray subject = bytesField(1, "User") + bytesField(2, {}) + bytesField(3, "u");
    const QByteArray roleRef = bytesField(1, {}) + bytesField(2, "ClusterRole") + bytesField(3, "r");
    QTest::newRow("fields without omitempty keep zero values")
        << envelope("rbac.authorization.k8s.io/v1", "ClusterRoleBinding",
                    meta("b") + bytesField(2, subject) + bytesField(3, roleRef))
        << R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b"},
              "subjects":[{"kind":"User","name":"u"}],"roleRef":{"apiGroup":"","kind":"ClusterRole","name":"r"}})"_ba;

    const QByteArray nonResource = bytesField(2, bytesField(1, "/healthz") + bytesField(2, "get"));
    const QByteArray denial = varintField(1, 0) + bytesField(2, {}) + varintField(4, 0);
    QTest::newRow("false allowed is kept, false denied is not")
        << envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview",
                    bytesField(2, nonResource) + bytesField(3, denial))
        << R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
              "spec":{"nonResourceAttributes":{"path":"/healthz","verb":"get"}},"status":{"allowed":false}})"_ba;

    const QByteArray resource = bytesField(1, "ns") + bytesField(2, "list") + bytesField(5, "secrets");
    const QByteArray extra = entry("scopes", bytesField(1, "a"));
    const QByteArray review =
        bytesField(1, resource) + bytesField(3, "bob") + bytesField(4, "g1") + bytesField(5, extra);
    QTest::newRow("LocalSubjectAccessReview")
        << envelope("authorization.k8s.io/v1", "LocalSubjectAccessReview",
                    bytesField(1, bytesField(3, "ns")) + bytesField(2, review))
        << R"({"apiVersion":"authorization.k8s.io/v1","kind":"LocalSubjectAccessReview","metadata":{"namespace":"ns"},
              "spec":{"resourceAttributes":{"namespace":"ns","verb":"list","resource":"secrets"},"user":"bob",
                      "groups":["g1"],"extra":{"scopes":["a"]}}})"_ba;

    QTest::newRow("ConfigMap") << envelope("v1", "ConfigMap",
                                           meta("cm") + bytesField(2, entry("k", "v"))
                                               + bytesField(3, entry("bin", QByteArray("\x00\xff", 2)))
                                               + varintField(4, 1))
                               << R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data":{"k":"v"},
              "binaryData":{"bin":"AP8="},"immutable":true})"_ba;

    QTest::newRow("map entries without key or value hold Go zero values")
        << envelope("v1", "Secret",
                    bytesField(1, bytesField(11, bytesField(1, "l"))) + bytesField(2, bytesField(1, "k"))
                        + bytesField(4, bytesField(2, "v")))
        << R"({"apiVersion":"v1","kind":"Secret","metadata":{"labels":{"l":""}},"data":{"k":""},
              "stringData":{"":"v"}})"_ba;

    QTest::newRow("a singular message sent twice is merged")
        << envelope("v1", "Secret",
                    meta("a") + bytesField(1, bytesField(3, "ns") + bytesField(14, "f"))
                        + bytesField(1, bytesField(14, "g")))
        << R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"a","namespace":"ns","finalizers":["f","g"]}})"_ba;

    const QByteArray times = bytesField(8, {}) + bytesField(9, varintField(1, 1) + varintField(2, 500));
    const QByteArray goZeroTime = bytesField(2, bytesField(4, varintField(1, quint64(-62135596800))));
    QTest::newRow("zero Time is null, Time drops nanos")
        << envelope("v1", "Namespace", bytesField(1, times) + bytesField(3, goZeroTime))
        << R"({"apiVersion":"v1","kind":"Namespace",
              "metadata":{"creationTimestamp":null,"deletionTimestamp":"1970-01-01T00:00:01Z"},
              "status":{"conditions":[{"lastTransitionTime":null}]}})"_ba;

    QTest::newRow("negative numbers are sign-extended varints")
        << envelope("apps/v1", "Deployment",
                    bytesField(1, varintField(7, quint64(-5)))
                        + bytesField(2, varintField(1, quint64(-1)) + varintField(6, 0xffffffffULL)))
        << R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":-5},
              "spec":{"replicas":-1,"revisionHistoryLimit":-1}})"_ba;

    const QByteArray labels = entry("app", "web");
    const QByteArray container = bytesField(1, "nginx") + bytesField(2, "nginx") + bytesField(8, {});
    const QByteArray podTemplate = bytesField(1, bytesField(11, labels)) + bytesField(2, bytesField(2, container));
    const QByteArray rollingUpdate =
        bytesField(1, varintField(1, 0) + varintField(2, 1)) + bytesField(2, varintField(1, 1) + bytesField(3, "25%"));
    const QByteArray strategy = bytesField(1, "RollingUpdate") + bytesField(2, rollingUpdate);
    const QByteArray deploymentSpec =
        varintField(1, 2) + bytesField(2, bytesField(1, labels)) + bytesField(3, podTemplate) + bytesField(4, strategy);
    QTest::newRow("kubectl create deployment")
        << envelope("apps/v1", "Deployment", meta("web") + bytesField(2, deploymentSpec) + bytesField(3, {}))
        << R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
              "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                      "template":{"metadata":{"labels":{"app":"web"}},
                                  "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},
                      "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":"25%"}}},
              "status":{}})"_ba;

    const QByteArray groups = bytesField(4, varint(1) + varint(2)) + varintField(4, 3);
    QTest::newRow("repeated int64 packed and unpacked")
        << envelope("v1", "Pod", bytesField(2, bytesField(14, groups)))
        << R"({"apiVersion":"v1","kind":"Pod","spec":{"securityContext":{"supplementalGroups":[1,2,3]}}})"_ba;

    const QByteArray emptyDir = bytesField(2, bytesField(2, bytesField(1, "1Gi")));
    const QByteArray configMap = bytesField(19, bytesField(1, bytesField(1, "c")));
    const QByteArray volumes = bytesField(1, bytesField(1, "tmp") + bytesField(2, emptyDir))
        + bytesField(1, bytesField(1, "cfg") + bytesField(2, configMap));
    QTest::newRow("volume sources are inlined, quantities kept")
        << envelope("v1", "Pod", bytesField(2, volumes))
        << R"({"apiVersion":"v1","kind":"Pod","spec":{"volumes":[{"name":"tmp","emptyDir":{"sizeLimit":"1Gi"}},
              {"name":"cfg","configMap":{"name":"c"}}]}})"_ba;
}

void TestSimProtobuf::decodesHandMadeBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);

    const auto result = decodeKubernetesProtobuf(body);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QStringList diffs = differences(result.object, parseObject(expected));
    QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(u'\n')));
}

void TestSimProtobuf::rejectsMalformedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    const QByteArray secretMeta = bytesField(1, meta("a"));
    QTest::newRow("empty") << QByteArray() << u"empty data"_s;
    QTest::newRow("magic only") << magic() << u"empty body"_s;
    QTest::newRow("JSON instead of protobuf")
        << R"({"kind":"Secret"})"_ba << u"does not appear to be a protobuf message"_s;
    QTest::newRow("truncated tag") << magic() + "\x80" << u"unexpected EOF"_s;
    QTest::newRow("varint longer than ten bytes") << magic() + QByteArray(11, '\xff') << u"integer overflow"_s;
    QTest::newRow("length past the end") << magic() + tag(2, 2) + varint(100) + "abc" << u"unexpected EOF"_s;
    QTest::newRow("negative length") << magic() + tag(2, 2) + varint(quint64(1) << 63) << u"negative length"_s;
    QTest::newRow("fixed64 past the end") << magic() + tag(9, 1) + "1234" << u"unexpected EOF"_s;
    QTest::newRow("field number zero") << magic() + tag(0, 2) + varint(0) << u"illegal tag 0"_s;
    QTest::newRow("illegal wire type") << magic() + tag(1, 6) << u"illegal wireType 6"_s;
    QTest::newRow("end group without start") << magic() + tag(5, 4) << u"end group for non-group"_s;
    QTest::newRow("mismatched end group") << magic() + tag(9, 3) + tag(8, 4) << u"unexpected end of group"_s;
    QTest::newRow("unterminated group") << magic() + tag(9, 3) + varintField(1, 1) << u"unexpected EOF"_s;
    QByteArray deep = magic();
    for (int i = 0; i < 100; ++i)
        deep += tag(9, 3);
    QTest::newRow("groups nested too deep") << deep << u"nesting depth"_s;
    QTest::newRow("TypeMeta as varint") << magic() + varintField(1, 5) << u"wrong wireType = 0 for field TypeMeta"_s;
    QTest::newRow("missing kind") << envelope("v1", {}, secretMeta) << u"Object 'Kind' is missing"_s;
    QTest::newRow("missing apiVersion") << envelope({}, "Secret", secretMeta) << u"Object 'apiVersion' is missing"_s;
    QTest::newRow("kind in another group")
        << envelope("apps/v1", "Secret", secretMeta) << uR"(no kind "Secret" is registered for version "apps/v1")"_s;
    QTest::newRow("unregistered kind") << readFile(kApiTestdata + u"core.v1.Status.pb"_s)
                                       << uR"(no kind "Status" is registered for version "v1")"_s;
    QTest::newRow("string as varint") << envelope("v1", "Secret", bytesField(1, varintField(1, 3)))
                                      << u"wrong wireType = 0 for field name"_s;
    QTest::newRow("bool as bytes") << envelope("v1", "Secret", bytesField(5, "x"))
                                   << u"wrong wireType = 2 for field immutable"_s;
    QTest::newRow("map as fixed32") << envelope("v1", "Secret", tag(2, 5) + "1234")
                                    << u"wrong wireType = 5 for field data"_s;
    QTest::newRow("message inside a map entry truncated")
        << envelope("v1", "Secret", bytesField(2, tag(1, 2) + varint(5) + "ab")) << u"unexpected EOF"_s;
    QTest::newRow("time out of range") << envelope("v1", "Namespace",
                                                   bytesField(1, bytesField(8, varintField(1, 1'000'000'000'000ULL))))
                                       << u"year outside of range"_s;
    QTest::newRow("time seconds as bytes")
        << envelope("v1", "Namespace", bytesField(1, bytesField(8, bytesField(1, "x"))))
        << u"wrong wireType = 2 for field seconds"_s;
    QTest::newRow("IntOrString of unknown type") << envelope(
        "apps/v1", "Deployment", bytesField(2, bytesField(4, bytesField(2, bytesField(2, varintField(1, 7))))))
                                                 << u"impossible IntOrString.Type"_s;
    const QByteArray limits = bytesField(1, entry("cpu", bytesField(1, "lots")));
    QTest::newRow("malformed quantity") << envelope("v1", "Pod", bytesField(2, bytesField(2, bytesField(8, limits))))
                                        << u"quantities must match"_s;
    QTest::newRow("fieldsV1 that is not JSON")
        << envelope("v1", "Secret", bytesField(1, bytesField(17, bytesField(7, bytesField(1, "{")))))
        << u"invalid JSON in raw"_s;
}

void TestSimProtobuf::rejectsMalformedBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    const auto result = decodeKubernetesProtobuf(body);
    QVERIFY2(!result.ok(), qPrintable(QString::fromUtf8(QJsonDocument(result.object).toJson())));
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QVERIFY(result.object.isEmpty());
}

void TestSimProtobuf::survivesTruncation_data()
{
    QTest::addColumn<QString>("path");

    for (const QString &dir : {kApiTestdata, kKubectlRequests}) {
        const QStringList files = QDir(dir).entryList({u"*.pb"_s, u"*.bin"_s}, QDir::Files);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir + file;
    }
}

// A prefix that cuts into a field must fail cleanly. One that ends between the envelope's fields is a shorter but
// valid body: after TypeMeta it holds an object without fields, after the raw object the whole object.
void TestSimProtobuf::survivesTruncation()
{
    QFETCH(QString, path);

    const QByteArray body = readFile(path);
    QVERIFY(body.size() > 8);
    // Every fixture has a short TypeMeta first and empty contentEncoding and contentType last.
    QCOMPARE(body.at(4), '\x0a');
    QVERIFY(static_cast<uchar>(body.at(5)) < 0x80);
    QVERIFY(body.endsWith(QByteArray("\x1a\x00\x22\x00", 4)));
    const qsizetype afterTypeMeta = 6 + static_cast<uchar>(body.at(5));
    const qsizetype afterRaw = body.size() - 4;

    const auto whole = decodeKubernetesProtobuf(body);
    QVERIFY(whole.ok() || whole.error.startsWith(u"no kind"_s));
    for (qsizetype length = 0; length < body.size(); ++length) {
        const auto result = decodeKubernetesProtobuf(body.first(length));
        const QByteArray where = "prefix of " + QByteArray::number(length) + " bytes";
        if (length == afterTypeMeta && whole.ok()) {
            QVERIFY2(result.ok(), where);
            QCOMPARE(result.object.keys(), (QStringList {u"apiVersion"_s, u"kind"_s}));
        } else if (length == afterRaw || length == afterRaw + 2) {
            QCOMPARE(result.object, whole.object);
            QCOMPARE(result.error, whole.error);
        } else {
            QVERIFY2(!result.ok() && !result.error.isEmpty() && result.object.isEmpty(), where);
        }
    }
}

void TestSimProtobuf::survivesCorruption_data()
{
    QTest::addColumn<QByteArray>("seedBody");

    QTest::newRow("random bytes") << magic();
    for (const char *name : {"core.v1.Pod", "apps.v1.Deployment", "core.v1.Secret",
                             "authorization.k8s.io.v1.SubjectAccessReview", "rbac.authorization.k8s.io.v1.ClusterRole"})
        QTest::newRow(name) << readFile(kApiTestdata + QString::fromLatin1(name) + u".pb"_s);
}

// Random byte flips and random tails must give either an object or an error, never a crash (run under ASan to
// also catch out-of-bounds reads).
void TestSimProtobuf::survivesCorruption()
{
    QFETCH(QByteArray, seedBody);
    QVERIFY(seedBody.startsWith(magic()));

    QRandomGenerator random(42);
    for (int round = 0; round < 3000; ++round) {
        QByteArray body = seedBody;
        if (body.size() == magic().size()) {
            body.resize(magic().size() + random.bounded(200));
            for (qsizetype i = magic().size(); i < body.size(); ++i)
                body[i] = static_cast<char>(random.bounded(256));
        } else {
            for (int flips = 1 + random.bounded(4); flips > 0; --flips)
                body[magic().size() + random.bounded(body.size() - magic().size())] =
                    static_cast<char>(random.bounded(256));
        }
        const auto result = decodeKubernetesProtobuf(body);
        QCOMPARE(result.ok(), result.error.isEmpty());
        if (result.ok())
            QVERIFY(result.object.contains("kind"_L1));
    }
}

QTEST_GUILESS_MAIN(TestSimProtobuf)
#include "tst_simprotobuf.moc"
