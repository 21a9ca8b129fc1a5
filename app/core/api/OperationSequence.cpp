#include "api/OperationSequence.h"

namespace sa {

OperationSequence::OperationSequence(KubeClient *client, QList<Step> steps)
    : Operation(client)
    , m_steps(std::move(steps))
{
    QMetaObject::invokeMethod(this, &OperationSequence::next, Qt::QueuedConnection);
}

void OperationSequence::next()
{
    if (m_steps.isEmpty()) {
        succeed({});
        return;
    }
    Operation *step = m_steps.takeFirst()();
    connect(this, &Operation::finished, step, &Operation::cancel);
    connect(step, &Operation::finished, this, [this](const OperationResult &result) {
        if (!result.ok())
            fail(*result.error);
        else
            next();
    });
}

} // namespace sa
