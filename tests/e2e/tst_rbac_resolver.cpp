// The client-side RBAC resolver (app/core/rbac) against kube-sim's authorizer: seeded random RBAC setups, each
// checked on a grid of requests answered both by RbacIndex (fed from what kube-sim lists) and by kube-sim's
// SubjectAccessReview; then a few answers of the real `kubectl auth can-i` and `kubectl auth can-i --list`.
// SA_RBAC_SEED=N runs only setup N (to reproduce a failure); SA_RBAC_SETUPS=N changes how many run.

#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "SimHttp.h"
#include "rbac/Rbac.h"
#include "rbac/Risks.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace sa::rbac;

namespace {

const QString kRbacPath = u"/apis/rbac.authorization.k8s.io/v1/"_s;
const QString kPropLabel = u"rbac-prop"_s;

struct Request
{
    QByteArray verb;
    QString path;
    QByteArray body;
};

struct Check
{
    Identity identity;
    bool resource = true;
    ResourceRequest request;
    QString pathVerb;
    QString path;

    [[nodiscard]] QString describe() const
    {
        const QString who = identity.user + u" [" + identity.groups.join(u", "_s) + u']';
        if (!resource)
            return who + u' ' + pathVerb + u' ' + path;
        return who + u' ' + request.verb + u' ' + request.resource
            + (request.subresource.isEmpty() ? QString() : u'/' + request.subresource) + u'.' + request.apiGroup
            + u" ns=" + request.ns + u" name=" + request.name;
    }
};

// A seeded random RBAC setup, as API objects.
class SetupGenerator
{
public:
    explicit SetupGenerator(quint32 seed)
        : m_random(seed)
    { }

