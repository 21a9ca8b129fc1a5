// KubeClient, ListPager and Informer against a real kube-sim process: pagination, metadata-only lists,
// watches that survive dropped streams and 410s, retries, exec plugins, TLS and credential failures.

#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "SimClient.h"
#include "SimHttp.h"

#include "api/Informer.h"
#include "api/KubeClient.h"
#include "config/Kubeconfig.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestKubeClient : public QObject
{
    Q_OBJECT

private:
    static sa::ApiRequest request(const QByteArray &verb, const QString &path)
    {
        sa::ApiRequest request;
        request.verb = verb;
        request.path = path;
        return request;
    }

    // Whom the server takes the client for.
    static sa::ApiResult selfSubjectReview(sa::KubeClient &client, const QByteArray &impersonateUser = {})
    {
        sa::ApiRequest review = request("POST", u"/apis/authentication.k8s.io/v1/selfsubjectreviews"_s);
        review.body = "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}";
        if (!impersonateUser.isEmpty())
            review.headers.append({"Impersonate-User"_ba, impersonateUser});
        return wait(client.send(review));
    }

    static sa::ApiResult wait(sa::ApiJob *job)
    {
        sa::ApiResult result;
        bool done = false;
        QObject context; // disconnects the lambda, which refers to this frame, when the wait ends
        QObject::connect(job, &sa::ApiJob::finished, &context, [&](const sa::ApiResult &r) {
            result = r;
            done = true;
        });
        const QDeadlineTimer deadline(30000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(10);
        if (!done) {
            // A default ApiResult is ok(): a hang must not pass as a success.
            const QString path = job->request().path;
            job->cancel();
            result = {};
            result.error = sa::ApiError::decode(u"timed out waiting for "_s + path);
            result.error->kind = sa::ApiError::Kind::Timeout;
        }
        return result;
    }

    void createAccount(const QString &ns, const QString &name)
    {
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/"_s + ns + u"/serviceaccounts"_s,
                            QJsonDocument(QJsonObject {{"metadata"_L1, QJsonObject {{"name"_L1, name}}}}).toJson())
                     .code,
                 201);
    }

    void setFaults(const QJsonObject &faults)
    {
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, QJsonDocument(faults).toJson()).code, 200);
    }

    QString writeKubeconfig(const QString &name, const QByteArray &userYaml, const QByteArray &clusterExtra = {},
                            const QString &server = {})
    {
        QFile admin(m_sim->kubeconfigPath());
        if (!admin.open(QIODevice::ReadOnly))
            return {};
        QByteArray caLine;
        for (const QByteArray &line : admin.readAll().split('\n')) {
            if (line.contains("certificate-authority-data"))
                caLine = line;
        }
        const QByteArray config = "apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: "_ba
            + (server.isEmpty() ? m_sim->url() : server).toUtf8() + '\n' + caLine + '\n' + clusterExtra
            + "users:\n- name: u\n  user:\n"_ba + userYaml
            + "contexts:\n- name: c\n  context:\n    cluster: sim\n    user: u\ncurrent-context: c\n"_ba;
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
            return {};
        return path;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<sa::KubeClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s, u"--watch-history"_s, u"10"_s,
                                                              u"--static-token"_s,
                                                              u"plugin-token,plugin-user,system:masters"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        QString error;
        m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
        QVERIFY2(m_client, qPrintable(error));
        QCOMPARE(m_client->tlsWarning(), QString());
    }

    void cleanup() { QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200); }

    void getAndStatusErrors()
    {
        sa::ApiResult result = wait(m_client->send(request("GET", u"/api/v1/namespaces/default"_s)));
        QVERIFY(result.ok());
        QCOMPARE(result.json().value("metadata"_L1).toObject().value("name"_L1).toString(), u"default"_s);

        result = wait(m_client->send(request("GET", u"/api/v1/namespaces/default/serviceaccounts/nope"_s)));
        QVERIFY(!result.ok());
        QVERIFY(result.error->isNotFound());
        QCOMPARE(result.error->reason, u"NotFound"_s);
        QCOMPARE(result.error->userMessage(), u"serviceaccounts \"nope\" not found"_s);

        sa::ApiRequest invalid = request("POST", u"/api/v1/namespaces/default/serviceaccounts"_s);
        invalid.body = "{\"metadata\":{\"name\":\"Bad_Name\"}}";
        result = wait(m_client->send(invalid));
        QCOMPARE(result.error->httpStatus, 422);
        QCOMPARE(result.error->causes.value(0).field, u"metadata.name"_s);
    }

    void paginationOverSeveralPages()
    {
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces"_s, "{\"metadata\":{\"name\":\"paged\"}}").code, 201);
        for (int i = 0; i < 6; ++i)
            createAccount(u"paged"_s, u"sa-"_s + QString::number(i));
        sa::ListPager pager(m_client.get(), u"/api/v1/namespaces/paged/serviceaccounts"_s, sa::ListFormat::Objects);
        pager.setPageSize(2);
        QSignalSpy finished(&pager, &sa::ListPager::finished);
        QTRY_VERIFY(m_http->send("GET", u"/api/v1/namespaces/paged/serviceaccounts/default"_s).code == 200);
        pager.start();
        QVERIFY(finished.wait(10000));
        const auto result = finished.first().first().value<sa::ListResult>();
        QVERIFY(!result.error);
        QCOMPARE(result.items.size(), 7);
        QCOMPARE(result.pages, 4);
        QVERIFY(!result.resourceVersion.isEmpty());
    }

    void secretsListedWithoutValues()
    {
        const QByteArray secret = "{\"metadata\":{\"name\":\"hush\"},\"stringData\":{\"password\":\"pa55-w0rd-42\"}}";
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/default/secrets"_s, secret).code, 201);
        sa::ListPager pager(m_client.get(), u"/api/v1/secrets"_s, sa::ListFormat::TableMetadata);
        QSignalSpy finished(&pager, &sa::ListPager::finished);
        pager.start();
        QVERIFY(finished.wait(10000));
        const auto result = finished.first().first().value<sa::ListResult>();
        QVERIFY(!result.error);
        QVERIFY(!result.columns.isEmpty());
        bool found = false;
        for (const QJsonObject &row : result.items) {
            const QByteArray text = QJsonDocument(row).toJson();
            QVERIFY(!text.contains("pa55-w0rd-42") && !text.contains(QByteArray("pa55-w0rd-42").toBase64()));
            found = found
                || sa::Informer::metadataOf(sa::Informer::compactRow(row, result.columns)).value("name"_L1).toString()
                    == "hush"_L1;
        }
        QVERIFY(found);
    }

    void informerFollowsChanges()
    {
        sa::Informer informer(m_client.get(), u"/api/v1/namespaces/default/serviceaccounts"_s, sa::ListFormat::Objects);
        QSignalSpy synced(&informer, &sa::Informer::synced);
        QSignalSpy added(&informer, &sa::Informer::added);
        QSignalSpy modified(&informer, &sa::Informer::modified);
        QSignalSpy deleted(&informer, &sa::Informer::deleted);
        informer.start();
        QVERIFY(synced.wait(10000));
        const qsizetype initial = informer.items().size();
        QCOMPARE(added.size(), initial);
        QTRY_COMPARE(informer.state(), sa::Informer::State::Watching);

        createAccount(u"default"_s, u"followed"_s);
        QTRY_COMPARE(added.size(), initial + 1);
        QCOMPARE(m_http
                     ->send("PATCH", u"/api/v1/namespaces/default/serviceaccounts/followed"_s,
                            "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}", "application/merge-patch+json")
                     .code,
                 200);
        QTRY_COMPARE(modified.size(), 1);
        QCOMPARE(modified.first()
                     .first()
                     .toJsonObject()
                     .value("metadata"_L1)
                     .toObject()
                     .value("labels"_L1)
                     .toObject()
                     .value("x"_L1),
                 QJsonValue(u"y"_s));
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/default/serviceaccounts/followed"_s).code, 200);
        QTRY_COMPARE(deleted.size(), 1);
        QCOMPARE(informer.items().size(), initial);
    }

    void informerSurvivesDroppedStreams()
    {
        sa::Informer informer(m_client.get(), u"/api/v1/namespaces/default/serviceaccounts"_s, sa::ListFormat::Objects);
        informer.setBackoff(50, 200);
        QSignalSpy synced(&informer, &sa::Informer::synced);
        informer.start();
        QVERIFY(synced.wait(10000));
        const qsizetype initial = informer.items().size();
        // Every stream is cut after one event: the informer must resume from where it was, losing nothing.
        setFaults({{"watch"_L1, QJsonObject {{"closeAfterEvents"_L1, 1}}}});
        for (int i = 0; i < 8; ++i) {
            createAccount(u"default"_s, u"dropped-"_s + QString::number(i));
            QTest::qWait(30);
        }
        QTRY_COMPARE_WITH_TIMEOUT(informer.items().size(), initial + 8, 15000);
        QCOMPARE(synced.size(), 1); // resumed by resourceVersion, no relist needed
    }

    void informerRelistsAfterExpiry()
    {
        sa::Informer informer(m_client.get(), u"/api/v1/namespaces/default/serviceaccounts"_s,
                              sa::ListFormat::TableMetadata);
        // Long enough (4 to 8 s with jitter) for the changes below to be made before it reconnects, in the sanitizer
        // build too.
        informer.setBackoff(8000, 8000);
        QSignalSpy synced(&informer, &sa::Informer::synced);
        informer.start();
        QVERIFY(synced.wait(10000));
        const qsizetype initial = informer.items().size();
        // Rows are kept compact: the metadata, and the cells by column name (kubectl's SECRETS column here).
        const QJsonObject row = *informer.items().cbegin();
        QVERIFY2(row.contains("metadata"_L1) && row.contains("Secrets"_L1) && !row.contains("cells"_L1),
                 QJsonDocument(row).toJson().constData());
        // A server restart cuts the stream; while the informer waits to reconnect, more changes happen than the
        // server's history holds, so its resourceVersion has expired when it comes back.
        setFaults({{"outageMs"_L1, 1000}});
        QTRY_VERIFY_WITH_TIMEOUT(informer.state() == sa::Informer::State::Waiting, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(SimHttp(*m_sim).send("GET", u"/version"_s).code == 200, 10000);
        for (int i = 0; i < 15; ++i)
            createAccount(u"default"_s, u"expired-"_s + QString::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(informer.items().size(), initial + 15, 30000);
        QVERIFY(synced.size() >= 2); // a relist, after the 410
    }

    void informerSpreadsABacklogOverTurns()
    {
        // Events that piled up while the event loop was busy are handled a few milliseconds' worth per event-loop
        // turn, so that painting and input run between them. Each event costs the handler 1 ms here: in one turn,
        // hundreds of them would freeze the window for as many milliseconds.
        for (int i = 0; i < 20; ++i)
            createAccount(u"default"_s, u"backlog-"_s + QString::number(i));
        sa::Informer informer(m_client.get(), u"/api/v1/namespaces/default/serviceaccounts"_s,
                              sa::ListFormat::TableMetadata);
        QSignalSpy synced(&informer, &sa::Informer::synced);
        informer.start();
        QVERIFY(synced.wait(10000));
        QTRY_COMPARE(informer.state(), sa::Informer::State::Watching);
        QTest::qWait(200); // the stream is open on the server's side too
        int events = 0;
        int inThisTurn = 0;
        int mostInOneTurn = 0;
        QTimer turns; // fires once per event-loop turn
        turns.setInterval(0);
        connect(&turns, &QTimer::timeout, this, [&inThisTurn] { inThisTurn = 0; });
        connect(&informer, &sa::Informer::modified, this, [&] {
            ++events;
            mostInOneTurn = qMax(mostInOneTurn, ++inThisTurn);
            QElapsedTimer busy;
            busy.start();
            while (busy.elapsed() < 1) { }
        });
        turns.start();
        // kube-sim changes accounts 1,000 times a second for a second, while this thread does not return to the
        // event loop: the events wait in the stream.
        setFaults({{"churn"_L1,
                    QJsonObject {{"resource"_L1, "serviceaccounts"_L1}, {"perSecond"_L1, 1000}, {"seconds"_L1, 1}}}});
        QThread::msleep(1500);
        QTRY_VERIFY_WITH_TIMEOUT(events >= 200, 30000);
        QTest::qWait(500);
        QVERIFY2(mostInOneTurn <= 30,
                 qPrintable(QString::number(mostInOneTurn) + u" of "_s + QString::number(events) + u" in one turn"_s));
    }

    void cutStreamIsALostConnection()
    {
        // A restart drops the open watch: that is a lost connection, reported as one (not as "the server answered
        // 200"), and the informer says when its stream is back.
        sa::Informer informer(m_client.get(), u"/api/v1/namespaces/default/serviceaccounts"_s, sa::ListFormat::Objects);
        informer.setBackoff(200, 400);
        QList<sa::ApiError> errors;
        connect(&informer, &sa::Informer::failed, this, [&errors](const sa::ApiError &error) { errors.append(error); });
        QSignalSpy synced(&informer, &sa::Informer::synced);
        QSignalSpy recovered(&informer, &sa::Informer::recovered);
        informer.start();
        QVERIFY(synced.wait(10000));
        QTRY_COMPARE(informer.state(), sa::Informer::State::Watching);
        QTest::qWait(200); // the stream is open on the server's side too
        setFaults({{"outageMs"_L1, 1000}});
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
        const sa::ApiError &cut = errors.first();
        QCOMPARE(cut.kind, sa::ApiError::Kind::ConnectionLost);
        QCOMPARE(cut.userMessage(), u"The connection to 127.0.0.1 was lost."_s);
        QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 15000);
        QCOMPARE(informer.state(), sa::Informer::State::Watching);
        for (const sa::ApiError &error : std::as_const(errors))
            QVERIFY2(!error.userMessage().contains(u"answered 200"_s), qPrintable(error.userMessage()));
    }

    void silentServerTimesOut()
    {
        // A server that takes the TCP connection and never speaks (no TLS handshake, no answer).
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QSet<QTcpSocket *> spoke; // connections on which the client spoke first: TLS attempts, not probes
        connect(&silent, &QTcpServer::newConnection, this, [&silent, &spoke] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &spoke] {
                    spoke.insert(socket);
                    socket->readAll();
                });
            }
        });
        const QString server = u"https://127.0.0.1:"_s + QString::number(silent.serverPort());
        QString error;
        auto client =
            clientForKubeconfig(writeKubeconfig(u"silent.kubeconfig"_s, "    token: x\n", {}, server), &error);
        QVERIFY2(client, qPrintable(error));
        // An aborted reply is not read: Qt would warn "QIODevice::read (QNetworkReplyHttpImpl): device not open".
        QTest::failOnWarning(QRegularExpression(u"device not open"_s));
        sa::RetryPolicy once;
        once.maxAttempts = 1;

        // The transfer timeout is a timeout (Qt aborts the reply: it is not the caller's cancel).
        client->setHandshakeTimeout(0);
        client->setTimeout(800);
        client->setRetryPolicy(once);
        sa::ApiResult result = wait(client->send(request("GET", u"/version"_s)));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, sa::ApiError::Kind::Timeout);
        QVERIFY2(result.error->userMessage().startsWith(u"No answer from 127.0.0.1 in time"_s),
                 qPrintable(result.error->userMessage()));

        // The handshake has its own, shorter limit, says which step hangs, and is retried with backoff.
        sa::RetryPolicy twice;
        twice.maxAttempts = 2;
        twice.initialBackoff = std::chrono::milliseconds(300);
        twice.jitter = 0;
        client->setRetryPolicy(twice);
        client->setTimeout(30000);
        client->setHandshakeTimeout(1000);
        spoke.clear();
        QElapsedTimer timer;
        timer.start();
        result = wait(client->send(request("GET", u"/version"_s)));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, sa::ApiError::Kind::Timeout);
        QCOMPARE(result.error->userMessage(),
                 u"The server at 127.0.0.1:%1 accepted the connection but did not complete the TLS handshake within "
                 "1 s."_s.arg(silent.serverPort()));
        QCOMPARE(spoke.size(), 2);
        // Two handshakes of 1 s and the backoff of 0.3 s between them: 2.3 s, less the up to 5 % early that Qt's
        // coarse timers may fire (a fresh-clone run measured 2288 ms). Without the backoff it would be at most 2 s.
        QVERIFY2(timer.elapsed() >= 2300 * 95 / 100 && timer.elapsed() < 10000,
                 qPrintable(QString::number(timer.elapsed())));

        // A watch has no transfer timeout: the handshake limit is what ends it.
        client->setHandshakeTimeout(500);
        sa::ApiRequest watch = request("GET", u"/api/v1/namespaces"_s);
        watch.stream = true;
        result = wait(client->send(watch));
        QVERIFY(result.error);
        QVERIFY2(result.error->userMessage().contains(u"did not complete the TLS handshake"_s),
                 qPrintable(result.error->userMessage()));

        // An informer says so at the first failed attempt, not after the list request's last retry.
        client->setRetryPolicy(sa::RetryPolicy {});
        sa::Informer informer(client.get(), u"/api/v1/namespaces"_s, sa::ListFormat::Objects);
        QList<sa::ApiError> errors;
        connect(&informer, &sa::Informer::failed, this,
                [&errors](const sa::ApiError &failure) { errors.append(failure); });
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
        QVERIFY2(errors.first().userMessage().endsWith(u"did not complete the TLS handshake within 0.5 s."_s),
                 qPrintable(errors.first().userMessage()));
        QCOMPARE(informer.state(), sa::Informer::State::Listing); // the request is still being retried
        informer.stop();
    }

    void openWatchesNeverStarveRequests()
    {
        // In a namespace of its own, whose config maps no other function writes; its kube-root-ca.crt comes a
        // moment after it.
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces"_s, "{\"metadata\":{\"name\":\"starve\"}}").code, 201);
        QTRY_COMPARE(m_http->send("GET", u"/api/v1/namespaces/starve/configmaps/kube-root-ca.crt"_s).code, 200);
        // kube-sim speaks HTTP/1.1, where Qt opens at most six connections per host and manager.
        std::vector<std::unique_ptr<sa::Informer>> informers;
        for (int i = 0; i < 12; ++i) {
            informers.push_back(std::make_unique<sa::Informer>(
                m_client.get(), u"/api/v1/namespaces/starve/configmaps"_s, sa::ListFormat::Objects));
            informers.back()->start();
        }
        for (const auto &informer : informers)
            QTRY_COMPARE_WITH_TIMEOUT(informer->state(), sa::Informer::State::Watching, 10000);
        QElapsedTimer timer;
        timer.start();
        const sa::ApiResult result = wait(m_client->send(request("GET", u"/version"_s)));
        QVERIFY(result.ok());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        // And every stream still delivers.
        QCOMPARE(
            m_http->send("POST", u"/api/v1/namespaces/starve/configmaps"_s, "{\"metadata\":{\"name\":\"seen\"}}").code,
            201);
        for (const auto &informer : informers)
            QTRY_COMPARE_WITH_TIMEOUT(informer->items().size(), 2, 10000); // kube-root-ca.crt and seen
    }

    void retriesTransientFailures()
    {
        setFaults({{"errors"_L1,
                    QJsonArray {QJsonObject {{"path"_L1, "^/api/v1/namespaces/default/configmaps$"_L1},
                                             {"code"_L1, 503},
                                             {"retryAfterSeconds"_L1, 1},
                                             {"count"_L1, 2}}}}});
        QElapsedTimer timer;
        timer.start();
        sa::ApiResult result = wait(m_client->send(request("GET", u"/api/v1/namespaces/default/configmaps"_s)));
        QVERIFY(result.ok());
        QVERIFY(timer.elapsed() >= 1900); // Retry-After honoured twice

        // A write refused with 429 is sent again; one that failed with 500 is not (it may have been applied).
        setFaults({{"errors"_L1,
                    QJsonArray {QJsonObject {{"path"_L1, "^/api/v1/namespaces/default/configmaps$"_L1},
                                             {"method"_L1, "POST"_L1},
                                             {"code"_L1, 429},
                                             {"count"_L1, 1}}}}});
        sa::ApiRequest create = request("POST", u"/api/v1/namespaces/default/configmaps"_s);
        create.body = "{\"metadata\":{\"name\":\"after-429\"}}";
        QVERIFY(wait(m_client->send(create)).ok());
        setFaults({{"errors"_L1,
                    QJsonArray {QJsonObject {{"path"_L1, "^/api/v1/namespaces/default/configmaps$"_L1},
                                             {"method"_L1, "POST"_L1},
                                             {"code"_L1, 500},
                                             {"count"_L1, 1}}}}});
        create.body = "{\"metadata\":{\"name\":\"after-500\"}}";
        result = wait(m_client->send(create));
        QCOMPARE(result.error->httpStatus, 500);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/default/configmaps/after-500"_s).code, 404);

        // A request may allow fewer attempts than the policy: two 500s end a read of at most two attempts.
        setFaults(
            {{"errors"_L1,
              QJsonArray {QJsonObject {
                  {"path"_L1, "^/api/v1/namespaces/default/configmaps$"_L1}, {"code"_L1, 500}, {"count"_L1, 2}}}}});
        sa::ApiRequest twice = request("GET", u"/api/v1/namespaces/default/configmaps"_s);
        twice.maxAttempts = 2;
        result = wait(m_client->send(twice));
        QVERIFY(!result.ok());
        QCOMPARE(result.error->httpStatus, 500);
        QVERIFY(wait(m_client->send(twice)).ok()); // the fault's two answers are used up: the same read succeeds
    }

    void execPluginCredential()
    {
        const QString script = m_dir.filePath(u"plugin.sh"_s);
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                   "\"status\":{\"token\":\"plugin-token\"}}'\n");
        file.close();
        QVERIFY(file.setPermissions(file.permissions() | QFile::ExeOwner));
        const QString kubeconfig =
            writeKubeconfig(u"exec.kubeconfig"_s,
                            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: "_ba
                                + script.toUtf8() + "\n      interactiveMode: Never\n"_ba);
        QString error;
        const auto client = clientForKubeconfig(kubeconfig, &error);
        QVERIFY2(client, qPrintable(error));
        const sa::ApiResult result = selfSubjectReview(*client);
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->userMessage() : QString()));
        QCOMPARE(result.json().value("status"_L1).toObject().value("userInfo"_L1).toObject().value("username"_L1),
                 QJsonValue(u"plugin-user"_s));
    }

    void refusedCredentialAndUntrustedServer()
    {
        QString error;
        auto client =
            clientForKubeconfig(writeKubeconfig(u"bogus.kubeconfig"_s, "    token: not-issued-here\n"), &error);
        QVERIFY2(client, qPrintable(error));
        sa::ApiResult result = wait(client->send(request("GET", u"/api/v1/namespaces"_s)));
        QVERIFY(result.error->isUnauthorized());
        QVERIFY(result.error->userMessage().contains(u"did not accept your credentials"_s));

        // The certificate is valid, but not for this name: the connection must fail, and say why.
        client = clientForKubeconfig(writeKubeconfig(u"wrong-name.kubeconfig"_s, "    token: x\n",
                                                     "    tls-server-name: elsewhere.example.com\n"),
                                     &error);
        QVERIFY2(client, qPrintable(error));
        result = wait(client->send(request("GET", u"/version"_s)));
        QCOMPARE(result.error->kind, sa::ApiError::Kind::Tls);
        QVERIFY2(result.error->userMessage().contains(u"not trusted"_s), qPrintable(result.error->userMessage()));
    }

    // The kubeconfig user's impersonation goes out whole, as kubectl sends it: every group, the uid, every extra
    // value (the key escaped as client-go escapes it). Each narrows the impersonated user: dropping one would act
    // with more rights than the file asks for. kube-sim's SelfSubjectReview says what it received.
    void impersonationAsKubectl()
    {
        if (Kubectl::executable().isEmpty())
            QSKIP("kubectl is not on PATH");
        const QString kubeconfig = writeKubeconfig(
            u"impersonating.kubeconfig"_s,
            "    token: plugin-token\n    as: someone\n    as-uid: uid-1\n    as-groups:\n    - team-a\n    - team-b\n"
            "    as-user-extra:\n      reason/why: [first, second value]\n      scopes.example.com: [x]\n");
        QString error;
        const auto client = clientForKubeconfig(kubeconfig, &error);
        QVERIFY2(client, qPrintable(error));
        const sa::ApiResult result = selfSubjectReview(*client);
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->userMessage() : QString()));
        const QJsonObject ours = result.json().value("status"_L1).toObject().value("userInfo"_L1).toObject();

        const CommandResult kubectl = Kubectl(*m_sim).run({u"auth"_s, u"whoami"_s, u"-o"_s, u"json"_s}, kubeconfig);
        QVERIFY2(kubectl.exitCode == 0, qPrintable(kubectl.err));
        const QJsonObject theirs = QJsonDocument::fromJson(kubectl.out.toUtf8())
                                       .object()
                                       .value("status"_L1)
                                       .toObject()
                                       .value("userInfo"_L1)
                                       .toObject();
        QCOMPARE(ours, theirs);
        QCOMPARE(ours.value("username"_L1), QJsonValue(u"someone"_s));
        QCOMPARE(ours.value("uid"_L1), QJsonValue(u"uid-1"_s));
        QCOMPARE(ours.value("groups"_L1).toArray(), QJsonArray({u"team-a"_s, u"team-b"_s, u"system:authenticated"_s}));
        QCOMPARE(ours.value("extra"_L1).toObject(),
                 QJsonObject({{"reason/why"_L1, QJsonArray({u"first"_s, u"second value"_s})},
                              {"scopes.example.com"_L1, QJsonArray({u"x"_s})}}));

        // A request that impersonates someone of its own (the account whose rules are reviewed) is that user only:
        // the kubeconfig's groups, uid and extra belong to its own impersonation and must not go with it.
        const sa::ApiResult asAccount = selfSubjectReview(*client, "system:serviceaccount:default:default"_ba);
        QVERIFY2(asAccount.ok(), qPrintable(asAccount.error ? asAccount.error->userMessage() : QString()));
        const QJsonObject account = asAccount.json().value("status"_L1).toObject().value("userInfo"_L1).toObject();
        QCOMPARE(account.value("username"_L1), QJsonValue(u"system:serviceaccount:default:default"_s));
        QVERIFY2(!account.contains("uid"_L1), QJsonDocument(account).toJson().constData());
        QVERIFY2(!account.contains("extra"_L1), QJsonDocument(account).toJson().constData());
        QCOMPARE(
            account.value("groups"_L1).toArray(),
            QJsonArray({u"system:serviceaccounts"_s, u"system:serviceaccounts:default"_s, u"system:authenticated"_s}));

        // A line break in a value would end its header line and start another: refused, nothing sent.
        const auto injecting = clientForKubeconfig(
            writeKubeconfig(
                u"injecting.kubeconfig"_s,
                "    token: plugin-token\n    as: someone\n    as-groups: [\"a\\r\\nImpersonate-User: x\"]\n"),
            &error);
        QVERIFY2(injecting, qPrintable(error));
        const sa::ApiResult refused = selfSubjectReview(*injecting);
        QVERIFY(refused.error);
        QCOMPARE(refused.error->kind, sa::ApiError::Kind::Credential);
        QVERIFY2(refused.error->userMessage().contains(u"Impersonate-Group"_s),
                 qPrintable(refused.error->userMessage()));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        QCOMPARE(m_sim->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
