#include "SecretField.h"

#include "ClipboardGuard.h"
#include "Icons.h"
#include "ScreenLock.h"
#include "resources/SecretEncoding.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QStringDecoder>
#include <QStyle>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// The mask does not follow the value's length: that would tell a 4-digit PIN from a token.
constexpr int kMaskLength = 16;

bool isPrintable(const QString &text)
{
    return std::ranges::none_of(
        text, [](QChar c) { return c.category() == QChar::Other_Control && c != u'\t' && c != u'\n' && c != u'\r'; });
}

// The value's view: read-only, wrapped anywhere (tokens and base64 have no spaces), as tall as its text up to
// maxLines, then scrolled. Nothing leaves through the view itself: what QPlainTextEdit would put on the X11/Wayland
// primary selection, in a drag or on the clipboard is empty; SecretField copies, through its guard.
class SecretText : public QPlainTextEdit
{
public:
    static constexpr int maxLines = 8;

    explicit SecretText(QWidget *parent)
        : QPlainTextEdit(parent)
    {
        setReadOnly(true);
        document()->setUndoRedoEnabled(false); // no history of what was shown
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setTabChangesFocus(true);
        QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Maximum);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
        connect(this, &QPlainTextEdit::textChanged, this, [this] {
            m_heightWidth = -1;
            updateGeometry();
        });
    }

    [[nodiscard]] bool hasHeightForWidth() const override { return true; }

    [[nodiscard]] int heightForWidth(int width) const override
    {
        if (width != m_heightWidth) {
            m_heightWidth = width;
            m_height = contentHeight(width);
        }
        return m_height;
    }

    [[nodiscard]] QSize sizeHint() const override
    {
        return {QPlainTextEdit::sizeHint().width(), heightForWidth(width())};
    }

    [[nodiscard]] QSize minimumSizeHint() const override
    {
        return {QPlainTextEdit::minimumSizeHint().width(), chrome() + fontMetrics().lineSpacing()};
    }

protected:
    [[nodiscard]] QMimeData *createMimeDataFromSelection() const override { return new QMimeData; }

    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        // Narrower, the text wraps over more lines: ask the layout for the height they need.
        if (heightForWidth(width()) != height())
            updateGeometry();
    }

private:
    // The frame and the document's margins, around the text; one pixel more, as QPlainTextEdit leaves at the bottom.
    [[nodiscard]] int chrome() const { return 2 * frameWidth() + 2 * int(document()->documentMargin()) + 1; }

    // The height of the text wrapped at `width`, laid out as QPlainTextDocumentLayout does, up to maxLines. Measured
    // as if the vertical scroll bar were there: while it is (the moment before this height applies), the text wraps
    // over more lines, and a height without it would keep it there.
    [[nodiscard]] int contentHeight(int width) const
    {
        const qreal available = width - 2 * frameWidth() - 2 * document()->documentMargin()
            - style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
        int lines = 0;
        int height = 0;
        for (QTextBlock block = document()->begin(); available > 0 && block.isValid() && lines < maxLines;
             block = block.next()) {
            QTextLayout layout(block.text(), font());
            layout.setTextOption(document()->defaultTextOption());
            layout.beginLayout();
            for (QTextLine line = layout.createLine(); line.isValid() && lines < maxLines; line = layout.createLine()) {
                line.setLeadingIncluded(true);
                line.setLineWidth(available);
                height += int(line.height());
                ++lines;
            }
            layout.endLayout();
        }
        return chrome() + std::max(height, fontMetrics().lineSpacing());
    }

    mutable int m_heightWidth = -1;
    mutable int m_height = 0;
};

} // namespace

SecretField::SecretField(QWidget *parent)
    : QWidget(parent)
    , m_text(new SecretText(this))
    , m_reveal(new QToolButton(this))
    , m_copy(new QToolButton(this))
{
    m_text->setObjectName(u"secretText"_s);
    m_text->setAccessibleName(tr("Secret value"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setContextMenuPolicy(Qt::NoContextMenu);
    // Ctrl+C and Ctrl+X go through the guard; a masked value has nothing to select (mouse events reach the viewport).
    m_text->installEventFilter(this);
    m_text->viewport()->installEventFilter(this);

    m_reveal->setObjectName(u"revealButton"_s);
    m_reveal->setCheckable(true);
    m_reveal->setIcon(icons::reveal());
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Reveal or hide the value (Ctrl+H)"));
    m_reveal->setAccessibleName(tr("Reveal value"));
    m_reveal->setAutoRaise(true);

    m_copy->setObjectName(u"copyButton"_s);
    m_copy->setIcon(icons::copy());
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the value (Ctrl+Shift+C); the clipboard is cleared again after a while"));
    m_copy->setAccessibleName(tr("Copy value"));
    m_copy->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reveal, 0, Qt::AlignTop);
    layout->addWidget(m_copy, 0, Qt::AlignTop);
    setFocusProxy(m_text);

    connect(m_reveal, &QToolButton::toggled, this, [this](bool revealed) {
        // The text shows where the theme has no eye icon.
        m_reveal->setText(revealed ? tr("Hide") : tr("Show"));
        updateText();
        Q_EMIT revealedChanged(revealed);
    });
    connect(m_copy, &QToolButton::clicked, this, &SecretField::copyToClipboard);
    auto *toggle = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_H), this);
    toggle->setObjectName(u"revealShortcut"_s);
    toggle->setContext(Qt::WidgetWithChildrenShortcut);
    connect(toggle, &QShortcut::activated, m_reveal, &QToolButton::toggle);
    auto *copy = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this);
    copy->setObjectName(u"copyShortcut"_s);
    copy->setContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QShortcut::activated, this, &SecretField::copyToClipboard);
    // A locked screen masks again, as hiding does.
    connect(ScreenLock::instance(), &ScreenLock::locked, this, [this] { setRevealed(false); });
    updateText();
}

