// The Convex deployment's port against hostile clients (lib/emulator/README.md, "Limits"): it
// shares the AuthKit port's HTTP core, so oversized heads and bodies, slow or idle connections, a
// foreign Host (DNS rebinding) and connection floods are refused there too, for plain HTTP and for
// the sync upgrade alike, and the function API takes the "convex" faults. Real sockets on
// 127.0.0.1 against an in-process emulator with short timeouts and a small cap.

#include "EmulatorFixture.h"
#include "HttpClient.h"
#include "SyncTestSocket.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace authkit::convex::protocol;
using namespace authkit::convexdeployment::tests;
using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

constexpr int kShortTimeoutMs = 300;
constexpr int kMaxConnections = 3;
constexpr int kWaitMs = 10000; // far beyond any timeout above: a bound, not a measurement

QByteArray hostOf(const QUrl &url)
{
    return "127.0.0.1:" + QByteArray::number(url.port());
}

QByteArray statusLine(const QByteArray &response)
{
    return response.left(response.indexOf("\r\n"));
}

QJsonObject bodyJson(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

// A kept-alive connection that got one answer: the server has accepted and counted it.
bool openAnsweredConnection(QTcpSocket &socket, const QUrl &deployment)
{
    socket.connectToHost(QHostAddress::LocalHost, quint16(deployment.port()));
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                         kWaitMs))
        return false;
    socket.write("GET / HTTP/1.1\r\nHost: " + hostOf(deployment) + "\r\n\r\n");
    QByteArray received;
    const bool answered = QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return received.contains("\r\n\r\nThis Convex deployment is running");
        },
        kWaitMs);
    return answered && received.startsWith("HTTP/1.1 200");
}

} // namespace

class TestConvexDeploymentHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        EmulatorOptions options;
        options.maxBodyBytes = 64 * 1024;
        if (QByteArray(QTest::currentTestFunction()) == "connectionCapHolds") {
            options.maxConnections = kMaxConnections;
        } else {
            options.headerTimeoutMs = kShortTimeoutMs;
            options.idleTimeoutMs = kShortTimeoutMs;
        }
        m_emulator = startEmulator(options);
        QVERIFY(m_emulator);
        m_deployment = m_emulator->convexUrl();
        m_port = quint16(m_deployment.port());
    }

    void cleanup() { m_emulator.reset(); }

    void oversizedHeadersAre431()
    {
        const auto exchange = HttpClient::rawExchange(
            m_port, "GET / HTTP/1.1\r\nHost: " + hostOf(m_deployment) + "\r\nX-Padding: "
                        + QByteArray(40 * 1024, 'a') + "\r\n\r\n",
            kWaitMs);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 431"), statusLine(exchange.received).constData());
        QCOMPARE(bodyJson(exchange.received).value(QStringLiteral("code")).toString(),
                 QStringLiteral("RequestHeaderFieldsTooLarge"));
        QVERIFY(exchange.closedByPeer);
    }

    void oversizedBodyGets413BeforeItIsSentAtAll()
    {
        // Only the head is sent: the refusal comes from the announced length alone.
        const auto exchange = HttpClient::rawExchange(
            m_port, "POST /api/query HTTP/1.1\r\nHost: " + hostOf(m_deployment)
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(64 * 1024 + 1) + "\r\n\r\n",
            kWaitMs);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 413"), exchange.received.constData());
        QCOMPARE(bodyJson(exchange.received).value(QStringLiteral("code")).toString(),
                 QStringLiteral("PayloadTooLarge"));
        QVERIFY(exchange.closedByPeer);
    }

    void slowHeadIsRefusedWith408()
    {
        // A head that never ends (slowloris): answered 408 and closed once the timeout passes.
        const auto exchange = HttpClient::rawExchange(
            m_port, "POST /api/query HTTP/1.1\r\nHost: " + hostOf(m_deployment) + "\r\nX-Slow: a",
            kWaitMs);
        QVERIFY(!exchange.timedOut);
        QVERIFY(exchange.closedByPeer);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 408"), exchange.received.constData());
    }

    void idleConnectionIsClosed()
    {
        const auto exchange = HttpClient::rawExchange(m_port, QByteArray(), kWaitMs);
        QVERIFY(exchange.connected);
        QVERIFY(!exchange.timedOut);
        QVERIFY(exchange.closedByPeer);
        QVERIFY(exchange.received.isEmpty());
    }

    void slowSyncUpgradeIsRefusedWith408()
    {
        // The WebSocket handshake goes through the same reader and its timeout.
        const auto exchange = HttpClient::rawExchange(
            m_port, "GET /api/sync HTTP/1.1\r\nHost: " + hostOf(m_deployment)
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n",
            kWaitMs);
        QVERIFY(exchange.closedByPeer);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 408"), exchange.received.constData());
    }

    void foreignHostIs421()
    {
        auto exchange = HttpClient::rawExchange(
            m_port, "GET / HTTP/1.1\r\nHost: rebound.example:" + QByteArray::number(m_port)
                        + "\r\nConnection: close\r\n\r\n",
            kWaitMs);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 421"), exchange.received.constData());
        QCOMPARE(bodyJson(exchange.received).value(QStringLiteral("code")).toString(),
                 QStringLiteral("MisdirectedRequest"));
        // A sync upgrade with a foreign Host is not upgraded either.
        exchange = HttpClient::rawExchange(
            m_port, "GET /api/sync HTTP/1.1\r\nHost: rebound.example:" + QByteArray::number(m_port)
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                          "Sec-WebSocket-Version: 13\r\n\r\n",
            kWaitMs);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 421"), exchange.received.constData());
        // The same request to the deployment's own name is upgraded.
        exchange = HttpClient::rawExchange(
            m_port, "GET /api/sync HTTP/1.1\r\nHost: " + hostOf(m_deployment)
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                          "Sec-WebSocket-Version: 13\r\n\r\n",
            1000);
        QVERIFY2(exchange.received.startsWith("HTTP/1.1 101"), exchange.received.constData());
    }

    void connectionCapHolds()
    {
        // Two kept-alive HTTP connections and a sync socket fill the cap of three.
        QTcpSocket first;
        QTcpSocket second;
        QVERIFY(openAnsweredConnection(first, m_deployment));
        QVERIFY(openAnsweredConnection(second, m_deployment));
        auto sync = std::make_unique<SyncTestSocket>();
        QVERIFY(sync->openAndSync(m_deployment));

        // The fourth is closed without a word, HTTP or WebSocket.
        const auto refused = HttpClient::rawExchange(
            m_port, "GET / HTTP/1.1\r\nHost: " + hostOf(m_deployment) + "\r\n\r\n", kWaitMs);
        QVERIFY(refused.closedByPeer);
        QVERIFY(refused.received.isEmpty());
        SyncTestSocket refusedSync;
        QVERIFY(!refusedSync.open(m_deployment));

        // Closing the sync socket gives its place back.
        sync.reset();
        HttpClient http;
        QVERIFY(QTest::qWaitFor([&] { return http.get(m_deployment).status == 200; }, kWaitMs));
        QCOMPARE(first.state(), QAbstractSocket::ConnectedState);
    }

    void httpAndSyncStillWork()
    {
        HttpClient http;
        HttpResult result = http.get(m_deployment);
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.startsWith("This Convex deployment is running"));
        result = http.post(endpoint(m_deployment, QStringLiteral("/api/query")),
                           R"({"path":"messages:list","args":{}})", "application/json");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("success"));
        QCOMPARE(http.get(endpoint(m_deployment, QStringLiteral("/nowhere"))).status, 404);

        SyncTestSocket socket;
        QVERIFY(socket.openAndSync(m_deployment));
        SyncTestSocket versioned;
        QVERIFY(versioned.openAndSync(m_deployment, QStringLiteral("/api/1.17.0/sync")));
    }

    void functionApiTakesConvexFaults()
    {
        HttpClient http;
        const HttpResult armed = http.postJson(
            endpoint(m_emulator->baseUrl(), QStringLiteral("/_emulator/faults")),
            QJsonDocument::fromJson(R"({"endpoint":"convex","status":503,
                "body":{"message":"Service unavailable"}})").object());
        QCOMPARE(armed.status, 201);
        const QUrl query = endpoint(m_deployment, QStringLiteral("/api/query"));
        const QByteArray body = R"({"path":"messages:list","args":{}})";
        QCOMPARE(http.post(query, body, "application/json").status, 503);
        QCOMPARE(http.post(query, body, "application/json").status, 200);
    }

private:
    std::unique_ptr<AuthKitEmulator> m_emulator;
    QUrl m_deployment;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestConvexDeploymentHostile)
#include "tst_convexdeployment_hostile.moc"
