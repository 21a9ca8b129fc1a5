#pragma once

#include "Auth.h"
#include "HttpServer.h"
#include "Pki.h"

#include <QDate>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QTimer;

namespace kubesim {

class ApiServer;
class Authenticator;
class Authorizer;
class Controllers;
class LegacyTokenCleaner;
class FaultInjector;
class HttpServer;
class Registry;
class Store;
struct ResourceType;

struct SimulatorOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port
    QString seed = QStringLiteral("demo");
    QStringList manifests; // applied in order after the seed
    int watchHistory = 10000;
    int bookmarkIntervalMs = 10000;
    QList<StaticToken> staticTokens;
    qint64 maxTokenExpirationSeconds = 0; // 0: TokenRequests are not shortened
    QJsonObject faults; // see FaultInjector
    // Legacy token tracking and clean-up (see LegacyTokenCleaner): the tracking ConfigMap's date (invalid: today),
    // --legacy-service-account-token-clean-up-period, and how often the cleaner runs.
    QDate legacyTokenTrackingSince;
    qint64 legacyTokenCleanUpPeriodSeconds = 8760LL * 3600;
    qint64 legacyTokenCleanerIntervalSeconds = 24LL * 3600;
    HttpServer::Limits connectionLimits; // --idle-timeout, --tls-handshake-timeout, --max-connections
    QString pkiDir; // --pki: where the certificates are kept across restarts; empty: fresh ones each start
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
    [[nodiscard]] const Pki &pki() const { return *m_pki; }

private:
    void simulateOutage(int milliseconds);
    // The "churn" fault (see FaultInjector): restarted whenever the faults change, advanced by a timer.
    void applyFaults();
    void restartChurn();
    void churnTick();

    std::optional<Pki> m_pki;
    std::optional<TokenSigner> m_signer;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<Controllers> m_controllers;
    std::unique_ptr<LegacyTokenCleaner> m_legacyTokens;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<Authorizer> m_authorizer;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<HttpServer> m_http;

    QTimer *m_churnTimer = nullptr;
    QElapsedTimer m_churnClock;
    const ResourceType *m_churnType = nullptr;
    QStringList m_churnKeys; // Store keys of the objects to update, in turn
    int m_churnPerSecond = 0;
    qint64 m_churnDone = 0;
    qint64 m_churnTotal = 0;
};

} // namespace kubesim
