// kube-sim's HTTP/1.1 request parser (request line, headers, Content-Length and chunked bodies, pipelining), reached
// as a client reaches it: the input is written on a TLS connection to an HttpServer in this process, which answers
// every request it parses (a streamed answer for paths under /watch). The connection is then closed and the event
// loop run until the server has let go of it. HttpServer.cpp is left as it is: the parser has no entry point of
// its own, and TLS costs a handshake per input (a few hundred inputs a second), which is what this target pays.
#include "FuzzSupport.h"

#include "HttpServer.h"
#include "Pki.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace {

// The client's TLS settings: kube-sim's CA only, so that no handshake loads the system's CA store (which, loaded on
// demand per connection, would cost more than the rest of an input).
QSslConfiguration &clientTls()
{
    static QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    return tls;
}

kubesim::HttpServer *server()
{
    static kubesim::HttpServer *instance = [] {
        fuzz::application();
        QString error;
        const auto pki = kubesim::Pki::generate(&error);
        if (!pki)
            fuzz::fail("a PKI for the server", error.toUtf8());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(pki->serverCertPem(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(pki->serverKeyPem(), QSsl::Ec, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::QueryPeer);
        const QList<QSslCertificate> ca {QSslCertificate(pki->caCertPem(), QSsl::Pem)};
        tls.setCaCertificates(ca);
        clientTls().setCaCertificates(ca);
        clientTls().setPeerVerifyMode(QSslSocket::VerifyNone);
        auto *httpServer = new kubesim::HttpServer(tls);
        QObject::connect(httpServer, &kubesim::HttpServer::requestReceived, httpServer,
                         [](kubesim::HttpExchange *exchange) {
                             const kubesim::HttpRequest &request = exchange->request();
                             QByteArray summary = request.method + ' ' + request.path.toUtf8();
                             for (const auto &[key, value] : request.query)
                                 summary += ' ' + key.toUtf8() + '=' + value.toUtf8();
                             for (const auto &[name, value] : request.headers)
                                 summary += '\n' + name + ": " + value;
                             (void)request.header("content-type");
                             (void)request.queryValue(u"watch");
                             summary += "\n\n" + request.body;
                             if (request.path.startsWith("/watch"_L1)) {
                                 exchange->beginStream(200, "application/json"_ba);
                                 exchange->writeChunk(summary);
                                 exchange->endStream();
                             } else {
                                 exchange->respond(200, "text/plain"_ba, summary);
                             }
                         });
        if (!httpServer->listen(QHostAddress::LocalHost))
            fuzz::fail("the server listens", httpServer->errorString().toUtf8());
        return httpServer;
    }();
    return instance;
}

template<typename Done>
void runUntil(Done done)
{
    const QDeadlineTimer deadline(5000);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kubesim::HttpServer *httpServer = server();
    static const qsizetype idleChildren = httpServer->children().size();
    {
        QSslSocket client;
        client.setSslConfiguration(clientTls());
        // Without it, Nagle's algorithm and delayed ACKs cost tens of milliseconds per handshake round trip.
        QObject::connect(&client, &QAbstractSocket::connected, &client,
                         [&client] { client.setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        client.connectToHostEncrypted(u"127.0.0.1"_s, httpServer->serverPort());
        runUntil([&] { return client.isEncrypted() || client.state() == QAbstractSocket::UnconnectedState; });
        if (!client.isEncrypted())
            fuzz::fail("the TLS handshake completes", client.errorString().toUtf8());
        client.write(fuzz::bytes(data, size));
        runUntil([&] { return client.encryptedBytesToWrite() == 0 && client.bytesToWrite() == 0; });
        // Let the server read what was sent before it sees the connection end.
        for (int i = 0; i < 4; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        client.disconnectFromHost();
        runUntil([&] { return client.state() == QAbstractSocket::UnconnectedState; });
        client.readAll();
    }
    runUntil([&] { return httpServer->children().size() <= idleChildren; });
    return 0;
}
