#include "Strategy.h"

#include "ResourceTypes.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

void Strategy::applyDefaults(QJsonObject &) const { }

void Strategy::prepareForCreate(QJsonObject &) const { }

void Strategy::prepareForUpdate(QJsonObject &, const QJsonObject &) const { }

std::optional<ApiFailure> Strategy::admit(QJsonObject &, const QString &, const Store &) const
{
    return std::nullopt;
}

std::optional<ApiFailure> Strategy::authorizeWrite(const WriteRequest &, const QJsonObject &, const QJsonObject *,
                                                   const Store &) const
{
    return std::nullopt;
}

QList<FieldError> Strategy::validate(const QJsonObject &, const QJsonObject *) const
{
    return {};
}

bool Strategy::returnsDeletedObject() const
{
    return false;
}

std::optional<QJsonObject> Strategy::beginDeletion(const QJsonObject &) const
{
    return std::nullopt;
}

ApiFailure Strategy::preconditionFailed(const ResourceType &type, const QString &name, const QString &field,
                                        const QString &want, const QString &have, const QString &consequence) const
{
    // rest.BeforeDelete's Conflict, which names the GroupResource {group, Kind}.
    return status::conflict(type.group, type.kind, name,
                            u"the "_s + field + u" in the precondition ("_s + want + u") does not match the "_s + field
                                + u" in record ("_s + have + u"). "_s + consequence);
}

QJsonArray Strategy::tableColumns() const
{
    return {ageColumn()};
}

QJsonArray Strategy::tableCells(const QJsonObject &, const QString &age) const
{
    return {age};
}

QStringList Strategy::fieldLabels() const
{
    return {};
}

QString Strategy::fieldValue(const QJsonObject &object, const QString &field) const
{
    QJsonValue value = object;
    for (const QStringView part : QStringView(field).split(u'.'))
        value = value.toObject().value(part);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

const Strategy &defaultStrategy()
{
    static const Strategy strategy;
    return strategy;
}

QList<FieldError> validateObject(const QString &kind, const QJsonObject &object, const QJsonObject *old)
{
    for (const ResourceType &type : resourceTypes()) {
        if (type.kind == kind)
            return type.strategy->validate(object, old);
    }
    return {};
}

} // namespace kubesim
