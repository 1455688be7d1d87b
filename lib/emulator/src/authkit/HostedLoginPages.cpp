#include "HostedLoginPages_p.h"

#include "Ids_p.h"
#include "PageRenderer_p.h"
#include "SecretCompare_p.h"
#include "Totp_p.h"

#include <QFile>

namespace authkit::emulator {

namespace {

constexpr int kMaxCodeAttempts = 5;

struct Provider
{
    const char *slug;
    const char *displayName;
    const char *authenticationMethod;
};

constexpr Provider kProviders[] = {
    {"google", "Google", "GoogleOAuth"},
    {"github", "GitHub", "GitHubOAuth"},
    {"microsoft", "Microsoft", "MicrosoftOAuth"},
};

const Provider *findProvider(const QString &slug)
{
    for (const Provider &provider : kProviders) {
        if (slug == QLatin1String(provider.slug))
            return &provider;
    }
    return nullptr;
}

bool looksLikeEmail(const QString &email)
{
    const int at = email.indexOf(QLatin1Char('@'));
    return at > 0 && at < email.size() - 1 && !email.contains(QLatin1Char(' '))
           && email.size() <= 254;
}

QString nameFromEmail(const QString &email)
{
    QString local = email.section(QLatin1Char('@'), 0, 0).section(QLatin1Char('.'), 0, 0);
    if (!local.isEmpty())
        local[0] = local[0].toUpper();
    return local;
}

} // namespace

QString HostedLoginPages::codeSentText(const PageLanguage &language, const QString &email)
{
    return language.tr("We sent a 6-digit code to %1. It is valid for 10 minutes.")
        .toHtmlEscaped()
        .arg(QStringLiteral("<strong id=\"code-recipient\">%1</strong>")
                 .arg(PageRenderer::escape(email)));
}

PageRenderer::Values HostedLoginPages::consentValues(const PageLanguage &language,
                                                     const QString &name, const QString &slug,
                                                     const QString &appName,
                                                     PageRenderer::Values values)
{
    values.insert(QStringLiteral("provider"), name);
    values.insert(QStringLiteral("provider_slug"), slug);
    values.insert(QStringLiteral("consent_text"),
                  language.tr("%1 wants to sign you in with your %2 account.").arg(appName, name));
    values.insert(QStringLiteral("email_label"), language.tr("%1 account email").arg(name));
    return values;
}

QString HostedLoginPages::appName(const LoginAttempt &attempt) const
{
    const ClientApp *client = m_state.directory().client(attempt.clientId);
    return client ? client->name : attempt.clientId;
}

HttpResponse HostedLoginPages::messagePage(const PageLanguage &language, int status,
                                           const QString &title, const QString &message)
{
    return PageRenderer::response(status, QStringLiteral("message"), language, title,
                                  {{QStringLiteral("message"), message}});
}

LoginAttempt *HostedLoginPages::attemptFor(const HttpRequest &request, HttpResponse *refusal)
{
    const PageLanguage language = PageLanguage::of(request);
    const bool post = request.method == "POST";
    const QString id = post ? request.formField(QStringLiteral("attempt"))
                            : request.query(QStringLiteral("attempt"));
    LoginAttempt *attempt = m_state.sessions().attempt(id, m_state.clock().now());
    if (!attempt) {
        *refusal = expiredAttempt(language);
        return nullptr;
    }
    if (post
        && !m_state.csrf().verify(request, attempt->id,
                                  static_cast<quint16>(m_state.baseUrl().port()))) {
        *refusal =
            messagePage(language, 403, language.tr("This form was not sent by this sign-in page"),
                        language.tr("Reload the page and try again, or go back to the application "
                                    "and start signing in again."));
        return nullptr;
    }
    return attempt;
}

HttpResponse HostedLoginPages::expiredAttempt(const PageLanguage &language) const
{
    return messagePage(language, 400, language.tr("This sign-in has expired"),
                       language.tr("Go back to the application and start signing in again."));
}

HttpResponse HostedLoginPages::page(const HttpRequest &request, int status, const QString &pageName,
                                    const QString &title, const LoginAttempt &attempt,
                                    PageRenderer::Values values)
{
    values.insert(QStringLiteral("attempt"), attempt.id);
    QByteArray setCookie;
    const QString secret = m_state.csrf().browserSecret(request, &setCookie);
    values.insert(QLatin1String(CsrfGuard::kField), m_state.csrf().token(secret, attempt.id));
    values.insert(QStringLiteral("app_name"), appName(attempt));
    HttpResponse response =
        PageRenderer::response(status, pageName, PageLanguage::of(request), title, values);
    if (!setCookie.isEmpty())
        response.withHeader("Set-Cookie", setCookie);
    return response;
}

HttpResponse HostedLoginPages::signInPage(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    return page(request, 200, QStringLiteral("sign-in"), language.tr("Sign in"), attempt,
                {{QStringLiteral("email"), attempt.loginHint}});
}

HttpResponse HostedLoginPages::signIn(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    const QString email = request.formField(QStringLiteral("email")).trimmed();
    const QString password = request.formField(QStringLiteral("password"));
    const User *user = m_state.directory().userByEmail(email);
    // Compared in constant time, and compared even for an unknown user.
    const bool passwordMatches = secrets::equal(user ? user->password : QString(), password);
    if (!user || user->password.isEmpty() || !passwordMatches) {
        return page(request, 400, QStringLiteral("sign-in"), language.tr("Sign in"), attempt,
                    {{QStringLiteral("email"), email},
                     {QStringLiteral("error"), language.tr("Incorrect email or password.")}});
    }
    return m_flow.firstFactorPassed(attempt.id, user->id, QStringLiteral("Password"), request);
}

HttpResponse HostedLoginPages::signUpPage(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    QString email = attempt.loginHint;
    if (const Invitation *invitation = m_state.directory().invitation(attempt.invitationToken))
        email = invitation->email;
    return page(request, 200, QStringLiteral("sign-up"), language.tr("Create your account"),
                attempt, {{QStringLiteral("email"), email}});
}

HttpResponse HostedLoginPages::signUp(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    const QString firstName = request.formField(QStringLiteral("first_name")).trimmed();
    const QString lastName = request.formField(QStringLiteral("last_name")).trimmed();
    const QString email = request.formField(QStringLiteral("email")).trimmed().toLower();
    const QString password = request.formField(QStringLiteral("password"));
    QString error;
    if (!looksLikeEmail(email))
        error = language.tr("Enter a valid email address.");
    else if (password.size() < 8)
        error = language.tr("Choose a password of at least 8 characters.");
    else if (m_state.directory().userByEmail(email))
        error = language.tr("An account with this email already exists. Sign in instead.");
    if (!error.isEmpty()) {
        return page(request, 400, QStringLiteral("sign-up"), language.tr("Create your account"),
                    attempt,
                    {{QStringLiteral("email"), email},
                     {QStringLiteral("first_name"), firstName},
                     {QStringLiteral("last_name"), lastName},
                     {QStringLiteral("error"), error}});
    }
    const User &user =
        m_state.createUser(email, firstName, lastName, password);
    qCInfo(lcEmulator).noquote() << "signed up" << user.email << user.id;
    return m_flow.firstFactorPassed(attempt.id, user.id, QStringLiteral("Password"), request);
}

HttpResponse HostedLoginPages::sendEmailCode(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    const QString email = request.formField(QStringLiteral("email")).trimmed().toLower();
    if (!looksLikeEmail(email)) {
        return page(request, 400, QStringLiteral("sign-in"), language.tr("Sign in"), attempt,
                    {{QStringLiteral("error"), language.tr("Enter a valid email address.")}});
    }
    attempt.codeEmail = email;
    attempt.oneTimeCode = ids::digits(6);
    attempt.oneTimeCodeExpiresAt = m_state.clock().now().addSecs(600);
    attempt.oneTimeCodeAttempts = 0;
    const QString attemptId = attempt.id;
    m_state.deliverOneTimeCode(email, attempt.oneTimeCode);
    return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("email-code"), attemptId));
}

