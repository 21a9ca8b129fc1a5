#pragma once

#include "Strategy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kubesim {

// What the simulator serves of one resource, as its discovery document describes it, and its strategy.
struct ResourceType
{
    QString group; // "" for the core group
    QString version;
    QString kind;
    QString plural;
    QString singular;
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;
    QStringList verbs;
    QString storageVersionHash;
    QStringList subresources; // "status", "scale"
    bool hasGeneration = false; // metadata.generation counts spec changes
    bool stored = true; // false for the create-only review APIs, which keep nothing
    const Strategy *strategy = &defaultStrategy(); // what the kind does differently (kinds/)

    [[nodiscard]] QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    [[nodiscard]] QString listKind() const { return kind + QLatin1String("List"); }
    [[nodiscard]] bool allows(const QString &verb) const { return verbs.contains(verb); }

    // The value of a field label for fieldSelector, or nullopt when this resource does not support it.
    [[nodiscard]] std::optional<QString> selectableField(const QJsonObject &object, const QString &field) const;
    // The 400 message for an unsupported field label.
    [[nodiscard]] QString unsupportedFieldMessage(const QString &field) const;
};

// Every resource the simulator serves, in discovery order.
[[nodiscard]] const QList<ResourceType> &resourceTypes();
[[nodiscard]] const ResourceType *findResource(const QString &group, const QString &version, const QString &plural);
[[nodiscard]] const ResourceType *findResourceByKind(const QString &apiVersion, const QString &kind);
// The group/versions served under /apis, in discovery order.
[[nodiscard]] QStringList servedGroups();

} // namespace kubesim
