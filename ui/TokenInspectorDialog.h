#pragma once

#include "resources/SecretBytes.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>

class QFormLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace sa {

class KubeClient;
class Operation;
class SecretField;
struct OperationResult;

// The token inspector (Ctrl+I): any token pasted into a masked field, its header and claims decoded without
// verifying them (bound or legacy, issuer, audiences, expiry counting down, bound object, node, token id), and
// "Check with the cluster": a TokenReview that says whom the cluster takes it for (user, groups, extra with the
// credential id), or the server's reason. The token lives only in the field's SecretBytes, wiped when the inspector
// closes; it is never logged.
class TokenInspectorDialog : public QDialog
{
    Q_OBJECT
public:
    // `client`: the cluster to check with (null: decoding only). `token`: shown at once (from a token view).
    explicit TokenInspectorDialog(KubeClient *client, const SecretBytes &token = {}, QWidget *parent = nullptr);
    ~TokenInspectorDialog() override;

    // Takes the token (the clipboard's text, trimmed, as Paste does), decodes it and forgets the last check.
    void setToken(const SecretBytes &token);

public Q_SLOTS:
    void pasteFromClipboard();
    void checkWithCluster();

Q_SIGNALS:
    // The cluster answered a check (or the check failed).
    void checked();

protected:
    void done(int result) override;

private:
    void decode();
    void updateExpiry();
    void onReview(const OperationResult &result);

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QPointer<Operation> m_review;
    SecretField *m_field;
    QLabel *m_problem;
    QWidget *m_claimsBox;
    QFormLayout *m_claims = nullptr;
    QLabel *m_expiry;
    QPushButton *m_check;
    QLabel *m_answer;
    QTimer *m_countdown;
    QDateTime m_expiresAt;
};

} // namespace sa
