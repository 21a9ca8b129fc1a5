#pragma once

#include "rbac/Rbac.h"

#include <QList>
#include <QString>

namespace sa::rbac {

// What binding a role would add: the rules (of the role, aggregation resolved) that `who` does not already hold in
// `scope` (a namespace for a RoleBinding, empty for a ClusterRoleBinding), split into one verb, API group, resource
// and name each, as grants through `through` (its rule and scope replaced). Non-resource rules count only
// cluster-wide, as a RoleBinding grants none. For a preview: groupByResource() regroups them, risksOf() rates them.
[[nodiscard]] QList<Grant> addedGrants(const RbacIndex &index, const Identity &who, const QList<PolicyRule> &rules,
                                       const QString &scope, const Grant &through);

} // namespace sa::rbac
