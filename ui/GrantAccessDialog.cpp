#include "GrantAccessDialog.h"

#include "Palette.h"
#include "rbac/AddedGrants.h"
#include "rbac/Risks.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// What kube-apiserver's bootstrap policy always has, offered when the index could not be read.
const QStringList kFallbackClusterRoles {u"view"_s, u"edit"_s, u"admin"_s, u"cluster-admin"_s};

QString roleKey(const QString &kind, const QString &name)
{
    return kind + u'/' + name;
}

// "deployments.apps: get, list" as kubectl names resources; wildcards in words, names and URLs as they are.
QString describe(const rbac::ResourcePermission &row)
{
    QString what;
    if (row.nonResource) {
        what = row.resource == u"*"_s ? GrantAccessDialog::tr("every non-resource URL")
                                      : GrantAccessDialog::tr("URL %1").arg(row.resource);
    } else {
        what = row.resource == u"*"_s ? GrantAccessDialog::tr("every resource") : row.resource;
        if (row.apiGroup == u"*"_s)
            what = GrantAccessDialog::tr("%1 in every API group").arg(what);
        else if (!row.apiGroup.isEmpty())
            what += u'.' + row.apiGroup;
    }
    if (!row.resourceNames.isEmpty())
        what = GrantAccessDialog::tr("%1 named %2").arg(what, row.resourceNames.join(u", "_s));
    return what + u": "_s
        + (row.verbs == QStringList {u"*"_s} ? GrantAccessDialog::tr("every verb") : row.verbs.join(u", "_s));
}

} // namespace

GrantAccessDialog::GrantAccessDialog(KubeClient *client, const rbac::RbacIndex *index, const QString &ns,
                                     const QString &name, const QStringList &namespaces, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_index(index)
    , m_ns(ns)
    , m_name(name)
    , m_scope(new QComboBox)
    , m_namespace(new QComboBox)
    , m_role(new QComboBox)
    , m_binding(new QComboBox)
    , m_bindingName(new QLineEdit)
    , m_preview(new QPlainTextEdit)
    , m_risks(new QLabel)
{
    setObjectName(u"grantAccessDialog"_s);
    setWindowTitle(tr("Grant access to %1/%2").arg(ns, name));

    m_scope->setObjectName(u"scope"_s);
    m_scope->addItem(tr("In %1 (its own namespace)").arg(ns), int(OwnNamespace));
    m_scope->addItem(tr("In another namespace"), int(OtherNamespace));
    m_scope->addItem(tr("Cluster-wide (every namespace)"), int(ClusterWide));
    m_namespace->setObjectName(u"namespace"_s);
    for (const QString &other : namespaces) {
        if (other != ns)
            m_namespace->addItem(other);
    }
    m_namespace->setPlaceholderText(tr("Choose a namespace"));
    m_namespace->setCurrentIndex(-1);
    m_role->setObjectName(u"role"_s);
    m_role->setPlaceholderText(tr("Choose a role"));
    m_binding->setObjectName(u"binding"_s);
    m_bindingName->setObjectName(u"bindingName"_s);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setReadOnly(true);
    m_preview->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    m_preview->setAccessibleDescription(tr("What the grant adds"));
    m_risks->setObjectName(u"risks"_s);
    m_risks->setTextFormat(Qt::PlainText);
    m_risks->setWordWrap(true);
    m_risks->setAccessibleDescription(tr("Risks"));
    m_risks->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    const auto addRow = [this](const QString &label, QWidget *field, const QString &accessibleName) {
        field->setAccessibleName(accessibleName);
        formLayout()->addRow(label, field);
        if (auto *buddy = qobject_cast<QLabel *>(formLayout()->labelForField(field)))
            buddy->setBuddy(field);
    };
    addRow(tr("&Where:"), m_scope, tr("Where"));
    addRow(tr("&Namespace:"), m_namespace, tr("Namespace"));
    addRow(tr("&Role:"), m_role, tr("Role"));
    addRow(tr("&Binding:"), m_binding, tr("Binding"));
    addRow(tr("Binding na&me:"), m_bindingName, tr("Binding name"));
    addRow(tr("&Adds:"), m_preview, tr("Adds"));
    // Risks first catch the eye; a long list scrolls rather than pushing the buttons off the screen.
    auto *risks = new QScrollArea;
    m_risksArea = risks;
    risks->setObjectName(u"risksArea"_s);
    risks->setWidget(m_risks);
    risks->setWidgetResizable(true);
    risks->setFrameShape(QFrame::NoFrame);
    risks->setMaximumHeight(fontMetrics().lineSpacing() * 10);
    risks->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    risks->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    addRow(tr("R&isks:"), risks, tr("Risks"));
    setMinimumWidth(560);

    fillRoles();
    fillBindings();
    updatePreview();

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        fillRoles();
        changed();
    });
    connect(m_namespace, &QComboBox::currentIndexChanged, this, [this] {
        fillRoles();
        changed();
    });
    connect(m_role, &QComboBox::currentIndexChanged, this, &GrantAccessDialog::changed);
    connect(m_binding, &QComboBox::currentIndexChanged, this, [this] {
        m_bindingName->setEnabled(newBinding());
        suggestName();
        revalidate();
    });
    connect(m_bindingName, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_bindingName, &QLineEdit::textChanged, this, &GrantAccessDialog::revalidate);
    revalidate();
}

