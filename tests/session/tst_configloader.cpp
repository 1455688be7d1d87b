// Where the configuration comes from, strongest first, and what is refused.

#include <authkitqt/core/ConfigLoader.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace authkit;

namespace {
const QString kDev = QStringLiteral("client_01J00000000000000000000DEV");
const QString kPrd = QStringLiteral("client_01J00000000000000000000PRD");
const QString kOther = QStringLiteral("client_01HZZZZZZZZZZZZZZZZZZZZZZZ");

// A seed-like convex.json: the web app's URIs first, then what the desktop can receive.
const QByteArray kConvexJson =
    "{\n"
    "  \"functions\": \"convex/\",\n"
    "  \"authKit\": {\n"
    "    \"dev\": {\n"
    "      \"configure\": {\n"
    "        \"redirectUris\": [\"https://app.example.com/callback\", "
    "\"authkit-desktop://auth/done\",\n"
    "                         \"http://127.0.0.1:5173/${buildEnv.DESKTOP_CALLBACK_PATH}\",\n"
    "                         \"http://localhost:5173/callback\"],\n"
    "        \"appHomepageUrl\": \"http://localhost:5173\",\n"
    "        \"corsOrigins\": [\"http://localhost:5173\"]\n"
    "      },\n"
    "      \"localEnvVars\": {\"VITE_WORKOS_CLIENT_ID\": \"${authEnv.WORKOS_CLIENT_ID}\"}\n"
    "    },\n"
    "    \"prod\": {\"configure\": {\"redirectUris\": [\"https://app.example.com/callback\",\n"
    "                                            \"http://127.0.0.1/prod-callback\"]}}\n"
    "  }\n"
    "}\n";

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}
} // namespace

class ConfigLoaderTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A project folder with the files given (an empty one is not written).
    QString makeProject(const QString &name, const QByteArray &envLocal,
                        const QByteArray &convexJson)
    {
        const QString project = m_dir.filePath(name);
        QDir().mkpath(project);
        if (!envLocal.isEmpty())
            writeFile(project + QStringLiteral("/.env.local"), envLocal);
        if (!convexJson.isEmpty())
            writeFile(project + QStringLiteral("/convex.json"), convexJson);
        return project;
    }

    ConfigSources sources(const QString &profile = QString()) const
    {
        ConfigSources s;
        s.profile = profile;
        s.environment = QProcessEnvironment(); // nothing from the test runner leaks in
        s.configFile = m_dir.filePath(QStringLiteral("missing.ini"));
        return s;
    }

