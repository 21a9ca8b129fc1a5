#pragma once

#include "config/Kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QProcess;
class QTimer;

namespace sa {

// Reads a file a kubeconfig names. On failure *error reads as Go's does ("open PATH: no such file or directory"),
// so messages built on it match kubectl's.
[[nodiscard]] std::optional<QByteArray> readReferencedFile(const QString &path, QString *error);

struct ClientCertificate
{
    QSslCertificate certificate;
    QList<QSslCertificate> chain; // intermediates after the leaf, if the PEM had them
    QSslKey key;
};

// Reads a PEM certificate (chain) and a PEM private key in any form OpenSSL reads (RSA or EC; PKCS#1, SEC1
// or PKCS#8), converting through OpenSSL where QSslKey cannot. nullopt with *error otherwise, including when
// the key does not belong to the certificate.
[[nodiscard]] std::optional<ClientCertificate> loadClientCertificate(const QByteArray &certificatePem,
                                                                     const QByteArray &keyPem, QString *error);

// How to reach a cluster over TLS, from its kubeconfig entry. The CA comes from certificate-authority-data,
// else certificate-authority (read now); none means the system store. insecure-skip-tls-verify turns
// verification off and sets `warning`; tls-server-name becomes the name to verify (and send as SNI). As in
// client-go, setting both CA fields, or a CA together with insecure-skip-tls-verify, is an error.
struct TlsSettings
{
    QSslConfiguration configuration;
    QString peerVerifyName;
    QString warning;
};
[[nodiscard]] std::optional<TlsSettings> tlsSettings(const Cluster &cluster, QString *error);

// What a request carries to authenticate: an Authorization header value and/or a client certificate.
struct Credential
{
    QByteArray authorization; // "Bearer ..." or "Basic ...", or empty
    std::optional<ClientCertificate> clientCertificate;
    QDateTime expiry; // invalid: does not expire
};

// The credential of a kubeconfig user, obtained as client-go does: token (it wins over tokenFile), tokenFile
// (re-read when the file changes), basic auth, client certificate and key, or an exec plugin
// (client.authentication.k8s.io/v1 and v1beta1) run asynchronously in a QProcess and cached until its
// expirationTimestamp; a plugin command without a path is looked for by PluginSearch (PATH, then the login shell's
// PATH and the user's folders). Never logs a credential.
class CredentialProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const std::optional<Credential> &credential, const QString &error)>;

    CredentialProvider(AuthInfo user, Cluster cluster, QObject *parent = nullptr);
    ~CredentialProvider() override;

    // Calls back with the current credential, or an error a user understands (the plugin's stderr and
    // installHint included). The callback runs synchronously, before obtain() returns, only when a credential is
    // at hand: a static one (token, token file, basic auth, client certificate) or an unexpired cached exec
    // credential. Errors and plugin runs call back later from the event loop, never after `context` is destroyed
    // (a null context is not guarded). The plugin runs once at a time for all callers: concurrent calls while it
    // runs share its result, and a failure is kept for a backoff (1 s, doubling up to 30 s, reset by success) during
    // which calls get that error without running the plugin again, as kubectl runs it once per command.
    void obtain(QObject *context, Callback callback);
    // After a 401: the next obtain() re-runs the exec plugin and re-reads the token file.
    void invalidate();
    // The same, unless the rejected credential (of that generation()) has already been replaced: many requests
    // refused with one stale credential refresh it once.
    void invalidate(quint64 rejectedGeneration);
    // Counts the credentials obtained; what obtain() delivers synchronously or from a plugin run is of the current one.
    [[nodiscard]] quint64 generation() const { return m_generation; }
    void setFailureBackoff(int initialMs, int maxMs)
    {
        m_failureBackoffMs = initialMs;
        m_maxFailureBackoffMs = maxMs;
    }
    void setExecTimeout(int milliseconds) { m_execTimeoutMs = milliseconds; }
    [[nodiscard]] bool usesExecPlugin() const { return m_user.exec.has_value(); }

    // For a legacy auth-provider (oidc, gcp, azure): why it cannot be used and which exec plugin replaces it.
    [[nodiscard]] static QString authProviderMessage(const AuthProviderConfig &provider);

    // Reads an exec plugin's stdout (an ExecCredential of the configured apiVersion) as client-go does; nullopt with
    // *error, which never quotes the output, when it is not one.
    [[nodiscard]] static std::optional<Credential> parseExecOutput(const QByteArray &stdoutData,
                                                                   const QString &configuredApiVersion, QString *error);

private:
    struct FileStamp
    {
        QDateTime modified;
        qint64 size = -1;
        friend bool operator==(const FileStamp &, const FileStamp &) = default;
    };
    struct Waiter
    {
        QPointer<QObject> context;
        bool guarded = true;
        Callback callback;
    };

    [[nodiscard]] static FileStamp stampOf(const QString &path);
    [[nodiscard]] bool hasStaticCredential() const;
    [[nodiscard]] bool staticFilesChanged() const;
    [[nodiscard]] std::optional<Credential> readStaticCredential(QString *error);
    void runExec();
    // Runs `program` once it is found (runExec may have to wait for the login shell's PATH first).
    void startExec(const QString &program, const QJsonObject &spec);
    void onExecFinished(int exitCode, QProcess *process);
    void abandonProcess();
    void finishExec(const std::optional<Credential> &credential, const QString &error);
    void deliverLater(QObject *context, Callback callback, const QString &error);

    AuthInfo m_user;
    Cluster m_cluster;
    QString m_configError; // what client-go's config validation would reject, found once
    int m_execTimeoutMs = 60000;
    std::optional<Credential> m_cached;
    QHash<QString, FileStamp> m_fileStamps; // the files m_cached was read from, to notice when they change
    QProcess *m_process = nullptr;
    QTimer *m_execTimer = nullptr;
    QByteArray m_execStderr;
    QByteArray m_execStdout; // the credential as it arrives; wiped once parsed

    QList<Waiter> m_waiters;
    quint64 m_generation = 0;
    // The last plugin failure, delivered without a new run until the backoff has passed.
    QString m_execFailure;
    QDeadlineTimer m_execRetryAt;
    int m_execFailures = 0;
    int m_failureBackoffMs = 1000;
    int m_maxFailureBackoffMs = 30000;
};

} // namespace sa
