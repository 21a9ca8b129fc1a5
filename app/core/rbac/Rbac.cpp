#include "rbac/Rbac.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa::rbac {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

bool containsOrAll(const QStringList &values, const QString &requested)
{
    return std::ranges::any_of(values, [&](const QString &value) { return value == "*"_L1 || value == requested; });
}

const QLatin1StringView serviceAccountPrefix = "system:serviceaccount:"_L1;

QString subjectKey(const QString &kind, const QString &name)
{
    return kind + u':' + name;
}

// The index key of a binding subject, or empty when it can match nobody (a ServiceAccount subject of a
// ClusterRoleBinding without a namespace, an unknown kind).
QString subjectKeyOf(const Subject &subject, const QString &bindingNamespace)
{
    if (subject.kind == "User"_L1 || subject.kind == "Group"_L1)
        return subjectKey(subject.kind, subject.name);
    if (subject.kind == "ServiceAccount"_L1) {
        const QString &ns = subject.ns.isEmpty() ? bindingNamespace : subject.ns;
        return ns.isEmpty() ? QString() : subjectKey(subject.kind, ns + u'/' + subject.name);
    }
    return {};
}

// Cluster bindings ("name") before role bindings ("ns/name"), then by key.
bool bindingKeyLess(const QString &a, const QString &b)
{
    const bool aNamespaced = a.contains(u'/');
    const bool bNamespaced = b.contains(u'/');
    if (aNamespaced != bNamespaced)
        return !aNamespaced;
    return a < b;
}

QString bindingKeyOf(const QString &ns, const QString &name)
{
    return ns.isEmpty() ? name : ns + u'/' + name;
}

} // namespace

// ---- rules ----

PolicyRule PolicyRule::fromJson(const QJsonObject &rule)
{
    return {stringList(rule.value("verbs"_L1)), stringList(rule.value("apiGroups"_L1)),
            stringList(rule.value("resources"_L1)), stringList(rule.value("resourceNames"_L1)),
            stringList(rule.value("nonResourceURLs"_L1))};
}

QJsonObject PolicyRule::toJson() const
{
    QJsonObject object {{"verbs"_L1, QJsonArray::fromStringList(verbs)}};
    const auto put = [&](QLatin1StringView key, const QStringList &values) {
        if (!values.isEmpty())
            object.insert(key, QJsonArray::fromStringList(values));
    };
    put("apiGroups"_L1, apiGroups);
    put("resources"_L1, resources);
    put("resourceNames"_L1, resourceNames);
    put("nonResourceURLs"_L1, nonResourceURLs);
    return object;
}

bool verbMatches(const PolicyRule &rule, const QString &verb)
{
    return containsOrAll(rule.verbs, verb);
}

bool apiGroupMatches(const PolicyRule &rule, const QString &apiGroup)
{
    return containsOrAll(rule.apiGroups, apiGroup);
}

bool resourceMatches(const PolicyRule &rule, const QString &combinedResource, const QString &subresource)
{
    for (const QString &resource : rule.resources) {
        if (resource == "*"_L1 || resource == combinedResource)
            return true;
        // "*/scale" is the scale subresource of every resource; "pods/*" means nothing special.
        if (!subresource.isEmpty() && resource.size() == subresource.size() + 2 && resource.startsWith("*/"_L1)
            && resource.endsWith(subresource))
            return true;
    }
    return false;
}

bool resourceNameMatches(const PolicyRule &rule, const QString &name)
{
    return rule.resourceNames.isEmpty() || rule.resourceNames.contains(name);
}

bool nonResourceURLMatches(const PolicyRule &rule, const QString &path)
{
    for (const QString &url : rule.nonResourceURLs) {
        if (url == "*"_L1 || url == path)
            return true;
        if (url.endsWith(u'*')) {
            qsizetype prefix = url.size();
            while (prefix > 0 && url.at(prefix - 1) == u'*')
                --prefix;
            if (path.startsWith(QStringView(url).left(prefix)))
                return true;
        }
    }
    return false;
}

bool PolicyRule::allowsResource(const QString &verb, const QString &apiGroup, const QString &resource,
                                const QString &subresource, const QString &name) const
{
    if (!verbMatches(*this, verb) || !apiGroupMatches(*this, apiGroup))
        return false;
    const QString combined = subresource.isEmpty() ? resource : QString(resource + u'/' + subresource);
    return resourceMatches(*this, combined, subresource) && resourceNameMatches(*this, name);
}

