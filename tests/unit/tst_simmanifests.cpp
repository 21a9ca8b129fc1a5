#include "Manifests.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace kubesim;

namespace {

const QString kFixtures = QStringLiteral(SA_FIXTURES_DIR) + u"/kubernetes"_s;

// Canonical text (sorted keys, compact) so a mismatch prints readably.
QByteArray canonical(const QJsonArray &values)
{
    return QJsonDocument(values).toJson(QJsonDocument::Compact);
}

QJsonArray toArray(const QList<QJsonObject> &objects)
{
    QJsonArray array;
    for (const QJsonObject &object : objects)
        array.append(object);
    return array;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray nested(const QByteArray &open, const QByteArray &leaf, const QByteArray &close, int depth)
{
    return open.repeated(depth) + leaf + close.repeated(depth);
}

} // namespace

class TestSimManifests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documents_data();
    void documents();
    void scalars_data();
    void scalars();
    void errors_data();
    void errors();
    void apiTestdata_data();
    void apiTestdata();
    void rbacFixtures_data();
    void rbacFixtures();
    void aliasBombIsRefused();
    void aliasesWithinTheBudget();
};

void TestSimManifests::documents_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // JSON array of the objects

    QTest::newRow("one document") << "kind: ServiceAccount\nmetadata:\n  name: a\n"_ba
                                  << R"([{"kind":"ServiceAccount","metadata":{"name":"a"}}])"_ba;
    QTest::newRow("two documents") << "a: 1\n---\nb: 2\n"_ba
                                   << R"([{"a":1},{"b":2}])"_ba;
    QTest::newRow("leading separator and document end") << "---\na: 1\n...\n---\nb: 2\n"_ba
                                                        << R"([{"a":1},{"b":2}])"_ba;
    QTest::newRow("empty documents skipped") << "---\n---\na: 1\n---\n\n---\n# only a comment\n---\nb: 2\n---\n"_ba
                                             << R"([{"a":1},{"b":2}])"_ba;
    QTest::newRow("explicit null document skipped") << "null\n---\na: 1\n"_ba
                                                    << R"([{"a":1}])"_ba;
    QTest::newRow("empty input") << QByteArray() << "[]"_ba;
    QTest::newRow("only comments") << "# nothing here\n"_ba
                                   << "[]"_ba;
    QTest::newRow("kind List expanded")
        << "apiVersion: v1\nkind: List\nmetadata: {}\nitems:\n- kind: ServiceAccount\n  metadata:\n    name: a\n"
           "- kind: Secret\n  metadata:\n    name: b\n"_ba
        << R"([{"kind":"ServiceAccount","metadata":{"name":"a"}},{"kind":"Secret","metadata":{"name":"b"}}])"_ba;
    QTest::newRow("typed list expanded")
        << "kind: ServiceAccountList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n"_ba
        << R"([{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}])"_ba;
    QTest::newRow("empty List gives nothing") << "kind: List\nitems: []\n"_ba
                                              << "[]"_ba;
    QTest::newRow("List between documents") << "a: 1\n---\nkind: List\nitems:\n- b: 2\n- c: 3\n---\nd: 4\n"_ba
                                            << R"([{"a":1},{"b":2},{"c":3},{"d":4}])"_ba;
    QTest::newRow("JSON object") << R"({"kind":"ServiceAccount","metadata":{"name":"a"}})"_ba
                                 << R"([{"kind":"ServiceAccount","metadata":{"name":"a"}}])"_ba;
    QTest::newRow("JSON object with surrounding whitespace") << "\n  {\"a\": \"123\"}\n\n"_ba
                                                             << R"([{"a":"123"}])"_ba;
    QTest::newRow("JSON array") << R"([{"a":1},{"b":2}])"_ba
                                << R"([{"a":1},{"b":2}])"_ba;
    QTest::newRow("JSON List") << R"({"kind":"List","items":[{"a":1},{"b":2}]})"_ba
                               << R"([{"a":1},{"b":2}])"_ba;
    QTest::newRow("flow mapping after a document marker") << "---\n{a: 1, b: \"2\"}\n"_ba
                                                          << R"([{"a":1,"b":"2"}])"_ba;
}

