#include <authkitqt/core/TokenManager.h>

#include <authkitqt/core/CrossProcessLock.h>
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

TokenResult success(const QString &accessToken)
{
    TokenResult result;
    result.accessToken = accessToken;
    return result;
}

ApiError describedError(ApiError::Kind kind, const QString &description)
{
    ApiError error;
    error.kind = kind;
    error.description = description;
    return error;
}

TokenResult notSignedIn()
{
    return failure(describedError(ApiError::Kind::BadResponse, Text::tr("Not signed in.")), true);
}

Session sessionFrom(const AuthResponse &response, const AccessTokenClaims &claims,
                    qint64 lifetimeSecs, qint64 expiresAtMonotonicMs)
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
    session.accessTokenLifetimeSecs = lifetimeSecs;
    session.accessTokenExpiresAtMs = expiresAtMonotonicMs;
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
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        m_nextAttemptAtMs = -1;
        startRefresh();
    });
}

TokenManager::~TokenManager()
{
    releaseLock();
}

qint64 TokenManager::leadMsFor(qint64 lifetimeSecs) const
{
    const qint64 configured = qint64(m_settings.refreshLeadSecs) * 1000;
    const qint64 fifth = lifetimeSecs * 1000 / 5;
    return qMax<qint64>(500, qMin(configured, fifth));
}

qint64 TokenManager::leadMs() const
{
    return leadMsFor(m_session.accessTokenLifetimeSecs);
}

qint64 TokenManager::storedLeadSecs(const StoredSession &stored) const
{
    return (leadMsFor(stored.accessTokenLifetimeSecs) + 999) / 1000;
}

bool TokenManager::storedTokenUsable(const StoredSession &stored) const
{
    return stored.hasAccessTokenValidFor(m_clock.wallSecs(), storedLeadSecs(stored));
}

void TokenManager::resetFailures()
{
    m_failures = 0;
    m_unexpectedFailures = 0;
    m_parked = false;
}

qint64 TokenManager::msUntilExpiry() const
{
    if (m_session.accessToken.isEmpty())
        return 0;
    return m_session.accessTokenExpiresAtMs - m_clock.monotonicMs();
}

qint64 TokenManager::msUntilScheduledRefresh() const
{
    if (m_nextAttemptAtMs < 0)
        return -1;
    return qMax<qint64>(0, m_nextAttemptAtMs - m_clock.monotonicMs());
}

bool TokenManager::hasUsableToken() const
{
    return !m_session.accessToken.isEmpty() && msUntilExpiry() > 0;
}

bool TokenManager::anyForcedWaiter() const
{
    return std::any_of(m_waiters.cbegin(), m_waiters.cend(),
                       [](const Waiter &waiter) { return waiter.forced; });
}

void TokenManager::verifyResponse(const AuthResponse &response, Verified done)
{
    const QByteArray token = response.accessToken.toLatin1();
    // The token comes straight from WorkOS over TLS: a clock that disagrees with its iat/exp is
    // this machine's fault, not the token's. Its time claims are then checked against its own
    // iat (the signature, issuer, audience and algorithm checks stay as they are).
    const qint64 issuedAt = TokenVerifier::decodeUnverified(token).issuedAt;
    const qint64 skew = m_clock.wallSecs() - issuedAt;
    std::optional<qint64> checkAt;
    if (issuedAt > 0 && qAbs(skew) > TokenVerifier::kDefaultLeewaySecs) {
        qCWarning(lcToken) << "this computer's clock is off by" << skew
                           << "s from WorkOS's; expiry is measured locally";
        checkAt = issuedAt;
    }
    m_jwks->verify(token, [this, response, done](const JwksCache::Outcome &outcome) {
        if (!outcome.result.ok()) {
            ApiError error = describedError(
                outcome.transient ? ApiError::Kind::Network : ApiError::Kind::BadResponse,
                outcome.transient ? outcome.error
                                  : Text::tr("the access token failed verification: %1")
                                        .arg(outcome.result.reason));
            qCWarning(lcToken).noquote() << "access token not accepted:"
                                         << (outcome.transient ? outcome.error
                                                               : outcome.result.reason);
            done(false, error, Session());
            return;
        }
        const AccessTokenClaims &claims = outcome.result.claims;
        // The lifetime WorkOS meant (exp - iat), counted from now on our monotonic clock: a
        // skewed wall clock neither shortens nor stretches it.
        const qint64 lifetime = qMax<qint64>(0, claims.expiresAt - claims.issuedAt);
        done(true, ApiError(),
             sessionFrom(response, claims, lifetime, m_clock.monotonicMs() + lifetime * 1000));
    }, checkAt);
}

