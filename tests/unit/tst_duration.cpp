// parseGoDuration accepts and rejects what Go's time.ParseDuration does (rows from Go's own time_test.go), with Go's
// error texts; parseRequestTimeout reads kubectl's --request-timeout as client-go's clientcmd.ParseTimeout does.

#include "util/Duration.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using Nanoseconds = std::chrono::nanoseconds;
Q_DECLARE_METATYPE(Nanoseconds)

namespace {

constexpr Nanoseconds maxDuration(std::numeric_limits<std::int64_t>::max());
constexpr Nanoseconds minDuration(std::numeric_limits<std::int64_t>::min());

} // namespace

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Nanoseconds>("expected");
        // simple
        QTest::newRow("0") << u"0"_s << Nanoseconds(0);
        QTest::newRow("5s") << u"5s"_s << Nanoseconds(5s);
        QTest::newRow("30s") << u"30s"_s << Nanoseconds(30s);
        QTest::newRow("1478s") << u"1478s"_s << Nanoseconds(1478s);
        // sign
        QTest::newRow("-5s") << u"-5s"_s << Nanoseconds(-5s);
        QTest::newRow("+5s") << u"+5s"_s << Nanoseconds(5s);
        QTest::newRow("-0") << u"-0"_s << Nanoseconds(0);
        QTest::newRow("+0") << u"+0"_s << Nanoseconds(0);
        // decimals
        QTest::newRow("5.0s") << u"5.0s"_s << Nanoseconds(5s);
        QTest::newRow("5.6s") << u"5.6s"_s << Nanoseconds(5s + 600ms);
        QTest::newRow("5.s") << u"5.s"_s << Nanoseconds(5s);
        QTest::newRow(".5s") << u".5s"_s << Nanoseconds(500ms);
        QTest::newRow("1.004s") << u"1.004s"_s << Nanoseconds(1s + 4ms);
        QTest::newRow("1.0040s") << u"1.0040s"_s << Nanoseconds(1s + 4ms);
        QTest::newRow("100.00100s") << u"100.00100s"_s << Nanoseconds(100s + 1ms);
        QTest::newRow("1.5h") << u"1.5h"_s << Nanoseconds(90min);
        // every unit
        QTest::newRow("10ns") << u"10ns"_s << Nanoseconds(10ns);
        QTest::newRow("11us") << u"11us"_s << Nanoseconds(11us);
        QTest::newRow("12µs (micro sign)") << u"12\u00B5s"_s << Nanoseconds(12us);
        QTest::newRow("12μs (Greek mu)") << u"12\u03BCs"_s << Nanoseconds(12us);
        QTest::newRow("13ms") << u"13ms"_s << Nanoseconds(13ms);
        QTest::newRow("14s") << u"14s"_s << Nanoseconds(14s);
        QTest::newRow("15m") << u"15m"_s << Nanoseconds(15min);
        QTest::newRow("16h") << u"16h"_s << Nanoseconds(16h);
        // sequences
        QTest::newRow("3h30m") << u"3h30m"_s << Nanoseconds(3h + 30min);
        QTest::newRow("1m30s") << u"1m30s"_s << Nanoseconds(90s);
        QTest::newRow("10.5s4m") << u"10.5s4m"_s << Nanoseconds(4min + 10s + 500ms);
        QTest::newRow("-2m3.4s") << u"-2m3.4s"_s << Nanoseconds(-(2min + 3s + 400ms));
        QTest::newRow("1h2m3s4ms5us6ns") << u"1h2m3s4ms5us6ns"_s << Nanoseconds(1h + 2min + 3s + 4ms + 5us + 6ns);
        QTest::newRow("39h9m14.425s") << u"39h9m14.425s"_s << Nanoseconds(39h + 9min + 14s + 425ms);
        // large values and fractions
        QTest::newRow("52763797000ns") << u"52763797000ns"_s << Nanoseconds(52763797000ns);
        QTest::newRow("0.3333333333333333333h") << u"0.3333333333333333333h"_s << Nanoseconds(20min);
        QTest::newRow("9007199254740993ns") << u"9007199254740993ns"_s << Nanoseconds((std::int64_t(1) << 53) + 1);
        QTest::newRow("max ns") << u"9223372036854775807ns"_s << maxDuration;
        QTest::newRow("max us") << u"9223372036854775.807us"_s << maxDuration;
        QTest::newRow("max sequence") << u"9223372036s854ms775us807ns"_s << maxDuration;
        QTest::newRow("min ns") << u"-9223372036854775808ns"_s << minDuration;
        QTest::newRow("min us") << u"-9223372036854775.808us"_s << minDuration;
        QTest::newRow("min sequence") << u"-9223372036s854ms775us808ns"_s << minDuration;
        QTest::newRow("min hours") << u"-2562047h47m16.854775808s"_s << minDuration;
        QTest::newRow("long zero fraction") << u"0.100000000000000000000h"_s << Nanoseconds(6min);
        QTest::newRow("long fraction") << u"0.830103483285477580700h"_s << Nanoseconds(49min + 48s + 372539827ns);
    }
    void goDuration()
    {
        QFETCH(QString, text);
        QFETCH(Nanoseconds, expected);
        QString error;
        const auto duration = sa::parseGoDuration(text, &error);
        QVERIFY2(duration, qPrintable(error));
        QCOMPARE(duration->count(), expected.count());
    }

    void goDurationErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << u""_s << u"time: invalid duration \"\""_s;
        QTest::newRow("no unit") << u"3"_s << u"time: missing unit in duration \"3\""_s;
        QTest::newRow("sign alone") << u"-"_s << u"time: invalid duration \"-\""_s;
        QTest::newRow("unit alone") << u"s"_s << u"time: invalid duration \"s\""_s;
        QTest::newRow("point") << u"."_s << u"time: invalid duration \".\""_s;
        QTest::newRow("-.") << u"-."_s << u"time: invalid duration \"-.\""_s;
        QTest::newRow(".s") << u".s"_s << u"time: invalid duration \".s\""_s;
        QTest::newRow("+.s") << u"+.s"_s << u"time: invalid duration \"+.s\""_s;
        QTest::newRow("days") << u"1d"_s << u"time: unknown unit \"d\" in duration \"1d\""_s;
        QTest::newRow("unit without number") << u"1hm"_s << u"time: unknown unit \"hm\" in duration \"1hm\""_s;
        QTest::newRow("number without unit last") << u"1h30"_s << u"time: missing unit in duration \"1h30\""_s;
        QTest::newRow("space") << u"5 s"_s << u"time: unknown unit \" s\" in duration \"5 s\""_s;
        QTest::newRow("quote escaped") << u"1\"s"_s << u"time: unknown unit \"\\\"s\" in duration \"1\\\"s\""_s;
        QTest::newRow("replacement character") << u"\uFFFD"_s << u"time: invalid duration \"\\xef\\xbf\\xbd\""_s;
        QTest::newRow("replacement characters")
            << u"\uFFFD hello \uFFFD world"_s
            << u"time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\""_s;
        QTest::newRow("overflow ns") << u"9223372036854775810ns"_s
                                     << u"time: invalid duration \"9223372036854775810ns\""_s;
        QTest::newRow("max + 1 ns") << u"9223372036854775808ns"_s
                                    << u"time: invalid duration \"9223372036854775808ns\""_s;
        QTest::newRow("min - 1 ns") << u"-9223372036854775809ns"_s
                                    << u"time: invalid duration \"-9223372036854775809ns\""_s;
        QTest::newRow("overflow us") << u"9223372036854776us"_s << u"time: invalid duration \"9223372036854776us\""_s;
        QTest::newRow("overflow h") << u"3000000h"_s << u"time: invalid duration \"3000000h\""_s;
        QTest::newRow("max + 1 us") << u"9223372036854775.808us"_s
                                    << u"time: invalid duration \"9223372036854775.808us\""_s;
        QTest::newRow("max + 1 sequence")
            << u"9223372036854ms775us808ns"_s << u"time: invalid duration \"9223372036854ms775us808ns\""_s;
    }
    void goDurationErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!sa::parseGoDuration(text, &actual));
        QCOMPARE(actual, error);
    }

    // As kubectl 1.32 was seen to accept or refuse them (`kubectl get ns --request-timeout=...`).
    void requestTimeout_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Nanoseconds>("expected");
        QTest::newRow("seconds") << u"5"_s << true << Nanoseconds(5s);
        QTest::newRow("leading zero") << u"007"_s << true << Nanoseconds(7s);
        QTest::newRow("plus") << u"+5"_s << true << Nanoseconds(5s);
        QTest::newRow("zero") << u"0"_s << true << Nanoseconds(0);
        QTest::newRow("1m30s") << u"1m30s"_s << true << Nanoseconds(90s);
        QTest::newRow("500ms") << u"500ms"_s << true << Nanoseconds(500ms);
        QTest::newRow("1.5h") << u"1.5h"_s << true << Nanoseconds(90min);
        QTest::newRow("negative duration") << u"-5s"_s << true << Nanoseconds(-5s);
        QTest::newRow("negative integer") << u"-5"_s << false << Nanoseconds(0);
        QTest::newRow("word") << u"abc"_s << false << Nanoseconds(0);
        QTest::newRow("unknown unit") << u"5x"_s << false << Nanoseconds(0);
        QTest::newRow("trailing space") << u"5 "_s << false << Nanoseconds(0);
        QTest::newRow("exponent") << u"1e3"_s << false << Nanoseconds(0);
        QTest::newRow("hex") << u"0x10"_s << false << Nanoseconds(0);
        QTest::newRow("past 64 bits") << u"9999999999999999999"_s << false << Nanoseconds(0);
    }
    void requestTimeout()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(Nanoseconds, expected);
        QString error;
        const auto timeout = sa::parseRequestTimeout(text, &error);
        QCOMPARE(timeout.has_value(), valid);
        if (valid) {
            QCOMPARE(timeout->count(), expected.count());
        } else {
            QCOMPARE(error,
                     u"Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a "
                     "corresponding time unit (e.g. 1s | 2m | 3h)"_s);
        }
    }
};

QTEST_APPLESS_MAIN(TestDuration)
#include "tst_duration.moc"
