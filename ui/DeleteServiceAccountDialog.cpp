#include "DeleteServiceAccountDialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace sa {

DeleteServiceAccountDialog::DeleteServiceAccountDialog(KubeClient *client, const ServiceAccount &account,
                                                       const QStringList &tokenSecrets, const QStringList &users,
                                                       QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_account(account)
{
    setObjectName(u"deleteServiceAccountDialog"_s);
    setWindowTitle(tr("Delete %1/%2").arg(account.meta.ns, account.meta.name));
    QStringList lines;
    lines.append(tr("Tokens issued for %1 stop working at once.").arg(account.meta.name.toHtmlEscaped()));
    if (!tokenSecrets.isEmpty()) {
        lines.append(tr("Its token secrets are deleted with it: %1.").arg(tokenSecrets.join(u", "_s).toHtmlEscaped()));
    }
    if (!users.isEmpty()) {
        lines.append(tr("<b>These run as it and will lose access; new pods of them will be refused:</b> %1.")
                         .arg(users.join(u", "_s).toHtmlEscaped()));
    }
    if (account.meta.name == "default"_L1)
        lines.append(tr("The namespace's controller creates a new, empty <i>default</i> account right away."));
    auto *text = new QLabel(u"<p>"_s + lines.join(u"</p><p>"_s) + u"</p>"_s);
    text->setObjectName(u"consequences"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    formLayout()->addRow(text);
    setMinimumWidth(460);
    okButton()->setText(tr("&Delete"));
    setDestructive(true);
    revalidate();
}

void DeleteServiceAccountDialog::apply()
{
    setOutcomeSentences(tr("The service account was not deleted."),
                        tr("The service account may have been deleted: the list shows whether it is still there."));
    runOperation(ops::deleteServiceAccount(m_client, m_account.meta.ns, m_account.meta.name, m_account.meta.uid),
                 tr("Deleting…"));
}

} // namespace sa
