#include "api/Informer.h"

#include "resources/SecretEncoding.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

#include <cstring>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr int kMaxPaginationRestarts = 3;

QList<QPair<QString, QString>> formatQuery(ListFormat format)
{
    if (format == ListFormat::TableMetadata)
        return {{u"includeObject"_s, u"Metadata"_s}};
    return {};
}

// A buffer that held a JSON text of secrets, once parsed: redacted values aside, names and the like, wiped all the
// same.
void wipeIf(bool secrets, const QByteArray &bytes)
{
    if (secrets)
        wipe(bytes);
}

} // namespace

bool isSecretCollection(const QString &collectionPath)
{
    return collectionPath.endsWith("/secrets"_L1);
}

QJsonObject withoutSecretValues(QJsonObject object)
{
    object.remove("data"_L1);
    object.remove("stringData"_L1);
    if (!object.contains("metadata"_L1))
        return object;
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    // Field names and times only, but of no use to the window: not kept.
    metadata.remove("managedFields"_L1);
    if (metadata.contains("annotations"_L1)) {
        QJsonObject annotations = metadata.value("annotations"_L1).toObject();
        for (const QLatin1StringView annotation : valueBearingAnnotations())
            annotations.remove(annotation);
        metadata.insert("annotations"_L1, annotations);
    }
    object.insert("metadata"_L1, metadata);
    return object;
}

QByteArray ListPager::acceptFor(ListFormat format)
{
    switch (format) {
    case ListFormat::TableMetadata:
        return "application/json;as=Table;v=v1;g=meta.k8s.io"_ba;
    case ListFormat::PartialMetadata:
        return "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io"_ba;
    case ListFormat::Objects:
        break;
    }
    return "application/json"_ba;
}

ListPager::ListPager(KubeClient *client, QString collectionPath, ListFormat format, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(collectionPath))
    , m_format(format)
{ }

void ListPager::start()
{
    m_result = ListResult();
    fetch(QString());
}

void ListPager::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ListPager::fetch(const QString &continueToken)
{
    if (!m_client)
        return;
    ApiRequest request;
    request.path = m_path;
    request.accept = acceptFor(m_format);
    request.query = m_query + formatQuery(m_format);
    // Annotations of a secret may copy its values (last-applied-configuration): no pooled connection keeps them.
    request.sensitive = isSecretCollection(m_path);
    request.query.append({u"limit"_s, QString::number(m_pageSize)});
    if (!continueToken.isEmpty())
        request.query.append({u"continue"_s, continueToken});
    m_job = m_client->send(request);
    connect(m_job, &ApiJob::retrying, this, &ListPager::retrying);
    connect(m_job, &ApiJob::finished, this, [this, continueToken](const ApiResult &page) {
        if (!page.ok()) {
            // The snapshot behind the token is gone: start the whole list again, as client-go's pager does.
            if (!continueToken.isEmpty() && page.error->isExpired() && m_restarts++ < kMaxPaginationRestarts) {
                m_result = ListResult();
                m_restarted = true;
                fetch(QString());
                return;
            }
            m_result.error = page.error;
            Q_EMIT finished(m_result);
            return;
        }
        // A secret's values never reach the parser: redacted in the reply's buffer, which is wiped once read.
        const bool secrets = isSecretCollection(m_path);
        if (secrets)
            redactJsonSecrets(page.body, secretValueMembers());
        const QJsonObject body = page.json();
        wipeIf(secrets, page.body);
        const QJsonObject metadata = body.value("metadata"_L1).toObject();
        const QString kind = body.value("kind"_L1).toString();
        const bool table = m_format == ListFormat::TableMetadata;
        if ((table && kind != "Table"_L1) || (!table && !kind.endsWith("List"_L1))) {
            m_result.error =
                ApiError::decode(tr("expected a %1, got \"%2\"").arg(table ? u"Table"_s : u"list"_s, kind));
            Q_EMIT finished(m_result);
            return;
        }
        if (table && !body.value("columnDefinitions"_L1).toArray().isEmpty())
            m_result.columns = body.value("columnDefinitions"_L1).toArray();
        QList<QJsonObject> items;
        const QJsonArray array = body.value(table ? "rows"_L1 : "items"_L1).toArray();
        items.reserve(array.size());
        for (const QJsonValue &item : array) {
            if (!secrets) {
                items.append(item.toObject());
            } else if (table) {
                QJsonObject row = item.toObject();
                row.insert("object"_L1, withoutSecretValues(row.value("object"_L1).toObject()));
                items.append(row);
            } else {
                items.append(withoutSecretValues(item.toObject()));
            }
        }
        Q_EMIT pageReceived(items, m_result.columns, std::exchange(m_restarted, false));
        if (m_keepItems)
            m_result.items.append(items);
        ++m_result.pages;
        if (m_result.pages == 1 || continueToken.isEmpty())
            m_result.resourceVersion = metadata.value("resourceVersion"_L1).toString();
        const QString next = metadata.value("continue"_L1).toString();
        if (next.isEmpty())
            Q_EMIT finished(m_result);
        else
            fetch(next);
    });
}

