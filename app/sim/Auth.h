#pragma once

#include "HttpServer.h"
#include "Pki.h"
#include "Rbac.h"
#include "Registry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace kubesim {

// The service-account token signer: an RSA-2048 key, RS256 JWTs with the key id the apiserver derives
// (base64url of the SHA-256 of the public key's DER), and the OIDC documents that publish the key.
class TokenSigner
{
public:
    static constexpr QLatin1StringView defaultIssuer {"https://kubernetes.default.svc.cluster.local"};

    [[nodiscard]] static std::optional<TokenSigner> generate(const QString &issuer, QString *error);

    [[nodiscard]] const QString &issuer() const { return m_issuer; }
    [[nodiscard]] const QString &keyId() const { return m_keyId; }
    [[nodiscard]] QByteArray sign(const QJsonObject &claims) const;
    // The claims of a JWT whose RS256 signature this key made; nullopt (and *why) otherwise.
    [[nodiscard]] std::optional<QJsonObject> verify(const QByteArray &token, QString *why) const;
    [[nodiscard]] QJsonObject jwks() const;
    [[nodiscard]] QJsonObject openIdConfiguration() const;

private:
    QString m_issuer;
    QString m_keyId;
    QByteArray m_modulus;
    QByteArray m_exponent;
    std::shared_ptr<void> m_key; // EVP_PKEY
};

// A bearer token given on the command line (--static-token TOKEN,USER[,GROUP...]).
struct StaticToken
{
    QByteArray token;
    UserInfo user;
};

// The apiserver's authenticator chain: client certificates from kube-sim's CA, service-account tokens
// (TokenRequest JWTs and legacy Secret tokens) and static tokens.
class Authenticator
{
public:
    Authenticator(Registry &registry, const Pki &pki, const TokenSigner &signer, QList<StaticToken> staticTokens);

    struct Result
    {
        std::optional<UserInfo> user;
        QString error; // why a presented credential was refused (TokenReview status.error)
        QStringList audiences; // the audiences the token was accepted for
        QByteArray warning; // a Warning header to send back, if any
        bool presented = false; // the request carried a credential at all
    };

    [[nodiscard]] Result authenticate(const HttpRequest &request);
    // `audiences` empty means the server's own (the issuer).
    [[nodiscard]] Result authenticateToken(const QByteArray &token, QStringList audiences);

private:
    Result authenticateBoundToken(const QJsonObject &claims, const QStringList &audiences);
    Result authenticateLegacyToken(const QByteArray &token, const QJsonObject &claims);

    Registry &m_registry;
    const Pki &m_pki;
    const TokenSigner &m_signer;
    QList<StaticToken> m_staticTokens;
};

// The user name and groups of a service account (k8s.io/apiserver/pkg/authentication/serviceaccount).
[[nodiscard]] QString serviceAccountUserName(const QString &ns, const QString &name);
[[nodiscard]] QStringList serviceAccountGroups(const QString &ns);

} // namespace kubesim
