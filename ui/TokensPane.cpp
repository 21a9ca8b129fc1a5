#include "TokensPane.h"

#include "Icons.h"
#include "ListView.h"
#include "ProjectedTokenDialog.h"
#include "TokenActionDialog.h"
#include "util/SaveFile.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// How long the summary waits for more changes: a relist brings thousands of rows in a burst.
constexpr int kSummaryDelayMs = 50;

} // namespace

TokensPane::TokensPane(ServiceAccountUsage *usage, QWidget *parent)
    : QWidget(parent)
    , m_usage(usage)
    , m_model(new TokenAuditModel(this))
    , m_proxy(new TokenFilterProxy(this))
{
    m_model->setUsage(usage);
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *filters = new QHBoxLayout;
    m_condition = new QComboBox;
    m_condition->setObjectName(u"tokenCondition"_s);
    m_condition->setAccessibleName(tr("Show tokens"));
    m_condition->addItem(tr("All tokens"), int(TokenFilterProxy::Condition::All));
    m_condition->addItem(tr("Unused for more than…"), int(TokenFilterProxy::Condition::UnusedFor));
    m_condition->addItem(tr("Invalidated"), int(TokenFilterProxy::Condition::Invalidated));
    m_condition->addItem(tr("Account gone"), int(TokenFilterProxy::Condition::AccountGone));
    m_condition->addItem(tr("Read by pods"), int(TokenFilterProxy::Condition::Mounted));
    m_days = new QSpinBox;
    m_days->setObjectName(u"tokenUnusedDays"_s);
    m_days->setAccessibleName(tr("Days unused"));
    m_days->setRange(1, 3650);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    m_days->setEnabled(false);
    const auto applyCondition = [this] {
        const auto condition = TokenFilterProxy::Condition(m_condition->currentData().toInt());
        m_days->setEnabled(condition == TokenFilterProxy::Condition::UnusedFor);
        m_proxy->setCondition(condition, m_days->value());
    };
    connect(m_condition, &QComboBox::currentIndexChanged, this, applyCondition);
    connect(m_days, &QSpinBox::valueChanged, this, applyCondition);
    filters->addWidget(m_condition);
    filters->addWidget(m_days);
    filters->addStretch();
    layout->addLayout(filters);

    m_summary = new QLabel;
    m_summary->setObjectName(u"tokenSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_view = makeListView(m_proxy, u"tokens"_s);
    m_view->setAccessibleName(tr("Long-lived tokens"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    layout->addWidget(m_view, 1);

    const auto addAction = [this](const QString &name, const QString &text, const QString &toolTip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setIcon(icons::forAction(name));
        action->setToolTip(toolTip);
        m_view->addAction(action);
        return action;
    };
    m_rotate = addAction(u"rotateToken"_s, tr("&Rotate…"),
                         tr("Make a new token Secret for the same account, then delete the old one"));
    m_invalidate = addAction(u"invalidateToken"_s, tr("&Invalidate…"),
                             tr("Have the API server refuse the token, as the legacy token cleaner does"));
    m_reenable = addAction(u"reenableToken"_s, tr("Re-&enable…"), tr("Remove the invalidation"));
    m_delete = addAction(u"deleteToken"_s, tr("&Delete…"), tr("Delete the token Secret: the token is revoked"));
    m_projected = addAction(u"projectedTokenSnippet"_s, tr("Replace by a &projected token…"),
                            tr("A pod spec fragment that mounts a short-lived, auto-rotated token instead"));
    m_export = new QAction(tr("E&xport CSV…"), this);
    m_export->setObjectName(u"exportTokens"_s);
    m_export->setIcon(icons::forAction(m_export->objectName()));
    m_export->setToolTip(tr("Save the listed tokens' audit (metadata only, never a token) as CSV"));
    using Action = TokenActionDialog::Action;
    connect(m_rotate, &QAction::triggered, this, [this] { openAction(Action::Rotate); });
    connect(m_invalidate, &QAction::triggered, this, [this] { openAction(Action::Invalidate); });
    connect(m_reenable, &QAction::triggered, this, [this] { openAction(Action::ReEnable); });
    connect(m_delete, &QAction::triggered, this, [this] { openAction(Action::Delete); });
    connect(m_projected, &QAction::triggered, this, &TokensPane::replaceByProjected);
    connect(m_export, &QAction::triggered, this, &TokensPane::onExport);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_rotate, m_invalidate, m_reenable, m_delete, m_projected, m_export}) {
        auto *button = new QPushButton(action->text());
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setToolTip(action->toolTip());
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
        buttons->addWidget(button);
        if (action == m_projected)
            buttons->addStretch();
    }
    layout->addLayout(buttons);

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(kSummaryDelayMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, &TokensPane::updateSummary);
    const auto changed = [this] {
        m_summaryTimer.start();
        Q_EMIT titleChanged();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_model, &QAbstractItemModel::modelReset, this, changed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TokensPane::titleChanged);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TokensPane::titleChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TokensPane::titleChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        Q_EMIT currentChanged();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TokensPane::currentChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_view, [this] {
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
    });
    updateActions();
    updateSummary();
}

