// The hosted AuthKit pages under /authkit/: password, sign-up, e-mail code, the simulated
// identity providers, TOTP, the organization picker, the remembered browser session, expired
// attempts and invitations. Each path ends with the code exchanged, so the result is checked in
// the authenticate response and not only on the page.

#include "EmulatorFixture.h"

#include "HtmlPage.h"
#include "HttpClient.h"
#include "Jwt.h"
#include "Rfc6238.h"
#include "SignInDriver.h"

#include <QSignalSpy>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

class TestEmulatorHostedPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void passwordSignIn();
    void wrongPasswordShowsError_data();
    void wrongPasswordShowsError();
    void signUpCreatesUser();
    void signUpErrors_data();
    void signUpErrors();
    void emailCodeSignIn();
    void emailCodeForNewAddressCreatesUser();
    void emailCodeWrongCode();
    void emailCodeExpires();
    void emailCodeTooManyAttempts();
    void emailCodeInvalidAddress();
    void providerConsentAllow_data();
    void providerConsentAllow();
    void providerConsentFromSignInPageLink();
    void providerConsentDeny();
    void providerConsentNewUser();
    void providerConsentInvalidEmail();
    void unknownProviderPage();
    void totpSecondFactor();
    void mfaPageNeedsFirstFactor();
    void mfaCannotBeSkippedThroughOrganizationPicker();
    void organizationPicker();
    void organizationPickerRejectsForeignOrganization();
    void rememberedBrowserSession();
    void rememberedBrowserSessionKeepsOrganization();
    void promptLoginIgnoresBrowserSession();
    void unknownAttempt_data();
    void unknownAttempt();
    void expiredAttempt();
    void finishedAttemptCannotBeReused();
    void invitationSignUpJoinsOrganization();
    void stylesheetAndSignedOutPage();
    void everyFormCarriesCsrfToken();
    void postWithoutCsrfTokenIsRefused_data();
    void postWithoutCsrfTokenIsRefused();
    void totpLocksAfterFiveWrongCodes();
    void pagesSpeakTheBrowsersLanguage_data();
    void pagesSpeakTheBrowsersLanguage();
    void errorPagesSpeakTheBrowsersLanguage();

private:
    // authorize with params, then the hosted page it redirects to.
    HttpResult openPage(const QueryItems &params);
    HttpResult openPage() { return openPage(m_driver->authorizeParams()); }
    HttpResult postPage(const QString &path, const QueryItems &fields);
    // Exchanges the code of a callback; the authenticate body (empty on failure).
    QJsonObject exchange(const HttpResult &callback);
    HttpResult sendEmailCode(const QString &attempt, const QString &email);

    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
    std::unique_ptr<SignInDriver> m_driver;
};

void TestEmulatorHostedPages::initTestCase()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    m_driver = std::make_unique<SignInDriver>(m_http, m_emulator->baseUrl());
}

void TestEmulatorHostedPages::init()
{
    m_http.resetCookies();
    m_driver->renew();
}

HttpResult TestEmulatorHostedPages::openPage(const QueryItems &params)
{
    const HttpResult redirect = m_driver->authorize(params);
    if (redirect.status != 302)
        return redirect;
    return m_driver->follow(redirect);
}

HttpResult TestEmulatorHostedPages::postPage(const QString &path, const QueryItems &fields)
{
    // As the page's own form does: with the attempt's CSRF token.
    QueryItems all = fields;
    for (const auto &[key, value] : fields) {
        if (key == QLatin1String("attempt")) {
            all.append({QStringLiteral("csrf_token"), m_driver->csrfToken(value)});
            break;
        }
    }
    return m_http.postForm(m_driver->url(path), all);
}

QJsonObject TestEmulatorHostedPages::exchange(const HttpResult &callback)
{
    const QString code = m_driver->codeOf(callback);
    if (code.isEmpty()) {
        qWarning().noquote() << "not a callback with a code:" << callback.describe();
        return {};
    }
    const HttpResult result = m_driver->exchangeCode(code);
    if (result.status != 200)
        qWarning().noquote() << "authenticate failed:" << result.describe();
    return result.status == 200 ? result.json() : QJsonObject();
}

HttpResult TestEmulatorHostedPages::sendEmailCode(const QString &attempt, const QString &email)
{
    return postPage(QStringLiteral("/authkit/email-code"),
                    {{QStringLiteral("attempt"), attempt}, {QStringLiteral("email"), email}});
}

void TestEmulatorHostedPages::passwordSignIn()
{
    const HttpResult page = openPage();
    QCOMPARE(page.status, 200);
    const QString attempt = SignInDriver::attemptOf(page);
    QVERIFY(!attempt.isEmpty());

    const HttpResult callback = m_driver->submitPassword(attempt, seed::ada());
    QCOMPARE(callback.status, 302);
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
    QCOMPARE(callback.locationQuery().value(QStringLiteral("state")), m_driver->state());
    // The hosted session cookie, as AuthKit sets it.
    const QByteArray cookie = callback.header("Set-Cookie");
    QVERIFY2(cookie.startsWith("authkit_emulator_session="), cookie);
    QVERIFY2(cookie.contains("; Path=/") && cookie.contains("; HttpOnly")
                 && cookie.contains("; SameSite=Lax"),
             cookie);
    QVERIFY(!cookie.contains("Max-Age"));
    QVERIFY(!m_http.cookie(m_emulator->baseUrl(), QStringLiteral("authkit_emulator_session")).isEmpty());

    const QJsonObject body = exchange(callback);
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::adaId());
}

void TestEmulatorHostedPages::wrongPasswordShowsError_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << seed::ada() << QStringLiteral("Password");
    QTest::newRow("empty password") << seed::ada() << QString();
    QTest::newRow("unknown user") << QStringLiteral("nobody@example.com") << QStringLiteral("password");
}

