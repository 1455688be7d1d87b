#pragma once

#include <authkitqt/widgets/SessionAuthStatus.h>

#include <QMetaObject>
#include <QPointer>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

namespace authkit {

class AuthState;
namespace convex {
class ConvexAuthState;
}

/**
 * AuthStatus of an AuthKit session behind a Convex backend, as ConvexProviderWithAuthKit: loading
 * until the backend has confirmed or refused the token, authenticated only once it accepted it.
 * The person and the last error come from the AuthKit session; the person and the session are
 * shown only once the backend has accepted the token.
 */
class AUTHKITQT_WIDGETS_EXPORT ConvexAuthStatus : public SessionAuthStatus
{
    Q_OBJECT
public:
    /// Follows backend and session (neither owned).
    ConvexAuthStatus(convex::ConvexAuthState *backend, AuthState *session,
                     QObject *parent = nullptr);

    /// Follows another backend state from now on (a retried backend sign-in makes a new one).
    void setBackend(convex::ConvexAuthState *backend);

    bool isLoading() const override;
    bool isAuthenticated() const override;
    Session session() const override;
    bool isRefreshing() const override;

private:
    QPointer<convex::ConvexAuthState> m_backend;
    QMetaObject::Connection m_backendConnection;
};

} // namespace authkit
