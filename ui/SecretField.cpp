#include "SecretField.h"

#include "ClipboardGuard.h"
#include "Icons.h"
#include "ScreenLock.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QShortcut>
#include <QStringDecoder>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// The mask does not follow the value's length: that would tell a 4-digit PIN from a token.
constexpr int maskLength = 16;

bool isPrintable(const QString &text)
{
    return std::ranges::none_of(
        text, [](QChar c) { return c.category() == QChar::Other_Control && c != u'\t' && c != u'\n' && c != u'\r'; });
}

} // namespace

SecretField::SecretField(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
    , m_copy(new QToolButton(this))
{
    m_text->setObjectName(u"secretText"_s);
    m_text->setAccessibleName(tr("Secret value"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setContextMenuPolicy(Qt::NoContextMenu);
    // Selecting would copy to the X11/Wayland primary selection, and Ctrl+C would bypass the guard.
    m_text->installEventFilter(this);

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
    layout->addWidget(m_reveal);
    layout->addWidget(m_copy);
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
    guard->copySecret(m_value);
}

QString SecretField::displayText(const SecretBytes &value)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(value.reveal());
    if (!decoder.hasError() && isPrintable(text))
        return text;
    const QByteArray head = value.reveal().left(maxHexBytes).toHex(' ');
    const QString hex = QString::fromLatin1(head) + (value.size() > maxHexBytes ? u" …"_s : QString());
    // Spelled out rather than with %n: there is no English translation to pick the plural form.
    return value.size() == 1 ? tr("1 byte (binary): %1").arg(hex)
                             : tr("%1 bytes (binary): %2").arg(value.size()).arg(hex);
}

void SecretField::hideEvent(QHideEvent *event)
{
    setRevealed(false);
    QWidget::hideEvent(event);
}

bool SecretField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_text)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        m_text->setFocus(Qt::MouseFocusReason);
        return true;
    case QEvent::MouseMove:
    case QEvent::MouseButtonRelease:
        return true;
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            copyToClipboard();
            return true;
        }
        // Only the keys a dialog needs (focus moves, Escape, Enter) go on; the rest would select text.
        const bool passes = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab || key->key() == Qt::Key_Escape
            || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        return !passes;
    }
    default:
        return false;
    }
}

void SecretField::updateText()
{
    m_copy->setEnabled(!m_value.isEmpty());
    m_reveal->setEnabled(!m_value.isEmpty());
    if (m_value.isEmpty())
        m_text->clear();
    else if (isRevealed())
        m_text->setText(displayText(m_value));
    else
        m_text->setText(QString(maskLength, QChar(0x25CF)));
    m_text->setCursorPosition(0);
    m_text->setAccessibleDescription(isRevealed() || m_value.isEmpty() ? QString() : tr("Hidden"));
}

} // namespace sa
