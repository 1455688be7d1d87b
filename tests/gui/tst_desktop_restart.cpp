// authkit-desktop as a real process: --help, and a restart that finds its session. A person
// signs in through the page (the app in-process, its login window in the login window process,
// same home folders and keyring; afterwards nothing of Qt WebEngine is mapped or running), and a
// killed login window process is a clear error after which signing in works; then the executable
// starts twice: each time it must show "signed in" from the keychain and the emulator's data
// folder, with no login window and no QtWebEngineProcess, and with one refresh request at most
// (exactly one when the stored access token has expired: the restore's, which Convex reuses).

#include "DesktopTestSupport.h"

#include <DesktopApp.h>
#include <MainWindow.h>

#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/UserAgent.h> // complete type for AuthSession's QPointer
#include <authkitqt/keychain/KeychainSecretStore.h>

#include <authkitqt/webengine/LoginProcessUserAgent.h>

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

#include <csignal>
#include <sys/types.h>

using namespace desktoptest;

class DesktopRestartTest : public QObject
{
    Q_OBJECT

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // our throwaway home
        // The Convex handshake's last step ("token refetch scheduled") is a debug line.
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false\n"
                                  "authkit.convex.auth.debug=true"));
        return env;
    }

    // How many refresh grants the app's own emulator (a new one each run) has answered.
    static int refreshRequests(const QString &log)
    {
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("local AuthKit emulator listening on (\\S+)"))
                .match(log);
        if (!match.hasMatch())
            return -1;
        QNetworkAccessManager network;
        QUrl url(match.captured(1));
        url.setPath(QStringLiteral("/_emulator/requests"));
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return -1;
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QStringLiteral("authenticate"))
            .toObject()
            .value(QStringLiteral("refresh_token"))
            .toInt(-1);
    }

    // Rewrites the keychain entry so that its access token has expired on this computer's clock
    // (as after a night): a restore must refresh.
    static bool expireStoredAccessToken(const authkit::AuthKitConfig &config)
    {
        authkit::KeychainSecretStore store(QLatin1String(DesktopApp::kKeychainService));
        auto read = std::make_shared<std::optional<QByteArray>>();
        store.read(config.storageKey(), [read](authkit::SecretStore::Status status,
                                               const QByteArray &secret, const QString &) {
            *read = status == authkit::SecretStore::Status::Ok ? secret : QByteArray();
        });
        if (!QTest::qWaitFor([&] { return read->has_value(); }, 10000) || (*read)->isEmpty())
            return false;
        QJsonObject envelope = QJsonDocument::fromJson(**read).object();
        if (!envelope.contains(QStringLiteral("access_token_expires_at")))
            return false;
        envelope.insert(QStringLiteral("access_token_expires_at"),
                        QDateTime::currentSecsSinceEpoch() - 60);
        auto written = std::make_shared<std::optional<authkit::SecretStore::Status>>();
        store.write(
            config.storageKey(), QJsonDocument(envelope).toJson(QJsonDocument::Compact),
            [written](authkit::SecretStore::Status status, const QString &) { *written = status; });
        return QTest::qWaitFor([&] { return written->has_value(); }, 10000)
               && **written == authkit::SecretStore::Status::Ok;
    }

    // Starts the executable, waits for its state line, checks its process tree, stops it.
    // maxRefreshes: how many refresh requests the restore may make, Convex's included.
    void runRestored(int run, int maxRefreshes = 1, int minRefreshes = 0)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(AUTHKIT_DESKTOP_PATH), QStringList());
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
        QString log;
        const QString signedIn = QStringLiteral("state: signed-in ada@example.com");
        const bool settled = QTest::qWaitFor(
            [&] {
                log += QString::fromUtf8(process.readAllStandardError());
                return log.contains(signedIn) || log.contains(QLatin1String("state: signed-out"))
                       || process.state() == QProcess::NotRunning;
            },
            60000);
        const auto stop = qScopeGuard([&] {
            if (process.state() != QProcess::NotRunning) {
                process.terminate();
                if (!process.waitForFinished(15000))
                    process.kill();
            }
        });
        QVERIFY2(settled,
                 qPrintable(QStringLiteral("run %1: no state line\n%2").arg(run).arg(log)));
        QVERIFY2(log.contains(signedIn),
                 qPrintable(QStringLiteral("run %1:\n%2").arg(run).arg(log)));
        QVERIFY(log.contains(QLatin1String("state: loading")));
        QVERIFY2(!log.contains(QLatin1String("login profile created")), qPrintable(log));

        // Once the backend confirmed a fresh token it schedules the next refetch: no more
        // requests until then. Until then, count.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         log += QString::fromUtf8(process.readAllStandardError());
                         return log.contains(QLatin1String("token refetch scheduled"));
                     },
                     30000),
                 qPrintable(QStringLiteral("run %1: the Convex handshake did not settle\n%2")
                                .arg(run)
                                .arg(log)));
        const int refreshes = refreshRequests(log);
        QVERIFY2(refreshes >= minRefreshes && refreshes <= maxRefreshes,
                 qPrintable(QStringLiteral("run %1: %2 refresh requests (expected %3 to %4)\n%5")
                                .arg(run)
                                .arg(refreshes)
                                .arg(minRefreshes)
                                .arg(maxRefreshes)
                                .arg(log)));
        qInfo().noquote() << "run" << run << "of authkit-desktop:" << log.trimmed();

        const QList<qint64> descendants = descendantsOf(process.processId());
        for (qint64 pid : descendants) {
            QVERIFY2(
                !processName(pid).contains(QLatin1String("QtWebEngine")),
                qPrintable(QStringLiteral("run %1 started %2").arg(run).arg(processName(pid))));
        }

        // A warm start never loads Qt WebEngine: the login window's plugin stays unloaded, so
        // libQt6WebEngineCore is not mapped (libQt6Core is: the read itself is sound).
        QFile maps(QStringLiteral("/proc/%1/maps").arg(process.processId()));
        QVERIFY2(maps.open(QIODevice::ReadOnly), qPrintable(maps.errorString()));
        const QByteArray mapped = maps.readAll();
        QVERIFY(mapped.contains("libQt6Core.so"));
        QVERIFY2(!mapped.contains("libQt6WebEngineCore"),
                 qPrintable(QStringLiteral("run %1 mapped Qt WebEngine").arg(run)));

        // SIGTERM ends it cleanly (the window and the emulator are shut down, not killed).
        process.terminate();
        QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("authkit.*.debug=false"));
    }

    void helpTellsTheTruth()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(AUTHKIT_DESKTOP_PATH), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        for (const char *word : {"--profile", "--client-id", "--api-base-url", "--redirect-uri",
                                 "--project", "local", "development", "production", "emulator",
                                 "WORKOS_CLIENT_ID", "keychain", "state: signed-in"})
            QVERIFY2(help.contains(QLatin1String(word)), word);
    }

    void helpAndVersionNeedNoDisplay_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--profile");
        QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--client-id");
        QTest::newRow("--help-all") << QStringLiteral("--help-all") << QStringLiteral("--project");
        QTest::newRow("--version")
            << QStringLiteral("--version") << QStringLiteral("authkit-desktop " AUTHKITQT_VERSION);
    }

    void helpAndVersionNeedNoDisplay()
    {
        // As over ssh or in a package build: no X, no Wayland, no platform chosen.
        QFETCH(QString, flag);
        QFETCH(QString, expected);
        QProcessEnvironment env = environment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QLatin1String(name));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(AUTHKIT_DESKTOP_PATH), {flag});
        QVERIFY(process.waitForFinished(30000));
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, qPrintable(errors));
        QVERIFY2(QString::fromUtf8(process.readAllStandardOutput()).contains(expected),
                 qPrintable(errors));
    }

    static bool hasEngineProcess()
    {
        const QList<qint64> ours = descendantsOf(QCoreApplication::applicationPid());
        return std::any_of(ours.begin(), ours.end(), [](qint64 pid) {
            return processName(pid) == QLatin1String("QtWebEngineProcess");
        });
    }

    void aKilledLoginWindowIsAClearErrorAndTheNextSignInWorks()
    {
        const authkit::AuthKitConfig local =
            authkit::ConfigLoader::defaults(QStringLiteral("local"));
        QVERIFY(clearStoredSession(local));
        DesktopApp app(DesktopOptions{});
        QVERIFY2(app.start(), qPrintable(app.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!app.session()->state()->isLoading(), 20000);
        auto *signIn = app.window()->findChild<QPushButton *>(QStringLiteral("signInButton"));
        QString why;
        QVERIFY2(openLoginWindow(app, signIn, QStringLiteral("password"), &why), qPrintable(why));
        QVERIFY(hasEngineProcess()); // the scan sees an engine where there is one
        const QList<qint64> windows = loginWindowProcesses();
        QCOMPARE(windows.size(), 1);
        QCOMPARE(windows.first(), app.webAgent()->processAgent()->processId());
        QVERIFY(mapsWebEngineCore(windows.first())); // the check sees the engine where it is
        QVERIFY(!mapsWebEngineCore(QCoreApplication::applicationPid()));

        // The login window process dies (a crash, an OOM kill): the sign-in ends with an error
        // that says what happened, and nothing is left behind.
        QVERIFY(::kill(static_cast<pid_t>(windows.first()), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(!app.session()->state()->isSigningIn(), 20000);
        QVERIFY(!app.session()->state()->isAuthenticated());
        QVERIFY2(app.session()->state()->lastError().contains(QLatin1String("closed unexpectedly")),
                 qPrintable(app.session()->state()->lastError()));
        auto *error = app.window()->findChild<QLabel *>(QStringLiteral("signInErrorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("closed unexpectedly")),
                 qPrintable(error->text()));
        QVERIFY(!app.webAgent()->isWindowOpen());
        QTRY_VERIFY_WITH_TIMEOUT(loginWindowProcesses().isEmpty(), 20000);

        // The next sign-in starts a new login window process, and succeeds.
        QVERIFY2(signInWithPassword(app, QStringLiteral("ada@example.com"), &why), qPrintable(why));
        QTRY_VERIFY_WITH_TIMEOUT(loginWindowProcesses().isEmpty(), 30000);
        QVERIFY(!mapsWebEngineCore(QCoreApplication::applicationPid()));
        QVERIFY(clearStoredSession(local));
    }

    void aRestartFindsTheSessionWithoutALoginWindow()
    {
        const authkit::AuthKitConfig local =
            authkit::ConfigLoader::defaults(QStringLiteral("local"));
        QVERIFY(clearStoredSession(local));
        {
            DesktopApp app(DesktopOptions{});
            QVERIFY2(app.start(), qPrintable(app.errorString()));
            QTRY_VERIFY_WITH_TIMEOUT(!app.session()->state()->isLoading(), 20000);
            if (app.session()->state()->persistence() != authkit::AuthState::Persistence::Keychain)
                QSKIP("needs a Secret Service: run under scripts/with-keyring.sh");
            QString why;
            QVERIFY2(signInWithPassword(app, QStringLiteral("ada@example.com"), &why),
                     qPrintable(why));
            // The window ran in a process of its own, which has exited with its engine: this
            // process never mapped Qt WebEngine (issue 10: the memory of a fresh sign-in).
            QTRY_VERIFY_WITH_TIMEOUT(loginWindowProcesses().isEmpty(), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(!hasEngineProcess(), 30000);
            QVERIFY(!mapsWebEngineCore(QCoreApplication::applicationPid()));
        } // the app and its emulator are gone

        runRestored(1);
        runRestored(2); // the refresh of run 1 rotated the token; run 2 uses the new one
        // An expired access token: the restore refreshes once, and Convex takes that token
        // (fresh) rather than refreshing again.
        QVERIFY(expireStoredAccessToken(local));
        runRestored(3, 1, 1);
        QVERIFY(clearStoredSession(local)); // leave this keyring as found
    }
};

int main(int argc, char *argv[])
{
    Environment environment; // before QApplication
    QApplication app(argc, argv);
    Environment::nameApplication();
    DesktopRestartTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_restart.moc"