StoredSession TokenManager::envelope(bool withAccessToken) const
{
    StoredSession stored;
    stored.refreshToken = m_refreshToken;
    stored.userId = m_session.user.id;
    stored.organizationId = m_session.organizationId;
    stored.user = m_session.user.json;
    stored.sessionId = m_session.sessionId;
    stored.authenticationMethod = m_session.authenticationMethod;
    stored.impersonationReason = m_session.impersonationReason;
    stored.savedAt = QDateTime::currentDateTimeUtc();
    if (withAccessToken && hasUsableToken()) {
        stored.accessToken = m_session.accessToken;
        stored.accessTokenLifetimeSecs = m_session.accessTokenLifetimeSecs;
        // Other processes read the end on the wall clock; this computer's, so skew against
        // WorkOS does not matter, and a clock set back is caught by the lifetime bound.
        stored.accessTokenExpiresAtSecs = m_clock.wallSecs() + msUntilExpiry() / 1000;
    }
    return stored;
}

void TokenManager::persist(bool withAccessToken, std::function<void()> then)
{
    const quint64 generation = m_generation;
    QPointer<TokenManager> self(this);
    m_store->save(envelope(withAccessToken), [self, generation, then](SecretStore::Status status,
                                                                      const QString &storeError) {
        if (!self || generation != self->m_generation)
            return;
        const bool persistent = status == SecretStore::Status::Ok;
        if (!persistent)
            qCWarning(lcToken).noquote() << "the session is kept in memory only:" << status
                                         << storeError;
        if (persistent != self->m_persistent) {
            self->m_persistent = persistent;
            Q_EMIT self->persistenceChanged(persistent);
        }
        then();
    });
}

void TokenManager::adopt(const AuthResponse &response, TokenCallback done)
{
    // Verify first: a sign-in whose token does not verify must leave the keychain and the
    // session in memory exactly as they were.
    const quint64 generationAtStart = m_generation;
    verifyResponse(response, [this, response, done, generationAtStart](
                                 bool ok, const ApiError &error, const Session &session) {
        if (!ok) {
            done(failure(error, false));
            return;
        }
        if (generationAtStart != m_generation)
            qCDebug(lcToken) << "the session changed while a sign-in was verified; it wins";
        // The new session replaces whatever was there; the answer to a refresh still in flight
        // belongs to the old one and is dropped (its waiters get the new token below).
        ++m_generation;
        releaseLock();
        m_refreshTimer.stop();
        m_nextAttemptAtMs = -1;
        resetFailures();
        m_refreshToken = response.refreshToken;
        m_session = session;
        persist(true, [this, done] {
            scheduleRefresh();
            Q_EMIT sessionChanged();
            const quint64 generation = m_generation;
            if (m_refreshInFlight)
                finishRefresh(success(m_session.accessToken));
            // A slot may have signed out (clear()) in reaction: then this result is void.
            if (generation == m_generation)
                done(success(m_session.accessToken));
        });
    });
}

void TokenManager::resume(const StoredSession &stored)
{
    ++m_generation;
    m_refreshToken = stored.refreshToken;
    m_session = Session();
    m_session.user = WorkOSUser::fromJson(stored.user);
    m_session.sessionId = stored.sessionId;
    m_session.organizationId = stored.organizationId;
    m_session.authenticationMethod = stored.authenticationMethod;
    m_session.impersonationReason = stored.impersonationReason;
    if (storedTokenUsable(stored)) {
        adoptStored(stored);
        return;
    }
    startRefresh();
}

