#include <authkitqt/widgets/ConvexAuthStatus.h>

#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/core/AuthState.h>

namespace authkit {

ConvexAuthStatus::ConvexAuthStatus(convex::ConvexAuthState *backend, AuthState *session,
                                   QObject *parent)
    : AuthStatus(parent)
    , m_session(session)
{
    // The person and the error shown come from the session; a change there alone (a refresh
    // error, an organization switch) is news too. Queued: the backend state hears of the same
    // change and must have caught up before anyone reads isLoading() and isAuthenticated().
    if (session)
        connect(session, &AuthState::changed, this, &AuthStatus::changed, Qt::QueuedConnection);
    setBackend(backend);
}

void ConvexAuthStatus::setBackend(convex::ConvexAuthState *backend)
{
    disconnect(m_backendConnection);
    m_backend = backend;
    if (backend) {
        m_backendConnection = connect(backend, &convex::ConvexAuthState::changed, this,
                                      &AuthStatus::changed);
    }
    Q_EMIT changed();
}

bool ConvexAuthStatus::isLoading() const
{
    return !m_backend || m_backend->isLoading();
}

bool ConvexAuthStatus::isAuthenticated() const
{
    return m_backend && m_backend->isAuthenticated();
}

WorkOSUser ConvexAuthStatus::user() const
{
    return isAuthenticated() && m_session ? m_session->user() : WorkOSUser();
}

QString ConvexAuthStatus::lastError() const
{
    return m_session ? m_session->lastError() : QString();
}

Session ConvexAuthStatus::session() const
{
    return isAuthenticated() && m_session ? m_session->session() : Session();
}

bool ConvexAuthStatus::isSigningIn() const
{
    return m_session && m_session->isSigningIn();
}

bool ConvexAuthStatus::isRefreshing() const
{
    return m_backend && m_backend->isRefreshing();
}

QString ConvexAuthStatus::persistenceNotice() const
{
    return m_session ? m_session->persistenceNotice() : QString();
}

bool ConvexAuthStatus::hasTokenTimings() const
{
    return !m_session.isNull();
}

qint64 ConvexAuthStatus::msUntilExpiry() const
{
    return m_session ? m_session->msUntilExpiry() : -1;
}

qint64 ConvexAuthStatus::msUntilScheduledRefresh() const
{
    return m_session ? m_session->msUntilScheduledRefresh() : -1;
}

} // namespace authkit
