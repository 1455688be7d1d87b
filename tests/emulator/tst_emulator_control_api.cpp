// /_emulator/: health, the fault knobs on every endpoint group (respond, count, delay, drop),
// fault validation, sessions, the clock, the dev inbox, and the router's 404 / 405.

#include "EmulatorFixture.h"

#include "HtmlPage.h"
#include "HttpClient.h"
#include "Jwt.h"
#include "SignInDriver.h"
#include "WorkOsEnvelopes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

class TestEmulatorControlApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statsCountRecords();
    void inboxIsCappedAndExpires();

    void emptyInbox();
    void health();
    void unknownPathAndWrongMethod_data();
    void unknownPathAndWrongMethod();
    void requestIdsAreUnique();
    void respondWithRetryAfter();
    void respondWithJsonBody();
    void respondDefaults();
    void respondWithTextBody();
    void countAppliesExactly();
    void faultPerEndpointGroup_data();
    void faultPerEndpointGroup();
    void controlApiIsNeverFaulted();
    void delayThenRealReply();
    void delayWithStatus();
    void dropClosesConnection();
    void dropSeenByNetworkAccessManager();
    void listAndClearFaults();
    void invalidFaults_data();
    void invalidFaults();
    void writesNeedJson_data();
    void writesNeedJson();
    void sessionsListAndRevoke();
    void clock();
    void inbox();

private:
    QUrl url(const QString &path, const QueryItems &items = {}) const { return m_driver->url(path, items); }
    HttpResult armFault(const QJsonObject &fault);
    // One request to a member of an endpoint group, built so the real reply is known.
    HttpResult hit(const QString &group);
    int realStatus(const QString &group) const;

    std::unique_ptr<AuthKitEmulator> m_emulator;
    HttpClient m_http;
    std::unique_ptr<SignInDriver> m_driver;
};

void TestEmulatorControlApi::initTestCase()
{
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    m_driver = std::make_unique<SignInDriver>(m_http, m_emulator->baseUrl());
}

void TestEmulatorControlApi::init()
{
    m_http.resetCookies();
    m_driver->renew();
}

void TestEmulatorControlApi::cleanup()
{
    // A failed test must not leave faults behind for the next one.
    m_http.deleteResource(url(QStringLiteral("/_emulator/faults")));
}

HttpResult TestEmulatorControlApi::armFault(const QJsonObject &fault)
{
    return m_driver->control(QStringLiteral("/_emulator/faults"), fault);
}

HttpResult TestEmulatorControlApi::hit(const QString &group)
{
    if (group == QLatin1String("authorize"))
        return m_driver->authorize();
    if (group == QLatin1String("authenticate"))
        return m_driver->refresh(QStringLiteral("unknown-token"));
    if (group == QLatin1String("jwks"))
        return m_http.get(url(QStringLiteral("/sso/jwks/") + seed::devClient()));
    if (group == QLatin1String("logout"))
        return m_http.get(url(QStringLiteral("/user_management/sessions/logout"),
                              {{QStringLiteral("session_id"), QStringLiteral("session_unknown")}}));
    if (group == QLatin1String("hosted"))
        return m_http.get(url(QStringLiteral("/authkit/signed-out")));
    return m_http.get(url(QStringLiteral("/_emulator/health")));
}

int TestEmulatorControlApi::realStatus(const QString &group) const
{
    if (group == QLatin1String("authorize") || group == QLatin1String("logout"))
        return 302;
    if (group == QLatin1String("authenticate"))
        return 400;
    return 200;
}

void TestEmulatorControlApi::emptyInbox()
{
    // First: nothing has been sent on this emulator yet.
    const HttpResult json = m_http.get(url(QStringLiteral("/_emulator/inbox.json")));
    QCOMPARE(json.status, 200);
    QCOMPARE(json.compactJson(), QByteArray(R"({"messages":[]})"));
    const HttpResult page = m_http.get(url(QStringLiteral("/_emulator/inbox")));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY(HtmlPage(page.body).hasElement(QStringLiteral("inbox")));
    QVERIFY(page.body.contains("No messages yet."));
}

