#include "MainWindow.h"

#include "AboutDialog.h"
#include "ActionCollection.h"
#include "AutomountDialog.h"
#include "CanItDialog.h"
#include "ChangeServiceAccountDialog.h"
#include "ClipboardGuard.h"
#include "CreateServiceAccountDialog.h"
#include "DeleteServiceAccountDialog.h"
#include "DetailsPane.h"
#include "GrantAccessDialog.h"
#include "Icons.h"
#include "IdentityAnnotationsDialog.h"
#include "IssueTokenDialog.h"
#include "ListView.h"
#include "MessageBar.h"
#include "NamespaceCounts.h"
#include "PermissionInputs.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "PullSecretsDialog.h"
#include "RevokeDialog.h"
#include "SecretValuesDialog.h"
#include "TokenInspectorDialog.h"
#include "TokenSecretDialog.h"
#include "TokensPane.h"
#include "WhoCanDialog.h"
#include "YamlDialog.h"

#include "api/Operations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QConcatenateTablesProxyModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The row of the namespace `ns` in `model` (column 0, NameRole), or -1.
int findNamespaceRow(const QAbstractItemModel *model, const QString &ns)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(NameRole).toString() == ns)
            return row;
    }
    return -1;
}

QString missingNamespaceText(const QString &ns)
{
    return MainWindow::tr("namespaces \"%1\" not found: the lists stay empty until it is created.").arg(ns);
}

// The settings key of a per-context value: context names may hold '/', QSettings' group separator.
QString contextKey(const QString &context, const QString &key)
{
    return u"contexts/"_s + QString::fromLatin1(QUrl::toPercentEncoding(context)) + u'/' + key;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_namespaces(new NamespaceModel(this))
    , m_accounts(new ServiceAccountModel(this))
    , m_secrets(new SecretModel(this))
    , m_sortedNamespaces(new QSortFilterProxyModel(this))
    , m_allNamespaces(new QStandardItemModel(this))
    , m_accountProxy(new ResourceFilterProxy(this))
    , m_secretProxy(new ResourceFilterProxy(this))
    , m_usage(new ServiceAccountUsage(this))
    , m_permissions(new Permissions(this))
    , m_discovery(new DiscoveredResources(this))
    , m_actions(new ActionCollection(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("SA Admin"));
    m_sortedNamespaces->setSourceModel(m_namespaces);
    m_sortedNamespaces->setSortRole(SortRole);
    m_sortedNamespaces->sort(NamespaceModel::NameColumn);
    m_allNamespaces->appendRow(new QStandardItem(tr("All namespaces")));
    m_accountProxy->setSourceModel(m_accounts);
    m_accounts->setPermissions(m_permissions);
    m_secretProxy->setSourceModel(m_secrets);
    connect(m_discovery, &DiscoveredResources::changed, this, &MainWindow::onDiscovery);

    buildActions();
    buildToolBar();
    buildMenus();
    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    m_pages->addWidget(buildWelcomePage());
    m_pages->addWidget(buildMainPage());
    setCentralWidget(m_pages);

    m_statusLabel = new QLabel(tr("Not connected"));
    m_statusLabel->setObjectName(u"connectionState"_s);
    m_statusLabel->setTextFormat(Qt::PlainText); // the server's sentence, names from the kubeconfig: never markup
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"loadingProgress"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    // Where the toolbar is connected to, in the status bar: in the toolbar a long server address pushed the actions
    // and the filter out of a window of 1280 pixels at a larger font.
    m_contextInfo = new QLabel;
    m_contextInfo->setObjectName(u"contextInfo"_s);
    m_contextInfo->setTextFormat(Qt::PlainText);
    m_contextInfo->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_contextInfo);
    statusBar()->addPermanentWidget(m_progress);
    // A copied secret stays on the clipboard only for a while: the status bar says how long.
    auto *clipboard = new QLabel;
    clipboard->setObjectName(u"clipboardCountdown"_s);
    clipboard->hide();
    statusBar()->addPermanentWidget(clipboard);
    ClipboardGuard *guard = ClipboardGuard::instance();
    connect(guard, &ClipboardGuard::countdown, clipboard, [clipboard](int secondsLeft) {
        clipboard->setText(tr("Clipboard clears in %1 s").arg(secondsLeft));
        clipboard->show();
    });
    connect(guard, &ClipboardGuard::cleared, clipboard, &QWidget::hide);
    connect(guard, &ClipboardGuard::superseded, clipboard, &QWidget::hide);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    using enum ActionCollection::Place;
    using Enabled = ActionCollection::Enabled;
    // In the order they appear in every menu, toolbar and context menu that has them.
    m_actions->add({u"newServiceAccount"_s, tr("&New service account…"), QKeySequence(u"Ctrl+N"_s),
                    Enabled::WithSession, AccountMenu | ToolBar | AccountList, [this] { newServiceAccount(); }});
    m_actions->add({u"issueToken"_s, tr("&Issue token…"), QKeySequence(u"Ctrl+T"_s), Enabled::WithSession,
                    AccountMenu | ToolBar | AccountList, [this] { issueToken(); },
                    tr("Issue a token that expires (TokenRequest)")});
    m_actions->add({u"newTokenSecret"_s, tr("New &long-lived token secret…"), QKeySequence(u"Ctrl+Shift+T"_s),
                    Enabled::WithSession, AccountMenu | AccountList, [this] { newTokenSecret(); }});
    m_actions->add({u"pullSecrets"_s, tr("Image &pull secrets…"), QKeySequence(u"Ctrl+P"_s), Enabled::WithSession,
                    AccountMenu | ToolBar | AccountList, [this] { editPullSecrets(); },
                    tr("Attach or detach registry credentials")});
    m_actions->add({u"automount"_s, tr("Token &automount and pod snippet…"), QKeySequence(u"Ctrl+M"_s),
                    Enabled::WithSession, AccountMenu | AccountList, [this] { editAutomount(); }});
    m_actions->add({u"identityAnnotations"_s, tr("&Edit identity annotations…"), QKeySequence(), Enabled::WithSession,
                    AccountMenu | AccountList,
                    [this] {
                        if (const auto account = accountFor(tr("Select a service account to edit its cloud identity.")))
                            openDialog(new IdentityAnnotationsDialog(m_session->client(), *account, this));
                    },
                    tr("The annotations by which the account's pods act as an AWS, Google Cloud or Azure identity")});
    m_actions->add({u"changeWorkload"_s, tr("&Change a workload's service account…"), QKeySequence(u"Ctrl+Shift+R"_s),
                    Enabled::WithSession, AccountMenu | AccountList, [this] { changeWorkloadServiceAccount(); }});
    m_actions->add({u"grantAccess"_s, tr("&Grant access…"), QKeySequence(u"Ctrl+G"_s), Enabled::WithSession,
                    AccountMenu | AccountList, [this] { grantAccess(); },
                    tr("Bind a Role or ClusterRole to the account, after a preview of what it adds")});
    m_actions->add({u"canIt"_s, tr("Can it…?"), QKeySequence(u"Ctrl+Shift+I"_s), Enabled::WithSession,
                    AccountMenu | AccountList, [this] { canIt(); },
                    tr("Ask the server and the bindings whether the account may do something")});
    m_actions->add({u"whoCan"_s, tr("&Who can…?"), QKeySequence(u"Ctrl+Shift+W"_s), Enabled::WithSession, ClusterMenu,
                    [this] { whoCan(); }});
    m_actions->add({u"inspectToken"_s, tr("&Inspect a token…"), QKeySequence(u"Ctrl+I"_s), Enabled::Always, ClusterMenu,
                    [this] { inspectToken(); }, tr("Decode any token and ask the cluster whom it takes it for")});
    m_actions->add({u"whoCanRead"_s, tr("Who can &read this?"), QKeySequence(), Enabled::WithSession,
                    SecretMenu | SecretList, [this] { whoCanReadSelectedSecret(); }});
    m_actions->add({u"revealSecret"_s, tr("&Reveal values…"), QKeySequence(u"Ctrl+R"_s), Enabled::WithSession,
                    SecretMenu | SecretList, [this] { revealSelectedSecret(); }});
    m_actions->add({u"showYaml"_s, tr("&YAML…"), QKeySequence(u"Ctrl+Y"_s), Enabled::WithSession,
                    SecretMenu | ViewMenu | AccountList | SecretList, [this] { showSelectedYaml(); }});
    m_actions->add({u"copyName"_s, tr("Copy name"), QKeySequence::Copy, Enabled::Always,
                    AccountMenuTail | AccountList | SecretList, [this] { copySelectedName(); }});
    m_actions->add({u"delete"_s, tr("&Delete"), QKeySequence::Delete, Enabled::WithSession,
                    AccountMenuTail | AccountList, [this] { deleteServiceAccount(); }});
    m_actions->add(
        {u"switchContext"_s, tr("Switch context"), QKeySequence(u"Ctrl+K"_s), Enabled::Always, ClusterMenu, [this] {
             m_contextSwitcher->setFocus();
             m_contextSwitcher->showPopup();
         }});
    m_actions->add({u"focusFilter"_s, tr("Filter"), QKeySequence::Find, Enabled::Always, ViewMenu, [this] {
                        m_filter->setFocus();
                        m_filter->selectAll();
                    }});
    m_actions->add({u"refresh"_s, tr("Refresh"), QKeySequence::Refresh, Enabled::Always, ClusterMenu | ViewMenu,
                    [this] { Q_EMIT refreshRequested(); }});
}

