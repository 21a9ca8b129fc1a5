#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace sa {

// Help > About: the version, Qt's (running and built with), OpenSSL's (running) and the license, as HTML.
[[nodiscard]] QString aboutText();
// A message box with that text and the application icon, not yet shown.
[[nodiscard]] QMessageBox *makeAboutBox(QWidget *parent);

} // namespace sa