void TokenManager::adoptStored(const StoredSession &stored)
{
    // Written by a process of this user after it verified the token; the keychain entry is as
    // trusted as the refresh token next to it.
    AuthResponse response;
    response.user = WorkOSUser::fromJson(stored.user);
    response.organizationId = stored.organizationId;
    response.accessToken = stored.accessToken;
    response.refreshToken = stored.refreshToken;
    response.authenticationMethod = stored.authenticationMethod;
    response.impersonationReason = stored.impersonationReason;
    const AccessTokenClaims claims =
        TokenVerifier::decodeUnverified(stored.accessToken.toLatin1());
    const qint64 remainingMs = (stored.accessTokenExpiresAtSecs - m_clock.wallSecs()) * 1000;
    m_refreshToken = stored.refreshToken;
    m_session = sessionFrom(response, claims, stored.accessTokenLifetimeSecs,
                            m_clock.monotonicMs() + remainingMs);
    resetFailures();
    qCDebug(lcToken) << "using the stored access token; no refresh needed";
    qCDebug(lcStartup) << "stored access token adopted";
    scheduleRefresh();
    Q_EMIT sessionChanged();
}

void TokenManager::accessToken(bool forceRefresh, TokenCallback done)
{
    if (m_refreshToken.isEmpty()) {
        done(notSignedIn());
        return;
    }
    if (!forceRefresh && !m_refreshInFlight && !m_session.accessToken.isEmpty()
        && msUntilExpiry() > leadMs()) {
        done(success(m_session.accessToken));
        return;
    }
    m_parked = false; // a caller asking again is what a parked session waits for
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
    if (m_refreshToken.isEmpty() || m_refreshInFlight || m_parked)
        return;
    // Timers stand still while the machine sleeps; the monotonic clock here does not. A retry
    // whose backoff has not run out yet is left alone (Retry-After is honoured).
    if (m_nextAttemptAtMs >= 0 && m_clock.monotonicMs() < m_nextAttemptAtMs)
        return;
    if (m_session.accessToken.isEmpty() || msUntilExpiry() <= leadMs() || m_nextAttemptAtMs >= 0)
        startRefresh();
}

void TokenManager::startRefresh()
{
    if (m_refreshInFlight || m_refreshToken.isEmpty())
        return; // one refresh at a time: callers wait for the one in flight
    m_refreshInFlight = true;
    m_refreshTimer.stop();
    m_nextAttemptAtMs = -1;
    Q_EMIT refreshingChanged(true);

    m_switchTarget = std::exchange(m_pendingSwitch, QString());
    const quint64 generation = m_generation;
    if (!m_lock || !m_persistent) {
        refreshWithServer(generation);
        return;
    }
    QPointer<TokenManager> self(this);
    m_lock->acquire([self, generation](bool acquired) {
        if (!self)
            return;
        if (generation != self->m_generation) {
            self->releaseLock();
            return;
        }
        if (!acquired) {
            // Another process holds the entry for longer than any refresh takes: do not risk
            // presenting a token it may be rotating; try again later.
            ApiError busy = describedError(
                ApiError::Kind::Network,
                Text::tr("another process is refreshing this session and has not finished"));
            self->scheduleRetry(busy, true);
            self->finishRefresh(failure(busy, false));
            return;
        }
        self->rereadStoreThenRefresh(generation);
    });
}

void TokenManager::rereadStoreThenRefresh(quint64 generation)
{
    QPointer<TokenManager> self(this);
    m_store->load([self, generation](SecretStore::Status status,
                                     std::optional<StoredSession> stored, const QString &) {
        if (!self)
            return;
        if (generation != self->m_generation) {
            self->releaseLock();
            return;
        }
        if (status == SecretStore::Status::NotFound) {
            // The entry is gone: another process signed out or saw the session end.
            const QString reason = Text::tr("You were signed out by another program using this "
                                            "account on this computer.");
            self->endSession(reason, false, [self, reason] {
                if (self)
                    self->finishRefresh(
                        failure(describedError(ApiError::Kind::BadResponse, reason), true));
            });
            return;
        }
        if (status == SecretStore::Status::Ok && stored
            && stored->refreshToken != self->m_refreshToken && self->m_switchTarget.isEmpty()) {
            // Another process refreshed while we waited: its token is the live one.
            self->takeOverStoredSession(*stored, self->storedLeadSecs(*stored), generation);
            return;
        }
        self->refreshWithServer(generation);
    });
}