void TokensPane::setSession(ClusterSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_active = false;
    m_model->setInformer(nullptr);
    m_model->setTracking({}, tr("not read yet"));
    if (session) {
        connect(session, &ClusterSession::informersReplaced, this, [this] {
            if (m_active && m_session)
                follow(m_session->tokenSecrets());
        });
        connect(session, &ClusterSession::loadingProgress, m_model, &TokenAuditModel::refreshLookups);
        // A refused list is known from the session's problems, which may come after the pane's last change.
        connect(session, &ClusterSession::problemsChanged, this, [this] {
            updateSummary();
            Q_EMIT titleChanged();
        });
    }
    updateSummary();
    Q_EMIT titleChanged();
}

void TokensPane::activate()
{
    if (m_active || !m_session)
        return;
    m_active = true;
    follow(m_session->tokenSecrets());
    readTracking();
    Q_EMIT titleChanged();
}

void TokensPane::follow(Informer *informer)
{
    // The title and summary count the rows once the list is complete.
    connect(informer, &Informer::synced, this, &TokensPane::titleChanged, Qt::UniqueConnection);
    connect(informer, &Informer::synced, &m_summaryTimer, qOverload<>(&QTimer::start), Qt::UniqueConnection);
    m_model->setInformer(informer);
}

void TokensPane::readTracking()
{
    Operation *read = ops::readObject(m_session->client(), kLegacyTokenTrackingPath);
    connect(read, &Operation::finished, this, [this](const OperationResult &result) {
        if (result.ok()) {
            const QString since = result.object.value("data"_L1).toObject().value("since"_L1).toString();
            const QDate date = QDate::fromString(since, Qt::ISODate);
            m_model->setTracking(
                date, date.isValid() ? QString() : tr("the tracking ConfigMap's date \"%1\" is not a date").arg(since));
        } else if (result.error->isNotFound()) {
            m_model->setTracking({},
                                 tr("this cluster keeps no record of legacy token use (no tracking ConfigMap in "
                                    "kube-system: Kubernetes before 1.26)"));
        } else {
            m_model->setTracking({},
                                 tr("the day tracking began could not be read: %1").arg(result.error->userMessage()));
        }
        updateSummary();
    });
}

void TokensPane::setNamespaceFilter(const QString &ns)
{
    m_namespace = ns;
    m_proxy->setNamespaceFilter(ns);
    updateSummary();
    Q_EMIT titleChanged();
}

void TokensPane::setTextFilter(const QString &text)
{
    m_proxy->setTextFilter(text);
}

QString TokensPane::title() const
{
    Informer *informer = m_session ? m_session->tokenSecretsIfStarted() : nullptr;
    if (!informer || m_model->informer() != informer)
        return tr("Tokens");
    if (m_session->isRefused(informer))
        return tr("Tokens (not allowed)");
    if (!informer->hasSynced())
        return tr("Tokens");
    return tr("Tokens (%1)").arg(QLocale().toString(m_proxy->rowCount()));
}

