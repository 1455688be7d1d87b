// The environment's own configuration (lib/emulator/README.md, "Environment configuration"):
// the calls Convex's CLI makes with an API key (POST /user_management/redirect_uris and
// cors_origins, PUT /user_management/app_homepage_url) in WorkOS's shapes, their effect on the
// running emulator (authorize accepts the redirect URI, the API answers the origin with CORS
// headers), the state file that keeps them across a restart, and --project reading a Convex
// project's .env.local and convex.json.

#include "EmulatorFixture.h"

#include "HttpClient.h"
#include "SignInDriver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

const QString kApiKey = QStringLiteral("sk_test_emulator_environment_suite");
// Not a loopback URI: those are registered on any port already (RFC 8252).
const QString kNewRedirect = QStringLiteral("https://staging.example.com/callback");
const QByteArray kNewOrigin = QByteArrayLiteral("http://localhost:5173");

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestEmulatorEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callsNeedTheApiKey();
    void addedRedirectUriIsAcceptedByAuthorize();
    void redirectUriErrorsAsConvexCliExpects();
    void addedCorsOriginGetsCorsHeaders();
    void corsOriginErrorsAsConvexCliExpects();
    void appHomepageUrl();
    void fullListsRefuseFurtherEntries();
    void keptInTheStateFileAcrossARestart();
    void projectConfiguresTheEnvironment();
    void projectTemplatesFromTheBuildEnvironment();
    void projectWinsOverTheSavedStateAndKeepsItsIds();
    void projectWithOnlyADotEnv();
    void projectErrors_data();
    void projectErrors();

private:
    std::unique_ptr<AuthKitEmulator> startWithKey(EmulatorOptions options = {});
    HttpResult call(const AuthKitEmulator &emulator, const QByteArray &method, const QString &path,
                    const QJsonObject &body, const QString &key = kApiKey);
    // authorize with the dev client and this redirect URI: 302 to the hosted page when it is
    // registered, 400 when not.
    int authorizeStatus(const AuthKitEmulator &emulator, const QString &redirectUri);
    HttpResult preflight(const AuthKitEmulator &emulator, const QByteArray &origin);
    // The state file's "environment" as the running emulator writes it after its next answer.
    QJsonObject savedEnvironment(const AuthKitEmulator &emulator, const QTemporaryDir &data);

    HttpClient m_http;
};

std::unique_ptr<AuthKitEmulator> TestEmulatorEnvironment::startWithKey(EmulatorOptions options)
{
    options.apiKeys = {kApiKey};
    return startEmulator(options);
}

