#pragma once

#include "Status.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QTimer>

#include <optional>

namespace kubesim {

// Faults injected for the client's reliability tests, set with --faults or through the admin-only
// endpoint /kube-sim/v1/faults (GET shows, PUT replaces, DELETE clears). The JSON form:
//   {"latencyMs": 200,
//    "errors": [{"path": "^/api/v1/.*/secrets", "method": "GET", "code": 503, "retryAfterSeconds": 1,
//                "rate": 0.5, "count": 3}],
//    "watch": {"closeAfterEvents": 5, "closeAfterSeconds": 10, "compactEverySeconds": 30},
//    "outageMs": 2000,
//    "churn": {"resource": "secrets", "perSecond": 1000, "seconds": 10},
//    "controllersPaused": true}
// An error rule applies to requests whose path matches `path` (a regular expression) and whose method is
// `method` (any if absent), with probability `rate` (default 1), `count` times (unlimited if absent). `reason` and
// `message` replace the Status's (e.g. "Invalid" and a validation sentence for a 422); by default each code has the
// API server's usual ones.
// `outageMs` refuses connections for that long at once, keeping the store: a simulated restart.
// `churn` makes kube-sim itself update `perSecond` existing objects of `resource` (a plural, e.g. "secrets" or
// "serviceaccounts") every second for `seconds`, evenly spread over each second, by setting the label
// `kube-sim/churn: N` through the registry: real MODIFIED events, for load tests of watchers. Objects are taken in
// turn from those that exist when it starts; a new configuration (or DELETE) stops it.
// `watch.compactEverySeconds` drops the watch history that often, as a restarted apiserver's watch cache starts
// empty: open watches end, and a watch that then resumes from a resourceVersion older than the newest gets
// 410 Expired (an ERROR event), so its client must list again. (The compaction is marked at the newest
// resourceVersion when the first watch request after it arrives.)
// `controllersPaused` stops the controllers (as if kube-controller-manager were down): token secrets stay empty,
// deployments do not roll; what happened meanwhile is handled once they resume.
struct ChurnFault
{
    QString resource; // the plural, as configured
    int perSecond = 0;
    int seconds = 0;
};

class FaultInjector : public QObject
{
    Q_OBJECT
public:
    explicit FaultInjector(QObject *parent = nullptr);

    // Replaces the configuration; false (and *error) for a malformed one, which changes nothing. An outage
    // it asks for starts with startPendingOutage(), once the answer to the request that asked is on its way.
    bool configure(const QJsonObject &config, QString *error);
    void startPendingOutage();
    void clear();
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] int latencyMs() const { return m_latencyMs; }
    [[nodiscard]] int watchCloseAfterEvents() const { return m_watchCloseAfterEvents; }
    [[nodiscard]] int watchCloseAfterSeconds() const { return m_watchCloseAfterSeconds; }
    // Whether a watch resuming from fromRv is past the injected compaction (with the store now at currentRv).
    [[nodiscard]] bool watchResumeCompacted(qint64 fromRv, qint64 currentRv);
    // The error to answer this request with instead, if a rule fires (it then counts down).
    [[nodiscard]] std::optional<ApiFailure> errorFor(const QByteArray &method, const QString &path);
    [[nodiscard]] const std::optional<ChurnFault> &churn() const { return m_churn; }
    [[nodiscard]] bool controllersPaused() const { return m_controllersPaused; }

Q_SIGNALS:
    void outageRequested(int milliseconds);
    // Every configure() and clear(): a churn in progress stops, and churn() (if set) starts anew; the
    // controllers pause or resume.
    void reconfigured();
    // watch.compactEverySeconds has passed: open watches end.
    void watchHistoryCompacted();

private:
    struct ErrorRule
    {
        QRegularExpression path;
        QString method;
        int code = 500;
        int retryAfterSeconds = 0;
        QString reason;
        QString message;
        double rate = 1.0;
        int remaining = -1; // -1: unlimited
    };

    int m_latencyMs = 0;
    QList<ErrorRule> m_errors;
    int m_watchCloseAfterEvents = 0;
    int m_watchCloseAfterSeconds = 0;
    int m_watchCompactEverySeconds = 0;
    QTimer m_compactTimer;
    bool m_compactPending = false;
    qint64 m_compactedRv = 0;
    int m_pendingOutageMs = 0;
    std::optional<ChurnFault> m_churn;
    bool m_controllersPaused = false;
};

} // namespace kubesim
