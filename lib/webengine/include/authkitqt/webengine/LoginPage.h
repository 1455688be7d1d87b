#pragma once

#include <QStringList>
#include <QUrl>
#include <QWebEnginePage>

namespace authkit {

/// The navigation policy of the login window: main-frame navigations only to the allowed hosts
/// (https, or http on loopback for the emulator); our redirect URI is caught and reported, never
/// loaded; other links open in the system browser; certificate errors are refused; pop-ups and
/// permission requests are denied (a clicked target=_blank link opens in the system browser).
/// No script is injected and nothing is read from the page.
/// The redirect counts only as the authorization server sends it: a top-level navigation (a
/// server redirect, a link, a script's location) carrying the expected state when one is set,
/// and for an http(s) redirect URI not a form submission (the engine does not tell a POST from a
/// GET form, and the answer never comes as a form; a private-use scheme is only ever handed over
/// as a URL, and the engine reports a redirect that follows a form as the form). Anything else to
/// the redirect URI (a frame, a form, a pop-up, another state) is refused and not reported, so a
/// hostile page can neither finish nor abort the sign-in; a forged answer with the right state
/// still fails at the code exchange, which needs this sign-in's PKCE verifier.
class LoginPage : public QWebEnginePage
{
    Q_OBJECT
public:
    LoginPage(QWebEngineProfile *profile, const QUrl &redirectUri, QStringList allowedHosts,
              QObject *parent = nullptr);

    /// The URL this page is opened on (the authorize URL, or the hosted logout URL): its host is
    /// allowed too, with its port when it is http on loopback (the emulator).
    void setStartUrl(const QUrl &url);
    QUrl startUrl() const { return m_startUrl; }
    /// The state of the sign-in shown here; a redirect with another state is refused. Empty: any.
    void setExpectedState(const QString &state) { m_expectedState = state; }

    bool isAllowed(const QUrl &url) const;
    bool isRedirect(const QUrl &url) const;

Q_SIGNALS:
    void redirectReceived(const QUrl &url);
    void externalLinkOpened(const QUrl &url);
    void navigationRefused(const QUrl &url, const QString &reason);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    void openExternally(const QUrl &url);
    void refuse(const QUrl &url, const QString &reason);

    QUrl m_redirectUri;
    QUrl m_startUrl;
    QString m_expectedState;
    QStringList m_allowedHosts;
    QUrl m_hoveredLink; ///< the link under the pointer or the keyboard focus, if any
};

} // namespace authkit
