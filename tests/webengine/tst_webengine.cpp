// The embedded sign-in window against the real hosted pages of an in-process AuthKit emulator,
// rendered by the real engine (offscreen). The test scripts the page to type and click, as a
// person would; production code never does.

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/RedirectParser.h>
#include <authkitqt/emulator/AuthKitEmulator.h>
#include <authkitqt/webengine/LoginPage.h>
#include <authkitqt/webengine/LoginProcessUserAgent.h>
#include <authkitqt/webengine/LoginWindow.h>
#include <authkitqt/webengine/WebEngineUserAgent.h>

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>

using namespace authkit;

namespace {

constexpr int kLoadTimeoutMs = 30000;   // a cold engine start on a busy machine is slow
constexpr int kScriptTimeoutMs = 10000;

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

class tst_WebEngine : public QObject
{
    Q_OBJECT
public:
    explicit tst_WebEngine(QString home) : m_home(std::move(home)) {}

public Q_SLOTS:
    // QDesktopServices' handler for the schemes below: counts what the OS would have opened.
    void recordOpenedUrl(const QUrl &url) { m_openedUrls.append(url); }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void engineNotLoadedBeforePresent();
    void redirectPolicy_data();
    void redirectPolicy();
    void passwordSignIn();
    void customSchemeRedirect();
    void windowChrome();
    void cancelButton();
    void escapeKey();
    void closingWindow();
    void systemBrowserRequested();
    void disallowedNavigationRefused();
    void certificateErrorRefused();
    void permissionRequestsDenied();
    void externalLinkOpensSystemBrowser();
    void providerConsentDenied();
    void rememberedHostedSession();
    void endSessionAsksAgain_data();
    void endSessionAsksAgain();

private:
    AuthorizationRequest makeRequest(const QUrl &redirectUri = {}) const;
    // Presents a request and waits until the hosted page at path has loaded.
    bool presentAndLoad(WebEngineUserAgent &agent, const AuthorizationRequest &request,
                        const QString &path);
    bool waitForLoad(QSignalSpy &loads, QWebEnginePage *page, const QString &path);
    QVariant evaluate(QWebEnginePage *page, const QString &script);
    bool submitPassword(QWebEnginePage *page);
    QJsonArray emulatorSessions();

    QString m_home;
    int m_testNumber = 0;
    std::unique_ptr<emulator::AuthKitEmulator> m_emulator;
    AuthKitConfig m_config;
    QList<QUrl> m_openedUrls;
};

// What the engine could hand to the OS: the web, our private-use redirect scheme, mail links.
static const char *const kWatchedSchemes[] = {"http", "https", "authkit-desktop", "mailto"};

void tst_WebEngine::initTestCase()
{
    for (const char *scheme : kWatchedSchemes)
        QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "recordOpenedUrl");
}

