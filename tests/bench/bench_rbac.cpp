// The RBAC resolver's speed on a large RBAC graph: the real bootstrap policy plus, in each of N namespaces, three
// service accounts, a Role and three RoleBindings (to view, edit and the Role, one of them through the namespace's
// group), and a few ClusterRoleBindings. Prints the time to index it, the "Can do" of one account (first query,
// which resolves the aggregated roles, and again), who can get secrets in a namespace and anywhere (with the
// expansion to accounts), and the risk of every account. Targets (printed, not enforced): one account < 50 ms,
// who can get secrets anywhere < 500 ms.

#include "Manifests.h"
#include "rbac/Rbac.h"
#include "rbac/Risks.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace sa::rbac;

namespace {

double timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

QJsonObject binding(const QString &name, const QString &ns, const QString &roleKind, const QString &roleName,
                    const QJsonObject &subject)
{
    QJsonObject metadata {{"name"_L1, name}};
    if (!ns.isEmpty())
        metadata.insert("namespace"_L1, ns);
    return {
        {"metadata"_L1, metadata},
        {"roleRef"_L1,
         QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, roleKind}, {"name"_L1, roleName}}},
        {"subjects"_L1, QJsonArray {subject}}};
}

QJsonObject account(const QString &name, const QString &ns = {})
{
    QJsonObject subject {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, name}};
    if (!ns.isEmpty())
        subject.insert("namespace"_L1, ns);
    return subject;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption namespacesOption(u"namespaces"_s, u"Namespaces (default 1000)."_s, u"N"_s, u"1000"_s);
    parser.addOption(namespacesOption);
    parser.addHelpOption();
    parser.process(app);
    const int namespaces = parser.value(namespacesOption).toInt();

    // Parsed before timing: the informers deliver JSON objects, so the index is timed from JSON.
    QList<std::pair<RbacIndex::Kind, QJsonObject>> objects;
    const QList<std::pair<QString, RbacIndex::Kind>> files {
        {u"cluster-roles.yaml"_s, RbacIndex::Kind::ClusterRole},
        {u"cluster-role-bindings.yaml"_s, RbacIndex::Kind::ClusterRoleBinding},
        {u"namespace-roles.yaml"_s, RbacIndex::Kind::Role},
        {u"namespace-role-bindings.yaml"_s, RbacIndex::Kind::RoleBinding},
    };
    for (const auto &[file, kind] : files) {
        QFile f(QStringLiteral(SA_FIXTURES_DIR) + u"/kubernetes/rbac/"_s + file);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(f.fileName()));
            return 1;
        }
        for (const QJsonObject &object : kubesim::parseManifests(f.readAll()).objects)
            objects.append({kind, object});
    }
    QList<AccountRef> accounts;
    for (int i = 0; i < namespaces; ++i) {
        const QString ns = u"ns-"_s + QString::number(i);
        for (const QString &name : {u"default"_s, u"app"_s, u"ci"_s})
            accounts.append({ns, name});
        objects.append({RbacIndex::Kind::Role,
                        {{"metadata"_L1, QJsonObject {{"name"_L1, "config-reader"_L1}, {"namespace"_L1, ns}}},
                         {"rules"_L1,
                          QJsonArray {QJsonObject {{"verbs"_L1, QJsonArray {"get"_L1, "list"_L1}},
                                                   {"apiGroups"_L1, QJsonArray {""_L1}},
                                                   {"resources"_L1, QJsonArray {"configmaps"_L1}}}}}}});
        objects.append({RbacIndex::Kind::RoleBinding,
                        binding(u"app-view"_s, ns, u"ClusterRole"_s, u"view"_s, account(u"app"_s, ns))});
        objects.append(
            {RbacIndex::Kind::RoleBinding, binding(u"ci-edit"_s, ns, u"ClusterRole"_s, u"edit"_s, account(u"ci"_s))});
        objects.append({RbacIndex::Kind::RoleBinding,
                        binding(u"config"_s, ns, u"Role"_s, u"config-reader"_s,
                                {{"kind"_L1, "Group"_L1}, {"name"_L1, QString(u"system:serviceaccounts:"_s + ns)}})});
    }
    objects.append({RbacIndex::Kind::ClusterRoleBinding,
                    binding(u"operator"_s, {}, u"ClusterRole"_s, u"cluster-admin"_s, account(u"app"_s, u"ns-0"_s))});
    objects.append({RbacIndex::Kind::ClusterRoleBinding,
                    binding(u"all-view"_s, {}, u"ClusterRole"_s, u"view"_s,
                            {{"kind"_L1, "Group"_L1}, {"name"_L1, "system:serviceaccounts:ns-1"_L1}})});

    RbacIndex index;
    const double build = timed([&] {
        for (const auto &[kind, object] : objects)
            index.apply(kind, object);
    });
    const QString middle = u"ns-"_s + QString::number(namespaces / 2);
    const Identity ci = Identity::serviceAccount(middle, u"ci"_s);
    QList<Grant> grants;
    const double firstAccount = timed([&] { grants = index.effectivePermissions(ci); });
    QList<Risk> risks;
    const double account = timed([&] {
        grants = index.effectivePermissions(ci);
        risks = risksOf(ci, grants);
    });
    QList<SubjectAccess> inNamespace;
    const double whoInNamespace = timed([&] { inNamespace = index.whoCan(u"get"_s, u""_s, u"secrets"_s, {}, middle); });
    QList<SubjectAccess> anywhere;
    QList<std::pair<AccountRef, QList<Grant>>> accountsAnywhere;
    const double whoAnywhere = timed([&] {
        anywhere = index.whoCanInAnyNamespace({u"get"_s, u""_s, u"secrets"_s, {}, {}, {}});
        accountsAnywhere = RbacIndex::serviceAccountsWhoCan(anywhere, accounts);
    });
    int risky = 0;
    const double allRisks = timed([&] {
        for (const AccountRef &ref : std::as_const(accounts)) {
            const Identity identity = Identity::serviceAccount(ref.ns, ref.name);
            risky += highestSeverity(risksOf(identity, index.effectivePermissions(identity))) != Severity::None;
        }
    });

    std::printf("RBAC graph: %d namespaces, %lld roles, %lld bindings, %lld service accounts\n", namespaces,
                qlonglong(index.roleCount()), qlonglong(index.bindingCount()), qlonglong(accounts.size()));
    std::printf("index from JSON:                          %8.2f ms\n", build);
    std::printf("can do of one account, first query:       %8.2f ms (%lld grants; target < 50 ms)\n", firstAccount,
                qlonglong(grants.size()));
    std::printf("can do of one account + risks, again:     %8.2f ms (%lld risks, highest %s)\n", account,
                qlonglong(risks.size()), qPrintable(severityName(highestSeverity(risks))));
    std::printf("who can get secrets in one namespace:     %8.2f ms (%lld subjects)\n", whoInNamespace,
                qlonglong(inNamespace.size()));
    std::printf("who can get secrets anywhere, accounts:   %8.2f ms (%lld subjects, %lld accounts; target < 500 ms)\n",
                whoAnywhere, qlonglong(anywhere.size()), qlonglong(accountsAnywhere.size()));
    std::printf("risk of every account:                    %8.2f ms (%d risky)\n", allRisks, risky);
    std::fflush(stdout);
    // Correctness of the figures: the ci account holds edit in its namespace, every ci account reads secrets.
    const bool sane =
        !grants.isEmpty() && highestSeverity(risks) != Severity::None && accountsAnywhere.size() >= namespaces;
    return sane ? 0 : 1;
}
