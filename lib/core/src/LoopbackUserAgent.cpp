#include <authkitqt/core/LoopbackUserAgent.h>

#include "Logging_p.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace authkit {

namespace {

constexpr int kMaxRequestBytes = 16 * 1024;
constexpr int kRequestTimeoutMs = 10000;

QByteArray page(int status, const QString &title, const QString &message)
{
    const QByteArray body =
        QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1"
                       "</title></head><body style=\"font-family:sans-serif;text-align:center;"
                       "margin-top:15vh\"><h1>%1</h1><p>%2</p></body></html>")
            .arg(title.toHtmlEscaped(), message.toHtmlEscaped())
            .toUtf8();
    return "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Not Found")
           + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
           + QByteArray::number(body.size())
           + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body;
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
    if (!m_openUrl || !m_openUrl(request.url()))
        Q_EMIT failed(tr("Could not open the web browser."));
}

void LoopbackUserAgent::dismiss()
{
    m_server.close();
}

void LoopbackUserAgent::endSession(const QUrl &logoutUrl)
{
    // The hosted session lives in the user's browser: end it there.
    if (m_openUrl)
        m_openUrl(logoutUrl);
}

void LoopbackUserAgent::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, &QTcpSocket::abort);
        timeout->start(kRequestTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxRequestBytes) {
                socket->abort();
                return;
            }
            const QByteArray head = socket->peek(kMaxRequestBytes);
            if (!head.contains("\r\n\r\n"))
                return; // wait for the whole request head
            const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
            socket->readAll();
            if (requestLine.size() != 3 || requestLine.at(0) != "GET"
                || !requestLine.at(1).startsWith('/')) {
                socket->write(page(404, tr("Not found"), QString()));
                socket->disconnectFromHost();
                return;
            }
            QUrl url = m_redirectUri;
            const QByteArray target = requestLine.at(1);
            const int question = target.indexOf('?');
            url.setPath(QString::fromUtf8(QByteArray::fromPercentEncoding(
                question < 0 ? target : target.left(question))));
            url.setQuery(question < 0 ? QString() : QString::fromLatin1(target.mid(question + 1)),
                         QUrl::TolerantMode);
            if (url.path() != m_redirectUri.path()) {
                socket->write(page(404, tr("Not found"), QString()));
                socket->disconnectFromHost();
                return;
            }
            const bool isError = QUrlQuery(url).hasQueryItem(QStringLiteral("error"));
            socket->write(isError ? page(200, tr("Sign-in did not complete"),
                                         tr("Return to the application for details."))
                                  : page(200, tr("You are signed in"),
                                         tr("You can close this tab and return to the "
                                            "application.")));
            socket->disconnectFromHost();
            Q_EMIT redirectReceived(url);
        });
    }
}

} // namespace authkit
