// The YAML view, offscreen against kube-sim's demo cluster; what
// they did is checked on the server with a second client.

#include "KubeSimProcess.h"
#include "SimHttp.h"
#include "YamlJson.h"

#include "YamlDialog.h"
#include "api/KubeClient.h"
#include "config/Kubeconfig.h"
#include "resources/Resources.h"
#include "resources/Yaml.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

// With SA_SCREENSHOT_DIR set (see packaging/screenshot.sh), dialogs are saved there as PNG for the README.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name + u".png"_s);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

int mode(const QString &path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

} // namespace

class TestWorkloadDialogs : public QObject
{
    Q_OBJECT

private:
    QJsonObject get(const QString &path) const { return m_http->send("GET", path).json(); }

    std::unique_ptr<YamlDialog> openYaml(const QString &kind, const QString &ns, const QString &name)
    {
        auto dialog = std::make_unique<YamlDialog>(m_client.get(), kind, ns, name);
        dialog->show();
        return dialog;
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<KubeClient> m_client;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        const KubeconfigLoadResult loaded = KubeconfigLoader::load(m_sim->kubeconfigPath());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QString error;
        const std::optional<ResolvedContext> context = resolveContext(*loaded.config, {}, {}, &error);
        QVERIFY2(context, qPrintable(error));
        m_client = KubeClient::create(*context, &error);
        QVERIFY2(m_client, qPrintable(error));
    }

    void cleanup()
    {
        if (m_http)
            QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
    }

    void yamlOfServiceAccount()
    {
        const auto dialog = openYaml(u"ServiceAccount"_s, u"payments"_s, u"payments-api"_s);
        QCOMPARE(dialog->windowTitle(), u"YAML of ServiceAccount payments/payments-api"_s);
        auto *status = dialog->findChild<QLabel *>(u"yamlStatus"_s);
        QCOMPARE(status->text(), u"Loading…"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        QVERIFY(status->isHidden());
        QVERIFY(dialog->findChild<QPushButton *>(u"revealValues"_s)->isHidden()); // nothing secret here

        const QString text = dialog->findChild<QPlainTextEdit *>(u"yaml"_s)->toPlainText();
        QVERIFY2(text.startsWith(u"apiVersion: v1\nimagePullSecrets:\n- name: "_s), qPrintable(text));
        QString error;
        const QJsonValue parsed = yamlToJson(text.toUtf8(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject server = get(u"/api/v1/namespaces/payments/serviceaccounts/payments-api"_s);
        QCOMPARE(parsed.toObject(), withoutManagedFields(server));

        // Saved as shown; with nothing secret in it the file gets the usual permissions.
        const QString path = m_dir.filePath(u"payments-api.yaml"_s);
        QVERIFY2(dialog->saveTo(path, &error), qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), text);
        QVERIFY(!dialog->saveTo(m_dir.filePath(u"no-such-dir/x.yaml"_s), &error));
        QVERIFY2(error.startsWith(u"Could not save "_s), qPrintable(error));
    }

    void yamlOfSecretMaskedUntilRevealed()
    {
        const QJsonObject server = get(u"/api/v1/namespaces/payments/secrets/db-credentials"_s);
        const QJsonObject values = server[u"data"].toObject();
        QCOMPARE(values.size(), 3);

        const auto dialog = openYaml(u"Secret"_s, u"payments"_s, u"db-credentials"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        auto *yaml = dialog->findChild<QPlainTextEdit *>(u"yaml"_s);
        auto *reveal = dialog->findChild<QPushButton *>(u"revealValues"_s);
        QVERIFY(reveal->isVisible() && reveal->isEnabled() && !reveal->isChecked());
        QCOMPARE(reveal->shortcut(), QKeySequence(u"Ctrl+H"_s));
        const QString masked = yaml->toPlainText();
        for (auto it = values.begin(); it != values.end(); ++it)
            QVERIFY2(!masked.contains(it.value().toString()), qPrintable(it.key()));
        // Decoded too (the user name is "payments", as the namespace: not a telling check).
        QVERIFY(!masked.contains(u"demo-only-password"_s));
        QVERIFY(!masked.contains(u"postgres.payments.svc"_s));
        QVERIFY2(masked.contains(u"  password: •••••• (18 bytes)\n"_s), qPrintable(masked));
        QCOMPARE(yamlToJson(masked.toUtf8()).toObject(), maskSecretValues(server));
        saveScreenshot(dialog.get(), u"dialog-yaml"_s);

        // Saved masked: still nothing of the values in the file.
        QString error;
        const QString maskedPath = m_dir.filePath(u"db-credentials-masked.yaml"_s);
        QVERIFY2(dialog->saveTo(maskedPath, &error), qPrintable(error));
        QFile maskedFile(maskedPath);
        QVERIFY(maskedFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(maskedFile.readAll()), masked);

        // Revealing reads nothing more: with every GET of the secret failing from now on, the values still show.
        const QJsonObject faults {
            {"errors"_L1,
             QJsonArray {QJsonObject {{"path"_L1, "^/api/v1/namespaces/payments/secrets"_L1}, {"code"_L1, 500}}}}};
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, json(faults)).code, 200);
        reveal->click();
        QVERIFY(dialog->isRevealed());
        const QString revealed = yaml->toPlainText();
        QCOMPARE(yamlToJson(revealed.toUtf8()).toObject(), withoutManagedFields(server));
        QCOMPARE(yamlToJson(revealed.toUtf8())[u"data"].toObject(), values);
        QVERIFY(!(yaml->textInteractionFlags() & Qt::TextSelectableByMouse));

        // Saved revealed: the values, in a file only its owner may read, replacing an older one whole.
        const QString path = m_dir.filePath(u"db-credentials.yaml"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'x'));
        old.close();
        QVERIFY(old.setPermissions(old.permissions() | QFileDevice::ReadOther));
        QVERIFY2(dialog->saveTo(path, &error), qPrintable(error));
        QCOMPARE(mode(path), 0600);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), revealed);

        // Hidden, the dialog masks the values again.
        dialog->hide();
        QVERIFY(!dialog->isRevealed());
        QCOMPARE(yaml->toPlainText(), masked);
        dialog->show();
        QVERIFY(!dialog->isRevealed());
        QCOMPARE(yaml->toPlainText(), masked);
    }

    void yamlOfMissingObject()
    {
        const auto dialog = openYaml(u"Pod"_s, u"payments"_s, u"no-such-pod"_s);
        auto *status = dialog->findChild<QLabel *>(u"yamlStatus"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(),
                                  u"Could not read Pod payments/no-such-pod:\npods \"no-such-pod\" not found"_s, 10000);
        QVERIFY(status->isVisible());
        QVERIFY(!dialog->isLoaded());
        QVERIFY(!dialog->findChild<QPushButton *>(u"saveYaml"_s)->isEnabled());
        QString error;
        QVERIFY(!dialog->saveTo(m_dir.filePath(u"missing.yaml"_s), &error));
        QVERIFY(!QFile::exists(m_dir.filePath(u"missing.yaml"_s)));
    }
};

QTEST_MAIN(TestWorkloadDialogs)
#include "tst_workloaddialogs.moc"
