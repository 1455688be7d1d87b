#pragma once

#include <authkitqt/core/UserAgent.h>

#include <QPointer>
#include <QTcpServer>

#include <functional>

namespace authkit {

// The system-browser flow of RFC 8252 §7.3: a listener on 127.0.0.1 and a free port, open only
// while a sign-in is under way; the browser is opened by a function the front end provides
// (QDesktopServices::openUrl in a GUI, printing the URL with --no-browser).
class LoopbackUserAgent : public UserAgent
{
    Q_OBJECT
public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit LoopbackUserAgent(UrlOpener openUrl, QObject *parent = nullptr);
    ~LoopbackUserAgent() override;

    QUrl prepareRedirectUri(const QUrl &configured) override;
    void present(const AuthorizationRequest &request) override;
    void dismiss() override;
    void endSession(const QUrl &logoutUrl) override;

    quint16 port() const;

private:
    void onConnection();

    UrlOpener m_openUrl;
    QTcpServer m_server;
    QUrl m_redirectUri;
};

} // namespace authkit
