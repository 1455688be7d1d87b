#pragma once

#include <authkitqt/widgets/AuthStatus.h>

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
 * The person and the last error come from the AuthKit session.
 */
class AUTHKITQT_WIDGETS_EXPORT ConvexAuthStatus : public AuthStatus
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
    WorkOSUser user() const override;
    QString lastError() const override;
    Session session() const override;
    bool isSigningIn() const override;
    bool isRefreshing() const override;
    QString persistenceNotice() const override;
    bool hasTokenTimings() const override;
    qint64 msUntilExpiry() const override;
    qint64 msUntilScheduledRefresh() const override;

private:
    QPointer<convex::ConvexAuthState> m_backend;
    QPointer<AuthState> m_session;
    QMetaObject::Connection m_backendConnection;
};

} // namespace authkit
