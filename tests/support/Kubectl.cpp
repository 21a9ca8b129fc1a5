#include "Kubectl.h"

#include "KubeSimProcess.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

CommandResult runCommand(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                         int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs))
        process.kill();
    process.waitForFinished();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Kubectl::Kubectl(const KubeSimProcess &sim)
    : m_sim(sim)
    , m_kubectl(executable())
{ }

QString Kubectl::executable()
{
    return QStandardPaths::findExecutable(u"kubectl"_s);
}

QProcessEnvironment Kubectl::environment(const QString &kubeconfig) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_sim.tempPath());
    env.insert(u"KUBECONFIG"_s, kubeconfig.isEmpty() ? m_sim.kubeconfigPath() : kubeconfig);
    return env;
}

CommandResult Kubectl::run(const QStringList &arguments, const QString &kubeconfig) const
{
    return runCommand(m_kubectl, arguments, environment(kubeconfig));
}

QString Kubectl::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_sim.tempPath() + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return {};
    return path;
}

QString Kubectl::tokenKubeconfig(const QString &name, const QByteArray &token) const
{
    QFile admin(m_sim.kubeconfigPath());
    if (!admin.open(QIODevice::ReadOnly))
        return {};
    QByteArray config;
    for (const QByteArray &line : admin.readAll().split('\n')) {
        if (line.contains("client-certificate-data"))
            config += "    token: "_ba + token + '\n';
        else if (!line.contains("client-key-data"))
            config += line + '\n';
    }
    return writeFile(name, config);
}
