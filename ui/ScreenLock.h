#pragma once

#include <QObject>

namespace sa {

// Tells when the screen locks, so that revealed secrets are masked again (as KeePassXC does): the freedesktop and
// GNOME screen savers' ActiveChanged(true) on the session bus, and logind's Lock on the system bus. Without a bus
// it simply never fires.
class ScreenLock : public QObject
{
    Q_OBJECT
public:
    [[nodiscard]] static ScreenLock *instance();

Q_SIGNALS:
    void locked();

private:
    explicit ScreenLock(QObject *parent = nullptr);

private Q_SLOTS:
    void onScreenSaverActive(bool active);
    void onSessionLock();
};

} // namespace sa
