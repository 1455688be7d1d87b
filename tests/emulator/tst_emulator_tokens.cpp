// Access tokens and the JWKS: header, claims (docs/workos-authkit.md#access-token), RS256 signature
// checked here with OpenSSL from the JWK's n and e (not with the emulator's code), the x5c
// certificate, key rotation, the token lifetime and issuer options and a pinned key file.

#include "EmulatorFixture.h"

#include "HttpClient.h"
#include "Jwt.h"
#include "SignInDriver.h"
#include "WorkOsEnvelopes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <sys/stat.h>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// The RSA public key a JWK describes, built from n and e alone.
PKey publicKeyFromJwk(const QJsonObject &jwk)
{
    PKey key(nullptr, EVP_PKEY_free);
    const QByteArray n = Jwt::base64UrlDecode(jwk.value(QLatin1String("n")).toString().toLatin1());
    const QByteArray e = Jwt::base64UrlDecode(jwk.value(QLatin1String("e")).toString().toLatin1());
    if (n.isEmpty() || e.isEmpty())
        return key;
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bnN(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr), BN_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bnE(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr), BN_free);
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(),
                                                                            OSSL_PARAM_BLD_free);
    if (!bnN || !bnE || !builder
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get())
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()))
        return key;
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(
        OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *raw = nullptr;
    if (params && context && EVP_PKEY_fromdata_init(context.get()) == 1
        && EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) == 1)
        key.reset(raw);
    return key;
}

// RSASSA-PKCS1-v1_5 with SHA-256 over the JWS signing input.
bool verifyRs256(const Jwt &jwt, const QJsonObject &jwk)
{
    const PKey key = publicKeyFromJwk(jwk);
    if (!key)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char *>(jwt.signature.constData()),
                            size_t(jwt.signature.size()),
                            reinterpret_cast<const unsigned char *>(jwt.signingInput.constData()),
                            size_t(jwt.signingInput.size()))
           == 1;
}

QJsonObject findKey(const QJsonObject &jwks, const QString &kid)
{
    for (const QJsonValue &value : jwks.value(QLatin1String("keys")).toArray()) {
        if (value.toObject().value(QLatin1String("kid")).toString() == kid)
            return value.toObject();
    }
    return {};
}

const QRegularExpression kKidShape(QStringLiteral("^sso_oidc_key_pair_[0-9A-HJKMNP-TV-Z]{26}$"));
const QRegularExpression kUlidShape(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{26}$"));

} // namespace

class TestEmulatorTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void headerIsAlgAndKidOnly();
    void signatureVerifiesWithJwk();
    void standardClaims();
    void noOrganizationClaimsWithoutOrganization();
    void organizationClaims();
    void jwksHasEveryField();
    void jwksCertificateMatchesKey();
    void jwksPerClient();
    void keyRotation();
    void customTokenLifetime();
    void customIssuer();
    void pinnedKeyFile();
    void unreadableKeyFile();

private:
    QJsonObject signIn(const QString &email, const QString &organizationId = QString());
    QJsonObject jwks(const QString &clientId = seed::devClient());

    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
    std::unique_ptr<SignInDriver> m_driver;
};

void TestEmulatorTokens::initTestCase()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    m_driver = std::make_unique<SignInDriver>(m_http, m_emulator->baseUrl());
}

void TestEmulatorTokens::init()
{
    m_http.resetCookies();
    m_driver->renew();
}

QJsonObject TestEmulatorTokens::signIn(const QString &email, const QString &organizationId)
{
    m_http.resetCookies();
    m_driver->renew();
    return m_driver->signInAndExchange(email, organizationId);
}

QJsonObject TestEmulatorTokens::jwks(const QString &clientId)
{
    const HttpResult result = m_http.get(m_driver->url(QStringLiteral("/sso/jwks/") + clientId));
    return result.status == 200 ? result.json() : QJsonObject();
}

