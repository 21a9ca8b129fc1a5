#include "api/KubeClient.h"

#include "api/ApiPath.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "sa.api", QtWarningMsg)

namespace sa {

namespace {

QString encodedQuery(const QList<QPair<QString, QString>> &items)
{
    QStringList parts;
    for (const auto &[key, value] : items)
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value)));
    return parts.join(u'&');
}

// "299 - "text"" → text; several Warning headers may arrive folded with commas.
QStringList parseWarnings(const QNetworkReply *reply)
{
    QStringList warnings;
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (name.compare("Warning", Qt::CaseInsensitive) != 0)
            continue;
        const qsizetype open = value.indexOf('"');
        const qsizetype close = value.lastIndexOf('"');
        warnings.append(QString::fromUtf8(open >= 0 && close > open ? value.mid(open + 1, close - open - 1) : value));
    }
    return warnings;
}

std::optional<QNetworkProxy> proxyFor(const QString &proxyUrl, QString *error)
{
    if (proxyUrl.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl url(proxyUrl);
    QNetworkProxy proxy;
    if (url.scheme() == "http"_L1) {
        proxy.setType(QNetworkProxy::HttpProxy);
    } else if (url.scheme() == "socks5"_L1) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
    } else {
        *error = QCoreApplication::translate("sa::KubeClient",
                                             "proxy-url %1 is not supported: Qt speaks to http:// and socks5:// "
                                             "proxies only")
                     .arg(url.toDisplayString(QUrl::RemoveUserInfo));
        return std::nullopt;
    }
    proxy.setHostName(url.host());
    proxy.setPort(quint16(url.port(url.scheme() == "http"_L1 ? 80 : 1080)));
    proxy.setUser(url.userName());
    proxy.setPassword(url.password());
    return proxy;
}

// An Impersonate-Extra- key as client-go escapes it (transport/round_trippers.go headerKeyEscape): every byte that
// is not an HTTP token character, and "%", percent-encoded, so that any key makes a valid header name.
QByteArray extraHeaderKey(const QString &key)
{
    static constexpr QByteArrayView tokenPunctuation("!#$&'*+-.^_`|~");
    QByteArray escaped;
    for (const char c : key.toUtf8()) {
        const auto byte = uchar(c);
        const bool alphanumeric =
            (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
        if (alphanumeric || tokenPunctuation.contains(c))
            escaped += c;
        else
            escaped += '%' + QByteArray::number(byte, 16).rightJustified(2, '0').toUpper();
    }
    return escaped;
}

// The kubeconfig user's impersonation, header by header as kubectl sends it: as, each of as-groups, as-uid and each
// value of each as-user-extra key. None is dropped: each narrows what the impersonated user may do.
HeaderList impersonationHeaders(const AuthInfo &user)
{
    HeaderList headers;
    if (user.impersonate.isEmpty())
        return headers;
    headers.append({"Impersonate-User"_ba, user.impersonate.toUtf8()});
    for (const QString &group : user.impersonateGroups)
        headers.append({"Impersonate-Group"_ba, group.toUtf8()});
    if (!user.impersonateUid.isEmpty())
        headers.append({"Impersonate-Uid"_ba, user.impersonateUid.toUtf8()});
    for (auto it = user.impersonateUserExtra.cbegin(); it != user.impersonateUserExtra.cend(); ++it) {
        for (const QString &value : it.value())
            headers.append({"Impersonate-Extra-"_ba + extraHeaderKey(it.key()), value.toUtf8()});
    }
    return headers;
}

// Why the impersonation cannot be sent, empty when it can: a value with a line break or another control character
// would end its header line.
QString impersonationProblem(const AuthInfo &user)
{
    for (const auto &[name, value] : impersonationHeaders(user)) {
        if (std::ranges::any_of(value, [](char c) { return uchar(c) < 0x20 || c == 0x7F; }))
            return QCoreApplication::translate("sa::KubeClient",
                                               "the user's impersonation (%1) holds a control character")
                .arg(QString::fromLatin1(name));
    }
    return {};
}

} // namespace

