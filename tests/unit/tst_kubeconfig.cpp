#include "config/Kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sa::Kubeconfig;
using sa::KubeconfigLoader;
using sa::KubeconfigLoadResult;

namespace {

QString corpusDir()
{
    return QStringLiteral(SA_TEST_DATA_DIR) + u"/kubeconfig"_s;
}

QString corpusFile(const QString &relative)
{
    return corpusDir() + u'/' + relative;
}

// The corpus holds fake PEM blocks; this rebuilds what their base64 decodes to.
QString pem(const QString &type, const QString &label)
{
    return u"-----BEGIN %1-----\n%2\n-----END %1-----\n"_s.arg(type, label);
}

QString certificate(const QString &label)
{
    return pem(u"CERTIFICATE"_s, label);
}

QString flag(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

QMap<QString, QString> clusterFields(const sa::Cluster &cluster)
{
    return {
        {u"server"_s, cluster.server},
        {u"certificate-authority"_s, cluster.certificateAuthority},
        {u"certificate-authority-data"_s, QString::fromUtf8(cluster.certificateAuthorityData)},
        {u"insecure-skip-tls-verify"_s, flag(cluster.insecureSkipTlsVerify)},
        {u"tls-server-name"_s, cluster.tlsServerName},
        {u"proxy-url"_s, cluster.proxyUrl},
        {u"disable-compression"_s, flag(cluster.disableCompression)},
        {u"exec-extension"_s, QString::fromUtf8(QJsonDocument(cluster.execExtension).toJson(QJsonDocument::Compact))},
        {u"origin"_s, cluster.origin},
    };
}

QMap<QString, QString> userFields(const sa::AuthInfo &user)
{
    QStringList extra;
    for (auto it = user.impersonateUserExtra.cbegin(); it != user.impersonateUserExtra.cend(); ++it)
        extra.append(it.key() + u'=' + it.value().join(u','));
    QMap<QString, QString> fields {
        {u"client-certificate"_s, user.clientCertificate},
        {u"client-certificate-data"_s, QString::fromUtf8(user.clientCertificateData)},
        {u"client-key"_s, user.clientKey},
        {u"client-key-data"_s, QString::fromUtf8(user.clientKeyData)},
        {u"token"_s, user.token},
        {u"tokenFile"_s, user.tokenFile},
        {u"username"_s, user.username},
        {u"password"_s, user.password},
        {u"as"_s, user.impersonate},
        {u"as-uid"_s, user.impersonateUid},
        {u"as-groups"_s, user.impersonateGroups.join(u'|')},
        {u"as-user-extra"_s, extra.join(u'|')},
        {u"exec"_s, user.exec ? u"set"_s : u"none"_s},
        {u"auth-provider"_s, user.authProvider ? user.authProvider->name : u"none"_s},
        {u"origin"_s, user.origin},
    };
    if (user.exec) {
        QStringList env;
        for (const auto &variable : user.exec->env)
            env.append(variable.name + u'=' + variable.value);
        fields.insert(u"exec.apiVersion"_s, user.exec->apiVersion);
        fields.insert(u"exec.command"_s, user.exec->command);
        fields.insert(u"exec.args"_s, user.exec->args.join(u'|'));
        fields.insert(u"exec.env"_s, env.join(u'|'));
        fields.insert(u"exec.installHint"_s, user.exec->installHint);
        fields.insert(u"exec.provideClusterInfo"_s, flag(user.exec->provideClusterInfo));
        fields.insert(u"exec.interactiveMode"_s, user.exec->interactiveMode);
    }
    if (user.authProvider) {
        for (auto it = user.authProvider->config.cbegin(); it != user.authProvider->config.cend(); ++it)
            fields.insert(u"auth-provider.config."_s + it.key(), it.value());
    }
    return fields;
}

QMap<QString, QString> contextFields(const sa::Context &context)
{
    return {{u"cluster"_s, context.cluster},
            {u"user"_s, context.user},
            {u"namespace"_s, context.ns},
            {u"origin"_s, context.origin}};
}

QMap<QString, QString> entryFields(const Kubeconfig &config, const QString &section, const QString &name)
{
    if (section == "cluster"_L1 && config.clusters.contains(name))
        return clusterFields(config.clusters.value(name));
    if (section == "user"_L1 && config.users.contains(name))
        return userFields(config.users.value(name));
    if (section == "context"_L1 && config.contexts.contains(name))
        return contextFields(config.contexts.value(name));
    return {};
}

QProcessEnvironment environment(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &assignment : assignments) {
        const auto separator = assignment.indexOf(u'=');
        env.insert(assignment.left(separator), assignment.mid(separator + 1));
    }
    return env;
}

QStringList corpusFiles(const QStringList &relatives)
{
    QStringList files;
    for (const QString &relative : relatives)
        files.append(corpusFile(relative));
    return files;
}

Kubeconfig loadOne(const QString &relative)
{
    const KubeconfigLoadResult result = KubeconfigLoader::loadFiles({corpusFile(relative)}, true);
    if (!result.ok())
        qWarning("%s", qPrintable(result.error));
    return result.config.value_or(Kubeconfig {});
}

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void fields_data();
    void fields();
    void brokenFiles_data();
    void brokenFiles();
    void merge_data();
    void merge();
    void notText_data();
    void notText();
    void brokenFileInListIsAWarning();
    void directoryInListIsAWarning();
    void explicitPath_data();
    void explicitPath();
    void noFileAtAll();
    void candidateFiles_data();
    void candidateFiles();
    void resolveContext_data();
    void resolveContext();
    void execExtension_data();
    void execExtension();
    void base64_data();
    void base64();
    void parseWithoutOrigin();
    void errorsNeverQuoteValues_data();
    void errorsNeverQuoteValues();
};

