#pragma once

#include "ResourceTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>

#include <deque>
#include <optional>

namespace kubesim {

// The simulator's etcd: objects by resource and key ("namespace/name", or "name" for cluster-scoped
// ones), one resourceVersion counter for all writes, and a bounded history of changes for watches.
// It stores what it is given; defaulting, validation and admission happen in Registry.
class Store : public QObject
{
    Q_OBJECT
public:
    enum class EventType { Added, Modified, Deleted };
    struct Event
    {
        EventType type = EventType::Added;
        const ResourceType *resource = nullptr;
        QJsonObject object; // the new state; for Deleted, the last state with the deletion's resourceVersion
        QJsonObject oldObject; // the previous state for Modified and Deleted
        qint64 resourceVersion = 0;
    };
    using Objects = QMap<QString, QJsonObject>; // implicitly shared: a copy is a consistent snapshot

    explicit Store(int historyLimit, QObject *parent = nullptr);

    [[nodiscard]] static QString key(const QString &ns, const QString &name);
    [[nodiscard]] static QString key(const QJsonObject &object);

    [[nodiscard]] qint64 resourceVersion() const { return m_resourceVersion; }
    [[nodiscard]] std::optional<QJsonObject> get(const ResourceType &type, const QString &ns,
                                                 const QString &name) const;
    [[nodiscard]] Objects objects(const ResourceType &type) const { return m_objects.value(&type); }

    // Each write stamps a new resourceVersion into the object and records an event.
    QJsonObject add(const ResourceType &type, QJsonObject object);
    QJsonObject update(const ResourceType &type, QJsonObject object);
    QJsonObject remove(const ResourceType &type, const QString &ns, const QString &name);

    // The recorded events after resourceVersion, oldest first, or nullopt when some of them have
    // already been dropped from the history (the watch must then fail with 410 Expired).
    [[nodiscard]] std::optional<QList<Event>> eventsSince(qint64 resourceVersion) const;
    // The newest resourceVersion that is no longer in the history.
    [[nodiscard]] qint64 compactedResourceVersion() const { return m_compacted; }

Q_SIGNALS:
    void changed(const kubesim::Store::Event &event);

private:
    QJsonObject stamp(QJsonObject object);
    void record(Event event);

    QHash<const ResourceType *, Objects> m_objects;
    std::deque<Event> m_history;
    int m_historyLimit;
    qint64 m_resourceVersion = 0;
    qint64 m_compacted = 0;
};

} // namespace kubesim
