// DaemonSet (pkg/registry/apps/daemonset): its defaults and template generation, its update strategy
// checks, printDaemonSet.

#include "JsonText.h"
#include "Kinds.h"
#include "Pod.h"
#include "Registry.h"
#include "Tables.h"
#include "Workloads.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// A DaemonSet's internal spec.templateGeneration, which apps/v1 carries in an annotation: 1 on create, one more
// on each update that changes the template (the strategy's PrepareForCreate/PrepareForUpdate).
void setTemplateGeneration(QJsonObject &daemonSet, const QJsonObject *old)
{
    static const QString key = u"deprecated.daemonset.template.generation"_s;
    qint64 generation = 1;
    if (old) {
        generation = metadataOf(*old).value("annotations"_L1).toObject().value(key).toString().toLongLong();
        const auto podTemplate = [](const QJsonObject &object) {
            return object.value("spec"_L1).toObject().value("template"_L1);
        };
        if (podTemplate(daemonSet) != podTemplate(*old))
            ++generation;
    }
    QJsonObject metadata = metadataOf(daemonSet);
    QJsonObject annotations = metadata.value("annotations"_L1).toObject();
    annotations.insert(key, QString::number(generation));
    metadata.insert("annotations"_L1, annotations);
    daemonSet.insert("metadata"_L1, metadata);
}

// intstr.IntOrString as %#v prints it.
QString goIntOrString(const QJsonValue &value)
{
    if (value.isString())
        return u"intstr.IntOrString{Type:1, IntVal:0, StrVal:"_s + goQuote(value.toString()) + u'}';
    return u"intstr.IntOrString{Type:0, IntVal:"_s + QString::number(value.toInteger()) + u", StrVal:\"\"}"_s;
}

// ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; returns getIntOrPercentValue.
qint64 validateIntOrPercent(const QJsonValue &value, const QString &path, QList<FieldError> &errors)
{
    if (!value.isString()) {
        if (value.toInteger() < 0)
            errors.append(negative(path, value.toInteger()));
        return value.toInteger();
    }
    static const QRegularExpression percent(QRegularExpression::anchoredPattern("[0-9]+%"_L1));
    const QString written = value.toString();
    if (!percent.match(written).hasMatch()) {
        errors.append(
            invalidValue(path, goIntOrString(value),
                         regexError(u"a valid percent string must be a numeric string followed by an ending '%'"_s,
                                    "[0-9]+%"_L1, {u"1%"_s, u"93%"_s})));
        return written.toLongLong(); // IntValue() of a string: Atoi, 0 when it is no number
    }
    const qint64 number = written.chopped(1).toLongLong();
    if (number > 100)
        errors.append(invalidValue(path, goIntOrString(value), u"must not be greater than 100%"_s));
    return number;
}

// ValidateDaemonSetSpec (pkg/apis/apps/validation).
void validateDaemonSetSpec(const QJsonObject &daemonSet, QList<FieldError> &errors)
{
    const QJsonObject spec = daemonSet.value("spec"_L1).toObject();
    validateSetSelector(spec, false, errors);

    // ValidatePodTemplateSpec: PodTemplateSpec validation reports labels and annotations without "metadata".
    const QJsonObject podTemplate = spec.value("template"_L1).toObject();
    const QJsonObject templateMeta = metadataOf(podTemplate);
    validateLabels(templateMeta.value("labels"_L1), u"spec.template.labels"_s, errors);
    validateAnnotations(templateMeta.value("annotations"_L1), u"spec.template.annotations"_s, errors);
    validatePodSpec(podTemplate.value("spec"_L1).toObject(), u"spec.template.spec"_s, errors);
    validateSetPodPolicy(spec, u"DaemonSet"_s, errors);
    validateNonNegative(spec, "minReadySeconds"_L1, u"spec.minReadySeconds"_s, errors);

    const QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
    const QString strategyType = text(strategy, "type"_L1);
    const QJsonValue rollingUpdate = strategy.value("rollingUpdate"_L1);
    if (strategyType == u"RollingUpdate"_s) {
        if (!rollingUpdate.isObject()) {
            errors.append(required(u"spec.updateStrategy.rollingUpdate"_s));
        } else {
            const QString path = u"spec.updateStrategy.rollingUpdate."_s;
            const QJsonObject rolling = rollingUpdate.toObject();
            const QJsonValue maxUnavailable = rolling.value("maxUnavailable"_L1);
            const QJsonValue maxSurge = rolling.value("maxSurge"_L1);
            const bool hasUnavailable = validateIntOrPercent(maxUnavailable, path + u"maxUnavailable"_s, errors) != 0;
            const bool hasSurge = validateIntOrPercent(maxSurge, path + u"maxSurge"_s, errors) != 0;
            if (hasUnavailable && hasSurge)
                errors.append(invalidValue(path + u"maxSurge"_s, goIntOrString(maxSurge),
                                           u"may not be set when maxUnavailable is non-zero"_s));
            else if (!hasUnavailable && !hasSurge)
                errors.append(required(path + u"maxUnavailable"_s, u"cannot be 0 when maxSurge is 0"_s));
        }
    } else if (strategyType != u"OnDelete"_s) {
        const QString pointer = rollingUpdate.isObject() ? u"(*apps.RollingUpdateDaemonSet)(0xc000a1c000)"_s
                                                         : u"(*apps.RollingUpdateDaemonSet)(nil)"_s;
        errors.append(fieldError(u"FieldValueNotSupported"_s, u"spec.updateStrategy"_s, u"Unsupported value"_s,
                                 u"apps.DaemonSetUpdateStrategy{Type:"_s + goQuote(strategyType) + u", RollingUpdate:"_s
                                     + pointer + u'}',
                                 u"supported values: \"RollingUpdate\", \"OnDelete\""_s));
    }
    validateNonNegative(spec, "revisionHistoryLimit"_L1, u"spec.revisionHistoryLimit"_s, errors);
}