void TestEmulatorControlApi::health()
{
    const HttpResult result = m_http.get(url(QStringLiteral("/_emulator/health")));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.compactJson(), QByteArray(R"({"status":"ok"})"));
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    QVERIFY(!result.header("X-Request-ID").isEmpty());
    // HEAD is answered like GET, without a body.
    const HttpResult head = m_http.send("HEAD", url(QStringLiteral("/_emulator/health")));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
}

void TestEmulatorControlApi::unknownPathAndWrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray notFound = messageBody(QStringLiteral("Not found."));
    const QByteArray notAllowed = messageBody(QStringLiteral("Method not allowed."));
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/nope") << 404 << notFound;
    QTest::newRow("unknown control path") << QByteArray("GET") << QStringLiteral("/_emulator/nope") << 404 << notFound;
    QTest::newRow("root") << QByteArray("GET") << QStringLiteral("/") << 404 << notFound;
    QTest::newRow("path prefix is not a match")
        << QByteArray("GET") << QStringLiteral("/user_management/authorize/extra") << 404 << notFound;
    QTest::newRow("POST health") << QByteArray("POST") << QStringLiteral("/_emulator/health") << 405 << notAllowed;
    QTest::newRow("GET authenticate") << QByteArray("GET") << QStringLiteral("/user_management/authenticate")
                                      << 405 << notAllowed;
    QTest::newRow("DELETE authorize") << QByteArray("DELETE") << QStringLiteral("/user_management/authorize")
                                      << 405 << notAllowed;
    QTest::newRow("PUT faults") << QByteArray("PUT") << QStringLiteral("/_emulator/faults") << 405 << notAllowed;
    QTest::newRow("PATCH jwks") << QByteArray("PATCH") << QStringLiteral("/sso/jwks/") + seed::devClient()
                                << 405 << notAllowed;
    QTest::newRow("GET revoke") << QByteArray("GET") << QStringLiteral("/_emulator/sessions/session_x/revoke")
                                << 405 << notAllowed;
}

void TestEmulatorControlApi::unknownPathAndWrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    const HttpResult result = m_http.send(method, url(path), method == "GET" ? QByteArray() : QByteArray("{}"),
                                          {{"Content-Type", "application/json"}});
    QCOMPARE(result.status, status);
    QCOMPARE(result.compactJson(), expected);
    QVERIFY(!result.header("X-Request-ID").isEmpty());
}

void TestEmulatorControlApi::requestIdsAreUnique()
{
    QSet<QByteArray> ids;
    for (const QString &group : {QStringLiteral("authorize"), QStringLiteral("authenticate"),
                                 QStringLiteral("jwks"), QStringLiteral("logout"),
                                 QStringLiteral("hosted"), QStringLiteral("health")}) {
        const QByteArray id = hit(group).header("X-Request-ID");
        QVERIFY2(!id.isEmpty(), qPrintable(group));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 6);
}

void TestEmulatorControlApi::respondWithRetryAfter()
{
    const HttpResult armed = armFault(QJsonDocument::fromJson(R"({
        "endpoint": "authenticate", "action": "respond", "status": 429,
        "body": {"code": "rate_limit_exceeded", "message": "Too many requests."},
        "headers": {"Retry-After": "2"}})").object());
    QCOMPARE(armed.status, 201);
    QVERIFY(armed.json().value(QLatin1String("id")).toInt() > 0);
    QCOMPARE(armed.json().keys(), QStringList{QStringLiteral("id")});

    const HttpResult faulted = m_driver->refresh(QStringLiteral("whatever"));
    QCOMPARE(faulted.status, 429);
    QCOMPARE(faulted.header("Retry-After"), QByteArray("2"));
    QCOMPARE(faulted.compactJson(), codeErrorBody(QStringLiteral("rate_limit_exceeded"),
                                                  QStringLiteral("Too many requests.")));
    QVERIFY(faulted.header("Content-Type").startsWith("application/json"));
    QVERIFY(!faulted.header("X-Request-ID").isEmpty());

    // Once only (count defaults to 1): the real reply is back.
    const HttpResult real = m_driver->refresh(QStringLiteral("whatever"));
    QCOMPARE(real.status, 400);
    QVERIFY(!real.hasHeader("Retry-After"));
    QCOMPARE(real.compactJson(), oauthErrorBody(QStringLiteral("invalid_grant"), QStringLiteral("Invalid refresh token.")));
}

