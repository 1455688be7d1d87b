// Token checks one by one (docs/convex-protocol.md#token-checks, #identity): provider by issuer
// and audience, the signature, the time claims with their 5 s leeway, the required claims, and
// the identity built from the claims. ConvexTokenValidator and ConvexAuthConfig are private
// classes of the emulator; tokens are signed here with its SigningKey.

#include "ConvexAuthConfig_p.h"
#include "ConvexTokenValidator_p.h"
#include "Ids_p.h"
#include "SigningKey_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace authkit::emulator;

namespace {

const QString kClient = QStringLiteral("client_01J00000000000000000000DEV");
const QString kUserManagement = QStringLiteral("https://api.workos.com/user_management/") + kClient;
constexpr qint64 kNow = 1800000000;

} // namespace

class TestConvexDeploymentTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void authKitProvidersMatch_data();
    void authKitProvidersMatch();
    void rejections_data();
    void rejections();
    void identityFromClaims();
    void noProviders();
    void jwksFailures();
    void configFile();

private:
    QString sign(const QJsonObject &claims, QJsonObject header = {}) const;
    ConvexTokenValidator validator() const;

    std::unique_ptr<SigningKey> m_key;
    std::unique_ptr<SigningKey> m_otherKey;
};

void TestConvexDeploymentTokens::initTestCase()
{
    QString error;
    m_key = SigningKey::generate(&error);
    m_otherKey = SigningKey::generate(&error);
    QVERIFY2(m_key && m_otherKey, qPrintable(error));
}

QString TestConvexDeploymentTokens::sign(const QJsonObject &claims, QJsonObject header) const
{
    if (header.isEmpty())
        header = {{QStringLiteral("alg"), QStringLiteral("RS256")},
                  {QStringLiteral("kid"), m_key->kid()}};
    const QByteArray input =
        ids::base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + ids::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(input + '.' + ids::base64Url(m_key->signRs256(input)));
}

ConvexTokenValidator TestConvexDeploymentTokens::validator() const
{
    const QByteArray jwks = QJsonDocument(QJsonObject{
        {QStringLiteral("keys"), QJsonArray{m_key->jwk()}}}).toJson(QJsonDocument::Compact);
    return ConvexTokenValidator(
        ConvexAuthConfig::authKitDefaults({kClient}, QStringLiteral("https://jwks.test/")),
        [jwks](const QString &url, QString *error) -> std::optional<QByteArray> {
            if (url == QStringLiteral("https://jwks.test/") + kClient)
                return jwks;
            *error = QStringLiteral("unexpected JWKS URL ") + url;
            return std::nullopt;
        });
}

void TestConvexDeploymentTokens::authKitProvidersMatch_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<QString>("issuer");
    const QJsonObject base{{QStringLiteral("sub"), QStringLiteral("user_1")},
                           {QStringLiteral("exp"), kNow + 60}};
    auto with = [&](std::initializer_list<QPair<QString, QJsonValue>> extra) {
        QJsonObject claims = base;
        for (const auto &[key, value] : extra)
            claims.insert(key, value);
        return claims;
    };
    QTest::newRow("AuthKit access token, no aud")
        << with({{QStringLiteral("iss"), kUserManagement}}) << kUserManagement;
    QTest::newRow("trailing slash ignored")
        << with({{QStringLiteral("iss"), QString(kUserManagement + QLatin1Char('/'))}})
        << QString(kUserManagement + QLatin1Char('/'));
    QTest::newRow("no scheme: https added")
        << with({{QStringLiteral("iss"), QString(QStringLiteral("api.workos.com/user_management/") + kClient)}})
        << QStringLiteral("api.workos.com/user_management/") + kClient;
    QTest::newRow("api.workos.com with aud = client ID")
        << with({{QStringLiteral("iss"), QStringLiteral("https://api.workos.com/")},
                 {QStringLiteral("aud"), kClient}})
        << QStringLiteral("https://api.workos.com/");
    QTest::newRow("aud as an array")
        << with({{QStringLiteral("iss"), QStringLiteral("https://api.workos.com")},
                 {QStringLiteral("aud"), QJsonArray{QStringLiteral("other"), kClient}}})
        << QStringLiteral("https://api.workos.com");
    QTest::newRow("exp 3 s ago: within the leeway")
        << with({{QStringLiteral("iss"), kUserManagement}, {QStringLiteral("exp"), kNow - 3}})
        << kUserManagement;
    QTest::newRow("iat 4 s ahead: within the leeway")
        << with({{QStringLiteral("iss"), kUserManagement}, {QStringLiteral("iat"), kNow + 4}})
        << kUserManagement;
}

