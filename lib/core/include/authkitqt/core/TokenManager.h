#pragma once

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/Clock.h>
#include <authkitqt/core/Session.h>
#include <authkitqt/core/SessionStore.h>

#include <QObject>
#include <QTimer>

#include <functional>

namespace authkit {

class JwksCache;

struct TokenResult
{
    QString accessToken;      // empty on failure
    ApiError error;           // when accessToken is empty
    bool terminal = false;    // the session is over: sign in again
    bool ok() const { return !accessToken.isEmpty(); }
};

// Holds the refresh token and the current access token, and keeps the latter fresh:
// - one refresh in flight however many callers ask; they all get its result;
// - the rotated refresh token is persisted before the new access token is handed out;
// - refresh ahead of expiry (lead configurable), measured on the monotonic clock;
// - transient failures keep the session and retry with exponential backoff, jitter and
//   Retry-After; terminal ones end it, with the reason.
class TokenManager : public QObject
{
    Q_OBJECT
public:
    using TokenCallback = std::function<void(const TokenResult &)>;

    struct Settings
    {
        int refreshLeadSecs = 60;      // capped at a fifth of the token's lifetime
        int initialBackoffMs = 1000;
        int maxBackoffMs = 60000;
    };

    TokenManager(AuthKitApi *api, JwksCache *jwks, SessionStore *store, const Clock &clock,
                 QObject *parent = nullptr);

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }

    // A fresh authenticate response (code exchange): verify, persist, adopt.
    void adopt(const AuthResponse &response, TokenCallback done);
    // A stored session: refresh it to get an access token and the user.
    void resume(const StoredSession &stored);

    bool hasSession() const { return !m_refreshToken.isEmpty(); }
    const Session &session() const { return m_session; }
    bool isRefreshing() const { return m_refreshInFlight; }
    bool isPersistent() const { return m_persistent; }

    // The current access token, refreshed first when forced, expired or within the lead.
    void accessToken(bool forceRefresh, TokenCallback done);
    // A refresh that asks for another organization (organization_id).
    void switchOrganization(const QString &organizationId, TokenCallback done);
    // After sleep or a network change: refresh now if the token is (nearly) due.
    void checkNow();
    // Forgets everything in memory (the caller clears the store).
    void clear();

    qint64 msUntilExpiry() const;        // < 0 when expired; 0 when no token
    qint64 msUntilScheduledRefresh() const;

Q_SIGNALS:
    void sessionChanged();               // a new access token or session data
    void refreshingChanged(bool refreshing);
    void sessionEnded(const QString &reason); // terminal failure: the session is gone
    void transientFailure(const QString &message, int retryInMs);
    void persistenceChanged(bool persistent);

private:
    struct Waiter
    {
        TokenCallback done;
        bool forced = false;
    };

    void startRefresh();
    void onRefreshFailed(const ApiError &error, const QString &switchingTo);
    void finishRefresh(const TokenResult &result);
    void accept(const AuthResponse &response, TokenCallback done);
    void endSession(const QString &reason);
    void scheduleRefresh();
    void scheduleRetry(const ApiError &error);
    qint64 leadMs() const;
    bool hasUsableToken() const; // an access token that has not expired

    AuthKitApi *m_api;
    JwksCache *m_jwks;
    SessionStore *m_store;
    const Clock &m_clock;
    Settings m_settings;

    QString m_refreshToken;
    Session m_session;
    bool m_persistent = true;
    bool m_refreshInFlight = false;
    QList<Waiter> m_waiters;
    QString m_switchTarget;             // organization_id of the refresh in flight, if a switch
    QString m_pendingSwitch;            // a switch asked for while another refresh ran
    QList<TokenCallback> m_switchWaiters;
    int m_failures = 0;
    QTimer m_refreshTimer;
    qint64 m_refreshDueMs = 0;
    quint64 m_generation = 0; // bumps on clear(), so late replies of an old session are dropped
};

} // namespace authkit
