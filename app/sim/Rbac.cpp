#include "Rbac.h"

#include "JsonText.h"
#include "Seeds.h"
#include "Status.h"
#include "Validation.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

struct RbacTypes
{
    const ResourceType &roles;
    const ResourceType &clusterRoles;
    const ResourceType &roleBindings;
    const ResourceType &clusterRoleBindings;
};

const RbacTypes &rbacTypes()
{
    static const RbacTypes types = [] {
        const auto type = [](const QString &plural) -> const ResourceType & {
            return *findResource(u"rbac.authorization.k8s.io"_s, u"v1"_s, plural);
        };
        return RbacTypes {type(u"roles"_s), type(u"clusterroles"_s), type(u"rolebindings"_s),
                          type(u"clusterrolebindings"_s)};
    }();
    return types;
}

QJsonArray list(const QJsonObject &rule, QLatin1StringView key)
{
    return rule.value(key).toArray();
}

// ---- rule matching, as k8s.io/kubernetes/pkg/apis/rbac/v1 evaluation_helpers.go ----

bool containsOrAll(const QJsonArray &values, const QString &requested)
{
    for (const QJsonValue &value : values) {
        const QString text = value.toString();
        if (text == "*"_L1 || text == requested)
            return true;
    }
    return false;
}

bool resourceMatches(const QJsonArray &resources, const QString &combinedResource, const QString &subresource)
{
    for (const QJsonValue &value : resources) {
        const QString resource = value.toString();
        if (resource == "*"_L1 || resource == combinedResource)
            return true;
        // "*/scale" names a subresource of every resource; there is no "pods/*" form.
        if (!subresource.isEmpty() && resource.size() == subresource.size() + 2 && resource.startsWith("*/"_L1)
            && resource.endsWith(subresource))
            return true;
    }
    return false;
}

bool resourceNameMatches(const QJsonArray &names, const QString &requested)
{
    return names.isEmpty() || names.contains(QJsonValue(requested));
}

bool nonResourceURLMatches(const QJsonArray &urls, const QString &path)
{
    for (const QJsonValue &value : urls) {
        const QString url = value.toString();
        if (url == "*"_L1 || url == path)
            return true;
        if (url.endsWith(u'*')) {
            qsizetype prefixLength = url.size();
            while (prefixLength > 0 && url.at(prefixLength - 1) == u'*')
                --prefixLength;
            if (path.startsWith(QStringView(url).left(prefixLength)))
                return true;
        }
    }
    return false;
}

bool ruleAllows(const RequestAttributes &attributes, const QJsonObject &rule)
{
    if (!containsOrAll(list(rule, "verbs"_L1), attributes.verb))
        return false;
    if (!attributes.resourceRequest)
        return nonResourceURLMatches(list(rule, "nonResourceURLs"_L1), attributes.path);
    const QString combinedResource = attributes.subresource.isEmpty()
        ? attributes.resource
        : QString(attributes.resource + u'/' + attributes.subresource);
    return containsOrAll(list(rule, "apiGroups"_L1), attributes.apiGroup)
        && resourceMatches(list(rule, "resources"_L1), combinedResource, attributes.subresource)
        && resourceNameMatches(list(rule, "resourceNames"_L1), attributes.name);
}

// ---- subjects, as pkg/registry/rbac/validation/rule.go appliesToUser ----

// The requesting user, with its service account identity split out once (serviceaccount.MatchesUsername).
class Requester
{
public:
    explicit Requester(const UserInfo &user)
        : m_user(user)
    {
        const QLatin1StringView prefix = "system:serviceaccount:"_L1;
        if (!user.name.startsWith(prefix))
            return;
        const QStringView rest = QStringView(user.name).mid(prefix.size());
        if (const qsizetype colon = rest.indexOf(u':'); colon >= 0) {
            m_saNamespace = rest.left(colon);
            m_saName = rest.mid(colon + 1);
            m_isServiceAccount = true;
        }
    }

