// kube-sim: a local Kubernetes API server for SA Admin's demo mode, tests and benchmarks.

#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT quit the event loop, so that sockets close and files are released in order.
bool installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

void fail(const QString &message)
{
    std::fprintf(stderr, "kube-sim: %s\n", qUtf8Printable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"kube-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local Kubernetes API server (v1.32) that kubectl and SA Admin use as a real cluster.\n"
        "When ready it prints one line: kube-sim listening on https://HOST:PORT"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"Address and port to serve on; port 0 picks a free one."_s,
                                    u"HOST:PORT"_s, u"127.0.0.1:0"_s);
    const QCommandLineOption seed(
        u"seed"_s,
        u"Initial objects: demo (a small realistic cluster), empty (system namespaces only), or "
        "large:NAMESPACES:SERVICEACCOUNTS:SECRETS for benchmarks."_s,
        u"SEED"_s, u"demo"_s);
    const QCommandLineOption kubeconfig(
        u"write-kubeconfig"_s, u"Write an admin kubeconfig (context kube-sim, mode 0600) to PATH."_s, u"PATH"_s);
    const QCommandLineOption load(
        u"load"_s, u"Apply the objects of a YAML or JSON manifest at start; may be repeated."_s, u"FILE"_s);
    const QCommandLineOption history(u"watch-history"_s,
                                     u"How many changes watches can resume from before 410 Expired (default 10000)."_s,
                                     u"N"_s, u"10000"_s);
    const QCommandLineOption bookmarks(u"bookmark-interval"_s,
                                       u"Milliseconds between BOOKMARK events on watches that allow them (default "
                                       "10000)."_s,
                                       u"MS"_s, u"10000"_s);
    parser.addOptions({listen, seed, kubeconfig, load, history, bookmarks});
    parser.process(app);

    kubesim::SimulatorOptions options;
    const QString listenValue = parser.value(listen);
    const qsizetype colon = listenValue.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? listenValue.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? listenValue.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == "localhost"_L1)
        host = u"127.0.0.1"_s;
    if (!portOk || port > 65535 || !options.address.setAddress(host)) {
        fail(u"--listen wants HOST:PORT with a numeric address, e.g. 127.0.0.1:6443, not \""_s + listenValue + u'"');
        return 2;
    }
    options.port = quint16(port);
    options.seed = parser.value(seed);
    options.manifests = parser.values(load);
    bool numbersOk = false;
    options.watchHistory = parser.value(history).toInt(&numbersOk);
    if (!numbersOk || options.watchHistory < 1) {
        fail(u"--watch-history wants a positive number"_s);
        return 2;
    }
    options.bookmarkIntervalMs = parser.value(bookmarks).toInt(&numbersOk);
    if (!numbersOk || options.bookmarkIntervalMs < 1) {
        fail(u"--bookmark-interval wants a positive number of milliseconds"_s);
        return 2;
    }

    if (!installSignalHandlers(app)) {
        fail(u"cannot install signal handlers"_s);
        return 1;
    }
    kubesim::Simulator simulator;
    QString error;
    if (!simulator.start(options, &error)) {
        fail(error);
        return 1;
    }
    if (parser.isSet(kubeconfig) && !simulator.writeKubeconfig(parser.value(kubeconfig), &error)) {
        fail(error);
        return 1;
    }
    std::printf("kube-sim listening on %s\n", qUtf8Printable(simulator.url()));
    std::fflush(stdout);
    return app.exec();
}
