// The foundations of the administration dialogs: the clipboard guard, the secret field, and the dialog base
// driven against a real kube-sim process.

#include "Accessibility.h"
#include "KubeSimProcess.h"
#include "SimClient.h"
#include "SimHttp.h"

#include "ActionDialog.h"
#include "ClipboardGuard.h"
#include "PullSecretsDialog.h"
#include "SecretField.h"
#include "TokenSecretDialog.h"
#include "TokenView.h"
#include "api/KubeClient.h"
#include "api/Operations.h"
#include "config/Kubeconfig.h"

#include <QApplication>
#include <QClipboard>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace sa;

namespace {

const QString kHintFormat = u"x-kde-passwordManagerHint"_s;

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

SecretBytes secret(const QByteArray &bytes)
{
    return SecretBytes(bytes);
}

// The smallest real dialog: a service account name, checked as the API server would, created on OK.
class CreateAccountDialog : public ActionDialog
{
public:
    CreateAccountDialog(KubeClient *client, QString ns, bool showResult = false)
        : m_client(client)
        , m_ns(std::move(ns))
        , m_showResult(showResult)
        , m_name(new QLineEdit(this))
    {
        setWindowTitle(u"New service account in "_s + m_ns);
        m_name->setObjectName(u"nameEdit"_s);
        formLayout()->addRow(u"Name"_s, m_name);
        connect(m_name, &QLineEdit::textChanged, this, &CreateAccountDialog::revalidate);
        revalidate();
    }

    QLineEdit *nameEdit() const { return m_name; }

protected:
    QString validate() const override
    {
        static const QRegularExpression dnsLabel(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s);
        if (m_name->text().isEmpty())
            return u"Enter a name."_s;
        if (!dnsLabel.match(m_name->text()).hasMatch())
            return u"Use lower-case letters, digits and '-'."_s;
        return {};
    }

    void apply() override
    {
        ServiceAccountSpec spec;
        spec.ns = m_ns;
        spec.name = m_name->text();
        runOperation(ops::createServiceAccount(m_client, spec), u"Creating…"_s);
    }

    void applySucceeded(const OperationResult &result) override
    {
        if (!m_showResult) {
            ActionDialog::applySucceeded(result);
            return;
        }
        auto *page = new QLabel(u"Created "_s + result.object[u"metadata"][u"name"].toString(), this);
        page->setObjectName(u"resultPage"_s);
        showResultPage(page);
    }

private:
    KubeClient *m_client;
    QString m_ns;
    bool m_showResult;
    QLineEdit *m_name;
};

} // namespace

class TestDialogFoundations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void guardClearsAfterDelay();
    void guardLeavesForeignCopyAlone();
    void guardClearsOnDestruction();
    void guardCountsDown();

    void fieldMasksByDefault();
    void fieldRevealsWithEyeButton();
    void fieldRevealsWithShortcut();
    void fieldRemasksWhenHidden();
    void fieldRemasksWhenScreenLocks();
    void fieldCopiesThroughGuard();
    void fieldShowsBinaryAsHex_data();
    void fieldShowsBinaryAsHex();
    void fieldChildrenAreNamed();
    void fieldShowsLongValuesWhole();

    void dialogValidatesInline();
    void dialogBusyThenCloses();
    void dialogShowsResultPage();
    void dialogKeepsServerRefusal();
    void dialogCancelsOperation();

    void pullSecretsInAnyOrderAreNoChange();
    void pullSecretsCancelStopsBetweenChanges();
    void dialogsOutliveTheirClient();

private:
    void setLatency(int milliseconds);

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<KubeClient> m_client;
    QProcess m_sessionBus; // a private D-Bus session bus, for the screen-lock signals
};

void TestDialogFoundations::initTestCase()
{
    // Before any SecretField exists: the screen-lock watcher connects to the session bus when the first one does.
    m_sessionBus.start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address"_s});
    QVERIFY2(m_sessionBus.waitForStarted(), qPrintable(m_sessionBus.errorString()));
    QVERIFY(m_sessionBus.waitForReadyRead(10000));
    const QByteArray address = m_sessionBus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    QVERIFY(QDBusConnection::sessionBus().isConnected());

    m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"empty"_s});
    QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
    m_http = std::make_unique<SimHttp>(*m_sim);
    QString error;
    m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
    QVERIFY2(m_client, qPrintable(error));
    QCOMPARE(m_http
                 ->send("POST", u"/api/v1/namespaces"_s,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"dlg\"}}")
                 .code,
             201);
}

