#pragma once

#include <QColor>
#include <QPalette>
#include <QWidget>

namespace sa {

// The colours the application adds to the palette's, each derived from the palette it is drawn under so that it
// stays readable in a light and a dark theme: at least WCAG AA's 4.5:1 against its background.

// WCAG 2.x contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white).
[[nodiscard]] double contrastRatio(const QColor &a, const QColor &b);

// `colour`, or the nearest colour of its hue (darker on a light background, lighter on a dark one) with at least
// `minimum` contrast against `background`.
[[nodiscard]] QColor readableOn(const QColor &colour, const QColor &background, double minimum = 4.5);

// Problem text: QPalette has no error role in Qt 6.4, so Breeze's negative text, made readable on the window.
[[nodiscard]] QColor problemColor(const QPalette &palette);

// Secondary text (the details pane's labels): between text and base, but readable on the base.
[[nodiscard]] QColor secondaryTextColor(const QPalette &palette);

// Links: the palette's, unless it is unreadable on the base (QPalette(QColor) keeps Qt's blue on a black base).
[[nodiscard]] QColor linkColor(const QPalette &palette);

// Text in the problem colour, or back in the window's own.
inline void showAsProblem(QWidget *widget, bool problem)
{
    QPalette palette = widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
    if (problem)
        palette.setColor(QPalette::WindowText, problemColor(palette));
    widget->setPalette(palette);
}

} // namespace sa
