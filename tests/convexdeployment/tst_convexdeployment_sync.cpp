// The sync protocol of the emulator's Convex deployment over a raw WebSocket (see
// docs/convex-protocol.md): version chaining, live updates, mutation dedupe, FatalError, AuthError.

#include "EmulatorFixture.h"
#include "HttpClient.h"
#include "SignInDriver.h"
#include "SyncTestSocket.h"

#include <authkitqt/convex/Timestamp.h>

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>

using namespace authkit::convex;
using namespace authkit::convex::protocol;
using namespace authkit::convexdeployment::tests;
using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

AddQuery add(quint32 queryId, const QString &udfPath)
{
    AddQuery query;
    query.queryId = queryId;
    query.udfPath = udfPath;
    return query;
}

Mutation sendMessage(quint32 requestId, const QString &body)
{
    Mutation mutation;
    mutation.requestId = requestId;
    mutation.udfPath = QStringLiteral("messages:send");
    mutation.args = ConvexValue::fromObject({{QStringLiteral("body"), ConvexValue::fromString(body)}});
    return mutation;
}

Connect connectMessage(const QString &sessionId)
{
    Connect connect;
    connect.sessionId = sessionId;
    connect.lastCloseReason = QStringLiteral("InitialConnect");
    connect.clientTs = QDateTime::currentMSecsSinceEpoch();
    return connect;
}

const QueryUpdated *updated(const Transition &transition, quint32 queryId)
{
    for (const StateModification &modification : transition.modifications) {
        const auto *update = std::get_if<QueryUpdated>(&modification);
        if (update && update->queryId == queryId)
            return update;
    }
    return nullptr;
}

int countBodies(const ConvexValue &list, const QString &body)
{
    int count = 0;
    for (const ConvexValue &message : list.toArray())
        count += message.value(QStringLiteral("body")).toString() == body ? 1 : 0;
    return count;
}

} // namespace

class TestConvexDeploymentSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void subscribeAndChainTransitions();
    void otherPathsAreRefused();
    void mutationUpdatesAnotherSocket();
    void mutationReplayIsAppliedOnce();
    void actionAnswersAtOnce();
    void badBaseVersionIsFatal();
    void invalidJsonIsFatal();
    void authenticateGivesTheIdentity();
    void authenticateBaseVersionMismatchCloses();
    void foreignKeyIsAnAuthError();
    void forgedSignatureIsAnAuthError();
    void expiringIdentityIsAnAuthError();
    void tokenSwapOnTheOpenSocketOutlivesTheFirstToken();
    void pingAfterSilence();
    void testKnobs();
    void dataFolderKeepsTheTables();

private:
    QString signIn(AuthKitEmulator &emulator);

    std::unique_ptr<AuthKitEmulator> m_emulator;
};

void TestConvexDeploymentSync::init()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    QVERIFY(m_emulator->convexUrl().isValid());
    QVERIFY(m_emulator->convexUrl().port() != m_emulator->baseUrl().port());
}

void TestConvexDeploymentSync::cleanup()
{
    m_emulator.reset();
}

QString TestConvexDeploymentSync::signIn(AuthKitEmulator &emulator)
{
    HttpClient http;
    SignInDriver driver(http, emulator.baseUrl());
    return driver.signInAndExchange(seed::ada()).value(QStringLiteral("access_token")).toString();
}

