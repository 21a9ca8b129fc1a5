#pragma once

#include "Registry.h"
#include "Store.h"

#include <QJsonArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kubesim {

// An authenticated user, as authenticators produce it (k8s.io/apiserver/pkg/authentication/user.Info).
struct UserInfo
{
    QString name;
    QString uid;
    QStringList groups;
    QMap<QString, QStringList> extra;
};

// What a request asks to do, as the apiserver's RequestInfo resolver describes it.
struct RequestAttributes
{
    bool resourceRequest = true;
    QString verb; // resource verbs: get list watch create update patch delete deletecollection (and
                  // impersonate, bind, escalate, use...); non-resource: get post put patch delete head
    QString apiGroup; // "" for core
    QString apiVersion; // e.g. "v1"
    QString resource; // plural, e.g. "secrets"
    QString subresource; // e.g. "token", "status"
    QString name;
    QString ns; // empty for cluster-scoped requests and for all-namespaces lists
    QString path; // non-resource requests: the URL path
};

struct Decision
{
    bool allowed = false;
    QString reason; // for SubjectAccessReview status.reason; RBAC denials have an empty reason
};

// RBAC authorization over the live Roles, ClusterRoles, RoleBindings and ClusterRoleBindings in the
// store, as plugin/pkg/auth/authorizer/rbac does it; members of system:masters may do anything.
class Authorizer
{
public:
    explicit Authorizer(const Store &store);

    [[nodiscard]] Decision authorize(const UserInfo &user, const RequestAttributes &attributes) const;

    // The rules that apply to the user in a namespace, for SelfSubjectRulesReview: arrays of
    // authorizationv1 ResourceRule / NonResourceRule JSON objects.
    struct Rules
    {
        QJsonArray resourceRules;
        QJsonArray nonResourceRules;
        bool incomplete = false;
        QString evaluationError;
    };
    [[nodiscard]] Rules rulesFor(const UserInfo &user, const QString &ns) const;

    // The 403 message of the apiserver for a denied request, e.g.
    // `User "system:serviceaccount:team-a:default" cannot list resource "secrets" in API group "" in the
    // namespace "team-a"` (the part after "<resource> is forbidden: ").
    [[nodiscard]] static QString deniedMessage(const UserInfo &user, const RequestAttributes &attributes,
                                               const QString &reason);

private:
    const Store &m_store;
};

// Escalation prevention of the RBAC storage (pkg/registry/rbac/*/policybased): a Role or ClusterRole write is
// allowed to members of system:masters, to users with `escalate` on the resource, and to users who already hold
// every rule it grants (in its namespace, cluster-wide for ClusterRoles; an aggregationRule needs * on *); a
// RoleBinding or ClusterRoleBinding write to users with `bind` on the referenced role and to users who hold
// every rule of that role. Otherwise the 403 of ConfirmNoEscalation, or the 404 of a missing role.
[[nodiscard]] std::optional<ApiFailure> checkEscalation(const WriteRequest &request, const QJsonObject &object,
                                                        const QJsonObject *old, const Store &store);

// Creates the bootstrap ClusterRoles, ClusterRoleBindings, Roles and RoleBindings of a v1.32 cluster
// (kube-sim's copy of the bootstrap policy), as the apiserver's RBAC post-start hook does.
bool loadBootstrapPolicy(Registry &registry, QString *error);

// Writes into each ClusterRole with an aggregationRule the rules of the ClusterRoles its selectors match, as
// the clusterrole-aggregation controller does, so that reads show them. The Authorizer does not need it: it
// evaluates aggregation itself.
void aggregateClusterRoles(Registry &registry);

} // namespace kubesim
