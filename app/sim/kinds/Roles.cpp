// Role, ClusterRole, RoleBinding and ClusterRoleBinding (pkg/registry/rbac and pkg/apis/rbac/validation):
// names that only need to be path segments, rules, subjects, and a roleRef that never changes.

#include "JsonText.h"
#include "Kinds.h"
#include "Rbac.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QString kRbacGroup = u"rbac.authorization.k8s.io"_s;

void validateRules(const QJsonObject &role, bool namespaced, QList<FieldError> &errors)
{
    const QJsonArray rules = role.value("rules"_L1).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString at = u"rules["_s + QString::number(i) + u']';
        const QJsonObject rule = rules[i].toObject();
        const auto listSize = [&rule](QLatin1StringView key) { return rule.value(key).toArray().size(); };
        if (listSize("verbs"_L1) == 0)
            errors.append(required(at + u".verbs"_s, u"verbs must contain at least one value"_s));
        if (listSize("nonResourceURLs"_L1) > 0) {
            const QString urls = goStringSlice(rule.value("nonResourceURLs"_L1));
            if (namespaced)
                errors.append(invalidValue(at + u".nonResourceURLs"_s, urls,
                                           u"namespaced rules cannot apply to non-resource URLs"_s));
            if (listSize("apiGroups"_L1) > 0 || listSize("resources"_L1) > 0 || listSize("resourceNames"_L1) > 0)
                errors.append(invalidValue(at + u".nonResourceURLs"_s, urls,
                                           u"rules cannot apply to both regular resources and non-resource URLs"_s));
            continue;
        }
        if (listSize("apiGroups"_L1) == 0)
            errors.append(required(at + u".apiGroups"_s, u"resource rules must supply at least one api group"_s));
        if (listSize("resources"_L1) == 0)
            errors.append(required(at + u".resources"_s, u"resource rules must supply at least one resource"_s));
        if (listSize("resourceNames"_L1) > 0 && listSize("resources"_L1) > 1)
            errors.append(required(at + u".resourceNames"_s, u"resource names cannot apply to multiple resources"_s));
    }
}

void validateSubject(const QJsonObject &subject, bool namespaced, const QString &at, QList<FieldError> &errors)
{
    const QString name = text(subject, "name"_L1);
    const QString kind = text(subject, "kind"_L1);
    const QString apiGroup = text(subject, "apiGroup"_L1);
    if (name.isEmpty())
        errors.append(required(at + u".name"_s));
    if (kind == u"ServiceAccount"_s) {
        if (!name.isEmpty())
            appendInvalid(errors, at + u".name"_s, name, dns1123SubdomainErrors(name));
        if (!apiGroup.isEmpty())
            errors.append(notSupported(at + u".apiGroup"_s, apiGroup, {QString()}));
        if (!namespaced && text(subject, "namespace"_L1).isEmpty())
            errors.append(required(at + u".namespace"_s));
    } else if (kind == u"User"_s || kind == u"Group"_s) {
        if (name.isEmpty())
            errors.append(invalidValue(at + u".name"_s, goQuote(name), kind.toLower() + u" name cannot be empty"_s));
        if (apiGroup != kRbacGroup)
            errors.append(notSupported(at + u".apiGroup"_s, apiGroup, {kRbacGroup}));
    } else {
        errors.append(notSupported(at + u".kind"_s, kind, {u"ServiceAccount"_s, u"User"_s, u"Group"_s}));
    }
}

void validateBinding(const QJsonObject &binding, bool namespaced, QList<FieldError> &errors)
{
    const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
    if (const QString apiGroup = text(roleRef, "apiGroup"_L1); apiGroup != kRbacGroup)
        errors.append(notSupported(u"roleRef.apiGroup"_s, apiGroup, {kRbacGroup}));
    const QStringList kinds = namespaced ? QStringList {u"Role"_s, u"ClusterRole"_s} : QStringList {u"ClusterRole"_s};
    if (const QString kind = text(roleRef, "kind"_L1); !kinds.contains(kind))
        errors.append(notSupported(u"roleRef.kind"_s, kind, kinds));
    const QString name = text(roleRef, "name"_L1);
    if (name.isEmpty())
        errors.append(required(u"roleRef.name"_s));
    else
        appendInvalid(errors, u"roleRef.name"_s, name, pathSegmentName(name, false));

    const QJsonArray subjects = binding.value("subjects"_L1).toArray();
    for (qsizetype i = 0; i < subjects.size(); ++i)
        validateSubject(subjects[i].toObject(), namespaced, u"subjects["_s + QString::number(i) + u']', errors);
}

