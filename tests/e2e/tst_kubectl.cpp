// The real kubectl against a real kube-sim process: the commands of the Kubernetes documentation for
// service accounts, unmodified, with assertions on what kubectl prints.

#include "KubeSimProcess.h"
#include "Kubectl.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestKubectl : public QObject
{
    Q_OBJECT

private:
    CommandResult kubectl(const QStringList &arguments, const QString &kubeconfig = {}) const
    {
        return m_kubectl->run(arguments, kubeconfig);
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        return m_kubectl->writeFile(name, content);
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<Kubectl> m_kubectl;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Kubectl::executable().isEmpty(),
                 "kubectl 1.32 must be on PATH for these tests (see packaging/install-deps.sh)");
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_kubectl = std::make_unique<Kubectl>(*m_sim);
        QFile kubeconfig(m_sim->kubeconfigPath());
        QCOMPARE(kubeconfig.permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }

    void cleanupTestCase()
    {
        // SIGTERM stops it cleanly.
        QCOMPARE(m_sim->stop(), 0);
    }

    void versionIsV132()
    {
        const CommandResult run = kubectl({u"version"_s, u"-o"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject server =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value("serverVersion"_L1).toObject();
        QCOMPARE(server.value("minor"_L1).toString(), u"32"_s);
        // The dispatcher picked the matching client.
        QVERIFY2(run.out.contains(u"\"gitVersion\": \"v1.32"_s), qPrintable(run.out));
    }

    void createServiceAccount()
    {
        const CommandResult run = kubectl({u"create"_s, u"serviceaccount"_s, u"data-sa"_s});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, u"serviceaccount/data-sa created\n"_s);
    }

    void getServiceAccountsPrintsServerSideTable()
    {
        const CommandResult run = kubectl({u"get"_s, u"serviceaccounts"_s});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).contains(QRegularExpression(u"^NAME\\s+SECRETS\\s+AGE$"_s)), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(u"\\ndata-sa\\s+0\\s+\\d+s\\n"_s)), qPrintable(run.out));
        // The namespace's default service account, made by the controller.
        QVERIFY2(run.out.contains(QRegularExpression(u"\\ndefault\\s+0\\s+"_s)), qPrintable(run.out));
    }

    void applyServiceAccountAndTokenSecret()
    {
        const QString account =
            writeFile(u"sa.yaml"_s, "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build-robot\n"_ba);
        CommandResult run = kubectl({u"apply"_s, u"-f"_s, account});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, u"serviceaccount/build-robot created\n"_s);
        run = kubectl({u"apply"_s, u"-f"_s, account});
        QCOMPARE(run.out, u"serviceaccount/build-robot unchanged\n"_s);

        const QString secret = writeFile(u"secret.yaml"_s,
                                         "apiVersion: v1\n"
                                         "kind: Secret\n"
                                         "metadata:\n"
                                         "  name: data-sa-secret\n"
                                         "  annotations:\n"
                                         "    kubernetes.io/service-account.name: data-sa\n"
                                         "type: kubernetes.io/service-account-token\n"_ba);
        run = kubectl({u"apply"_s, u"-f"_s, secret});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, u"secret/data-sa-secret created\n"_s);

        // The token controller fills the secret shortly after; then the documented pipeline prints a token.
        QByteArray token;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(token = QByteArray::fromBase64(
                  kubectl({u"get"_s, u"secret/data-sa-secret"_s, u"-o"_s, u"jsonpath={.data.token}"_s}).out.toLatin1()))
                 .isEmpty(),
            10000);
        const QList<QByteArray> parts = token.split('.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject claims =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(claims.value("sub"_L1).toString(), u"system:serviceaccount:default:data-sa"_s);
        QCOMPARE(claims.value("kubernetes.io/serviceaccount/secret.name"_L1).toString(), u"data-sa-secret"_s);

        run = kubectl({u"get"_s, u"secrets"_s});
        QVERIFY2(run.out.contains(QRegularExpression(u"^NAME\\s+TYPE\\s+DATA\\s+AGE\\n"_s)), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QRegularExpression(u"\\ndata-sa-secret\\s+kubernetes.io/service-account-token\\s+3\\s"_s)),
            qPrintable(run.out));
    }

    void dockerRegistrySecretAndPullSecretPatch()
    {
        CommandResult run = kubectl({u"create"_s, u"secret"_s, u"docker-registry"_s, u"my-registry"_s,
                                     u"--docker-server=registry.example.com"_s, u"--docker-username=robot"_s,
                                     u"--docker-password=hunter2"_s, u"--docker-email=robot@example.com"_s});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, u"secret/my-registry created\n"_s);

        run = kubectl({u"patch"_s, u"serviceaccount"_s, u"data-sa"_s, u"-p"_s,
                       u"{\"imagePullSecrets\": [{\"name\": \"my-registry\"}]}"_s});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, u"serviceaccount/data-sa patched\n"_s);
        run = kubectl({u"patch"_s, u"serviceaccount"_s, u"data-sa"_s, u"-p"_s,
                       u"{\"imagePullSecrets\": [{\"name\": \"my-registry\"}]}"_s});
        QCOMPARE(run.out, u"serviceaccount/data-sa patched (no change)\n"_s);

        // A strategic merge patch replaces a ServiceAccount's imagePullSecrets; a JSON patch appends.
        kubectl({u"patch"_s, u"serviceaccount"_s, u"data-sa"_s, u"-p"_s,
                 u"{\"imagePullSecrets\": [{\"name\": \"other\"}]}"_s});
        run = kubectl({u"get"_s, u"sa"_s, u"data-sa"_s, u"-o"_s, u"jsonpath={.imagePullSecrets[*].name}"_s});
        QCOMPARE(run.out, u"other"_s);
        run = kubectl({u"patch"_s, u"serviceaccount"_s, u"data-sa"_s, u"--type=json"_s, u"-p"_s,
                       u"[{\"op\":\"add\",\"path\":\"/imagePullSecrets/-\",\"value\":{\"name\":\"my-registry\"}}]"_s});
        QCOMPARE(run.exitCode, 0);
        run = kubectl({u"get"_s, u"sa"_s, u"data-sa"_s, u"-o"_s, u"jsonpath={.imagePullSecrets[*].name}"_s});
        QCOMPARE(run.out, u"other my-registry"_s);
    }

    void watchReceivesEvents()
    {
        QProcess watch;
        watch.setProcessEnvironment(m_kubectl->environment());
        watch.setStandardInputFile(QProcess::nullDevice());
        watch.start(Kubectl::executable(), {u"get"_s, u"serviceaccounts"_s, u"-w"_s});
        QVERIFY(watch.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).contains("build-robot"), 20000);
        QVERIFY2(seen.startsWith("NAME"), seen.constData());

        QCOMPARE(kubectl({u"create"_s, u"serviceaccount"_s, u"watched"_s}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).contains("\nwatched "), 20000);
        watch.terminate();
        watch.waitForFinished();
    }

    void deleteServiceAccountRemovesItsTokenSecret()
    {
        CommandResult run = kubectl({u"delete"_s, u"serviceaccount"_s, u"data-sa"_s});
        QCOMPARE(run.out, u"serviceaccount \"data-sa\" deleted\n"_s);
        run = kubectl({u"get"_s, u"serviceaccount"_s, u"data-sa"_s});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, u"Error from server (NotFound): serviceaccounts \"data-sa\" not found\n"_s);
        QTRY_COMPARE_WITH_TIMEOUT(kubectl({u"get"_s, u"secret"_s, u"data-sa-secret"_s}).exitCode, 1, 10000);
    }

    void duplicateNameFails()
    {
        const CommandResult run = kubectl({u"create"_s, u"serviceaccount"_s, u"build-robot"_s});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err,
                 u"error: failed to create serviceaccount: serviceaccounts \"build-robot\" already exists\n"_s);
    }

    void invalidNameFails()
    {
        const CommandResult run = kubectl({u"create"_s, u"serviceaccount"_s, u"Bad_Name"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(u"error: failed to create serviceaccount: ServiceAccount \"Bad_Name\" is invalid: "
                                    "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must "
                                    "consist of lower case alphanumeric characters"_s),
                 qPrintable(run.err));
    }

    void staleResourceVersionConflicts()
    {
        const CommandResult old = kubectl({u"get"_s, u"serviceaccount"_s, u"build-robot"_s, u"-o"_s, u"json"_s});
        QCOMPARE(old.exitCode, 0);
        const QString stale = writeFile(u"stale.json"_s, old.out.toUtf8());
        QCOMPARE(kubectl({u"label"_s, u"serviceaccount"_s, u"build-robot"_s, u"team=ci"_s}).exitCode, 0);
        const CommandResult run = kubectl({u"replace"_s, u"-f"_s, stale});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"Operation cannot be fulfilled on serviceaccounts \"build-robot\": the object has "
                                  "been modified; please apply your changes to the latest version and try again"_s),
                 qPrintable(run.err));
    }

    void rbacObjectsFromProtobufGenerators()
    {
        CommandResult run =
            kubectl({u"create"_s, u"role"_s, u"sa-reader"_s, u"--verb=get,list"_s, u"--resource=serviceaccounts"_s});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, u"role.rbac.authorization.k8s.io/sa-reader created\n"_s);
        run = kubectl({u"create"_s, u"rolebinding"_s, u"robot-reads"_s, u"--role=sa-reader"_s,
                       u"--serviceaccount=default:build-robot"_s});
        QCOMPARE(run.out, u"rolebinding.rbac.authorization.k8s.io/robot-reads created\n"_s);
        run = kubectl({u"get"_s, u"rolebinding"_s, u"robot-reads"_s, u"-o"_s, u"wide"_s});
        QVERIFY2(
            run.out.contains(QRegularExpression(u"robot-reads\\s+Role/sa-reader\\s+\\d+s\\s+default/build-robot"_s)),
            qPrintable(run.out));
    }

    void paginatedListAcrossNamespaces()
    {
        for (const QString &ns : {u"team-a"_s, u"team-b"_s})
            QCOMPARE(kubectl({u"create"_s, u"namespace"_s, ns}).out, u"namespace/"_s + ns + u" created\n"_s);
        // Chunks of two force several continue tokens; every account must still appear once.
        QTRY_VERIFY_WITH_TIMEOUT(kubectl({u"get"_s, u"sa"_s, u"-n"_s, u"team-b"_s}).out.contains(u"default"_s), 10000);
        const CommandResult run =
            kubectl({u"get"_s, u"serviceaccounts"_s, u"-A"_s, u"--chunk-size=2"_s, u"-o"_s, u"name"_s});
        QCOMPARE(run.exitCode, 0);
        const QStringList names = run.out.split(u'\n', Qt::SkipEmptyParts);
        // default in default, kube-system, kube-public, kube-node-lease, team-a, team-b, plus build-robot and watched.
        QCOMPARE(names.size(), 8);
        QCOMPARE(names.count(u"serviceaccount/default"_s), 6);
    }

    void deletingNamespaceRemovesItsObjects()
    {
        QCOMPARE(kubectl({u"create"_s, u"serviceaccount"_s, u"doomed"_s, u"-n"_s, u"team-a"_s}).exitCode, 0);
        const CommandResult run = kubectl({u"delete"_s, u"namespace"_s, u"team-a"_s});
        QCOMPARE(run.out, u"namespace \"team-a\" deleted\n"_s);
        QCOMPARE(kubectl({u"get"_s, u"namespace"_s, u"team-a"_s}).exitCode, 1);
        const CommandResult gone =
            kubectl({u"get"_s, u"serviceaccounts"_s, u"-A"_s, u"--field-selector"_s, u"metadata.namespace=team-a"_s});
        QCOMPARE(gone.out, QString());
        QCOMPARE(gone.err, u"No resources found\n"_s);
    }

    void deploymentRollsOutToRunningPods()
    {
        CommandResult run =
            kubectl({u"create"_s, u"deployment"_s, u"web"_s, u"--image=nginx:1.27"_s, u"--replicas=2"_s});
        QCOMPARE(run.out, u"deployment.apps/web created\n"_s);
        run = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=30s"_s});
        QCOMPARE(run.out, u"deployment \"web\" successfully rolled out\n"_s);
        run = kubectl({u"set"_s, u"serviceaccount"_s, u"deployment"_s, u"web"_s, u"build-robot"_s});
        QCOMPARE(run.out, u"deployment.apps/web serviceaccount updated\n"_s);
        run = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=30s"_s});
        QCOMPARE(run.exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(kubectl({u"get"_s, u"pods"_s, u"--field-selector"_s,
                                           u"spec.serviceAccountName=build-robot"_s, u"-o"_s, u"name"_s})
                                      .out.count(u'\n'),
                                  2, 10000);
    }

    void statefulSetAndDaemonSetRollOut()
    {
        QCOMPARE(kubectl({u"create"_s, u"namespace"_s, u"sets"_s}).exitCode, 0);
        QCOMPARE(kubectl({u"create"_s, u"serviceaccount"_s, u"runner"_s, u"-n"_s, u"sets"_s}).exitCode, 0);
        // cache names its strategy type without rollingUpdate: no partition, so kubectl reports the revision.
        const QByteArray podTemplate = "  template:\n"
                                       "    metadata:\n"
                                       "      labels: {app: NAME}\n"
                                       "    spec:\n"
                                       "      containers: [{name: NAME, image: IMAGE}]\n";
        const auto manifest = [&podTemplate](const char *kind, const char *name, const char *image,
                                             const QByteArray &extra) -> QByteArray {
            return "---\napiVersion: apps/v1\nkind: "_ba + kind + "\nmetadata:\n  name: "_ba + name
                + "\n  namespace: sets\nspec:\n  selector:\n    matchLabels: {app: "_ba + name + "}\n"_ba + extra
                + QByteArray(podTemplate).replace("NAME", name).replace("IMAGE", image);
        };
        const QString file =
            writeFile(u"sets.yaml"_s,
                      manifest("StatefulSet", "db", "postgres:16.4", "  serviceName: db\n")
                          + manifest("StatefulSet", "cache", "redis:7.4", "  updateStrategy: {type: RollingUpdate}\n")
                          + manifest("DaemonSet", "agent", "busybox:1.36", {}));
        CommandResult run = kubectl({u"apply"_s, u"-f"_s, file});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out,
                 u"statefulset.apps/db created\nstatefulset.apps/cache created\ndaemonset.apps/agent created\n"_s);

        const auto rolledOut = [this](const QString &workload) {
            return kubectl({u"rollout"_s, u"status"_s, workload, u"-n"_s, u"sets"_s, u"--timeout=30s"_s});
        };
        run = rolledOut(u"statefulset/db"_s);
        QVERIFY2(run.out.endsWith(u"partitioned roll out complete: 1 new pods have been updated...\n"_s),
                 qPrintable(run.out + run.err));
        run = rolledOut(u"statefulset/cache"_s);
        QVERIFY2(run.out.contains(QRegularExpression(
                     u"statefulset rolling update complete 1 pods at revision cache-[a-z0-9]+\\.\\.\\.\\n$"_s)),
                 qPrintable(run.out + run.err));
        run = rolledOut(u"daemonset/agent"_s);
        QVERIFY2(run.out.endsWith(u"daemon set \"agent\" successfully rolled out\n"_s), qPrintable(run.out + run.err));

        run = kubectl({u"get"_s, u"sts,ds"_s, u"-n"_s, u"sets"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QRegularExpression(u"^NAME\\s+READY\\s+AGE\\n"_s)), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(u"\\nstatefulset.apps/db\\s+1/1\\s+\\d+s\\n"_s)),
                 qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QRegularExpression(
                u"\\nNAME\\s+DESIRED\\s+CURRENT\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+NODE SELECTOR\\s+AGE\\n"_s)),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(
                     QRegularExpression(u"\\ndaemonset.apps/agent\\s+1\\s+1\\s+1\\s+1\\s+1\\s+<none>\\s+\\d+s\\n"_s)),
                 qPrintable(run.out));

        // A new service account rolls both out again; their pods then run as it.
        run = kubectl({u"set"_s, u"serviceaccount"_s, u"statefulset/db"_s, u"runner"_s, u"-n"_s, u"sets"_s});
        QCOMPARE(run.out, u"statefulset.apps/db serviceaccount updated\n"_s);
        run = kubectl({u"set"_s, u"serviceaccount"_s, u"daemonset/agent"_s, u"runner"_s, u"-n"_s, u"sets"_s});
        QCOMPARE(run.out, u"daemonset.apps/agent serviceaccount updated\n"_s);
        run = rolledOut(u"statefulset/db"_s);
        QVERIFY2(run.out.endsWith(u"partitioned roll out complete: 1 new pods have been updated...\n"_s),
                 qPrintable(run.out + run.err));
        run = rolledOut(u"daemonset/agent"_s);
        QVERIFY2(run.out.endsWith(u"daemon set \"agent\" successfully rolled out\n"_s), qPrintable(run.out + run.err));
        const auto accounts = [this](const QString &selector) {
            return kubectl({u"get"_s, u"pods"_s, u"-n"_s, u"sets"_s, u"-l"_s, selector, u"-o"_s,
                            u"jsonpath={.items[*].spec.serviceAccountName}"_s})
                .out;
        };
        QCOMPARE(accounts(u"app=db"_s), u"runner"_s);
        QCOMPARE(accounts(u"app=agent"_s), u"runner"_s);
        run = kubectl({u"get"_s, u"sts"_s, u"db"_s, u"-n"_s, u"sets"_s, u"-o"_s,
                       u"jsonpath={.status.currentRevision} {.status.updateRevision}"_s});
        const QStringList revisions = run.out.split(u' ');
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions[0], revisions[1]);

        // Their pods go with them.
        QCOMPARE(kubectl({u"delete"_s, u"sts"_s, u"db"_s, u"-n"_s, u"sets"_s}).exitCode, 0);
        QCOMPARE(kubectl({u"delete"_s, u"ds"_s, u"agent"_s, u"-n"_s, u"sets"_s}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(accounts(u"app in (db,agent)"_s), QString(), 10000);
    }

    void unknownCredentialsAreUnauthorized()
    {
        // The admin kubeconfig with a bearer token the server never issued instead of the client certificate.
        const CommandResult run =
            kubectl({u"get"_s, u"serviceaccounts"_s},
                    m_kubectl->tokenKubeconfig(u"stranger.kubeconfig"_s, "not-a-token-of-this-cluster"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"error: You must be logged in to the server ("_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"