void tst_WebEngine::cleanupTestCase()
{
    for (const char *scheme : kWatchedSchemes)
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void tst_WebEngine::init()
{
    // Every test gets a login profile of its own: AppDataLocation follows XDG_DATA_HOME.
    const QString data = m_home + QStringLiteral("/data-%1").arg(++m_testNumber);
    QVERIFY(QDir().mkpath(data));
    qputenv("XDG_DATA_HOME", QFile::encodeName(data));

    m_emulator = std::make_unique<emulator::AuthKitEmulator>(emulator::EmulatorOptions{});
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    m_config = AuthKitConfig{};
    m_config.profile = QStringLiteral("local");
    m_config.clientId = m_emulator->clientIds().first();
    m_config.apiBaseUrl = m_emulator->baseUrl();
    m_config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    m_openedUrls.clear();
}

void tst_WebEngine::cleanup()
{
    // Agents are scoped to each test; let their deferred deletes run before the emulator goes.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_emulator.reset();
}

AuthorizationRequest tst_WebEngine::makeRequest(const QUrl &redirectUri) const
{
    return AuthorizationRequest::create(m_config, redirectUri);
}

bool tst_WebEngine::waitForLoad(QSignalSpy &loads, QWebEnginePage *page, const QString &path)
{
    return QTest::qWaitFor(
        [&] {
            return !loads.isEmpty() && loads.constLast().constFirst().toBool()
                   && page->url().path() == path;
        },
        kLoadTimeoutMs);
}

bool tst_WebEngine::presentAndLoad(WebEngineUserAgent &agent, const AuthorizationRequest &request,
                                   const QString &path)
{
    agent.present(request);
    if (!agent.window())
        return false;
    // Made before the event loop runs again, so the first load cannot be missed.
    QSignalSpy loads(agent.window()->page(), &QWebEnginePage::loadFinished);
    return waitForLoad(loads, agent.window()->page(), path);
}

QVariant tst_WebEngine::evaluate(QWebEnginePage *page, const QString &script)
{
    // Shared, so a late answer after a timeout writes nowhere dangerous.
    auto result = std::make_shared<std::pair<bool, QVariant>>(false, QVariant());
    page->runJavaScript(script, [result](const QVariant &value) {
        result->first = true;
        result->second = value;
    });
    if (!QTest::qWaitFor([&] { return result->first; }, kScriptTimeoutMs))
        qWarning("the page did not answer the script in time");
    return result->second;
}

bool tst_WebEngine::submitPassword(QWebEnginePage *page)
{
    return evaluate(page, QStringLiteral(
                              "document.getElementById('email').value = 'ada@example.com';"
                              "document.getElementById('password').value = 'password';"
                              "document.getElementById('sign-in-submit').click();"
                              "true"))
        .toBool();
}

QJsonArray tst_WebEngine::emulatorSessions()
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QUrl url = m_emulator->baseUrl();
    url.setPath(QStringLiteral("/_emulator/sessions"));
    std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, kScriptTimeoutMs))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("data")).toArray();
}

void tst_WebEngine::engineNotLoadedBeforePresent()
{
    WebEngineUserAgent agent;
    QVERIFY(!agent.isEngineLoaded());
    QVERIFY(!agent.window());
    // The embedded flow catches the redirect itself: the registered URI is used as it is.
    QCOMPARE(agent.prepareRedirectUri(m_config.redirectUri), m_config.redirectUri);
    QVERIFY(!agent.isEngineLoaded());
    QVERIFY(agent.findChildren<QWebEngineProfile *>().isEmpty());
    QVERIFY(agent.allowedHosts().contains(QStringLiteral("workos.com")));
    QVERIFY(agent.allowedHosts().contains(QStringLiteral("accounts.google.com")));

    agent.present(makeRequest());
    QVERIFY(agent.isEngineLoaded());
    QVERIFY(agent.window());
    QWebEngineProfile *profile = agent.window()->page()->profile();
    QVERIFY(!profile->isOffTheRecord());
    QVERIFY(profile != QWebEngineProfile::defaultProfile());
    QCOMPARE(profile->storageName(), QStringLiteral("AuthKitQt-login"));
    QVERIFY2(profile->persistentStoragePath().endsWith(QStringLiteral("/login-profile")),
             qPrintable(profile->persistentStoragePath()));
    QVERIFY(profile->persistentStoragePath().startsWith(m_home));
    QCOMPARE(profile->persistentStoragePath(), EmbeddedUserAgent::defaultProfileStoragePath());
    // The login window process is given the same folder: one hosted session cookie for the app.
    const QStringList processArguments =
        LoginProcessUserAgent(QStringLiteral("/nonexistent/authkit-login-window"))
            .processArguments();
    const qsizetype at = processArguments.indexOf(QStringLiteral("--profile-path"));
    QVERIFY(at >= 0);
    QCOMPARE(processArguments.value(at + 1), profile->persistentStoragePath());
}

