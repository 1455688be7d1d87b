// GET /user_management/authorize: client and redirect URI checks (error page, never a redirect),
// the parameter errors that go back to the app with error / error_description / state, and where
// a valid request lands on the hosted pages.

#include "EmulatorFixture.h"

#include "HtmlPage.h"
#include "HttpClient.h"
#include "SignInDriver.h"

#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

class TestEmulatorAuthorize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void pendingAttemptsAreCapped();

    void unknownClientShowsErrorPage_data();
    void unknownClientShowsErrorPage();
    void unregisteredRedirectUriShowsErrorPage_data();
    void unregisteredRedirectUriShowsErrorPage();
    void registeredRedirectUriIsAccepted_data();
    void registeredRedirectUriIsAccepted();
    void productionRefusesRedirectUri_data();
    void productionRefusesRedirectUri();
    void productionRefusalSpeaksThePageLanguage();
    void productionAcceptsLoopbackLiteralAndCustomScheme_data();
    void productionAcceptsLoopbackLiteralAndCustomScheme();
    void parameterErrorsRedirectBack_data();
    void parameterErrorsRedirectBack();
    void errorWithoutStateCarriesNoState();
    void stateSurvivesRoundTrip_data();
    void stateSurvivesRoundTrip();
    void signInPageHasContractElements();
    void screenHintSignUpShowsSignUpPage();
    void screenHintSignInShowsSignInPage();
    void providerGoesToConsentPage_data();
    void providerGoesToConsentPage();
    void loginHintPrefillsEmail();
    void loginHintIsEscaped();
    void organizationIdScopesTheSignIn();
    void organizationIdRejectsNonMember();

private:
    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
    std::unique_ptr<SignInDriver> m_driver;
};

void TestEmulatorAuthorize::initTestCase()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    m_driver = std::make_unique<SignInDriver>(m_http, m_emulator->baseUrl());
}

void TestEmulatorAuthorize::init()
{
    m_http.resetCookies();
    m_driver->renew();
    m_driver->setRedirectUri(QStringLiteral("http://127.0.0.1:53682/callback"));
}

void TestEmulatorAuthorize::unknownClientShowsErrorPage_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::newRow("unknown") << seed::unknownClient();
    QTest::newRow("malformed") << QStringLiteral("not-a-client");
    QTest::newRow("missing") << QString();
}

void TestEmulatorAuthorize::unknownClientShowsErrorPage()
{
    QFETCH(QString, clientId);
    QueryItems params = m_driver->authorizeParams();
    if (clientId.isNull())
        removeItem(params, QStringLiteral("client_id"));
    else
        setItem(params, QStringLiteral("client_id"), clientId);

    const HttpResult result = m_driver->authorize(params);
    QCOMPARE(result.status, 400);
    QVERIFY2(!result.hasHeader("Location"), result.describe());
    QVERIFY(result.header("Content-Type").startsWith("text/html"));
    QVERIFY(!result.header("X-Request-ID").isEmpty());
    const HtmlPage page(result.body);
    QCOMPARE(page.title(), QStringLiteral("Invalid client ID"));
    QCOMPARE(
        page.text(QStringLiteral("message")),
        QStringLiteral("The client_id \"%1\" is not a client of this environment.").arg(clientId));
}

