#include "Icons.h"

#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QLineF>
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
        // Selected: on the highlight (a selected row); otherwise in the colour of button and menu text.
        const QPalette palette = QGuiApplication::palette();
        const QColor colour = mode == QIcon::Disabled ? palette.color(QPalette::Disabled, QPalette::ButtonText)
            : mode == QIcon::Selected                 ? palette.color(QPalette::Active, QPalette::HighlightedText)
                                                      : palette.color(QPalette::Active, QPalette::ButtonText);
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

    // `size` in device pixels: QIcon::pixmap(size, scale) asks Qt 6.4's engines for size × scale.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        image.setDevicePixelRatio(scale);
        QPainter painter(&image);
        paint(&painter, QRect(QPoint(0, 0), (QSizeF(size) / scale).toSize()), mode, state);
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

// The shapes, on the 16×16 grid with a 1.3 pen: strokes on half coordinates sit on pixels at 16 px.

// An arrowhead at `tip`, pointing along `angle` (degrees, counter-clockwise from east as QLineF has it).
void arrowHead(QPainter &painter, QPointF tip, qreal angle, qreal length = 3.5)
{
    for (const qreal side : {150.0, -150.0}) {
        QLineF barb = QLineF::fromPolar(length, angle + side);
        barb.translate(tip);
        painter.drawLine(barb);
    }
}

// An arc of the circle at `centre`, from `start` through `sweep` degrees (counter-clockwise when positive), with an
// arrowhead at its end.
void arrowArc(QPainter &painter, QPointF centre, qreal radius, qreal start, qreal sweep)
{
    const QRectF bounds(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    QPainterPath arc;
    arc.arcMoveTo(bounds, start);
    arc.arcTo(bounds, start, sweep);
    painter.drawPath(arc);
    const qreal end = start + sweep;
    const QPointF tip = arc.currentPosition();
    arrowHead(painter, tip, end + (sweep > 0 ? 90 : -90), 4);
}

void person(QPainter &painter, QPointF head, qreal scale = 1.0)
{
    painter.drawEllipse(head, 2.5 * scale, 2.5 * scale);
    QPainterPath body;
    body.moveTo(head.x() - 4.5 * scale, head.y() + 9.5 * scale);
    body.cubicTo(head.x() - 4.5 * scale, head.y() + 4 * scale, head.x() + 4.5 * scale, head.y() + 4 * scale,
                 head.x() + 4.5 * scale, head.y() + 9.5 * scale);
    painter.drawPath(body);
}

void plus(QPainter &painter, QPointF centre, qreal half = 2.5)
{
    painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()));
    painter.drawLine(QPointF(centre.x(), centre.y() - half), QPointF(centre.x(), centre.y() + half));
}

void dot(QPainter &painter, QPointF centre, qreal radius = 0.9)
{
    painter.save();
    painter.setBrush(painter.pen().color());
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(centre, radius, radius);
    painter.restore();
}

void key(QPainter &painter)
{
    painter.drawEllipse(QPointF(4.5, 11.5), 3, 3);
    painter.drawLine(QPointF(6.6, 9.4), QPointF(14.5, 1.5));
    painter.drawLine(QPointF(12, 4), QPointF(14, 6));
    painter.drawLine(QPointF(9.8, 6.2), QPointF(11.3, 7.7));
}

void page(QPainter &painter)
{
    QPainterPath sheet;
    sheet.moveTo(3, 1.5);
    sheet.lineTo(9.5, 1.5);
    sheet.lineTo(13, 5);
    sheet.lineTo(13, 14.5);
    sheet.lineTo(3, 14.5);
    sheet.closeSubpath();
    painter.drawPath(sheet);
    painter.drawPolyline(QPolygonF({QPointF(9.5, 1.5), QPointF(9.5, 5), QPointF(13, 5)}));
}

void tray(QPainter &painter)
{
    painter.drawPolyline(QPolygonF({QPointF(1.5, 10.5), QPointF(1.5, 14.5), QPointF(14.5, 14.5), QPointF(14.5, 10.5)}));
}

void trash(QPainter &painter)
{
    painter.drawLine(QPointF(1.5, 3.5), QPointF(14.5, 3.5));
    painter.drawPolyline(QPolygonF({QPointF(6, 3.5), QPointF(6, 1.5), QPointF(10, 1.5), QPointF(10, 3.5)}));
    painter.drawPolyline(QPolygonF({QPointF(3, 3.5), QPointF(4, 14.5), QPointF(12, 14.5), QPointF(13, 3.5)}));
    painter.drawLine(QPointF(6.5, 6.5), QPointF(6.5, 11.5));
    painter.drawLine(QPointF(9.5, 6.5), QPointF(9.5, 11.5));
}

