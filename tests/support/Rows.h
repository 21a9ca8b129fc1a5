#pragma once

#include "ResourceModels.h"

#include <QAbstractItemModel>
#include <QString>

// The first row of `model` whose name (NameRole) or shown text is `name`, or an invalid index. Header-only: the
// window tests share it, and sa_testsupport does not link the models.
inline QModelIndex findRow(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(sa::NameRole).toString() == name || index.data().toString() == name)
            return index;
    }
    return {};
}
