// The typed operations against a real kube-sim process over HTTPS: what each one writes, what it reads back,
// and that read-modify-write loses nothing when many clients write at once.

#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "SimClient.h"

#include "api/CredentialExports.h"
#include "api/KubeClient.h"
#include "api/OperationSequence.h"
#include "api/Operations.h"
#include "config/Kubeconfig.h"
#include "resources/ProjectedToken.h"
#include "resources/Resources.h"
#include "resources/Yaml.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

QStringList pullSecretNames(const QJsonObject &account)
{
    QStringList names;
    for (const QJsonValue &entry : account.value("imagePullSecrets"_L1).toArray())
        names.append(entry[u"name"].toString());
    return names;
}

bool notFound(const ApiResult &result)
{
    return result.error && result.error->isNotFound();
}

QString describe(const OperationResult &result)
{
    return result.error ? result.error->userMessage() : u"ok"_s;
}

} // namespace

class TestOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serviceAccountLifecycle();
    void deleteSparesAnObjectMadeAgain_data();
    void deleteSparesAnObjectMadeAgain();
    void tokenRequestDurations_data();
    void tokenRequestDurations();
    void tokenRequestAudienceAndBinding();
    void revocableTokenLeavesNothingWhenRefused();
    void writeOutcomeChecked_data();
    void writeOutcomeChecked();
    void tokenRequestShortenedWarning();
    void whoAmIWithIssuedToken();
    void tokenSecret();
    void readSecretValues();
    void namesStayOnePathSegment();
    void invalidateAndReenableTokenSecret();
    void rotateTokenSecret();
    void tokenSecretLabelsRefused();
    void projectedTokenPodAccepted();
    void dockerRegistrySecretAsKubectl_data();
    void dockerRegistrySecretAsKubectl();
    void pullSecretsWithoutNeedlessWrites();
    void concurrentPullSecretsLoseNothing();
    void deploymentServiceAccountRollsOut();
    void deploymentRolloutTimesOut();
    void statefulAndDaemonSetsRollOut();
    void deploymentRolloutRefused();
    void recreateBarePod();
    void recreateRefusesControlledPod();
    void recreatePutsOriginalBack();
    void automountRoundTrip();
    void annotationsMergeKeepsOthers();
    void rulesAndAccessReviews();
    void discovery();
    void discoveryWithoutAGroupVersion();
    void discoveryFails();
    void kubeconfigWorksWithKubectl();
    void kubeconfigQuotesValues();
    void curlCommandWorks();
    void cancel();
    void cancelKeepsPodRecreationWhole();
    void sequenceRunsStepsInOrder();

private:
    std::unique_ptr<KubeClient> clientFor(const KubeSimProcess &sim);
    ApiResult api(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    ApiResult call(const ApiRequest &request);
    OperationResult finish(Operation *operation, int timeoutMs = 30000);
    void createNamespace(const QString &name);
    QJsonObject createServiceAccount(const QString &ns, const QString &name, const QStringList &pullSecrets = {});
    QJsonObject createDeployment(const QString &ns, const QString &name, const QString &app, int replicas);
    QJsonObject createWorkload(const QString &kind, const QString &ns, const QString &name, const QString &app,
                               QJsonObject spec);
    std::optional<QJsonArray> podsWithLabel(const QString &ns, const QString &selector);
    qsizetype podCount(const QString &ns, const QString &selector);
    // A filled token Secret's token (empty when it could not be read).
    QByteArray tokenOf(const QString &ns, const QString &secret);
    QJsonObject secretLabels(const QString &ns, const QString &secret);
    // `kubectl auth whoami` with only this token: its exit code and output.
    CommandResult whoAmIWithKubectl(const QByteArray &token, const QString &file);

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<KubeClient> m_client;
};

std::unique_ptr<KubeClient> TestOperations::clientFor(const KubeSimProcess &sim)
{
    QString error;
    std::unique_ptr<KubeClient> client = clientForKubeconfig(sim.kubeconfigPath(), &error);
    if (!client)
        qWarning() << "client:" << error;
    return client;
}

ApiResult TestOperations::api(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    ApiRequest request;
    request.verb = verb;
    request.path = path;
    if (!body.isEmpty())
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return call(request);
}

ApiResult TestOperations::call(const ApiRequest &request)
{
    ApiJob *job = m_client->send(request);
    QSignalSpy spy(job, &ApiJob::finished);
    if (!spy.wait(30000)) {
        // A default ApiResult is ok(): a hang must not pass as a success.
        job->cancel();
        ApiResult timedOut;
        timedOut.error = ApiError::decode(u"timed out: "_s + QString::fromLatin1(request.verb) + u' ' + request.path);
        timedOut.error->kind = ApiError::Kind::Timeout;
        return timedOut;
    }
    return spy.first().first().value<ApiResult>();
}

OperationResult TestOperations::finish(Operation *operation, int timeoutMs)
{
    return finishOperation(operation, timeoutMs);
}

void TestOperations::createNamespace(const QString &name)
{
    const ApiResult created = api(
        "POST", u"/api/v1/namespaces"_s,
        {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Namespace"_L1}, {"metadata"_L1, QJsonObject {{"name"_L1, name}}}});
    QVERIFY2(created.ok(), qPrintable(created.error ? created.error->userMessage() : QString()));
    // The namespace controller adds the default account a moment later.
    QTRY_VERIFY(api("GET", u"/api/v1/namespaces/"_s + name + u"/serviceaccounts/default"_s).ok());
}

QJsonObject TestOperations::createServiceAccount(const QString &ns, const QString &name, const QStringList &pullSecrets)
{
    ServiceAccountSpec spec;
    spec.ns = ns;
    spec.name = name;
    spec.imagePullSecrets = pullSecrets;
    const OperationResult result = finish(ops::createServiceAccount(m_client.get(), spec));
    if (!result.ok())
        qWarning() << "creating service account" << name << "failed:" << describe(result);
    return result.object;
}

QJsonObject TestOperations::createDeployment(const QString &ns, const QString &name, const QString &app, int replicas)
{
    return createWorkload(u"Deployment"_s, ns, name, app, {{"replicas"_L1, replicas}});
}

QJsonObject TestOperations::createWorkload(const QString &kind, const QString &ns, const QString &name,
                                           const QString &app, QJsonObject spec)
{
    const QJsonObject labels {{"app"_L1, app}};
    const QJsonArray containers {QJsonObject {{"name"_L1, "app"_L1}, {"image"_L1, "nginx:1.27"_L1}}};
    const QJsonObject podTemplate {{"metadata"_L1, QJsonObject {{"labels"_L1, labels}}},
                                   {"spec"_L1, QJsonObject {{"containers"_L1, containers}}}};
    spec.insert("selector"_L1, QJsonObject {{"matchLabels"_L1, labels}});
    spec.insert("template"_L1, podTemplate);
    const QJsonObject workload {{"apiVersion"_L1, "apps/v1"_L1},
                                {"kind"_L1, kind},
                                {"metadata"_L1, QJsonObject {{"name"_L1, name}, {"namespace"_L1, ns}}},
                                {"spec"_L1, spec}};
    const ApiResult created = api("POST", u"/apis/apps/v1/namespaces/"_s + ns + u'/' + kind.toLower() + u's', workload);
    if (!created.ok())
        qWarning() << "creating" << kind << name << "failed:" << created.error->userMessage();
    return created.json();
}

std::optional<QJsonArray> TestOperations::podsWithLabel(const QString &ns, const QString &selector)
{
    ApiRequest request;
    request.path = u"/api/v1/namespaces/"_s + ns + u"/pods"_s;
    request.query = {{u"labelSelector"_s, selector}};
    const ApiResult listed = call(request);
    if (!listed.ok()) {
        qWarning() << "listing pods" << selector << "failed:" << listed.error->userMessage();
        return std::nullopt;
    }
    return listed.json().value("items"_L1).toArray();
}

// -1 when the pods could not be listed, so that no expected count matches a failure.
qsizetype TestOperations::podCount(const QString &ns, const QString &selector)
{
    const std::optional<QJsonArray> pods = podsWithLabel(ns, selector);
    return pods ? pods->size() : -1;
}

QByteArray TestOperations::tokenOf(const QString &ns, const QString &secret)
{
    const OperationResult read = finish(ops::readSecret(m_client.get(), ns, secret));
    if (!read.get<Secret>())
        return {};
    // A copy of its own: the SecretBytes wipes the buffer it shares when it goes.
    const SecretBytes token = read.get<Secret>()->data.value(u"token"_s);
    return QByteArray(token.reveal().constData(), token.reveal().size());
}

QJsonObject TestOperations::secretLabels(const QString &ns, const QString &secret)
{
    const ApiResult read = api("GET", u"/api/v1/namespaces/"_s + ns + u"/secrets/"_s + secret);
    return read.ok() ? metadataOf(read.json()).value("labels"_L1).toObject() : QJsonObject {{"error"_L1, true}};
}

CommandResult TestOperations::whoAmIWithKubectl(const QByteArray &token, const QString &file)
{
    const Kubectl kubectl(*m_sim);
    return kubectl.run({u"auth"_s, u"whoami"_s}, kubectl.tokenKubeconfig(file, token));
}

void TestOperations::initTestCase()
{
    m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
    QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
    m_client = clientFor(*m_sim);
    QVERIFY(m_client);
    for (const QString &ns : {u"ops-sa"_s, u"ops-token"_s, u"ops-pull"_s, u"ops-deploy"_s, u"ops-pod"_s, u"ops-rbac"_s})
        createNamespace(ns);
}

void TestOperations::serviceAccountLifecycle()
{
    ServiceAccountSpec spec;
    spec.ns = u"ops-sa"_s;
    spec.name = u"builder"_s;
    spec.labels = {{u"team"_s, u"a"_s}};
    spec.annotations = {{u"example.com/owner"_s, u"alice"_s}};
    spec.automountServiceAccountToken = false;
    spec.imagePullSecrets = {u"registry-a"_s, u"registry-b"_s};
    OperationResult created = finish(ops::createServiceAccount(m_client.get(), spec));
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QCOMPARE(metadataOf(created.object).value("name"_L1).toString(), u"builder"_s);
    QCOMPARE(metadataOf(created.object)[u"labels"][u"team"].toString(), u"a"_s);
    QCOMPARE(metadataOf(created.object)[u"annotations"][u"example.com/owner"].toString(), u"alice"_s);
    QCOMPARE(created.object.value("automountServiceAccountToken"_L1), QJsonValue(false));
    QCOMPARE(pullSecretNames(created.object), QStringList({u"registry-a"_s, u"registry-b"_s}));

    const OperationResult again = finish(ops::createServiceAccount(m_client.get(), spec));
    QVERIFY(!again.ok());
    QCOMPARE(again.error->httpStatus, 409);
    QCOMPARE(again.error->userMessage(), u"serviceaccounts \"builder\" already exists"_s);

    // Automount left unset is not written at all, so that the default applies.
    ServiceAccountSpec plain;
    plain.ns = u"ops-sa"_s;
    plain.name = u"plain"_s;
    created = finish(ops::createServiceAccount(m_client.get(), plain));
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QVERIFY(!created.object.contains("automountServiceAccountToken"_L1));
    QVERIFY(!created.object.contains("imagePullSecrets"_L1));

    const OperationResult deleted = finish(ops::deleteServiceAccount(m_client.get(), u"ops-sa"_s, u"builder"_s));
    QVERIFY2(deleted.ok(), qPrintable(describe(deleted)));
    QCOMPARE(metadataOf(deleted.object).value("name"_L1).toString(), u"builder"_s);
    QVERIFY(notFound(api("GET", u"/api/v1/namespaces/ops-sa/serviceaccounts/builder"_s)));

    const OperationResult gone = finish(ops::deleteServiceAccount(m_client.get(), u"ops-sa"_s, u"builder"_s));
    QVERIFY(!gone.ok());
    QVERIFY(gone.error->isNotFound());
    QCOMPARE(gone.error->userMessage(), u"serviceaccounts \"builder\" not found"_s);
}

void TestOperations::deleteSparesAnObjectMadeAgain_data()
{
    QTest::addColumn<QString>("collection");
    QTest::newRow("service account") << u"serviceaccounts"_s;
    QTest::newRow("secret") << u"secrets"_s;
}

// The dialog showed one object; by the time the user confirms, someone deleted it and made another of that name. The
// delete names the uid it meant, so the server refuses it and the other object stays.
void TestOperations::deleteSparesAnObjectMadeAgain()
{
    QFETCH(QString, collection);
    const QString path = u"/api/v1/namespaces/ops-sa/"_s + collection;
    const QJsonObject object {{"metadata"_L1, QJsonObject {{"name"_L1, "made-again"_L1}}}};
    const ApiResult first = api("POST", path, object);
    QVERIFY(first.ok());
    const QString meant = metadataOf(first.json()).value("uid"_L1).toString();
    QVERIFY(api("DELETE", path + u"/made-again"_s).ok());
    const ApiResult second = api("POST", path, object);
    QVERIFY(second.ok());
    const QString other = metadataOf(second.json()).value("uid"_L1).toString();
    QVERIFY(other != meant);

    const auto remove = [&](const QString &uid) {
        return finish(collection == "secrets"_L1
                          ? ops::deleteSecret(m_client.get(), u"ops-sa"_s, u"made-again"_s, uid)
                          : ops::deleteServiceAccount(m_client.get(), u"ops-sa"_s, u"made-again"_s, uid));
    };
    const OperationResult refused = remove(meant);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error->httpStatus, 409);
    QVERIFY2(refused.error->userMessage().contains(u"does not match the UID in record ("_s + other + u')'),
             qPrintable(refused.error->userMessage()));
    const ApiResult still = api("GET", path + u"/made-again"_s);
    QVERIFY(still.ok());
    QCOMPARE(metadataOf(still.json()).value("uid"_L1).toString(), other);

    QVERIFY(remove(other).ok());
    QVERIFY(notFound(api("GET", path + u"/made-again"_s)));
}

void TestOperations::tokenRequestDurations_data()
{
    QTest::addColumn<qint64>("requested");
    QTest::addColumn<qint64>("expected"); // 0: refused
    QTest::newRow("default options") << TokenRequestOptions().expirationSeconds << qint64(3600);
    QTest::newRow("server's default") << qint64(0) << qint64(3600);
    QTest::newRow("30 minutes") << qint64(1800) << qint64(1800);
    QTest::newRow("599 s") << qint64(599) << qint64(0);
}

void TestOperations::tokenRequestDurations()
{
    QFETCH(qint64, requested);
    QFETCH(qint64, expected);
    static const QJsonObject account = createServiceAccount(u"ops-token"_s, u"durations"_s);
    QVERIFY(!account.isEmpty());

    TokenRequestOptions options;
    options.expirationSeconds = requested;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const OperationResult result = finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"durations"_s, options));
    if (expected == 0) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error->httpStatus, 422);
        QVERIFY2(result.error->userMessage().contains(u"may not specify a duration less than 10 minutes"_s),
                 qPrintable(result.error->userMessage()));
        QVERIFY(!result.get<IssuedToken>());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const IssuedToken *issued = result.get<IssuedToken>();
    QVERIFY(issued);
    QVERIFY(!issued->token.isEmpty());
    // The token lives in the IssuedToken only, not in the object the UI may show.
    QVERIFY(!result.object[u"status"].toObject().contains("token"_L1));
    QVERIFY(qAbs(before.secsTo(issued->expiresAt) - expected) <= 5);

    QString error;
    const std::optional<TokenClaims> claims = TokenClaims::decode(issued->token.reveal(), &error);
    QVERIFY2(claims, qPrintable(error));
    QCOMPARE(claims->subject, u"system:serviceaccount:ops-token:durations"_s);
    QCOMPARE(claims->ns, u"ops-token"_s);
    QCOMPARE(claims->serviceAccountName, u"durations"_s);
    QCOMPARE(claims->serviceAccountUid, metadataOf(account).value("uid"_L1).toString());
    QCOMPARE(claims->issuedAt.secsTo(claims->expiresAt), expected);
    QCOMPARE(claims->expiresAt, issued->expiresAt);
    QVERIFY(!claims->legacy);
}

