// SA Admin: administer Kubernetes service accounts.

#include "Application.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"sa-admin"_s);
    QApplication::setOrganizationName(u"sa-admin"_s);
    QApplication::setApplicationDisplayName(u"SA Admin"_s);
    QApplication::setApplicationVersion(QStringLiteral(SA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Administer Kubernetes service accounts, tokens and pull secrets."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kubeconfig(u"kubeconfig"_s, u"Path to the kubeconfig file to use."_s, u"PATH"_s);
    const QCommandLineOption context(u"context"_s, u"The kubeconfig context to use."_s, u"NAME"_s);
    const QCommandLineOption ns({u"n"_s, u"namespace"_s}, u"The namespace to use."_s, u"NAME"_s);
    const QCommandLineOption demo(u"demo"_s, u"Run against a demo cluster (kube-sim) on this computer."_s);
    parser.addOptions({kubeconfig, context, ns, demo});
    parser.process(app);

    sa::Application application(
        {parser.value(kubeconfig), parser.value(context), parser.value(ns), parser.isSet(demo)});
    application.start();
    return QApplication::exec();
}
