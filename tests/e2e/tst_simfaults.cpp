// kube-sim's fault injection, seen from a plain HTTP client: what the client's retry, watch-recovery and
// reconnect logic will be tested against.

#include "KubeSimProcess.h"
#include "SimHttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSimFaults : public QObject
{
    Q_OBJECT

private:
    HttpResult configure(const QByteArray &faults) { return m_http->send("PUT", u"/kube-sim/v1/faults"_s, faults); }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;

    // Faults can also be set from the start; this one adds latency to every request. A process of its own for the
    // function that needs it, which nothing before it has configured or cleared.
    static std::unique_ptr<KubeSimProcess> startWithLatency()
    {
        auto sim = std::make_unique<KubeSimProcess>(
            QStringList {u"--seed"_s, u"empty"_s, u"--faults"_s, u"{\"latencyMs\": 300}"_s});
        if (!sim->start()) {
            qWarning("kube-sim: %s", qPrintable(sim->error()));
            return nullptr;
        }
        return sim;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
    }

    void cleanup() { QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200); }

    void latencyFromTheCommandLine()
    {
        const auto sim = startWithLatency();
        QVERIFY(sim);
        // The first request configured nothing yet: it carries the start-up latency.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(SimHttp(*sim).send("GET", u"/api/v1/namespaces"_s).code, 200);
        QVERIFY2(timer.elapsed() >= 280, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(sim->stop(), 0);
    }

    void latencyCleared()
    {
        // The start-up latency goes with the other faults.
        const auto sim = startWithLatency();
        QVERIFY(sim);
        SimHttp http(*sim);
        QCOMPARE(http.send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(http.send("GET", u"/api/v1/namespaces"_s).code, 200);
        QVERIFY2(timer.elapsed() < 250, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(sim->stop(), 0);
    }

    void errorsForTheNextRequests()
    {
        QCOMPARE(configure("{\"errors\":[{\"path\":\"^/api/v1/namespaces/default/serviceaccounts$\",\"method\":\"GET\","
                           "\"code\":503,\"retryAfterSeconds\":2,\"count\":2}]}")
                     .code,
                 200);
        for (int i = 0; i < 2; ++i) {
            const HttpResult failed = m_http->send("GET", u"/api/v1/namespaces/default/serviceaccounts"_s);
            QCOMPARE(failed.code, 503);
            QCOMPARE(failed.header("Retry-After"), "2"_ba);
            QCOMPARE(failed.json().value("reason"_L1).toString(), u"ServiceUnavailable"_s);
            QCOMPARE(failed.json().value("details"_L1).toObject().value("retryAfterSeconds"_L1).toInt(), 2);
        }
        // The count is spent; other paths and methods were never affected.
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/default/serviceaccounts"_s).code, 200);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces"_s).code, 200);
    }

    void throttling()
    {
        QCOMPARE(configure("{\"errors\":[{\"path\":\"secrets\",\"code\":429,\"retryAfterSeconds\":1}]}").code, 200);
        const HttpResult throttled = m_http->send("GET", u"/api/v1/secrets"_s);
        QCOMPARE(throttled.code, 429);
        QCOMPARE(throttled.header("Retry-After"), "1"_ba);
        QCOMPARE(throttled.json().value("reason"_L1).toString(), u"TooManyRequests"_s);
        // Writes are refused too, and nothing is written.
        const HttpResult refused =
            m_http->send("POST", u"/api/v1/namespaces/default/secrets"_s, "{\"metadata\":{\"name\":\"never\"}}");
        QCOMPARE(refused.code, 429);
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/default/secrets/never"_s).code, 404);
    }

    void rateZeroNeverFires()
    {
        QCOMPARE(configure("{\"errors\":[{\"path\":\".*\",\"code\":500,\"rate\":0}]}").code, 200);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_http->send("GET", u"/api/v1/namespaces"_s).code, 200);
    }

    void watchClosedAfterEvents()
    {
        QCOMPARE(configure("{\"watch\":{\"closeAfterEvents\":2}}").code, 200);
        auto reply = m_http->stream(u"/api/v1/namespaces?watch=true"_s);
        QByteArray buffer;
        // Four namespaces exist: the synthetic ADDED events stop after two and the stream ends.
        const QList<QJsonObject> events = SimHttp::readEvents(reply.get(), 10, buffer);
        QCOMPARE(events.size(), 2);
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    }

    void watchClosedAfterSeconds()
    {
        QCOMPARE(configure("{\"watch\":{\"closeAfterSeconds\":1}}").code, 200);
        auto reply = m_http->stream(u"/api/v1/namespaces?watch=true&resourceVersion=1"_s);
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QVERIFY(timer.elapsed() >= 900);
    }

    void watchFromAnotherStoresVersion()
    {
        // A resourceVersion this store never reached (a client back from a kube-sim restarted with a new store): 504
        // with the cause ResourceVersionTooLarge, as the apiserver answers, not a stream from nowhere.
        const HttpResult ahead =
            m_http->send("GET", u"/api/v1/namespaces/default/serviceaccounts?watch=true&resourceVersion=999999999"_s);
        QCOMPARE(ahead.code, 504);
        QCOMPARE(ahead.json().value("reason"_L1).toString(), u"Timeout"_s);
        QVERIFY(ahead.json().value("message"_L1).toString().startsWith(u"Too large resource version: 999999999"_s));
        const QJsonArray causes = ahead.json()[u"details"][u"causes"].toArray();
        QCOMPARE(causes.size(), 1);
        QCOMPARE(causes.first()[u"reason"].toString(), u"ResourceVersionTooLarge"_s);
    }

    void errorRuleWithReasonAndMessage()
    {
        QCOMPARE(configure("{\"errors\":[{\"path\":\"serviceaccounts$\",\"method\":\"POST\",\"code\":422,"
                           "\"reason\":\"Invalid\",\"message\":\"ServiceAccount 'x' is invalid: injected\"}]}")
                     .code,
                 200);
        const HttpResult refused =
            m_http->send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s, "{\"metadata\":{\"name\":\"x\"}}");
        QCOMPARE(refused.code, 422);
        QCOMPARE(refused.json().value("reason"_L1).toString(), u"Invalid"_s);
        QCOMPARE(refused.json().value("message"_L1).toString(), u"ServiceAccount 'x' is invalid: injected"_s);
    }

    void outageKeepsTheStore()
    {
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s,
                            "{\"metadata\":{\"name\":\"survivor\"}}")
                     .code,
                 201);
        auto watch = m_http->stream(u"/api/v1/namespaces/default/serviceaccounts?watch=true&resourceVersion=1"_s);
        QCOMPARE(configure("{\"outageMs\":1500}").code, 200);
        // Open streams are cut and new connections refused, then the same server is back.
        QTRY_VERIFY_WITH_TIMEOUT(watch->isFinished(), 5000);
        QVERIFY(watch->error() != QNetworkReply::NoError);
        SimHttp fresh(*m_sim);
        const HttpResult during = fresh.send("GET", u"/version"_s, {}, {}, {}, true);
        QCOMPARE(during.code, 0);
        QCOMPARE(during.error, QNetworkReply::ConnectionRefusedError);
        QTRY_COMPARE_WITH_TIMEOUT(
            SimHttp(*m_sim).send("GET", u"/api/v1/namespaces/default/serviceaccounts/survivor"_s).code, 200, 10000);
    }

    void churnUpdatesAtTheRate()
    {
        // Watch from now on: only the churn's updates come.
        const QString from = m_http->send("GET", u"/api/v1/serviceaccounts"_s)
                                 .json()
                                 .value("metadata"_L1)
                                 .toObject()
                                 .value("resourceVersion"_L1)
                                 .toString();
        auto reply = m_http->stream(u"/api/v1/serviceaccounts?watch=true&resourceVersion="_s + from);
        QCOMPARE(configure("{\"churn\":{\"resource\":\"serviceaccounts\",\"perSecond\":50,\"seconds\":2}}").code, 200);
        QElapsedTimer timer;
        timer.start();
        QByteArray buffer;
        QList<QJsonObject> events = SimHttp::readEvents(reply.get(), 50, buffer);
        const qint64 firstHalf = timer.elapsed();
        events += SimHttp::readEvents(reply.get(), 50, buffer);
        const qint64 all = timer.elapsed();
        QCOMPARE(events.size(), 100);
        // Spread over the seconds, not in bursts: half of them after about one second, all after about two.
        QVERIFY2(firstHalf >= 700 && firstHalf <= 1600, qPrintable(QString::number(firstHalf)));
        QVERIFY2(all >= 1700 && all <= 3000, qPrintable(QString::number(all)));
        for (const QJsonObject &event : std::as_const(events)) {
            QCOMPARE(event.value("type"_L1).toString(), u"MODIFIED"_s);
            const QJsonObject labels =
                event.value("object"_L1).toObject().value("metadata"_L1).toObject().value("labels"_L1).toObject();
            QVERIFY(labels.contains("kube-sim/churn"_L1));
        }
        // And then it stops.
        QTest::qWait(400);
        buffer += reply->readAll();
        QVERIFY2(!buffer.contains('\n'), buffer.constData());
    }

    void pausedControllersLeaveTokenSecretsEmpty()
    {
        QCOMPARE(
            m_http
                ->send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s, "{\"metadata\":{\"name\":\"paused\"}}")
                .code,
            201);
        QCOMPARE(configure("{\"controllersPaused\":true}").code, 200);
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/default/secrets"_s,
                            "{\"metadata\":{\"name\":\"paused-token\",\"annotations\":{\"kubernetes.io/"
                            "service-account.name\":\"paused\"}},\"type\":\"kubernetes.io/service-account-token\"}")
                     .code,
                 201);
        const auto data = [this] {
            return m_http->send("GET", u"/api/v1/namespaces/default/secrets/paused-token"_s)
                .json()
                .value("data"_L1)
                .toObject();
        };
        QTest::qWait(300);
        QVERIFY(data().isEmpty());
        // Resumed, the controller catches up.
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        QTRY_VERIFY(data().contains("token"_L1));
    }

    void badConfigurationChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << "nope"_ba;
        QTest::newRow("unknown key") << "{\"latency\":5}"_ba;
        QTest::newRow("bad code") << "{\"errors\":[{\"code\":200}]}"_ba;
        QTest::newRow("bad rate") << "{\"errors\":[{\"code\":500,\"rate\":2}]}"_ba;
        QTest::newRow("bad pattern") << "{\"errors\":[{\"path\":\"(\",\"code\":500}]}"_ba;
        QTest::newRow("negative latency") << "{\"latencyMs\":-1}"_ba;
        QTest::newRow("churn of an unknown resource")
            << "{\"churn\":{\"resource\":\"widgets\",\"perSecond\":1,\"seconds\":1}}"_ba;
        QTest::newRow("churn without a rate") << "{\"churn\":{\"resource\":\"secrets\",\"seconds\":1}}"_ba;
    }

    void badConfigurationChangesNothing()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(configure("{\"latencyMs\":1}").code, 200);
        const HttpResult refused = configure(body);
        QCOMPARE(refused.code, 400);
        QCOMPARE(refused.json().value("reason"_L1).toString(), u"BadRequest"_s);
        QCOMPARE(m_http->send("GET", u"/kube-sim/v1/faults"_s).json().value("latencyMs"_L1).toInt(), 1);
    }

    void onlyAdminsMayInjectFaults()
    {
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, "{}", "application/json", {}, true).code, 401);
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
