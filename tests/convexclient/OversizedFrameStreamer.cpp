#include "OversizedFrameStreamer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

namespace {
constexpr qint64 kChunk = 1024 * 1024;
}

OversizedFrameStreamer::OversizedFrameStreamer(QTcpSocket *socket, qint64 declaredBytes,
                                               bool masked, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_declared(declaredBytes)
{
    QByteArray header;
    header.append(char(0x81)); // FIN, text
    header.append(char((masked ? 0x80 : 0x00) | 127));
    char length[8];
    qToBigEndian(quint64(declaredBytes), length);
    header.append(length, 8);
    if (masked)
        header.append(4, '\0'); // a zero key: the payload goes as written
    connect(socket, &QTcpSocket::bytesWritten, this, &OversizedFrameStreamer::pump);
    connect(socket, &QTcpSocket::disconnected, this, [this] { m_hungUp = true; });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this] { m_hungUp = true; });
    socket->write(header);
    pump();
}

void OversizedFrameStreamer::pump()
{
    if (!m_socket || m_hungUp || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    static const QByteArray chunk(kChunk, 'x');
    while (m_sent < m_declared && m_socket->bytesToWrite() < 2 * kChunk) {
        const qint64 size = qMin(kChunk, m_declared - m_sent);
        if (m_socket->write(chunk.constData(), size) != size) {
            m_hungUp = true;
            return;
        }
        m_sent += size;
    }
}

QByteArray OversizedFrameStreamer::acceptKey(const QByteArray &clientKey)
{
    return QCryptographicHash::hash(QByteArray(clientKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                    QCryptographicHash::Sha1)
        .toBase64();
}

qint64 OversizedFrameStreamer::peakResidentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
