#include "CreateServiceAccountDialog.h"

#include "IdentityFields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>

using namespace Qt::StringLiterals;

namespace sa {

CreateServiceAccountDialog::CreateServiceAccountDialog(KubeClient *client, const QStringList &namespaces,
                                                       const QString &ns, RegistrySecrets registrySecrets,
                                                       QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_registrySecrets(std::move(registrySecrets))
    , m_namespace(new QComboBox)
    , m_name(new QLineEdit)
    , m_labels(new QLineEdit)
    , m_annotations(new QLineEdit)
    , m_identityProvider(new QComboBox)
    , m_automount(new QComboBox)
    , m_pullSecrets(new QListWidget)
{
    setObjectName(u"createServiceAccountDialog"_s);
    setWindowTitle(tr("New service account in %1").arg(ns));
    m_namespace->setObjectName(u"namespace"_s);
    m_namespace->setAccessibleName(tr("Namespace"));
    m_namespace->addItems(namespaces);
    m_namespace->setCurrentText(ns);
    m_name->setObjectName(u"name"_s);
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("e.g. ci-deployer"));
    m_labels->setObjectName(u"labels"_s);
    m_labels->setAccessibleName(tr("Labels"));
    m_labels->setPlaceholderText(tr("key=value, key2=value2"));
    m_annotations->setObjectName(u"annotations"_s);
    m_annotations->setAccessibleName(tr("Annotations"));
    m_annotations->setPlaceholderText(tr("key=value, key2=value2"));
    m_identityProvider->setObjectName(u"identityProvider"_s);
    m_identityProvider->setAccessibleName(tr("Cloud identity"));
    m_identityProvider->addItem(tr("None"));
    m_identityProvider->addItem(tr("AWS IAM role (EKS)"), int(identity::Provider::Aws));
    m_identityProvider->addItem(tr("Google service account (GKE)"), int(identity::Provider::Google));
    m_identityProvider->addItem(tr("Azure managed identity or app (Workload ID)"), int(identity::Provider::Azure));
    m_automount->setObjectName(u"automount"_s);
    m_automount->setAccessibleName(tr("Automount token"));
    m_automount->addItem(tr("Cluster default (mount)"));
    m_automount->addItem(tr("Mount into pods"), true);
    m_automount->addItem(tr("Do not mount"), false);
    m_pullSecrets->setObjectName(u"pullSecrets"_s);
    m_pullSecrets->setAccessibleName(tr("Image pull secrets"));
    m_pullSecrets->setMaximumHeight(110);

    formLayout()->addRow(tr("&Namespace:"), m_namespace);
    formLayout()->addRow(tr("N&ame:"), m_name);
    formLayout()->addRow(tr("&Labels:"), m_labels);
    formLayout()->addRow(tr("Anno&tations:"), m_annotations);
    formLayout()->addRow(tr("Cloud &identity:"), m_identityProvider);
    // Only the chosen provider's fields show; the others are not sent.
    for (const identity::Provider provider :
         {identity::Provider::Aws, identity::Provider::Google, identity::Provider::Azure}) {
        auto *fields = new IdentityFields(provider);
        fields->setObjectName(u"identity"_s + identity::shortName(provider));
        fields->hide();
        fields->setContentsMargins(fontMetrics().averageCharWidth() * 3, 0, 0, 0); // indented: part of the choice
        formLayout()->addRow(fields);
        connect(fields, &IdentityFields::changed, this, &CreateServiceAccountDialog::revalidate);
        m_identities.append(fields);
    }
    formLayout()->addRow(tr("Auto&mount token:"), m_automount);
    formLayout()->addRow(tr("Image &pull secrets:"), m_pullSecrets);

    connect(m_namespace, &QComboBox::currentTextChanged, this, [this](const QString &current) {
        setWindowTitle(tr("New service account in %1").arg(current));
        fillPullSecrets();
        revalidate();
    });
    connect(m_identityProvider, &QComboBox::currentIndexChanged, this, [this] {
        IdentityFields *chosen = chosenIdentity();
        for (IdentityFields *fields : std::as_const(m_identities))
            fields->setVisible(fields == chosen);
        revalidate();
    });
    for (QLineEdit *edit : {m_name, m_labels, m_annotations})
        connect(edit, &QLineEdit::textChanged, this, &CreateServiceAccountDialog::revalidate);
    fillPullSecrets();
    setMinimumWidth(520); // room for the identity fields' meanings in a few lines
    m_name->setFocus();
    revalidate();
}

void CreateServiceAccountDialog::fillPullSecrets()
{
    m_pullSecrets->clear();
    const QStringList names = m_registrySecrets ? m_registrySecrets(m_namespace->currentText()) : QStringList();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_pullSecrets);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_pullSecrets->setEnabled(!names.isEmpty());
    if (names.isEmpty())
        new QListWidgetItem(tr("(no registry credentials in this namespace)"), m_pullSecrets);
}

