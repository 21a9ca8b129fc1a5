#include "Preferences.h"

#include "ClipboardGuard.h"
#include "IssueTokenDialog.h"
#include "auth/PluginSearch.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <chrono>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

const QString kClipboardSeconds = u"clipboard/clearSeconds"_s;
const QString kTokenMinutes = u"tokens/defaultMinutes"_s;
const QString kPluginDirectories = u"plugins/directories"_s;
const QString kUseLoginShell = u"plugins/useLoginShell"_s;
const QString kConfirmDestructive = u"confirm/destructive"_s;

int intValue(const QSettings &settings, const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok ? qBound(low, value, high) : fallback;
}

QString expandHome(const QString &directory)
{
    if (directory == "~"_L1)
        return QDir::homePath();
    if (directory.startsWith("~/"_L1))
        return QDir::homePath() + directory.mid(1);
    return directory;
}

} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    preferences.clipboardSeconds =
        intValue(settings, kClipboardSeconds, preferences.clipboardSeconds, kMinClipboardSeconds, kMaxClipboardSeconds);
    preferences.tokenMinutes = intValue(settings, kTokenMinutes, preferences.tokenMinutes,
                                        IssueTokenDialog::kMinimumMinutes, IssueTokenDialog::kMaximumMinutes);
    preferences.pluginDirectories = normalizedDirectories(settings.value(kPluginDirectories).toStringList());
    preferences.useLoginShell = settings.value(kUseLoginShell, preferences.useLoginShell).toBool();
    preferences.confirmDestructive = settings.value(kConfirmDestructive, preferences.confirmDestructive).toBool();
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(kClipboardSeconds, clipboardSeconds);
    settings.setValue(kTokenMinutes, tokenMinutes);
    settings.setValue(kPluginDirectories, pluginDirectories);
    settings.setValue(kUseLoginShell, useLoginShell);
    settings.setValue(kConfirmDestructive, confirmDestructive);
}

void Preferences::apply() const
{
    ClipboardGuard::instance()->setClearDelay(std::chrono::seconds(clipboardSeconds));
    PluginSearch *search = PluginSearch::instance();
    search->setUseLoginShell(useLoginShell);
    search->setExtraDirectories(pluginDirectories);
}

QString Preferences::clipboardProblem(int seconds)
{
    if (seconds < kMinClipboardSeconds || seconds > kMaxClipboardSeconds)
        return tr("A copied secret is cleared after %1 to %2 seconds.")
            .arg(kMinClipboardSeconds)
            .arg(kMaxClipboardSeconds);
    return {};
}

QString Preferences::tokenProblem(int minutes)
{
    return IssueTokenDialog::lifetimeProblem(qint64(minutes) * 60);
}

QString Preferences::directoriesProblem(const QStringList &directories)
{
    for (const QString &line : directories) {
        const QString directory = expandHome(line.trimmed());
        if (directory.isEmpty())
            continue;
        if (!QDir::isAbsolutePath(directory))
            return tr("\"%1\" is not a full path: start it with / or ~/.").arg(line.trimmed());
        if (!QFileInfo(directory).isDir())
            return tr("There is no folder %1.").arg(directory);
    }
    return {};
}

QStringList Preferences::normalizedDirectories(const QStringList &directories)
{
    QStringList kept;
    for (const QString &line : directories) {
        const QString directory = expandHome(line.trimmed());
        if (!directory.isEmpty() && QDir::isAbsolutePath(directory) && !kept.contains(QDir::cleanPath(directory)))
            kept.append(QDir::cleanPath(directory));
    }
    return kept;
}

} // namespace sa
