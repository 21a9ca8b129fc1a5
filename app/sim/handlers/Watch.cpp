// GET on a collection with watch=true: a chunked stream of watch events, from history or the current
// state, with bookmarks, timeoutSeconds, and 410 Expired as an ERROR event.

#include "Faults.h"
#include "Handlers.h"

#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

QByteArray watchEvent(const QString &type, const QJsonObject &object)
{
    return compactJson(QJsonObject {{"type"_L1, type}, {"object"_L1, object}}) + '\n';
}

// One open watch: replays history or the current state, then forwards the store's changes that pass
// its filter, as ADDED/MODIFIED/DELETED events (an object entering or leaving a selector is added or deleted).
class Watch : public QObject
{
public:
    Watch(HttpExchange *exchange, Store &store, CollectionRequest request)
        : QObject(exchange)
        , m_exchange(exchange)
        , m_request(std::move(request))
    {
        connect(&store, &Store::changed, this, &Watch::onChange);
    }

    // A fault: the stream ends after this many more events.
    void closeAfter(int events) { m_eventsLeft = events; }

    void send(const QString &type, const QJsonObject &object)
    {
        if (m_eventsLeft == 0)
            return;
        const Negotiation &negotiation = m_request.negotiation;
        if (negotiation.shape == Shape::Table) {
            const QJsonObject listMeta {
                {"resourceVersion"_L1, object.value("metadata"_L1).toObject().value("resourceVersion"_L1)}};
            m_exchange->writeChunk(watchEvent(type,
                                              makeTable(*m_request.filter.type, {object}, m_request.include, listMeta,
                                                        negotiation.tableApiVersion, !m_sentColumns)));
            m_sentColumns = true;
        } else if (negotiation.shape == Shape::PartialMetadata) {
            m_exchange->writeChunk(watchEvent(type, partialObjectMetadata(object)));
        } else {
            m_exchange->writeChunk(watchEvent(type, object));
        }
        if (m_eventsLeft > 0 && --m_eventsLeft == 0)
            m_exchange->endStream();
    }

    void sendBookmark(qint64 rv, bool initialEventsEnd = false)
    {
        QJsonObject metadata {{"resourceVersion"_L1, QString::number(rv)}};
        if (initialEventsEnd)
            metadata.insert("annotations"_L1, QJsonObject {{"k8s.io/initial-events-end"_L1, "true"_L1}});
        const ResourceType &type = *m_request.filter.type;
        m_exchange->writeChunk(watchEvent(
            u"BOOKMARK"_s, {{"kind"_L1, type.kind}, {"apiVersion"_L1, type.apiVersion()}, {"metadata"_L1, metadata}}));
        m_lastRv = rv;
    }

    void replay(const Store::Event &event) { onChange(event); }

    qint64 m_lastRv = 0;

private:
    void onChange(const Store::Event &event)
    {
        m_lastRv = event.resourceVersion;
        const Filter &filter = m_request.filter;
        if (event.resource != filter.type)
            return;
        const bool now = event.type != Store::EventType::Deleted && filter.matches(event.object);
        const bool before = event.type != Store::EventType::Added && filter.matches(event.oldObject);
        if (event.type == Store::EventType::Deleted) {
            if (before)
                send(u"DELETED"_s, event.object);
        } else if (now && before) {
            send(u"MODIFIED"_s, event.object);
        } else if (now) {
            send(u"ADDED"_s, event.object);
        } else if (before) {
            // Left the selector: as the watch cache converts it, the object as the watcher last saw it (the state
            // that matched), stamped with the change's resourceVersion so that a resumed watch starts after it.
            QJsonObject previous = event.oldObject;
            QJsonObject metadata = previous.value("metadata"_L1).toObject();
            metadata.insert("resourceVersion"_L1, QString::number(event.resourceVersion));
            previous.insert("metadata"_L1, metadata);
            send(u"DELETED"_s, previous);
        }
    }

    HttpExchange *m_exchange;
    CollectionRequest m_request;
    bool m_sentColumns = false;
    int m_eventsLeft = -1;
};

} // namespace

