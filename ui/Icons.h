#pragma once

#include <QIcon>
#include <QString>

namespace sa {

// The application's icons: from the freedesktop icon theme when it has them (by the names of the icon naming
// specification, or the common ones Breeze and Adwaita add), else drawn as vectors in the palette's text colour
// (sharp at any scale, right in dark mode, and following a palette change) so that no icon set or SVG plugin is
// needed.
namespace icons {

// An eye; for a checkable button's On state (revealed), an eye struck through.
[[nodiscard]] QIcon reveal();
// Two overlapping sheets.
[[nodiscard]] QIcon copy();

// The icon of the action of this object name: ActionCollection's (its Spec::name), the Tokens pane's, and the
// menus' own ("quit", "clipboardDelay", "preferences", "about"). Null for a name it does not know, which the window
// test catches: every action in a menu, the toolbar or a context menu has one.
[[nodiscard]] QIcon forAction(const QString &name);

} // namespace icons

} // namespace sa
