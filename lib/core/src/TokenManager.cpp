#include <authkitqt/core/TokenManager.h>

#include <authkitqt/core/JwksCache.h>

#include "Logging_p.h"

#include <QCoreApplication>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcToken, "authkit.token")

namespace authkit {

namespace {

// User-visible text of this file, in the translation context lupdate files it under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TokenManager)
};

TokenResult failure(const ApiError &error, bool terminal)
{
    TokenResult result;
    result.error = error;
    result.terminal = terminal;
    return result;
}

TokenResult notSignedIn()
{
    ApiError error;
    error.kind = ApiError::Kind::BadResponse;
    error.description = Text::tr("Not signed in.");
    return failure(error, true);
}

Session sessionFrom(const AuthResponse &response, const AccessTokenClaims &claims,
                    qint64 nowMonotonicMs)
{
    Session session;
    session.user = response.user;
    session.sessionId = claims.sessionId;
    session.organizationId =
        claims.organizationId.isEmpty() ? response.organizationId : claims.organizationId;
    session.role = claims.role;
    session.roles = claims.roles;
    session.permissions = claims.permissions;
    session.entitlements = claims.entitlements;
    session.featureFlags = claims.featureFlags;
    session.impersonatorEmail =
        claims.impersonatorEmail.isEmpty() ? response.impersonatorEmail : claims.impersonatorEmail;
    session.impersonationReason = response.impersonationReason;
    session.authenticationMethod = response.authenticationMethod;
    session.accessToken = response.accessToken;
    // The lifetime WorkOS meant (exp - iat), counted from now on our monotonic clock: a skewed
    // wall clock neither shortens nor stretches it.
    session.accessTokenLifetimeSecs = qMax<qint64>(0, claims.expiresAt - claims.issuedAt);
    session.accessTokenExpiresAtMs = nowMonotonicMs + session.accessTokenLifetimeSecs * 1000;
    return session;
}

} // namespace

TokenManager::TokenManager(AuthKitApi *api, JwksCache *jwks, SessionStore *store,
                           const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_jwks(jwks)
    , m_store(store)
    , m_clock(clock)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TokenManager::startRefresh);
}

qint64 TokenManager::leadMs() const
{
    const qint64 configured = qint64(m_settings.refreshLeadSecs) * 1000;
    const qint64 fifth = m_session.accessTokenLifetimeSecs * 1000 / 5;
    return qMax<qint64>(500, qMin(configured, fifth));
}

qint64 TokenManager::msUntilExpiry() const
{
    if (m_session.accessToken.isEmpty())
        return 0;
    return m_session.accessTokenExpiresAtMs - m_clock.monotonicMs();
}

qint64 TokenManager::msUntilScheduledRefresh() const
{
    return m_refreshTimer.isActive() ? m_refreshTimer.remainingTime() : -1;
}

bool TokenManager::hasUsableToken() const
{
    return !m_session.accessToken.isEmpty() && msUntilExpiry() > 0;
}

void TokenManager::adopt(const AuthResponse &response, TokenCallback done)
{
    // A new sign-in replaces whatever was there; a refresh still in flight belongs to the old
    // session and its answer is dropped.
    ++m_generation;
    m_refreshTimer.stop();
    m_failures = 0;
    accept(response, std::move(done));
}

void TokenManager::resume(const StoredSession &stored)
{
    ++m_generation;
    m_refreshToken = stored.refreshToken;
    m_session = Session();
    m_session.user = WorkOSUser::fromJson(stored.user);
    m_session.sessionId = stored.sessionId;
    m_session.organizationId = stored.organizationId;
    startRefresh();
}

