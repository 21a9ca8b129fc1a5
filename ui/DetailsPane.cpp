#include "DetailsPane.h"

#include "Icons.h"
#include "Palette.h"
#include "ResourceModels.h"
#include "resources/WorkloadIdentity.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml)
{
    return u"<tr><td class='label' style='padding-right:12px'>"_s + escaped(label) + u"</td><td>"_s + valueHtml
        + u"</td></tr>"_s;
}

QString mapText(const QMap<QString, QString> &map)
{
    if (map.isEmpty())
        return u"<i>"_s + DetailsPane::tr("none") + u"</i>"_s;
    QStringList lines;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        lines.append(escaped(it.key()) + u'=' + escaped(it.value()));
    return lines.join(u"<br>"_s);
}

// Lines of HTML, or the reason there are none, in italics.
QString listOrNone(const QStringList &lines, const QString &none)
{
    if (lines.isEmpty())
        return u"<p><i>"_s + escaped(none) + u"</i></p>"_s;
    return u"<p>"_s + lines.join(u"<br>"_s) + u"</p>"_s;
}

QString created(const ObjectMeta &meta)
{
    return escaped(QLocale().toString(meta.creationTimestamp.toLocalTime(), QLocale::ShortFormat));
}

// The collection as the "cannot check" sentences name it.
QString sourceName(Source source)
{
    switch (source) {
    case Source::ServiceAccounts:
        return DetailsPane::tr("service accounts");
    case Source::Secrets:
        return DetailsPane::tr("secrets");
    case Source::Pods:
        return DetailsPane::tr("pods");
    case Source::Deployments:
        return DetailsPane::tr("deployments");
    case Source::StatefulSets:
        return DetailsPane::tr("stateful sets");
    case Source::DaemonSets:
        return DetailsPane::tr("daemon sets");
    case Source::RoleBindings:
        return DetailsPane::tr("role bindings");
    case Source::ClusterRoleBindings:
        return DetailsPane::tr("cluster role bindings");
    case Source::Count:
        break;
    }
    return {};
}

// The sections of an account's details after its table.
QString pullSecretsSection(const ServiceAccount &account, const ServiceAccountUsage &usage, const QString &unknown)
{
    QString html = u"<h4>"_s + DetailsPane::tr("Image pull secrets") + u"</h4>"_s;
    if (account.imagePullSecrets.isEmpty())
        html += listOrNone({}, DetailsPane::tr("none"));
    // Whether a pull secret exists can only be told when secrets may be listed.
    for (const QString &name : account.imagePullSecrets) {
        if (!unknown.isEmpty())
            html += u"<p>"_s + escaped(name) + u" <i>("_s + escaped(unknown) + u")</i></p>"_s;
        else if (usage.secretExists(account.meta.ns, name))
            html += u"<p>✓ "_s + escaped(name) + u"</p>"_s;
        else
            html += u"<p>⚠ "_s + escaped(name) + u" — <b>"_s + DetailsPane::tr("missing: pods cannot pull with it")
                + u"</b></p>"_s;
    }
    return html;
}

QString tokenSecretsSection(const ServiceAccount &account, const ServiceAccountUsage &usage, const QString &unknown)
{
    QString html = u"<h4>"_s + DetailsPane::tr("Token secrets (legacy, never expire)") + u"</h4>"_s;
    const QList<SecretMeta> secrets = usage.tokenSecretsOf(account.meta.ns, account.meta.name);
    for (const SecretMeta &secret : secrets) {
        const QString lastUsed = secret.meta.labels.value(kLegacyTokenLastUsedLabel);
        html += u"<p>⚠ "_s + escaped(secret.meta.name)
            + (lastUsed.isEmpty() ? DetailsPane::tr(" — never used")
                                  : DetailsPane::tr(" — last used %1").arg(escaped(lastUsed)))
            + u" — <a href=\"reveal:"_s + escaped(secret.meta.key()) + u"\">"_s + DetailsPane::tr("reveal")
            + u"</a></p>"_s;
    }
    if (!unknown.isEmpty())
        html += listOrNone({}, unknown);
    else if (secrets.isEmpty())
        html += listOrNone({}, DetailsPane::tr("none"));
    return html;
}