HttpResponse HostedLoginPages::emailCodePage(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    if (attempt.oneTimeCode.isEmpty())
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("sign-in"), attempt.id));
    return page(request, 200, QStringLiteral("email-code"), language.tr("Check your email"),
                attempt,
                {{QStringLiteral("code_sent"), codeSentText(language, attempt.codeEmail)}});
}

HttpResponse HostedLoginPages::verifyEmailCode(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    if (attempt.oneTimeCode.isEmpty())
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("sign-in"), attempt.id));
    const QString code = request.formField(QStringLiteral("code")).trimmed();
    QString error;
    if (m_state.clock().now() > attempt.oneTimeCodeExpiresAt)
        error = language.tr("That code has expired. Go back and ask for a new one.");
    else if (++attempt.oneTimeCodeAttempts > kMaxCodeAttempts)
        error = language.tr("Too many attempts. Go back and ask for a new code.");
    else if (!secrets::equal(code, attempt.oneTimeCode))
        error = language.tr("That code is not right. Check your email and try again.");
    if (!error.isEmpty()) {
        return page(request, 400, QStringLiteral("email-code"), language.tr("Check your email"),
                    attempt,
                    {{QStringLiteral("code_sent"), codeSentText(language, attempt.codeEmail)},
                     {QStringLiteral("error"), error}});
    }
    attempt.oneTimeCode.clear(); // single use
    User *user = m_state.directory().userByEmail(attempt.codeEmail);
    if (!user)
        user = &m_state.createUser(attempt.codeEmail, QString(), QString(), QString());
    return m_flow.firstFactorPassed(attempt.id, user->id, QStringLiteral("MagicAuth"), request);
}