// A revocable token whose TokenRequest the server refuses: the Secret made for it is deleted again, and the
// server's error is the operation's.
void TestOperations::revocableTokenLeavesNothingWhenRefused()
{
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"revocable"_s).isEmpty());
    const auto secretsMadeForIt = [this] {
        int count = 0;
        for (const QJsonValue &item : api("GET", u"/api/v1/namespaces/ops-token/secrets"_s).json()[u"items"].toArray())
            count += item[u"metadata"][u"name"].toString().startsWith(u"revocable-token-revoke-"_s);
        return count;
    };
    const QJsonObject fault {
        {"errors"_L1,
         QJsonArray {QJsonObject {{"path"_L1, "/serviceaccounts/revocable/token$"_L1}, {"code"_L1, 403}}}}};
    QVERIFY(api("PUT", u"/kube-sim/v1/faults"_s, fault).ok());
    const OperationResult refused =
        finish(ops::requestRevocableToken(m_client.get(), u"ops-token"_s, u"revocable"_s, TokenRequestOptions()));
    QVERIFY(api("DELETE", u"/kube-sim/v1/faults"_s).ok());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error->httpStatus, 403);
    QCOMPARE(secretsMadeForIt(), 0);

    const OperationResult issued =
        finish(ops::requestRevocableToken(m_client.get(), u"ops-token"_s, u"revocable"_s, TokenRequestOptions()));
    QVERIFY2(issued.ok(), qPrintable(describe(issued)));
    QCOMPARE(secretsMadeForIt(), 1);
    QVERIFY(issued.get<IssuedToken>()->revocationSecret.startsWith(u"revocable-token-revoke-"_s));
}

void TestOperations::writeOutcomeChecked_data()
{
    QTest::addColumn<QString>("write"); // create, delete, delete-meant (with the uid of an older object), ...
    QTest::addColumn<bool>("exists"); // whether the object is there when the write fails with 500
    QTest::addColumn<bool>("applied"); // what the check concludes

    QTest::newRow("create, not there") << u"create"_s << false << false;
    QTest::newRow("create, there") << u"create"_s << true << true;
    QTest::newRow("delete, gone") << u"delete"_s << false << true;
    QTest::newRow("delete, still there") << u"delete"_s << true << false;
    QTest::newRow("delete, made again") << u"delete-meant"_s << true << true;
    QTest::newRow("registry secret, not there") << u"registry"_s << false << false;
    QTest::newRow("registry secret, there") << u"registry"_s << true << true;
    QTest::newRow("delete secret, gone") << u"delete-secret"_s << false << true;
    QTest::newRow("delete secret, still there") << u"delete-secret"_s << true << false;
}

// A write answered 500 leaves its outcome open: the operation reads the object and concludes. Applied is success;
// not applied fails with the server's error, marked as checked. A Secret's check never brings its values.
void TestOperations::writeOutcomeChecked()
{
    QFETCH(QString, write);
    QFETCH(bool, exists);
    QFETCH(bool, applied);
    const bool secret = write == "registry"_L1 || write == "delete-secret"_L1;
    const QString name = u"checked-"_s + QString::fromLatin1(QTest::currentDataTag()).remove(u',').replace(u' ', u'-');
    const QString collection = u"/api/v1/namespaces/ops-sa/"_s + (secret ? u"secrets"_s : u"serviceaccounts"_s);
    if (exists) {
        QJsonObject object {{"metadata"_L1, QJsonObject {{"name"_L1, name}}}};
        if (secret)
            object.insert("stringData"_L1, QJsonObject {{"password"_L1, "checked-value"_L1}});
        QVERIFY(api("POST", collection, object).ok());
    }
    const QJsonObject fault {
        {"errors"_L1,
         QJsonArray {QJsonObject {{"path"_L1, QString(u'^' + collection + u"(/" + name + u")?$")},
                                  {"method"_L1, write.startsWith("delete"_L1) ? "DELETE"_L1 : "POST"_L1},
                                  {"code"_L1, 500}}}}};
    QVERIFY(api("PUT", u"/kube-sim/v1/faults"_s, fault).ok());
    Operation *operation = nullptr;
    if (write == "create"_L1)
        operation = ops::createServiceAccount(m_client.get(), ServiceAccountSpec {u"ops-sa"_s, name, {}, {}, {}, {}});
    else if (write == "delete"_L1)
        operation = ops::deleteServiceAccount(m_client.get(), u"ops-sa"_s, name);
    else if (write == "delete-meant"_L1) // the account meant was deleted, and one of its name made again
        operation = ops::deleteServiceAccount(m_client.get(), u"ops-sa"_s, name, u"uid-of-the-one-meant"_s);
    else if (write == "registry"_L1)
        operation = ops::createDockerRegistrySecret(m_client.get(), u"ops-sa"_s, name,
                                                    {u"r.example"_s, u"u"_s, SecretBytes::adopt("p"_ba), {}});
    else
        operation = ops::deleteSecret(m_client.get(), u"ops-sa"_s, name);
    const OperationResult result = finish(operation);
    QVERIFY(api("DELETE", u"/kube-sim/v1/faults"_s).ok());
    if (exists)
        QVERIFY(api("DELETE", collection + u'/' + name).ok());
    if (applied) {
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        if (!write.startsWith("delete"_L1))
            QCOMPARE(metadataOf(result.object).value("name"_L1).toString(), name);
        QVERIFY(!QJsonDocument(result.object).toJson().contains("checked-value"));
        QVERIFY(!result.object.contains("data"_L1));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error->httpStatus, 500);
    QCOMPARE(result.error->concluded, ApiError::WriteOutcome::NotApplied);
    QCOMPARE(result.error->writeOutcome(), ApiError::WriteOutcome::NotApplied);
}

void TestOperations::tokenRequestAudienceAndBinding()
{
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"bound"_s).isEmpty());
    const ApiResult secret = api("POST", u"/api/v1/namespaces/ops-token/secrets"_s,
                                 {{"apiVersion"_L1, "v1"_L1},
                                  {"kind"_L1, "Secret"_L1},
                                  {"metadata"_L1, QJsonObject {{"name"_L1, "anchor"_L1}}}});
    QVERIFY(secret.ok());

    TokenRequestOptions options;
    options.audiences = {u"vault"_s};
    options.boundKind = u"Secret"_s;
    options.boundName = u"anchor"_s;
    options.boundUid = metadataOf(secret.json()).value("uid"_L1).toString();
    const OperationResult result = finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"bound"_s, options));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const std::optional<TokenClaims> claims = TokenClaims::decode(result.get<IssuedToken>()->token.reveal());
    QVERIFY(claims);
    QCOMPARE(claims->audiences, QStringList {u"vault"_s});
    QCOMPARE(claims->boundKind, u"Secret"_s);
    QCOMPARE(claims->boundName, u"anchor"_s);

    options.boundUid = u"not-the-uid"_s;
    const OperationResult stale = finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"bound"_s, options));
    QVERIFY(!stale.ok());
    QVERIFY(stale.error->isConflict());

    const OperationResult missing =
        finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"nobody"_s, TokenRequestOptions()));
    QVERIFY(missing.error && missing.error->isNotFound());
    QCOMPARE(missing.error->userMessage(), u"serviceaccounts \"nobody\" not found"_s);
}

