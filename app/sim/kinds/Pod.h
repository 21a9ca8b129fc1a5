#pragma once

#include "Validation.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kubesim {

// The parts of a Pod that the workload kinds share through their pod templates.
// SetDefaults_PodSpec and its containers', and the strategy's PrepareForCreate defaults that matter to clients.
[[nodiscard]] QJsonObject defaultPodSpec(QJsonObject spec);
// ValidatePodSpec, for the spec at `path` ("spec", "spec.template.spec").
void validatePodSpec(const QJsonObject &spec, const QString &path, QList<FieldError> &errors);

} // namespace kubesim
