// Our resolution beside the server's SelfSubjectRulesReview (app/core/rbac/RulesComparison): which rules a review in
// a namespace lists, and a comparison by what the rules allow, not by how they are written.

#include "rbac/RulesComparison.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace sa::rbac;

Q_DECLARE_METATYPE(QList<sa::rbac::PolicyRule>)

namespace {

PolicyRule rule(const QStringList &verbs, const QStringList &groups, const QStringList &resources,
                const QStringList &names = {})
{
    PolicyRule result;
    result.verbs = verbs;
    result.apiGroups = groups;
    result.resources = resources;
    result.resourceNames = names;
    return result;
}

PolicyRule urlRule(const QStringList &verbs, const QStringList &urls)
{
    PolicyRule result;
    result.verbs = verbs;
    result.nonResourceURLs = urls;
    return result;
}

QStringList described(const QList<PolicyRule> &rules)
{
    QStringList lines;
    for (const PolicyRule &rule : rules)
        lines.append(describeRule(rule));
    return lines;
}

Grant grant(const PolicyRule &rule, const QString &scope, bool roleMissing = false)
{
    Grant result;
    result.rule = rule;
    result.scope = scope;
    result.roleMissing = roleMissing;
    return result;
}

} // namespace

class TestRbacComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<QList<PolicyRule>>("resolved");
        QTest::addColumn<QList<PolicyRule>>("server");
        QTest::addColumn<QStringList>("onlyResolved");
        QTest::addColumn<QStringList>("onlyServer");

        const PolicyRule readPods = rule({u"get"_s, u"list"_s, u"watch"_s}, {u""_s}, {u"pods"_s});
        QTest::newRow("same rules") << QList {readPods} << QList {readPods} << QStringList() << QStringList();
        QTest::newRow("nothing on either side")
            << QList<PolicyRule>() << QList<PolicyRule>() << QStringList() << QStringList();
        // The server lists each role's rules as written; we merge: the same permissions either way.
        QTest::newRow("split and reordered")
            << QList {rule({u"get"_s, u"list"_s}, {u""_s, u"apps"_s}, {u"pods"_s, u"deployments"_s})}
            << QList {rule({u"list"_s}, {u"apps"_s, u""_s}, {u"deployments"_s, u"pods"_s}),
                      rule({u"get"_s}, {u""_s}, {u"pods"_s, u"deployments"_s}),
                      rule({u"get"_s}, {u"apps"_s}, {u"deployments"_s, u"pods"_s}),
                      rule({u"get"_s}, {u""_s}, {u"pods"_s})}
            << QStringList() << QStringList();
        QTest::newRow("repeated verbs and a rule allowing nothing")
            << QList {readPods}
            << QList {rule({u"get"_s, u"get"_s, u"list"_s, u"watch"_s}, {u""_s}, {u"pods"_s}),
                      rule({u"get"_s}, {}, {u"secrets"_s})}
            << QStringList() << QStringList();
        // A wildcard covers what it stands for, but is not covered by the things it stands for.
        QTest::newRow("wildcard covers specific")
            << QList {rule({u"*"_s}, {u"*"_s}, {u"*"_s}), readPods} << QList {rule({u"*"_s}, {u"*"_s}, {u"*"_s})}
            << QStringList() << QStringList();
        QTest::newRow("specific does not cover wildcard")
            << QList {readPods} << QList {rule({u"*"_s}, {u"*"_s}, {u"*"_s})} << QStringList()
            << QStringList {u"*.*: *"_s};
        QTest::newRow("verb wildcard") << QList {rule({u"*"_s}, {u""_s}, {u"configmaps"_s})}
                                       << QList {rule({u"get"_s}, {u""_s}, {u"configmaps"_s})}
                                       << QStringList {u"configmaps: *"_s} << QStringList();
        QTest::newRow("differs both ways")
            << QList {readPods, rule({u"create"_s}, {u""_s}, {u"pods/exec"_s})}
            << QList {readPods, rule({u"get"_s, u"list"_s}, {u""_s}, {u"secrets"_s})}
            << QStringList {u"pods/exec: create"_s} << QStringList {u"secrets: get, list"_s};
        // Subresources: "*/scale" covers every resource's scale, "deployments" does not cover its scale.
        QTest::newRow("any resource's subresource")
            << QList {rule({u"update"_s}, {u"apps"_s}, {u"deployments/scale"_s, u"statefulsets/scale"_s})}
            << QList {rule({u"update"_s}, {u"apps"_s}, {u"*/scale"_s})} << QStringList()
            << QStringList {u"*/scale.apps: update"_s};
        QTest::newRow("resource does not cover its subresource")
            << QList {rule({u"get"_s}, {u""_s}, {u"pods"_s, u"pods/log"_s})}
            << QList {rule({u"get"_s}, {u""_s}, {u"pods"_s})} << QStringList {u"pods/log: get"_s} << QStringList();
        // Names: a rule without names covers every name; one with names covers only those.
        QTest::newRow("names covered by every name")
            << QList {rule({u"get"_s}, {u""_s}, {u"configmaps"_s}, {u"a"_s, u"b"_s})}
            << QList {rule({u"get"_s}, {u""_s}, {u"configmaps"_s})} << QStringList()
            << QStringList {u"configmaps: get"_s};
        QTest::newRow("other names") << QList {rule({u"get"_s}, {u""_s}, {u"configmaps"_s}, {u"a"_s, u"b"_s})}
                                     << QList {rule({u"get"_s}, {u""_s}, {u"configmaps"_s}, {u"b"_s, u"c"_s})}
                                     << QStringList {u"configmaps [a]: get"_s}
                                     << QStringList {u"configmaps [c]: get"_s};
        QTest::newRow("api group matters")
            << QList {rule({u"get"_s}, {u"apps"_s}, {u"deployments"_s})}
            << QList {rule({u"get"_s}, {u"extensions"_s}, {u"deployments"_s})}
            << QStringList {u"deployments.apps: get"_s} << QStringList {u"deployments.extensions: get"_s};
        // Non-resource URLs: a trailing "*" is a prefix, so "/api/*" covers "/api/v1" and "/api/v1/*" but not "/apis".
        QTest::newRow("url prefixes") << QList {urlRule({u"get"_s}, {u"/api/v1"_s, u"/api/v1/*"_s, u"/apis"_s})}
                                      << QList {urlRule({u"get"_s}, {u"/api/*"_s})} << QStringList {u"/apis: get"_s}
                                      << QStringList {u"/api/*: get"_s};
        QTest::newRow("urls and resources are different things")
            << QList {urlRule({u"get"_s}, {u"/metrics"_s})} << QList {rule({u"get"_s}, {u"*"_s}, {u"*"_s})}
            << QStringList {u"/metrics: get"_s} << QStringList {u"*.*: get"_s};
        QTest::newRow("a rule with both")
            << QList {rule({u"get"_s}, {u""_s}, {u"nodes"_s}), urlRule({u"get"_s}, {u"/healthz"_s})} << QList {[] {
                   PolicyRule both = rule({u"get"_s}, {u""_s}, {u"nodes"_s});
                   both.nonResourceURLs = {u"/healthz"_s};
                   return both;
               }()}
            << QStringList() << QStringList();
    }

    void compare()
    {
        QFETCH(QList<PolicyRule>, resolved);
        QFETCH(QList<PolicyRule>, server);
        QFETCH(QStringList, onlyResolved);
        QFETCH(QStringList, onlyServer);
        const RulesComparison comparison = compareRules(resolved, server);
        QCOMPARE(described(comparison.onlyResolved), onlyResolved);
        QCOMPARE(described(comparison.onlyServer), onlyServer);
        QCOMPARE(comparison.agrees(), onlyResolved.isEmpty() && onlyServer.isEmpty());
        // The comparison is symmetric.
        const RulesComparison reversed = compareRules(server, resolved);
        QCOMPARE(described(reversed.onlyResolved), onlyServer);
        QCOMPARE(described(reversed.onlyServer), onlyResolved);
    }

    void differencesAreGatheredPerResource()
    {
        // Verbs of one resource gather, sorted; resources sort by group, then name; URLs come last.
        const RulesComparison comparison =
            compareRules({},
                         {rule({u"watch"_s, u"get"_s}, {u"apps"_s, u""_s}, {u"secrets"_s}),
                          urlRule({u"get"_s}, {u"/metrics"_s}), rule({u"list"_s}, {u""_s}, {u"secrets"_s})});
        QCOMPARE(described(comparison.onlyServer),
                 (QStringList {u"secrets: get, list, watch"_s, u"secrets.apps: get, watch"_s, u"/metrics: get"_s}));
        QVERIFY(comparison.onlyResolved.isEmpty());
        // Resources of one group with the same verbs make one rule.
        const RulesComparison gathered = compareRules(
            {rule({u"get"_s}, {u""_s}, {u"nodes"_s})},
            {rule({u"get"_s, u"list"_s}, {u""_s}, {u"pods"_s, u"configmaps"_s}),
             rule({u"get"_s}, {u""_s}, {u"services"_s, u"nodes"_s}),
             rule({u"list"_s, u"get"_s}, {u""_s}, {u"events"_s}), urlRule({u"get"_s}, {u"/metrics"_s, u"/healthz"_s})});
        QCOMPARE(
            described(gathered.onlyServer),
            (QStringList {u"configmaps, events, pods: get, list"_s, u"services: get"_s, u"/healthz, /metrics: get"_s}));
    }

    void rulesApplyingInANamespace()
    {
        // What a review in payments lists: cluster-wide grants and payments' own, not other namespaces', nor
        // bindings to missing roles.
        const PolicyRule clusterWide = rule({u"get"_s}, {u""_s}, {u"nodes"_s});
        const PolicyRule inPayments = rule({u"get"_s}, {u""_s}, {u"secrets"_s});
        const PolicyRule inCi = rule({u"create"_s}, {u""_s}, {u"pods"_s});
        const QList<Grant> grants {grant(clusterWide, {}), grant(inPayments, u"payments"_s), grant(inCi, u"ci"_s),
                                   grant({}, u"payments"_s, true)};
        QCOMPARE(rulesApplyingIn(grants, u"payments"_s), (QList<PolicyRule> {clusterWide, inPayments}));
        QCOMPARE(rulesApplyingIn(grants, u"ci"_s), (QList<PolicyRule> {clusterWide, inCi}));
        QCOMPARE(rulesApplyingIn(grants, u"monitoring"_s), QList<PolicyRule> {clusterWide});
        QVERIFY(rulesApplyingIn({}, u"payments"_s).isEmpty());
    }

    void describedRules()
    {
        QCOMPARE(describeRule(rule({u"get"_s, u"list"_s}, {u""_s}, {u"secrets"_s})), u"secrets: get, list"_s);
        QCOMPARE(describeRule(rule({u"patch"_s}, {u"apps"_s}, {u"deployments"_s}, {u"web"_s})),
                 u"deployments.apps [web]: patch"_s);
        QCOMPARE(describeRule(urlRule({u"get"_s}, {u"/metrics"_s})), u"/metrics: get"_s);
    }
};

QTEST_GUILESS_MAIN(TestRbacComparison)
#include "tst_rbaccomparison.moc"
