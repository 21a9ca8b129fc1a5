#include "Application.h"

#include "ClipboardGuard.h"
#include "DemoFolders.h"
#include "MessageBar.h"
#include "util/ChildProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fcntl.h>
#include <limits>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// kube-sim ships beside sa-admin (installed) or in the build tree's app/sim.
QString kubeSimExecutable()
{
    const QDir dir(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {dir.filePath(u"kube-sim"_s), dir.filePath(u"sim/kube-sim"_s)}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QStandardPaths::findExecutable(u"kube-sim"_s);
}

// A run that was killed or crashed between creating the settings' lock file and writing its owner into it leaves it
// empty. QLockFile cannot tell whose it is then and waits for it to be 30 s old: every settings write of the next
// run would freeze the window (and a quit would hang) until then. QLockFile flock()s the file right after creating
// it and holds that lock until it unlocks; the kernel drops it when the holder dies. So an empty lock file that no
// one holds is a dead run's, whatever its age (a run restarted at once, as after a crash, meets it too young for any
// age rule). The only other case, a live writer in the instant between its open() and its flock(), cannot be told
// apart; it would at worst lose one settings write.
void removeEmptySettingsLock()
{
    const QByteArray path = QFile::encodeName(QSettings().fileName() + u".lock"_s);
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return;
    struct stat status = {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size == 0
        && ::flock(fd, LOCK_EX | LOCK_NB) == 0)
        ::unlink(path.constData()); // while holding it, as QLockFile removes a stale lock
    ::close(fd);
}

// exit() without our destructors (Qt's xcb plugin calls it when the X connection breaks, as at the end of an X
// session): the demo folder is still removed, by an atexit handler. Kept as bytes, not a QString, so that it
// outlives static destructors.
std::array<char, 4096> g_demoFolderAtExit {};

void removeDemoFolderAtExit()
{
    if (g_demoFolderAtExit[0] != 0)
        QDir(QFile::decodeName(g_demoFolderAtExit.data())).removeRecursively();
}

void setDemoFolderAtExit(const QString &path)
{
    static const bool registered = std::atexit(removeDemoFolderAtExit) == 0;
    const QByteArray encoded = QFile::encodeName(path);
    if (!registered || encoded.size() >= qsizetype(g_demoFolderAtExit.size())) {
        g_demoFolderAtExit[0] = 0;
        return;
    }
    std::copy(encoded.cbegin(), encoded.cend(), g_demoFolderAtExit.begin());
    g_demoFolderAtExit[std::size_t(encoded.size())] = 0;
}

} // namespace

Application::Application(Options options)
    : m_options(std::move(options))
{
    connect(&m_window, &MainWindow::contextRequested, this, &Application::connectTo);
    connect(&m_window, &MainWindow::demoRequested, this, &Application::startDemo);
    connect(&m_window, &MainWindow::refreshRequested, this, &Application::refresh);
}

Application::~Application()
{
    m_window.setSession(nullptr, {});
    m_session.reset();
    stopDemo();
}

void Application::start()
{
    removeEmptySettingsLock();
    m_window.show();
    if (m_options.demo)
        startDemo();
    else
        loadKubeconfig(m_options.kubeconfig);
}

void Application::loadKubeconfig(const QString &explicitPath)
{
    const KubeconfigLoadResult result = KubeconfigLoader::load(explicitPath);
    // A file kubectl would fail on is said, never taken for "no cluster": the user might otherwise replace a
    // kubeconfig that has one typo. Skipped files stay on show for as long as the window shows what is left.
    m_window.setConfigWarnings(result.warnings);
    if (!result.ok()) {
        m_window.showConfigProblem({result.error});
        return;
    }
    m_config = result.config;
    if (m_config->contexts.isEmpty()) {
        if (!result.warnings.isEmpty()) {
            m_window.showConfigProblem(result.warnings);
            return;
        }
        m_window.showWelcome(
            tr("<p>No cluster is configured. SA Admin reads the same kubeconfig as kubectl: the file named by "
               "<tt>--kubeconfig</tt>, else the files in <tt>KUBECONFIG</tt>, else <tt>~/.kube/config</tt>.</p>"
               "<p>Create one with your cluster's tooling (for example <tt>aws eks update-kubeconfig</tt>, "
               "<tt>gcloud container clusters get-credentials</tt> or <tt>kind create cluster</tt>), or look "
               "around in a demo cluster that runs on this computer.</p>"));
        return;
    }
    m_window.setContexts(m_config->contexts.keys(), m_config->currentContext);
    // kubectl's precedence: --context, else the kubeconfig's current-context. What an earlier run used does not
    // count: connecting to another cluster or as another identity than kubectl would is the worst mistake here.
    connectTo(m_options.context.isEmpty() ? m_config->currentContext : m_options.context);
}

void Application::refresh()
{
    if (m_session) {
        connectTo(m_session->client()->context().context.name);
    } else if (m_config && !m_failedContext.isEmpty()) {
        connectTo(m_failedContext);
    } else if (!m_options.demo) {
        // The kubeconfig could not be read (or named no cluster): read it again, the user may have fixed it.
        m_config.reset();
        loadKubeconfig(m_options.kubeconfig);
    }
}