void TestConvexDeploymentSync::subscribeAndChainTransitions()
{
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl(), QStringLiteral("/api/1.48.0/sync")));
    socket.send(connectMessage(Connect::newSessionId()));

    ModifyQuerySet first;
    first.baseVersion = 0;
    first.newVersion = 1;
    first.modifications = {add(1, QStringLiteral("messages:list")),
                           add(2, QStringLiteral("users:viewer"))};
    socket.send(first);
    const auto t1 = socket.nextTransition();
    QVERIFY2(t1, qPrintable(socket.lastError()));
    QCOMPARE(t1->startVersion, StateVersion());
    QCOMPARE(t1->endVersion.querySet, 1u);
    QCOMPARE(t1->endVersion.identity, 0u);
    // ts is nanoseconds since the epoch.
    const quint64 nowNs = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000000u;
    QVERIFY(t1->endVersion.ts > nowNs - 3600ull * 1000000000ull);
    QVERIFY(t1->endVersion.ts <= nowNs + 1000000000ull);
    QVERIFY(t1->serverTs.has_value());
    QVERIFY(t1->clientClockSkew.has_value());
    QCOMPARE(t1->modifications.size(), 2);
    QVERIFY(updated(*t1, 1));
    QCOMPARE(updated(*t1, 1)->value, ConvexValue::fromArray({}));
    QVERIFY(updated(*t1, 2));
    QVERIFY(updated(*t1, 2)->value.isNull()); // nobody signed in

    ModifyQuerySet second;
    second.baseVersion = 1;
    second.newVersion = 2;
    second.modifications = {RemoveQuery{2}};
    socket.send(second);
    const auto t2 = socket.nextTransition();
    QVERIFY2(t2, qPrintable(socket.lastError()));
    QCOMPARE(t2->endVersion.querySet, 2u);
    QCOMPARE(t2->modifications.size(), 1);
    QVERIFY(std::holds_alternative<QueryRemoved>(t2->modifications.first()));
    QCOMPARE(std::get<QueryRemoved>(t2->modifications.first()).queryId, 2u);

    // A query that fails is a QueryFailed, not a socket error.
    ModifyQuerySet failing;
    failing.baseVersion = 2;
    failing.newVersion = 3;
    failing.modifications = {add(3, QStringLiteral("nope:nothing"))};
    socket.send(failing);
    const auto tFailed = socket.nextTransition();
    QVERIFY2(tFailed, qPrintable(socket.lastError()));
    QCOMPARE(tFailed->modifications.size(), 1);
    const auto *failed = std::get_if<QueryFailed>(&tFailed->modifications.first());
    QVERIFY(failed);
    QCOMPARE(failed->queryId, 3u);
    QVERIFY(failed->errorMessage.startsWith(
        QStringLiteral("Could not find public function for 'nope:nothing'")));

    // An empty ModifyQuerySet still gets its (empty) Transition; unchanged results stay out.
    ModifyQuerySet third;
    third.baseVersion = 3;
    third.newVersion = 4;
    socket.send(third);
    const auto t3 = socket.nextTransition();
    QVERIFY2(t3, qPrintable(socket.lastError()));
    QCOMPARE(t3->endVersion.querySet, 4u);
    QVERIFY(t3->modifications.isEmpty());
    QVERIFY(t3->endVersion.ts >= t2->endVersion.ts);
    QVERIFY(!socket.isClosed());
}

void TestConvexDeploymentSync::otherPathsAreRefused()
{
    SyncTestSocket socket;
    QVERIFY(!socket.open(m_emulator->convexUrl(), QStringLiteral("/api/nope")));
}

void TestConvexDeploymentSync::mutationUpdatesAnotherSocket()
{
    SyncTestSocket watcher;
    QVERIFY(watcher.open(m_emulator->convexUrl()));
    watcher.send(connectMessage(Connect::newSessionId()));
    ModifyQuerySet subscribe;
    subscribe.newVersion = 1;
    subscribe.modifications = {add(7, QStringLiteral("messages:list"))};
    watcher.send(subscribe);
    QVERIFY(watcher.nextTransition());

    const QString token = signIn(*m_emulator);
    QVERIFY(!token.isEmpty());
    SyncTestSocket writer;
    QVERIFY(writer.open(m_emulator->convexUrl()));
    writer.send(connectMessage(Connect::newSessionId()));
    writer.send(Authenticate::user(token, 0));
    writer.send(ModifyQuerySet{0, 1, {}});
    const auto authenticated = writer.nextTransition();
    QVERIFY2(authenticated, qPrintable(writer.lastError()));
    QCOMPARE(authenticated->endVersion.identity, 1u);

    writer.send(sendMessage(1, QStringLiteral("hello from Ada")));
    const auto response = writer.nextAs<MutationResponse>();
    QVERIFY(response);
    QVERIFY2(response->success, qPrintable(response->errorMessage));
    QCOMPARE(response->requestId, 1u);
    QVERIFY(response->ts.has_value());
    // Read-your-writes: the writer's next Transition reaches the mutation's ts.
    const auto afterWrite = writer.nextTransition();
    QVERIFY2(afterWrite, qPrintable(writer.lastError()));
    QVERIFY(afterWrite->endVersion.ts >= *response->ts);

    const auto live = watcher.nextTransition();
    QVERIFY2(live, qPrintable(watcher.lastError()));
    QVERIFY(live->endVersion.ts >= *response->ts);
    const QueryUpdated *list = updated(*live, 7);
    QVERIFY(list);
    QCOMPARE(list->value.size(), 1);
    const ConvexValue message = list->value.at(0);
    QCOMPARE(message.value(QStringLiteral("body")).toString(), QStringLiteral("hello from Ada"));
    QCOMPARE(message.value(QStringLiteral("author")).toString(), seed::adaId());
    QVERIFY(message.value(QStringLiteral("_id")).isString());
    QVERIFY(message.value(QStringLiteral("_creationTime")).isFloat64());

    // Unauthenticated, messages:send throws: a failed MutationResponse, no ts.
    watcher.send(sendMessage(1, QStringLiteral("anonymous")));
    const auto refused = watcher.nextAs<MutationResponse>();
    QVERIFY(refused);
    QVERIFY(!refused->success);
    QCOMPARE(refused->errorMessage, QStringLiteral("Uncaught Error: Not authenticated"));
    QVERIFY(!refused->ts.has_value());
}

