#include "resources/SecretEncoding.h"

#include <openssl/crypto.h>

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
