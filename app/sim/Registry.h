#pragma once

#include "ResourceTypes.h"
#include "Status.h"
#include "Store.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

namespace kubesim {

// The outcome of a write: the stored object (or, for a dry run, the object that would be stored),
// or the failure to answer with.
struct WriteResult
{
    QJsonObject object;
    std::optional<ApiFailure> failure;
    bool created = false;
    [[nodiscard]] bool ok() const { return !failure.has_value(); }
};

enum class PatchType { Json, Merge, Strategic, Apply };

// The write path of the apiserver's generic registry: the kind's strategy (defaulting, admission,
// validation), optimistic concurrency and the bookkeeping metadata (uid, creationTimestamp, generation). The HTTP
// handlers, the controllers and the seeds all write through it, so they all behave alike.
class Registry : public QObject
{
    Q_OBJECT
public:
    explicit Registry(Store &store, QObject *parent = nullptr);

    [[nodiscard]] Store &store() { return m_store; }

    // `requester` is the user of a write through the API, whose rights some kinds check (see
    // Strategy::authorizeWrite); the server's own writes have none.
    WriteResult create(const ResourceType &type, const QString &ns, QJsonObject object, bool dryRun = false,
                       const UserInfo *requester = nullptr);
    WriteResult update(const ResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                       const QString &subresource = {}, bool dryRun = false, const UserInfo *requester = nullptr);
    WriteResult patch(const ResourceType &type, const QString &ns, const QString &name, PatchType patchType,
                      const QByteArray &body, const QString &subresource = {}, bool dryRun = false,
                      const UserInfo *requester = nullptr);
    // options is a DeleteOptions body: preconditions and propagationPolicy are honoured.
    WriteResult remove(const ResourceType &type, const QString &ns, const QString &name,
                       const QJsonObject &options = {}, bool dryRun = false);

    // Applies a manifest object as `kubectl apply` would: create, or replace the existing object's content.
    WriteResult apply(QJsonObject object);

private:
    std::optional<ApiFailure> checkNamespace(const ResourceType &type, const QString &ns, const QString &name) const;
    void cascadeDelete(const QJsonObject &owner, const QString &propagation);

    Store &m_store;
};

// Helpers used across the simulator.
[[nodiscard]] QString nowTimestamp();
[[nodiscard]] QString randomSuffix(int length);
[[nodiscard]] QJsonObject metadataOf(const QJsonObject &object);

} // namespace kubesim
