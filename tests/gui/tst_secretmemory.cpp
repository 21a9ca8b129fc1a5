// Secret values are in memory only while a dialog shows them: the whole window against kube-sim lists secrets whose
// values are unique markers (one applied with `kubectl apply`, so that last-applied-configuration carries it, one
// created with `kubectl create secret generic`, one long-lived token Secret), opens and closes "Reveal values" and
// an issued token, and dumps its own memory with gcore after each step. The dump is searched for every marker in
// plain text, in base64 (each alignment) and in UTF-16: while a dialog shows a value, it must be found (which proves
// the search works); once the dialogs are closed, none may be.
//
// The test knows the markers too: it keeps them XOR-masked, and every buffer that held one in the clear (the files
// handed to kubectl, the search patterns) is its own and wiped; kubectl runs in a process of its own.

#include "Application.h"
#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "MainWindow.h"
#include "Rows.h"
#include "SecretField.h"
#include "TokensPane.h"

#include <QAction>
#include <QDialog>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr char kMask = 0x5A;

// A secret value as the test keeps it: XOR-masked, so that its own memory never holds the value in the clear.
struct Marker
{
    QString what;
    QByteArray masked;
};

QByteArray masked(const char *data, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(data[i] ^ kMask);
    return out;
}

void wipeBytes(QByteArray &bytes)
{
    volatile char *data = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        data[i] = 0;
    bytes.clear();
}

// A fresh random marker: letters and digits that no other text holds.
Marker randomMarker(const QString &what)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray value(40, Qt::Uninitialized);
    for (char &c : value)
        c = char(alphabet[QRandomGenerator::global()->bounded(36)] ^ kMask);
    return {what, value};
}

// `prefix`, the marker in the clear, and `suffix`, written to a new file through a buffer that is wiped after.
bool writeWithMarker(const QString &path, const QByteArray &prefix, const Marker &marker, const QByteArray &suffix)
{
    QByteArray content;
    content.reserve(prefix.size() + marker.masked.size() + suffix.size());
    content.append(prefix);
    for (const char c : marker.masked)
        content.append(char(c ^ kMask));
    content.append(suffix);
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    bool ok = fd >= 0 && ::write(fd, content.constData(), size_t(content.size())) == content.size();
    if (fd >= 0)
        ok = ::close(fd) == 0 && ok;
    wipeBytes(content);
    return ok;
}

// The forms in which a value may sit in memory: as it is, in base64 at each of the three alignments (as part of a
// longer base64 text; the groups that depend on the bytes around it left out), and those in UTF-16 (a QString).
QList<QPair<QString, QByteArray>> patternsOf(const Marker &marker)
{
    QByteArray plain;
    plain.reserve(marker.masked.size() + 2);
    for (const char c : marker.masked)
        plain.append(char(c ^ kMask));
    QList<QPair<QString, QByteArray>> patterns {{u"plain"_s, plain}};
    for (int alignment = 0; alignment < 3; ++alignment) {
        QByteArray padded(alignment, 'x');
        padded.reserve(alignment + plain.size());
        padded.append(plain);
        QByteArray encoded = padded.toBase64();
        wipeBytes(padded);
        QByteArray stable = encoded.mid(alignment == 0 ? 0 : 4);
        stable.chop(4);
        wipeBytes(encoded);
        patterns.append({u"base64 at %1"_s.arg(alignment), stable});
    }
    const auto utf16 = [](const QByteArray &latin1) {
        QByteArray wide(latin1.size() * 2, '\0');
        for (qsizetype i = 0; i < latin1.size(); ++i)
            wide[2 * i] = latin1[i];
        return wide;
    };
    patterns.append({u"UTF-16 plain"_s, utf16(plain)});
    for (int alignment = 0; alignment < 3; ++alignment)
        patterns.append({u"UTF-16 base64 at %1"_s.arg(alignment), utf16(patterns[1 + alignment].second)});
    return patterns;
}

} // namespace

