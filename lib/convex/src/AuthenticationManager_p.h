#pragma once

#include <authkitqt/convex/ConvexClient.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace authkit::convex {

// convex-js authentication_manager.ts, state for state (lib/convex/README.md). The fetched
// token's lifetime (exp - iat, never compared with our clock) minus the leeway, counted from
// when the token arrived, decides when the next forced refetch runs.
class AuthenticationManager : public QObject
{
    Q_OBJECT
public:
    enum class State {
        NoAuth,
        WaitingForServerConfirmationOfCachedToken,
        InitialRefetch,
        WaitingForServerConfirmationOfFreshToken,
        WaitingForScheduledRefetch,
        NotRefetching,
    };

    static constexpr int kMaxTokenConfirmationAttempts = 2;
    static constexpr qint64 kMaximumRefreshDelayMs = 20LL * 24 * 3600 * 1000;

    AuthenticationManager(ConvexClient *client, int leewaySecs);

    void setConfig(ConvexClient::TokenFetcher fetcher, std::function<void(bool)> onChange,
                   std::function<void(bool)> onRefreshChange);
    void onTransition(const protocol::Transition &transition);
    void onAuthError(const protocol::AuthError &error);
    void stop();

    State state() const { return m_state; }
    qint64 msUntilScheduledRefetch() const;

    // When a token of that lifetime (exp - iat) is refetched, counted from its arrival; -1 when
    // it cannot be (it lives a second or less).
    static qint64 refetchDelayMs(qint64 lifetimeSecs, int leewaySecs);

private:
    void setState(State state);
    void resetAuthState();
    void setRefreshing(bool refreshing);
    void fetchToken(bool forceRefresh, std::function<void(std::optional<QString>)> done);
    void refetchToken();
    void scheduleTokenRefetch(const QString &token);
    void tryToReauthenticate(const protocol::AuthError &error);
    void reportChange(bool authenticated);
    // The token being confirmed is past its own refetch time (or cannot be refetched).
    bool awaitedTokenIsStale() const;

    ConvexClient *m_client;
    int m_leewaySecs;
    State m_state = State::NoAuth;
    bool m_hadAuth = false;     // WaitingForServerConfirmationOfFreshToken
    QString m_freshToken;       // WaitingForServerConfirmationOfFreshToken
    QElapsedTimer m_tokenArrived; // when the token being confirmed was fetched
    int m_confirmationAttempts = 0;
    QString m_expiryIgnoredFor; // the awaited token an expiry AuthError was already let pass for
    quint64 m_configVersion = 0;
    bool m_refreshing = false;
    QTimer m_refetchTimer;
    ConvexClient::TokenFetcher m_fetchToken;
    std::function<void(bool)> m_onChange;
    std::function<void(bool)> m_onRefreshChange;
};

} // namespace authkit::convex
