// POST /user_management/authenticate: the authorization_code and refresh_token grants, every
// error envelope it makes (docs/workos-authkit.md#errors), both body encodings, and hostile bodies.

#include "EmulatorFixture.h"

#include "HttpClient.h"
#include "Jwt.h"
#include "SignInDriver.h"
#include "WorkOsEnvelopes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

class TestEmulatorAuthenticate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void authorizationCodeSuccess();
    void formBodyWorks();
    void codeIsSingleUse();
    void wrongVerifierBurnsCode();
    void missingVerifierDoesNotBurnCode();
    void malformedVerifier();
    void missingCode();
    void unknownCode();
    void codeOfAnotherClient();
    void redirectUriMustMatchWhenGiven();
    void codeExpiresAfterTenMinutes();
    void clientErrors_data();
    void clientErrors();
    void grantErrors_data();
    void grantErrors();
    void hostileBodies_data();
    void hostileBodies();
    void bodyOverOneMebibyte();
    void refreshRotates();
    void refreshReuseIsRejected();
    void refreshDroppedAfterCommit();
    void codeExchangeDroppedAfterCommit();
    void refreshErrors();
    void organizationSwitch();
    void failedOrganizationSwitchKeepsToken();
    void revokedSession();
    void impersonation();
    void refreshTokenExpires();

private:
    // POSTs body to authenticate on a raw socket after arming a drop_after_commit fault.
    HttpClient::RawExchange postDroppedAfterCommit(const QJsonObject &body);
    int refreshTokenCount();
    QUrl authenticateUrl() const { return m_driver->url(QStringLiteral("/user_management/authenticate")); }
    HttpResult postJson(const QJsonObject &body) { return m_http.postJson(authenticateUrl(), body); }
    // A fresh browser, a password sign-in, the code (with m_driver's PKCE pair).
    QString freshCode(const QString &email = seed::ada(), const QString &organizationId = QString());
    QJsonObject codeGrant(const QString &code, const QString &verifier) const;
    // The same in a fresh browser, exchanged: the authenticate body.
    QJsonObject signInAndExchange(const QString &email, const QString &organizationId = QString());
    static QString sessionIdOf(const QJsonObject &body);

    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
    std::unique_ptr<SignInDriver> m_driver;
};

void TestEmulatorAuthenticate::initTestCase()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    m_driver = std::make_unique<SignInDriver>(m_http, m_emulator->baseUrl());
}

void TestEmulatorAuthenticate::init()
{
    m_http.resetCookies();
    m_driver->renew();
}

QString TestEmulatorAuthenticate::freshCode(const QString &email, const QString &organizationId)
{
    m_http.resetCookies();
    HttpResult last;
    const QString code = m_driver->signInWithPassword(email, organizationId, &last);
    if (code.isEmpty())
        qWarning().noquote() << "sign-in failed:" << last.describe();
    return code;
}

QJsonObject TestEmulatorAuthenticate::signInAndExchange(const QString &email,
                                                        const QString &organizationId)
{
    m_http.resetCookies();
    m_driver->renew();
    return m_driver->signInAndExchange(email, organizationId);
}

QJsonObject TestEmulatorAuthenticate::codeGrant(const QString &code, const QString &verifier) const
{
    return {{QStringLiteral("client_id"), seed::devClient()},
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("code_verifier"), verifier}};
}

QString TestEmulatorAuthenticate::sessionIdOf(const QJsonObject &body)
{
    return Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1())
        .claims.value(QLatin1String("sid"))
        .toString();
}