class TestSecretMemory : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(const QString &name) const
    {
        return m_app->window().findChild<T *>(name);
    }

    bool selectRow(QAbstractItemView *view, const QString &name)
    {
        const QModelIndex index = findRow(view->model(), name);
        if (!index.isValid())
            return false;
        view->setCurrentIndex(index);
        return true;
    }

    // Deferred deletions done, so that what closed is gone.
    static void settle()
    {
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            QTest::qWait(20);
        }
    }

    // Dumps this process with gcore and says, per marker, in which forms the dump holds it ("" when in none). The
    // dump is deleted before this returns; the search patterns are wiped.
    QStringList findInDump(const QList<Marker> &markers)
    {
        QStringList found;
        QTemporaryDir dir;
        if (!dir.isValid())
            return {u"no temporary folder"_s};
        const QString prefix = dir.filePath(u"core"_s);
        QProcess gcore;
        gcore.setProcessChannelMode(QProcess::MergedChannels);
        gcore.start(u"gcore"_s, {u"-o"_s, prefix, QString::number(::getpid())});
        if (!gcore.waitForFinished(180000) || gcore.exitCode() != 0)
            return {u"gcore failed: "_s + QString::fromLocal8Bit(gcore.readAll())};
        QFile core(prefix + u'.' + QString::number(::getpid()));
        if (!core.open(QIODevice::ReadOnly))
            return {u"no core file: "_s + QString::fromLocal8Bit(gcore.readAll())};
        m_dumpSize = core.size();
        // Mapped, not read: nothing of it lands on this process's heap (and so in the next dump).
        const uchar *data = core.map(0, core.size());
        if (!data)
            return {u"the core file cannot be mapped"_s};
        for (const Marker &marker : markers) {
            QList<QPair<QString, QByteArray>> patterns = patternsOf(marker);
            QStringList forms;
            for (auto &[form, pattern] : patterns) {
                if (::memmem(data, size_t(core.size()), pattern.constData(), size_t(pattern.size())))
                    forms.append(form);
                wipeBytes(pattern);
            }
            found.append(forms.join(u", "_s));
        }
        core.unmap(const_cast<uchar *>(data));
        core.close();
        if (qEnvironmentVariableIsSet("SA_DEBUG_KEEP_CORE"))
            core.copy(qEnvironmentVariable("SA_DEBUG_KEEP_CORE") + QString::number(++m_dumps));
        core.remove();
        return found;
    }

    // The markers found in the dump, with their forms, as one line per marker; empty when none is.
    QString foundMarkers(const QList<Marker> &markers)
    {
        const QStringList found = findInDump(markers);
        if (found.size() != markers.size())
            return found.join(u"; "_s);
        QStringList lines;
        for (qsizetype i = 0; i < markers.size(); ++i) {
            if (!found[i].isEmpty())
                lines.append(markers[i].what + u": "_s + found[i]);
        }
        return lines.join(u"; "_s);
    }

    // Opens "Reveal values" of a secret of namespace vault and reveals its `key`.
    QPointer<QDialog> reveal(const QString &secret, const QString &key)
    {
        auto *secrets = find<QTreeView>(u"secrets"_s);
        if (!selectRow(secrets, secret))
            return {};
        const QList<QDialog *> before = m_app->window().findChildren<QDialog *>(u"secretValuesDialog"_s);
        find<QAction>(u"revealSecret"_s)->trigger();
        QPointer<QDialog> dialog;
        for (QDialog *opened : m_app->window().findChildren<QDialog *>(u"secretValuesDialog"_s)) {
            if (!before.contains(opened))
                dialog = opened;
        }
        if (!dialog
            || !QTest::qWaitFor([&] { return dialog && dialog->findChild<QWidget *>(u"secretValues"_s); }, 10000))
            return {};
        auto *field = dialog->findChild<sa::SecretField *>(u"value:"_s + key);
        if (!field)
            return {};
        field->setRevealed(true);
        return dialog;
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<Kubectl> m_kubectl;
    std::unique_ptr<sa::Application> m_app;
    Marker m_applied = randomMarker(u"applied secret"_s);
    Marker m_created = randomMarker(u"created secret"_s);
    Marker m_token {u"token secret"_s, {}};
    qint64 m_dumpSize = 0;
    int m_dumps = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // gdb attaches to this process from a child: allowed whatever Yama's ptrace_scope says.
        ::prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
        m_sim = std::make_unique<KubeSimProcess>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_kubectl = std::make_unique<Kubectl>(*m_sim);

        const QString applied = m_sim->tempPath() + u"/applied.yaml"_s;
        QVERIFY(writeWithMarker(applied,
                                R"(apiVersion: v1
kind: Namespace
metadata:
  name: vault
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: keeper
  namespace: vault
---
apiVersion: v1
kind: Secret
metadata:
  name: keeper-token
  namespace: vault
  annotations:
    kubernetes.io/service-account.name: keeper
type: kubernetes.io/service-account-token
---
apiVersion: v1
kind: Secret
metadata:
  name: applied
  namespace: vault
stringData:
  password: )"
                                "\"",
                                m_applied, "\"\n"));
        CommandResult result = m_kubectl->run({u"apply"_s, u"-f"_s, applied});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString created = m_sim->tempPath() + u"/created.txt"_s;
        QVERIFY(writeWithMarker(created, {}, m_created, {}));
        result = m_kubectl->run({u"create"_s, u"secret"_s, u"generic"_s, u"created"_s, u"-n"_s, u"vault"_s,
                                 u"--from-file=password="_s + created});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile::remove(applied);
        QFile::remove(created);

        // The token the controller put in keeper-token, read by kubectl into a file (not through this process's
        // pipes), then kept masked: its signature, the part that no other token shares.
        const QString tokenFile = m_sim->tempPath() + u"/token"_s;
        const auto readToken = [&] {
            const CommandResult read = runCommand(
                u"sh"_s,
                {u"-c"_s, u"\"$0\" get secret -n vault keeper-token -o 'jsonpath={.data.token}' | base64 -d > \"$1\""_s,
                 Kubectl::executable(), tokenFile},
                m_kubectl->environment());
            return read.exitCode == 0 && QFileInfo(tokenFile).size() > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(readToken(), 10000);
        {
            QByteArray jwt(int(QFileInfo(tokenFile).size()), '\0');
            const int fd = ::open(QFile::encodeName(tokenFile).constData(), O_RDONLY);
            QVERIFY(fd >= 0);
            QCOMPARE(::read(fd, jwt.data(), size_t(jwt.size())), jwt.size());
            ::close(fd);
            QFile::remove(tokenFile);
            const qsizetype dot = jwt.lastIndexOf('.');
            QVERIFY(dot > 0 && jwt.size() - dot > 40);
            m_token.masked = masked(jwt.constData() + dot + 1, jwt.size() - dot - 1);
            wipeBytes(jwt);
        }

        if (qEnvironmentVariableIsSet("SA_DEBUG_KEEP_CORE")) {
            for (const Marker &marker : {m_applied, m_created, m_token}) {
                QByteArray plain = marker.masked;
                for (char &c : plain)
                    c = char(c ^ kMask);
                qInfo("%s: %s", qPrintable(marker.what), plain.constData());
            }
        }
        m_app =
            std::make_unique<sa::Application>(sa::Application::Options {m_sim->kubeconfigPath(), {}, {}, false, {}});
        m_app->start();
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(u"connectionState"_s)->text().startsWith(u"● Connected as "_s), 20000);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_sim.reset();
    }

    // Everything listed (namespaces, accounts, secrets, the token audit) keeps no value.
    void listingKeepsNoValue()
    {
        auto *namespaces = find<QListView>(u"namespaces"_s);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(namespaces->model(), u"vault"_s).isValid(), 10000);
        namespaces->setCurrentIndex(findRow(namespaces->model(), u"vault"_s));
        QTRY_VERIFY_WITH_TIMEOUT(findRow(find<QTreeView>(u"serviceAccounts"_s)->model(), u"keeper"_s).isValid(), 10000);
        auto *tabs = find<QTabWidget>(u"kindTabs"_s);
        tabs->setCurrentIndex(1);
        auto *secrets = find<QTreeView>(u"secrets"_s);
        for (const QString &name : {u"applied"_s, u"created"_s, u"keeper-token"_s})
            QTRY_VERIFY_WITH_TIMEOUT(findRow(secrets->model(), name).isValid(), 10000);
        // The details of each secret, as a user would click through them.
        for (const QString &name : {u"applied"_s, u"created"_s, u"keeper-token"_s}) {
            QVERIFY(selectRow(secrets, name));
            QTest::qWait(50);
        }
        auto *tokens = find<sa::TokensPane>(u"tokensPane"_s);
        tabs->setCurrentWidget(tokens);
        QTRY_VERIFY_WITH_TIMEOUT(findRow(tokens->view()->model(), u"keeper-token"_s).isValid(), 10000);
        tabs->setCurrentIndex(1);
        settle();
        const QString found = foundMarkers({m_applied, m_created, m_token});
        QVERIFY2(found.isEmpty(), qPrintable(u"after listing, the memory holds "_s + found));
        qInfo("dump of %lld MB searched", m_dumpSize >> 20);
    }

    // Revealed, each value is in memory (the search finds what is there); closed, none is.
    void revealedValuesGoWithTheDialog()
    {
        QPointer<QDialog> applied = reveal(u"applied"_s, u"password"_s);
        QVERIFY(applied);
        QPointer<QDialog> created = reveal(u"created"_s, u"password"_s);
        QVERIFY(created);
        QPointer<QDialog> tokenSecret = reveal(u"keeper-token"_s, u"token"_s);
        QVERIFY(tokenSecret);
        const QStringList shown = findInDump({m_applied, m_created, m_token});
        QCOMPARE(shown.size(), 3);
        QVERIFY2(shown[0].contains(u"UTF-16 plain"_s), qPrintable(shown[0]));
        QVERIFY2(shown[1].contains(u"UTF-16 plain"_s), qPrintable(shown[1]));
        QVERIFY2(shown[2].contains(u"UTF-16 plain"_s), qPrintable(shown[2]));
        applied->reject();
        created->reject();
        tokenSecret->reject();
        QTRY_VERIFY(!applied && !created && !tokenSecret);
        settle();
        const QString found = foundMarkers({m_applied, m_created, m_token});
        QVERIFY2(found.isEmpty(), qPrintable(u"after Reveal values closed, the memory holds "_s + found));
    }

    // An issued token: in memory while its dialog shows it, gone when it closes.
    void issuedTokenGoesWithTheDialog()
    {
        find<QTabWidget>(u"kindTabs"_s)->setCurrentIndex(0);
        QVERIFY(selectRow(find<QTreeView>(u"serviceAccounts"_s), u"keeper"_s));
        find<QAction>(u"issueToken"_s)->trigger();
        QPointer<QDialog> dialog = m_app->window().findChild<QDialog *>(u"issueTokenDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        dialog->findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QWidget *>(u"tokenResult"_s), 10000);
        auto *field = dialog->findChild<sa::SecretField *>(u"token"_s);
        QVERIFY(field);
        const QByteArray &value = field->value().reveal(); // no copy: the field's own bytes
        const qsizetype dot = value.lastIndexOf('.');
        QVERIFY(dot > 0 && value.size() - dot > 40);
        const Marker issued {u"issued token"_s, masked(value.constData() + dot + 1, value.size() - dot - 1)};
        field->setRevealed(true);
        const QStringList shown = findInDump({issued});
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown[0].contains(u"plain"_s), qPrintable(shown[0]));
        dialog->reject();
        QTRY_VERIFY(!dialog);
        settle();
        const QString found = foundMarkers({issued, m_applied, m_created, m_token});
        QVERIFY2(found.isEmpty(), qPrintable(u"after the token dialog closed, the memory holds "_s + found));
    }
};

QTEST_MAIN(TestSecretMemory)
#include "tst_secretmemory.moc"