    // bindingNamespace is empty for ClusterRoleBindings: their ServiceAccount subjects must name a namespace.
    [[nodiscard]] bool matches(const QJsonObject &subject, const QString &bindingNamespace) const
    {
        const QString kind = text(subject, "kind"_L1);
        const QString name = text(subject, "name"_L1);
        if (kind == "User"_L1)
            return m_user.name == name;
        if (kind == "Group"_L1)
            return m_user.groups.contains(name);
        if (kind != "ServiceAccount"_L1 || !m_isServiceAccount)
            return false;
        const QString ns = text(subject, "namespace"_L1);
        const QString saNamespace = ns.isEmpty() ? bindingNamespace : ns;
        return !saNamespace.isEmpty() && m_saNamespace == saNamespace && m_saName == name;
    }

private:
    const UserInfo &m_user;
    bool m_isServiceAccount = false;
    QStringView m_saNamespace;
    QStringView m_saName;
};

QString describeSubject(const QJsonObject &subject, const QString &bindingNamespace)
{
    const QString kind = text(subject, "kind"_L1);
    const QString name = text(subject, "name"_L1);
    if (kind != "ServiceAccount"_L1)
        return kind + u' ' + goQuote(name);
    const QString ns = text(subject, "namespace"_L1);
    return kind + u' ' + goQuote(name + u'/' + (ns.isEmpty() ? bindingNamespace : ns));
}

// The source of a rule in an authorization reason, e.g. `ClusterRoleBinding "system:basic-user" of ClusterRole
// "system:basic-user" to Group "system:authenticated"` (clusterRoleBindingDescriber / roleBindingDescriber).
QString describeSource(const QJsonObject &binding, const QJsonObject &subject)
{
    const QJsonObject metadata = metadataOf(binding);
    const QString name = text(metadata, "name"_L1);
    const QString ns = text(metadata, "namespace"_L1);
    const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
    const QString bindingText = ns.isEmpty() ? QString(u"ClusterRoleBinding "_s + goQuote(name))
                                             : QString(u"RoleBinding "_s + goQuote(name + u'/' + ns));
    return bindingText + u" of "_s + text(roleRef, "kind"_L1) + u' ' + goQuote(text(roleRef, "name"_L1)) + u" to "_s
        + describeSubject(subject, ns);
}

// utilerrors.NewAggregate(...).Error(): one message as is, several (deduplicated) as "[a, b]".
QString aggregateErrors(QStringList errors)
{
    errors.removeDuplicates();
    return errors.size() == 1 ? errors.first() : QString(u'[' + errors.join(u", "_s) + u']');
}

// metav1.LabelSelectorAsSelector: every matchLabels pair and matchExpressions requirement must hold, so an
// empty selector matches everything; an unknown operator makes the selector invalid, matching nothing.
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels)
{
    const QJsonObject matchLabels = selector.value("matchLabels"_L1).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    for (const QJsonValue &value : selector.value("matchExpressions"_L1).toArray()) {
        const QJsonObject expression = value.toObject();
        const QString op = text(expression, "operator"_L1);
        const QJsonValue label = labels.value(text(expression, "key"_L1));
        const bool inValues = label.isString() && list(expression, "values"_L1).contains(label);
        bool holds = false;
        if (op == "In"_L1)
            holds = inValues;
        else if (op == "NotIn"_L1)
            holds = !inValues;
        else if (op == "Exists"_L1)
            holds = !label.isUndefined();
        else if (op == "DoesNotExist"_L1)
            holds = label.isUndefined();
        if (!holds)
            return false;
    }
    return true;
}

// Resolves the rules that apply to a user from one snapshot of the RBAC objects, as DefaultRuleResolver does.
class RuleResolver
{
public:
    // Returns false to stop the visit.
    using Visitor =
        std::function<bool(const QJsonObject &binding, const QJsonObject &subject, const QJsonObject &rule)>;

    // The authorizer reads roles through informer listers, whose NotFound names the kind ("clusterrole..."); the
    // RBAC registry's own resolver reads the storage, whose NotFound names the resource ("clusterroles...").
    enum class Errors { Listers, Storage };

    explicit RuleResolver(const Store &store, Errors errors = Errors::Listers)
        : m_store(store)
        , m_clusterRoles(store.objects(rbacTypes().clusterRoles))
        , m_errors(errors)
    { }

