#pragma once

#include "resources/Resources.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace sa::rbac {

// RBAC as kube-apiserver's RBAC authorizer resolves it (plugin/pkg/auth/authorizer/rbac and the rbac/v1
// evaluation helpers), computed client-side from the Roles, ClusterRoles, RoleBindings and ClusterRoleBindings
// the informers hold, with the chain (binding → role → rule) behind every answer. No GUI.

// One rule of a Role or ClusterRole (rbac/v1 PolicyRule).
struct PolicyRule
{
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources; // "pods", "pods/log", "*/scale", "*"
    QStringList resourceNames; // empty: every name
    QStringList nonResourceURLs; // "/healthz", "/api/*", "*"

    [[nodiscard]] static PolicyRule fromJson(const QJsonObject &rule);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool isResourceRule() const { return !resources.isEmpty(); }
    // VerbMatches, APIGroupMatches, ResourceMatches (with "*/subresource"), ResourceNameMatches.
    [[nodiscard]] bool allowsResource(const QString &verb, const QString &apiGroup, const QString &resource,
                                      const QString &subresource, const QString &name) const;
    // VerbMatches and NonResourceURLMatches (a trailing "*" is a prefix).
    [[nodiscard]] bool allowsNonResource(const QString &verb, const QString &path) const;
    bool operator==(const PolicyRule &) const = default;
};

// The rbac/v1 matching helpers, one per field, for callers that look at parts of a rule.
[[nodiscard]] bool verbMatches(const PolicyRule &rule, const QString &verb);
[[nodiscard]] bool apiGroupMatches(const PolicyRule &rule, const QString &apiGroup);
[[nodiscard]] bool resourceMatches(const PolicyRule &rule, const QString &combinedResource, const QString &subresource);
[[nodiscard]] bool resourceNameMatches(const PolicyRule &rule, const QString &name);
[[nodiscard]] bool nonResourceURLMatches(const PolicyRule &rule, const QString &path);

// metav1.LabelSelector: every matchLabels pair and every requirement must hold; an empty selector matches all,
// an unknown operator matches nothing.
struct LabelSelector
{
    struct Requirement
    {
        QString key;
        QString op; // In, NotIn, Exists, DoesNotExist
        QStringList values;
    };
    QMap<QString, QString> matchLabels;
    QList<Requirement> matchExpressions;

    [[nodiscard]] static LabelSelector fromJson(const QJsonObject &selector);
    [[nodiscard]] bool matches(const QMap<QString, QString> &labels) const;
};

// A Role (meta.ns set) or ClusterRole (meta.ns empty).
struct Role
{
    ObjectMeta meta;
    QList<PolicyRule> rules; // as stored; for an aggregated ClusterRole, what the controller last wrote
    bool aggregated = false; // has an aggregationRule
    QList<LabelSelector> clusterRoleSelectors;

    [[nodiscard]] static std::optional<Role> fromJson(const QJsonObject &object);
    [[nodiscard]] bool isClusterRole() const { return meta.ns.isEmpty(); }
};

// Who asks: a user name and its groups, as an authenticator produces them.
struct Identity
{
    QString user;
    QStringList groups;

    // system:serviceaccount:NS:NAME in system:serviceaccounts, system:serviceaccounts:NS and system:authenticated.
    [[nodiscard]] static Identity serviceAccount(const QString &ns, const QString &name);
    // The namespace and name of a service-account user name, or nullopt.
    [[nodiscard]] static std::optional<std::pair<QString, QString>> serviceAccountOf(const QString &user);
};

// A service account by namespace and name.
struct AccountRef
{
    QString ns;
    QString name;
    bool operator==(const AccountRef &) const = default;
};

// One rule an identity holds, with the chain that grants it.
struct Grant
{
    PolicyRule rule; // empty when roleMissing
    QString scope; // namespace it applies in; empty: cluster-wide (every namespace and cluster-scoped resources)
    Subject subject; // the binding's subject that matched, namespace filled in for ServiceAccount subjects
    QString viaGroup; // the group through which it applies; empty when the subject names the identity directly
    QString bindingKind; // RoleBinding or ClusterRoleBinding
    QString bindingNamespace; // empty for ClusterRoleBindings
    QString bindingName;
    QString roleKind; // Role or ClusterRole
    QString roleName;
    QString aggregatedFrom; // for an aggregated ClusterRole: the ClusterRole the rule comes from
    bool roleMissing = false; // the binding refers to a role that does not exist: it grants nothing

    // "RoleBinding team-a/ci → ClusterRole edit", preceded by "Group g → " when via a group.
    [[nodiscard]] QString chain() const;
    bool operator==(const Grant &) const = default;
};

