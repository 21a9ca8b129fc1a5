// Deployment and ReplicaSet (pkg/registry/apps/deployment, replicaset): one validation with a few
// differences, their defaults and Tables, and the ReplicaSet's status.replicas field label.

#include "Kinds.h"
#include "Pod.h"
#include "Registry.h"
#include "Tables.h"
#include "Workloads.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// ValidateDeploymentSpec and ValidateReplicaSetSpec (pkg/apis/apps/validation): the same checks, but for
// where minReadySeconds is checked.
void validateWorkloadSpec(const QJsonObject &workload, bool deployment, QList<FieldError> &errors)
{
    const QJsonObject spec = workload.value("spec"_L1).toObject();
    if (const qint64 replicas = spec.value("replicas"_L1).toInteger(1); replicas < 0)
        errors.append(negative(u"spec.replicas"_s, replicas));
    const qint64 minReadySeconds = spec.value("minReadySeconds"_L1).toInteger();
    if (!deployment && minReadySeconds < 0)
        errors.append(negative(u"spec.minReadySeconds"_s, minReadySeconds));

    const QJsonValue selectorValue = spec.value("selector"_L1);
    const QJsonObject selector = selectorValue.toObject();
    const bool emptySelector = selectorValue.isObject() && selector.value("matchLabels"_L1).toObject().isEmpty()
        && selector.value("matchExpressions"_L1).toArray().isEmpty();
    QList<FieldError> selectorErrors;
    if (selectorValue.isObject())
        validateLabelSelector(selector, u"spec.selector"_s, selectorErrors);
    else
        errors.append(required(u"spec.selector"_s));
    errors.append(selectorErrors);
    if (emptySelector)
        errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue),
                                   u"empty selector is invalid for deployment"_s));

    // metav1.LabelSelectorAsSelector rejects exactly the selectors with errors above, and then the template
    // is not checked; an absent selector selects nothing and an empty one everything.
    if (!selectorErrors.isEmpty()) {
        errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue), u"invalid label selector"_s));
    } else {
        const QJsonObject podTemplate = spec.value("template"_L1).toObject();
        const QJsonObject templateMeta = metadataOf(podTemplate);
        const QJsonValue labels = templateMeta.value("labels"_L1);
        if (!emptySelector && !(selectorValue.isObject() && selectorMatches(selector, labels.toObject())))
            errors.append(invalidValue(u"spec.template.metadata.labels"_s, goStringMap(labels),
                                       u"`selector` does not match template `labels`"_s));
        // PodTemplateSpec validation reports labels and annotations without the "metadata" step.
        validateLabels(labels, u"spec.template.labels"_s, errors);
        validateAnnotations(templateMeta.value("annotations"_L1), u"spec.template.annotations"_s, errors);
        const QJsonObject podSpec = podTemplate.value("spec"_L1).toObject();
        validatePodSpec(podSpec, u"spec.template.spec"_s, errors);
        if (const QString policy = podSpec.value("restartPolicy"_L1).toString(u"Always"_s); policy != u"Always"_s)
            errors.append(notSupported(u"spec.template.spec.restartPolicy"_s, policy, {u"Always"_s}));
        if (podSpec.contains("activeDeadlineSeconds"_L1))
            errors.append(forbidden(u"spec.template.spec.activeDeadlineSeconds"_s,
                                    u"activeDeadlineSeconds in ReplicaSet is not Supported"_s));
    }
    if (deployment && minReadySeconds < 0)
        errors.append(negative(u"spec.minReadySeconds"_s, minReadySeconds));
}

class ReplicatedStrategy final : public WorkloadStrategy
{
public:
    explicit ReplicatedStrategy(bool deployment)
        : m_deployment(deployment)
    { }

    void applyDefaults(QJsonObject &object) const override
    {
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("replicas"_L1))
            spec.insert("replicas"_L1, 1);
        if (m_deployment) {
            if (!spec.contains("strategy"_L1)) {
                spec.insert("strategy"_L1,
                            QJsonObject {{"type"_L1, "RollingUpdate"_L1},
                                         {"rollingUpdate"_L1,
                                          QJsonObject {{"maxUnavailable"_L1, "25%"_L1}, {"maxSurge"_L1, "25%"_L1}}}});
            }
            if (!spec.contains("revisionHistoryLimit"_L1))
                spec.insert("revisionHistoryLimit"_L1, 10);
            if (!spec.contains("progressDeadlineSeconds"_L1))
                spec.insert("progressDeadlineSeconds"_L1, 600);
        }
        defaultPodTemplate(spec);
        object.insert("spec"_L1, spec);
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        QList<FieldError> errors = validateMetadata(object, old, true, dnsSubdomainName);
        validateWorkloadSpec(object, m_deployment, errors);
        if (old)
            validateSelectorUnchanged(object, *old, errors);
        return errors;
    }

    QJsonArray tableColumns() const override
    {
        QJsonArray columns;
        if (m_deployment) {
            columns = {column(u"Ready"_s, u"string"_s, u"Number of the pod with ready state"_s),
                       column(u"Up-to-date"_s, u"string"_s,
                              u"Total number of non-terminated pods targeted by this deployment that have the "
                              "desired template spec."_s),
                       column(u"Available"_s, u"string"_s,
                              u"Total number of available pods (ready for at least minReadySeconds) targeted by "
                              "this deployment."_s)};
        } else {
            columns = {column(u"Desired"_s, u"integer"_s, u"Number of desired pods."_s),
                       column(u"Current"_s, u"integer"_s, u"The most recently observed number of replicas."_s),
                       column(u"Ready"_s, u"integer"_s, u"The number of ready replicas for this replica set."_s)};
        }
        columns.append(ageColumn());
        appendContainerColumns(columns);
        columns.append(column(u"Selector"_s, u"string"_s, u"Label selector for pods."_s, 1));
        return columns;
    }

    QJsonArray tableCells(const QJsonObject &object, const QString &age) const override
    {
        const QJsonObject spec = object.value("spec"_L1).toObject();
        const QJsonObject status = object.value("status"_L1).toObject();
        const qint64 desired = spec.value("replicas"_L1).toInteger(1);
        const qint64 ready = status.value("readyReplicas"_L1).toInteger();
        QJsonArray cells;
        if (m_deployment) {
            cells = {QString(QString::number(ready) + u'/' + QString::number(desired)),
                     status.value("updatedReplicas"_L1).toInteger(), status.value("availableReplicas"_L1).toInteger()};
        } else {
            cells = {desired, status.value("replicas"_L1).toInteger(), ready};
        }
        cells.append(age);
        appendContainerCells(cells, spec);
        cells.append(selectorText(spec.value("selector"_L1).toObject()));
        return cells;
    }

    QStringList fieldLabels() const override
    {
        return m_deployment ? QStringList() : QStringList {u"status.replicas"_s};
    }

    QString fieldValue(const QJsonObject &object, const QString &field) const override
    {
        if (field == "status.replicas"_L1)
            return QString::number(object.value("status"_L1).toObject().value("replicas"_L1).toInteger());
        return Strategy::fieldValue(object, field);
    }

private:
    bool m_deployment;
};

} // namespace

const Strategy &deploymentStrategy()
{
    static const ReplicatedStrategy strategy(true);
    return strategy;
}

const Strategy &replicaSetStrategy()
{
    static const ReplicatedStrategy strategy(false);
    return strategy;
}

} // namespace kubesim
