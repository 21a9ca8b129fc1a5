#include "Faults.h"

#include "ResourceTypes.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace kubesim {

FaultInjector::FaultInjector(QObject *parent)
    : QObject(parent)
{
    m_compactTimer.callOnTimeout(this, [this] {
        m_compactPending = true;
        Q_EMIT watchHistoryCompacted();
    });
}

bool FaultInjector::configure(const QJsonObject &config, QString *error)
{
    static const QStringList known {u"latencyMs"_s, u"errors"_s, u"watch"_s,
                                    u"outageMs"_s,  u"churn"_s,  u"controllersPaused"_s};
    for (const QString &key : config.keys()) {
        if (!known.contains(key)) {
            *error = u"unknown fault \""_s + key + u"\"; known: "_s + known.join(u", "_s);
            return false;
        }
    }
    QList<ErrorRule> errors;
    for (const QJsonValue &value : config.value("errors"_L1).toArray()) {
        const QJsonObject rule = value.toObject();
        ErrorRule parsed;
        parsed.path = QRegularExpression(rule.value("path"_L1).toString(u".*"_s));
        parsed.method = rule.value("method"_L1).toString().toUpper();
        parsed.code = rule.value("code"_L1).toInt(500);
        parsed.retryAfterSeconds = rule.value("retryAfterSeconds"_L1).toInt(0);
        parsed.reason = rule.value("reason"_L1).toString();
        parsed.message = rule.value("message"_L1).toString();
        parsed.rate = rule.value("rate"_L1).toDouble(1.0);
        parsed.remaining = rule.value("count"_L1).toInt(-1);
        if (!parsed.path.isValid()) {
            *error = u"invalid path pattern: "_s + parsed.path.errorString();
            return false;
        }
        if (parsed.code < 400 || parsed.code > 599 || parsed.rate < 0 || parsed.rate > 1) {
            *error = u"an error rule needs a code from 400 to 599 and a rate from 0 to 1"_s;
            return false;
        }
        errors.append(parsed);
    }
    const QJsonObject watch = config.value("watch"_L1).toObject();
    const int latency = config.value("latencyMs"_L1).toInt(0);
    const int outage = config.value("outageMs"_L1).toInt(0);
    if (latency < 0 || outage < 0) {
        *error = u"latencyMs and outageMs must not be negative"_s;
        return false;
    }
    std::optional<ChurnFault> churn;
    if (config.contains("churn"_L1)) {
        const QJsonObject spec = config.value("churn"_L1).toObject();
        churn = ChurnFault {spec.value("resource"_L1).toString(), spec.value("perSecond"_L1).toInt(0),
                            spec.value("seconds"_L1).toInt(0)};
        const auto &types = resourceTypes();
        const bool updatable = std::any_of(types.cbegin(), types.cend(), [&](const ResourceType &type) {
            return type.plural == churn->resource && type.stored && type.allows(u"update"_s);
        });
        if (!updatable) {
            *error = u"churn needs the plural of a resource that can be updated, e.g. \"secrets\""_s;
            return false;
        }
        if (churn->perSecond <= 0 || churn->seconds <= 0) {
            *error = u"churn needs a positive perSecond and seconds"_s;
            return false;
        }
    }
    m_latencyMs = latency;
    m_errors = errors;
    m_watchCloseAfterEvents = watch.value("closeAfterEvents"_L1).toInt(0);
    m_watchCloseAfterSeconds = watch.value("closeAfterSeconds"_L1).toInt(0);
    m_watchCompactEverySeconds = qMax(0, watch.value("compactEverySeconds"_L1).toInt(0));
    m_compactPending = false;
    m_compactedRv = 0;
    if (m_watchCompactEverySeconds > 0)
        m_compactTimer.start(std::chrono::seconds(m_watchCompactEverySeconds));
    else
        m_compactTimer.stop();
    m_pendingOutageMs = outage;
    m_churn = churn;
    m_controllersPaused = config.value("controllersPaused"_L1).toBool(false);
    Q_EMIT reconfigured();
    return true;
}

