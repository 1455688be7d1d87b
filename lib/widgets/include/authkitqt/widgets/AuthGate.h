#pragma once

#include <authkitqt/widgets/AuthStatus.h>

#include <QPointer>
#include <QStackedWidget>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

namespace authkit {

/**
 * Chooses one of three pages purely from an AuthStatus, as Convex's <AuthLoading>,
 * <Unauthenticated> and <Authenticated> do. Bound to a ConvexAuthStatus, "authenticated" means
 * the backend accepted the token; bound to a SessionAuthStatus, that the AuthKit session is valid.
 * Object name: authGate; pages keep their own object names.
 */
class AUTHKITQT_WIDGETS_EXPORT AuthGate : public QStackedWidget
{
    Q_OBJECT
public:
    /// The pages, in the order they are stacked.
    enum class Page { Loading, Unauthenticated, Authenticated };
    Q_ENUM(Page)

    /// Takes the three pages (reparented into the gate); shows Loading until bound.
    AuthGate(QWidget *loading, QWidget *unauthenticated, QWidget *authenticated,
             QWidget *parent = nullptr);

    /// Follows status (not owned) from now on; null shows Loading.
    void bind(AuthStatus *status);
    /// The status followed, or null.
    AuthStatus *status() const { return m_status; }
    /// The page shown.
    Page page() const { return m_page; }

Q_SIGNALS:
    /// The page shown changed.
    void pageChanged(authkit::AuthGate::Page page);

private:
    void refresh();

    QPointer<AuthStatus> m_status;
    QMetaObject::Connection m_connection;
    Page m_page = Page::Loading;
};

} // namespace authkit