void tst_WebEngine::redirectPolicy_data()
{
    QTest::addColumn<QUrl>("redirectUri");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("redirect");
    QTest::addColumn<bool>("allowed");

    const QUrl loopback(QStringLiteral("http://127.0.0.1/callback"));
    const QUrl scheme(QStringLiteral("authkit-desktop://callback"));
    auto row = [](const char *name, const QUrl &redirectUri, const char *url, bool redirect,
                  bool allowed) {
        QTest::newRow(name) << redirectUri << QUrl(QString::fromLatin1(url)) << redirect << allowed;
    };
    row("loopback any port", loopback, "http://127.0.0.1:51234/callback?code=x", true, false);
    row("loopback no port", loopback, "http://127.0.0.1/callback?error=access_denied", true, false);
    row("loopback other path", loopback, "http://127.0.0.1:51234/other", false, false);
    row("loopback https", loopback, "https://127.0.0.1/callback", false, false);
    row("loopback other host", loopback, "http://127.0.0.2/callback", false, false);
    row("custom scheme", scheme, "authkit-desktop://callback?code=x", true, false);
    row("custom scheme other host", scheme, "authkit-desktop://elsewhere?code=x", false, false);
    row("emulator same port", loopback, "http://127.0.0.1:4000/authkit/sign-in", false, true);
    row("emulator other port", loopback, "http://127.0.0.1:4001/authkit/sign-in", false, false);
    row("allowed host", loopback, "https://api.workos.com/user_management/authorize", false, true);
    row("allowed subdomain", loopback, "https://eu.login.microsoftonline.com/x", false, true);
    row("allowed host over http", loopback, "http://api.workos.com/", false, false);
    row("look-alike host", loopback, "https://evilworkos.com/", false, false);
    row("suffix trick", loopback, "https://workos.com.example.org/", false, false);
    row("other host", loopback, "https://example.org/", false, false);
    row("data url", loopback, "data:text/html,hello", false, false);
}

void tst_WebEngine::redirectPolicy()
{
    QFETCH(QUrl, redirectUri);
    QFETCH(QUrl, url);
    QFETCH(bool, redirect);
    QFETCH(bool, allowed);

    QWebEngineProfile profile; // off the record: the policy needs no storage
    LoginPage page(&profile, redirectUri,
                   {QStringLiteral("workos.com"), QStringLiteral("login.microsoftonline.com")});
    page.setStartUrl(QUrl(QStringLiteral("http://127.0.0.1:4000/user_management/authorize")));
    QCOMPARE(page.isRedirect(url), redirect);
    QCOMPARE(page.isAllowed(url), allowed);
}

void tst_WebEngine::passwordSignIn()
{
    WebEngineUserAgent agent;
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    QSignalSpy cancels(&agent, &UserAgent::cancelled);
    const AuthorizationRequest request = makeRequest();
    QVERIFY(!request.isNull());

    QVERIFY(presentAndLoad(agent, request, QStringLiteral("/authkit/sign-in")));
    QWebEnginePage *page = agent.window()->page();
    QVERIFY(agent.window()->isVisible());
    QVERIFY(submitPassword(page));

    QTRY_COMPARE_WITH_TIMEOUT(redirects.count(), 1, kLoadTimeoutMs);
    const QUrl redirect = redirects.constFirst().constFirst().toUrl();
    const RedirectResult result = RedirectParser::parse(redirect, request.redirectUri());
    QCOMPARE(result.kind, RedirectResult::Kind::Code);
    QVERIFY(!result.code.isEmpty());
    QCOMPARE(result.state, request.state());
    QVERIFY(request.matchesState(result.state));

    // Never loaded: the page stays where the form was, the window is busy until dismissed.
    QVERIFY(page->url().path() != QLatin1String("/callback"));
    auto *progress = agent.window()->findChild<QProgressBar *>(QStringLiteral("loginProgress"));
    QVERIFY(progress && progress->isVisible());
    QCOMPARE(progress->maximum(), 0);

    QPointer<LoginWindow> window = agent.window();
    agent.dismiss();
    QVERIFY(!agent.window());
    QTRY_VERIFY(!window);
    QCOMPARE(cancels.count(), 0);
    QCOMPARE(redirects.count(), 1);
    QCOMPARE(m_openedUrls.count(), 0);
}

