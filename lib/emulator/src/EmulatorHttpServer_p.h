#pragma once

#include "FaultInjector_p.h"
#include "HttpConnection_p.h"
#include "HttpMessage_p.h"

#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>
#include <QTcpServer>

#include <functional>

namespace authkit::emulator {

// The AuthKit port: our own HTTP/1.1 reader (HttpConnection, with limits and timeouts) on a
// QTcpServer, a Host check against DNS rebinding, and a small router. Every reply passes through
// one place where the fault injector can delay it, replace it or drop the connection.
class EmulatorHttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, const QStringList &captures)>;

    EmulatorHttpServer(FaultInjector &faults, HttpLimits limits, HttpConnection::Timeouts timeouts,
                       int maxConnections, QObject *parent = nullptr);

    // The port listened on, 0 when it cannot listen.
    quint16 listen(const QHostAddress &address, quint16 port);
    int connectionCount() const { return m_connections; }

    // pattern is a regular expression matched against the whole path; captures go to the
    // handler. faultGroup names the endpoint group for fault injection ("" = none).
    void addRoute(const QByteArray &method, const QString &pattern, const QString &faultGroup,
                  Handler handler);

    // Called after every request was handled (the emulator saves its data folder there).
    void setAfterReply(std::function<void()> afterReply) { m_afterReply = std::move(afterReply); }

    // The reply a request gets, without faults: tests of the routing use it directly.
    HttpResponse dispatch(const HttpRequest &request) const;

private:
    struct Route {
        QByteArray method;
        QRegularExpression pattern;
        QString faultGroup;
        Handler handler;
    };
    void acceptConnections();
    void handle(HttpConnection *connection, const HttpRequest &request);
    const Route *match(const HttpRequest &request, QStringList *captures, bool *pathKnown) const;
    void reply(HttpConnection *connection, const HttpRequest &request, HttpResponse response) const;

    FaultInjector &m_faults;
    HttpLimits m_limits;
    HttpConnection::Timeouts m_timeouts;
    int m_maxConnections;
    int m_connections = 0;
    QTcpServer m_server;
    QList<Route> m_routes;
    std::function<void()> m_afterReply;
};

} // namespace authkit::emulator
