// Cloud workload identity, offscreen against kube-sim: "Edit identity annotations" and the identity fields of "New
// service account" refuse malformed values with the reason and keep OK disabled; what they apply is read back from
// the server with a second client; the accounts' table and the details pane show which identity an account assumes.

#include "Accessibility.h"
#include "KubeSimProcess.h"
#include "Screenshot.h"
#include "SimClient.h"
#include "SimHttp.h"
#include "ToolTips.h"

#include "CreateServiceAccountDialog.h"
#include "DetailsPane.h"
#include "IdentityAnnotationsDialog.h"
#include "ResourceModels.h"
#include "ServiceAccountUsage.h"
#include "api/Informer.h"
#include "api/KubeClient.h"
#include "resources/Resources.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

const QString kRoleArn = u"eks.amazonaws.com/role-arn"_s;
const QString kAudience = u"eks.amazonaws.com/audience"_s;
const QString kEksExpiration = u"eks.amazonaws.com/token-expiration"_s;
const QString kGsa = u"iam.gke.io/gcp-service-account"_s;
const QString kClientId = u"azure.workload.identity/client-id"_s;
const QString kTenantId = u"azure.workload.identity/tenant-id"_s;
const QString kAzureExpiration = u"azure.workload.identity/service-account-token-expiration"_s;

const QString kArn = u"arn:aws:iam::123456789012:role/ci-deployer"_s;
const QString kClient = u"1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d"_s;

} // namespace

class TestIdentityDialogs : public QObject
{
    Q_OBJECT

private:
    QString accountPath(const QString &name) const { return u"/api/v1/namespaces/payments/serviceaccounts/"_s + name; }

    // The account's annotations as the server has them now.
    QJsonObject annotationsOnServer(const QString &name) const
    {
        const HttpResult answer = m_http->send("GET", accountPath(name));
        if (answer.code != 200)
            return {{"error"_L1, QString::number(answer.code)}};
        return answer.json()[u"metadata"][u"annotations"].toObject();
    }

    // Creates payments/NAME with `annotations`; the ServiceAccount as the server answered.
    std::optional<ServiceAccount> createAccount(const QString &name, const QJsonObject &annotations)
    {
        const QJsonObject account {{"apiVersion"_L1, "v1"_L1},
                                   {"kind"_L1, "ServiceAccount"_L1},
                                   {"metadata"_L1, QJsonObject {{"name"_L1, name}, {"annotations"_L1, annotations}}}};
        const HttpResult answer = m_http->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s,
                                               QJsonDocument(account).toJson(QJsonDocument::Compact));
        if (answer.code != 201)
            return std::nullopt;
        return ServiceAccount::fromJson(answer.json());
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<KubeClient> m_client;

private Q_SLOTS:
    // Each function gets a cluster of its own.
    void init()
    {
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        QString error;
        m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
        QVERIFY2(m_client, qPrintable(error));
    }

    void cleanup()
    {
        m_client.reset();
        m_http.reset();
        if (m_sim)
            QCOMPARE(m_sim->stop(), 0);
        m_sim.reset();
    }