void TestKubeconfig::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("clusters");
    QTest::addColumn<QStringList>("users");
    QTest::addColumn<QStringList>("contexts");
    QTest::addColumn<QString>("currentContext");

    const QString arn = u"arn:aws:eks:eu-west-1:123456789012:cluster/prod"_s;
    QTest::newRow("kind") << u"kind.yaml"_s << QStringList {u"kind-kind"_s} << QStringList {u"kind-kind"_s}
                          << QStringList {u"kind-kind"_s} << u"kind-kind"_s;
    QTest::newRow("minikube") << u"minikube.yaml"_s << QStringList {u"minikube"_s, u"minikube-copied"_s}
                              << QStringList {u"minikube"_s, u"minikube-copied"_s}
                              << QStringList {u"minikube"_s, u"minikube-copied"_s} << u"minikube"_s;
    QTest::newRow("k3s") << u"k3s.yaml"_s << QStringList {u"default"_s} << QStringList {u"default"_s}
                         << QStringList {u"default"_s} << u"default"_s;
    QTest::newRow("eks") << u"eks.yaml"_s << QStringList {arn} << QStringList {arn} << QStringList {arn} << arn;
    QTest::newRow("gke") << u"gke.yaml"_s << QStringList {u"gke_acme-prod_europe-west1_prod"_s}
                         << QStringList {u"gke_acme-prod_europe-west1_prod"_s}
                         << QStringList {u"gke_acme-prod_europe-west1_prod"_s} << u"gke_acme-prod_europe-west1_prod"_s;
    QTest::newRow("aks") << u"aks.yaml"_s << QStringList {u"aks-prod"_s}
                         << QStringList {u"clusterUser_rg-prod_aks-prod"_s} << QStringList {u"aks-prod"_s}
                         << u"aks-prod"_s;
    QTest::newRow("oidc") << u"oidc.yaml"_s << QStringList {u"corp"_s} << QStringList {u"jane@corp.example.com"_s}
                          << QStringList {u"corp-oidc"_s} << u"corp-oidc"_s;
    QTest::newRow("rancher") << u"rancher.yaml"_s << QStringList {u"prod"_s, u"prod-cp-1"_s} << QStringList {u"prod"_s}
                             << QStringList {u"prod"_s, u"prod-cp-1"_s} << u"prod"_s;
    QTest::newRow("proxy") << u"proxy.yaml"_s << QStringList {u"behind-bastion"_s} << QStringList {u"bastion-admin"_s}
                           << QStringList {u"behind-bastion"_s} << u"behind-bastion"_s;
    QTest::newRow("insecure") << u"insecure.yaml"_s << QStringList {u"lab"_s} << QStringList {u"lab-token"_s}
                              << QStringList {u"lab"_s} << u"lab"_s;
    QTest::newRow("users") << u"users.yaml"_s << QStringList {u"onprem"_s}
                           << QStringList {u"ci-bot"_s, u"deployer"_s, u"legacy-basic"_s, u"sre-impersonating"_s}
                           << QStringList {u"anonymous"_s, u"ci"_s, u"deployer"_s, u"legacy"_s, u"sre-as-auditor"_s}
                           << u"ci"_s;
    QTest::newRow("merged first") << u"merged/first.yaml"_s << QStringList {u"only-first"_s, u"shared"_s}
                                  << QStringList {u"shared-user"_s} << QStringList {u"shared"_s} << u"shared"_s;
    QTest::newRow("merged second") << u"merged/second.yaml"_s << QStringList {u"only-second"_s, u"shared"_s}
                                   << QStringList {u"second-user"_s, u"shared-user"_s}
                                   << QStringList {u"only-second"_s, u"shared"_s} << u"only-second"_s;
    QTest::newRow("nested relative paths")
        << u"nested/team/config"_s << QStringList {u"team"_s}
        << QStringList {u"team-absolute"_s,     u"team-cert"_s,        u"team-home"_s,
                        u"team-local-plugin"_s, u"team-path-plugin"_s, u"team-token-file"_s}
        << QStringList {u"team"_s} << u"team"_s;
    QTest::newRow("json") << u"config.json"_s << QStringList {u"json-cluster"_s} << QStringList {u"json-user"_s}
                          << QStringList {u"json"_s} << u"json"_s;
    QTest::newRow("exec extension and unknown fields")
        << u"exec-extension.yaml"_s << QStringList {u"with-exec-config"_s} << QStringList {u"exec-user"_s}
        << QStringList {u"with-exec-config"_s} << u"with-exec-config"_s;
    QTest::newRow("duplicate keys") << u"duplicate-keys.yaml"_s << QStringList {u"dup"_s} << QStringList {}
                                    << QStringList {} << QString();
    QTest::newRow("empty file") << u"empty.yaml"_s << QStringList {} << QStringList {} << QStringList {} << QString();
    QTest::newRow("only apiVersion") << u"only-apiversion.yaml"_s << QStringList {} << QStringList {} << QStringList {}
                                     << QString();
}

void TestKubeconfig::corpus()
{
    QFETCH(QString, file);
    QFETCH(QStringList, clusters);
    QFETCH(QStringList, users);
    QFETCH(QStringList, contexts);
    QFETCH(QString, currentContext);

    const KubeconfigLoadResult result = KubeconfigLoader::load(corpusFile(file), QProcessEnvironment());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.error, QString());
    QCOMPARE(result.warnings, QStringList());
    QCOMPARE(result.config->clusters.keys(), clusters);
    QCOMPARE(result.config->users.keys(), users);
    QCOMPARE(result.config->contexts.keys(), contexts);
    QCOMPARE(result.config->currentContext, currentContext);
    QCOMPARE(result.config->files, QStringList {corpusFile(file)});
}

