// ConvexClient against a scripted server: the handshake, version chaining, a bad start version,
// chunk reassembly, mutation replay, actions lost with the connection, read-your-writes,
// FatalError, inactivity, the auth state machine (docs/convex-protocol.md#authentication-manager).

#include "OversizedFrameStreamer.h"
#include "ScriptedServer.h"

#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace authkit::convex;

namespace {

ConvexValue object(std::initializer_list<std::pair<QString, ConvexValue>> fields)
{
    ConvexValue::Object map;
    for (const auto &[key, value] : fields)
        map.insert(key, value);
    return ConvexValue::fromObject(map);
}

ConvexValue text(const char *value)
{
    return ConvexValue::fromString(QString::fromUtf8(value));
}

protocol::QueryUpdated updated(quint32 queryId, const ConvexValue &value)
{
    protocol::QueryUpdated modification;
    modification.queryId = queryId;
    modification.value = value;
    return modification;
}

// An unsigned JWT-shaped token: the client only reads iat and exp.
QString makeJwt(qint64 lifetimeSecs, const QString &tag)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto part = [](const QJsonObject &json) {
        return QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray header = part({{QStringLiteral("alg"), QStringLiteral("RS256")}});
    const QByteArray payload = part({{QStringLiteral("sub"), tag},
                                     {QStringLiteral("iat"), double(now)},
                                     {QStringLiteral("exp"), double(now + lifetimeSecs)}});
    return QString::fromLatin1(header + '.' + payload + ".c2ln");
}

// A token provider that hands out scripted answers, one per call, asynchronously, and records
// what it was asked.
struct ScriptedFetcher
{
    QList<std::optional<QString>> answers;
    QList<bool> calls; // forceRefresh of each call

    ConvexClient::TokenFetcher fetcher()
    {
        return [this](bool force, ConvexClient::TokenCallback done) {
            calls.append(force);
            const std::optional<QString> answer =
                answers.isEmpty() ? std::nullopt : answers.takeFirst();
            QTimer::singleShot(0, [done, answer] { done(answer); });
        };
    }
};

struct AuthSpy
{
    QList<bool> changes;
    QList<bool> refreshes;
};

ConvexClient::Options testOptions()
{
    ConvexClient::Options options;
    options.socket.backoffScale = 0.02; // reconnects within a few tens of ms
    return options;
}

} // namespace

class ConvexClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handshakeAndVersionChaining()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        std::unique_ptr<ConvexQuery> query(
            client.subscribe(QStringLiteral("messages:list"), object({{QStringLiteral("channel"), text("general")}})));
        QSignalSpy results(query.get(), &ConvexQuery::resultChanged);

        const auto connectMessage = server.takeAs<protocol::Connect>(QStringLiteral("Connect"));
        QVERIFY(connectMessage);
        QCOMPARE(connectMessage->sessionId, client.sessionId());
        QCOMPARE(connectMessage->connectionCount, 0u);
        QCOMPARE(connectMessage->lastCloseReason, QStringLiteral("InitialConnect"));
        QVERIFY(!connectMessage->maxObservedTimestamp);
        QVERIFY(server.last().clientHeader.startsWith("authkitqt-"));
        QCOMPARE(server.last().path, QStringLiteral("/api/sync"));
        const auto querySet = server.takeAs<protocol::ModifyQuerySet>(QStringLiteral("ModifyQuerySet"));
        QVERIFY(querySet);
        QCOMPARE(querySet->baseVersion, 0u);
        QCOMPARE(querySet->newVersion, 1u);
        QCOMPARE(querySet->modifications.size(), 1);
        const auto add = std::get<protocol::AddQuery>(querySet->modifications.first());
        QCOMPARE(add.udfPath, QStringLiteral("messages:list"));
        QCOMPARE(server.types(0), QStringList({QStringLiteral("Connect"), QStringLiteral("ModifyQuerySet")}));

        server.transition(1, 0, 10, {updated(add.queryId, text("first"))});
        QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 5000);
        QVERIFY(query->isReady());
        QCOMPARE(query->value(), text("first"));
        server.transition(1, 0, 20, {updated(add.queryId, text("second"))});
        QTRY_COMPARE_WITH_TIMEOUT(results.count(), 2, 5000);
        QCOMPARE(query->value(), text("second"));
        QCOMPARE(client.remoteVersion(), (StateVersion{1, 0, 20}));
        QCOMPARE(client.maxObservedTimestamp(), std::optional<quint64>(20));

        // A second handle shares the query and is ready at once; the last one gone removes it.
        std::unique_ptr<ConvexQuery> twin(
            client.subscribe(QStringLiteral("messages:list"), object({{QStringLiteral("channel"), text("general")}})));
        QVERIFY(twin->isReady());
        QCOMPARE(twin->value(), text("second"));
        query.reset();
        twin.reset();
        const auto removal = server.takeAs<protocol::ModifyQuerySet>(QStringLiteral("ModifyQuerySet"));
        QVERIFY(removal);
        QCOMPARE(removal->baseVersion, 1u);
        QCOMPARE(removal->newVersion, 2u);
        QVERIFY(std::holds_alternative<protocol::RemoveQuery>(removal->modifications.first()));
        QCOMPARE(server.count(0, QStringLiteral("ModifyQuerySet")), 2); // one Remove, not two
    }

    void badStartVersionReconnects()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        std::unique_ptr<ConvexQuery> query(client.subscribe(QStringLiteral("messages:list")));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        server.transition(1, 0, 10, {updated(0, text("a"))});
        QTRY_VERIFY_WITH_TIMEOUT(query->isReady(), 5000);

        protocol::Transition broken;
        broken.startVersion = StateVersion{1, 0, 999};
        broken.endVersion = StateVersion{1, 0, 1000};
        server.send(broken);

        QVERIFY(server.waitForConnections(2));
        const auto again = server.takeAs<protocol::Connect>(QStringLiteral("Connect"));
        QVERIFY(again);
        QCOMPARE(again->sessionId, client.sessionId());
        QCOMPARE(again->connectionCount, 1u);
        QCOMPARE(again->lastCloseReason, QStringLiteral("InvalidStartVersion"));
        QCOMPARE(again->maxObservedTimestamp, std::optional<quint64>(10));
        const auto querySet = server.takeAs<protocol::ModifyQuerySet>(QStringLiteral("ModifyQuerySet"));
        QVERIFY(querySet);
        QCOMPARE(querySet->baseVersion, 0u);
        QCOMPARE(querySet->modifications.size(), 1);
        // The new socket's chain starts from zero again.
        server.transition(1, 0, 30, {updated(0, text("b"))});
        QTRY_COMPARE_WITH_TIMEOUT(query->value(), text("b"), 5000);
    }

    void chunkedTransitionIsReassembled()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        std::unique_ptr<ConvexQuery> query(client.subscribe(QStringLiteral("messages:list")));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));

        protocol::Transition whole;
        whole.endVersion = StateVersion{1, 0, 42};
        whole.modifications = {updated(0, text("a long result that travels in pieces"))};
        const QByteArray json = QJsonDocument(*whole.toJson()).toJson(QJsonDocument::Compact);
        const int third = int(json.size() / 3) + 1;
        for (int part = 0; part < 3; ++part) {
            protocol::TransitionChunk chunk;
            chunk.chunk = QString::fromUtf8(json.mid(part * third, third));
            chunk.partNumber = quint32(part);
            chunk.totalParts = 3;
            chunk.transitionId = QStringLiteral("t1");
            server.send(chunk);
            if (part == 0)
                server.send(protocol::Ping()); // does not interrupt the sequence
        }
        QTRY_VERIFY_WITH_TIMEOUT(query->isReady(), 5000);
        QCOMPARE(query->value(), text("a long result that travels in pieces"));
        QCOMPARE(client.remoteVersion(), (StateVersion{1, 0, 42}));
    }

    void mutationIsReplayedAfterTheServerClosesTheSocket()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        server.transition(1, 0, 10);

        std::optional<ConvexResult> outcome;
        client.mutation(QStringLiteral("messages:send"), object({{QStringLiteral("body"), text("hi")}}),
                        [&](const ConvexResult &result) { outcome = result; });
        const auto first = server.takeAs<protocol::Mutation>(QStringLiteral("Mutation"));
        QVERIFY(first);
        server.close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("InternalServerError"));

        QVERIFY(server.waitForConnections(2));
        const auto connectMessage = server.takeAs<protocol::Connect>(QStringLiteral("Connect"));
        QVERIFY(connectMessage);
        QCOMPARE(connectMessage->lastCloseReason, QStringLiteral("InternalServerError"));
        const auto replayed = server.takeAs<protocol::Mutation>(QStringLiteral("Mutation"));
        QVERIFY(replayed);
        QCOMPARE(replayed->requestId, first->requestId);
        QCOMPARE(replayed->udfPath, QStringLiteral("messages:send"));
        QCOMPARE(server.types(1).mid(0, 3),
                 QStringList({QStringLiteral("Connect"), QStringLiteral("ModifyQuerySet"),
                              QStringLiteral("Mutation")}));
        QVERIFY(!outcome);

        server.transition(1, 0, 40);
        protocol::MutationResponse response;
        response.requestId = replayed->requestId;
        response.success = true;
        response.result = text("msg_1");
        response.ts = 50;
        server.send(response);
        server.transition(1, 0, 50);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        QVERIFY(outcome->success);
        QCOMPARE(outcome->value, text("msg_1"));
        QCOMPARE(client.pendingRequestCount(), 0);
    }

    void actionInFlightFailsWhenTheConnectionIsLost()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        std::optional<ConvexResult> outcome;
        client.action(QStringLiteral("ai:summarize"), ConvexValue(),
                      [&](const ConvexResult &result) { outcome = result; });
        QVERIFY(server.take(QStringLiteral("Action")));
        server.close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("InternalServerError"));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        QVERIFY(!outcome->success);
        QCOMPARE(outcome->errorMessage, QStringLiteral("Connection lost while action was in flight"));
        QVERIFY(server.waitForConnections(2));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        QCOMPARE(server.count(1, QStringLiteral("Action")), 0);

        // An action that completes is answered at once, with its ConvexError data.
        std::optional<ConvexResult> second;
        client.action(QStringLiteral("ai:summarize"), ConvexValue(),
                      [&](const ConvexResult &result) { second = result; });
        const auto action = server.takeAs<protocol::Action>(QStringLiteral("Action"));
        QVERIFY(action);
        protocol::ActionResponse response;
        response.requestId = action->requestId;
        response.errorMessage = QStringLiteral("Uncaught ConvexError: quota");
        response.errorData = object({{QStringLiteral("code"), text("quota")}});
        server.send(response);
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 5000);
        QVERIFY(!second->success);
        QCOMPARE(second->errorData, std::optional<ConvexValue>(object({{QStringLiteral("code"), text("quota")}})));
    }

    void mutationCompletesOnlyOnceItsTimestampIsApplied()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        std::unique_ptr<ConvexQuery> query(client.subscribe(QStringLiteral("messages:list")));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        server.transition(1, 0, 10, {updated(0, text("before"))});
        QTRY_VERIFY_WITH_TIMEOUT(query->isReady(), 5000);

        std::optional<ConvexResult> outcome;
        ConvexValue seenByCallback;
        client.mutation(QStringLiteral("messages:send"), ConvexValue(), [&](const ConvexResult &result) {
            outcome = result;
            seenByCallback = query->value();
        });
        const auto mutation = server.takeAs<protocol::Mutation>(QStringLiteral("Mutation"));
        QVERIFY(mutation);
        protocol::MutationResponse response;
        response.requestId = mutation->requestId;
        response.success = true;
        response.ts = 30;
        server.send(response);
        server.transition(1, 0, 20, {updated(0, text("older snapshot"))});
        QTRY_COMPARE_WITH_TIMEOUT(query->value(), text("older snapshot"), 5000);
        QVERIFY(!outcome); // ts 20 < 30
        server.transition(1, 0, 30, {updated(0, text("with my write"))});
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        QVERIFY(outcome->success);
        QCOMPARE(seenByCallback, text("with my write"));

        // A failed mutation is answered at once.
        std::optional<ConvexResult> failed;
        client.mutation(QStringLiteral("messages:send"), ConvexValue(),
                        [&](const ConvexResult &result) { failed = result; });
        const auto second = server.takeAs<protocol::Mutation>(QStringLiteral("Mutation"));
        QVERIFY(second);
        protocol::MutationResponse refusal;
        refusal.requestId = second->requestId;
        refusal.errorMessage = QStringLiteral("Uncaught ConvexError: empty");
        refusal.errorData = ConvexValue(); // ConvexError(null)
        server.send(refusal);
        QTRY_VERIFY_WITH_TIMEOUT(failed.has_value(), 5000);
        QVERIFY(!failed->success);
        QCOMPARE(failed->errorMessage, QStringLiteral("Uncaught ConvexError: empty"));
        QVERIFY(failed->errorData.has_value());
    }

    void fatalErrorStopsTheClient()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        QSignalSpy fatal(&client, &ConvexClient::fatalError);
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        std::optional<ConvexResult> outcome;
        client.mutation(QStringLiteral("messages:send"), ConvexValue(),
                        [&](const ConvexResult &result) { outcome = result; });
        QVERIFY(server.take(QStringLiteral("Mutation")));
        protocol::FatalError error;
        error.error = QStringLiteral("Base version 3 passed up doesn't match the current version 1");
        server.send(error);
        QTRY_COMPARE_WITH_TIMEOUT(fatal.count(), 1, 5000);
        QCOMPARE(fatal.first().first().toString(), error.error);
        QVERIFY(outcome && !outcome->success);
        QVERIFY(client.isClosed());
        QCOMPARE(client.socket()->state(), WebSocketManager::State::Terminated);
        std::optional<ConvexResult> late;
        client.mutation(QStringLiteral("messages:send"), ConvexValue(),
                        [&](const ConvexResult &result) { late = result; });
        QVERIFY(late && !late->success);
        QTRY_VERIFY_WITH_TIMEOUT(server.last().closedByClient, 5000);
        QCOMPARE(server.connectionCount(), 1);
    }

    void silentServerIsLeft()
    {
        ScriptedServer server;
        ConvexClient::Options options = testOptions();
        options.socket.serverInactivityMs = 300;
        ConvexClient client(server.deploymentUrl(), options);
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        QVERIFY(server.waitForConnections(2));
        const auto again = server.takeAs<protocol::Connect>(QStringLiteral("Connect"));
        QVERIFY(again);
        QCOMPARE(again->lastCloseReason, QStringLiteral("InactiveServer"));
    }

    void backoffFollowsTheCloseReason()
    {
        QCOMPARE(WebSocketManager::initialBackoffMsFor(QStringLiteral("InternalServerError")), 1000);
        QCOMPARE(WebSocketManager::initialBackoffMsFor(QStringLiteral("TooManyConcurrentRequests: x")), 3000);
        QCOMPARE(WebSocketManager::syncUrl(QUrl(QStringLiteral("https://x.convex.cloud/"))),
                 QUrl(QStringLiteral("wss://x.convex.cloud/api/sync")));
        QCOMPARE(WebSocketManager::syncUrl(QUrl(QStringLiteral("http://127.0.0.1:3210"))),
                 QUrl(QStringLiteral("ws://127.0.0.1:3210/api/sync")));
    }

    // --- authentication (docs/convex-protocol.md#authentication-manager) ---

    void aTokenShorterThanTheLeewayIsNotRefetchedInALoop()
    {
        // convex-js refetches such a token at once, again and again; we wait half of its usable
        // life (4 s of 5: iat is whole seconds).
        ScriptedServer server;
        ConvexClient::Options options = testOptions();
        options.authRefreshTokenLeewaySecs = 10;
        ConvexClient client(server.deploymentUrl(), options);
        ScriptedFetcher tokens;
        tokens.answers = {makeJwt(300, QStringLiteral("cached")), makeJwt(5, QStringLiteral("short"))};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        std::unique_ptr<ConvexQuery> query(client.subscribe(QStringLiteral("messages:list")));
        QVERIFY(server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate")));
        server.transition(1, 1, 10, {updated(0, text("as the user"))});
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({true}), 5000);
        QVERIFY(server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate")));
        server.transition(1, 2, 11);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() >= 0, 5000);
        QVERIFY2(client.msUntilAuthRefetch() > 1000 && client.msUntilAuthRefetch() <= 2000,
                 qPrintable(QString::number(client.msUntilAuthRefetch())));
        QCOMPARE(tokens.calls, QList<bool>({false, true}));
    }

    void tokenIsConfirmedThenRefreshedAndScheduled()
    {
        ScriptedServer server;
        ConvexClient::Options options = testOptions();
        options.authRefreshTokenLeewaySecs = 10;
        ConvexClient client(server.deploymentUrl(), options);
        ScriptedFetcher tokens;
        const QString cached = makeJwt(300, QStringLiteral("cached"));
        const QString fresh = makeJwt(3, QStringLiteral("fresh")); // refetch due in ~1 s
        const QString next = makeJwt(300, QStringLiteral("next"));
        tokens.answers = {cached, fresh, next};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); },
                       [&](bool refreshing) { spy.refreshes.append(refreshing); });
        std::unique_ptr<ConvexQuery> query(client.subscribe(QStringLiteral("messages:list")));

        // Nothing before the token: Connect, Authenticate(cached), then the query set.
        const auto auth = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(auth);
        QCOMPARE(auth->value, cached);
        QCOMPARE(auth->baseVersion, 0u);
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        QCOMPARE(server.types(0).mid(0, 3),
                 QStringList({QStringLiteral("Connect"), QStringLiteral("Authenticate"),
                              QStringLiteral("ModifyQuerySet")}));
        QCOMPARE(tokens.calls, QList<bool>({false}));
        QVERIFY(spy.changes.isEmpty());

        server.transition(1, 1, 10, {updated(0, text("as the user"))});
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({true}), 5000);
        // The forced refetch after the confirmation.
        const auto second = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(second);
        QCOMPARE(tokens.calls, QList<bool>({false, true}));
        QCOMPARE(second->value, fresh);
        QCOMPARE(second->baseVersion, 1u);
        QCOMPARE(client.msUntilAuthRefetch(), -1);

        server.transition(1, 2, 11);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() >= 0, 5000);
        // Half of (exp - iat - 1 s) from arrival = 1 s (a coarse timer may report a little more).
        QVERIFY2(client.msUntilAuthRefetch() <= 1100,
                 qPrintable(QString::number(client.msUntilAuthRefetch())));
        QCOMPARE(spy.changes, QList<bool>({true})); // a refresh does not report again

        const auto third = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"), 5000);
        QVERIFY(third);
        QCOMPARE(third->value, next);
        QCOMPARE(third->baseVersion, 2u);
        QCOMPARE(tokens.calls, QList<bool>({false, true, true}));
        server.transition(1, 3, 12);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() > 200 * 1000, 5000);
        QVERIFY(spy.refreshes.isEmpty() || !spy.refreshes.last());
    }

    void authErrorForcesARefetchAndTheNewTokenIsAccepted()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        const QString cached = makeJwt(300, QStringLiteral("a"));
        const QString fresh = makeJwt(300, QStringLiteral("b"));
        const QString replacement = makeJwt(300, QStringLiteral("c"));
        tokens.answers = {cached, fresh, replacement};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); },
                       [&](bool refreshing) { spy.refreshes.append(refreshing); });
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        server.transition(1, 1, 10);
        QVERIFY(server.take(QStringLiteral("Authenticate")));
        QVERIFY(server.take(QStringLiteral("Authenticate"))); // fresh
        server.transition(1, 2, 10);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() >= 0, 5000);

        // The session's token expired on the server.
        protocol::AuthError error;
        error.error = QStringLiteral("Convex token identity expired");
        error.baseVersion = 2;
        error.authUpdateAttempted = false;
        server.send(error);
        server.close();
        QTRY_COMPARE_WITH_TIMEOUT(spy.refreshes.value(0), true, 5000);
        QVERIFY(server.waitForConnections(2));
        const auto auth = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(auth);
        QCOMPARE(auth->value, replacement);
        QCOMPARE(auth->baseVersion, 0u);
        QCOMPARE(tokens.calls, QList<bool>({false, true, true}));
        QCOMPARE(server.types(1).mid(0, 2),
                 QStringList({QStringLiteral("Connect"), QStringLiteral("Authenticate")}));
        server.transition(1, 1, 20);
        QTRY_COMPARE_WITH_TIMEOUT(spy.refreshes, QList<bool>({true, false}), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() >= 0, 5000);
        QCOMPARE(spy.changes, QList<bool>({true})); // never signed out
        QVERIFY(client.hasAuth());
    }

    void sameOrNoTokenAfterAnAuthErrorSignsOut_data()
    {
        QTest::addColumn<bool>("same");
        QTest::newRow("same token") << true;
        QTest::newRow("null") << false;
    }

    void sameOrNoTokenAfterAnAuthErrorSignsOut()
    {
        QFETCH(bool, same);
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        const QString cached = makeJwt(300, QStringLiteral("a"));
        const QString fresh = makeJwt(300, QStringLiteral("b"));
        tokens.answers = {cached, fresh, same ? std::optional<QString>(fresh) : std::nullopt};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        server.transition(1, 1, 10);
        QVERIFY(server.take(QStringLiteral("Authenticate")));
        QVERIFY(server.take(QStringLiteral("Authenticate")));
        server.transition(1, 2, 10);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() >= 0, 5000);

        protocol::AuthError error;
        error.error = QStringLiteral("Could not validate token");
        error.baseVersion = 2;
        error.authUpdateAttempted = true;
        server.send(error);
        server.close();
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({true, false}), 5000);
        QVERIFY(!client.hasAuth());
        QCOMPARE(client.msUntilAuthRefetch(), -1);
        // The socket comes back without a token.
        QVERIFY(server.waitForConnections(2));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        QCOMPARE(server.count(1, QStringLiteral("Authenticate")), 0);
    }

    void twoFailedConfirmationsGiveUp()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        for (int i = 0; i < 6; ++i)
            tokens.answers.append(makeJwt(300, QStringLiteral("t%1").arg(i)));
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        protocol::AuthError error;
        error.error = QStringLiteral("No auth provider found matching the given token");
        error.authUpdateAttempted = true;
        error.baseVersion = 0;
        // The cached token, then two fresh ones, then the last fresh one: each rejected.
        for (int round = 0; round < 4; ++round) {
            QVERIFY2(server.waitForConnections(round + 1), qPrintable(QString::number(round)));
            QVERIFY(server.take(QStringLiteral("Authenticate")));
            server.send(error);
            server.close();
        }
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({false}), 5000);
        QCOMPARE(tokens.calls, QList<bool>({false, true, true, true}));
        QVERIFY(!client.hasAuth());
        QVERIFY(server.waitForConnections(5));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        QCOMPARE(server.count(4, QStringLiteral("Authenticate")), 0);
    }

    void noCachedTokenRunsAForcedFetch()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        const QString fresh = makeJwt(300, QStringLiteral("fresh"));
        tokens.answers = {std::nullopt, fresh};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        const auto auth = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(auth);
        QCOMPARE(auth->value, fresh);
        QCOMPARE(tokens.calls, QList<bool>({false, true}));
        server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({true}), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() > 0, 5000);

        // clearAuth: Authenticate None, and no refetch stays armed.
        client.clearAuth();
        const auto logout = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(logout);
        QCOMPARE(logout->tokenType, protocol::Authenticate::TokenType::None);
        QCOMPARE(logout->baseVersion, 1u);
        QCOMPARE(client.msUntilAuthRefetch(), -1);
    }

    void setAuthOnAnOpenSocketPausesThenSendsInOrder()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        server.transition(1, 0, 10);
        QTRY_COMPARE_WITH_TIMEOUT(client.remoteVersion(), (StateVersion{1, 0, 10}), 5000);

        // A fetcher that answers only when told; other asks wait (docs/convex-protocol.md#pausing).
        ConvexClient::TokenCallback pending;
        client.setAuth([&](bool, ConvexClient::TokenCallback done) { pending = done; },
                       [](bool) {});
        std::unique_ptr<ConvexQuery> query(client.subscribe(QStringLiteral("messages:list")));
        std::optional<ConvexResult> outcome;
        client.mutation(QStringLiteral("messages:send"), ConvexValue(),
                        [&](const ConvexResult &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(bool(pending), 5000);
        QCOMPARE(server.types(0), QStringList({QStringLiteral("Connect"), QStringLiteral("ModifyQuerySet")}));

        pending(makeJwt(300, QStringLiteral("t")));
        QVERIFY(server.take(QStringLiteral("Mutation")));
        QCOMPARE(server.types(0),
                 QStringList({QStringLiteral("Connect"), QStringLiteral("ModifyQuerySet"),
                              QStringLiteral("Authenticate"), QStringLiteral("ModifyQuerySet"),
                              QStringLiteral("Mutation")}));
        const auto auth = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QCOMPARE(auth->baseVersion, 0u);
        const auto querySet = server.takeAs<protocol::ModifyQuerySet>(QStringLiteral("ModifyQuerySet"));
        QCOMPARE(querySet->baseVersion, 1u);
        QCOMPARE(querySet->newVersion, 2u);
    }

    void expiryErrorIsIgnoredWhileANewTokenIsBeingConfirmed()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        tokens.answers = {makeJwt(300, QStringLiteral("a")), makeJwt(300, QStringLiteral("b"))};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); },
                       [&](bool refreshing) { spy.refreshes.append(refreshing); });
        QVERIFY(server.take(QStringLiteral("Authenticate")));
        protocol::AuthError error;
        error.error = QStringLiteral("Convex token identity expired");
        error.baseVersion = 0;
        error.authUpdateAttempted = false;
        server.send(error);
        server.close();
        // No refetch for it: the reconnect carries the token that is waiting for confirmation.
        QVERIFY(server.waitForConnections(2));
        const auto again = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(again);
        QCOMPARE(tokens.calls, QList<bool>({false}));
        QVERIFY(spy.refreshes.isEmpty());
        server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({true}), 5000);
    }

    // --- sizes and storms ---

    void unknownServerMessageTypeBacksOffInsteadOfLooping()
    {
        // Every socket: the state is confirmed, then a message type we do not know. Each one is
        // a protocol error, and the confirmation before it must not reset the backoff (or the
        // client reconnects ten times a second, for ever).
        ScriptedServer server;
        ConvexClient::Options options = testOptions();
        options.socket.backoffScale = 0.01; // 1 s -> 10 ms; the 16 s cap -> 160 ms
        ConvexClient client(server.deploymentUrl(), options);
        QList<int> delays;
        QStringList reasons;
        connect(client.socket(), &WebSocketManager::reconnectScheduled, this,
                [&](int delayMs, const QString &reason) {
                    delays.append(delayMs);
                    reasons.append(reason);
                });
        for (int round = 0; round < 5; ++round) {
            QVERIFY2(server.waitForConnections(round + 1), qPrintable(QString::number(round)));
            QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
            server.transition(1, 0, quint64(10 + round));
            const StateVersion confirmed{1, 0, quint64(10 + round)};
            QTRY_COMPARE_WITH_TIMEOUT(client.remoteVersion(), confirmed, 5000);
            server.sendRaw(QByteArrayLiteral(R"({"type":"ServerNews","text":"hello"})"));
            QTRY_COMPARE_WITH_TIMEOUT(delays.size(), round + 1, 5000);
        }
        QCOMPARE(reasons, QStringList(5, QStringLiteral("InvalidServerMessage")));
        // 10, 20, 40, 80, 160 ms, each +-50 %: two steps on is always longer.
        for (int i = 0; i + 2 < delays.size(); ++i)
            QVERIFY2(delays.at(i + 2) > delays.at(i), qPrintable(QString::number(delays.at(i))));
        QVERIFY2(delays.last() >= 80, qPrintable(QString::number(delays.last())));
        QVERIFY(client.socket()->protocolErrors() >= 5);
    }

    void oversizedServerFrameClosesTheSocketUnbuffered()
    {
        // A server that announces a 200 MiB text frame and streams it: the client hangs up at
        // the header instead of buffering it (it would hold it twice, as bytes and as text).
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost));
        std::unique_ptr<OversizedFrameStreamer> streamer;
        QPointer<QTcpSocket> peer;
        connect(&raw, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = raw.nextPendingConnection();
            if (peer) {
                socket->abort(); // one attempt is enough; later reconnects are refused
                return;
            }
            peer = socket;
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                if (streamer || !socket->canReadLine())
                    return;
                const QByteArray request = socket->peek(socket->bytesAvailable());
                if (!request.contains("\r\n\r\n"))
                    return;
                socket->readAll();
                QByteArray key;
                for (const QByteArray &line : request.split('\n')) {
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(18).trimmed();
                }
                socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                              + OversizedFrameStreamer::acceptKey(key) + "\r\n\r\n");
                streamer = std::make_unique<OversizedFrameStreamer>(socket, 200LL * 1024 * 1024,
                                                                    false);
            });
        });
        const qint64 pid = QCoreApplication::applicationPid();
        const qint64 peakBefore = OversizedFrameStreamer::peakResidentKb(pid);
        QVERIFY(peakBefore > 0);

        ConvexClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(raw.serverPort())),
                            testOptions());
        QSignalSpy closed(client.socket(), &WebSocketManager::closed);
        QList<protocol::ServerMessage> delivered;
        connect(client.socket(), &WebSocketManager::messageReceived, this,
                [&](const protocol::ServerMessage &message) { delivered.append(message); });
        QVERIFY(QTest::qWaitFor([&] { return streamer != nullptr; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return streamer->peerHungUp() || streamer->isFinished(); },
                                60000));
        QVERIFY2(streamer->peerHungUp() && !streamer->isFinished(),
                 qPrintable(QStringLiteral("%1 MiB taken").arg(streamer->payloadSent() >> 20)));
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 5000);
        QVERIFY(delivered.isEmpty());
        const qint64 growthKb = OversizedFrameStreamer::peakResidentKb(pid) - peakBefore;
        QVERIFY2(growthKb < 64 * 1024,
                 qPrintable(QStringLiteral("peak grew by %1 kB").arg(growthKb)));
    }

    void twoSecondTokenIsSwappedOnTheOpenSocketBeforeItExpires()
    {
        // iat and exp are whole seconds, so late in a second a 2 s token has little more than
        // 1 s left. convex-js "cannot refetch" a token of 2 s or less: the backend then ends the
        // identity with an AuthError and the socket is reopened, every 2 s.
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions()); // leeway 10 s, as the app
        ScriptedFetcher tokens;
        QVERIFY(QTest::qWaitFor(
            [] { return QDateTime::currentMSecsSinceEpoch() % 1000 >= 500; }, 2000));
        const QString cached = makeJwt(300, QStringLiteral("cached"));
        const QString shortLived = makeJwt(2, QStringLiteral("short"));
        const qint64 expiresAtMs = (QDateTime::currentSecsSinceEpoch() + 2) * 1000;
        const QString next = makeJwt(300, QStringLiteral("next"));
        tokens.answers = {cached, shortLived, next};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        QVERIFY(server.take(QStringLiteral("Authenticate")));
        server.transition(1, 1, 10);
        const auto second = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(second);
        QCOMPARE(second->value, shortLived);
        server.transition(1, 2, 11);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() >= 0, 5000);
        const qint64 refetchAtMs =
            QDateTime::currentMSecsSinceEpoch() + client.msUntilAuthRefetch();
        // Due with room for a refresh round trip before the backend's clock reaches exp.
        QVERIFY2(refetchAtMs < expiresAtMs - 250,
                 qPrintable(QStringLiteral("due %1 ms before exp").arg(expiresAtMs - refetchAtMs)));
        // The swap: Authenticate on the same socket, chained on the confirmed identity version.
        const auto third = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(third);
        QCOMPARE(third->value, next);
        QCOMPARE(third->baseVersion, 2u);
        QCOMPARE(server.connectionCount(), 1);
        QCOMPARE(spy.changes, QList<bool>({true}));
    }

    void expiryErrorForAStaleAwaitedTokenFetchesANewOne()
    {
        // The token on its way is itself past its refetch time when the server ends the old
        // identity: resending it would only be refused again (convex-js resends it).
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        const QString replacement = makeJwt(300, QStringLiteral("replacement"));
        tokens.answers = {makeJwt(300, QStringLiteral("cached")),
                          makeJwt(2, QStringLiteral("short")), replacement};
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        QVERIFY(server.take(QStringLiteral("Authenticate")));
        server.transition(1, 1, 10);
        QVERIFY(server.take(QStringLiteral("Authenticate"))); // the 2 s token, never confirmed
        QTest::qWait(700); // past its refetch point (half of its usable second)
        protocol::AuthError error;
        error.error = QStringLiteral("Convex token identity expired");
        error.baseVersion = 1;
        error.authUpdateAttempted = false;
        server.send(error);
        server.close();
        QVERIFY(server.waitForConnections(2));
        const auto again = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(again);
        QCOMPARE(again->value, replacement);
        QCOMPARE(tokens.calls, QList<bool>({false, true, true}));
        QCOMPARE(client.socket()->retries(), 0);
    }

    void authDrivenReconnectsDoNotGrowTheNetworkBackoff()
    {
        // The server ends the identity on every socket before confirming the token: each reconnect
        // is auth-driven (at once, or after the short client delay), never a growing network
        // backoff (today's 11 s gaps at 2 s tokens).
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens;
        for (int i = 0; i < 6; ++i)
            tokens.answers.append(makeJwt(300, QStringLiteral("t%1").arg(i)));
        client.setAuth(tokens.fetcher(), [](bool) {});
        protocol::AuthError error;
        error.error = QStringLiteral("Convex token identity expired");
        error.baseVersion = 0;
        error.authUpdateAttempted = false;
        for (int round = 0; round < 4; ++round) {
            QVERIFY2(server.waitForConnections(round + 1), qPrintable(QString::number(round)));
            QVERIFY(server.take(QStringLiteral("Authenticate")));
            server.send(error);
            server.close();
            QVERIFY(server.waitForConnections(round + 2));
            QCOMPARE(client.socket()->retries(), 0);
        }
        // Once per token the error is let pass (the token is on its way), then a new one is
        // fetched.
        QCOMPARE(tokens.calls, QList<bool>({false, true, true}));
    }

    void nullTokensLeaveTheUserSignedOut()
    {
        ScriptedServer server;
        ConvexClient client(server.deploymentUrl(), testOptions());
        ScriptedFetcher tokens; // always null
        AuthSpy spy;
        client.setAuth(tokens.fetcher(), [&](bool ok) { spy.changes.append(ok); });
        QTRY_COMPARE_WITH_TIMEOUT(spy.changes, QList<bool>({false}), 5000);
        QCOMPARE(tokens.calls, QList<bool>({false, true}));
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));
        QCOMPARE(server.count(0, QStringLiteral("Authenticate")), 0);
    }
};

QTEST_GUILESS_MAIN(ConvexClientTest)
#include "tst_convexclient.moc"
