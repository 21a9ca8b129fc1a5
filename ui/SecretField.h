#pragma once

#include "ClipboardGuard.h"
#include "resources/SecretBytes.h"

#include <QPointer>
#include <QWidget>

class QPlainTextEdit;
class QToolButton;

namespace sa {

// A read-only secret (a token, a password) after KeePassXC's PasswordWidget: masked until the eye button or
// Ctrl+H reveals it, masked again whenever it is hidden, copied only through a ClipboardGuard. Values that are not
// text show, when revealed, as their size and hex. A revealed value is wrapped over as many lines as it needs, up to
// a few, then scrolls; it can be selected, and Ctrl+C copies the selection, through the guard too.
class SecretField : public QWidget
{
    Q_OBJECT
public:
    explicit SecretField(QWidget *parent = nullptr);

    void setValue(const SecretBytes &value);
    void clear();
    [[nodiscard]] const SecretBytes &value() const { return m_value; }
    [[nodiscard]] bool isRevealed() const;
    void setRevealed(bool revealed);
    // Null: the application's guard.
    void setClipboardGuard(ClipboardGuard *guard) { m_guard = guard; }
    // The value, or the part of it selected while revealed.
    void copyToClipboard();

    // What a revealed value looks like: the text, or "N bytes: hex…" when it is not printable UTF-8.
    [[nodiscard]] static QString displayText(const SecretBytes &value);

Q_SIGNALS:
    void revealedChanged(bool revealed);

protected:
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateText();
    // Shows a revealed value, and wipes the string it came in.
    void showWiping(QString text);

    static constexpr qsizetype kMaxHexBytes = 64;

    SecretBytes m_value;
    QPointer<ClipboardGuard> m_guard;
    QPlainTextEdit *m_text;
    QToolButton *m_reveal;
    QToolButton *m_copy;
};

} // namespace sa
