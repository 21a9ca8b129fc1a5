#include "auth/PluginSearch.h"

#include "util/ChildProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// A profile that prints without end is not buffered whole: the PATH line comes last, so the tail is kept.
constexpr qsizetype kMaxOutput = 1024 * 1024;
constexpr qsizetype kKeptOutput = 64 * 1024;

QPointer<PluginSearch> g_instance;

QString describeEntries(const QStringList &entries)
{
    return entries.isEmpty() ? PluginSearch::tr("(none)") : entries.join(u':');
}

// The entries of a PATH-like list that can be searched: absolute ones, each once.
QStringList absoluteEntries(const QStringList &entries)
{
    QStringList kept;
    for (const QString &entry : entries) {
        if (!entry.isEmpty() && QDir::isAbsolutePath(entry) && !kept.contains(entry))
            kept.append(entry);
    }
    return kept;
}

QString executableIn(const QString &directory, const QString &command)
{
    const QFileInfo candidate(directory + u'/' + command);
    return candidate.isFile() && candidate.isExecutable() ? candidate.filePath() : QString();
}

} // namespace

PluginSearch *PluginSearch::instance()
{
    if (!g_instance)
        g_instance = new PluginSearch(QCoreApplication::instance());
    return g_instance;
}

PluginSearch::PluginSearch(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        stopLoginShell();
        finishLoginShell(tr("it did not answer within %1 s and was stopped")
                             .arg(QLocale().toString(double(m_timeout.count()) / 1000)));
    });
}

PluginSearch::~PluginSearch()
{
    stopLoginShell();
}

QString PluginSearch::loginShell()
{
    if (const QString shell = qEnvironmentVariable("SHELL"); QDir::isAbsolutePath(shell))
        return shell;
#ifdef Q_OS_UNIX
    if (const struct passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_shell && *entry->pw_shell)
        return QFile::decodeName(entry->pw_shell);
#endif
    return u"/bin/sh"_s;
}

void PluginSearch::prepare(QObject *context, std::function<void()> ready)
{
    if (!m_useLoginShell || m_state == State::Done) {
        QMetaObject::invokeMethod(
            this,
            [guard = QPointer<QObject>(context), ready = std::move(ready)] {
                if (guard)
                    ready();
            },
            Qt::QueuedConnection);
        return;
    }
    m_waiters.append({context, std::move(ready)});
    if (m_state == State::NotAsked)
        startLoginShell();
}

void PluginSearch::startLoginShell()
{
    m_state = State::Running;
    m_shell = loginShell();
    m_output.clear();
    // Unique to this run, so that nothing a profile prints can look like the answer.
    m_marker = "SA_ADMIN_PATH_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    // The PATH is printed by /bin/sh from its environment, not by the login shell itself: shells differ in how a
    // variable is written and quoted (fish's PATH is a list), while `-c` runs a plain command line alike in bash, zsh,
    // dash and fish. (csh and tcsh take -l only as their sole option: they fail, and the search goes on without them.)
    const QString command =
        u"/bin/sh -c 'printf \"\\n%s\\n%s\\n%s\\n\" \"$1\" \"$PATH\" \"$2\"' sh %1_BEGIN %1_END"_s.arg(
            QString::fromLatin1(m_marker));
    m_process = new QProcess(this);
    m_process->setProgram(m_shell);
    m_process->setArguments({u"-l"_s, u"-c"_s, command});
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    // A group of its own, so that the timeout also ends what a profile started; and it ends if we do.
    endWithThisProcessInOwnGroup(*m_process);
    QProcess *process = m_process;
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        m_output += process->readAllStandardOutput();
        if (m_output.size() > kMaxOutput)
            m_output = m_output.right(kKeptOutput);
    });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        m_output += process->readAllStandardOutput();
        const QByteArray begin = m_marker + "_BEGIN\n";
        const QByteArray end = '\n' + m_marker + "_END";
        const qsizetype from = m_output.indexOf(begin);
        const qsizetype to = from < 0 ? -1 : m_output.indexOf(end, from + begin.size());
        QString failure;
        if (from >= 0 && to >= 0) {
            const QString path = QFile::decodeName(m_output.mid(from + begin.size(), to - from - begin.size()));
            m_loginPath = absoluteEntries(path.split(u':'));
        } else if (status != QProcess::NormalExit) {
            failure = tr("it ended without printing its PATH (killed by a signal)");
        } else {
            failure = tr("it ended without printing its PATH (exit code %1)").arg(exitCode);
        }
        m_timer->stop();
        m_process = nullptr;
        process->disconnect(this);
        process->deleteLater();
        finishLoginShell(failure);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // finished() follows the others
        const QString failure = tr("it could not be started: %1").arg(process->errorString());
        m_timer->stop();
        m_process = nullptr;
        process->disconnect(this);
        process->deleteLater();
        // Not from within QProcess::start(), which is still on the stack.
        QMetaObject::invokeMethod(
            this, [this, failure] { finishLoginShell(failure); }, Qt::QueuedConnection);
    });
    m_timer->start(m_timeout);
    process->start();
}

