#include <authkitqt/webengine/LoginPage.h>

#include "Logging_p.h"

#include <QDesktopServices>
#include <QHostAddress>
#include <QUrlQuery>
#include <QWebEngineCertificateError>
#include <QWebEngineFileSystemAccessRequest>
#include <QWebEngineFullScreenRequest>
#include <QWebEngineNewWindowRequest>
#include <QWebEngineRegisterProtocolHandlerRequest>

namespace authkit {

namespace {

QString normalizedHost(const QUrl &url)
{
    // ACE form, lower case: what the engine itself compares.
    return url.host(QUrl::FullyEncoded).toLower();
}

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

int effectivePort(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https"))
        return url.port(443);
    if (url.scheme() == QLatin1String("http"))
        return url.port(80);
    return url.port();
}

QString normalizedPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

bool isWebUrl(const QUrl &url)
{
    return url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
}

QStringList normalizedHosts(const QStringList &hosts)
{
    QStringList result;
    for (QString host : hosts) {
        host = host.trimmed().toLower();
        while (host.startsWith(QLatin1Char('*')) || host.startsWith(QLatin1Char('.')))
            host.remove(0, 1);
        const QString ace = QString::fromLatin1(QUrl::toAce(host));
        if (!ace.isEmpty() && !result.contains(ace))
            result.append(ace);
    }
    return result;
}

} // namespace

LoginPage::LoginPage(QWebEngineProfile *profile, const QUrl &redirectUri, QStringList allowedHosts,
                     QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_redirectUri(redirectUri)
    , m_allowedHosts(normalizedHosts(allowedHosts))
{
    // A login page never needs a certificate exception: the error is final (Nextcloud once
    // offered "continue anyway" on its login page; we do not).
    connect(this, &QWebEnginePage::certificateError, this,
            [](const QWebEngineCertificateError &error) {
                qCWarning(lcWebEngine).noquote()
                    << "certificate error for" << error.url().host() << "- refused";
                QWebEngineCertificateError refused = error;
                refused.rejectCertificate();
            });
    // Camera, microphone, location, notifications, screen sharing: nothing a login needs.
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            [this](const QUrl &origin, QWebEnginePage::Feature feature) {
                qCInfo(lcWebEngine).noquote()
                    << "permission" << feature << "denied to" << origin.host();
                setFeaturePermission(origin, feature, PermissionDeniedByUser);
            });
    connect(this, &QWebEnginePage::fileSystemAccessRequested, this,
            [](QWebEngineFileSystemAccessRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::registerProtocolHandlerRequested, this,
            [](QWebEngineRegisterProtocolHandlerRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::fullScreenRequested, this,
            [](QWebEngineFullScreenRequest request) { request.reject(); });
    // The engine reports the link under the mouse or the keyboard focus (an empty URL when
    // there is none); a link "click" to any other URL was made by a script.
    connect(this, &QWebEnginePage::linkHovered, this,
            [this](const QString &url) { m_hoveredLink = QUrl(url); });
    connect(this, &QWebEnginePage::newWindowRequested, this,
            [this](QWebEngineNewWindowRequest &request) {
                // Left unhandled, so createWindow() below refuses the window. A link a person
                // clicked ("terms", target=_blank) still opens, in the system browser.
                const QUrl url = request.requestedUrl();
                if (request.isUserInitiated() && isWebUrl(url) && !isRedirect(url)) {
                    openExternally(url);
                    return;
                }
                refuse(url, tr("Pop-up windows are not opened during sign-in."));
            });
}

void LoginPage::setStartUrl(const QUrl &url)
{
    m_startUrl = url;
}

bool LoginPage::isRedirect(const QUrl &url) const
{
    if (m_redirectUri.isEmpty() || !m_redirectUri.isValid() || !url.isValid())
        return false;
    if (url.scheme() != m_redirectUri.scheme()
        || normalizedHost(url) != normalizedHost(m_redirectUri)
        || normalizedPath(url) != normalizedPath(m_redirectUri))
        return false;
    // RFC 8252 §7.3: a loopback redirect URI matches on any port.
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(normalizedHost(url)))
        return true;
    return effectivePort(url) == effectivePort(m_redirectUri);
}

bool LoginPage::isAllowed(const QUrl &url) const
{
    if (!url.isValid())
        return false;
    const QString host = normalizedHost(url);
    if (host.isEmpty())
        return false;
    const QString scheme = url.scheme();

    if (m_startUrl.isValid() && host == normalizedHost(m_startUrl)
        && scheme == m_startUrl.scheme() && effectivePort(url) == effectivePort(m_startUrl)) {
        // Plain http only for a server on this computer (the emulator): nothing crosses a network.
        if (scheme == QLatin1String("https"))
            return true;
        if (scheme == QLatin1String("http") && isLoopbackHost(host))
            return true;
    }

    if (scheme != QLatin1String("https"))
        return false;
    for (const QString &allowed : m_allowedHosts) {
        if (host == allowed || host.endsWith(QLatin1Char('.') + allowed))
            return true;
    }
    return false;
}

bool LoginPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isRedirect(url)) {
        if (!isMainFrame) {
            refuse(url, tr("The sign-in answer may only arrive in the page itself."));
            return false;
        }
        // AuthKit answers with a redirect, never with a form; history holds no answer. (A
        // private-use scheme is handed over as a URL whatever led there: the engine reports
        // a server redirect after a form as a form, and no body could travel with it.)
        const bool formOrHistory = type == NavigationTypeFormSubmitted
                                   || type == NavigationTypeBackForward
                                   || type == NavigationTypeReload;
        if (formOrHistory && isWebUrl(url)) {
            qCInfo(lcWebEngine) << "redirect URI reached by navigation type" << type << "- refused";
            refuse(url, tr("The sign-in answer did not come from the sign-in service, so it was "
                           "ignored."));
            return false;
        }
        if (!m_expectedState.isEmpty()
            && QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded)
                   != m_expectedState) {
            // Not this window's sign-in (a forged or stale answer): it must not end this one.
            qCInfo(lcWebEngine) << "redirect with another sign-in's state - refused";
            refuse(url, tr("The sign-in answer does not belong to this sign-in, so it was "
                           "ignored."));
            return false;
        }
        // Caught here, before any request is made: the code never reaches a server or the OS.
        qCInfo(lcWebEngine) << "redirect caught; navigation type" << type;
        Q_EMIT redirectReceived(url);
        return false;
    }

    if (!isMainFrame) {
        // Inert documents of frames the page builds itself; anything else must be an allowed host.
        if (url.scheme() == QLatin1String("about")
            && (url.path() == QLatin1String("blank") || url.path() == QLatin1String("srcdoc")))
            return true;
        if (isAllowed(url))
            return true;
        // Not worth a message to the person: the page itself stays usable.
        qCInfo(lcWebEngine).noquote() << "frame from" << url.host() << "refused";
        return false;
    }

    if (isAllowed(url))
        return true;

    // Terms, privacy, help: a person follows those in their own browser, not in here. Chromium
    // also calls a script's window.location a link click, so it must be the link the person is
    // pointing at; a script does not get to open the system browser.
    if (type == NavigationTypeLinkClicked && isWebUrl(url) && url == m_hoveredLink) {
        openExternally(url);
        return false;
    }

    if (url.scheme() == QLatin1String("http") && !isLoopbackHost(normalizedHost(url)))
        refuse(url, tr("%1 is not encrypted, so it is not opened during sign-in.").arg(url.host()));
    else if (isWebUrl(url))
        refuse(url, tr("%1 is not part of the sign-in, so it was not opened.").arg(url.host()));
    else
        refuse(url, tr("This kind of link is not opened during sign-in."));
    return false;
}

QWebEnginePage *LoginPage::createWindow(WebWindowType type)
{
    qCInfo(lcWebEngine) << "pop-up window of type" << type << "refused";
    return nullptr;
}

void LoginPage::openExternally(const QUrl &url)
{
    qCInfo(lcWebEngine).noquote() << "link to" << url.host() << "opened in the system browser";
    QDesktopServices::openUrl(url);
    Q_EMIT externalLinkOpened(url);
}

void LoginPage::refuse(const QUrl &url, const QString &reason)
{
    // The host only: a refused URL may carry query parameters worth keeping out of logs.
    qCInfo(lcWebEngine).noquote() << "navigation to" << url.scheme() + QLatin1String("://")
                                         + url.host() << "refused";
    Q_EMIT navigationRefused(url, reason);
}

} // namespace authkit
