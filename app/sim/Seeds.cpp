#include "Seeds.h"

#include "Controllers.h"
#include "LegacyTokens.h"
#include "Manifests.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

QJsonObject meta(const QString &name, const QString &ns = {}, const QJsonObject &labels = {},
                 const QJsonObject &annotations = {})
{
    QJsonObject metadata {{"name"_L1, name}};
    if (!ns.isEmpty())
        metadata.insert("namespace"_L1, ns);
    if (!labels.isEmpty())
        metadata.insert("labels"_L1, labels);
    if (!annotations.isEmpty())
        metadata.insert("annotations"_L1, annotations);
    return metadata;
}

QString b64(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64());
}

QJsonArray names(const QStringList &list)
{
    QJsonArray array;
    for (const QString &name : list)
        array.append(QJsonObject {{"name"_L1, name}});
    return array;
}

class Seeder
{
public:
    explicit Seeder(Registry &registry)
        : m_registry(registry)
    { }

    void add(const QJsonObject &object)
    {
        const WriteResult result = m_registry.apply(object);
        if (!result.ok())
            qWarning("kube-sim: seed object not created: %s",
                     qPrintable(result.failure->status.value("message"_L1).toString()));
    }

    void nameSpace(const QString &name, const QJsonObject &labels = {})
    {
        add({{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Namespace"_L1}, {"metadata"_L1, meta(name, {}, labels)}});
    }

    void account(const QString &ns, const QString &name, const QStringList &pullSecrets = {},
                 std::optional<bool> automount = {}, const QJsonObject &labels = {},
                 const QJsonObject &annotations = {}, const QStringList &tokenSecrets = {})
    {
        QJsonObject sa {{"apiVersion"_L1, "v1"_L1},
                        {"kind"_L1, "ServiceAccount"_L1},
                        {"metadata"_L1, meta(name, ns, labels, annotations)}};
        if (!pullSecrets.isEmpty())
            sa.insert("imagePullSecrets"_L1, names(pullSecrets));
        if (automount)
            sa.insert("automountServiceAccountToken"_L1, *automount);
        // Listed token Secrets are those the token controller made itself before 1.24 ("auto-generated").
        if (!tokenSecrets.isEmpty())
            sa.insert("secrets"_L1, names(tokenSecrets));
        add(sa);
    }

    void secret(const QString &ns, const QString &name, const QString &type, const QJsonObject &data,
                const QJsonObject &labels = {}, const QJsonObject &annotations = {})
    {
        add({{"apiVersion"_L1, "v1"_L1},
             {"kind"_L1, "Secret"_L1},
             {"metadata"_L1, meta(name, ns, labels, annotations)},
             {"type"_L1, type},
             {"data"_L1, data}});
    }

    void registrySecret(const QString &ns, const QString &name, const QString &server)
    {
        const QByteArray auth = "deploy-bot:not-a-real-password"_ba.toBase64();
        const QByteArray config = R"({"auths":{")"_ba + server.toUtf8()
            + R"(":{"username":"deploy-bot","password":"not-a-real-password","auth":")"_ba + auth + R"("}}})"_ba;
        secret(ns, name, u"kubernetes.io/dockerconfigjson"_s, {{".dockerconfigjson"_L1, b64(config)}});
    }

    void helmRelease(const QString &ns, const QString &release, int revision)
    {
        secret(ns, u"sh.helm.release.v1."_s + release + u".v"_s + QString::number(revision), u"helm.sh/release.v1"_s,
               {{"release"_L1, b64("H4sIAAAAAAAC/+y9a3PbOJYw/FdQ+jBJ7UbypXOZ9p"_ba)}},
               {{"name"_L1, release},
                {"owner"_L1, "helm"_L1},
                {"status"_L1, revision == 3 ? "deployed"_L1 : "superseded"_L1},
                {"version"_L1, QString::number(revision)}});
    }

    // Empty: the token controller fills it with a real signed token once the seed is in.
    void tokenSecret(const QString &ns, const QString &name, const QString &account, const QJsonObject &labels = {},
                     QJsonObject annotations = {})
    {
        annotations.insert("kubernetes.io/service-account.name"_L1, account);
        secret(ns, name, u"kubernetes.io/service-account-token"_s, {}, labels, annotations);
    }

    // Gives an object the creation time it would have in a cluster with a history (the registry stamps "now").
    void backdate(const QString &plural, const QString &ns, const QString &name, const QDateTime &created)
    {
        const ResourceType &type = *findResource(QString(), u"v1"_s, plural);
        std::optional<QJsonObject> object = m_registry.store().get(type, ns, name);
        if (!object)
            return;
        QJsonObject metadata = metadataOf(*object);
        metadata.insert("creationTimestamp"_L1, created.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s));
        object->insert("metadata"_L1, metadata);
        m_registry.store().update(type, *object);
    }

    // `tokenVolume`: a token Secret the pods mount (volume TOKEN-SECRET, at /var/run/secrets/NAME).
    void deployment(const QString &ns, const QString &name, const QString &account, int replicas, const QString &image,
                    const QString &tokenVolume = {})
    {
        const QJsonObject labels {{"app"_L1, name}};
        QJsonObject container {{"name"_L1, name}, {"image"_L1, image}};
        QJsonObject podSpec {{"serviceAccountName"_L1, account}};
        if (!tokenVolume.isEmpty()) {
            container.insert("volumeMounts"_L1,
                             QJsonArray {QJsonObject {{"name"_L1, tokenVolume},
                                                      {"mountPath"_L1, QString(u"/var/run/secrets/"_s + name)},
                                                      {"readOnly"_L1, true}}});
            podSpec.insert("volumes"_L1,
                           QJsonArray {QJsonObject {{"name"_L1, tokenVolume},
                                                    {"secret"_L1, QJsonObject {{"secretName"_L1, tokenVolume}}}}});
        }
        podSpec.insert("containers"_L1, QJsonArray {container});
        add({{"apiVersion"_L1, "apps/v1"_L1},
             {"kind"_L1, "Deployment"_L1},
             {"metadata"_L1, meta(name, ns, labels)},
             {"spec"_L1,
              QJsonObject {
                  {"replicas"_L1, replicas},
                  {"selector"_L1, QJsonObject {{"matchLabels"_L1, labels}}},
                  {"template"_L1,
                   QJsonObject {{"metadata"_L1, QJsonObject {{"labels"_L1, labels}}}, {"spec"_L1, podSpec}}}}}});
    }

    // A StatefulSet (with its serviceName) or a DaemonSet of one container running as the given account.
    void podSet(const QString &kind, const QString &ns, const QString &name, const QString &account,
                const QString &image, int replicas = 1)
    {
        const QJsonObject labels {{"app"_L1, name}};
        QJsonObject spec {
            {"selector"_L1, QJsonObject {{"matchLabels"_L1, labels}}},
            {"template"_L1,
             QJsonObject {{"metadata"_L1, QJsonObject {{"labels"_L1, labels}}},
                          {"spec"_L1,
                           QJsonObject {{"serviceAccountName"_L1, account},
                                        {"containers"_L1,
                                         QJsonArray {QJsonObject {{"name"_L1, name}, {"image"_L1, image}}}}}}}}};
        if (kind == "StatefulSet"_L1) {
            spec.insert("replicas"_L1, replicas);
            spec.insert("serviceName"_L1, name);
        }
        add({{"apiVersion"_L1, "apps/v1"_L1},
             {"kind"_L1, kind},
             {"metadata"_L1, meta(name, ns, labels)},
             {"spec"_L1, spec}});
    }

    void binding(const QString &ns, const QString &name, const QString &roleKind, const QString &role,
                 const QJsonArray &subjects)
    {
        add({{"apiVersion"_L1, "rbac.authorization.k8s.io/v1"_L1},
             {"kind"_L1, ns.isEmpty() ? "ClusterRoleBinding"_L1 : "RoleBinding"_L1},
             {"metadata"_L1, meta(name, ns)},
             {"roleRef"_L1,
              QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, roleKind}, {"name"_L1, role}}},
             {"subjects"_L1, subjects}});
    }

    void role(const QString &ns, const QString &name, const QJsonArray &rules)
    {
        add({{"apiVersion"_L1, "rbac.authorization.k8s.io/v1"_L1},
             {"kind"_L1, ns.isEmpty() ? "ClusterRole"_L1 : "Role"_L1},
             {"metadata"_L1, meta(name, ns)},
             {"rules"_L1, rules}});
    }