void TestEmulatorControlApi::respondWithJsonBody()
{
    QCOMPARE(armFault(QJsonDocument::fromJson(R"({"endpoint":"jwks","status":503,
        "body":{"message":"Service unavailable, try again."}})").object()).status, 201);
    const HttpResult faulted = hit(QStringLiteral("jwks"));
    QCOMPARE(faulted.status, 503);
    QCOMPARE(faulted.compactJson(), messageBody(QStringLiteral("Service unavailable, try again.")));
    QCOMPARE(hit(QStringLiteral("jwks")).status, 200);
}

void TestEmulatorControlApi::respondDefaults()
{
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("logout")}}).status, 201);
    const HttpResult faulted = hit(QStringLiteral("logout"));
    QCOMPARE(faulted.status, 500);
    QCOMPARE(faulted.compactJson(), messageBody(QStringLiteral("Injected fault.")));
    QVERIFY(!faulted.hasHeader("Location"));
}

void TestEmulatorControlApi::respondWithTextBody()
{
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("authorize")},
                       {QStringLiteral("status"), 502},
                       {QStringLiteral("body"), QStringLiteral("<h1>Bad gateway</h1>")}}).status, 201);
    const HttpResult faulted = m_driver->authorize();
    QCOMPARE(faulted.status, 502);
    QCOMPARE(faulted.body, QByteArray("<h1>Bad gateway</h1>"));
    QCOMPARE(faulted.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    QVERIFY(!faulted.hasHeader("Location"));
}

void TestEmulatorControlApi::countAppliesExactly()
{
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("jwks")},
                       {QStringLiteral("status"), 503},
                       {QStringLiteral("count"), 3}}).status, 201);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(hit(QStringLiteral("jwks")).status, 503);
        const QJsonArray pending = m_http.get(url(QStringLiteral("/_emulator/faults"))).json()
                                       .value(QLatin1String("data")).toArray();
        if (i < 2)
            QCOMPARE(pending.first().toObject().value(QLatin1String("remaining")).toInt(), 2 - i);
        else
            QVERIFY(pending.isEmpty());
    }
    QCOMPARE(hit(QStringLiteral("jwks")).status, 200);
    QCOMPARE(hit(QStringLiteral("jwks")).status, 200);
}

void TestEmulatorControlApi::faultPerEndpointGroup_data()
{
    QTest::addColumn<QString>("group");
    for (const QString &group : {QStringLiteral("authorize"), QStringLiteral("authenticate"),
                                 QStringLiteral("jwks"), QStringLiteral("logout"), QStringLiteral("hosted")})
        QTest::newRow(qPrintable(group)) << group;
}

void TestEmulatorControlApi::faultPerEndpointGroup()
{
    QFETCH(QString, group);
    const QStringList groups{QStringLiteral("authorize"), QStringLiteral("authenticate"),
                             QStringLiteral("jwks"), QStringLiteral("logout"), QStringLiteral("hosted")};
    QCOMPARE(armFault({{QStringLiteral("endpoint"), group},
                       {QStringLiteral("status"), 503},
                       {QStringLiteral("body"), QJsonObject{{QStringLiteral("message"), group}}}}).status, 201);
    // The other groups are untouched and do not consume it.
    for (const QString &other : groups) {
        if (other != group)
            QCOMPARE(hit(other).status, realStatus(other));
    }
    const HttpResult faulted = hit(group);
    QCOMPARE(faulted.status, 503);
    QCOMPARE(faulted.compactJson(), messageBody(group));
    QCOMPARE(hit(group).status, realStatus(group));
}