void TestEmulatorAuthenticate::authorizationCodeSuccess()
{
    const QString code = freshCode();
    QVERIFY(!code.isEmpty());
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{26}$")).match(code).hasMatch(),
             qPrintable(code));
    const HttpResult result = postJson(codeGrant(code, m_driver->pkce().verifier));
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    QVERIFY(!result.header("X-Request-ID").isEmpty());
    QCOMPARE(result.header("Cache-Control"), QByteArray("no-store"));

    const QJsonObject body = result.json();
    // Only what applies (docs/workos-authkit.md#authenticate-response): no org, no impersonator.
    QStringList keys = body.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("access_token"), QStringLiteral("authentication_method"),
                                QStringLiteral("refresh_token"), QStringLiteral("user")}));
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));
    QVERIFY(body.value(QLatin1String("refresh_token")).toString().size() >= 20);
    QVERIFY(Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1()).valid);

    const QJsonObject user = body.value(QLatin1String("user")).toObject();
    QStringList userKeys = user.keys();
    userKeys.sort();
    QCOMPARE(userKeys,
             (QStringList{QStringLiteral("created_at"), QStringLiteral("email"),
                          QStringLiteral("email_verified"), QStringLiteral("external_id"),
                          QStringLiteral("first_name"), QStringLiteral("id"),
                          QStringLiteral("last_name"), QStringLiteral("last_sign_in_at"),
                          QStringLiteral("locale"), QStringLiteral("metadata"),
                          QStringLiteral("object"), QStringLiteral("profile_picture_url"),
                          QStringLiteral("updated_at")}));
    QCOMPARE(user.value(QLatin1String("object")).toString(), QStringLiteral("user"));
    QCOMPARE(user.value(QLatin1String("id")).toString(), seed::adaId());
    QCOMPARE(user.value(QLatin1String("email")).toString(), seed::ada());
    QCOMPARE(user.value(QLatin1String("email_verified")), QJsonValue(true));
    QCOMPARE(user.value(QLatin1String("first_name")).toString(), QStringLiteral("Ada"));
    QCOMPARE(user.value(QLatin1String("last_name")).toString(), QStringLiteral("Lovelace"));
    QVERIFY(user.value(QLatin1String("profile_picture_url")).isNull());
    QVERIFY(user.value(QLatin1String("external_id")).isNull());
    QVERIFY(user.value(QLatin1String("locale")).isNull());
    QCOMPARE(user.value(QLatin1String("metadata")), QJsonValue(QJsonObject()));
    QCOMPARE(user.value(QLatin1String("created_at")).toString(), QStringLiteral("2026-01-02T09:00:00.000Z"));
    const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    const QString lastSignIn = user.value(QLatin1String("last_sign_in_at")).toString();
    QVERIFY2(iso.match(lastSignIn).hasMatch(), qPrintable(lastSignIn));
    QVERIFY(qAbs(QDateTime::fromString(lastSignIn, Qt::ISODateWithMs).secsTo(
                QDateTime::fromSecsSinceEpoch(m_driver->emulatorNow()))) < 10);
    QCOMPARE(user.value(QLatin1String("updated_at")).toString(), lastSignIn);
}

void TestEmulatorAuthenticate::formBodyWorks()
{
    const QString code = freshCode();
    const HttpResult result = m_http.postForm(
        authenticateUrl(), {{QStringLiteral("client_id"), seed::devClient()},
                            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("code_verifier"), m_driver->pkce().verifier}});
    QCOMPARE(result.status, 200);
    const QString refreshToken = result.json().value(QLatin1String("refresh_token")).toString();

    const HttpResult refreshed = m_http.postForm(
        authenticateUrl(), {{QStringLiteral("client_id"), seed::devClient()},
                            {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("refresh_token"), refreshToken}});
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(refreshed.json().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::adaId());

    // Form errors use the same envelope.
    const HttpResult error = m_http.postForm(authenticateUrl(), {{QStringLiteral("grant_type"),
                                                                  QStringLiteral("refresh_token")}});
    QCOMPARE(error.status, 400);
    QCOMPARE(error.compactJson(), oauthErrorBody(QStringLiteral("invalid_request"),
                                                 QStringLiteral("Missing required parameter: client_id.")));
}

