#pragma once

#include "ClusterSession.h"
#include "TokenActionDialog.h"
#include "TokenAudit.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace sa {

// The Tokens tab: the audit of every long-lived token Secret (TokenAuditModel) of the namespace selection, its
// filters and summary line, CSV export, and the actions on the selected tokens (rotate, invalidate, re-enable,
// delete, replace by a projected token).
class TokensPane : public QWidget
{
    Q_OBJECT
public:
    TokensPane(ServiceAccountUsage *usage, QWidget *parent = nullptr);

    // Follows `session` (null: none). The token list is asked for only once the pane is activated.
    void setSession(ClusterSession *session);
    // The tab is shown: lists the session's token Secrets (once per session) and reads the tracking start.
    void activate();
    void setNamespaceFilter(const QString &ns);
    void setTextFilter(const QString &text);

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] TokenFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] TokenAuditModel *model() const { return m_model; }
    [[nodiscard]] std::optional<SecretMeta> currentSecret() const;
    // The tab's title: "Tokens", with the count once the list has arrived.
    [[nodiscard]] QString title() const;
    [[nodiscard]] const QString &summaryText() const { return m_summaryText; }
    // Writes the audit's visible rows as CSV to `fileName`; false with `error` set when it could not.
    bool exportCsv(const QString &fileName, QString *error) const;

Q_SIGNALS:
    void titleChanged();
    // The current token changed: the window's details follow it.
    void currentChanged();
    void statusMessage(const QString &text);

private:
    // Shows the rows of `informer` (the session's token Secrets, or their replacement in another namespace).
    void follow(Informer *informer);
    void readTracking();
    void updateSummary();
    void updateActions();
    void onExport();
    [[nodiscard]] QList<TokenFacts> selectedTokens() const;
    void openAction(TokenActionDialog::Action action);
    void replaceByProjected();

    QPointer<ClusterSession> m_session;
    QPointer<ServiceAccountUsage> m_usage;
    bool m_active = false;
    QString m_namespace;
    TokenAuditModel *m_model;
    TokenFilterProxy *m_proxy;
    QComboBox *m_condition;
    QSpinBox *m_days;
    QLabel *m_summary;
    QString m_summaryText;
    QTreeView *m_view;
    QTimer m_summaryTimer;
    QAction *m_rotate;
    QAction *m_invalidate;
    QAction *m_reenable;
    QAction *m_delete;
    QAction *m_projected;
    QAction *m_export;
};

} // namespace sa
