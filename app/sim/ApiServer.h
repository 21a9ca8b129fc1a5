#pragma once

#include "HttpServer.h"
#include "Rbac.h"
#include "Registry.h"
#include "Status.h"
#include "Store.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace kubesim {

class Authenticator;
class FaultInjector;
class TokenSigner;

// The Kubernetes API over HTTP: authentication, discovery, OpenAPI, and the REST verbs on every
// resource of ResourceTypes, with Tables, PartialObjectMetadata, pagination and watches.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Registry &registry, Authenticator &authenticator, const Authorizer &authorizer, const TokenSigner &signer,
              QObject *parent = nullptr);

    void handle(HttpExchange *exchange);
    void setFaultInjector(FaultInjector *faults) { m_faults = faults; }

    // How often a watch that allows bookmarks receives one.
    void setBookmarkInterval(int milliseconds) { m_bookmarkInterval = milliseconds; }
    // --service-account-max-token-expiration: longer TokenRequests are shortened to it (0: no limit).
    void setMaxTokenExpiration(qint64 seconds) { m_maxTokenExpiration = seconds; }

private:
    struct Snapshot
    {
        Store::Objects objects;
        QDateTime taken;
    };

    // A request resolved as the apiserver's RequestInfo does: what RBAC sees, and the resource if served.
    struct Route
    {
        RequestAttributes attributes;
        const ResourceType *type = nullptr;
        QString name; // the object's name from the URL; attributes.name may also come from a field selector
    };

    void process(HttpExchange *exchange);
    void serveFaults(HttpExchange *exchange, const UserInfo &user);
    [[nodiscard]] Route resolve(const HttpRequest &request, const QStringList &segments) const;
    // Applies Impersonate-* headers; false when it answered the request (refused).
    bool impersonate(HttpExchange *exchange, UserInfo &user);
    void servePublic(HttpExchange *exchange, const QStringList &segments);
    void serveDiscovery(HttpExchange *exchange, const QStringList &segments);
    void serveOpenApi(HttpExchange *exchange, const QStringList &segments);
    void serveResource(HttpExchange *exchange, const Route &route, const UserInfo &user);
    void serveReview(HttpExchange *exchange, const ResourceType &type, const QString &ns, const UserInfo &user);
    void serveTokenRequest(HttpExchange *exchange, const QString &ns, const QString &name);
    void serveList(HttpExchange *exchange, const ResourceType &type, const QString &ns);
    void serveWatch(HttpExchange *exchange, const ResourceType &type, const QString &ns);
    const Store::Objects *snapshotFor(const ResourceType &type, qint64 resourceVersion);

    Registry &m_registry;
    Authenticator &m_authenticator;
    const Authorizer &m_authorizer;
    const TokenSigner &m_signer;
    QHash<QPair<const ResourceType *, qint64>, Snapshot> m_snapshots;
    int m_bookmarkInterval = 10000;
    qint64 m_maxTokenExpiration = 0;
    FaultInjector *m_faults = nullptr;
};

// Decodes a create or update body in any of the media types the apiserver accepts (JSON, YAML, protobuf).
[[nodiscard]] std::optional<QJsonObject> decodeRequestBody(const HttpRequest &request, const ResourceType &type,
                                                           ApiFailure *failure);

// Sends a JSON body, or a Status for a failure.
void sendJson(HttpExchange *exchange, int code, const QJsonObject &body, const QByteArray &contentType = {});
void sendFailure(HttpExchange *exchange, const ApiFailure &failure);

} // namespace kubesim
