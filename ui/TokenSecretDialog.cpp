#include "TokenSecretDialog.h"

#include "TokenView.h"

#include "resources/Resources.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

TokenSecretDialog::TokenSecretDialog(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                     QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_ns(ns)
    , m_account(serviceAccount)
    , m_name(new QLineEdit)
{
    setObjectName(u"tokenSecretDialog"_s);
    setWindowTitle(tr("New long-lived token secret for %1/%2").arg(ns, serviceAccount));
    auto *explanation = new QLabel(
        tr("<p>⚠ A token secret holds a token that <b>never expires</b>: it works for anyone who has it until the "
           "secret or the service account is deleted, and it is readable by everyone who may read secrets in "
           "%1.</p><p>For a pipeline or a person, prefer <b>Issue token</b> (Ctrl+T): a token that expires on its own. "
           "Use a token secret only for a client that cannot renew its token.</p>")
            .arg(ns.toHtmlEscaped()));
    explanation->setObjectName(u"explanation"_s);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    formLayout()->addRow(explanation);
    m_name->setObjectName(u"name"_s);
    m_name->setAccessibleName(tr("Secret name"));
    m_name->setText(serviceAccount + u"-token"_s);
    formLayout()->addRow(tr("Secret &name:"), m_name);
    okButton()->setText(tr("&Create"));
    setMinimumWidth(520);
    connect(m_name, &QLineEdit::textChanged, this, &TokenSecretDialog::revalidate);
    revalidate();
}

QString TokenSecretDialog::validate() const
{
    return dns1123SubdomainProblem(m_name->text());
}

void TokenSecretDialog::apply()
{
    setOutcomeSentences(tr("The token secret was not created."),
                        tr("The token secret may have been created: the list of secrets shows it if it was."));
    runOperation(ops::createTokenSecret(m_client, m_ns, m_account, m_name->text(), m_waitMs),
                 tr("Creating; waiting for the token controller to fill it…"));
}

void TokenSecretDialog::applySucceeded(const OperationResult &result)
{
    auto *page = new QWidget;
    page->setObjectName(u"tokenSecretResult"_s);
    auto *layout = new QVBoxLayout(page);
    auto *title = new QLabel(tr("<b>Secret %1/%2</b> holds a token for %3.")
                                 .arg(m_ns.toHtmlEscaped(), m_name->text().toHtmlEscaped(), m_account.toHtmlEscaped()));
    title->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(new TokenView(m_client, m_ns, m_account, result.get<Secret>()->data.value(u"token"_s)));
    layout->addStretch();
    showResultPage(page);
}

} // namespace sa
