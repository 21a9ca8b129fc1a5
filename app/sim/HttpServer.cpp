#include "HttpServer.h"

#include "Status.h"

#include <QJsonDocument>

#include <QSslSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

constexpr qsizetype kMaxHeaderSize = 1024 * 1024;
constexpr qsizetype kMaxDiscard = 64 * 1024 * 1024;
// A chunk-size line is a hex number and maybe an extension: one longer than this is no chunk.
constexpr qsizetype kMaxChunkLine = 4096;
// What a connection may hold unread while a request is being answered (pipelined requests behind a watch).
constexpr qsizetype kMaxPending = kMaxHeaderSize + HttpServer::kMaxBodySize;

QByteArray reasonPhrase(int code)
{
    switch (code) {
    case 200:
        return "OK"_ba;
    case 201:
        return "Created"_ba;
    case 202:
        return "Accepted"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 406:
        return "Not Acceptable"_ba;
    case 409:
        return "Conflict"_ba;
    case 410:
        return "Gone"_ba;
    case 413:
        return "Request Entity Too Large"_ba;
    case 415:
        return "Unsupported Media Type"_ba;
    case 422:
        return "Unprocessable Entity"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 504:
        return "Gateway Timeout"_ba;
    default:
        return "Status"_ba;
    }
}

QByteArray statusHead(int code, const QByteArray &contentType, const HttpHeaders &extra)
{
    QByteArray head = "HTTP/1.1 "_ba + QByteArray::number(code) + ' ' + reasonPhrase(code) + "\r\n"_ba;
    if (!contentType.isEmpty())
        head += "Content-Type: "_ba + contentType + "\r\n"_ba;
    head += "Cache-Control: no-cache, private\r\n"_ba;
    for (const auto &[name, value] : extra)
        head += name + ": "_ba + value + "\r\n"_ba;
    return head;
}

QList<QPair<QString, QString>> parseQuery(const QByteArray &query)
{
    QList<QPair<QString, QString>> items;
    for (QByteArray part : query.split('&')) {
        if (part.isEmpty())
            continue;
        part.replace('+', ' ');
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

} // namespace

QString HttpRequest::queryValue(QStringView name) const
{
    for (const auto &[key, value] : query) {
        if (key == name)
            return value;
    }
    return {};
}

bool HttpRequest::hasQuery(QStringView name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return true;
    }
    return false;
}

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QList<QByteArray> HttpRequest::headerValues(QByteArrayView lowerName) const
{
    QList<QByteArray> values;
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            values.append(value);
    }
    return values;
}

// One TLS connection: parses requests in order and hands each to the server as an exchange. A
// request that arrives while another is being answered waits, as HTTP/1.1 pipelining requires.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QSslSocket *socket, HttpServer *server)
        : QObject(server)
        , m_socket(socket)
        , m_server(server)
    {
        socket->setParent(this);
        // Until the handshake ends, then whenever no request is in progress: a client that goes quiet is
        // dropped rather than holding its connection for ever.
        m_idle.setSingleShot(true);
        connect(&m_idle, &QTimer::timeout, this, [this] { m_socket->abort(); });
        m_idle.start(server->limits().handshakeTimeout);
        connect(socket, &QSslSocket::readyRead, this, &HttpConnection::parse);
        connect(socket, &QSslSocket::encrypted, this, [this] {
            m_idle.start(m_server->limits().idleTimeout);
            parse();
        });
        connect(socket, &QSslSocket::disconnected, this, &HttpConnection::closeDown);
        connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                closeDown();
        });
    }

    void write(const QByteArray &data)
    {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(data);
    }

    void abort()
    {
        m_socket->flush(); // an answer already written still goes out
        m_socket->abort();
    }

    void finish(HttpExchange *exchange)
    {
        if (exchange != m_current)
            return;
        m_current = nullptr;
        exchange->deleteLater();
        m_idle.start(m_server->limits().idleTimeout);
        if (m_closeAfterResponse) {
            m_socket->disconnectFromHost();
            return;
        }
        parse();
    }

