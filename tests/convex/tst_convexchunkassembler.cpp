#include <authkitqt/convex/TransitionChunkAssembler.h>

#include <QJsonDocument>
#include <QtTest>

using namespace authkit::convex;
using namespace authkit::convex::protocol;
using Status = TransitionChunkAssembler::Status;

namespace {

Transition sampleTransition()
{
    Transition transition;
    transition.startVersion = StateVersion{1, 1, 100};
    transition.endVersion = StateVersion{2, 1, 200};
    // Non-ASCII text, so the cuts land between multi-byte characters and surrogate pairs.
    ConvexValue::Array rows;
    for (int i = 0; i < 50; ++i) {
        rows.append(ConvexValue::fromObject(
            {{QStringLiteral("body"), ConvexValue::fromString(QStringLiteral("héllo ☃ 😀 #%1").arg(i))},
             {QStringLiteral("n"), ConvexValue::fromInt64(i)}}));
    }
    transition.modifications.append(
        QueryUpdated{7, ConvexValue::fromArray(rows), {QStringLiteral("[LOG] 'é'")}, std::nullopt});
    transition.modifications.append(QueryRemoved{8});
    transition.clientClockSkew = 3;
    transition.serverTs = 1724300000123456789LL;
    return transition;
}

QByteArray textOf(const Transition &transition)
{
    return *serialize(ServerMessage(transition));
}

// Splits as the server does: pieces of text, never inside a character.
QList<TransitionChunk> chunksOf(const QByteArray &json, int parts, const QString &id)
{
    const QString text = QString::fromUtf8(json);
    QList<TransitionChunk> chunks;
    qsizetype from = 0;
    for (int part = 0; part < parts; ++part) {
        qsizetype to = part == parts - 1 ? text.size() : text.size() * (part + 1) / parts;
        if (to < text.size() && to > 0 && text.at(to).isLowSurrogate())
            ++to;
        chunks.append(TransitionChunk{text.mid(from, to - from), quint32(part), quint32(parts), id});
        from = to;
    }
    return chunks;
}

} // namespace

class tst_TransitionChunkAssembler : public QObject
{
    Q_OBJECT

private slots:
    void inOrder_data();
    void inOrder();
    void throughTheWire();
    void outOfOrder();
    void startsAfterPartZero();
    void repeatedPart();
    void mismatchedTransitionId();
    void mismatchedTotalParts();
    void invalidPartNumbers_data();
    void invalidPartNumbers();
    void pingDoesNotInterrupt();
    void otherMessageInterrupts();
    void idleAssemblerIgnoresOtherMessages();
    void assembledTextIsNotATransition();
    void assembledTextIsBroken();
    void sizeLimit();
    void resetDropsPartialSequence();
    void takeTransitionEmptiesIt();
};

void tst_TransitionChunkAssembler::inOrder_data()
{
    QTest::addColumn<int>("parts");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("7") << 7;
    QTest::newRow("100") << 100;
}

void tst_TransitionChunkAssembler::inOrder()
{
    QFETCH(int, parts);
    const QByteArray text = textOf(sampleTransition());
    const QList<TransitionChunk> chunks = chunksOf(text, parts, QStringLiteral("t-1"));

    TransitionChunkAssembler assembler;
    for (int i = 0; i < parts - 1; ++i) {
        QCOMPARE(assembler.addChunk(chunks.at(i)), Status::Incomplete);
        QVERIFY(assembler.isAssembling());
        QCOMPARE(assembler.receivedParts(), i + 1);
    }
    QCOMPARE(assembler.addChunk(chunks.last()), Status::Complete);
    QVERIFY(!assembler.isAssembling());
    QVERIFY(assembler.errorString().isEmpty());
    const Transition transition = assembler.takeTransition();
    QCOMPARE(textOf(transition), text);
    QCOMPARE(transition.endVersion, (StateVersion{2, 1, 200}));

    // The next sequence starts afresh, even with the same id.
    const QList<TransitionChunk> again = chunksOf(text, 2, QStringLiteral("t-1"));
    QCOMPARE(assembler.addChunk(again.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(again.at(1)), Status::Complete);
}

void tst_TransitionChunkAssembler::throughTheWire()
{
    // Frames as a socket delivers them: parsed, then fed.
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 3, QStringLiteral("w"));
    TransitionChunkAssembler assembler;
    Status status = Status::Incomplete;
    for (const TransitionChunk &chunk : chunks) {
        const QByteArray frame = *serialize(ServerMessage(chunk));
        QString error;
        const auto message = parseServerMessage(frame, &error);
        QVERIFY2(message, qPrintable(error));
        status = assembler.addChunk(std::get<TransitionChunk>(*message));
    }
    QCOMPARE(status, Status::Complete);
    QCOMPARE(textOf(assembler.takeTransition()), textOf(sampleTransition()));
}

