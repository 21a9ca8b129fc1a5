#include "RevokeDialog.h"

#include "api/Operations.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QString subjectText(const Subject &subject)
{
    if (subject.kind == "ServiceAccount"_L1)
        return RevokeDialog::tr("service account %1/%2").arg(subject.ns, subject.name);
    if (subject.kind == "Group"_L1)
        return RevokeDialog::tr("group %1").arg(subject.name);
    return RevokeDialog::tr("user %1").arg(subject.name);
}

// Who a group stands for, in words.
QString membersOf(const QString &group)
{
    if (group == "system:authenticated"_L1)
        return RevokeDialog::tr("every authenticated user and service account of the cluster");
    if (group == "system:serviceaccounts"_L1)
        return RevokeDialog::tr("every service account of the cluster");
    if (group.startsWith("system:serviceaccounts:"_L1))
        return RevokeDialog::tr("every service account of namespace %1").arg(group.section(u':', 2));
    return RevokeDialog::tr("every member of the group");
}

} // namespace

RevokeDialog::RevokeDialog(KubeClient *client, const RoleBinding &binding, const Subject &subject,
                           const QString &account, QWidget *parent)
    : ActionDialog(parent)
    , m_client(client)
    , m_binding(binding)
    , m_subject(subject)
{
    setObjectName(u"revokeDialog"_s);
    const bool cluster = binding.meta.ns.isEmpty();
    const QString bindingText = cluster ? tr("ClusterRoleBinding %1").arg(binding.meta.name)
                                        : tr("RoleBinding %1/%2").arg(binding.meta.ns, binding.meta.name);
    setWindowTitle(tr("Revoke %1 %2").arg(binding.roleKind, binding.roleName));
    QStringList lines;
    lines.append(tr("Remove %1 from %2, which grants %3 %4 %5.")
                     .arg(subjectText(subject), bindingText, binding.roleKind, binding.roleName,
                          cluster ? tr("cluster-wide") : tr("in namespace %1").arg(binding.meta.ns)));
    qsizetype others = 0;
    for (const Subject &entry : binding.subjects) {
        if (!entry.names(subject, binding.meta.ns))
            ++others;
    }
    if (others == 0)
        lines.append(tr("It is the binding's only subject: the binding is deleted."));
    else
        lines.append(others == 1 ? tr("Its other subject keeps it.")
                                 : tr("Its %1 other subjects keep it.").arg(others));
    if (subject.kind == "Group"_L1) {
        lines.append(tr("%1 has this permission through the group %2. Revoking it there takes it from %3, not "
                        "from this account alone.")
                         .arg(account, subject.name, membersOf(subject.name)));
    }
    lines.append(tr("Tokens already issued keep working, but every request they make is checked against the "
                    "bindings as they are then: the permission ends at once."));
    auto *text = new QLabel(lines.join(u"\n\n"_s));
    text->setObjectName(u"consequences"_s);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    formLayout()->addRow(text);
    if (subject.kind == "Group"_L1) {
        m_confirm = new QCheckBox(tr("Take it from %1").arg(membersOf(subject.name)));
        m_confirm->setObjectName(u"confirm"_s);
        connect(m_confirm, &QCheckBox::toggled, this, &RevokeDialog::revalidate);
        formLayout()->addRow(m_confirm);
    }
    setMinimumWidth(480);
    okButton()->setText(others == 0 ? tr("&Delete binding") : tr("&Revoke"));
    setDestructive(true);
    revalidate();
}

QString RevokeDialog::validate() const
{
    if (m_confirm && !m_confirm->isChecked())
        return tr("Confirm that every member of %1 loses it.").arg(m_subject.name);
    return {};
}

void RevokeDialog::apply()
{
    setOutcomeSentences(tr("Access was not revoked."),
                        tr("Access may have been revoked: the account's bindings show whether it was."));
    runOperation(ops::removeBindingSubject(m_client, {m_binding.meta.ns, m_binding.meta.name}, m_subject),
                 tr("Revoking…"));
}

} // namespace sa
