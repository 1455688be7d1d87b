#include <authkitqt/webengine/WebEngineUserAgent.h>

#include <authkitqt/webengine/LoginPage.h>
#include <authkitqt/webengine/LoginWindow.h>

#include "Logging_p.h"

#include <QApplication>
#include <QLocale>
#include <QTimer>
#include <QWebEngineCookieStore>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWindow>

Q_LOGGING_CATEGORY(lcWebEngine, "authkit.webengine")

namespace authkit {

namespace {

constexpr int kLogoutTimeoutMs = 15000;

QStringList defaultAllowedHosts()
{
    // AuthKit's own domains and the identity providers it federates to most often.
    return {QStringLiteral("workos.com"),
            QStringLiteral("authkit.app"),
            QStringLiteral("accounts.google.com"),
            QStringLiteral("github.com"),
            QStringLiteral("login.microsoftonline.com"),
            QStringLiteral("login.live.com")};
}

// Keeps a top-level widget's native window transient for a window of another process. Set on
// every native window the widget gets, before it is shown: the platform reads the transient parent
// (X11's WM_TRANSIENT_FOR) when it maps the window, and Qt WebEngine's view makes Qt destroy the
// first native window and create another (for its OpenGL surface), which starts without one.
class TransientParentKeeper : public QObject
{
public:
    TransientParentKeeper(QWidget *widget, QWindow *transientParent)
        : QObject(widget)
        , m_transientParent(transientParent)
    {
        widget->installEventFilter(this);
        apply(widget);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::WinIdChange)
            apply(static_cast<QWidget *>(watched));
        return false;
    }

private:
    void apply(QWidget *widget)
    {
        if (QWindow *window = widget->windowHandle(); window && m_transientParent)
            window->setTransientParent(m_transientParent);
    }

    QPointer<QWindow> m_transientParent;
};

} // namespace

WebEngineUserAgent::WebEngineUserAgent(QWidget *parentWindow, QObject *parent)
    : EmbeddedUserAgent(parent)
    , m_parentWindow(parentWindow)
    , m_allowedHosts(defaultAllowedHosts())
{
}

WebEngineUserAgent::~WebEngineUserAgent()
{
    if (!m_profile)
        return;
    // Pages before their profile (the engine warns, and may crash, when a profile goes first),
    // including windows and logout pages whose deleteLater() has not run yet.
    QList<LoginWindow *> windows;
    const QWidgetList candidates = m_parentWindow ? m_parentWindow->findChildren<QWidget *>()
                                                  : QApplication::topLevelWidgets();
    for (QWidget *widget : candidates) {
        auto *window = qobject_cast<LoginWindow *>(widget);
        if (window && window->page()->profile() == m_profile)
            windows.append(window);
    }
    qDeleteAll(windows);
    qDeleteAll(findChildren<QWebEnginePage *>(Qt::FindDirectChildrenOnly));
    delete m_profile;
}

void WebEngineUserAgent::setAllowedHosts(const QStringList &hosts)
{
    m_allowedHosts = hosts;
}

void WebEngineUserAgent::clearLoginCookies()
{
    profile()->cookieStore()->deleteAllCookies();
}

QUrl WebEngineUserAgent::prepareRedirectUri(const QUrl &configured)
{
    // The redirect is caught inside the engine and never reaches a server or a port, so the
    // registered URI is used exactly as it is.
    m_redirectUri = configured;
    return configured;
}

void WebEngineUserAgent::setTransientParent(QWindow *window)
{
    m_transientParent = window;
}

void WebEngineUserAgent::present(const AuthorizationRequest &request)
{
    present(request.url(), request.redirectUri(), request.state());
}

