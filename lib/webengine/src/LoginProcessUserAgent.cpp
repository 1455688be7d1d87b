#include <authkitqt/webengine/LoginProcessUserAgent.h>

#include "LibraryLocation_p.h"
#include "LoginProcessProtocol_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <QWidget>

Q_LOGGING_CATEGORY(lcLoginProcess, "authkit.webengine.process")
// The startup trace's checkpoint (names only): app/desktop/StartupTrace.h.
Q_LOGGING_CATEGORY(lcLoginProcessStartup, "authkit.startup", QtWarningMsg)

namespace authkit {

using namespace loginprocess;

namespace {

constexpr int kExitWaitMs = 5000;

} // namespace

LoginProcessUserAgent::LoginProcessUserAgent(const QString &executable, QObject *parent)
    : EmbeddedUserAgent(parent)
    , m_executable(executable)
{
}

LoginProcessUserAgent::~LoginProcessUserAgent()
{
    // Closing stdin is a child's cue to go (the current one, and any still closing); none may
    // outlive us.
    const QList<QProcess *> processes = findChildren<QProcess *>(Qt::FindDirectChildrenOnly);
    for (QProcess *process : processes) {
        disconnect(process, nullptr, this, nullptr);
        process->closeWriteChannel();
    }
    for (QProcess *process : processes) {
        if (!process->waitForFinished(kExitWaitMs)) {
            process->kill();
            process->waitForFinished(kExitWaitMs);
        }
    }
}

QStringList LoginProcessUserAgent::defaultExecutableCandidates()
{
    if (qEnvironmentVariableIsSet(kExecutableVariable))
        return {qEnvironmentVariable(kExecutableVariable)};
    const QString name = QLatin1String(kExecutableName);
    QStringList candidates;
    const QString libraryDir = webEngineLibraryDirectory();
    if (!libraryDir.isEmpty()) {
        candidates.append(QDir::cleanPath(
            QDir(libraryDir)
                .filePath(QStringLiteral(AUTHKITQT_LOGIN_WINDOW_DIR_FROM_LIB "/") + name)));
    }
#ifdef AUTHKITQT_BUILD_LOGIN_WINDOW_DIR
    candidates.append(QStringLiteral(AUTHKITQT_BUILD_LOGIN_WINDOW_DIR "/") + name);
#endif
    const QString besideExecutable = QDir::cleanPath(
        QDir(QCoreApplication::applicationDirPath())
            .filePath(QStringLiteral(AUTHKITQT_LOGIN_WINDOW_DIR_FROM_BIN "/") + name));
    if (!candidates.contains(besideExecutable))
        candidates.append(besideExecutable);
    return candidates;
}

QString LoginProcessUserAgent::findExecutable(const QStringList &candidates)
{
    for (const QString &candidate : candidates) {
        const QFileInfo file(candidate);
        if (file.isFile() && file.isExecutable())
            return file.absoluteFilePath();
    }
    return {};
}

qint64 LoginProcessUserAgent::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void LoginProcessUserAgent::raiseWindow()
{
    if (m_signInOpen)
        send(kCmdRaise);
}

QUrl LoginProcessUserAgent::prepareRedirectUri(const QUrl &configured)
{
    // Caught inside the login process's engine, as in process: used exactly as registered.
    return configured;
}

void LoginProcessUserAgent::present(const AuthorizationRequest &request)
{
    // Open before the process starts: one that cannot start ends this sign-in with an error.
    m_signInOpen = true;
    m_redirectDelivered = false;
    if (!ensureStarted())
        return;
    qCInfo(lcLoginProcess).noquote()
        << "showing the sign-in page of" << request.url().host() << "in the login window process";
    send(kCmdSignIn,
         {{QStringLiteral("url"), request.url().toString(QUrl::FullyEncoded)},
          {QStringLiteral("redirect"), request.redirectUri().toString(QUrl::FullyEncoded)},
          {QStringLiteral("state"), request.state()}});
}

void LoginProcessUserAgent::dismiss()
{
    if (!m_signInOpen)
        return;
    m_signInOpen = false;
    if (m_logoutRunning)
        send(kCmdDismiss); // the hosted logout goes on in the same process
    else
        closeIfIdle();
}

void LoginProcessUserAgent::endSession(const QUrl &logoutUrl)
{
    // Running before the process starts: one that cannot start still ends the logout.
    m_logoutRunning = true;
    if (!ensureStarted())
        return;
    qCInfo(lcLoginProcess).noquote()
        << "ending the hosted session at" << logoutUrl.host() << "in the login window process";
    send(kCmdLogout, {{QStringLiteral("url"), logoutUrl.toString(QUrl::FullyEncoded)}});
}

void LoginProcessUserAgent::setParentWindow(QWidget *window)
{
    m_parentWindow = window;
}

QWidget *LoginProcessUserAgent::parentWindow() const
{
    return m_parentWindow;
}

QStringList LoginProcessUserAgent::processArguments() const
{
    // The folder the in-process window uses too: one hosted session cookie for the application.
    QStringList arguments{QStringLiteral("--profile-path"), defaultProfileStoragePath(),
                          QStringLiteral("--locale"), QLocale().name()};
    if (!QGuiApplication::applicationDisplayName().isEmpty())
        arguments << QStringLiteral("--display-name") << QGuiApplication::applicationDisplayName();
    if (m_forgetHostedSession)
        arguments << QStringLiteral("--clear-cookies");
    arguments << parentWindowArguments(m_parentWindow, QGuiApplication::platformName());
    return arguments;
}

QStringList LoginProcessUserAgent::parentWindowArguments(QWidget *parentWindow,
                                                         const QString &platformName)
{
    // Only an X11 window id means something in another process (the child's
    // QWindow::fromWinId); elsewhere asking for one would only create a native window for nothing.
    if (!parentWindow || platformName != QLatin1String("xcb"))
        return {};
    return {QStringLiteral("--parent-window"), QString::number(parentWindow->window()->winId())};
}

bool LoginProcessUserAgent::ensureStarted()
{
    if (m_process)
        return true;
    if (m_executable.isEmpty()) {
        qCWarning(lcLoginProcess) << "no login window executable to start";
        endWork(couldNotOpenMessage());
        return false;
    }
    m_process = new QProcess(this);
    m_process->setProgram(m_executable);
    m_process->setArguments(processArguments());
    m_forgetHostedSession = false;
    // Its log lines (hosts only, never the redirect) join ours on stderr.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            &LoginProcessUserAgent::readEvents);
    connect(m_process, &QProcess::finished, this, &LoginProcessUserAgent::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFailedToStart();
    });
    m_pending.clear();
    m_outbox.clear();
    if (m_closing) {
        // One profile, one process (docs/login-window-process.md): the last one may still write
        // its cookies, which could undo a hosted logout. This one starts when it has gone, and
        // the last one gets a few seconds to.
        qCInfo(lcLoginProcess) << "waiting for the last login window process to exit";
        QTimer::singleShot(kExitWaitMs, m_closing.data(), &QProcess::kill);
        return true;
    }
    return startProcess();
}

