#pragma once

#include "ConvexTokenValidator_p.h"

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/StateVersion.h>

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

QT_FORWARD_DECLARE_CLASS(QWebSocket)

namespace authkit::emulator {

class ConvexDeploymentServer;

// The sync worker of one WebSocket (lib/emulator/README.md, "Convex deployment"): query set and identity versions,
// Transitions chained from {0,0,0}, mutations one at a time and deduplicated, Authenticate
// checked as the HTTP API checks them, AuthError / FatalError then close, a Ping after 15 s of silence.
class ConvexSyncSession : public QObject
{
    Q_OBJECT
public:
    ConvexSyncSession(std::unique_ptr<QWebSocket> socket, ConvexDeploymentServer &deployment,
                      QObject *parent = nullptr);
    ~ConvexSyncSession() override;

    // Another write committed: re-run the queries if they read one of these tables.
    void tablesChanged(const QSet<QString> &tables);

    // Test knobs (the deployment's /_emulator/ routes): close the socket as the server would on
    // an internal error, or end it with an AuthError.
    void drop(int code, const QString &reason) { closeWith(code, reason); }
    void sendAuthError(const QString &error, bool authUpdateAttempted)
    {
        authFailed(error, authUpdateAttempted);
    }
    bool isAuthenticated() const { return m_identity.has_value(); }

private:
    struct Query
    {
        QString udfPath;
        convex::ConvexValue args;
        QByteArray lastResult; // what the client holds; empty until sent
        QSet<QString> readTables;
    };

    void receive(const QString &text);
    void handle(const convex::protocol::Connect &message);
    void handle(const convex::protocol::ModifyQuerySet &message);
    void handle(const convex::protocol::Mutation &message);
    void handle(const convex::protocol::Action &message);
    void handle(const convex::protocol::Authenticate &message);
    void process(const QString &text);
    void authenticated(const ConvexTokenCheck &check);
    void handle(const convex::protocol::Event &) {}

    void scheduleUpdate(bool forceTransition);
    void update();
    bool identityExpired() const;
    void armExpiryTimer();

    void send(const convex::protocol::ServerMessage &message);
    void sendRaw(const QByteArray &frame);
    void fatal(const QString &error);
    void authFailed(const QString &error, bool authUpdateAttempted);
    void closeWith(int code, const QString &reason);

    std::unique_ptr<QWebSocket> m_socket;
    ConvexDeploymentServer &m_deployment;
    QString m_sessionId;
    std::optional<qint64> m_clockSkewMs;
    quint32 m_receivedQuerySet = 0;
    quint32 m_receivedIdentity = 0;
    convex::StateVersion m_current; // what the last Transition ended at
    std::optional<ConvexIdentity> m_identity;
    bool m_identityChanged = false;
    QMap<quint32, Query> m_queries;
    QList<quint32> m_removed;
    bool m_updateScheduled = false;
    bool m_forceTransition = false;
    bool m_closing = false;
    // While a token's key set is fetched, later messages wait here, in order.
    bool m_awaitingKeys = false;
    QStringList m_backlog;
    QTimer m_heartbeat;
    QTimer m_expiry;
};

} // namespace authkit::emulator
