#include "Pagination.h"

#include "Negotiation.h"
#include "Patch.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

constexpr int kSnapshotLifetimeSeconds = 300;
constexpr int kMaxSnapshots = 64;

// The token as the apiserver's etcd3 storage encodes it: base64url of {"v", "rv", "start"}.
QByteArray encodeContinue(qint64 rv, const QString &startKey)
{
    const QJsonObject token {{"v"_L1, "meta.k8s.io/v1"_L1}, {"rv"_L1, rv}, {"start"_L1, QString(startKey + QChar(0))}};
    return compactJson(token).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

struct ContinueToken
{
    qint64 rv = 0;
    QString start;
};

// Go's base64.RawURLEncoding.DecodeString: no padding, '\r' and '\n' skipped, the first bad byte named.
std::optional<QByteArray> decodeRawUrlBase64(const QByteArray &text, QString *error)
{
    QByteArray out;
    quint32 quantum = 0;
    int bits = 0;
    int inQuantum = 0;
    qsizetype lastIndex = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        int value = -1;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= 'a' && c <= 'z')
            value = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            value = c - '0' + 52;
        else if (c == '-')
            value = 62;
        else if (c == '_')
            value = 63;
        else if (c == '\r' || c == '\n')
            continue;
        if (value < 0) {
            *error = u"illegal base64 data at input byte %1"_s.arg(i);
            return std::nullopt;
        }
        lastIndex = i;
        quantum = (quantum << 6) | quint32(value);
        bits += 6;
        inQuantum = (inQuantum + 1) % 4;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((quantum >> bits) & 0xff));
        }
    }
    if (inQuantum == 1) {
        *error = u"illegal base64 data at input byte %1"_s.arg(lastIndex);
        return std::nullopt;
    }
    return out;
}

// A byte as Go's encoding/json quotes it in a syntax error (quoteChar: strconv.Quote of the byte as a rune).
QString goQuotedByte(unsigned char c)
{
    if (c == '\'')
        return uR"('\'')"_s;
    if (c == '"')
        return uR"('"')"_s;
    if (c == '\\')
        return uR"('\\')"_s;
    static const QHash<unsigned char, QString> escapes {{'\a', u"\\a"_s}, {'\b', u"\\b"_s}, {'\f', u"\\f"_s},
                                                        {'\n', u"\\n"_s}, {'\r', u"\\r"_s}, {'\t', u"\\t"_s},
                                                        {'\v', u"\\v"_s}};
    QString inner;
    if (escapes.contains(c))
        inner = escapes.value(c);
    else if (c < 0x20 || c == 0x7f)
        inner = u"\\x%1"_s.arg(uint(c), 2, 16, QChar(u'0'));
    else if ((c >= 0x80 && c <= 0xa0) || c == 0xad) // not printable for strconv.IsPrint
        inner = u"\\u%1"_s.arg(uint(c), 4, 16, QChar(u'0'));
    else
        inner = QChar(char16_t(c));
    return u'\'' + inner + u'\'';
}

