// GET /user_management/sessions/logout: it ends the session and the hosted browser session,
// clears the cookie and redirects only to an allowed return_to (docs/workos-authkit.md#logout).

#include "EmulatorFixture.h"

#include "HtmlPage.h"
#include "HttpClient.h"
#include "Jwt.h"
#include "SignInDriver.h"
#include "WorkOsEnvelopes.h"

#include <QJsonArray>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

class TestEmulatorLogout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void logoutEndsEverything();
    void logoutWithoutCookieStillEndsBrowserSession();
    void allowedReturnTo_data();
    void allowedReturnTo();
    void disallowedReturnTo_data();
    void disallowedReturnTo();
    void allowlistIsPerClient();
    void withoutReturnToGoesToSignedOutPage();
    void missingSessionId();
    void unknownSessionIsIgnored();

private:
    struct SignedIn
    {
        QString sessionId;
        QString refreshToken;
        QString cookie;
    };
    SignedIn signIn(SignInDriver &driver, const QString &email = seed::ada());
    HttpResult logout(const QueryItems &params, const HeaderList &headers = {});
    QString sessionStatus(const QString &sessionId);

    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
    std::unique_ptr<SignInDriver> m_driver;
};

void TestEmulatorLogout::initTestCase()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    m_driver = std::make_unique<SignInDriver>(m_http, m_emulator->baseUrl());
}

void TestEmulatorLogout::init()
{
    m_http.resetCookies();
    m_driver->renew();
}

TestEmulatorLogout::SignedIn TestEmulatorLogout::signIn(SignInDriver &driver, const QString &email)
{
    driver.http().resetCookies();
    driver.renew();
    const QJsonObject body = driver.signInAndExchange(email);
    SignedIn result;
    result.sessionId = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1())
                           .claims.value(QLatin1String("sid")).toString();
    result.refreshToken = body.value(QLatin1String("refresh_token")).toString();
    result.cookie = driver.http().cookie(driver.baseUrl(), QStringLiteral("authkit_emulator_session"));
    return result;
}

HttpResult TestEmulatorLogout::logout(const QueryItems &params, const HeaderList &headers)
{
    return m_http.get(m_driver->url(QStringLiteral("/user_management/sessions/logout"), params), headers);
}

QString TestEmulatorLogout::sessionStatus(const QString &sessionId)
{
    const HttpResult sessions = m_http.get(m_driver->url(QStringLiteral("/_emulator/sessions")));
    for (const QJsonValue &value : sessions.json().value(QLatin1String("data")).toArray()) {
        if (value.toObject().value(QLatin1String("id")).toString() == sessionId)
            return value.toObject().value(QLatin1String("status")).toString();
    }
    return {};
}

void TestEmulatorLogout::logoutEndsEverything()
{
    const SignedIn session = signIn(*m_driver);
    QVERIFY(!session.sessionId.isEmpty());
    QVERIFY(!session.cookie.isEmpty());
    // Before: the browser session makes sign-in silent.
    m_driver->renew();
    QVERIFY(m_driver->isCallback(m_driver->authorize()));
    QCOMPARE(sessionStatus(session.sessionId), QStringLiteral("active"));

    const QString returnTo = QStringLiteral("http://127.0.0.1:43210/signed-out?from=logout");
    const HttpResult result = logout({{QStringLiteral("session_id"), session.sessionId},
                                      {QStringLiteral("return_to"), returnTo}});
    QCOMPARE(result.status, 302);
    QCOMPARE(QString::fromUtf8(result.header("Location")), returnTo);
    QCOMPARE(result.header("Set-Cookie"),
             QByteArray("authkit_emulator_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"));
    QVERIFY(!result.header("X-Request-ID").isEmpty());
    QVERIFY(m_http.cookie(m_emulator->baseUrl(), QStringLiteral("authkit_emulator_session")).isEmpty());

    QCOMPARE(sessionStatus(session.sessionId), QStringLiteral("revoked"));
    const HttpResult refresh = m_driver->refresh(session.refreshToken);
    QCOMPARE(refresh.status, 400);
    QCOMPARE(refresh.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"),
                                                   QStringLiteral("Session has ended.")));

    // The next sign-in shows the page, even to a browser that kept the old cookie.
    m_driver->renew();
    const HttpResult next = m_driver->authorize();
    QCOMPARE(next.status, 302);
    QCOMPARE(next.location().path(), QStringLiteral("/authkit/sign-in"));
    m_http.resetCookies();
    const HttpResult withOldCookie = m_http.get(
        m_driver->url(QStringLiteral("/user_management/authorize"), m_driver->authorizeParams()),
        {{"Cookie", "authkit_emulator_session=" + session.cookie.toLatin1()}});
    QCOMPARE(withOldCookie.location().path(), QStringLiteral("/authkit/sign-in"));
}

void TestEmulatorLogout::logoutWithoutCookieStillEndsBrowserSession()
{
    // The app ends the session from somewhere else than the browser that signed in.
    HttpClient browser;
    SignInDriver browserDriver(browser, m_emulator->baseUrl());
    const SignedIn session = signIn(browserDriver);
    const HttpResult result = logout({{QStringLiteral("session_id"), session.sessionId}});
    QCOMPARE(result.status, 302);
    browserDriver.renew();
    const HttpResult next = browserDriver.authorize();
    QCOMPARE(next.status, 302);
    QCOMPARE(next.location().path(), QStringLiteral("/authkit/sign-in"));
}

