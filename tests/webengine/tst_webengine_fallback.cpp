// FallbackUserAgent as an application uses it, against a real in-process emulator: by default the
// window runs in the login window process (authkit-login-window; a scripted stand-in of it for
// "Use my browser instead") and Qt WebEngine never comes into this process; with
// WindowHost::InProcess it comes in with the plugin only when a sign-in window is needed; without
// the plugin (or the executable) the sign-in goes to the system browser (a stand-in that
// QDesktopServices hands the URLs to, or the application's own URL opener) through the real
// loopback listener; and the hosted logout is tracked until it has finished.
// This program links no Qt WebEngine, so /proc/self/maps tells whether the plugin brought it in.

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/core/MemorySecretStore.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/emulator/AuthKitEmulator.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <authkitqt/webengine/LoginProcessUserAgent.h>

#include <HttpClient.h>

#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWidget>

#include <memory>

#include <signal.h>
#include <sys/resource.h>

using namespace authkit;

namespace {

constexpr int kTimeoutMs = 30000; // a cold engine start on a busy machine is slow

bool webEngineMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return maps.readAll().contains("libQt6WebEngineCore");
}

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

// Writes dir/login-window: a stand-in for authkit-login-window that speaks its protocol
// (docs/login-window-process.md): says ready, runs onSignIn (shell) for a "signin" command and
// exits on "close". Null when it cannot be written.
QString writeScriptedLoginWindow(const QTemporaryDir &dir, const QByteArray &onSignIn)
{
    const QString script = dir.filePath(QStringLiteral("login-window"));
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n"
               "echo '{\"event\":\"ready\",\"v\":1}'\n"
               "while read -r line; do\n"
               "  case \"$line\" in\n"
               "    *'\"cmd\":\"signin\"'*) "
               + onSignIn
               + " ;;\n"
                 "    *'\"cmd\":\"close\"'*) exit 0 ;;\n"
                 "  esac\n"
                 "done\n");
    file.close();
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return {};
    return script;
}

// Writes dir/name with content and the given permissions; null when it cannot be written.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content,
                  QFile::Permissions permissions)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    file.close();
    return file.setPermissions(permissions) ? path : QString();
}