void TestEmulatorControlApi::controlApiIsNeverFaulted()
{
    for (const QString &group : {QStringLiteral("authorize"), QStringLiteral("authenticate"),
                                 QStringLiteral("jwks"), QStringLiteral("logout"), QStringLiteral("hosted")})
        QCOMPARE(armFault({{QStringLiteral("endpoint"), group}, {QStringLiteral("action"), QStringLiteral("drop")}}).status, 201);
    QCOMPARE(m_http.get(url(QStringLiteral("/_emulator/health"))).status, 200);
    QCOMPARE(m_http.get(url(QStringLiteral("/_emulator/sessions"))).status, 200);
    QCOMPARE(m_http.get(url(QStringLiteral("/_emulator/faults"))).json().value(QLatin1String("data")).toArray().size(), 5);
    // Nor are 404s (they belong to no group).
    QCOMPARE(m_http.get(url(QStringLiteral("/nope"))).status, 404);
    QCOMPARE(m_http.get(url(QStringLiteral("/_emulator/faults"))).json().value(QLatin1String("data")).toArray().size(), 5);
}

void TestEmulatorControlApi::delayThenRealReply()
{
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("jwks")},
                       {QStringLiteral("action"), QStringLiteral("delay")},
                       {QStringLiteral("delay_ms"), 400}}).status, 201);
    const HttpResult delayed = hit(QStringLiteral("jwks"));
    QCOMPARE(delayed.status, 200);
    QVERIFY2(delayed.elapsedMs >= 400, qPrintable(QString::number(delayed.elapsedMs)));
    QCOMPARE(delayed.json().value(QLatin1String("keys")).toArray().size(), 1);
    QVERIFY(!delayed.header("X-Request-ID").isEmpty());

    // While one reply is held back, the server keeps serving others.
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                       {QStringLiteral("action"), QStringLiteral("delay")},
                       {QStringLiteral("delay_ms"), 300}}).status, 201);
    HttpClient other;
    QElapsedTimer timer;
    timer.start();
    bool healthSeen = false;
    qint64 healthAt = -1;
    QTimer::singleShot(0, this, [&] {
        healthSeen = other.get(url(QStringLiteral("/_emulator/health"))).status == 200;
        healthAt = timer.elapsed();
    });
    const HttpResult slow = m_driver->refresh(QStringLiteral("x"));
    QCOMPARE(slow.status, 400);
    QVERIFY(slow.elapsedMs >= 300);
    QVERIFY(healthSeen);
    QVERIFY2(healthAt < 300, qPrintable(QString::number(healthAt)));
}

void TestEmulatorControlApi::delayWithStatus()
{
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                       {QStringLiteral("action"), QStringLiteral("delay")},
                       {QStringLiteral("delay_ms"), 250},
                       {QStringLiteral("status"), 504},
                       {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), 1}}}}).status, 201);
    const HttpResult result = m_driver->refresh(QStringLiteral("x"));
    QCOMPARE(result.status, 504);
    QVERIFY(result.elapsedMs >= 250);
    QCOMPARE(result.header("Retry-After"), QByteArray("1"));
    QCOMPARE(result.compactJson(), messageBody(QStringLiteral("Injected fault.")));
}

void TestEmulatorControlApi::dropClosesConnection()
{
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("jwks")},
                       {QStringLiteral("action"), QStringLiteral("drop")},
                       {QStringLiteral("count"), 2}}).status, 201);
    const QByteArray request = "GET /sso/jwks/" + seed::devClient().toLatin1()
                               + " HTTP/1.1\r\nHost: 127.0.0.1:"
                               + QByteArray::number(m_emulator->port())
                               + "\r\nConnection: close\r\n\r\n";
    // Exactly two connections are closed without a byte of reply...
    for (int i = 0; i < 2; ++i) {
        const auto dropped = HttpClient::rawExchange(m_emulator->port(), request);
        QVERIFY(dropped.connected);
        QVERIFY(dropped.closedByPeer);
        QVERIFY(!dropped.timedOut);
        QCOMPARE(dropped.received, QByteArray());
    }
    // ...and the third gets the real reply.
    const auto normal = HttpClient::rawExchange(m_emulator->port(), request);
    QVERIFY2(normal.received.startsWith("HTTP/1.1 200 OK\r\n"), normal.received.left(200));
    QVERIFY(normal.received.contains("\"keys\""));
}

