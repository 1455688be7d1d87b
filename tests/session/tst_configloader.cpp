// Where the configuration comes from, strongest first, and what is refused.

#include <authkitqt/core/ConfigLoader.h>

#include <QFile>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QDir>
#include <QTest>

using namespace authkit;

namespace {
const QString kDev = QStringLiteral("client_01J00000000000000000000DEV");
const QString kPrd = QStringLiteral("client_01J00000000000000000000PRD");
const QString kOther = QStringLiteral("client_01HZZZZZZZZZZZZZZZZZZZZZZZ");

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
