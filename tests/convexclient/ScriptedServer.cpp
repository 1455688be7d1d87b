#include "ScriptedServer.h"

#include <QTest>

using namespace authkit::convex;

ScriptedServer::ScriptedServer()
    : m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen: %s", qPrintable(m_server.errorString()));
    connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this); // ours to delete, with the server
            auto connection = std::make_shared<Connection>();
            connection->socket = socket;
            connection->clientHeader = socket->request().rawHeader("Convex-Client");
            connection->path = socket->requestUrl().path();
            m_connections.append(connection);
            // The lambdas share the record: the server's sockets outlive the list on shutdown.
            connect(socket, &QWebSocket::textMessageReceived, this, [connection](const QString &text) {
                QString error;
                const auto message = protocol::parseClientMessage(text.toUtf8(), &error);
                if (!message)
                    qFatal("unreadable client message: %s", qPrintable(error));
                connection->received.append(*message);
                connection->taken.append(false);
            });
            connect(socket, &QWebSocket::disconnected, this,
                    [connection] { connection->closedByClient = true; });
        }
    });
}

QUrl ScriptedServer::deploymentUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

bool ScriptedServer::waitForConnections(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return connectionCount() >= count; }, timeoutMs);
}

std::optional<protocol::ClientMessage> ScriptedServer::take(const QString &type, int timeoutMs)
{
    std::optional<protocol::ClientMessage> found;
    (void)QTest::qWaitFor(
        [&] {
            if (m_connections.isEmpty())
                return false;
            Connection &connection = last();
            for (int i = 0; i < connection.received.size(); ++i) {
                if (!connection.taken.at(i)
                    && protocol::messageType(connection.received.at(i)) == type) {
                    connection.taken[i] = true;
                    found = connection.received.at(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QStringList ScriptedServer::types(int index) const
{
    QStringList result;
    for (const auto &message : m_connections.at(index)->received)
        result.append(protocol::messageType(message));
    return result;
}

int ScriptedServer::count(int index, const QString &type) const
{
    return int(types(index).count(type));
}

void ScriptedServer::send(const protocol::ServerMessage &message)
{
    const auto frame = protocol::serialize(message);
    if (!frame)
        qFatal("cannot serialize a server message");
    sendRaw(*frame);
}

void ScriptedServer::sendRaw(const QByteArray &frame)
{
    if (last().socket)
        last().socket->sendTextMessage(QString::fromUtf8(frame));
}

protocol::Transition ScriptedServer::transition(quint32 querySet, quint32 identity, quint64 ts,
                                                const QList<protocol::StateModification> &modifications)
{
    protocol::Transition message;
    message.startVersion = last().version;
    message.endVersion = StateVersion{querySet, identity, ts};
    message.modifications = modifications;
    message.serverTs = qint64(ts);
    last().version = message.endVersion;
    send(message);
    return message;
}

void ScriptedServer::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (last().socket)
        last().socket->close(code, reason);
}
