// authkitqt-bench-desktop-signin: the first sign-in of bench/desktop. It builds what
// authkit-desktop's main() builds (DesktopApp, the same library), clicks Sign in, fills in the
// hosted password page in the login window and waits until the Convex backend has confirmed the
// token. It leaves the session in the keychain (the warm starts of run.mjs restore it) and prints
// one JSON line on stdout:
//   {"page_ms":…, "submit_ms":…, "pss_mb":…, "processes":N}
// page_ms: process start → the hosted page loaded in the login window; submit_ms: the page's
// submit → backend-confirmed Authenticated; pss_mb: PSS of this process and its children
// (QtWebEngineProcess) after AUTHKIT_BENCH_IDLE_MS (2000) idle, signed in, once the login page's
// renderer has exited (renderer_exit_ms after the confirmation).
// Configured by the AUTHKIT_BENCH_* variables of bench/README.md.

#include <DesktopApp.h>
#include <MainWindow.h>

#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <authkitqt/webengine/LoginWindow.h>
#include <authkitqt/widgets/AuthGate.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <cstdio>

namespace {

const QElapsedTimer g_sinceStart = [] {
    QElapsedTimer timer;
    timer.start();
    return timer;
}();

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
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
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
    QTest::mouseClick(button, Qt::LeftButton);
    authkit::FallbackUserAgent *agent = desktop.webAgent();
    if (!QTest::qWaitFor([agent] { return agent->window() != nullptr; }, 30000))
        return fail("no login window opened");
    QWebEnginePage *page = agent->window()->view()->page();
    QObject::connect(page, &QWebEnginePage::loadFinished, page, [&pageMs](bool ok) {
        if (ok && pageMs < 0)
            pageMs = g_sinceStart.elapsed();
    });
    if (!QTest::qWaitFor([&] { return pageMs >= 0; }, 60000))
        return fail("the hosted page did not load");

    bool ready = false;
    page->runJavaScript(QStringLiteral("document.getElementById('password') !== null"),
                        [&ready](const QVariant &v) { ready = v.toBool(); });
    if (!QTest::qWaitFor([&] { return ready; }, 10000))
        return fail("the hosted page has no password field");
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
    page->runJavaScript(QStringLiteral("document.getElementById('email').value = 'ada@example.com';"
                                       "document.getElementById('password').value = 'password';"
                                       "document.getElementById('sign-in-submit').click(); true"));
    if (!QTest::qWaitFor([&] { return confirmedMs >= 0; }, 60000))
        return fail("not signed in after submitting the page");

    // Idle means the login page's renderer has exited (Chromium lets it go a few seconds after
    // the window was deleted); then the idle time.
    const qint64 self = QCoreApplication::applicationPid();
    QElapsedTimer rendererExit;
    rendererExit.start();
    const bool rendererGone = QTest::qWaitFor([self] { return !hasRenderer(self); }, 30000);
    const qint64 rendererMs = rendererGone ? rendererExit.elapsed() : -1; // -1: still there
    QTest::qWait(qEnvironmentVariableIntValue("AUTHKIT_BENCH_IDLE_MS") > 0
                     ? qEnvironmentVariableIntValue("AUTHKIT_BENCH_IDLE_MS")
                     : 2000);
    qint64 kb = pssKb(self);
    const QList<qint64> others = descendants(self);
    for (qint64 pid : others)
        kb += pssKb(pid);
    const int processes = 1 + int(others.size());
    const QJsonObject result{{QStringLiteral("page_ms"), pageMs},
                             {QStringLiteral("submit_ms"), confirmedMs - submitAt},
                             {QStringLiteral("pss_mb"), double(kb) / 1024.0},
                             {QStringLiteral("processes"), processes},
                             {QStringLiteral("renderer_exit_ms"), rendererMs}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}