HttpResult TestEmulatorEnvironment::call(const AuthKitEmulator &emulator, const QByteArray &method,
                                         const QString &path, const QJsonObject &body,
                                         const QString &key)
{
    HeaderList headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (!key.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + key.toUtf8()});
    return m_http.send(method, endpoint(emulator.baseUrl(), path),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

int TestEmulatorEnvironment::authorizeStatus(const AuthKitEmulator &emulator,
                                             const QString &redirectUri)
{
    SignInDriver driver(m_http, emulator.baseUrl());
    QueryItems params = driver.authorizeParams();
    setItem(params, QStringLiteral("redirect_uri"), redirectUri);
    return driver.authorize(params).status;
}

HttpResult TestEmulatorEnvironment::preflight(const AuthKitEmulator &emulator,
                                              const QByteArray &origin)
{
    return m_http.send(
        "OPTIONS", endpoint(emulator.baseUrl(), QStringLiteral("/user_management/authenticate")),
        {},
        {{QByteArrayLiteral("Origin"), origin},
         {QByteArrayLiteral("Access-Control-Request-Method"), QByteArrayLiteral("POST")}});
}

QJsonObject TestEmulatorEnvironment::savedEnvironment(const AuthKitEmulator &emulator,
                                                      const QTemporaryDir &data)
{
    if (m_http.get(endpoint(emulator.baseUrl(), QStringLiteral("/_emulator/health"))).status != 200)
        return {};
    QFile stateFile(data.filePath(QStringLiteral("authkit-state.json")));
    if (!stateFile.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(stateFile.readAll())
        .object()
        .value(QStringLiteral("environment"))
        .toObject();
}

void TestEmulatorEnvironment::callsNeedTheApiKey()
{
    const auto withoutKeys = startEmulator();
    QVERIFY(withoutKeys);
    const HttpResult off =
        call(*withoutKeys, "POST", QStringLiteral("/user_management/redirect_uris"),
             {{QStringLiteral("uri"), kNewRedirect}});
    QCOMPARE(off.status, 401);
    // Without any key configured, the answer says how to turn the API on.
    QVERIFY2(off.text().contains(QStringLiteral("Environment configuration needs an API key")),
             off.body.constData());
    const auto emulator = startWithKey();
    QVERIFY(emulator);
    QCOMPARE(call(*emulator, "POST", QStringLiteral("/user_management/redirect_uris"),
                  {{QStringLiteral("uri"), kNewRedirect}}, QStringLiteral("sk_test_wrong"))
                 .status,
             401);
    QCOMPARE(call(*emulator, "POST", QStringLiteral("/user_management/cors_origins"),
                  {{QStringLiteral("origin"), QString::fromLatin1(kNewOrigin)}}, QString())
                 .status,
             401);
    QCOMPARE(call(*emulator, "PUT", QStringLiteral("/user_management/app_homepage_url"),
                  {{QStringLiteral("url"), QStringLiteral("http://localhost:5173")}}, QString())
                 .status,
             401);
    // Refused calls changed nothing.
    QCOMPARE(authorizeStatus(*emulator, kNewRedirect), 400);
    QCOMPARE(preflight(*emulator, kNewOrigin).status, 403);
}

void TestEmulatorEnvironment::addedRedirectUriIsAcceptedByAuthorize()
{
    const auto emulator = startWithKey();
    QVERIFY(emulator);
    QCOMPARE(authorizeStatus(*emulator, kNewRedirect), 400);
    const HttpResult added =
        call(*emulator, "POST", QStringLiteral("/user_management/redirect_uris"),
             {{QStringLiteral("uri"), kNewRedirect}});
    QCOMPARE(added.status, 201);
    const QJsonObject body = added.json();
    QCOMPARE(body.value(QStringLiteral("object")).toString(), QStringLiteral("redirect_uri"));
    QVERIFY(body.value(QStringLiteral("id")).toString().startsWith(QLatin1String("ruri_")));
    QCOMPARE(body.value(QStringLiteral("uri")).toString(), kNewRedirect);
    QCOMPARE(body.value(QStringLiteral("default")), QJsonValue(false));
    QVERIFY(!body.value(QStringLiteral("created_at")).toString().isEmpty());
    QVERIFY(!body.value(QStringLiteral("updated_at")).toString().isEmpty());
    QCOMPARE(authorizeStatus(*emulator, kNewRedirect), 302);
    // For the prod client too: the list is the environment's.
    SignInDriver driver(m_http, emulator->baseUrl());
    QueryItems params = driver.authorizeParams();
    setItem(params, QStringLiteral("client_id"), seed::prodClient());
    setItem(params, QStringLiteral("redirect_uri"), kNewRedirect);
    QCOMPARE(driver.authorize(params).status, 302);
}

void TestEmulatorEnvironment::redirectUriErrorsAsConvexCliExpects()
{
    const auto emulator = startWithKey();
    QVERIFY(emulator);
    const QString path = QStringLiteral("/user_management/redirect_uris");
    QCOMPARE(call(*emulator, "POST", path, {{QStringLiteral("uri"), kNewRedirect}}).status, 201);
    // Convex's CLI treats a 422 whose text says "already exists" as "nothing to do".
    const HttpResult again = call(*emulator, "POST", path, {{QStringLiteral("uri"), kNewRedirect}});
    QCOMPARE(again.status, 422);
    QVERIFY2(again.text().contains(QStringLiteral("already exists")), again.body.constData());
    for (const QString &bad : {QStringLiteral("not a uri"), QStringLiteral("/callback"),
                               QStringLiteral("https://staging.example.com/cb#frag")}) {
        const HttpResult refused = call(*emulator, "POST", path, {{QStringLiteral("uri"), bad}});
        QCOMPARE(refused.status, 422);
        QVERIFY(!refused.text().contains(QStringLiteral("already exists")));
    }
    QCOMPARE(call(*emulator, "POST", path, {{QStringLiteral("url"), kNewRedirect}}).status, 422);
    QCOMPARE(m_http
                 .send("POST", endpoint(emulator->baseUrl(), path), "{not json",
                       {{QByteArrayLiteral("Authorization"), "Bearer " + kApiKey.toUtf8()},
                        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}})
                 .status,
             422);
}

void TestEmulatorEnvironment::addedCorsOriginGetsCorsHeaders()
{
    const auto emulator = startWithKey();
    QVERIFY(emulator);
    QCOMPARE(preflight(*emulator, kNewOrigin).status, 403);
    const HttpResult added =
        call(*emulator, "POST", QStringLiteral("/user_management/cors_origins"),
             {{QStringLiteral("origin"), QString::fromLatin1(kNewOrigin)}});
    QCOMPARE(added.status, 201);
    const QJsonObject body = added.json();
    QCOMPARE(body.value(QStringLiteral("object")).toString(), QStringLiteral("cors_origin"));
    QVERIFY(body.value(QStringLiteral("id")).toString().startsWith(QLatin1String("cors_origin_")));
    QCOMPARE(body.value(QStringLiteral("origin")).toString(), QString::fromLatin1(kNewOrigin));

    const HttpResult allowed = preflight(*emulator, kNewOrigin);
    QCOMPARE(allowed.status, 204);
    QCOMPARE(allowed.header("Access-Control-Allow-Origin"), kNewOrigin);
    const HttpResult jwks =
        m_http.get(endpoint(emulator->baseUrl(), QStringLiteral("/sso/jwks/") + seed::devClient()),
                   {{QByteArrayLiteral("Origin"), kNewOrigin}});
    QCOMPARE(jwks.status, 200);
    QCOMPARE(jwks.header("Access-Control-Allow-Origin"), kNewOrigin);
    // Another origin is still refused.
    QCOMPARE(preflight(*emulator, QByteArrayLiteral("http://localhost:5174")).status, 403);
}

void TestEmulatorEnvironment::corsOriginErrorsAsConvexCliExpects()
{
    const auto emulator = startWithKey();
    QVERIFY(emulator);
    const QString path = QStringLiteral("/user_management/cors_origins");
    QCOMPARE(
        call(*emulator, "POST", path, {{QStringLiteral("origin"), QString::fromLatin1(kNewOrigin)}})
            .status,
        201);
    // The same origin written another way is the same origin: 409 duplicate_cors_origin.
    const HttpResult again =
        call(*emulator, "POST", path,
             {{QStringLiteral("origin"), QStringLiteral("http://LOCALHOST:5173/")}});
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("duplicate_cors_origin"));
    const HttpResult withPath =
        call(*emulator, "POST", path,
             {{QStringLiteral("origin"), QStringLiteral("http://localhost:5173/app")}});
    QCOMPARE(withPath.status, 422);
}

