// CORS as WorkOS applies it (lib/emulator/README.md, "CORS"): the allowed origins of the
// environment (EmulatorOptions::corsOrigins, the seed's cors_origins, --cors-origin) may call the
// API from a browser page on another origin; every other origin gets no CORS header. All on real
// sockets: an in-process emulator, and the authkit-emulator program for its command line.

#include "EmulatorFixture.h"

#include "HttpClient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

const QByteArray kPageOrigin = "http://127.0.0.1:5173";
const QByteArray kOtherOrigin = "http://127.0.0.1:6666";

// What Chromium sends before authkit-js's fetch of /user_management/authenticate.
HeaderList preflightHeaders(const QByteArray &origin)
{
    return {{"Origin", origin},
            {"Access-Control-Request-Method", "POST"},
            {"Access-Control-Request-Headers", "content-type"}};
}

bool listContains(const QByteArray &list, const QByteArray &item)
{
    for (const QByteArray &entry : list.split(',')) {
        if (entry.trimmed().compare(item, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool hasCorsHeaders(const HttpResult &result)
{
    for (const auto &header : result.headers) {
        if (header.first.toLower().startsWith("access-control-"))
            return true;
    }
    return false;
}

} // namespace

class TestEmulatorCors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void preflightFromAllowedOrigin_data();
    void preflightFromAllowedOrigin();
    void preflightFromOtherOriginIsRefused();
    void apiResponsesCarryAllowOrigin();
    void apiErrorsCarryAllowOriginToo();
    void otherOriginGetsNoCorsHeaders();
    void hostedPagesTakeNoPart();
    void withoutOriginsNothingChanges();
    void seedListsOrigins();
    void invalidOriginStopsTheStart_data();
    void invalidOriginStopsTheStart();
    void commandLineOption();

private:
    QUrl api(const QString &path) const { return endpoint(m_emulator->baseUrl(), path); }

    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
};

void TestEmulatorCors::initTestCase()
{
    EmulatorOptions options;
    // Written as people write it: browsers send the serialized origin, with no trailing slash.
    options.corsOrigins = {QStringLiteral("http://127.0.0.1:5173/"),
                           QStringLiteral("https://app.example.com")};
    m_emulator = startEmulator(options);
    QVERIFY(m_emulator);
}

void TestEmulatorCors::preflightFromAllowedOrigin_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("origin");
    QTest::newRow("authenticate") << QStringLiteral("/user_management/authenticate") << kPageOrigin;
    QTest::newRow("jwks") << QStringLiteral("/sso/jwks/") + seed::devClient() << kPageOrigin;
    QTest::newRow("second origin")
        << QStringLiteral("/user_management/authenticate") << QByteArray("https://app.example.com");
}

void TestEmulatorCors::preflightFromAllowedOrigin()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, origin);
    const HttpResult result = m_http.send("OPTIONS", api(path), {}, preflightHeaders(origin));
    QVERIFY2(result.status == 204, result.describe());
    QCOMPARE(result.header("Access-Control-Allow-Origin"), origin);
    QCOMPARE(result.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QVERIFY(listContains(result.header("Access-Control-Allow-Methods"), "POST"));
    QVERIFY(listContains(result.header("Access-Control-Allow-Methods"), "GET"));
    QVERIFY(listContains(result.header("Access-Control-Allow-Headers"), "content-type"));
    QVERIFY(listContains(result.header("Access-Control-Allow-Headers"), "authorization"));
    QVERIFY(listContains(result.header("Vary"), "Origin"));
    QVERIFY(result.body.isEmpty());
}

void TestEmulatorCors::preflightFromOtherOriginIsRefused()
{
    const HttpResult result =
        m_http.send("OPTIONS", api(QStringLiteral("/user_management/authenticate")), {},
                    preflightHeaders(kOtherOrigin));
    QCOMPARE(result.status, 403);
    QVERIFY2(!hasCorsHeaders(result), result.describe());
}