void MainWindow::copySelectedName()
{
    const QModelIndex current = chosenIndex(currentView());
    if (current.isValid())
        QGuiApplication::clipboard()->setText(current.siblingAtColumn(0).data(NameRole).toString());
}

void MainWindow::buildMenus()
{
    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addActions(m_actions->in(ActionCollection::Place::ClusterMenu));
    cluster->addSeparator();
    QAction *quit = cluster->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    quit->setObjectName(u"quit"_s);
    quit->setIcon(icons::forAction(quit->objectName()));
    QMenu *account = menuBar()->addMenu(tr("&Service account"));
    account->addActions(m_actions->in(ActionCollection::Place::AccountMenu));
    account->addSeparator();
    account->addActions(m_actions->in(ActionCollection::Place::AccountMenuTail));
    QMenu *secret = menuBar()->addMenu(tr("S&ecret"));
    secret->addActions(m_actions->in(ActionCollection::Place::SecretMenu));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_actions->in(ActionCollection::Place::ViewMenu));
    view->addSeparator();
    // The preference itself, where it is kept with the others (Edit > Preferences).
    QAction *delay = view->addAction(tr("Clear copied &secrets after…"), this, [this] {
        auto *preferences = new PreferencesDialog(this);
        openDialog(preferences);
        preferences->focusClipboardDelay();
    });
    delay->setObjectName(u"clipboardDelay"_s);
    delay->setIcon(icons::forAction(delay->objectName()));

    // Edit, after Cluster (where File would be), and Help, last.
    auto *edit = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(account->menuAction(), edit);
    QAction *preferences = edit->addAction(tr("&Preferences…"), QKeySequence::Preferences, this,
                                           [this] { openDialog(new PreferencesDialog(this)); });
    preferences->setObjectName(u"preferences"_s);
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setIcon(icons::forAction(preferences->objectName()));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About SA Admin"), this, [this] { openDialog(makeAboutBox(this)); });
    about->setObjectName(u"about"_s);
    about->setMenuRole(QAction::AboutRole);
    about->setIcon(icons::forAction(about->objectName()));
}

