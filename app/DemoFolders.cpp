#include "DemoFolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace sa::demofolders {

namespace {

const auto kPrefix = u"sa-admin-demo-"_s;

bool ownerIsGone(qint64 pid)
{
    if (pid <= 0 || pid == QCoreApplication::applicationPid() || pid > std::numeric_limits<pid_t>::max())
        return false;
    // ESRCH: no such process. EPERM means one exists (another user's): keep the folder.
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

QString parentFolder()
{
    // The session's runtime folder (XDG: owned by the user, 0700, in memory, emptied at logout) when there is one.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir() && QFileInfo(runtime).isWritable())
        return runtime;
    return QDir::tempPath();
}

QString folderTemplate()
{
    return QDir(parentFolder()).filePath(kPrefix + QString::number(QCoreApplication::applicationPid()) + u"-XXXXXX"_s);
}

QStringList removeStale(const QString &parent)
{
    static const QRegularExpression name(u"^"_s + QRegularExpression::escape(kPrefix) + u"(\\d+)-[A-Za-z0-9]{6}$"_s);
    const QDir dir(parent.isEmpty() ? parentFolder() : parent);
    QStringList removed;
    const QStringList entries = dir.entryList({kPrefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &entry : entries) {
        const QRegularExpressionMatch match = name.match(entry);
        if (!match.hasMatch())
            continue;
        const QString path = dir.filePath(entry);
        struct stat info = {};
        // lstat: a symbolic link planted under our name is not followed, nor are folders of others removed.
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISDIR(info.st_mode)
            || info.st_uid != ::getuid())
            continue;
        if (!ownerIsGone(match.captured(1).toLongLong()))
            continue;
        if (QDir(path).removeRecursively())
            removed.append(path);
    }
    return removed;
}

} // namespace sa::demofolders