void TestEmulatorCors::apiResponsesCarryAllowOrigin()
{
    const HttpResult result = m_http.get(api(QStringLiteral("/sso/jwks/") + seed::devClient()),
                                         {{"Origin", kPageOrigin}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Access-Control-Allow-Origin"), kPageOrigin);
    QCOMPARE(result.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QVERIFY(listContains(result.header("Vary"), "Origin"));
    QVERIFY(result.json().contains(QStringLiteral("keys")));
}

void TestEmulatorCors::apiErrorsCarryAllowOriginToo()
{
    // The page must be able to read WorkOS's error envelope (an expired refresh token, say).
    const HttpResult result = m_http.post(
        api(QStringLiteral("/user_management/authenticate")),
        R"({"client_id":"client_01J00000000000000000000DEV","grant_type":"refresh_token","refresh_token":"nope"})",
        "application/json", {{"Origin", kPageOrigin}});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.header("Access-Control-Allow-Origin"), kPageOrigin);
    QVERIFY(result.json().contains(QStringLiteral("error")));
}

void TestEmulatorCors::otherOriginGetsNoCorsHeaders()
{
    const HttpResult result = m_http.get(api(QStringLiteral("/sso/jwks/") + seed::devClient()),
                                         {{"Origin", kOtherOrigin}});
    QCOMPARE(result.status, 200); // the browser, not the server, withholds the body from the page
    QVERIFY2(!hasCorsHeaders(result), result.describe());
    QVERIFY(listContains(result.header("Vary"), "Origin"));

    // "null" (sandboxed frames, file: pages) is never an allowed origin.
    const HttpResult nullOrigin =
        m_http.send("OPTIONS", api(QStringLiteral("/user_management/authenticate")), {},
                    preflightHeaders("null"));
    QCOMPARE(nullOrigin.status, 403);
    QVERIFY(!hasCorsHeaders(nullOrigin));
}

void TestEmulatorCors::hostedPagesTakeNoPart()
{
    const HttpResult page =
        m_http.get(api(QStringLiteral("/authkit/sign-in")), {{"Origin", kPageOrigin}});
    QVERIFY2(!hasCorsHeaders(page), page.describe());
    const HttpResult preflight = m_http.send("OPTIONS", api(QStringLiteral("/authkit/sign-in")), {},
                                             preflightHeaders(kPageOrigin));
    QCOMPARE(preflight.status, 405);
    QVERIFY(!hasCorsHeaders(preflight));
    const HttpResult control =
        m_http.get(api(QStringLiteral("/_emulator/health")), {{"Origin", kPageOrigin}});
    QCOMPARE(control.status, 200);
    QVERIFY(!hasCorsHeaders(control));
}

void TestEmulatorCors::withoutOriginsNothingChanges()
{
    const auto plain = startEmulator();
    QVERIFY(plain);
    const QUrl authenticate =
        endpoint(plain->baseUrl(), QStringLiteral("/user_management/authenticate"));
    const HttpResult preflight =
        m_http.send("OPTIONS", authenticate, {}, preflightHeaders(kPageOrigin));
    QCOMPARE(preflight.status, 403);
    QVERIFY(!hasCorsHeaders(preflight));
}

void TestEmulatorCors::seedListsOrigins()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString seedPath = dir.filePath(QStringLiteral("seed.json"));
    QFile seedFile(seedPath);
    QVERIFY(seedFile.open(QIODevice::WriteOnly));
    seedFile.write(R"({
      "cors_origins": ["http://localhost:3000"],
      "clients": [{"client_id": "client_01J00000000000000000000DEV",
                   "cors_origins": ["https://dev.example.com"]}],
      "users": [{"id": "user_01J0000000000000000000ADA", "email": "ada@example.com",
                 "password": "password", "first_name": "Ada", "last_name": "Lovelace"}]
    })");
    seedFile.close();
    EmulatorOptions options;
    options.seedFile = seedPath;
    const auto seeded = startEmulator(options);
    QVERIFY(seeded);
    const QUrl authenticate =
        endpoint(seeded->baseUrl(), QStringLiteral("/user_management/authenticate"));
    for (const QByteArray &origin :
         {QByteArray("http://localhost:3000"), QByteArray("https://dev.example.com")}) {
        const HttpResult result =
            m_http.send("OPTIONS", authenticate, {}, preflightHeaders(origin));
        QCOMPARE(result.status, 204);
        QCOMPARE(result.header("Access-Control-Allow-Origin"), origin);
    }
    QCOMPARE(m_http.send("OPTIONS", authenticate, {}, preflightHeaders(kPageOrigin)).status, 403);
}

void TestEmulatorCors::invalidOriginStopsTheStart_data()
{
    QTest::addColumn<QString>("origin");
    QTest::newRow("path") << QStringLiteral("http://127.0.0.1:5173/app");
    QTest::newRow("wildcard") << QStringLiteral("*");
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:5173");
    QTest::newRow("file") << QStringLiteral("file:///tmp");
}

void TestEmulatorCors::invalidOriginStopsTheStart()
{
    QFETCH(QString, origin);
    EmulatorOptions options;
    options.corsOrigins = {origin};
    AuthKitEmulator emulator(options);
    QVERIFY(!emulator.start());
    QVERIFY2(emulator.errorString().contains(QStringLiteral("not a web origin")),
             qPrintable(emulator.errorString()));
}

void TestEmulatorCors::commandLineOption()
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(AUTHKIT_EMULATOR_PATH),
                  {QStringLiteral("--cors-origin"), QString::fromLatin1(kPageOrigin),
                   QStringLiteral("--cors-origin"), QStringLiteral("http://localhost:8080")});
    QVERIFY(process.waitForStarted(10000));
    const auto stop = qScopeGuard([&process] {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(5000);
    });
    QByteArray output;
    while (!output.contains("ready") && process.waitForReadyRead(15000))
        output += process.readAllStandardOutput();
    const auto match =
        QRegularExpression(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"))
            .match(QString::fromLatin1(output));
    QVERIFY2(match.hasMatch(), output.constData());
    const QUrl authenticate(
        QStringLiteral("http://127.0.0.1:%1/user_management/authenticate").arg(match.captured(1)));
    for (const QByteArray &origin : {kPageOrigin, QByteArray("http://localhost:8080")}) {
        const HttpResult result =
            m_http.send("OPTIONS", authenticate, {}, preflightHeaders(origin));
        QCOMPARE(result.status, 204);
        QCOMPARE(result.header("Access-Control-Allow-Origin"), origin);
    }
    QCOMPARE(m_http.send("OPTIONS", authenticate, {}, preflightHeaders(kOtherOrigin)).status, 403);

    QProcess help;
    help.start(QStringLiteral(AUTHKIT_EMULATOR_PATH), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(10000));
    QVERIFY(help.readAllStandardOutput().contains("--cors-origin <origin>"));
}

QTEST_GUILESS_MAIN(TestEmulatorCors)
#include "tst_emulator_cors.moc"
