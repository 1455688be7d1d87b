// The embedded sign-in window against a hostile page (label hostile): a local HTTP server plays
// an authorization server gone bad, whose page (it knows the sign-in's state: it is in its own
// URL) tries every way to hand the app a sign-in answer, or to get out of the window, other than
// the one a real server uses. The real engine, offscreen; the real WebEngineUserAgent and its
// policy page. Nothing may reach redirectReceived, open a window or be handed to the OS, and
// the window must still accept the real answer afterwards.

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/RedirectParser.h>
#include <authkitqt/emulator/AuthKitEmulator.h>
#include <authkitqt/webengine/LoginPage.h>
#include <authkitqt/webengine/LoginWindow.h>
#include <authkitqt/webengine/WebEngineUserAgent.h>

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineView>

#include <memory>

using namespace authkit;

namespace {

constexpr int kLoadTimeoutMs = 30000;
constexpr int kScriptTimeoutMs = 10000;

// The hostile "authorization server": every GET gets the same page, which marks itself so the
// test can tell it never left; every request line is recorded (a POST that reached it shows).
class HostileServer : public QObject
{
    Q_OBJECT
public:
    QStringList requests;

    bool start()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &HostileServer::accept);
        return m_server.listen(QHostAddress::LocalHost);
    }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        }
    }
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray requestLine = buffer.left(buffer.indexOf("\r\n"));
        requests.append(QString::fromLatin1(requestLine));
        m_buffers.remove(socket);
        const QByteArray body =
            "<!doctype html><html><head><title>hostile</title></head><body>"
            "<p id=marker>hostile sign-in page</p>"
            "<a id=blank target=_blank href=\"about:blank\">x</a>"
            "<script>window.hostileMarker = 1;</script></body></html>";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                      "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class tst_WebEngineHostile : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    // QDesktopServices' handler: what the OS would have been asked to open.
    void recordOpenedUrl(const QUrl &url) { m_openedUrls.append(url); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void hostileNavigations_data();
    void hostileNavigations();
    void userClickedBlankLinkToRedirect();
    void answerWithAnotherStateDoesNotEndTheSignIn();
    void privateUseSchemeNeedsTheState();
    void realSignInAfterHostileScripts();

private:
    QVariant evaluate(const QString &script);
    // A navigation that is refused for sure, run after a case: once it is refused, everything
    // the case started before it has been decided by the policy.
    bool barrier();
    QString forgedAnswer(const QString &state, const QString &code = QStringLiteral("forged"))
        const;

    std::unique_ptr<HostileServer> m_server;
    std::unique_ptr<WebEngineUserAgent> m_agent;
    AuthorizationRequest m_request;
    QList<QUrl> m_openedUrls;
    std::unique_ptr<QSignalSpy> m_redirects;
    std::unique_ptr<QSignalSpy> m_refused;
    std::unique_ptr<QSignalSpy> m_cancels;
    std::unique_ptr<QSignalSpy> m_crashes;
    int m_barriers = 0;
};

// Schemes the engine might hand to the OS: the web, the app's and a foreign private-use scheme.
static const char *const kWatchedSchemes[] = {"http",         "https",  "authkit-desktop",
                                              "other-app",    "mailto", "ms-settings",
                                              "file"};

void tst_WebEngineHostile::initTestCase()
{
    for (const char *scheme : kWatchedSchemes)
        QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "recordOpenedUrl");
}

void tst_WebEngineHostile::cleanupTestCase()
{
    for (const char *scheme : kWatchedSchemes)
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void tst_WebEngineHostile::init()
{
    m_server = std::make_unique<HostileServer>();
    QVERIFY(m_server->start());
    AuthKitConfig config;
    config.profile = QStringLiteral("local");
    config.clientId = QStringLiteral("client_01J00000000000000000000DEV");
    config.apiBaseUrl = m_server->baseUrl(); // authorize is the hostile page
    config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    m_request = AuthorizationRequest::create(config, config.redirectUri);
    QVERIFY(!m_request.isNull());

    m_agent = std::make_unique<WebEngineUserAgent>();
    m_redirects = std::make_unique<QSignalSpy>(m_agent.get(), &UserAgent::redirectReceived);
    m_cancels = std::make_unique<QSignalSpy>(m_agent.get(), &UserAgent::cancelled);
    m_agent->present(m_request);
    QVERIFY(m_agent->window());
    m_refused = std::make_unique<QSignalSpy>(m_agent->window()->page(),
                                             &LoginPage::navigationRefused);
    m_crashes = std::make_unique<QSignalSpy>(m_agent->window()->page(),
                                             &QWebEnginePage::renderProcessTerminated);
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(QStringLiteral("window.hostileMarker === 1")).toBool(),
                             kLoadTimeoutMs);
    m_openedUrls.clear();
}

