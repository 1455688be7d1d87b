#pragma once

#include "HttpMessage_p.h"
#include "HttpRequestReader_p.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace authkit::emulator {

// One client connection of the emulator's HTTP server: reads requests through
// HttpRequestReader, one at a time, and enforces the timeouts (headers, then body, then idle
// between kept-alive requests). A refused request gets its status (400, 408, 413, 414, 431, ...)
// and the connection closes after a short, bounded drain of what the client still sends, so the
// client can read the answer instead of a reset.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    struct Timeouts {
        int headerMs = 10000; // from the first byte of a request to its last header, then the body
        int idleMs = 30000;   // between requests
    };

    HttpConnection(QTcpSocket *socket, HttpLimits limits, Timeouts timeouts,
                   QObject *parent = nullptr);

    // Answers the request last given by requestReceived; the next one is read afterwards.
    void reply(HttpResponse response);
    // Closes without an answer (the drop faults).
    void drop();

Q_SIGNALS:
    // The connection reads nothing more until reply() or drop().
    void requestReceived(authkit::emulator::HttpConnection *connection,
                         const authkit::emulator::HttpRequest &request);
    // Emitted once, when the connection is closed; it may be deleted then.
    void finished(authkit::emulator::HttpConnection *connection);

private:
    enum class State { Reading, Busy, Lingering, Closing, Closed };

    void readSome();
    void refuse(int status, const QString &message);
    void timedOut();
    void bytesWritten();
    void shutdownWrite();
    void close(bool graceful);

    QTcpSocket *m_socket;
    HttpRequestReader m_reader;
    Timeouts m_timeouts;
    QTimer m_timer;
    QByteArray m_pending; // read but not parsed yet: the start of a pipelined request
    State m_state = State::Reading;
    bool m_keepAlive = true;
    bool m_writeShut = false;
    qint64 m_drained = 0;
};

} // namespace authkit::emulator
