#pragma once

#include "Rbac.h"

#include <QList>
#include <QString>

namespace sa::rbac {

// Our resolution beside the server's own answer (SelfSubjectRulesReview), compared by what the rules allow, not by
// how they are written: the server lists the raw rules of every role bound in the namespace or cluster-wide, unmerged
// and in its own order, so two lists that allow the same things may look nothing alike.

// The rules a SelfSubjectRulesReview in `ns` lists for the identity whose grants these are: those of grants that apply
// in `ns` or cluster-wide, bindings to missing roles left out, in the grants' order.
[[nodiscard]] QList<PolicyRule> rulesApplyingIn(const QList<Grant> &grants, const QString &ns);

// What one side allows that the other does not, as rules with one API group and at most one resource name: the
// resources (or non-resource URLs) that allow the same verbs gathered in one rule; in the order of group, resource. A
// permission counts as allowed by the other side when a rule there covers it, a wildcard rule included: "get pods" is
// covered by "* on *", but "* on *" is covered only by a rule that says "*" too ("*" is compared as the token it is,
// never expanded).
struct RulesComparison
{
    QList<PolicyRule> onlyResolved; // we say it may, the server does not list it
    QList<PolicyRule> onlyServer; // the server lists it, we do not say it may

    [[nodiscard]] bool agrees() const { return onlyResolved.isEmpty() && onlyServer.isEmpty(); }
};
[[nodiscard]] RulesComparison compareRules(const QList<PolicyRule> &resolved, const QList<PolicyRule> &server);

// "secrets: get, list", "deployments.apps [web]: patch", "/metrics: get": one rule of a RulesComparison, for a
// sentence.
[[nodiscard]] QString describeRule(const PolicyRule &rule);

} // namespace sa::rbac
