// ConvexHttpClient against a local QHttpServer: the request it sends, the status envelope,
// ConvexError data, and the {code,message} failures.

#include <authkitqt/convex/ConvexHttpClient.h>

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace authkit::convex;

class ConvexHttpClientTest : public QObject
{
    Q_OBJECT

private:
    QHttpServer m_server;
    QUrl m_url;
    QByteArray m_lastAuthorization;
    QByteArray m_lastClient;
    QJsonObject m_lastBody;

    ConvexResult call(ConvexHttpClient &client, const QString &kind, const QString &path,
                      const ConvexValue &args = ConvexValue())
    {
        std::optional<ConvexResult> outcome;
        const auto done = [&](const ConvexResult &result) { outcome = result; };
        if (kind == QLatin1String("query"))
            client.query(path, args, done);
        else if (kind == QLatin1String("mutation"))
            client.mutation(path, args, done);
        else
            client.action(path, args, done);
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
            return ConvexResult::failure(QStringLiteral("timed out"));
        return *outcome;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto handler = [this](const QHttpServerRequest &request) {
            m_lastAuthorization = request.value("Authorization");
            m_lastClient = request.value("Convex-Client");
            m_lastBody = QJsonDocument::fromJson(request.body()).object();
            const QString path = m_lastBody.value(QStringLiteral("path")).toString();
            if (!m_lastAuthorization.isEmpty() && m_lastAuthorization != "Bearer good") {
                return QHttpServerResponse(
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("Unauthenticated")},
                                {QStringLiteral("message"), QStringLiteral("Could not decode token")}},
                    QHttpServerResponse::StatusCode::Unauthorized);
            }
            if (path == QLatin1String("messages:fail")) {
                return QHttpServerResponse(QJsonObject{
                    {QStringLiteral("status"), QStringLiteral("error")},
                    {QStringLiteral("errorMessage"), QStringLiteral("Uncaught ConvexError: nope")},
                    {QStringLiteral("errorData"), QJsonObject{{QStringLiteral("code"), QStringLiteral("nope")}}}});
            }
            return QHttpServerResponse(QJsonObject{
                {QStringLiteral("status"), QStringLiteral("success")},
                {QStringLiteral("value"), QJsonObject{{QStringLiteral("$integer"), QStringLiteral("KgAAAAAAAAA=")}}},
                {QStringLiteral("logLines"), QJsonArray{QStringLiteral("[LOG] 'hi'")}}});
        };
        for (const char *route : {"/api/query", "/api/mutation", "/api/action"})
            m_server.route(QString::fromLatin1(route), QHttpServerRequest::Method::Post, handler);
        const quint16 port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    void successEnvelope()
    {
        ConvexHttpClient client(m_url);
        const ConvexResult result = call(client, QStringLiteral("query"), QStringLiteral("messages:count"),
                                         ConvexValue::fromObject({{QStringLiteral("channel"), ConvexValue::fromString(QStringLiteral("general"))}}));
        QVERIFY2(result.success, qPrintable(result.errorMessage));
        QCOMPARE(result.value, ConvexValue::fromInt64(42));
        QCOMPARE(result.logLines, QStringList({QStringLiteral("[LOG] 'hi'")}));
        QCOMPARE(m_lastBody.value(QStringLiteral("path")).toString(), QStringLiteral("messages:count"));
        QCOMPARE(m_lastBody.value(QStringLiteral("format")).toString(), QStringLiteral("convex_encoded_json"));
        QCOMPARE(m_lastBody.value(QStringLiteral("args")).toObject().value(QStringLiteral("channel")).toString(),
                 QStringLiteral("general"));
        QVERIFY(m_lastClient.startsWith("authkitqt-"));
        QVERIFY(m_lastAuthorization.isEmpty());
    }

    void functionErrorCarriesItsData()
    {
        ConvexHttpClient client(m_url);
        client.setAuthToken(QStringLiteral("good"));
        const ConvexResult result = call(client, QStringLiteral("mutation"), QStringLiteral("messages:fail"));
        QCOMPARE(m_lastAuthorization, QByteArray("Bearer good"));
        QVERIFY(!result.success);
        QCOMPARE(result.errorMessage, QStringLiteral("Uncaught ConvexError: nope"));
        QVERIFY(result.errorData);
        QCOMPARE(result.errorData->value(QStringLiteral("code")), ConvexValue::fromString(QStringLiteral("nope")));
        QCOMPARE(m_lastBody.value(QStringLiteral("args")).toObject(), QJsonObject());
    }

    void refusedTokenIsAFailure()
    {
        ConvexHttpClient client(m_url);
        client.setAuthToken(QStringLiteral("expired"));
        const ConvexResult result = call(client, QStringLiteral("action"), QStringLiteral("ai:run"));
        QVERIFY(!result.success);
        QCOMPARE(result.errorMessage, QStringLiteral("Unauthenticated: Could not decode token"));
        QVERIFY(!result.errorData);
    }
};

QTEST_GUILESS_MAIN(ConvexHttpClientTest)
#include "tst_convexhttpclient.moc"
