// The public AuthKitEmulator API: start and its failures, ports, client IDs, custom seeds, the
// auto-approve option, and that stopping it closes the port.

#include "EmulatorFixture.h"

#include "HtmlPage.h"
#include "HttpClient.h"
#include "SignInDriver.h"
#include "WorkOsEnvelopes.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {
QString writeFile(const QTemporaryDir &directory, const QString &name, const QByteArray &content) {
    const QString path = directory.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}
} // namespace

class TestEmulatorLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void notStarted();
    void startsOnFreePort();
    void startTwice();
    void portInUse();
    void stopClosesPort();
    void extraClientIds();
    void invalidExtraClientId();
    void tokenLifetimeBounds_data();
    void tokenLifetimeBounds();
    void limitsMustBePositive_data();
    void limitsMustBePositive();
    void customSeed();
    void badSeeds_data();
    void badSeeds();
    void autoApprove();
};

void TestEmulatorLifecycle::notStarted() {
    AuthKitEmulator emulator(EmulatorOptions{});
    QCOMPARE(emulator.port(), quint16(0));
    QVERIFY(emulator.baseUrl().isEmpty());
    QVERIFY(emulator.clientIds().isEmpty());
    QVERIFY(emulator.issuerFor(seed::devClient()).isEmpty());
}

void TestEmulatorLifecycle::startsOnFreePort() {
    auto emulator = startEmulator();
    QVERIFY(emulator);
    QVERIFY(emulator->port() > 0);
    QCOMPARE(emulator->baseUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:%1").arg(emulator->port())));
    QCOMPARE(emulator->clientIds(), (QStringList{seed::devClient(), seed::prodClient()}));
    QVERIFY(emulator->errorString().isEmpty());
    HttpClient http;
    QCOMPARE(http.get(urlWith(emulator->baseUrl(), QStringLiteral("/_emulator/health"))).status,
             200);

    auto second = startEmulator();
    QVERIFY(second);
    QVERIFY(second->port() != emulator->port());
}

void TestEmulatorLifecycle::startTwice() {
    auto emulator = startEmulator();
    QVERIFY(emulator);
    const quint16 port = emulator->port();
    QVERIFY(!emulator->start());
    QCOMPARE(emulator->errorString(), QStringLiteral("the emulator is already running"));
    QCOMPARE(emulator->port(), port);
    HttpClient http;
    QCOMPARE(http.get(urlWith(emulator->baseUrl(), QStringLiteral("/_emulator/health"))).status,
             200);
}

void TestEmulatorLifecycle::portInUse() {
    auto first = startEmulator();
    QVERIFY(first);
    EmulatorOptions options;
    options.port = first->port();
    AuthKitEmulator second(options);
    QVERIFY(!second.start());
    QCOMPARE(
        second.errorString(),
        QStringLiteral("cannot listen on 127.0.0.1:%1 (is the port in use?)").arg(first->port()));
    QCOMPARE(second.port(), quint16(0));
}

void TestEmulatorLifecycle::stopClosesPort() {
    auto emulator = startEmulator();
    QVERIFY(emulator);
    const QUrl health = urlWith(emulator->baseUrl(), QStringLiteral("/_emulator/health"));
    HttpClient http;
    QCOMPARE(http.get(health).status, 200);
    emulator.reset();
    HttpClient fresh;
    const HttpResult result = fresh.get(health);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.error, QNetworkReply::ConnectionRefusedError);
}

void TestEmulatorLifecycle::extraClientIds() {
    EmulatorOptions options;
    const QString extra = QStringLiteral("client_01J00000000000000000000EXT");
    options.extraClientIds = {extra, seed::devClient()}; // a duplicate is ignored
    auto emulator = startEmulator(options);
    QVERIFY(emulator);
    QCOMPARE(emulator->clientIds(), (QStringList{seed::devClient(), seed::prodClient(), extra}));
    QCOMPARE(emulator->issuerFor(extra),
             QStringLiteral("https://api.workos.com/user_management/") + extra);

    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl(), extra);
    QCOMPARE(http.get(driver.url(QStringLiteral("/sso/jwks/") + extra)).status, 200);
    // The default redirect URIs apply, localhost included.
    driver.setRedirectUri(QStringLiteral("http://localhost:4567/callback"));
    const QJsonObject body = driver.signInAndExchange(seed::ada());
    QCOMPARE(body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
             seed::adaId());
}