void MainWindow::buildToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    // The few actions there keep their words beside their icons, at the size of the text.
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const int iconSize = toolBar->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, toolBar);
    toolBar->setIconSize(QSize(iconSize, iconSize));
    m_contextSwitcher = new QComboBox;
    m_contextSwitcher->setObjectName(u"contextSwitcher"_s);
    m_contextSwitcher->setAccessibleName(tr("Kubeconfig context"));
    m_contextSwitcher->setMinimumContentsLength(18);
    m_contextSwitcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_contextSwitcher, &QComboBox::activated, this,
            [this](int index) { Q_EMIT contextRequested(m_contextSwitcher->itemText(index)); });
    toolBar->addWidget(m_contextSwitcher);
    toolBar->addSeparator();
    toolBar->addActions(m_actions->in(ActionCollection::Place::ToolBar));
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(tr("Filter by name or label…"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(m_filter->placeholderText())
                              + 2 * m_filter->sizeHint().height());
    // Filtering tens of thousands of rows takes a moment: wait until the typing pauses.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] {
        m_accountProxy->setTextFilter(m_filter->text());
        m_secretProxy->setTextFilter(m_filter->text());
        m_tokens->setTextFilter(m_filter->text());
    });
    toolBar->addWidget(m_filter);
}

QWidget *MainWindow::buildWelcomePage()
{
    auto *page = new QWidget;
    page->setObjectName(u"welcomePage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    auto *title = new QLabel(tr("<h2>SA Admin</h2>"));
    title->setAlignment(Qt::AlignCenter);
    m_welcomeText = new QLabel;
    m_welcomeText->setObjectName(u"welcomeText"_s);
    m_welcomeText->setWordWrap(true);
    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setTextFormat(Qt::RichText);
    auto *demo = new QPushButton(tr("Open the demo cluster"));
    demo->setObjectName(u"openDemo"_s);
    connect(demo, &QPushButton::clicked, this, &MainWindow::demoRequested);
    m_retry = new QPushButton(tr("&Try again"));
    m_retry->setObjectName(u"retry"_s);
    m_retry->setToolTip(tr("Read the kubeconfig again and connect (F5)"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &MainWindow::refreshRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(demo);
    buttons->addStretch();
    layout->addWidget(title);
    layout->addWidget(m_welcomeText);
    layout->addLayout(buttons);
    layout->addStretch();
    return page;
}

QWidget *MainWindow::buildMainPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_messageBar = new MessageBar;
    layout->addWidget(m_messageBar);

    auto *counts = new NamespaceCounts(m_sortedNamespaces, m_accounts, this);
    m_namespaceCounts = counts;
    connect(counts, &NamespaceCounts::countsChanged, this, &MainWindow::updateNamespaceRows);
    auto *namespaces = new QConcatenateTablesProxyModel(this);
    namespaces->addSourceModel(m_allNamespaces);
    namespaces->addSourceModel(counts);
    m_namespaceView = new QListView;
    m_namespaceView->setObjectName(u"namespaces"_s);
    m_namespaceView->setAccessibleName(tr("Namespaces"));
    m_namespaceView->setModel(namespaces);
    m_namespaceView->setUniformItemSizes(true);
    // The selection decides, not only the current item: an accessibility client selects without moving it.
    connect(m_namespaceView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onNamespaceSelected);
    connect(m_namespaceView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onNamespaceSelected);
    connect(counts, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_missingNamespace.isEmpty() && findNamespaceRow(m_namespaces, m_missingNamespace) >= 0) {
            // It exists now: the real row replaces the placeholder.
            const bool chosen = selectedNamespace() == m_missingNamespace;
            removeExtraNamespace(m_missingNamespace);
            m_messageBar->removeMessage(missingNamespaceText(m_missingNamespace));
            if (chosen)
                m_pendingNamespace = m_missingNamespace;
            m_missingNamespace.clear();
        }
        if (!m_pendingNamespace.isEmpty())
            selectNamespace(m_pendingNamespace);
    });

    m_accountView = makeListView(m_accountProxy, u"serviceAccounts"_s);
    m_accountView->setAccessibleName(tr("Service accounts"));
    m_secretView = makeListView(m_secretProxy, u"secrets"_s);
    m_secretView->setAccessibleName(tr("Secrets"));
    m_accountView->addActions(m_actions->in(ActionCollection::Place::AccountList));
    m_secretView->addActions(m_actions->in(ActionCollection::Place::SecretList));
    connect(m_secretView, &QTreeView::activated, this, &MainWindow::revealSelectedSecret);
    for (QTreeView *view : {m_accountView, m_secretView}) {
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateDetails);
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateDetails);
        // Something is always selected when there is something to select, so the details pane is never idle.
        connect(view->model(), &QAbstractItemModel::rowsInserted, view, [view] {
            if (!view->currentIndex().isValid() && view->model()->rowCount() > 0)
                view->setCurrentIndex(view->model()->index(0, 0));
        });
        connect(view->model(), &QAbstractItemModel::layoutChanged, view, [view] {
            if (!view->currentIndex().isValid() && view->model()->rowCount() > 0)
                view->setCurrentIndex(view->model()->index(0, 0));
        });
    }

    auto *accountsPage = new QWidget;
    auto *accountsLayout = new QVBoxLayout(accountsPage);
    accountsLayout->setContentsMargins(0, 4, 0, 0);
    auto *accountFilters = new QHBoxLayout;
    m_onlyRisky = new QCheckBox(tr("Only risky accounts"));
    m_onlyRisky->setObjectName(u"onlyRisky"_s);
    m_onlyRisky->setToolTip(tr("Accounts whose permissions include one of the well-known dangerous ones (the Risk "
                               "column)"));
    connect(m_onlyRisky, &QCheckBox::toggled, m_accountProxy,
            [this](bool on) { m_accountProxy->setMinimumRisk(on ? int(rbac::Severity::Medium) : 0); });
    accountFilters->addWidget(m_onlyRisky);
    accountFilters->addStretch();
    accountsLayout->addLayout(accountFilters);
    accountsLayout->addWidget(m_accountView);

    auto *secretsPage = new QWidget;
    auto *secretsLayout = new QVBoxLayout(secretsPage);
    secretsLayout->setContentsMargins(0, 4, 0, 0);
    auto *secretFilters = new QHBoxLayout;
    m_secretType = new QComboBox;
    m_secretType->setObjectName(u"secretType"_s);
    m_secretType->setAccessibleName(tr("Secret type"));
    m_secretType->addItem(tr("All types"));
    for (const QString &type : {u"kubernetes.io/dockerconfigjson"_s, u"kubernetes.io/service-account-token"_s,
                                u"Opaque"_s, u"kubernetes.io/tls"_s, u"helm.sh/release.v1"_s})
        m_secretType->addItem(SecretModel::typeLabel(type), type);
    connect(m_secretType, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString type = m_secretType->itemData(index).toString();
        m_secretProxy->setSecretTypes(type.isEmpty() ? QStringList() : QStringList {type});
    });
    m_hideHelm = new QCheckBox(tr("Hide Helm releases"));
    m_hideHelm->setObjectName(u"hideHelm"_s);
    connect(m_hideHelm, &QCheckBox::toggled, m_secretProxy, &ResourceFilterProxy::setHideHelmReleases);
    secretFilters->addWidget(m_secretType);
    secretFilters->addWidget(m_hideHelm);
    secretFilters->addStretch();
    secretsLayout->addLayout(secretFilters);
    secretsLayout->addWidget(m_secretView);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"kindTabs"_s);
    m_tabs->insertTab(int(Tab::ServiceAccounts), accountsPage, tr("Service accounts"));
    m_tabs->insertTab(int(Tab::Secrets), secretsPage, tr("Secrets"));
    m_tokens = new TokensPane(m_usage);
    m_tokens->setObjectName(u"tokensPane"_s);
    m_tabs->insertTab(int(Tab::Tokens), m_tokens, tr("Tokens"));
    m_tabs->setTabToolTip(int(Tab::Tokens), tr("Every long-lived token Secret: last use, invalidation, what reads it"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (currentTab() == Tab::Tokens)
            m_tokens->activate();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateDetails);
    connect(m_tokens, &TokensPane::currentChanged, this, &MainWindow::updateDetails);
    connect(m_tokens, &TokensPane::titleChanged, this, &MainWindow::updateTabCounts);
    connect(m_tokens, &TokensPane::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    const auto updateCounts = [this] { updateTabCounts(); };
    for (QSortFilterProxyModel *proxy :
         {static_cast<QSortFilterProxyModel *>(m_accountProxy), static_cast<QSortFilterProxyModel *>(m_secretProxy)}) {
        connect(proxy, &QAbstractItemModel::rowsInserted, this, updateCounts);
        connect(proxy, &QAbstractItemModel::rowsRemoved, this, updateCounts);
        connect(proxy, &QAbstractItemModel::modelReset, this, updateCounts);
        connect(proxy, &QAbstractItemModel::layoutChanged, this, updateCounts);
    }
    updateCounts();

    m_details = new DetailsPane(m_usage);
    m_details->setPermissions(m_permissions);
    connect(m_details, &QTextBrowser::anchorClicked, this, &MainWindow::onDetailsLink);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_namespaceView);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({200, 640, 360});
    layout->addWidget(m_splitter, 1);
    return page;
}

