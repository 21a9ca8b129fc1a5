#pragma once

#include "rbac/Rbac.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

#include <optional>

class QLabel;
class QPushButton;

namespace sa {

struct ApiResources;
class KubeClient;
class PermissionQuestion;
class Operation;
struct OperationResult;

// "Can it…?": may a service account VERB RESOURCE (in a namespace, by name)? Asks the server (a SubjectAccessReview)
// and resolves the question from the cached roles and bindings, and shows both side by side, with the chains of
// the bindings that grant it, saying plainly when they disagree. Changes nothing; stays open for more questions.
class CanItDialog : public QDialog
{
    Q_OBJECT
public:
    // `index`: null when the roles and bindings could not be read (then only the server answers). `namespaces`:
    // offered besides "cluster-wide / all namespaces"; `resources`: offered in the editable resource box, as kubectl
    // names them ("deployments.apps"), with their subresources and scope. The index must outlive the dialog.
    CanItDialog(KubeClient *client, const rbac::RbacIndex *index, const QString &ns, const QString &name,
                const QStringList &namespaces, const ApiResources &resources, QWidget *parent = nullptr);
    ~CanItDialog() override;

    // The answers of the last check: nullopt while the server has not answered (or could not), or with no index.
    [[nodiscard]] std::optional<bool> serverAllowed() const { return m_serverAllowed; }
    [[nodiscard]] std::optional<bool> resolverAllowed() const { return m_resolverAllowed; }
    // Sets the question (an empty namespace: cluster-wide or all namespaces); check() asks it.
    void setQuestion(const QString &verb, const QString &resource, const QString &ns, const QString &name = {},
                     const QString &subresource = {});
    // Offers `resources` instead (discovery arrived), keeping what the user typed.
    void setResources(const ApiResources &resources);

public Q_SLOTS:
    void check();

Q_SIGNALS:
    // Both answers of a check are in (the server's, or its failure).
    void checked();

private:
    void onServerAnswer(const OperationResult &result);
    void compare();
    // Grows the dialog when a longer answer no longer fits; never shrinks it.
    void growToFit();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    const rbac::RbacIndex *m_index;
    QString m_ns;
    QString m_name;
    QPointer<Operation> m_operation;
    std::optional<bool> m_serverAllowed;
    std::optional<bool> m_resolverAllowed;
    PermissionQuestion *m_question;
    QPushButton *m_check;
    QLabel *m_server;
    QLabel *m_resolver;
    QLabel *m_verdict;
};

} // namespace sa