// Writes dir/login-window: a stand-in for authkit-login-window that appends "start <pid>" to
// dir/lifetimes when it starts and "exit <pid>" when it is about to exit, cancels every sign-in
// and finishes every hosted logout at once, and on "close" (or a closed stdin) runs afterClose
// (shell) before it exits. Null when it cannot be written.
QString writeLifetimeLoggingLoginWindow(const QTemporaryDir &dir, const QByteArray &afterClose)
{
    const QByteArray log = QFile::encodeName(dir.filePath(QStringLiteral("lifetimes")));
    return writeFile(
        dir, QStringLiteral("login-window"),
        "#!/bin/sh\n"
        "echo \"start $$\" >> '"
            + log
            + "'\n"
              "echo '{\"event\":\"ready\",\"v\":1}'\n"
              "while read -r line; do\n"
              "  case \"$line\" in\n"
              "    *'\"cmd\":\"signin\"'*) echo '{\"event\":\"cancelled\",\"v\":1}' ;;\n"
              "    *'\"cmd\":\"logout\"'*) echo '{\"event\":\"finished\",\"v\":1}' ;;\n"
              "    *'\"cmd\":\"close\"'*) break ;;\n"
              "  esac\n"
              "done\n"
            + afterClose
            + "\n"
              "echo \"exit $$\" >> '"
            + log + "'\n",
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// The lines of dir/lifetimes so far.
QStringList lifetimes(const QTemporaryDir &dir)
{
    QFile file(dir.filePath(QStringLiteral("lifetimes")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// Lowers the limit of open files to none while it lives: no pipe can be made, so QProcess fails
// inside start(), as it does when a process runs out of descriptors.
class NoFreeDescriptors
{
public:
    NoFreeDescriptors()
    {
        m_ok = ::getrlimit(RLIMIT_NOFILE, &m_saved) == 0;
        rlimit none = m_saved;
        none.rlim_cur = 0;
        m_ok = m_ok && ::setrlimit(RLIMIT_NOFILE, &none) == 0;
    }
    ~NoFreeDescriptors()
    {
        if (m_ok)
            ::setrlimit(RLIMIT_NOFILE, &m_saved);
    }
    NoFreeDescriptors(const NoFreeDescriptors &) = delete;
    NoFreeDescriptors &operator=(const NoFreeDescriptors &) = delete;
    bool isOk() const { return m_ok; }

private:
    rlimit m_saved{};
    bool m_ok = false;
};

} // namespace

// Stands in for the system browser: QDesktopServices hands it the URLs it would open.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

// One application's worth of sign-in: an API client, an in-memory session store, the session
// and the fallback agent set on it.
struct SignInRig
{
    explicit SignInRig(const AuthKitConfig &config)
        : api(config, &network)
        , store(&secrets, QStringLiteral("test/fallback"))
        , session(&api, &store)
    {
    }
    void attach(FallbackUserAgent *fallback)
    {
        agent.reset(fallback);
        session.setUserAgent(fallback);
    }

    QNetworkAccessManager network;
    MemorySecretStore secrets;
    AuthKitApi api;
    SessionStore store;
    AuthSession session;
    std::unique_ptr<FallbackUserAgent> agent;
};

class tst_FallbackUserAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    // In this order: those before the plugin's need a process that has not loaded it yet.
    void theWindowRunsInAProcessOfItsOwn();
    void useMyBrowserInTheLoginProcessContinuesInTheBrowser();
    void withoutTheLoginWindowExecutableTheSystemBrowserSignsIn();
    void anOversizedLineFromTheLoginProcessEndsTheSignIn();
    void theApplicationsUrlOpenerOpensTheSystemBrowser();
    void aLoginProcessThatCannotStartEndsTheSignInAndTheLogout();
    void aLoginProcessThatFailsInsideStartEndsTheSignInAndTheLogout();
    void theNextLoginProcessStartsOnceTheLastHasExited();
    void aLastLoginProcessThatDoesNotExitIsKilledForTheNext();
    void webEngineLoadsOnlyWithASignInWindow();
    void hostedLogoutIsTrackedUntilItFinishes();
    void withoutThePluginTheSystemBrowserSignsIn();
    void withoutThePluginTheBrowserEndsTheHostedSession();

private:
    QString sessionStatus(const QString &sessionId);

    std::unique_ptr<emulator::AuthKitEmulator> m_emulator;
    AuthKitConfig m_config;
    std::unique_ptr<SignInRig> m_rig;
    QWidget m_mainWindow;
    BrowserStandIn m_browser;
    testsupport::HttpClient m_http;
};

void tst_FallbackUserAgent::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the login profile stays out of the home folder
    emulator::EmulatorOptions options;
    options.autoApprove = true; // the authorize URL answers with the redirect at once
    m_emulator = std::make_unique<emulator::AuthKitEmulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    const QString clientId = m_emulator->clientIds().first();
    m_config.profile = QStringLiteral("test");
    m_config.clientId = clientId;
    m_config.apiBaseUrl = m_emulator->baseUrl();
    m_config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    m_config.acceptedIssuers = {m_emulator->issuerFor(clientId)};
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
}

void tst_FallbackUserAgent::cleanup()
{
    m_rig.reset();
    m_browser.opened.clear();
    qunsetenv(FallbackUserAgent::kPluginPathVariable);
    qunsetenv(LoginProcessUserAgent::kExecutableVariable);
}

void tst_FallbackUserAgent::theWindowRunsInAProcessOfItsOwn()
{
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    QCOMPARE(agent->windowHost(), FallbackUserAgent::WindowHost::SeparateProcess);

    // The emulator approves at once: the window in the login process catches the redirect, the
    // URL comes back over the pipe, and the session checks and exchanges it.
    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY2(agent->isEngineLoaded(), qPrintable(agent->pluginError()));
    LoginProcessUserAgent *process = agent->processAgent();
    QVERIFY(process);
    QVERIFY(process->processId() > 0);
    QVERIFY(agent->isWindowOpen());
    QVERIFY(!agent->window()); // not in this process
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(m_rig->session.state()->isAuthenticated());
    QVERIFY(!agent->isWindowOpen());
    QTRY_COMPARE_WITH_TIMEOUT(process->processId(), 0, kTimeoutMs);
    QVERIFY(!webEngineMapped());

    // The hosted logout runs in a login process too (the same profile), and is tracked.
    const QString sessionId = m_rig->session.state()->session().sessionId;
    QSignalSpy logoutFinished(agent, &FallbackUserAgent::hostedLogoutFinished);
    QVERIFY(!m_rig->session.signOut().isEmpty());
    QVERIFY(agent->isHostedLogoutPending());
    // Once the sign-in's process has exited (one profile, one process).
    QTRY_VERIFY_WITH_TIMEOUT(process->processId() > 0, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(logoutFinished.size(), 1, kTimeoutMs);
    QVERIFY(!agent->isHostedLogoutPending());
    QCOMPARE(sessionStatus(sessionId), QStringLiteral("revoked"));
    QTRY_COMPARE_WITH_TIMEOUT(process->processId(), 0, kTimeoutMs);
    QVERIFY(m_browser.opened.isEmpty());
    QVERIFY(!webEngineMapped());
}

void tst_FallbackUserAgent::useMyBrowserInTheLoginProcessContinuesInTheBrowser()
{
    // The stand-in has the person press "Use my browser instead".
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script =
        writeScriptedLoginWindow(dir, "echo '{\"event\":\"use-browser\",\"v\":1}'");
    QVERIFY(!script.isEmpty());
    qputenv(LoginProcessUserAgent::kExecutableVariable, QFile::encodeName(script));

    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    agent->signIn();
    QVERIFY(agent->processAgent());
    QCOMPARE(agent->processAgent()->executable(), script);

    // The sign-in goes on in the system browser, with the loopback listener, and no error.
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, kTimeoutMs);
    QVERIFY(!agent->isWindowOpen());
    QVERIFY(m_rig->session.state()->isSigningIn());
    QVERIFY(m_rig->session.state()->lastError().isEmpty());
    const QUrl redirect(queryValue(m_browser.opened.first(), QStringLiteral("redirect_uri")));
    QCOMPARE(redirect.port(), static_cast<int>(agent->browserAgent()->port()));
    QTRY_COMPARE_WITH_TIMEOUT(agent->processAgent()->processId(), 0, kTimeoutMs);
    m_rig->session.cancelSignIn();
    m_browser.opened.clear();
}

void tst_FallbackUserAgent::withoutTheLoginWindowExecutableTheSystemBrowserSignsIn()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const QString missing = empty.filePath(QStringLiteral("authkit-login-window"));
    qputenv(LoginProcessUserAgent::kExecutableVariable, QFile::encodeName(missing));
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();

    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY(!agent->isEngineLoaded());
    QVERIFY(agent->pluginError().contains(missing));
    QCOMPARE(m_browser.opened.size(), 1);
    const auto approved = m_http.get(m_browser.opened.takeFirst());
    QCOMPARE(approved.status, 302);
    QCOMPARE(m_http.get(approved.location()).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(!webEngineMapped());
}

void tst_FallbackUserAgent::anOversizedLineFromTheLoginProcessEndsTheSignIn()
{
    // A login process that answers the sign-in with 5 MB and no end of line (no message of the
    // protocol can be that long): stopped, and the sign-in ends with an error, not a hang.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script =
        writeScriptedLoginWindow(dir, "head -c 5000000 /dev/zero | tr '\\0' a; exec sleep 600");
    QVERIFY(!script.isEmpty());
    qputenv(LoginProcessUserAgent::kExecutableVariable, QFile::encodeName(script));

    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY(agent->processAgent());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!finished.first().at(1).toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(agent->processAgent()->processId(), 0, kTimeoutMs);
    QVERIFY(m_browser.opened.isEmpty());
}

void tst_FallbackUserAgent::theApplicationsUrlOpenerOpensTheSystemBrowser()
{
    // The application's own opener (xdg-open, where Qt's services open nothing) gets the sign-in
    // and the hosted logout in the system browser; QDesktopServices is not asked.
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv(LoginProcessUserAgent::kExecutableVariable,
            QFile::encodeName(empty.filePath(QStringLiteral("authkit-login-window"))));
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    QList<QUrl> opened;
    agent->setUrlOpener([&opened](const QUrl &url) {
        opened.append(url);
        return true;
    });

    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY(!agent->isEngineLoaded());
    QCOMPARE(opened.size(), 1);
    const auto approved = m_http.get(opened.first());
    QCOMPARE(approved.status, 302);
    QCOMPARE(m_http.get(approved.location()).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), true);

    QSignalSpy logoutFinished(agent, &FallbackUserAgent::hostedLogoutFinished);
    const QUrl logoutUrl = m_rig->session.signOut();
    QVERIFY(!logoutUrl.isEmpty());
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.last(), logoutUrl);
    QTRY_COMPARE_WITH_TIMEOUT(logoutFinished.size(), 1, kTimeoutMs);
    QVERIFY(m_browser.opened.isEmpty());

    // An opener that cannot open the browser ends the sign-in with an error, set after the
    // browser's first use too.
    agent->setUrlOpener([](const QUrl &) { return false; });
    agent->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeoutMs);
    QCOMPARE(finished.last().at(0).toBool(), false);
    QVERIFY(!finished.last().at(1).toString().isEmpty());
    QVERIFY(m_browser.opened.isEmpty());
}