void MainWindow::updateTabCounts()
{
    // A list the user may not read, or that has not arrived, has no count: "0" would say it is empty.
    const auto title = [this](const QString &what, Informer *informer, const QSortFilterProxyModel *proxy) {
        if (!m_session || !informer)
            return what;
        if (m_session->state() == ClusterSession::State::Failed)
            return what; // the credentials were refused: nothing is known of this list
        if (m_session->isRefused(informer))
            return tr("%1 (not allowed)").arg(what);
        if (!informer->hasSynced())
            return what;
        return tr("%1 (%2)").arg(what, QLocale().toString(proxy->rowCount()));
    };
    m_tabs->setTabText(
        int(Tab::ServiceAccounts),
        title(tr("Service accounts"), m_session ? m_session->serviceAccounts() : nullptr, m_accountProxy));
    m_tabs->setTabText(int(Tab::Secrets),
                       title(tr("Secrets"), m_session ? m_session->secrets() : nullptr, m_secretProxy));
    m_tabs->setTabText(int(Tab::Tokens), m_tokens->title());
}

void MainWindow::removeExtraNamespace(const QString &ns)
{
    if (const int row = findNamespaceRow(m_allNamespaces, ns); row > 0)
        m_allNamespaces->removeRow(row);
}

void MainWindow::addExtraNamespace(const QString &ns)
{
    if (ns.isEmpty() || findNamespaceRow(m_allNamespaces, ns) > 0)
        return;
    auto *item = new QStandardItem(ns);
    item->setData(ns, NameRole);
    m_allNamespaces->appendRow(item);
    updateNamespaceRows();
}

void MainWindow::updateNamespaceRows()
{
    // "All namespaces" counts what the lists hold; a user who may not list across namespaces cannot choose it.
    QStandardItem *all = m_allNamespaces->item(0);
    const bool namespaced = m_session && m_session->isNamespaced();
    all->setEnabled(!namespaced);
    const bool counted =
        m_session && m_session->serviceAccounts()->hasSynced() && m_session->state() != ClusterSession::State::Failed;
    all->setText(namespaced    ? tr("All namespaces (not allowed)")
                     : counted ? tr("All namespaces (%1)").arg(QLocale().toString(m_namespaceCounts->total()))
                               : tr("All namespaces"));
    // The namespaces offered although not listed: the one a restricted user works in, or one that does not exist.
    for (int row = 1; row < m_allNamespaces->rowCount(); ++row) {
        QStandardItem *item = m_allNamespaces->item(row);
        const QString ns = item->data(NameRole).toString();
        item->setText(ns == m_missingNamespace ? tr("%1 (not found)").arg(ns)
                          : counted            ? tr("%1 (%2)").arg(ns).arg(m_namespaceCounts->countOf(ns))
                                               : ns);
    }
}