class DaemonSetStrategy final : public WorkloadStrategy
{
public:
    void applyDefaults(QJsonObject &object) const override
    {
        // SetDefaults_DaemonSet.
        QJsonObject spec = object.value("spec"_L1).toObject();
        QJsonObject strategy = spec.value("updateStrategy"_L1).toObject();
        if (text(strategy, "type"_L1).isEmpty())
            strategy.insert("type"_L1, "RollingUpdate"_L1);
        if (text(strategy, "type"_L1) == "RollingUpdate"_L1) {
            QJsonObject rolling = strategy.value("rollingUpdate"_L1).toObject();
            if (!rolling.contains("maxUnavailable"_L1))
                rolling.insert("maxUnavailable"_L1, 1);
            if (!rolling.contains("maxSurge"_L1))
                rolling.insert("maxSurge"_L1, 0);
            strategy.insert("rollingUpdate"_L1, rolling);
        }
        spec.insert("updateStrategy"_L1, strategy);
        if (!spec.contains("revisionHistoryLimit"_L1))
            spec.insert("revisionHistoryLimit"_L1, 10);
        defaultPodTemplate(spec);
        object.insert("spec"_L1, spec);
    }

    void prepareForCreate(QJsonObject &object) const override
    {
        WorkloadStrategy::prepareForCreate(object);
        setTemplateGeneration(object, nullptr);
    }

    void prepareForUpdate(QJsonObject &object, const QJsonObject &old) const override
    {
        setTemplateGeneration(object, &old);
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        QList<FieldError> errors = validateMetadata(object, old, true, dnsSubdomainName);
        validateDaemonSetSpec(object, errors);
        if (old)
            validateSelectorUnchanged(object, *old, errors);
        return errors;
    }

    QJsonArray tableColumns() const override
    {
        QJsonArray columns {
            column(u"Desired"_s, u"integer"_s,
                   u"The total number of nodes that should be running the daemon pod (including nodes correctly "
                   "running the daemon pod). More info: "
                   "https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"_s),
            column(u"Current"_s, u"integer"_s,
                   u"The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon "
                   "pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"_s),
            column(u"Ready"_s, u"integer"_s,
                   u"The number of nodes that should be running the daemon pod and have one or more of the daemon "
                   "pod running and ready."_s),
            column(u"Up-to-date"_s, u"integer"_s, u"The total number of nodes that are running updated daemon pod"_s),
            column(u"Available"_s, u"integer"_s,
                   u"The number of nodes that should be running the daemon pod and have one or more of the daemon "
                   "pod running and available (ready for at least spec.minReadySeconds)"_s),
            column(u"Node Selector"_s, u"string"_s,
                   u"NodeSelector is a selector which must be true for the pod to fit on a node. Selector which "
                   "must match a node's labels for the pod to be scheduled on that node. More info: "
                   "https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"_s),
            ageColumn()};
        appendContainerColumns(columns);
        columns.append(column(u"Selector"_s, u"string"_s,
                              u"A label query over pods that are managed by the daemon set. Must match in order to be "
                              "controlled. If empty, defaulted to labels on Pod template. More info: "
                              "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/"
                              "#label-selectors"_s,
                              1));
        return columns;
    }

    QJsonArray tableCells(const QJsonObject &object, const QString &age) const override
    {
        const QJsonObject spec = object.value("spec"_L1).toObject();
        const QJsonObject status = object.value("status"_L1).toObject();
        const QJsonObject nodeSelector =
            spec.value("template"_L1).toObject().value("spec"_L1).toObject().value("nodeSelector"_L1).toObject();
        QStringList selectorParts;
        for (auto it = nodeSelector.begin(); it != nodeSelector.end(); ++it)
            selectorParts.append(it.key() + u'=' + it.value().toString());
        QJsonArray cells;
        for (const auto key : {"desiredNumberScheduled"_L1, "currentNumberScheduled"_L1, "numberReady"_L1,
                               "updatedNumberScheduled"_L1, "numberAvailable"_L1})
            cells.append(status.value(key).toInteger());
        cells.append(selectorParts.isEmpty() ? u"<none>"_s : selectorParts.join(u','));
        cells.append(age);
        appendContainerCells(cells, spec);
        cells.append(selectorText(spec.value("selector"_L1).toObject()));
        return cells;
    }
};

} // namespace

const Strategy &daemonSetStrategy()
{
    static const DaemonSetStrategy strategy;
    return strategy;
}

} // namespace kubesim