void tst_WebEngineHostile::cleanup()
{
    // No page's renderer died on the way (a crash would also end the sign-in page).
    if (m_crashes)
        QCOMPARE(m_crashes->count(), 0);
    m_crashes.reset();
    m_refused.reset();
    m_redirects.reset();
    m_cancels.reset();
    m_agent.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_server.reset();
}

QVariant tst_WebEngineHostile::evaluate(const QString &script)
{
    LoginWindow *window = m_agent ? m_agent->window() : nullptr;
    if (!window)
        return {};
    auto result = std::make_shared<std::pair<bool, QVariant>>(false, QVariant());
    window->page()->runJavaScript(script, [result](const QVariant &value) {
        result->first = true;
        result->second = value;
    });
    if (!QTest::qWaitFor([&] { return result->first; }, kScriptTimeoutMs))
        qWarning("the page did not answer the script in time");
    return result->second;
}

bool tst_WebEngineHostile::barrier()
{
    const QString host = QStringLiteral("barrier-%1.example.org").arg(++m_barriers);
    evaluate(QStringLiteral("window.location = 'https://%1/'; true").arg(host));
    return QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &refusal : std::as_const(*m_refused)) {
                if (refusal.at(0).toUrl().host() == host)
                    return true;
            }
            return false;
        },
        kLoadTimeoutMs);
}

