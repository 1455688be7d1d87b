// AuthSession, the one state machine: restore, sign-in through a user agent, failures that must
// not cost an existing session, sign-out order, organization switch fallback. Real emulator,
// scripted user agent (it plays the browser over HTTP).

#include "SessionTestKit.h"

#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/UserAgent.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace authkit;

class AuthSessionTest : public QObject
{
    Q_OBJECT

    // Rewrites the stored envelope without its access token, as a restart finds it once that
    // token has expired.
    template<typename Rig>
    static bool forgetStoredAccessToken(Rig &rig)
    {
        QJsonObject envelope = QJsonDocument::fromJson(rig.secrets.current).object();
        if (!envelope.contains(QStringLiteral("access_token")))
            return false;
        envelope.remove(QStringLiteral("access_token"));
        bool written = false;
        rig.secrets.write(rig.store.key(), QJsonDocument(envelope).toJson(QJsonDocument::Compact),
                          [&written](SecretStore::Status status, const QString &) {
                              written = status == SecretStore::Status::Ok;
                          });
        QTest::qWaitFor([&written] { return written; }, 5000);
        return written;
    }

    struct Rig
    {
        EmulatorSession emulator = startEmulator(300);
        CountingNetworkAccessManager network;
        AuthKitApi api{emulator.config, &network};
        RecordingSecretStore secrets;
        SessionStore store{&secrets, QStringLiteral("test/session")};
        AuthSession session{&api, &store};
        ScriptedUserAgent agent{&network};
        Rig() { session.setUserAgent(&agent); }

        bool restore()
        {
            QSignalSpy restored(&session, &AuthSession::restored);
            session.restore();
            return restored.wait(15000);
        }
        bool signIn(const SignInOptions &options = {})
        {
            QSignalSpy finished(&session, &AuthSession::signInFinished);
            session.signIn(options);
            return finished.wait(15000) && finished.first().first().toBool();
        }
    };

private Q_SLOTS:
    void restoreWithNothingStoredSettlesOnSignedOut()
    {
        Rig rig;
        QVERIFY(rig.session.state()->isLoading());
        QVERIFY(rig.restore());
        QVERIFY(!rig.session.state()->isLoading());
        QVERIFY(!rig.session.state()->isAuthenticated());
        QCOMPARE(rig.session.state()->persistence(), AuthState::Persistence::Keychain);
        QVERIFY(rig.session.state()->persistenceNotice().isEmpty());
    }