void TestConvexDeploymentTokens::authKitProvidersMatch()
{
    QFETCH(QJsonObject, claims);
    QFETCH(QString, issuer);
    const ConvexTokenCheck check = validator().check(sign(claims), kNow);
    QVERIFY2(check.identity, qPrintable(check.message));
    // The raw iss, not the normalized one, makes the identifier.
    QCOMPARE(check.identity->attributes.value(QStringLiteral("tokenIdentifier")).toString(),
             issuer + QStringLiteral("|user_1"));
    QCOMPARE(check.identity->attributes.value(QStringLiteral("issuer")).toString(), issuer);
    QCOMPARE(check.identity->expiresAt, qint64(claims.value(QStringLiteral("exp")).toDouble()));
}

void TestConvexDeploymentTokens::rejections_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    const QJsonObject good{{QStringLiteral("iss"), kUserManagement},
                           {QStringLiteral("sub"), QStringLiteral("user_1")},
                           {QStringLiteral("exp"), kNow + 60}};
    auto changed = [&](const QString &key, const QJsonValue &value) {
        QJsonObject claims = good;
        if (value.isUndefined())
            claims.remove(key);
        else
            claims.insert(key, value);
        return claims;
    };
    const QString invalid = QStringLiteral("InvalidAuthHeader");
    const QString decode = QStringLiteral("Could not decode token. The JWT's 'kid' (key ID) header "
                                          "is '%1', does this key match any key in the "
                                          "provider's JWKS?");

    QTest::newRow("not a JWT") << QStringLiteral("abc") << invalid
        << QStringLiteral("Could not parse JWT payload. Check that the token is a valid JWT format "
                          "with three base64-encoded parts separated by dots.");
    QTest::newRow("no iss") << sign(changed(QStringLiteral("iss"), QJsonValue::Undefined)) << invalid
        << QStringLiteral("Missing issuer claim ('iss') in JWT payload. The JWT must include an "
                          "'iss' claim that matches one of your configured auth providers.");
    QTest::newRow("unknown issuer")
        << sign(changed(QStringLiteral("iss"), QStringLiteral("https://evil.example.com")))
        << QStringLiteral("NoAuthProvider")
        << QStringLiteral("No auth provider found matching the given token. Check that your JWT's "
                          "issuer and audience match one of your configured providers: "
                          "[CustomJWT(issuer=https://api.workos.com/, app_id=%1), "
                          "CustomJWT(issuer=%2, app_id=none)]")
               .arg(kClient, kUserManagement);
    QTest::newRow("api.workos.com without aud")
        << sign(changed(QStringLiteral("iss"), QStringLiteral("https://api.workos.com/")))
        << QStringLiteral("NoAuthProvider") << QString();
    QTest::newRow("http is not https")
        << sign(changed(QStringLiteral("iss"),
                        QString(QStringLiteral("http://api.workos.com/user_management/") + kClient)))
        << QStringLiteral("NoAuthProvider") << QString();
    QTest::newRow("no kid")
        << sign(good, {{QStringLiteral("alg"), QStringLiteral("RS256")}}) << invalid
        << QStringLiteral("Could not decode token. JWT may be missing a 'kid' (key ID) header.");
    QTest::newRow("unknown kid")
        << sign(good, {{QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("kid"), QStringLiteral("nope")}})
        << invalid << decode.arg(QStringLiteral("nope"));
    QTest::newRow("other alg")
        << sign(good, {{QStringLiteral("alg"), QStringLiteral("RS512")},
                       {QStringLiteral("kid"), m_key->kid()}})
        << invalid << decode.arg(m_key->kid());
    {
        // Our kid, another key's signature.
        const QString token = sign(good);
        const QByteArray input = token.section(QLatin1Char('.'), 0, 1).toLatin1();
        QTest::newRow("bad signature")
            << QString::fromLatin1(input + '.' + ids::base64Url(m_otherKey->signRs256(input)))
            << invalid << decode.arg(m_key->kid());
    }
    QTest::newRow("expired")
        << sign(changed(QStringLiteral("exp"), kNow - 10)) << invalid
        << QStringLiteral("Could not validate token: Token expired 10 seconds ago");
    QTest::newRow("not yet valid")
        << sign(changed(QStringLiteral("nbf"), kNow + 30)) << invalid
        << QStringLiteral("Could not validate token: Token will be valid in 30 seconds");
    const QString claim = QStringLiteral("Could not verify token claim. Check that the JWT contains "
                                         "valid claims and matches your auth provider "
                                         "configuration.");
    QTest::newRow("no sub") << sign(changed(QStringLiteral("sub"), QJsonValue::Undefined))
                            << invalid << claim;
    QTest::newRow("no exp") << sign(changed(QStringLiteral("exp"), QJsonValue::Undefined))
                            << invalid << claim;
}

