#include <authkitqt/widgets/AuthGate.h>

#include <authkitqt/widgets/AuthStatus.h>

namespace authkit {

AuthGate::AuthGate(QWidget *loading, QWidget *unauthenticated, QWidget *authenticated,
                   QWidget *parent)
    : QStackedWidget(parent)
{
    setObjectName(QStringLiteral("authGate"));
    addWidget(loading);         // index 0 = Page::Loading
    addWidget(unauthenticated); // index 1 = Page::Unauthenticated
    addWidget(authenticated);   // index 2 = Page::Authenticated
    setCurrentIndex(0);
}

void AuthGate::bind(AuthStatus *status)
{
    disconnect(m_connection);
    m_status = status;
    if (status)
        m_connection = connect(status, &AuthStatus::changed, this, &AuthGate::refresh);
    refresh();
}

void AuthGate::refresh()
{
    Page page = Page::Loading;
    if (m_status && !m_status->isLoading())
        page = m_status->isAuthenticated() ? Page::Authenticated : Page::Unauthenticated;
    if (page == m_page && currentIndex() == static_cast<int>(page))
        return;
    m_page = page;
    setCurrentIndex(static_cast<int>(page));
    Q_EMIT pageChanged(page);
}

} // namespace authkit
