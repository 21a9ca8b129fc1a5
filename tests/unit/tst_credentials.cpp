#include "auth/Credentials.h"
#include "auth/PluginSearch.h"

#include "ScopedEnv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <csignal>
#include <memory>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace {

using PKeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

const auto kExecV1 = u"client.authentication.k8s.io/v1"_s;
const auto kExecV1beta1 = u"client.authentication.k8s.io/v1beta1"_s;
const auto kInstallHint = u"Install it with: brew install example-login"_s;

// The exec plugin the tests run, written out at run time (see initTestCase).
const char kFakePlugin[] =
    "#!/bin/sh\n"
    "# A stand-in exec credential plugin. It records how it was run in $SA_TEST_STATE and answers with what the\n"
    "# test left there: stdout, stderr, exit (the code) and delay (seconds to sleep first).\n"
    "state=${SA_TEST_STATE:?}\n"
    "echo $$ > \"$state/pid\"\n"
    "runs=$(cat \"$state/runs\" 2>/dev/null || echo 0)\n"
    "echo $((runs + 1)) > \"$state/runs\"\n"
    "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$state/exec-info.json\"\n"
    "printf '%s\\n' \"$@\" > \"$state/args\"\n"
    "printf '%s' \"$SA_TEST_EXTRA\" > \"$state/extra-env\"\n"
    "if IFS= read -r line; then echo \"open: $line\" > \"$state/stdin\"; else echo closed > \"$state/stdin\"; fi\n"
    "if [ -f \"$state/delay\" ]; then sleep \"$(cat \"$state/delay\")\"; fi\n"
    "if [ -f \"$state/stderr\" ]; then cat \"$state/stderr\" >&2; fi\n"
    "if [ -f \"$state/stdout\" ]; then cat \"$state/stdout\"; fi\n"
    "exit \"$(cat \"$state/exit\" 2>/dev/null || echo 0)\"\n";

QByteArray takeBio(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 && data ? QByteArray(data, size) : QByteArray();
}

PKeyPtr generateKey(bool ec)
{
    EVP_PKEY *key = ec ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                       : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
    return PKeyPtr(key, &EVP_PKEY_free);
}

// A self-signed certificate for `key`, PEM; empty when OpenSSL fails.
QByteArray selfSignedCertificate(EVP_PKEY *key, const char *commonName)
{
    X509Ptr certificate(X509_new(), &X509_free);
    BioPtr output(BIO_new(BIO_s_mem()), &BIO_free);
    if (!certificate || !output)
        return {};
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const bool ok = X509_set_version(certificate.get(), 2) == 1
        && ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1) == 1
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) != nullptr
        && X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 86400) != nullptr
        && X509_set_pubkey(certificate.get(), key) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1,
                                      -1, 0)
            == 1
        && X509_set_issuer_name(certificate.get(), name) == 1 && X509_sign(certificate.get(), key, EVP_sha256()) > 0
        && PEM_write_bio_X509(output.get(), certificate.get()) == 1;
    return ok ? takeBio(output.get()) : QByteArray();
}

enum class KeyForm { Traditional, Pkcs8, EncryptedPkcs8 };

QByteArray privateKeyPem(EVP_PKEY *key, KeyForm form)
{
    BioPtr output(BIO_new(BIO_s_mem()), &BIO_free);
    if (!output)
        return {};
    static char passphrase[] = "secret";
    int written = 0;
    switch (form) {
    case KeyForm::Traditional:
        written = PEM_write_bio_PrivateKey_traditional(output.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyForm::Pkcs8:
        written = PEM_write_bio_PKCS8PrivateKey(output.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyForm::EncryptedPkcs8:
        written = PEM_write_bio_PKCS8PrivateKey(output.get(), key, EVP_aes_256_cbc(), nullptr, 0, nullptr, passphrase);
        break;
    }
    return written == 1 ? takeBio(output.get()) : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data, const QDateTime &modified = {})
{
    QFile file(path);
    // Flushed first: writing after setFileTime() would move the modification time again.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size() || !file.flush())
        return false;
    return !modified.isValid() || file.setFileTime(modified, QFileDevice::FileModificationTime);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray execCredentialJson(const QString &apiVersion, const QJsonObject &status)
{
    return compactJson(
        QJsonObject {{u"apiVersion"_s, apiVersion}, {u"kind"_s, u"ExecCredential"_s}, {u"status"_s, status}});
}

struct Outcome
{
    int calls = 0;
    bool synchronous = false;
    std::optional<sa::Credential> credential;
    QString error;
};

std::shared_ptr<Outcome> startObtain(sa::CredentialProvider &provider, QObject *context)
{
    auto outcome = std::make_shared<Outcome>();
    auto inside = std::make_shared<bool>(true);
    provider.obtain(context, [outcome, inside](const std::optional<sa::Credential> &credential, const QString &error) {
        ++outcome->calls;
        outcome->synchronous = *inside;
        outcome->credential = credential;
        outcome->error = error;
    });
    *inside = false;
    return outcome;
}

bool waitFor(const Outcome &outcome, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&outcome] { return outcome.calls > 0; }, timeoutMs);
}

} // namespace

class CredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void loadClientCertificate_data();
    void loadClientCertificate();
    void loadClientCertificateChain();

    void tlsSettings_data();
    void tlsSettings();

    void staticCredentials_data();
    void staticCredentials();
    void tokenFileChangesArePickedUp();

    void execToken_data();
    void execToken();
    void execClientCertificate();
    void execCommandOnPath();
    void execCommandRelativeToCurrentDirectoryRefused();
    void execCommandOnLoginShellPath();
    void hangingLoginShellIsKilled();
    void execCommandInExtraDirectories();
    void execErrors_data();
    void execErrors();
    void execCaching_data();
    void execCaching();
    void execInvalidate();
    void execConcurrentObtainsShareOneRun();
    void execFailureKeptForTheBackoff();
    void staleRejectionRefreshesOnce();
    void execTimeoutKillsPlugin();
    void destroyingProviderStopsPlugin();

    void authProviders_data();
    void authProviders();

private:
    QString expand(QString text) const;
    QString newStateDir();
    sa::AuthInfo execUser(const QString &stateDir) const;

    QTemporaryDir m_dir;
    QString m_plugin;
    QHash<QString, QByteArray> m_pem;
    int m_stateDirs = 0;
};

void CredentialsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QSslSocket::supportsSsl(), "the tests need Qt's OpenSSL backend");

    const PKeyPtr rsa = generateKey(false);
    const PKeyPtr rsa2 = generateKey(false);
    const PKeyPtr ec = generateKey(true);
    const PKeyPtr ec2 = generateKey(true);
    QVERIFY(rsa && rsa2 && ec && ec2);
    m_pem = {
        {u"rsa-cert"_s, selfSignedCertificate(rsa.get(), "rsa-client")},
        {u"rsa2-cert"_s, selfSignedCertificate(rsa2.get(), "rsa-intermediate")},
        {u"ec-cert"_s, selfSignedCertificate(ec.get(), "ec-client")},
        {u"rsa-pkcs1"_s, privateKeyPem(rsa.get(), KeyForm::Traditional)},
        {u"rsa-pkcs8"_s, privateKeyPem(rsa.get(), KeyForm::Pkcs8)},
        {u"rsa-encrypted"_s, privateKeyPem(rsa.get(), KeyForm::EncryptedPkcs8)},
        {u"rsa2-pkcs1"_s, privateKeyPem(rsa2.get(), KeyForm::Traditional)},
        {u"ec-sec1"_s, privateKeyPem(ec.get(), KeyForm::Traditional)},
        {u"ec-pkcs8"_s, privateKeyPem(ec.get(), KeyForm::Pkcs8)},
        {u"ec2-sec1"_s, privateKeyPem(ec2.get(), KeyForm::Traditional)},
        {u"garbage"_s, "this is not a key"},
        {u"pem-without-certificate"_s, "-----BEGIN NOTHING-----\nAAAA\n-----END NOTHING-----\n"},
        {u"none"_s, {}},
    };
    for (auto it = m_pem.cbegin(); it != m_pem.cend(); ++it)
        QVERIFY2(!it.value().isEmpty() || it.key() == "none"_L1, qPrintable(it.key()));
    // The forms the rows claim to cover.
    QVERIFY(m_pem[u"rsa-pkcs1"_s].startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    QVERIFY(m_pem[u"rsa-pkcs8"_s].startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(m_pem[u"rsa-encrypted"_s].startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QVERIFY(m_pem[u"ec-sec1"_s].startsWith("-----BEGIN EC PRIVATE KEY-----"));
    QVERIFY(m_pem[u"ec-pkcs8"_s].startsWith("-----BEGIN PRIVATE KEY-----"));

    const QDir dir(m_dir.path());
    QVERIFY(writeFile(dir.filePath(u"ca.pem"_s), m_pem[u"ec-cert"_s] + m_pem[u"rsa-cert"_s]));
    QVERIFY(writeFile(dir.filePath(u"token.txt"_s), " \tfile-token\n\n"));
    QVERIFY(writeFile(dir.filePath(u"empty-token.txt"_s), " \n"));
    QVERIFY(writeFile(dir.filePath(u"client.crt"_s), m_pem[u"rsa-cert"_s]));
    QVERIFY(writeFile(dir.filePath(u"client.key"_s), m_pem[u"rsa-pkcs8"_s]));

    QVERIFY(dir.mkpath(u"bin"_s));
    m_plugin = dir.filePath(u"bin/fake-plugin.sh"_s);
    QVERIFY(writeFile(m_plugin, kFakePlugin));
    QVERIFY(QFile::setPermissions(m_plugin, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    // The user's own login shell is not run: the tests that need one give it a fake.
    sa::PluginSearch::instance()->setUseLoginShell(false);
}

QString CredentialsTest::expand(QString text) const
{
    return text.replace(u"%PLUGIN%"_s, m_plugin).replace(u"%DIR%"_s, m_dir.path());
}

QString CredentialsTest::newStateDir()
{
    const QString path = m_dir.filePath(u"state-%1"_s.arg(++m_stateDirs));
    return QDir().mkpath(path) ? path : QString();
}

sa::AuthInfo CredentialsTest::execUser(const QString &stateDir) const
{
    sa::AuthInfo user;
    user.name = u"test-user"_s;
    sa::ExecConfig exec;
    exec.apiVersion = kExecV1;
    exec.command = m_plugin;
    exec.args = {u"--flag"_s, u"two words"_s};
    exec.env = {{u"SA_TEST_STATE"_s, stateDir}, {u"SA_TEST_EXTRA"_s, u"hello world"_s}};
    exec.installHint = kInstallHint;
    exec.interactiveMode = u"IfAvailable"_s;
    user.exec = exec;
    return user;
}

void CredentialsTest::loadClientCertificate_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QString>("error");

    QTest::newRow("rsa pkcs1") << u"rsa-cert"_s << u"rsa-pkcs1"_s << int(QSsl::Rsa) << QString();
    QTest::newRow("rsa pkcs8") << u"rsa-cert"_s << u"rsa-pkcs8"_s << int(QSsl::Rsa) << QString();
    QTest::newRow("ec sec1") << u"ec-cert"_s << u"ec-sec1"_s << int(QSsl::Ec) << QString();
    QTest::newRow("ec pkcs8") << u"ec-cert"_s << u"ec-pkcs8"_s << int(QSsl::Ec) << QString();

    const QString mismatch = u"the client key does not match the client certificate"_s;
    QTest::newRow("another rsa key") << u"rsa-cert"_s << u"rsa2-pkcs1"_s << -1 << mismatch;
    QTest::newRow("another ec key") << u"ec-cert"_s << u"ec2-sec1"_s << -1 << mismatch;
    QTest::newRow("ec key for rsa certificate") << u"rsa-cert"_s << u"ec-pkcs8"_s << -1 << mismatch;
    QTest::newRow("rsa key for ec certificate") << u"ec-cert"_s << u"rsa-pkcs1"_s << -1 << mismatch;
    QTest::newRow("encrypted key") << u"rsa-cert"_s << u"rsa-encrypted"_s << -1
                                   << u"cannot read the client key: it is encrypted with a passphrase; use an "
                                      "unencrypted key"_s;
    QTest::newRow("key not pem") << u"rsa-cert"_s << u"garbage"_s << -1
                                 << u"cannot read the client key: it holds no PEM private key"_s;
    QTest::newRow("no key") << u"rsa-cert"_s << u"none"_s << -1
                            << u"cannot read the client key: it holds no PEM private key"_s;
    QTest::newRow("certificate not pem") << u"garbage"_s << u"rsa-pkcs1"_s << -1
                                         << u"cannot read the client certificate: it holds no PEM certificate"_s;
    QTest::newRow("key given as certificate") << u"rsa-pkcs1"_s << u"rsa-pkcs1"_s << -1
                                              << u"cannot read the client certificate: it holds no PEM certificate"_s;
}

void CredentialsTest::loadClientCertificate()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(int, algorithm);
    QFETCH(QString, error);

    QString actualError;
    const auto loaded = sa::loadClientCertificate(m_pem.value(certificate), m_pem.value(key), &actualError);
    QCOMPARE(actualError, error);
    QCOMPARE(loaded.has_value(), error.isEmpty());
    if (!loaded)
        return;
    QCOMPARE(loaded->certificate, QSslCertificate(m_pem.value(certificate), QSsl::Pem));
    QVERIFY(loaded->chain.isEmpty());
    QVERIFY(!loaded->key.isNull());
    QCOMPARE(int(loaded->key.algorithm()), algorithm);
    QCOMPARE(loaded->key.type(), QSsl::PrivateKey);
    QCOMPARE(loaded->key.length(), algorithm == QSsl::Rsa ? 2048 : 256);
}

void CredentialsTest::loadClientCertificateChain()
{
    QString error;
    const auto loaded =
        sa::loadClientCertificate(m_pem[u"rsa-cert"_s] + m_pem[u"rsa2-cert"_s], m_pem[u"rsa-pkcs1"_s], &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->certificate, QSslCertificate(m_pem[u"rsa-cert"_s], QSsl::Pem));
    QCOMPARE(loaded->chain, QSslCertificate::fromData(m_pem[u"rsa2-cert"_s], QSsl::Pem));
}

void CredentialsTest::tlsSettings_data()
{
    QTest::addColumn<QString>("caData");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("caCount"); // -1: the system store

    const QString insecureError = u"specifying a root certificates file with the insecure flag is not allowed"_s;
    QTest::newRow("system store") << QString() << QString() << false << QString() << QString() << -1;
    QTest::newRow("ca data") << u"rsa-cert"_s << QString() << false << QString() << QString() << 1;
    QTest::newRow("ca file") << QString() << u"ca.pem"_s << false << QString() << QString() << 2;
    QTest::newRow("missing ca file") << QString() << u"missing.pem"_s << false << QString()
                                     << u"unable to read certificate-authority %DIR%/missing.pem for test-cluster "
                                        "due to open %DIR%/missing.pem: no such file or directory"_s
                                     << 0;
    QTest::newRow("ca data and file") << u"rsa-cert"_s << u"ca.pem"_s << false << QString()
                                      << u"certificate-authority-data and certificate-authority are both specified "
                                         "for test-cluster. certificate-authority-data will override."_s
                                      << 0;
    QTest::newRow("insecure") << QString() << QString() << true << QString() << QString() << -1;
    QTest::newRow("insecure with ca data") << u"rsa-cert"_s << QString() << true << QString() << insecureError << 0;
    QTest::newRow("insecure with ca file") << QString() << u"ca.pem"_s << true << QString() << insecureError << 0;
    QTest::newRow("tls server name") << u"ec-cert"_s << QString() << false << u"api.internal"_s << QString() << 1;
    QTest::newRow("ca data not pem") << u"garbage"_s << QString() << false << QString()
                                     << u"unable to load root certificates: unable to parse bytes as PEM block"_s << 0;
    QTest::newRow("ca data without certificate")
        << u"pem-without-certificate"_s << QString() << false << QString()
        << u"unable to load root certificates: no valid certificate authority data seen"_s << 0;
}

void CredentialsTest::tlsSettings()
{
    QFETCH(QString, caData);
    QFETCH(QString, caFile);
    QFETCH(bool, insecure);
    QFETCH(QString, serverName);
    QFETCH(QString, error);
    QFETCH(int, caCount);

    sa::Cluster cluster;
    cluster.name = u"test-cluster"_s;
    cluster.server = u"https://127.0.0.1:6443"_s;
    cluster.certificateAuthorityData = m_pem.value(caData);
    cluster.certificateAuthority = caFile.isEmpty() ? QString() : m_dir.filePath(caFile);
    cluster.insecureSkipTlsVerify = insecure;
    cluster.tlsServerName = serverName;

    QString actualError;
    const auto settings = sa::tlsSettings(cluster, &actualError);
    QCOMPARE(actualError, expand(error));
    QCOMPARE(settings.has_value(), error.isEmpty());
    if (!settings)
        return;
    QCOMPARE(settings->configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(settings->peerVerifyName, serverName);
    if (caCount < 0)
        QCOMPARE(settings->configuration.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
    else
        QCOMPARE(settings->configuration.caCertificates().size(), caCount);
    if (insecure) {
        QCOMPARE(settings->configuration.peerVerifyMode(), QSslSocket::VerifyNone);
        QCOMPARE(settings->warning,
                 u"TLS verification is off for cluster test-cluster (insecure-skip-tls-verify): the server's identity "
                 "is not checked, so anyone on the network path could read or change this traffic, credentials "
                 "included."_s);
    } else {
        QCOMPARE(settings->configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(settings->warning.isEmpty());
    }
}

void CredentialsTest::staticCredentials_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("tokenFile");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("certificateData");
    QTest::addColumn<QString>("certificateFile");
    QTest::addColumn<QString>("keyData");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<bool>("withExec");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<bool>("hasCertificate");
    QTest::addColumn<QString>("error");

    const QString none;
    QTest::newRow("token") << u"abc"_s << none << none << none << none << none << none << none << false
                           << QByteArray("Bearer abc") << false << none;
    QTest::newRow("token file, trimmed") << none << u"token.txt"_s << none << none << none << none << none << none
                                         << false << QByteArray("Bearer file-token") << false << none;
    QTest::newRow("token wins over token file") << u"abc"_s << u"token.txt"_s << none << none << none << none << none
                                                << none << false << QByteArray("Bearer abc") << false << none;
    QTest::newRow("missing token file")
        << none << u"nope.txt"_s << none << none << none << none << none << none << false << QByteArray() << false
        << u"failed to read token file \"%DIR%/nope.txt\": open %DIR%/nope.txt: no such file or directory"_s;
    QTest::newRow("empty token file") << none << u"empty-token.txt"_s << none << none << none << none << none << none
                                      << false << QByteArray() << false
                                      << u"read empty token from file \"%DIR%/empty-token.txt\""_s;
    QTest::newRow("basic auth") << none << none << u"admin"_s << u"p@ss:wörd"_s << none << none << none << none << false
                                << QByteArray("Basic " + QByteArray("admin:p@ss:w\xc3\xb6rd").toBase64()) << false
                                << none;
    QTest::newRow("token and basic auth")
        << u"abc"_s << none << u"admin"_s << u"secret"_s << none << none << none << none << false << QByteArray()
        << false
        << u"more than one authentication method found for test-user; found [token basicAuth], only one is "
           "allowed"_s;
    QTest::newRow("token file and basic auth")
        << none << u"token.txt"_s << u"admin"_s << u"secret"_s << none << none << none << none << false << QByteArray()
        << false << u"username/password or bearer token may be set, but not both"_s;
    QTest::newRow("password without username") << none << none << none << u"secret"_s << none << none << none << none
                                               << false << QByteArray() << false << none;
    QTest::newRow("anonymous") << none << none << none << none << none << none << none << none << false << QByteArray()
                               << false << none;
    QTest::newRow("client certificate data") << none << none << none << none << u"rsa-cert"_s << none << u"rsa-pkcs1"_s
                                             << none << false << QByteArray() << true << none;
    QTest::newRow("client certificate files") << none << none << none << none << none << u"client.crt"_s << none
                                              << u"client.key"_s << false << QByteArray() << true << none;
    QTest::newRow("token and client certificate")
        << u"abc"_s << none << none << none << u"ec-cert"_s << none << u"ec-sec1"_s << none << false
        << QByteArray("Bearer abc") << true << none;
    QTest::newRow("certificate without key")
        << none << none << none << none << u"rsa-cert"_s << none << none << none << false << QByteArray() << false
        << u"client-key-data or client-key must be specified for test-user to use the clientCert authentication "
           "method."_s;
    QTest::newRow("certificate data and file")
        << none << none << none << none << u"rsa-cert"_s << u"client.crt"_s << u"rsa-pkcs1"_s << none << false
        << QByteArray() << false
        << u"client-cert-data and client-cert are both specified for test-user. client-cert-data will override."_s;
    QTest::newRow("missing certificate file")
        << none << none << none << none << none << u"nope.crt"_s << none << u"client.key"_s << false << QByteArray()
        << false
        << u"unable to read client-cert %DIR%/nope.crt for test-user due to open %DIR%/nope.crt: no such file or "
           "directory"_s;
    QTest::newRow("mismatched key") << none << none << none << none << u"rsa-cert"_s << none << u"rsa2-pkcs1"_s << none
                                    << false << QByteArray() << false
                                    << u"the client key does not match the client certificate"_s;
    // client-go skips the plugin when the user already authenticates (exec.go UpdateTransportConfig).
    QTest::newRow("token skips exec plugin") << u"abc"_s << none << none << none << none << none << none << none << true
                                             << QByteArray("Bearer abc") << false << none;
    QTest::newRow("certificate skips exec plugin") << none << none << none << none << u"ec-cert"_s << none
                                                   << u"ec-pkcs8"_s << none << true << QByteArray() << true << none;
}

void CredentialsTest::staticCredentials()
{
    QFETCH(QString, token);
    QFETCH(QString, tokenFile);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, certificateData);
    QFETCH(QString, certificateFile);
    QFETCH(QString, keyData);
    QFETCH(QString, keyFile);
    QFETCH(bool, withExec);
    QFETCH(QByteArray, authorization);
    QFETCH(bool, hasCertificate);
    QFETCH(QString, error);

    const QString state = newStateDir();
    sa::AuthInfo user = withExec ? execUser(state) : sa::AuthInfo();
    user.name = u"test-user"_s;
    user.token = token;
    user.tokenFile = tokenFile.isEmpty() ? QString() : m_dir.filePath(tokenFile);
    user.username = username;
    user.password = password;
    user.clientCertificateData = m_pem.value(certificateData);
    user.clientCertificate = certificateFile.isEmpty() ? QString() : m_dir.filePath(certificateFile);
    user.clientKeyData = m_pem.value(keyData);
    user.clientKey = keyFile.isEmpty() ? QString() : m_dir.filePath(keyFile);
    sa::CredentialProvider provider(user, sa::Cluster());

    QObject context;
    const auto outcome = startObtain(provider, &context);
    // A credential at hand is given at once; errors arrive from the event loop like every other result.
    QCOMPARE(outcome->synchronous, error.isEmpty());
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, expand(error));
    QCOMPARE(outcome->credential.has_value(), error.isEmpty());
    if (!outcome->credential)
        return;
    QCOMPARE(outcome->credential->authorization, authorization);
    QCOMPARE(outcome->credential->clientCertificate.has_value(), hasCertificate);
    QVERIFY(!outcome->credential->expiry.isValid());
    QVERIFY(!QFile::exists(state + u"/runs"_s));
}

void CredentialsTest::tokenFileChangesArePickedUp()
{
    const QString path = m_dir.filePath(u"rotating-token.txt"_s);
    const QDateTime first = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(writeFile(path, "one\n", first));
    sa::AuthInfo user;
    user.name = u"test-user"_s;
    user.tokenFile = path;
    sa::CredentialProvider provider(user, sa::Cluster());
    QObject context;

    auto outcome = startObtain(provider, &context);
    QVERIFY(outcome->synchronous);
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer one"));

    // Re-read when its modification time changes (kubelet rotates projected tokens by replacing the file).
    QVERIFY(writeFile(path, "two\n", first.addSecs(10)));
    outcome = startObtain(provider, &context);
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer two"));

    // Not re-read while the modification time and size stay the same.
    QVERIFY(writeFile(path, "six\n", first.addSecs(10)));
    outcome = startObtain(provider, &context);
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer two"));

    // While the file is briefly gone the last token stays in use, as client-go's cachingTokenSource keeps it...
    QVERIFY(QFile::remove(path));
    outcome = startObtain(provider, &context);
    QVERIFY(outcome->synchronous);
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer two"));

    // ...but after a 401 the file must be read again.
    provider.invalidate();
    outcome = startObtain(provider, &context);
    QVERIFY(!outcome->synchronous);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, u"failed to read token file \"%1\": open %1: no such file or directory"_s.arg(path));

    QVERIFY(writeFile(path, "three\n"));
    outcome = startObtain(provider, &context);
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer three"));
}

void CredentialsTest::execToken_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("interactiveMode");
    QTest::addColumn<bool>("provideClusterInfo");
    QTest::addColumn<bool>("fullCluster");

    QTest::newRow("v1 Never") << kExecV1 << u"Never"_s << false << true;
    QTest::newRow("v1 IfAvailable, cluster info") << kExecV1 << u"IfAvailable"_s << true << true;
    QTest::newRow("v1 cluster info, ca file, no extension") << kExecV1 << u"Never"_s << true << false;
    QTest::newRow("v1beta1 defaults to IfAvailable") << kExecV1beta1 << QString() << true << true;
}

