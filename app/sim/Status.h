#pragma once

#include "Validation.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kubesim {

// A failed request: the HTTP code and the metav1.Status body the apiserver would send.
struct ApiFailure
{
    int code = 500;
    QJsonObject status;
};

// Builders for metav1.Status bodies with the apiserver's reasons and messages
// (k8s.io/apimachinery/pkg/api/errors). `resource` is the GroupResource string: "serviceaccounts",
// "deployments.apps".
namespace status {

[[nodiscard]] QJsonObject success(const QJsonObject &details = {});
[[nodiscard]] ApiFailure make(int code, const QString &reason, const QString &message, const QJsonObject &details = {});
[[nodiscard]] ApiFailure notFound(const QString &group, const QString &resource, const QString &name);
[[nodiscard]] ApiFailure alreadyExists(const QString &group, const QString &resource, const QString &name);
[[nodiscard]] ApiFailure conflict(const QString &group, const QString &resource, const QString &name,
                                  const QString &why);
// The optimistic-lock conflict of a stale resourceVersion.
[[nodiscard]] ApiFailure staleConflict(const QString &group, const QString &resource, const QString &name);
[[nodiscard]] ApiFailure invalid(const QString &group, const QString &kind, const QString &name,
                                 const QList<FieldError> &errors);
[[nodiscard]] ApiFailure forbidden(const QString &group, const QString &resource, const QString &name,
                                   const QString &why);
[[nodiscard]] ApiFailure badRequest(const QString &message);
[[nodiscard]] ApiFailure unauthorized();
[[nodiscard]] ApiFailure methodNotAllowed(const QString &verb, const QString &kind);
[[nodiscard]] ApiFailure unsupportedMediaType(const QString &message);
[[nodiscard]] ApiFailure notAcceptable(const QString &message);
[[nodiscard]] ApiFailure expired(const QString &message);
[[nodiscard]] ApiFailure tooLarge(const QString &message);
[[nodiscard]] ApiFailure internalError(const QString &message);
[[nodiscard]] ApiFailure pathNotFound();

// "deployments.apps" or "serviceaccounts".
[[nodiscard]] QString groupResource(const QString &group, const QString &resource);

} // namespace status
} // namespace kubesim