void TokenManager::accept(const AuthResponse &response, TokenCallback done)
{
    const quint64 generation = m_generation;
    // The old refresh token is spent the moment WorkOS answered: only the new one is usable.
    m_refreshToken = response.refreshToken;

    StoredSession stored;
    stored.refreshToken = response.refreshToken;
    stored.userId = response.user.id;
    stored.organizationId = response.organizationId;
    stored.user = response.user.json;
    stored.sessionId = TokenVerifier::decodeUnverified(response.accessToken.toLatin1()).sessionId;
    stored.savedAt = QDateTime::currentDateTimeUtc();

    // Persist the rotated refresh token first; only then is the new access token handed out.
    m_store->save(stored, [this, generation, response, done](SecretStore::Status status,
                                                              const QString &storeError) {
        if (generation != m_generation)
            return;
        const bool persistent = status == SecretStore::Status::Ok;
        if (!persistent)
            qCWarning(lcToken).noquote() << "the session is kept in memory only:" << status
                                         << storeError;
        if (persistent != m_persistent) {
            m_persistent = persistent;
            Q_EMIT persistenceChanged(persistent);
        }
        const QByteArray token = response.accessToken.toLatin1();
        // The token comes straight from WorkOS over TLS: a clock that disagrees with its iat/exp
        // is this machine's fault, not the token's. Its time claims are then checked against
        // its own iat (the signature, issuer and algorithm checks stay as they are).
        const qint64 issuedAt = TokenVerifier::decodeUnverified(token).issuedAt;
        const qint64 skew = m_clock.wallSecs() - issuedAt;
        std::optional<qint64> checkAt;
        if (issuedAt > 0 && qAbs(skew) > TokenVerifier::kDefaultLeewaySecs) {
            qCWarning(lcToken) << "this computer's clock is off by" << skew
                               << "s from WorkOS's; expiry is measured locally";
            checkAt = issuedAt;
        }
        m_jwks->verify(token, [this, generation, response,
                               done](const JwksCache::Outcome &outcome) {
            if (generation != m_generation)
                return;
            if (!outcome.result.ok()) {
                ApiError error;
                error.kind = outcome.transient ? ApiError::Kind::Network : ApiError::Kind::BadResponse;
                error.description = outcome.transient
                                        ? outcome.error
                                        : Text::tr("the access token failed verification: %1")
                                              .arg(outcome.result.reason);
                qCWarning(lcToken).noquote() << "access token rejected:" << outcome.result.reason;
                done(failure(error, !outcome.transient));
                return;
            }
            m_session = sessionFrom(response, outcome.result.claims, m_clock.monotonicMs());
            m_failures = 0;
            scheduleRefresh();
            TokenResult result;
            result.accessToken = m_session.accessToken;
            Q_EMIT sessionChanged();
            // A slot may have signed out (clear()) in reaction: then this result is void.
            if (generation == m_generation)
                done(result);
        }, checkAt);
    });
}

void TokenManager::accessToken(bool forceRefresh, TokenCallback done)
{
    if (m_refreshToken.isEmpty()) {
        done(notSignedIn());
        return;
    }
    if (!forceRefresh && !m_refreshInFlight && !m_session.accessToken.isEmpty()
        && msUntilExpiry() > leadMs()) {
        TokenResult result;
        result.accessToken = m_session.accessToken;
        done(result);
        return;
    }
    m_waiters.append(Waiter{std::move(done), forceRefresh});
    startRefresh();
}

void TokenManager::switchOrganization(const QString &organizationId, TokenCallback done)
{
    if (m_refreshToken.isEmpty()) {
        done(notSignedIn());
        return;
    }
    m_switchWaiters.append(std::move(done));
    m_pendingSwitch = organizationId;
    startRefresh();
}

void TokenManager::checkNow()
{
    if (!m_refreshToken.isEmpty() && !m_refreshInFlight
        && (m_session.accessToken.isEmpty() || msUntilExpiry() <= leadMs()))
        startRefresh();
}

void TokenManager::startRefresh()
{
    if (m_refreshInFlight || m_refreshToken.isEmpty())
        return; // one refresh at a time: callers wait for the one in flight
    m_refreshInFlight = true;
    m_refreshTimer.stop();
    Q_EMIT refreshingChanged(true);

    m_switchTarget = std::exchange(m_pendingSwitch, QString());
    // Routine refreshes name the current organization so the session keeps it.
    const QString organizationId =
        m_switchTarget.isEmpty() ? m_session.organizationId : m_switchTarget;
    const quint64 generation = m_generation;
    qCDebug(lcToken) << "refreshing" << (m_switchTarget.isEmpty() ? "" : "to switch organization");
    m_api->authenticateWithRefreshToken(
        m_refreshToken, organizationId, [this, generation](const AuthResult &result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                onRefreshFailed(result.error, m_switchTarget);
                return;
            }
            accept(*result.response, [this](const TokenResult &accepted) {
                if (!accepted.ok() && accepted.terminal)
                    endSession(accepted.error.message());
                else if (!accepted.ok())
                    scheduleRetry(accepted.error);
                finishRefresh(accepted);
            });
        });
}

