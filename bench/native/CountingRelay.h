#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace authkit::bench {

// A TCP relay on 127.0.0.1 in front of the emulator that counts the requests a client really
// sends to one endpoint (a request line starting with "<method> <path>"), and how long the
// emulator took to start answering each. Bytes pass through unchanged, keep-alive included.
class CountingRelay : public QObject
{
    Q_OBJECT
public:
    CountingRelay(const QUrl &upstream, QByteArray requestLinePrefix, QObject *parent = nullptr);

    bool listen();
    QUrl url() const; // http://127.0.0.1:<relay port>

    int count() const { return m_count; }
    // Per counted request: its first byte in → the emulator's first answer byte out, in us.
    const QList<double> &roundTripsUs() const { return m_roundTripsUs; }

private:
    void onNewConnection();

    QUrl m_upstream;
    QByteArray m_prefix;
    QByteArray m_relayHost;    // the Host header the client sends, rewritten to
    QByteArray m_upstreamHost; // the emulator's own
    QTcpServer m_server;
    QElapsedTimer m_clock;
    int m_count = 0;
    QList<double> m_roundTripsUs;
};

} // namespace authkit::bench
