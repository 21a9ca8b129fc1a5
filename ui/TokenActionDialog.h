#pragma once

#include "ActionDialog.h"
#include "TokenAudit.h"

class QLabel;
class QPushButton;

namespace sa {

// The actions on long-lived token Secrets of the Tokens tab, each saying its consequence first and naming what
// reads each token: invalidate now (the label the legacy token cleaner sets: the server refuses the token), re-enable
// (the label removed), delete (the token is revoked for good), and rotate (one token: a new token Secret for the same
// account, its token shown on request; the old one deleted only after a second confirmation). Invalidate and delete are
// destructive: Enter cancels.
class TokenActionDialog : public ActionDialog
{
    Q_OBJECT
public:
    enum class Action { Invalidate, ReEnable, Delete, Rotate };
    struct Token
    {
        TokenFacts facts;
        QStringList workloads; // "deployment/NAME" whose pod template reads it
    };

    TokenActionDialog(KubeClient *client, Action action, QList<Token> tokens, QWidget *parent = nullptr);

    // Rotate: the token Secret made (empty before).
    [[nodiscard]] const QString &newSecret() const { return m_newSecret; }
    // Rotate: deletes the old token Secret after asking (the result page's "Delete old token" button).
    void deleteOldToken(bool confirmed = false);

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    [[nodiscard]] QString consequences() const;

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    Action m_action;
    QList<Token> m_tokens;
    QString m_newSecret;
    QPushButton *m_deleteOld = nullptr;
    QLabel *m_oldState = nullptr;
};

} // namespace sa
