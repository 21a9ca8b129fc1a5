#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace sa {

// The kubeconfig model of client-go's clientcmd/api (v1 on disk). Every file path is already absolute
// (resolved against the file that held it) and every *-data field is already base64-decoded.

struct ExecEnvVar
{
    QString name;
    QString value;
};

struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or /v1beta1
    QString command; // absolute when the file gave a path with a separator; else looked up on PATH
    QStringList args;
    QList<ExecEnvVar> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never, IfAvailable, Always; empty when the file did not say
};

struct AuthProviderConfig
{
    QString name; // oidc, gcp, azure, ...
    QMap<QString, QString> config;
};

struct AuthInfo
{
    QString name;
    QString clientCertificate; // path
    QByteArray clientCertificateData;
    QString clientKey; // path
    QByteArray clientKeyData;
    QString token;
    QString tokenFile; // path
    QString username;
    QString password;
    QString impersonate;
    QString impersonateUid;
    QStringList impersonateGroups;
    QMap<QString, QStringList> impersonateUserExtra;
    std::optional<ExecConfig> exec;
    std::optional<AuthProviderConfig> authProvider;
    QString origin; // the file this entry came from
};

struct Cluster
{
    QString name;
    QString server; // may carry a path prefix, e.g. https://host/k8s/clusters/c-1
    QString certificateAuthority; // path
    QByteArray certificateAuthorityData;
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    bool disableCompression = false;
    // extensions[name == "client.authentication.k8s.io/exec"].extension, passed to exec plugins as cluster.config
    QJsonObject execExtension;
    QString origin;
};

struct Context
{
    QString name;
    QString cluster;
    QString user;
    QString ns; // empty when the file did not say
    QString origin;
};

struct Kubeconfig
{
    QMap<QString, Cluster> clusters;
    QMap<QString, AuthInfo> users;
    QMap<QString, Context> contexts;
    QString currentContext;
    QStringList files; // the files that were read, in precedence order
};

// The outcome of loading: a config, or an error that names the file (and line where known). Warnings
// are problems kubectl would also only warn about (a broken file in a KUBECONFIG list).
struct KubeconfigLoadResult
{
    std::optional<Kubeconfig> config;
    QString error;
    QStringList warnings;
    [[nodiscard]] bool ok() const { return config.has_value(); }
};

// A context with its cluster and user looked up, and the namespace to use.
struct ResolvedContext
{
    Context context;
    Cluster cluster;
    AuthInfo user;
    QString ns; // --namespace override, else the context's, else "default"
};

class KubeconfigLoader
{
public:
    // The files to read, as kubectl picks them: the explicit path alone; else KUBECONFIG (':'-separated,
    // duplicates and empty entries removed); else ~/.kube/config.
    [[nodiscard]] static QStringList candidateFiles(const QString &explicitPath,
                                                    const QProcessEnvironment &environment);

    // Loads and merges as client-go does: the first file to define a cluster, user or context name wins it
    // whole; current-context comes from the first file that sets one. An explicit path must exist; missing
    // files in a list are skipped, and when none exists the result is an ok, empty config (client-go returns an
    // empty config too; the caller shows its welcome page). A file that cannot be read or parsed is an error for
    // an explicit path; in a list it is a warning and the rest still load, where kubectl would fail the command
    // with the same `error loading config file "<path>": ...` message.
    [[nodiscard]] static KubeconfigLoadResult
    load(const QString &explicitPath = {},
         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    [[nodiscard]] static KubeconfigLoadResult loadFiles(const QStringList &files, bool explicitPath);
    // Parses one document; `origin` is used for messages and to resolve relative paths (none are resolved when
    // it is empty). An empty document is an empty config. Errors give the line and column (1-based).
    [[nodiscard]] static KubeconfigLoadResult parse(const QByteArray &yaml, const QString &origin);
};

// Looks up a context (empty: the current one) and what it names; nullopt with *error when any is missing. A
// context without a user is anonymous, as in kubectl; one naming a missing user is an error here, where kubectl
// would silently go anonymous.
[[nodiscard]] std::optional<ResolvedContext> resolveContext(const Kubeconfig &config, const QString &contextName,
                                                            const QString &namespaceOverride, QString *error);

} // namespace sa
