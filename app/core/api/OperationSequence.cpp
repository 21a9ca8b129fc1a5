#include "api/OperationSequence.h"

#include "api/OperationSupport.h"

using namespace Qt::StringLiterals;

namespace sa {

OperationSequence::OperationSequence(KubeClient *client, QList<Step> steps)
    : Operation(client)
    , m_steps(std::move(steps))
    , m_total(m_steps.size())
{
    QMetaObject::invokeMethod(this, &OperationSequence::next, Qt::QueuedConnection);
}

void OperationSequence::cancel()
{
    if (!m_current) {
        Operation::cancel();
        return;
    }
    m_cancelRequested = true; // stopCanceled() once the step that runs has finished
}

void OperationSequence::stopCanceled()
{
    if (m_made == 0) {
        Operation::cancel();
        return;
    }
    fail(detail::operationError(
        Operation::tr("Canceled part-way: %1 of %2 changes made, the rest not made.").arg(m_made).arg(m_total)));
}

void OperationSequence::next()
{
    if (isDone())
        return;
    // The last step finished although Cancel came while it ran: everything was made, which is success.
    if (m_steps.isEmpty()) {
        succeed({});
        return;
    }
    if (m_cancelRequested) {
        stopCanceled();
        return;
    }
    Operation *step = m_steps.takeFirst()();
    m_current = step;
    connect(this, &Operation::finished, step, &Operation::cancel);
    connect(step, &Operation::finished, this, [this](const OperationResult &result) {
        m_current = nullptr;
        if (!result.ok()) {
            if (m_made == 0) {
                fail(*result.error);
                return;
            }
            // The changes made before this one stay made: the user has to hear which.
            fail(detail::combinedError(*result.error,
                                       followedBy(result.error->userMessage(),
                                                  Operation::tr("Stopped at change %1 of %2: the changes before it "
                                                                "were made, none after it.")
                                                      .arg(m_made + 1)
                                                      .arg(m_total))));
            return;
        }
        ++m_made;
        next();
    });
}

} // namespace sa