void MainWindow::markMissingNamespace()
{
    const QString ns = m_pendingNamespace;
    if (ns.isEmpty() || !m_session || m_session->isRefused(m_session->namespaces())
        || !m_session->namespaces()->hasSynced() || findNamespaceRow(m_namespaces, ns) >= 0)
        return;
    // Asked for (--namespace, the context's) but not in the complete list: say so and show it empty, rather than
    // show every namespace instead.
    m_missingNamespace = ns;
    addExtraNamespace(ns);
    selectNamespace(ns);
    m_messageBar->showMessage(missingNamespaceText(ns), MessageBar::Level::Warning);
}

QString MainWindow::rememberedNamespace(const QString &context) const
{
    return QSettings().value(contextKey(context, u"namespace"_s)).toString();
}

void MainWindow::setContexts(const QStringList &contexts, const QString &current)
{
    m_contextSwitcher->clear();
    m_contextSwitcher->addItems(contexts);
    m_contextSwitcher->setCurrentText(current);
}

void MainWindow::setSession(ClusterSession *session, const ResolvedContext &context)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_context = context;
    m_details->forgetSecretKeys();
    m_messageBar->clear();
    for (const QString &warning : std::as_const(m_configWarnings))
        m_messageBar->showMessage(warning, MessageBar::Level::Warning);
    m_pendingNamespace.clear();
    m_missingNamespace.clear();
    m_usage->setSession(session);
    m_tokens->setSession(session);
    if (session && currentTab() == Tab::Tokens)
        m_tokens->activate();
    m_permissions->setSession(session);
    // Once per session: F5 and a context switch make a new one, and ask again.
    m_discovery->setClient(session ? session->client() : nullptr);
    m_namespaces->setInformer(session ? session->namespaces() : nullptr);
    m_allNamespaces->setRowCount(1);
    updateNamespaceRows();
    bindScopedModels();
    m_pages->setCurrentIndex(1);
    m_actions->setSessionAvailable(session != nullptr);
    m_contextInfo->setText(
        tr("cluster %1 · user %2 · namespace %3").arg(context.cluster.server, context.user.name, context.ns));
    m_contextSwitcher->setCurrentText(context.context.name);
    setWindowTitle(tr("SA Admin — %1").arg(context.context.name));
    if (session) {
        connect(session, &ClusterSession::stateChanged, this, &MainWindow::updateStatus);
        connect(session, &ClusterSession::identityChanged, this, &MainWindow::updateStatus);
        connect(session, &ClusterSession::loadingProgress, this, &MainWindow::updateStatus);
        connect(session, &ClusterSession::informersReplaced, this, &MainWindow::bindScopedModels);
        // One entry per cause, the one about the visible pane first; gone when the lists work again.
        connect(session, &ClusterSession::problemsChanged, this, &MainWindow::showProblems);
        connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::showProblems, Qt::UniqueConnection);
        connect(session, &ClusterSession::namespacesRefused, this, [this] {
            // Not allowed to list namespaces: offer the one asked for (--namespace, the context's, the last one).
            const QString ns = m_pendingNamespace.isEmpty() ? m_session->focusNamespace() : m_pendingNamespace;
            addExtraNamespace(ns);
            if (selectedNamespace().isEmpty())
                selectNamespace(ns);
        });
        connect(session, &ClusterSession::informersReplaced, this, &MainWindow::updateNamespaceRows);
        connect(session, &ClusterSession::loadingProgress, this, &MainWindow::updateTabCounts);
        connect(session, &ClusterSession::loadingProgress, this, &MainWindow::updateNamespaceRows);
        connect(session, &ClusterSession::stateChanged, this, &MainWindow::updateTabCounts);
        connect(session->namespaces(), &Informer::synced, this, &MainWindow::markMissingNamespace);
        // What the details can tell depends on which lists are loaded or refused.
        const auto rebuildDetails = [this] { m_details->scheduleRebuild(); };
        connect(session, &ClusterSession::loadingProgress, this, rebuildDetails);
        connect(session, &ClusterSession::problemsChanged, this, rebuildDetails);
        connect(session, &ClusterSession::stateChanged, this, rebuildDetails);
    }
    updateStatus();
    updateDetails();
}

void MainWindow::bindScopedModels()
{
    ClusterSession *session = m_session;
    m_accounts->setInformer(session ? session->serviceAccounts() : nullptr);
    m_secrets->setInformer(session ? session->secrets() : nullptr);
}

void MainWindow::showWelcome(const QString &reason)
{
    m_welcomeText->setText(reason);
    m_welcomeText->setAccessibleName(m_welcomeText->text());
    m_retry->hide();
    m_pages->setCurrentIndex(0);
    m_statusLabel->setText(tr("Not connected"));
}

void MainWindow::showConfigProblem(const QStringList &problems)
{
    QString html = u"<p>"_s + tr("The kubeconfig cannot be used (kubectl would stop here too):") + u"</p>"_s;
    for (const QString &problem : problems)
        html += u"<p><b>"_s + escaped(problem) + u"</b></p>"_s;
    html += u"<p>"_s
        + tr("Correct the file and try again, or look around in a demo cluster that runs on this computer.")
        + u"</p>"_s;
    showWelcome(html);
    m_retry->show();
    setWindowTitle(tr("SA Admin"));
}

void MainWindow::setConfigWarnings(const QStringList &warnings)
{
    m_configWarnings = warnings;
    for (const QString &warning : warnings)
        m_messageBar->showMessage(warning, MessageBar::Level::Warning);
}

