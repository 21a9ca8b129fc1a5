#include "LegacyTokens.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QString kTrackingConfigMap = u"kube-apiserver-legacy-service-account-token-tracking"_s;

const ResourceType &coreType(QLatin1StringView plural)
{
    return *findResource(QString(), u"v1"_s, QString(plural));
}

QString dateText(const QDate &date)
{
    return date.toString(u"yyyy-MM-dd"_s);
}

// A date as the cleaner writes it, or an invalid QDate for anything else (Go's time.Parse would fail too).
QDate parseDate(const QString &text)
{
    return text.size() == 10 ? QDate::fromString(text, u"yyyy-MM-dd"_s) : QDate();
}

void addSecretRefs(const QJsonArray &containers, QSet<QString> &names)
{
    for (const QJsonValue &container : containers) {
        for (const QJsonValue &env : container[u"env"].toArray()) {
            if (const QString name = env[u"valueFrom"][u"secretKeyRef"][u"name"].toString(); !name.isEmpty())
                names.insert(name);
        }
        for (const QJsonValue &from : container[u"envFrom"].toArray()) {
            if (const QString name = from[u"secretRef"][u"name"].toString(); !name.isEmpty())
                names.insert(name);
        }
    }
}

} // namespace

LegacyTokenCleaner::LegacyTokenCleaner(Registry &registry, qint64 periodSeconds, qint64 intervalSeconds,
                                       QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_periodSeconds(periodSeconds)
{
    m_timer.setInterval(std::chrono::seconds(intervalSeconds));
    m_timer.callOnTimeout(this, &LegacyTokenCleaner::evaluate);
}

void LegacyTokenCleaner::start(const QDate &trackingSince)
{
    const ResourceType &configMaps = coreType("configmaps"_L1);
    if (!m_registry.store().get(configMaps, u"kube-system"_s, kTrackingConfigMap)) {
        const QDate since = trackingSince.isValid() ? trackingSince : QDateTime::currentDateTimeUtc().date();
        const QJsonObject configMap {
            {"apiVersion"_L1, "v1"_L1},
            {"kind"_L1, "ConfigMap"_L1},
            {"metadata"_L1, QJsonObject {{"name"_L1, kTrackingConfigMap}, {"namespace"_L1, "kube-system"_L1}}},
            {"data"_L1, QJsonObject {{"since"_L1, dateText(since)}}}};
        (void)m_registry.create(configMaps, u"kube-system"_s, configMap);
    }
    evaluate();
    m_timer.start();
}

QSet<QString> LegacyTokenCleaner::secretNamesOf(const QJsonObject &pod)
{
    QSet<QString> names;
    const QJsonObject spec = pod.value("spec"_L1).toObject();
    for (const QJsonValue &reference : spec.value("imagePullSecrets"_L1).toArray()) {
        if (const QString name = reference[u"name"].toString(); !name.isEmpty())
            names.insert(name);
    }
    for (const QJsonValue &volume : spec.value("volumes"_L1).toArray()) {
        if (const QString name = volume[u"secret"][u"secretName"].toString(); !name.isEmpty())
            names.insert(name);
        for (const QJsonValue &source : volume[u"projected"][u"sources"].toArray()) {
            if (const QString name = source[u"secret"][u"name"].toString(); !name.isEmpty())
                names.insert(name);
        }
    }
    for (const auto key : {"containers"_L1, "initContainers"_L1, "ephemeralContainers"_L1})
        addSecretRefs(spec.value(key).toArray(), names);
    return names;
}

void LegacyTokenCleaner::evaluate()
{
    if (m_paused)
        return;
    Store &store = m_registry.store();
    const ResourceType &secrets = coreType("secrets"_L1);
    const ResourceType &accounts = coreType("serviceaccounts"_L1);
    const auto tracking = store.get(coreType("configmaps"_L1), u"kube-system"_s, kTrackingConfigMap);
    const QDate trackedSince = tracking ? parseDate(tracking->value("data"_L1)[u"since"].toString()) : QDate();
    if (!trackedSince.isValid())
        return; // the real cleaner logs the error and waits for the next pass
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Tracking counts from 00:00 of the day after it began: before a whole period since then, no use is known.
    if (now < QDateTime(trackedSince.addDays(1), QTime(0, 0), Qt::UTC).addSecs(m_periodSeconds))
        return;
    const QDateTime keepCreatedFrom = now.addSecs(-m_periodSeconds);
    const QString keepUsedFrom = dateText(keepCreatedFrom.date());
    QHash<QString, QSet<QString>> usedByPods; // namespace → secret names its pods use, filled on demand
    const Store::Objects all = store.objects(secrets);
    for (const QJsonObject &secret : all) {
        if (secret.value("type"_L1).toString() != "kubernetes.io/service-account-token"_L1)
            continue;
        const QJsonObject metadata = metadataOf(secret);
        const QDateTime created = QDateTime::fromString(metadata.value("creationTimestamp"_L1).toString(), Qt::ISODate);
        if (!created.isValid() || created >= keepCreatedFrom || metadata.contains("deletionTimestamp"_L1))
            continue;
        const QJsonObject labels = metadata.value("labels"_L1).toObject();
        if (labels.contains(kLegacyTokenLastUsedLabel)) {
            const QString lastUsed = labels.value(kLegacyTokenLastUsedLabel).toString();
            // A date that does not parse cannot tell; one within the period keeps the token.
            if (!parseDate(lastUsed).isValid() || lastUsed >= keepUsedFrom)
                continue;
        }
        const QString ns = metadata.value("namespace"_L1).toString();
        const QString name = metadata.value("name"_L1).toString();
        const QJsonObject annotations = metadata.value("annotations"_L1).toObject();
        const QString accountName = annotations.value("kubernetes.io/service-account.name"_L1).toString();
        const auto account = accountName.isEmpty() ? std::nullopt : store.get(accounts, ns, accountName);
        const QString accountUid = annotations.value("kubernetes.io/service-account.uid"_L1).toString();
        if (!account || (!accountUid.isEmpty() && metadataOf(*account).value("uid"_L1).toString() != accountUid))
            continue;
        // Only tokens the account lists (made for it automatically in the past); hand-made ones are never cleaned.
        const QJsonArray listed = account->value("secrets"_L1).toArray();
        if (std::none_of(listed.begin(), listed.end(),
                         [&](const QJsonValue &reference) { return reference[u"name"].toString() == name; }))
            continue;
        if (!usedByPods.contains(ns)) {
            QSet<QString> &used = usedByPods[ns];
            const Store::Objects pods = store.objects(coreType("pods"_L1));
            for (auto it = pods.lowerBound(ns + u'/'); it != pods.end() && it.key().startsWith(ns + u'/'); ++it)
                used.unite(secretNamesOf(*it));
        }
        if (usedByPods.value(ns).contains(name))
            continue;
        const QString invalidSince = labels.value(kLegacyTokenInvalidSinceLabel).toString();
        if (!parseDate(invalidSince).isValid()) {
            const QJsonObject patch {
                {"metadata"_L1,
                 QJsonObject {{"labels"_L1, QJsonObject {{kLegacyTokenInvalidSinceLabel, dateText(now.date())}}}}}};
            (void)m_registry.patch(secrets, ns, name, PatchType::Merge,
                                   QJsonDocument(patch).toJson(QJsonDocument::Compact));
            continue;
        }
        if (invalidSince >= keepUsedFrom)
            continue;
        (void)m_registry.remove(
            secrets, ns, name,
            {{"preconditions"_L1, QJsonObject {{"resourceVersion"_L1, metadata.value("resourceVersion"_L1)}}}});
    }
}

} // namespace kubesim