void tst_WebEngine::customSchemeRedirect()
{
    // The emulator also registers the private-use scheme form a production app would use.
    WebEngineUserAgent agent;
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    const QUrl redirectUri(QStringLiteral("authkit-desktop://callback"));
    QCOMPARE(agent.prepareRedirectUri(redirectUri), redirectUri);
    const AuthorizationRequest request = makeRequest(redirectUri);

    QVERIFY(presentAndLoad(agent, request, QStringLiteral("/authkit/sign-in")));
    QVERIFY(submitPassword(agent.window()->page()));

    QTRY_COMPARE_WITH_TIMEOUT(redirects.count(), 1, kLoadTimeoutMs);
    const RedirectResult result =
        RedirectParser::parse(redirects.constFirst().constFirst().toUrl(), redirectUri);
    QCOMPARE(result.kind, RedirectResult::Kind::Code);
    QCOMPARE(result.state, request.state());
    QCOMPARE(m_openedUrls.count(), 0);
}

void tst_WebEngine::windowChrome()
{
    WebEngineUserAgent agent;
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    LoginWindow *window = agent.window();
    QCOMPARE(window->objectName(), QStringLiteral("loginWindow"));

    const QStringList names = {QStringLiteral("loginView"), QStringLiteral("loginProgress"),
                               QStringLiteral("loginHost"), QStringLiteral("loginCancel"),
                               QStringLiteral("loginUseBrowser"), QStringLiteral("loginError")};
    for (const QString &name : names) {
        auto *widget = window->findChild<QWidget *>(name);
        QVERIFY2(widget, qPrintable(name));
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
    }

    auto *host = window->findChild<QLabel *>(QStringLiteral("loginHost"));
    const QString emulatorHost =
        QStringLiteral("127.0.0.1:%1").arg(m_emulator->baseUrl().port());
    QVERIFY2(host->text().contains(emulatorHost), qPrintable(host->text()));
    QVERIFY2(host->text().contains(QStringLiteral("not encrypted")), qPrintable(host->text()));

    QTRY_VERIFY(!window->findChild<QProgressBar *>(QStringLiteral("loginProgress"))->isVisible());
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("loginError"))->isVisible());
    QVERIFY(window->width() >= 400 && window->height() >= 600);

    // The page first, then "use my browser", then Cancel; no dialog button takes Return.
    auto *cancel = window->findChild<QPushButton *>(QStringLiteral("loginCancel"));
    auto *useBrowser = window->findChild<QPushButton *>(QStringLiteral("loginUseBrowser"));
    QList<QWidget *> order;
    QWidget *widget = window->view();
    for (int i = 0; i < 100 && order.size() < 2; ++i) {
        widget = widget->nextInFocusChain();
        if (widget == useBrowser || widget == cancel)
            order.append(widget);
    }
    QCOMPARE(order, (QList<QWidget *>{useBrowser, cancel}));
    QVERIFY(!cancel->autoDefault() && !cancel->isDefault());
    QVERIFY(!useBrowser->autoDefault() && !useBrowser->isDefault());
}

void tst_WebEngine::cancelButton()
{
    WebEngineUserAgent agent;
    QSignalSpy cancels(&agent, &UserAgent::cancelled);
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    QPointer<LoginWindow> window = agent.window();

    auto *cancel = window->findChild<QPushButton *>(QStringLiteral("loginCancel"));
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancels.count(), 1);
    QVERIFY(!window || !window->isVisible());

    // Whatever follows (Escape, a close, the window going away) is not a second cancel.
    if (window) {
        QTest::keyClick(window, Qt::Key_Escape);
        window->close();
    }
    QTRY_VERIFY(!window);
    QCOMPARE(cancels.count(), 1);
    QCOMPARE(redirects.count(), 0);
}

void tst_WebEngine::escapeKey()
{
    WebEngineUserAgent agent;
    QSignalSpy cancels(&agent, &UserAgent::cancelled);
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    QTest::keyClick(agent.window(), Qt::Key_Escape);
    QCOMPARE(cancels.count(), 1);
}

