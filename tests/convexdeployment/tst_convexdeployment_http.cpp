// The deployment's HTTP API (docs/convex-protocol.md#http-api): the status envelope, formats,
// the Authorization header and its 401s; the --convex-auth-config file; the command line's
// second stdout line.

#include "EmulatorFixture.h"
#include "HttpClient.h"
#include "SignInDriver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

class TestConvexDeploymentHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void querySucceeds();
    void formats();
    void functionErrorIsAnEnvelope();
    void userTokenRunsAsTheUser();
    void badTokensAre401();
    void badRequests();
    void otherEndpoints();
    void authConfigFile();
    void trustsAnotherIssuersJwksOverHttp();
    void unreachableJwksRejectsTheToken();
    void commandLinePrintsTheDeployment();

private:
    HttpResult call(const QString &kind, const QJsonObject &body,
                    const QByteArray &authorization = {});
    QString signIn(AuthKitEmulator &emulator);
    // An emulator whose deployment trusts one customJwt provider.
    std::unique_ptr<AuthKitEmulator> startTrusting(const QString &issuer, const QUrl &jwks);

    QTemporaryDir m_configDir;

    HttpClient m_http;
    std::unique_ptr<AuthKitEmulator> m_emulator;
};

void TestConvexDeploymentHttp::init()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
}

void TestConvexDeploymentHttp::cleanup()
{
    m_emulator.reset();
}

HttpResult TestConvexDeploymentHttp::call(const QString &kind, const QJsonObject &body,
                                          const QByteArray &authorization)
{
    QUrl url = m_emulator->convexUrl();
    url.setPath(QStringLiteral("/api/") + kind);
    HeaderList headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    return m_http.post(url, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       "application/json", headers);
}

QString TestConvexDeploymentHttp::signIn(AuthKitEmulator &emulator)
{
    HttpClient http;
    SignInDriver driver(http, emulator.baseUrl());
    return driver.signInAndExchange(seed::ada()).value(QStringLiteral("access_token")).toString();
}

void TestConvexDeploymentHttp::querySucceeds()
{
    const HttpResult result = call(QStringLiteral("query"),
                                   {{QStringLiteral("path"), QStringLiteral("messages:list")},
                                    {QStringLiteral("args"), QJsonObject()},
                                    {QStringLiteral("format"), QStringLiteral("json")}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json(), (QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                         {QStringLiteral("value"), QJsonArray()}}));
    // logLines is left out when empty.
    QVERIFY(!result.json().contains(QStringLiteral("logLines")));
}

void TestConvexDeploymentHttp::formats()
{
    const QJsonObject integer{{QStringLiteral("$integer"), QStringLiteral("BQAAAAAAAAA=")}};
    QJsonObject body{{QStringLiteral("path"), QStringLiteral("demo:echo")},
                     {QStringLiteral("args"), QJsonObject{{QStringLiteral("n"), integer}}},
                     {QStringLiteral("format"), QStringLiteral("convex_encoded_json")}};
    HttpResult result = call(QStringLiteral("action"), body);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("value")).toObject().value(QStringLiteral("args")),
             QJsonValue(QJsonObject{{QStringLiteral("n"), integer}}));
    QCOMPARE(result.json().value(QStringLiteral("logLines")).toArray(),
             QJsonArray{QStringLiteral("[LOG] 'echo'")});

    // Clean JSON (also the default): int64 as a decimal string.
    body.remove(QStringLiteral("format"));
    result = call(QStringLiteral("action"), body);
    QCOMPARE(result.json().value(QStringLiteral("value")).toObject().value(QStringLiteral("args")),
             QJsonValue(QJsonObject{{QStringLiteral("n"), QStringLiteral("5")}}));

    body.insert(QStringLiteral("format"), QStringLiteral("xml"));
    result = call(QStringLiteral("action"), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(), QStringLiteral("BadFormat"));
}

