#include "PullSecretsDialog.h"

#include "RegistrySecretDialog.h"
#include "api/OperationSequence.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

PullSecretsDialog::PullSecretsDialog(KubeClient *client, const ServiceAccount &account,
                                     const QStringList &registrySecrets,
                                     const QMap<QString, QStringList> &podPullSecrets, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_account(account)
    , m_podPullSecrets(podPullSecrets)
    , m_secrets(new QListWidget)
    , m_podNote(new QLabel)
{
    setObjectName(u"pullSecretsDialog"_s);
    setWindowTitle(tr("Image pull secrets of %1/%2").arg(account.meta.ns, account.meta.name));
    m_secrets->setObjectName(u"pullSecrets"_s);
    m_secrets->setAccessibleName(tr("Image pull secrets"));
    QStringList names = registrySecrets;
    for (const QString &attached : account.imagePullSecrets) {
        if (!names.contains(attached))
            names.append(attached); // attached but missing: shown, so that it can be detached
    }
    for (const QString &name : std::as_const(names)) {
        addSecret(name, registrySecrets.contains(name) ? name : tr("%1 (missing)").arg(name),
                  account.imagePullSecrets.contains(name));
    }
    m_podNote->setObjectName(u"podNote"_s);
    m_podNote->setWordWrap(true);
    m_secrets->setMaximumHeight(120);
    auto *create = new QPushButton(tr("&New registry secret…"));
    create->setObjectName(u"newRegistrySecret"_s);
    create->setAccessibleName(tr("New registry secret"));
    connect(create, &QPushButton::clicked, this, [this, registrySecrets] {
        auto *dialog = new RegistrySecretDialog(m_client, m_account.meta.ns, registrySecrets, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            // Made in the same flow: listed and checked, attached on OK.
            addSecret(dialog->created(), dialog->created(), true);
            updateForm();
            revalidate();
        });
        dialog->open();
    });
    auto *secrets = new QWidget;
    auto *secretsLayout = new QVBoxLayout(secrets);
    secretsLayout->setContentsMargins(0, 0, 0, 0);
    secretsLayout->addWidget(m_secrets);
    secretsLayout->addWidget(create, 0, Qt::AlignLeft);
    formLayout()->addRow(tr("&Registry credentials:"), secrets);
    if (auto *label = qobject_cast<QLabel *>(formLayout()->labelForField(secrets)))
        label->setBuddy(m_secrets);
    formLayout()->addRow(m_podNote); // the whole width: it is a sentence or two
    setMinimumWidth(480);
    connect(m_secrets, &QListWidget::itemChanged, this, [this] {
        updateForm();
        revalidate();
    });
    updateForm();
    revalidate();
}

void PullSecretsDialog::addSecret(const QString &name, const QString &text, bool checked)
{
    auto *item = new QListWidgetItem(text, m_secrets);
    item->setData(Qt::UserRole, name);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QStringList PullSecretsDialog::chosen() const
{
    QStringList names;
    for (int row = 0; row < m_secrets->count(); ++row) {
        if (m_secrets->item(row)->checkState() == Qt::Checked)
            names.append(m_secrets->item(row)->data(Qt::UserRole).toString());
    }
    return names;
}

void PullSecretsDialog::updateForm()
{
    const QStringList wanted = chosen();
    // Detaching may leave new pods unable to pull their images: then Enter cancels rather than saves.
    setDestructive(std::ranges::any_of(m_account.imagePullSecrets,
                                       [&wanted](const QString &name) { return !wanted.contains(name); }));
    // Admission copies the account's pull secrets into a pod only when it is created.
    QStringList lacking;
    for (auto it = m_podPullSecrets.cbegin(); it != m_podPullSecrets.cend(); ++it) {
        for (const QString &name : wanted) {
            if (!it.value().contains(name)) {
                lacking.append(it.key());
                break;
            }
        }
    }
    QString note = tr("New pods that run as %1 get these secrets; pods already running keep the ones they started "
                      "with.")
                       .arg(m_account.meta.name);
    if (!lacking.isEmpty())
        note += u' ' + tr("Running without some of them: %1.").arg(lacking.join(u", "_s));
    m_podNote->setText(note);
}

bool PullSecretsDialog::hasChanges() const
{
    // The list follows the namespace's order, the account keeps its own: only what is attached counts.
    const QStringList wanted = chosen();
    return QSet<QString>(wanted.cbegin(), wanted.cend())
        != QSet<QString>(m_account.imagePullSecrets.cbegin(), m_account.imagePullSecrets.cend());
}

void PullSecretsDialog::apply()
{
    const QStringList wanted = chosen();
    QList<OperationSequence::Step> steps;
    for (const QString &name : wanted) {
        if (!m_account.imagePullSecrets.contains(name))
            steps.append(
                [this, name] { return ops::attachPullSecret(m_client, m_account.meta.ns, m_account.meta.name, name); });
    }
    for (const QString &name : std::as_const(m_account.imagePullSecrets)) {
        if (!wanted.contains(name))
            steps.append(
                [this, name] { return ops::detachPullSecret(m_client, m_account.meta.ns, m_account.meta.name, name); });
    }
    runOperation(new OperationSequence(m_client, steps), tr("Saving…"));
}

} // namespace sa