std::optional<QMap<QString, QString>> CreateServiceAccountDialog::parsePairs(const QString &text, QString *error)
{
    QMap<QString, QString> pairs;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const QString key = part.left(eq).trimmed();
        if (eq < 0 || key.isEmpty()) {
            *error = tr("\"%1\" is not key=value.").arg(part.trimmed());
            return std::nullopt;
        }
        pairs.insert(key, part.mid(eq + 1).trimmed());
    }
    return pairs;
}

QString CreateServiceAccountDialog::validate() const
{
    if (m_namespace->currentText().isEmpty())
        return tr("Choose a namespace.");
    if (const QString problem = dns1123SubdomainProblem(m_name->text()); !problem.isEmpty())
        return problem;
    QString error;
    if (!parsePairs(m_labels->text(), &error))
        return tr("Labels: %1").arg(error);
    const std::optional<QMap<QString, QString>> annotations = parsePairs(m_annotations->text(), &error);
    if (!annotations)
        return tr("Annotations: %1").arg(error);
    // Typed in the annotations field or in the identity's own, a cloud's annotation is checked as the cloud reads it.
    const IdentityFields *cloud = chosenIdentity();
    const QMap<QString, QString> identityValues = cloud ? cloud->values() : QMap<QString, QString>();
    for (auto it = annotations->cbegin(); it != annotations->cend(); ++it) {
        if (const QString problem = identity::validate(it.key(), it.value()); !problem.isEmpty())
            return tr("Annotations: %1: %2").arg(it.key(), problem);
        if (identityValues.contains(it.key()))
            return tr("Annotations: %1 is also set under Cloud identity.").arg(it.key());
    }
    if (cloud) {
        if (const QString problem = cloud->problem(true); !problem.isEmpty())
            return tr("Cloud identity: %1").arg(problem);
    }
    return {};
}

IdentityFields *CreateServiceAccountDialog::chosenIdentity() const
{
    const QVariant provider = m_identityProvider->currentData();
    if (!provider.isValid())
        return nullptr;
    for (IdentityFields *fields : m_identities) {
        if (int(fields->provider()) == provider.toInt())
            return fields;
    }
    return nullptr;
}

void CreateServiceAccountDialog::apply()
{
    QString error;
    ServiceAccountSpec spec;
    spec.ns = m_namespace->currentText();
    spec.name = m_name->text();
    spec.labels = parsePairs(m_labels->text(), &error).value_or(QMap<QString, QString>());
    spec.annotations = parsePairs(m_annotations->text(), &error).value_or(QMap<QString, QString>());
    if (const IdentityFields *cloud = chosenIdentity())
        spec.annotations.insert(cloud->values());
    const QVariant automount = m_automount->currentData();
    if (automount.isValid())
        spec.automountServiceAccountToken = automount.toBool();
    for (int row = 0; row < m_pullSecrets->count(); ++row) {
        const QListWidgetItem *item = m_pullSecrets->item(row);
        if (item->checkState() == Qt::Checked)
            spec.imagePullSecrets.append(item->text());
    }
    setOutcomeSentences(tr("The service account was not created."),
                        tr("The service account may have been created: the list shows it if it was."));
    runOperation(ops::createServiceAccount(m_client, spec), tr("Creating…"));
}

void CreateServiceAccountDialog::applySucceeded(const OperationResult &result)
{
    m_created = m_namespace->currentText() + u'/' + m_name->text();
    ActionDialog::applySucceeded(result);
}

} // namespace sa