void TestEmulatorEnvironment::appHomepageUrl()
{
    const auto emulator = startWithKey();
    QVERIFY(emulator);
    const QString path = QStringLiteral("/user_management/app_homepage_url");
    const HttpResult set = call(*emulator, "PUT", path,
                                {{QStringLiteral("url"), QStringLiteral("http://localhost:5173")}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(QStringLiteral("url")).toString(),
             QStringLiteral("http://localhost:5173"));
    // PUT sets: the same value again is fine.
    QCOMPARE(call(*emulator, "PUT", path,
                  {{QStringLiteral("url"), QStringLiteral("http://localhost:5173")}})
                 .status,
             200);
    QCOMPARE(
        call(*emulator, "PUT", path, {{QStringLiteral("url"), QStringLiteral("ftp://x")}}).status,
        422);
}

// Each list has a cap (EmulatorOptions::maxRedirectUris, maxCorsOrigins; 1,000 by default, small
// here): past it an add is refused with 422 limit_reached and nothing is evicted, so the state
// file cannot grow without bound. A duplicate is still said as one.
void TestEmulatorEnvironment::fullListsRefuseFurtherEntries()
{
    EmulatorOptions options;
    options.maxRedirectUris = 3;
    options.maxCorsOrigins = 2;
    const auto emulator = startWithKey(options);
    QVERIFY(emulator);
    const QString redirects = QStringLiteral("/user_management/redirect_uris");
    const auto redirectUri = [](int i) {
        return QStringLiteral("https://staging.example.com/callback/%1").arg(i);
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            call(*emulator, "POST", redirects, {{QStringLiteral("uri"), redirectUri(i)}}).status,
            201);
    const HttpResult full =
        call(*emulator, "POST", redirects, {{QStringLiteral("uri"), redirectUri(3)}});
    QCOMPARE(full.status, 422);
    QCOMPARE(full.json().value(QStringLiteral("code")).toString(), QStringLiteral("limit_reached"));
    QVERIFY2(full.text().contains(QStringLiteral("at most 3 redirect URIs")),
             full.body.constData());
    QCOMPARE(authorizeStatus(*emulator, redirectUri(3)), 400);
    QCOMPARE(authorizeStatus(*emulator, redirectUri(0)), 302); // the first is kept
    const HttpResult again =
        call(*emulator, "POST", redirects, {{QStringLiteral("uri"), redirectUri(1)}});
    QCOMPARE(again.status, 422);
    QCOMPARE(again.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("redirect_uri_already_exists"));

    const QString origins = QStringLiteral("/user_management/cors_origins");
    const auto origin = [](int i) { return QStringLiteral("http://localhost:%1").arg(5173 + i); };
    for (int i = 0; i < 2; ++i)
        QCOMPARE(call(*emulator, "POST", origins, {{QStringLiteral("origin"), origin(i)}}).status,
                 201);
    const HttpResult fullOrigins =
        call(*emulator, "POST", origins, {{QStringLiteral("origin"), origin(2)}});
    QCOMPARE(fullOrigins.status, 422);
    QCOMPARE(fullOrigins.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("limit_reached"));
    QCOMPARE(preflight(*emulator, origin(2).toLatin1()).status, 403);
    QCOMPARE(preflight(*emulator, origin(0).toLatin1()).status, 204);
    QCOMPARE(call(*emulator, "POST", origins, {{QStringLiteral("origin"), origin(1)}}).status, 409);
}

void TestEmulatorEnvironment::keptInTheStateFileAcrossARestart()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    EmulatorOptions options;
    options.dataDir = data.path();
    {
        const auto emulator = startWithKey(options);
        QVERIFY(emulator);
        QCOMPARE(call(*emulator, "POST", QStringLiteral("/user_management/redirect_uris"),
                      {{QStringLiteral("uri"), kNewRedirect}})
                     .status,
                 201);
        QCOMPARE(call(*emulator, "POST", QStringLiteral("/user_management/cors_origins"),
                      {{QStringLiteral("origin"), QString::fromLatin1(kNewOrigin)}})
                     .status,
                 201);
        QCOMPARE(call(*emulator, "PUT", QStringLiteral("/user_management/app_homepage_url"),
                      {{QStringLiteral("url"), QStringLiteral("http://localhost:5173")}})
                     .status,
                 200);
    }
    QFile stateFile(data.filePath(QStringLiteral("authkit-state.json")));
    QVERIFY(stateFile.open(QIODevice::ReadOnly));
    const QJsonObject environment = QJsonDocument::fromJson(stateFile.readAll())
                                        .object()
                                        .value(QStringLiteral("environment"))
                                        .toObject();
    QCOMPARE(environment.value(QStringLiteral("redirect_uris"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("uri"))
                 .toString(),
             kNewRedirect);
    QCOMPARE(environment.value(QStringLiteral("cors_origins"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("origin"))
                 .toString(),
             QString::fromLatin1(kNewOrigin));
    QCOMPARE(environment.value(QStringLiteral("app_homepage_url")).toString(),
             QStringLiteral("http://localhost:5173"));

    const auto restarted = startWithKey(options);
    QVERIFY(restarted);
    QCOMPARE(authorizeStatus(*restarted, kNewRedirect), 302);
    QCOMPARE(preflight(*restarted, kNewOrigin).status, 204);
}

void TestEmulatorEnvironment::projectConfiguresTheEnvironment()
{
    QTemporaryDir project;
    QVERIFY(project.isValid());
    const QString clientId = QStringLiteral("client_01J0000000000000000PR0JECT");
    QVERIFY(writeFile(project.filePath(QStringLiteral(".env.local")),
                      "# Convex\nCONVEX_DEPLOYMENT=dev:emulated\n"
                      "VITE_WORKOS_CLIENT_ID=\""
                          + clientId.toUtf8()
                          + "\"\n"
                            "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n"
                            "WORKOS_API_KEY=sk_test_never_read\n"));
    QVERIFY(writeFile(
        project.filePath(QStringLiteral("convex.json")),
        "{\n"
        "  \"functions\": \"convex/\",\n"
        "  \"authKit\": {\n"
        "    \"dev\": {\n"
        "      \"configure\": {\n"
        "        \"redirectUris\": [\"http://localhost:5173/callback\", "
        "\"http://localhost:5173/auth/done\"],\n"
        "        \"appHomepageUrl\": \"http://localhost:5173\",\n"
        "        \"corsOrigins\": [\"http://localhost:5173\"]\n"
        "      },\n"
        "      \"localEnvVars\": {\"VITE_WORKOS_CLIENT_ID\": \"${authEnv.WORKOS_CLIENT_ID}\"}\n"
        "    },\n"
        "    \"prod\": {\"configure\": {\"redirectUris\": [\"https://example.com/callback\"]}}\n"
        "  }\n"
        "}"));
    EmulatorOptions options;
    options.projectDir = project.path();
    const auto emulator = startEmulator(options);
    QVERIFY(emulator);
    QVERIFY2(emulator->clientIds().contains(clientId),
             qPrintable(emulator->clientIds().join(u',')));
    QCOMPARE(authorizeStatus(*emulator, QStringLiteral("http://localhost:5173/callback")), 302);
    QCOMPARE(authorizeStatus(*emulator, QStringLiteral("http://localhost:5173/auth/done")), 302);
    // Only the dev section applies: the emulator is a development environment.
    QCOMPARE(authorizeStatus(*emulator, QStringLiteral("https://example.com/callback")), 400);
    QCOMPARE(preflight(*emulator, kNewOrigin).status, 204);
    // The project's own client signs in with its redirect URI.
    SignInDriver driver(m_http, emulator->baseUrl());
    QueryItems params = driver.authorizeParams();
    setItem(params, QStringLiteral("client_id"), clientId);
    setItem(params, QStringLiteral("redirect_uri"),
            QStringLiteral("http://localhost:5173/callback"));
    QCOMPARE(driver.authorize(params).status, 302);
}

void TestEmulatorEnvironment::projectTemplatesFromTheBuildEnvironment()
{
    QTemporaryDir project;
    QVERIFY(project.isValid());
    QVERIFY(writeFile(
        project.filePath(QStringLiteral("convex.json")),
        "{\"authKit\": {\"dev\": {\"configure\": {\n"
        "        \"redirectUris\": [\"https://${buildEnv.AUTHKIT_TEST_BRANCH_URL}/callback\",\n"
        "                         "
        "\"https://${buildEnv.AUTHKIT_TEST_UNSET_VARIABLE}/callback\"]}}}}"));
    qputenv("AUTHKIT_TEST_BRANCH_URL", "branch.example.com");
    qunsetenv("AUTHKIT_TEST_UNSET_VARIABLE");
    EmulatorOptions options;
    options.projectDir = project.path();
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("AUTHKIT_TEST_UNSET_VARIABLE.*left out|"
                                                        "left out.*AUTHKIT_TEST_UNSET_VARIABLE")));
    const auto emulator = startEmulator(options);
    qunsetenv("AUTHKIT_TEST_BRANCH_URL");
    QVERIFY(emulator);
    QCOMPARE(authorizeStatus(*emulator, QStringLiteral("https://branch.example.com/callback")),
             302);
}

