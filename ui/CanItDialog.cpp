#include "CanItDialog.h"

#include "Palette.h"
#include "PermissionInputs.h"
#include "api/Operations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QLabel *answerLabel(const QString &objectName, const QString &description)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // the server's reason is its own text
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleDescription(description);
    return label;
}

} // namespace

CanItDialog::CanItDialog(KubeClient *client, const rbac::RbacIndex *index, const QString &ns, const QString &name,
                         const QStringList &namespaces, const ApiResources &resources, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_index(index)
    , m_ns(ns)
    , m_name(name)
    , m_verb(new QComboBox)
    , m_resource(new QComboBox)
    , m_subresource(new QComboBox)
    , m_namespace(new QComboBox)
    , m_objectName(new QLineEdit)
    , m_check(new QPushButton(tr("&Check")))
    , m_server(answerLabel(u"serverAnswer"_s, tr("The server's answer")))
    , m_resolver(answerLabel(u"resolverAnswer"_s, tr("SA Admin's answer")))
    , m_verdict(answerLabel(u"verdict"_s, tr("Comparison")))
{
    setObjectName(u"canItDialog"_s);
    setWindowTitle(tr("Can %1/%2…?").arg(ns, name));

    m_verb->setObjectName(u"verb"_s);
    fillVerbs(m_verb, u"get"_s);
    m_resource->setObjectName(u"resource"_s);
    fillResources(m_resource, resources.names(), u"pods"_s);
    m_subresource->setObjectName(u"subresource"_s);
    m_namespace->setObjectName(u"namespace"_s);
    fillNamespaces(m_namespace, namespaces, ns, tr("Cluster-wide / all namespaces"));
    m_fields = new ResourceFields(m_resource, m_subresource, m_namespace, resources, this);
    m_objectName->setObjectName(u"objectName"_s);
    m_objectName->setPlaceholderText(tr("optional: any object"));
    m_check->setObjectName(u"checkButton"_s);
    m_check->setDefault(true);

    auto *form = new QFormLayout;
    addLabeledRow(form, tr("&Verb:"), m_verb, tr("Verb"));
    addLabeledRow(form, tr("&Resource:"), m_resource, tr("Resource"));
    addLabeledRow(form, tr("&Subresource:"), m_subresource, tr("Subresource"));
    addLabeledRow(form, tr("&Namespace:"), m_namespace, tr("Namespace"));
    addLabeledRow(form, tr("N&ame:"), m_objectName, tr("Object name"));

    const auto box = [](const QString &title, QLabel *label) {
        auto *group = new QGroupBox(title);
        auto *layout = new QVBoxLayout(group);
        layout->addWidget(label);
        layout->addStretch();
        return group;
    };
    auto *answers = new QHBoxLayout;
    answers->addWidget(box(tr("The server (SubjectAccessReview)"), m_server), 1);
    answers->addWidget(box(tr("SA Admin (from roles and bindings)"), m_resolver), 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->setObjectName(u"buttons"_s);
    buttons->addButton(m_check, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_check, &QPushButton::clicked, this, &CanItDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(answers, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(buttons);
    m_server->setText(tr("Not asked yet."));
    m_resolver->setText(tr("Not asked yet."));
    m_verdict->hide();
    setMinimumWidth(720);
}

CanItDialog::~CanItDialog()
{
    if (m_operation)
        m_operation->cancel();
}

void CanItDialog::setQuestion(const QString &verb, const QString &resource, const QString &ns, const QString &name,
                              const QString &subresource)
{
    fillVerbs(m_verb, verb);
    m_resource->setCurrentText(resource);
    m_subresource->setCurrentText(subresource);
    m_fields->setNamespace(ns);
    m_objectName->setText(name);
}

void CanItDialog::setResources(const ApiResources &resources)
{
    m_fields->setResources(resources);
}

void CanItDialog::check()
{
    if (m_operation)
        m_operation->cancel(); // superseded
    const QString verb = m_verb->currentText();
    const ResourceName resource = ResourceName::parse(m_resource->currentText());
    const QString subresource = m_subresource->currentText().trimmed();
    const QString ns = m_namespace->currentData().toString();
    const QString name = m_objectName->text().trimmed();
    m_serverAllowed.reset();
    m_resolverAllowed.reset();
    m_verdict->hide();
    showAsProblem(m_verdict, false);
    if (resource.resource.isEmpty()) {
        m_server->setText(tr("Enter a resource."));
        m_resolver->clear();
        return;
    }

    if (!m_index) {
        m_resolver->setText(tr("Cannot check: the roles and bindings could not be read. Only the server's answer "
                               "counts."));
    } else {
        const rbac::Decision decision = m_index->allows(rbac::Identity::serviceAccount(m_ns, m_name), verb,
                                                        resource.apiGroup, resource.resource, subresource, ns, name);
        m_resolverAllowed = decision.allowed;
        QStringList lines;
        if (decision.allowed) {
            lines.append(tr("Allowed, by:"));
            for (const rbac::Grant &grant : decision.grants) {
                const QString line = u"• "_s + grant.chain();
                if (!lines.contains(line))
                    lines.append(line);
            }
        } else {
            lines.append(tr("Denied: no binding grants it."));
        }
        if (!decision.missingRoles.isEmpty()) {
            lines.append(tr("Bindings to roles that do not exist (they grant nothing):"));
            for (const rbac::Grant &grant : decision.missingRoles)
                lines.append(u"• "_s + grant.chain());
        }
        m_resolver->setText(lines.join(u'\n'));
    }
    growToFit();

    m_server->setText(tr("Asking the server…"));
    m_operation = ops::canServiceAccount(m_client, m_ns, m_name, verb, resource.apiGroup, resource.resource, ns, name,
                                         subresource);
    connect(m_operation, &Operation::finished, this, &CanItDialog::onServerAnswer);
}

void CanItDialog::onServerAnswer(const OperationResult &result)
{
    m_operation = nullptr;
    if (!result.ok()) {
        m_server->setText(tr("Could not ask the server: %1").arg(result.error->userMessage()));
    } else {
        const bool allowed = result.object.value("allowed"_L1).toBool();
        const bool denied = result.object.value("denied"_L1).toBool();
        m_serverAllowed = allowed && !denied;
        QString text = *m_serverAllowed ? tr("Allowed.") : tr("Denied.");
        if (const QString reason = result.object.value("reason"_L1).toString(); !reason.isEmpty())
            text += u'\n' + tr("Reason: %1").arg(reason);
        if (const QString error = result.object.value("evaluationError"_L1).toString(); !error.isEmpty())
            text += u'\n' + tr("Evaluation error: %1").arg(error);
        m_server->setText(text);
    }
    compare();
    growToFit();
    Q_EMIT checked();
}

void CanItDialog::growToFit()
{
    // Wrapped labels make the height depend on the width, which sizeHint() does not tell.
    layout()->activate();
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (wanted > height())
        resize(width(), wanted);
}

void CanItDialog::compare()
{
    if (!m_serverAllowed || !m_resolverAllowed) {
        m_verdict->hide();
        return;
    }
    if (*m_serverAllowed == *m_resolverAllowed) {
        m_verdict->setText(tr("The server and SA Admin agree."));
        showAsProblem(m_verdict, false);
    } else {
        m_verdict->setText(*m_serverAllowed
                               ? tr("They disagree: the server allows it, but no binding SA Admin knows of grants "
                                    "it. The server decides: another authorizer may allow it, or the roles and "
                                    "bindings shown here are out of date.")
                               : tr("They disagree: SA Admin finds a binding that grants it, but the server denies "
                                    "it. The server decides: the roles and bindings shown here may be out of date."));
        showAsProblem(m_verdict, true);
    }
    m_verdict->show();
}

} // namespace sa