QString tst_WebEngineHostile::forgedAnswer(const QString &state, const QString &code) const
{
    QUrl url(QStringLiteral("http://127.0.0.1/callback"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("code"), code);
    query.addQueryItem(QStringLiteral("state"), state);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

void tst_WebEngineHostile::hostileNavigations_data()
{
    QTest::addColumn<QString>("script");
    // Whether the policy itself must have said no (some the engine stops before asking).
    QTest::addColumn<QString>("refusedScheme");

    // "{answer}" is the redirect URI with a code and THIS sign-in's state, read from the page's
    // own URL, as a hostile authorization server could.
    const QString answer = QStringLiteral(
        "(function(){ var s = new URLSearchParams(location.search).get('state');"
        " return 'http://127.0.0.1/callback?code=forged&state=' + encodeURIComponent(s); })()");
    const QString hostAnswer = QStringLiteral(
        "(function(){ var s = new URLSearchParams(location.search).get('state');"
        " return location.origin + '/callback?code=forged&state=' + encodeURIComponent(s); })()");

    QTest::newRow("form POST to the redirect URI")
        << QStringLiteral("var f = document.createElement('form'); f.method = 'post';"
                          "f.action = %1; var i = document.createElement('input'); i.name = 'code';"
                          "i.value = 'forged'; f.appendChild(i); document.body.appendChild(f);"
                          "f.submit(); true")
               .arg(answer)
        << QStringLiteral("http");
    QTest::newRow("form POST to the redirect URI on this server's port")
        << QStringLiteral("var f = document.createElement('form'); f.method = 'post';"
                          "f.action = %1; document.body.appendChild(f); f.submit(); true")
               .arg(hostAnswer)
        << QStringLiteral("http");
    QTest::newRow("form GET to the redirect URI")
        << QStringLiteral("var f = document.createElement('form'); f.method = 'get';"
                          "f.action = 'http://127.0.0.1/callback';"
                          "['code','state'].forEach(function(n){ var i = "
                          "document.createElement('input'); i.name = n; i.value = n == 'code' ? "
                          "'forged' : new URLSearchParams(location.search).get('state');"
                          "f.appendChild(i); }); document.body.appendChild(f); f.submit(); true")
        << QStringLiteral("http");
    QTest::newRow("iframe to the redirect URI")
        << QStringLiteral("var f = document.createElement('iframe'); f.src = %1;"
                          "document.body.appendChild(f); true")
               .arg(answer)
        << QStringLiteral("http");
    QTest::newRow("iframe navigating itself to the redirect URI")
        << QStringLiteral("var f = document.createElement('iframe'); f.srcdoc = '<script>"
                          "location.href = ' + JSON.stringify(%1) + '</' + 'script>';"
                          "document.body.appendChild(f); true")
               .arg(answer)
        << QStringLiteral("http");
    QTest::newRow("window.open of the redirect URI")
        << QStringLiteral("window.open(%1) === null").arg(answer) << QString();
    QTest::newRow("file: URL")
        << QStringLiteral("window.location = 'file:///etc/passwd'; true") << QString();
    QTest::newRow("blob: URL")
        << QStringLiteral("var b = new Blob(['<script>location = ' + JSON.stringify(%1) + "
                          "'</' + 'script>'], {type: 'text/html'});"
                          "window.location = URL.createObjectURL(b); true")
               .arg(answer)
        << QStringLiteral("blob");
    QTest::newRow("data: URL")
        << QStringLiteral("window.location = 'data:text/html,<p>data</p>'; true") << QString();
    QTest::newRow("javascript: URL")
        << QStringLiteral("window.location = 'javascript:void(document.title = \"js\")'; true")
        << QString();
    QTest::newRow("foreign private-use scheme")
        << QStringLiteral("window.location = 'other-app://payload?x=1'; true")
        << QStringLiteral("other-app");
    QTest::newRow("system settings scheme")
        << QStringLiteral("window.location = 'ms-settings:privacy'; true")
        << QStringLiteral("ms-settings");
    QTest::newRow("the app's private-use scheme, not this sign-in's redirect URI")
        << QStringLiteral("window.location = 'authkit-desktop://callback?code=forged&state=' + "
                          "new URLSearchParams(location.search).get('state'); true")
        << QStringLiteral("authkit-desktop");
    QTest::newRow("look-alike host of the redirect URI")
        << QStringLiteral("window.location = 'http://127.0.0.1.nip.io/callback' + location.search;"
                          " true")
        << QStringLiteral("http");
    QTest::newRow("look-alike path of the redirect URI")
        << QStringLiteral("window.location = 'http://127.0.0.1/callback2?code=forged'; true")
        << QStringLiteral("http");
    QTest::newRow("mailto link")
        << QStringLiteral("window.location = 'mailto:victim@example.com'; true")
        << QStringLiteral("mailto");
}

void tst_WebEngineHostile::hostileNavigations()
{
    QFETCH(QString, script);
    QFETCH(QString, refusedScheme);
    LoginWindow *window = m_agent->window();
    const QUrl before = window->page()->url();
    const int topLevelBefore = int(QApplication::topLevelWidgets().size());
    const int requestsBefore = int(m_server->requests.size());

    evaluate(script);
    const auto refusalSeen = [&] {
        for (const QList<QVariant> &refusal : std::as_const(*m_refused)) {
            if (refusal.at(0).toUrl().scheme() == refusedScheme)
                return true;
        }
        return false;
    };
    // A frame's script runs when the frame has loaded: on a busy machine the barrier's main-frame
    // navigation could otherwise cancel it before it is put to the policy.
    if (!refusedScheme.isEmpty())
        (void)QTest::qWaitFor(refusalSeen, kScriptTimeoutMs); // the checks below say why
    QVERIFY(barrier());

    if (!refusedScheme.isEmpty())
        QVERIFY2(refusalSeen(), "the policy was not asked, or did not refuse");
    // Nothing reached the app, nothing was handed to the OS, no window appeared.
    QCOMPARE(m_redirects->count(), 0);
    QCOMPARE(m_cancels->count(), 0);
    QCOMPARE(m_openedUrls, QList<QUrl>());
    QCOMPARE(int(QApplication::topLevelWidgets().size()), topLevelBefore);
    // The hostile page is still the one shown (it did not navigate), and it is alive.
    QCOMPARE(window->page()->url(), before);
    QCOMPARE(evaluate(QStringLiteral("window.hostileMarker === 1")), QVariant(true));
    // No request left the engine for the redirect URI (a refused form is never sent).
    for (qsizetype i = requestsBefore; i < m_server->requests.size(); ++i)
        QVERIFY2(!m_server->requests.at(i).contains(QLatin1String("/callback")),
                 qPrintable(m_server->requests.at(i)));

    // The window still takes the real answer: a top-level navigation with this state.
    evaluate(QStringLiteral("window.location = %1; true")
                 .arg(QStringLiteral("'%1'").arg(forgedAnswer(m_request.state(),
                                                               QStringLiteral("real")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_redirects->count(), 1, kLoadTimeoutMs);
    const QUrl redirect = m_redirects->constFirst().constFirst().toUrl();
    QCOMPARE(QUrlQuery(redirect).queryItemValue(QStringLiteral("code")), QStringLiteral("real"));
    QCOMPARE(QUrlQuery(redirect).queryItemValue(QStringLiteral("state")), m_request.state());
    QCOMPARE(m_openedUrls, QList<QUrl>());
}

void tst_WebEngineHostile::userClickedBlankLinkToRedirect()
{
    // A person's click on a target=_blank link to the redirect URI: no window, not the OS.
    LoginWindow *window = m_agent->window();
    evaluate(QStringLiteral("var a = document.getElementById('blank'); a.href = '%1';"
                            "a.style = 'position:fixed;left:0;top:0;width:200px;height:200px;"
                            "display:block;background:red'; true")
                 .arg(forgedAnswer(m_request.state())));
    QSignalSpy newWindows(window->page(), &QWebEnginePage::newWindowRequested);
    QWidget *target = window->view()->focusProxy() ? window->view()->focusProxy() : window->view();
    QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(50, 50));
    QTRY_VERIFY_WITH_TIMEOUT(newWindows.count() > 0, kLoadTimeoutMs);
    QVERIFY(barrier());
    QCOMPARE(m_redirects->count(), 0);
    QCOMPARE(m_openedUrls, QList<QUrl>());
    QVERIFY(!m_refused->isEmpty());
    QCOMPARE(evaluate(QStringLiteral("window.hostileMarker === 1")), QVariant(true));
}

void tst_WebEngineHostile::answerWithAnotherStateDoesNotEndTheSignIn()
{
    // A top-level answer carrying another sign-in's state: ignored, with a word to the person,
    // and the window stays for the real one.
    LoginWindow *window = m_agent->window();
    evaluate(QStringLiteral("window.location = '%1'; true")
                 .arg(forgedAnswer(QStringLiteral("not-this-sign-in"))));
    QTRY_VERIFY_WITH_TIMEOUT(!m_refused->isEmpty(), kLoadTimeoutMs);
    QCOMPARE(m_refused->constLast().at(0).toUrl().path(), QStringLiteral("/callback"));
    QCOMPARE(m_redirects->count(), 0);
    QCOMPARE(m_cancels->count(), 0);
    auto *error = window->findChild<QLabel *>(QStringLiteral("loginError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QVERIFY(window->view()->isEnabled());

    evaluate(QStringLiteral("window.location = '%1'; true").arg(forgedAnswer(m_request.state())));
    QTRY_COMPARE_WITH_TIMEOUT(m_redirects->count(), 1, kLoadTimeoutMs);
    QVERIFY(!window->view()->isEnabled()); // busy until the app has exchanged the code
}

void tst_WebEngineHostile::privateUseSchemeNeedsTheState()
{
    // With a private-use redirect URI the answer is only ever handed over as a URL: the state
    // decides, and nothing goes to the OS either way.
    cleanup();
    m_server = std::make_unique<HostileServer>();
    QVERIFY(m_server->start());
    AuthKitConfig config;
    config.profile = QStringLiteral("local");
    config.clientId = QStringLiteral("client_01J00000000000000000000DEV");
    config.apiBaseUrl = m_server->baseUrl();
    const QUrl redirectUri(QStringLiteral("authkit-desktop://callback"));
    config.redirectUri = redirectUri;
    m_request = AuthorizationRequest::create(config, redirectUri);
    m_agent = std::make_unique<WebEngineUserAgent>();
    m_redirects = std::make_unique<QSignalSpy>(m_agent.get(), &UserAgent::redirectReceived);
    m_cancels = std::make_unique<QSignalSpy>(m_agent.get(), &UserAgent::cancelled);
    m_agent->present(m_request);
    m_refused = std::make_unique<QSignalSpy>(m_agent->window()->page(),
                                             &LoginPage::navigationRefused);
    m_crashes = std::make_unique<QSignalSpy>(m_agent->window()->page(),
                                             &QWebEnginePage::renderProcessTerminated);
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(QStringLiteral("window.hostileMarker === 1")).toBool(),
                             kLoadTimeoutMs);

    evaluate(QStringLiteral("var f = document.createElement('iframe');"
                            "f.src = 'authkit-desktop://callback?code=forged&state=%1';"
                            "document.body.appendChild(f); true")
                 .arg(m_request.state()));
    evaluate(QStringLiteral("window.location = 'authkit-desktop://callback?code=forged&state=x';"
                            " true"));
    QVERIFY(barrier());
    QCOMPARE(m_redirects->count(), 0);
    evaluate(QStringLiteral("window.location = 'authkit-desktop://callback?code=real&state=%1';"
                            " true")
                 .arg(m_request.state()));
    QTRY_COMPARE_WITH_TIMEOUT(m_redirects->count(), 1, kLoadTimeoutMs);
    QCOMPARE(QUrlQuery(m_redirects->constFirst().constFirst().toUrl())
                 .queryItemValue(QStringLiteral("code")),
             QStringLiteral("real"));
    QCOMPARE(m_openedUrls, QList<QUrl>());
    QCOMPARE(m_cancels->count(), 0);
}

void tst_WebEngineHostile::realSignInAfterHostileScripts()
{
    // The emulator's real hosted page, with a script injected into it (as an XSS on the hosted
    // page could): its forged answers go nowhere, and the person's own sign-in still finishes.
    cleanup();
    emulator::AuthKitEmulator emulator{emulator::EmulatorOptions{}};
    QVERIFY2(emulator.start(), qPrintable(emulator.errorString()));
    AuthKitConfig config;
    config.profile = QStringLiteral("local");
    config.clientId = emulator.clientIds().first();
    config.apiBaseUrl = emulator.baseUrl();
    config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    m_request = AuthorizationRequest::create(config, config.redirectUri);
    m_agent = std::make_unique<WebEngineUserAgent>();
    m_redirects = std::make_unique<QSignalSpy>(m_agent.get(), &UserAgent::redirectReceived);
    m_cancels = std::make_unique<QSignalSpy>(m_agent.get(), &UserAgent::cancelled);
    m_agent->present(m_request);
    m_refused = std::make_unique<QSignalSpy>(m_agent->window()->page(),
                                             &LoginPage::navigationRefused);
    m_crashes = std::make_unique<QSignalSpy>(m_agent->window()->page(),
                                             &QWebEnginePage::renderProcessTerminated);
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(QStringLiteral("document.getElementById('password') !== null")).toBool(),
        kLoadTimeoutMs);

    const QString state = m_request.state();
    evaluate(QStringLiteral(
                 "var f = document.createElement('iframe'); f.src = '%1';"
                 "document.body.appendChild(f);"
                 "window.open('%1');"
                 "var g = document.createElement('form'); g.method = 'post'; g.action = '%1';"
                 "document.body.appendChild(g); g.submit(); true")
                 .arg(forgedAnswer(state)));
    QVERIFY(barrier());
    evaluate(QStringLiteral("window.location = 'other-app://x'; true"));
    evaluate(QStringLiteral("window.location = 'file:///etc/passwd'; true"));
    evaluate(QStringLiteral("window.location = '%1'; true").arg(forgedAnswer(QStringLiteral("x"))));
    QVERIFY(barrier());
    QCOMPARE(m_redirects->count(), 0);
    QCOMPARE(m_cancels->count(), 0);

    // The form is still there; the person signs in.
    QCOMPARE(evaluate(QStringLiteral(
                 "document.getElementById('email').value = 'ada@example.com';"
                 "document.getElementById('password').value = 'password';"
                 "document.getElementById('sign-in-submit').click(); true")),
             QVariant(true));
    QTRY_COMPARE_WITH_TIMEOUT(m_redirects->count(), 1, kLoadTimeoutMs);
    const RedirectResult result =
        RedirectParser::parse(m_redirects->constFirst().constFirst().toUrl(), config.redirectUri);
    QCOMPARE(result.kind, RedirectResult::Kind::Code);
    QCOMPARE(result.state, state);
    QVERIFY(!result.code.isEmpty());
    QVERIFY(result.code != QLatin1String("forged"));
    QCOMPARE(m_openedUrls, QList<QUrl>());
    cleanup(); // the agent goes before the emulator
}

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    const QByteArray homePath = QFile::encodeName(home.path());
    qputenv("HOME", homePath);
    qputenv("XDG_CONFIG_HOME", homePath + "/config");
    qputenv("XDG_CACHE_HOME", homePath + "/cache");
    qputenv("XDG_DATA_HOME", homePath + "/data");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_WebEngineHostile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webengine_hostile.moc"