void TestKubeconfig::fields_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("field");
    // "@DIR@" stands for the corpus directory.
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *tag, const QString &file, const QString &section, const QString &name,
                        const QString &field, const QString &expected) {
        QTest::newRow(tag) << file << section << name << field << expected;
    };
    const QString cluster = u"cluster"_s;
    const QString user = u"user"_s;
    const QString context = u"context"_s;

    const QString kind = u"kind.yaml"_s;
    row("kind server", kind, cluster, u"kind-kind"_s, u"server"_s, u"https://127.0.0.1:40123"_s);
    row("kind ca data", kind, cluster, u"kind-kind"_s, u"certificate-authority-data"_s, certificate(u"FAKE KIND CA"_s));
    row("kind ca path", kind, cluster, u"kind-kind"_s, u"certificate-authority"_s, QString());
    row("kind cluster origin", kind, cluster, u"kind-kind"_s, u"origin"_s, u"@DIR@/kind.yaml"_s);
    row("kind cert data", kind, user, u"kind-kind"_s, u"client-certificate-data"_s,
        certificate(u"FAKE KIND ADMIN CERT"_s));
    row("kind key data", kind, user, u"kind-kind"_s, u"client-key-data"_s,
        pem(u"RSA PRIVATE KEY"_s, u"FAKE KIND ADMIN KEY"_s));
    row("kind no exec", kind, user, u"kind-kind"_s, u"exec"_s, u"none"_s);
    row("kind context cluster", kind, context, u"kind-kind"_s, u"cluster"_s, u"kind-kind"_s);
    row("kind context user", kind, context, u"kind-kind"_s, u"user"_s, u"kind-kind"_s);
    row("kind context namespace", kind, context, u"kind-kind"_s, u"namespace"_s, QString());
    row("kind context origin", kind, context, u"kind-kind"_s, u"origin"_s, u"@DIR@/kind.yaml"_s);

    const QString minikube = u"minikube.yaml"_s;
    row("minikube absolute ca", minikube, cluster, u"minikube"_s, u"certificate-authority"_s,
        u"/home/dev/.minikube/ca.crt"_s);
    row("minikube other extension ignored", minikube, cluster, u"minikube"_s, u"exec-extension"_s, u"{}"_s);
    row("minikube relative ca", minikube, cluster, u"minikube-copied"_s, u"certificate-authority"_s,
        u"@DIR@/.minikube/ca.crt"_s);
    row("minikube absolute cert", minikube, user, u"minikube"_s, u"client-certificate"_s,
        u"/home/dev/.minikube/profiles/minikube/client.crt"_s);
    row("minikube absolute key", minikube, user, u"minikube"_s, u"client-key"_s,
        u"/home/dev/.minikube/profiles/minikube/client.key"_s);
    row("minikube relative cert", minikube, user, u"minikube-copied"_s, u"client-certificate"_s,
        u"@DIR@/.minikube/profiles/minikube/client.crt"_s);
    row("minikube dot-relative key", minikube, user, u"minikube-copied"_s, u"client-key"_s,
        u"@DIR@/.minikube/profiles/minikube/client.key"_s);
    row("minikube namespace", minikube, context, u"minikube"_s, u"namespace"_s, u"default"_s);

    const QString k3s = u"k3s.yaml"_s;
    row("k3s server", k3s, cluster, u"default"_s, u"server"_s, u"https://127.0.0.1:6443"_s);
    row("k3s ca data", k3s, cluster, u"default"_s, u"certificate-authority-data"_s,
        certificate(u"FAKE K3S SERVER CA"_s));
    row("k3s key data", k3s, user, u"default"_s, u"client-key-data"_s,
        pem(u"EC PRIVATE KEY"_s, u"FAKE K3S CLIENT KEY"_s));

    const QString eks = u"eks.yaml"_s;
    const QString arn = u"arn:aws:eks:eu-west-1:123456789012:cluster/prod"_s;
    row("eks server", eks, cluster, arn, u"server"_s,
        u"https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com"_s);
    row("eks ca data", eks, cluster, arn, u"certificate-authority-data"_s, certificate(u"FAKE EKS CA"_s));
    row("eks exec api", eks, user, arn, u"exec.apiVersion"_s, u"client.authentication.k8s.io/v1beta1"_s);
    row("eks exec command on PATH", eks, user, arn, u"exec.command"_s, u"aws"_s);
    row("eks exec args", eks, user, arn, u"exec.args"_s,
        u"--region|eu-west-1|eks|get-token|--cluster-name|prod|--output|json"_s);
    row("eks exec env", eks, user, arn, u"exec.env"_s, u"AWS_PROFILE=prod-admin"_s);
    row("eks exec interactive unset", eks, user, arn, u"exec.interactiveMode"_s, QString());
    row("eks exec cluster info", eks, user, arn, u"exec.provideClusterInfo"_s, u"false"_s);
    row("eks context cluster", eks, context, arn, u"cluster"_s, arn);

    const QString gke = u"gke.yaml"_s;
    const QString gkeName = u"gke_acme-prod_europe-west1_prod"_s;
    row("gke server", gke, cluster, gkeName, u"server"_s, u"https://34.76.123.45"_s);
    row("gke exec command", gke, user, gkeName, u"exec.command"_s, u"gke-gcloud-auth-plugin"_s);
    row("gke exec api", gke, user, gkeName, u"exec.apiVersion"_s, u"client.authentication.k8s.io/v1beta1"_s);
    row("gke exec folded install hint", gke, user, gkeName, u"exec.installHint"_s,
        u"Install gke-gcloud-auth-plugin for use with kubectl by following "
        "https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin"_s);
    row("gke exec cluster info", gke, user, gkeName, u"exec.provideClusterInfo"_s, u"true"_s);
    row("gke exec no args", gke, user, gkeName, u"exec.args"_s, QString());

    const QString aks = u"aks.yaml"_s;
    const QString aksUser = u"clusterUser_rg-prod_aks-prod"_s;
    row("aks server", aks, cluster, u"aks-prod"_s, u"server"_s,
        u"https://aks-prod-dns-4f2a9c1e.hcp.westeurope.azmk8s.io:443"_s);
    row("aks exec api", aks, user, aksUser, u"exec.apiVersion"_s, u"client.authentication.k8s.io/v1"_s);
    row("aks exec command", aks, user, aksUser, u"exec.command"_s, u"kubelogin"_s);
    row("aks exec args", aks, user, aksUser, u"exec.args"_s,
        u"get-token|--login|azurecli|--server-id|6dae42f8-4368-4678-94ff-3960e28e3630"_s);
    row("aks exec null env", aks, user, aksUser, u"exec.env"_s, QString());
    row("aks exec interactive", aks, user, aksUser, u"exec.interactiveMode"_s, u"IfAvailable"_s);
    row("aks exec literal install hint", aks, user, aksUser, u"exec.installHint"_s,
        u"\nkubelogin is not installed which is required to connect to AAD enabled cluster.\n\n"
        "To learn more, please go to https://aka.ms/aks/kubelogin\n"_s);
    row("aks namespace", aks, context, u"aks-prod"_s, u"namespace"_s, u"payments"_s);

    const QString oidc = u"oidc.yaml"_s;
    const QString jane = u"jane@corp.example.com"_s;
    row("oidc provider", oidc, user, jane, u"auth-provider"_s, u"oidc"_s);
    row("oidc client id", oidc, user, jane, u"auth-provider.config.client-id"_s, u"kubernetes"_s);
    row("oidc issuer", oidc, user, jane, u"auth-provider.config.idp-issuer-url"_s, u"https://dex.corp.example.com"_s);
    row("oidc no exec", oidc, user, jane, u"exec"_s, u"none"_s);
    row("oidc namespace", oidc, context, u"corp-oidc"_s, u"namespace"_s, u"team-a"_s);

    const QString rancher = u"rancher.yaml"_s;
    row("rancher path prefix", rancher, cluster, u"prod"_s, u"server"_s,
        u"https://rancher.example.com/k8s/clusters/c-m-xyz12ab"_s);
    row("rancher no ca", rancher, cluster, u"prod"_s, u"certificate-authority-data"_s, QString());
    row("rancher direct ca", rancher, cluster, u"prod-cp-1"_s, u"certificate-authority-data"_s,
        certificate(u"FAKE RKE2 CA"_s));
    row("rancher token", rancher, user, u"prod"_s, u"token"_s,
        u"kubeconfig-user-7xk9q:t9vnsl8w2fqxm4kbwd6fzj7kq5ggvhxkpw2lnrd8cmtt6qzw4vk5hq"_s);

    const QString proxy = u"proxy.yaml"_s;
    row("proxy url", proxy, cluster, u"behind-bastion"_s, u"proxy-url"_s, u"socks5://localhost:1080"_s);
    row("proxy disable compression", proxy, cluster, u"behind-bastion"_s, u"disable-compression"_s, u"true"_s);
    row("proxy verify on", proxy, cluster, u"behind-bastion"_s, u"insecure-skip-tls-verify"_s, u"false"_s);

    const QString insecure = u"insecure.yaml"_s;
    row("insecure skip verify", insecure, cluster, u"lab"_s, u"insecure-skip-tls-verify"_s, u"true"_s);
    row("insecure tls server name", insecure, cluster, u"lab"_s, u"tls-server-name"_s, u"kubernetes.default.svc"_s);
    row("insecure compression on", insecure, cluster, u"lab"_s, u"disable-compression"_s, u"false"_s);
    row("insecure token", insecure, user, u"lab-token"_s, u"token"_s, u"lab-static-token-0123456789"_s);

    const QString users = u"users.yaml"_s;
    row("users ca path", users, cluster, u"onprem"_s, u"certificate-authority"_s, u"/etc/kubernetes/pki/ca.crt"_s);
    row("users token", users, user, u"ci-bot"_s, u"token"_s,
        u"eyJhbGciOiJSUzI1NiIsImtpZCI6ImZha2UifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y2k6Y2ktYm90In0.ZmFrZQ"_s);
    row("users tokenFile", users, user, u"deployer"_s, u"tokenFile"_s, u"/var/run/secrets/deployer/token"_s);
    row("users tokenFile only", users, user, u"deployer"_s, u"token"_s, QString());
    row("users basic username", users, user, u"legacy-basic"_s, u"username"_s, u"admin"_s);
    row("users basic password", users, user, u"legacy-basic"_s, u"password"_s, u"s3cr3t: with colon"_s);
    row("users impersonate", users, user, u"sre-impersonating"_s, u"as"_s, u"auditor@example.com"_s);
    row("users impersonate uid", users, user, u"sre-impersonating"_s, u"as-uid"_s,
        u"6a1f7d0e-0000-4000-8000-000000000001"_s);
    row("users impersonate groups", users, user, u"sre-impersonating"_s, u"as-groups"_s,
        u"auditors|system:authenticated"_s);
    row("users impersonate extra", users, user, u"sre-impersonating"_s, u"as-user-extra"_s,
        u"reason=quarterly review|scopes=view,openid"_s);
    row("users flow context", users, context, u"ci"_s, u"namespace"_s, u"ci"_s);
    row("users anonymous context", users, context, u"anonymous"_s, u"user"_s, QString());

    const QString nested = u"nested/team/config"_s;
    row("relative ca with ..", nested, cluster, u"team"_s, u"certificate-authority"_s, u"@DIR@/nested/pki/ca.crt"_s);
    row("relative cert", nested, user, u"team-cert"_s, u"client-certificate"_s,
        u"@DIR@/nested/team/certs/client.crt"_s);
    row("relative key cleaned", nested, user, u"team-cert"_s, u"client-key"_s, u"@DIR@/nested/team/certs/client.key"_s);
    row("relative tokenFile", nested, user, u"team-token-file"_s, u"tokenFile"_s, u"@DIR@/nested/team/token"_s);
    row("absolute cert kept", nested, user, u"team-absolute"_s, u"client-certificate"_s, u"/etc/team/client.crt"_s);
    row("absolute key kept", nested, user, u"team-absolute"_s, u"client-key"_s, u"/etc/team/client.key"_s);
    row("absolute tokenFile kept", nested, user, u"team-absolute"_s, u"tokenFile"_s, u"/etc/team/token"_s);
    row("tilde not expanded", nested, user, u"team-home"_s, u"tokenFile"_s, u"@DIR@/nested/team/~/team-token"_s);
    row("exec command with separator", nested, user, u"team-local-plugin"_s, u"exec.command"_s,
        u"@DIR@/nested/team/bin/get-token"_s);
    row("exec command on PATH", nested, user, u"team-path-plugin"_s, u"exec.command"_s, u"kubectl-oidc_login"_s);
    row("exec flow args", nested, user, u"team-path-plugin"_s, u"exec.args"_s,
        u"get-token|--oidc-issuer-url=https://dex.example.com"_s);

    const QString json = u"config.json"_s;
    row("json server", json, cluster, u"json-cluster"_s, u"server"_s, u"https://json.example.com:6443"_s);
    row("json exec extension", json, cluster, u"json-cluster"_s, u"exec-extension"_s,
        u"{\"audience\":\"json-aud\",\"retries\":3,\"scopes\":[\"a\",\"b\"],\"verbose\":true}"_s);
    row("json exec absolute command", json, user, u"json-user"_s, u"exec.command"_s, u"/usr/local/bin/json-plugin"_s);
    row("json exec env", json, user, u"json-user"_s, u"exec.env"_s, u"PLUGIN_MODE=json|EMPTY="_s);
    row("json exec interactive", json, user, u"json-user"_s, u"exec.interactiveMode"_s, u"Always"_s);
    row("json exec cluster info", json, user, u"json-user"_s, u"exec.provideClusterInfo"_s, u"true"_s);
    row("json namespace", json, context, u"json"_s, u"namespace"_s, u"json-ns"_s);

    row("duplicate key: last wins", u"duplicate-keys.yaml"_s, cluster, u"dup"_s, u"server"_s,
        u"https://last-value.example.com"_s);
}

