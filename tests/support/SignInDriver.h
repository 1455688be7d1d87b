#pragma once

#include "FormEncoding.h"
#include "HttpClient.h"
#include "Pkce.h"

#include <QJsonObject>

namespace authkit::testsupport {

// Plays the desktop app and the browser against the emulator: builds authorize URLs with PKCE
// and state, walks the hosted pages, exchanges codes. Every step returns the raw HttpResult so a
// test can assert on it; the convenience paths return empty strings when a step misbehaved.
class SignInDriver
{
public:
    static QString developmentClientId()
    {
        return QStringLiteral("client_01J00000000000000000000DEV");
    }
    static QString productionClientId()
    {
        return QStringLiteral("client_01J00000000000000000000PRD");
    }
    static QString seedPassword() { return QStringLiteral("password"); }

    SignInDriver(HttpClient &http, const QUrl &baseUrl,
                 const QString &clientId = developmentClientId());

    // A fresh PKCE pair and state for the next authorize.
    void renew();

    QUrl url(const QString &path, const QueryItems &items = {}) const;
    // client_id, redirect_uri, response_type=code, provider=authkit, code_challenge(+S256), state.
    QueryItems authorizeParams() const;
    HttpResult authorize(const QueryItems &params, const HeaderList &headers = {});
    HttpResult authorize() { return authorize(authorizeParams()); }
    // GET the Location of a redirect (relative ones resolved against the emulator).
    HttpResult follow(const HttpResult &redirect);
    // The attempt id from a hosted page (its hidden field) or from a redirect to one.
    static QString attemptOf(const HttpResult &result);
    // True when result is a 302 to the redirect URI (not to a hosted page).
    bool isCallback(const HttpResult &result) const;

    // The CSRF token of a hosted page (its hidden field csrf_token).
    static QString csrfOf(const HttpResult &page);
    // The CSRF token for attempt in this client's cookie jar, read from the attempt's sign-in
    // page as a browser would have it (the page also sets the CSRF cookie when the jar has none).
    QString csrfToken(const QString &attempt);
    // POSTs a hosted form for attempt: fields plus attempt and its CSRF token.
    HttpResult postHosted(const QString &path, const QString &attempt, const QueryItems &fields);

    // authorize -> sign-in page -> password; returns the reply of the password POST.
    HttpResult submitPassword(const QString &attempt, const QString &email,
                              const QString &password = seedPassword());
    // The whole password sign-in, choosing organizationId on the picker when one appears (else
    // the first). Returns the authorization code; empty (and the last reply in *last) on failure.
    // Like a browser, it is silent when the cookie jar holds a hosted session: reset the jar to
    // sign in as someone else.
    QString signInWithPassword(const QString &email, const QString &organizationId = QString(),
                               HttpResult *last = nullptr);
    // A code from the callback redirect, empty unless result is a callback with a code.
    QString codeOf(const HttpResult &result) const;

    HttpResult exchangeCode(const QString &code, const QString &verifier);
    HttpResult exchangeCode(const QString &code) { return exchangeCode(code, m_pkce.verifier); }
    HttpResult refresh(const QString &refreshToken, const QString &organizationId = QString());
    // signInWithPassword + exchangeCode: the authenticate success body, empty on failure.
    QJsonObject signInAndExchange(const QString &email, const QString &organizationId = QString());

    // Control API helpers.
    HttpResult control(const QString &path, const QJsonObject &body);
    // Moves the emulator's clock; returns its "now" in Unix seconds afterwards.
    qint64 advanceClock(qint64 seconds);
    qint64 emulatorNow() { return advanceClock(0); }

    HttpClient &http() { return m_http; }
    const Pkce &pkce() const { return m_pkce; }
    const QString &state() const { return m_state; }
    const QString &clientId() const { return m_clientId; }
    const QString &redirectUri() const { return m_redirectUri; }
    void setRedirectUri(const QString &uri) { m_redirectUri = uri; }
    const QUrl &baseUrl() const { return m_baseUrl; }

private:
    HttpClient &m_http;
    QUrl m_baseUrl;
    QString m_clientId;
    QString m_redirectUri;
    Pkce m_pkce;
    QString m_state;
};

} // namespace authkit::testsupport