void tst_FallbackUserAgent::aLoginProcessThatCannotStartEndsTheSignInAndTheLogout()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QUrl logoutUrl = m_emulator->baseUrl().resolved(QUrl(QStringLiteral("/logout")));

    // A login window that is not executable: the sign-in fails with an error, and a hosted logout
    // is over, rather than either waiting for a process that never came.
    const QString notExecutable =
        writeFile(dir, QStringLiteral("not-executable"), "#!/bin/sh\nexit 0\n",
                  QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(!notExecutable.isEmpty());
    LoginProcessUserAgent process(notExecutable);
    QSignalSpy failed(&process, &UserAgent::failed);
    QSignalSpy ended(&process, &EmbeddedUserAgent::sessionEnded);
    process.present(AuthorizationRequest::create(m_config, m_config.redirectUri));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeoutMs);
    QVERIFY(!failed.first().at(0).toString().isEmpty());
    QVERIFY(!process.isWindowOpen());
    QCOMPARE(process.processId(), 0);
    process.endSession(logoutUrl);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);
    QCOMPARE(failed.size(), 1);

    // The same through FallbackUserAgent, with an executable file whose interpreter is missing.
    const QString noInterpreter =
        writeFile(dir, QStringLiteral("no-interpreter"), "#!/nonexistent/authkit-test-shell\n",
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!noInterpreter.isEmpty());
    qputenv(LoginProcessUserAgent::kExecutableVariable, QFile::encodeName(noInterpreter));
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY(agent->processAgent());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!finished.first().at(1).toString().isEmpty());
    QSignalSpy logoutFinished(agent, &FallbackUserAgent::hostedLogoutFinished);
    agent->endSession(logoutUrl);
    QTRY_COMPARE_WITH_TIMEOUT(logoutFinished.size(), 1, kTimeoutMs);
    QVERIFY(!agent->isHostedLogoutPending());
    QVERIFY(m_browser.opened.isEmpty());
}

