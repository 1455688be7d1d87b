// The login window process stays with the application's window (docs/login-window-process.md):
// LoginProcessUserAgent passes the native id of its parent window (--parent-window) only where
// another process can use it (xcb), authkit-login-window makes its window transient for it, and
// "raise" brings that window back on top. The X11 cases need a real X server: ctest runs this
// program a second time under xvfb-run (tst_login_window_transient_xcb); on another platform
// they skip. The window's X properties are read with xprop and xwininfo, as a window manager
// would see them; the sign-in page is the emulator's real hosted page.

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/MemorySecretStore.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/emulator/AuthKitEmulator.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <authkitqt/webengine/LoginProcessUserAgent.h>

#include <QApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

#include <memory>
#include <optional>

using namespace authkit;

namespace {

constexpr int kTimeoutMs = 60000; // a cold engine start on a busy machine is slow

bool onXcb()
{
    return QGuiApplication::platformName() == QLatin1String("xcb");
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(kTimeoutMs) || process.exitCode() != 0)
        return {};
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

// A top-level X window as `xwininfo -root -children` lists it.
struct TopLevel
{
    WId id = 0;
    QString line; // id, name and WM_CLASS ("instance" "class"), geometry
};

// The top-level X windows, top of the stacking order first: xwininfo prints XQueryTree's list
// (bottom first) from its end. One process for the whole list: a poll that spawned xprop for every
// window (Qt WebEngine makes several hidden ones) could outrun its timeout on a loaded machine.
QList<TopLevel> topLevels()
{
    static const QRegularExpression line(QStringLiteral(R"(^\s+(0x[0-9a-f]+) (.*)$)"),
                                         QRegularExpression::MultilineOption);
    QList<TopLevel> windows;
    const QString tree =
        run(QStringLiteral("xwininfo"), {QStringLiteral("-root"), QStringLiteral("-children")});
    for (auto it = line.globalMatch(tree); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        windows.append({match.captured(1).toULongLong(nullptr, 16), match.captured(2)});
    }
    return windows;
}

QList<WId> topLevelWindows()
{
    QList<WId> ids;
    for (const TopLevel &window : topLevels())
        ids.append(window.id);
    return ids;
}

bool isViewable(WId window)
{
    return run(QStringLiteral("xwininfo"), {QStringLiteral("-id"), QString::number(window)})
        .contains(QLatin1String("Map State: IsViewable"));
}

// One property of a window as a number (a window id, a pid), if it is set.
std::optional<qulonglong> numberProperty(WId window, const QString &property)
{
    const QString value =
        run(QStringLiteral("xprop"), {QStringLiteral("-id"), QString::number(window), property});
    static const QRegularExpression number(
        QStringLiteral(R"([=#]\s*(?:window id # )?(0x[0-9a-f]+|\d+)\s*$)"));
    const QRegularExpressionMatch match = number.match(value.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qulonglong result = match.captured(1).toULongLong(&ok, 0);
    return ok ? std::optional<qulonglong>(result) : std::nullopt;
}

// The window the login process shows: its one viewable top-level window. Only the windows whose
// WM_CLASS names the login window program are asked for their pid and map state.
WId loginWindowOf(qint64 pid)
{
    WId found = 0;
    for (const TopLevel &window : topLevels()) {
        if (!window.line.contains(QLatin1String("authkit-login-window"), Qt::CaseInsensitive))
            continue;
        if (numberProperty(window.id, QStringLiteral("_NET_WM_PID")) == qulonglong(pid)
            && isViewable(window.id)) {
            if (found)
                return 0; // more than one: not the state we are waiting for
            found = window.id;
        }
    }
    return found;
}

// Whether `upper` is above `lower` in the stacking order.
bool isAbove(WId upper, WId lower)
{
    const QList<WId> windows = topLevelWindows();
    const qsizetype upperAt = windows.indexOf(upper);
    return upperAt >= 0 && upperAt < windows.indexOf(lower);
}

bool isTransientFor(WId window, WId parent)
{
    return numberProperty(window, QStringLiteral("WM_TRANSIENT_FOR")) == qulonglong(parent);
}

// For a failure's message: the windows, top last, and the login window's transient parent.
QString describe(WId loginWindow, WId appWindow)
{
    QStringList stack;
    for (WId window : topLevelWindows()) {
        if (isViewable(window))
            stack.append(QStringLiteral("0x%1").arg(window, 0, 16));
    }
    return QStringLiteral("login window 0x%1 (WM_TRANSIENT_FOR 0x%2), app window 0x%3, viewable "
                          "windows top to bottom: %4")
        .arg(loginWindow, 0, 16)
        .arg(numberProperty(loginWindow, QStringLiteral("WM_TRANSIENT_FOR")).value_or(0), 0, 16)
        .arg(appWindow, 0, 16)
        .arg(stack.join(QLatin1Char(' ')));
}

} // namespace

// One application's worth of sign-in: an API client, an in-memory session store, the session
// and the fallback agent set on it, with the application's window as its parent.
struct SignInRig
{
    SignInRig(const AuthKitConfig &config, QWidget *mainWindow)
        : api(config, &network)
        , store(&secrets, QStringLiteral("test/transient"))
        , session(&api, &store)
        , agent(&session, mainWindow)
    {
        session.setUserAgent(&agent);
    }