    // ClusterRoleBindings first, then the RoleBindings of the namespace; role references that do not resolve
    // add their error to *errors and grant nothing.
    void visitRulesFor(const UserInfo &user, const QString &ns, const Visitor &visitor, QStringList *errors)
    {
        const Requester requester(user);
        const auto visitBinding = [&](const QJsonObject &binding, const QString &bindingNamespace) {
            const QJsonArray subjects = binding.value("subjects"_L1).toArray();
            for (const QJsonValue &value : subjects) {
                const QJsonObject subject = value.toObject();
                if (!requester.matches(subject, bindingNamespace))
                    continue;
                QString error;
                const auto rules = roleReferenceRules(binding.value("roleRef"_L1).toObject(), bindingNamespace, &error);
                if (!rules) {
                    errors->append(error);
                    return true;
                }
                for (const QJsonValue &rule : *rules) {
                    if (!visitor(binding, subject, rule.toObject()))
                        return false;
                }
                return true;
            }
            return true;
        };

        const Store::Objects clusterBindings = m_store.objects(rbacTypes().clusterRoleBindings);
        for (const QJsonObject &binding : clusterBindings) {
            if (!visitBinding(binding, {}))
                return;
        }
        if (ns.isEmpty())
            return;
        // Keys are "namespace/name", so the namespace's bindings are one contiguous range.
        const Store::Objects bindings = m_store.objects(rbacTypes().roleBindings);
        const QString prefix = ns + u'/';
        for (auto it = bindings.lowerBound(prefix); it != bindings.end() && it.key().startsWith(prefix); ++it) {
            if (!visitBinding(*it, ns))
                return;
        }
    }

    // The rules of a ClusterRole; for an aggregated one, what the clusterrole-aggregation controller writes:
    // the rules of the other ClusterRoles each selector matches, in name order, without repeats.
    QJsonArray clusterRoleRules(const QString &name, const QJsonObject &role)
    {
        const QJsonValue aggregationRule = role.value("aggregationRule"_L1);
        // A role already being resolved is an aggregation cycle: the controller would see its stored rules.
        if (!aggregationRule.isObject() || m_resolving.contains(name))
            return list(role, "rules"_L1);
        if (const auto cached = m_aggregated.constFind(name); cached != m_aggregated.cend())
            return *cached;
        m_resolving.insert(name);
        QJsonArray rules;
        for (const QJsonValue &selector : aggregationRule.toObject().value("clusterRoleSelectors"_L1).toArray()) {
            for (auto it = m_clusterRoles.cbegin(); it != m_clusterRoles.cend(); ++it) {
                if (it.key() == name
                    || !selectorMatches(selector.toObject(), metadataOf(*it).value("labels"_L1).toObject()))
                    continue;
                for (const QJsonValue &rule : clusterRoleRules(it.key(), *it)) {
                    if (!rules.contains(rule))
                        rules.append(rule);
                }
            }
        }
        m_resolving.remove(name);
        m_aggregated.insert(name, rules);
        return rules;
    }

    [[nodiscard]] const Store::Objects &clusterRoles() const { return m_clusterRoles; }

    // GetRoleReferenceRules: the rules of a binding's role; nullopt with *error when it does not resolve.
    std::optional<QJsonArray> roleReferenceRules(const QJsonObject &roleRef, const QString &bindingNamespace,
                                                 QString *error)
    {
        const QString kind = text(roleRef, "kind"_L1);
        const QString name = text(roleRef, "name"_L1);
        if (kind == "Role"_L1) {
            if (const auto role = m_store.get(rbacTypes().roles, bindingNamespace, name))
                return list(*role, "rules"_L1);
            *error = notFoundText(u"role"_s, name);
            return std::nullopt;
        }
        if (kind == "ClusterRole"_L1) {
            if (const auto role = m_clusterRoles.constFind(name); role != m_clusterRoles.cend())
                return clusterRoleRules(name, *role);
            *error = notFoundText(u"clusterrole"_s, name);
            return std::nullopt;
        }
        *error = u"unsupported role reference kind: "_s + goQuote(kind);
        return std::nullopt;
    }

private:
    QString notFoundText(const QString &kind, const QString &name) const
    {
        const QString resource = m_errors == Errors::Storage ? QString(kind + u's') : kind;
        return resource + u".rbac.authorization.k8s.io "_s + goQuote(name) + u" not found"_s;
    }

    const Store &m_store;
    const Store::Objects m_clusterRoles;
    const Errors m_errors;
    QHash<QString, QJsonArray> m_aggregated;
    QSet<QString> m_resolving;
};