void tst_FallbackUserAgent::aLoginProcessThatFailsInsideStartEndsTheSignInAndTheLogout()
{
    // Qt reports a process it cannot make pipes for (or fork) inside QProcess::start(): the
    // sign-in and the hosted logout still end, instead of waiting for a process that is not there.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = writeScriptedLoginWindow(dir, "true");
    QVERIFY(!script.isEmpty());
    LoginProcessUserAgent process(script);
    QSignalSpy failed(&process, &UserAgent::failed);
    QSignalSpy ended(&process, &EmbeddedUserAgent::sessionEnded);
    const AuthorizationRequest request =
        AuthorizationRequest::create(m_config, m_config.redirectUri);
    {
        NoFreeDescriptors limit;
        QVERIFY(limit.isOk());
        process.present(request);
    }
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeoutMs);
    QVERIFY(!failed.first().at(0).toString().isEmpty());
    QVERIFY(!process.isWindowOpen());
    {
        NoFreeDescriptors limit;
        QVERIFY(limit.isOk());
        process.endSession(m_emulator->baseUrl().resolved(QUrl(QStringLiteral("/logout"))));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);
    QCOMPARE(process.processId(), 0);

    // With descriptors to spare again, the next sign-in starts a process.
    process.present(request);
    QVERIFY(process.processId() > 0);
    QVERIFY(process.isWindowOpen());
    process.dismiss();
}

