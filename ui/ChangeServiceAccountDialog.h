#pragma once

#include "ActionDialog.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace sa {

// What runs pods as a service account and can be told to run them as another: a Deployment, StatefulSet or
// DaemonSet (through its pod template), or a bare pod (one that no controller owns, so that nothing recreates it
// from a template).
struct Workload
{
    enum class Kind { Deployment, StatefulSet, DaemonSet, Pod }; // in the order they are listed
    Kind kind = Kind::Deployment;
    QString name;
    QString serviceAccount; // what it runs as now
    qint64 pods = 0; // the pods a rolling update replaces: replicas, or a DaemonSet's scheduled pods

    // The API's kind: "Deployment", "StatefulSet", "DaemonSet" or "Pod".
    [[nodiscard]] QString kindName() const;
    // kubectl's name of it: "deployment/NAME", "statefulset/NAME", "daemonset/NAME" or "pod/NAME".
    [[nodiscard]] QString label() const;
    // The workloads of namespace `ns` among these: its Deployments, StatefulSets, DaemonSets and its bare pods that
    // are not being deleted, in that order, each by name. An unset service account is "default", as the API server
    // makes it.
    [[nodiscard]] static QList<Workload> of(const QString &ns, const QList<Deployment> &deployments,
                                            const QList<Pod> &pods, const QList<StatefulSet> &statefulSets = {},
                                            const QList<DaemonSet> &daemonSets = {});
};

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

    KubeClient *m_client;
    QString m_ns;
    QList<Workload> m_workloads;
    QComboBox *m_workload;
    QComboBox *m_account;
    QLabel *m_consequence;
    QCheckBox *m_confirm;
    QPlainTextEdit *m_recovery;
};

} // namespace sa
