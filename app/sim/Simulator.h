#pragma once

#include "Pki.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace kubesim {

class ApiServer;
class Controllers;
class HttpServer;
class Registry;
class Store;

struct SimulatorOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port
    QString seed = QStringLiteral("demo");
    QStringList manifests; // applied in order after the seed
    int watchHistory = 10000;
    int bookmarkIntervalMs = 10000;
};

// A whole kube-sim: certificates, store, controllers and the HTTPS API, listening once start() returns true.
class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(QObject *parent = nullptr);
    ~Simulator() override;

    [[nodiscard]] bool start(const SimulatorOptions &options, QString *error);
    [[nodiscard]] QString url() const;
    // A kubeconfig for the admin user: context "kube-sim", CA and client certificate inline.
    [[nodiscard]] QByteArray kubeconfig() const;
    // Writes kubeconfig() with mode 0600.
    [[nodiscard]] bool writeKubeconfig(const QString &path, QString *error) const;
    [[nodiscard]] Store &store();

private:
    std::optional<Pki> m_pki;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<Controllers> m_controllers;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace kubesim
