#include "RulesComparison.h"

#include <QMap>

#include <algorithm>

#include <tuple>

using namespace Qt::StringLiterals;

namespace sa::rbac {

namespace {

// One thing a rule allows: a verb on one resource (with one name, or every name when empty) of one API group, or a
// verb on one non-resource URL. "*" stays a token, as written.
struct Atom
{
    bool nonResource = false;
    QString verb;
    QString apiGroup;
    QString resource; // "pods", "pods/log", "*/scale", "*"; or the URL
    QString name;
};

template<typename Visit>
void forEachAtom(const PolicyRule &rule, Visit &&visit)
{
    for (const QString &verb : rule.verbs) {
        if (rule.isResourceRule()) {
            for (const QString &group : rule.apiGroups) {
                for (const QString &resource : rule.resources) {
                    if (rule.resourceNames.isEmpty())
                        visit(Atom {false, verb, group, resource, {}});
                    for (const QString &name : rule.resourceNames)
                        visit(Atom {false, verb, group, resource, name});
                }
            }
        }
        for (const QString &url : rule.nonResourceURLs)
            visit(Atom {true, verb, {}, url, {}});
    }
}

// Whether the rule allows everything the atom stands for. The atom's "*" is matched as a string, so only a "*" (or,
// for URLs, a prefix wildcard that the atom's text starts with) covers it.
bool covers(const PolicyRule &rule, const Atom &atom)
{
    if (atom.nonResource)
        return rule.allowsNonResource(atom.verb, atom.resource);
    if (!rule.isResourceRule())
        return false;
    // Every name is covered only by a rule that does not restrict names.
    if (atom.name.isEmpty() && !rule.resourceNames.isEmpty())
        return false;
    const qsizetype slash = atom.resource.indexOf(u'/');
    const QString resource = slash < 0 ? atom.resource : atom.resource.left(slash);
    const QString subresource = slash < 0 ? QString() : atom.resource.mid(slash + 1);
    return rule.allowsResource(atom.verb, atom.apiGroup, resource, subresource, atom.name);
}

// The atoms of `rules` that no rule of `others` covers, gathered back into rules (one per group, resource and name).
QList<PolicyRule> uncovered(const QList<PolicyRule> &rules, const QList<PolicyRule> &others)
{
    using Key = std::tuple<bool, QString, QString, QString>; // non-resource, group, resource, name
    QMap<Key, QStringList> verbs;
    for (const PolicyRule &rule : rules) {
        forEachAtom(rule, [&](const Atom &atom) {
            if (std::ranges::any_of(others, [&](const PolicyRule &other) { return covers(other, atom); }))
                return;
            QStringList &list = verbs[Key {atom.nonResource, atom.apiGroup, atom.resource, atom.name}];
            if (!list.contains(atom.verb))
                list.append(atom.verb);
        });
    }
    // Resources (or URLs) of one group and name that allow the same verbs make one rule, in the order above.
    QList<PolicyRule> result;
    QMap<std::tuple<bool, QString, QString, QStringList>, qsizetype> gathered; // non-resource, group, name, verbs
    for (auto it = verbs.cbegin(); it != verbs.cend(); ++it) {
        const auto &[nonResource, group, resource, name] = it.key();
        QStringList sorted = it.value();
        sorted.sort();
        const auto key = std::tuple {nonResource, group, name, sorted};
        if (const auto found = gathered.constFind(key); found != gathered.cend()) {
            PolicyRule &rule = result[*found];
            (nonResource ? rule.nonResourceURLs : rule.resources).append(resource);
            continue;
        }
        PolicyRule rule;
        rule.verbs = sorted;
        if (nonResource) {
            rule.nonResourceURLs = {resource};
        } else {
            rule.apiGroups = {group};
            rule.resources = {resource};
            if (!name.isEmpty())
                rule.resourceNames = {name};
        }
        gathered.insert(key, result.size());
        result.append(rule);
    }
    return result;
}

} // namespace

QList<PolicyRule> rulesApplyingIn(const QList<Grant> &grants, const QString &ns)
{
    QList<PolicyRule> rules;
    for (const Grant &grant : grants) {
        if (!grant.roleMissing && (grant.scope.isEmpty() || grant.scope == ns))
            rules.append(grant.rule);
    }
    return rules;
}

RulesComparison compareRules(const QList<PolicyRule> &resolved, const QList<PolicyRule> &server)
{
    return RulesComparison {uncovered(resolved, server), uncovered(server, resolved)};
}

QString describeRule(const PolicyRule &rule)
{
    QString what;
    if (!rule.isResourceRule()) {
        what = rule.nonResourceURLs.join(u", "_s);
    } else {
        QStringList resources;
        for (const QString &resource : rule.resources) {
            for (const QString &group : rule.apiGroups)
                resources.append(group.isEmpty() ? resource : QString(resource + u'.' + group));
        }
        what = resources.join(u", "_s);
        if (!rule.resourceNames.isEmpty())
            what += u" ["_s + rule.resourceNames.join(u", "_s) + u']';
    }
    return what + u": "_s + rule.verbs.join(u", "_s);
}

} // namespace sa::rbac