void TestConvexDeploymentSync::mutationReplayIsAppliedOnce()
{
    const QString token = signIn(*m_emulator);
    const QString sessionId = Connect::newSessionId();
    MutationResponse first;
    {
        SyncTestSocket socket;
        QVERIFY(socket.open(m_emulator->convexUrl()));
        socket.send(connectMessage(sessionId));
        socket.send(Authenticate::user(token, 0));
        socket.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("messages:list"))}});
        QVERIFY(socket.nextTransition());
        socket.send(sendMessage(41, QStringLiteral("exactly once")));
        const auto response = socket.nextAs<MutationResponse>();
        QVERIFY(response && response->success);
        first = *response;
    }
    // The client reconnects and sends the unobserved mutation again, same ids.
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    Connect reconnect = connectMessage(sessionId);
    reconnect.connectionCount = 1;
    reconnect.lastCloseReason = QStringLiteral("closed with code 1006");
    socket.send(reconnect);
    socket.send(Authenticate::user(token, 0));
    socket.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("messages:list"))}});
    socket.send(sendMessage(41, QStringLiteral("exactly once")));
    // Transitions before the answer, if any, are chain-checked by nextAs.
    const auto replay = socket.nextAs<MutationResponse>();
    QVERIFY2(replay, qPrintable(socket.lastError()));
    QVERIFY(replay->success);
    QCOMPARE(replay->requestId, 41u);
    QCOMPARE(replay->result, first.result);
    QCOMPARE(replay->ts, first.ts);
    const auto after = socket.nextTransition();
    QVERIFY2(after, qPrintable(socket.lastError()));
    QVERIFY(after->endVersion.ts >= *replay->ts);

    // Another session with the same request id is another mutation.
    SyncTestSocket other;
    QVERIFY(other.open(m_emulator->convexUrl()));
    other.send(connectMessage(Connect::newSessionId()));
    other.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("messages:list"))}});
    const auto seen = other.nextTransition();
    QVERIFY(seen && updated(*seen, 1));
    QCOMPARE(countBodies(updated(*seen, 1)->value, QStringLiteral("exactly once")), 1);
    other.send(Authenticate::user(token, 0));
    QVERIFY(other.nextTransition());
    other.send(sendMessage(41, QStringLiteral("exactly once")));
    const auto separate = other.nextAs<MutationResponse>();
    QVERIFY(separate && separate->success);
    QVERIFY(separate->result != first.result);
}

void TestConvexDeploymentSync::actionAnswersAtOnce()
{
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    Action action;
    action.requestId = 3;
    action.udfPath = QStringLiteral("demo:echo");
    action.args = ConvexValue::fromObject({{QStringLiteral("n"), ConvexValue::fromInt64(5)}});
    socket.send(action);
    const auto response = socket.nextAs<ActionResponse>();
    QVERIFY(response);
    QVERIFY(response->success);
    QCOMPARE(response->result.value(QStringLiteral("args")), action.args);
    QCOMPARE(response->logLines, QStringList{QStringLiteral("[LOG] 'echo'")});
    QVERIFY(socket.nextTransition()); // an action is followed by a Transition too

    action.requestId = 4;
    action.udfPath = QStringLiteral("messages:list"); // a query, not an action
    socket.send(action);
    const auto wrongKind = socket.nextAs<ActionResponse>();
    QVERIFY(wrongKind && !wrongKind->success);
    QCOMPARE(wrongKind->errorMessage,
             QStringLiteral("Trying to execute messages:list as Action, but it is defined as "
                            "Query."));
}

