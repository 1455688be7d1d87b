#pragma once

#include <authkitqt/webengine/EmbeddedUserAgent.h>

#include <QByteArray>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <authkitqt/webengine/authkitqt_webengine_export.h>

class QWidget;

namespace authkit {

/// The login window in a process of its own: runs authkit-login-window for one sign-in or one
/// hosted logout, and talks to it over its stdin/stdout (docs/login-window-process.md). The
/// application never maps Qt WebEngine, and the window's memory is given back when the process
/// exits at the end of the sign-in. The window, its profile (the hosted session cookie) and its
/// navigation policy are the same as in process (WebEngineUserAgent).
///
/// The redirect URL comes back over the pipe and is handed on as redirectReceived(); the session
/// checks its state and PKCE as for any agent. A process that dies during a sign-in fails it
/// with a clear message; the next sign-in starts a new one, once the last one has exited (one
/// profile, one process). The child exits when its stdin closes, so it never outlives the
/// application. On X11 the window is made transient for the application's window
/// (setParentWindow()), so window managers keep it above and centred on it.
class AUTHKITQT_WEBENGINE_EXPORT LoginProcessUserAgent : public EmbeddedUserAgent
{
    Q_OBJECT
public:
    /// The environment variable that names the authkit-login-window executable (builds, tests).
    static constexpr char kExecutableVariable[] = "AUTHKITQT_LOGIN_WINDOW";
    /// The executable's file name.
    static constexpr char kExecutableName[] = "authkit-login-window";

    explicit LoginProcessUserAgent(const QString &executable, QObject *parent = nullptr);
    ~LoginProcessUserAgent() override;

    /// Where authkit-login-window is looked for, in order: $AUTHKITQT_LOGIN_WINDOW alone when
    /// set; else <libexecdir>/authkitqt beside this library, this build's, and the installed one
    /// relative to the executable.
    static QStringList defaultExecutableCandidates();
    /// The first candidate that is an executable file; empty when there is none.
    static QString findExecutable(const QStringList &candidates = defaultExecutableCandidates());

    QString executable() const { return m_executable; }

    /// The application's window the login window belongs to (may be null). On X11 its native id
    /// goes to the process, which makes its window transient for it. Takes effect when the next
    /// process starts.
    void setParentWindow(QWidget *window);
    QWidget *parentWindow() const;
    /// The arguments the next process is started with.
    QStringList processArguments() const;
    /// "--parent-window <native id of parentWindow's window>" when there is a parent window and
    /// the platform is xcb (the only one where another process can use the id); otherwise none.
    static QStringList parentWindowArguments(QWidget *parentWindow, const QString &platformName);
    /// The login process's id while it runs, else 0.
    qint64 processId() const;
    /// Brings the window to the front (another launch of the application asked).
    void raiseWindow();

    LoginWindow *window() const override { return nullptr; } ///< in the other process
    bool isWindowOpen() const override { return m_signInOpen; }

    QUrl prepareRedirectUri(const QUrl &configured) override;
    void present(const AuthorizationRequest &request) override;
    void dismiss() override;
    void endSession(const QUrl &logoutUrl) override;

Q_SIGNALS:
    /// The sign-in page has loaded in the window (each page of the flow).
    void pageLoaded();

private:
    bool ensureStarted();
    bool startProcess();
    void onClosingProcessFinished(QProcess *process);
    void send(const QLatin1String &command, QJsonObject fields = {});
    void readEvents();
    void handle(const QJsonObject &event);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onFailedToStart();
    /// Lets the current process go (deleted later); false when there is none.
    bool releaseProcess();
    /// A sign-in still waiting for its redirect, or a hosted logout, is under way.
    bool isWorking() const;
    /// Ends the sign-in (failed(signInError)) and the hosted logout (sessionEnded()) under way:
    /// their process is gone or never came.
    void endWork(const QString &signInError);
    static QString couldNotOpenMessage();
    void closeIfIdle();

    QString m_executable;
    QPointer<QWidget> m_parentWindow;
    QProcess *m_process = nullptr; ///< not started yet while m_closing runs
    QPointer<QProcess> m_closing;  ///< the last process, told to close and not gone yet
    QByteArray m_outbox;           ///< commands for m_process until it starts
    QByteArray m_pending; ///< an event line not complete yet
    bool m_signInOpen = false;
    bool m_redirectDelivered = false; ///< the window has done its part of this sign-in
    bool m_logoutRunning = false;
    bool m_forgetHostedSession = false; ///< a hosted logout died with its process
};

} // namespace authkit
