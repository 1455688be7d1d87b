#include "EmulatorHttpServer_p.h"

#include "EmulatorState_p.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace authkit::emulator {

namespace {
constexpr int kMaxBodyBytes = 1024 * 1024;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}
} // namespace

EmulatorHttpServer::EmulatorHttpServer(FaultInjector &faults, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_faults(faults)
{
}

void EmulatorHttpServer::addRoute(const QByteArray &method, const QString &pattern,
                                  const QString &faultGroup, Handler handler)
{
    m_routes.append(Route{method, QRegularExpression(QRegularExpression::anchoredPattern(pattern)),
                          faultGroup, std::move(handler)});
}

const EmulatorHttpServer::Route *EmulatorHttpServer::match(const HttpRequest &request,
                                                           QStringList *captures,
                                                           bool *pathKnown) const
{
    *pathKnown = false;
    const QString path = request.path();
    for (const Route &route : m_routes) {
        const auto result = route.pattern.match(path);
        if (!result.hasMatch())
            continue;
        *pathKnown = true;
        if (route.method != request.method
            && !(route.method == "GET" && request.method == "HEAD"))
            continue;
        *captures = result.capturedTexts().mid(1);
        return &route;
    }
    return nullptr;
}

HttpResponse EmulatorHttpServer::dispatch(const HttpRequest &request) const
{
    if (request.body.size() > kMaxBodyBytes)
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

bool EmulatorHttpServer::handleRequest(const QHttpServerRequest &serverRequest, QTcpSocket *socket)
{
    HttpRequest request;
    request.method = methodName(serverRequest.method());
    request.url = serverRequest.url();
    request.headers = serverRequest.headers();
    request.body = serverRequest.body();

    QStringList captures;
    bool pathKnown = false;
    const Route *route = match(request, &captures, &pathKnown);
    std::optional<Fault> fault;
    if (route && !route->faultGroup.isEmpty())
        fault = m_faults.take(route->faultGroup);

    if (!fault) {
        reply(socket, request, dispatch(request));
        return true;
    }
    qCInfo(lcEmulator).noquote() << "injecting a fault into" << request.method << request.path();
    switch (fault->action) {
    case Fault::Action::Drop:
        socket->abort();
        return true;
    case Fault::Action::Respond: {
        HttpResponse response = HttpResponse::text(fault->status, fault->body, fault->contentType);
        response.headers.append(fault->headers);
        reply(socket, request, response);
        return true;
    }
    case Fault::Action::Delay: {
        // The reply is worked out when the delay ends, so it reflects the state at that time.
        QTimer::singleShot(fault->delayMs, this,
                           [this, guard = QPointer<QTcpSocket>(socket), request, fault] {
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
        return true;
    }
    }
    return true;
}

void EmulatorHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    HttpRequest request;
    reply(socket, request, messageError(404, QStringLiteral("Not found.")));
}

void EmulatorHttpServer::reply(QTcpSocket *socket, const HttpRequest &request,
                               HttpResponse response) const
{
    if (response.header("X-Request-ID").isEmpty())
        response.headers.append({"X-Request-ID", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    if (request.method == "HEAD")
        response.body.clear();
    const bool close = request.header("connection").toLower() == "close";
    socket->write(response.serialize(close));
    if (close)
        socket->disconnectFromHost();
    if (m_afterReply)
        m_afterReply();
}

} // namespace authkit::emulator
