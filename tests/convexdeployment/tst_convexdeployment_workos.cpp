// The WorkOS component step (lib/emulator/README.md, "Convex deployment"): POST /workos/webhook
// on the deployment verifies WorkOS-Signature and keeps the WorkOS users table in sync, the
// emulator's own events reach it without configuration, and users:viewer and messages:list
// carry the names. Real HTTP against an in-process emulator.

#include "EmulatorFixture.h"
#include "HttpClient.h"
#include "SignInDriver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

const QByteArray kSecret = QByteArrayLiteral("whsec_component_test");

QByteArray signature(const QByteArray &body, const QByteArray &secret, qint64 timestampMs)
{
    const QByteArray timestamp = QByteArray::number(timestampMs);
    return "t=" + timestamp + ", v1="
           + QMessageAuthenticationCode::hash(timestamp + '.' + body, secret,
                                              QCryptographicHash::Sha256)
                 .toHex();
}

QByteArray userEvent(const QString &type, const QString &id, const QString &firstName,
                     const QString &lastName)
{
    const QJsonObject event{
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("id"), QString(QStringLiteral("event_01JTEST") + type)},
        {QStringLiteral("event"), type},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("object"), QStringLiteral("user")},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("email"), QStringLiteral("ada@example.com")},
                     {QStringLiteral("first_name"), firstName},
                     {QStringLiteral("last_name"), lastName}}},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00.000Z")},
    };
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

} // namespace

class TestConvexDeploymentWorkOs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wrongSignaturesAreRefused_data();
    void wrongSignaturesAreRefused();
    void signedNonEventsAreBadRequests();
    void userEventsKeepTheUsersTableInSync();
    void seededUsersHaveNames();
    void messagesCarryTheAuthorsName();
    void theEmulatorsOwnEventsArrive();
    void userApiChangesReachTheDeployment();

private:
    HttpResult postWebhook(const QByteArray &body, const QByteArray &signatureHeader);
    QJsonObject run(const QString &kind, const QString &path, const QString &accessToken,
                    const QJsonObject &args = {});
    QString viewerName(const QString &accessToken);

    HttpClient m_http;
    std::unique_ptr<AuthKitEmulator> m_emulator;
};

void TestConvexDeploymentWorkOs::init()
{
    EmulatorOptions options;
    options.convexWorkOsWebhookSecret = QString::fromLatin1(kSecret);
    options.apiKeys = {QStringLiteral("sk_test_component_suite")};
    m_emulator = startEmulator(options);
    QVERIFY(m_emulator);
}

void TestConvexDeploymentWorkOs::cleanup()
{
    m_emulator.reset();
}

HttpResult TestConvexDeploymentWorkOs::postWebhook(const QByteArray &body,
                                                   const QByteArray &signatureHeader)
{
    HeaderList headers;
    if (!signatureHeader.isEmpty())
        headers.append({"WorkOS-Signature", signatureHeader});
    return m_http.post(endpoint(m_emulator->convexUrl(), QStringLiteral("/workos/webhook")), body,
                       "application/json", headers);
}

QJsonObject TestConvexDeploymentWorkOs::run(const QString &kind, const QString &path,
                                            const QString &accessToken, const QJsonObject &args)
{
    HeaderList headers;
    if (!accessToken.isEmpty())
        headers.append({"Authorization", "Bearer " + accessToken.toUtf8()});
    const HttpResult result = m_http.post(
        endpoint(m_emulator->convexUrl(), QStringLiteral("/api/") + kind),
        QJsonDocument(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("args"), args}})
            .toJson(QJsonDocument::Compact),
        "application/json", headers);
    return result.json();
}

