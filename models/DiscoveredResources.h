#pragma once

#include "resources/ApiResources.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace sa {

class KubeClient;
class Operation;
struct OperationResult;

// The API resources of the window's cluster, read from discovery once per client (session): what the permission
// dialogs offer. Until discovery answers, or when it fails, there is none and the dialogs offer common resources.
class DiscoveredResources : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~DiscoveredResources() override;

    // Forgets what the previous client's server offered and asks `client`'s (null: none).
    void setClient(KubeClient *client);
    // nullopt until discovery answered, or when it failed.
    [[nodiscard]] const std::optional<ApiResources> &resources() const { return m_resources; }
    // Why discovery failed (empty while it runs or when it worked).
    [[nodiscard]] const QString &failure() const { return m_failure; }

Q_SIGNALS:
    // resources() or failure() changed.
    void changed();

private:
    void onFinished(const OperationResult &result);

    QPointer<Operation> m_operation;
    std::optional<ApiResources> m_resources;
    QString m_failure;
};

} // namespace sa