void TestKubeconfig::fields()
{
    QFETCH(QString, file);
    QFETCH(QString, section);
    QFETCH(QString, name);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const QMap<QString, QString> entry = entryFields(loadOne(file), section, name);
    QVERIFY2(!entry.isEmpty(), qPrintable(u"no %1 named %2"_s.arg(section, name)));
    QVERIFY2(entry.contains(field), qPrintable(u"no field %1"_s.arg(field)));
    QCOMPARE(entry.value(field), QString(expected).replace(u"@DIR@"_s, corpusDir()));
}

void TestKubeconfig::brokenFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("detail");

    QTest::newRow("bad yaml") << u"broken/bad-yaml.yaml"_s << u"line 7, column 4: end of map not found"_s;
    QTest::newRow("bad base64") << u"broken/bad-base64.yaml"_s
                                << u"line 7, column 33: clusters[0].cluster.certificate-authority-data: "
                                   "illegal base64 data"_s;
    QTest::newRow("clusters as a map") << u"broken/clusters-map.yaml"_s
                                       << u"line 4, column 3: clusters: expected a list, got a map"_s;
    QTest::newRow("quoted boolean") << u"broken/wrong-bool.yaml"_s
                                    << u"line 7, column 31: clusters[0].cluster.insecure-skip-tls-verify: "
                                       "expected a boolean, got a quoted string"_s;
    QTest::newRow("duplicate name") << u"broken/duplicate-name.yaml"_s
                                    << u"line 7, column 3: users: duplicate name \"twice\""_s;
    QTest::newRow("not a Config") << u"broken/wrong-kind.yaml"_s
                                  << u"line 1, column 1: no kind \"Pod\" is registered for version \"v1\""_s;
}

