#pragma once

#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/UserAgent.h>

#include <QPointer>
#include <QStringList>
#include <authkitqt/webengine/authkitqt_webengine_export.h>

class QWidget;

namespace authkit {

class AuthSession;
class EmbeddedUserAgent;
class LoginWindow;
class LoopbackUserAgent;

/// The user agent a desktop application sets on its AuthSession: the embedded login window when
/// it can be had, else the system browser (LoopbackUserAgent, opening the page with
/// QDesktopServices).
///
/// The login window lives in the authkitqt-webengine plugin, loaded on the first sign-in or
/// hosted logout, so a process that never shows one never loads Qt WebEngine. When the plugin
/// cannot be loaded the sign-in goes to the system browser and the reason is logged. "Use my
/// browser instead" in the window restarts the sign-in in the system browser; the next one
/// starts in the window again.
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

    /// session is restarted through for "Use my browser instead"; set this agent on it with
    /// AuthSession::setUserAgent(). Login windows are modal to parentWindow (may be null).
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

    /// Starts a sign-in on the session: in the login window, else in the system browser; with
    /// prompt=login while a hosted logout is still under way.
    void signIn(const SignInOptions &options = {});

    /// True from endSession() until the hosted logout has finished.
    bool isHostedLogoutPending() const { return m_hostedLogoutPending; }
    /// True once the plugin is loaded, and with it Qt WebEngine.
    bool isEngineLoaded() const { return m_embedded != nullptr; }
    /// Why the plugin could not be loaded; empty when it was, or was not tried yet.
    QString pluginError() const { return m_pluginError; }
    /// The sign-in window while one is open, else null.
    LoginWindow *window() const;
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
    LoopbackUserAgent *browser();
    UserAgent *current() const;
    void forward(UserAgent *agent);
    void continueInBrowser();
    void onSessionEnded();

    QPointer<AuthSession> m_session;
    QPointer<QWidget> m_parentWindow;
    QStringList m_pluginPaths;
    bool m_pluginTried = false;
    QString m_pluginError;
    EmbeddedUserAgent *m_embedded = nullptr;
    LoopbackUserAgent *m_browser = nullptr;
    bool m_inBrowser = false; // the current attempt runs in the system browser
    SignInOptions m_lastSignIn;
    bool m_hostedLogoutPending = false;
};

} // namespace authkit