void TestEmulatorHostedPages::wrongPasswordShowsError()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult result = m_driver->submitPassword(attempt, email, password);
    QCOMPARE(result.status, 400);
    QVERIFY(!result.hasHeader("Location"));
    QVERIFY(!result.hasHeader("Set-Cookie"));
    const HtmlPage page(result.body);
    QCOMPARE(page.shownError(), QStringLiteral("Incorrect email or password."));
    QVERIFY(page.hasElement(QStringLiteral("sign-in-form")));
    QCOMPARE(page.attribute(QStringLiteral("email"), QStringLiteral("value")), email);
    QCOMPARE(page.inputValue(QStringLiteral("attempt")), attempt);

    // The attempt survives a mistake.
    const HttpResult retry = m_driver->submitPassword(attempt, seed::ada());
    QVERIFY2(m_driver->isCallback(retry), retry.describe());
}

void TestEmulatorHostedPages::signUpCreatesUser()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("screen_hint"), QStringLiteral("sign-up"));
    const HttpResult page = openPage(params);
    QCOMPARE(page.status, 200);
    const HttpResult callback = postPage(QStringLiteral("/authkit/sign-up"),
                                         {{QStringLiteral("attempt"), SignInDriver::attemptOf(page)},
                                          {QStringLiteral("first_name"), QStringLiteral("Mary")},
                                          {QStringLiteral("last_name"), QStringLiteral("Jackson")},
                                          {QStringLiteral("email"), QStringLiteral(" Mary.Jackson@Example.com ")},
                                          {QStringLiteral("password"), QStringLiteral("wind-tunnel")}});
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
    const QJsonObject body = exchange(callback);
    const QJsonObject user = body.value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("mary.jackson@example.com"));
    QCOMPARE(user.value(QLatin1String("first_name")).toString(), QStringLiteral("Mary"));
    QCOMPARE(user.value(QLatin1String("last_name")).toString(), QStringLiteral("Jackson"));
    QVERIFY(user.value(QLatin1String("id")).toString().startsWith(QLatin1String("user_")));
    QCOMPARE(user.value(QLatin1String("id")).toString().size(), 5 + 26);
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));
    QVERIFY(!body.contains(QLatin1String("organization_id")));

    // The account exists from now on: a new browser signs in with it.
    m_http.resetCookies();
    m_driver->renew();
    const QString code = m_driver->signInWithPassword(QStringLiteral("mary.jackson@example.com"));
    QVERIFY(code.isEmpty()); // the seed password is not hers
    m_driver->renew();
    const HttpResult again = m_driver->submitPassword(SignInDriver::attemptOf(openPage()),
                                                      QStringLiteral("mary.jackson@example.com"),
                                                      QStringLiteral("wind-tunnel"));
    QCOMPARE(exchange(again).value(QLatin1String("user")).toObject().value(QLatin1String("id")),
             user.value(QLatin1String("id")));
}

void TestEmulatorHostedPages::signUpErrors_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error");
    QTest::newRow("duplicate e-mail") << QStringLiteral("ADA@example.com") << QStringLiteral("long-enough")
                                      << QStringLiteral("An account with this email already exists. Sign in instead.");
    QTest::newRow("short password") << QStringLiteral("someone.new@example.com") << QStringLiteral("1234567")
                                    << QStringLiteral("Choose a password of at least 8 characters.");
    QTest::newRow("not an e-mail") << QStringLiteral("someone") << QStringLiteral("long-enough")
                                   << QStringLiteral("Enter a valid email address.");
}

void TestEmulatorHostedPages::signUpErrors()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, error);
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("screen_hint"), QStringLiteral("sign-up"));
    const QString attempt = SignInDriver::attemptOf(openPage(params));
    const HttpResult result = postPage(QStringLiteral("/authkit/sign-up"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("first_name"), QStringLiteral("Dorothy")},
                                        {QStringLiteral("last_name"), QStringLiteral("Vaughan")},
                                        {QStringLiteral("email"), email},
                                        {QStringLiteral("password"), password}});
    QCOMPARE(result.status, 400);
    QVERIFY(!result.hasHeader("Location"));
    const HtmlPage page(result.body);
    QCOMPARE(page.shownError(), error);
    QVERIFY(page.hasElement(QStringLiteral("sign-up-form")));
    QCOMPARE(page.attribute(QStringLiteral("first-name"), QStringLiteral("value")), QStringLiteral("Dorothy"));
    QCOMPARE(page.attribute(QStringLiteral("last-name"), QStringLiteral("value")), QStringLiteral("Vaughan"));
    QCOMPARE(page.inputValue(QStringLiteral("attempt")), attempt);
}

void TestEmulatorHostedPages::emailCodeSignIn()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult redirect = sendEmailCode(attempt, QStringLiteral("Ada@Example.com"));
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.location().path(), QStringLiteral("/authkit/email-code"));
    QCOMPARE(redirect.locationQuery().value(QStringLiteral("attempt")), attempt);

    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().at(0).toString(), seed::ada());
    const QString code = sent.first().at(1).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(code).hasMatch(), qPrintable(code));

    // The dev inbox has it too, newest first.
    const HttpResult inbox = m_http.get(m_driver->url(QStringLiteral("/_emulator/inbox.json")));
    QCOMPARE(inbox.status, 200);
    const QJsonObject newest = inbox.json().value(QLatin1String("messages")).toArray().first().toObject();
    QCOMPARE(newest.value(QLatin1String("email")).toString(), seed::ada());
    QCOMPARE(newest.value(QLatin1String("code")).toString(), code);
    QCOMPARE(newest.value(QLatin1String("kind")).toString(), QStringLiteral("magic_auth"));

    const HttpResult page = m_driver->follow(redirect);
    QCOMPARE(page.status, 200);
    const HtmlPage html(page.body);
    QCOMPARE(html.text(QStringLiteral("code-recipient")), seed::ada());
    QCOMPARE(html.attribute(QStringLiteral("email-code-verify-form"), QStringLiteral("action")),
             QStringLiteral("/authkit/email-code/verify"));
    QVERIFY(html.hasElement(QStringLiteral("verify-submit")));

    const HttpResult callback = postPage(QStringLiteral("/authkit/email-code/verify"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), code}});
    const QJsonObject body = exchange(callback);
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("MagicAuth"));
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::adaId());
}