// A restart with the same --data-dir: convex.json is the configuration, so a homepage changed
// there since the last run wins over the saved one, and the project's redirect URIs and origins
// are the saved entries again (same ids), not new ones.
void TestEmulatorEnvironment::projectWinsOverTheSavedStateAndKeepsItsIds()
{
    QTemporaryDir project;
    QTemporaryDir data;
    QVERIFY(project.isValid() && data.isValid());
    const auto writeConvexJson = [&](const QByteArray &homepage) {
        return writeFile(project.filePath(QStringLiteral("convex.json")),
                         "{\"authKit\": {\"dev\": {\"configure\": {\n"
                         "  \"redirectUris\": [\"http://localhost:5173/callback\"],\n"
                         "  \"corsOrigins\": [\"http://localhost:5173\"],\n"
                         "  \"appHomepageUrl\": \""
                             + homepage + "\"}}}}");
    };
    EmulatorOptions options;
    options.projectDir = project.path();
    options.dataDir = data.path();

    QVERIFY(writeConvexJson("http://localhost:5173/first"));
    QJsonObject first;
    {
        const auto emulator = startEmulator(options);
        QVERIFY(emulator);
        first = savedEnvironment(*emulator, data);
    }
    QCOMPARE(first.value(QStringLiteral("app_homepage_url")).toString(),
             QStringLiteral("http://localhost:5173/first"));
    const QJsonArray redirectUris = first.value(QStringLiteral("redirect_uris")).toArray();
    QCOMPARE(redirectUris.size(), 1);
    QVERIFY(redirectUris.first()
                .toObject()
                .value(QStringLiteral("id"))
                .toString()
                .startsWith(QLatin1String("ruri_")));
    QCOMPARE(first.value(QStringLiteral("cors_origins")).toArray().size(), 1);

    QVERIFY(writeConvexJson("http://localhost:5173/second"));
    const auto restarted = startEmulator(options);
    QVERIFY(restarted);
    const QJsonObject second = savedEnvironment(*restarted, data);
    QCOMPARE(second.value(QStringLiteral("app_homepage_url")).toString(),
             QStringLiteral("http://localhost:5173/second"));
    // The same entries, ids and creation times included.
    QCOMPARE(second.value(QStringLiteral("redirect_uris")).toArray(), redirectUris);
    QCOMPARE(second.value(QStringLiteral("cors_origins")).toArray(),
             first.value(QStringLiteral("cors_origins")).toArray());
    QCOMPARE(authorizeStatus(*restarted, QStringLiteral("http://localhost:5173/callback")), 302);
}