void MainWindow::showContextFailure(const QString &context, const QString &reason)
{
    // One state, said once: the context that failed stays chosen, nothing looks half connected.
    m_contextSwitcher->setCurrentIndex(m_contextSwitcher->findText(context));
    showWelcome(u"<p><b>"_s + tr("Not connected") + u"</b></p><p>"_s + escaped(reason) + u"</p><p>"_s
                + tr("Choose another context, or correct the kubeconfig and try again.") + u"</p>"_s);
    m_retry->show();
    m_contextInfo->setText(tr("not connected"));
    setWindowTitle(tr("SA Admin — %1 (not connected)").arg(context));
    m_statusLabel->setText(tr("Not connected: %1").arg(reason));
}

void MainWindow::showError(const QString &text)
{
    m_messageBar->showMessage(text, MessageBar::Level::Error);
}

QModelIndex MainWindow::chosenIndex(const QAbstractItemView *view)
{
    const QModelIndexList selected = view->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? view->currentIndex() : selected.first().siblingAtColumn(0);
}

QTreeView *MainWindow::currentView() const
{
    switch (currentTab()) {
    case Tab::ServiceAccounts:
        return m_accountView;
    case Tab::Secrets:
        return m_secretView;
    case Tab::Tokens:
        return m_tokens->view();
    }
    return m_accountView;
}

MainWindow::Tab MainWindow::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

QString MainWindow::selectedNamespace() const
{
    const QModelIndex chosen = chosenIndex(m_namespaceView);
    return chosen.isValid() && chosen.row() > 0 ? chosen.data(NameRole).toString() : QString();
}

void MainWindow::selectNamespace(const QString &ns)
{
    QAbstractItemModel *model = m_namespaceView->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if ((ns.isEmpty() && row == 0) || (row > 0 && index.data(NameRole).toString() == ns)) {
            m_namespaceView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
            m_pendingNamespace.clear();
            return;
        }
    }
    // Not listed yet: selected when it arrives, or marked as not found once the list is complete.
    m_pendingNamespace = ns;
    markMissingNamespace();
}

void MainWindow::onNamespaceSelected()
{
    const QString ns = selectedNamespace();
    m_accountProxy->setNamespaceFilter(ns);
    m_secretProxy->setNamespaceFilter(ns);
    m_tokens->setNamespaceFilter(ns);
    if (m_session)
        m_session->setFocusNamespace(ns);
    // Remembered for this context when it is a choice (not a list emptied by a reset, nor a namespace still to come).
    if (chosenIndex(m_namespaceView).isValid() && m_pendingNamespace.isEmpty() && !m_context.context.name.isEmpty())
        QSettings().setValue(contextKey(m_context.context.name, u"namespace"_s), ns);
}

void MainWindow::updateStatus()
{
    if (!m_session) {
        m_statusLabel->setText(tr("Not connected"));
        m_progress->hide();
        return;
    }
    const int loaded = m_session->listsLoaded();
    const int total = m_session->listCount();
    m_progress->setRange(0, total);
    m_progress->setValue(loaded);
    m_progress->setVisible(loaded < total);
    const QString who = m_session->identity().isEmpty() ? QString() : tr(" as %1").arg(m_session->identity());
    switch (m_session->state()) {
    case ClusterSession::State::Connecting:
        m_statusLabel->setText(
            tr("● Connecting to %1… (%2 of %3 lists loaded)").arg(m_context.cluster.server).arg(loaded).arg(total));
        break;
    case ClusterSession::State::Connected:
        m_statusLabel->setText(tr("● Connected%1").arg(who));
        break;
    case ClusterSession::State::Reconnecting:
        m_statusLabel->setText(tr("● Reconnecting to %1…").arg(m_context.cluster.server));
        break;
    case ClusterSession::State::Failed:
        // One line, whatever the failure's length (a plugin's install hint, say): the message bar has the rest.
        m_statusLabel->setText(tr("● Not connected: %1").arg(m_session->failure().section(u'\n', 0, 0).trimmed()));
        m_progress->hide();
        break;
    }
    // A tooltip guesses rich text as QLabel does: the failure's words as a paragraph of text.
    m_statusLabel->setToolTip(m_session->state() == ClusterSession::State::Failed
                                  ? Qt::convertFromPlainText(m_session->failure(), Qt::WhiteSpaceNormal)
                                  : QString());
}

void MainWindow::showProblems()
{
    if (!m_session)
        return;
    Informer *visible = currentTab() == Tab::Secrets ? m_session->secrets()
        : currentTab() == Tab::Tokens                ? m_session->tokenSecretsIfStarted()
                                                     : m_session->serviceAccounts();
    m_messageBar->setProblems(m_session->problems().entries(m_session->nameOf(visible)));
}

void MainWindow::updateDetails()
{
    const bool accounts = currentTab() == Tab::ServiceAccounts;
    if (currentTab() == Tab::Tokens) {
        const auto secret = m_session ? m_tokens->currentSecret() : std::nullopt;
        if (secret)
            m_details->showSecret(secret->meta.ns, secret->meta.name);
        else
            m_details->showNothing();
        return;
    }
    const QModelIndex current = chosenIndex(currentView());
    if (!current.isValid() || !m_session) {
        m_details->showNothing();
        return;
    }
    const QString ns = current.data(NamespaceRole).toString();
    const QString name = current.data(NameRole).toString();
    if (accounts)
        m_details->showAccount(ns, name);
    else
        m_details->showSecret(ns, name);
}

void MainWindow::openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

std::optional<ServiceAccount> MainWindow::accountFor(const QString &why)
{
    const auto account = m_session ? selectedServiceAccount() : std::nullopt;
    if (!account)
        statusBar()->showMessage(why, 5000);
    return account;
}

QStringList MainWindow::namespaceNames() const
{
    QStringList namespaces;
    for (int row = 0; row < m_namespaces->rowCount(); ++row)
        namespaces.append(m_namespaces->index(row, 0).data(NameRole).toString());
    const QString focus = m_session && m_session->isNamespaced() ? m_session->focusNamespace() : QString();
    if (namespaces.isEmpty() && !focus.isEmpty())
        namespaces.append(focus);
    namespaces.sort();
    return namespaces;
}

