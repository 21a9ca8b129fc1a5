#include "config/Kubeconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>

#include <yaml-cpp/yaml.h>

namespace sa {

using namespace Qt::StringLiterals;

namespace {

// clientcmd/client_config.go clusterExtensionKey: the cluster extension handed to exec plugins.
constexpr auto kExecExtensionName = "client.authentication.k8s.io/exec"_L1;

// Thrown inside the document reader only; parse() turns it into the error value.
struct DocumentError
{
    YAML::Mark mark;
    QString message;
};

[[noreturn]] void fail(const YAML::Node &node, const QString &message)
{
    throw DocumentError {node.Mark(), message};
}

// What a node is, never what it says: a mis-indented line can make a credential the value of the wrong field, and
// this ends up in an error on the screen. The error's line and column say where to look.
QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return QCoreApplication::translate("sa::Kubeconfig", "a map");
    case YAML::NodeType::Sequence:
        return QCoreApplication::translate("sa::Kubeconfig", "a list");
    case YAML::NodeType::Scalar:
        return node.Tag() == "!" ? QCoreApplication::translate("sa::Kubeconfig", "a quoted string")
                                 : QCoreApplication::translate("sa::Kubeconfig", "a string");
    default:
        return QCoreApplication::translate("sa::Kubeconfig", "nothing");
    }
}

// A quoted scalar is a string to YAML, so a quoted "true" is not a boolean, as in sigs.k8s.io/yaml.
bool isQuoted(const YAML::Node &node)
{
    return node.Tag() == "!";
}

// Calls `visit(key, value)` for every pair of a map in document order, so a repeated key ends with its last
// value (sigs.k8s.io/yaml's non-strict decoding). Null counts as an empty map.
template<typename Visitor>
void forEachField(const YAML::Node &node, const QString &path, Visitor &&visit)
{
    if (node.IsNull())
        return;
    if (!node.IsMap())
        fail(node,
             QCoreApplication::translate("sa::Kubeconfig", "%1: expected a map, got %2").arg(path, describe(node)));
    for (const auto &pair : node) {
        if (!pair.first.IsScalar())
            fail(pair.first,
                 QCoreApplication::translate("sa::Kubeconfig", "%1: expected a string key, got %2")
                     .arg(path, describe(pair.first)));
        visit(QString::fromStdString(pair.first.Scalar()), pair.second);
    }
}

template<typename Visitor>
void forEachItem(const YAML::Node &node, const QString &path, Visitor &&visit)
{
    if (node.IsNull())
        return;
    if (!node.IsSequence())
        fail(node,
             QCoreApplication::translate("sa::Kubeconfig", "%1: expected a list, got %2").arg(path, describe(node)));
    for (std::size_t i = 0; i < node.size(); ++i)
        visit(u"%1[%2]"_s.arg(path).arg(i), node[i]);
}

QString text(const YAML::Node &node, const QString &path)
{
    if (node.IsNull())
        return {};
    if (!node.IsScalar())
        fail(node,
             QCoreApplication::translate("sa::Kubeconfig", "%1: expected a string, got %2").arg(path, describe(node)));
    return QString::fromStdString(node.Scalar());
}

bool boolean(const YAML::Node &node, const QString &path)
{
    if (node.IsNull())
        return false;
    bool value = false;
    if (!node.IsScalar() || isQuoted(node) || !YAML::convert<bool>::decode(node, value))
        fail(node,
             QCoreApplication::translate("sa::Kubeconfig", "%1: expected a boolean, got %2").arg(path, describe(node)));
    return value;
}

QStringList texts(const YAML::Node &node, const QString &path)
{
    QStringList values;
    forEachItem(node, path,
                [&](const QString &itemPath, const YAML::Node &item) { values.append(text(item, itemPath)); });
    return values;
}

// encoding/json decodes []byte with base64.StdEncoding: padding required, only CR and LF ignored.
QByteArray base64(const YAML::Node &node, const QString &path)
{
    QByteArray encoded = text(node, path).toLatin1();
    encoded.removeIf([](char c) { return c == '\n' || c == '\r'; });
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (encoded.size() % 4 != 0 || !decoded)
        fail(node, u"%1: illegal base64 data"_s.arg(path));
    return *decoded;
}

