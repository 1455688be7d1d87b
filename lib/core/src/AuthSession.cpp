#include <authkitqt/core/AuthSession.h>

#include <authkitqt/core/CrossProcessLock.h>
#include <authkitqt/core/JwksCache.h>
#include <authkitqt/core/RedirectParser.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/UserAgent.h>

#include "Logging_p.h"

#include <QNetworkInformation>

#include <array>
#include <memory>

Q_LOGGING_CATEGORY(lcSession, "authkit.session")
Q_LOGGING_CATEGORY(lcStartup, "authkit.startup", QtWarningMsg)

namespace authkit {

namespace {
// How often to look whether a refresh is due even though its timer has not fired: timers stand
// still while the machine sleeps, tokens do not.
constexpr int kWatchdogMs = 15000;

bool isOrganizationRefusal(const ApiError &error)
{
    return error.code == QLatin1String("organization_membership_not_found")
           || error.code == QLatin1String("sso_required")
           || error.code == QLatin1String("mfa_enrollment")
           || error.code == QLatin1String("organization_authentication_methods_required");
}
} // namespace

AuthSession::AuthSession(AuthKitApi *api, SessionStore *store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_clock(clock)
    , m_jwks(new JwksCache(api, clock, this))
    , m_tokens(new TokenManager(api, m_jwks, store, clock, this))
    , m_state(new AuthState(m_tokens, this))
{
    // Every process of this user that uses the same keychain entry refreshes under one lock.
    if (store->secrets() && store->secrets()->isPersistent()) {
        m_lock = new CrossProcessLock(CrossProcessLock::pathForKey(store->key()), this);
        m_tokens->setCrossProcessLock(m_lock);
    }
    connect(m_tokens, &TokenManager::sessionChanged, this, &AuthSession::publishSession);
    connect(m_tokens, &TokenManager::refreshingChanged, this,
            [this] { update([](AuthState &) {}); }); // AuthState reads it from m_tokens
    connect(m_tokens, &TokenManager::persistenceChanged, this, &AuthSession::setPersistence);
    connect(m_tokens, &TokenManager::sessionEnded, this, [this](const QString &reason) {
        update([reason](AuthState &s) {
            s.m_loading = false;
            s.m_lastError = reason;
        });
    });
    connect(m_tokens, &TokenManager::transientFailure, this, [this](const QString &message, int) {
        // Still signed in: the last error says why the token may be stale.
        update([message](AuthState &s) { s.m_lastError = message; });
    });

    auto *watchdog = new QTimer(this);
    connect(watchdog, &QTimer::timeout, m_tokens, &TokenManager::checkNow);
    watchdog->start(kWatchdogMs);
    if (QNetworkInformation::loadDefaultBackend()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        m_tokens->checkNow();
                });
    }
}

AuthSession::~AuthSession()
{
    // The view goes before the TokenManager it reads.
    delete m_state;
}

void AuthSession::update(const std::function<void(AuthState &)> &change)
{
    change(*m_state);
    if (!m_state->m_loading)
        m_state->m_hideSession = false; // whatever restore() was waiting for has settled
    Q_EMIT m_state->changed();
}

void AuthSession::setUserAgent(UserAgent *agent)
{
    if (m_agent)
        disconnect(m_agent, nullptr, this, nullptr);
    m_agent = agent;
    if (!agent)
        return;
    connect(agent, &UserAgent::redirectReceived, this, &AuthSession::onRedirect);
    connect(agent, &UserAgent::cancelled, this, &AuthSession::onSignInCancelled);
    connect(agent, &UserAgent::failed, this, &AuthSession::onSignInFailed);
}

void AuthSession::setPersistence(bool persistent)
{
    update([persistent](AuthState &s) {
        s.m_persistence = persistent ? AuthState::Persistence::Keychain
                                     : AuthState::Persistence::MemoryOnly;
    });
}

void AuthSession::publishSession()
{
    update([](AuthState &s) {
        s.m_loading = false;
        s.m_lastError.clear();
    });
}

void AuthSession::restore()
{
    update([](AuthState &s) { s.m_loading = true; });
    qCDebug(lcStartup) << "keychain read started";
    m_store->load([this](SecretStore::Status status, std::optional<StoredSession> stored,
                         const QString &error) {
        qCDebug(lcStartup) << "keychain read finished";
        if (status == SecretStore::Status::Unavailable || status == SecretStore::Status::Denied) {
            qCWarning(lcSession).noquote() << "no keychain:" << error;
            setPersistence(false);
        } else {
            setPersistence(true);
        }
        if (status != SecretStore::Status::Ok || !stored) {
            update([](AuthState &s) { s.m_loading = false; });
            Q_EMIT restored();
            return;
        }
        // Settles on the first outcome of the refresh: a session, its end, or a transient
        // failure (then signed in from the stored user, offline, and retrying).
        auto settle = std::make_shared<std::array<QMetaObject::Connection, 3>>();
        auto done = [this, settle] {
            for (int i = 0; i < 3; ++i)
                disconnect((*settle)[i]);
            Q_EMIT restored();
        };
        (*settle)[0] = connect(m_tokens, &TokenManager::sessionChanged, this, done);
        (*settle)[1] = connect(m_tokens, &TokenManager::sessionEnded, this, done);
        (*settle)[2] = connect(m_tokens, &TokenManager::transientFailure, this, [this, done] {
            // Signed in offline: the stored user, no access token.
            update([](AuthState &s) { s.m_loading = false; });
            done();
        });
        // Until it settles, views see loading and no session (not the stored user yet).
        m_state->m_hideSession = true;
        m_tokens->resume(*stored);
    });
}

