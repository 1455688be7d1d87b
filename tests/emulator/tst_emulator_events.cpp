// WorkOS events in the emulator (lib/emulator/README.md, "Events and webhooks"): what happens is
// recorded as events, served on the Events API (GET /events, API key, type filter, "after"
// cursor) and delivered as signed webhooks, retried when the endpoint fails. The webhook endpoint
// here is a real HTTP server on 127.0.0.1 that checks the WorkOS-Signature itself.

#include "EmulatorFixture.h"

#include "HttpClient.h"
#include "SignInDriver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace authkit::emulator;
using namespace authkit::emulator::tests;
using namespace authkit::testsupport;

namespace {

const QString kApiKey = QStringLiteral("sk_test_emulator_events_suite");
const QByteArray kWebhookSecret = QByteArrayLiteral("whsec_events_suite");

// A webhook endpoint: answers each POST with the next status of a script (200 when it runs out)
// and keeps what it received.
class WebhookReceiver : public QObject
{
public:
    struct Received
    {
        QByteArray signature;
        QByteArray body;
    };
    QList<int> script;
    QList<Received> received;

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks").arg(m_server.serverPort()));
    }

    WebhookReceiver()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                    if (headEnd < 0)
                        return;
                    const QByteArray head = buffer->left(headEnd);
                    const qsizetype length = headerValue(head, "content-length").toLongLong();
                    if (buffer->size() < headEnd + 4 + length)
                        return;
                    received.append(
                        {headerValue(head, "workos-signature"), buffer->mid(headEnd + 4, length)});
                    buffer->clear();
                    const int status = script.isEmpty() ? 200 : script.takeFirst();
                    socket->write("HTTP/1.1 " + QByteArray::number(status)
                                  + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    static QByteArray headerValue(const QByteArray &head, const QByteArray &name)
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

    QTcpServer m_server;
};

// WorkOS-Signature "t=<ms>, v1=<hex>" checked as @workos-inc/node does: HMAC-SHA256 of
// "<t>.<body>" with the secret, and a timestamp within the tolerance.
bool signatureMatches(const QByteArray &header, const QByteArray &body, const QByteArray &secret)
{
    const QList<QByteArray> parts = header.split(',');
    if (parts.size() != 2 || !parts.at(0).trimmed().startsWith("t=")
        || !parts.at(1).trimmed().startsWith("v1="))
        return false;
    const QByteArray timestamp = parts.at(0).trimmed().mid(2);
    const QByteArray signature = parts.at(1).trimmed().mid(3);
    const qint64 ageMs = QDateTime::currentMSecsSinceEpoch() - timestamp.toLongLong();
    const QByteArray expected =
        QMessageAuthenticationCode::hash(timestamp + '.' + body, secret, QCryptographicHash::Sha256)
            .toHex();
    return ageMs >= 0 && ageMs < 180000 && signature == expected;
}

} // namespace

class TestEmulatorEvents : public QObject
{
    Q_OBJECT

    std::unique_ptr<AuthKitEmulator> m_emulator;
    WebhookReceiver m_receiver;
    HttpClient m_http;

