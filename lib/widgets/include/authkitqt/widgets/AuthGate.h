#pragma once

#include <QPointer>
#include <QStackedWidget>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

namespace authkit {

// Chooses one of three pages purely from an authentication state, as Convex's <AuthLoading>,
// <Unauthenticated> and <Authenticated> do. The state is any QObject with the boolean properties
// isLoading and isAuthenticated and a notify signal (AuthState today; ConvexAuthState later, so
// "authenticated" can mean "the backend accepted the token").
// Object name: authGate; pages keep their own object names.
class AUTHKITQT_WIDGETS_EXPORT AuthGate : public QStackedWidget
{
    Q_OBJECT
public:
    enum class Page { Loading, Unauthenticated, Authenticated };
    Q_ENUM(Page)

    AuthGate(QWidget *loading, QWidget *unauthenticated, QWidget *authenticated,
             QWidget *parent = nullptr);

    void bind(QObject *state);
    Page page() const { return m_page; }

Q_SIGNALS:
    void pageChanged(authkit::AuthGate::Page page);

private Q_SLOTS:
    void refresh();

private:
    QPointer<QObject> m_state;
    QMetaObject::Connection m_connection;
    Page m_page = Page::Loading;
};

} // namespace authkit