QJsonObject ApiResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ApiJob::ApiJob(KubeClient *client, ApiRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{ }

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::cancel()
{
    ApiError canceled;
    canceled.kind = ApiError::Kind::Canceled;
    canceled.message = u"canceled"_s;
    finish({0, {}, {}, canceled});
}

void ApiJob::start()
{
    if (m_done || !m_client)
        return;
    if (!dotSegment(m_request.path).isEmpty()) {
        ApiError refused;
        refused.kind = ApiError::Kind::Http;
        refused.message = u"A name may not be \".\" or \"..\": the request was not sent."_s;
        finish({0, {}, {}, refused});
        return;
    }
    if (const QString problem = impersonationProblem(m_client->m_context.user); !problem.isEmpty()) {
        finish({0, {}, {}, ApiError::credential(problem)});
        return;
    }
    if (m_client->m_fixedCredential) {
        send(*m_client->m_fixedCredential);
        return;
    }
    CredentialProvider *credentials = m_client->m_credentials.get();
    credentials->obtain(this, [this, credentials](const std::optional<Credential> &credential, const QString &error) {
        if (!credential) {
            finish({0, {}, {}, ApiError::credential(error)});
            return;
        }
        m_credentialGeneration = credentials->generation();
        send(*credential);
    });
}

void ApiJob::send(const Credential &credential)
{
    if (m_done || !m_client)
        return;
    m_sslErrors.clear();
    m_reply = m_client->dispatch(m_request, credential);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    if (m_client->m_handshakeTimeoutMs > 0) {
        // Timed from the connection's first packet, not from the call: a request may wait for a pooled connection.
        if (!m_handshakeTimer) {
            m_handshakeTimer = new QTimer(this);
            m_handshakeTimer->setSingleShot(true);
            connect(m_handshakeTimer, &QTimer::timeout, this, &ApiJob::onHandshakeTimeout);
        }
        m_handshakeTimer->setInterval(m_client->m_handshakeTimeoutMs);
        connect(m_reply, &QNetworkReply::socketStartedConnecting, m_handshakeTimer, qOverload<>(&QTimer::start));
    }
    m_handshakeDone = false;
    for (const auto signal :
         {&QNetworkReply::encrypted, &QNetworkReply::requestSent, &QNetworkReply::metaDataChanged}) {
        connect(m_reply, signal, this, [this] {
            m_handshakeDone = true;
            if (m_handshakeTimer)
                m_handshakeTimer->stop();
        });
    }
    if (m_request.stream) {
        connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
            const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300)
                Q_EMIT streamOpened();
        });
        connect(m_reply, &QNetworkReply::readyRead, this, [this] {
            const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300)
                Q_EMIT received(m_reply->readAll());
        });
    }
}

void ApiJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_handshakeTimer)
        m_handshakeTimer->stop();
    if (m_done)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply (the transfer timeout aborts) is closed: reading it would only warn "device not open".
    ApiResult result {status, reply->isOpen() ? reply->readAll() : QByteArray(), parseWarnings(reply), std::nullopt};
    const QNetworkReply::NetworkError networkError = reply->error();
    if (status >= 200 && status < 300 && networkError == QNetworkReply::NoError) {
        finish(std::move(result));
        return;
    }
    const QString host = m_client->server().host();
    if (status >= 200 && status < 300) {
        // The answer had begun: a stream (or a long body) cut by the network or a server restart, not an HTTP error.
        result.error = ApiError::connectionLost(reply->errorString(), host);
    } else if (status > 0) {
        result.error = ApiError::fromStatus(status, result.body, reply->rawHeader("Retry-After"));
    } else if (networkError == QNetworkReply::OperationCanceledError) {
        // Not cancel() (that disconnects first): Qt aborts a reply whose transfer timeout expired. Its connection may
        // hang in the handshake, where Qt would queue the next request: dropped too (see onHandshakeTimeout).
        if (!m_handshakeDone)
            reply->manager()->clearConnectionCache();
        result.error = ApiError::fromTransport(QNetworkReply::TimeoutError, reply->errorString(), host, m_sslErrors);
    } else {
        result.error = ApiError::fromTransport(networkError, reply->errorString(), host, m_sslErrors);
        result.error->tlsName = m_client->m_tls.peerVerifyName.isEmpty() ? host : m_client->m_tls.peerVerifyName;
    }
    failed(std::move(result));
}