private:
    Registry &m_registry;
};

QJsonObject saSubject(const QString &ns, const QString &name)
{
    return {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, name}, {"namespace"_L1, ns}};
}

QJsonObject rule(const QStringList &groups, const QStringList &resources, const QStringList &verbs)
{
    return {{"apiGroups"_L1, QJsonArray::fromStringList(groups)},
            {"resources"_L1, QJsonArray::fromStringList(resources)},
            {"verbs"_L1, QJsonArray::fromStringList(verbs)}};
}

// Legacy (Secret-based) tokens of a cluster with a history: made years ago, used lately or long ago or never since
// tracking began (demoLegacyTokenTrackingSince), listed in their account's secrets (made by the token controller
// before 1.24) or not (made by hand), mounted by a pod, invalidated, or left behind by a deleted account. The token
// controller fills each with a real signed token. Dates count back from now; none of these is one the legacy token
// cleaner acts on at start-up (see LegacyTokens.h): the mounted and recently used ones it keeps, the unlisted ones it
// never touches, and the invalidated one was invalidated 40 days ago, within the period before deletion.
void seedLegacyTokens(Seeder &s)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto daysAgo = [&now](int days) { return now.addDays(-days); };
    const auto date = [&now](int days) { return now.date().addDays(-days).toString(u"yyyy-MM-dd"_s); };
    const auto lastUsed = [&date](int days) { return QJsonObject {{kLegacyTokenLastUsedLabel, date(days)}}; };

    // Listed, mounted by etl-scheduler's pods, used two days ago.
    s.tokenSecret(u"data-platform"_s, u"etl-runner-token"_s, u"etl-runner"_s, lastUsed(2));
    // Made by hand, last used about 100 days ago.
    s.tokenSecret(u"ci"_s, u"deployer-token"_s, u"deployer"_s, lastUsed(100));
    // Listed, last used two years ago, and invalidated (kubernetes.io/legacy-token-invalid-since) 40 days ago.
    s.tokenSecret(u"payments"_s, u"payments-worker-token-x7k2p"_s, u"payments-worker"_s,
                  {{kLegacyTokenLastUsedLabel, date(730)}, {kLegacyTokenInvalidSinceLabel, date(40)}});
    // Made by hand before tracking began, and not used since.
    s.tokenSecret(u"monitoring"_s, u"prometheus-operator-legacy-token"_s, u"prometheus-operator"_s);
    // Its account is deleted once the token controller has filled it (applySeedHistory): left behind.
    s.account(u"payments"_s, u"payments-batch"_s);
    s.tokenSecret(u"payments"_s, u"payments-batch-token"_s, u"payments-batch"_s, lastUsed(200),
                  {{kKeepOrphanedTokenAnnotation, "true"_L1}});

    for (const QString &ns : {u"payments"_s, u"data-platform"_s, u"ci"_s, u"monitoring"_s})
        s.backdate(u"namespaces"_s, QString(), ns, daysAgo(1300));
    const struct
    {
        const char16_t *ns;
        const char16_t *account;
        const char16_t *secret;
        int days;
    } made[] {{u"data-platform", u"etl-runner", u"etl-runner-token", 1100},
              {u"ci", u"deployer", u"deployer-token", 540},
              {u"payments", u"payments-worker", u"payments-worker-token-x7k2p", 1250},
              {u"monitoring", u"prometheus-operator", u"prometheus-operator-legacy-token", 1000},
              {u"payments", u"payments-batch", u"payments-batch-token", 900}};
    for (const auto &m : made) {
        s.backdate(u"serviceaccounts"_s, QString::fromUtf16(m.ns), QString::fromUtf16(m.account), daysAgo(m.days));
        s.backdate(u"secrets"_s, QString::fromUtf16(m.ns), QString::fromUtf16(m.secret), daysAgo(m.days));
    }
}