void TestEmulatorAuthorize::unregisteredRedirectUriShowsErrorPage_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirectUri");
    const QString dev = seed::devClient();
    QTest::newRow("other host") << dev << QStringLiteral("https://evil.example/callback");
    QTest::newRow("other path") << dev << QStringLiteral("http://127.0.0.1:5000/other");
    QTest::newRow("trailing slash") << dev << QStringLiteral("http://127.0.0.1:5000/callback/");
    QTest::newRow("https loopback") << dev << QStringLiteral("https://127.0.0.1/callback");
    QTest::newRow("user info") << dev << QStringLiteral("http://me@127.0.0.1:5000/callback");
    QTest::newRow("other custom scheme") << dev << QStringLiteral("authkit-evil://callback");
    QTest::newRow("custom scheme other host") << dev << QStringLiteral("authkit-desktop://other");
    QTest::newRow("missing") << dev << QString();
    QTest::newRow("extra query") << dev
                                 << QStringLiteral("http://127.0.0.1:5000/callback?next=/admin");
    QTest::newRow("fragment") << dev << QStringLiteral("http://127.0.0.1:5000/callback#top");
    QTest::newRow("custom scheme with query")
        << dev << QStringLiteral("authkit-desktop://callback?x=1");
    // Allowed by production's rules, but not registered for the production client.
    QTest::newRow("IPv6 loopback for production")
        << seed::prodClient() << QStringLiteral("http://[::1]:5000/callback");
    QTest::newRow("https for production")
        << seed::prodClient() << QStringLiteral("https://app.example/callback");
}

void TestEmulatorAuthorize::unregisteredRedirectUriShowsErrorPage()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirectUri);
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("client_id"), clientId);
    if (redirectUri.isNull())
        removeItem(params, QStringLiteral("redirect_uri"));
    else
        setItem(params, QStringLiteral("redirect_uri"), redirectUri);
    // Even a request that is wrong in other ways must not redirect to an untrusted URI.
    removeItem(params, QStringLiteral("response_type"));

    const HttpResult result = m_driver->authorize(params);
    QCOMPARE(result.status, 400);
    QVERIFY2(!result.hasHeader("Location"), result.describe());
    QVERIFY(result.header("Content-Type").startsWith("text/html"));
    const HtmlPage page(result.body);
    QCOMPARE(page.title(), QStringLiteral("Invalid redirect URI"));
    QVERIFY2(page.text(QStringLiteral("message"))
                 .startsWith(
                     QStringLiteral("The redirect_uri \"%1\" is not registered").arg(redirectUri)),
             qPrintable(page.text(QStringLiteral("message"))));
}

void TestEmulatorAuthorize::registeredRedirectUriIsAccepted_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::newRow("loopback, no port") << QStringLiteral("http://127.0.0.1/callback");
    QTest::newRow("loopback, port 1") << QStringLiteral("http://127.0.0.1:1/callback");
    QTest::newRow("loopback, ephemeral port") << QStringLiteral("http://127.0.0.1:49731/callback");
    QTest::newRow("loopback, port 65535") << QStringLiteral("http://127.0.0.1:65535/callback");
    QTest::newRow("localhost, any port") << QStringLiteral("http://localhost:8080/callback");
    QTest::newRow("custom scheme") << QStringLiteral("authkit-desktop://callback");
}

// The production environment's rules (lib/emulator/README.md, "Environments"): refused with a
// page that says why, before the registration is even looked at, and never redirected to.
void TestEmulatorAuthorize::productionRefusesRedirectUri_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<QString>("why");
    QTest::newRow("localhost") << QStringLiteral("http://localhost:5000/callback")
                               << QStringLiteral("does not allow localhost");
    QTest::newRow("localhost, no port") << QStringLiteral("http://localhost/callback")
                                        << QStringLiteral("does not allow localhost");
    QTest::newRow("http host name")
        << QStringLiteral("http://app.example/callback") << QStringLiteral("must use https");
    QTest::newRow("another loopback address")
        << QStringLiteral("http://127.0.0.2/callback") << QStringLiteral("must use https");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)")
                                << QStringLiteral("cannot be a redirect URI");
    QTest::newRow("data") << QStringLiteral("data:text/html,hi")
                          << QStringLiteral("cannot be a redirect URI");
}