void CredentialsTest::execToken()
{
    QFETCH(QString, apiVersion);
    QFETCH(QString, interactiveMode);
    QFETCH(bool, provideClusterInfo);
    QFETCH(bool, fullCluster);

    const QString state = newStateDir();
    QVERIFY(
        writeFile(state + u"/stdout"_s,
                  execCredentialJson(
                      apiVersion, {{u"token"_s, u"tok-1"_s}, {u"expirationTimestamp"_s, u"2099-01-01T00:00:00Z"_s}})));
    QVERIFY(writeFile(state + u"/stderr"_s, "a warning the plugin printed\n"));
    sa::AuthInfo user = execUser(state);
    user.exec->apiVersion = apiVersion;
    user.exec->interactiveMode = interactiveMode;
    user.exec->provideClusterInfo = provideClusterInfo;

    sa::Cluster cluster;
    cluster.name = u"test-cluster"_s;
    cluster.server = u"https://127.0.0.1:6443/k8s/clusters/c-1"_s;
    QJsonObject expectedCluster {{u"server"_s, cluster.server}};
    if (fullCluster) {
        cluster.certificateAuthorityData = m_pem[u"rsa-cert"_s];
        cluster.tlsServerName = u"api.internal"_s;
        cluster.proxyUrl = u"http://proxy.example:3128"_s;
        cluster.disableCompression = true;
        cluster.execExtension = {{u"audience"_s, u"my-aud"_s}};
        expectedCluster.insert(u"certificate-authority-data"_s, QString::fromLatin1(m_pem[u"rsa-cert"_s].toBase64()));
        expectedCluster.insert(u"tls-server-name"_s, u"api.internal"_s);
        expectedCluster.insert(u"proxy-url"_s, u"http://proxy.example:3128"_s);
        expectedCluster.insert(u"disable-compression"_s, true);
        expectedCluster.insert(u"config"_s, QJsonObject {{u"audience"_s, u"my-aud"_s}});
    } else {
        cluster.certificateAuthority = m_dir.filePath(u"ca.pem"_s);
        cluster.insecureSkipTlsVerify = true; // only reported to the plugin here; tlsSettings() rejects the pair
        expectedCluster.insert(u"certificate-authority-data"_s,
                               QString::fromLatin1(readFile(m_dir.filePath(u"ca.pem"_s)).toBase64()));
        expectedCluster.insert(u"insecure-skip-tls-verify"_s, true);
        expectedCluster.insert(u"config"_s, QJsonValue::Null);
    }
    QJsonObject expectedSpec {{u"interactive"_s, false}};
    if (provideClusterInfo)
        expectedSpec.insert(u"cluster"_s, expectedCluster);
    const QJsonObject expectedInfo {
        {u"apiVersion"_s, apiVersion}, {u"kind"_s, u"ExecCredential"_s}, {u"spec"_s, expectedSpec}};

    sa::CredentialProvider provider(user, cluster);
    QVERIFY(provider.usesExecPlugin());
    QObject context;
    const auto outcome = startObtain(provider, &context);
    QVERIFY(!outcome->synchronous);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, QString());
    QVERIFY(outcome->credential);
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer tok-1"));
    QCOMPARE(outcome->credential->expiry, QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(!outcome->credential->clientCertificate);

    QCOMPARE(compactJson(QJsonDocument::fromJson(readFile(state + u"/exec-info.json"_s)).object()),
             compactJson(expectedInfo));
    QCOMPARE(readFile(state + u"/args"_s), QByteArray("--flag\ntwo words\n"));
    QCOMPARE(readFile(state + u"/extra-env"_s), QByteArray("hello world"));
    QCOMPARE(readFile(state + u"/stdin"_s), QByteArray("closed\n"));
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("1\n"));
}