private Q_SLOTS:
    void localIsTheDefaultAndPointsAtTheEmulator()
    {
        QString error;
        const auto config = ConfigLoader::load(sources(), &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->profile, QStringLiteral("local"));
        QCOMPARE(config->clientId, kDev);
        QCOMPARE(config->apiBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:4598")));
        QVERIFY(config->acceptedIssuers.contains(
            QStringLiteral("https://api.workos.com/user_management/") + kDev));
        QCOMPARE(config->storageKey(), QStringLiteral("authkitqt/local/") + kDev + QStringLiteral("/session"));
        QCOMPARE(config->jwksUrl(), QUrl(QStringLiteral("http://127.0.0.1:4598/sso/jwks/") + kDev));
    }

    void productionNeedsAClientId()
    {
        QString error;
        QVERIFY(!ConfigLoader::load(sources(QStringLiteral("production")), &error));
        QVERIFY(error.contains(QStringLiteral("No client ID")));
    }

    void flagsBeatEnvironmentBeatFileBeatProject()
    {
        const QString project = m_dir.filePath(QStringLiteral("web"));
        QDir().mkpath(project);
        writeFile(project + QStringLiteral("/.env.local"),
                  "# a Convex + AuthKit template\nWORKOS_API_KEY=sk_test_never_read\n"
                  "VITE_WORKOS_CLIENT_ID=\"" + kOther.toLatin1() + "\"\n"
                  "export VITE_CONVEX_URL=https://happy-otter-123.convex.cloud # dev\n");
        ConfigSources s = sources(QStringLiteral("development"));
        s.projectDir = project;
        QString error;
        auto config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->clientId, kOther);
        QCOMPARE(config->convexUrl, QUrl(QStringLiteral("https://happy-otter-123.convex.cloud")));
        QCOMPARE(config->apiBaseUrl, QUrl(QStringLiteral("https://api.workos.com")));

        s.configFile = m_dir.filePath(QStringLiteral("profiles.ini"));
        writeFile(s.configFile, "[development]\nclient_id=" + kPrd.toLatin1()
                                    + "\napi_base_url=https://auth.example.com\n");
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->clientId, kPrd);
        QCOMPARE(config->apiBaseUrl, QUrl(QStringLiteral("https://auth.example.com")));
        QVERIFY(config->acceptedIssuers.contains(QStringLiteral("https://auth.example.com/user_management/") + kPrd));
        QCOMPARE(config->convexUrl, QUrl(QStringLiteral("https://happy-otter-123.convex.cloud")));

        s.environment.insert(QStringLiteral("WORKOS_CLIENT_ID"), kDev);
        s.environment.insert(QStringLiteral("WORKOS_API_HOSTNAME"), QStringLiteral("127.0.0.1"));
        s.environment.insert(QStringLiteral("WORKOS_API_HTTPS"), QStringLiteral("false"));
        s.environment.insert(QStringLiteral("WORKOS_API_PORT"), QStringLiteral("9999"));
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->clientId, kDev);
        QCOMPARE(config->apiBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:9999")));

        s.clientId = kOther;
        s.apiBaseUrl = QStringLiteral("https://api.workos.com");
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->clientId, kOther);
        QCOMPARE(config->apiBaseUrl, QUrl(QStringLiteral("https://api.workos.com")));
    }

    // An app registered for a custom scheme (authkit-desktop's production profile) gives its
    // own default redirect; every source that names one still wins over it.
    void defaultRedirectUriYieldsToEverySource()
    {
        ConfigSources s = sources(QStringLiteral("production"));
        s.clientId = kPrd;
        QString error;
        auto config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/callback")));

        s.defaultRedirectUri = QStringLiteral("authkit-desktop://callback");
        config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("authkit-desktop://callback")));

        s.configFile = m_dir.filePath(QStringLiteral("redirect.ini"));
        writeFile(s.configFile, "[production]\nredirect_uri=http://127.0.0.1:7000/from-file\n");
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1:7000/from-file")));

        s.environment.insert(QStringLiteral("WORKOS_REDIRECT_URI"),
                             QStringLiteral("http://127.0.0.1/from-env"));
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/from-env")));

        s.redirectUri = QStringLiteral("http://127.0.0.1/from-flag");
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/from-flag")));
    }

    void badInputIsRefusedWithAClearMessage_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("apiBaseUrl");
        QTest::addColumn<QString>("expected");
        QTest::newRow("API key") << QStringLiteral("sk_live_abc") << QString() << QStringLiteral("API key");
        QTest::newRow("not a client id") << QStringLiteral("client_123") << QString() << QStringLiteral("not a WorkOS client ID");
        QTest::newRow("http API") << QString() << QStringLiteral("http://api.workos.com") << QStringLiteral("https://");
        QTest::newRow("credentials in URL") << QString() << QStringLiteral("https://user:pw@api.workos.com") << QStringLiteral("credentials");
    }

    void badInputIsRefusedWithAClearMessage()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, apiBaseUrl);
        QFETCH(QString, expected);
        ConfigSources s = sources();
        s.clientId = clientId;
        s.apiBaseUrl = apiBaseUrl;
        QString error;
        QVERIFY(!ConfigLoader::load(s, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void projectFolderProblemsAreNamed()
    {
        ConfigSources s = sources();
        s.projectDir = m_dir.filePath(QStringLiteral("nowhere"));
        QString error;
        QVERIFY(!ConfigLoader::load(s, &error));
        QVERIFY(error.contains(QStringLiteral("not a folder")));
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        s.projectDir = empty;
        QVERIFY(!ConfigLoader::load(s, &error));
        QVERIFY(error.contains(QStringLiteral(".env.local")));
    }

    // --project reads convex.json's AuthKit section too: the redirect URI is the first this
    // kind of client can receive, .env.local's WORKOS_REDIRECT_URI / VITE_WORKOS_REDIRECT_URI
    // before convex.json's redirectUris, and every other source still wins over it.
    void projectRedirectUriComesFromConvexJson()
    {
        const QString project =
            makeProject(QStringLiteral("convex-redirect"),
                        "VITE_WORKOS_CLIENT_ID=" + kOther.toLatin1() + "\n", kConvexJson);
        ConfigSources s = sources(QStringLiteral("development"));
        s.projectDir = project;
        s.environment.insert(QStringLiteral("DESKTOP_CALLBACK_PATH"), QStringLiteral("desktop"));
        QString error;
        auto config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->clientId, kOther);
        // The web app's https URI and the custom scheme are passed over: a loopback client
        // cannot receive them. The template is filled from the environment.
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1:5173/desktop")));

        // The desktop's custom-scheme agent takes the first URI of its own scheme.
        s.defaultRedirectUri = QStringLiteral("authkit-desktop://callback");
        config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("authkit-desktop://auth/done")));
        s.defaultRedirectUri.clear();

        // Production reads the prod section, development the dev one.
        ConfigSources production = s;
        production.profile = QStringLiteral("production");
        config = ConfigLoader::load(production, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/prod-callback")));

        // .env.local's redirect URI comes first when this client can receive it ...
        writeFile(project + QStringLiteral("/.env.local"),
                  "VITE_WORKOS_CLIENT_ID=" + kOther.toLatin1()
                      + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:3000/from-env-local\n"
                        "WORKOS_REDIRECT_URI=https://app.example.com/server-callback\n");
        config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://localhost:3000/from-env-local")));

        // ... and every stronger source names its own.
        s.configFile = m_dir.filePath(QStringLiteral("project-redirect.ini"));
        writeFile(s.configFile, "[development]\nredirect_uri=http://127.0.0.1/from-file\n");
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/from-file")));
        s.redirectUri = QStringLiteral("http://127.0.0.1/from-flag");
        config = ConfigLoader::load(s, &error);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/from-flag")));
    }

    // A template whose variable is unset leaves that entry out (said on the log), as Convex's
    // CLI and the emulator do; the next usable URI is taken.
    void projectTemplateWithUnsetVariableIsLeftOut()
    {
        const QString project = makeProject(
            QStringLiteral("convex-template"), QByteArray(),
            "{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":["
            "\"http://127.0.0.1/${buildEnv.AUTHKIT_UNSET}\",\"http://localhost/second\"]}}}}");
        ConfigSources s = sources();
        s.projectDir = project;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("AUTHKIT_UNSET.*left out")));
        QString error;
        const auto config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://localhost/second")));
        QCOMPARE(config->clientId, kDev); // convex.json names no client: the profile's stays
    }

    void projectConvexJsonErrorsAreClearAndNothingApplies_data()
    {
        QTest::addColumn<QByteArray>("convexJson");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad JSON, with its place")
            << QByteArray("{\n  \"authKit\": {\n    \"dev\": { \"configure\": { \"redirectUris\": "
                          "[\"http://127.0.0.1/cb\",] }\n")
            << QStringLiteral("convex.json is not valid JSON: .* at line 3, column \\d+");
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringLiteral("convex.json must be a JSON object");
        QTest::newRow("redirectUris not a list")
            << QByteArray("{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":\"http://"
                          "127.0.0.1/cb\"}}}}")
            << QStringLiteral("authKit.dev.configure.redirectUris must be a list of strings");
        QTest::newRow("a number among the URIs")
            << QByteArray("{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":[\"http://"
                          "127.0.0.1/cb\", 7]}}}}")
            << QStringLiteral("authKit.dev.configure.redirectUris must be a list of strings");
        QTest::newRow("configure not an object")
            << QByteArray("{\"authKit\":{\"dev\":{\"configure\":[]}}}")
            << QStringLiteral("authKit and authKit.dev.configure must be objects");
        QTest::newRow("homepage not a string")
            << QByteArray("{\"authKit\":{\"dev\":{\"configure\":{\"appHomepageUrl\":1}}}}")
            << QStringLiteral("authKit.dev.configure.appHomepageUrl must be a string");
    }

    void projectConvexJsonErrorsAreClearAndNothingApplies()
    {
        QFETCH(QByteArray, convexJson);
        QFETCH(QString, expected);
        // .env.local is fine: the error in convex.json must still stop the whole project.
        const QString project = makeProject(
            QStringLiteral("convex-bad-") + QString::fromLatin1(QTest::currentDataTag()),
            "VITE_WORKOS_CLIENT_ID=" + kOther.toLatin1() + "\n", convexJson);
        ConfigSources s = sources();
        s.projectDir = project;
        QString error;
        QVERIFY(!ConfigLoader::load(s, &error));
        QVERIFY2(error.contains(QRegularExpression(expected)), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("--project: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("convex.json)")), qPrintable(error)); // the file
    }

    // convex.json alone is a project; one that gives this client nothing is refused.
    void projectWithOnlyConvexJson()
    {
        ConfigSources s = sources();
        s.projectDir = makeProject(QStringLiteral("convex-only"), QByteArray(),
                                   "{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":[\"http:"
                                   "//127.0.0.1/only\"]}}}}");
        QString error;
        const auto config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/only")));

        s.projectDir = makeProject(QStringLiteral("convex-web-only"), QByteArray(),
                                   "{\"authKit\":{\"dev\":{\"configure\":{\"redirectUris\":["
                                   "\"https://app.example.com/cb\"]}}}}");
        QVERIFY(!ConfigLoader::load(s, &error));
        QVERIFY2(error.contains(QStringLiteral("redirect URI this app can receive")),
                 qPrintable(error));
    }

    // .env serves when there is no .env.local (as Convex's templates ship one or the other);
    // .env.local, when there, is the one read.
    void projectDotEnvWithoutDotEnvLocal()
    {
        const QString project = m_dir.filePath(QStringLiteral("dotenv-only"));
        QDir().mkpath(project);
        writeFile(project + QStringLiteral("/.env"),
                  "VITE_WORKOS_CLIENT_ID=" + kOther.toLatin1()
                      + "\nVITE_WORKOS_REDIRECT_URI=http://127.0.0.1:5173/from-dotenv\n");
        ConfigSources s = sources(QStringLiteral("development"));
        s.projectDir = project;
        QString error;
        auto config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->clientId, kOther);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1:5173/from-dotenv")));

        writeFile(project + QStringLiteral("/.env.local"),
                  "VITE_WORKOS_CLIENT_ID=" + kPrd.toLatin1() + "\n");
        config = ConfigLoader::load(s, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->clientId, kPrd);
        QCOMPARE(config->redirectUri, QUrl(QStringLiteral("http://127.0.0.1/callback")));
    }

    void savedProfilesReadBack()
    {
        AuthKitConfig config = ConfigLoader::defaults(QStringLiteral("staging"));
        config.clientId = kPrd;
        config.acceptedIssuers = AuthKitConfig::defaultIssuers(config.apiBaseUrl, kPrd);
        const QString file = m_dir.filePath(QStringLiteral("saved.ini"));
        QString error;
        QVERIFY2(ConfigLoader::saveProfile(config, file, &error), qPrintable(error));
        ConfigSources s = sources(QStringLiteral("staging"));
        s.configFile = file;
        const auto loaded = ConfigLoader::load(s, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->clientId, kPrd);
        QCOMPARE(loaded->acceptedIssuers, config.acceptedIssuers);
        config.clientId = QStringLiteral("sk_live_x");
        QVERIFY(!ConfigLoader::saveProfile(config, file, &error));
    }

    void logoutUrlCarriesSessionAndReturnTo()
    {
        AuthKitConfig config = ConfigLoader::defaults(QStringLiteral("development"));
        config.clientId = kDev;
        config.logoutReturnUri = QUrl(QStringLiteral("http://127.0.0.1/signed-out?x=a&b"));
        const QUrl url = config.logoutUrl(QStringLiteral("session_01ABC"));
        QCOMPARE(url.path(), QStringLiteral("/user_management/sessions/logout"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("session_id")), QStringLiteral("session_01ABC"));
        QCOMPARE(query.queryItemValue(QStringLiteral("return_to"), QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1/signed-out?x=a&b"));
    }
};

QTEST_GUILESS_MAIN(ConfigLoaderTest)
#include "tst_configloader.moc"
