#include "Icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <functional>

using namespace Qt::StringLiterals;

namespace sa::icons {

namespace {

// Paints into a 16×16 design grid, scaled to the requested size.
class DrawnIcon : public QIconEngine
{
public:
    using Draw = std::function<void(QPainter &, QIcon::State)>;

    explicit DrawnIcon(Draw draw)
        : m_draw(std::move(draw))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const QPalette::ColorGroup group = mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active;
        const QColor colour = QGuiApplication::palette().color(group, QPalette::ButtonText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
        painter->scale(side / 16.0, side / 16.0);
        painter->setPen(QPen(colour, 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        m_draw(*painter, state);
        painter->restore();
    }

    // QIconEngine's own pixmap() leaves the background uninitialised.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        image.setDevicePixelRatio(scale);
        QPainter painter(&image);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        painter.end();
        return QPixmap::fromImage(std::move(image));
    }

    QIconEngine *clone() const override { return new DrawnIcon(m_draw); }

private:
    Draw m_draw;
};

QIcon themed(std::initializer_list<QString> names, DrawnIcon::Draw draw)
{
    for (const QString &name : names) {
        if (QIcon::hasThemeIcon(name))
            return QIcon::fromTheme(name);
    }
    return QIcon(new DrawnIcon(std::move(draw)));
}

} // namespace

QIcon reveal()
{
    return themed({u"password-show-on"_s, u"view-visible"_s}, [](QPainter &painter, QIcon::State state) {
        QPainterPath eye;
        eye.moveTo(1.5, 8);
        eye.quadTo(8, 0.5, 14.5, 8);
        eye.quadTo(8, 15.5, 1.5, 8);
        painter.drawPath(eye);
        painter.drawEllipse(QPointF(8, 8), 2.2, 2.2);
        if (state == QIcon::On)
            painter.drawLine(QPointF(2.5, 13.5), QPointF(13.5, 2.5));
    });
}

QIcon copy()
{
    return themed({u"edit-copy"_s}, [](QPainter &painter, QIcon::State) {
        painter.drawRoundedRect(QRectF(5.5, 5.5, 8, 9), 1.2, 1.2);
        QPainterPath back;
        back.moveTo(3.5, 11);
        back.lineTo(2.5, 11);
        back.lineTo(2.5, 1.5);
        back.lineTo(10, 1.5);
        back.lineTo(10, 3);
        painter.drawPath(back);
    });
}

} // namespace sa::icons
