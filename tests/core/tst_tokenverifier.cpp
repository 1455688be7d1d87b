#include <authkitqt/core/Jwks.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStringList>
#include <QtTest>

using namespace authkit;
using Failure = TokenVerifier::Failure;

namespace {

QString failureName(Failure failure)
{
    switch (failure) {
    case Failure::None: return QStringLiteral("None");
    case Failure::Oversized: return QStringLiteral("Oversized");
    case Failure::Malformed: return QStringLiteral("Malformed");
    case Failure::UnsupportedAlgorithm: return QStringLiteral("UnsupportedAlgorithm");
    case Failure::UnknownKey: return QStringLiteral("UnknownKey");
    case Failure::BadSignature: return QStringLiteral("BadSignature");
    case Failure::WrongIssuer: return QStringLiteral("WrongIssuer");
    case Failure::Expired: return QStringLiteral("Expired");
    case Failure::NotYetValid: return QStringLiteral("NotYetValid");
    case Failure::MissingClaim: return QStringLiteral("MissingClaim");
    case Failure::WrongAudience:
        return QStringLiteral("WrongAudience");
    }
    return QStringLiteral("?");
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

} // namespace

class tst_TokenVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jwksSkipsUnusableKeys();
    void jwksRejectsGarbage_data();
    void jwksRejectsGarbage();
    void vectors_data();
    void vectors();
    void validClaimsSpotCheck();
    void everyCharacterMatters();
    void laterClockExpires();
    void emptyIssuerListAcceptsNothing();
    void audienceNeedsTheClientId_data();
    void audienceNeedsTheClientId();
    void emptyKeySet();
    void sizeCapComesFirst();
    void decodeUnverified();

private:
    QByteArray validToken() const;
    QByteArray vectorToken(const QString &name) const;

    QJsonObject m_file;
    Jwks m_jwks;
    qint64 m_now = 0;
    int m_leeway = 0;
    QStringList m_issuers;
    QString m_audience;
};

void tst_TokenVerifier::initTestCase()
{
    // One debug line per rejection would bury the results.
    QLoggingCategory::setFilterRules(QStringLiteral("authkit.token.debug=false"));
    QFile file(QString::fromUtf8(AUTHKIT_JWT_VECTORS));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    m_file = document.object();
    m_now = m_file.value(QLatin1String("now")).toInteger();
    m_leeway = m_file.value(QLatin1String("leewaySecs")).toInt();
    m_issuers = toStringList(m_file.value(QLatin1String("acceptedIssuers")));
    m_audience = m_file.value(QLatin1String("audience")).toString();
    QVERIFY(m_now > 0);
    QVERIFY(m_audience.startsWith(QLatin1String("client_")));
    QVERIFY(m_issuers.contains(QLatin1String(TokenVerifier::kAudienceRequiredIssuer)));
    QCOMPARE(m_leeway, TokenVerifier::kDefaultLeewaySecs);
    QVERIFY(!m_issuers.isEmpty());

    QString jwksError;
    m_jwks = Jwks::parse(
        QJsonDocument(m_file.value(QLatin1String("jwks")).toObject()).toJson(), &jwksError);
    QVERIFY2(!m_jwks.isEmpty(), qPrintable(jwksError));
    QVERIFY(jwksError.isEmpty());
}

QByteArray tst_TokenVerifier::validToken() const
{
    return vectorToken(QStringLiteral("valid"));
}

QByteArray tst_TokenVerifier::vectorToken(const QString &name) const
{
    const QJsonArray vectors = m_file.value(QLatin1String("vectors")).toArray();
    for (const QJsonValue &vector : vectors) {
        if (vector[QLatin1String("name")].toString() == name)
            return vector[QLatin1String("token")].toString().toLatin1();
    }
    return {};
}

void tst_TokenVerifier::jwksSkipsUnusableKeys()
{
    // The EC key, the use=enc key and the 1024-bit key are not signing keys we accept.
    QStringList expected = toStringList(m_file.value(QLatin1String("usableKids")));
    expected.sort();
    QCOMPARE(m_jwks.kids(), expected);
    const QJsonArray keys =
        m_file.value(QLatin1String("jwks")).toObject().value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 5);
    for (const QJsonValue &key : keys) {
        const QString kid = key[QLatin1String("kid")].toString();
        QCOMPARE(m_jwks.hasKey(kid), expected.contains(kid));
    }
    QVERIFY(!m_jwks.hasKey(QString()));
}