// YAML to JSON as sigs.k8s.io/yaml does it: plain scalars are resolved to booleans, numbers and null.
QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &pair : node)
            object.insert(QString::fromStdString(pair.first.as<std::string>()), toJson(pair.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString scalar = QString::fromStdString(node.Scalar());
        if (isQuoted(node))
            return scalar;
        bool flag = false;
        if (YAML::convert<bool>::decode(node, flag))
            return flag;
        long long integer = 0;
        if (YAML::convert<long long>::decode(node, integer))
            return QJsonValue(static_cast<qint64>(integer));
        double real = 0;
        if (YAML::convert<double>::decode(node, real))
            return real;
        return scalar;
    }
    default:
        return QJsonValue::Null;
    }
}

// Reads one kubeconfig v1 document into the model, resolving relative paths as clientcmd's ResolveLocalPaths.
class DocumentReader
{
public:
    explicit DocumentReader(const QString &origin)
        : m_origin(origin)
        , m_baseDir(origin.isEmpty() ? QString() : QFileInfo(origin).absolutePath())
    { }

    Kubeconfig read(const YAML::Node &root)
    {
        Kubeconfig config;
        if (!m_origin.isEmpty())
            config.files.append(m_origin);
        if (root.IsNull())
            return config;
        if (!root.IsMap())
            fail(root,
                 QCoreApplication::translate("sa::Kubeconfig", "expected a kubeconfig map at the top level, got %1")
                     .arg(describe(root)));
        QString apiVersion;
        QString kind;
        forEachField(root, QString(), [&](const QString &key, const YAML::Node &value) {
            if (key == "apiVersion"_L1)
                apiVersion = text(value, key);
            else if (key == "kind"_L1)
                kind = text(value, key);
            else if (key == "current-context"_L1)
                config.currentContext = text(value, key);
            else if (key == "clusters"_L1)
                config.clusters = named<Cluster>(value, key, u"cluster"_s, &DocumentReader::readCluster);
            else if (key == "users"_L1)
                config.users = named<AuthInfo>(value, key, u"user"_s, &DocumentReader::readUser);
            else if (key == "contexts"_L1)
                config.contexts = named<Context>(value, key, u"context"_s, &DocumentReader::readContext);
        });
        // The codec decodes with the default group/version/kind v1 Config filled in for missing parts.
        const QString version = apiVersion.isEmpty() ? u"v1"_s : apiVersion;
        const QString effectiveKind = kind.isEmpty() ? u"Config"_s : kind;
        if (version != "v1"_L1 || effectiveKind != "Config"_L1)
            fail(root, u"no kind \"%1\" is registered for version \"%2\""_s.arg(effectiveKind, version));
        return config;
    }

private:
    // clusters, users and contexts are lists of {name, <body>}; a name used twice in one file is an error
    // (clientcmd/api/v1 conversion), while an empty name is just another key.
    template<typename Entry, typename Reader>
    QMap<QString, Entry> named(const YAML::Node &list, const QString &listPath, const QString &bodyKey, Reader reader)
    {
        QMap<QString, Entry> entries;
        forEachItem(list, listPath, [&](const QString &itemPath, const YAML::Node &item) {
            Entry entry;
            entry.origin = m_origin;
            forEachField(item, itemPath, [&](const QString &key, const YAML::Node &value) {
                if (key == "name"_L1)
                    entry.name = text(value, itemPath + u".name"_s);
                else if (key == bodyKey)
                    (this->*reader)(entry, value, itemPath + u'.' + bodyKey);
            });
            if (entries.contains(entry.name))
                fail(item,
                     QCoreApplication::translate("sa::Kubeconfig", "%1: duplicate name \"%2\"")
                         .arg(listPath, entry.name));
            entries.insert(entry.name, entry);
        });
        return entries;
    }

    QString resolvePath(const QString &path) const
    {
        if (path.isEmpty() || m_baseDir.isEmpty() || QDir::isAbsolutePath(path))
            return path;
        return QDir::cleanPath(m_baseDir + u'/' + path);
    }

    void readCluster(Cluster &cluster, const YAML::Node &body, const QString &path)
    {
        forEachField(body, path, [&](const QString &key, const YAML::Node &value) {
            const QString fieldPath = path + u'.' + key;
            if (key == "server"_L1)
                cluster.server = text(value, fieldPath);
            else if (key == "certificate-authority"_L1)
                cluster.certificateAuthority = resolvePath(text(value, fieldPath));
            else if (key == "certificate-authority-data"_L1)
                cluster.certificateAuthorityData = base64(value, fieldPath);
            else if (key == "insecure-skip-tls-verify"_L1)
                cluster.insecureSkipTlsVerify = boolean(value, fieldPath);
            else if (key == "tls-server-name"_L1)
                cluster.tlsServerName = text(value, fieldPath);
            else if (key == "proxy-url"_L1)
                cluster.proxyUrl = text(value, fieldPath);
            else if (key == "disable-compression"_L1)
                cluster.disableCompression = boolean(value, fieldPath);
            else if (key == "extensions"_L1)
                cluster.execExtension = readExecExtension(value, fieldPath);
        });
    }

