#include "api/CredentialExports.h"

#include "auth/Credentials.h"
#include "resources/SecretEncoding.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// The proxy address without user name and password.
QString proxyWithoutCredentials(const QString &proxyUrl)
{
    QUrl url(proxyUrl);
    url.setUserInfo({});
    return url.toString();
}

bool proxyHasCredentials(const QString &proxyUrl)
{
    return !proxyUrl.isEmpty() && !QUrl(proxyUrl).userInfo().isEmpty();
}

} // namespace

SecretBytes serviceAccountKubeconfig(const ResolvedContext &context, const QString &ns, const QString &serviceAccount,
                                     const SecretBytes &token)
{
    const Cluster &cluster = context.cluster;
    const QString clusterName = cluster.name.isEmpty() ? u"cluster"_s : cluster.name;
    const QByteArray contextName = yamlQuoted(serviceAccount + u'@' + clusterName);
    const QByteArray user = yamlQuoted(serviceAccount);
    QByteArray authority = cluster.certificateAuthorityData;
    if (authority.isEmpty() && !cluster.certificateAuthority.isEmpty()) {
        // KubeClient::create already read this file for the same context, so a failure here is not expected;
        // without it the kubeconfig falls back to the system's CAs, as the original would.
        QString ignored;
        authority = readReferencedFile(cluster.certificateAuthority, &ignored).value_or(QByteArray());
    }

    QByteArray head = "apiVersion: v1\nkind: Config\nclusters:\n- name: "_ba + yamlQuoted(clusterName)
        + "\n  cluster:\n    server: "_ba + yamlQuoted(cluster.server) + '\n';
    if (!authority.isEmpty())
        head += "    certificate-authority-data: "_ba + authority.toBase64() + '\n';
    if (!cluster.tlsServerName.isEmpty())
        head += "    tls-server-name: "_ba + yamlQuoted(cluster.tlsServerName) + '\n';
    if (cluster.insecureSkipTlsVerify)
        head += "    insecure-skip-tls-verify: true\n"_ba;
    if (!cluster.proxyUrl.isEmpty())
        head += "    proxy-url: "_ba + yamlQuoted(proxyWithoutCredentials(cluster.proxyUrl)) + '\n';
    head += "users:\n- name: "_ba + user + "\n  user:\n    token: "_ba;
    const QByteArray tail = "\ncontexts:\n- name: "_ba + contextName + "\n  context:\n    cluster: "_ba
        + yamlQuoted(clusterName) + "\n    user: "_ba + user + "\n    namespace: "_ba + yamlQuoted(ns)
        + "\ncurrent-context: "_ba + contextName + '\n';

    // Sized up front so that no reallocation leaves a copy of the token behind.
    QByteArray yaml;
    yaml.reserve(head.size() + 4 * token.size() + 2 + tail.size());
    yaml += head;
    appendYamlQuoted(yaml, token.reveal());
    yaml += tail;
    return SecretBytes::adopt(std::move(yaml));
}

namespace {

// A POSIX shell word: single quotes, with each ' written as '\''.
QByteArray shellQuoted(const QByteArray &text)
{
    QByteArray quoted = text;
    quoted.replace('\'', "'\\''");
    return "'"_ba + quoted + "'"_ba;
}

} // namespace

SecretBytes curlCommand(const ResolvedContext &context, const SecretBytes &token)
{
    const Cluster &cluster = context.cluster;
    QUrl url(cluster.server);
    QByteArray options;
    if (!cluster.tlsServerName.isEmpty() && url.host() != cluster.tlsServerName) {
        // curl checks the certificate against the URL's host: that is the name, and --connect-to says where to go.
        const int port = url.port(url.scheme() == "http"_L1 ? 80 : 443);
        options += " --connect-to "_ba
            + shellQuoted(cluster.tlsServerName.toUtf8() + ':' + QByteArray::number(port) + ':'
                          + url.host(QUrl::FullyEncoded).toUtf8() + ':' + QByteArray::number(port));
        url.setHost(cluster.tlsServerName);
    }
    if (cluster.insecureSkipTlsVerify)
        options += " --insecure"_ba;
    else if (!cluster.certificateAuthority.isEmpty())
        options += " --cacert "_ba + shellQuoted(cluster.certificateAuthority.toUtf8());
    else if (!cluster.certificateAuthorityData.isEmpty())
        options += " --cacert <(printf %s "_ba + cluster.certificateAuthorityData.toBase64() + " | base64 -d)"_ba;
    if (!cluster.proxyUrl.isEmpty())
        options += " --proxy "_ba + shellQuoted(proxyWithoutCredentials(cluster.proxyUrl).toUtf8());
    url.setPath(url.path().endsWith(u'/') ? QString(url.path() + u"api"_s) : QString(url.path() + u"/api"_s));
    const QByteArray head = "printf '%s\\n' 'Authorization: Bearer "_ba;
    const QByteArray tail = "' | curl"_ba + options + ' ' + shellQuoted(url.toEncoded()) + " --header @-"_ba;
    const QByteArray &bytes = token.reveal();
    // A token with a quote in it (a static token can hold anything) is closed and reopened around it.
    QByteArray command;
    command.reserve(head.size() + 4 * bytes.size() + tail.size());
    command += head;
    for (const char c : bytes) {
        if (c == '\'')
            command += "'\\''";
        else
            command += c;
    }
    command += tail;
    return SecretBytes::adopt(std::move(command));
}

QStringList exportCaveats(const ResolvedContext &context)
{
    QStringList caveats;
    const Cluster &cluster = context.cluster;
    if (QUrl(cluster.server).scheme().compare("http"_L1, Qt::CaseInsensitive) == 0)
        caveats.append(QCoreApplication::translate("sa::CredentialExports",
                                                   "They send the token unencrypted (the server is http://)."));
    else if (cluster.insecureSkipTlsVerify)
        caveats.append(QCoreApplication::translate(
            "sa::CredentialExports",
            "They do not check the server's certificate (insecure-skip-tls-verify, as your context)."));
    if (proxyHasCredentials(cluster.proxyUrl))
        caveats.append(QCoreApplication::translate("sa::CredentialExports",
                                                   "They use your proxy without your proxy user name and password: "
                                                   "whoever uses them needs their own."));
    return caveats;
}

} // namespace sa