void TestConvexDeploymentTokens::rejections()
{
    QFETCH(QString, token);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const ConvexTokenCheck check = validator().check(token, kNow);
    QVERIFY(!check.identity);
    QCOMPARE(check.code, code);
    if (!message.isEmpty())
        QCOMPARE(check.message, message);
}

void TestConvexDeploymentTokens::identityFromClaims()
{
    const QJsonObject claims{
        {QStringLiteral("iss"), kUserManagement},
        {QStringLiteral("sub"), QStringLiteral("user_1")},
        {QStringLiteral("aud"), QStringLiteral("x")},
        {QStringLiteral("exp"), kNow + 60},
        {QStringLiteral("iat"), kNow},
        {QStringLiteral("nbf"), kNow},
        {QStringLiteral("jti"), QStringLiteral("j")},
        {QStringLiteral("sid"), QStringLiteral("session_1")},
        {QStringLiteral("email_verified"), true},
        {QStringLiteral("permissions"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("id"), 7}}},
    };
    const QJsonObject expected{
        {QStringLiteral("tokenIdentifier"), QString(kUserManagement + QStringLiteral("|user_1"))},
        {QStringLiteral("issuer"), kUserManagement},
        {QStringLiteral("subject"), QStringLiteral("user_1")},
        {QStringLiteral("sid"), QStringLiteral("session_1")},
        {QStringLiteral("email_verified"), true},
        {QStringLiteral("permissions"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
        {QStringLiteral("properties.id"), 7},
    };
    QCOMPARE(ConvexTokenValidator::identityFromClaims(claims), expected);
}

void TestConvexDeploymentTokens::noProviders()
{
    const ConvexTokenValidator empty(ConvexAuthConfig(),
                                     [](const QString &, QString *) { return std::nullopt; });
    const ConvexTokenCheck check = empty.check(
        sign({{QStringLiteral("iss"), kUserManagement}, {QStringLiteral("sub"), QStringLiteral("u")},
              {QStringLiteral("exp"), kNow + 60}}),
        kNow);
    QCOMPARE(check.code, QStringLiteral("NoAuthProvider"));
    QCOMPARE(check.message, QStringLiteral("No auth provider found matching the given token (no "
                                           "providers configured). Check convex/auth.config.ts."));
}

void TestConvexDeploymentTokens::jwksFailures()
{
    ConvexAuthConfig config;
    config.addProvider({kUserManagement, QStringLiteral("https://jwks.test/x"),
                        QStringLiteral("RS256"), std::nullopt});
    const QString token = sign({{QStringLiteral("iss"), kUserManagement},
                                {QStringLiteral("sub"), QStringLiteral("u")},
                                {QStringLiteral("exp"), kNow + 60}});
    const ConvexTokenValidator unreachable(config, [](const QString &, QString *error) {
        *error = QStringLiteral("Could not fetch JWKS");
        return std::optional<QByteArray>();
    });
    QCOMPARE(unreachable.check(token, kNow).message, QStringLiteral("Could not fetch JWKS"));
    const ConvexTokenValidator garbage(config, [](const QString &, QString *) {
        return std::optional<QByteArray>("<html>");
    });
    QCOMPARE(garbage.check(token, kNow).message,
             QStringLiteral("Invalid JWKS response body from 'https://jwks.test/x'. The response "
                            "is not valid JSON or doesn't match the expected JWKS format."));
}

void TestConvexDeploymentTokens::configFile()
{
    QString error;
    const auto config = ConvexAuthConfig::fromJson(
        R"({"providers":[{"type":"customJwt","issuer":"auth.example.com","jwks":"data:,{}",)"
        R"("algorithm":"RS256","applicationID":"app"}]})",
        &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->providers().size(), 1);
    QCOMPARE(config->providers().first().issuer, QStringLiteral("https://auth.example.com"));
    QCOMPARE(config->describe(),
             QStringLiteral("[CustomJWT(issuer=https://auth.example.com, app_id=app)]"));

    QVERIFY(!ConvexAuthConfig::fromJson("[]", &error));
    QVERIFY(!ConvexAuthConfig::fromJson(
        R"({"providers":[{"type":"customJwt","issuer":"a.example.com","jwks":"x","algorithm":"ES256"}]})",
        &error));
    QVERIFY(error.contains(QStringLiteral("RS256")));
    QVERIFY(!ConvexAuthConfig::fromJson(R"({"providers":[{"domain":"https://a.example.com"}]})",
                                        &error));
}

QTEST_GUILESS_MAIN(TestConvexDeploymentTokens)
#include "tst_convexdeployment_tokens.moc"