private:
    void closeDown()
    {
        if (m_closed)
            return;
        m_closed = true;
        if (HttpExchange *exchange = m_current) {
            m_current = nullptr;
            exchange->m_done = true;
            Q_EMIT exchange->aborted();
            exchange->deleteLater();
        }
        deleteLater();
    }

    void fail(int code, const QByteArray &message)
    {
        write(statusHead(code, "text/plain; charset=utf-8"_ba, {}) + "Content-Length: "_ba
              + QByteArray::number(message.size()) + "\r\nConnection: close\r\n\r\n"_ba + message);
        m_closeAfterResponse = true;
        m_socket->disconnectFromHost();
    }

    void parse()
    {
        if (m_closed || !m_socket->isEncrypted())
            return;
        m_buffer += m_socket->readAll();
        if (m_current && m_buffer.size() > kMaxPending) {
            // A client that keeps sending while its request is answered (a watch) would grow the buffer
            // without bound.
            m_socket->abort();
            return;
        }
        if (m_discard > 0) {
            discard();
            return;
        }
        while (!m_current && !m_closeAfterResponse) {
            if (!m_haveHead && !parseHead())
                return;
            if (!parseBody())
                return;
            m_haveHead = false;
            dispatch();
        }
    }

    bool parseHead()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 ? m_buffer.size() > kMaxHeaderSize : end > kMaxHeaderSize) {
            fail(431, "431 Request Header Fields Too Large"_ba);
            return false;
        }
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            fail(400, "400 Bad Request"_ba);
            return false;
        }
        m_request = HttpRequest();
        m_request.method = requestLine[0];
        const QByteArray &target = requestLine[1];
        if (!target.startsWith('/')) {
            fail(400, "400 Bad Request"_ba);
            return false;
        }
        const qsizetype question = target.indexOf('?');
        m_request.path =
            QString::fromUtf8(QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question)));
        if (question >= 0)
            m_request.query = parseQuery(target.mid(question + 1));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            m_request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        m_request.peerCertificateDer = m_socket->peerCertificate().toDer();
        m_closeRequested = m_request.header("connection").toLower() == "close" || requestLine[2] == "HTTP/1.0";
        m_chunkedBody = m_request.header("transfer-encoding").toLower().contains("chunked");
        m_chunk = Chunk::SizeLine;
        m_chunkLeft = 0;
        m_trailerSize = 0;
        const QList<QByteArray> lengths = m_request.headerValues("content-length");
        // As Go's net/http: a body framed two ways is a request smuggling attempt, and so are differing
        // lengths; identical duplicates are taken as one.
        if (!lengths.isEmpty() && !m_request.headerValues("transfer-encoding").isEmpty()) {
            fail(400, "400 Bad Request: Content-Length with Transfer-Encoding"_ba);
            return false;
        }
        if (std::any_of(lengths.cbegin(), lengths.cend(), [&](const QByteArray &l) { return l != lengths.first(); })) {
            fail(400, "400 Bad Request: bad Content-Length"_ba);
            return false;
        }
        bool ok = true;
        const QByteArray length = lengths.value(0);
        m_contentLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            fail(400, "400 Bad Request: invalid Content-Length"_ba);
            return false;
        }
        if (m_contentLength > HttpServer::kMaxBodySize) {
            tooLarge();
            return false;
        }
        m_haveHead = true;
        return true;
    }

    void tooLarge()
    {
        // The apiserver's own words for a body over its limit, as a Status.
        const QByteArray body = QJsonDocument(status::tooLarge(u"Request entity too large: limit is "_s
                                                               + QString::number(HttpServer::kMaxBodySize))
                                                  .status)
                                    .toJson(QJsonDocument::Compact);
        write(statusHead(413, "application/json"_ba, {}) + "Content-Length: "_ba + QByteArray::number(body.size())
              + "\r\nConnection: close\r\n\r\n"_ba + body);
        m_closeAfterResponse = true;
        // A client still sending would see a reset instead of the answer: take (and drop) the rest of a
        // declared body first, up to a bound.
        m_discard = m_chunkedBody ? 0 : m_contentLength;
        if (m_discard <= 0 || m_discard > kMaxDiscard)
            m_socket->disconnectFromHost();
        else
            discard();
    }

    void discard()
    {
        const qsizetype dropped = qMin<qsizetype>(m_discard, m_buffer.size());
        m_buffer.remove(0, dropped);
        m_discard -= dropped;
        if (m_discard == 0)
            m_socket->disconnectFromHost();
    }

    bool parseBody()
    {
        if (!m_chunkedBody) {
            if (m_buffer.size() < m_contentLength)
                return false;
            m_request.body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            return true;
        }
        // Chunked request body: decoded as it arrives, each byte once; what is decoded leaves the buffer, and
        // m_chunk says where the next byte belongs.
        for (;;) {
            switch (m_chunk) {
            case Chunk::SizeLine: {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n");
                if (lineEnd < 0 ? m_buffer.size() > kMaxChunkLine : lineEnd > kMaxChunkLine) {
                    fail(400, "400 Bad Request: malformed chunk"_ba);
                    return false;
                }
                if (lineEnd < 0)
                    return false;
                bool ok = false;
                const qint64 size = m_buffer.first(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
                m_buffer.remove(0, lineEnd + 2);
                if (!ok || size < 0) {
                    fail(400, "400 Bad Request: malformed chunk"_ba);
                    return false;
                }
                if (size > HttpServer::kMaxBodySize - m_request.body.size()) {
                    tooLarge();
                    return false;
                }
                m_chunkLeft = size;
                m_chunk = size == 0 ? Chunk::Trailer : Chunk::Data;
                break;
            }
            case Chunk::Data: {
                const qsizetype take = qMin<qsizetype>(m_chunkLeft, m_buffer.size());
                m_request.body += QByteArrayView(m_buffer).first(take);
                m_buffer.remove(0, take);
                m_chunkLeft -= take;
                if (m_chunkLeft > 0)
                    return false;
                m_chunk = Chunk::DataEnd;
                break;
            }
            case Chunk::DataEnd:
                if (m_buffer.size() < 2)
                    return false;
                if (!m_buffer.startsWith("\r\n")) {
                    fail(400, "400 Bad Request: malformed chunk"_ba);
                    return false;
                }
                m_buffer.remove(0, 2);
                m_chunk = Chunk::SizeLine;
                break;
            case Chunk::Trailer: {
                // Trailer fields (ignored) up to an empty line; all of them bounded as a header section is.
                const qsizetype lineEnd = m_buffer.indexOf("\r\n");
                if (m_trailerSize + (lineEnd < 0 ? m_buffer.size() : lineEnd) > kMaxHeaderSize) {
                    fail(431, "431 Request Header Fields Too Large"_ba);
                    return false;
                }
                if (lineEnd < 0)
                    return false;
                m_buffer.remove(0, lineEnd + 2);
                m_trailerSize += lineEnd + 2;
                if (lineEnd == 0)
                    return true;
                break;
            }
            }
        }
    }

    void dispatch()
    {
        // Nothing after a request that asks to close is read; set only now, as its own body may still be coming.
        m_closeAfterResponse = m_closeRequested;
        m_idle.stop(); // a watch may rightly stay quiet for long
        m_current = new HttpExchange(this, std::move(m_request));
        Q_EMIT m_server->requestReceived(m_current);
    }

    QSslSocket *m_socket;
    HttpServer *m_server;
    QByteArray m_buffer;
    HttpRequest m_request;
    bool m_haveHead = false;
    bool m_chunkedBody = false;
    enum class Chunk { SizeLine, Data, DataEnd, Trailer };
    Chunk m_chunk = Chunk::SizeLine;
    qint64 m_chunkLeft = 0; // bytes of the current chunk's data still to come
    qsizetype m_trailerSize = 0;
    qsizetype m_contentLength = 0;
    qsizetype m_discard = 0;
    bool m_closeRequested = false; // by the request being read (Connection: close, HTTP/1.0)
    bool m_closeAfterResponse = false; // nothing more is read: the connection closes after the answer
    bool m_closed = false;
    HttpExchange *m_current = nullptr;
    QTimer m_idle;
};

