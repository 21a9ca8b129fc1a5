#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

#include <optional>

namespace sa {

struct StatusCause
{
    QString reason;
    QString message;
    QString field;
};

// Why a request failed: a metav1.Status from the server, or what went wrong on the way there. Every kind
// has a sentence a user understands (userMessage()); none carries a credential or a query string.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(sa::ApiError)

public:
    enum class Kind {
        Http, // the server answered with a non-2xx status
        Network, // DNS, refused, reset, proxy
        Tls, // the certificate could not be verified or the handshake failed
        Timeout, // no answer in time
        ConnectionLost, // the connection broke after the answer had begun (a watch cut by a restart, say)
        Credential, // the kubeconfig user's credential could not be obtained (exec plugin, files)
        Canceled,
        Decode, // a 2xx body that is not what the API promises
    };

    Kind kind = Kind::Http;
    int httpStatus = 0;
    QString reason; // Status.reason: NotFound, Conflict, Forbidden, Invalid, Expired, ... (Http only)
    // Network, Tls, Timeout: the transport's error code (NoError when none was reported).
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    bool handshakeTimedOut = false; // Timeout: the connection or its TLS handshake, not the answer, came too late
    // Tls: the certificate is not for the name checked (tlsName: the kubeconfig's tls-server-name, else the host), or
    // was not issued by a CA the kubeconfig trusts.
    bool tlsNameMismatch = false;
    bool tlsUnknownIssuer = false;
    QString tlsName;
    QString message; // Status.message, or the transport's own words
    QList<StatusCause> causes;
    int retryAfterSeconds = -1; // from Retry-After or details.retryAfterSeconds; -1 when absent
    // `message` is what an operation wrote around this failure (what it had done before, what it did after), the
    // failure's own words included: userMessage() is `message`, whatever the kind.
    bool composed = false;
    QString host;

    [[nodiscard]] static ApiError fromStatus(int httpStatus, const QByteArray &body, const QByteArray &retryAfter);
    [[nodiscard]] static ApiError fromTransport(QNetworkReply::NetworkError error, const QString &errorString,
                                                const QString &host, const QList<QSslError> &sslErrors);
    // The answer had begun (its status was 2xx) when the connection broke.
    [[nodiscard]] static ApiError connectionLost(const QString &errorString, const QString &host);
    // The connection or its TLS handshake was not complete after `milliseconds`; `accepted`: the server took the TCP
    // connection (so TLS is what hangs), nullopt when unknown (through a proxy). `server` is host:port.
    [[nodiscard]] static ApiError handshakeTimeout(const QString &server, int milliseconds,
                                                   std::optional<bool> accepted, bool tls);
    [[nodiscard]] static ApiError credential(const QString &message);
    [[nodiscard]] static ApiError decode(const QString &message);

    [[nodiscard]] bool is(int status) const { return kind == Kind::Http && httpStatus == status; }
    [[nodiscard]] bool isNotFound() const { return is(404); }
    [[nodiscard]] bool isConflict() const { return is(409); }
    [[nodiscard]] bool isExpired() const { return is(410) || reason == QLatin1String("Expired"); }
    [[nodiscard]] bool isUnauthorized() const { return is(401); }
    // A watch from a resourceVersion the server never reached (504 with the cause ResourceVersionTooLarge): its
    // store is not the one the version came from, as after a restore or a restart with a new store. List again.
    [[nodiscard]] bool isResourceVersionTooLarge() const;
    [[nodiscard]] bool isForbidden() const { return is(403); }

    // Whether a write that failed with this error was applied. NotApplied: the server refused it before storing
    // anything (every 4xx, a 503 with Retry-After), or it never reached the server (refused connection, TLS, a
    // handshake that timed out, no credential). Unknown: it may have been stored (a 5xx, no answer in time, a
    // connection lost on the way). Applied: the server said yes and only its answer was not understood.
    enum class WriteOutcome { NotApplied, Unknown, Applied };
    [[nodiscard]] WriteOutcome writeOutcome() const;
    // What the operation found out about its write, which writeOutcome() says instead of guessing from the kind: a
    // check after an open answer showed it did not happen (NotApplied), or a later step failed after the write was
    // stored (Applied: a token Secret made but not filled, and not deleted again).
    std::optional<WriteOutcome> concluded;

    // One or two sentences for a message bar: what happened, and (where it helps) what to do.
    [[nodiscard]] QString userMessage() const;
};

// `words` (a server's, which seldom end a sentence: "Internal error occurred: …") ended with a full stop where they
// do not end a sentence, then `sentence` after a space.
[[nodiscard]] QString followedBy(QString words, const QString &sentence);

} // namespace sa
