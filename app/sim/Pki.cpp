#include "Pki.h"

#include <QDir>
#include <QFile>
#include <QList>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QString opensslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char buf[256] = {};
    ERR_error_string_n(code, buf, sizeof buf);
    return QLatin1StringView(what) + u": "_s + QString::fromLatin1(buf);
}

KeyPtr makeKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

QByteArray certToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioContents(bio.get());
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

struct CertSpec
{
    const char *commonName;
    QList<const char *> organizations;
    bool isCa = false;
    const char *keyUsage;
    const char *extendedKeyUsage = nullptr;
    const char *subjectAltName = nullptr;
};

// Signs `key`'s certificate with issuerKey; a null issuer makes it self-signed.
CertPtr makeCert(const CertSpec &spec, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey)
{
    CertPtr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return {};
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return {};
    serial[0] &= 0x7f; // a positive serial: Go rejects negative ones
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialOk = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!serialOk)
        return {};

    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const char *org : spec.organizations) {
        if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(org), -1, -1,
                                       0)
            != 1)
            return {};
    }
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(spec.commonName),
                                   -1, -1, 0)
        != 1)
        return {};
    X509 *signer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1)
        return {};
    // Backdated an hour so that clocks a little apart still accept it; a year is ample for a session.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600))
        return {};
    if (X509_set_pubkey(cert.get(), key) != 1)
        return {};

    if (!addExtension(cert.get(), signer, NID_basic_constraints, spec.isCa ? "critical,CA:TRUE" : "critical,CA:FALSE")
        || !addExtension(cert.get(), signer, NID_key_usage, spec.keyUsage)
        || !addExtension(cert.get(), signer, NID_subject_key_identifier, "hash"))
        return {};
    if (issuer && !addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always"))
        return {};
    if (spec.extendedKeyUsage && !addExtension(cert.get(), signer, NID_ext_key_usage, spec.extendedKeyUsage))
        return {};
    if (spec.subjectAltName && !addExtension(cert.get(), signer, NID_subject_alt_name, spec.subjectAltName))
        return {};

    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return {};
    return cert;
}

} // namespace

std::optional<Pki> Pki::generate(QString *error)
{
    KeyPtr caKey = makeKey();
    KeyPtr serverKey = makeKey();
    KeyPtr clientKey = makeKey();
    if (!caKey || !serverKey || !clientKey) {
        *error = opensslError("cannot generate an EC key");
        return std::nullopt;
    }
    const CertPtr ca = makeCert({"kube-sim-ca", {}, true, "critical,keyCertSign,cRLSign,digitalSignature"}, caKey.get(),
                                nullptr, nullptr);
    const CertPtr server = ca ? makeCert({"kube-sim-apiserver",
                                          {},
                                          false,
                                          "critical,digitalSignature,keyEncipherment",
                                          "serverAuth",
                                          "DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,"
                                          "DNS:kubernetes.default.svc,IP:127.0.0.1,IP:::1"},
                                         serverKey.get(), ca.get(), caKey.get())
                              : CertPtr();
    const CertPtr client = ca
        ? makeCert(
            {"kube-sim-admin", {"system:masters"}, false, "critical,digitalSignature,keyEncipherment", "clientAuth"},
            clientKey.get(), ca.get(), caKey.get())
        : CertPtr();
    if (!server || !client) {
        *error = opensslError("cannot issue the simulator's certificates");
        return std::nullopt;
    }

    Pki pki;
    pki.m_caCertPem = certToPem(ca.get());
    pki.m_serverCertPem = certToPem(server.get());
    pki.m_serverKeyPem = keyToPem(serverKey.get());
    pki.m_clientCertPem = certToPem(client.get());
    pki.m_clientKeyPem = keyToPem(clientKey.get());
    if (pki.m_caCertPem.isEmpty() || pki.m_serverKeyPem.isEmpty() || pki.m_clientKeyPem.isEmpty()) {
        *error = opensslError("cannot encode the simulator's certificates");
        return std::nullopt;
    }
    EVP_PKEY *caPublic = X509_get_pubkey(ca.get());
    if (!caPublic) {
        *error = opensslError("cannot read the CA's public key");
        return std::nullopt;
    }
    pki.m_caPublicKey = std::shared_ptr<void>(caPublic, [](void *p) { EVP_PKEY_free(static_cast<EVP_PKEY *>(p)); });
    return pki;
}

