#include "DesktopTestSupport.h"

#include <DesktopApp.h>

#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/TokenManager.h>
#include <authkitqt/core/UserAgent.h> // complete type for AuthSession's QPointer
#include <authkitqt/keychain/KeychainSecretStore.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <authkitqt/webengine/LoginProcessUserAgent.h>
#include <authkitqt/widgets/AuthGate.h>

#include <DevToolsPage.h>

#include <MainWindow.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTest>

#include <memory>
#include <optional>

namespace desktoptest {

QWidget *DesktopAppTest::mainWindow() const
{
    return m_app->window();
}

QPushButton *DesktopAppTest::button(const char *name) const
{
    return find<QPushButton>(QLatin1String(name));
}

QLabel *DesktopAppTest::label(const char *name) const
{
    return find<QLabel>(QLatin1String(name));
}

authkit::AuthState *DesktopAppTest::state() const
{
    return m_app->session()->state();
}

authkit::AuthGate::Page DesktopAppTest::page() const
{
    return m_app->window()->gate()->page();
}

namespace {
LogCapture *g_capture = nullptr;
}

LogCapture::LogCapture(const char *category, QString prefix)
    : m_category(category)
    , m_prefix(std::move(prefix))
{
    Q_ASSERT(!g_capture);
    g_capture = this;
    m_previous = qInstallMessageHandler(&LogCapture::handle);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(m_previous);
    g_capture = nullptr;
}

void LogCapture::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogCapture *capture = g_capture;
    if (!capture)
        return;
    if (context.category && capture->m_category == context.category
        && message.startsWith(capture->m_prefix))
        capture->m_lines.append(message);
    if (capture->m_previous)
        capture->m_previous(type, context, message);
}

Environment::Environment()
    : m_dir(QDir::tempPath() + QStringLiteral("/authkit-desktop-gui-XXXXXX"))
{
    const QDir root(m_dir.path());
    const std::pair<const char *, const char *> folders[] = {
        {"HOME", "home"},
        {"XDG_CONFIG_HOME", "config"},
        {"XDG_DATA_HOME", "data"},
        {"XDG_CACHE_HOME", "cache"},
        {"XDG_STATE_HOME", "state"},
    };
    for (const auto &[variable, folder] : folders) {
        root.mkpath(QLatin1String(folder));
        qputenv(variable, QFile::encodeName(root.filePath(QLatin1String(folder))));
    }
    // Never the developer's own keyring: outside scripts/with-keyring.sh there is no Secret
    // Service at all, and the app keeps its session in memory.
    if (qEnvironmentVariableIsEmpty("AUTHKIT_KEYRING_SESSION"))
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Headless and as root: Chromium needs no GPU and no sandbox (it refuses root otherwise).
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains("--disable-gpu"))
        flags = QByteArray(flags + " --disable-gpu").trimmed();
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    // The login window process serves its page over the DevTools protocol here; one such
    // process at a time, so one port serves the whole run.
    if (qEnvironmentVariableIsEmpty(DevToolsPage::kVariable)) {
        qputenv(DevToolsPage::kVariable,
                QByteArrayLiteral("127.0.0.1:") + QByteArray::number(DevToolsPage::freePort()));
    }
    // The local profile runs authkit-emulator as a child; the test executables live elsewhere
    // in the build tree than authkit-desktop, so they name it (child processes inherit it).
    if (qEnvironmentVariableIsEmpty("AUTHKIT_EMULATOR"))
        qputenv("AUTHKIT_EMULATOR", QFile::encodeName(QStringLiteral(AUTHKIT_EMULATOR_PATH)));
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}

void Environment::nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("AuthKitQt"));
    QCoreApplication::setApplicationName(QStringLiteral("authkit-desktop"));
}

QVariant runJs(DevToolsPage *page, const QString &script, int timeoutMs)
{
    return page ? page->evaluate(script, timeoutMs) : QVariant();
}

bool waitForJs(DevToolsPage *page, const QString &condition, int timeoutMs)
{
    return page && page->waitFor(condition, timeoutMs);
}

QString setValue(const QString &id, const QString &value)
{
    return DevToolsPage::setValue(id, value);
}

QString click(const QString &id)
{
    return DevToolsPage::click(id);
}

QString exists(const QString &id)
{
    return DevToolsPage::exists(id);
}

namespace {
std::unique_ptr<DevToolsPage> g_loginPage;
}

DevToolsPage *currentLoginPage()
{
    return g_loginPage.get();
}

QList<qint64> loginWindowProcesses()
{
    QList<qint64> found;
    for (qint64 pid : descendantsOf(QCoreApplication::applicationPid())) {
        if (processName(pid) == QLatin1String("authkit-login-window"))
            found.append(pid);
    }
    return found;
}

bool mapsWebEngineCore(qint64 pid)
{
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libQt6WebEngineCore");
}

DevToolsPage *openLoginWindow(DesktopApp &app, QPushButton *button, const QString &id, QString *why)
{
    if (!button || !button->isVisible() || !button->isEnabled()) {
        g_loginPage.reset();
        *why = QStringLiteral("the button is not there to click");
        return nullptr;
    }
    return openLoginWindow(
        app, [button] { QTest::mouseClick(button, Qt::LeftButton); }, id, why);
}

