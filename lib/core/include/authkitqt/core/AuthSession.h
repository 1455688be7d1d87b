#pragma once

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/TokenManager.h>
#include <authkitqt/core/UserAgent.h>

#include <QObject>
#include <QPointer>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

class CrossProcessLock;
class JwksCache;
class SessionStore;

/**
 * @brief The one state machine of sign-in and the only writer of AuthState.
 *
 * Restores a stored session, signs in through a UserAgent, keeps the session fresh (through the
 * TokenManager it owns), switches organization, signs out. Front ends call these and watch
 * state(); AuthKitClient builds one with everything it needs and is the usual way to get one.
 */
class AUTHKITQT_CORE_EXPORT AuthSession : public QObject
{
    Q_OBJECT
public:
    /// api, store and clock are not owned and must outlive the session.
    AuthSession(AuthKitApi *api, SessionStore *store, const Clock &clock = Clock::system(),
                QObject *parent = nullptr);
    ~AuthSession() override;

    /// The read-only state views bind to; it lives as long as this session.
    AuthState *state() const { return m_state; }
    /// The token engine, for integrations that hand tokens on (the Convex token source) and
    /// for tests. Views never need it: state() shows everything they show, read-only.
    TokenManager *tokens() const { return m_tokens; }
    const AuthKitConfig &config() const { return m_api->config(); }
    /// The way sign-in pages are shown (not owned; may be changed between sign-ins, or null).
    void setUserAgent(UserAgent *agent);
    UserAgent *userAgent() const { return m_agent; }

    /// Reads the keychain; signs in from it (a refresh) or settles on signed out. Emits
    /// restored() when settled.
    void restore();
    /// Starts a sign-in through the user agent; signInFinished() tells how it ended.
    void signIn(const SignInOptions &options = {});
    /// Ends a sign-in under way as cancelled (not an error).
    void cancelSignIn();
    /// Memory and keychain first, then the hosted logout through the user agent (best effort).
    /// Returns the logout URL (empty when there was no session), for front ends without an
    /// agent. signedOut() follows once the keychain entry is gone.
    QUrl signOut();
    /// A refresh with organization_id; a refusal falls back to an organization-scoped sign-in
    /// when a user agent is set. organizationSwitchFinished() tells how it ended.
    void switchOrganization(const QString &organizationId);
    /// The current access token (refreshed first when forced or due), as TokenManager gives it.
    void accessToken(bool forceRefresh, TokenManager::TokenCallback done);

Q_SIGNALS:
    /// restore() has settled: signed in, signed in offline, or signed out.
    void restored();
    /// A sign-in ended; error is empty when it was cancelled.
    void signInFinished(bool ok, const QString &error);
    /// A switchOrganization() ended; error is empty when it went on as a sign-in.
    void organizationSwitchFinished(bool ok, const QString &error);
    /// The keychain entry is gone (signOut() returns before that).
    void signedOut();

private:
    void onRedirect(const QUrl &url);
    void onSignInCancelled();
    void onSignInFailed(const QString &message);
    void completeSignIn(const AuthResponse &response);
    void endSignIn(bool ok, const QString &error);
    void publishSession();
    void setPersistence(bool persistent);
    void update(const std::function<void(AuthState &)> &change);

    AuthKitApi *m_api;
    SessionStore *m_store;
    const Clock &m_clock;
    JwksCache *m_jwks;
    TokenManager *m_tokens;
    CrossProcessLock *m_lock = nullptr;
    AuthState *m_state;
    QPointer<UserAgent> m_agent;
    AuthorizationRequest m_pending;
    bool m_exchanging = false;
};

} // namespace authkit
