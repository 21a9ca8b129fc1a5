#pragma once

#include "ActionDialog.h"
#include "resources/Workload.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace sa {

// "Change the service account of a workload": a Deployment gets a new pod template (a rolling update, followed
// until its pods run as the new account); a bare pod, whose service account cannot change, is deleted and created
// again with the same spec, which needs an explicit confirmation. The form says which of the two will happen. It
// is destructive: Enter cancels, and Change has to be pressed.
class ChangeServiceAccountDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `workloads`: the namespace's (see Workload::of); `serviceAccounts`: the names of its service accounts.
    // `workload`: the one the user already chose (its "change account" link), as its label() ("deployment/api") or
    // a name; empty, no workload is chosen until the user picks one. `serviceAccount`: the target to preselect, or
    // empty.
    ChangeServiceAccountDialog(KubeClient *client, const QString &ns, const QList<Workload> &workloads,
                               const QStringList &serviceAccounts, const QString &workload = {},
                               const QString &serviceAccount = {}, QWidget *parent = nullptr);

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;
    void applyFailed(const OperationResult &result) override;

private:
    [[nodiscard]] const Workload *chosenWorkload() const;
    [[nodiscard]] QString chosenAccount() const;
    void updateForm();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    QString m_ns;
    QList<Workload> m_workloads;
    QComboBox *m_workload;
    QComboBox *m_account;
    QLabel *m_consequence;
    QCheckBox *m_confirm;
    QPlainTextEdit *m_recovery;
};

} // namespace sa
