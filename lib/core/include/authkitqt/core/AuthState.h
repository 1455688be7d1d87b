#pragma once

#include <authkitqt/core/Session.h>

#include <QObject>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

class AuthSession;

// The read-only, observable authentication state that views bind to. Only AuthSession writes it.
// Mirrors authkit-react's useAuth(): isLoading, then signed in (user) or signed out.
class AUTHKITQT_CORE_EXPORT AuthState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool isLoading READ isLoading NOTIFY changed)
    Q_PROPERTY(bool isAuthenticated READ isAuthenticated NOTIFY changed)
    Q_PROPERTY(bool isRefreshing READ isRefreshing NOTIFY changed)
    Q_PROPERTY(bool isSigningIn READ isSigningIn NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(Persistence persistence READ persistence NOTIFY changed)
public:
    enum class Persistence { Unknown, Keychain, MemoryOnly };
    Q_ENUM(Persistence)

    bool isLoading() const { return m_loading; }
    bool isAuthenticated() const { return !m_session.isNull(); }
    bool isRefreshing() const { return m_refreshing; }
    bool isSigningIn() const { return m_signingIn; }
    QString lastError() const { return m_lastError; }
    Persistence persistence() const { return m_persistence; }
    QString persistenceNotice() const; // what the user should know, or empty
    const Session &session() const { return m_session; }
    const WorkOSUser &user() const { return m_session.user; }

Q_SIGNALS:
    void changed();

private:
    friend class AuthSession;
    explicit AuthState(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    bool m_loading = true;
    bool m_refreshing = false;
    bool m_signingIn = false;
    QString m_lastError;
    Persistence m_persistence = Persistence::Unknown;
    Session m_session;
};

} // namespace authkit
