// The permission dialogs (Grant access, Can it…?, Who can…?) offscreen against kube-sim's demo cluster: what they
// preview and answer is compared with the server's own answers (SubjectAccessReview, the real kubectl), and what
// they change is checked on the server. Each test starts a kube-sim of its own.

#include "Accessibility.h"
#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "Screenshot.h"
#include "SimClient.h"
#include "SimHttp.h"
#include "ToolTips.h"

#include "CanItDialog.h"
#include "GrantAccessDialog.h"
#include "PermissionInputs.h"
#include "RevokeDialog.h"
#include "WhoCanDialog.h"
#include "api/KubeClient.h"
#include "api/Operations.h"
#include "rbac/Rbac.h"

#include <QApplication>
#include <QComboBox>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Chooses the item whose text starts with `prefix`; false when there is none.
bool choose(QComboBox *combo, const QString &prefix)
{
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemText(i).startsWith(prefix)) {
            combo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

} // namespace

class TestPermissionDialogs : public QObject
{
    Q_OBJECT

private:
    QJsonObject get(const QString &path) const { return m_http->send("GET", path).json(); }

    // The index as the window's informers would hold it: every Role, ClusterRole and binding, as listed.
    std::unique_ptr<rbac::RbacIndex> loadIndex() const
    {
        auto index = std::make_unique<rbac::RbacIndex>();
        const QList<std::pair<QString, rbac::RbacIndex::Kind>> lists {
            {u"clusterroles"_s, rbac::RbacIndex::Kind::ClusterRole},
            {u"roles"_s, rbac::RbacIndex::Kind::Role},
            {u"clusterrolebindings"_s, rbac::RbacIndex::Kind::ClusterRoleBinding},
            {u"rolebindings"_s, rbac::RbacIndex::Kind::RoleBinding},
        };
        for (const auto &[resource, kind] : lists) {
            const HttpResult list = m_http->send("GET", u"/apis/rbac.authorization.k8s.io/v1/"_s + resource);
            if (list.code != 200)
                qFatal("listing %s failed: %d", qPrintable(resource), list.code);
            for (const QJsonValue &item : list.json()[u"items"].toArray())
                index->apply(kind, item.toObject());
        }
        return index;
    }

    QStringList namespaces() const
    {
        QStringList names;
        for (const QJsonValue &item : get(u"/api/v1/namespaces"_s)[u"items"].toArray())
            names.append(item[u"metadata"][u"name"].toString());
        return names;
    }

    QList<rbac::AccountRef> accounts() const
    {
        QList<rbac::AccountRef> refs;
        for (const QJsonValue &item : get(u"/api/v1/serviceaccounts"_s)[u"items"].toArray())
            refs.append({item[u"metadata"][u"namespace"].toString(), item[u"metadata"][u"name"].toString()});
        return refs;
    }

    // `kubectl auth can-i ... --as=system:serviceaccount:NS:NAME`: "yes" or "no".
    QString canI(const QString &account, const QStringList &question) const
    {
        const CommandResult run = Kubectl(*m_sim).run(QStringList {u"auth"_s, u"can-i"_s} + question
                                                      + QStringList {u"--as=system:serviceaccount:"_s + account});
        return run.out.trimmed();
    }

    QJsonArray subjectsOf(const QString &ns, const QString &binding) const
    {
        return get(u"/apis/rbac.authorization.k8s.io/v1/namespaces/"_s + ns + u"/rolebindings/"_s
                   + binding)[u"subjects"]
            .toArray();
    }

    std::unique_ptr<GrantAccessDialog> openGrant(const rbac::RbacIndex *index, const QString &ns, const QString &name,
                                                 KubeClient *client = nullptr)
    {
        auto dialog =
            std::make_unique<GrantAccessDialog>(client ? client : m_client.get(), index, ns, name, namespaces());
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qWarning("the dialog was not exposed");
        return dialog;
    }

    static QComboBox *combo(QWidget *dialog, const char *name)
    {
        return dialog->findChild<QComboBox *>(QString::fromLatin1(name));
    }

    // Chooses where and what to grant in an open GrantAccessDialog.
    static bool chooseGrant(GrantAccessDialog *dialog, const QString &where, const QString &ns, const QString &role)
    {
        if (!choose(combo(dialog, "scope"), where))
            return false;
        if (!ns.isEmpty() && !choose(combo(dialog, "namespace"), ns))
            return false;
        return choose(combo(dialog, "role"), role + u" ("_s);
    }