void TestDialogFoundations::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QDBusConnection::sessionBus().name());
    m_sessionBus.terminate();
    m_sessionBus.waitForFinished();
}

void TestDialogFoundations::cleanup()
{
    QGuiApplication::clipboard()->clear();
    if (m_http)
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
}

void TestDialogFoundations::setLatency(int milliseconds)
{
    QCOMPARE(m_http
                 ->send("PUT", u"/kube-sim/v1/faults"_s,
                        QByteArray("{\"latencyMs\":") + QByteArray::number(milliseconds) + '}')
                 .code,
             200);
}

void TestDialogFoundations::guardClearsAfterDelay()
{
    ClipboardGuard guard;
    guard.setClearDelay(300ms);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(secret("s3cret-token"));
    QCOMPARE(clipboardText(), u"s3cret-token"_s);
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasFormat(kHintFormat));
    QCOMPARE(mime->data(kHintFormat), QByteArray("secret"));
    QVERIFY(guard.holdsCopy());
    QTRY_COMPARE_WITH_TIMEOUT(cleared.size(), 1, 2000);
    QVERIFY(clipboardText().isEmpty());
    QVERIFY(!guard.holdsCopy());
    QCOMPARE(guard.remainingSeconds(), 0);
}

void TestDialogFoundations::guardLeavesForeignCopyAlone()
{
    ClipboardGuard guard;
    guard.setClearDelay(300ms);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QSignalSpy superseded(&guard, &ClipboardGuard::superseded);
    guard.copySecret(secret("s3cret-token"));
    QGuiApplication::clipboard()->setText(u"something else"_s);
    QCOMPARE(superseded.size(), 1);
    QTest::qWait(600);
    QCOMPARE(clipboardText(), u"something else"_s);
    QCOMPARE(cleared.size(), 0);
    QCOMPARE(superseded.size(), 1);
}

void TestDialogFoundations::guardClearsOnDestruction()
{
    {
        ClipboardGuard guard;
        guard.copySecret(secret("s3cret-token"));
        QCOMPARE(clipboardText(), u"s3cret-token"_s);
    }
    QVERIFY(clipboardText().isEmpty());
    {
        ClipboardGuard guard;
        guard.copySecret(secret("s3cret-token"));
        QGuiApplication::clipboard()->setText(u"mine now"_s);
    }
    QCOMPARE(clipboardText(), u"mine now"_s);
}