void TestEmulatorAuthenticate::codeIsSingleUse()
{
    const QString code = freshCode();
    QCOMPARE(postJson(codeGrant(code, m_driver->pkce().verifier)).status, 200);
    const HttpResult again = postJson(codeGrant(code, m_driver->pkce().verifier));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.compactJson(),
             oauthErrorBody(QStringLiteral("invalid_grant"),
                            QStringLiteral("The code '%1' has expired or is invalid.").arg(code)));
}

void TestEmulatorAuthenticate::wrongVerifierBurnsCode()
{
    const QString code = freshCode();
    const Pkce other = Pkce::generate(64);
    const HttpResult wrong = postJson(codeGrant(code, other.verifier));
    const QByteArray expected = oauthErrorBody(
        QStringLiteral("invalid_grant"), QStringLiteral("The code '%1' has expired or is invalid.").arg(code));
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.compactJson(), expected);
    // One try per code: the right verifier is too late now.
    const HttpResult right = postJson(codeGrant(code, m_driver->pkce().verifier));
    QCOMPARE(right.status, 400);
    QCOMPARE(right.compactJson(), expected);
}

void TestEmulatorAuthenticate::missingVerifierDoesNotBurnCode()
{
    const QString code = freshCode();
    QJsonObject body = codeGrant(code, QString());
    body.remove(QStringLiteral("code_verifier"));
    const HttpResult missing = postJson(body);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.compactJson(), oauthErrorBody(QStringLiteral("invalid_request"),
                                                   QStringLiteral("Missing required parameter: code_verifier.")));
    QCOMPARE(postJson(codeGrant(code, m_driver->pkce().verifier)).status, 200);
}

void TestEmulatorAuthenticate::malformedVerifier()
{
    const QString code = freshCode();
    const QByteArray expected = oauthErrorBody(
        QStringLiteral("invalid_request"),
        QStringLiteral("code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~]."));
    const QStringList verifiers{QString(42, QLatin1Char('a')), QString(129, QLatin1Char('a')),
                                QString(QString(50, QLatin1Char('a')) + QStringLiteral("+/="))};
    for (const QString &verifier : verifiers) {
        const HttpResult result = postJson(codeGrant(code, verifier));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.compactJson(), expected);
    }
}

void TestEmulatorAuthenticate::missingCode()
{
    QJsonObject body = codeGrant(QString(), m_driver->pkce().verifier);
    body.remove(QStringLiteral("code"));
    const HttpResult result = postJson(body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(), oauthErrorBody(QStringLiteral("invalid_request"),
                                                  QStringLiteral("Missing required parameter: code.")));
}

void TestEmulatorAuthenticate::unknownCode()
{
    const QString code = QStringLiteral("01JUNKNOWNCODE000000000000");
    const HttpResult result = postJson(codeGrant(code, m_driver->pkce().verifier));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(),
             oauthErrorBody(QStringLiteral("invalid_grant"),
                            QStringLiteral("The code '%1' has expired or is invalid.").arg(code)));
}

