#pragma once

#include "Status.h"
#include "Validation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kubesim {

class Store;
struct ResourceType;
struct UserInfo;

// A write through the API, for the checks that depend on who asks (the RBAC kinds' escalation prevention).
// Writes without one are the server's own (controllers, seeds), as its loopback client in system:masters.
struct WriteRequest
{
    const UserInfo &user;
    const ResourceType &type;
    QString ns; // the request's namespace, empty for cluster-scoped resources
    QString name; // the name in the request's path: empty on create
    QString objectName; // the object's name as sent: empty when the server generates it
};

// What one kind does differently in the registry, as the apiserver's REST strategies
// (pkg/registry/<group>/<kind>/strategy.go), its admission plugins and its printers have it. The base is a
// kind with no rules of its own; each file under kinds/ overrides what its kind does, and ResourceTypes
// attaches it to the kind's resource.
class Strategy
{
public:
    virtual ~Strategy() = default;

    // The kind's SetDefaults, on every create and update.
    virtual void applyDefaults(QJsonObject &object) const;
    // PrepareForCreate: clears what a client may not set (status) and sets create-time fields.
    virtual void prepareForCreate(QJsonObject &object) const;
    // PrepareForUpdate: the same, against the stored object.
    virtual void prepareForUpdate(QJsonObject &object, const QJsonObject &old) const;
    // The kind's admission plugins on create, after defaulting and before validation; `name` is the object's
    // name or, when the server generates one, its generateName, as admission sees it.
    [[nodiscard]] virtual std::optional<ApiFailure> admit(QJsonObject &object, const QString &name,
                                                          const Store &store) const;
    // The kind's storage wrapper on a write through the API, before validation: the object as decoded (or
    // patched) and defaulted, `old` the stored object on update (nullptr on create). The RBAC kinds
    // refuse privilege escalation here (pkg/registry/rbac/*/policybased).
    [[nodiscard]] virtual std::optional<ApiFailure> authorizeWrite(const WriteRequest &request,
                                                                   const QJsonObject &object, const QJsonObject *old,
                                                                   const Store &store) const;
    // Validate on create (old == nullptr) and ValidateUpdate.
    [[nodiscard]] virtual QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const;

    // Whether DELETE answers with the object rather than a Status (the store's ReturnDeletedObject).
    [[nodiscard]] virtual bool returnsDeletedObject() const;
    // A deletion that takes time (a namespace is Terminating until it is emptied): the object to store in
    // place of the deleted one, `object` itself when deletion has already begun; nullopt to remove it now.
    [[nodiscard]] virtual std::optional<QJsonObject> beginDeletion(const QJsonObject &object) const;
    // The 409 for a DeleteOptions precondition (`field` is "UID" or "ResourceVersion") the object fails.
    [[nodiscard]] virtual ApiFailure preconditionFailed(const ResourceType &type, const QString &name,
                                                        const QString &field, const QString &want, const QString &have,
                                                        const QString &consequence) const;

    // Server-side printing: the Table columns after Name, and an object's cells for them, given its Age.
    [[nodiscard]] virtual QJsonArray tableColumns() const;
    [[nodiscard]] virtual QJsonArray tableCells(const QJsonObject &object, const QString &age) const;

    // Field selectors (the strategy's GetAttrs): the field labels beyond metadata.name and
    // metadata.namespace, and the value of any label for an object.
    [[nodiscard]] virtual QStringList fieldLabels() const;
    [[nodiscard]] virtual QString fieldValue(const QJsonObject &object, const QString &field) const;
};

// The strategy of a kind with no rules of its own.
[[nodiscard]] const Strategy &defaultStrategy();

// Validates an object of a served kind ("Secret", "RoleBinding", ...) as its strategy does: on create
// (old == nullptr) or on update. The object has already had its name generated from generateName, if any.
[[nodiscard]] QList<FieldError> validateObject(const QString &kind, const QJsonObject &object, const QJsonObject *old);

} // namespace kubesim