    HttpResult events(const QString &query, const QString &key = kApiKey)
    {
        QUrl url = endpoint(m_emulator->baseUrl(), QStringLiteral("/events"));
        url.setQuery(query);
        HeaderList headers;
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.toUtf8()});
        return m_http.get(url, headers);
    }
    QJsonArray eventData(const QString &query)
    {
        const HttpResult result = events(query);
        return result.status == 200 ? QJsonDocument::fromJson(result.body)
                                          .object()
                                          .value(QLatin1String("data"))
                                          .toArray()
                                    : QJsonArray();
    }
    void signIn(const QString &email)
    {
        SignInDriver driver(m_http, m_emulator->baseUrl());
        QVERIFY(!driver.signInWithPassword(email).isEmpty());
        m_http.resetCookies();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_receiver.listen() || m_receiver.url().port() > 0);
        m_receiver.received.clear();
        m_receiver.script.clear();
        EmulatorOptions options;
        options.apiKeys = {kApiKey};
        options.webhookUrls = {m_receiver.url().toString()};
        options.webhookSecret = QString::fromUtf8(kWebhookSecret);
        options.webhookRetryDelayMs = 50;
        m_emulator = startEmulator(options);
        QVERIFY(m_emulator);
    }
    void cleanup() { m_emulator.reset(); }

    void eventsApiNeedsTheApiKey()
    {
        QCOMPARE(events(QString(), QString()).status, 401);
        QCOMPARE(events(QString(), QStringLiteral("sk_test_wrong")).status, 401);
        QCOMPARE(events(QString()).status, 200);
    }

    void eventsApiIsOffWithoutKeys()
    {
        m_emulator.reset();
        m_emulator = startEmulator(EmulatorOptions{});
        QVERIFY(m_emulator);
        const HttpResult result = events(QString());
        QCOMPARE(result.status, 401);
        QVERIFY(result.body.contains("--api-key"));
    }

    void signInRecordsSessionCreated()
    {
        signIn(seed::ada());
        const QJsonArray data = eventData(QStringLiteral("events=session.created"));
        QCOMPARE(data.size(), 1);
        const QJsonObject event = data.first().toObject();
        QCOMPARE(event.value(QLatin1String("object")).toString(), QStringLiteral("event"));
        QVERIFY(event.value(QLatin1String("id")).toString().startsWith(QLatin1String("event_")));
        QCOMPARE(event.value(QLatin1String("event")).toString(), QStringLiteral("session.created"));
        const QJsonObject session = event.value(QLatin1String("data")).toObject();
        QCOMPARE(session.value(QLatin1String("object")).toString(), QStringLiteral("session"));
        QCOMPARE(session.value(QLatin1String("user_id")).toString(), seed::adaId());
        QVERIFY(!event.value(QLatin1String("created_at")).toString().isEmpty());
    }

    void signUpRecordsUserCreated()
    {
        SignInDriver driver(m_http, m_emulator->baseUrl());
        QueryItems params = driver.authorizeParams();
        params.append({QStringLiteral("screen_hint"), QStringLiteral("sign-up")});
        const HttpResult page = driver.follow(driver.authorize(params));
        const QString attempt = SignInDriver::attemptOf(page);
        QVERIFY2(!attempt.isEmpty(), page.describe());
        const HttpResult callback = driver.postHosted(
            QStringLiteral("/authkit/sign-up"), attempt,
            {{QStringLiteral("first_name"), QStringLiteral("Mary")},
             {QStringLiteral("last_name"), QStringLiteral("Jackson")},
             {QStringLiteral("email"), QStringLiteral("mary.jackson@example.com")},
             {QStringLiteral("password"), QStringLiteral("wind-tunnel")}});
        QVERIFY2(driver.isCallback(callback), callback.describe());
        const QJsonArray data = eventData(QStringLiteral("events=user.created,session.created"));
        QCOMPARE(data.size(), 2); // the user first, then the session
        QCOMPARE(data.at(0).toObject().value(QLatin1String("event")).toString(),
                 QStringLiteral("user.created"));
        const QJsonObject user = data.at(0).toObject().value(QLatin1String("data")).toObject();
        QCOMPARE(user.value(QLatin1String("object")).toString(), QStringLiteral("user"));
        QCOMPARE(user.value(QLatin1String("email")).toString(),
                 QStringLiteral("mary.jackson@example.com"));
        QCOMPARE(user.value(QLatin1String("first_name")).toString(), QStringLiteral("Mary"));
        QCOMPARE(data.at(1).toObject().value(QLatin1String("event")).toString(),
                 QStringLiteral("session.created"));
    }

    void cursorPagesThroughInOrder()
    {
        signIn(seed::ada());
        signIn(seed::grace());
        signIn(seed::katherine());
        QStringList users;
        QString after;
        for (int page = 0; page < 5; ++page) {
            const HttpResult result =
                events(QStringLiteral("events=session.created&limit=1")
                       + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
            QCOMPARE(result.status, 200);
            const QJsonObject body = QJsonDocument::fromJson(result.body).object();
            const QJsonArray data = body.value(QLatin1String("data")).toArray();
            if (data.isEmpty())
                break;
            QCOMPARE(data.size(), 1);
            users.append(data.first()
                             .toObject()
                             .value(QLatin1String("data"))
                             .toObject()
                             .value(QLatin1String("user_id"))
                             .toString());
            after = body.value(QLatin1String("list_metadata"))
                        .toObject()
                        .value(QLatin1String("after"))
                        .toString();
        }
        QCOMPARE(users, (QStringList{seed::adaId(), seed::graceId(), seed::katherineId()}));
        QCOMPARE(events(QStringLiteral("after=event_unknown")).status, 422);
        QCOMPARE(events(QStringLiteral("limit=0")).status, 422);
        QCOMPARE(events(QStringLiteral("limit=101")).status, 422);
    }

    void webhookIsSignedAndDelivered()
    {
        signIn(seed::ada());
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.received.size(), 1, 10000);
        const WebhookReceiver::Received delivery = m_receiver.received.first();
        QVERIFY2(signatureMatches(delivery.signature, delivery.body, kWebhookSecret),
                 delivery.signature.constData());
        QVERIFY(!signatureMatches(delivery.signature, delivery.body, "another secret"));
        const QJsonObject event = QJsonDocument::fromJson(delivery.body).object();
        QCOMPARE(event.value(QLatin1String("event")).toString(), QStringLiteral("session.created"));
        // The same event as the Events API serves.
        QCOMPARE(event.value(QLatin1String("id")),
                 eventData(QStringLiteral("events=session.created"))
                     .first()
                     .toObject()
                     .value(QLatin1String("id")));
    }

    void failedDeliveryIsRetriedWithBackoff()
    {
        m_receiver.script = {500, 503};
        signIn(seed::ada());
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.received.size(), 3, 10000);
        QCOMPARE(m_receiver.received.at(0).body, m_receiver.received.at(2).body);
        for (const auto &delivery : std::as_const(m_receiver.received))
            QVERIFY(signatureMatches(delivery.signature, delivery.body, kWebhookSecret));
        // The control API shows the delivery done after three attempts, and never the secret.
        const QUrl control = endpoint(m_emulator->baseUrl(), QStringLiteral("/_emulator/webhooks"));
        QJsonObject record;
        QTRY_VERIFY_WITH_TIMEOUT((record = m_http.get(control)
                                               .json()
                                               .value(QLatin1String("deliveries"))
                                               .toArray()
                                               .first()
                                               .toObject())
                                     .value(QLatin1String("delivered"))
                                     .toBool(),
                                 5000);
        QCOMPARE(record.value(QLatin1String("attempts")).toInt(), 3);
        QCOMPARE(record.value(QLatin1String("last_status")).toInt(), 200);
        QVERIFY(!m_http.get(control).body.contains(kWebhookSecret));
    }

    void controlApiAddsAnEndpoint()
    {
        WebhookReceiver second;
        QVERIFY(second.listen());
        const QUrl control = endpoint(m_emulator->baseUrl(), QStringLiteral("/_emulator/webhooks"));
        QCOMPARE(m_http
                     .postJson(control, {{QStringLiteral("url"), QStringLiteral("ftp://x")},
                                         {QStringLiteral("secret"), QStringLiteral("s")}})
                     .status,
                 422);
        QCOMPARE(
            m_http.postJson(control, {{QStringLiteral("url"), second.url().toString()}}).status,
            422); // no secret
        QCOMPARE(m_http
                     .postJson(control, {{QStringLiteral("url"), second.url().toString()},
                                         {QStringLiteral("secret"), QStringLiteral("second")}})
                     .status,
                 201);
        signIn(seed::grace());
        QTRY_COMPARE_WITH_TIMEOUT(second.received.size(), 1, 10000);
        QVERIFY(signatureMatches(second.received.first().signature, second.received.first().body,
                                 "second"));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.received.size(), 1, 10000);
    }

