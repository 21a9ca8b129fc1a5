#pragma once

#include <QColor>
#include <QPalette>
#include <QWidget>

namespace sa {

// QPalette has no error role in Qt 6.4: Breeze's negative text, lightened on dark windows to stay readable.
inline QColor problemColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? QColor(0xf4, 0x6a, 0x6a) : QColor(0xda, 0x44, 0x53);
}

// Text in the problem colour, or back in the window's own.
inline void showAsProblem(QWidget *widget, bool problem)
{
    QPalette palette = widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
    if (problem)
        palette.setColor(QPalette::WindowText, problemColor(palette));
    widget->setPalette(palette);
}

} // namespace sa
