// The YAML writer: what it writes reads back (with yaml-cpp) as the same JSON, looks like kubectl's, and never shows
// a Secret's values when masked.

#include "Manifests.h"
#include "resources/SecretEncoding.h"
#include "resources/Yaml.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using sa::toYaml;

namespace {

QString fixturesDir()
{
    return QStringLiteral(SA_FIXTURES_DIR);
}

// The top-level metadata.managedFields block of a kubectl-style YAML text, cut out (nested ones stay, as kubectl
// leaves them).
QByteArray withoutManagedFieldsText(const QByteArray &yaml)
{
    QByteArray result;
    bool inMetadata = false;
    bool skipping = false;
    for (const QByteArray &line : yaml.split('\n')) {
        if (!line.startsWith(' '))
            inMetadata = line == "metadata:";
        if (skipping && (line.startsWith("   ") || line.startsWith("  -")))
            continue;
        skipping = inMetadata && line == "  managedFields:";
        if (!skipping)
            result += line + '\n';
    }
    result.chop(1);
    return result;
}

QJsonValue readBack(const QByteArray &yaml)
{
    QString error;
    const QJsonValue value = kubesim::yamlToJson(yaml, &error);
    if (!error.isEmpty())
        qWarning("yaml-cpp refused the YAML: %s\n%s", qPrintable(error), yaml.constData());
    return value;
}

// One string in every position it can take: a value, a key, a list item, a nested list, deeper maps.
QJsonObject everywhere(const QString &text)
{
    return {{"value"_L1, text},
            {text, "key"_L1},
            {"list"_L1, QJsonArray {text, QJsonArray {text, text}, QJsonObject {{"k"_L1, text}, {"l"_L1, text}}}},
            {"nested"_L1, QJsonObject {{"deep"_L1, QJsonObject {{"v"_L1, text}}}}}};
}

} // namespace

class TestYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesRoundTrip_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(fixturesDir(), {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(fixturesDir()).relativeFilePath(path))) << path;
            ++count;
        }
        QVERIFY2(count >= 20, qPrintable(u"fixtures missing in "_s + fixturesDir()));
    }

    void fixturesRoundTrip()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(document.isObject(), qPrintable(error.errorString()));
        const QJsonObject object = document.object();

        const QByteArray yaml = toYaml(object);
        const QJsonValue back = readBack(yaml);
        QVERIFY(back.isObject());
        const QJsonObject expected = sa::withoutManagedFields(object);
        QCOMPARE(back.toObject(), expected);
        QVERIFY(!back[u"metadata"].toObject().contains("managedFields"_L1));

        // Where the Kubernetes project has the YAML of the same object (written by sigs.k8s.io/yaml, as kubectl
        // writes), ours is the same text.
        QFile kubectlYaml(path.chopped(4) + u"yaml"_s);
        if (kubectlYaml.open(QIODevice::ReadOnly))
            QCOMPARE(yaml, withoutManagedFieldsText(kubectlYaml.readAll()));
    }

    // The one double-quoted scalar writer (kubeconfigs with a token in them, and toYaml()): go-yaml's escapes.
    void quotedScalars_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("plain") << "abc.def-ghi"_ba
                               << "\"abc.def-ghi\""_ba;
        QTest::newRow("empty") << QByteArray() << "\"\""_ba;
        QTest::newRow("quote, backslash") << "a\"b\\c"_ba
                                          << "\"a\\\"b\\\\c\""_ba;
        QTest::newRow("tab, newline, cr") << "a\tb\nc\rd"_ba
                                          << "\"a\\tb\\nc\\rd\""_ba;
        QTest::newRow("nul, bell, escape") << QByteArray("\0\a\x1b", 3) << "\"\\0\\a\\e\""_ba;
        QTest::newRow("other C0, DEL") << "\x01\x1f\x7f"_ba
                                       << "\"\\x01\\x1F\\x7F\""_ba;
        QTest::newRow("NEL, other C1") << "\xc2\x85\xc2\x9f"_ba
                                       << "\"\\x85\\x9F\""_ba;
        QTest::newRow("LS, PS") << "\xe2\x80\xa8\xe2\x80\xa9"_ba
                                << "\"\\L\\P\""_ba;
        QTest::newRow("BOM, U+FFFE, U+FFFF") << "x\xef\xbb\xbf\xef\xbf\xbe\xef\xbf\xbf"_ba
                                             << "\"x\\uFEFF\\uFFFE\\uFFFF\""_ba;
        QTest::newRow("unicode as is") << "\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 \xc2\xa0"_ba
                                       << "\"\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 \xc2\xa0\""_ba;
    }

    void quotedScalars()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(QByteArray, quoted);
        QByteArray out;
        // The reservation callers make for secrets: no escape may outgrow it (a reallocation leaves a copy).
        out.reserve(4 * utf8.size() + 2);
        const qsizetype capacity = out.capacity();
        sa::appendYamlQuoted(out, utf8);
        QCOMPARE(out, quoted);
        QCOMPARE(out.capacity(), capacity);
        QCOMPARE(readBack("v: "_ba + out + '\n').toObject().value("v"_L1).toString(), QString::fromUtf8(utf8));
        QCOMPARE(sa::yamlQuoted(QString::fromUtf8(utf8)), quoted);
    }

    void trickyStrings_data()
    {
        QTest::addColumn<QString>("text");
        // p: written plain, q: double-quoted, l: a literal block, ?: any way that reads back.
        QTest::addColumn<char>("style");
        const auto row = [](const char *name, const QString &text, char style) {
            QTest::newRow(name) << text << style;
        };
        row("word", u"nameValue"_s, 'p');
        row("image", u"registry.example.com/payments-api:1.8.2"_s, 'p');
        row("url", u"https://example.com/a?b=c#frag"_s, 'p');
        row("flag", u"--config=/etc/app.yaml"_s, 'p');
        row("colon inside", u"a:b"_s, 'p');
        row("hash inside", u"a#b"_s, 'p');
        row("unicode", u"é • ✓ 😀"_s, 'p');
        row("version", u"1.2.3"_s, 'p');
        row("duration", u"3d"_s, 'p');
        row("empty", QString(), 'q');
        for (const char *word : {"true", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "<<",
                                 "=", ".inf", "-.Inf", ".nan"})
            row(word, QString::fromLatin1(word), 'q');
        for (const char *number : {"0", "00", "123", "-1", "+7", "1.5", ".5", "1.", "1e3", "1E-3", "0x1F", "0o17",
                                   "017", "0b101", "1_000", "12:30", "190:20:30.15"})
            row(number, QString::fromLatin1(number), 'q');
        row("date", u"2024-01-31"_s, 'q');
        row("timestamp", u"2008-01-01T01:01:01Z"_s, 'q');
        row("colon space", u"a: b"_s, 'q');
        row("ends with colon", u"key:"_s, 'q');
        row("comment", u"# not a comment"_s, 'q');
        row("space hash", u"a #b"_s, 'q');
        row("dash space", u"- item"_s, 'q');
        row("dash", u"-"_s, 'q');
        row("question", u"?"_s, 'q');
        row("question word", u"?x"_s, '?');
        row("colon word", u":x"_s, '?');
        row("ipv6", u"::1"_s, '?');
        for (const char *indicator : {"[1]", "{a}", "*ref", "&anchor", "!tag", "|", ">", "'single'", "\"double\"",
                                      "%YAML", "@at", "`tick", ",comma"})
            row(indicator, QString::fromLatin1(indicator), 'q');
        row("document start", u"---"_s, 'q');
        row("document start text", u"--- x"_s, 'q');
        row("document end", u"..."_s, 'q');
        row("leading space", u"  leading"_s, 'q');
        row("trailing space", u"trailing "_s, 'q');
        row("tab", u"a\tb"_s, 'q');
        row("leading tab", u"\tx"_s, 'q');
        row("quotes and backslash", u"back\\slash \"quoted\""_s, '?');
        row("multi-line", u"first\nsecond"_s, 'l');
        row("multi-line newline", u"first\nsecond\n"_s, 'l');
        row("multi-line newlines", u"first\nsecond\n\n\n"_s, 'l');
        row("certificate", u"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"_s, 'l');
        row("leading newline", u"\nafter"_s, 'l');
        row("indented first line", u"  indented\nfirst"_s, 'l');
        row("indented after empty", u"\n\n  indented\n"_s, 'l');
        row("indented later", u"line\n  indented\n"_s, 'l');
        row("empty lines inside", u"a\n\n\nb"_s, 'l');
        row("trailing spaces in lines", u"a  \nb "_s, 'l');
        row("tab lines", u"a\n\tb\n"_s, '?');
        row("comment lines", u"# one\n- two\nkey: three\n"_s, 'l');
        row("json", u"{\n  \"a\": [1, 2]\n}\n"_s, 'l');
        row("newline", u"\n"_s, 'q');
        row("newlines", u"\n\n"_s, 'q');
        row("spaces-only line", u"a\n   \nb"_s, 'q');
        row("crlf", u"a\r\nb\r\n"_s, 'q');
        row("bell", u"bell\x07"_s, 'q');
        row("escape", u"esc\x1b[0m"_s, 'q');
        row("delete", u"del\x7f"_s, 'q');
        row("nel", u"nel\u0085x"_s, 'q');
        row("line separator", u"ls\u2028x"_s, 'q');
        row("paragraph separator", u"ps\u2029x"_s, 'q');
        row("bom", u"\uFEFFbom"_s, 'q');
        row("nul", QString(u"nul"_s + QChar(0) + u"x"_s), 'q');
    }

    void trickyStrings()
    {
        QFETCH(QString, text);
        QFETCH(char, style);
        const QJsonObject object = everywhere(text);
        const QByteArray yaml = toYaml(object);
        QCOMPARE(readBack(yaml), QJsonValue(object));

        const QByteArray valueLine = yaml.mid(yaml.indexOf("\nvalue: ") + 8);
        switch (style) {
        case 'p':
            QVERIFY2(valueLine.startsWith(QByteArray(text.toUtf8() + '\n')), yaml.constData());
            break;
        case 'q':
            QVERIFY2(valueLine.startsWith('"'), yaml.constData());
            break;
        case 'l':
            QVERIFY2(valueLine.startsWith('|'), yaml.constData());
            break;
        default:
            break;
        }
    }

    void layoutIsKubectls()
    {
        const QJsonObject object {
            {"kind"_L1, "Pod"_L1},
            {"metadata"_L1, QJsonObject {{"name"_L1, "p"_L1}, {"labels"_L1, QJsonObject {}}}},
            {"spec"_L1,
             QJsonObject {{"containers"_L1,
                           QJsonArray {QJsonObject {{"name"_L1, "c"_L1},
                                                    {"args"_L1, QJsonArray {"--v=2"_L1, "true"_L1}},
                                                    {"ports"_L1, QJsonArray {}},
                                                    {"script"_L1, "echo a\necho b\n"_L1}}}},
                          {"matrix"_L1, QJsonArray {QJsonArray {1, 2}, QJsonArray {}, QJsonObject {}}}}}};
        const QByteArray expected = "kind: Pod\n"
                                    "metadata:\n"
                                    "  labels: {}\n"
                                    "  name: p\n"
                                    "spec:\n"
                                    "  containers:\n"
                                    "  - args:\n"
                                    "    - --v=2\n"
                                    "    - \"true\"\n"
                                    "    name: c\n"
                                    "    ports: []\n"
                                    "    script: |\n"
                                    "      echo a\n"
                                    "      echo b\n"
                                    "  matrix:\n"
                                    "  - - 1\n"
                                    "    - 2\n"
                                    "  - []\n"
                                    "  - {}\n"_ba;
        QCOMPARE(toYaml(object), expected);
        QCOMPARE(toYaml({}), "{}\n"_ba);
    }

    void scalars()
    {
        const QJsonObject object {{"int"_L1, 7},
                                  {"negative"_L1, -3},
                                  {"int64"_L1, qint64(1) << 60},
                                  {"half"_L1, 0.5},
                                  {"small"_L1, 1.5e-7},
                                  {"huge"_L1, 1e300},
                                  {"integral double"_L1, 3.0},
                                  {"yes"_L1, true},
                                  {"no"_L1, false},
                                  {"nothing"_L1, QJsonValue::Null}};
        const QByteArray yaml = toYaml(object);
        QCOMPARE(readBack(yaml), QJsonValue(object));
        for (const QByteArray &line :
             {"int: 7\n"_ba, "negative: -3\n"_ba, "int64: 1152921504606846976\n"_ba, "half: 0.5\n"_ba,
              "integral double: 3\n"_ba, "\"yes\": true\n"_ba, "\"no\": false\n"_ba, "nothing: null\n"_ba})
            QVERIFY2(yaml.contains(line), yaml.constData());
    }

    void managedFieldsOfListItems()
    {
        const QJsonObject managed {{"name"_L1, "a"_L1}, {"managedFields"_L1, QJsonArray {QJsonObject {}}}};
        const QJsonObject list {{"kind"_L1, "PodList"_L1},
                                {"metadata"_L1, QJsonObject {{"resourceVersion"_L1, "1"_L1}}},
                                {"items"_L1, QJsonArray {QJsonObject {{"metadata"_L1, managed}}}}};
        const QByteArray yaml = toYaml(list);
        QVERIFY2(!yaml.contains("managedFields"), yaml.constData());
        QCOMPARE(readBack(yaml)[u"items"][0][u"metadata"][u"name"].toString(), u"a"_s);
    }

    void secretMasking()
    {
        const QByteArray password = "s3cr3t-password";
        const QJsonObject lastApplied {{"apiVersion"_L1, "v1"_L1},
                                       {"data"_L1, QJsonObject {{"password"_L1, QString::fromLatin1(password)}}}};
        const QJsonObject secret {{"apiVersion"_L1, "v1"_L1},
                                  {"kind"_L1, "Secret"_L1},
                                  {"metadata"_L1,
                                   QJsonObject {{"name"_L1, "db"_L1},
                                                {"annotations"_L1,
                                                 QJsonObject {{"kubectl.kubernetes.io/last-applied-configuration"_L1,
                                                               QString::fromUtf8(QJsonDocument(lastApplied).toJson())},
                                                              {"team"_L1, "payments"_L1}}}}},
                                  {"type"_L1, "Opaque"_L1},
                                  {"data"_L1,
                                   QJsonObject {{"password"_L1, QString::fromLatin1(password.toBase64())},
                                                {"one"_L1, QString::fromLatin1("x"_ba.toBase64())},
                                                {"empty"_L1, ""_L1}}},
                                  {"stringData"_L1, QJsonObject {{"token"_L1, "abcdef"_L1}}}};
        const QJsonObject masked = sa::maskSecretValues(secret);
        QCOMPARE(masked[u"data"][u"password"].toString(), u"•••••• (15 bytes)"_s);
        QCOMPARE(masked[u"data"][u"one"].toString(), u"•••••• (1 byte)"_s);
        QCOMPARE(masked[u"data"][u"empty"].toString(), u"•••••• (0 bytes)"_s);
        QCOMPARE(masked[u"stringData"][u"token"].toString(), u"•••••• (6 bytes)"_s);
        QCOMPARE(masked[u"metadata"][u"annotations"][u"team"].toString(), u"payments"_s);
        const QByteArray yaml = toYaml(masked);
        for (const QByteArray &value : {password, password.toBase64(), "abcdef"_ba, "eA=="_ba})
            QVERIFY2(!yaml.contains(value), yaml.constData());
        QCOMPARE(readBack(yaml), QJsonValue(masked));
        // Revealed, everything is the server's.
        QCOMPARE(readBack(toYaml(secret)), QJsonValue(secret));

        const QJsonObject account {{"kind"_L1, "ServiceAccount"_L1}, {"data"_L1, QJsonObject {{"a"_L1, "b"_L1}}}};
        QCOMPARE(sa::maskSecretValues(account), account);
    }
};

QTEST_GUILESS_MAIN(TestYaml)
#include "tst_yaml.moc"
