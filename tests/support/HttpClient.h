#pragma once

#include "FormEncoding.h"
#include "HttpResult.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

class QNetworkCookieJar;

namespace authkit::testsupport {

// A synchronous HTTP client for tests, over QNetworkAccessManager. It never follows redirects (the
// tests assert on the 302s themselves), keeps cookies like a browser in a jar that resetCookies()
// empties, never uses a proxy, and gives up after a bounded timeout. While it waits it runs the
// event loop, so an emulator in the same thread keeps serving.
class HttpClient
{
public:
    explicit HttpClient(int timeoutMs = 10000);

    HttpResult get(const QUrl &url, const HeaderList &headers = {});
    HttpResult post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                    const HeaderList &headers = {});
    HttpResult postJson(const QUrl &url, const QJsonObject &body);
    HttpResult postForm(const QUrl &url, const QueryItems &fields);
    HttpResult deleteResource(const QUrl &url);
    // Any method, e.g. PUT or PATCH.
    HttpResult send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                    const HeaderList &headers = {});

    void resetCookies();
    // The value of the named cookie the jar would send to url; null if none.
    QString cookie(const QUrl &url, const QString &name) const;
    QNetworkCookieJar *cookieJar() const;

    void setTimeout(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // Writes raw bytes to 127.0.0.1:port and collects what comes back until the peer closes the
    // connection or timeoutMs pass. For replies a well-behaved client would retry or hide.
    struct RawExchange
    {
        QByteArray received;
        bool connected = false;
        bool closedByPeer = false;
        bool timedOut = false;
    };
    static RawExchange rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 5000);

private:
    HttpResult run(const QByteArray &method, const QUrl &url, const QByteArray &body,
                   const HeaderList &headers);

    QNetworkAccessManager m_manager;
    int m_timeoutMs;
};

} // namespace authkit::testsupport