// The cloud identity the account assumes through its annotations: each annotation with what it means, and what is
// wrong with a value the cloud would not take. Nothing when the account has none of them.
QString identitySection(const ServiceAccount &account)
{
    const QList<identity::CloudIdentity> identities = identity::identitiesOf(account.meta.annotations);
    if (identities.isEmpty())
        return {};
    QString html = u"<h4>"_s + DetailsPane::tr("Cloud identity") + u"</h4>"_s;
    for (const identity::CloudIdentity &each : identities) {
        html += u"<p><b>"_s + escaped(each.summary()) + u"</b><br><small>"_s
            + escaped(identity::longName(each.provider)) + u"</small></p><table>"_s;
        for (auto it = each.annotations.cbegin(); it != each.annotations.cend(); ++it) {
            const identity::KnownAnnotation *known = identity::find(it.key());
            const QString problem = known->check(it.value());
            QString cell = u"<code>"_s + escaped(it.key()) + u"</code> = "_s + escaped(it.value());
            if (!problem.isEmpty())
                cell += u"<br>⚠ <b>"_s + escaped(problem) + u"</b>"_s;
            cell += u"<br><small>"_s + escaped(identity::meaningOf(*known)) + u"</small>"_s;
            html += row(identity::labelOf(*known), cell);
        }
        html += u"</table>"_s;
        // A missing principal is not a value to flag beside one: say it under the table.
        if (each.principal.isEmpty() && !each.problems.isEmpty())
            html += u"<p>⚠ <b>"_s + escaped(each.problems.constFirst()) + u"</b></p>"_s;
    }
    html += u"<p><a href=\"action:identityAnnotations\">"_s + escaped(DetailsPane::tr("Edit identity annotations…"))
        + u"</a></p>"_s;
    return html;
}

QString usedBySection(const ServiceAccount &account, const ServiceAccountUsage &usage, const SourceStates &states)
{
    const QString &ns = account.meta.ns;
    const QString &name = account.meta.name;
    QStringList users;
    // Each with its YAML and, for what can run as another account, the way to change that.
    const auto workloadLinks = [&ns](const QString &kind, const QString &object, bool changeable) -> QString {
        QString out = u" — <a href=\"yaml:"_s + kind + u'/' + escaped(ns) + u'/' + escaped(object) + u"\">YAML</a>"_s;
        if (changeable)
            out += u" · <a href=\"runas:"_s + kind.toLower() + u'/' + escaped(object) + u"\">"_s
                + DetailsPane::tr("change account") + u"</a>"_s;
        return out;
    };
    const auto ready = [](const QString &kind, const QString &object, qint64 readyPods, qint64 wanted) -> QString {
        return DetailsPane::tr("%1/%2 (%3 of %4 ready)")
            .arg(kind.toLower(), escaped(object))
            .arg(readyPods)
            .arg(wanted);
    };
    for (const Deployment &deployment : usage.deploymentsOf(ns, name)) {
        users.append(ready(u"Deployment"_s, deployment.meta.name, deployment.readyReplicas, deployment.replicas)
                     + workloadLinks(u"Deployment"_s, deployment.meta.name, true));
    }
    for (const StatefulSet &set : usage.statefulSetsOf(ns, name)) {
        users.append(ready(u"StatefulSet"_s, set.meta.name, set.readyReplicas, set.replicas)
                     + workloadLinks(u"StatefulSet"_s, set.meta.name, true));
    }
    for (const DaemonSet &set : usage.daemonSetsOf(ns, name)) {
        users.append(ready(u"DaemonSet"_s, set.meta.name, set.numberReady, set.desiredNumberScheduled)
                     + workloadLinks(u"DaemonSet"_s, set.meta.name, true));
    }
    for (const Pod &pod : usage.podsOf(ns, name)) {
        users.append(DetailsPane::tr("pod/%1 (%2)").arg(escaped(pod.meta.name), escaped(pod.phase))
                     + workloadLinks(u"Pod"_s, pod.meta.name, !pod.meta.hasControllerOwner()));
    }
    // What could not be looked at is said after what was found; "nothing" only when everything was looked at.
    const QString unknown =
        unknownSourcesText(states, {Source::Deployments, Source::StatefulSets, Source::DaemonSets, Source::Pods});
    if (!unknown.isEmpty())
        users.append(u"<i>"_s + escaped(unknown) + u"</i>"_s);
    return u"<h4>"_s + DetailsPane::tr("Used by") + u"</h4>"_s
        + listOrNone(users, DetailsPane::tr("nothing runs as this account"));
}

