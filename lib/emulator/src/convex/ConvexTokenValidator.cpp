#include "ConvexTokenValidator_p.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace authkit::emulator {

namespace {

struct BnDeleter { void operator()(BIGNUM *p) const { BN_free(p); } };
struct ParamBldDeleter { void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); } };
struct ParamDeleter { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct PkeyCtxDeleter { void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); } };
struct PkeyDeleter { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct MdCtxDeleter { void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); } };

constexpr qint64 kLeewaySeconds = 5; // biscuit's epsilon in the backend

// A NumericDate claim as whole seconds, saturated: a plain qint64 cast of a value out of range
// (exp 1e300 in a validly signed token) is undefined behaviour.
qint64 wholeSeconds(const QJsonValue &value)
{
    const double seconds = value.toDouble();
    if (std::isnan(seconds))
        return 0;
    constexpr double kLimit = 9e18; // leaves room for nowSecs -/+ seconds in qint64
    return qint64(std::clamp(seconds, -kLimit, kLimit));
}

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

std::optional<QByteArray> base64Url(const QByteArray &text)
{
    const auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

std::unique_ptr<EVP_PKEY, PkeyDeleter> rsaKey(const QJsonObject &jwk)
{
    const auto modulus = base64Url(jwk.value(QStringLiteral("n")).toString().toLatin1());
    const auto exponent = base64Url(jwk.value(QStringLiteral("e")).toString().toLatin1());
    if (!modulus || !exponent || modulus->isEmpty() || exponent->isEmpty())
        return nullptr;
    std::unique_ptr<BIGNUM, BnDeleter> n(BN_bin2bn(bytesOf(*modulus), int(modulus->size()), nullptr));
    std::unique_ptr<BIGNUM, BnDeleter> e(BN_bin2bn(bytesOf(*exponent), int(exponent->size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> builder(OSSL_PARAM_BLD_new());
    if (!n || !e || !builder
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        return nullptr;
    }
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(builder.get()));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return nullptr;
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        ERR_clear_error();
        return nullptr;
    }
    return std::unique_ptr<EVP_PKEY, PkeyDeleter>(key);
}

bool verifyRs256(EVP_PKEY *key, const QByteArray &input, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    const bool ok = ctx
                    && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1
                    && EVP_DigestVerify(ctx.get(), bytesOf(signature), size_t(signature.size()),
                                        bytesOf(input), size_t(input.size()))
                           == 1;
    ERR_clear_error();
    return ok;
}

QStringList audiences(const QJsonValue &aud)
{
    if (aud.isString())
        return {aud.toString()};
    QStringList list;
    const QJsonArray array = aud.toArray();
    for (const QJsonValue &entry : array)
        list.append(entry.toString());
    return list;
}

// Unlike a scheme-less issuer, one with a scheme is compared as is (lib/emulator/README.md, "Convex deployment").
bool issuerMatches(const QString &tokenIssuer, const QString &providerIssuer)
{
    return ConvexAuthConfig::normalizeIssuer(tokenIssuer)
           == ConvexAuthConfig::normalizeIssuer(providerIssuer);
}

void flatten(const QString &prefix, const QJsonObject &object, QJsonObject *out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flatten(key, it.value().toObject(), out);
        else
            out->insert(key, it.value());
    }
}

ConvexTokenCheck failure(const QString &code, const QString &message)
{
    return {std::nullopt, code, message};
}

} // namespace

ConvexTokenValidator::ConvexTokenValidator(ConvexAuthConfig config, JwksResolver resolver,
                                           JwksPrefetch prefetch)
    : m_config(std::move(config))
    , m_resolver(std::move(resolver))
    , m_prefetch(std::move(prefetch))
{
}

const ConvexAuthProvider *ConvexTokenValidator::providerFor(const QJsonObject &claims) const
{
    const QString iss = claims.value(QStringLiteral("iss")).toString();
    const QStringList aud = audiences(claims.value(QStringLiteral("aud")));
    for (const ConvexAuthProvider &candidate : m_config.providers()) {
        if (candidate.applicationId && !aud.contains(*candidate.applicationId))
            continue;
        if (issuerMatches(iss, candidate.issuer))
            return &candidate;
    }
    return nullptr;
}

