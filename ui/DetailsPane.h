#pragma once

#include "Permissions.h"
#include "ServiceAccountUsage.h"

#include <QHash>
#include <QPointer>
#include <QTextBrowser>
#include <QTimer>

#include <initializer_list>

class QMenu;

namespace sa {

// What the details pane shows, as HTML with links (action:, reveal:, keys:, yaml:, runas:, revoke:; details: links
// are the pane's own), made from an object and
// the usage index alone, so that it can be tested without a window.

// Why a section cannot be told from these sources ("cannot check: … are not readable"), or empty.
[[nodiscard]] QString unknownSourcesText(const SourceStates &states, std::initializer_list<Source> sources);
// `permissions`: null leaves the "Can do" section out; `permissionLimit` as for permissionsSection.
[[nodiscard]] QString serviceAccountDetailsHtml(const ServiceAccount &account, const ServiceAccountUsage &usage,
                                                const SourceStates &states, const Permissions *permissions = nullptr,
                                                qsizetype permissionLimit = 0);
// What the account may do, grouped by scope and resource, each permission numbered with the chains that grant it
// (with revoke: links), and its risks. `limit` > 0: that many permissions, then "… and N more · show all" (a
// details:all-permissions link); every chain is listed all the same.
[[nodiscard]] QString permissionsSection(const ServiceAccount &account, const Permissions &permissions,
                                         qsizetype limit = 0);
// `keyNames`: the key names the user asked to see, or null while only their number is known.
[[nodiscard]] QString secretDetailsHtml(const SecretMeta &secret, const QStringList *keyNames,
                                        const ServiceAccountUsage &usage, const SourceStates &states);

// The details of one service account or secret, kept current: rebuilt at once when another object is shown, and
// (after a short pause that gathers a burst of events) when an event concerns the one shown; events about other
// objects cost nothing here.
class DetailsPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailsPane(ServiceAccountUsage *usage, QWidget *parent = nullptr);

    void showAccount(const QString &ns, const QString &name);
    void showSecret(const QString &ns, const QString &name);
    void showNothing();
    // The key names of secret `key` ("ns/name"), read when the user asked; forgotten with the session.
    void setSecretKeys(const QString &key, const QStringList &names);
    void forgetSecretKeys();
    // Rebuilds soon: what the sources' states say (loading, refused) may have changed.
    void scheduleRebuild();
    // Adds the "Can do" section to accounts' details, kept current with every RBAC change.
    void setPermissions(Permissions *permissions);

    // The menu a right click at `position` (the viewport's coordinates) opens: Qt's standard one, whose icons come
    // only from an icon theme, with ours where it has none.
    [[nodiscard]] QMenu *createContextMenu(const QPoint &position);

    // How many times the content was built, for the benchmark and tests.
    [[nodiscard]] int rebuildCount() const { return m_rebuilds; }

    // The permissions "Can do" lists before "show all": a long list (an aggregated role such as edit has seventy)
    // would take tens of milliseconds to lay out on every selection, and push the chains out of sight.
    static constexpr qsizetype kShownPermissions = 15;

protected:
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    enum class Shown { Nothing, Account, Secret };
    void applyPalette();
    void show(Shown kind, const QString &ns, const QString &name);
    void rebuild();
    void onChanged(const QStringList &accounts, const QStringList &secrets);

    QPointer<ServiceAccountUsage> m_usage;
    QPointer<Permissions> m_permissions;
    Shown m_shown = Shown::Nothing;
    QString m_key; // "ns/name" of what is shown
    QString m_ns;
    QString m_name;
    QHash<QString, QStringList> m_secretKeys; // "ns/name" → key names the user asked to see
    bool m_allPermissions = false; // the user asked to see them all, for the account shown
    QTimer m_rebuildTimer;
    int m_rebuilds = 0;
};

} // namespace sa