QNetworkAccessManager *ApiJob::dropReply()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (m_handshakeTimer)
        m_handshakeTimer->stop();
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    return reply->manager();
}

void ApiJob::onHandshakeTimeout()
{
    if (m_done || !m_reply || !m_client)
        return;
    QNetworkAccessManager *manager = dropReply();
    // Qt keeps a connection that hangs in its handshake after the abort and gives it the next request, which then
    // waits for the transfer timeout: drop it, so that a retry connects anew.
    manager->clearConnectionCache();
    const QUrl server = m_client->server();
    const bool tls = server.scheme() == "https"_L1;
    const quint16 port = quint16(server.port(tls ? 443 : 80));
    const QString authority = server.host() + u':' + QString::number(port);
    const int limit = m_client->m_handshakeTimeoutMs;
    const auto fail = [this, manager, authority, limit, tls](std::optional<bool> accepted) {
        const ApiError error = ApiError::handshakeTimeout(authority, limit, accepted, tls);
        // Requests queued behind the hung connection wait on it without ever connecting: they share the verdict.
        if (m_client) {
            for (ApiJob *job : m_client->findChildren<ApiJob *>(Qt::FindDirectChildrenOnly)) {
                if (job != this && !job->m_done && job->m_reply && !job->m_handshakeDone
                    && job->m_reply->manager() == manager) {
                    job->dropReply();
                    job->failed({0, {}, {}, error});
                }
            }
        }
        failed({0, {}, {}, error});
    };
    if (m_client->m_network->proxy().type() != QNetworkProxy::NoProxy) {
        fail(std::nullopt);
        return;
    }
    // Whether the server takes a TCP connection at all tells a hung TLS endpoint from an unreachable one.
    auto *probe = new QTcpSocket(this);
    probe->setProxy(QNetworkProxy::NoProxy);
    auto answered = std::make_shared<bool>(false);
    const auto conclude = [probe, answered, fail](bool accepted) {
        if (std::exchange(*answered, true))
            return;
        probe->disconnect();
        probe->abort();
        probe->deleteLater();
        fail(accepted);
    };
    connect(probe, &QTcpSocket::connected, this, [conclude] { conclude(true); });
    connect(probe, &QTcpSocket::errorOccurred, this, [conclude] { conclude(false); });
    QTimer::singleShot(std::min(m_client->m_handshakeTimeoutMs, 2000), probe, [conclude] { conclude(false); });
    probe->connectToHost(server.host(), port);
}

void ApiJob::failed(ApiResult result)
{
    if (m_done || !m_client)
        return;
    // A rejected credential from an exec plugin or a token file may just be stale: fetch it again, once.
    if (result.status == 401 && !m_refreshedCredential && !m_client->m_fixedCredential) {
        m_refreshedCredential = true;
        m_client->m_credentials->invalidate(m_credentialGeneration);
        start();
        return;
    }
    ++m_attempt;
    const bool lastAttempt = m_request.stream || (m_request.maxAttempts > 0 && m_attempt >= m_request.maxAttempts);
    const RetryPolicy::Decision decision = lastAttempt
        ? RetryPolicy::Decision {}
        : m_client->retryPolicy().decide(m_request.verb, m_attempt, *result.error);
    if (!decision.retry) {
        finish(std::move(result));
        return;
    }
    qCDebug(lcApi) << "retrying" << m_request.verb << m_request.path << "in" << decision.delay.count() << "ms";
    Q_EMIT retrying(*result.error);
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &ApiJob::start);
    }
    m_retryTimer->start(decision.delay);
}

void ApiJob::finish(ApiResult result)
{
    if (m_done)
        return;
    m_done = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_handshakeTimer)
        m_handshakeTimer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (result.error)
        qCDebug(lcApi) << m_request.verb << m_request.path << "failed:" << result.status << result.error->reason
                       << result.error->networkError;
    Q_EMIT finished(result);
    deleteLater();
}

KubeClient::KubeClient(ResolvedContext context, QUrl server, TlsSettings tls)
    : m_context(std::move(context))
    , m_server(std::move(server))
    , m_tls(std::move(tls))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

