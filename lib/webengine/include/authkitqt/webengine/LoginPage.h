#pragma once

#include <QStringList>
#include <QUrl>
#include <QWebEnginePage>

namespace authkit {

// The navigation policy of the login window: main-frame navigations only to the allowed hosts
// (https, or http on loopback for the emulator); our redirect URI is caught and reported, never
// loaded; other links open in the system browser; certificate errors are refused; pop-ups and
// permission requests are denied (a clicked target=_blank link opens in the system browser).
// No script is injected and nothing is read from the page.
class LoginPage : public QWebEnginePage
{
    Q_OBJECT
public:
    LoginPage(QWebEngineProfile *profile, const QUrl &redirectUri, QStringList allowedHosts,
              QObject *parent = nullptr);

    // The URL this page is opened on (the authorize URL, or the hosted logout URL): its host is
    // allowed too, with its port when it is http on loopback (the emulator).
    void setStartUrl(const QUrl &url);
    QUrl startUrl() const { return m_startUrl; }

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
    QStringList m_allowedHosts;
    QUrl m_hoveredLink; // the link under the pointer or the keyboard focus, if any
};

} // namespace authkit
