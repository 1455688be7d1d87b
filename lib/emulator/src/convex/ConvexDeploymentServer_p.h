#pragma once

#include "ConvexDatabase_p.h"
#include "ConvexFunctions_p.h"
#include "ConvexTokenValidator_p.h"
#include "EmulatorHttpServer_p.h"

#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QWebSocketServer>

#include <functional>
#include <memory>

namespace authkit::emulator {

class ConvexSyncSession;

// The HTTP settings of a port: what EmulatorHttpServer enforces (lib/emulator/README.md,
// "Limits").
struct HttpPortSettings
{
    HttpLimits limits;
    HttpConnection::Timeouts timeouts;
    int maxConnections = 64;
};

// The emulated Convex deployment on its own port (lib/emulator/README.md): the HTTP
// API (/api/query, /api/mutation, /api/action, ...) and the sync protocol over WebSocket at
// /api/sync and /api/<version>/sync, one ConvexSyncSession per socket. Both go through the same
// HTTP core as the AuthKit port (EmulatorHttpServer): limits, timeouts, connection cap, Host
// check and the fault group "convex" for the function API.
class ConvexDeploymentServer : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // Unix seconds, for token expiry

    ConvexDeploymentServer(std::unique_ptr<ConvexDatabase> database,
                           ConvexTokenValidator validator, Clock clock, FaultInjector &faults,
                           HttpPortSettings http, QObject *parent = nullptr);
    ~ConvexDeploymentServer() override;

    // The port listened on, 0 when it cannot listen.
    quint16 listen(const QHostAddress &address, quint16 port);

    ConvexFunctions &functions() { return m_functions; }
    ConvexDatabase &database() { return *m_database; }
    ConvexTokenValidator &validator() { return m_validator; }
    qint64 nowSecs() const { return m_clock(); }
    int heartbeatMs() const { return m_heartbeatMs; }
    void setHeartbeatMs(int milliseconds) { m_heartbeatMs = milliseconds; }

    // Mutation answers by (sessionId, requestId), so a replay after a reconnect is applied once.
    std::optional<QByteArray> mutationAnswer(const QString &sessionId, quint32 requestId) const;
    void rememberMutationAnswer(const QString &sessionId, quint32 requestId,
                                const QByteArray &answer);

    // A write committed: every socket whose queries read one of the tables re-runs them.
    void notifyCommitted(const QSet<QString> &tables);

    // The @convex-dev/workos-authkit component's webhook (POST /workos/webhook): events signed
    // with this secret (WorkOS-Signature) keep the WorkOS users table in sync. Without a
    // secret the route refuses everything.
    void setWorkOsWebhookSecret(const QByteArray &secret) { m_workOsWebhookSecret = secret; }
    // Verifies a delivery as the route does and applies it. The HTTP status of the answer: 200,
    // 401 for a missing, wrong or stale signature, 400 for a signed body that is no event;
    // *error says why when it is not 200.
    int acceptWorkOsWebhook(const QByteArray &body, const QByteArray &signatureHeader,
                            QString *error);
    // How far a signature's timestamp may be from now, as @workos-inc/node's default.
    static constexpr qint64 kWebhookToleranceMs = 180000;

    // The function API (/api/query, ...) once the caller's token can be checked.
    HttpResponse functionRequest(const HttpRequest &request);

private:
    void addRoutes();
    void acceptWebSockets();
    // kind nullopt: whatever the path is defined as (/api/function, /api/run). defaultFormat is
    // the format when the body names none.
    HttpResponse controlRequest(const HttpRequest &request);
    HttpResponse runFunction(const HttpRequest &request, std::optional<ConvexFunctions::Kind> kind,
                             const QString &forcedPath = QString(),
                             const QString &defaultFormat = QStringLiteral("json"));

    EmulatorHttpServer m_http;
    QWebSocketServer m_webSockets;
    std::unique_ptr<ConvexDatabase> m_database;
    ConvexFunctions m_functions;
    ConvexTokenValidator m_validator;
    Clock m_clock;
    int m_heartbeatMs = 15000; // HEARTBEAT_INTERVAL of the backend's sync worker
    QList<QPointer<ConvexSyncSession>> m_sessions;
    QHash<QString, QMap<quint32, QByteArray>> m_mutationAnswers;
    QByteArray m_workOsWebhookSecret;
};

} // namespace authkit::emulator
