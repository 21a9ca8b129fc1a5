#pragma once

#include "api/Operation.h"

#include <QList>

#include <functional>

namespace sa {

// Runs operations one after another, each made only when its turn comes. Fails with the first step's failure (the
// steps after it are never made); succeeds with an empty result when every step has. Canceling the sequence cancels
// the step that runs.
class OperationSequence final : public Operation
{
public:
    using Step = std::function<Operation *()>;

    OperationSequence(KubeClient *client, QList<Step> steps);

private:
    void next();

    QList<Step> m_steps;
};

} // namespace sa
