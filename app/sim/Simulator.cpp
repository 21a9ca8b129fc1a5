#include "Simulator.h"

#include "ApiServer.h"
#include "Controllers.h"
#include "Faults.h"
#include "HttpServer.h"
#include "LegacyTokens.h"
#include "Rbac.h"
#include "Registry.h"
#include "ResourceTypes.h"
#include "Seeds.h"
#include "Store.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace kubesim {

Simulator::Simulator(QObject *parent)
    : QObject(parent)
    , m_churnTimer(new QTimer(this))
{
    // Coarse timers may fire up to 5% late; the schedule catches up anyway, but precise ones keep it smooth.
    m_churnTimer->setTimerType(Qt::PreciseTimer);
    connect(m_churnTimer, &QTimer::timeout, this, &Simulator::churnTick);
}

Simulator::~Simulator()
{
    // Connections and watches refer to the API server, which refers to the store: close them first.
    m_http.reset();
}

Store &Simulator::store()
{
    return *m_store;
}

bool Simulator::start(const SimulatorOptions &options, QString *error)
{
    m_pki = options.pkiDir.isEmpty() ? Pki::generate(error) : Pki::keptIn(options.pkiDir, error);
    if (!m_pki)
        return false;
    m_signer = TokenSigner::generate(QString(TokenSigner::defaultIssuer), error);
    if (!m_signer)
        return false;
    m_store = std::make_unique<Store>(options.watchHistory);
    m_registry = std::make_unique<Registry>(*m_store);
    m_controllers = std::make_unique<Controllers>(*m_registry, *m_pki, *m_signer);
    m_authenticator = std::make_unique<Authenticator>(*m_registry, *m_pki, *m_signer, options.staticTokens);
    m_authorizer = std::make_unique<Authorizer>(*m_store);
    m_api = std::make_unique<ApiServer>(*m_registry, *m_authenticator, *m_authorizer, *m_signer);
    m_api->setBookmarkInterval(options.bookmarkIntervalMs);
    m_api->setMaxTokenExpiration(options.maxTokenExpirationSeconds);
    m_faults = std::make_unique<FaultInjector>();
    m_api->setFaultInjector(m_faults.get());
    connect(m_faults.get(), &FaultInjector::outageRequested, this, &Simulator::simulateOutage);
    connect(m_faults.get(), &FaultInjector::reconfigured, this, &Simulator::applyFaults);

    if (!applySeed(*m_registry, options.seed, error) || !loadBootstrapPolicy(*m_registry, error))
        return false;
    m_controllers->settle();
    applySeedHistory(*m_registry, options.seed);
    m_controllers->settle();
    for (const QString &path : options.manifests) {
        if (!loadManifestFile(*m_registry, path, error))
            return false;
        m_controllers->settle();
    }
    m_legacyTokens = std::make_unique<LegacyTokenCleaner>(*m_registry, options.legacyTokenCleanUpPeriodSeconds,
                                                          options.legacyTokenCleanerIntervalSeconds);
    m_legacyTokens->start(!options.legacyTokenTrackingSince.isValid() && options.seed == "demo"_L1
                              ? demoLegacyTokenTrackingSince()
                              : options.legacyTokenTrackingSince);
    m_controllers->settle();

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(m_pki->serverCertPem(), QSsl::Pem));
    tls.setPrivateKey(QSslKey(m_pki->serverKeyPem(), QSsl::Ec, QSsl::Pem));
    tls.setCaCertificates({QSslCertificate(m_pki->caCertPem(), QSsl::Pem)});
    // Ask for a client certificate without requiring one: /version and the health checks are anonymous,
    // and a missing or foreign certificate gets the apiserver's 401 instead of a failed handshake.
    tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_http = std::make_unique<HttpServer>(tls);
    m_http->setLimits(options.connectionLimits);
    connect(m_http.get(), &HttpServer::requestReceived, m_api.get(), &ApiServer::handle);
    if (!m_http->listen(options.address, options.port)) {
        *error = u"cannot listen on "_s + options.address.toString() + u':' + QString::number(options.port) + u": "_s
            + m_http->errorString();
        return false;
    }
    if (!options.faults.isEmpty() && !m_faults->configure(options.faults, error))
        return false;
    m_faults->startPendingOutage();
    return true;
}

void Simulator::simulateOutage(int milliseconds)
{
    // Stop listening and drop every connection; come back on the same address with the same store.
    const QHostAddress address = m_http->serverAddress();
    const quint16 port = m_http->serverPort();
    m_http->close();
    m_http->dropConnections();
    QTimer::singleShot(milliseconds, this, [this, address, port] {
        if (!m_http->listen(address, port))
            qWarning("kube-sim: cannot listen again after the outage: %s", qPrintable(m_http->errorString()));
    });
}

