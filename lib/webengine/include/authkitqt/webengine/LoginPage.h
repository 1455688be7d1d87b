#pragma once

#include <QStringList>
#include <QUrl>
#include <QWebEnginePage>

namespace authkit {

// The navigation policy of the login window: main-frame navigations only to the allowed hosts
// (https, or http on loopback for the emulator); our redirect URI is caught and reported, never
// loaded; other links open in the system browser; certificate errors are refused; pop-ups and
// permission requests are denied. No script is injected and nothing is read from the page.
class LoginPage : public QWebEnginePage
{
    Q_OBJECT
public:
    LoginPage(QWebEngineProfile *profile, const QUrl &redirectUri, QStringList allowedHosts,
              QObject *parent = nullptr);

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
    QUrl m_redirectUri;
    QStringList m_allowedHosts;
};

} // namespace authkit
