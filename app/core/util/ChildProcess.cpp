#include "ChildProcess.h"

#include <QProcess>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace sa {

namespace {

void setModifier(QProcess &process, bool ownGroup)
{
#ifdef Q_OS_UNIX
    // Why the kernel and not a pipe the child watches (stdin at EOF): it needs nothing from the child, so it also
    // ends a child that is busy, stopped or hung, and any program, not just one built to watch its stdin. SIGKILL,
    // not SIGTERM: the children started this way (kube-sim, credential plugins, a login shell) keep nothing that
    // needs saving, and a parent that died without cleaning up is the case where a child must not get a chance to
    // linger.
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent, ownGroup] {
        // Between fork and exec: async-signal-safe calls only. The setting survives exec (none of them is setuid).
        if (ownGroup)
            ::setpgid(0, 0);
#ifdef Q_OS_LINUX
        // If the parent died before prctl, the child was already re-parented and no signal will come: end now.
        if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)
            ::_exit(127);
#else
        Q_UNUSED(parent)
#endif
    });
#else
    Q_UNUSED(process)
    Q_UNUSED(ownGroup)
#endif
}

} // namespace

void endWithThisProcess(QProcess &process)
{
    setModifier(process, false);
}

void endWithThisProcessInOwnGroup(QProcess &process)
{
    setModifier(process, true);
}

void killGroup(QProcess &process)
{
#ifdef Q_OS_UNIX
    if (const qint64 pid = process.processId(); pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
#endif
    process.kill();
}

} // namespace sa
