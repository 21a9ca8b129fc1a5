#pragma once

#include "ActionDialog.h"

namespace sa {

// "Reveal values": one GET of the secret when the dialog opens (the only moment its values are read), each value
// masked in its own SecretField until revealed. Tokens also show their decoded claims (a token secret's token as
// a TokenView, with curl and kubeconfig); binary values show their size and hex. The values go with the dialog.
class SecretValuesDialog : public ActionDialog
{
    Q_OBJECT
public:
    SecretValuesDialog(KubeClient *client, const QString &ns, const QString &name, QWidget *parent = nullptr);

protected:
    QString validate() const override { return {}; }
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    KubeClient *m_client;
    QString m_ns;
    QString m_name;
};

} // namespace sa
