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

// The one state machine of sign-in and the only writer of AuthState: restore a stored session,
// sign in through a UserAgent, keep the session fresh (TokenManager), switch organization, sign
// out. Front ends call these and watch state().
class AUTHKITQT_CORE_EXPORT AuthSession : public QObject
{
    Q_OBJECT
public:
    AuthSession(AuthKitApi *api, SessionStore *store, const Clock &clock = Clock::system(),
                QObject *parent = nullptr);
    ~AuthSession() override;

    AuthState *state() const { return m_state; }
    TokenManager *tokens() const { return m_tokens; }
    const AuthKitConfig &config() const { return m_api->config(); }
    void setUserAgent(UserAgent *agent);
    UserAgent *userAgent() const { return m_agent; }

    // Reads the keychain; signs in from it (a refresh) or settles on signed out.
    void restore();
    void signIn(const SignInOptions &options = {});
    void cancelSignIn();
    // Memory and keychain first, then the hosted logout through the user agent (best effort).
    // Returns the logout URL (empty when there was no session), for front ends without an agent.
    QUrl signOut();
    // A refresh with organization_id; a refusal falls back to an organization-scoped sign-in
    // when a user agent is set.
    void switchOrganization(const QString &organizationId);
    void accessToken(bool forceRefresh, TokenManager::TokenCallback done);

Q_SIGNALS:
    void restored();                          // restore() has settled
    void signInFinished(bool ok, const QString &error);
    void organizationSwitchFinished(bool ok, const QString &error);
    void signedOut(); // the keychain entry is gone (signOut() returns before that)

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
