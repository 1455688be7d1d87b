#include "SyncTestSocket.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

namespace authkit::convexdeployment::tests {

using namespace convex::protocol;

SyncTestSocket::SyncTestSocket(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        QString error;
        const auto message = parseServerMessage(text.toUtf8(), &error);
        if (!message) {
            m_lastError = QStringLiteral("unparsable frame: %1 (%2)").arg(text, error);
            return;
        }
        if (std::holds_alternative<Ping>(*message)) {
            ++m_pings;
            return;
        }
        m_inbox.append(*message);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

bool SyncTestSocket::open(const QUrl &deploymentUrl, const QString &path)
{
    QUrl url = deploymentUrl;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(path);
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    return connected.wait(5000) || !connected.isEmpty();
}

bool SyncTestSocket::openAndSync(const QUrl &deploymentUrl, const QString &path)
{
    if (!open(deploymentUrl, path))
        return false;
    Connect connect;
    connect.sessionId = Connect::newSessionId();
    connect.connectionCount = 0;
    send(connect);
    ModifyQuerySet querySet;
    querySet.baseVersion = 0;
    querySet.newVersion = 1;
    send(querySet);
    return nextTransition().has_value();
}

void SyncTestSocket::send(const ClientMessage &message)
{
    const auto frame = serialize(message);
    if (frame)
        m_socket.sendTextMessage(QString::fromUtf8(*frame));
}

void SyncTestSocket::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

bool SyncTestSocket::waitForMessage(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_inbox.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    return !m_inbox.isEmpty();
}

bool SyncTestSocket::chain(const Transition &transition)
{
    if (transition.startVersion != m_version) {
        m_lastError = QStringLiteral("the Transition does not start where the last one ended");
        return false;
    }
    m_version = transition.endVersion;
    return true;
}

std::optional<Transition> SyncTestSocket::nextTransition(int timeoutMs)
{
    if (!waitForMessage(timeoutMs))
        return std::nullopt;
    const ServerMessage message = m_inbox.takeFirst();
    const auto *transition = std::get_if<Transition>(&message);
    if (!transition) {
        m_lastError = QStringLiteral("expected a Transition, got %1").arg(messageType(message));
        return std::nullopt;
    }
    if (!chain(*transition))
        return std::nullopt;
    return *transition;
}

bool SyncTestSocket::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired())
        QTest::qWait(10);
    return m_closed;
}

} // namespace authkit::convexdeployment::tests