GrantAccessDialog::Scope GrantAccessDialog::scope() const
{
    return Scope(m_scope->currentData().toInt());
}

QString GrantAccessDialog::bindingNamespace() const
{
    switch (scope()) {
    case OwnNamespace:
        return m_ns;
    case OtherNamespace:
        return m_namespace->currentText();
    case ClusterWide:
        break;
    }
    return {};
}

bool GrantAccessDialog::newBinding() const
{
    return m_binding->currentData().toString().isEmpty();
}

RoleRef GrantAccessDialog::role() const
{
    const QString key = m_role->currentData().toString();
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0)
        return {};
    return {key.left(slash), key.mid(slash + 1)};
}

BindingRef GrantAccessDialog::binding() const
{
    return {bindingNamespace(), newBinding() ? m_bindingName->text().trimmed() : m_binding->currentData().toString()};
}

void GrantAccessDialog::fillRoles()
{
    formLayout()->setRowVisible(m_namespace, scope() == OtherNamespace);
    const QString previous = m_role->currentData().toString();
    const QSignalBlocker blocker(m_role);
    m_role->clear();
    const QStringList clusterRoles = m_index ? m_index->roleNames({}) : kFallbackClusterRoles;
    for (const QString &role : clusterRoles)
        m_role->addItem(tr("%1 (ClusterRole)").arg(role), roleKey(u"ClusterRole"_s, role));
    // A RoleBinding can grant a Role of its own namespace; a ClusterRoleBinding only ClusterRoles.
    const QString ns = bindingNamespace();
    if (m_index && !ns.isEmpty()) {
        for (const QString &role : m_index->roleNames(ns))
            m_role->addItem(tr("%1 (Role in %2)").arg(role, ns), roleKey(u"Role"_s, role));
    }
    m_role->setCurrentIndex(m_role->findData(previous)); // -1 (none chosen) when it is gone
}

void GrantAccessDialog::fillBindings()
{
    const QString previous = m_binding->currentData().toString();
    const QSignalBlocker blocker(m_binding);
    m_binding->clear();
    m_binding->addItem(tr("New binding"), QString());
    const RoleRef chosen = role();
    const QString ns = bindingNamespace();
    if (m_index && !chosen.name.isEmpty() && (!ns.isEmpty() || scope() == ClusterWide)) {
        for (const RoleBinding &binding : m_index->bindingsOfRole(ns, chosen.kind, chosen.name)) {
            const QString text = binding.bindsServiceAccount(m_ns, m_name)
                ? tr("%1 (already includes %2)").arg(binding.meta.name, m_name)
                : binding.subjects.size() == 1
                ? tr("%1 (1 subject)").arg(binding.meta.name)
                : tr("%1 (%2 subjects)").arg(binding.meta.name).arg(binding.subjects.size());
            m_binding->addItem(tr("Add to %1").arg(text), binding.meta.name);
        }
    }
    const int index = m_binding->findData(previous);
    m_binding->setCurrentIndex(index < 0 ? 0 : index);
    m_bindingName->setEnabled(newBinding());
}

void GrantAccessDialog::suggestName()
{
    if (m_nameEdited || !newBinding())
        return;
    const RoleRef chosen = role();
    if (chosen.name.isEmpty()) {
        m_bindingName->clear();
        return;
    }
    // ACCOUNT-ROLE, with what a name may not hold (the colons of system: roles) as dashes.
    QString suggested = (m_name + u'-' + chosen.name).toLower();
    for (QChar &c : suggested) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.')
            c = u'-';
    }
    m_bindingName->setText(suggested.left(253));
}

