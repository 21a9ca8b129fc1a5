#include "auth/Credentials.h"

#include "auth/PluginSearch.h"
#include "resources/SecretEncoding.h"
#include "util/ChildProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>

#include <utility>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr auto kExecV1 = "client.authentication.k8s.io/v1"_L1;
constexpr auto kExecV1beta1 = "client.authentication.k8s.io/v1beta1"_L1;
constexpr auto kExecV1alpha1 = "client.authentication.k8s.io/v1alpha1"_L1;
// Enough of a failing plugin's stderr to explain itself; the tail, where the reason usually is.
constexpr qsizetype kStderrKeptWhileRunning = 64 * 1024;
constexpr qsizetype kStderrShownInError = 2000;
// A credential is a few kilobytes (a certificate chain at most); a plugin that writes more is stopped, not buffered.
constexpr qsizetype kMaxExecStdout = 4 * 1024 * 1024;

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;

// The reason of the most recent OpenSSL error, and a clean queue for whoever calls OpenSSL next.
QString takeOpenSslError()
{
    const unsigned long code = ERR_peek_last_error();
    const char *reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
    ERR_clear_error();
    return reason ? QString::fromLatin1(reason) : u"unknown OpenSSL error"_s;
}

// Registered as the passphrase callback so that an encrypted key fails fast and recognisably instead of
// OpenSSL prompting on a terminal the GUI does not have.
int refusePassphrase(char *, int, int, void *asked)
{
    *static_cast<bool *>(asked) = true;
    return -1;
}

QString keyError(const QString &reason)
{
    return QCoreApplication::translate("sa::Credentials", "cannot read the client key: %1").arg(reason);
}

// client-go's SetDefaults_ExecConfig (tools/clientcmd/api/v1/defaults.go): the older versions default to
// IfAvailable; v1 has no default and must say.
QString effectiveInteractiveMode(const ExecConfig &exec)
{
    if (exec.interactiveMode.isEmpty() && (exec.apiVersion == kExecV1beta1 || exec.apiVersion == kExecV1alpha1))
        return u"IfAvailable"_s;
    return exec.interactiveMode;
}

// What client-go rejects before any request: validateAuthInfo (tools/clientcmd/validation.go), then the
// transport checks of HTTPWrappersForConfig (transport/round_trippers.go), exec.GetAuthenticator and
// GetAuthProvider (rest/plugin.go). The first problem, in that order.
QString configurationError(const AuthInfo &user)
{
    const QString &name = user.name;
    if (!user.clientCertificate.isEmpty() || !user.clientCertificateData.isEmpty()) {
        if (!user.clientCertificate.isEmpty() && !user.clientCertificateData.isEmpty())
            return u"client-cert-data and client-cert are both specified for %1. client-cert-data will override."_s.arg(
                name);
        if (!user.clientKey.isEmpty() && !user.clientKeyData.isEmpty())
            return u"client-key-data and client-key are both specified for %1; client-key-data will override"_s.arg(
                name);
        if (user.clientKey.isEmpty() && user.clientKeyData.isEmpty())
            return u"client-key-data or client-key must be specified for %1 to use the clientCert authentication "
                   "method."_s.arg(name);
    }
    if (user.exec) {
        const ExecConfig &exec = *user.exec;
        if (user.authProvider)
            return u"authProvider cannot be provided in combination with an exec plugin for %1"_s.arg(name);
        if (exec.command.isEmpty())
            return u"command must be specified for %1 to use exec authentication plugin"_s.arg(name);
        if (exec.apiVersion.isEmpty())
            return u"apiVersion must be specified for %1 to use exec authentication plugin"_s.arg(name);
        for (const ExecEnvVar &variable : exec.env) {
            if (variable.name.isEmpty())
                return u"env variable name must be specified for %1 to use exec authentication plugin"_s.arg(name);
        }
        const QString mode = effectiveInteractiveMode(exec);
        if (mode.isEmpty())
            return u"interactiveMode must be specified for %1 to use exec authentication plugin"_s.arg(name);
        if (mode != "Never"_L1 && mode != "IfAvailable"_L1 && mode != "Always"_L1)
            return u"invalid interactiveMode for %1: \"%2\""_s.arg(name, mode);
    }
    if (!user.token.isEmpty() && (!user.username.isEmpty() || !user.password.isEmpty()))
        return u"more than one authentication method found for %1; found [token basicAuth], only one is allowed"_s.arg(
            name);
    if (!user.tokenFile.isEmpty() && !user.username.isEmpty())
        return u"username/password or bearer token may be set, but not both"_s;
    if (user.exec && user.exec->apiVersion != kExecV1 && user.exec->apiVersion != kExecV1beta1)
        return u"exec plugin: invalid apiVersion \"%1\""_s.arg(user.exec->apiVersion);
    if (user.authProvider)
        return CredentialProvider::authProviderMessage(*user.authProvider);
    return {};
}

