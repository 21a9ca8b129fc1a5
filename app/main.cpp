// SA Admin: administer Kubernetes service accounts.

#include "Application.h"
#include "DesktopIdentity.h"
#include "QuitSignals.h"
#include "Translations.h"
#include "util/Duration.h"

#include <QApplication>
#include <QCommandLineParser>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

// --help, -h, --version or -v among the arguments (QCommandLineParser's own, but for -? which it has on Windows only):
// what may be answered without a display.
bool asksForText(int argc, char *argv[])
{
    constexpr std::array<std::string_view, 4> kTextOptions {"--help", "-h", "--version", "-v"};
    return std::any_of(argv + 1, argv + argc, [&](const char *argument) {
        return std::ranges::find(kTextOptions, argument) != kTextOptions.end();
    });
}

// The command line, in the language of the translators installed: made once they are.
struct CommandLine
{
    QCommandLineOption kubeconfig {
        u"kubeconfig"_s, QCoreApplication::translate("sa::CommandLine", "Path to the kubeconfig file to use."),
        u"PATH"_s};
    QCommandLineOption context {
        u"context"_s, QCoreApplication::translate("sa::CommandLine", "The kubeconfig context to use."), u"NAME"_s};
    QCommandLineOption ns {
        {u"n"_s, u"namespace"_s}, QCoreApplication::translate("sa::CommandLine", "The namespace to use."), u"NAME"_s};
    QCommandLineOption demo {
        u"demo"_s,
        QCoreApplication::translate("sa::CommandLine", "Run against a demo cluster (kube-sim) on this computer.")};
    QCommandLineOption requestTimeout {
        u"request-timeout"_s,
        QCoreApplication::translate(
            "sa::CommandLine",
            "The length of time to wait before giving up on a single server request. Non-zero values should "
            "contain a corresponding time unit (e.g. 1s, 2m, 3h); a bare integer is seconds. A value of zero "
            "means don't timeout requests. Default: 30s."),
        u"DURATION"_s};
    QCommandLineParser parser;

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "sa::CommandLine", "Administer Kubernetes service accounts, tokens and pull secrets."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({kubeconfig, context, ns, demo, requestTimeout});
    }
};

} // namespace

int main(int argc, char *argv[])
{
    // Before any application object: a QCoreApplication below and the QApplication after it both use them.
    QCoreApplication::setApplicationName(u"sa-admin"_s);
    QCoreApplication::setOrganizationName(u"sa-admin"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SA_VERSION));

    // --help and --version print their text and exit before the QApplication exists, which needs a display (a
    // terminal over ssh, a package check, man-page tools have none): a QCoreApplication answers them with the same
    // parser, so the same text. Only when the arguments parse: a mistake, or an option of QApplication's own
    // (-platform, -style) that only it removes, is left to the QApplication's parse below, as before. --help-all
    // lists QApplication's options too, so it waits for that one.
    if (asksForText(argc, argv)) {
        const QCoreApplication textOnly(argc, argv);
        sa::installTranslators(); // the help in the system's language, as below
        CommandLine line;
        if (line.parser.parse(QCoreApplication::arguments())) {
            if (line.parser.isSet(u"version"_s))
                line.parser.showVersion();
            if (line.parser.isSet(u"help"_s))
                line.parser.showHelp();
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(u"SA Admin"_s);
    // The system locale's language, before any word is shown.
    sa::installTranslators();
    sa::setDesktopIdentity();
    CommandLine line;
    line.parser.process(app);
    const QCommandLineParser &parser = line.parser;

    sa::Application::Options options;
    options.kubeconfig = parser.value(line.kubeconfig);
    options.context = parser.value(line.context);
    options.ns = parser.value(line.ns);
    options.demo = parser.isSet(line.demo);
    // As kubectl: an empty value is no value; one it cannot read stops here, with its sentence, as the parser's
    // own errors do (on stderr, exit code 1, before any window).
    if (const QString value = parser.value(line.requestTimeout); !value.isEmpty()) {
        QString error;
        const auto timeout = sa::parseRequestTimeout(value, &error);
        if (!timeout) {
            std::fprintf(stderr, "%s: %s\n", qUtf8Printable(QCoreApplication::applicationName()),
                         qUtf8Printable(error));
            return EXIT_FAILURE;
        }
        // Rounded up, so that 1ns stays a limit rather than none; a negative one is none, as for Go's http.Client.
        options.requestTimeout =
            std::chrono::ceil<std::chrono::milliseconds>(std::max(*timeout, std::chrono::nanoseconds(0)));
    }
    // Before the demo cluster starts: a logout (SIGTERM), Ctrl+C or a closed terminal during start-up is a quit too.
    sa::QuitSignals quitSignals;
    if (!quitSignals.isActive())
        std::fprintf(stderr, "%s: cannot handle SIGTERM, SIGINT and SIGHUP; they will end it without cleaning up\n",
                     qUtf8Printable(QCoreApplication::applicationName()));
    sa::Application application(std::move(options));
    QObject::connect(&quitSignals, &sa::QuitSignals::received, &application, &sa::Application::quit);
    application.start();
    return QApplication::exec();
}