void tst_TokenVerifier::jwksRejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("{\"keys\":");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no keys") << QByteArray("{}");
    QTest::newRow("keys not an array") << QByteArray("{\"keys\":{}}");
    QTest::newRow("no keys in the array") << QByteArray("{\"keys\":[]}");
    QTest::newRow("junk entries") << QByteArray("{\"keys\":[1,\"a\",null,[],{}]}");
    QTest::newRow("RSA without n")
        << QByteArray("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"e\":\"AQAB\"}]}");
    QTest::newRow("RSA with bad base64")
        << QByteArray("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"a+b/\",\"e\":\"AQAB\"}]}");
    QTest::newRow("RSA with a tiny modulus")
        << QByteArray("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");
}

void tst_TokenVerifier::jwksRejectsGarbage()
{
    QFETCH(QByteArray, json);
    QString error;
    const Jwks jwks = Jwks::parse(json, &error);
    QVERIFY(jwks.isEmpty());
    QVERIFY(jwks.kids().isEmpty());
    QVERIFY(!error.isEmpty());
    // A null error pointer is allowed.
    QVERIFY(Jwks::parse(json, nullptr).isEmpty());
}

void tst_TokenVerifier::vectors_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QJsonObject>("claims");
    const QJsonArray vectors = m_file.value(QLatin1String("vectors")).toArray();
    QVERIFY(vectors.size() >= 40);
    for (const QJsonValue &vector : vectors) {
        QTest::newRow(qPrintable(vector[QLatin1String("name")].toString()))
            << vector[QLatin1String("token")].toString().toLatin1()
            << vector[QLatin1String("expected")].toString()
            << vector[QLatin1String("claims")].toObject();
    }
}

void tst_TokenVerifier::vectors()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, expected);
    QFETCH(QJsonObject, claims);

    const TokenVerifier verifier(m_issuers, m_leeway, m_audience);
    const TokenVerifier::Result result = verifier.verify(token, m_jwks, m_now);
    QCOMPARE(failureName(result.failure), expected);
    QCOMPARE(result.ok(), expected == QLatin1String("None"));

    if (!result.ok()) {
        QVERIFY(!result.reason.isEmpty());
        // The reason goes to logs: no piece of the token in it.
        const QList<QByteArray> parts = token.split('.');
        for (const QByteArray &part : parts) {
            if (part.size() >= 8)
                QVERIFY(!result.reason.contains(QString::fromLatin1(part)));
        }
        return;
    }

    QVERIFY(!claims.isEmpty());
    const AccessTokenClaims &c = result.claims;
    QCOMPARE(c.issuer, claims.value(QLatin1String("iss")).toString());
    QCOMPARE(c.subject, claims.value(QLatin1String("sub")).toString());
    QCOMPARE(c.sessionId, claims.value(QLatin1String("sid")).toString());
    QCOMPARE(c.tokenId, claims.value(QLatin1String("jti")).toString());
    QCOMPARE(c.organizationId, claims.value(QLatin1String("org_id")).toString());
    QCOMPARE(c.role, claims.value(QLatin1String("role")).toString());
    QCOMPARE(c.roles, toStringList(claims.value(QLatin1String("roles"))));
    QCOMPARE(c.permissions, toStringList(claims.value(QLatin1String("permissions"))));
    QCOMPARE(c.entitlements, toStringList(claims.value(QLatin1String("entitlements"))));
    QCOMPARE(c.featureFlags, toStringList(claims.value(QLatin1String("feature_flags"))));
    QCOMPARE(c.impersonatorEmail,
             claims.value(QLatin1String("act")).toObject()[QLatin1String("sub")].toString());
    QCOMPARE(c.issuedAt, claims.value(QLatin1String("iat")).toInteger());
    QCOMPARE(c.expiresAt, claims.value(QLatin1String("exp")).toInteger());
    QCOMPARE(c.payload, claims);
    QVERIFY(m_jwks.hasKey(result.kid));
    QVERIFY(result.reason.isEmpty());
}

