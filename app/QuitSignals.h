#pragma once

#include <QObject>

class QSocketNotifier;

namespace sa {

// SIGTERM (logout, `kill`), SIGINT (Ctrl+C) and SIGHUP (the terminal closed) as a request to quit, delivered in the
// event loop: the handler only writes the signal's number to a socket pair (a self-pipe), whose reading end a
// QSocketNotifier watches. After the first one the earlier actions (the defaults) are back, so that a second signal
// ends a quit that hangs. A signal the process was started with ignored (nohup) stays ignored. One instance at a time.
class QuitSignals : public QObject
{
    Q_OBJECT
public:
    explicit QuitSignals(QObject *parent = nullptr);
    // Restores the dispositions found at construction.
    ~QuitSignals() override;

    // False when the socket pair or a handler could not be set up (the signals then keep their default action).
    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signal);

private:
    void onReadable();
    void restorePrevious();

    QSocketNotifier *m_notifier = nullptr;
    bool m_restored = false;
};

} // namespace sa
