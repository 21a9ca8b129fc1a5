#pragma once

#include "ResourceTypes.h"
#include "Status.h"
#include "Store.h"

#include <QDateTime>
#include <QHash>
#include <QPair>
#include <QString>

#include <optional>

namespace kubesim {

// Continue tokens and the snapshots they resume, so that every page of a paginated list reads the objects
// of its first page: the real server's consistent-read guarantee. Snapshots expire after a few minutes,
// after which a continue token is answered with 410 Expired, as an etcd compaction would.
class Pagination
{
public:
    // Where a continued list resumes: the snapshot of its first page, and the key after which it goes on.
    struct Resume
    {
        Store::Objects objects;
        qint64 resourceVersion = 0;
        QString startKey;
    };
    // The snapshot a continue token names; nullopt with a 400 (malformed) or 410 (expired) failure.
    [[nodiscard]] std::optional<Resume> resume(const ResourceType &type, const QString &token, ApiFailure *failure);
    // Keeps `objects` as the snapshot of a list at resourceVersion and returns the token for the page after lastKey.
    [[nodiscard]] QString keep(const ResourceType &type, qint64 resourceVersion, const Store::Objects &objects,
                               const QString &lastKey);

private:
    struct Snapshot
    {
        Store::Objects objects;
        QDateTime taken;
    };
    QHash<QPair<const ResourceType *, qint64>, Snapshot> m_snapshots;
};

} // namespace kubesim
