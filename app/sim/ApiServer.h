#pragma once

#include "HttpServer.h"
#include "Pagination.h"
#include "Rbac.h"
#include "Registry.h"

#include <QObject>
#include <QStringList>

namespace kubesim {

class Authenticator;
class FaultInjector;
struct RequestScope;
class TokenSigner;

// The Kubernetes API over HTTP: the request pipeline of the apiserver's filters (faults, authentication,
// impersonation, authorization) and the routing of each request to discovery, OpenAPI, or a verb's
// handler (Handlers.h) on a resource of ResourceTypes.
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
    void servePublic(HttpExchange *exchange, const QStringList &segments);
    void serveResource(HttpExchange *exchange, const Route &route, const UserInfo &user);
    // ReviewApis.cpp: the create-only APIs that compute rather than store.
    void serveReview(const RequestScope &scope);
    void serveTokenRequest(const RequestScope &scope);

    Registry &m_registry;
    Authenticator &m_authenticator;
    const Authorizer &m_authorizer;
    const TokenSigner &m_signer;
    Pagination m_pagination;
    int m_bookmarkInterval = 10000;
    qint64 m_maxTokenExpiration = 0;
    FaultInjector *m_faults = nullptr;
};

} // namespace kubesim
