#pragma once

#include <authkitqt/convex/ConvexClient.h>

#include <QObject>
#include <QPointer>
#include <authkitqt/convex/authkitqt_convexauthkit_export.h>

namespace authkit {
class AuthSession;
class TokenManager;
struct TokenResult;
} // namespace authkit

namespace authkit::convex {

/// The token source: ConvexClient's token fetcher on top of AuthKit's TokenManager (its public API
/// only). What @convex-dev/workos 0.0.3 gets wrong, done right: forceRefresh runs a real refresh
/// grant (TokenManager::accessToken(true)), so the JS state machine gets a new token and schedules
/// its own refetch; null is answered only when the session is over (no session, or a terminal
/// failure); a transient failure (network, 5xx, 429) is retried with backoff, so the user stays
/// signed in while the network is away. Library: AuthKitQt::ConvexAuthKit (links AuthKitQt::Core;
/// AuthKitQt::Convex does not).
class AUTHKITQT_CONVEXAUTHKIT_EXPORT AuthKitTokenSource : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int initialBackoffMs = 1000;
        int maxBackoffMs = 30000;
    };

    explicit AuthKitTokenSource(AuthSession *session, QObject *parent = nullptr);
    explicit AuthKitTokenSource(TokenManager *tokens, QObject *parent = nullptr);

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }

    void fetch(bool forceRefresh, ConvexClient::TokenCallback done);
    /// A stable fetcher for ConvexClient::setAuth / ConvexAuthState; a call after this object is
    /// gone answers null.
    ConvexClient::TokenFetcher fetcher();
    /// For ConvexClient::setTokenFreshness: the session's current access token, when it arrived
    /// at most kFreshForMs ago (a refresh or sign-in just now, here or in another process), is
    /// fresh; so a restore that refreshed is not followed by a second refresh for Convex.
    ConvexClient::TokenFreshness freshness() const;
    /// Well under ConvexClient's refetch leeway (10 s): a token this old is refetched before it
    /// expires even though its age is counted from its arrival.
    static constexpr qint64 kFreshForMs = 5000;

Q_SIGNALS:
    void transientFailure(const QString &message, int retryInMs);

private:
    void attempt(bool forceRefresh, int failures, ConvexClient::TokenCallback done);

    QPointer<AuthSession> m_session;
    QPointer<TokenManager> m_tokens;
    Settings m_settings;
};

} // namespace authkit::convex
