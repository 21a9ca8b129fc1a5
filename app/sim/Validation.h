#pragma once

#include <QJsonObject>
#include <QJsonValue>
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

// The aggregate text used in an Invalid Status message: one error plain, several as "[e1, e2]"
// (repeated texts once, as field.ErrorList.ToAggregate does).
[[nodiscard]] QString aggregateFieldErrors(const QList<FieldError> &errors);

// The validation every kind shares, as in k8s.io/apimachinery; what each kind adds is in its strategy
// (kinds/). Checkers return messages; validators append FieldErrors.

// Value checkers (k8s.io/apimachinery/pkg/util/validation).
[[nodiscard]] QStringList qualifiedNameErrors(const QString &value); // IsQualifiedName
[[nodiscard]] QStringList labelValueErrors(const QString &value); // IsValidLabelValue
[[nodiscard]] QStringList dns1123LabelErrors(const QString &value); // IsDNS1123Label
[[nodiscard]] QStringList dns1123SubdomainErrors(const QString &value); // IsDNS1123Subdomain
[[nodiscard]] QStringList configMapKeyErrors(const QString &value); // IsConfigMapKey
// validation.RegexError.
[[nodiscard]] QString regexError(const QString &message, QLatin1StringView format, const QStringList &examples);

// Name rules (ValidateNameFunc): `prefix` is set when checking a generateName.
using NameRule = QStringList (*)(const QString &name, bool prefix);
[[nodiscard]] QStringList dnsSubdomainName(const QString &name, bool prefix);
[[nodiscard]] QStringList dnsLabelName(const QString &name, bool prefix);
[[nodiscard]] QStringList pathSegmentName(const QString &name, bool prefix);

// field.Error constructors; values are rendered by the caller (goQuote, goStringMap...).
[[nodiscard]] FieldError fieldError(const QString &reason, const QString &field, const QString &type,
                                    const QString &value, const QString &detail);
[[nodiscard]] FieldError invalidValue(const QString &field, const QString &renderedValue, const QString &detail);
[[nodiscard]] FieldError required(const QString &field, const QString &detail = {});
[[nodiscard]] FieldError forbidden(const QString &field, const QString &detail);
[[nodiscard]] FieldError duplicate(const QString &field, const QString &renderedValue);
[[nodiscard]] FieldError tooLong(const QString &field, int maxBytes);
[[nodiscard]] FieldError notSupported(const QString &field, const QString &value, const QStringList &supported);
[[nodiscard]] FieldError immutable(const QString &field, const QString &renderedValue);
[[nodiscard]] FieldError negative(const QString &field, qint64 value);
// One field.Invalid per message, as the validators that wrap the []string checkers do.
void appendInvalid(QList<FieldError> &errors, const QString &field, const QString &value, const QStringList &messages);

// Go's rendering of values in messages: %q, and %#v of a map[string]string, a []string, a *metav1.LabelSelector.
[[nodiscard]] QString goQuote(const QString &value);
[[nodiscard]] QString goStringMap(const QJsonValue &map);
[[nodiscard]] QString goStringSlice(const QJsonValue &list);
[[nodiscard]] QString goLabelSelector(const QJsonValue &selector);

// ObjectMeta on create and on update, and the label and annotation maps of any metadata.
void validateObjectMeta(const QJsonObject &object, bool namespaced, NameRule nameRule, QList<FieldError> &errors);
void validateObjectMetaUpdate(const QJsonObject &object, const QJsonObject &old, QList<FieldError> &errors);
// The metadata checks of most kinds: ValidateObjectMetaUpdate on update (old != nullptr), else ValidateObjectMeta.
[[nodiscard]] QList<FieldError> validateMetadata(const QJsonObject &object, const QJsonObject *old, bool namespaced,
                                                 NameRule nameRule);
void validateLabels(const QJsonValue &labels, const QString &path, QList<FieldError> &errors);
void validateAnnotations(const QJsonValue &annotations, const QString &path, QList<FieldError> &errors);

// A metav1.LabelSelector, and whether a valid one matches a label map.
void validateLabelSelector(const QJsonObject &selector, const QString &path, QList<FieldError> &errors);
[[nodiscard]] bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels);
// ValidateNonnegativeField of object[key].
void validateNonNegative(const QJsonObject &object, QLatin1StringView key, const QString &path,
                         QList<FieldError> &errors);

} // namespace kubesim
