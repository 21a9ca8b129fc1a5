#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace sa {

// A token Secret mounted as a volume: the volume's name and where each container mounts it.
struct TokenVolumeUse
{
    struct Mount
    {
        QString container;
        QString mountPath;
    };
    QString volumeName;
    QList<Mount> mounts;
};

// A token Secret read into an environment variable (env[].valueFrom.secretKeyRef).
struct TokenEnvUse
{
    QString container;
    QString variable;
    QString key = QStringLiteral("token");
};

// What the snippet replaces: the account's long-lived token Secret, and how the pod uses it.
struct ProjectedTokenRequest
{
    QString ns;
    QString serviceAccount;
    QMap<QString, QString> accountAnnotations;
    QString secretName;
    QList<TokenVolumeUse> volumes;
    QList<TokenEnvUse> env;
    QString audience; // empty: the API server's
    qint64 expirationSeconds = 3600; // raised to 600, the least the kubelet may ask for
};

// Where a token that was read from the environment is mounted instead, when the container mounts no token volume.
inline constexpr auto kProjectedTokenDefaultPath = "/var/run/secrets/tokens";
inline constexpr auto kProjectedTokenDefaultVolume = "projected-token";

// The volume the kubelet's own kube-api-access-XXXXX volume is: a projected serviceAccountToken (path "token",
// expiring and rotated by the kubelet), the cluster's CA (ConfigMap kube-root-ca.crt, ca.crt) and the namespace
// (downward API), mode 0644.
[[nodiscard]] QJsonObject projectedTokenVolume(const QString &volumeName, const QString &audience,
                                               qint64 expirationSeconds);

// The pod template fragment (metadata and spec) that replaces the token Secret: each secret volume becomes a projected
// volume of the same name and mount paths (with secret: null, so that it also works as a strategic merge patch),
// serviceAccountName is set, and an account with the Azure workload identity
// annotation (azure.workload.identity/client-id) gets the pod label azure.workload.identity/use: "true". An
// environment variable cannot carry a projected token: each env use gets a comment saying to read the token file, which
// is mounted in that container (at kProjectedTokenDefaultPath when it mounts no token volume).
[[nodiscard]] QJsonObject projectedTokenPodTemplate(const ProjectedTokenRequest &request);
// The same as YAML (Yaml.h's writer), led by comments that say what it replaces and what to change by hand.
[[nodiscard]] QByteArray projectedTokenSnippet(const ProjectedTokenRequest &request);

} // namespace sa
