#include "auth/Credentials.h"

#include <QCoreApplication>
#include <QSslSocket>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace sa {

// Follows client-go: validateClusterInfo (tools/clientcmd/validation.go) for the kubeconfig checks, then
// TLSConfigFor and rootCertPool (transport/transport.go) for the CA and the insecure flag.
std::optional<TlsSettings> tlsSettings(const Cluster &cluster, QString *error)
{
    if (!cluster.certificateAuthority.isEmpty() && !cluster.certificateAuthorityData.isEmpty()) {
        *error = u"certificate-authority-data and certificate-authority are both specified for %1. "
                 "certificate-authority-data will override."_s.arg(cluster.name);
        return std::nullopt;
    }
    QByteArray caPem = cluster.certificateAuthorityData;
    if (!cluster.certificateAuthority.isEmpty()) {
        QString reason;
        const auto data = readReferencedFile(cluster.certificateAuthority, &reason);
        if (!data) {
            *error = u"unable to read certificate-authority %1 for %2 due to %3"_s.arg(cluster.certificateAuthority,
                                                                                       cluster.name, reason);
            return std::nullopt;
        }
        caPem = *data;
    }
    const bool hasCa = !caPem.isEmpty() || !cluster.certificateAuthority.isEmpty();
    if (hasCa && cluster.insecureSkipTlsVerify) {
        *error = u"specifying a root certificates file with the insecure flag is not allowed"_s;
        return std::nullopt;
    }

    TlsSettings settings;
    settings.configuration = QSslConfiguration::defaultConfiguration();
    settings.configuration.setProtocol(QSsl::TlsV1_2OrLater);
    settings.configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // An empty CA file leaves the system store in place, as Go's rootCertPool does.
    if (!caPem.isEmpty()) {
        const QList<QSslCertificate> roots = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (roots.isEmpty()) {
            // Go's createErrorParsingCAData tells text that is not PEM from PEM without a usable certificate.
            const QString why = caPem.contains("-----BEGIN ") ? u"no valid certificate authority data seen"_s
                                                              : u"unable to parse bytes as PEM block"_s;
            *error = u"unable to load root certificates: "_s + why;
            return std::nullopt;
        }
        // Only this CA, as client-go does: a public CA in the system store must not vouch for this cluster.
        settings.configuration.setCaCertificates(roots);
    }
    if (cluster.insecureSkipTlsVerify) {
        settings.configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        settings.warning = QCoreApplication::translate("sa::Tls",
                                                       "TLS verification is off for cluster %1 "
                                                       "(insecure-skip-tls-verify): the server's identity is not "
                                                       "checked, so anyone on the network path could read or change "
                                                       "this traffic, credentials included.")
                               .arg(cluster.name);
    }
    // kubectl says nothing of an http:// server; a tool that shows and issues tokens should.
    if (const QUrl server(cluster.server); server.scheme().compare("http"_L1, Qt::CaseInsensitive) == 0) {
        settings.warning = QCoreApplication::translate("sa::Tls",
                                                       "The connection to cluster %1 (%2) is not encrypted (http://): "
                                                       "your credentials and every token you issue or reveal travel "
                                                       "in clear, readable by anyone on the network path.")
                               .arg(cluster.name, server.host());
    }
    settings.peerVerifyName = cluster.tlsServerName;
    return settings;
}

} // namespace sa
