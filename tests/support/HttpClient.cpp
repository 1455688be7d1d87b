#include "HttpClient.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

namespace authkit::testsupport {

HttpClient::HttpClient(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    resetCookies();
}

HttpResult HttpClient::get(const QUrl &url, const HeaderList &headers)
{
    return run("GET", url, {}, headers);
}

HttpResult HttpClient::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                            const HeaderList &headers)
{
    HeaderList all = headers;
    all.prepend({"Content-Type", contentType});
    return run("POST", url, body, all);
}

HttpResult HttpClient::postJson(const QUrl &url, const QJsonObject &body)
{
    return post(url, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult HttpClient::postForm(const QUrl &url, const QueryItems &fields)
{
    return post(url, formEncode(fields), "application/x-www-form-urlencoded");
}

HttpResult HttpClient::deleteResource(const QUrl &url)
{
    return run("DELETE", url, {}, {});
}

HttpResult HttpClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                            const HeaderList &headers)
{
    return run(method, url, body, headers);
}

void HttpClient::resetCookies()
{
    // The manager deletes the jar it owned before.
    m_manager.setCookieJar(new QNetworkCookieJar(&m_manager));
}

QString HttpClient::cookie(const QUrl &url, const QString &name) const
{
    const QList<QNetworkCookie> cookies = m_manager.cookieJar()->cookiesForUrl(url);
    for (const QNetworkCookie &cookie : cookies) {
        if (QString::fromLatin1(cookie.name()) == name)
            return QString::fromLatin1(cookie.value());
    }
    return {};
}

QNetworkCookieJar *HttpClient::cookieJar() const
{
    return m_manager.cookieJar();
}

HttpResult HttpClient::run(const QByteArray &method, const QUrl &url, const QByteArray &body,
                           const HeaderList &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QBuffer *upload = nullptr;
    QNetworkReply *reply = nullptr;
    if (method == "GET" && body.isEmpty()) {
        reply = m_manager.get(request);
    } else if (method == "POST") {
        reply = m_manager.post(request, body);
    } else if (method == "DELETE" && body.isEmpty()) {
        reply = m_manager.deleteResource(request);
    } else {
        upload = new QBuffer;
        upload->setData(body);
        upload->open(QIODevice::ReadOnly);
        reply = m_manager.sendCustomRequest(request, method, upload);
        upload->setParent(reply);
    }

    HttpResult result;
    QElapsedTimer elapsed;
    elapsed.start();
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    result.elapsedMs = elapsed.elapsed();
    if (!reply->isFinished()) {
        result.timedOut = true;
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    delete reply;
    return result;
}

HttpClient::RawExchange HttpClient::rawExchange(quint16 port, const QByteArray &request,
                                                int timeoutMs)
{
    RawExchange result;
    QTcpSocket socket;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        result.timedOut = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        result.connected = true;
        socket.write(request);
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop,
                     [&] { result.received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        result.received += socket.readAll();
        result.closedByPeer = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop,
                     [&](QAbstractSocket::SocketError error) {
                         if (error == QAbstractSocket::RemoteHostClosedError)
                             result.closedByPeer = true;
                         result.received += socket.readAll();
                         loop.quit();
                     });
    timeout.start(timeoutMs);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    socket.abort();
    return result;
}

} // namespace authkit::testsupport
