#pragma once

#include "api/ApiError.h"
#include "api/RetryPolicy.h"
#include "auth/Credentials.h"
#include "config/Kubeconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace sa {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ApiRequest
{
    QByteArray verb = "GET";
    QString path; // e.g. /api/v1/namespaces/default/serviceaccounts; the server's own path prefix is added
    QList<QPair<QString, QString>> query;
    QByteArray body;
    QByteArray contentType; // defaults to application/json when there is a body
    QByteArray accept = "application/json";
    bool stream = false; // a watch: no transfer timeout, chunks as they come, no automatic retry
    HeaderList headers; // e.g. Impersonate-User
    // The request or its answer carries a secret: sent through a network manager of its own, not on the
    // connections that every other request shares (see KubeClient::dispatch()).
    bool sensitive = false;
    // At most this many attempts in all, when fewer than the client's retry policy allows (0: the policy's).
    int maxAttempts = 0;
};

struct ApiResult
{
    int status = 0;
    QByteArray body;
    QStringList warnings; // from Warning headers, e.g. a shortened token expiration
    std::optional<ApiError> error;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
    [[nodiscard]] QJsonObject json() const;
};

class KubeClient;

// One API call: obtains the credential, sends, retries as the policy allows, refreshes an exec or file
// credential once after a 401, and emits finished() exactly once, then deletes itself. cancel() ends it
// with a Canceled error.
class ApiJob : public QObject
{
    Q_OBJECT
public:
    ApiJob(KubeClient *client, ApiRequest request);
    ~ApiJob() override;

    [[nodiscard]] const ApiRequest &request() const { return m_request; }
    void cancel();

Q_SIGNALS:
    void finished(const sa::ApiResult &result);
    // An attempt failed and will be retried after the policy's delay: for callers that show progress.
    void retrying(const sa::ApiError &error);
    // Streams only: the server answered 2xx, the stream is open (data may take a while).
    void streamOpened();
    // Streams only: response bytes as they arrive.
    void received(const QByteArray &data);

private:
    friend class KubeClient;
    void start();
    void send(const Credential &credential);
    void onReplyFinished();
    void onHandshakeTimeout();
    // Aborts the reply in flight, without hearing from it again; returns its manager.
    QNetworkAccessManager *dropReply();
    // A failed attempt: refresh a rejected credential once, retry as the policy says, or finish.
    void failed(ApiResult result);
    void finish(ApiResult result);

    QPointer<KubeClient> m_client;
    ApiRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_handshakeTimer = nullptr;
    QList<QSslError> m_sslErrors;
    quint64 m_credentialGeneration = 0; // of the credential sent, so that a 401 invalidates that one only
    int m_attempt = 0;
    bool m_handshakeDone = false; // the connection of the reply in flight is up (TLS done, or the request sent)
    bool m_refreshedCredential = false;
    bool m_done = false;
};

// The one client of a cluster: owns the one QNetworkAccessManager, the TLS settings and the credential of
// a resolved kubeconfig context. Every request has a transfer timeout (except streams), the User-Agent
// sa-admin/VERSION, and TLS verified against the kubeconfig's CA. Nothing it logs carries a credential or a
// query string.
class KubeClient : public QObject
{
    Q_OBJECT
public:
    // nullptr with *error when the context cannot be used (a CA file that cannot be read, an unsupported
    // proxy or server URL, a legacy auth-provider).
    [[nodiscard]] static std::unique_ptr<KubeClient> create(const ResolvedContext &context, QString *error);
    ~KubeClient() override;

    [[nodiscard]] ApiJob *send(ApiRequest request);

    [[nodiscard]] const ResolvedContext &context() const { return m_context; }
    [[nodiscard]] QUrl server() const { return m_server; }
    // Set when the kubeconfig turns TLS verification off: the UI shows it.
    [[nodiscard]] const QString &tlsWarning() const { return m_tls.warning; }
    [[nodiscard]] const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(RetryPolicy policy) { m_retryPolicy = std::move(policy); }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // How long a connection may take from the first TCP packet to a complete TLS handshake (Go's
    // TLSHandshakeTimeout, 10 s, as client-go uses it); 0: no limit but the transfer timeout.
    void setHandshakeTimeout(int milliseconds) { m_handshakeTimeoutMs = milliseconds; }
    [[nodiscard]] CredentialProvider *credentials() const { return m_credentials.get(); }

    // A client for the same cluster that authenticates with this bearer token alone (e.g. to ask who a token
    // is). The token stays in memory only.
    [[nodiscard]] std::unique_ptr<KubeClient> withToken(const QByteArray &token) const;

    [[nodiscard]] static QByteArray userAgent();

private:
    friend class ApiJob;
    KubeClient(ResolvedContext context, QUrl server, TlsSettings tls);
    [[nodiscard]] QNetworkReply *dispatch(const ApiRequest &request, const Credential &credential);

    ResolvedContext m_context;
    QUrl m_server;
    TlsSettings m_tls;
    std::unique_ptr<CredentialProvider> m_credentials;
    std::optional<Credential> m_fixedCredential; // withToken()
    // Requests go through m_network. Watch streams hold their connection for minutes, and Qt opens at most six
    // HTTP/1.1 connections per host and manager: streams therefore get managers of their own (a few streams
    // each), so that they never take the connections requests need. Over HTTP/2 all of it is multiplexed.
    QNetworkAccessManager *m_network = nullptr;
    struct StreamManager
    {
        QNetworkAccessManager *manager;
        int streams;
    };
    QList<StreamManager> m_streamManagers;
    QNetworkAccessManager *m_sensitiveNetwork = nullptr; // requests whose connections are not kept (sensitive)
    [[nodiscard]] QNetworkAccessManager *streamManager();
    RetryPolicy m_retryPolicy;
    int m_timeoutMs = 30000;
    int m_handshakeTimeoutMs = 10000;
    QByteArray m_clientCertificateDigest; // to drop pooled connections when an exec plugin rotates it
};

} // namespace sa
