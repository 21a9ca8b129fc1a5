// However sa-admin ends, nothing of the demo cluster is left: the real binary on the demo cluster is ended with
// SIGTERM, SIGINT and SIGHUP (a quit: kube-sim stopped, folder removed, settings saved), and with SIGKILL, SIGSEGV
// and SIGABRT (kube-sim dies with it; the next start removes the folder). The clipboard half runs in this process
// (the offscreen clipboard is in-process): a token copied before a real SIGTERM is gone after it.

#include "Application.h"
#include "ClipboardGuard.h"
#include "DemoFolders.h"
#include "QuitSignals.h"
#include "ScopedEnv.h"
#include "resources/SecretBytes.h"

#include <QClipboard>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The state letter of a process ('Z': a zombie, as dead as a missing one), or 0 when there is none.
char processState(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the name may hold spaces and parentheses
    return close > 0 && close + 2 < line.size() ? line.at(close + 2) : 0;
}

bool processGone(qint64 pid)
{
    const char state = processState(pid);
    return state == 0 || state == 'Z' || state == 'X';
}

// The kube-sim processes whose parent is `parent`.
QList<qint64> kubeSimChildren(qint64 parent)
{
    QList<qint64> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (line.mid(open + 1, close - open - 1) == "kube-sim" && rest.size() > 1 && rest[1].toLongLong() == parent
            && rest[0] != "Z")
            children.append(pid);
    }
    return children;
}

QStringList demoFoldersIn(const QString &dir, qint64 owner)
{
    return QDir(dir).entryList({u"sa-admin-demo-%1-*"_s.arg(owner)}, QDir::Dirs | QDir::NoDotAndDotDot);
}

} // namespace

class TestEndings : public QObject
{
    Q_OBJECT

private:
    // The sa-admin binary on the demo cluster, with a temporary folder and settings of its own; ready when its
    // kube-sim has written the demo kubeconfig.
    struct Run
    {
        Run() = default;
        Run(Run &&) = default;
        Run &operator=(Run &&) = default;
        Run(const Run &) = delete;
        Run &operator=(const Run &) = delete;
        // A failed check leaves nothing running either.
        ~Run()
        {
            if (kubeSim > 0 && !processGone(kubeSim))
                ::kill(pid_t(kubeSim), SIGKILL);
        }

        std::unique_ptr<QProcess> process;
        qint64 pid = 0;
        qint64 kubeSim = 0;
        QString folder;
    };

