#include <authkitqt/widgets/AuthGate.h>

#include <QMetaProperty>

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

void AuthGate::bind(QObject *state)
{
    disconnect(m_connection);
    m_state = state;
    if (state) {
        const QMetaObject *meta = state->metaObject();
        const QMetaProperty loading = meta->property(meta->indexOfProperty("isLoading"));
        Q_ASSERT_X(loading.hasNotifySignal(), "AuthGate::bind", "isLoading needs a notify signal");
        m_connection = connect(state, loading.notifySignal(), this,
                               metaObject()->method(metaObject()->indexOfSlot("refresh()")));
    }
    refresh();
}

void AuthGate::refresh()
{
    Page page = Page::Loading;
    if (m_state && !m_state->property("isLoading").toBool())
        page = m_state->property("isAuthenticated").toBool() ? Page::Authenticated
                                                             : Page::Unauthenticated;
    if (page == m_page && currentIndex() == static_cast<int>(page))
        return;
    m_page = page;
    setCurrentIndex(static_cast<int>(page));
    Q_EMIT pageChanged(page);
}

} // namespace authkit