bool PolicyRule::allowsNonResource(const QString &verb, const QString &path) const
{
    return verbMatches(*this, verb) && nonResourceURLMatches(*this, path);
}

// ---- selectors and roles ----

LabelSelector LabelSelector::fromJson(const QJsonObject &selector)
{
    LabelSelector result;
    const QJsonObject matchLabels = selector.value("matchLabels"_L1).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        result.matchLabels.insert(it.key(), it.value().toString());
    for (const QJsonValue &value : selector.value("matchExpressions"_L1).toArray()) {
        const QJsonObject expression = value.toObject();
        result.matchExpressions.append({expression.value("key"_L1).toString(),
                                        expression.value("operator"_L1).toString(),
                                        stringList(expression.value("values"_L1))});
    }
    return result;
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        const auto label = labels.constFind(it.key());
        if (label == labels.cend() || *label != it.value())
            return false;
    }
    for (const Requirement &requirement : matchExpressions) {
        const auto label = labels.constFind(requirement.key);
        const bool present = label != labels.cend();
        const bool inValues = present && requirement.values.contains(*label);
        bool holds = false;
        if (requirement.op == "In"_L1)
            holds = inValues;
        else if (requirement.op == "NotIn"_L1)
            holds = !inValues;
        else if (requirement.op == "Exists"_L1)
            holds = present;
        else if (requirement.op == "DoesNotExist"_L1)
            holds = !present;
        if (!holds)
            return false;
    }
    return true;
}

std::optional<Role> Role::fromJson(const QJsonObject &object)
{
    Role role;
    role.meta = ObjectMeta::fromJson(object.value("metadata"_L1).toObject());
    if (role.meta.name.isEmpty())
        return std::nullopt;
    for (const QJsonValue &rule : object.value("rules"_L1).toArray())
        role.rules.append(PolicyRule::fromJson(rule.toObject()));
    const QJsonValue aggregationRule = object.value("aggregationRule"_L1);
    role.aggregated = aggregationRule.isObject();
    for (const QJsonValue &selector : aggregationRule.toObject().value("clusterRoleSelectors"_L1).toArray())
        role.clusterRoleSelectors.append(LabelSelector::fromJson(selector.toObject()));
    return role;
}

// ---- identities and grants ----

Identity Identity::serviceAccount(const QString &ns, const QString &name)
{
    return {serviceAccountPrefix + ns + u':' + name,
            {u"system:serviceaccounts"_s, u"system:serviceaccounts:"_s + ns, u"system:authenticated"_s}};
}

std::optional<std::pair<QString, QString>> Identity::serviceAccountOf(const QString &user)
{
    if (!user.startsWith(serviceAccountPrefix))
        return std::nullopt;
    const QStringView rest = QStringView(user).mid(serviceAccountPrefix.size());
    const qsizetype colon = rest.indexOf(u':');
    if (colon < 0)
        return std::nullopt;
    return std::pair {rest.left(colon).toString(), rest.mid(colon + 1).toString()};
}

QString Grant::chain() const
{
    QString text;
    if (!viaGroup.isEmpty())
        text = QCoreApplication::translate("sa::Grant", "Group %1").arg(viaGroup) + u" → "_s;
    text += bindingKind + u' ' + bindingKeyOf(bindingNamespace, bindingName) + u" → "_s + roleKind + u' ' + roleName;
    if (!aggregatedFrom.isEmpty())
        text += u' ' + QCoreApplication::translate("sa::Grant", "(aggregated from ClusterRole %1)").arg(aggregatedFrom);
    if (roleMissing)
        text += u' ' + QCoreApplication::translate("sa::Grant", "(not found: grants nothing)");
    return text;
}

