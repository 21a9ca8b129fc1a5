#pragma once

#include "ActionDialog.h"

class QScrollArea;

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
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Grows the dialog, up to kMaxHeight, so that the values need no scrolling (a revealed one may wrap over lines).
    void fitValues();

    static constexpr int kMaxHeight = 640;

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QString m_ns;
    QString m_name;
    QWidget *m_values = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace sa