void TestEmulatorAuthorize::productionRefusesRedirectUri()
{
    QFETCH(QString, redirectUri);
    QFETCH(QString, why);
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("client_id"), seed::prodClient());
    setItem(params, QStringLiteral("redirect_uri"), redirectUri);
    const HttpResult result = m_driver->authorize(params);
    QCOMPARE(result.status, 400);
    QVERIFY2(!result.hasHeader("Location"), result.describe());
    const HtmlPage page(result.body);
    QCOMPARE(page.title(), QStringLiteral("Invalid redirect URI"));
    const QString message = page.text(QStringLiteral("message"));
    QVERIFY2(message.contains(QStringLiteral("not allowed in the production environment")),
             qPrintable(message));
    QVERIFY2(message.contains(why), qPrintable(message));

    // The development client takes the same localhost URI (it is registered there).
    if (redirectUri.startsWith(QLatin1String("http://localhost"))) {
        m_driver->setRedirectUri(redirectUri);
        QCOMPARE(m_driver->authorize().status, 302);
    }
}

// The refusal is said in the browser's language, the reason included (not only the frame).
void TestEmulatorAuthorize::productionRefusalSpeaksThePageLanguage()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("client_id"), seed::prodClient());
    setItem(params, QStringLiteral("redirect_uri"),
            QStringLiteral("http://localhost:5000/callback"));
    const HttpResult result = m_driver->authorize(
        params, {{QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("fr-FR,fr;q=0.9")}});
    QCOMPARE(result.status, 400);
    const HtmlPage page(result.body);
    const QString message = page.text(QStringLiteral("message"));
    QVERIFY2(message.contains(QStringLiteral("environnement de production")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("La production n’autorise pas localhost")),
             qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Production does not allow")), qPrintable(message));
}

void TestEmulatorAuthorize::productionAcceptsLoopbackLiteralAndCustomScheme_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::newRow("loopback literal, any port")
        << QStringLiteral("http://127.0.0.1:49731/callback");
    QTest::newRow("loopback literal, no port") << QStringLiteral("http://127.0.0.1/callback");
    QTest::newRow("custom scheme") << QStringLiteral("authkit-desktop://callback");
}

void TestEmulatorAuthorize::productionAcceptsLoopbackLiteralAndCustomScheme()
{
    QFETCH(QString, redirectUri);
    SignInDriver production(m_http, m_emulator->baseUrl(), seed::prodClient());
    production.setRedirectUri(redirectUri);
    const QString code = production.signInWithPassword(seed::ada());
    QVERIFY(!code.isEmpty());
    QCOMPARE(production.exchangeCode(code).status, 200);
}