QString TestConvexDeploymentWorkOs::viewerName(const QString &accessToken)
{
    return run(QStringLiteral("query"), QStringLiteral("users:viewer"), accessToken)
        .value(QStringLiteral("value"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

void TestConvexDeploymentWorkOs::wrongSignaturesAreRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    const QByteArray body = userEvent(QStringLiteral("user.updated"), seed::adaId(),
                                      QStringLiteral("Mallory"), QString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QTest::newRow("none") << QByteArray();
    QTest::newRow("other secret") << signature(body, "not-the-secret", now);
    QTest::newRow("other body") << signature(body + ' ', kSecret, now);
    QTest::newRow("stale") << signature(body, kSecret, now - 10 * 60 * 1000);
    QTest::newRow("malformed") << QByteArray("v1=abc");
}

void TestConvexDeploymentWorkOs::wrongSignaturesAreRefused()
{
    QFETCH(QByteArray, header);
    const QByteArray body = userEvent(QStringLiteral("user.updated"), seed::adaId(),
                                      QStringLiteral("Mallory"), QString());
    QCOMPARE(postWebhook(body, header).status, 401);
    // Nothing changed: Ada keeps her name.
    SignInDriver driver(m_http, m_emulator->baseUrl());
    const QString token =
        driver.signInAndExchange(seed::ada()).value(QStringLiteral("access_token")).toString();
    QCOMPARE(viewerName(token), QStringLiteral("Ada Lovelace"));
}

void TestConvexDeploymentWorkOs::signedNonEventsAreBadRequests()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QByteArray &body :
         {QByteArray("not json"), QByteArray("{\"event\":\"user.created\",\"data\":{}}")}) {
        QCOMPARE(postWebhook(body, signature(body, kSecret, now)).status, 400);
    }
    // Another event type is taken and changes nothing.
    const QByteArray body = QByteArrayLiteral("{\"event\":\"session.created\",\"data\":{}}");
    QCOMPARE(postWebhook(body, signature(body, kSecret, now)).status, 200);
}

void TestConvexDeploymentWorkOs::userEventsKeepTheUsersTableInSync()
{
    SignInDriver driver(m_http, m_emulator->baseUrl());
    const QString token =
        driver.signInAndExchange(seed::ada()).value(QStringLiteral("access_token")).toString();
    QVERIFY(!token.isEmpty());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    // user.deleted removes the row: the viewer has no name any more.
    QByteArray body =
        userEvent(QStringLiteral("user.deleted"), seed::adaId(), QString(), QString());
    QCOMPARE(postWebhook(body, signature(body, kSecret, now)).status, 200);
    QVERIFY(viewerName(token).isEmpty());

    // user.created makes a row again, user.updated changes it.
    body = userEvent(QStringLiteral("user.created"), seed::adaId(), QStringLiteral("Augusta Ada"),
                     QStringLiteral("King"));
    QCOMPARE(postWebhook(body, signature(body, kSecret, now)).status, 200);
    QCOMPARE(viewerName(token), QStringLiteral("Augusta Ada King"));
    body = userEvent(QStringLiteral("user.updated"), seed::adaId(), QStringLiteral("Ada"),
                     QStringLiteral("Lovelace"));
    QCOMPARE(postWebhook(body, signature(body, kSecret, now)).status, 200);
    QCOMPARE(viewerName(token), QStringLiteral("Ada Lovelace"));
    const QJsonObject profile = run(QStringLiteral("query"), QStringLiteral("users:viewer"), token)
                                    .value(QStringLiteral("value"))
                                    .toObject()
                                    .value(QStringLiteral("profile"))
                                    .toObject();
    QCOMPARE(profile.value(QStringLiteral("id")).toString(), seed::adaId());
    QCOMPARE(profile.value(QStringLiteral("firstName")).toString(), QStringLiteral("Ada"));
}

void TestConvexDeploymentWorkOs::seededUsersHaveNames()
{
    SignInDriver driver(m_http, m_emulator->baseUrl());
    const QString token =
        driver.signInAndExchange(seed::grace()).value(QStringLiteral("access_token")).toString();
    QCOMPARE(viewerName(token), QStringLiteral("Grace Hopper"));
}

void TestConvexDeploymentWorkOs::messagesCarryTheAuthorsName()
{
    SignInDriver driver(m_http, m_emulator->baseUrl());
    const QString token =
        driver.signInAndExchange(seed::ada()).value(QStringLiteral("access_token")).toString();
    QCOMPARE(run(QStringLiteral("mutation"), QStringLiteral("users:store"), token)
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("success"));
    QCOMPARE(run(QStringLiteral("mutation"), QStringLiteral("messages:send"), token,
                 {{QStringLiteral("body"), QStringLiteral("Hello")}})
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("success"));
    const QJsonArray messages = run(QStringLiteral("query"), QStringLiteral("messages:list"), {})
                                    .value(QStringLiteral("value"))
                                    .toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject message = messages.first().toObject();
    QCOMPARE(message.value(QStringLiteral("authorName")).toString(),
             QStringLiteral("Ada Lovelace"));
    QCOMPARE(message.value(QStringLiteral("authorId")).toString(), seed::adaId());
    QCOMPARE(message.value(QStringLiteral("body")).toString(), QStringLiteral("Hello"));
    QVERIFY(message.contains(QStringLiteral("author"))); // kept for older clients
}

void TestConvexDeploymentWorkOs::theEmulatorsOwnEventsArrive()
{
    // A sign-up records user.created; the deployment has the new person's name with no
    // webhook configured.
    SignInDriver driver(m_http, m_emulator->baseUrl());
    QueryItems params = driver.authorizeParams();
    params.append({QStringLiteral("screen_hint"), QStringLiteral("sign-up")});
    const HttpResult page = driver.follow(driver.authorize(params));
    const QString attempt = SignInDriver::attemptOf(page);
    QVERIFY2(!attempt.isEmpty(), page.describe());
    const HttpResult callback =
        driver.postHosted(QStringLiteral("/authkit/sign-up"), attempt,
                          {{QStringLiteral("first_name"), QStringLiteral("Mary")},
                           {QStringLiteral("last_name"), QStringLiteral("Jackson")},
                           {QStringLiteral("email"), QStringLiteral("mary.jackson@example.com")},
                           {QStringLiteral("password"), QStringLiteral("wind-tunnel")}});
    QVERIFY2(driver.isCallback(callback), callback.describe());
    const QString token = driver.exchangeCode(driver.codeOf(callback))
                              .json()
                              .value(QStringLiteral("access_token"))
                              .toString();
    QVERIFY(!token.isEmpty());
    QCOMPARE(viewerName(token), QStringLiteral("Mary Jackson"));
}

// PUT and DELETE /user_management/users/:id (with the API key) record user.updated and
// user.deleted; the deployment's users table follows, so names change and then go.
void TestConvexDeploymentWorkOs::userApiChangesReachTheDeployment()
{
    SignInDriver driver(m_http, m_emulator->baseUrl());
    const QString token =
        driver.signInAndExchange(seed::grace()).value(QStringLiteral("access_token")).toString();
    QCOMPARE(run(QStringLiteral("mutation"), QStringLiteral("messages:send"), token,
                 {{QStringLiteral("body"), QStringLiteral("Nanoseconds")}})
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("success"));
    const QUrl user = endpoint(m_emulator->baseUrl(),
                               QStringLiteral("/user_management/users/") + seed::graceId());
    const HeaderList headers{{"Authorization", "Bearer sk_test_component_suite"},
                             {"Content-Type", "application/json"}};
    QCOMPARE(m_http
                 .send("PUT", user,
                       QJsonDocument(QJsonObject{{QStringLiteral("first_name"),
                                                  QStringLiteral("Amazing Grace")}})
                           .toJson(QJsonDocument::Compact),
                       headers)
                 .status,
             200);
    QCOMPARE(viewerName(token), QStringLiteral("Amazing Grace Hopper"));
    auto lastMessage = [this] {
        return run(QStringLiteral("query"), QStringLiteral("messages:list"), {})
            .value(QStringLiteral("value"))
            .toArray()
            .last()
            .toObject();
    };
    QCOMPARE(lastMessage().value(QStringLiteral("authorName")).toString(),
             QStringLiteral("Amazing Grace Hopper"));

    QCOMPARE(m_http.send("DELETE", user, {}, headers).status, 202);
    const QJsonObject orphan = lastMessage();
    QCOMPARE(orphan.value(QStringLiteral("authorId")).toString(), seed::graceId());
    QVERIFY2(!orphan.contains(QStringLiteral("authorName")),
             QJsonDocument(orphan).toJson().constData());
}

QTEST_GUILESS_MAIN(TestConvexDeploymentWorkOs)
#include "tst_convexdeployment_workos.moc"