void TestOperations::tokenRequestShortenedWarning()
{
    KubeSimProcess sim({u"--seed"_s, u"empty"_s, u"--service-account-max-token-expiration"_s, u"1h"_s});
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    const std::unique_ptr<KubeClient> client = clientFor(sim);
    QVERIFY(client);
    const OperationResult account =
        finish(ops::createServiceAccount(client.get(), {u"default"_s, u"capped"_s, {}, {}, std::nullopt, {}}));
    QVERIFY2(account.ok(), qPrintable(describe(account)));

    TokenRequestOptions options;
    options.expirationSeconds = 7200;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const OperationResult result = finish(ops::requestToken(client.get(), u"default"_s, u"capped"_s, options));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.warnings, QStringList {u"requested expiration of 7200 seconds shortened to 3600 seconds"_s});
    QVERIFY(result.get<IssuedToken>());
    QVERIFY(qAbs(before.secsTo(result.get<IssuedToken>()->expiresAt) - 3600) <= 5);
}

void TestOperations::whoAmIWithIssuedToken()
{
    const OperationResult admin = finish(ops::whoAmI(m_client.get()));
    QVERIFY2(admin.ok(), qPrintable(describe(admin)));
    QVERIFY(!admin.object.value("username"_L1).toString().isEmpty());
    QVERIFY(!admin.object.value("username"_L1).toString().startsWith("system:serviceaccount:"_L1));

    QVERIFY(!createServiceAccount(u"ops-token"_s, u"caller"_s).isEmpty());
    const OperationResult issued =
        finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"caller"_s, TokenRequestOptions()));
    QVERIFY2(issued.ok(), qPrintable(describe(issued)));
    const std::unique_ptr<KubeClient> asAccount = m_client->withToken(issued.get<IssuedToken>()->token.reveal());
    const OperationResult self = finish(ops::whoAmI(asAccount.get()));
    QVERIFY2(self.ok(), qPrintable(describe(self)));
    QCOMPARE(self.object.value("username"_L1).toString(), u"system:serviceaccount:ops-token:caller"_s);
    const QJsonArray groups = self.object.value("groups"_L1).toArray();
    QVERIFY(groups.contains(u"system:serviceaccounts"_s));
    QVERIFY(groups.contains(u"system:serviceaccounts:ops-token"_s));
    QVERIFY(groups.contains(u"system:authenticated"_s));
}

void TestOperations::tokenSecret()
{
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"legacy"_s).isEmpty());
    const OperationResult result =
        finish(ops::createTokenSecret(m_client.get(), u"ops-token"_s, u"legacy"_s, u"legacy-token"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const Secret *secret = result.get<Secret>();
    QVERIFY(secret);
    QCOMPARE(secret->type, u"kubernetes.io/service-account-token"_s);
    const SecretBytes token = secret->data.value(u"token"_s);
    QVERIFY(!token.isEmpty());
    QCOMPARE(secret->data.value(u"namespace"_s).reveal(), "ops-token"_ba);
    QVERIFY(!result.object.contains("data"_L1));

    const std::optional<TokenClaims> claims = TokenClaims::decode(token.reveal());
    QVERIFY(claims);
    QVERIFY(claims->legacy);
    QCOMPARE(claims->secretName, u"legacy-token"_s);
    QCOMPARE(claims->serviceAccountName, u"legacy"_s);

    const std::unique_ptr<KubeClient> asAccount = m_client->withToken(token.reveal());
    const OperationResult self = finish(ops::whoAmI(asAccount.get()));
    QVERIFY2(self.ok(), qPrintable(describe(self)));
    QCOMPARE(self.object.value("username"_L1).toString(), u"system:serviceaccount:ops-token:legacy"_s);

    // No secret is left behind for an account that does not exist.
    const OperationResult orphan =
        finish(ops::createTokenSecret(m_client.get(), u"ops-token"_s, u"nobody"_s, u"nobody-token"_s));
    QVERIFY(orphan.error && orphan.error->isNotFound());
    QCOMPARE(orphan.error->userMessage(), u"serviceaccounts \"nobody\" not found"_s);
    QVERIFY(notFound(api("GET", u"/api/v1/namespaces/ops-token/secrets/nobody-token"_s)));

    const OperationResult taken =
        finish(ops::createTokenSecret(m_client.get(), u"ops-token"_s, u"legacy"_s, u"legacy-token"_s));
    QVERIFY(taken.error && taken.error->httpStatus == 409);
    QCOMPARE(taken.error->userMessage(), u"secrets \"legacy-token\" already exists"_s);
}

void TestOperations::readSecretValues()
{
    const QByteArray binary("\x00\x01\xfe\xff", 4);
    const ApiResult created = api("POST", u"/api/v1/namespaces/ops-token/secrets"_s,
                                  {{"apiVersion"_L1, "v1"_L1},
                                   {"kind"_L1, "Secret"_L1},
                                   {"metadata"_L1, QJsonObject {{"name"_L1, "values"_L1}}},
                                   {"data"_L1,
                                    QJsonObject {{"user"_L1, QString::fromLatin1("alice"_ba.toBase64())},
                                                 {"blob"_L1, QString::fromLatin1(binary.toBase64())}}},
                                   {"stringData"_L1, QJsonObject {{"note"_L1, u"h\u00e9llo"_s}}}});
    QVERIFY2(created.ok(), qPrintable(created.error ? created.error->userMessage() : QString()));

    const OperationResult result = finish(ops::readSecret(m_client.get(), u"ops-token"_s, u"values"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const Secret *secret = result.get<Secret>();
    QVERIFY(secret);
    QCOMPARE(secret->meta.name, u"values"_s);
    QCOMPARE(secret->type, u"Opaque"_s);
    QCOMPARE(secret->data.keys(), QStringList({u"blob"_s, u"note"_s, u"user"_s}));
    QCOMPARE(secret->data.value(u"user"_s).reveal(), "alice"_ba);
    QCOMPARE(secret->data.value(u"blob"_s).reveal(), binary);
    QCOMPARE(secret->data.value(u"note"_s).revealUtf8(), u"h\u00e9llo"_s);
    QVERIFY(!result.object.contains("data"_L1));

    const OperationResult missing = finish(ops::readSecret(m_client.get(), u"ops-token"_s, u"nothing"_s));
    QVERIFY(missing.error && missing.error->isNotFound());
    QCOMPARE(missing.error->userMessage(), u"secrets \"nothing\" not found"_s);
}

// A name or namespace with "/" or ".." in it (from a kubeconfig, a server object, a user) is one encoded path
// segment: the request addresses exactly that name, which does not exist, never the object the dots would lead to.
void TestOperations::namesStayOnePathSegment()
{
    const auto isNotFound = [](const OperationResult &result) { return result.error && result.error->isNotFound(); };
    const auto secret = [](const QString &name) {
        return QJsonObject {{"apiVersion"_L1, "v1"_L1},
                            {"kind"_L1, "Secret"_L1},
                            {"metadata"_L1, QJsonObject {{"name"_L1, name}}},
                            {"stringData"_L1, QJsonObject {{"key"_L1, "value"_L1}}}};
    };
    QVERIFY(api("POST", u"/api/v1/namespaces/ops-token/secrets"_s, secret(u"b"_s)).ok());
    QVERIFY(api("POST", u"/api/v1/namespaces/ops-sa/secrets"_s, secret(u"elsewhere"_s)).ok());

    const OperationResult byName = finish(ops::readSecret(m_client.get(), u"ops-token"_s, u"a/../b"_s));
    QVERIFY2(isNotFound(byName), qPrintable(describe(byName)));
    QVERIFY(!byName.get<Secret>());
    const OperationResult byNamespace =
        finish(ops::readObject(m_client.get(), ops::objectPath(u"Secret"_s, u"ops-pull/../ops-sa"_s, u"elsewhere"_s)));
    QVERIFY2(isNotFound(byNamespace), qPrintable(describe(byNamespace)));
    const OperationResult slash = finish(ops::readSecret(m_client.get(), u"ops-token/secrets"_s, u"b"_s));
    QVERIFY2(isNotFound(slash), qPrintable(describe(slash)));
    // "." and ".." cannot be sent as a segment at all (URLs drop them, even encoded): refused before sending.
    for (const QString &dots : {u"."_s, u".."_s}) {
        const OperationResult read = finish(ops::readSecret(m_client.get(), u"ops-token"_s, dots));
        QVERIFY2(read.error && read.error->userMessage().contains(u"may not be"_s), qPrintable(describe(read)));
        QVERIFY(read.object.isEmpty());
    }

    const OperationResult deleted = finish(ops::deleteSecret(m_client.get(), u"ops-token"_s, u"x/../b"_s));
    QVERIFY2(isNotFound(deleted), qPrintable(describe(deleted)));
    QVERIFY(api("GET", u"/api/v1/namespaces/ops-token/secrets/b"_s).ok());
    QVERIFY(api("GET", u"/api/v1/namespaces/ops-sa/secrets/elsewhere"_s).ok());
}

// Invalidation as the legacy token cleaner does it, seen by the real kubectl: refused (401) while the label is
// there, accepted again once it is removed; the Secret's values never come back in the operation's answers.
void TestOperations::invalidateAndReenableTokenSecret()
{
    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl is not on PATH");
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"aging"_s).isEmpty());
    QVERIFY2(finish(ops::createTokenSecret(m_client.get(), u"ops-token"_s, u"aging"_s, u"aging-token"_s)).ok(),
             "token secret not created");
    const QByteArray token = tokenOf(u"ops-token"_s, u"aging-token"_s);
    QVERIFY(!token.isEmpty());
    const CommandResult before = whoAmIWithKubectl(token, u"aging-before.kubeconfig"_s);
    QVERIFY2(before.out.contains(u"system:serviceaccount:ops-token:aging"_s), qPrintable(before.err));
    const QString today = QDateTime::currentDateTimeUtc().date().toString(u"yyyy-MM-dd"_s);
    const QString lastUsed =
        secretLabels(u"ops-token"_s, u"aging-token"_s).value("kubernetes.io/legacy-token-last-used"_L1).toString();
    QCOMPARE(lastUsed, today);

    const OperationResult invalidated =
        finish(ops::setTokenSecretInvalidated(m_client.get(), u"ops-token"_s, u"aging-token"_s, true));
    QVERIFY2(invalidated.ok(), qPrintable(describe(invalidated)));
    QCOMPARE(invalidated.object.value("kind"_L1).toString(), u"PartialObjectMetadata"_s);
    QVERIFY(!invalidated.object.contains("data"_L1));
    QCOMPARE(metadataOf(invalidated.object).value("labels"_L1)[u"kubernetes.io/legacy-token-invalid-since"].toString(),
             today);
    QVERIFY(std::holds_alternative<std::monostate>(invalidated.value));
    const CommandResult refused = whoAmIWithKubectl(token, u"aging-refused.kubeconfig"_s);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"You must be logged in to the server (Unauthorized)"_s), qPrintable(refused.err));

    // Again: no write, the first date kept (the cleaner counts the time to deletion from it).
    const QString version = metadataOf(invalidated.object).value("resourceVersion"_L1).toString();
    const OperationResult again =
        finish(ops::setTokenSecretInvalidated(m_client.get(), u"ops-token"_s, u"aging-token"_s, true));
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QCOMPARE(metadataOf(again.object).value("resourceVersion"_L1).toString(), version);

    const OperationResult reenabled =
        finish(ops::setTokenSecretInvalidated(m_client.get(), u"ops-token"_s, u"aging-token"_s, false));
    QVERIFY2(reenabled.ok(), qPrintable(describe(reenabled)));
    QVERIFY(!reenabled.object.contains("data"_L1));
    const QJsonObject labels = secretLabels(u"ops-token"_s, u"aging-token"_s);
    QVERIFY(!labels.contains("kubernetes.io/legacy-token-invalid-since"_L1));
    // The last-used record stays: the cleaner would otherwise take the token for one never used.
    QCOMPARE(labels.value("kubernetes.io/legacy-token-last-used"_L1).toString(), today);
    const CommandResult accepted = whoAmIWithKubectl(token, u"aging-accepted.kubeconfig"_s);
    QVERIFY2(accepted.out.contains(u"system:serviceaccount:ops-token:aging"_s), qPrintable(accepted.err));
    QVERIFY(finish(ops::setTokenSecretInvalidated(m_client.get(), u"ops-token"_s, u"aging-token"_s, false)).ok());
}