void TestEmulatorAuthorize::registeredRedirectUriIsAccepted()
{
    QFETCH(QString, redirectUri);
    m_driver->setRedirectUri(redirectUri);
    const HttpResult result = m_driver->authorize();
    QCOMPARE(result.status, 302);
    const QUrl location = result.location();
    QCOMPARE(location.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(location.port(), int(m_emulator->port()));
    QCOMPARE(location.path(), QStringLiteral("/authkit/sign-in"));
    const QString attempt = result.locationQuery().value(QStringLiteral("attempt"));
    QVERIFY(attempt.size() >= 16);

    // The whole way through: the code comes back to exactly that URI.
    const HttpResult page = m_driver->follow(result);
    QCOMPARE(page.status, 200);
    const HttpResult callback = m_driver->submitPassword(attempt, seed::ada());
    QCOMPARE(callback.status, 302);
    QVERIFY2(callback.header("Location").startsWith(QByteArray(redirectUri.toUtf8() + "?code=")),
             callback.describe());
    QCOMPARE(callback.locationQuery().value(QStringLiteral("state")), m_driver->state());
}

void TestEmulatorAuthorize::parameterErrorsRedirectBack_data()
{
    QTest::addColumn<QStringList>("set");    // key=value
    QTest::addColumn<QStringList>("remove"); // keys
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    const QString invalidRequest = QStringLiteral("invalid_request");
    QTest::newRow("response_type missing")
        << QStringList() << QStringList{QStringLiteral("response_type")} << invalidRequest
        << QStringLiteral("response_type must be code.");
    QTest::newRow("response_type token")
        << QStringList{QStringLiteral("response_type=token")} << QStringList() << invalidRequest
        << QStringLiteral("response_type must be code.");
    QTest::newRow("no provider, connection or organization")
        << QStringList() << QStringList{QStringLiteral("provider")} << invalidRequest
        << QStringLiteral("One of provider, connection_id or organization_id is required.");
    QTest::newRow("unsupported provider")
        << QStringList{QStringLiteral("provider=FacebookOAuth")} << QStringList() << invalidRequest
        << QStringLiteral("The provider \"FacebookOAuth\" is not supported.");
    QTest::newRow("connection_id")
        << QStringList{QStringLiteral("connection_id=conn_01J000000000000000000000")}
        << QStringList() << QStringLiteral("connection_invalid")
        << QStringLiteral("No SSO connections exist in this emulator.");
    QTest::newRow("code_challenge missing")
        << QStringList() << QStringList{QStringLiteral("code_challenge")} << invalidRequest
        << QStringLiteral("code_challenge is required: public clients must use PKCE.");
    QTest::newRow("code_challenge_method plain")
        << QStringList{QStringLiteral("code_challenge_method=plain")} << QStringList()
        << invalidRequest << QStringLiteral("code_challenge_method must be S256.");
    QTest::newRow("code_challenge_method missing")
        << QStringList() << QStringList{QStringLiteral("code_challenge_method")} << invalidRequest
        << QStringLiteral("code_challenge_method must be S256.");
    QTest::newRow("code_challenge not a SHA-256")
        << QStringList{QStringLiteral("code_challenge=tooshort")} << QStringList() << invalidRequest
        << QStringLiteral("code_challenge must be the base64url SHA-256 of the verifier.");
    QTest::newRow("screen_hint without authkit")
        << QStringList{QStringLiteral("provider=GoogleOAuth"),
                       QStringLiteral("screen_hint=sign-up")}
        << QStringList() << invalidRequest
        << QStringLiteral("screen_hint is only valid with provider=authkit.");
    QTest::newRow("screen_hint unknown")
        << QStringList{QStringLiteral("screen_hint=register")} << QStringList() << invalidRequest
        << QStringLiteral("screen_hint must be sign-in or sign-up.");
    QTest::newRow("unknown organization_id")
        << QStringList{QStringLiteral("organization_id=") + seed::unknownOrg()} << QStringList()
        << QStringLiteral("organization_invalid")
        << QStringLiteral("Organization %1 does not exist.").arg(seed::unknownOrg());
    QTest::newRow("unknown invitation_token")
        << QStringList{QStringLiteral("invitation_token=inv_NOSUCHTHING")} << QStringList()
        << QStringLiteral("invitation_invalid")
        << QStringLiteral("The invitation is invalid or was already accepted.");
}

void TestEmulatorAuthorize::parameterErrorsRedirectBack()
{
    QFETCH(QStringList, set);
    QFETCH(QStringList, remove);
    QFETCH(QString, error);
    QFETCH(QString, description);

    QueryItems params = m_driver->authorizeParams();
    for (const QString &item : std::as_const(set))
        setItem(params, item.section(QLatin1Char('='), 0, 0), item.section(QLatin1Char('='), 1));
    for (const QString &key : std::as_const(remove))
        removeItem(params, key);

    const HttpResult result = m_driver->authorize(params);
    QCOMPARE(result.status, 302);
    QVERIFY2(m_driver->isCallback(result), result.describe());
    const auto query = result.locationQuery();
    QCOMPARE(query.value(QStringLiteral("error")), error);
    QCOMPARE(query.value(QStringLiteral("error_description")), description);
    QCOMPARE(query.value(QStringLiteral("state")), m_driver->state());
    QCOMPARE(query.size(), 3); // no code
    QVERIFY(!result.header("X-Request-ID").isEmpty());
    QVERIFY(!result.header("Set-Cookie").contains("authkit_emulator_session"));
}

void TestEmulatorAuthorize::errorWithoutStateCarriesNoState()
{
    QueryItems params = m_driver->authorizeParams();
    removeItem(params, QStringLiteral("state"));
    removeItem(params, QStringLiteral("code_challenge"));
    const HttpResult result = m_driver->authorize(params);
    QCOMPARE(result.status, 302);
    const auto query = result.locationQuery();
    QCOMPARE(query.value(QStringLiteral("error")), QStringLiteral("invalid_request"));
    QVERIFY(!query.contains(QStringLiteral("state")));

    // An empty state is still a state: it is echoed, empty.
    setItem(params, QStringLiteral("state"), QString());
    const HttpResult empty = m_driver->authorize(params);
    QVERIFY2(empty.header("Location").endsWith("&state="), empty.describe());
}

void TestEmulatorAuthorize::stateSurvivesRoundTrip_data()
{
    QTest::addColumn<QString>("state");
    QTest::newRow("spaces") << QStringLiteral("a state with spaces");
    QTest::newRow("plus") << QStringLiteral("a+b+c");
    QTest::newRow("ampersand and equals") << QStringLiteral("x&code=forged&y=1");
    QTest::newRow("json") << QStringLiteral("{\"returnTo\":\"/a?b=1&c=2\",\"n\":\"+/=\"}");
    QTest::newRow("percent") << QStringLiteral("100%25 sure %41");
    QTest::newRow("non-ascii") << QStringLiteral("Grüße ✓ 東京");
}

void TestEmulatorAuthorize::stateSurvivesRoundTrip()
{
    QFETCH(QString, state);
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("state"), state);

    // Error path.
    QueryItems failing = params;
    setItem(failing, QStringLiteral("code_challenge_method"), QStringLiteral("plain"));
    const HttpResult error = m_driver->authorize(failing);
    QCOMPARE(error.status, 302);
    QCOMPARE(error.locationQuery().value(QStringLiteral("state")), state);
    // A '+' in the value must be %2B on the wire, or URLSearchParams reads a space.
    QVERIFY2(!error.location().query(QUrl::FullyEncoded).contains(QLatin1Char('+')),
             error.describe());

    // Success path, through the hosted sign-in.
    const HttpResult toPage = m_driver->authorize(params);
    QCOMPARE(toPage.status, 302);
    const HttpResult callback =
        m_driver->submitPassword(SignInDriver::attemptOf(toPage), seed::ada());
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
    const auto query = callback.locationQuery();
    QCOMPARE(query.value(QStringLiteral("state")), state);
    QVERIFY(!query.value(QStringLiteral("code")).isEmpty());
    QCOMPARE(query.size(), 2);
}

