#pragma once

#include "FaultInjector_p.h"
#include "HttpMessage_p.h"

#include <QAbstractHttpServer>
#include <QRegularExpression>

#include <functional>

namespace authkit::emulator {

// Qt HttpServer underneath, with our own small router: every reply passes through one place where
// the fault injector can delay it, replace it or drop the connection.
class EmulatorHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, const QStringList &captures)>;

    EmulatorHttpServer(FaultInjector &faults, QObject *parent = nullptr);

    // pattern is a regular expression matched against the whole path; captures go to the
    // handler. faultGroup names the endpoint group for fault injection ("" = none).
    void addRoute(const QByteArray &method, const QString &pattern, const QString &faultGroup,
                  Handler handler);

    // Called after every reply is written (the emulator saves its data folder there).
    void setAfterReply(std::function<void()> afterReply) { m_afterReply = std::move(afterReply); }

    // The reply a request gets, without faults: tests of the routing use it directly.
    HttpResponse dispatch(const HttpRequest &request) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        QString faultGroup;
        Handler handler;
    };
    const Route *match(const HttpRequest &request, QStringList *captures, bool *pathKnown) const;
    void reply(QTcpSocket *socket, const HttpRequest &request, HttpResponse response) const;

    FaultInjector &m_faults;
    QList<Route> m_routes;
    std::function<void()> m_afterReply;
};

} // namespace authkit::emulator