    static QJsonObject readExecExtension(const YAML::Node &list, const QString &path)
    {
        QJsonObject execExtension;
        QStringList seen;
        forEachItem(list, path, [&](const QString &itemPath, const YAML::Node &item) {
            QString name;
            QJsonValue extension;
            forEachField(item, itemPath, [&](const QString &key, const YAML::Node &value) {
                if (key == "name"_L1)
                    name = text(value, itemPath + u".name"_s);
                else if (key == "extension"_L1)
                    extension = toJson(value);
            });
            if (seen.contains(name))
                fail(item, QCoreApplication::translate("sa::Kubeconfig", "%1: duplicate name \"%2\"").arg(path, name));
            seen.append(name);
            if (name == kExecExtensionName)
                execExtension = extension.toObject();
        });
        return execExtension;
    }

    void readUser(AuthInfo &user, const YAML::Node &body, const QString &path)
    {
        forEachField(body, path, [&](const QString &key, const YAML::Node &value) {
            const QString fieldPath = path + u'.' + key;
            if (key == "client-certificate"_L1)
                user.clientCertificate = resolvePath(text(value, fieldPath));
            else if (key == "client-certificate-data"_L1)
                user.clientCertificateData = base64(value, fieldPath);
            else if (key == "client-key"_L1)
                user.clientKey = resolvePath(text(value, fieldPath));
            else if (key == "client-key-data"_L1)
                user.clientKeyData = base64(value, fieldPath);
            else if (key == "token"_L1)
                user.token = text(value, fieldPath);
            else if (key == "tokenFile"_L1)
                user.tokenFile = resolvePath(text(value, fieldPath));
            else if (key == "username"_L1)
                user.username = text(value, fieldPath);
            else if (key == "password"_L1)
                user.password = text(value, fieldPath);
            else if (key == "as"_L1)
                user.impersonate = text(value, fieldPath);
            else if (key == "as-uid"_L1)
                user.impersonateUid = text(value, fieldPath);
            else if (key == "as-groups"_L1)
                user.impersonateGroups = texts(value, fieldPath);
            else if (key == "as-user-extra"_L1)
                forEachField(value, fieldPath, [&](const QString &extraKey, const YAML::Node &extraValues) {
                    user.impersonateUserExtra.insert(extraKey, texts(extraValues, fieldPath + u'.' + extraKey));
                });
            else if (key == "exec"_L1 && !value.IsNull())
                user.exec = readExec(value, fieldPath);
            else if (key == "auth-provider"_L1 && !value.IsNull())
                user.authProvider = readAuthProvider(value, fieldPath);
        });
    }

    ExecConfig readExec(const YAML::Node &body, const QString &path) const
    {
        ExecConfig exec;
        forEachField(body, path, [&](const QString &key, const YAML::Node &value) {
            const QString fieldPath = path + u'.' + key;
            if (key == "apiVersion"_L1)
                exec.apiVersion = text(value, fieldPath);
            else if (key == "command"_L1)
                exec.command = text(value, fieldPath);
            else if (key == "args"_L1)
                exec.args = texts(value, fieldPath);
            else if (key == "env"_L1)
                forEachItem(value, fieldPath, [&](const QString &itemPath, const YAML::Node &item) {
                    ExecEnvVar variable;
                    forEachField(item, itemPath, [&](const QString &envKey, const YAML::Node &envValue) {
                        if (envKey == "name"_L1)
                            variable.name = text(envValue, itemPath + u".name"_s);
                        else if (envKey == "value"_L1)
                            variable.value = text(envValue, itemPath + u".value"_s);
                    });
                    exec.env.append(variable);
                });
            else if (key == "installHint"_L1)
                exec.installHint = text(value, fieldPath);
            else if (key == "provideClusterInfo"_L1)
                exec.provideClusterInfo = boolean(value, fieldPath);
            else if (key == "interactiveMode"_L1)
                exec.interactiveMode = text(value, fieldPath);
        });
        // A bare command name is looked up on PATH; only one with a separator is a path (GetAuthInfoFileReferences).
        if (exec.command.contains(QDir::separator()))
            exec.command = resolvePath(exec.command);
        return exec;
    }

