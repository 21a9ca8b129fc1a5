#include "Store.h"

using namespace Qt::StringLiterals;

namespace kubesim {

Store::Store(int historyLimit, QObject *parent)
    : QObject(parent)
    , m_historyLimit(qMax(1, historyLimit))
{ }

QString Store::key(const QString &ns, const QString &name)
{
    return ns.isEmpty() ? name : ns + u'/' + name;
}

QString Store::key(const QJsonObject &object)
{
    const QJsonObject metadata = object.value("metadata"_L1).toObject();
    return key(metadata.value("namespace"_L1).toString(), metadata.value("name"_L1).toString());
}

std::optional<QJsonObject> Store::get(const ResourceType &type, const QString &ns, const QString &name) const
{
    const auto objects = m_objects.constFind(&type);
    if (objects == m_objects.cend())
        return std::nullopt;
    const auto it = objects->constFind(key(type.namespaced ? ns : QString(), name));
    if (it == objects->cend())
        return std::nullopt;
    return *it;
}

QJsonObject Store::stamp(QJsonObject object)
{
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    metadata.insert("resourceVersion"_L1, QString::number(++m_resourceVersion));
    object.insert("metadata"_L1, metadata);
    return object;
}

QJsonObject Store::add(const ResourceType &type, QJsonObject object)
{
    object = stamp(std::move(object));
    m_objects[&type].insert(key(object), object);
    record({EventType::Added, &type, object, {}, m_resourceVersion});
    return object;
}

QJsonObject Store::update(const ResourceType &type, QJsonObject object)
{
    object = stamp(std::move(object));
    QJsonObject &slot = m_objects[&type][key(object)];
    QJsonObject old = std::exchange(slot, object);
    record({EventType::Modified, &type, object, std::move(old), m_resourceVersion});
    return object;
}

QJsonObject Store::remove(const ResourceType &type, const QString &ns, const QString &name)
{
    Objects &objects = m_objects[&type];
    const auto it = objects.find(key(type.namespaced ? ns : QString(), name));
    if (it == objects.end())
        return {};
    const QJsonObject old = *it;
    objects.erase(it);
    const QJsonObject last = stamp(old);
    record({EventType::Deleted, &type, last, old, m_resourceVersion});
    return last;
}

void Store::record(Event event)
{
    m_history.push_back(event);
    while (m_history.size() > size_t(m_historyLimit)) {
        m_compacted = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    Q_EMIT changed(event);
}

std::optional<QList<Store::Event>> Store::eventsSince(qint64 resourceVersion) const
{
    if (resourceVersion < m_compacted)
        return std::nullopt;
    QList<Event> events;
    // History is ordered by resourceVersion: find the first newer event from the back.
    auto it = m_history.end();
    while (it != m_history.begin() && std::prev(it)->resourceVersion > resourceVersion)
        --it;
    for (; it != m_history.end(); ++it)
        events.append(*it);
    return events;
}

} // namespace kubesim
