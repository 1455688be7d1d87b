#include "LoginWindowService.h"

#include "LoginProcessProtocol_p.h"

#include <authkitqt/webengine/LoginPage.h>
#include <authkitqt/webengine/LoginWindow.h>
#include <authkitqt/webengine/WebEngineUserAgent.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcLoginService, "authkit.webengine.process")

namespace authkit {

using namespace loginprocess;

LoginWindowService::LoginWindowService(const QString &profileStoragePath, QObject *parent)
    : QObject(parent)
    , m_agent(new WebEngineUserAgent(nullptr, this))
{
    if (!profileStoragePath.isEmpty())
        m_agent->setProfileStoragePath(profileStoragePath);
    connect(m_agent, &UserAgent::redirectReceived, this, [this](const QUrl &url) {
        // The code travels on the pipe only: never logged here.
        send(kEventRedirect, {{QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}});
    });
    connect(m_agent, &UserAgent::cancelled, this, [this] { send(kEventCancelled); });
    connect(m_agent, &UserAgent::failed, this, [this](const QString &message) {
        send(kEventError, {{QStringLiteral("message"), message}});
    });
    connect(m_agent, &EmbeddedUserAgent::systemBrowserRequested, this,
            [this] { send(kEventUseBrowser); });
    connect(m_agent, &EmbeddedUserAgent::sessionEnded, this, [this] { send(kEventFinished); });
}

LoginWindowService::~LoginWindowService() = default;

void LoginWindowService::clearLoginCookies()
{
    qCInfo(lcLoginService) << "the last hosted logout did not finish; clearing the login cookies";
    m_agent->clearLoginCookies();
}

bool LoginWindowService::setParentWindow(const QString &nativeId)
{
    if (QGuiApplication::platformName() != QLatin1String("xcb")) {
        qCWarning(lcLoginService).noquote()
            << "ignoring --parent-window: window ids of another process mean nothing on"
            << QGuiApplication::platformName();
        return false;
    }
    bool ok = false;
    const WId id = nativeId.toULongLong(&ok);
    if (!ok || id == 0) {
        qCWarning(lcLoginService) << "ignoring --parent-window: not a window id";
        return false;
    }
    m_parentWindow.reset(QWindow::fromWinId(id));
    if (!m_parentWindow) {
        qCWarning(lcLoginService) << "ignoring --parent-window: the platform refused the window";
        return false;
    }
    m_agent->setTransientParent(m_parentWindow.get());
    return true;
}

void LoginWindowService::start()
{
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &LoginWindowService::readCommands);
    send(kEventReady);
}

void LoginWindowService::readCommands()
{
    char buffer[4096];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count <= 0) {
        // The application closed the pipe, or died: nobody is left to sign in for.
        qCInfo(lcLoginService) << "the application has gone; closing";
        quit();
        return;
    }
    m_pending.append(buffer, count);
    for (int end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n')) {
        const QByteArray line = m_pending.left(end);
        m_pending.remove(0, end + 1);
        const QJsonObject command = decode(line);
        if (command.isEmpty()) {
            qCWarning(lcLoginService)
                << "ignoring a line that is no command of version" << kVersion;
            continue;
        }
        handle(command);
    }
    if (m_pending.size() > kMaxLineBytes) {
        qCWarning(lcLoginService) << "ignoring a line of over" << kMaxLineBytes << "bytes";
        m_pending.clear();
    }
}

void LoginWindowService::handle(const QJsonObject &command)
{
    const QString name = command.value(kCmdKey).toString();
    if (name == kCmdSignIn) {
        m_agent->present(QUrl(command.value(QStringLiteral("url")).toString()),
                         QUrl(command.value(QStringLiteral("redirect")).toString()),
                         command.value(QStringLiteral("state")).toString());
        if (LoginWindow *window = m_agent->window()) {
            connect(window->page(), &QWebEnginePage::loadFinished, this, [this](bool ok) {
                if (ok)
                    send(kEventLoaded);
            });
        }
    } else if (name == kCmdLogout) {
        m_agent->endSession(QUrl(command.value(QStringLiteral("url")).toString()));
    } else if (name == kCmdDismiss) {
        m_agent->dismiss();
    } else if (name == kCmdRaise) {
        raiseWindow();
    } else if (name == kCmdClose) {
        quit();
    } else {
        qCWarning(lcLoginService).noquote() << "ignoring an unknown command:" << name;
    }
}

void LoginWindowService::raiseWindow()
{
    LoginWindow *window = m_agent->window();
    if (!window)
        return;
    // Another launch of the application asked for it: back from the taskbar if minimized, on top
    // of the stacking order, and the focus (a window manager may only flag it for attention).
    window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
    window->show();
    window->raise();
    window->activateWindow();
}

void LoginWindowService::send(const QLatin1String &event, QJsonObject fields)
{
    fields.insert(kEventKey, event);
    const QByteArray line = encode(fields);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

void LoginWindowService::quit()
{
    if (m_stdin)
        m_stdin->setEnabled(false);
    m_agent->dismiss();
    // The window and its page go before the profile, before the event loop ends.
    QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
}

} // namespace authkit