void TestEmulatorAuthenticate::codeOfAnotherClient()
{
    const QString code = freshCode();
    QJsonObject body = codeGrant(code, m_driver->pkce().verifier);
    body.insert(QStringLiteral("client_id"), seed::prodClient());
    const HttpResult result = postJson(body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
}

void TestEmulatorAuthenticate::redirectUriMustMatchWhenGiven()
{
    const QString code = freshCode();
    QJsonObject body = codeGrant(code, m_driver->pkce().verifier);
    body.insert(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:1/callback"));
    const HttpResult mismatch = postJson(body);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
    body.insert(QStringLiteral("redirect_uri"), m_driver->redirectUri());
    QCOMPARE(postJson(body).status, 200);
}

void TestEmulatorAuthenticate::codeExpiresAfterTenMinutes()
{
    const QString code = freshCode();
    QVERIFY(m_driver->advanceClock(601) > 0);
    const HttpResult result = postJson(codeGrant(code, m_driver->pkce().verifier));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(),
             oauthErrorBody(QStringLiteral("invalid_grant"),
                            QStringLiteral("The code '%1' has expired or is invalid.").arg(code)));

    // Nine minutes are fine.
    const QString fresh = freshCode();
    QVERIFY(m_driver->advanceClock(540) > 0);
    QCOMPARE(postJson(codeGrant(fresh, m_driver->pkce().verifier)).status, 200);
}

void TestEmulatorAuthenticate::clientErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unknown client")
        << QByteArray(R"({"client_id":"client_01J0000000000000000000NOPE","grant_type":"refresh_token","refresh_token":"x"})")
        << oauthErrorBody(QStringLiteral("invalid_client"), QStringLiteral("Invalid client ID."));
    QTest::newRow("missing client")
        << QByteArray(R"({"grant_type":"refresh_token","refresh_token":"x"})")
        << oauthErrorBody(QStringLiteral("invalid_request"), QStringLiteral("Missing required parameter: client_id."));
    QTest::newRow("client_id not a string")
        << QByteArray(R"({"client_id":42,"grant_type":"refresh_token","refresh_token":"x"})")
        << oauthErrorBody(QStringLiteral("invalid_request"), QStringLiteral("Missing required parameter: client_id."));
    QTest::newRow("client_secret present")
        << QByteArray(R"({"client_id":"client_01J00000000000000000000DEV","client_secret":"sk_test_x","grant_type":"authorization_code","code":"x","code_verifier":"y"})")
        << oauthErrorBody(QStringLiteral("invalid_client"), QStringLiteral("Invalid client secret."));
    QTest::newRow("empty client_secret present")
        << QByteArray(R"({"client_id":"client_01J00000000000000000000DEV","client_secret":"","grant_type":"refresh_token","refresh_token":"x"})")
        << oauthErrorBody(QStringLiteral("invalid_client"), QStringLiteral("Invalid client secret."));
}

void TestEmulatorAuthenticate::clientErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const HttpResult result = m_http.post(authenticateUrl(), body, "application/json");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(), expected);
}

void TestEmulatorAuthenticate::grantErrors_data()
{
    QTest::addColumn<QString>("grantType");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("missing")
        << QString() << oauthErrorBody(QStringLiteral("invalid_request"),
                                       QStringLiteral("Missing required parameter: grant_type."));
    QTest::newRow("unknown")
        << QStringLiteral("client_credentials")
        << oauthErrorBody(QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("The grant type \"client_credentials\" is not supported."));
    for (const char *grant : {"password", "urn:workos:oauth:grant-type:magic-auth:code",
                              "urn:workos:oauth:grant-type:email-verification:code",
                              "urn:workos:oauth:grant-type:mfa-totp",
                              "urn:workos:oauth:grant-type:organization-selection",
                              "urn:ietf:params:oauth:grant-type:device_code"}) {
        QTest::newRow(grant) << QString::fromLatin1(grant)
                             << oauthErrorBody(QStringLiteral("invalid_client"),
                                               QStringLiteral("The %1 grant needs a client_secret; "
                                                              "public clients cannot use it.")
                                                   .arg(QLatin1String(grant)));
    }
}

void TestEmulatorAuthenticate::grantErrors()
{
    QFETCH(QString, grantType);
    QFETCH(QByteArray, expected);
    QJsonObject body{{QStringLiteral("client_id"), seed::devClient()},
                     {QStringLiteral("email"), seed::ada()},
                     {QStringLiteral("password"), QStringLiteral("password")}};
    if (!grantType.isNull())
        body.insert(QStringLiteral("grant_type"), grantType);
    const HttpResult result = postJson(body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(), expected);
}