Informer::Informer(KubeClient *client, QString collectionPath, ListFormat format, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(collectionPath))
    , m_format(format)
    , m_secrets(isSecretCollection(m_path))
    , m_drainTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_drainTimer->setSingleShot(true);
    m_drainTimer->setInterval(0);
    connect(m_drainTimer, &QTimer::timeout, this, &Informer::drain);
}

Informer::~Informer()
{
    stop();
}

QString Informer::uidOf(const QJsonObject &item)
{
    return metadataOf(item).value("uid"_L1).toString();
}

QJsonObject Informer::metadataOf(const QJsonObject &item)
{
    return item.value("metadata"_L1).toObject();
}

QJsonObject Informer::compactRow(const QJsonObject &row, const QJsonArray &columns)
{
    QJsonObject item {{"metadata"_L1, withoutSecretValues(row[u"object"].toObject())[u"metadata"]}};
    const QJsonArray cells = row.value("cells"_L1).toArray();
    for (qsizetype i = 0; i < columns.size() && i < cells.size(); ++i) {
        const QString name = columns.at(i)[u"name"].toString();
        if (!name.isEmpty() && name != "Name"_L1 && name != "Age"_L1 && name != "metadata"_L1)
            item.insert(name, cells.at(i));
    }
    return item;
}

void Informer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Informer::start()
{
    if (m_state != State::Idle && m_state != State::Stopped)
        return;
    m_backoffMs = 0;
    list();
}

void Informer::stop()
{
    m_retryTimer->stop();
    m_retryTimer->disconnect(this);
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->cancel();
        m_pager->deleteLater();
    }
    if (m_watch) {
        m_watch->disconnect(this);
        m_watch->cancel();
    }
    dropBuffer();
    setState(State::Stopped);
}

void Informer::list()
{
    setState(State::Listing);
    if (m_pager)
        m_pager->deleteLater();
    m_pager = new ListPager(m_client, m_path, m_format, this);
    m_pager->setKeepItems(false);
    if (!m_fieldSelector.isEmpty())
        m_pager->setQuery({{u"fieldSelector"_s, m_fieldSelector}});
    m_listed.clear();
    connect(m_pager, &ListPager::pageReceived, this, &Informer::onPage);
    connect(m_pager, &ListPager::finished, this, &Informer::onListed);
    // Said at once, not after the last of the request's retries (a hung TLS handshake takes 10 s an attempt).
    connect(m_pager, &ListPager::retrying, this, &Informer::fail);
    m_pager->start();
}

void Informer::onPage(const QList<QJsonObject> &items, const QJsonArray &columns, bool restarted)
{
    if (!columns.isEmpty())
        m_columns = columns;
    // Applied page by page, so that a big first list reaches the models in slices and never stalls the GUI.
    if (restarted)
        m_listed.clear();
    const bool table = m_format == ListFormat::TableMetadata;
    for (const QJsonObject &received : items) {
        const QJsonObject item = table ? compactRow(received, m_columns) : received;
        const QString uid = uidOf(item);
        m_listed.insert(uid);
        const auto it = m_items.find(uid);
        if (it == m_items.end()) {
            m_items.insert(uid, item);
            Q_EMIT added(item);
        } else if (metadataOf(*it).value("resourceVersion"_L1) != metadataOf(item).value("resourceVersion"_L1)) {
            const QJsonObject previous = std::exchange(*it, item);
            Q_EMIT modified(item, previous);
        }
    }
}

void Informer::onListed(const ListResult &result)
{
    m_pager->deleteLater();
    if (result.error) {
        fail(*result.error);
        retryLater(true);
        return;
    }
    if (!result.columns.isEmpty())
        m_columns = result.columns;
    // What the list no longer has was deleted while we were not watching.
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (m_listed.contains(it.key())) {
            ++it;
            continue;
        }
        const QJsonObject gone = it.value();
        it = m_items.erase(it);
        Q_EMIT deleted(gone);
    }
    m_listed.clear();
    m_resourceVersion = result.resourceVersion;
    m_synced = true;
    m_backoffMs = 0;
    Q_EMIT synced();
    recover();
    watch();
}

