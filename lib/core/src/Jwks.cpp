#include <authkitqt/core/Jwks.h>

#include "Base64Url_p.h"
#include "Logging_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>
#include <optional>

namespace authkit {

namespace {

// Below 2048 bits RS256 is not safe (RFC 7518 §3.3); above 8192 bits is a denial of service.
constexpr int kMinModulusBits = 2048;
constexpr int kMaxModulusBits = 8192;
constexpr qsizetype kMaxExponentBytes = 8;

struct BnDeleter { void operator()(BIGNUM *p) const { BN_free(p); } };
struct ParamBldDeleter { void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); } };
struct ParamDeleter { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct PkeyCtxDeleter { void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); } };
struct MdCtxDeleter { void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); } };

using PkeyPtr = std::shared_ptr<EVP_PKEY>;

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

// JWK members are strings; they are ASCII when valid, and anything else fails the alphabet.
std::optional<QByteArray> decodeBase64Url(const QString &text)
{
    return detail::decodeBase64UrlStrict(text.toUtf8());
}

PkeyPtr rsaPublicKey(const QByteArray &modulus, const QByteArray &exponent)
{
    std::unique_ptr<BIGNUM, BnDeleter> n(
        BN_bin2bn(bytesOf(modulus), int(modulus.size()), nullptr));
    std::unique_ptr<BIGNUM, BnDeleter> e(
        BN_bin2bn(bytesOf(exponent), int(exponent.size()), nullptr));
    if (!n || !e)
        return {};
    const int bits = BN_num_bits(n.get());
    if (bits < kMinModulusBits || bits > kMaxModulusBits || !BN_is_odd(e.get())
        || BN_is_one(e.get())) {
        return {};
    }

    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        return {};
    }
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(builder.get()));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return {};
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !key) {
        ERR_clear_error();
        return {};
    }
    return PkeyPtr(key, EVP_PKEY_free);
}

// Why a key entry is not used, or an empty string when it is a usable RS256 signing key.
QString rejectReason(const QJsonObject &jwk)
{
    if (jwk.value(QLatin1String("kty")).toString() != QLatin1String("RSA"))
        return QStringLiteral("not an RSA key");
    const QJsonValue use = jwk.value(QLatin1String("use"));
    if (!use.isUndefined() && use.toString() != QLatin1String("sig"))
        return QStringLiteral("not a signing key");
    const QJsonValue alg = jwk.value(QLatin1String("alg"));
    if (!alg.isUndefined() && alg.toString() != QLatin1String("RS256"))
        return QStringLiteral("not an RS256 key");
    const QJsonValue keyOps = jwk.value(QLatin1String("key_ops"));
    if (!keyOps.isUndefined() && !keyOps.toArray().contains(QLatin1String("verify")))
        return QStringLiteral("not a verification key");
    if (jwk.value(QLatin1String("kid")).toString().isEmpty())
        return QStringLiteral("no kid");
    return {};
}

} // namespace

struct Jwks::Keys
{
    QHash<QString, PkeyPtr> byKid;
};

Jwks::Jwks() : m_keys(std::make_unique<Keys>()) {}
Jwks::~Jwks() = default;
Jwks::Jwks(Jwks &&) noexcept = default;
Jwks &Jwks::operator=(Jwks &&) noexcept = default;

Jwks Jwks::parse(const QByteArray &json, QString *error)
{
    Jwks jwks;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return Jwks();
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(QStringLiteral("the key set is not a JSON object"));
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (!keys.isArray())
        return fail(QStringLiteral("the key set has no \"keys\" array"));

    const QJsonArray entries = keys.toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject jwk = entry.toObject();
        const QString kid = jwk.value(QLatin1String("kid")).toString();
        const QString reason = rejectReason(jwk);
        if (!reason.isEmpty()) {
            qCDebug(lcToken) << "Skipping JWK" << kid << "-" << reason;
            continue;
        }
        if (jwks.m_keys->byKid.contains(kid)) {
            // Two keys under one kid: the first wins, so a later entry cannot shadow it.
            qCWarning(lcToken) << "Duplicate kid in the key set:" << kid;
            continue;
        }
        const auto modulus = decodeBase64Url(jwk.value(QLatin1String("n")).toString());
        const auto exponent = decodeBase64Url(jwk.value(QLatin1String("e")).toString());
        if (!modulus || !exponent || modulus->isEmpty() || exponent->isEmpty()
            || exponent->size() > kMaxExponentBytes) {
            qCWarning(lcToken) << "Skipping JWK" << kid << "- bad n or e";
            continue;
        }
        PkeyPtr key = rsaPublicKey(*modulus, *exponent);
        if (!key) {
            qCWarning(lcToken) << "Skipping JWK" << kid << "- not a usable RSA public key";
            continue;
        }
        jwks.m_keys->byKid.insert(kid, std::move(key));
    }

    if (jwks.isEmpty())
        return fail(QStringLiteral("the key set has no RS256 signing key"));
    if (error)
        error->clear();
    return jwks;
}

bool Jwks::isEmpty() const
{
    return !m_keys || m_keys->byKid.isEmpty();
}

bool Jwks::hasKey(const QString &kid) const
{
    return m_keys && m_keys->byKid.contains(kid);
}

QStringList Jwks::kids() const
{
    if (!m_keys)
        return {};
    QStringList result = m_keys->byKid.keys();
    result.sort();
    return result;
}

bool Jwks::verifyRs256(const QString &kid, const QByteArray &signingInput,
                       const QByteArray &signature) const
{
    if (!m_keys)
        return false;
    const PkeyPtr key = m_keys->byKid.value(kid);
    if (!key || signature.size() != EVP_PKEY_get_size(key.get()))
        return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx
        || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) {
        return false;
    }
    // EVP_PKEY_RSA defaults to PKCS#1 v1.5 padding, which is what RS256 is.
    const bool ok = EVP_DigestVerify(ctx.get(), bytesOf(signature), std::size_t(signature.size()),
                                     bytesOf(signingInput), std::size_t(signingInput.size()))
        == 1;
    // A failed check leaves entries on this thread's OpenSSL error queue; other TLS users would
    // otherwise read them as their own.
    if (!ok)
        ERR_clear_error();
    return ok;
}

} // namespace authkit