void TestKubeconfig::brokenFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, detail);

    const QString path = corpusFile(file);
    const KubeconfigLoadResult result = KubeconfigLoader::load(path, QProcessEnvironment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error, u"error loading config file \"%1\": %2"_s.arg(path, detail));
    QCOMPARE(result.warnings, QStringList());
}

void TestKubeconfig::merge_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("currentContext");
    QTest::addColumn<QString>("sharedServer");
    QTest::addColumn<bool>("sharedInsecure");
    QTest::addColumn<QString>("sharedToken");
    QTest::addColumn<QString>("sharedUsername");
    QTest::addColumn<QString>("sharedContextCluster");
    QTest::addColumn<QString>("sharedOrigin");
    QTest::addColumn<QStringList>("clusters");

    const QStringList all {u"only-first"_s, u"only-second"_s, u"shared"_s};
    // Same names in both files: the first file's entries win whole, the second's extra fields are dropped.
    QTest::newRow("first then second") << QStringList {u"merged/first.yaml"_s, u"merged/second.yaml"_s} << u"shared"_s
                                       << u"https://first.example.com"_s << false << u"first-token"_s << QString()
                                       << u"shared"_s << u"merged/first.yaml"_s << all;
    QTest::newRow("second then first") << QStringList {u"merged/second.yaml"_s, u"merged/first.yaml"_s}
                                       << u"only-second"_s << u"https://second.example.com"_s << true
                                       << u"second-token"_s << u"second-basic"_s << u"only-second"_s
                                       << u"merged/second.yaml"_s << all;
    QTest::newRow("empty current-context skipped")
        << QStringList {u"merged/no-current.yaml"_s, u"merged/second.yaml"_s, u"merged/first.yaml"_s}
        << u"only-second"_s << u"https://second.example.com"_s << true << u"second-token"_s << u"second-basic"_s
        << u"only-second"_s << u"merged/second.yaml"_s << QStringList {all + QStringList {u"third"_s}};
}

