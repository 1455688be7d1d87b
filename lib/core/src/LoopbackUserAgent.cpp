#include <authkitqt/core/LoopbackUserAgent.h>

#include "Logging_p.h"

#include <authkitqt/core/Pkce.h>

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace authkit {

namespace {

QByteArray page(int status, const QString &title, const QString &message)
{
    const QByteArray body =
        QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1"
                       "</title></head><body style=\"font-family:sans-serif;text-align:center;"
                       "margin-top:15vh\"><h1>%1</h1><p>%2</p></body></html>")
            .arg(title.toHtmlEscaped(), message.toHtmlEscaped())
            .toUtf8();
    QByteArray reason = "OK";
    if (status == 404)
        reason = "Not Found";
    else if (status == 405)
        reason = "Method Not Allowed";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
           + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
           + QByteArray::number(body.size())
           + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Frame-Options: "
             "DENY\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'"
             "\r\nConnection: close\r\n\r\n"
           + body;
}

} // namespace

LoopbackUserAgent::LoopbackUserAgent(UrlOpener openUrl, QObject *parent)
    : UserAgent(parent)
    , m_openUrl(std::move(openUrl))
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackUserAgent::onConnection);
}

LoopbackUserAgent::~LoopbackUserAgent() = default;

quint16 LoopbackUserAgent::port() const
{
    return m_server.isListening() ? m_server.serverPort() : 0;
}

QUrl LoopbackUserAgent::prepareRedirectUri(const QUrl &configured)
{
    // RFC 8252 §8.3: the loopback IP literal, an OS-chosen port, open only for this sign-in.
    if (!m_server.isListening() && !m_server.listen(QHostAddress::LocalHost, 0)) {
        qCWarning(lcSession).noquote() << "cannot listen on 127.0.0.1:" << m_server.errorString();
        return {};
    }
    QUrl uri;
    uri.setScheme(QStringLiteral("http"));
    uri.setHost(QStringLiteral("127.0.0.1"));
    uri.setPort(m_server.serverPort());
    const QString path = configured.path();
    uri.setPath(path.isEmpty() ? QStringLiteral("/callback") : path);
    m_redirectUri = uri;
    return uri;
}

void LoopbackUserAgent::present(const AuthorizationRequest &request)
{
    m_expectedState = request.state().toUtf8();
    if (!m_openUrl || !m_openUrl(request.url()))
        Q_EMIT failed(tr("Could not open the web browser."));
}

void LoopbackUserAgent::dismiss()
{
    m_server.close();
    m_expectedState.clear();
    if (m_held && m_held->bytesToWrite() == 0
        && m_held->state() == QAbstractSocket::ConnectedState) {
        // Dismissed with the browser still waiting and nothing said: do not leave it hanging.
        answer(m_held, 200, tr("Sign-in did not complete"),
               tr("Return to the application for details."));
    }
}

void LoopbackUserAgent::endSession(const QUrl &logoutUrl)
{
    // The hosted session lives in the user's browser: end it there.
    if (m_openUrl)
        m_openUrl(logoutUrl);
}

void LoopbackUserAgent::completeSignIn(bool ok, const QString &message)
{
    if (!m_held)
        return;
    if (ok) {
        answer(m_held, 200, tr("You are signed in"),
               tr("You can close this tab and return to the application."));
    } else if (message.isEmpty()) {
        answer(m_held, 200, tr("Sign-in was cancelled"),
               tr("You can close this tab and return to the application."));
    } else {
        answer(m_held, 200, tr("Sign-in did not complete"), message);
    }
}

bool LoopbackUserAgent::flush(int msecs)
{
    // Written to the kernel is enough: it delivers the page even after this process is gone.
    while (m_answered && m_answered->state() != QAbstractSocket::UnconnectedState
           && m_answered->bytesToWrite() > 0) {
        if (!m_answered->waitForBytesWritten(msecs))
            return false;
    }
    return true;
}

void LoopbackUserAgent::answer(QTcpSocket *socket, int status, const QString &title,
                               const QString &message)
{
    if (socket == m_held) {
        m_held.clear();
        m_answered = socket;
    }
    socket->write(page(status, title, message));
    socket->disconnectFromHost(); // flushes what was written, then closes
}

void LoopbackUserAgent::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *timeout = new QTimer(socket);
        timeout->setObjectName(QStringLiteral("requestTimeout"));
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, &QTcpSocket::abort);
        timeout->start(kRequestTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequestHead(socket); });
    }
}

void LoopbackUserAgent::onRequestHead(QTcpSocket *socket)
{
    if (socket == m_held)
        return; // already answered below; the browser has nothing more to say
    if (socket->bytesAvailable() > kMaxRequestBytes) {
        socket->abort();
        return;
    }
    const QByteArray head = socket->peek(kMaxRequestBytes);
    if (!head.contains("\r\n\r\n"))
        return; // wait for the whole request head (the timeout ends a slow one)
    socket->readAll();
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        socket->abort();
        return;
    }
    const QByteArray &method = requestLine.at(0);
    const QByteArray &target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    // The exact path as registered, compared undecoded: "/%63allback" and "/callback/" are not it.
    const bool ourPath = rawPath == m_redirectUri.path(QUrl::FullyEncoded).toUtf8();
    const QUrlQuery query(
        QString::fromLatin1(question < 0 ? QByteArray() : target.mid(question + 1)));
    const QByteArray state =
        query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    const bool ourAttempt =
        !m_expectedState.isEmpty()
        && pkce::constantTimeEquals(QByteArrayView(state), QByteArrayView(m_expectedState));
    if (!ourPath || !ourAttempt) {
        // Anything not carrying this attempt (another path, a forged or missing state, a probe
        // from another local process) leaves the sign-in running.
        qCInfo(lcSession) << "loopback listener: ignored a request that is not this sign-in's";
        answer(socket, 404, tr("Not found"), QString());
        return;
    }
    if (method != "GET") {
        answer(socket, 405, tr("Method not allowed"), QString());
        return;
    }
    // Held open until the exchange and the token checks have finished (completeSignIn).
    m_held = socket;
    if (auto *timeout = socket->findChild<QTimer *>(QStringLiteral("requestTimeout")))
        timeout->start(kAnswerTimeoutMs);
    QUrl url = m_redirectUri;
    url.setQuery(query);
    m_expectedState.clear(); // one redirect per attempt
    Q_EMIT redirectReceived(url);
}

} // namespace authkit
