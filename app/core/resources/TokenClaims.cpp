#include "resources/Resources.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <utility>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// JWTs use unpadded base64url (RFC 7515 §2). Padding some encoders add anyway is tolerated, but any character
// outside the URL alphabet is an error rather than skipped, so that a mangled paste is reported as such.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    for (int i = 0; i < 2 && text.endsWith('='); ++i)
        text.chop(1);
    // A lone sextet in the last group cannot encode a byte; Qt would drop it silently.
    if (text.size() % 4 == 1)
        return std::nullopt;
    auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                 QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return std::move(result.decoded);
}

// A NumericDate (RFC 7519 §2): seconds since the epoch. Absent or not a number: an invalid QDateTime. A number
// no calendar holds (1e300, NaN) is no date either, and is not cast to an integer (that would be undefined
// behaviour): `outOfRange` says so, and the token is refused as go-jose refuses it.
QDateTime numericDate(const QJsonValue &value, bool *outOfRange)
{
    if (!value.isDouble())
        return {};
    const double seconds = value.toDouble();
    // Year 1 to year 9999, as Go's time package formats them.
    constexpr double kFirst = -62135596800.0;
    constexpr double kLast = 253402300799.0;
    if (!(seconds >= kFirst && seconds <= kLast)) {
        *outOfRange = true;
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds), Qt::UTC);
}

std::nullopt_t fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<TokenClaims> TokenClaims::decode(const QByteArray &token, QString *error)
{
    // Only the claims are sliced out: the token is a bearer credential and is neither copied nor quoted.
    const QByteArrayView view(token);
    const qsizetype firstDot = view.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : view.indexOf('.', firstDot + 1);
    if (secondDot < 0 || view.indexOf('.', secondDot + 1) >= 0)
        return fail(error,
                    QCoreApplication::translate("sa::TokenClaims", "not a JWT: expected three dot-separated parts"));
    const std::optional<QByteArray> json = decodeBase64Url(view.sliced(firstDot + 1, secondDot - firstDot - 1));
    if (!json)
        return fail(error, QCoreApplication::translate("sa::TokenClaims", "the claims are not valid base64url"));
    const QJsonDocument document = QJsonDocument::fromJson(*json);
    if (!document.isObject())
        return fail(error, QCoreApplication::translate("sa::TokenClaims", "the claims are not a JSON object"));
    const QJsonObject claims = document.object();

    TokenClaims result;
    // The header names how it was signed; a header that does not decode leaves those empty (the claims still say
    // who the token is for).
    if (const auto header = decodeBase64Url(view.first(firstDot))) {
        const QJsonObject fields = QJsonDocument::fromJson(*header).object();
        result.algorithm = fields.value(u"alg").toString();
        result.keyId = fields.value(u"kid").toString();
    }
    result.id = claims.value(u"jti").toString();
    bool outOfRange = false;
    result.notBefore = numericDate(claims.value(u"nbf"), &outOfRange);
    result.issuer = claims.value(u"iss").toString();
    result.subject = claims.value(u"sub").toString();
    const QJsonValue audience = claims.value(u"aud");
    if (audience.isString()) {
        result.audiences = {audience.toString()};
    } else {
        for (const QJsonValue &value : audience.toArray())
            result.audiences.append(value.toString());
    }
    result.issuedAt = numericDate(claims.value(u"iat"), &outOfRange);
    result.expiresAt = numericDate(claims.value(u"exp"), &outOfRange);
    if (outOfRange)
        return fail(
            error,
            QCoreApplication::translate("sa::TokenClaims", "a time in the claims (exp, iat or nbf) is out of range"));

    // Secret-based tokens predate the nested claims and carry flat, prefixed ones instead (legacy.go).
    if (result.issuer == "kubernetes/serviceaccount"_L1) {
        result.legacy = true;
        result.ns = claims.value(u"kubernetes.io/serviceaccount/namespace").toString();
        result.serviceAccountName = claims.value(u"kubernetes.io/serviceaccount/service-account.name").toString();
        result.serviceAccountUid = claims.value(u"kubernetes.io/serviceaccount/service-account.uid").toString();
        result.secretName = claims.value(u"kubernetes.io/serviceaccount/secret.name").toString();
        return result;
    }

    const QJsonObject kubernetes = claims.value(u"kubernetes.io").toObject();
    result.ns = kubernetes.value(u"namespace").toString();
    result.serviceAccountName = kubernetes[u"serviceaccount"][u"name"].toString();
    result.serviceAccountUid = kubernetes[u"serviceaccount"][u"uid"].toString();
    // A pod-bound token also names the pod's node, so the pod is looked for first.
    for (const auto &[claim, kind] :
         {std::pair(u"pod"_s, u"Pod"_s), std::pair(u"secret"_s, u"Secret"_s), std::pair(u"node"_s, u"Node"_s)}) {
        const QJsonValue bound = kubernetes.value(claim);
        if (bound.isObject()) {
            result.boundKind = kind;
            result.boundName = bound[u"name"].toString();
            break;
        }
    }
    result.nodeName = kubernetes[u"node"][u"name"].toString();
    return result;
}

} // namespace sa