HttpResponse HostedLoginPages::providerPage(const HttpRequest &request, LoginAttempt &attempt,
                                            const QString &slug)
{
    const PageLanguage language = PageLanguage::of(request);
    const Provider *provider = findProvider(slug);
    if (!provider)
        return messagePage(language, 404, language.tr("Unknown provider"),
                           language.tr("This identity provider is not emulated."));
    return page(request, 200, QStringLiteral("oauth-consent"),
                language.tr("Sign in with %1").arg(QLatin1String(provider->displayName)), attempt,
                consentValues(language, QLatin1String(provider->displayName),
                              QLatin1String(provider->slug), appName(attempt),
                              {{QStringLiteral("email"), attempt.loginHint}}));
}

HttpResponse HostedLoginPages::providerDecision(const HttpRequest &request, LoginAttempt &attempt,
                                                const QString &slug)
{
    const PageLanguage language = PageLanguage::of(request);
    const Provider *provider = findProvider(slug);
    if (!provider)
        return messagePage(language, 404, language.tr("Unknown provider"),
                           language.tr("This identity provider is not emulated."));
    if (request.formField(QStringLiteral("decision")) != QLatin1String("allow")) {
        return m_flow.errorRedirect(attempt.id, QStringLiteral("access_denied"),
                                    QStringLiteral("The user denied access at %1.")
                                        .arg(QLatin1String(provider->displayName)));
    }
    const QString email = request.formField(QStringLiteral("email")).trimmed().toLower();
    if (!looksLikeEmail(email)) {
        return page(request, 400, QStringLiteral("oauth-consent"),
                    language.tr("Sign in with %1").arg(QLatin1String(provider->displayName)),
                    attempt,
                    consentValues(
                        language, QLatin1String(provider->displayName),
                        QLatin1String(provider->slug), appName(attempt),
                        {{QStringLiteral("error"), language.tr("Enter a valid email address.")}}));
    }
    User *user = m_state.directory().userByEmail(email);
    if (!user)
        user = &m_state.createUser(email, nameFromEmail(email), QString(), QString());
    return m_flow.firstFactorPassed(attempt.id, user->id,
                                    QLatin1String(provider->authenticationMethod), request);
}

