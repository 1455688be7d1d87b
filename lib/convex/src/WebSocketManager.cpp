#include <authkitqt/convex/WebSocketManager.h>

#include "ConvexLogging_p.h"

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcConvexSocket, "authkit.convex.socket")

namespace authkit::convex {

namespace {

constexpr int kClientInitiatedBackoffMs = 100;

bool isNoteworthyClose(int code)
{
    // 4040 is "destination not found", sent during a push.
    return code != 1000 && code != 1001 && code != 1005 && code != 4040;
}

} // namespace

WebSocketManager::WebSocketManager(const QUrl &deploymentUrl, QObject *parent)
    : WebSocketManager(deploymentUrl, Settings(), parent)
{
}

WebSocketManager::WebSocketManager(const QUrl &deploymentUrl, const Settings &settings,
                                   QObject *parent)
    : QObject(parent)
    , m_url(syncUrl(deploymentUrl))
    , m_settings(settings)
{
    if (m_settings.clientVersion.isEmpty())
        m_settings.clientVersion = QStringLiteral(AUTHKITQT_VERSION);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WebSocketManager::connectSocket);
    m_inactivityTimer.setSingleShot(true);
    connect(&m_inactivityTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcConvexSocket) << "no message from the server for"
                               << m_settings.serverInactivityMs << "ms; reconnecting";
        reconnect(QStringLiteral("InactiveServer"));
    });
    m_stableTimer.setSingleShot(true);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_protocolErrors = 0; });
}

WebSocketManager::~WebSocketManager()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket.data();
    }
}