std::optional<Pki> Pki::keptIn(const QString &dir, QString *error)
{
    static const QStringList names {u"ca.crt"_s, u"server.crt"_s, u"server.key"_s, u"client.crt"_s, u"client.key"_s};
    const QDir folder(dir);
    if (QFile::exists(folder.filePath(names.first()))) {
        QList<QByteArray> pems;
        for (const QString &name : names) {
            QFile file(folder.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                *error = file.fileName() + u": "_s + file.errorString();
                return std::nullopt;
            }
            pems.append(file.readAll());
        }
        const auto *bytes = pems[0].constData();
        BIO *bio = BIO_new_mem_buf(bytes, int(pems[0].size()));
        const CertPtr ca(bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr);
        BIO_free(bio);
        EVP_PKEY *caPublic = ca ? X509_get_pubkey(ca.get()) : nullptr;
        if (!caPublic) {
            *error = opensslError("cannot read the kept CA certificate");
            return std::nullopt;
        }
        Pki pki;
        pki.m_caCertPem = pems[0];
        pki.m_serverCertPem = pems[1];
        pki.m_serverKeyPem = pems[2];
        pki.m_clientCertPem = pems[3];
        pki.m_clientKeyPem = pems[4];
        pki.m_caPublicKey = std::shared_ptr<void>(caPublic, [](void *p) { EVP_PKEY_free(static_cast<EVP_PKEY *>(p)); });
        return pki;
    }
    std::optional<Pki> pki = generate(error);
    if (!pki)
        return std::nullopt;
    const QList<QByteArray> pems {pki->m_caCertPem, pki->m_serverCertPem, pki->m_serverKeyPem, pki->m_clientCertPem,
                                  pki->m_clientKeyPem};
    // The CA last: its presence says the folder is complete. Readable by the owner only: it holds the keys.
    if (!folder.mkpath(u"."_s)) {
        *error = u"cannot make the folder "_s + dir;
        return std::nullopt;
    }
    for (qsizetype i = names.size() - 1; i >= 0; --i) {
        QFile file(folder.filePath(names[i]));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner)
            || file.write(pems[i]) != pems[i].size() || !file.flush()) {
            *error = file.fileName() + u": "_s + file.errorString();
            return std::nullopt;
        }
    }
    return pki;
}

std::optional<Pki::ClientIdentity> Pki::verifyClientCertificate(const QByteArray &der) const
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    const CertPtr cert(d2i_X509(nullptr, &bytes, der.size()));
    if (!cert || X509_verify(cert.get(), static_cast<EVP_PKEY *>(m_caPublicKey.get())) != 1)
        return std::nullopt;
    if (X509_cmp_current_time(X509_get0_notBefore(cert.get())) >= 0
        || X509_cmp_current_time(X509_get0_notAfter(cert.get())) <= 0)
        return std::nullopt;
    ClientIdentity identity;
    const X509_NAME *subject = X509_get_subject_name(cert.get());
    for (int i = 0; i < X509_NAME_entry_count(subject); ++i) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, i);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        const ASN1_STRING *data = X509_NAME_ENTRY_get_data(entry);
        const QString value =
            QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)), ASN1_STRING_length(data));
        if (nid == NID_commonName)
            identity.user = value;
        else if (nid == NID_organizationName)
            identity.groups.append(value);
    }
    if (identity.user.isEmpty())
        return std::nullopt;
    return identity;
}

} // namespace kubesim
