// kube-sim over HTTPS, at the level of requests and bodies: what kubectl does not exercise (error
// bodies, limits, Tables and metadata-only lists, pagination snapshots, watch semantics).

#include "KubeSimProcess.h"
#include "SimHttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

QJsonObject serviceAccount(const QString &name, const QJsonObject &labels = {})
{
    QJsonObject metadata {{"name"_L1, name}};
    if (!labels.isEmpty())
        metadata.insert("labels"_L1, labels);
    return {{"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "ServiceAccount"_L1}, {"metadata"_L1, metadata}};
}

struct RawAnswer
{
    QByteArray data; // what came back, status line first
    bool closed = false; // whether kube-sim closed the connection within the wait
};

// Bytes written as they are over one TLS connection, for framing that QNetworkAccessManager would not send;
// then reads until kube-sim closes the connection or waitMs pass. With gapMs, each piece waits that long after the
// one before, so that kube-sim reads them apart.
RawAnswer rawExchange(const KubeSimProcess &sim, const QList<QByteArray> &pieces, int waitMs = 10000, int gapMs = 0)
{
    RawAnswer answer;
    const QUrl url(sim.url());
    QSslSocket socket;
    socket.setSslConfiguration(sim.adminTls());
    socket.connectToHostEncrypted(url.host(), quint16(url.port()));
    if (!socket.waitForEncrypted(10000))
        return answer;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &piece : pieces) {
        if (gapMs > 0 && &piece != &pieces.first())
            QTest::qWait(gapMs);
        socket.write(piece);
        while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState
               && timer.elapsed() < waitMs)
            socket.waitForBytesWritten(100);
    }
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < waitMs) {
        socket.waitForReadyRead(100);
        answer.data += socket.readAll();
    }
    answer.data += socket.readAll();
    answer.closed = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

const QByteArray kVersionHead = "GET /version HTTP/1.1\r\nHost: kube-sim\r\n"_ba;

// `data` in chunks of `chunkSize` bytes, with the terminating chunk; `extension` follows each size, `trailer`
// (whole lines) the last chunk.
QByteArray chunked(const QByteArray &data, qsizetype chunkSize, const QByteArray &extension = {},
                   const QByteArray &trailer = {})
{
    QByteArray encoded;
    for (qsizetype at = 0; at < data.size(); at += chunkSize) {
        const QByteArray chunk = data.mid(at, chunkSize);
        encoded += QByteArray::number(chunk.size(), 16) + extension + "\r\n"_ba + chunk + "\r\n"_ba;
    }
    return encoded + "0"_ba + extension + "\r\n"_ba + trailer + "\r\n"_ba;
}

// `data` cut into pieces of `size` bytes.
QList<QByteArray> pieces(const QByteArray &data, qsizetype size)
{
    QList<QByteArray> result;
    for (qsizetype at = 0; at < data.size(); at += size)
        result.append(data.mid(at, size));
    return result;
}

const QByteArray kCreateHead = "POST /api/v1/namespaces/default/serviceaccounts HTTP/1.1\r\nHost: kube-sim\r\n"
                               "Content-Type: application/json\r\n"_ba;
const QByteArray kChunkedCreateHead = kCreateHead + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;

} // namespace