QString bindingsSection(const ServiceAccount &account, const ServiceAccountUsage &usage, const SourceStates &states)
{
    QStringList bindings;
    for (const RoleBinding &binding : usage.bindingsOf(account.meta.ns, account.meta.name)) {
        const QString scope =
            binding.meta.ns.isEmpty() ? DetailsPane::tr("cluster-wide") : DetailsPane::tr("in %1").arg(binding.meta.ns);
        bindings.append(escaped(binding.roleKind + u'/' + binding.roleName) + u" — "_s + escaped(binding.meta.name)
                        + u" ("_s + escaped(scope) + u')');
    }
    bindings.sort();
    const QString unknown = unknownSourcesText(states, {Source::RoleBindings, Source::ClusterRoleBindings});
    if (!unknown.isEmpty())
        bindings.append(u"<i>"_s + escaped(unknown) + u"</i>"_s);
    return u"<h4>"_s + DetailsPane::tr("Role bindings") + u"</h4>"_s
        + listOrNone(bindings, DetailsPane::tr("no binding names this account"));
}

// The bootstrap roles every authenticated user (or every service account) holds through a group: discovery and
// reviews of oneself. Listed as one line, not as twenty rules that every account shares.
bool isEveryonesBasics(const rbac::Grant &grant)
{
    static const QStringList groups {u"system:authenticated"_s, u"system:serviceaccounts"_s};
    static const QStringList roles {u"system:basic-user"_s, u"system:discovery"_s, u"system:public-info-viewer"_s,
                                    u"system:service-account-issuer-discovery"_s};
    return grant.bindingKind == "ClusterRoleBinding"_L1 && groups.contains(grant.viaGroup)
        && roles.contains(grant.roleName);
}

// A binding as the revoke: link names it: "RoleBinding/NAMESPACE/NAME" or "ClusterRoleBinding//NAME".
QString bindingLink(const rbac::Grant &grant)
{
    return grant.bindingKind + u'/' + grant.bindingNamespace + u'/' + grant.bindingName;
}

QString resourceText(const rbac::ResourcePermission &permission)
{
    if (permission.nonResource)
        return DetailsPane::tr("URL %1").arg(permission.resource);
    QString text = permission.resource;
    if (!permission.apiGroup.isEmpty())
        text += u'.' + permission.apiGroup;
    if (!permission.resourceNames.isEmpty())
        text += u" ["_s + permission.resourceNames.join(u", "_s) + u']';
    return text;
}

} // namespace