void TestConvexDeploymentSync::badBaseVersionIsFatal()
{
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(ModifyQuerySet{0, 1, {}});
    QVERIFY(socket.nextTransition());
    socket.send(ModifyQuerySet{5, 6, {}});
    const auto fatal = socket.nextAs<FatalError>();
    QVERIFY(fatal);
    QCOMPARE(fatal->error,
             QStringLiteral("Base version 5 passed up doesn't match the current version 1"));
    QVERIFY(socket.waitClosed());
}

void TestConvexDeploymentSync::invalidJsonIsFatal()
{
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.sendText(QStringLiteral("{not json"));
    const auto fatal = socket.nextAs<FatalError>();
    QVERIFY(fatal);
    QVERIFY(fatal->error.startsWith(QStringLiteral("Received Invalid JSON on websocket: ")));
    QVERIFY(socket.waitClosed());
}

void TestConvexDeploymentSync::authenticateGivesTheIdentity()
{
    const QString token = signIn(*m_emulator);
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("users:viewer"))}});
    const auto anonymous = socket.nextTransition();
    QVERIFY(anonymous && updated(*anonymous, 1));
    QVERIFY(updated(*anonymous, 1)->value.isNull());

    socket.send(Authenticate::user(token, 0));
    const auto signedIn = socket.nextTransition();
    QVERIFY2(signedIn, qPrintable(socket.lastError()));
    QCOMPARE(signedIn->endVersion.identity, 1u);
    QCOMPARE(signedIn->endVersion.querySet, 1u);
    const QueryUpdated *viewer = updated(*signedIn, 1);
    QVERIFY(viewer);
    const QString issuer = m_emulator->issuerFor(seed::devClient());
    QCOMPARE(viewer->value.value(QStringLiteral("issuer")).toString(), issuer);
    QCOMPARE(viewer->value.value(QStringLiteral("subject")).toString(), seed::adaId());
    QCOMPARE(viewer->value.value(QStringLiteral("tokenIdentifier")).toString(),
             issuer + QLatin1Char('|') + seed::adaId());
    QVERIFY(viewer->value.value(QStringLiteral("user")).isNull()); // not stored yet

    Mutation store;
    store.requestId = 1;
    store.udfPath = QStringLiteral("users:store");
    socket.send(store);
    const auto stored = socket.nextAs<MutationResponse>();
    QVERIFY(stored && stored->success);
    const auto withUser = socket.nextTransition();
    QVERIFY2(withUser, qPrintable(socket.lastError()));
    QVERIFY(updated(*withUser, 1));
    const ConvexValue user = updated(*withUser, 1)->value.value(QStringLiteral("user"));
    QCOMPARE(user.value(QStringLiteral("_id")), stored->result);
    QCOMPARE(user.value(QStringLiteral("tokenIdentifier")).toString(),
             issuer + QLatin1Char('|') + seed::adaId());

    // Storing again changes nothing: the same id, and the viewer is not sent again.
    store.requestId = 2;
    socket.send(store);
    const auto again = socket.nextAs<MutationResponse>();
    QVERIFY(again && again->success);
    QCOMPARE(again->result, stored->result);
    const auto unchanged = socket.nextTransition();
    QVERIFY(unchanged);
    QVERIFY(unchanged->modifications.isEmpty());

    // Logging out re-runs the queries without an identity.
    socket.send(Authenticate::none(1));
    const auto signedOut = socket.nextTransition();
    QVERIFY(signedOut);
    QCOMPARE(signedOut->endVersion.identity, 2u);
    QVERIFY(updated(*signedOut, 1) && updated(*signedOut, 1)->value.isNull());
}

void TestConvexDeploymentSync::authenticateBaseVersionMismatchCloses()
{
    const QString token = signIn(*m_emulator);
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(Authenticate::user(token, 3));
    QVERIFY(socket.waitClosed());
    QCOMPARE(socket.closeCode(), 1011);
}

void TestConvexDeploymentSync::foreignKeyIsAnAuthError()
{
    // Another emulator: the same client IDs and issuer, another signing key and kid.
    auto foreign = startEmulator();
    QVERIFY(foreign);
    const QString token = signIn(*foreign);
    QVERIFY(!token.isEmpty());
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(ModifyQuerySet{0, 1, {}});
    QVERIFY(socket.nextTransition());
    socket.send(Authenticate::user(token, 0));
    const auto error = socket.nextAs<AuthError>();
    QVERIFY(error);
    QVERIFY2(error->error.startsWith(QStringLiteral("Could not decode token. The JWT's 'kid' (key ID) "
                                                    "header is '")),
             qPrintable(error->error));
    QCOMPARE(error->authUpdateAttempted, std::optional<bool>(true));
    QCOMPARE(error->baseVersion, std::optional<quint32>(0));
    QVERIFY(socket.waitClosed());
}

