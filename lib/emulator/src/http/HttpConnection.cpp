#include "HttpConnection_p.h"

#include <QTcpSocket>
#include <QUuid>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace authkit::emulator {

namespace {
constexpr qint64 kReadChunk = 16 * 1024;
constexpr qint64 kSocketBuffer = 64 * 1024;    // what Qt may hold unread for us
constexpr qint64 kMaxUnsentBytes = 256 * 1024; // a client that does not read is not answered more
constexpr qint64 kMaxDrainBytes = 4 * 1024 * 1024; // after a refusal, then the connection is cut
constexpr int kLingerMs = 2000;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpLimits limits, Timeouts timeouts,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_reader(limits)
    , m_timeouts(timeouts) {
    m_socket->setParent(this);
    // Qt stops reading from the kernel when this much waits: TCP flow control does the rest.
    m_socket->setReadBufferSize(kSocketBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::timedOut);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readSome);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::bytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { close(false); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { close(false); });
    m_timer.start(m_timeouts.idleMs);
    QMetaObject::invokeMethod(this, &HttpConnection::readSome, Qt::QueuedConnection);
}

void HttpConnection::readSome() {
    if (m_state == State::Lingering) {
        // Read and forget: the answer is sent, the client may still be sending its body.
        char scratch[kReadChunk];
        while (m_state == State::Lingering && m_socket->bytesAvailable() > 0) {
            const qint64 n = m_socket->read(scratch, sizeof scratch);
            if (n <= 0)
                break;
            m_drained += n;
            if (m_drained > kMaxDrainBytes)
                close(false);
        }
        return;
    }
    if (m_state != State::Reading || m_socket->bytesToWrite() > kMaxUnsentBytes)
        return;
    for (;;) {
        if (m_pending.isEmpty()) {
            // Only a head read from its first byte can be handed over unread.
            if (m_upgradesAllowed && !m_reader.started() && !m_socket->isTransactionStarted())
                m_socket->startTransaction();
            m_pending = m_socket->read(kReadChunk);
            if (m_pending.isEmpty())
                return;
        }
        const bool wasStarted = m_reader.started();
        const bool hadHeaders = m_reader.headersDone();
        qsizetype consumed = 0;
        const auto status = m_reader.feed(m_pending.constData(), m_pending.size(), &consumed);
        m_pending.remove(0, consumed);
        if (!wasStarted && m_reader.started())
            m_timer.start(m_timeouts.headerMs);
        if (!hadHeaders && m_reader.headersDone()) {
            if (!m_reader.webSocketUpgrade())
                endReadTransaction(); // a body is not kept twice
            m_timer.start(m_timeouts.headerMs); // the body gets as long again
            if (m_reader.wantsContinue())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (status == HttpRequestReader::Status::Failed) {
            refuse(m_reader.errorStatus(), m_reader.errorMessage());
            return;
        }
        if (status == HttpRequestReader::Status::Complete) {
            m_keepAlive = m_reader.keepAlive();
            HttpRequest request = m_reader.takeRequest();
            request.url.setPort(m_socket->localPort());
            m_state = State::Busy;
            m_timer.stop();
            Q_EMIT requestReceived(this, request);
            return;
        }
    }
}

void HttpConnection::reply(HttpResponse response) {
    if (m_state != State::Busy)
        return;
    endReadTransaction();
    if (response.header("X-Request-ID").isEmpty())
        response.headers.append(
            {"X-Request-ID", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    m_socket->write(response.serialize(!m_keepAlive));
    if (!m_keepAlive) {
        close(true);
        return;
    }
    // Hand the answer to the kernel now: the server may do slow work before the event loop runs
    // again (writing the state file, with an fsync, after every change), and the client should
    // not wait for the disk.
    m_socket->flush();
    m_reader.reset();
    m_state = State::Reading;
    m_timer.start(m_timeouts.idleMs);
    QMetaObject::invokeMethod(this, &HttpConnection::readSome, Qt::QueuedConnection);
}

void HttpConnection::drop() {
    close(false);
}

QTcpSocket *HttpConnection::upgrade() {
    if (m_state != State::Busy || !m_reader.webSocketUpgrade() || !m_socket->isTransactionStarted())
        return nullptr;
    m_socket->rollbackTransaction();
    // WebSocket frames are read whole: the new owner bounds them (frame and message sizes).
    m_socket->setReadBufferSize(0);
    m_socket->disconnect(this);
    m_socket->setParent(nullptr);
    QTcpSocket *socket = m_socket;
    m_state = State::Closed;
    m_timer.stop();
    m_pending.clear();
    Q_EMIT finished(this);
    return socket;
}

void HttpConnection::endReadTransaction() {
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
}

void HttpConnection::refuse(int status, const QString &message) {
    endReadTransaction();
    HttpResponse response = m_errorFormat ? m_errorFormat(status, message)
                            : status == 413
                                ? oauthError(413, QStringLiteral("invalid_request"), message)
                                : messageError(status, message);
    response.headers.append(
        {"X-Request-ID", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    m_socket->write(response.serialize(true));
    m_state = State::Lingering;
    m_pending.clear();
    m_timer.start(kLingerMs);
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
    readSome();
}

void HttpConnection::bytesWritten() {
    if (m_state == State::Lingering && !m_writeShut && m_socket->bytesToWrite() == 0)
        shutdownWrite();
    else if (m_state == State::Reading && m_socket->bytesToWrite() <= kMaxUnsentBytes)
        readSome();
}

void HttpConnection::shutdownWrite() {
    // The answer and then end-of-stream reach the client, while its late bytes are drained here.
    m_writeShut = true;
#ifdef Q_OS_WIN
    ::shutdown(static_cast<SOCKET>(m_socket->socketDescriptor()), SD_SEND);
#else
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

void HttpConnection::timedOut() {
    if (m_state == State::Reading && m_reader.started())
        refuse(408, QStringLiteral("The request did not arrive in time."));
    else if (m_state == State::Reading)
        close(true); // idle
    else if (m_state == State::Lingering || m_state == State::Closing)
        close(false);
}

void HttpConnection::close(bool graceful) {
    if (m_state == State::Closed)
        return;
    if (graceful && m_state != State::Closing) {
        // The answer is flushed first; finished() follows the socket's disconnected().
        m_state = State::Closing;
        m_pending.clear();
        m_timer.start(kLingerMs);
        m_socket->disconnectFromHost();
        if (m_state == State::Closing && m_socket->state() == QAbstractSocket::UnconnectedState)
            close(false);
        return;
    }
    m_state = State::Closed;
    m_timer.stop();
    m_pending.clear();
    m_socket->abort();
    Q_EMIT finished(this);
}

} // namespace authkit::emulator
