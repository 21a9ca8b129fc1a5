#include "SaveFile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace sa {

bool saveFile(const QString &path, const QByteArray &data, FileAccess access, QString *error)
{
    QSaveFile file(path);
    const auto failed = [&](const QString &why) {
        file.cancelWriting();
        if (error)
            *error = why;
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (access == FileAccess::OwnerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return failed(QCoreApplication::translate("sa::saveFile", "its permissions could not be limited to you"));
    if (file.write(data) != data.size())
        return failed(file.errorString());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace sa
