#include "ChangeServiceAccountDialog.h"

#include "resources/Yaml.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

ChangeServiceAccountDialog::ChangeServiceAccountDialog(KubeClient *client, const QString &ns,
                                                       const QList<Workload> &workloads,
                                                       const QStringList &serviceAccounts, const QString &workload,
                                                       const QString &serviceAccount, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_ns(ns)
    , m_workloads(workloads)
    , m_workload(new QComboBox)
    , m_account(new QComboBox)
    , m_consequence(new QLabel)
    , m_confirm(new QCheckBox)
    , m_recovery(new QPlainTextEdit)
{
    setObjectName(u"changeServiceAccountDialog"_s);
    setWindowTitle(tr("Change the service account of a workload in %1").arg(ns));

    m_workload->setObjectName(u"workload"_s);
    m_workload->setAccessibleName(tr("Workload"));
    m_workload->setPlaceholderText(tr("Choose a workload…"));
    for (const Workload &each : std::as_const(m_workloads))
        m_workload->addItem(tr("%1 (runs as %2)").arg(each.label(), each.serviceAccount));
    // A label names one workload; a bare name may be a deployment's and a pod's: the deployment comes first.
    const auto indexWhere = [this](const auto &matches) {
        const auto found = std::ranges::find_if(std::as_const(m_workloads), matches);
        return found == m_workloads.cend() ? -1 : int(std::distance(m_workloads.cbegin(), found));
    };
    int preselected = indexWhere([&](const Workload &each) { return each.label() == workload; });
    if (preselected < 0)
        preselected = indexWhere([&](const Workload &each) { return each.name == workload; });
    // None named: none chosen. The user picks the workload to change; a neighbour in the list is never a guess.
    m_workload->setCurrentIndex(preselected);

    m_account->setObjectName(u"serviceAccount"_s);
    m_account->setAccessibleName(tr("Service account to run as"));
    m_account->setPlaceholderText(tr("Choose a service account…"));
    QStringList accounts = serviceAccounts;
    accounts.sort();
    m_account->addItems(accounts);
    // No target given (or one the namespace lacks): the current account, so that the user picks one on purpose,
    // never a neighbour in the list.
    int target = int(accounts.indexOf(serviceAccount));
    if (const Workload *current = chosenWorkload(); target < 0 && current)
        target = int(accounts.indexOf(current->serviceAccount));
    m_account->setCurrentIndex(target);

    m_consequence->setObjectName(u"consequence"_s);
    m_consequence->setAccessibleDescription(tr("What will happen"));
    m_consequence->setWordWrap(true);
    m_consequence->setContentsMargins(0, 4, 0, 4);
    m_confirm->setObjectName(u"confirmRecreate"_s);
    m_confirm->setAccessibleName(tr("Confirm deleting and creating the pod again"));

    formLayout()->addRow(tr("&Workload:"), m_workload);
    formLayout()->addRow(tr("&Run as:"), m_account);
    formLayout()->addRow(m_consequence); // the whole width: it is a sentence or two
    formLayout()->addRow(m_confirm);
    // Shown only when a pod could be neither recreated nor put back: its manifest, for the user to apply.
    m_recovery->setObjectName(u"recoveryYaml"_s);
    m_recovery->setAccessibleName(tr("The pod's manifest"));
    m_recovery->setReadOnly(true);
    m_recovery->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_recovery->hide();
    formLayout()->addRow(m_recovery);
    setMinimumWidth(520);
    okButton()->setText(tr("&Change"));
    setDestructive(true); // pods are replaced, a bare pod deleted
    m_workload->setFocus();

    connect(m_workload, &QComboBox::currentIndexChanged, this, [this] {
        m_confirm->setChecked(false); // a confirmation is for one pod
        updateForm();
    });
    connect(m_account, &QComboBox::currentIndexChanged, this, &ChangeServiceAccountDialog::updateForm);
    connect(m_confirm, &QCheckBox::toggled, this, &ChangeServiceAccountDialog::revalidate);
    updateForm();
    if (m_workloads.isEmpty() || accounts.isEmpty())
        showObjectionsAtOnce(); // there is nothing to choose
}

void ChangeServiceAccountDialog::applyFailed(const OperationResult &result)
{
    if (result.object.isEmpty())
        return;
    m_recovery->setPlainText(tr("# The pod is gone. Save this and create it again: kubectl apply -f FILE\n")
                             + QString::fromUtf8(toYaml(result.object)));
    m_recovery->show();
}

const Workload *ChangeServiceAccountDialog::chosenWorkload() const
{
    const int index = m_workload->currentIndex();
    return index >= 0 && index < m_workloads.size() ? &m_workloads.at(index) : nullptr;
}

QString ChangeServiceAccountDialog::chosenAccount() const
{
    return m_account->currentText();
}

void ChangeServiceAccountDialog::updateForm()
{
    const Workload *workload = chosenWorkload();
    const QString account = chosenAccount();
    const bool barePod = workload && workload->kind == Workload::Kind::Pod;
    m_confirm->setVisible(barePod);
    if (barePod)
        m_confirm->setText(tr("Delete pod %1 and create it again").arg(workload->name));

    QString text;
    if (workload && !account.isEmpty() && account != workload->serviceAccount) {
        if (barePod) {
            text = tr("A pod's service account cannot change: the pod is deleted and created again with the same spec "
                      "under %1; it is down meanwhile and its data in emptyDir volumes is lost.")
                       .arg(account);
        } else if (workload->pods == 0) {
            text = tr("It has no pods now; the pods it starts later run as %1.").arg(account);
        } else if (workload->pods == 1) {
            text = tr("A rolling update replaces its pod; it runs as %1 once it is done.").arg(account);
        } else {
            text = tr("A rolling update replaces its %1 pods; they run as %2 once it is done.")
                       .arg(workload->pods)
                       .arg(account);
        }
        // Its own paragraph: what the pods may do afterwards, not how they get there.
        text += u"\n\n"_s
            + tr("The permissions and image pull secrets of %1 then apply instead of those of %2.")
                  .arg(account, workload->serviceAccount);
    }
    m_consequence->setText(text);
    m_consequence->setVisible(!text.isEmpty());
    revalidate();
}

QString ChangeServiceAccountDialog::validate() const
{
    const Workload *workload = chosenWorkload();
    if (m_workloads.isEmpty())
        return tr("%1 has no deployments, stateful sets, daemon sets or bare pods.").arg(m_ns);
    if (!workload)
        return tr("Choose the workload whose service account changes.");
    if (m_account->count() == 0)
        return tr("%1 has no service accounts to choose from.").arg(m_ns);
    const QString account = chosenAccount();
    if (account.isEmpty())
        return tr("Choose the service account to run as.");
    if (account == workload->serviceAccount)
        return tr("%1 already runs as %2: choose another service account.").arg(workload->label(), account);
    if (workload->kind == Workload::Kind::Pod && !m_confirm->isChecked())
        return tr("Confirm that the pod may be deleted and created again.");
    return {};
}

void ChangeServiceAccountDialog::apply()
{
    const Workload *workload = chosenWorkload();
    if (workload->kind != Workload::Kind::Pod)
        runOperation(
            ops::setWorkloadServiceAccount(m_client, workload->kindName(), m_ns, workload->name, chosenAccount()),
            tr("Updating…"));
    else
        runOperation(ops::recreatePodWithServiceAccount(m_client, m_ns, workload->name, chosenAccount()),
                     tr("Recreating…"));
}

void ChangeServiceAccountDialog::applySucceeded(const OperationResult &result)
{
    const Workload *workload = chosenWorkload();
    const QString account = chosenAccount();
    QString text;
    if (workload->kind != Workload::Kind::Pod) {
        // How many pods the rollout replaced, and whether it replaced any by itself (not with OnDelete).
        qint64 updated = workload->pods;
        bool automatic = true;
        switch (workload->kind) {
        case Workload::Kind::Deployment:
            if (const auto deployment = Deployment::fromJson(result.object))
                updated = deployment->updatedReplicas;
            break;
        case Workload::Kind::StatefulSet:
            if (const auto set = StatefulSet::fromJson(result.object)) {
                updated = set->updatedReplicas;
                automatic = set->rollout().automatic;
            }
            break;
        case Workload::Kind::DaemonSet:
            if (const auto set = DaemonSet::fromJson(result.object)) {
                updated = set->updatedNumberScheduled;
                automatic = set->rollout().automatic;
            }
            break;
        case Workload::Kind::Pod:
            break;
        }
        text = tr("%1 now runs as %2.").arg(workload->label(), account) + u'\n'
            + (!automatic         ? tr("Its pods change only when they are deleted (update strategy OnDelete).")
                   : updated == 0 ? tr("It has no pods at the moment.")
                   : updated == 1 ? tr("The rolling update is done: its pod runs as %1.").arg(account)
                                  : tr("The rolling update is done: its %1 pods run as %2.").arg(updated).arg(account));
    } else {
        const std::optional<Pod> pod = Pod::fromJson(result.object);
        text = tr("Pod %1 was deleted and created again.").arg(workload->name) + u'\n'
            + tr("The new pod runs as %1.").arg(pod ? pod->serviceAccountName : account);
    }
    for (const QString &warning : result.warnings)
        text += u"\n\n"_s + tr("⚠ The server warned: %1").arg(warning);
    auto *page = new QLabel(text);
    page->setObjectName(u"changeResult"_s);
    page->setAccessibleDescription(tr("Result"));
    page->setWordWrap(true);
    page->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    page->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    showResultPage(page);
}

} // namespace sa
