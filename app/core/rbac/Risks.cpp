#include "rbac/Risks.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa::rbac {

namespace {

struct Target
{
    QString apiGroup;
    QString resource; // may be "resource/subresource"
};

// Whether the rule lets any of the verbs on any of the targets, for some object (a rule restricted to names
// counts: it holds the permission on those objects).
bool holds(const PolicyRule &rule, const QStringList &verbs, const QList<Target> &targets)
{
    if (!rule.isResourceRule())
        return false;
    const QString name = rule.resourceNames.isEmpty() ? QString() : rule.resourceNames.first();
    for (const Target &target : targets) {
        const qsizetype slash = target.resource.indexOf(u'/');
        const QString resource = slash < 0 ? target.resource : target.resource.left(slash);
        const QString subresource = slash < 0 ? QString() : target.resource.mid(slash + 1);
        for (const QString &verb : verbs) {
            if (rule.allowsResource(verb, target.apiGroup, resource, subresource, name))
                return true;
        }
    }
    return false;
}

Severity lower(Severity severity)
{
    return severity <= Severity::Medium ? Severity::Medium : Severity(int(severity) - 1);
}

const QList<Target> &workloads()
{
    static const QList<Target> targets {
        {u""_s, u"pods"_s},
        {u""_s, u"replicationcontrollers"_s},
        {u"apps"_s, u"deployments"_s},
        {u"apps"_s, u"statefulsets"_s},
        {u"apps"_s, u"daemonsets"_s},
        {u"apps"_s, u"replicasets"_s},
        {u"batch"_s, u"jobs"_s},
        {u"batch"_s, u"cronjobs"_s},
    };
    return targets;
}

} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QCoreApplication::translate("sa::Risks", "Critical");
    case Severity::High:
        return QCoreApplication::translate("sa::Risks", "High");
    case Severity::Medium:
        return QCoreApplication::translate("sa::Risks", "Medium");
    case Severity::None:
        break;
    }
    return {};
}

