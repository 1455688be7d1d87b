#pragma once

#include "HttpMessage_p.h"

#include <QByteArray>
#include <QString>

namespace authkit::emulator {

// Cross-site request forgery tokens for the hosted forms. A browser gets a random secret in a
// cookie (HttpOnly, SameSite=Strict); every form of a login attempt carries
// HMAC(key, secret, attempt id) in a hidden field, checked on every POST. A page on another
// site can neither read the token nor make the browser send the cookie with its POST, so it
// cannot post a form into a sign-in (for example, to sign the browser in as someone else).
class CsrfGuard {
public:
    static constexpr char kCookie[] = "authkit_emulator_csrf";
    static constexpr char kField[] = "csrf_token";

    CsrfGuard(); // a random key per emulator run

    // The browser's secret from its cookie; when it has none (or a malformed one), a new one,
    // and *setCookie is the Set-Cookie header value that gives it to the browser.
    QString browserSecret(const HttpRequest &request, QByteArray *setCookie) const;
    // The token the forms of attemptId carry for that browser.
    QString token(const QString &browserSecret, const QString &attemptId) const;
    // True when a POST for attemptId carries the right token with the right cookie and, if it
    // names an Origin, comes from this emulator (port) itself.
    bool verify(const HttpRequest &request, const QString &attemptId, quint16 port) const;

private:
    static bool isWellFormed(const QString &secret);

    QByteArray m_key;
};

} // namespace authkit::emulator