// Copies a list into an authorizationv1 rule, leaving it out when empty as its omitempty JSON tag does.
void copyList(QJsonObject &to, const QJsonObject &rule, QLatin1StringView key)
{
    if (const QJsonArray values = list(rule, key); !values.isEmpty())
        to.insert(key, values);
}

// ---- escalation prevention, as pkg/registry/rbac/validation (Covers, CompactRules, ConfirmNoEscalation) ----

QStringList strings(const QJsonObject &rule, QLatin1StringView key)
{
    QStringList values;
    for (const QJsonValue &value : list(rule, key))
        values.append(value.toString());
    return values;
}

// One PolicyRule, its lists as strings.
struct PolicyRule
{
    QStringList apiGroups;
    QStringList resources;
    QStringList resourceNames;
    QStringList nonResourceURLs;
    QStringList verbs;

    static PolicyRule fromJson(const QJsonObject &rule)
    {
        return {strings(rule, "apiGroups"_L1), strings(rule, "resources"_L1), strings(rule, "resourceNames"_L1),
                strings(rule, "nonResourceURLs"_L1), strings(rule, "verbs"_L1)};
    }
};

bool hasAll(const QStringList &set, const QStringList &contains)
{
    return std::ranges::all_of(contains, [&set](const QString &value) { return set.contains(value); });
}

// BreakdownRule: one rule per group, resource, verb and resource name, then per URL and verb.
QList<PolicyRule> breakdownRule(const PolicyRule &rule)
{
    QList<PolicyRule> subrules;
    for (const QString &group : rule.apiGroups) {
        for (const QString &resource : rule.resources) {
            for (const QString &verb : rule.verbs) {
                if (rule.resourceNames.isEmpty()) {
                    subrules.append({{group}, {resource}, {}, {}, {verb}});
                    continue;
                }
                for (const QString &resourceName : rule.resourceNames)
                    subrules.append({{group}, {resource}, {resourceName}, {}, {verb}});
            }
        }
    }
    for (const QString &url : rule.nonResourceURLs) {
        for (const QString &verb : rule.verbs)
            subrules.append({{}, {}, {}, {url}, {verb}});
    }
    return subrules;
}

// resourceCoversAll: "*", the resource itself, or "*/subresource" for a subresource.
bool resourceCoversAll(const QStringList &set, const QStringList &covers)
{
    if (set.contains("*"_L1) || hasAll(set, covers))
        return true;
    return std::ranges::all_of(covers, [&set](const QString &path) {
        if (set.contains(path))
            return true;
        const qsizetype slash = path.indexOf(u'/');
        return slash >= 0 && set.contains(QString(u'*' + path.mid(slash)));
    });
}

bool nonResourceURLCovers(const QString &owner, const QString &path)
{
    if (owner == path)
        return true;
    if (!owner.endsWith(u'*'))
        return false;
    qsizetype prefixLength = owner.size();
    while (prefixLength > 0 && owner.at(prefixLength - 1) == u'*')
        --prefixLength;
    return path.startsWith(QStringView(owner).left(prefixLength));
}

// ruleCovers: whether an owner rule covers a broken-down rule.
bool ruleCovers(const PolicyRule &owner, const PolicyRule &subrule)
{
    const bool verbs = owner.verbs.contains("*"_L1) || hasAll(owner.verbs, subrule.verbs);
    const bool groups = owner.apiGroups.contains("*"_L1) || hasAll(owner.apiGroups, subrule.apiGroups);
    const bool resources = resourceCoversAll(owner.resources, subrule.resources);
    const bool urls = std::ranges::all_of(subrule.nonResourceURLs, [&owner](const QString &path) {
        return std::ranges::any_of(owner.nonResourceURLs,
                                   [&path](const QString &url) { return nonResourceURLCovers(url, path); });
    });
    const bool names = owner.resourceNames.isEmpty()
        || (!subrule.resourceNames.isEmpty() && hasAll(owner.resourceNames, subrule.resourceNames));
    return verbs && groups && resources && urls && names;
}

