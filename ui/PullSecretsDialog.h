#pragma once

#include "ActionDialog.h"

#include <QMap>
#include <QPointer>

class QLabel;
class QListWidget;

namespace sa {

class KubeClient;

// "Image pull secrets": attach and detach the namespace's registry credentials to a service account, or create new
// ones in the same flow (RegistrySecretDialog), which are then attached on OK. Each
// change is a conflict-safe patch (no concurrent change is lost). It says what the change does to pods: new
// pods get the secrets, running ones do not.
class PullSecretsDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `registrySecrets`: the namespace's dockerconfigjson/dockercfg secrets; `podPullSecrets`: for each pod that
    // runs as the account, the pull secrets it has.
    PullSecretsDialog(KubeClient *client, const ServiceAccount &account, const QStringList &registrySecrets,
                      const QMap<QString, QStringList> &podPullSecrets, QWidget *parent = nullptr);

protected:
    QString validate() const override { return {}; }
    bool hasChanges() const override;
    void apply() override;

private:
    void addSecret(const QString &name, const QString &text, bool checked);
    [[nodiscard]] QStringList chosen() const;
    // The note on running pods, and whether saving detaches anything.
    void updateForm();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    ServiceAccount m_account;
    QMap<QString, QStringList> m_podPullSecrets;
    QListWidget *m_secrets;
    QLabel *m_podNote;
};

} // namespace sa
