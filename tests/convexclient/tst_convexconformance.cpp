// Conformance: our ConvexClient does against the AuthKit emulator's Convex deployment what the
// official convex npm client does in tests/conformance/convex-client.test.mjs: a live update after
// a mutation, users:viewer's identity once authenticated through AuthKitTokenSource, and a token
// signed by a foreign key refused (onChange(false)).

#include "ConvexEmulatorRig.h"

#include <QDateTime>

using namespace convexrig;

class ConvexConformanceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_emulator = startEmulator(300); }
    void cleanup() { m_emulator = {}; }

    void liveUpdateAndViewerIdentity()
    {
        auto ada = signIn(m_emulator.config, QStringLiteral("ada@example.com"));
        QVERIFY(ada);
        ConvexClient client(m_emulator.emulator->convexUrl());
        AuthErrorCounter authErrors(client);

        std::unique_ptr<ConvexQuery> list(client.subscribe(QStringLiteral("messages:list")));
        QVERIFY(QTest::qWaitFor([&] { return list->isReady(); }, 10000));
        QVERIFY2(!list->hasError(), qPrintable(list->errorMessage()));
        QVERIFY(list->value().isArray());

        // Signed out: the viewer is null and sending is refused, as in the JS test.
        {
            std::unique_ptr<ConvexQuery> viewer(client.subscribe(QStringLiteral("users:viewer")));
            QVERIFY(QTest::qWaitFor([&] { return viewer->isReady(); }, 10000));
            QVERIFY(viewer->value().isNull());
            const auto refused = mutate(client, QStringLiteral("messages:send"), sendArgs(QStringLiteral("nope")));
            QVERIFY(refused);
            QVERIFY(!refused->success);
            QVERIFY2(refused->errorMessage.contains(QStringLiteral("Not authenticated")),
                     qPrintable(refused->errorMessage));
        }

        QList<bool> changes;
        client.setAuth(ada->source->fetcher(), [&](bool ok) { changes.append(ok); });
        QVERIFY(QTest::qWaitFor([&] { return changes.contains(true); }, 10000));

        QList<ConvexValue> updates;
        connect(list.get(), &ConvexQuery::resultChanged, this,
                [&](const ConvexValue &v) { updates.append(v); });
        const QString body = QStringLiteral("hello from ConvexClient %1")
                                 .arg(QDateTime::currentMSecsSinceEpoch());
        const auto sent = mutate(client, QStringLiteral("messages:send"), sendArgs(body));
        QVERIFY(sent);
        QVERIFY2(sent->success, qPrintable(sent->errorMessage));
        // The caller's query already shows a successful mutation when it is answered.
        QCOMPARE(bodies(list->value()).count(body), 1);
        QVERIFY(QTest::qWaitFor(
            [&] { return !updates.isEmpty() && bodies(updates.last()).contains(body); }, 10000));

        ConvexValue mine;
        for (const ConvexValue &m : list->value().toArray())
            if (m.value(QStringLiteral("body")).toString() == body)
                mine = m;
        QVERIFY(mine.value(QStringLiteral("_id")).isString());
        QVERIFY(mine.value(QStringLiteral("_creationTime")).isFloat64());
        QCOMPARE(mine.value(QStringLiteral("author")).toString(),
                 QStringLiteral("user_01J0000000000000000000ADA"));

        std::unique_ptr<ConvexQuery> viewer(client.subscribe(QStringLiteral("users:viewer")));
        QVERIFY(QTest::qWaitFor([&] { return viewer->isReady(); }, 10000));
        const ConvexValue identity = viewer->value();
        const QString issuer = m_emulator.emulator->issuerFor(m_emulator.config.clientId);
        QCOMPARE(identity.value(QStringLiteral("issuer")).toString(), issuer);
        QCOMPARE(identity.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("user_01J0000000000000000000ADA"));
        QCOMPARE(identity.value(QStringLiteral("tokenIdentifier")).toString(),
                 issuer + QStringLiteral("|user_01J0000000000000000000ADA"));
        QVERIFY(identity.value(QStringLiteral("user")).isNull());

        QVERIFY2(!changes.contains(false), "never signed out");
        QCOMPARE(authErrors.count, 0);
    }

    void foreignKeyTokenIsRefused()
    {
        // The same client ID, issuer and user on another emulator: the same claims, signed by a
        // key this deployment has never seen.
        EmulatorSession foreign = startEmulator(300);
        auto stranger = signIn(foreign.config, QStringLiteral("ada@example.com"));
        QVERIFY(stranger);
        const QString token = stranger->tokens->session().accessToken;
        QVERIFY(!token.isEmpty());
        QCOMPARE(foreign.emulator->issuerFor(foreign.config.clientId),
                 m_emulator.emulator->issuerFor(m_emulator.config.clientId));

        ConvexClient client(m_emulator.emulator->convexUrl());
        AuthErrorCounter authErrors(client);
        QList<bool> changes;
        int fetches = 0;
        client.setAuth([&](bool, ConvexClient::TokenCallback done) { ++fetches; done(token); },
                       [&](bool ok) { changes.append(ok); });
        QVERIFY(QTest::qWaitFor([&] { return changes.contains(false); }, 10000));
        QVERIFY2(!changes.contains(true), "never authenticated");
        QVERIFY(fetches >= 1);
        QVERIFY(authErrors.count >= 1);
        QVERIFY(!client.hasAuth());

        std::unique_ptr<ConvexQuery> viewer(client.subscribe(QStringLiteral("users:viewer")));
        QVERIFY(QTest::qWaitFor([&] { return viewer->isReady(); }, 10000));
        QVERIFY(viewer->value().isNull());
    }

private:
    EmulatorSession m_emulator;
};

QTEST_GUILESS_MAIN(ConvexConformanceTest)
#include "tst_convexconformance.moc"