void TestEmulatorHostedPages::emailCodeForNewAddressCreatesUser()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const QString attempt = SignInDriver::attemptOf(openPage());
    QCOMPARE(sendEmailCode(attempt, QStringLiteral("fresh.face@example.com")).status, 302);
    QCOMPARE(sent.size(), 1);
    const HttpResult callback = postPage(QStringLiteral("/authkit/email-code/verify"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), sent.first().at(1).toString()}});
    const QJsonObject user = exchange(callback).value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("fresh.face@example.com"));
    QVERIFY(user.value(QLatin1String("first_name")).isNull());
}

void TestEmulatorHostedPages::emailCodeWrongCode()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const QString attempt = SignInDriver::attemptOf(openPage());
    QCOMPARE(sendEmailCode(attempt, seed::ada()).status, 302);
    QCOMPARE(sent.size(), 1);
    const QString code = sent.first().at(1).toString();
    const QString wrong = QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));

    const HttpResult result = postPage(QStringLiteral("/authkit/email-code/verify"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("code"), wrong}});
    QCOMPARE(result.status, 400);
    const HtmlPage page(result.body);
    QCOMPARE(page.shownError(), QStringLiteral("That code is not right. Check your email and try again."));
    QVERIFY(page.hasElement(QStringLiteral("email-code-verify-form")));

    // The right code still works after one mistake.
    const HttpResult callback = postPage(QStringLiteral("/authkit/email-code/verify"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), code}});
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
}

void TestEmulatorHostedPages::emailCodeExpires()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const QString attempt = SignInDriver::attemptOf(openPage());
    QCOMPARE(sendEmailCode(attempt, seed::ada()).status, 302);
    QCOMPARE(sent.size(), 1);
    QVERIFY(m_driver->advanceClock(601) > 0);
    const HttpResult result = postPage(QStringLiteral("/authkit/email-code/verify"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("code"), sent.first().at(1).toString()}});
    QCOMPARE(result.status, 400);
    QCOMPARE(HtmlPage(result.body).shownError(),
             QStringLiteral("That code has expired. Go back and ask for a new one."));

    // A new code for the same attempt works.
    QCOMPARE(sendEmailCode(attempt, seed::ada()).status, 302);
    QCOMPARE(sent.size(), 2);
    const HttpResult callback = postPage(QStringLiteral("/authkit/email-code/verify"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), sent.last().at(1).toString()}});
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
}

void TestEmulatorHostedPages::emailCodeTooManyAttempts()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const QString attempt = SignInDriver::attemptOf(openPage());
    QCOMPARE(sendEmailCode(attempt, seed::ada()).status, 302);
    QCOMPARE(sent.size(), 1);
    const QString code = sent.first().at(1).toString();
    const QString wrong = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    for (int i = 0; i < 5; ++i) {
        const HttpResult result = postPage(QStringLiteral("/authkit/email-code/verify"),
                                           {{QStringLiteral("attempt"), attempt},
                                            {QStringLiteral("code"), wrong}});
        QCOMPARE(result.status, 400);
    }
    const HttpResult result = postPage(QStringLiteral("/authkit/email-code/verify"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("code"), code}});
    QCOMPARE(result.status, 400);
    QCOMPARE(HtmlPage(result.body).shownError(),
             QStringLiteral("Too many attempts. Go back and ask for a new code."));
}

void TestEmulatorHostedPages::emailCodeInvalidAddress()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult result = sendEmailCode(attempt, QStringLiteral("not an address"));
    QCOMPARE(result.status, 400);
    QCOMPARE(HtmlPage(result.body).shownError(), QStringLiteral("Enter a valid email address."));
    QCOMPARE(sent.size(), 0);
    // Without a code sent, the code page sends the browser back to sign-in.
    const HttpResult page = m_http.get(m_driver->url(QStringLiteral("/authkit/email-code"),
                                                     {{QStringLiteral("attempt"), attempt}}));
    QCOMPARE(page.status, 302);
    QCOMPARE(page.location().path(), QStringLiteral("/authkit/sign-in"));
}

void TestEmulatorHostedPages::providerConsentAllow_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("slug");
    QTest::newRow("google") << QStringLiteral("GoogleOAuth") << QStringLiteral("google");
    QTest::newRow("github") << QStringLiteral("GitHubOAuth") << QStringLiteral("github");
    QTest::newRow("microsoft") << QStringLiteral("MicrosoftOAuth") << QStringLiteral("microsoft");
}

void TestEmulatorHostedPages::providerConsentAllow()
{
    QFETCH(QString, provider);
    QFETCH(QString, slug);
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("provider"), provider);
    const HttpResult page = openPage(params);
    QCOMPARE(page.status, 200);
    const HttpResult callback = postPage(QStringLiteral("/authkit/oauth/") + slug,
                                         {{QStringLiteral("attempt"), SignInDriver::attemptOf(page)},
                                          {QStringLiteral("email"), seed::ada()},
                                          {QStringLiteral("decision"), QStringLiteral("allow")}});
    QVERIFY2(m_driver->isCallback(callback), callback.describe());
    QCOMPARE(callback.locationQuery().value(QStringLiteral("state")), m_driver->state());
    const QJsonObject body = exchange(callback);
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), provider);
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::adaId());
}

