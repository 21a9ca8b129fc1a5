#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace kubesim {

// A string member of a JSON object, or "" when it is absent or not a string.
inline QString text(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

} // namespace kubesim
