#include "api/ApiPath.h"

#include <QUrl>

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

} // namespace sa
