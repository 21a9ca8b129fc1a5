#include "resources/ProjectedToken.h"

#include "resources/Yaml.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr qint64 kMinExpirationSeconds = 600; // the API server refuses a shorter serviceAccountToken expiration
const auto kAzureClientIdAnnotation = "azure.workload.identity/client-id"_L1;
const auto kAzureUseLabel = "azure.workload.identity/use"_L1;

QJsonObject mount(const QString &volume, const QString &path)
{
    return {{"name"_L1, volume}, {"mountPath"_L1, path}, {"readOnly"_L1, true}};
}

// The containers in the order they are first named, each with its mounts.
struct Containers
{
    QStringList order;
    QMap<QString, QJsonArray> mounts;

    void add(const QString &container, const QJsonObject &volumeMount)
    {
        if (!order.contains(container))
            order.append(container);
        mounts[container].append(volumeMount);
    }
};

} // namespace

QJsonObject projectedTokenVolume(const QString &volumeName, const QString &audience, qint64 expirationSeconds)
{
    QJsonObject token {{"path"_L1, "token"_L1},
                       {"expirationSeconds"_L1, std::max(expirationSeconds, kMinExpirationSeconds)}};
    if (!audience.isEmpty())
        token.insert("audience"_L1, audience);
    const QJsonArray sources {
        QJsonObject {{"serviceAccountToken"_L1, token}},
        QJsonObject {
            {"configMap"_L1,
             QJsonObject {{"name"_L1, "kube-root-ca.crt"_L1},
                          {"items"_L1, QJsonArray {QJsonObject {{"key"_L1, "ca.crt"_L1}, {"path"_L1, "ca.crt"_L1}}}}}}},
        QJsonObject {
            {"downwardAPI"_L1,
             QJsonObject {{"items"_L1,
                           QJsonArray {QJsonObject {{"path"_L1, "namespace"_L1},
                                                    {"fieldRef"_L1,
                                                     QJsonObject {{"apiVersion"_L1, "v1"_L1},
                                                                  {"fieldPath"_L1, "metadata.namespace"_L1}}}}}}}}}};
    return {{"name"_L1, volumeName}, {"projected"_L1, QJsonObject {{"defaultMode"_L1, 420}, {"sources"_L1, sources}}}};
}

QJsonObject projectedTokenPodTemplate(const ProjectedTokenRequest &request)
{
    QJsonArray volumes;
    Containers containers;
    QSet<QString> mounting; // containers that mount a token volume
    for (const TokenVolumeUse &use : request.volumes) {
        // secret: null takes the Secret out when the fragment is applied as a strategic merge patch (volumes merge by
        // name, and a volume may have one source only).
        QJsonObject volume = projectedTokenVolume(use.volumeName, request.audience, request.expirationSeconds);
        volume.insert("secret"_L1, QJsonValue::Null);
        volumes.append(volume);
        for (const TokenVolumeUse::Mount &m : use.mounts) {
            containers.add(m.container, mount(use.volumeName, m.mountPath));
            mounting.insert(m.container);
        }
    }
    const QString defaultVolume = QString::fromLatin1(kProjectedTokenDefaultVolume);
    for (const TokenEnvUse &use : request.env) {
        if (mounting.contains(use.container))
            continue;
        if (std::none_of(volumes.begin(), volumes.end(),
                         [&](const QJsonValue &v) { return v[u"name"].toString() == defaultVolume; }))
            volumes.append(projectedTokenVolume(defaultVolume, request.audience, request.expirationSeconds));
        containers.add(use.container, mount(defaultVolume, QString::fromLatin1(kProjectedTokenDefaultPath)));
        mounting.insert(use.container);
    }
    QJsonArray containerList;
    for (const QString &name : containers.order)
        containerList.append(QJsonObject {{"name"_L1, name}, {"volumeMounts"_L1, containers.mounts.value(name)}});

    QJsonObject spec {{"serviceAccountName"_L1, request.serviceAccount}};
    if (!containerList.isEmpty())
        spec.insert("containers"_L1, containerList);
    if (!volumes.isEmpty())
        spec.insert("volumes"_L1, volumes);
    QJsonObject podTemplate {{"spec"_L1, spec}};
    if (request.accountAnnotations.contains(kAzureClientIdAnnotation)) {
        // Azure's webhook injects its federated token only into pods with this label.
        podTemplate.insert("metadata"_L1, QJsonObject {{"labels"_L1, QJsonObject {{kAzureUseLabel, "true"_L1}}}});
    }
    return podTemplate;
}

QByteArray projectedTokenSnippet(const ProjectedTokenRequest &request)
{
    QByteArray head = "# Replaces Secret " + request.ns.toUtf8() + '/' + request.secretName.toUtf8()
        + " (a long-lived token) with a projected token of service account " + request.serviceAccount.toUtf8()
        + ",\n# which the kubelet requests for the pod, renews before it expires (after "
        + QByteArray::number(std::max(request.expirationSeconds, kMinExpirationSeconds))
        + " s) and revokes with the pod.\n# Merge into the pod template, by hand or as a strategic merge patch "
          "(kubectl "
          "patch): every volume\n# keeps its name and mount paths, and \"secret: null\" takes the Secret out of it.\n";
    for (const TokenEnvUse &use : request.env) {
        QString path = QString::fromLatin1(kProjectedTokenDefaultPath);
        for (const TokenVolumeUse &volume : request.volumes) {
            const auto it = std::find_if(volume.mounts.begin(), volume.mounts.end(),
                                         [&](const TokenVolumeUse::Mount &m) { return m.container == use.container; });
            if (it != volume.mounts.end()) {
                path = it->mountPath;
                break;
            }
        }
        head += "# Container " + use.container.toUtf8() + ": env " + use.variable.toUtf8()
            + " reads the token from the Secret (secretKeyRef, key " + use.key.toUtf8()
            + "). A projected token cannot be an\n#   environment variable: remove " + use.variable.toUtf8()
            + " and have the app read the file " + path.toUtf8()
            + "/token instead, again on each use\n#   (the kubelet replaces it before it expires).\n";
    }
    return head + toYaml(projectedTokenPodTemplate(request));
}

} // namespace sa
