#include "MessageBar.h"

#include "Palette.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_details(new QLabel(this))
    , m_detailsToggle(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    for (QLabel *label : {m_text, m_details}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_text->setObjectName(u"messageText"_s);
    m_details->setObjectName(u"messageDetails"_s);
    m_details->hide();
    m_detailsToggle->setObjectName(u"messageDetailsToggle"_s);
    m_detailsToggle->setText(tr("Details"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setAutoRaise(true);
    m_detailsToggle->setToolTip(tr("The server's whole sentence for each list"));
    m_detailsToggle->setAccessibleName(tr("Show message details"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    auto *texts = new QVBoxLayout;
    texts->setContentsMargins(0, 0, 0, 0);
    texts->addWidget(m_text);
    texts->addWidget(m_details);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_detailsToggle, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_detailsToggle, &QToolButton::toggled, m_details, &QWidget::setVisible);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::showMessage(const QString &text, Level level)
{
    if (m_notes.isEmpty() || level > m_notesLevel)
        m_notesLevel = level;
    // A note shown again moves to the end rather than repeat.
    m_notes.removeAll(text);
    m_notes.append(text);
    while (m_notes.size() > kMaxNotes)
        m_notes.removeFirst();
    refresh();
}

void MessageBar::setProblems(const QList<ProblemGroups::Entry> &problems)
{
    m_problems = problems;
    // A closed cause that has ended may come back later: it is then new.
    for (auto it = m_dismissed.begin(); it != m_dismissed.end();) {
        const bool present = std::any_of(m_problems.cbegin(), m_problems.cend(),
                                         [&it](const ProblemGroups::Entry &entry) { return entry.cause == *it; });
        it = present ? std::next(it) : m_dismissed.erase(it);
    }
    refresh();
}

void MessageBar::removeMessage(const QString &text)
{
    if (m_notes.removeAll(text) > 0)
        refresh();
}

void MessageBar::clear()
{
    m_notes.clear();
    m_problems.clear();
    m_dismissed.clear();
    m_detailsToggle->setChecked(false);
    refresh();
}

void MessageBar::dismiss()
{
    m_notes.clear();
    for (const ProblemGroups::Entry &entry : std::as_const(m_problems))
        m_dismissed.insert(entry.cause);
    m_detailsToggle->setChecked(false);
    refresh();
}

QList<ProblemGroups::Entry> MessageBar::visibleProblems() const
{
    QList<ProblemGroups::Entry> visible;
    for (const ProblemGroups::Entry &entry : m_problems) {
        if (!m_dismissed.contains(entry.cause))
            visible.append(entry);
    }
    return visible;
}

void MessageBar::refresh()
{
    const QList<ProblemGroups::Entry> problems = visibleProblems();
    if (problems.isEmpty() && m_notes.isEmpty()) {
        hide();
        return;
    }
    QStringList lines;
    QStringList details;
    Level level = m_notes.isEmpty() ? Level::Information : m_notesLevel;
    for (const ProblemGroups::Entry &entry : problems) {
        lines.append(entry.summary);
        const Level entryLevel = entry.severity == ProblemGroups::Severity::Error ? Level::Error : Level::Warning;
        level = std::max(level, entryLevel);
        for (const ProblemGroups::Detail &detail : entry.details) {
            details.append(ProblemGroups::joinNames(detail.resources) + u":\n    "_s
                           + detail.sentence.trimmed().replace(u'\n', u"\n    "_s));
        }
    }
    lines.append(m_notes);
    m_text->setText(lines.join(u'\n'));
    m_details->setText(details.join(u'\n'));
    m_detailsToggle->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsToggle->setChecked(false);
    setAccessibleName(m_text->text());

    m_level = level;
    applyLevel();
    show();
}

void MessageBar::applyLevel()
{
    const QStyle::StandardPixmap icon = m_level == Level::Error ? QStyle::SP_MessageBoxCritical
        : m_level == Level::Warning                             ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(QSize(size, size), devicePixelRatioF()));
    // Tinted from the palette, so that dark themes stay readable; again when the palette changes (a desktop that
    // switches to dark): the window colour set here would stay otherwise.
    QPalette tinted = parentWidget() ? parentWidget()->palette() : QGuiApplication::palette();
    const QColor base = tinted.color(QPalette::Window);
    const QColor tint = m_level == Level::Error ? QColor(220, 50, 47)
        : m_level == Level::Warning             ? QColor(230, 160, 0)
                                                : QColor(38, 139, 210);
    const QColor background =
        QColor::fromRgbF(base.redF() * 0.8f + tint.redF() * 0.2f, base.greenF() * 0.8f + tint.greenF() * 0.2f,
                         base.blueF() * 0.8f + tint.blueF() * 0.2f);
    tinted.setColor(QPalette::Window, background);
    tinted.setColor(QPalette::WindowText, readableOn(tinted.color(QPalette::WindowText), background));
    m_applyingLevel = true;
    setPalette(tinted);
    m_applyingLevel = false;
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) && !m_applyingLevel)
        applyLevel();
}

QString MessageBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

QString MessageBar::detailsText() const
{
    return isVisible() ? m_details->text() : QString();
}

} // namespace sa