QList<ResourcePermission> groupByResource(const QList<Grant> &grants)
{
    QMap<QString, ResourcePermission> rows;
    const auto add = [&](const Grant &grant, bool nonResource, const QString &group, const QString &resource) {
        QStringList names = grant.rule.resourceNames;
        names.sort();
        // The key sorts cluster-wide first, then by group and resource; \x1f separates the parts.
        const QString key = (grant.scope.isEmpty() ? u"0"_s : u"1"_s + grant.scope) + u'\x1f'
            + (nonResource ? u"1"_s : u"0"_s) + u'\x1f' + group + u'\x1f' + resource + u'\x1f' + names.join(u',');
        ResourcePermission &row = rows[key];
        if (row.grants.isEmpty()) {
            row.scope = grant.scope;
            row.nonResource = nonResource;
            row.apiGroup = group;
            row.resource = resource;
            row.resourceNames = names;
        }
        for (const QString &verb : grant.rule.verbs) {
            if (!row.verbs.contains(verb))
                row.verbs.append(verb);
        }
        if (!row.grants.contains(grant))
            row.grants.append(grant);
    };
    for (const Grant &grant : grants) {
        if (grant.roleMissing)
            continue;
        for (const QString &group : grant.rule.apiGroups) {
            for (const QString &resource : grant.rule.resources)
                add(grant, false, group, resource);
        }
        for (const QString &url : grant.rule.nonResourceURLs)
            add(grant, true, {}, url);
    }
    QList<ResourcePermission> result = rows.values();
    for (ResourcePermission &row : result)
        row.verbs.sort();
    return result;
}

// ---- the index ----

std::optional<RbacIndex::Kind> RbacIndex::kindOf(const QString &kind)
{
    if (kind == "Role"_L1)
        return Kind::Role;
    if (kind == "ClusterRole"_L1)
        return Kind::ClusterRole;
    if (kind == "RoleBinding"_L1)
        return Kind::RoleBinding;
    if (kind == "ClusterRoleBinding"_L1)
        return Kind::ClusterRoleBinding;
    return std::nullopt;
}

bool RbacIndex::apply(Kind kind, const QJsonObject &object, bool removed)
{
    const bool clusterScoped = kind == Kind::ClusterRole || kind == Kind::ClusterRoleBinding;
    ObjectMeta meta = ObjectMeta::fromJson(object.value("metadata"_L1).toObject());
    if (meta.name.isEmpty() || (!clusterScoped && meta.ns.isEmpty()))
        return false;
    if (clusterScoped)
        meta.ns.clear();
    if (kind == Kind::Role || kind == Kind::ClusterRole) {
        if (removed) {
            removeRole(meta.ns, meta.name);
            return true;
        }
        std::optional<Role> role = Role::fromJson(object);
        role->meta.ns = meta.ns;
        applyRole(*role);
        return true;
    }
    if (removed) {
        removeBinding(meta.ns, meta.name);
        return true;
    }
    std::optional<RoleBinding> binding = RoleBinding::fromJson(object);
    binding->meta.ns = meta.ns;
    applyBinding(*binding);
    return true;
}

void RbacIndex::applyRole(const Role &role)
{
    if (role.isClusterRole()) {
        m_clusterRoles.insert(role.meta.name, role);
        m_clusterRoleCache.clear(); // labels or rules may change any aggregation
        return;
    }
    const QString key = role.meta.key();
    m_roles.insert(key, role);
    m_roleCache.remove(key);
}

void RbacIndex::removeRole(const QString &ns, const QString &name)
{
    if (ns.isEmpty()) {
        if (m_clusterRoles.remove(name))
            m_clusterRoleCache.clear();
        return;
    }
    const QString key = ns + u'/' + name;
    m_roles.remove(key);
    m_roleCache.remove(key);
}

void RbacIndex::indexBinding(const QString &key, const RoleBinding &binding, bool add)
{
    for (const Subject &subject : binding.subjects) {
        const QString subject_ = subjectKeyOf(subject, binding.meta.ns);
        if (subject_.isEmpty())
            continue;
        if (add) {
            QList<QString> &keys = m_bindingsBySubject[subject_];
            if (!keys.contains(key))
                keys.append(key);
        } else if (auto it = m_bindingsBySubject.find(subject_); it != m_bindingsBySubject.end()) {
            it->removeOne(key);
            if (it->isEmpty())
                m_bindingsBySubject.erase(it);
        }
    }
    if (add) {
        QList<QString> &keys = m_bindingsByNamespace[binding.meta.ns];
        if (!keys.contains(key))
            keys.append(key);
    } else if (auto it = m_bindingsByNamespace.find(binding.meta.ns); it != m_bindingsByNamespace.end()) {
        it->removeOne(key);
        if (it->isEmpty())
            m_bindingsByNamespace.erase(it);
    }
}

