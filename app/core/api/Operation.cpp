#include "api/Operation.h"

#include "api/OperationSupport.h"

#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace sa {

using detail::operationError;

Operation::Operation(KubeClient *client)
    : QObject(client)
    , m_client(client)
{ }

void Operation::cancel()
{
    if (m_done || !m_cancelable)
        return;
    ApiError canceled;
    canceled.kind = ApiError::Kind::Canceled;
    canceled.message = u"canceled"_s;
    fail(canceled);
}

void Operation::call(ApiRequest request, std::function<void(const ApiResult &)> next)
{
    if (m_done)
        return;
    if (!m_client) {
        fail(operationError(tr("The connection to the cluster was closed.")));
        return;
    }
    ApiJob *job = m_client->send(std::move(request));
    m_jobs.append(job);
    // A request the server asked to repeat later (429, 503 with Retry-After), or that failed on the way: the user
    // hears why the action takes longer.
    connect(job, &ApiJob::retrying, this, [this](const ApiError &error) {
        const QString again = error.retryAfterSeconds > 0
            ? tr("Trying again in %n s…", nullptr, error.retryAfterSeconds)
            : tr("Trying again…");
        Q_EMIT progress(followedBy(error.userMessage(), again));
    });
    connect(job, &ApiJob::finished, this, [this, job, next = std::move(next)](const ApiResult &result) {
        m_jobs.removeIf([job](const QPointer<ApiJob> &pending) { return pending.isNull() || pending == job; });
        if (!m_done)
            next(result);
    });
}

void Operation::fail(const ApiError &error, const QJsonObject &object)
{
    OperationResult result;
    result.error = error;
    result.object = object;
    finish(std::move(result));
}

void Operation::succeed(OperationResult result)
{
    result.error.reset();
    finish(std::move(result));
}

void Operation::finish(OperationResult result)
{
    if (m_done)
        return;
    m_done = true;
    // Requests still in flight (side by side with the one that decided) are not needed any more.
    const QList<QPointer<ApiJob>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<ApiJob> &job : jobs) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
    // Queued, so that finished() never comes before the caller connected to it, even for an operation that
    // fails before its first request.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            Q_EMIT finished(result);
            deleteLater();
        },
        Qt::QueuedConnection);
}

void Operation::after(int milliseconds, std::function<void()> next)
{
    QTimer::singleShot(milliseconds, this, [this, next = std::move(next)] {
        if (!m_done)
            next();
    });
}

} // namespace sa
