#pragma once

#include "HttpMessage_p.h"
#include "HttpRequestReader_p.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace authkit::emulator {

// One client connection of the emulator's HTTP server: reads requests through
// HttpRequestReader, one at a time, and enforces the timeouts (headers, then body, then idle
// between kept-alive requests). A refused request gets its status (400, 408, 413, 414, 431, ...)
// and the connection closes after a short, bounded drain of what the client still sends, so the
// client can read the answer instead of a reset. A connection that allows upgrades reads each
// request head inside a read transaction of its socket, so that a WebSocket upgrade can hand the
// socket over with the head unread (upgrade()).
class HttpConnection : public QObject {
    Q_OBJECT
public:
    struct Timeouts {
        int headerMs = 10000; // from the first byte of a request to its last header, then the body
        int idleMs = 30000;   // between requests
    };

    // The answer to a refused request, from its status and a sentence (the server's envelope).
    using ErrorFormat = std::function<HttpResponse(int status, const QString &message)>;

    HttpConnection(QTcpSocket *socket, HttpLimits limits, Timeouts timeouts,
                   QObject *parent = nullptr);

    // Both before the first request is read (right after construction).
    void setErrorFormat(ErrorFormat format) { m_errorFormat = std::move(format); }
    void setUpgradesAllowed(bool allowed) { m_upgradesAllowed = allowed; }

    // Answers the request last given by requestReceived; the next one is read afterwards.
    void reply(HttpResponse response);
    // Closes without an answer (the drop faults).
    void drop();
    // For the request last given by requestReceived, when it asked for a WebSocket and upgrades
    // are allowed: the socket, detached, with the request head still unread in it (for
    // QWebSocketServer::handleConnection). The connection is finished then. nullptr otherwise.
    QTcpSocket *upgrade();

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
    void endReadTransaction();

    QTcpSocket *m_socket;
    HttpRequestReader m_reader;
    Timeouts m_timeouts;
    ErrorFormat m_errorFormat;
    bool m_upgradesAllowed = false;
    QTimer m_timer;
    QByteArray m_pending; // read but not parsed yet: the start of a pipelined request
    State m_state = State::Reading;
    bool m_keepAlive = true;
    bool m_writeShut = false;
    qint64 m_drained = 0;
};

} // namespace authkit::emulator