void TestEmulatorHostedPages::providerConsentFromSignInPageLink()
{
    const HttpResult signIn = openPage();
    const QString link = HtmlPage(signIn.body).attribute(QStringLiteral("continue-github"),
                                                         QStringLiteral("href"));
    const HttpResult consent = m_http.get(m_emulator->baseUrl().resolved(QUrl(link)));
    QCOMPARE(consent.status, 200);
    QCOMPARE(HtmlPage(consent.body).attribute(QStringLiteral("oauth-consent-form"), QStringLiteral("action")),
             QStringLiteral("/authkit/oauth/github"));
    const HttpResult callback = postPage(QStringLiteral("/authkit/oauth/github"),
                                         {{QStringLiteral("attempt"), SignInDriver::attemptOf(consent)},
                                          {QStringLiteral("email"), seed::grace()},
                                          {QStringLiteral("decision"), QStringLiteral("allow")}});
    // Grace has two organizations: the picker comes next, the method is remembered.
    QCOMPARE(callback.status, 302);
    QCOMPARE(callback.location().path(), QStringLiteral("/authkit/organizations"));
    const HttpResult done = postPage(QStringLiteral("/authkit/organizations"),
                                     {{QStringLiteral("attempt"), SignInDriver::attemptOf(consent)},
                                      {QStringLiteral("organization_id"), seed::engines()}});
    const QJsonObject body = exchange(done);
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("GitHubOAuth"));
    QCOMPARE(body.value(QLatin1String("organization_id")).toString(), seed::engines());
}

void TestEmulatorHostedPages::providerConsentDeny()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("provider"), QStringLiteral("GoogleOAuth"));
    const QString attempt = SignInDriver::attemptOf(openPage(params));
    const HttpResult result = postPage(QStringLiteral("/authkit/oauth/google"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("email"), seed::ada()},
                                        {QStringLiteral("decision"), QStringLiteral("deny")}});
    QVERIFY2(m_driver->isCallback(result), result.describe());
    const auto query = result.locationQuery();
    QCOMPARE(query.value(QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(query.value(QStringLiteral("error_description")),
             QStringLiteral("The user denied access at Google."));
    QCOMPARE(query.value(QStringLiteral("state")), m_driver->state());
    QVERIFY(!query.contains(QStringLiteral("code")));
    QVERIFY(!result.hasHeader("Set-Cookie"));
    // The attempt is over.
    const HttpResult again = postPage(QStringLiteral("/authkit/oauth/google"),
                                      {{QStringLiteral("attempt"), attempt},
                                       {QStringLiteral("email"), seed::ada()},
                                       {QStringLiteral("decision"), QStringLiteral("allow")}});
    QCOMPARE(again.status, 400);
}

void TestEmulatorHostedPages::providerConsentNewUser()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("provider"), QStringLiteral("MicrosoftOAuth"));
    const QString attempt = SignInDriver::attemptOf(openPage(params));
    const HttpResult callback = postPage(QStringLiteral("/authkit/oauth/microsoft"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("email"), QStringLiteral("hedy.lamarr@example.com")},
                                          {QStringLiteral("decision"), QStringLiteral("allow")}});
    const QJsonObject body = exchange(callback);
    const QJsonObject user = body.value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("hedy.lamarr@example.com"));
    QCOMPARE(user.value(QLatin1String("first_name")).toString(), QStringLiteral("Hedy"));
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("MicrosoftOAuth"));
}

void TestEmulatorHostedPages::providerConsentInvalidEmail()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("provider"), QStringLiteral("GoogleOAuth"));
    const QString attempt = SignInDriver::attemptOf(openPage(params));
    const HttpResult result = postPage(QStringLiteral("/authkit/oauth/google"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("email"), QStringLiteral("@example.com")},
                                        {QStringLiteral("decision"), QStringLiteral("allow")}});
    QCOMPARE(result.status, 400);
    const HtmlPage page(result.body);
    QCOMPARE(page.shownError(), QStringLiteral("Enter a valid email address."));
    QVERIFY(page.hasElement(QStringLiteral("oauth-consent-form")));
}

void TestEmulatorHostedPages::unknownProviderPage()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult result = m_http.get(m_driver->url(QStringLiteral("/authkit/oauth/facebook"),
                                                       {{QStringLiteral("attempt"), attempt}}));
    QCOMPARE(result.status, 404);
    QCOMPARE(HtmlPage(result.body).title(), QStringLiteral("Unknown provider"));
}

void TestEmulatorHostedPages::totpSecondFactor()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult toMfa = m_driver->submitPassword(attempt, seed::alan());
    QCOMPARE(toMfa.status, 302);
    QCOMPARE(toMfa.location().path(), QStringLiteral("/authkit/mfa"));
    QVERIFY(!toMfa.hasHeader("Set-Cookie"));

    const HttpResult page = m_driver->follow(toMfa);
    QCOMPARE(page.status, 200);
    const HtmlPage html(page.body);
    QCOMPARE(html.attribute(QStringLiteral("mfa-form"), QStringLiteral("action")), QStringLiteral("/authkit/mfa"));
    QVERIFY(html.hasElement(QStringLiteral("code")));
    QVERIFY(html.hasElement(QStringLiteral("mfa-submit")));

    const QByteArray key = rfc6238::base32Decode(seed::alanTotpSecret());
    const qint64 now = m_driver->emulatorNow();
    QVERIFY(now > 0);
    // A code from an hour away is no code, unless it collides with the accepted window.
    QString wrong = rfc6238::code(key, now + 3600);
    for (int step = -1; step <= 2; ++step) {
        if (wrong == rfc6238::code(key, now + step * 30))
            wrong = rfc6238::code(key, now + 7200);
    }
    const HttpResult rejected = postPage(QStringLiteral("/authkit/mfa"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), wrong}});
    QCOMPARE(rejected.status, 400);
    QCOMPARE(HtmlPage(rejected.body).shownError(),
             QStringLiteral("That code is not valid. Enter the current code from your authenticator app."));

    // The right code, typed with a space as authenticator apps show it.
    const QString code = rfc6238::code(key, m_driver->emulatorNow());
    const HttpResult callback = postPage(QStringLiteral("/authkit/mfa"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), code.left(3) + QLatin1Char(' ') + code.mid(3)}});
    const QJsonObject body = exchange(callback);
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::alanId());
    QCOMPARE(body.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));
    QCOMPARE(body.value(QLatin1String("organization_id")).toString(), seed::bletchley());
}

