// AuthKitTokenSource against the in-process AuthKit emulator: forceRefresh is a real refresh
// (a new token, which the ConvexClient then schedules from), a transient refresh failure is
// retried without signing anyone out, and only a terminal one answers null.

#include "ScriptedServer.h"
#include "SessionTestKit.h"

#include <authkitqt/convex/AuthKitTokenSource.h>
#include <authkitqt/core/JwksCache.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/TokenManager.h>

#include <QSignalSpy>
#include <QTest>

using namespace authkit;
using namespace authkit::convex;

namespace {

struct Rig : TokenRig
{
    std::unique_ptr<AuthKitTokenSource> source;
};

std::unique_ptr<Rig> signedInRig()
{
    auto rig = std::make_unique<Rig>();
    rig->start(300);
    const auto adopted = rig->signIn();
    if (!adopted || !adopted->ok())
        return nullptr;
    rig->source = std::make_unique<AuthKitTokenSource>(rig->tokens.get());
    rig->source->setSettings({50, 1000}); // short backoff for the test
    return rig;
}

// nullopt outside: no answer in time; nullopt inside: the source said "no token".
std::optional<std::optional<QString>> fetch(AuthKitTokenSource &source, bool force)
{
    std::optional<std::optional<QString>> answer;
    source.fetch(force, [&](std::optional<QString> token) { answer = token; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return std::nullopt;
    return answer;
}

} // namespace

class AuthKitTokenSourceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forceRefreshIsARealRefresh()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString current = rig->tokens->session().accessToken;
        const int refreshesBefore = rig->network.countFor(QStringLiteral("/authenticate"));

        const auto cached = fetch(*rig->source, false);
        QVERIFY(cached && *cached);
        QCOMPARE(**cached, current);
        QCOMPARE(rig->network.countFor(QStringLiteral("/authenticate")), refreshesBefore);

        const auto forced = fetch(*rig->source, true);
        QVERIFY(forced && *forced);
        QVERIFY(**forced != current);
        QCOMPARE(rig->network.countFor(QStringLiteral("/authenticate")), refreshesBefore + 1);
    }

    void transientFailureKeepsTheUserSignedIn()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString current = rig->tokens->session().accessToken;
        QSignalSpy ended(rig->tokens.get(), &TokenManager::sessionEnded);
        QSignalSpy transient(rig->source.get(), &AuthKitTokenSource::transientFailure);
        QCOMPARE(emulatorControl(rig->network, rig->emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/faults"),
                                 {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                                  {QStringLiteral("status"), 503}}),
                 201);
        const auto forced = fetch(*rig->source, true);
        QVERIFY(forced);
        QVERIFY2(forced->has_value(), "a transient failure must not answer null");
        QVERIFY(**forced != current);
        QCOMPARE(transient.count(), 1);
        QCOMPARE(ended.count(), 0);
        QVERIFY(rig->tokens->hasSession());
    }

    void terminalFailureAnswersNull()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString sid = rig->tokens->session().sessionId;
        QCOMPARE(emulatorControl(rig->network, rig->emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/sessions/%1/revoke").arg(sid), {}),
                 200);
        const auto forced = fetch(*rig->source, true);
        QVERIFY(forced);
        QVERIFY(!forced->has_value());
        // Signed out: null at once, no request.
        const auto later = fetch(*rig->source, false);
        QVERIFY(later && !later->has_value());
    }

    void convexGetsAFreshTokenAndSchedulesItsRefetch()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString current = rig->tokens->session().accessToken;
        ScriptedServer server;
        ConvexClient::Options options;
        options.socket.backoffScale = 0.02;
        ConvexClient client(server.deploymentUrl(), options);
        QList<bool> changes;
        client.setAuth(rig->source->fetcher(), [&](bool ok) { changes.append(ok); });

        const auto cached = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(cached);
        QCOMPARE(cached->value, current);
        server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(changes, QList<bool>({true}), 5000);
        // The forced refetch is a real refresh: a new string, not "notRefetching" (convex-js#184).
        const auto fresh = server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"), 15000);
        QVERIFY(fresh);
        QVERIFY(fresh->value != current);
        QCOMPARE(fresh->value, rig->tokens->session().accessToken);
        server.transition(1, 2, 11);
        QTRY_VERIFY_WITH_TIMEOUT(client.msUntilAuthRefetch() > 0, 5000);
        // exp - iat (300 s) - leeway (10 s).
        QVERIFY(client.msUntilAuthRefetch() <= 290 * 1000);
        QVERIFY(client.msUntilAuthRefetch() > 280 * 1000);
        QCOMPARE(changes, QList<bool>({true}));
    }
};

QTEST_GUILESS_MAIN(AuthKitTokenSourceTest)
#include "tst_authkittokensource.moc"