void TestEmulatorAuthenticate::hostileBodies_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray notObject = oauthErrorBody(QStringLiteral("invalid_request"),
                                                QStringLiteral("The request body is not a JSON object."));
    QTest::newRow("malformed JSON") << QByteArray("application/json") << QByteArray(R"({"client_id":)")
                                    << 400 << notObject;
    QTest::newRow("JSON array") << QByteArray("application/json")
                                << QByteArray(R"([{"client_id":"client_01J00000000000000000000DEV"}])")
                                << 400 << notObject;
    QTest::newRow("JSON string") << QByteArray("application/json") << QByteArray(R"("hello")") << 400
                                 << notObject;
    QTest::newRow("empty JSON body") << QByteArray("application/json") << QByteArray() << 400 << notObject;
    QTest::newRow("binary") << QByteArray("application/json; charset=utf-8")
                            << QByteArray::fromHex("00ff10fe7b7d") << 400 << notObject;
    const QByteArray unsupported = oauthErrorBody(
        QStringLiteral("invalid_request"),
        QStringLiteral("Send application/json or application/x-www-form-urlencoded."));
    QTest::newRow("text/plain") << QByteArray("text/plain") << QByteArray(R"({"client_id":"x"})") << 415
                                << unsupported;
    QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=x") << QByteArray("--x--")
                               << 415 << unsupported;
    QTest::newRow("empty form") << QByteArray("application/x-www-form-urlencoded") << QByteArray() << 400
                                << oauthErrorBody(QStringLiteral("invalid_request"),
                                                  QStringLiteral("Missing required parameter: client_id."));
}

void TestEmulatorAuthenticate::hostileBodies()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    const HttpResult result = m_http.post(authenticateUrl(), body, contentType);
    QCOMPARE(result.status, status);
    QCOMPARE(result.compactJson(), expected);
    QVERIFY(!result.header("X-Request-ID").isEmpty());
}

void TestEmulatorAuthenticate::bodyOverOneMebibyte()
{
    // Valid JSON, one byte too long: rejected before it is parsed.
    QByteArray body = R"({"client_id":"client_01J00000000000000000000DEV","pad":")";
    const QByteArray tail = R"("})";
    body += QByteArray(1024 * 1024 + 1 - body.size() - tail.size(), 'a') + tail;
    QCOMPARE(body.size(), 1024 * 1024 + 1);
    const HttpResult tooLarge = m_http.post(authenticateUrl(), body, "application/json");
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.compactJson(), oauthErrorBody(QStringLiteral("invalid_request"),
                                                    QStringLiteral("The request body is too large.")));

    // Exactly 1 MiB is still read (and then fails for what it says).
    body.remove(body.size() - tail.size() - 1, 1);
    QCOMPARE(body.size(), 1024 * 1024);
    const HttpResult limit = m_http.post(authenticateUrl(), body, "application/json");
    QCOMPARE(limit.status, 400);
    QCOMPARE(limit.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_request"));

    // The server is still there.
    QCOMPARE(m_http.get(m_driver->url(QStringLiteral("/_emulator/health"))).status, 200);
}

void TestEmulatorAuthenticate::refreshRotates()
{
    const QJsonObject first = signInAndExchange(seed::ada());
    QVERIFY(!first.isEmpty());
    const QString token = first.value(QLatin1String("refresh_token")).toString();
    const HttpResult result = m_driver->refresh(token);
    QCOMPARE(result.status, 200);
    const QJsonObject body = result.json();
    const QString rotated = body.value(QLatin1String("refresh_token")).toString();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != token);
    QVERIFY(body.value(QLatin1String("access_token")).toString()
            != first.value(QLatin1String("access_token")).toString());
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("email")).toString(), seed::ada());
    QVERIFY(!body.contains(QLatin1String("organization_id")));
    // Same session, new token id.
    QCOMPARE(sessionIdOf(body), sessionIdOf(first));
    QVERIFY(!sessionIdOf(body).isEmpty());
    // And the rotated one rotates again.
    QCOMPARE(m_driver->refresh(rotated).status, 200);
}