void tst_FallbackUserAgent::theNextLoginProcessStartsOnceTheLastHasExited()
{
    // Each stand-in takes a second to exit after "close", as Qt WebEngine takes a while to shut
    // down and write its cookies. A sign-in, a hosted logout and another sign-in right after each
    // other: each process starts only once the one before has exited, so no two share the
    // profile (docs/login-window-process.md), and the commands that waited reach the next one.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = writeLifetimeLoggingLoginWindow(dir, "sleep 1");
    QVERIFY(!script.isEmpty());
    LoginProcessUserAgent process(script);
    QSignalSpy cancelled(&process, &UserAgent::cancelled);
    QSignalSpy ended(&process, &EmbeddedUserAgent::sessionEnded);
    QSignalSpy failed(&process, &UserAgent::failed);
    const AuthorizationRequest request =
        AuthorizationRequest::create(m_config, m_config.redirectUri);

    process.present(request);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, kTimeoutMs);
    process.endSession(m_emulator->baseUrl().resolved(QUrl(QStringLiteral("/logout"))));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);
    process.present(request);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 2, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(lifetimes(dir).size(), 6, kTimeoutMs);
    QVERIFY(failed.isEmpty());

    const QStringList lines = lifetimes(dir);
    for (qsizetype i = 0; i < lines.size(); i += 2) {
        const QStringList started = lines.at(i).split(QLatin1Char(' '));
        const QStringList exited = lines.at(i + 1).split(QLatin1Char(' '));
        QVERIFY2(started.first() == QLatin1String("start")
                     && exited.first() == QLatin1String("exit") && started.last() == exited.last(),
                 qPrintable(lines.join(QStringLiteral("; "))));
    }
}

void tst_FallbackUserAgent::aLastLoginProcessThatDoesNotExitIsKilledForTheNext()
{
    // A stand-in that never exits after "close": the next sign-in waits a few seconds for it,
    // then it is killed and the next one starts.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = writeLifetimeLoggingLoginWindow(dir, "exec sleep 600");
    QVERIFY(!script.isEmpty());
    LoginProcessUserAgent process(script);
    QSignalSpy cancelled(&process, &UserAgent::cancelled);
    const AuthorizationRequest request =
        AuthorizationRequest::create(m_config, m_config.redirectUri);

    process.present(request);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, kTimeoutMs);
    const QStringList first = lifetimes(dir);
    QCOMPARE(first.size(), 1);
    const pid_t firstPid = first.first().section(QLatin1Char(' '), 1).toInt();
    QVERIFY(firstPid > 0);
    QCOMPARE(::kill(firstPid, 0), 0); // still there, asleep

    process.present(request);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 2, kTimeoutMs);
    const QStringList lines = lifetimes(dir);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(1).startsWith(QLatin1String("start ")));
    QVERIFY(lines.at(1) != lines.at(0));
    // Killed and reaped before the next one started.
    QCOMPARE(::kill(firstPid, 0), -1);
}

QString tst_FallbackUserAgent::sessionStatus(const QString &sessionId)
{
    QUrl url = m_emulator->baseUrl();
    url.setPath(QStringLiteral("/_emulator/sessions"));
    const QJsonArray sessions = m_http.get(url).json().value(QStringLiteral("data")).toArray();
    for (const QJsonValue &session : sessions) {
        if (session[QStringLiteral("id")].toString() == sessionId)
            return session[QStringLiteral("status")].toString();
    }
    return QString();
}

void tst_FallbackUserAgent::webEngineLoadsOnlyWithASignInWindow()
{
    QVERIFY2(!webEngineMapped(), "Qt WebEngine was mapped before anything asked for it");
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    agent->setWindowHost(FallbackUserAgent::WindowHost::InProcess);
    QVERIFY(!agent->pluginPaths().isEmpty());
    QVERIFY(!webEngineMapped());
    QVERIFY(!agent->isEngineLoaded());

    // A sign-in opens the window, and only now is the plugin, and with it Qt WebEngine, loaded.
    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY2(agent->isEngineLoaded(), qPrintable(agent->pluginError()));
    QVERIFY(agent->pluginError().isEmpty());
    QVERIFY(webEngineMapped());
    QVERIFY(agent->window());
    QVERIFY(!agent->browserAgent());

    // The emulator approves at once: the window catches the redirect and the session signs in.
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(m_rig->session.state()->isAuthenticated());
    QTRY_VERIFY_WITH_TIMEOUT(!agent->window(), kTimeoutMs);
    QVERIFY(m_browser.opened.isEmpty());
}

