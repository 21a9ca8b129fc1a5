#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sa {

// What Edit > Preferences sets, kept with QSettings (never a secret). One place for each key, its default and its
// bounds: the dialog, the window and the dialogs that use a value all read it from here.
struct Preferences
{
    Q_DECLARE_TR_FUNCTIONS(Preferences)

public:
    // "clipboard/clearSeconds": how long a copied secret stays on the clipboard (ClipboardGuard).
    static constexpr int kMinClipboardSeconds = 5;
    static constexpr int kMaxClipboardSeconds = 600;
    int clipboardSeconds = 30;
    // "tokens/defaultMinutes": the lifetime Issue token starts with (IssueTokenDialog's bounds).
    int tokenMinutes = 60;
    // "plugins/directories": folders searched for exec credential plugins after PATH and the login shell's PATH;
    // "plugins/useLoginShell": search the login shell's PATH too (PluginSearch).
    QStringList pluginDirectories;
    bool useLoginShell = true;
    // "confirm/destructive": ask again before a deletion that follows another action (the old token after Rotate).
    // The dialogs that delete or replace something open whatever it says: they show what goes, Cancel the default.
    bool confirmDestructive = true;

    // The saved preferences; a value out of its bounds (an edited file) is brought within them, a wrong type is the
    // default.
    [[nodiscard]] static Preferences load();
    void save() const;
    // Hands the values the running application holds to their owners: ClipboardGuard and PluginSearch.
    void apply() const;

    // Why a value cannot be kept, or empty.
    [[nodiscard]] static QString clipboardProblem(int seconds);
    [[nodiscard]] static QString tokenProblem(int minutes);
    // Each folder: "~" and "~/…" are the home folder's; the rest must be full paths of existing folders.
    [[nodiscard]] static QString directoriesProblem(const QStringList &directories);
    // The folders as they are kept: home expanded, blank ones dropped, each once.
    [[nodiscard]] static QStringList normalizedDirectories(const QStringList &directories);
};

} // namespace sa
