#include <authkitqt/webengine/FallbackUserAgent.h>

#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/webengine/EmbeddedUserAgent.h>
#include <authkitqt/webengine/LoginProcessUserAgent.h>
#include <authkitqt/webengine/LoginWindow.h> // raise() only: its code stays in the plugin

#include "LibraryLocation_p.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QTimer>
#include <QWidget>

Q_LOGGING_CATEGORY(lcFallback, "authkit.webengine.fallback")

namespace authkit {

FallbackUserAgent::FallbackUserAgent(AuthSession *session, QWidget *parentWindow, QObject *parent)
    : UserAgent(parent)
    , m_session(session)
    , m_parentWindow(parentWindow)
    , m_pluginPaths(defaultPluginPaths())
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
}

FallbackUserAgent::~FallbackUserAgent()
{
    // The embedded agent's windows and pages go before its profile, all while the plugin's code
    // is still there (it is never unloaded).
    delete m_embedded;
}

QStringList FallbackUserAgent::defaultPluginPaths()
{
    if (qEnvironmentVariableIsSet(kPluginPathVariable)) {
        return qEnvironmentVariable(kPluginPathVariable)
            .split(QDir::listSeparator(), Qt::SkipEmptyParts);
    }
    QStringList directories;
    // Next to this library first: the plugin installed with it serves any application that
    // links it, wherever that application lives.
    const QString libraryDir = webEngineLibraryDirectory();
    if (!libraryDir.isEmpty()) {
        directories.append(QDir::cleanPath(
            QDir(libraryDir).filePath(QStringLiteral(AUTHKITQT_PLUGIN_DIR_FROM_LIB))));
    }
#ifdef AUTHKITQT_BUILD_PLUGIN_DIR
    directories.append(QStringLiteral(AUTHKITQT_BUILD_PLUGIN_DIR));
#endif
    // Relative to the executable, for an application installed in the same prefix.
    const QString besideExecutable =
        QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                            .filePath(QStringLiteral(AUTHKITQT_INSTALLED_PLUGIN_DIR)));
    if (!directories.contains(besideExecutable))
        directories.append(besideExecutable);
    return directories;
}

void FallbackUserAgent::setPluginPaths(const QStringList &directories)
{
    m_pluginPaths = directories;
    if (!m_embedded) {
        m_pluginTried = false;
        m_pluginError.clear();
    }
}

void FallbackUserAgent::signIn(const SignInOptions &options)
{
    if (!m_session)
        return;
    m_lastSignIn = options;
    // The hosted logout may still be loading: make sure the page asks again rather than reuse
    // the hosted session it is ending.
    m_lastSignIn.forceLogin = options.forceLogin || m_hostedLogoutPending;
    m_inBrowser = false; // every sign-in the person starts begins in the window
    m_session->signIn(m_lastSignIn);
}

void FallbackUserAgent::setUrlOpener(LoopbackUserAgent::UrlOpener openUrl)
{
    m_openUrl = std::move(openUrl);
}

void FallbackUserAgent::setWindowHost(WindowHost host)
{
    if (m_embedded)
        return;
    m_windowHost = host;
    m_pluginTried = false;
    m_pluginError.clear();
}

LoginWindow *FallbackUserAgent::window() const
{
    return m_embedded ? m_embedded->window() : nullptr;
}

bool FallbackUserAgent::isWindowOpen() const
{
    return m_embedded && m_embedded->isWindowOpen();
}

LoginProcessUserAgent *FallbackUserAgent::processAgent() const
{
    return qobject_cast<LoginProcessUserAgent *>(m_embedded);
}

void FallbackUserAgent::raiseWindow()
{
    if (LoginProcessUserAgent *process = processAgent()) {
        process->raiseWindow();
    } else if (LoginWindow *login = window()) {
        login->raise();
        login->activateWindow();
    }
}

QUrl FallbackUserAgent::prepareRedirectUri(const QUrl &configured)
{
    if (!m_inBrowser && !embedded())
        m_inBrowser = true;
    UserAgent *agent = m_inBrowser ? static_cast<UserAgent *>(browser()) : m_embedded;
    return agent->prepareRedirectUri(configured);
}

void FallbackUserAgent::present(const AuthorizationRequest &request)
{
    // A sign-in the session started itself (an organization's) continues with its organization.
    if (!request.organizationId().isEmpty())
        m_lastSignIn.organizationId = request.organizationId();
    if (m_inBrowser)
        qCInfo(lcFallback).noquote()
            << "opening the sign-in page of" << request.url().host() << "in the system browser";
    if (UserAgent *agent = current())
        agent->present(request);
}

void FallbackUserAgent::dismiss()
{
    // The session dismisses at the end of every attempt; the next one starts in the window.
    if (UserAgent *agent = current())
        agent->dismiss();
    m_inBrowser = false;
}

void FallbackUserAgent::completeSignIn(bool ok, const QString &message)
{
    if (UserAgent *agent = current())
        agent->completeSignIn(ok, message);
}

