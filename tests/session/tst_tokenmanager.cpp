// TokenManager on a manual clock against the real emulator: single-flight refresh, rotation
// persisted before use, transient versus terminal failures, backoff and Retry-After, clock skew.

#include "SessionTestKit.h"

#include <authkitqt/core/JwksCache.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/TokenManager.h>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace authkit;

class TokenManagerTest : public QObject
{
    Q_OBJECT

private:
    using Rig = TokenRig;

    std::unique_ptr<Rig> signedInRig(int ttl = 300, const QString &user = QStringLiteral("ada@example.com"))
    {
        auto rig = std::make_unique<Rig>();
        rig->start(ttl);
        const auto adopted = rig->signIn(user);
        if (!adopted || !adopted->ok())
            return nullptr;
        return rig;
    }

    static TokenResult waitForToken(TokenManager &tokens, bool force)
    {
        std::optional<TokenResult> outcome;
        tokens.accessToken(force, [&](const TokenResult &result) { outcome = result; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000))
            return TokenResult(); // empty: every caller's check fails
        return *outcome;
    }

    static QString storedRefreshToken(const RecordingSecretStore &secrets)
    {
        return QJsonDocument::fromJson(secrets.current)
            .object()
            .value(QStringLiteral("refresh_token"))
            .toString();
    }

private Q_SLOTS:
    void adoptVerifiesAndPersists()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        QCOMPARE(rig->tokens->session().user.email, QStringLiteral("ada@example.com"));
        QCOMPARE(rig->tokens->session().accessTokenLifetimeSecs, 300);
        QCOMPARE(rig->tokens->msUntilExpiry(), 300 * 1000);
        QCOMPARE(storedRefreshToken(rig->secrets), rig->firstRefreshToken);
        QVERIFY(rig->tokens->isPersistent());
        QCOMPARE(rig->network.countFor(QStringLiteral("/sso/jwks/") + rig->emulator.config.clientId), 1);
    }

    void validTokenIsServedWithoutARefresh()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString first = rig->tokens->session().accessToken;
        rig->clock.advance(200 * 1000); // 100 s left: beyond the 60 s lead
        const TokenResult result = waitForToken(*rig->tokens, false);
        QCOMPARE(result.accessToken, first);
        QCOMPARE(rig->network.countFor(QStringLiteral("/authenticate")), 1); // the code exchange only
    }

    void thousandConcurrentCallersAtExpiryCauseOneRefresh()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString before = rig->tokens->session().accessToken;
        const int exchangesBefore = rig->network.countFor(QStringLiteral("/authenticate"));
        rig->clock.advance(300 * 1000); // exactly at expiry
        QStringList tokens;
        for (int i = 0; i < 1000; ++i)
            rig->tokens->accessToken(false, [&](const TokenResult &r) { tokens.append(r.accessToken); });
        QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 1000, 15000);
        QCOMPARE(rig->network.countFor(QStringLiteral("/authenticate")) - exchangesBefore, 1);
        QCOMPARE(tokens.removeDuplicates(), 999);
        QVERIFY(!tokens.first().isEmpty());
        QVERIFY(tokens.first() != before);
        QCOMPARE(tokens.first(), rig->tokens->session().accessToken);
    }

    void rotatedRefreshTokenIsPersistedBeforeTheTokenIsHandedOut()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const int writesBefore = rig->secrets.events.size();
        QString storedWhenHandedOut;
        bool done = false;
        rig->tokens->accessToken(true, [&](const TokenResult &result) {
            QVERIFY(result.ok());
            storedWhenHandedOut = storedRefreshToken(rig->secrets);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(rig->secrets.events.size(), writesBefore + 1);
        QVERIFY(!storedWhenHandedOut.isEmpty());
        QVERIFY(storedWhenHandedOut != rig->firstRefreshToken);
        // The stored token is the live one: the first was spent by the refresh.
        std::optional<AuthResult> reuse;
        rig->api->authenticateWithRefreshToken(rig->firstRefreshToken, QString(),
                                               [&](const AuthResult &r) { reuse = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reuse.has_value(), 10000);
        QCOMPARE(reuse->error.code, QStringLiteral("invalid_grant"));
        QCOMPARE(reuse->error.description, QStringLiteral("Refresh token already exchanged."));
        QVERIFY(!reuse->error.isTransient());
    }

    void transientFailureKeepsTheSessionAndBacksOff_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::addColumn<int>("minimumRetryMs");
        QTest::newRow("503") << QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                                            {QStringLiteral("status"), 503}}
                             << 500;
        QTest::newRow("429 with Retry-After") << QJsonObject{
            {QStringLiteral("endpoint"), QStringLiteral("authenticate")},
            {QStringLiteral("status"), 429},
            {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), QStringLiteral("7")}}}}
                                              << 5000; // far above the 1 s first backoff
        // Two drops: Qt resends a request once when a kept-alive connection closes unanswered.
        QTest::newRow("dropped connection") << QJsonObject{
            {QStringLiteral("endpoint"), QStringLiteral("authenticate")},
            {QStringLiteral("action"), QStringLiteral("drop")},
            {QStringLiteral("count"), 2}} << 500;
    }

    void transientFailureKeepsTheSessionAndBacksOff()
    {
        QFETCH(QJsonObject, fault);
        QFETCH(int, minimumRetryMs);
        auto rig = signedInRig();
        QVERIFY(rig);
        QSignalSpy ended(rig->tokens.get(), &TokenManager::sessionEnded);
        QSignalSpy transient(rig->tokens.get(), &TokenManager::transientFailure);
        QCOMPARE(emulatorControl(rig->network, rig->emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/faults"), fault),
                 201);
        const TokenResult failed = waitForToken(*rig->tokens, true);
        QVERIFY(!failed.ok());
        QVERIFY(!failed.terminal);
        QVERIFY(failed.error.isTransient());
        QCOMPARE(ended.count(), 0);
        QCOMPARE(transient.count(), 1);
        QVERIFY(rig->tokens->hasSession());
        QVERIFY(rig->tokens->msUntilScheduledRefresh() >= minimumRetryMs);
        QVERIFY(!storedRefreshToken(rig->secrets).isEmpty());
        // The fault is spent; the next try succeeds with the same session.
        const TokenResult recovered = waitForToken(*rig->tokens, true);
        QVERIFY(recovered.ok());
        QCOMPARE(rig->tokens->session().user.email, QStringLiteral("ada@example.com"));
    }

    void unexpiredTokenIsStillServedDuringATransientFailure()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString current = rig->tokens->session().accessToken;
        rig->clock.advance(270 * 1000); // inside the 60 s lead, not yet expired
        QCOMPARE(emulatorControl(rig->network, rig->emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/faults"),
                                 {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                                  {QStringLiteral("status"), 500}}),
                 201);
        const TokenResult result = waitForToken(*rig->tokens, false);
        QCOMPARE(result.accessToken, current);
    }

    void terminalFailureEndsTheSession()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        QSignalSpy ended(rig->tokens.get(), &TokenManager::sessionEnded);
        const QString sid = rig->tokens->session().sessionId;
        QCOMPARE(emulatorControl(rig->network, rig->emulator.emulator->baseUrl(),
                                 QStringLiteral("/_emulator/sessions/%1/revoke").arg(sid), {}),
                 200);
        const TokenResult result = waitForToken(*rig->tokens, true);
        QVERIFY(!result.ok());
        QVERIFY(result.terminal);
        QCOMPARE(result.error.code, QStringLiteral("invalid_grant"));
        QCOMPARE(ended.count(), 1);
        QVERIFY(ended.first().first().toString().contains(QStringLiteral("Session has ended")));
        QVERIFY(!rig->tokens->hasSession());
        QTRY_VERIFY(rig->secrets.events.endsWith(QStringLiteral("remove")));
        QVERIFY(rig->secrets.current.isEmpty());
        QVERIFY(waitForToken(*rig->tokens, false).terminal);
    }

    void organizationSwitchKeepsTheSessionWhenRefused()
    {
        auto rig = signedInRig(300, QStringLiteral("grace@example.com"));
        QVERIFY(rig);
        QCOMPARE(rig->tokens->session().organizationId, QStringLiteral("org_01J000000000000000000ENGNS"));
        QCOMPARE(rig->tokens->session().role, QStringLiteral("admin"));
        std::optional<TokenResult> refused;
        rig->tokens->switchOrganization(QStringLiteral("org_01J000000000000000000BTCHY"),
                                        [&](const TokenResult &r) { refused = r; });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 10000);
        QCOMPARE(refused->error.code, QStringLiteral("organization_membership_not_found"));
        QVERIFY(rig->tokens->hasSession());
        std::optional<TokenResult> switched;
        rig->tokens->switchOrganization(QStringLiteral("org_01J000000000000000000HRVRD"),
                                        [&](const TokenResult &r) { switched = r; });
        QTRY_VERIFY_WITH_TIMEOUT(switched.has_value(), 10000);
        QVERIFY(switched->ok());
        QCOMPARE(rig->tokens->session().organizationId, QStringLiteral("org_01J000000000000000000HRVRD"));
        QCOMPARE(rig->tokens->session().role, QStringLiteral("member"));
        QCOMPARE(rig->tokens->session().permissions, QStringList{QStringLiteral("widgets:read")});
        // Routine refreshes keep the organization.
        const TokenResult again = waitForToken(*rig->tokens, true);
        QVERIFY(again.ok());
        QCOMPARE(rig->tokens->session().organizationId, QStringLiteral("org_01J000000000000000000HRVRD"));
    }

    void aRotatedKeyIsFetchedAtMostOncePerCooldown()
    {
        auto rig = signedInRig();
        QVERIFY(rig);
        const QString jwksPath = QStringLiteral("/sso/jwks/") + rig->emulator.config.clientId;
        const QUrl base = rig->emulator.emulator->baseUrl();
        rig->clock.advance(JwksCache::kCooldownMs); // the first fetch is long enough ago
        QCOMPARE(emulatorControl(rig->network, base, QStringLiteral("/_emulator/keys/rotate"), {}), 200);
        QVERIFY(waitForToken(*rig->tokens, true).ok()); // new kid: one refetch
        QCOMPARE(rig->network.countFor(jwksPath), 2);

        // Rotated again at once: the new kid may not be fetched before the cooldown ends.
        QCOMPARE(emulatorControl(rig->network, base, QStringLiteral("/_emulator/keys/rotate"), {}), 200);
        const TokenResult early = waitForToken(*rig->tokens, true);
        QVERIFY(!early.ok());
        QVERIFY(!early.terminal);
        QCOMPARE(rig->network.countFor(jwksPath), 2);
        QVERIFY(rig->tokens->hasSession());

        rig->clock.advance(JwksCache::kCooldownMs);
        QVERIFY(waitForToken(*rig->tokens, true).ok());
        QCOMPARE(rig->network.countFor(jwksPath), 3);
    }

    void skewedWallClockDoesNotSignAnyoneOut()
    {
        Rig rig;
        rig.start(300);
        rig.clock.skewWallClock(2 * 3600); // this machine thinks it is two hours later
        const auto adopted = rig.signIn();
        QVERIFY(adopted);
        QVERIFY2(adopted->ok(), qPrintable(adopted->error.message()));
        QCOMPARE(rig.tokens->msUntilExpiry(), 300 * 1000);
    }

    void memoryOnlyWhenTheKeychainIsUnavailable()
    {
        Rig rig;
        rig.start(300);
        rig.secrets.unavailable = true;
        QSignalSpy persistence(rig.tokens.get(), &TokenManager::persistenceChanged);
        const auto adopted = rig.signIn();
        QVERIFY(adopted);
        QVERIFY(adopted->ok());
        QVERIFY(!rig.tokens->isPersistent());
        QCOMPARE(persistence.count(), 1);
        QVERIFY(waitForToken(*rig.tokens, true).ok()); // refreshes work from memory
    }
};

QTEST_GUILESS_MAIN(TokenManagerTest)
#include "tst_tokenmanager.moc"