void TestEmulatorTokens::headerIsAlgAndKidOnly()
{
    const QByteArray token = signIn(seed::ada()).value(QLatin1String("access_token")).toString().toLatin1();
    QCOMPARE(token.count('.'), 2);
    const Jwt jwt = Jwt::decode(token);
    QVERIFY(jwt.valid);
    QStringList keys = jwt.header.keys();
    QCOMPARE(keys, (QStringList{QStringLiteral("alg"), QStringLiteral("kid")}));
    QCOMPARE(jwt.header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    const QString kid = jwt.header.value(QLatin1String("kid")).toString();
    QVERIFY2(kKidShape.match(kid).hasMatch(), qPrintable(kid));
    QVERIFY(!findKey(jwks(), kid).isEmpty());
    // base64url without padding in every part.
    QVERIFY(!token.contains('=') && !token.contains('+') && !token.contains('/'));
}

void TestEmulatorTokens::signatureVerifiesWithJwk()
{
    const QByteArray token = signIn(seed::grace(), seed::engines())
                                 .value(QLatin1String("access_token")).toString().toLatin1();
    const Jwt jwt = Jwt::decode(token);
    const QJsonObject key = findKey(jwks(), jwt.header.value(QLatin1String("kid")).toString());
    QVERIFY(!key.isEmpty());
    QVERIFY(publicKeyFromJwk(key));
    QCOMPARE(jwt.signature.size(), 256); // RSA 2048
    QVERIFY(verifyRs256(jwt, key));

    // The check can fail: a changed claim, a changed signature, another key.
    Jwt forged = jwt;
    QJsonObject claims = jwt.claims;
    claims.insert(QStringLiteral("sub"), seed::adaId());
    forged.signingInput = jwt.signingInput.left(jwt.signingInput.indexOf('.') + 1)
                          + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(
                              QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QVERIFY(!verifyRs256(forged, key));
    Jwt flipped = jwt;
    flipped.signature[10] = char(flipped.signature.at(10) ^ 0x01);
    QVERIFY(!verifyRs256(flipped, key));

    auto other = startEmulator();
    QVERIFY(other);
    HttpClient http;
    const QJsonObject otherKeys = http.get(urlWith(other->baseUrl(), QStringLiteral("/sso/jwks/") + seed::devClient())).json();
    QVERIFY(!verifyRs256(jwt, otherKeys.value(QLatin1String("keys")).toArray().first().toObject()));
}

void TestEmulatorTokens::standardClaims()
{
    const QJsonObject first = signIn(seed::ada());
    const qint64 now = m_driver->emulatorNow();
    const Jwt jwt = Jwt::decode(first.value(QLatin1String("access_token")).toString().toLatin1());
    const QJsonObject &claims = jwt.claims;

    const QString issuer = QStringLiteral("https://api.workos.com/user_management/") + seed::devClient();
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), issuer);
    QCOMPARE(m_emulator->issuerFor(seed::devClient()), issuer);
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), seed::adaId());

    const QString sid = claims.value(QLatin1String("sid")).toString();
    QVERIFY2(sid.startsWith(QLatin1String("session_")) && kUlidShape.match(sid.mid(8)).hasMatch(), qPrintable(sid));
    bool listed = false;
    for (const QJsonValue &session : m_http.get(m_driver->url(QStringLiteral("/_emulator/sessions")))
                                         .json().value(QLatin1String("data")).toArray()) {
        if (session.toObject().value(QLatin1String("id")).toString() == sid) {
            listed = true;
            QCOMPARE(session.toObject().value(QLatin1String("user_id")).toString(), seed::adaId());
        }
    }
    QVERIFY(listed);

    const QString jti = claims.value(QLatin1String("jti")).toString();
    QVERIFY2(kUlidShape.match(jti).hasMatch(), qPrintable(jti));
    const qint64 iat = claims.value(QLatin1String("iat")).toInteger();
    const qint64 exp = claims.value(QLatin1String("exp")).toInteger();
    QVERIFY(claims.value(QLatin1String("iat")).isDouble());
    QVERIFY2(qAbs(iat - now) <= 5, qPrintable(QStringLiteral("iat %1, now %2").arg(iat).arg(now)));
    QCOMPARE(exp - iat, qint64(300));

    // What WorkOS does not put in: aud, typ-like extras, org claims for an org-less user.
    QStringList keys = claims.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("iss"),
                                QStringLiteral("jti"), QStringLiteral("sid"), QStringLiteral("sub")}));

    // A refresh: same sid, new jti.
    const HttpResult refreshed = m_driver->refresh(first.value(QLatin1String("refresh_token")).toString());
    const Jwt next = Jwt::decode(refreshed.json().value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(next.claims.value(QLatin1String("sid")).toString(), sid);
    QVERIFY(next.claims.value(QLatin1String("jti")).toString() != jti);
}