void FallbackUserAgent::endSession(const QUrl &logoutUrl)
{
    m_hostedLogoutPending = true;
    if (EmbeddedUserAgent *agent = embedded()) {
        // In the window's profile, where the hosted session cookie lives.
        agent->endSession(logoutUrl);
        return;
    }
    // Without the window every sign-in ran in the system browser: end the session there. That
    // is all that can be done, so the logout is over once the browser has it.
    browser()->endSession(logoutUrl);
    QTimer::singleShot(0, this, &FallbackUserAgent::onSessionEnded);
}

EmbeddedUserAgent *FallbackUserAgent::embedded()
{
    if (m_embedded || m_pluginTried)
        return m_embedded;
    m_pluginTried = true;
    m_embedded = m_windowHost == WindowHost::SeparateProcess ? findLoginProcess() : loadPlugin();
    if (!m_embedded) {
        qCWarning(lcFallback).noquote()
            << "no sign-in window, signing in through the system browser:" << m_pluginError;
        return nullptr;
    }
    forward(m_embedded);
    // Queued: the login window that asked is dismissed from there.
    connect(m_embedded, &EmbeddedUserAgent::systemBrowserRequested, this,
            &FallbackUserAgent::continueInBrowser, Qt::QueuedConnection);
    connect(m_embedded, &EmbeddedUserAgent::sessionEnded, this, &FallbackUserAgent::onSessionEnded);
    return m_embedded;
}

EmbeddedUserAgent *FallbackUserAgent::findLoginProcess()
{
    const QStringList candidates = LoginProcessUserAgent::defaultExecutableCandidates();
    const QString executable = LoginProcessUserAgent::findExecutable(candidates);
    if (executable.isEmpty()) {
        m_pluginError = QStringLiteral("no %1 executable among: %2")
                            .arg(QLatin1String(LoginProcessUserAgent::kExecutableName),
                                 candidates.join(QStringLiteral(", ")));
        return nullptr;
    }
    auto *agent = new LoginProcessUserAgent(executable, this);
    // Kept above the application's window by the window manager, as the in-process one is.
    agent->setParentWindow(m_parentWindow);
    return agent;
}

EmbeddedUserAgent *FallbackUserAgent::loadPlugin()
{
    QStringList reasons;
    for (const QString &directory : std::as_const(m_pluginPaths)) {
        QPluginLoader loader(QDir(directory).filePath(QLatin1String(kPluginName)));
        if (!loader.load()) {
            reasons.append(directory + QStringLiteral(": ") + loader.errorString());
            continue;
        }
        auto *factory = qobject_cast<EmbeddedUserAgentFactory *>(loader.instance());
        if (!factory) {
            reasons.append(loader.fileName() + QStringLiteral(": not a sign-in window plugin"));
            continue;
        }
        qCInfo(lcFallback).noquote() << "sign-in window plugin loaded from" << loader.fileName();
        return factory->create(m_parentWindow, this);
    }
    m_pluginError = reasons.isEmpty() ? QStringLiteral("no plugin directory to search")
                                      : reasons.join(QStringLiteral("; "));
    return nullptr;
}

LoopbackUserAgent *FallbackUserAgent::browser()
{
    if (!m_browser) {
        // The opener of the moment: setUrlOpener() may come after the browser's first use.
        m_browser = new LoopbackUserAgent(
            [this](const QUrl &url) { return m_openUrl && m_openUrl(url); }, this);
        forward(m_browser);
    }
    return m_browser;
}

UserAgent *FallbackUserAgent::current() const
{
    return m_inBrowser ? static_cast<UserAgent *>(m_browser) : m_embedded;
}

void FallbackUserAgent::forward(UserAgent *agent)
{
    // Only the agent carrying the current attempt speaks for it.
    connect(agent, &UserAgent::redirectReceived, this, [this, agent](const QUrl &url) {
        if (current() == agent)
            Q_EMIT redirectReceived(url);
    });
    connect(agent, &UserAgent::cancelled, this, [this, agent] {
        if (current() == agent)
            Q_EMIT cancelled();
    });
    connect(agent, &UserAgent::failed, this, [this, agent](const QString &message) {
        if (current() == agent)
            Q_EMIT failed(message);
    });
}

void FallbackUserAgent::continueInBrowser()
{
    if (!m_session || !m_session->state()->isSigningIn() || m_inBrowser)
        return;
    qCInfo(lcFallback) << "continuing the sign-in in the system browser";
    m_session->cancelSignIn(); // closes the login window; cancelling is not an error
    m_inBrowser = true;
    m_session->signIn(m_lastSignIn);
}

void FallbackUserAgent::onSessionEnded()
{
    if (!m_hostedLogoutPending)
        return;
    m_hostedLogoutPending = false;
    qCInfo(lcFallback) << "hosted logout finished";
    Q_EMIT hostedLogoutFinished();
}

} // namespace authkit