void TestOperations::rotateTokenSecret()
{
    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl is not on PATH");
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"rotating"_s).isEmpty());
    QVERIFY(finish(ops::createTokenSecret(m_client.get(), u"ops-token"_s, u"rotating"_s, u"rotating-old"_s)).ok());
    // Listed in the account's secrets, as the token controller of old made them.
    const ApiResult listed = call([] {
        ApiRequest request;
        request.verb = "PATCH";
        request.path = u"/api/v1/namespaces/ops-token/serviceaccounts/rotating"_s;
        request.contentType = "application/merge-patch+json";
        request.body = R"({"secrets":[{"name":"rotating-old"}]})";
        return request;
    }());
    QVERIFY2(listed.ok(), qPrintable(listed.error ? listed.error->userMessage() : QString()));
    const QByteArray oldToken = tokenOf(u"ops-token"_s, u"rotating-old"_s);
    QVERIFY(!oldToken.isEmpty());

    const OperationResult rotated = finish(ops::rotateTokenSecret(m_client.get(), u"ops-token"_s, u"rotating-old"_s));
    QVERIFY2(rotated.ok(), qPrintable(describe(rotated)));
    QVERIFY(std::holds_alternative<std::monostate>(rotated.value));
    QVERIFY(!rotated.object.contains("data"_L1));
    const QString newName = metadataOf(rotated.object).value("name"_L1).toString();
    QVERIFY2(QRegularExpression(u"^rotating-token-[a-z0-9]{5}$"_s).match(newName).hasMatch(), qPrintable(newName));
    const QJsonObject annotations = metadataOf(rotated.object).value("annotations"_L1).toObject();
    QCOMPARE(annotations.value("kubernetes.io/service-account.name"_L1).toString(), u"rotating"_s);
    QCOMPARE(annotations.value("kubernetes.io/description"_L1).toString(), u"Replaces token Secret rotating-old."_s);
    const QByteArray newToken = tokenOf(u"ops-token"_s, newName);
    QVERIFY(!newToken.isEmpty() && newToken != oldToken);
    // Not added to the account's secrets: a listed token counts as auto-generated.
    const QJsonArray references =
        api("GET", u"/api/v1/namespaces/ops-token/serviceaccounts/rotating"_s).json().value("secrets"_L1).toArray();
    QCOMPARE(references, QJsonArray({QJsonObject {{"name"_L1, "rotating-old"_L1}}}));

    const CommandResult works = whoAmIWithKubectl(newToken, u"rotated-new.kubeconfig"_s);
    QVERIFY2(works.out.contains(u"system:serviceaccount:ops-token:rotating"_s), qPrintable(works.err));
    QVERIFY(finish(ops::deleteSecret(m_client.get(), u"ops-token"_s, u"rotating-old"_s)).ok());
    const CommandResult refused = whoAmIWithKubectl(oldToken, u"rotated-old.kubeconfig"_s);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"You must be logged in to the server (Unauthorized)"_s), qPrintable(refused.err));
    QVERIFY(whoAmIWithKubectl(newToken, u"rotated-again.kubeconfig"_s).out.contains(u"ops-token:rotating"_s));
    // The token controller drops the deleted Secret from the account's list.
    QTRY_VERIFY(api("GET", u"/api/v1/namespaces/ops-token/serviceaccounts/rotating"_s)
                    .json()
                    .value("secrets"_L1)
                    .toArray()
                    .isEmpty());
}