namespace {

// "⚠ Critical Read secrets — why", as HTML.
QString riskLine(const rbac::Risk &risk)
{
    return u"⚠ <b>"_s + escaped(rbac::severityName(risk.severity)) + u"</b> "_s + escaped(risk.title) + u" — "_s
        + escaped(risk.why);
}

// What the server said the account may do in its namespace, when the bindings cannot be read: no chains.
QString serverRulesHtml(const ServiceAccount &account, const Permissions::ServerRules *answer)
{
    using State = Permissions::ServerRules::State;
    if (!answer || answer->state == State::Asking)
        return u"<p><i>"_s + escaped(DetailsPane::tr("Asking the server what it may do in %1…").arg(account.meta.ns))
            + u"</i></p>"_s;
    if (answer->state == State::Refused)
        return u"<p><i>"_s
            + escaped(DetailsPane::tr("The server would not answer for the account either: %1").arg(answer->message))
            + u"</i></p>"_s;
    QString html = u"<p><i>"_s
        + escaped(DetailsPane::tr("The server's answer (SelfSubjectRulesReview as the account, in %1; without the "
                                  "bindings that grant it):")
                      .arg(account.meta.ns))
        + u"</i></p>"_s;
    // As grants in the account's namespace, so that the risks are counted as for resolved ones: each once, worst first.
    QList<rbac::Grant> grants;
    QString table;
    for (const rbac::PolicyRule &rule : answer->resourceRules) {
        rbac::Grant grant;
        grant.rule = rule;
        grant.scope = account.meta.ns;
        grants.append(grant);
        QStringList resources;
        for (const QString &resource : rule.resources) {
            for (const QString &group : rule.apiGroups)
                resources.append(group.isEmpty() ? resource : resource + u'.' + group);
        }
        QString text = resources.join(u", "_s);
        if (!rule.resourceNames.isEmpty())
            text += u" ["_s + rule.resourceNames.join(u", "_s) + u']';
        table += u"<tr><td style='padding-right:12px'>"_s + escaped(text) + u"</td><td>"_s
            + escaped(rule.verbs.join(u", "_s)) + u"</td></tr>"_s;
    }
    QStringList lines;
    for (const rbac::Risk &risk :
         rbac::risksOf(rbac::Identity::serviceAccount(account.meta.ns, account.meta.name), grants))
        lines.append(riskLine(risk));
    if (!lines.isEmpty())
        html += u"<p>"_s + lines.join(u"<br>"_s) + u"</p>"_s;
    html += u"<table>"_s + table + u"</table>"_s;
    if (answer->incomplete)
        html += u"<p><i>"_s
            + escaped(DetailsPane::tr("The server says this list is incomplete: %1").arg(answer->message))
            + u"</i></p>"_s;
    return html;
}

// The differences of a cross-check as one list, the first few rules and of each the first few resources by name:
// "configmaps, pods: get, list; pods/exec: create".
QString rulesList(const QList<rbac::PolicyRule> &rules)
{
    constexpr qsizetype kRules = 4;
    constexpr qsizetype kNames = 6;
    QStringList items;
    for (rbac::PolicyRule rule : rules.first(qMin(rules.size(), kRules))) {
        QStringList &names = rule.isResourceRule() ? rule.resources : rule.nonResourceURLs;
        const qsizetype hidden = names.size() - kNames;
        if (hidden > 0)
            names = names.first(kNames);
        QString item = rbac::describeRule(rule);
        if (hidden > 0)
            item.insert(item.lastIndexOf(u": "_s), DetailsPane::tr(" and %n more", nullptr, int(hidden)));
        items.append(item);
    }
    QString text = items.join(u"; "_s);
    if (rules.size() > kRules)
        text += DetailsPane::tr("; and %n more", nullptr, int(rules.size() - kRules));
    return text;
}

// Which answer "Can do" shows, and what the server said of it: nothing is claimed before the server has answered
// for the resolution shown.
QString crossCheckHtml(const ServiceAccount &account, const Permissions &permissions,
                       const Permissions::AccountPermissions &answer)
{
    using State = Permissions::CrossCheck::State;
    const QString &ns = account.meta.ns;
    const Permissions::CrossCheck check = permissions.crossChecked(ns, account.meta.name);
    const QString review = DetailsPane::tr("SelfSubjectRulesReview as the account in %1").arg(ns);
    QString text;
    switch (check.state) {
    case State::NotAsked:
        text = DetailsPane::tr("Resolved from the cluster's roles and bindings; not checked with the server.");
        break;
    case State::Asking:
        text = DetailsPane::tr("Resolved from the cluster's roles and bindings; checking with the server (%1)…")
                   .arg(review);
        break;
    case State::Refused:
        text = DetailsPane::tr("Resolved from the cluster's roles and bindings. Not checked with the server: %1")
                   .arg(check.server.message);
        break;
    case State::Compared:
        if (check.comparison.agrees()) {
            text =
                DetailsPane::tr("Resolved from the cluster's roles and bindings; the server agrees (%1).").arg(review);
        } else {
            QStringList differences;
            if (!check.comparison.onlyServer.isEmpty())
                differences.append(DetailsPane::tr("it also allows %1").arg(rulesList(check.comparison.onlyServer)));
            if (!check.comparison.onlyResolved.isEmpty())
                differences.append(
                    DetailsPane::tr("it does not allow %1").arg(rulesList(check.comparison.onlyResolved)));
            text = DetailsPane::tr("⚠ The server's answer differs (%1): %2. Shown below: what the cluster's roles "
                                   "and bindings grant.")
                       .arg(review, differences.join(u"; "_s));
        }
        if (check.server.incomplete)
            text += u' '
                + (check.server.message.isEmpty()
                       ? DetailsPane::tr("The server says its answer is incomplete.")
                       : DetailsPane::tr("The server says its answer is incomplete: %1").arg(check.server.message));
        else if (!check.server.message.isEmpty())
            text += u' ' + DetailsPane::tr("The server reported: %1").arg(check.server.message);
        break;
    }
    QString html = u"<p><i>"_s + escaped(text) + u"</i>"_s;
    // A review covers one namespace: say which, when the account may do things in others too.
    QStringList others;
    for (const rbac::Grant &grant : answer.grants) {
        if (!grant.roleMissing && !grant.scope.isEmpty() && grant.scope != ns && !others.contains(grant.scope))
            others.append(grant.scope);
    }
    if (check.state != State::NotAsked && !others.isEmpty()) {
        others.sort();
        html += u"<br><small>"_s
            + escaped(DetailsPane::tr("The server was asked about %1 only, where the account's pods run; what it may "
                                      "do in %2 is not checked with the server.")
                          .arg(ns, others.join(u", "_s)))
            + u"</small>"_s;
    }
    return html + u"</p>"_s;
}

} // namespace

