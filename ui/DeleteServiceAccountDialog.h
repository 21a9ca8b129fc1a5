#pragma once

#include "ActionDialog.h"

namespace sa {

class KubeClient;

// "Delete service account": says what goes with it (its token secrets, which the token controller deletes) and
// what breaks (pods and deployments that run as it); deleting "default" warns that it comes back.
class DeleteServiceAccountDialog : public ActionDialog
{
    Q_OBJECT
public:
    DeleteServiceAccountDialog(KubeClient *client, const ServiceAccount &account, const QStringList &tokenSecrets,
                               const QStringList &users, QWidget *parent = nullptr);

protected:
    QString validate() const override { return {}; }
    void apply() override;

private:
    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    ServiceAccount m_account;
};

} // namespace sa