void AuthSession::signIn(const SignInOptions &options)
{
    if (!m_agent) {
        endSignIn(false, tr("No way to show the sign-in page is set up."));
        return;
    }
    const QUrl redirectUri = m_agent->prepareRedirectUri(config().redirectUri);
    if (!redirectUri.isValid()) {
        endSignIn(false, tr("Cannot receive the sign-in redirect on this computer."));
        return;
    }
    m_pending = AuthorizationRequest::create(config(), redirectUri, options);
    m_exchanging = false;
    update([](AuthState &s) {
        s.m_signingIn = true;
        s.m_lastError.clear();
    });
    qCInfo(lcSession) << "sign-in started";
    m_agent->present(m_pending);
}

void AuthSession::cancelSignIn()
{
    if (m_agent)
        m_agent->dismiss();
    onSignInCancelled();
}

void AuthSession::onRedirect(const QUrl &url)
{
    if (m_pending.isNull() || m_exchanging)
        return; // no sign-in under way, or this one is already being finished: ignore replays
    const RedirectResult redirect = RedirectParser::parse(url, m_pending.redirectUri());
    switch (redirect.kind) {
    case RedirectResult::Kind::NotOurs:
        return;
    case RedirectResult::Kind::Malformed:
        endSignIn(false, tr("The sign-in page answered with something this app cannot read."));
        return;
    case RedirectResult::Kind::Error:
        if (!m_pending.matchesState(redirect.state)) {
            endSignIn(false, tr("The sign-in answer did not match this sign-in; try again."));
            return;
        }
        endSignIn(false, redirect.errorDescription.isEmpty()
                             ? redirect.error
                             : QStringLiteral("%1 (%2)").arg(redirect.errorDescription, redirect.error));
        return;
    case RedirectResult::Kind::Code:
        break;
    }
    if (!m_pending.matchesState(redirect.state)) {
        // Possibly a forged redirect (login CSRF): never exchange its code.
        qCWarning(lcSession) << "redirect with a state that does not match: ignored";
        endSignIn(false, tr("The sign-in answer did not match this sign-in; try again."));
        return;
    }
    m_exchanging = true;
    const QString verifier = m_pending.codeVerifier();
    m_api->authenticateWithCode(redirect.code, verifier, [this](const AuthResult &result) {
        if (!result.ok()) {
            endSignIn(false, result.error.message());
            return;
        }
        completeSignIn(*result.response);
    });
}

void AuthSession::completeSignIn(const AuthResponse &response)
{
    m_tokens->adopt(response, [this](const TokenResult &result) {
        endSignIn(result.ok(), result.ok() ? QString() : result.error.message());
    });
}

void AuthSession::endSignIn(bool ok, const QString &error)
{
    const bool wasSigningIn = !m_pending.isNull() || m_state->isSigningIn();
    m_pending = AuthorizationRequest();
    m_exchanging = false;
    if (m_agent) {
        // Only now, with the exchange and the checks done, is the browser told how it ended.
        m_agent->completeSignIn(ok, error);
        m_agent->dismiss();
    }
    // A failed sign-in never discards a session that was already there.
    update([ok, error](AuthState &s) {
        s.m_signingIn = false;
        s.m_loading = false;
        if (!ok)
            s.m_lastError = error;
    });
    if (wasSigningIn)
        Q_EMIT signInFinished(ok, error);
    qCInfo(lcSession) << "sign-in" << (ok ? "succeeded" : "did not complete");
}

void AuthSession::onSignInCancelled()
{
    if (m_pending.isNull())
        return;
    endSignIn(false, QString()); // cancelling is not an error
}

void AuthSession::onSignInFailed(const QString &message)
{
    if (!m_pending.isNull())
        endSignIn(false, message);
}

QUrl AuthSession::signOut()
{
    const QString sessionId = m_tokens->session().sessionId;
    m_tokens->clear();
    m_store->clear([self = QPointer<AuthSession>(this)](SecretStore::Status status,
                                                        const QString &error) {
        if (status != SecretStore::Status::Ok)
            qCWarning(lcSession).noquote() << "could not clear the keychain entry:" << error;
        if (self)
            Q_EMIT self->signedOut();
    });
    update([](AuthState &s) {
        s.m_loading = false;
        s.m_lastError.clear();
    });
    if (sessionId.isEmpty())
        return {};
    const QUrl logoutUrl = config().logoutUrl(sessionId);
    if (m_agent)
        m_agent->endSession(logoutUrl);
    qCInfo(lcSession) << "signed out";
    return logoutUrl;
}

void AuthSession::switchOrganization(const QString &organizationId)
{
    m_tokens->switchOrganization(organizationId, [this, organizationId](const TokenResult &result) {
        if (result.ok()) {
            Q_EMIT organizationSwitchFinished(true, QString());
            return;
        }
        if (isOrganizationRefusal(result.error) && m_agent && m_tokens->hasSession()) {
            // As authkit-js does: the organization needs its own sign-in (SSO, MFA, membership).
            qCInfo(lcSession) << "organization switch refused; signing in to the organization";
            SignInOptions options;
            options.organizationId = organizationId;
            options.loginHint = m_tokens->session().user.email;
            signIn(options);
            Q_EMIT organizationSwitchFinished(false, QString());
            return;
        }
        update([result](AuthState &s) { s.m_lastError = result.error.message(); });
        Q_EMIT organizationSwitchFinished(false, result.error.message());
    });
}

void AuthSession::accessToken(bool forceRefresh, TokenManager::TokenCallback done)
{
    m_tokens->accessToken(forceRefresh, std::move(done));
}

} // namespace authkit
