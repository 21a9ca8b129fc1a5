#pragma once

#include "ClusterSession.h"
#include "DiscoveredResources.h"
#include "Permissions.h"
#include "ResourceModels.h"
#include "ServiceAccountUsage.h"
#include "config/Kubeconfig.h"

#include <QMainWindow>
#include <QPointer>

class QAbstractItemView;
class QAction;
class QCheckBox;
class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeView;

namespace sa {

class WhoCanDialog;

class ActionCollection;
class DetailsPane;
class MessageBar;
class NamespaceCounts;
class TokensPane;

// The main window: a context switcher, the namespaces, the service accounts and secrets of the selection,
// and the details of the selected object, all live. It shows a session; Application decides which.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The kubeconfig's contexts for the switcher, and the one in use.
    void setContexts(const QStringList &contexts, const QString &current);
    // Shows `session` for `context` (null: none); models reset to its informers.
    void setSession(ClusterSession *session, const ResolvedContext &context);
    // Shows the page that explains what the tool needs, with a way to open the demo cluster.
    void showWelcome(const QString &reason);
    // The kubeconfig could not be used: each problem (file, line, error) on the welcome page, with a way to read it
    // again and the demo cluster, but no advice to create a new file.
    void showConfigProblem(const QStringList &problems);
    // Files of the kubeconfig that were skipped: shown above the lists whatever session is shown.
    void setConfigWarnings(const QStringList &warnings);
    // `context` could not be used: it stays selected in the switcher, and the window says "Not connected" and why.
    void showContextFailure(const QString &context, const QString &reason);
    // The namespace the user last chose in this context ("" for all namespaces, or none chosen yet).
    [[nodiscard]] QString rememberedNamespace(const QString &context) const;
    void showError(const QString &text);
    [[nodiscard]] MessageBar *messageBar() const { return m_messageBar; }
    [[nodiscard]] QString selectedNamespace() const;
    void selectNamespace(const QString &ns);

Q_SIGNALS:
    void contextRequested(const QString &context);
    void demoRequested();
    void refreshRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The kind tabs, in their order.
    enum class Tab { ServiceAccounts, Secrets, Tokens };
    [[nodiscard]] Tab currentTab() const;
    // The list of the current tab.
    [[nodiscard]] QTreeView *currentView() const;

    void buildActions();
    void buildToolBar();
    QWidget *buildMainPage();
    QWidget *buildWelcomePage();
    void updateStatus();
    // The session's problems in the message bar, the visible pane's first.
    void showProblems();
    void bindScopedModels();
    // Shows the chosen account or secret in the details pane.
    void updateDetails();
    void onNamespaceSelected();
    // The namespace to select has not arrived in a complete list: shown as "not found", selected and empty.
    void markMissingNamespace();
    void updateNamespaceRows();
    void updateTabCounts();
    // Rows after "All namespaces" for namespaces that are not listed (refused list, or not found).
    void addExtraNamespace(const QString &ns);
    void removeExtraNamespace(const QString &ns);
    // The row chosen in `view`: the selected one (as an accessibility client selects) or else the current one.
    [[nodiscard]] static QModelIndex chosenIndex(const QAbstractItemView *view);
    void restoreSettings();
    void loadSecretKeys(const QString &key);
    void buildMenus();
    void copySelectedName();
    void newServiceAccount();
    void issueToken();
    void newTokenSecret();
    void editPullSecrets();
    void editAutomount();
    void deleteServiceAccount();
    void revealSecret(const QString &ns, const QString &name);
    void showYaml(const QString &kind, const QString &ns, const QString &name);
    void showSelectedYaml();
    // `workload`: "deployment/NAME" or "pod/NAME" to preselect, else the first of the namespace.
    void changeWorkloadServiceAccount(const QString &workload = {});
    void grantAccess();
    void canIt();
    void whoCan();
    void inspectToken();
    void whoCanReadSelectedSecret();
    WhoCanDialog *openWhoCan();
    // The namespaces the window knows of (or the one it works in), sorted.
    [[nodiscard]] QStringList namespaceNames() const;
    // The RBAC index, or null when part of it could not be read.
    [[nodiscard]] const rbac::RbacIndex *readableRbac() const;
    // The resources the permission dialogs offer: the server's (discovery), else common ones.
    [[nodiscard]] ApiResources offeredResources() const;
    // Says in the status bar what discovery could not read.
    void onDiscovery();
    // Removes the selected account (or, `group` set, that group) from a binding, after saying what it takes away.
    void revoke(const QString &bindingNs, const QString &bindingName, const QString &group);
    void revealSelectedSecret();
    void onDetailsLink(const QUrl &link);
    // Opens `dialog` (deleted on close) on top of the window.
    void openDialog(QDialog *dialog);
    // The selected account, or nullopt with `why` in the status bar.
    [[nodiscard]] std::optional<ServiceAccount> accountFor(const QString &why);
    [[nodiscard]] std::optional<ServiceAccount> selectedServiceAccount() const;
    [[nodiscard]] std::optional<SecretMeta> selectedSecret() const;
    // The namespace's registry credentials (dockerconfigjson and dockercfg secrets), by name.
    [[nodiscard]] QStringList registrySecretsIn(const QString &ns) const;

    QPointer<ClusterSession> m_session;
    ResolvedContext m_context;
    QString m_pendingNamespace;

    NamespaceModel *m_namespaces;
    ServiceAccountModel *m_accounts;
    SecretModel *m_secrets;
    QSortFilterProxyModel *m_sortedNamespaces;
    QStandardItemModel *m_allNamespaces;
    NamespaceCounts *m_namespaceCounts = nullptr;
    ResourceFilterProxy *m_accountProxy;
    ResourceFilterProxy *m_secretProxy;
    ServiceAccountUsage *m_usage;
    Permissions *m_permissions;
    DiscoveredResources *m_discovery;

    QStackedWidget *m_pages;
    QLabel *m_welcomeText;
    QPushButton *m_retry;
    QStringList m_configWarnings;
    QString m_missingNamespace; // shown as a placeholder row: it was not in the complete namespace list
    MessageBar *m_messageBar;
    QComboBox *m_contextSwitcher;
    QLabel *m_contextInfo;
    QLineEdit *m_filter;
    QListView *m_namespaceView;
    QTabWidget *m_tabs;
    QTreeView *m_accountView;
    QTreeView *m_secretView;
    TokensPane *m_tokens;
    QComboBox *m_secretType;
    QCheckBox *m_hideHelm;
    QCheckBox *m_onlyRisky;
    DetailsPane *m_details;
    QSplitter *m_splitter;
    QLabel *m_statusLabel;
    QProgressBar *m_progress;

    ActionCollection *m_actions;
};

} // namespace sa