void TestConvexDeploymentSync::forgedSignatureIsAnAuthError()
{
    // Our kid and claims in the header and payload, another key's signature.
    auto foreign = startEmulator();
    QVERIFY(foreign);
    const QStringList ours = signIn(*m_emulator).split(QLatin1Char('.'));
    const QStringList theirs = signIn(*foreign).split(QLatin1Char('.'));
    QCOMPARE(ours.size(), 3);
    QCOMPARE(theirs.size(), 3);
    const QString forged = ours.at(0) + QLatin1Char('.') + ours.at(1) + QLatin1Char('.') + theirs.at(2);
    SyncTestSocket socket;
    QVERIFY(socket.open(m_emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(Authenticate::user(forged, 0));
    const auto error = socket.nextAs<AuthError>();
    QVERIFY(error);
    QVERIFY(error->error.startsWith(QStringLiteral("Could not decode token.")));
    QVERIFY(socket.waitClosed());
}

void TestConvexDeploymentSync::expiringIdentityIsAnAuthError()
{
    EmulatorOptions options;
    options.tokenTtlSeconds = 2;
    auto shortLived = startEmulator(options);
    QVERIFY(shortLived);
    const QString token = signIn(*shortLived);
    SyncTestSocket socket;
    QVERIFY(socket.open(shortLived->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(Authenticate::user(token, 0));
    socket.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("users:viewer"))}});
    const auto signedIn = socket.nextTransition();
    QVERIFY2(signedIn, qPrintable(socket.lastError()));
    QCOMPARE(signedIn->endVersion.identity, 1u);

    // No message from the client: the server notices the expiry by itself.
    const auto error = socket.nextAs<AuthError>(6000);
    QVERIFY(error);
    QCOMPARE(error->error, QStringLiteral("Convex token identity expired"));
    QCOMPARE(error->authUpdateAttempted, std::optional<bool>(false));
    QCOMPARE(error->baseVersion, std::optional<quint32>(1));
    QVERIFY(socket.waitClosed());

    // Authenticate keeps the backend's 5 s leeway: the expired token still passes there, and the
    // first function run then fails.
    SyncTestSocket late;
    QVERIFY(late.open(shortLived->convexUrl()));
    late.send(connectMessage(Connect::newSessionId()));
    late.send(Authenticate::user(token, 0));
    late.send(ModifyQuerySet{0, 1, {}});
    const auto lateError = late.nextAs<AuthError>();
    QVERIFY(lateError);
    QCOMPARE(lateError->error, QStringLiteral("Convex token identity expired"));
    QCOMPARE(lateError->authUpdateAttempted, std::optional<bool>(false));
}

void TestConvexDeploymentSync::tokenSwapOnTheOpenSocketOutlivesTheFirstToken()
{
    // What the client does with 2 s tokens: a new token every ~0.6 s as Authenticate on the same
    // socket, baseVersion chained on the last identity version. The identity never expires and
    // the socket stays open well past the first token's exp.
    EmulatorOptions options;
    options.tokenTtlSeconds = 2;
    auto shortLived = startEmulator(options);
    QVERIFY(shortLived);
    SyncTestSocket socket;
    QVERIFY(socket.open(shortLived->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    socket.send(Authenticate::user(signIn(*shortLived), 0));
    socket.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("users:viewer"))}});
    const auto first = socket.nextTransition();
    QVERIFY2(first, qPrintable(socket.lastError()));
    QCOMPARE(first->endVersion.identity, 1u);
    for (quint32 identity = 1; identity <= 6; ++identity) {
        QTest::qWait(600);
        socket.send(Authenticate::user(signIn(*shortLived), identity));
        const auto swapped = socket.nextTransition();
        QVERIFY2(swapped, qPrintable(QStringLiteral("swap %1: %2")
                                         .arg(identity)
                                         .arg(socket.lastError())));
        QCOMPARE(swapped->endVersion.identity, identity + 1);
        // A new identity re-runs the queries: the viewer is still Ada.
        const QueryUpdated *viewer = updated(*swapped, 1);
        QVERIFY(viewer);
        QVERIFY(viewer->value.isObject());
    }
    QVERIFY(!socket.isClosed()); // 3.6 s and more after the first 2 s token was issued
}

