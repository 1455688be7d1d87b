#pragma once

#include <authkitqt/webengine/EmbeddedUserAgent.h>
#include <authkitqt/webengine/LoginWindow.h>

#include <QPointer>
#include <QStringList>

class QWidget;
class QWindow;
class QWebEngineProfile;
class QWebEnginePage;

namespace authkit {

/// The embedded user agent: the hosted AuthKit page in a Qt WebEngine window with a private
/// profile. The redirect back is caught inside the engine (never handed to the OS), navigation is
/// kept to the AuthKit/WorkOS hosts and identity providers, certificate errors are refused, and
/// the hosted logout runs in the same profile so the next sign-in asks again.
/// Nothing of Qt WebEngine is created before present() or endSession() is called.
/// Applications normally reach it through FallbackUserAgent, which loads it from the
/// authkitqt-webengine plugin only when a sign-in window is needed.
class WebEngineUserAgent : public EmbeddedUserAgent
{
    Q_OBJECT
public:
    explicit WebEngineUserAgent(QWidget *parentWindow = nullptr, QObject *parent = nullptr);
    ~WebEngineUserAgent() override;

    /// Hosts the login window may show besides the authorize URL's own host (identity providers,
    /// a custom auth domain). Subdomains count: "google.com" allows accounts.google.com.
    void setAllowedHosts(const QStringList &hosts);
    QStringList allowedHosts() const { return m_allowedHosts; }

    /// Where the profile keeps the hosted session cookie; empty (the default):
    /// defaultProfileStoragePath(). Takes effect before the first present() or endSession().
    void setProfileStoragePath(const QString &path) { m_profileStoragePath = path; }

    /// A window of another process (the application's, in authkit-login-window) that login
    /// windows are made transient for, so the window manager keeps them above it. Used only
    /// when there is no parent widget; takes effect from the next present().
    void setTransientParent(QWindow *window);

    /// Forgets the hosted session here (a hosted logout that could not finish elsewhere).
    void clearLoginCookies();

    QUrl prepareRedirectUri(const QUrl &configured) override;
    void present(const AuthorizationRequest &request) override;
    /// present() from its parts: what authkit-login-window receives over its pipe.
    void present(const QUrl &authorizeUrl, const QUrl &redirectUri, const QString &state);
    void dismiss() override;
    void endSession(const QUrl &logoutUrl) override;

    LoginWindow *window() const override { return m_window; } ///< tests and the app's screenshots
    /// True once the private profile, and with it the engine, has been created.
    bool isEngineLoaded() const { return m_profile != nullptr; }

    // Its signals (EmbeddedUserAgent): systemBrowserRequested() for "Use my browser instead",
    // sessionEnded() when the hosted logout page finished loading (or failed).

private:
    QWebEngineProfile *profile();

    QPointer<QWidget> m_parentWindow;
    QPointer<QWindow> m_transientParent;
    QStringList m_allowedHosts;
    QString m_profileStoragePath;
    QWebEngineProfile *m_profile = nullptr;
    QPointer<LoginWindow> m_window;
    QPointer<QWebEnginePage> m_logoutPage;
    QUrl m_redirectUri;
};

} // namespace authkit
