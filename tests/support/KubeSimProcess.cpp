#include "KubeSimProcess.h"

#include "util/ChildProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

KubeSimProcess::KubeSimProcess(const QStringList &extraArguments)
    : m_arguments(extraArguments)
{ }

KubeSimProcess::~KubeSimProcess()
{
    stop();
}

QString KubeSimProcess::kubeconfigPath() const
{
    return m_dir.filePath(u"kubeconfig"_s);
}

bool KubeSimProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(SA_KUBE_SIM));
    m_process->setArguments(QStringList {u"--listen"_s, u"127.0.0.1:0"_s, u"--write-kubeconfig"_s, kubeconfigPath()}
                            + m_arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // A test binary that crashes or is killed on timeout must not leave its kube-sim running.
    sa::endWithThisProcess(*m_process);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = u"kube-sim did not start: "_s + m_process->errorString();
        return false;
    }
    QByteArray output;
    const QDeadlineTimer deadline(60000);
    while (!output.contains('\n') && !deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        output += m_process->readAllStandardOutput();
    }
    static const QRegularExpression ready(u"^kube-sim listening on (https://127\\.0\\.0\\.1:\\d+)\n"_s);
    const auto match = ready.match(QString::fromUtf8(output));
    if (!match.hasMatch()) {
        m_error = u"kube-sim did not report that it listens; stdout: "_s + QString::fromUtf8(output) + u" stderr: "_s
            + QString::fromUtf8(m_process->readAllStandardError());
        return false;
    }
    m_url = match.captured(1);
    return true;
}

int KubeSimProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished();
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QByteArray KubeSimProcess::kubeconfigField(const QByteArray &key) const
{
    QFile file(kubeconfigPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith(QByteArray(key + ':')))
            return QByteArray::fromBase64(trimmed.mid(key.size() + 1).trimmed());
    }
    return {};
}

QSslConfiguration KubeSimProcess::anonymousTls() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({QSslCertificate(kubeconfigField("certificate-authority-data"), QSsl::Pem)});
    return tls;
}

QSslConfiguration KubeSimProcess::adminTls() const
{
    QSslConfiguration tls = anonymousTls();
    tls.setLocalCertificate(QSslCertificate(kubeconfigField("client-certificate-data"), QSsl::Pem));
    tls.setPrivateKey(QSslKey(kubeconfigField("client-key-data"), QSsl::Ec, QSsl::Pem));
    return tls;
}