void tst_FallbackUserAgent::hostedLogoutIsTrackedUntilItFinishes()
{
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    agent->setWindowHost(FallbackUserAgent::WindowHost::InProcess);
    QSignalSpy signedIn(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY(signedIn.wait(kTimeoutMs));
    QVERIFY(m_rig->session.state()->isAuthenticated());
    const QString sessionId = m_rig->session.state()->session().sessionId;
    QVERIFY(!sessionId.isEmpty());
    QCOMPARE(sessionStatus(sessionId), QStringLiteral("active"));

    // Sign out: the hosted logout runs in the window's profile, and is pending until it is over.
    QSignalSpy logoutFinished(agent, &FallbackUserAgent::hostedLogoutFinished);
    QVERIFY(!agent->isHostedLogoutPending());
    QVERIFY(!m_rig->session.signOut().isEmpty());
    QVERIFY(agent->isHostedLogoutPending());
    QVERIFY(logoutFinished.wait(kTimeoutMs));
    QCOMPARE(logoutFinished.size(), 1);
    QVERIFY(!agent->isHostedLogoutPending());
    // The logout page reached the emulator: the session there is over.
    QCOMPARE(sessionStatus(sessionId), QStringLiteral("revoked"));
    QVERIFY(m_browser.opened.isEmpty()); // nothing went to the system browser

    // Signing out with no session has no hosted logout to wait for.
    QVERIFY(m_rig->session.signOut().isEmpty());
    QVERIFY(!agent->isHostedLogoutPending());
}

void tst_FallbackUserAgent::withoutThePluginTheSystemBrowserSignsIn()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv(FallbackUserAgent::kPluginPathVariable, QFile::encodeName(empty.path()));
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    agent->setWindowHost(FallbackUserAgent::WindowHost::InProcess);
    QCOMPARE(agent->pluginPaths(), QStringList{empty.path()});

    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QVERIFY(!agent->isEngineLoaded());
    QVERIFY(!agent->window());
    QVERIFY(agent->pluginError().contains(empty.path()));
    QVERIFY(m_rig->session.state()->isSigningIn());
    QVERIFY(agent->browserAgent());

    // The system browser got the authorize URL, with the loopback listener as the redirect.
    QCOMPARE(m_browser.opened.size(), 1);
    const QUrl authorize = m_browser.opened.first();
    const QUrl redirect(queryValue(authorize, QStringLiteral("redirect_uri")));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(redirect.port(), static_cast<int>(agent->browserAgent()->port()));

    // The browser's part: the emulator approves at once and sends it to the loopback listener.
    const auto approved = m_http.get(authorize);
    QCOMPARE(approved.status, 302);
    QCOMPARE(approved.location().port(), redirect.port());
    const auto landed = m_http.get(approved.location());
    QCOMPARE(landed.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(m_rig->session.state()->isAuthenticated());
}

void tst_FallbackUserAgent::withoutThePluginTheBrowserEndsTheHostedSession()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    m_rig = std::make_unique<SignInRig>(m_config);
    m_rig->attach(new FallbackUserAgent(&m_rig->session, &m_mainWindow));
    FallbackUserAgent *agent = m_rig->agent.get();
    agent->setWindowHost(FallbackUserAgent::WindowHost::InProcess);
    agent->setPluginPaths({empty.path()});

    QSignalSpy finished(&m_rig->session, &AuthSession::signInFinished);
    agent->signIn();
    QCOMPARE(m_browser.opened.size(), 1);
    const auto approved = m_http.get(m_browser.opened.takeFirst());
    QCOMPARE(approved.status, 302);
    QCOMPARE(m_http.get(approved.location()).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    const QString sessionId = m_rig->session.state()->session().sessionId;
    QVERIFY(!sessionId.isEmpty());

    // The hosted session lives in the browser: the logout URL goes there.
    QSignalSpy logoutFinished(agent, &FallbackUserAgent::hostedLogoutFinished);
    const QUrl logoutUrl = m_rig->session.signOut();
    QVERIFY(agent->isHostedLogoutPending());
    QCOMPARE(m_browser.opened, QList<QUrl>{logoutUrl});

    // A sign-in started before the logout is over asks for the password again.
    agent->signIn();
    QCOMPARE(m_browser.opened.size(), 2);
    QCOMPARE(queryValue(m_browser.opened.at(1), QStringLiteral("prompt")), QStringLiteral("login"));
    m_rig->session.cancelSignIn();

    QVERIFY(logoutFinished.wait(kTimeoutMs));
    QVERIFY(!agent->isHostedLogoutPending());
    QVERIFY(!agent->isEngineLoaded());
}

int main(int argc, char **argv)
{
    // What an application using the plugin does: Qt WebEngine needs it before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_FallbackUserAgent test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webengine_fallback.moc"