bool LoginProcessUserAgent::startProcess()
{
    m_process->start(QIODevice::ReadWrite);
    // Qt reports some failures (no pipe, no fork) inside start(): onFailedToStart() has ended
    // the sign-in or logout already.
    if (!m_process)
        return false;
    qCInfo(lcLoginProcess).noquote() << "sign-in window process started from" << m_executable;
    if (!m_outbox.isEmpty()) {
        m_process->write(m_outbox);
        m_outbox.clear();
    }
    return true;
}

void LoginProcessUserAgent::onClosingProcessFinished(QProcess *process)
{
    process->deleteLater();
    if (process != m_closing)
        return;
    m_closing = nullptr;
    if (m_process) // waiting for this one to go
        startProcess();
}

void LoginProcessUserAgent::send(const QLatin1String &command, QJsonObject fields)
{
    if (!m_process)
        return;
    fields.insert(kCmdKey, command);
    if (m_closing)
        m_outbox += encode(fields); // written once the process has started
    else
        m_process->write(encode(fields)); // queued until the process has started
}

void LoginProcessUserAgent::readEvents()
{
    if (!m_process)
        return;
    m_pending += m_process->readAllStandardOutput();
    for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n')) {
        const QByteArray line = m_pending.left(end);
        m_pending.remove(0, end + 1);
        const QJsonObject event = decode(line);
        if (event.isEmpty()) {
            qCWarning(lcLoginProcess) << "the login window process said something unreadable";
            continue;
        }
        handle(event);
    }
    if (m_pending.size() > loginprocess::kMaxLineBytes && m_process) {
        qCWarning(lcLoginProcess) << "the login window process sent a line of over"
                                  << loginprocess::kMaxLineBytes << "bytes; stopping it";
        m_pending.clear();
        m_process->kill(); // onFinished() ends a sign-in in progress with an error
    }
}