void ConvexTokenValidator::prepare(const QString &token, std::function<void()> done) const
{
    // Whatever check() refuses before it needs keys needs no fetch either.
    const QList<QByteArray> parts = token.toLatin1().split('.');
    const auto payload = parts.size() == 3 ? base64Url(parts.at(1)) : std::nullopt;
    const auto header = parts.size() == 3 ? base64Url(parts.at(0)) : std::nullopt;
    const QJsonObject claims = payload ? QJsonDocument::fromJson(*payload).object() : QJsonObject();
    const QString kid = header ? QJsonDocument::fromJson(*header).object().value(
                                     QStringLiteral("kid")).toString()
                               : QString();
    const ConvexAuthProvider *provider =
        claims.value(QStringLiteral("iss")).isString() ? providerFor(claims) : nullptr;
    if (!m_prefetch || !provider || kid.isEmpty()) {
        done();
        return;
    }
    m_prefetch(provider->jwks, kid, std::move(done));
}

QJsonObject ConvexTokenValidator::identityFromClaims(const QJsonObject &claims)
{
    static const QStringList dropped{QStringLiteral("iss"), QStringLiteral("sub"),
                                     QStringLiteral("aud"), QStringLiteral("exp"),
                                     QStringLiteral("nbf"), QStringLiteral("iat"),
                                     QStringLiteral("jti"), QStringLiteral("fva")};
    QJsonObject custom = claims;
    for (const QString &key : dropped)
        custom.remove(key);
    QJsonObject identity;
    flatten(QString(), custom, &identity);
    const QString issuer = claims.value(QStringLiteral("iss")).toString();
    const QString subject = claims.value(QStringLiteral("sub")).toString();
    identity.insert(QStringLiteral("tokenIdentifier"), QString(issuer + QLatin1Char('|') + subject));
    identity.insert(QStringLiteral("issuer"), issuer);
    identity.insert(QStringLiteral("subject"), subject);
    return identity;
}

