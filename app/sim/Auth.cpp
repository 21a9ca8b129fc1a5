#include "Auth.h"
#include "JsonText.h"
#include "LegacyTokens.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QByteArray bignumBytes(EVP_PKEY *key, const char *param)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, param, &bn) != 1)
        return {};
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

const ResourceType &coreType(const char *plural)
{
    return *findResource(QString(), u"v1"_s, QLatin1StringView(plural));
}

QStringList stringList(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QString quotedList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(u'"' + value + u'"');
    return u'[' + quoted.join(u',') + u']';
}

} // namespace

QString serviceAccountUserName(const QString &ns, const QString &name)
{
    return u"system:serviceaccount:"_s + ns + u':' + name;
}

QStringList serviceAccountGroups(const QString &ns)
{
    return {u"system:serviceaccounts"_s, u"system:serviceaccounts:"_s + ns};
}

std::optional<TokenSigner> TokenSigner::generate(const QString &issuer, QString *error)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    if (!key) {
        *error = u"cannot generate the service-account signing key: "_s
            + QString::fromLatin1(ERR_error_string(ERR_get_error(), nullptr));
        return std::nullopt;
    }
    TokenSigner signer;
    signer.m_key = std::shared_ptr<void>(key, [](void *p) { EVP_PKEY_free(static_cast<EVP_PKEY *>(p)); });
    signer.m_issuer = issuer;
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0) {
        *error = u"cannot encode the service-account public key"_s;
        return std::nullopt;
    }
    signer.m_keyId = QString::fromLatin1(
        base64Url(QCryptographicHash::hash(QByteArrayView(der, length), QCryptographicHash::Sha256)));
    OPENSSL_free(der);
    signer.m_modulus = bignumBytes(key, OSSL_PKEY_PARAM_RSA_N);
    signer.m_exponent = bignumBytes(key, OSSL_PKEY_PARAM_RSA_E);
    if (signer.m_modulus.isEmpty() || signer.m_exponent.isEmpty()) {
        *error = u"cannot read the service-account public key"_s;
        return std::nullopt;
    }
    return signer;
}

QByteArray TokenSigner::sign(const QJsonObject &claims) const
{
    const QJsonObject header {{"alg"_L1, "RS256"_L1}, {"kid"_L1, m_keyId}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    if (ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, static_cast<EVP_PKEY *>(m_key.get())) == 1
        && EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                          size_t(input.size()))
            == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()))
            != 1)
            signature.clear();
        signature.resize(qsizetype(length));
    }
    EVP_MD_CTX_free(ctx);
    if (signature.isEmpty())
        return {};
    return input + '.' + base64Url(signature);
}

