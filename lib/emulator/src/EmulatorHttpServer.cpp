#include "EmulatorHttpServer_p.h"

#include "EmulatorState_p.h"
#include "LoopbackHost_p.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace authkit::emulator {

EmulatorHttpServer::EmulatorHttpServer(FaultInjector &faults, HttpLimits limits,
                                       HttpConnection::Timeouts timeouts, int maxConnections,
                                       QObject *parent)
    : QObject(parent)
    , m_faults(faults)
    , m_limits(limits)
    , m_timeouts(timeouts)
    , m_maxConnections(maxConnections) {
    connect(&m_server, &QTcpServer::newConnection, this, &EmulatorHttpServer::acceptConnections);
}

quint16 EmulatorHttpServer::listen(const QHostAddress &address, quint16 port) {
    return m_server.listen(address, port) ? m_server.serverPort() : 0;
}

void EmulatorHttpServer::acceptConnections() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections >= m_maxConnections) {
            // Every connection costs memory; past the cap a client gets none.
            qCWarning(lcEmulator) << "connection refused: already" << m_connections << "open";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        auto *connection = new HttpConnection(socket, m_limits, m_timeouts, this);
        connect(connection, &HttpConnection::requestReceived, this, &EmulatorHttpServer::handle);
        connect(connection, &HttpConnection::finished, this, [this](HttpConnection *closed) {
            --m_connections;
            closed->deleteLater();
        });
    }
}

void EmulatorHttpServer::addRoute(const QByteArray &method, const QString &pattern,
                                  const QString &faultGroup, Handler handler) {
    m_routes.append(Route{method, QRegularExpression(QRegularExpression::anchoredPattern(pattern)),
                          faultGroup, std::move(handler)});
}

const EmulatorHttpServer::Route *EmulatorHttpServer::match(const HttpRequest &request,
                                                           QStringList *captures,
                                                           bool *pathKnown) const {
    *pathKnown = false;
    const QString path = request.path();
    for (const Route &route : m_routes) {
        const auto result = route.pattern.match(path);
        if (!result.hasMatch())
            continue;
        *pathKnown = true;
        if (route.method != request.method && !(route.method == "GET" && request.method == "HEAD"))
            continue;
        *captures = result.capturedTexts().mid(1);
        return &route;
    }
    return nullptr;
}

HttpResponse EmulatorHttpServer::dispatch(const HttpRequest &request) const {
    if (request.body.size() > m_limits.maxBodyBytes)
        return oauthError(413, QStringLiteral("invalid_request"),
                          QStringLiteral("The request body is too large."));
    QStringList captures;
    bool pathKnown = false;
    const Route *route = match(request, &captures, &pathKnown);
    if (!route)
        return pathKnown ? messageError(405, QStringLiteral("Method not allowed."))
                         : messageError(404, QStringLiteral("Not found."));
    return route->handler(request, captures);
}

void EmulatorHttpServer::handle(HttpConnection *connection, const HttpRequest &request) {
    const QByteArray host = request.header("host");
    if (!LoopbackHost::accepts(host, m_server.serverPort())) {
        const QString port = QString::number(m_server.serverPort());
        reply(connection, request,
              messageError(421, QStringLiteral("This emulator answers only to 127.0.0.1:%1, "
                                               "localhost:%1 and [::1]:%1, not to \"%2\" (a guard "
                                               "against DNS rebinding).")
                                    .arg(port, QString::fromLatin1(host.left(256)))));
        return;
    }
    QStringList captures;
    bool pathKnown = false;
    const Route *route = match(request, &captures, &pathKnown);
    std::optional<Fault> fault;
    if (route && !route->faultGroup.isEmpty())
        fault = m_faults.take(route->faultGroup);

    if (!fault) {
        reply(connection, request, dispatch(request));
        return;
    }
    qCInfo(lcEmulator).noquote() << "injecting a fault into" << request.method << request.path();
    switch (fault->action) {
    case Fault::Action::Drop:
        connection->drop();
        return;
    case Fault::Action::DropAfterCommit:
        // The request takes full effect (a refresh token is spent and its successor stored),
        // and the client never learns the outcome.
        dispatch(request);
        if (m_afterReply)
            m_afterReply();
        connection->drop();
        return;
    case Fault::Action::Respond: {
        HttpResponse response = HttpResponse::text(fault->status, fault->body, fault->contentType);
        response.headers.append(fault->headers);
        reply(connection, request, response);
        return;
    }
    case Fault::Action::Delay: {
        // The reply is worked out when the delay ends, so it reflects the state at that time.
        QTimer::singleShot(fault->delayMs, this,
                           [this, guard = QPointer<HttpConnection>(connection), request, fault] {
                               if (!guard)
                                   return;
                               HttpResponse response;
                               if (fault->status != 0) {
                                   response = HttpResponse::text(fault->status, fault->body,
                                                                 fault->contentType);
                                   response.headers.append(fault->headers);
                               } else {
                                   response = dispatch(request);
                               }
                               reply(guard, request, response);
                           });
        return;
    }
    }
}

void EmulatorHttpServer::reply(HttpConnection *connection, const HttpRequest &request,
                               HttpResponse response) const {
    if (request.method == "HEAD")
        response.body.clear();
    connection->reply(std::move(response));
    if (m_afterReply)
        m_afterReply();
}

} // namespace authkit::emulator