void TokenManager::takeOverStoredSession(const StoredSession &stored, qint64 minRemainingSecs,
                                         quint64 generation)
{
    m_refreshToken = stored.refreshToken;
    // Its access token spares a request when it is not the one we hold (a forced refresh wants
    // another) and lasts long enough; else the refresh goes on with the stored refresh token.
    const bool newerAccessToken = stored.accessToken != m_session.accessToken;
    if (newerAccessToken && stored.hasAccessTokenValidFor(m_clock.wallSecs(), minRemainingSecs)) {
        releaseLock();
        adoptStored(stored);
        finishRefresh(success(m_session.accessToken));
        return;
    }
    refreshWithServer(generation);
}

void TokenManager::refreshWithServer(quint64 generation)
{
    // Routine refreshes name the current organization so the session keeps it.
    const QString organizationId =
        m_switchTarget.isEmpty() ? m_session.organizationId : m_switchTarget;
    qCDebug(lcToken) << "refreshing" << (m_switchTarget.isEmpty() ? "" : "to switch organization");
    qCDebug(lcStartup) << "refresh request sent";
    QPointer<TokenManager> self(this);
    m_api->authenticateWithRefreshToken(
        m_refreshToken, organizationId, [self, generation](const AuthResult &result) {
            if (!self)
                return;
            qCDebug(lcStartup) << "refresh answered";
            if (generation != self->m_generation) {
                self->releaseLock();
                return;
            }
            if (!result.ok())
                self->onRefreshFailed(result.error, generation);
            else
                self->acceptRefreshed(*result.response, generation);
        });
}

void TokenManager::acceptRefreshed(const AuthResponse &response, quint64 generation)
{
    // The old refresh token is spent the moment WorkOS answered: only the new one is usable,
    // whatever the verification below says.
    m_refreshToken = response.refreshToken;
    verifyResponse(response, [this, generation](bool ok, const ApiError &error,
                                                const Session &session) {
        if (generation != m_generation) {
            releaseLock();
            return;
        }
        if (!ok) {
            // Store the rotated refresh token (the old one is dead) without the unverified
            // access token; keep the previous one, which is still good until it expires.
            persist(true, [this, error] {
                releaseLock();
                scheduleRetry(error, error.isTransient());
                finishRefresh(failure(error, false));
            });
            return;
        }
        m_session = session;
        resetFailures();
        qCDebug(lcStartup) << "refreshed token verified";
        persist(true, [this] {
            qCDebug(lcStartup) << "refreshed session stored";
            releaseLock();
            scheduleRefresh();
            Q_EMIT sessionChanged();
            finishRefresh(success(m_session.accessToken));
        });
    });
}

void TokenManager::onRefreshFailed(const ApiError &error, quint64 generation)
{
    const bool sessionOver = error.code == QLatin1String("invalid_grant");
    if (sessionOver && m_lock && m_persistent) {
        // A token another process rotated without us seeing it (a process of an older
        // version, or a lock that timed out): the entry then holds a newer one; use it.
        QPointer<TokenManager> self(this);
        const QString presented = m_refreshToken;
        m_store->load([self, generation, presented, error](SecretStore::Status status,
                                                          std::optional<StoredSession> stored,
                                                          const QString &) {
            if (!self)
                return;
            if (generation != self->m_generation) {
                self->releaseLock();
                return;
            }
            if (status == SecretStore::Status::Ok && stored && stored->refreshToken != presented
                && self->m_switchTarget.isEmpty()) {
                qCInfo(lcToken) << "the refresh token was rotated by another process; using its";
                self->takeOverStoredSession(*stored, 0, generation);
                return;
            }
            self->endSession(error.message(), true, [self, error] {
                if (self)
                    self->finishRefresh(failure(error, true));
            });
        });
        return;
    }
    releaseLock();
    if (!m_switchTarget.isEmpty() && !sessionOver) {
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
        QPointer<TokenManager> self(this);
        endSession(error.message(), true, [self, error] {
            if (self)
                self->finishRefresh(failure(error, true));
        });
        return;
    }
    scheduleRetry(error, error.isTransient());
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
        // A failure that keeps the session still leaves an unexpired token good for callers
        // that did not insist on a new one (authkit-js does the same).
        if (!result.ok() && !result.terminal && !waiter.forced && hasUsableToken())
            waiter.done(success(m_session.accessToken));
        else
            waiter.done(result);
    }
    for (const TokenCallback &waiter : switchWaiters)
        waiter(result);
    if (!m_pendingSwitch.isEmpty())
        startRefresh();
}