void RbacIndex::applyBinding(const RoleBinding &binding)
{
    const QString key = binding.meta.key();
    if (const auto old = m_bindings.constFind(key); old != m_bindings.cend())
        indexBinding(key, *old, false);
    m_bindings.insert(key, binding);
    indexBinding(key, binding, true);
}

void RbacIndex::removeBinding(const QString &ns, const QString &name)
{
    const QString key = bindingKeyOf(ns, name);
    const auto old = m_bindings.constFind(key);
    if (old == m_bindings.cend())
        return;
    indexBinding(key, *old, false);
    m_bindings.erase(old);
}

void RbacIndex::clear(Kind kind)
{
    switch (kind) {
    case Kind::Role:
        m_roles.clear();
        m_roleCache.clear();
        return;
    case Kind::ClusterRole:
        m_clusterRoles.clear();
        m_clusterRoleCache.clear();
        return;
    case Kind::RoleBinding:
    case Kind::ClusterRoleBinding: {
        const bool cluster = kind == Kind::ClusterRoleBinding;
        const QStringList keys = m_bindings.keys();
        for (const QString &key : keys) {
            if (key.contains(u'/') != cluster)
                removeBinding(m_bindings.value(key).meta.ns, m_bindings.value(key).meta.name);
        }
        return;
    }
    }
}

void RbacIndex::clear()
{
    *this = RbacIndex();
}

const Role *RbacIndex::role(const QString &ns, const QString &name) const
{
    if (ns.isEmpty()) {
        const auto it = m_clusterRoles.constFind(name);
        return it == m_clusterRoles.cend() ? nullptr : &*it;
    }
    const auto it = m_roles.constFind(ns + u'/' + name);
    return it == m_roles.cend() ? nullptr : &*it;
}

QStringList RbacIndex::roleNames(const QString &ns) const
{
    QStringList names;
    if (ns.isEmpty()) {
        names = m_clusterRoles.keys();
    } else {
        for (const Role &role : m_roles) {
            if (role.meta.ns == ns)
                names.append(role.meta.name);
        }
        names.sort();
    }
    return names;
}

const RoleBinding *RbacIndex::binding(const QString &ns, const QString &name) const
{
    const auto it = m_bindings.constFind(ns.isEmpty() ? name : QString(ns + u'/' + name));
    return it == m_bindings.cend() ? nullptr : &*it;
}

QList<RoleBinding> RbacIndex::bindingsOfRole(const QString &ns, const QString &roleKind, const QString &roleName) const
{
    QList<RoleBinding> found;
    for (const QString &key : m_bindingsByNamespace.value(ns)) {
        const RoleBinding &binding = m_bindings[key];
        if (binding.roleKind == roleKind && binding.roleName == roleName)
            found.append(binding);
    }
    std::ranges::sort(found, {}, [](const RoleBinding &binding) { return binding.meta.name; });
    return found;
}

QList<RbacIndex::ResolvedRule> RbacIndex::clusterRoleRules(const QString &name, const Role &role) const
{
    const auto stored = [&role] {
        QList<ResolvedRule> rules;
        rules.reserve(role.rules.size());
        for (const PolicyRule &rule : role.rules)
            rules.append({rule, {}});
        return rules;
    };
    if (const auto cached = m_clusterRoleCache.constFind(name); cached != m_clusterRoleCache.cend())
        return *cached;
    // A role already being resolved is an aggregation cycle: the controller would see its stored rules.
    if (role.aggregated && m_resolving.contains(name))
        return stored();
    if (!role.aggregated) {
        QList<ResolvedRule> rules = stored();
        m_clusterRoleCache.insert(name, rules);
        return rules;
    }
    // What the clusterrole-aggregation controller writes: the rules of every other ClusterRole a selector matches,
    // selectors in order, roles in name order, each rule once.
    m_resolving.insert(name);
    QList<ResolvedRule> rules;
    for (const LabelSelector &selector : role.clusterRoleSelectors) {
        for (auto it = m_clusterRoles.cbegin(); it != m_clusterRoles.cend(); ++it) {
            if (it.key() == name || !selector.matches(it->meta.labels))
                continue;
            for (const ResolvedRule &rule : clusterRoleRules(it.key(), *it)) {
                const bool known = std::ranges::any_of(
                    rules, [&](const ResolvedRule &existing) { return existing.rule == rule.rule; });
                if (!known)
                    rules.append({rule.rule, rule.aggregatedFrom.isEmpty() ? it.key() : rule.aggregatedFrom});
            }
        }
    }
    m_resolving.remove(name);
    m_clusterRoleCache.insert(name, rules);
    return rules;
}