QString permissionsSection(const ServiceAccount &account, const Permissions &permissions, qsizetype limit)
{
    QString html = u"<h4>"_s + DetailsPane::tr("Can do") + u"</h4>"_s;
    const QStringList refused = permissions.refusedSources();
    if (!refused.isEmpty()) {
        // Bindings resolved from part of the lists would say less than the account has: the server's answer instead.
        html += u"<p><i>"_s
            + escaped(DetailsPane::tr("cannot check from the bindings: %1 are not readable").arg(refused.join(u", "_s)))
            + u"</i></p>"_s;
        return html + serverRulesHtml(account, permissions.serverRules(account.meta.ns, account.meta.name));
    }
    if (permissions.isLoading())
        html += u"<p><i>"_s + escaped(DetailsPane::tr("cannot check yet: roles and bindings still loading"))
            + u"</i></p>"_s;
    const Permissions::AccountPermissions answer = permissions.ofAccount(account.meta.ns, account.meta.name);
    if (!permissions.isLoading())
        html += crossCheckHtml(account, permissions, answer);

    // The worst three with why; the rest by name (cluster-admin holds all seventeen).
    QStringList risks;
    QStringList more;
    for (const rbac::Risk &risk : answer.risks) {
        if (risks.size() < 3)
            risks.append(riskLine(risk));
        else
            more.append(risk.title);
    }
    if (!more.isEmpty())
        risks.append(escaped(DetailsPane::tr("and %n more: %1", nullptr, int(more.size())).arg(more.join(u", "_s))));
    if (!risks.isEmpty())
        html += u"<p>"_s + risks.join(u"<br>"_s) + u"</p>"_s;

    // The chains, numbered once, so that each permission can say which grant it: [1], [2].
    QStringList chains;
    QStringList chainLines;
    const auto chainNumber = [&](const rbac::Grant &grant) {
        const QString chain = grant.chain();
        qsizetype index = chains.indexOf(chain);
        if (index < 0) {
            index = chains.size();
            chains.append(chain);
            QString line = u"["_s + QString::number(index + 1) + u"] "_s + escaped(chain);
            const QString revoke =
                grant.viaGroup.isEmpty() ? DetailsPane::tr("revoke") : DetailsPane::tr("revoke for the whole group…");
            line += u" · <a href=\"revoke:"_s + escaped(bindingLink(grant))
                + (grant.viaGroup.isEmpty() ? QString() : QString(u"?group="_s + escaped(grant.viaGroup))) + u"\">"_s
                + escaped(revoke) + u"</a>"_s;
            chainLines.append(line);
        }
        return index + 1;
    };

    QList<rbac::Grant> own;
    QStringList basics;
    for (const rbac::Grant &grant : answer.grants) {
        if (!isEveryonesBasics(grant))
            own.append(grant);
        else if (!basics.contains(grant.roleName))
            basics.append(grant.roleName);
    }
    // Lines, not a table: QTextDocument lays out a table of a hundred rows (an aggregated role such as edit) in
    // tens of milliseconds, a paragraph of lines in a few.
    QString lines;
    std::optional<QString> scope;
    const QList<rbac::ResourcePermission> grouped = rbac::groupByResource(own);
    qsizetype shown = 0;
    for (const rbac::ResourcePermission &permission : grouped) {
        if (limit > 0 && shown == limit) {
            // Numbered still, so that every chain keeps its revoke link.
            for (const rbac::Grant &grant : permission.grants)
                chainNumber(grant);
            continue;
        }
        ++shown;
        if (!scope || *scope != permission.scope) {
            if (scope)
                lines += u"</p>"_s;
            scope = permission.scope;
            lines += u"<p><i>"_s
                + escaped(scope->isEmpty() ? DetailsPane::tr("Cluster-wide") : DetailsPane::tr("In %1").arg(*scope))
                + u"</i>"_s;
        }
        QList<int> numbers;
        for (const rbac::Grant &grant : permission.grants) {
            const int number = chainNumber(grant);
            if (!numbers.contains(number))
                numbers.append(number);
        }
        std::ranges::sort(numbers);
        QStringList references;
        for (const int number : std::as_const(numbers))
            references.append(u'[' + QString::number(number) + u']');
        lines += u"<br>&nbsp;&nbsp;<b>"_s + escaped(resourceText(permission)) + u"</b>: "_s
            + escaped(permission.verbs.join(u", "_s)) + u" <small>"_s + references.join(u' ') + u"</small>"_s;
    }
    for (const rbac::Grant &grant : answer.grants) {
        if (grant.roleMissing)
            chainNumber(grant);
    }
    if (lines.isEmpty())
        html +=
            u"<p><i>"_s + escaped(DetailsPane::tr("nothing beyond what every service account may do")) + u"</i></p>"_s;
    else
        html += lines + u"</p>"_s;
    if (shown < grouped.size())
        html += u"<p>"_s + escaped(DetailsPane::tr("… and %n more", nullptr, int(grouped.size() - shown)))
            + u" · <a href=\"details:all-permissions\">"_s + escaped(DetailsPane::tr("show all")) + u"</a></p>"_s;
    if (!basics.isEmpty()) {
        basics.sort();
        html += u"<p><small>"_s
            + escaped(DetailsPane::tr("Like every service account: API discovery and reviews of itself (%1).")
                          .arg(basics.join(u", "_s)))
            + u"</small></p>"_s;
    }
    if (!chainLines.isEmpty())
        html += u"<p><small>"_s + chainLines.join(u"<br>"_s) + u"</small></p>"_s;
    return html;
}

