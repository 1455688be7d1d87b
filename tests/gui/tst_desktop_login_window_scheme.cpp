// A custom-scheme redirect URI that no browser can bring back to authkit-desktop: another app's
// scheme (RFC 8252's reverse-DNS form), or authkit-desktop: itself while no .desktop file
// registers it as the handler (README.md, "authkit-desktop"). The OS would launch nothing with
// such a redirect, and the "open" command takes only authkit-desktop: URLs, so a sign-in in the
// system browser would wait for ever. The app must sign in through the login window instead,
// which catches the redirect itself, whatever its scheme (docs/login-window-process.md).
//
// End to end with real parts: DesktopApp with its own authkit-emulator (whose development client
// has the other scheme registered, through its seed), the login window process driven over the
// DevTools protocol, the real keychain under scripts/with-keyring.sh. Signed in means the
// Authenticated page with the Convex backend's confirmation; nothing is handed to the OS.

#include "DesktopTestSupport.h"

#include <DesktopApp.h>
#include <SchemeHandler.h>

#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/UserAgent.h> // complete type for AuthSession's QPointer

#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace desktoptest;

namespace {

// Registered for the emulator's development client (the local profile's) by the test's seed.
const QString kOtherScheme = QStringLiteral("com.example.authkit:/callback");

// What the OS could be asked to open: the web, and both redirect schemes.
const char *const kWatchedSchemes[] = {"http", "https", "authkit-desktop", "com.example.authkit"};

} // namespace

class DesktopLoginWindowSchemeTest : public DesktopAppTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_seedFile;
    int m_run = 0;
    std::unique_ptr<LogCapture> m_paths; // "signing in through …": the path the app chose
    QList<QUrl> m_opened;                // what was handed to the OS (a system browser)

public Q_SLOTS:
    void recordOpenedUrl(const QUrl &url) { m_opened.append(url); }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));
        m_paths = std::make_unique<LogCapture>("authkit.desktop", QStringLiteral("signing in"));
        QVERIFY(m_dir.isValid());
        for (const char *scheme : kWatchedSchemes)
            QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "recordOpenedUrl");

        // The default seed, with the other scheme registered for the local profile's client.
        QFile seed(QStringLiteral(AUTHKIT_DEFAULT_SEED));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QJsonObject seedJson = QJsonDocument::fromJson(seed.readAll()).object();
        QJsonArray clients = seedJson.value(QStringLiteral("clients")).toArray();
        bool found = false;
        for (qsizetype i = 0, size = clients.size(); i < size; ++i) {
            QJsonObject client = clients.at(i).toObject();
            if (client.value(QStringLiteral("client_id")).toString()
                != QLatin1String(authkit::ConfigLoader::kLocalClientId))
                continue;
            QJsonArray uris = client.value(QStringLiteral("redirect_uris")).toArray();
            uris.append(kOtherScheme);
            client.insert(QStringLiteral("redirect_uris"), uris);
            clients.replace(i, client);
            found = true;
        }
        QVERIFY(found);
        seedJson.insert(QStringLiteral("clients"), clients);
        m_seedFile = m_dir.filePath(QStringLiteral("seed.json"));
        QFile out(m_seedFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(QJsonDocument(seedJson).toJson()) > 0);
    }

    void cleanup()
    {
        m_app.reset();
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
    }

    void cleanupTestCase()
    {
        for (const char *scheme : kWatchedSchemes)
            QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
        m_paths.reset();
    }

    void signsInThroughTheLoginWindow_data()
    {
        QTest::addColumn<QString>("redirectUri");
        QTest::newRow("another app's scheme") << kOtherScheme;
        QTest::newRow("authkit-desktop:, not registered")
            << QString::fromLatin1(SchemeHandler::kRedirectUri);
    }

    void signsInThroughTheLoginWindow()
    {
        QFETCH(QString, redirectUri);
        if (QUrl(redirectUri).scheme() == QLatin1String(SchemeHandler::kScheme)
            && SchemeHandler::isRegistered()) {
            QSKIP("authkit-desktop.desktop is installed in a system data folder");
        }
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
        m_paths->clear();
        m_opened.clear();

        DesktopOptions options;
        options.sources.redirectUri = redirectUri; // --redirect-uri
        options.emulatorSeedFile = m_seedFile;
        // An emulator of its own per run: no hosted session of an earlier run skips the page.
        options.emulatorDataDir = m_dir.filePath(QStringLiteral("emulator-%1").arg(++m_run));
        m_app = std::make_unique<DesktopApp>(options);
        QVERIFY2(m_app->start(), qPrintable(m_app->errorString()));
        QCOMPARE(m_app->config().redirectUri, QUrl(redirectUri));
        QTRY_VERIFY_WITH_TIMEOUT(!state()->isLoading(), 20000);

        // The login window, and the log says why (the scheme, never a code or state).
        QCOMPARE(m_paths->lines().size(), 1);
        QVERIFY2(m_paths->lines().first().startsWith(
                     QLatin1String("signing in through the login window: a browser's redirect to ")
                     + QUrl(redirectUri).scheme() + QLatin1Char(':')),
                 qPrintable(m_paths->lines().first()));

        QString why;
        QVERIFY2(signInWithPassword(*m_app, QStringLiteral("ada@example.com"), &why),
                 qPrintable(why));
        QCOMPARE(state()->user().email, QStringLiteral("ada@example.com"));
        QVERIFY(m_app->convexAuth()->isAuthenticated());
        // The hosted page and the redirect stayed in the login window.
        QStringList opened;
        for (const QUrl &url : std::as_const(m_opened))
            opened.append(url.scheme() + QLatin1Char(':')); // a redirect carries a code
        QVERIFY2(opened.isEmpty(), qPrintable(opened.join(QLatin1Char(' '))));
    }
};

int main(int argc, char *argv[])
{
    Environment environment; // before QApplication
    QApplication app(argc, argv);
    Environment::nameApplication();
    DesktopLoginWindowSchemeTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_login_window_scheme.moc"