std::optional<QList<RbacIndex::ResolvedRule>> RbacIndex::resolvedRules(const QString &roleKind, const QString &ns,
                                                                       const QString &name) const
{
    if (roleKind == "ClusterRole"_L1) {
        const auto it = m_clusterRoles.constFind(name);
        if (it == m_clusterRoles.cend())
            return std::nullopt;
        return clusterRoleRules(name, *it);
    }
    if (roleKind != "Role"_L1 || ns.isEmpty())
        return std::nullopt;
    const QString key = ns + u'/' + name;
    if (const auto cached = m_roleCache.constFind(key); cached != m_roleCache.cend())
        return *cached;
    const auto it = m_roles.constFind(key);
    if (it == m_roles.cend())
        return std::nullopt;
    QList<ResolvedRule> rules;
    for (const PolicyRule &rule : it->rules)
        rules.append({rule, {}});
    m_roleCache.insert(key, rules);
    return rules;
}

void RbacIndex::resolveClusterRoles() const
{
    for (auto it = m_clusterRoles.cbegin(); it != m_clusterRoles.cend(); ++it)
        static_cast<void>(clusterRoleRules(it.key(), *it)); // fills the cache
}

std::optional<QList<PolicyRule>> RbacIndex::rulesOf(const QString &roleKind, const QString &ns,
                                                    const QString &name) const
{
    const auto resolved = resolvedRules(roleKind, ns, name);
    if (!resolved)
        return std::nullopt;
    QList<PolicyRule> rules;
    for (const ResolvedRule &rule : *resolved)
        rules.append(rule.rule);
    return rules;
}

std::optional<std::pair<Subject, QString>> RbacIndex::matchingSubject(const RoleBinding &binding,
                                                                      const Identity &identity)
{
    // As appliesTo: the first subject that matches decides.
    const bool serviceAccount = identity.user.startsWith(serviceAccountPrefix);
    for (const Subject &subject : binding.subjects) {
        if (subject.kind == "User"_L1 && subject.name == identity.user)
            return std::pair {subject, QString()};
        if (subject.kind == "Group"_L1 && identity.groups.contains(subject.name))
            return std::pair {subject, subject.name};
        if (subject.kind == "ServiceAccount"_L1 && serviceAccount) {
            // serviceaccount.MatchesUsername: the user name is exactly system:serviceaccount:NS:NAME.
            const QString &ns = subject.ns.isEmpty() ? binding.meta.ns : subject.ns;
            if (!ns.isEmpty() && identity.user == serviceAccountPrefix + ns + u':' + subject.name) {
                Subject filled = subject;
                filled.ns = ns;
                return std::pair {filled, QString()};
            }
        }
    }
    return std::nullopt;
}