void TestConvexDeploymentHttp::functionErrorIsAnEnvelope()
{
    HttpResult result = call(QStringLiteral("mutation"),
                             {{QStringLiteral("path"), QStringLiteral("messages:send")},
                              {QStringLiteral("args"),
                               QJsonObject{{QStringLiteral("body"), QStringLiteral("hi")}}}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json(),
             (QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                          {QStringLiteral("errorMessage"),
                           QStringLiteral("Uncaught Error: Not authenticated")}}));

    result = call(QStringLiteral("query"), {{QStringLiteral("path"), QStringLiteral("nope:nothing")}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QVERIFY(result.json().value(QStringLiteral("errorMessage")).toString().startsWith(
        QStringLiteral("Could not find public function for 'nope:nothing'")));

    result = call(QStringLiteral("query"), {{QStringLiteral("path"), QStringLiteral("messages:send")}});
    QCOMPARE(result.json().value(QStringLiteral("errorMessage")).toString(),
             QStringLiteral("Trying to execute messages:send as Query, but it is defined as "
                            "Mutation."));
}

void TestConvexDeploymentHttp::userTokenRunsAsTheUser()
{
    const QString token = signIn(*m_emulator);
    QVERIFY(!token.isEmpty());
    const QByteArray bearer = "Bearer " + token.toLatin1();
    HttpResult result = call(QStringLiteral("mutation"),
                             {{QStringLiteral("path"), QStringLiteral("users:store")}}, bearer);
    QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    const QString userId = result.json().value(QStringLiteral("value")).toString();
    QVERIFY(!userId.isEmpty());

    result = call(QStringLiteral("query"), {{QStringLiteral("path"), QStringLiteral("users:viewer")}},
                  "bearer  " + token.toLatin1() + ' '); // scheme in any case, token trimmed
    const QJsonObject viewer = result.json().value(QStringLiteral("value")).toObject();
    const QString issuer = m_emulator->issuerFor(seed::devClient());
    QCOMPARE(viewer.value(QStringLiteral("subject")).toString(), seed::adaId());
    QCOMPARE(viewer.value(QStringLiteral("issuer")).toString(), issuer);
    QCOMPARE(viewer.value(QStringLiteral("tokenIdentifier")).toString(),
             issuer + QLatin1Char('|') + seed::adaId());
    QCOMPARE(viewer.value(QStringLiteral("user")).toObject().value(QStringLiteral("_id")).toString(),
             userId);

    result = call(QStringLiteral("mutation"),
                  {{QStringLiteral("path"), QStringLiteral("messages:send")},
                   {QStringLiteral("args"), QJsonObject{{QStringLiteral("body"), QStringLiteral("hi")}}}},
                  bearer);
    QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    result = call(QStringLiteral("query"), {{QStringLiteral("path"), QStringLiteral("messages:list")}});
    const QJsonArray messages = result.json().value(QStringLiteral("value")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("hi"));
    // users:store kept the subject as the name: AuthKit access tokens carry no name or email.
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("author")).toString(), seed::adaId());
}

void TestConvexDeploymentHttp::badTokensAre401()
{
    const QJsonObject viewer{{QStringLiteral("path"), QStringLiteral("users:viewer")}};
    HttpResult result = call(QStringLiteral("query"), viewer, "Bearer not-a-jwt");
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json(),
             (QJsonObject{{QStringLiteral("code"), QStringLiteral("InvalidAuthHeader")},
                          {QStringLiteral("message"),
                           QStringLiteral("Could not parse JWT payload. Check that the token is a "
                                          "valid JWT format with three base64-encoded parts "
                                          "separated by dots.")}}));

    // An issuer no provider has.
    EmulatorOptions options;
    options.issuer = QStringLiteral("https://auth.example.com");
    auto other = startEmulator(options);
    QVERIFY(other);
    result = call(QStringLiteral("query"), viewer, "Bearer " + signIn(*other).toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(), QStringLiteral("NoAuthProvider"));
    const QString message = result.json().value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(QStringLiteral(
                 "No auth provider found matching the given token. Check that your JWT's issuer "
                 "and audience match one of your configured providers: [CustomJWT(issuer="
                 "https://api.workos.com/, app_id=client_01J00000000000000000000DEV), "
                 "CustomJWT(issuer=https://api.workos.com/user_management/"
                 "client_01J00000000000000000000DEV, app_id=none)")),
             qPrintable(message));

    // The right issuer, another key.
    auto foreign = startEmulator();
    QVERIFY(foreign);
    result = call(QStringLiteral("query"), viewer, "Bearer " + signIn(*foreign).toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("InvalidAuthHeader"));
    QVERIFY(result.json().value(QStringLiteral("message")).toString().startsWith(
        QStringLiteral("Could not decode token. The JWT's 'kid' (key ID) header is '")));

    // An expired token, beyond the 5 s leeway.
    const QString token = signIn(*m_emulator);
    HttpClient http;
    SignInDriver(http, m_emulator->baseUrl()).advanceClock(400);
    result = call(QStringLiteral("query"), viewer, "Bearer " + token.toLatin1());
    QCOMPARE(result.status, 401);
    QVERIFY(result.json().value(QStringLiteral("message")).toString().startsWith(
        QStringLiteral("Could not validate token: Token expired ")));
}

