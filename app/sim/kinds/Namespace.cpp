// Namespace (pkg/registry/core/namespace): its name label and finalizer, and a deletion that leaves it
// Terminating until the namespace controller has emptied it.

#include "Kinds.h"
#include "Registry.h"
#include "ResourceTypes.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

class NamespaceStrategy final : public Strategy
{
public:
    void applyDefaults(QJsonObject &object) const override
    {
        QJsonObject metadata = metadataOf(object);
        QJsonObject labels = metadata.value("labels"_L1).toObject();
        labels.insert("kubernetes.io/metadata.name"_L1, metadata.value("name"_L1));
        metadata.insert("labels"_L1, labels);
        object.insert("metadata"_L1, metadata);
        QJsonObject spec = object.value("spec"_L1).toObject();
        if (!spec.contains("finalizers"_L1))
            spec.insert("finalizers"_L1, QJsonArray {u"kubernetes"_s});
        object.insert("spec"_L1, spec);
        QJsonObject status = object.value("status"_L1).toObject();
        if (!status.contains("phase"_L1))
            status.insert("phase"_L1, "Active"_L1);
        object.insert("status"_L1, status);
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        return validateMetadata(object, old, false, dnsLabelName);
    }

    bool returnsDeletedObject() const override { return true; }

    std::optional<QJsonObject> beginDeletion(const QJsonObject &object) const override
    {
        QJsonObject metadata = metadataOf(object);
        if (metadata.contains("deletionTimestamp"_L1))
            return object;
        QJsonObject terminating = object;
        metadata.insert("deletionTimestamp"_L1, nowTimestamp());
        terminating.insert("metadata"_L1, metadata);
        QJsonObject status = terminating.value("status"_L1).toObject();
        status.insert("phase"_L1, "Terminating"_L1);
        terminating.insert("status"_L1, status);
        return terminating;
    }

    ApiFailure preconditionFailed(const ResourceType &type, const QString &name, const QString &field,
                                  const QString &want, const QString &have, const QString &) const override
    {
        // The namespace REST checks preconditions itself (pkg/registry/core/namespace/storage).
        return status::conflict(type.group, type.plural, name,
                                u"Precondition failed: "_s + field + u" in precondition: "_s + want + u", "_s + field
                                    + u" in object meta: "_s + have);
    }

    QJsonArray tableColumns() const override
    {
        return {column(u"Status"_s, u"string"_s, u"The status of the namespace"_s), ageColumn()};
    }

    QJsonArray tableCells(const QJsonObject &object, const QString &age) const override
    {
        return {object.value("status"_L1).toObject().value("phase"_L1).toString(), age};
    }

    QStringList fieldLabels() const override { return {u"status.phase"_s}; }
};

} // namespace

const Strategy &namespaceStrategy()
{
    static const NamespaceStrategy strategy;
    return strategy;
}

} // namespace kubesim