QList<QString> RbacIndex::candidateBindings(const Identity &identity) const
{
    QList<QString> keys;
    const auto add = [&](const QString &subject) {
        if (const auto it = m_bindingsBySubject.constFind(subject); it != m_bindingsBySubject.cend())
            keys.append(*it);
    };
    add(subjectKey(u"User"_s, identity.user));
    for (const QString &group : identity.groups)
        add(subjectKey(u"Group"_s, group));
    if (const auto account = Identity::serviceAccountOf(identity.user))
        add(subjectKey(u"ServiceAccount"_s, account->first + u'/' + account->second));
    // A binding naming the identity twice (as itself and through a group) is one candidate.
    std::ranges::sort(keys, bindingKeyLess);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

namespace {

Grant grantFor(const RoleBinding &binding, const Subject &subject, const QString &viaGroup)
{
    Grant grant;
    grant.scope = binding.meta.ns;
    grant.subject = subject;
    grant.viaGroup = viaGroup;
    grant.bindingKind = binding.meta.ns.isEmpty() ? u"ClusterRoleBinding"_s : u"RoleBinding"_s;
    grant.bindingNamespace = binding.meta.ns;
    grant.bindingName = binding.meta.name;
    grant.roleKind = binding.roleKind;
    grant.roleName = binding.roleName;
    return grant;
}

} // namespace

void RbacIndex::appendGrants(const RoleBinding &binding, const Subject &subject, const QString &viaGroup,
                             QList<Grant> &out) const
{
    const auto rules = resolvedRules(binding.roleKind, binding.meta.ns, binding.roleName);
    if (!rules) {
        Grant grant = grantFor(binding, subject, viaGroup);
        grant.roleMissing = true;
        out.append(grant);
        return;
    }
    for (const ResolvedRule &rule : *rules) {
        Grant grant = grantFor(binding, subject, viaGroup);
        grant.rule = rule.rule;
        grant.aggregatedFrom = rule.aggregatedFrom;
        out.append(grant);
    }
}

QList<QString> RbacIndex::bindingsOf(const Identity &identity) const
{
    QList<QString> keys = candidateBindings(identity);
    keys.removeIf([&](const QString &key) { return !matchingSubject(*m_bindings.constFind(key), identity); });
    return keys;
}

QList<Grant> RbacIndex::grantsOfBinding(const QString &key) const
{
    QList<Grant> grants;
    if (const auto it = m_bindings.constFind(key); it != m_bindings.cend())
        appendGrants(*it, Subject(), QString(), grants);
    return grants;
}

QList<Grant> RbacIndex::effectivePermissions(const Identity &identity) const
{
    QList<Grant> grants;
    for (const QString &key : candidateBindings(identity)) {
        const RoleBinding &binding = *m_bindings.constFind(key);
        if (const auto match = matchingSubject(binding, identity))
            appendGrants(binding, match->first, match->second, grants);
    }
    return grants;
}

Decision RbacIndex::allows(const Identity &identity, const ResourceRequest &request) const
{
    Decision decision;
    // The apiserver lets system:masters do anything, in an authorizer ahead of RBAC.
    if (identity.groups.contains("system:masters"_L1)) {
        decision.allowed = true;
        decision.superuser = true;
    }
    for (const QString &key : candidateBindings(identity)) {
        const RoleBinding &binding = *m_bindings.constFind(key);
        // Cluster bindings always; role bindings only those of the request's namespace.
        if (!binding.meta.ns.isEmpty() && (request.ns.isEmpty() || binding.meta.ns != request.ns))
            continue;
        const auto match = matchingSubject(binding, identity);
        if (!match)
            continue;
        QList<Grant> grants;
        appendGrants(binding, match->first, match->second, grants);
        for (const Grant &grant : std::as_const(grants)) {
            if (grant.roleMissing)
                decision.missingRoles.append(grant);
            else if (grant.rule.allowsResource(request.verb, request.apiGroup, request.resource, request.subresource,
                                               request.name))
                decision.grants.append(grant);
        }
    }
    decision.allowed = decision.allowed || !decision.grants.isEmpty();
    return decision;
}

Decision RbacIndex::allows(const Identity &identity, const QString &verb, const QString &path) const
{
    Decision decision;
    if (identity.groups.contains("system:masters"_L1)) {
        decision.allowed = true;
        decision.superuser = true;
    }
    for (const QString &key : candidateBindings(identity)) {
        const RoleBinding &binding = *m_bindings.constFind(key);
        if (!binding.meta.ns.isEmpty())
            continue; // non-resource requests have no namespace: only cluster bindings apply
        const auto match = matchingSubject(binding, identity);
        if (!match)
            continue;
        QList<Grant> grants;
        appendGrants(binding, match->first, match->second, grants);
        for (const Grant &grant : std::as_const(grants)) {
            if (grant.roleMissing)
                decision.missingRoles.append(grant);
            else if (grant.rule.allowsNonResource(verb, path))
                decision.grants.append(grant);
        }
    }
    decision.allowed = decision.allowed || !decision.grants.isEmpty();
    return decision;
}

void RbacIndex::collectWhoCan(const QString &bindingKey, const ResourceRequest &request,
                              QMap<QString, SubjectAccess> &out) const
{
    const RoleBinding &binding = *m_bindings.constFind(bindingKey);
    const auto rules = resolvedRules(binding.roleKind, binding.meta.ns, binding.roleName);
    if (!rules)
        return;
    QList<const ResolvedRule *> allowing;
    for (const ResolvedRule &rule : *rules) {
        if (rule.rule.allowsResource(request.verb, request.apiGroup, request.resource, request.subresource,
                                     request.name))
            allowing.append(&rule);
    }
    if (allowing.isEmpty())
        return;
    for (const Subject &subject : binding.subjects) {
        const QString key = subjectKeyOf(subject, binding.meta.ns);
        if (key.isEmpty())
            continue;
        Subject filled = subject;
        if (filled.kind == "ServiceAccount"_L1 && filled.ns.isEmpty())
            filled.ns = binding.meta.ns;
        SubjectAccess &access = out[key];
        access.subject = filled;
        for (const ResolvedRule *rule : std::as_const(allowing)) {
            Grant grant = grantFor(binding, filled, subject.kind == "Group"_L1 ? subject.name : QString());
            grant.rule = rule->rule;
            grant.aggregatedFrom = rule->aggregatedFrom;
            if (!access.grants.contains(grant))
                access.grants.append(grant);
        }
    }
}

QList<SubjectAccess> RbacIndex::whoCan(const ResourceRequest &request) const
{
    QMap<QString, SubjectAccess> found;
    QList<QString> keys;
    for (const QString &ns : {QString(), request.ns}) {
        if (const auto it = m_bindingsByNamespace.constFind(ns); it != m_bindingsByNamespace.cend())
            keys.append(*it);
        if (request.ns.isEmpty())
            break;
    }
    std::ranges::sort(keys, bindingKeyLess);
    for (const QString &key : std::as_const(keys))
        collectWhoCan(key, request, found);
    return found.values();
}

QList<SubjectAccess> RbacIndex::whoCanInAnyNamespace(const ResourceRequest &request) const
{
    QMap<QString, SubjectAccess> found;
    QList<QString> keys = m_bindings.keys();
    std::ranges::sort(keys, bindingKeyLess);
    for (const QString &key : std::as_const(keys))
        collectWhoCan(key, request, found);
    return found.values();
}

QList<AccountRef> RbacIndex::serviceAccountsOf(const Subject &subject, const QList<AccountRef> &accounts)
{
    QList<AccountRef> result;
    const auto keep = [&](auto predicate) {
        for (const AccountRef &account : accounts) {
            if (predicate(account))
                result.append(account);
        }
    };
    if (subject.kind == "ServiceAccount"_L1) {
        keep([&](const AccountRef &account) { return account.ns == subject.ns && account.name == subject.name; });
    } else if (subject.kind == "User"_L1) {
        if (const auto named = Identity::serviceAccountOf(subject.name))
            keep(
                [&](const AccountRef &account) { return account.ns == named->first && account.name == named->second; });
    } else if (subject.kind == "Group"_L1) {
        if (subject.name == "system:serviceaccounts"_L1 || subject.name == "system:authenticated"_L1) {
            result = accounts;
        } else if (subject.name.startsWith("system:serviceaccounts:"_L1)) {
            const QString ns = subject.name.mid(QLatin1StringView("system:serviceaccounts:").size());
            keep([&](const AccountRef &account) { return account.ns == ns; });
        }
    }
    return result;
}

QList<std::pair<AccountRef, QList<Grant>>> RbacIndex::serviceAccountsWhoCan(const QList<SubjectAccess> &subjects,
                                                                            const QList<AccountRef> &accounts)
{
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < accounts.size(); ++i)
        position.insert(accounts[i].ns + u'/' + accounts[i].name, i);
    QList<QList<Grant>> grants(accounts.size());
    for (const SubjectAccess &access : subjects) {
        for (const AccountRef &account : serviceAccountsOf(access.subject, accounts))
            grants[position.value(account.ns + u'/' + account.name)].append(access.grants);
    }
    QList<std::pair<AccountRef, QList<Grant>>> result;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (!grants[i].isEmpty())
            result.append({accounts[i], grants[i]});
    }
    return result;
}

} // namespace sa::rbac
