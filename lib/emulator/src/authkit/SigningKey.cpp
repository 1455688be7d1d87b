#include "SigningKey_p.h"

#include "Ids_p.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace authkit::emulator {

namespace {

QString opensslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char buffer[256] = {};
    if (code)
        ERR_error_string_n(code, buffer, sizeof buffer);
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLatin1(buffer));
}

QByteArray bigNumParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

// A self-signed certificate for the key, DER encoded: what WorkOS puts in x5c.
QByteArray selfSignedCertificate(EVP_PKEY *key)
{
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!cert)
        return {};
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("authkit-emulator"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);
    if (!X509_sign(cert.get(), key, EVP_sha256()))
        return {};
    const int length = i2d_X509(cert.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(cert.get(), &out);
    return der;
}

QByteArray publicKeyDer(EVP_PKEY *key)
{
    const int length = i2d_PUBKEY(key, nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_PUBKEY(key, &out);
    return der;
}

} // namespace

SigningKey::SigningKey(EVP_PKEY *key)
    : m_key(key)
{
}

SigningKey::~SigningKey()
{
    EVP_PKEY_free(m_key);
}

std::unique_ptr<SigningKey> SigningKey::generate(QString *error)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    if (!key) {
        *error = opensslError("cannot generate an RSA key");
        return nullptr;
    }
    std::unique_ptr<SigningKey> signingKey(new SigningKey(key));
    if (!signingKey->describe(error))
        return nullptr;
    return signingKey;
}

std::unique_ptr<SigningKey> SigningKey::loadOrCreate(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        auto key = generate(error);
        if (!key)
            return nullptr;
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        if (!PEM_write_bio_PrivateKey(bio.get(), key->m_key, nullptr, nullptr, 0, nullptr,
                                      nullptr)) {
            *error = opensslError("cannot encode the signing key");
            return nullptr;
        }
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write the signing key to %1: %2")
                         .arg(path, out.errorString());
            return nullptr;
        }
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        out.write(data, size);
        if (!out.commit()) {
            *error = QStringLiteral("cannot write the signing key to %1: %2")
                         .arg(path, out.errorString());
            return nullptr;
        }
        return key;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the signing key %1: %2").arg(path, file.errorString());
        return nullptr;
    }
    const QByteArray pem = file.read(64 * 1024);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), pem.size()),
                                                  BIO_free);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!key) {
        *error = QStringLiteral("%1 is not a PEM private key").arg(path);
        return nullptr;
    }
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || EVP_PKEY_get_bits(key) < 2048) {
        EVP_PKEY_free(key);
        *error = QStringLiteral("%1 must hold an RSA key of at least 2048 bits").arg(path);
        return nullptr;
    }
    std::unique_ptr<SigningKey> signingKey(new SigningKey(key));
    if (!signingKey->describe(error))
        return nullptr;
    return signingKey;
}

bool SigningKey::describe(QString *error)
{
    const QByteArray n = bigNumParam(m_key, OSSL_PKEY_PARAM_RSA_N);
    const QByteArray e = bigNumParam(m_key, OSSL_PKEY_PARAM_RSA_E);
    const QByteArray certificate = selfSignedCertificate(m_key);
    const QByteArray spki = publicKeyDer(m_key);
    if (n.isEmpty() || e.isEmpty() || certificate.isEmpty() || spki.isEmpty()) {
        *error = opensslError("cannot describe the signing key");
        return false;
    }
    // The kid is derived from the public key, so a pinned key keeps its kid across restarts.
    m_kid = QStringLiteral("sso_oidc_key_pair_")
            + ids::ulidShapedDigest(QCryptographicHash::hash(spki, QCryptographicHash::Sha256));
    m_jwk = QJsonObject{
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("kid"), m_kid},
        {QStringLiteral("n"), QString::fromLatin1(ids::base64Url(n))},
        {QStringLiteral("e"), QString::fromLatin1(ids::base64Url(e))},
        {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(certificate.toBase64())}},
        {QStringLiteral("x5t#S256"),
         QString::fromLatin1(
             ids::base64Url(QCryptographicHash::hash(certificate, QCryptographicHash::Sha256)))},
    };
    return true;
}

QByteArray SigningKey::signRs256(const QByteArray &data) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                EVP_MD_CTX_free);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key) != 1)
        return {};
    size_t length = 0;
    const auto *input = reinterpret_cast<const unsigned char *>(data.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &length, input, data.size()) != 1)
        return {};
    QByteArray signature(static_cast<int>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       input, data.size())
        != 1)
        return {};
    signature.resize(static_cast<int>(length));
    return signature;
}

} // namespace authkit::emulator