private:
    HttpResult manageUser(const QByteArray &method, const QString &userId,
                          const QJsonObject &body = {}, const QString &key = kApiKey)
    {
        HeaderList headers{{"Content-Type", "application/json"}};
        if (!key.isEmpty())
            headers.append({"Authorization", "Bearer " + key.toUtf8()});
        return m_http.send(
            method,
            endpoint(m_emulator->baseUrl(), QStringLiteral("/user_management/users/") + userId),
            method == "DELETE" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
            headers);
    }
    // The first delivered webhook of this event type, once it arrived.
    QJsonObject deliveredEvent(const QString &type)
    {
        for (const auto &delivery : std::as_const(m_receiver.received)) {
            const QJsonObject event = QJsonDocument::fromJson(delivery.body).object();
            if (event.value(QLatin1String("event")).toString() == type
                && signatureMatches(delivery.signature, delivery.body, kWebhookSecret))
                return event;
        }
        return {};
    }

private Q_SLOTS:
    // PUT /user_management/users/:id as WorkOS: the user object back, user.updated on the
    // Events API and as a signed webhook; refused updates change nothing and record nothing.
    void userUpdateRecordsUserUpdated()
    {
        const QJsonObject rename{{QStringLiteral("first_name"), QStringLiteral("Augusta")},
                                 {QStringLiteral("last_name"), QStringLiteral("King")}};
        QCOMPARE(manageUser("PUT", seed::adaId(), rename, QString()).status, 401);
        QCOMPARE(manageUser("PUT", seed::adaId(), rename, QStringLiteral("sk_test_wrong")).status,
                 401);
        QCOMPARE(manageUser("PUT", QStringLiteral("user_01NOSUCHUSER"), rename).status, 404);
        const HttpResult taken =
            manageUser("PUT", seed::adaId(),
                       {{QStringLiteral("first_name"), QStringLiteral("Not kept")},
                        {QStringLiteral("email"), seed::grace()}});
        QCOMPARE(taken.status, 422);
        QCOMPARE(taken.json().value(QLatin1String("code")).toString(),
                 QStringLiteral("email_not_available"));
        QCOMPARE(manageUser("PUT", seed::adaId(),
                            {{QStringLiteral("password"), QStringLiteral("short")}})
                     .status,
                 422);
        QCOMPARE(manageUser("PUT", seed::adaId(), {{QStringLiteral("first_name"), 42}}).status,
                 422);
        QVERIFY(eventData(QStringLiteral("events=user.updated")).isEmpty());

        const HttpResult updated =
            manageUser("PUT", seed::adaId(),
                       {{QStringLiteral("first_name"), QStringLiteral("Augusta")},
                        {QStringLiteral("last_name"), QStringLiteral("King")},
                        {QStringLiteral("external_id"), QStringLiteral("ext-1815")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("title"), QStringLiteral("Countess")}}}});
        QCOMPARE(updated.status, 200);
        const QJsonObject user = updated.json();
        QCOMPARE(user.value(QLatin1String("object")).toString(), QStringLiteral("user"));
        QCOMPARE(user.value(QLatin1String("id")).toString(), seed::adaId());
        QCOMPARE(user.value(QLatin1String("first_name")).toString(), QStringLiteral("Augusta"));
        QCOMPARE(user.value(QLatin1String("last_name")).toString(), QStringLiteral("King"));
        QCOMPARE(user.value(QLatin1String("email")).toString(), seed::ada()); // unchanged
        QCOMPARE(user.value(QLatin1String("external_id")).toString(), QStringLiteral("ext-1815"));
        QCOMPARE(user.value(QLatin1String("metadata")).toObject().value(QLatin1String("title")),
                 QJsonValue(QStringLiteral("Countess")));

        const QJsonArray data = eventData(QStringLiteral("events=user.updated"));
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.first().toObject().value(QLatin1String("data")).toObject(), user);
        QTRY_VERIFY_WITH_TIMEOUT(!deliveredEvent(QStringLiteral("user.updated")).isEmpty(), 10000);
        QCOMPARE(
            deliveredEvent(QStringLiteral("user.updated")).value(QLatin1String("data")).toObject(),
            user);
        // The password set through the API signs in.
        QCOMPARE(manageUser("PUT", seed::adaId(),
                            {{QStringLiteral("password"), QStringLiteral("new-password-1")}})
                     .status,
                 200);
        SignInDriver driver(m_http, m_emulator->baseUrl());
        const QString attempt =
            SignInDriver::attemptOf(driver.follow(driver.authorize(driver.authorizeParams())));
        QVERIFY(!attempt.isEmpty());
        const HttpResult signedIn =
            driver.submitPassword(attempt, seed::ada(), QStringLiteral("new-password-1"));
        QVERIFY2(driver.isCallback(signedIn), signedIn.describe().constData());
    }

    // DELETE /user_management/users/:id: 202, the user gone (no sign-in, a second delete 404),
    // their sessions ended, user.deleted recorded and delivered.
    void userDeleteRecordsUserDeleted()
    {
        SignInDriver driver(m_http, m_emulator->baseUrl());
        const QJsonObject tokens = driver.signInAndExchange(seed::ada());
        const QString refreshToken = tokens.value(QLatin1String("refresh_token")).toString();
        QVERIFY(!refreshToken.isEmpty());
        m_http.resetCookies();

        QCOMPARE(manageUser("DELETE", seed::adaId(), {}, QString()).status, 401);
        const HttpResult deleted = manageUser("DELETE", seed::adaId());
        QCOMPARE(deleted.status, 202);
        QVERIFY(deleted.body.isEmpty());
        QCOMPARE(manageUser("DELETE", seed::adaId()).status, 404);
        QCOMPARE(
            manageUser("PUT", seed::adaId(), {{QStringLiteral("first_name"), QStringLiteral("X")}})
                .status,
            404);

        const QJsonArray data = eventData(QStringLiteral("events=user.deleted"));
        QCOMPARE(data.size(), 1);
        const QJsonObject user = data.first().toObject().value(QLatin1String("data")).toObject();
        QCOMPARE(user.value(QLatin1String("id")).toString(), seed::adaId());
        QCOMPARE(user.value(QLatin1String("email")).toString(), seed::ada());
        QTRY_VERIFY_WITH_TIMEOUT(!deliveredEvent(QStringLiteral("user.deleted")).isEmpty(), 10000);

        const HttpResult refused = driver.refresh(refreshToken);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(QLatin1String("error")).toString(),
                 QStringLiteral("invalid_grant"));
        driver.renew();
        QVERIFY(driver.signInWithPassword(seed::ada()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEmulatorEvents)
#include "tst_emulator_events.moc"
