// Integration: our ConvexClient + AuthKitTokenSource + TokenManager against the in-process
// AuthKit emulator's Convex deployment.
// - With 5-second access tokens, a subscriber stays authenticated through 60 s of live updates
//   (another client sends a message every second): every message arrives, in order, no gap, and
//   no AuthError is ever received.
// - A killed sync socket (/_emulator/sockets/close) reconnects, and a mutation in flight at the
//   kill is applied exactly once.

#include "ConvexEmulatorRig.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

using namespace convexrig;

namespace {

constexpr int kTickCount = 60;
const QString kTickPrefix = QStringLiteral("tick ");

ConvexClient::Options clientOptions()
{
    ConvexClient::Options options;
    // convex-js's authRefreshTokenLeewaySeconds: the default 10 s is longer than a 5 s token
    // (the client would refetch in a loop), so the test configures 2 s, as an app with short
    // tokens would.
    options.authRefreshTokenLeewaySecs = 2;
    options.socket.backoffScale = 0.1;
    return options;
}

// The tick numbers in a messages:list result, in list order; -1 for a malformed one.
QList<int> ticks(const ConvexValue &messages)
{
    QList<int> out;
    for (const QString &body : bodies(messages)) {
        if (!body.startsWith(kTickPrefix))
            continue;
        bool ok = false;
        const int n = body.mid(kTickPrefix.size()).toInt(&ok);
        out.append(ok ? n : -1);
    }
    return out;
}

} // namespace

class ConvexIntegrationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysAuthenticatedWithFiveSecondTokens()
    {
        EmulatorSession emulator = startEmulator(5);
        auto ada = signIn(emulator.config, QStringLiteral("ada@example.com"));
        auto grace = signIn(emulator.config, QStringLiteral("grace@example.com"));
        QVERIFY(ada);
        QVERIFY(grace);
        QCOMPARE(ada->tokens->session().accessTokenLifetimeSecs, 5);

        ConvexClient receiver(emulator.emulator->convexUrl(), clientOptions());
        ConvexClient sender(emulator.emulator->convexUrl(), clientOptions());
        AuthErrorCounter receiverAuthErrors(receiver);
        AuthErrorCounter senderAuthErrors(sender);
        QList<bool> receiverChanges;
        QList<bool> senderChanges;
        receiver.setAuth(ada->source->fetcher(), [&](bool ok) { receiverChanges.append(ok); });
        sender.setAuth(grace->source->fetcher(), [&](bool ok) { senderChanges.append(ok); });
        QVERIFY(QTest::qWaitFor([&] { return receiverChanges.contains(true); }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return senderChanges.contains(true); }, 10000));

        std::unique_ptr<ConvexQuery> list(receiver.subscribe(QStringLiteral("messages:list")));
        QVERIFY(QTest::qWaitFor([&] { return list->isReady(); }, 10000));
        QVERIFY(ticks(list->value()).isEmpty());
        QStringList problems;
        int seen = 0;
        connect(list.get(), &ConvexQuery::resultChanged, this, [&](const ConvexValue &value) {
            const QList<int> now = ticks(value);
            for (int i = 0; i < now.size(); ++i) {
                if (now.at(i) != i) {
                    problems.append(QStringLiteral("an update has tick %1 at position %2")
                                        .arg(now.at(i))
                                        .arg(i));
                    break;
                }
            }
            if (now.size() < seen)
                problems.append(QStringLiteral("went back from %1 to %2").arg(seen).arg(now.size()));
            seen = int(now.size());
        });
        connect(list.get(), &ConvexQuery::failed, this,
                [&](const QString &message) { problems.append(QStringLiteral("failed: ") + message); });

        const int refreshesBefore = ada->network.countFor(QStringLiteral("/authenticate"));
        int sent = 0;
        int answered = 0;
        QStringList sendErrors;
        QTimer every;
        every.setInterval(1000);
        connect(&every, &QTimer::timeout, this, [&] {
            if (sent == kTickCount) {
                every.stop();
                return;
            }
            sender.mutation(QStringLiteral("messages:send"), sendArgs(kTickPrefix + QString::number(sent++)),
                            [&](const ConvexResult &r) {
                                ++answered;
                                if (!r.success)
                                    sendErrors.append(r.errorMessage);
                            });
        });
        QElapsedTimer clock;
        clock.start();
        every.start();
        QVERIFY(QTest::qWaitFor([&] { return seen == kTickCount && answered == kTickCount; },
                                (kTickCount + 15) * 1000));
        qInfo("60 messages over %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() >= (kTickCount - 1) * 1000, "the run lasted a minute");

        QVERIFY2(sendErrors.isEmpty(), qPrintable(sendErrors.join(QStringLiteral("; "))));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        QList<int> expected;
        for (int i = 0; i < kTickCount; ++i)
            expected.append(i);
        QCOMPARE(ticks(list->value()), expected);
        QCOMPARE(receiverAuthErrors.count, 0);
        QCOMPARE(senderAuthErrors.count, 0);
        QVERIFY2(!receiverChanges.contains(false), "the receiver was never signed out");
        QVERIFY2(!senderChanges.contains(false), "the sender was never signed out");
        // The tokens really did expire and were refreshed along the way (one every ~3 s).
        const int refreshes = ada->network.countFor(QStringLiteral("/authenticate")) - refreshesBefore;
        QVERIFY2(refreshes >= 10, qPrintable(QStringLiteral("%1 refreshes").arg(refreshes)));
        QVERIFY(receiver.isConnected());
    }

    void killedSocketReconnectsAndInFlightMutationAppliesOnce()
    {
        EmulatorSession emulator = startEmulator(300);
        auto ada = signIn(emulator.config, QStringLiteral("ada@example.com"));
        QVERIFY(ada);
        ConvexClient client(emulator.emulator->convexUrl(), clientOptions());
        AuthErrorCounter authErrors(client);
        QList<bool> changes;
        client.setAuth(ada->source->fetcher(), [&](bool ok) { changes.append(ok); });
        QVERIFY(QTest::qWaitFor([&] { return changes.contains(true); }, 10000));
        std::unique_ptr<ConvexQuery> list(client.subscribe(QStringLiteral("messages:list")));
        QVERIFY(QTest::qWaitFor([&] { return list->isReady(); }, 10000));

        int opens = 0;
        int closes = 0;
        connect(client.socket(), &WebSocketManager::opened, this, [&] { ++opens; });
        connect(client.socket(), &WebSocketManager::closed, this, [&] { ++closes; });
        const QUrl deployment = emulator.emulator->convexUrl();

        // Each round: a connection to the deployment's kill knob is opened (and accepted)
        // first; then the kill request is written and flushed, and only then is the mutation
        // sent, so the kill reaches the server no later than the mutation. A round counts as
        // "in flight at the kill" when the mutation's answer came only after the client saw its
        // socket close. Whether the server applied it before the socket died or only sees it
        // replayed after the reconnect, it must be applied exactly once.
        int inFlightRounds = 0;
        for (int round = 0; round < 8 && inFlightRounds < 3; ++round) {
            QTcpSocket knob;
            knob.connectToHost(QHostAddress::LocalHost, quint16(deployment.port()));
            QVERIFY(knob.waitForConnected(5000));
            QTest::qWait(50); // the server accepts the connection

            const QString body = QStringLiteral("in flight %1").arg(round);
            std::optional<ConvexResult> result;
            bool answeredAfterClose = false;
            const int opensBefore = opens;
            const int closesBefore = closes;
            const QByteArray payload = QByteArrayLiteral("{}");
            knob.write("POST /_emulator/sockets/close HTTP/1.1\r\nHost: 127.0.0.1:"
                       + QByteArray::number(deployment.port())
                       + "\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(payload.size()) + "\r\nConnection: close\r\n\r\n"
                       + payload);
            QVERIFY(knob.flush());
            client.mutation(QStringLiteral("messages:send"), sendArgs(body),
                            [&](const ConvexResult &r) {
                                result = r;
                                answeredAfterClose = closes > closesBefore;
                            });
            QByteArray answer;
            QVERIFY2(QTest::qWaitFor(
                         [&] {
                             answer += knob.readAll();
                             return answer.contains("\"sockets\"");
                         },
                         10000),
                     answer.constData());
            const QByteArray json = answer.mid(answer.indexOf("\r\n\r\n") + 4);
            const int killedSockets =
                QJsonDocument::fromJson(json).object().value(QStringLiteral("sockets")).toInt(-1);
            QVERIFY2(killedSockets >= 1, answer.constData());
            QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 15000));
            QVERIFY2(result->success, qPrintable(result->errorMessage));
            QVERIFY2(QTest::qWaitFor([&] { return opens > opensBefore && client.isConnected(); },
                                     15000),
                     "the client reconnected");
            if (answeredAfterClose)
                ++inFlightRounds;
            // Give a duplicate every chance to show up, then look.
            QTest::qWait(300);
            QCOMPARE(bodies(list->value()).count(body), 1);
        }
        QVERIFY2(inFlightRounds >= 1, "no round had the mutation in flight at the kill");
        qInfo("%d round(s) with the mutation in flight at the kill", inFlightRounds);

        // Applied once on the server too, as a fresh client reads it.
        ConvexClient reader(emulator.emulator->convexUrl(), clientOptions());
        std::unique_ptr<ConvexQuery> fresh(reader.subscribe(QStringLiteral("messages:list")));
        QVERIFY(QTest::qWaitFor([&] { return fresh->isReady(); }, 10000));
        QCOMPARE(bodies(fresh->value()), bodies(list->value()));
        QCOMPARE(authErrors.count, 0);
        QVERIFY(!changes.contains(false));
    }
};

QTEST_GUILESS_MAIN(ConvexIntegrationTest)
#include "tst_convexintegration.moc"
