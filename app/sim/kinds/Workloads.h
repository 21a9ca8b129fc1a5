#pragma once

#include "Strategy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kubesim {

// What the apps/v1 kinds (Deployment, ReplicaSet, StatefulSet, DaemonSet) share: a pod template, a
// selector that may not change, a status that only their controllers write.
class WorkloadStrategy : public Strategy
{
public:
    void prepareForCreate(QJsonObject &object) const override;
};

// The pod template of a workload's spec gets a pod's defaults.
void defaultPodTemplate(QJsonObject &spec);

// The selector checks of ValidateStatefulSetSpec and ValidateDaemonSetSpec. Returns whether the selector
// converts (metav1.LabelSelectorAsSelector), after which the template labels are checked against it.
bool validateSetSelector(const QJsonObject &spec, bool statefulSet, QList<FieldError> &errors);
// The checks on the template's pod spec that StatefulSet and DaemonSet make after the template itself.
void validateSetPodPolicy(const QJsonObject &spec, const QString &kind, QList<FieldError> &errors);
// apps/v1 forbids changing spec.selector (the strategies add this check outside extensions/v1beta1).
void validateSelectorUnchanged(const QJsonObject &object, const QJsonObject &old, QList<FieldError> &errors);

// Appends the Containers and Images columns, and their cells for a workload's spec.
void appendContainerColumns(QJsonArray &columns);
void appendContainerCells(QJsonArray &cells, const QJsonObject &spec);
// A selector's matchLabels as the printers show them, "<none>" when there are none.
[[nodiscard]] QString selectorText(const QJsonObject &selector);

} // namespace kubesim
