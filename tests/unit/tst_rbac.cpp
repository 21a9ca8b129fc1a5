// The client-side RBAC resolver (app/core/rbac): the rbac/v1 matching rules, subjects and scopes as the apiserver's
// RBAC authorizer applies them, aggregation, the chains behind every answer, incremental updates, and the risk
// catalogue; on hand-made objects and on the real bootstrap policy (tests/data/fixtures/kubernetes/rbac).

#include "Manifests.h"
#include "rbac/AddedGrants.h"
#include "rbac/Rbac.h"
#include "rbac/Risks.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sa::rbac;

namespace {

QJsonArray array(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QJsonObject rule(const QStringList &verbs, const QStringList &groups, const QStringList &resources,
                 const QStringList &names = {})
{
    QJsonObject object {
        {"verbs"_L1, array(verbs)}, {"apiGroups"_L1, array(groups)}, {"resources"_L1, array(resources)}};
    if (!names.isEmpty())
        object.insert("resourceNames"_L1, array(names));
    return object;
}

QJsonObject urlRule(const QStringList &verbs, const QStringList &urls)
{
    return {{"verbs"_L1, array(verbs)}, {"nonResourceURLs"_L1, array(urls)}};
}

QJsonObject meta(const QString &name, const QString &ns = {}, const QJsonObject &labels = {})
{
    QJsonObject metadata {{"name"_L1, name}};
    if (!ns.isEmpty())
        metadata.insert("namespace"_L1, ns);
    if (!labels.isEmpty())
        metadata.insert("labels"_L1, labels);
    return metadata;
}

QJsonObject role(const QString &name, const QString &ns, const QList<QJsonObject> &rules,
                 const QJsonObject &labels = {})
{
    QJsonArray list;
    for (const QJsonObject &r : rules)
        list.append(r);
    return {{"kind"_L1, ns.isEmpty() ? "ClusterRole"_L1 : "Role"_L1},
            {"metadata"_L1, meta(name, ns, labels)},
            {"rules"_L1, list}};
}

QJsonObject aggregatedRole(const QString &name, const QJsonObject &matchLabels, const QJsonObject &labels = {})
{
    return {{"kind"_L1, "ClusterRole"_L1},
            {"metadata"_L1, meta(name, {}, labels)},
            {"aggregationRule"_L1,
             QJsonObject {{"clusterRoleSelectors"_L1, QJsonArray {QJsonObject {{"matchLabels"_L1, matchLabels}}}}}}};
}

QJsonObject subject(const QString &kind, const QString &name, const QString &ns = {})
{
    QJsonObject object {{"kind"_L1, kind}, {"name"_L1, name}};
    if (!ns.isEmpty())
        object.insert("namespace"_L1, ns);
    return object;
}

QJsonObject binding(const QString &name, const QString &ns, const QString &roleKind, const QString &roleName,
                    const QList<QJsonObject> &subjects)
{
    QJsonArray list;
    for (const QJsonObject &s : subjects)
        list.append(s);
    return {
        {"metadata"_L1, meta(name, ns)},
        {"roleRef"_L1,
         QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, roleKind}, {"name"_L1, roleName}}},
        {"subjects"_L1, list}};
}

void loadBootstrap(RbacIndex &index)
{
    const QList<std::pair<QString, RbacIndex::Kind>> files {
        {u"cluster-roles.yaml"_s, RbacIndex::Kind::ClusterRole},
        {u"cluster-role-bindings.yaml"_s, RbacIndex::Kind::ClusterRoleBinding},
        {u"namespace-roles.yaml"_s, RbacIndex::Kind::Role},
        {u"namespace-role-bindings.yaml"_s, RbacIndex::Kind::RoleBinding},
    };
    for (const auto &[file, kind] : files) {
        QFile f(QStringLiteral(SA_FIXTURES_DIR) + u"/kubernetes/rbac/"_s + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const kubesim::ManifestResult parsed = kubesim::parseManifests(f.readAll());
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QVERIFY(!parsed.objects.isEmpty());
        for (const QJsonObject &object : parsed.objects)
            QVERIFY(index.apply(kind, object));
    }
}

bool can(const RbacIndex &index, const Identity &who, const QString &verb, const QString &group,
         const QString &resource, const QString &ns, const QString &name = {}, const QString &sub = {})
{
    return index.allows(who, verb, group, resource, sub, ns, name).allowed;
}

QStringList riskIds(const QList<Risk> &risks)
{
    QStringList ids;
    for (const Risk &risk : risks)
        ids.append(risk.id);
    return ids;
}

} // namespace