QString formatDuration(int milliseconds)
{
    return milliseconds % 1000 == 0 ? u"%1 s"_s.arg(milliseconds / 1000) : u"%1 ms"_s.arg(milliseconds);
}

// Overwrites a buffer that held a credential (sa::wipe, through every shared copy), then empties it.
void wipeAndClear(QByteArray &bytes)
{
    wipe(bytes);
    bytes.clear();
}

// Appends to a buffer that holds a credential without leaving an unwiped copy behind when it grows.
void appendWiping(QByteArray &buffer, const QByteArray &data)
{
    if (buffer.size() + data.size() > buffer.capacity()) {
        QByteArray grown;
        grown.reserve(std::max<qsizetype>({2 * buffer.capacity(), buffer.size() + data.size(), 16 * 1024}));
        grown.append(buffer.constData(), buffer.size());
        wipeAndClear(buffer);
        buffer = std::move(grown);
    }
    buffer.append(data.constData(), data.size());
}

// A plugin's stderr as text to show: escape sequences (colours, cursor moves, a terminal title), other control
// characters and bidirectional overrides removed, since they would garble or disguise the rest of the message.
QString printableDiagnostics(const QByteArray &stderrData)
{
    QByteArray cleaned;
    cleaned.reserve(stderrData.size());
    for (qsizetype i = 0; i < stderrData.size(); ++i) {
        const auto c = uchar(stderrData.at(i));
        if (c == 0x1B) {
            // ESC [ parameters intermediates final (CSI), ESC ] … BEL or ESC \ (OSC), or ESC and one character.
            const char kind = i + 1 < stderrData.size() ? stderrData.at(i + 1) : '\0';
            i += 1;
            if (kind == '[') {
                while (i + 1 < stderrData.size()
                       && !(uchar(stderrData.at(i + 1)) >= 0x40 && uchar(stderrData.at(i + 1)) <= 0x7E))
                    ++i;
                ++i;
            } else if (kind == ']') {
                while (i + 1 < stderrData.size() && stderrData.at(i + 1) != '\a'
                       && !(stderrData.at(i + 1) == 0x1B && i + 2 < stderrData.size() && stderrData.at(i + 2) == '\\'))
                    ++i;
                i += i + 1 < stderrData.size() && stderrData.at(i + 1) == '\a' ? 1 : 2;
            }
            continue;
        }
        if (c == '\n' || c == '\t' || c >= 0x20) {
            if (c != 0x7F)
                cleaned += char(c);
        }
    }
    QString text = QString::fromUtf8(cleaned);
    text.removeIf([](QChar ch) {
        const char16_t u = ch.unicode();
        return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F
            || (u >= 0x80 && u <= 0x9F);
    });
    return text;
}

// exec.go's wrapCmdRunErrorLocked for a missing binary, install hint included; for a command without a path, where it
// was looked for (`searched`, one line each) after the first line.
QString notFoundMessage(const ExecConfig &exec, const QStringList &searched = {})
{
    QString message = u"exec: executable %1 not found\n\n"_s.arg(exec.command);
    if (!searched.isEmpty())
        message += QCoreApplication::translate("sa::Credentials", "Looked for it in:") + u"\n  "_s
            + searched.join(u"\n  "_s) + u"\n\n"_s;
    message += u"It looks like you are trying to use a client-go credential plugin that is not installed.\n\n"
               "To learn more about this feature, consult the documentation available at:\n"
               "      https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
               "#client-go-credential-plugins"_s;
    if (!exec.installHint.isEmpty())
        message += u"\n\n"_s + exec.installHint;
    return message;
}

