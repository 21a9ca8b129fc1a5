// The main window against kube-sim's demo cluster, offscreen: what a user sees, live.

#include "Accessibility.h"
#include "ActionDialog.h"
#include "Application.h"
#include "AutomountDialog.h"
#include "CanItDialog.h"
#include "ClipboardGuard.h"
#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "MessageBar.h"
#include "ResourceModels.h"
#include "Rows.h"
#include "Screenshot.h"
#include "SecretField.h"
#include "SimHttp.h"
#include "TokenSecretDialog.h"
#include "TokenView.h"
#include "WhoCanDialog.h"
#include "YamlDialog.h"
#include "resources/Resources.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(const QString &name) const
    {
        return m_app->window().findChild<T *>(name);
    }

    bool selectRow(QAbstractItemView *view, const QString &name)
    {
        const QModelIndex index = findRow(view->model(), name);
        if (!index.isValid())
            return false;
        view->setCurrentIndex(index);
        return true;
    }

    QString status() const { return find<QLabel>(u"connectionState"_s)->text(); }

    // A new window as `user` (the admin when the kubeconfig is the sim's), so that nothing it asked the server
    // before is remembered; connected, its accounts listed.
    void connectAfresh(const QString &kubeconfig, const QString &user, const QString &ns = {})
    {
        m_app.reset();
        m_app = std::make_unique<sa::Application>(sa::Application::Options {kubeconfig, {}, ns, false, {}});
        m_app->start();
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as "_s + user), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(find<QTreeView>(u"serviceAccounts"_s)->model()->rowCount() > 0, 20000);
    }

    // Selects the account in its namespace and waits for its "Can do" to say `what`; the pane's text.
    QString canDoOf(const QString &ns, const QString &name, const QString &what, int timeout = 20000)
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        auto *details = find<QTextBrowser>(u"details"_s);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(selectRow(namespaces, ns), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(selectRow(accounts, name), 10000);
            QTRY_VERIFY2_WITH_TIMEOUT(details->toPlainText().contains(what), qPrintable(details->toPlainText()),
                                      timeout);
        }();
        return details->toPlainText();
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<sa::Application> m_app;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, not the user's
        QSettings().clear();
        m_sim = std::make_unique<KubeSimProcess>(
            QStringList {u"--seed"_s, u"demo"_s, u"--static-token"_s, u"ci-token,ci-viewer"_s, u"--static-token"_s,
                         u"rbac-reader-token,rbac-reader"_s, u"--load"_s,
                         QStringLiteral(SA_TEST_DATA_DIR) + u"/gui/ci-viewer-rbac.yaml"_s, u"--load"_s,
                         QStringLiteral(SA_TEST_DATA_DIR) + u"/gui/rbac-reader.yaml"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
    }

    // Every function starts from the same window, whatever the one before it did: connected as the admin (a
    // function that connects as another user has its own Application), namespace payments chosen, the service
    // accounts tab shown, no dialog open.
    void init()
    {
        if (!m_app || !status().startsWith(u"● Connected as kube-sim-admin"_s)) {
            m_app.reset();
            m_app = std::make_unique<sa::Application>(
                sa::Application::Options {m_sim->kubeconfigPath(), {}, {}, false, {}});
            m_app->start();
            QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), 20000);
        }
        QTRY_VERIFY(m_app->window().findChildren<QDialog *>().isEmpty()
                    || std::ranges::none_of(m_app->window().findChildren<QDialog *>(), &QWidget::isVisible));
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
        QTRY_VERIFY(selectRow(find<QListView>(u"namespaces"_s), u"payments"_s));
    }

    // A function that failed half-way leaves no dialog open for the next one.
    void cleanup()
    {
        for (QDialog *dialog : m_app->window().findChildren<QDialog *>()) {
            if (dialog->isVisible())
                dialog->reject();
        }
    }

    void statusShowsWhoIAm()
    {
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"● Connected as kube-sim-admin (system:masters)"_s, 10000);
        QVERIFY(find<QLabel>(u"contextInfo"_s)->text().contains(m_sim->url()));
    }

    void listsTheDemoNamespaces()
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        for (const QString &ns : {u"payments"_s, u"data-platform"_s, u"ci"_s, u"monitoring"_s, u"kube-system"_s})
            QVERIFY2(findRow(namespaces->model(), ns).isValid(), qPrintable(ns));
        QTRY_VERIFY(namespaces->model()->index(0, 0).data().toString().startsWith(u"All namespaces ("_s));
        const QModelIndex payments = findRow(namespaces->model(), u"payments"_s);
        // Its count is its accounts' (three in the seed, more once other functions made some).
        const qsizetype accounts =
            m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts"_s).json()[u"items"].toArray().size();
        QVERIFY(accounts >= 3);
        QTRY_COMPARE(payments.data().toString(), u"payments (%1)"_s.arg(accounts));
    }

    void namespaceSelectionFiltersTheLists()
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QVERIFY(selectRow(namespaces, u"payments"_s));
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QTRY_VERIFY(findRow(accounts->model(), u"payments-api"_s).isValid());
        QVERIFY(!findRow(accounts->model(), u"etl-runner"_s).isValid());
        for (int row = 0; row < accounts->model()->rowCount(); ++row)
            QCOMPARE(accounts->model()->index(row, 0).data(sa::NamespaceRole).toString(), u"payments"_s);
        auto *secrets = find<QTreeView>(u"secrets"_s);
        QVERIFY(findRow(secrets->model(), u"registry-cred"_s).isValid());
        QVERIFY(findRow(secrets->model(), u"sh.helm.release.v1.payments-api.v3"_s).isValid());
        find<QCheckBox>(u"hideHelm"_s)->setChecked(true);
        QVERIFY(!findRow(secrets->model(), u"sh.helm.release.v1.payments-api.v3"_s).isValid());
        find<QCheckBox>(u"hideHelm"_s)->setChecked(false);

        // The text filter matches names and labels, once the typing pauses.
        auto *filter = find<QLineEdit>(u"filter"_s);
        QTest::keyClicks(filter, u"app=payments-api"_s);
        QTRY_COMPARE(accounts->model()->rowCount(), 1);
        QCOMPARE(accounts->model()->index(0, 0).data(sa::NameRole).toString(), u"payments-api"_s);
        filter->clear();
        QTRY_VERIFY(accounts->model()->rowCount() >= 3);
    }

    void secretColumnsFitTheirContents()
    {
        // Type labels and Helm release names show whole; Age, last, is not stretched into the room they need.
        auto *secrets = find<QTreeView>(u"secrets"_s);
        const QAbstractItemModel *model = secrets->model();
        QTRY_VERIFY(model->rowCount() > 0);
        const QFontMetrics metrics(secrets->font());
        const auto widest = [&](int column) {
            int width = 0;
            for (int row = 0; row < qMin(20, model->rowCount()); ++row)
                width = qMax(width, metrics.horizontalAdvance(model->index(row, column).data().toString()));
            return width;
        };
        const QHeaderView *header = secrets->header();
        QVERIFY(widest(sa::SecretModel::TypeColumn) > 0);
        QVERIFY(header->sectionSize(sa::SecretModel::TypeColumn) >= widest(sa::SecretModel::TypeColumn));
        QVERIFY(header->sectionSize(sa::SecretModel::NameColumn) >= widest(sa::SecretModel::NameColumn));
        QVERIFY(header->sectionSize(sa::SecretModel::AgeColumn) < header->sectionSize(sa::SecretModel::TypeColumn));
    }

    void detailsShowPullSecretsAndWorkloads()
    {
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QVERIFY(selectRow(accounts, u"payments-api"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"payments-api"_s));
        const QString text = details->toPlainText();
        QVERIFY2(text.contains(u"✓ registry-cred"_s), qPrintable(text));
        QVERIFY2(text.contains(u"⚠ old-registry-cred — missing"_s), qPrintable(text));
        QVERIFY2(text.contains(u"deployment/payments-api (2 of 2 ready)"_s), qPrintable(text));
        QVERIFY2(text.contains(u"pod/payments-api-"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Role/config-reader — payments-api-config (in payments)"_s), qPrintable(text));
    }

    void detailsShowWhatAnAccountCanDo()
    {
        // cluster-admin: everything, flagged, with the binding that grants it.
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QVERIFY(selectRow(namespaces, u"monitoring"_s));
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QTRY_VERIFY(selectRow(accounts, u"prometheus-operator"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"Can do"_s));
        QString text = details->toPlainText();
        QVERIFY2(text.contains(u"⚠ Critical"_s), qPrintable(text));
        QVERIFY2(text.contains(u"ClusterRoleBinding prometheus-operator → ClusterRole cluster-admin"_s),
                 qPrintable(text));
        QVERIFY2(!text.contains(u"cannot check"_s), qPrintable(text));
        saveScreenshot(&m_app->window(), u"window-can-do-risky"_s);

        // Through a group: every account of data-platform may read its secrets.
        QVERIFY(selectRow(namespaces, u"data-platform"_s));
        QTRY_VERIFY(selectRow(accounts, u"etl-runner"_s));
        QTRY_VERIFY(details->toPlainText().contains(u"Group system:serviceaccounts:data-platform"_s));
        text = details->toPlainText();
        QVERIFY2(text.contains(u"RoleBinding data-platform/all-accounts-read-secrets → Role secret-reader"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"Read secrets"_s), qPrintable(text));
        QVERIFY2(text.contains(u"revoke for the whole group"_s), qPrintable(text));

        // A binding to a role that does not exist grants nothing, and says so.
        QVERIFY(selectRow(namespaces, u"payments"_s));
        QTRY_VERIFY(selectRow(accounts, u"payments-worker"_s));
        QTRY_VERIFY(details->toPlainText().contains(u"Can do"_s));
        QVERIFY2(details->toPlainText().contains(
                     u"RoleBinding payments/payments-worker-queue → Role queue-consumer (not found: grants nothing)"_s),
                 qPrintable(details->toPlainText()));
    }

    // A long list (edit has some seventy permissions) shows its first lines and its chains, the rest on request,
    // and a new selection starts short again.
    void longPermissionListsShowAllOnRequest()
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QVERIFY(selectRow(namespaces, u"ci"_s));
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QTRY_VERIFY(selectRow(accounts, u"monitoring-deployer"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"Can do"_s));
        const QString shortText = details->toPlainText();
        QVERIFY2(shortText.contains(u"show all"_s), qPrintable(shortText));
        QVERIFY2(shortText.contains(u"RoleBinding monitoring/monitoring-deployer-edit → ClusterRole edit"_s),
                 qPrintable(shortText));
        // The core group comes first; the apps group is past the first lines.
        QVERIFY2(!shortText.contains(u"deployments.apps"_s), qPrintable(shortText));
        saveScreenshot(&m_app->window(), u"window-can-do-short"_s);
        Q_EMIT details->anchorClicked(QUrl(u"details:all-permissions"_s));
        QTRY_VERIFY(details->toPlainText().contains(u"deployments.apps"_s));
        QVERIFY(!details->toPlainText().contains(u"show all"_s));
        QVERIFY(
            details->toPlainText().contains(u"RoleBinding monitoring/monitoring-deployer-edit → ClusterRole edit"_s));
        QTRY_VERIFY(selectRow(accounts, u"default"_s));
        QTRY_VERIFY(selectRow(accounts, u"monitoring-deployer"_s));
        QTRY_VERIFY(details->toPlainText().contains(u"show all"_s));
    }

    void canDoIsCheckedWithTheServer()
    {
        // A window that has not asked the server anything yet; the server slow to answer at first.
        connectAfresh(m_sim->kubeconfigPath(), u"kube-sim-admin"_s);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QListView>(u"namespaces"_s)->model(), u"monitoring"_s).isValid(), 10000);
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, "{\"latencyMs\":1500}").code, 200);
        // Until the server has answered, the pane says it is asking, and claims no agreement.
        QString text = canDoOf(u"monitoring"_s, u"prometheus-operator"_s,
                               u"Resolved from the cluster's roles and bindings; checking with the server "
                               "(SelfSubjectRulesReview as the account in monitoring)…"_s);
        QVERIFY2(!text.contains(u"agrees"_s), qPrintable(text));
        QVERIFY2(text.contains(u"ClusterRoleBinding prometheus-operator → ClusterRole cluster-admin"_s),
                 qPrintable(text));
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        // cluster-admin's "* on *" as the server lists it (cluster-admin's two rules, and every other binding's)
        // against our resolution: the same.
        text = canDoOf(u"monitoring"_s, u"prometheus-operator"_s,
                       u"Resolved from the cluster's roles and bindings; the server agrees (SelfSubjectRulesReview "
                       "as the account in monitoring)."_s);
        QVERIFY2(!text.contains(u"differs"_s), qPrintable(text));
        saveScreenshot(&m_app->window(), u"window-can-do-checked"_s);

        // A CI deployer with edit in data-platform and payments: the review covers ci, its own namespace, and the pane
        // says that the others are not checked.
        text = canDoOf(u"ci"_s, u"deployer"_s, u"the server agrees (SelfSubjectRulesReview as the account in ci)."_s);
        QVERIFY2(text.contains(u"ClusterRole edit"_s), qPrintable(text));
        QVERIFY2(text.contains(u"The server was asked about ci only, where the account's pods run; what it may do in "
                               "data-platform, payments is not checked with the server."_s),
                 qPrintable(text));
        // Every account of data-platform reads its secrets through a group binding: the server agrees too.
        canDoOf(u"data-platform"_s, u"etl-runner"_s,
                u"the server agrees (SelfSubjectRulesReview as the account in data-platform)."_s);
        // A binding to a missing role: the server lists nothing for it (and says why), nor do we.
        text = canDoOf(u"payments"_s, u"payments-worker"_s, u"the server agrees"_s);
        QVERIFY2(text.contains(u"The server reported: "_s) && text.contains(u"\"queue-consumer\" not found"_s),
                 qPrintable(text));
    }

    void canDoSaysWhenTheServerDiffers()
    {
        // The window's view of the role bindings falls behind the server's (their watch is cut and cannot be
        // reopened) while a binding is added: the server knows more than the resolution, and the pane says so.
        connectAfresh(m_sim->kubeconfigPath(), u"kube-sim-admin"_s);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/ci/serviceaccounts"_s,
                            "{\"metadata\":{\"name\":\"cross-checked\"}}")
                     .code,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QListView>(u"namespaces"_s)->model(), u"ci"_s).isValid(), 10000);
        QCOMPARE(m_http
                     ->send("PUT", u"/kube-sim/v1/faults"_s,
                            R"({"outageMs": 1000, "errors": [{"method": "GET", "code": 503,
                                "path": "^/apis/rbac.authorization.k8s.io/v1/(namespaces/[^/]+/)?rolebindings"}]})")
                     .code,
                 200);
        // Back after the outage, except for the role bindings.
        QTRY_VERIFY_WITH_TIMEOUT(m_http->send("GET", u"/api/v1/namespaces/ci"_s).code == 200, 15000);
        QCOMPARE(m_http
                     ->send("POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/ci/rolebindings"_s,
                            R"({"metadata": {"name": "cross-checked-view"},
                                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                            "name": "view"},
                                "subjects": [{"kind": "ServiceAccount", "name": "cross-checked",
                                              "namespace": "ci"}]})")
                     .code,
                 201);
        // Shown for the first time now: resolved without the binding, which the server's answer has.
        QString text = canDoOf(u"ci"_s, u"cross-checked"_s, u"The server's answer differs"_s);
        QVERIFY2(text.contains(u"⚠ The server's answer differs (SelfSubjectRulesReview as the account in ci): it "
                               "also allows "_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"configmaps, endpoints, "_s) && text.contains(u" more: get, list, watch"_s),
                 qPrintable(text));
        QVERIFY2(!text.contains(u"it does not allow"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Shown below: what the cluster's roles and bindings grant."_s), qPrintable(text));
        QVERIFY2(!text.contains(u"cross-checked-view"_s), qPrintable(text));
        saveScreenshot(&m_app->window(), u"window-can-do-differs"_s);

        // The role bindings readable again: the binding arrives, the resolution changes, the server is asked again,
        // and agrees.
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        text = canDoOf(u"ci"_s, u"cross-checked"_s, u"the server agrees"_s, 60000);
        QVERIFY2(text.contains(u"RoleBinding ci/cross-checked-view → ClusterRole view"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"differs"_s), qPrintable(text));

        QCOMPARE(
            m_http
                ->send("DELETE", u"/apis/rbac.authorization.k8s.io/v1/namespaces/ci/rolebindings/cross-checked-view"_s)
                .code,
            200);
        // A change that takes a permission away: asked again, and agreeing again, without the binding.
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(!details->toPlainText().contains(u"cross-checked-view"_s)
                                      && details->toPlainText().contains(u"the server agrees"_s),
                                  qPrintable(details->toPlainText()), 20000);
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/ci/serviceaccounts/cross-checked"_s).code, 200);
    }

    void canDoNotCheckedWithoutImpersonation()
    {
        // A user who may read the bindings but not impersonate: the resolution, and the server's refusal in its
        // own words.
        const QString kubeconfig = Kubectl(*m_sim).tokenKubeconfig(u"rbac-reader.kubeconfig"_s, "rbac-reader-token");
        connectAfresh(kubeconfig, u"rbac-reader"_s);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QListView>(u"namespaces"_s)->model(), u"ci"_s).isValid(), 10000);
        const QString text = canDoOf(u"ci"_s, u"deployer"_s, u"Not checked with the server: "_s);
        QVERIFY2(text.contains(u"Resolved from the cluster's roles and bindings. Not checked with the server: "_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"User \"rbac-reader\" cannot impersonate resource \"serviceaccounts\""_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"ClusterRole edit"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"agrees"_s) && !text.contains(u"cannot check from the bindings"_s), qPrintable(text));
    }

    void riskColumnAndFilter()
    {
        find<QListView>(u"namespaces"_s)->setCurrentIndex(find<QListView>(u"namespaces"_s)->model()->index(0, 0));
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        const auto risky = [accounts] {
            QStringList names;
            for (int row = 0; row < accounts->model()->rowCount(); ++row) {
                const QModelIndex index = accounts->model()->index(row, 0);
                names.append(index.data(sa::NamespaceRole).toString() + u'/' + index.data(sa::NameRole).toString()
                             + u' '
                             + accounts->model()->index(row, sa::ServiceAccountModel::RiskColumn).data().toString());
            }
            names.sort();
            return names;
        };
        const int all = accounts->model()->rowCount();
        find<QCheckBox>(u"onlyRisky"_s)->setChecked(true);
        // The demo's accounts with dangerous rules, and how bad: cluster-admin; edit (secrets, pods, and impersonating
        // the namespace's service accounts) in ci's deployers; every data-platform account reads its secrets through
        // a group binding, and etl-runner holds edit there too.
        const QStringList expected {u"ci/deployer Critical"_s,
                                    u"ci/monitoring-deployer Critical"_s,
                                    u"data-platform/default High"_s,
                                    u"data-platform/etl-runner Critical"_s,
                                    u"data-platform/notebook High"_s,
                                    u"data-platform/postgres High"_s,
                                    u"monitoring/prometheus-operator Critical"_s};
        QTRY_COMPARE(risky(), expected);
        saveScreenshot(&m_app->window(), u"window-only-risky"_s);
        // A new grant shows at once: view is harmless, edit is not.
        QCOMPARE(m_http
                     ->send("POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings"_s,
                            "{\"metadata\":{\"name\":\"api-edit\"},\"roleRef\":{\"apiGroup\":"
                            "\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"edit\"},"
                            "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"payments-api\","
                            "\"namespace\":\"payments\"}]}")
                     .code,
                 201);
        QTRY_VERIFY(risky().contains(u"payments/payments-api Critical"_s));
        QCOMPARE(
            m_http->send("DELETE", u"/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings/api-edit"_s)
                .code,
            200);
        QTRY_COMPARE(risky(), expected);
        find<QCheckBox>(u"onlyRisky"_s)->setChecked(false);
        QTRY_COMPARE(accounts->model()->rowCount(), all);
    }

    // The permission dialogs offer the server's resources once discovery has answered (asked again on F5), and a
    // dialog opened before that takes them when they arrive, keeping what was typed.
    void permissionDialogsOfferDiscoveredResources()
    {
        const QString onlyDiscovered = u"subjectaccessreviews.authorization.k8s.io"_s;
        const auto items = [](QComboBox *box) {
            QStringList texts;
            for (int i = 0; i < box->count(); ++i)
                texts.append(box->itemText(i));
            return texts;
        };
        // A new session asks anew; the dialog opens before the event loop could bring the answer.
        find<QAction>(u"refresh"_s)->trigger();
        find<QAction>(u"whoCan"_s)->trigger();
        QPointer<sa::WhoCanDialog> who = m_app->window().findChild<sa::WhoCanDialog *>(u"whoCanDialog"_s);
        QVERIFY(who);
        QCOMPARE(find<QAction>(u"whoCan"_s)->shortcut(), QKeySequence(u"Ctrl+Shift+W"_s));
        auto *resource = who->findChild<QComboBox *>(u"resource"_s);
        auto *subresource = who->findChild<QComboBox *>(u"subresource"_s);
        auto *ns = who->findChild<QComboBox *>(u"namespace"_s);
        QVERIFY(!items(resource).contains(onlyDiscovered));
        QVERIFY(items(resource).contains(u"ingresses.networking.k8s.io"_s)); // common, not served by kube-sim
        resource->lineEdit()->clear();
        QTest::keyClicks(resource->lineEdit(), u"nodes"_s);
        QTest::keyClicks(subresource->lineEdit(), u"pro"_s);
        QVERIFY(!ns->isEnabled()); // nodes are cluster-scoped, known before discovery too

        QTRY_VERIFY_WITH_TIMEOUT(items(resource).contains(onlyDiscovered), 15000);
        QVERIFY(!items(resource).contains(u"ingresses.networking.k8s.io"_s));
        QCOMPARE(resource->currentText(), u"nodes"_s);
        QCOMPARE(subresource->currentText(), u"pro"_s);
        QCOMPARE(items(subresource), (QStringList {u"proxy"_s, u"status"_s}));
        QVERIFY(!ns->isEnabled());
        resource->setCurrentText(u"pods"_s);
        QVERIFY(ns->isEnabled());
        QVERIFY(items(subresource).contains(u"exec"_s));
        SA_VERIFY_LABELS_SPOKEN(who);
        who->reject();
        QTRY_VERIFY(!who);

        // Opened after discovery answered: the server's resources at once.
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), 20000);
        QTRY_VERIFY(selectRow(find<QListView>(u"namespaces"_s), u"payments"_s));
        QTRY_VERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"canIt"_s)->trigger();
        QPointer<sa::CanItDialog> canIt = m_app->window().findChild<sa::CanItDialog *>(u"canItDialog"_s);
        QTRY_VERIFY(canIt && canIt->isVisible());
        QVERIFY(items(canIt->findChild<QComboBox *>(u"resource"_s)).contains(onlyDiscovered));
        QCOMPARE(find<QAction>(u"canIt"_s)->shortcut(), QKeySequence(u"Ctrl+Shift+I"_s));
        canIt->reject();
        QTRY_VERIFY(!canIt);
    }

    void permissionDialogsFromTheWindow()
    {
        // Ctrl+G on the selected account: the grant dialog, for it.
        QTRY_VERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"grantAccess"_s)->trigger();
        QPointer<QDialog> grant = m_app->window().findChild<QDialog *>(u"grantAccessDialog"_s);
        QTRY_VERIFY(grant && grant->isVisible());
        QVERIFY2(grant->windowTitle().contains(u"payments-api"_s), qPrintable(grant->windowTitle()));
        QCOMPARE(find<QAction>(u"grantAccess"_s)->shortcut(), QKeySequence(u"Ctrl+G"_s));
        grant->reject();
        QTRY_VERIFY(!grant);

        // "Who can read this?" on a secret: asked for it, and answered from the bindings.
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(1);
        QTRY_VERIFY(selectRow(find<QTreeView>(u"secrets"_s), u"registry-cred"_s));
        find<QAction>(u"whoCanRead"_s)->trigger();
        QPointer<sa::WhoCanDialog> who = m_app->window().findChild<sa::WhoCanDialog *>(u"whoCanDialog"_s);
        QTRY_VERIFY(who && who->isVisible());
        QStringList subjects;
        for (int row = 0; row < who->model()->rowCount(); ++row)
            subjects.append(who->model()->item(row, sa::WhoCanDialog::SubjectColumn)->text());
        QVERIFY2(subjects.contains(u"prometheus-operator"_s) || subjects.contains(u"monitoring/prometheus-operator"_s),
                 qPrintable(subjects.join(u", "_s)));
        SA_VERIFY_LABELS_SPOKEN(who);
        who->reject();
        QTRY_VERIFY(!who);
    }

    void revokeFromTheDetails()
    {
        // An account of its own, with view in payments through a binding it shares with another.
        const QString as = u"system:serviceaccount:payments:revoked"_s;
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                            "{\"metadata\":{\"name\":\"revoked\"}}")
                     .code,
                 201);
        QCOMPARE(m_http
                     ->send("POST", u"/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings"_s,
                            "{\"metadata\":{\"name\":\"revoked-view\"},\"roleRef\":{\"apiGroup\":"
                            "\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"view\"},"
                            "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"revoked\",\"namespace\":"
                            "\"payments\"},{\"kind\":\"User\",\"apiGroup\":\"rbac.authorization.k8s.io\","
                            "\"name\":\"auditor\"}]}")
                     .code,
                 201);
        const auto canList = [this, as] {
            return Kubectl(*m_sim)
                .run({u"auth"_s, u"can-i"_s, u"list"_s, u"pods"_s, u"-n"_s, u"payments"_s, u"--as"_s, as})
                .out.trimmed();
        };
        QCOMPARE(canList(), u"yes"_s);
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QTRY_VERIFY(selectRow(accounts, u"revoked"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"RoleBinding payments/revoked-view → ClusterRole view"_s));
        Q_EMIT details->anchorClicked(QUrl(u"revoke:RoleBinding/payments/revoked-view"_s));
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"revokeDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        const QString consequences = dialog->findChild<QLabel *>(u"consequences"_s)->text();
        QVERIFY2(
            consequences.contains(u"Remove service account payments/revoked from RoleBinding payments/revoked-view"_s),
            qPrintable(consequences));
        QVERIFY2(consequences.contains(u"Its other subject keeps it."_s), qPrintable(consequences));
        // Destructive: Enter cancels.
        QVERIFY(dialog->findChild<QPushButton *>(u"cancelButton"_s)->isDefault());
        SA_VERIFY_LABELS_SPOKEN(dialog);
        saveScreenshot(dialog, u"dialog-revoke"_s);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QCOMPARE(canList(), u"no"_s);
        // The other subject stays; the details follow.
        const QJsonArray subjects =
            m_http->send("GET", u"/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings/revoked-view"_s)
                .json()
                .value("subjects"_L1)
                .toArray();
        QCOMPARE(subjects.size(), 1);
        QCOMPARE(subjects[0][u"name"].toString(), u"auditor"_s);
        QTRY_VERIFY(!details->toPlainText().contains(u"revoked-view"_s));
    }

    void detailsShowStatefulAndDaemonSets()
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        auto *details = find<QTextBrowser>(u"details"_s);
        const struct
        {
            QString ns, account, line, link;
        } cases[] {{u"data-platform"_s, u"postgres"_s, u"statefulset/postgres (1 of 1 ready)"_s,
                    u"runas:statefulset/postgres"_s},
                   {u"monitoring"_s, u"node-exporter"_s, u"daemonset/node-exporter (1 of 1 ready)"_s,
                    u"runas:daemonset/node-exporter"_s}};
        for (const auto &each : cases) {
            QVERIFY(selectRow(namespaces, each.ns));
            QTRY_VERIFY(selectRow(accounts, each.account));
            QTRY_VERIFY2(details->toPlainText().contains(each.line), qPrintable(details->toPlainText()));
            QVERIFY(details->toHtml().contains(each.link));
        }
        QVERIFY(selectRow(namespaces, u"payments"_s));
    }

    void secretKeysOnlyWhenAsked()
    {
        QTRY_VERIFY(findRow(find<QTreeView>(u"secrets"_s)->model(), u"db-credentials"_s).isValid());
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(1);
        auto *secrets = find<QTreeView>(u"secrets"_s);
        QVERIFY(selectRow(secrets, u"db-credentials"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"show names"_s));
        QVERIFY(details->toPlainText().contains(u"Opaque"_s));
        Q_EMIT details->anchorClicked(QUrl(u"keys:payments/db-credentials"_s));
        QTRY_VERIFY2(details->toPlainText().contains(u"host, password, username"_s),
                     qPrintable(details->toPlainText() + u" | "_s + find<sa::MessageBar>(u"messageBar"_s)->text()));
        QVERIFY(!details->toHtml().contains(u"demo-only-password"_s));
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
    }

    void createServiceAccountDialog()
    {
        find<QAction>(u"newServiceAccount"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"createServiceAccountDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"New service account in payments"_s);
        auto *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        auto *name = dialog->findChild<QLineEdit *>(u"name"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"errorLabel"_s)->isHidden()); // no complaint before any typing
        QTest::keyClicks(name, u"Bad_Name"_s);
        QVERIFY(dialog->findChild<QLabel *>(u"errorLabel"_s)->isVisible());
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"lower case alphanumeric"_s));
        SA_VERIFY_LABELS_SPOKEN(dialog);
        name->clear();
        QTest::keyClicks(name, u"ci-pusher"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"labels"_s), u"team=ci, tier=build"_s);
        auto *pullSecrets = dialog->findChild<QListWidget *>(u"pullSecrets"_s);
        // The namespace's registry secrets, none chosen yet.
        const QList<QListWidgetItem *> registry = pullSecrets->findItems(u"registry-cred"_s, Qt::MatchExactly);
        QCOMPARE(registry.size(), 1);
        for (int row = 0; row < pullSecrets->count(); ++row)
            QCOMPARE(pullSecrets->item(row)->checkState(), Qt::Unchecked);
        registry.first()->setCheckState(Qt::Checked);
        QVERIFY(ok->isEnabled());
        saveScreenshot(dialog, u"dialog-new-service-account"_s);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000); // closed and deleted
        const QJsonObject created =
            m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/ci-pusher"_s).json();
        QCOMPARE(created.value("metadata"_L1).toObject().value("labels"_L1).toObject(),
                 QJsonObject({{"team"_L1, "ci"_L1}, {"tier"_L1, "build"_L1}}));
        const QJsonArray expectedPullSecrets {QJsonObject {{"name"_L1, "registry-cred"_L1}}};
        QCOMPARE(created.value("imagePullSecrets"_L1).toArray(), expectedPullSecrets);
        QTRY_VERIFY(findRow(find<QTreeView>(u"serviceAccounts"_s)->model(), u"ci-pusher"_s).isValid());

        // A name the server already has: the dialog stays open with the server's words.
        find<QAction>(u"newServiceAccount"_s)->trigger();
        QPointer<QDialog> again = m_app->window().findChild<QDialog *>(u"createServiceAccountDialog"_s);
        QTRY_VERIFY(again && again->isVisible());
        QTest::keyClicks(again->findChild<QLineEdit *>(u"name"_s), u"ci-pusher"_s);
        again->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(again->findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"already exists"_s),
                                 10000);
        QVERIFY(again->isVisible());
        again->reject();
        QTRY_VERIFY(!again);
    }

    // Ctrl+I: any token pasted, decoded, and checked with the cluster (a TokenReview), forged ones refused.
    void tokenInspector()
    {
        const HttpResult issued =
            m_http->send("POST", u"/api/v1/namespaces/payments/serviceaccounts/payments-api/token"_s,
                         R"({"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}})");
        QCOMPARE(issued.code, 201);
        const QString token = issued.json()[u"status"][u"token"].toString();
        const auto claims = sa::TokenClaims::decode(token.toLatin1());
        QVERIFY(claims && !claims->id.isEmpty());
        QGuiApplication::clipboard()->setText(token);
        find<QAction>(u"inspectToken"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"tokenInspector"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->findChild<QPushButton *>(u"pasteToken"_s)->click();
        const auto claim = [&](const QString &name) {
            auto *label = dialog->findChild<QLabel *>(name);
            return label ? label->text() : QString();
        };
        QVERIFY2(claim(u"claimKind"_s).startsWith(u"bound token"_s), qPrintable(claim(u"claimKind"_s)));
        QCOMPARE(claim(u"claimSubject"_s), u"system:serviceaccount:payments:payments-api"_s);
        QCOMPARE(claim(u"claimId"_s), claims->id);
        QVERIFY(!claim(u"claimIssuer"_s).isEmpty());
        QVERIFY2(claim(u"expiry"_s).startsWith(u"Expires in "_s), qPrintable(claim(u"expiry"_s)));
        // Masked: the field shows no part of it.
        QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"secretText"_s)->toPlainText().contains(u'.'));
        auto *check = dialog->findChild<QPushButton *>(u"checkToken"_s);
        check->click();
        QTRY_VERIFY_WITH_TIMEOUT(claim(u"reviewAnswer"_s).startsWith(u"✓"_s), 10000);
        QString answer = claim(u"reviewAnswer"_s);
        QVERIFY2(answer.contains(u"The cluster accepts it as system:serviceaccount:payments:payments-api"_s),
                 qPrintable(answer));
        QVERIFY2(answer.contains(u"system:serviceaccounts:payments"_s), qPrintable(answer));
        QVERIFY2(answer.contains(u"authentication.kubernetes.io/credential-id: JTI="_s + claims->id),
                 qPrintable(answer));
        saveScreenshot(dialog, u"dialog-token-inspector"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);

        // Another signature: the same claims, refused with the server's reason.
        QString forged = token;
        forged[forged.size() - 2] = forged[forged.size() - 2] == u'A' ? u'B' : u'A';
        QGuiApplication::clipboard()->setText(forged);
        dialog->findChild<QPushButton *>(u"pasteToken"_s)->click();
        QVERIFY(claim(u"reviewAnswer"_s).isEmpty()); // the last answer was about the other token
        QCOMPARE(claim(u"claimId"_s), claims->id);
        check->click();
        QTRY_VERIFY_WITH_TIMEOUT(claim(u"reviewAnswer"_s).startsWith(u"✗"_s), 10000);
        answer = claim(u"reviewAnswer"_s);
        QVERIFY2(answer.startsWith(u"✗ The cluster does not accept this token: "_s) && answer.size() > 45,
                 qPrintable(answer));

        // Not a token at all: said so, and nothing can be sent.
        QGuiApplication::clipboard()->setText(u"hello world"_s);
        dialog->findChild<QPushButton *>(u"pasteToken"_s)->click();
        QVERIFY2(claim(u"tokenProblem"_s).startsWith(u"This is not a token"_s), qPrintable(claim(u"tokenProblem"_s)));
        QVERIFY(claim(u"claimSubject"_s).isEmpty());
        QVERIFY(!check->isEnabled());
        // An opaque token (a bootstrap token): no claims, but the cluster may be asked.
        QGuiApplication::clipboard()->setText(u"abcdef.0123456789abcdef"_s);
        dialog->findChild<QPushButton *>(u"pasteToken"_s)->click();
        QVERIFY2(claim(u"tokenProblem"_s).startsWith(u"Its claims cannot be read: not a JWT"_s),
                 qPrintable(claim(u"tokenProblem"_s)));
        check->click();
        QTRY_VERIFY_WITH_TIMEOUT(claim(u"reviewAnswer"_s).startsWith(u"✗"_s), 10000);
        QGuiApplication::clipboard()->clear();
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    // A token bound to a Secret made for it: it works until "Revoke now" deletes the Secret, then the cluster
    // refuses it.
    void revocableToken()
    {
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"issueToken"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"issueTokenDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *bound = dialog->findChild<QComboBox *>(u"boundObject"_s);
        bound->setCurrentIndex(1);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QWidget *>(u"tokenResult"_s), 10000);
        auto *token = dialog->findChild<sa::SecretField *>(u"token"_s);
        const QByteArray value = token->value().reveal();
        const auto claims = sa::TokenClaims::decode(value);
        QVERIFY(claims);
        QCOMPARE(claims->boundKind, u"Secret"_s);
        QVERIFY2(claims->boundName.startsWith(u"payments-api-token-revoke-"_s), qPrintable(claims->boundName));
        const QString secretPath = u"/api/v1/namespaces/payments/secrets/"_s + claims->boundName;
        QCOMPARE(m_http->send("GET", secretPath).code, 200);
        const auto review = [this, &value] {
            return m_http
                ->send("POST", u"/apis/authentication.k8s.io/v1/tokenreviews"_s,
                       R"({"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","spec":{"token":")" + value
                           + R"("}})")
                .json()[u"status"][u"authenticated"]
                .toBool();
        };
        QVERIFY(review());
        auto *state = dialog->findChild<QLabel *>(u"revocationState"_s);
        QVERIFY2(state->text().contains(claims->boundName), qPrintable(state->text()));
        SA_VERIFY_LABELS_SPOKEN(dialog);
        saveScreenshot(dialog, u"dialog-revocable-token"_s);
        dialog->findChild<QPushButton *>(u"revokeNow"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(u"Revoked: "_s), 10000);
        QCOMPARE(m_http->send("GET", secretPath).code, 404);
        QVERIFY(!review());
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    void issueTokenDialog()
    {
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"issueToken"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"issueTokenDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"Issue token for payments/payments-api"_s);
        auto *lifetime = dialog->findChild<QComboBox *>(u"lifetime"_s);
        QCOMPARE(lifetime->currentText(), u"1 hour"_s);
        lifetime->setCurrentIndex(lifetime->findText(u"Custom…"_s));
        dialog->findChild<QSpinBox *>(u"minutes"_s)->setValue(5);
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        lifetime->setCurrentIndex(lifetime->findText(u"30 minutes"_s));
        // Bound to nothing, to one of the two pods of payments-api, or to a secret of the namespace.
        auto *bound = dialog->findChild<QComboBox *>(u"boundObject"_s);
        QCOMPARE(bound->itemText(0), u"Nothing (valid until it expires)"_s);
        QCOMPARE(bound->itemText(1), u"A new Secret made for it (revoke by deleting the Secret)"_s);
        QVERIFY(bound->itemText(2).startsWith(u"pod/payments-api-"_s));
        QVERIFY(bound->itemText(3).startsWith(u"pod/payments-api-"_s));
        QVERIFY(bound->findText(u"secret/db-credentials"_s) > 3);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QWidget *>(u"tokenResult"_s), 10000);
        saveScreenshot(dialog, u"dialog-issue-token"_s);

        // The token is masked until revealed; revealed, it is a real 30-minute token of this account.
        auto *token = dialog->findChild<sa::SecretField *>(u"token"_s);
        auto *text = token->findChild<QPlainTextEdit *>(u"secretText"_s);
        QVERIFY(!text->toPlainText().contains(u'.'));
        token->setRevealed(true);
        const auto claims = sa::TokenClaims::decode(text->toPlainText().toLatin1());
        QVERIFY(claims);
        QCOMPARE(claims->subject, u"system:serviceaccount:payments:payments-api"_s);
        QCOMPARE(claims->issuedAt.secsTo(claims->expiresAt), 1800);
        QVERIFY(dialog->findChild<QLabel *>(u"expiry"_s)->text().contains(u"in 30 min"_s));
        // Copying the token puts it on the clipboard for a while, and the status bar counts down.
        token->copyToClipboard();
        QCOMPARE(QGuiApplication::clipboard()->text(), text->toPlainText());
        QTRY_VERIFY(find<QLabel>(u"clipboardCountdown"_s)->text().startsWith(u"Clipboard clears in "_s));
        QVERIFY(find<QLabel>(u"clipboardCountdown"_s)->isVisible());
        dialog->findChild<QPushButton *>(u"testToken"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->findChild<QLabel *>(u"tokenStatus"_s)->text(),
                                  u"Authenticates as system:serviceaccount:payments:payments-api"_s, 10000);
        SA_VERIFY_LABELS_SPOKEN(dialog);
        // The curl command and the kubeconfig carry the token, so they go through the guard too.
        dialog->findChild<QPushButton *>(u"copyCurl"_s)->click();
        const QString curl = QGuiApplication::clipboard()->text();
        // The token goes to curl through a pipe from the shell's printf builtin, never in curl's arguments.
        QVERIFY2(curl.startsWith(u"printf '%s\\n' 'Authorization: Bearer "_s + text->toPlainText()
                                 + u"' | curl --cacert "_s),
                 qPrintable(curl.left(40)));
        QVERIFY(curl.contains(m_sim->url() + u"/api'"_s));
        QVERIFY(curl.endsWith(u" --header @-"_s));
        QVERIFY(dialog->findChild<QLabel *>(u"tokenStatus"_s)->text().contains(u"history"_s));
        dialog->findChild<QPushButton *>(u"copyKubeconfig"_s)->click();
        QVERIFY(QGuiApplication::clipboard()->text().contains(u"namespace: \"payments\""_s));
        QTemporaryDir dir;
        const QString saved = dir.filePath(u"payments-api.kubeconfig"_s);
        QString error;
        QVERIFY2(dialog->findChild<sa::TokenView *>()->saveKubeconfig(saved, &error), qPrintable(error));
        // Readable by the user alone (Qt reports the owner's bits twice, as Owner and as User).
        QCOMPARE(QFileInfo(saved).permissions(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
        const CommandResult whoami = Kubectl(*m_sim).run({u"auth"_s, u"whoami"_s}, saved);
        QVERIFY2(whoami.out.contains(u"system:serviceaccount:payments:payments-api"_s), qPrintable(whoami.err));
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    void pullSecretsDialog()
    {
        const QByteArray registry =
            "{\"metadata\":{\"name\":\"mirror-cred\"},\"type\":\"kubernetes.io/dockerconfigjson\","
            "\"stringData\":{\".dockerconfigjson\":\"{\\\"auths\\\":{}}\"}}";
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/payments/secrets"_s, registry).code, 201);
        QTRY_VERIFY(findRow(find<QTreeView>(u"secrets"_s)->model(), u"mirror-cred"_s).isValid());
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-worker"_s));
        find<QAction>(u"pullSecrets"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"pullSecretsDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *list = dialog->findChild<QListWidget *>(u"pullSecrets"_s);
        const auto item = [list](const QString &name) {
            const QList<QListWidgetItem *> found = list->findItems(name, Qt::MatchExactly);
            return found.size() == 1 ? found.first() : nullptr;
        };
        QVERIFY(item(u"registry-cred"_s) && item(u"mirror-cred"_s));
        QCOMPARE(item(u"registry-cred"_s)->checkState(), Qt::Checked);
        QCOMPARE(item(u"mirror-cred"_s)->checkState(), Qt::Unchecked);
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isEnabled()); // nothing changed yet
        // Attach mirror-cred and detach registry-cred in one go, in the list as a user would.
        list->setFocus();
        item(u"registry-cred"_s)->setCheckState(Qt::Unchecked);
        item(u"mirror-cred"_s)->setCheckState(Qt::Checked);
        QVERIFY(dialog->findChild<QLabel *>(u"podNote"_s)->text().contains(u"Running without some of them"_s));
        // Detaching is destructive: Enter would cancel.
        QVERIFY(dialog->findChild<QPushButton *>(u"cancelButton"_s)->isDefault());
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isDefault());
        saveScreenshot(dialog, u"dialog-pull-secrets"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        const QJsonArray expected {QJsonObject {{"name"_L1, "mirror-cred"_L1}}};
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/payments-worker"_s)
                     .json()
                     .value("imagePullSecrets"_L1)
                     .toArray(),
                 expected);
    }

    void pullSecretsCreateAndRace()
    {
        // A new registry secret made inside the pull-secret flow, attached while another client attaches another.
        const QByteArray other = "{\"metadata\":{\"name\":\"race-cred\"},\"type\":\"kubernetes.io/dockerconfigjson\","
                                 "\"stringData\":{\".dockerconfigjson\":\"{\\\"auths\\\":{}}\"}}";
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/payments/secrets"_s, other).code, 201);
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"pullSecrets"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"pullSecretsDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        dialog->findChild<QPushButton *>(u"newRegistrySecret"_s)->click();
        QPointer<QDialog> registry = dialog->findChild<QDialog *>(u"registrySecretDialog"_s);
        QTRY_VERIFY(registry && registry->isVisible());
        auto *create = registry->findChild<QPushButton *>(u"okButton"_s);
        QTest::keyClicks(registry->findChild<QLineEdit *>(u"name"_s), u"ghcr-cred"_s);
        QTest::keyClicks(registry->findChild<QLineEdit *>(u"server"_s), u"ghcr.io"_s);
        QTest::keyClicks(registry->findChild<QLineEdit *>(u"username"_s), u"robot"_s);
        QVERIFY(!create->isEnabled());
        QVERIFY(registry->findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"password"_s));
        SA_VERIFY_LABELS_SPOKEN(registry);
        QTest::keyClicks(registry->findChild<QLineEdit *>(u"password"_s), u"s3cret pass"_s);
        QVERIFY(create->isEnabled());
        saveScreenshot(registry, u"dialog-registry-secret"_s);
        create->click();
        QTRY_VERIFY_WITH_TIMEOUT(!registry, 10000);
        const QJsonObject made = m_http->send("GET", u"/api/v1/namespaces/payments/secrets/ghcr-cred"_s).json();
        QCOMPARE(made.value("type"_L1).toString(), u"kubernetes.io/dockerconfigjson"_s);
        const QJsonObject auth =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(
                    made.value("data"_L1).toObject().value(".dockerconfigjson"_L1).toString().toLatin1()))
                .object()
                .value("auths"_L1)
                .toObject()
                .value("ghcr.io"_L1)
                .toObject();
        QCOMPARE(auth.value("password"_L1).toString(), u"s3cret pass"_s);
        QCOMPARE(auth.value("auth"_L1).toString(), QString::fromLatin1("robot:s3cret pass"_ba.toBase64()));
        auto *list = dialog->findChild<QListWidget *>(u"pullSecrets"_s);
        QTRY_VERIFY(!list->findItems(u"ghcr-cred"_s, Qt::MatchExactly).isEmpty());
        QCOMPARE(list->findItems(u"ghcr-cred"_s, Qt::MatchExactly).first()->checkState(), Qt::Checked);

        // Another client attaches race-cred while the dialog is open: both attachments survive.
        QCOMPARE(m_http
                     ->send("PATCH", u"/api/v1/namespaces/payments/serviceaccounts/payments-api"_s,
                            "[{\"op\":\"add\",\"path\":\"/imagePullSecrets/-\",\"value\":{\"name\":\"race-cred\"}}]",
                            "application/json-patch+json")
                     .code,
                 200);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QStringList attached;
        for (const QJsonValue &entry :
             m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/payments-api"_s)
                 .json()
                 .value("imagePullSecrets"_L1)
                 .toArray())
            attached.append(entry.toObject().value("name"_L1).toString());
        attached.sort();
        QCOMPARE(attached, QStringList({u"ghcr-cred"_s, u"old-registry-cred"_s, u"race-cred"_s, u"registry-cred"_s}));
    }

    void tokenSecretDialog()
    {
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"newTokenSecret"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"tokenSecretDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"explanation"_s)->text().contains(u"never expires"_s));
        QCOMPARE(dialog->findChild<QLineEdit *>(u"name"_s)->text(), u"payments-api-token"_s);
        saveScreenshot(dialog, u"dialog-token-secret"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QWidget *>(u"tokenSecretResult"_s), 15000);
        auto *token = dialog->findChild<sa::SecretField *>(u"token"_s);
        auto *text = token->findChild<QPlainTextEdit *>(u"secretText"_s);
        token->setRevealed(true);
        const QByteArray stored =
            QByteArray::fromBase64(m_http->send("GET", u"/api/v1/namespaces/payments/secrets/payments-api-token"_s)
                                       .json()
                                       .value("data"_L1)
                                       .toObject()
                                       .value("token"_L1)
                                       .toString()
                                       .toLatin1());
        QVERIFY(!stored.isEmpty());
        QCOMPARE(text->toPlainText().toLatin1(), stored);
        QVERIFY(dialog->findChild<QLabel *>(u"expiry"_s)->text().contains(u"Never expires"_s));
        saveScreenshot(dialog, u"dialog-token-secret-result"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);
        dialog->reject();
        QTRY_VERIFY(!dialog);

        // With the token controller down, the dialog says so and leaves no empty secret behind.
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, "{\"controllersPaused\":true}").code, 200);
        find<QAction>(u"newTokenSecret"_s)->trigger();
        QPointer<sa::TokenSecretDialog> stuck = m_app->window().findChild<sa::TokenSecretDialog *>();
        QTRY_VERIFY(stuck && stuck->isVisible());
        stuck->setWaitMilliseconds(1000);
        auto *name = stuck->findChild<QLineEdit *>(u"name"_s);
        name->setText(u"never-filled"_s);
        stuck->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(stuck->errorText().contains(u"did not fill"_s), 10000);
        QVERIFY(stuck->errorText().contains(u"token controller"_s));
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/secrets/never-filled"_s).code, 404);

        // When deleting the empty secret is refused as well, the dialog does not claim that nothing was created.
        QCOMPARE(m_http
                     ->send("PUT", u"/kube-sim/v1/faults"_s,
                            R"({"controllersPaused":true,"errors":[{"path":"^/api/v1/namespaces/payments/secrets/)"
                            R"(left-empty$","method":"DELETE","code":403}]})")
                     .code,
                 200);
        name->setText(u"left-empty"_s);
        stuck->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(stuck->errorText().contains(u"deleting the empty secret failed"_s), 10000);
        QVERIFY2(!stuck->errorText().contains(u"not created"_s), qPrintable(stuck->errorText()));
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/secrets/left-empty"_s).code, 200);
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/secrets/left-empty"_s).code, 200);
        stuck->reject();
        QTRY_VERIFY(!stuck);
    }

    void revealSecretValues()
    {
        const QByteArray binary =
            "{\"metadata\":{\"name\":\"keystore\"},\"data\":{\"keystore.p12\":\"AAH/\",\"pin\":\"MTIzNA==\"}}";
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/payments/secrets"_s, binary).code, 201);
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(1);
        auto *secrets = find<QTreeView>(u"secrets"_s);
        QTRY_VERIFY(selectRow(secrets, u"keystore"_s));
        find<QAction>(u"revealSecret"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"secretValuesDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QWidget *>(u"secretValues"_s), 10000);
        auto *pin = dialog->findChild<sa::SecretField *>(u"value:pin"_s);
        auto *store = dialog->findChild<sa::SecretField *>(u"value:keystore.p12"_s);
        QVERIFY(pin && store);
        auto *pinText = pin->findChild<QPlainTextEdit *>(u"secretText"_s);
        QVERIFY(!pinText->toPlainText().contains(u"1234"_s));
        pin->setRevealed(true); // one value revealed, the other still masked
        QCOMPARE(pinText->toPlainText(), u"1234"_s);
        QVERIFY(!store->isRevealed());
        store->setRevealed(true);
        QVERIFY2(store->findChild<QPlainTextEdit *>(u"secretText"_s)
                     ->toPlainText()
                     .startsWith(u"3 bytes (binary): 00 01 ff"_s),
                 qPrintable(store->findChild<QPlainTextEdit *>(u"secretText"_s)->toPlainText()));
        saveScreenshot(dialog, u"dialog-reveal-values"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);
        dialog->reject();
        QTRY_VERIFY(!dialog);

        // A registry's .dockerconfigjson (143 bytes): revealed, all of it in view.
        Q_EMIT find<QTextBrowser>(u"details"_s)->anchorClicked(QUrl(u"reveal:payments/registry-cred"_s));
        QPointer<QDialog> registry = m_app->window().findChild<QDialog *>(u"secretValuesDialog"_s);
        QTRY_VERIFY(registry && registry->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(registry->findChild<QWidget *>(u"secretValues"_s), 10000);
        auto *config = registry->findChild<sa::SecretField *>(u"value:.dockerconfigjson"_s);
        config->setRevealed(true);
        auto *configText = config->findChild<QPlainTextEdit *>(u"secretText"_s);
        QCOMPARE(configText->toPlainText().toUtf8(), config->value().reveal());
        QVERIFY(configText->toPlainText().endsWith(u"}}}"_s));
        QTRY_VERIFY(configText->isVisible() && configText->height() > 2 * configText->fontMetrics().lineSpacing());
        QTRY_COMPARE(configText->verticalScrollBar()->maximum(), 0);
        QTRY_COMPARE(registry->findChild<QScrollArea *>()->verticalScrollBar()->maximum(), 0); // the dialog grew
        registry->reject();
        QTRY_VERIFY(!registry);

        // A token secret's token comes with its claims, from the details pane's link.
        const QByteArray tokenSecret = "{\"metadata\":{\"name\":\"reveal-token\",\"annotations\":"
                                       "{\"kubernetes.io/service-account.name\":\"payments-api\"}},"
                                       "\"type\":\"kubernetes.io/service-account-token\"}";
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/payments/secrets"_s, tokenSecret).code, 201);
        Q_EMIT find<QTextBrowser>(u"details"_s)->anchorClicked(QUrl(u"reveal:payments/reveal-token"_s));
        QPointer<QDialog> token = m_app->window().findChild<QDialog *>(u"secretValuesDialog"_s);
        QTRY_VERIFY(token && token->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(token->findChild<sa::TokenView *>(), 10000);
        QVERIFY(token->findChild<sa::SecretField *>(u"value:ca.crt"_s));
        token->reject();
        QTRY_VERIFY(!token);
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
    }

    void yamlAndWorkloadFromTheWindow()
    {
        // Ctrl+Y on the selected account; the details pane's links to a workload's YAML and account change.
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        find<QAction>(u"showYaml"_s)->trigger();
        QPointer<sa::YamlDialog> yaml = m_app->window().findChild<sa::YamlDialog *>();
        QTRY_VERIFY(yaml && yaml->isVisible());
        QCOMPARE(yaml->windowTitle(), u"YAML of ServiceAccount payments/payments-api"_s);
        QTRY_VERIFY_WITH_TIMEOUT(yaml->isLoaded(), 10000);
        QVERIFY(yaml->findChild<QPlainTextEdit *>(u"yaml"_s)->toPlainText().contains(u"  name: payments-api\n"_s));
        yaml->reject();
        QTRY_VERIFY(!yaml);

        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toHtml().contains(u"runas:deployment/payments-api"_s));
        Q_EMIT details->anchorClicked(QUrl(u"runas:deployment/payments-api"_s));
        QPointer<QDialog> change = m_app->window().findChild<QDialog *>(u"changeServiceAccountDialog"_s);
        QTRY_VERIFY(change && change->isVisible());
        QVERIFY(change->findChild<QComboBox *>(u"workload"_s)->currentText().startsWith(u"deployment/payments-api"_s));
        QVERIFY(!change->findChild<QPushButton *>(u"okButton"_s)->isEnabled()); // it runs as payments-api already
        change->reject();
        QTRY_VERIFY(!change);
    }

    void workloadChangeStartsUnchosen()
    {
        // Ctrl+Shift+R with payments-worker selected: its name is the target, but no workload is chosen, so Enter
        // (which cancels anyway) cannot roll a deployment the user never picked.
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-worker"_s));
        find<QAction>(u"changeWorkload"_s)->trigger();
        QPointer<QDialog> change = m_app->window().findChild<QDialog *>(u"changeServiceAccountDialog"_s);
        QVERIFY(change);
        QVERIFY(QTest::qWaitForWindowExposed(change));
        QCOMPARE(change->findChild<QComboBox *>(u"workload"_s)->currentIndex(), -1);
        QCOMPARE(change->findChild<QComboBox *>(u"serviceAccount"_s)->currentText(), u"payments-worker"_s);
        QVERIFY(!change->findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        QTest::keyClick(change->focusWidget(), Qt::Key_Return); // where the focus is once the window is active
        QTRY_VERIFY(!change);
        const QJsonObject deployment =
            m_http->send("GET", u"/apis/apps/v1/namespaces/payments/deployments/payments-api"_s).json();
        QCOMPARE(deployment[u"spec"][u"template"][u"spec"][u"serviceAccountName"].toString(), u"payments-api"_s);
    }

    void automountDialog()
    {
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-worker"_s));
        find<QAction>(u"automount"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"automountDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *automount = dialog->findChild<QComboBox *>(u"automount"_s);
        QCOMPARE(automount->currentText(), u"Not mounted"_s); // as the demo made it
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        // The pod snippet, without the token, works with kubectl as it is.
        auto *podAutomount = dialog->findChild<QComboBox *>(u"podAutomount"_s);
        podAutomount->setCurrentIndex(podAutomount->findText(u"Not mounted"_s));
        const QString snippet = dialog->findChild<QPlainTextEdit *>(u"podSnippet"_s)->toPlainText();
        QVERIFY(snippet.contains(u"automountServiceAccountToken: false"_s));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(qobject_cast<sa::AutomountDialog *>(dialog.data())->saveSnippet(dir.filePath(u"pod.yaml"_s), &error),
                 qPrintable(error));
        const CommandResult applied = Kubectl(*m_sim).run({u"apply"_s, u"-f"_s, dir.filePath(u"pod.yaml"_s)});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        const QJsonObject pod = m_http->send("GET", u"/api/v1/namespaces/payments/pods/payments-worker-shell"_s).json();
        const QJsonObject spec = pod.value("spec"_L1).toObject();
        QCOMPARE(spec.value("serviceAccountName"_L1).toString(), u"payments-worker"_s);
        QVERIFY(!QJsonDocument(spec).toJson().contains("kube-api-access"));
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/pods/payments-worker-shell"_s).code, 200);
        saveScreenshot(dialog, u"dialog-automount"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);

        // Back to the default: the field goes from the account.
        automount->setCurrentIndex(0);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QVERIFY(!m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/payments-worker"_s)
                     .json()
                     .contains("automountServiceAccountToken"_L1));
    }

    void clipboardDelayIsASetting()
    {
        // View > Clear copied secrets after… opens Edit > Preferences at the delay (tst_preferences has the rest).
        find<QAction>(u"clipboardDelay"_s)->trigger();
        QPointer<sa::ActionDialog> preferences = find<sa::ActionDialog>(u"preferencesDialog"_s);
        QVERIFY(preferences);
        auto *seconds = preferences->findChild<QSpinBox *>(u"clipboardSeconds"_s);
        seconds->setValue(12);
        preferences->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY(!preferences);
        QCOMPARE(sa::ClipboardGuard::instance()->clearDelay(), std::chrono::milliseconds(12000));
        QCOMPARE(QSettings().value(u"clipboard/clearSeconds"_s).toInt(), 12);
    }

    void deleteServiceAccountDialog()
    {
        // ci-pusher goes (made here unless the create test left it); the dialog first says what goes with it.
        const QString account = u"/api/v1/namespaces/payments/serviceaccounts/ci-pusher"_s;
        if (m_http->send("GET", account).code == 404) {
            QCOMPARE(m_http
                         ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                                "{\"metadata\":{\"name\":\"ci-pusher\"}}")
                         .code,
                     201);
        }
        QTRY_VERIFY(findRow(find<QTreeView>(u"serviceAccounts"_s)->model(), u"ci-pusher"_s).isValid());
        const QString secret =
            u"{\"metadata\":{\"name\":\"ci-pusher-token\",\"annotations\":{\"kubernetes.io/"
            "service-account.name\":\"ci-pusher\"}},\"type\":\"kubernetes.io/service-account-token\"}"_s;
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/payments/secrets"_s, secret.toUtf8()).code, 201);
        QTRY_VERIFY(findRow(find<QTreeView>(u"secrets"_s)->model(), u"ci-pusher-token"_s).isValid());
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"ci-pusher"_s));
        // Enter, at once or later, cancels: Delete has to be pressed.
        find<QAction>(u"delete"_s)->trigger();
        QPointer<QDialog> hasty = m_app->window().findChild<QDialog *>(u"deleteServiceAccountDialog"_s);
        QVERIFY(hasty);
        QVERIFY(QTest::qWaitForWindowExposed(hasty));
        QVERIFY(hasty->findChild<QPushButton *>(u"cancelButton"_s)->isDefault());
        QVERIFY(!hasty->findChild<QPushButton *>(u"okButton"_s)->isDefault());
        QCOMPARE(hasty->focusWidget(), hasty->findChild<QPushButton *>(u"cancelButton"_s));
        QTest::keyClick(hasty->focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!hasty);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/ci-pusher"_s).code, 200);

        find<QAction>(u"delete"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"deleteServiceAccountDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"consequences"_s)->text().contains(u"ci-pusher-token"_s));
        saveScreenshot(dialog, u"dialog-delete-service-account"_s);
        SA_VERIFY_LABELS_SPOKEN(dialog);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/ci-pusher"_s).code, 404);
        QTRY_COMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/secrets/ci-pusher-token"_s).code, 404);
        QTRY_VERIFY(!findRow(find<QTreeView>(u"serviceAccounts"_s)->model(), u"ci-pusher"_s).isValid());
    }

    void changesMadeElsewhereShowUpLive()
    {
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"payments-api"_s));
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                            "{\"metadata\":{\"name\":\"made-elsewhere\"}}")
                     .code,
                 201);
        QTRY_VERIFY(findRow(accounts->model(), u"made-elsewhere"_s).isValid());
        // The details of the selected account follow a change to it.
        QCOMPARE(m_http
                     ->send("PATCH", u"/api/v1/namespaces/payments/serviceaccounts/payments-api"_s,
                            "{\"automountServiceAccountToken\":false}", "application/merge-patch+json")
                     .code,
                 200);
        auto *details = find<QTextBrowser>(u"details"_s);
        static const QRegularExpression automountOff(u"Automount token\\s+off"_s);
        QTRY_VERIFY(details->toPlainText().contains(automountOff));
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/made-elsewhere"_s).code, 200);
        QTRY_VERIFY(!findRow(accounts->model(), u"made-elsewhere"_s).isValid());
    }

    void droppedConnectionReconnects()
    {
        auto *bar = find<sa::MessageBar>(u"messageBar"_s);
        QVERIFY(bar->text().isEmpty());
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, "{\"outageMs\":1500}").code, 200);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Reconnecting"_s), 10000);
        // One line for the one cause, whichever lists it hit: the connection is gone, and it is being restored.
        // (A watch still being opened when the server went is refused rather than cut: the cut one wins.)
        QTRY_COMPARE_WITH_TIMEOUT(bar->text(), u"The connection to 127.0.0.1 was lost. Reconnecting…"_s, 10000);
        QTest::qWait(500); // the lists' reconnection attempts are refused meanwhile: still the same line
        QCOMPARE(bar->text(), u"The connection to 127.0.0.1 was lost. Reconnecting…"_s);
        // Back: the message goes with its cause, and the status says so.
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar->text().isEmpty(), qPrintable(bar->text()), 10000);
        QVERIFY(!bar->isVisible());
        QCOMPARE(SimHttp(*m_sim)
                     .send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                           "{\"metadata\":{\"name\":\"after-outage\"}}")
                     .code,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QTreeView>(u"serviceAccounts"_s)->model(), u"after-outage"_s).isValid(),
                                 15000);
    }

    void restrictedUserWorksInItsNamespace()
    {
        // A user who may read one namespace only: the cluster-wide lists are refused, the window says so with
        // the server's words, and works in the namespace the user may read.
        const QString kubeconfig = Kubectl(*m_sim).tokenKubeconfig(u"ci-token.kubeconfig"_s, "ci-token");
        m_app.reset();
        m_app = std::make_unique<sa::Application>(sa::Application::Options {kubeconfig, {}, u"ci"_s, false, {}});
        m_app->start();
        auto *bar = find<sa::MessageBar>(u"messageBar"_s);
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(u"forbidden"_s), 20000);
        QVERIFY2(bar->text().contains(u"User \"ci-viewer\" cannot list resource"_s), qPrintable(bar->text()));
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as ci-viewer"_s), 20000);
        // Every refusal is one entry that names what it refuses, in the server's words, not one line per list.
        QTRY_VERIFY2_WITH_TIMEOUT(bar->text().startsWith(u"Not allowed to list "_s) && !bar->text().contains(u'\n')
                                      && bar->text().contains(u"secrets in ci"_s),
                                  qPrintable(bar->text()), 10000);
        // The refusal that empties the visible pane leads, quoted: the secrets tab shows why it is empty.
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(1);
        QVERIFY2(bar->text().startsWith(u"Not allowed to list secrets in ci, "_s)
                     && bar->text().contains(u": secrets is forbidden: User \"ci-viewer\" cannot list resource "
                                             "\"secrets\" in API group \"\" in the namespace \"ci\""_s),
                 qPrintable(bar->text()));
        // Details: each list with the server's whole sentence.
        auto *toggle = find<QToolButton>(u"messageDetailsToggle"_s);
        QVERIFY(toggle->isVisible());
        toggle->click();
        QVERIFY(find<QLabel>(u"messageDetails"_s)->isVisible());
        saveScreenshot(&m_app->window(), u"window-refusals-details"_s);
        QVERIFY2(
            bar->detailsText().contains(u"namespaces:\n    namespaces is forbidden: User \"ci-viewer\" cannot list "
                                        "resource \"namespaces\""_s),
            qPrintable(bar->detailsText()));
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
        // Namespaces cannot be listed either: the context's namespace is offered, and its accounts are shown.
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QListView>(u"namespaces"_s)->model(), u"ci"_s).isValid(), 10000);
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(accounts->model(), u"deployer"_s).isValid(), 10000);
        QVERIFY(findRow(accounts->model(), u"image-builder"_s).isValid());
        QVERIFY(!findRow(accounts->model(), u"payments-api"_s).isValid());
        // So a pull secret cannot be checked, and the details say that rather than call it missing.
        QVERIFY(selectRow(accounts, u"image-builder"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().contains(u"ghcr-push (cannot check: secrets are not readable)"_s));
        // Nor can the bindings be read: what the account may do is the server's answer, for the account, in ci.
        QTRY_VERIFY2(
            details->toPlainText().contains(u"The server's answer (SelfSubjectRulesReview as the account, in ci"_s),
            qPrintable(details->toPlainText()));
        QVERIFY2(details->toPlainText().contains(u"cannot check from the bindings: "_s),
                 qPrintable(details->toPlainText()));
        saveScreenshot(&m_app->window(), u"window-can-do-from-server"_s);
        QCOMPARE(accounts->model()->index(0, sa::ServiceAccountModel::RiskColumn).data().toString(), u"cannot check"_s);
        // Revealing a secret the user may not read: the dialog stays, with the server's sentence and a way to retry.
        Q_EMIT details->anchorClicked(QUrl(u"reveal:ci/ghcr-push"_s));
        QPointer<sa::ActionDialog> reveal = m_app->window().findChild<sa::ActionDialog *>(u"secretValuesDialog"_s);
        QTRY_VERIFY(reveal && reveal->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!reveal->isBusy(), 10000);
        QVERIFY2(reveal->errorText().contains(u"User \"ci-viewer\" cannot get resource \"secrets\""_s),
                 qPrintable(reveal->errorText()));
        SA_VERIFY_LABELS_SPOKEN(reveal);
        QVERIFY(reveal->findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        reveal->reject();
        QTRY_VERIFY(!reveal);
    }

    void refusedCredentialsSayWhy()
    {
        const QString kubeconfig =
            Kubectl(*m_sim).tokenKubeconfig(u"revoked-long-ago.kubeconfig"_s, "revoked-long-ago");
        m_app.reset();
        m_app = std::make_unique<sa::Application>(sa::Application::Options {kubeconfig, {}, {}, false, {}});
        m_app->start();
        QTRY_VERIFY2_WITH_TIMEOUT(
            status().startsWith(u"● Not connected: The cluster did not accept your credentials"_s),
            qPrintable(status()), 20000);
    }

    void missingPluginSaysSoOnce()
    {
        // A kubeconfig whose exec plugin is not installed: every list fails alike, and the window says it once, in
        // one line, the plugin's install hint under Details.
        QFile admin(m_sim->kubeconfigPath());
        QVERIFY(admin.open(QIODevice::ReadOnly));
        QByteArray config;
        for (const QByteArray &line : admin.readAll().split('\n')) {
            if (line.contains("client-certificate-data"))
                config += "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: Never\n"
                          "      command: sa-test-login-not-installed\n"
                          "      installHint: Install it with your package manager.\n";
            else if (!line.contains("client-key-data"))
                config += line + '\n';
        }
        const QString kubeconfig = Kubectl(*m_sim).writeFile(u"missing-plugin.kubeconfig"_s, config);
        QVERIFY(!kubeconfig.isEmpty());
        m_app.reset();
        m_app = std::make_unique<sa::Application>(sa::Application::Options {kubeconfig, {}, {}, false, {}});
        m_app->start();
        const QString reason =
            u"Cannot get credentials for this cluster: exec: executable sa-test-login-not-installed not found"_s;
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"● Not connected: "_s + reason, 20000);
        auto *bar = find<sa::MessageBar>(u"messageBar"_s);
        QTRY_COMPARE_WITH_TIMEOUT(bar->text(), reason, 10000);
        QTest::qWait(1500); // the lists retry: still one entry
        QCOMPARE(bar->text(), reason);
        QCOMPARE(status(), u"● Not connected: "_s + reason);
        QVERIFY2(bar->height() < m_app->window().height() / 5,
                 qPrintable(u"%1 of %2"_s.arg(bar->height()).arg(m_app->window().height())));
        QVERIFY(bar->detailsText().contains(u"Install it with your package manager."_s));
        QVERIFY(bar->detailsText().startsWith(u"namespaces, cluster role bindings, service accounts, "_s));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        QCOMPARE(m_sim->stop(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
