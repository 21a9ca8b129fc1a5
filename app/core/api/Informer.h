#pragma once

#include "api/KubeClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QTimer;

namespace sa {

// Whether a collection path is of Secrets (…/secrets): its objects are kept without values.
[[nodiscard]] bool isSecretCollection(const QString &collectionPath);
// A Secret without anything that holds a value: data, stringData, the annotations that copy them
// (last-applied-configuration, valueBearingAnnotations()), and metadata.managedFields.
[[nodiscard]] QJsonObject withoutSecretValues(QJsonObject object);

// How a collection is fetched: whole objects, or metadata only (a server-side Table with
// includeObject=Metadata: secrets listed this way never carry a value), or PartialObjectMetadata.
enum class ListFormat { Objects, TableMetadata, PartialMetadata };

struct ListResult
{
    QList<QJsonObject> items; // objects; for TableMetadata, Table rows ({cells, object})
    QJsonArray columns; // TableMetadata: the column definitions
    QString resourceVersion;
    int pages = 0;
    std::optional<ApiError> error;
};

// Lists a collection in pages of `pageSize` with limit/continue, starting over (once) when the continue
// token expires (410) in the middle.
class ListPager : public QObject
{
    Q_OBJECT
public:
    ListPager(KubeClient *client, QString collectionPath, ListFormat format, QObject *parent = nullptr);
    void setQuery(QList<QPair<QString, QString>> query) { m_query = std::move(query); }
    void setPageSize(int size) { m_pageSize = size; }
    // Whether finished() carries every item (the default), or pages are only handed out by page().
    void setKeepItems(bool keep) { m_keepItems = keep; }
    void start();
    void cancel();

    [[nodiscard]] static QByteArray acceptFor(ListFormat format);

Q_SIGNALS:
    // Each page as it arrives; `restarted` means the pages so far belonged to a list that expired.
    void pageReceived(const QList<QJsonObject> &items, const QJsonArray &columns, bool restarted);
    void finished(const sa::ListResult &result);
    // A page request failed and is being retried.
    void retrying(const sa::ApiError &error);

private:
    void fetch(const QString &continueToken);

    QPointer<KubeClient> m_client;
    QString m_path;
    ListFormat m_format;
    QList<QPair<QString, QString>> m_query;
    int m_pageSize = 500;
    int m_restarts = 0;
    bool m_keepItems = true;
    bool m_restarted = false;
    ListResult m_result;
    QPointer<ApiJob> m_job;
};

// A cache of one collection kept current the way client-go's reflector does it: list, then watch from the
// list's resourceVersion with bookmarks; when the stream ends, watch again (with backoff after failures);
// on 410 Expired, list again and report the differences. Items are keyed by uid.
class Informer : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Listing, Watching, Waiting, Stopped };
    Q_ENUM(State)

    Informer(KubeClient *client, QString collectionPath, ListFormat format, QObject *parent = nullptr);
    ~Informer() override;

    void start();
    void stop();

    // A fieldSelector for the list and its watches (e.g. "type=kubernetes.io/service-account-token"); set before
    // start().
    void setFieldSelector(const QString &selector) { m_fieldSelector = selector; }
    [[nodiscard]] const QString &fieldSelector() const { return m_fieldSelector; }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool hasSynced() const { return m_synced; }
    // Objects; for TableMetadata, rows as compactRow() makes them.
    [[nodiscard]] const QHash<QString, QJsonObject> &items() const { return m_items; }
    [[nodiscard]] const QString &resourceVersion() const { return m_resourceVersion; }
    [[nodiscard]] const QString &collectionPath() const { return m_path; }
    // The uid of an item (an object, or a compact Table row).
    [[nodiscard]] static QString uidOf(const QJsonObject &item);
    // An item's metadata (an object's, or a compact Table row's).
    [[nodiscard]] static QJsonObject metadataOf(const QJsonObject &item);
    // A Table row ({cells, object}) as a TableMetadata informer keeps it: {"metadata": the object's metadata, and
    // each cell under its column's name}, Name and Age left out (the metadata has them). A flat object costs a
    // sixth less memory than the row as received, which counts at tens of thousands of secrets. The metadata is
    // withoutSecretValues()'s.
    [[nodiscard]] static QJsonObject compactRow(const QJsonObject &row, const QJsonArray &columns);

    // Backoff bounds, for tests.
    void setBackoff(int initialMs, int maxMs)
    {
        m_initialBackoffMs = initialMs;
        m_maxBackoffMs = maxMs;
    }

Q_SIGNALS:
    void added(const QJsonObject &item);
    void modified(const QJsonObject &item, const QJsonObject &previous);
    void deleted(const QJsonObject &item);
    // The cache matches the server: after the first list and after every relist.
    void synced();
    void stateChanged(sa::Informer::State state);
    // A list or watch failed, or a list request is being retried; the informer keeps trying. Forbidden and similar
    // errors are reported here.
    void failed(const sa::ApiError &error);
    // After failed(): a list succeeded or a watch stream opened again, so what failed() reported is over.
    void recovered();

private:
    void setState(State state);
    void list();
    void watch();
    void onPage(const QList<QJsonObject> &items, const QJsonArray &columns, bool restarted);
    void onListed(const ListResult &result);
    void onWatchData(const QByteArray &data);
    // Handles the buffered events for at most kDrainBudgetMs, and continues in a later event-loop turn if more
    // are left, so that a backlog (a resumed watch replays thousands) never stalls the GUI.
    void drain();
    // Wipes (for secrets) and empties the watch's line buffer, and forgets any backlog.
    void dropBuffer();
    void onWatchFinished(const ApiResult &result);
    void handleEvent(const QJsonObject &event);
    void retryLater(bool relist);
    void apply(const QString &type, const QJsonObject &item);
    void fail(const ApiError &error);
    void recover();

    QPointer<KubeClient> m_client;
    QString m_path;
    ListFormat m_format;
    bool m_secrets; // a collection of Secrets: kept without values, its buffers wiped
    QString m_fieldSelector;
    QHash<QString, QJsonObject> m_items;
    QSet<QString> m_listed; // uids seen by the list in progress
    QJsonArray m_columns;
    QString m_resourceVersion;
    State m_state = State::Idle;
    bool m_synced = false;
    bool m_failing = false; // failed() was the last word
    // The watch stream's bytes. Events before m_bufferStart are handled (and wiped, for secrets). It is grown
    // only into a new block, never in place, so that no reallocation leaves a stale copy behind.
    QByteArray m_buffer;
    qsizetype m_bufferStart = 0;
    QTimer *m_drainTimer;
    // The stream ended while events were still waiting: handled once they are.
    std::optional<ApiResult> m_finishedWhileDraining;
    QPointer<ListPager> m_pager;
    QPointer<ApiJob> m_watch;
    QTimer *m_retryTimer;
    QElapsedTimer m_watchStarted;
    int m_initialBackoffMs = 500;
    int m_maxBackoffMs = 30000;
    int m_backoffMs = 0;
};

} // namespace sa
