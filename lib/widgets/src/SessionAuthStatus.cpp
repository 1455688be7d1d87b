#include <authkitqt/widgets/SessionAuthStatus.h>

#include <authkitqt/core/AuthState.h>

namespace authkit {

SessionAuthStatus::SessionAuthStatus(AuthState *state, QObject *parent)
    : SessionAuthStatus(state, Qt::AutoConnection, parent)
{
}

SessionAuthStatus::SessionAuthStatus(AuthState *state, Qt::ConnectionType connection,
                                     QObject *parent)
    : AuthStatus(parent)
    , m_state(state)
{
    if (state)
        connect(state, &AuthState::changed, this, &AuthStatus::changed, connection);
}

bool SessionAuthStatus::isLoading() const
{
    return !m_state || m_state->isLoading();
}

bool SessionAuthStatus::isAuthenticated() const
{
    return m_state && m_state->isAuthenticated();
}

WorkOSUser SessionAuthStatus::user() const
{
    return isAuthenticated() && m_state ? m_state->user() : WorkOSUser();
}

QString SessionAuthStatus::lastError() const
{
    return m_state ? m_state->lastError() : QString();
}

Session SessionAuthStatus::session() const
{
    return m_state ? m_state->session() : Session();
}

bool SessionAuthStatus::isSigningIn() const
{
    return m_state && m_state->isSigningIn();
}

bool SessionAuthStatus::isRefreshing() const
{
    return m_state && m_state->isRefreshing();
}

QString SessionAuthStatus::persistenceNotice() const
{
    return m_state ? m_state->persistenceNotice() : QString();
}

bool SessionAuthStatus::hasTokenTimings() const
{
    return !m_state.isNull();
}

qint64 SessionAuthStatus::msUntilExpiry() const
{
    return m_state ? m_state->msUntilExpiry() : -1;
}

qint64 SessionAuthStatus::msUntilScheduledRefresh() const
{
    return m_state ? m_state->msUntilScheduledRefresh() : -1;
}

} // namespace authkit