// storage.DecodeContinue of k8s.io/apiserver: the token, or the reason it is not one, in the apiserver's words
// (the caller prefixes "invalid continue token: ", as the etcd3 store does). JSON syntax errors are worded as Go's
// scanner words them for an empty input or a bad first byte, the usual cases for a garbage token; deeper syntax
// errors keep Qt's wording after the same prefix.
std::optional<ContinueToken> decodeContinue(const QString &text, QString *error)
{
    const QString invalid = u"continue key is not valid"_s;
    QString reason;
    const auto data = decodeRawUrlBase64(text.toUtf8(), &reason);
    if (!data) {
        *error = invalid + u": "_s + reason;
        return std::nullopt;
    }
    const QByteArray trimmed = data->trimmed();
    if (trimmed.isEmpty()) {
        *error = invalid + u": unexpected end of JSON input"_s;
        return std::nullopt;
    }
    if (!QByteArrayView("{[\"-0123456789tfn").contains(trimmed.front())) {
        *error = invalid + u": invalid character "_s + goQuotedByte(uchar(trimmed.front()))
            + u" looking for beginning of value"_s;
        return std::nullopt;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson("[" + *data + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        *error = invalid + u": "_s
            + (parseError.error == QJsonParseError::UnterminatedObject
                       || parseError.error == QJsonParseError::UnterminatedArray
                       || parseError.error == QJsonParseError::UnterminatedString
                   ? u"unexpected end of JSON input"_s
                   : parseError.errorString());
        return std::nullopt;
    }
    const QJsonValue value = document.array().first();
    if (!value.isObject() && !value.isNull()) {
        *error = invalid + u": json: cannot unmarshal "_s + goValueKind(value)
            + u" into Go value of type storage.continueToken"_s;
        return std::nullopt;
    }
    // encoding/json matches field names case-insensitively; null leaves the zero value.
    ContinueToken token;
    QString version;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        const QJsonValue field = it.value();
        const auto wrongType = [&](const QString &goType) -> std::optional<ContinueToken> {
            *error = invalid + u": json: cannot unmarshal "_s + goValueKind(field)
                + u" into Go struct field continueToken."_s + key + u" of type "_s + goType;
            return std::nullopt;
        };
        if (field.isNull())
            continue;
        if (key == "v"_L1) {
            if (!field.isString())
                return wrongType(u"string"_s);
            version = field.toString();
        } else if (key == "rv"_L1) {
            if (!field.isDouble() || field.toDouble() != double(field.toInteger()))
                return wrongType(u"int64"_s);
            token.rv = field.toInteger();
        } else if (key == "start"_L1) {
            if (!field.isString())
                return wrongType(u"string"_s);
            token.start = field.toString();
        }
    }
    if (version != "meta.k8s.io/v1"_L1) {
        *error = invalid + u": server does not recognize this encoded version "_s + version;
        return std::nullopt;
    }
    if (token.rv == 0) {
        *error = invalid + u": incorrect encoded start resourceVersion (version meta.k8s.io/v1)"_s;
        return std::nullopt;
    }
    if (token.start.isEmpty()) {
        *error = invalid + u": encoded start key empty (version meta.k8s.io/v1)"_s;
        return std::nullopt;
    }
    // Against path traversal, as the apiserver: the key must already be clean (path.Clean).
    const QString key = token.start.startsWith(u'/') ? token.start : u'/' + token.start;
    if (QDir::cleanPath(key) != key) {
        *error = invalid + u": "_s + token.start;
        return std::nullopt;
    }
    if (token.start.endsWith(QChar(0)))
        token.start.chop(1);
    return token;
}

} // namespace

std::optional<Pagination::Resume> Pagination::resume(const ResourceType &type, const QString &text, ApiFailure *failure)
{
    QString reason;
    const auto token = decodeContinue(text, &reason);
    if (!token) {
        // The etcd3 store's words (storage.ValidateListOptions); a list with a continue token never comes from
        // the watch cache in v1.32.
        *failure = status::badRequest(u"invalid continue token: "_s + reason);
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_snapshots.begin(); it != m_snapshots.end();) {
        if (it->taken.secsTo(now) > kSnapshotLifetimeSeconds)
            it = m_snapshots.erase(it);
        else
            ++it;
    }
    const auto snapshot = m_snapshots.constFind({&type, token->rv});
    if (snapshot == m_snapshots.cend()) {
        *failure = status::expired(u"The provided continue parameter is too old to display a consistent list "
                                   "result. You can start a new list without the continue parameter."_s);
        return std::nullopt;
    }
    return Resume {snapshot->objects, token->rv, token->start};
}

QString Pagination::keep(const ResourceType &type, qint64 resourceVersion, const Store::Objects &objects,
                         const QString &lastKey)
{
    if (m_snapshots.size() >= kMaxSnapshots) {
        auto oldest = std::min_element(m_snapshots.begin(), m_snapshots.end(),
                                       [](const Snapshot &a, const Snapshot &b) { return a.taken < b.taken; });
        m_snapshots.erase(oldest);
    }
    m_snapshots.insert({&type, resourceVersion}, {objects, QDateTime::currentDateTimeUtc()});
    return QString::fromLatin1(encodeContinue(resourceVersion, lastKey));
}

} // namespace kubesim
