// AuthKitClient, the library's front door: built from a config and a secret store, it restores,
// signs in, hands out tokens and signs out, against the real emulator, with a scripted user agent
// playing the browser. Views get the state read-only; the session has one copy.

#include "SessionTestKit.h"

#include <authkitqt/core/AuthKitClient.h>
#include <authkitqt/core/AuthSession.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <type_traits>

using namespace authkit;

namespace {

// True when T has a member tokens() (a writable TokenManager a view could reach).
template<typename T, typename = void>
struct HasTokens : std::false_type
{
};
template<typename T>
struct HasTokens<T, std::void_t<decltype(std::declval<T &>().tokens())>> : std::true_type
{
};

// The client and what a view can reach through its state: no writable token engine, the session
// only as a const reference, and no way to make an AuthState of one's own.
static_assert(!HasTokens<AuthKitClient>::value, "the client hands out no TokenManager");
static_assert(!HasTokens<AuthState>::value, "the state hands out no TokenManager");
static_assert(std::is_same_v<decltype(std::declval<const AuthState &>().session()), const Session &>,
              "views read the session, never write it");
static_assert(!std::is_constructible_v<AuthState, const TokenManager *, QObject *>,
              "only AuthSession makes (and writes) the state");

} // namespace

class AuthKitClientTest : public QObject
{
    Q_OBJECT

    struct Rig
    {
        EmulatorSession emulator = startEmulator(300);
        CountingNetworkAccessManager network;
        RecordingSecretStore secrets; // outlives the clients: a restart finds what it holds
        ScriptedUserAgent agent{&network};

        std::unique_ptr<AuthKitClient> client()
        {
            auto made = std::make_unique<AuthKitClient>(emulator.config, &secrets, &network);
            made->setUserAgent(&agent);
            return made;
        }
    };

    static bool restore(AuthKitClient &client)
    {
        QSignalSpy restored(&client, &AuthKitClient::restored);
        client.restore();
        return restored.wait(15000);
    }

    static bool signIn(AuthKitClient &client)
    {
        QSignalSpy finished(&client, &AuthKitClient::signInFinished);
        client.signIn();
        return finished.wait(15000) && finished.first().first().toBool();
    }

private Q_SLOTS:
    void signInAndSignOutThroughTheClient()
    {
        Rig rig;
        auto client = rig.client();
        const AuthState *state = client->state();
        QVERIFY(restore(*client));
        QVERIFY(!state->isLoading());
        QVERIFY(!state->isAuthenticated());

        QSignalSpy changed(state, &AuthState::changed);
        QVERIFY(signIn(*client));
        QVERIFY(changed.count() > 0);
        QVERIFY(state->isAuthenticated());
        QCOMPARE(state->user().email, QStringLiteral("ada@example.com"));
        QCOMPARE(state->persistence(), AuthState::Persistence::Keychain);
        QVERIFY(state->msUntilExpiry() > 0);
        QVERIFY(state->msUntilScheduledRefresh() > 0);
        QVERIFY(!rig.secrets.current.isEmpty());

        std::optional<TokenResult> token;
        client->accessToken(false, [&token](const TokenResult &result) { token = result; });
        QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 15000);
        QVERIFY(token->ok());
        QCOMPARE(token->accessToken, state->session().accessToken);

        const QString sessionId = state->session().sessionId;
        QSignalSpy signedOut(client.get(), &AuthKitClient::signedOut);
        const QUrl logout = client->signOut();
        QVERIFY(logout.toString().contains(sessionId));
        QCOMPARE(rig.agent.logouts, QList<QUrl>{logout});
        QVERIFY(!state->isAuthenticated());
        QVERIFY(!state->hasSession());
        QVERIFY(signedOut.wait(5000));
        QVERIFY(rig.secrets.current.isEmpty());
        QCOMPARE(rig.secrets.events.last(), QStringLiteral("remove"));
    }

    void aNewClientRestoresTheStoredSession()
    {
        Rig rig;
        QString email;
        {
            auto first = rig.client();
            QVERIFY(signIn(*first));
            email = first->state()->user().email;
        } // no hand-ordered teardown: the client takes its parts down itself

        auto second = rig.client();
        const AuthState *state = second->state();
        QVERIFY(state->isLoading());
        QVERIFY(!state->isAuthenticated());
        QVERIFY(restore(*second));
        QVERIFY(!state->isLoading());
        QVERIFY(state->isAuthenticated());
        QCOMPARE(state->user().email, email);
        QVERIFY(!state->session().accessToken.isEmpty());
    }

    void theStateIsTheSessionsOneCopy()
    {
        Rig rig;
        auto client = rig.client();
        QVERIFY(signIn(*client));
        // What the state shows is the token engine's session, not a copy of it: a refresh that
        // replaces the access token is seen through the state at once.
        const Session &shown = client->state()->session();
        QCOMPARE(&shown, &client->session()->tokens()->session());
        const QString before = shown.accessToken;
        std::optional<TokenResult> token;
        client->accessToken(true, [&token](const TokenResult &result) { token = result; });
        QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 15000);
        QVERIFY(token->ok());
        QVERIFY(token->accessToken != before);
        QCOMPARE(client->state()->session().accessToken, token->accessToken);
    }

    void whileRestoringTheStoredUserIsNotShownYet()
    {
        Rig rig;
        {
            auto first = rig.client();
            QVERIFY(signIn(*first));
        }
        // With the stored access token gone, restore needs a refresh; until it answers the
        // views see loading and no user, then the user.
        QJsonObject envelope = QJsonDocument::fromJson(rig.secrets.current).object();
        QVERIFY(envelope.contains(QStringLiteral("access_token")));
        envelope.remove(QStringLiteral("access_token"));
        bool written = false;
        rig.secrets.write(rig.emulator.config.storageKey(),
                          QJsonDocument(envelope).toJson(QJsonDocument::Compact),
                          [&written](SecretStore::Status status, const QString &) {
                              written = status == SecretStore::Status::Ok;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(written, 5000);
        const int refreshesBefore = rig.network.countFor(QStringLiteral("/authenticate"));

        auto second = rig.client();
        const AuthState *state = second->state();
        QList<std::pair<bool, bool>> seen; // (loading, authenticated) at each change
        connect(state, &AuthState::changed, this, [state, &seen] {
            seen.append({state->isLoading(), state->isAuthenticated()});
        });
        QVERIFY(restore(*second));
        QVERIFY(state->isAuthenticated());
        QCOMPARE(rig.network.countFor(QStringLiteral("/authenticate")), refreshesBefore + 1);
        QVERIFY(!seen.isEmpty());
        for (const auto &[loading, authenticated] : seen)
            QVERIFY(!(loading && authenticated));
    }
};

QTEST_GUILESS_MAIN(AuthKitClientTest)
#include "tst_authkitclient.moc"