void FaultInjector::startPendingOutage()
{
    if (const int outage = std::exchange(m_pendingOutageMs, 0); outage > 0)
        Q_EMIT outageRequested(outage);
}

void FaultInjector::clear()
{
    m_latencyMs = 0;
    m_errors.clear();
    m_watchCloseAfterEvents = 0;
    m_watchCloseAfterSeconds = 0;
    m_watchCompactEverySeconds = 0;
    m_compactTimer.stop();
    m_compactPending = false;
    m_compactedRv = 0;
    m_churn.reset();
    m_controllersPaused = false;
    Q_EMIT reconfigured();
}

QJsonObject FaultInjector::toJson() const
{
    QJsonArray errors;
    for (const ErrorRule &rule : m_errors) {
        QJsonObject json {{"path"_L1, rule.path.pattern()},
                          {"code"_L1, rule.code},
                          {"rate"_L1, rule.rate},
                          {"count"_L1, rule.remaining}};
        if (!rule.method.isEmpty())
            json.insert("method"_L1, rule.method);
        if (rule.retryAfterSeconds > 0)
            json.insert("retryAfterSeconds"_L1, rule.retryAfterSeconds);
        if (!rule.reason.isEmpty())
            json.insert("reason"_L1, rule.reason);
        if (!rule.message.isEmpty())
            json.insert("message"_L1, rule.message);
        errors.append(json);
    }
    QJsonObject json {{"latencyMs"_L1, m_latencyMs},
                      {"errors"_L1, errors},
                      {"watch"_L1,
                       QJsonObject {{"closeAfterEvents"_L1, m_watchCloseAfterEvents},
                                    {"closeAfterSeconds"_L1, m_watchCloseAfterSeconds},
                                    {"compactEverySeconds"_L1, m_watchCompactEverySeconds}}}};
    if (m_churn) {
        json.insert("churn"_L1,
                    QJsonObject {{"resource"_L1, m_churn->resource},
                                 {"perSecond"_L1, m_churn->perSecond},
                                 {"seconds"_L1, m_churn->seconds}});
    }
    if (m_controllersPaused)
        json.insert("controllersPaused"_L1, true);
    return json;
}

bool FaultInjector::watchResumeCompacted(qint64 fromRv, qint64 currentRv)
{
    if (m_watchCompactEverySeconds <= 0)
        return false;
    if (std::exchange(m_compactPending, false))
        m_compactedRv = currentRv;
    return fromRv < m_compactedRv;
}

std::optional<ApiFailure> FaultInjector::errorFor(const QByteArray &method, const QString &path)
{
    for (ErrorRule &rule : m_errors) {
        if (rule.remaining == 0 || (!rule.method.isEmpty() && rule.method != QLatin1StringView(method))
            || !rule.path.match(path).hasMatch())
            continue;
        if (rule.rate < 1.0 && QRandomGenerator::global()->generateDouble() >= rule.rate)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        QJsonObject details;
        if (rule.retryAfterSeconds > 0)
            details.insert("retryAfterSeconds"_L1, rule.retryAfterSeconds);
        if (!rule.reason.isEmpty() || !rule.message.isEmpty())
            return status::make(rule.code, rule.reason.isEmpty() ? u"InternalError"_s : rule.reason,
                                rule.message.isEmpty() ? u"injected fault (kube-sim)"_s : rule.message, details);
        switch (rule.code) {
        case 429:
            return status::make(429, u"TooManyRequests"_s, u"Too many requests, please try again later."_s, details);
        case 503:
            return status::make(503, u"ServiceUnavailable"_s, u"the server is currently unable to handle the request"_s,
                                details);
        case 504:
            return status::make(504, u"Timeout"_s, u"Timeout: request did not complete within the allotted timeout"_s,
                                details);
        default:
            return status::make(rule.code, u"InternalError"_s, u"Internal error occurred: injected fault (kube-sim)"_s,
                                details);
        }
    }
    return std::nullopt;
}

} // namespace kubesim