void TestConvexDeploymentSync::pingAfterSilence()
{
    EmulatorOptions options;
    options.convexHeartbeatMs = 200; // 15 s in the backend
    auto emulator = startEmulator(options);
    QVERIFY(emulator);
    SyncTestSocket socket;
    QVERIFY(socket.open(emulator->convexUrl()));
    socket.send(connectMessage(Connect::newSessionId()));
    QTRY_VERIFY_WITH_TIMEOUT(socket.pings() >= 2, 3000);
    QVERIFY(!socket.isClosed());
}

void TestConvexDeploymentSync::testKnobs()
{
    SyncTestSocket anonymous;
    QVERIFY(anonymous.open(m_emulator->convexUrl()));
    anonymous.send(connectMessage(Connect::newSessionId()));
    SyncTestSocket signedIn;
    QVERIFY(signedIn.open(m_emulator->convexUrl()));
    signedIn.send(connectMessage(Connect::newSessionId()));
    signedIn.send(Authenticate::user(signIn(*m_emulator), 0));
    QVERIFY(signedIn.nextTransition());

    HttpClient http;
    QUrl url = m_emulator->convexUrl();
    url.setPath(QStringLiteral("/_emulator/auth-error"));
    QCOMPARE(http.get(url).status, 405);
    HttpResult result = http.postJson(url, {{QStringLiteral("error"), QStringLiteral("forced")},
                                            {QStringLiteral("authUpdateAttempted"), true}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("sockets")).toInt(), 1);
    const auto error = signedIn.nextAs<AuthError>();
    QVERIFY(error);
    QCOMPARE(error->error, QStringLiteral("forced"));
    QCOMPARE(error->authUpdateAttempted, std::optional<bool>(true));
    QCOMPARE(error->baseVersion, std::optional<quint32>(1));
    QVERIFY(signedIn.waitClosed());
    QVERIFY(!anonymous.isClosed());

    url.setPath(QStringLiteral("/_emulator/sockets/close"));
    QCOMPARE(http.postJson(url, {}).status, 200);
    QVERIFY(anonymous.waitClosed());
    QCOMPARE(anonymous.closeCode(), 1011);
}

void TestConvexDeploymentSync::dataFolderKeepsTheTables()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options;
    options.dataDir = dir.path();
    auto readList = [](AuthKitEmulator &emulator) -> std::optional<ConvexValue> {
        SyncTestSocket socket;
        if (!socket.open(emulator.convexUrl()))
            return std::nullopt;
        socket.send(ModifyQuerySet{0, 1, {add(1, QStringLiteral("messages:list"))}});
        const auto transition = socket.nextTransition();
        if (!transition || !updated(*transition, 1))
            return std::nullopt;
        return updated(*transition, 1)->value;
    };
    quint64 firstTs = 0;
    {
        auto emulator = startEmulator(options);
        QVERIFY(emulator);
        SyncTestSocket socket;
        QVERIFY(socket.open(emulator->convexUrl()));
        socket.send(connectMessage(Connect::newSessionId()));
        socket.send(Authenticate::user(signIn(*emulator), 0));
        socket.send(sendMessage(1, QStringLiteral("kept")));
        const auto response = socket.nextAs<MutationResponse>();
        QVERIFY(response && response->success);
        firstTs = *response->ts;
    }
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("convex.sqlite3"))));
    {
        auto emulator = startEmulator(options);
        QVERIFY(emulator);
        const auto list = readList(*emulator);
        QVERIFY(list);
        QCOMPARE(countBodies(*list, QStringLiteral("kept")), 1);
        // Time never goes back across a restart.
        SyncTestSocket socket;
        QVERIFY(socket.open(emulator->convexUrl()));
        socket.send(ModifyQuerySet{0, 1, {}});
        const auto transition = socket.nextTransition();
        QVERIFY(transition && transition->endVersion.ts > firstTs);
    }
    options.convexInMemory = true;
    auto inMemory = startEmulator(options);
    QVERIFY(inMemory);
    const auto list = readList(*inMemory);
    QVERIFY(list);
    QCOMPARE(list->size(), 0);
}

QTEST_GUILESS_MAIN(TestConvexDeploymentSync)
#include "tst_convexdeployment_sync.moc"
