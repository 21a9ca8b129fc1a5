#pragma once

#include "Registry.h"

#include <QDate>
#include <QLatin1StringView>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace kubesim {

// The labels of legacy token tracking (k8s.io/kubernetes pkg/serviceaccount): the date of the last use, written by
// the authenticator, and the date the cleaner invalidated the token; both YYYY-MM-DD, UTC.
inline constexpr QLatin1StringView kLegacyTokenLastUsedLabel {"kubernetes.io/legacy-token-last-used"};
inline constexpr QLatin1StringView kLegacyTokenInvalidSinceLabel {"kubernetes.io/legacy-token-invalid-since"};

// Legacy (Secret-based) service-account token tracking and clean-up as kube-apiserver 1.28+ and
// kube-controller-manager 1.30+ do them (LegacyServiceAccountTokenTracking, LegacyServiceAccountTokenCleanUp).
// Tracking: the ConfigMap kube-system/kube-apiserver-legacy-service-account-token-tracking records, under "since",
// the date from which token use is labelled (kubernetes.io/legacy-token-last-used, written by the authenticator).
// Clean-up, every `interval`: a kubernetes.io/service-account-token Secret that is older than the period, not
// terminating, unused for the period, listed in its account's `secrets` (auto-generated), and not used by any pod
// of its namespace, is labelled kubernetes.io/legacy-token-invalid-since=<today>; once that date is more than a
// period ago it is deleted (with its resourceVersion as a precondition). Nothing is cleaned until a whole period
// has passed since the day after tracking began. Dates are UTC, YYYY-MM-DD.
class LegacyTokenCleaner : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultPeriodSeconds = 8760LL * 3600; // --legacy-service-account-token-clean-up-period
    static constexpr qint64 kDefaultIntervalSeconds = 24LL * 3600; // DefaultCleanerSyncInterval

    LegacyTokenCleaner(Registry &registry, qint64 periodSeconds, qint64 intervalSeconds, QObject *parent = nullptr);

    // Writes the tracking ConfigMap unless it exists (an invalid date: today), runs a first pass and then one
    // every interval.
    void start(const QDate &trackingSince);
    // While paused (the controllers fault), passes are skipped.
    void setPaused(bool paused) { m_paused = paused; }
    // One pass over every token Secret.
    void evaluate();

    // The names of the Secrets a pod uses: image pull secrets, secret and projected volumes, env and envFrom of
    // every container, init and ephemeral container (podutil.VisitPodSecretNames' main cases).
    [[nodiscard]] static QSet<QString> secretNamesOf(const QJsonObject &pod);

private:
    Registry &m_registry;
    qint64 m_periodSeconds;
    QTimer m_timer;
    bool m_paused = false;
};

} // namespace kubesim