void TokenManager::onRefreshFailed(const ApiError &error, const QString &switchingTo)
{
    const bool sessionOver = error.code == QLatin1String("invalid_grant")
                             || (!error.isTransient() && switchingTo.isEmpty());
    if (!switchingTo.isEmpty() && !sessionOver) {
        // A refused switch leaves the session as it was; only the switch failed.
        const auto waiters = std::exchange(m_switchWaiters, {});
        m_refreshInFlight = false;
        Q_EMIT refreshingChanged(false);
        for (const TokenCallback &waiter : waiters)
            waiter(failure(error, !error.isTransient()));
        m_switchTarget.clear();
        scheduleRefresh();
        if (!m_waiters.isEmpty())
            startRefresh();
        return;
    }
    if (sessionOver) {
        endSession(error.message());
        finishRefresh(failure(error, true));
        return;
    }
    scheduleRetry(error);
    finishRefresh(failure(error, false));
}

void TokenManager::finishRefresh(const TokenResult &result)
{
    m_refreshInFlight = false;
    Q_EMIT refreshingChanged(false);
    const auto waiters = std::exchange(m_waiters, {});
    const auto switchWaiters = m_switchTarget.isEmpty() ? QList<TokenCallback>()
                                                        : std::exchange(m_switchWaiters, {});
    m_switchTarget.clear();
    for (const Waiter &waiter : waiters) {
        // A transient failure still leaves an unexpired token good for callers that did not
        // insist on a new one (authkit-js does the same).
        if (!result.ok() && !result.terminal && !waiter.forced && hasUsableToken()) {
            TokenResult current;
            current.accessToken = m_session.accessToken;
            waiter.done(current);
        } else {
            waiter.done(result);
        }
    }
    for (const TokenCallback &waiter : switchWaiters)
        waiter(result);
    if (!m_pendingSwitch.isEmpty())
        startRefresh();
}

void TokenManager::endSession(const QString &reason)
{
    qCInfo(lcToken).noquote() << "session ended:" << reason;
    ++m_generation;
    m_refreshToken.clear();
    m_session = Session();
    m_refreshTimer.stop();
    m_failures = 0;
    m_store->clear([](SecretStore::Status status, const QString &error) {
        if (status != SecretStore::Status::Ok)
            qCWarning(lcToken).noquote() << "could not clear the stored session:" << error;
    });
    Q_EMIT sessionEnded(reason);
}

void TokenManager::scheduleRefresh()
{
    if (m_refreshToken.isEmpty() || m_session.accessToken.isEmpty())
        return;
    const qint64 due = msUntilExpiry() - leadMs();
    m_refreshTimer.start(static_cast<int>(qBound<qint64>(0, due, 24LL * 3600 * 1000)));
}

void TokenManager::scheduleRetry(const ApiError &error)
{
    ++m_failures;
    // Exponential backoff with full jitter in its upper half, never sooner than Retry-After.
    const qint64 ceiling = qMin<qint64>(m_settings.maxBackoffMs,
                                        qint64(m_settings.initialBackoffMs)
                                            << qMin(m_failures - 1, 16));
    qint64 delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    if (error.retryAfterSecs >= 0)
        delay = qMax<qint64>(delay, qint64(error.retryAfterSecs) * 1000);
    m_refreshTimer.start(static_cast<int>(delay));
    qCInfo(lcToken).noquote() << "refresh failed (transient), retrying in" << delay << "ms";
    Q_EMIT transientFailure(error.message(), static_cast<int>(delay));
}

void TokenManager::clear()
{
    ++m_generation;
    m_refreshToken.clear();
    m_session = Session();
    m_refreshTimer.stop();
    m_failures = 0;
    const bool wasRefreshing = std::exchange(m_refreshInFlight, false);
    if (wasRefreshing)
        Q_EMIT refreshingChanged(false);
    const auto waiters = std::exchange(m_waiters, {});
    const auto switchWaiters = std::exchange(m_switchWaiters, {});
    m_pendingSwitch.clear();
    m_switchTarget.clear();
    for (const Waiter &waiter : waiters)
        waiter.done(notSignedIn());
    for (const TokenCallback &waiter : switchWaiters)
        waiter(notSignedIn());
}

} // namespace authkit
