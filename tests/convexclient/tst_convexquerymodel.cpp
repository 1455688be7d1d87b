// ConvexQueryModel follows its query: inserts for new rows, dataChanged for edits, removals,
// and a reset only when the set of keys changes.

#include "ScriptedServer.h"

#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQueryModel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace authkit::convex;

namespace {

ConvexValue message(const char *id, const char *body)
{
    return ConvexValue::fromObject({{QStringLiteral("_id"), ConvexValue::fromString(QString::fromUtf8(id))},
                                    {QStringLiteral("body"), ConvexValue::fromString(QString::fromUtf8(body))}});
}

protocol::QueryUpdated rows(const QList<ConvexValue> &values)
{
    protocol::QueryUpdated modification;
    modification.queryId = 0;
    modification.value = ConvexValue::fromArray(values);
    return modification;
}

} // namespace

class ConvexQueryModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowTheValue()
    {
        ScriptedServer server;
        ConvexClient::Options options;
        options.socket.backoffScale = 0.02;
        ConvexClient client(server.deploymentUrl(), options);
        ConvexQueryModel model(&client, QStringLiteral("messages:list"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDisplayKey(QStringLiteral("body"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy edits(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!model.isReady());
        QVERIFY(server.take(QStringLiteral("ModifyQuerySet")));

        server.transition(1, 0, 10, {rows({message("m1", "hello"), message("m2", "world")})});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
        QVERIFY(model.isReady());
        QCOMPARE(resets.count(), 1); // the roles appeared
        QCOMPARE(model.keys(), QStringList({QStringLiteral("_id"), QStringLiteral("body")}));
        QCOMPARE(model.roleNames().value(model.roleForKey(QStringLiteral("body"))), QByteArray("body"));
        QCOMPARE(model.roleNames().value(Qt::DisplayRole), QByteArray("display"));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("world"));
        QCOMPARE(model.index(0).data(model.roleForKey(QStringLiteral("_id"))).toString(), QStringLiteral("m1"));

        // A new message: one insert at the end, no reset.
        server.transition(1, 0, 20, {rows({message("m1", "hello"), message("m2", "world"), message("m3", "again")})});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 5000);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(inserts.first().at(1).toInt(), 2);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("again"));

        // An edit: dataChanged on that row only.
        server.transition(1, 0, 30, {rows({message("m1", "hello!"), message("m2", "world"), message("m3", "again")})});
        QTRY_COMPARE_WITH_TIMEOUT(edits.count(), 1, 5000);
        QCOMPARE(edits.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("hello!"));

        // A deletion in the middle: one removal.
        server.transition(1, 0, 40, {rows({message("m1", "hello!"), message("m3", "again")})});
        QTRY_COMPARE_WITH_TIMEOUT(removals.count(), 1, 5000);
        QCOMPARE(removals.first().at(1).toInt(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("again"));
        QCOMPARE(resets.count(), 1);

        // Emptied: removals; the keys go with the rows, which resets.
        server.transition(1, 0, 50, {rows({})});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 5000);
    }
};

QTEST_GUILESS_MAIN(ConvexQueryModelTest)
#include "tst_convexquerymodel.moc"
