#include "rbac/AddedGrants.h"

using namespace Qt::StringLiterals;

namespace sa::rbac {

QList<Grant> addedGrants(const RbacIndex &index, const Identity &who, const QList<PolicyRule> &rules,
                         const QString &scope, const Grant &through)
{
    QList<Grant> added;
    const auto add = [&](PolicyRule rule) {
        Grant grant = through;
        grant.rule = std::move(rule);
        grant.scope = scope;
        if (!added.contains(grant))
            added.append(grant);
    };
    for (const PolicyRule &rule : rules) {
        if (!rule.isResourceRule()) {
            if (!scope.isEmpty())
                continue; // a RoleBinding grants no non-resource URL
            for (const QString &verb : rule.verbs) {
                for (const QString &url : rule.nonResourceURLs) {
                    if (!index.allows(who, verb, url).allowed)
                        add(PolicyRule {{verb}, {}, {}, {}, {url}});
                }
            }
            continue;
        }
        const QStringList names = rule.resourceNames.isEmpty() ? QStringList {QString()} : rule.resourceNames;
        for (const QString &verb : rule.verbs) {
            for (const QString &group : rule.apiGroups) {
                for (const QString &combined : rule.resources) {
                    const qsizetype slash = combined.indexOf(u'/');
                    const QString resource = slash < 0 ? combined : combined.left(slash);
                    const QString subresource = slash < 0 ? QString() : combined.mid(slash + 1);
                    for (const QString &name : names) {
                        if (index.allows(who, verb, group, resource, subresource, scope, name).allowed)
                            continue;
                        add(PolicyRule {
                            {verb}, {group}, {combined}, name.isEmpty() ? QStringList() : QStringList {name}, {}});
                    }
                }
            }
        }
    }
    return added;
}

} // namespace sa::rbac
