#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"
#include "LoginFlow_p.h"
#include "PageLanguage_p.h"
#include "PageRenderer_p.h"

#include <QCoreApplication>

namespace authkit::emulator {

// The hosted AuthKit pages under /authkit/: e-mail and password, sign-up, e-mail one-time code,
// the simulated identity providers, the TOTP second factor and the organization picker.
class HostedLoginPages
{
    // Page text is translated per request (PageLanguage): call language.tr(), never tr().
    Q_DECLARE_TR_FUNCTIONS(HostedPages)
public:
    explicit HostedLoginPages(EmulatorState &state)
        : m_state(state)
        , m_flow(state)
    {
    }

    // The pages of one sign-in attempt, called through forAttempt().
    HttpResponse signInPage(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse signIn(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse signUpPage(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse signUp(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse sendEmailCode(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse emailCodePage(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse verifyEmailCode(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse providerPage(const HttpRequest &request, LoginAttempt &attempt,
                              const QString &provider);
    HttpResponse providerDecision(const HttpRequest &request, LoginAttempt &attempt,
                                  const QString &provider);
    HttpResponse mfaPage(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse verifyMfa(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse organizationsPage(const HttpRequest &request, LoginAttempt &attempt);
    HttpResponse chooseOrganization(const HttpRequest &request, LoginAttempt &attempt);

    // Calls handler(attempt) with the attempt the request names (query for GET, form for POST,
    // whose CSRF token must match), or answers with the page that says why there is none.
    template<typename Handler>
    HttpResponse forAttempt(const HttpRequest &request, Handler &&handler)
    {
        HttpResponse refusal;
        LoginAttempt *attempt = attemptFor(request, &refusal);
        return attempt ? handler(*attempt) : refusal;
    }

    HttpResponse signedOutPage(const HttpRequest &request);
    HttpResponse stylesheet(const HttpRequest &request);

    // A page that says what went wrong, for requests that cannot go back to the app.
    static HttpResponse messagePage(const PageLanguage &language, int status, const QString &title,
                                    const QString &message);

private:
    // The attempt named by the request (query for GET, form for POST, whose CSRF token must
    // match), or nullptr and the page that says why in *refusal.
    LoginAttempt *attemptFor(const HttpRequest &request, HttpResponse *refusal);
    HttpResponse expiredAttempt(const PageLanguage &language) const;
    QString appName(const LoginAttempt &attempt) const;
    // "We sent a 6-digit code to <strong>…</strong>": the sentence whole, for the translators'
    // word order, with the address marked up inside it.
    static QString codeSentText(const PageLanguage &language, const QString &email);
    // The emulated provider's consent page: its name, and the sentences that name it.
    static PageRenderer::Values consentValues(const PageLanguage &language, const QString &name,
                                              const QString &slug, const QString &appName,
                                              PageRenderer::Values values);
    // A page of the attempt, with its CSRF token (and the browser's CSRF cookie if it had none).
    HttpResponse page(const HttpRequest &request, int status, const QString &page,
                      const QString &title, const LoginAttempt &attempt,
                      PageRenderer::Values values = {});

    EmulatorState &m_state;
    LoginFlow m_flow;
};

} // namespace authkit::emulator
