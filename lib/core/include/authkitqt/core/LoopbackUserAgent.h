#pragma once

#include <authkitqt/core/UserAgent.h>

#include <QPointer>
#include <QTcpServer>

#include <functional>
#include <authkitqt/core/authkitqt_core_export.h>

class QTcpSocket;

namespace authkit {

/// The system-browser flow of RFC 8252 §7.3: a listener on 127.0.0.1 and a free port, open only
/// while a sign-in is under way; the browser is opened by a function the front end provides
/// (QDesktopServices::openUrl in a GUI, printing the URL with --no-browser).
///
/// Any local process can connect to the listener, so it answers only a GET of the exact redirect
/// path (no decoding, no trailing slash) carrying this attempt's state; everything else gets a
/// 404 and the attempt goes on. The matching request is held open until completeSignIn() says how
/// the sign-in ended, and the browser is then told exactly that.
class AUTHKITQT_CORE_EXPORT LoopbackUserAgent : public UserAgent
{
    Q_OBJECT
public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    static constexpr int kMaxRequestBytes = 16 * 1024;
    static constexpr int kRequestTimeoutMs = 10000;
    /// How long the browser's request is held while the code is exchanged and verified.
    static constexpr int kAnswerTimeoutMs = 90000;

    explicit LoopbackUserAgent(UrlOpener openUrl, QObject *parent = nullptr);
    ~LoopbackUserAgent() override;

    QUrl prepareRedirectUri(const QUrl &configured) override;
    void present(const AuthorizationRequest &request) override;
    void dismiss() override;
    void endSession(const QUrl &logoutUrl) override;
    void completeSignIn(bool ok, const QString &message) override;

    quint16 port() const;
    /// Blocks until the browser's answer page has been written out (or msecs passed): for a
    /// command-line program about to exit. True when nothing is left to send.
    bool flush(int msecs);

private:
    void onConnection();
    void onRequestHead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &message);

    UrlOpener m_openUrl;
    QTcpServer m_server;
    QUrl m_redirectUri;
    QByteArray m_expectedState;
    QPointer<QTcpSocket> m_held;     ///< the browser's redirect request, awaiting completeSignIn()
    QPointer<QTcpSocket> m_answered; ///< the same, answered and closing
};

} // namespace authkit
