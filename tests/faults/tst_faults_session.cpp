// The fault matrix of the session layer (ctest label "faults"): a real emulator, the real
// keychain (Secret Service), and one fault per row. Each row asserts what WorkOS semantics
// dictate (docs/architecture.md, "refresh policy"; SECURITY.md): whether the session is kept or
// ended, what the keychain entry holds afterwards, and the words the user is shown.

#include "FaultySecretStore.h"
#include "SessionTestKit.h"

#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace authkit;

namespace {

enum class Keeps { Session, Nothing };
enum class Entry { Original, Rotated, Empty, Unchanged };

constexpr int kApiTimeoutMs = 1500;

QByteArray httpGet(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    reply->deleteLater();
    return reply->readAll();
}

// One signed-in user on a fresh emulator, the real keychain under a key of its own.
struct Rig
{
    EmulatorSession emulator = startEmulator(300);
    ManualClock clock;
    QNetworkAccessManager network;
    AuthKitApi api{emulator.config, &network};
    KeychainSecretStore keychain{QStringLiteral("AuthKitQt-faults")};
    FaultySecretStore secrets{&keychain};
    SessionStore store{&secrets, QStringLiteral("faults/%1").arg(QRandomGenerator::global()->generate64(), 0, 36)};
    std::unique_ptr<AuthSession> session;
    QString originalRefreshToken;
    QByteArray originalEntry;

    Rig()
    {
        api.setTimeoutMs(kApiTimeoutMs);
        session = std::make_unique<AuthSession>(&api, &store, clock);
        TokenManager::Settings settings;
        settings.initialBackoffMs = 200;
        settings.maxBackoffMs = 400;
        session->tokens()->setSettings(settings);
    }
    ~Rig() { removeEntry(); }

    QUrl base() const { return emulator.emulator->baseUrl(); }

    bool signIn()
    {
        const auto response = signInThroughEmulator(emulator.config, api, network,
                                                    QStringLiteral("ada@example.com"));
        if (!response)
            return false;
        std::optional<TokenResult> adopted;
        session->tokens()->adopt(*response, [&](const TokenResult &result) { adopted = result; });
        if (!QTest::qWaitFor([&] { return adopted.has_value(); }, 10000) || !adopted->ok())
            return false;
        originalRefreshToken = response->refreshToken;
        originalEntry = entry().secret;
        return !originalEntry.isEmpty();
    }

