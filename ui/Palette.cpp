#include "Palette.h"

#include <algorithm>
#include <cmath>

namespace sa {

namespace {

double luminance(const QColor &colour)
{
    const auto channel = [](float value) {
        return value <= 0.03928f ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

// `a` moved by `amount` (0..1) towards `b`.
QColor mixed(const QColor &a, const QColor &b, double amount)
{
    const auto mix = [amount](float from, float to) { return float(from + (to - from) * amount); };
    return QColor::fromRgbF(mix(a.redF(), b.redF()), mix(a.greenF(), b.greenF()), mix(a.blueF(), b.blueF()));
}

bool isDark(const QColor &colour)
{
    return luminance(colour) < 0.18; // the luminance with equal contrast to black and to white
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor &colour, const QColor &background, double minimum)
{
    if (contrastRatio(colour, background) >= minimum)
        return colour.toRgb();
    // Towards white on a dark background, black on a light one, in small steps: the first that reads.
    const QColor target = isDark(background) ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 20; ++step) {
        const QColor candidate = mixed(colour, target, step / 20.0);
        if (contrastRatio(candidate, background) >= minimum)
            return candidate;
    }
    return target;
}

QColor problemColor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    // Breeze's negative text on light windows, lightened on dark ones.
    return readableOn(isDark(window) ? QColor(0xf4, 0x6a, 0x6a) : QColor(0xda, 0x44, 0x53), window);
}

QColor secondaryTextColor(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    return readableOn(mixed(palette.color(QPalette::Text), base, 0.4), base);
}

QColor linkColor(const QPalette &palette)
{
    return readableOn(palette.color(QPalette::Link), palette.color(QPalette::Base));
}

} // namespace sa