void watchResources(const RequestScope &scope)
{
    HttpExchange *exchange = scope.exchange;
    const HttpRequest &request = scope.request();
    ApiFailure failure;
    const auto collection = parseCollectionRequest(scope, true, &failure);
    if (!collection) {
        scope.fail(failure);
        return;
    }
    const Filter &filter = collection->filter;
    Store &store = scope.registry.store();
    const QString rvText = request.queryValue(u"resourceVersion");
    bool rvOk = true;
    const qint64 fromRv = rvText.isEmpty() ? 0 : rvText.toLongLong(&rvOk);
    if (!rvOk) {
        scope.fail(status::badRequest(u"resourceVersion: Invalid value: \""_s + rvText
                                      + u"\": must be a valid resource version"_s));
        return;
    }
    if (fromRv > store.resourceVersion()) {
        // A resourceVersion this store never reached (it belongs to another store: kube-sim restarted with a new
        // one): as the watch cache answers once its wait for it ends, 504 with the cause ResourceVersionTooLarge, on
        // which client-go lists again. A single store never catches up later, so there is no point in waiting.
        scope.fail(status::make(
            504, u"Timeout"_s,
            u"Too large resource version: "_s + rvText + u", current: "_s + QString::number(store.resourceVersion()),
            QJsonObject {{"causes"_L1,
                          QJsonArray {QJsonObject {{"reason"_L1, "ResourceVersionTooLarge"_L1},
                                                   {"message"_L1, "Too large resource version"_L1}}}},
                         {"retryAfterSeconds"_L1, 1}}));
        return;
    }
    const bool bookmarks = request.queryValue(u"allowWatchBookmarks") == "true"_L1;
    const bool sendInitialEvents = request.queryValue(u"sendInitialEvents") == "true"_L1;

    exchange->beginStream(200, contentTypeFor(collection->negotiation));
    auto *watch = new Watch(exchange, store, *collection);
    if (scope.faults && scope.faults->watchCloseAfterEvents() > 0)
        watch->closeAfter(scope.faults->watchCloseAfterEvents());
    watch->m_lastRv = store.resourceVersion();
    if (fromRv == 0 || sendInitialEvents) {
        const Store::Objects objects = store.objects(scope.type);
        for (const QJsonObject &object : objects) {
            if (filter.matches(object))
                watch->send(u"ADDED"_s, object);
        }
        if (sendInitialEvents && bookmarks)
            watch->sendBookmark(store.resourceVersion(), true);
    } else {
        const auto events = store.eventsSince(fromRv);
        const bool compacted = scope.faults && scope.faults->watchResumeCompacted(fromRv, store.resourceVersion());
        if (!events || compacted) {
            // As the watch cache does: a 200 stream holding one ERROR event, then the end.
            const ApiFailure gone = status::expired(
                u"too old resource version: "_s + QString::number(fromRv) + u" ("_s
                + QString::number(compacted ? store.resourceVersion() : store.compactedResourceVersion()) + u')');
            exchange->writeChunk(watchEvent(u"ERROR"_s, gone.status));
            exchange->endStream();
            return;
        }
        for (const Store::Event &event : *events)
            watch->replay(event);
    }
    watch->m_lastRv = store.resourceVersion();

    bool timeoutOk = false;
    int timeoutSeconds = request.queryValue(u"timeoutSeconds").toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = 1800 + QRandomGenerator::global()->bounded(1800);
    if (scope.faults && scope.faults->watchCloseAfterSeconds() > 0)
        timeoutSeconds = qMin(timeoutSeconds, scope.faults->watchCloseAfterSeconds());
    QPointer<HttpExchange> guard(exchange);
    if (scope.faults) {
        QObject::connect(scope.faults, &FaultInjector::watchHistoryCompacted, watch, [guard] {
            if (guard)
                guard->endStream();
        });
    }
    QTimer::singleShot(std::chrono::seconds(timeoutSeconds), watch, [guard] {
        if (guard)
            guard->endStream();
    });
    if (bookmarks) {
        auto *timer = new QTimer(watch);
        QObject::connect(timer, &QTimer::timeout, watch, [watch] { watch->sendBookmark(watch->m_lastRv); });
        timer->start(scope.bookmarkInterval);
    }
}

} // namespace kubesim