void seedDemo(Registry &registry)
{
    Seeder s(registry);
    const QJsonObject team {{"owner"_L1, "platform"_L1}};
    for (const QString &ns : {u"payments"_s, u"data-platform"_s, u"ci"_s, u"monitoring"_s})
        s.nameSpace(ns, team);

    // payments: a web API whose account pulls from a private registry; one stale pull-secret reference.
    s.registrySecret(u"payments"_s, u"registry-cred"_s, u"registry.example.com"_s);
    // Its pods reach AWS as an IAM role (EKS IAM Roles for Service Accounts).
    s.account(u"payments"_s, u"payments-api"_s, {u"registry-cred"_s, u"old-registry-cred"_s}, {},
              {{"app"_L1, "payments-api"_L1}},
              {{"eks.amazonaws.com/role-arn"_L1, "arn:aws:iam::111122223333:role/payments-api"_L1}});
    s.account(u"payments"_s, u"payments-worker"_s, {u"registry-cred"_s}, false, {}, {},
              {u"payments-worker-token-x7k2p"_s});
    s.secret(u"payments"_s, u"db-credentials"_s, u"Opaque"_s,
             {{"username"_L1, b64("payments"_ba)},
              {"password"_L1, b64("demo-only-password"_ba)},
              {"host"_L1, b64("postgres.payments.svc"_ba)}});
    s.secret(u"payments"_s, u"payments-tls"_s, u"kubernetes.io/tls"_s,
             {{"tls.crt"_L1, b64("-----BEGIN CERTIFICATE-----\n(demo)\n-----END CERTIFICATE-----\n"_ba)},
              {"tls.key"_L1, b64("-----BEGIN PRIVATE KEY-----\n(demo)\n-----END PRIVATE KEY-----\n"_ba)}});
    for (int revision = 1; revision <= 3; ++revision)
        s.helmRelease(u"payments"_s, u"payments-api"_s, revision);
    s.deployment(u"payments"_s, u"payments-api"_s, u"payments-api"_s, 2, u"registry.example.com/payments-api:1.8.2"_s);
    s.deployment(u"payments"_s, u"payments-worker"_s, u"payments-worker"_s, 1,
                 u"registry.example.com/payments-worker:1.8.2"_s);
    s.role(u"payments"_s, u"config-reader"_s, {rule({u""_s}, {u"configmaps"_s}, {u"get"_s, u"list"_s, u"watch"_s})});
    s.binding(u"payments"_s, u"payments-api-config"_s, u"Role"_s, u"config-reader"_s,
              {saSubject(u"payments"_s, u"payments-api"_s)});

    // data-platform: an ETL account with a long-lived legacy token, as older clusters have.
    s.account(u"data-platform"_s, u"etl-runner"_s, {}, {}, {{"team"_L1, "data"_L1}}, {}, {u"etl-runner-token"_s});
    // Its pods act as a Google service account (GKE Workload Identity).
    s.account(u"data-platform"_s, u"notebook"_s, {}, {}, {},
              {{"iam.gke.io/gcp-service-account"_L1, "notebook@example-data-platform.iam.gserviceaccount.com"_L1}});
    s.secret(u"data-platform"_s, u"warehouse-credentials"_s, u"Opaque"_s,
             {{"WAREHOUSE_USER"_L1, b64("etl"_ba)}, {"WAREHOUSE_PASSWORD"_L1, b64("demo-only"_ba)}});
    s.deployment(u"data-platform"_s, u"etl-scheduler"_s, u"etl-runner"_s, 1, u"ghcr.io/example/etl:2024.11"_s,
                 u"etl-runner-token"_s);
    s.binding(u"data-platform"_s, u"etl-runner-edit"_s, u"ClusterRole"_s, u"edit"_s,
              {saSubject(u"data-platform"_s, u"etl-runner"_s)});
    s.binding(u"data-platform"_s, u"notebook-view"_s, u"ClusterRole"_s, u"view"_s,
              {saSubject(u"data-platform"_s, u"notebook"_s)});
    // A database as a StatefulSet with an account of its own.
    s.account(u"data-platform"_s, u"postgres"_s, {}, {}, {{"app"_L1, "postgres"_L1}});
    s.podSet(u"StatefulSet"_s, u"data-platform"_s, u"postgres"_s, u"postgres"_s, u"postgres:16.4"_s);

    // ci: a deployer that may change other namespaces, and an image builder.
    s.registrySecret(u"ci"_s, u"ghcr-push"_s, u"ghcr.io"_s);
    s.account(u"ci"_s, u"deployer"_s);
    s.account(u"ci"_s, u"image-builder"_s, {u"ghcr-push"_s});
    for (const QString &ns : {u"payments"_s, u"data-platform"_s})
        s.binding(ns, u"ci-deployer"_s, u"ClusterRole"_s, u"edit"_s, {saSubject(u"ci"_s, u"deployer"_s)});

    // monitoring: a cluster-wide reader.
    // Its pods get Azure tokens (Microsoft Entra Workload ID).
    s.account(u"monitoring"_s, u"prometheus"_s, {}, true, {},
              {{"azure.workload.identity/client-id"_L1, "3f6c2a1e-8b4d-4e7a-9c15-2d0b7e4f6a81"_L1},
               {"azure.workload.identity/tenant-id"_L1, "5b7e2c9d-1f4a-4d3b-8e6c-0a9f1d2e3b4c"_L1}});
    s.role(QString(), u"prometheus-scrape"_s,
           {rule({u""_s}, {u"pods"_s, u"services"_s, u"endpoints"_s, u"nodes"_s}, {u"get"_s, u"list"_s, u"watch"_s})});
    s.binding(QString(), u"prometheus-scrape"_s, u"ClusterRole"_s, u"prometheus-scrape"_s,
              {saSubject(u"monitoring"_s, u"prometheus"_s)});
    s.deployment(u"monitoring"_s, u"prometheus"_s, u"prometheus"_s, 1, u"quay.io/prometheus/prometheus:v2.54.1"_s);
    for (int revision = 1; revision <= 3; ++revision)
        s.helmRelease(u"monitoring"_s, u"kube-prometheus"_s, revision);
    // A node agent as a DaemonSet: one pod per node.
    s.account(u"monitoring"_s, u"node-exporter"_s, {}, {}, {{"app"_L1, "node-exporter"_L1}});
    s.podSet(u"DaemonSet"_s, u"monitoring"_s, u"node-exporter"_s, u"node-exporter"_s,
             u"quay.io/prometheus/node-exporter:v1.8.2"_s);

    // Permissions worth a look. A CI account that deploys the monitoring stack, with edit there only.
    s.account(u"ci"_s, u"monitoring-deployer"_s);
    s.binding(u"monitoring"_s, u"monitoring-deployer-edit"_s, u"ClusterRole"_s, u"edit"_s,
              {saSubject(u"ci"_s, u"monitoring-deployer"_s)});
    // An operator given cluster-admin "to make it work".
    s.account(u"monitoring"_s, u"prometheus-operator"_s, {}, {}, {{"app"_L1, "prometheus-operator"_L1}});
    s.binding(QString(), u"prometheus-operator"_s, u"ClusterRole"_s, u"cluster-admin"_s,
              {saSubject(u"monitoring"_s, u"prometheus-operator"_s)});
    // Every account of data-platform may read its secrets, through the namespace's group.
    s.role(u"data-platform"_s, u"secret-reader"_s, {rule({u""_s}, {u"secrets"_s}, {u"get"_s, u"list"_s, u"watch"_s})});
    s.binding(u"data-platform"_s, u"all-accounts-read-secrets"_s, u"Role"_s, u"secret-reader"_s,
              {QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                            {"kind"_L1, "Group"_L1},
                            {"name"_L1, "system:serviceaccounts:data-platform"_L1}}});
    // Left behind: a binding of an account deleted since, and one to a Role that was never created.
    s.binding(u"payments"_s, u"payments-batch-view"_s, u"ClusterRole"_s, u"view"_s,
              {saSubject(u"payments"_s, u"payments-batch"_s)});
    s.binding(u"payments"_s, u"payments-worker-queue"_s, u"Role"_s, u"queue-consumer"_s,
              {saSubject(u"payments"_s, u"payments-worker"_s)});

    seedLegacyTokens(s);
}