QString unknownSourcesText(const SourceStates &states, std::initializer_list<Source> sources)
{
    QStringList refused;
    QStringList loading;
    for (const Source source : sources) {
        if (states.of(source) == SourceStates::State::Refused)
            refused.append(sourceName(source));
        else if (states.of(source) == SourceStates::State::Loading)
            loading.append(sourceName(source));
    }
    QStringList reasons;
    if (!refused.isEmpty())
        reasons.append(DetailsPane::tr("cannot check: %1 are not readable").arg(refused.join(u", "_s)));
    if (!loading.isEmpty())
        reasons.append(DetailsPane::tr("cannot check yet: %1 still loading").arg(loading.join(u", "_s)));
    return reasons.join(u"; "_s);
}

QString serviceAccountDetailsHtml(const ServiceAccount &account, const ServiceAccountUsage &usage,
                                  const SourceStates &states, const Permissions *permissions, qsizetype permissionLimit)
{
    QString html = u"<h3>"_s + escaped(account.meta.name) + u"</h3>"_s;
    // The common actions, as links (the details pane is text), named by their actions' object names.
    QStringList links;
    for (const auto &[action, text] : {std::pair {u"issueToken"_s, DetailsPane::tr("Issue token")},
                                       std::pair {u"pullSecrets"_s, DetailsPane::tr("Pull secrets")},
                                       std::pair {u"newTokenSecret"_s, DetailsPane::tr("Token secret")},
                                       std::pair {u"automount"_s, DetailsPane::tr("Automount")},
                                       std::pair {u"identityAnnotations"_s, DetailsPane::tr("Cloud identity")},
                                       std::pair {u"grantAccess"_s, DetailsPane::tr("Grant access")},
                                       std::pair {u"canIt"_s, DetailsPane::tr("Can it…?")}})
        links.append(u"<a href=\"action:"_s + action + u"\">"_s + escaped(text) + u"</a>"_s);
    html += u"<p>"_s + links.join(u" · "_s) + u"</p><table>"_s;
    html += row(DetailsPane::tr("Namespace"), escaped(account.meta.ns));
    html += row(DetailsPane::tr("Created"), created(account.meta));
    const QString automount = !account.automountServiceAccountToken ? DetailsPane::tr("default (on)")
        : *account.automountServiceAccountToken                     ? DetailsPane::tr("on")
                                                                    : DetailsPane::tr("off");
    html += row(DetailsPane::tr("Automount token"), escaped(automount));
    html += row(DetailsPane::tr("Labels"), mapText(account.meta.labels));
    html += row(DetailsPane::tr("Annotations"), mapText(account.meta.annotations));
    html += u"</table>"_s;
    html += identitySection(account);
    // Whether a pull secret exists, or which token secrets there are, can only be told when secrets may be listed.
    const QString secretsUnknown = unknownSourcesText(states, {Source::Secrets});
    html += pullSecretsSection(account, usage, secretsUnknown);
    html += tokenSecretsSection(account, usage, secretsUnknown);
    html += usedBySection(account, usage, states);
    html += bindingsSection(account, usage, states);
    if (permissions)
        html += permissionsSection(account, *permissions, permissionLimit);
    return html;
}