// Grants regrouped for display: one row per scope, API group, resource (or non-resource URL) and set of resource
// names, with the union of the verbs and every grant that contributes. Missing roles are left out. Sorted by scope
// (cluster-wide first), group, resource.
struct ResourcePermission
{
    QString scope; // empty: cluster-wide
    bool nonResource = false; // resource holds a non-resource URL
    QString apiGroup;
    QString resource; // "pods", "pods/log", "*", "*/scale", or a URL
    QStringList resourceNames;
    QStringList verbs; // sorted, without repeats
    QList<Grant> grants;
};
[[nodiscard]] QList<ResourcePermission> groupByResource(const QList<Grant> &grants);

// What a resource request asks for, as the apiserver's RequestInfo has it.
struct ResourceRequest
{
    QString verb;
    QString apiGroup; // "" for the core group
    QString resource; // plural
    QString subresource;
    QString ns; // empty: cluster-scoped, or all namespaces
    QString name;
};

struct Decision
{
    bool allowed = false;
    bool superuser = false; // allowed as a member of system:masters, which no binding explains
    QList<Grant> grants; // every grant that allows it, in the authorizer's order (cluster bindings first)
    QList<Grant> missingRoles; // bindings of the identity whose role does not exist (the authorizer's errors)
};

// A subject of a binding that can do what was asked, with the grants that let it.
struct SubjectAccess
{
    Subject subject; // as named in the bindings; ServiceAccount subjects with their namespace filled in
    QList<Grant> grants;
};

// The RBAC objects of one cluster, kept up to date from informer events, and the questions asked of them.
// Changes are applied at once to the per-subject and per-namespace binding indexes; aggregated ClusterRoles are
// resolved again lazily on the first query after a ClusterRole changed. Not thread-safe (queries update caches).
class RbacIndex
{
public:
    enum class Kind { Role, ClusterRole, RoleBinding, ClusterRoleBinding };
    [[nodiscard]] static std::optional<Kind> kindOf(const QString &kind); // "Role", "ClusterRoleBinding", ...

    // Adds or replaces (removed = false), or removes (removed = true) one object, from its API JSON; false when
    // the object has no name (or, for a Role or RoleBinding, no namespace). The kind is the collection's, since
    // list items lack "kind". Fed from an Informer: added and modified → apply(kind, item), deleted →
    // apply(kind, item, true); a relist reports its differences the same way, so nothing needs clearing.
    bool apply(Kind kind, const QJsonObject &object, bool removed = false);
    void applyRole(const Role &role);
    void removeRole(const QString &ns, const QString &name);
    void applyBinding(const RoleBinding &binding); // meta.ns empty: a ClusterRoleBinding
    void removeBinding(const QString &ns, const QString &name);
    // Drops every object of one kind (before an informer's relist delivers them again).
    void clear(Kind kind);
    void clear();

    [[nodiscard]] qsizetype roleCount() const { return m_roles.size() + m_clusterRoles.size(); }
    [[nodiscard]] qsizetype bindingCount() const { return m_bindings.size(); }
    [[nodiscard]] const Role *role(const QString &ns, const QString &name) const; // ns empty: a ClusterRole
    // The names of the Roles of `ns`, or of the ClusterRoles when ns is empty; sorted.
    [[nodiscard]] QStringList roleNames(const QString &ns) const;
    // A RoleBinding of `ns`, or a ClusterRoleBinding when ns is empty; null when there is none.
    [[nodiscard]] const RoleBinding *binding(const QString &ns, const QString &name) const;
    // The RoleBindings of `ns` (ClusterRoleBindings when ns is empty) whose roleRef is roleKind/roleName; by name.
    [[nodiscard]] QList<RoleBinding> bindingsOfRole(const QString &ns, const QString &roleKind,
                                                    const QString &roleName) const;
    // The rules a Role or ClusterRole grants, aggregation resolved; nullopt when it does not exist.
    [[nodiscard]] std::optional<QList<PolicyRule>> rulesOf(const QString &roleKind, const QString &ns,
                                                           const QString &name) const;
    // Resolves every ClusterRole's aggregation now, so that the next query does not pay for it (call it when the
    // lists are read, not on the user's first question).
    void resolveClusterRoles() const;

