// The item models and the filter proxy, fed by informers from a real kube-sim: incremental updates (one insert
// block for a list, one row per watch event), no secret value in any role, labels, filters and sorting, and a
// bulk list of thousands of objects.

#include "KubeSimProcess.h"
#include "SimClient.h"
#include "SimHttp.h"
#include "ToolTips.h"

#include "ClusterSession.h"
#include "ResourceModels.h"
#include "api/Informer.h"
#include "api/KubeClient.h"
#include "config/Kubeconfig.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto kTestNamespace = "models-test"_L1;
constexpr auto kTester = QAbstractItemModelTester::FailureReportingMode::QtTest;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The row whose NameRole (and NamespaceRole) is given, or -1.
int rowNamed(const QAbstractItemModel &model, const QString &name, const QString &ns = kTestNamespace)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(sa::NameRole).toString() == name && index.data(sa::NamespaceRole).toString() == ns)
            return row;
    }
    return -1;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sa::Informer> startInformer(sa::KubeClient *client, const QString &path, sa::ListFormat format)
    {
        auto informer = std::make_unique<sa::Informer>(client, path, format);
        informer->start();
        return informer;
    }

    int send(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        const QByteArray contentType = verb == "PATCH" ? "application/merge-patch+json"_ba : "application/json"_ba;
        return m_http->send(verb, path, body.isEmpty() ? QByteArray() : json(body), contentType).code;
    }

    // A kubeconfig for kube-sim whose user is an exec plugin: a shell script that appends a line to RUNS each time it
    // runs, then does `body`. Empty on failure.
    QString execKubeconfig(const QString &name, const QByteArray &body, QString *runs) const
    {
        const QString dir = m_sim->tempPath();
        *runs = dir + u'/' + name + u".runs"_s;
        const QString script = dir + u'/' + name + u".sh"_s;
        QFile plugin(script);
        if (!plugin.open(QIODevice::WriteOnly)
            || plugin.write("#!/bin/sh\necho run >> '"_ba + runs->toUtf8() + "'\n"_ba + body) < 0
            || !plugin.setPermissions(plugin.permissions() | QFile::ExeOwner))
            return {};
        plugin.close();
        QFile admin(m_sim->kubeconfigPath());
        if (!admin.open(QIODevice::ReadOnly))
            return {};
        QByteArray config;
        for (const QByteArray &line : admin.readAll().split('\n')) {
            if (line.contains("client-certificate-data"))
                config += "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      interactiveMode: Never\n"
                          "      command: "_ba
                    + script.toUtf8() + '\n';
            else if (!line.contains("client-key-data"))
                config += line + '\n';
        }
        QFile file(dir + u'/' + name + u".kubeconfig"_s);
        if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
            return {};
        return file.fileName();
    }

    // A session on `kubeconfig`, started; null (with a warning saying why) when no client could be made.
    static std::unique_ptr<sa::ClusterSession> startSession(const QString &kubeconfig)
    {
        QString error;
        auto client = clientForKubeconfig(kubeconfig, &error);
        if (!client) {
            qWarning("client: %s", qPrintable(error));
            return nullptr;
        }
        auto session = std::make_unique<sa::ClusterSession>(std::move(client));
        session->start();
        return session;
    }

    static int lineCount(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }

    static QString accountsPath() { return u"/api/v1/namespaces/"_s + kTestNamespace + u"/serviceaccounts"_s; }

    // Secrets by the value types' reading of the informer's Table rows: the reference for the model and proxy.
    QList<sa::SecretMeta> referenceSecrets() const
    {
        QList<sa::SecretMeta> secrets;
        for (const QJsonObject &row : m_secrets->items())
            secrets.append(*sa::SecretMeta::fromTableItem(row));
        return secrets;
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<sa::KubeClient> m_client;
    std::unique_ptr<sa::Informer> m_namespaces;
    std::unique_ptr<sa::Informer> m_accounts;
    std::unique_ptr<sa::Informer> m_secrets;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<KubeSimProcess>(
            QStringList {u"--seed"_s, u"demo"_s, u"--static-token"_s, u"plugin-token,plugin-user,system:masters"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        QString error;
        m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
        QVERIFY2(m_client, qPrintable(error));
        QCOMPARE(send("POST", u"/api/v1/namespaces"_s, {{"metadata"_L1, QJsonObject {{"name"_L1, kTestNamespace}}}}),
                 201);
        using enum sa::ListFormat;
        m_namespaces = startInformer(m_client.get(), u"/api/v1/namespaces"_s, Objects);
        m_accounts = startInformer(m_client.get(), u"/api/v1/serviceaccounts"_s, Objects);
        m_secrets = startInformer(m_client.get(), u"/api/v1/secrets"_s, TableMetadata);
        for (const auto *informer : {&m_namespaces, &m_accounts, &m_secrets})
            QTRY_VERIFY_WITH_TIMEOUT((*informer)->state() == sa::Informer::State::Watching, 15000);
    }

    void cleanupTestCase()
    {
        for (auto *informer : {&m_namespaces, &m_accounts, &m_secrets})
            informer->reset();
    }

    void humanDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("clock skew") << qint64(-1) << u"0s"_s;
        QTest::newRow("invalid") << qint64(-5) << u"<invalid>"_s;
        QTest::newRow("seconds") << qint64(45) << u"45s"_s;
        QTest::newRow("under two minutes") << qint64(119) << u"119s"_s;
        QTest::newRow("minutes and seconds") << qint64(5 * 60 + 30) << u"5m30s"_s;
        QTest::newRow("whole minutes") << qint64(5 * 60) << u"5m"_s;
        QTest::newRow("minutes") << qint64(42 * 60 + 10) << u"42m"_s;
        QTest::newRow("hours and minutes") << qint64(3 * 3600 + 12 * 60) << u"3h12m"_s;
        QTest::newRow("hours") << qint64(20 * 3600 + 59 * 60) << u"20h"_s;
        QTest::newRow("days and hours") << qint64(3 * 86400 + 4 * 3600) << u"3d4h"_s;
        QTest::newRow("days") << qint64(696 * 86400) << u"696d"_s;
        QTest::newRow("years and days") << qint64((3 * 365 + 10) * 86400) << u"3y10d"_s;
        QTest::newRow("years") << qint64(9 * 365 * 86400) << u"9y"_s;
    }

    void humanDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(sa::humanDuration(std::chrono::seconds(seconds)), expected);
    }

    void typeLabel_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("label");
        QTest::newRow("dockerconfigjson") << u"kubernetes.io/dockerconfigjson"_s << u"Registry credentials"_s;
        QTest::newRow("dockercfg") << u"kubernetes.io/dockercfg"_s << u"Registry credentials"_s;
        QTest::newRow("token") << u"kubernetes.io/service-account-token"_s << u"Service account token"_s;
        QTest::newRow("helm") << u"helm.sh/release.v1"_s << u"Helm release"_s;
        QTest::newRow("opaque") << u"Opaque"_s << u"Opaque"_s;
        QTest::newRow("tls") << u"kubernetes.io/tls"_s << u"TLS"_s;
        QTest::newRow("basic auth") << u"kubernetes.io/basic-auth"_s << u"Basic auth"_s;
        QTest::newRow("ssh") << u"kubernetes.io/ssh-auth"_s << u"SSH key"_s;
        QTest::newRow("bootstrap") << u"bootstrap.kubernetes.io/token"_s << u"Bootstrap token"_s;
        QTest::newRow("other") << u"example.com/custom"_s << u"example.com/custom"_s;
    }

    void typeLabel()
    {
        QFETCH(QString, type);
        QFETCH(QString, label);
        QCOMPARE(sa::SecretModel::typeLabel(type), label);
    }

    void initialListIsOneInsert()
    {
        sa::Informer informer(m_client.get(), u"/api/v1/serviceaccounts"_s, sa::ListFormat::Objects);
        sa::ServiceAccountModel model;
        model.setInformer(&informer);
        QAbstractItemModelTester check(&model, kTester);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy synced(&informer, &sa::Informer::synced);
        informer.start();
        QVERIFY(synced.wait(15000));
        QVERIFY(informer.items().size() > 10);
        QCOMPARE(model.rowCount(), informer.items().size());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), model.rowCount() - 1);
        QCOMPARE(reset.size(), 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString uid = model.index(row, 0).data(sa::UidRole).toString();
            QVERIFY(informer.items().contains(uid));
            QCOMPARE(model.indexOfUid(uid).row(), row);
        }
    }

    void serviceAccountChangesAreIncremental()
    {
        sa::ServiceAccountModel model;
        model.setInformer(m_accounts.get());
        sa::ResourceFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(sa::ServiceAccountModel::NameColumn);
        QAbstractItemModelTester checkModel(&model, kTester);
        QAbstractItemModelTester checkProxy(&proxy, kTester);
        QCOMPARE(model.rowCount(), m_accounts->items().size());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        const QJsonObject account {
            {"metadata"_L1, QJsonObject {{"name"_L1, "incremental"_L1}}},
            {"imagePullSecrets"_L1,
             QJsonArray {QJsonObject {{"name"_L1, "reg-a"_L1}}, QJsonObject {{"name"_L1, "reg-b"_L1}}}},
            {"automountServiceAccountToken"_L1, false}};
        QCOMPARE(send("POST", accountsPath(), account), 201);
        QTRY_COMPARE(inserted.size(), 1);
        const int row = rowNamed(model, u"incremental"_s);
        QVERIFY(row >= 0);
        QCOMPARE(inserted.first().at(1).toInt(), row);
        QCOMPARE(inserted.first().at(2).toInt(), row);
        const auto cell = [&model, row](int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(sa::ServiceAccountModel::NamespaceColumn).toString(), kTestNamespace);
        QCOMPARE(cell(sa::ServiceAccountModel::SecretsColumn).toString(), u"0"_s);
        QCOMPARE(cell(sa::ServiceAccountModel::SecretsColumn, sa::SortRole).typeId(), QMetaType::Int);
        QCOMPARE(cell(sa::ServiceAccountModel::PullSecretsColumn).toString(), u"reg-a, reg-b"_s);
        QCOMPARE(cell(sa::ServiceAccountModel::AutomountColumn).toString(), u"off"_s);
        QVERIFY(QRegularExpression(u"^\\d+s$"_s).match(cell(sa::ServiceAccountModel::AgeColumn).toString()).hasMatch());
        QCOMPARE(cell(sa::ServiceAccountModel::AgeColumn, sa::SortRole).typeId(), QMetaType::QDateTime);
        QCOMPARE(model.accountAt(row)->imagePullSecrets, QStringList({u"reg-a"_s, u"reg-b"_s}));
        QVERIFY(!cell(0, sa::IsDefaultRole).toBool());
        QVERIFY(rowNamed(proxy, u"incremental"_s) >= 0);

        // Another client changes it: one dataChanged on that row, naming what changed.
        changed.clear();
        QCOMPARE(send("PATCH", accountsPath() + u"/incremental"_s,
                      {{"metadata"_L1, QJsonObject {{"labels"_L1, QJsonObject {{"team"_L1, "okapi"_L1}}}}},
                       {"automountServiceAccountToken"_L1, true}}),
                 200);
        QTRY_COMPARE(changed.size(), 1);
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        const auto roles = changed.first().at(2).value<QList<int>>();
        QCOMPARE(topLeft.row(), row);
        QCOMPARE(bottomRight.row(), row);
        QVERIFY(topLeft.column() <= sa::ServiceAccountModel::AutomountColumn);
        QVERIFY(bottomRight.column() >= sa::ServiceAccountModel::AutomountColumn);
        QVERIFY(roles.contains(sa::LabelsRole));
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(!roles.contains(sa::NameRole));
        QCOMPARE(cell(sa::ServiceAccountModel::AutomountColumn).toString(), u"on"_s);
        QCOMPARE(cell(0, sa::LabelsRole).toString(), u"team=okapi"_s);

        // A change to nothing shown (an annotation) is no change to the model.
        changed.clear();
        QCOMPARE(send("PATCH", accountsPath() + u"/incremental"_s,
                      {{"metadata"_L1, QJsonObject {{"annotations"_L1, QJsonObject {{"note"_L1, "x"_L1}}}}}}),
                 200);
        QTRY_VERIFY(model.itemAt(row)[u"metadata"][u"annotations"][u"note"] == "x"_L1);
        QCOMPARE(changed.size(), 0);

        const QString uid = cell(0, sa::UidRole).toString();
        const int before = model.rowCount();
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", accountsPath() + u"/incremental"_s)));
        QTRY_COMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), row);
        QCOMPARE(removed.first().at(2).toInt(), row);
        QCOMPARE(model.rowCount(), before - 1);
        QVERIFY(!model.indexOfUid(uid).isValid());
        QCOMPARE(rowNamed(proxy, u"incremental"_s), -1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(moved.size(), 0);
        // Every row still maps back to itself after the gap closed.
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.indexOfUid(model.index(r, 0).data(sa::UidRole).toString()).row(), r);
    }

    void manyChangesInOneTurn()
    {
        sa::ServiceAccountModel model;
        model.setInformer(m_accounts.get());
        QAbstractItemModelTester check(&model, kTester);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 12; ++i) {
            const QJsonObject account {
                {"metadata"_L1, QJsonObject {{"name"_L1, QString(u"burst-"_s + QString::number(i))}}}};
            QCOMPARE(send("POST", accountsPath(), account), 201);
        }
        QTRY_COMPARE(model.rowCount(), m_accounts->items().size());
        QTRY_VERIFY(rowNamed(model, u"burst-11"_s) >= 0);
        for (int i = 0; i < 12; i += 2)
            QVERIFY(
                QList<int>({200, 202}).contains(send("DELETE", accountsPath() + u"/burst-"_s + QString::number(i))));
        QTRY_COMPARE(rowNamed(model, u"burst-10"_s), -1);
        QCOMPARE(model.rowCount(), m_accounts->items().size());
        for (int i = 0; i < 12; ++i)
            QCOMPARE(rowNamed(model, u"burst-"_s + QString::number(i)) >= 0, i % 2 == 1);
        QVERIFY(inserted.size() <= 12);
        QVERIFY(removed.size() <= 6);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.indexOfUid(model.index(row, 0).data(sa::UidRole).toString()).row(), row);
    }

    void defaultAccountsMarked()
    {
        sa::ServiceAccountModel model;
        model.setInformer(m_accounts.get());
        QAbstractItemModelTester check(&model, kTester);
        int defaults = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex name = model.index(row, sa::ServiceAccountModel::NameColumn);
            const bool isDefault = name.data(sa::IsDefaultRole).toBool();
            QCOMPARE(isDefault, name.data(sa::NameRole).toString() == "default"_L1);
            QCOMPARE(name.data(Qt::ToolTipRole).isValid(), isDefault);
            // Visible without hovering: in the text and in italics.
            QCOMPARE(name.data().toString(),
                     isDefault ? u"default (namespace default)"_s : name.data(sa::NameRole).toString());
            QCOMPARE(name.data(Qt::FontRole).value<QFont>().italic(), isDefault);
            defaults += isDefault;
        }
        QCOMPARE(defaults, m_namespaces->items().size());
    }

    void secretsNeverExposeValues()
    {
        const QByteArray value = "models-pa55-w0rd-7731";
        sa::SecretModel model;
        model.setInformer(m_secrets.get());
        sa::ResourceFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester checkModel(&model, kTester);
        QAbstractItemModelTester checkProxy(&proxy, kTester);
        QCOMPARE(send("POST", u"/api/v1/namespaces/"_s + kTestNamespace + u"/secrets"_s,
                      {{"metadata"_L1, QJsonObject {{"name"_L1, "hush"_L1}}},
                       {"stringData"_L1, QJsonObject {{"password"_L1, QString::fromLatin1(value)}}}}),
                 201);
        QTRY_VERIFY(rowNamed(model, u"hush"_s) >= 0);
        const int row = rowNamed(model, u"hush"_s);
        QCOMPARE(model.index(row, sa::SecretModel::KeysColumn).data().toString(), u"1"_s);
        QCOMPARE(model.index(row, sa::SecretModel::TypeColumn).data().toString(), u"Opaque"_s);
        QCOMPARE(model.secretAt(row)->keyCount, 1);

        const QList<QByteArray> forbidden {value, value.toBase64(), "demo-only-password", "ZGVtby1vbmx5LXBhc3N3b3Jk"};
        const auto leaks = [&forbidden](const QByteArray &text) {
            return std::any_of(forbidden.cbegin(), forbidden.cend(),
                               [&text](const QByteArray &secret) { return text.contains(secret); });
        };
        for (int r = 0; r < model.rowCount(); ++r) {
            QVERIFY(!leaks(json(model.itemAt(r))));
            for (int column = 0; column < model.columnCount(); ++column) {
                for (int role = 0; role < sa::RoleEnd + 8; ++role) {
                    const QVariant data = model.index(r, column).data(role);
                    const QByteArray text =
                        data.canConvert<QJsonObject>() ? json(data.toJsonObject()) : data.toString().toUtf8();
                    QVERIFY2(!leaks(text), qPrintable(u"row %1 column %2 role %3"_s.arg(r).arg(column).arg(role)));
                }
            }
        }
    }

    void secretTypeLabels()
    {
        sa::SecretModel model;
        model.setInformer(m_secrets.get());
        QAbstractItemModelTester check(&model, kTester);
        QSet<QString> types;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex type = model.index(row, sa::SecretModel::TypeColumn);
            const QString raw = type.data(sa::SecretTypeRole).toString();
            QVERIFY(!raw.isEmpty());
            QCOMPARE(type.data().toString(), sa::SecretModel::typeLabel(raw));
            types.insert(raw);
        }
        for (const QString &type : {u"helm.sh/release.v1"_s, u"kubernetes.io/tls"_s, u"Opaque"_s,
                                    u"kubernetes.io/dockerconfigjson"_s, u"kubernetes.io/service-account-token"_s})
            QVERIFY2(types.contains(type), qPrintable(type));
    }

    void secretFilters_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<bool>("hideHelm");
        QTest::addColumn<bool>("none"); // whether nothing matches
        const QStringList all;
        QTest::newRow("everything") << QString() << QString() << all << false << false;
        QTest::newRow("namespace") << u"payments"_s << QString() << all << false << false;
        QTest::newRow("hide helm") << QString() << QString() << all << true << false;
        QTest::newRow("payments without helm") << u"payments"_s << QString() << all << true << false;
        // monitoring's secrets are Helm releases and one legacy token (prometheus-operator-legacy-token).
        QTest::newRow("monitoring without helm") << u"monitoring"_s << QString() << all << true << false;
        QTest::newRow("monitoring: no tls")
            << u"monitoring"_s << QString() << QStringList {u"kubernetes.io/tls"_s} << false << true;
        QTest::newRow("tls") << QString() << QString() << QStringList {u"kubernetes.io/tls"_s} << false << false;
        QTest::newRow("registry and tokens")
            << QString() << QString()
            << QStringList {u"kubernetes.io/dockerconfigjson"_s, u"kubernetes.io/service-account-token"_s} << false
            << false;
        QTest::newRow("text in name") << QString() << u"CREDENTIALS"_s << all << false << false;
        QTest::newRow("text in labels") << QString() << u"owner=HELM"_s << all << false << false;
        QTest::newRow("text in labels, helm hidden") << QString() << u"owner=helm"_s << all << true << true;
    }

    void secretFilters()
    {
        QFETCH(QString, ns);
        QFETCH(QString, text);
        QFETCH(QStringList, types);
        QFETCH(bool, hideHelm);
        QFETCH(bool, none);
        sa::SecretModel model;
        model.setInformer(m_secrets.get());
        sa::ResourceFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(sa::SecretModel::NameColumn);
        QAbstractItemModelTester check(&proxy, kTester);
        QSignalSpy proxyReset(&proxy, &QAbstractItemModel::modelReset);
        QSignalSpy sourceReset(&model, &QAbstractItemModel::modelReset);
        proxy.setNamespaceFilter(ns);
        proxy.setTextFilter(text);
        proxy.setSecretTypes(types);
        proxy.setHideHelmReleases(hideHelm);

        QSet<QString> expected;
        for (const sa::SecretMeta &secret : referenceSecrets()) {
            QStringList labels;
            for (auto it = secret.meta.labels.cbegin(); it != secret.meta.labels.cend(); ++it)
                labels.append(it.key() + u'=' + it.value());
            const bool matches = (ns.isEmpty() || secret.meta.ns == ns)
                && (types.isEmpty() || types.contains(secret.type))
                && !(hideHelm && secret.type == "helm.sh/release.v1"_L1)
                && (text.isEmpty() || secret.meta.name.contains(text, Qt::CaseInsensitive)
                    || labels.join(u' ').contains(text, Qt::CaseInsensitive));
            if (matches)
                expected.insert(secret.meta.uid);
        }
        QSet<QString> shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.insert(proxy.index(row, 0).data(sa::UidRole).toString());
        QCOMPARE(shown, expected);
        QCOMPARE(expected.isEmpty(), none);
        QCOMPARE(proxyReset.size(), 0);
        QCOMPARE(sourceReset.size(), 0);
    }

    void helmReleasesHidden()
    {
        sa::SecretModel model;
        model.setInformer(m_secrets.get());
        sa::ResourceFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester check(&proxy, kTester);
        const auto helmIn = [&proxy](const QString &ns) {
            int count = 0;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                const QModelIndex index = proxy.index(row, 0);
                count += index.data(sa::NamespaceRole).toString() == ns
                    && index.data(sa::SecretTypeRole).toString() == "helm.sh/release.v1"_L1;
            }
            return count;
        };
        QCOMPARE(helmIn(u"payments"_s), 3);
        QCOMPARE(helmIn(u"monitoring"_s), 3);
        const int all = proxy.rowCount();
        proxy.setHideHelmReleases(true);
        QCOMPARE(helmIn(u"payments"_s), 0);
        QCOMPARE(helmIn(u"monitoring"_s), 0);
        QCOMPARE(proxy.rowCount(), all - 6);
        proxy.setHideHelmReleases(false);
        QCOMPARE(proxy.rowCount(), all);
    }

    void textFilterFollowsLabelChanges()
    {
        sa::ServiceAccountModel model;
        model.setInformer(m_accounts.get());
        sa::ResourceFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester check(&proxy, kTester);
        QCOMPARE(send("POST", accountsPath(), {{"metadata"_L1, QJsonObject {{"name"_L1, "zebra-finder"_L1}}}}), 201);
        QTRY_VERIFY(rowNamed(model, u"zebra-finder"_s) >= 0);
        proxy.setTextFilter(u"ZEBRA"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setTextFilter(u"Pangolin"_s);
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(send("PATCH", accountsPath() + u"/zebra-finder"_s,
                      {{"metadata"_L1, QJsonObject {{"labels"_L1, QJsonObject {{"mascot"_L1, "pangolin"_L1}}}}}}),
                 200);
        QTRY_COMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(sa::NameRole).toString(), u"zebra-finder"_s);
        proxy.setNamespaceFilter(u"payments"_s);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setTextFilter({});
        QCOMPARE(proxy.rowCount(), 3); // default, payments-api, payments-worker
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", accountsPath() + u"/zebra-finder"_s)));
        QTRY_COMPARE(rowNamed(model, u"zebra-finder"_s), -1);
    }

    // An annotation's value in a tooltip reads as written: markup in it is not rendered (nor an <img> loaded).
    void tooltipsShowServerTextAsText()
    {
        sa::ServiceAccountModel model;
        model.setInformer(m_accounts.get());
        const QString principal = u"<img src=x><b>bold</b>@project.iam.gserviceaccount.com"_s;
        QCOMPARE(
            send("POST", accountsPath(),
                 {{"metadata"_L1,
                   QJsonObject {{"name"_L1, "marked-up"_L1},
                                {"annotations"_L1, QJsonObject {{"iam.gke.io/gcp-service-account"_L1, principal}}}}}}),
            201);
        QTRY_VERIFY(rowNamed(model, u"marked-up"_s) >= 0);
        const QString tip = model.index(rowNamed(model, u"marked-up"_s), sa::ServiceAccountModel::IdentityColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY2(toolTipAsShown(tip).contains(principal), qPrintable(tip));
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", accountsPath() + u"/marked-up"_s)));
        QTRY_COMPARE(rowNamed(model, u"marked-up"_s), -1);
    }

    void sortByAgeUsesTimes()
    {
        QTest::qWait(1100); // so that the next account is strictly the newest
        QCOMPARE(send("POST", accountsPath(), {{"metadata"_L1, QJsonObject {{"name"_L1, "newest"_L1}}}}), 201);
        sa::ServiceAccountModel model;
        model.setInformer(m_accounts.get());
        sa::ResourceFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester check(&proxy, kTester);
        QTRY_VERIFY(rowNamed(model, u"newest"_s) >= 0);
        proxy.sort(sa::ServiceAccountModel::AgeColumn, Qt::AscendingOrder);
        const auto created = [&proxy](int row) {
            return proxy.index(row, sa::ServiceAccountModel::AgeColumn).data(sa::SortRole).toDateTime();
        };
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(created(row - 1) <= created(row));
        QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data(sa::NameRole).toString(), u"newest"_s);
        proxy.sort(sa::ServiceAccountModel::AgeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(sa::NameRole).toString(), u"newest"_s);
        QVERIFY(created(0).isValid());
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", accountsPath() + u"/newest"_s)));
        QTRY_COMPARE(rowNamed(model, u"newest"_s), -1);
    }

    void namespaces()
    {
        sa::NamespaceModel model;
        model.setInformer(m_namespaces.get());
        QAbstractItemModelTester check(&model, kTester);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(model.rowCount(), m_namespaces->items().size());
        const int row = rowNamed(model, u"payments"_s, {});
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, sa::NamespaceModel::StatusColumn).data().toString(), u"Active"_s);
        QCOMPARE(model.index(row, sa::NamespaceModel::AgeColumn).data(sa::SortRole).typeId(), QMetaType::QDateTime);
        QCOMPARE(model.headerData(sa::NamespaceModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);

        QCOMPARE(send("POST", u"/api/v1/namespaces"_s, {{"metadata"_L1, QJsonObject {{"name"_L1, "models-short"_L1}}}}),
                 201);
        QTRY_COMPARE(inserted.size(), 1);
        QVERIFY(QList<int>({200, 202}).contains(send("DELETE", u"/api/v1/namespaces/models-short"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rowNamed(model, u"models-short"_s, {}), -1, 15000);
        QCOMPARE(model.rowCount(), m_namespaces->items().size());
    }

    void informerGoneEmptiesModel()
    {
        auto informer = startInformer(m_client.get(), u"/api/v1/namespaces"_s, sa::ListFormat::Objects);
        QTRY_VERIFY(informer->hasSynced());
        sa::NamespaceModel model;
        model.setInformer(informer.get());
        QAbstractItemModelTester check(&model, kTester);
        QVERIFY(model.rowCount() > 0);
        informer.reset();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.informer(), nullptr);
    }

    void sessionRunsAWorkingPluginOnce()
    {
        // kubectl runs the plugin once per command; a session, whose nine lists and identity request all need the
        // credential at once, once until the credential expires.
        QString runs;
        const QString kubeconfig = execKubeconfig(
            u"working-plugin"_s,
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":"
            "{\"token\":\"plugin-token\",\"expirationTimestamp\":\"2099-01-01T00:00:00Z\"}}'\n",
            &runs);
        QVERIFY(!kubeconfig.isEmpty());
        const auto session = startSession(kubeconfig);
        QVERIFY(session);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), sa::ClusterSession::State::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session->identity(), u"plugin-user (system:masters)"_s, 10000);
        QTest::qWait(500);
        QCOMPARE(lineCount(runs), 1);
        QVERIFY(session->problems().isEmpty());
    }

    void sessionBacksOffAFailingPlugin()
    {
        // A plugin that fails runs once per backoff step (1 s, 2 s, ...), not once per list and retry, and the
        // session says why once.
        QString runs;
        const QString kubeconfig =
            execKubeconfig(u"failing-plugin"_s, "echo 'token expired, log in again' >&2\nexit 1\n"_ba, &runs);
        QVERIFY(!kubeconfig.isEmpty());
        const auto session = startSession(kubeconfig);
        QVERIFY(session);
        QTest::qWait(3500);
        const int count = lineCount(runs);
        QVERIFY2(count >= 2 && count <= 3, qPrintable(QString::number(count)));
        QCOMPARE(session->state(), sa::ClusterSession::State::Failed);
        const QList<sa::ProblemGroups::Entry> problems = session->problems().entries();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().summary.startsWith(u"Cannot get credentials for this cluster: exec: executable "_s)
                     && problems.first().summary.endsWith(u"failing-plugin.sh failed with exit code 1"_s),
                 qPrintable(problems.first().summary));
        QCOMPARE(problems.first().resources.size(), session->listCount());
        QVERIFY(problems.first().details.first().sentence.contains(u"token expired, log in again"_s));
    }

    void bulkScale()
    {
        KubeSimProcess sim({u"--seed"_s, u"large:200:2000:6000"_s});
        QVERIFY2(sim.start(), qPrintable(sim.error()));
        QString error;
        const auto client = clientForKubeconfig(sim.kubeconfigPath(), &error);
        QVERIFY2(client, qPrintable(error));

        // A raw fetch of the same lists, for scale.
        QElapsedTimer timer;
        timer.start();
        for (const auto &[path, format] : {std::pair {u"/api/v1/serviceaccounts"_s, sa::ListFormat::Objects},
                                           std::pair {u"/api/v1/secrets"_s, sa::ListFormat::TableMetadata}}) {
            sa::ListPager pager(client.get(), path, format);
            QSignalSpy finished(&pager, &sa::ListPager::finished);
            pager.start();
            QVERIFY(finished.wait(60000));
        }
        const qint64 rawMs = timer.elapsed();

        sa::ServiceAccountModel accounts;
        sa::SecretModel secrets;
        sa::ResourceFilterProxy accountView;
        sa::ResourceFilterProxy secretView;
        accountView.setSourceModel(&accounts);
        secretView.setSourceModel(&secrets);
        accountView.sort(sa::ServiceAccountModel::NameColumn);
        secretView.sort(sa::SecretModel::AgeColumn);
        secretView.setHideHelmReleases(true);
        QSignalSpy accountInserts(&accounts, &QAbstractItemModel::rowsInserted);
        QSignalSpy secretInserts(&secrets, &QAbstractItemModel::rowsInserted);
        sa::Informer accountInformer(client.get(), u"/api/v1/serviceaccounts"_s, sa::ListFormat::Objects);
        sa::Informer secretInformer(client.get(), u"/api/v1/secrets"_s, sa::ListFormat::TableMetadata);
        accounts.setInformer(&accountInformer);
        secrets.setInformer(&secretInformer);
        timer.restart();
        accountInformer.start();
        secretInformer.start();
        QTRY_VERIFY_WITH_TIMEOUT(accountInformer.hasSynced() && secretInformer.hasSynced(), 60000);
        const qint64 modelMs = timer.elapsed();
        qInfo("raw list: %lld ms; informers + models + sorted proxies: %lld ms", rawMs, modelMs);

        QVERIFY(accounts.rowCount() >= 2000 + 200);
        QVERIFY(secrets.rowCount() >= 6000);
        QCOMPARE(accounts.rowCount(), accountInformer.items().size());
        QCOMPARE(secrets.rowCount(), secretInformer.items().size());
        QCOMPARE(accountView.rowCount(), accounts.rowCount());
        QVERIFY(secretView.rowCount() > 0 && secretView.rowCount() < secrets.rowCount());
        // Inserted in blocks of whole pages (the informer applies a list page by page and the model gathers the
        // pages of a moment, so that the GUI never stalls): at most one block per page, never one per object.
        QVERIFY(accountInserts.size() >= 1 && accountInserts.size() <= (accounts.rowCount() + 499) / 500);
        QVERIFY(secretInserts.size() >= 1 && secretInserts.size() <= (secrets.rowCount() + 499) / 500);
        QVERIFY2(modelMs < 20000, qPrintable(QString::number(modelMs)));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