void PluginSearch::stopLoginShell()
{
    m_timer->stop();
    QProcess *process = std::exchange(m_process, nullptr);
    if (!process)
        return;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // The shell and whatever its profile started in its group: a hung `ssh-add`, a slow network mount.
    killGroup(*process);
    // Reaped once it has died; without waiting for it here, nor keeping this object for it.
    process->setParent(nullptr);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
}

void PluginSearch::finishLoginShell(const QString &failure)
{
    m_state = State::Done;
    m_loginFailure = failure;
    if (!failure.isEmpty())
        m_loginPath.clear();
    Q_EMIT loginShellRead();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.ready();
    }
}

void PluginSearch::forgetLoginShell()
{
    stopLoginShell();
    m_state = State::NotAsked;
    m_loginPath.clear();
    m_loginFailure.clear();
    m_waiters.clear();
}

PluginSearch::Result PluginSearch::find(const QString &command) const
{
    Result result;
    // exec.LookPath as Go 1.19 and later have it (client-go runs plugins through exec.Command): the PATH entries in
    // order, and an executable found through a relative entry ("." or an empty one) refused rather than run from
    // whatever the current directory is.
    const QStringList path = QString::fromLocal8Bit(qgetenv("PATH")).split(u':');
    for (const QString &entry : path) {
        const QString directory = entry.isEmpty() ? u"."_s : entry;
        const QString program = executableIn(directory, command);
        if (program.isEmpty())
            continue;
        if (QDir::isRelativePath(directory)) {
            result.error =
                u"exec: exec: \"%1\": cannot run executable found relative to current directory"_s.arg(command);
            return result;
        }
        result.program = program;
        return result;
    }
    result.searched.append(tr("PATH: %1").arg(describeEntries(path)));

    // Then what the login shell's PATH adds, and the user's folders: absolute entries only, each once.
    QStringList searchedAlready = absoluteEntries(path);
    const auto search = [&](const QStringList &directories) {
        QStringList added;
        for (const QString &directory : absoluteEntries(directories)) {
            if (searchedAlready.contains(directory))
                continue;
            searchedAlready.append(directory);
            added.append(directory);
            if (result.program.isEmpty())
                result.program = executableIn(directory, command);
        }
        return added;
    };
    if (!m_useLoginShell) {
        result.searched.append(tr("the login shell's PATH: not used (turned off in the preferences)"));
    } else if (m_state != State::Done) {
        // The order holds: the user's folders come after it, so they wait for it too (prepare()).
        result.searched.append(tr("the login shell's PATH: not read yet"));
        return result;
    } else if (!m_loginFailure.isEmpty()) {
        result.searched.append(tr("the login shell's PATH: not read from %1 -l: %2").arg(m_shell, m_loginFailure));
    } else {
        const QStringList added = search(m_loginPath);
        result.searched.append(
            tr("the login shell's PATH (%1 -l), beyond the above: %2").arg(m_shell, describeEntries(added)));
    }
    if (!result.program.isEmpty())
        return result;
    const QStringList added = search(m_extraDirectories);
    result.searched.append(tr("the plugin folders of the preferences: %1").arg(describeEntries(added)));
    return result;
}

} // namespace sa