void tst_WebEngine::closingWindow()
{
    WebEngineUserAgent agent;
    QSignalSpy cancels(&agent, &UserAgent::cancelled);
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    QPointer<LoginWindow> window = agent.window();
    QVERIFY(window->close());
    QCOMPARE(cancels.count(), 1);
    QTRY_VERIFY(!window); // the agent lets it go
    QCOMPARE(cancels.count(), 1);
    QCOMPARE(redirects.count(), 0);
}

void tst_WebEngine::systemBrowserRequested()
{
    WebEngineUserAgent agent;
    QSignalSpy requested(&agent, &WebEngineUserAgent::systemBrowserRequested);
    QSignalSpy cancels(&agent, &UserAgent::cancelled);
    agent.present(makeRequest());
    auto *useBrowser = agent.window()->findChild<QPushButton *>(QStringLiteral("loginUseBrowser"));
    QVERIFY(useBrowser);
    QTest::mouseClick(useBrowser, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(cancels.count(), 0);
    // The application decides what happens next; dismissing is not a cancel.
    agent.dismiss();
    QCOMPARE(cancels.count(), 0);
}

void tst_WebEngine::disallowedNavigationRefused()
{
    WebEngineUserAgent agent;
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    LoginPage *page = agent.window()->page();
    const QUrl before = page->url();
    QSignalSpy refused(page, &LoginPage::navigationRefused);

    evaluate(page, QStringLiteral("window.location = 'https://example.org/'; true"));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kLoadTimeoutMs);
    QCOMPARE(refused.constFirst().at(0).toUrl().host(), QStringLiteral("example.org"));
    QVERIFY(!refused.constFirst().at(1).toString().isEmpty());

    // A form posted to another host is refused the same way.
    evaluate(page, QStringLiteral(
                       "var f = document.getElementById('sign-in-form');"
                       "f.action = 'https://example.org/steal'; f.submit(); true"));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 2, kLoadTimeoutMs);

    // Pop-ups a script opens get no window at all.
    QCOMPARE(evaluate(page, QStringLiteral("window.open('https://example.org/') === null")),
             QVariant(true));

    // Refusals happen before anything is requested: the sign-in form is still there.
    QCOMPARE(page->url(), before);
    QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('password') !== null")),
             QVariant(true));
    auto *error = agent.window()->findChild<QLabel *>(QStringLiteral("loginError"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), refused.constLast().at(1).toString());
    QCOMPARE(m_openedUrls.count(), 0);
}

void tst_WebEngine::certificateErrorRefused()
{
    // A TLS server on this computer whose self-signed certificate no one trusts.
    QFile certificateFile(QFINDTESTDATA("data/untrusted-127.0.0.1.crt"));
    QFile keyFile(QFINDTESTDATA("data/untrusted-127.0.0.1.key"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(&certificateFile, QSsl::Pem));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    AuthKitConfig config = m_config;
    config.apiBaseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
    WebEngineUserAgent agent;
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    QSignalSpy cancels(&agent, &UserAgent::cancelled);
    agent.present(AuthorizationRequest::create(config, config.redirectUri));
    QSignalSpy loads(agent.window()->page(), &QWebEnginePage::loadFinished);

    // The load fails (after the certificate error); the message is still ours.
    QTRY_COMPARE_WITH_TIMEOUT(loads.count(), 1, kLoadTimeoutMs);
    QCOMPARE(loads.constFirst().constFirst().toBool(), false);
    auto *error = agent.window()->findChild<QLabel *>(QStringLiteral("loginError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("could not be verified")),
             qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("127.0.0.1")));
    // The window stays for the person to cancel or switch to the browser; nothing was shown.
    QVERIFY(agent.window()->isVisible());
    QCOMPARE(redirects.count(), 0);
    QCOMPARE(cancels.count(), 0);
    QCOMPARE(m_openedUrls.count(), 0);
}

void tst_WebEngine::permissionRequestsDenied()
{
    WebEngineUserAgent agent;
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    LoginPage *page = agent.window()->page();
    QSignalSpy requests(page, &QWebEnginePage::featurePermissionRequested);

    evaluate(page, QStringLiteral(
        "Notification.requestPermission().then(function (p) { window.answer = p; }); true"));
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, QStringLiteral("String(window.answer)")).toString(),
                              QStringLiteral("denied"), kScriptTimeoutMs);
    QCOMPARE(requests.count(), 1);
}