void LoginProcessUserAgent::handle(const QJsonObject &event)
{
    const QString name = event.value(kEventKey).toString();
    if (name == kEventRedirect) {
        if (!m_signInOpen)
            return;
        m_redirectDelivered = true;
        // Never logged: it carries the code.
        Q_EMIT redirectReceived(QUrl(event.value(QStringLiteral("url")).toString()));
    } else if (name == kEventCancelled) {
        if (!m_signInOpen)
            return;
        m_signInOpen = false;
        closeIfIdle();
        Q_EMIT cancelled();
    } else if (name == kEventUseBrowser) {
        if (m_signInOpen)
            Q_EMIT systemBrowserRequested();
    } else if (name == kEventError) {
        if (m_signInOpen)
            Q_EMIT failed(event.value(QStringLiteral("message")).toString());
    } else if (name == kEventFinished) {
        if (!m_logoutRunning)
            return;
        m_logoutRunning = false;
        closeIfIdle();
        Q_EMIT sessionEnded();
    } else if (name == kEventLoaded) {
        qCDebug(lcLoginProcessStartup) << "login page loaded";
        Q_EMIT pageLoaded();
    } else if (name != kEventReady) {
        qCDebug(lcLoginProcess).noquote() << "ignoring an unknown event:" << name;
    }
}

void LoginProcessUserAgent::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!releaseProcess())
        return;
    if (isWorking()) {
        qCWarning(lcLoginProcess).noquote()
            << "the login window process ended unexpectedly:"
            << (status == QProcess::CrashExit ? QStringLiteral("crashed")
                                              : QStringLiteral("exit code %1").arg(exitCode));
    }
    endWork(tr("The sign-in window closed unexpectedly. Try again, or use your browser "
               "instead."));
}

void LoginProcessUserAgent::onFailedToStart()
{
    const QString reason = m_process ? m_process->errorString() : QString();
    if (!releaseProcess())
        return;
    qCWarning(lcLoginProcess).noquote() << "the login window process could not be started from"
                                        << m_executable + QLatin1Char(':') << reason;
    endWork(couldNotOpenMessage());
}

bool LoginProcessUserAgent::releaseProcess()
{
    QProcess *process = m_process;
    if (!process)
        return false;
    m_process = nullptr;
    m_outbox.clear();
    disconnect(process, nullptr, this, nullptr);
    process->deleteLater();
    return true;
}

bool LoginProcessUserAgent::isWorking() const
{
    // Once the redirect is here the window has done its part: the exchange goes on without it.
    return (m_signInOpen && !m_redirectDelivered) || m_logoutRunning;
}

void LoginProcessUserAgent::endWork(const QString &signInError)
{
    const bool signInLost = m_signInOpen && !m_redirectDelivered;
    const bool logoutLost = m_logoutRunning;
    m_signInOpen = false;
    m_logoutRunning = false;
    if (logoutLost) {
        // The server may not have heard of it: the next process forgets the hosted session.
        m_forgetHostedSession = true;
        Q_EMIT sessionEnded();
    }
    if (signInLost)
        Q_EMIT failed(signInError);
}

QString LoginProcessUserAgent::couldNotOpenMessage()
{
    return tr("The sign-in window could not be opened. Try again, or use your browser instead.");
}

void LoginProcessUserAgent::closeIfIdle()
{
    if (!m_process || m_signInOpen || m_logoutRunning)
        return;
    if (m_closing) {
        // It never started: it was still waiting for the last one to go.
        releaseProcess();
        return;
    }
    // Done: the process goes, and Qt WebEngine's memory with it. It exits on its own once its
    // stdin closes; until then it is detached from us, and the next one waits for it to go.
    QProcess *process = m_process;
    m_process = nullptr;
    disconnect(process, nullptr, this, nullptr);
    m_closing = process;
    connect(process, &QProcess::finished, this,
            [this, process] { onClosingProcessFinished(process); });
    // Closed before Qt knew it could not start it: that is gone too.
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onClosingProcessFinished(process);
    });
    process->write(encode({{kCmdKey, kCmdClose}}));
    process->closeWriteChannel();
}

} // namespace authkit