void TestEmulatorLifecycle::invalidExtraClientId() {
    EmulatorOptions options;
    options.extraClientIds = {QStringLiteral("my-client")};
    AuthKitEmulator emulator(options);
    QVERIFY(!emulator.start());
    QCOMPARE(emulator.errorString(),
             QStringLiteral("\"my-client\" is not a WorkOS client ID (client_ and 26 characters of "
                            "Crockford base32)"));
    QCOMPARE(emulator.port(), quint16(0));
}

void TestEmulatorLifecycle::tokenLifetimeBounds_data() {
    QTest::addColumn<int>("ttl");
    QTest::addColumn<bool>("starts");
    QTest::newRow("0") << 0 << false;
    QTest::newRow("-5") << -5 << false;
    QTest::newRow("1") << 1 << true;
    QTest::newRow("86400") << 86400 << true;
    QTest::newRow("86401") << 86401 << false;
}

void TestEmulatorLifecycle::tokenLifetimeBounds() {
    QFETCH(int, ttl);
    QFETCH(bool, starts);
    EmulatorOptions options;
    options.tokenTtlSeconds = ttl;
    AuthKitEmulator emulator(options);
    QCOMPARE(emulator.start(), starts);
    if (!starts)
        QCOMPARE(emulator.errorString(),
                 QStringLiteral("the token lifetime must be between 1 and 86400 seconds"));
}

void TestEmulatorLifecycle::limitsMustBePositive_data() {
    QTest::addColumn<QString>("limit");
    for (const char *name : {"maxBodyBytes", "headerTimeoutMs", "idleTimeoutMs", "maxConnections",
                             "maxLoginAttempts", "maxAuthorizationCodes", "maxRefreshTokens",
                             "maxInboxMessages", "maxRedirectUris", "maxCorsOrigins"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestEmulatorLifecycle::limitsMustBePositive() {
    QFETCH(QString, limit);
    EmulatorOptions options;
    const QHash<QString, std::function<void()>> zero{
        {QStringLiteral("maxBodyBytes"), [&] { options.maxBodyBytes = 1023; }},
        {QStringLiteral("headerTimeoutMs"), [&] { options.headerTimeoutMs = 0; }},
        {QStringLiteral("idleTimeoutMs"), [&] { options.idleTimeoutMs = 0; }},
        {QStringLiteral("maxConnections"), [&] { options.maxConnections = 0; }},
        {QStringLiteral("maxLoginAttempts"), [&] { options.maxLoginAttempts = 0; }},
        {QStringLiteral("maxAuthorizationCodes"), [&] { options.maxAuthorizationCodes = -1; }},
        {QStringLiteral("maxRefreshTokens"), [&] { options.maxRefreshTokens = 0; }},
        {QStringLiteral("maxInboxMessages"), [&] { options.maxInboxMessages = 0; }},
        {QStringLiteral("maxRedirectUris"), [&] { options.maxRedirectUris = 0; }},
        {QStringLiteral("maxCorsOrigins"), [&] { options.maxCorsOrigins = 0; }},
    };
    zero.value(limit)();
    AuthKitEmulator emulator(options);
    QVERIFY(!emulator.start());
    QCOMPARE(
        emulator.errorString(),
        QStringLiteral("the limits must be positive (and the body limit at least 1024 bytes)"));
    QCOMPARE(emulator.port(), quint16(0));
}

void TestEmulatorLifecycle::customSeed() {
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("seed.json"), R"({
        "clients": [{"client_id": "client_01J00000000000000000000CST", "name": "Custom",
                     "redirect_uris": ["http://127.0.0.1/done"]}],
        "organizations": [{"id": "org_01J00000000000000000000CST", "name": "Custom Org",
                           "roles": {"owner": ["all:do"]}}],
        "users": [{"id": "user_01J00000000000000000000CST", "email": "Owner@Custom.example",
                   "password": "s3cret-pass", "first_name": "Olive",
                   "memberships": [{"organization_id": "org_01J00000000000000000000CST", "role": "owner"}]}]
    })");
    EmulatorOptions options;
    options.seedFile = path;
    auto emulator = startEmulator(options);
    QVERIFY(emulator);
    QCOMPARE(emulator->clientIds(),
             QStringList{QStringLiteral("client_01J00000000000000000000CST")});

    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl(),
                        QStringLiteral("client_01J00000000000000000000CST"));
    QCOMPARE(http.get(driver.url(QStringLiteral("/sso/jwks/") + seed::devClient())).status, 404);
    // Its own redirect URI only.
    QCOMPARE(driver.authorize().status, 400);
    driver.setRedirectUri(QStringLiteral("http://127.0.0.1:9999/done"));
    const HttpResult page = driver.follow(driver.authorize());
    QCOMPARE(HtmlPage(page.body).text(QStringLiteral("page-title")), QStringLiteral("Sign in"));
    QVERIFY(page.body.contains("Custom"));
    const HttpResult callback =
        driver.submitPassword(SignInDriver::attemptOf(page), QStringLiteral("owner@custom.example"),
                              QStringLiteral("s3cret-pass"));
    const HttpResult tokens = driver.exchangeCode(driver.codeOf(callback));
    QCOMPARE(tokens.status, 200);
    QCOMPARE(tokens.json().value(QLatin1String("organization_id")).toString(),
             QStringLiteral("org_01J00000000000000000000CST"));
    QCOMPARE(tokens.json()
                 .value(QLatin1String("user"))
                 .toObject()
                 .value(QLatin1String("email"))
                 .toString(),
             QStringLiteral("owner@custom.example"));
}

