#include "LoginFlow_p.h"

namespace authkit::emulator {

QUrl LoginFlow::withQuery(const QUrl &base, const QList<QPair<QString, QString>> &items)
{
    QByteArray query = base.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QUrl url = base;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QUrl LoginFlow::pageUrl(const QString &page, const QString &attemptId) const
{
    QUrl url = m_state.baseUrl();
    url.setPath(QStringLiteral("/authkit/") + page);
    return withQuery(url, {{QStringLiteral("attempt"), attemptId}});
}

HttpResponse LoginFlow::begin(const QString &attemptId, const HttpRequest &request,
                              bool forcePrompt)
{
    LoginAttempt *attempt = m_state.sessions().attempt(attemptId, m_state.clock().now());
    Directory &directory = m_state.directory();

    if (m_state.options().autoApprove) {
        User *user = directory.userByEmail(attempt->loginHint);
        if (!user && !directory.users().isEmpty())
            user = directory.userById(directory.users().first().id);
        if (!user)
            return errorRedirect(attemptId, QStringLiteral("access_denied"),
                                 QStringLiteral("No user to sign in."));
        QString organizationId = attempt->organizationId;
        if (organizationId.isEmpty() && !user->memberships.isEmpty())
            organizationId = user->memberships.first().organizationId;
        if (!organizationId.isEmpty() && !user->membershipIn(organizationId))
            return errorRedirect(attemptId, QStringLiteral("organization_invalid"),
                                 QStringLiteral("The user is not a member of the organization."));
        return finish(attemptId, user->id, QStringLiteral("Password"), organizationId, request);
    }

    if (const BrowserSession *browser =
            m_state.sessions().browserSession(request.cookie(QLatin1String(kBrowserCookie)));
        browser && !forcePrompt && attempt->invitationToken.isEmpty()) {
        if (User *user = directory.userById(browser->userId)) {
            // The hosted session remembers who signed in and how; no page is shown.
            attempt->pendingUserId = user->id;
            attempt->pendingMethod = browser->authenticationMethod;
            if (attempt->organizationId.isEmpty() && !browser->organizationId.isEmpty()
                && user->membershipIn(browser->organizationId))
                attempt->organizationId = browser->organizationId;
            return secondFactorPassed(attemptId, request);
        }
    }

    if (!attempt->provider.isEmpty())
        return HttpResponse::redirect(pageUrl(QStringLiteral("oauth/") + attempt->provider,
                                              attemptId));
    return HttpResponse::redirect(pageUrl(attempt->screenHint == QLatin1String("sign-up")
                                              ? QStringLiteral("sign-up")
                                              : QStringLiteral("sign-in"),
                                          attemptId));
}

HttpResponse LoginFlow::firstFactorPassed(const QString &attemptId, const QString &userId,
                                          const QString &method, const HttpRequest &request)
{
    LoginAttempt *attempt = m_state.sessions().attempt(attemptId, m_state.clock().now());
    const User *user = m_state.directory().userById(userId);
    attempt->pendingUserId = userId;
    attempt->pendingMethod = method;
    attempt->organizationChoicePending = false;
    // A TOTP factor guards password sign-ins; social and e-mail code sign-ins prove possession
    // some other way in this emulator, as AuthKit's defaults do.
    if (!user->totpSecret.isEmpty() && method == QLatin1String("Password"))
        return HttpResponse::redirect(pageUrl(QStringLiteral("mfa"), attemptId));
    return secondFactorPassed(attemptId, request);
}

HttpResponse LoginFlow::secondFactorPassed(const QString &attemptId, const HttpRequest &request)
{
    LoginAttempt *attempt = m_state.sessions().attempt(attemptId, m_state.clock().now());
    User *user = m_state.directory().userById(attempt->pendingUserId);
    acceptInvitation(*attempt, *user);
    if (!attempt->organizationId.isEmpty()) {
        if (!user->membershipIn(attempt->organizationId))
            return errorRedirect(attemptId, QStringLiteral("organization_invalid"),
                                 QStringLiteral("The user is not a member of the organization."));
        return finish(attemptId, user->id, attempt->pendingMethod, attempt->organizationId,
                      request);
    }
    if (user->memberships.size() > 1) {
        attempt->organizationChoicePending = true;
        return HttpResponse::redirect(pageUrl(QStringLiteral("organizations"), attemptId));
    }
    const QString organizationId =
        user->memberships.isEmpty() ? QString() : user->memberships.first().organizationId;
    return finish(attemptId, user->id, attempt->pendingMethod, organizationId, request);
}

void LoginFlow::acceptInvitation(const LoginAttempt &attempt, User &user)
{
    if (attempt.invitationToken.isEmpty())
        return;
    Invitation *invitation = m_state.directory().invitation(attempt.invitationToken);
    if (!invitation || invitation->accepted || invitation->email != user.email)
        return;
    invitation->accepted = true;
    if (!user.membershipIn(invitation->organizationId)) {
        user.memberships.append(Membership{invitation->organizationId, {invitation->role}});
        m_state.recordMembershipCreated(user, user.memberships.constLast());
    }
}

HttpResponse LoginFlow::finish(const QString &attemptId, const QString &userId,
                               const QString &method, const QString &organizationId,
                               const HttpRequest &request)
{
    const QDateTime now = m_state.clock().now();
    SessionRegistry &registry = m_state.sessions();
    const LoginAttempt attempt = *registry.attempt(attemptId, now);
    User *user = m_state.directory().userById(userId);
    user->lastSignInAt = now;
    user->updatedAt = now;

    const UserSession &session =
        registry.createSession(*user, attempt.clientId, organizationId, method, now);
    const QString sessionId = session.id;
    m_state.recordSessionCreated(session);
    const QString code = registry.issueCode(attempt, sessionId, now);
    registry.finishAttempt(attemptId);

    QList<QPair<QString, QString>> items{{QStringLiteral("code"), code}};
    if (attempt.hasState)
        items.append({QStringLiteral("state"), attempt.state});
    HttpResponse response = HttpResponse::redirect(withQuery(QUrl(attempt.redirectUri), items));

    // Remember the hosted session in this browser, as AuthKit's own cookie does.
    BrowserSession *browser = registry.browserSession(request.cookie(QLatin1String(kBrowserCookie)));
    if (browser && browser->userId == user->id) {
        browser->sessionIds.append(sessionId);
        browser->organizationId = organizationId;
    } else {
        const QString cookie = registry.createBrowserSession(
            BrowserSession{user->id, organizationId, method, {sessionId}});
        response.withHeader("Set-Cookie", QByteArray(kBrowserCookie) + '=' + cookie.toLatin1()
                                              + "; Path=/; HttpOnly; SameSite=Lax");
    }
    return response;
}

HttpResponse LoginFlow::errorRedirect(const QString &attemptId, const QString &error,
                                      const QString &description)
{
    SessionRegistry &registry = m_state.sessions();
    const LoginAttempt attempt = *registry.attempt(attemptId, m_state.clock().now());
    registry.finishAttempt(attemptId);
    QList<QPair<QString, QString>> items{{QStringLiteral("error"), error},
                                         {QStringLiteral("error_description"), description}};
    if (attempt.hasState)
        items.append({QStringLiteral("state"), attempt.state});
    return HttpResponse::redirect(withQuery(QUrl(attempt.redirectUri), items));
}

} // namespace authkit::emulator