void CredentialsTest::execClientCertificate()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s,
                      execCredentialJson(kExecV1,
                                         {{u"clientCertificateData"_s, QString::fromLatin1(m_pem[u"ec-cert"_s])},
                                          {u"clientKeyData"_s, QString::fromLatin1(m_pem[u"ec-pkcs8"_s])}})));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());
    QObject context;
    const auto outcome = startObtain(provider, &context);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, QString());
    QVERIFY(outcome->credential);
    QVERIFY(outcome->credential->authorization.isEmpty());
    QVERIFY(!outcome->credential->expiry.isValid());
    QVERIFY(outcome->credential->clientCertificate);
    QCOMPARE(outcome->credential->clientCertificate->certificate, QSslCertificate(m_pem[u"ec-cert"_s], QSsl::Pem));
    QCOMPARE(outcome->credential->clientCertificate->key.algorithm(), QSsl::Ec);
}

void CredentialsTest::execCommandOnPath()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"from-path"_s}})));
    sa::AuthInfo user = execUser(state);
    user.exec->command = u"fake-plugin.sh"_s;

    const QByteArray originalPath = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(m_dir.filePath(u"bin"_s)) + ':' + originalPath);
    sa::CredentialProvider provider(user, sa::Cluster());
    QObject context;
    const auto outcome = startObtain(provider, &context);
    qputenv("PATH", originalPath);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, QString());
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer from-path"));
}

