// The YAML writer's promise: reading its output back gives the same JSON. An object is made from the input (the input
// itself when it is a JSON object, else a structure built from its bytes, with any characters in strings and keys),
// written with sa::toYaml(), read back with yaml-cpp and typed as a YAML 1.2 core-schema reader does; it must equal
// the object (less metadata.managedFields, which the writer leaves out). Plain scalars that were strings must also not
// be a YAML 1.1 boolean, null or number, for readers of that version (go-yaml v2, PyYAML).
#include "FuzzSupport.h"

#include "resources/Yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <fuzzer/FuzzedDataProvider.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>

using namespace Qt::StringLiterals;

namespace {

QString fuzzedString(FuzzedDataProvider &input)
{
    switch (input.ConsumeIntegralInRange(0, 2)) {
    case 0:
        return QString::fromStdString(input.ConsumeRandomLengthString(64));
    case 1: { // any UTF-16 code units but lone surrogates: line separators, BOMs, controls, astral characters
        QString text;
        const int length = input.ConsumeIntegralInRange(0, 16);
        for (int i = 0; i < length && input.remaining_bytes() > 0; ++i) {
            const auto unit = input.ConsumeIntegral<char16_t>();
            if (QChar::isSurrogate(unit)) {
                text += QChar::fromUcs4(0x10000 + (unit & 0x3ff));
            } else {
                text += QChar(unit);
            }
        }
        return text;
    }
    default: { // the words and signs that YAML gives meaning to, to be combined
        static const char *const pieces[] = {"true", "no",   "Off",  "y",          "~",   "null", "0x1F", "0o17", "1_0",
                                             "1:20", ".inf", ".NaN", "2001-12-14", "1e3", "-",    "?",    ":",    "#",
                                             " ",    "\n",   "\t",   "'",          "\"",  "|",    ">",    "&a",   "*a",
                                             "!t",   "%",    "@",    "`",          "---", "...",  "<<",   "=",    "{",
                                             "}",    "[",    "]",    ",",          "\\",  "\r",   "\x85"};
        QString text;
        const int count = input.ConsumeIntegralInRange(1, 4);
        for (int i = 0; i < count; ++i)
            text += QString::fromUtf8(pieces[input.ConsumeIntegralInRange<size_t>(0, std::size(pieces) - 1)]);
        return text;
    }
    }
}

QJsonValue fuzzedValue(FuzzedDataProvider &input, int depth)
{
    switch (input.ConsumeIntegralInRange(0, depth < 4 ? 7 : 5)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return input.ConsumeBool();
    case 2:
        return QJsonValue(input.ConsumeIntegral<qint64>());
    case 3: {
        const double number = input.ConsumeFloatingPoint<double>();
        return std::isfinite(number) ? QJsonValue(number) : QJsonValue(0.5);
    }
    case 4:
    case 5:
        return fuzzedString(input);
    case 6: {
        QJsonArray array;
        const int count = input.ConsumeIntegralInRange(0, 4);
        for (int i = 0; i < count; ++i)
            array.append(fuzzedValue(input, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        const int count = input.ConsumeIntegralInRange(0, 4);
        for (int i = 0; i < count; ++i)
            object.insert(fuzzedString(input), fuzzedValue(input, depth + 1));
        return object;
    }
    }
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

// Lone surrogates cannot be written as UTF-8: the writer keeps them as \u escapes, which no reader turns back into
// the same QString. Such inputs are written (and must parse) but are not compared.
bool comparable(const QJsonValue &value)
{
    if (value.isString())
        return !hasLoneSurrogate(value.toString());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(), [](const QJsonValue &item) { return comparable(item); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (hasLoneSurrogate(it.key()) || !comparable(it.value()))
                return false;
        }
    }
    return true;
}

struct Mismatch
{
    QByteArray what;
};

bool isYaml11Special(const QString &text)
{
    static const QSet<QString> words {u"y"_s,   u"Y"_s,   u"yes"_s, u"Yes"_s, u"YES"_s, u"n"_s,  u"N"_s,
                                      u"no"_s,  u"No"_s,  u"NO"_s,  u"on"_s,  u"On"_s,  u"ON"_s, u"off"_s,
                                      u"Off"_s, u"OFF"_s, u"~"_s,   u"<<"_s,  u"="_s};
    static const QRegularExpression number(
        u"^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
        u"|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))$"
        u"|^\\.(nan|NaN|NAN)$"_s); // NaN takes no sign
    static const QRegularExpression timestamp(u"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"_s);
    return words.contains(text) || number.match(text).hasMatch() || timestamp.match(text).hasMatch();
}

// UTF-8 to QString keeping a leading U+FEFF, which QString::fromStdString() would drop as a byte-order mark.
QString fromUtf8(const std::string &bytes)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    return decoder(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

// A scalar as the YAML 1.2 core schema resolves it: quoted ones are strings.
QJsonValue scalarValue(const YAML::Node &node)
{
    const QString text = fromUtf8(node.Scalar());
    if (node.Tag() != "?")
        return text;
    static const QSet<QString> nulls {u""_s, u"~"_s, u"null"_s, u"Null"_s, u"NULL"_s};
    if (nulls.contains(text))
        return QJsonValue::Null;
    if (text == "true"_L1 || text == "True"_L1 || text == "TRUE"_L1)
        return true;
    if (text == "false"_L1 || text == "False"_L1 || text == "FALSE"_L1)
        return false;
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression decimal(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    static const QRegularExpression other(u"^(0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"_s);
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        return ok ? QJsonValue(value) : QJsonValue(text.toDouble());
    }
    if (decimal.match(text).hasMatch())
        return text.toDouble();
    if (other.match(text).hasMatch())
        throw Mismatch {"a plain scalar the writer never makes for JSON: " + text.toUtf8()};
    if (isYaml11Special(text))
        throw Mismatch {"a plain string that YAML 1.1 reads as something else: " + text.toUtf8()};
    return text;
}

QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar:
        return scalarValue(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &item : node) {
            const QJsonValue key = item.first.IsNull() ? QJsonValue(QJsonValue::Null) : scalarValue(item.first);
            if (!key.isString())
                throw Mismatch {"a key that is not a string: " + QJsonDocument(QJsonArray {key}).toJson()};
            if (object.contains(key.toString()))
                throw Mismatch {"a duplicate key: " + key.toString().toUtf8()};
            object.insert(key.toString(), toJson(item.second));
        }
        return object;
    }
    case YAML::NodeType::Undefined:
        break;
    }
    throw Mismatch {"an undefined node"};
}

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!sameJson(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytes(data, size));
    QJsonObject object;
    if (document.isObject()) {
        object = document.object();
    } else {
        FuzzedDataProvider input(data, size);
        object = QJsonObject {{u"value"_s, fuzzedValue(input, 0)}};
        while (input.remaining_bytes() > 0 && object.size() < 8)
            object.insert(fuzzedString(input), fuzzedValue(input, 0));
    }
    const QByteArray yaml = sa::toYaml(object);
    const QJsonObject expected = sa::withoutManagedFields(object);
    try {
        const YAML::Node node = YAML::Load(yaml.toStdString());
        const QJsonValue read = toJson(node);
        if (comparable(expected) && !sameJson(read, expected)) {
            fuzz::fail("toYaml() reads back as the same JSON",
                       "written:\n" + yaml + "\nexpected:\n" + QJsonDocument(expected).toJson() + "read:\n"
                           + QJsonDocument(QJsonArray {read}).toJson());
        }
    } catch (const YAML::Exception &exception) {
        fuzz::fail("toYaml() writes YAML that yaml-cpp reads", QByteArray(exception.what()) + "\n" + yaml);
    } catch (const Mismatch &mismatch) {
        if (comparable(expected))
            fuzz::fail("toYaml() writes only plain scalars that mean what they meant", mismatch.what + "\n" + yaml);
    }
    return 0;
}
