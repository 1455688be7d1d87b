#pragma once

#include "CorsPolicy_p.h"
#include "FaultInjector_p.h"
#include "HttpConnection_p.h"
#include "HttpMessage_p.h"

#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>
#include <QTcpServer>

#include <functional>

namespace authkit::emulator {

// The HTTP core of both emulator ports (lib/emulator/README.md): our own HTTP/1.1
// reader (HttpConnection, with limits and timeouts) on a QTcpServer, a connection cap, a Host
// check against DNS rebinding, a small router and, for the Convex deployment, WebSocket
// upgrades handed over to whoever speaks the protocol. Every reply passes through one place where
// the fault injector can delay it, replace it or drop the connection.
class EmulatorHttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, const QStringList &captures)>;
    // Answers once through respond, now or later (after a JWKS fetch, say).
    using Responder = std::function<void(HttpResponse)>;
    using AsyncHandler =
        std::function<void(const HttpRequest &, const QStringList &captures, Responder respond)>;
    // The socket of an accepted upgrade, its request head unread; the callee owns it.
    using UpgradeHandler = std::function<void(QTcpSocket *socket)>;

    EmulatorHttpServer(FaultInjector &faults, HttpLimits limits, HttpConnection::Timeouts timeouts,
                       int maxConnections, QObject *parent = nullptr);

    // The port listened on, 0 when it cannot listen.
    quint16 listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    // Open connections, upgraded WebSockets included: all count against the cap.
    int connectionCount() const { return m_connections; }

    // pattern is a regular expression matched against the whole path; captures go to the
    // handler. method "*" takes every method. faultGroup names the endpoint group for fault
    // injection ("" = none).
    void addRoute(const QByteArray &method, const QString &pattern, const QString &faultGroup,
                  Handler handler);
    void addAsyncRoute(const QByteArray &method, const QString &pattern,
                       const QString &faultGroup, AsyncHandler handler);
    // GET requests with Upgrade: websocket to a path matching pattern (after the Host check).
    void setUpgradeRoute(const QString &pattern, UpgradeHandler handler);
    // The envelope of the server's own refusals (404, 405, 413, 421, 400, 408, 431, ...);
    // WorkOS's by default.
    void setErrorFormat(HttpConnection::ErrorFormat format) { m_errorFormat = std::move(format); }

    // Which browser origins may call which paths (none by default): preflights are answered
    // before routing, and every reply on those paths is decorated.
    void setCorsPolicy(CorsPolicy policy) { m_cors = std::move(policy); }

    // Called after every request was handled (the emulator saves its data folder there).
    void setAfterReply(std::function<void()> afterReply) { m_afterReply = std::move(afterReply); }

private:
    struct Route {
        QByteArray method;
        QRegularExpression pattern;
        QString faultGroup;
        AsyncHandler handler;
    };
    void acceptConnections();
    void handle(HttpConnection *connection, const HttpRequest &request);
    const Route *match(const HttpRequest &request, QStringList *captures, bool *pathKnown) const;
    // The reply a request gets, without faults.
    void dispatch(const HttpRequest &request, Responder respond) const;
    void reply(HttpConnection *connection, const HttpRequest &request, HttpResponse response) const;

    FaultInjector &m_faults;
    HttpLimits m_limits;
    HttpConnection::Timeouts m_timeouts;
    int m_maxConnections;
    int m_connections = 0;
    QTcpServer m_server;
    QList<Route> m_routes;
    QRegularExpression m_upgradePattern;
    UpgradeHandler m_upgrade;
    HttpConnection::ErrorFormat m_errorFormat;
    CorsPolicy m_cors;
    std::function<void()> m_afterReply;
};

} // namespace authkit::emulator
