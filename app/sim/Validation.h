#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace kubesim {

// One entry of a 422 Invalid Status's details.causes, rendered as the apiserver renders
// k8s.io/apimachinery/pkg/util/validation/field.Error.
struct FieldError
{
    QString reason; // "FieldValueInvalid", "FieldValueRequired", "FieldValueTooLong", "FieldValueForbidden",
                    // "FieldValueNotSupported", "FieldValueDuplicate", "FieldValueTypeInvalid"
    QString field; // e.g. "metadata.name"
    QString message; // the cause message, without the field: `Invalid value: "Bad_Name": a lowercase RFC 1123 ...`

    // "<field>: <message>", as it appears inside the Status message.
    [[nodiscard]] QString toString() const { return field + QLatin1String(": ") + message; }
};

// Validates an object of a built-in kind as the apiserver's validation does on create (old == nullptr)
// or update (old = the stored object). `kind` is e.g. "ServiceAccount", "Secret", "Namespace", "Pod",
// "Deployment", "ReplicaSet", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding".
// The object has already had its name generated from generateName, if any.
[[nodiscard]] QList<FieldError> validateObject(const QString &kind, const QJsonObject &object, const QJsonObject *old);

// The aggregate text used in an Invalid Status message: one error plain, several as "[e1, e2]"
// (repeated texts once, as field.ErrorList.ToAggregate does).
[[nodiscard]] QString aggregateFieldErrors(const QList<FieldError> &errors);

// Building blocks shared with the selector parsers, as in k8s.io/apimachinery/pkg/util/validation.
[[nodiscard]] QStringList qualifiedNameErrors(const QString &value); // IsQualifiedName
[[nodiscard]] QStringList labelValueErrors(const QString &value); // IsValidLabelValue
[[nodiscard]] QString goQuote(const QString &value); // Go's %q
// field.Invalid with an already rendered value.
[[nodiscard]] FieldError invalidValue(const QString &field, const QString &renderedValue, const QString &detail);

} // namespace kubesim
