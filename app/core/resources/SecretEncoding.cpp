#include "resources/SecretEncoding.h"

#include <QVarLengthArray>

#include <openssl/crypto.h>

#include <cstring>

namespace sa {

void wipe(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
}

void wipe(QString &text)
{
    if (!text.isEmpty())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
}

const JsonSecrets &secretValueMembers()
{
    static const JsonSecrets members {
        {"data", "stringData"},
        {"kubectl.kubernetes.io/last-applied-configuration", "openshift.io/token-secret.value"}};
    return members;
}

QList<QLatin1StringView> valueBearingAnnotations()
{
    return {QLatin1StringView("kubectl.kubernetes.io/last-applied-configuration"),
            QLatin1StringView("openshift.io/token-secret.value")};
}

void redactJsonSecrets(
    const QByteArray &json, const JsonSecrets &secrets,
    const std::function<void(QByteArrayView object, QByteArrayView member, QByteArrayView raw)> &take)
{
    if (json.isEmpty())
        return;
    char *text = const_cast<char *>(json.constData());
    const qsizetype size = json.size();
    struct Level
    {
        bool object;
        bool secret; // an object whose string members are values
        QByteArrayView name; // of the member that holds it
    };
    QVarLengthArray<Level, 32> levels;
    QByteArrayView member; // the name of the member whose value comes next
    bool expectName = false;
    for (qsizetype i = 0; i < size; ++i) {
        switch (text[i]) {
        case '{':
            levels.append(
                {true,
                 !levels.isEmpty() && levels.last().object && !expectName && secrets.objectMembers.contains(member),
                 member});
            expectName = true;
            member = {};
            break;
        case '[':
            levels.append({false, false, member});
            expectName = false;
            break;
        case '}':
        case ']':
            if (!levels.isEmpty())
                levels.removeLast();
            expectName = false;
            break;
        case ',':
            expectName = !levels.isEmpty() && levels.last().object;
            break;
        case ':':
            expectName = false;
            break;
        case '"': {
            const qsizetype start = i + 1;
            qsizetype end = start;
            while (end < size && text[end] != '"')
                end += text[end] == '\\' ? 2 : 1;
            end = qMin(end, size);
            const QByteArrayView content(text + start, end - start);
            if (!levels.isEmpty() && levels.last().object) {
                if (expectName) {
                    member = content;
                } else if (levels.last().secret || secrets.stringMembers.contains(member)) {
                    if (take)
                        take(levels.last().secret ? levels.last().name : QByteArrayView(), member, content);
                    std::memset(text + start, '*', size_t(end - start));
                }
            }
            i = end;
            break;
        }
        default:
            break;
        }
    }
}

SecretBytes jsonStringSecret(QByteArrayView raw, bool *ok)
{
    QByteArray out;
    out.reserve(raw.size()); // never more bytes than escaped text: no reallocation strands a copy
    *ok = true;
    const auto hex4 = [&raw](qsizetype at, char16_t *unit) {
        if (at + 4 > raw.size())
            return false;
        bool valid = false;
        *unit = char16_t(QByteArray::fromRawData(raw.data() + at, 4).toUShort(&valid, 16));
        return valid;
    };
    for (qsizetype i = 0; i < raw.size() && *ok; ++i) {
        const char c = raw[i];
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i >= raw.size()) {
            *ok = false;
            break;
        }
        switch (raw[i]) {
        case '"':
        case '\\':
        case '/':
            out.append(raw[i]);
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u': {
            char16_t unit = 0;
            if (!hex4(i + 1, &unit)) {
                *ok = false;
                break;
            }
            i += 4;
            char32_t code = unit;
            char16_t low = 0;
            if (QChar::isHighSurrogate(unit) && i + 2 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u'
                && hex4(i + 3, &low) && QChar::isLowSurrogate(low)) {
                code = QChar::surrogateToUcs4(unit, low);
                i += 6;
            }
            if (code < 0x80) {
                out.append(char(code));
            } else if (code < 0x800) {
                out.append(char(0xC0 | (code >> 6))).append(char(0x80 | (code & 0x3F)));
            } else if (code < 0x10000) {
                out.append(char(0xE0 | (code >> 12))).append(char(0x80 | ((code >> 6) & 0x3F)));
                out.append(char(0x80 | (code & 0x3F)));
            } else {
                out.append(char(0xF0 | (code >> 18))).append(char(0x80 | ((code >> 12) & 0x3F)));
                out.append(char(0x80 | ((code >> 6) & 0x3F))).append(char(0x80 | (code & 0x3F)));
            }
            break;
        }
        default:
            *ok = false;
            break;
        }
    }
    SecretBytes secret = *ok ? SecretBytes::adopt(std::move(out)) : SecretBytes();
    wipe(out);
    return secret;
}