// A project with .env and no .env.local is read as authkit-desktop and authkit-cli read it (one
// reader in lib/core, ConvexProjectFiles); .env.local, when there, is the one read.
void TestEmulatorEnvironment::projectWithOnlyADotEnv()
{
    QTemporaryDir project;
    QVERIFY(project.isValid());
    const QString clientId = QStringLiteral("client_01J00000000000000000D0TENV");
    QVERIFY(writeFile(project.filePath(QStringLiteral(".env")),
                      "VITE_WORKOS_CLIENT_ID=" + clientId.toUtf8()
                          + "\nVITE_WORKOS_REDIRECT_URI=https://dotenv.example.com/callback\n"));
    EmulatorOptions options;
    options.projectDir = project.path();
    {
        const auto emulator = startEmulator(options);
        QVERIFY(emulator);
        QVERIFY2(emulator->clientIds().contains(clientId),
                 qPrintable(emulator->clientIds().join(u',')));
        QCOMPARE(authorizeStatus(*emulator, QStringLiteral("https://dotenv.example.com/callback")),
                 302);
    }
    QVERIFY(writeFile(project.filePath(QStringLiteral(".env.local")),
                      "WORKOS_REDIRECT_URI=https://local.example.com/callback\n"));
    const auto emulator = startEmulator(options);
    QVERIFY(emulator);
    QVERIFY(!emulator->clientIds().contains(clientId));
    QCOMPARE(authorizeStatus(*emulator, QStringLiteral("https://local.example.com/callback")), 302);
    QCOMPARE(authorizeStatus(*emulator, QStringLiteral("https://dotenv.example.com/callback")),
             400);
}

