// The deployment's size limit on sync messages, against the authkit-emulator program in its own
// process (so the memory measured is the deployment's): a frame announcing 200 MiB is refused at
// its header instead of being buffered (it took the process to ~1 GB), a message over the limit
// sent in small frames is refused too, and the deployment keeps serving other sockets.

#include "EmulatorProcess.h"
#include "OversizedFrameStreamer.h"
#include "SyncTestSocket.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QtTest>

using namespace authkit::convex;
using namespace authkit::convex::protocol;
using namespace authkit::convexdeployment::tests;

namespace {

// A served socket: the deployment answers Connect and an empty query set.
bool answersASyncSocket(const QUrl &deployment)
{
    SyncTestSocket socket;
    return socket.openAndSync(deployment);
}

} // namespace

class TestConvexDeploymentLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY2(m_emulator.start({QStringLiteral("--memory")}),
                 qPrintable(m_emulator.errorString()));
        m_deployment = m_emulator.convexUrl();
        QVERIFY(answersASyncSocket(m_deployment)); // warm: the baseline includes a served socket
    }

    void cleanup() { m_emulator.stop(); }

    void hugeFrameIsRefusedAtItsHeader()
    {
        const qint64 pid = m_emulator.processId();
        const qint64 peakBefore = OversizedFrameStreamer::peakResidentKb(pid);
        QVERIFY(peakBefore > 0);

        QTcpSocket raw;
        raw.connectToHost(m_deployment.host(), quint16(m_deployment.port()));
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /api/sync HTTP/1.1\r\nHost: 127.0.0.1:"
                  + QByteArray::number(m_deployment.port())
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    "Sec-WebSocket-Version: 13\r\n\r\n");
        QByteArray response;
        QDeadlineTimer deadline(5000);
        while (!response.contains("\r\n\r\n") && !deadline.hasExpired()) {
            raw.waitForReadyRead(200);
            response += raw.readAll();
        }
        QVERIFY2(response.startsWith("HTTP/1.1 101"), response.constData());
        QVERIFY(response.contains(OversizedFrameStreamer::acceptKey("dGhlIHNhbXBsZSBub25jZQ==")));

        OversizedFrameStreamer streamer(&raw, 200LL * 1024 * 1024, true);
        QVERIFY(QTest::qWaitFor([&] { return streamer.peerHungUp() || streamer.isFinished(); },
                                60000));
        QVERIFY2(streamer.peerHungUp() && !streamer.isFinished(),
                 qPrintable(QStringLiteral("%1 MiB taken").arg(streamer.payloadSent() >> 20)));
        const qint64 growthKb = OversizedFrameStreamer::peakResidentKb(pid) - peakBefore;
        QVERIFY2(growthKb < 64 * 1024,
                 qPrintable(QStringLiteral("peak grew by %1 kB").arg(growthKb)));
        QVERIFY(answersASyncSocket(m_deployment));
    }

    void messageOverTheLimitInSmallFramesIsRefused()
    {
        // QWebSocket sends a long message as many 512 KiB frames: each is small, the sum is not.
        SyncTestSocket socket;
        QVERIFY(socket.open(m_deployment));
        socket.sendText(QString(18 * 1024 * 1024, QLatin1Char(' ')) + QStringLiteral("{}"));
        QVERIFY(socket.waitClosed(30000));
        QCOMPARE(socket.closeCode(), int(QWebSocketProtocol::CloseCodeTooMuchData));
        QVERIFY(answersASyncSocket(m_deployment));
    }

private:
    authkit::testsupport::EmulatorProcess m_emulator{QStringLiteral(AUTHKIT_EMULATOR_BINARY)};
    QUrl m_deployment;
};

QTEST_GUILESS_MAIN(TestConvexDeploymentLimits)
#include "tst_convexdeployment_limits.moc"