void TestEmulatorAuthorize::signInPageHasContractElements()
{
    const HttpResult redirect = m_driver->authorize();
    QCOMPARE(redirect.status, 302);
    const HttpResult result = m_driver->follow(redirect);
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("text/html"));
    const HtmlPage page(result.body);
    const QStringList ids{QStringLiteral("sign-in-form"),      QStringLiteral("email"),
                          QStringLiteral("password"),          QStringLiteral("sign-in-submit"),
                          QStringLiteral("email-code-form"),   QStringLiteral("code-email"),
                          QStringLiteral("email-code-submit"), QStringLiteral("continue-google"),
                          QStringLiteral("continue-github"),   QStringLiteral("continue-microsoft"),
                          QStringLiteral("sign-up-link"),      QStringLiteral("error")};
    for (const QString &id : ids)
        QVERIFY2(page.hasElement(id), qPrintable(id));
    QCOMPARE(page.attribute(QStringLiteral("sign-in-form"), QStringLiteral("action")),
             QStringLiteral("/authkit/sign-in"));
    QCOMPARE(page.attribute(QStringLiteral("email-code-form"), QStringLiteral("action")),
             QStringLiteral("/authkit/email-code"));
    QCOMPARE(page.attribute(QStringLiteral("password"), QStringLiteral("name")),
             QStringLiteral("password"));
    QCOMPARE(page.inputValue(QStringLiteral("attempt")), SignInDriver::attemptOf(redirect));
    QCOMPARE(page.attribute(QStringLiteral("continue-google"), QStringLiteral("href")),
             QStringLiteral("/authkit/oauth/google?attempt=") + SignInDriver::attemptOf(redirect));
    QCOMPARE(page.shownError(), QString());
    QCOMPARE(page.attribute(QStringLiteral("email"), QStringLiteral("value")), QStringLiteral(""));
}

