#pragma once

#include <authkitqt/widgets/AuthStatus.h>

#include <QPointer>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

namespace authkit {

class AuthState;

/// AuthStatus of the AuthKit session alone: it reports what core's AuthState says.
class AUTHKITQT_WIDGETS_EXPORT SessionAuthStatus : public AuthStatus
{
    Q_OBJECT
public:
    /// Follows state (not owned; when it is destroyed the status reports loading).
    explicit SessionAuthStatus(AuthState *state, QObject *parent = nullptr);

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

protected:
    /// For a status that layers more on the session: changes of state reach changed() through
    /// a connection of this type.
    SessionAuthStatus(AuthState *state, Qt::ConnectionType connection, QObject *parent);

private:
    QPointer<AuthState> m_state;
};

} // namespace authkit
