// The message table of the sync protocol: every client and server message type goes through
// serialize() and back through parse*Message() unchanged, under the tag the table gives it.
#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

#include <variant>

using namespace authkit::convex;
using namespace authkit::convex::protocol;

namespace {

ConvexValue sampleArgs()
{
    return ConvexValue::fromObject(
        {{QStringLiteral("text"), ConvexValue::fromString(QStringLiteral("hi"))},
         {QStringLiteral("n"), ConvexValue::fromInt64(7)}});
}

// One filled-in message of each client type, in the variant's order.
QList<ClientMessage> clientSamples()
{
    Connect connect;
    connect.sessionId = Connect::newSessionId();
    connect.connectionCount = 2;
    connect.lastCloseReason = QStringLiteral("InitialConnect");
    connect.maxObservedTimestamp = 1234567;
    connect.clientTs = 1700000000000;

    ModifyQuerySet querySet;
    querySet.baseVersion = 1;
    querySet.newVersion = 2;
    AddQuery add;
    add.queryId = 3;
    add.udfPath = QStringLiteral("messages:list");
    add.args = sampleArgs();
    add.journal = QStringLiteral("j1");
    querySet.modifications = {add, RemoveQuery{1}};

    Event event;
    event.eventType = QStringLiteral("ClientConnect");
    event.event = QJsonObject{{QStringLiteral("marks"), 3}};

    return {connect,
            querySet,
            Mutation{5, QStringLiteral("messages:send"), sampleArgs(), std::nullopt},
            Action{6, QStringLiteral("messages:notify"), sampleArgs(), QStringLiteral("c")},
            Authenticate::user(QStringLiteral("header.payload.signature"), 1),
            event};
}

QList<ServerMessage> serverSamples()
{
    Transition transition;
    transition.startVersion = StateVersion{1, 0, 10};
    transition.endVersion = StateVersion{2, 1, 20};
    QueryUpdated updated;
    updated.queryId = 3;
    updated.value = sampleArgs();
    updated.logLines = {QStringLiteral("log")};
    updated.journal = QStringLiteral("j2");
    QueryFailed failed;
    failed.queryId = 4;
    failed.errorMessage = QStringLiteral("boom");
    failed.errorData = ConvexValue::fromString(QStringLiteral("data"));
    transition.modifications = {updated, failed, QueryRemoved{5}};
    transition.serverTs = 20;

    TransitionChunk chunk;
    chunk.chunk = QStringLiteral("{\"type\":");
    chunk.partNumber = 0;
    chunk.totalParts = 2;
    chunk.transitionId = QStringLiteral("t1");

    MutationResponse mutation;
    mutation.requestId = 5;
    mutation.success = true;
    mutation.result = ConvexValue::fromInt64(1);
    mutation.ts = 20;

    ActionResponse action;
    action.requestId = 6;
    action.success = false;
    action.errorMessage = QStringLiteral("failed");
    action.errorData = ConvexValue();

    AuthError authError;
    authError.error = QStringLiteral("expired");
    authError.baseVersion = 1;
    authError.authUpdateAttempted = false;

    return {transition, chunk, mutation, action, authError, FatalError{QStringLiteral("fatal")},
            Ping{}};
}

template<typename Message> QSet<int> indexesOf(const QList<Message> &messages)
{
    QSet<int> indexes;
    for (const Message &message : messages)
        indexes.insert(int(message.index()));
    return indexes;
}

} // namespace

class TestConvexMessageCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesCoverEveryMessageType();
    void clientMessagesRoundTrip();
    void serverMessagesRoundTrip();
    void tagsAreUniqueAcrossBothDirections();
    void aTagOfTheOtherDirectionIsUnknown();
};

void TestConvexMessageCodec::samplesCoverEveryMessageType()
{
    // A new message type without a sample here would go untested.
    QCOMPARE(indexesOf(clientSamples()).size(), int(std::variant_size_v<ClientMessage>));
    QCOMPARE(indexesOf(serverSamples()).size(), int(std::variant_size_v<ServerMessage>));
}

void TestConvexMessageCodec::clientMessagesRoundTrip()
{
    for (const ClientMessage &message : clientSamples()) {
        QString error;
        const auto frame = serialize(message, &error);
        QVERIFY2(frame, qPrintable(error));
        const QJsonObject json = QJsonDocument::fromJson(*frame).object();
        QCOMPARE(json.value(QStringLiteral("type")).toString(), messageType(message));

        const auto parsed = parseClientMessage(*frame, &error);
        QVERIFY2(parsed, qPrintable(messageType(message) + QStringLiteral(": ") + error));
        QCOMPARE(parsed->index(), message.index());
        QCOMPARE(messageType(*parsed), messageType(message));
        // What was parsed writes the same frame again.
        QCOMPARE(serialize(*parsed).value_or(QByteArray()), *frame);
    }
}

void TestConvexMessageCodec::serverMessagesRoundTrip()
{
    for (const ServerMessage &message : serverSamples()) {
        QString error;
        const auto frame = serialize(message, &error);
        QVERIFY2(frame, qPrintable(error));
        const QJsonObject json = QJsonDocument::fromJson(*frame).object();
        QCOMPARE(json.value(QStringLiteral("type")).toString(), messageType(message));

        const auto parsed = parseServerMessage(*frame, &error);
        QVERIFY2(parsed, qPrintable(messageType(message) + QStringLiteral(": ") + error));
        QCOMPARE(parsed->index(), message.index());
        QCOMPARE(messageType(*parsed), messageType(message));
        QCOMPARE(serialize(*parsed).value_or(QByteArray()), *frame);
    }
}

void TestConvexMessageCodec::tagsAreUniqueAcrossBothDirections()
{
    QSet<QString> tags;
    for (const ClientMessage &message : clientSamples())
        tags.insert(messageType(message));
    for (const ServerMessage &message : serverSamples())
        tags.insert(messageType(message));
    QCOMPARE(tags.size(),
             int(std::variant_size_v<ClientMessage> + std::variant_size_v<ServerMessage>));
}

void TestConvexMessageCodec::aTagOfTheOtherDirectionIsUnknown()
{
    QString error;
    const QByteArray ping = serialize(ServerMessage(Ping{})).value_or(QByteArray());
    QVERIFY(!parseClientMessage(ping, &error));
    QCOMPARE(error, QStringLiteral("Unknown client message type \"Ping\""));

    const QByteArray connect = serialize(clientSamples().first()).value_or(QByteArray());
    QVERIFY(!parseServerMessage(connect, &error));
    QCOMPARE(error, QStringLiteral("Unknown server message type \"Connect\""));
}

QTEST_GUILESS_MAIN(TestConvexMessageCodec)
#include "tst_convexmessagecodec.moc"
