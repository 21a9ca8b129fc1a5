#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class KubeSimProcess;

struct CommandResult
{
    int exitCode = -1; // -1 when it crashed or timed out
    QString out;
    QString err;
};

// Runs a program to completion with stdin from /dev/null (kubectl would otherwise prompt for credentials).
[[nodiscard]] CommandResult runCommand(const QString &program, const QStringList &arguments,
                                       const QProcessEnvironment &environment, int timeoutMs = 60000);

// The real kubectl against a KubeSimProcess: its kubeconfig, and a HOME of its own so that
// kubectl's discovery cache never leaks between runs.
class Kubectl
{
public:
    explicit Kubectl(const KubeSimProcess &sim);

    // The kubectl on PATH, or empty.
    [[nodiscard]] static QString executable();
    [[nodiscard]] QProcessEnvironment environment(const QString &kubeconfig = {}) const;
    [[nodiscard]] CommandResult run(const QStringList &arguments, const QString &kubeconfig = {}) const;
    // Writes a file in the simulator's temporary folder and returns its path (empty on failure).
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &content) const;
    // A kubeconfig for the same cluster whose user is only this bearer token.
    [[nodiscard]] QString tokenKubeconfig(const QString &name, const QByteArray &token) const;

private:
    const KubeSimProcess &m_sim;
    QString m_kubectl;
};
