#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace sa {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(u"messageText"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(const QString &text, Level level)
{
    const QStyle::StandardPixmap icon = level == Level::Error ? QStyle::SP_MessageBoxCritical
        : level == Level::Warning                             ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // Problems that arrive together are all shown (once each), newest last, until the bar is closed.
    QStringList lines = isVisible() ? m_lines : QStringList();
    lines.removeAll(text);
    lines.append(text);
    while (lines.size() > maxLines)
        lines.removeFirst();
    m_lines = lines;
    m_text->setText(m_lines.join(u'\n'));
    setAccessibleName(m_text->text());
    // Tinted from the palette, so that dark themes stay readable.
    QPalette tinted = palette();
    const QColor base = tinted.color(QPalette::Window);
    const QColor tint = level == Level::Error ? QColor(220, 50, 47)
        : level == Level::Warning             ? QColor(230, 160, 0)
                                              : QColor(38, 139, 210);
    tinted.setColor(QPalette::Window,
                    QColor::fromRgbF(base.redF() * 0.8 + tint.redF() * 0.2, base.greenF() * 0.8 + tint.greenF() * 0.2,
                                     base.blueF() * 0.8 + tint.blueF() * 0.2));
    setPalette(tinted);
    show();
}

QString MessageBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

void MessageBar::hideEvent(QHideEvent *event)
{
    m_lines.clear();
    QFrame::hideEvent(event);
}

} // namespace sa
