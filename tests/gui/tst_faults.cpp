// Every fault through the window: kube-sim injects it (or is stopped, restarted, mistrusted), the real window and its
// dialogs meet it, and the test reads what the user sees: the sentence with the server's reason, whether the action in
// flight happened, and the window back to the truth once the fault is over, without a restart and without stale rows.

#include "Accessibility.h"
#include "ActionDialog.h"
#include "Application.h"
#include "KubeSimProcess.h"
#include "MessageBar.h"
#include "Rows.h"
#include "Screenshot.h"
#include "SimHttp.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestFaults : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(const QString &name) const
    {
        return m_app->window().findChild<T *>(name);
    }

    QString status() const { return find<QLabel>(u"connectionState"_s)->text(); }
    QString bar() const { return find<sa::MessageBar>(u"messageBar"_s)->text(); }
    QAbstractItemModel *accounts() const { return find<QTreeView>(u"serviceAccounts"_s)->model(); }
    bool shows(const QString &account) const { return findRow(accounts(), account).isValid(); }

    int setFaults(const QByteArray &json) { return m_http->send("PUT", u"/kube-sim/v1/faults"_s, json).code; }
    void clearFaults() { QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200); }

    void open(const QString &kubeconfig, std::optional<std::chrono::milliseconds> timeout = {})
    {
        m_app.reset();
        m_app = std::make_unique<sa::Application>(sa::Application::Options {kubeconfig, {}, {}, false, timeout});
        m_app->start();
    }

    // The admin's window on the main kube-sim, connected, namespace payments chosen.
    void openAdmin(std::optional<std::chrono::milliseconds> timeout = {})
    {
        open(m_sim->kubeconfigPath(), timeout);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QListView>(u"namespaces"_s)->model(), u"payments"_s).isValid(), 10000);
        auto *namespaces = find<QListView>(u"namespaces"_s);
        namespaces->setCurrentIndex(findRow(namespaces->model(), u"payments"_s));
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"payments-api"_s), 10000);
    }

    // The admin kubeconfig of `sim` with `edit` applied to its lines, written beside the test's files.
    QString editedKubeconfig(const KubeSimProcess &sim, const QString &name,
                             const std::function<QByteArray(const QByteArray &)> &edit)
    {
        QFile file(sim.kubeconfigPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QByteArray config;
        for (const QByteArray &line : file.readAll().split('\n'))
            config += edit(line);
        QFile out(m_dir.filePath(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(config) != config.size())
            return {};
        return out.fileName();
    }

    // A kube-sim with the certificates kept in the test's folder, on `port` (0: any), its store seeded empty.
    std::unique_ptr<KubeSimProcess> startSim(quint16 port)
    {
        auto sim =
            std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s, u"--pki"_s, m_dir.filePath(u"pki"_s),
                                                          u"--listen"_s, u"127.0.0.1:"_s + QString::number(port)});
        if (!sim->start()) {
            qWarning("kube-sim: %s", qPrintable(sim->error()));
            return nullptr;
        }
        return sim;
    }

    static quint16 portOf(const KubeSimProcess &sim) { return quint16(QUrl(sim.url()).port()); }

    // Opens New service account in payments, types `name` and presses OK.
    QPointer<sa::ActionDialog> createAccount(const QString &name)
    {
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
        find<QAction>(u"newServiceAccount"_s)->trigger();
        QPointer<sa::ActionDialog> dialog =
            m_app->window().findChild<sa::ActionDialog *>(u"createServiceAccountDialog"_s);
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), name);
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        return dialog;
    }

    int accountStatus(const QString &name)
    {
        return m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/"_s + name).code;
    }

    int secretStatus(const QString &name)
    {
        return m_http->send("GET", u"/api/v1/namespaces/payments/secrets/"_s + name).code;
    }

    // A fault configuration of one error rule: `code` for `method` on paths that match `path` (`count` times, -1:
    // until cleared), with the Status's reason and message when given.
    static QByteArray errorRule(const QString &path, const QString &method, int code, const QString &reason = {},
                                const QString &message = {}, int count = -1, int retryAfter = 0)
    {
        QJsonObject error {{"path"_L1, path}, {"method"_L1, method}, {"code"_L1, code}, {"count"_L1, count}};
        if (!reason.isEmpty())
            error.insert("reason"_L1, reason);
        if (!message.isEmpty())
            error.insert("message"_L1, message);
        if (retryAfter > 0)
            error.insert("retryAfterSeconds"_L1, retryAfter);
        return QJsonDocument(QJsonObject {{"errors"_L1, QJsonArray {error}}}).toJson(QJsonDocument::Compact);
    }

    // The action `action` on account `account` of payments (selected first): its dialog, shown, or null.
    QPointer<sa::ActionDialog> openOn(const QString &account, const QString &action, const QString &dialogName)
    {
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        if (!QTest::qWaitFor([&] { return findRow(accounts->model(), account).isValid(); }, 10000))
            return nullptr;
        accounts->setCurrentIndex(findRow(accounts->model(), account));
        find<QAction>(action)->trigger();
        QPointer<sa::ActionDialog> dialog = m_app->window().findChild<sa::ActionDialog *>(dialogName);
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<sa::Application> m_app;
    // The second kube-sim, stopped and started again on its port.
    std::unique_ptr<KubeSimProcess> m_restarted;
    std::unique_ptr<KubeSimProcess> m_first;
    QString m_firstKubeconfig;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        // A short watch history, so that a watch that was away for a few changes hears 410 Expired.
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s, u"--watch-history"_s, u"20"_s,
                                                              u"--static-token"_s,
                                                              u"exec-good-token,exec-admin,system:masters"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
    }

    void cleanup()
    {
        if (m_app) {
            for (QDialog *dialog : m_app->window().findChildren<QDialog *>()) {
                if (dialog->isVisible())
                    dialog->reject();
            }
        }
        clearFaults();
    }

    // Nothing listens on the port: the window says so, keeps trying, and is connected once the server is up.
    void connectionRefusedThenStarted()
    {
        m_first = startSim(0);
        QVERIFY(m_first);
        const quint16 port = portOf(*m_first);
        m_firstKubeconfig = m_first->kubeconfigPath();
        QCOMPARE(m_first->stop(), 0);
        open(m_firstKubeconfig);
        QTRY_VERIFY2_WITH_TIMEOUT(
            bar().startsWith(u"Cannot connect to 127.0.0.1: the connection was refused. Is the API server running?"_s),
            qPrintable(bar()), 15000);
        QVERIFY2(!status().startsWith(u"● Connected"_s), qPrintable(status()));
        // The server starts (the same certificates, the same port): the window connects on its own.
        m_first = startSim(port);
        QVERIFY(m_first);
        QCOMPARE(SimHttp(*m_first)
                     .send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s,
                           "{\"metadata\":{\"name\":\"first-store\"}}")
                     .code,
                 201);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), qPrintable(status()), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"first-store"_s), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().isEmpty(), qPrintable(bar()), 10000);
    }

    // The server restarts on the same port with another store (new uids and resourceVersions): the window shows the new
    // store's objects and nothing of the old one.
    void restartedWithANewStore()
    {
        QVERIFY(m_first && m_app);
        QVERIFY(shows(u"first-store"_s));
        const quint16 port = portOf(*m_first);
        // The old store moves further than the new one will: a watch from its version would be ahead of the new one.
        SimHttp first(*m_first);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(first
                         .send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s,
                               u"{\"metadata\":{\"name\":\"old-%1\"}}"_s.arg(i).toUtf8())
                         .code,
                     201);
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"old-2"_s), 10000);
        QCOMPARE(m_first->stop(), 0);
        m_restarted = startSim(port);
        QVERIFY(m_restarted);
        SimHttp second(*m_restarted);
        QCOMPARE(second
                     .send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s,
                           "{\"metadata\":{\"name\":\"second-store\"}}")
                     .code,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"second-store"_s), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(!shows(u"first-store"_s) && !shows(u"old-0"_s) && !shows(u"old-2"_s),
                                  "rows of the old store are still shown", 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), qPrintable(status()), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().isEmpty(), qPrintable(bar()), 10000);
        // And the window follows the new store live.
        QCOMPARE(second.send("DELETE", u"/api/v1/namespaces/default/serviceaccounts/second-store"_s).code, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!shows(u"second-store"_s), 10000);
        m_app.reset();
        m_restarted.reset();
        m_first.reset();
    }

    void tlsProblems_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name mismatch")
            << u"name"_s
            << u"Its certificate is not valid for the name \"wrong.example\": check the cluster's server address and "
               "tls-server-name in your kubeconfig."_s;
        QTest::newRow("unknown CA") << u"ca"_s
                                    << u"Its certificate was not issued by a certificate authority your kubeconfig "
                                       "trusts: check the cluster's certificate-authority."_s;
    }

    // A certificate for another name, or from a CA the kubeconfig does not trust: the window says which, and does not
    // connect.
    void tlsProblems()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QString kubeconfig;
        if (kind == "name"_L1) {
            kubeconfig = editedKubeconfig(*m_sim, u"wrong-name.kubeconfig"_s, [](const QByteArray &line) -> QByteArray {
                if (line.trimmed().startsWith("server:"))
                    return line + "\n    tls-server-name: wrong.example\n";
                return line + '\n';
            });
        } else {
            // Another kube-sim's CA.
            auto other = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
            QVERIFY2(other->start(), qPrintable(other->error()));
            QFile otherConfig(other->kubeconfigPath());
            QVERIFY(otherConfig.open(QIODevice::ReadOnly));
            QByteArray otherCa;
            for (const QByteArray &line : otherConfig.readAll().split('\n')) {
                if (line.trimmed().startsWith("certificate-authority-data:"))
                    otherCa = line;
            }
            QVERIFY(!otherCa.isEmpty());
            QCOMPARE(other->stop(), 0);
            kubeconfig =
                editedKubeconfig(*m_sim, u"other-ca.kubeconfig"_s, [&otherCa](const QByteArray &line) -> QByteArray {
                    return (line.trimmed().startsWith("certificate-authority-data:") ? otherCa : line) + '\n';
                });
        }
        QVERIFY(!kubeconfig.isEmpty());
        open(kubeconfig);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Not connected: The connection to 127.0.0.1 is not trusted"_s),
                                  qPrintable(status()), 20000);
        QVERIFY2(status().contains(expected), qPrintable(status()));
        QTRY_VERIFY2_WITH_TIMEOUT(bar().contains(expected), qPrintable(bar()), 10000);
        QCOMPARE(accounts()->rowCount(), 0);
        m_app.reset();
    }

    // The exec plugin hands out a token the server refuses (401) at first: the client runs it again, gets a good
    // one, and the window connects without a word about the refusal.
    void execPluginRefreshesAfter401()
    {
        const QString counter = m_dir.filePath(u"exec-runs"_s);
        const QString plugin = m_dir.filePath(u"login.sh"_s);
        QFile script(plugin);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n"
                     "echo run >> '"
                     + QFile::encodeName(counter)
                     + "'\n"
                       "if [ \"$(wc -l < '"
                     + QFile::encodeName(counter)
                     + "')\" -le 1 ]; then token=exec-expired-token; else token=exec-good-token; fi\n"
                       "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"%s\"}}' \"$token\"\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString kubeconfig =
            editedKubeconfig(*m_sim, u"exec.kubeconfig"_s, [&plugin](const QByteArray &line) -> QByteArray {
                if (line.contains("client-certificate-data"))
                    return "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: "
                           "Never\n"
                           "      command: "_ba
                        + QFile::encodeName(plugin) + '\n';
                if (line.contains("client-key-data"))
                    return QByteArray();
                return line + '\n';
            });
        QVERIFY(!kubeconfig.isEmpty());
        open(kubeconfig);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as exec-admin"_s), qPrintable(status()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(accounts()->rowCount() > 0, 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().isEmpty(), qPrintable(bar()), 10000);
        QFile runs(counter);
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QCOMPARE(runs.readAll().count('\n'), 2); // once refused, once refreshed: not once per request
        m_app.reset();
    }

    void actionFaults_data()
    {
        QTest::addColumn<QByteArray>("fault"); // an error rule for POST serviceaccounts in payments
        QTest::addColumn<QString>("message"); // what the dialog says, in part
        QTest::addColumn<bool>("created");

        const auto rule = [](int code, const QString &reason, const QString &message, int count = -1,
                             int retryAfter = 0) {
            return errorRule(u"^/api/v1/namespaces/payments/serviceaccounts$"_s, u"POST"_s, code, reason, message,
                             count, retryAfter);
        };
        const QString forbidden = u"serviceaccounts is forbidden: User \"kube-sim-admin\" cannot create resource "
                                  "\"serviceaccounts\" in API group \"\" in the namespace \"payments\""_s;
        QTest::newRow("403") << rule(403, u"Forbidden"_s, forbidden) << forbidden << false;
        QTest::newRow("404") << rule(404, u"NotFound"_s, u"namespaces \"payments\" not found"_s)
                             << u"namespaces \"payments\" not found"_s << false;
        const QString invalid = u"ServiceAccount \"fault-422\" is invalid: metadata.labels: Invalid value: "
                                "\"x\": injected"_s;
        QTest::newRow("422") << rule(422, u"Invalid"_s, invalid) << invalid << false;
        QTest::newRow("413") << rule(413, u"RequestEntityTooLarge"_s, u"Request entity too large: limit is 3145728"_s)
                             << u"Request entity too large: limit is 3145728"_s << false;
        QTest::newRow("500") << rule(500, {}, {}) << u"Internal error occurred: injected fault (kube-sim)"_s << false;
        QTest::newRow("503") << rule(503, {}, {}) << u"the server is currently unable to handle the request"_s << false;
        // Proven not applied, so sent again after the server's delay, and then done.
        QTest::newRow("429 then done") << rule(429, {}, {}, 1, 1) << u"Too many requests"_s << true;
        QTest::newRow("503 with Retry-After then done")
            << rule(503, {}, {}, 1, 1) << u"the server is currently unable"_s << true;
    }

    // An action meets the fault: the dialog quotes the server and says whether the account was made; the list agrees.
    void actionFaults()
    {
        QFETCH(QByteArray, fault);
        QFETCH(QString, message);
        QFETCH(bool, created);
        if (!m_app || !status().startsWith(u"● Connected as kube-sim-admin"_s))
            openAdmin();
        if (QTest::currentTestFailed())
            return;
        const QString name = u"fault-"_s + QString::fromLatin1(QTest::currentDataTag()).section(u' ', 0, 0);
        QCOMPARE(accountStatus(name), 404);
        QCOMPARE(setFaults(fault), 200);
        QPointer<sa::ActionDialog> dialog = createAccount(name);
        QVERIFY(dialog);
        auto *busy = dialog->findChild<QLabel *>(u"busyText"_s);
        if (created) {
            // While it waits for the server's delay the dialog says why it is still busy, and then it is done.
            QTRY_VERIFY2_WITH_TIMEOUT(!dialog || busy->text().contains(message), qPrintable(busy->text()), 5000);
            QVERIFY2(dialog, "closed before it said that it waits for the server");
            QVERIFY2(busy->text().contains(u"again"_s), qPrintable(busy->text()));
            QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
            QCOMPARE(accountStatus(name), 200);
            QTRY_VERIFY_WITH_TIMEOUT(shows(name), 10000);
            QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/"_s + name).code, 200);
            QTRY_VERIFY_WITH_TIMEOUT(!shows(name), 10000);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(dialog && !dialog->isBusy(), 15000);
        const QString error = dialog->errorText();
        QVERIFY2(error.contains(message), qPrintable(error));
        // Said plainly: the account was not created (the server refused, or the client checked).
        QVERIFY2(error.contains(u"was not created"_s), qPrintable(error));
        QVERIFY(dialog->isVisible());
        SA_VERIFY_LABELS_SPOKEN(dialog); // a screen reader hears the same sentence
        QCOMPARE(accountStatus(name), 404);
        QVERIFY(!shows(name));
        // The fault over, the same dialog does it.
        clearFaults();
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        QCOMPARE(accountStatus(name), 200);
        QTRY_VERIFY_WITH_TIMEOUT(shows(name), 10000);
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/"_s + name).code, 200);
    }

    void dialogFaults_data()
    {
        QTest::addColumn<QString>("dialog"); // delete, issue token, registry secret, token secret, automount
        QTest::addColumn<int>("code"); // of the one write the dialog makes
        QTest::addColumn<QString>("outcome"); // what the dialog says about it

        const QString notDeleted = u"The service account was not deleted."_s;
        QTest::newRow("delete 403") << u"delete"_s << 403 << notDeleted;
        QTest::newRow("delete 500") << u"delete"_s << 500 << notDeleted; // checked: still there
        QTest::newRow("issue token 403") << u"issue token"_s << 403 << u"No token was issued."_s;
        QTest::newRow("issue token 500") << u"issue token"_s << 500
                                         << u"A token may have been issued, but it was never shown to anyone and "
                                            "expires on its own."_s;
        const QString registryNotCreated = u"The registry secret was not created."_s;
        QTest::newRow("registry secret 422") << u"registry secret"_s << 422 << registryNotCreated;
        QTest::newRow("registry secret 500") << u"registry secret"_s << 500 << registryNotCreated; // checked
        const QString tokenSecretNotCreated = u"The token secret was not created."_s;
        QTest::newRow("token secret 422") << u"token secret"_s << 422 << tokenSecretNotCreated;
        QTest::newRow("token secret 500") << u"token secret"_s << 500 << tokenSecretNotCreated; // checked
        QTest::newRow("automount 403") << u"automount"_s << 403 << u"The setting was not changed."_s;
        QTest::newRow("automount 500") << u"automount"_s << 500
                                       << u"The setting may have been changed: the details show what it is now."_s;
    }

    // Each dialog of one write meets a refusal or a 500: it quotes the server and says whether the change happened,
    // kube-sim agrees, and once the fault is over the same dialog makes the change.
    void dialogFaults()
    {
        QFETCH(QString, dialog);
        QFETCH(int, code);
        QFETCH(QString, outcome);
        if (!m_app || !status().startsWith(u"● Connected as kube-sim-admin"_s))
            openAdmin();
        if (QTest::currentTestFailed())
            return;
        const QString account = u"outcome-target"_s;
        if (accountStatus(account) == 404)
            QCOMPARE(m_http
                         ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                                u"{\"metadata\":{\"name\":\"%1\"}}"_s.arg(account).toUtf8())
                         .code,
                     201);
        const QString secret = u"outcome-secret"_s;
        const QString accountPath = u"^/api/v1/namespaces/payments/serviceaccounts/"_s + account;
        const QString message = code == 500 ? u"Internal error occurred: injected fault (kube-sim)"_s
                                            : u"injected refusal %1 for %2"_s.arg(code).arg(dialog);
        const QString reason = code == 403 ? u"Forbidden"_s : code == 422 ? u"Invalid"_s : QString();
        const auto fault = [&](const QString &path, const QString &method) {
            return errorRule(path, method, code, reason, code == 500 ? QString() : message);
        };
        QPointer<sa::ActionDialog> shown;
        std::function<bool()> changed; // whether kube-sim has the change
        QString done; // the child a dialog that shows its result (not closes) shows then
        if (dialog == "delete"_L1) {
            QCOMPARE(setFaults(fault(accountPath + u'$', u"DELETE"_s)), 200);
            shown = openOn(account, u"delete"_s, u"deleteServiceAccountDialog"_s);
            changed = [&] { return accountStatus(account) == 404; };
        } else if (dialog == "issue token"_L1) {
            // A TokenRequest stores nothing: kube-sim can only say that no Secret was made for it either.
            QCOMPARE(setFaults(fault(accountPath + u"/token$"_s, u"POST"_s)), 200);
            shown = openOn(account, u"issueToken"_s, u"issueTokenDialog"_s);
            changed = [] { return false; };
            done = u"tokenResult"_s;
        } else if (dialog == "automount"_L1) {
            QCOMPARE(setFaults(fault(accountPath + u'$', u"PATCH"_s)), 200);
            shown = openOn(account, u"automount"_s, u"automountDialog"_s);
            if (shown)
                shown->findChild<QComboBox *>(u"automount"_s)->setCurrentIndex(2); // off
            changed = [&] {
                return m_http->send("GET", u"/api/v1/namespaces/payments/serviceaccounts/"_s + account)
                           .json()
                           .value("automountServiceAccountToken"_L1)
                    == QJsonValue(false);
            };
        } else {
            QCOMPARE(setFaults(fault(u"^/api/v1/namespaces/payments/secrets$"_s, u"POST"_s)), 200);
            if (dialog == "token secret"_L1) {
                shown = openOn(account, u"newTokenSecret"_s, u"tokenSecretDialog"_s);
                done = u"tokenSecretResult"_s;
            } else {
                const QPointer<sa::ActionDialog> pullSecrets =
                    openOn(account, u"pullSecrets"_s, u"pullSecretsDialog"_s);
                QVERIFY(pullSecrets);
                pullSecrets->findChild<QPushButton *>(u"newRegistrySecret"_s)->click();
                shown = pullSecrets->findChild<sa::ActionDialog *>(u"registrySecretDialog"_s);
                QVERIFY(shown && QTest::qWaitForWindowExposed(shown));
                QTest::keyClicks(shown->findChild<QLineEdit *>(u"server"_s), u"registry.example"_s);
                QTest::keyClicks(shown->findChild<QLineEdit *>(u"username"_s), u"robot"_s);
                QTest::keyClicks(shown->findChild<QLineEdit *>(u"password"_s), u"pass"_s);
            }
            if (shown) {
                auto *name = shown->findChild<QLineEdit *>(u"name"_s);
                name->clear();
                QTest::keyClicks(name, secret);
            }
            changed = [&] { return secretStatus(secret) == 200; };
        }
        QVERIFY(shown);
        QVERIFY(!changed());
        shown->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(shown && !shown->isBusy(), 15000);
        const QString error = shown->errorText();
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.endsWith(u". "_s + outcome), qPrintable(error));
        QVERIFY(shown->isVisible());
        SA_VERIFY_LABELS_SPOKEN(shown); // a screen reader hears the same sentence
        saveScreenshot(shown, u"fault-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(!changed());
        // The fault over, the same dialog makes the change.
        clearFaults();
        shown->findChild<QPushButton *>(u"okButton"_s)->click();
        if (done.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(!shown || !shown->isVisible(), 15000);
        else
            QTRY_VERIFY_WITH_TIMEOUT(shown->findChild<QWidget *>(done), 15000);
        QVERIFY(dialog == "issue token"_L1 || changed());
        if (secretStatus(secret) == 200)
            QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/secrets/"_s + secret).code, 200);
        // The next row starts from a new account, once the window knows it: a delete dialog takes the uid it shows.
        if (accountStatus(account) == 200)
            QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/"_s + account).code, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!shows(account), 10000);
    }

    // 409: the name is taken: the server's words, and nothing changed.
    void actionConflict()
    {
        if (!m_app || !status().startsWith(u"● Connected as kube-sim-admin"_s))
            openAdmin();
        QPointer<sa::ActionDialog> dialog = createAccount(u"payments-api"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog && !dialog->isBusy(), 10000);
        QVERIFY2(dialog->errorText().contains(u"serviceaccounts \"payments-api\" already exists"_s),
                 qPrintable(dialog->errorText()));
        QVERIFY2(dialog->errorText().contains(u"was not created"_s), qPrintable(dialog->errorText()));
        dialog->reject();
    }

    // 500 and 503 on a list: the window names the list and the server's reason, and recovers when it is over.
    void listFaults()
    {
        if (!m_app || !status().startsWith(u"● Connected as kube-sim-admin"_s))
            openAdmin();
        QCOMPARE(setFaults(R"({"errors": [{"path": "^/api/v1/serviceaccounts$", "method": "GET", "code": 500},
                                          {"path": "/kube-sim/never", "code": 503}], "outageMs": 300})"),
                 200);
        QTRY_VERIFY2_WITH_TIMEOUT(
            bar().contains(u"Cannot list service accounts: Internal error occurred: injected fault (kube-sim)"_s),
            qPrintable(bar()), 20000);
        SA_VERIFY_LABELS_SPOKEN(find<sa::MessageBar>(u"messageBar"_s));
        QCOMPARE(m_http
                     ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                            "{\"metadata\":{\"name\":\"during-500\"}}")
                     .code,
                 201);
        clearFaults();
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"during-500"_s), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().isEmpty(), qPrintable(bar()), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), qPrintable(status()), 10000);
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/during-500"_s).code, 200);
    }

    // A server slower than the client's timeout: lists say so and retry, an action says that it may or may not have
    // happened; once the server is quick again the window shows the truth.
    void slowServer()
    {
        openAdmin(std::chrono::milliseconds(1000));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(setFaults(R"({"latencyMs": 1600})"), 200);
        QPointer<sa::ActionDialog> dialog = createAccount(u"slow-one"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog && !dialog->isBusy(), 10000);
        const QString error = dialog->errorText();
        QVERIFY2(error.contains(u"No answer from 127.0.0.1 in time."_s), qPrintable(error));
        // The request reached the server: whether it did it is not known, and the dialog does not pretend otherwise.
        QVERIFY2(error.contains(u"may have been created"_s), qPrintable(error));
        dialog->reject();
        // A new look at the cluster (F5) meets the slow server too.
        find<QAction>(u"refresh"_s)->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(bar().contains(u"No answer from 127.0.0.1 in time."_s), qPrintable(bar()), 20000);
        clearFaults();
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), qPrintable(status()), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().isEmpty(), qPrintable(bar()), 20000);
        // Whether the server made it in the end (kube-sim drops a request whose client has gone), the list says the
        // same.
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QTRY_VERIFY(findRow(namespaces->model(), u"payments"_s).isValid());
        namespaces->setCurrentIndex(findRow(namespaces->model(), u"payments"_s));
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"payments-api"_s), 10000);
        const bool made = accountStatus(u"slow-one"_s) == 200;
        QTRY_COMPARE_WITH_TIMEOUT(shows(u"slow-one"_s), made, 10000);
        if (made)
            QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/slow-one"_s).code, 200);
        m_app.reset();
    }

    // Watch streams cut after every event, and a watch that was away too long (410 Expired): the list follows every
    // change made meanwhile.
    void watchCutAndExpired()
    {
        // Set before the window opens its watches: each of them ends after one event.
        QCOMPARE(setFaults(R"({"watch": {"closeAfterEvents": 1}})"), 200);
        openAdmin();
        if (QTest::currentTestFailed())
            return;
        const auto post = [this](const QString &name) {
            return m_http
                ->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                       u"{\"metadata\":{\"name\":\"%1\"}}"_s.arg(name).toUtf8())
                .code;
        };
        const auto remove = [this](const QString &name) {
            return m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/"_s + name).code;
        };
        // Cut after each event: the changes made while it reconnects still arrive.
        QCOMPARE(post(u"cut-1"_s), 201);
        QCOMPARE(post(u"cut-2"_s), 201);
        QCOMPARE(post(u"cut-3"_s), 201);
        QCOMPARE(remove(u"cut-2"_s), 200);
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"cut-1"_s) && shows(u"cut-3"_s) && !shows(u"cut-2"_s), 15000);

        // The watch of accounts cannot come back for a while, and meanwhile more changes than the server remembers.
        QCOMPARE(setFaults(R"({"watch": {"closeAfterEvents": 1},
                               "errors": [{"path": "^/api/v1/serviceaccounts$", "method": "GET", "code": 503}]})"),
                 200);
        QCOMPARE(post(u"away-0"_s), 201); // ends the stream; it cannot be opened again
        for (int i = 1; i <= 25; ++i)
            QCOMPARE(post(u"away-%1"_s.arg(i)), 201);
        QCOMPARE(remove(u"cut-1"_s), 200);
        for (int i = 1; i <= 25; ++i)
            QCOMPARE(remove(u"away-%1"_s.arg(i)), 200);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().contains(u"the server is currently unable to handle the request"_s),
                                  qPrintable(bar()), 15000);
        clearFaults();
        QTRY_VERIFY_WITH_TIMEOUT(!shows(u"cut-1"_s) && shows(u"away-0"_s) && !shows(u"away-1"_s) && !shows(u"away-25"_s)
                                     && shows(u"cut-3"_s),
                                 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(bar().isEmpty(), qPrintable(bar()), 10000);
        QCOMPARE(remove(u"cut-3"_s), 200);
        QCOMPARE(remove(u"away-0"_s), 200);
        QTRY_VERIFY_WITH_TIMEOUT(!shows(u"cut-3"_s) && !shows(u"away-0"_s), 10000);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        QCOMPARE(m_sim->stop(), 0);
    }
};

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