void TestEmulatorLifecycle::badSeeds_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{nope")
                              << QStringLiteral("the seed is not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("the seed must be a JSON object");
    QTest::newRow("no clients") << QByteArray("{}")
                                << QStringLiteral("seed: at least one client is needed");
    QTest::newRow("bad client id")
        << QByteArray(R"({"clients":[{"client_id":"client_x"}]})")
        << QStringLiteral("seed: \"client_x\" is not a WorkOS client ID");
    QTest::newRow("unknown organization")
        << QByteArray(R"({"clients":[{"client_id":"client_01J00000000000000000000CST"}],
                          "users":[{"id":"user_1","email":"a@b.c","memberships":[{"organization_id":"org_x"}]}]})")
        << QStringLiteral("seed: user a@b.c is a member of unknown organization org_x");
    QTest::newRow("duplicate user")
        << QByteArray(R"({"clients":[{"client_id":"client_01J00000000000000000000CST"}],
                          "users":[{"id":"user_1","email":"a@b.c"},{"id":"user_2","email":"A@b.c"}]})")
        << QStringLiteral("seed: user a@b.c appears twice");
}

void TestEmulatorLifecycle::badSeeds() {
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QTemporaryDir directory;
    EmulatorOptions options;
    options.seedFile = writeFile(directory, QStringLiteral("seed.json"), content);
    AuthKitEmulator emulator(options);
    QVERIFY(!emulator.start());
    QVERIFY2(emulator.errorString().startsWith(error), qPrintable(emulator.errorString()));
    QCOMPARE(emulator.port(), quint16(0));

    options.seedFile = directory.filePath(QStringLiteral("missing.json"));
    AuthKitEmulator missing(options);
    QVERIFY(!missing.start());
    QVERIFY(missing.errorString().startsWith(QStringLiteral("cannot read the seed ") +
                                             options.seedFile));
}

void TestEmulatorLifecycle::autoApprove() {
    EmulatorOptions options;
    options.autoApprove = true;
    auto emulator = startEmulator(options);
    QVERIFY(emulator);
    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl());

    // No page: straight back with a code for the first user.
    const HttpResult first = driver.authorize();
    QVERIFY2(driver.isCallback(first), first.describe());
    QCOMPARE(first.locationQuery().value(QStringLiteral("state")), driver.state());
    const HttpResult tokens = driver.exchangeCode(driver.codeOf(first));
    QCOMPARE(
        tokens.json().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
        seed::adaId());

    // login_hint picks the user; a user with organizations gets the first one.
    http.resetCookies();
    driver.renew();
    QueryItems params = driver.authorizeParams();
    setItem(params, QStringLiteral("login_hint"), seed::grace());
    const HttpResult grace = driver.authorize(params);
    const HttpResult graceTokens = driver.exchangeCode(driver.codeOf(grace));
    QCOMPARE(graceTokens.json()
                 .value(QLatin1String("user"))
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
             seed::graceId());
    QCOMPARE(graceTokens.json().value(QLatin1String("organization_id")).toString(),
             seed::engines());

    // Parameter errors still come first.
    driver.renew();
    params = driver.authorizeParams();
    removeItem(params, QStringLiteral("code_challenge"));
    QCOMPARE(driver.authorize(params).locationQuery().value(QStringLiteral("error")),
             QStringLiteral("invalid_request"));

    // An organization the user is not in.
    params = driver.authorizeParams();
    setItem(params, QStringLiteral("organization_id"), seed::bletchley());
    QCOMPARE(driver.authorize(params).locationQuery().value(QStringLiteral("error")),
             QStringLiteral("organization_invalid"));
}

QTEST_GUILESS_MAIN(TestEmulatorLifecycle)
#include "tst_emulator_lifecycle.moc"