class TestSimApi : public QObject
{
    Q_OBJECT

private:
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                    const QByteArray &contentType = "application/json", const QByteArray &accept = {},
                    bool anonymous = false)
    {
        return m_http->send(verb, path, body, contentType, accept, anonymous);
    }

    HttpResult createAccount(const QString &ns, const QJsonObject &account)
    {
        return send("POST", u"/api/v1/namespaces/"_s + ns + u"/serviceaccounts"_s, QJsonDocument(account).toJson());
    }

    std::unique_ptr<QNetworkReply> watch(const QString &query)
    {
        return m_http->stream(u"/api/v1/namespaces/default/serviceaccounts?watch=true&"_s + query);
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<KubeSimProcess>(
            QStringList {u"--seed"_s, u"empty"_s, u"--watch-history"_s, u"20"_s, u"--bookmark-interval"_s, u"200"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
    }

    void anonymousAccess_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("code");
        QTest::newRow("version") << u"/version"_s << 200;
        QTest::newRow("healthz") << u"/healthz"_s << 200;
        QTest::newRow("readyz") << u"/readyz"_s << 200;
        QTest::newRow("livez") << u"/livez"_s << 200;
        QTest::newRow("api") << u"/api"_s << 401;
        QTest::newRow("namespaces") << u"/api/v1/namespaces"_s << 401;
        QTest::newRow("openapi") << u"/openapi/v3"_s << 401;
    }

    void anonymousAccess()
    {
        QFETCH(QString, path);
        QFETCH(int, code);
        const HttpResult response = send("GET", path, {}, {}, {}, true);
        QCOMPARE(response.code, code);
        if (code == 401) {
            QCOMPARE(response.json(),
                     QJsonObject({{"kind"_L1, "Status"_L1},
                                  {"apiVersion"_L1, "v1"_L1},
                                  {"metadata"_L1, QJsonObject()},
                                  {"status"_L1, "Failure"_L1},
                                  {"message"_L1, "Unauthorized"_L1},
                                  {"reason"_L1, "Unauthorized"_L1},
                                  {"code"_L1, 401}}));
        }
    }

    void discoveryMatchesRealDocuments()
    {
        // Our /api/v1 entries must carry what the real server's do, for the resources we serve.
        QFile real(QStringLiteral(SA_FIXTURES_DIR) + u"/kubernetes/discovery/discovery.api__v1.json"_s);
        QVERIFY(real.open(QIODevice::ReadOnly));
        QHash<QString, QJsonObject> expected;
        for (const QJsonValue &value : QJsonDocument::fromJson(real.readAll()).object().value("resources"_L1).toArray())
            expected.insert(value.toObject().value("name"_L1).toString(), value.toObject());
        const QJsonObject ours = send("GET", u"/api/v1"_s).json();
        QCOMPARE(ours.value("kind"_L1).toString(), u"APIResourceList"_s);
        QVERIFY(!ours.contains("apiVersion"_L1));
        int compared = 0;
        for (const QJsonValue &value : ours.value("resources"_L1).toArray()) {
            const QJsonObject resource = value.toObject();
            const QString name = resource.value("name"_L1).toString();
            QVERIFY2(expected.contains(name), qPrintable(name));
            for (const auto key :
                 {"kind"_L1, "namespaced"_L1, "verbs"_L1, "shortNames"_L1, "categories"_L1, "storageVersionHash"_L1})
                QCOMPARE(resource.value(key), expected.value(name).value(key));
            ++compared;
        }
        QVERIFY(compared >= 5);
        QCOMPARE(send("GET", u"/version"_s).json().value("minor"_L1).toString(), u"32"_s);
    }

    void openApiListsEveryServedGroupVersion()
    {
        const QJsonObject paths = send("GET", u"/openapi/v3"_s).json().value("paths"_L1).toObject();
        for (const auto gv : {"api/v1"_L1, "apis/apps/v1"_L1, "apis/rbac.authorization.k8s.io/v1"_L1}) {
            QVERIFY2(paths.contains(gv), qPrintable(QString(gv)));
            const QString url = paths.value(gv).toObject().value("serverRelativeURL"_L1).toString();
            const QJsonObject doc = send("GET", url).json();
            QCOMPARE(doc.value("openapi"_L1).toString(), u"3.0.0"_s);
            QVERIFY(!doc.value("paths"_L1).toObject().isEmpty());
        }
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        const QString sas = u"/api/v1/namespaces/default/serviceaccounts"_s;
        QTest::newRow("malformed JSON") << "POST"_ba << sas << "{\"metadata\":"_ba
                                        << "application/json"_ba << 400 << u"BadRequest"_s
                                        << u"the object provided is unrecognized"_s;
        QTest::newRow("JSON array") << "POST"_ba << sas << "[1,2]"_ba
                                    << "application/json"_ba << 400 << u"BadRequest"_s
                                    << u"couldn't get version/kind"_s;
        QTest::newRow("malformed YAML") << "POST"_ba << sas << "metadata: [\n"_ba
                                        << "application/yaml"_ba << 400 << u"BadRequest"_s
                                        << u"error converting YAML to JSON"_s;
        QTest::newRow("garbage protobuf")
            << "POST"_ba << sas << "k8s\x00\x0a\xff\xff"_ba
            << "application/vnd.kubernetes.protobuf"_ba << 400 << u"BadRequest"_s << QString();
        QTest::newRow("wrong content type") << "POST"_ba << sas << "name=x"_ba
                                            << "text/plain"_ba << 415 << u"UnsupportedMediaType"_s
                                            << u"the body of the request was in an unknown format"_s;
        QTest::newRow("wrong kind") << "POST"_ba << sas
                                    << "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\"}}"_ba
                                    << "application/json"_ba << 400 << u"BadRequest"_s
                                    << u"the kind in the data (Secret) does not match"_s;
        QTest::newRow("namespace mismatch")
            << "POST"_ba << sas << "{\"metadata\":{\"name\":\"x\",\"namespace\":\"kube-system\"}}"_ba
            << "application/json"_ba << 400 << u"BadRequest"_s
            << u"the namespace of the provided object does not match"_s;
        QTest::newRow("missing namespace")
            << "POST"_ba << u"/api/v1/namespaces/nowhere/serviceaccounts"_s << "{\"metadata\":{\"name\":\"x\"}}"_ba
            << "application/json"_ba << 404 << u"NotFound"_s << u"namespaces \"nowhere\" not found"_s;
        QTest::newRow("no name") << "POST"_ba << sas << "{\"metadata\":{}}"_ba
                                 << "application/json"_ba << 422 << u"Invalid"_s
                                 << u"name or generateName is required"_s;
        QTest::newRow("unknown resource")
            << "GET"_ba << u"/api/v1/namespaces/default/widgets"_s << QByteArray() << QByteArray() << 404
            << u"NotFound"_s << u"the server could not find the requested resource"_s;
        QTest::newRow("unknown group") << "GET"_ba << u"/apis/example.com/v1/widgets"_s << QByteArray() << QByteArray()
                                       << 404 << u"NotFound"_s << QString();
        QTest::newRow("POST on an item") << "POST"_ba << sas + u"/default"_s << "{}"_ba
                                         << "application/json"_ba << 405 << u"MethodNotAllowed"_s << QString();
        QTest::newRow("bad label selector")
            << "GET"_ba << sas + u"?labelSelector=a%20in%20(b"_s << QByteArray() << QByteArray() << 400
            << u"BadRequest"_s << u"unable to parse requirement"_s;
        QTest::newRow("unsupported field")
            << "GET"_ba << sas + u"?fieldSelector=spec.x%3Dy"_s << QByteArray() << QByteArray() << 400
            << u"BadRequest"_s << u"\"spec.x\" is not a known field selector"_s;
        QTest::newRow("bad includeObject") << "GET"_ba << sas + u"?includeObject=All"_s << QByteArray() << QByteArray()
                                           << 400 << u"BadRequest"_s << u"unrecognized includeObject value: \"All\""_s;
        QTest::newRow("patch content type") << "PATCH"_ba << sas + u"/default"_s << "{}"_ba
                                            << "application/json"_ba << 415 << u"UnsupportedMediaType"_s
                                            << u"accepted media types include: application/json-patch+json"_s;
        QTest::newRow("patch missing object")
            << "PATCH"_ba << sas + u"/nope"_s << "{}"_ba
            << "application/merge-patch+json"_ba << 404 << u"NotFound"_s << u"serviceaccounts \"nope\" not found"_s;
        // The etcd3 store's words around storage.DecodeContinue's error; Go's base64 and JSON errors inside.
        QTest::newRow("continue garbage")
            << "GET"_ba << sas + u"?limit=2&continue=not-a-continue-token"_s << QByteArray() << QByteArray() << 400
            << u"BadRequest"_s
            << u"invalid continue token: continue key is not valid: invalid character '\\u009e' looking for "
               "beginning of value"_s;
        QTest::newRow("continue not base64")
            << "GET"_ba << sas + u"?limit=1&continue=ab%25cd"_s << QByteArray() << QByteArray() << 400
            << u"BadRequest"_s
            << u"invalid continue token: continue key is not valid: illegal base64 data at input byte 2"_s;
        QTest::newRow("continue other version")
            << "GET"_ba
            << sas + u"?limit=1&continue="_s
                + QString::fromLatin1(QByteArray(R"({"v":"v2","rv":5,"start":"a"})")
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            << QByteArray() << QByteArray() << 400 << u"BadRequest"_s
            << u"invalid continue token: continue key is not valid: server does not recognize this encoded version v2"_s;
        QTest::newRow("continue without rv")
            << "GET"_ba
            << sas + u"?limit=1&continue="_s
                + QString::fromLatin1(QByteArray(R"({"v":"meta.k8s.io/v1","start":"a"})")
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            << QByteArray() << QByteArray() << 400 << u"BadRequest"_s
            << u"invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version "
               "meta.k8s.io/v1)"_s;
    }

    void badRequests()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        const QByteArray before = send("GET", u"/api/v1/namespaces/default/serviceaccounts"_s).body;
        const HttpResult response = send(verb, path, body, contentType);
        QCOMPARE(response.code, code);
        const QJsonObject status = response.json();
        QCOMPARE(status.value("kind"_L1).toString(), u"Status"_s);
        QCOMPARE(status.value("code"_L1).toInt(), code);
        QCOMPARE(status.value("reason"_L1).toString(), reason);
        QVERIFY2(status.value("message"_L1).toString().contains(message),
                 qPrintable(status.value("message"_L1).toString()));
        // Nothing was half-applied.
        QCOMPARE(send("GET", u"/api/v1/namespaces/default/serviceaccounts"_s).body, before);
    }

    void bodyOver3MiBIsRefused()
    {
        QByteArray big = "{\"metadata\":{\"name\":\"big\"},\"x\":\""_ba;
        big += QByteArray(3 * 1024 * 1024, 'a') + "\"}"_ba;
        const HttpResult response = send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s, big);
        QCOMPARE(response.code, 413);
        QCOMPARE(response.json().value("reason"_L1).toString(), u"RequestEntityTooLarge"_s);
        QCOMPARE(send("GET", u"/api/v1/namespaces/default/serviceaccounts/big"_s).code, 404);
        // The server is still fine afterwards.
        QCOMPARE(send("GET", u"/version"_s).code, 200);
    }

    void kubectlProtobufBodiesCreateObjects()
    {
        // The request bodies real kubectl 1.32 sent for `create namespace` and `create serviceaccount`.
        const QString dir = QStringLiteral(SA_FIXTURES_DIR) + u"/kubectl-requests/"_s;
        QFile ns(dir + u"last_api_v1_namespaces.bin"_s);
        QVERIFY(ns.open(QIODevice::ReadOnly));
        const HttpResult created =
            send("POST", u"/api/v1/namespaces"_s, ns.readAll(), "application/vnd.kubernetes.protobuf");
        QCOMPARE(created.code, 201);
        const QString name = created.json().value("metadata"_L1).toObject().value("name"_L1).toString();
        QVERIFY(!name.isEmpty());
        QFile sa(dir + u"last_api_v1_namespaces_default_serviceaccounts.bin"_s);
        QVERIFY(sa.open(QIODevice::ReadOnly));
        const HttpResult account = send("POST", u"/api/v1/namespaces/default/serviceaccounts"_s, sa.readAll(),
                                        "application/vnd.kubernetes.protobuf");
        QCOMPARE(account.code, 201);
        QCOMPARE(account.json().value("kind"_L1).toString(), u"ServiceAccount"_s);
    }

    void generateNameMakesUniqueNames()
    {
        const QJsonObject body {{"metadata"_L1, QJsonObject {{"generateName"_L1, "ci-"_L1}}}};
        const QString first =
            createAccount(u"default"_s, body).json().value("metadata"_L1).toObject().value("name"_L1).toString();
        const QString second =
            createAccount(u"default"_s, body).json().value("metadata"_L1).toObject().value("name"_L1).toString();
        QVERIFY(first.startsWith("ci-"_L1) && first.size() == 8);
        QVERIFY(second.startsWith("ci-"_L1) && second != first);
    }

    void tablesAndMetadataOnlyLists()
    {
        QCOMPARE(createAccount(u"default"_s, serviceAccount(u"tabled"_s, {{"team"_L1, "a"_L1}})).code, 201);
        const QByteArray table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        const QString path = u"/api/v1/namespaces/default/serviceaccounts?labelSelector=team%3Da"_s;

        HttpResult response = send("GET", path, {}, {}, table);
        QVERIFY(response.contentType.startsWith("application/json;as=Table"));
        QJsonObject body = response.json();
        QCOMPARE(body.value("kind"_L1).toString(), u"Table"_s);
        QCOMPARE(body.value("columnDefinitions"_L1).toArray().size(), 3);
        QJsonArray rows = body.value("rows"_L1).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("cells"_L1).toArray()[0].toString(), u"tabled"_s);
        QCOMPARE(rows[0].toObject().value("object"_L1).toObject().value("kind"_L1).toString(),
                 u"PartialObjectMetadata"_s);

        rows = send("GET", path + u"&includeObject=None"_s, {}, {}, table).json().value("rows"_L1).toArray();
        QVERIFY(!rows[0].toObject().contains("object"_L1));
        rows = send("GET", path + u"&includeObject=Object"_s, {}, {}, table).json().value("rows"_L1).toArray();
        QCOMPARE(rows[0].toObject().value("object"_L1).toObject().value("kind"_L1).toString(), u"ServiceAccount"_s);

        // Secrets listed as metadata only carry no data at all.
        const QByteArray secret = "{\"metadata\":{\"name\":\"hush\"},\"stringData\":{\"password\":\"s3cr3t\"}}";
        QCOMPARE(send("POST", u"/api/v1/namespaces/default/secrets"_s, secret).code, 201);
        response = send("GET", u"/api/v1/namespaces/default/secrets"_s, {}, {},
                        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io");
        QCOMPARE(response.json().value("kind"_L1).toString(), u"PartialObjectMetadataList"_s);
        QVERIFY(!response.body.contains("s3cr3t") && !response.body.contains("czNjcjN0"));
        QCOMPARE(response.json().value("items"_L1).toArray().size(), 1);

        // A single get cannot be a list.
        response = send("GET", u"/api/v1/namespaces/default/secrets/hush"_s, {}, {},
                        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io");
        QCOMPARE(response.code, 406);
    }

    void paginationReadsOneSnapshot()
    {
        QCOMPARE(send("POST", u"/api/v1/namespaces"_s, "{\"metadata\":{\"name\":\"paged\"}}").code, 201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(createAccount(u"paged"_s, serviceAccount(u"sa-"_s + QString::number(i))).code, 201);
        QTRY_COMPARE(
            send("GET", u"/api/v1/namespaces/paged/serviceaccounts"_s).json().value("items"_L1).toArray().size(), 6);

        QJsonObject page = send("GET", u"/api/v1/namespaces/paged/serviceaccounts?limit=2"_s).json();
        QCOMPARE(page.value("items"_L1).toArray().size(), 2);
        QCOMPARE(page.value("metadata"_L1).toObject().value("remainingItemCount"_L1).toInt(), 4);
        const QString rv = page.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
        QStringList names;
        for (const QJsonValue &item : page.value("items"_L1).toArray())
            names.append(item.toObject().value("metadata"_L1).toObject().value("name"_L1).toString());

        // Changes after the first page do not show in the later pages.
        QCOMPARE(createAccount(u"paged"_s, serviceAccount(u"sa-late"_s)).code, 201);
        QCOMPARE(send("DELETE", u"/api/v1/namespaces/paged/serviceaccounts/sa-4"_s).code, 200);
        QString token = page.value("metadata"_L1).toObject().value("continue"_L1).toString();
        while (!token.isEmpty()) {
            page = send("GET",
                        u"/api/v1/namespaces/paged/serviceaccounts?limit=2&continue="_s
                            + QString::fromLatin1(QUrl::toPercentEncoding(token)))
                       .json();
            QCOMPARE(page.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString(), rv);
            for (const QJsonValue &item : page.value("items"_L1).toArray())
                names.append(item.toObject().value("metadata"_L1).toObject().value("name"_L1).toString());
            token = page.value("metadata"_L1).toObject().value("continue"_L1).toString();
        }
        QCOMPARE(names, QStringList({u"default"_s, u"sa-0"_s, u"sa-1"_s, u"sa-2"_s, u"sa-3"_s, u"sa-4"_s}));
    }

    void optimisticConcurrency()
    {
        const QJsonObject created = createAccount(u"default"_s, serviceAccount(u"occ"_s)).json();
        QJsonObject stale = created;
        QJsonObject changed = created;
        changed.insert("automountServiceAccountToken"_L1, false);
        QCOMPARE(send("PUT", u"/api/v1/namespaces/default/serviceaccounts/occ"_s, QJsonDocument(changed).toJson()).code,
                 200);
        stale.insert("imagePullSecrets"_L1, QJsonArray {QJsonObject {{"name"_L1, "x"_L1}}});
        const HttpResult conflict =
            send("PUT", u"/api/v1/namespaces/default/serviceaccounts/occ"_s, QJsonDocument(stale).toJson());
        QCOMPARE(conflict.code, 409);
        QCOMPARE(conflict.json().value("reason"_L1).toString(), u"Conflict"_s);

        // A JSON patch that tests the resourceVersion is the client's read-modify-write guard.
        const QString oldRv = created.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
        const QByteArray guarded = "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\""
            + oldRv.toLatin1() + "\"},{\"op\":\"add\",\"path\":\"/imagePullSecrets\",\"value\":[{\"name\":\"x\"}]}]";
        const HttpResult refused =
            send("PATCH", u"/api/v1/namespaces/default/serviceaccounts/occ"_s, guarded, "application/json-patch+json");
        QCOMPARE(refused.code, 422);
        QVERIFY(
            !send("GET", u"/api/v1/namespaces/default/serviceaccounts/occ"_s).json().contains("imagePullSecrets"_L1));
    }

    void deleteCollectionAnswersWithTheFirstFailure()
    {
        // As the apiserver's DeleteCollection: the objects go one by one, and the first one that cannot go ends
        // the request with its error; those before it stay deleted. A precondition that only dc-a meets stops
        // at dc-b.
        const QString sas = u"/api/v1/namespaces/default/serviceaccounts"_s;
        const QJsonObject labels {{"sweep"_L1, "dc"_L1}};
        const HttpResult first = createAccount(u"default"_s, serviceAccount(u"dc-a"_s, labels));
        QCOMPARE(first.code, 201);
        const HttpResult second = createAccount(u"default"_s, serviceAccount(u"dc-b"_s, labels));
        QCOMPARE(second.code, 201);
        const auto uidOf = [](const HttpResult &result) {
            return result.json().value("metadata"_L1).toObject().value("uid"_L1).toString();
        };
        const QJsonObject options {{"kind"_L1, "DeleteOptions"_L1},
                                   {"apiVersion"_L1, "v1"_L1},
                                   {"preconditions"_L1, QJsonObject {{"uid"_L1, uidOf(first)}}}};
        const HttpResult refused =
            send("DELETE", sas + u"?labelSelector=sweep%3Ddc"_s, QJsonDocument(options).toJson());
        QCOMPARE(refused.code, 409);
        const QJsonObject status = refused.json();
        QCOMPARE(status.value("kind"_L1).toString(), u"Status"_s);
        QCOMPARE(status.value("reason"_L1).toString(), u"Conflict"_s);
        QCOMPARE(status.value("details"_L1).toObject().value("name"_L1).toString(), u"dc-b"_s);
        QCOMPARE(status.value("message"_L1).toString(),
                 u"Operation cannot be fulfilled on ServiceAccount \"dc-b\": the UID in the precondition ("_s
                     + uidOf(first) + u") does not match the UID in record ("_s + uidOf(second)
                     + u"). The object might have been deleted and then recreated"_s);
        QCOMPARE(send("GET", sas + u"/dc-a"_s).code, 404);
        QCOMPARE(send("GET", sas + u"/dc-b"_s).code, 200);

        // Without the precondition the rest goes, and the answer lists what went.
        const HttpResult swept = send("DELETE", sas + u"?labelSelector=sweep%3Ddc"_s);
        QCOMPARE(swept.code, 200);
        QCOMPARE(swept.json().value("kind"_L1).toString(), u"ServiceAccountList"_s);
        const QJsonArray items = swept.json().value("items"_L1).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value("metadata"_L1).toObject().value("name"_L1).toString(), u"dc-b"_s);
        QCOMPARE(send("GET", sas + u"/dc-b"_s).code, 404);
    }

    void watchDeliversEventsAndSelectorTransitions()
    {
        const QString rv = send("GET", u"/api/v1/namespaces/default/serviceaccounts"_s)
                               .json()
                               .value("metadata"_L1)
                               .toObject()
                               .value("resourceVersion"_L1)
                               .toString();
        auto reply = watch(u"labelSelector=watched%3Dyes&resourceVersion="_s + rv);
        QByteArray buffer;
        QCOMPARE(createAccount(u"default"_s, serviceAccount(u"w1"_s, {{"watched"_L1, "yes"_L1}})).code, 201);
        QCOMPARE(createAccount(u"default"_s, serviceAccount(u"w2"_s)).code, 201); // not selected
        QCOMPARE(send("PATCH", u"/api/v1/namespaces/default/serviceaccounts/w2"_s,
                      "{\"metadata\":{\"labels\":{\"watched\":\"yes\"}}}", "application/merge-patch+json")
                     .code,
                 200);
        QCOMPARE(send("PATCH", u"/api/v1/namespaces/default/serviceaccounts/w1"_s,
                      "{\"metadata\":{\"labels\":{\"watched\":null}}}", "application/merge-patch+json")
                     .code,
                 200);
        QCOMPARE(send("DELETE", u"/api/v1/namespaces/default/serviceaccounts/w2"_s).code, 200);

        // An open watch does not hold up other requests (the ones above completed), and sees:
        const QList<QJsonObject> events = SimHttp::readEvents(reply.get(), 4, buffer);
        QCOMPARE(events.size(), 4);
        const auto describe = [](const QJsonObject &event) -> QString {
            return event.value("type"_L1).toString() + u' '
                + event.value("object"_L1).toObject().value("metadata"_L1).toObject().value("name"_L1).toString();
        };
        QCOMPARE(describe(events[0]), u"ADDED w1"_s);
        QCOMPARE(describe(events[1]), u"ADDED w2"_s); // entered the selector
        QCOMPARE(describe(events[2]), u"DELETED w1"_s); // left it
        QCOMPARE(describe(events[3]), u"DELETED w2"_s);
    }

    // As the watch cache converts it: an object that stops matching the selector goes as DELETED with the state
    // the watcher last saw (the labels that matched), stamped with the change's resourceVersion.
    void watchSelectorLeaveSendsPreviousObject()
    {
        const QString sas = u"/api/v1/namespaces/default/serviceaccounts"_s;
        const HttpResult created = createAccount(u"default"_s, serviceAccount(u"relabelled"_s, {{"team"_L1, "a"_L1}}));
        QCOMPARE(created.code, 201);
        const QString createdRv = created.json().value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
        auto reply = watch(u"labelSelector=team%3Da&resourceVersion="_s + createdRv);
        const HttpResult relabelled =
            send("PATCH", sas + u"/relabelled"_s, "{\"metadata\":{\"labels\":{\"team\":\"b\"}}}",
                 "application/merge-patch+json");
        QCOMPARE(relabelled.code, 200);
        const QString newRv = relabelled.json().value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
        QVERIFY(newRv != createdRv);

        QByteArray buffer;
        const QList<QJsonObject> events = SimHttp::readEvents(reply.get(), 1, buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value("type"_L1).toString(), u"DELETED"_s);
        const QJsonObject metadata = events[0].value("object"_L1).toObject().value("metadata"_L1).toObject();
        QCOMPARE(metadata.value("name"_L1).toString(), u"relabelled"_s);
        QCOMPARE(metadata.value("labels"_L1).toObject(), QJsonObject({{"team"_L1, "a"_L1}}));
        QCOMPARE(metadata.value("resourceVersion"_L1).toString(), newRv);
        QCOMPARE(send("DELETE", sas + u"/relabelled"_s).code, 200);
    }

    void watchFromTooOldVersionGetsExpiredEvent()
    {
        // The history holds 20 changes; make more, then ask for an early one.
        for (int i = 0; i < 25; ++i)
            QCOMPARE(createAccount(u"default"_s, serviceAccount(u"churn-"_s + QString::number(i))).code, 201);
        auto reply = watch(u"resourceVersion=2"_s);
        QByteArray buffer;
        const QList<QJsonObject> events = SimHttp::readEvents(reply.get(), 2, buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value("type"_L1).toString(), u"ERROR"_s);
        const QJsonObject status = events[0].value("object"_L1).toObject();
        QCOMPARE(status.value("code"_L1).toInt(), 410);
        QCOMPARE(status.value("reason"_L1).toString(), u"Expired"_s);
        QVERIFY(status.value("message"_L1).toString().startsWith(u"too old resource version: 2 ("_s));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }

    // The fault {"watch": {"compactEverySeconds": N}}: every N seconds open watches end and the history is dropped, as
    // a restarted apiserver's watch cache starts empty: a watch resuming from before gets 410 Expired as an ERROR
    // event; one resuming from the newest resourceVersion is served.
    void watchResumeAfterInjectedCompactionGetsExpired()
    {
        QCOMPARE(send("PUT", u"/kube-sim/v1/faults"_s, "{\"watch\":{\"compactEverySeconds\":2}}").code, 200);
        const auto clear = qScopeGuard([this] { send("DELETE", u"/kube-sim/v1/faults"_s); });
        const auto rvOf = [](const QJsonObject &object) {
            return object.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();
        };
        const HttpResult before = createAccount(u"default"_s, serviceAccount(u"before-compaction"_s));
        QCOMPARE(before.code, 201);
        auto open = watch(u"resourceVersion="_s + rvOf(before.json()));
        QByteArray buffer;
        QCOMPARE(createAccount(u"default"_s, serviceAccount(u"within-period"_s)).code, 201);
        QList<QJsonObject> events = SimHttp::readEvents(open.get(), 1, buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value("type"_L1).toString(), u"ADDED"_s);
        const QString seen = rvOf(events[0].value("object"_L1).toObject());
        // The compaction ends the stream; what is written afterwards cannot be resumed from before it.
        QTRY_VERIFY_WITH_TIMEOUT(open->isFinished(), 4000);
        QCOMPARE(open->error(), QNetworkReply::NoError);
        const HttpResult after = createAccount(u"default"_s, serviceAccount(u"after-compaction"_s));
        QCOMPARE(after.code, 201);
        auto reply = watch(u"resourceVersion="_s + seen);
        buffer.clear();
        events = SimHttp::readEvents(reply.get(), 2, buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value("type"_L1).toString(), u"ERROR"_s);
        const QJsonObject status = events[0].value("object"_L1).toObject();
        QCOMPARE(status.value("code"_L1).toInt(), 410);
        QCOMPARE(status.value("reason"_L1).toString(), u"Expired"_s);
        QVERIFY(reply->isFinished());

        // From the newest resourceVersion the watch goes on.
        auto resumed = watch(u"resourceVersion="_s + rvOf(after.json()));
        QCOMPARE(createAccount(u"default"_s, serviceAccount(u"after-resume"_s)).code, 201);
        buffer.clear();
        events = SimHttp::readEvents(resumed.get(), 1, buffer);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value("type"_L1).toString(), u"ADDED"_s);
        QCOMPARE(events[0].value("object"_L1).toObject().value("metadata"_L1).toObject().value("name"_L1).toString(),
                 u"after-resume"_s);
    }

    void watchBookmarksAndTimeout()
    {
        auto reply = watch(u"allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan"
                           "&timeoutSeconds=2"_s);
        QByteArray buffer;
        QList<QJsonObject> events;
        // Initial ADDED events, then the bookmark that ends them, then periodic bookmarks until the timeout.
        QElapsedTimer timer;
        timer.start();
        events = SimHttp::readEvents(reply.get(), 1000, buffer);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QVERIFY(timer.elapsed() >= 1500);
        qsizetype added = 0, bookmarks = 0, initialEnd = -1;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString type = events[i].value("type"_L1).toString();
            if (type == "ADDED"_L1)
                ++added;
            if (type == "BOOKMARK"_L1) {
                ++bookmarks;
                const QJsonObject annotations = events[i]
                                                    .value("object"_L1)
                                                    .toObject()
                                                    .value("metadata"_L1)
                                                    .toObject()
                                                    .value("annotations"_L1)
                                                    .toObject();
                if (annotations.value("k8s.io/initial-events-end"_L1).toString() == "true"_L1 && initialEnd < 0)
                    initialEnd = i;
            }
        }
        QVERIFY(added > 0);
        QCOMPARE(initialEnd, added);
        QVERIFY(bookmarks >= 3);
    }

    // As Go's net/http: a body framed both ways is refused and the connection closed (request smuggling).
    void contentLengthWithTransferEncodingIsRefused()
    {
        const QByteArray body = QJsonDocument(serviceAccount(u"smuggled"_s)).toJson(QJsonDocument::Compact);
        const RawAnswer answer =
            rawExchange(*m_sim,
                        {"POST /api/v1/namespaces/default/serviceaccounts HTTP/1.1\r\nHost: kube-sim\r\n"
                         "Content-Type: application/json\r\nContent-Length: 5\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"_ba
                         + QByteArray::number(body.size(), 16) + "\r\n"_ba + body + "\r\n0\r\n\r\n"_ba});
        QVERIFY2(answer.data.startsWith("HTTP/1.1 400 "), answer.data.constData());
        QVERIFY2(answer.data.contains("Content-Length with Transfer-Encoding"), answer.data.constData());
        QVERIFY(answer.closed);
        QCOMPARE(send("GET", u"/api/v1/namespaces/default/serviceaccounts/smuggled"_s).code, 404);
    }

    void duplicateContentLengths_data()
    {
        QTest::addColumn<QByteArray>("lengths");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("differing") << "Content-Length: 0\r\nContent-Length: 7\r\n"_ba
                                   << "HTTP/1.1 400 "_ba;
        QTest::newRow("differing, larger first") << "Content-Length: 7\r\nContent-Length: 0\r\n"_ba
                                                 << "HTTP/1.1 400 "_ba;
        QTest::newRow("identical") << "Content-Length: 0\r\nContent-Length: 0\r\n"_ba
                                   << "HTTP/1.1 200 "_ba;
    }

    void duplicateContentLengths()
    {
        QFETCH(QByteArray, lengths);
        QFETCH(QByteArray, status);
        const RawAnswer answer =
            rawExchange(*m_sim, {kVersionHead + lengths + "Connection: close\r\n\r\n"_ba + "1234567"_ba});
        QVERIFY2(answer.data.startsWith(status), answer.data.constData());
        if (status.contains("400"))
            QVERIFY2(answer.data.contains("bad Content-Length"), answer.data.constData());
        QVERIFY(answer.closed);
    }

    // What a connection buffers is bounded: a header section over 1 MiB (431, as Go's DefaultMaxHeaderBytes),
    // a chunk-size line that never ends (400), and bytes piling up behind a watch (connection dropped).
    void connectionInputIsBounded()
    {
        RawAnswer answer =
            rawExchange(*m_sim, {kVersionHead + "X-Padding: "_ba + QByteArray(1024 * 1024 + 10, 'a') + "\r\n\r\n"_ba});
        QVERIFY2(answer.data.startsWith("HTTP/1.1 431 "), answer.data.left(200).constData());
        QVERIFY(answer.closed);

        answer = rawExchange(*m_sim,
                             {"POST /api/v1/namespaces/default/serviceaccounts HTTP/1.1\r\nHost: kube-sim\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n"_ba
                              + QByteArray(64 * 1024, '1')});
        QVERIFY2(answer.data.startsWith("HTTP/1.1 400 "), answer.data.left(200).constData());
        QVERIFY2(answer.data.contains("malformed chunk"), answer.data.constData());
        QVERIFY(answer.closed);

        QList<QByteArray> flood {"GET /api/v1/namespaces/default/serviceaccounts?watch=true HTTP/1.1\r\n"
                                 "Host: kube-sim\r\n\r\n"_ba};
        for (int i = 0; i < 6; ++i)
            flood.append(QByteArray(1024 * 1024, 'x'));
        answer = rawExchange(*m_sim, flood);
        QVERIFY2(answer.data.startsWith("HTTP/1.1 200 "), answer.data.left(200).constData());
        QVERIFY(answer.closed);
    }

    // A request body is read however its bytes are cut into TLS records and reads: 64 KiB in one write, in many
    // small writes, and in writes of one byte that cut chunk-size lines (with extensions), their CRLFs, the data
    // and the trailer at every place. With Connection: close as with keep-alive (then a pipelined request follows,
    // read from where the body ended).
    void requestBodiesSplitAcrossReads_data()
    {
        QTest::addColumn<bool>("isChunked");
        QTest::addColumn<int>("valueSize");
        QTest::addColumn<int>("chunkSize");
        QTest::addColumn<int>("writeSize");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("64 KiB chunked, one write") << true << 64 * 1024 << 8000 << 1024 * 1024 << false;
        QTest::newRow("64 KiB chunked, one chunk") << true << 64 * 1024 << 1024 * 1024 << 1024 * 1024 << false;
        QTest::newRow("64 KiB chunked, 1000-byte writes") << true << 64 * 1024 << 300 << 1000 << false;
        QTest::newRow("64 KiB chunked, 1000-byte writes, keep-alive") << true << 64 * 1024 << 300 << 1000 << true;
        QTest::newRow("chunked, one-byte writes") << true << 40 << 17 << 1 << false;
        QTest::newRow("chunked, one-byte writes, keep-alive") << true << 40 << 17 << 1 << true;
        QTest::newRow("64 KiB Content-Length, 1000-byte writes") << false << 64 * 1024 << 0 << 1000 << false;
    }

    void requestBodiesSplitAcrossReads()
    {
        QFETCH(bool, isChunked);
        QFETCH(int, valueSize);
        QFETCH(int, chunkSize);
        QFETCH(int, writeSize);
        QFETCH(bool, keepAlive);
        const QString name = u"split-"_s + QString::number(qHash(QByteArray(QTest::currentDataTag())), 16);
        const QString value(valueSize, u'v');
        QJsonObject account = serviceAccount(name);
        QJsonObject metadata = account.value("metadata"_L1).toObject();
        metadata.insert("annotations"_L1, QJsonObject {{"bench/value"_L1, value}});
        account.insert("metadata"_L1, metadata);
        const QByteArray body = QJsonDocument(account).toJson(QJsonDocument::Compact);
        QByteArray head = kCreateHead + (keepAlive ? QByteArray() : "Connection: close\r\n"_ba);
        QByteArray framed;
        if (isChunked) {
            head += "Transfer-Encoding: chunked\r\n\r\n"_ba;
            // One-byte writes also cross a chunk extension and a trailer field.
            framed = writeSize == 1 ? chunked(body, chunkSize, ";ext=\"a\""_ba, "X-Trailer: t\r\n"_ba)
                                    : chunked(body, chunkSize);
        } else {
            head += "Content-Length: "_ba + QByteArray::number(body.size()) + "\r\n\r\n"_ba;
            framed = body;
        }
        QList<QByteArray> writes {head};
        writes += pieces(framed, writeSize);
        if (keepAlive)
            writes.append(kVersionHead + "Connection: close\r\n\r\n"_ba);
        // Kept short: a body that is not read shows as no answer at all.
        const RawAnswer answer = rawExchange(*m_sim, writes, 3000 + int(writes.size()) * 4, writeSize < 4096 ? 1 : 0);
        QVERIFY2(answer.data.startsWith("HTTP/1.1 201 "), answer.data.left(300).constData());
        if (keepAlive)
            QVERIFY2(answer.data.contains("}HTTP/1.1 200 OK\r\n"), answer.data.right(300).constData());
        QVERIFY(answer.closed);
        const HttpResult created = send("GET", u"/api/v1/namespaces/default/serviceaccounts/"_s + name);
        QCOMPARE(created.code, 200);
        QCOMPARE(
            created.json().value("metadata"_L1).toObject().value("annotations"_L1).toObject().value("bench/value"_L1),
            value);
    }

    // Chunk framing is checked, as Go's net/http does: data not followed by CRLF, and a size that is no hex
    // number, are refused (and nothing is created).
    void malformedChunksAreRefused_data()
    {
        const QByteArray body = QJsonDocument(serviceAccount(u"malformed-chunk"_s)).toJson(QJsonDocument::Compact);
        const QByteArray size = QByteArray::number(body.size(), 16);
        QTest::addColumn<QByteArray>("framed");
        QTest::newRow("no CRLF after the data") << size + "\r\n"_ba + body + "XX0\r\n\r\n"_ba;
        QTest::newRow("size not hex") << "g"_ba + size + "\r\n"_ba + body + "\r\n0\r\n\r\n"_ba;
    }

    void malformedChunksAreRefused()
    {
        QFETCH(QByteArray, framed);
        const RawAnswer answer = rawExchange(*m_sim, {kChunkedCreateHead, framed}, 3000);
        QVERIFY2(answer.data.startsWith("HTTP/1.1 400 "), answer.data.left(300).constData());
        QVERIFY2(answer.data.contains("malformed chunk"), answer.data.constData());
        QVERIFY(answer.closed);
        QCOMPARE(send("GET", u"/api/v1/namespaces/default/serviceaccounts/malformed-chunk"_s).code, 404);
    }

    // A chunked body over the 3 MiB limit is refused with the apiserver's 413, whether it comes as one chunk
    // or as many.
    void chunkedBodyOverTheLimit_data()
    {
        QTest::addColumn<int>("chunkSize");
        QTest::newRow("one chunk") << 4 * 1024 * 1024;
        QTest::newRow("64 KiB chunks") << 64 * 1024;
    }

    void chunkedBodyOverTheLimit()
    {
        QFETCH(int, chunkSize);
        const QByteArray body =
            "{\"metadata\":{\"name\":\"big-chunked\"},\"x\":\""_ba + QByteArray(3 * 1024 * 1024, 'a') + "\"}"_ba;
        const RawAnswer answer = rawExchange(*m_sim, {kChunkedCreateHead, chunked(body, chunkSize)}, 5000);
        QVERIFY2(answer.data.startsWith("HTTP/1.1 413 "), answer.data.left(300).constData());
        QVERIFY2(answer.data.contains("\"reason\":\"RequestEntityTooLarge\""), answer.data.constData());
        QVERIFY(answer.closed);
        QCOMPARE(send("GET", u"/api/v1/namespaces/default/serviceaccounts/big-chunked"_s).code, 404);
    }

    // With short limits: a connection that never starts TLS, and one idle after its answer, are closed; one over
    // the cap is closed on arrival while the others are open.
    void connectionTimeoutsAndCap()
    {
        KubeSimProcess sim({u"--seed"_s, u"empty"_s, u"--idle-timeout"_s, u"1s"_s, u"--tls-handshake-timeout"_s,
                            u"1s"_s, u"--max-connections"_s, u"2"_s});
        QVERIFY2(sim.start(), qPrintable(sim.error()));
        const QUrl url(sim.url());

        QTcpSocket plain; // no handshake ever
        plain.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(plain.waitForConnected(5000));
        QSslSocket idle;
        idle.setSslConfiguration(sim.adminTls());
        idle.connectToHostEncrypted(url.host(), quint16(url.port()));
        QVERIFY(idle.waitForEncrypted(5000));
        idle.write(kVersionHead + "\r\n"_ba);
        QVERIFY(idle.waitForReadyRead(5000));
        QVERIFY(idle.readAll().startsWith("HTTP/1.1 200 "));

        // Two are open: a third is closed at once.
        QSslSocket third;
        third.setSslConfiguration(sim.adminTls());
        third.connectToHostEncrypted(url.host(), quint16(url.port()));
        QVERIFY(!third.waitForEncrypted(3000));

        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(plain.state() == QAbstractSocket::UnconnectedState
                                     && idle.state() == QAbstractSocket::UnconnectedState,
                                 5000);
        QVERIFY(timer.elapsed() < 5000);

        // With those gone, connections are taken again.
        const RawAnswer answer = rawExchange(sim, {kVersionHead + "Connection: close\r\n\r\n"_ba});
        QVERIFY2(answer.data.startsWith("HTTP/1.1 200 "), answer.data.constData());
    }
};

QTEST_GUILESS_MAIN(TestSimApi)
#include "tst_simapi.moc"
