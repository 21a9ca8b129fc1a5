#pragma once

#include "ActionDialog.h"

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace sa {

class SecretField;

// "Issue token" (TokenRequest): a lifetime from presets or in minutes (at least 10), audiences and an optional
// bound pod. The result page shows the token masked, its expiry with a live countdown, its decoded claims, the
// server's warning when it shortened the lifetime, and "Test token" (who the token authenticates as).
class IssueTokenDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `pods`: the pods that run as the account, which the token may be bound to.
    IssueTokenDialog(KubeClient *client, const QString &ns, const QString &serviceAccount, const QStringList &pods,
                     QWidget *parent = nullptr);

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    [[nodiscard]] qint64 lifetimeSeconds() const;
    void testToken();
    void updateCountdown();

    KubeClient *m_client;
    QString m_ns;
    QString m_account;
    QComboBox *m_lifetime;
    QSpinBox *m_minutes;
    QLineEdit *m_audiences;
    QComboBox *m_boundPod;
    QLabel *m_lifetimeNote;
    SecretField *m_token = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_testResult = nullptr;
    QTimer *m_countdown = nullptr;
    QDateTime m_expiresAt;
    SecretBytes m_issued;
    std::unique_ptr<KubeClient> m_testClient;
};

} // namespace sa