void TestEmulatorHostedPages::mfaPageNeedsFirstFactor()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult page = m_http.get(m_driver->url(QStringLiteral("/authkit/mfa"),
                                                     {{QStringLiteral("attempt"), attempt}}));
    QCOMPARE(page.status, 302);
    QCOMPARE(page.location().path(), QStringLiteral("/authkit/sign-in"));
    const HttpResult post = postPage(QStringLiteral("/authkit/mfa"),
                                     {{QStringLiteral("attempt"), attempt},
                                      {QStringLiteral("code"), QStringLiteral("123456")}});
    QCOMPARE(post.status, 302);
    QCOMPARE(post.location().path(), QStringLiteral("/authkit/sign-in"));
}

void TestEmulatorHostedPages::mfaCannotBeSkippedThroughOrganizationPicker()
{
    // Alan passed his password; the organization picker must not finish the sign-in before TOTP.
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult toMfa = m_driver->submitPassword(attempt, seed::alan());
    QCOMPARE(toMfa.location().path(), QStringLiteral("/authkit/mfa"));
    const HttpResult picker = m_http.get(m_driver->url(QStringLiteral("/authkit/organizations"),
                                                       {{QStringLiteral("attempt"), attempt}}));
    QVERIFY2(picker.status == 302 && !HtmlPage(picker.body).hasElement(QStringLiteral("organization-form")),
             picker.describe());
    const HttpResult skipped = postPage(QStringLiteral("/authkit/organizations"),
                                        {{QStringLiteral("attempt"), attempt},
                                         {QStringLiteral("organization_id"), seed::bletchley()}});
    QVERIFY2(!m_driver->isCallback(skipped), skipped.describe());
    QVERIFY(!skipped.hasHeader("Set-Cookie"));

    // Nor after another user reached the picker in the same attempt.
    const QString shared = SignInDriver::attemptOf(openPage());
    QCOMPARE(m_driver->submitPassword(shared, seed::grace()).location().path(),
             QStringLiteral("/authkit/organizations"));
    QCOMPARE(m_driver->submitPassword(shared, seed::alan()).location().path(), QStringLiteral("/authkit/mfa"));
    const HttpResult switched = postPage(QStringLiteral("/authkit/organizations"),
                                         {{QStringLiteral("attempt"), shared},
                                          {QStringLiteral("organization_id"), seed::bletchley()}});
    QVERIFY2(!m_driver->isCallback(switched), switched.describe());

    // The second factor still finishes it.
    const QByteArray key = rfc6238::base32Decode(seed::alanTotpSecret());
    const HttpResult callback = postPage(QStringLiteral("/authkit/mfa"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("code"), rfc6238::code(key, m_driver->emulatorNow())}});
    QCOMPARE(exchange(callback).value(QLatin1String("organization_id")).toString(), seed::bletchley());
}

void TestEmulatorHostedPages::organizationPicker()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult toPicker = m_driver->submitPassword(attempt, seed::grace());
    QCOMPARE(toPicker.status, 302);
    QCOMPARE(toPicker.location().path(), QStringLiteral("/authkit/organizations"));

    const HttpResult page = m_driver->follow(toPicker);
    QCOMPARE(page.status, 200);
    const HtmlPage html(page.body);
    QCOMPARE(html.attribute(QStringLiteral("organization-form"), QStringLiteral("action")),
             QStringLiteral("/authkit/organizations"));
    const QStringList buttons = html.idsWithPrefix(QStringLiteral("org-"));
    QCOMPARE(buttons, (QStringList{QStringLiteral("org-") + seed::engines(),
                                   QStringLiteral("org-") + seed::harvard()}));
    for (const QString &id : buttons) {
        QCOMPARE(html.attribute(id, QStringLiteral("name")), QStringLiteral("organization_id"));
        QCOMPARE(html.attribute(id, QStringLiteral("value")), id.mid(4));
    }
    QVERIFY(html.html().contains(QLatin1String("Analytical Engines")));
    QVERIFY(html.html().contains(QLatin1String("Harvard Computation Lab")));

    const HttpResult callback = postPage(QStringLiteral("/authkit/organizations"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("organization_id"), seed::harvard()}});
    const QJsonObject body = exchange(callback);
    QCOMPARE(body.value(QLatin1String("organization_id")).toString(), seed::harvard());
    const Jwt jwt = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1());
    QVERIFY(jwt.valid);
    QCOMPARE(jwt.claims.value(QLatin1String("org_id")).toString(), seed::harvard());
    QCOMPARE(jwt.claims.value(QLatin1String("role")).toString(), QStringLiteral("member"));
}

void TestEmulatorHostedPages::organizationPickerRejectsForeignOrganization()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    QCOMPARE(m_driver->submitPassword(attempt, seed::grace()).status, 302);
    const HttpResult result = postPage(QStringLiteral("/authkit/organizations"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("organization_id"), seed::bletchley()}});
    QCOMPARE(result.status, 302);
    QCOMPARE(result.location().path(), QStringLiteral("/authkit/organizations"));
    QVERIFY(!m_driver->isCallback(result));
}

void TestEmulatorHostedPages::rememberedBrowserSession()
{
    const QString first = m_driver->signInWithPassword(seed::ada());
    QVERIFY(!first.isEmpty());
    QCOMPARE(m_driver->exchangeCode(first).status, 200);

    // Same browser, new sign-in from the app: no page at all.
    m_driver->renew();
    const HttpResult silent = m_driver->authorize();
    QVERIFY2(m_driver->isCallback(silent), silent.describe());
    QCOMPARE(silent.locationQuery().value(QStringLiteral("state")), m_driver->state());
    QVERIFY(!silent.hasHeader("Set-Cookie"));
    const HttpResult tokens = m_driver->exchangeCode(m_driver->codeOf(silent));
    QCOMPARE(tokens.status, 200);
    QCOMPARE(tokens.json().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::adaId());
    QCOMPARE(tokens.json().value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));

    // Another browser (no cookie) gets the page.
    m_http.resetCookies();
    m_driver->renew();
    const HttpResult fresh = m_driver->authorize();
    QCOMPARE(fresh.location().path(), QStringLiteral("/authkit/sign-in"));
}

