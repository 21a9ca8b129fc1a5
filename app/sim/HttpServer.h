#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QTcpServer>

#include <chrono>

class QSslSocket;

namespace kubesim {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded
    QList<QPair<QString, QString>> query; // form-decoded ('+' is a space, as Go's url.Values encodes it)
    HttpHeaders headers; // names lower-cased
    QByteArray body;
    QByteArray peerCertificateDer; // empty when the client sent none

    // The first value of a header, or an empty array.
    [[nodiscard]] QByteArray header(QByteArrayView lowerName) const;
    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView lowerName) const;
    [[nodiscard]] QString queryValue(QStringView name) const;
    [[nodiscard]] bool hasQuery(QStringView name) const;
};

class HttpConnection;

// One request and its response. A plain response ends the exchange; a stream (a watch) stays open
// until endStream() or until the client goes away, which emits aborted().
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(HttpConnection *connection, HttpRequest request);

    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    // A header to send with whatever response this exchange gives.
    void addHeader(const QByteArray &name, const QByteArray &value) { m_headers.append({name, value}); }
    void respond(int code, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &extra = {});
    void beginStream(int code, const QByteArray &contentType, const HttpHeaders &extra = {});
    void writeChunk(const QByteArray &data);
    void endStream();
    [[nodiscard]] bool isStreaming() const { return m_streaming; }

Q_SIGNALS:
    void aborted();

private:
    friend class HttpConnection;
    QPointer<HttpConnection> m_connection;
    HttpRequest m_request;
    HttpHeaders m_headers;
    bool m_streaming = false;
    bool m_done = false;
};

// HTTP/1.1 over TLS: keep-alive, chunked responses, and request bodies capped at kMaxBodySize.
class HttpServer : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxBodySize = 3 * 1024 * 1024;

    // How long a connection may sit without a request in progress, or take over its TLS handshake, before
    // it is closed (as Go's http.Server IdleTimeout and the apiserver's TLS handshake timeout); and how many
    // connections may be open at once (one more is closed on arrival).
    struct Limits
    {
        std::chrono::milliseconds idleTimeout {90000};
        std::chrono::milliseconds handshakeTimeout {10000};
        int maxConnections = 1000;
    };

    explicit HttpServer(const QSslConfiguration &tls, QObject *parent = nullptr);

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }

    // Closes every open connection at once, as a crashed server would.
    void dropConnections();

Q_SIGNALS:
    void requestReceived(kubesim::HttpExchange *exchange);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QSslConfiguration m_tls;
    Limits m_limits;
};

} // namespace kubesim