void WebEngineUserAgent::present(const QUrl &authorizeUrl, const QUrl &redirectUri,
                                 const QString &state)
{
    dismiss(); // at most one sign-in window
    m_redirectUri = redirectUri;

    auto *window = new LoginWindow(profile(), m_redirectUri, m_allowedHosts, m_parentWindow);
    m_window = window;
    window->page()->setExpectedState(state);
    connect(window, &LoginWindow::redirectReceived, this, &UserAgent::redirectReceived);
    connect(window, &LoginWindow::systemBrowserRequested, this,
            &EmbeddedUserAgent::systemBrowserRequested);
    connect(window, &LoginWindow::cancelled, this, [this, window] {
        window->deleteLater();
        Q_EMIT cancelled();
    });

    if (!m_parentWindow && m_transientParent)
        new TransientParentKeeper(window, m_transientParent);
    qCInfo(lcWebEngine).noquote() << "showing the sign-in page of" << authorizeUrl.host();
    window->open(authorizeUrl);
}

void WebEngineUserAgent::dismiss()
{
    if (!m_window)
        return;
    LoginWindow *window = m_window.data();
    m_window.clear();
    // Closing it here is the application's decision, not the person's: no cancelled().
    disconnect(window, nullptr, this, nullptr);
    window->blockSignals(true);
    window->close();
    window->deleteLater();
}

void WebEngineUserAgent::endSession(const QUrl &logoutUrl)
{
    if (m_logoutPage)
        delete m_logoutPage.data(); // a newer logout replaces one still under way

    // The same profile as the sign-in, so the server's Set-Cookie ends the hosted session that
    // would otherwise sign the next person in silently. The policy page keeps the hidden load to
    // the logout host: nothing is opened outside, nothing shown.
    auto *page = new LoginPage(profile(), QUrl(), m_allowedHosts, this);
    page->setStartUrl(logoutUrl);
    m_logoutPage = page;

    auto *timeout = new QTimer(page);
    timeout->setSingleShot(true);
    auto finish = [this, page](bool ok) {
        if (m_logoutPage != page)
            return;
        m_logoutPage.clear();
        page->deleteLater();
        if (!ok && m_profile) {
            // The server did not answer: forget the hosted session here all the same.
            qCWarning(lcWebEngine) << "hosted logout did not complete; clearing the login cookies";
            m_profile->cookieStore()->deleteAllCookies();
        } else {
            qCInfo(lcWebEngine) << "hosted logout finished";
        }
        Q_EMIT sessionEnded();
    };
    connect(page, &QWebEnginePage::loadFinished, this, finish);
    // A redirect to a return_to the policy does not load (the app's own URI) still means the
    // server has ended the session and answered.
    connect(page, &LoginPage::navigationRefused, this, [finish] { finish(true); });
    connect(timeout, &QTimer::timeout, this, [finish] { finish(false); });
    timeout->start(kLogoutTimeoutMs);

    qCInfo(lcWebEngine).noquote() << "ending the hosted session at" << logoutUrl.host();
    page->load(logoutUrl);
}

QWebEngineProfile *WebEngineUserAgent::profile()
{
    if (m_profile)
        return m_profile;

    // Created on first use only: restoring a session must not start a QtWebEngineProcess.
    // A named profile of our own, never the default one shared with the rest of the app.
    m_profile = new QWebEngineProfile(QStringLiteral("AuthKitQt-login"), this);
    m_profile->setPersistentStoragePath(m_profileStoragePath.isEmpty() ? defaultProfileStoragePath()
                                                                       : m_profileStoragePath);
    // The hosted session cookie behaves as in a browser; pages themselves stay off the disk.
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::AllowPersistentCookies);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setHttpAcceptLanguage(QLocale().uiLanguages().join(QLatin1Char(',')));

    QWebEngineSettings *settings = m_profile->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    settings->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    settings->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    settings->setAttribute(QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    // Counter-intuitive but the safe choice: with this policy every unknown-scheme navigation
    // (a private-use redirect URI among them) is put to LoginPage::acceptNavigationRequest,
    // which catches our redirect and refuses the rest. With the default policy, a redirect to
    // authkit-desktop://callback without a user gesture fails before the page can see it.
    settings->setUnknownUrlSchemePolicy(QWebEngineSettings::AllowAllUnknownUrlSchemes);

    // Nothing is downloaded from a login page.
    connect(m_profile, &QWebEngineProfile::downloadRequested, this,
            [](QWebEngineDownloadRequest *download) { download->cancel(); });

    qCInfo(lcWebEngine) << "login profile created";
    return m_profile;
}

} // namespace authkit