    void signInThroughTheUserAgent()
    {
        Rig rig;
        QVERIFY(rig.restore());
        QVERIFY(rig.signIn());
        const AuthState *state = rig.session.state();
        QVERIFY(state->isAuthenticated());
        QVERIFY(!state->isSigningIn());
        QCOMPARE(state->user().firstName, QStringLiteral("Ada"));
        QVERIFY(state->session().sessionId.startsWith(QStringLiteral("session_")));
        QVERIFY(!rig.secrets.current.isEmpty());
        const QUrlQuery sent(rig.agent.presented.first());
        QCOMPARE(sent.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("provider")), QStringLiteral("authkit"));
        QVERIFY(rig.agent.dismissed >= 1);
    }

    void aForgedStateIsNeverExchanged()
    {
        Rig rig;
        QVERIFY(rig.restore());
        rig.agent.script = ScriptedUserAgent::Script::TamperState;
        QVERIFY(!rig.signIn());
        QVERIFY(!rig.session.state()->isAuthenticated());
        QVERIFY(rig.session.state()->lastError().contains(QStringLiteral("did not match")));
        QCOMPARE(rig.network.countFor(QStringLiteral("/authenticate")), 0);
    }

    void aReplayedRedirectIsExchangedOnce()
    {
        Rig rig;
        QVERIFY(rig.restore());
        rig.agent.script = ScriptedUserAgent::Script::Replay;
        QVERIFY(rig.signIn());
        QTest::qWait(200);
        QCOMPARE(rig.network.countFor(QStringLiteral("/authenticate")), 1);
    }

    void anErrorRedirectIsShownAndCancelIsNot()
    {
        Rig rig;
        QVERIFY(rig.restore());
        rig.agent.script = ScriptedUserAgent::Script::AccessDenied;
        QVERIFY(!rig.signIn());
        QVERIFY(rig.session.state()->lastError().contains(QStringLiteral("The user said no.")));
        QVERIFY(rig.session.state()->lastError().contains(QStringLiteral("access_denied")));
        rig.agent.script = ScriptedUserAgent::Script::Cancel;
        QVERIFY(!rig.signIn());
        QVERIFY(rig.session.state()->lastError().isEmpty());
        QVERIFY(!rig.session.state()->isSigningIn());
    }

    void aFailedSignInKeepsTheSessionThatWasThere()
    {
        Rig rig;
        QVERIFY(rig.restore());
        QVERIFY(rig.signIn());
        rig.agent.script = ScriptedUserAgent::Script::AccessDenied;
        QVERIFY(!rig.signIn());
        QVERIFY(rig.session.state()->isAuthenticated());
        QCOMPARE(rig.session.state()->user().email, QStringLiteral("ada@example.com"));
    }

    void restoreFromTheStoreRefreshesWithoutALogin()
    {
        Rig first;
        QVERIFY(first.restore());
        QVERIFY(first.signIn());
        const QString sid = first.session.state()->session().sessionId;
        // A second session object over the same store and emulator: a restart.
        AuthKitApi api(first.emulator.config, &first.network);
        AuthSession restarted(&api, &first.store);
        QSignalSpy restored(&restarted, &AuthSession::restored);
        restarted.restore();
        QVERIFY(restored.wait(15000));
        QVERIFY(restarted.state()->isAuthenticated());
        QCOMPARE(restarted.state()->session().sessionId, sid);
        QCOMPARE(restarted.state()->user().email, QStringLiteral("ada@example.com"));
        QCOMPARE(first.agent.presented.size(), 1);
    }

    void restoreWithAStoredTokenStillGoodMakesNoRequest()
    {
        Rig first;
        QVERIFY(first.restore());
        QVERIFY(first.signIn());
        const QString token = first.session.state()->session().accessToken;
        const int requestsBefore = first.network.countFor(QStringLiteral("/authenticate"))
                                   + first.network.countFor(QStringLiteral("/sso/jwks/")
                                                            + first.emulator.config.clientId);
        AuthKitApi api(first.emulator.config, &first.network);
        AuthSession restarted(&api, &first.store);
        QSignalSpy restored(&restarted, &AuthSession::restored);
        restarted.restore();
        QVERIFY(restored.wait(15000));
        QVERIFY(restarted.state()->isAuthenticated());
        QCOMPARE(restarted.state()->session().accessToken, token);
        QCOMPARE(restarted.state()->session().sessionId, first.session.state()->session().sessionId);
        QCOMPARE(first.network.countFor(QStringLiteral("/authenticate"))
                     + first.network.countFor(QStringLiteral("/sso/jwks/")
                                              + first.emulator.config.clientId),
                 requestsBefore);
    }

    void restoreOfAnEndedSessionSignsOutWithTheReason()
    {
        Rig rig;
        QVERIFY(rig.restore());
        QVERIFY(rig.signIn());
        QCOMPARE(emulatorControl(rig.network, rig.emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/sessions/%1/revoke")
                                     .arg(rig.session.state()->session().sessionId),
                                 {}),
                 200);
        QVERIFY(forgetStoredAccessToken(rig)); // as once it has expired: a refresh is needed
        QVERIFY(rig.restore());
        QVERIFY(!rig.session.state()->isAuthenticated());
        QVERIFY(rig.session.state()->lastError().contains(QStringLiteral("Session has ended")));
        QTRY_VERIFY(rig.secrets.current.isEmpty());
    }

    void restoreWhileWorkOSIsDownStaysSignedInOffline()
    {
        Rig rig;
        QVERIFY(rig.restore());
        QVERIFY(rig.signIn());
        QCOMPARE(emulatorControl(rig.network, rig.emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/faults"),
                                 {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                                  {QStringLiteral("status"), 503},
                                  {QStringLiteral("count"), 5}}),
                 201);
        QVERIFY(forgetStoredAccessToken(rig));
        AuthKitApi api(rig.emulator.config, &rig.network);
        AuthSession restarted(&api, &rig.store);
        QSignalSpy restored(&restarted, &AuthSession::restored);
        restarted.restore();
        QVERIFY(restored.wait(15000));
        QVERIFY(restarted.state()->isAuthenticated());
        QVERIFY(!restarted.state()->isLoading());
        QCOMPARE(restarted.state()->user().firstName, QStringLiteral("Ada"));
        QVERIFY(restarted.state()->session().accessToken.isEmpty());
        QVERIFY(restarted.state()->lastError().contains(QStringLiteral("503")));
        QVERIFY(!rig.secrets.current.isEmpty()); // the stored session is kept for the retry
    }

    void signOutClearsFirstThenEndsTheHostedSession()
    {
        Rig rig;
        QVERIFY(rig.restore());
        QVERIFY(rig.signIn());
        const QString sid = rig.session.state()->session().sessionId;
        QSignalSpy signedOut(&rig.session, &AuthSession::signedOut);
        const QUrl logout = rig.session.signOut();
        QVERIFY(!rig.session.state()->isAuthenticated());
        QCOMPARE(QUrlQuery(logout).queryItemValue(QStringLiteral("session_id")), sid);
        QCOMPARE(rig.agent.logouts, QList<QUrl>{logout});
        QVERIFY(signedOut.wait(5000));
        QVERIFY(rig.secrets.current.isEmpty());
        QVERIFY(rig.secrets.events.endsWith(QStringLiteral("remove")));
        std::optional<TokenResult> token;
        rig.session.accessToken(false, [&](const TokenResult &r) { token = r; });
        QTRY_VERIFY(token.has_value());
        QVERIFY(token->terminal);
    }

    void aRefusedOrganizationSwitchFallsBackToAnOrganizationSignIn()
    {
        Rig rig;
        QVERIFY(rig.restore());
        SignInOptions grace;
        grace.loginHint = QStringLiteral("grace@example.com");
        QVERIFY(rig.signIn(grace));
        QSignalSpy switched(&rig.session, &AuthSession::organizationSwitchFinished);
        rig.session.switchOrganization(QStringLiteral("org_01J000000000000000000HRVRD"));
        QVERIFY(switched.wait(10000));
        QCOMPARE(switched.first().first().toBool(), true);
        QCOMPARE(rig.session.state()->session().organizationId, QStringLiteral("org_01J000000000000000000HRVRD"));

        rig.session.switchOrganization(QStringLiteral("org_01J000000000000000000BTCHY"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.agent.presented.size(), 2, 10000);
        const QUrlQuery fallback(rig.agent.presented.last());
        QCOMPARE(fallback.queryItemValue(QStringLiteral("organization_id")),
                 QStringLiteral("org_01J000000000000000000BTCHY"));
        QCOMPARE(fallback.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded),
                 QStringLiteral("grace@example.com"));
    }

    void memoryOnlyIsToldToTheUser()
    {
        Rig rig;
        rig.secrets.unavailable = true;
        QVERIFY(rig.restore());
        QCOMPARE(rig.session.state()->persistence(), AuthState::Persistence::MemoryOnly);
        QVERIFY(rig.session.state()->persistenceNotice().contains(QStringLiteral("memory only")));
        QVERIFY(rig.signIn());
        QVERIFY(rig.session.state()->isAuthenticated());
        QCOMPARE(rig.session.state()->persistence(), AuthState::Persistence::MemoryOnly);
    }
};

QTEST_GUILESS_MAIN(AuthSessionTest)
#include "tst_authsession.moc"