class TestRbac : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleMatching_data()
    {
        QTest::addColumn<QJsonObject>("rule");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("subresource");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");
        const QJsonObject pods = rule({u"get"_s}, {u""_s}, {u"pods"_s});
        QTest::newRow("exact") << pods << u"get"_s << u""_s << u"pods"_s << u""_s << u""_s << true;
        QTest::newRow("other verb") << pods << u"list"_s << u""_s << u"pods"_s << u""_s << u""_s << false;
        QTest::newRow("other group") << pods << u"get"_s << u"apps"_s << u"pods"_s << u""_s << u""_s << false;
        QTest::newRow("subresource not implied")
            << pods << u"get"_s << u""_s << u"pods"_s << u"log"_s << u""_s << false;
        QTest::newRow("with name") << pods << u"get"_s << u""_s << u"pods"_s << u""_s << u"p1"_s << true;
        const QJsonObject all = rule({u"*"_s}, {u"*"_s}, {u"*"_s});
        QTest::newRow("* on *") << all << u"escalate"_s << u"rbac.authorization.k8s.io"_s << u"roles"_s << u""_s
                                << u""_s << true;
        QTest::newRow("* covers subresources")
            << all << u"create"_s << u""_s << u"pods"_s << u"exec"_s << u""_s << true;
        const QJsonObject scale = rule({u"update"_s}, {u"*"_s}, {u"*/scale"_s});
        QTest::newRow("*/scale") << scale << u"update"_s << u"apps"_s << u"deployments"_s << u"scale"_s << u""_s
                                 << true;
        QTest::newRow("*/scale not the resource")
            << scale << u"update"_s << u"apps"_s << u"deployments"_s << u""_s << u""_s << false;
        QTest::newRow("*/scale not other subresource")
            << scale << u"update"_s << u"apps"_s << u"deployments"_s << u"status"_s << u""_s << false;
        const QJsonObject podsStar = rule({u"get"_s}, {u""_s}, {u"pods/*"_s});
        QTest::newRow("pods/* is no wildcard")
            << podsStar << u"get"_s << u""_s << u"pods"_s << u"log"_s << u""_s << false;
        const QJsonObject log = rule({u"get"_s}, {u""_s}, {u"pods/log"_s});
        QTest::newRow("resource/subresource") << log << u"get"_s << u""_s << u"pods"_s << u"log"_s << u""_s << true;
        QTest::newRow("resource/subresource not resource")
            << log << u"get"_s << u""_s << u"pods"_s << u""_s << u""_s << false;
        const QJsonObject named = rule({u"get"_s}, {u""_s}, {u"secrets"_s}, {u"a"_s});
        QTest::newRow("resourceNames match") << named << u"get"_s << u""_s << u"secrets"_s << u""_s << u"a"_s << true;
        QTest::newRow("resourceNames other") << named << u"get"_s << u""_s << u"secrets"_s << u""_s << u"b"_s << false;
        QTest::newRow("resourceNames no name (list)")
            << named << u"list"_s << u""_s << u"secrets"_s << u""_s << u""_s << false;
    }

    void ruleMatching()
    {
        QFETCH(QJsonObject, rule);
        QFETCH(QString, verb);
        QFETCH(QString, group);
        QFETCH(QString, resource);
        QFETCH(QString, subresource);
        QFETCH(QString, name);
        QFETCH(bool, allowed);
        const PolicyRule parsed = PolicyRule::fromJson(rule);
        QCOMPARE(parsed.allowsResource(verb, group, resource, subresource, name), allowed);
        QCOMPARE(PolicyRule::fromJson(parsed.toJson()), parsed);
    }

    void nonResourceUrls()
    {
        const PolicyRule prefix = PolicyRule::fromJson(urlRule({u"get"_s}, {u"/apis/*"_s, u"/healthz"_s}));
        QVERIFY(prefix.allowsNonResource(u"get"_s, u"/apis/apps"_s));
        QVERIFY(prefix.allowsNonResource(u"get"_s, u"/apis/"_s));
        QVERIFY(!prefix.allowsNonResource(u"get"_s, u"/apis"_s));
        QVERIFY(prefix.allowsNonResource(u"get"_s, u"/healthz"_s));
        QVERIFY(!prefix.allowsNonResource(u"get"_s, u"/healthz/ping"_s));
        QVERIFY(!prefix.allowsNonResource(u"post"_s, u"/healthz"_s));
        const PolicyRule doubleStar = PolicyRule::fromJson(urlRule({u"*"_s}, {u"/logs**"_s}));
        QVERIFY(doubleStar.allowsNonResource(u"post"_s, u"/logs/x"_s));
        QVERIFY(PolicyRule::fromJson(urlRule({u"get"_s}, {u"*"_s})).allowsNonResource(u"get"_s, u"/anything"_s));
        // A resource rule holds no URL.
        QVERIFY(!PolicyRule::fromJson(rule({u"*"_s}, {u"*"_s}, {u"*"_s})).allowsNonResource(u"get"_s, u"/x"_s));
    }

    void selectors()
    {
        LabelSelector selector = LabelSelector::fromJson(QJsonObject {
            {"matchLabels"_L1, QJsonObject {{"a"_L1, "1"_L1}}},
            {"matchExpressions"_L1,
             QJsonArray {QJsonObject {{"key"_L1, "b"_L1}, {"operator"_L1, "In"_L1}, {"values"_L1, array({u"x"_s})}},
                         QJsonObject {{"key"_L1, "c"_L1}, {"operator"_L1, "DoesNotExist"_L1}}}}});
        QVERIFY(selector.matches({{u"a"_s, u"1"_s}, {u"b"_s, u"x"_s}}));
        QVERIFY(!selector.matches({{u"a"_s, u"1"_s}, {u"b"_s, u"y"_s}}));
        QVERIFY(!selector.matches({{u"a"_s, u"1"_s}, {u"b"_s, u"x"_s}, {u"c"_s, u""_s}}));
        QVERIFY(LabelSelector().matches({}));
        LabelSelector unknown;
        unknown.matchExpressions.append({u"a"_s, u"Gt"_s, {}});
        QVERIFY(!unknown.matches({{u"a"_s, u"1"_s}}));
    }

    void identities()
    {
        const Identity sa = Identity::serviceAccount(u"ns1"_s, u"ci"_s);
        QCOMPARE(sa.user, u"system:serviceaccount:ns1:ci"_s);
        QCOMPARE(
            sa.groups,
            (QStringList {u"system:serviceaccounts"_s, u"system:serviceaccounts:ns1"_s, u"system:authenticated"_s}));
        QCOMPARE(Identity::serviceAccountOf(sa.user), (std::pair {u"ns1"_s, u"ci"_s}));
        QVERIFY(!Identity::serviceAccountOf(u"alice"_s));
    }

    void subjectsAndScopes()
    {
        RbacIndex index;
        index.apply(RbacIndex::Kind::ClusterRole, role(u"read-pods"_s, {}, {rule({u"get"_s}, {u""_s}, {u"pods"_s})}));
        index.apply(RbacIndex::Kind::Role, role(u"cm"_s, u"a"_s, {rule({u"list"_s}, {u""_s}, {u"configmaps"_s})}));
        // A RoleBinding to a ClusterRole: only in its namespace; its namespace-less SA subject means its namespace.
        index.apply(
            RbacIndex::Kind::RoleBinding,
            binding(u"rb"_s, u"a"_s, u"ClusterRole"_s, u"read-pods"_s, {subject(u"ServiceAccount"_s, u"ci"_s)}));
        index.apply(RbacIndex::Kind::RoleBinding,
                    binding(u"cm"_s, u"a"_s, u"Role"_s, u"cm"_s, {subject(u"Group"_s, u"system:serviceaccounts:a"_s)}));
        // A ClusterRoleBinding's SA subject without namespace matches nobody.
        index.apply(RbacIndex::Kind::ClusterRoleBinding,
                    binding(u"crb"_s, {}, u"ClusterRole"_s, u"read-pods"_s, {subject(u"ServiceAccount"_s, u"ci"_s)}));
        index.apply(RbacIndex::Kind::ClusterRoleBinding,
                    binding(u"alice"_s, {}, u"ClusterRole"_s, u"read-pods"_s, {subject(u"User"_s, u"alice"_s)}));
        index.apply(
            RbacIndex::Kind::RoleBinding,
            binding(u"missing"_s, u"a"_s, u"Role"_s, u"nope"_s, {subject(u"ServiceAccount"_s, u"ci"_s, u"a"_s)}));

        // A Role or RoleBinding without a namespace is refused rather than taken for a cluster one.
        QVERIFY(!index.apply(RbacIndex::Kind::Role, role(u"x"_s, {}, {rule({u"*"_s}, {u"*"_s}, {u"*"_s})})));
        QVERIFY(!index.apply(RbacIndex::Kind::RoleBinding, binding(u"x"_s, {}, u"ClusterRole"_s, u"read-pods"_s, {})));

        const Identity ci = Identity::serviceAccount(u"a"_s, u"ci"_s);
        QVERIFY(can(index, ci, u"get"_s, u""_s, u"pods"_s, u"a"_s));
        QVERIFY(!can(index, ci, u"get"_s, u""_s, u"pods"_s, u"b"_s));
        QVERIFY(!can(index, ci, u"get"_s, u""_s, u"pods"_s, {}));
        QVERIFY(can(index, ci, u"list"_s, u""_s, u"configmaps"_s, u"a"_s));
        QVERIFY(!can(index, Identity::serviceAccount(u"b"_s, u"ci"_s), u"get"_s, u""_s, u"pods"_s, u"a"_s));
        QVERIFY(can(index, Identity::serviceAccount(u"a"_s, u"other"_s), u"list"_s, u""_s, u"configmaps"_s, u"a"_s));
        QVERIFY(can(index, {u"alice"_s, {}}, u"get"_s, u""_s, u"pods"_s, {}));
        QVERIFY(can(index, {u"alice"_s, {}}, u"get"_s, u""_s, u"pods"_s, u"zzz"_s));
        QVERIFY(can(index, {u"bob"_s, {u"system:masters"_s}}, u"delete"_s, u""_s, u"nodes"_s, {}));
        QVERIFY(index.allows({u"bob"_s, {u"system:masters"_s}}, u"get"_s, u"/x"_s).superuser);

        const Decision decision = index.allows(ci, u"get"_s, u""_s, u"pods"_s, {}, u"a"_s);
        QCOMPARE(decision.grants.size(), 1);
        const Grant &grant = decision.grants.first();
        QCOMPARE(grant.bindingKind, u"RoleBinding"_s);
        QCOMPARE(grant.bindingName, u"rb"_s);
        QCOMPARE(grant.scope, u"a"_s);
        QCOMPARE(grant.subject.ns, u"a"_s);
        QVERIFY(grant.viaGroup.isEmpty());
        QCOMPARE(grant.chain(), u"RoleBinding a/rb → ClusterRole read-pods"_s);
        QCOMPARE(decision.missingRoles.size(), 1);
        QVERIFY(decision.missingRoles.first().roleMissing);

        const QList<Grant> all = index.effectivePermissions(ci);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].bindingName, u"cm"_s);
        QCOMPARE(all[0].viaGroup, u"system:serviceaccounts:a"_s);
        QCOMPARE(all[0].chain(), u"Group system:serviceaccounts:a → RoleBinding a/cm → Role cm"_s);
        QCOMPARE(all[1].bindingName, u"missing"_s);
        QVERIFY(all[1].roleMissing);
        QCOMPARE(all[2].bindingName, u"rb"_s);

        // Who can: subjects as named, then expanded to accounts.
        const QList<SubjectAccess> who = index.whoCan(u"list"_s, u""_s, u"configmaps"_s, {}, u"a"_s);
        QCOMPARE(who.size(), 1);
        QCOMPARE(who.first().subject.kind, u"Group"_s);
        const QList<AccountRef> accounts {{u"a"_s, u"ci"_s}, {u"a"_s, u"x"_s}, {u"b"_s, u"ci"_s}};
        const auto expanded = RbacIndex::serviceAccountsWhoCan(who, accounts);
        QCOMPARE(expanded.size(), 2);
        QCOMPARE(expanded[0].first, (AccountRef {u"a"_s, u"ci"_s}));
        QCOMPARE(expanded[1].first, (AccountRef {u"a"_s, u"x"_s}));
        const QList<SubjectAccess> pods = index.whoCan(u"get"_s, u""_s, u"pods"_s, {}, u"a"_s);
        QCOMPARE(pods.size(), 2); // User alice (cluster) and ServiceAccount a/ci (role binding)
        QCOMPARE(index.whoCan(u"get"_s, u""_s, u"pods"_s, {}, {}).size(), 1);
        QCOMPARE(index.whoCanInAnyNamespace({u"get"_s, u""_s, u"pods"_s, {}, {}, {}}).size(), 2);
        QCOMPARE(RbacIndex::serviceAccountsOf({u"Group"_s, u"system:authenticated"_s, {}}, accounts).size(), 3);
        QCOMPARE(RbacIndex::serviceAccountsOf({u"Group"_s, u"system:serviceaccounts:b"_s, {}}, accounts).size(), 1);
        QCOMPARE(RbacIndex::serviceAccountsOf({u"User"_s, u"system:serviceaccount:b:ci"_s, {}}, accounts).size(), 1);
        QCOMPARE(RbacIndex::serviceAccountsOf({u"Group"_s, u"devs"_s, {}}, accounts).size(), 0);

        // Incremental: the missing role appears, a binding goes.
        index.apply(RbacIndex::Kind::Role, role(u"nope"_s, u"a"_s, {rule({u"watch"_s}, {u""_s}, {u"secrets"_s})}));
        QVERIFY(can(index, ci, u"watch"_s, u""_s, u"secrets"_s, u"a"_s));
        index.apply(RbacIndex::Kind::RoleBinding, binding(u"rb"_s, u"a"_s, u"ClusterRole"_s, u"read-pods"_s, {}), true);
        QVERIFY(!can(index, ci, u"get"_s, u""_s, u"pods"_s, u"a"_s));
        index.apply(RbacIndex::Kind::Role, role(u"nope"_s, u"a"_s, {}), true);
        QVERIFY(!can(index, ci, u"watch"_s, u""_s, u"secrets"_s, u"a"_s));
        // A binding replaced with other subjects leaves the old ones.
        index.apply(RbacIndex::Kind::RoleBinding,
                    binding(u"cm"_s, u"a"_s, u"Role"_s, u"cm"_s, {subject(u"User"_s, u"carol"_s)}));
        QVERIFY(!can(index, ci, u"list"_s, u""_s, u"configmaps"_s, u"a"_s));
        QVERIFY(can(index, {u"carol"_s, {}}, u"list"_s, u""_s, u"configmaps"_s, u"a"_s));
        index.clear(RbacIndex::Kind::RoleBinding);
        QVERIFY(!can(index, {u"carol"_s, {}}, u"list"_s, u""_s, u"configmaps"_s, u"a"_s));
        QVERIFY(can(index, {u"alice"_s, {}}, u"get"_s, u""_s, u"pods"_s, {}));
    }

    void groupedByResource()
    {
        RbacIndex index;
        index.apply(RbacIndex::Kind::ClusterRole,
                    role(u"r"_s, {},
                         {rule({u"list"_s, u"get"_s}, {u""_s, u"apps"_s}, {u"pods"_s}),
                          rule({u"watch"_s, u"get"_s}, {u""_s}, {u"pods"_s}), urlRule({u"get"_s}, {u"/healthz"_s})}));
        index.apply(RbacIndex::Kind::ClusterRoleBinding,
                    binding(u"c"_s, {}, u"ClusterRole"_s, u"r"_s, {subject(u"User"_s, u"u"_s)}));
        index.apply(RbacIndex::Kind::RoleBinding,
                    binding(u"n"_s, u"a"_s, u"ClusterRole"_s, u"r"_s, {subject(u"User"_s, u"u"_s)}));
        index.apply(RbacIndex::Kind::RoleBinding,
                    binding(u"m"_s, u"a"_s, u"Role"_s, u"gone"_s, {subject(u"User"_s, u"u"_s)}));
        const QList<ResourcePermission> rows = groupByResource(index.effectivePermissions({u"u"_s, {}}));
        QCOMPARE(rows.size(), 6); // per scope: pods, pods.apps, /healthz
        QVERIFY(rows[0].scope.isEmpty());
        QCOMPARE(rows[0].apiGroup, u""_s);
        QCOMPARE(rows[0].resource, u"pods"_s);
        QCOMPARE(rows[0].verbs, (QStringList {u"get"_s, u"list"_s, u"watch"_s}));
        QCOMPARE(rows[0].grants.size(), 2);
        QCOMPARE(rows[1].apiGroup, u"apps"_s);
        QCOMPARE(rows[1].verbs, (QStringList {u"get"_s, u"list"_s}));
        QVERIFY(rows[2].nonResource);
        QCOMPARE(rows[2].resource, u"/healthz"_s);
        QCOMPARE(rows[3].scope, u"a"_s);
    }

    void lookups()
    {
        RbacIndex index;
        index.apply(RbacIndex::Kind::ClusterRole, role(u"view"_s, {}, {rule({u"get"_s}, {u""_s}, {u"pods"_s})}));
        index.apply(RbacIndex::Kind::ClusterRole, role(u"edit"_s, {}, {rule({u"*"_s}, {u""_s}, {u"pods"_s})}));
        index.apply(RbacIndex::Kind::Role, role(u"r2"_s, u"a"_s, {}));
        index.apply(RbacIndex::Kind::Role, role(u"r1"_s, u"a"_s, {}));
        index.apply(RbacIndex::Kind::Role, role(u"other"_s, u"b"_s, {}));
        QCOMPARE(index.roleNames({}), (QStringList {u"edit"_s, u"view"_s}));
        QCOMPARE(index.roleNames(u"a"_s), (QStringList {u"r1"_s, u"r2"_s}));
        QVERIFY(index.roleNames(u"c"_s).isEmpty());

        const QJsonObject sa = subject(u"ServiceAccount"_s, u"x"_s, u"a"_s);
        index.apply(RbacIndex::Kind::RoleBinding, binding(u"v2"_s, u"a"_s, u"ClusterRole"_s, u"view"_s, {sa}));
        index.apply(RbacIndex::Kind::RoleBinding, binding(u"v1"_s, u"a"_s, u"ClusterRole"_s, u"view"_s, {sa}));
        index.apply(RbacIndex::Kind::RoleBinding, binding(u"r"_s, u"a"_s, u"Role"_s, u"view"_s, {sa}));
        index.apply(RbacIndex::Kind::RoleBinding, binding(u"v3"_s, u"b"_s, u"ClusterRole"_s, u"view"_s, {sa}));
        index.apply(RbacIndex::Kind::ClusterRoleBinding, binding(u"v4"_s, {}, u"ClusterRole"_s, u"view"_s, {sa}));
        const auto names = [](const QList<sa::RoleBinding> &bindings) {
            QStringList list;
            for (const sa::RoleBinding &b : bindings)
                list.append(b.meta.name);
            return list;
        };
        QCOMPARE(names(index.bindingsOfRole(u"a"_s, u"ClusterRole"_s, u"view"_s)), (QStringList {u"v1"_s, u"v2"_s}));
        QCOMPARE(names(index.bindingsOfRole(u"a"_s, u"Role"_s, u"view"_s)), QStringList {u"r"_s});
        QCOMPARE(names(index.bindingsOfRole({}, u"ClusterRole"_s, u"view"_s)), QStringList {u"v4"_s});
        QVERIFY(index.bindingsOfRole(u"c"_s, u"ClusterRole"_s, u"view"_s).isEmpty());
        QVERIFY(index.binding(u"a"_s, u"v1"_s));
        QCOMPARE(index.binding(u"a"_s, u"r"_s)->roleKind, u"Role"_s);
        QVERIFY(!index.binding(u"b"_s, u"v1"_s));
        QVERIFY(index.binding({}, u"v4"_s));
        QVERIFY(!index.binding({}, u"v3"_s));
        index.removeBinding(u"a"_s, u"v1"_s);
        QCOMPARE(names(index.bindingsOfRole(u"a"_s, u"ClusterRole"_s, u"view"_s)), QStringList {u"v2"_s});
    }

    // What a grant would add: only what the identity does not hold in that scope, one verb and resource each.
    void addedByAGrant()
    {
        RbacIndex index;
        index.apply(RbacIndex::Kind::ClusterRole,
                    role(u"pods-read"_s, {}, {rule({u"get"_s, u"list"_s}, {u""_s}, {u"pods"_s})}));
        index.apply(RbacIndex::Kind::ClusterRole,
                    role(u"wide"_s, {},
                         {rule({u"get"_s, u"list"_s, u"delete"_s}, {u""_s, u"apps"_s}, {u"pods"_s, u"deployments"_s}),
                          rule({u"get"_s}, {u""_s}, {u"secrets"_s}, {u"s1"_s}), urlRule({u"get"_s}, {u"/healthz"_s})}));
        index.apply(
            RbacIndex::Kind::RoleBinding,
            binding(u"b"_s, u"a"_s, u"ClusterRole"_s, u"pods-read"_s, {subject(u"ServiceAccount"_s, u"x"_s, u"a"_s)}));
        const Identity who = Identity::serviceAccount(u"a"_s, u"x"_s);
        Grant through;
        through.bindingKind = u"RoleBinding"_s;
        through.bindingNamespace = u"a"_s;
        through.bindingName = u"new"_s;
        through.roleKind = u"ClusterRole"_s;
        through.roleName = u"wide"_s;
        const QList<PolicyRule> wide = *index.rulesOf(u"ClusterRole"_s, {}, u"wide"_s);
        const auto describe = [](const QList<Grant> &grants) {
            QStringList rows;
            for (const ResourcePermission &row : groupByResource(grants))
                rows.append(row.scope + u'|' + row.apiGroup + u'|' + row.resource + u'|' + row.resourceNames.join(u',')
                            + u'|' + row.verbs.join(u','));
            return rows;
        };
        // In its namespace: not get/list pods (held), and no non-resource URL (a RoleBinding grants none).
        const QList<Grant> inA = addedGrants(index, who, wide, u"a"_s, through);
        QStringList rows = describe(inA);
        rows.sort();
        QCOMPARE(rows,
                 (QStringList {u"a|apps|deployments||delete,get,list"_s, u"a|apps|pods||delete,get,list"_s,
                               u"a||deployments||delete,get,list"_s, u"a||pods||delete"_s, u"a||secrets|s1|get"_s}));
        QCOMPARE(inA.first().chain(), u"RoleBinding a/new → ClusterRole wide"_s);
        QCOMPARE(inA.first().scope, u"a"_s);
        // Cluster-wide: what the namespace binding gives does not count, the URL does.
        const QList<Grant> cluster = addedGrants(index, who, wide, {}, through);
        QVERIFY(describe(cluster).contains(u"||pods||delete,get,list"_s));
        QVERIFY2(describe(cluster).contains(u"||/healthz||get"_s), qPrintable(describe(cluster).join(u' ')));
        // A role it holds entirely adds nothing.
        QVERIFY(
            addedGrants(index, who, *index.rulesOf(u"ClusterRole"_s, {}, u"pods-read"_s), u"a"_s, through).isEmpty());
    }

    void firstMatchingSubjectDecides()
    {
        RbacIndex index;
        index.apply(RbacIndex::Kind::ClusterRole, role(u"r"_s, {}, {rule({u"get"_s}, {u""_s}, {u"pods"_s})}));
        index.apply(RbacIndex::Kind::RoleBinding,
                    binding(u"b"_s, u"a"_s, u"ClusterRole"_s, u"r"_s,
                            {subject(u"Group"_s, u"system:serviceaccounts"_s), subject(u"ServiceAccount"_s, u"ci"_s)}));
        const QList<Grant> grants = index.effectivePermissions(Identity::serviceAccount(u"a"_s, u"ci"_s));
        QCOMPARE(grants.size(), 1);
        QCOMPARE(grants.first().viaGroup, u"system:serviceaccounts"_s);
        // Who can lists both subjects.
        QCOMPARE(index.whoCan(u"get"_s, u""_s, u"pods"_s, {}, u"a"_s).size(), 2);
    }

    void aggregation()
    {
        RbacIndex index;
        const QJsonObject label {{"agg"_L1, "yes"_L1}};
        index.apply(RbacIndex::Kind::ClusterRole, aggregatedRole(u"top"_s, label));
        index.apply(RbacIndex::Kind::ClusterRole,
                    role(u"part1"_s, {}, {rule({u"get"_s}, {u""_s}, {u"pods"_s})}, label));
        index.apply(RbacIndex::Kind::ClusterRole,
                    role(u"part2"_s, {},
                         {rule({u"get"_s}, {u""_s}, {u"pods"_s}), rule({u"list"_s}, {u""_s}, {u"pods"_s})}, label));
        index.apply(RbacIndex::Kind::ClusterRoleBinding,
                    binding(u"b"_s, {}, u"ClusterRole"_s, u"top"_s, {subject(u"User"_s, u"u"_s)}));
        const Identity u {u"u"_s, {}};
        QCOMPARE(index.rulesOf(u"ClusterRole"_s, {}, u"top"_s)->size(), 2); // deduplicated
        QVERIFY(can(index, u, u"list"_s, u""_s, u"pods"_s, u"x"_s));
        const Decision decision = index.allows(u, u"list"_s, u""_s, u"pods"_s, {}, {});
        QCOMPARE(decision.grants.first().aggregatedFrom, u"part2"_s);
        // Stale stored rules of an aggregated role do not count.
        QJsonObject stale = aggregatedRole(u"top"_s, label);
        stale.insert("rules"_L1, QJsonArray {rule({u"delete"_s}, {u""_s}, {u"nodes"_s})});
        index.apply(RbacIndex::Kind::ClusterRole, stale);
        QVERIFY(!can(index, u, u"delete"_s, u""_s, u"nodes"_s, {}));
        // A label removed: the role leaves the aggregation at the next query.
        index.apply(RbacIndex::Kind::ClusterRole, role(u"part2"_s, {}, {rule({u"list"_s}, {u""_s}, {u"pods"_s})}));
        QVERIFY(!can(index, u, u"list"_s, u""_s, u"pods"_s, u"x"_s));
        QVERIFY(can(index, u, u"get"_s, u""_s, u"pods"_s, u"x"_s));
        // Nested: an aggregated role selected by another.
        index.apply(RbacIndex::Kind::ClusterRole, aggregatedRole(u"outer"_s, {{"outer"_L1, "1"_L1}}));
        QJsonObject top = aggregatedRole(u"top"_s, label, {{"outer"_L1, "1"_L1}});
        index.apply(RbacIndex::Kind::ClusterRole, top);
        QCOMPARE(index.rulesOf(u"ClusterRole"_s, {}, u"outer"_s)->size(), 1);
        index.apply(RbacIndex::Kind::ClusterRole, role(u"part1"_s, {}, {}), true);
        QVERIFY(index.rulesOf(u"ClusterRole"_s, {}, u"outer"_s)->isEmpty());
    }

    void bootstrapPolicy()
    {
        RbacIndex index;
        loadBootstrap(index);
        if (QTest::currentTestFailed())
            return;
        // view, edit and admin are aggregated (stored rules: null) and resolve to their real rules.
        const auto view = index.rulesOf(u"ClusterRole"_s, {}, u"view"_s);
        QVERIFY(view && !view->isEmpty());
        QVERIFY(index.rulesOf(u"ClusterRole"_s, {}, u"view"_s)->size()
                == index.rulesOf(u"ClusterRole"_s, {}, u"system:aggregate-to-view"_s)->size());
        const auto edit = index.rulesOf(u"ClusterRole"_s, {}, u"edit"_s);
        const auto admin = index.rulesOf(u"ClusterRole"_s, {}, u"admin"_s);
        QVERIFY(edit->size() > view->size());
        QVERIFY(admin->size() > edit->size());

        const auto grant = [&](const QString &name, const QString &ns, const QString &sa, const QString &clusterRole) {
            index.apply(RbacIndex::Kind::RoleBinding,
                        binding(name, ns, u"ClusterRole"_s, clusterRole, {subject(u"ServiceAccount"_s, sa, ns)}));
        };
        grant(u"v"_s, u"t"_s, u"viewer"_s, u"view"_s);
        grant(u"e"_s, u"t"_s, u"editor"_s, u"edit"_s);
        grant(u"a"_s, u"t"_s, u"admin"_s, u"admin"_s);
        const Identity viewer = Identity::serviceAccount(u"t"_s, u"viewer"_s);
        const Identity editor = Identity::serviceAccount(u"t"_s, u"editor"_s);
        const Identity adminSa = Identity::serviceAccount(u"t"_s, u"admin"_s);
        QVERIFY(can(index, viewer, u"list"_s, u""_s, u"pods"_s, u"t"_s));
        QVERIFY(can(index, viewer, u"get"_s, u"apps"_s, u"deployments"_s, u"t"_s));
        QVERIFY(!can(index, viewer, u"get"_s, u""_s, u"secrets"_s, u"t"_s));
        QVERIFY(!can(index, viewer, u"create"_s, u""_s, u"pods"_s, u"t"_s));
        QVERIFY(can(index, editor, u"get"_s, u""_s, u"secrets"_s, u"t"_s));
        QVERIFY(can(index, editor, u"create"_s, u"apps"_s, u"deployments"_s, u"t"_s));
        QVERIFY(can(index, editor, u"create"_s, u""_s, u"pods"_s, u"t"_s, {}, u"exec"_s));
        QVERIFY(can(index, editor, u"update"_s, u"apps"_s, u"deployments"_s, u"t"_s, {}, u"scale"_s));
        QVERIFY(!can(index, editor, u"create"_s, u"rbac.authorization.k8s.io"_s, u"rolebindings"_s, u"t"_s));
        QVERIFY(!can(index, editor, u"get"_s, u""_s, u"secrets"_s, u"other"_s));
        QVERIFY(can(index, adminSa, u"create"_s, u"rbac.authorization.k8s.io"_s, u"rolebindings"_s, u"t"_s));
        QVERIFY(can(index, adminSa, u"create"_s, u"authorization.k8s.io"_s, u"localsubjectaccessreviews"_s, u"t"_s));
        QVERIFY(!can(index, adminSa, u"escalate"_s, u"rbac.authorization.k8s.io"_s, u"roles"_s, u"t"_s));
        // Every account is authenticated: system:basic-user and system:public-info-viewer.
        QVERIFY(can(index, viewer, u"create"_s, u"authorization.k8s.io"_s, u"selfsubjectaccessreviews"_s, {}));
        QVERIFY(index.allows(viewer, u"get"_s, u"/healthz"_s).allowed);
        QVERIFY(index.allows(viewer, u"get"_s, u"/version"_s).allowed);
        QVERIFY(!index.allows(viewer, u"get"_s, u"/metrics"_s).allowed);
        // The chain of an aggregated rule names the role it comes from.
        const Decision secrets = index.allows(editor, u"get"_s, u""_s, u"secrets"_s, {}, u"t"_s);
        QVERIFY(!secrets.grants.isEmpty());
        QCOMPARE(secrets.grants.first().roleName, u"edit"_s);
        QCOMPARE(secrets.grants.first().aggregatedFrom, u"system:aggregate-to-edit"_s);
        // Who can get secrets in t: the editor and admin accounts, plus the bootstrap cluster subjects.
        const QList<SubjectAccess> who = index.whoCan(u"get"_s, u""_s, u"secrets"_s, {}, u"t"_s);
        QStringList names;
        for (const SubjectAccess &access : who)
            names.append(access.subject.kind + u':' + access.subject.name);
        QVERIFY2(names.contains(u"ServiceAccount:editor"_s), qPrintable(names.join(u", ")));
        QVERIFY(names.contains(u"ServiceAccount:admin"_s));
        QVERIFY(!names.contains(u"ServiceAccount:viewer"_s));
        QVERIFY(names.contains(u"Group:system:masters"_s)); // bound to cluster-admin by the bootstrap policy
        // The risks of the three roles.
        QCOMPARE(highestSeverity(risksOf(viewer, index.effectivePermissions(viewer))), Severity::None);
        const QStringList editorRisks = riskIds(risksOf(editor, index.effectivePermissions(editor)));
        QVERIFY(editorRisks.contains(u"read-secrets"_s));
        QVERIFY(editorRisks.contains(u"create-workloads"_s));
        QVERIFY(editorRisks.contains(u"pods-exec"_s));
        QVERIFY(!editorRisks.contains(u"bind"_s));
    }

    void risks_data()
    {
        QTest::addColumn<QJsonObject>("rule");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("risk");
        QTest::addColumn<int>("severity");
        const auto row = [](const char *name, const QJsonObject &r, const QString &scope, const QString &risk,
                            Severity severity) { QTest::newRow(name) << r << scope << risk << int(severity); };
        row("read secrets cluster", rule({u"list"_s}, {u""_s}, {u"secrets"_s}), {}, u"read-secrets"_s,
            Severity::Critical);
        row("read secrets ns", rule({u"watch"_s}, {u""_s}, {u"secrets"_s}), u"a"_s, u"read-secrets"_s, Severity::High);
        row("read one secret", rule({u"get"_s}, {u""_s}, {u"secrets"_s}, {u"s"_s}), u"a"_s, u"read-secrets"_s,
            Severity::Medium);
        row("create pods", rule({u"create"_s}, {u""_s}, {u"pods"_s}), u"a"_s, u"create-workloads"_s, Severity::High);
        row("create cronjobs", rule({u"create"_s}, {u"batch"_s}, {u"cronjobs"_s}), u"a"_s, u"create-workloads"_s,
            Severity::High);
        row("create daemonsets", rule({u"create"_s}, {u"apps"_s}, {u"daemonsets"_s}), {}, u"create-workloads"_s,
            Severity::Critical);
        row("create rc", rule({u"create"_s}, {u""_s}, {u"replicationcontrollers"_s}), u"a"_s, u"create-workloads"_s,
            Severity::High);
        row("exec", rule({u"create"_s}, {u""_s}, {u"pods/exec"_s}), u"a"_s, u"pods-exec"_s, Severity::High);
        row("attach", rule({u"create"_s}, {u""_s}, {u"pods/attach"_s}), u"a"_s, u"pods-exec"_s, Severity::High);
        row("ephemeral", rule({u"patch"_s}, {u""_s}, {u"pods/ephemeralcontainers"_s}), u"a"_s, u"pods-ephemeral"_s,
            Severity::High);
        row("nodes/proxy", rule({u"get"_s}, {u""_s}, {u"nodes/proxy"_s}), {}, u"nodes-proxy"_s, Severity::Critical);
        row("escalate", rule({u"escalate"_s}, {u"rbac.authorization.k8s.io"_s}, {u"clusterroles"_s}), {}, u"escalate"_s,
            Severity::Critical);
        row("bind", rule({u"bind"_s}, {u"rbac.authorization.k8s.io"_s}, {u"roles"_s}), u"a"_s, u"bind"_s,
            Severity::Critical);
        row("impersonate", rule({u"impersonate"_s}, {u""_s}, {u"users"_s}), {}, u"impersonate"_s, Severity::Critical);
        row("token", rule({u"create"_s}, {u""_s}, {u"serviceaccounts/token"_s}), u"a"_s, u"create-tokens"_s,
            Severity::High);
        row("create secrets", rule({u"create"_s}, {u""_s}, {u"secrets"_s}), u"a"_s, u"create-secrets"_s,
            Severity::High);
        row("csr", rule({u"create"_s}, {u"certificates.k8s.io"_s}, {u"certificatesigningrequests"_s}), {},
            u"csr-create"_s, Severity::Medium);
        row("csr approve", rule({u"update"_s}, {u"certificates.k8s.io"_s}, {u"certificatesigningrequests/approval"_s}),
            {}, u"csr-approve"_s, Severity::High);
        row("mutating", rule({u"patch"_s}, {u"admissionregistration.k8s.io"_s}, {u"mutatingwebhookconfigurations"_s}),
            {}, u"mutating-webhooks"_s, Severity::Critical);
        row("validating",
            rule({u"delete"_s}, {u"admissionregistration.k8s.io"_s}, {u"validatingwebhookconfigurations"_s}), {},
            u"validating-webhooks"_s, Severity::High);
        row("pv", rule({u"create"_s}, {u""_s}, {u"persistentvolumes"_s}), {}, u"create-persistentvolumes"_s,
            Severity::High);
        row("patch ns", rule({u"patch"_s}, {u""_s}, {u"namespaces"_s}), {}, u"patch-namespaces"_s, Severity::Medium);
        row("* on *", rule({u"*"_s}, {u"*"_s}, {u"*"_s}), {}, u"wildcard"_s, Severity::Critical);
        row("wildcard verbs read secrets", rule({u"*"_s}, {u""_s}, {u"secrets"_s}), u"a"_s, u"read-secrets"_s,
            Severity::High);
        row("wildcard resources exec", rule({u"create"_s}, {u""_s}, {u"*"_s}), u"a"_s, u"pods-exec"_s, Severity::High);
        row("*/ephemeralcontainers", rule({u"update"_s}, {u""_s}, {u"*/ephemeralcontainers"_s}), u"a"_s,
            u"pods-ephemeral"_s, Severity::High);
    }

    void risks()
    {
        QFETCH(QJsonObject, rule);
        QFETCH(QString, scope);
        QFETCH(QString, risk);
        QFETCH(int, severity);
        const QList<Risk> found = risksOfRule(PolicyRule::fromJson(rule), scope);
        const auto it = std::ranges::find(found, risk, &Risk::id);
        QVERIFY2(it != found.end(), qPrintable(riskIds(found).join(u", ")));
        QCOMPARE(int(it->severity), severity);
        QVERIFY(!it->why.isEmpty() && it->why.endsWith(u'.'));
    }

    void everyRiskFromStarOnStar()
    {
        const QStringList ids = riskIds(risksOfRule(PolicyRule::fromJson(rule({u"*"_s}, {u"*"_s}, {u"*"_s})), {}));
        for (const char *id :
             {"wildcard", "read-secrets", "create-workloads", "pods-exec", "pods-ephemeral", "nodes-proxy", "escalate",
              "bind", "impersonate", "create-tokens", "create-secrets", "csr-create", "csr-approve",
              "mutating-webhooks", "validating-webhooks", "create-persistentvolumes", "patch-namespaces"})
            QVERIFY2(ids.contains(QLatin1StringView(id)), id);
    }

    void clusterScopedRisksNeedAClusterWideRule()
    {
        // A RoleBinding grants nothing on nodes, certificate requests, webhooks, persistent volumes, users or groups:
        // * on * in a namespace holds the namespaced risks only.
        const QStringList ids = riskIds(risksOfRule(PolicyRule::fromJson(rule({u"*"_s}, {u"*"_s}, {u"*"_s})), u"a"_s));
        for (const char *id : {"nodes-proxy", "csr-create", "csr-approve", "mutating-webhooks", "validating-webhooks",
                               "create-persistentvolumes"})
            QVERIFY2(!ids.contains(QLatin1StringView(id)), id);
        for (const char *id : {"wildcard", "read-secrets", "create-workloads", "pods-exec", "impersonate", "escalate",
                               "bind", "create-tokens", "create-secrets", "patch-namespaces"})
            QVERIFY2(ids.contains(QLatin1StringView(id)), id);
        // Impersonating users is cluster-scoped; impersonating the namespace's service accounts is not.
        QVERIFY(risksOfRule(PolicyRule::fromJson(rule({u"impersonate"_s}, {u""_s}, {u"users"_s})), u"a"_s).isEmpty());
        QCOMPARE(riskIds(risksOfRule(PolicyRule::fromJson(rule({u"impersonate"_s}, {u""_s}, {u"serviceaccounts"_s})),
                                     u"a"_s)),
                 QStringList {u"impersonate"_s});
    }

    void harmlessRules()
    {
        for (const QJsonObject &harmless :
             {rule({u"get"_s, u"list"_s, u"watch"_s}, {u""_s}, {u"pods"_s, u"configmaps"_s, u"services"_s}),
              rule({u"get"_s}, {u""_s}, {u"pods/log"_s}), rule({u"list"_s}, {u"apps"_s}, {u"*"_s}),
              rule({u"create"_s}, {u""_s}, {u"configmaps"_s}), rule({u"get"_s}, {u""_s}, {u"namespaces"_s}),
              urlRule({u"*"_s}, {u"/healthz"_s})})
            QVERIFY2(risksOfRule(PolicyRule::fromJson(harmless), {}).isEmpty(),
                     qPrintable(riskIds(risksOfRule(PolicyRule::fromJson(harmless), {})).join(u", ")));
    }

    void identityRisks()
    {
        Grant admin;
        admin.roleKind = u"ClusterRole"_s;
        admin.roleName = u"cluster-admin"_s;
        admin.rule = PolicyRule::fromJson(urlRule({u"*"_s}, {u"*"_s}));
        QCOMPARE(risksOf(admin).first().id, u"cluster-admin"_s);
        QCOMPARE(risksOf(admin).first().severity, Severity::Critical);
        admin.scope = u"a"_s;
        QCOMPARE(risksOf(admin).first().severity, Severity::High);
        admin.roleMissing = true;
        QVERIFY(risksOf(admin).isEmpty());

        const QList<Risk> masters = risksOf(Identity {u"bob"_s, {u"system:masters"_s}}, {});
        QCOMPARE(highestSeverity(masters), Severity::Critical);
        QCOMPARE(masters.first().id, u"system-masters"_s);

        Grant create;
        create.rule =
            PolicyRule::fromJson(rule({u"create"_s}, {u"certificates.k8s.io"_s}, {u"certificatesigningrequests"_s}));
        Grant approve;
        approve.rule = PolicyRule::fromJson(
            rule({u"update"_s}, {u"certificates.k8s.io"_s}, {u"certificatesigningrequests/approval"_s}));
        const QList<Risk> both = risksOf(Identity {u"u"_s, {}}, {create, approve});
        QCOMPARE(both.first().id, u"csr-create-approve"_s);
        QCOMPARE(severityName(highestSeverity(both)), u"Critical"_s);
        // One entry per risk, at its highest severity.
        Grant nsSecrets;
        nsSecrets.scope = u"a"_s;
        nsSecrets.rule = PolicyRule::fromJson(rule({u"get"_s}, {u""_s}, {u"secrets"_s}));
        Grant clusterSecrets = nsSecrets;
        clusterSecrets.scope.clear();
        const QList<Risk> secrets = risksOf(Identity {u"u"_s, {}}, {nsSecrets, clusterSecrets});
        QCOMPARE(secrets.size(), 1);
        QCOMPARE(secrets.first().severity, Severity::Critical);
    }

    // The per-binding severity cache gives what the whole answer gives, combinations across bindings included, and
    // forgets a binding's risks when told to.
    void severityCache()
    {
        using Kind = RbacIndex::Kind;
        RbacIndex index;
        index.apply(Kind::ClusterRole,
                    role(u"csr-create"_s, {},
                         {rule({u"create"_s}, {u"certificates.k8s.io"_s}, {u"certificatesigningrequests"_s})}));
        index.apply(
            Kind::ClusterRole,
            role(u"csr-approve"_s, {},
                 {rule({u"update"_s}, {u"certificates.k8s.io"_s}, {u"certificatesigningrequests/approval"_s})}));
        index.apply(Kind::Role, role(u"secrets"_s, u"a"_s, {rule({u"get"_s}, {u""_s}, {u"secrets"_s})}));
        const QJsonObject sa = subject(u"ServiceAccount"_s, u"x"_s, u"a"_s);
        index.apply(Kind::ClusterRoleBinding, binding(u"create"_s, {}, u"ClusterRole"_s, u"csr-create"_s, {sa}));
        index.apply(Kind::RoleBinding, binding(u"read"_s, u"a"_s, u"Role"_s, u"secrets"_s, {sa}));
        const Identity x = Identity::serviceAccount(u"a"_s, u"x"_s);
        const auto whole = [&](const Identity &identity) {
            return highestSeverity(risksOf(identity, index.effectivePermissions(identity)));
        };
        SeverityCache cache;
        QCOMPARE(cache.severityOf(index, x), Severity::High); // reads secrets in a
        QCOMPARE(cache.severityOf(index, x), whole(x));
        // The other half of the certificate pair, through a group binding: Critical, as the whole answer says.
        index.apply(Kind::ClusterRoleBinding,
                    binding(u"approve"_s, {}, u"ClusterRole"_s, u"csr-approve"_s,
                            {subject(u"Group"_s, u"system:serviceaccounts:a"_s)}));
        cache.clear();
        QCOMPARE(whole(x), Severity::Critical);
        QCOMPARE(cache.severityOf(index, x), Severity::Critical);
        QCOMPARE(cache.severityOf(index, Identity::serviceAccount(u"a"_s, u"y"_s)),
                 whole(Identity::serviceAccount(u"a"_s, u"y"_s)));
        QCOMPARE(cache.severityOf(index, Identity::serviceAccount(u"b"_s, u"x"_s)), Severity::None);
        QCOMPARE(cache.severityOf(index, Identity {u"root"_s, {u"system:masters"_s}}), Severity::Critical);
        // A binding's risks are kept until clear(): a role made harmless counts only after it.
        index.apply(Kind::Role, role(u"secrets"_s, u"a"_s, {rule({u"get"_s}, {u""_s}, {u"configmaps"_s})}));
        index.apply(Kind::ClusterRoleBinding, binding(u"approve"_s, {}, u"ClusterRole"_s, u"csr-approve"_s, {}));
        QCOMPARE(cache.severityOf(index, x), Severity::High); // approve no longer applies; read still cached
        cache.clear();
        QCOMPARE(cache.severityOf(index, x), Severity::Medium);
        QCOMPARE(cache.severityOf(index, x), whole(x));
    }
};

QTEST_GUILESS_MAIN(TestRbac)
#include "tst_rbac.moc"