void TestDialogFoundations::guardCountsDown()
{
    ClipboardGuard guard;
    QCOMPARE(guard.clearDelay(), ClipboardGuard::kDefaultDelay);
    guard.setClearDelay(2500ms);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copySecret(secret("s3cret-token"));
    QCOMPARE(countdown.size(), 1);
    QCOMPARE(countdown.first().first().toInt(), 3);
    QCOMPARE(guard.remainingSeconds(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(cleared.size(), 1, 5000);
    QList<int> seconds;
    for (const QList<QVariant> &arguments : countdown)
        seconds.append(arguments.first().toInt());
    QCOMPARE(seconds, (QList<int> {3, 2, 1}));
}

void TestDialogFoundations::fieldMasksByDefault()
{
    SecretField field;
    field.setValue(secret("s3cret-token"));
    field.show();
    auto *text = field.findChild<QPlainTextEdit *>(u"secretText"_s);
    QVERIFY(text);
    QVERIFY(!field.isRevealed());
    QVERIFY(!text->toPlainText().isEmpty());
    QVERIFY(!text->toPlainText().contains(u"s3cret"_s));
    QCOMPARE(text->toPlainText(), QString(text->toPlainText().size(), QChar(0x25CF)));
    QVERIFY(text->isReadOnly());
    QCOMPARE(text->font().styleHint() == QFont::Monospace || text->fontInfo().fixedPitch(), true);
    field.clear();
    QVERIFY(text->toPlainText().isEmpty());
    QVERIFY(!field.findChild<QToolButton *>(u"copyButton"_s)->isEnabled());
}

void TestDialogFoundations::fieldRevealsWithEyeButton()
{
    SecretField field;
    field.setValue(secret("s3cret-token"));
    field.show();
    auto *eye = field.findChild<QToolButton *>(u"revealButton"_s);
    auto *text = field.findChild<QPlainTextEdit *>(u"secretText"_s);
    QVERIFY(eye && eye->isCheckable());
    QTest::mouseClick(eye, Qt::LeftButton);
    QVERIFY(field.isRevealed());
    QCOMPARE(text->toPlainText(), u"s3cret-token"_s);
    QCOMPARE(eye->text(), u"Hide"_s);
    QTest::mouseClick(eye, Qt::LeftButton);
    QCOMPARE(eye->text(), u"Show"_s);
    QVERIFY(!field.isRevealed());
    QVERIFY(!text->toPlainText().contains(u"s3cret"_s));
}

void TestDialogFoundations::fieldRevealsWithShortcut()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *other = new QLineEdit(&window);
    auto *field = new SecretField(&window);
    layout->addWidget(other);
    layout->addWidget(field);
    field->setValue(secret("s3cret-token"));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *text = field->findChild<QPlainTextEdit *>(u"secretText"_s);
    // Not while focus is elsewhere: Ctrl+H belongs to the focused field.
    other->setFocus();
    QTest::keyClick(other, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(!field->isRevealed());
    field->setFocus();
    QVERIFY(text->hasFocus());
    QTest::keyClick(text, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(field->isRevealed());
    QCOMPARE(text->toPlainText(), u"s3cret-token"_s);
    QTest::keyClick(text, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(!field->isRevealed());
}

void TestDialogFoundations::fieldRemasksWhenHidden()
{
    QDialog dialog;
    auto *field = new SecretField(&dialog);
    (new QVBoxLayout(&dialog))->addWidget(field);
    field->setValue(secret("s3cret-token"));
    dialog.show();
    field->setRevealed(true);
    auto *text = field->findChild<QPlainTextEdit *>(u"secretText"_s);
    QCOMPARE(text->toPlainText(), u"s3cret-token"_s);
    dialog.reject();
    QVERIFY(!field->isRevealed());
    QVERIFY(!text->toPlainText().contains(u"s3cret"_s));
    dialog.show();
    QVERIFY(!field->isRevealed());
}

void TestDialogFoundations::fieldRemasksWhenScreenLocks()
{
    SecretField field;
    field.setValue(secret("token-value"_ba));
    field.setRevealed(true);
    const auto screenSaver = [](const QString &path, const QString &interface, bool active) {
        QDBusMessage signal = QDBusMessage::createSignal(path, interface, u"ActiveChanged"_s);
        signal << active;
        QVERIFY(QDBusConnection::sessionBus().send(signal));
    };
    // The screen saver going away leaves the value shown.
    screenSaver(u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s, false);
    QTest::qWait(300);
    QVERIFY(field.isRevealed());
    // Locking (the freedesktop screen saver, then GNOME's) masks it.
    screenSaver(u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s, true);
    QTRY_VERIFY(!field.isRevealed());
    field.setRevealed(true);
    screenSaver(u"/org/gnome/ScreenSaver"_s, u"org.gnome.ScreenSaver"_s, true);
    QTRY_VERIFY(!field.isRevealed());
    QVERIFY(!field.findChild<QPlainTextEdit *>(u"secretText"_s)->toPlainText().contains(u"token-value"_s));
}

void TestDialogFoundations::fieldCopiesThroughGuard()
{
    ClipboardGuard guard;
    guard.setClearDelay(10s);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
    QWidget window;
    auto *field = new SecretField(&window);
    (new QVBoxLayout(&window))->addWidget(field);
    field->setClipboardGuard(&guard);
    field->setValue(secret("s3cret-token"));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::mouseClick(field->findChild<QToolButton *>(u"copyButton"_s), Qt::LeftButton);
    QCOMPARE(clipboardText(), u"s3cret-token"_s);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(kHintFormat));
    QCOMPARE(countdown.size(), 1);
    QVERIFY(guard.holdsCopy());

    // Ctrl+C in the text and Ctrl+Shift+C copy through the guard too, revealed or not.
    QGuiApplication::clipboard()->clear();
    auto *text = field->findChild<QPlainTextEdit *>(u"secretText"_s);
    field->setRevealed(true);
    field->setFocus();
    QTest::keyClick(text, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboardText(), u"s3cret-token"_s);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(kHintFormat));
    QCOMPARE(countdown.size(), 2);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(text, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(clipboardText(), u"s3cret-token"_s);
    QCOMPARE(countdown.size(), 3);
    // Selected, the value stays in the view: what QPlainTextEdit would hand the X11/Wayland primary selection (or a
    // drag, or its own copy()) holds nothing of it.
    QTest::keyClick(text, Qt::Key_A, Qt::ControlModifier);
    QVERIFY(text->textCursor().hasSelection());
    text->copy();
    QVERIFY(!clipboardText().contains(u"s3cret"_s));
}

void TestDialogFoundations::fieldShowsLongValuesWhole()
{
    ClipboardGuard guard;
    QWidget window;
    auto *field = new SecretField(&window);
    (new QVBoxLayout(&window))->addWidget(field);
    field->setClipboardGuard(&guard);
    window.resize(480, 400);
    // A registry's .dockerconfigjson, 143 bytes: revealed, all of it in view, over a few lines.
    const QByteArray config = R"({"auths":{"registry.example.com":{"username":"deploy-bot","password":"not-a-real-)"
                              R"(password","auth":"ZGVwbG95LWJvdDpub3QtYS1yZWFsLXBhc3N3b3Jk"}}})";
    field->setValue(secret(config));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *text = field->findChild<QPlainTextEdit *>(u"secretText"_s);
    QVERIFY(text);
    const int masked = text->height();
    field->setRevealed(true);
    QCOMPARE(text->toPlainText(), QString::fromLatin1(config));
    QTRY_VERIFY(text->height() > 2 * masked);
    QTRY_COMPARE(text->verticalScrollBar()->maximum(), 0);
    QCOMPARE(text->horizontalScrollBar()->maximum(), 0);

    // A certificate of 22 lines: a few shown, the rest scrolled to; a line selected is copied through the guard.
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    for (int line = 0; line < 20; ++line)
        pem += QByteArray(64, char('A' + line)) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    field->setValue(secret(pem));
    QCOMPARE(text->toPlainText(), QString::fromLatin1(pem));
    QTRY_VERIFY(text->verticalScrollBar()->maximum() > 0);
    QVERIFY(text->height() < 22 * text->fontMetrics().lineSpacing());
    field->setFocus();
    QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(text->verticalScrollBar()->value(), text->verticalScrollBar()->maximum());
    QTextCursor cursor(text->document());
    cursor.movePosition(QTextCursor::NextBlock);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    QTest::keyClick(text, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboardText(), QString(64, u'A'));
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(kHintFormat));

    // Masked again: the mask alone, on one line, with no history of what was shown.
    field->setRevealed(false);
    QCOMPARE(text->toPlainText(), QString(text->toPlainText().size(), QChar(0x25CF)));
    QVERIFY(!text->textCursor().hasSelection());
    QVERIFY(!text->document()->isUndoAvailable());
    QTRY_COMPARE(text->height(), masked);
}

