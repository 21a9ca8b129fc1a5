#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace kubesim {

// The simulator's own certificate authority, made fresh at each start: a CA, a serving certificate
// for 127.0.0.1, localhost and ::1, and an admin client certificate (CN kube-sim-admin, O system:masters).
// Keys are EC P-256, which both Go's crypto/tls and Qt accept and which take milliseconds to make.
class Pki
{
public:
    [[nodiscard]] static std::optional<Pki> generate(QString *error);
    // The certificates kept in `dir` (ca.crt, server.crt, server.key, client.crt, client.key) if it holds them,
    // else generate()d and written there: a kube-sim restarted with the same folder keeps its clients' trust.
    [[nodiscard]] static std::optional<Pki> keptIn(const QString &dir, QString *error);

    [[nodiscard]] const QByteArray &caCertPem() const { return m_caCertPem; }
    [[nodiscard]] const QByteArray &serverCertPem() const { return m_serverCertPem; }
    [[nodiscard]] const QByteArray &serverKeyPem() const { return m_serverKeyPem; }
    [[nodiscard]] const QByteArray &clientCertPem() const { return m_clientCertPem; }
    [[nodiscard]] const QByteArray &clientKeyPem() const { return m_clientKeyPem; }

    // The identity in a client certificate (DER) that this CA signed and that is valid now:
    // CN as the user name, O entries as groups. nullopt for any other certificate.
    struct ClientIdentity
    {
        QString user;
        QList<QString> groups;
    };
    [[nodiscard]] std::optional<ClientIdentity> verifyClientCertificate(const QByteArray &der) const;

private:
    QByteArray m_caCertPem;
    QByteArray m_serverCertPem;
    QByteArray m_serverKeyPem;
    QByteArray m_clientCertPem;
    QByteArray m_clientKeyPem;
    std::shared_ptr<void> m_caPublicKey; // EVP_PKEY, kept parsed for per-connection checks
};

} // namespace kubesim
