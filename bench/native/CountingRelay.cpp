#include "CountingRelay.h"

#include <QTcpSocket>

#include <memory>

namespace authkit::bench {

CountingRelay::CountingRelay(const QUrl &upstream, QByteArray requestLinePrefix, QObject *parent)
    : QObject(parent)
    , m_upstream(upstream)
    , m_prefix(std::move(requestLinePrefix))
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &CountingRelay::onNewConnection);
}

bool CountingRelay::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_relayHost = "\r\nHost: 127.0.0.1:" + QByteArray::number(m_server.serverPort()) + "\r\n";
    m_upstreamHost = "\r\nHost: 127.0.0.1:" + QByteArray::number(m_upstream.port()) + "\r\n";
    return true;
}

QUrl CountingRelay::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void CountingRelay::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        auto sentAtNs = std::make_shared<qint64>(-1); // a counted request awaiting its answer
        connect(client, &QTcpSocket::readyRead, this, [=] {
            QByteArray bytes = client->readAll();
            // Qt's network access manager writes a request's line and headers in one go, so
            // a read holds whole request lines. A request line starts a line.
            for (qsizetype at = bytes.indexOf(m_prefix); at >= 0;
                 at = bytes.indexOf(m_prefix, at + 1)) {
                if (at == 0 || bytes.at(at - 1) == '\n') {
                    ++m_count;
                    *sentAtNs = m_clock.nsecsElapsed();
                }
            }
            // The emulator answers only to its own Host (its DNS-rebinding guard).
            bytes.replace(m_relayHost, m_upstreamHost);
            upstream->write(bytes);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [=] {
            if (*sentAtNs >= 0) {
                m_roundTripsUs.append((m_clock.nsecsElapsed() - *sentAtNs) / 1000.0);
                *sentAtNs = -1;
            }
            client->write(upstream->readAll());
        });
        connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        upstream->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_upstream.port()));
    }
}

} // namespace authkit::bench
