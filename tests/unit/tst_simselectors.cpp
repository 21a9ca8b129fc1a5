#include "Selectors.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using kubesim::FieldSelector;
using kubesim::LabelSelector;

namespace {

QJsonObject labels(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

const QString kQualifiedNameRegex =
    u"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_s;
const QString kLabelValueRegex =
    u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
    "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
    "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"_s;

} // namespace

class TestSimSelectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelParses_data();
    void labelParses();
    void labelErrors_data();
    void labelErrors();
    void labelMatches_data();
    void labelMatches();
    void fieldParses_data();
    void fieldParses();
    void fieldErrors_data();
    void fieldErrors();
    void fieldMatches_data();
    void fieldMatches();
};

// Each requirement rendered as key, op number and values, sorted by key as upstream does.
static QString describe(const LabelSelector &selector)
{
    QStringList parts;
    for (const LabelSelector::Requirement &r : selector.requirements())
        parts.append(r.key + u' ' + QString::number(int(r.op)) + u" [" + r.values.join(u'|') + u']');
    return parts.join(u"; "_s);
}

void TestSimSelectors::labelParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    using Op = LabelSelector::Op;
    const auto req = [](const char *key, Op op, const char *values) -> QString {
        return QString::fromLatin1(key) + u' ' + QString::number(int(op)) + u" [" + QString::fromLatin1(values) + u']';
    };
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << u"  "_s << QString();
    QTest::newRow("equals") << u"app=web"_s << req("app", Op::Equals, "web");
    QTest::newRow("double equals") << u"app==web"_s << req("app", Op::Equals, "web");
    QTest::newRow("not equals") << u"app!=web"_s << req("app", Op::NotEquals, "web");
    QTest::newRow("empty value") << u"app="_s << req("app", Op::Equals, "");
    QTest::newRow("exists") << u"app"_s << req("app", Op::Exists, "");
    QTest::newRow("does not exist") << u"!app"_s << req("app", Op::DoesNotExist, "");
    QTest::newRow("in sorted unique") << u"env in (prod, dev,prod)"_s << req("env", Op::In, "dev|prod");
    QTest::newRow("notin") << u"env notin (qa)"_s << req("env", Op::NotIn, "qa");
    QTest::newRow("in empty set") << u"env in ()"_s << req("env", Op::In, "");
    QTest::newRow("in leading comma") << u"env in (,a)"_s << req("env", Op::In, "|a");
    QTest::newRow("keyword values") << u"x in (in,notin)"_s << req("x", Op::In, "in|notin");
    QTest::newRow("greater than") << u"n>3"_s << req("n", Op::GreaterThan, "3");
    QTest::newRow("less than") << u"n < 2"_s << req("n", Op::LessThan, "2");
    QTest::newRow("prefixed key") << u"app.kubernetes.io/name=x"_s << req("app.kubernetes.io/name", Op::Equals, "x");
    QTest::newRow("sorted by key") << u"z=1, a in (b) ,!m"_s
                                   << req("a", Op::In, "b") + u"; "_s + req("m", Op::DoesNotExist, "") + u"; "_s
            + req("z", Op::Equals, "1");
    QTest::newRow("whitespace") << u"\ta\r\n=\nb"_s << req("a", Op::Equals, "b");
}

void TestSimSelectors::labelParses()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    const std::optional<LabelSelector> selector = LabelSelector::parse(text, &error);
    QVERIFY2(selector, qPrintable(error));
    QCOMPARE(describe(*selector), expected);
    QCOMPARE(selector->isEmpty(), expected.isEmpty());
}

void TestSimSelectors::labelErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("two operators") << u"a=b=c"_s << u"found '=', expected: ',' or 'end of string'"_s;
    QTest::newRow("leading comma") << u",a"_s << u"found ',', expected: !, identifier, or 'end of string'"_s;
    QTest::newRow("trailing comma") << u"a,"_s << u"found '', expected: identifier after ','"_s;
    QTest::newRow("bad operator")
        << u"a b"_s << u"unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"_s;
    QTest::newRow("not then value") << u"!a=b"_s << u"found '=', expected: ',' or 'end of string'"_s;
    QTest::newRow("bang alone") << u"!"_s << u"unable to parse requirement: found '', expected: identifier"_s;
    QTest::newRow("in without paren") << u"a in b"_s << u"unable to parse requirement: found 'b' expected: '('"_s;
    QTest::newRow("in unclosed") << u"a in (b"_s << u"unable to parse requirement: found '', expected: ',' or ')'"_s;
    QTest::newRow("in operator inside")
        << u"a in (=)"_s << u"unable to parse requirement: found '=', expected: ',', ')' or identifier"_s;
    QTest::newRow("in list operator") << u"a in (b,=)"_s
                                      << u"unable to parse requirement: found '=', expected: ',', or identifier"_s;
    QTest::newRow("equals paren") << u"a=(b)"_s << u"unable to parse requirement: found '(', expected: identifier"_s;
    QTest::newRow("bad key") << u"a b/c=d"_s
                             << u"unable to parse requirement: found 'b/c', expected: in, notin, =, ==, !=, gt, lt"_s;
    QTest::newRow("invalid key") << u"-a=b"_s
                                 << u"unable to parse requirement: <nil>: Invalid value: \"-a\": "_s
            + kQualifiedNameRegex;
    QTest::newRow("empty prefix") << u"/a"_s
                                  << u"unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be "
                                     "non-empty"_s;
    QTest::newRow("invalid value") << u"a=-b"_s
                                   << u"unable to parse requirement: values[0][a]: Invalid value: \"-b\": "_s
            + kLabelValueRegex;
    QTest::newRow("long value") << u"a="_s + QString(64, u'x')
                                << u"unable to parse requirement: values[0][a]: Invalid value: \""_s + QString(64, u'x')
            + u"\": must be no more than 63 characters"_s;
    QTest::newRow("two bad values") << u"a in (-x,-y)"_s
                                    << u"unable to parse requirement: [values[0][a]: Invalid value: \"-x\": "_s
            + kLabelValueRegex + u", values[1][a]: Invalid value: \"-y\": "_s + kLabelValueRegex + u']';
    QTest::newRow("gt not integer")
        << u"a>b"_s
        << u"unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be "
           "an integer"_s;
}