    QList<std::pair<QString, QJsonObject>> objects() // (collection path, object)
    {
        QList<std::pair<QString, QJsonObject>> out;
        const int clusterRoles = 1 + bounded(3);
        for (int i = 0; i < clusterRoles; ++i) {
            QJsonObject labels {{kPropLabel, "1"_L1}};
            if (chance(50))
                labels.insert("agg"_L1, pick({u"a"_s, u"b"_s}));
            if (chance(8))
                labels.insert("rbac.authorization.k8s.io/aggregate-to-view"_L1, "true"_L1);
            m_clusterRoles.append(u"cr"_s + QString::number(i));
            out.append({kRbacPath + u"clusterroles"_s,
                        {{"metadata"_L1, QJsonObject {{"name"_L1, m_clusterRoles.last()}, {"labels"_L1, labels}}},
                         {"rules"_L1, rules(true)}}});
        }
        if (chance(50)) {
            QJsonObject selector;
            const int form = bounded(10);
            if (form < 5)
                selector.insert("matchLabels"_L1, QJsonObject {{"agg"_L1, pick({u"a"_s, u"b"_s})}});
            else if (form < 7)
                selector.insert("matchExpressions"_L1,
                                QJsonArray {QJsonObject {{"key"_L1, "agg"_L1}, {"operator"_L1, "Exists"_L1}}});
            else if (form < 9)
                selector.insert("matchExpressions"_L1,
                                QJsonArray {QJsonObject {{"key"_L1, "agg"_L1},
                                                         {"operator"_L1, "In"_L1},
                                                         {"values"_L1, QJsonArray {"a"_L1, "c"_L1}}}});
            else // every ClusterRole without agg=a, cluster-admin and the bootstrap aggregated ones included
                selector.insert("matchExpressions"_L1,
                                QJsonArray {QJsonObject {{"key"_L1, "agg"_L1},
                                                         {"operator"_L1, "NotIn"_L1},
                                                         {"values"_L1, QJsonArray {"a"_L1}}}});
            m_clusterRoles.append(u"agg"_s);
            QJsonObject role {
                {"metadata"_L1, QJsonObject {{"name"_L1, u"agg"_s}, {"labels"_L1, QJsonObject {{kPropLabel, "1"_L1}}}}},
                {"aggregationRule"_L1, QJsonObject {{"clusterRoleSelectors"_L1, QJsonArray {selector}}}}};
            if (chance(30)) // stale stored rules, which must not count
                role.insert("rules"_L1, rules(false));
            out.append({kRbacPath + u"clusterroles"_s, role});
        }
        for (const QString &ns : {u"n1"_s, u"n2"_s}) {
            if (!chance(70))
                continue;
            m_roles.append({ns, u"r"_s});
            out.append(
                {kRbacPath + u"namespaces/"_s + ns + u"/roles"_s,
                 {{"metadata"_L1,
                   QJsonObject {
                       {"name"_L1, u"r"_s}, {"namespace"_L1, ns}, {"labels"_L1, QJsonObject {{kPropLabel, "1"_L1}}}}},
                  {"rules"_L1, rules(false)}}});
        }
        const int roleBindings = 1 + bounded(4);
        for (int i = 0; i < roleBindings; ++i) {
            const QString ns = pick({u"n1"_s, u"n2"_s});
            QJsonObject roleRef;
            if (chance(30))
                roleRef = {{"kind"_L1, "Role"_L1}, {"name"_L1, chance(80) ? u"r"_s : u"missing"_s}};
            else
                roleRef = {{"kind"_L1, "ClusterRole"_L1}, {"name"_L1, clusterRoleName()}};
            roleRef.insert("apiGroup"_L1, "rbac.authorization.k8s.io"_L1);
            out.append({kRbacPath + u"namespaces/"_s + ns + u"/rolebindings"_s,
                        {{"metadata"_L1,
                          QJsonObject {{"name"_L1, QString(u"rb"_s + QString::number(i))},
                                       {"namespace"_L1, ns},
                                       {"labels"_L1, QJsonObject {{kPropLabel, "1"_L1}}}}},
                         {"roleRef"_L1, roleRef},
                         {"subjects"_L1, subjects(true)}}});
        }
        const int clusterBindings = bounded(3);
        for (int i = 0; i < clusterBindings; ++i) {
            out.append({kRbacPath + u"clusterrolebindings"_s,
                        {{"metadata"_L1,
                          QJsonObject {{"name"_L1, QString(u"crb"_s + QString::number(i))},
                                       {"labels"_L1, QJsonObject {{kPropLabel, "1"_L1}}}}},
                         {"roleRef"_L1,
                          QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                                       {"kind"_L1, "ClusterRole"_L1},
                                       {"name"_L1, clusterRoleName()}}},
                         {"subjects"_L1, subjects(false)}}});
        }
        return out;
    }

    QList<Check> checks(const QList<Identity> &identities)
    {
        QList<Check> out;
        struct Target
        {
            QString group, resource, subresource;
        };
        const QList<Target> targets {
            {u""_s, u"pods"_s, {}},       {u""_s, u"secrets"_s, {}},     {u"apps"_s, u"deployments"_s, {}},
            {u""_s, u"pods"_s, u"log"_s}, {u""_s, u"pods"_s, u"exec"_s}, {u"apps"_s, u"deployments"_s, u"scale"_s},
            {u""_s, u"configmaps"_s, {}}, {u""_s, u"nodes"_s, {}},       {u"batch"_s, u"jobs"_s, {}},
        };
        for (const Identity &identity : identities) {
            for (int i = 0; i < 4; ++i) {
                Check check;
                check.identity = identity;
                if (i == 3) {
                    check.resource = false;
                    check.pathVerb = pick({u"get"_s, u"post"_s});
                    check.path =
                        pick({u"/healthz"_s, u"/api/v1"_s, u"/logs"_s, u"/logs/x"_s, u"/metrics"_s, u"/version"_s});
                } else {
                    const Target &target = targets[bounded(int(targets.size()))];
                    check.request = {pick({u"get"_s, u"list"_s, u"create"_s, u"update"_s, u"delete"_s, u"watch"_s}),
                                     target.group,
                                     target.resource,
                                     target.subresource,
                                     pick({u"n1"_s, u"n2"_s, u""_s, u"n1"_s}),
                                     pick({u""_s, u"x"_s, u"y"_s})};
                }
                out.append(check);
            }
        }
        return out;
    }

private:
    int bounded(int n) { return int(m_random.bounded(n)); }
    bool chance(int percent) { return bounded(100) < percent; }
    QString pick(const QStringList &values) { return values[bounded(int(values.size()))]; }
    QStringList some(const QStringList &values, int max)
    {
        QStringList out;
        const int count = 1 + bounded(max);
        for (int i = 0; i < count; ++i) {
            const QString value = pick(values);
            if (!out.contains(value))
                out.append(value);
        }
        return out;
    }