    QNetworkAccessManager network;
    MemorySecretStore secrets;
    AuthKitApi api;
    SessionStore store;
    AuthSession session;
    FallbackUserAgent agent;
};

class tst_LoginWindowTransient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void theParentWindowGoesOnlyToAnXcbChild();
    void theProcessIsStartedWithTheParentOnlyOnXcb();
    void anInvalidParentWindowIsIgnored();
    void theLoginWindowIsTransientForTheAppWindowAndRaises();

private:
    std::unique_ptr<emulator::AuthKitEmulator> m_emulator;
    AuthKitConfig m_config;
};

void tst_LoginWindowTransient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the login profile stays out of the home folder
    // Not approving at once: the hosted sign-in page stays in the window until we cancel.
    m_emulator = std::make_unique<emulator::AuthKitEmulator>(emulator::EmulatorOptions{});
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    const QString clientId = m_emulator->clientIds().first();
    m_config.profile = QStringLiteral("test");
    m_config.clientId = clientId;
    m_config.apiBaseUrl = m_emulator->baseUrl();
    m_config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    m_config.acceptedIssuers = {m_emulator->issuerFor(clientId)};
}

void tst_LoginWindowTransient::theParentWindowGoesOnlyToAnXcbChild()
{
    QWidget mainWindow;
    auto *button = new QWidget(&mainWindow); // the app may hand over any widget of its window
    const QString xcb = QStringLiteral("xcb");

    QVERIFY(LoginProcessUserAgent::parentWindowArguments(nullptr, xcb).isEmpty());
    QVERIFY(LoginProcessUserAgent::parentWindowArguments(&mainWindow, QStringLiteral("offscreen"))
                .isEmpty());
    QVERIFY(LoginProcessUserAgent::parentWindowArguments(&mainWindow, QStringLiteral("wayland"))
                .isEmpty());
    QVERIFY(!button->testAttribute(Qt::WA_NativeWindow)); // nothing was made native for nothing

    const QStringList arguments = LoginProcessUserAgent::parentWindowArguments(button, xcb);
    QCOMPARE(arguments,
             QStringList({QStringLiteral("--parent-window"), QString::number(mainWindow.winId())}));
    QVERIFY(mainWindow.winId() != 0);
    QVERIFY(!button->testAttribute(Qt::WA_NativeWindow)); // the window's id, not the widget's
}

void tst_LoginWindowTransient::theProcessIsStartedWithTheParentOnlyOnXcb()
{
    QWidget mainWindow;
    LoginProcessUserAgent agent(QStringLiteral("/nonexistent/authkit-login-window"));
    QVERIFY(!agent.processArguments().contains(QStringLiteral("--parent-window")));

    agent.setParentWindow(&mainWindow);
    const QStringList arguments = agent.processArguments();
    if (onXcb()) {
        const qsizetype at = arguments.indexOf(QStringLiteral("--parent-window"));
        QVERIFY(at >= 0);
        QCOMPARE(arguments.value(at + 1), QString::number(mainWindow.winId()));
    } else {
        QVERIFY2(!arguments.contains(QStringLiteral("--parent-window")),
                 qPrintable(arguments.join(QLatin1Char(' '))));
    }

    // The agent the application sets up hands its window on.
    QNetworkAccessManager network;
    AuthKitApi api(m_config, &network);
    MemorySecretStore secrets;
    SessionStore store(&secrets, QStringLiteral("test/transient"));
    AuthSession session(&api, &store);
    FallbackUserAgent fallback(&session, &mainWindow);
    session.setUserAgent(&fallback);
    fallback.signIn(); // starts the login process
    LoginProcessUserAgent *process = fallback.processAgent();
    QVERIFY2(process, qPrintable(fallback.pluginError()));
    QCOMPARE(process->parentWindow(), &mainWindow);
    session.cancelSignIn();
}

