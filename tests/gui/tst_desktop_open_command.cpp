// SingleInstance's "open" command, which carries a custom-scheme sign-in's redirect URL from a
// second launch to the running authkit-desktop (README.md, "authkit-desktop"): a real local
// socket, a real CustomSchemeUserAgent behind it. A URL of another scheme, an oversize one, or a
// message without one never reaches the app; one for no sign-in under way is answered with a
// clear error and changes nothing.

#include <SchemeHandler.h>
#include <SingleInstance.h>

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/CustomSchemeUserAgent.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using authkit::CustomSchemeUserAgent;

class DesktopOpenCommandTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SingleInstance> m_instance;
    CustomSchemeUserAgent m_agent{[](const QUrl &) { return true; }};
    int m_handled = 0;

    // One line to the instance, its one-line answer back (the server runs in this thread).
    QJsonObject ask(const QByteArray &line)
    {
        QLocalSocket socket;
        socket.connectToServer(m_instance->serverName());
        if (!QTest::qWaitFor([&] { return socket.state() == QLocalSocket::ConnectedState; }, 10000))
            return {{QStringLiteral("connect"), socket.errorString()}};
        socket.write(line);
        if (!QTest::qWaitFor([&] { return socket.canReadLine(); }, 10000))
            return {{QStringLiteral("read"), socket.errorString()}};
        return QJsonDocument::fromJson(socket.readLine()).object();
    }
    QJsonObject open(const QString &url)
    {
        return ask(QJsonDocument(SingleInstance::openMessage(url)).toJson(QJsonDocument::Compact)
                   + '\n');
    }
    static bool ok(const QJsonObject &answer)
    {
        return answer.value(QStringLiteral("ok")).toBool();
    }
    static QString error(const QJsonObject &answer)
    {
        return answer.value(QStringLiteral("error")).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_handled = 0;
        m_instance = std::make_unique<SingleInstance>(m_dir.filePath(QStringLiteral("instance")));
        QCOMPARE(m_instance->claimOrForward(SingleInstance::raiseMessage()),
                 SingleInstance::Outcome::Primary);
        m_instance->setOpenHandler([this](const QUrl &url) {
            ++m_handled;
            return CustomSchemeUserAgent::explain(m_agent.deliver(url));
        });
    }

    void refusedBeforeTheApp_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("why");
        const auto message = [](const QString &url) -> QByteArray {
            return QJsonDocument(SingleInstance::openMessage(url)).toJson(QJsonDocument::Compact)
                   + '\n';
        };
        QTest::newRow("http") << message(QStringLiteral("http://127.0.0.1/callback?code=x&state=y"))
                              << QStringLiteral("not an authkit-desktop: URL");
        QTest::newRow("javascript") << message(QStringLiteral("javascript:alert(1)"))
                                    << QStringLiteral("not an authkit-desktop: URL");
        QTest::newRow("look-alike scheme")
            << message(QStringLiteral("authkit-desktop-evil://callback?code=x&state=y"))
            << QStringLiteral("not an authkit-desktop: URL");
        QTest::newRow("not a URL") << message(QStringLiteral("%%%")) << QStringLiteral("not a URL");
        QTest::newRow("empty") << message(QString()) << QStringLiteral("not a URL");
        QTest::newRow("oversize") << message(
            QStringLiteral("authkit-desktop://callback?code=x&state=")
            + QString(CustomSchemeUserAgent::kMaxRedirectBytes, u'a'))
                                  << QStringLiteral("longer than");
        QTest::newRow("no url") << QByteArray("{\"v\":1,\"command\":\"open\"}\n")
                                << QStringLiteral("no url");
        QTest::newRow("url not a string")
            << QByteArray("{\"v\":1,\"command\":\"open\",\"url\":42}\n")
            << QStringLiteral("no url");
    }

    void refusedBeforeTheApp()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, why);
        QSignalSpy received(m_instance.get(), &SingleInstance::messageReceived);
        const QJsonObject answer = ask(line);
        QVERIFY2(!ok(answer), QJsonDocument(answer).toJson());
        QVERIFY2(error(answer).contains(why), qPrintable(error(answer)));
        QCOMPARE(m_handled, 0);
        QCOMPARE(received.size(), 0);
        // The socket stays up: a raise still works.
        QVERIFY(ok(ask("{\"v\":1,\"command\":\"raise\"}\n")));
    }

    void noSignInPendingIsAClearError()
    {
        QSignalSpy redirected(&m_agent, &authkit::UserAgent::redirectReceived);
        const QJsonObject answer =
            open(QStringLiteral("authkit-desktop://callback?code=x&state=y"));
        QVERIFY(!ok(answer));
        QCOMPARE(error(answer),
                 CustomSchemeUserAgent::explain(CustomSchemeUserAgent::Delivery::NoSignInPending));
        QCOMPARE(m_handled, 1);
        QCOMPARE(redirected.size(), 0);
    }

    void notReadyBeforeTheAppIsUp()
    {
        m_instance->setOpenHandler({});
        const QJsonObject answer =
            open(QStringLiteral("authkit-desktop://callback?code=x&state=y"));
        QVERIFY(!ok(answer));
        QVERIFY2(error(answer).contains(QLatin1String("not ready")), qPrintable(error(answer)));
    }

    void theRedirectOfTheSignInUnderWayIsTaken()
    {
        authkit::AuthKitConfig config;
        config.clientId = QStringLiteral("client_01J00000000000000000000PRD");
        config.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        const auto request = authkit::AuthorizationRequest::create(
            config, m_agent.prepareRedirectUri(QUrl(QLatin1String(SchemeHandler::kRedirectUri))));
        m_agent.present(request);
        QSignalSpy redirected(&m_agent, &authkit::UserAgent::redirectReceived);

        // Another attempt's state: refused, the sign-in goes on.
        QVERIFY(!ok(open(QStringLiteral("authkit-desktop://callback?code=x&state=forged"))));
        QVERIFY(m_agent.isWaiting());

        const QString good = QStringLiteral("authkit-desktop://callback?code=01JCODE&state=")
                             + QString::fromLatin1(QUrl::toPercentEncoding(request.state()));
        QVERIFY(ok(open(good)));
        QCOMPARE(redirected.size(), 1);
        // A replay finds nothing waiting.
        QVERIFY(!ok(open(good)));
        QCOMPARE(redirected.size(), 1);
    }

    void schemeHandlerChecks()
    {
        QVERIFY(
            SchemeHandler::problem(QStringLiteral("authkit-desktop://callback?code=x")).isEmpty());
        QVERIFY(SchemeHandler::problem(QStringLiteral("AUTHKIT-DESKTOP://callback")).isEmpty());
        QVERIFY(!SchemeHandler::problem(QStringLiteral("https://callback")).isEmpty());
        // The words never repeat the URL (it may carry a code).
        QVERIFY(!SchemeHandler::problem(QStringLiteral("https://x/?code=SECRETCODE"))
                     .contains(QLatin1String("SECRETCODE")));
    }

    // The system-browser sign-in is chosen only for a redirect that can come back: our scheme,
    // with the packaged .desktop file declaring the app its handler. Any other custom scheme,
    // or ours unregistered, goes to the login window (tst_desktop_login_window_scheme).
    void onlyARegisteredOwnSchemeComesBackFromABrowser()
    {
        QTemporaryDir xdg;
        QVERIFY(xdg.isValid());
        const QByteArray dataHome = qgetenv("XDG_DATA_HOME");
        const QByteArray dataDirs = qgetenv("XDG_DATA_DIRS");
        const auto restore = qScopeGuard([&] {
            qputenv("XDG_DATA_HOME", dataHome);
            qputenv("XDG_DATA_DIRS", dataDirs);
        });
        qputenv("XDG_DATA_HOME", QFile::encodeName(xdg.filePath(QStringLiteral("home"))));
        qputenv("XDG_DATA_DIRS", QFile::encodeName(xdg.filePath(QStringLiteral("dirs"))));

        const QUrl ours(QLatin1String(SchemeHandler::kRedirectUri));
        const QUrl other(QStringLiteral("com.example.authkit:/callback"));
        const QUrl loopback(QStringLiteral("http://127.0.0.1/callback"));
        QVERIFY(!SchemeHandler::isRegistered());
        QVERIFY(!SchemeHandler::deliversRedirectTo(ours));
        QVERIFY(!SchemeHandler::deliversRedirectTo(other));

        QFile packaged(QStringLiteral(AUTHKIT_DESKTOP_FILE));
        QVERIFY(packaged.open(QIODevice::ReadOnly));
        QVERIFY(QDir().mkpath(xdg.filePath(QStringLiteral("home/applications"))));
        QFile installed(xdg.filePath(QStringLiteral("home/applications/authkit-desktop.desktop")));
        QVERIFY(installed.open(QIODevice::WriteOnly));
        QVERIFY(installed.write(packaged.readAll()) > 0);
        installed.close();

        QVERIFY(SchemeHandler::isRegistered());
        QVERIFY(SchemeHandler::deliversRedirectTo(ours));
        QVERIFY(!SchemeHandler::deliversRedirectTo(other));
        QVERIFY(!SchemeHandler::deliversRedirectTo(loopback));
    }
};

QTEST_GUILESS_MAIN(DesktopOpenCommandTest)
#include "tst_desktop_open_command.moc"
