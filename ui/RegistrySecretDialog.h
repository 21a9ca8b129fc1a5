#pragma once

#include "ActionDialog.h"

class QLineEdit;

namespace sa {

// "New registry secret": a kubernetes.io/dockerconfigjson Secret from a registry server, user name, password and
// optional e-mail, as `kubectl create secret docker-registry` makes it. The password never leaves the form except
// in the request, and the form is wiped when the dialog goes.
class RegistrySecretDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `existing`: secret names the namespace already has, refused before asking the server.
    RegistrySecretDialog(KubeClient *client, const QString &ns, const QStringList &existing, QWidget *parent = nullptr);
    ~RegistrySecretDialog() override;

    // The name of the secret made, once accepted.
    [[nodiscard]] QString created() const { return m_created; }

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QString m_ns;
    QStringList m_existing;
    QLineEdit *m_name;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_email;
    QString m_created;
};

} // namespace sa