void tst_LoginWindowTransient::anInvalidParentWindowIsIgnored()
{
    const QString executable = LoginProcessUserAgent::findExecutable();
    QVERIFY2(!executable.isEmpty(), "authkit-login-window is not built");
    QProcess child;
    child.setProgram(executable);
    child.setArguments({QStringLiteral("--parent-window"), QStringLiteral("not-a-window")});
    child.start();
    QVERIFY(child.waitForStarted(kTimeoutMs));
    // It starts anyway (the window just is not transient) and says why it ignored the id.
    QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() != QProcess::Running, kTimeoutMs);
    QVERIFY(child.readLine().contains(R"("event":"ready")"));
    child.closeWriteChannel(); // the application has gone: it exits
    QVERIFY(child.waitForFinished(kTimeoutMs));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    const QByteArray log = child.readAllStandardError();
    QVERIFY2(log.contains("ignoring --parent-window"), log.constData());
}

void tst_LoginWindowTransient::theLoginWindowIsTransientForTheAppWindowAndRaises()
{
    if (!onXcb())
        QSKIP("needs an X server: ctest runs it under xvfb-run as tst_login_window_transient_xcb");
    if (QStandardPaths::findExecutable(QStringLiteral("xprop")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("xwininfo")).isEmpty())
        QSKIP("needs xprop and xwininfo (Debian package x11-utils, scripts/install-deps.sh)");

    QWidget mainWindow;
    mainWindow.setWindowTitle(QStringLiteral("AuthKitQt test application"));
    mainWindow.resize(640, 480);
    mainWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&mainWindow));
    const WId mainId = mainWindow.winId();

    SignInRig rig(m_config, &mainWindow);
    QSignalSpy finished(&rig.session, &AuthSession::signInFinished);
    rig.agent.signIn();
    LoginProcessUserAgent *process = rig.agent.processAgent();
    QVERIFY2(process, qPrintable(rig.agent.pluginError()));
    const qint64 pid = process->processId();
    QVERIFY(pid > 0);
    QSignalSpy loaded(process, &LoginProcessUserAgent::pageLoaded);
    QVERIFY(loaded.wait(kTimeoutMs)); // the hosted page is in the window

    // What a window manager reads: the login window says it belongs to the application's.
    WId loginId = 0;
    QTRY_VERIFY_WITH_TIMEOUT((loginId = loginWindowOf(pid)) != 0, kTimeoutMs);
    QVERIFY2(isTransientFor(loginId, mainId), qPrintable(describe(loginId, mainId)));

    // And that it is the app's modal dialog, as the in-process window is.
    QVERIFY(run(QStringLiteral("xprop"),
                {QStringLiteral("-id"), QString::number(loginId), QStringLiteral("_NET_WM_STATE")})
                .contains(QLatin1String("_NET_WM_STATE_MODAL")));

    // The application's window comes on top (another launch raised it); "raise" brings the
    // login window back above it.
    mainWindow.raise();
    QTRY_VERIFY2_WITH_TIMEOUT(isAbove(mainId, loginWindowOf(pid)),
                              qPrintable(describe(loginWindowOf(pid), mainId)), kTimeoutMs);
    rig.agent.raiseWindow();
    QTRY_VERIFY2_WITH_TIMEOUT(isAbove(loginWindowOf(pid), mainId),
                              qPrintable(describe(loginWindowOf(pid), mainId)), kTimeoutMs);
    loginId = loginWindowOf(pid); // still transient, whichever native window Qt gave it since
    QVERIFY2(isTransientFor(loginId, mainId), qPrintable(describe(loginId, mainId)));

    // Cancelled by the application: the process and its window go.
    rig.session.cancelSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(process->processId(), 0, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(loginWindowOf(pid) == 0, kTimeoutMs);
    QVERIFY(isViewable(mainId)); // the child only borrowed the application's window
}

QTEST_MAIN(tst_LoginWindowTransient)
#include "tst_login_window_transient.moc"
