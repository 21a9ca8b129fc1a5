#pragma once

#include <QIcon>
#include <QString>

namespace sa {

// The application id (SA_APP_ID, reverse DNS, set once in the top-level CMakeLists.txt): the name of the desktop
// entry, of the AppStream metainfo and of the icon.
[[nodiscard]] QString applicationId();

// The icon theme's icon of that name (installed into hicolor), else the one built into the executable: 16 to 256
// px, rendered from the same SVG.
[[nodiscard]] QIcon applicationIcon();

// Says who the application is to the desktop: the desktop file name (Wayland's app_id, how docks and task
// switchers find the entry, so its name and icon) and the window icon. Call it once the QApplication exists.
void setDesktopIdentity();

} // namespace sa