// A big cluster with the shapes of real ones: teams and environments, app-named service accounts, and a
// secret mix dominated by Opaque and Helm release secrets of realistic sizes. Deterministic for benchmarks.
void seedLarge(Registry &registry, int namespaces, int accounts, int secrets, int pods)
{
    Seeder s(registry);
    QRandomGenerator random(20261128);
    static const QStringList teams {u"payments"_s, u"search"_s, u"checkout"_s, u"identity"_s, u"data"_s,
                                    u"platform"_s, u"ml"_s,     u"mobile"_s,   u"growth"_s,   u"billing"_s};
    static const QStringList envs {u"dev"_s, u"staging"_s, u"prod"_s};
    static const QStringList apps {u"api"_s,     u"worker"_s,   u"frontend"_s, u"scheduler"_s, u"exporter"_s,
                                   u"gateway"_s, u"consumer"_s, u"migrator"_s, u"cache"_s,     u"indexer"_s};
    // One pool of random base64 that values are cut from: realistic sizes without generating megabytes.
    QByteArray noise(64 * 1024, Qt::Uninitialized);
    for (auto &byte : noise)
        byte = char(random.bounded(256));
    const QByteArray pool = noise.toBase64();
    const auto blob = [&](int bytes) -> QString {
        return QString::fromLatin1(pool.mid(random.bounded(int(pool.size()) - bytes), bytes));
    };

    QStringList nsNames;
    for (int i = 0; i < namespaces; ++i) {
        const QString &team = teams[i % teams.size()];
        const QString &env = envs[(i / teams.size()) % envs.size()];
        nsNames.append(team + u'-' + env + u'-' + QString::number(i).rightJustified(4, u'0'));
        s.nameSpace(nsNames.last(), {{"team"_L1, team}, {"environment"_L1, env}});
    }
    QList<QStringList> accountsByNamespace(namespaces);
    for (int i = 0; i < accounts; ++i) {
        const int ns = i % namespaces;
        const QString &app = apps[(i / namespaces) % apps.size()];
        const QString name = app + u'-' + QString::number(i / namespaces / apps.size());
        accountsByNamespace[ns].append(name);
        const bool pulls = i % 4 == 0;
        s.account(nsNames[ns], name, pulls ? QStringList {u"registry-credentials"_s} : QStringList(),
                  i % 10 == 0 ? std::optional<bool>(false) : std::nullopt,
                  {{"app.kubernetes.io/name"_L1, app}, {"app.kubernetes.io/part-of"_L1, teams[ns % teams.size()]}});
    }
    for (int i = 0; i < secrets; ++i) {
        const int ns = i % namespaces;
        const int kind = random.bounded(100);
        const QString serial = QString::number(i / namespaces);
        if (i < namespaces) {
            s.secret(
                nsNames[ns], u"registry-credentials"_s, u"kubernetes.io/dockerconfigjson"_s,
                {{".dockerconfigjson"_L1,
                  b64("{\"auths\":{\"registry.example.com\":{\"auth\":\""_ba + blob(40).toLatin1() + "\"}}}"_ba)}});
        } else if (kind < 55) {
            QJsonObject data;
            for (int key = 0, keys = 1 + random.bounded(6); key < keys; ++key)
                data.insert(u"key-"_s + QString::number(key), blob(24 + random.bounded(1200)));
            s.secret(nsNames[ns], apps[i % apps.size()] + u"-config-"_s + serial, u"Opaque"_s, data,
                     {{"app.kubernetes.io/name"_L1, apps[i % apps.size()]}});
        } else if (kind < 85) {
            const QString release = apps[i % apps.size()];
            s.secret(nsNames[ns], u"sh.helm.release.v1."_s + release + u".v"_s + serial, u"helm.sh/release.v1"_s,
                     {{"release"_L1, blob(2000 + random.bounded(6000))}},
                     {{"name"_L1, release},
                      {"owner"_L1, "helm"_L1},
                      {"status"_L1, "superseded"_L1},
                      {"version"_L1, serial}});
        } else if (kind < 95 || accountsByNamespace[ns].isEmpty()) {
            s.secret(nsNames[ns], apps[i % apps.size()] + u"-tls-"_s + serial, u"kubernetes.io/tls"_s,
                     {{"tls.crt"_L1, blob(1400)}, {"tls.key"_L1, blob(1700)}});
        } else {
            // A long-lived token of one of the namespace's accounts, as clusters from before 1.24 keep them: most
            // used at some time in the last year and a half, some never, a few invalidated by the cleaner.
            const QStringList &owners = accountsByNamespace[ns];
            const QString &owner = owners[random.bounded(int(owners.size()))];
            const QDate today = QDateTime::currentDateTimeUtc().date();
            QJsonObject labels;
            if (random.bounded(10) >= 4) {
                labels.insert(kLegacyTokenLastUsedLabel, today.addDays(-random.bounded(540)).toString(Qt::ISODate));
            }
            if (random.bounded(20) == 0) {
                labels.insert(kLegacyTokenInvalidSinceLabel, today.addDays(-random.bounded(300)).toString(Qt::ISODate));
            }
            s.secret(nsNames[ns], owner + u"-token-"_s + serial, u"kubernetes.io/service-account-token"_s, {}, labels,
                     {{"kubernetes.io/service-account.name"_L1, owner}});
        }
    }
    // RBAC as teams have it: in each namespace a Role for configuration, its first account deploying (edit), the
    // next two reading (view) and the fourth reading configuration; per team a ClusterRoleBinding of view to its
    // first account, and two operators with cluster-admin.
    const QJsonArray configReading {rule({u""_s}, {u"configmaps"_s, u"secrets"_s}, {u"get"_s, u"list"_s, u"watch"_s})};
    for (int ns = 0; ns < namespaces; ++ns) {
        const QStringList &names = accountsByNamespace[ns];
        const auto subjects = [&](qsizetype from, qsizetype count) {
            QJsonArray list;
            for (const QString &name : names.mid(from, count))
                list.append(saSubject(nsNames[ns], name));
            return list;
        };
        s.role(nsNames[ns], u"config-reader"_s, configReading);
        if (names.size() > 0)
            s.binding(nsNames[ns], u"deployers-edit"_s, u"ClusterRole"_s, u"edit"_s, subjects(0, 1));
        if (names.size() > 1)
            s.binding(nsNames[ns], u"readers-view"_s, u"ClusterRole"_s, u"view"_s, subjects(1, 2));
        if (names.size() > 3)
            s.binding(nsNames[ns], u"config-readers"_s, u"Role"_s, u"config-reader"_s, subjects(3, 1));
    }
    for (int ns = 0; ns < qMin(namespaces, int(teams.size())); ++ns) {
        if (!accountsByNamespace[ns].isEmpty())
            s.binding(QString(), teams[ns] + u"-cluster-view"_s, u"ClusterRole"_s, u"view"_s,
                      {saSubject(nsNames[ns], accountsByNamespace[ns].first())});
    }
    for (int ns = 0; ns < qMin(namespaces, 2); ++ns) {
        if (accountsByNamespace[ns].size() > 1)
            s.binding(QString(), nsNames[ns] + u"-operator"_s, u"ClusterRole"_s, u"cluster-admin"_s,
                      {saSubject(nsNames[ns], accountsByNamespace[ns].last())});
    }

    for (int i = 0; i < pods; ++i) {
        const int ns = i % namespaces;
        const QStringList &candidates = accountsByNamespace[ns];
        const QString account = candidates.isEmpty() ? u"default"_s : candidates[i % candidates.size()];
        s.add({{"apiVersion"_L1, "v1"_L1},
               {"kind"_L1, "Pod"_L1},
               {"metadata"_L1,
                meta(account + u'-' + QString::number(i / namespaces), nsNames[ns],
                     {{"app.kubernetes.io/name"_L1, account}})},
               {"spec"_L1,
                QJsonObject {{"serviceAccountName"_L1, account},
                             {"containers"_L1,
                              QJsonArray {QJsonObject {{"name"_L1, "app"_L1},
                                                       {"image"_L1, "registry.example.com/app:1.0"_L1}}}}}}});
    }
}

} // namespace

