#pragma once

#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/core/UserAgent.h>

#include <QPointer>
#include <QStringList>
#include <authkitqt/webengine/authkitqt_webengine_export.h>

class QWidget;

namespace authkit {

class AuthSession;
class EmbeddedUserAgent;
class LoginProcessUserAgent;
class LoginWindow;

/// The user agent a desktop application sets on its AuthSession: the embedded login window when
/// it can be had, else the system browser (LoopbackUserAgent, opening the page with the URL
/// opener, QDesktopServices::openUrl unless the application sets another).
///
/// By default the login window runs in a process of its own (authkit-login-window, through
/// LoginProcessUserAgent) that exits when the sign-in or hosted logout is over, so the
/// application never maps Qt WebEngine (docs/login-window-process.md). With
/// WindowHost::InProcess it lives in the authkitqt-webengine plugin instead, loaded on the first
/// sign-in or hosted logout and never unloaded. When neither can be had the sign-in goes to the
/// system browser and the reason is logged. "Use my browser instead" in the window restarts the
/// sign-in in the system browser; the next one starts in the window again.
///
/// It also keeps track of the hosted logout: endSession() runs it in the window's profile, and
/// until it has finished the next sign-in asks for the password again (prompt=login).
///
/// With the plugin, the application must set Qt::AA_ShareOpenGLContexts before it creates its
/// QApplication, as Qt WebEngine requires.
class AUTHKITQT_WEBENGINE_EXPORT FallbackUserAgent : public UserAgent
{
    Q_OBJECT
public:
    /// The environment variable that, when set, names the only directories (separated by ':')
    /// searched for the plugin.
    static constexpr char kPluginPathVariable[] = "AUTHKITQT_PLUGIN_PATH";
    /// The plugin's file name without its suffix.
    static constexpr char kPluginName[] = "authkitqt-webengine";

    /// Where the login window runs.
    enum class WindowHost {
        SeparateProcess, ///< authkit-login-window, started per sign-in (the default)
        InProcess,       ///< the plugin, loaded into this process (Qt WebEngine stays mapped)
    };

    /// session is restarted through for "Use my browser instead"; set this agent on it with
    /// AuthSession::setUserAgent(). Login windows are modal to parentWindow (may be null); in the
    /// login window process they are transient for it on X11 (docs/login-window-process.md).
    explicit FallbackUserAgent(AuthSession *session, QWidget *parentWindow = nullptr,
                               QObject *parent = nullptr);
    ~FallbackUserAgent() override;

    /// The directories searched for the plugin, in order: $AUTHKITQT_PLUGIN_PATH when set,
    /// otherwise the installed one next to this library (<libdir>/authkitqt/plugins), this
    /// build's plugin directory, and the installed one relative to the executable.
    static QStringList defaultPluginPaths();
    /// Replaces the directories searched; takes effect if the plugin is not loaded yet.
    void setPluginPaths(const QStringList &directories);
    QStringList pluginPaths() const { return m_pluginPaths; }

    /// How the system browser is opened, for a sign-in and for a hosted logout there (default:
    /// QDesktopServices::openUrl). An application on a platform whose Qt services open no URL
    /// (offscreen, eglfs, linuxfb) passes one that can, xdg-open say. Takes effect at once.
    void setUrlOpener(LoopbackUserAgent::UrlOpener openUrl);

    /// Chooses where the window runs; takes effect if no window was needed yet.
    void setWindowHost(WindowHost host);
    WindowHost windowHost() const { return m_windowHost; }

    /// Starts a sign-in on the session: in the login window, else in the system browser; with
    /// prompt=login while a hosted logout is still under way.
    void signIn(const SignInOptions &options = {});

    /// True from endSession() until the hosted logout has finished.
    bool isHostedLogoutPending() const { return m_hostedLogoutPending; }
    /// True once the window's agent is ready: the plugin loaded (and with it Qt WebEngine), or
    /// the login window executable found.
    bool isEngineLoaded() const { return m_embedded != nullptr; }
    /// Why neither could be had; empty when one was, or was not tried yet.
    QString pluginError() const { return m_pluginError; }
    /// The sign-in window while one is open in this process, else null.
    LoginWindow *window() const;
    /// True while a sign-in window is open, in this process or in the login window process.
    bool isWindowOpen() const;
    /// The login window process while it runs (WindowHost::SeparateProcess), else null.
    LoginProcessUserAgent *processAgent() const;
    /// Brings an open sign-in window to the front.
    void raiseWindow();
    /// The system-browser agent once a sign-in has used it, else null.
    LoopbackUserAgent *browserAgent() const { return m_browser; }

    QUrl prepareRedirectUri(const QUrl &configured) override;
    void present(const AuthorizationRequest &request) override;
    void dismiss() override;
    void endSession(const QUrl &logoutUrl) override;
    void completeSignIn(bool ok, const QString &message) override;

Q_SIGNALS:
    /// The hosted logout that endSession() started has finished (or failed and was cleaned up).
    void hostedLogoutFinished();

private:
    EmbeddedUserAgent *embedded();
    EmbeddedUserAgent *loadPlugin();
    EmbeddedUserAgent *findLoginProcess();
    LoopbackUserAgent *browser();
    UserAgent *current() const;
    void forward(UserAgent *agent);
    void continueInBrowser();
    void onSessionEnded();

    QPointer<AuthSession> m_session;
    QPointer<QWidget> m_parentWindow;
    QStringList m_pluginPaths;
    WindowHost m_windowHost = WindowHost::SeparateProcess;
    bool m_pluginTried = false;
    QString m_pluginError;
    EmbeddedUserAgent *m_embedded = nullptr;
    LoopbackUserAgent *m_browser = nullptr;
    LoopbackUserAgent::UrlOpener m_openUrl;
    bool m_inBrowser = false; // the current attempt runs in the system browser
    SignInOptions m_lastSignIn;
    bool m_hostedLogoutPending = false;
};

} // namespace authkit
