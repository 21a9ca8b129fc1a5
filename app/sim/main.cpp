// kube-sim: a local Kubernetes API server for SA Admin's demo mode, tests and benchmarks.

#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
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

// A Go-style duration of hours, minutes and seconds ("1h30m", "90s"); a bare number is seconds. 0 when invalid.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression form(u"^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$"_s);
    const QRegularExpressionMatch match = form.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return 0;
    return match.captured(1).toLongLong() * 3600 + match.captured(2).toLongLong() * 60 + match.captured(3).toLongLong();
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
        "large:NAMESPACES:SERVICEACCOUNTS:SECRETS[:PODS] for benchmarks."_s,
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
    const QCommandLineOption staticToken(
        u"static-token"_s, u"Accept a bearer token for a user: TOKEN,USER[,GROUP...]; may be repeated."_s, u"SPEC"_s);
    const QCommandLineOption maxExpiration(
        u"service-account-max-token-expiration"_s,
        u"Shorten TokenRequests longer than this (e.g. 24h, 90m, 3600s), with a warning as the apiserver does."_s,
        u"DURATION"_s);
    const QCommandLineOption faults(u"faults"_s,
                                    u"Inject faults from the start: JSON, or @FILE holding it (see "
                                    "/kube-sim/v1/faults; e.g. {\"latencyMs\":200})."_s,
                                    u"JSON"_s);
    const QCommandLineOption trackingSince(
        u"legacy-token-tracking-since"_s,
        u"The date legacy token tracking began (YYYY-MM-DD; default today, with the demo seed 800 days ago), "
        "written to the ConfigMap "
        "kube-system/kube-apiserver-legacy-service-account-token-tracking unless it exists."_s,
        u"DATE"_s);
    const QCommandLineOption cleanUpPeriod(
        u"legacy-service-account-token-clean-up-period"_s,
        u"How long an auto-generated legacy token may go unused before it is invalidated, and invalidated before "
        "it is deleted (default 8760h)."_s,
        u"DURATION"_s, u"8760h"_s);
    const QCommandLineOption cleanerInterval(u"legacy-token-cleaner-interval"_s,
                                             u"How often the legacy token cleaner runs (default 24h)."_s, u"DURATION"_s,
                                             u"24h"_s);
    const QCommandLineOption idleTimeout(
        u"idle-timeout"_s, u"Close a connection without a request in progress after this long (default 90s)."_s,
        u"DURATION"_s, u"90s"_s);
    const QCommandLineOption handshakeTimeout(u"tls-handshake-timeout"_s,
                                              u"Close a connection whose TLS handshake takes longer (default 10s)."_s,
                                              u"DURATION"_s, u"10s"_s);
    const QCommandLineOption maxConnections(
        u"max-connections"_s, u"How many connections may be open at once; more are closed (default 1000)."_s, u"N"_s,
        u"1000"_s);
    const QCommandLineOption pki(u"pki"_s,
                                 u"Keep the certificates in DIR: read them if it holds them, else make them and write "
                                 "them there, so that a restart keeps its clients' trust (default: new ones each "
                                 "start)."_s,
                                 u"DIR"_s);
    parser.addOptions({listen, seed, kubeconfig, load, history, bookmarks, staticToken, maxExpiration, faults,
                       trackingSince, cleanUpPeriod, cleanerInterval, idleTimeout, handshakeTimeout, maxConnections,
                       pki});
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
    options.pkiDir = parser.value(pki);
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

    for (const QString &spec : parser.values(staticToken)) {
        const QStringList parts = spec.split(u',');
        if (parts.size() < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            fail(u"--static-token wants TOKEN,USER[,GROUP...]"_s);
            return 2;
        }
        kubesim::UserInfo user {parts[1], QString(), parts.mid(2), {}};
        user.groups.append(u"system:authenticated"_s);
        options.staticTokens.append({parts[0].toUtf8(), user});
    }
    if (parser.isSet(maxExpiration)) {
        options.maxTokenExpirationSeconds = parseDuration(parser.value(maxExpiration));
        if (options.maxTokenExpirationSeconds <= 0) {
            fail(u"--service-account-max-token-expiration wants a duration such as 24h, 90m or 3600s"_s);
            return 2;
        }
    }

    if (parser.isSet(trackingSince)) {
        options.legacyTokenTrackingSince = QDate::fromString(parser.value(trackingSince), u"yyyy-MM-dd"_s);
        if (!options.legacyTokenTrackingSince.isValid()) {
            fail(u"--legacy-token-tracking-since wants a date such as 2024-05-01"_s);
            return 2;
        }
    }
    options.legacyTokenCleanUpPeriodSeconds = parseDuration(parser.value(cleanUpPeriod));
    if (options.legacyTokenCleanUpPeriodSeconds <= 0) {
        fail(u"--legacy-service-account-token-clean-up-period wants a duration such as 8760h, 90m or 3600s"_s);
        return 2;
    }
    options.legacyTokenCleanerIntervalSeconds = parseDuration(parser.value(cleanerInterval));
    if (options.legacyTokenCleanerIntervalSeconds <= 0) {
        fail(u"--legacy-token-cleaner-interval wants a duration such as 24h, 90m or 1s"_s);
        return 2;
    }

    const qint64 idleSeconds = parseDuration(parser.value(idleTimeout));
    const qint64 handshakeSeconds = parseDuration(parser.value(handshakeTimeout));
    if (idleSeconds <= 0 || handshakeSeconds <= 0) {
        fail(u"--idle-timeout and --tls-handshake-timeout want a duration such as 90s, 5m or 1s"_s);
        return 2;
    }
    options.connectionLimits.idleTimeout = std::chrono::seconds(idleSeconds);
    options.connectionLimits.handshakeTimeout = std::chrono::seconds(handshakeSeconds);
    options.connectionLimits.maxConnections = parser.value(maxConnections).toInt(&numbersOk);
    if (!numbersOk || options.connectionLimits.maxConnections < 1) {
        fail(u"--max-connections wants a positive number"_s);
        return 2;
    }

    if (parser.isSet(faults)) {
        QByteArray text = parser.value(faults).toUtf8();
        if (text.startsWith('@')) {
            QFile file(QString::fromUtf8(text.mid(1)));
            if (!file.open(QIODevice::ReadOnly)) {
                fail(u"--faults: "_s + file.fileName() + u": "_s + file.errorString());
                return 2;
            }
            text = file.readAll();
        }
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        if (!doc.isObject()) {
            fail(u"--faults wants a JSON object"_s);
            return 2;
        }
        options.faults = doc.object();
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