QDate demoLegacyTokenTrackingSince()
{
    // Long enough ago that a token last used two years ago was used under tracking, and that a token made before it
    // began shows as unused "since tracking began".
    return QDateTime::currentDateTimeUtc().date().addDays(-800);
}

void applySeedHistory(Registry &registry, const QString &seed)
{
    if (seed != "demo"_L1)
        return;
    // The account of payments-batch-token is gone; its RoleBinding payments-batch-view is left behind too.
    (void)registry.remove(*findResource(QString(), u"v1"_s, u"serviceaccounts"_s), u"payments"_s, u"payments-batch"_s);
}

void seedBootstrap(Registry &registry)
{
    Seeder s(registry);
    for (const QString &ns : {u"default"_s, u"kube-system"_s, u"kube-public"_s, u"kube-node-lease"_s})
        s.nameSpace(ns);
    // The one node every pod runs on.
    s.add({{"apiVersion"_L1, "v1"_L1},
           {"kind"_L1, "Node"_L1},
           {"metadata"_L1,
            meta(u"kube-sim-node"_s, {},
                 {{"kubernetes.io/hostname"_L1, "kube-sim-node"_L1},
                  {"kubernetes.io/os"_L1, "linux"_L1},
                  {"kubernetes.io/arch"_L1, "amd64"_L1},
                  {"node-role.kubernetes.io/control-plane"_L1, ""_L1}})},
           {"status"_L1,
            QJsonObject {{"conditions"_L1,
                          QJsonArray {QJsonObject {{"type"_L1, "Ready"_L1},
                                                   {"status"_L1, "True"_L1},
                                                   {"reason"_L1, "KubeletReady"_L1},
                                                   {"message"_L1, "kubelet is posting ready status"_L1}}}},
                         {"addresses"_L1,
                          QJsonArray {QJsonObject {{"type"_L1, "InternalIP"_L1}, {"address"_L1, "172.18.0.2"_L1}}}},
                         {"nodeInfo"_L1,
                          QJsonObject {{"kubeletVersion"_L1, "v1.32.4"_L1},
                                       {"osImage"_L1, "kube-sim"_L1},
                                       {"kernelVersion"_L1, "6.1.0"_L1},
                                       {"containerRuntimeVersion"_L1, "containerd://1.7.24"_L1},
                                       {"operatingSystem"_L1, "linux"_L1},
                                       {"architecture"_L1, "amd64"_L1}}}}}});
}

