#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace sa {

class SecretBytes;

// Every secret copy goes through one guard: the clipboard gets the text with KDE's password-manager hint (so
// clipboard histories skip it) and is cleared after a delay, on destruction and on quit, but only while it still
// holds our copy. The value itself is never kept nor logged.
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultDelay {30000};

    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    // The application's guard, for widgets that were given none.
    [[nodiscard]] static ClipboardGuard *instance();

    void copySecret(const SecretBytes &secret);
    void setClearDelay(std::chrono::milliseconds delay) { m_delay = delay; }
    [[nodiscard]] std::chrono::milliseconds clearDelay() const { return m_delay; }
    // Seconds until the clipboard is cleared; 0 when nothing of ours is on it.
    [[nodiscard]] int remainingSeconds() const;
    [[nodiscard]] bool holdsCopy() const { return !m_fingerprint.isEmpty(); }
    // Wipes our copy now if the clipboard still holds it (as at the end of the delay); a quit that does not come
    // through QCoreApplication::aboutToQuit (a signal) calls it first.
    void clearNow();

Q_SIGNALS:
    // On copy and then every second, for the status bar.
    void countdown(int secondsLeft);
    // The guard wiped our copy from the clipboard.
    void cleared();
    // Something else was copied over our copy: the countdown stops, the clipboard is left alone.
    void superseded();

private:
    [[nodiscard]] QByteArray fingerprintOf(const QString &text) const;
    [[nodiscard]] bool clipboardHoldsOurCopy() const;
    void forget();
    void onClipboardChanged();
    void tick();

    std::chrono::milliseconds m_delay = kDefaultDelay;
    // A salted SHA-256 of the text we put there: enough to recognise our copy without keeping the secret.
    QByteArray m_salt;
    QByteArray m_fingerprint;
    QDeadlineTimer m_deadline;
    QTimer m_clearTimer;
    QTimer m_ticker;
};

} // namespace sa