void TestEmulatorHostedPages::rememberedBrowserSessionKeepsOrganization()
{
    QVERIFY(!m_driver->signInWithPassword(seed::grace(), seed::harvard()).isEmpty());
    m_driver->renew();
    const HttpResult silent = m_driver->authorize();
    QVERIFY2(m_driver->isCallback(silent), silent.describe());
    const HttpResult tokens = m_driver->exchangeCode(m_driver->codeOf(silent));
    QCOMPARE(tokens.json().value(QLatin1String("organization_id")).toString(), seed::harvard());
}

void TestEmulatorHostedPages::promptLoginIgnoresBrowserSession()
{
    QVERIFY(!m_driver->signInWithPassword(seed::ada()).isEmpty());
    m_driver->renew();
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("prompt"), QStringLiteral("login"));
    const HttpResult result = m_driver->authorize(params);
    QCOMPARE(result.status, 302);
    QCOMPARE(result.location().path(), QStringLiteral("/authkit/sign-in"));
    // Signing in as someone else replaces the remembered session.
    const HttpResult callback = m_driver->submitPassword(SignInDriver::attemptOf(result), seed::katherine());
    QVERIFY2(callback.header("Set-Cookie").startsWith("authkit_emulator_session="), callback.describe());
    m_driver->renew();
    const HttpResult silent = m_driver->authorize();
    QVERIFY2(m_driver->isCallback(silent), silent.describe());
    QCOMPARE(m_driver->exchangeCode(m_driver->codeOf(silent))
                 .json().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::katherineId());
}

void TestEmulatorHostedPages::unknownAttempt_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    for (const char *path : {"/authkit/sign-in", "/authkit/sign-up", "/authkit/email-code",
                             "/authkit/mfa", "/authkit/organizations", "/authkit/oauth/google"}) {
        QTest::addRow("GET %s", path) << QByteArray("GET") << QString::fromLatin1(path);
        QTest::addRow("POST %s", path) << QByteArray("POST") << QString::fromLatin1(path);
    }
    QTest::newRow("POST /authkit/email-code/verify") << QByteArray("POST")
                                                     << QStringLiteral("/authkit/email-code/verify");
}

void TestEmulatorHostedPages::unknownAttempt()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const QueryItems attempt{{QStringLiteral("attempt"), QStringLiteral("no-such-attempt")}};
    const HttpResult result = method == "GET" ? m_http.get(m_driver->url(path, attempt))
                                              : postPage(path, attempt);
    QCOMPARE(result.status, 400);
    QVERIFY(!result.hasHeader("Location"));
    QCOMPARE(HtmlPage(result.body).title(), QStringLiteral("This sign-in has expired"));
}

void TestEmulatorHostedPages::expiredAttempt()
{
    const HttpResult page = openPage();
    const QString attempt = SignInDriver::attemptOf(page);
    QVERIFY(m_driver->advanceClock(1801) > 0);
    const HttpResult result = m_http.get(m_driver->url(QStringLiteral("/authkit/sign-in"),
                                                       {{QStringLiteral("attempt"), attempt}}));
    QCOMPARE(result.status, 400);
    QCOMPARE(HtmlPage(result.body).title(), QStringLiteral("This sign-in has expired"));
    const HttpResult post = m_driver->submitPassword(attempt, seed::ada());
    QCOMPARE(post.status, 400);
    QVERIFY(!post.hasHeader("Location"));
}

void TestEmulatorHostedPages::finishedAttemptCannotBeReused()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    QVERIFY(m_driver->isCallback(m_driver->submitPassword(attempt, seed::ada())));
    const HttpResult again = m_driver->submitPassword(attempt, seed::ada());
    QCOMPARE(again.status, 400);
    QCOMPARE(HtmlPage(again.body).title(), QStringLiteral("This sign-in has expired"));
}

void TestEmulatorHostedPages::invitationSignUpJoinsOrganization()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("invitation_token"), seed::invitationToken());
    const HttpResult signIn = openPage(params);
    QCOMPARE(signIn.status, 200);
    const QString attempt = SignInDriver::attemptOf(signIn);

    // The sign-up page knows the invited address.
    const QString signUpLink =
        HtmlPage(signIn.body).attribute(QStringLiteral("sign-up-link"), QStringLiteral("href"));
    QVERIFY(!signUpLink.isEmpty());
    const HttpResult signUpPage = m_http.get(m_emulator->baseUrl().resolved(QUrl(signUpLink)));
    QCOMPARE(signUpPage.status, 200);
    QCOMPARE(HtmlPage(signUpPage.body).attribute(QStringLiteral("email"), QStringLiteral("value")),
             seed::invitedEmail());

    const HttpResult callback = postPage(QStringLiteral("/authkit/sign-up"),
                                         {{QStringLiteral("attempt"), attempt},
                                          {QStringLiteral("first_name"), QStringLiteral("New")},
                                          {QStringLiteral("last_name"), QStringLiteral("Hire")},
                                          {QStringLiteral("email"), seed::invitedEmail()},
                                          {QStringLiteral("password"), QStringLiteral("first-day!")}});
    const QJsonObject body = exchange(callback);
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("email")).toString(),
             seed::invitedEmail());
    QCOMPARE(body.value(QLatin1String("organization_id")).toString(), seed::engines());
    const Jwt jwt = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1());
    QCOMPARE(jwt.claims.value(QLatin1String("org_id")).toString(), seed::engines());
    QCOMPARE(jwt.claims.value(QLatin1String("role")).toString(), QStringLiteral("member"));

    // An invitation is accepted once.
    m_http.resetCookies();
    m_driver->renew();
    params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("invitation_token"), seed::invitationToken());
    const HttpResult reused = m_driver->authorize(params);
    QVERIFY2(m_driver->isCallback(reused), reused.describe());
    QCOMPARE(reused.locationQuery().value(QStringLiteral("error")), QStringLiteral("invitation_invalid"));
}