void TestSimSelectors::labelErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!LabelSelector::parse(text, &actual));
    QCOMPARE(actual, error);
}

void TestSimSelectors::labelMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonObject>("labels");
    QTest::addColumn<bool>("matches");
    const QJsonObject web = labels(R"({"app":"web","tier":"front","n":"5"})");
    QTest::newRow("everything") << QString() << web << true;
    QTest::newRow("equals") << u"app=web"_s << web << true;
    QTest::newRow("equals other") << u"app=db"_s << web << false;
    QTest::newRow("equals absent") << u"x=y"_s << web << false;
    QTest::newRow("not equals absent") << u"x!=y"_s << web << true;
    QTest::newRow("not equals same") << u"app!=web"_s << web << false;
    QTest::newRow("in") << u"tier in (back,front)"_s << web << true;
    QTest::newRow("in absent") << u"x in (a)"_s << web << false;
    QTest::newRow("notin absent") << u"x notin (a)"_s << web << true;
    QTest::newRow("notin listed") << u"tier notin (front)"_s << web << false;
    QTest::newRow("exists") << u"tier"_s << web << true;
    QTest::newRow("does not exist") << u"!tier"_s << web << false;
    QTest::newRow("and") << u"app=web,!x,tier"_s << web << true;
    QTest::newRow("and fails") << u"app=web,x"_s << web << false;
    QTest::newRow("gt") << u"n>4"_s << web << true;
    QTest::newRow("lt") << u"n<5"_s << web << false;
    QTest::newRow("gt non-integer label") << u"app>1"_s << web << false;
    QTest::newRow("empty value matches empty label") << u"e="_s << labels(R"({"e":""})") << true;
}

void TestSimSelectors::labelMatches()
{
    QFETCH(QString, text);
    QFETCH(QJsonObject, labels);
    QFETCH(bool, matches);
    QString error;
    const std::optional<LabelSelector> selector = LabelSelector::parse(text, &error);
    QVERIFY2(selector, qPrintable(error));
    QCOMPARE(selector->matches(labels), matches);
}

void TestSimSelectors::fieldParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("equals") << u"metadata.name=a"_s << QStringList {u"metadata.name"_s};
    QTest::newRow("sorted terms") << u"type=x,metadata.name==a"_s << QStringList {u"metadata.name"_s, u"type"_s};
    QTest::newRow("empty terms skipped") << u",a=b,,"_s << QStringList {u"a"_s};
    QTest::newRow("escaped comma") << u"a=x\\,y"_s << QStringList {u"a"_s};
}

void TestSimSelectors::fieldParses()
{
    QFETCH(QString, text);
    QFETCH(QStringList, fields);
    QString error;
    const std::optional<FieldSelector> selector = FieldSelector::parse(text, &error);
    QVERIFY2(selector, qPrintable(error));
    QCOMPARE(selector->fields(), fields);
    QCOMPARE(selector->isEmpty(), fields.isEmpty());
}

void TestSimSelectors::fieldErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("no operator") << u"a,b=c"_s << u"invalid selector: 'a,b=c'; can't understand 'a'"_s;
    QTest::newRow("unescaped equals") << u"a=b=c"_s << u"invalid field selector: unescaped character in value: 61"_s;
    QTest::newRow("bad escape") << u"a=b\\c"_s << u"invalid field selector: invalid escape sequence: \\c"_s;
    QTest::newRow("trailing backslash") << u"a=b\\"_s << u"invalid field selector: invalid escape sequence: \\"_s;
}

void TestSimSelectors::fieldErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!FieldSelector::parse(text, &actual));
    QCOMPARE(actual, error);
}

void TestSimSelectors::fieldMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("equals") << u"metadata.name=a"_s << true;
    QTest::newRow("double equals") << u"metadata.name==b"_s << false;
    QTest::newRow("not equals") << u"type!=Opaque"_s << true;
    QTest::newRow("not equals same") << u"metadata.name!=a"_s << false;
    QTest::newRow("escaped value") << u"type=x\\,y\\=z\\\\"_s << false;
    QTest::newRow("and") << u"metadata.name=a,type=kubernetes.io/tls"_s << true;
    QTest::newRow("escaped match") << u"metadata.namespace=n\\,1"_s << true;
}

void TestSimSelectors::fieldMatches()
{
    QFETCH(QString, text);
    QFETCH(bool, matches);
    const QHash<QString, QString> values = {
        {u"metadata.name"_s, u"a"_s}, {u"type"_s, u"kubernetes.io/tls"_s}, {u"metadata.namespace"_s, u"n,1"_s}};
    QString error;
    const std::optional<FieldSelector> selector = FieldSelector::parse(text, &error);
    QVERIFY2(selector, qPrintable(error));
    QCOMPARE(selector->matches([&values](const QString &field) { return values.value(field); }), matches);
}

QTEST_GUILESS_MAIN(TestSimSelectors)
#include "tst_simselectors.moc"