// Go refuses a command that PATH finds only through "." or an empty entry (exec.ErrDot): whatever directory the
// user started in must not decide which program gets the cluster's credentials.
void CredentialsTest::execCommandRelativeToCurrentDirectoryRefused()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"from-dot"_s}})));
    sa::AuthInfo user = execUser(state);
    user.exec->command = u"fake-plugin.sh"_s;

    const QString originalDirectory = QDir::currentPath();
    const QByteArray originalPath = qgetenv("PATH");
    QVERIFY(QDir::setCurrent(m_dir.filePath(u"bin"_s)));
    for (const QByteArray &path : QList<QByteArray> {".:"_ba + originalPath, originalPath + "::/nonexistent"_ba}) {
        qputenv("PATH", path);
        sa::CredentialProvider provider(user, sa::Cluster());
        QObject context;
        const auto outcome = startObtain(provider, &context);
        QVERIFY(waitFor(*outcome));
        QCOMPARE(outcome->error,
                 u"exec: exec: \"fake-plugin.sh\": cannot run executable found relative to current directory"_s);
        QVERIFY(!outcome->credential);
    }
    qputenv("PATH", originalPath);
    QVERIFY(QDir::setCurrent(originalDirectory));
    QVERIFY(!QFile::exists(state + u"/runs"_s));
}

namespace {

// A login shell as bash or zsh is one: chatter from the profile (as a motd does), then, with -l, a profile that adds a
// folder to PATH, then -c's command. It records its arguments, its pid and its standard input in STATE. With
// `hang`, its profile starts a child in its group and never finishes.
QByteArray fakeLoginShell(const QString &state, const QString &loginBin, bool hang)
{
    QByteArray script = "#!/bin/sh\n"
                        "echo $$ > '"_ba
        + QFile::encodeName(state)
        + "/shell-pid'\n"
          "printf '%s\\n' \"$@\" > '"_ba
        + QFile::encodeName(state)
        + "/shell-args'\n"
          "runs=$(cat '"_ba
        + QFile::encodeName(state)
        + "/shell-runs' 2>/dev/null || echo 0)\n"
          "echo $((runs + 1)) > '"_ba
        + QFile::encodeName(state)
        + "/shell-runs'\n"
          "echo 'Welcome! SA_ADMIN_PATH_0_BEGIN /not/this:/nor/this SA_ADMIN_PATH_0_END'\n"
          "if IFS= read -r line; then echo open; else echo closed; fi > '"_ba
        + QFile::encodeName(state) + "/shell-stdin'\n";
    if (hang) {
        script += "sleep 60 &\necho $! > '"_ba + QFile::encodeName(state) + "/shell-child'\nsleep 60\n";
    }
    script += "if [ \"$1\" = -l ]; then PATH='"_ba + QFile::encodeName(loginBin)
        + "':$PATH; export PATH; shift; fi\n"
          "[ \"$1\" = -c ] && exec /bin/sh -c \"$2\"\n"
          "exit 3\n";
    return script;
}

bool makeExecutable(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size()
        && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool processGone(pid_t pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) == 'Z';
}

} // namespace

// Started from the desktop, PATH is the session's: a plugin that only the login shell's PATH has (~/.local/bin,
// an SDK's bin) is still found, through the login shell run once with -l -c and its standard input at end of file;
// what its profile prints is ignored, even a fake answer.
void CredentialsTest::execCommandOnLoginShellPath()
{
    const QString state = newStateDir();
    const QString loginBin = m_dir.filePath(u"login-bin"_s);
    QVERIFY(QDir().mkpath(loginBin));
    QVERIFY(makeExecutable(loginBin + u"/sa-login-only-plugin"_s, readFile(m_plugin)));
    const QString shell = m_dir.filePath(u"login-shell.sh"_s);
    QVERIFY(makeExecutable(shell, fakeLoginShell(state, loginBin, false)));
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"from-login-path"_s}})));
    sa::AuthInfo user = execUser(state);
    user.exec->command = u"sa-login-only-plugin"_s;

    const ScopedEnv path("PATH", "/usr/bin:/bin"); // as a desktop session's
    const ScopedEnv shellVariable("SHELL", QFile::encodeName(shell));
    sa::PluginSearch *search = sa::PluginSearch::instance();
    search->forgetLoginShell();
    search->setUseLoginShell(true);
    const auto restore = qScopeGuard([search] {
        search->setUseLoginShell(false);
        search->forgetLoginShell();
    });
    {
        sa::CredentialProvider provider(user, sa::Cluster());
        QObject context;
        const auto outcome = startObtain(provider, &context);
        QVERIFY(waitFor(*outcome));
        QCOMPARE(outcome->error, QString());
        QVERIFY(outcome->credential);
        QCOMPARE(outcome->credential->authorization, QByteArray("Bearer from-login-path"));
    }
    QCOMPARE(readFile(state + u"/shell-args"_s).split('\n').mid(0, 2), (QList<QByteArray> {"-l", "-c"}));
    QCOMPARE(readFile(state + u"/shell-stdin"_s), QByteArray("closed\n"));
    QCOMPARE(search->loginShellPath().first(), loginBin);
    QVERIFY(!search->loginShellPath().contains(u"/not/this"_s));

    // Once per run: another context's plugin is found with what was read.
    sa::CredentialProvider second(user, sa::Cluster());
    QObject context;
    const auto outcome = startObtain(second, &context);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, QString());
    QCOMPARE(readFile(state + u"/shell-runs"_s), QByteArray("1\n"));
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("2\n"));

    // Off, it is not searched, and the message says so and where it did look.
    search->setUseLoginShell(false);
    sa::CredentialProvider third(user, sa::Cluster());
    const auto refused = startObtain(third, &context);
    QVERIFY(waitFor(*refused));
    QVERIFY2(refused->error.startsWith(u"exec: executable sa-login-only-plugin not found\n\nLooked for it in:\n"
                                       "  PATH: /usr/bin:/bin\n"
                                       "  the login shell's PATH: not used (turned off in the preferences)\n"_s),
             qPrintable(refused->error));
}

// A login shell whose profile hangs (a prompt for a passphrase, a dead network mount) is killed at the timeout with
// everything its profile started; the search goes on without it, so a plugin in the user's folders is found, and a
// missing one is said to be missing, with why the login shell's PATH is not in the list.
void CredentialsTest::hangingLoginShellIsKilled()
{
    const QString state = newStateDir();
    const QString extraBin = m_dir.filePath(u"extra-bin-hang"_s);
    QVERIFY(QDir().mkpath(extraBin));
    QVERIFY(makeExecutable(extraBin + u"/sa-extra-plugin"_s, readFile(m_plugin)));
    const QString shell = m_dir.filePath(u"hanging-shell.sh"_s);
    QVERIFY(makeExecutable(shell, fakeLoginShell(state, m_dir.filePath(u"login-bin"_s), true)));
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"after-timeout"_s}})));
    sa::AuthInfo user = execUser(state);
    user.exec->command = u"sa-extra-plugin"_s;

    const ScopedEnv path("PATH", "/usr/bin:/bin");
    const ScopedEnv shellVariable("SHELL", QFile::encodeName(shell));
    sa::PluginSearch *search = sa::PluginSearch::instance();
    search->forgetLoginShell();
    search->setUseLoginShell(true);
    search->setLoginShellTimeout(std::chrono::milliseconds(500));
    search->setExtraDirectories({extraBin});
    const auto restore = qScopeGuard([search] {
        search->setUseLoginShell(false);
        search->setExtraDirectories({});
        search->setLoginShellTimeout(sa::PluginSearch::kDefaultLoginShellTimeout);
        search->forgetLoginShell();
    });

    QObject context;
    QElapsedTimer elapsed;
    {
        // A plugin on PATH does not wait for the login shell, which is not even run for it.
        sa::AuthInfo onPath = user;
        const ScopedEnv longer("PATH", QFile::encodeName(m_dir.filePath(u"bin"_s)) + ":/usr/bin:/bin");
        onPath.exec->command = u"fake-plugin.sh"_s;
        sa::CredentialProvider provider(onPath, sa::Cluster());
        elapsed.start();
        const auto outcome = startObtain(provider, &context);
        QVERIFY(waitFor(*outcome));
        QCOMPARE(outcome->credential->authorization, QByteArray("Bearer after-timeout"));
        QVERIFY(elapsed.elapsed() < 400);
        QVERIFY(!QFile::exists(state + u"/shell-runs"_s));
    }

    sa::CredentialProvider provider(user, sa::Cluster());
    elapsed.restart();
    const auto outcome = startObtain(provider, &context);
    // Not waited for: the event loop runs meanwhile.
    QVERIFY(!outcome->synchronous);
    QVERIFY(waitFor(*outcome, 10000));
    // The 0.5 s limit, less the up to 5 % early that Qt's coarse timers may fire (a run here measured 499 ms).
    QVERIFY2(elapsed.elapsed() >= 500 * 95 / 100 && elapsed.elapsed() < 5000,
             qPrintable(QString::number(elapsed.elapsed()) + search->loginShellFailure()));
    QCOMPARE(outcome->error, QString());
    QCOMPARE(outcome->credential->authorization, QByteArray("Bearer after-timeout"));
    QCOMPARE(search->loginShellFailure(), u"it did not answer within 0.5 s and was stopped"_s);

    // The shell and the child its profile started are gone.
    const pid_t shellPid = readFile(state + u"/shell-pid"_s).trimmed().toInt();
    const pid_t childPid = readFile(state + u"/shell-child"_s).trimmed().toInt();
    QVERIFY(shellPid > 0 && childPid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(shellPid), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(childPid), 5000);

    // Not asked again in this run; a missing plugin's message says why its PATH is missing from the list.
    user.exec->command = u"sa-admin-test-no-such-plugin"_s;
    sa::CredentialProvider missing(user, sa::Cluster());
    elapsed.restart();
    const auto refused = startObtain(missing, &context);
    QVERIFY(waitFor(*refused));
    QVERIFY(elapsed.elapsed() < 400);
    QVERIFY2(refused->error.contains(
                 u"\n  the login shell's PATH: not read from %1 -l: it did not answer within 0.5 s "
                 "and was stopped\n  the plugin folders of the preferences: %2\n"_s.arg(shell, extraBin)),
             qPrintable(refused->error));
    QCOMPARE(readFile(state + u"/shell-runs"_s), QByteArray("1\n"));
}