QString secretDetailsHtml(const SecretMeta &secret, const QStringList *keyNames, const ServiceAccountUsage &usage,
                          const SourceStates &states)
{
    QString html = u"<h3>"_s + escaped(secret.meta.name) + u"</h3>"_s;
    html += u"<p><a href=\"reveal:"_s + escaped(secret.meta.key()) + u"\">"_s + DetailsPane::tr("Reveal values…")
        + u"</a> · <a href=\"yaml:Secret/"_s + escaped(secret.meta.key()) + u"\">YAML</a></p><table>"_s;
    html += row(DetailsPane::tr("Namespace"), escaped(secret.meta.ns));
    html += row(DetailsPane::tr("Type"),
                escaped(SecretModel::typeLabel(secret.type)) + u" <small>("_s + escaped(secret.type) + u")</small>"_s);
    // Key names only come with the values, so they are read when the user asks, and the values dropped at once.
    html +=
        row(DetailsPane::tr("Keys"),
            keyNames ? escaped(keyNames->join(u", "_s))
                     : QString(QString::number(secret.keyCount) + u" — <a href=\"keys:"_s + escaped(secret.meta.key())
                               + u"\">"_s + DetailsPane::tr("show names") + u"</a>"_s));
    html += row(DetailsPane::tr("Created"), created(secret.meta));
    html += row(DetailsPane::tr("Labels"), mapText(secret.meta.labels));
    html += u"</table><h4>"_s + DetailsPane::tr("Referenced by service accounts") + u"</h4>"_s;
    QStringList references;
    for (const ServiceAccountUsage::Reference &reference : usage.referencesTo(secret))
        references.append(
            escaped(reference.account)
            + (reference.pullSecret ? DetailsPane::tr(" (image pull secret)") : DetailsPane::tr(" (token)")));
    const QString unknown = unknownSourcesText(states, {Source::ServiceAccounts});
    if (!unknown.isEmpty())
        references.append(u"<i>"_s + escaped(unknown) + u"</i>"_s);
    html += listOrNone(references, DetailsPane::tr("none"));
    return html;
}

DetailsPane::DetailsPane(ServiceAccountUsage *usage, QWidget *parent)
    : QTextBrowser(parent)
    , m_usage(usage)
{
    setObjectName(u"details"_s);
    setAccessibleName(tr("Details"));
    setOpenLinks(false);
    setPlaceholderText(tr("Select a service account or a secret to see its details."));
    applyPalette();
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(100);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &DetailsPane::rebuild);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        if (link.scheme() == "details"_L1 && link.path() == "all-permissions"_L1 && !m_allPermissions) {
            m_allPermissions = true;
            const int scroll = verticalScrollBar()->value();
            rebuild();
            verticalScrollBar()->setValue(scroll);
        }
    });
    connect(usage, &ServiceAccountUsage::changed, this, &DetailsPane::onChanged);
    connect(usage, &ServiceAccountUsage::reset, this, &DetailsPane::scheduleRebuild);
}