void Informer::watch()
{
    if (!m_client)
        return;
    setState(State::Watching);
    ApiRequest request;
    request.path = m_path;
    request.accept = m_format == ListFormat::TableMetadata ? ListPager::acceptFor(m_format)
        : m_format == ListFormat::PartialMetadata ? "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io"_ba
                                                  : "application/json"_ba;
    request.stream = true;
    // Like client-go's reflector: a server-side timeout of 5 to 10 minutes, so that streams are renewed.
    const int timeout = 300 + QRandomGenerator::global()->bounded(300);
    request.query = formatQuery(m_format)
        + QList<QPair<QString, QString>> {{u"watch"_s, u"1"_s},
                                          {u"resourceVersion"_s, m_resourceVersion},
                                          {u"allowWatchBookmarks"_s, u"true"_s},
                                          {u"timeoutSeconds"_s, QString::number(timeout)}};
    if (!m_fieldSelector.isEmpty())
        request.query.append({u"fieldSelector"_s, m_fieldSelector});
    dropBuffer();
    m_watchStarted.start();
    m_watch = m_client->send(request);
    connect(m_watch, &ApiJob::streamOpened, this, &Informer::recover);
    connect(m_watch, &ApiJob::received, this, &Informer::onWatchData);
    connect(m_watch, &ApiJob::finished, this, &Informer::onWatchFinished);
}

void Informer::dropBuffer()
{
    wipeIf(m_secrets, m_buffer);
    m_buffer.clear();
    m_bufferStart = 0;
    m_drainTimer->stop();
    m_finishedWhileDraining.reset();
}

void Informer::onWatchData(const QByteArray &data)
{
    // The events of a secrets watch are redacted in place, line by line, before they are parsed, and every buffer
    // they passed through is wiped: the reply's chunk, and this one, which is never grown in place (a reallocation
    // would leave the old block behind as it was). It grows into a new block of twice what it holds, so that a
    // backlog arriving in many chunks is copied O(n) times in all, not once per chunk.
    if (m_buffer.capacity() - m_buffer.size() >= data.size()) {
        m_buffer.append(data);
    } else {
        const qsizetype pending = m_buffer.size() - m_bufferStart;
        QByteArray grown;
        grown.reserve(qMax<qsizetype>(2 * (pending + data.size()), 64 * 1024));
        grown.append(m_buffer.constData() + m_bufferStart, pending).append(data);
        wipeIf(m_secrets, m_buffer);
        m_buffer.swap(grown);
        m_bufferStart = 0;
    }
    wipeIf(m_secrets, data);
    if (!m_drainTimer->isActive())
        drain();
}

void Informer::drain()
{
    // About half a frame: a backlog of 20,000 events then takes many short turns, and the event loop (painting,
    // input, other informers) runs between them.
    constexpr qint64 kDrainBudgetMs = 8;
    QElapsedTimer clock;
    clock.start();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n', m_bufferStart)) >= 0) {
        if (clock.elapsed() >= kDrainBudgetMs) {
            m_drainTimer->start();
            return;
        }
        const QByteArray line = QByteArray::fromRawData(m_buffer.constData() + m_bufferStart, newline - m_bufferStart);
        m_bufferStart = newline + 1;
        if (m_secrets)
            redactJsonSecrets(line, secretValueMembers());
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        wipeIf(m_secrets, line);
        if (event.isEmpty())
            continue;
        handleEvent(event);
        if (m_buffer.isEmpty())
            return; // the stream ended with the event (an ERROR), or the informer was stopped
    }
    // What is left is part of a line: moved to the front in place, and the bytes after it wiped.
    const qsizetype rest = m_buffer.size() - m_bufferStart;
    if (rest == 0 && m_buffer.capacity() > 1024 * 1024) {
        dropBuffer(); // a backlog's block is not kept for a quiet stream
    } else if (m_bufferStart > 0) {
        char *bytes = m_buffer.data();
        std::memmove(bytes, bytes + m_bufferStart, size_t(rest));
        if (m_secrets)
            wipe(QByteArray::fromRawData(bytes + rest, m_buffer.size() - rest));
        m_buffer.truncate(rest);
        m_bufferStart = 0;
    }
    if (m_finishedWhileDraining) {
        const ApiResult result = *std::exchange(m_finishedWhileDraining, std::nullopt);
        onWatchFinished(result);
    }
}