void TestEmulatorAuthorize::screenHintSignUpShowsSignUpPage()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("screen_hint"), QStringLiteral("sign-up"));
    const HttpResult redirect = m_driver->authorize(params);
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.location().path(), QStringLiteral("/authkit/sign-up"));
    const HttpResult result = m_driver->follow(redirect);
    QCOMPARE(result.status, 200);
    const HtmlPage page(result.body);
    for (const char *id : {"sign-up-form", "first-name", "last-name", "email", "password",
                           "sign-up-submit", "sign-in-link"})
        QVERIFY2(page.hasElement(QLatin1String(id)), id);
    QVERIFY(!page.hasElement(QStringLiteral("sign-in-form")));
}

void TestEmulatorAuthorize::screenHintSignInShowsSignInPage()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("screen_hint"), QStringLiteral("sign-in"));
    const HttpResult redirect = m_driver->authorize(params);
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.location().path(), QStringLiteral("/authkit/sign-in"));
}

void TestEmulatorAuthorize::providerGoesToConsentPage_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("displayName");
    QTest::newRow("google") << QStringLiteral("GoogleOAuth") << QStringLiteral("google")
                            << QStringLiteral("Google");
    QTest::newRow("github") << QStringLiteral("GitHubOAuth") << QStringLiteral("github")
                            << QStringLiteral("GitHub");
    QTest::newRow("microsoft") << QStringLiteral("MicrosoftOAuth") << QStringLiteral("microsoft")
                               << QStringLiteral("Microsoft");
}

void TestEmulatorAuthorize::providerGoesToConsentPage()
{
    QFETCH(QString, provider);
    QFETCH(QString, slug);
    QFETCH(QString, displayName);
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("provider"), provider);
    const HttpResult redirect = m_driver->authorize(params);
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.location().path(), QStringLiteral("/authkit/oauth/") + slug);
    const HttpResult result = m_driver->follow(redirect);
    QCOMPARE(result.status, 200);
    const HtmlPage page(result.body);
    QCOMPARE(page.attribute(QStringLiteral("oauth-consent-form"), QStringLiteral("action")),
             QStringLiteral("/authkit/oauth/") + slug);
    QCOMPARE(page.attribute(QStringLiteral("oauth-allow"), QStringLiteral("value")),
             QStringLiteral("allow"));
    QCOMPARE(page.attribute(QStringLiteral("oauth-deny"), QStringLiteral("value")),
             QStringLiteral("deny"));
    QVERIFY(page.hasElement(QStringLiteral("email")));
    QCOMPARE(page.title(), QStringLiteral("Sign in with ") + displayName);
}