// CompactRules: rules of one group, one resource and at most one name that differ only in verbs become one.
QList<PolicyRule> compactRules(const QList<PolicyRule> &rules)
{
    QList<PolicyRule> compacted;
    QList<PolicyRule> simple;
    for (const PolicyRule &rule : rules) {
        const bool isSimple = rule.resourceNames.size() <= 1 && rule.nonResourceURLs.isEmpty()
            && rule.apiGroups.size() == 1 && rule.resources.size() == 1;
        if (!isSimple) {
            compacted.append(rule);
            continue;
        }
        const auto same = std::ranges::find_if(simple, [&rule](const PolicyRule &other) {
            return other.apiGroups == rule.apiGroups && other.resources == rule.resources
                && other.resourceNames == rule.resourceNames;
        });
        if (same == simple.end()) {
            simple.append(rule);
            continue;
        }
        for (const QString &verb : rule.verbs) {
            if (!same->verbs.contains(verb))
                same->verbs.append(verb);
        }
    }
    return compacted + simple;
}

// Go's %q of a []string: ["a" "b"].
QString goQuoteList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(goQuote(value));
    return u'[' + quoted.join(u' ') + u']';
}

// rbacv1helpers.CompactString.
QString compactString(const PolicyRule &rule)
{
    QStringList parts;
    const auto add = [&parts](QLatin1StringView name, const QStringList &values) {
        if (!values.isEmpty())
            parts.append(QString(name) + u':' + goQuoteList(values));
    };
    add("APIGroups"_L1, rule.apiGroups);
    add("Resources"_L1, rule.resources);
    add("NonResourceURLs"_L1, rule.nonResourceURLs);
    add("ResourceNames"_L1, rule.resourceNames);
    add("Verbs"_L1, rule.verbs);
    return u'{' + parts.join(u", "_s) + u'}';
}

// ConfirmNoEscalation: the reason the user may not grant `rules` in `ns` (empty: cluster-wide), or an empty
// string when the rules it holds there cover them.
QString escalationError(const Store &store, const UserInfo &user, const QString &ns, const QJsonArray &rules)
{
    QList<PolicyRule> ownerRules;
    QStringList errors;
    RuleResolver(store, RuleResolver::Errors::Storage)
        .visitRulesFor(
            user, ns,
            [&ownerRules](const QJsonObject &, const QJsonObject &, const QJsonObject &rule) {
                ownerRules.append(PolicyRule::fromJson(rule));
                return true;
            },
            &errors);
    QList<PolicyRule> missing;
    for (const QJsonValue &rule : rules) {
        for (const PolicyRule &subrule : breakdownRule(PolicyRule::fromJson(rule.toObject()))) {
            if (!std::ranges::any_of(ownerRules,
                                     [&subrule](const PolicyRule &owner) { return ruleCovers(owner, subrule); }))
                missing.append(subrule);
        }
    }
    if (missing.isEmpty())
        return {};
    // A sets.String: sorted, without repeats.
    QStringList descriptions;
    for (const PolicyRule &rule : compactRules(missing))
        descriptions.append(compactString(rule));
    std::sort(descriptions.begin(), descriptions.end());
    descriptions.erase(std::unique(descriptions.begin(), descriptions.end()), descriptions.end());
    QString message = u"user "_s + goQuote(user.name) + u" (groups="_s + goQuoteList(user.groups)
        + u") is attempting to grant RBAC permissions not currently held:\n"_s + descriptions.join(u'\n');
    // The resolver's errors are one aggregate, printed as a one-element []error.
    if (!errors.isEmpty())
        message += u"; resolution errors: ["_s + aggregateErrors(errors) + u']';
    return message;
}

bool isAllowed(const Store &store, const UserInfo &user, const QString &verb, const QString &apiGroup,
               const QString &resource, const QString &name, const QString &ns)
{
    RequestAttributes attributes;
    attributes.verb = verb;
    attributes.apiGroup = apiGroup;
    attributes.resource = resource;
    attributes.name = name;
    attributes.ns = ns;
    return Authorizer(store).authorize(user, attributes).allowed;
}

// rbacregistry.IsOnlyMutatingGCFields: an update that changes only owner references and finalizers (what the
// garbage collector needs to delete the object) is not checked.
bool isOnlyMutatingGCFields(const QJsonObject &object, const QJsonObject &old)
{
    QJsonObject copy = object;
    QJsonObject metadata = metadataOf(copy);
    const QJsonObject oldMetadata = metadataOf(old);
    for (const auto key : {"ownerReferences"_L1, "finalizers"_L1, "selfLink"_L1, "managedFields"_L1}) {
        if (oldMetadata.contains(key))
            metadata.insert(key, oldMetadata.value(key));
        else
            metadata.remove(key);
    }
    copy.insert("metadata"_L1, metadata);
    return copy == old;
}

} // namespace

