// The loopback listener of the system-browser sign-in, against what any local process can send
// it (label "hostile"): only a GET of the exact redirect path with this attempt's state is taken;
// everything else gets a 404 or 405 and the attempt goes on; the browser is answered only after
// the sign-in has finished, with the truth.

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/LoopbackUserAgent.h>

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace authkit;

class LoopbackUserAgentTest : public QObject
{
    Q_OBJECT

    struct Attempt
    {
        LoopbackUserAgent agent{[](const QUrl &) { return true; }};
        AuthorizationRequest request;
        quint16 port = 0;

        Attempt()
        {
            AuthKitConfig config;
            config.clientId = QStringLiteral("client_01J00000000000000000000DEV");
            config.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
            config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
            const QUrl redirect = agent.prepareRedirectUri(config.redirectUri);
            request = AuthorizationRequest::create(config, redirect);
            port = agent.port();
            agent.present(request);
        }
        QByteArray goodTarget() const
        {
            return "/callback?code=01JCODE&state=" + QUrl::toPercentEncoding(request.state());
        }
    };

    // Sends raw bytes and returns what came back before the server closed (or the wait ended).
    static QByteArray exchange(quint16 port, const QByteArray &bytes, int waitMs = 3000)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(3000))
            return "no connection";
        socket.write(bytes);
        QByteArray received;
        (void)QTest::qWaitFor([&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        }, waitMs);
        return received + socket.readAll();
    }

    static QByteArray get(const QByteArray &target, const QByteArray &method = "GET")
    {
        return method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

private Q_SLOTS:
    void refusedWithoutEndingTheAttempt_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        const QByteArray state = "&state=";
        QTest::newRow("forged state") << get("/callback?code=x&state=forged") << QByteArrayLiteral("404");
        QTest::newRow("no query") << get("/callback") << QByteArrayLiteral("404");
        QTest::newRow("code without state") << get("/callback?code=x") << QByteArrayLiteral("404");
        QTest::newRow("empty state") << get("/callback?code=x&state=") << QByteArrayLiteral("404");
        QTest::newRow("encoded path") << QByteArray("GOOD:/%63allback") << QByteArrayLiteral("404");
        QTest::newRow("trailing slash") << QByteArray("GOOD:/callback/") << QByteArrayLiteral("404");
        QTest::newRow("another path") << QByteArray("GOOD:/callbackx") << QByteArrayLiteral("404");
        QTest::newRow("upper case path") << QByteArray("GOOD:/CALLBACK") << QByteArrayLiteral("404");
        QTest::newRow("root") << get("/") << QByteArrayLiteral("404");
        QTest::newRow("favicon") << get("/favicon.ico") << QByteArrayLiteral("404");
        QTest::newRow("HEAD with the right state") << QByteArray("HEAD") << QByteArrayLiteral("405");
        QTest::newRow("POST with the right state") << QByteArray("POST") << QByteArrayLiteral("405");
        QTest::newRow("OPTIONS with the right state") << QByteArray("OPTIONS") << QByteArrayLiteral("405");
        Q_UNUSED(state);
    }

    void refusedWithoutEndingTheAttempt()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        Attempt attempt;
        QSignalSpy redirected(&attempt.agent, &UserAgent::redirectReceived);
        const QByteArray good = attempt.goodTarget();
        QByteArray bytes = request;
        if (request.startsWith("GOOD:")) // a path variant carrying the right query
            bytes = get(request.mid(5) + good.mid(good.indexOf('?')));
        else if (request == "HEAD" || request == "POST" || request == "OPTIONS")
            bytes = get(good, request);
        const QByteArray answer = exchange(attempt.port, bytes);
        const QByteArray statusLine = QByteArray("HTTP/1.1 ") + status;
        QVERIFY2(answer.startsWith(statusLine), answer.left(60).constData());
        QCOMPARE(redirected.size(), 0);
        // The attempt goes on: the real redirect still completes it.
        QTcpSocket browser;
        browser.connectToHost(QStringLiteral("127.0.0.1"), attempt.port);
        QVERIFY(browser.waitForConnected(3000));
        browser.write(get(good));
        QVERIFY(redirected.wait(5000));
        attempt.agent.completeSignIn(true, QString());
        QVERIFY(QTest::qWaitFor([&] { return browser.bytesAvailable() > 0 || browser.waitForReadyRead(50); }, 5000));
        QVERIFY(browser.readAll().contains("You are signed in"));
    }

    // The browser hears nothing until the exchange and the checks are done, then the truth.
    void theBrowserIsAnsweredAfterTheSignInFinished_data()
    {
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("signed in") << true << QString() << QByteArrayLiteral("You are signed in");
        QTest::newRow("token refused") << false << QStringLiteral("the access token failed verification")
                                       << QByteArrayLiteral("the access token failed verification");
        QTest::newRow("cancelled") << false << QString() << QByteArrayLiteral("Sign-in was cancelled");
        QTest::newRow("message with markup") << false << QStringLiteral("<script>alert(1)</script>")
                                             << QByteArrayLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    void theBrowserIsAnsweredAfterTheSignInFinished()
    {
        QFETCH(bool, ok);
        QFETCH(QString, message);
        QFETCH(QByteArray, expected);
        Attempt attempt;
        QSignalSpy redirected(&attempt.agent, &UserAgent::redirectReceived);
        QTcpSocket browser;
        browser.connectToHost(QStringLiteral("127.0.0.1"), attempt.port);
        QVERIFY(browser.waitForConnected(3000));
        browser.write(get(attempt.goodTarget()));
        QVERIFY(redirected.wait(5000));
        QTest::qWait(200);
        QCOMPARE(browser.bytesAvailable(), 0); // nothing claimed before the outcome is known
        attempt.agent.completeSignIn(ok, message);
        attempt.agent.dismiss();
        QVERIFY(attempt.agent.flush(3000));
        QByteArray page;
        (void)QTest::qWaitFor([&] {
            page += browser.readAll();
            return browser.state() == QAbstractSocket::UnconnectedState;
        }, 5000);
        page += browser.readAll();
        QVERIFY2(page.contains(expected), page.constData());
        QVERIFY(!page.contains("<script>"));
        // The redirect came with the query the browser sent.
        QCOMPARE(redirected.first().first().toUrl().path(), QStringLiteral("/callback"));
    }

    // One redirect per attempt: a replay of the same URL is not a second sign-in.
    void aReplayIsRefused()
    {
        Attempt attempt;
        QSignalSpy redirected(&attempt.agent, &UserAgent::redirectReceived);
        QTcpSocket browser;
        browser.connectToHost(QStringLiteral("127.0.0.1"), attempt.port);
        QVERIFY(browser.waitForConnected(3000));
        browser.write(get(attempt.goodTarget()));
        QVERIFY(redirected.wait(5000));
        QVERIFY(exchange(attempt.port, get(attempt.goodTarget())).startsWith("HTTP/1.1 404"));
        QCOMPARE(redirected.size(), 1);
    }

    // Oversized and malformed requests are cut off; nothing is taken from them.
    void oversizedAndMalformedRequests_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("1 MiB query") << get("/callback?state=" + QByteArray(1024 * 1024, 'a'));
        QTest::newRow("not HTTP") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 14);
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        QTest::newRow("no version") << QByteArray("GET /callback\r\n\r\n");
    }

    void oversizedAndMalformedRequests()
    {
        QFETCH(QByteArray, bytes);
        Attempt attempt;
        QSignalSpy redirected(&attempt.agent, &UserAgent::redirectReceived);
        const QByteArray answer = exchange(attempt.port, bytes);
        QVERIFY(!answer.contains("200 OK"));
        QCOMPARE(redirected.size(), 0);
    }

    // A connection that sends nothing is closed after the request timeout; the attempt goes on.
    void anIdleConnectionIsClosed()
    {
        Attempt attempt;
        QTcpSocket idle;
        idle.connectToHost(QStringLiteral("127.0.0.1"), attempt.port);
        QVERIFY(idle.waitForConnected(3000));
        QVERIFY(QTest::qWaitFor([&] { return idle.state() == QAbstractSocket::UnconnectedState; },
                                LoopbackUserAgent::kRequestTimeoutMs + 5000));
        QSignalSpy redirected(&attempt.agent, &UserAgent::redirectReceived);
        QTcpSocket browser;
        browser.connectToHost(QStringLiteral("127.0.0.1"), attempt.port);
        QVERIFY(browser.waitForConnected(3000));
        browser.write(get(attempt.goodTarget()));
        QVERIFY(redirected.wait(5000));
    }
};

QTEST_GUILESS_MAIN(LoopbackUserAgentTest)
#include "tst_loopbackuseragent.moc"