void TokenManager::endSession(const QString &reason, bool clearStore, std::function<void()> then)
{
    qCInfo(lcToken).noquote() << "session ended:" << reason;
    ++m_generation;
    m_refreshToken.clear();
    m_session = Session();
    m_refreshTimer.stop();
    m_nextAttemptAtMs = -1;
    resetFailures();
    QPointer<TokenManager> self(this);
    auto announce = [self, reason, then] {
        if (!self)
            return;
        self->releaseLock(); // held until the entry is gone, so no other process reads it
        Q_EMIT self->sessionEnded(reason);
        then();
    };
    if (!clearStore) {
        announce();
        return;
    }
    // The entry is removed before anyone hears that the session ended, so a command that exits
    // on that news leaves no dead token behind for the next one to present.
    m_store->clear([announce](SecretStore::Status status, const QString &error) {
        if (status != SecretStore::Status::Ok)
            qCWarning(lcToken).noquote() << "could not clear the stored session:" << error;
        announce();
    });
}

void TokenManager::releaseLock()
{
    if (m_lock)
        m_lock->release();
}

void TokenManager::startTimer(qint64 delayMs)
{
    const qint64 bounded = qBound<qint64>(0, delayMs, 24LL * 3600 * 1000);
    m_nextAttemptAtMs = m_clock.monotonicMs() + bounded;
    m_refreshTimer.start(static_cast<int>(bounded));
}

void TokenManager::scheduleRefresh()
{
    if (m_refreshToken.isEmpty() || m_session.accessToken.isEmpty())
        return;
    startTimer(msUntilExpiry() - leadMs());
}

void TokenManager::scheduleRetry(const ApiError &error, bool transient)
{
    ++m_failures;
    if (!transient)
        ++m_unexpectedFailures;
    if (!transient && m_unexpectedFailures > m_settings.maxUnexpectedFailureRetries) {
        // The same unexpected answer again and again: stop asking on our own; the session stays
        // and the next caller that needs a token tries again.
        m_refreshTimer.stop();
        m_nextAttemptAtMs = -1;
        m_parked = true;
        qCWarning(lcToken).noquote() << "refresh keeps failing; not retrying on its own:"
                                     << error.message();
        Q_EMIT transientFailure(error.message(), -1);
        return;
    }
    // Exponential backoff with full jitter in its upper half, never sooner than Retry-After.
    const qint64 ceiling = qMin<qint64>(m_settings.maxBackoffMs,
                                        qint64(m_settings.initialBackoffMs)
                                            << qMin(m_failures - 1, 16));
    qint64 delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    if (error.retryAfterSecs >= 0)
        delay = qMax<qint64>(delay, qint64(error.retryAfterSecs) * 1000);
    startTimer(delay);
    qCInfo(lcToken).noquote() << "refresh failed" << (transient ? "(transient)" : "(unexpected)")
                              << "retrying in" << delay << "ms";
    Q_EMIT transientFailure(error.message(), static_cast<int>(delay));
}

void TokenManager::clear()
{
    ++m_generation;
    releaseLock();
    m_refreshToken.clear();
    m_session = Session();
    m_refreshTimer.stop();
    m_nextAttemptAtMs = -1;
    resetFailures();
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