ConvexTokenCheck ConvexTokenValidator::check(const QString &token, qint64 nowSecs) const
{
    const QString invalidHeader = QStringLiteral("InvalidAuthHeader");
    // 1. The payload, unverified.
    const QList<QByteArray> parts = token.toLatin1().split('.');
    const auto payloadBytes = parts.size() == 3 ? base64Url(parts.at(1)) : std::nullopt;
    const QJsonDocument payload = payloadBytes ? QJsonDocument::fromJson(*payloadBytes)
                                               : QJsonDocument();
    if (!payload.isObject()) {
        return failure(invalidHeader,
                       QStringLiteral("Could not parse JWT payload. Check that the token is a valid "
                                      "JWT format with three base64-encoded parts separated by "
                                      "dots."));
    }
    const QJsonObject claims = payload.object();
    // 2. iss is required.
    const QJsonValue iss = claims.value(QStringLiteral("iss"));
    if (!iss.isString()) {
        return failure(invalidHeader,
                       QStringLiteral("Missing issuer claim ('iss') in JWT payload. The JWT must "
                                      "include an 'iss' claim that matches one of your configured "
                                      "auth providers."));
    }
    // 3. The first provider whose issuer (and application ID, if any) fits.
    const QStringList aud = audiences(claims.value(QStringLiteral("aud")));
    const ConvexAuthProvider *provider = providerFor(claims);
    if (!provider) {
        const QString code = QStringLiteral("NoAuthProvider");
        if (m_config.providers().isEmpty())
            return failure(code, QStringLiteral("No auth provider found matching the given token "
                                                "(no providers configured). Check "
                                                "convex/auth.config.ts."));
        return failure(code, QStringLiteral("No auth provider found matching the given token. "
                                            "Check that your JWT's issuer and audience match one "
                                            "of your configured providers: ")
                                 + m_config.describe());
    }
    // 4. The provider's key set.
    QString jwksError;
    const std::optional<QByteArray> jwksBytes = m_resolver(provider->jwks, &jwksError);
    if (!jwksBytes)
        return failure(invalidHeader, jwksError);
    const QJsonDocument jwks = QJsonDocument::fromJson(*jwksBytes);
    if (!jwks.isObject() || !jwks.object().value(QStringLiteral("keys")).isArray()) {
        return failure(invalidHeader,
                       QStringLiteral("Invalid JWKS response body from '%1'. The response is not "
                                      "valid JSON or doesn't match the expected JWKS format.")
                           .arg(provider->jwks));
    }
    // 5. The signature: kid in the set, algorithms agree, RS256 verifies.
    const auto headerBytes = base64Url(parts.at(0));
    const QJsonObject header = headerBytes ? QJsonDocument::fromJson(*headerBytes).object()
                                           : QJsonObject();
    const QString kid = header.value(QStringLiteral("kid")).toString();
    if (kid.isEmpty()) {
        return failure(invalidHeader, QStringLiteral("Could not decode token. JWT may be missing "
                                                     "a 'kid' (key ID) header."));
    }
    bool verified = false;
    const QString headerAlg = header.value(QStringLiteral("alg")).toString();
    const QJsonArray keys = jwks.object().value(QStringLiteral("keys")).toArray();
    for (const QJsonValue &entry : keys) {
        const QJsonObject jwk = entry.toObject();
        if (jwk.value(QStringLiteral("kid")).toString() != kid)
            continue;
        const QJsonValue jwkAlg = jwk.value(QStringLiteral("alg"));
        if (jwkAlg.isString() && jwkAlg.toString() != headerAlg)
            break;
        if (headerAlg != provider->algorithm || jwk.value(QStringLiteral("kty")).toString()
                                                    != QLatin1String("RSA"))
            break;
        const auto signature = base64Url(parts.at(2));
        const auto key = rsaKey(jwk);
        verified = signature && key
                   && verifyRs256(key.get(), parts.at(0) + '.' + parts.at(1), *signature);
        break;
    }
    if (!verified) {
        return failure(invalidHeader,
                       QStringLiteral("Could not decode token. The JWT's 'kid' (key ID) header is "
                                      "'%1', does this key match any key in the provider's JWKS?")
                           .arg(kid));
    }
    // 6. The issuer again, as the backend does after decoding.
    if (!issuerMatches(iss.toString(), provider->issuer)) {
        return failure(invalidHeader, QStringLiteral("Invalid issuer: %1 != %2")
                                          .arg(iss.toString(), provider->issuer));
    }
    // 7. The audience, only for a provider with an application ID.
    if (provider->applicationId) {
        if (!claims.contains(QStringLiteral("aud"))) {
            return failure(invalidHeader,
                           QStringLiteral("Missing audience claim ('aud') in JWT payload. The JWT "
                                          "must include an 'aud' claim that matches your "
                                          "configured application ID."));
        }
        if (!aud.contains(*provider->applicationId)) {
            QStringList quoted;
            for (const QString &entry : aud)
                quoted.append(QLatin1Char('"') + entry + QLatin1Char('"'));
            return failure(invalidHeader, QStringLiteral("Invalid audience: %1 not in [%2]")
                                              .arg(*provider->applicationId,
                                                   quoted.join(QStringLiteral(", "))));
        }
    }
    // 8. Time claims, each only when present, with the 5 s epsilon.
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    const QJsonValue nbf = claims.value(QStringLiteral("nbf"));
    const QJsonValue iat = claims.value(QStringLiteral("iat"));
    if (exp.isDouble() && wholeSeconds(exp) < nowSecs - kLeewaySeconds) {
        return failure(invalidHeader, QStringLiteral("Could not validate token: Token expired %1 "
                                                     "seconds ago")
                                          .arg(nowSecs - wholeSeconds(exp)));
    }
    for (const QJsonValue &notBefore : {nbf, iat}) {
        if (notBefore.isDouble() && wholeSeconds(notBefore) > nowSecs + kLeewaySeconds) {
            return failure(invalidHeader, QStringLiteral("Could not validate token: Token will be "
                                                         "valid in %1 seconds")
                                              .arg(wholeSeconds(notBefore) - nowSecs));
        }
    }
    // 9. sub, iss and exp make the identity.
    if (!claims.value(QStringLiteral("sub")).isString() || !exp.isDouble()) {
        return failure(invalidHeader,
                       QStringLiteral("Could not verify token claim. Check that the JWT contains "
                                      "valid claims and matches your auth provider "
                                      "configuration."));
    }
    return {ConvexIdentity{identityFromClaims(claims), wholeSeconds(exp)}, QString(),
            QString()};
}

} // namespace authkit::emulator
