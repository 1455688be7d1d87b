#include <authkitqt/widgets/ConvexAuthStatus.h>

#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/core/AuthState.h>

namespace authkit {

ConvexAuthStatus::ConvexAuthStatus(convex::ConvexAuthState *backend, AuthState *session,
                                   QObject *parent)
    // The person and the error shown come from the session; a change there alone (a refresh
    // error, an organization switch) is news too. Queued: the backend state hears of the same
    // change and must have caught up before anyone reads isLoading() and isAuthenticated().
    : SessionAuthStatus(session, Qt::QueuedConnection, parent)
{
    setBackend(backend);
}

void ConvexAuthStatus::setBackend(convex::ConvexAuthState *backend)
{
    disconnect(m_backendConnection);
    m_backend = backend;
    if (backend) {
        m_backendConnection =
            connect(backend, &convex::ConvexAuthState::changed, this, &AuthStatus::changed);
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

Session ConvexAuthStatus::session() const
{
    return isAuthenticated() ? SessionAuthStatus::session() : Session();
}

bool ConvexAuthStatus::isRefreshing() const
{
    return m_backend && m_backend->isRefreshing();
}

} // namespace authkit