void DetailsPane::showAccount(const QString &ns, const QString &name)
{
    show(Shown::Account, ns, name);
}

void DetailsPane::showSecret(const QString &ns, const QString &name)
{
    show(Shown::Secret, ns, name);
}

void DetailsPane::showNothing()
{
    show(Shown::Nothing, {}, {});
}

void DetailsPane::show(Shown kind, const QString &ns, const QString &name)
{
    // The same object again (selection and current item change together): nothing to do unless a rebuild is due.
    if (kind == m_shown && ns == m_ns && name == m_name && !m_rebuildTimer.isActive())
        return;
    if (kind != m_shown || ns != m_ns || name != m_name)
        m_allPermissions = false;
    m_shown = kind;
    m_ns = ns;
    m_name = name;
    m_key = ServiceAccountUsage::keyOf(ns, name);
    rebuild();
}

void DetailsPane::setSecretKeys(const QString &key, const QStringList &names)
{
    m_secretKeys.insert(key, names);
    if (m_shown == Shown::Secret && m_key == key)
        scheduleRebuild();
}

void DetailsPane::forgetSecretKeys()
{
    m_secretKeys.clear();
}

void DetailsPane::setPermissions(Permissions *permissions)
{
    if (m_permissions)
        m_permissions->disconnect(this);
    m_permissions = permissions;
    if (permissions) {
        // Any role or binding may change what the account shown may do.
        connect(permissions, &Permissions::changed, this, [this] {
            if (m_shown == Shown::Account)
                scheduleRebuild();
        });
        connect(permissions, &Permissions::serverAnswered, this, [this](const QString &ns, const QString &name) {
            if (m_shown == Shown::Account && ns == m_ns && name == m_name)
                scheduleRebuild();
        });
    }
    scheduleRebuild();
}

void DetailsPane::applyPalette()
{
    // Labels and links in colours made for this palette (the HTML parser would take the link colour from the
    // application's palette, and `palette(mid)` is unreadable on a light base already).
    const QPalette colours = palette();
    document()->setDefaultStyleSheet(
        u".label { color: %1; } a { color: %2; }"_s.arg(secondaryTextColor(colours).name(), linkColor(colours).name()));
}

void DetailsPane::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        if (m_shown != Shown::Nothing)
            rebuild(); // the style sheet applies when the HTML is parsed
    }
}

QMenu *DetailsPane::createContextMenu(const QPoint &position)
{
    // Qt's menu takes the position in the document: the viewport's, scrolled.
    QMenu *menu =
        createStandardContextMenu(position + QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()));
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator() && action->icon().isNull())
            action->setIcon(icons::forAction(action->objectName()));
    }
    return menu;
}

void DetailsPane::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu(event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void DetailsPane::scheduleRebuild()
{
    m_rebuildTimer.start();
}

void DetailsPane::onChanged(const QStringList &accounts, const QStringList &secrets)
{
    if ((m_shown == Shown::Account && accounts.contains(m_key))
        || (m_shown == Shown::Secret && secrets.contains(m_key)))
        scheduleRebuild();
}

void DetailsPane::rebuild()
{
    m_rebuildTimer.stop();
    ++m_rebuilds;
    if (!m_usage || m_shown == Shown::Nothing) {
        clear();
        return;
    }
    const SourceStates states = m_usage->sourceStates();
    if (m_shown == Shown::Account) {
        if (m_permissions && !m_permissions->refusedSources().isEmpty())
            m_permissions->askServer(m_ns, m_name);
        else if (m_permissions)
            m_permissions->crossCheck(m_ns, m_name);
        if (const auto account = m_usage->account(m_ns, m_name))
            setHtml(serviceAccountDetailsHtml(*account, *m_usage, states, m_permissions,
                                              m_allPermissions ? 0 : kShownPermissions));
    } else if (const auto secret = m_usage->secret(m_ns, m_name)) {
        const auto keys = m_secretKeys.constFind(m_key);
        setHtml(secretDetailsHtml(*secret, keys != m_secretKeys.cend() ? &*keys : nullptr, *m_usage, states));
    }
}

} // namespace sa