QList<Risk> risksOfRule(const PolicyRule &rule, const QString &scope)
{
    QList<Risk> risks;
    const bool clusterWide = scope.isEmpty();
    const bool named = !rule.resourceNames.isEmpty();
    const auto add = [&](const QString &id, Severity severity, const char *title, const char *why) {
        risks.append({id, named ? lower(severity) : severity, QCoreApplication::translate("sa::Risks", title),
                      QCoreApplication::translate("sa::Risks", why)});
    };

    if (rule.isResourceRule() && rule.verbs.contains("*"_L1) && rule.resources.contains("*"_L1)
        && rule.apiGroups.contains("*"_L1))
        add(u"wildcard"_s, clusterWide ? Severity::Critical : Severity::High,
            QT_TRANSLATE_NOOP("sa::Risks", "Every verb on every resource"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Wildcards grant every action on every kind of object, including kinds added to the cluster later."));
    if (holds(rule, {u"get"_s, u"list"_s, u"watch"_s}, {{u""_s, u"secrets"_s}}))
        add(u"read-secrets"_s, clusterWide ? Severity::Critical : Severity::High,
            QT_TRANSLATE_NOOP("sa::Risks", "Read secrets"),
            clusterWide ? QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Reading secrets in every namespace reveals the tokens of every service account, including "
                "the most privileged ones; list and watch return the values too.")
                        : QT_TRANSLATE_NOOP(
                            "sa::Risks",
                            "Reading secrets reveals the tokens and credentials of the namespace, including those of "
                            "more privileged accounts; list and watch return the values too."));
    if (holds(rule, {u"create"_s}, workloads()))
        add(u"create-workloads"_s, clusterWide ? Severity::Critical : Severity::High,
            QT_TRANSLATE_NOOP("sa::Risks", "Create pods or workloads"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Whoever creates a pod, directly or through a workload, can run it as any service account of the "
                "namespace and mount its secrets, config maps and volumes."));
    if (holds(rule, {u"create"_s, u"get"_s}, {{u""_s, u"pods/exec"_s}, {u""_s, u"pods/attach"_s}}))
        add(u"pods-exec"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Exec into pods"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Running commands in or attaching to a pod gives its service account, its secrets and its files."));
    if (holds(rule, {u"update"_s, u"patch"_s}, {{u""_s, u"pods/ephemeralcontainers"_s}}))
        add(u"pods-ephemeral"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Add ephemeral containers"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Adding an ephemeral container to a running pod runs new code with its service account and volumes."));
    // A RoleBinding grants nothing on cluster-scoped resources (nodes, certificate requests, webhook configurations,
    // persistent volumes, users and groups): those risks need the rule cluster-wide.
    if (clusterWide
        && holds(rule, {u"get"_s, u"create"_s, u"update"_s, u"patch"_s, u"delete"_s}, {{u""_s, u"nodes/proxy"_s}}))
        add(u"nodes-proxy"_s, Severity::Critical, QT_TRANSLATE_NOOP("sa::Risks", "Proxy to kubelets"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "The kubelet API behind nodes/proxy runs commands in any pod of the node, bypassing audit and "
                "admission."));
    if (holds(rule, {u"escalate"_s},
              {{u"rbac.authorization.k8s.io"_s, u"roles"_s}, {u"rbac.authorization.k8s.io"_s, u"clusterroles"_s}}))
        add(u"escalate"_s, Severity::Critical, QT_TRANSLATE_NOOP("sa::Risks", "Escalate roles"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "The escalate verb lets a role be given permissions its editor does not hold, up to cluster-admin."));
    if (holds(rule, {u"bind"_s},
              {{u"rbac.authorization.k8s.io"_s, u"roles"_s}, {u"rbac.authorization.k8s.io"_s, u"clusterroles"_s}}))
        add(u"bind"_s, Severity::Critical, QT_TRANSLATE_NOOP("sa::Risks", "Bind roles"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "The bind verb lets a binding grant a role its creator does not hold, such as cluster-admin."));
    if (holds(rule, {u"impersonate"_s},
              clusterWide ? QList<Target> {{u""_s, u"users"_s},
                                           {u""_s, u"groups"_s},
                                           {u""_s, u"serviceaccounts"_s},
                                           {u"authentication.k8s.io"_s, u"userextras"_s},
                                           {u"authentication.k8s.io"_s, u"uids"_s}}
                          : QList<Target> {{u""_s, u"serviceaccounts"_s}}))
        add(u"impersonate"_s, Severity::Critical, QT_TRANSLATE_NOOP("sa::Risks", "Impersonate"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Impersonating users, groups or service accounts acts with their permissions, system:masters "
                "included."));
    if (holds(rule, {u"create"_s}, {{u""_s, u"serviceaccounts/token"_s}}))
        add(u"create-tokens"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Issue service account tokens"),
            QT_TRANSLATE_NOOP("sa::Risks",
                              "Requesting tokens for service accounts lets one act as any account of the namespace."));
    if (holds(rule, {u"create"_s}, {{u""_s, u"secrets"_s}}))
        add(u"create-secrets"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Create secrets"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "A new service-account-token secret is filled with a long-lived token of any account of the "
                "namespace."));
    if (clusterWide && holds(rule, {u"create"_s}, {{u"certificates.k8s.io"_s, u"certificatesigningrequests"_s}}))
        add(u"csr-create"_s, Severity::Medium, QT_TRANSLATE_NOOP("sa::Risks", "Request certificates"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Certificate signing requests, once approved, give client certificates for any user or group "
                "named in them."));
    if (clusterWide
        && holds(rule, {u"update"_s, u"patch"_s},
                 {{u"certificates.k8s.io"_s, u"certificatesigningrequests/approval"_s}}))
        add(u"csr-approve"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Approve certificates"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Approving certificate signing requests issues credentials for any identity, system:masters "
                "included."));
    const QStringList writes {u"create"_s, u"update"_s, u"patch"_s, u"delete"_s};
    if (clusterWide && holds(rule, writes, {{u"admissionregistration.k8s.io"_s, u"mutatingwebhookconfigurations"_s}}))
        add(u"mutating-webhooks"_s, Severity::Critical, QT_TRANSLATE_NOOP("sa::Risks", "Mutating admission webhooks"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "A mutating webhook sees and can change every object admitted, secrets and pods included."));
    if (clusterWide && holds(rule, writes, {{u"admissionregistration.k8s.io"_s, u"validatingwebhookconfigurations"_s}}))
        add(u"validating-webhooks"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Validating admission webhooks"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "A validating webhook sees every object admitted, secrets included, and can disable policy checks."));
    if (clusterWide && holds(rule, {u"create"_s}, {{u""_s, u"persistentvolumes"_s}}))
        add(u"create-persistentvolumes"_s, Severity::High, QT_TRANSLATE_NOOP("sa::Risks", "Create persistent volumes"),
            QT_TRANSLATE_NOOP("sa::Risks",
                              "A hostPath persistent volume gives pods that claim it the node's file system."));
    if (holds(rule, {u"patch"_s, u"update"_s}, {{u""_s, u"namespaces"_s}}))
        add(u"patch-namespaces"_s, Severity::Medium, QT_TRANSLATE_NOOP("sa::Risks", "Change namespaces"),
            QT_TRANSLATE_NOOP(
                "sa::Risks",
                "Namespace labels decide Pod Security enforcement and network policies: changing them can switch "
                "those off."));
    return risks;
}