void TestSimManifests::documents()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const ManifestResult result = parseManifests(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(canonical(toArray(result.objects)), canonical(QJsonDocument::fromJson(expected).array()));
}

void TestSimManifests::scalars_data()
{
    QTest::addColumn<QByteArray>("yaml"); // the value of key "v"
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("double-quoted number stays a string") << "\"123\""_ba
                                                         << R"("123")"_ba;
    QTest::newRow("single-quoted number stays a string") << "'123'"_ba
                                                         << R"("123")"_ba;
    QTest::newRow("integer") << "123"_ba
                             << "123"_ba;
    QTest::newRow("negative integer") << "-5"_ba
                                      << "-5"_ba;
    QTest::newRow("plus sign") << "+12"_ba
                               << "12"_ba;
    QTest::newRow("zero") << "0"_ba
                          << "0"_ba;
    QTest::newRow("large integer") << "4294967296"_ba
                                   << "4294967296"_ba;
    QTest::newRow("float") << "1.5"_ba
                           << "1.5"_ba;
    QTest::newRow("leading dot float") << ".5"_ba
                                       << "0.5"_ba;
    QTest::newRow("exponent") << "1e3"_ba
                              << "1000"_ba;
    QTest::newRow("true") << "true"_ba
                          << "true"_ba;
    QTest::newRow("false") << "false"_ba
                           << "false"_ba;
    QTest::newRow("True") << "True"_ba
                          << "true"_ba;
    QTest::newRow("quoted true stays a string") << "\"true\""_ba
                                                << R"("true")"_ba;
    QTest::newRow("quoted false stays a string") << "'false'"_ba
                                                 << R"("false")"_ba;
    QTest::newRow("null") << "null"_ba
                          << "null"_ba;
    QTest::newRow("tilde") << "~"_ba
                           << "null"_ba;
    QTest::newRow("empty value") << ""_ba
                                 << "null"_ba;
    QTest::newRow("quoted null stays a string") << "\"null\""_ba
                                                << R"("null")"_ba;
    QTest::newRow("quoted empty string") << "\"\""_ba
                                         << R"("")"_ba;
    QTest::newRow("plain string") << "hello world"_ba
                                  << R"("hello world")"_ba;
    QTest::newRow("version-like string") << "1.2.3"_ba
                                         << R"("1.2.3")"_ba;
    QTest::newRow("quoted version") << "\"1.20\""_ba
                                    << R"("1.20")"_ba;
    QTest::newRow("timestamp stays a string") << "2024-01-01T00:00:00Z"_ba
                                              << R"("2024-01-01T00:00:00Z")"_ba;
    QTest::newRow("explicit !!str tag") << "!!str 123"_ba
                                        << R"("123")"_ba;
    QTest::newRow("literal block stays a string") << "|\n  123\n"_ba
                                                  << R"("123\n")"_ba;
    QTest::newRow("folded block") << ">-\n  a\n  b\n"_ba
                                  << R"("a b")"_ba;
    QTest::newRow("escape in double quotes") << R"("a\tb\u00e9")"_ba
                                             << "\"a\\tb\\u00e9\""_ba;
    QTest::newRow("flow sequence of mixed scalars") << "[1, \"1\", true, ~, x]"_ba
                                                    << R"([1,"1",true,null,"x"])"_ba;
    QTest::newRow("numeric and boolean keys stay strings") << "{8080: http, true: yes, \"1\": 1}"_ba
                                                           << R"({"8080":"http","true":"yes","1":1})"_ba;
    QTest::newRow("anchors and aliases") << "{a: &x [1, 2], b: *x}"_ba
                                         << R"({"a":[1,2],"b":[1,2]})"_ba;
}

void TestSimManifests::scalars()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    const ManifestResult result = parseManifests("v: " + yaml + (yaml.endsWith('\n') ? "" : "\n"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.objects.size(), 1);
    const QJsonValue expected = QJsonDocument::fromJson("[" + json + "]").array().at(0);
    QCOMPARE(canonical({result.objects.first().value("v"_L1)}), canonical({expected}));
    // The JSON type matters, not only the text: a number that printed like a string would still be wrong.
    QCOMPARE(result.objects.first().value("v"_L1).type(), expected.type());
}

