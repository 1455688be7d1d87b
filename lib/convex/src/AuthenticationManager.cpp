#include "AuthenticationManager_p.h"

#include "ConvexLogging_p.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcConvexAuth, "authkit.convex.auth")

namespace authkit::convex {

namespace {

// exp - iat of a token as whole seconds, bounded (about 30 years either way): casting an absurd
// double (1e300, NaN) to an integer is undefined, and the milliseconds must not overflow.
qint64 boundedLifetimeSecs(double seconds)
{
    constexpr double kBound = 1e9;
    if (!(seconds > -kBound))
        return -qint64(kBound);
    return seconds < kBound ? static_cast<qint64>(seconds) : qint64(kBound);
}

// The JWT payload without verifying it: the server does that, we only read iat and exp.
std::optional<QJsonObject> decodeJwtPayload(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

AuthenticationManager::AuthenticationManager(ConvexClient *client, int leewaySecs)
    : m_client(client)
    , m_leewaySecs(leewaySecs)
{
    m_refetchTimer.setSingleShot(true);
    m_refetchTimer.setTimerType(Qt::PreciseTimer); // one timer; its due time is reported
    connect(&m_refetchTimer, &QTimer::timeout, this, &AuthenticationManager::refetchToken);
}

void AuthenticationManager::setConfig(ConvexClient::TokenFetcher fetcher,
                                      std::function<void(bool)> onChange,
                                      std::function<void(bool)> onRefreshChange)
{
    resetAuthState();
    m_client->m_lastAuthError.clear();
    m_fetchToken = std::move(fetcher);
    m_onChange = std::move(onChange);
    m_onRefreshChange = std::move(onRefreshChange);
    // No Connect, query set or request goes out before the token is known.
    m_client->pause();
    fetchToken(false, [this](std::optional<QString> token) {
        if (token && !token->isEmpty()) {
            if (m_client->m_tokenFreshness && m_client->m_tokenFreshness(*token)) {
                // Minted just now (a restore's refresh): what the forced refetch would give.
                m_hadAuth = false;
                m_freshToken = *token;
                setState(State::WaitingForServerConfirmationOfFreshToken);
            } else {
                setState(State::WaitingForServerConfirmationOfCachedToken);
            }
            m_client->setAuthToken(*token);
            m_client->resume();
            return;
        }
        setState(State::InitialRefetch);
        // refetchToken() resumes the client once its fetch is back.
        refetchToken();
    });
}

void AuthenticationManager::onTransition(const protocol::Transition &transition)
{
    // Only a Transition that answers an Authenticate we sent counts.
    if (transition.endVersion.identity < m_client->identityVersion())
        return;
    if (transition.endVersion.identity <= transition.startVersion.identity)
        return;
    if (m_state == State::WaitingForServerConfirmationOfCachedToken
        || m_state == State::WaitingForServerConfirmationOfFreshToken)
        m_client->m_lastAuthError.clear(); // a token was accepted
    switch (m_state) {
    case State::WaitingForServerConfirmationOfCachedToken:
        qCDebug(lcConvexAuth) << "cached token confirmed; refetching a fresh one";
        reportChange(true);
        // A forced refetch gives a token whose lifetime we know from when it arrived.
        refetchToken();
        break;
    case State::WaitingForServerConfirmationOfFreshToken: {
        qCDebug(lcConvexAuth) << "fresh token confirmed";
        setRefreshing(false);
        const bool hadAuth = m_hadAuth;
        scheduleTokenRefetch(m_freshToken);
        m_confirmationAttempts = 0;
        if (!hadAuth)
            reportChange(true);
        break;
    }
    default:
        break;
    }
}

void AuthenticationManager::onAuthError(const protocol::AuthError &error)
{
    const char *attempted = !error.authUpdateAttempted ? "unset"
                            : *error.authUpdateAttempted ? "true"
                                                         : "false";
    qCInfo(lcConvexAuth).noquote() << "AuthError from the server:" << error.error
                                   << "authUpdateAttempted:" << attempted;
    const bool waiting = m_state == State::WaitingForServerConfirmationOfCachedToken
                         || m_state == State::WaitingForServerConfirmationOfFreshToken;
    // The session's old identity expired while a newer token is already on its way; the
    // server closes the socket and the reconnect carries the new token. Only once per token,
    // and only while that token is itself fresh: resending a stale one would be refused again
    // and again (convex-js loops here with ever longer backoffs).
    if (error.authUpdateAttempted == false && waiting) {
        const QString awaited = m_client->authToken().value_or(QString());
        if (awaited != m_expiryIgnoredFor && !awaitedTokenIsStale()) {
            qCDebug(lcConvexAuth) << "ignoring an AuthError for the identity being replaced";
            m_expiryIgnoredFor = awaited;
            // The server is closing the socket: reconnect now, and not as a network failure.
            m_client->m_socket->reconnectForAuth(QStringLiteral("AuthError"));
            return;
        }
        qCDebug(lcConvexAuth) << "the token awaiting confirmation is stale too; fetching another";
    }
    // An error about an older Authenticate than the last one we sent.
    if (error.baseVersion && quint64(*error.baseVersion) + 1 < m_client->identityVersion()) {
        qCDebug(lcConvexAuth) << "ignoring an AuthError for an older identity version";
        return;
    }
    tryToReauthenticate(error);
}

void AuthenticationManager::tryToReauthenticate(const protocol::AuthError &error)
{
    m_client->m_lastAuthError = error.error; // what the app can show if this ends in "rejected"
    if (m_state == State::NoAuth
        || (m_state == State::WaitingForServerConfirmationOfFreshToken
            && m_confirmationAttempts >= kMaxTokenConfirmationAttempts)) {
        qCWarning(lcConvexAuth).noquote()
            << QStringLiteral("Failed to authenticate: \"%1\", check your server auth config")
                   .arg(error.error);
        // Nothing is sent: the server is closing the socket.
        m_client->clearAuthToken(false);
        const bool hadState = m_state != State::NoAuth;
        resetAuthState();
        if (hadState)
            reportChange(false);
        return;
    }
    if (m_state == State::WaitingForServerConfirmationOfFreshToken)
        ++m_confirmationAttempts;
    const bool hadAuth = m_state == State::NotRefetching
                         || m_state == State::WaitingForScheduledRefetch;
    setRefreshing(true);
    m_client->m_socket->stop();
    fetchToken(true, [this, hadAuth](std::optional<QString> token) {
        if (token && !token->isEmpty() && token != m_client->authToken()) {
            m_client->setAuthToken(*token);
            m_hadAuth = hadAuth;
            m_freshToken = *token;
            setState(State::WaitingForServerConfirmationOfFreshToken);
        } else {
            // The same string or none: give up (convex-js#184 keeps this behaviour; a
            // TokenSource that really refreshes never hands back the rejected token).
            qCInfo(lcConvexAuth) << "reauthentication gave"
                                 << (token ? "the rejected token again" : "no token");
            m_client->clearAuthToken(false);
            resetAuthState();
            reportChange(false);
        }
        m_client->m_socket->tryRestart();
    });
}

void AuthenticationManager::refetchToken()
{
    if (m_state == State::NoAuth)
        return;
    fetchToken(true, [this](std::optional<QString> token) {
        if (token && !token->isEmpty()) {
            if (token != m_client->authToken()) {
                m_hadAuth = m_client->hasAuth();
                m_freshToken = *token;
                setState(State::WaitingForServerConfirmationOfFreshToken);
                m_client->setAuthToken(*token);
            } else {
                // The source's "special/weird state": no timer (authentication_manager.ts).
                setState(State::NotRefetching);
            }
        } else {
            if (m_client->hasAuth())
                m_client->clearAuthToken(true);
            resetAuthState();
            reportChange(false);
        }
        m_client->m_socket->tryRestart();
        m_client->resume(); // ends the pause of setConfig's initial refetch; else a no-op
    });
}

void AuthenticationManager::scheduleTokenRefetch(const QString &token)
{
    const auto payload = decodeJwtPayload(token);
    if (!payload) {
        qCWarning(lcConvexAuth) << "Auth token is not a valid JWT, cannot refetch the token";
        return;
    }
    const QJsonValue iat = payload->value(QStringLiteral("iat"));
    const QJsonValue exp = payload->value(QStringLiteral("exp"));
    if (!iat.isDouble() || !exp.isDouble()) {
        qCWarning(lcConvexAuth)
            << "Auth token does not have required fields, cannot refetch the token";
        return;
    }
    qint64 delayMs = refetchDelayMs(boundedLifetimeSecs(exp.toDouble() - iat.toDouble()), m_leewaySecs);
    if (delayMs < 0) {
        qCWarning(lcConvexAuth) << "Auth token does not live long enough, cannot refetch the token";
        return;
    }
    // Measured from when the token arrived, not from the server's confirmation.
    if (m_tokenArrived.isValid())
        delayMs -= m_tokenArrived.elapsed();
    if (delayMs <= 0) {
        qCWarning(lcConvexAuth) << "Refetching auth token immediately: it arrived"
                                << m_tokenArrived.elapsed() << "ms ago, past its refetch time";
        delayMs = 0;
    }
    setState(State::WaitingForScheduledRefetch);
    m_refetchTimer.start(std::chrono::milliseconds(delayMs));
    qCDebug(lcConvexAuth) << "token refetch scheduled in" << delayMs << "ms";
}

qint64 AuthenticationManager::refetchDelayMs(qint64 lifetimeSecs, int leewaySecs)
{
    // iat and exp are whole seconds: up to a second of the lifetime may be gone at issue, and
    // the backend ends the identity at exp with no leeway.
    const qint64 usableMs = (lifetimeSecs - 1) * 1000;
    if (usableMs <= 0)
        return -1;
    // convex-js refetches at exp - iat - leeway (and "cannot refetch" a token of 2 s or less).
    // A token whose usable life is not at least twice the leeway would be refetched in a loop,
    // or after it expired: it is refetched halfway through its usable life instead, so the new
    // one reaches the open socket before the old one ends (a 2 s token after 0.5 s).
    const qint64 delayMs = qint64(leewaySecs) * 2000 < usableMs
                               ? (lifetimeSecs - leewaySecs) * 1000
                               : usableMs / 2;
    return std::min(delayMs, kMaximumRefreshDelayMs);
}

bool AuthenticationManager::awaitedTokenIsStale() const
{
    const auto token = m_client->authToken();
    const auto payload = token ? decodeJwtPayload(*token) : std::nullopt;
    if (!payload)
        return false; // not a JWT: its age is unknown, so the server decides
    const qint64 lifetime = boundedLifetimeSecs(payload->value(QStringLiteral("exp")).toDouble()
                                         - payload->value(QStringLiteral("iat")).toDouble());
    const qint64 delayMs = refetchDelayMs(lifetime, m_leewaySecs);
    return delayMs < 0 || (m_tokenArrived.isValid() && m_tokenArrived.elapsed() >= delayMs);
}

void AuthenticationManager::stop()
{
    resetAuthState();
    // Fetches in flight now belong to an outdated configuration.
    ++m_configVersion;
    m_fetchToken = nullptr;
    m_onChange = nullptr;
    m_onRefreshChange = nullptr;
}

qint64 AuthenticationManager::msUntilScheduledRefetch() const
{
    return m_refetchTimer.isActive() ? m_refetchTimer.remainingTime() : -1;
}

void AuthenticationManager::setState(State state)
{
    if (m_state == State::WaitingForScheduledRefetch && state != m_state)
        m_refetchTimer.stop();
    if (state == State::WaitingForScheduledRefetch || state == State::NotRefetching
        || state == State::NoAuth) {
        m_confirmationAttempts = 0;
    }
    if (state == State::NoAuth)
        setRefreshing(false);
    m_state = state;
}

void AuthenticationManager::resetAuthState()
{
    setState(State::NoAuth);
}

void AuthenticationManager::setRefreshing(bool refreshing)
{
    if (m_refreshing == refreshing)
        return;
    m_refreshing = refreshing;
    if (m_onRefreshChange)
        m_onRefreshChange(refreshing);
}

void AuthenticationManager::fetchToken(bool forceRefresh,
                                       std::function<void(std::optional<QString>)> done)
{
    if (!m_fetchToken)
        return;
    const quint64 version = ++m_configVersion;
    // The fetcher may answer after we (or the client) are gone, or a newer fetch was started.
    QPointer<AuthenticationManager> self(this);
    m_fetchToken(forceRefresh, [self, version, done](std::optional<QString> token) {
        if (!self || version != self->m_configVersion) {
            qCDebug(lcConvexAuth) << "discarding a token fetched for an outdated configuration";
            return;
        }
        self->m_tokenArrived.start();
        done(std::move(token));
    });
}

void AuthenticationManager::reportChange(bool authenticated)
{
    if (m_onChange)
        m_onChange(authenticated);
}

} // namespace authkit::convex