std::optional<QJsonObject> TokenSigner::verify(const QByteArray &token, QString *why) const
{
    const QList<QByteArray> parts = token.split('.');
    const auto header = parts.size() == 3 ? fromBase64Url(parts[0]) : std::nullopt;
    const auto payload = header ? fromBase64Url(parts[1]) : std::nullopt;
    const auto signature = payload ? fromBase64Url(parts[2]) : std::nullopt;
    if (!signature) {
        *why = u"not a signed JWT"_s;
        return std::nullopt;
    }
    const QJsonObject head = QJsonDocument::fromJson(*header).object();
    if (text(head, "alg"_L1) != "RS256"_L1 || text(head, "kid"_L1) != m_keyId) {
        *why = u"token was not signed by this cluster's key"_s;
        return std::nullopt;
    }
    const QByteArray input = parts[0] + '.' + parts[1];
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool valid = ctx
        && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, static_cast<EVP_PKEY *>(m_key.get())) == 1
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature->constData()),
                            size_t(signature->size()), reinterpret_cast<const unsigned char *>(input.constData()),
                            size_t(input.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    if (!valid) {
        *why = u"error in cryptographic primitive"_s;
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument claims = QJsonDocument::fromJson(*payload, &error);
    if (!claims.isObject()) {
        *why = u"malformed claims"_s;
        return std::nullopt;
    }
    return claims.object();
}

QJsonObject TokenSigner::jwks() const
{
    return {{"keys"_L1,
             QJsonArray {QJsonObject {{"use"_L1, "sig"_L1},
                                      {"kty"_L1, "RSA"_L1},
                                      {"kid"_L1, m_keyId},
                                      {"alg"_L1, "RS256"_L1},
                                      {"n"_L1, QString::fromLatin1(base64Url(m_modulus))},
                                      {"e"_L1, QString::fromLatin1(base64Url(m_exponent))}}}}};
}

QJsonObject TokenSigner::openIdConfiguration() const
{
    return {{"issuer"_L1, m_issuer},
            {"jwks_uri"_L1, QString(m_issuer + u"/openid/v1/jwks"_s)},
            {"response_types_supported"_L1, QJsonArray {u"id_token"_s}},
            {"subject_types_supported"_L1, QJsonArray {u"public"_s}},
            {"id_token_signing_alg_values_supported"_L1, QJsonArray {u"RS256"_s}}};
}

Authenticator::Authenticator(Registry &registry, const Pki &pki, const TokenSigner &signer,
                             QList<StaticToken> staticTokens)
    : m_registry(registry)
    , m_pki(pki)
    , m_signer(signer)
    , m_staticTokens(std::move(staticTokens))
{ }

Authenticator::Result Authenticator::authenticate(const HttpRequest &request)
{
    if (!request.peerCertificateDer.isEmpty()) {
        if (const auto identity = m_pki.verifyClientCertificate(request.peerCertificateDer)) {
            UserInfo user {identity->user, QString(), identity->groups, {}};
            user.groups.append(u"system:authenticated"_s);
            return {user, {}, {}, {}, true};
        }
    }
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return {};
    if (!authorization.startsWith("Bearer ")) {
        Result refused;
        refused.presented = true;
        refused.error = u"unsupported authorization scheme"_s;
        return refused;
    }
    return authenticateToken(authorization.mid(7).trimmed(), {});
}

Authenticator::Result Authenticator::authenticateToken(const QByteArray &token, QStringList audiences)
{
    Result result;
    result.presented = true;
    for (const StaticToken &candidate : std::as_const(m_staticTokens)) {
        if (constantTimeEquals(candidate.token, token)) {
            result.user = candidate.user;
            return result;
        }
    }
    QString why;
    const auto claims = m_signer.verify(token, &why);
    if (!claims) {
        result.error = u"[invalid bearer token, "_s + why + u']';
        return result;
    }
    if (audiences.isEmpty())
        audiences = {m_signer.issuer()};
    if (text(*claims, "iss"_L1) == "kubernetes/serviceaccount"_L1)
        return authenticateLegacyToken(token, *claims);
    if (text(*claims, "iss"_L1) == m_signer.issuer())
        return authenticateBoundToken(*claims, audiences);
    result.error = u"[invalid bearer token, token issuer is not trusted]"_s;
    return result;
}

Authenticator::Result Authenticator::authenticateBoundToken(const QJsonObject &claims, const QStringList &audiences)
{
    Result result;
    result.presented = true;
    const auto fail = [&result](const QString &why) {
        result.error = u"[invalid bearer token, "_s + why + u']';
        return result;
    };
    const QStringList tokenAudiences = stringList(claims.value("aud"_L1));
    for (const QString &audience : audiences) {
        if (tokenAudiences.contains(audience))
            result.audiences.append(audience);
    }
    if (result.audiences.isEmpty()) {
        return fail(u"token audiences "_s + quotedList(tokenAudiences) + u" is invalid for the target audiences "_s
                    + quotedList(audiences));
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (claims.value("exp"_L1).toInteger() <= now)
        return fail(u"service account token has expired"_s);
    if (claims.value("nbf"_L1).toInteger() > now)
        return fail(u"service account token is not valid yet"_s);

    const QJsonObject k8s = claims.value("kubernetes.io"_L1).toObject();
    const QString ns = text(k8s, "namespace"_L1);
    const QJsonObject accountRef = k8s.value("serviceaccount"_L1).toObject();
    Store &store = m_registry.store();
    const auto account = store.get(coreType("serviceaccounts"), ns, text(accountRef, "name"_L1));
    if (!account)
        return fail(u"service account token has been invalidated"_s);
    const QString accountUid = text(metadataOf(*account), "uid"_L1);
    if (accountUid != text(accountRef, "uid"_L1)) {
        return fail(u"service account UID ("_s + accountUid + u") does not match claim ("_s + text(accountRef, "uid"_L1)
                    + u')');
    }
    UserInfo user {serviceAccountUserName(ns, text(accountRef, "name"_L1)), accountUid, serviceAccountGroups(ns), {}};
    // A token bound to an object dies with it.
    for (const auto &[claim, plural] : {std::pair {"pod"_L1, "pods"}, std::pair {"secret"_L1, "secrets"}}) {
        const QJsonObject ref = k8s.value(claim).toObject();
        if (ref.isEmpty())
            continue;
        const auto bound = store.get(coreType(plural), ns, text(ref, "name"_L1));
        if (!bound)
            return fail(u"service account token has been invalidated"_s);
        const QString uid = text(metadataOf(*bound), "uid"_L1);
        if (uid != text(ref, "uid"_L1)) {
            const QString what = claim == "pod"_L1 ? u"pod"_s : u"secret"_s;
            return fail(what + u" UID ("_s + uid + u") does not match claim ("_s + text(ref, "uid"_L1) + u')');
        }
        if (claim == "pod"_L1) {
            user.extra.insert(u"authentication.kubernetes.io/pod-name"_s, {text(ref, "name"_L1)});
            user.extra.insert(u"authentication.kubernetes.io/pod-uid"_s, {uid});
        }
    }
    const QJsonObject node = k8s.value("node"_L1).toObject();
    if (!node.isEmpty()) {
        user.extra.insert(u"authentication.kubernetes.io/node-name"_s, {text(node, "name"_L1)});
        user.extra.insert(u"authentication.kubernetes.io/node-uid"_s, {text(node, "uid"_L1)});
    }
    if (claims.contains("jti"_L1))
        user.extra.insert(u"authentication.kubernetes.io/credential-id"_s, {u"JTI="_s + text(claims, "jti"_L1)});
    user.groups.append(u"system:authenticated"_s);
    result.user = user;
    return result;
}

Authenticator::Result Authenticator::authenticateLegacyToken(const QByteArray &token, const QJsonObject &claims)
{
    Result result;
    result.presented = true;
    result.audiences = {m_signer.issuer()};
    const auto fail = [&result](const QString &why) {
        result.error = u"[invalid bearer token, "_s + why + u']';
        result.audiences.clear();
        return result;
    };
    const QString ns = text(claims, "kubernetes.io/serviceaccount/namespace"_L1);
    const QString secretName = text(claims, "kubernetes.io/serviceaccount/secret.name"_L1);
    const QString accountName = text(claims, "kubernetes.io/serviceaccount/service-account.name"_L1);
    const QString accountUid = text(claims, "kubernetes.io/serviceaccount/service-account.uid"_L1);
    Store &store = m_registry.store();
    const ResourceType &secrets = coreType("secrets");
    const auto secret = store.get(secrets, ns, secretName);
    if (!secret || metadataOf(*secret).contains("deletionTimestamp"_L1))
        return fail(u"service account token has been invalidated"_s);
    const QByteArray stored =
        QByteArray::fromBase64(secret->value("data"_L1).toObject().value("token"_L1).toString().toLatin1());
    if (!constantTimeEquals(stored, token))
        return fail(u"service account token does not match server's copy"_s);
    const auto account = store.get(coreType("serviceaccounts"), ns, accountName);
    if (!account)
        return fail(u"service account token has been invalidated"_s);
    if (text(metadataOf(*account), "uid"_L1) != accountUid) {
        return fail(u"service account UID ("_s + text(metadataOf(*account), "uid"_L1) + u") does not match claim ("_s
                    + accountUid + u')');
    }
    const QJsonObject labels = metadataOf(*secret).value("labels"_L1).toObject();
    // Track use as 1.28+ servers do: a date label, written at most once a day. An invalidated token's attempted use
    // counts too (legacy.go patches the date before refusing it), so that a token re-enabled after such an attempt is
    // not invalidated again by the cleaner's next pass.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QString lastUsed = text(labels, kLegacyTokenLastUsedLabel);
    if (lastUsed != today.toString(Qt::ISODate) && lastUsed != today.addDays(1).toString(Qt::ISODate)) {
        const QJsonObject patch {
            {"metadata"_L1,
             QJsonObject {{"labels"_L1, QJsonObject {{kLegacyTokenLastUsedLabel, today.toString(Qt::ISODate)}}}}}};
        (void)m_registry.patch(secrets, ns, secretName, PatchType::Merge,
                               QJsonDocument(patch).toJson(QJsonDocument::Compact));
    }
    if (labels.contains(kLegacyTokenInvalidSinceLabel)) {
        return fail(u"the token in secret "_s + ns + u'/' + secretName + u" for service account "_s + ns + u'/'
                    + accountName
                    + u" has been marked invalid. Use tokens from the TokenRequest API or manually created "
                      "secret-based tokens, or remove the 'kubernetes.io/legacy-token-invalid-since' label from the "
                      "secret to temporarily allow use of this token"_s);
    }
    for (const QJsonValue &ref : account->value("secrets"_L1).toArray()) {
        if (ref.toObject().value("name"_L1).toString() == secretName) {
            result.warning = "299 - \"Use tokens from the TokenRequest API or manually created secret-based tokens "
                             "instead of auto-generated secret-based tokens.\""_ba;
        }
    }
    QStringList groups = serviceAccountGroups(ns);
    groups.append(u"system:authenticated"_s);
    result.user = UserInfo {serviceAccountUserName(ns, accountName), accountUid, groups, {}};
    return result;
}

} // namespace kubesim