void TestConvexDeploymentHttp::badRequests()
{
    const QJsonObject viewer{{QStringLiteral("path"), QStringLiteral("users:viewer")}};
    HttpResult result = call(QStringLiteral("query"), viewer, "Basic abcdefgh");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(), QStringLiteral("InvalidAdminKey"));
    result = call(QStringLiteral("query"), viewer, "abc");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("InvalidHeaderFailure"));

    QUrl url = m_emulator->convexUrl();
    url.setPath(QStringLiteral("/api/nothing"));
    QCOMPARE(m_http.get(url).status, 404);
    url.setPath(QStringLiteral("/api/query"));
    QCOMPARE(m_http.post(url, "{", "application/json").status, 400);
}

void TestConvexDeploymentHttp::otherEndpoints()
{
    const QJsonObject success{{QStringLiteral("status"), QStringLiteral("success")},
                              {QStringLiteral("value"), QJsonArray()}};
    QUrl url = m_emulator->convexUrl();
    url.setPath(QStringLiteral("/api/query"));
    url.setQuery(QStringLiteral("path=messages:list&args=%7B%7D&format=json"));
    HttpResult result = m_http.get(url);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json(), success);

    // /api/run/<module path>/<function>: the function's own kind, clean JSON by default.
    url = m_emulator->convexUrl();
    url.setPath(QStringLiteral("/api/run/messages/list"));
    result = m_http.post(url, "{\"args\":{}}", "application/json");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json(), success);

    result = call(QStringLiteral("function"),
                  {{QStringLiteral("path"), QStringLiteral("demo:echo")},
                   {QStringLiteral("args"), QJsonObject{{QStringLiteral("a"), 1}}}});
    QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(result.json().value(QStringLiteral("value")).toObject().value(QStringLiteral("args")),
             QJsonValue(QJsonObject{{QStringLiteral("a"), 1}}));

    result = call(QStringLiteral("query_ts"), {});
    QCOMPARE(result.status, 200);
    const QByteArray ts = QByteArray::fromBase64(
        result.json().value(QStringLiteral("ts")).toString().toLatin1());
    QCOMPARE(ts.size(), 8);
}

void TestConvexDeploymentHttp::authConfigFile()
{
    // Another issuer, and one provider whose JWKS is a data: URL holding that issuer's key set.
    const QString issuer = QStringLiteral("https://auth.example.com");
    EmulatorOptions options;
    options.issuer = issuer;
    auto issuing = startEmulator(options);
    QVERIFY(issuing);
    HttpClient http;
    QUrl jwksUrl = issuing->baseUrl();
    jwksUrl.setPath(QStringLiteral("/sso/jwks/") + seed::devClient());
    const QByteArray jwks = http.get(jwksUrl).body;
    QVERIFY(!jwks.isEmpty());
    QJsonObject provider;
    provider.insert(QStringLiteral("type"), QStringLiteral("customJwt"));
    provider.insert(QStringLiteral("issuer"), QString(issuer + QLatin1Char('/')));
    provider.insert(QStringLiteral("algorithm"), QStringLiteral("RS256"));
    provider.insert(QStringLiteral("jwks"), QString(QStringLiteral("data:application/json;base64,")
                                                    + QString::fromLatin1(jwks.toBase64())));
    QJsonObject config;
    config.insert(QStringLiteral("providers"), QJsonArray{provider});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("auth.config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();

    EmulatorOptions configured;
    configured.convexAuthConfigFile = file.fileName();
    m_emulator = startEmulator(configured);
    QVERIFY(m_emulator);
    HttpResult result = call(QStringLiteral("query"),
                             {{QStringLiteral("path"), QStringLiteral("users:viewer")}},
                             "Bearer " + signIn(*issuing).toLatin1());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("value")).toObject()
                 .value(QStringLiteral("issuer")).toString(), issuer);
    // The default providers are gone: the emulator's own tokens no longer match.
    result = call(QStringLiteral("query"), {{QStringLiteral("path"), QStringLiteral("users:viewer")}},
                  "Bearer " + signIn(*m_emulator).toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(), QStringLiteral("NoAuthProvider"));

    // A broken config file stops start().
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"providers":[{"domain":"https://x.example.com","applicationID":"a"}]})");
    file.close();
    AuthKitEmulator broken(configured);
    QVERIFY(!broken.start());
    QVERIFY(broken.errorString().contains(QStringLiteral("customJwt")));
}