void magnifier(QPainter &painter)
{
    painter.drawEllipse(QPointF(6.5, 6.5), 4.5, 4.5);
    QPen pen = painter.pen();
    pen.setWidthF(2.0);
    painter.setPen(pen);
    painter.drawLine(QPointF(10, 10), QPointF(14.5, 14.5));
}

void people(QPainter &painter)
{
    person(painter, QPointF(6, 5.5), 0.95);
    painter.drawEllipse(QPointF(11.5, 4), 2.1, 2.1);
    QPainterPath shoulder;
    shoulder.moveTo(11.8, 8);
    shoulder.cubicTo(13.6, 8, 14.8, 9.6, 14.8, 12.5);
    painter.drawPath(shoulder);
}

void circle(QPainter &painter)
{
    painter.drawEllipse(QPointF(8, 8), 6.5, 6.5);
}

using Factory = QIcon (*)();

const QHash<QString, Factory> &factories()
{
    static const QHash<QString, Factory> table {
        {u"newServiceAccount"_s,
         [] {
             return themed({u"list-add-user"_s, u"contact-new"_s}, [](QPainter &painter, QIcon::State) {
                 person(painter, QPointF(6, 5));
                 plus(painter, QPointF(12.5, 4), 2.2);
             });
         }},
        {u"issueToken"_s,
         [] {
             return themed({u"dialog-password"_s, u"password-generate"_s},
                           [](QPainter &painter, QIcon::State) { key(painter); });
         }},
        {u"newTokenSecret"_s,
         [] {
             // A padlock: a Secret that holds a token.
             return themed({u"object-locked"_s, u"document-encrypt"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawRoundedRect(QRectF(2.5, 7.5, 11, 7), 1.2, 1.2);
                 QPainterPath shackle;
                 shackle.moveTo(5, 7.5);
                 shackle.lineTo(5, 5);
                 shackle.arcTo(QRectF(5, 2, 6, 6), 180, -180);
                 shackle.lineTo(11, 7.5);
                 painter.drawPath(shackle);
                 dot(painter, QPointF(8, 11), 1.1);
             });
         }},
        {u"pullSecrets"_s,
         [] {
             // Downloaded into: what the kubelet pulls with these credentials.
             return themed({u"download"_s, u"folder-download"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawLine(QPointF(8, 1.5), QPointF(8, 10));
                 arrowHead(painter, QPointF(8, 10), -90);
                 tray(painter);
             });
         }},
        {u"automount"_s,
         [] {
             // A switch: mounted or not.
             return themed({u"configure"_s, u"document-properties"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawRoundedRect(QRectF(1.5, 4.5, 13, 7), 3.5, 3.5);
                 dot(painter, QPointF(11, 8), 2);
             });
         }},
        {u"identityAnnotations"_s,
         [] {
             // An identity card.
             return themed({u"user-identity"_s, u"avatar-default"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawRoundedRect(QRectF(1.5, 3, 13, 10), 1.2, 1.2);
                 painter.drawEllipse(QPointF(5.5, 7), 1.6, 1.6);
                 painter.drawLine(QPointF(3.5, 10.5), QPointF(7.5, 10.5));
                 painter.drawLine(QPointF(9.5, 6.5), QPointF(12.5, 6.5));
                 painter.drawLine(QPointF(9.5, 9.5), QPointF(12.5, 9.5));
             });
         }},
        {u"changeWorkload"_s,
         [] {
             // Exchanged: a workload runs as another account.
             return themed({u"system-switch-user"_s, u"object-flip-horizontal"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawLine(QPointF(2, 5), QPointF(14, 5));
                 arrowHead(painter, QPointF(14, 5), 0);
                 painter.drawLine(QPointF(14, 11), QPointF(2, 11));
                 arrowHead(painter, QPointF(2, 11), 180);
             });
         }},
        {u"grantAccess"_s,
         [] {
             // A shield with a plus: one more permission.
             return themed({u"security-high"_s, u"list-add"_s}, [](QPainter &painter, QIcon::State) {
                 QPainterPath shield;
                 shield.moveTo(8, 1.5);
                 shield.lineTo(13.5, 3.5);
                 shield.lineTo(13.5, 8);
                 shield.quadTo(13.5, 12.5, 8, 14.5);
                 shield.quadTo(2.5, 12.5, 2.5, 8);
                 shield.lineTo(2.5, 3.5);
                 shield.closeSubpath();
                 painter.drawPath(shield);
                 plus(painter, QPointF(8, 8), 2.5);
             });
         }},
        {u"canIt"_s,
         [] {
             return themed({u"dialog-question"_s, u"help-contextual"_s}, [](QPainter &painter, QIcon::State) {
                 circle(painter);
                 QPainterPath question;
                 question.moveTo(5.8, 6.3);
                 question.cubicTo(5.8, 3.4, 10.2, 3.4, 10.2, 6.3);
                 question.cubicTo(10.2, 8, 8, 8.2, 8, 9.8);
                 painter.drawPath(question);
                 dot(painter, QPointF(8, 12));
             });
         }},
        {u"whoCan"_s,
         [] {
             return themed({u"system-users"_s, u"user-group-properties"_s},
                           [](QPainter &painter, QIcon::State) { people(painter); });
         }},
        {u"whoCanRead"_s,
         [] {
             return themed({u"system-users"_s, u"user-group-properties"_s},
                           [](QPainter &painter, QIcon::State) { people(painter); });
         }},
        {u"inspectToken"_s,
         [] {
             return themed({u"edit-find"_s, u"system-search"_s},
                           [](QPainter &painter, QIcon::State) { magnifier(painter); });
         }},
        {u"revealSecret"_s, [] { return reveal(); }},
        {u"showYaml"_s,
         [] {
             return themed({u"text-x-generic"_s, u"document-properties"_s}, [](QPainter &painter, QIcon::State) {
                 page(painter);
                 painter.drawLine(QPointF(5.5, 8), QPointF(10.5, 8));
                 painter.drawLine(QPointF(5.5, 11), QPointF(10.5, 11));
             });
         }},
        {u"copyName"_s, [] { return copy(); }},
        {u"delete"_s,
         [] { return themed({u"edit-delete"_s}, [](QPainter &painter, QIcon::State) { trash(painter); }); }},
        {u"deleteToken"_s,
         [] { return themed({u"edit-delete"_s}, [](QPainter &painter, QIcon::State) { trash(painter); }); }},
        {u"switchContext"_s,
         [] {
             // Clusters: two servers.
             return themed({u"network-server"_s, u"go-jump"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawRoundedRect(QRectF(1.5, 2, 13, 5), 1, 1);
                 painter.drawRoundedRect(QRectF(1.5, 9, 13, 5), 1, 1);
                 dot(painter, QPointF(4.5, 4.5));
                 dot(painter, QPointF(4.5, 11.5));
             });
         }},
        {u"focusFilter"_s,
         [] {
             // A funnel.
             return themed({u"view-filter"_s, u"edit-find"_s}, [](QPainter &painter, QIcon::State) {
                 QPainterPath funnel;
                 funnel.moveTo(1.5, 2.5);
                 funnel.lineTo(14.5, 2.5);
                 funnel.lineTo(9.5, 8.5);
                 funnel.lineTo(9.5, 13.5);
                 funnel.lineTo(6.5, 12);
                 funnel.lineTo(6.5, 8.5);
                 funnel.closeSubpath();
                 painter.drawPath(funnel);
             });
         }},
        {u"refresh"_s,
         [] {
             return themed({u"view-refresh"_s},
                           [](QPainter &painter, QIcon::State) { arrowArc(painter, QPointF(8, 8), 5.5, 80, 290); });
         }},
        {u"quit"_s,
         [] {
             // Out of the door.
             return themed({u"application-exit"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawPolyline(QPolygonF({QPointF(9.5, 4.5), QPointF(9.5, 1.5), QPointF(1.5, 1.5),
                                                 QPointF(1.5, 14.5), QPointF(9.5, 14.5), QPointF(9.5, 11.5)}));
                 painter.drawLine(QPointF(5.5, 8), QPointF(14.5, 8));
                 arrowHead(painter, QPointF(14.5, 8), 0);
             });
         }},
        {u"clipboardDelay"_s,
         [] {
             return themed({u"chronometer"_s, u"preferences-system-time"_s}, [](QPainter &painter, QIcon::State) {
                 circle(painter);
                 painter.drawPolyline(QPolygonF({QPointF(8, 4), QPointF(8, 8), QPointF(11, 10)}));
             });
         }},
        {u"rotateToken"_s,
         [] {
             // Two arrows round: the new token replaces the old one.
             return themed({u"emblem-synchronizing"_s, u"view-refresh"_s}, [](QPainter &painter, QIcon::State) {
                 arrowArc(painter, QPointF(8, 8), 5.5, 160, -140);
                 arrowArc(painter, QPointF(8, 8), 5.5, -20, -140);
             });
         }},
        {u"invalidateToken"_s,
         [] {
             return themed({u"dialog-cancel"_s, u"process-stop"_s}, [](QPainter &painter, QIcon::State) {
                 circle(painter);
                 painter.drawLine(QPointF(3.4, 12.6), QPointF(12.6, 3.4));
             });
         }},
        {u"reenableToken"_s,
         [] {
             return themed({u"dialog-ok"_s, u"emblem-default"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawPolyline(QPolygonF({QPointF(2.5, 8.5), QPointF(6, 12), QPointF(13.5, 4)}));
             });
         }},
        {u"projectedTokenSnippet"_s,
         [] {
             // Code: the pod spec fragment.
             return themed({u"text-x-script"_s, u"text-x-generic"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawPolyline(QPolygonF({QPointF(5, 4), QPointF(1.5, 8), QPointF(5, 12)}));
                 painter.drawPolyline(QPolygonF({QPointF(11, 4), QPointF(14.5, 8), QPointF(11, 12)}));
                 painter.drawLine(QPointF(9.3, 2.5), QPointF(6.7, 13.5));
             });
         }},
        {u"exportTokens"_s,
         [] {
             return themed({u"document-export"_s, u"document-save-as"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawLine(QPointF(8, 10), QPointF(8, 1.5));
                 arrowHead(painter, QPointF(8, 1.5), 90);
                 tray(painter);
             });
         }},
        // The details pane's context menu: Qt's standard actions, by their object names.
        {u"edit-copy"_s, [] { return copy(); }},
        {u"link-copy"_s,
         [] {
             // Two links of a chain.
             return themed({u"insert-link"_s, u"edit-link"_s}, [](QPainter &painter, QIcon::State) {
                 painter.translate(8, 8);
                 painter.rotate(-45);
                 painter.drawRoundedRect(QRectF(-7.5, -2.75, 9, 5.5), 2.75, 2.75);
                 painter.drawRoundedRect(QRectF(-1.5, -2.75, 9, 5.5), 2.75, 2.75);
             });
         }},
        {u"select-all"_s,
         [] {
             // Everything inside a selection frame.
             return themed({u"edit-select-all"_s}, [](QPainter &painter, QIcon::State) {
                 QPen pen = painter.pen();
                 pen.setStyle(Qt::DotLine);
                 painter.setPen(pen);
                 painter.drawRect(QRectF(1.5, 1.5, 13, 13));
                 pen.setStyle(Qt::SolidLine);
                 painter.setPen(pen);
                 painter.drawLine(QPointF(4.5, 6), QPointF(11.5, 6));
                 painter.drawLine(QPointF(4.5, 10), QPointF(11.5, 10));
             });
         }},
        {u"preferences"_s,
         [] {
             // A cog.
             return themed({u"preferences-system"_s, u"configure"_s}, [](QPainter &painter, QIcon::State) {
                 painter.drawEllipse(QPointF(8, 8), 4.6, 4.6);
                 painter.drawEllipse(QPointF(8, 8), 1.8, 1.8);
                 QPen pen = painter.pen();
                 pen.setWidthF(2.2);
                 pen.setCapStyle(Qt::FlatCap);
                 painter.setPen(pen);
                 for (int tooth = 0; tooth < 8; ++tooth) {
                     QLineF line = QLineF::fromPolar(2.2, tooth * 45.0);
                     line.translate(QPointF(8, 8) + QLineF::fromPolar(4.6, tooth * 45.0).p2());
                     painter.drawLine(line);
                 }
             });
         }},
        {u"about"_s,
         [] {
             return themed({u"help-about"_s}, [](QPainter &painter, QIcon::State) {
                 circle(painter);
                 dot(painter, QPointF(8, 4.8));
                 painter.drawLine(QPointF(8, 7.2), QPointF(8, 11.8));
             });
         }},
    };
    return table;
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

QIcon forAction(const QString &name)
{
    const Factory factory = factories().value(name);
    return factory ? factory() : QIcon();
}

} // namespace sa::icons
