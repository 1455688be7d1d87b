// authkitqt-bench-desktop-signin: the first sign-in of bench/desktop. It builds what
// authkit-desktop's main() builds (DesktopApp, the same library), clicks Sign in, fills in the
// hosted password page in the login window (the real path: the window runs in
// authkit-login-window, driven over the DevTools protocol by DevToolsPage of tests/support) and
// waits until the Convex backend has confirmed the token. It leaves the session in the keychain
// (the warm starts of run.mjs restore it) and prints one JSON line on stdout:
//   {"page_ms":…, "submit_ms":…, "window_pss_mb":…, "pss_mb":…, "processes":N}
// page_ms: process start → the hosted page's first contentful paint in the login window (the
// page's own PerformancePaintTiming entry on the wall clock, as bench/web takes Chromium's);
// loaded_ms: process start → the page reported loaded; submit_ms: the page's
// submit → backend-confirmed Authenticated; window_pss_mb: PSS of this process and all its
// descendants (the login window process and its QtWebEngineProcess children) with the page
// loaded; pss_mb: the same after AUTHKIT_BENCH_IDLE_MS (2000) idle, signed in, once the login
// window process and the page's renderer have exited (renderer_exit_ms after the confirmation).
// Configured by the AUTHKIT_BENCH_* variables of bench/README.md.

#include <DesktopApp.h>
#include <MainWindow.h>

#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <authkitqt/webengine/LoginProcessUserAgent.h>
#include <authkitqt/widgets/AuthGate.h>

#include <DevToolsPage.h>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTest>

#include <cstdio>

namespace {

const QElapsedTimer g_sinceStart = [] {
    QElapsedTimer timer;
    timer.start();
    return timer;
}();

// The wall clock at process start, for the page's paint time (performance.timeOrigin based).
const qint64 g_startEpochMs = QDateTime::currentMSecsSinceEpoch() - g_sinceStart.elapsed();

int fail(const char *what)
{
    std::fprintf(stderr, "authkitqt-bench-desktop-signin: %s\n", what);
    return 1;
}

QList<qint64> children(qint64 pid)
{
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 candidate = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            found.append(candidate);
    }
    return found;
}

QList<qint64> descendants(qint64 pid)
{
    QList<qint64> all;
    QList<qint64> pending = children(pid);
    while (!pending.isEmpty()) {
        const qint64 next = pending.takeFirst();
        all.append(next);
        pending += children(next);
    }
    return all;
}

qint64 pssTreeKb(qint64 pid);

// A Chromium renderer among pid's descendants (the login page's, until it has exited).
bool hasRenderer(qint64 pid)
{
    for (qint64 child : descendants(pid)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(child));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("--type=renderer"))
            return true;
    }
    return false;
}

qint64 pssKb(qint64 pid)
{
    QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!rollup.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : rollup.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// PSS of pid and all its descendants.
qint64 pssTreeKb(qint64 pid)
{
    qint64 kb = pssKb(pid);
    for (qint64 other : descendants(pid))
        kb += pssKb(other);
    return kb;
}

} // namespace