void TestEmulatorAuthorize::loginHintPrefillsEmail()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("login_hint"), seed::grace());
    const HttpResult page = m_driver->follow(m_driver->authorize(params));
    QCOMPARE(page.status, 200);
    QCOMPARE(HtmlPage(page.body).attribute(QStringLiteral("email"), QStringLiteral("value")),
             seed::grace());

    // The hint reaches the provider's consent page and the sign-up page too.
    setItem(params, QStringLiteral("provider"), QStringLiteral("GitHubOAuth"));
    const HttpResult consent = m_driver->follow(m_driver->authorize(params));
    QCOMPARE(HtmlPage(consent.body).attribute(QStringLiteral("email"), QStringLiteral("value")),
             seed::grace());
    setItem(params, QStringLiteral("provider"), QStringLiteral("authkit"));
    setItem(params, QStringLiteral("screen_hint"), QStringLiteral("sign-up"));
    const HttpResult signUp = m_driver->follow(m_driver->authorize(params));
    QCOMPARE(HtmlPage(signUp.body).attribute(QStringLiteral("email"), QStringLiteral("value")),
             seed::grace());
}

void TestEmulatorAuthorize::loginHintIsEscaped()
{
    const QString hint = QStringLiteral("\"><script>alert('x')</script>&amp;");
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("login_hint"), hint);
    const HttpResult page = m_driver->follow(m_driver->authorize(params));
    QCOMPARE(page.status, 200);
    QVERIFY(!page.body.contains("<script>"));
    QCOMPARE(HtmlPage(page.body).attribute(QStringLiteral("email"), QStringLiteral("value")), hint);
}

void TestEmulatorAuthorize::organizationIdScopesTheSignIn()
{
    // organization_id alone is enough (no provider), and it skips the organization picker.
    QueryItems params = m_driver->authorizeParams();
    removeItem(params, QStringLiteral("provider"));
    setItem(params, QStringLiteral("organization_id"), seed::harvard());
    const HttpResult redirect = m_driver->authorize(params);
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.location().path(), QStringLiteral("/authkit/sign-in"));
    const HttpResult callback =
        m_driver->submitPassword(SignInDriver::attemptOf(redirect), seed::grace());
    const QString code = m_driver->codeOf(callback);
    QVERIFY2(!code.isEmpty(), callback.describe());
    const HttpResult tokens = m_driver->exchangeCode(code);
    QCOMPARE(tokens.status, 200);
    QCOMPARE(tokens.json().value(QLatin1String("organization_id")).toString(), seed::harvard());
}

void TestEmulatorAuthorize::organizationIdRejectsNonMember()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("organization_id"), seed::engines());
    const HttpResult redirect = m_driver->authorize(params);
    const HttpResult callback =
        m_driver->submitPassword(SignInDriver::attemptOf(redirect), seed::ada());
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
    const auto query = callback.locationQuery();
    QCOMPARE(query.value(QStringLiteral("error")), QStringLiteral("organization_invalid"));
    QCOMPARE(query.value(QStringLiteral("error_description")),
             QStringLiteral("The user is not a member of the organization."));
    QCOMPARE(query.value(QStringLiteral("state")), m_driver->state());
}

void TestEmulatorAuthorize::pendingAttemptsAreCapped()
{
    EmulatorOptions options;
    options.maxLoginAttempts = 3;
    const auto emulator = startEmulator(options);
    QVERIFY(emulator);
    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl());
    QStringList attempts;
    for (int i = 0; i < 5; ++i)
        attempts.append(SignInDriver::attemptOf(driver.authorize()));
    QCOMPARE(http.get(driver.url(QStringLiteral("/_emulator/stats")))
                 .json()
                 .value(QLatin1String("login_attempts"))
                 .toInt(),
             3);
    // The two oldest were evicted; the three newest still sign in.
    for (int i = 0; i < 5; ++i) {
        const HttpResult page = http.get(driver.url(QStringLiteral("/authkit/sign-in"),
                                                    {{QStringLiteral("attempt"), attempts.at(i)}}));
        QCOMPARE(page.status, i < 2 ? 400 : 200);
    }
    QVERIFY(driver.isCallback(driver.submitPassword(attempts.at(4), seed::ada())));
}

QTEST_GUILESS_MAIN(TestEmulatorAuthorize)
#include "tst_emulator_authorize.moc"
