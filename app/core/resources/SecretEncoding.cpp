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

void appendYamlQuoted(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    const auto byte = [&utf8](qsizetype i) { return i < utf8.size() ? static_cast<unsigned char>(utf8.at(i)) : 0; };
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = byte(i);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else if (c == 0xc2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9f) {
            // C1 controls (NEL among them) may not appear raw.
            out += "\\x";
            out += hex[byte(i + 1) >> 4];
            out += hex[byte(i + 1) & 0xf];
            ++i;
        } else if (c == 0xe2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xa8 || byte(i + 2) == 0xa9)) {
            out += byte(i + 2) == 0xa8 ? "\\L" : "\\P";
            i += 2;
        } else {
            out += char(c);
        }
    }
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