bool isExpired(const Credential &credential)
{
    // client-go's credsExpired: usable up to and including the instant itself.
    return credential.expiry.isValid() && QDateTime::currentDateTimeUtc() > credential.expiry;
}

std::optional<QString> stringField(const QJsonObject &status, const QString &name, QString *error)
{
    const QJsonValue value = status.value(name);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString()) {
        *error = u"decoding stdout: status.%1 is not a string"_s.arg(name);
        return std::nullopt;
    }
    return value.toString();
}

} // namespace

std::optional<QByteArray> readReferencedFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QString reason = file.errorString();
        if (!reason.isEmpty())
            reason[0] = reason[0].toLower();
        *error = u"open %1: %2"_s.arg(path, reason);
        return std::nullopt;
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = u"read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    return data;
}

std::optional<ClientCertificate> loadClientCertificate(const QByteArray &certificatePem, const QByteArray &keyPem,
                                                       QString *error)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull()) {
        *error = QCoreApplication::translate("sa::Credentials",
                                             "cannot read the client certificate: it holds no PEM certificate");
        return std::nullopt;
    }
    if (!keyPem.contains("-----BEGIN ")) {
        *error = keyError(QCoreApplication::translate("sa::Credentials", "it holds no PEM private key"));
        return std::nullopt;
    }

    ERR_clear_error();
    BioPtr keyInput(BIO_new_mem_buf(keyPem.constData(), static_cast<int>(keyPem.size())), &BIO_free);
    if (!keyInput) {
        *error = keyError(takeOpenSslError());
        return std::nullopt;
    }
    bool passphraseAsked = false;
    PKeyPtr key(PEM_read_bio_PrivateKey(keyInput.get(), nullptr, refusePassphrase, &passphraseAsked), &EVP_PKEY_free);
    if (!key) {
        const QString reason = takeOpenSslError();
        *error = keyError(passphraseAsked ? QCoreApplication::translate(
                              "sa::Credentials", "it is encrypted with a passphrase; use an unencrypted key")
                                          : reason);
        return std::nullopt;
    }
    QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
        algorithm = QSsl::Rsa;
        break;
    case EVP_PKEY_EC:
        algorithm = QSsl::Ec;
        break;
    default:
        const char *type = EVP_PKEY_get0_type_name(key.get());
        *error = keyError(
            type ? QCoreApplication::translate("sa::Credentials", "%1 keys are not supported (RSA and EC are)")
                       .arg(QString::fromLatin1(type))
                 : QCoreApplication::translate("sa::Credentials", "these keys are not supported (RSA and EC are)"));
        return std::nullopt;
    }

    const QByteArray leafDer = certificates.first().toDer();
    const auto *derCursor = reinterpret_cast<const unsigned char *>(leafDer.constData());
    X509Ptr leaf(d2i_X509(nullptr, &derCursor, static_cast<long>(leafDer.size())), &X509_free);
    if (!leaf) {
        *error = QCoreApplication::translate("sa::Credentials", "cannot read the client certificate: %1")
                     .arg(takeOpenSslError());
        return std::nullopt;
    }
    if (X509_check_private_key(leaf.get(), key.get()) != 1) {
        ERR_clear_error();
        *error = QCoreApplication::translate("sa::Credentials", "the client key does not match the client certificate");
        return std::nullopt;
    }

    // QSslKey reads the traditional forms (PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY") for every backend;
    // PKCS#8 and OpenSSL-only encodings are converted to them here, in a secure-heap buffer that is wiped when
    // freed.
    BioPtr keyOutput(BIO_new(BIO_s_secmem()), &BIO_free);
    if (!keyOutput
        || PEM_write_bio_PrivateKey_traditional(keyOutput.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1) {
        *error = keyError(takeOpenSslError());
        return std::nullopt;
    }
    char *converted = nullptr;
    const long convertedSize = BIO_get_mem_data(keyOutput.get(), &converted);
    if (convertedSize <= 0 || !converted) {
        *error = keyError(takeOpenSslError());
        return std::nullopt;
    }
    QByteArray traditionalPem(converted, convertedSize);
    const QSslKey sslKey(traditionalPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    traditionalPem.fill('\0');
    if (sslKey.isNull()) {
        *error = keyError(QCoreApplication::translate("sa::Credentials", "Qt could not load it"));
        return std::nullopt;
    }
    return ClientCertificate {certificates.first(), certificates.mid(1), sslKey};
}

CredentialProvider::CredentialProvider(AuthInfo user, Cluster cluster, QObject *parent)
    : QObject(parent)
    , m_user(std::move(user))
    , m_cluster(std::move(cluster))
    , m_configError(configurationError(m_user))
{
    m_execTimer = new QTimer(this);
    m_execTimer->setSingleShot(true);
    connect(m_execTimer, &QTimer::timeout, this, [this] {
        const QString command = m_user.exec->command;
        abandonProcess();
        finishExec(
            std::nullopt,
            u"exec: executable %1 timed out after %2 and was killed"_s.arg(command, formatDuration(m_execTimeoutMs)));
    });
}

CredentialProvider::~CredentialProvider()
{
    if (m_process)
        abandonProcess();
}

QString CredentialProvider::authProviderMessage(const AuthProviderConfig &provider)
{
    // gcp and azure: client-go's own removal messages (plugin/pkg/client/auth/{gcp,azure}), plus the next step.
    if (provider.name == "gcp"_L1) {
        return u"The gcp auth plugin has been removed.\n"
               "Please use the \"gke-gcloud-auth-plugin\" kubectl/client-go credential plugin instead.\n"
               "See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for "
               "further details\n\n"_s
            + QCoreApplication::translate("sa::Credentials",
                                          "Install gke-gcloud-auth-plugin (https://cloud.google.com/kubernetes-engine/"
                                          "docs/how-to/cluster-access-for-kubectl#install_plugin), then run `gcloud "
                                          "container clusters get-credentials CLUSTER` to rewrite this user with its "
                                          "exec credential.");
    }
    if (provider.name == "azure"_L1) {
        return u"The azure auth plugin has been removed.\n"
               "Please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\n"
               "See https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
               "#client-go-credential-plugins for further details\n\n"_s
            + QCoreApplication::translate("sa::Credentials",
                                          "Convert this kubeconfig with `kubelogin convert-kubeconfig -l azurecli`.");
    }
    if (provider.name == "oidc"_L1) {
        // client-go still has an oidc provider; SA Admin delegates OIDC to the exec plugin that replaced it.
        // The issuer and client id are not secrets; the client secret and tokens stay out of the message.
        const QString issuer = provider.config.value(u"idp-issuer-url"_s, u"ISSUER_URL"_s);
        const QString clientId = provider.config.value(u"client-id"_s, u"CLIENT_ID"_s);
        return QCoreApplication::translate("sa::Credentials",
                                           "The oidc auth provider is not supported by SA Admin.\n"
                                           "Please use the kubelogin (https://github.com/int128/kubelogin) "
                                           "kubectl/client-go credential plugin instead: give this user an exec "
                                           "credential that runs `kubectl oidc-login get-token --oidc-issuer-url=%1 "
                                           "--oidc-client-id=%2`.")
            .arg(issuer, clientId);
    }
    return u"no Auth Provider found for name \"%1\""_s.arg(provider.name);
}

bool CredentialProvider::hasStaticCredential() const
{
    // client-go skips the exec plugin when the config already authenticates (exec.go UpdateTransportConfig:
    // HasTokenAuth, HasBasicAuth, HasCertAuth).
    const bool hasCertificate = !m_user.clientCertificate.isEmpty() || !m_user.clientCertificateData.isEmpty();
    const bool hasKey = !m_user.clientKey.isEmpty() || !m_user.clientKeyData.isEmpty();
    return !m_user.token.isEmpty() || !m_user.tokenFile.isEmpty() || !m_user.username.isEmpty()
        || (hasCertificate && hasKey);
}

CredentialProvider::FileStamp CredentialProvider::stampOf(const QString &path)
{
    // Cheap to check, and changed by how tokens and certificates are rotated: kubelet and cert-manager replace
    // the file.
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return {info.lastModified(), info.size()};
}

bool CredentialProvider::staticFilesChanged() const
{
    for (auto it = m_fileStamps.cbegin(); it != m_fileStamps.cend(); ++it) {
        if (stampOf(it.key()) != it.value())
            return true;
    }
    return false;
}

std::optional<Credential> CredentialProvider::readStaticCredential(QString *error)
{
    QHash<QString, FileStamp> stamps;
    // The stamp is taken before the read so that a change during the read is seen next time.
    const auto readFile = [&stamps](const QString &path, QString *reason) {
        stamps.insert(path, stampOf(path));
        return readReferencedFile(path, reason);
    };

    Credential credential;
    if (!m_user.token.isEmpty()) {
        credential.authorization = "Bearer " + m_user.token.toUtf8();
    } else if (!m_user.tokenFile.isEmpty()) {
        // transport/token_source.go fileTokenSource.
        QString reason;
        const auto data = readFile(m_user.tokenFile, &reason);
        if (!data) {
            *error = u"failed to read token file \"%1\": %2"_s.arg(m_user.tokenFile, reason);
            return std::nullopt;
        }
        const QByteArray token = data->trimmed();
        if (token.isEmpty()) {
            *error = u"read empty token from file \"%1\""_s.arg(m_user.tokenFile);
            return std::nullopt;
        }
        credential.authorization = "Bearer " + token;
    }
    if (!m_user.username.isEmpty())
        credential.authorization = "Basic " + QString(m_user.username + u':' + m_user.password).toUtf8().toBase64();

    if (!m_user.clientCertificate.isEmpty() || !m_user.clientCertificateData.isEmpty()) {
        QString reason;
        std::optional<QByteArray> certificatePem = m_user.clientCertificateData;
        if (certificatePem->isEmpty())
            certificatePem = readFile(m_user.clientCertificate, &reason);
        if (!certificatePem) {
            *error =
                u"unable to read client-cert %1 for %2 due to %3"_s.arg(m_user.clientCertificate, m_user.name, reason);
            return std::nullopt;
        }
        std::optional<QByteArray> keyPem = m_user.clientKeyData;
        if (keyPem->isEmpty())
            keyPem = readFile(m_user.clientKey, &reason);
        if (!keyPem) {
            *error = u"unable to read client-key %1 for %2 due to %3"_s.arg(m_user.clientKey, m_user.name, reason);
            return std::nullopt;
        }
        credential.clientCertificate = loadClientCertificate(*certificatePem, *keyPem, error);
        if (!credential.clientCertificate)
            return std::nullopt;
    }
    m_fileStamps = stamps;
    return credential;
}

void CredentialProvider::obtain(QObject *context, Callback callback)
{
    if (!m_configError.isEmpty()) {
        deliverLater(context, std::move(callback), m_configError);
        return;
    }
    if (!m_user.exec || hasStaticCredential()) {
        // Files are re-read when they change, rather than every minute as client-go's cachingTokenSource does.
        if (!m_cached || staticFilesChanged()) {
            QString error;
            if (auto credential = readStaticCredential(&error)) {
                m_cached = std::move(credential);
                ++m_generation;
            } else if (!m_cached) {
                deliverLater(context, std::move(callback), error);
                return;
            }
            // Otherwise the last good credential stays in use while a replacement is being written, as
            // cachingTokenSource keeps its token when a re-read fails; the stamps stay old, so it is retried.
        }
        callback(m_cached, {});
        return;
    }
    if (m_cached && !isExpired(*m_cached)) {
        callback(m_cached, {});
        return;
    }
    if (!m_process && !m_execFailure.isEmpty() && !m_execRetryAt.hasExpired()) {
        deliverLater(context, std::move(callback), m_execFailure);
        return;
    }
    m_waiters.append(Waiter {context, context != nullptr, std::move(callback)});
    if (!m_process)
        runExec();
}

void CredentialProvider::invalidate(quint64 rejectedGeneration)
{
    if (rejectedGeneration == m_generation)
        invalidate();
}

void CredentialProvider::invalidate()
{
    // A plugin already running keeps going: what it returns is newer than the credential that got the 401.
    m_cached.reset();
    m_fileStamps.clear();
}

void CredentialProvider::deliverLater(QObject *context, Callback callback, const QString &error)
{
    QMetaObject::invokeMethod(
        this,
        [guard = QPointer<QObject>(context), guarded = context != nullptr, callback = std::move(callback), error] {
            if (!guarded || guard)
                callback(std::nullopt, error);
        },
        Qt::QueuedConnection);
}

// exec.go refreshCredsLocked, with the cluster from rest/exec.go ConfigToExecCluster.
void CredentialProvider::runExec()
{
    const ExecConfig &exec = *m_user.exec;
    m_process = new QProcess(this);
    m_execStderr.clear();
    wipeAndClear(m_execStdout);

    QString error;
    QJsonObject spec {{u"interactive"_s, false}};
    if (exec.provideClusterInfo) {
        QByteArray authority = m_cluster.certificateAuthorityData;
        if (authority.isEmpty() && !m_cluster.certificateAuthority.isEmpty()) {
            QString reason;
            const auto data = readReferencedFile(m_cluster.certificateAuthority, &reason);
            if (data)
                authority = *data;
            else
                error = u"failed to load CA bundle for execProvider: "_s + reason;
        }
        QJsonObject cluster {{u"server"_s, m_cluster.server}};
        if (!m_cluster.tlsServerName.isEmpty())
            cluster.insert(u"tls-server-name"_s, m_cluster.tlsServerName);
        if (m_cluster.insecureSkipTlsVerify)
            cluster.insert(u"insecure-skip-tls-verify"_s, true);
        if (!authority.isEmpty())
            cluster.insert(u"certificate-authority-data"_s, QString::fromLatin1(authority.toBase64()));
        if (!m_cluster.proxyUrl.isEmpty())
            cluster.insert(u"proxy-url"_s, m_cluster.proxyUrl);
        if (m_cluster.disableCompression)
            cluster.insert(u"disable-compression"_s, true);
        // A RawExtension without data marshals as null in Go; omitempty does not drop it.
        cluster.insert(u"config"_s,
                       m_cluster.execExtension.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                         : QJsonValue(m_cluster.execExtension));
        spec.insert(u"cluster"_s, cluster);
    }
    // A command without a slash is looked for; with one, it is the file.
    QString program = exec.command;
    if (!exec.command.contains(u'/') && error.isEmpty()) {
        const PluginSearch::Result found = PluginSearch::instance()->find(exec.command);
        program = found.program;
        error = found.error;
    }
    if (error.isEmpty() && effectiveInteractiveMode(exec) == "Always"_L1)
        error = u"exec plugin cannot support interactive mode: standard input is not a terminal"_s;
    if (error.isEmpty() && program.isEmpty()) {
        // Not on the process' PATH: the login shell's (read once per run, in the background) and the user's
        // folders may have it. The timer does not run meanwhile: the login shell has a timeout of its own.
        QPointer<QProcess> process = m_process;
        PluginSearch::instance()->prepare(m_process, [this, process, spec] {
            if (!process || process != m_process)
                return; // abandoned meanwhile
            const PluginSearch::Result found = PluginSearch::instance()->find(m_user.exec->command);
            if (!found.error.isEmpty() || found.program.isEmpty()) {
                finishExec(std::nullopt,
                           found.error.isEmpty() ? notFoundMessage(*m_user.exec, found.searched) : found.error);
                return;
            }
            startExec(found.program, spec);
        });
        return;
    }
    if (error.isEmpty() && !QFileInfo::exists(program))
        error = notFoundMessage(exec);
    if (!error.isEmpty()) {
        // Problems found before the start reach the waiters from the event loop, as a plugin's result does.
        QMetaObject::invokeMethod(
            this, [this, error] { finishExec(std::nullopt, error); }, Qt::QueuedConnection);
        return;
    }
    startExec(program, spec);
}

void CredentialProvider::startExec(const QString &program, const QJsonObject &spec)
{
    const ExecConfig &exec = *m_user.exec;
    const QJsonObject info {{u"kind"_s, u"ExecCredential"_s}, {u"apiVersion"_s, exec.apiVersion}, {u"spec"_s, spec}};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const ExecEnvVar &variable : exec.env)
        environment.insert(variable.name, variable.value);
    environment.insert(u"KUBERNETES_EXEC_INFO"_s,
                       QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
    m_process->setProcessEnvironment(environment);
    m_process->setProgram(program);
    m_process->setArguments(exec.args);
    // Not interactive: the GUI has no terminal to lend, so the plugin reads end-of-file.
    m_process->setStandardInputFile(QProcess::nullDevice());
    // A group of its own, so that a timeout also stops what the plugin started (aws, gcloud and az run helpers); and
    // it ends if we do.
    endWithThisProcessInOwnGroup(*m_process);
    QProcess *process = m_process;
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        m_execStderr += process->readAllStandardError();
        if (m_execStderr.size() > kStderrKeptWhileRunning)
            m_execStderr = m_execStderr.right(kStderrKeptWhileRunning);
    });
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        // Read as it comes, so that a runaway plugin is stopped at the limit rather than buffered whole.
        QByteArray chunk = process->readAllStandardOutput();
        appendWiping(m_execStdout, chunk);
        wipeAndClear(chunk);
        if (m_execStdout.size() > kMaxExecStdout) {
            const QString command = m_user.exec->command;
            abandonProcess();
            wipeAndClear(m_execStdout);
            finishExec(std::nullopt,
                       u"exec: executable %1 wrote more than %2 MiB to its standard output, far more than a "
                       "credential; it was stopped"_s.arg(command)
                           .arg(kMaxExecStdout / (1024 * 1024)));
        }
    });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        onExecFinished(status == QProcess::NormalExit ? exitCode : -1, process);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError processError) {
        if (processError != QProcess::FailedToStart)
            return; // finished() follows the others
        QMetaObject::invokeMethod(
            this,
            [this,
             message = u"exec: executable %1 could not be started: %2"_s.arg(
                 m_user.exec->command, process->errorString())] { finishExec(std::nullopt, message); },
            Qt::QueuedConnection);
    });
    if (m_execTimeoutMs > 0)
        m_execTimer->start(m_execTimeoutMs);
    process->start();
}