void tst_WebEngine::externalLinkOpensSystemBrowser()
{
    WebEngineUserAgent agent;
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    QWebEngineView *view = agent.window()->view();
    LoginPage *page = agent.window()->page();
    const QUrl before = page->url();
    QSignalSpy external(page, &LoginPage::externalLinkOpened);
    QSignalSpy refused(page, &LoginPage::navigationRefused);
    QSignalSpy hovered(page, &QWebEnginePage::linkHovered);

    // A "terms" link in a corner of the page, clicked with the mouse as a person would.
    const QVariant rect = evaluate(page, QStringLiteral(
        "var a = document.createElement('a');"
        "a.id = 'terms'; a.href = 'https://example.org/terms'; a.textContent = 'Terms';"
        "a.style = 'position:fixed;left:0;top:0;width:120px;height:40px;display:block;"
        "z-index:9999;background:#fff';"
        "document.body.appendChild(a);"
        "var r = a.getBoundingClientRect(); [r.left + r.width / 2, r.top + r.height / 2]"));
    const QVariantList center = rect.toList();
    QCOMPARE(center.size(), 2);
    QWidget *input = view->focusProxy() ? view->focusProxy() : view;
    const QPoint point(center.at(0).toInt(), center.at(1).toInt());
    QTest::mouseMove(input, point);
    QTRY_VERIFY_WITH_TIMEOUT(!hovered.isEmpty()
                                 && hovered.constLast().constFirst().toString()
                                        == QLatin1String("https://example.org/terms"),
                             kScriptTimeoutMs);
    QTest::mouseClick(input, Qt::LeftButton, {}, point);
    QTRY_COMPARE_WITH_TIMEOUT(m_openedUrls.count(), 1, kLoadTimeoutMs);
    QCOMPARE(m_openedUrls.constFirst(), QUrl(QStringLiteral("https://example.org/terms")));
    QCOMPARE(external.count(), 1);

    // A script's click on another link is not a person's: refused, not opened.
    evaluate(page, QStringLiteral(
        "var b = document.createElement('a'); b.href = 'https://example.net/';"
        "document.body.appendChild(b); b.click(); true"));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kLoadTimeoutMs);
    QCOMPARE(refused.constFirst().constFirst().toUrl().host(), QStringLiteral("example.net"));

    // A link to another scheme is neither loaded nor handed to the OS.
    evaluate(page, QStringLiteral(
        "var c = document.createElement('a'); c.href = 'mailto:someone@example.org';"
        "document.body.appendChild(c); c.click(); true"));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 2, kLoadTimeoutMs);
    QCOMPARE(m_openedUrls.count(), 1);
    QCOMPARE(external.count(), 1);
    QCOMPARE(page->url(), before);
}