void TestEmulatorAuthenticate::refreshReuseIsRejected()
{
    const QString token = signInAndExchange(seed::ada()).value(QLatin1String("refresh_token")).toString();
    const HttpResult first = m_driver->refresh(token);
    QCOMPARE(first.status, 200);
    const HttpResult reused = m_driver->refresh(token);
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                  QStringLiteral("Refresh token already exchanged.")));
    // Reuse does not end the session: the replacement still works.
    QCOMPARE(m_driver->refresh(first.json().value(QLatin1String("refresh_token")).toString()).status, 200);
}

HttpClient::RawExchange TestEmulatorAuthenticate::postDroppedAfterCommit(const QJsonObject &body)
{
    const HttpResult armed = m_driver->control(
        QStringLiteral("/_emulator/faults"),
        {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
         {QStringLiteral("action"), QStringLiteral("drop_after_commit")}});
    if (armed.status != 201)
        qWarning().noquote() << "fault not armed:" << armed.describe();
    // A raw socket: a client library might resend the request on its own after the drop.
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return HttpClient::rawExchange(
        m_emulator->port(),
        "POST /user_management/authenticate HTTP/1.1\r\nHost: 127.0.0.1:"
            + QByteArray::number(m_emulator->port())
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n\r\n" + json);
}

int TestEmulatorAuthenticate::refreshTokenCount()
{
    return m_http.get(m_driver->url(QStringLiteral("/_emulator/stats")))
        .json()
        .value(QLatin1String("refresh_tokens"))
        .toInt(-1);
}

void TestEmulatorAuthenticate::refreshDroppedAfterCommit()
{
    const QJsonObject signedIn = signInAndExchange(seed::ada());
    const QString token = signedIn.value(QLatin1String("refresh_token")).toString();
    QVERIFY(!token.isEmpty());
    const int recordsBefore = refreshTokenCount();
    const auto dropped = postDroppedAfterCommit({{QStringLiteral("client_id"), seed::devClient()},
                                                 {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                 {QStringLiteral("refresh_token"), token}});
    QVERIFY(dropped.connected);
    QVERIFY(dropped.closedByPeer);
    QVERIFY(!dropped.timedOut);
    QCOMPARE(dropped.received, QByteArray()); // the client never saw the new token
    // ...but the rotation happened: a successor is stored and the old token is spent.
    QCOMPARE(refreshTokenCount(), recordsBefore + 1);
    const HttpResult retried = m_driver->refresh(token);
    QCOMPARE(retried.status, 400);
    QCOMPARE(retried.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                   QStringLiteral("Refresh token already exchanged.")));
    // The session itself lives on: a new sign-in in the same browser is silent.
    const QString sessionId = sessionIdOf(signedIn);
    const QJsonArray sessions = m_http.get(m_driver->url(QStringLiteral("/_emulator/sessions")))
                                    .json().value(QLatin1String("data")).toArray();
    bool active = false;
    for (const QJsonValue &session : sessions)
        active = active || (session.toObject().value(QLatin1String("id")).toString() == sessionId
                            && session.toObject().value(QLatin1String("status")).toString() == QLatin1String("active"));
    QVERIFY(active);
    // One fault, one drop: the next refresh is answered.
    QCOMPARE(m_http.get(m_driver->url(QStringLiteral("/_emulator/faults"))).json()
                 .value(QLatin1String("data")).toArray().size(), 0);
}

void TestEmulatorAuthenticate::codeExchangeDroppedAfterCommit()
{
    const QString code = freshCode();
    QVERIFY(!code.isEmpty());
    const auto dropped = postDroppedAfterCommit(codeGrant(code, m_driver->pkce().verifier));
    QVERIFY(dropped.closedByPeer);
    QCOMPARE(dropped.received, QByteArray());
    // The code was spent by the exchange the client never saw.
    const HttpResult retried = postJson(codeGrant(code, m_driver->pkce().verifier));
    QCOMPARE(retried.status, 400);
    QCOMPARE(retried.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
}

void TestEmulatorAuthenticate::refreshErrors()
{
    const HttpResult unknown = m_driver->refresh(QStringLiteral("not-a-refresh-token"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                   QStringLiteral("Invalid refresh token.")));

    const HttpResult missing = postJson({{QStringLiteral("client_id"), seed::devClient()},
                                         {QStringLiteral("grant_type"), QStringLiteral("refresh_token")}});
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.compactJson(), oauthErrorBody(QStringLiteral("invalid_request"),
                                                   QStringLiteral("Missing refresh token.")));

    // A refresh token belongs to its client.
    const QString token = signInAndExchange(seed::ada()).value(QLatin1String("refresh_token")).toString();
    const HttpResult otherClient = postJson({{QStringLiteral("client_id"), seed::prodClient()},
                                             {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                             {QStringLiteral("refresh_token"), token}});
    QCOMPARE(otherClient.status, 400);
    QCOMPARE(otherClient.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                       QStringLiteral("Invalid refresh token.")));
    QCOMPARE(m_driver->refresh(token).status, 200);
}

void TestEmulatorAuthenticate::organizationSwitch()
{
    const QJsonObject signedIn = signInAndExchange(seed::grace(), seed::engines());
    QCOMPARE(signedIn.value(QLatin1String("organization_id")).toString(), seed::engines());

    const HttpResult switched = m_driver->refresh(signedIn.value(QLatin1String("refresh_token")).toString(),
                                                  seed::harvard());
    QCOMPARE(switched.status, 200);
    const QJsonObject body = switched.json();
    QCOMPARE(body.value(QLatin1String("organization_id")).toString(), seed::harvard());
    const Jwt jwt = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(jwt.claims.value(QLatin1String("org_id")).toString(), seed::harvard());
    QCOMPARE(jwt.claims.value(QLatin1String("role")).toString(), QStringLiteral("member"));
    QCOMPARE(jwt.claims.value(QLatin1String("permissions")).toArray(),
             QJsonArray{QStringLiteral("widgets:read")});
    QVERIFY(!jwt.claims.contains(QLatin1String("entitlements")));
    QVERIFY(!jwt.claims.contains(QLatin1String("feature_flags")));

    // Without organization_id the session keeps the one it switched to.
    const HttpResult kept = m_driver->refresh(body.value(QLatin1String("refresh_token")).toString());
    QCOMPARE(kept.status, 200);
    QCOMPARE(kept.json().value(QLatin1String("organization_id")).toString(), seed::harvard());

    // Naming the current organization is not a switch.
    const HttpResult same = m_driver->refresh(kept.json().value(QLatin1String("refresh_token")).toString(),
                                              seed::harvard());
    QCOMPARE(same.status, 200);
    QCOMPARE(same.json().value(QLatin1String("organization_id")).toString(), seed::harvard());
}

void TestEmulatorAuthenticate::failedOrganizationSwitchKeepsToken()
{
    const QString token = signInAndExchange(seed::grace(), seed::engines())
                              .value(QLatin1String("refresh_token")).toString();
    const HttpResult notMember = m_driver->refresh(token, seed::bletchley());
    QCOMPARE(notMember.status, 400);
    QCOMPARE(notMember.compactJson(),
             oauthErrorBody(QStringLiteral("organization_membership_not_found"),
                            QStringLiteral("The user is not a member of organization %1.").arg(seed::bletchley())));
    const HttpResult unknown = m_driver->refresh(token, seed::unknownOrg());
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.compactJson(),
             oauthErrorBody(QStringLiteral("organization_not_found"),
                            QStringLiteral("Organization %1 was not found.").arg(seed::unknownOrg())));
    // Neither failure spent the token, nor moved the session.
    const HttpResult ok = m_driver->refresh(token);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value(QLatin1String("organization_id")).toString(), seed::engines());

    // A user without organizations cannot switch into one.
    const QString adaToken = signInAndExchange(seed::ada()).value(QLatin1String("refresh_token")).toString();
    QCOMPARE(m_driver->refresh(adaToken, seed::engines()).json().value(QLatin1String("error")).toString(),
             QStringLiteral("organization_membership_not_found"));
}

