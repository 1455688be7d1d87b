#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"
#include "LoginFlow_p.h"
#include "PageRenderer_p.h"

#include <QCoreApplication>

namespace authkit::emulator {

// The hosted AuthKit pages under /authkit/: e-mail and password, sign-up, e-mail one-time code,
// the simulated identity providers, the TOTP second factor and the organization picker.
class HostedLoginPages
{
    Q_DECLARE_TR_FUNCTIONS(HostedLoginPages)
public:
    explicit HostedLoginPages(EmulatorState &state)
        : m_state(state)
        , m_flow(state)
    {
    }

    HttpResponse signInPage(const HttpRequest &request);
    HttpResponse signIn(const HttpRequest &request);
    HttpResponse signUpPage(const HttpRequest &request);
    HttpResponse signUp(const HttpRequest &request);
    HttpResponse sendEmailCode(const HttpRequest &request);
    HttpResponse emailCodePage(const HttpRequest &request);
    HttpResponse verifyEmailCode(const HttpRequest &request);
    HttpResponse providerPage(const HttpRequest &request, const QString &provider);
    HttpResponse providerDecision(const HttpRequest &request, const QString &provider);
    HttpResponse mfaPage(const HttpRequest &request);
    HttpResponse verifyMfa(const HttpRequest &request);
    HttpResponse organizationsPage(const HttpRequest &request);
    HttpResponse chooseOrganization(const HttpRequest &request);
    HttpResponse signedOutPage(const HttpRequest &request);
    HttpResponse stylesheet(const HttpRequest &request);

    // A page that says what went wrong, for requests that cannot go back to the app.
    static HttpResponse messagePage(int status, const QString &title, const QString &message);

private:
    // The attempt named by the request (query for GET, form for POST, whose CSRF token must
    // match), or nullptr and the page that says why in *refusal.
    LoginAttempt *attemptFor(const HttpRequest &request, HttpResponse *refusal);
    HttpResponse expiredAttempt() const;
    // A page of the attempt, with its CSRF token (and the browser's CSRF cookie if it had none).
    HttpResponse page(const HttpRequest &request, int status, const QString &page,
                      const QString &title, const LoginAttempt &attempt,
                      PageRenderer::Values values = {});

    EmulatorState &m_state;
    LoginFlow m_flow;
};

} // namespace authkit::emulator