void tst_TokenVerifier::validClaimsSpotCheck()
{
    // Guards the table above against comparing two empty values.
    const TokenVerifier verifier(m_issuers, m_leeway);
    const TokenVerifier::Result result = verifier.verify(validToken(), m_jwks, m_now);
    QVERIFY(result.ok());
    const AccessTokenClaims &c = result.claims;
    QVERIFY(c.subject.startsWith(QLatin1String("user_")));
    QVERIFY(c.sessionId.startsWith(QLatin1String("session_")));
    QVERIFY(c.organizationId.startsWith(QLatin1String("org_")));
    QVERIFY(!c.tokenId.isEmpty());
    QCOMPARE(c.role, QStringLiteral("admin"));
    QCOMPARE(c.roles, QStringList({ QStringLiteral("admin"), QStringLiteral("member") }));
    QCOMPARE(c.permissions.size(), 3);
    QCOMPARE(c.entitlements, QStringList({ QStringLiteral("audit-logs"), QStringLiteral("sso") }));
    QCOMPARE(c.featureFlags,
             QStringList({ QStringLiteral("new-dashboard"), QStringLiteral("beta-search") }));
    QCOMPARE(c.impersonatorEmail, QStringLiteral("support-agent@example.com"));
    QCOMPARE(c.expiresAt - c.issuedAt, qint64(300));
    QVERIFY(result.kid.startsWith(QLatin1String("sso_oidc_key_pair_")));
}

void tst_TokenVerifier::everyCharacterMatters()
{
    // Changing any one character of a valid token must never leave it valid.
    const QByteArray token = validToken();
    QVERIFY(!token.isEmpty());
    const TokenVerifier verifier(m_issuers, m_leeway);
    for (qsizetype i = 0; i < token.size(); ++i) {
        if (token[i] == '.')
            continue;
        QByteArray changed = token;
        changed[i] = token[i] == 'A' ? 'B' : 'A';
        const TokenVerifier::Result result = verifier.verify(changed, m_jwks, m_now);
        QVERIFY2(!result.ok(), qPrintable(QStringLiteral("position %1").arg(i)));
    }
}

void tst_TokenVerifier::laterClockExpires()
{
    const TokenVerifier verifier(m_issuers, m_leeway);
    const TokenVerifier::Result now = verifier.verify(validToken(), m_jwks, m_now);
    QVERIFY(now.ok());
    const qint64 exp = now.claims.expiresAt;
    QVERIFY(verifier.verify(validToken(), m_jwks, exp + m_leeway).ok());
    const TokenVerifier::Result late = verifier.verify(validToken(), m_jwks, exp + m_leeway + 1);
    QCOMPARE(late.failure, Failure::Expired);
    // Verified claims stay readable, so the caller can still name the session it drops.
    QCOMPARE(late.claims.sessionId, now.claims.sessionId);

    // Without leeway the boundary moves to exp itself.
    const TokenVerifier strict(m_issuers, 0);
    QVERIFY(strict.verify(validToken(), m_jwks, exp).ok());
    QCOMPARE(strict.verify(validToken(), m_jwks, exp + 1).failure, Failure::Expired);
}

void tst_TokenVerifier::emptyIssuerListAcceptsNothing()
{
    const TokenVerifier verifier({}, m_leeway);
    QCOMPARE(verifier.verify(validToken(), m_jwks, m_now).failure, Failure::WrongIssuer);
}

void tst_TokenVerifier::audienceNeedsTheClientId_data()
{
    // The table's vectors are checked with the client ID; here the same tokens meet verifiers
    // with no client ID and with another one.
    QTest::addColumn<QString>("vector");
    QTest::addColumn<QString>("withoutClientId");
    QTest::addColumn<QString>("withAnotherClientId");
    QTest::newRow("no aud") << "valid"
                            << "None"
                            << "None";
    QTest::newRow("legacy issuer, no aud") << "valid legacy issuer, no organization"
                                           << "None"
                                           << "None";
    QTest::newRow("aud the client ID") << "aud the client ID"
                                       << "WrongAudience"
                                       << "WrongAudience";
    QTest::newRow("aud an array") << "aud an array with the client ID"
                                  << "WrongAudience"
                                  << "WrongAudience";
    QTest::newRow("bare issuer with aud") << "bare issuer, aud the client ID"
                                          << "WrongAudience"
                                          << "WrongAudience";
    QTest::newRow("bare issuer without aud") << "bare issuer without aud"
                                             << "MissingClaim"
                                             << "MissingClaim";
    QTest::newRow("aud another client") << "aud another client"
                                        << "WrongAudience"
                                        << "WrongAudience";
    QTest::newRow("aud the empty string") << "aud the empty string"
                                          << "WrongAudience"
                                          << "WrongAudience";
}

