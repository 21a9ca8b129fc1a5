#include "NamespaceCounts.h"

#include "ResourceModels.h"

using namespace Qt::StringLiterals;

namespace sa {

NamespaceCounts::NamespaceCounts(QAbstractItemModel *namespaces, QAbstractItemModel *accounts, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_accounts(accounts)
{
    setSourceModel(namespaces);
    m_recount.setSingleShot(true);
    connect(&m_recount, &QTimer::timeout, this, &NamespaceCounts::recount);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(accounts, signal, &m_recount, [this] { m_recount.start(); });
    connect(accounts, &QAbstractItemModel::modelReset, &m_recount, [this] { m_recount.start(); });
}

QVariant NamespaceCounts::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole || index.column() != 0)
        return QIdentityProxyModel::data(index, role);
    const QString name = index.data(NameRole).toString();
    return QString(name + u" ("_s + QLocale().toString(m_counts.value(name)) + u')');
}

void NamespaceCounts::recount()
{
    m_counts.clear();
    m_total = m_accounts->rowCount();
    for (int row = 0; row < m_total; ++row)
        ++m_counts[m_accounts->index(row, 0).data(NamespaceRole).toString()];
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DisplayRole});
    Q_EMIT countsChanged();
}

} // namespace sa