void TestKubeconfig::merge()
{
    QFETCH(QStringList, files);
    QFETCH(QString, currentContext);
    QFETCH(QString, sharedServer);
    QFETCH(bool, sharedInsecure);
    QFETCH(QString, sharedToken);
    QFETCH(QString, sharedUsername);
    QFETCH(QString, sharedContextCluster);
    QFETCH(QString, sharedOrigin);
    QFETCH(QStringList, clusters);

    const QProcessEnvironment env =
        environment({u"KUBECONFIG="_s + corpusFiles(files).join(QDir::listSeparator()), u"HOME=/nonexistent"_s});
    const KubeconfigLoadResult result = KubeconfigLoader::load({}, env);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.warnings, QStringList());
    const Kubeconfig &config = *result.config;
    QCOMPARE(config.files, corpusFiles(files));
    QCOMPARE(config.currentContext, currentContext);
    QCOMPARE(config.clusters.keys(), clusters);
    QCOMPARE(config.clusters.value(u"shared"_s).server, sharedServer);
    QCOMPARE(config.clusters.value(u"shared"_s).insecureSkipTlsVerify, sharedInsecure);
    QCOMPARE(config.clusters.value(u"shared"_s).origin, corpusFile(sharedOrigin));
    QCOMPARE(config.users.value(u"shared-user"_s).token, sharedToken);
    QCOMPARE(config.users.value(u"shared-user"_s).username, sharedUsername);
    QCOMPARE(config.contexts.value(u"shared"_s).cluster, sharedContextCluster);
    QCOMPARE(config.clusters.value(u"only-first"_s).server, u"https://only-first.example.com"_s);
    QCOMPARE(config.clusters.value(u"only-second"_s).server, u"https://only-second.example.com"_s);
}

void TestKubeconfig::notText_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("detail"); // empty: parses

    const QString notAKubeconfig = u"the file is not a kubeconfig: it is binary or not UTF-8 text (yaml: "_s;
    // A gzip header, as a compressed kubeconfig or any binary file starts.
    QTest::newRow("binary") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10)
                            << u"line 1: "_s + notAKubeconfig + u"control characters are not allowed)"_s;
    QTest::newRow("Latin-1") << QByteArray("apiVersion: v1\nkind: Config\n# caf\xe9\n")
                             << u"line 3: "_s + notAKubeconfig + u"invalid trailing UTF-8 octet)"_s;
    QTest::newRow("lone continuation byte")
        << QByteArray("apiVersion: v1\n\x80\n") << u"line 2: "_s + notAKubeconfig + u"invalid leading UTF-8 octet)"_s;
    QTest::newRow("cut sequence") << QByteArray("kind: Config # \xe2\x82")
                                  << u"line 1: "_s + notAKubeconfig + u"incomplete UTF-8 octet sequence)"_s;
    QTest::newRow("UTF-8 comment") << QByteArray("apiVersion: v1\nkind: Config\n# caf\xc3\xa9 \xe2\x82\xac\r\n")
                                   << QString();
}

void TestKubeconfig::notText()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, detail);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"config"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const KubeconfigLoadResult result = KubeconfigLoader::load(path, QProcessEnvironment());
    if (detail.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error, u"error loading config file \"%1\": %2"_s.arg(path, detail));
}

void TestKubeconfig::brokenFileInListIsAWarning()
{
    const QStringList files = corpusFiles(
        {u"merged/first.yaml"_s, u"broken/bad-base64.yaml"_s, u"does-not-exist.yaml"_s, u"merged/second.yaml"_s});
    const KubeconfigLoadResult result =
        KubeconfigLoader::load({}, environment({u"KUBECONFIG="_s + files.join(QDir::listSeparator())}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.error, QString());
    QCOMPARE(result.warnings,
             QStringList {u"error loading config file \"%1\": line 7, column 33: "
                          "clusters[0].cluster.certificate-authority-data: illegal base64 data"_s.arg(files.at(1))});
    QCOMPARE(result.config->files, (QStringList {files.at(0), files.at(3)}));
    QCOMPARE(result.config->clusters.keys(), (QStringList {u"only-first"_s, u"only-second"_s, u"shared"_s}));
    QCOMPARE(result.config->currentContext, u"shared"_s);
}

void TestKubeconfig::directoryInListIsAWarning()
{
    const QString directory = corpusFile(u"merged"_s);
    const KubeconfigLoadResult result = KubeconfigLoader::loadFiles({directory, corpusFile(u"kind.yaml"_s)}, false);
    QVERIFY(result.ok());
    QCOMPARE(result.warnings,
             QStringList {u"error loading config file \"%1\": read %1: is a directory"_s.arg(directory)});
    QCOMPARE(result.config->contexts.keys(), QStringList {u"kind-kind"_s});
}

void TestKubeconfig::explicitPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");

    const QString missing = corpusFile(u"does-not-exist.yaml"_s);
    QTest::newRow("missing") << missing << u"stat %1: no such file or directory"_s.arg(missing);
    const QString directory = corpusFile(u"merged"_s);
    QTest::newRow("directory") << directory
                               << u"error loading config file \"%1\": read %1: is a directory"_s.arg(directory);
    QTest::newRow("ok, KUBECONFIG ignored") << corpusFile(u"kind.yaml"_s) << QString();
}