int main(int argc, char *argv[])
{
    const QString baseUrl = qEnvironmentVariable("AUTHKIT_BENCH_BASE_URL");
    const QString clientId = qEnvironmentVariable(
        "AUTHKIT_BENCH_CLIENT_ID", QStringLiteral("client_01J00000000000000000000DEV"));
    if (baseUrl.isEmpty())
        return fail("AUTHKIT_BENCH_BASE_URL is not set");
    if (qEnvironmentVariableIsSet("AUTHKIT_BENCH_CONVEX_URL"))
        qputenv("CONVEX_URL", qgetenv("AUTHKIT_BENCH_CONVEX_URL"));
    // Headless: Chromium needs no GPU, and no sandbox as root (as tests/gui sets it up).
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains("--disable-gpu"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", QByteArray(flags + " --disable-gpu").trimmed());
    // The login window process serves its page to DevToolsPage on a free port.
    using authkit::testsupport::DevToolsPage;
    qputenv(DevToolsPage::kVariable,
            QByteArrayLiteral("127.0.0.1:") + QByteArray::number(DevToolsPage::freePort()));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AuthKitQt"));
    QCoreApplication::setApplicationName(QStringLiteral("authkit-desktop"));

    DesktopOptions options;
    options.sources.profile = QStringLiteral("development");
    options.sources.apiBaseUrl = baseUrl;
    options.sources.clientId = clientId;
    DesktopApp desktop(options);
    if (!desktop.start())
        return fail(qPrintable(desktop.errorString()));
    authkit::AuthGate *gate = desktop.window()->gate();
    if (!QTest::qWaitFor([&] { return gate->page() == authkit::AuthGate::Page::Unauthenticated; },
                         30000))
        return fail("the app did not settle signed out (a session already stored?)");

    auto *button = desktop.window()->findChild<QPushButton *>(QStringLiteral("signInButton"));
    if (!button)
        return fail("no Sign in button");
    qint64 pageMs = -1;
    authkit::FallbackUserAgent *agent = desktop.webAgent();
    QTest::mouseClick(button, Qt::LeftButton);
    authkit::LoginProcessUserAgent *window = agent->processAgent();
    if (!window)
        return fail(qPrintable(QStringLiteral("no login window process: ") + agent->pluginError()));
    QObject::connect(window, &authkit::LoginProcessUserAgent::pageLoaded, window, [&pageMs] {
        if (pageMs < 0)
            pageMs = g_sinceStart.elapsed();
    });
    if (!QTest::qWaitFor([&] { return pageMs >= 0; }, 60000))
        return fail("the hosted page did not load");

    DevToolsPage page;
    QString why;
    if (!page.attach({}, 30000, &why))
        return fail(qPrintable(why));
    if (!page.waitFor(DevToolsPage::exists(QStringLiteral("password")), 10000))
        return fail("the hosted page has no password field");
    const double paintedEpochMs =
        page.evaluate(
                QStringLiteral("(() => { const e = performance.getEntriesByName("
                               "'first-contentful-paint')[0]; "
                               "return e ? performance.timeOrigin + e.startTime : null; })()"))
            .toDouble();
    if (paintedEpochMs <= 0)
        return fail("the hosted page recorded no first-contentful-paint");
    const qint64 paintedMs = qRound64(paintedEpochMs) - g_startEpochMs;
    const qint64 self = QCoreApplication::applicationPid();
    const qint64 windowKb = pssTreeKb(self); // the app with its login window process
    qint64 confirmedMs = -1;
    authkit::convex::ConvexAuthState *backend = desktop.convexAuth();
    auto signedIn = [&] {
        return backend ? backend->isAuthenticated()
                       : gate->page() == authkit::AuthGate::Page::Authenticated;
    };
    QObject::connect(gate, &authkit::AuthGate::pageChanged, gate, [&] {
        if (confirmedMs < 0 && signedIn())
            confirmedMs = g_sinceStart.elapsed();
    });
    if (backend) {
        QObject::connect(backend, &authkit::convex::ConvexAuthState::changed, backend, [&] {
            if (confirmedMs < 0 && signedIn())
                confirmedMs = g_sinceStart.elapsed();
        });
    }
    const qint64 submitAt = g_sinceStart.elapsed();
    page.evaluate(
        DevToolsPage::setValue(QStringLiteral("email"), QStringLiteral("ada@example.com")));
    page.evaluate(DevToolsPage::setValue(QStringLiteral("password"), QStringLiteral("password")));
    page.evaluate(DevToolsPage::click(QStringLiteral("sign-in-submit")));
    if (!QTest::qWaitFor([&] { return confirmedMs >= 0; }, 60000))
        return fail("not signed in after submitting the page");

    // Idle means the login window process and the page's renderer have exited; then the idle
    // time.
    QElapsedTimer rendererExit;
    rendererExit.start();
    const bool rendererGone =
        QTest::qWaitFor([&] { return window->processId() == 0 && !hasRenderer(self); }, 30000);
    const qint64 rendererMs = rendererGone ? rendererExit.elapsed() : -1; // -1: still there
    QTest::qWait(qEnvironmentVariableIntValue("AUTHKIT_BENCH_IDLE_MS") > 0
                     ? qEnvironmentVariableIntValue("AUTHKIT_BENCH_IDLE_MS")
                     : 2000);
    const qint64 kb = pssTreeKb(self);
    const int processes = 1 + int(descendants(self).size());
    const QJsonObject result{{QStringLiteral("page_ms"), paintedMs},
                             {QStringLiteral("loaded_ms"), pageMs},
                             {QStringLiteral("submit_ms"), confirmedMs - submitAt},
                             {QStringLiteral("window_pss_mb"), double(windowKb) / 1024.0},
                             {QStringLiteral("pss_mb"), double(kb) / 1024.0},
                             {QStringLiteral("processes"), processes},
                             {QStringLiteral("renderer_exit_ms"), rendererMs}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}