void Simulator::applyFaults()
{
    m_controllers->setPaused(m_faults->controllersPaused());
    m_legacyTokens->setPaused(m_faults->controllersPaused());
    restartChurn();
}

void Simulator::restartChurn()
{
    m_churnTimer->stop();
    m_churnKeys.clear();
    const std::optional<ChurnFault> &churn = m_faults->churn();
    if (!churn)
        return;
    const auto &types = resourceTypes();
    const auto type = std::find_if(types.cbegin(), types.cend(), [&](const ResourceType &candidate) {
        return candidate.plural == churn->resource && candidate.stored;
    });
    if (type == types.cend())
        return;
    m_churnType = &*type;
    m_churnKeys = m_store->objects(*m_churnType).keys();
    if (m_churnKeys.isEmpty()) {
        qWarning("kube-sim: churn: there are no %s to update", qPrintable(churn->resource));
        return;
    }
    m_churnPerSecond = churn->perSecond;
    m_churnDone = 0;
    m_churnTotal = qint64(churn->perSecond) * churn->seconds;
    m_churnClock.start();
    // Ticks of at least 5 ms: finer ones cost more in timer overhead than they gain in smoothness.
    m_churnTimer->start(qMax(5, 1000 / churn->perSecond));
}

void Simulator::churnTick()
{
    // Each tick does the updates that are due by now, so late ticks catch up and the rate holds on average.
    const qint64 due = qMin(m_churnTotal, m_churnClock.elapsed() * m_churnPerSecond / 1000);
    for (; m_churnDone < due; ++m_churnDone) {
        const QString &key = m_churnKeys.at(m_churnDone % m_churnKeys.size());
        const qsizetype slash = key.indexOf(u'/');
        const QString ns = slash < 0 ? QString() : key.left(slash);
        const QString name = key.mid(slash + 1);
        std::optional<QJsonObject> object = m_store->get(*m_churnType, ns, name);
        if (!object)
            continue; // deleted since the churn started
        QJsonObject metadata = object->value("metadata"_L1).toObject();
        QJsonObject labels = metadata.value("labels"_L1).toObject();
        labels.insert("kube-sim/churn"_L1, QString::number(m_churnDone + 1));
        metadata.insert("labels"_L1, labels);
        object->insert("metadata"_L1, metadata);
        const WriteResult result = m_registry->update(*m_churnType, ns, name, *object);
        if (!result.ok())
            qWarning("kube-sim: churn: %s not updated: %s", qPrintable(key),
                     qPrintable(result.failure->status.value("message"_L1).toString()));
    }
    if (m_churnDone >= m_churnTotal)
        m_churnTimer->stop();
}

QString Simulator::url() const
{
    const QHostAddress address = m_http->serverAddress();
    const QString host =
        address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    return u"https://"_s + host + u':' + QString::number(m_http->serverPort());
}

QByteArray Simulator::kubeconfig() const
{
    const auto b64 = [](const QByteArray &data) { return data.toBase64(); };
    return "apiVersion: v1\n"
           "kind: Config\n"
           "clusters:\n"
           "- name: kube-sim\n"
           "  cluster:\n"
           "    server: "_ba
        + url().toUtf8() + "\n    certificate-authority-data: "_ba + b64(m_pki->caCertPem())
        + "\nusers:\n"
          "- name: kube-sim-admin\n"
          "  user:\n"
          "    client-certificate-data: "_ba
        + b64(m_pki->clientCertPem()) + "\n    client-key-data: "_ba + b64(m_pki->clientKeyPem())
        + "\ncontexts:\n"
          "- name: kube-sim\n"
          "  context:\n"
          "    cluster: kube-sim\n"
          "    user: kube-sim-admin\n"
          "current-context: kube-sim\n"
          "preferences: {}\n"_ba;
}

bool Simulator::writeKubeconfig(const QString &path, QString *error) const
{
    QFile file(path);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // The key must never be readable by others, not even for a moment: restrict before writing.
    if ((file.exists() && !file.setPermissions(ownerOnly))
        || !file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly)) {
        *error = u"cannot write the kubeconfig "_s + path + u": "_s + file.errorString();
        return false;
    }
    const QByteArray content = kubeconfig();
    if (file.write(content) != content.size() || !file.flush()) {
        *error = u"cannot write the kubeconfig "_s + path + u": "_s + file.errorString();
        file.remove();
        return false;
    }
    return true;
}

} // namespace kubesim
