#pragma once

#include <QByteArray>
#include <QString>

namespace sa {

enum class FileAccess {
    Default, // as the umask leaves it (an existing file keeps its mode)
    OwnerOnly, // 0600, set before a byte is written: for files that hold a secret
};

// Writes `data` to `path` all or nothing: through a temporary file that replaces `path` only once complete, so a
// failure (a full disk, a missing folder) leaves an existing file as it was. False with *error, the system's reason.
bool saveFile(const QString &path, const QByteArray &data, FileAccess access, QString *error);

} // namespace sa