void GrantAccessDialog::changed()
{
    fillBindings();
    suggestName();
    updatePreview();
    revalidate();
}

void GrantAccessDialog::updatePreview()
{
    fillPreview();
    if (m_risksArea)
        formLayout()->setRowVisible(m_risksArea, !m_risks->text().isEmpty());
}

void GrantAccessDialog::fillPreview()
{
    const RoleRef chosen = role();
    const QString ns = bindingNamespace();
    const bool clusterWide = scope() == ClusterWide;
    showAsProblem(m_risks, false);
    m_risks->clear();
    setDestructive(false);
    if (chosen.name.isEmpty() || (!clusterWide && ns.isEmpty())) {
        m_preview->setPlainText(tr("Choose a role to see what it adds."));
        return;
    }
    if (!m_index) {
        m_preview->setPlainText(tr("Cannot check what this adds: the roles and bindings could not be read. The "
                                   "server refuses a grant of permissions you do not hold yourself."));
        return;
    }
    const std::optional<QList<rbac::PolicyRule>> rules =
        m_index->rulesOf(chosen.kind, chosen.kind == u"Role"_s ? ns : QString(), chosen.name);
    if (!rules) {
        m_preview->setPlainText(tr("%1 %2 does not exist: binding it grants nothing.").arg(chosen.kind, chosen.name));
        return;
    }
    const rbac::Identity who = rbac::Identity::serviceAccount(m_ns, m_name);
    rbac::Grant through;
    through.subject = Subject {u"ServiceAccount"_s, m_name, m_ns};
    through.bindingKind = clusterWide ? u"ClusterRoleBinding"_s : u"RoleBinding"_s;
    through.bindingNamespace = ns;
    through.bindingName = binding().name;
    through.roleKind = chosen.kind;
    through.roleName = chosen.name;
    const QList<rbac::Grant> added = rbac::addedGrants(*m_index, who, *rules, ns, through);
    if (added.isEmpty()) {
        m_preview->setPlainText(tr("Adds nothing %1 does not already have.").arg(m_name));
        return;
    }
    QStringList lines {clusterWide ? tr("Cluster-wide:") : tr("In namespace %1:").arg(ns)};
    for (const rbac::ResourcePermission &row : rbac::groupByResource(added))
        lines.append(u"  "_s + describe(row));
    m_preview->setPlainText(lines.join(u'\n'));

    QList<rbac::Risk> risks = rbac::risksOf(who, added);
    std::ranges::stable_sort(risks, std::ranges::greater {}, [](const rbac::Risk &risk) { return int(risk.severity); });
    if (risks.isEmpty()) {
        m_risks->setText(tr("None of it is a known risk."));
        return;
    }
    QStringList riskLines;
    for (const rbac::Risk &risk : std::as_const(risks))
        riskLines.append(tr("%1 — %2: %3").arg(rbac::severityName(risk.severity), risk.title, risk.why));
    m_risks->setText(riskLines.join(u'\n'));
    showAsProblem(m_risks, rbac::highestSeverity(risks) >= rbac::Severity::High);
    // Handing out the cluster takes a deliberate click: Enter cancels.
    setDestructive(rbac::highestSeverity(risks) == rbac::Severity::Critical);
}

QString GrantAccessDialog::validate() const
{
    if (scope() == OtherNamespace && m_namespace->currentText().isEmpty())
        return tr("Choose the namespace to grant access in.");
    const RoleRef chosen = role();
    if (chosen.name.isEmpty())
        return tr("Choose the role to grant.");
    if (!newBinding())
        return {};
    const QString name = m_bindingName->text().trimmed();
    if (name.isEmpty())
        return tr("Enter a name for the new binding.");
    if (const QString problem = dns1123SubdomainProblem(name); !problem.isEmpty())
        return tr("The binding name is not valid: %1").arg(problem);
    if (m_index) {
        if (const RoleBinding *existing = m_index->binding(bindingNamespace(), name);
            existing && (existing->roleKind != chosen.kind || existing->roleName != chosen.name))
            return tr("%1 is already the name of a binding that grants %2 %3: choose another name.")
                .arg(name, existing->roleKind, existing->roleName);
    }
    return {};
}

void GrantAccessDialog::apply()
{
    setOutcomeSentences(tr("Access was not granted."),
                        tr("Access may have been granted: the account's bindings show whether it was."));
    runOperation(ops::addBindingSubject(m_client, binding(), role(), Subject {u"ServiceAccount"_s, m_name, m_ns}),
                 tr("Granting…"));
}

} // namespace sa
