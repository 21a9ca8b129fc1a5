#pragma once

#include "rbac/Rbac.h"

#include <QDialog>
#include <QStringList>

class QLabel;
class QStandardItemModel;
class QTimer;
class QTreeView;

namespace sa {

struct ApiResources;
class PermissionQuestion;

// "Who can…?": every subject that can VERB RESOURCE in a namespace (or in any), from the cached roles and bindings:
// service accounts (those a group binding covers too), users and groups, each with the chain of bindings that lets
// it and how risky everything it holds is, in a sortable list. Without the roles and bindings it says it cannot
// check, rather than show an empty list.
class WhoCanDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, KindColumn, NamespaceColumn, ViaColumn, RiskColumn, ColumnCount };

    // `index`: null when the roles and bindings could not be read. `accounts`: the service accounts a group
    // subject is expanded to. `resources`: offered in the editable resource box ("deployments.apps"), with their
    // subresources and scope. The index must outlive the dialog.
    WhoCanDialog(const rbac::RbacIndex *index, const QList<rbac::AccountRef> &accounts, const QStringList &namespaces,
                 const ApiResources &resources, QWidget *parent = nullptr);

    // Sets the question and answers it at once (an empty namespace: any namespace); "Who can read this?" on a Secret
    // is setQuestion("get", "secrets", ns, name).
    void setQuestion(const QString &verb, const QString &resource, const QString &ns, const QString &name = {},
                     const QString &subresource = {});
    // Offers `resources` instead (discovery arrived), keeping what the user typed.
    void setResources(const ApiResources &resources);
    [[nodiscard]] QStandardItemModel *model() const { return m_model; }

public Q_SLOTS:
    // Answers the question as the form has it now (the form also answers by itself, shortly after a change).
    void refresh();

private:
    void addRow(const Subject &subject, const QString &kind, const QList<rbac::Grant> &grants,
                const rbac::Identity &identity);

    const rbac::RbacIndex *m_index;
    QList<rbac::AccountRef> m_accounts;
    PermissionQuestion *m_question;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QTreeView *m_view;
    QTimer *m_pending;
};

} // namespace sa
