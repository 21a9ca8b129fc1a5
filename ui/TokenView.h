#pragma once

#include "config/Kubeconfig.h"
#include "resources/SecretBytes.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;
class QTimer;

namespace sa {

class KubeClient;
class SecretField;
struct TokenClaims;

// "in 12 min", "in 3 h 5 min", "in 4 days", or "expired".
[[nodiscard]] QString expiresInWords(qint64 seconds);
// The decoded claims as rows of `form`: subject, audiences, issued, expiry, bound object; `full` adds what the
// inspector tells besides (kind, issuer, not-before, node, token id, signature algorithm and key).
void addClaimRows(QFormLayout *form, const TokenClaims &claims, bool full);

// A service-account token as the dialogs hand it over: masked in a SecretField, when it expires (counting down, or
// a warning that it never does), its decoded claims, and what to do with it: copy a curl command or a kubeconfig,
// save the kubeconfig (mode 0600), and "Test token" (whom the cluster takes it for).
class TokenView : public QWidget
{
    Q_OBJECT
public:
    TokenView(KubeClient *client, const QString &ns, const QString &serviceAccount, const SecretBytes &token,
              QWidget *parent = nullptr);
    ~TokenView() override;

    [[nodiscard]] SecretField *field() const { return m_field; }
    // Writes the kubeconfig for this token to `path` at once or not at all, readable by the user alone.
    bool saveKubeconfig(const QString &path, QString *error) const;

public Q_SLOTS:
    void copyCurlCommand();
    void copyKubeconfig();
    void testToken();

private:
    void chooseKubeconfigFile();
    void updateExpiry();
    [[nodiscard]] SecretBytes kubeconfig() const;

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    ResolvedContext m_context; // the client's, kept: the exports still work once the client is gone
    QString m_ns;
    QString m_account;
    SecretBytes m_token;
    QDateTime m_expiresAt; // invalid: never expires
    SecretField *m_field;
    QLabel *m_expiry;
    QLabel *m_status;
    QTimer *m_countdown;
    std::unique_ptr<KubeClient> m_testClient;
};

} // namespace sa