void TestDialogFoundations::fieldShowsBinaryAsHex_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shown");
    QTest::newRow("text") << QByteArray("hunter2") << u"hunter2"_s;
    QTest::newRow("utf-8") << QByteArray("p\xc3\xa4ss") << u"p\u00e4ss"_s;
    QTest::newRow("multi-line") << QByteArray("line1\nline2") << u"line1\nline2"_s;
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe\x00\x01", 4) << u"4 bytes (binary): ff fe 00 01"_s;
    QTest::newRow("control") << QByteArray("a\x01"
                                           "b")
                             << u"3 bytes (binary): 61 01 62"_s;
    QTest::newRow("one byte") << QByteArray("\x00", 1) << u"1 byte (binary): 00"_s;
    QTest::newRow("long") << QByteArray(
        100, '\x80') << u"100 bytes (binary): "_s + QString::fromLatin1(QByteArray(64, '\x80').toHex(' ')) + u" …"_s;
}

void TestDialogFoundations::fieldShowsBinaryAsHex()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shown);
    SecretField field;
    field.setValue(SecretBytes(bytes));
    field.show();
    field.setRevealed(true);
    QCOMPARE(field.findChild<QPlainTextEdit *>(u"secretText"_s)->toPlainText(), shown);
}

void TestDialogFoundations::fieldChildrenAreNamed()
{
    SecretField field;
    // The field's own widgets (the text view's viewport and scroll bars are Qt's).
    for (QWidget *child : field.findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        QVERIFY2(!child->objectName().isEmpty(), child->metaObject()->className());
        QVERIFY2(!child->accessibleName().isEmpty(), qPrintable(child->objectName()));
    }
    // Icons even without an icon theme (none here): drawn, with a struck-through eye once revealed.
    const QIcon eye = field.findChild<QToolButton *>(u"revealButton"_s)->icon();
    const QImage off = eye.pixmap(QSize(32, 32), QIcon::Normal, QIcon::Off).toImage();
    const QImage on = eye.pixmap(QSize(32, 32), QIcon::Normal, QIcon::On).toImage();
    QCOMPARE(off.pixelColor(0, 0).alpha(), 0); // a clear background
    QVERIFY(off != on);
    int inked = 0;
    for (int y = 0; y < off.height(); ++y) {
        for (int x = 0; x < off.width(); ++x)
            inked += off.pixelColor(x, y).alpha() > 128 ? 1 : 0;
    }
    QVERIFY2(inked > 30 && inked < 32 * 32 / 2, qPrintable(QString::number(inked)));
    QVERIFY(!field.findChild<QToolButton *>(u"copyButton"_s)->icon().isNull());
}