void TestEmulatorHostedPages::stylesheetAndSignedOutPage()
{
    const HttpResult css = m_http.get(m_driver->url(QStringLiteral("/authkit/static/style.css")));
    QCOMPARE(css.status, 200);
    QVERIFY(css.header("Content-Type").startsWith("text/css"));
    QVERIFY(!css.body.isEmpty());
    const HttpResult signedOut = m_http.get(m_driver->url(QStringLiteral("/authkit/signed-out")));
    QCOMPARE(signedOut.status, 200);
    QCOMPARE(HtmlPage(signedOut.body).title(), QStringLiteral("You have signed out"));
}

void TestEmulatorHostedPages::everyFormCarriesCsrfToken()
{
    const HttpResult page = openPage();
    QCOMPARE(page.status, 200);
    // The first page gives the browser its CSRF cookie: HttpOnly, SameSite=Strict, /authkit.
    const QByteArray cookie = page.header("Set-Cookie");
    QVERIFY2(cookie.startsWith("authkit_emulator_csrf="), cookie.constData());
    QVERIFY(cookie.contains("; HttpOnly"));
    QVERIFY(cookie.contains("; SameSite=Strict"));
    QVERIFY(cookie.contains("; Path=/authkit"));
    const QString token = SignInDriver::csrfOf(page);
    QVERIFY(token.size() >= 40);
    // Both forms of the sign-in page carry it.
    QCOMPARE(page.text().count(QStringLiteral("name=\"csrf_token\" value=\"%1\"").arg(token)), 2);
    // A second page of the same attempt: the same token, no new cookie.
    const HttpResult again = m_http.get(m_driver->url(QStringLiteral("/authkit/sign-up"),
                                                      {{QStringLiteral("attempt"), SignInDriver::attemptOf(page)}}));
    QCOMPARE(SignInDriver::csrfOf(again), token);
    QVERIFY(!again.hasHeader("Set-Cookie"));
    // Another attempt in the same browser: another token.
    m_driver->renew();
    QVERIFY(SignInDriver::csrfOf(openPage()) != token);
}

void TestEmulatorHostedPages::postWithoutCsrfTokenIsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("sign-in") << QStringLiteral("/authkit/sign-in") << QStringLiteral("password") << QStringLiteral("password");
    QTest::newRow("sign-up") << QStringLiteral("/authkit/sign-up") << QStringLiteral("password") << QStringLiteral("password123");
    QTest::newRow("email-code") << QStringLiteral("/authkit/email-code") << QStringLiteral("email") << seed::ada();
    QTest::newRow("email-code/verify") << QStringLiteral("/authkit/email-code/verify") << QStringLiteral("code") << QStringLiteral("000000");
    QTest::newRow("oauth/google") << QStringLiteral("/authkit/oauth/google") << QStringLiteral("decision") << QStringLiteral("allow");
    QTest::newRow("mfa") << QStringLiteral("/authkit/mfa") << QStringLiteral("code") << QStringLiteral("000000");
    QTest::newRow("organizations") << QStringLiteral("/authkit/organizations") << QStringLiteral("organization_id") << seed::engines();
}

void TestEmulatorHostedPages::postWithoutCsrfTokenIsRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(QString, value);
    const QString attempt = SignInDriver::attemptOf(openPage());
    const HttpResult refused = m_http.postForm(m_driver->url(path),
                                               {{QStringLiteral("attempt"), attempt},
                                                {QStringLiteral("email"), seed::ada()},
                                                {field, value}});
    QCOMPARE(refused.status, 403);
    QCOMPARE(HtmlPage(refused.body).title(), QStringLiteral("This form was not sent by this sign-in page"));
    QVERIFY(!refused.hasHeader("Location"));
    // Nothing happened to the attempt: the genuine form still signs in.
    QVERIFY(m_driver->isCallback(m_driver->submitPassword(attempt, seed::ada())));
}

void TestEmulatorHostedPages::totpLocksAfterFiveWrongCodes()
{
    const QString attempt = SignInDriver::attemptOf(openPage());
    QCOMPARE(m_driver->submitPassword(attempt, seed::alan()).location().path(), QStringLiteral("/authkit/mfa"));
    const QByteArray key = rfc6238::base32Decode(seed::alanTotpSecret());
    const qint64 now = m_driver->emulatorNow();
    QStringList current;
    for (int step = -2; step <= 2; ++step)
        current.append(rfc6238::code(key, now + step * 30));
    int wrong = 0;
    for (int guess = 0; wrong < 5; ++guess) {
        const QString code = QStringLiteral("%1").arg(guess, 6, 10, QLatin1Char('0'));
        if (current.contains(code))
            continue;
        const HttpResult rejected = postPage(QStringLiteral("/authkit/mfa"),
                                             {{QStringLiteral("attempt"), attempt}, {QStringLiteral("code"), code}});
        QCOMPARE(rejected.status, 400);
        ++wrong;
        QCOMPARE(HtmlPage(rejected.body).shownError(),
                 wrong < 5 ? QStringLiteral("That code is not valid. Enter the current code from your authenticator app.")
                           : QStringLiteral("Too many attempts. Go back to the application and start signing in again."));
    }
    const HttpResult locked = postPage(QStringLiteral("/authkit/mfa"),
                                       {{QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("code"), rfc6238::code(key, m_driver->emulatorNow())}});
    QCOMPARE(locked.status, 400);
    QVERIFY(!m_driver->isCallback(locked));
    QCOMPARE(HtmlPage(locked.body).shownError(),
             QStringLiteral("Too many attempts. Go back to the application and start signing in again."));
    // A fresh sign-in starts a fresh count.
    m_http.resetCookies();
    m_driver->renew();
    const QString fresh = SignInDriver::attemptOf(openPage());
    QCOMPARE(m_driver->submitPassword(fresh, seed::alan()).location().path(), QStringLiteral("/authkit/mfa"));
    const HttpResult passed = postPage(QStringLiteral("/authkit/mfa"),
                                       {{QStringLiteral("attempt"), fresh},
                                        {QStringLiteral("code"), rfc6238::code(key, m_driver->emulatorNow())}});
    QVERIFY2(m_driver->isCallback(passed), passed.describe().constData());
}

