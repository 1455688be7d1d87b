// TokenVerifier::verify on tokens whose header and payload are the input (any bytes: the header
// before the first newline, the payload after it; without a newline, all payload under a fixed
// RS256 header) and whose signature is valid: the target signs them with a key it makes at
// start-up and puts in the key set. Mutated base64url in fuzz_jwt rarely decodes to JSON; here
// every input reaches the JSON, the claim checks and claimsFrom with a good signature.
#include "FuzzSupport.h"

#include <authkitqt/core/Jwks.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QJsonArray>
#include <QVariant>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

namespace {

constexpr char kKid[] = "fuzz-claims-key";

QByteArray base64Url(const QByteArray &bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bigNumber(const EVP_PKEY *key, const char *name) {
    BIGNUM *number = nullptr;
    authkit::fuzz::check(EVP_PKEY_get_bn_param(key, name, &number) == 1, "an RSA parameter");
    QByteArray bytes(BN_num_bytes(number), '\0');
    BN_bn2bin(number, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(number);
    return bytes;
}

struct Setup {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{nullptr, EVP_PKEY_free};
    authkit::Jwks jwks;
    QStringList issuers;
    qint64 now = 0;
    int leeway = 0;
};

const Setup &setup() {
    static const Setup instance = [] {
        Setup s;
        s.key.reset(EVP_RSA_gen(2048));
        authkit::fuzz::check(s.key != nullptr, "an RSA key");
        const QJsonObject jwk{
            {QStringLiteral("kty"), QStringLiteral("RSA")},
            {QStringLiteral("kid"), QLatin1String(kKid)},
            {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("n"),
             QString::fromLatin1(base64Url(bigNumber(s.key.get(), OSSL_PKEY_PARAM_RSA_N)))},
            {QStringLiteral("e"),
             QString::fromLatin1(base64Url(bigNumber(s.key.get(), OSSL_PKEY_PARAM_RSA_E)))}};
        const QJsonObject set{{QStringLiteral("keys"), QJsonArray{jwk}}};
        s.jwks = authkit::Jwks::parse(QJsonDocument(set).toJson(), nullptr);
        authkit::fuzz::check(s.jwks.hasKey(QLatin1String(kKid)), "the key set holds the key");
        // The issuers, now and leeway of fuzz_jwt, so the two targets' seeds mean the same.
        const QJsonObject json = authkit::fuzz::dataObject("jwt-setup.json");
        s.issuers = json.value(QLatin1String("acceptedIssuers")).toVariant().toStringList();
        s.now = qint64(json.value(QLatin1String("now")).toDouble());
        s.leeway = json.value(QLatin1String("leewaySecs")).toInt();
        return s;
    }();
    return instance;
}

QByteArray sign(EVP_PKEY *key, const QByteArray &input) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(input.constData());
    authkit::fuzz::check(
        ctx && EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
            EVP_DigestSign(ctx.get(), nullptr, &length, bytes, std::size_t(input.size())) == 1,
        "RS256 signing starts");
    QByteArray signature(qsizetype(length), '\0');
    authkit::fuzz::check(EVP_DigestSign(ctx.get(),
                                        reinterpret_cast<unsigned char *>(signature.data()),
                                        &length, bytes, std::size_t(input.size())) == 1,
                         "RS256 signing");
    signature.truncate(qsizetype(length));
    return signature;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using authkit::fuzz::check;
    const Setup &s = setup();
    const QByteArray input = authkit::fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QByteArray header =
        newline < 0 ? QByteArray(R"({"alg":"RS256","kid":")") + kKid + "\"}" : input.left(newline);
    const QByteArray payload = newline < 0 ? input : input.mid(newline + 1);

    const QByteArray signingInput = base64Url(header) + '.' + base64Url(payload);
    const QByteArray token = signingInput + '.' + base64Url(sign(s.key.get(), signingInput));

    const authkit::TokenVerifier verifier(s.issuers, s.leeway);
    const authkit::TokenVerifier::Result result = verifier.verify(token, s.jwks, s.now);
    const authkit::AccessTokenClaims unverified = authkit::TokenVerifier::decodeUnverified(token);
    check(result.failure != authkit::TokenVerifier::Failure::BadSignature,
          "a token signed by the key of its kid verifies");
    if (result.ok()) {
        check(s.issuers.contains(result.claims.issuer), "an accepted token's issuer is accepted");
        check(!result.claims.subject.isEmpty() && !result.claims.sessionId.isEmpty(),
              "an accepted token has sub and sid");
        check(result.claims.expiresAt + s.leeway >= s.now, "an accepted token has not expired");
        check(result.claims.issuedAt <= s.now + s.leeway, "an accepted token was issued by now");
        check(unverified.payload == result.claims.payload,
              "decodeUnverified reads what verify read");
    }
    return 0;
}
