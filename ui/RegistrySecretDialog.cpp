#include "RegistrySecretDialog.h"

#include "resources/Resources.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace sa {

RegistrySecretDialog::RegistrySecretDialog(KubeClient *client, const QString &ns, const QStringList &existing,
                                           QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_ns(ns)
    , m_existing(existing)
    , m_name(new QLineEdit)
    , m_server(new QLineEdit)
    , m_username(new QLineEdit)
    , m_password(new QLineEdit)
    , m_email(new QLineEdit)
{
    setObjectName(u"registrySecretDialog"_s);
    setWindowTitle(tr("New registry secret in %1").arg(ns));
    const auto field = [this](QLineEdit *edit, const QString &label, const QString &name, const QString &accessible) {
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        formLayout()->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, &RegistrySecretDialog::revalidate);
    };
    field(m_name, tr("Secret &name:"), u"name"_s, tr("Secret name"));
    field(m_server, tr("Registry &server:"), u"server"_s, tr("Registry server"));
    field(m_username, tr("&User name:"), u"username"_s, tr("User name"));
    field(m_password, tr("&Password or token:"), u"password"_s, tr("Password or token"));
    field(m_email, tr("&E-mail (optional):"), u"email"_s, tr("E-mail"));
    m_server->setPlaceholderText(u"registry.example.com"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setContextMenuPolicy(Qt::NoContextMenu);
    okButton()->setText(tr("&Create"));
    setMinimumWidth(440);
    revalidate();
}

RegistrySecretDialog::~RegistrySecretDialog()
{
    // QLineEdit keeps its text (and undo history) until it goes; replace both first.
    m_password->setText(QString(m_password->text().size(), u' '));
    m_password->clear();
}

QString RegistrySecretDialog::validate() const
{
    if (const QString problem = dns1123SubdomainProblem(m_name->text()); !problem.isEmpty())
        return problem;
    if (m_existing.contains(m_name->text()))
        return tr("%1 already has a secret named %2.").arg(m_ns, m_name->text());
    if (m_server->text().trimmed().isEmpty())
        return tr("Enter the registry server, e.g. registry.example.com or https://index.docker.io/v1/.");
    if (m_username->text().isEmpty())
        return tr("Enter the user name.");
    if (m_password->text().isEmpty())
        return tr("Enter the password or access token.");
    return {};
}

void RegistrySecretDialog::apply()
{
    DockerRegistryCredentials credentials;
    credentials.server = m_server->text().trimmed();
    credentials.username = m_username->text();
    credentials.password = SecretBytes::adopt(m_password->text().toUtf8());
    credentials.email = m_email->text().trimmed();
    setOutcomeSentences(tr("The registry secret was not created."),
                        tr("The registry secret may have been created: the list of secrets shows it if it was."));
    runOperation(ops::createDockerRegistrySecret(m_client, m_ns, m_name->text(), credentials), tr("Creating…"));
}

void RegistrySecretDialog::applySucceeded(const OperationResult &result)
{
    m_created = m_name->text();
    ActionDialog::applySucceeded(result);
}

} // namespace sa
