#include "ListView.h"

#include <QHeaderView>
#include <QTreeView>

namespace sa {

namespace {

// Rows measured when the columns are fitted to their contents: enough for a fair width, few enough that a list of
// 60,000 rows costs what a short one does.
constexpr int kColumnSampleRows = 200;

} // namespace

QTreeView *makeListView(QAbstractItemModel *model, const QString &name)
{
    auto *view = new QTreeView;
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true); // lets the view skip measuring every row of a large list
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Age, last, as narrow as its text: stretched, it took the room the names and types lacked.
    view->header()->setStretchLastSection(false);
    // Starting widths, until rows arrive.
    const QList<int> widths {180, 110, 70, 150, 90};
    for (int column = 0; column < widths.size(); ++column)
        view->header()->resizeSection(column, widths[column]);
    // Then fitted to their contents when rows arrive in an empty list (the first load, another context), measured
    // on a sample of rows (the visible ones first) rather than every row; the user's own widths stay after that.
    view->header()->setResizeContentsPrecision(kColumnSampleRows);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view,
                     [view, model](const QModelIndex &parent, int first, int last) {
                         if (parent.isValid() || model->rowCount() != last - first + 1)
                             return;
                         for (int column = 0; column < model->columnCount(); ++column)
                             view->resizeColumnToContents(column);
                     });
    return view;
}

} // namespace sa