Authorizer::Authorizer(const Store &store)
    : m_store(store)
{ }

Decision Authorizer::authorize(const UserInfo &user, const RequestAttributes &attributes) const
{
    // The apiserver allows system:masters in an authorizer of its own, ahead of RBAC and without a reason.
    if (user.groups.contains("system:masters"_L1))
        return {true, {}};

    Decision decision;
    QStringList errors;
    RuleResolver(m_store).visitRulesFor(
        user, attributes.ns,
        [&](const QJsonObject &binding, const QJsonObject &subject, const QJsonObject &rule) {
            if (!ruleAllows(attributes, rule))
                return true;
            decision = {true, QString(u"RBAC: allowed by "_s + describeSource(binding, subject))};
            return false;
        },
        &errors);
    if (!decision.allowed && !errors.isEmpty())
        decision.reason = u"RBAC: "_s + aggregateErrors(errors);
    return decision;
}

Authorizer::Rules Authorizer::rulesFor(const UserInfo &user, const QString &ns) const
{
    Rules rules;
    QStringList errors;
    // A rule with both resources and URLs (invalid, but storable) shows up in both lists, as in the real server.
    RuleResolver(m_store).visitRulesFor(
        user, ns,
        [&rules](const QJsonObject &, const QJsonObject &, const QJsonObject &rule) {
            const QJsonObject verbs {{"verbs"_L1, list(rule, "verbs"_L1)}};
            if (!list(rule, "resources"_L1).isEmpty()) {
                QJsonObject resourceRule = verbs;
                for (const auto key : {"apiGroups"_L1, "resources"_L1, "resourceNames"_L1})
                    copyList(resourceRule, rule, key);
                rules.resourceRules.append(resourceRule);
            }
            if (!list(rule, "nonResourceURLs"_L1).isEmpty()) {
                QJsonObject nonResourceRule = verbs;
                copyList(nonResourceRule, rule, "nonResourceURLs"_L1);
                rules.nonResourceRules.append(nonResourceRule);
            }
            return true;
        },
        &errors);
    if (!errors.isEmpty())
        rules.evaluationError = aggregateErrors(errors);
    return rules;
}

QString Authorizer::deniedMessage(const UserInfo &user, const RequestAttributes &attributes, const QString &reason)
{
    QString message = u"User "_s + goQuote(user.name) + u" cannot "_s + attributes.verb;
    if (!attributes.resourceRequest) {
        message += u" path "_s + goQuote(attributes.path);
    } else {
        const QString resource = attributes.subresource.isEmpty()
            ? attributes.resource
            : QString(attributes.resource + u'/' + attributes.subresource);
        message += u" resource "_s + goQuote(resource) + u" in API group "_s + goQuote(attributes.apiGroup);
        message += attributes.ns.isEmpty() ? u" at the cluster scope"_s
                                           : QString(u" in the namespace "_s + goQuote(attributes.ns));
    }
    // responsewriters.Forbidden escapes what could pass for HTML in the message, but not in the reason.
    message.replace(u'&', "&amp;"_L1).replace(u'<', "&lt;"_L1).replace(u'>', "&gt;"_L1);
    return reason.isEmpty() ? message : QString(message + u": "_s + reason);
}