void tst_WebEngine::providerConsentDenied()
{
    WebEngineUserAgent agent;
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    const AuthorizationRequest request = makeRequest();
    QVERIFY(presentAndLoad(agent, request, QStringLiteral("/authkit/sign-in")));
    LoginPage *page = agent.window()->page();

    QSignalSpy loads(page, &QWebEnginePage::loadFinished);
    QVERIFY(evaluate(page, QStringLiteral("document.getElementById('continue-google').click(); true"))
                .toBool());
    QVERIFY(waitForLoad(loads, page, QStringLiteral("/authkit/oauth/google")));
    QVERIFY(evaluate(page, QStringLiteral("document.getElementById('oauth-deny').click(); true"))
                .toBool());

    // As AuthSession does with an error: dismiss at once, inside the signal.
    QPointer<LoginWindow> window = agent.window();
    connect(&agent, &UserAgent::redirectReceived, &agent, &WebEngineUserAgent::dismiss);
    QTRY_COMPARE_WITH_TIMEOUT(redirects.count(), 1, kLoadTimeoutMs);
    QTRY_VERIFY(!window);
    const QUrl redirect = redirects.constFirst().constFirst().toUrl();
    QCOMPARE(queryValue(redirect, QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(queryValue(redirect, QStringLiteral("state")), request.state());
    QVERIFY(queryValue(redirect, QStringLiteral("code")).isEmpty());
    QCOMPARE(m_openedUrls.count(), 0);
}

void tst_WebEngine::rememberedHostedSession()
{
    WebEngineUserAgent agent;
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    QVERIFY(submitPassword(agent.window()->page()));
    QTRY_COMPARE_WITH_TIMEOUT(redirects.count(), 1, kLoadTimeoutMs);
    agent.dismiss();

    // Same profile, no sign-out: AuthKit's own cookie signs the person in without a page.
    const AuthorizationRequest second = makeRequest();
    agent.present(second);
    QTRY_COMPARE_WITH_TIMEOUT(redirects.count(), 2, kLoadTimeoutMs);
    const RedirectResult result =
        RedirectParser::parse(redirects.at(1).constFirst().toUrl(), second.redirectUri());
    QCOMPARE(result.kind, RedirectResult::Kind::Code);
    QCOMPARE(result.state, second.state());
    QCOMPARE(m_openedUrls.count(), 0);
}

void tst_WebEngine::endSessionAsksAgain_data()
{
    QTest::addColumn<QUrl>("returnTo");
    QTest::newRow("hosted signed-out page") << QUrl();
    // Return URIs the hidden page does not load: the server's answer still counts.
    QTest::newRow("app scheme") << QUrl(QStringLiteral("authkit-desktop://signed-out"));
    QTest::newRow("loopback") << QUrl(QStringLiteral("http://127.0.0.1/"));
}

void tst_WebEngine::endSessionAsksAgain()
{
    QFETCH(QUrl, returnTo);
    m_config.logoutReturnUri = returnTo;

    WebEngineUserAgent agent;
    QSignalSpy redirects(&agent, &UserAgent::redirectReceived);
    QSignalSpy ended(&agent, &WebEngineUserAgent::sessionEnded);
    QVERIFY(presentAndLoad(agent, makeRequest(), QStringLiteral("/authkit/sign-in")));
    QVERIFY(submitPassword(agent.window()->page()));
    QTRY_COMPARE_WITH_TIMEOUT(redirects.count(), 1, kLoadTimeoutMs);
    agent.dismiss();

    const QJsonArray sessions = emulatorSessions();
    QCOMPARE(sessions.size(), 1);
    const QJsonObject session = sessions.first().toObject();
    QCOMPARE(session.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    const QString sessionId = session.value(QStringLiteral("id")).toString();

    QElapsedTimer elapsed;
    elapsed.start();
    agent.endSession(m_config.logoutUrl(sessionId));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kLoadTimeoutMs);
    // Ended by the server's answer, not by the agent's 15 s fallback (which clears cookies).
    QVERIFY2(elapsed.elapsed() < 15000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(emulatorSessions().first().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("revoked"));

    // The hosted session is over in this profile too: the password form again, no redirect.
    const AuthorizationRequest second = makeRequest();
    QVERIFY(presentAndLoad(agent, second, QStringLiteral("/authkit/sign-in")));
    QCOMPARE(redirects.count(), 1);
    QCOMPARE(evaluate(agent.window()->page(),
                      QStringLiteral("document.getElementById('password') !== null")),
             QVariant(true));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(m_openedUrls.count(), 0);
}

int main(int argc, char **argv)
{
    // A throwaway home: the login profile and everything else the engine writes start empty.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    const QByteArray homePath = QFile::encodeName(home.path());
    qputenv("HOME", homePath);
    qputenv("XDG_CONFIG_HOME", homePath + "/config");
    qputenv("XDG_CACHE_HOME", homePath + "/cache");
    qputenv("XDG_DATA_HOME", homePath + "/data");

    // Qt WebEngine needs this before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_WebEngine test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webengine.moc"