// The folders the user adds are searched after PATH (here with the login shell off); relative ones never.
void CredentialsTest::execCommandInExtraDirectories()
{
    const QString state = newStateDir();
    const QString extraBin = m_dir.filePath(u"extra-bin"_s);
    QVERIFY(QDir().mkpath(extraBin));
    QVERIFY(makeExecutable(extraBin + u"/sa-extra-only-plugin"_s, readFile(m_plugin)));
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"from-extra"_s}})));
    sa::AuthInfo user = execUser(state);
    user.exec->command = u"sa-extra-only-plugin"_s;

    const ScopedEnv path("PATH", "/usr/bin:/bin");
    sa::PluginSearch *search = sa::PluginSearch::instance();
    const auto restore = qScopeGuard([search] { search->setExtraDirectories({}); });
    for (const QString &directory : {u"extra-bin"_s, extraBin}) {
        search->setExtraDirectories({u"/nonexistent"_s, directory});
        const QString originalDirectory = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        sa::CredentialProvider provider(user, sa::Cluster());
        QObject context;
        const auto outcome = startObtain(provider, &context);
        QVERIFY(waitFor(*outcome));
        QVERIFY(QDir::setCurrent(originalDirectory));
        if (directory == extraBin) {
            QCOMPARE(outcome->error, QString());
            QCOMPARE(outcome->credential->authorization, QByteArray("Bearer from-extra"));
        } else {
            QVERIFY2(outcome->error.contains(u"\n  the plugin folders of the preferences: /nonexistent\n"_s),
                     qPrintable(outcome->error));
        }
    }
}