void TestEmulatorEnvironment::projectErrors_data()
{
    QTest::addColumn<QByteArray>("convexJson");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad JSON, with its place")
        << QByteArray("{\n  \"authKit\": {\n    \"dev\": { \"configure\": { \"redirectUris\": "
                      "[\"a\",] }\n")
        << QStringLiteral("convex.json is not valid JSON: .* at line 3, column \\d+");
    QTest::newRow("not an object")
        << QByteArray("[1, 2]") << QStringLiteral("convex.json must be a JSON object");
    QTest::newRow("redirectUris not a list")
        << QByteArray("{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":\"http://x/cb\"}}}}")
        << QStringLiteral("authKit.dev.configure.redirectUris must be a list of strings");
    QTest::newRow("a bad origin") << QByteArray(
        "{\"authKit\":{\"dev\":{\"configure\":{\"corsOrigins\":[\"http://x/path\"]}}}}")
                                  << QStringLiteral("CORS origin \"http://x/path\"");
}

void TestEmulatorEnvironment::projectErrors()
{
    QFETCH(QByteArray, convexJson);
    QFETCH(QString, expected);
    QTemporaryDir project;
    QVERIFY(project.isValid());
    QVERIFY(writeFile(project.filePath(QStringLiteral("convex.json")), convexJson));
    EmulatorOptions options;
    options.projectDir = project.path();
    AuthKitEmulator emulator(options);
    QVERIFY(!emulator.start());
    QVERIFY2(emulator.errorString().contains(QRegularExpression(expected)),
             qPrintable(emulator.errorString()));
    QCOMPARE(emulator.port(), quint16(0));

    // A folder with neither file is an error too, not an empty project.
    QTemporaryDir empty;
    options.projectDir = empty.path();
    AuthKitEmulator nothing(options);
    QVERIFY(!nothing.start());
    QVERIFY2(nothing.errorString().contains(QStringLiteral("no .env.local, .env or convex.json")),
             qPrintable(nothing.errorString()));
}

QTEST_GUILESS_MAIN(TestEmulatorEnvironment)
#include "tst_emulator_environment.moc"