std::unique_ptr<AuthKitEmulator> TestConvexDeploymentHttp::startTrusting(const QString &issuer,
                                                                        const QUrl &jwks)
{
    const QJsonObject provider{{QStringLiteral("type"), QStringLiteral("customJwt")},
                               {QStringLiteral("issuer"), issuer},
                               {QStringLiteral("algorithm"), QStringLiteral("RS256")},
                               {QStringLiteral("jwks"), jwks.toString()}};
    QFile file(m_configDir.filePath(QStringLiteral("auth.config.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return nullptr;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("providers"), QJsonArray{provider}}})
                   .toJson());
    file.close();
    EmulatorOptions options;
    options.convexAuthConfigFile = file.fileName();
    return startEmulator(options);
}

void TestConvexDeploymentHttp::trustsAnotherIssuersJwksOverHttp()
{
    // The deployment fetches the second emulator's key set from its /sso/jwks URL, as the real
    // backend fetches a provider's jwks URL.
    const QString issuer = QStringLiteral("https://auth.example.com");
    EmulatorOptions issuerOptions;
    issuerOptions.issuer = issuer;
    auto issuing = startEmulator(issuerOptions);
    QVERIFY(issuing);
    // Claims the same issuer, signs with keys of its own: not to be trusted.
    auto impostor = startEmulator(issuerOptions);
    QVERIFY(impostor);
    m_emulator = startTrusting(issuer,
                               endpoint(issuing->baseUrl(),
                                        QStringLiteral("/sso/jwks/") + seed::devClient()));
    QVERIFY(m_emulator);

    const QJsonObject viewer{{QStringLiteral("path"), QStringLiteral("users:viewer")}};
    HttpResult result = call(QStringLiteral("query"), viewer,
                             "Bearer " + signIn(*issuing).toLatin1());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QStringLiteral("value")).toObject()
                 .value(QStringLiteral("issuer")).toString(), issuer);

    result = call(QStringLiteral("query"), viewer, "Bearer " + signIn(*impostor).toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("InvalidAuthHeader"));
    QVERIFY2(result.json().value(QStringLiteral("message")).toString().contains(
                 QStringLiteral("does this key match any key in the provider's JWKS")),
             result.body.constData());

    // The trusted issuer still passes after the refusal (its key set stays cached).
    result = call(QStringLiteral("query"), viewer, "Bearer " + signIn(*issuing).toLatin1());
    QCOMPARE(result.status, 200);
}

void TestConvexDeploymentHttp::unreachableJwksRejectsTheToken()
{
    const QString issuer = QStringLiteral("https://auth.example.com");
    EmulatorOptions issuerOptions;
    issuerOptions.issuer = issuer;
    auto issuing = startEmulator(issuerOptions);
    QVERIFY(issuing);
    // A port nobody listens on: the one of an emulator that has stopped.
    QUrl gone;
    {
        auto stopped = startEmulator();
        QVERIFY(stopped);
        gone = endpoint(stopped->baseUrl(), QStringLiteral("/sso/jwks/") + seed::devClient());
    }
    m_emulator = startTrusting(issuer, gone);
    QVERIFY(m_emulator);
    const HttpResult result = call(QStringLiteral("query"),
                                   {{QStringLiteral("path"), QStringLiteral("users:viewer")}},
                                   "Bearer " + signIn(*issuing).toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("InvalidAuthHeader"));
    QVERIFY2(result.json().value(QStringLiteral("message")).toString().startsWith(
                 QStringLiteral("Could not fetch JWKS from URL '%1'").arg(gone.toString())),
             result.body.constData());
}

void TestConvexDeploymentHttp::commandLinePrintsTheDeployment()
{
    QProcess process;
    process.start(QStringLiteral(AUTHKIT_EMULATOR_BINARY), {QStringLiteral("--memory")});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QDeadlineTimer deadline(10000);
    while (out.count('\n') < 2 && !deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        out += process.readAllStandardOutput();
    }
    process.terminate();
    process.waitForFinished(5000);
    const QList<QByteArray> lines = out.split('\n');
    QVERIFY2(lines.size() >= 2, out.constData());
    QVERIFY(lines.at(0).startsWith("authkit-emulator listening on http://127.0.0.1:"));
    QVERIFY2(QRegularExpression(QStringLiteral("^convex deployment on http://127\\.0\\.0\\.1:\\d+$"))
                 .match(QString::fromLatin1(lines.at(1))).hasMatch(),
             lines.at(1).constData());
    QVERIFY(lines.at(0).mid(lines.at(0).lastIndexOf(':')) != lines.at(1).mid(lines.at(1).lastIndexOf(':')));

    QProcess help;
    help.start(QStringLiteral(AUTHKIT_EMULATOR_BINARY), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(10000));
    const QByteArray text = help.readAllStandardOutput();
    QVERIFY(text.contains("--convex-port"));
    QVERIFY(text.contains("--convex-auth-config"));
    QVERIFY(text.contains("--memory"));
    QVERIFY(text.contains("convex deployment on http://127.0.0.1:<port>"));
    // The WorkOS component's endpoint, for a project that points its webhooks at the deployment.
    QVERIFY(text.contains("POST /workos/webhook"));
}

QTEST_GUILESS_MAIN(TestConvexDeploymentHttp)
#include "tst_convexdeployment_http.moc"