void TestEmulatorAuthenticate::revokedSession()
{
    const QJsonObject body = signInAndExchange(seed::ada());
    const QString sid = sessionIdOf(body);
    QVERIFY(sid.startsWith(QLatin1String("session_")));
    const HttpResult revoke = m_driver->control(QStringLiteral("/_emulator/sessions/%1/revoke").arg(sid), {});
    QCOMPARE(revoke.status, 200);
    const HttpResult result = m_driver->refresh(body.value(QLatin1String("refresh_token")).toString());
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                  QStringLiteral("Session has ended.")));

    // A code whose session ended before the exchange is no good either.
    const auto sessionIds = [this] {
        QStringList ids;
        const HttpResult sessions = m_http.get(m_driver->url(QStringLiteral("/_emulator/sessions")));
        for (const QJsonValue &value : sessions.json().value(QLatin1String("data")).toArray())
            ids.append(value.toObject().value(QLatin1String("id")).toString());
        return ids;
    };
    const QStringList before = sessionIds();
    m_driver->renew();
    const QString code = freshCode();
    QString newest;
    for (const QString &id : sessionIds()) {
        if (!before.contains(id))
            newest = id;
    }
    QVERIFY(!newest.isEmpty());
    QCOMPARE(m_driver->control(QStringLiteral("/_emulator/sessions/%1/revoke").arg(newest), {}).status, 200);
    const HttpResult exchange = m_driver->exchangeCode(code);
    QCOMPARE(exchange.status, 400);
    QCOMPARE(exchange.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
}

