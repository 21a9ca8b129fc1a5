// RetryPolicy: which failures are retried, for which verbs, and after how long. And what a failure says once an
// operation has told its own story around it.

#include "api/OperationSupport.h"
#include "api/RetryPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

sa::ApiError http(int status, int retryAfter = -1)
{
    sa::ApiError error;
    error.kind = sa::ApiError::Kind::Http;
    error.httpStatus = status;
    error.retryAfterSeconds = retryAfter;
    return error;
}

sa::ApiError transport(sa::ApiError::Kind kind, QNetworkReply::NetworkError code = QNetworkReply::UnknownNetworkError)
{
    sa::ApiError error;
    error.kind = kind;
    error.networkError = code;
    return error;
}

sa::RetryPolicy deterministic()
{
    sa::RetryPolicy policy;
    policy.random = [] { return 0.5; }; // no jitter
    return policy;
}

} // namespace

Q_DECLARE_METATYPE(sa::ApiError)

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<sa::ApiError>("error");
        QTest::addColumn<bool>("retry");
        QTest::addColumn<qint64>("delayMs");

        // Reads: transient failures are retried with backoff.
        QTest::newRow("GET 503") << "GET"_ba << 1 << http(503) << true << qint64(250);
        QTest::newRow("GET 500 second") << "GET"_ba << 2 << http(500) << true << qint64(500);
        QTest::newRow("GET 502 third") << "GET"_ba << 3 << http(502) << true << qint64(1000);
        QTest::newRow("GET 504") << "GET"_ba << 1 << http(504) << true << qint64(250);
        QTest::newRow("GET 429 Retry-After") << "GET"_ba << 1 << http(429, 3) << true << qint64(3000);
        QTest::newRow("GET reset") << "GET"_ba << 1
                                   << transport(sa::ApiError::Kind::Network, QNetworkReply::RemoteHostClosedError)
                                   << true << qint64(250);
        QTest::newRow("GET timeout") << "GET"_ba << 1 << transport(sa::ApiError::Kind::Timeout) << true << qint64(250);
        QTest::newRow("GET cut answer") << "GET"_ba << 1 << sa::ApiError::connectionLost(u"closed"_s, {}) << true
                                        << qint64(250);
        QTest::newRow("POST cut answer") << "POST"_ba << 1 << sa::ApiError::connectionLost(u"closed"_s, {}) << false
                                         << qint64(0);
        QTest::newRow("POST handshake timeout")
            << "POST"_ba << 1 << sa::ApiError::handshakeTimeout(u"h:443"_s, 10000, true, true) << true << qint64(250);
        // Reads: answers that will not change are not.
        QTest::newRow("GET 404") << "GET"_ba << 1 << http(404) << false << qint64(0);
        QTest::newRow("GET 403") << "GET"_ba << 1 << http(403) << false << qint64(0);
        QTest::newRow("GET 401") << "GET"_ba << 1 << http(401) << false << qint64(0);
        QTest::newRow("GET 410") << "GET"_ba << 1 << http(410) << false << qint64(0);
        QTest::newRow("GET TLS") << "GET"_ba << 1 << transport(sa::ApiError::Kind::Tls) << false << qint64(0);
        QTest::newRow("GET canceled") << "GET"_ba << 1 << transport(sa::ApiError::Kind::Canceled) << false << qint64(0);
        QTest::newRow("GET credential") << "GET"_ba << 1 << transport(sa::ApiError::Kind::Credential) << false
                                        << qint64(0);
        QTest::newRow("GET out of attempts") << "GET"_ba << 5 << http(503) << false << qint64(0);
        // Writes: only when the server proved it did not apply the request, or never got it.
        QTest::newRow("POST 429") << "POST"_ba << 1 << http(429) << true << qint64(250);
        QTest::newRow("POST 429 Retry-After") << "POST"_ba << 1 << http(429, 2) << true << qint64(2000);
        QTest::newRow("PATCH 503 Retry-After") << "PATCH"_ba << 1 << http(503, 1) << true << qint64(1000);
        QTest::newRow("PATCH 503 without") << "PATCH"_ba << 1 << http(503) << false << qint64(0);
        QTest::newRow("POST 500") << "POST"_ba << 1 << http(500) << false << qint64(0);
        QTest::newRow("PUT 504") << "PUT"_ba << 1 << http(504) << false << qint64(0);
        QTest::newRow("POST refused") << "POST"_ba << 1
                                      << transport(sa::ApiError::Kind::Network, QNetworkReply::ConnectionRefusedError)
                                      << true << qint64(250);
        QTest::newRow("POST reset") << "POST"_ba << 1
                                    << transport(sa::ApiError::Kind::Network, QNetworkReply::RemoteHostClosedError)
                                    << false << qint64(0);
        QTest::newRow("DELETE timeout") << "DELETE"_ba << 1 << transport(sa::ApiError::Kind::Timeout) << false
                                        << qint64(0);
        QTest::newRow("POST 409") << "POST"_ba << 1 << http(409) << false << qint64(0);
        // Retry-After is capped.
        QTest::newRow("Retry-After capped") << "GET"_ba << 1 << http(429, 3600) << true << qint64(60000);
        // Backoff is capped too.
        QTest::newRow("backoff capped") << "GET"_ba << 4 << http(503) << true << qint64(2000);
    }

    void decide()
    {
        QFETCH(QByteArray, verb);
        QFETCH(int, attempt);
        QFETCH(sa::ApiError, error);
        QFETCH(bool, retry);
        QFETCH(qint64, delayMs);
        sa::RetryPolicy policy = deterministic();
        policy.maxBackoff = 2000ms;
        const sa::RetryPolicy::Decision decision = policy.decide(verb, attempt, error);
        QCOMPARE(decision.retry, retry);
        QCOMPARE(qint64(decision.delay.count()), delayMs);
    }

    // What an operation says around a failure (what it had done before, what it did after) is shown whatever the
    // failure's kind: a timeout or a lost connection has words of its own, which must not replace that story.
    void combinedErrorTellsBothStories_data()
    {
        QTest::addColumn<sa::ApiError>("error");
        sa::ApiError exists = http(409);
        exists.message = u"serviceaccounts \"a\" already exists"_s;
        QTest::newRow("the server's words") << exists;
        QTest::newRow("401") << http(401);
        QTest::newRow("500") << http(500);
        QTest::newRow("timeout") << transport(sa::ApiError::Kind::Timeout, QNetworkReply::TimeoutError);
        QTest::newRow("connection lost") << transport(sa::ApiError::Kind::ConnectionLost);
        QTest::newRow("refused") << transport(sa::ApiError::Kind::Network, QNetworkReply::ConnectionRefusedError);
        QTest::newRow("credential") << sa::ApiError::credential(u"exec: executable aws not found"_s);
    }

    void combinedErrorTellsBothStories()
    {
        QFETCH(sa::ApiError, error);
        const QString story =
            sa::followedBy(u"Pod p was deleted, but checking that it is gone failed: "_s + error.userMessage(),
                           u"Its manifest is below."_s);
        const sa::ApiError combined = sa::detail::combinedError(error, story);
        QCOMPARE(combined.userMessage(), story);
        QVERIFY(combined.userMessage().contains(error.userMessage()));
        // What callers branch on stays the failure's own.
        QCOMPARE(combined.kind, error.kind);
        QCOMPARE(combined.httpStatus, error.httpStatus);
        QCOMPARE(combined.writeOutcome(), error.writeOutcome());
    }

    void followedByEndsTheSentence()
    {
        QCOMPARE(sa::followedBy(u"Internal error occurred: boom"_s, u"Not deleted."_s),
                 u"Internal error occurred: boom. Not deleted."_s);
        QCOMPARE(sa::followedBy(u"Done."_s, u"Next."_s), u"Done. Next."_s);
        QCOMPARE(sa::followedBy(u"Really?"_s, u"Yes."_s), u"Really? Yes."_s);
        QCOMPARE(sa::followedBy({}, u"Only this."_s), u"Only this."_s);
    }

    void jitterStaysInItsBand()
    {
        sa::RetryPolicy policy;
        policy.random = [] { return 0.0; };
        QCOMPARE(policy.backoff(1), 200ms); // 250 - 20%
        policy.random = [] { return 0.999999; };
        QVERIFY(policy.backoff(1) >= 299ms && policy.backoff(1) <= 300ms);
        policy.random = {};
        for (int i = 0; i < 100; ++i) {
            const auto delay = policy.backoff(2);
            QVERIFY(delay >= 400ms && delay <= 600ms);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