void TestKubeconfig::explicitPath()
{
    QFETCH(QString, path);
    QFETCH(QString, error);

    const QProcessEnvironment env = environment({u"KUBECONFIG="_s + corpusFile(u"k3s.yaml"_s)});
    const KubeconfigLoadResult result = KubeconfigLoader::load(path, env);
    QCOMPARE(result.ok(), error.isEmpty());
    QCOMPARE(result.error, error);
    if (result.ok())
        QCOMPARE(result.config->files, QStringList {path});
}

void TestKubeconfig::noFileAtAll()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    for (const QProcessEnvironment &env :
         {environment({u"HOME="_s + home.path()}),
          environment({u"KUBECONFIG=/nonexistent/a:/nonexistent/b"_s, u"HOME="_s + corpusDir()})}) {
        const KubeconfigLoadResult result = KubeconfigLoader::load({}, env);
        QVERIFY(result.ok());
        QCOMPARE(result.warnings, QStringList());
        QVERIFY(result.config->clusters.isEmpty());
        QVERIFY(result.config->contexts.isEmpty());
        QCOMPARE(result.config->currentContext, QString());
        QCOMPARE(result.config->files, QStringList());
    }
}

void TestKubeconfig::candidateFiles_data()
{
    QTest::addColumn<QString>("explicitPath");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("expected");

    const QString home = u"HOME=/home/dev"_s;
    QTest::newRow("home default") << QString() << QStringList {home} << QStringList {u"/home/dev/.kube/config"_s};
    QTest::newRow("empty KUBECONFIG is unset")
        << QString() << QStringList {home, u"KUBECONFIG="_s} << QStringList {u"/home/dev/.kube/config"_s};
    QTest::newRow("single") << QString() << QStringList {home, u"KUBECONFIG=/a/config"_s}
                            << QStringList {u"/a/config"_s};
    QTest::newRow("list order kept") << QString() << QStringList {home, u"KUBECONFIG=/b:/a:/c"_s}
                                     << QStringList {u"/b"_s, u"/a"_s, u"/c"_s};
    QTest::newRow("empty entries and duplicates dropped")
        << QString() << QStringList {home, u"KUBECONFIG=:/a::/b:/a:/b:"_s} << QStringList {u"/a"_s, u"/b"_s};
    QTest::newRow("only separators: no file, no home")
        << QString() << QStringList {home, u"KUBECONFIG=::"_s} << QStringList {};
    QTest::newRow("relative entries kept")
        << QString() << QStringList {home, u"KUBECONFIG=config:./config"_s} << QStringList {u"config"_s, u"./config"_s};
    QTest::newRow("explicit wins") << u"/explicit/config"_s << QStringList {home, u"KUBECONFIG=/a:/b"_s}
                                   << QStringList {u"/explicit/config"_s};
    QTest::newRow("no HOME") << QString() << QStringList {} << QStringList {u".kube/config"_s};
}

void TestKubeconfig::candidateFiles()
{
    QFETCH(QString, explicitPath);
    QFETCH(QStringList, environment);
    QFETCH(QStringList, expected);

    QCOMPARE(KubeconfigLoader::candidateFiles(explicitPath, ::environment(environment)), expected);
}

void TestKubeconfig::resolveContext_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("namespaceOverride");
    QTest::addColumn<QString>("cluster");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("error");
    // Entries removed after loading, to leave a context dangling.
    QTest::addColumn<QString>("dropCluster");
    QTest::addColumn<QString>("dropUser");

    const QString users = u"users.yaml"_s;
    QTest::newRow("current, context namespace") << users << QString() << QString() << u"onprem"_s << u"ci-bot"_s
                                                << u"ci"_s << QString() << QString() << QString();
    QTest::newRow("override wins") << users << QString() << u"kube-system"_s << u"onprem"_s << u"ci-bot"_s
                                   << u"kube-system"_s << QString() << QString() << QString();
    QTest::newRow("named, no namespace: default") << users << u"deployer"_s << QString() << u"onprem"_s << u"deployer"_s
                                                  << u"default"_s << QString() << QString() << QString();
    QTest::newRow("named with namespace")
        << users << u"sre-as-auditor"_s << QString() << u"onprem"_s << u"sre-impersonating"_s << u"audit"_s << QString()
        << QString() << QString();
    QTest::newRow("no user: anonymous") << users << u"anonymous"_s << QString() << u"onprem"_s << QString()
                                        << u"default"_s << QString() << QString() << QString();
    QTest::newRow("arn names") << u"eks.yaml"_s << QString() << QString()
                               << u"arn:aws:eks:eu-west-1:123456789012:cluster/prod"_s
                               << u"arn:aws:eks:eu-west-1:123456789012:cluster/prod"_s << u"default"_s << QString()
                               << QString() << QString();
    QTest::newRow("missing named context") << users << u"nope"_s << QString() << QString() << QString() << QString()
                                           << u"context \"nope\" does not exist"_s << QString() << QString();
    QTest::newRow("no current context") << u"empty.yaml"_s << QString() << QString() << QString() << QString()
                                        << QString() << u"current-context is not set"_s << QString() << QString();
    QTest::newRow("missing cluster") << u"merged/second.yaml"_s << u"shared"_s << QString() << QString() << QString()
                                     << QString() << u"cluster \"only-second\" was not found for context \"shared\""_s
                                     << u"only-second"_s << QString();
    QTest::newRow("missing user") << u"merged/second.yaml"_s << QString() << QString() << QString() << QString()
                                  << QString() << u"user \"second-user\" was not found for context \"only-second\""_s
                                  << QString() << u"second-user"_s;
}

