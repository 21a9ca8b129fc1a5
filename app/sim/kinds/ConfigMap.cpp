// ConfigMap: only its Table is its own.

#include "Kinds.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

class ConfigMapStrategy final : public Strategy
{
public:
    QJsonArray tableColumns() const override
    {
        return {column(u"Data"_s, u"string"_s, u"The number of entries in the data map"_s), ageColumn()};
    }

    QJsonArray tableCells(const QJsonObject &configMap, const QString &age) const override
    {
        return {
            qint64(configMap.value("data"_L1).toObject().size() + configMap.value("binaryData"_L1).toObject().size()),
            age};
    }
};

} // namespace

const Strategy &configMapStrategy()
{
    static const ConfigMapStrategy strategy;
    return strategy;
}

} // namespace kubesim