HttpResponse HostedLoginPages::mfaPage(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    if (attempt.pendingUserId.isEmpty())
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("sign-in"), attempt.id));
    return page(request, 200, QStringLiteral("mfa"), language.tr("Two-factor authentication"),
                attempt);
}

HttpResponse HostedLoginPages::verifyMfa(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    const User *user = m_state.directory().userById(attempt.pendingUserId);
    if (!user)
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("sign-in"), attempt.id));
    const QString code = request.formField(QStringLiteral("code")).remove(QLatin1Char(' '));
    // Five wrong codes lock the attempt, as for the e-mail code: a 6-digit code is not to be
    // guessed at.
    QString error;
    if (attempt.totpAttempts >= kMaxCodeAttempts)
        error = language.tr(
            "Too many attempts. Go back to the application and start signing in again.");
    else if (!totp::verify(user->totpSecret, code, m_state.clock().nowSecs()))
        error =
            ++attempt.totpAttempts >= kMaxCodeAttempts
                ? language.tr("Too many attempts. Go back to the application and start signing in "
                              "again.")
                : language.tr("That code is not valid. Enter the current code from your "
                              "authenticator app.");
    if (!error.isEmpty()) {
        return page(request, 400, QStringLiteral("mfa"), language.tr("Two-factor authentication"),
                    attempt, {{QStringLiteral("error"), error}});
    }
    return m_flow.secondFactorPassed(attempt.id, request);
}

HttpResponse HostedLoginPages::organizationsPage(const HttpRequest &request, LoginAttempt &attempt)
{
    const PageLanguage language = PageLanguage::of(request);
    const User *user = m_state.directory().userById(attempt.pendingUserId);
    if (!user || !attempt.organizationChoicePending)
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("sign-in"), attempt.id));
    QString buttons;
    for (const Membership &membership : user->memberships) {
        const Organization *organization =
            m_state.directory().organization(membership.organizationId);
        if (!organization)
            continue;
        buttons +=
            QStringLiteral("<button type=\"submit\" class=\"choice\" name=\"organization_id\" "
                           "value=\"%1\" id=\"org-%1\"><span class=\"org-name\">%2</span>"
                           "<span class=\"org-role\">%3</span></button>\n")
                .arg(PageRenderer::escape(organization->id),
                     PageRenderer::escape(organization->name),
                     PageRenderer::escape(membership.roles.first()));
    }
    return page(request, 200, QStringLiteral("organizations"),
                language.tr("Choose an organization"), attempt,
                {{QStringLiteral("organization_buttons"), buttons}});
}

HttpResponse HostedLoginPages::chooseOrganization(const HttpRequest &request, LoginAttempt &attempt)
{
    const User *user = m_state.directory().userById(attempt.pendingUserId);
    if (!user || !attempt.organizationChoicePending)
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("sign-in"), attempt.id));
    const QString organizationId = request.formField(QStringLiteral("organization_id"));
    if (!user->membershipIn(organizationId))
        return HttpResponse::redirect(m_flow.pageUrl(QStringLiteral("organizations"), attempt.id));
    return m_flow.finish(attempt.id, user->id, attempt.pendingMethod, organizationId, request);
}

HttpResponse HostedLoginPages::signedOutPage(const HttpRequest &request)
{
    const PageLanguage language = PageLanguage::of(request);
    return messagePage(language, 200, language.tr("You have signed out"),
                       language.tr("You can close this window."));
}

HttpResponse HostedLoginPages::stylesheet(const HttpRequest &)
{
    QFile file(QStringLiteral(":/authkit-emulator/pages/style.css"));
    file.open(QIODevice::ReadOnly);
    return HttpResponse::text(200, file.readAll(), "text/css; charset=utf-8");
}

} // namespace authkit::emulator
