// ProblemGroups: the failures of a session's lists, one entry per cause, the visible pane's first, cleared when the
// lists work again.

#include "api/ProblemGroups.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const auto kMissingPlugin = u"exec: executable aws-login not found\n\nIt looks like you are trying to use a client-go "
                            "credential plugin that is not installed."_s;

sa::ApiError forbidden(const QString &resource)
{
    const QByteArray body = "{\"kind\":\"Status\",\"reason\":\"Forbidden\",\"message\":\"" + resource.toUtf8()
        + " is forbidden: User \\\"ci-viewer\\\" cannot list resource \\\"" + resource.toUtf8()
        + "\\\" in API group \\\"\\\" at the cluster scope\"}";
    return sa::ApiError::fromStatus(403, body, {});
}

sa::ApiError refused()
{
    return sa::ApiError::fromTransport(QNetworkReply::ConnectionRefusedError, u"Connection refused"_s, u"127.0.0.1"_s,
                                       {});
}

// A report as a row writes it: "resource|cause", or "-resource" for a list that works again.
sa::ApiError errorFor(const QString &cause)
{
    if (cause == "plugin"_L1)
        return sa::ApiError::credential(kMissingPlugin);
    if (cause == "401"_L1)
        return sa::ApiError::fromStatus(401, "{\"kind\":\"Status\",\"reason\":\"Unauthorized\"}", {});
    if (cause.startsWith("403:"_L1))
        return forbidden(cause.mid(4));
    if (cause == "refused"_L1)
        return refused();
    if (cause == "cut"_L1)
        return sa::ApiError::connectionLost(u"Connection closed"_s, u"127.0.0.1"_s);
    if (cause == "500"_L1)
        return sa::ApiError::fromStatus(500, "{\"kind\":\"Status\",\"message\":\"etcdserver: leader changed\"}", {});
    if (cause == "canceled"_L1)
        return sa::ApiError::fromTransport(QNetworkReply::OperationCanceledError, u"canceled"_s, {}, {});
    return sa::ApiError::fromStatus(200, {}, {}); // what a cut watch used to be
}

} // namespace

class TestProblemGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grouping_data()
    {
        QTest::addColumn<QStringList>("reports");
        QTest::addColumn<QString>("visible");
        QTest::addColumn<QStringList>("summaries");

        const QStringList all {u"namespaces"_s, u"service accounts"_s, u"secrets"_s, u"pods"_s, u"role bindings"_s};
        QStringList plugin;
        QStringList unauthorized;
        for (const QString &resource : all) {
            plugin.append(resource + u"|plugin"_s);
            unauthorized.append(resource + u"|401"_s);
        }
        QTest::newRow("a missing plugin once for every list")
            << plugin << u"service accounts"_s
            << QStringList {u"Cannot get credentials for this cluster: exec: executable aws-login not found"_s};
        QTest::newRow("401 once for every list")
            << unauthorized << u"service accounts"_s
            << QStringList {u"The cluster did not accept your credentials (401 Unauthorized). Log in again or check "
                            "the kubeconfig user."_s};
        QTest::newRow("one refusal naming its resources")
            << QStringList {u"secrets|403:secrets"_s, u"pods|403:pods"_s, u"role bindings|403:rolebindings"_s}
            << QString()
            << QStringList {u"Not allowed to list secrets, pods and role bindings: secrets is forbidden: User "
                            "\"ci-viewer\" cannot list resource \"secrets\" in API group \"\" at the cluster scope"_s};
        QTest::newRow("the visible pane's refusal first, in its words")
            << QStringList {u"pods|refused"_s, u"pods|403:pods"_s, u"namespaces|refused"_s, u"secrets|403:secrets"_s}
            << u"secrets"_s
            << QStringList {u"Not allowed to list secrets and pods: secrets is forbidden: User \"ci-viewer\" cannot "
                            "list resource \"secrets\" in API group \"\" at the cluster scope"_s,
                            u"Cannot connect to 127.0.0.1: the connection was refused. Is the API server running? "
                            "Retrying…"_s};
        QTest::newRow("errors before warnings when the pane is fine")
            << QStringList {u"pods|403:pods"_s, u"namespaces|plugin"_s} << u"service accounts"_s
            << QStringList {u"Cannot get credentials for this cluster: exec: executable aws-login not found"_s,
                            u"Not allowed to list pods: pods is forbidden: User \"ci-viewer\" cannot list resource "
                            "\"pods\" in API group \"\" at the cluster scope"_s};
        QTest::newRow("a cut stream is a lost connection, not an HTTP status")
            << QStringList {u"pods|cut"_s, u"secrets|cut"_s} << QString()
            << QStringList {u"The connection to 127.0.0.1 was lost. Reconnecting…"_s};
        QTest::newRow("an outage: cut, then refused, one lost connection")
            << QStringList {u"pods|cut"_s, u"secrets|cut"_s, u"pods|refused"_s, u"secrets|refused"_s} << QString()
            << QStringList {u"The connection to 127.0.0.1 was lost. Reconnecting…"_s};
        QTest::newRow("never connected: refused, retrying")
            << QStringList {u"pods|refused"_s, u"secrets|refused"_s} << QString()
            << QStringList {u"Cannot connect to 127.0.0.1: the connection was refused. Is the API server running? "
                            "Retrying…"_s};
        QTest::newRow("a list that works again clears its part")
            << QStringList {u"secrets|403:secrets"_s, u"pods|403:pods"_s, u"-secrets"_s} << u"secrets"_s
            << QStringList {u"Not allowed to list pods: pods is forbidden: User \"ci-viewer\" cannot list resource "
                            "\"pods\" in API group \"\" at the cluster scope"_s};
        QTest::newRow("all causes over: nothing left")
            << QStringList {u"secrets|refused"_s, u"pods|cut"_s, u"-pods"_s, u"-secrets"_s} << QString()
            << QStringList {};
        QTest::newRow("a resource has its newest problem only")
            << QStringList {u"secrets|refused"_s, u"secrets|403:secrets"_s} << QString()
            << QStringList {u"Not allowed to list secrets: secrets is forbidden: User \"ci-viewer\" cannot list "
                            "resource \"secrets\" in API group \"\" at the cluster scope"_s};
        QTest::newRow("other statuses by their message")
            << QStringList {u"pods|500"_s, u"secrets|500"_s} << QString()
            << QStringList {u"Cannot list pods and secrets: etcdserver: leader changed"_s};
        QTest::newRow("a canceled request is no problem")
            << QStringList {u"pods|canceled"_s} << QString() << QStringList {};
        QStringList many;
        for (int i = 0; i < 8; ++i)
            many.append(u"resource %1|403:r%1"_s.arg(i));
        many.append(u"secrets|refused"_s);
        QTest::newRow("nothing pushed out by many")
            << many << u"resource 0"_s
            << QStringList {u"Not allowed to list resource 0, resource 1, resource 2, "
                            "resource 3, resource 4, resource 5, resource 6 and "
                            "resource 7: r0 is forbidden: User \"ci-viewer\" cannot "
                            "list resource \"r0\" in API group \"\" at the cluster "
                            "scope"_s,
                            u"Cannot connect to 127.0.0.1: the connection was "
                            "refused. Is the API server running? Retrying…"_s};
    }

    void grouping()
    {
        QFETCH(QStringList, reports);
        QFETCH(QString, visible);
        QFETCH(QStringList, summaries);

        sa::ProblemGroups groups;
        for (const QString &report : reports) {
            if (report.startsWith(u'-'))
                groups.clear(report.mid(1));
            else
                groups.report(report.section(u'|', 0, 0), errorFor(report.section(u'|', 1)));
        }
        QStringList actual;
        for (const sa::ProblemGroups::Entry &entry : groups.entries(visible))
            actual.append(entry.summary);
        QCOMPARE(actual, summaries);
        QCOMPARE(groups.isEmpty(), summaries.isEmpty());
    }

    void detailsKeepEverySentence()
    {
        sa::ProblemGroups groups;
        for (const QString &resource : {u"namespaces"_s, u"secrets"_s, u"pods"_s})
            groups.report(resource, sa::ApiError::credential(kMissingPlugin));
        groups.report(u"pods"_s, forbidden(u"pods"_s)); // pods moves to a cause of its own
        groups.report(u"secrets"_s, forbidden(u"secrets"_s));
        const QList<sa::ProblemGroups::Entry> entries = groups.entries(u"secrets"_s);
        QCOMPARE(entries.size(), 2);
        // The refusal: one detail per distinct sentence, the visible resource's first.
        QCOMPARE(entries.at(0).resources, (QStringList {u"secrets"_s, u"pods"_s}));
        QCOMPARE(entries.at(0).severity, sa::ProblemGroups::Severity::Warning);
        QCOMPARE(entries.at(0).details.size(), 2);
        QCOMPARE(entries.at(0).details.at(0).resources, QStringList {u"secrets"_s});
        QCOMPARE(entries.at(0).details.at(0).sentence, forbidden(u"secrets"_s).userMessage());
        QCOMPARE(entries.at(0).details.at(1).resources, QStringList {u"pods"_s});
        QCOMPARE(entries.at(0).details.at(1).sentence, forbidden(u"pods"_s).userMessage());
        // The credential: one sentence, whole (the plugin's hint included), for the resources it concerns.
        QCOMPARE(entries.at(1).severity, sa::ProblemGroups::Severity::Error);
        QCOMPARE(entries.at(1).details.size(), 1);
        QCOMPARE(entries.at(1).details.at(0).resources, QStringList {u"namespaces"_s});
        QCOMPARE(entries.at(1).details.at(0).sentence, sa::ApiError::credential(kMissingPlugin).userMessage());
        QVERIFY(entries.at(1).details.at(0).sentence.contains(u"not installed"_s));
    }

    void reportsSayWhetherAnythingChanged()
    {
        sa::ProblemGroups groups;
        QVERIFY(groups.report(u"pods"_s, refused()));
        QVERIFY(!groups.report(u"pods"_s, refused())); // a retry failing alike changes nothing to show
        QVERIFY(groups.report(u"secrets"_s, refused()));
        QVERIFY(!groups.clear(u"namespaces"_s));
        QVERIFY(groups.clear(u"pods"_s));
        QVERIFY(groups.clear(u"secrets"_s));
        QVERIFY(groups.isEmpty());
    }

    void joinNames_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("joined");
        QTest::newRow("none") << QStringList {} << QString();
        QTest::newRow("one") << QStringList {u"pods"_s} << u"pods"_s;
        QTest::newRow("two") << QStringList {u"pods"_s, u"secrets"_s} << u"pods and secrets"_s;
        QTest::newRow("three") << QStringList {u"pods"_s, u"secrets"_s, u"role bindings"_s}
                               << u"pods, secrets and role bindings"_s;
    }

    void joinNames()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, joined);
        QCOMPARE(sa::ProblemGroups::joinNames(names), joined);
    }
};

QTEST_GUILESS_MAIN(TestProblemGroups)
#include "tst_problemgroups.moc"
