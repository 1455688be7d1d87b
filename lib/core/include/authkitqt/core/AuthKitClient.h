#pragma once

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/SecretStore.h>
#include <authkitqt/core/TokenManager.h>

#include <QObject>

#include <memory>
#include <authkitqt/core/authkitqt_core_export.h>

class QNetworkAccessManager;

namespace authkit {

class AuthKitApi;
class AuthSession;
class SessionStore;
class UserAgent;

/**
 * @brief The library's front door: one object that signs a user in and keeps the session.
 *
 * The composition root of the core layer. From an AuthKitConfig and a SecretStore (the app
 * chooses: KeychainSecretStore in production, MemorySecretStore where no keychain is wanted) it
 * builds and owns the network access manager (unless it is given one), the WorkOS API client,
 * the session store and the AuthSession with its TokenManager, and takes them down in the right
 * order: no caller needs a hand-ordered destructor.
 *
 * @code
 * auto *client = new authkit::AuthKitClient(
 *     config, std::make_unique<authkit::KeychainSecretStore>("MyApp"), nullptr, this);
 * client->setUserAgent(agent);
 * connect(client->state(), &authkit::AuthState::changed, this, &MyWindow::showState);
 * client->restore();
 * @endcode
 *
 * Views get state(): typed and read-only (AuthState has no public setters). Actions go through
 * the client. Integrations that pass tokens on (the Convex token source) use session().
 */
class AUTHKITQT_CORE_EXPORT AuthKitClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(authkit::AuthState *state READ state CONSTANT)
public:
    /**
     * @param config  the WorkOS environment to sign in to (should be valid: see
     *                AuthKitConfig::validate()).
     * @param secrets where the session is kept between runs; owned by the client.
     * @param network the network access manager to use (not owned, must outlive the client);
     *                null: the client makes its own.
     */
    AuthKitClient(AuthKitConfig config, std::unique_ptr<SecretStore> secrets,
                  QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    /// As above with a store the client does not own: it must outlive the client (a store
    /// shared by several clients, a test's).
    AuthKitClient(AuthKitConfig config, SecretStore *secrets,
                  QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~AuthKitClient() override;

    const AuthKitConfig &config() const { return m_config; }
    /// The observable, read-only authentication state; lives as long as the client.
    AuthState *state() const;
    /// The state machine itself, for integrations (AuthKitTokenSource) and tests.
    AuthSession *session() const { return m_session.get(); }
    QNetworkAccessManager *network() const { return m_network; }
    SecretStore *secrets() const;

    /// How the hosted sign-in page is shown (not owned; null: none). May change between
    /// sign-ins.
    void setUserAgent(UserAgent *agent);
    UserAgent *userAgent() const;

    /// Reads the stored session and signs in from it, or settles on signed out; restored()
    /// follows.
    void restore();
    /// Starts a sign-in through the user agent; signInFinished() follows.
    void signIn(const SignInOptions &options = {});
    /// Ends a sign-in under way as cancelled (not an error).
    void cancelSignIn();
    /// Forgets the session in memory and in the keychain, then ends the hosted session through
    /// the user agent. Returns the hosted logout URL (empty when there was no session), for
    /// front ends without an agent; signedOut() follows once the keychain entry is gone.
    QUrl signOut();
    /// Moves the session to another organization; organizationSwitchFinished() follows.
    void switchOrganization(const QString &organizationId);
    /// The current access token, refreshed first when forceRefresh or when it is due.
    void accessToken(bool forceRefresh, TokenManager::TokenCallback done);

Q_SIGNALS:
    /// restore() has settled: signed in, signed in offline, or signed out.
    void restored();
    /// A sign-in ended; error is empty when it was cancelled.
    void signInFinished(bool ok, const QString &error);
    /// A switchOrganization() ended; error is empty when it went on as a sign-in.
    void organizationSwitchFinished(bool ok, const QString &error);
    /// The keychain entry is gone after signOut().
    void signedOut();

private:
    AuthKitConfig m_config;
    // Declared in the order they are built; destroyed in reverse, the session first.
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network;
    std::unique_ptr<AuthKitApi> m_api;
    std::unique_ptr<SessionStore> m_store;
    std::unique_ptr<AuthSession> m_session;
};

} // namespace authkit