SecretBytes base64JsonSecret(QByteArrayView raw, bool *ok)
{
    const SecretBytes encoded = jsonStringSecret(raw, ok);
    if (!*ok)
        return {};
    auto decoded = QByteArray::fromBase64Encoding(encoded.reveal(), QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(decoded);
    SecretBytes secret = *ok ? SecretBytes(decoded.decoded) : SecretBytes();
    wipe(decoded.decoded);
    return secret;
}

SecretBytes takeSecret(QString text)
{
    const QByteArray utf8 = text.toUtf8();
    SecretBytes secret(utf8);
    wipe(utf8);
    wipe(text);
    return secret;
}

void appendGoJsonString(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
            out += '\\';
            out += c == '\b' ? 'b' : c == '\f' ? 'f' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else if (c == 0xe2 && i + 2 < utf8.size() && static_cast<unsigned char>(utf8.at(i + 1)) == 0x80
                   && (static_cast<unsigned char>(utf8.at(i + 2)) & 0xfe) == 0xa8) {
            // U+2028 and U+2029 end a line in JavaScript: Go escapes them.
            out += "\\u202";
            out += static_cast<unsigned char>(utf8.at(i + 2)) == 0xa8 ? '8' : '9';
            i += 2;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

void appendYamlEscaped(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto byte = [&utf8](qsizetype i) { return i < utf8.size() ? static_cast<unsigned char>(utf8.at(i)) : 0; };
    const auto appendHex = [&out](const char *escape, unsigned value, int digits) {
        out += escape;
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            out += hex[(value >> shift) & 0xf];
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = byte(i);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            // C0 controls and DEL may not appear raw; a line break or tab raw would be folded away.
            switch (c) {
            case '\0':
                out += "\\0";
                break;
            case '\a':
                out += "\\a";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\v':
                out += "\\v";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\r':
                out += "\\r";
                break;
            case 0x1b:
                out += "\\e";
                break;
            default:
                appendHex("\\x", c, 2);
            }
        } else if (c == 0xc2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f) {
            // C1 controls may not appear raw (NEL, a line break to YAML 1.1 readers, among them). Not \N for NEL:
            // yaml-cpp reads that as a lone 0x85 byte, not as U+0085.
            appendHex("\\x", byte(i + 1), 2);
            ++i;
        } else if (c == 0xe2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xa8 || byte(i + 2) == 0xa9)) {
            // LS and PS: line breaks to YAML 1.1 readers.
            out += byte(i + 2) == 0xa8 ? "\\L" : "\\P";
            i += 2;
        } else if (c == 0xef
                   && ((byte(i + 1) == 0xbb && byte(i + 2) == 0xbf)
                       || (byte(i + 1) == 0xbf && (byte(i + 2) == 0xbe || byte(i + 2) == 0xbf)))) {
            // A byte order mark (which readers drop), and the non-characters U+FFFE and U+FFFF.
            appendHex("\\u", (0xfu << 12) | ((byte(i + 1) & 0x3fu) << 6) | (byte(i + 2) & 0x3fu), 4);
            i += 2;
        } else {
            out += char(c);
        }
    }
}

void appendYamlQuoted(QByteArray &out, const QByteArray &utf8)
{
    out += '"';
    appendYamlEscaped(out, utf8);
    out += '"';
}

QByteArray yamlQuoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(4 * utf8.size() + 2);
    appendYamlQuoted(out, utf8);
    return out;
}

} // namespace sa
