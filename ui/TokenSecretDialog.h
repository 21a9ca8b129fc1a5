#pragma once

#include "ActionDialog.h"

class QLineEdit;

namespace sa {

// "New long-lived token secret": says that such a token never expires and recommends issued tokens, then creates
// the kubernetes.io/service-account-token Secret (name "ACCOUNT-token" unless changed) and waits for the token
// controller to fill it. The result page is a TokenView of the token; a controller that never fills it ends in a
// message, with the empty secret removed again.
class TokenSecretDialog : public ActionDialog
{
    Q_OBJECT
public:
    TokenSecretDialog(KubeClient *client, const QString &ns, const QString &serviceAccount, QWidget *parent = nullptr);

    // How long the token controller may take (tests shorten it).
    void setWaitMilliseconds(int milliseconds) { m_waitMs = milliseconds; }

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QString m_ns;
    QString m_account;
    QLineEdit *m_name;
    int m_waitMs = 15000;
};

} // namespace sa
