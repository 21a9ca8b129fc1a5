// Edit > Preferences and Help > About, offscreen: the preferences persist, are used where they matter (Issue token's
// lifetime, the clipboard's delay, where credential plugins are looked for), bad values are refused and Cancel keeps
// what was; About names the versions. And, end to end against kube-sim, a credential plugin only a login shell's
// PATH has is found when the application starts with a desktop session's short PATH.

#include "Accessibility.h"
#include "Application.h"
#include "ClipboardGuard.h"
#include "DesktopIdentity.h"
#include "IssueTokenDialog.h"
#include "KubeSimProcess.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "ScopedEnv.h"
#include "Screenshot.h"
#include "auth/PluginSearch.h"
#include "resources/SecretBytes.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    // Opens Edit > Preferences in `window`.
    static sa::PreferencesDialog *openPreferences(sa::MainWindow &window)
    {
        window.findChild<QAction *>(u"preferences"_s)->trigger();
        return window.findChild<sa::PreferencesDialog *>(u"preferencesDialog"_s);
    }

    static void setText(QSpinBox *box, const QString &text)
    {
        box->selectAll();
        QTest::keyClick(box, Qt::Key_Backspace);
        QTest::keyClicks(box, text);
    }

    static QPushButton *ok(QWidget *dialog) { return dialog->findChild<QPushButton *>(u"okButton"_s); }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, not the user's
        QVERIFY(m_dir.isValid());
        sa::setDesktopIdentity(); // the window icon, which About shows
    }

    void init()
    {
        QSettings().clear();
        sa::Preferences().apply();
    }

    // The menus have them: Edit after Cluster, Help last.
    void menus()
    {
        sa::MainWindow window;
        QStringList titles;
        for (QAction *menu : window.menuBar()->actions())
            titles.append(menu->text());
        QCOMPARE(titles.mid(0, 2), (QStringList {u"&Cluster"_s, u"&Edit"_s}));
        QCOMPARE(titles.last(), u"&Help"_s);
        QVERIFY(window.findChild<QAction *>(u"preferences"_s));
        QVERIFY(window.findChild<QAction *>(u"about"_s));
    }

    void aboutNamesTheVersions()
    {
        sa::MainWindow window;
        window.show();
        window.findChild<QAction *>(u"about"_s)->trigger();
        QPointer<QMessageBox> about = window.findChild<QMessageBox *>(u"aboutDialog"_s);
        QVERIFY(about);
        QTRY_VERIFY(about->isVisible());
        // What the label shows, as a screen reader reads it.
        QLabel *text = nullptr;
        for (QLabel *label : about->findChildren<QLabel *>()) {
            if (label->text().contains(u"SA Admin"_s))
                text = label;
        }
        QVERIFY(text);
        QTextDocument document;
        document.setHtml(text->text());
        const QString shown = document.toPlainText();
        const QStringList expectedParts {
            u"SA Admin "_s + QStringLiteral(SA_VERSION),
            u"Qt "_s + QString::fromLatin1(qVersion()) + u" (built with Qt "_s + QStringLiteral(QT_VERSION_STR) + u')',
            QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)), u"Apache License, Version 2.0"_s};
        for (const QString &expected : expectedParts)
            QVERIFY2(shown.contains(expected), qPrintable(expected + u" not in: "_s + shown));
        QVERIFY(text->text().contains(u"href=\"https://www.apache.org/licenses/LICENSE-2.0\""_s));
        QCOMPARE(about->iconPixmap().size(), QSize(64, 64));
        SA_VERIFY_LABELS_SPOKEN(about);
        saveScreenshot(about, u"dialog-about"_s);
        about->close();
        QTRY_VERIFY(!about);
    }

    // OK keeps them (in QSettings, and in what the running application holds); the dialog shows them next time.
    void valuesPersistAndApply()
    {
        const QString plugins = m_dir.filePath(u"plugins"_s);
        QVERIFY(QDir().mkpath(plugins));
        sa::MainWindow window;
        window.show();
        QPointer<sa::PreferencesDialog> dialog = openPreferences(window);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // The defaults, from the one place they are set.
        QCOMPARE(dialog->findChild<QSpinBox *>(u"clipboardSeconds"_s)->value(), 30);
        QCOMPARE(dialog->findChild<QSpinBox *>(u"tokenMinutes"_s)->value(), 60);
        QVERIFY(dialog->findChild<QCheckBox *>(u"useLoginShell"_s)->isChecked());
        QVERIFY(dialog->findChild<QCheckBox *>(u"confirmDestructive"_s)->isChecked());
        QVERIFY(ok(dialog)->isEnabled());
        SA_VERIFY_LABELS_SPOKEN(dialog);
        saveScreenshot(dialog, u"dialog-preferences"_s);

        setText(dialog->findChild<QSpinBox *>(u"clipboardSeconds"_s), u"45"_s);
        setText(dialog->findChild<QSpinBox *>(u"tokenMinutes"_s), u"480"_s);
        dialog->findChild<QPlainTextEdit *>(u"pluginDirectories"_s)->setPlainText(plugins + u"\n\n~\n"_s);
        dialog->findChild<QCheckBox *>(u"useLoginShell"_s)->setChecked(false);
        dialog->findChild<QCheckBox *>(u"confirmDestructive"_s)->setChecked(false);
        QCOMPARE(dialog->errorText(), QString());
        ok(dialog)->click();
        QTRY_VERIFY(!dialog);

        const QSettings settings;
        QCOMPARE(settings.value(u"clipboard/clearSeconds"_s).toInt(), 45);
        QCOMPARE(settings.value(u"tokens/defaultMinutes"_s).toInt(), 480);
        QCOMPARE(settings.value(u"plugins/directories"_s).toStringList(), (QStringList {plugins, QDir::homePath()}));
        QCOMPARE(settings.value(u"plugins/useLoginShell"_s).toBool(), false);
        QCOMPARE(settings.value(u"confirm/destructive"_s).toBool(), false);
        QCOMPARE(sa::ClipboardGuard::instance()->clearDelay(), std::chrono::milliseconds(45000));
        QCOMPARE(sa::PluginSearch::instance()->extraDirectories(), (QStringList {plugins, QDir::homePath()}));
        QVERIFY(!sa::PluginSearch::instance()->usesLoginShell());

        // A new window (a new run) applies them, and the dialog shows them.
        sa::Preferences().apply();
        sa::MainWindow next;
        QCOMPARE(sa::ClipboardGuard::instance()->clearDelay(), std::chrono::milliseconds(45000));
        QCOMPARE(sa::PluginSearch::instance()->extraDirectories(), (QStringList {plugins, QDir::homePath()}));
        QVERIFY(!sa::PluginSearch::instance()->usesLoginShell());
        next.show();
        dialog = openPreferences(next);
        QCOMPARE(dialog->findChild<QSpinBox *>(u"clipboardSeconds"_s)->value(), 45);
        QCOMPARE(dialog->findChild<QSpinBox *>(u"tokenMinutes"_s)->value(), 480);
        QCOMPARE(dialog->findChild<QPlainTextEdit *>(u"pluginDirectories"_s)->toPlainText(),
                 plugins + u'\n' + QDir::homePath());
        QVERIFY(!dialog->findChild<QCheckBox *>(u"useLoginShell"_s)->isChecked());
        QVERIFY(!dialog->findChild<QCheckBox *>(u"confirmDestructive"_s)->isChecked());
        dialog->reject();
    }

    // Cancel leaves the settings and the running application as they were.
    void cancelChangesNothing()
    {
        sa::MainWindow window;
        window.show();
        QPointer<sa::PreferencesDialog> dialog = openPreferences(window);
        QTRY_VERIFY(dialog->isVisible());
        setText(dialog->findChild<QSpinBox *>(u"clipboardSeconds"_s), u"99"_s);
        setText(dialog->findChild<QSpinBox *>(u"tokenMinutes"_s), u"30"_s);
        dialog->findChild<QCheckBox *>(u"useLoginShell"_s)->setChecked(false);
        dialog->findChild<QPushButton *>(u"cancelButton"_s)->click();
        QTRY_VERIFY(!dialog);
        QVERIFY(QSettings().allKeys().filter(u"/"_s).filter(QRegularExpression(u"^(?!window/)"_s)).isEmpty());
        QCOMPARE(sa::ClipboardGuard::instance()->clearDelay(), std::chrono::milliseconds(30000));
        QVERIFY(sa::PluginSearch::instance()->usesLoginShell());
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("clipboard too short")
            << u"clipboardSeconds"_s << u"3"_s << u"A copied secret is cleared after 5 to 600 seconds."_s;
        QTest::newRow("clipboard too long")
            << u"clipboardSeconds"_s << u"601"_s << u"A copied secret is cleared after 5 to 600 seconds."_s;
        QTest::newRow("clipboard empty") << u"clipboardSeconds"_s << QString()
                                         << u"Enter the seconds after which a copied secret is cleared."_s;
        QTest::newRow("token too short") << u"tokenMinutes"_s << u"9"_s
                                         << u"The server refuses lifetimes under 10 minutes."_s;
        QTest::newRow("relative folder") << u"pluginDirectories"_s << u"/usr/bin\nbin"_s
                                         << u"\"bin\" is not a full path: start it with / or ~/."_s;
        QTest::newRow("missing folder") << u"pluginDirectories"_s << u"/nonexistent/bin"_s
                                        << u"There is no folder /nonexistent/bin."_s;
    }

    // A value out of bounds says why under the form and keeps OK disabled; Enter saves nothing either.
    void badValuesAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, error);
        sa::MainWindow window;
        window.show();
        QPointer<sa::PreferencesDialog> dialog = openPreferences(window);
        QTRY_VERIFY(dialog->isVisible());
        if (auto *box = dialog->findChild<QSpinBox *>(field))
            setText(box, text);
        else
            dialog->findChild<QPlainTextEdit *>(field)->setPlainText(text);
        QCOMPARE(dialog->errorText(), error);
        QVERIFY(!ok(dialog)->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(dialog);
        QVERIFY(QSettings().allKeys().filter(QRegularExpression(u"^(?!window/)"_s)).isEmpty());
        dialog->reject();
    }

    // Issue token opens with the saved lifetime: its preset when there is one, else in minutes.
    void issueTokenStartsWithTheSavedLifetime()
    {
        const auto lifetime = [](int minutes) {
            sa::Preferences preferences;
            preferences.tokenMinutes = minutes;
            preferences.save();
            sa::IssueTokenDialog dialog(nullptr, u"payments"_s, u"api"_s, {}, {});
            const auto *presets = dialog.findChild<QComboBox *>(u"lifetime"_s);
            const auto *custom = dialog.findChild<QSpinBox *>(u"minutes"_s);
            return std::pair {presets->currentText(), custom->isEnabled() ? custom->value() : 0};
        };
        QCOMPARE(lifetime(60), std::pair(u"1 hour"_s, 0));
        QCOMPARE(lifetime(480), std::pair(u"8 hours"_s, 0));
        QCOMPARE(lifetime(90), std::pair(u"Custom…"_s, 90));
        QSettings().clear();
        QCOMPARE(lifetime(60), std::pair(u"1 hour"_s, 0));
    }

    // A copied secret goes after the saved delay: not before, and not at the default 30 s.
    void clipboardClearsAfterTheSavedDelay()
    {
        sa::MainWindow window;
        window.show();
        // View > Clear copied secrets after… opens the preferences there.
        window.findChild<QAction *>(u"clipboardDelay"_s)->trigger();
        QPointer<sa::PreferencesDialog> dialog = window.findChild<sa::PreferencesDialog *>(u"preferencesDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *seconds = dialog->findChild<QSpinBox *>(u"clipboardSeconds"_s);
        QTRY_VERIFY(seconds->hasFocus());
        QTest::keyClicks(seconds, u"6"_s); // replaces the selected 30
        ok(dialog)->click();
        QTRY_VERIFY(!dialog);
        QCOMPARE(QSettings().value(u"clipboard/clearSeconds"_s).toInt(), 6);

        sa::ClipboardGuard::instance()->copySecret(sa::SecretBytes(QByteArray("copied-secret-value")));
        QCOMPARE(QGuiApplication::clipboard()->text(), u"copied-secret-value"_s);
        QElapsedTimer elapsed;
        elapsed.start();
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 10000);
        QVERIFY2(elapsed.elapsed() >= 5000 && elapsed.elapsed() < 8000, qPrintable(QString::number(elapsed.elapsed())));
    }

    // Started from a desktop menu, PATH is the session's: a kubeconfig whose exec plugin only the login shell's PATH
    // has still connects, through the user's login shell ($SHELL: here one whose profile adds the plugin's folder).
    void pluginOnTheLoginShellsPathConnects()
    {
        KubeSimProcess sim({u"--seed"_s, u"demo"_s, u"--static-token"_s, u"plugin-token,plugin-user"_s});
        QVERIFY2(sim.start(), qPrintable(sim.error()));
        const QString loginBin = m_dir.filePath(u"login-bin"_s);
        QVERIFY(QDir().mkpath(loginBin));
        const auto writeExecutable = [](const QString &path, const QByteArray &content) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size()
                && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        };
        QVERIFY(writeExecutable(loginBin + u"/sa-test-desktop-plugin"_s,
                                "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                                "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"plugin-token\"}}'\n"));
        // A login shell as bash is one: with -l its profile extends PATH (and talks), then -c's command runs.
        const QString shell = m_dir.filePath(u"login-shell"_s);
        QVERIFY(writeExecutable(shell,
                                "#!/bin/sh\necho 'Last login: yesterday'\n"
                                "if [ \"$1\" = -l ]; then PATH='"_ba
                                    + QFile::encodeName(loginBin)
                                    + "':$PATH; export PATH; shift; fi\n"
                                      "[ \"$1\" = -c ] && exec /bin/sh -c \"$2\"\nexit 3\n"));
        QFile admin(sim.kubeconfigPath());
        QVERIFY(admin.open(QIODevice::ReadOnly));
        QByteArray config;
        for (const QByteArray &line : admin.readAll().split('\n')) {
            if (line.contains("client-certificate-data"))
                config += "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: Never\n"
                          "      command: sa-test-desktop-plugin\n";
            else if (!line.contains("client-key-data"))
                config += line + '\n';
        }
        const QString kubeconfig = m_dir.filePath(u"desktop.kubeconfig"_s);
        QVERIFY(writeExecutable(kubeconfig, config));

        const ScopedEnv path("PATH", "/usr/bin:/bin"); // a desktop session's
        const ScopedEnv shellVariable("SHELL", QFile::encodeName(shell));
        sa::PluginSearch::instance()->forgetLoginShell();
        {
            sa::Application app(sa::Application::Options {kubeconfig, {}, {}, false, {}});
            app.start();
            auto *state = app.window().findChild<QLabel *>(u"connectionState"_s);
            QTRY_VERIFY2_WITH_TIMEOUT(state->text().startsWith(u"● Connected as plugin-user"_s),
                                      qPrintable(state->text()), 20000);
            QCOMPARE(sa::PluginSearch::instance()->loginShellPath().first(), loginBin);
        }

        // With the login shell turned off, the same start says where it looked.
        sa::Preferences preferences;
        preferences.useLoginShell = false;
        preferences.save();
        sa::Application app(sa::Application::Options {kubeconfig, {}, {}, false, {}});
        app.start();
        auto *state = app.window().findChild<QLabel *>(u"connectionState"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().startsWith(u"● Not connected"_s), qPrintable(state->text()), 20000);
        QVERIFY2(state->text().contains(u"exec: executable sa-test-desktop-plugin not found"_s),
                 qPrintable(state->text()));
        sa::PluginSearch::instance()->forgetLoginShell();
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