QUrl WebSocketManager::syncUrl(const QUrl &deploymentUrl)
{
    QUrl url = deploymentUrl;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    else if (scheme == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/sync"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

int WebSocketManager::initialBackoffMsFor(const QString &closeReason)
{
    static const QStringList shortBackoff = {
        QStringLiteral("InternalServerError"), QStringLiteral("VectorIndexesUnavailable"),
        QStringLiteral("SearchIndexesUnavailable"), QStringLiteral("TableSummariesUnavailable")};
    static const QStringList longBackoff = {
        QStringLiteral("SubscriptionsWorkerFullError"), QStringLiteral("TooManyConcurrentRequests"),
        QStringLiteral("CommitterFullError"), QStringLiteral("AwsTooManyRequestsException"),
        QStringLiteral("ExecuteFullError"), QStringLiteral("SystemTimeoutError"),
        QStringLiteral("ExpiredInQueue"), QStringLiteral("VectorIndexTooLarge"),
        QStringLiteral("SearchIndexTooLarge"), QStringLiteral("TooManyWritesInTimePeriod")};
    const auto matches = [&](const QStringList &prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [&](const QString &prefix) { return closeReason.startsWith(prefix); });
    };
    if (matches(shortBackoff))
        return 1000;
    if (matches(longBackoff))
        return 3000;
    return 1000;
}

QString WebSocketManager::clientHeader() const
{
    return m_settings.clientName + QLatin1Char('-') + m_settings.clientVersion;
}

void WebSocketManager::start()
{
    if (m_state != State::Disconnected || m_reconnectTimer.isActive())
        return;
    connectSocket();
}

bool WebSocketManager::send(const QByteArray &frame)
{
    if (m_state != State::Open || !m_socket)
        return false;
    const qint64 sent = m_socket->sendTextMessage(QString::fromUtf8(frame));
    if (sent < 0) {
        reconnect(QStringLiteral("FailedToSendMessage"));
        return false;
    }
    return true;
}

void WebSocketManager::pause()
{
    m_paused = true;
}

bool WebSocketManager::resume()
{
    m_paused = false;
    if (!m_openPostponed)
        return false;
    m_openPostponed = false;
    if (m_state != State::Open)
        return false;
    const auto reason = std::exchange(m_lastCloseReason, std::nullopt);
    Q_EMIT opened(m_successfulOpens++, reason);
    return true;
}

void WebSocketManager::reconnect(const QString &reason)
{
    if (m_state == State::Terminated || m_state == State::Stopped)
        return;
    dropSocket(reason);
    scheduleReconnect(kClientInitiatedBackoffMs, reason);
}

void WebSocketManager::reconnectForAuth(const QString &reason)
{
    if (m_state == State::Terminated || m_state == State::Stopped)
        return;
    dropSocket(reason);
    scheduleReconnect(kClientInitiatedBackoffMs, reason, Backoff::Flat);
}

void WebSocketManager::reconnectAfterProtocolError(const QString &reason)
{
    if (m_state == State::Terminated || m_state == State::Stopped)
        return;
    ++m_protocolErrors;
    dropSocket(reason);
    scheduleReconnect(initialBackoffMsFor(reason), reason);
}

void WebSocketManager::resetBackoff()
{
    if (m_protocolErrors == 0)
        m_retries = 0;
}

void WebSocketManager::stop()
{
    if (m_state == State::Terminated)
        return;
    m_reconnectTimer.stop();
    dropSocket(QStringLiteral("Stopped"));
    setState(State::Stopped);
}

void WebSocketManager::tryRestart()
{
    if (m_state != State::Stopped)
        return;
    setState(State::Disconnected);
    connectSocket();
}

void WebSocketManager::terminate()
{
    m_reconnectTimer.stop();
    dropSocket(QStringLiteral("Terminated"));
    setState(State::Terminated);
}

void WebSocketManager::connectSocket()
{
    if (m_state == State::Terminated || m_state == State::Stopped)
        return;
    if (m_socket)
        dropSocket(QStringLiteral("Replaced"));
    // A new QWebSocket per attempt: a late signal of an old one can never be mistaken for ours.
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setMaxAllowedIncomingFrameSize(quint64(m_settings.maxIncomingMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_settings.maxIncomingMessageBytes));
    m_socket = socket;
    m_wasOpen = false;
    connect(socket, &QWebSocket::connected, this, [this, socket] { onConnected(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { onTextMessage(socket, text); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    // QWebSocket::error: errorOccurred only exists from Qt 6.5.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this, socket](QAbstractSocket::SocketError) {
        qCDebug(lcConvexSocket) << "socket error:" << socket->errorString();
        if (socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected(socket);
    });
    QNetworkRequest request(m_url);
    request.setRawHeader(QByteArrayLiteral("Convex-Client"), clientHeader().toUtf8());
    setState(State::Connecting);
    qCDebug(lcConvexSocket) << "connecting to" << m_url.toDisplayString();
    socket->open(request);
}

void WebSocketManager::onConnected(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    m_wasOpen = true;
    setState(State::Open);
    m_inactivityTimer.start(m_settings.serverInactivityMs);
    m_stableTimer.start(m_settings.serverInactivityMs);
    if (m_paused) {
        m_openPostponed = true;
        return;
    }
    const auto reason = std::exchange(m_lastCloseReason, std::nullopt);
    Q_EMIT opened(m_successfulOpens++, reason);
}

void WebSocketManager::onTextMessage(QWebSocket *socket, const QString &text)
{
    if (socket != m_socket || m_state != State::Open)
        return;
    m_inactivityTimer.start(m_settings.serverInactivityMs);
    QString error;
    auto message = protocol::parseServerMessage(text.toUtf8(), &error);
    if (!message) {
        qCWarning(lcConvexSocket) << "unreadable server message:" << error;
        reconnectAfterProtocolError(QStringLiteral("InvalidServerMessage"));
        return;
    }
    if (const auto *chunk = std::get_if<protocol::TransitionChunk>(&*message)) {
        switch (m_assembler.addChunk(*chunk)) {
        case TransitionChunkAssembler::Status::Incomplete:
            return;
        case TransitionChunkAssembler::Status::Failed:
            qCWarning(lcConvexSocket) << m_assembler.errorString();
            reconnectAfterProtocolError(QStringLiteral("InvalidTransitionChunk"));
            return;
        case TransitionChunkAssembler::Status::Complete:
            message = m_assembler.takeTransition();
            break;
        }
    } else if (m_assembler.discardIfInterruptedBy(*message)) {
        qCWarning(lcConvexSocket) << m_assembler.errorString();
    }
    Q_EMIT messageReceived(*message);
}

void WebSocketManager::onDisconnected(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    QString reason = socket->closeReason();
    const int code = socket->closeCode();
    if (reason.isEmpty())
        reason = QStringLiteral("closed with code %1").arg(code);
    if (m_wasOpen && isNoteworthyClose(code))
        qCWarning(lcConvexSocket) << "socket closed:" << code << reason;
    else
        qCDebug(lcConvexSocket) << "socket closed:" << code << reason;
    const QString closeReason = socket->closeReason();
    if (code == QWebSocketProtocol::CloseCodeTooMuchData)
        ++m_protocolErrors; // our own limit (or the server's): retrying at once would not help
    dropSocket(reason);
    scheduleReconnect(initialBackoffMsFor(closeReason), reason);
}

void WebSocketManager::dropSocket(const QString &reason)
{
    m_inactivityTimer.stop();
    m_stableTimer.stop();
    m_assembler.reset();
    m_openPostponed = false;
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    socket->deleteLater();
    const bool wasOpen = std::exchange(m_wasOpen, false);
    if (wasOpen)
        m_lastCloseReason = reason;
    setState(State::Disconnected);
    Q_EMIT closed(reason);
}

void WebSocketManager::scheduleReconnect(int initialMs, const QString &reason, Backoff backoff)
{
    if (m_state == State::Terminated || m_state == State::Stopped)
        return;
    const int exponent = backoff == Backoff::Network ? m_retries : 0;
    const double base = std::min<double>(initialMs * std::pow(2.0, exponent),
                                         m_settings.maxBackoffMs);
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble(); // +-50 %
    const int delay = static_cast<int>(std::lround(base * jitter * m_settings.backoffScale));
    if (backoff == Backoff::Network)
        ++m_retries;
    qCDebug(lcConvexSocket).noquote() << "reconnecting in" << delay << "ms after" << reason;
    m_reconnectTimer.start(delay);
    Q_EMIT reconnectScheduled(delay, reason);
}

void WebSocketManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace authkit::convex
