#include <authkitqt/core/Jwks.h>

#include "Base64Url_p.h"
#include "Logging_p.h"
#include "Printable_p.h"
#include "StrictJson_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>

namespace authkit {

namespace {

// Below 2048 bits RS256 is not safe (RFC 7518 §3.3); above 8192 bits is a denial of service.
constexpr int kMinModulusBits = 2048;
constexpr int kMaxModulusBits = 8192;
// Base64urlUInt is minimal, but some libraries prefix a zero byte to n; more is not read.
constexpr qsizetype kMaxModulusBytes = kMaxModulusBits / 8 + 1;
constexpr qsizetype kMaxExponentBytes = 8; // OpenSSL refuses public exponents over 64 bits
constexpr qsizetype kMaxCertificateBytes = 16 * 1024;
constexpr qsizetype kMaxKidChars = 256;
constexpr int kMaxJsonDepth = 8;
constexpr int kReasonsInError = 4;

struct BnDeleter { void operator()(BIGNUM *p) const { BN_free(p); } };
struct ParamBldDeleter { void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); } };
struct ParamDeleter { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct PkeyCtxDeleter { void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); } };
struct MdCtxDeleter { void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); } };
struct X509Deleter
{
    void operator()(X509 *p) const { X509_free(p); }
};

using PkeyPtr = std::shared_ptr<EVP_PKEY>;

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

// JWK members are strings; they are ASCII when valid, and anything else fails the alphabet.
std::optional<QByteArray> decodeBase64Url(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    return detail::decodeBase64UrlStrict(value.toString().toUtf8());
}

// The RSA public key (n, e), or null with *why set.
PkeyPtr rsaPublicKey(const QByteArray &modulus, const QByteArray &exponent, QString *why)
{
    const auto refuse = [why](const QString &reason) {
        *why = reason;
        return PkeyPtr();
    };
    // Sizes first, so no big number is ever built from an attacker-sized string.
    if (modulus.isEmpty() || exponent.isEmpty())
        return refuse(QStringLiteral("n or e is empty"));
    if (modulus.size() > kMaxModulusBytes)
        return refuse(QStringLiteral("the modulus is not 2048 to 8192 bits"));
    if (exponent.size() > kMaxExponentBytes)
        return refuse(QStringLiteral("the public exponent is too large"));
    std::unique_ptr<BIGNUM, BnDeleter> n(
        BN_bin2bn(bytesOf(modulus), int(modulus.size()), nullptr));
    std::unique_ptr<BIGNUM, BnDeleter> e(
        BN_bin2bn(bytesOf(exponent), int(exponent.size()), nullptr));
    if (!n || !e)
        return refuse(QStringLiteral("out of memory"));
    const int bits = BN_num_bits(n.get());
    if (bits < kMinModulusBits || bits > kMaxModulusBits)
        return refuse(QStringLiteral("the modulus is %1 bits, not 2048 to 8192").arg(bits));
    if (!BN_is_odd(n.get()))
        return refuse(QStringLiteral("the modulus is even"));
    // e = 1 makes every "signature" its own message; an even e is no RSA key.
    if (BN_is_one(e.get()))
        return refuse(QStringLiteral("the public exponent is 1"));
    if (!BN_is_odd(e.get()))
        return refuse(QStringLiteral("the public exponent is even"));

    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        return refuse(QStringLiteral("out of memory"));
    }
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(builder.get()));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return refuse(QStringLiteral("out of memory"));
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !key) {
        ERR_clear_error();
        return refuse(QStringLiteral("OpenSSL does not take it as an RSA public key"));
    }
    return PkeyPtr(key, EVP_PKEY_free);
}

// x5c (RFC 7517 §4.7) is optional; when given, its first certificate must hold the same key as
// n and e, and x5t#S256 must be that certificate's thumbprint. A mismatch means a broken or
// spliced set, so the key is not used. Returns why, or an empty string.
QString certificateMismatch(const QJsonObject &jwk, EVP_PKEY *key)
{
    const QJsonValue x5c = jwk.value(QLatin1String("x5c"));
    if (x5c.isUndefined())
        return {};
    const QJsonArray chain = x5c.toArray();
    const QJsonValue first = chain.isEmpty() ? QJsonValue() : chain.at(0);
    if (!first.isString())
        return QStringLiteral("x5c is not an array of certificates");
    const QByteArray encoded = first.toString().toLatin1();
    if (encoded.size() > kMaxCertificateBytes * 4 / 3 + 4)
        return QStringLiteral("the x5c certificate is too large");
    // Standard base64 with padding here, not base64url.
    const auto decoded =
        QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray der = decoded ? *decoded : QByteArray();
    if (der.isEmpty())
        return QStringLiteral("the x5c certificate is not base64");
    const unsigned char *cursor = bytesOf(der);
    std::unique_ptr<X509, X509Deleter> certificate(d2i_X509(nullptr, &cursor, long(der.size())));
    const bool whole = cursor == bytesOf(der) + der.size();
    EVP_PKEY *certificateKey = certificate ? X509_get0_pubkey(certificate.get()) : nullptr;
    const bool same = certificateKey && EVP_PKEY_eq(certificateKey, key) == 1;
    ERR_clear_error();
    if (!certificate || !whole)
        return QStringLiteral("the x5c certificate is not DER X.509");
    if (!same)
        return QStringLiteral("the x5c certificate holds another key than n and e");
    const QJsonValue thumbprint = jwk.value(QLatin1String("x5t#S256"));
    if (!thumbprint.isUndefined()) {
        const QByteArray expected =
            QCryptographicHash::hash(der, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (thumbprint.toString().toLatin1() != expected)
            return QStringLiteral("x5t#S256 is not the x5c certificate's thumbprint");
    }
    return {};
}

// Why a key entry is not used, or an empty string when it may be a usable RS256 signing key.
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
    const QString kid = jwk.value(QLatin1String("kid")).toString();
    if (kid.isEmpty())
        return QStringLiteral("no kid");
    if (kid.size() > kMaxKidChars)
        return QStringLiteral("the kid is too long");
    return {};
}

