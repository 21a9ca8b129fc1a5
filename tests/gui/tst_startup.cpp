// What the window connects to and shows at start, as kubectl's precedence says, and what it says when it cannot:
// a broken kubeconfig, a context that cannot be used, sources the user may not read. Offscreen, against kube-sim.

#include "Application.h"
#include "DesktopIdentity.h"
#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "MessageBar.h"
#include "Rows.h"
#include "ScopedEnv.h"
#include "SimHttp.h"
#include "Translations.h"
#include "api/ApiError.h"
#include "resources/Resources.h"

#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace { } // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(const QString &name) const
    {
        return m_app->window().findChild<T *>(name);
    }

    void start(const QString &kubeconfig, const QString &context = {}, const QString &ns = {},
               std::optional<std::chrono::milliseconds> requestTimeout = {})
    {
        m_app.reset();
        m_app = std::make_unique<sa::Application>(
            sa::Application::Options {kubeconfig, context, ns, false, requestTimeout});
        m_app->start();
    }

    QString status() const { return find<QLabel>(u"connectionState"_s)->text(); }
    // What a user reads is the label's text itself, not HTML made of it.
    bool showsLiterally(const QString &label) const
    {
        const auto *widget = find<QLabel>(label);
        return widget->textFormat() == Qt::PlainText
            || (widget->textFormat() == Qt::AutoText && !Qt::mightBeRichText(widget->text()));
    }
    QString barText() const { return find<sa::MessageBar>(u"messageBar"_s)->text(); }
    QString selectedNamespace() const { return m_app->window().selectedNamespace(); }
    bool welcomeShown() const
    {
        return find<QStackedWidget>(u"pages"_s)->currentWidget()->objectName() == "welcomePage"_L1;
    }
    QString welcomeText() const
    {
        QTextDocument document;
        document.setHtml(find<QLabel>(u"welcomeText"_s)->text());
        return document.toPlainText();
    }

    // The accounts the list shows, all in `ns`.
    bool accountsAllIn(const QString &ns) const
    {
        const QAbstractItemModel *accounts = find<QTreeView>(u"serviceAccounts"_s)->model();
        for (int row = 0; row < accounts->rowCount(); ++row) {
            if (accounts->index(row, 0).data(sa::NamespaceRole).toString() != ns)
                return false;
        }
        return accounts->rowCount() > 0;
    }

    // Selects row `row` of `view` as an accessibility client does: the cell's toggle action, which selects
    // without making it the current item.
    static bool toggleThroughAccessibility(QAbstractItemView *view, int row)
    {
        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view);
        if (!table || !table->tableInterface())
            return false;
        QAccessibleInterface *cell = table->tableInterface()->cellAt(row, 0);
        if (!cell || !cell->actionInterface())
            return false;
        cell->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
        return true;
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<sa::Application> m_app;
    QString m_config; // contexts admin (current), viewer (namespace ci), system (namespace kube-system), broken

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, not the user's
        QSettings().clear();
        m_sim = std::make_unique<KubeSimProcess>(
            QStringList {u"--seed"_s, u"demo"_s, u"--static-token"_s, u"ci-token,ci-viewer"_s, u"--load"_s,
                         QStringLiteral(SA_TEST_DATA_DIR) + u"/gui/ci-viewer-rbac.yaml"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        // Built with the real kubectl, as a user's kubeconfig is.
        const Kubectl kubectl(*m_sim);
        QFile admin(m_sim->kubeconfigPath());
        QVERIFY(admin.open(QIODevice::ReadOnly));
        m_config = kubectl.writeFile(u"contexts.yaml"_s, admin.readAll());
        const QList<QStringList> commands {
            {u"config"_s, u"rename-context"_s, u"kube-sim"_s, u"admin"_s},
            {u"config"_s, u"set-credentials"_s, u"viewer"_s, u"--token=ci-token"_s},
            {u"config"_s, u"set-context"_s, u"viewer"_s, u"--cluster=kube-sim"_s, u"--user=viewer"_s,
             u"--namespace=ci"_s},
            {u"config"_s, u"set-context"_s, u"system"_s, u"--cluster=kube-sim"_s, u"--user=kube-sim-admin"_s,
             u"--namespace=kube-system"_s},
            {u"config"_s, u"set-context"_s, u"broken"_s, u"--cluster=kube-sim"_s, u"--user=ghost"_s},
            {u"config"_s, u"use-context"_s, u"admin"_s},
        };
        for (const QStringList &command : commands) {
            const CommandResult result = kubectl.run(command, m_config);
            QVERIFY2(result.exitCode == 0, qPrintable(command.join(u' ') + u": "_s + result.err));
        }
    }

    // No window from an earlier function, and no memory of it either: the namespace the user last chose in a
    // context is kept in the settings, and would decide where the next start goes.
    void init()
    {
        m_app.reset();
        QSettings().clear();
    }

    void currentContextDecidesNotTheLastRun()
    {
        start(m_config, u"viewer"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as ci-viewer"_s), qPrintable(status()), 20000);
        // The next start without --context goes where kubectl would: the kubeconfig's current-context.
        start(m_config);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), qPrintable(status()), 20000);
        QCOMPARE(find<QComboBox>(u"contextSwitcher"_s)->currentText(), u"admin"_s);
    }

    void namespaceAtStart()
    {
        // The context's namespace.
        start(m_config, u"system"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QTRY_COMPARE(selectedNamespace(), u"kube-system"_s);
        QTRY_VERIFY(accountsAllIn(u"kube-system"_s));
        QVERIFY(find<QLabel>(u"contextInfo"_s)->text().endsWith(u"namespace kube-system"_s));

        // No namespace in the context: what the user last chose in it, else all namespaces.
        start(m_config, u"admin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QCOMPARE(selectedNamespace(), QString());
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QTRY_VERIFY(findRow(namespaces->model(), u"monitoring"_s).isValid());
        namespaces->setCurrentIndex(findRow(namespaces->model(), u"monitoring"_s));
        QTRY_VERIFY(accountsAllIn(u"monitoring"_s));
        start(m_config, u"admin"_s);
        QTRY_COMPARE_WITH_TIMEOUT(selectedNamespace(), u"monitoring"_s, 20000);
        // ... which does not carry over to another context.
        start(m_config, u"system"_s);
        QTRY_COMPARE_WITH_TIMEOUT(selectedNamespace(), u"kube-system"_s, 20000);

        // --namespace before everything.
        start(m_config, u"system"_s, u"payments"_s);
        QTRY_COMPARE_WITH_TIMEOUT(selectedNamespace(), u"payments"_s, 20000);
        QTRY_VERIFY(accountsAllIn(u"payments"_s));
    }

    void missingNamespaceIsShownEmpty()
    {
        start(m_config, u"admin"_s, u"nope"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QTRY_VERIFY(findRow(namespaces->model(), u"nope"_s).isValid());
        QCOMPARE(findRow(namespaces->model(), u"nope"_s).data().toString(), u"nope (not found)"_s);
        QCOMPARE(selectedNamespace(), u"nope"_s);
        QCOMPARE(find<QTreeView>(u"serviceAccounts"_s)->model()->rowCount(), 0);
        QVERIFY2(barText().contains(u"namespaces \"nope\" not found"_s), qPrintable(barText()));
        // Created meanwhile: the real namespace takes the placeholder's place, still selected.
        QCOMPARE(SimHttp(*m_sim).send("POST", u"/api/v1/namespaces"_s, "{\"metadata\":{\"name\":\"nope\"}}").code, 201);
        QTRY_COMPARE_WITH_TIMEOUT(findRow(namespaces->model(), u"nope"_s).data().toString(), u"nope (1)"_s, 10000);
        QCOMPARE(selectedNamespace(), u"nope"_s);
        QTRY_VERIFY(accountsAllIn(u"nope"_s)); // its default account
        QVERIFY2(!barText().contains(u"not found"_s), qPrintable(barText()));
    }

    void brokenKubeconfigIsShownNotHidden()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: a\n  cluster:\n    server: https://x\n   bad: 1\n");
        file.close();
        const ScopedEnv kubeconfig("KUBECONFIG", path.toUtf8());
        start({});
        QVERIFY(welcomeShown());
        QVERIFY2(welcomeText().contains(path) && welcomeText().contains(u"line 7"_s), qPrintable(welcomeText()));
        QVERIFY2(!welcomeText().contains(u"Create one"_s), qPrintable(welcomeText()));
        QVERIFY(find<QPushButton>(u"openDemo"_s)->isVisibleTo(&m_app->window()));
        auto *retry = find<QPushButton>(u"retry"_s);
        QVERIFY(retry->isVisibleTo(&m_app->window()));
        // Mended, and read again.
        QFile::remove(path);
        QVERIFY(QFile::copy(m_config, path));
        retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), 20000);
        QVERIFY(!welcomeShown());
    }

    void skippedFileWarningStaysOnShow()
    {
        QTemporaryDir dir;
        const ScopedEnv kubeconfig("KUBECONFIG", (dir.path() + u':' + m_config).toUtf8());
        start({});
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QTest::qWait(200);
        QVERIFY2(barText().contains(u"read %1: is a directory"_s.arg(dir.path())), qPrintable(barText()));
    }

    // An http:// server and a certificate that is not checked are said, where kubectl is silent; a context that
    // uses TLS properly says nothing of the kind.
    void unprotectedConnectionsAreNamed()
    {
        const Kubectl kubectl(*m_sim);
        const QString server = QUrl(m_sim->url()).authority();
        QFile original(m_config);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString config = kubectl.writeFile(u"transport.yaml"_s, original.readAll()); // the others' stays as is
        for (const QStringList &command :
             {QStringList {u"config"_s, u"set-cluster"_s, u"plain"_s, u"--server=http://"_s + server},
              QStringList {u"config"_s, u"set-cluster"_s, u"unchecked"_s, u"--server=https://"_s + server,
                           u"--insecure-skip-tls-verify=true"_s},
              QStringList {u"config"_s, u"set-context"_s, u"plain"_s, u"--cluster=plain"_s, u"--user=kube-sim-admin"_s},
              QStringList {u"config"_s, u"set-context"_s, u"unchecked"_s, u"--cluster=unchecked"_s,
                           u"--user=kube-sim-admin"_s}}) {
            const CommandResult result = kubectl.run(command, config);
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        }
        start(config, u"plain"_s);
        QTRY_VERIFY2(barText().contains(u"The connection to cluster plain (127.0.0.1) is not encrypted (http://)"_s),
                     qPrintable(barText()));
        start(config, u"unchecked"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QVERIFY2(barText().contains(u"TLS verification is off for cluster unchecked (insecure-skip-tls-verify)"_s),
                 qPrintable(barText()));
        start(config, u"admin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QVERIFY2(!barText().contains(u"not encrypted"_s) && !barText().contains(u"TLS verification is off"_s),
                 qPrintable(barText()));
    }

    void failedContextIsOneClearState()
    {
        start(m_config, u"broken"_s);
        QVERIFY(welcomeShown());
        QCOMPARE(find<QComboBox>(u"contextSwitcher"_s)->currentText(), u"broken"_s);
        QCOMPARE(m_app->window().windowTitle(), u"SA Admin — broken (not connected)"_s);
        QCOMPARE(
            status(),
            u"Not connected: Cannot use context \"broken\": user \"ghost\" was not found for context \"broken\""_s);
        QVERIFY2(welcomeText().contains(u"user \"ghost\" was not found"_s), qPrintable(welcomeText()));
        // Another context from the switcher connects.
        auto *switcher = find<QComboBox>(u"contextSwitcher"_s);
        Q_EMIT switcher->activated(switcher->findText(u"admin"_s));
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), 20000);
        QCOMPARE(m_app->window().windowTitle(), u"SA Admin — admin"_s);
    }

    void refusedCredentialsGiveNoCounts()
    {
        // Nothing could be listed: no "0" anywhere, which would say the cluster is empty.
        const QString kubeconfig = Kubectl(*m_sim).tokenKubeconfig(u"wrong-token.kubeconfig"_s, "wrong-token");
        start(kubeconfig);
        QTRY_VERIFY2_WITH_TIMEOUT(status().contains(u"did not accept your credentials"_s), qPrintable(status()), 20000);
        auto *tabs = find<QTabWidget>(u"kindTabs"_s);
        QTRY_COMPARE(tabs->tabText(0), u"Service accounts"_s);
        QCOMPARE(tabs->tabText(1), u"Secrets"_s);
        const QAbstractItemModel *namespaces = find<QListView>(u"namespaces"_s)->model();
        QCOMPARE(namespaces->index(0, 0).data().toString(), u"All namespaces"_s);
        // The namespace offered in place of the refused list has no count either.
        for (int row = 1; row < namespaces->rowCount(); ++row)
            QVERIFY2(!namespaces->index(row, 0).data().toString().contains(u'('),
                     qPrintable(namespaces->index(row, 0).data().toString()));
    }

    void unreadableSourcesAreNotCalledEmpty()
    {
        // ci-viewer may read the ci namespace with the "view" role: no secrets, no bindings, no namespaces.
        start(m_config, u"viewer"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected as ci-viewer"_s), 20000);
        QTRY_COMPARE(selectedNamespace(), u"ci"_s);
        auto *namespaces = find<QListView>(u"namespaces"_s);
        const QModelIndex all = namespaces->model()->index(0, 0);
        QCOMPARE(all.data().toString(), u"All namespaces (not allowed)"_s);
        QVERIFY(!(all.flags() & Qt::ItemIsEnabled));
        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        QTRY_VERIFY(findRow(accounts->model(), u"deployer"_s).isValid());
        // The namespace offered although not listed counts what it shows.
        QTRY_COMPARE(findRow(namespaces->model(), u"ci"_s).data().toString(),
                     u"ci (%1)"_s.arg(accounts->model()->rowCount()));
        accounts->setCurrentIndex(findRow(accounts->model(), u"deployer"_s));
        auto *details = find<QTextBrowser>(u"details"_s);
        QTRY_VERIFY(details->toPlainText().startsWith(u"deployer"_s));
        const QString text = details->toPlainText();
        QVERIFY2(text.contains(u"cannot check: role bindings, cluster role bindings are not readable"_s),
                 qPrintable(text));
        QVERIFY2(!text.contains(u"no bindings"_s), qPrintable(text));
        const QString tokens = text.section(u"Token secrets"_s, 1).section(u"Used by"_s, 0, 0);
        QVERIFY2(tokens.contains(u"cannot check: secrets are not readable"_s), qPrintable(tokens));
        QVERIFY2(!tokens.contains(u"none"_s), qPrintable(tokens));
        // The secrets tab has no count to give.
        QCOMPARE(find<QTabWidget>(u"kindTabs"_s)->tabText(1), u"Secrets (not allowed)"_s);
    }

    void accessibilitySelectionIsFollowed()
    {
        start(m_config, u"admin"_s, u"payments"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QTRY_COMPARE(selectedNamespace(), u"payments"_s);
        auto *namespaces = find<QListView>(u"namespaces"_s);
        const QModelIndex monitoring = findRow(namespaces->model(), u"monitoring"_s);
        QVERIFY(monitoring.isValid());
        QVERIFY(toggleThroughAccessibility(namespaces, monitoring.row()));
        QVERIFY(namespaces->currentIndex() != monitoring); // selected, not made current
        QTRY_VERIFY(accountsAllIn(u"monitoring"_s));

        auto *accounts = find<QTreeView>(u"serviceAccounts"_s);
        auto *details = find<QTextBrowser>(u"details"_s);
        for (int row = 0; row < accounts->model()->rowCount(); ++row) {
            if (accounts->model()->index(row, 0) == accounts->currentIndex())
                continue;
            const QString name = accounts->model()->index(row, 0).data(sa::NameRole).toString();
            QVERIFY(toggleThroughAccessibility(accounts, row));
            QTRY_VERIFY2(details->toPlainText().startsWith(name), qPrintable(details->toPlainText()));
            return;
        }
        QFAIL("monitoring has a single service account");
    }

    // --request-timeout, as kubectl's: a server slower than the limit is reported as soon as the limit has passed (not
    // after the default 30 s); with 0 the same server is waited for, and the window connects.
    void requestTimeoutGivesUpOnASlowServer()
    {
        using namespace std::chrono_literals;
        KubeSimProcess slow({u"--seed"_s, u"empty"_s, u"--faults"_s, u"{\"latencyMs\": 3000}"_s});
        QVERIFY2(slow.start(), qPrintable(slow.error()));
        const QString noAnswer = u"No answer from 127.0.0.1 in time"_s;

        QElapsedTimer timer;
        timer.start();
        start(slow.kubeconfigPath(), {}, {}, 1s);
        QTRY_VERIFY2_WITH_TIMEOUT(barText().contains(noAnswer), qPrintable(barText()), 10000);
        QVERIFY2(timer.elapsed() < 2900, qPrintable(QString::number(timer.elapsed()))); // before any 3 s answer

        start(slow.kubeconfigPath(), {}, {}, 0ms);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Connected as kube-sim-admin"_s), qPrintable(status()), 20000);
        QVERIFY2(!barText().contains(noAnswer), qPrintable(barText()));
        m_app.reset();
    }

    // Names from the kubeconfig (and the server's sentences around them) are text, never HTML: markup in a user's
    // name shows as it is written, in the status bar, the toolbar and on the welcome page.
    void markupShowsLiterally()
    {
        const QString markup = u"<b>bold</b><img src=x>"_s; // no such user
        const QString marked = u"<i>ci</i>"_s; // a user with the token of ci-viewer
        const Kubectl kubectl(*m_sim);
        QFile contexts(m_config);
        QVERIFY(contexts.open(QIODevice::ReadOnly));
        const QString config = kubectl.writeFile(u"markup.yaml"_s, contexts.readAll());
        const QList<QStringList> commands {
            {u"config"_s, u"set-context"_s, u"missing-user"_s, u"--cluster=kube-sim"_s, u"--user="_s + markup},
            {u"config"_s, u"set-credentials"_s, marked, u"--token=ci-token"_s},
            {u"config"_s, u"set-context"_s, u"marked-user"_s, u"--cluster=kube-sim"_s, u"--user="_s + marked,
             u"--namespace=ci"_s},
        };
        for (const QStringList &command : commands) {
            const CommandResult result = kubectl.run(command, config);
            QVERIFY2(result.exitCode == 0, qPrintable(command.join(u' ') + u": "_s + result.err));
        }

        start(config, u"missing-user"_s);
        QVERIFY(welcomeShown());
        QVERIFY2(status().contains(u"user \""_s + markup + u"\" was not found"_s), qPrintable(status()));
        QVERIFY(showsLiterally(u"connectionState"_s));
        QVERIFY2(welcomeText().contains(u"user \""_s + markup + u"\" was not found"_s), qPrintable(welcomeText()));

        start(config, u"marked-user"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(u"● Connected"_s), 20000);
        QVERIFY2(find<QLabel>(u"contextInfo"_s)->text().contains(u"user "_s + marked), qPrintable(status()));
        QVERIFY(showsLiterally(u"contextInfo"_s));
        QVERIFY(showsLiterally(u"connectionState"_s));
    }

    // The desktop finds the entry, and so the name and icon, by the application id that the build gives the desktop
    // file, the AppStream metainfo and the icon. Without an icon theme that has the icon (offscreen here) the window
    // shows the one built in, at every size the hicolor theme gets.
    void desktopIdentity()
    {
        sa::setDesktopIdentity();
        QCOMPARE(sa::applicationId(), QStringLiteral(SA_APP_ID));
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral(SA_APP_ID));
        start(m_config);
        const QIcon icon = m_app->window().windowIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (const int size : {16, 32, 48, 64, 128, 256})
            QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(u"no %1 px icon"_s.arg(size)));
        // The key is white on blue: the icon is drawn, not an empty image of the right size.
        const QImage small = icon.pixmap(QSize(16, 16)).toImage();
        QCOMPARE(small.pixelColor(1, 8), QColor(0x32, 0x6c, 0xe5));
        QCOMPARE(small.pixelColor(8, 8), QColor(Qt::white));
    }

    // --version and --help print what QCommandLineParser prints and exit 0 with no display at all (no DISPLAY, no
    // WAYLAND_DISPLAY, no QT_QPA_PLATFORM): as over ssh, in a package check or from man-page tools. An option
    // QApplication removes (-platform) still comes before them, and a mistake still says so.
    void versionAndHelpNeedNoDisplay()
    {
        const auto run = [](const QStringList &arguments, const QString &platform = {}, const QString &locale = {}) {
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            for (const QString &name :
                 {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s, u"XDG_SESSION_TYPE"_s})
                env.remove(name);
            if (!platform.isEmpty())
                env.insert(u"QT_QPA_PLATFORM"_s, platform);
            if (!locale.isEmpty()) {
                env.insert(u"LC_ALL"_s, locale);
                env.insert(u"LANGUAGE"_s, locale.left(2));
            }
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(SA_ADMIN), arguments);
            const bool finished = process.waitForFinished(20000);
            return std::tuple {finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                               QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError())};
        };
        const QString version = u"sa-admin "_s + QStringLiteral(SA_VERSION) + u'\n';
        for (const QString &option : {u"--version"_s, u"-v"_s}) {
            const auto [code, out, err] = run({option});
            QVERIFY2(code == 0, qPrintable(option + u": exit code %1; "_s.arg(code) + err));
            QCOMPARE(out, version);
        }
        for (const QString &option : {u"--help"_s, u"-h"_s}) {
            const auto [code, out, err] = run({option});
            QVERIFY2(code == 0, qPrintable(option + u": exit code %1; "_s.arg(code) + err));
            QVERIFY2(out.startsWith(u"Usage: "_s + QStringLiteral(SA_ADMIN) + u" [options]\n"_s), qPrintable(out));
            for (const QString &line :
                 {u"Administer Kubernetes service accounts, tokens and pull secrets."_s, u"--kubeconfig <PATH>"_s,
                  u"--request-timeout <DURATION>"_s, u"-v, --version"_s, u"-h, --help"_s})
                QVERIFY2(out.contains(line), qPrintable(out));
        }
        // In the system's language, as the window.
        {
            const auto [code, out, err] = run({u"--help"_s}, {}, u"de_DE.UTF-8"_s);
            QVERIFY2(code == 0, qPrintable(err));
            for (const QString &line : {u"Kubernetes-Dienstkonten, Tokens und Pull-Secrets verwalten."_s,
                                        u"--kubeconfig <PATH>"_s, u"Pfad zur kubeconfig-Datei."_s})
                QVERIFY2(out.contains(line), qPrintable(out));
        }
        // What QApplication takes for itself is still taken, then the version printed.
        auto [code, out, err] = run({u"-platform"_s, u"offscreen"_s, u"--version"_s});
        QVERIFY2(code == 0, qPrintable(err));
        QCOMPARE(out, version);
        // A mistake is one, as before (said by the QApplication's parse: here with a platform to start it).
        std::tie(code, out, err) = run({u"--no-such-option"_s, u"--version"_s}, u"offscreen"_s);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(u"Unknown option 'no-such-option'."_s), qPrintable(err));
    }

    // The language of the system's locale: German from the translation built in, its plural forms and the core's
    // messages included. A language without a translation gets English, with its plural forms.
    void translations()
    {
        const QLocale before;
        const auto restore = qScopeGuard([&before] {
            QLocale::setDefault(before);
            sa::installTranslators(before);
        });
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(sa::installTranslators(), u"sa-admin_de"_s);
        start(m_config);
        QTRY_VERIFY2_WITH_TIMEOUT(status().startsWith(u"● Verbunden"_s), qPrintable(status()), 20000);
        QStringList menus;
        for (const QAction *action : m_app->window().menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(u"&Dienstkonto"_s) && menus.contains(u"&Ansicht"_s), qPrintable(menus.join(u", "_s)));
        const char *days = "Days since the last use: %n";
        QCOMPARE(QCoreApplication::translate("sa::TokenAuditModel", days, nullptr, 1), u"Letzte Nutzung vor 1 Tag"_s);
        QCOMPARE(QCoreApplication::translate("sa::TokenAuditModel", days, nullptr, 3), u"Letzte Nutzung vor 3 Tagen"_s);
        // Counts as the locale writes them.
        QCOMPARE(QCoreApplication::translate("sa::TokensPane", "Tokens: %Ln", nullptr, 60000), u"Tokens: 60.000"_s);
        // The core's words, as the window shows them.
        const sa::ApiError refused =
            sa::ApiError::fromTransport(QNetworkReply::ConnectionRefusedError, QString(), u"k8s.example"_s, {});
        QCOMPARE(refused.userMessage(),
                 u"Keine Verbindung zu k8s.example möglich: Die Verbindung wurde abgelehnt. Läuft der API-Server?"_s);
        m_app.reset();

        QCOMPARE(sa::installTranslators(QLocale(QLocale::French, QLocale::France)), u"sa-admin_en"_s);
        const char *tokens = "Delete %n tokens";
        QCOMPARE(QCoreApplication::translate("sa::TokenActionDialog", tokens, nullptr, 1), u"Delete 1 token"_s);
        QCOMPARE(QCoreApplication::translate("sa::TokenActionDialog", tokens, nullptr, 2), u"Delete 2 tokens"_s);
        QCOMPARE(sa::installTranslators(QLocale(QLocale::English, QLocale::UnitedStates)), u"sa-admin_en"_s);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        QCOMPARE(m_sim->stop(), 0);
    }
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