QList<Risk> risksOf(const Grant &grant)
{
    if (grant.roleMissing)
        return {};
    QList<Risk> risks = risksOfRule(grant.rule, grant.scope);
    if (grant.roleKind == "ClusterRole"_L1 && grant.roleName == "cluster-admin"_L1) {
        risks.prepend({u"cluster-admin"_s, grant.scope.isEmpty() ? Severity::Critical : Severity::High,
                       u"cluster-admin"_s,
                       grant.scope.isEmpty() ? QCoreApplication::translate(
                           "sa::Risks", "cluster-admin bound cluster-wide is full control of the cluster.")
                                             : QCoreApplication::translate("sa::Risks",
                                                                           "cluster-admin bound in a namespace is full "
                                                                           "control of it, its secrets and its roles "
                                                                           "included.")});
    }
    return risks;
}

QList<Risk> risksOf(const Identity &identity, const QList<Grant> &grants)
{
    QList<Risk> all;
    if (identity.groups.contains("system:masters"_L1))
        all.append({u"system-masters"_s, Severity::Critical, u"system:masters"_s,
                    QCoreApplication::translate("sa::Risks",
                                                "Members of system:masters bypass RBAC entirely; no "
                                                "binding can take that away.")});
    bool csrCreate = false;
    bool csrApprove = false;
    for (const Grant &grant : grants) {
        for (const Risk &risk : risksOf(grant)) {
            csrCreate = csrCreate || risk.id == "csr-create"_L1;
            csrApprove = csrApprove || risk.id == "csr-approve"_L1;
            const auto same = std::ranges::find(all, risk.id, &Risk::id);
            if (same == all.end())
                all.append(risk);
            else if (same->severity < risk.severity)
                *same = risk;
        }
    }
    if (csrCreate && csrApprove)
        all.append({u"csr-create-approve"_s, Severity::Critical,
                    QCoreApplication::translate("sa::Risks", "Issue certificates"),
                    QCoreApplication::translate("sa::Risks",
                                                "Creating and approving certificate signing requests "
                                                "mints client certificates for any identity, "
                                                "system:masters included.")});
    std::ranges::stable_sort(all, [](const Risk &a, const Risk &b) { return a.severity > b.severity; });
    return all;
}

Severity highestSeverity(const QList<Risk> &risks)
{
    Severity highest = Severity::None;
    for (const Risk &risk : risks)
        highest = std::max(highest, risk.severity);
    return highest;
}

Severity SeverityCache::severityOf(const RbacIndex &index, const Identity &identity) const
{
    Severity highest = identity.groups.contains("system:masters"_L1) ? Severity::Critical : Severity::None;
    bool csrCreate = false;
    bool csrApprove = false;
    for (const QString &key : index.bindingsOf(identity)) {
        auto it = m_bindings.constFind(key);
        if (it == m_bindings.cend()) {
            BindingRisk risk;
            for (const Grant &grant : index.grantsOfBinding(key)) {
                for (const Risk &one : risksOf(grant)) {
                    risk.severity = std::max(risk.severity, one.severity);
                    risk.csrCreate = risk.csrCreate || one.id == "csr-create"_L1;
                    risk.csrApprove = risk.csrApprove || one.id == "csr-approve"_L1;
                }
            }
            it = m_bindings.insert(key, risk);
        }
        highest = std::max(highest, it->severity);
        csrCreate = csrCreate || it->csrCreate;
        csrApprove = csrApprove || it->csrApprove;
    }
    // The combination risksOf(identity, grants) adds: no single binding holds it.
    return csrCreate && csrApprove ? Severity::Critical : highest;
}

} // namespace sa::rbac
