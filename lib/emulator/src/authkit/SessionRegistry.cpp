#include "SessionRegistry_p.h"

#include "HttpMessage_p.h"
#include "Ids_p.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

namespace authkit::emulator {

namespace {
// Refresh tokens and browser cookies are kept (and persisted) only as digests, as a real
// server keeps them: the state file is no key to anyone's session.
QString digest(const QString &secret)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// Drops the expired records, then the oldest (by serial) until at most cap remain, so that no
// client can make the emulator hold more than cap of them.
template <typename Record, typename Expired>
void prune(QHash<QString, Record> &records, int cap, Expired expired)
{
    records.removeIf([&](const auto &entry) { return expired(entry.value()); });
    if (records.size() <= cap)
        return;
    QList<quint64> serials;
    serials.reserve(records.size());
    for (const Record &record : std::as_const(records))
        serials.append(record.serial);
    const qsizetype excess = records.size() - cap;
    std::nth_element(serials.begin(), serials.begin() + (excess - 1), serials.end());
    const quint64 newestEvicted = serials.at(excess - 1);
    records.removeIf([&](const auto &entry) { return entry.value().serial <= newestEvicted; });
}
} // namespace

namespace {

// The session object's auth_method for the authentication method the sign-in reported.
QString sessionAuthMethod(const QString &authenticationMethod)
{
    if (authenticationMethod == QLatin1String("Password"))
        return QStringLiteral("password");
    if (authenticationMethod == QLatin1String("MagicAuth"))
        return QStringLiteral("magic_code");
    if (authenticationMethod.endsWith(QLatin1String("OAuth")))
        return QStringLiteral("oauth");
    return QStringLiteral("unknown");
}

} // namespace

QJsonObject SessionRegistry::sessionJson(const UserSession &session)
{
    const QJsonValue null(QJsonValue::Null);
    return {
        {QStringLiteral("object"), QStringLiteral("session")},
        {QStringLiteral("id"), session.id},
        {QStringLiteral("user_id"), session.userId},
        {QStringLiteral("organization_id"),
         session.organizationId.isEmpty() ? null : QJsonValue(session.organizationId)},
        {QStringLiteral("status"), session.status == UserSession::Status::Active
                                       ? QStringLiteral("active")
                                       : QStringLiteral("revoked")},
        {QStringLiteral("auth_method"), sessionAuthMethod(session.authenticationMethod)},
        {QStringLiteral("ip_address"), null},
        {QStringLiteral("user_agent"), null},
        {QStringLiteral("expires_at"), isoTimestamp(session.expiresAt)},
        {QStringLiteral("ended_at"), null},
        {QStringLiteral("created_at"), isoTimestamp(session.createdAt)},
        {QStringLiteral("updated_at"), isoTimestamp(session.createdAt)},
        // Beyond WorkOS's object, for tests: the client it was made for and the method as
        // authenticate reports it.
        {QStringLiteral("client_id"), session.clientId},
        {QStringLiteral("authentication_method"), session.authenticationMethod},
    };
}

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
    m_refreshTokens.insert(digest(token), RefreshTokenRecord{session.id, session.clientId, false,
                                                             now.addSecs(kSessionLifetimeSecs),
                                                             ++m_serial});
    prune(m_refreshTokens, m_caps.refreshTokens,
          [&now](const RefreshTokenRecord &record) { return now > record.expiresAt; });
    return token;
}

RefreshTokenRecord *SessionRegistry::refreshToken(const QString &token)
{
    auto it = m_refreshTokens.find(digest(token));
    return it == m_refreshTokens.end() ? nullptr : &it.value();
}

QString SessionRegistry::issueCode(const LoginAttempt &attempt, const QString &sessionId,
                                   const QDateTime &now)
{
    const QString code = ids::ulid(now.toMSecsSinceEpoch());
    m_codes.insert(code, AuthorizationCode{attempt.clientId, attempt.redirectUri,
                                           attempt.codeChallenge, sessionId,
                                           now.addSecs(kCodeLifetimeSecs), false, ++m_serial});
    prune(m_codes, m_caps.authorizationCodes,
          [&now](const AuthorizationCode &record) { return now > record.expiresAt; });
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
    m_browserSessions.insert(digest(cookie), browserSession);
    return cookie;
}

BrowserSession *SessionRegistry::browserSession(const QString &cookie)
{
    if (cookie.isEmpty())
        return nullptr;
    auto it = m_browserSessions.find(digest(cookie));
    return it == m_browserSessions.end() ? nullptr : &it.value();
}

void SessionRegistry::endBrowserSession(const QString &cookie)
{
    m_browserSessions.remove(digest(cookie));
}