    QString clusterRoleName()
    {
        const int choice = bounded(10);
        if (choice < 6 && !m_clusterRoles.isEmpty())
            return m_clusterRoles[bounded(int(m_clusterRoles.size()))];
        if (choice < 9)
            return pick({u"view"_s, u"edit"_s, u"admin"_s});
        return u"missing"_s;
    }

    QJsonArray rules(bool clusterRole)
    {
        QJsonArray out;
        const int count = 1 + bounded(3);
        for (int i = 0; i < count; ++i) {
            QJsonObject rule {
                {"verbs"_L1,
                 QJsonArray::fromStringList(some(
                     {u"get"_s, u"list"_s, u"create"_s, u"update"_s, u"delete"_s, u"*"_s, u"watch"_s, u"post"_s}, 3))}};
            if (clusterRole && chance(20)) {
                rule.insert("nonResourceURLs"_L1,
                            QJsonArray::fromStringList(some(
                                {u"/healthz"_s, u"/api/*"_s, u"*"_s, u"/logs"_s, u"/logs/*"_s, u"/metrics"_s}, 2)));
            } else {
                rule.insert("apiGroups"_L1,
                            QJsonArray::fromStringList(some({u""_s, u"apps"_s, u"*"_s, u"batch"_s}, 2)));
                rule.insert("resources"_L1,
                            QJsonArray::fromStringList(some(
                                {u"pods"_s, u"secrets"_s, u"deployments"_s, u"pods/log"_s, u"pods/exec"_s, u"*/scale"_s,
                                 u"deployments/scale"_s, u"*"_s, u"configmaps"_s, u"nodes"_s, u"jobs"_s, u"pods/*"_s},
                                3)));
                // resourceNames need a single resource (the apiserver refuses them with several).
                if (chance(25)) {
                    rule.insert("resources"_L1,
                                QJsonArray {pick({u"pods"_s, u"secrets"_s, u"deployments"_s, u"pods/exec"_s,
                                                  u"*/scale"_s, u"*"_s})});
                    rule.insert("resourceNames"_L1, QJsonArray::fromStringList(some({u"x"_s, u"z"_s}, 2)));
                }
            }
            out.append(rule);
        }
        return out;
    }