KubeClient::~KubeClient()
{
    // Jobs refer to replies that the managers own: end the jobs first.
    qDeleteAll(findChildren<ApiJob *>(Qt::FindDirectChildrenOnly));
}

QNetworkAccessManager *KubeClient::streamManager()
{
    constexpr int streamsPerManager = 5; // one of Qt's six connections stays free for the stream manager's own use
    auto it = std::find_if(m_streamManagers.begin(), m_streamManagers.end(),
                           [](const StreamManager &entry) { return entry.streams < streamsPerManager; });
    if (it == m_streamManagers.end()) {
        auto *manager = new QNetworkAccessManager(this);
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        manager->setProxy(m_network->proxy());
        m_streamManagers.append({manager, 0});
        it = std::prev(m_streamManagers.end());
    }
    ++it->streams;
    return it->manager;
}

std::unique_ptr<KubeClient> KubeClient::create(const ResolvedContext &context, QString *error)
{
    const QUrl server(context.cluster.server, QUrl::StrictMode);
    if (!server.isValid() || server.host().isEmpty()
        || (server.scheme() != "https"_L1 && server.scheme() != "http"_L1)) {
        *error = u"the server of cluster \""_s + context.cluster.name + u"\" is not a valid http(s) URL: "_s
            + context.cluster.server;
        return nullptr;
    }
    if (context.user.authProvider) {
        *error = CredentialProvider::authProviderMessage(*context.user.authProvider);
        return nullptr;
    }
    std::optional<TlsSettings> tls = tlsSettings(context.cluster, error);
    if (!tls)
        return nullptr;
    const std::optional<QNetworkProxy> proxy = proxyFor(context.cluster.proxyUrl, error);
    if (!proxy)
        return nullptr;
    std::unique_ptr<KubeClient> client(new KubeClient(context, server, *tls));
    client->m_network->setProxy(*proxy);
    client->m_credentials = std::make_unique<CredentialProvider>(context.user, context.cluster);
    return client;
}

std::unique_ptr<KubeClient> KubeClient::withToken(const QByteArray &token) const
{
    ResolvedContext context = m_context;
    context.user = AuthInfo {};
    context.user.name = u"token"_s;
    std::unique_ptr<KubeClient> client(new KubeClient(context, m_server, m_tls));
    client->m_network->setProxy(m_network->proxy());
    client->m_fixedCredential = Credential {"Bearer "_ba + token, std::nullopt, {}};
    client->m_retryPolicy = m_retryPolicy;
    client->m_timeoutMs = m_timeoutMs;
    client->m_handshakeTimeoutMs = m_handshakeTimeoutMs;
    return client;
}

QByteArray KubeClient::userAgent()
{
    return "sa-admin/"_ba + SA_VERSION;
}

ApiJob *KubeClient::send(ApiRequest request)
{
    auto *job = new ApiJob(this, std::move(request));
    // Started on the next turn of the event loop, so that the caller connects to finished() first.
    QMetaObject::invokeMethod(job, &ApiJob::start, Qt::QueuedConnection);
    return job;
}

