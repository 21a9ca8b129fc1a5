#pragma once

#include "ClusterSession.h"
#include "MainWindow.h"
#include "config/Kubeconfig.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>

class QProcess;

namespace sa {

// The composition root: reads the kubeconfig (or starts the demo cluster), builds the client and session
// for the chosen context, and gives them to the window. Everything is asynchronous: nothing here waits.
class Application : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString kubeconfig;
        QString context;
        QString ns;
        bool demo = false;
        // kubectl's --request-timeout: how long one request may take (watches excepted); 0 or less: no limit.
        // Unset: KubeClient's default (30 s).
        std::optional<std::chrono::milliseconds> requestTimeout;
    };

    explicit Application(Options options);
    ~Application() override;

    void start();
    // Quits as the user's Quit does, whatever asked (QuitSignals: SIGTERM, SIGINT, SIGHUP): clears a secret we
    // copied, closes the window (saving its settings), stops the demo cluster and removes its folder, then ends
    // the event loop.
    void quit();
    [[nodiscard]] MainWindow &window() { return m_window; }
    [[nodiscard]] ClusterSession *session() const { return m_session.get(); }

private:
    void loadKubeconfig(const QString &explicitPath);
    void connectTo(const QString &contextName);
    // F5: the same context again, or the kubeconfig read again when it could not be used.
    void refresh();
    void startDemo();
    void stopDemo();

    Options m_options;
    MainWindow m_window;
    std::optional<Kubeconfig> m_config;
    std::unique_ptr<ClusterSession> m_session;
    QString m_failedContext; // the context that could not be used, to retry on refresh
    QPointer<QProcess> m_demo;
    std::unique_ptr<QTemporaryDir> m_demoDir;
};

} // namespace sa
