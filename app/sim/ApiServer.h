#pragma once

#include "HttpServer.h"
#include "Pki.h"
#include "Registry.h"
#include "Status.h"
#include "Store.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace kubesim {

// Who a request comes from, after authentication.
struct UserInfo
{
    QString name;
    QStringList groups;
};

// The Kubernetes API over HTTP: authentication, discovery, OpenAPI, and the REST verbs on every
// resource of ResourceTypes, with Tables, PartialObjectMetadata, pagination and watches.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Registry &registry, const Pki &pki, QObject *parent = nullptr);

    void handle(HttpExchange *exchange);

    // How often a watch that allows bookmarks receives one.
    void setBookmarkInterval(int milliseconds) { m_bookmarkInterval = milliseconds; }

private:
    struct Snapshot
    {
        Store::Objects objects;
        QDateTime taken;
    };

    void serveDiscovery(HttpExchange *exchange, const QStringList &segments);
    void serveOpenApi(HttpExchange *exchange, const QStringList &segments);
    void serveResource(HttpExchange *exchange, const QString &group, const QString &version,
                       const QStringList &segments);
    void serveList(HttpExchange *exchange, const ResourceType &type, const QString &ns);
    void serveWatch(HttpExchange *exchange, const ResourceType &type, const QString &ns);
    const Store::Objects *snapshotFor(const ResourceType &type, qint64 resourceVersion);

    Registry &m_registry;
    const Pki &m_pki;
    QHash<QPair<const ResourceType *, qint64>, Snapshot> m_snapshots;
    int m_bookmarkInterval = 10000;
};

// Sends a JSON body, or a Status for a failure.
void sendJson(HttpExchange *exchange, int code, const QJsonObject &body, const QByteArray &contentType = {});
void sendFailure(HttpExchange *exchange, const ApiFailure &failure);

} // namespace kubesim