void TestKubeconfig::resolveContext()
{
    QFETCH(QString, file);
    QFETCH(QString, context);
    QFETCH(QString, namespaceOverride);
    QFETCH(QString, cluster);
    QFETCH(QString, user);
    QFETCH(QString, ns);
    QFETCH(QString, error);
    QFETCH(QString, dropCluster);
    QFETCH(QString, dropUser);

    Kubeconfig config = loadOne(file);
    config.clusters.remove(dropCluster);
    config.users.remove(dropUser);
    QString actualError;
    const auto resolved = sa::resolveContext(config, context, namespaceOverride, &actualError);
    QCOMPARE(actualError, error);
    QCOMPARE(resolved.has_value(), error.isEmpty());
    if (!resolved)
        return;
    QCOMPARE(resolved->cluster.name, cluster);
    QCOMPARE(resolved->context.cluster, cluster);
    QCOMPARE(resolved->user.name, user);
    QCOMPARE(resolved->ns, ns);
}

void TestKubeconfig::execExtension_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("cluster");
    QTest::addColumn<QJsonObject>("expected");

    // Plain scalars resolve to JSON types as sigs.k8s.io/yaml resolves them; quoted ones stay strings.
    QTest::newRow("yaml") << u"exec-extension.yaml"_s << u"with-exec-config"_s
                          << QJsonObject {{u"audience"_s, u"sa-admin"_s},
                                          {u"tenant"_s, u"0042"_s},
                                          {u"port"_s, 8443},
                                          {u"ratio"_s, 0.5},
                                          {u"enabled"_s, true},
                                          {u"missing"_s, QJsonValue::Null}};
    QTest::newRow("json") << u"config.json"_s << u"json-cluster"_s
                          << QJsonObject {{u"audience"_s, u"json-aud"_s},
                                          {u"retries"_s, 3},
                                          {u"verbose"_s, true},
                                          {u"scopes"_s, QJsonArray {u"a"_s, u"b"_s}}};
    QTest::newRow("no exec extension") << u"minikube.yaml"_s << u"minikube"_s << QJsonObject {};
}

void TestKubeconfig::execExtension()
{
    QFETCH(QString, file);
    QFETCH(QString, cluster);
    QFETCH(QJsonObject, expected);

    QCOMPARE(loadOne(file).clusters.value(cluster).execExtension, expected);
}

void TestKubeconfig::base64_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("decoded");

    QTest::newRow("padded") << QByteArray("QUJD") << true << QByteArray("ABC");
    QTest::newRow("padding") << QByteArray("QQ==") << true << QByteArray("A");
    QTest::newRow("line breaks ignored") << QByteArray("\"QU\\nJ\\r\\nD\"") << true << QByteArray("ABC");
    QTest::newRow("missing padding") << QByteArray("QQ") << false << QByteArray();
    QTest::newRow("space") << QByteArray("\"QUJ DQ==\"") << false << QByteArray();
    QTest::newRow("url alphabet") << QByteArray("_-8=") << false << QByteArray();
    QTest::newRow("data after padding") << QByteArray("QQ==QQ==") << false << QByteArray();
}

void TestKubeconfig::base64()
{
    QFETCH(QByteArray, encoded);
    QFETCH(bool, valid);
    QFETCH(QByteArray, decoded);

    const QByteArray yaml = "clusters:\n- name: c\n  cluster:\n    certificate-authority-data: " + encoded + '\n';
    const KubeconfigLoadResult result = KubeconfigLoader::parse(yaml, u"/tmp/config"_s);
    QCOMPARE(result.ok(), valid);
    if (valid) {
        QCOMPARE(result.config->clusters.value(u"c"_s).certificateAuthorityData, decoded);
    } else {
        QCOMPARE(result.error,
                 u"error loading config file \"/tmp/config\": line 4, column 33: "
                 "clusters[0].cluster.certificate-authority-data: illegal base64 data"_s);
    }
}

void TestKubeconfig::parseWithoutOrigin()
{
    const QByteArray yaml = "clusters:\n- name: c\n  cluster:\n    certificate-authority: ca.crt\n"
                            "users:\n- name: u\n  user:\n    exec: {command: ./plugin}\n";
    const KubeconfigLoadResult result = KubeconfigLoader::parse(yaml, {});
    QVERIFY(result.ok());
    QCOMPARE(result.config->clusters.value(u"c"_s).certificateAuthority, u"ca.crt"_s);
    QCOMPARE(result.config->users.value(u"u"_s).exec->command, u"./plugin"_s);
    QCOMPARE(result.config->files, QStringList());

    const KubeconfigLoadResult broken = KubeconfigLoader::parse("clusters: {}\n", {});
    QCOMPARE(broken.error, u"line 1, column 11: clusters: expected a list, got a map"_s);
}

// A mis-indented line can turn a credential into the value of the wrong field: the error, shown on the welcome page,
// says where and what is wrong, never the text of the value.
void TestKubeconfig::errorsNeverQuoteValues_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QString>("where");

    QTest::newRow("token without its colon")
        << "  user:\n    token\n      SECRETVALUE-abc\n"_ba << u"line 8, column 5"_s;
    QTest::newRow("token as the user") << "  user:\n   token SECRETVALUE-abc\n"_ba << u"line 8, column 4"_s;
    QTest::newRow("token indented less") << "  user:\n    token: abc\n   username: SECRETVALUE-abc\n"_ba
                                         << u"line 9, column 4"_s;
}

void TestKubeconfig::errorsNeverQuoteValues()
{
    QFETCH(QByteArray, user);
    QFETCH(QString, where);

    const QByteArray yaml = "clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: true\n"
                            "users:\n- name: u\n"
        + user;
    const KubeconfigLoadResult result = KubeconfigLoader::parse(yaml, u"/tmp/config"_s);
    QVERIFY(!result.ok());
    QVERIFY2(!result.error.contains(u"SECRETVALUE"_s), qPrintable(result.error));
    QVERIFY2(result.error.startsWith(u"error loading config file \"/tmp/config\": "_s + where + u": "_s),
             qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