void TestEmulatorControlApi::dropSeenByNetworkAccessManager()
{
    // QNetworkAccessManager quietly resends a request when a connection closes before any
    // reply, so enough drops are armed for it to give up and report the error.
    QCOMPARE(armFault({{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                       {QStringLiteral("action"), QStringLiteral("drop")},
                       {QStringLiteral("count"), 5}}).status, 201);
    HttpClient fresh;
    const HttpResult result = fresh.postJson(url(QStringLiteral("/user_management/authenticate")),
                                             {{QStringLiteral("client_id"), seed::devClient()}});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(!result.timedOut);
    QVERIFY(result.body.isEmpty());
    const QJsonArray pending = m_http.get(url(QStringLiteral("/_emulator/faults"))).json()
                                   .value(QLatin1String("data")).toArray();
    QVERIFY(pending.isEmpty() || pending.first().toObject().value(QLatin1String("remaining")).toInt() < 5);

    QCOMPARE(m_http.deleteResource(url(QStringLiteral("/_emulator/faults"))).status, 200);
    QCOMPARE(fresh.postJson(url(QStringLiteral("/user_management/authenticate")),
                            {{QStringLiteral("client_id"), seed::devClient()}}).status, 400);
}

void TestEmulatorControlApi::listAndClearFaults()
{
    const int first = armFault({{QStringLiteral("endpoint"), QStringLiteral("hosted")},
                                {QStringLiteral("status"), 429},
                                {QStringLiteral("count"), 2},
                                {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), QStringLiteral("5")}}}})
                          .json().value(QLatin1String("id")).toInt();
    const int second = armFault({{QStringLiteral("endpoint"), QStringLiteral("logout")},
                                 {QStringLiteral("action"), QStringLiteral("delay")},
                                 {QStringLiteral("delay_ms"), 10}})
                           .json().value(QLatin1String("id")).toInt();
    QVERIFY(second > first);
    const HttpResult list = m_http.get(url(QStringLiteral("/_emulator/faults")));
    QCOMPARE(list.status, 200);
    const QJsonArray data = list.json().value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(QJsonDocument(data.at(0).toObject()).toJson(QJsonDocument::Compact),
             QJsonDocument(QJsonObject{{QStringLiteral("id"), first},
                                       {QStringLiteral("endpoint"), QStringLiteral("hosted")},
                                       {QStringLiteral("action"), QStringLiteral("respond")},
                                       {QStringLiteral("remaining"), 2},
                                       {QStringLiteral("status"), 429},
                                       {QStringLiteral("delay_ms"), 0},
                                       {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), QStringLiteral("5")}}}})
                 .toJson(QJsonDocument::Compact));
    QCOMPARE(data.at(1).toObject().value(QLatin1String("action")).toString(), QStringLiteral("delay"));

    const HttpResult cleared = m_http.deleteResource(url(QStringLiteral("/_emulator/faults")));
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.compactJson(), QByteArray(R"({"cleared":true})"));
    QVERIFY(m_http.get(url(QStringLiteral("/_emulator/faults"))).json().value(QLatin1String("data")).toArray().isEmpty());
    QCOMPARE(hit(QStringLiteral("hosted")).status, 200);
}