    static AuthProviderConfig readAuthProvider(const YAML::Node &body, const QString &path)
    {
        AuthProviderConfig provider;
        forEachField(body, path, [&](const QString &key, const YAML::Node &value) {
            const QString fieldPath = path + u'.' + key;
            if (key == "name"_L1)
                provider.name = text(value, fieldPath);
            else if (key == "config"_L1)
                forEachField(value, fieldPath, [&](const QString &configKey, const YAML::Node &configValue) {
                    provider.config.insert(configKey, text(configValue, fieldPath + u'.' + configKey));
                });
        });
        return provider;
    }

    void readContext(Context &context, const YAML::Node &body, const QString &path)
    {
        forEachField(body, path, [&](const QString &key, const YAML::Node &value) {
            const QString fieldPath = path + u'.' + key;
            if (key == "cluster"_L1)
                context.cluster = text(value, fieldPath);
            else if (key == "user"_L1)
                context.user = text(value, fieldPath);
            else if (key == "namespace"_L1)
                context.ns = text(value, fieldPath);
        });
    }

    QString m_origin;
    QString m_baseDir;
};

// The wording of clientcmd's loader, which prefixes every per-file failure this way.
QString fileError(const QString &origin, const QString &detail)
{
    if (origin.isEmpty())
        return detail;
    return u"error loading config file \"%1\": %2"_s.arg(origin, detail);
}

// A kubeconfig is YAML, which is UTF-8 (or UTF-16/32 with a byte-order mark) text without control characters. A
// binary or Latin-1 file would otherwise end in whatever the YAML reader trips over first ("unknown escape
// character"); this names the real problem, with go-yaml's words as kubectl prints them. Empty when the text is fine.
QString notTextProblem(const QByteArray &yaml)
{
    if (yaml.startsWith("\xFE\xFF") || yaml.startsWith("\xFF\xFE") || yaml.startsWith(QByteArray("\0\0\xFE\xFF", 4)))
        return {};
    int line = 1;
    const auto problem = [&line](const char *yamlWords) {
        return QCoreApplication::translate("sa::Kubeconfig",
                                           "line %1: the file is not a kubeconfig: it is binary or not UTF-8 text "
                                           "(yaml: %2)")
            .arg(QString::number(line), QLatin1StringView(yamlWords));
    };
    for (qsizetype i = 0; i < yaml.size(); ++i) {
        const auto byte = uchar(yaml.at(i));
        if (byte == '\n') {
            ++line;
        } else if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
            return problem("control characters are not allowed");
        } else if (byte >= 0x80) {
            // The length of the sequence from its lead byte, then its continuation bytes (RFC 3629).
            const int length = (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : (byte & 0xF8) == 0xF0 ? 4 : 0;
            if (length == 0 || byte == 0xC0 || byte == 0xC1 || byte > 0xF4)
                return problem("invalid leading UTF-8 octet");
            for (int k = 1; k < length; ++k) {
                if (i + k >= yaml.size())
                    return problem("incomplete UTF-8 octet sequence");
                if ((uchar(yaml.at(i + k)) & 0xC0) != 0x80)
                    return problem("invalid trailing UTF-8 octet");
            }
            i += length - 1;
        }
    }
    return {};
}

QString atMark(const YAML::Mark &mark, const QString &message)
{
    if (mark.is_null())
        return message;
    return QCoreApplication::translate("sa::Kubeconfig", "line %1, column %2: %3")
        .arg(QString::number(mark.line + 1), QString::number(mark.column + 1), message);
}

template<typename Entry>
void insertMissing(QMap<QString, Entry> &into, const QMap<QString, Entry> &from)
{
    for (auto it = from.cbegin(); it != from.cend(); ++it) {
        if (!into.contains(it.key()))
            into.insert(it.key(), it.value());
    }
}

// First file wins a whole entry, never a field of it (clientcmd loader.go Load).
void mergeFirstWins(Kubeconfig &into, const Kubeconfig &from)
{
    insertMissing(into.clusters, from.clusters);
    insertMissing(into.users, from.users);
    insertMissing(into.contexts, from.contexts);
    if (into.currentContext.isEmpty())
        into.currentContext = from.currentContext;
    into.files.append(from.files);
}

} // namespace

