// StatefulSet (pkg/registry/apps/statefulset): its defaults, what an update may change, printStatefulSet.

#include "JsonText.h"
#include "Kinds.h"
#include "Registry.h"
#include "Tables.h"
#include "Workloads.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// ValidateStatefulSetSpec (pkg/apis/apps/validation).
void validateStatefulSetSpec(const QJsonObject &statefulSet, QList<FieldError> &errors)
{
    const QJsonObject spec = statefulSet.value("spec"_L1).toObject();
    const QString policy = text(spec, "podManagementPolicy"_L1);
    if (policy.isEmpty())
        errors.append(required(u"spec.podManagementPolicy"_s));
    else if (policy != u"OrderedReady"_s && policy != u"Parallel"_s)
        errors.append(
            invalidValue(u"spec.podManagementPolicy"_s, goQuote(policy), u"must be 'OrderedReady' or 'Parallel'"_s));

    const QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
    const QString strategyType = text(strategy, "type"_L1);
    const QJsonValue rollingUpdate = strategy.value("rollingUpdate"_L1);
    // The internal types as Go's %#v prints them; maxUnavailable is dropped while its feature gate is off.
    const QString rollingText = u"apps.RollingUpdateStatefulSetStrategy{Partition:"_s
        + QString::number(rollingUpdate.toObject().value("partition"_L1).toInteger())
        + u", MaxUnavailable:(*intstr.IntOrString)(nil)}"_s;
    if (strategyType.isEmpty()) {
        errors.append(required(u"spec.updateStrategy"_s));
    } else if (strategyType == u"OnDelete"_s) {
        if (rollingUpdate.isObject())
            errors.append(invalidValue(u"spec.updateStrategy.rollingUpdate"_s, rollingText,
                                       u"only allowed for updateStrategy 'RollingUpdate'"_s));
    } else if (strategyType == u"RollingUpdate"_s) {
        if (rollingUpdate.isObject())
            validateNonNegative(rollingUpdate.toObject(), "partition"_L1,
                                u"spec.updateStrategy.rollingUpdate.partition"_s, errors);
    } else {
        const QString pointer = rollingUpdate.isObject() ? u"(*apps.RollingUpdateStatefulSetStrategy)(0xc000a1c000)"_s
                                                         : u"(*apps.RollingUpdateStatefulSetStrategy)(nil)"_s;
        errors.append(invalidValue(u"spec.updateStrategy"_s,
                                   u"apps.StatefulSetUpdateStrategy{Type:"_s + goQuote(strategyType)
                                       + u", RollingUpdate:"_s + pointer + u'}',
                                   u"must be 'RollingUpdate' or 'OnDelete'"_s));
    }

    const QJsonObject retention = spec.value("persistentVolumeClaimRetentionPolicy"_L1).toObject();
    for (const auto key : {"whenDeleted"_L1, "whenScaled"_L1}) {
        if (spec.contains("persistentVolumeClaimRetentionPolicy"_L1)) {
            const QString value = text(retention, key);
            if (value != u"Retain"_s && value != u"Delete"_s)
                errors.append(notSupported(u"spec.persistentVolumeClaimRetentionPolicy."_s + key, value,
                                           {u"Retain"_s, u"Delete"_s}));
        }
    }
    validateNonNegative(spec, "replicas"_L1, u"spec.replicas"_s, errors);
    validateNonNegative(spec, "minReadySeconds"_L1, u"spec.minReadySeconds"_s, errors);
    validateNonNegative(spec.value("ordinals"_L1).toObject(), "start"_L1, u"spec.ordinals.start"_s, errors);

    if (validateSetSelector(spec, true, errors)) {
        const QJsonObject templateMeta = metadataOf(spec.value("template"_L1).toObject());
        validateLabels(templateMeta.value("labels"_L1), u"spec.template.labels"_s, errors);
        validateAnnotations(templateMeta.value("annotations"_L1), u"spec.template.annotations"_s, errors);
    }
    validateSetPodPolicy(spec, u"StatefulSet"_s, errors);
}

