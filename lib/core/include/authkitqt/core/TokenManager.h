#pragma once

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/Clock.h>
#include <authkitqt/core/Session.h>
#include <authkitqt/core/SessionStore.h>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

class CrossProcessLock;
class JwksCache;

/// The answer to a request for an access token.
struct AUTHKITQT_CORE_EXPORT TokenResult
{
    QString accessToken;      ///< empty on failure
    ApiError error;           ///< why, when accessToken is empty
    bool terminal = false;    ///< the session is over: sign in again
    /// True when accessToken holds a verified, unexpired token.
    bool ok() const { return !accessToken.isEmpty(); }
};

/// @brief The owner of the session: the refresh token, the access token and the Session data.
///
/// AuthState does not copy the session; it is the published, read-only view of this one.
///
/// Holds the refresh token and the current access token, and keeps the latter fresh:
/// - only a verified session is stored: a sign-in is verified before anything is written, and
///   an access token that failed verification is never stored nor handed out;
/// - one refresh in flight however many callers ask; they all get its result; across processes
///   a CrossProcessLock is held around the refresh and the keychain is read again under it, so a
///   token another process already rotated is used instead of presenting a spent one;
/// - the rotated refresh token is persisted before the new access token is handed out, in one
///   keychain entry with that access token (another process can use it with no request);
/// - refresh ahead of expiry (lead configurable), measured on the monotonic clock;
/// - only invalid_grant ends the session (docs/architecture.md, "refresh policy"): transient
///   failures, JWKS trouble, other 4xx and unreadable answers keep it and are retried with
///   exponential backoff, jitter and Retry-After (failures that are not transient a bounded
///   number of times); the keychain entry is removed before sessionEnded is emitted.
class AUTHKITQT_CORE_EXPORT TokenManager : public QObject
{
    Q_OBJECT
public:
    /// Called once with the outcome of accessToken(), switchOrganization() or adopt().
    using TokenCallback = std::function<void(const TokenResult &)>;

    /// When to refresh and how to back off.
    struct Settings
    {
        int refreshLeadSecs = 60;      ///< refresh this early; capped at a fifth of the lifetime
        int initialBackoffMs = 1000;   ///< the first retry's delay (then doubled, jittered)
        int maxBackoffMs = 60000;      ///< the longest delay between retries
        /// Failures that are not transient (a 4xx other than invalid_grant, an unreadable body,
        /// a token that fails verification) are retried this many times, then left until a
        /// caller asks for a token again.
        int maxUnexpectedFailureRetries = 5;
    };

    /// None of api, jwks, store and clock is owned; all must outlive this object.
    TokenManager(AuthKitApi *api, JwksCache *jwks, SessionStore *store, const Clock &clock,
                 QObject *parent = nullptr);
    ~TokenManager() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }
    /// The lock shared with other processes that use the same keychain entry (not owned).
    void setCrossProcessLock(CrossProcessLock *lock) { m_lock = lock; }

    /// A fresh authenticate response (code exchange): verify, then persist, then adopt. On any
    /// failure nothing changes: the session that was there (if any) stays, in memory and stored.
    void adopt(const AuthResponse &response, TokenCallback done);
    /// A stored session: its access token when it is still good, else a refresh. Until that
    /// settles, session() holds the stored user without an access token.
    void resume(const StoredSession &stored);

    /// A refresh token is held: signed in, perhaps offline.
    bool hasSession() const { return !m_refreshToken.isEmpty(); }
    /// The one copy of the session (AuthState reads it; nobody else keeps one).
    const Session &session() const { return m_session; }
    /// A refresh is in flight.
    bool isRefreshing() const { return m_refreshInFlight; }
    /// False once a keychain write failed: the session then lives in memory only.
    bool isPersistent() const { return m_persistent; }

    /// The current access token, refreshed first when forced, expired or within the lead.
    void accessToken(bool forceRefresh, TokenCallback done);
    /// A refresh that asks for another organization (organization_id).
    void switchOrganization(const QString &organizationId, TokenCallback done);
    /// After sleep or a network change: refresh now if the token is (nearly) due and no backoff
    /// is pending.
    void checkNow();
    /// Forgets everything in memory (the caller clears the store).
    void clear();

    /// Time left on the access token: < 0 when expired, 0 when there is none.
    qint64 msUntilExpiry() const;
    /// Time until the next refresh or retry on its own; -1 when none is scheduled.
    qint64 msUntilScheduledRefresh() const;

