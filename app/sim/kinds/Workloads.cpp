#include "Workloads.h"

#include "Pod.h"
#include "Registry.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

QString joined(const QJsonArray &values, const QString &field)
{
    QStringList parts;
    for (const QJsonValue &value : values)
        parts.append(value.toObject().value(field).toString());
    return parts.join(u',');
}

} // namespace

void WorkloadStrategy::prepareForCreate(QJsonObject &object) const
{
    object.remove("status"_L1);
}

void defaultPodTemplate(QJsonObject &spec)
{
    QJsonObject tmpl = spec.value("template"_L1).toObject();
    tmpl.insert("spec"_L1, defaultPodSpec(tmpl.value("spec"_L1).toObject()));
    spec.insert("template"_L1, tmpl);
}

bool validateSetSelector(const QJsonObject &spec, bool statefulSet, QList<FieldError> &errors)
{
    const QJsonValue selectorValue = spec.value("selector"_L1);
    const QJsonObject selector = selectorValue.toObject();
    QList<FieldError> selectorErrors;
    if (selectorValue.isObject())
        validateLabelSelector(selector, u"spec.selector"_s, selectorErrors);
    else if (statefulSet)
        errors.append(required(u"spec.selector"_s));
    errors.append(selectorErrors);
    const bool emptySelector = selectorValue.isObject() && selector.value("matchLabels"_L1).toObject().isEmpty()
        && selector.value("matchExpressions"_L1).toArray().isEmpty();
    const auto emptyError = [&] {
        if (emptySelector)
            errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue),
                                       statefulSet ? u"empty selector is invalid for statefulset"_s
                                                   : u"empty selector is invalid for daemonset"_s));
    };
    if (statefulSet)
        emptyError();
    if (!selectorErrors.isEmpty()) {
        if (statefulSet)
            errors.append(invalidValue(u"spec.selector"_s, goLabelSelector(selectorValue), {}));
    } else {
        // An absent selector selects nothing, so no labels match it; an empty one matches everything.
        const QJsonValue labels = metadataOf(spec.value("template"_L1).toObject()).value("labels"_L1);
        if (!emptySelector && !(selectorValue.isObject() && selectorMatches(selector, labels.toObject())))
            errors.append(invalidValue(u"spec.template.metadata.labels"_s, goStringMap(labels),
                                       u"`selector` does not match template `labels`"_s));
    }
    if (!statefulSet)
        emptyError();
    return selectorErrors.isEmpty();
}

void validateSetPodPolicy(const QJsonObject &spec, const QString &kind, QList<FieldError> &errors)
{
    const QJsonObject podSpec = spec.value("template"_L1).toObject().value("spec"_L1).toObject();
    if (const QString policy = podSpec.value("restartPolicy"_L1).toString(); policy != u"Always"_s)
        errors.append(notSupported(u"spec.template.spec.restartPolicy"_s, policy, {u"Always"_s}));
    if (podSpec.contains("activeDeadlineSeconds"_L1))
        errors.append(forbidden(u"spec.template.spec.activeDeadlineSeconds"_s,
                                u"activeDeadlineSeconds in "_s + kind + u" is not Supported"_s));
}

void validateSelectorUnchanged(const QJsonObject &object, const QJsonObject &old, QList<FieldError> &errors)
{
    const QJsonValue selector = object.value("spec"_L1).toObject().value("selector"_L1);
    if (selector != old.value("spec"_L1).toObject().value("selector"_L1))
        errors.append(immutable(u"spec.selector"_s, goLabelSelector(selector)));
}

void appendContainerColumns(QJsonArray &columns)
{
    columns.append(column(u"Containers"_s, u"string"_s, u"Names of each container in the template."_s, 1));
    columns.append(column(u"Images"_s, u"string"_s, u"Images referenced by each container in the template."_s, 1));
}

void appendContainerCells(QJsonArray &cells, const QJsonObject &spec)
{
    const QJsonArray containers =
        spec.value("template"_L1).toObject().value("spec"_L1).toObject().value("containers"_L1).toArray();
    cells.append(joined(containers, u"name"_s));
    cells.append(joined(containers, u"image"_s));
}

QString selectorText(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject labels = selector.value("matchLabels"_L1).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    return parts.isEmpty() ? u"<none>"_s : parts.join(u',');
}

} // namespace kubesim
