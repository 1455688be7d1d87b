#pragma once

#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/TransitionChunkAssembler.h>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

QT_FORWARD_DECLARE_CLASS(QWebSocket)

namespace authkit::convex {

// The socket under ConvexClient (convex-js web_socket_manager.ts, reference §1 and §5.6):
// one QWebSocket at a time to <deployment>/api/sync with a Convex-Client header, reconnects with
// a jittered, doubling, capped backoff chosen from the close reason, a server-inactivity timeout,
// TransitionChunk reassembly, and pause/resume (an open that happens while paused is reported
// only on resume, so no Connect goes out before a token is there, §5.5).
class WebSocketManager : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString clientName = QStringLiteral("authkitqt");
        QString clientVersion; // empty: the library's version
        int serverInactivityMs = 60000;
        int maxBackoffMs = 16000;
        double backoffScale = 1.0; // tests shrink every delay
    };

    enum class State { Disconnected, Connecting, Open, Stopped, Terminated };
    Q_ENUM(State)

    explicit WebSocketManager(const QUrl &deploymentUrl, QObject *parent = nullptr);
    WebSocketManager(const QUrl &deploymentUrl, const Settings &settings, QObject *parent = nullptr);
    ~WebSocketManager() override;

    // https -> wss, http -> ws, path /api/sync.
    static QUrl syncUrl(const QUrl &deploymentUrl);
    // "InternalServerError" -> 1000 ms, "TooManyConcurrentRequests..." -> 3000 ms, ...
    static int initialBackoffMsFor(const QString &closeReason);

    QUrl url() const { return m_url; }
    QString clientHeader() const; // authkitqt-<version>
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    bool isPaused() const { return m_paused; }
    int retries() const { return m_retries; }

    void start();
    // False when the socket is not open: the frame is dropped (the caller resends after the
    // next open, as the JS client does).
    bool send(const QByteArray &frame);

    void pause();
    // Returns true when it delivered an open that was postponed by the pause.
    bool resume();

    // Closes and reconnects after the short client backoff (100 ms).
    void reconnect(const QString &reason);
    // Closes without reconnecting until tryRestart() (used while a token is fetched after an
    // AuthError).
    void stop();
    void tryRestart();
    // For good: after a FatalError or when the client is closed.
    void terminate();

    // Every query and auth state from before the restart is confirmed again.
    void resetBackoff() { m_retries = 0; }

Q_SIGNALS:
    // connectionCount: earlier successful opens; lastCloseReason: "InitialConnect", the reason the
    // last socket closed, or null.
    void opened(quint32 connectionCount, const std::optional<QString> &lastCloseReason);
    void messageReceived(const authkit::convex::protocol::ServerMessage &message);
    // The open socket (or the attempt) is gone, whatever the cause.
    void closed(const QString &reason);
    void stateChanged(authkit::convex::WebSocketManager::State state);

private:
    void connectSocket();
    void onConnected(QWebSocket *socket);
    void onTextMessage(QWebSocket *socket, const QString &text);
    void onDisconnected(QWebSocket *socket);
    // Drops the current socket without waiting for its signals.
    void dropSocket(const QString &reason);
    void scheduleReconnect(int initialMs);
    void setState(State state);

    QUrl m_url;
    Settings m_settings;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Disconnected;
    bool m_paused = false;
    bool m_openPostponed = false;
    bool m_wasOpen = false; // the current socket got as far as open
    quint32 m_successfulOpens = 0;
    std::optional<QString> m_lastCloseReason = QStringLiteral("InitialConnect");
    int m_retries = 0;
    QTimer m_reconnectTimer;
    QTimer m_inactivityTimer;
    TransitionChunkAssembler m_assembler;
};

} // namespace authkit::convex