void TokensPane::updateSummary()
{
    Informer *informer = m_session ? m_session->tokenSecretsIfStarted() : nullptr;
    if (!informer || !informer->hasSynced() || m_model->informer() != informer) {
        m_summaryText = m_session && m_session->isRefused(informer)
            ? tr("The token Secrets cannot be listed: see the message above.")
            : tr("Listing long-lived tokens…");
    } else {
        const TokenSummary summary = m_model->summary(m_namespace);
        QStringList parts;
        // "Label: count": right in English for any count, and each a %Ln (the count as the locale writes it) for
        // the languages with plural forms.
        parts.append(tr("Tokens: %Ln", nullptr, summary.tokens));
        parts.append(tr("never used: %Ln", nullptr, summary.neverUsed));
        parts.append(tr("unused for 90 days: %Ln", nullptr, summary.unused90));
        parts.append(tr("invalidated: %Ln", nullptr, summary.invalidated));
        if (summary.accountGone > 0)
            parts.append(tr("account gone: %Ln", nullptr, summary.accountGone));
        parts.append(tr("read by pods: %Ln", nullptr, summary.mounted));
        m_summaryText = parts.join(u" · "_s);
        if (summary.unknownUse > 0) {
            m_summaryText += u"\n"_s
                + tr("Tokens whose last use cannot be checked: %Ln (%1)", nullptr, summary.unknownUse)
                      .arg(m_model->trackingProblem());
        }
    }
    m_summary->setText(m_summaryText);
    m_summary->setAccessibleName(m_summaryText);
}

QList<TokenFacts> TokensPane::selectedTokens() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    QList<TokenFacts> tokens;
    for (const int row : std::as_const(rows))
        tokens.append(m_model->factsAt(row));
    return tokens;
}

std::optional<SecretMeta> TokensPane::currentSecret() const
{
    QModelIndex index = m_view->currentIndex();
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (!selected.isEmpty() && !selected.contains(index.siblingAtColumn(0)))
        index = selected.first();
    if (!index.isValid())
        return std::nullopt;
    return m_model->secretAt(m_proxy->mapToSource(index).row());
}

void TokensPane::updateActions()
{
    const QList<TokenFacts> tokens = selectedTokens();
    const bool any = !tokens.isEmpty() && m_session;
    const bool read = std::any_of(tokens.cbegin(), tokens.cend(),
                                  [](const TokenFacts &facts) { return facts.pods && !facts.pods->isEmpty(); });
    m_rotate->setEnabled(any && tokens.size() == 1);
    m_invalidate->setEnabled(any);
    m_reenable->setEnabled(any);
    m_delete->setEnabled(any);
    m_projected->setEnabled(any && tokens.size() == 1 && read);
}

bool TokensPane::exportCsv(const QString &fileName, QString *error) const
{
    QList<int> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    return saveFile(fileName, m_model->csv(rows), FileAccess::Default, error);
}

void TokensPane::onExport()
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export token audit"), QDir::home().filePath(u"token-audit.csv"_s), tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (exportCsv(fileName, &error))
        Q_EMIT statusMessage(tr("Saved the token audit to %1").arg(fileName));
    else
        Q_EMIT statusMessage(tr("Could not save %1: %2").arg(fileName, error));
}

void TokensPane::openAction(TokenActionDialog::Action action)
{
    if (!m_session)
        return;
    // What a pod template names matters where the token goes away; re-enabling only gives it back.
    const bool workloads = action != TokenActionDialog::Action::ReEnable && m_usage;
    QList<TokenActionDialog::Token> tokens;
    for (const TokenFacts &facts : selectedTokens())
        tokens.append({facts, workloads ? m_usage->workloadsUsing(facts.ns, facts.name) : QStringList()});
    auto *dialog = new TokenActionDialog(m_session->client(), action, tokens, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TokensPane::replaceByProjected()
{
    const QList<TokenFacts> tokens = selectedTokens();
    if (tokens.size() != 1 || !m_usage)
        return;
    const TokenFacts &token = tokens.first();
    const auto account = m_usage->account(token.ns, token.account);
    auto *dialog = new ProjectedTokenDialog(token, account ? account->meta.annotations : QMap<QString, QString>(),
                                            m_usage->podObjectsUsing(token.ns, token.name), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace sa
