#include "resources/Yaml.h"

#include "resources/SecretEncoding.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

const auto kLastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"_L1;

// Characters a YAML document may not hold raw (c-printable), plus those some readers take for line breaks (NEL,
// LS, PS) or drop (BOM): only the double-quoted style can carry them, as escapes.
bool needsEscape(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029
        || c == 0xfeff || c == 0xfffe || c == 0xffff;
}

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return true;
    }
    return false;
}

// Plain scalars that YAML 1.1 (go-yaml, PyYAML) or 1.2 (yaml-cpp, the core schema) resolve to something other than
// a string: booleans, null, numbers in every base, sexagesimals, infinities, NaN, timestamps, merge and value keys.
bool resolvesToNonString(const QString &text)
{
    static const QSet<QString> words {u"~"_s,     u"null"_s,  u"Null"_s,  u"NULL"_s, u"true"_s, u"True"_s, u"TRUE"_s,
                                      u"false"_s, u"False"_s, u"FALSE"_s, u"y"_s,    u"Y"_s,    u"yes"_s,  u"Yes"_s,
                                      u"YES"_s,   u"n"_s,     u"N"_s,     u"no"_s,   u"No"_s,   u"NO"_s,   u"on"_s,
                                      u"On"_s,    u"ON"_s,    u"off"_s,   u"Off"_s,  u"OFF"_s,  u"<<"_s,   u"="_s,
                                      u".nan"_s,  u".NaN"_s,  u".NAN"_s};
    if (words.contains(text))
        return true;
    static const QRegularExpression number(
        u"^[-+]?(0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
        u"|\\.[0-9][0-9_]*([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))$"_s);
    static const QRegularExpression timestamp(u"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"_s);
    return number.match(text).hasMatch() || timestamp.match(text).hasMatch();
}

// Whether `text` reads back as itself when written plain (as a value or a key in block context).
bool canBePlain(const QString &text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    if (resolvesToNonString(text) || hasLoneSurrogate(text))
        return false;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\t' || needsEscape(c.unicode()))
            return false;
    }
    const QChar first = text.front();
    if (u",[]{}#&*!|>'\"%@`"_s.contains(first))
        return false;
    // "-", "?" and ":" start a plain scalar only when a non-space follows ("--flag" is fine, "- x" a list item).
    if ((first == u'-' || first == u'?' || first == u':') && (text.size() == 1 || text.at(1).isSpace()))
        return false;
    // Document markers, in case the scalar lands in column 0 (a key of the top level).
    if (text.startsWith("---"_L1) || text.startsWith("..."_L1))
        return false;
    return !text.contains(": "_L1) && !text.contains(" #"_L1) && !text.endsWith(u':');
}

// Appends `text` double-quoted (appendYamlQuoted()'s escapes). A lone surrogate cannot be written as UTF-8: its code
// unit is what can be kept, as \uXXXX.
void appendDoubleQuoted(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '"';
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (QChar::isSurrogate(c)) {
            appendYamlEscaped(out, QStringView(text).mid(start, i - start).toUtf8());
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(c >> shift) & 0xf];
            start = i + 1;
        }
    }
    appendYamlEscaped(out, QStringView(text).mid(start).toUtf8());
    out += '"';
}

// A literal block (|) keeps a multi-line text exact unless it holds characters that need escapes, lines of only
// spaces (a reader takes them for indentation), or nothing but line breaks (which chomping would eat).
bool canBeLiteral(const QString &text)
{
    if (!text.contains(u'\n') || hasLoneSurrogate(text))
        return false;
    if (std::ranges::all_of(text, [](QChar c) { return c == u'\n'; }))
        return false;
    for (const QChar c : text) {
        if (needsEscape(c.unicode()))
            return false;
    }
    for (const QStringView line : QStringView(text).split(u'\n')) {
        if (!line.isEmpty() && line.trimmed().isEmpty())
            return false;
    }
    return true;
}

class Emitter
{
public:
    QByteArray out;

    void map(const QJsonObject &object, int indent, bool continuesLine)
    {
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!(first && continuesLine))
                out += QByteArray(indent, ' ');
            first = false;
            key(it.key());
            out += ':';
            const QJsonValue value = it.value();
            if (value.isObject() && !value.toObject().isEmpty()) {
                out += '\n';
                map(value.toObject(), indent + 2, false);
            } else if (value.isArray() && !value.toArray().isEmpty()) {
                // kubectl's style: a list under a key is not indented.
                out += '\n';
                sequence(value.toArray(), indent, false);
            } else {
                out += ' ';
                scalar(value, indent + 2);
            }
        }
    }

    void sequence(const QJsonArray &array, int indent, bool continuesLine)
    {
        bool first = true;
        for (const QJsonValue &value : array) {
            if (!(first && continuesLine))
                out += QByteArray(indent, ' ');
            first = false;
            out += "- ";
            if (value.isObject() && !value.toObject().isEmpty())
                map(value.toObject(), indent + 2, true);
            else if (value.isArray() && !value.toArray().isEmpty())
                sequence(value.toArray(), indent + 2, true);
            else
                scalar(value, indent + 2);
        }
    }

