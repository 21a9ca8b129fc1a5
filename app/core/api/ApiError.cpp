#include "api/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

ApiError ApiError::fromStatus(int httpStatus, const QByteArray &body, const QByteArray &retryAfter)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    const QJsonObject status = QJsonDocument::fromJson(body).object();
    if (status.value("kind"_L1).toString() == "Status"_L1) {
        error.reason = status.value("reason"_L1).toString();
        error.message = status.value("message"_L1).toString();
        const QJsonObject details = status.value("details"_L1).toObject();
        for (const QJsonValue &cause : details.value("causes"_L1).toArray()) {
            const QJsonObject c = cause.toObject();
            error.causes.append(
                {c.value("reason"_L1).toString(), c.value("message"_L1).toString(), c.value("field"_L1).toString()});
        }
        if (details.contains("retryAfterSeconds"_L1))
            error.retryAfterSeconds = details.value("retryAfterSeconds"_L1).toInt();
    } else {
        // Not a Status (a proxy's page, the max-inflight filter's plain text): keep a bounded excerpt.
        error.message = QString::fromUtf8(body.left(300)).trimmed();
    }
    bool ok = false;
    const int seconds = retryAfter.trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        error.retryAfterSeconds = seconds;
    return error;
}

ApiError ApiError::fromTransport(QNetworkReply::NetworkError networkError, const QString &errorString,
                                 const QString &host, const QList<QSslError> &sslErrors)
{
    ApiError error;
    error.host = host;
    switch (networkError) {
    case QNetworkReply::OperationCanceledError:
        error.kind = Kind::Canceled;
        break;
    case QNetworkReply::TimeoutError:
        error.kind = Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = Kind::Tls;
        break;
    default:
        error.kind = Kind::Network;
        break;
    }
    QStringList problems;
    for (const QSslError &ssl : sslErrors) {
        problems.append(ssl.errorString());
        switch (ssl.error()) {
        case QSslError::HostNameMismatch:
            error.tlsNameMismatch = true;
            break;
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
            error.tlsUnknownIssuer = true;
            break;
        default:
            break;
        }
    }
    problems.removeDuplicates();
    if (!problems.isEmpty()) {
        error.kind = Kind::Tls;
        error.message = problems.join(u"; "_s);
    } else {
        error.message = errorString;
    }
    error.networkError = networkError;
    return error;
}

ApiError ApiError::connectionLost(const QString &errorString, const QString &host)
{
    ApiError error;
    error.kind = Kind::ConnectionLost;
    error.host = host;
    error.message = errorString;
    return error;
}

ApiError ApiError::handshakeTimeout(const QString &server, int milliseconds, std::optional<bool> accepted, bool tls)
{
    ApiError error;
    error.kind = Kind::Timeout;
    error.handshakeTimedOut = true;
    error.host = server.section(u':', 0, 0);
    const QString seconds = QString::number(milliseconds / 1000.0);
    if (accepted == false)
        error.message = tr("The server at %1 did not accept the connection within %2 s.").arg(server, seconds);
    else if (accepted && tls)
        error.message = tr("The server at %1 accepted the connection but did not complete the TLS handshake within "
                           "%2 s.")
                            .arg(server, seconds);
    else if (accepted)
        error.message = tr("The server at %1 accepted the connection but did not take the request within %2 s.")
                            .arg(server, seconds);
    else
        error.message = tr("The connection to %1 was not established within %2 s.").arg(server, seconds);
    return error;
}

ApiError ApiError::credential(const QString &message)
{
    ApiError error;
    error.kind = Kind::Credential;
    error.message = message;
    return error;
}

ApiError ApiError::decode(const QString &message)
{
    ApiError error;
    error.kind = Kind::Decode;
    error.message = message;
    return error;
}

bool ApiError::isResourceVersionTooLarge() const
{
    return kind == Kind::Http && std::ranges::any_of(causes, [](const StatusCause &cause) {
               return cause.reason == "ResourceVersionTooLarge"_L1;
           });
}

