#pragma once

#include "rbac/Rbac.h"

#include <QHash>
#include <QList>
#include <QString>

namespace sa::rbac {

// The well-known dangerous permissions, after the Kubernetes "Role Based Access Control Good Practices" page
// (kubernetes.io/docs/concepts/security/rbac-good-practices): which rules hold them, how bad, and why in one
// sentence. Wildcards count: verbs "*" on resources "*" in group "*" hold every one of them.

enum class Severity { None = 0, Medium, High, Critical };

[[nodiscard]] QString severityName(Severity severity); // "Critical", "High", "Medium", "" for None

struct Risk
{
    QString id; // stable: "read-secrets", "create-workloads", "pods-exec", ...
    Severity severity = Severity::None;
    QString title; // short: "Read secrets"
    QString why; // one sentence
    bool operator==(const Risk &) const = default;
};

// The risks of one rule in a scope (a namespace, or empty for cluster-wide). A rule restricted by resourceNames
// holds a risk only for those objects: it counts one level lower (never below Medium).
[[nodiscard]] QList<Risk> risksOfRule(const PolicyRule &rule, const QString &scope);
// The risks of a grant: its rule's, plus the binding of cluster-admin. Missing roles hold none.
[[nodiscard]] QList<Risk> risksOf(const Grant &grant);
// The risks of everything an identity holds, each once with its highest severity: the grants' risks, membership
// of system:masters, and combinations no single rule holds (creating and approving certificate requests).
[[nodiscard]] QList<Risk> risksOf(const Identity &identity, const QList<Grant> &grants);
[[nodiscard]] Severity highestSeverity(const QList<Risk> &risks);

// highestSeverity(risksOf(identity, index.effectivePermissions(identity))) without building the identity's grants:
// a binding's risks depend only on its role and its scope, so they are worked out once per binding and kept until
// clear(), which the owner calls whenever the index changes. What a risk column asks for thousands of rows.
class SeverityCache
{
public:
    [[nodiscard]] Severity severityOf(const RbacIndex &index, const Identity &identity) const;
    void clear() { m_bindings.clear(); }

private:
    struct BindingRisk
    {
        Severity severity = Severity::None;
        bool csrCreate = false;
        bool csrApprove = false;
    };
    mutable QHash<QString, BindingRisk> m_bindings; // binding key → its risks
};

} // namespace sa::rbac