void CredentialsTest::execErrors_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QByteArray>("diagnostics");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("interactiveMode");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("ran");

    // The token is distinctive so that the test can tell it never reaches an error message.
    const QByteArray good = execCredentialJson(kExecV1, {{u"token"_s, u"sekrit-value"_s}});
    const QString never = u"Never"_s;
    const QString plugin = u"%PLUGIN%"_s;
    QTest::newRow("exit 3 with stderr") << good << QByteArray("\n  token expired; run aws sso login  \n") << 3
                                        << kExecV1 << never << plugin
                                        << u"exec: executable %PLUGIN% failed with exit code 3\ntoken expired; run "
                                           "aws sso login"_s
                                        << true;
    QTest::newRow("exit 1 without stderr") << QByteArray() << QByteArray() << 1 << kExecV1 << never << plugin
                                           << u"exec: executable %PLUGIN% failed with exit code 1"_s << true;
    const QByteArray longStderr = QByteArray(5000, 'x') + "\nthe actual reason";
    QTest::newRow("long stderr keeps its end") << QByteArray() << longStderr << 2 << kExecV1 << never << plugin
                                               << QString(u"exec: executable %PLUGIN% failed with exit code 2\n…"_s
                                                          + QString::fromLatin1(longStderr.right(2000)))
                                               << true;
    // Colours, a terminal title, a bell and a right-to-left override would garble or disguise the message.
    QTest::newRow("stderr with control characters")
        << QByteArray()
        << QByteArray("\x1b[1;31mError:\x1b[0m token\x07 expired\x1b]0;title\x07 \xe2\x80\xae"
                      "evil\tend\r\n")
        << 4 << kExecV1 << never << plugin
        << u"exec: executable %PLUGIN% failed with exit code 4\nError: token expired evil\tend"_s << true;
    // More than a credential can be: stopped at the limit, not read whole.
    QTest::newRow("runaway stdout") << QByteArray(5 * 1024 * 1024, ' ') << QByteArray() << 0 << kExecV1 << never
                                    << plugin
                                    << u"exec: executable %PLUGIN% wrote more than 4 MiB to its standard output, far "
                                       "more than a credential; it was stopped"_s
                                    << true;
    QTest::newRow("garbage") << QByteArray("this is not json") << QByteArray() << 0 << kExecV1 << never << plugin
                             << u"decoding stdout: couldn't get version/kind; json parse error: illegal value at "
                                "offset 1"_s
                             << true;
    QTest::newRow("empty output") << QByteArray() << QByteArray() << 0 << kExecV1 << never << plugin
                                  << u"decoding stdout: couldn't get version/kind; json parse error: illegal value at "
                                     "offset 0"_s
                                  << true;
    QTest::newRow("array output") << QByteArray("[]") << QByteArray() << 0 << kExecV1 << never << plugin
                                  << u"decoding stdout: couldn't get version/kind; json parse error: the output is "
                                     "not a JSON object"_s
                                  << true;
    QTest::newRow("plugin returned v1beta1")
        << execCredentialJson(kExecV1beta1, {{u"token"_s, u"sekrit-value"_s}}) << QByteArray() << 0 << kExecV1 << never
        << plugin
        << u"exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version "
           "client.authentication.k8s.io/v1beta1"_s
        << true;
    QTest::newRow("plugin returned v1 to v1beta1")
        << good << QByteArray() << 0 << kExecV1beta1 << QString() << plugin
        << u"exec plugin is configured to use API version client.authentication.k8s.io/v1beta1, plugin returned "
           "version client.authentication.k8s.io/v1"_s
        << true;
    QTest::newRow("unknown apiVersion")
        << execCredentialJson(u"example.com/v1"_s, {{u"token"_s, u"sekrit-value"_s}}) << QByteArray() << 0 << kExecV1
        << never << plugin
        << u"decoding stdout: no kind \"ExecCredential\" is registered for version \"example.com/v1\""_s << true;
    QTest::newRow("missing kind") << compactJson({{u"apiVersion"_s, kExecV1}}) << QByteArray() << 0 << kExecV1 << never
                                  << plugin << u"decoding stdout: Object 'Kind' is missing"_s << true;
    QTest::newRow("missing status") << compactJson({{u"apiVersion"_s, kExecV1}, {u"kind"_s, u"ExecCredential"_s}})
                                    << QByteArray() << 0 << kExecV1 << never << plugin
                                    << u"exec plugin didn't return a status field"_s << true;
    QTest::newRow("null status") << compactJson(
        {{u"apiVersion"_s, kExecV1}, {u"kind"_s, u"ExecCredential"_s}, {u"status"_s, QJsonValue::Null}})
                                 << QByteArray() << 0 << kExecV1 << never << plugin
                                 << u"exec plugin didn't return a status field"_s << true;
    QTest::newRow("empty status") << execCredentialJson(kExecV1, {}) << QByteArray() << 0 << kExecV1 << never << plugin
                                  << u"exec plugin didn't return a token or cert/key pair"_s << true;
    QTest::newRow("only certificate") << execCredentialJson(
        kExecV1, {{u"clientCertificateData"_s, QString::fromLatin1(m_pem[u"rsa-cert"_s])}})
                                      << QByteArray() << 0 << kExecV1 << never << plugin
                                      << u"exec plugin returned only certificate or key, not both"_s << true;
    QTest::newRow("only key") << execCredentialJson(
        kExecV1, {{u"token"_s, u"sekrit-value"_s}, {u"clientKeyData"_s, QString::fromLatin1(m_pem[u"rsa-pkcs1"_s])}})
                              << QByteArray() << 0 << kExecV1 << never << plugin
                              << u"exec plugin returned only certificate or key, not both"_s << true;
    QTest::newRow("mismatched certificate and key")
        << execCredentialJson(kExecV1,
                              {{u"clientCertificateData"_s, QString::fromLatin1(m_pem[u"rsa-cert"_s])},
                               {u"clientKeyData"_s, QString::fromLatin1(m_pem[u"ec-sec1"_s])}})
        << QByteArray() << 0 << kExecV1 << never << plugin
        << u"failed parsing client key/certificate: the client key does not match the client certificate"_s << true;
    QTest::newRow("token not a string") << execCredentialJson(kExecV1, {{u"token"_s, 42}}) << QByteArray() << 0
                                        << kExecV1 << never << plugin
                                        << u"decoding stdout: status.token is not a string"_s << true;
    QTest::newRow("bad expirationTimestamp")
        << execCredentialJson(kExecV1,
                              {{u"token"_s, u"sekrit-value"_s}, {u"expirationTimestamp"_s, u"2099-01-01 10:00"_s}})
        << QByteArray() << 0 << kExecV1 << never << plugin
        << u"decoding stdout: status.expirationTimestamp \"2099-01-01 10:00\" is not an RFC 3339 time"_s << true;
    QTest::newRow("v1 without interactiveMode")
        << good << QByteArray() << 0 << kExecV1 << QString() << plugin
        << u"interactiveMode must be specified for test-user to use exec authentication plugin"_s << false;
    QTest::newRow("interactiveMode Always")
        << good << QByteArray() << 0 << kExecV1 << u"Always"_s << plugin
        << u"exec plugin cannot support interactive mode: standard input is not a terminal"_s << false;
    QTest::newRow("invalid interactiveMode") << good << QByteArray() << 0 << kExecV1 << u"Sometimes"_s << plugin
                                             << u"invalid interactiveMode for test-user: \"Sometimes\""_s << false;
    QTest::newRow("v1alpha1") << good << QByteArray() << 0 << u"client.authentication.k8s.io/v1alpha1"_s << QString()
                              << plugin
                              << u"exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\""_s
                              << false;
    const QString notFound = u"\n\nIt looks like you are trying to use a client-go credential plugin that is not "
                             "installed.\n\nTo learn more about this feature, consult the documentation available "
                             "at:\n      https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
                             "#client-go-credential-plugins\n\n"_s
        + kInstallHint;
    // Where it looked, after kubectl's first line.
    const QString searched = u"\n\nLooked for it in:\n  PATH: "_s + QString::fromLocal8Bit(qgetenv("PATH"))
        + u"\n  the login shell's PATH: not used (turned off in the preferences)\n"
          "  the plugin folders of the preferences: (none)"_s;
    QTest::newRow("command not on PATH") << good << QByteArray() << 0 << kExecV1 << never
                                         << u"sa-admin-test-no-such-plugin"_s
                                         << QString(u"exec: executable sa-admin-test-no-such-plugin not found"_s
                                                    + searched + notFound)
                                         << false;
    QTest::newRow("missing command path")
        << good << QByteArray() << 0 << kExecV1 << never << u"%DIR%/bin/no-such-plugin"_s
        << QString(u"exec: executable %DIR%/bin/no-such-plugin not found"_s + notFound) << false;
    QTest::newRow("command not executable")
        << good << QByteArray() << 0 << kExecV1 << never << u"%DIR%/token.txt"_s
        << u"exec: executable %DIR%/token.txt could not be started: execve: Permission denied"_s << false;
    QTest::newRow("empty command") << good << QByteArray() << 0 << kExecV1 << never << QString()
                                   << u"command must be specified for test-user to use exec authentication plugin"_s
                                   << false;
}

void CredentialsTest::execErrors()
{
    QFETCH(QByteArray, output);
    QFETCH(QByteArray, diagnostics);
    QFETCH(int, exitCode);
    QFETCH(QString, apiVersion);
    QFETCH(QString, interactiveMode);
    QFETCH(QString, command);
    QFETCH(QString, error);
    QFETCH(bool, ran);

    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, output));
    QVERIFY(writeFile(state + u"/stderr"_s, diagnostics));
    QVERIFY(writeFile(state + u"/exit"_s, QByteArray::number(exitCode)));
    sa::AuthInfo user = execUser(state);
    user.exec->apiVersion = apiVersion;
    user.exec->interactiveMode = interactiveMode;
    user.exec->command = expand(command);

    sa::CredentialProvider provider(user, sa::Cluster());
    QObject context;
    const auto outcome = startObtain(provider, &context);
    QVERIFY(!outcome->synchronous);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, expand(error));
    QVERIFY(!outcome->credential);
    QCOMPARE(QFile::exists(state + u"/runs"_s), ran);
    QVERIFY(!outcome->error.contains(u"sekrit"_s));
}

void CredentialsTest::execCaching_data()
{
    QTest::addColumn<QString>("expirationTimestamp");
    QTest::addColumn<QByteArray>("runs");

    QTest::newRow("until the expiry") << u"2099-01-01T00:00:00+02:00"_s << QByteArray("1\n");
    QTest::newRow("no expiry") << QString() << QByteArray("1\n");
    QTest::newRow("expired") << u"2000-01-01T00:00:00.5Z"_s << QByteArray("2\n");
}

void CredentialsTest::execCaching()
{
    QFETCH(QString, expirationTimestamp);
    QFETCH(QByteArray, runs);

    const QString state = newStateDir();
    QJsonObject status {{u"token"_s, u"tok-1"_s}};
    if (!expirationTimestamp.isEmpty())
        status.insert(u"expirationTimestamp"_s, expirationTimestamp);
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, status)));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());
    QObject context;

    const auto first = startObtain(provider, &context);
    QVERIFY(waitFor(*first));
    QCOMPARE(first->credential->authorization, QByteArray("Bearer tok-1"));
    const auto second = startObtain(provider, &context);
    // A cached credential is at hand; an expired one is not.
    QCOMPARE(second->synchronous, runs == "1\n");
    QVERIFY(waitFor(*second));
    QCOMPARE(second->credential->authorization, QByteArray("Bearer tok-1"));
    QCOMPARE(readFile(state + u"/runs"_s), runs);
}

void CredentialsTest::execInvalidate()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"tok-1"_s}})));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());
    QObject context;
    const auto first = startObtain(provider, &context);
    QVERIFY(waitFor(*first));
    QCOMPARE(first->credential->authorization, QByteArray("Bearer tok-1"));

    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"tok-2"_s}})));
    QCOMPARE(startObtain(provider, &context)->credential->authorization, QByteArray("Bearer tok-1"));
    provider.invalidate();
    const auto second = startObtain(provider, &context);
    QVERIFY(!second->synchronous);
    QVERIFY(waitFor(*second));
    QCOMPARE(second->credential->authorization, QByteArray("Bearer tok-2"));
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("2\n"));
}