void tst_TokenVerifier::audienceNeedsTheClientId()
{
    QFETCH(QString, vector);
    QFETCH(QString, withoutClientId);
    QFETCH(QString, withAnotherClientId);
    const QByteArray token = vectorToken(vector);
    QVERIFY2(!token.isEmpty(), qPrintable(vector));

    // The two-argument form (no client ID) stays as it was for tokens without aud.
    const TokenVerifier noClientId(m_issuers, m_leeway);
    QVERIFY(noClientId.audience().isEmpty());
    QCOMPARE(failureName(noClientId.verify(token, m_jwks, m_now).failure), withoutClientId);
    const TokenVerifier otherClient(m_issuers, m_leeway,
                                    QStringLiteral("client_01JTHIRDCLIENT000000000000"));
    QCOMPARE(failureName(otherClient.verify(token, m_jwks, m_now).failure), withAnotherClientId);
    const TokenVerifier ours(m_issuers, m_leeway, m_audience);
    QCOMPARE(ours.audience(), m_audience);

    // Signature, issuer and audience all hold: only then is the bare issuer's token accepted.
    if (vector == QLatin1String("bare issuer, aud the client ID")) {
        const TokenVerifier::Result result = ours.verify(token, m_jwks, m_now);
        QVERIFY(result.ok());
        QCOMPARE(result.claims.issuer, QLatin1String(TokenVerifier::kAudienceRequiredIssuer));
        // Without the bare issuer in the list, the audience does not make it acceptable.
        QStringList issuers = m_issuers;
        issuers.removeAll(QLatin1String(TokenVerifier::kAudienceRequiredIssuer));
        QCOMPARE(TokenVerifier(issuers, m_leeway, m_audience).verify(token, m_jwks, m_now).failure,
                 Failure::WrongIssuer);
    }
}

void tst_TokenVerifier::emptyKeySet()
{
    const TokenVerifier verifier(m_issuers, m_leeway);
    const Jwks empty;
    const TokenVerifier::Result result = verifier.verify(validToken(), empty, m_now);
    QCOMPARE(result.failure, Failure::UnknownKey);
    QVERIFY(!result.kid.isEmpty());
    // A moved-from key set is empty, not a crash.
    Jwks moved = Jwks::parse(
        QJsonDocument(m_file.value(QLatin1String("jwks")).toObject()).toJson(), nullptr);
    const Jwks target = std::move(moved);
    QVERIFY(!target.isEmpty());
    QCOMPARE(verifier.verify(validToken(), moved, m_now).failure, Failure::UnknownKey);
    QVERIFY(verifier.verify(validToken(), target, m_now).ok());
}

void tst_TokenVerifier::sizeCapComesFirst()
{
    const TokenVerifier verifier(m_issuers, m_leeway);
    const QByteArray atCap(TokenVerifier::kMaxTokenBytes, 'a');
    QCOMPARE(verifier.verify(atCap, m_jwks, m_now).failure, Failure::Malformed);
    const QByteArray overCap(TokenVerifier::kMaxTokenBytes + 1, '.');
    QCOMPARE(verifier.verify(overCap, m_jwks, m_now).failure, Failure::Oversized);
    QCOMPARE(verifier.verify(QByteArray(), m_jwks, m_now).failure, Failure::Malformed);
    QCOMPARE(verifier.verify(QByteArray(".."), m_jwks, m_now).failure, Failure::Malformed);
}

void tst_TokenVerifier::decodeUnverified()
{
    const AccessTokenClaims claims = TokenVerifier::decodeUnverified(validToken());
    QVERIFY(claims.subject.startsWith(QLatin1String("user_")));
    QCOMPARE(claims.impersonatorEmail, QStringLiteral("support-agent@example.com"));
    QCOMPARE(claims.roles.size(), 2);
    QVERIFY(claims.expiresAt > claims.issuedAt);

    QVERIFY(TokenVerifier::decodeUnverified(QByteArray()).payload.isEmpty());
    QVERIFY(TokenVerifier::decodeUnverified("a.b.c").payload.isEmpty());
    QVERIFY(TokenVerifier::decodeUnverified("a.b").payload.isEmpty());
    QVERIFY(TokenVerifier::decodeUnverified(QByteArray(20000, 'a')).payload.isEmpty());
    // An unverified read of a token with a bad signature still shows its claims.
    QByteArray tampered = validToken();
    tampered.chop(4);
    tampered.append("AAAA");
    QVERIFY(!TokenVerifier::decodeUnverified(tampered).subject.isEmpty());
}

QTEST_GUILESS_MAIN(tst_TokenVerifier)
#include "tst_tokenverifier.moc"
