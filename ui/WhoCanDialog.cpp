#include "WhoCanDialog.h"

#include "PermissionInputs.h"
#include "PlainToolTip.h"
#include "rbac/Risks.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr int kSortRole = Qt::UserRole + 1;

QStringList chains(const QList<rbac::Grant> &grants)
{
    QStringList lines;
    for (const rbac::Grant &grant : grants) {
        const QString line = grant.chain();
        if (!lines.contains(line))
            lines.append(line);
    }
    return lines;
}

} // namespace

WhoCanDialog::WhoCanDialog(const rbac::RbacIndex *index, const QList<rbac::AccountRef> &accounts,
                           const QStringList &namespaces, const ApiResources &resources, QWidget *parent)
    : QDialog(parent)
    , m_index(index)
    , m_accounts(accounts)
    , m_question(new PermissionQuestion(namespaces, {}, tr("Any namespace"), resources, u"secrets"_s))
    , m_summary(new QLabel)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTreeView)
    , m_pending(new QTimer(this))
{
    setObjectName(u"whoCanDialog"_s);
    setWindowTitle(tr("Who can…?"));

    m_summary->setObjectName(u"summary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleDescription(tr("Result"));

    m_model->setHorizontalHeaderLabels({tr("Subject"), tr("Kind"), tr("Namespace"), tr("Via"), tr("Risky?")});
    m_model->setSortRole(kSortRole);
    m_view->setObjectName(u"subjects"_s);
    m_view->setAccessibleName(tr("Subjects"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->sortByColumn(SubjectColumn, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ViaColumn, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->setObjectName(u"buttons"_s);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(1000, 480);

    // The index answers in well under a second even on large clusters; a short pause spares it every keystroke.
    m_pending->setSingleShot(true);
    m_pending->setInterval(150);
    connect(m_pending, &QTimer::timeout, this, &WhoCanDialog::refresh);
    connect(m_question, &PermissionQuestion::changed, m_pending, qOverload<>(&QTimer::start));
    refresh();
}

void WhoCanDialog::setQuestion(const QString &verb, const QString &resource, const QString &ns, const QString &name,
                               const QString &subresource)
{
    m_question->setQuestion(verb, resource, ns, name, subresource);
    if (verb == u"get"_s && resource == u"secrets"_s && !name.isEmpty())
        setWindowTitle(tr("Who can read %1/%2?").arg(ns, name));
    refresh();
}

void WhoCanDialog::setResources(const ApiResources &resources)
{
    m_question->setResources(resources);
}

void WhoCanDialog::refresh()
{
    m_pending->stop();
    m_model->removeRows(0, m_model->rowCount());
    if (!m_index) {
        m_summary->setText(tr("Cannot check: the roles and bindings could not be read, so who can do this is not "
                              "known. Ask the server for one account at a time with \"Can it…?\"."));
        m_view->setEnabled(false);
        return;
    }
    m_view->setEnabled(true);
    const rbac::ResourceRequest request = m_question->request();
    if (request.resource.isEmpty()) {
        m_summary->setText(tr("Enter a resource."));
        return;
    }
    // As `kubectl auth can-i --list` writes it: "pods/exec", "deployments.apps/scale".
    const QString resourceText = request.resource + (request.apiGroup.isEmpty() ? QString() : u'.' + request.apiGroup)
        + (request.subresource.isEmpty() ? QString() : u'/' + request.subresource);
    // A cluster-scoped resource is granted by cluster-wide bindings only: a RoleBinding's rule naming nodes grants
    // nothing, so "any namespace" would list subjects that cannot.
    const bool clusterScoped = m_question->isClusterScoped();
    const QList<rbac::SubjectAccess> subjects =
        request.ns.isEmpty() && !clusterScoped ? m_index->whoCanInAnyNamespace(request) : m_index->whoCan(request);

    m_view->setSortingEnabled(false); // rows go in whole; sorted once at the end
    const QList<std::pair<rbac::AccountRef, QList<rbac::Grant>>> accounts =
        rbac::RbacIndex::serviceAccountsWhoCan(subjects, m_accounts);
    for (const auto &[account, grants] : accounts)
        addRow(Subject {u"ServiceAccount"_s, account.name, account.ns}, tr("ServiceAccount"), grants,
               rbac::Identity::serviceAccount(account.ns, account.name));
    for (const rbac::SubjectAccess &access : subjects) {
        const Subject &subject = access.subject;
        if (subject.kind == u"ServiceAccount"_s) {
            // A binding to an account that does not exist: whoever creates it gets this.
            if (!m_accounts.contains(rbac::AccountRef {subject.ns, subject.name}))
                addRow(subject, tr("ServiceAccount (missing)"), access.grants,
                       rbac::Identity::serviceAccount(subject.ns, subject.name));
        } else if (subject.kind == u"User"_s) {
            if (!rbac::Identity::serviceAccountOf(subject.name))
                addRow(subject, tr("User"), access.grants, rbac::Identity {subject.name, {}});
        } else if (subject.kind == u"Group"_s) {
            addRow(subject, tr("Group"), access.grants, rbac::Identity {{}, {subject.name}});
        }
    }
    m_view->setSortingEnabled(true);
    for (int column = 0; column < ColumnCount; ++column) {
        if (column != ViaColumn)
            m_view->resizeColumnToContents(column);
    }

    const QString where = clusterScoped ? tr("cluster-wide")
        : request.ns.isEmpty()          ? tr("in any namespace")
                                        : tr("in %1").arg(request.ns);
    const QString what = request.name.isEmpty() ? resourceText : tr("%1 named %2").arg(resourceText, request.name);
    m_summary->setText(
        m_model->rowCount() == 0
            ? tr("No binding lets anyone %1 %2 %3 (members of system:masters always can).")
                  .arg(request.verb, what, where)
            : tr("%1 can %2 %3 %4:")
                  .arg(m_model->rowCount() == 1 ? tr("1 subject") : tr("%1 subjects").arg(m_model->rowCount()),
                       request.verb, what, where));
}

void WhoCanDialog::addRow(const Subject &subject, const QString &kind, const QList<rbac::Grant> &grants,
                          const rbac::Identity &identity)
{
    const QStringList via = chains(grants);
    const QList<rbac::Risk> risks = rbac::risksOf(identity, m_index->effectivePermissions(identity));
    const rbac::Severity severity = rbac::highestSeverity(risks);
    QStringList riskTitles;
    for (const rbac::Risk &risk : risks)
        riskTitles.append(rbac::severityName(risk.severity) + u": "_s + risk.title);

    QList<QStandardItem *> row;
    const auto item = [&row](const QString &text, const QVariant &sortKey, const QString &toolTip = {}) {
        auto *cell = new QStandardItem(text);
        cell->setData(sortKey, kSortRole);
        cell->setToolTip(plainToolTip(toolTip.isEmpty() ? text : toolTip));
        row.append(cell);
    };
    item(subject.name, subject.name);
    item(kind, kind);
    item(subject.ns, subject.ns);
    item(via.join(u"; "_s), via.join(u"; "_s), via.join(u'\n'));
    const QString riskText = severity == rbac::Severity::None ? tr("No") : rbac::severityName(severity);
    item(riskText, int(severity), riskTitles.isEmpty() ? riskText : riskTitles.join(u'\n'));
    m_model->appendRow(row);
}

} // namespace sa
