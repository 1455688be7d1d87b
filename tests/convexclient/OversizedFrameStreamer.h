#pragma once

// A hostile WebSocket peer's half of a huge frame: on an upgraded QTcpSocket it writes one text
// frame header that announces declaredBytes, then the payload a megabyte at a time, never more
// than two megabytes ahead of the socket, until everything is sent or the other side hangs up.
// Used from both ends: toward a client (unmasked) and toward the deployment (masked).

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

class OversizedFrameStreamer : public QObject
{
    Q_OBJECT
public:
    OversizedFrameStreamer(QTcpSocket *socket, qint64 declaredBytes, bool masked,
                           QObject *parent = nullptr);

    bool isFinished() const { return m_sent >= m_declared; }
    bool peerHungUp() const { return m_hungUp; }
    qint64 payloadSent() const { return m_sent; }

    // RFC 6455 §4.2.2: base64(SHA-1(key + GUID)).
    static QByteArray acceptKey(const QByteArray &clientKey);
    // Peak resident memory (VmHWM) of a process, in kB; -1 when unreadable.
    static qint64 peakResidentKb(qint64 pid);

private:
    void pump();

    QPointer<QTcpSocket> m_socket;
    qint64 m_declared;
    qint64 m_sent = 0;
    bool m_hungUp = false;
};
