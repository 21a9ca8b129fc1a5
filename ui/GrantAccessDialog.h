#pragma once

#include "ActionDialog.h"
#include "rbac/Rbac.h"

#include <QPointer>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace sa {

class KubeClient;

// "Grant access": binds a ClusterRole or Role to a service account, in its namespace, in another namespace or
// cluster-wide, by adding it to an existing binding of that role (no other subject is lost) or by creating one.
// Before OK it previews what the grant adds that the account does not already hold, and the risks among it. The
// server has the last word: a refusal by escalation prevention shows its sentence and changes nothing.
class GrantAccessDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `index`: the cluster's roles and bindings, or null when they could not be read (then nothing is previewed and
    // the server decides). `namespaces`: offered as the other namespace. The index must outlive the dialog.
    GrantAccessDialog(KubeClient *client, const rbac::RbacIndex *index, const QString &ns, const QString &name,
                      const QStringList &namespaces, QWidget *parent = nullptr);

    // What OK would do, as chosen: the binding and the role it grants.
    [[nodiscard]] BindingRef binding() const;
    [[nodiscard]] RoleRef role() const;

protected:
    QString validate() const override;
    void apply() override;

private:
    enum Scope { OwnNamespace, OtherNamespace, ClusterWide };
    [[nodiscard]] Scope scope() const;
    // The namespace of the binding; empty for a ClusterRoleBinding.
    [[nodiscard]] QString bindingNamespace() const;
    [[nodiscard]] bool newBinding() const;
    void fillRoles();
    void fillBindings();
    void suggestName();
    void updatePreview();
    void fillPreview();
    void changed();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    const rbac::RbacIndex *m_index;
    QString m_ns;
    QString m_name;
    bool m_nameEdited = false;
    QComboBox *m_scope;
    QComboBox *m_namespace;
    QComboBox *m_role;
    QComboBox *m_binding;
    QLineEdit *m_bindingName;
    QPlainTextEdit *m_preview;
    QLabel *m_risks;
    QWidget *m_risksArea = nullptr;
};

} // namespace sa
