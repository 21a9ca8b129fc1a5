#include "QuitSignals.h"

#include <QSocketNotifier>

#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sa {

namespace {

constexpr std::array kSignals {SIGTERM, SIGINT, SIGHUP};

// Set before any handler is installed and cleared after all are gone: the handler only reads them.
int g_pipe[2] = {-1, -1};
std::array<struct sigaction, kSignals.size()> g_previous {};
std::array<bool, kSignals.size()> g_installed {};

// Async-signal-safe: write(2) on a non-blocking socket, errno kept for the code it interrupted. A full pipe loses
// the byte, which is fine: one is enough to quit.
void onSignal(int signal)
{
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
}

bool setFlags(int fd)
{
    // Close-on-exec: children (kube-sim) must not hold our pipe; non-blocking: the handler never waits.
    return ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) == 0;
}

} // namespace

QuitSignals::QuitSignals(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(g_pipe[0] < 0);
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    if (!setFlags(g_pipe[0]) || !setFlags(g_pipe[1])) {
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitSignals::onReadable);

    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        if (::sigaction(kSignals[i], nullptr, &g_previous[i]) != 0)
            continue;
        // Started with it ignored (nohup, a background job of a non-interactive shell): that was asked for.
        if (g_previous[i].sa_handler == SIG_IGN)
            continue;
        g_installed[i] = ::sigaction(kSignals[i], &action, nullptr) == 0;
    }
}

QuitSignals::~QuitSignals()
{
    if (!m_notifier)
        return;
    restorePrevious();
    delete m_notifier;
    m_notifier = nullptr;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void QuitSignals::restorePrevious()
{
    if (m_restored)
        return;
    m_restored = true;
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        if (g_installed[i])
            ::sigaction(kSignals[i], &g_previous[i], nullptr);
        g_installed[i] = false;
    }
}

void QuitSignals::onReadable()
{
    unsigned char byte = 0;
    int signal = 0;
    while (::read(g_pipe[0], &byte, 1) == 1) {
        if (signal == 0)
            signal = byte;
    }
    if (signal == 0)
        return;
    // A second signal now acts as if we had none: the way out of a quit that hangs.
    restorePrevious();
    Q_EMIT received(signal);
}

} // namespace sa