const rbac::RbacIndex *MainWindow::readableRbac() const
{
    // Resolved from lists the server refused, the answers would say less than there is: the dialogs then ask the
    // server alone, and say so.
    return m_permissions->refusedSources().isEmpty() ? &m_permissions->index() : nullptr;
}

ApiResources MainWindow::offeredResources() const
{
    return m_discovery->resources().value_or(commonApiResources());
}

void MainWindow::onDiscovery()
{
    if (!m_discovery->failure().isEmpty()) {
        statusBar()->showMessage(
            tr("Could not read the resources the server offers (%1); the permission dialogs offer common ones.")
                .arg(m_discovery->failure()),
            10000);
    } else if (const auto &resources = m_discovery->resources();
               resources && !resources->failedGroupVersions.isEmpty()) {
        const QStringList groupVersions = resources->failedGroupVersions.keys();
        statusBar()->showMessage(tr("The server did not list the resources of %1 (%2); the permission dialogs offer "
                                    "the others.")
                                     .arg(groupVersions.join(u", "_s), resources->failedGroupVersions.first()),
                                 10000);
    }
}

void MainWindow::grantAccess()
{
    if (const auto account = accountFor(tr("Select the service account to grant access to.")))
        openDialog(new GrantAccessDialog(m_session->client(), readableRbac(), account->meta.ns, account->meta.name,
                                         namespaceNames(), this));
}

void MainWindow::canIt()
{
    const auto account = accountFor(tr("Select the service account to ask about."));
    if (!account)
        return;
    auto *dialog = new CanItDialog(m_session->client(), readableRbac(), account->meta.ns, account->meta.name,
                                   namespaceNames(), offeredResources(), this);
    connect(m_discovery, &DiscoveredResources::changed, dialog,
            [this, dialog] { dialog->setResources(offeredResources()); });
    openDialog(dialog);
}

WhoCanDialog *MainWindow::openWhoCan()
{
    QList<rbac::AccountRef> accounts;
    for (int row = 0; row < m_accounts->rowCount(); ++row) {
        const QModelIndex index = m_accounts->index(row, 0);
        accounts.append({index.data(NamespaceRole).toString(), index.data(NameRole).toString()});
    }
    auto *dialog = new WhoCanDialog(readableRbac(), accounts, namespaceNames(), offeredResources(), this);
    connect(m_discovery, &DiscoveredResources::changed, dialog,
            [this, dialog] { dialog->setResources(offeredResources()); });
    openDialog(dialog);
    return dialog;
}

void MainWindow::inspectToken()
{
    // Decoding needs no cluster; checking asks the one connected.
    openDialog(new TokenInspectorDialog(m_session ? m_session->client() : nullptr, {}, this));
}

void MainWindow::whoCan()
{
    if (m_session)
        openWhoCan();
}

void MainWindow::whoCanReadSelectedSecret()
{
    const std::optional<SecretMeta> secret = currentTab() != Tab::ServiceAccounts ? selectedSecret() : std::nullopt;
    if (!m_session || !secret) {
        statusBar()->showMessage(tr("Select a secret to see who can read it."), 5000);
        return;
    }
    openWhoCan()->setQuestion(u"get"_s, u"secrets"_s, secret->meta.ns, secret->meta.name);
}

void MainWindow::newServiceAccount()
{
    if (!m_session)
        return;
    const QStringList namespaces = namespaceNames();
    const QString ns = selectedNamespace().isEmpty() ? m_context.ns : selectedNamespace();
    const auto registrySecrets = [this](const QString &inNamespace) { return registrySecretsIn(inNamespace); };
    auto *dialog = new CreateServiceAccountDialog(m_session->client(), namespaces, ns, registrySecrets, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        statusBar()->showMessage(tr("Created service account %1").arg(dialog->created()), 5000);
    });
    openDialog(dialog);
}

QStringList MainWindow::registrySecretsIn(const QString &ns) const
{
    return m_usage->secretNamesIn(ns, {u"kubernetes.io/dockerconfigjson"_s, u"kubernetes.io/dockercfg"_s});
}

std::optional<ServiceAccount> MainWindow::selectedServiceAccount() const
{
    const QModelIndex current = chosenIndex(m_accountView);
    if (!current.isValid())
        return std::nullopt;
    return m_accounts->accountAt(m_accountProxy->mapToSource(current).row());
}

std::optional<SecretMeta> MainWindow::selectedSecret() const
{
    if (currentTab() == Tab::Tokens)
        return m_tokens->currentSecret();
    const QModelIndex current = chosenIndex(m_secretView);
    if (!current.isValid())
        return std::nullopt;
    return m_secrets->secretAt(m_secretProxy->mapToSource(current).row());
}

void MainWindow::issueToken()
{
    const auto account = accountFor(tr("Select a service account to issue a token for."));
    if (!account)
        return;
    QStringList pods;
    for (const Pod &pod : m_usage->podsOf(account->meta.ns, account->meta.name))
        pods.append(pod.meta.name);
    openDialog(new IssueTokenDialog(m_session->client(), account->meta.ns, account->meta.name, pods,
                                    m_usage->secretNamesIn(account->meta.ns), this));
}

void MainWindow::newTokenSecret()
{
    if (const auto account = accountFor(tr("Select a service account to make a token secret for.")))
        openDialog(new TokenSecretDialog(m_session->client(), account->meta.ns, account->meta.name, this));
}

void MainWindow::editPullSecrets()
{
    const auto account = accountFor(tr("Select a service account to change its image pull secrets."));
    if (!account)
        return;
    QMap<QString, QStringList> podPullSecrets;
    for (const Pod &pod : m_usage->podsOf(account->meta.ns, account->meta.name))
        podPullSecrets.insert(pod.meta.name, pod.imagePullSecrets);
    openDialog(new PullSecretsDialog(m_session->client(), *account, registrySecretsIn(account->meta.ns), podPullSecrets,
                                     this));
}