void Application::connectTo(const QString &contextName)
{
    if (!m_config)
        return;
    QString error;
    const auto context = resolveContext(*m_config, contextName, m_options.ns, &error);
    std::unique_ptr<KubeClient> client = context ? KubeClient::create(*context, &error) : nullptr;
    if (client && m_options.requestTimeout) {
        // Go's http.Client has no deadline for a timeout of zero or less; QNetworkRequest neither for 0.
        const auto limit = std::clamp<std::chrono::milliseconds::rep>(m_options.requestTimeout->count(), 0,
                                                                      std::numeric_limits<int>::max());
        client->setTimeout(int(limit));
    }
    m_window.setSession(nullptr, context.value_or(ResolvedContext {}));
    m_session.reset();
    if (!client) {
        m_failedContext = contextName;
        m_window.showContextFailure(contextName, tr("Cannot use context \"%1\": %2").arg(contextName, error));
        return;
    }
    m_failedContext.clear();
    m_session = std::make_unique<ClusterSession>(std::move(client));
    m_window.setSession(m_session.get(), *context);
    if (!m_session->client()->tlsWarning().isEmpty())
        m_window.messageBar()->showMessage(m_session->client()->tlsWarning(), MessageBar::Level::Warning);
    m_session->start();
    // The namespace at start, as kubectl picks it: --namespace, else the context's; else what the user last chose
    // in this context, else all namespaces.
    QString ns = m_options.ns.isEmpty() ? context->context.ns : m_options.ns;
    if (ns.isEmpty())
        ns = m_window.rememberedNamespace(context->context.name);
    m_window.selectNamespace(ns);
}

void Application::startDemo()
{
    if (m_demo)
        return;
    const QString program = kubeSimExecutable();
    if (program.isEmpty()) {
        m_window.showWelcome(tr("<p>The demo cluster needs <tt>kube-sim</tt>, which was not found beside "
                                "sa-admin or on PATH.</p>"));
        return;
    }
    // What killed or crashed runs left: their kube-sim died with them (below), their folders are ours to remove.
    demofolders::removeStale();
    auto dir = std::make_unique<QTemporaryDir>(demofolders::folderTemplate());
    // mkdtemp made it 0700; said again because the admin key goes in it.
    if (!dir->isValid()
        || !QFile::setPermissions(dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_window.showWelcome(tr("<p>The demo cluster needs a private folder in %1: %2</p>")
                                 .arg(demofolders::parentFolder().toHtmlEscaped(), dir->errorString().toHtmlEscaped()));
        return;
    }
    m_options.demo = true;
    m_demoDir = std::move(dir);
    setDemoFolderAtExit(m_demoDir->path());
    const QString kubeconfig = m_demoDir->filePath(u"kubeconfig"_s);
    m_demo = new QProcess(this);
    // kube-sim must not outlive us even when we are killed or crash, when no code of ours runs to stop it.
    endWithThisProcess(*m_demo);
    m_demo->setProcessChannelMode(QProcess::SeparateChannels);
    auto output = std::make_shared<QByteArray>();
    connect(m_demo, &QProcess::readyReadStandardOutput, this, [this, output, kubeconfig] {
        *output += m_demo->readAllStandardOutput();
        if (!output->contains('\n') || m_config)
            return;
        static const QRegularExpression ready(u"^kube-sim listening on https://"_s);
        if (ready.match(QString::fromUtf8(*output)).hasMatch())
            loadKubeconfig(kubeconfig);
    });
    connect(m_demo, &QProcess::finished, this, [this](int code) {
        const QString stderrText = QString::fromUtf8(m_demo->readAllStandardError()).trimmed();
        m_window.showError(tr("The demo cluster stopped (exit code %1). %2").arg(code).arg(stderrText));
    });
    connect(m_demo, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            m_window.showWelcome(tr("<p>The demo cluster could not start: %1</p>").arg(m_demo->errorString()));
    });
    m_demo->start(program,
                  {u"--seed"_s, u"demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--write-kubeconfig"_s, kubeconfig});
}

void Application::stopDemo()
{
    if (m_demo) {
        m_demo->disconnect(this);
        m_demo->terminate();
        // At exit only: give it a moment to close its sockets, then make sure it is gone.
        if (!m_demo->waitForFinished(1500)) {
            m_demo->kill();
            m_demo->waitForFinished(500);
        }
        delete m_demo;
    }
    // The folder goes with the cluster: its kubeconfig holds the demo admin's client key.
    m_demoDir.reset();
    setDemoFolderAtExit({});
}

void Application::quit()
{
    // Each step on its own, before the event loop ends: the clipboard first (a copied token must not reach a
    // clipboard manager's history when we exit), then the window (it saves its settings as it closes), then
    // the demo cluster and its folder.
    ClipboardGuard::instance()->clearNow();
    m_window.close();
    stopDemo();
    QCoreApplication::quit();
}

} // namespace sa
