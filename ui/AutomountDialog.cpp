#include "AutomountDialog.h"

#include "SnippetView.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// Item data: invalid for "not set", else the bool.
void addChoices(QComboBox *combo, const QString &unset, const QString &on, const QString &off)
{
    combo->addItem(unset);
    combo->addItem(on, true);
    combo->addItem(off, false);
}

} // namespace

AutomountDialog::AutomountDialog(KubeClient *client, const ServiceAccount &account, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_account(account)
    , m_automount(new QComboBox)
    , m_podAutomount(new QComboBox)
    , m_snippet(
          new SnippetView(u"podSnippet"_s, tr("Pod manifest"), tr("Copied. Create the pod with kubectl apply -f -")))
{
    setObjectName(u"automountDialog"_s);
    setWindowTitle(tr("Token automount for %1/%2").arg(account.meta.ns, account.meta.name));
    auto *explanation = new QLabel(
        tr("Pods that run as %1 get its token mounted at /var/run/secrets/kubernetes.io/serviceaccount unless the "
           "account or the pod turns that off; the pod's own setting wins. A workload that never calls the API "
           "needs no token.")
            .arg(account.meta.name));
    explanation->setWordWrap(true);
    formLayout()->addRow(explanation);
    m_automount->setObjectName(u"automount"_s);
    m_automount->setAccessibleName(tr("Automount the token"));
    addChoices(m_automount, tr("Not set (mounted: the default)"), tr("Mounted"), tr("Not mounted"));
    m_automount->setCurrentIndex(!account.automountServiceAccountToken       ? 0
                                     : *account.automountServiceAccountToken ? 1
                                                                             : 2);
    formLayout()->addRow(tr("&Token in pods:"), m_automount);

    auto *snippetBox = new QGroupBox(tr("Run a pod as this service account"));
    auto *snippetLayout = new QVBoxLayout(snippetBox);
    auto *podRow = new QFormLayout;
    m_podAutomount->setObjectName(u"podAutomount"_s);
    m_podAutomount->setAccessibleName(tr("Token in this pod"));
    addChoices(m_podAutomount, tr("As the account says"), tr("Mounted"), tr("Not mounted"));
    podRow->addRow(tr("Token in the &pod:"), m_podAutomount);
    snippetLayout->addLayout(podRow);
    m_snippet->setSuggestedFileName(m_account.meta.name + u"-pod.yaml"_s);
    snippetLayout->addWidget(m_snippet);
    formLayout()->addRow(snippetBox);
    okButton()->setText(tr("&Apply"));
    setMinimumWidth(560);

    connect(m_automount, &QComboBox::currentIndexChanged, this, &AutomountDialog::revalidate);
    connect(m_podAutomount, &QComboBox::currentIndexChanged, this, &AutomountDialog::updateSnippet);
    updateSnippet();
    revalidate();
}

std::optional<bool> AutomountDialog::chosen(const QComboBox *combo) const
{
    const QVariant value = combo->currentData();
    return value.isValid() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

QString AutomountDialog::podSnippet(const QString &ns, const QString &serviceAccount, std::optional<bool> automount)
{
    QString yaml = u"apiVersion: v1\nkind: Pod\nmetadata:\n  name: "_s + serviceAccount + u"-shell\n  namespace: "_s
        + ns + u"\nspec:\n  serviceAccountName: "_s + serviceAccount + u'\n';
    if (automount)
        yaml += u"  automountServiceAccountToken: "_s + (*automount ? u"true"_s : u"false"_s) + u'\n';
    yaml += u"  containers:\n  - name: shell\n    image: busybox:1.36\n    command: [\"sleep\", \"3600\"]\n"_s;
    return yaml;
}

bool AutomountDialog::saveSnippet(const QString &path, QString *error) const
{
    return m_snippet->save(path, error);
}

void AutomountDialog::updateSnippet()
{
    m_snippet->setText(podSnippet(m_account.meta.ns, m_account.meta.name, chosen(m_podAutomount)));
}

bool AutomountDialog::hasChanges() const
{
    return chosen(m_automount) != m_account.automountServiceAccountToken;
}

void AutomountDialog::apply()
{
    setOutcomeSentences(tr("The setting was not changed."),
                        tr("The setting may have been changed: the details show what it is now."));
    runOperation(
        ops::setAutomountServiceAccountToken(m_client, m_account.meta.ns, m_account.meta.name, chosen(m_automount)),
        tr("Saving…"));
}

} // namespace sa
