#pragma once

#include <QString>
#include <QStringList>

namespace sa::demofolders {

// Where demo folders go: $XDG_RUNTIME_DIR (the user's own, in memory, emptied at logout) when it is set and
// writable, else QDir::tempPath().
[[nodiscard]] QString parentFolder();

// The demo cluster's folder (its admin kubeconfig, a client key, lives there): a QTemporaryDir template in
// parentFolder() whose name carries this process's id, "sa-admin-demo-<pid>-XXXXXX", so that a later run can tell
// whether its owner is still alive. mkdtemp makes it 0700.
[[nodiscard]] QString folderTemplate();

// Removes the demo folders in `parent` (default: parentFolder()) that earlier runs left behind (killed, crashed):
// only real folders (no symbolic links) owned by this user, named by the pattern, whose process is gone
// (kill(pid, 0) fails with ESRCH). A live owner, this process, or another user's folder is never touched; a folder
// whose id was taken by a new process stays until that one ends. Returns the folders removed.
QStringList removeStale(const QString &parent = {});

} // namespace sa::demofolders