    QJsonArray subjects(bool namespaced)
    {
        QJsonArray out;
        const int count = 1 + bounded(3);
        for (int i = 0; i < count; ++i) {
            const int kind = bounded(10);
            if (kind < 4) {
                QJsonObject subject {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, pick({u"a"_s, u"b"_s})}};
                // A RoleBinding's subject may leave the namespace out (the binding's own).
                if (!namespaced || chance(50))
                    subject.insert("namespace"_L1, pick({u"n1"_s, u"n2"_s}));
                out.append(subject);
            } else if (kind < 6) {
                out.append(QJsonObject {{"kind"_L1, "User"_L1},
                                        {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                                        {"name"_L1, pick({u"alice"_s, u"bob"_s, u"system:serviceaccount:n1:b"_s})}});
            } else {
                out.append(QJsonObject {{"kind"_L1, "Group"_L1},
                                        {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                                        {"name"_L1,
                                         pick({u"devs"_s, u"system:serviceaccounts"_s, u"system:serviceaccounts:n1"_s,
                                               u"system:serviceaccounts:n2"_s, u"system:authenticated"_s})}});
            }
        }
        return out;
    }

    QRandomGenerator m_random;
    QStringList m_clusterRoles;
    QList<std::pair<QString, QString>> m_roles;
};

QJsonObject reviewBody(const Check &check)
{
    QJsonObject spec {{"user"_L1, check.identity.user},
                      {"groups"_L1, QJsonArray::fromStringList(check.identity.groups)}};
    if (check.resource) {
        spec.insert("resourceAttributes"_L1,
                    QJsonObject {{"namespace"_L1, check.request.ns},
                                 {"verb"_L1, check.request.verb},
                                 {"group"_L1, check.request.apiGroup},
                                 {"resource"_L1, check.request.resource},
                                 {"subresource"_L1, check.request.subresource},
                                 {"name"_L1, check.request.name}});
    } else {
        spec.insert("nonResourceAttributes"_L1, QJsonObject {{"path"_L1, check.path}, {"verb"_L1, check.pathVerb}});
    }
    return {{"apiVersion"_L1, "authorization.k8s.io/v1"_L1}, {"kind"_L1, "SubjectAccessReview"_L1}, {"spec"_L1, spec}};
}

} // namespace