LoginAttempt &SessionRegistry::createAttempt(LoginAttempt attempt, const QDateTime &now)
{
    attempt.id = ids::opaqueToken(24);
    attempt.createdAt = now;
    attempt.serial = ++m_serial;
    const QString id = attempt.id;
    m_attempts.insert(id, attempt);
    prune(m_attempts, m_caps.loginAttempts, [&now](const LoginAttempt &record) {
        return record.createdAt.secsTo(now) > kAttemptLifetimeSecs;
    });
    return m_attempts[id];
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

QJsonObject SessionRegistry::toJson() const
{
    QJsonArray sessions;
    for (const UserSession &session : m_sessions) {
        QJsonObject object{
            {QStringLiteral("id"), session.id},
            {QStringLiteral("user_id"), session.userId},
            {QStringLiteral("client_id"), session.clientId},
            {QStringLiteral("organization_id"), session.organizationId},
            {QStringLiteral("authentication_method"), session.authenticationMethod},
            {QStringLiteral("revoked"), session.status == UserSession::Status::Revoked},
            {QStringLiteral("created_at"), isoTimestamp(session.createdAt)},
            {QStringLiteral("expires_at"), isoTimestamp(session.expiresAt)},
        };
        if (session.impersonator) {
            object.insert(QStringLiteral("impersonator"),
                          QJsonObject{{QStringLiteral("email"), session.impersonator->email},
                                      {QStringLiteral("reason"), session.impersonator->reason}});
        }
        sessions.append(object);
    }
    QJsonArray refreshTokens;
    for (auto it = m_refreshTokens.cbegin(); it != m_refreshTokens.cend(); ++it) {
        refreshTokens.append(QJsonObject{{QStringLiteral("sha256"), it.key()},
                                         {QStringLiteral("session_id"), it->sessionId},
                                         {QStringLiteral("client_id"), it->clientId},
                                         {QStringLiteral("exchanged"), it->exchanged},
                                         {QStringLiteral("expires_at"), isoTimestamp(it->expiresAt)}});
    }
    QJsonArray browserSessions;
    for (auto it = m_browserSessions.cbegin(); it != m_browserSessions.cend(); ++it) {
        browserSessions.append(QJsonObject{
            {QStringLiteral("sha256"), it.key()},
            {QStringLiteral("user_id"), it->userId},
            {QStringLiteral("organization_id"), it->organizationId},
            {QStringLiteral("authentication_method"), it->authenticationMethod},
            {QStringLiteral("session_ids"), QJsonArray::fromStringList(it->sessionIds)}});
    }
    return {{QStringLiteral("sessions"), sessions},
            {QStringLiteral("refresh_tokens"), refreshTokens},
            {QStringLiteral("browser_sessions"), browserSessions}};
}

void SessionRegistry::restore(const QJsonObject &json)
{
    auto time = [](const QJsonValue &value) {
        return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
    };
    for (const QJsonValue &value : json.value(QStringLiteral("sessions")).toArray()) {
        const QJsonObject object = value.toObject();
        UserSession session;
        session.id = object.value(QStringLiteral("id")).toString();
        session.userId = object.value(QStringLiteral("user_id")).toString();
        session.clientId = object.value(QStringLiteral("client_id")).toString();
        session.organizationId = object.value(QStringLiteral("organization_id")).toString();
        session.authenticationMethod =
            object.value(QStringLiteral("authentication_method")).toString();
        session.status = object.value(QStringLiteral("revoked")).toBool()
                             ? UserSession::Status::Revoked
                             : UserSession::Status::Active;
        session.createdAt = time(object.value(QStringLiteral("created_at")));
        session.expiresAt = time(object.value(QStringLiteral("expires_at")));
        if (object.contains(QStringLiteral("impersonator"))) {
            const QJsonObject impersonator = object.value(QStringLiteral("impersonator")).toObject();
            session.impersonator = Impersonator{impersonator.value(QStringLiteral("email")).toString(),
                                                impersonator.value(QStringLiteral("reason")).toString()};
        }
        if (!session.id.isEmpty())
            m_sessions.insert(session.id, session);
    }
    for (const QJsonValue &value : json.value(QStringLiteral("refresh_tokens")).toArray()) {
        const QJsonObject object = value.toObject();
        m_refreshTokens.insert(object.value(QStringLiteral("sha256")).toString(),
                               RefreshTokenRecord{object.value(QStringLiteral("session_id")).toString(),
                                                  object.value(QStringLiteral("client_id")).toString(),
                                                  object.value(QStringLiteral("exchanged")).toBool(),
                                                  time(object.value(QStringLiteral("expires_at"))),
                                                  ++m_serial});
    }
    for (const QJsonValue &value : json.value(QStringLiteral("browser_sessions")).toArray()) {
        const QJsonObject object = value.toObject();
        QStringList sessionIds;
        for (const QJsonValue &id : object.value(QStringLiteral("session_ids")).toArray())
            sessionIds.append(id.toString());
        m_browserSessions.insert(
            object.value(QStringLiteral("sha256")).toString(),
            BrowserSession{object.value(QStringLiteral("user_id")).toString(),
                           object.value(QStringLiteral("organization_id")).toString(),
                           object.value(QStringLiteral("authentication_method")).toString(),
                           sessionIds});
    }
}

} // namespace authkit::emulator
