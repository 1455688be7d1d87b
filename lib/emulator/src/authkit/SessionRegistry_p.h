#pragma once

#include "Directory_p.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace authkit::emulator {

struct UserSession
{
    enum class Status { Active, Revoked };
    QString id;
    QString userId;
    QString clientId;
    QString organizationId;
    QString authenticationMethod;
    std::optional<Impersonator> impersonator;
    Status status = Status::Active;
    QDateTime createdAt;
    QDateTime expiresAt;
};

struct RefreshTokenRecord
{
    QString sessionId;
    QString clientId;
    bool exchanged = false;
    QDateTime expiresAt;
    quint64 serial = 0; // issue order, for evicting the oldest
};

struct AuthorizationCode
{
    QString clientId;
    QString redirectUri;
    QString codeChallenge;
    QString sessionId;
    QDateTime expiresAt;
    bool used = false;
    quint64 serial = 0;
};

// The hosted AuthKit session a browser keeps in its cookie: a second sign-in in the same browser
// is silent until logout.
struct BrowserSession
{
    QString userId;
    QString organizationId;
    QString authenticationMethod;
    QStringList sessionIds;
};

// One sign-in in progress on the hosted pages, from authorize to the redirect back.
struct LoginAttempt
{
    QString id;
    QString clientId;
    QString redirectUri;
    QString state;
    bool hasState = false;
    QString codeChallenge;
    QString screenHint;
    QString loginHint;
    QString organizationId;
    QString invitationToken;
    QString provider; // google | github | microsoft: straight to that provider's page
    QDateTime createdAt;
    quint64 serial = 0;
    // Set once the first factor passed, while a second factor or an organization is awaited.
    QString pendingUserId;
    QString pendingMethod;
    // Set when every factor passed and only the organization is left to choose: the picker
    // must not be a way around the second factor.
    bool organizationChoicePending = false;
    // The e-mail one-time code, when one was sent.
    QString codeEmail;
    QString oneTimeCode;
    QDateTime oneTimeCodeExpiresAt;
    int oneTimeCodeAttempts = 0;
    // Wrong TOTP codes so far: after kMaxCodeAttempts the second factor is locked.
    int totpAttempts = 0;
};

// Sessions, refresh tokens, authorization codes, browser sessions and login attempts: all the
// emulator's mutable authentication state, with the lifetimes WorkOS uses.
class SessionRegistry
{
public:
    static constexpr int kCodeLifetimeSecs = 600;
    static constexpr qint64 kSessionLifetimeSecs = 30LL * 24 * 3600;
    static constexpr int kAttemptLifetimeSecs = 1800;

    // How many records of each kind may exist; past that the oldest go (and expired ones first).
    struct Caps
    {
        int loginAttempts = 1000;
        int authorizationCodes = 1000;
        int refreshTokens = 10000;
    };
    void setCaps(Caps caps) { m_caps = caps; }
    int loginAttemptCount() const { return int(m_attempts.size()); }
    int authorizationCodeCount() const { return int(m_codes.size()); }
    int refreshTokenCount() const { return int(m_refreshTokens.size()); }

    // The WorkOS session object (the Events API's and the control API's).
    static QJsonObject sessionJson(const UserSession &session);

    UserSession &createSession(const User &user, const QString &clientId,
                               const QString &organizationId, const QString &method,
                               const QDateTime &now);
    UserSession *session(const QString &id);
    QList<UserSession> sessions() const { return m_sessions.values(); }
    // Ends the session and every browser session that carries it. False if unknown.
    bool revoke(const QString &sessionId);

    QString issueRefreshToken(const UserSession &session, const QDateTime &now);
    RefreshTokenRecord *refreshToken(const QString &token);

    QString issueCode(const LoginAttempt &attempt, const QString &sessionId, const QDateTime &now);
    AuthorizationCode *code(const QString &code);

    QString createBrowserSession(const BrowserSession &browserSession);
    BrowserSession *browserSession(const QString &cookie);
    void endBrowserSession(const QString &cookie);

    // Sessions, refresh-token digests and browser sessions (not codes or attempts: they live
    // minutes), for the emulator's data folder.
    QJsonObject toJson() const;
    void restore(const QJsonObject &json);

    LoginAttempt &createAttempt(LoginAttempt attempt, const QDateTime &now);
    LoginAttempt *attempt(const QString &id, const QDateTime &now);
    void finishAttempt(const QString &id);

private:
    Caps m_caps;
    quint64 m_serial = 0;
    QHash<QString, UserSession> m_sessions;
    QHash<QString, RefreshTokenRecord> m_refreshTokens;
    QHash<QString, AuthorizationCode> m_codes;
    QHash<QString, BrowserSession> m_browserSessions;
    QHash<QString, LoginAttempt> m_attempts;
};

} // namespace authkit::emulator
