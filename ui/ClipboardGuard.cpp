#include "ClipboardGuard.h"

#include "resources/SecretBytes.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QClipboard *clipboard()
{
    // Null once QGuiApplication is gone (its destructor deletes the clipboard before our parent deletes us).
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::clipboard() : nullptr;
}

} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_clearTimer.setSingleShot(true);
    m_ticker.setInterval(1000);
    connect(&m_clearTimer, &QTimer::timeout, this, &ClipboardGuard::clearNow);
    connect(&m_ticker, &QTimer::timeout, this, &ClipboardGuard::tick);
    if (QClipboard *board = clipboard())
        connect(board, &QClipboard::dataChanged, this, &ClipboardGuard::onClipboardChanged);
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearNow);
}

ClipboardGuard::~ClipboardGuard()
{
    if (!holdsCopy())
        return;
    const bool ours = clipboardHoldsOurCopy();
    forget();
    if (ours)
        clipboard()->clear(QClipboard::Clipboard);
}

ClipboardGuard *ClipboardGuard::instance()
{
    static QPointer<ClipboardGuard> shared;
    if (!shared)
        shared = new ClipboardGuard(QCoreApplication::instance());
    return shared;
}

void ClipboardGuard::copySecret(const SecretBytes &secret)
{
    QClipboard *board = clipboard();
    if (!board)
        return;
    auto *mime = new QMimeData;
    {
        const QString text = secret.revealUtf8();
        m_salt = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        m_fingerprint = fingerprintOf(text);
        mime->setText(text);
    }
    // KDE's Klipper and other clipboard histories leave entries with this hint out of their history.
    mime->setData(u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret"));
    board->setMimeData(mime, QClipboard::Clipboard);
    m_deadline.setRemainingTime(m_delay);
    m_clearTimer.start(m_delay);
    m_ticker.start();
    Q_EMIT countdown(remainingSeconds());
}

int ClipboardGuard::remainingSeconds() const
{
    if (!holdsCopy())
        return 0;
    // Rounded up, so that the status bar never says 0 while the secret is still there.
    return int((m_deadline.remainingTime() + 999) / 1000);
}

QByteArray ClipboardGuard::fingerprintOf(const QString &text) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_salt);
    // The UTF-16 code units as they are: no second (unwiped) UTF-8 copy of the secret.
    hash.addData(
        QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * qsizetype(sizeof(char16_t))));
    return hash.result();
}

bool ClipboardGuard::clipboardHoldsOurCopy() const
{
    const QClipboard *board = clipboard();
    if (!board)
        return false;
    const QMimeData *now = board->mimeData(QClipboard::Clipboard);
    // The owner's pointer is not reliable across platforms (X11 and Wayland hand back their own mime data), the
    // text is: compare fingerprints.
    return now && now->hasText() && fingerprintOf(now->text()) == m_fingerprint;
}

void ClipboardGuard::clearNow()
{
    if (!holdsCopy())
        return;
    const bool ours = clipboardHoldsOurCopy();
    // Forgotten first: clear() comes back through dataChanged, which must not take it for a foreign copy.
    forget();
    if (ours) {
        clipboard()->clear(QClipboard::Clipboard);
        Q_EMIT cleared();
    } else {
        Q_EMIT superseded();
    }
}

void ClipboardGuard::forget()
{
    m_clearTimer.stop();
    m_ticker.stop();
    m_fingerprint.clear();
    m_salt.clear();
}

void ClipboardGuard::onClipboardChanged()
{
    // Our own setMimeData() and clear() land here too; only a foreign copy ends the countdown early.
    if (holdsCopy() && !clipboardHoldsOurCopy()) {
        forget();
        Q_EMIT superseded();
    }
}

void ClipboardGuard::tick()
{
    if (const int left = remainingSeconds(); left > 0)
        Q_EMIT countdown(left);
}

} // namespace sa
