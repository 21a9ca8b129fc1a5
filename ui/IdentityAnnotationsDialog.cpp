#include "IdentityAnnotationsDialog.h"

#include "IdentityFields.h"

#include <QFont>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

IdentityAnnotationsDialog::IdentityAnnotationsDialog(KubeClient *client, const ServiceAccount &account, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_account(account)
    , m_tabs(new QTabWidget)
{
    setObjectName(u"identityAnnotationsDialog"_s);
    setWindowTitle(tr("Cloud identity of %1/%2").arg(account.meta.ns, account.meta.name));
    auto *explanation = new QLabel(
        tr("Pods that run as %1 can act as a cloud identity: the cloud's webhook reads these annotations when a pod "
           "starts, so running pods keep what they had. Empty a field to remove its annotation; other annotations "
           "stay as they are.")
            .arg(account.meta.name));
    explanation->setObjectName(u"explanation"_s);
    explanation->setWordWrap(true);
    formLayout()->addRow(explanation);

    // One tab per cloud, the first the account uses in front: all eight fields at once would not fit a screen.
    QTabWidget *tabs = m_tabs;
    tabs->setObjectName(u"providers"_s);
    tabs->setAccessibleName(tr("Cloud"));
    const QList<identity::CloudIdentity> current = identity::identitiesOf(account.meta.annotations);
    for (const identity::Provider provider :
         {identity::Provider::Aws, identity::Provider::Google, identity::Provider::Azure}) {
        auto *page = new QWidget;
        page->setObjectName(u"provider"_s + identity::shortName(provider));
        auto *title = new QLabel(identity::longName(provider));
        title->setObjectName(u"providerTitle"_s + identity::shortName(provider));
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto *fields = new IdentityFields(provider);
        fields->setObjectName(u"fields"_s + identity::shortName(provider));
        fields->setValues(account.meta.annotations);
        auto *layout = new QVBoxLayout(page);
        layout->addWidget(title);
        layout->addWidget(fields);
        layout->addStretch();
        tabs->addTab(page, identity::shortName(provider));
        connect(fields, &IdentityFields::changed, this, &IdentityAnnotationsDialog::revalidate);
        connect(fields, &IdentityFields::changed, this, &IdentityAnnotationsDialog::updateTabs);
        m_providers.append(fields);
    }
    // Tabs are in Provider order, as identitiesOf() lists the clouds.
    tabs->setCurrentIndex(current.isEmpty() ? 0 : int(current.constFirst().provider));
    formLayout()->addRow(tabs);
    updateTabs();
    okButton()->setText(tr("&Apply"));
    setMinimumWidth(600);
    revalidate();
}

QMap<QString, std::optional<QString>> IdentityAnnotationsDialog::changes() const
{
    QMap<QString, std::optional<QString>> changes;
    for (const IdentityFields *fields : m_providers) {
        const QMap<QString, QString> values = fields->values();
        for (const identity::KnownAnnotation &known : identity::knownAnnotations()) {
            if (known.provider != fields->provider())
                continue;
            const QString key(known.key);
            const auto before = m_account.meta.annotations.constFind(key);
            const auto after = values.constFind(key);
            // A value the account has that the field still shows (trimmed) is no change.
            const QString was = before == m_account.meta.annotations.cend() ? QString() : before->trimmed();
            const QString now = after == values.cend() ? QString() : *after;
            if (was == now)
                continue;
            changes.insert(key, now.isEmpty() ? std::nullopt : std::optional<QString>(now));
        }
    }
    return changes;
}

QString IdentityAnnotationsDialog::validate() const
{
    for (const IdentityFields *fields : m_providers) {
        if (const QString problem = fields->problem(false); !problem.isEmpty())
            return identity::shortName(fields->provider()) + u" — "_s + problem;
    }
    return {};
}

void IdentityAnnotationsDialog::updateTabs()
{
    for (int tab = 0; tab < m_providers.size(); ++tab) {
        const IdentityFields *fields = m_providers.at(tab);
        const QString name = identity::shortName(fields->provider());
        QString text = name;
        if (!fields->problem(false).isEmpty())
            text = tr("%1 ⚠").arg(name);
        else if (!fields->values().isEmpty())
            text = tr("%1 (set)").arg(name);
        m_tabs->setTabText(tab, text);
    }
}

void IdentityAnnotationsDialog::apply()
{
    setOutcomeSentences(tr("The annotations were not changed."),
                        tr("The annotations may have been changed: the details show what they are now."));
    runOperation(ops::setAnnotations(m_client, m_account.meta.ns, m_account.meta.name, changes()), tr("Saving…"));
}

} // namespace sa