    // Malformed values keep OK disabled with the reason; correct ones are on the server after OK, an emptied field
    // removes its annotation, and the account's other annotations stay.
    void editAnnotations()
    {
        const auto account = createAccount(u"ci-deployer"_s,
                                           {{"team"_L1, "ci"_L1},
                                            {kAudience, "sts.amazonaws.com"_L1},
                                            {kRoleArn, "arn:aws:iam::123456789012:role/old"_L1}});
        QVERIFY(account);
        IdentityAnnotationsDialog dialog(m_client.get(), *account);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), u"Cloud identity of payments/ci-deployer"_s);
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
        const auto field = [&dialog](const QString &key) { return dialog.findChild<QLineEdit *>(key); };
        // What the account has, in its fields; nothing changed yet, nothing to complain about.
        QCOMPARE(field(kRoleArn)->text(), u"arn:aws:iam::123456789012:role/old"_s);
        QCOMPARE(field(kAudience)->text(), u"sts.amazonaws.com"_s);
        QVERIFY(field(kGsa)->text().isEmpty());
        QVERIFY(!ok->isEnabled());
        QVERIFY(error->isHidden());
        QVERIFY2(unnamedControls(&dialog).isEmpty(), qPrintable(unnamedControls(&dialog).join(u", "_s)));
        SA_VERIFY_LABELS_SPOKEN(&dialog);

        // Wrong formats, one after the other: OK stays disabled and the reason says what is wrong.
        const struct
        {
            QString key, value, reason;
        } wrong[] {
            {kRoleArn, u"ci-deployer"_s, u"AWS — IAM role ARN: An IAM role ARN starts with arn:aws"_s},
            {kRoleArn, u"arn:aws:iam::1234:role/ci-deployer"_s, u"12-digit account"_s},
            {kEksExpiration, u"300"_s, u"Token expiration (s): At least 600 seconds"_s},
            {kEksExpiration, u"1h"_s, u"whole number of seconds"_s},
            {kGsa, u"ci@my-project.iam.gserviceaccount.com"_s, u"GCP — Google service account: The name before @"_s},
            {kGsa, u"ci-deployer@gmail.com"_s, u"@PROJECT_ID.iam.gserviceaccount.com"_s},
            {kClientId, u"ci-deployer"_s, u"Azure — Client ID: A client ID is a GUID"_s},
            {kAzureExpiration, u"600"_s, u"Client ID: required, the other annotations do nothing without it"_s},
        };
        for (const auto &each : wrong) {
            // The earlier fields of each row are right, so that the reason shown is this one's.
            field(kRoleArn)->setText(kArn);
            field(kEksExpiration)->clear();
            field(kGsa)->clear();
            field(kClientId)->clear();
            field(kAzureExpiration)->clear();
            QVERIFY(ok->isEnabled());
            field(each.key)->clear();
            QTest::keyClicks(field(each.key), each.value);
            QVERIFY2(!ok->isEnabled(), qPrintable(each.value));
            QVERIFY2(error->isVisible(), qPrintable(each.value));
            QVERIFY2(error->text().contains(each.reason), qPrintable(each.value + u" → "_s + error->text()));
            QCOMPARE(spokenName(error), error->text());
        }
        field(kAzureExpiration)->setText(u"90000"_s);
        field(kClientId)->setText(kClient);
        QVERIFY2(error->text().contains(u"From 3600 to 86400 seconds"_s), qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());
        saveScreenshot(&dialog, u"dialog-identity-annotations-refused"_s);

        // Right ones: set, changed and (the audience) removed; OK applies them.
        field(kAzureExpiration)->setText(u"7200"_s);
        field(kTenantId)->setText(u"  72f988bf-86f1-41af-91ab-2d7cd011db47 "_s); // trimmed
        field(kAudience)->clear();
        QVERIFY2(ok->isEnabled(), qPrintable(error->text()));
        QVERIFY(error->isHidden());
        const QMap<QString, std::optional<QString>> expected {{kRoleArn, kArn},
                                                              {kAudience, std::nullopt},
                                                              {kClientId, kClient},
                                                              {kTenantId, u"72f988bf-86f1-41af-91ab-2d7cd011db47"_s},
                                                              {kAzureExpiration, u"7200"_s}};
        QCOMPARE(dialog.changes(), expected);
        saveScreenshot(&dialog, u"dialog-identity-annotations"_s);
        // Meanwhile someone else annotates the account: a merge patch of our keys only keeps that too.
        QCOMPARE(m_http
                     ->send("PATCH", accountPath(u"ci-deployer"_s),
                            R"({"metadata":{"annotations":{"owner":"platform-team"}}})", "application/merge-patch+json")
                     .code,
                 200);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QJsonObject onServer = annotationsOnServer(u"ci-deployer"_s);
        const QJsonObject wanted {{"team"_L1, "ci"_L1},
                                  {"owner"_L1, "platform-team"_L1},
                                  {kRoleArn, kArn},
                                  {kClientId, kClient},
                                  {kTenantId, "72f988bf-86f1-41af-91ab-2d7cd011db47"_L1},
                                  {kAzureExpiration, "7200"_L1}};
        QCOMPARE(onServer, wanted);
    }

    // Removing every identity annotation leaves the others; the dialog opened again shows what is there.
    void removeAnnotations()
    {
        const auto account = createAccount(
            u"gke-reader"_s, {{"team"_L1, "data"_L1}, {kGsa, "reader-bot@my-project.iam.gserviceaccount.com"_L1}});
        QVERIFY(account);
        IdentityAnnotationsDialog dialog(m_client.get(), *account);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *gsa = dialog.findChild<QLineEdit *>(kGsa);
        QCOMPARE(gsa->text(), u"reader-bot@my-project.iam.gserviceaccount.com"_s);
        gsa->clear();
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        QVERIFY(ok->isEnabled());
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
        QCOMPARE(annotationsOnServer(u"gke-reader"_s), QJsonObject({{"team"_L1, "data"_L1}}));

        // The server refusing the change keeps the dialog open with its sentence.
        QCOMPARE(m_http->send("DELETE", accountPath(u"gke-reader"_s)).code, 200);
        IdentityAnnotationsDialog gone(m_client.get(), *account);
        gone.show();
        gone.findChild<QLineEdit *>(kRoleArn)->setText(kArn);
        gone.findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(gone.errorText().contains(u"not found"_s), 10000);
        QVERIFY(gone.isVisible());
    }

    void annotationFaults_data()
    {
        QTest::addColumn<int>("code"); // of the patch
        QTest::addColumn<QString>("message"); // the server's words
        QTest::addColumn<QString>("outcome"); // what the dialog says about the change

        QTest::newRow("403") << 403 << u"injected refusal"_s << u"The annotations were not changed."_s;
        QTest::newRow("500") << 500 << u"Internal error occurred: injected fault (kube-sim)"_s
                             << u"The annotations may have been changed: the details show what they are now."_s;
    }

    // The patch meets a refusal or a 500: the dialog quotes the server and says whether the annotations changed,
    // the server still has the old ones, and once the fault is over the same dialog sets them.
    void annotationFaults()
    {
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(QString, outcome);
        const auto account = createAccount(u"faulted"_s, {{"team"_L1, "ci"_L1}});
        QVERIFY(account);
        QJsonObject rule {{"path"_L1, QString(u'^' + accountPath(u"faulted"_s) + u'$')},
                          {"method"_L1, "PATCH"_L1},
                          {"code"_L1, code}};
        if (code != 500)
            rule.insert("message"_L1, message);
        QCOMPARE(m_http
                     ->send("PUT", u"/kube-sim/v1/faults"_s,
                            QJsonDocument(QJsonObject {{"errors"_L1, QJsonArray {rule}}}).toJson())
                     .code,
                 200);
        IdentityAnnotationsDialog dialog(m_client.get(), *account);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QLineEdit *>(kRoleArn)->setText(kArn);
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000);
        QVERIFY2(dialog.errorText().contains(message), qPrintable(dialog.errorText()));
        QVERIFY2(dialog.errorText().endsWith(u' ' + outcome), qPrintable(dialog.errorText()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(annotationsOnServer(u"faulted"_s), QJsonObject({{"team"_L1, "ci"_L1}}));
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
        QCOMPARE(annotationsOnServer(u"faulted"_s), QJsonObject({{"team"_L1, "ci"_L1}, {kRoleArn, kArn}}));
    }

    // New service account: a provider's fields show when it is chosen, are checked as the cloud reads them (and an
    // identity annotation typed among the others too), and end up on the server as annotations.
    void createWithIdentity()
    {
        CreateServiceAccountDialog dialog(m_client.get(), {u"payments"_s}, u"payments"_s, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
        auto *provider = dialog.findChild<QComboBox *>(u"identityProvider"_s);
        QCOMPARE(provider->accessibleName(), u"Cloud identity"_s);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"name"_s), u"azure-sync"_s);
        QVERIFY(ok->isEnabled()); // no identity: none needed
        for (const QString &fields : {u"identityAWS"_s, u"identityGCP"_s, u"identityAzure"_s})
            QVERIFY(dialog.findChild<QWidget *>(fields)->isHidden());

        // An identity annotation among the free-form ones is checked too.
        auto *annotations = dialog.findChild<QLineEdit *>(u"annotations"_s);
        QTest::keyClicks(annotations, u"team=sync, eks.amazonaws.com/sts-regional-endpoints=yes"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(error->text().contains(u"eks.amazonaws.com/sts-regional-endpoints: Use \"true\" or \"false\""_s),
                 qPrintable(error->text()));
        annotations->setText(u"team=sync"_s);
        QVERIFY(ok->isEnabled());

        provider->setCurrentIndex(provider->findData(int(identity::Provider::Azure)));
        QVERIFY(dialog.findChild<QWidget *>(u"identityAzure"_s)->isVisible());
        QVERIFY(dialog.findChild<QWidget *>(u"identityAWS"_s)->isHidden());
        // The principal is required once a provider is chosen.
        QVERIFY(!ok->isEnabled());
        QVERIFY2(error->text().contains(u"Cloud identity: Client ID: required."_s), qPrintable(error->text()));
        auto *client = dialog.findChild<QLineEdit *>(kClientId);
        QTest::keyClicks(client, u"1c7b5e2a-3d4f"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(error->text().contains(u"A client ID is a GUID"_s), qPrintable(error->text()));
        QVERIFY2(unnamedControls(&dialog).isEmpty(), qPrintable(unnamedControls(&dialog).join(u", "_s)));
        SA_VERIFY_LABELS_SPOKEN(&dialog);
        saveScreenshot(&dialog, u"dialog-new-service-account-identity-refused"_s);
        client->setText(kClient);
        auto *expiration = dialog.findChild<QLineEdit *>(kAzureExpiration);
        QTest::keyClicks(expiration, u"100000"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(error->text().contains(u"From 3600 to 86400 seconds"_s), qPrintable(error->text()));
        expiration->setText(u"3600"_s);
        // Set twice, in the annotations and the identity: which one is meant cannot be told.
        annotations->setText(u"team=sync, "_s + kClientId + u'=' + kClient);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(error->text().contains(u"is also set under Cloud identity"_s), qPrintable(error->text()));
        annotations->setText(u"team=sync"_s);
        QVERIFY2(ok->isEnabled(), qPrintable(error->text()));
        saveScreenshot(&dialog, u"dialog-new-service-account-identity"_s);

        // Another provider's fields, filled and then left, are not sent.
        provider->setCurrentIndex(provider->findData(int(identity::Provider::Aws)));
        dialog.findChild<QLineEdit *>(kRoleArn)->setText(kArn);
        provider->setCurrentIndex(provider->findData(int(identity::Provider::Azure)));
        QVERIFY(ok->isEnabled());
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 10000);
        QCOMPARE(dialog.created(), u"payments/azure-sync"_s);
        const QJsonObject wanted {{"team"_L1, "sync"_L1}, {kClientId, kClient}, {kAzureExpiration, "3600"_L1}};
        QCOMPARE(annotationsOnServer(u"azure-sync"_s), wanted);
    }

    // The table's Cloud identity column names the cloud, with the principal on hover and a mark for a malformed
    // value; the details pane says what each annotation means and what is wrong. Both follow a change on the server.
    void tableAndDetailsShowIdentity()
    {
        QVERIFY(createAccount(u"s3-writer"_s, {{kRoleArn, kArn}, {kEksExpiration, "3600"_L1}}));
        QVERIFY(createAccount(u"bad-azure"_s, {{kClientId, "not-a-guid"_L1}}));
        QVERIFY(createAccount(u"plain"_s, {{"team"_L1, "x"_L1}}));
        Informer informer(m_client.get(), u"/api/v1/serviceaccounts"_s, ListFormat::Objects);
        ServiceAccountModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInformer(&informer);
        ServiceAccountUsage usage;
        UsageInformers informers {};
        informers[size_t(Source::ServiceAccounts)] = &informer;
        usage.setInformers(informers);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.hasSynced(), 15000);
        QTRY_VERIFY(model.rowCount() > 3);

        const auto cell = [&model](const QString &name, int role = Qt::DisplayRole) {
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex index = model.index(row, ServiceAccountModel::IdentityColumn);
                if (index.data(NameRole).toString() == name && index.data(NamespaceRole).toString() == "payments"_L1)
                    return index.data(role);
            }
            return QVariant(u"(no row %1)"_s.arg(name));
        };
        QCOMPARE(model.headerData(ServiceAccountModel::IdentityColumn, Qt::Horizontal).toString(), u"Cloud identity"_s);
        QCOMPARE(cell(u"s3-writer"_s).toString(), u"AWS"_s);
        QCOMPARE(toolTipAsShown(cell(u"s3-writer"_s, Qt::ToolTipRole).toString()), u"AWS IAM role "_s + kArn);
        QCOMPARE(cell(u"bad-azure"_s).toString(), u"Azure ⚠"_s);
        QVERIFY2(cell(u"bad-azure"_s, Qt::ToolTipRole).toString().contains(u"A client ID is a GUID"_s),
                 qPrintable(cell(u"bad-azure"_s, Qt::ToolTipRole).toString()));
        QCOMPARE(cell(u"plain"_s).toString(), QString());
        QVERIFY(!cell(u"plain"_s, Qt::ToolTipRole).isValid());

        DetailsPane details(&usage);
        details.showAccount(u"payments"_s, u"s3-writer"_s);
        QString text = details.toPlainText();
        QVERIFY2(text.contains(u"Cloud identity"_s), qPrintable(text));
        QVERIFY2(text.contains(u"AWS IAM role "_s + kArn), qPrintable(text));
        QVERIFY2(text.contains(u"The IAM role the pods assume"_s), qPrintable(text)); // its meaning
        QVERIFY2(text.contains(kEksExpiration + u" = 3600"_s), qPrintable(text));
        QVERIFY(!text.contains(u"⚠"_s));
        QVERIFY(details.toHtml().contains(u"action:identityAnnotations"_s));
        details.showAccount(u"payments"_s, u"plain"_s);
        QVERIFY(!details.toPlainText().contains(u"Cloud identity\n"_s));
        details.showAccount(u"payments"_s, u"bad-azure"_s);
        text = details.toPlainText();
        QVERIFY2(text.contains(u"Azure client not-a-guid"_s), qPrintable(text));
        QVERIFY2(text.contains(u"⚠ A client ID is a GUID"_s), qPrintable(text));

        // A change on the server reaches both.
        QCOMPARE(m_http
                     ->send("PATCH", accountPath(u"bad-azure"_s),
                            QJsonDocument(QJsonObject {{"metadata"_L1,
                                                        QJsonObject {{"annotations"_L1,
                                                                      QJsonObject {{kClientId, kClient},
                                                                                   {kGsa,
                                                                                    "sync-bot@my-project-1.iam."
                                                                                    "gserviceaccount.com"_L1}}}}}})
                                .toJson(QJsonDocument::Compact),
                            "application/merge-patch+json")
                     .code,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(cell(u"bad-azure"_s).toString(), u"GCP, Azure"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(details.toPlainText().contains(u"Azure client "_s + kClient), 10000);
        QVERIFY(
            details.toPlainText().contains(u"Google service account sync-bot@my-project-1.iam.gserviceaccount.com"_s));
        QVERIFY(!details.toPlainText().contains(u"⚠"_s));
    }
};

QTEST_MAIN(TestIdentityDialogs)
#include "tst_identitydialogs.moc"
