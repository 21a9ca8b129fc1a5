#include "CanItDialog.h"

#include "Palette.h"
#include "PermissionInputs.h"
#include "api/Operations.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
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
    , m_question(new PermissionQuestion(namespaces, ns, tr("Cluster-wide / all namespaces"), resources, u"pods"_s))
    , m_check(new QPushButton(tr("&Check")))
    , m_server(answerLabel(u"serverAnswer"_s, tr("The server's answer")))
    , m_resolver(answerLabel(u"resolverAnswer"_s, tr("SA Admin's answer")))
    , m_verdict(answerLabel(u"verdict"_s, tr("Comparison")))
{
    setObjectName(u"canItDialog"_s);
    setWindowTitle(tr("Can %1/%2…?").arg(ns, name));

    m_check->setObjectName(u"checkButton"_s);
    m_check->setDefault(true);

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
    layout->addWidget(m_question);
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
    m_question->setQuestion(verb, resource, ns, name, subresource);
}

void CanItDialog::setResources(const ApiResources &resources)
{
    m_question->setResources(resources);
}

void CanItDialog::check()
{
    if (m_operation)
        m_operation->cancel(); // superseded
    const rbac::ResourceRequest question = m_question->request();
    m_serverAllowed.reset();
    m_resolverAllowed.reset();
    m_verdict->hide();
    showAsProblem(m_verdict, false);
    if (question.resource.isEmpty()) {
        m_server->setText(tr("Enter a resource."));
        m_resolver->clear();
        return;
    }

    if (!m_index) {
        m_resolver->setText(tr("Cannot check: the roles and bindings could not be read. Only the server's answer "
                               "counts."));
    } else {
        const rbac::Decision decision = m_index->allows(rbac::Identity::serviceAccount(m_ns, m_name), question);
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
    m_operation = ops::canServiceAccount(m_client, m_ns, m_name, question.verb, question.apiGroup, question.resource,
                                         question.ns, question.name, question.subresource);
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