void SecretField::setValue(const SecretBytes &value)
{
    m_value = value;
    updateText();
}

void SecretField::clear()
{
    m_value.clear();
    setRevealed(false);
    updateText();
}

bool SecretField::isRevealed() const
{
    return m_reveal->isChecked();
}

void SecretField::setRevealed(bool revealed)
{
    m_reveal->setChecked(revealed);
}

void SecretField::copyToClipboard()
{
    if (m_value.isEmpty())
        return;
    ClipboardGuard *guard = m_guard ? m_guard.get() : ClipboardGuard::instance();
    const QTextCursor cursor = m_text->textCursor();
    if (!isRevealed() || !cursor.hasSelection()) {
        guard->copySecret(m_value);
        return;
    }
    // Part of what is shown, as it reads: QTextCursor separates lines with U+2029.
    QString selected = cursor.selectedText();
    selected.replace(QChar::ParagraphSeparator, u'\n');
    guard->copySecret(SecretBytes::adopt(selected.toUtf8()));
    wipe(selected);
}

QString SecretField::displayText(const SecretBytes &value)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(value.reveal());
    if (!decoder.hasError() && isPrintable(text))
        return text;
    const QByteArray head = value.reveal().left(kMaxHexBytes).toHex(' ');
    const QString hex = QString::fromLatin1(head) + (value.size() > kMaxHexBytes ? u" …"_s : QString());
    // Spelled out rather than with %n: there is no English translation to pick the plural form.
    return value.size() == 1 ? tr("1 byte (binary): %1").arg(hex)
                             : tr("%1 bytes (binary): %2").arg(QLocale().toString(value.size()), hex);
}

void SecretField::hideEvent(QHideEvent *event)
{
    setRevealed(false);
    QWidget::hideEvent(event);
}

bool SecretField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_text && watched != m_text->viewport())
        return QWidget::eventFilter(watched, event);
    const bool masked = !isRevealed();
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        if (!masked)
            return false; // selecting and scrolling, as in any read-only text
        m_text->setFocus(Qt::MouseFocusReason);
        return true;
    case QEvent::MouseMove:
    case QEvent::MouseButtonRelease:
        return masked;
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            // Ours, neither a shortcut's nor QPlainTextEdit's: the copy goes through the guard.
            if (event->type() == QEvent::KeyPress)
                copyToClipboard();
            event->accept();
            return true;
        }
        if (event->type() == QEvent::ShortcutOverride || !masked)
            return false;
        // Only the keys a dialog needs (focus moves, Escape, Enter) go on; the rest would move within the mask.
        const bool passes = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab || key->key() == Qt::Key_Escape
            || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        return !passes;
    }
    default:
        return false;
    }
}

void SecretField::showWiping(QString text)
{
    m_text->setPlainText(text);
    // The document keeps a copy of its own, which Qt frees unwiped when the mask replaces it (see WipeOnFree.cpp);
    // this one is ours. Wiped through data(): should the document share the buffer, this copy detaches first.
    wipe(text);
}

void SecretField::updateText()
{
    m_copy->setEnabled(!m_value.isEmpty());
    m_reveal->setEnabled(!m_value.isEmpty());
    const bool revealed = isRevealed() && !m_value.isEmpty();
    // Replaced whole (document and layout), not just scrolled out of view, as soon as it is masked.
    if (m_value.isEmpty())
        m_text->clear();
    else if (revealed)
        showWiping(displayText(m_value));
    else
        m_text->setPlainText(QString(kMaskLength, QChar(0x25CF)));
    m_text->setTextInteractionFlags(revealed ? Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard
                                             : Qt::NoTextInteraction);
    m_text->moveCursor(QTextCursor::Start);
    m_text->setAccessibleDescription(isRevealed() || m_value.isEmpty() ? QString() : tr("Hidden"));
}

} // namespace sa
