// LocalQuerySet: the client's query set, shared by subscribers with the same function and args.
#include <authkitqt/convex/LocalQuerySet.h>

#include <QObject>
#include <QtTest>

using namespace authkit::convex;

namespace {

ConvexValue channelArgs(const QString &channel)
{
    return ConvexValue::fromObject({{QStringLiteral("channel"), ConvexValue::fromString(channel)}});
}

QString keyOf(const QString &udfPath, const ConvexValue &args)
{
    const auto key = LocalQuerySet::keyFor(udfPath, args);
    if (!key)
        qFatal("no key for the test query");
    return *key;
}

} // namespace

class TestConvexLocalQuerySet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysIdentifyFunctionAndArgs();
    void argsThatCannotBeSentHaveNoKey();
    void subscribersShareOneQuery();
    void theLastUnsubscribeRemovesTheQuery();
    void restartSendsEveryQueryInIdOrderWithJournals();
    void transitionsUpdateHeldQueriesOnly();
};

void TestConvexLocalQuerySet::keysIdentifyFunctionAndArgs()
{
    // The canonical path and the encoded args: "mod" and "mod.js:default" are one function.
    QCOMPARE(keyOf(QStringLiteral("messages"), ConvexValue()),
             keyOf(QStringLiteral("messages.js:default"), ConvexValue::fromObject({})));
    QVERIFY(keyOf(QStringLiteral("messages:list"), channelArgs(QStringLiteral("a")))
            != keyOf(QStringLiteral("messages:list"), channelArgs(QStringLiteral("b"))));
}

void TestConvexLocalQuerySet::argsThatCannotBeSentHaveNoKey()
{
    QString error;
    QVERIFY(
        !LocalQuerySet::keyFor(QStringLiteral("messages:list"), ConvexValue::fromInt64(1), &error));
    QVERIFY(error.contains(QStringLiteral("must be an object")));
}

void TestConvexLocalQuerySet::subscribersShareOneQuery()
{
    LocalQuerySet set;
    QObject first;
    QObject second;
    const ConvexValue args = channelArgs(QStringLiteral("a"));
    const QString key = keyOf(QStringLiteral("messages:list"), args);

    const auto add = set.subscribe(key, QStringLiteral("messages:list"), args, &first);
    QVERIFY(add);
    QCOMPARE(add->queryId, 0u);
    QCOMPARE(add->udfPath, QStringLiteral("messages:list"));
    QCOMPARE(add->args, args);
    QVERIFY(!set.subscribe(key, QStringLiteral("messages:list"), args, &second));

    QCOMPARE(set.size(), 1);
    QCOMPARE(set.find(key)->subscribers, (QList<QObject *>{&first, &second}));
    QCOMPARE(set.allSubscribers().size(), 2);
}

void TestConvexLocalQuerySet::theLastUnsubscribeRemovesTheQuery()
{
    LocalQuerySet set;
    QObject first;
    QObject second;
    const QString key = keyOf(QStringLiteral("messages:list"), ConvexValue());
    set.subscribe(key, QStringLiteral("messages:list"), ConvexValue(), &first);
    set.subscribe(key, QStringLiteral("messages:list"), ConvexValue(), &second);

    QVERIFY(!set.unsubscribe(key, &first));
    QCOMPARE(set.size(), 1);
    const auto remove = set.unsubscribe(key, &second);
    QVERIFY(remove);
    QCOMPARE(remove->queryId, 0u);
    QCOMPARE(set.size(), 0);
    QVERIFY(!set.find(key));
    QVERIFY(!set.unsubscribe(key, &second)); // gone already

    // A new subscription gets a new queryId: the server may still hold the old one.
    const auto again = set.subscribe(key, QStringLiteral("messages:list"), ConvexValue(), &first);
    QVERIFY(again);
    QCOMPARE(again->queryId, 1u);
}

void TestConvexLocalQuerySet::restartSendsEveryQueryInIdOrderWithJournals()
{
    LocalQuerySet set;
    QObject subscriber;
    QStringList keys;
    for (const QString &channel : {QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}) {
        keys.append(keyOf(QStringLiteral("messages:list"), channelArgs(channel)));
        set.subscribe(keys.last(), QStringLiteral("messages:list"), channelArgs(channel),
                      &subscriber);
    }
    protocol::QueryUpdated updated;
    updated.queryId = 1;
    updated.journal = QStringLiteral("journal-1");
    set.apply({updated});

    const auto adds = set.addsForRestart();
    QCOMPARE(adds.size(), 3);
    for (quint32 i = 0; i < 3; ++i) {
        const auto &add = std::get<protocol::AddQuery>(adds.at(i));
        QCOMPARE(add.queryId, i);
        QCOMPARE(add.journal,
                 i == 1 ? std::optional<QString>(QStringLiteral("journal-1")) : std::nullopt);
    }
    QCOMPARE(std::get<protocol::AddQuery>(adds.at(0)).args, channelArgs(QStringLiteral("c")));
}

void TestConvexLocalQuerySet::transitionsUpdateHeldQueriesOnly()
{
    LocalQuerySet set;
    QObject subscriber;
    const QString listKey = keyOf(QStringLiteral("messages:list"), ConvexValue());
    const QString countKey = keyOf(QStringLiteral("messages:count"), ConvexValue());
    set.subscribe(listKey, QStringLiteral("messages:list"), ConvexValue(), &subscriber);
    set.subscribe(countKey, QStringLiteral("messages:count"), ConvexValue(), &subscriber);

    protocol::QueryUpdated updated;
    updated.queryId = 0;
    updated.value = ConvexValue::fromInt64(3);
    updated.logLines = {QStringLiteral("listed")};
    protocol::QueryFailed failed;
    failed.queryId = 1;
    failed.errorMessage = QStringLiteral("boom");
    failed.errorData = ConvexValue::fromString(QStringLiteral("data"));
    protocol::QueryUpdated unknown;
    unknown.queryId = 9; // removed on our side already
    const QStringList touched = set.apply({updated, failed, unknown, protocol::QueryRemoved{0}});

    QCOMPARE(touched, (QStringList{listKey, countKey}));
    const LocalQuerySet::Query *list = set.find(listKey);
    QVERIFY(list->ready);
    QCOMPARE(list->value, ConvexValue::fromInt64(3));
    QVERIFY(!list->error);
    QCOMPARE(list->logLines, updated.logLines);
    const LocalQuerySet::Query *count = set.find(countKey);
    QVERIFY(count->ready);
    QVERIFY(count->value.isNull());
    QCOMPARE(count->error, std::optional<QString>(QStringLiteral("boom")));
    QCOMPARE(count->errorData, failed.errorData);
    QCOMPARE(set.size(), 2); // QueryRemoved does not drop a query the client still holds
}

QTEST_GUILESS_MAIN(TestConvexLocalQuerySet)
#include "tst_convexlocalqueryset.moc"