void TestDialogFoundations::dialogValidatesInline()
{
    CreateAccountDialog dialog(m_client.get(), u"dlg"_s);
    dialog.show();
    auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
    auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(ok && error);
    // A new form does not open with a complaint: OK waits, the objection waits for the user's first change.
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->isHidden());
    QVERIFY(dialog.errorText().isEmpty());
    // The form comes first in the tab order: the first field has the focus, Tab goes on to the buttons.
    QApplication::setActiveWindow(&dialog);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameEdit());
    QCOMPARE(qobject_cast<QDialogButtonBox *>(dialog.nameEdit()->nextInFocusChain()->parentWidget()),
             dialog.findChild<QDialogButtonBox *>(u"buttons"_s));
    QTest::keyClicks(dialog.nameEdit(), u"Bad_Name"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->isVisible());
    QCOMPARE(dialog.errorText(), u"Use lower-case letters, digits and '-'."_s);
    // A screen reader hears the sentence, not just that there is a problem.
    QCOMPARE(spokenName(error), u"Use lower-case letters, digits and '-'."_s);
    SA_VERIFY_LABELS_SPOKEN(&dialog);
    dialog.nameEdit()->clear();
    QCOMPARE(dialog.errorText(), u"Enter a name."_s);
    dialog.nameEdit()->setText(u"good-name"_s);
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
    QVERIFY(dialog.errorText().isEmpty());
}

void TestDialogFoundations::dialogBusyThenCloses()
{
    setLatency(800);
    CreateAccountDialog dialog(m_client.get(), u"dlg"_s);
    dialog.show();
    dialog.nameEdit()->setText(u"fresh"_s);
    auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QVERIFY(dialog.findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible());
    auto *busyText = dialog.findChild<QLabel *>(u"busyText"_s);
    QVERIFY(busyText->isVisible());
    QCOMPARE(busyText->text(), u"Creating…"_s);
    QCOMPARE(spokenName(busyText), u"Creating…"_s);
    QVERIFY(!dialog.nameEdit()->isEnabled());
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(u"cancelButton"_s)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/dlg/serviceaccounts/fresh"_s).code, 200);
}

void TestDialogFoundations::dialogShowsResultPage()
{
    CreateAccountDialog dialog(m_client.get(), u"dlg"_s, true);
    dialog.show();
    dialog.nameEdit()->setText(u"with-result"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000);
    QVERIFY(dialog.isVisible());
    auto *page = dialog.findChild<QLabel *>(u"resultPage"_s);
    QVERIFY(page && page->isVisible());
    QCOMPARE(page->text(), u"Created with-result"_s);
    QVERIFY(!dialog.findChild<QPushButton *>(u"okButton"_s));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"closeButton"_s), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void TestDialogFoundations::dialogKeepsServerRefusal()
{
    QCOMPARE(m_http
                 ->send("POST", u"/api/v1/namespaces/dlg/serviceaccounts"_s,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"taken\"}}")
                 .code,
             201);
    CreateAccountDialog dialog(m_client.get(), u"dlg"_s);
    dialog.show();
    dialog.nameEdit()->setText(u"taken"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.errorText(), u"serviceaccounts \"taken\" already exists"_s);
    QCOMPARE(spokenName(dialog.findChild<QLabel *>(u"errorLabel"_s)), dialog.errorText());
    QVERIFY(dialog.findChild<QLabel *>(u"errorLabel"_s)->isVisible());
    QVERIFY(!dialog.findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible());
    QVERIFY(dialog.nameEdit()->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(u"okButton"_s)->isEnabled());
    // Editing replaces the server's sentence by the live validation.
    dialog.nameEdit()->setText(u"taken-2"_s);
    QVERIFY(dialog.errorText().isEmpty());
}

