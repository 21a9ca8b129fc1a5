#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real kube-sim process for end-to-end tests: started with its own kubeconfig in a temporary
// folder, stopped (SIGTERM) on destruction, and killed by the kernel if the test binary dies first.
class KubeSimProcess
{
public:
    explicit KubeSimProcess(const QStringList &extraArguments = {});
    ~KubeSimProcess();

    // Starts it and waits for its "listening" line; false with a message in error() otherwise.
    [[nodiscard]] bool start();
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] const QString &url() const { return m_url; }
    [[nodiscard]] QString kubeconfigPath() const;
    [[nodiscard]] QString tempPath() const { return m_dir.path(); }
    // TLS for talking to it as the admin (CA and client certificate from its kubeconfig).
    [[nodiscard]] QSslConfiguration adminTls() const;
    // TLS that trusts its CA but presents no client certificate.
    [[nodiscard]] QSslConfiguration anonymousTls() const;
    // Stops the process and returns its exit code (SIGTERM must give a clean exit 0).
    int stop();

private:
    QByteArray kubeconfigField(const QByteArray &key) const;

    QTemporaryDir m_dir;
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QString m_error;
};