void TestEmulatorControlApi::invalidFaults_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    const auto invalid = [](const char *message) {
        return codeErrorBody(QStringLiteral("invalid_request_parameters"), QLatin1String(message));
    };
    QTest::newRow("unknown endpoint") << QByteArray(R"({"endpoint":"everything"})") << 422
                                      << invalid("endpoint must be one of: authorize, authenticate, jwks, logout, hosted, convex");
    QTest::newRow("empty object") << QByteArray("{}") << 422
                                  << invalid("endpoint must be one of: authorize, authenticate, jwks, logout, hosted, convex");
    QTest::newRow("unknown action") << QByteArray(R"({"endpoint":"jwks","action":"crash"})") << 422
                                    << invalid("action must be respond, delay, drop or drop_after_commit");
    QTest::newRow("count 0") << QByteArray(R"({"endpoint":"jwks","count":0})") << 422
                             << invalid("count must be between 1 and 10000");
    QTest::newRow("status 100") << QByteArray(R"({"endpoint":"jwks","status":100})") << 422
                                << invalid("status must be an HTTP status from 200 to 599");
    QTest::newRow("delay without delay_ms") << QByteArray(R"({"endpoint":"jwks","action":"delay"})") << 422
                                            << invalid("a delay needs delay_ms");
    QTest::newRow("header injection") << QByteArray(R"({"endpoint":"jwks","headers":{"X":"a\r\nSet-Cookie: x=1"}})")
                                      << 422 << invalid("header names and values must be single lines");
    QTest::newRow("array body") << QByteArray(R"([{"endpoint":"jwks"}])") << 400
                                << codeErrorBody(QStringLiteral("invalid_request"),
                                                 QStringLiteral("The body must be a JSON object."));
    QTest::newRow("malformed") << QByteArray(R"({"endpoint":)") << 400
                               << codeErrorBody(QStringLiteral("invalid_request"),
                                                QStringLiteral("The body must be a JSON object."));
}

void TestEmulatorControlApi::invalidFaults()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    const HttpResult result = m_http.post(url(QStringLiteral("/_emulator/faults")), body, "application/json");
    QCOMPARE(result.status, status);
    QCOMPARE(result.compactJson(), expected);
    QVERIFY(m_http.get(url(QStringLiteral("/_emulator/faults"))).json().value(QLatin1String("data")).toArray().isEmpty());
}

void TestEmulatorControlApi::writesNeedJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    for (const char *path : {"/_emulator/faults", "/_emulator/keys/rotate", "/_emulator/clock",
                             "/_emulator/sessions/session_unknown/revoke"}) {
        QTest::addRow("%s text/plain", path) << QString::fromLatin1(path) << QByteArray("text/plain");
        QTest::addRow("%s form", path) << QString::fromLatin1(path) << QByteArray("application/x-www-form-urlencoded");
    }
}

void TestEmulatorControlApi::writesNeedJson()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    const HttpResult result = m_http.post(url(path), R"({"endpoint":"jwks","advance_seconds":100000})", contentType);
    QCOMPARE(result.status, 415);
    QCOMPARE(result.compactJson(), codeErrorBody(QStringLiteral("invalid_request"),
                                                 QStringLiteral("Control requests must be application/json.")));
    // Nothing happened.
    QVERIFY(m_http.get(url(QStringLiteral("/_emulator/faults"))).json().value(QLatin1String("data")).toArray().isEmpty());
    QCOMPARE(m_http.get(url(QStringLiteral("/sso/jwks/") + seed::devClient())).json()
                 .value(QLatin1String("keys")).toArray().size(), 1);
    // A charset parameter is fine.
    const HttpResult withCharset = m_http.post(url(QStringLiteral("/_emulator/clock")), "{}",
                                               "application/json; charset=utf-8");
    QCOMPARE(withCharset.status, 200);
    QCOMPARE(withCharset.json().value(QLatin1String("offset_seconds")).toInteger(), qint64(0));
}

