#include <authkitqt/emulator/AuthKitEmulator.h>
#include <authkitqt/emulator/EmulatorOptions.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using authkit::emulator::AuthKitEmulator;
using authkit::emulator::EmulatorOptions;

// The installed package is what a third party uses: nothing of the build tree may leak into
// the example's build, and the example's binary must find the installed libraries by itself.
class TestInstall : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    std::unique_ptr<AuthKitEmulator> m_emulator;
    QString m_exampleBuild; // the example, built against the installation
    QString m_loginWindow;  // the installed authkit-login-window
    QString m_libDir;       // the installed libraries' folder

    // Runs a build tool to its end; its output goes into the test log when it fails.
    bool run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        const bool finished = process.waitForFinished(600000);
        const QByteArray output = process.readAll();
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            qWarning().noquote() << program << arguments.join(QLatin1Char(' ')) << "failed:\n"
                                 << QString::fromLocal8Bit(output);
            return false;
        }
        return true;
    }

    // Runs the installed example until it signed in through the installed login window process
    // and read users:viewer; libraryPath, when set, is where the loader finds the libraries.
    bool runExample(const QString &clientId, const QString &libraryPath, QString *outputText)
    {
        QString &output = *outputText;
        QProcess example;
        example.setProcessChannelMode(QProcess::MergedChannels); // Chromium's log must not block it
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LD_LIBRARY_PATH")); // the RPATH must be enough
        if (!libraryPath.isEmpty())
            env.insert(QStringLiteral("LD_LIBRARY_PATH"), libraryPath);
        env.insert(QStringLiteral("CONVEX_URL"), m_emulator->convexUrl().toString());
        // The example is built outside the prefix: the installed library finds the login window
        // executable installed with it (<libexecdir>/authkitqt), with no variable to say where.
        env.remove(QStringLiteral("AUTHKITQT_PLUGIN_PATH"));
        env.remove(QStringLiteral("AUTHKITQT_LOGIN_WINDOW"));
        example.setProcessEnvironment(env);
        example.start(m_exampleBuild + QStringLiteral("/hello-authkit"),
                      {QStringLiteral("--client-id"), clientId, QStringLiteral("--api-base-url"),
                       m_emulator->baseUrl().toString()});
        if (!example.waitForStarted(10000)) {
            output += QStringLiteral("hello-authkit did not start\n");
            return false;
        }
        bool windowStarted = false;
        bool signedIn = false;
        bool queried = false;
        const bool done = QTest::qWaitFor(
            [&] {
                while (example.canReadLine()) {
                    const QString line = QString::fromUtf8(example.readLine()).trimmed();
                    output += line + QLatin1Char('\n');
                    // The installed login window process signs in: the emulator approves at once
                    // and the window catches the redirect.
                    windowStarted =
                        windowStarted
                        || line.contains(QStringLiteral("sign-in window process started from ")
                                         + m_loginWindow);
                    signedIn = signedIn || line == QLatin1String("Logged in as Ada");
                    // The deployment knows the signed-in user (Ada's WorkOS user ID), not "nobody".
                    queried = queried
                              || line
                                     == QLatin1String(
                                         "Convex users:viewer: user_01J0000000000000000000ADA");
                }
                return (signedIn && queried) || example.state() == QProcess::NotRunning;
            },
            120000);
        example.kill();
        example.waitForFinished();
        output += QString::fromLocal8Bit(example.readAll());
        return done && windowStarted && signedIn && queried;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        EmulatorOptions options;
        options.autoApprove = true;
        // A client of its own for each run of the example: its session is kept per client, so
        // every run signs in through the window again.
        options.extraClientIds = {QStringLiteral("client_01J000000000000000000SYMNK")};
        m_emulator = std::make_unique<AuthKitEmulator>(options);
        QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    }

    void installedExampleSignsInAndShowsALiveQuery()
    {
        const QString prefix = m_root.filePath(QStringLiteral("prefix"));
        const QString cmake = QStringLiteral(AUTHKIT_CMAKE);
        QVERIFY(run(cmake, {QStringLiteral("--install"), QStringLiteral(AUTHKIT_BUILD_DIR),
                            QStringLiteral("--prefix"), prefix}));
        QVERIFY(QFile::exists(
            prefix
            + QStringLiteral("/" AUTHKIT_INSTALL_LIBDIR "/cmake/AuthKitQt/AuthKitQtConfig.cmake")));
        const QString pluginDir =
            prefix + QStringLiteral("/" AUTHKIT_INSTALL_LIBDIR "/authkitqt/plugins");
        QVERIFY(QFile::exists(pluginDir + QStringLiteral("/authkitqt-webengine.so")));
        const QString loginWindow =
            prefix
            + QStringLiteral("/" AUTHKIT_INSTALL_LIBEXECDIR "/authkitqt/authkit-login-window");
        QVERIFY(QFileInfo(loginWindow).isExecutable());

        const QString exampleBuild = m_root.filePath(QStringLiteral("example-build"));
        QStringList configure{QStringLiteral("-S"),
                              QStringLiteral(AUTHKIT_EXAMPLE_DIR),
                              QStringLiteral("-B"),
                              exampleBuild,
                              QStringLiteral("-G"),
                              QStringLiteral(AUTHKIT_GENERATOR),
                              QStringLiteral("-DCMAKE_BUILD_TYPE=RelWithDebInfo"),
                              QStringLiteral("-DCMAKE_PREFIX_PATH=") + prefix,
                              QStringLiteral("-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"),
                              QStringLiteral("-DCMAKE_CXX_COMPILER=" AUTHKIT_CXX_COMPILER)};
        if (!QLatin1String(AUTHKIT_CXX_FLAGS).isEmpty())
            configure << QStringLiteral("-DCMAKE_CXX_FLAGS=" AUTHKIT_CXX_FLAGS);
        if (!QLatin1String(AUTHKIT_CXX_LAUNCHER).isEmpty())
            configure << QStringLiteral("-DCMAKE_CXX_COMPILER_LAUNCHER=" AUTHKIT_CXX_LAUNCHER);
        QVERIFY(run(cmake, configure));
        // The package was found in the prefix, not in this build tree.
        QFile cache(exampleBuild + QStringLiteral("/CMakeCache.txt"));
        QVERIFY(cache.open(QIODevice::ReadOnly));
        const QByteArray cacheText = cache.readAll();
        const QByteArray foundIn = QByteArray("AuthKitQt_DIR:PATH=") + prefix.toUtf8();
        QVERIFY2(cacheText.contains(foundIn), cacheText.constData());
        QVERIFY(run(cmake, {QStringLiteral("--build"), exampleBuild}));

        m_exampleBuild = exampleBuild;
        m_loginWindow = loginWindow;
        m_libDir = prefix + QStringLiteral("/" AUTHKIT_INSTALL_LIBDIR);
        QString output;
        QVERIFY2(runExample(m_emulator->clientIds().first(), {}, &output), qPrintable(output));
    }

    // On a merged-/usr system the loader names the library by a linked folder (/lib, a link to
    // /usr/lib): the login window is still found where it was installed, beside the real one.
    void loginWindowFoundThroughALinkedLibraryFolder()
    {
        QVERIFY2(!m_libDir.isEmpty(), "the installation test ran first");
        const QString linked = m_root.filePath(QStringLiteral("linked/lib"));
        QVERIFY(QDir().mkpath(m_root.filePath(QStringLiteral("linked"))));
        QVERIFY(QFile::link(m_libDir, linked));
        QString output;
        QVERIFY2(runExample(QStringLiteral("client_01J000000000000000000SYMNK"), linked, &output),
                 qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