void TestSimManifests::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("contains"); // a part of the error text

    // The line is where the parser notices: the flow sequence opened on line 2 is still open on line 3.
    QTest::newRow("unterminated flow sequence") << "a: 1\nb: [1, 2\nc: 3\n"_ba << u"yaml: line 3:"_s;
    QTest::newRow("bad indentation on line 3") << "a:\n  b: 1\n c: 2\n"_ba << u"yaml: line 3:"_s;
    QTest::newRow("tab indentation on line 2") << "a:\n\tb: 1\n"_ba << u"yaml: line 2:"_s;
    // Lines count from the start of the file, not of the document.
    QTest::newRow("error in the second document") << "a: 1\n---\nb: 2\n  c: 3\nd: 4\n"_ba << u"yaml: line 4:"_s;
    QTest::newRow("top-level scalar") << "just a string\n"_ba << u"must be an object"_s;
    QTest::newRow("top-level sequence") << "- a\n- b\n"_ba << u"must be an object"_s;
    QTest::newRow("scalar after an object") << "a: 1\n---\n42\n"_ba << u"must be an object"_s;
    QTest::newRow("scalar List item") << "kind: List\nitems: [1]\n"_ba << u"must be an object"_s;
    QTest::newRow("JSON syntax error") << R"({"a": )"_ba << u"invalid JSON at offset"_s;
    // As kubectl's YAMLOrJSONDecoder: input that starts with '{' is JSON, so a YAML flow mapping there fails.
    QTest::newRow("flow mapping at the start is read as JSON") << "{a: 1}\n"_ba << u"invalid JSON at offset"_s;
    QTest::newRow("JSON array of scalars") << "[1, 2]"_ba << u"must be an object"_s;
    QTest::newRow("deep YAML flow nesting") << "a: " + nested("[", "1", "]", 100000) << u"yaml: line 1"_s;
    QTest::newRow("deep YAML mapping nesting") << "a: " + nested("{b: ", "1", "}", 5000) << u"yaml: line 1"_s;
    QTest::newRow("nesting over the converter's limit") << "a: " + nested("[", "1", "]", 150) << u"yaml: line 1"_s;
    // yaml-cpp's LoadAll read empty documents at a stray "," for ever (the hang fuzz_sim_manifests found).
    QTest::newRow("stray flow entry") << ",\n"_ba << u"yaml: line 1: did not find expected node content"_s;
    QTest::newRow("stray flow entry after a document")
        << "a: 1\n---\n\n ,\n"_ba << u"yaml: line 4: did not find expected node content"_s;
    QTest::newRow("fuzz_sim_manifests hang") << readFile(
        QStringLiteral(SA_FIXTURES_DIR) + u"/../../fuzz/corpus/fuzz_sim_manifests/yaml-cpp-loadall-stray-comma"_s)
                                             << u"yaml: line 1"_s;
    QTest::newRow("deep JSON nesting") << R"({"a":)" + nested("[", "1", "]", 100000) + "}" << u"invalid JSON"_s;
}

void TestSimManifests::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, contains);
    const ManifestResult result = parseManifests(input);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(contains), qPrintable(result.error));
}

void TestSimManifests::apiTestdata_data()
{
    QTest::addColumn<QString>("yamlPath");

    const QDir dir(kFixtures + u"/api-testdata"_s);
    const QStringList files = dir.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
    if (files.isEmpty()) // fail loudly rather than pass on nothing
        QTest::newRow("no fixtures found") << dir.filePath(u"missing.yaml"_s);
}

void TestSimManifests::apiTestdata()
{
    QFETCH(QString, yamlPath);
    const QByteArray yaml = readFile(yamlPath);
    QVERIFY2(!yaml.isEmpty(), qPrintable(yamlPath));
    QString jsonPath = yamlPath;
    jsonPath.replace(jsonPath.size() - 5, 5, u".json"_s);
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(readFile(jsonPath), &error);
    QVERIFY2(json.isObject(), qPrintable(jsonPath + u": "_s + error.errorString()));

    const ManifestResult result = parseManifests(yaml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.objects.size(), 1);
    // Both files serialise the same object (the YAML quotes timestamps and keeps []byte as base64
    // text, like the JSON), so the parsed YAML must equal the JSON exactly, number types included.
    QCOMPARE(canonical({result.objects.first()}), canonical({json.object()}));
    QVERIFY(result.objects.first() == json.object());
}