void validateStatefulSetUpdate(const QJsonObject &statefulSet, const QJsonObject &old, QList<FieldError> &errors)
{
    // Only these fields may change; everything else in the spec (selector, serviceName, podManagementPolicy,
    // volumeClaimTemplates, ...) is fixed at creation.
    QJsonObject spec = statefulSet.value("spec"_L1).toObject();
    const QJsonObject oldSpec = old.value("spec"_L1).toObject();
    for (const auto key : {"replicas"_L1, "template"_L1, "updateStrategy"_L1, "minReadySeconds"_L1, "ordinals"_L1,
                           "persistentVolumeClaimRetentionPolicy"_L1}) {
        if (oldSpec.contains(key))
            spec.insert(key, oldSpec.value(key));
        else
            spec.remove(key);
    }
    if (spec != oldSpec)
        errors.append(forbidden(u"spec"_s,
                                u"updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                                "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and "
                                "'minReadySeconds' are forbidden"_s));
}

class StatefulSetStrategy final : public WorkloadStrategy
{
public:
    void applyDefaults(QJsonObject &object) const override
    {
        // SetDefaults_StatefulSet, with StatefulSetAutoDeletePVC on as in v1.32.
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("replicas"_L1))
            spec.insert("replicas"_L1, 1);
        if (!spec.contains("serviceName"_L1))
            spec.insert("serviceName"_L1, ""_L1);
        if (text(spec, "podManagementPolicy"_L1).isEmpty())
            spec.insert("podManagementPolicy"_L1, "OrderedReady"_L1);
        QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
        if (text(strategy, "type"_L1).isEmpty()) {
            strategy.insert("type"_L1, "RollingUpdate"_L1);
            if (!strategy.contains("rollingUpdate"_L1))
                strategy.insert("rollingUpdate"_L1, QJsonObject());
        }
        // Only an explicit or defaulted rollingUpdate gets a partition: kubectl's rollout status tells the two apart.
        if (text(strategy, "type"_L1) == "RollingUpdate"_L1 && strategy.value("rollingUpdate"_L1).isObject()) {
            QJsonObject rolling = strategy.value("rollingUpdate"_L1).toObject();
            if (!rolling.contains("partition"_L1))
                rolling.insert("partition"_L1, 0);
            strategy.insert("rollingUpdate"_L1, rolling);
        }
        spec.insert("updateStrategy"_L1, strategy);
        if (!spec.contains("revisionHistoryLimit"_L1))
            spec.insert("revisionHistoryLimit"_L1, 10);
        QJsonObject retention = spec.value("persistentVolumeClaimRetentionPolicy"_L1).toObject();
        for (const auto key : {"whenDeleted"_L1, "whenScaled"_L1}) {
            if (text(retention, key).isEmpty())
                retention.insert(key, "Retain"_L1);
        }
        spec.insert("persistentVolumeClaimRetentionPolicy"_L1, retention);
        defaultPodTemplate(spec);
        object.insert("spec"_L1, spec);
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        // Names are DNS labels: they become the pods' hostnames.
        QList<FieldError> errors = validateMetadata(object, old, true, dnsLabelName);
        validateStatefulSetSpec(object, errors);
        if (old)
            validateStatefulSetUpdate(object, *old, errors);
        return errors;
    }

    QJsonArray tableColumns() const override
    {
        QJsonArray columns {column(u"Ready"_s, u"string"_s, u"Number of the pod with ready state"_s), ageColumn()};
        appendContainerColumns(columns);
        return columns;
    }

    QJsonArray tableCells(const QJsonObject &object, const QString &age) const override
    {
        const QJsonObject spec = object.value("spec"_L1).toObject();
        const QJsonObject status = object.value("status"_L1).toObject();
        QJsonArray cells {QString(QString::number(status.value("readyReplicas"_L1).toInteger()) + u'/'
                                  + QString::number(spec.value("replicas"_L1).toInteger(1))),
                          age};
        appendContainerCells(cells, spec);
        return cells;
    }
};

} // namespace

const Strategy &statefulSetStrategy()
{
    static const StatefulSetStrategy strategy;
    return strategy;
}

} // namespace kubesim