void TestEmulatorLogout::allowedReturnTo_data()
{
    QTest::addColumn<QString>("returnTo");
    QTest::newRow("loopback root, any port") << QStringLiteral("http://127.0.0.1:5173/");
    QTest::newRow("loopback, a path") << QStringLiteral("http://127.0.0.1:9/after/logout");
    QTest::newRow("loopback, no port") << QStringLiteral("http://127.0.0.1/");
    QTest::newRow("localhost, any port") << QStringLiteral("http://localhost:3000/bye");
    QTest::newRow("custom scheme") << QStringLiteral("authkit-desktop://signed-out");
}

void TestEmulatorLogout::allowedReturnTo()
{
    QFETCH(QString, returnTo);
    const SignedIn session = signIn(*m_driver);
    const HttpResult result = logout({{QStringLiteral("session_id"), session.sessionId},
                                      {QStringLiteral("return_to"), returnTo}});
    QCOMPARE(result.status, 302);
    QCOMPARE(result.location(), QUrl(returnTo));
    QCOMPARE(sessionStatus(session.sessionId), QStringLiteral("revoked"));
}

void TestEmulatorLogout::disallowedReturnTo_data()
{
    QTest::addColumn<QString>("returnTo");
    QTest::newRow("other host") << QStringLiteral("https://evil.example/");
    QTest::newRow("look-alike host") << QStringLiteral("http://127.0.0.1.evil.example/");
    QTest::newRow("https loopback") << QStringLiteral("https://127.0.0.1/");
    QTest::newRow("user info") << QStringLiteral("http://attacker@127.0.0.1:80/");
    QTest::newRow("custom scheme, other host") << QStringLiteral("authkit-desktop://callback");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
    QTest::newRow("relative") << QStringLiteral("/authkit/signed-out");
}

void TestEmulatorLogout::disallowedReturnTo()
{
    QFETCH(QString, returnTo);
    const SignedIn session = signIn(*m_driver);
    const HttpResult result = logout({{QStringLiteral("session_id"), session.sessionId},
                                      {QStringLiteral("return_to"), returnTo}});
    QCOMPARE(result.status, 422);
    QVERIFY(!result.hasHeader("Location"));
    QVERIFY(!result.hasHeader("Set-Cookie"));
    QCOMPARE(result.compactJson(),
             messageBody(QStringLiteral("return_to \"%1\" is not an allowed sign-out redirect.").arg(returnTo)));
    // Nothing ended.
    QCOMPARE(sessionStatus(session.sessionId), QStringLiteral("active"));
    QCOMPARE(m_driver->refresh(session.refreshToken).status, 200);
    m_driver->renew();
    QVERIFY(m_driver->isCallback(m_driver->authorize()));
}

void TestEmulatorLogout::allowlistIsPerClient()
{
    // The production client allows 127.0.0.1 but not localhost.
    HttpClient browser;
    SignInDriver production(browser, m_emulator->baseUrl(), seed::prodClient());
    const SignedIn session = signIn(production);
    QVERIFY(!session.sessionId.isEmpty());
    const HttpResult localhost = logout({{QStringLiteral("session_id"), session.sessionId},
                                         {QStringLiteral("return_to"), QStringLiteral("http://localhost:3000/")}});
    QCOMPARE(localhost.status, 422);
    const HttpResult loopback = logout({{QStringLiteral("session_id"), session.sessionId},
                                        {QStringLiteral("return_to"), QStringLiteral("http://127.0.0.1:3000/")}});
    QCOMPARE(loopback.status, 302);
}

void TestEmulatorLogout::withoutReturnToGoesToSignedOutPage()
{
    const SignedIn session = signIn(*m_driver);
    const HttpResult result = logout({{QStringLiteral("session_id"), session.sessionId}});
    QCOMPARE(result.status, 302);
    QUrl expected = m_emulator->baseUrl();
    expected.setPath(QStringLiteral("/authkit/signed-out"));
    QCOMPARE(result.location(), expected);
    QVERIFY(result.header("Set-Cookie").contains("Max-Age=0"));
    const HttpResult page = m_driver->follow(result);
    QCOMPARE(page.status, 200);
    QCOMPARE(HtmlPage(page.body).title(), QStringLiteral("You have signed out"));
    QCOMPARE(sessionStatus(session.sessionId), QStringLiteral("revoked"));
}

void TestEmulatorLogout::missingSessionId()
{
    const HttpResult result = logout({{QStringLiteral("return_to"), QStringLiteral("http://127.0.0.1:1/")}});
    QCOMPARE(result.status, 422);
    QCOMPARE(result.compactJson(), messageBody(QStringLiteral("session_id is required.")));
    const HttpResult empty = logout({{QStringLiteral("session_id"), QString()}});
    QCOMPARE(empty.status, 422);
}

void TestEmulatorLogout::unknownSessionIsIgnored()
{
    const HttpResult result = logout({{QStringLiteral("session_id"), QStringLiteral("session_01J0000000000000000000NOPE")},
                                      {QStringLiteral("return_to"), QStringLiteral("http://127.0.0.1:8080/")}});
    QCOMPARE(result.status, 302);
    QCOMPARE(result.location(), QUrl(QStringLiteral("http://127.0.0.1:8080/")));
    // Still only allowed targets, even for an unknown session.
    const HttpResult evil = logout({{QStringLiteral("session_id"), QStringLiteral("session_01J0000000000000000000NOPE")},
                                    {QStringLiteral("return_to"), QStringLiteral("https://evil.example/")}});
    QCOMPARE(evil.status, 422);
}

QTEST_GUILESS_MAIN(TestEmulatorLogout)
#include "tst_emulator_logout.moc"
