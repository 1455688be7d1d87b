#pragma once

#include <authkitqt/core/Session.h>

#include <QObject>
#include <QString>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

namespace authkit {

/**
 * What the views need to know about signing in, as a typed interface: whether it is still being
 * settled, whether someone is signed in (and who), and the last error worth showing.
 *
 * AuthGate and the pages bind to an AuthStatus instead of reading property names. Two adapters
 * come with the library: SessionAuthStatus (the AuthKit session alone, as authkit-react's
 * useAuth()) and ConvexAuthStatus (signed in only once the Convex backend accepted the token,
 * as ConvexProviderWithAuthKit does). An app can implement its own.
 */
class AUTHKITQT_WIDGETS_EXPORT AuthStatus : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// True while the answer is not known yet (a stored session is restored, or the backend
    /// has not confirmed the token).
    virtual bool isLoading() const = 0;
    /// True when someone is signed in (and, for a backend status, the backend agreed).
    virtual bool isAuthenticated() const = 0;
    /// The signed-in person; empty when nobody is.
    virtual WorkOSUser user() const = 0;
    /// The last sign-in or refresh error to show; empty when there is none.
    virtual QString lastError() const = 0;

    /// The signed-in session's details (organization, role, permissions, impersonation, access
    /// token) for the account panel; by default just user().
    virtual Session session() const;
    /// True while an interactive sign-in runs (the sign-in panel offers Cancel then).
    virtual bool isSigningIn() const { return false; }
    /// True while the access token is being refreshed.
    virtual bool isRefreshing() const { return false; }
    /// What the person should know about where the session is kept; empty when nothing.
    virtual QString persistenceNotice() const { return QString(); }
    /// True when msUntilExpiry() and msUntilScheduledRefresh() mean something (the account
    /// panel shows countdowns then).
    virtual bool hasTokenTimings() const { return false; }
    /// Milliseconds until the access token expires; 0 or less when it has.
    virtual qint64 msUntilExpiry() const { return -1; }
    /// Milliseconds until the next planned refresh; negative when none is planned.
    virtual qint64 msUntilScheduledRefresh() const { return -1; }

Q_SIGNALS:
    /// Any of the values above may have changed.
    void changed();
};

} // namespace authkit