void CredentialsTest::execConcurrentObtainsShareOneRun()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"shared"_s}})));
    QVERIFY(writeFile(state + u"/delay"_s, "0.5"));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());

    QObject contextA;
    auto contextB = std::make_unique<QObject>();
    const auto a = startObtain(provider, &contextA);
    const auto b = startObtain(provider, contextB.get());
    const auto unguarded = startObtain(provider, nullptr);
    contextB.reset(); // its callback must not run
    QVERIFY(waitFor(*a));
    QVERIFY(waitFor(*unguarded));
    QTest::qWait(100);
    QCOMPARE(a->calls, 1);
    QCOMPARE(unguarded->calls, 1);
    QCOMPARE(b->calls, 0);
    QCOMPARE(a->credential->authorization, QByteArray("Bearer shared"));
    QCOMPARE(unguarded->credential->authorization, QByteArray("Bearer shared"));
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("1\n"));
}

void CredentialsTest::execFailureKeptForTheBackoff()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stderr"_s, "login expired"));
    QVERIFY(writeFile(state + u"/exit"_s, "1"));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());
    provider.setFailureBackoff(400, 800);
    QObject context;
    const QString failure = expand(u"exec: executable %PLUGIN% failed with exit code 1\nlogin expired"_s);

    const auto first = startObtain(provider, &context);
    QVERIFY(waitFor(*first));
    QCOMPARE(first->error, failure);
    // During the backoff every caller gets the same error, later (as from a run), without a run.
    for (int i = 0; i < 5; ++i) {
        const auto again = startObtain(provider, &context);
        QVERIFY(!again->synchronous);
        QVERIFY(waitFor(*again));
        QCOMPARE(again->error, failure);
    }
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("1\n"));
    // After it, one run; the next failure is kept twice as long.
    QTest::qWait(450);
    QVERIFY(waitFor(*startObtain(provider, &context)));
    QVERIFY(waitFor(*startObtain(provider, &context)));
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("2\n"));
    QTest::qWait(450);
    QVERIFY(waitFor(*startObtain(provider, &context)));
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("2\n"));
    // Fixed (the user logged in): the run after the backoff succeeds, and is cached as usual.
    QVERIFY(writeFile(state + u"/exit"_s, "0"));
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"fresh"_s}})));
    QTest::qWait(400);
    const auto fixed = startObtain(provider, &context);
    QVERIFY(waitFor(*fixed));
    QCOMPARE(fixed->credential->authorization, QByteArray("Bearer fresh"));
    QVERIFY(startObtain(provider, &context)->synchronous);
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("3\n"));
}

void CredentialsTest::staleRejectionRefreshesOnce()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"tok"_s}})));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());
    QObject context;
    QVERIFY(waitFor(*startObtain(provider, &context)));
    const quint64 rejected = provider.generation();
    // Many requests refused with the same credential: the first refreshes it, the others find it replaced.
    provider.invalidate(rejected);
    QVERIFY(waitFor(*startObtain(provider, &context)));
    QVERIFY(provider.generation() != rejected);
    provider.invalidate(rejected);
    provider.invalidate(rejected);
    QVERIFY(startObtain(provider, &context)->synchronous);
    QCOMPARE(readFile(state + u"/runs"_s), QByteArray("2\n"));
}

void CredentialsTest::execTimeoutKillsPlugin()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/stdout"_s, execCredentialJson(kExecV1, {{u"token"_s, u"late"_s}})));
    QVERIFY(writeFile(state + u"/delay"_s, "30"));
    sa::CredentialProvider provider(execUser(state), sa::Cluster());
    provider.setExecTimeout(300);

    QObject context;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto outcome = startObtain(provider, &context);
    QVERIFY(waitFor(*outcome, 5000));
    QVERIFY(elapsed.elapsed() < 5000);
    QCOMPARE(outcome->error, expand(u"exec: executable %PLUGIN% timed out after 300 ms and was killed"_s));
    QVERIFY(!outcome->credential);

    const pid_t pid = readFile(state + u"/pid"_s).trimmed().toInt();
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
}

void CredentialsTest::destroyingProviderStopsPlugin()
{
    const QString state = newStateDir();
    QVERIFY(writeFile(state + u"/delay"_s, "30"));
    auto provider = std::make_unique<sa::CredentialProvider>(execUser(state), sa::Cluster());
    QObject context;
    const auto outcome = startObtain(*provider, &context);
    QTRY_VERIFY(QFile::exists(state + u"/pid"_s) && !readFile(state + u"/pid"_s).isEmpty());
    const pid_t pid = readFile(state + u"/pid"_s).trimmed().toInt();
    QVERIFY(pid > 0);

    provider.reset();
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
    QCOMPARE(outcome->calls, 0);
}

void CredentialsTest::authProviders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("message");

    QTest::newRow("gcp") << u"gcp"_s << QString()
                         << u"The gcp auth plugin has been removed.\nPlease use the \"gke-gcloud-auth-plugin\" "
                            "kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/"
                            "containers-kubernetes/kubectl-auth-changes-in-gke for further details\n\nInstall "
                            "gke-gcloud-auth-plugin (https://cloud.google.com/kubernetes-engine/docs/how-to/"
                            "cluster-access-for-kubectl#install_plugin), then run `gcloud container clusters "
                            "get-credentials CLUSTER` to rewrite this user with its exec credential."_s;
    QTest::newRow("azure") << u"azure"_s << QString()
                           << u"The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/"
                              "kubelogin kubectl/client-go credential plugin instead.\nSee https://kubernetes.io/docs/"
                              "reference/access-authn-authz/authentication/#client-go-credential-plugins for further "
                              "details\n\nConvert this kubeconfig with `kubelogin convert-kubeconfig -l azurecli`."_s;
    QTest::newRow("oidc") << u"oidc"_s << u"https://issuer.example"_s
                          << u"The oidc auth provider is not supported by SA Admin.\nPlease use the kubelogin "
                             "(https://github.com/int128/kubelogin) kubectl/client-go credential plugin instead: give "
                             "this user an exec credential that runs `kubectl oidc-login get-token "
                             "--oidc-issuer-url=https://issuer.example --oidc-client-id=sa-admin`."_s;
    QTest::newRow("unknown") << u"keystone"_s << QString() << u"no Auth Provider found for name \"keystone\""_s;
}

void CredentialsTest::authProviders()
{
    QFETCH(QString, name);
    QFETCH(QString, issuer);
    QFETCH(QString, message);

    sa::AuthProviderConfig provider {
        name,
        {{u"client-id"_s, u"sa-admin"_s}, {u"client-secret"_s, u"s3cr3t"_s}, {u"id-token"_s, u"eyJ.secret.token"_s}}};
    if (!issuer.isEmpty())
        provider.config.insert(u"idp-issuer-url"_s, issuer);
    QCOMPARE(sa::CredentialProvider::authProviderMessage(provider), message);

    sa::AuthInfo user;
    user.name = u"test-user"_s;
    user.authProvider = provider;
    sa::CredentialProvider credentials(user, sa::Cluster());
    QObject context;
    const auto outcome = startObtain(credentials, &context);
    QVERIFY(!outcome->synchronous);
    QVERIFY(waitFor(*outcome));
    QCOMPARE(outcome->error, message);
    QVERIFY(!outcome->error.contains(u"s3cr3t"_s) && !outcome->error.contains(u"eyJ"_s));

    // With an exec plugin as well, client-go's validation refuses the user first.
    user.exec = execUser(newStateDir()).exec;
    sa::CredentialProvider both(user, sa::Cluster());
    const auto refused = startObtain(both, &context);
    QVERIFY(waitFor(*refused));
    QCOMPARE(refused->error, u"authProvider cannot be provided in combination with an exec plugin for test-user"_s);
}

QTEST_GUILESS_MAIN(CredentialsTest)
#include "tst_credentials.moc"
