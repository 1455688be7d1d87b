#pragma once

#include <authkitqt/core/Session.h>

#include <QObject>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

class AuthSession;
class TokenManager;

/**
 * @brief The read-only, observable authentication state that views bind to.
 *
 * Mirrors authkit-react's useAuth(): isLoading, then signed in (user) or signed out. It has no
 * public setters: only AuthSession writes the few flags of its own (loading, signing in, the last
 * error, where the session is kept), and the session itself is not a copy but TokenManager's,
 * read through a const pointer, so the two can never disagree. changed() is emitted after every
 * change a view should show.
 *
 * While restore() is taking over a stored session (isLoading()), session() is empty: the stored
 * user appears once the refresh has settled (signed in, or signed in offline), or never when the
 * session turned out to be over.
 */
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
    /// Where the session is kept between runs.
    enum class Persistence {
        Unknown,    ///< not known yet (before restore() or the first sign-in)
        Keychain,   ///< in the OS keychain
        MemoryOnly, ///< no keychain: gone when the process ends
    };
    Q_ENUM(Persistence)

    /// Before the first restore() or sign-in has settled.
    bool isLoading() const { return m_loading; }
    /// A user is signed in (possibly offline: then session().accessToken is empty).
    bool isAuthenticated() const { return !session().isNull(); }
    /// A refresh is in flight.
    bool isRefreshing() const;
    /// A sign-in is under way (the user agent shows the hosted page).
    bool isSigningIn() const { return m_signingIn; }
    /// Why the last operation failed or why the session is stale; empty when all is well.
    QString lastError() const { return m_lastError; }
    Persistence persistence() const { return m_persistence; }
    /// What the user should know about persistence(), or empty.
    QString persistenceNotice() const;
    /// The signed-in session (empty when signed out), read from its one owner, TokenManager.
    const Session &session() const;
    const WorkOSUser &user() const { return session().user; }
    /// A refresh token is held: signed in, or restoring, or offline with a user WorkOS did not
    /// name (an old keychain entry). What `authkit-cli token` needs to know before asking.
    bool hasSession() const;
    /// Time left on the access token: < 0 when expired, 0 when there is none.
    qint64 msUntilExpiry() const;
    /// Time until the next refresh or retry on its own; -1 when none is scheduled.
    qint64 msUntilScheduledRefresh() const;

Q_SIGNALS:
    /// Any of the above changed.
    void changed();

private:
    friend class AuthSession;
    AuthState(const TokenManager *tokens, QObject *parent);

    const TokenManager *m_tokens;
    bool m_loading = true;
    bool m_signingIn = false;
    bool m_hideSession = false; // restore() has not settled on the stored session yet
    QString m_lastError;
    Persistence m_persistence = Persistence::Unknown;
};

} // namespace authkit