// Accept-Language picks one of en, de, fr, es, ja (q-values honoured, English otherwise): the
// page's <html lang>, Content-Language, Vary, and its words from the template and from the code.
void TestEmulatorHostedPages::pagesSpeakTheBrowsersLanguage_data()
{
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("signIn");   // title and button
    QTest::addColumn<QString>("password"); // a template label
    QTest::addColumn<QString>("wrongPassword");
    QTest::newRow("fr") << QByteArray("fr") << QStringLiteral("fr")
                        << QStringLiteral("Se connecter") << QStringLiteral("Mot de passe")
                        << QStringLiteral("Adresse e-mail ou mot de passe incorrect.");
    QTest::newRow("ja") << QByteArray("ja") << QStringLiteral("ja") << QStringLiteral("サインイン")
                        << QStringLiteral("パスワード")
                        << QStringLiteral("メールアドレスまたはパスワードが正しくありません。");
    QTest::newRow("de;q=0.9") << QByteArray("de;q=0.9") << QStringLiteral("de")
                              << QStringLiteral("Anmelden") << QStringLiteral("Passwort")
                              << QStringLiteral("E-Mail-Adresse oder Passwort ist falsch.");
    QTest::newRow("en;q=0.5, es;q=0.8")
        << QByteArray("en;q=0.5, es;q=0.8") << QStringLiteral("es")
        << QStringLiteral("Iniciar sesión") << QStringLiteral("Contraseña")
        << QStringLiteral("Correo electrónico o contraseña incorrectos.");
    QTest::newRow("pt-BR (unknown)")
        << QByteArray("pt-BR, zh;q=0.5") << QStringLiteral("en") << QStringLiteral("Sign in")
        << QStringLiteral("Password") << QStringLiteral("Incorrect email or password.");
}

void TestEmulatorHostedPages::pagesSpeakTheBrowsersLanguage()
{
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(QString, language);
    QFETCH(QString, signIn);
    QFETCH(QString, password);
    QFETCH(QString, wrongPassword);
    const HeaderList headers{{QByteArrayLiteral("Accept-Language"), acceptLanguage}};
    const HttpResult redirect = m_driver->authorize(m_driver->authorizeParams());
    QCOMPARE(redirect.status, 302);
    const HttpResult page =
        m_http.get(m_driver->url(QStringLiteral("/")).resolved(redirect.location()), headers);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Content-Language"), language.toLatin1());
    QVERIFY(page.header("Vary").contains("Accept-Language"));
    QVERIFY2(page.text().contains(QStringLiteral("<html lang=\"%1\">").arg(language)),
             page.body.left(80).constData());
    const HtmlPage html(page.body);
    QCOMPARE(html.title(), signIn);
    QCOMPARE(html.text(QStringLiteral("sign-in-submit")), signIn);
    QVERIFY2(page.text().contains(QStringLiteral(">%1</label>").arg(password)),
             qPrintable(page.text()));

    // A message from the code, on the page a wrong password brings back.
    const QString attempt = SignInDriver::attemptOf(page);
    const HttpResult wrong =
        m_http.post(m_driver->url(QStringLiteral("/authkit/sign-in")),
                    formEncode({{QStringLiteral("attempt"), attempt},
                                {QStringLiteral("csrf_token"), SignInDriver::csrfOf(page)},
                                {QStringLiteral("email"), seed::ada()},
                                {QStringLiteral("password"), QStringLiteral("not the password")}}),
                    "application/x-www-form-urlencoded", headers);
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.header("Content-Language"), language.toLatin1());
    QCOMPARE(HtmlPage(wrong.body).shownError(), wrongPassword);
}

// The pages that cannot go back to the app speak the browser's language too.
void TestEmulatorHostedPages::errorPagesSpeakTheBrowsersLanguage()
{
    QueryItems params = m_driver->authorizeParams();
    setItem(params, QStringLiteral("client_id"), QStringLiteral("client_01UNKNOWN"));
    const HttpResult unknownClient =
        m_http.get(m_driver->url(QStringLiteral("/user_management/authorize"), params),
                   {{QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("ja-JP,en;q=0.5")}});
    QCOMPARE(unknownClient.status, 400);
    QCOMPARE(unknownClient.header("Content-Language"), QByteArray("ja"));
    QCOMPARE(HtmlPage(unknownClient.body).title(), QStringLiteral("無効なクライアント ID"));

    const HttpResult signedOut =
        m_http.get(m_driver->url(QStringLiteral("/authkit/signed-out")),
                   {{QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("es-ES")}});
    QCOMPARE(HtmlPage(signedOut.body).title(), QStringLiteral("Ha cerrado la sesión"));

    const HttpResult expired =
        m_http.get(m_driver->url(QStringLiteral("/authkit/sign-in"),
                                 {{QStringLiteral("attempt"), QStringLiteral("no_such_attempt")}}),
                   {{QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("fr-CH, fr;q=0.9")}});
    QCOMPARE(expired.status, 400);
    QCOMPARE(HtmlPage(expired.body).title(), QStringLiteral("Cette connexion a expiré"));

    const HttpResult inbox =
        m_http.get(m_driver->url(QStringLiteral("/_emulator/inbox")),
                   {{QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("de")}});
    QCOMPARE(inbox.status, 200);
    QCOMPARE(HtmlPage(inbox.body).title(), QStringLiteral("Entwickler-Posteingang"));
}

QTEST_GUILESS_MAIN(TestEmulatorHostedPages)
#include "tst_emulator_hosted_pages.moc"
