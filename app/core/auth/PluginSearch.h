#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

class QProcess;
class QTimer;

namespace sa {

// Where an exec credential plugin named without a path (kubeconfig `users[].user.exec.command` such as `aws`,
// `gke-gcloud-auth-plugin`, `kubelogin`) is looked for: the process' PATH as kubectl looks, then the PATH of the
// user's login shell, then folders the user names. Started from a desktop menu, the process' PATH is the session's,
// shorter than a login shell's (no ~/.local/bin, ~/google-cloud-sdk/bin, what ~/.profile adds), so plugins a
// terminal finds would not be found.
//
// The login shell ($SHELL, else the passwd entry, else /bin/sh) is run once per run, and only when a plugin is not on
// the process' PATH: `SHELL -l -c CMD`, non-interactive, standard input at end of file, where CMD prints PATH between
// two markers unique to the run (so that what a profile prints is ignored). It runs in a process group of its own
// and asynchronously: after `loginShellTimeout` (3 s) the whole group is killed and the search goes on without it.
// Its answer, or failure, is kept for the rest of the run. One instance for the process, used on the GUI thread.
class PluginSearch : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultLoginShellTimeout {3000};

    // The process' instance, a child of the QCoreApplication.
    [[nodiscard]] static PluginSearch *instance();

    // "Use my login shell's PATH" (on unless said otherwise) and the folders searched last (absolute paths).
    void setUseLoginShell(bool use) { m_useLoginShell = use; }
    [[nodiscard]] bool usesLoginShell() const { return m_useLoginShell; }
    void setExtraDirectories(const QStringList &directories) { m_extraDirectories = directories; }
    [[nodiscard]] QStringList extraDirectories() const { return m_extraDirectories; }
    void setLoginShellTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // The user's login shell: $SHELL, else the passwd entry's, else /bin/sh.
    [[nodiscard]] static QString loginShell();

    // Calls `ready` from the event loop once what the search needs is known: at once when the login shell is not to
    // be used or has answered (or failed) already, else after it has (at the latest after the timeout). Never after
    // `context` is gone.
    void prepare(QObject *context, std::function<void()> ready);

    struct Result
    {
        QString program; // the plugin's path; empty when not found or refused
        QString error; // Go's exec.ErrDot text when PATH finds it only through a relative entry
        // Where it looked, one line each, for the "not found" message.
        QStringList searched;
    };
    // Looks for `command` (no '/' in it) now: the process' PATH, then (once prepare() has called back) the login
    // shell's PATH when it is to be used, then the extra folders. An executable found through a relative entry of the
    // process' PATH is refused as Go does (exec.ErrDot); relative entries elsewhere are skipped.
    [[nodiscard]] Result find(const QString &command) const;

    // The login shell's PATH entries, once read; empty before, or when it could not be read (loginShellFailure()).
    [[nodiscard]] QStringList loginShellPath() const { return m_loginPath; }
    [[nodiscard]] QString loginShellFailure() const { return m_loginFailure; }
    [[nodiscard]] bool loginShellAnswered() const { return m_state == State::Done; }
    // For tests: forgets the login shell's answer (and stops one still running), as at a new start.
    void forgetLoginShell();

Q_SIGNALS:
    void loginShellRead();

private:
    explicit PluginSearch(QObject *parent);
    ~PluginSearch() override;

    enum class State { NotAsked, Running, Done };

    void startLoginShell();
    void finishLoginShell(const QString &failure);
    void stopLoginShell();

    bool m_useLoginShell = true;
    QStringList m_extraDirectories;
    std::chrono::milliseconds m_timeout = kDefaultLoginShellTimeout;

    State m_state = State::NotAsked;
    QString m_shell;
    QStringList m_loginPath;
    QString m_loginFailure;
    QByteArray m_marker;
    QByteArray m_output;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> ready;
    };
    QList<Waiter> m_waiters;
};

} // namespace sa