QNetworkReply *KubeClient::dispatch(const ApiRequest &request, const Credential &credential)
{
    QUrl url = m_server;
    QString prefix = url.path(QUrl::FullyEncoded);
    if (prefix.endsWith(u'/'))
        prefix.chop(1);
    // The path comes encoded (names are pathSegment()s): set as it is, so that an encoded "/" stays inside its
    // segment (the default DecodedMode would encode the "%" again).
    url.setPath(prefix + request.path, QUrl::TolerantMode);
    url.setQuery(encodedQuery(request.query), QUrl::StrictMode);
    QNetworkRequest networkRequest(url);
    networkRequest.setRawHeader("User-Agent", userAgent());
    networkRequest.setRawHeader("Accept", request.accept);
    if (!request.body.isEmpty() || request.verb == "POST" || request.verb == "PUT" || request.verb == "PATCH")
        networkRequest.setRawHeader("Content-Type",
                                    request.contentType.isEmpty() ? "application/json"_ba : request.contentType);
    if (m_context.cluster.disableCompression)
        networkRequest.setRawHeader("Accept-Encoding", "identity");
    if (!credential.authorization.isEmpty())
        networkRequest.setRawHeader("Authorization", credential.authorization);
    // A request that impersonates someone itself (rules reviewed as an account) is that user only: the kubeconfig's
    // as-groups, as-uid and as-user-extra describe its own impersonation and would change who the request is.
    const bool ownImpersonation = std::ranges::any_of(
        request.headers, [](const auto &header) { return header.first.toLower().startsWith("impersonate-"); });
    const HeaderList impersonation = ownImpersonation ? HeaderList() : impersonationHeaders(m_context.user);
    if (!impersonation.isEmpty()) {
        // Impersonate-Group and Impersonate-Extra-KEY repeat, one line per value (client-go's Header.Add): the
        // apiserver reads each line as one value and never splits a folded "a, b". QNetworkRequest keeps one value
        // per name (Qt 6.4 has no QHttpHeaders), so the further lines of a name are written into its value, which
        // HTTP/1.1 sends as it is; HTTP/2 would refuse the line breaks, so these requests stay on HTTP/1.1. The
        // values hold no line break of their own (checked before sending: impersonationProblem()).
        QList<QByteArray> names;
        QHash<QByteArray, QByteArray> values;
        for (const auto &[name, value] : impersonation) {
            if (!values.contains(name)) {
                names.append(name);
                values.insert(name, value);
            } else {
                values[name] += "\r\n" + name + ": " + value;
            }
        }
        for (const QByteArray &name : std::as_const(names))
            networkRequest.setRawHeader(name, values.value(name));
        networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    }
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setTransferTimeout(request.stream ? 0 : m_timeoutMs);
    if (!m_tls.peerVerifyName.isEmpty())
        networkRequest.setPeerVerifyName(m_tls.peerVerifyName);

    QSslConfiguration ssl = m_tls.configuration;
    if (credential.clientCertificate) {
        ssl.setLocalCertificate(credential.clientCertificate->certificate);
        ssl.setLocalCertificateChain(QList<QSslCertificate> {credential.clientCertificate->certificate}
                                     + credential.clientCertificate->chain);
        ssl.setPrivateKey(credential.clientCertificate->key);
        // Pooled connections keep the certificate they were opened with: a rotated one needs new ones.
        const QByteArray digest = credential.clientCertificate->certificate.digest(QCryptographicHash::Sha256);
        if (!m_clientCertificateDigest.isEmpty() && digest != m_clientCertificateDigest) {
            m_network->clearConnectionCache();
            if (m_sensitiveNetwork)
                m_sensitiveNetwork->clearConnectionCache();
            for (const StreamManager &entry : std::as_const(m_streamManagers))
                entry.manager->clearConnectionCache();
        }
        m_clientCertificateDigest = digest;
    }
    networkRequest.setSslConfiguration(ssl);
    qCDebug(lcApi) << request.verb << request.path; // never the query, never a header
    if (request.sensitive) {
        // A manager of their own, whose connections Qt closes and deletes as soon as they are idle: the socket read
        // buffer (16 KiB) that Qt's HTTP thread keeps and reuses for as long as a connection lives, and which holds
        // the last answer, is freed with it (and so wiped, see app/WipeOnFree.cpp).
        if (!m_sensitiveNetwork) {
            m_sensitiveNetwork = new QNetworkAccessManager(this);
            m_sensitiveNetwork->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
            m_sensitiveNetwork->setProxy(m_network->proxy());
        }
        networkRequest.setAttribute(QNetworkRequest::ConnectionCacheExpiryTimeoutSecondsAttribute, 0);
        return m_sensitiveNetwork->sendCustomRequest(networkRequest, request.verb, request.body);
    }
    if (!request.stream)
        return m_network->sendCustomRequest(networkRequest, request.verb, request.body);
    QNetworkAccessManager *manager = streamManager();
    QNetworkReply *reply = manager->sendCustomRequest(networkRequest, request.verb, request.body);
    connect(reply, &QObject::destroyed, this, [this, manager] {
        for (StreamManager &entry : m_streamManagers) {
            if (entry.manager == manager)
                --entry.streams;
        }
    });
    return reply;
}

} // namespace sa
