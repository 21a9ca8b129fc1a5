// ServiceAccount (pkg/registry/core/serviceaccount): the core checks and the Secrets column.

#include "Kinds.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

class ServiceAccountStrategy final : public Strategy
{
public:
    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        // Core updates check what may change, then validate the new object as on create.
        QList<FieldError> errors;
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        validateObjectMeta(object, true, dnsSubdomainName, errors);
        return errors;
    }

    bool returnsDeletedObject() const override { return true; }

    QJsonArray tableColumns() const override
    {
        return {column(u"Secrets"_s, u"string"_s,
                       u"Secrets is a list of the secrets in the same namespace that pods running using this "
                       "ServiceAccount are allowed to use."_s),
                ageColumn()};
    }

    QJsonArray tableCells(const QJsonObject &account, const QString &age) const override
    {
        return {qint64(account.value("secrets"_L1).toArray().size()), age};
    }
};

} // namespace

const Strategy &serviceAccountStrategy()
{
    static const ServiceAccountStrategy strategy;
    return strategy;
}

} // namespace kubesim