    // What the keychain really holds, read past the fault wrapper.
    struct Read
    {
        SecretStore::Status status = SecretStore::Status::Failed;
        QByteArray secret;
    };
    Read entry()
    {
        Read read;
        bool done = false;
        keychain.read(store.key(), [&](SecretStore::Status status, const QByteArray &secret,
                                       const QString &) {
            read = {status, secret};
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 20000);
        return read;
    }
    QJsonObject entryJson() { return QJsonDocument::fromJson(entry().secret).object(); }
    void removeEntry()
    {
        bool done = false;
        keychain.remove(store.key(), [&](SecretStore::Status, const QString &) { done = true; });
        (void)QTest::qWaitFor([&] { return done; }, 20000);
    }

    int control(const QString &path, const QJsonObject &body = {})
    {
        return emulatorControl(network, base(), path, body);
    }
    int fault(const char *endpoint, const QJsonObject &spec)
    {
        QJsonObject body = spec;
        body.insert(QStringLiteral("endpoint"), QLatin1String(endpoint));
        if (!body.contains(QStringLiteral("count")))
            body.insert(QStringLiteral("count"), 1);
        return control(QStringLiteral("/_emulator/faults"), body);
    }

    TokenResult forcedToken()
    {
        std::optional<TokenResult> result;
        session->accessToken(true, [&](const TokenResult &r) { result = r; });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
        return result.value_or(TokenResult());
    }

    // A refresh will need the key set again (a rotated key, past the refetch cooldown).
    void rotateKeyAndPassCooldown()
    {
        QCOMPARE(control(QStringLiteral("/_emulator/keys/rotate")), 200);
        clock.advance(JwksCache::kCooldownMs + 1000);
    }
};

struct Scenario
{
    const char *name;
    std::function<void(Rig &)> arrange;
    int attempts;          // forced token requests made after arranging
    Keeps keeps;
    Entry entry;
    const char *message;   // what the user reads (lastError) contains this; "" = no error
    std::function<void(Rig &)> extraChecks = {};
};

QJsonObject respond(int status, const QJsonValue &body = QString(),
                    const QJsonObject &headers = {})
{
    QJsonObject spec{{QStringLiteral("action"), QStringLiteral("respond")},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("body"), body}};
    if (!headers.isEmpty())
        spec.insert(QStringLiteral("headers"), headers);
    return spec;
}

QJsonObject oauthError(const QString &code)
{
    return {{QStringLiteral("error"), code},
            {QStringLiteral("error_description"), QStringLiteral("Refused by the fault matrix.")}};
}

const QList<Scenario> &refreshScenarios()
{
    static const QList<Scenario> scenarios = {
        // --- the refresh answer (authenticate) ---
        {"http 500", [](Rig &r) { r.fault("authenticate", respond(500)); }, 1, Keeps::Session, Entry::Original, "500"},
        {"http 502", [](Rig &r) { r.fault("authenticate", respond(502)); }, 1, Keeps::Session, Entry::Original, "502"},
        {"http 503", [](Rig &r) { r.fault("authenticate", respond(503)); }, 1, Keeps::Session, Entry::Original, "503"},
        {"http 504", [](Rig &r) { r.fault("authenticate", respond(504)); }, 1, Keeps::Session, Entry::Original, "504"},
        {"http 408", [](Rig &r) { r.fault("authenticate", respond(408)); }, 1, Keeps::Session, Entry::Original, "in time"},
        {"http 429 with Retry-After",
         [](Rig &r) {
             r.fault("authenticate", respond(429, QString(), {{QStringLiteral("Retry-After"), QStringLiteral("7")}}));
         },
         1, Keeps::Session, Entry::Original, "Too many requests",
         [](Rig &r) { QVERIFY(r.session->tokens()->msUntilScheduledRefresh() >= 7000); }},
        {"timeout",
         [](Rig &r) {
             r.fault("authenticate", {{QStringLiteral("action"), QStringLiteral("delay")},
                                      {QStringLiteral("delay_ms"), kApiTimeoutMs * 3}});
         },
         1, Keeps::Session, Entry::Original, "in time"},
        // Qt resends a request once when a kept-alive connection closes under it: drop it every time.
        {"connection reset", [](Rig &r) { r.fault("authenticate", {{QStringLiteral("action"), QStringLiteral("drop")}, {QStringLiteral("count"), 3}}); },
         1, Keeps::Session, Entry::Original, "Cannot reach WorkOS"},
        {"http 400 invalid_request", [](Rig &r) { r.fault("authenticate", respond(400, oauthError(QStringLiteral("invalid_request")))); },
         1, Keeps::Session, Entry::Original, "invalid_request"},
        {"http 401", [](Rig &r) { r.fault("authenticate", respond(401, oauthError(QStringLiteral("invalid_client")))); },
         1, Keeps::Session, Entry::Original, "invalid_client"},
        {"http 403", [](Rig &r) { r.fault("authenticate", respond(403)); }, 1, Keeps::Session, Entry::Original, "403"},
        {"http 404", [](Rig &r) { r.fault("authenticate", respond(404)); }, 1, Keeps::Session, Entry::Original, "404"},
        {"200 with an unreadable body", [](Rig &r) { r.fault("authenticate", respond(200, QStringLiteral("not json"))); },
         1, Keeps::Session, Entry::Original, "cannot read"},
        {"200 with an HTML page", [](Rig &r) { r.fault("authenticate", respond(200, QStringLiteral("<html><body>Login</body></html>"))); },
         1, Keeps::Session, Entry::Original, "cannot read"},
        {"200 without tokens", [](Rig &r) { r.fault("authenticate", respond(200, QJsonObject{{QStringLiteral("user"), QJsonObject()}})); },
         1, Keeps::Session, Entry::Original, "cannot read"},
        // The server rotated the token, then the reply was lost: the retry presents the spent
        // token and WorkOS answers invalid_grant. The session ends, with that reason.
        {"dropped after the server committed the rotation",
         [](Rig &r) { r.fault("authenticate", {{QStringLiteral("action"), QStringLiteral("drop_after_commit")}}); },
         2, Keeps::Nothing, Entry::Empty, "already used"},
        {"refresh token reused elsewhere",
         [](Rig &r) {
             bool done = false;
             r.api.authenticateWithRefreshToken(r.originalRefreshToken, QString(),
                                                [&done](const AuthResult &) { done = true; });
             (void)QTest::qWaitFor([&] { return done; }, 10000);
         },
         1, Keeps::Nothing, Entry::Empty, "already used"},
        {"session revoked",
         [](Rig &r) {
             r.control(QStringLiteral("/_emulator/sessions/%1/revoke").arg(r.session->state()->session().sessionId));
         },
         1, Keeps::Nothing, Entry::Empty, "signed out or revoked"},
        // --- the key set (JWKS) after the refresh: never the token's fault ---
        {"jwks 404",
         [](Rig &r) { r.rotateKeyAndPassCooldown(); r.fault("jwks", respond(404)); },
         1, Keeps::Session, Entry::Rotated, "signing keys"},
        {"jwks answers HTML",
         [](Rig &r) { r.rotateKeyAndPassCooldown(); r.fault("jwks", respond(200, QStringLiteral("<html>maintenance</html>"))); },
         1, Keeps::Session, Entry::Rotated, "signing keys"},
        {"jwks with no keys",
         [](Rig &r) { r.rotateKeyAndPassCooldown(); r.fault("jwks", respond(200, QJsonObject{{QStringLiteral("keys"), QJsonArray()}})); },
         1, Keeps::Session, Entry::Rotated, "signing keys"},
        {"jwks with only unusable keys",
         [](Rig &r) {
             r.rotateKeyAndPassCooldown();
             const QJsonObject ec{{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("kid"), QStringLiteral("ec-1")},
                                  {QStringLiteral("crv"), QStringLiteral("P-256")}, {QStringLiteral("x"), QStringLiteral("AA")},
                                  {QStringLiteral("y"), QStringLiteral("AA")}};
             r.fault("jwks", respond(200, QJsonObject{{QStringLiteral("keys"), QJsonArray{ec}}}));
         },
         1, Keeps::Session, Entry::Rotated, "signing keys"},
        {"jwks times out",
         [](Rig &r) {
             r.rotateKeyAndPassCooldown();
             r.fault("jwks", {{QStringLiteral("action"), QStringLiteral("delay")}, {QStringLiteral("delay_ms"), kApiTimeoutMs * 3}});
         },
         1, Keeps::Session, Entry::Rotated, "signing keys"},
        {"kid missing from a freshly fetched set after a rotation",
         [](Rig &r) {
             const QByteArray before = httpGet(r.network, r.emulator.config.jwksUrl());
             r.rotateKeyAndPassCooldown();
             r.fault("jwks", respond(200, QJsonDocument::fromJson(before).object()));
         },
         1, Keeps::Session, Entry::Rotated, "does not publish"},
        {"key rotated, new set published", [](Rig &r) { r.rotateKeyAndPassCooldown(); },
         1, Keeps::Session, Entry::Rotated, ""},
        // --- clocks ---
        {"wall clock three hours ahead", [](Rig &r) { r.clock.skewWallClock(3 * 3600); },
         1, Keeps::Session, Entry::Rotated, "",
         [](Rig &r) { QCOMPARE(r.session->tokens()->msUntilExpiry(), 300 * 1000); }},
        {"wall clock three hours behind", [](Rig &r) { r.clock.skewWallClock(-3 * 3600); },
         1, Keeps::Session, Entry::Rotated, "",
         [](Rig &r) { QCOMPARE(r.session->tokens()->msUntilExpiry(), 300 * 1000); }},
        // --- the keychain ---
        {"keychain locked at refresh", [](Rig &r) { r.secrets.mode = FaultySecretStore::Mode::Locked; },
         1, Keeps::Session, Entry::Original, "",
         [](Rig &r) {
             QCOMPARE(r.session->state()->persistence(), AuthState::Persistence::MemoryOnly);
             QVERIFY(!r.session->state()->persistenceNotice().isEmpty());
         }},
        {"keychain access denied at refresh", [](Rig &r) { r.secrets.mode = FaultySecretStore::Mode::Denied; },
         1, Keeps::Session, Entry::Original, "",
         [](Rig &r) { QCOMPARE(r.session->state()->persistence(), AuthState::Persistence::MemoryOnly); }},
        {"keychain locked right after a rotation", [](Rig &r) { r.secrets.mode = FaultySecretStore::Mode::WritesFail; },
         1, Keeps::Session, Entry::Original, "",
         [](Rig &r) {
             QCOMPARE(r.session->state()->persistence(), AuthState::Persistence::MemoryOnly);
             // The rotated token lives on in memory; a later refresh works from it.
             QVERIFY(r.forcedToken().ok());
         }},
    };
    return scenarios;
}

} // namespace

class FaultsSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refreshFaults_data()
    {
        QTest::addColumn<int>("index");
        const QList<Scenario> &scenarios = refreshScenarios();
        for (int i = 0; i < scenarios.size(); ++i)
            QTest::newRow(scenarios.at(i).name) << i;
    }

    void refreshFaults()
    {
        QFETCH(int, index);
        const Scenario &scenario = refreshScenarios().at(index);
        Rig rig;
        QVERIFY(rig.signIn());
        scenario.arrange(rig);
        TokenResult result;
        for (int attempt = 0; attempt < scenario.attempts; ++attempt)
            result = rig.forcedToken();

        const bool kept = scenario.keeps == Keeps::Session;
        QCOMPARE(rig.session->tokens()->hasSession(), kept);
        QCOMPARE(rig.session->state()->isAuthenticated(), kept);
        QCOMPARE(result.terminal, !kept);
        if (!result.ok() || *scenario.message)
            QVERIFY2(rig.session->state()->lastError().contains(QLatin1String(scenario.message), Qt::CaseInsensitive),
                     qPrintable(rig.session->state()->lastError()));
        if (!*scenario.message)
            QVERIFY2(result.ok(), qPrintable(result.error.message()));

        const Rig::Read stored = rig.entry();
        const QString storedRefresh = QJsonDocument::fromJson(stored.secret).object()
                                          .value(QStringLiteral("refresh_token")).toString();
        switch (scenario.entry) {
        case Entry::Original:
            QCOMPARE(stored.status, SecretStore::Status::Ok);
            QCOMPARE(storedRefresh, rig.originalRefreshToken);
            break;
        case Entry::Rotated:
            QCOMPARE(stored.status, SecretStore::Status::Ok);
            QVERIFY(!storedRefresh.isEmpty());
            QVERIFY(storedRefresh != rig.originalRefreshToken);
            break;
        case Entry::Empty:
            QCOMPARE(stored.status, SecretStore::Status::NotFound);
            break;
        case Entry::Unchanged:
            QCOMPARE(stored.secret, rig.originalEntry);
            break;
        }
        // Whatever was stored, an access token beside it is one that passed verification: it is
        // the one in memory (handed out), never the unverified one of a failed check.
        const QString storedAccess = QJsonDocument::fromJson(stored.secret).object()
                                         .value(QStringLiteral("access_token")).toString();
        if (scenario.entry == Entry::Rotated && !storedAccess.isEmpty())
            QCOMPARE(storedAccess, rig.session->tokens()->session().accessToken);
        if (scenario.entry == Entry::Original)
            QCOMPARE(storedAccess, QJsonDocument::fromJson(rig.originalEntry).object()
                                       .value(QStringLiteral("access_token")).toString());
        if (scenario.extraChecks)
            scenario.extraChecks(rig);
    }

    // Failures that are not transient are retried a bounded number of times, then left until a
    // caller asks again; the session is kept throughout.
    void unexpectedFailuresAreRetriedABoundedNumberOfTimes()
    {
        Rig rig;
        QVERIFY(rig.signIn());
        TokenManager::Settings settings = rig.session->tokens()->settings();
        settings.maxUnexpectedFailureRetries = 3;
        settings.initialBackoffMs = 20;
        settings.maxBackoffMs = 40;
        rig.session->tokens()->setSettings(settings);
        QCOMPARE(rig.fault("authenticate", [] {
            QJsonObject spec = respond(400, oauthError(QStringLiteral("invalid_request")));
            spec.insert(QStringLiteral("count"), 100);
            return spec;
        }()), 201);
        QSignalSpy failures(rig.session->tokens(), &TokenManager::transientFailure);
        QVERIFY(!rig.forcedToken().ok());
        // 1 + 3 retries, then no automatic retry (retryInMs < 0).
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 4, 10000);
        QCOMPARE(failures.last().at(1).toInt(), -1);
        QTest::qWait(300);
        QCOMPARE(failures.size(), 4);
        QVERIFY(rig.session->tokens()->hasSession());
        QCOMPARE(rig.entryJson().value(QStringLiteral("refresh_token")).toString(), rig.originalRefreshToken);
        // A caller asking again gets a new try, which succeeds once WorkOS answers normally.
        QNetworkReply *cleared = rig.network.deleteResource(
            QNetworkRequest(QUrl(rig.base().toString() + QStringLiteral("/_emulator/faults"))));
        QSignalSpy clearedSpy(cleared, &QNetworkReply::finished);
        QVERIFY(clearedSpy.wait(5000));
        cleared->deleteLater();
        QVERIFY(rig.forcedToken().ok());
    }

    // Started with WorkOS unreachable: signed in from the stored user, offline, retrying.
    void offlineStart()
    {
        Rig rig;
        QVERIFY(rig.signIn());
        QJsonObject envelope = rig.entryJson();
        envelope.remove(QStringLiteral("access_token")); // as once it has expired
        bool written = false;
        rig.keychain.write(rig.store.key(), QJsonDocument(envelope).toJson(QJsonDocument::Compact),
                           [&](SecretStore::Status, const QString &) { written = true; });
        QVERIFY(QTest::qWaitFor([&] { return written; }, 20000));
        rig.emulator.emulator.reset(); // WorkOS gone: its port closes
        AuthSession restarted(&rig.api, &rig.store, rig.clock);
        QSignalSpy restored(&restarted, &AuthSession::restored);
        restarted.restore();
        QVERIFY(restored.wait(20000));
        QVERIFY(restarted.state()->isAuthenticated());
        QCOMPARE(restarted.state()->user().email, QStringLiteral("ada@example.com"));
        QVERIFY(restarted.state()->session().accessToken.isEmpty());
        QVERIFY2(restarted.state()->lastError().contains(QStringLiteral("Cannot reach WorkOS")),
                 qPrintable(restarted.state()->lastError()));
        QCOMPARE(rig.entryJson().value(QStringLiteral("refresh_token")).toString(), rig.originalRefreshToken);
    }

    // The network goes away while a refresh is on the wire.
    void networkLostMidRefresh()
    {
        Rig rig;
        QVERIFY(rig.signIn());
        QCOMPARE(rig.fault("authenticate", {{QStringLiteral("action"), QStringLiteral("delay")},
                                            {QStringLiteral("delay_ms"), 1000}}),
                 201);
        std::optional<TokenResult> result;
        rig.session->accessToken(true, [&](const TokenResult &r) { result = r; });
        QTest::qWait(200);
        rig.emulator.emulator.reset(); // WorkOS gone: its port closes
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
        QVERIFY(!result->ok());
        QVERIFY(!result->terminal);
        QVERIFY(rig.session->tokens()->hasSession());
        QVERIFY(rig.session->state()->isAuthenticated());
        QVERIFY(!rig.session->state()->lastError().isEmpty());
        QCOMPARE(rig.entryJson().value(QStringLiteral("refresh_token")).toString(), rig.originalRefreshToken);
    }

    // A sign-in whose token does not verify leaves the keychain exactly as it was, with the
    // earlier session in it and in memory.
    void signInFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad signature") << QStringLiteral("signature") << QStringLiteral("failed verification");
        QTest::newRow("alg none") << QStringLiteral("none") << QStringLiteral("failed verification");
        QTest::newRow("jwks 404 at sign-in") << QStringLiteral("jwks") << QStringLiteral("signing keys");
    }

    void signInFaults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, message);
        Rig rig;
        QVERIFY(rig.signIn());
        const Session before = rig.session->tokens()->session();
        auto response = signInThroughEmulator(rig.emulator.config, rig.api, rig.network,
                                              QStringLiteral("grace@example.com"));
        QVERIFY(response);
        const QList<QByteArray> parts = response->accessToken.toLatin1().split('.');
        QCOMPARE(parts.size(), 3);
        if (fault == QLatin1String("signature")) {
            QByteArray signature = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
            signature[10] = static_cast<char>(signature.at(10) ^ 0x01);
            response->accessToken = QString::fromLatin1(
                parts.at(0) + '.' + parts.at(1) + '.'
                + signature.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        } else if (fault == QLatin1String("none")) {
            const QByteArray header = QByteArrayLiteral(R"({"alg":"none","typ":"JWT"})")
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            response->accessToken = QString::fromLatin1(header + '.' + parts.at(1) + '.');
        } else {
            // A fresh process (no keys cached) meeting a JWKS that answers 404.
            QCOMPARE(rig.fault("jwks", respond(404)), 201);
            rig.session = std::make_unique<AuthSession>(&rig.api, &rig.store, rig.clock);
            QSignalSpy restored(rig.session.get(), &AuthSession::restored);
            rig.session->restore(); // the stored access token is still good: no request
            QVERIFY(restored.wait(10000));
        }
        std::optional<TokenResult> adopted;
        rig.session->tokens()->adopt(*response, [&](const TokenResult &r) { adopted = r; });
        QVERIFY(QTest::qWaitFor([&] { return adopted.has_value(); }, 15000));
        QVERIFY(!adopted->ok());
        QVERIFY2(adopted->error.message().contains(message, Qt::CaseInsensitive),
                 qPrintable(adopted->error.message()));
        QCOMPARE(rig.entry().secret, rig.originalEntry); // byte for byte what it held before
        QCOMPARE(rig.session->tokens()->session().user.email, before.user.email);
        QVERIFY(rig.session->tokens()->hasSession());
    }

    // With no keychain at all, a sign-in works in memory and nothing is written anywhere.
    void keychainMissingAtSignIn()
    {
        Rig rig;
        rig.secrets.mode = FaultySecretStore::Mode::Locked;
        QSignalSpy restored(rig.session.get(), &AuthSession::restored);
        rig.session->restore();
        QVERIFY(restored.wait(10000));
        const auto response = signInThroughEmulator(rig.emulator.config, rig.api, rig.network,
                                                    QStringLiteral("ada@example.com"));
        QVERIFY(response);
        std::optional<TokenResult> adopted;
        rig.session->tokens()->adopt(*response, [&](const TokenResult &r) { adopted = r; });
        QVERIFY(QTest::qWaitFor([&] { return adopted.has_value(); }, 15000));
        QVERIFY(adopted->ok());
        QCOMPARE(rig.session->state()->persistence(), AuthState::Persistence::MemoryOnly);
        QVERIFY(!rig.session->state()->persistenceNotice().isEmpty());
        QCOMPARE(rig.entry().status, SecretStore::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(FaultsSessionTest)
#include "tst_faults_session.moc"
