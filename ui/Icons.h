#pragma once

#include <QIcon>

namespace sa {

// The few icons the secret fields need, from the freedesktop theme when it has them, else drawn as vectors in the
// palette's text colour (sharp at any scale, right in dark mode) so that no icon set or SVG plugin is needed.
namespace icons {

// An eye; for a checkable button's On state (revealed), an eye struck through.
[[nodiscard]] QIcon reveal();
// Two overlapping sheets.
[[nodiscard]] QIcon copy();

} // namespace icons

} // namespace sa
