// The Tokens tab against kube-sim, offscreen: the audit of long-lived token Secrets checked against what the server
// holds (read with the real kubectl), its filters, summary and CSV export, and the actions on tokens checked with
// `kubectl auth whoami --token`.

#include "Accessibility.h"
#include "Application.h"
#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "MessageBar.h"
#include "Preferences.h"
#include "Rows.h"
#include "Screenshot.h"
#include "SecretField.h"
#include "TokenActionDialog.h"
#include "TokenAudit.h"
#include "TokensPane.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

QString daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().date().addDays(-days).toString(Qt::ISODate);
}

QString today()
{
    return daysAgo(0);
}

// A day as the window shows it: in the user's locale (the labels hold it as yyyy-MM-dd).
QString shown(const QString &isoDate)
{
    return isoDate.isEmpty() ? QString()
                             : QLocale().toString(QDate::fromString(isoDate, Qt::ISODate), QLocale::ShortFormat);
}

} // namespace

class TestTokens : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(const QString &name) const
    {
        return m_app->window().findChild<T *>(name);
    }

    QJsonObject kubectlJson(const QStringList &arguments) const
    {
        const CommandResult result = m_kubectl->run(arguments + QStringList {u"-o"_s, u"json"_s});
        if (result.exitCode != 0)
            qWarning().noquote() << result.err;
        return QJsonDocument::fromJson(result.out.toUtf8()).object();
    }

    QByteArray tokenOf(const QString &secret, const QString &ns = u"audit"_s) const
    {
        return QByteArray::fromBase64(
            m_kubectl->run({u"get"_s, u"secret"_s, u"-n"_s, ns, secret, u"-o"_s, u"jsonpath={.data.token}"_s})
                .out.toLatin1());
    }

    void selectNamespace(const QString &ns)
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QTRY_VERIFY(findRow(namespaces->model(), ns).isValid());
        namespaces->setCurrentIndex(findRow(namespaces->model(), ns));
    }

    // What `kubectl auth whoami` says with only this token: its user, or the failure.
    CommandResult whoAmI(const QByteArray &token) const
    {
        return m_kubectl->run({u"auth"_s, u"whoami"_s},
                              m_kubectl->tokenKubeconfig(u"whoami-%1.kubeconfig"_s.arg(++m_configs), token));
    }

    sa::TokensPane *pane() const { return find<sa::TokensPane>(u"tokensPane"_s); }
    QTreeView *view() const { return pane()->view(); }

    bool selectTokens(const QStringList &names)
    {
        view()->clearSelection();
        for (const QString &name : names) {
            const QModelIndex index = findRow(view()->model(), name);
            if (!index.isValid())
                return false;
            view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        return true;
    }

    QString cell(const QString &name, int column) const
    {
        const QModelIndex index = findRow(view()->model(), name);
        return index.isValid() ? index.siblingAtColumn(column).data().toString() : u"<no row>"_s;
    }

    sa::TokenActionDialog *openAction(const QString &action)
    {
        QAction *trigger = pane()->findChild<QAction *>(action);
        if (!trigger || !trigger->isEnabled())
            return nullptr;
        trigger->trigger();
        return m_app->window().findChild<sa::TokenActionDialog *>(u"tokenActionDialog"_s);
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<Kubectl> m_kubectl;
    std::unique_ptr<sa::Application> m_app;
    mutable int m_configs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Tracking began long ago: a token made now without the last-used label is "never" used.
        m_sim = std::make_unique<KubeSimProcess>(QStringList {
            u"--seed"_s, u"demo"_s, u"--legacy-token-tracking-since"_s, u"2025-01-01"_s, u"--static-token"_s,
            u"nobody-token,nobody"_s, u"--static-token"_s, u"auditor-token,auditor"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_kubectl = std::make_unique<Kubectl>(*m_sim);
        // Namespace audit: tokens with every state the audit tells apart, dated relative to today.
        const QByteArray manifest = QStringLiteral(R"(apiVersion: v1
kind: Namespace
metadata:
  name: audit
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: builder
  namespace: audit
secrets:
- name: builder-auto
- name: builder-invalid
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: deployer
  namespace: audit
---
apiVersion: v1
kind: Namespace
metadata:
  name: actions
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: worker
  namespace: actions
)")
                                        .toUtf8();
        QByteArray secrets;
        const auto secret = [&secrets](const QString &name, const QString &account, const QStringList &labels,
                                       const QByteArray &ns = "audit") {
            secrets += "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name.toUtf8() + "\n  namespace: " + ns
                + "\n  annotations:\n    kubernetes.io/service-account.name: " + account.toUtf8() + "\n";
            if (!labels.isEmpty()) {
                secrets += "  labels:\n";
                for (const QString &label : labels)
                    secrets += "    " + label.toUtf8() + "\n";
            }
            secrets += "type: kubernetes.io/service-account-token\n";
        };
        secret(u"builder-auto"_s, u"builder"_s, {u"kubernetes.io/legacy-token-last-used: \"%1\""_s.arg(daysAgo(200))});
        secret(u"builder-invalid"_s, u"builder"_s,
               {u"kubernetes.io/legacy-token-last-used: \"%1\""_s.arg(daysAgo(400)),
                u"kubernetes.io/legacy-token-invalid-since: \"%1\""_s.arg(daysAgo(10))});
        secret(u"builder-recent"_s, u"builder"_s, {u"kubernetes.io/legacy-token-last-used: \"%1\""_s.arg(daysAgo(2))});
        secret(u"deployer-mounted"_s, u"deployer"_s, {});
        secret(u"deployer-never"_s, u"deployer"_s, {});
        secret(u"deployer-spare"_s, u"deployer"_s, {});
        // Those the actions change, in a namespace of their own.
        for (const QString &name : {u"worker-a"_s, u"worker-b"_s, u"worker-c"_s, u"worker-d"_s})
            secret(name, u"worker"_s, {}, "actions");
        const QByteArray pod = R"(---
apiVersion: v1
kind: Pod
metadata:
  name: runner
  namespace: audit
spec:
  serviceAccountName: deployer
  containers:
  - name: app
    image: busybox
    volumeMounts:
    - name: api-token
      mountPath: /var/run/legacy
  volumes:
  - name: api-token
    secret:
      secretName: deployer-mounted
---
apiVersion: v1
kind: Pod
metadata:
  name: job
  namespace: actions
spec:
  serviceAccountName: worker
  containers:
  - name: app
    image: busybox
    env:
    - name: API_TOKEN
      valueFrom:
        secretKeyRef:
          name: worker-b
          key: token
)";
        // A user who may read and change the audit namespace only: the window works in that namespace.
        const QByteArray auditor = R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: auditor-admin
  namespace: audit
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: admin
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: auditor
)";
        const CommandResult applied = m_kubectl->run(
            {u"apply"_s, u"-f"_s, m_kubectl->writeFile(u"audit.yaml"_s, manifest + secrets + pod + auditor)});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QTRY_VERIFY_WITH_TIMEOUT(!tokenOf(u"deployer-spare"_s).isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!tokenOf(u"worker-d"_s, u"actions"_s).isEmpty(), 10000);

        m_app =
            std::make_unique<sa::Application>(sa::Application::Options {m_sim->kubeconfigPath(), {}, {}, false, {}});
        m_app->start();
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(u"connectionState"_s)->text().startsWith(u"● Connected as "_s), 20000);
    }

    // Every function starts on the Tokens tab, namespace audit, every token shown.
    void init()
    {
        selectNamespace(u"audit"_s);
        find<QTabWidget>(u"kindTabs"_s)->setCurrentWidget(pane());
        pane()->findChild<QComboBox *>(u"tokenCondition"_s)->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(view()->model(), u"deployer-spare"_s).isValid(), 10000);
    }

    void cleanup()
    {
        for (QDialog *dialog : m_app->window().findChildren<QDialog *>()) {
            if (dialog->isVisible())
                dialog->reject();
        }
    }

    // Every column of every row, and the summary line, as an independent reading of the server's objects says.
    void auditMatchesTheServer()
    {
        find<QListView>(u"namespaces"_s)->setCurrentIndex(find<QListView>(u"namespaces"_s)->model()->index(0, 0));
        const QJsonArray secrets = kubectlJson({u"get"_s, u"secrets"_s, u"-A"_s, u"--field-selector"_s,
                                                u"type=kubernetes.io/service-account-token"_s})
                                       .value(u"items")
                                       .toArray();
        QVERIFY(secrets.size() >= 6);
        QSet<QString> accounts;
        QHash<QString, QStringList> listed;
        for (const QJsonValue &account :
             kubectlJson({u"get"_s, u"serviceaccounts"_s, u"-A"_s}).value(u"items").toArray()) {
            const QString key =
                account[u"metadata"][u"namespace"].toString() + u'/' + account[u"metadata"][u"name"].toString();
            accounts.insert(key);
            for (const QJsonValue &reference : account[u"secrets"].toArray())
                listed[key].append(reference[u"name"].toString());
        }
        QHash<QString, QStringList> readers;
        for (const QJsonValue &pod : kubectlJson({u"get"_s, u"pods"_s, u"-A"_s}).value(u"items").toArray()) {
            const QString ns = pod[u"metadata"][u"namespace"].toString();
            QStringList names;
            for (const QJsonValue &volume : pod[u"spec"][u"volumes"].toArray())
                names.append(volume[u"secret"][u"secretName"].toString());
            for (const QJsonValue &container : pod[u"spec"][u"containers"].toArray()) {
                for (const QJsonValue &env : container[u"env"].toArray())
                    names.append(env[u"valueFrom"][u"secretKeyRef"][u"name"].toString());
                for (const QJsonValue &from : container[u"envFrom"].toArray())
                    names.append(from[u"secretRef"][u"name"].toString());
            }
            names.removeDuplicates();
            for (const QString &name : std::as_const(names)) {
                if (!name.isEmpty())
                    readers[ns + u'/' + name].append(pod[u"metadata"][u"name"].toString());
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(view()->model()->rowCount(), int(secrets.size()), 10000);
        // The day tracking began is read when the tab opens: until then, last use cannot be checked.
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->summaryText().contains(u"cannot be checked"_s), 10000);
        int never = 0;
        int unused90 = 0;
        int invalidated = 0;
        int read = 0;
        int gone = 0;
        const QDate now = QDateTime::currentDateTimeUtc().date();
        for (const QJsonValue &secret : secrets) {
            const QJsonObject metadata = secret[u"metadata"].toObject();
            const QString name = metadata.value(u"name").toString();
            const QString ns = metadata.value(u"namespace").toString();
            const QString account = metadata[u"annotations"][u"kubernetes.io/service-account.name"].toString();
            const QString lastUsed = metadata[u"labels"][u"kubernetes.io/legacy-token-last-used"].toString();
            const QString invalidSince = metadata[u"labels"][u"kubernetes.io/legacy-token-invalid-since"].toString();
            const QDateTime created =
                QDateTime::fromString(metadata.value(u"creationTimestamp").toString(), Qt::ISODate);
            QModelIndex row;
            for (int i = 0; i < view()->model()->rowCount() && !row.isValid(); ++i) {
                const QModelIndex index = view()->model()->index(i, 0);
                if (index.data(sa::NameRole) == name && index.data(sa::NamespaceRole) == ns)
                    row = index;
            }
            QVERIFY2(row.isValid(), qPrintable(ns + u'/' + name));
            const auto column = [&row](int at) { return row.siblingAtColumn(at).data().toString(); };
            const QString key = ns + u'/' + account;
            QCOMPARE(column(sa::TokenAuditModel::AccountColumn),
                     accounts.contains(key) ? account : account + u" (gone)"_s);
            const QDate before(2025, 1, 1);
            const QString use = !lastUsed.isEmpty() ? shown(lastUsed)
                : created.date() < before           ? u"before tracking began"_s
                                                    : u"never"_s;
            QVERIFY2(column(sa::TokenAuditModel::LastUsedColumn) == use,
                     qPrintable(
                         column(sa::TokenAuditModel::LastUsedColumn) + u" ≠ "_s + use + u": "_s
                         + row.siblingAtColumn(sa::TokenAuditModel::LastUsedColumn).data(Qt::ToolTipRole).toString()));
            QCOMPARE(column(sa::TokenAuditModel::InvalidSinceColumn), shown(invalidSince));
            QCOMPARE(column(sa::TokenAuditModel::OriginColumn),
                     listed.value(key).contains(name) ? u"auto-generated"_s : u"made by hand"_s);
            const QStringList pods = readers.value(ns + u'/' + name);
            QCOMPARE(column(sa::TokenAuditModel::MountedColumn), pods.isEmpty() ? u"no pod"_s : pods.join(u", "_s));
            never += lastUsed.isEmpty();
            const QDate since = !lastUsed.isEmpty() ? QDate::fromString(lastUsed, Qt::ISODate)
                : created.date() < before           ? before
                                                    : created.date();
            unused90 += since.daysTo(now) > 90;
            invalidated += !invalidSince.isEmpty();
            read += !pods.isEmpty();
            gone += !accounts.contains(key);
        }
        QString expected = u"Tokens: %1 · never used: %2 · unused for 90 days: %3 · invalidated: %4"_s.arg(
            QString::number(secrets.size()), QString::number(never), QString::number(unused90),
            QString::number(invalidated));
        if (gone > 0)
            expected += u" · account gone: %1"_s.arg(gone);
        expected += u" · read by pods: %1"_s.arg(read);
        QCOMPARE(pane()->summaryText().section(u'\n', 0, 0), expected);
        QCOMPARE(find<QLabel>(u"tokenSummary"_s)->accessibleName(), pane()->summaryText());
        // As the README shows it: every namespace, sorted by last use, an invalidated token chosen.
        view()->sortByColumn(sa::TokenAuditModel::LastUsedColumn, Qt::DescendingOrder);
        if (selectTokens({u"payments-worker-token-x7k2p"_s}))
            QTRY_VERIFY(find<QTextBrowser>(u"details"_s)->toPlainText().startsWith(u"payments-worker-token-x7k2p"_s));
        // Fitted as when the tab first opens on every namespace (this function chose it after the tab had opened).
        for (int column = 0; column < sa::TokenAuditModel::ColumnCount; ++column)
            view()->resizeColumnToContents(column);
        saveScreenshot(&m_app->window(), u"window-tokens"_s);
        view()->sortByColumn(0, Qt::AscendingOrder);
        QVERIFY2(find<QTabWidget>(u"kindTabs"_s)->tabText(2) == u"Tokens (%1)"_s.arg(secrets.size()),
                 qPrintable(find<QTabWidget>(u"kindTabs"_s)->tabText(2)));
    }

    void namespaceAndFilters()
    {
        QTRY_COMPARE(view()->model()->rowCount(), 6);
        QTRY_COMPARE(pane()->summaryText(),
                     u"Tokens: 6 · never used: 3 · unused for 90 days: 2 · invalidated: 1 · read by pods: 1"_s);
        auto *condition = pane()->findChild<QComboBox *>(u"tokenCondition"_s);
        auto *days = pane()->findChild<QSpinBox *>(u"tokenUnusedDays"_s);
        const auto shown = [this] {
            QStringList names;
            for (int row = 0; row < view()->model()->rowCount(); ++row)
                names.append(view()->model()->index(row, 0).data(sa::NameRole).toString());
            names.sort();
            return names;
        };
        QVERIFY(!days->isEnabled());
        condition->setCurrentIndex(condition->findText(u"Invalidated"_s));
        QCOMPARE(shown(), QStringList {u"builder-invalid"_s});
        condition->setCurrentIndex(condition->findText(u"Read by pods"_s));
        QCOMPARE(shown(), QStringList {u"deployer-mounted"_s});
        condition->setCurrentIndex(condition->findText(u"Unused for more than…"_s));
        QVERIFY(days->isEnabled());
        days->setValue(100);
        QCOMPARE(shown(), (QStringList {u"builder-auto"_s, u"builder-invalid"_s}));
        days->setValue(300);
        QCOMPARE(shown(), QStringList {u"builder-invalid"_s});
        condition->setCurrentIndex(condition->findText(u"Account gone"_s));
        QCOMPARE(shown(), QStringList());
        condition->setCurrentIndex(0);
        QCOMPARE(view()->model()->rowCount(), 6);
        SA_VERIFY_LABELS_SPOKEN(pane());
    }

    // The reason a date cannot be read is the server's sentence: in a tooltip it reads as text, never as markup.
    void tooltipsShowServerTextAsText()
    {
        QTRY_VERIFY(findRow(view()->model(), u"deployer-never"_s).isValid());
        sa::TokenAuditModel *model = pane()->model();
        const QDate since = model->trackingSince();
        model->setTracking({}, u"<b>refused</b> <img src=x>"_s);
        const QString tip = findRow(view()->model(), u"deployer-never"_s)
                                .siblingAtColumn(sa::TokenAuditModel::LastUsedColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        model->setTracking(since, {});
        QVERIFY2(tip.contains(u"&lt;b&gt;refused&lt;/b&gt; &lt;img src=x&gt;"_s), qPrintable(tip));
    }

    void csvExportHoldsNoToken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.csv"_s);
        QString error;
        QVERIFY2(pane()->exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QCOMPARE(lines.size(), 7); // the header and six tokens
        QVERIFY(lines.first().startsWith("namespace,name,account,account_exists,created,last_used"));
        for (const QByteArray &line : lines)
            QCOMPARE(line.trimmed().count(','), lines.first().trimmed().count(','));
        QVERIFY(csv.contains("audit,deployer-mounted,deployer,yes,"));
        QVERIFY(csv.contains("audit,builder-invalid,builder,yes,"));
        for (const QString &name : {u"builder-auto"_s, u"builder-invalid"_s, u"builder-recent"_s, u"deployer-mounted"_s,
                                    u"deployer-never"_s, u"deployer-spare"_s}) {
            const QByteArray token = tokenOf(name);
            QVERIFY(!token.isEmpty());
            QVERIFY2(!csv.contains(token) && !csv.contains(token.toBase64()) && !csv.contains(token.left(40)),
                     qPrintable(name));
        }
    }

    void invalidateAndReEnable()
    {
        selectNamespace(u"actions"_s);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(view()->model(), u"worker-a"_s).isValid(), 10000);
        const QByteArray token = tokenOf(u"worker-a"_s, u"actions"_s);
        QVERIFY(whoAmI(token).out.contains(u"system:serviceaccount:actions:worker"_s));
        QVERIFY(selectTokens({u"worker-a"_s}));
        QPointer<sa::TokenActionDialog> dialog = openAction(u"invalidateToken"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString consequences = dialog->findChild<QLabel *>(u"consequences"_s)->text();
        QVERIFY2(consequences.startsWith(u"The API server refuses these tokens from now on (401 Unauthorized)"_s),
                 qPrintable(consequences));
        QVERIFY2(consequences.contains(u"actions/worker-a (account worker): read by no pod"_s),
                 qPrintable(consequences));
        auto *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        QVERIFY(!ok->isDefault()); // destructive: Enter cancels
        SA_VERIFY_LABELS_SPOKEN(dialog);
        saveScreenshot(dialog, u"dialog-invalidate-token"_s);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(u"worker-a"_s, sa::TokenAuditModel::InvalidSinceColumn), shown(today()), 10000);
        const CommandResult refused = whoAmI(token);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"You must be logged in to the server"_s), qPrintable(refused.err));

        QVERIFY(selectTokens({u"worker-a"_s}));
        dialog = openAction(u"reenableToken"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(u"worker-a"_s, sa::TokenAuditModel::InvalidSinceColumn), QString(), 10000);
        QVERIFY(whoAmI(token).out.contains(u"system:serviceaccount:actions:worker"_s));

        // Re-enabling a token that is not invalidated is refused with the reason, OK disabled.
        QVERIFY(selectTokens({u"worker-a"_s}));
        dialog = openAction(u"reenableToken"_s);
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        QCOMPARE(dialog->errorText(), u"worker-a is not invalidated."_s);
        dialog->reject();
    }

    void rotateHandsOverANewToken()
    {
        selectNamespace(u"actions"_s);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(view()->model(), u"worker-b"_s).isValid(), 10000);
        const QByteArray old = tokenOf(u"worker-b"_s, u"actions"_s);
        QVERIFY(selectTokens({u"worker-b"_s}));
        QPointer<sa::TokenActionDialog> dialog = openAction(u"rotateToken"_s);
        QVERIFY(dialog);
        const QString consequences = dialog->findChild<QLabel *>(u"consequences"_s)->text();
        QVERIFY2(consequences.contains(u"actions/worker-b (account worker): read by pods job"_s),
                 qPrintable(consequences));
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QWidget *>(u"rotateResult"_s), 20000);
        const QString fresh = dialog->newSecret();
        QVERIFY2(fresh.startsWith(u"worker-token-"_s), qPrintable(fresh));
        QVERIFY(!dialog->findChild<sa::SecretField *>(u"token"_s)); // read only when asked for
        dialog->findChild<QPushButton *>(u"showNewToken"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<sa::SecretField *>(u"token"_s), 10000);
        const QByteArray token = dialog->findChild<sa::SecretField *>(u"token"_s)->value().reveal();
        QCOMPARE(token, tokenOf(fresh, u"actions"_s));
        QVERIFY(whoAmI(token).out.contains(u"system:serviceaccount:actions:worker"_s));
        QVERIFY(whoAmI(old).out.contains(u"system:serviceaccount:actions:worker"_s)); // until deleted
        SA_VERIFY_LABELS_SPOKEN(dialog);
        saveScreenshot(dialog, u"dialog-rotate-token"_s);
        // Deleting the old token asks first (Cancel the default), unless the preference says not to.
        auto *deleteOld = dialog->findChild<QPushButton *>(u"deleteOldToken"_s);
        QCOMPARE(deleteOld->text(), u"Delete old token worker-b…"_s);
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            asked = question && question->defaultButton() == question->button(QMessageBox::Cancel);
            if (question)
                question->reject();
        });
        deleteOld->click();
        QVERIFY(asked);
        QVERIFY(deleteOld->isEnabled()); // canceled: nothing deleted
        QVERIFY(whoAmI(old).out.contains(u"system:serviceaccount:actions:worker"_s));
        sa::Preferences preferences = sa::Preferences::load();
        preferences.confirmDestructive = false;
        preferences.save();
        const auto restore = qScopeGuard([] { QSettings().remove(u"confirm/destructive"_s); });
        asked = false;
        QTimer::singleShot(0, this, [&asked] {
            if (auto *question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = true;
                question->reject();
            }
        });
        deleteOld->click();
        QVERIFY(!asked);
        auto *state = dialog->findChild<QLabel *>(u"oldTokenState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(u"Deleted worker-b"_s), 10000);
        QCOMPARE(whoAmI(old).exitCode, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!findRow(view()->model(), u"worker-b"_s).isValid(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(view()->model(), fresh).isValid(), 10000);
        dialog->reject();
    }

    void projectedTokenSnippet()
    {
        QVERIFY(selectTokens({u"deployer-never"_s}));
        QVERIFY(!pane()->findChild<QAction *>(u"projectedTokenSnippet"_s)->isEnabled()); // no pod reads it
        QVERIFY(selectTokens({u"deployer-mounted"_s}));
        QAction *open = pane()->findChild<QAction *>(u"projectedTokenSnippet"_s);
        QVERIFY(open->isEnabled());
        open->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"projectedTokenDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QComboBox *>(u"projectedPod"_s)->currentText(), u"runner"_s);
        QCOMPARE(dialog->findChild<QLabel *>(u"projectedUses"_s)->text(), u"Replaces: volume api-token."_s);
        const auto snippet = [&dialog] {
            return dialog->findChild<QPlainTextEdit *>(u"projectedSnippet"_s)->toPlainText();
        };
        QVERIFY2(snippet().contains(u"serviceAccountToken"_s) && snippet().contains(u"expirationSeconds: 3600"_s)
                     && snippet().contains(u"name: api-token"_s) && snippet().contains(u"mountPath: /var/run/legacy"_s)
                     && snippet().contains(u"serviceAccountName: deployer"_s) && !snippet().contains(u"secretName"_s),
                 qPrintable(snippet()));
        dialog->findChild<QLineEdit *>(u"projectedAudience"_s)->setText(u"vault"_s);
        dialog->findChild<QSpinBox *>(u"projectedLifetime"_s)->setValue(1200);
        QVERIFY2(snippet().contains(u"audience: vault"_s) && snippet().contains(u"expirationSeconds: 1200"_s),
                 qPrintable(snippet()));
        SA_VERIFY_LABELS_SPOKEN(dialog);
        saveScreenshot(dialog, u"dialog-projected-token"_s);
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    void deleteSeveral()
    {
        selectNamespace(u"actions"_s);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(view()->model(), u"worker-d"_s).isValid(), 10000);
        QVERIFY(selectTokens({u"worker-c"_s, u"worker-d"_s}));
        QCOMPARE(view()->selectionModel()->selectedRows().size(), 2);
        QPointer<sa::TokenActionDialog> dialog = openAction(u"deleteToken"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"Delete 2 tokens"_s);
        QVERIFY(!dialog->findChild<QPushButton *>(u"okButton"_s)->isDefault());
        // While the dialog is open, someone else deletes worker-d and makes another Secret of that name: that one is
        // not the token the user chose, and it stays.
        QCOMPARE(m_kubectl->run({u"delete"_s, u"secret"_s, u"-n"_s, u"actions"_s, u"worker-d"_s}).exitCode, 0);
        QCOMPARE(m_kubectl
                     ->run({u"create"_s, u"secret"_s, u"generic"_s, u"-n"_s, u"actions"_s, u"worker-d"_s,
                            u"--from-literal=note=made-again"_s})
                     .exitCode,
                 0);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        QVERIFY2(dialog->errorText().contains(u"the UID in the precondition"_s), qPrintable(dialog->errorText()));
        // worker-c went first: the user hears that it is gone.
        QVERIFY2(dialog->errorText().endsWith(u"and then recreated. Stopped at change 2 of 2: the changes before it "
                                              "were made, none after it."_s),
                 qPrintable(dialog->errorText()));
        QCOMPARE(m_kubectl->run({u"get"_s, u"secret"_s, u"-n"_s, u"actions"_s, u"worker-c"_s}).exitCode, 1);
        QCOMPARE(kubectlJson({u"get"_s, u"secret"_s, u"-n"_s, u"actions"_s, u"worker-d"_s})[u"type"].toString(),
                 u"Opaque"_s);
        dialog->reject();
        QTRY_VERIFY(!dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!findRow(view()->model(), u"worker-c"_s).isValid(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!findRow(view()->model(), u"worker-d"_s).isValid(), 10000); // not a token now
        QCOMPARE(m_kubectl->run({u"delete"_s, u"secret"_s, u"-n"_s, u"actions"_s, u"worker-d"_s}).exitCode, 0);
    }

    // A user who may not list secrets: the tab says so, and claims nothing about tokens.
    void refusedListSaysSo()
    {
        const QString kubeconfig = m_kubectl->tokenKubeconfig(u"nobody.kubeconfig"_s, "nobody-token");
        sa::Application app(sa::Application::Options {kubeconfig, {}, u"audit"_s, false, {}});
        app.start();
        auto *tabs = app.window().findChild<QTabWidget *>(u"kindTabs"_s);
        auto *tokens = app.window().findChild<sa::TokensPane *>(u"tokensPane"_s);
        QTRY_VERIFY_WITH_TIMEOUT(app.window().findChild<QLabel *>(u"connectionState"_s)->text().contains(u"nobody"_s),
                                 20000);
        tabs->setCurrentWidget(tokens);
        QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(tabs->indexOf(tokens)), u"Tokens (not allowed)"_s, 20000);
        QTRY_COMPARE(tokens->summaryText(), u"The token Secrets cannot be listed: see the message above."_s);
        // The server's own words are above it.
        auto *bar = app.window().findChild<sa::MessageBar *>(u"messageBar"_s);
        QTRY_VERIFY2(bar->text().contains(u"cannot list resource \"secrets\""_s), qPrintable(bar->text()));
        QCOMPARE(tokens->view()->model()->rowCount(), 0);
    }

    // A user who may list only one namespace: the session's lists are replaced by that namespace's, the audit's too.
    void oneNamespaceUser()
    {
        const QString kubeconfig = m_kubectl->tokenKubeconfig(u"auditor.kubeconfig"_s, "auditor-token");
        sa::Application app(sa::Application::Options {kubeconfig, {}, u"audit"_s, false, {}});
        app.start();
        auto *tabs = app.window().findChild<QTabWidget *>(u"kindTabs"_s);
        auto *tokens = app.window().findChild<sa::TokensPane *>(u"tokensPane"_s);
        tabs->setCurrentWidget(tokens);
        QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(tabs->indexOf(tokens)), u"Tokens (6)"_s, 20000);
        QTRY_VERIFY2(tokens->summaryText().startsWith(u"Tokens: 6 · "_s), qPrintable(tokens->summaryText()));
        QVERIFY(findRow(tokens->view()->model(), u"deployer-mounted"_s).isValid());
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_sim.reset();
    }
};

QTEST_MAIN(TestTokens)
#include "tst_tokens.moc"