std::optional<ApiFailure> checkEscalation(const WriteRequest &request, const QJsonObject &object,
                                          const QJsonObject *old, const Store &store)
{
    const UserInfo &user = request.user;
    // EscalationAllowed: system:masters, which the apiserver's own loopback client belongs to.
    if (user.groups.contains("system:masters"_L1))
        return std::nullopt;
    if (old && isOnlyMutatingGCFields(object, *old))
        return std::nullopt;
    const ResourceType &type = request.type;
    const auto forbidden = [&](const QString &why) {
        return status::forbidden(type.group, type.plural, request.objectName, why);
    };
    const bool isRole = type.kind == "Role"_L1 || type.kind == "ClusterRole"_L1;
    if (isRole) {
        // RoleEscalationAuthorized: `escalate` on the resource the request names, in its namespace.
        if (isAllowed(store, user, u"escalate"_s, type.group, type.plural, request.name, request.ns))
            return std::nullopt;
        if (const QString error = escalationError(store, user, request.ns, list(object, "rules"_L1)); !error.isEmpty())
            return forbidden(error);
        // An aggregation rule can gather anything: setting, changing or removing one takes * on *.
        const auto aggregates = [](const QJsonObject &role) {
            return !role.value("aggregationRule"_L1).toObject().value("clusterRoleSelectors"_L1).toArray().isEmpty();
        };
        if (type.kind == "ClusterRole"_L1 && (aggregates(object) || (old && aggregates(*old)))) {
            const QJsonArray fullAuthority {
                QJsonObject {{"verbs"_L1, QJsonArray {u"*"_s}},
                             {"apiGroups"_L1, QJsonArray {u"*"_s}},
                             {"resources"_L1, QJsonArray {u"*"_s}}},
                QJsonObject {{"verbs"_L1, QJsonArray {u"*"_s}}, {"nonResourceURLs"_L1, QJsonArray {u"*"_s}}}};
            if (!escalationError(store, user, request.ns, fullAuthority).isEmpty())
                return forbidden(u"must have cluster-admin privileges to use the aggregationRule"_s);
        }
        return std::nullopt;
    }
    // BindingAuthorized: `bind` on the referenced role, in the binding's namespace (none for a
    // ClusterRoleBinding).
    const QJsonObject roleRef = object.value("roleRef"_L1).toObject();
    const QString refKind = text(roleRef, "kind"_L1);
    const QString refName = text(roleRef, "name"_L1);
    const QString refResource = refKind == "ClusterRole"_L1 ? u"clusterroles"_s
        : refKind == "Role"_L1                              ? u"roles"_s
                                                            : QString();
    if (!refResource.isEmpty()
        && isAllowed(store, user, u"bind"_s, text(roleRef, "apiGroup"_L1), refResource, refName, request.ns))
        return std::nullopt;
    // Otherwise the requester must hold every rule of the role, which must therefore exist: the storage's
    // NotFound (or the resolver's error) is the answer as it is.
    QString error;
    const auto rules =
        RuleResolver(store, RuleResolver::Errors::Storage).roleReferenceRules(roleRef, request.ns, &error);
    if (!rules) {
        if (!refResource.isEmpty())
            return status::notFound(type.group, refResource, refName);
        // Not a StatusError: answered as a 500 with the error's text and no reason (StatusReasonUnknown).
        ApiFailure failure = status::make(500, {}, error);
        failure.status.remove("reason"_L1);
        return failure;
    }
    if (const QString escalation = escalationError(store, user, request.ns, *rules); !escalation.isEmpty())
        return forbidden(escalation);
    return std::nullopt;
}

bool loadBootstrapPolicy(Registry &registry, QString *error)
{
    // Roles before the bindings that refer to them, as the RBAC post-start hook creates them.
    for (const auto file : {"cluster-roles.yaml"_L1, "cluster-role-bindings.yaml"_L1, "namespace-roles.yaml"_L1,
                            "namespace-role-bindings.yaml"_L1}) {
        if (!loadManifestFile(registry, u":/kubesim/resources/rbac/"_s + file, error))
            return false;
    }
    aggregateClusterRoles(registry);
    return true;
}

void aggregateClusterRoles(Registry &registry)
{
    RuleResolver resolver(registry.store());
    for (auto it = resolver.clusterRoles().cbegin(); it != resolver.clusterRoles().cend(); ++it) {
        if (!it->value("aggregationRule"_L1).isObject())
            continue;
        const QJsonArray rules = resolver.clusterRoleRules(it.key(), *it);
        if (rules == list(*it, "rules"_L1))
            continue;
        QJsonObject role = *it;
        role.insert("rules"_L1, rules);
        const WriteResult result = registry.update(rbacTypes().clusterRoles, {}, it.key(), role);
        if (!result.ok())
            qWarning("kube-sim: aggregated ClusterRole %s not updated: %s", qPrintable(it.key()),
                     qPrintable(result.failure->status.value("message"_L1).toString()));
    }
}

} // namespace kubesim
