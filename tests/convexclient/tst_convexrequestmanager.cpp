// RequestManager: the bookkeeping of mutations and actions between the call and the callback.
#include <authkitqt/convex/RequestManager.h>

#include <QList>
#include <QtTest>

using namespace authkit::convex;
using Kind = RequestManager::Kind;
using Status = RequestManager::Status;

namespace {

// Records the frames a socket would carry; `accept` false plays a socket that cannot send.
struct RecordingSocket
{
    bool accept = true;
    QList<QByteArray> frames;

    RequestManager::Sender sender()
    {
        return [this](const QByteArray &frame) {
            if (accept)
                frames.append(frame);
            return accept;
        };
    }
};

struct Outcomes
{
    QList<ConvexResult> results;

    ConvexResultCallback record()
    {
        return [this](const ConvexResult &result) { results.append(result); };
    }
};

protocol::MutationResponse committed(quint32 requestId, quint64 ts)
{
    protocol::MutationResponse response;
    response.requestId = requestId;
    response.success = true;
    response.result = ConvexValue::fromInt64(requestId);
    response.ts = ts;
    return response;
}

StateVersion versionAt(quint64 ts)
{
    return StateVersion{1, 0, ts};
}

} // namespace

class TestConvexRequestManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestIdsCountUpFromOne();
    void unsentRequestsGoOutInOrderAfterAPause();
    void aNewSocketResendsEverythingNotCompleted();
    void aCommittedMutationWaitsForItsTransition();
    void aFailedMutationCallsBackAtOnce();
    void aDuplicateResponseIsIgnored();
    void actionsInFlightFailWhenTheConnectionDrops();
    void actionResponsesCallBackAtOnce();
    void failAllEmptiesTheManager();
    void aCallbackMayStartANewRequest();
};

void TestConvexRequestManager::requestIdsCountUpFromOne()
{
    RequestManager requests;
    QCOMPARE(requests.nextRequestId(), 1u);
    QCOMPARE(requests.nextRequestId(), 2u);
}

void TestConvexRequestManager::unsentRequestsGoOutInOrderAfterAPause()
{
    RequestManager requests;
    requests.add(2, Kind::Mutation, "m2", false, {});
    requests.add(1, Kind::Action, "a1", false, {});
    requests.add(3, Kind::Mutation, "m3", true, {});
    QVERIFY(requests.status(1) == Status::NotSent);
    QVERIFY(requests.status(3) == Status::Requested);

    RecordingSocket socket;
    requests.sendUnsent(socket.sender());
    QCOMPARE(socket.frames, (QList<QByteArray>{"a1", "m2"})); // m3 is already on the wire
    QVERIFY(requests.status(1) == Status::Requested);
    QVERIFY(requests.status(2) == Status::Requested);
}

void TestConvexRequestManager::aNewSocketResendsEverythingNotCompleted()
{
    RequestManager requests;
    RecordingSocket refusing{false, {}};
    requests.add(1, Kind::Mutation, "m1", true, {});
    requests.add(2, Kind::Mutation, "m2", false, {});
    requests.add(3, Kind::Mutation, "m3", true, {});
    requests.onMutationResponse(committed(3, 50)); // completed: only waits for a transition

    requests.resendAll(refusing.sender());
    QVERIFY(requests.status(2) == Status::NotSent); // a failed send keeps it waiting

    RecordingSocket socket;
    requests.resendAll(socket.sender());
    QCOMPARE(socket.frames, (QList<QByteArray>{"m1", "m2"}));
    QVERIFY(requests.status(2) == Status::Requested);
    QVERIFY(requests.status(3) == Status::Completed);
}

void TestConvexRequestManager::aCommittedMutationWaitsForItsTransition()
{
    RequestManager requests;
    Outcomes outcomes;
    requests.add(1, Kind::Mutation, "m1", true, outcomes.record());

    QVERIFY(requests.onMutationResponse(committed(1, 100)) == quint64(100));
    QVERIFY(requests.status(1) == Status::Completed);
    QCOMPARE(requests.count(), 1);

    requests.resolveCompleted(StateVersion()); // a new socket: no snapshot reached yet
    requests.resolveCompleted(versionAt(99));
    QVERIFY(outcomes.results.isEmpty());

    requests.resolveCompleted(versionAt(100));
    QCOMPARE(outcomes.results.size(), 1);
    QVERIFY(outcomes.results.first().success);
    QCOMPARE(outcomes.results.first().value, ConvexValue::fromInt64(1));
    QCOMPARE(requests.count(), 0);
    QVERIFY(requests.status(1) == std::nullopt);
}