void tst_TransitionChunkAssembler::outOfOrder()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 3, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(chunks.at(2)), Status::Failed);
    QCOMPARE(assembler.errorString(),
             QStringLiteral("TransitionChunk received out of order: expected part 1, got 2"));
    QVERIFY(!assembler.isAssembling()); // the buffer is gone
    // The late part 1 does not revive it.
    QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Failed);
    // A whole new sequence works.
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QVERIFY(assembler.errorString().isEmpty());
    QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(chunks.at(2)), Status::Complete);
}

void tst_TransitionChunkAssembler::startsAfterPartZero()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 2, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Failed);
    QVERIFY(assembler.errorString().contains(QLatin1String("expected part 0, got 1")));
    QVERIFY(!assembler.isAssembling());
}

void tst_TransitionChunkAssembler::repeatedPart()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 3, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Failed);
    QVERIFY(assembler.errorString().contains(QLatin1String("expected part 1, got 0")));
}

void tst_TransitionChunkAssembler::mismatchedTransitionId()
{
    const QByteArray text = textOf(sampleTransition());
    const QList<TransitionChunk> a = chunksOf(text, 2, QStringLiteral("a"));
    const QList<TransitionChunk> b = chunksOf(text, 2, QStringLiteral("b"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(a.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(b.at(1)), Status::Failed);
    QVERIFY2(assembler.errorString().startsWith(QLatin1String("Invalid TransitionChunk")),
             qPrintable(assembler.errorString()));
    QVERIFY(assembler.errorString().contains(QLatin1String("transitionId")));
    QVERIFY(!assembler.isAssembling());
    QCOMPARE(assembler.addChunk(a.at(1)), Status::Failed); // nothing left to finish
}

void tst_TransitionChunkAssembler::mismatchedTotalParts()
{
    const QByteArray text = textOf(sampleTransition());
    const QList<TransitionChunk> three = chunksOf(text, 3, QStringLiteral("t"));
    TransitionChunk changed = three.at(1);
    changed.totalParts = 2;
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(three.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(changed), Status::Failed);
    QVERIFY2(assembler.errorString().contains(QLatin1String("totalParts changed from 3 to 2")),
             qPrintable(assembler.errorString()));
    QVERIFY(!assembler.isAssembling());
}

void tst_TransitionChunkAssembler::invalidPartNumbers_data()
{
    QTest::addColumn<quint32>("partNumber");
    QTest::addColumn<quint32>("totalParts");
    QTest::newRow("no parts") << 0u << 0u;
    QTest::newRow("part == total") << 2u << 2u;
    QTest::newRow("part > total") << 9u << 2u;
    QTest::newRow("huge") << 4294967295u << 4294967295u;
}

void tst_TransitionChunkAssembler::invalidPartNumbers()
{
    QFETCH(quint32, partNumber);
    QFETCH(quint32, totalParts);
    TransitionChunkAssembler assembler;
    // Also while a good sequence runs: it is dropped.
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 2, QStringLiteral("t"));
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(TransitionChunk{QStringLiteral("x"), partNumber, totalParts,
                                                QStringLiteral("t")}),
             Status::Failed);
    QVERIFY(assembler.errorString().startsWith(QLatin1String("Invalid TransitionChunk")));
    QVERIFY(!assembler.isAssembling());
}

void tst_TransitionChunkAssembler::pingDoesNotInterrupt()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 3, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QVERIFY(!assembler.discardIfInterruptedBy(Ping{}));
    QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Incomplete);
    QVERIFY(!assembler.discardIfInterruptedBy(Ping{}));
    QVERIFY(!assembler.discardIfInterruptedBy(Ping{}));
    QVERIFY(assembler.isAssembling());
    QCOMPARE(assembler.addChunk(chunks.at(2)), Status::Complete);
    QCOMPARE(textOf(assembler.takeTransition()), textOf(sampleTransition()));
}