void CredentialProvider::onExecFinished(int exitCode, QProcess *process)
{
    m_execStderr += process->readAllStandardError();
    if (exitCode != 0) {
        // Go reports -1 for a plugin killed by a signal, as exitCode here.
        QString message = u"exec: executable %1 failed with exit code %2"_s.arg(m_user.exec->command).arg(exitCode);
        QString diagnostics = printableDiagnostics(m_execStderr).trimmed();
        if (diagnostics.size() > kStderrShownInError)
            diagnostics = u"…"_s + diagnostics.right(kStderrShownInError);
        if (!diagnostics.isEmpty())
            message += u'\n' + diagnostics;
        finishExec(std::nullopt, message);
        return;
    }
    QString error;
    QByteArray rest = process->readAllStandardOutput();
    appendWiping(m_execStdout, rest);
    wipeAndClear(rest);
    const auto credential = parseExecOutput(m_execStdout, m_user.exec->apiVersion, &error);
    wipeAndClear(m_execStdout); // it held the token
    finishExec(credential, error);
}

std::optional<Credential> CredentialProvider::parseExecOutput(const QByteArray &stdoutData, const QString &configured,
                                                              QString *error)
{
    // The errors follow exec.go refreshCredsLocked. Decoding errors never quote the output: it holds secrets.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stdoutData, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString why = parseError.error != QJsonParseError::NoError
            ? u"%1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset)
            : u"the output is not a JSON object"_s;
        *error = u"decoding stdout: couldn't get version/kind; json parse error: "_s + why;
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const QString kind = object.value(u"kind"_s).toString();
    const QString apiVersion = object.value(u"apiVersion"_s).toString();
    if (kind.isEmpty()) {
        *error = u"decoding stdout: Object 'Kind' is missing"_s;
        return std::nullopt;
    }
    if (apiVersion.isEmpty()) {
        *error = u"decoding stdout: Object 'apiVersion' is missing"_s;
        return std::nullopt;
    }
    if (kind != "ExecCredential"_L1 || (apiVersion != kExecV1 && apiVersion != kExecV1beta1)) {
        *error = u"decoding stdout: no kind \"%1\" is registered for version \"%2\""_s.arg(kind, apiVersion);
        return std::nullopt;
    }
    if (apiVersion != configured) {
        *error = u"exec plugin is configured to use API version %1, plugin returned version %2"_s.arg(configured,
                                                                                                      apiVersion);
        return std::nullopt;
    }
    const QJsonValue statusValue = object.value(u"status"_s);
    if (statusValue.isUndefined() || statusValue.isNull()) {
        *error = u"exec plugin didn't return a status field"_s;
        return std::nullopt;
    }
    if (!statusValue.isObject()) {
        *error = u"decoding stdout: status is not an object"_s;
        return std::nullopt;
    }
    const QJsonObject status = statusValue.toObject();
    const auto token = stringField(status, u"token"_s, error);
    const auto certificatePem = stringField(status, u"clientCertificateData"_s, error);
    const auto keyPem = stringField(status, u"clientKeyData"_s, error);
    const auto expiration = stringField(status, u"expirationTimestamp"_s, error);
    if (!token || !certificatePem || !keyPem || !expiration)
        return std::nullopt;

    Credential credential;
    if (!expiration->isEmpty()) {
        static const QRegularExpression rfc3339(
            u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"_s,
            QRegularExpression::CaseInsensitiveOption);
        if (rfc3339.match(*expiration).hasMatch())
            credential.expiry = QDateTime::fromString(expiration->toUpper(), Qt::ISODateWithMs).toUTC();
        if (!credential.expiry.isValid()) {
            *error = u"decoding stdout: status.expirationTimestamp \"%1\" is not an RFC 3339 time"_s.arg(*expiration);
            return std::nullopt;
        }
    }
    if (token->isEmpty() && certificatePem->isEmpty() && keyPem->isEmpty()) {
        *error = u"exec plugin didn't return a token or cert/key pair"_s;
        return std::nullopt;
    }
    if (certificatePem->isEmpty() != keyPem->isEmpty()) {
        *error = u"exec plugin returned only certificate or key, not both"_s;
        return std::nullopt;
    }
    if (!token->isEmpty())
        credential.authorization = "Bearer " + token->toUtf8();
    if (!certificatePem->isEmpty()) {
        QString why;
        credential.clientCertificate = loadClientCertificate(certificatePem->toUtf8(), keyPem->toUtf8(), &why);
        if (!credential.clientCertificate) {
            *error = u"failed parsing client key/certificate: "_s + why;
            return std::nullopt;
        }
    }
    return credential;
}

void CredentialProvider::abandonProcess()
{
    m_execTimer->stop();
    QProcess *process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Reaped once it has died, which may be after this provider is gone.
    process->setParent(nullptr);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    killGroup(*process);
}

void CredentialProvider::finishExec(const std::optional<Credential> &credential, const QString &error)
{
    if (m_process) {
        m_execTimer->stop();
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (credential) {
        m_cached = credential;
        ++m_generation;
        m_execFailure.clear();
        m_execFailures = 0;
    } else {
        // Kept for a backoff: requests meanwhile fail with this error rather than each run the plugin.
        m_execFailure = error;
        const int backoff = m_failureBackoffMs << std::min(m_execFailures, 16);
        m_execRetryAt.setRemainingTime(std::min(backoff, m_maxFailureBackoffMs));
        ++m_execFailures;
    }
    // Taken first: a callback may call obtain() again, or destroy this provider.
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.guarded || waiter.context)
            waiter.callback(credential, error);
    }
}

} // namespace sa
