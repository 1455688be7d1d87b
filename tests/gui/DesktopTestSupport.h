#pragma once

// Shared by the authkit-desktop GUI tests: a throwaway home for each test run, Qt WebEngine set
// up for a headless root session, the app's widgets by name, captured log lines, JavaScript on
// the login page, screenshots, process trees.

#include <authkitqt/widgets/AuthGate.h>

#include <DevToolsPage.h>

#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include <QWidget>

#include <functional>
#include <memory>

class DesktopApp;
class QLabel;
class QPushButton;

namespace authkit {
class AuthState;
class LoginWindow;
struct AuthKitConfig;
} // namespace authkit

namespace desktoptest {

// Construct before QApplication. Points HOME and the XDG folders at a fresh temporary folder
// (the child processes inherit it), sets what Qt WebEngine needs here (offscreen, no GPU, no
// sandbox as root, remote debugging on a free port of 127.0.0.1 so that DevToolsPage can drive
// the login window process) and names the application as authkit-desktop does, so
// QStandardPaths and QSettings resolve to the same places in the test and in the executable.
class Environment
{
public:
    Environment();
    QString root() const { return m_dir.path(); }
    static void nameApplication();

private:
    QTemporaryDir m_dir;
};

// The base of a test of one DesktopApp (m_app): its main window's widgets by object name, its
// session state and the page its gate shows.
class DesktopAppTest : public QObject
{
protected:
    std::unique_ptr<DesktopApp> m_app;

    QWidget *mainWindow() const;
    template<typename T> T *find(const QString &name) const
    {
        return mainWindow()->findChild<T *>(name);
    }
    QPushButton *button(const char *name) const;
    QLabel *label(const char *name) const;
    authkit::AuthState *state() const;
    authkit::AuthGate::Page page() const;
};

// While it lives, keeps the messages of one logging category that start with prefix (and
// passes every message on). One at a time.
class LogCapture
{
public:
    LogCapture(const char *category, QString prefix);
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines() const { return m_lines; }
    void clear() { m_lines.clear(); }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    QByteArray m_category;
    QString m_prefix;
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
};

using authkit::testsupport::DevToolsPage;
// Runs a script in the login page (over the DevTools protocol) and waits for its result.
QVariant runJs(DevToolsPage *page, const QString &script, int timeoutMs = 10000);
// Polls a JavaScript condition until it is true, for up to timeoutMs (a page load included).
bool waitForJs(DevToolsPage *page, const QString &condition, int timeoutMs = 30000);
// A script that sets the value of the element with this id (the value JSON-quoted).
QString setValue(const QString &id, const QString &value);
QString click(const QString &id);
QString exists(const QString &id);

// Clicks button (Sign in / Create account) and waits for the login window (in its own process)
// and for an element of the page it shows; returns that page, valid until the next call. Null,
// with *why, when that does not happen in time.
DevToolsPage *openLoginWindow(DesktopApp &app, QPushButton *button, const QString &id,
                              QString *why);
// The same, with the window opened by open() (the keyboard, say) instead of a click.
DevToolsPage *openLoginWindow(DesktopApp &app, const std::function<void()> &open, const QString &id,
                              QString *why);
// The page the last openLoginWindow() returned (null before).
DevToolsPage *currentLoginPage();
// The running authkit-login-window processes started by this process.
QList<qint64> loginWindowProcesses();
// True when the process has Qt WebEngine's core library mapped (/proc/<pid>/maps).
bool mapsWebEngineCore(qint64 pid);
// Waits until the login window has gone, the app shows the Authenticated page and the token
// handshake (with Convex: the backend's confirmation and its scheduled refetch) has settled.
bool waitSignedIn(DesktopApp &app, QString *why);
// On the hosted password page: fills in email and the seeded password ("password") and submits.
// EmailField::AnyText lets the field take what type=email would refuse (a hostile seed's address).
enum class EmailField { AsServed, AnyText };
void submitPassword(DevToolsPage *page, const QString &email,
                    EmailField field = EmailField::AsServed);
// The whole password sign-in through the page.
bool signInWithPassword(DesktopApp &app, const QString &email, QString *why);

// Grabs a widget into <build>/screenshots/<name>.png once it is not blank.
bool saveScreenshot(QWidget *widget, const QString &name, QString *why);
bool isBlank(const QImage &image);

// Every process whose parent chain leads to pid, by /proc.
QList<qint64> descendantsOf(qint64 pid);
QString processName(qint64 pid);

// Removes the keychain entry authkit-desktop keeps for this configuration (waits for it).
bool clearStoredSession(const authkit::AuthKitConfig &config);

} // namespace desktoptest
