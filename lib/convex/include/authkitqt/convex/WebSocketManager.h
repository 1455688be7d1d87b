#pragma once

#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/TransitionChunkAssembler.h>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

QT_FORWARD_DECLARE_CLASS(QWebSocket)

namespace authkit::convex {

/// The socket under ConvexClient (convex-js web_socket_manager.ts):
/// one QWebSocket at a time to <deployment>/api/sync with a Convex-Client header, reconnects with
/// a jittered, doubling, capped backoff chosen from the close reason, a server-inactivity timeout,
/// TransitionChunk reassembly, and pause/resume (an open that happens while paused is reported
/// only on resume, so no Connect goes out before a token is there).
class AUTHKITQT_CONVEX_EXPORT WebSocketManager : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString clientName = QStringLiteral("authkitqt");
        QString clientVersion; ///< empty: the library's version
        int serverInactivityMs = 60000;
        int maxBackoffMs = 16000;
        double backoffScale = 1.0; ///< tests shrink every delay
        /// A larger incoming frame or message closes the socket (1009) before it is buffered.
        /// Generous: a Transition of several 16 MiB query results is legal.
        qint64 maxIncomingMessageBytes = 64LL * 1024 * 1024;
    };

    enum class State { Disconnected, Connecting, Open, Stopped, Terminated };
    Q_ENUM(State)

    explicit WebSocketManager(const QUrl &deploymentUrl, QObject *parent = nullptr);
    WebSocketManager(const QUrl &deploymentUrl, const Settings &settings, QObject *parent = nullptr);
    ~WebSocketManager() override;

    /// https -> wss, http -> ws, path /api/sync.
    static QUrl syncUrl(const QUrl &deploymentUrl);
    /// "InternalServerError" -> 1000 ms, "TooManyConcurrentRequests..." -> 3000 ms, ...
    static int initialBackoffMsFor(const QString &closeReason);

    QUrl url() const { return m_url; }
    QString clientHeader() const; ///< authkitqt-<version>
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    bool isPaused() const { return m_paused; }
    int retries() const { return m_retries; }

    void start();
    /// False when the socket is not open: the frame is dropped (the caller resends after the
    /// next open, as the JS client does).
    bool send(const QByteArray &frame);

    void pause();
    /// Returns true when it delivered an open that was postponed by the pause.
    bool resume();

    /// Closes and reconnects after the short client backoff (100 ms).
    void reconnect(const QString &reason);
    /// The server rejected the identity and is closing the socket: reconnect after the short
    /// client backoff without counting it as a network failure (the backoff does not grow).
    void reconnectForAuth(const QString &reason);
    /// The server sent something we cannot use (an unknown message type, a broken chunk or
    /// version chain): reconnect with the doubling backoff, which a confirmed state does not
    /// reset until a socket has stayed open for serverInactivityMs without another such error.
    void reconnectAfterProtocolError(const QString &reason);
    /// Closes without reconnecting until tryRestart() (used while a token is fetched after an
    /// AuthError).
    void stop();
    void tryRestart();
    /// For good: after a FatalError or when the client is closed.
    void terminate();

    /// Every query and auth state from before the restart is confirmed again (ignored while
    /// protocol errors are recent, so a server that always sends garbage is not retried 10x/s).
    void resetBackoff();
    int protocolErrors() const { return m_protocolErrors; }

Q_SIGNALS:
    /// connectionCount: earlier successful opens; lastCloseReason: "InitialConnect", the reason the
    /// last socket closed, or null.
    void opened(quint32 connectionCount, const std::optional<QString> &lastCloseReason);
    void messageReceived(const authkit::convex::protocol::ServerMessage &message);
    /// The open socket (or the attempt) is gone, whatever the cause.
    void closed(const QString &reason);
    void stateChanged(authkit::convex::WebSocketManager::State state);
    /// The next attempt runs in delayMs (jitter included); reason: why the socket went.
    void reconnectScheduled(int delayMs, const QString &reason);

private:
    void connectSocket();
    void onConnected(QWebSocket *socket);
    void onTextMessage(QWebSocket *socket, const QString &text);
    void onDisconnected(QWebSocket *socket);
    /// Drops the current socket without waiting for its signals.
    void dropSocket(const QString &reason);
    enum class Backoff { Network, Flat };
    void scheduleReconnect(int initialMs, const QString &reason,
                           Backoff backoff = Backoff::Network);
    void setState(State state);

    QUrl m_url;
    Settings m_settings;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Disconnected;
    bool m_paused = false;
    bool m_openPostponed = false;
    bool m_wasOpen = false; ///< the current socket got as far as open
    quint32 m_successfulOpens = 0;
    std::optional<QString> m_lastCloseReason = QStringLiteral("InitialConnect");
    int m_retries = 0;
    int m_protocolErrors = 0; ///< since a socket last stayed open for serverInactivityMs
    QTimer m_reconnectTimer;
    QTimer m_stableTimer;
    QTimer m_inactivityTimer;
    TransitionChunkAssembler m_assembler;
};

} // namespace authkit::convex
