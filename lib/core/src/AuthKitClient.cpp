#include <authkitqt/core/AuthKitClient.h>

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/UserAgent.h>

#include <QNetworkAccessManager>

namespace authkit {

AuthKitClient::AuthKitClient(AuthKitConfig config, SecretStore *secrets,
                             QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_ownNetwork(network ? nullptr : new QNetworkAccessManager)
    , m_network(network ? network : m_ownNetwork.get())
    , m_api(std::make_unique<AuthKitApi>(m_config, m_network))
    , m_store(std::make_unique<SessionStore>(secrets, m_config.storageKey()))
    , m_session(std::make_unique<AuthSession>(m_api.get(), m_store.get()))
{
    connect(m_session.get(), &AuthSession::restored, this, &AuthKitClient::restored);
    connect(m_session.get(), &AuthSession::signInFinished, this, &AuthKitClient::signInFinished);
    connect(m_session.get(), &AuthSession::organizationSwitchFinished, this,
            &AuthKitClient::organizationSwitchFinished);
    connect(m_session.get(), &AuthSession::signedOut, this, &AuthKitClient::signedOut);
}

AuthKitClient::AuthKitClient(AuthKitConfig config, std::unique_ptr<SecretStore> secrets,
                             QNetworkAccessManager *network, QObject *parent)
    : AuthKitClient(std::move(config), secrets.get(), network, parent)
{
    // A child goes after the members: the session and its store never outlive the secrets.
    secrets.release()->setParent(this);
}

AuthKitClient::~AuthKitClient() = default;

AuthState *AuthKitClient::state() const
{
    return m_session->state();
}

SecretStore *AuthKitClient::secrets() const
{
    return m_store->secrets();
}

void AuthKitClient::setUserAgent(UserAgent *agent)
{
    m_session->setUserAgent(agent);
}

UserAgent *AuthKitClient::userAgent() const
{
    return m_session->userAgent();
}

void AuthKitClient::restore()
{
    m_session->restore();
}

void AuthKitClient::signIn(const SignInOptions &options)
{
    m_session->signIn(options);
}

void AuthKitClient::cancelSignIn()
{
    m_session->cancelSignIn();
}

QUrl AuthKitClient::signOut()
{
    return m_session->signOut();
}

void AuthKitClient::switchOrganization(const QString &organizationId)
{
    m_session->switchOrganization(organizationId);
}

void AuthKitClient::accessToken(bool forceRefresh, TokenManager::TokenCallback done)
{
    m_session->accessToken(forceRefresh, std::move(done));
}

} // namespace authkit