void TestConvexRequestManager::aFailedMutationCallsBackAtOnce()
{
    RequestManager requests;
    Outcomes outcomes;
    requests.add(1, Kind::Mutation, "m1", true, outcomes.record());
    protocol::MutationResponse response;
    response.requestId = 1;
    response.errorMessage = QStringLiteral("Uncaught Error: no");
    response.errorData = ConvexValue::fromString(QStringLiteral("why"));

    QVERIFY(!requests.onMutationResponse(response));
    QCOMPARE(outcomes.results.size(), 1);
    QVERIFY(!outcomes.results.first().success);
    QCOMPARE(outcomes.results.first().errorMessage, response.errorMessage);
    QCOMPARE(outcomes.results.first().errorData, response.errorData);
    QCOMPARE(requests.count(), 0);
}

void TestConvexRequestManager::aDuplicateResponseIsIgnored()
{
    RequestManager requests;
    Outcomes outcomes;
    requests.add(1, Kind::Mutation, "m1", true, outcomes.record());
    requests.add(2, Kind::Action, "a2", true, outcomes.record());

    QVERIFY(requests.onMutationResponse(committed(1, 10)));
    QVERIFY(!requests.onMutationResponse(committed(1, 20))); // already completed
    QVERIFY(!requests.onMutationResponse(committed(2, 10))); // an action's id
    QVERIFY(!requests.onMutationResponse(committed(7, 10))); // unknown
    requests.resolveCompleted(versionAt(10));
    QCOMPARE(outcomes.results.size(), 1); // the first response's ts counted
}

void TestConvexRequestManager::actionsInFlightFailWhenTheConnectionDrops()
{
    RequestManager requests;
    Outcomes outcomes;
    requests.add(1, Kind::Action, "a1", true, outcomes.record());
    requests.add(2, Kind::Action, "a2", false, outcomes.record());
    requests.add(3, Kind::Mutation, "m3", true, outcomes.record());

    requests.failActionsInFlight(QStringLiteral("lost"));
    QCOMPARE(outcomes.results.size(), 1);
    QCOMPARE(outcomes.results.first().errorMessage, QStringLiteral("lost"));
    QVERIFY(requests.status(1) == std::nullopt);
    QVERIFY(requests.status(2) == Status::NotSent);   // never sent: safe to send later
    QVERIFY(requests.status(3) == Status::Requested); // mutations are replayed instead
}

void TestConvexRequestManager::actionResponsesCallBackAtOnce()
{
    RequestManager requests;
    Outcomes outcomes;
    requests.add(1, Kind::Action, "a1", true, outcomes.record());
    protocol::ActionResponse response;
    response.requestId = 1;
    response.success = true;
    response.result = ConvexValue::fromString(QStringLiteral("done"));
    response.logLines = {QStringLiteral("line")};

    requests.onActionResponse(response);
    QCOMPARE(outcomes.results.size(), 1);
    QCOMPARE(outcomes.results.first().value, response.result);
    QCOMPARE(outcomes.results.first().logLines, response.logLines);
    requests.onActionResponse(response); // a second one has nothing to resolve
    QCOMPARE(outcomes.results.size(), 1);
}

void TestConvexRequestManager::failAllEmptiesTheManager()
{
    RequestManager requests;
    Outcomes outcomes;
    requests.add(1, Kind::Mutation, "m1", true, outcomes.record());
    requests.add(2, Kind::Action, "a2", false, outcomes.record());
    requests.onMutationResponse(committed(1, 5));

    requests.failAll(QStringLiteral("closed"));
    QCOMPARE(outcomes.results.size(), 2);
    for (const ConvexResult &result : std::as_const(outcomes.results)) {
        QVERIFY(!result.success);
        QCOMPARE(result.errorMessage, QStringLiteral("closed"));
    }
    QCOMPARE(requests.count(), 0);
}

void TestConvexRequestManager::aCallbackMayStartANewRequest()
{
    RequestManager requests;
    bool followUpDone = false;
    const quint32 first = requests.nextRequestId();
    requests.add(first, Kind::Mutation, "m1", true, [&](const ConvexResult &) {
        requests.add(requests.nextRequestId(), Kind::Mutation, "m2", false,
                     [&](const ConvexResult &) { followUpDone = true; });
    });
    requests.onMutationResponse(committed(first, 5));
    requests.resolveCompleted(versionAt(5));
    QCOMPARE(requests.count(), 1);
    QVERIFY(requests.status(first + 1) == Status::NotSent);
    QVERIFY(!followUpDone);
    requests.failAll(QStringLiteral("closed"));
    QVERIFY(followUpDone);
}

QTEST_GUILESS_MAIN(TestConvexRequestManager)
#include "tst_convexrequestmanager.moc"