void TestEmulatorTokens::noOrganizationClaimsWithoutOrganization()
{
    const Jwt jwt = Jwt::decode(signIn(seed::ada()).value(QLatin1String("access_token")).toString().toLatin1());
    for (const char *claim : {"org_id", "role", "roles", "permissions", "entitlements", "feature_flags", "act", "aud"})
        QVERIFY2(!jwt.claims.contains(QLatin1String(claim)), claim);
}

void TestEmulatorTokens::organizationClaims()
{
    const Jwt jwt = Jwt::decode(signIn(seed::grace(), seed::engines())
                                    .value(QLatin1String("access_token")).toString().toLatin1());
    const QJsonObject &claims = jwt.claims;
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), seed::graceId());
    QCOMPARE(claims.value(QLatin1String("org_id")).toString(), seed::engines());
    QCOMPARE(claims.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(claims.value(QLatin1String("roles")).toArray(), QJsonArray{QStringLiteral("admin")});
    QCOMPARE(claims.value(QLatin1String("permissions")).toArray(),
             (QJsonArray{QStringLiteral("widgets:read"), QStringLiteral("widgets:write"),
                         QStringLiteral("members:manage")}));
    QCOMPARE(claims.value(QLatin1String("entitlements")).toArray(), QJsonArray{QStringLiteral("audit-logs")});
    QCOMPARE(claims.value(QLatin1String("feature_flags")).toArray(), QJsonArray{QStringLiteral("beta-dashboard")});

    // Bletchley Park's member role for Alan (via an e-mail code, which skips TOTP).
    m_http.resetCookies();
    m_driver->renew();
    QueryItems params = m_driver->authorizeParams();
    const HttpResult page = m_driver->follow(m_driver->authorize(params));
    const QString attempt = SignInDriver::attemptOf(page);
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    m_driver->postHosted(QStringLiteral("/authkit/email-code"), attempt,
                         {{QStringLiteral("email"), seed::alan()}});
    QCOMPARE(sent.size(), 1);
    const HttpResult callback =
        m_driver->postHosted(QStringLiteral("/authkit/email-code/verify"), attempt,
                             {{QStringLiteral("code"), sent.first().at(1).toString()}});
    const HttpResult tokens = m_driver->exchangeCode(m_driver->codeOf(callback));
    const Jwt alan = Jwt::decode(tokens.json().value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(alan.claims.value(QLatin1String("org_id")).toString(), seed::bletchley());
    QCOMPARE(alan.claims.value(QLatin1String("permissions")).toArray(), QJsonArray{QStringLiteral("codes:read")});
    QVERIFY(!alan.claims.contains(QLatin1String("entitlements")));
    QVERIFY(!alan.claims.contains(QLatin1String("feature_flags")));
}

void TestEmulatorTokens::jwksHasEveryField()
{
    const HttpResult result = m_http.get(m_driver->url(QStringLiteral("/sso/jwks/") + seed::devClient()));
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    QCOMPARE(result.json().keys(), QStringList{QStringLiteral("keys")});
    const QJsonArray keys = result.json().value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject key = keys.first().toObject();
    QStringList fields = key.keys();
    fields.sort();
    QCOMPARE(fields, (QStringList{QStringLiteral("alg"), QStringLiteral("e"), QStringLiteral("kid"),
                                  QStringLiteral("kty"), QStringLiteral("n"), QStringLiteral("use"),
                                  QStringLiteral("x5c"), QStringLiteral("x5t#S256")}));
    QCOMPARE(key.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(key.value(QLatin1String("kty")).toString(), QStringLiteral("RSA"));
    QCOMPARE(key.value(QLatin1String("use")).toString(), QStringLiteral("sig"));
    QCOMPARE(key.value(QLatin1String("e")).toString(), QStringLiteral("AQAB"));
    QVERIFY(kKidShape.match(key.value(QLatin1String("kid")).toString()).hasMatch());
    const QString n = key.value(QLatin1String("n")).toString();
    QVERIFY(!n.contains(QLatin1Char('=')) && !n.contains(QLatin1Char('+')) && !n.contains(QLatin1Char('/')));
    const QByteArray modulus = Jwt::base64UrlDecode(n.toLatin1());
    QCOMPARE(modulus.size(), 256);
    QVERIFY(quint8(modulus.at(0)) >= 0x80); // a full 2048-bit modulus, no leading zero byte
    QCOMPARE(key.value(QLatin1String("x5c")).toArray().size(), 1);
}

void TestEmulatorTokens::jwksCertificateMatchesKey()
{
    const QJsonObject key = jwks().value(QLatin1String("keys")).toArray().first().toObject();
    // x5c is standard base64 (not url-safe) DER.
    const auto der = QByteArray::fromBase64Encoding(
        key.value(QLatin1String("x5c")).toArray().first().toString().toLatin1(),
        QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(der);
    const auto *cursor = reinterpret_cast<const unsigned char *>((*der).constData());
    std::unique_ptr<X509, decltype(&X509_free)> certificate(d2i_X509(nullptr, &cursor, long((*der).size())),
                                                            X509_free);
    QVERIFY(certificate);
    const PKey fromJwk = publicKeyFromJwk(key);
    QVERIFY(fromJwk);
    QCOMPARE(EVP_PKEY_eq(X509_get0_pubkey(certificate.get()), fromJwk.get()), 1);
    QCOMPARE(key.value(QLatin1String("x5t#S256")).toString().toLatin1(),
             QCryptographicHash::hash(*der, QCryptographicHash::Sha256)
                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void TestEmulatorTokens::jwksPerClient()
{
    QCOMPARE(jwks(seed::prodClient()), jwks(seed::devClient()));
    const HttpResult unknown = m_http.get(m_driver->url(QStringLiteral("/sso/jwks/") + seed::unknownClient()));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.compactJson(), messageBody(QStringLiteral("Client %1 not found.").arg(seed::unknownClient())));
    const HttpResult bare = m_http.get(m_driver->url(QStringLiteral("/sso/jwks/")));
    QCOMPARE(bare.status, 404);
    QCOMPARE(bare.compactJson(), messageBody(QStringLiteral("Not found.")));
}

void TestEmulatorTokens::keyRotation()
{
    // Its own emulator: the rotation must not leak into the other tests.
    auto emulator = startEmulator();
    QVERIFY(emulator);
    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl());
    const QJsonObject before = driver.signInAndExchange(seed::ada());
    const Jwt oldToken = Jwt::decode(before.value(QLatin1String("access_token")).toString().toLatin1());
    const QString oldKid = oldToken.header.value(QLatin1String("kid")).toString();

    const HttpResult notJson = http.post(driver.url(QStringLiteral("/_emulator/keys/rotate")), "{}", "text/plain");
    QCOMPARE(notJson.status, 415);

    const HttpResult rotate = driver.control(QStringLiteral("/_emulator/keys/rotate"), {});
    QCOMPARE(rotate.status, 200);
    const QString newKid = rotate.json().value(QLatin1String("kid")).toString();
    QVERIFY2(kKidShape.match(newKid).hasMatch(), rotate.describe());
    QVERIFY(newKid != oldKid);

    const QJsonObject keySet = http.get(driver.url(QStringLiteral("/sso/jwks/") + seed::devClient())).json();
    const QJsonArray keys = keySet.value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).toObject().value(QLatin1String("kid")).toString(), newKid); // newest first
    QCOMPARE(keys.at(1).toObject().value(QLatin1String("kid")).toString(), oldKid);

    // New tokens carry the new kid; the old token still verifies against the old key.
    const HttpResult refreshed = driver.refresh(before.value(QLatin1String("refresh_token")).toString());
    QCOMPARE(refreshed.status, 200);
    const Jwt newToken = Jwt::decode(refreshed.json().value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(newToken.header.value(QLatin1String("kid")).toString(), newKid);
    QVERIFY(verifyRs256(newToken, findKey(keySet, newKid)));
    QVERIFY(!verifyRs256(newToken, findKey(keySet, oldKid)));
    QVERIFY(verifyRs256(oldToken, findKey(keySet, oldKid)));
}

void TestEmulatorTokens::customTokenLifetime()
{
    EmulatorOptions options;
    options.tokenTtlSeconds = 120;
    auto emulator = startEmulator(options);
    QVERIFY(emulator);
    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl());
    const QJsonObject body = driver.signInAndExchange(seed::ada());
    const Jwt jwt = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(jwt.claims.value(QLatin1String("exp")).toInteger() - jwt.claims.value(QLatin1String("iat")).toInteger(),
             qint64(120));
    const Jwt refreshed = Jwt::decode(driver.refresh(body.value(QLatin1String("refresh_token")).toString())
                                          .json().value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(refreshed.claims.value(QLatin1String("exp")).toInteger()
                 - refreshed.claims.value(QLatin1String("iat")).toInteger(),
             qint64(120));
}

void TestEmulatorTokens::customIssuer()
{
    EmulatorOptions options;
    options.issuer = QStringLiteral("https://auth.example.test");
    auto emulator = startEmulator(options);
    QVERIFY(emulator);
    QCOMPARE(emulator->issuerFor(seed::devClient()), options.issuer);
    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl(), seed::prodClient());
    const Jwt jwt = Jwt::decode(driver.signInAndExchange(seed::ada())
                                    .value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(jwt.claims.value(QLatin1String("iss")).toString(), options.issuer);
}

void TestEmulatorTokens::pinnedKeyFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    EmulatorOptions options;
    options.signingKeyFile = directory.filePath(QStringLiteral("keys/signing-key.pem"));
    QVERIFY(QDir(directory.path()).mkpath(QStringLiteral("keys")));
    QVERIFY(!QFile::exists(options.signingKeyFile));

    QString firstKid;
    QByteArray firstToken;
    {
        auto first = startEmulator(options);
        QVERIFY(first);
        QVERIFY(QFile::exists(options.signingKeyFile));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(options.signingKeyFile).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        QFile file(options.signingKeyFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("-----BEGIN PRIVATE KEY-----"));

        HttpClient http;
        SignInDriver driver(http, first->baseUrl());
        firstToken = driver.signInAndExchange(seed::ada()).value(QLatin1String("access_token")).toString().toLatin1();
        firstKid = Jwt::decode(firstToken).header.value(QLatin1String("kid")).toString();
        QVERIFY(!firstKid.isEmpty());
    }

    // A restart with the same file: same key, same kid; tokens from before still verify.
    auto second = startEmulator(options);
    QVERIFY(second);
    HttpClient http;
    const QJsonObject keySet = http.get(urlWith(second->baseUrl(), QStringLiteral("/sso/jwks/") + seed::devClient())).json();
    QCOMPARE(keySet.value(QLatin1String("keys")).toArray().size(), 1);
    QVERIFY(!findKey(keySet, firstKid).isEmpty());
    QVERIFY(verifyRs256(Jwt::decode(firstToken), findKey(keySet, firstKid)));

    // Without the file, a fresh key.
    auto unpinned = startEmulator();
    QVERIFY(unpinned);
    const QJsonObject otherSet = http.get(urlWith(unpinned->baseUrl(), QStringLiteral("/sso/jwks/") + seed::devClient())).json();
    QVERIFY(findKey(otherSet, firstKid).isEmpty());
}

void TestEmulatorTokens::unreadableKeyFile()
{
    QTemporaryDir directory;
    EmulatorOptions options;
    options.signingKeyFile = directory.filePath(QStringLiteral("garbage.pem"));
    QFile file(options.signingKeyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a key\n");
    file.close();
    AuthKitEmulator emulator(options);
    QVERIFY(!emulator.start());
    QCOMPARE(emulator.errorString(), QStringLiteral("%1 is not a PEM private key").arg(options.signingKeyFile));
    QCOMPARE(emulator.port(), quint16(0));

    // A directory where the file should be created cannot take it.
    options.signingKeyFile = directory.filePath(QStringLiteral("missing-dir/key.pem"));
    AuthKitEmulator cannotWrite(options);
    QVERIFY(!cannotWrite.start());
    QVERIFY2(cannotWrite.errorString().startsWith(QStringLiteral("cannot write the signing key to ")),
             qPrintable(cannotWrite.errorString()));
}

QTEST_GUILESS_MAIN(TestEmulatorTokens)
#include "tst_emulator_tokens.moc"