void Informer::handleEvent(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    QJsonObject object = event.value("object"_L1).toObject();
    // A watch event carries the whole object, whatever the list asked for.
    if (m_secrets && type != "ERROR"_L1)
        object = withoutSecretValues(object);
    if (type == "ERROR"_L1) {
        // 410 Expired: our resourceVersion is too old for the server's history. Anything else: start over too.
        const bool expired = object.value("code"_L1).toInt() == 410;
        dropBuffer(); // nothing after the error on this stream counts
        if (m_watch) {
            m_watch->disconnect(this);
            m_watch->cancel();
        }
        if (expired) {
            list();
        } else {
            fail(ApiError::fromStatus(object.value("code"_L1).toInt(),
                                      QJsonDocument(object).toJson(QJsonDocument::Compact), {}));
            retryLater(true);
        }
        return;
    }
    if (m_format == ListFormat::TableMetadata && object.value("kind"_L1).toString() == "Table"_L1) {
        if (!object.value("columnDefinitions"_L1).toArray().isEmpty())
            m_columns = object.value("columnDefinitions"_L1).toArray();
        const QJsonArray rows = object.value("rows"_L1).toArray();
        const QString rv = object.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
        if (rows.isEmpty()) {
            if (!rv.isEmpty())
                m_resourceVersion = rv;
            return;
        }
        object = compactRow(rows.first().toObject(), m_columns);
    }
    const QString rv = metadataOf(object).value("resourceVersion"_L1).toString();
    if (!rv.isEmpty())
        m_resourceVersion = rv;
    m_backoffMs = 0;
    if (type != "BOOKMARK"_L1)
        apply(type, object);
}

void Informer::apply(const QString &type, const QJsonObject &item)
{
    const QString uid = uidOf(item);
    if (uid.isEmpty())
        return;
    if (type == "DELETED"_L1) {
        const auto it = m_items.constFind(uid);
        if (it == m_items.cend())
            return;
        m_items.remove(uid);
        Q_EMIT deleted(item);
        return;
    }
    const auto it = m_items.find(uid);
    if (it == m_items.end()) {
        m_items.insert(uid, item);
        Q_EMIT added(item);
    } else {
        const QJsonObject previous = std::exchange(*it, item);
        Q_EMIT modified(item, previous);
    }
}

void Informer::onWatchFinished(const ApiResult &result)
{
    if (m_state == State::Stopped)
        return;
    if (m_drainTimer->isActive()) {
        m_finishedWhileDraining = result; // the events that came before the end count first
        return;
    }
    if (!result.ok()) {
        const ApiError &error = *result.error;
        fail(error);
        // Listed again, not watched from where we were: when our resourceVersion is too old (410) or was never
        // reached (the server's store is another one), and when the connection went, since a server that went away
        // may come back with another store (new uids and resourceVersions) that a watch from our version would
        // silently mix with what we hold.
        const bool connectionWent = error.kind == ApiError::Kind::Network
            || error.kind == ApiError::Kind::ConnectionLost || error.kind == ApiError::Kind::Timeout;
        retryLater(error.isExpired() || error.isResourceVersionTooLarge() || connectionWent);
        return;
    }
    // A stream that ended normally (its timeout) is renewed at once; one that ended at once is backed off.
    if (m_watchStarted.elapsed() < 1000)
        retryLater(false);
    else
        watch();
}

void Informer::fail(const ApiError &error)
{
    m_failing = true;
    Q_EMIT failed(error);
}

void Informer::recover()
{
    if (std::exchange(m_failing, false))
        Q_EMIT recovered();
}

void Informer::retryLater(bool relist)
{
    m_backoffMs = m_backoffMs == 0 ? m_initialBackoffMs : qMin(m_backoffMs * 2, m_maxBackoffMs);
    // Jitter keeps many informers from reconnecting in lockstep after a server restart.
    const int delay = m_backoffMs / 2 + QRandomGenerator::global()->bounded(m_backoffMs / 2 + 1);
    setState(State::Waiting);
    m_retryTimer->disconnect(this);
    connect(m_retryTimer, &QTimer::timeout, this, relist ? &Informer::list : &Informer::watch);
    m_retryTimer->start(delay);
}

} // namespace sa