void TestEmulatorControlApi::sessionsListAndRevoke()
{
    const QJsonObject body = m_driver->signInAndExchange(seed::grace(), seed::harvard());
    const QString sid = Jwt::decode(body.value(QLatin1String("access_token")).toString().toLatin1())
                            .claims.value(QLatin1String("sid")).toString();
    QVERIFY(!sid.isEmpty());

    const auto find = [&] {
        const HttpResult list = m_http.get(url(QStringLiteral("/_emulator/sessions")));
        for (const QJsonValue &value : list.json().value(QLatin1String("data")).toArray()) {
            if (value.toObject().value(QLatin1String("id")).toString() == sid)
                return value.toObject();
        }
        return QJsonObject();
    };
    QJsonObject session = find();
    QCOMPARE(session.value(QLatin1String("object")).toString(), QStringLiteral("session"));
    QCOMPARE(session.value(QLatin1String("user_id")).toString(), seed::graceId());
    QCOMPARE(session.value(QLatin1String("client_id")).toString(), seed::devClient());
    QCOMPARE(session.value(QLatin1String("organization_id")).toString(), seed::harvard());
    QCOMPARE(session.value(QLatin1String("authentication_method")).toString(), QStringLiteral("Password"));
    QCOMPARE(session.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    const QDateTime created = QDateTime::fromString(session.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
    const QDateTime expires = QDateTime::fromString(session.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs);
    QCOMPARE(created.secsTo(expires), qint64(30) * 24 * 3600);

    const HttpResult revoke = m_driver->control(QStringLiteral("/_emulator/sessions/%1/revoke").arg(sid), {});
    QCOMPARE(revoke.status, 200);
    QCOMPARE(revoke.compactJson(), QByteArray(R"({"revoked":true})"));
    QCOMPARE(find().value(QLatin1String("status")).toString(), QStringLiteral("revoked"));
    QCOMPARE(m_driver->refresh(body.value(QLatin1String("refresh_token")).toString()).status, 400);
    // The browser that signed in is not silently signed in any more.
    m_driver->renew();
    QCOMPARE(m_driver->authorize().location().path(), QStringLiteral("/authkit/sign-in"));

    const HttpResult unknown = m_driver->control(QStringLiteral("/_emulator/sessions/session_01J0000000000000000000NOPE/revoke"), {});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.compactJson(), messageBody(QStringLiteral("Session session_01J0000000000000000000NOPE not found.")));
}

void TestEmulatorControlApi::clock()
{
    const HttpResult start = m_driver->control(QStringLiteral("/_emulator/clock"), {});
    QCOMPARE(start.status, 200);
    const qint64 offset = start.json().value(QLatin1String("offset_seconds")).toInteger();
    const QDateTime before = QDateTime::fromString(start.json().value(QLatin1String("now")).toString(), Qt::ISODateWithMs);
    QVERIFY(before.isValid());
    QVERIFY(qAbs(before.secsTo(QDateTime::currentDateTimeUtc()) + offset) <= 5);

    const HttpResult moved = m_driver->control(QStringLiteral("/_emulator/clock"), {{QStringLiteral("advance_seconds"), 3600}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json().value(QLatin1String("offset_seconds")).toInteger(), offset + 3600);
    const QDateTime after = QDateTime::fromString(moved.json().value(QLatin1String("now")).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(before.secsTo(after) - 3600) <= 5);

    // Tokens follow the emulator's clock.
    const Jwt jwt = Jwt::decode(m_driver->signInAndExchange(seed::ada())
                                    .value(QLatin1String("access_token")).toString().toLatin1());
    QVERIFY(qAbs(jwt.claims.value(QLatin1String("iat")).toInteger() - after.toSecsSinceEpoch()) <= 5);

    const HttpResult back = m_driver->control(QStringLiteral("/_emulator/clock"), {{QStringLiteral("advance_seconds"), -3600}});
    QCOMPARE(back.json().value(QLatin1String("offset_seconds")).toInteger(), offset);

    for (const QJsonValue &bad : {QJsonValue(QStringLiteral("3600")), QJsonValue(true), QJsonValue(1e12),
                                  QJsonValue(QJsonValue::Null)}) {
        const HttpResult rejected = m_driver->control(QStringLiteral("/_emulator/clock"), {{QStringLiteral("advance_seconds"), bad}});
        QCOMPARE(rejected.status, 422);
        QCOMPARE(rejected.compactJson(), codeErrorBody(QStringLiteral("invalid_request_parameters"),
                                                       QStringLiteral("advance_seconds must be a number of seconds.")));
    }
    QCOMPARE(m_driver->control(QStringLiteral("/_emulator/clock"), {}).json().value(QLatin1String("offset_seconds")).toInteger(),
             offset);
}

void TestEmulatorControlApi::inbox()
{
    QSignalSpy sent(m_emulator.get(), &AuthKitEmulator::oneTimeCodeSent);
    const HttpResult page = m_driver->follow(m_driver->authorize());
    const QString attempt = SignInDriver::attemptOf(page);
    for (const QString &email : {QStringLiteral("first@example.com"), QStringLiteral("second+<b>@example.com")}) {
        QCOMPARE(m_driver->postHosted(QStringLiteral("/authkit/email-code"), attempt,
                                      {{QStringLiteral("email"), email}}).status, 302);
    }
    QCOMPARE(sent.size(), 2);

    const HttpResult json = m_http.get(url(QStringLiteral("/_emulator/inbox.json")));
    const QJsonArray messages = json.json().value(QLatin1String("messages")).toArray();
    QVERIFY(messages.size() >= 2);
    const QJsonObject newest = messages.at(0).toObject();
    QStringList keys = newest.keys();
    QCOMPARE(keys, (QStringList{QStringLiteral("code"), QStringLiteral("email"), QStringLiteral("kind"),
                                QStringLiteral("sent_at")}));
    QCOMPARE(newest.value(QLatin1String("email")).toString(), QStringLiteral("second+<b>@example.com"));
    QCOMPARE(newest.value(QLatin1String("code")).toString(), sent.at(1).at(1).toString());
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("email")).toString(), QStringLiteral("first@example.com"));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("code")).toString(), sent.at(0).at(1).toString());

    const HttpResult html = m_http.get(url(QStringLiteral("/_emulator/inbox")));
    QCOMPARE(html.status, 200);
    QVERIFY(!html.body.contains("<b>@"));
    QVERIFY(html.body.contains("second+&lt;b&gt;@example.com"));
    QVERIFY(html.body.contains(sent.at(0).at(1).toString().toLatin1()));
    QVERIFY(html.body.indexOf("second+") < html.body.indexOf("first@")); // newest first
    QVERIFY(!html.body.contains("No messages yet."));
}

