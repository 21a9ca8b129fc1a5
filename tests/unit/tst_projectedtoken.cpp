// The projected-token snippet: what it writes reads back (with yaml-cpp) as the pod template the kubelet's own
// kube-api-access volume would give, in place of the token Secret, for volume and environment uses alike.

#include "Manifests.h"

#include "resources/ProjectedToken.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sa;

class TestProjectedToken : public QObject
{
    Q_OBJECT

private:
    static QJsonObject readBack(const QByteArray &yaml)
    {
        QString error;
        const QJsonValue value = kubesim::yamlToJson(yaml, &error);
        if (!error.isEmpty())
            qWarning("yaml-cpp refused the YAML: %s\n%s", qPrintable(error), yaml.constData());
        return value.toObject();
    }

    static ProjectedTokenRequest volumeRequest()
    {
        ProjectedTokenRequest request;
        request.ns = u"data-platform"_s;
        request.serviceAccount = u"etl-runner"_s;
        request.secretName = u"etl-runner-token"_s;
        request.volumes = {{u"etl-token"_s, {{u"etl"_s, u"/var/run/secrets/etl"_s}, {u"sidecar"_s, u"/etc/token"_s}}}};
        return request;
    }

private Q_SLOTS:
    void volumeBecomesProjected()
    {
        ProjectedTokenRequest request = volumeRequest();
        request.audience = u"vault"_s;
        request.expirationSeconds = 7200;
        const QByteArray yaml = projectedTokenSnippet(request);
        QVERIFY(yaml.startsWith("# Replaces Secret data-platform/etl-runner-token"));
        const QJsonObject pod = readBack(yaml);
        QVERIFY2(!pod.isEmpty(), yaml.constData());
        QCOMPARE(pod, projectedTokenPodTemplate(request));
        QVERIFY(!pod.contains("metadata"_L1));
        const QJsonObject spec = pod.value("spec"_L1).toObject();
        QCOMPARE(spec.value("serviceAccountName"_L1).toString(), u"etl-runner"_s);

        const QJsonArray volumes = spec.value("volumes"_L1).toArray();
        QCOMPARE(volumes.size(), 1);
        QCOMPARE(volumes[0][u"name"].toString(), u"etl-token"_s);
        // Read back as null, which a strategic merge patch takes as "remove the secret source".
        QVERIFY(volumes[0].toObject().contains("secret"_L1));
        QVERIFY(volumes[0][u"secret"].isNull());
        const QJsonObject projected = volumes[0][u"projected"].toObject();
        QCOMPARE(projected.value("defaultMode"_L1).toInt(), 420);
        const QJsonArray sources = projected.value("sources"_L1).toArray();
        QCOMPARE(sources.size(), 3);
        const QJsonObject token = sources[0][u"serviceAccountToken"].toObject();
        QCOMPARE(token,
                 QJsonObject({{"path"_L1, "token"_L1}, {"audience"_L1, "vault"_L1}, {"expirationSeconds"_L1, 7200}}));
        QCOMPARE(sources[1][u"configMap"][u"name"].toString(), u"kube-root-ca.crt"_s);
        QCOMPARE(sources[1][u"configMap"][u"items"].toArray(),
                 QJsonArray({QJsonObject {{"key"_L1, "ca.crt"_L1}, {"path"_L1, "ca.crt"_L1}}}));
        const QJsonArray namespaceItems = sources[2][u"downwardAPI"][u"items"].toArray();
        QCOMPARE(namespaceItems.size(), 1);
        QCOMPARE(namespaceItems[0][u"path"].toString(), u"namespace"_s);
        QCOMPARE(namespaceItems[0][u"fieldRef"][u"fieldPath"].toString(), u"metadata.namespace"_s);

        const QJsonArray containers = spec.value("containers"_L1).toArray();
        QCOMPARE(containers.size(), 2);
        QCOMPARE(containers[0][u"name"].toString(), u"etl"_s);
        QCOMPARE(
            containers[0][u"volumeMounts"].toArray(),
            QJsonArray({QJsonObject {
                {"name"_L1, "etl-token"_L1}, {"mountPath"_L1, "/var/run/secrets/etl"_L1}, {"readOnly"_L1, true}}}));
        QCOMPARE(containers[1][u"name"].toString(), u"sidecar"_s);
        QCOMPARE(containers[1][u"volumeMounts"][0][u"mountPath"].toString(), u"/etc/token"_s);
    }

