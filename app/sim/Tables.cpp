#include "Tables.h"

#include "Strategy.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

const QString kNameDescription =
    u"Name must be unique within a namespace. Is required when creating resources, although some resources may "
    "allow a client to request the generation of an appropriate name automatically. Name is primarily intended for "
    "creation idempotence and configuration definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_s;
const QString kAgeDescription =
    u"CreationTimestamp is a timestamp representing the server time when this object was created. It is not "
    "guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is "
    "represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"_s;

QJsonObject nameColumn()
{
    return column(u"Name"_s, u"string"_s, kNameDescription, 0, u"name"_s);
}

QString age(const QJsonObject &object, const QDateTime &now)
{
    const QString created = object.value("metadata"_L1).toObject().value("creationTimestamp"_L1).toString();
    const QDateTime when = QDateTime::fromString(created, Qt::ISODate);
    if (!when.isValid())
        return u"<unknown>"_s;
    return humanDuration(when.secsTo(now));
}

} // namespace

QJsonObject column(const QString &name, const QString &type, const QString &description, int priority,
                   const QString &format)
{
    return {{"name"_L1, name},
            {"type"_L1, type},
            {"format"_L1, format},
            {"description"_L1, description},
            {"priority"_L1, priority}};
}

QJsonObject ageColumn()
{
    return column(u"Age"_s, u"string"_s, kAgeDescription);
}

QString humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return u"<invalid>"_s;
    if (seconds < 0)
        return u"0s"_s;
    if (seconds < 60 * 2)
        return QString::number(seconds) + u's';
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QString(QString::number(minutes) + u'm')
                      : QString(QString::number(minutes) + u'm' + QString::number(s) + u's');
    }
    if (minutes < 60 * 3)
        return QString::number(minutes) + u'm';
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QString(QString::number(hours) + u'h')
                      : QString(QString::number(hours) + u'h' + QString::number(m) + u'm');
    }
    if (hours < 48)
        return QString::number(hours) + u'h';
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QString(QString::number(hours / 24) + u'd')
                      : QString(QString::number(hours / 24) + u'd' + QString::number(h) + u'h');
    }
    if (hours < 24 * 365 * 2)
        return QString::number(hours / 24) + u'd';
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? QString(QString::number(hours / 24 / 365) + u'y')
                       : QString(QString::number(hours / 24 / 365) + u'y' + QString::number(dy) + u'd');
    }
    return QString::number(hours / 24 / 365) + u'y';
}

QJsonArray tableColumns(const ResourceType &type)
{
    QJsonArray columns {nameColumn()};
    for (const QJsonValue &column : type.strategy->tableColumns())
        columns.append(column);
    return columns;
}

QJsonObject tableRow(const ResourceType &type, const QJsonObject &object, IncludeObject include, const QDateTime &now)
{
    QJsonArray cells {object.value("metadata"_L1).toObject().value("name"_L1).toString()};
    for (const QJsonValue &cell : type.strategy->tableCells(object, age(object, now)))
        cells.append(cell);
    QJsonObject row {{"cells"_L1, cells}};
    if (include == IncludeObject::Metadata)
        row.insert("object"_L1, partialObjectMetadata(object));
    else if (include == IncludeObject::Object)
        row.insert("object"_L1, object);
    return row;
}

QJsonObject makeTable(const ResourceType &type, const QList<QJsonObject> &objects, IncludeObject include,
                      const QJsonObject &listMetadata, const QString &tableApiVersion, bool withColumns)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray rows;
    for (const QJsonObject &object : objects)
        rows.append(tableRow(type, object, include, now));
    return {{"kind"_L1, "Table"_L1},
            {"apiVersion"_L1, tableApiVersion},
            {"metadata"_L1, listMetadata},
            {"columnDefinitions"_L1, withColumns ? QJsonValue(tableColumns(type)) : QJsonValue()},
            {"rows"_L1, rows}};
}

QJsonObject partialObjectMetadata(const QJsonObject &object)
{
    return {{"kind"_L1, "PartialObjectMetadata"_L1},
            {"apiVersion"_L1, "meta.k8s.io/v1"_L1},
            {"metadata"_L1, object.value("metadata"_L1)}};
}

} // namespace kubesim
