#include "SessionRegistry_p.h"

#include "Ids_p.h"

namespace authkit::emulator {

UserSession &SessionRegistry::createSession(const User &user, const QString &clientId,
                                            const QString &organizationId, const QString &method,
                                            const QDateTime &now)
{
    UserSession session;
    session.id = QStringLiteral("session_") + ids::ulid(now.toMSecsSinceEpoch());
    session.userId = user.id;
    session.clientId = clientId;
    session.organizationId = organizationId;
    session.impersonator = user.impersonator;
    session.authenticationMethod =
        user.impersonator ? QStringLiteral("Impersonation") : method;
    session.createdAt = now;
    session.expiresAt = now.addSecs(kSessionLifetimeSecs);
    return *m_sessions.insert(session.id, session);
}

UserSession *SessionRegistry::session(const QString &id)
{
    auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : &it.value();
}

bool SessionRegistry::revoke(const QString &sessionId)
{
    UserSession *found = session(sessionId);
    if (!found)
        return false;
    found->status = UserSession::Status::Revoked;
    for (auto it = m_browserSessions.begin(); it != m_browserSessions.end();) {
        if (it->sessionIds.contains(sessionId))
            it = m_browserSessions.erase(it);
        else
            ++it;
    }
    return true;
}

QString SessionRegistry::issueRefreshToken(const UserSession &session, const QDateTime &now)
{
    const QString token = ids::opaqueToken(32);
    m_refreshTokens.insert(token, RefreshTokenRecord{session.id, session.clientId, false,
                                                     now.addSecs(kSessionLifetimeSecs)});
    return token;
}

RefreshTokenRecord *SessionRegistry::refreshToken(const QString &token)
{
    auto it = m_refreshTokens.find(token);
    return it == m_refreshTokens.end() ? nullptr : &it.value();
}

QString SessionRegistry::issueCode(const LoginAttempt &attempt, const QString &sessionId,
                                   const QDateTime &now)
{
    const QString code = ids::ulid(now.toMSecsSinceEpoch());
    m_codes.insert(code, AuthorizationCode{attempt.clientId, attempt.redirectUri,
                                           attempt.codeChallenge, sessionId,
                                           now.addSecs(kCodeLifetimeSecs), false});
    return code;
}

AuthorizationCode *SessionRegistry::code(const QString &code)
{
    auto it = m_codes.find(code);
    return it == m_codes.end() ? nullptr : &it.value();
}

QString SessionRegistry::createBrowserSession(const BrowserSession &browserSession)
{
    const QString cookie = ids::opaqueToken(40);
    m_browserSessions.insert(cookie, browserSession);
    return cookie;
}

BrowserSession *SessionRegistry::browserSession(const QString &cookie)
{
    if (cookie.isEmpty())
        return nullptr;
    auto it = m_browserSessions.find(cookie);
    return it == m_browserSessions.end() ? nullptr : &it.value();
}

void SessionRegistry::endBrowserSession(const QString &cookie)
{
    m_browserSessions.remove(cookie);
}

LoginAttempt &SessionRegistry::createAttempt(LoginAttempt attempt, const QDateTime &now)
{
    attempt.id = ids::opaqueToken(24);
    attempt.createdAt = now;
    return *m_attempts.insert(attempt.id, attempt);
}

LoginAttempt *SessionRegistry::attempt(const QString &id, const QDateTime &now)
{
    auto it = m_attempts.find(id);
    if (it == m_attempts.end())
        return nullptr;
    if (it->createdAt.secsTo(now) > kAttemptLifetimeSecs) {
        m_attempts.erase(it);
        return nullptr;
    }
    return &it.value();
}

void SessionRegistry::finishAttempt(const QString &id)
{
    m_attempts.remove(id);
}

} // namespace authkit::emulator
