// The cloud identity annotations: each value checked as the EKS pod identity webhook, GKE and the Azure workload
// identity webhook read it; what an account assumes, and the brief a table row keeps.

#include "resources/WorkloadIdentity.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sa;

class TestWorkloadIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem"); // a part of the objection; empty: accepted

        const QString arn = u"eks.amazonaws.com/role-arn"_s;
        QTest::newRow("arn") << arn << u"arn:aws:iam::123456789012:role/ci"_s << QString();
        QTest::newRow("arn with path") << arn << u"arn:aws:iam::123456789012:role/team/ci-deployer"_s << QString();
        QTest::newRow("arn china") << arn << u"arn:aws-cn:iam::123456789012:role/ci"_s << QString();
        QTest::newRow("arn gov") << arn << u"arn:aws-us-gov:iam::123456789012:role/ci"_s << QString();
        QTest::newRow("arn name characters") << arn << u"arn:aws:iam::123456789012:role/a_b+c=d,e.f@g-h"_s << QString();
        QTest::newRow("arn empty") << arn << QString() << u"Enter the IAM role's ARN"_s;
        QTest::newRow("arn bare name") << arn << u"ci-role"_s << u"starts with arn:aws"_s;
        QTest::newRow("arn short account") << arn << u"arn:aws:iam::12345678901:role/ci"_s << u"12-digit account"_s;
        QTest::newRow("arn letters in account")
            << arn << u"arn:aws:iam::12345678901x:role/ci"_s << u"12-digit account"_s;
        QTest::newRow("arn a user") << arn << u"arn:aws:iam::123456789012:user/ci"_s << u":role/"_s;
        QTest::newRow("arn no name") << arn << u"arn:aws:iam::123456789012:role/"_s << u":role/"_s;
        QTest::newRow("arn space") << arn << u"arn:aws:iam::123456789012:role/c i"_s << u":role/"_s;
        QTest::newRow("arn other service") << arn << u"arn:aws:s3:::123456789012:role/ci"_s << u"12-digit"_s;

        const QString audience = u"eks.amazonaws.com/audience"_s;
        QTest::newRow("audience") << audience << u"sts.amazonaws.com"_s << QString();
        QTest::newRow("audience empty") << audience << QString() << u"Enter the audience"_s;
        QTest::newRow("audience space") << audience << u"sts amazonaws"_s << u"no spaces"_s;

        const QString regional = u"eks.amazonaws.com/sts-regional-endpoints"_s;
        for (const QString &accepted : {u"true"_s, u"false"_s, u"True"_s, u"FALSE"_s, u"1"_s, u"0"_s, u"t"_s})
            QTest::addRow("regional %s", qPrintable(accepted)) << regional << accepted << QString();
        for (const QString &refused : {u"yes"_s, u"on"_s, QString(), u"tRUE"_s, u" true"_s})
            QTest::addRow("regional '%s'", qPrintable(refused)) << regional << refused << u"\"true\" or \"false\""_s;

        const QString eksExpiration = u"eks.amazonaws.com/token-expiration"_s;
        QTest::newRow("eks expiration min") << eksExpiration << u"600"_s << QString();
        QTest::newRow("eks expiration max") << eksExpiration << u"86400"_s << QString();
        QTest::newRow("eks expiration 3600") << eksExpiration << u"3600"_s << QString();
        QTest::newRow("eks expiration 599") << eksExpiration << u"599"_s << u"At least 600"_s;
        QTest::newRow("eks expiration 86401") << eksExpiration << u"86401"_s << u"At most 86400"_s;
        QTest::newRow("eks expiration 1h") << eksExpiration << u"1h"_s << u"whole number of seconds"_s;
        QTest::newRow("eks expiration negative") << eksExpiration << u"-3600"_s << u"whole number of seconds"_s;
        QTest::newRow("eks expiration empty") << eksExpiration << QString() << u"whole number of seconds"_s;

        const QString gsa = u"iam.gke.io/gcp-service-account"_s;
        QTest::newRow("gsa") << gsa << u"ci-deployer@my-project.iam.gserviceaccount.com"_s << QString();
        QTest::newRow("gsa 6 and 30") << gsa << u"abcdef@abcdefghijklmnopqrstuvwxyz1234.iam.gserviceaccount.com"_s
                                      << QString();
        QTest::newRow("gsa project long")
            << gsa << u"abcdef@abcdefghijklmnopqrstuvwxyz12345.iam.gserviceaccount.com"_s << u"project ID"_s;
        QTest::newRow("gsa 30") << gsa << u"abcdefghijklmnopqrstuvwxyz1234@proj-1.iam.gserviceaccount.com"_s
                                << QString();
        QTest::newRow("gsa domain-scoped project")
            << gsa << u"ci-bot@my-project.example.com.iam.gserviceaccount.com"_s << QString();
        QTest::newRow("gsa compute default")
            << gsa << u"123456789012-compute@developer.gserviceaccount.com"_s << QString();
        QTest::newRow("gsa app engine default") << gsa << u"my-project@appspot.gserviceaccount.com"_s << QString();
        QTest::newRow("gsa empty") << gsa << QString() << u"Enter the Google service account's e-mail"_s;
        QTest::newRow("gsa no at") << gsa << u"ci-deployer"_s << u"named by its e-mail"_s;
        QTest::newRow("gsa two at") << gsa << u"ci@x@my-project.iam.gserviceaccount.com"_s << u"named by its e-mail"_s;
        QTest::newRow("gsa name short") << gsa << u"ci@my-project.iam.gserviceaccount.com"_s << u"6 to 30"_s;
        QTest::newRow("gsa name long") << gsa << u"abcdefghijklmnopqrstuvwxyz12345@proj-1.iam.gserviceaccount.com"_s
                                       << u"6 to 30"_s;
        QTest::newRow("gsa upper case") << gsa << u"CI-Deployer@my-project.iam.gserviceaccount.com"_s
                                        << u"lower-case"_s;
        QTest::newRow("gsa starts with digit")
            << gsa << u"1ci-deployer@my-project.iam.gserviceaccount.com"_s << u"starts with a letter"_s;
        QTest::newRow("gsa ends with hyphen")
            << gsa << u"ci-deployer-@my-project.iam.gserviceaccount.com"_s << u"does not end with a hyphen"_s;
        QTest::newRow("gsa user mail") << gsa << u"ci-deployer@gmail.com"_s << u"iam.gserviceaccount.com"_s;
        QTest::newRow("gsa project short")
            << gsa << u"ci-deployer@proj.iam.gserviceaccount.com"_s << u"iam.gserviceaccount.com"_s;

        const QString client = u"azure.workload.identity/client-id"_s;
        QTest::newRow("client") << client << u"1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d"_s << QString();
        QTest::newRow("client upper case") << client << u"1C7B5E2A-3D4F-4A6B-8C9D-0E1F2A3B4C5D"_s << QString();
        QTest::newRow("client braces") << client << u"{1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d}"_s << u"GUID"_s;
        QTest::newRow("client short") << client << u"1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5"_s << u"GUID"_s;
        QTest::newRow("client not hex") << client << u"1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5g"_s << u"GUID"_s;
        QTest::newRow("client name") << client << u"my-app"_s << u"A client ID is a GUID"_s;
        const QString tenant = u"azure.workload.identity/tenant-id"_s;
        QTest::newRow("tenant") << tenant << u"72f988bf-86f1-41af-91ab-2d7cd011db47"_s << QString();
        QTest::newRow("tenant domain") << tenant << u"contoso.onmicrosoft.com"_s << u"A tenant ID is a GUID"_s;

        const QString azureExpiration = u"azure.workload.identity/service-account-token-expiration"_s;
        QTest::newRow("azure expiration min") << azureExpiration << u"3600"_s << QString();
        QTest::newRow("azure expiration max") << azureExpiration << u"86400"_s << QString();
        QTest::newRow("azure expiration 3599") << azureExpiration << u"3599"_s << u"From 3600 to 86400"_s;
        QTest::newRow("azure expiration 86401") << azureExpiration << u"86401"_s << u"From 3600 to 86400"_s;
        QTest::newRow("azure expiration text") << azureExpiration << u"one hour"_s << u"whole number of seconds"_s;

        QTest::newRow("unknown key") << u"example.com/anything"_s << u"whatever"_s << QString();
    }

    void validate()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        const QString objection = identity::validate(key, value);
        if (problem.isEmpty())
            QVERIFY2(objection.isEmpty(), qPrintable(objection));
        else
            QVERIFY2(objection.contains(problem), qPrintable(objection));
    }

    // Every entry: a label, a meaning, and its own example passes its own check.
    void catalogue()
    {
        QCOMPARE(identity::knownAnnotations().size(), size_t(8));
        for (const identity::KnownAnnotation &known : identity::knownAnnotations()) {
            QVERIFY(!identity::labelOf(known).isEmpty());
            QVERIFY(!identity::meaningOf(known).isEmpty());
            // NAME@PROJECT_ID is a placeholder, in capitals; the others are values that would do.
            if (known.provider != identity::Provider::Google)
                QVERIFY2(known.check(QString::fromLatin1(known.example)).isEmpty(), known.example);
            QCOMPARE(identity::find(QString(known.key)), &known);
        }
        QCOMPARE(identity::find(u"eks.amazonaws.com/role-arn-x"), nullptr);
        int principals[identity::kProviderCount] = {};
        for (const identity::KnownAnnotation &known : identity::knownAnnotations())
            principals[int(known.provider)] += known.principal ? 1 : 0;
        for (const int count : principals)
            QCOMPARE(count, 1);
    }

    void identities_data()
    {
        QTest::addColumn<QString>("annotations"); // JSON
        QTest::addColumn<QStringList>("summaries");
        QTest::addColumn<int>("problems");
        QTest::addColumn<int>("briefProviders");
        QTest::addColumn<bool>("briefMalformed");

        QTest::newRow("none") << u"{\"team\":\"ci\"}"_s << QStringList() << 0 << 0 << false;
        QTest::newRow("aws") << uR"({"eks.amazonaws.com/role-arn":"arn:aws:iam::123456789012:role/ci",
                                     "eks.amazonaws.com/token-expiration":"3600","team":"ci"})"_s
                             << QStringList {u"AWS IAM role arn:aws:iam::123456789012:role/ci"_s} << 0 << 1 << false;
        QTest::newRow("gcp") << uR"({"iam.gke.io/gcp-service-account":"ci-bot@my-project.iam.gserviceaccount.com"})"_s
                             << QStringList {u"Google service account ci-bot@my-project.iam.gserviceaccount.com"_s} << 0
                             << 2 << false;
        QTest::newRow("azure with tenant")
            << uR"({"azure.workload.identity/client-id":"1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d",
                    "azure.workload.identity/tenant-id":"72f988bf-86f1-41af-91ab-2d7cd011db47"})"_s
            << QStringList {u"Azure client 1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d in tenant "
                            "72f988bf-86f1-41af-91ab-2d7cd011db47"_s}
            << 0 << 4 << false;
        QTest::newRow("malformed azure expiration")
            << uR"({"azure.workload.identity/client-id":"1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d",
                    "azure.workload.identity/service-account-token-expiration":"60"})"_s
            << QStringList {u"Azure client 1c7b5e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d"_s} << 1 << 4 << true;
        QTest::newRow("only the audience")
            << uR"({"eks.amazonaws.com/audience":"sts.amazonaws.com"})"_s
            << QStringList {u"AWS: no IAM role (eks.amazonaws.com/role-arn is not set)"_s} << 1 << 1 << true;
        QTest::newRow("two clouds")
            << uR"({"eks.amazonaws.com/role-arn":"ci","iam.gke.io/gcp-service-account":"ci-bot@p-1234.iam.gserviceaccount.com"})"_s
            << QStringList {u"AWS IAM role ci"_s, u"Google service account ci-bot@p-1234.iam.gserviceaccount.com"_s}
            << 1 << 3 << true;
    }

    void identities()
    {
        QFETCH(QString, annotations);
        QFETCH(QStringList, summaries);
        QFETCH(int, problems);
        QFETCH(int, briefProviders);
        QFETCH(bool, briefMalformed);
        const QJsonObject metadata {{"name"_L1, "ci"_L1},
                                    {"annotations"_L1, QJsonDocument::fromJson(annotations.toUtf8()).object()}};
        QVERIFY(!metadata[u"annotations"].toObject().isEmpty());
        const QList<identity::CloudIdentity> found = identity::identitiesOf(QJsonObject {{"metadata"_L1, metadata}});
        QStringList shown;
        int problemCount = 0;
        for (const identity::CloudIdentity &each : found) {
            shown.append(each.summary());
            problemCount += int(each.problems.size());
            for (auto it = each.annotations.begin(); it != each.annotations.end(); ++it)
                QCOMPARE(identity::find(it.key())->provider, each.provider);
        }
        QCOMPARE(shown, summaries);
        QCOMPARE(problemCount, problems);
        const identity::Brief brief = identity::briefOf(metadata);
        QCOMPARE(int(brief.providers), briefProviders);
        QCOMPARE(brief.malformed, briefMalformed);
    }

    void briefWithoutAnnotations()
    {
        const identity::Brief brief = identity::briefOf(QJsonObject {{"name"_L1, "x"_L1}});
        QCOMPARE(int(brief.providers), 0);
        QVERIFY(!brief.malformed);
        QVERIFY(!brief.has(identity::Provider::Aws));
    }
};

QTEST_GUILESS_MAIN(TestWorkloadIdentity)
#include "tst_workloadidentity.moc"