ApiError::WriteOutcome ApiError::writeOutcome() const
{
    if (concluded)
        return *concluded;
    switch (kind) {
    case Kind::Http:
        // No status at all: refused by the client before sending (a "." name, say).
        if (httpStatus == 0 || (httpStatus >= 400 && httpStatus < 500) || (httpStatus == 503 && retryAfterSeconds >= 0))
            return WriteOutcome::NotApplied;
        return WriteOutcome::Unknown;
    case Kind::Network:
        return networkError == QNetworkReply::ConnectionRefusedError || networkError == QNetworkReply::HostNotFoundError
            ? WriteOutcome::NotApplied
            : WriteOutcome::Unknown;
    case Kind::Timeout:
        return handshakeTimedOut ? WriteOutcome::NotApplied : WriteOutcome::Unknown;
    case Kind::Tls:
    case Kind::Credential:
        return WriteOutcome::NotApplied;
    case Kind::ConnectionLost:
    case Kind::Canceled:
        return WriteOutcome::Unknown;
    case Kind::Decode:
        return WriteOutcome::Applied;
    }
    return WriteOutcome::Unknown;
}

QString ApiError::userMessage() const
{
    if (composed)
        return message;
    const QString where = host.isEmpty() ? tr("the cluster") : host;
    switch (kind) {
    case Kind::Canceled:
        return tr("The request was canceled.");
    case Kind::Timeout:
        if (handshakeTimedOut)
            return message;
        return tr("No answer from %1 in time. The cluster may be overloaded or unreachable.").arg(where);
    case Kind::ConnectionLost:
        return tr("The connection to %1 was lost.").arg(where);
    case Kind::Tls: {
        // What to check follows from what failed: the name the certificate must carry, or who issued it.
        QStringList advice;
        if (tlsNameMismatch)
            advice << tr("Its certificate is not valid for the name \"%1\": check the cluster's server address and "
                         "tls-server-name in your kubeconfig.")
                          .arg(tlsName.isEmpty() ? where : tlsName);
        if (tlsUnknownIssuer)
            advice << tr("Its certificate was not issued by a certificate authority your kubeconfig trusts: check the "
                         "cluster's certificate-authority.");
        if (advice.isEmpty())
            advice << tr("Check the cluster's certificate-authority in your kubeconfig.");
        return tr("The connection to %1 is not trusted: %2.").arg(where, message) + u' ' + advice.join(u' ');
    }
    case Kind::Network: {
        const QNetworkReply::NetworkError code = networkError;
        if (code == QNetworkReply::ConnectionRefusedError)
            return tr("Cannot connect to %1: the connection was refused. Is the API server running?").arg(where);
        if (code == QNetworkReply::HostNotFoundError)
            return tr("Cannot find %1: the host name does not resolve.").arg(where);
        if (code == QNetworkReply::RemoteHostClosedError)
            return tr("The server at %1 closed the connection. It may have refused the client certificate, or "
                      "restarted.")
                .arg(where);
        if (code >= QNetworkReply::ProxyConnectionRefusedError && code <= QNetworkReply::UnknownProxyError)
            return tr("The proxy to %1 failed: %2").arg(where, message);
        return tr("Cannot reach %1: %2").arg(where, message);
    }
    case Kind::Credential:
        return tr("Cannot get credentials for this cluster: %1").arg(message);
    case Kind::Decode:
        return tr("The server's answer was not understood: %1").arg(message);
    case Kind::Http:
        break;
    }
    if (httpStatus == 401)
        return tr("The cluster did not accept your credentials (401 Unauthorized). Log in again or check the "
                  "kubeconfig user.");
    if (!message.isEmpty())
        return message;
    if (reason.isEmpty())
        return tr("The server answered %1.").arg(httpStatus);
    return tr("The server answered %1 %2.").arg(QString::number(httpStatus), reason);
}

QString followedBy(QString words, const QString &sentence)
{
    if (!words.isEmpty() && !QStringView(u".!?").contains(words.back()))
        words += u'.';
    if (!words.isEmpty() && !sentence.isEmpty())
        words += u' ';
    return words + sentence;
}

} // namespace sa
