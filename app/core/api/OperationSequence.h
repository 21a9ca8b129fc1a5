#pragma once

#include "api/Operation.h"

#include <QList>
#include <QPointer>

#include <functional>

namespace sa {

// Runs operations one after another, each made only when its turn comes. Fails with the first step's failure (the
// steps after it are never made), saying which step it was when steps before it were made; succeeds with an empty
// result when every step has. cancel() lets the step that runs finish (its request may already have reached the server,
// so aborting it would leave the user unsure whether it happened) and makes no further step: it then fails with a
// Canceled error when no step had been made, and otherwise with a sentence saying how many of the changes were made
// (success when the step that ran was the last).
class OperationSequence final : public Operation
{
public:
    using Step = std::function<Operation *()>;

    OperationSequence(KubeClient *client, QList<Step> steps);
    void cancel() override;

private:
    void next();
    void stopCanceled();

    QList<Step> m_steps;
    QPointer<Operation> m_current;
    qsizetype m_total = 0;
    qsizetype m_made = 0;
    bool m_cancelRequested = false;
};

} // namespace sa
