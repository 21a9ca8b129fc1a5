#include "util/Duration.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QRegularExpression>

#include <cstdint>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr std::uint64_t limit = std::uint64_t(1) << 63;

// Go's time.quote: the text in double quotes, " and \ escaped, every byte of a control or non-ASCII character as \xNN.
QString quote(const QByteArray &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || byte < 0x20) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
    }
    out += '"';
    return QString::fromUtf8(out);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::optional<std::uint64_t> unitOf(QByteArrayView unit)
{
    if (unit == "ns")
        return 1;
    if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") // us, µs (micro sign), μs (Greek mu)
        return 1000;
    if (unit == "ms")
        return 1000'000;
    if (unit == "s")
        return 1000'000'000;
    if (unit == "m")
        return 60 * std::uint64_t(1000'000'000);
    if (unit == "h")
        return 3600 * std::uint64_t(1000'000'000);
    return std::nullopt;
}

std::optional<std::chrono::nanoseconds> reject(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

// A transcription of Go 1.23's time.ParseDuration, on the UTF-8 bytes as Go reads its string.
std::optional<std::chrono::nanoseconds> parseGoDuration(const QString &text, QString *error)
{
    const QByteArray orig = text.toUtf8();
    const auto invalid = [&] { return reject(error, u"time: invalid duration "_s + quote(orig)); };
    QByteArrayView s(orig);
    std::uint64_t d = 0;
    bool neg = false;
    if (!s.isEmpty() && (s.front() == '-' || s.front() == '+')) {
        neg = s.front() == '-';
        s = s.sliced(1);
    }
    if (s == "0")
        return std::chrono::nanoseconds(0);
    if (s.isEmpty())
        return invalid();
    while (!s.isEmpty()) {
        if (!(s.front() == '.' || isDigit(s.front())))
            return invalid();
        // [0-9]*
        std::uint64_t v = 0;
        qsizetype i = 0;
        for (; i < s.size() && isDigit(s[i]); ++i) {
            if (v > limit / 10)
                return invalid();
            v = v * 10 + std::uint64_t(s[i] - '0');
            if (v > limit)
                return invalid();
        }
        const bool pre = i > 0;
        s = s.sliced(i);
        // (\.[0-9]*)?: digits past what 63 bits hold are consumed without adding precision, as Go does
        std::uint64_t f = 0;
        double scale = 1;
        bool post = false;
        if (!s.isEmpty() && s.front() == '.') {
            s = s.sliced(1);
            bool overflow = false;
            qsizetype j = 0;
            for (; j < s.size() && isDigit(s[j]); ++j) {
                if (overflow)
                    continue;
                if (f > (limit - 1) / 10) {
                    overflow = true;
                    continue;
                }
                const std::uint64_t y = f * 10 + std::uint64_t(s[j] - '0');
                if (y > limit) {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = j > 0;
            s = s.sliced(j);
        }
        if (!pre && !post)
            return invalid(); // no digits, e.g. ".s"
        // The unit: everything up to the next '.' or digit.
        qsizetype u = 0;
        while (u < s.size() && s[u] != '.' && !isDigit(s[u]))
            ++u;
        if (u == 0)
            return reject(error, u"time: missing unit in duration "_s + quote(orig));
        const QByteArrayView unitText = s.first(u);
        s = s.sliced(u);
        const std::optional<std::uint64_t> unit = unitOf(unitText);
        if (!unit)
            return reject(error,
                          u"time: unknown unit "_s + quote(unitText.toByteArray()) + u" in duration "_s + quote(orig));
        if (v > limit / *unit)
            return invalid();
        v *= *unit;
        if (f > 0) {
            // A double is exact enough here: the fraction of an hour is at most 3.6e12 ns.
            v += std::uint64_t(double(f) * (double(*unit) / scale));
            if (v > limit)
                return invalid();
        }
        d += v;
        if (d > limit)
            return invalid();
    }
    if (neg)
        return std::chrono::nanoseconds(d == limit ? INT64_MIN : -std::int64_t(d));
    if (d > limit - 1)
        return invalid();
    return std::chrono::nanoseconds(std::int64_t(d));
}

std::optional<std::chrono::nanoseconds> parseRequestTimeout(const QString &text, QString *error)
{
    // strconv.ParseInt(text, 10, 64) with i >= 0: digits with an optional sign, within 64 bits.
    static const QRegularExpression integerForm(u"^[+-]?[0-9]+$"_s);
    bool isInteger = false;
    const qint64 seconds = integerForm.match(text).hasMatch() ? text.toLongLong(&isInteger) : -1;
    if (isInteger && seconds >= 0) {
        // Go's Duration(i) * Second, which wraps past 292 years: so does this (unsigned, without undefined behaviour).
        return std::chrono::nanoseconds(std::int64_t(std::uint64_t(seconds) * 1000'000'000U));
    }
    if (const auto duration = parseGoDuration(text))
        return duration;
    return reject(error,
                  u"Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a "
                  "corresponding time unit (e.g. 1s | 2m | 3h)"_s);
}

} // namespace sa