    // The subjects a Who can…? dialog lists, as "ns/name" (or the name of a user or group).
    static QStringList subjectsListed(WhoCanDialog &dialog)
    {
        QStringList subjects;
        QStandardItemModel *model = dialog.model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString ns = model->item(row, WhoCanDialog::NamespaceColumn)->text();
            const QString name = model->item(row, WhoCanDialog::SubjectColumn)->text();
            subjects.append(ns.isEmpty() ? name : ns + u'/' + name);
        }
        return subjects;
    }

    static QStringList items(QComboBox *box)
    {
        QStringList texts;
        for (int i = 0; i < box->count(); ++i)
            texts.append(box->itemText(i));
        return texts;
    }

    // Creates `object` at `path` on the server; false when it is refused.
    bool create(const QString &path, const QJsonObject &object) const
    {
        const HttpResult result = m_http->send("POST", path, json(object));
        if (result.code != 201)
            qWarning("creating at %s: %d %s", qPrintable(path), result.code, result.body.constData());
        return result.code == 201;
    }

    // A Role (ns set) or ClusterRole with one rule, and a binding of it to a service account of `bindingNs`.
    bool grant(const QString &ns, const QString &role, const QJsonArray &resources, const QJsonArray &verbs,
               const QString &bindingNs, const QString &account) const
    {
        const QString rbac = u"/apis/rbac.authorization.k8s.io/v1/"_s;
        const QJsonObject roleObject {
            {"metadata"_L1, QJsonObject {{"name"_L1, role}}},
            {"rules"_L1,
             QJsonArray {QJsonObject {
                 {"apiGroups"_L1, QJsonArray {""_L1}}, {"resources"_L1, resources}, {"verbs"_L1, verbs}}}}};
        if (!create(rbac + (ns.isEmpty() ? u"clusterroles"_s : u"namespaces/"_s + ns + u"/roles"_s), roleObject))
            return false;
        const QJsonObject binding {
            {"metadata"_L1, QJsonObject {{"name"_L1, QString(account + u'-' + role)}}},
            {"roleRef"_L1,
             QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                          {"kind"_L1, ns.isEmpty() ? "ClusterRole"_L1 : "Role"_L1},
                          {"name"_L1, role}}},
            {"subjects"_L1,
             QJsonArray {
                 QJsonObject {{"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, account}, {"namespace"_L1, bindingNs}}}}};
        return create(rbac + u"namespaces/"_s + bindingNs + u"/rolebindings"_s, binding);
    }

    static QString preview(QWidget *dialog) { return dialog->findChild<QPlainTextEdit *>(u"preview"_s)->toPlainText(); }
    static QString risks(QWidget *dialog) { return dialog->findChild<QLabel *>(u"risks"_s)->text(); }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<KubeClient> m_client;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!Kubectl::executable().isEmpty(), "kubectl must be on PATH"); }

    // A fresh demo cluster for every test: none depends on what another one granted.
    void init()
    {
        m_client.reset();
        m_http.reset();
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        QString error;
        m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
        QVERIFY2(m_client, qPrintable(error));
    }

    void cleanup()
    {
        m_client.reset();
        m_http.reset();
        m_sim.reset();
    }

    // Granting view in payments to an account of ci: kubectl then says it may list pods there, and not in ci.
    void grantViewInAnotherNamespace()
    {
        const QString account = u"ci:monitoring-deployer"_s;
        QCOMPARE(canI(account, {u"list"_s, u"pods"_s, u"-n"_s, u"payments"_s}), u"no"_s);
        const auto index = loadIndex();
        const auto dialog = openGrant(index.get(), u"ci"_s, u"monitoring-deployer"_s);
        QCOMPARE(dialog->windowTitle(), u"Grant access to ci/monitoring-deployer"_s);
        QVERIFY(unnamedControls(dialog.get()).isEmpty());
        // Safe defaults: its own namespace, no role chosen, nothing to apply yet.
        QCOMPARE(combo(dialog.get(), "scope")->currentIndex(), 0);
        QCOMPARE(combo(dialog.get(), "role")->currentIndex(), -1);
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isEnabled());

        QVERIFY(chooseGrant(dialog.get(), u"In another"_s, u"payments"_s, u"view"_s));
        QCOMPARE(combo(dialog.get(), "binding")->currentIndex(), 0); // a new binding
        QCOMPARE(dialog->findChild<QLineEdit *>(u"bindingName"_s)->text(), u"monitoring-deployer-view"_s);
        QVERIFY2(preview(dialog.get()).startsWith(u"In namespace payments:"_s), qPrintable(preview(dialog.get())));
        QVERIFY2(preview(dialog.get()).contains(u"  pods: get, list, watch"_s), qPrintable(preview(dialog.get())));
        QVERIFY(!preview(dialog.get()).contains(u"secrets"_s)); // view does not read secrets
        SA_VERIFY_LABELS_SPOKEN(dialog.get());

        QPushButton *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        const QJsonArray subjects = subjectsOf(u"payments"_s, u"monitoring-deployer-view"_s);
        QCOMPARE(subjects.size(), 1);
        QCOMPARE(subjects[0][u"namespace"].toString(), u"ci"_s);
        QCOMPARE(canI(account, {u"list"_s, u"pods"_s, u"-n"_s, u"payments"_s}), u"yes"_s);
        QCOMPARE(canI(account, {u"list"_s, u"pods"_s, u"-n"_s, u"ci"_s}), u"no"_s);
    }

    // Adding to an existing binding of the role keeps the subjects it had.
    void addToExistingBinding()
    {
        const auto index = loadIndex();
        const auto dialog = openGrant(index.get(), u"payments"_s, u"payments-worker"_s);
        QVERIFY(chooseGrant(dialog.get(), u"In payments"_s, {}, u"view"_s));
        QComboBox *binding = combo(dialog.get(), "binding");
        QCOMPARE(binding->count(), 2);
        QCOMPARE(binding->itemText(1), u"Add to payments-batch-view (1 subject)"_s);
        binding->setCurrentIndex(1);
        QVERIFY(!dialog->findChild<QLineEdit *>(u"bindingName"_s)->isEnabled());
        QCOMPARE(dialog->binding().name, u"payments-batch-view"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        const QJsonArray subjects = subjectsOf(u"payments"_s, u"payments-batch-view"_s);
        QStringList names;
        for (const QJsonValue &subject : subjects)
            names.append(subject[u"namespace"].toString() + u'/' + subject[u"name"].toString());
        QCOMPARE(names, (QStringList {u"payments/payments-batch"_s, u"payments/payments-worker"_s}));
        QCOMPARE(canI(u"payments:payments-worker"_s, {u"list"_s, u"pods"_s, u"-n"_s, u"payments"_s}), u"yes"_s);
    }

    void grantAndRevokeFaults_data()
    {
        QTest::addColumn<QString>("dialog"); // grant or revoke
        QTest::addColumn<int>("code"); // of its write: creating the binding, deleting it
        QTest::addColumn<QString>("outcome"); // what the dialog says about it

        QTest::newRow("grant 403") << u"grant"_s << 403 << u"Access was not granted."_s;
        QTest::newRow("grant 500") << u"grant"_s << 500
                                   << u"Access may have been granted: the account's bindings show whether it was."_s;
        QTest::newRow("revoke 403") << u"revoke"_s << 403 << u"Access was not revoked."_s;
        QTest::newRow("revoke 500") << u"revoke"_s << 500
                                    << u"Access may have been revoked: the account's bindings show whether it was."_s;
    }

    // Granting (a new binding) or revoking (the binding's only subject: it is deleted) meets a refusal or a 500: the
    // dialog quotes the server and says whether access changed, the binding is as it was, and once the fault is over
    // the same dialog does it.
    void grantAndRevokeFaults()
    {
        QFETCH(QString, dialog);
        QFETCH(int, code);
        QFETCH(QString, outcome);
        const bool grant = dialog == "grant"_L1;
        const QString bindings = u"/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings"_s;
        const QString binding = grant ? u"payments-worker-view"_s : u"payments-batch-view"_s;
        const auto bound = [&] { return subjectsOf(u"payments"_s, binding).size() == 1; };
        QCOMPARE(bound(), !grant);
        const QString message = code == 500 ? u"Internal error occurred: injected fault (kube-sim)"_s
                                            : u"rolebindings is forbidden: injected for %1"_s.arg(dialog);
        QJsonObject rule {{"path"_L1, QString(u'^' + bindings + (grant ? u"$"_s : u'/' + binding + u'$'))},
                          {"method"_L1, grant ? "POST"_L1 : "DELETE"_L1},
                          {"code"_L1, code}};
        if (code != 500)
            rule.insert("message"_L1, message);
        QCOMPARE(
            m_http->send("PUT", u"/kube-sim/v1/faults"_s, json(QJsonObject {{"errors"_L1, QJsonArray {rule}}})).code,
            200);
        const auto index = loadIndex();
        std::unique_ptr<ActionDialog> shown;
        if (grant) {
            auto granting = openGrant(index.get(), u"payments"_s, u"payments-worker"_s);
            QVERIFY(chooseGrant(granting.get(), u"In payments"_s, {}, u"view"_s));
            shown = std::move(granting);
        } else {
            const std::optional<RoleBinding> existing = RoleBinding::fromJson(get(bindings + u'/' + binding));
            QVERIFY(existing);
            shown = std::make_unique<RevokeDialog>(m_client.get(), *existing,
                                                   Subject {u"ServiceAccount"_s, u"payments-batch"_s, u"payments"_s},
                                                   u"payments/payments-batch"_s);
            shown->show();
            QVERIFY(QTest::qWaitForWindowExposed(shown.get()));
        }
        auto *ok = shown->findChild<QPushButton *>(u"okButton"_s);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!shown->isBusy(), 10000);
        const QString error = shown->errorText();
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.endsWith(u' ' + outcome), qPrintable(error));
        QVERIFY(shown->isVisible());
        QCOMPARE(bound(), !grant);
        // The fault over, the same dialog does it.
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!shown->isVisible(), 10000);
        QCOMPARE(shown->result(), int(QDialog::Accepted));
        QCOMPARE(bound(), grant);
    }

    // The preview: what a role adds and its risks; nothing for a role already held; the binding name checked.
    void preview()
    {
        const auto index = loadIndex();
        const auto dialog = openGrant(index.get(), u"ci"_s, u"monitoring-deployer"_s);

        // edit where it has nothing: adds, with risks (secrets, workloads).
        QVERIFY(chooseGrant(dialog.get(), u"In another"_s, u"payments"_s, u"edit"_s));
        QVERIFY2(preview(dialog.get()).contains(u"  secrets: "_s), qPrintable(preview(dialog.get())));
        QVERIFY2(risks(dialog.get()).startsWith(u"Critical — Impersonate"_s), qPrintable(risks(dialog.get())));
        QVERIFY2(risks(dialog.get()).contains(u"High — Read secrets"_s), qPrintable(risks(dialog.get())));
        saveScreenshot(dialog.get(), u"dialog-grant-access"_s);

        // edit where it already has it: nothing.
        QVERIFY(choose(combo(dialog.get(), "namespace"), u"monitoring"_s));
        QCOMPARE(preview(dialog.get()), u"Adds nothing monitoring-deployer does not already have."_s);
        QVERIFY(risks(dialog.get()).isEmpty());

        // cluster-admin cluster-wide: everything, critical.
        QVERIFY(chooseGrant(dialog.get(), u"Cluster-wide"_s, {}, u"cluster-admin"_s));
        QCOMPARE(preview(dialog.get()),
                 u"Cluster-wide:\n  every resource in every API group: every verb\n"
                 "  every non-resource URL: every verb"_s);
        QVERIFY2(risks(dialog.get()).contains(u"Critical — "_s), qPrintable(risks(dialog.get())));
        // Only ClusterRoles can be bound cluster-wide.
        QComboBox *role = combo(dialog.get(), "role");
        for (int i = 0; i < role->count(); ++i)
            QVERIFY2(role->itemText(i).endsWith(u"(ClusterRole)"_s), qPrintable(role->itemText(i)));
        saveScreenshot(dialog.get(), u"dialog-grant-access-cluster-admin"_s);

        // The Roles of the chosen namespace are offered there.
        QVERIFY(chooseGrant(dialog.get(), u"In another"_s, u"data-platform"_s, u"secret-reader"_s));
        QCOMPARE(role->currentText(), u"secret-reader (Role in data-platform)"_s);
        QVERIFY2(preview(dialog.get()).contains(u"secrets: get, list, watch"_s), qPrintable(preview(dialog.get())));

        // The name: a DNS-1123 subdomain, and not a binding of another role.
        QVERIFY(chooseGrant(dialog.get(), u"In another"_s, u"payments"_s, u"view"_s));
        QLineEdit *name = dialog->findChild<QLineEdit *>(u"bindingName"_s);
        QPushButton *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        QVERIFY(ok->isEnabled());
        name->clear();
        QTest::keyClicks(name, u"Bad_Name"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog->errorText().startsWith(u"The binding name is not valid"_s), qPrintable(dialog->errorText()));
        name->clear();
        QTest::keyClicks(name, u"payments-worker-queue"_s);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog->errorText(),
                 u"payments-worker-queue is already the name of a binding that grants Role "
                 "queue-consumer: choose another name."_s);
        name->clear();
        QTest::keyClicks(name, u"monitoring-deployer-view"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog->errorText().isEmpty());
    }

    // Without the roles and bindings: no preview pretends to know, the server still decides.
    void grantWithoutIndex()
    {
        const auto dialog = openGrant(nullptr, u"ci"_s, u"monitoring-deployer"_s);
        QVERIFY(chooseGrant(dialog.get(), u"In ci"_s, {}, u"view"_s));
        QVERIFY2(preview(dialog.get()).startsWith(u"Cannot check"_s), qPrintable(preview(dialog.get())));
        QCOMPARE(combo(dialog.get(), "binding")->count(), 1);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(subjectsOf(u"ci"_s, u"monitoring-deployer-view"_s).size(), 1);
    }

    // A user who may write bindings but lacks `bind` cannot grant cluster-admin: the server's sentence shows and
    // nothing is created.
    void escalationRefused()
    {
        const QString ns = u"payments"_s;
        const QString rbacPath = u"/apis/rbac.authorization.k8s.io/v1/namespaces/"_s + ns;
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                            json({{"metadata"_L1, QJsonObject {{"name"_L1, "rbac-helper"_L1}}}}))
                     .code,
                 201);
        const QJsonObject writer {
            {"metadata"_L1, QJsonObject {{"name"_L1, "rbac-writer"_L1}}},
            {"rules"_L1,
             QJsonArray {
                 QJsonObject {{"apiGroups"_L1, QJsonArray {"rbac.authorization.k8s.io"_L1}},
                              {"resources"_L1, QJsonArray {"rolebindings"_L1, "roles"_L1}},
                              {"verbs"_L1, QJsonArray {"get"_L1, "list"_L1, "create"_L1, "update"_L1, "patch"_L1}}}}}};
        QCOMPARE(m_http->send("POST", rbacPath + u"/roles"_s, json(writer)).code, 201);
        const auto bind = [&](const QString &name, const QString &roleKind, const QString &role) {
            const QJsonObject binding {
                {"metadata"_L1, QJsonObject {{"name"_L1, name}}},
                {"roleRef"_L1,
                 QJsonObject {
                     {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"kind"_L1, roleKind}, {"name"_L1, role}}},
                {"subjects"_L1,
                 QJsonArray {QJsonObject {
                     {"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, "rbac-helper"_L1}, {"namespace"_L1, ns}}}}};
            return m_http->send("POST", rbacPath + u"/rolebindings"_s, json(binding)).code;
        };
        QCOMPARE(bind(u"rbac-helper-edit"_s, u"ClusterRole"_s, u"edit"_s), 201);
        QCOMPARE(bind(u"rbac-helper-rbac"_s, u"Role"_s, u"rbac-writer"_s), 201);
        const HttpResult token =
            m_http->send("POST", u"/api/v1/namespaces/payments/serviceaccounts/rbac-helper/token"_s,
                         json({{"apiVersion"_L1, "authentication.k8s.io/v1"_L1},
                               {"kind"_L1, "TokenRequest"_L1},
                               {"spec"_L1, QJsonObject {{"expirationSeconds"_L1, 3600}}}}));
        QCOMPARE(token.code, 201);
        const QByteArray bearer = token.json()[u"status"][u"token"].toString().toLatin1();
        QVERIFY(!bearer.isEmpty());
        QString error;
        const std::unique_ptr<KubeClient> limited =
            clientForKubeconfig(Kubectl(*m_sim).tokenKubeconfig(u"rbac-helper.kubeconfig"_s, bearer), &error);
        QVERIFY2(limited, qPrintable(error));

        const auto index = loadIndex();
        const auto dialog = openGrant(index.get(), ns, u"payments-worker"_s, limited.get());
        QVERIFY(chooseGrant(dialog.get(), u"In payments"_s, {}, u"cluster-admin"_s));
        QCOMPARE(dialog->findChild<QLineEdit *>(u"bindingName"_s)->text(), u"payments-worker-cluster-admin"_s);
        QVERIFY2(risks(dialog.get()).contains(u"Critical"_s), qPrintable(risks(dialog.get())));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorText().contains(u"user \"system:serviceaccount:payments:rbac-helper\""_s),
                 qPrintable(dialog->errorText()));
        QVERIFY2(dialog->errorText().contains(u"is attempting to grant RBAC permissions not currently held:"_s),
                 qPrintable(dialog->errorText()));
        QVERIFY2(dialog->errorText().contains(u"{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}"_s),
                 qPrintable(dialog->errorText()));
        QCOMPARE(dialog->findChild<QLabel *>(u"errorLabel"_s)->textFormat(), Qt::PlainText);
        saveScreenshot(dialog.get(), u"dialog-grant-access-refused"_s);
        QCOMPARE(m_http->send("GET", rbacPath + u"/rolebindings/payments-worker-cluster-admin"_s).code, 404);
        QCOMPARE(canI(u"payments:payments-worker"_s, {u"delete"_s, u"nodes"_s}), u"no"_s);
    }

    void canItAgrees_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("subresource");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("chain");
        QTest::newRow("edit in its namespace")
            << u"ci/monitoring-deployer"_s << u"create"_s << u"deployments.apps"_s << u"monitoring"_s << QString()
            << true << u"RoleBinding monitoring/monitoring-deployer-edit → ClusterRole edit"_s;
        QTest::newRow("not elsewhere") << u"ci/monitoring-deployer"_s << u"create"_s << u"deployments.apps"_s
                                       << u"payments"_s << QString() << false << QString();
        QTest::newRow("cluster-admin") << u"monitoring/prometheus-operator"_s << u"delete"_s << u"nodes"_s << QString()
                                       << QString() << true
                                       << u"ClusterRoleBinding prometheus-operator → ClusterRole cluster-admin"_s;
        QTest::newRow("through a group")
            << u"data-platform/notebook"_s << u"get"_s << u"secrets"_s << u"data-platform"_s << QString() << true
            << u"Group system:serviceaccounts:data-platform → RoleBinding data-platform/all-accounts-read-secrets → "
               "Role secret-reader"_s;
        QTest::newRow("subresource") << u"ci/monitoring-deployer"_s << u"create"_s << u"pods"_s << u"monitoring"_s
                                     << u"exec"_s << true << QString();
        QTest::newRow("missing role") << u"payments/payments-worker"_s << u"list"_s << u"pods"_s << u"payments"_s
                                      << QString() << false << QString();
    }

    // Can it…?: the server's SubjectAccessReview and the resolver agree, each with its explanation.
    void canItAgrees()
    {
        QFETCH(QString, account);
        QFETCH(QString, verb);
        QFETCH(QString, resource);
        QFETCH(QString, ns);
        QFETCH(QString, subresource);
        QFETCH(bool, allowed);
        QFETCH(QString, chain);
        const auto index = loadIndex();
        const QStringList parts = account.split(u'/');
        CanItDialog dialog(m_client.get(), index.get(), parts[0], parts[1], namespaces(), commonApiResources());
        dialog.show();
        QVERIFY(unnamedControls(&dialog).isEmpty());
        dialog.setQuestion(verb, resource, ns, {}, subresource);
        QSignalSpy checked(&dialog, &CanItDialog::checked);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"checkButton"_s), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.serverAllowed(), std::optional<bool>(allowed));
        QCOMPARE(dialog.resolverAllowed(), std::optional<bool>(allowed));
        const QString server = dialog.findChild<QLabel *>(u"serverAnswer"_s)->text();
        const QString resolver = dialog.findChild<QLabel *>(u"resolverAnswer"_s)->text();
        QVERIFY2(server.startsWith(allowed ? u"Allowed."_s : u"Denied."_s), qPrintable(server));
        QVERIFY2(resolver.startsWith(allowed ? u"Allowed, by:"_s : u"Denied: no binding grants it."_s),
                 qPrintable(resolver));
        QVERIFY2(resolver.contains(chain), qPrintable(resolver));
        QCOMPARE(dialog.findChild<QLabel *>(u"verdict"_s)->text(), u"The server and SA Admin agree."_s);
        if (QTest::currentDataTag() == QByteArrayLiteral("missing role"))
            QVERIFY2(resolver.contains(u"RoleBinding payments/payments-worker-queue → Role queue-consumer"_s),
                     qPrintable(resolver));
        SA_VERIFY_LABELS_SPOKEN(&dialog);
        if (QTest::currentDataTag() == QByteArrayLiteral("through a group"))
            saveScreenshot(&dialog, u"dialog-can-it"_s);
    }

    // When the cached bindings are out of date, the two answers differ and the dialog says so.
    void canItDisagrees()
    {
        const auto index = loadIndex();
        // The server learns of a binding the index has not seen.
        const QJsonObject binding {
            {"metadata"_L1, QJsonObject {{"name"_L1, "late"_L1}}},
            {"roleRef"_L1,
             QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                          {"kind"_L1, "ClusterRole"_L1},
                          {"name"_L1, "view"_L1}}},
            {"subjects"_L1,
             QJsonArray {QJsonObject {
                 {"kind"_L1, "ServiceAccount"_L1}, {"name"_L1, "deployer"_L1}, {"namespace"_L1, "ci"_L1}}}}};
        QCOMPARE(m_http->send("POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/ci/rolebindings"_s, json(binding))
                     .code,
                 201);
        CanItDialog dialog(m_client.get(), index.get(), u"ci"_s, u"deployer"_s, namespaces(), commonApiResources());
        dialog.show();
        dialog.setQuestion(u"list"_s, u"pods"_s, u"ci"_s);
        QSignalSpy checked(&dialog, &CanItDialog::checked);
        dialog.check();
        QVERIFY(checked.wait(10000));
        QCOMPARE(dialog.serverAllowed(), std::optional<bool>(true));
        QCOMPARE(dialog.resolverAllowed(), std::optional<bool>(false));
        QVERIFY2(dialog.findChild<QLabel *>(u"verdict"_s)->text().startsWith(u"They disagree"_s),
                 qPrintable(dialog.findChild<QLabel *>(u"verdict"_s)->text()));

        // Without an index only the server answers, and nothing is compared.
        CanItDialog blind(m_client.get(), nullptr, u"ci"_s, u"deployer"_s, namespaces(), commonApiResources());
        blind.show();
        blind.setQuestion(u"list"_s, u"pods"_s, u"ci"_s);
        QSignalSpy blindChecked(&blind, &CanItDialog::checked);
        blind.check();
        QVERIFY(blindChecked.wait(10000));
        QCOMPARE(blind.serverAllowed(), std::optional<bool>(true));
        QVERIFY(!blind.resolverAllowed());
        QVERIFY(blind.findChild<QLabel *>(u"resolverAnswer"_s)->text().startsWith(u"Cannot check"_s));
        QVERIFY(blind.findChild<QLabel *>(u"verdict"_s)->isHidden());
    }

    // Who can get secrets in data-platform: its accounts through the group binding, the operator through
    // cluster-admin, each with its chain and risk.
    void whoCanReadSecrets()
    {
        const auto index = loadIndex();
        WhoCanDialog dialog(index.get(), accounts(), namespaces(), commonApiResources());
        dialog.show();
        QVERIFY(unnamedControls(&dialog).isEmpty());
        dialog.setQuestion(u"get"_s, u"secrets"_s, u"data-platform"_s, u"warehouse-credentials"_s);
        QCOMPARE(dialog.windowTitle(), u"Who can read data-platform/warehouse-credentials?"_s);
        QStandardItemModel *model = dialog.model();
        QHash<QString, QStringList> rows; // "Kind ns/name" → via, risk
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto text = [&](int column) { return model->item(row, column)->text(); };
            rows.insert(text(WhoCanDialog::KindColumn) + u' ' + text(WhoCanDialog::NamespaceColumn) + u'/'
                            + text(WhoCanDialog::SubjectColumn),
                        {text(WhoCanDialog::ViaColumn), text(WhoCanDialog::RiskColumn)});
        }
        const QString group = u"Group system:serviceaccounts:data-platform → RoleBinding "
                              "data-platform/all-accounts-read-secrets → Role secret-reader"_s;
        for (const QString &name : {u"etl-runner"_s, u"notebook"_s, u"postgres"_s, u"default"_s}) {
            const QString key = u"ServiceAccount data-platform/"_s + name;
            QVERIFY2(rows.contains(key), qPrintable(rows.keys().join(u", "_s)));
            QVERIFY2(rows[key][0].contains(group), qPrintable(rows[key][0]));
        }
        QVERIFY(rows.contains(u"ServiceAccount monitoring/prometheus-operator"_s));
        QCOMPARE(
            rows[u"ServiceAccount monitoring/prometheus-operator"_s],
            (QStringList {u"ClusterRoleBinding prometheus-operator → ClusterRole cluster-admin"_s, u"Critical"_s}));
        QVERIFY(rows.contains(u"Group /system:serviceaccounts:data-platform"_s));
        QVERIFY(rows.contains(u"ServiceAccount data-platform/etl-runner"_s));
        QVERIFY(!rows.contains(u"ServiceAccount ci/monitoring-deployer"_s));
        QVERIFY(!rows.contains(u"ServiceAccount payments/payments-worker"_s));
        const QString summary = dialog.findChild<QLabel *>(u"summary"_s)->text();
        QVERIFY2(summary.contains(u"can get secrets named warehouse-credentials in data-platform:"_s),
                 qPrintable(summary));
        SA_VERIFY_LABELS_SPOKEN(&dialog);
        saveScreenshot(&dialog, u"dialog-who-can"_s);

        // Sortable: by risk, the critical one first when descending.
        auto *view = dialog.findChild<QTreeView *>(u"subjects"_s);
        view->sortByColumn(WhoCanDialog::RiskColumn, Qt::DescendingOrder);
        QCOMPARE(model->item(0, WhoCanDialog::RiskColumn)->text(), u"Critical"_s);

        // In any namespace, the accounts with secrets access elsewhere come too (ci/deployer edits payments).
        dialog.setQuestion(u"get"_s, u"secrets"_s, {});
        QVERIFY(!model->findItems(u"deployer"_s, Qt::MatchExactly, WhoCanDialog::SubjectColumn).isEmpty());
    }

    // A subject's name in a tooltip reads as written: a user named with markup is not rendered as HTML.
    void whoCanShowsNamesAsText()
    {
        const QString user = u"<b>mallory</b><img src=x>"_s;
        const QJsonObject binding {
            {"metadata"_L1, QJsonObject {{"name"_L1, "marked-up"_L1}}},
            {"roleRef"_L1,
             QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                          {"kind"_L1, "Role"_L1},
                          {"name"_L1, "secret-reader"_L1}}},
            {"subjects"_L1,
             QJsonArray {QJsonObject {
                 {"kind"_L1, "User"_L1}, {"apiGroup"_L1, "rbac.authorization.k8s.io"_L1}, {"name"_L1, user}}}}};
        QVERIFY(create(u"/apis/rbac.authorization.k8s.io/v1/namespaces/data-platform/rolebindings"_s, binding));
        const auto index = loadIndex();
        WhoCanDialog dialog(index.get(), accounts(), namespaces(), commonApiResources());
        dialog.setQuestion(u"get"_s, u"secrets"_s, u"data-platform"_s);
        const QList<QStandardItem *> found =
            dialog.model()->findItems(user, Qt::MatchExactly, WhoCanDialog::SubjectColumn);
        QCOMPARE(found.size(), 1);
        QCOMPARE(toolTipAsShown(found.first()->toolTip()), user);
        const QStandardItem *via = dialog.model()->item(found.first()->row(), WhoCanDialog::ViaColumn);
        QVERIFY2(toolTipAsShown(via->toolTip()).contains(u"RoleBinding data-platform/marked-up"_s),
                 qPrintable(via->toolTip()));
    }

    // Who can…? with a subresource: `create pods/exec` is not `create pods`, either way round, as kubectl says too.
    void whoCanWithSubresource()
    {
        for (const QString &name : {u"shell-user"_s, u"pod-maker"_s})
            QVERIFY(create(u"/api/v1/namespaces/payments/serviceaccounts"_s,
                           {{"metadata"_L1, QJsonObject {{"name"_L1, name}}}}));
        QVERIFY(
            grant(u"payments"_s, u"exec-into-pods"_s, {"pods/exec"_L1}, {"create"_L1}, u"payments"_s, u"shell-user"_s));
        QVERIFY(grant(u"payments"_s, u"make-pods"_s, {"pods"_L1}, {"create"_L1}, u"payments"_s, u"pod-maker"_s));
        const auto index = loadIndex();
        WhoCanDialog dialog(index.get(), accounts(), namespaces(), commonApiResources());
        dialog.show();
        QVERIFY(unnamedControls(&dialog).isEmpty());
        SA_VERIFY_LABELS_SPOKEN(&dialog);

        // The subresources offered are the chosen resource's.
        dialog.setQuestion(u"create"_s, u"pods"_s, u"payments"_s);
        QComboBox *subresource = combo(&dialog, "subresource");
        QVERIFY2(items(subresource).contains(u"exec"_s), qPrintable(items(subresource).join(u", "_s)));
        QVERIFY(!items(subresource).contains(u"token"_s));
        QVERIFY(subresource->currentText().isEmpty());
        QVERIFY(subjectsListed(dialog).contains(u"payments/pod-maker"_s));
        QVERIFY(!subjectsListed(dialog).contains(u"payments/shell-user"_s));

        QVERIFY(choose(subresource, u"exec"_s));
        dialog.refresh();
        QVERIFY2(subjectsListed(dialog).contains(u"payments/shell-user"_s),
                 qPrintable(subjectsListed(dialog).join(u", "_s)));
        QVERIFY(!subjectsListed(dialog).contains(u"payments/pod-maker"_s));
        QVERIFY(subjectsListed(dialog).contains(u"monitoring/prometheus-operator"_s)); // cluster-admin
        const QString summary = dialog.findChild<QLabel *>(u"summary"_s)->text();
        QVERIFY2(summary.contains(u"can create pods/exec in payments:"_s), qPrintable(summary));
        QCOMPARE(
            canI(u"payments:shell-user"_s, {u"create"_s, u"pods"_s, u"--subresource=exec"_s, u"-n"_s, u"payments"_s}),
            u"yes"_s);
        QCOMPARE(
            canI(u"payments:pod-maker"_s, {u"create"_s, u"pods"_s, u"--subresource=exec"_s, u"-n"_s, u"payments"_s}),
            u"no"_s);
        saveScreenshot(&dialog, u"dialog-who-can-subresource"_s);

        // Typed as the user types it, and answered by itself shortly after.
        dialog.setQuestion(u"create"_s, u"serviceaccounts"_s, u"payments"_s);
        QCOMPARE(items(subresource), QStringList {u"token"_s});
        subresource->lineEdit()->clear();
        QTest::keyClicks(subresource->lineEdit(), u"token"_s);
        QTRY_VERIFY(dialog.findChild<QLabel *>(u"summary"_s)
                        ->text()
                        .contains(u"can create serviceaccounts/token in payments:"_s));
        QVERIFY(!subjectsListed(dialog).contains(u"payments/shell-user"_s));
    }

    // A cluster-scoped resource: the namespace does not apply (said, and disabled), and only cluster-wide bindings
    // count, as for the server: a RoleBinding to a role that names nodes lets no one read nodes.
    void clusterScopedResources()
    {
        QVERIFY(grant({}, u"node-reader"_s, {"nodes"_L1}, {"get"_L1, "list"_L1}, u"payments"_s, u"payments-worker"_s));
        const auto index = loadIndex();
        WhoCanDialog who(index.get(), accounts(), namespaces(), commonApiResources());
        who.show();
        QComboBox *ns = combo(&who, "namespace");
        who.setQuestion(u"get"_s, u"pods"_s, u"payments"_s);
        QVERIFY(ns->isEnabled());
        QCOMPARE(ns->currentData().toString(), u"payments"_s);

        combo(&who, "resource")->setCurrentText(u"nodes"_s);
        QVERIFY(!ns->isEnabled());
        QCOMPARE(ns->currentData().toString(), QString());
        QCOMPARE(ns->currentText(), u"Cluster-wide: nodes are not namespaced"_s);
        QVERIFY(items(combo(&who, "subresource")).contains(u"proxy"_s));
        who.refresh();
        QVERIFY(!subjectsListed(who).contains(u"payments/payments-worker"_s));
        QVERIFY(subjectsListed(who).contains(u"monitoring/prometheus-operator"_s));
        QVERIFY2(who.findChild<QLabel *>(u"summary"_s)->text().contains(u"can get nodes cluster-wide:"_s),
                 qPrintable(who.findChild<QLabel *>(u"summary"_s)->text()));
        QCOMPARE(canI(u"payments:payments-worker"_s, {u"get"_s, u"nodes"_s}), u"no"_s);
        saveScreenshot(&who, u"dialog-who-can-cluster-scoped"_s);

        // Back to a namespaced resource: the namespace chosen before comes back.
        combo(&who, "resource")->setCurrentText(u"secrets"_s);
        QVERIFY(ns->isEnabled());
        QCOMPARE(ns->currentData().toString(), u"payments"_s);
        QCOMPARE(ns->itemText(0), u"Any namespace"_s);
        // A resource the catalogue does not know leaves the namespace to the user.
        combo(&who, "resource")->setCurrentText(u"widgets.example.com"_s);
        QVERIFY(ns->isEnabled());

        // Can it…? asks the server cluster-wide, whatever namespace was chosen before.
        CanItDialog canIt(m_client.get(), index.get(), u"payments"_s, u"payments-worker"_s, namespaces(),
                          commonApiResources());
        canIt.show();
        canIt.setQuestion(u"list"_s, u"nodes"_s, u"payments"_s);
        QVERIFY(!combo(&canIt, "namespace")->isEnabled());
        QSignalSpy checked(&canIt, &CanItDialog::checked);
        canIt.check();
        QVERIFY(checked.wait(10000));
        QCOMPARE(canIt.serverAllowed(), std::optional<bool>(false));
        QCOMPARE(canIt.resolverAllowed(), std::optional<bool>(false));
        canIt.setQuestion(u"list"_s, u"nodes"_s, {}, {}, {});
        combo(&canIt, "resource")->setCurrentText(u"pods"_s);
        QVERIFY(combo(&canIt, "namespace")->isEnabled());
        QCOMPARE(combo(&canIt, "namespace")->currentData().toString(), QString());
    }

    // Discovery's resources replace the common ones while a dialog is open, and what the user typed stays.
    void discoveredResourcesArrive()
    {
        const OperationResult discovered = finishOperation(ops::discoverApiResources(m_client.get()));
        QVERIFY2(discovered.ok(), qPrintable(discovered.ok() ? QString() : discovered.error->userMessage()));
        const ApiResources &resources = *discovered.get<ApiResources>();
        // kube-sim serves the review APIs, which the common list does not have.
        const QString onlyDiscovered = u"subjectaccessreviews.authorization.k8s.io"_s;
        QVERIFY(!commonResources().contains(onlyDiscovered));
        QVERIFY(resources.names().contains(onlyDiscovered));

        const auto index = loadIndex();
        WhoCanDialog who(index.get(), accounts(), namespaces(), commonApiResources());
        who.show();
        QVERIFY(QTest::qWaitForWindowExposed(&who));
        QComboBox *resource = combo(&who, "resource");
        QComboBox *subresource = combo(&who, "subresource");
        QVERIFY(!items(resource).contains(onlyDiscovered));
        QVERIFY(items(resource).contains(u"ingresses.networking.k8s.io"_s));
        resource->lineEdit()->clear();
        QTest::keyClicks(resource->lineEdit(), u"pods"_s);
        QTest::keyClicks(subresource->lineEdit(), u"ex"_s); // half typed: offered, not filled in
        QCOMPARE(resource->currentText(), u"pods"_s);
        QCOMPARE(subresource->currentText(), u"ex"_s);

        who.setResources(resources);
        QCOMPARE(items(resource), resources.names());
        QVERIFY(items(resource).contains(onlyDiscovered));
        QVERIFY(!items(resource).contains(u"ingresses.networking.k8s.io"_s)); // kube-sim does not serve it
        QCOMPARE(resource->currentText(), u"pods"_s);
        QCOMPARE(subresource->currentText(), u"ex"_s);
        QCOMPARE(items(subresource), resources.subresourcesOf(u"pods"_s));
        QVERIFY(items(subresource).contains(u"exec"_s));
        QTest::keyClicks(subresource->lineEdit(), u"ec"_s);
        QCOMPARE(subresource->currentText(), u"exec"_s);
        QTRY_VERIFY(who.findChild<QLabel *>(u"summary"_s)->text().contains(u"pods/exec"_s));

        // The scope comes from discovery too: the review APIs are cluster-scoped, LocalSubjectAccessReview is not.
        resource->setCurrentText(onlyDiscovered);
        QVERIFY(!combo(&who, "namespace")->isEnabled());
        resource->setCurrentText(u"localsubjectaccessreviews.authorization.k8s.io"_s);
        QVERIFY(combo(&who, "namespace")->isEnabled());

        CanItDialog canIt(m_client.get(), index.get(), u"ci"_s, u"deployer"_s, namespaces(), commonApiResources());
        canIt.show();
        canIt.setQuestion(u"create"_s, u"serviceaccounts"_s, u"ci"_s, {}, u"token"_s);
        canIt.setResources(resources);
        QVERIFY(items(combo(&canIt, "resource")).contains(onlyDiscovered));
        QCOMPARE(combo(&canIt, "resource")->currentText(), u"serviceaccounts"_s);
        QCOMPARE(combo(&canIt, "subresource")->currentText(), u"token"_s);
        QCOMPARE(combo(&canIt, "namespace")->currentData().toString(), u"ci"_s);
        QVERIFY(unnamedControls(&canIt).isEmpty());
        SA_VERIFY_LABELS_SPOKEN(&canIt);
    }

    void whoCanWithoutIndex()
    {
        WhoCanDialog dialog(nullptr, accounts(), namespaces(), commonApiResources());
        dialog.show();
        dialog.setQuestion(u"get"_s, u"secrets"_s, u"data-platform"_s);
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY(dialog.findChild<QLabel *>(u"summary"_s)->text().startsWith(u"Cannot check"_s));
        QVERIFY(!dialog.findChild<QTreeView *>(u"subjects"_s)->isEnabled());
    }
};

QTEST_MAIN(TestPermissionDialogs)
#include "tst_permissiondialogs.moc"