class TestRbacResolver : public QObject
{
    Q_OBJECT

private:
    // Sends the requests concurrently (QNAM keeps several connections) and returns the answers in order.
    QList<HttpResult> sendAll(const QList<Request> &requests)
    {
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (const Request &request : requests) {
            QNetworkRequest req(QUrl(m_sim->url() + request.path));
            req.setSslConfiguration(m_tls);
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            req.setRawHeader("Accept", "application/json");
            replies.emplace_back(m_network.sendCustomRequest(req, request.verb, request.body));
        }
        QList<HttpResult> results;
        for (const auto &reply : replies) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply.get(), &QNetworkReply::finished);
                if (!finished.wait(20000)) {
                    results.append({0, QNetworkReply::TimeoutError, {}, {}, {}});
                    continue;
                }
            }
            results.append({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                            reply->error(),
                            {},
                            reply->readAll(),
                            {}});
        }
        return results;
    }

    // Lists the four RBAC collections into a fresh index and, as differences from what it held, an incremental one.
    bool feed(RbacIndex &index, RbacIndex *incremental = nullptr, QHash<QString, QJsonObject> *previous = nullptr)
    {
        const QList<std::pair<QString, RbacIndex::Kind>> collections {
            {u"clusterroles"_s, RbacIndex::Kind::ClusterRole},
            {u"roles"_s, RbacIndex::Kind::Role},
            {u"rolebindings"_s, RbacIndex::Kind::RoleBinding},
            {u"clusterrolebindings"_s, RbacIndex::Kind::ClusterRoleBinding},
        };
        QList<Request> lists;
        for (const auto &collection : collections)
            lists.append({"GET", kRbacPath + collection.first, {}});
        const QList<HttpResult> results = sendAll(lists);
        QHash<QString, QJsonObject> current;
        for (qsizetype i = 0; i < collections.size(); ++i) {
            if (results[i].code != 200)
                return false;
            for (const QJsonValue &item : results[i].json().value("items"_L1).toArray()) {
                const QJsonObject object = item.toObject();
                const QJsonObject metadata = object.value("metadata"_L1).toObject();
                const QString key = QString::number(int(collections[i].second)) + u'|'
                    + metadata.value("namespace"_L1).toString() + u'/' + metadata.value("name"_L1).toString();
                current.insert(key, object);
                index.apply(collections[i].second, object);
                if (incremental && previous->value(key) != object)
                    incremental->apply(collections[i].second, object);
            }
        }
        if (incremental) {
            for (auto it = previous->cbegin(); it != previous->cend(); ++it) {
                if (!current.contains(it.key()))
                    incremental->apply(RbacIndex::Kind(it.key().section(u'|', 0, 0).toInt()), *it, true);
            }
            *previous = current;
        }
        return true;
    }

    bool deleteSetup()
    {
        const QString selector = u"?labelSelector="_s + kPropLabel + u"%3D1"_s;
        QList<Request> deletes;
        for (const QString &collection : {u"clusterroles"_s, u"clusterrolebindings"_s})
            deletes.append({"DELETE", kRbacPath + collection + selector, {}});
        for (const QString &ns : {u"n1"_s, u"n2"_s}) {
            for (const QString &collection : {u"roles"_s, u"rolebindings"_s})
                deletes.append({"DELETE", kRbacPath + u"namespaces/"_s + ns + u'/' + collection + selector, {}});
        }
        const QList<HttpResult> results = sendAll(deletes);
        return std::ranges::all_of(results, [](const HttpResult &result) { return result.code == 200; });
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        m_tls = m_sim->adminTls();
        for (const QString &ns : {u"n1"_s, u"n2"_s}) {
            const HttpResult created =
                m_http->send("POST", u"/api/v1/namespaces"_s,
                             QJsonDocument(QJsonObject {{"metadata"_L1, QJsonObject {{"name"_L1, ns}}}}).toJson());
            QCOMPARE(created.code, 201);
        }
    }

    void randomSetupsAgreeWithSubjectAccessReview()
    {
        const QList<Identity> identities {
            Identity::serviceAccount(u"n1"_s, u"a"_s),
            Identity::serviceAccount(u"n1"_s, u"b"_s),
            Identity::serviceAccount(u"n2"_s, u"a"_s),
            Identity {u"alice"_s, {u"devs"_s, u"system:authenticated"_s}},
            Identity {u"bob"_s, {}},
        };
        quint32 first = 1;
        quint32 count =
            qEnvironmentVariableIsSet("SA_RBAC_SETUPS") ? qEnvironmentVariableIntValue("SA_RBAC_SETUPS") : 200;
        if (qEnvironmentVariableIsSet("SA_RBAC_SEED")) {
            first = quint32(qEnvironmentVariableIntValue("SA_RBAC_SEED"));
            count = 1;
        }
        RbacIndex incremental;
        QHash<QString, QJsonObject> previous;
        int checks = 0;
        int allowed = 0;
        int rejected = 0;
        int risky = 0; // identities with a risk, over all setups
        qint64 createMs = 0;
        qint64 feedMs = 0;
        qint64 reviewMs = 0;
        qint64 deleteMs = 0;
        QElapsedTimer timer;
        timer.start();
        for (quint32 seed = first; seed < first + count; ++seed) {
            SetupGenerator generator(seed);
            QList<Request> creates;
            for (const auto &[path, object] : generator.objects())
                creates.append({"POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact)});
            QElapsedTimer phase;
            phase.start();
            const QList<HttpResult> created = sendAll(creates);
            createMs += phase.restart();
            for (const HttpResult &result : created) {
                // The server may refuse an object (validation); it then is simply not part of the setup.
                QVERIFY2(result.code == 201 || result.code == 422,
                         qPrintable(u"seed "_s + QString::number(seed) + u": "_s + QString::fromUtf8(result.body)));
                if (result.code == 422 && qEnvironmentVariableIsSet("SA_RBAC_VERBOSE"))
                    qInfo("refused: %s", result.body.constData());
                rejected += result.code == 422;
            }
            RbacIndex fresh;
            QVERIFY(feed(fresh, &incremental, &previous));
            feedMs += phase.restart();
            // The risk column's per-binding answer is the whole answer's, on both indexes.
            for (const Identity &identity : identities) {
                const Severity whole = highestSeverity(risksOf(identity, fresh.effectivePermissions(identity)));
                QCOMPARE(SeverityCache().severityOf(fresh, identity), whole);
                QCOMPARE(SeverityCache().severityOf(incremental, identity), whole);
                risky += whole != Severity::None;
            }
            const QList<Check> grid = generator.checks(identities);
            QList<Request> reviews;
            for (const Check &check : grid)
                reviews.append({"POST", u"/apis/authorization.k8s.io/v1/subjectaccessreviews"_s,
                                QJsonDocument(reviewBody(check)).toJson(QJsonDocument::Compact)});
            const QList<HttpResult> answers = sendAll(reviews);
            reviewMs += phase.restart();
            for (qsizetype i = 0; i < grid.size(); ++i) {
                const Check &check = grid[i];
                QVERIFY2(answers[i].code == 201, qPrintable(QString::fromUtf8(answers[i].body)));
                const QJsonObject status = answers[i].json().value("status"_L1).toObject();
                const bool server = status.value("allowed"_L1).toBool();
                for (const RbacIndex *index : {&fresh, &incremental}) {
                    const Decision ours = check.resource ? index->allows(check.identity, check.request)
                                                         : index->allows(check.identity, check.pathVerb, check.path);
                    const QString where = u"seed "_s + QString::number(seed) + u" ("_s
                        + (index == &fresh ? u"fresh"_s : u"incremental"_s) + u" index): "_s + check.describe()
                        + u": server "_s + (server ? u"allows"_s : u"denies"_s) + u" ("_s
                        + status.value("reason"_L1).toString() + u"), resolver "_s
                        + (ours.allowed ? u"allows"_s : u"denies"_s)
                        + (ours.grants.isEmpty() ? QString() : u" by "_s + ours.grants.first().chain());
                    QVERIFY2(ours.allowed == server, qPrintable(where));
                    if (!server) {
                        // Denied with the missing roles of the requester's bindings as evaluation errors.
                        const bool serverMissing = status.value("reason"_L1).toString().contains("not found"_L1);
                        QVERIFY2(serverMissing == !ours.missingRoles.isEmpty(), qPrintable(where));
                    } else {
                        QVERIFY2(ours.superuser || !ours.grants.isEmpty(), qPrintable(where));
                    }
                }
                if (check.resource) {
                    // Who can, asked the other way round, names a subject that stands for this identity.
                    const QList<SubjectAccess> who = fresh.whoCan(check.request);
                    const bool named = std::ranges::any_of(who, [&](const SubjectAccess &access) {
                        const sa::Subject &subject = access.subject;
                        if (subject.kind == "User"_L1)
                            return subject.name == check.identity.user;
                        if (subject.kind == "Group"_L1)
                            return check.identity.groups.contains(subject.name);
                        return check.identity.user == u"system:serviceaccount:"_s + subject.ns + u':' + subject.name;
                    });
                    QVERIFY2(named == server,
                             qPrintable(u"seed "_s + QString::number(seed) + u" who can: "_s + check.describe()));
                }
                ++checks;
                allowed += server;
            }
            phase.restart();
            QVERIFY(deleteSetup());
            deleteMs += phase.elapsed();
        }
        qInfo("%d setups, %d checks (%d allowed), %d objects refused by validation, in %lld ms (create %lld, list "
              "and index %lld, reviews %lld, delete %lld)",
              int(count), checks, allowed, rejected, timer.elapsed(), createMs, feedMs, reviewMs, deleteMs);
        QVERIFY(allowed > checks / 20); // the grid is not trivially all "no"
        QVERIFY(risky > 0); // the severity comparison is not trivially all "none"
    }

    // The real kubectl's answers for service accounts, on a fixed setup, against the resolver.
    void kubectlAgrees()
    {
        const QString kubectl = Kubectl::executable();
        if (kubectl.isEmpty())
            QSKIP("kubectl is not on PATH");
        const auto post = [&](const QString &path, const QJsonObject &object) {
            const HttpResult result = m_http->send("POST", path, QJsonDocument(object).toJson());
            QVERIFY2(result.code == 201, result.body.constData());
        };
        const QJsonObject labels {{kPropLabel, "1"_L1}};
        post(kRbacPath + u"namespaces/n1/roles"_s,
             {{"metadata"_L1, QJsonObject {{"name"_L1, "cm"_L1}, {"labels"_L1, labels}}},
              {"rules"_L1,
               QJsonArray {QJsonObject {{"verbs"_L1, QJsonArray {"get"_L1, "list"_L1}},
                                        {"apiGroups"_L1, QJsonArray {""_L1}},
                                        {"resources"_L1, QJsonArray {"configmaps"_L1}},
                                        {"resourceNames"_L1, QJsonArray {"settings"_L1}}}}}});
        const auto bind = [&](const QString &name, const QString &kind, const QString &role,
                              const QJsonArray &subjects) {
            post(kRbacPath + u"namespaces/n1/rolebindings"_s,
                 {{"metadata"_L1, QJsonObject {{"name"_L1, name}, {"labels"_L1, labels}}},
                  {"roleRef"_L1,
                   QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, kind}, {"name"_L1, role}}},
                  {"subjects"_L1, subjects}});
        };
        bind(u"edit"_s, u"ClusterRole"_s, u"edit"_s,
             {QJsonObject {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, "deployer"_L1}}});
        bind(u"cm"_s, u"Role"_s, u"cm"_s,
             {QJsonObject {{"kind"_L1, "Group"_L1}, {"name"_L1, "system:serviceaccounts:n1"_L1}}});
        bind(u"gone"_s, u"ClusterRole"_s, u"does-not-exist"_s,
             {QJsonObject {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, "deployer"_L1}}});

        RbacIndex index;
        QVERIFY(feed(index));
        const Kubectl tool(*m_sim);
        struct Question
        {
            QString account; // n1 account
            QString verb, resource, ns;
        };
        const QList<Question> questions {
            {u"deployer"_s, u"create"_s, u"deployments.apps"_s, u"n1"_s},
            {u"deployer"_s, u"create"_s, u"deployments.apps"_s, u"n2"_s},
            {u"deployer"_s, u"get"_s, u"secrets"_s, u"n1"_s},
            {u"deployer"_s, u"create"_s, u"pods/exec"_s, u"n1"_s},
            {u"deployer"_s, u"create"_s, u"rolebindings.rbac.authorization.k8s.io"_s, u"n1"_s},
            {u"other"_s, u"get"_s, u"configmaps/settings"_s, u"n1"_s},
            {u"other"_s, u"get"_s, u"configmaps/other"_s, u"n1"_s},
            {u"other"_s, u"list"_s, u"pods"_s, u"n1"_s},
        };
        for (const Question &question : questions) {
            const CommandResult result =
                tool.run({u"auth"_s, u"can-i"_s, question.verb, question.resource, u"-n"_s, question.ns,
                          u"--as=system:serviceaccount:n1:"_s + question.account});
            QVERIFY2(result.exitCode == 0 || result.exitCode == 1, qPrintable(result.err));
            const bool kubectlYes = result.out.trimmed() == "yes"_L1;
            // TYPE[.GROUP][/NAME] or RESOURCE/SUBRESOURCE as kubectl takes them (here: known shapes only).
            QString resource = question.resource;
            QString name;
            QString subresource;
            if (const qsizetype slash = resource.indexOf(u'/'); slash >= 0) {
                (resource.startsWith("pods"_L1) ? subresource : name) = resource.mid(slash + 1);
                resource = resource.left(slash);
            }
            const qsizetype dot = resource.indexOf(u'.');
            const QString group = dot < 0 ? QString() : resource.mid(dot + 1);
            resource = dot < 0 ? resource : resource.left(dot);
            const Decision ours = index.allows(Identity::serviceAccount(u"n1"_s, question.account), question.verb,
                                               group, resource, subresource, question.ns, name);
            QVERIFY2(ours.allowed == kubectlYes,
                     qPrintable(question.account + u' ' + question.verb + u' ' + question.resource + u": kubectl "_s
                                + result.out.trimmed()));
        }

        // kubectl auth can-i --list: every row it prints is allowed by the resolver, and every resource the
        // resolver grants in the namespace is a row.
        for (const QString &account : {u"deployer"_s, u"other"_s}) {
            const Identity identity = Identity::serviceAccount(u"n1"_s, account);
            const CommandResult result = tool.run(
                {u"auth"_s, u"can-i"_s, u"--list"_s, u"-n"_s, u"n1"_s, u"--as=system:serviceaccount:n1:"_s + account});
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
            QVERIFY(lines.size() > 2);
            static const QRegularExpression row(uR"(^(\S*)\s+\[(.*)\]\s+\[(.*)\]\s+\[(.*)\]\s*$)"_s);
            QSet<QString> kubectlResources;
            for (const QString &line : lines.mid(1)) {
                const QRegularExpressionMatch match = row.match(line);
                QVERIFY2(match.hasMatch(), qPrintable(line));
                const QStringList verbs = match.captured(4).split(u' ', Qt::SkipEmptyParts);
                const QStringList names = match.captured(3).split(u' ', Qt::SkipEmptyParts);
                const QString resourceColumn = match.captured(1);
                if (resourceColumn.isEmpty()) {
                    for (const QString &url : match.captured(2).split(u' ', Qt::SkipEmptyParts)) {
                        const QString path = url.endsWith(u'*') ? url.chopped(1) + u"x"_s : url;
                        for (const QString &verb : verbs)
                            QVERIFY2(index.allows(identity, verb, path).allowed, qPrintable(line));
                    }
                    continue;
                }
                kubectlResources.insert(resourceColumn);
                // RESOURCE[.GROUP][/SUBRESOURCE]
                const qsizetype slash = resourceColumn.indexOf(u'/');
                const QString typed = slash < 0 ? resourceColumn : resourceColumn.left(slash);
                const QString subresource = slash < 0 ? QString() : resourceColumn.mid(slash + 1);
                const qsizetype dot = typed.indexOf(u'.');
                const QString resource = dot < 0 ? typed : typed.left(dot);
                const QString group = dot < 0 ? QString() : typed.mid(dot + 1);
                if (resource == "*"_L1 || group == "*"_L1 || subresource == "*"_L1)
                    continue; // wildcard rows: nothing concrete to ask
                for (const QString &verb : verbs) {
                    if (verb == "*"_L1)
                        continue;
                    QVERIFY2(
                        index.allows(identity, verb, group, resource, subresource, u"n1"_s, names.value(0)).allowed,
                        qPrintable(account + u": "_s + line));
                }
            }
            QSet<QString> ours;
            for (const Grant &grant : index.effectivePermissions(identity)) {
                if (grant.roleMissing || (!grant.scope.isEmpty() && grant.scope != "n1"_L1))
                    continue;
                for (const QString &group : grant.rule.apiGroups) {
                    for (const QString &resource : grant.rule.resources) {
                        const qsizetype slash = resource.indexOf(u'/');
                        QString key = slash < 0 ? resource : resource.left(slash);
                        if (!group.isEmpty())
                            key += u'.' + group;
                        if (slash >= 0)
                            key += resource.mid(slash);
                        ours.insert(key);
                    }
                }
            }
            QCOMPARE(kubectlResources, ours);
        }
        QVERIFY(deleteSetup());
    }

    void cleanupTestCase()
    {
        m_http.reset();
        if (m_sim)
            QCOMPARE(m_sim->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRbacResolver)
#include "tst_rbac_resolver.moc"