void TestEmulatorAuthenticate::impersonation()
{
    const QJsonObject body = signInAndExchange(seed::katherine());
    QVERIFY(!body.isEmpty());
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Impersonation"));
    QCOMPARE(QJsonDocument(body.value(QLatin1String("impersonator")).toObject()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"email":"support@example.com","reason":"Investigating a billing question"})"));
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(), seed::katherineId());
    QCOMPARE(body.value(QLatin1String("organization_id")).toString(), seed::engines());
    const Jwt jwt = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(QJsonDocument(jwt.claims.value(QLatin1String("act")).toObject()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"sub":"support@example.com"})"));
    QCOMPARE(jwt.claims.value(QLatin1String("sub")).toString(), seed::katherineId());

    // A refresh keeps all of it.
    const HttpResult refreshed = m_driver->refresh(body.value(QLatin1String("refresh_token")).toString());
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(refreshed.json().value(QLatin1String("authentication_method")).toString(),
             QStringLiteral("Impersonation"));
    QVERIFY(refreshed.json().value(QLatin1String("impersonator")).isObject());
    QVERIFY(Jwt::decode(refreshed.json().value(QLatin1String("access_token")).toString().toLatin1())
                .claims.contains(QLatin1String("act")));

    // Nobody else is impersonated.
    const QJsonObject ada = signInAndExchange(seed::ada());
    QVERIFY(!ada.contains(QLatin1String("impersonator")));
    QVERIFY(!Jwt::decode(ada.value(QLatin1String("access_token")).toString().toLatin1())
                 .claims.contains(QLatin1String("act")));
}

void TestEmulatorAuthenticate::refreshTokenExpires()
{
    // Last: it moves the clock by a month.
    const QString token = signInAndExchange(seed::ada()).value(QLatin1String("refresh_token")).toString();
    QVERIFY(m_driver->advanceClock(30LL * 24 * 3600 + 1) > 0);
    const HttpResult result = m_driver->refresh(token);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                  QStringLiteral("Refresh token has expired.")));
}

QTEST_GUILESS_MAIN(TestEmulatorAuthenticate)
#include "tst_emulator_authenticate.moc"