QStringList KubeconfigLoader::candidateFiles(const QString &explicitPath, const QProcessEnvironment &environment)
{
    if (!explicitPath.isEmpty())
        return {explicitPath};
    // A set but empty-entried KUBECONFIG (":") still replaces ~/.kube/config, as filepath.SplitList does.
    const QString list = environment.value(u"KUBECONFIG"_s);
    if (!list.isEmpty()) {
        QStringList files;
        for (const QString &file : list.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
            if (!files.contains(file))
                files.append(file);
        }
        return files;
    }
    // homedir.HomeDir() is $HOME; filepath.Join drops an empty element.
    const QString home = environment.value(u"HOME"_s);
    return {home.isEmpty() ? u".kube/config"_s : home + u"/.kube/config"_s};
}

KubeconfigLoadResult KubeconfigLoader::load(const QString &explicitPath, const QProcessEnvironment &environment)
{
    return loadFiles(candidateFiles(explicitPath, environment), !explicitPath.isEmpty());
}

KubeconfigLoadResult KubeconfigLoader::loadFiles(const QStringList &files, bool explicitPath)
{
    KubeconfigLoadResult result;
    Kubeconfig merged;
    for (const QString &file : files) {
        if (file.isEmpty())
            continue;
        const QFileInfo info(file);
        if (!info.exists()) {
            if (explicitPath) {
                result.error = u"stat %1: no such file or directory"_s.arg(file);
                return result;
            }
            continue;
        }
        KubeconfigLoadResult parsed;
        QFile input(file);
        if (info.isDir())
            parsed.error = fileError(file, u"read %1: is a directory"_s.arg(file));
        else if (!input.open(QIODevice::ReadOnly))
            parsed.error = fileError(file, u"open %1: %2"_s.arg(file, input.errorString()));
        else
            parsed = parse(input.readAll(), file);
        if (parsed.ok()) {
            mergeFirstWins(merged, *parsed.config);
        } else if (explicitPath) {
            result.error = parsed.error;
            return result;
        } else {
            result.warnings.append(parsed.error);
        }
    }
    result.config = merged;
    return result;
}

KubeconfigLoadResult KubeconfigLoader::parse(const QByteArray &yaml, const QString &origin)
{
    KubeconfigLoadResult result;
    if (const QString problem = notTextProblem(yaml); !problem.isEmpty()) {
        result.error = fileError(origin, problem);
        return result;
    }
    try {
        result.config = DocumentReader(origin).read(YAML::Load(yaml.toStdString()));
    } catch (const DocumentError &error) {
        result.error = fileError(origin, atMark(error.mark, error.message));
    } catch (const YAML::Exception &error) {
        result.error = fileError(origin, atMark(error.mark, QString::fromStdString(error.msg)));
    }
    return result;
}

std::optional<ResolvedContext> resolveContext(const Kubeconfig &config, const QString &contextName,
                                              const QString &namespaceOverride, QString *error)
{
    const auto failWith = [error](const QString &message) -> std::optional<ResolvedContext> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    // kubectl words a missing current context as `kubectl config current-context` does, a missing --context as
    // DirectClientConfig.getContext does and a dangling current-context as ConfirmUsable does.
    const QString name = contextName.isEmpty() ? config.currentContext : contextName;
    if (name.isEmpty())
        return failWith(u"current-context is not set"_s);
    const auto context = config.contexts.constFind(name);
    if (context == config.contexts.cend()) {
        return failWith(contextName.isEmpty() ? u"context was not found for specified context: %1"_s.arg(name)
                                              : u"context \"%1\" does not exist"_s.arg(name));
    }
    // The cluster and user messages are validation.go's validateContext.
    if (context->cluster.isEmpty())
        return failWith(u"cluster was not specified for context \"%1\""_s.arg(name));
    const auto cluster = config.clusters.constFind(context->cluster);
    if (cluster == config.clusters.cend())
        return failWith(u"cluster \"%1\" was not found for context \"%2\""_s.arg(context->cluster, name));
    AuthInfo user;
    if (!context->user.isEmpty()) {
        const auto found = config.users.constFind(context->user);
        if (found == config.users.cend())
            return failWith(u"user \"%1\" was not found for context \"%2\""_s.arg(context->user, name));
        user = *found;
    }
    QString ns = namespaceOverride;
    if (ns.isEmpty())
        ns = context->ns.isEmpty() ? u"default"_s : context->ns;
    return ResolvedContext {*context, *cluster, user, ns};
}

} // namespace sa