    // Everything the identity may do: the rules of every binding that names it or one of its groups, each with
    // its scope and chain; bindings to missing roles appear once with roleMissing set. Cluster bindings first,
    // then role bindings by "namespace/name".
    [[nodiscard]] QList<Grant> effectivePermissions(const Identity &identity) const;
    // The keys of the bindings that name the identity or one of its groups ("ns/name" for a RoleBinding, "name"
    // for a ClusterRoleBinding), in effectivePermissions' order.
    [[nodiscard]] QList<QString> bindingsOf(const Identity &identity) const;
    // What one binding grants whoever it names: its role's rules in its scope (one roleMissing grant when the role
    // does not exist), subject left empty; empty when there is no binding `key`.
    [[nodiscard]] QList<Grant> grantsOfBinding(const QString &key) const;
    [[nodiscard]] Decision allows(const Identity &identity, const ResourceRequest &request) const;
    [[nodiscard]] Decision allows(const Identity &identity, const QString &verb, const QString &apiGroup,
                                  const QString &resource, const QString &subresource, const QString &ns,
                                  const QString &name = {}) const
    {
        return allows(identity, ResourceRequest {verb, apiGroup, resource, subresource, ns, name});
    }
    // A non-resource request (only ClusterRoleBindings apply).
    [[nodiscard]] Decision allows(const Identity &identity, const QString &verb, const QString &path) const;

    // Every subject of a binding that allows the request, as the authorizer would decide for a requester that
    // the subject matches: ClusterRoleBindings, plus the RoleBindings of request.ns when it is set. Sorted by
    // kind, namespace and name. Members of system:masters are not listed (they may do anything).
    [[nodiscard]] QList<SubjectAccess> whoCan(const ResourceRequest &request) const;
    [[nodiscard]] QList<SubjectAccess> whoCan(const QString &verb, const QString &apiGroup, const QString &resource,
                                              const QString &subresource, const QString &ns,
                                              const QString &name = {}) const
    {
        return whoCan(ResourceRequest {verb, apiGroup, resource, subresource, ns, name});
    }
    // As whoCan, but in any namespace: RoleBindings of every namespace count too (each grant says where).
    [[nodiscard]] QList<SubjectAccess> whoCanInAnyNamespace(const ResourceRequest &request) const;

    // The service accounts among `accounts` that a subject stands for: a ServiceAccount subject itself, a User
    // subject with a service-account name, the groups system:serviceaccounts, system:serviceaccounts:NS and
    // system:authenticated; other groups and users: none.
    [[nodiscard]] static QList<AccountRef> serviceAccountsOf(const Subject &subject, const QList<AccountRef> &accounts);
    // whoCan answers turned into service accounts: each account of `accounts` that can, with every grant that lets
    // it, in the order of `accounts`.
    [[nodiscard]] static QList<std::pair<AccountRef, QList<Grant>>>
    serviceAccountsWhoCan(const QList<SubjectAccess> &subjects, const QList<AccountRef> &accounts);

private:
    struct ResolvedRule
    {
        PolicyRule rule;
        QString aggregatedFrom;
    };
    [[nodiscard]] std::optional<QList<ResolvedRule>> resolvedRules(const QString &roleKind, const QString &ns,
                                                                   const QString &name) const;
    [[nodiscard]] QList<ResolvedRule> clusterRoleRules(const QString &name, const Role &role) const;
    void indexBinding(const QString &key, const RoleBinding &binding, bool add);
    // Binding keys that may apply to the identity (by user, group and service account).
    [[nodiscard]] QList<QString> candidateBindings(const Identity &identity) const;
    // The grants of one binding for one matching subject (or one roleMissing grant).
    void appendGrants(const RoleBinding &binding, const Subject &subject, const QString &viaGroup,
                      QList<Grant> &out) const;
    [[nodiscard]] static std::optional<std::pair<Subject, QString>> matchingSubject(const RoleBinding &binding,
                                                                                    const Identity &identity);
    void collectWhoCan(const QString &bindingKey, const ResourceRequest &request,
                       QMap<QString, SubjectAccess> &out) const;

    QHash<QString, Role> m_roles; // "ns/name"
    QMap<QString, Role> m_clusterRoles; // by name, in name order (aggregation visits them in order)
    QHash<QString, RoleBinding> m_bindings; // "ns/name" for RoleBindings, "name" for ClusterRoleBindings
    // Lists, not sets: a subject or namespace has a handful of bindings, and a QSet's first allocation is a kilobyte.
    QHash<QString, QList<QString>> m_bindingsBySubject; // "User:x", "Group:g", "ServiceAccount:ns/name" → keys
    QHash<QString, QList<QString>> m_bindingsByNamespace; // "" for ClusterRoleBindings
    // Derived, rebuilt lazily: resolved rules of ClusterRoles (aggregation) and Roles.
    mutable QHash<QString, QList<ResolvedRule>> m_clusterRoleCache;
    mutable QHash<QString, QList<ResolvedRule>> m_roleCache;
    mutable QSet<QString> m_resolving;
};

} // namespace sa::rbac