    void expirationDefaultsAndFloor_data()
    {
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<qint64>("written");
        QTest::newRow("default") << qint64(3600) << qint64(3600);
        QTest::newRow("below the minimum") << qint64(60) << qint64(600);
        QTest::newRow("minimum") << qint64(600) << qint64(600);
        QTest::newRow("a day") << qint64(86400) << qint64(86400);
    }

    void expirationDefaultsAndFloor()
    {
        QFETCH(qint64, requested);
        QFETCH(qint64, written);
        ProjectedTokenRequest request = volumeRequest();
        if (requested != 3600)
            request.expirationSeconds = requested;
        const QJsonObject pod = readBack(projectedTokenSnippet(request));
        const QJsonObject token =
            pod[u"spec"][u"volumes"][0][u"projected"][u"sources"][0][u"serviceAccountToken"].toObject();
        QCOMPARE(token.value("expirationSeconds"_L1).toInteger(), written);
        QVERIFY(!token.contains("audience"_L1));
    }

    void azureWorkloadIdentityLabel()
    {
        ProjectedTokenRequest request = volumeRequest();
        request.accountAnnotations = {
            {u"azure.workload.identity/client-id"_s, u"6f1c3a52-0b8e-4c1e-9d2a-4b1f3e5a7c90"_s}};
        const QJsonObject pod = readBack(projectedTokenSnippet(request));
        QCOMPARE(pod[u"metadata"][u"labels"].toObject(), QJsonObject({{"azure.workload.identity/use"_L1, "true"_L1}}));
        // Read back as the string "true", not a boolean: a label value must be a string.
        QVERIFY(pod[u"metadata"][u"labels"][u"azure.workload.identity/use"].isString());
        request.accountAnnotations = {{u"eks.amazonaws.com/role-arn"_s, u"arn:aws:iam::111122223333:role/etl"_s}};
        QVERIFY(!readBack(projectedTokenSnippet(request)).contains("metadata"_L1));
    }

    void environmentUseGetsAFileAndAComment()
    {
        ProjectedTokenRequest request = volumeRequest();
        request.env = {{u"etl"_s, u"API_TOKEN"_s, u"token"_s}, {u"reporter"_s, u"KUBE_TOKEN"_s, u"token"_s}};
        const QByteArray yaml = projectedTokenSnippet(request);
        // A container that mounts the volume reads it there; one that does not gets the default volume.
        QVERIFY2(yaml.contains("# Container etl: env API_TOKEN reads the token from the Secret"), yaml.constData());
        QVERIFY2(yaml.contains("have the app read the file /var/run/secrets/etl/token instead"), yaml.constData());
        QVERIFY2(yaml.contains("# Container reporter: env KUBE_TOKEN"), yaml.constData());
        QVERIFY2(yaml.contains("have the app read the file /var/run/secrets/tokens/token instead"), yaml.constData());
        const QJsonObject spec = readBack(yaml).value("spec"_L1).toObject();
        const QJsonArray volumes = spec.value("volumes"_L1).toArray();
        QCOMPARE(volumes.size(), 2);
        QCOMPARE(volumes[1][u"name"].toString(), u"projected-token"_s);
        QCOMPARE(volumes[1][u"projected"], volumes[0][u"projected"]);
        QVERIFY(!volumes[1].toObject().contains("secret"_L1)); // made for the environment use: nothing to remove
        const QJsonArray containers = spec.value("containers"_L1).toArray();
        QCOMPARE(containers.size(), 3);
        QCOMPARE(containers[2][u"name"].toString(), u"reporter"_s);
        QCOMPARE(containers[2][u"volumeMounts"][0][u"mountPath"].toString(), u"/var/run/secrets/tokens"_s);
        QCOMPARE(containers[0][u"volumeMounts"].toArray().size(), 1);
    }

    void environmentOnly()
    {
        ProjectedTokenRequest request;
        request.ns = u"ci"_s;
        request.serviceAccount = u"deployer"_s;
        request.secretName = u"deployer-token"_s;
        request.env = {{u"deploy"_s, u"TOKEN"_s, u"token"_s}};
        const QJsonObject spec = readBack(projectedTokenSnippet(request)).value("spec"_L1).toObject();
        QCOMPARE(spec.value("volumes"_L1).toArray().size(), 1);
        QCOMPARE(spec[u"containers"][0][u"volumeMounts"][0][u"name"].toString(), u"projected-token"_s);
    }
};

QTEST_GUILESS_MAIN(TestProjectedToken)
#include "tst_projectedtoken.moc"
