#pragma once

#include "ActionDialog.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sa {

// "Issue token" (TokenRequest): a lifetime from presets or in minutes (at least 10), audiences and an optional
// bound pod or secret, or a new Secret made for the token (then "Revoke now" deletes it). The result page is a
// TokenView (the token masked, its expiry counting down, its claims, curl, kubeconfig, "Test token") with the server's
// warning when it shortened the lifetime.
class IssueTokenDialog : public ActionDialog
{
    Q_OBJECT
public:
    // The lifetimes one may ask for, in minutes: the API server refuses less than 10 minutes; more than the form
    // offers (about two years) is what bound tokens are meant to replace. The default (the server's own: 1 hour)
    // is the preference "tokens/defaultMinutes" (Preferences).
    static constexpr int kMinimumMinutes = 10;
    static constexpr int kMaximumMinutes = 1000000;
    // Why a lifetime of `seconds` cannot be asked for, or empty.
    [[nodiscard]] static QString lifetimeProblem(qint64 seconds);
    // A warning (not an objection) about a lifetime of `seconds`, or empty.
    [[nodiscard]] static QString lifetimeWarning(qint64 seconds);

    // `pods` (those that run as the account) and `secrets` (of its namespace): what the token may be bound to.
    IssueTokenDialog(KubeClient *client, const QString &ns, const QString &serviceAccount, const QStringList &pods,
                     const QStringList &secrets, QWidget *parent = nullptr);

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    [[nodiscard]] qint64 lifetimeSeconds() const;
    // "Deleting secret S revokes this token" with "Revoke now", for a token bound to a Secret made for it.
    [[nodiscard]] QWidget *revocation(const QString &secret, const QString &uid);
    void testToken();
    void updateCountdown();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QString m_ns;
    QString m_account;
    QComboBox *m_lifetime;
    QSpinBox *m_minutes;
    QLineEdit *m_audiences;
    QComboBox *m_bound;
    QLabel *m_lifetimeNote;
};

} // namespace sa
