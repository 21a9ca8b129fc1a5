#pragma once

#include "ActionDialog.h"

class QCheckBox;

namespace sa {

class KubeClient;

// "Revoke": removes one subject from one RoleBinding or ClusterRoleBinding (ops::removeBindingSubject), saying
// first what it takes away and from whom. When the subject is the binding's only one, the binding is deleted, and
// the dialog says so. A permission that comes from a group can only be revoked for the whole group: every member
// loses it, which needs an explicit confirmation. Destructive: Enter cancels.
class RevokeDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `binding`: as it is now (its role and subjects); `subject`: the one to remove (for a group grant, the group);
    // `account`: "namespace/name" of the account whose details the user was reading.
    RevokeDialog(KubeClient *client, const RoleBinding &binding, const Subject &subject, const QString &account,
                 QWidget *parent = nullptr);

protected:
    QString validate() const override;
    void apply() override;

private:
    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    RoleBinding m_binding;
    Subject m_subject;
    QCheckBox *m_confirm = nullptr; // for a group: "every member loses it"
};

} // namespace sa
