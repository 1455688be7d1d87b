#pragma once

// The server side of the tests: a QWebSocketServer on 127.0.0.1:0 that records what the client
// sends and answers what the test script tells it to, keeping the Transition chain per socket.

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <optional>

class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    struct Connection
    {
        QPointer<QWebSocket> socket;
        QByteArray clientHeader;
        QString path;
        QList<authkit::convex::protocol::ClientMessage> received;
        QList<bool> taken;
        authkit::convex::StateVersion version; // the server's current version on this socket
        bool closedByClient = false;
    };

    ScriptedServer();
    QUrl deploymentUrl() const; // http://127.0.0.1:<port>

    int connectionCount() const { return int(m_connections.size()); }
    Connection &connection(int index) { return *m_connections[index]; }
    Connection &last() { return *m_connections.last(); }
    bool waitForConnections(int count, int timeoutMs = 5000);

    // The first message of that type on the last socket not taken yet, waiting for it.
    std::optional<authkit::convex::protocol::ClientMessage> take(const QString &type,
                                                                 int timeoutMs = 5000);
    template <typename T> std::optional<T> takeAs(const QString &type, int timeoutMs = 5000)
    {
        const auto message = take(type, timeoutMs);
        if (!message)
            return std::nullopt;
        if (const auto *typed = std::get_if<T>(&*message))
            return *typed;
        return std::nullopt;
    }
    QStringList types(int index) const; // what socket #index received, in order
    int count(int index, const QString &type) const;

    void send(const authkit::convex::protocol::ServerMessage &message);
    void sendRaw(const QByteArray &frame);
    // A Transition from the socket's current version to {querySet, identity, ts}.
    authkit::convex::protocol::Transition
    transition(quint32 querySet, quint32 identity, quint64 ts,
               const QList<authkit::convex::protocol::StateModification> &modifications = {});
    void close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
               const QString &reason = QString());

private:
    QWebSocketServer m_server;
    QList<std::shared_ptr<Connection>> m_connections;
};
