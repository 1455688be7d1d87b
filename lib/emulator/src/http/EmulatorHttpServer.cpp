#include "EmulatorHttpServer_p.h"

#include "EmulatorLog_p.h"
#include "LoopbackHost_p.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

namespace authkit::emulator {

EmulatorHttpServer::EmulatorHttpServer(FaultInjector &faults, HttpLimits limits,
                                       HttpConnection::Timeouts timeouts, int maxConnections,
                                       QObject *parent)
    : QObject(parent)
    , m_faults(faults)
    , m_limits(limits)
    , m_timeouts(timeouts)
    , m_maxConnections(maxConnections)
    , m_errorFormat([](int status, const QString &message) {
        return status == 413 ? oauthError(413, QStringLiteral("invalid_request"), message)
                             : messageError(status, message);
    }) {
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
        connection->setErrorFormat(m_errorFormat);
        connection->setUpgradesAllowed(bool(m_upgrade));
        connect(connection, &HttpConnection::requestReceived, this, &EmulatorHttpServer::handle);
        connect(connection, &HttpConnection::finished, this, [this](HttpConnection *closed) {
            --m_connections;
            closed->deleteLater();
        });
    }
}

void EmulatorHttpServer::addRoute(const QByteArray &method, const QString &pattern,
                                  const QString &faultGroup, Handler handler) {
    addAsyncRoute(method, pattern, faultGroup,
                  [handler = std::move(handler)](const HttpRequest &request,
                                                 const QStringList &captures, Responder respond) {
                      respond(handler(request, captures));
                  });
}

void EmulatorHttpServer::addAsyncRoute(const QByteArray &method, const QString &pattern,
                                       const QString &faultGroup, AsyncHandler handler) {
    m_routes.append(Route{method, QRegularExpression(QRegularExpression::anchoredPattern(pattern)),
                          faultGroup, std::move(handler)});
}

void EmulatorHttpServer::setUpgradeRoute(const QString &pattern, UpgradeHandler handler) {
    m_upgradePattern = QRegularExpression(QRegularExpression::anchoredPattern(pattern));
    m_upgrade = std::move(handler);
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
        if (route.method != "*" && route.method != request.method
            && !(route.method == "GET" && request.method == "HEAD"))
            continue;
        *captures = result.capturedTexts().mid(1);
        return &route;
    }
    return nullptr;
}

void EmulatorHttpServer::dispatch(const HttpRequest &request, Responder respond) const {
    if (request.body.size() > m_limits.maxBodyBytes) {
        respond(m_errorFormat(413, QStringLiteral("The request body is too large.")));
        return;
    }
    QStringList captures;
    bool pathKnown = false;
    const Route *route = match(request, &captures, &pathKnown);
    if (!route) {
        respond(pathKnown ? m_errorFormat(405, QStringLiteral("Method not allowed."))
                          : m_errorFormat(404, QStringLiteral("Not found.")));
        return;
    }
    route->handler(request, captures, std::move(respond));
}

void EmulatorHttpServer::handle(HttpConnection *connection, const HttpRequest &request) {
    const QByteArray host = request.header("host");
    if (!LoopbackHost::accepts(host, m_server.serverPort())) {
        const QString port = QString::number(m_server.serverPort());
        reply(connection, request,
              m_errorFormat(421, QStringLiteral("This emulator answers only to 127.0.0.1:%1, "
                                                "localhost:%1 and [::1]:%1, not to \"%2\" (a guard "
                                                "against DNS rebinding).")
                                     .arg(port, QString::fromLatin1(host.left(256)))));
        return;
    }
    if (m_cors.isPreflight(request)) {
        // Answered here, before routing: no route knows OPTIONS, and faults target real calls.
        reply(connection, request, m_cors.preflightResponse(request));
        return;
    }
    if (m_upgrade && request.method == "GET" && m_upgradePattern.match(request.path()).hasMatch()
        && request.header("upgrade").toLower().contains("websocket")) {
        if (QTcpSocket *socket = connection->upgrade()) {
            // Still counted: released when the WebSocket's socket closes or goes.
            ++m_connections;
            auto release = [this, released = std::make_shared<bool>(false)] {
                if (!std::exchange(*released, true))
                    --m_connections;
            };
            connect(socket, &QAbstractSocket::disconnected, this, release);
            connect(socket, &QObject::destroyed, this, release);
            m_upgrade(socket);
            return;
        }
    }
    QStringList captures;
    bool pathKnown = false;
    const Route *route = match(request, &captures, &pathKnown);
    std::optional<Fault> fault;
    if (route && !route->faultGroup.isEmpty())
        fault = m_faults.take(route->faultGroup);

    const QPointer<HttpConnection> guard(connection);
    if (!fault) {
        dispatch(request, [this, guard, request](HttpResponse response) {
            if (guard)
                reply(guard, request, std::move(response));
        });
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
        dispatch(request, [this, guard](HttpResponse) {
            if (m_afterReply)
                m_afterReply();
            if (guard)
                guard->drop();
        });
        return;
    case Fault::Action::Respond: {
        HttpResponse response = HttpResponse::text(fault->status, fault->body, fault->contentType);
        response.headers.append(fault->headers);
        reply(connection, request, response);
        return;
    }
    case Fault::Action::Delay: {
        // The reply is worked out when the delay ends, so it reflects the state at that time.
        QTimer::singleShot(fault->delayMs, this, [this, guard, request, fault] {
            if (!guard)
                return;
            if (fault->status != 0) {
                HttpResponse response =
                    HttpResponse::text(fault->status, fault->body, fault->contentType);
                response.headers.append(fault->headers);
                reply(guard, request, response);
                return;
            }
            dispatch(request, [this, guard, request](HttpResponse response) {
                if (guard)
                    reply(guard, request, std::move(response));
            });
        });
        return;
    }
    }
}

void EmulatorHttpServer::reply(HttpConnection *connection, const HttpRequest &request,
                               HttpResponse response) const {
    if (request.method == "HEAD")
        response.body.clear();
    m_cors.decorate(request, response);
    connection->reply(std::move(response));
    if (m_afterReply)
        m_afterReply();
}

} // namespace authkit::emulator
