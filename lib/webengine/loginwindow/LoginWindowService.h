#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QWindow>

#include <memory>

class QSocketNotifier;

namespace authkit {

class WebEngineUserAgent;

/// The heart of authkit-login-window: reads the commands of docs/login-window-process.md from
/// stdin, runs them on a WebEngineUserAgent (the same login window and profile as in process)
/// and writes its events to stdout. Quits on "close" or when stdin closes (the application has
/// gone), so the window never outlives the sign-in it was started for.
class LoginWindowService : public QObject
{
    Q_OBJECT
public:
    /// profileStoragePath: the application's login profile, so the hosted session cookie is the
    /// same across sign-ins (and a hosted logout clears it).
    explicit LoginWindowService(const QString &profileStoragePath, QObject *parent = nullptr);
    ~LoginWindowService() override;

    /// Makes the login windows transient for the application's window, given by its native id
    /// (--parent-window), so the window manager keeps them above it and centred on it. X11 only;
    /// an id that is not a number, or another platform: ignored and logged. False then.
    bool setParentWindow(const QString &nativeId);
    /// Forgets the hosted session (the last hosted logout did not finish).
    void clearLoginCookies();
    /// Starts reading stdin and says "ready".
    void start();

private:
    void readCommands();
    void handle(const QJsonObject &command);
    void send(const QLatin1String &event, QJsonObject fields = {});
    void quit();
    void raiseWindow();

    std::unique_ptr<QWindow> m_parentWindow; ///< the application's, foreign to this process
    WebEngineUserAgent *m_agent;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_pending; ///< a command line not complete yet
};

} // namespace authkit
