#pragma once

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/StateVersion.h>

#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace authkit::convexdeployment::tests {

// A raw QWebSocket speaking the sync protocol through the protocol structs, for tests: every
// server frame is parsed and queued; waiting runs the event loop, so an in-process emulator
// keeps serving. Transitions are checked to chain from the version this socket holds.
class SyncTestSocket : public QObject
{
    Q_OBJECT
public:
    explicit SyncTestSocket(QObject *parent = nullptr);

    // ws://127.0.0.1:<port><path>, waiting for the handshake.
    bool open(const QUrl &deploymentUrl, const QString &path = QStringLiteral("/api/sync"));
    // open(), then Connect and an empty query set: true once the deployment answers with the
    // first Transition (a served socket).
    bool openAndSync(const QUrl &deploymentUrl, const QString &path = QStringLiteral("/api/sync"));
    void send(const convex::protocol::ClientMessage &message);
    void sendText(const QString &text);

    // The next message of type T (never a Ping). Transitions received before it are taken as
    // they come (chain-checked), since the server may split what the client sent together; any
    // other message before it is a failure (nullopt).
    template<typename T> std::optional<T> nextAs(int timeoutMs = 5000)
    {
        while (waitForMessage(timeoutMs)) {
            const convex::protocol::ServerMessage message = m_inbox.takeFirst();
            if (std::holds_alternative<T>(message))
                return std::get<T>(message);
            const auto *transition = std::get_if<convex::protocol::Transition>(&message);
            if (!transition || !chain(*transition))
                return std::nullopt;
        }
        return std::nullopt;
    }
    // The next Transition, which must start where the last one ended (else nullopt).
    std::optional<convex::protocol::Transition> nextTransition(int timeoutMs = 5000);

    bool waitClosed(int timeoutMs = 5000);
    bool isClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }
    int pings() const { return m_pings; }
    convex::StateVersion version() const { return m_version; }
    QString lastError() const { return m_lastError; }

private:
    bool waitForMessage(int timeoutMs);
    bool chain(const convex::protocol::Transition &transition);

    QWebSocket m_socket;
    QList<convex::protocol::ServerMessage> m_inbox;
    convex::StateVersion m_version;
    bool m_closed = false;
    int m_closeCode = 0;
    int m_pings = 0;
    QString m_lastError;
};

} // namespace authkit::convexdeployment::tests