bool applySeed(Registry &registry, const QString &seed, QString *error)
{
    if (seed == "empty"_L1) {
        seedBootstrap(registry);
        return true;
    }
    if (seed == "demo"_L1) {
        seedBootstrap(registry);
        seedDemo(registry);
        return true;
    }
    const QStringList parts = seed.split(u':');
    if ((parts.size() == 4 || parts.size() == 5) && parts[0] == "large"_L1) {
        QList<int> sizes;
        for (const QString &part : parts.mid(1)) {
            bool ok = false;
            sizes.append(part.toInt(&ok));
            if (!ok || sizes.last() < 0)
                sizes.last() = -1;
        }
        sizes.resize(4, 0);
        if (sizes[0] > 0 && !sizes.contains(-1)) {
            seedBootstrap(registry);
            seedLarge(registry, sizes[0], sizes[1], sizes[2], sizes[3]);
            return true;
        }
    }
    *error = u"unknown seed \""_s + seed + u"\": use demo, empty or large:NAMESPACES:SERVICEACCOUNTS:SECRETS[:PODS]"_s;
    return false;
}

bool loadManifestFile(Registry &registry, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return false;
    }
    const ManifestResult manifest = parseManifests(file.readAll());
    if (!manifest.ok()) {
        *error = path + u": "_s + manifest.error;
        return false;
    }
    for (const QJsonObject &object : manifest.objects) {
        const WriteResult result = registry.apply(object);
        if (!result.ok()) {
            *error = path + u": "_s + object.value("kind"_L1).toString() + u' '
                + object.value("metadata"_L1).toObject().value("name"_L1).toString() + u": "_s
                + result.failure->status.value("message"_L1).toString();
            return false;
        }
    }
    return true;
}

} // namespace kubesim
