#include "ScreenLock.h"

#include <QCoreApplication>
#include <QDBusConnection>

using namespace Qt::StringLiterals;

namespace sa {

ScreenLock::ScreenLock(QObject *parent)
    : QObject(parent)
{
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        // Any sender: KDE, Xfce and others implement org.freedesktop.ScreenSaver; GNOME its own interface.
        session.connect(QString(), u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s,
                        u"ActiveChanged"_s, this, SLOT(onScreenSaverActive(bool)));
        session.connect(QString(), u"/org/gnome/ScreenSaver"_s, u"org.gnome.ScreenSaver"_s, u"ActiveChanged"_s, this,
                        SLOT(onScreenSaverActive(bool)));
    }
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected()) {
        // Any session's Lock (loginctl lock-session, lid close with locking): masking too often costs a click.
        system.connect(u"org.freedesktop.login1"_s, QString(), u"org.freedesktop.login1.Session"_s, u"Lock"_s, this,
                       SLOT(onSessionLock()));
    }
}

ScreenLock *ScreenLock::instance()
{
    static ScreenLock *lock = new ScreenLock(QCoreApplication::instance());
    return lock;
}

void ScreenLock::onScreenSaverActive(bool active)
{
    if (active)
        Q_EMIT locked();
}

void ScreenLock::onSessionLock()
{
    Q_EMIT locked();
}

} // namespace sa