void TestDialogFoundations::dialogCancelsOperation()
{
    setLatency(1500);
    CreateAccountDialog dialog(m_client.get(), u"dlg"_s);
    dialog.show();
    dialog.nameEdit()->setText(u"never"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTest::qWait(200);
    auto *cancel = dialog.findChild<QPushButton *>(u"cancelButton"_s);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isBusy());
}

void TestDialogFoundations::pullSecretsInAnyOrderAreNoChange()
{
    // The account lists its pull secrets in its own order, the dialog in the namespace's: the same set, no change.
    ServiceAccount account;
    account.meta.ns = u"dlg"_s;
    account.meta.name = u"builder"_s;
    account.imagePullSecrets = {u"zeta-cred"_s, u"alpha-cred"_s};
    PullSecretsDialog dialog(m_client.get(), account, {u"alpha-cred"_s, u"zeta-cred"_s}, {});
    dialog.show();
    auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
    QVERIFY(!ok->isEnabled());
    QListWidgetItem *alpha = dialog.findChild<QListWidget *>(u"pullSecrets"_s)->item(0);
    QCOMPARE(alpha->text(), u"alpha-cred"_s);
    alpha->setCheckState(Qt::Unchecked);
    QVERIFY(ok->isEnabled());
    alpha->setCheckState(Qt::Checked);
    QVERIFY(!ok->isEnabled());
}

// Cancel while the first of two attachments is on its way: that one finishes (it may already be on the server), the
// second is never sent, and the dialog stays to say so rather than closing as if nothing had been done.
void TestDialogFoundations::pullSecretsCancelStopsBetweenChanges()
{
    QCOMPARE(
        m_http->send("POST", u"/api/v1/namespaces/dlg/serviceaccounts"_s, R"({"metadata":{"name":"puller"}})").code,
        201);
    ServiceAccount account;
    account.meta.ns = u"dlg"_s;
    account.meta.name = u"puller"_s;
    PullSecretsDialog dialog(m_client.get(), account, {u"alpha-cred"_s, u"zeta-cred"_s}, {});
    dialog.show();
    auto *list = dialog.findChild<QListWidget *>(u"pullSecrets"_s);
    list->item(0)->setCheckState(Qt::Checked);
    list->item(1)->setCheckState(Qt::Checked);
    setLatency(600);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTest::qWait(150);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
    QTest::qWait(1500); // a second attachment, were one sent, would have landed by now
    setLatency(0);
    const HttpResult stored = m_http->send("GET", u"/api/v1/namespaces/dlg/serviceaccounts/puller"_s);
    QCOMPARE(stored.code, 200);
    const QJsonArray attached = QJsonDocument::fromJson(stored.body).object().value("imagePullSecrets"_L1).toArray();
    QCOMPARE(attached, QJsonArray({QJsonObject {{"name"_L1, "alpha-cred"_L1}}}));
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(u"Canceled part-way: 1 of 2 changes made, the rest not made."_s),
             qPrintable(dialog.errorText()));
}

// A context switch (or F5) deletes the session's client while a dialog may still be open: the dialog then says the
// connection is closed, and what needs no connection (copying a token's curl command) still works.
void TestDialogFoundations::dialogsOutliveTheirClient()
{
    QString error;
    std::unique_ptr<KubeClient> client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
    QVERIFY2(client, qPrintable(error));
    TokenSecretDialog dialog(client.get(), u"dlg"_s, u"nobody"_s);
    TokenView view(client.get(), u"dlg"_s, u"nobody"_s, SecretBytes("not.a.token"_ba));
    dialog.show();
    view.show();
    client.reset();

    QTest::mouseClick(view.findChild<QPushButton *>(u"testToken"_s), Qt::LeftButton);
    const auto *status = view.findChild<QLabel *>(u"tokenStatus"_s);
    QVERIFY2(status->text().startsWith(u"Cannot test the token: the connection"_s), qPrintable(status->text()));
    QTest::mouseClick(view.findChild<QPushButton *>(u"copyCurl"_s), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"Authorization: Bearer not.a.token"_s));

    QTest::mouseClick(dialog.findChild<QPushButton *>(u"okButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 5000);
    QVERIFY(dialog.isVisible());
    // Nothing was sent, so nothing was made.
    QCOMPARE(dialog.errorText(), u"The connection to the cluster was closed. The token secret was not created."_s);
}

QTEST_MAIN(TestDialogFoundations)
#include "tst_dialogfoundations.moc"