void validateRoleRefUpdate(const QJsonObject &binding, const QJsonObject &old, QList<FieldError> &errors)
{
    const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
    const auto field = [&roleRef](QLatin1StringView key) { return text(roleRef, key); };
    const QJsonObject oldRoleRef = old.value("roleRef"_L1).toObject();
    if (std::ranges::any_of(std::initializer_list<QLatin1StringView> {"apiGroup"_L1, "kind"_L1, "name"_L1},
                            [&](QLatin1StringView key) { return field(key) != text(oldRoleRef, key); }))
        errors.append(invalidValue(u"roleRef"_s,
                                   u"rbac.RoleRef{APIGroup:"_s + goQuote(field("apiGroup"_L1)) + u", Kind:"_s
                                       + goQuote(field("kind"_L1)) + u", Name:"_s + goQuote(field("name"_L1)) + u'}',
                                   u"cannot change roleRef"_s));
}

// The four RBAC kinds: a write may not grant what its requester does not hold (escalation prevention).
class RbacStrategy : public Strategy
{
public:
    std::optional<ApiFailure> authorizeWrite(const WriteRequest &request, const QJsonObject &object,
                                             const QJsonObject *old, const Store &store) const override
    {
        return checkEscalation(request, object, old, store);
    }
};

class RoleStrategy final : public RbacStrategy
{
public:
    explicit RoleStrategy(bool namespaced)
        : m_namespaced(namespaced)
    { }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        // RBAC updates validate the new object first and the metadata change after.
        QList<FieldError> errors;
        validateObjectMeta(object, m_namespaced, pathSegmentName, errors);
        validateRules(object, m_namespaced, errors);
        if (old)
            validateObjectMetaUpdate(object, *old, errors);
        return errors;
    }

    QJsonArray tableColumns() const override
    {
        return {column(u"Created At"_s, u"date"_s,
                       u"CreationTimestamp is a timestamp representing the server time when this object was "
                       "created."_s)};
    }

    QJsonArray tableCells(const QJsonObject &role, const QString &) const override
    {
        return {role.value("metadata"_L1).toObject().value("creationTimestamp"_L1)};
    }

private:
    bool m_namespaced;
};

class RoleBindingStrategy final : public RbacStrategy
{
public:
    explicit RoleBindingStrategy(bool namespaced)
        : m_namespaced(namespaced)
    { }

    void applyDefaults(QJsonObject &object) const override
    {
        QJsonArray subjects = object.value("subjects"_L1).toArray();
        for (auto &&value : subjects) {
            QJsonObject subject = value.toObject();
            if (!subject.contains("apiGroup"_L1)) {
                const QString subjectKind = text(subject, "kind"_L1);
                subject.insert("apiGroup"_L1,
                               subjectKind == "ServiceAccount"_L1 ? ""_L1 : "rbac.authorization.k8s.io"_L1);
            }
            value = subject;
        }
        if (object.contains("subjects"_L1))
            object.insert("subjects"_L1, subjects);
    }

    QList<FieldError> validate(const QJsonObject &object, const QJsonObject *old) const override
    {
        // RBAC updates validate the new object first and the metadata change after.
        QList<FieldError> errors;
        validateObjectMeta(object, m_namespaced, pathSegmentName, errors);
        validateBinding(object, m_namespaced, errors);
        if (old) {
            validateObjectMetaUpdate(object, *old, errors);
            validateRoleRefUpdate(object, *old, errors);
        }
        return errors;
    }

    QJsonArray tableColumns() const override
    {
        return {column(u"Role"_s, u"string"_s, u"Role of the binding"_s), ageColumn(),
                column(u"Users"_s, u"string"_s, u"Users in the binding"_s, 1),
                column(u"Groups"_s, u"string"_s, u"Groups in the binding"_s, 1),
                column(u"ServiceAccounts"_s, u"string"_s, u"ServiceAccounts in the binding"_s, 1)};
    }

    QJsonArray tableCells(const QJsonObject &binding, const QString &age) const override
    {
        const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
        QStringList users, groups, serviceAccounts;
        for (const QJsonValue &value : binding.value("subjects"_L1).toArray()) {
            const QJsonObject subject = value.toObject();
            const QString kind = subject.value("kind"_L1).toString();
            const QString name = subject.value("name"_L1).toString();
            if (kind == "User"_L1)
                users.append(name);
            else if (kind == "Group"_L1)
                groups.append(name);
            else if (kind == "ServiceAccount"_L1)
                serviceAccounts.append(subject.value("namespace"_L1).toString() + u'/' + name); // rbac.SubjectsStrings
        }
        return {QString(roleRef.value("kind"_L1).toString() + u'/' + roleRef.value("name"_L1).toString()), age,
                users.join(u", "_s), groups.join(u", "_s), serviceAccounts.join(u", "_s)};
    }

private:
    bool m_namespaced;
};

} // namespace

const Strategy &roleStrategy()
{
    static const RoleStrategy strategy(true);
    return strategy;
}

const Strategy &clusterRoleStrategy()
{
    static const RoleStrategy strategy(false);
    return strategy;
}

const Strategy &roleBindingStrategy()
{
    static const RoleBindingStrategy strategy(true);
    return strategy;
}

const Strategy &clusterRoleBindingStrategy()
{
    static const RoleBindingStrategy strategy(false);
    return strategy;
}

} // namespace kubesim