void TestEmulatorControlApi::statsCountRecords()
{
    const QJsonObject before = m_http.get(url(QStringLiteral("/_emulator/stats"))).json();
    for (const char *key : {"login_attempts", "authorization_codes", "refresh_tokens", "sessions",
                            "inbox_messages"})
        QVERIFY2(before.value(QLatin1String(key)).isDouble(), key);
    m_http.resetCookies();
    QVERIFY(!m_driver->signInAndExchange(seed::ada()).isEmpty());
    const QJsonObject after = m_http.get(url(QStringLiteral("/_emulator/stats"))).json();
    QCOMPARE(after.value(QLatin1String("sessions")).toInt(), before.value(QLatin1String("sessions")).toInt() + 1);
    QCOMPARE(after.value(QLatin1String("refresh_tokens")).toInt(),
             before.value(QLatin1String("refresh_tokens")).toInt() + 1);
    QCOMPARE(after.value(QLatin1String("authorization_codes")).toInt(),
             before.value(QLatin1String("authorization_codes")).toInt() + 1);
}

void TestEmulatorControlApi::inboxIsCappedAndExpires()
{
    EmulatorOptions options;
    options.maxInboxMessages = 2;
    const auto emulator = startEmulator(options);
    QVERIFY(emulator);
    HttpClient http;
    SignInDriver driver(http, emulator->baseUrl());
    const QString attempt = SignInDriver::attemptOf(driver.follow(driver.authorize()));
    for (const QString &email : {QStringLiteral("one@example.com"), QStringLiteral("two@example.com"),
                                 QStringLiteral("three@example.com")})
        QCOMPARE(driver.postHosted(QStringLiteral("/authkit/email-code"), attempt,
                                   {{QStringLiteral("email"), email}}).status, 302);
    const QUrl inbox = driver.url(QStringLiteral("/_emulator/inbox.json"));
    const QJsonArray messages = http.get(inbox).json().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2); // the oldest was dropped
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("email")).toString(), QStringLiteral("three@example.com"));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("email")).toString(), QStringLiteral("two@example.com"));
    // A message lives as long as its code, ten minutes.
    driver.advanceClock(601);
    QVERIFY(http.get(inbox).json().value(QLatin1String("messages")).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestEmulatorControlApi)
#include "tst_emulator_control_api.moc"
