#pragma once

#include <QString>

class QAbstractItemModel;
class QTreeView;

namespace sa {

// A list pane as the window shows its resources (and the load benchmark measures it): sortable rows, no tree
// decoration, uniform row heights, columns fitted to a sample of rows when rows arrive in an empty list.
[[nodiscard]] QTreeView *makeListView(QAbstractItemModel *model, const QString &name);

} // namespace sa