DevToolsPage *openLoginWindow(DesktopApp &app, const std::function<void()> &open, const QString &id,
                              QString *why)
{
    g_loginPage.reset();
    // A login process of an earlier sign-in may still be closing, with the debugging port: the
    // page must be the new one's. (One still running a hosted logout takes this sign-in too.)
    authkit::FallbackUserAgent *agent = app.webAgent();
    const auto running = [agent] {
        return agent->processAgent() && agent->processAgent()->processId() != 0 ? 1 : 0;
    };
    if (!QTest::qWaitFor([&] { return loginWindowProcesses().size() <= running(); }, 30000)) {
        *why = QStringLiteral("an earlier login window process did not exit");
        return nullptr;
    }
    open();
    if (!QTest::qWaitFor([agent] { return agent->isWindowOpen(); }, 30000)) {
        *why = QStringLiteral("no login window opened");
        return nullptr;
    }
    auto page = std::make_unique<DevToolsPage>();
    const auto hostedPage = [](const QUrl &url) {
        return url.scheme().startsWith(QLatin1String("http"));
    };
    if (!page->attach(hostedPage, 30000, why))
        return nullptr;
    if (!page->waitFor(exists(id))) {
        *why = QStringLiteral("the page (%1) did not show #%2").arg(page->url().path(), id);
        return nullptr;
    }
    g_loginPage = std::move(page);
    return g_loginPage.get();
}

bool waitSignedIn(DesktopApp &app, QString *why)
{
    authkit::FallbackUserAgent *agent = app.webAgent();
    authkit::AuthGate *gate = app.window()->gate();
    // With a Convex deployment signed in means the backend's handshake is done: it confirmed the
    // token and scheduled its next refetch (after a cached token, once the forced refetch that
    // follows the first confirmation was confirmed too).
    authkit::TokenManager *tokens = app.session()->tokens();
    authkit::convex::ConvexClient *convex = app.convex();
    const bool ok = QTest::qWaitFor(
        [&] {
            return !agent->isWindowOpen() && gate->page() == authkit::AuthGate::Page::Authenticated
                   && !tokens->isRefreshing() && (!convex || convex->msUntilAuthRefetch() >= 0);
        },
        30000);
    if (!ok) {
        *why = QStringLiteral("not signed in: login window %1, page %2")
                   .arg(agent->isWindowOpen() ? QStringLiteral("still open")
                                              : QStringLiteral("closed"))
                   .arg(static_cast<int>(gate->page()));
    }
    return ok;
}

void submitPassword(DevToolsPage *page, const QString &email, EmailField field)
{
    if (field == EmailField::AnyText)
        runJs(page, QStringLiteral("document.getElementById('email').type = 'text', true"));
    runJs(page, setValue(QStringLiteral("email"), email));
    runJs(page, setValue(QStringLiteral("password"), QStringLiteral("password")));
    runJs(page, click(QStringLiteral("sign-in-submit")));
}

bool signInWithPassword(DesktopApp &app, const QString &email, QString *why)
{
    auto *button = app.window()->findChild<QPushButton *>(QStringLiteral("signInButton"));
    DevToolsPage *page = openLoginWindow(app, button, QStringLiteral("password"), why);
    if (!page)
        return false;
    submitPassword(page, email);
    return waitSignedIn(app, why);
}

bool isBlank(const QImage &image)
{
    if (image.isNull() || image.width() < 2 || image.height() < 2)
        return true;
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            if (image.pixel(x, y) != first)
                return false;
        }
    }
    return true;
}

bool saveScreenshot(QWidget *widget, const QString &name, QString *why)
{
    const QDir dir(QStringLiteral(AUTHKIT_SCREENSHOT_DIR));
    dir.mkpath(QStringLiteral("."));
    QImage image;
    if (!QTest::qWaitFor(
            [&] {
                image = widget->grab().toImage();
                return !isBlank(image);
            },
            10000)) {
        *why = QStringLiteral("%1 stayed blank").arg(name);
        return false;
    }
    const QString file = dir.filePath(name + QStringLiteral(".png"));
    if (!image.save(file)) {
        *why = QStringLiteral("cannot write %1").arg(file);
        return false;
    }
    return true;
}

QList<qint64> descendantsOf(qint64 pid)
{
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 child = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // gone meanwhile
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(child);
    }
    QList<qint64> found;
    QList<qint64> queue{pid};
    while (!queue.isEmpty()) {
        const QList<qint64> next = children.value(queue.takeFirst());
        found += next;
        queue += next;
    }
    return found;
}

QString processName(qint64 pid)
{
    const QString exe = QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
    if (!exe.isEmpty())
        return QFileInfo(exe).fileName();
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed() : QString();
}

bool clearStoredSession(const authkit::AuthKitConfig &config)
{
    authkit::KeychainSecretStore store(QLatin1String(DesktopApp::kKeychainService));
    // Shared: a late answer must not write into this frame.
    auto status = std::make_shared<std::optional<authkit::SecretStore::Status>>();
    store.remove(config.storageKey(), [status](authkit::SecretStore::Status result,
                                               const QString &) { *status = result; });
    return QTest::qWaitFor([&] { return status->has_value(); }, 10000)
           && **status != authkit::SecretStore::Status::Failed;
}

} // namespace desktoptest