// The key of one entry, or null with *why set.
PkeyPtr usableKey(const QJsonObject &jwk, QString *why)
{
    *why = rejectReason(jwk);
    if (!why->isEmpty())
        return {};
    const auto modulus = decodeBase64Url(jwk.value(QLatin1String("n")));
    const auto exponent = decodeBase64Url(jwk.value(QLatin1String("e")));
    if (!modulus || !exponent) {
        *why = QStringLiteral("n or e is not base64url");
        return {};
    }
    PkeyPtr key = rsaPublicKey(*modulus, *exponent, why);
    if (!key)
        return {};
    *why = certificateMismatch(jwk, key.get());
    if (!why->isEmpty())
        return {};
    return key;
}

// "entry 3 (kid "abc")", with the kid made safe to print.
QString entryName(qsizetype index, const QJsonValue &entry)
{
    const QJsonValue kid = entry.toObject().value(QLatin1String("kid"));
    if (!kid.isString())
        return QStringLiteral("entry %1").arg(index + 1);
    return QStringLiteral("entry %1 (kid \"%2\")")
        .arg(index + 1)
        .arg(detail::printable(kid.toString(), 32));
}

} // namespace

struct Jwks::Keys
{
    QHash<QString, PkeyPtr> byKid;
    // Per key, a context on which EVP_DigestVerifyInit already ran. With OpenSSL 3 that init
    // (fetching SHA-256 and the RSA signature from the provider) costs about as much as the RSA
    // operation itself; each verification works on a copy, so this one is only read.
    QHash<QString, std::shared_ptr<EVP_MD_CTX>> initialized;
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

    if (json.size() > kMaxDocumentBytes)
        return fail(QStringLiteral("the key set is larger than %1 bytes").arg(kMaxDocumentBytes));
    detail::StrictJsonError jsonError = detail::StrictJsonError::None;
    const auto document = detail::parseStrictJson(json, kMaxJsonDepth, &jsonError);
    if (jsonError == detail::StrictJsonError::DuplicateMember)
        return fail(QStringLiteral("the key set names a member twice"));
    if (jsonError == detail::StrictJsonError::TooDeep)
        return fail(
            QStringLiteral("the key set is nested deeper than %1 levels").arg(kMaxJsonDepth));
    if (!document || !document->isObject())
        return fail(QStringLiteral("the key set is not a JSON object"));
    const QJsonValue keys = document->object().value(QLatin1String("keys"));
    if (!keys.isArray())
        return fail(QStringLiteral("the key set has no \"keys\" array"));
    const QJsonArray entries = keys.toArray();
    if (entries.isEmpty())
        return fail(QStringLiteral("the key set has no keys"));
    // A real set has a few keys; a thousand is a fault or an attack, and reading the first
    // hundred of them would be a silent choice.
    if (entries.size() > kMaxKeys) {
        return fail(QStringLiteral("the key set has %1 keys, more than %2")
                        .arg(entries.size())
                        .arg(kMaxKeys));
    }

    QStringList skipped; // why each unused entry is not used, for the error message
    QSet<QString> ambiguous;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        QString why = entry.isObject() ? QString() : QStringLiteral("not an object");
        PkeyPtr key = why.isEmpty() ? usableKey(entry.toObject(), &why) : PkeyPtr();
        if (!key) {
            skipped.append(QStringLiteral("%1: %2").arg(entryName(i, entry), why));
            qCDebug(lcToken).noquote() << "Skipping JWK" << skipped.constLast();
            continue;
        }
        const QString kid = entry.toObject().value(QLatin1String("kid")).toString();
        if (ambiguous.contains(kid))
            continue;
        const PkeyPtr known = jwks.m_keys->byKid.value(kid);
        if (known && EVP_PKEY_eq(known.get(), key.get()) == 1)
            continue; // the same key listed twice: nothing to choose between
        if (known) {
            // One kid, two keys: taking either would be a silent choice, so neither is used
            // and a token with that kid fails as UnknownKey.
            ERR_clear_error();
            jwks.m_keys->byKid.remove(kid);
            ambiguous.insert(kid);
            skipped.append(
                QStringLiteral("%1: the kid names two different keys").arg(entryName(i, entry)));
            qCWarning(lcToken).noquote() << "Dropping JWK" << skipped.constLast();
            continue;
        }
        jwks.m_keys->byKid.insert(kid, std::move(key));
    }

    if (jwks.isEmpty()) {
        QStringList shown = skipped.mid(0, kReasonsInError);
        if (skipped.size() > kReasonsInError)
            shown.append(QStringLiteral("%1 more").arg(skipped.size() - kReasonsInError));
        return fail(QStringLiteral("the key set has no usable RS256 signing key (%1)")
                        .arg(shown.join(QLatin1String("; "))));
    }
    for (auto it = jwks.m_keys->byKid.cbegin(); it != jwks.m_keys->byKid.cend(); ++it) {
        std::shared_ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new(), MdCtxDeleter());
        if (ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, it->get()) == 1)
            jwks.m_keys->initialized.insert(it.key(), std::move(ctx));
        else
            ERR_clear_error(); // verification then initializes a context each time
    }
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
    const std::shared_ptr<EVP_MD_CTX> initialized = m_keys->initialized.value(kid);
    if (!ctx
        || (initialized
                ? EVP_MD_CTX_copy_ex(ctx.get(), initialized.get())
                : EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()))
               != 1) {
        ERR_clear_error();
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