void TestSimManifests::rbacFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("count");

    // Each file is one `kind: List`; the counts are the items in each list.
    QTest::newRow("cluster-role-bindings") << u"cluster-role-bindings.yaml"_s << u"ClusterRoleBinding"_s << 10;
    QTest::newRow("cluster-roles") << u"cluster-roles.yaml"_s << u"ClusterRole"_s << 31;
    QTest::newRow("namespace-role-bindings") << u"namespace-role-bindings.yaml"_s << u"RoleBinding"_s << 7;
    QTest::newRow("namespace-roles") << u"namespace-roles.yaml"_s << u"Role"_s << 7;
}

void TestSimManifests::rbacFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(int, count);
    const QByteArray yaml = readFile(kFixtures + u"/rbac/"_s + file);
    QVERIFY(!yaml.isEmpty());
    const ManifestResult result = parseManifests(yaml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.objects.size(), count);
    for (const QJsonObject &object : result.objects) {
        QCOMPARE(object.value("kind"_L1).toString(), kind);
        QCOMPARE(object.value("apiVersion"_L1).toString(), u"rbac.authorization.k8s.io/v1"_s);
        QVERIFY(!object.value("metadata"_L1).toObject().value("name"_L1).toString().isEmpty());
        // Annotations such as rbac.authorization.kubernetes.io/autoupdate: "true" stay strings.
        const QJsonObject annotations = object.value("metadata"_L1).toObject().value("annotations"_L1).toObject();
        for (auto it = annotations.begin(); it != annotations.end(); ++it)
            QVERIFY2(it.value().isString(), qPrintable(it.key()));
        const QJsonObject labels = object.value("metadata"_L1).toObject().value("labels"_L1).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            QVERIFY2(it.value().isString(), qPrintable(it.key()));
    }
}

namespace {

// "Billion laughs": nine levels of nine aliases each, under 512 bytes that stand for 9^9 strings.
QByteArray aliasBomb()
{
    QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\na: &a [\"lol\"]\n"_ba;
    char previous = 'a';
    for (char level = 'b'; level <= 'j'; ++level) {
        yaml += level + ": &"_ba + level + " ["_ba;
        for (int i = 0; i < 9; ++i)
            yaml += (i ? ", *"_ba : "*"_ba) + previous;
        yaml += "]\n"_ba;
        previous = level;
    }
    return yaml + "data: {bomb: *j}\n"_ba;
}

} // namespace

// As go-yaml v3, which kubectl and the apiserver decode YAML with: refused at once, not expanded.
void TestSimManifests::aliasBombIsRefused()
{
    const QByteArray bomb = aliasBomb();
    QVERIFY(bomb.size() < 512);
    QElapsedTimer timer;
    timer.start();
    const ManifestResult result = parseManifests(bomb);
    QCOMPARE(result.error, u"yaml: document contains excessive aliasing"_s);
    QVERIFY(result.objects.isEmpty());
    QString error;
    QVERIFY(yamlToJson(bomb, &error).isUndefined());
    QCOMPARE(error, u"yaml: document contains excessive aliasing"_s);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + u" ms"_s));
}

void TestSimManifests::aliasesWithinTheBudget()
{
    const QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a, labels: {x: y}}\n"
                            "other: [*m, *m, *m]\n"_ba;
    const ManifestResult result = parseManifests(yaml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.objects.size(), 1);
    QCOMPARE(result.objects.first().value("other"_L1).toArray().size(), 3);
    QCOMPARE(result.objects.first().value("other"_L1).toArray().at(2).toObject().value("name"_L1).toString(), u"a"_s);
}

QTEST_GUILESS_MAIN(TestSimManifests)
#include "tst_simmanifests.moc"