Q_SIGNALS:
    /// A new access token or session data.
    void sessionChanged();
    /// A refresh started or finished.
    void refreshingChanged(bool refreshing);
    /// The session is gone (invalid_grant, or signed out elsewhere); the keychain entry has been
    /// removed by the time this is emitted.
    void sessionEnded(const QString &reason);
    /// A refresh failed but the session is kept; retryInMs < 0 when no automatic retry is
    /// scheduled.
    void transientFailure(const QString &message, int retryInMs);
    /// The keychain started or stopped taking the session (see isPersistent()).
    void persistenceChanged(bool persistent);

private:
    struct Waiter
    {
        TokenCallback done;
        bool forced = false;
    };
    using Verified = std::function<void(bool ok, const ApiError &error, const Session &session)>;

    void startRefresh();
    void rereadStoreThenRefresh(quint64 generation);
    // Another process rotated the refresh token: take its stored session over (its access token
    // when newer than ours with minRemainingSecs left, else a refresh with its refresh token).
    void takeOverStoredSession(const StoredSession &stored, qint64 minRemainingSecs,
                               quint64 generation);
    void refreshWithServer(quint64 generation);
    void acceptRefreshed(const AuthResponse &response, quint64 generation);
    void onRefreshFailed(const ApiError &error, quint64 generation);
    void finishRefresh(const TokenResult &result);
    void verifyResponse(const AuthResponse &response, Verified done);
    void persist(bool withAccessToken, std::function<void()> then);
    void adoptStored(const StoredSession &stored);
    void endSession(const QString &reason, bool clearStore, std::function<void()> then);
    void releaseLock();
    void scheduleRefresh();
    void scheduleRetry(const ApiError &error, bool transient);
    void startTimer(qint64 delayMs);
    qint64 leadMs() const;
    qint64 leadMsFor(qint64 lifetimeSecs) const;
    qint64 storedLeadSecs(const StoredSession &stored) const;
    bool storedTokenUsable(const StoredSession &stored) const;
    void resetFailures(); // a session that works again (or a new one) starts with a clean slate
    bool hasUsableToken() const; // an access token that has not expired
    bool anyForcedWaiter() const;
    StoredSession envelope(bool withAccessToken) const;

    AuthKitApi *m_api;
    JwksCache *m_jwks;
    SessionStore *m_store;
    const Clock &m_clock;
    CrossProcessLock *m_lock = nullptr; // outlives this (AuthSession owns both)
    Settings m_settings;

    QString m_refreshToken;
    Session m_session;
    bool m_persistent = true;
    bool m_refreshInFlight = false;
    QList<Waiter> m_waiters;
    QString m_switchTarget;             // organization_id of the refresh in flight, if a switch
    QString m_pendingSwitch;            // a switch asked for while another refresh ran
    QList<TokenCallback> m_switchWaiters;
    int m_failures = 0;                 // consecutive failed refreshes
    int m_unexpectedFailures = 0;       // of which not transient
    bool m_parked = false;              // bounded retries used up: wait for a caller
    QTimer m_refreshTimer;
    qint64 m_nextAttemptAtMs = -1;      // on the monotonic clock; -1 when nothing is scheduled
    quint64 m_generation = 0; // bumps on clear(), so late replies of an old session are dropped
};

} // namespace authkit
