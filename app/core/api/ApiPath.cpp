#include "api/ApiPath.h"

#include <QStringList>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

QString pathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString dotSegment(QStringView path)
{
    for (const QStringView segment : path.split(u'/')) {
        const QString decoded = QUrl::fromPercentEncoding(segment.toLatin1());
        if (decoded == "."_L1 || decoded == ".."_L1)
            return decoded;
    }
    return {};
}

QString groupVersionPath(const QString &groupVersion)
{
    const QStringList parts = groupVersion.split(u'/');
    if (parts.size() > 2 || std::ranges::any_of(parts, [](const QString &part) {
            return part.isEmpty() || part == "."_L1 || part == ".."_L1;
        }))
        return {};
    if (parts.size() == 1)
        return u"/api/"_s + pathSegment(parts.first());
    return u"/apis/"_s + pathSegment(parts.first()) + u'/' + pathSegment(parts.last());
}

} // namespace sa
