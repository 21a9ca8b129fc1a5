#pragma once

#include <QHash>
#include <QIdentityProxyModel>
#include <QTimer>

#include <functional>

namespace sa {

// Namespace names with the number of service accounts in each, as "payments (3)": a proxy over the namespaces
// that counts the rows of `accounts` by NamespaceRole, again shortly after accounts arrive or go.
class NamespaceCounts : public QIdentityProxyModel
{
    Q_OBJECT
public:
    NamespaceCounts(QAbstractItemModel *namespaces, QAbstractItemModel *accounts, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;

    [[nodiscard]] int total() const { return m_total; }
    [[nodiscard]] int countOf(const QString &ns) const { return m_counts.value(ns); }

Q_SIGNALS:
    // After every recount.
    void countsChanged();

private:
    void recount();

    QAbstractItemModel *m_accounts;
    QHash<QString, int> m_counts;
    int m_total = 0;
    QTimer m_recount;
};

} // namespace sa