void tst_TransitionChunkAssembler::otherMessageInterrupts()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 2, QStringLiteral("t"));
    const QList<ServerMessage> interruptions{
        MutationResponse{}, ActionResponse{}, Transition{}, AuthError{}, FatalError{}};
    for (const ServerMessage &interruption : interruptions) {
        TransitionChunkAssembler assembler;
        QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
        QVERIFY(assembler.discardIfInterruptedBy(interruption));
        QCOMPARE(assembler.errorString(),
                 QStringLiteral("Received unexpected %1 while buffering TransitionChunks")
                     .arg(messageType(interruption)));
        QVERIFY(!assembler.isAssembling());
        // What was left of the sequence no longer fits.
        QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Failed);
        QVERIFY(assembler.errorString().contains(QLatin1String("expected part 0, got 1")));
    }
}

void tst_TransitionChunkAssembler::idleAssemblerIgnoresOtherMessages()
{
    TransitionChunkAssembler assembler;
    QVERIFY(!assembler.discardIfInterruptedBy(MutationResponse{}));
    QVERIFY(!assembler.discardIfInterruptedBy(Ping{}));
    QVERIFY(assembler.errorString().isEmpty());
}

void tst_TransitionChunkAssembler::assembledTextIsNotATransition()
{
    MutationResponse response;
    response.requestId = 1;
    response.errorMessage = QStringLiteral("x");
    const QByteArray text = *serialize(ServerMessage(response));
    const QList<TransitionChunk> chunks = chunksOf(text, 2, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Failed);
    QCOMPARE(assembler.errorString(),
             QStringLiteral("Expected Transition, got MutationResponse after assembling chunks"));
    QVERIFY(!assembler.isAssembling());
}

void tst_TransitionChunkAssembler::assembledTextIsBroken()
{
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk({QStringLiteral("{\"type\":\"Transi"), 0, 2, QStringLiteral("t")}),
             Status::Incomplete);
    QCOMPARE(assembler.addChunk({QStringLiteral("tion\","), 1, 2, QStringLiteral("t")}),
             Status::Failed);
    QVERIFY2(assembler.errorString().contains(QLatin1String("not valid JSON")),
             qPrintable(assembler.errorString()));

    // Valid JSON, but not a valid Transition.
    QCOMPARE(assembler.addChunk({QStringLiteral("{\"type\":\"Transition\"}"), 0, 1,
                                 QStringLiteral("u")}),
             Status::Failed);
    QVERIFY2(assembler.errorString().contains(QLatin1String("startVersion")),
             qPrintable(assembler.errorString()));
}

void tst_TransitionChunkAssembler::sizeLimit()
{
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.maxBytes(), TransitionChunkAssembler::kDefaultMaxBytes);
    assembler.setMaxBytes(100);
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 40, QStringLiteral("t"));
    Status status = Status::Incomplete;
    int fed = 0;
    while (status == Status::Incomplete)
        status = assembler.addChunk(chunks.at(fed++));
    QCOMPARE(status, Status::Failed);
    QVERIFY(fed < 40);
    QVERIFY2(assembler.errorString().contains(QLatin1String("larger than 100 bytes")),
             qPrintable(assembler.errorString()));
    QVERIFY(!assembler.isAssembling());
}

void tst_TransitionChunkAssembler::resetDropsPartialSequence()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 2, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    assembler.reset(); // the socket closed
    QVERIFY(!assembler.isAssembling());
    QCOMPARE(assembler.receivedParts(), 0);
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Incomplete);
    QCOMPARE(assembler.addChunk(chunks.at(1)), Status::Complete);
}

void tst_TransitionChunkAssembler::takeTransitionEmptiesIt()
{
    const QList<TransitionChunk> chunks = chunksOf(textOf(sampleTransition()), 1, QStringLiteral("t"));
    TransitionChunkAssembler assembler;
    QCOMPARE(assembler.addChunk(chunks.at(0)), Status::Complete);
    QCOMPARE(assembler.takeTransition().modifications.size(), 2);
    const Transition second = assembler.takeTransition();
    QVERIFY(second.modifications.isEmpty());
    QCOMPARE(second.endVersion, StateVersion());
}

QTEST_GUILESS_MAIN(tst_TransitionChunkAssembler)
#include "tst_convexchunkassembler.moc"
