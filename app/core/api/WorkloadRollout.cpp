#include "api/Operations.h"

#include "api/OperationSupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

constexpr int kRolloutPollMs = 500;

// Sets a Deployment's serviceAccountName and follows the rollout as `kubectl rollout status` does.
class WorkloadRollout final : public Operation
{
public:
    WorkloadRollout(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
                    const QString &serviceAccount, int timeoutMs)
        : Operation(client)
        , m_kind(kind)
        , m_path(appsPath(kind, ns, name))
        , m_timeoutMs(timeoutMs)
        , m_deadline(timeoutMs)
    {
        // What `kubectl set serviceaccount` sends: a strategic merge patch of the one field.
        const QJsonObject patch {
            {"spec"_L1,
             QJsonObject {
                 {"template"_L1, QJsonObject {{"spec"_L1, QJsonObject {{"serviceAccountName"_L1, serviceAccount}}}}}}}};
        call(jsonRequest("PATCH", m_path, patch, "application/strategic-merge-patch+json"),
             [this](const ApiResult &answer) { check(answer); });
    }

private:
    // Where the rollout stands, as kubectl decides it; a failure that waiting will not cure sets *failure.
    std::optional<RolloutStatus> observe(const QJsonObject &object, QString *failure)
    {
        if (m_kind == "StatefulSet"_L1) {
            const auto set = StatefulSet::fromJson(object);
            return set ? std::optional(set->rollout()) : std::nullopt;
        }
        if (m_kind == "DaemonSet"_L1) {
            const auto set = DaemonSet::fromJson(object);
            return set ? std::optional(set->rollout()) : std::nullopt;
        }
        const std::optional<Deployment> deployment = Deployment::fromJson(object);
        if (!deployment)
            return std::nullopt;
        RolloutStatus status;
        status.done = deployment->rolledOut(&status.message);
        const bool observed = deployment->meta.generation <= deployment->observedGeneration;
        if (!status.done && observed && deployment->progressingReason == "ProgressDeadlineExceeded"_L1) {
            *failure = status.message;
        } else if (!status.done && observed && !deployment->replicaFailure.isEmpty() && ++m_failedPolls >= 2) {
            // kubectl would wait for the progress deadline (10 min); a refusal seen twice is not a passing one.
            *failure = u"The new pods of deployment \""_s + deployment->meta.name + u"\" are refused: "_s
                + deployment->replicaFailure;
        }
        return status;
    }

    void check(const ApiResult &answer)
    {
        if (!answer.ok()) {
            fail(*answer.error);
            return;
        }
        m_warnings += answer.warnings;
        const QJsonObject object = answer.json();
        QString failure;
        const std::optional<RolloutStatus> status = observe(object, &failure);
        if (!status) {
            fail(ApiError::decode(Operation::tr("the answer is not a %1").arg(m_kind)));
            return;
        }
        if (status->message != m_lastMessage) {
            m_lastMessage = status->message;
            Q_EMIT progress(status->message);
        }
        if (status->done) {
            OperationResult result;
            result.object = object;
            result.warnings = m_warnings;
            if (!status->automatic)
                result.warnings.append(
                    Operation::tr("%1: the pods running now keep their service account until they are deleted.")
                        .arg(status->message));
            succeed(std::move(result));
        } else if (!failure.isEmpty()) {
            fail(operationError(failure));
        } else if (m_deadline.hasExpired()) {
            fail(operationError(
                Operation::tr("The rollout did not finish within %1 s: %2").arg(seconds(m_timeoutMs), m_lastMessage)));
        } else {
            after(kRolloutPollMs,
                  [this] { call(request("GET", m_path), [this](const ApiResult &next) { check(next); }); });
        }
    }

    QString m_kind;
    QString m_path;
    int m_timeoutMs;
    QDeadlineTimer m_deadline;
    QString m_lastMessage;
    QStringList m_warnings;
    int m_failedPolls = 0;
};

} // namespace

namespace ops {

Operation *setWorkloadServiceAccount(KubeClient *client, const QString &kind, const QString &ns, const QString &name,
                                     const QString &serviceAccount, int timeoutMs)
{
    if (kind != "Deployment"_L1 && kind != "StatefulSet"_L1 && kind != "DaemonSet"_L1)
        return failedOperation(client, operationError(Operation::tr("A %1 has no pod template to change.").arg(kind)));
    return new WorkloadRollout(client, kind, ns, name, serviceAccount, timeoutMs);
}

} // namespace ops

} // namespace sa
