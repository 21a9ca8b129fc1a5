#include "DiscoveredResources.h"

#include "api/Operations.h"

namespace sa {

DiscoveredResources::~DiscoveredResources()
{
    if (m_operation)
        m_operation->cancel();
}

void DiscoveredResources::setClient(KubeClient *client)
{
    if (m_operation) {
        m_operation->disconnect(this);
        m_operation->cancel();
    }
    const bool had = m_resources.has_value() || !m_failure.isEmpty();
    m_resources.reset();
    m_failure.clear();
    if (had)
        Q_EMIT changed();
    if (!client)
        return;
    m_operation = ops::discoverApiResources(client);
    connect(m_operation, &Operation::finished, this, &DiscoveredResources::onFinished);
}

void DiscoveredResources::onFinished(const OperationResult &result)
{
    m_operation = nullptr;
    if (const ApiResources *resources = result.get<ApiResources>())
        m_resources = *resources;
    else
        m_failure = result.error ? result.error->userMessage() : tr("discovery gave no answer");
    Q_EMIT changed();
}

} // namespace sa