// Errors in the server's words or a clear sentence, and nothing changed: a missing Secret, one of another type, a
// caller who may read but not write Secrets.
void TestOperations::tokenSecretLabelsRefused()
{
    const auto secretCount = [this] {
        return api("GET", u"/api/v1/namespaces/ops-token/secrets"_s).json().value("items"_L1).toArray().size();
    };
    const qsizetype secretsBefore = secretCount();
    const OperationResult missing =
        finish(ops::setTokenSecretInvalidated(m_client.get(), u"ops-token"_s, u"no-such"_s, true));
    QVERIFY(missing.error && missing.error->isNotFound());
    QCOMPARE(missing.error->userMessage(), u"secrets \"no-such\" not found"_s);
    const OperationResult rotateMissing = finish(ops::rotateTokenSecret(m_client.get(), u"ops-token"_s, u"no-such"_s));
    QVERIFY(rotateMissing.error && rotateMissing.error->isNotFound());
    QCOMPARE(rotateMissing.error->userMessage(), u"secrets \"no-such\" not found"_s);

    QVERIFY(api("POST", u"/api/v1/namespaces/ops-token/secrets"_s,
                {{"apiVersion"_L1, "v1"_L1},
                 {"kind"_L1, "Secret"_L1},
                 {"metadata"_L1, QJsonObject {{"name"_L1, "plain"_L1}}},
                 {"data"_L1, QJsonObject {{"k"_L1, "dg=="_L1}}}})
                .ok());
    const QString notToken =
        u"Secret ops-token/plain is not a service-account token (its type is not kubernetes.io/service-account-token)."_s;
    for (const bool invalidate : {true, false}) {
        const OperationResult plain =
            finish(ops::setTokenSecretInvalidated(m_client.get(), u"ops-token"_s, u"plain"_s, invalidate));
        QVERIFY(!plain.ok());
        QCOMPARE(plain.error->userMessage(), notToken);
    }
    const OperationResult rotatePlain = finish(ops::rotateTokenSecret(m_client.get(), u"ops-token"_s, u"plain"_s));
    QVERIFY(!rotatePlain.ok());
    QCOMPARE(rotatePlain.error->userMessage(), notToken);
    QVERIFY(secretLabels(u"ops-token"_s, u"plain"_s).isEmpty());

    // A reader of Secrets who may not write them.
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"auditor"_s).isEmpty());
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"guarded"_s).isEmpty());
    QVERIFY(finish(ops::createTokenSecret(m_client.get(), u"ops-token"_s, u"guarded"_s, u"guarded-token"_s)).ok());
    QVERIFY(api("POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/ops-token/roles"_s,
                {{"apiVersion"_L1, "rbac.authorization.k8s.io/v1"_L1},
                 {"kind"_L1, "Role"_L1},
                 {"metadata"_L1, QJsonObject {{"name"_L1, "secret-reader"_L1}}},
                 {"rules"_L1,
                  QJsonArray {QJsonObject {{"apiGroups"_L1, QJsonArray {u""_s}},
                                           {"resources"_L1, QJsonArray {u"secrets"_s, u"serviceaccounts"_s}},
                                           {"verbs"_L1, QJsonArray {u"get"_s, u"list"_s}}}}}})
                .ok());
    QVERIFY(api("POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/ops-token/rolebindings"_s,
                {{"apiVersion"_L1, "rbac.authorization.k8s.io/v1"_L1},
                 {"kind"_L1, "RoleBinding"_L1},
                 {"metadata"_L1, QJsonObject {{"name"_L1, "auditor-reads-secrets"_L1}}},
                 {"roleRef"_L1,
                  QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                               {"kind"_L1, "Role"_L1},
                               {"name"_L1, "secret-reader"_L1}}},
                 {"subjects"_L1,
                  QJsonArray {QJsonObject {
                      {"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, "auditor"_L1}, {"namespace"_L1, "ops-token"_L1}}}}})
                .ok());
    const OperationResult issued =
        finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"auditor"_s, TokenRequestOptions()));
    QVERIFY2(issued.get<IssuedToken>(), qPrintable(describe(issued)));
    const std::unique_ptr<KubeClient> auditor = m_client->withToken(issued.get<IssuedToken>()->token.reveal());
    const qsizetype secretsWithGuarded = secretCount();
    const OperationResult forbidden =
        finish(ops::setTokenSecretInvalidated(auditor.get(), u"ops-token"_s, u"guarded-token"_s, true));
    QVERIFY(forbidden.error);
    QCOMPARE(forbidden.error->httpStatus, 403);
    QCOMPARE(forbidden.error->userMessage(),
             u"secrets \"guarded-token\" is forbidden: User \"system:serviceaccount:ops-token:auditor\" cannot patch "
             "resource \"secrets\" in API group \"\" in the namespace \"ops-token\""_s);
    QVERIFY(!secretLabels(u"ops-token"_s, u"guarded-token"_s).contains("kubernetes.io/legacy-token-invalid-since"_L1));
    const OperationResult rotateForbidden =
        finish(ops::rotateTokenSecret(auditor.get(), u"ops-token"_s, u"guarded-token"_s));
    QVERIFY(rotateForbidden.error);
    QCOMPARE(rotateForbidden.error->httpStatus, 403);
    QCOMPARE(secretCount(), secretsWithGuarded);
    QCOMPARE(secretsWithGuarded, secretsBefore + 2);

    // A Secret deleted and made again between the lookup and the patch is not patched: the uid no longer matches,
    // and the uid is immutable. (Shown here through a merge patch of the shape the operation sends.)
    const QString uid = metadataOf(api("GET", u"/api/v1/namespaces/ops-token/secrets/guarded-token"_s).json())
                            .value("uid"_L1)
                            .toString();
    QVERIFY(!uid.isEmpty());
    ApiRequest stale;
    stale.verb = "PATCH";
    stale.path = u"/api/v1/namespaces/ops-token/secrets/guarded-token"_s;
    stale.contentType = "application/merge-patch+json";
    stale.body = R"({"metadata":{"uid":"00000000-0000-0000-0000-000000000000","labels":{"x":"y"}}})";
    const ApiResult conflict = call(stale);
    QVERIFY(conflict.error);
    QCOMPARE(conflict.error->httpStatus, 422);
    QVERIFY2(conflict.error->userMessage().contains(u"metadata.uid"_s), qPrintable(conflict.error->userMessage()));
    QVERIFY(!secretLabels(u"ops-token"_s, u"guarded-token"_s).contains("x"_L1));
}

// A pod made from the projected-token snippet, as a user would merge it into theirs, is one the API server takes
// (kubectl apply --dry-run=server, validation included), and it no longer names the token Secret.
void TestOperations::projectedTokenPodAccepted()
{
    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl is not on PATH");
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"projected"_s).isEmpty());
    ProjectedTokenRequest request;
    request.ns = u"ops-token"_s;
    request.serviceAccount = u"projected"_s;
    request.secretName = u"projected-token"_s;
    request.volumes = {{u"api-token"_s, {{u"app"_s, u"/var/run/secrets/api"_s}}}};
    request.env = {{u"sidecar"_s, u"TOKEN"_s, u"token"_s}};
    request.audience = u"https://vault.example.com"_s;
    request.accountAnnotations = {{u"azure.workload.identity/client-id"_s, u"3f6c2a1e-8b4d-4e7a-9c15-2d0b7e4f6a81"_s}};
    QJsonObject pod = projectedTokenPodTemplate(request);
    QJsonObject metadata = pod.value("metadata"_L1).toObject();
    metadata.insert("name"_L1, "projected-pod"_L1);
    metadata.insert("namespace"_L1, "ops-token"_L1);
    pod.insert("metadata"_L1, metadata);
    pod.insert("apiVersion"_L1, "v1"_L1);
    pod.insert("kind"_L1, "Pod"_L1);
    QJsonObject spec = pod.value("spec"_L1).toObject();
    QJsonArray containers = spec.value("containers"_L1).toArray();
    for (QJsonValueRef container : containers) {
        QJsonObject object = container.toObject();
        object.insert("image"_L1, "busybox:1.36"_L1);
        container = object;
    }
    spec.insert("containers"_L1, containers);
    pod.insert("spec"_L1, spec);

    const Kubectl kubectl(*m_sim);
    const QString file = kubectl.writeFile(u"projected-pod.yaml"_s, toYaml(pod));
    const CommandResult applied = kubectl.run({u"apply"_s, u"--dry-run=server"_s, u"-o"_s, u"json"_s, u"-f"_s, file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
    const QJsonObject answer = QJsonDocument::fromJson(applied.out.toUtf8()).object();
    QCOMPARE(answer[u"spec"][u"serviceAccountName"].toString(), u"projected"_s);
    QCOMPARE(answer[u"metadata"][u"labels"][u"azure.workload.identity/use"].toString(), u"true"_s);
    bool sawToken = false;
    for (const QJsonValue &volume : answer[u"spec"][u"volumes"].toArray()) {
        QVERIFY(!volume.toObject().contains("secret"_L1));
        if (volume[u"name"].toString() == "api-token"_L1) {
            sawToken = true;
            QCOMPARE(volume[u"projected"][u"sources"][0][u"serviceAccountToken"][u"audience"].toString(),
                     u"https://vault.example.com"_s);
        }
    }
    QVERIFY(sawToken);
    QVERIFY(notFound(api("GET", u"/api/v1/namespaces/ops-token/pods/projected-pod"_s)));

    // The same fragment as a strategic merge patch of a Deployment's pod template that mounts the Secret: the volume
    // keeps its name and loses the Secret.
    const QJsonObject deployment = createDeployment(u"ops-token"_s, u"projected-app"_s, u"projected-app"_s, 1);
    QVERIFY(!deployment.isEmpty());
    const QString mounted =
        u"{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"volumeMounts\":"
        "[{\"name\":\"api-token\",\"mountPath\":\"/var/run/secrets/api\"}]}],\"volumes\":[{\"name\":"
        "\"api-token\",\"secret\":{\"secretName\":\"projected-token\"}}]}}}}"_s;
    QCOMPARE(kubectl.run({u"patch"_s, u"deployment"_s, u"projected-app"_s, u"-n"_s, u"ops-token"_s, u"-p"_s, mounted})
                 .exitCode,
             0);
    ProjectedTokenRequest forApp = request;
    forApp.volumes = {{u"api-token"_s, {{u"app"_s, u"/var/run/secrets/api"_s}}}};
    forApp.env.clear();
    const QString patchFile = kubectl.writeFile(
        u"projected-patch.yaml"_s,
        toYaml(QJsonObject {{"spec"_L1, QJsonObject {{"template"_L1, projectedTokenPodTemplate(forApp)}}}}));
    const CommandResult patched = kubectl.run({u"patch"_s, u"deployment"_s, u"projected-app"_s, u"-n"_s, u"ops-token"_s,
                                               u"--patch-file"_s, patchFile, u"-o"_s, u"json"_s});
    QVERIFY2(patched.exitCode == 0, qPrintable(patched.err));
    const QJsonObject podSpec =
        QJsonDocument::fromJson(patched.out.toUtf8()).object()[u"spec"][u"template"][u"spec"].toObject();
    const QJsonArray patchedVolumes = podSpec.value("volumes"_L1).toArray();
    QCOMPARE(patchedVolumes.size(), 1);
    QCOMPARE(patchedVolumes[0][u"name"].toString(), u"api-token"_s);
    QVERIFY(!patchedVolumes[0].toObject().contains("secret"_L1));
    QVERIFY(patchedVolumes[0][u"projected"][u"sources"][0].toObject().contains("serviceAccountToken"_L1));
    QCOMPARE(podSpec.value("serviceAccountName"_L1).toString(), u"projected"_s);
    QCOMPARE(podSpec[u"containers"][0][u"image"].toString(), u"nginx:1.27"_s);
    QCOMPARE(podSpec[u"containers"][0][u"volumeMounts"].toArray().size(), 1);
}

void TestOperations::dockerRegistrySecretAsKubectl_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("with email") << u"https://registry.example.com/v1/"_s << u"bob@example.com"_s
                                << QByteArray("s3cr\"t<&>\\pa:ss");
    QTest::newRow("no email") << u"registry.local:5000"_s << QString() << QByteArray("plain");
}

void TestOperations::dockerRegistrySecretAsKubectl()
{
    QFETCH(QString, server);
    QFETCH(QString, email);
    QFETCH(QByteArray, password);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');

    DockerRegistryCredentials credentials {server, u"bob"_s, SecretBytes(password), email};
    const OperationResult created =
        finish(ops::createDockerRegistrySecret(m_client.get(), u"ops-pull"_s, u"ours-"_s + tag, credentials));
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QCOMPARE(created.object.value("type"_L1).toString(), u"kubernetes.io/dockerconfigjson"_s);
    QVERIFY(!created.object.contains("data"_L1));
    const OperationResult ours = finish(ops::readSecret(m_client.get(), u"ops-pull"_s, u"ours-"_s + tag));
    QVERIFY2(ours.ok(), qPrintable(describe(ours)));
    // Kept as SecretBytes: a QByteArray taken from a temporary one's reveal() is wiped with it.
    const SecretBytes stored = ours.get<Secret>()->data.value(u".dockerconfigjson"_s);
    const QByteArray &config = stored.reveal();
    const QJsonObject entry = QJsonDocument::fromJson(config)[u"auths"][server].toObject();
    QCOMPARE(entry.value("username"_L1).toString(), u"bob"_s);
    QCOMPARE(entry.value("password"_L1).toString().toUtf8(), password);
    QCOMPARE(entry.value("auth"_L1).toString().toLatin1(), QByteArray("bob:" + password).toBase64());
    QCOMPARE(entry.contains("email"_L1), !email.isEmpty());

    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl is not on PATH: byte-for-byte comparison skipped");
    const Kubectl kubectl(*m_sim);
    QStringList arguments {u"create"_s,
                           u"secret"_s,
                           u"docker-registry"_s,
                           u"kubectl-"_s + tag,
                           u"-n"_s,
                           u"ops-pull"_s,
                           u"--docker-server="_s + server,
                           u"--docker-username=bob"_s,
                           u"--docker-password="_s + QString::fromUtf8(password)};
    if (!email.isEmpty())
        arguments.append(u"--docker-email="_s + email);
    const CommandResult run = kubectl.run(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const OperationResult theirs = finish(ops::readSecret(m_client.get(), u"ops-pull"_s, u"kubectl-"_s + tag));
    QVERIFY2(theirs.ok(), qPrintable(describe(theirs)));
    QCOMPARE(config, theirs.get<Secret>()->data.value(u".dockerconfigjson"_s).reveal());

    credentials.password = SecretBytes();
    const OperationResult incomplete =
        finish(ops::createDockerRegistrySecret(m_client.get(), u"ops-pull"_s, u"incomplete"_s, credentials));
    QVERIFY(!incomplete.ok());
    QVERIFY(incomplete.error->userMessage().contains(u"password"_s));
    QVERIFY(notFound(api("GET", u"/api/v1/namespaces/ops-pull/secrets/incomplete"_s)));
}

void TestOperations::pullSecretsWithoutNeedlessWrites()
{
    const QJsonObject account = createServiceAccount(u"ops-pull"_s, u"quiet"_s);
    QVERIFY(!account.isEmpty());
    const auto resourceVersion = [](const OperationResult &result) {
        return metadataOf(result.object).value("resourceVersion"_L1).toString();
    };

    OperationResult result = finish(ops::attachPullSecret(m_client.get(), u"ops-pull"_s, u"quiet"_s, u"one"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(pullSecretNames(result.object), QStringList {u"one"_s});
    const QString written = resourceVersion(result);
    QVERIFY(written != metadataOf(account).value("resourceVersion"_L1).toString());

    // Already there, already gone: success without a write.
    result = finish(ops::attachPullSecret(m_client.get(), u"ops-pull"_s, u"quiet"_s, u"one"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(resourceVersion(result), written);
    result = finish(ops::detachPullSecret(m_client.get(), u"ops-pull"_s, u"quiet"_s, u"other"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(resourceVersion(result), written);

    result = finish(ops::attachPullSecret(m_client.get(), u"ops-pull"_s, u"quiet"_s, u"two"_s));
    QCOMPARE(pullSecretNames(result.object), QStringList({u"one"_s, u"two"_s}));
    result = finish(ops::detachPullSecret(m_client.get(), u"ops-pull"_s, u"quiet"_s, u"one"_s));
    QCOMPARE(pullSecretNames(result.object), QStringList {u"two"_s});
    // The last one removed takes the list with it.
    result = finish(ops::detachPullSecret(m_client.get(), u"ops-pull"_s, u"quiet"_s, u"two"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(!result.object.contains("imagePullSecrets"_L1));

    result = finish(ops::attachPullSecret(m_client.get(), u"ops-pull"_s, u"nobody"_s, u"one"_s));
    QVERIFY(result.error && result.error->isNotFound());
}

void TestOperations::concurrentPullSecretsLoseNothing()
{
    QVERIFY(!createServiceAccount(u"ops-pull"_s, u"shared"_s, {u"keep-me"_s}).isEmpty());
    const std::unique_ptr<KubeClient> second = clientFor(*m_sim);
    QVERIFY(second);
    QStringList names;
    for (int i = 0; i < 100; ++i)
        names.append(u"registry-"_s + QString::number(i));

    for (const bool attach : {true, false}) {
        int succeeded = 0;
        QStringList failures;
        for (int i = 0; i < names.size(); ++i) {
            KubeClient *client = i % 2 == 0 ? m_client.get() : second.get();
            Operation *operation = attach ? ops::attachPullSecret(client, u"ops-pull"_s, u"shared"_s, names.at(i))
                                          : ops::detachPullSecret(client, u"ops-pull"_s, u"shared"_s, names.at(i));
            connect(operation, &Operation::finished, this, [&](const OperationResult &result) {
                if (result.ok())
                    ++succeeded;
                else
                    failures.append(result.error->userMessage());
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(succeeded + failures.size(), 100, 120000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

        const QJsonObject account = api("GET", u"/api/v1/namespaces/ops-pull/serviceaccounts/shared"_s).json();
        const QStringList present = pullSecretNames(account);
        QCOMPARE(present.size(), QSet<QString>(present.begin(), present.end()).size());
        QStringList expected {u"keep-me"_s};
        if (attach)
            expected += names;
        QCOMPARE(QSet<QString>(present.begin(), present.end()), QSet<QString>(expected.begin(), expected.end()));
        QCOMPARE(present.first(), u"keep-me"_s);
    }
}

void TestOperations::deploymentServiceAccountRollsOut()
{
    QVERIFY(!createServiceAccount(u"ops-deploy"_s, u"runner"_s).isEmpty());
    QVERIFY(!createDeployment(u"ops-deploy"_s, u"web"_s, u"web"_s, 2).isEmpty());
    QTRY_COMPARE(podCount(u"ops-deploy"_s, u"app=web"_s), 2);

    Operation *operation =
        ops::setWorkloadServiceAccount(m_client.get(), u"Deployment"_s, u"ops-deploy"_s, u"web"_s, u"runner"_s);
    QSignalSpy progress(operation, &Operation::progress);
    const OperationResult result = finish(operation, 60000);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().first().toString(), u"deployment \"web\" successfully rolled out"_s);
    QCOMPARE(result.object[u"spec"][u"template"][u"spec"][u"serviceAccountName"].toString(), u"runner"_s);

    // Old pods go as the rollout completes; every pod left runs as the new account.
    const auto allRunAsRunner = [this] {
        const std::optional<QJsonArray> pods = podsWithLabel(u"ops-deploy"_s, u"app=web"_s);
        return pods && pods->size() == 2 && std::all_of(pods->begin(), pods->end(), [](const QJsonValue &pod) {
                   return pod[u"spec"][u"serviceAccountName"].toString() == "runner"_L1;
               });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allRunAsRunner(), 30000);

    const OperationResult missing = finish(
        ops::setWorkloadServiceAccount(m_client.get(), u"Deployment"_s, u"ops-deploy"_s, u"nothing"_s, u"runner"_s));
    QVERIFY(missing.error && missing.error->isNotFound());
    QCOMPARE(missing.error->userMessage(), u"deployments.apps \"nothing\" not found"_s);
}

void TestOperations::statefulAndDaemonSetsRollOut()
{
    QVERIFY(!createServiceAccount(u"ops-deploy"_s, u"set-runner"_s).isEmpty());
    QVERIFY(!createWorkload(u"StatefulSet"_s, u"ops-deploy"_s, u"db"_s, u"db"_s, {{"replicas"_L1, 2}}).isEmpty());
    QVERIFY(!createWorkload(u"DaemonSet"_s, u"ops-deploy"_s, u"agent"_s, u"agent"_s, {}).isEmpty());
    QTRY_COMPARE(podCount(u"ops-deploy"_s, u"app=db"_s), 2);
    QTRY_COMPARE(podCount(u"ops-deploy"_s, u"app=agent"_s), 1); // one node
    const auto allRunAs = [this](const QString &selector, qsizetype count) {
        const std::optional<QJsonArray> pods = podsWithLabel(u"ops-deploy"_s, selector);
        return pods && pods->size() == count && std::all_of(pods->begin(), pods->end(), [](const QJsonValue &pod) {
                   return pod[u"spec"][u"serviceAccountName"].toString() == "set-runner"_L1;
               });
    };
    const struct
    {
        QString kind, name, selector;
        qsizetype pods;
        QString done;
    } sets[] {{u"StatefulSet"_s, u"db"_s, u"app=db"_s, 2,
               u"partitioned roll out complete: 2 new pods have been updated..."_s},
              {u"DaemonSet"_s, u"agent"_s, u"app=agent"_s, 1, u"daemon set \"agent\" successfully rolled out"_s}};
    for (const auto &set : sets) {
        Operation *operation =
            ops::setWorkloadServiceAccount(m_client.get(), set.kind, u"ops-deploy"_s, set.name, u"set-runner"_s);
        QSignalSpy progress(operation, &Operation::progress);
        const OperationResult result = finish(operation, 60000);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(progress.last().first().toString(), set.done);
        QVERIFY(result.warnings.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(allRunAs(set.selector, set.pods), 30000);
    }

    // OnDelete: the template changes, the running pod does not, and the operation says so rather than wait.
    QVERIFY(!createWorkload(u"StatefulSet"_s, u"ops-deploy"_s, u"legacy"_s, u"legacy"_s,
                            {{"updateStrategy"_L1, QJsonObject {{"type"_L1, "OnDelete"_L1}}}})
                 .isEmpty());
    QTRY_COMPARE(podCount(u"ops-deploy"_s, u"app=legacy"_s), 1);
    const OperationResult onDelete = finish(ops::setWorkloadServiceAccount(
        m_client.get(), u"StatefulSet"_s, u"ops-deploy"_s, u"legacy"_s, u"set-runner"_s));
    QVERIFY2(onDelete.ok(), qPrintable(describe(onDelete)));
    QCOMPARE(onDelete.warnings.size(), 1);
    QVERIFY2(onDelete.warnings.first().contains(u"only when they are deleted"_s),
             qPrintable(onDelete.warnings.first()));
    const std::optional<QJsonArray> legacyPods = podsWithLabel(u"ops-deploy"_s, u"app=legacy"_s);
    QVERIFY(legacyPods && legacyPods->size() == 1);
    QCOMPARE(legacyPods->first()[u"spec"][u"serviceAccountName"].toString(), u"default"_s);

    const OperationResult notAWorkload =
        finish(ops::setWorkloadServiceAccount(m_client.get(), u"Job"_s, u"ops-deploy"_s, u"x"_s, u"set-runner"_s));
    QVERIFY(!notAWorkload.ok());
}

void TestOperations::deploymentRolloutTimesOut()
{
    QVERIFY(!createDeployment(u"ops-deploy"_s, u"stuck"_s, u"stuck"_s, 1).isEmpty());
    QVERIFY(!createServiceAccount(u"ops-deploy"_s, u"later"_s).isEmpty());
    // With the controllers down nothing rolls, and the operation gives up after its time.
    QVERIFY(api("PUT", u"/kube-sim/v1/faults"_s, QJsonObject {{"controllersPaused"_L1, true}}).ok());
    Operation *operation =
        ops::setWorkloadServiceAccount(m_client.get(), u"Deployment"_s, u"ops-deploy"_s, u"stuck"_s, u"later"_s, 3000);
    QSignalSpy progress(operation, &Operation::progress);
    const OperationResult result = finish(operation, 30000);
    QVERIFY(api("DELETE", u"/kube-sim/v1/faults"_s).ok());
    QVERIFY(!result.ok());
    QVERIFY2(result.error->userMessage().startsWith(u"The rollout did not finish within 3 s: "_s),
             qPrintable(result.error->userMessage()));
    QVERIFY(!progress.isEmpty());
    QVERIFY(result.error->userMessage().endsWith(progress.last().first().toString()));
}

void TestOperations::deploymentRolloutRefused()
{
    // Pods of an account that does not exist are refused: said at once, with the server's reason, rather than
    // after the progress deadline.
    QVERIFY(!createDeployment(u"ops-deploy"_s, u"refused"_s, u"refused"_s, 1).isEmpty());
    QTRY_COMPARE(podCount(u"ops-deploy"_s, u"app=refused"_s), 1);
    QElapsedTimer timer;
    timer.start();
    const OperationResult result =
        finish(ops::setWorkloadServiceAccount(m_client.get(), u"Deployment"_s, u"ops-deploy"_s, u"refused"_s,
                                              u"ghost"_s, 60000),
               30000);
    QVERIFY(!result.ok());
    QVERIFY2(result.error->userMessage().startsWith(u"The new pods of deployment \"refused\" are refused: "_s),
             qPrintable(result.error->userMessage()));
    QVERIFY2(result.error->userMessage().contains(u"serviceaccount \"ghost\" not found"_s),
             qPrintable(result.error->userMessage()));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void TestOperations::recreateBarePod()
{
    QVERIFY(!createServiceAccount(u"ops-pod"_s, u"new-sa"_s).isEmpty());
    const QJsonObject pod {
        {"apiVersion"_L1, "v1"_L1},
        {"kind"_L1, "Pod"_L1},
        {"metadata"_L1,
         QJsonObject {{"name"_L1, "bare"_L1},
                      {"labels"_L1, QJsonObject {{"role"_L1, "tool"_L1}}},
                      {"annotations"_L1, QJsonObject {{"example.com/note"_L1, "kept"_L1}}}}},
        {"spec"_L1,
         QJsonObject {
             {"containers"_L1, QJsonArray {QJsonObject {{"name"_L1, "app"_L1}, {"image"_L1, "busybox:1.36"_L1}}}}}}};
    const ApiResult created = api("POST", u"/api/v1/namespaces/ops-pod/pods"_s, pod);
    QVERIFY(created.ok());
    const QString oldUid = metadataOf(created.json()).value("uid"_L1).toString();
    QCOMPARE(created.json()[u"spec"][u"serviceAccountName"].toString(), u"default"_s);

    const OperationResult result =
        finish(ops::recreatePodWithServiceAccount(m_client.get(), u"ops-pod"_s, u"bare"_s, u"new-sa"_s));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const QJsonObject now = api("GET", u"/api/v1/namespaces/ops-pod/pods/bare"_s).json();
    QCOMPARE(now[u"spec"][u"serviceAccountName"].toString(), u"new-sa"_s);
    QVERIFY(metadataOf(now).value("uid"_L1).toString() != oldUid);
    QCOMPARE(metadataOf(now)[u"labels"][u"role"].toString(), u"tool"_s);
    QCOMPARE(metadataOf(now)[u"annotations"][u"example.com/note"].toString(), u"kept"_s);
    // One token volume, the new account's (admission adds it again), and no second mount.
    const QJsonArray volumes = now[u"spec"][u"volumes"].toArray();
    QCOMPARE(volumes.size(), 1);
    QVERIFY(volumes.first()[u"name"].toString().startsWith("kube-api-access-"_L1));
    QCOMPARE(now[u"spec"][u"containers"][0][u"volumeMounts"].toArray().size(), 1);

    // Already running as that account: nothing to do.
    const OperationResult same =
        finish(ops::recreatePodWithServiceAccount(m_client.get(), u"ops-pod"_s, u"bare"_s, u"new-sa"_s));
    QVERIFY2(same.ok(), qPrintable(describe(same)));
    QCOMPARE(metadataOf(api("GET", u"/api/v1/namespaces/ops-pod/pods/bare"_s).json()).value("uid"_L1),
             metadataOf(now).value("uid"_L1));
}

void TestOperations::recreateRefusesControlledPod()
{
    QVERIFY(!createDeployment(u"ops-pod"_s, u"owned"_s, u"owned"_s, 1).isEmpty());
    QTRY_COMPARE(podCount(u"ops-pod"_s, u"app=owned"_s), 1);
    const std::optional<QJsonArray> pods = podsWithLabel(u"ops-pod"_s, u"app=owned"_s);
    QVERIFY(pods && pods->size() == 1);
    const QJsonObject pod = pods->first().toObject();
    const QString name = metadataOf(pod).value("name"_L1).toString();

    const OperationResult result =
        finish(ops::recreatePodWithServiceAccount(m_client.get(), u"ops-pod"_s, name, u"new-sa"_s));
    QVERIFY(!result.ok());
    QVERIFY2(result.error->userMessage().contains(u"is managed by ReplicaSet"_s), qPrintable(describe(result)));
    QVERIFY(result.error->userMessage().contains(u"Deployment"_s));
    const ApiResult still = api("GET", u"/api/v1/namespaces/ops-pod/pods/"_s + name);
    QVERIFY(still.ok());
    QCOMPARE(metadataOf(still.json()).value("uid"_L1), metadataOf(pod).value("uid"_L1));
}

void TestOperations::recreatePutsOriginalBack()
{
    const ApiResult created =
        api("POST", u"/api/v1/namespaces/ops-pod/pods"_s,
            {{"apiVersion"_L1, "v1"_L1},
             {"kind"_L1, "Pod"_L1},
             {"metadata"_L1, QJsonObject {{"name"_L1, "fragile"_L1}}},
             {"spec"_L1,
              QJsonObject {
                  {"containers"_L1, QJsonArray {QJsonObject {{"name"_L1, "app"_L1}, {"image"_L1, "busybox"_L1}}}}}}});
    QVERIFY(created.ok());

    // The ServiceAccount admission plugin refuses a pod of an account that does not exist.
    const OperationResult result =
        finish(ops::recreatePodWithServiceAccount(m_client.get(), u"ops-pod"_s, u"fragile"_s, u"ghost"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error->httpStatus, 403);
    QVERIFY2(result.error->userMessage().contains(u"serviceaccount \"ghost\" not found"_s),
             qPrintable(describe(result)));
    QVERIFY(result.error->userMessage().endsWith(u"The original pod was created again."_s));
    const ApiResult back = api("GET", u"/api/v1/namespaces/ops-pod/pods/fragile"_s);
    QVERIFY(back.ok());
    QCOMPARE(back.json()[u"spec"][u"serviceAccountName"].toString(), u"default"_s);
}

void TestOperations::automountRoundTrip()
{
    QVERIFY(!createServiceAccount(u"ops-sa"_s, u"mounts"_s).isEmpty());
    const QString path = u"/api/v1/namespaces/ops-sa/serviceaccounts/mounts"_s;
    for (const std::optional<bool> value :
         {std::optional<bool>(true), std::optional<bool>(false), std::optional<bool>(), std::optional<bool>(false)}) {
        const OperationResult result =
            finish(ops::setAutomountServiceAccountToken(m_client.get(), u"ops-sa"_s, u"mounts"_s, value));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const std::optional<ServiceAccount> account = ServiceAccount::fromJson(api("GET", path).json());
        QVERIFY(account);
        QCOMPARE(account->automountServiceAccountToken, value);
        QCOMPARE(ServiceAccount::fromJson(result.object)->automountServiceAccountToken, value);
    }
}

// Only the named annotations change (null removes one): what another writer added meanwhile stays.
void TestOperations::annotationsMergeKeepsOthers()
{
    QVERIFY(!createServiceAccount(u"ops-sa"_s, u"annotated"_s).isEmpty());
    const QString path = u"/api/v1/namespaces/ops-sa/serviceaccounts/annotated"_s;
    const auto annotations = [&] { return ServiceAccount::fromJson(api("GET", path).json())->meta.annotations; };
    using Changes = QMap<QString, std::optional<QString>>;
    OperationResult result =
        finish(ops::setAnnotations(m_client.get(), u"ops-sa"_s, u"annotated"_s,
                                   Changes {{u"eks.amazonaws.com/role-arn"_s, u"arn:aws:iam::123456789012:role/a"_s},
                                            {u"eks.amazonaws.com/audience"_s, u"sts.amazonaws.com"_s}}));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    ApiRequest other; // another writer, between our two changes
    other.verb = "PATCH";
    other.path = path;
    other.body = R"({"metadata":{"annotations":{"owner":"bob"}}})";
    other.contentType = "application/merge-patch+json";
    QVERIFY(call(other).ok());
    result = finish(ops::setAnnotations(m_client.get(), u"ops-sa"_s, u"annotated"_s,
                                        Changes {{u"eks.amazonaws.com/audience"_s, std::nullopt},
                                                 {u"iam.gke.io/gcp-service-account"_s, std::nullopt}}));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const QMap<QString, QString> expected {{u"eks.amazonaws.com/role-arn"_s, u"arn:aws:iam::123456789012:role/a"_s},
                                           {u"owner"_s, u"bob"_s}};
    QCOMPARE(annotations(), expected);
    QCOMPARE(ServiceAccount::fromJson(result.object)->meta.annotations, expected);
    // Nothing to change: no request, success.
    QVERIFY(finish(ops::setAnnotations(m_client.get(), u"ops-sa"_s, u"gone"_s, {})).ok());
    const OperationResult missing =
        finish(ops::setAnnotations(m_client.get(), u"ops-sa"_s, u"gone"_s, Changes {{u"owner"_s, u"x"_s}}));
    QVERIFY(!missing.ok() && missing.error->isNotFound());
}

void TestOperations::rulesAndAccessReviews()
{
    const auto can = [this](const QString &verb, const QString &resource) {
        const OperationResult result = finish(ops::canServiceAccount(m_client.get(), u"ops-rbac"_s, u"default"_s, verb,
                                                                     QString(), resource, u"ops-rbac"_s));
        if (!result.ok())
            qWarning() << "SubjectAccessReview failed:" << describe(result);
        return result.ok() && result.object.value("allowed"_L1).toBool();
    };
    const auto listsPods = [this] {
        const OperationResult result = finish(ops::rulesForServiceAccount(m_client.get(), u"ops-rbac"_s, u"default"_s));
        if (!result.ok())
            qWarning() << "SelfSubjectRulesReview failed:" << describe(result);
        const QJsonArray rules = result.object.value("resourceRules"_L1).toArray();
        return std::any_of(rules.begin(), rules.end(), [](const QJsonValue &rule) {
            const QJsonArray verbs = rule[u"verbs"].toArray();
            return rule[u"resources"].toArray().contains(u"pods"_s)
                && (verbs.contains(u"list"_s) || verbs.contains(u"*"_s));
        });
    };

    const OperationResult rules = finish(ops::rulesForServiceAccount(m_client.get(), u"ops-rbac"_s, u"default"_s));
    QVERIFY2(rules.ok(), qPrintable(describe(rules)));
    QVERIFY(rules.object.contains("resourceRules"_L1));
    QVERIFY(!listsPods());
    QVERIFY(!can(u"list"_s, u"secrets"_s));
    QVERIFY(!can(u"list"_s, u"pods"_s));

    const ApiResult binding = api(
        "POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/ops-rbac/rolebindings"_s,
        {{"apiVersion"_L1, "rbac.authorization.k8s.io/v1"_L1},
         {"kind"_L1, "RoleBinding"_L1},
         {"metadata"_L1, QJsonObject {{"name"_L1, "default-view"_L1}}},
         {"roleRef"_L1,
          QJsonObject {
              {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, "ClusterRole"_L1}, {"name"_L1, "view"_L1}}},
         {"subjects"_L1,
          QJsonArray {QJsonObject {
              {"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, "default"_L1}, {"namespace"_L1, "ops-rbac"_L1}}}}});
    QVERIFY2(binding.ok(), qPrintable(binding.error ? binding.error->userMessage() : QString()));
    QTRY_VERIFY(can(u"list"_s, u"pods"_s));
    QVERIFY(listsPods());
    // view leaves secrets out.
    QVERIFY(!can(u"list"_s, u"secrets"_s));
    QVERIFY(!can(u"delete"_s, u"pods"_s));
}

void TestOperations::kubeconfigWorksWithKubectl()
{
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"kubeconfig-user"_s).isEmpty());
    const OperationResult issued =
        finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"kubeconfig-user"_s, TokenRequestOptions()));
    QVERIFY2(issued.ok(), qPrintable(describe(issued)));
    // Held as the SecretBytes it comes as: a copy of reveal() is wiped with it.
    const SecretBytes kubeconfig = serviceAccountKubeconfig(m_client->context(), u"ops-token"_s, u"kubeconfig-user"_s,
                                                            issued.get<IssuedToken>()->token);
    const QByteArray &yaml = kubeconfig.reveal();

    // Our own loader reads back what kubectl will.
    const KubeconfigLoadResult parsed = KubeconfigLoader::parse(yaml, u"generated"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QString error;
    const std::optional<ResolvedContext> context = resolveContext(*parsed.config, {}, {}, &error);
    QVERIFY2(context, qPrintable(error));
    QCOMPARE(context->ns, u"ops-token"_s);
    QCOMPARE(context->user.token.toUtf8(), issued.get<IssuedToken>()->token.reveal());
    QCOMPARE(context->cluster.server, m_client->context().cluster.server);

    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl is not on PATH");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString file = home.filePath(u"sa.kubeconfig"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(yaml), yaml.size());
    out.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.remove(u"KUBECONFIG"_s);
    const CommandResult whoami =
        runCommand(Kubectl::executable(), {u"--kubeconfig"_s, file, u"auth"_s, u"whoami"_s}, environment);
    QVERIFY2(whoami.exitCode == 0, qPrintable(whoami.err));
    QVERIFY2(whoami.out.contains(u"system:serviceaccount:ops-token:kubeconfig-user"_s), qPrintable(whoami.out));
    // The context's namespace is the account's.
    const CommandResult view = runCommand(Kubectl::executable(),
                                          {u"--kubeconfig"_s, file, u"config"_s, u"view"_s, u"--minify"_s, u"-o"_s,
                                           u"jsonpath={.contexts[0].context.namespace}"_s},
                                          environment);
    QCOMPARE(view.out, u"ops-token"_s);
}

void TestOperations::kubeconfigQuotesValues()
{
    ResolvedContext context;
    context.cluster.name = u"prod: \"east\" #1"_s;
    context.cluster.server = u"https://10.0.0.1:6443/k8s/clusters/c-1"_s;
    context.cluster.certificateAuthorityData = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"_ba;
    context.cluster.tlsServerName = u"kubernetes\\default"_s;
    context.cluster.insecureSkipTlsVerify = true;
    context.cluster.proxyUrl = u"http://admin:pr0xy-pass@proxy.example:3128"_s;
    const SecretBytes kubeconfig =
        serviceAccountKubeconfig(context, u"team-a"_s, u"ci\ttool"_s, SecretBytes("abc.def-ghi"_ba));
    const QByteArray &yaml = kubeconfig.reveal();
    const KubeconfigLoadResult parsed = KubeconfigLoader::parse(yaml, u"generated"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error + u"\n"_s + QString::fromUtf8(yaml)));
    QString error;
    const std::optional<ResolvedContext> resolved = resolveContext(*parsed.config, {}, {}, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->cluster.name, context.cluster.name);
    QCOMPARE(resolved->cluster.server, context.cluster.server);
    QCOMPARE(resolved->cluster.certificateAuthorityData, context.cluster.certificateAuthorityData);
    QCOMPARE(resolved->cluster.tlsServerName, context.cluster.tlsServerName);
    QVERIFY(resolved->cluster.insecureSkipTlsVerify);
    // The admin's proxy password is not handed on with the account's token; the caveats say both.
    QCOMPARE(resolved->cluster.proxyUrl, u"http://proxy.example:3128"_s);
    QVERIFY(!yaml.contains("pr0xy-pass"));
    QCOMPARE(exportCaveats(context).size(), 2);
    QVERIFY(exportCaveats(context).first().contains(u"insecure-skip-tls-verify"_s));
    QCOMPARE(resolved->user.name, u"ci\ttool"_s);
    QCOMPARE(resolved->user.token, u"abc.def-ghi"_s);
    QCOMPARE(resolved->ns, u"team-a"_s);
}

void TestOperations::curlCommandWorks()
{
    QVERIFY(!createServiceAccount(u"ops-token"_s, u"curl-user"_s).isEmpty());
    const OperationResult issued =
        finish(ops::requestToken(m_client.get(), u"ops-token"_s, u"curl-user"_s, TokenRequestOptions()));
    QVERIFY2(issued.ok(), qPrintable(describe(issued)));
    ResolvedContext context = m_client->context();
    QVERIFY(!context.cluster.certificateAuthorityData.isEmpty() || !context.cluster.certificateAuthority.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString caFile = dir.filePath(u"ca.crt"_s);
    if (context.cluster.certificateAuthorityData.isEmpty()) {
        QVERIFY(QFile::copy(context.cluster.certificateAuthority, caFile));
        QFile ca(caFile);
        QVERIFY(ca.open(QIODevice::ReadOnly));
        context.cluster.certificateAuthorityData = ca.readAll();
        context.cluster.certificateAuthority.clear();
    } else {
        QFile ca(caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(context.cluster.certificateAuthorityData);
    }
    // The server's certificate also names "kubernetes", which does not resolve here: only --connect-to gets there.
    ResolvedContext byName = context;
    byName.cluster.tlsServerName = u"kubernetes"_s;
    ResolvedContext withFile = context;
    withFile.cluster.certificateAuthorityData.clear();
    withFile.cluster.certificateAuthority = caFile;

    const auto run = [](const ResolvedContext &target, const SecretBytes &token) {
        const QString command = QString::fromUtf8(curlCommand(target, token).reveal());
        return runCommand(u"bash"_s, {u"-c"_s, command + u" --silent --show-error --fail"_s},
                          QProcessEnvironment::systemEnvironment(), 20000);
    };
    for (const ResolvedContext &target : {context, byName, withFile}) {
        const CommandResult result = run(target, issued.get<IssuedToken>()->token);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(u"APIVersions"_s), qPrintable(result.out));
    }
    // The token is what authenticates: a wrong one is refused.
    const CommandResult refused = run(context, SecretBytes("not-a-token"_ba));
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains(u"401"_s), qPrintable(refused.err));
    // A token with a quote in it stays one word.
    const SecretBytes command = curlCommand(context, SecretBytes("it's"_ba));
    const QByteArray &quoted = command.reveal();
    QVERIFY2(quoted.startsWith("printf '%s\\n' 'Authorization: Bearer it'\\''s' | curl "), quoted.constData());

    // The token reaches curl on its standard input, never in its arguments (which /proc shows every user), and
    // the proxy's user name and password stay out of it.
    ResolvedContext proxied = context;
    proxied.cluster.proxyUrl = u"http://admin:pr0xy-pass@proxy.example:3128"_s;
    const QString fakeCurl = dir.filePath(u"curl"_s);
    QFile script(fakeCurl);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.argv\"\ncat > \"$0.stdin\"\n");
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, dir.path() + u':' + environment.value(u"PATH"_s));
    const CommandResult faked =
        runCommand(u"bash"_s, {u"-c"_s, QString::fromUtf8(curlCommand(proxied, SecretBytes("tok-en.1"_ba)).reveal())},
                   environment, 20000);
    QVERIFY2(faked.exitCode == 0, qPrintable(faked.err));
    const auto contents = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray argv = contents(fakeCurl + u".argv"_s);
    QVERIFY2(argv.contains("--proxy\nhttp://proxy.example:3128\n"), argv.constData());
    QVERIFY2(!argv.contains("tok-en.1") && !argv.contains("pr0xy-pass"), argv.constData());
    QCOMPARE(contents(fakeCurl + u".stdin"_s), "Authorization: Bearer tok-en.1\n"_ba);
    QCOMPARE(exportCaveats(proxied),
             QStringList {u"They use your proxy without your proxy user name and password: whoever uses them needs "
                          "their own."_s});
    QVERIFY(exportCaveats(context).isEmpty());
}

namespace {

const ApiResource *discovered(const ApiResources &resources, const QString &group, const QString &name)
{
    const auto it = std::ranges::find_if(resources.resources, [&](const ApiResource &resource) {
        return resource.group == group && resource.name == name;
    });
    return it == resources.resources.end() ? nullptr : &*it;
}

} // namespace

void TestOperations::discovery()
{
    const OperationResult result = finish(ops::discoverApiResources(m_client.get()));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const ApiResources *resources = result.get<ApiResources>();
    QVERIFY(resources);
    QVERIFY2(resources->failedGroupVersions.isEmpty(), qPrintable(resources->failedGroupVersions.keys().join(u", "_s)));

    const ApiResource *pods = discovered(*resources, {}, u"pods"_s);
    QVERIFY(pods);
    QVERIFY(pods->namespaced);
    QCOMPARE(pods->version, u"v1"_s);
    QVERIFY(pods->verbs.contains(u"list"_s) && pods->verbs.contains(u"create"_s));
    const ApiResource *nodes = discovered(*resources, {}, u"nodes"_s);
    QVERIFY(nodes);
    QVERIFY(!nodes->namespaced);
    const ApiResource *deployments = discovered(*resources, u"apps"_s, u"deployments"_s);
    QVERIFY(deployments);
    QVERIFY(deployments->namespaced);
    QCOMPARE(deployments->qualifiedName(), u"deployments.apps"_s);
    const ApiResource *exec = discovered(*resources, {}, u"pods/exec"_s);
    QVERIFY(exec);
    QCOMPARE(exec->verbs, (QStringList {u"create"_s, u"get"_s}));
    QVERIFY(discovered(*resources, {}, u"serviceaccounts/token"_s));
    QVERIFY(discovered(*resources, u"rbac.authorization.k8s.io"_s, u"clusterroles"_s));
    QVERIFY(!discovered(*resources, u"rbac.authorization.k8s.io"_s, u"clusterroles"_s)->namespaced);

    // What the dialogs offer: kubectl's names, core first, subresources apart.
    const QStringList names = resources->names();
    QCOMPARE(names.first(), u"configmaps"_s);
    QVERIFY(names.contains(u"deployments.apps"_s));
    QVERIFY(names.contains(u"subjectaccessreviews.authorization.k8s.io"_s));
    QVERIFY(!names.contains(u"pods/exec"_s));
    QVERIFY(names.indexOf(u"serviceaccounts"_s) < names.indexOf(u"deployments.apps"_s));
    QVERIFY(resources->subresourcesOf(u"pods"_s).contains(u"exec"_s));
    QCOMPARE(resources->subresourcesOf(u"serviceaccounts"_s), QStringList {u"token"_s});
}

void TestOperations::discoveryWithoutAGroupVersion()
{
    // One group version fails (an aggregated API whose backend is down, say): the others are still returned, and
    // the failed one is named with the server's reason. Not retried here, to keep the test short.
    std::unique_ptr<KubeClient> client = clientFor(*m_sim);
    QVERIFY(client);
    RetryPolicy once = client->retryPolicy();
    once.maxAttempts = 1;
    client->setRetryPolicy(once);
    const QJsonObject fault {
        {"errors"_L1,
         QJsonArray {QJsonObject {{"path"_L1, "^/apis/apps/v1$"_L1}, {"method"_L1, "GET"_L1}, {"code"_L1, 503}}}}};
    QVERIFY(api("PUT", u"/kube-sim/v1/faults"_s, fault).ok());
    const OperationResult result = finish(ops::discoverApiResources(client.get()));
    QVERIFY(api("DELETE", u"/kube-sim/v1/faults"_s).ok());
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const ApiResources *resources = result.get<ApiResources>();
    QVERIFY(resources);
    QCOMPARE(resources->failedGroupVersions.keys(), QStringList {u"apps/v1"_s});
    QVERIFY(!resources->failedGroupVersions.value(u"apps/v1"_s).isEmpty());
    QVERIFY(!discovered(*resources, u"apps"_s, u"deployments"_s));
    QVERIFY(discovered(*resources, {}, u"pods"_s));
    QVERIFY(discovered(*resources, {}, u"pods/exec"_s));
    QVERIFY(discovered(*resources, u"rbac.authorization.k8s.io"_s, u"roles"_s));
}

void TestOperations::discoveryFails()
{
    std::unique_ptr<KubeClient> client = clientFor(*m_sim);
    QVERIFY(client);
    RetryPolicy once = client->retryPolicy();
    once.maxAttempts = 1;
    client->setRetryPolicy(once);
    const auto withFault = [&](const QString &path, int code) {
        const QJsonObject fault {
            {"errors"_L1, QJsonArray {QJsonObject {{"path"_L1, path}, {"method"_L1, "GET"_L1}, {"code"_L1, code}}}}};
        if (!api("PUT", u"/kube-sim/v1/faults"_s, fault).ok())
            qWarning("could not set the fault");
        OperationResult result = finish(ops::discoverApiResources(client.get()));
        if (!api("DELETE", u"/kube-sim/v1/faults"_s).ok())
            qWarning("could not clear the fault");
        return result;
    };

    // Without the group list, which groups exist is unknown: a failure, with the server's status.
    const OperationResult noGroups = withFault(u"^/apis$"_s, 500);
    QVERIFY(!noGroups.ok());
    QCOMPARE(noGroups.error->httpStatus, 500);
    QVERIFY(!noGroups.get<ApiResources>());

    // A server without grouped APIs (404 on /apis, as client-go takes it): the core group alone.
    const OperationResult coreOnly = withFault(u"^/apis$"_s, 404);
    QVERIFY2(coreOnly.ok(), qPrintable(describe(coreOnly)));
    QVERIFY(discovered(*coreOnly.get<ApiResources>(), {}, u"pods"_s));
    QVERIFY(!discovered(*coreOnly.get<ApiResources>(), u"apps"_s, u"deployments"_s));

    // Every group version failing: nothing to offer, a failure.
    const OperationResult none = withFault(u"^/apis?/[^/]+(/[^/]+)?$"_s, 503);
    QVERIFY(!none.ok());
    QCOMPARE(none.error->httpStatus, 503);
}

void TestOperations::cancel()
{
    // A rollout that cannot finish (pods of an account that does not exist), canceled while it waits.
    QVERIFY(!createDeployment(u"ops-deploy"_s, u"canceled"_s, u"canceled"_s, 1).isEmpty());
    QTRY_COMPARE(podCount(u"ops-deploy"_s, u"app=canceled"_s), 1);
    Operation *operation = ops::setWorkloadServiceAccount(m_client.get(), u"Deployment"_s, u"ops-deploy"_s,
                                                          u"canceled"_s, u"ghost"_s, 60000);
    QSignalSpy finished(operation, &Operation::finished);
    QSignalSpy progress(operation, &Operation::progress);
    QVERIFY(progress.wait());
    operation->cancel();
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<OperationResult>();
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ApiError::Kind::Canceled);
    // Exactly once: nothing more arrives from the steps that were pending.
    QTest::qWait(1000);
    QCOMPARE(finished.size(), 1);
}

void TestOperations::cancelKeepsPodRecreationWhole()
{
    QVERIFY(!createServiceAccount(u"ops-pod"_s, u"steady-sa"_s).isEmpty());
    const ApiResult created =
        api("POST", u"/api/v1/namespaces/ops-pod/pods"_s,
            {{"apiVersion"_L1, "v1"_L1},
             {"kind"_L1, "Pod"_L1},
             {"metadata"_L1, QJsonObject {{"name"_L1, "steady"_L1}}},
             {"spec"_L1,
              QJsonObject {
                  {"containers"_L1, QJsonArray {QJsonObject {{"name"_L1, "app"_L1}, {"image"_L1, "busybox"_L1}}}}}}});
    QVERIFY(created.ok());
    Operation *operation =
        ops::recreatePodWithServiceAccount(m_client.get(), u"ops-pod"_s, u"steady"_s, u"steady-sa"_s);
    QSignalSpy finished(operation, &Operation::finished);
    QSignalSpy progress(operation, &Operation::progress);
    // Reported once the old pod is deleted: canceling then would leave no pod at all.
    QVERIFY(progress.wait());
    operation->cancel();
    QVERIFY(finished.wait());
    const auto result = finished.first().first().value<OperationResult>();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const ApiResult now = api("GET", u"/api/v1/namespaces/ops-pod/pods/steady"_s);
    QVERIFY(now.ok());
    QCOMPARE(now.json()[u"spec"][u"serviceAccountName"].toString(), u"steady-sa"_s);
}

void TestOperations::sequenceRunsStepsInOrder()
{
    QStringList made;
    const auto create = [this, &made](const QString &name) -> OperationSequence::Step {
        return [this, &made, name] {
            made.append(name);
            ServiceAccountSpec spec;
            spec.ns = u"ops-sa"_s;
            spec.name = name;
            return ops::createServiceAccount(m_client.get(), spec);
        };
    };
    QVERIFY(finish(new OperationSequence(m_client.get(), {})).ok());

    const OperationResult done =
        finish(new OperationSequence(m_client.get(), {create(u"seq-a"_s), create(u"seq-b"_s)}));
    QVERIFY2(done.ok(), qPrintable(describe(done)));
    QCOMPARE(made, (QStringList {u"seq-a"_s, u"seq-b"_s}));
    QVERIFY(api("GET", u"/api/v1/namespaces/ops-sa/serviceaccounts/seq-b"_s).ok());

    // The first failure ends it: the steps after it are never made.
    made.clear();
    const OperationResult failed =
        finish(new OperationSequence(m_client.get(), {create(u"seq-c"_s), create(u"seq-a"_s), create(u"seq-d"_s)}));
    QVERIFY(failed.error && failed.error->isConflict());
    // The server's words, then which step it was: the one before it stays made.
    QCOMPARE(failed.error->userMessage(),
             u"serviceaccounts \"seq-a\" already exists. Stopped at change 2 of 3: the "
             "changes before it were made, none after it."_s);
    QCOMPARE(made, (QStringList {u"seq-c"_s, u"seq-a"_s}));
    const ApiResult missing = api("GET", u"/api/v1/namespaces/ops-sa/serviceaccounts/seq-d"_s);
    QVERIFY(missing.error && missing.error->isNotFound());
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