HttpExchange::HttpExchange(HttpConnection *connection, HttpRequest request)
    : QObject(connection)
    , m_connection(connection)
    , m_request(std::move(request))
{ }

void HttpExchange::respond(int code, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &extra)
{
    if (m_done || m_streaming || !m_connection)
        return;
    m_done = true;
    m_connection->write(statusHead(code, contentType, m_headers + extra) + "Content-Length: "_ba
                        + QByteArray::number(body.size()) + "\r\n\r\n"_ba + body);
    m_connection->finish(this);
}

void HttpExchange::beginStream(int code, const QByteArray &contentType, const HttpHeaders &extra)
{
    if (m_done || m_streaming || !m_connection)
        return;
    m_streaming = true;
    m_connection->write(statusHead(code, contentType, m_headers + extra) + "Transfer-Encoding: chunked\r\n\r\n"_ba);
}

void HttpExchange::writeChunk(const QByteArray &data)
{
    if (m_done || !m_streaming || !m_connection || data.isEmpty())
        return;
    m_connection->write(QByteArray::number(data.size(), 16) + "\r\n"_ba + data + "\r\n"_ba);
}

void HttpExchange::endStream()
{
    if (m_done || !m_streaming || !m_connection)
        return;
    m_done = true;
    m_connection->write("0\r\n\r\n"_ba);
    m_connection->finish(this);
}

HttpServer::HttpServer(const QSslConfiguration &tls, QObject *parent)
    : QTcpServer(parent)
    , m_tls(tls)
{ }

void HttpServer::dropConnections()
{
    for (HttpConnection *connection : findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly))
        connection->abort();
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly).size() >= m_limits.maxConnections) {
        socket->abort();
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    // Responses are written whole: Nagle's algorithm would only hold back their last segment.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new HttpConnection(socket, this);
    socket->startServerEncryption();
}

} // namespace kubesim

#include "HttpServer.moc"
