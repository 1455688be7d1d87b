// ConvexAuthState: useConvexAuth (docs/convex-protocol.md#provider-states) from the provider and
// the backend's answer, against the scripted server.

#include "FakeProviderState.h"
#include "ScriptedServer.h"

#include <authkitqt/convex/ConvexAuthState.h>

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace authkit::convex;

namespace {

const QString kToken = QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.c2ln"); // no iat/exp

struct Rig
{
    ScriptedServer server;
    ConvexClient client;
    FakeProviderState provider;
    QList<bool> fetches;
    bool giveToken = true;
    std::unique_ptr<ConvexAuthState> state;

    static ConvexClient::Options options()
    {
        ConvexClient::Options result;
        result.socket.backoffScale = 0.02;
        return result;
    }

    Rig()
        : client(server.deploymentUrl(), options())
    {
        state = std::make_unique<ConvexAuthState>(
            &client, &provider, [this](bool force, ConvexClient::TokenCallback done) {
                fetches.append(force);
                const std::optional<QString> answer =
                    giveToken ? std::optional<QString>(kToken) : std::nullopt;
                QTimer::singleShot(0, [done, answer] { done(answer); });
            });
    }

    std::pair<bool, bool> derived() const { return {state->isLoading(), state->isAuthenticated()}; }
};

using Pair = std::pair<bool, bool>;

} // namespace

class ConvexAuthStateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerLoadingIsLoading()
    {
        Rig rig;
        QCOMPARE(rig.derived(), Pair(true, false));
        QVERIFY(rig.fetches.isEmpty());
    }

    void providerSignedOutIsSignedOut()
    {
        Rig rig;
        QSignalSpy changed(rig.state.get(), &ConvexAuthState::changed);
        rig.provider.set(false, false);
        QCOMPARE(rig.derived(), Pair(false, false));
        QCOMPARE(changed.count(), 1);
        QVERIFY(rig.fetches.isEmpty());
    }

    void authenticatedOnlyOnceTheBackendConfirms()
    {
        Rig rig;
        rig.provider.set(false, true);
        QCOMPARE(rig.derived(), Pair(true, false)); // token fetch / confirmation pending
        const auto auth = rig.server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(auth);
        QCOMPARE(auth->value, kToken);
        QCOMPARE(rig.derived(), Pair(true, false));
        rig.server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(rig.derived(), Pair(false, true), 5000);
        QVERIFY(!rig.state->isRefreshing());
        // The same token again after the forced refetch: confirmed stays confirmed.
        QTRY_COMPARE_WITH_TIMEOUT(rig.fetches, QList<bool>({false, true}), 5000);
        QCOMPARE(rig.derived(), Pair(false, true));

        // Signing out in the provider: Authenticate None and signed out at once.
        rig.provider.set(false, false);
        QCOMPARE(rig.derived(), Pair(false, false));
        const auto logout = rig.server.takeAs<protocol::Authenticate>(QStringLiteral("Authenticate"));
        QVERIFY(logout);
        QCOMPARE(logout->tokenType, protocol::Authenticate::TokenType::None);

        // Provider loading again: loading, whatever the backend said.
        rig.provider.set(true, false);
        QCOMPARE(rig.derived(), Pair(true, false));
    }

    void backendRefusalIsSignedOut()
    {
        Rig rig;
        rig.giveToken = false;
        rig.provider.set(false, true);
        QCOMPARE(rig.derived(), Pair(true, false));
        QTRY_COMPARE_WITH_TIMEOUT(rig.derived(), Pair(false, false), 5000); // "stuck" until...
        QCOMPARE(rig.fetches, QList<bool>({false, true}));
        // ...the provider flips: setAuth runs again.
        rig.giveToken = true;
        rig.provider.set(false, false);
        rig.provider.set(false, true);
        QCOMPARE(rig.derived(), Pair(true, false));
        QVERIFY(rig.server.take(QStringLiteral("Authenticate")));
        rig.server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(rig.derived(), Pair(false, true), 5000);
    }

    void refreshingDuringAReauthenticationOnly()
    {
        Rig rig;
        rig.provider.set(false, true);
        QVERIFY(rig.server.take(QStringLiteral("Authenticate")));
        rig.server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(rig.derived(), Pair(false, true), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.fetches.size(), 2, 5000); // same token: notRefetching
        // The server rejects the identity; the client refetches and reconnects, and meanwhile
        // the session counts as authenticated and refreshing.
        QList<std::tuple<bool, bool, bool>> seen; // (isLoading, isAuthenticated, isRefreshing)
        connect(rig.state.get(), &ConvexAuthState::changed, this, [&] {
            seen.append({rig.state->isLoading(), rig.state->isAuthenticated(),
                         rig.state->isRefreshing()});
        });
        protocol::AuthError error;
        error.error = QStringLiteral("Convex token identity expired");
        error.baseVersion = 1;
        error.authUpdateAttempted = false;
        rig.server.send(error);
        // The fetcher hands back the same string: convex-js gives up, and so do we.
        QTRY_COMPARE_WITH_TIMEOUT(rig.derived(), Pair(false, false), 5000);
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.first(), std::make_tuple(false, true, true));
        QCOMPARE(seen.last(), std::make_tuple(false, false, false));
        for (const auto &entry : std::as_const(seen))
            QVERIFY(!std::get<0>(entry)); // never back to loading
    }

    void providerLoadingHidesAnEarlierAnswer()
    {
        Rig rig;
        rig.provider.set(false, true);
        QVERIFY(rig.server.take(QStringLiteral("Authenticate")));
        rig.server.transition(1, 1, 10);
        QTRY_COMPARE_WITH_TIMEOUT(rig.derived(), Pair(false, true), 5000);
        rig.provider.set(true, true);
        QCOMPARE(rig.derived(), Pair(true, false));
    }
};

QTEST_GUILESS_MAIN(ConvexAuthStateTest)
#include "tst_convexauthstate.moc"