    // `signalled`: the run will be ended by SIGSEGV or SIGABRT from outside, which the sanitizer build must let
    // end it as in the normal build, not report as a crash of its own.
    Run startApp(bool signalled = false)
    {
        Run run;
        run.process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"TMPDIR"_s, m_tmp.path());
        env.insert(u"XDG_RUNTIME_DIR"_s, m_tmp.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
        if (signalled && env.contains(u"ASAN_OPTIONS"_s))
            env.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s) + u":handle_segv=0:handle_abort=0"_s);
        run.process->setProcessEnvironment(env);
        run.process->setProgram(QStringLiteral(SA_ADMIN));
        run.process->setArguments({u"--demo"_s});
        // No core files from the crash rows.
        run.process->setChildProcessModifier([] {
            const struct rlimit none = {0, 0};
            ::setrlimit(RLIMIT_CORE, &none);
        });
        run.process->start();
        if (!run.process->waitForStarted(10000))
            return run;
        run.pid = run.process->processId();
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && run.process->state() == QProcess::Running) {
            const QList<qint64> sims = kubeSimChildren(run.pid);
            const QStringList folders = demoFoldersIn(m_tmp.path(), run.pid);
            if (sims.size() == 1 && folders.size() == 1
                && QFileInfo::exists(QDir(m_tmp.path()).filePath(folders.first() + u"/kubeconfig"_s))) {
                run.kubeSim = sims.first();
                run.folder = QDir(m_tmp.path()).filePath(folders.first());
                break;
            }
            QTest::qWait(50);
        }
        return run;
    }

    static bool ready(const Run &run) { return run.kubeSim > 0 && !run.folder.isEmpty(); }
    static QString describe(const Run &run)
    {
        return u"sa-admin %1, kube-sim %2, folder %3; stderr: %4"_s.arg(run.pid)
            .arg(run.kubeSim)
            .arg(run.folder, QString::fromUtf8(run.process->readAllStandardError()));
    }

    QTemporaryDir m_tmp;
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(m_config.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(SA_ADMIN)).isExecutable(), SA_ADMIN);
    }

    void quitSignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP") << int(SIGHUP);
    }

    // A request to quit: within 2 s the application has exited normally, its kube-sim is gone, its folder (with the
    // admin kubeconfig) removed, and its window settings are saved.
    void quitSignal()
    {
        QFETCH(int, signal);
        QFile::remove(m_config.filePath(u"sa-admin/sa-admin.conf"_s));
        Run run = startApp();
        QVERIFY2(ready(run), qPrintable(describe(run)));
        // Only the user can read the folder and the key in it.
        QCOMPARE(QFileInfo(run.folder).permissions(),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser
                     | QFile::ExeUser);
        QCOMPARE(QFileInfo(run.folder + u"/kubeconfig"_s).permissions(),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QTest::qWait(500); // past start-up: connected, window shown

        QVERIFY(::kill(pid_t(run.pid), signal) == 0);
        const QDeadlineTimer deadline(2000);
        QVERIFY2(run.process->waitForFinished(int(deadline.remainingTime())), qPrintable(describe(run)));
        while (!deadline.hasExpired() && !processGone(run.kubeSim))
            QTest::qWait(20);
        QVERIFY2(processGone(run.kubeSim), qPrintable(describe(run)));
        QVERIFY2(!QFileInfo::exists(run.folder), qPrintable(describe(run)));
        QCOMPARE(run.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process->exitCode(), 0);

        const QSettings saved(m_config.filePath(u"sa-admin/sa-admin.conf"_s), QSettings::IniFormat);
        QVERIFY2(saved.contains(u"window/geometry"_s), qPrintable(saved.allKeys().join(u", "_s)));
    }

    void killed_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGKILL") << int(SIGKILL);
        QTest::newRow("SIGSEGV") << int(SIGSEGV);
        QTest::newRow("SIGABRT") << int(SIGABRT);
    }

    void emptySettingsLock_data()
    {
        QTest::addColumn<bool>("held");
        QTest::newRow("left by a run that died") << false;
        QTest::newRow("held by a live writer") << true;
    }

    // A run killed between creating the settings' lock file and writing its owner into it leaves it empty. The next
    // run, started at once as after a crash, removes it, so it still saves its settings and quits within 2 s
    // (QLockFile alone would wait until the file is 30 s old). An empty lock someone holds is left alone.
    void emptySettingsLock()
    {
        QFETCH(bool, held);
        QVERIFY(QDir().mkpath(m_config.filePath(u"sa-admin"_s)));
        const QString path = m_config.filePath(u"sa-admin/sa-admin.conf.lock"_s);
        QFile lock(path);
        QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (held)
            QCOMPARE(::flock(lock.handle(), LOCK_EX | LOCK_NB), 0);
        else
            lock.close();
        Run run = startApp();
        QVERIFY2(ready(run), qPrintable(describe(run)));
        QTest::qWait(500);
        if (held) {
            QVERIFY(QFileInfo::exists(path));
            // Let it go, as its writer would: the run's own settings writes go on.
            QVERIFY(QFile::remove(path));
            lock.close();
        }
        QVERIFY(::kill(pid_t(run.pid), SIGTERM) == 0);
        QVERIFY2(run.process->waitForFinished(2000), qPrintable(describe(run)));
        QCOMPARE(run.process->exitStatus(), QProcess::NormalExit);
        QVERIFY(!QFileInfo::exists(path));
    }

    // No code of ours runs: kube-sim still dies with the application within 2 s, and the folder it leaves is removed
    // by the next start.
    void killed()
    {
        QFETCH(int, signal);
        Run first = startApp(true);
        QVERIFY2(ready(first), qPrintable(describe(first)));
        QVERIFY(::kill(pid_t(first.pid), signal) == 0);
        const QDeadlineTimer deadline(2000);
        QVERIFY(first.process->waitForFinished(int(deadline.remainingTime())));
        while (!deadline.hasExpired() && !processGone(first.kubeSim))
            QTest::qWait(20);
        QVERIFY2(processGone(first.kubeSim), qPrintable(describe(first)));
        QCOMPARE(first.process->exitStatus(), QProcess::CrashExit);
        QVERIFY(QFileInfo::exists(first.folder)); // nothing could remove it

        Run next = startApp();
        QVERIFY2(ready(next), qPrintable(describe(next)));
        QVERIFY2(!QFileInfo::exists(first.folder), qPrintable(first.folder));
        // Ended as quitSignal ends it, past start-up. (A first run killed while QSettings wrote could leave an
        // empty lock file that froze this one's settings writes, and so its quit: emptySettingsLock.)
        QTest::qWait(500);
        QVERIFY(::kill(pid_t(next.pid), SIGTERM) == 0);
        QVERIFY2(next.process->waitForFinished(5000), qPrintable(describe(next)));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(next.kubeSim), 2000);
        QVERIFY(!QFileInfo::exists(next.folder));
    }

    // Only the folders of runs that are gone: not a live process's, not another name, not a link planted under the
    // pattern.
    void staleFoldersOnly()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        // A process that has ended, and been reaped: its id names no process (unless reused at once).
        QProcess shortLived;
        shortLived.start(u"true"_s, {});
        QVERIFY(shortLived.waitForStarted(5000));
        const qint64 gone = shortLived.processId();
        QVERIFY(shortLived.waitForFinished(5000));
        QVERIFY(processGone(gone));

        QDir dir(parent.path());
        const QString stale = u"sa-admin-demo-%1-Ab12Cd"_s.arg(gone);
        const QString live = u"sa-admin-demo-%1-Ef34Gh"_s.arg(QCoreApplication::applicationPid());
        const QString parentLive = u"sa-admin-demo-%1-Ij56Kl"_s.arg(::getppid());
        const QString otherName = u"sa-admin-demo-%1-toolong"_s.arg(gone);
        for (const QString &name : {stale, live, parentLive, otherName})
            QVERIFY(dir.mkdir(name));
        QFile key(dir.filePath(stale + u"/kubeconfig"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("client-key-data: x\n");
        key.close();
        QTemporaryDir target;
        const QString link = u"sa-admin-demo-%1-Mn78Op"_s.arg(gone);
        QVERIFY(QFile::link(target.path(), dir.filePath(link)));

        const QStringList removed = sa::demofolders::removeStale(parent.path());
        QCOMPARE(removed, QStringList {dir.filePath(stale)});
        QVERIFY(!dir.exists(stale));
        for (const QString &name : {live, parentLive, otherName, link})
            QVERIFY2(QFileInfo::exists(dir.filePath(name)), qPrintable(name));
        QVERIFY(QFileInfo::exists(target.path()));
    }

    // In this process, so that the offscreen clipboard can be read: a token copied before a real SIGTERM is no longer
    // on the clipboard after it, and the demo cluster and its folder are gone.
    void signalClearsCopiedSecret()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString simDir = QFileInfo(QStringLiteral(SA_KUBE_SIM)).absolutePath();
        const ScopedEnv path("PATH", (simDir + u':' + qEnvironmentVariable("PATH")).toUtf8());
        QTemporaryDir tmp;
        const ScopedEnv tmpdir("TMPDIR", tmp.path().toUtf8());
        const ScopedEnv runtime("XDG_RUNTIME_DIR", tmp.path().toUtf8());
        sa::QuitSignals quitSignals;
        QVERIFY(quitSignals.isActive());
        auto app = std::make_unique<sa::Application>(sa::Application::Options {{}, {}, {}, true, {}});
        connect(&quitSignals, &sa::QuitSignals::received, app.get(), &sa::Application::quit);
        app->start();
        const qint64 self = QCoreApplication::applicationPid();
        QTRY_COMPARE_WITH_TIMEOUT(kubeSimChildren(self).size(), 1, 30000);
        const qint64 kubeSim = kubeSimChildren(self).first();
        QTRY_COMPARE_WITH_TIMEOUT(demoFoldersIn(tmp.path(), self).size(), 1, 30000);
        const QString folder = tmp.filePath(demoFoldersIn(tmp.path(), self).first());

        const QByteArray token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVtbzpjaSJ9.c2ln";
        sa::ClipboardGuard::instance()->copySecret(sa::SecretBytes(token));
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(token));

        QVERIFY(::kill(::getpid(), SIGTERM) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(kubeSim), 2000);
        QVERIFY(!QFileInfo::exists(folder));
        QVERIFY(!app->window().isVisible());
        app.reset();
    }
};

QTEST_MAIN(TestEndings)
#include "tst_endings.moc"
