#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>

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

    /// Forgets the hosted session (the last hosted logout did not finish).
    void clearLoginCookies();
    /// Starts reading stdin and says "ready".
    void start();

private:
    void readCommands();
    void handle(const QJsonObject &command);
    void send(const QLatin1String &event, QJsonObject fields = {});
    void quit();

    WebEngineUserAgent *m_agent;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_pending; ///< a command line not complete yet
};

} // namespace authkit