void MainWindow::editAutomount()
{
    if (const auto account = accountFor(tr("Select a service account to change its token automount.")))
        openDialog(new AutomountDialog(m_session->client(), *account, this));
}

void MainWindow::revealSecret(const QString &ns, const QString &name)
{
    if (m_session)
        openDialog(new SecretValuesDialog(m_session->client(), ns, name, this));
}

void MainWindow::revealSelectedSecret()
{
    const auto secret = m_session && currentTab() != Tab::ServiceAccounts ? selectedSecret() : std::nullopt;
    if (!secret) {
        statusBar()->showMessage(tr("Select a secret to reveal its values."), 5000);
        return;
    }
    revealSecret(secret->meta.ns, secret->meta.name);
}

void MainWindow::showYaml(const QString &kind, const QString &ns, const QString &name)
{
    if (m_session)
        openDialog(new YamlDialog(m_session->client(), kind, ns, name, this));
}

void MainWindow::showSelectedYaml()
{
    if (currentTab() == Tab::ServiceAccounts) {
        if (const auto account = accountFor(tr("Select a service account or a secret to see its YAML.")))
            showYaml(u"ServiceAccount"_s, account->meta.ns, account->meta.name);
    } else if (const auto secret = m_session ? selectedSecret() : std::nullopt) {
        showYaml(u"Secret"_s, secret->meta.ns, secret->meta.name);
    } else {
        statusBar()->showMessage(tr("Select a service account or a secret to see its YAML."), 5000);
    }
}

void MainWindow::changeWorkloadServiceAccount(const QString &workload)
{
    if (!m_session)
        return;
    // The namespace of the selected account (which is also the target preselected), else the selected one.
    const auto account = currentTab() == Tab::ServiceAccounts ? selectedServiceAccount() : std::nullopt;
    const QString ns = account ? account->meta.ns : selectedNamespace();
    if (ns.isEmpty()) {
        statusBar()->showMessage(tr("Select a namespace or a service account first."), 5000);
        return;
    }
    openDialog(new ChangeServiceAccountDialog(m_session->client(), ns, m_usage->workloadsIn(ns),
                                              m_usage->accountNamesIn(ns), workload,
                                              account ? account->meta.name : QString(), this));
}

void MainWindow::onDetailsLink(const QUrl &link)
{
    if (!m_session)
        return;
    const QString scheme = link.scheme();
    const QString path = link.path();
    if (scheme == "keys"_L1) {
        loadSecretKeys(path);
    } else if (scheme == "reveal"_L1) {
        revealSecret(path.section(u'/', 0, 0), path.section(u'/', 1));
    } else if (scheme == "yaml"_L1) {
        showYaml(path.section(u'/', 0, 0), path.section(u'/', 1, 1), path.section(u'/', 2));
    } else if (scheme == "runas"_L1) {
        changeWorkloadServiceAccount(path);
    } else if (scheme == "revoke"_L1) {
        revoke(path.section(u'/', 1, 1), path.section(u'/', 2), QUrlQuery(link).queryItemValue(u"group"_s));
    } else if (scheme == "action"_L1) {
        if (QAction *action = m_actions->sessionAction(path))
            action->trigger();
    }
}

void MainWindow::revoke(const QString &bindingNs, const QString &bindingName, const QString &group)
{
    const auto account = accountFor(tr("Select the service account to revoke a permission of."));
    if (!account)
        return;
    const RoleBinding *binding = m_permissions->index().binding(bindingNs, bindingName);
    if (!binding) {
        statusBar()->showMessage(tr("Binding %1 is gone already.").arg(bindingName), 5000);
        return;
    }
    // The subject that names the account in this binding (a ServiceAccount, or a User with the account's name).
    Subject subject {u"Group"_s, group, QString()};
    if (group.isEmpty()) {
        const QList<rbac::Grant> grants = m_permissions->ofAccount(account->meta.ns, account->meta.name).grants;
        const auto grant = std::ranges::find_if(grants, [&](const rbac::Grant &candidate) {
            return candidate.viaGroup.isEmpty() && candidate.bindingNamespace == bindingNs
                && candidate.bindingName == bindingName;
        });
        if (grant == grants.end()) {
            statusBar()->showMessage(tr("Binding %1 no longer names %2.").arg(bindingName, account->meta.name), 5000);
            return;
        }
        subject = grant->subject;
    }
    openDialog(new RevokeDialog(m_session->client(), *binding, subject, account->meta.key(), this));
}

void MainWindow::deleteServiceAccount()
{
    const QString why = tr("Select a service account to delete.");
    if (currentTab() != Tab::ServiceAccounts) {
        statusBar()->showMessage(why, 5000);
        return;
    }
    const auto account = accountFor(why);
    if (!account)
        return;
    QStringList tokenSecrets;
    for (const SecretMeta &secret : m_usage->tokenSecretsOf(account->meta.ns, account->meta.name))
        tokenSecrets.append(secret.meta.name);
    QStringList users;
    for (const Workload &workload : m_usage->workloadsOf(account->meta.ns, account->meta.name))
        users.append(workload.label());
    openDialog(new DeleteServiceAccountDialog(m_session->client(), *account, tokenSecrets, users, this));
}

void MainWindow::loadSecretKeys(const QString &key)
{
    const QString ns = key.section(u'/', 0, 0);
    const QString name = key.section(u'/', 1);
    Operation *read = ops::readSecret(m_session->client(), ns, name);
    connect(read, &Operation::finished, this, [this, key](const OperationResult &result) {
        if (!result.ok()) {
            m_messageBar->showMessage(tr("Cannot read %1: %2").arg(key, result.error->userMessage()),
                                      MessageBar::Level::Error);
            return;
        }
        m_details->setSecretKeys(key, result.get<Secret>()->data.keys()); // the values go with `result`
    });
}

void MainWindow::restoreSettings()
{
    Preferences::load().apply();
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    if (!settings.contains(u"window/geometry"_s))
        resize(1280, 800);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace sa
