#pragma once

#include "ResourceTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace kubesim {

// What a Table row carries of its object (the includeObject query parameter).
enum class IncludeObject { None, Metadata, Object };

// Server-side printing (meta.k8s.io Table) with the columns and cells of the apiserver's printers
// (pkg/printers/internalversion/printers.go): Name, then what the kind's strategy prints.
[[nodiscard]] QJsonArray tableColumns(const ResourceType &type);
[[nodiscard]] QJsonObject tableRow(const ResourceType &type, const QJsonObject &object, IncludeObject include,
                                   const QDateTime &now);
// A column definition, and the Age column most kinds have.
[[nodiscard]] QJsonObject column(const QString &name, const QString &type, const QString &description, int priority = 0,
                                 const QString &format = {});
[[nodiscard]] QJsonObject ageColumn();

// A Table of `objects`; `tableApiVersion` is "meta.k8s.io/v1" or "meta.k8s.io/v1beta1". Column definitions are
// left null when withColumns is false (watch events after the first).
[[nodiscard]] QJsonObject makeTable(const ResourceType &type, const QList<QJsonObject> &objects, IncludeObject include,
                                    const QJsonObject &listMetadata, const QString &tableApiVersion, bool withColumns);

// The object reduced to a meta.k8s.io/v1 PartialObjectMetadata.
[[nodiscard]] QJsonObject partialObjectMetadata(const QJsonObject &object);

// k8s.io/apimachinery/pkg/util/duration.HumanDuration, as the Age column prints it.
[[nodiscard]] QString humanDuration(qint64 seconds);

} // namespace kubesim