private:
    void key(const QString &text)
    {
        if (canBePlain(text))
            out += text.toUtf8();
        else
            appendDoubleQuoted(out, text);
    }

    // A value that is not a non-empty collection, and its line break; `indent`: that of a literal block's lines.
    void scalar(const QJsonValue &value, int indent)
    {
        switch (value.type()) {
        case QJsonValue::Object:
            out += "{}";
            break;
        case QJsonValue::Array:
            out += "[]";
            break;
        case QJsonValue::Bool:
            out += value.toBool() ? "true" : "false";
            break;
        case QJsonValue::Double:
            number(value);
            break;
        case QJsonValue::String:
            string(value.toString(), indent);
            return; // a literal block ends its own last line
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            out += "null";
            break;
        }
        out += '\n';
    }

    void number(const QJsonValue &value)
    {
        const double d = value.toDouble();
        // Integers as integers (JSON has no distinction, Kubernetes' int64 fields need it); exact up to 2^63.
        if (std::trunc(d) == d && std::abs(d) < 9.2e18)
            out += QByteArray::number(value.toInteger(qint64(d)));
        else
            out += QString::number(d, 'g', QLocale::FloatingPointShortest).toLatin1();
    }

    void string(const QString &text, int indent)
    {
        if (canBePlain(text)) {
            out += text.toUtf8();
        } else if (canBeLiteral(text)) {
            literal(text, indent);
            return;
        } else {
            appendDoubleQuoted(out, text);
        }
        out += '\n';
    }

    void literal(const QString &text, int indent)
    {
        qsizetype trailing = 0;
        while (trailing < text.size() && text.at(text.size() - 1 - trailing) == u'\n')
            ++trailing;
        const QStringView body = QStringView(text).chopped(trailing);
        const QList<QStringView> lines = body.split(u'\n');
        out += '|';
        // The reader takes the indentation from the first line that is not empty: one that starts with a space
        // needs it said.
        for (const QStringView line : lines) {
            if (line.isEmpty())
                continue;
            if (line.front() == u' ')
                out += QByteArray::number(2);
            break;
        }
        out += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        out += '\n';
        for (const QStringView line : lines) {
            if (!line.isEmpty()) {
                out += QByteArray(indent, ' ');
                out += line.toUtf8();
            }
            out += '\n';
        }
        // "|+" keeps every line break after the last line; the first one is already there.
        for (qsizetype i = 1; i < trailing; ++i)
            out += '\n';
    }
};

QJsonObject withoutManagedFieldsOfItem(QJsonObject object)
{
    QJsonObject metadata = object.value("metadata"_L1).toObject();
    if (metadata.contains("managedFields"_L1)) {
        metadata.remove("managedFields"_L1);
        object.insert("metadata"_L1, metadata);
    }
    return object;
}

qsizetype base64DecodedSize(const QString &text)
{
    qsizetype length = text.size();
    while (length > 0 && text.at(length - 1) == u'=')
        --length;
    return length / 4 * 3 + (length % 4 == 3 ? 2 : length % 4 == 2 ? 1 : 0);
}

} // namespace

QJsonObject withoutManagedFields(QJsonObject object)
{
    object = withoutManagedFieldsOfItem(std::move(object));
    if (object.value("kind"_L1).toString().endsWith("List"_L1) && object.value("items"_L1).isArray()) {
        QJsonArray items = object.value("items"_L1).toArray();
        for (auto item = items.begin(); item != items.end(); ++item) {
            if (item->isObject())
                *item = withoutManagedFieldsOfItem(item->toObject());
        }
        object.insert("items"_L1, items);
    }
    return object;
}

QByteArray toYaml(const QJsonObject &object)
{
    const QJsonObject shown = withoutManagedFields(object);
    if (shown.isEmpty())
        return "{}\n"_ba;
    Emitter emitter;
    emitter.map(shown, 0, false);
    return emitter.out;
}

QString maskedSecretValue(qsizetype bytes)
{
    // Spelled out rather than with %n: there is no English translation to pick the plural form.
    const QString size = bytes == 1
        ? QCoreApplication::translate("sa::Yaml", "1 byte")
        : QCoreApplication::translate("sa::Yaml", "%1 bytes").arg(QLocale().toString(bytes));
    return u"•••••• ("_s + size + u')';
}

QJsonObject maskSecretValues(QJsonObject secret)
{
    if (secret.value("kind"_L1).toString() != "Secret"_L1)
        return secret;
    for (const auto field : {"data"_L1, "stringData"_L1}) {
        if (!secret.value(field).isObject())
            continue;
        QJsonObject values = secret.value(field).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            const QString value = it.value().toString();
            *it = maskedSecretValue(field == "data"_L1 ? base64DecodedSize(value) : value.toUtf8().size());
        }
        secret.insert(field, values);
    }
    QJsonObject metadata = secret.value("metadata"_L1).toObject();
    QJsonObject annotations = metadata.value("annotations"_L1).toObject();
    if (annotations.contains(kLastAppliedAnnotation)) {
        annotations.insert(kLastAppliedAnnotation,
                           maskedSecretValue(annotations.value(kLastAppliedAnnotation).toString().toUtf8().size()));
        metadata.insert("annotations"_L1, annotations);
        secret.insert("metadata"_L1, metadata);
    }
    return secret;
}

} // namespace sa
