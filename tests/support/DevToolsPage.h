#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QVariant>

#include <functional>
#include <memory>

class QWebSocket;

namespace authkit::testsupport {

// A page of a Qt WebEngine (in this process or another: the login window process) driven over
// the Chrome DevTools Protocol, which Qt WebEngine serves when QTWEBENGINE_REMOTE_DEBUGGING is
// 127.0.0.1:<port> in its environment. Finds the page on /json/list, talks to it over a
// WebSocket, and runs scripts with Runtime.evaluate. Synchronous for tests: while it waits it
// runs the event loop. The one place tests, SignInDriver's users and bench/desktop reach a login
// page through.
class DevToolsPage
{
public:
    // The variable Qt WebEngine reads, and a value for it with a free port of 127.0.0.1.
    static constexpr char kVariable[] = "QTWEBENGINE_REMOTE_DEBUGGING";
    static quint16 freePort();
    // The port $QTWEBENGINE_REMOTE_DEBUGGING names, 0 when unset.
    static quint16 portFromEnvironment();

    explicit DevToolsPage(quint16 port = portFromEnvironment());
    ~DevToolsPage();
    DevToolsPage(const DevToolsPage &) = delete;
    DevToolsPage &operator=(const DevToolsPage &) = delete;

    // Waits until a page whose URL passes accepts (any page but about:blank when null) is
    // listed, and connects to it. False, with *why, when none comes in time.
    bool attach(const std::function<bool(const QUrl &)> &accepts, int timeoutMs, QString *why);
    bool isAttached() const;
    quint16 port() const { return m_port; }

    // The value of a script (returnByValue); null when it throws, the page is navigating, or
    // the page has gone.
    QVariant evaluate(const QString &expression, int timeoutMs = 10000);
    // Polls a condition until it is true, for up to timeoutMs (navigations included).
    bool waitFor(const QString &condition, int timeoutMs = 30000);
    // The page's location, null when it cannot be read.
    QUrl url();

    // Keyboard input as a person gives it (Input.dispatchKeyEvent: trusted events through the
    // renderer, so what the page does not take goes on to the window, as a real key would).
    enum class Key { Tab, ShiftTab, Enter, Escape, Space };
    bool press(Key key);
    // Types text into whatever has the focus (Input.insertText).
    bool type(const QString &text);
    // The id of the focused element, empty when none has one.
    QString focusedId();

    // Scripts for the hosted pages, by element id (lib/emulator/README.md).
    static QString setValue(const QString &id, const QString &value);
    static QString click(const QString &id);
    static QString exists(const QString &id);
    static QString jsString(const QString &text);

private:
    QJsonObject call(const QString &method, const QJsonObject &params, int timeoutMs);

    quint16 m_port;
    std::unique_ptr<QWebSocket> m_socket;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_replies;
};

} // namespace authkit::testsupport
