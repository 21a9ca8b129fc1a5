#include "ChildProcess.h"

#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace sa {

void endWithThisProcess(QProcess &process)
{
#ifdef Q_OS_LINUX
    // Why the kernel and not a pipe the child watches (stdin at EOF): it needs nothing from the child, so it also
    // ends a child that is busy, stopped or hung, and any program, not just one built to watch its stdin. SIGKILL,
    // not SIGTERM: the children started this way (kube-sim) keep nothing that needs saving, and a parent that died
    // without cleaning up is the case where a child must not get a chance to linger.
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] {
        // Between fork and exec: async-signal-safe calls only. The setting survives exec (kube-sim is not setuid).
        // If the parent died before prctl, the child was already re-parented and no signal will come: end now.
        if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)
            ::_exit(127);
    });
#else
    Q_UNUSED(process)
#endif
}

} // namespace sa
