#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/StateVersion.h>
#include <authkitqt/convex/Timestamp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>
#include <QtTest>

#include <limits>

using namespace authkit::convex;
using namespace authkit::convex::protocol;

namespace {

QJsonObject obj(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad test JSON: %s", text);
    return document.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Whole-object equality is field-by-field equality, extra or missing fields included.
#define COMPARE_JSON(actual, expectedText)                                                    \
    do {                                                                                      \
        const QJsonObject actual_ = (actual);                                                 \
        const QJsonObject expected_ = obj(expectedText);                                      \
        QVERIFY2(actual_ == expected_,                                                        \
                 QByteArray(compact(actual_) + "\n   expected " + compact(expected_)).constData());     \
    } while (false)

ConvexValue i64(qint64 value) { return ConvexValue::fromInt64(value); }
ConvexValue str(const char *text) { return ConvexValue::fromString(QString::fromUtf8(text)); }
ConvexValue object(std::initializer_list<std::pair<QString, ConvexValue>> fields)
{
    return ConvexValue::fromObject(ConvexValue::Object(fields));
}

template<typename T>
T parsedServer(const char *text)
{
    QString error;
    const auto message = parseServerMessage(QByteArray(text), &error);
    if (!message)
        qFatal("parse failed: %s", qPrintable(error));
    const T *typed = std::get_if<T>(&*message);
    if (!typed)
        qFatal("parsed as %s", qPrintable(messageType(*message)));
    return *typed;
}

template<typename T>
T parsedClient(const QJsonObject &json)
{
    QString error;
    const auto message = parseClientMessage(json, &error);
    if (!message)
        qFatal("parse failed: %s", qPrintable(error));
    const T *typed = std::get_if<T>(&*message);
    if (!typed)
        qFatal("parsed as %s", qPrintable(messageType(*message)));
    return *typed;
}

const char *kTransitionExample = R"({
    "type": "Transition",
    "startVersion": {"querySet": 0, "identity": 0, "ts": "AAAAAAAAAAA="},
    "endVersion": {"querySet": 1, "identity": 1, "ts": "AQAAAAAAAAA="},
    "modifications": [
        {"type": "QueryUpdated", "queryId": 0, "value": [{"body": "hi", "n": {"$integer": "AgAAAAAAAAA="}}],
         "logLines": ["[LOG] 'hello'"], "journal": null},
        {"type": "QueryUpdated", "queryId": 4, "value": null, "logLines": [], "journal": "j1"},
        {"type": "QueryFailed", "queryId": 1, "errorMessage": "Uncaught Error: boom",
         "logLines": [], "journal": null, "errorData": {"code": "E1"}},
        {"type": "QueryFailed", "queryId": 2, "errorMessage": "plain", "logLines": [], "journal": null},
        {"type": "QueryRemoved", "queryId": 3}
    ],
    "clientClockSkew": -12,
    "serverTs": 1724300000123456789
})";

} // namespace

namespace authkit::convex {
char *toString(const StateVersion &version)
{
    QString text;
    QDebug(&text).nospace() << version;
    return qstrdup(text.toUtf8().constData());
}
char *toString(const ConvexValue &value)
{
    QString text;
    QDebug(&text).nospace() << value;
    return qstrdup(text.toUtf8().constData());
}
} // namespace authkit::convex

class tst_SyncProtocol : public QObject
{
    Q_OBJECT

private slots:
    // ts and versions
    void timestampCodec_data();
    void timestampCodec();
    void timestampErrors_data();
    void timestampErrors();
    void stateVersionJson();
    void stateVersionEqualityIsExact();
    void stateVersionErrors_data();
    void stateVersionErrors();
    void transitionVersionChaining();

    // client -> server
    void canonicalizeUdfPath_data();
    void canonicalizeUdfPath();
    void argsWrapper();
    void argsErrors();
    void decodeArgs_data();
    void decodeArgs();
    void connectShape();
    void connectOptionalFields();
    void newSessionId();
    void modifyQuerySetShape();
    void modifyQuerySetCanonicalisesAdd();
    void modifyQuerySetEncodeError();
    void mutationShape();
    void actionShape();
    void authenticateShapes();
    void eventShape();
    void clientRoundTrip();
    void clientParseAccepts();
    void clientParseErrors_data();
    void clientParseErrors();

    // server -> client
    void transitionParse();
    void transitionEncodeShape();
    void emptyTransition();
    void transitionChunkShape();
    void mutationResponseSuccess();
    void mutationResponseFailure();
    void actionResponse();
    void authError();
    void fatalErrorAndPing();
    void serverRoundTrip();
    void serverEncodeError();
    void serverParseErrors_data();
    void serverParseErrors();
    void hostileFieldValuesNeverCrash();
    void mangledTextNeverCrashes();
    void messageTypes();
};

// ---- ts and versions --------------------------------------------------------------------

void tst_SyncProtocol::timestampCodec_data()
{
    QTest::addColumn<quint64>("ts");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << quint64(0) << QStringLiteral("AAAAAAAAAAA=");
    QTest::newRow("1") << quint64(1) << QStringLiteral("AQAAAAAAAAA=");
    QTest::newRow("256") << quint64(256) << QStringLiteral("AAEAAAAAAAA=");
    QTest::newRow("2^63") << (quint64(1) << 63) << QStringLiteral("AAAAAAAAAIA=");
    QTest::newRow("u64 max") << std::numeric_limits<quint64>::max() << QStringLiteral("//////////8=");
    QTest::newRow("a real ts") << quint64(1724300000123456789ULL) << QStringLiteral("FY2Q4bbx7Rc=");
}

void tst_SyncProtocol::timestampCodec()
{
    QFETCH(quint64, ts);
    QFETCH(QString, text);
    QCOMPARE(Timestamp::encode(ts), text);
    QCOMPARE(Timestamp::decode(text), std::optional<quint64>(ts));
    QString urlSafe = text;
    urlSafe.replace(QLatin1Char('+'), QLatin1Char('-')).replace(QLatin1Char('/'), QLatin1Char('_'));
    QCOMPARE(Timestamp::decode(urlSafe), std::optional<quint64>(ts));
}

void tst_SyncProtocol::timestampErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("4 bytes") << QStringLiteral("AQAAAA==");
    QTest::newRow("9 bytes") << QStringLiteral("AQAAAAAAAAAA");
    QTest::newRow("unpadded") << QStringLiteral("AQAAAAAAAAA");
    QTest::newRow("bad character") << QStringLiteral("AQAAAAAA!AA=");
    QTest::newRow("non-ASCII") << QStringLiteral("AQAAAAAAéAA=");
}

void tst_SyncProtocol::timestampErrors()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!Timestamp::decode(text, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!Timestamp::decode(text));
}

void tst_SyncProtocol::stateVersionJson()
{
    const StateVersion version{3, 1, 1};
    COMPARE_JSON(version.toJson(), R"({"querySet":3,"identity":1,"ts":"AQAAAAAAAAA="})");
    QCOMPARE(StateVersion::fromJson(version.toJson()), std::optional<StateVersion>(version));
    // A new socket starts here (docs/convex-protocol.md#connect).
    COMPARE_JSON(StateVersion().toJson(), R"({"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="})");
    const StateVersion big{4294967295u, 4294967295u, std::numeric_limits<quint64>::max()};
    QCOMPARE(StateVersion::fromJson(big.toJson()), std::optional<StateVersion>(big));
}

void tst_SyncProtocol::stateVersionEqualityIsExact()
{
    const StateVersion held{2, 1, 1000};
    QCOMPARE(held, (StateVersion{2, 1, 1000}));
    QVERIFY(held != (StateVersion{3, 1, 1000}));
    QVERIFY(held != (StateVersion{2, 0, 1000}));
    QVERIFY(held != (StateVersion{2, 1, 1001})); // one nanosecond apart is a different version
    QVERIFY(held != (StateVersion{2, 1, 999}));
}

void tst_SyncProtocol::stateVersionErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("missing ts") << QByteArray(R"({"querySet":0,"identity":0})");
    QTest::newRow("null ts") << QByteArray(R"({"querySet":0,"identity":0,"ts":null})");
    QTest::newRow("numeric ts") << QByteArray(R"({"querySet":0,"identity":0,"ts":0})");
    QTest::newRow("short ts") << QByteArray(R"({"querySet":0,"identity":0,"ts":"AAAA"})");
    QTest::newRow("missing querySet") << QByteArray(R"({"identity":0,"ts":"AAAAAAAAAAA="})");
    QTest::newRow("negative identity") << QByteArray(R"({"querySet":0,"identity":-1,"ts":"AAAAAAAAAAA="})");
    QTest::newRow("fractional querySet") << QByteArray(R"({"querySet":0.5,"identity":0,"ts":"AAAAAAAAAAA="})");
    QTest::newRow("querySet 2^32") << QByteArray(R"({"querySet":4294967296,"identity":0,"ts":"AAAAAAAAAAA="})");
    QTest::newRow("string querySet") << QByteArray(R"({"querySet":"0","identity":0,"ts":"AAAAAAAAAAA="})");
}

void tst_SyncProtocol::stateVersionErrors()
{
    QFETCH(QByteArray, input);
    QString error;
    QVERIFY(!StateVersion::fromJson(obj(input.constData()), &error));
    QVERIFY2(error.startsWith(QLatin1String("StateVersion: ")), qPrintable(error));
    QVERIFY(!StateVersion::fromJson(QJsonValue(42), &error));
    QVERIFY(!StateVersion::fromJson(QJsonValue(QJsonValue::Null)));
}

// What a client checks applying Transitions (docs/convex-protocol.md#server-messages, #connect).
void tst_SyncProtocol::transitionVersionChaining()
{
    const char *frames[] = {
        // The first reply on a socket: from {0,0,0} after Connect, Authenticate, ModifyQuerySet.
        R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
            "endVersion":{"querySet":1,"identity":1,"ts":"AAEAAAAAAAA="},"modifications":[],
            "clientClockSkew":null,"serverTs":1})",
        // After a mutation: the same query set and identity, a later ts.
        R"({"type":"Transition","startVersion":{"querySet":1,"identity":1,"ts":"AAEAAAAAAAA="},
            "endVersion":{"querySet":1,"identity":1,"ts":"AAIAAAAAAAA="},"modifications":[],
            "clientClockSkew":null,"serverTs":2})",
        // After a second ModifyQuerySet.
        R"({"type":"Transition","startVersion":{"querySet":1,"identity":1,"ts":"AAIAAAAAAAA="},
            "endVersion":{"querySet":2,"identity":1,"ts":"AAIAAAAAAAA="},"modifications":[],
            "clientClockSkew":null,"serverTs":3})",
    };
    StateVersion held; // a new socket
    for (const char *frame : frames) {
        const auto transition = parsedServer<Transition>(frame);
        QCOMPARE(transition.startVersion, held);
        held = transition.endVersion;
    }
    QCOMPARE(held, (StateVersion{2, 1, 512}));

    // A Transition that does not start where the client stands (ts off by one) is detectable.
    const auto stale = parsedServer<Transition>(
        R"({"type":"Transition","startVersion":{"querySet":2,"identity":1,"ts":"AQIAAAAAAAA="},
            "endVersion":{"querySet":2,"identity":1,"ts":"AAMAAAAAAAA="},"modifications":[]})");
    QCOMPARE(stale.startVersion.ts, held.ts + 1);
    QVERIFY(stale.startVersion != held);
}

// ---- client -> server -------------------------------------------------------------------

void tst_SyncProtocol::canonicalizeUdfPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("module only") << QStringLiteral("messages") << QStringLiteral("messages:default");
    QTest::newRow("module.js") << QStringLiteral("messages.js") << QStringLiteral("messages:default");
    QTest::newRow("canonical") << QStringLiteral("messages:list") << QStringLiteral("messages:list");
    QTest::newRow("dir, .js, export") << QStringLiteral("dir/mod.js:fn") << QStringLiteral("dir/mod:fn");
    QTest::newRow("dir") << QStringLiteral("a/b/c") << QStringLiteral("a/b/c:default");
    QTest::newRow("two colons") << QStringLiteral("a:b:c") << QStringLiteral("a:b:c");
    QTest::newRow(".jsx is not .js") << QStringLiteral("mod.jsx:fn") << QStringLiteral("mod.jsx:fn");
    QTest::newRow(".js.js once") << QStringLiteral("mod.js.js") << QStringLiteral("mod.js:default");
    QTest::newRow("export named js") << QStringLiteral("mod:fn.js") << QStringLiteral("mod:fn.js");
    QTest::newRow("empty export") << QStringLiteral("mod:") << QStringLiteral("mod:");
    QTest::newRow("empty") << QString() << QStringLiteral(":default");
}

void tst_SyncProtocol::canonicalizeUdfPath()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(protocol::canonicalizeUdfPath(input), expected);
}

void tst_SyncProtocol::argsWrapper()
{
    // docs/convex-protocol.md#values: "args":[{"channel":"general"}]
    auto args = encodeArgs(object({{QStringLiteral("channel"), str("general")}}));
    QVERIFY(args);
    QCOMPARE(*args, obj(R"({"a":[{"channel":"general"}]})").value(QLatin1String("a")).toArray());
    // No args -> [{}]
    args = encodeArgs(ConvexValue());
    QVERIFY(args);
    QCOMPARE(*args, QJsonArray{QJsonObject()});
    // Values inside use the convex encoding.
    args = encodeArgs(object({{QStringLiteral("n"), i64(1)}}));
    QVERIFY(args);
    QCOMPARE(*args, obj(R"({"a":[{"n":{"$integer":"AQAAAAAAAAA="}}]})").value(QLatin1String("a")).toArray());
}

void tst_SyncProtocol::argsErrors()
{
    QString error;
    QVERIFY(!encodeArgs(i64(1), &error));
    QVERIFY2(error.startsWith(QLatin1String("The arguments to a Convex function must be an object")),
             qPrintable(error));
    QVERIFY(!encodeArgs(ConvexValue::fromArray({}), &error));
    QVERIFY(!encodeArgs(str("x")));
    QVERIFY(!encodeArgs(object({{QStringLiteral("$bad"), i64(1)}}), &error));
    QVERIFY2(error.contains(QLatin1String("starts with a '$'")), qPrintable(error));
}

void tst_SyncProtocol::decodeArgs_data()
{
    QTest::addColumn<QByteArray>("input"); // the value of "a"
    QTest::addColumn<bool>("ok");
    QTest::newRow("one object") << QByteArray(R"({"a":[{"x":1}]})") << true;
    QTest::newRow("empty object") << QByteArray(R"({"a":[{}]})") << true;
    QTest::newRow("missing") << QByteArray(R"({})") << true;
    QTest::newRow("empty array") << QByteArray(R"({"a":[]})") << false;
    QTest::newRow("two objects") << QByteArray(R"({"a":[{},{}]})") << false;
    QTest::newRow("not an object") << QByteArray(R"({"a":[1]})") << false;
    QTest::newRow("bare object") << QByteArray(R"({"a":{}})") << false;
    QTest::newRow("null") << QByteArray(R"({"a":null})") << false;
    QTest::newRow("bad value inside") << QByteArray(R"({"a":[{"x":{"$float":"AAAAAAAA8D8="}}]})") << false;
}

void tst_SyncProtocol::decodeArgs()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, ok);
    QString error;
    const auto args = protocol::decodeArgs(obj(input.constData()).value(QLatin1String("a")), &error);
    QCOMPARE(bool(args), ok);
    if (ok)
        QVERIFY(args->isObject());
    else
        QVERIFY(!error.isEmpty());
}

void tst_SyncProtocol::connectShape()
{
    // Connect as in docs/convex-protocol.md#client-messages.
    Connect connect;
    connect.sessionId = QStringLiteral("9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
    connect.connectionCount = 0;
    connect.lastCloseReason = QStringLiteral("InitialConnect");
    connect.clientTs = 1724300000000;
    COMPARE_JSON(connect.toJson(),
                 R"({"type":"Connect","sessionId":"9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
                     "connectionCount":0,"lastCloseReason":"InitialConnect","clientTs":1724300000000})");

    const auto parsed = parsedClient<Connect>(connect.toJson());
    QCOMPARE(parsed.sessionId, connect.sessionId);
    QCOMPARE(parsed.connectionCount, 0u);
    QCOMPARE(parsed.lastCloseReason, connect.lastCloseReason);
    QCOMPARE(parsed.clientTs, connect.clientTs);
    QVERIFY(!parsed.maxObservedTimestamp);
}

void tst_SyncProtocol::connectOptionalFields()
{
    Connect connect;
    connect.sessionId = QStringLiteral("9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
    connect.connectionCount = 3;
    connect.maxObservedTimestamp = 1;
    // lastCloseReason null is sent as null (the socket was opened and nothing closed it).
    COMPARE_JSON(connect.toJson(),
                 R"({"type":"Connect","sessionId":"9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
                     "connectionCount":3,"lastCloseReason":null,
                     "maxObservedTimestamp":"AQAAAAAAAAA="})");
    const auto parsed = parsedClient<Connect>(connect.toJson());
    QVERIFY(!parsed.lastCloseReason);
    QCOMPARE(parsed.maxObservedTimestamp, std::optional<quint64>(1));
    QVERIFY(!parsed.clientTs);
}

void tst_SyncProtocol::newSessionId()
{
    const QString a = Connect::newSessionId();
    const QString b = Connect::newSessionId();
    QCOMPARE(a.size(), 36);
    QVERIFY(!a.startsWith(QLatin1Char('{')));
    QVERIFY(!QUuid::fromString(a).isNull());
    QVERIFY(a != b);
}

void tst_SyncProtocol::modifyQuerySetShape()
{
    ModifyQuerySet message;
    message.baseVersion = 0;
    message.newVersion = 1;
    AddQuery add;
    add.queryId = 0;
    add.udfPath = QStringLiteral("messages:list");
    add.args = object({{QStringLiteral("channel"), str("general")}});
    message.modifications.append(add);
    AddQuery paged;
    paged.queryId = 1;
    paged.udfPath = QStringLiteral("messages:page");
    paged.journal = QStringLiteral("j-opaque");
    paged.componentPath = QStringLiteral("comp");
    message.modifications.append(paged);
    message.modifications.append(RemoveQuery{7});

    const auto json = message.toJson();
    QVERIFY(json);
    COMPARE_JSON(*json, R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[
        {"type":"Add","queryId":0,"udfPath":"messages:list","args":[{"channel":"general"}]},
        {"type":"Add","queryId":1,"udfPath":"messages:page","args":[{}],"journal":"j-opaque","componentPath":"comp"},
        {"type":"Remove","queryId":7}]})");

    // Sent even when empty (docs/convex-protocol.md#connect).
    const auto empty = ModifyQuerySet{0, 1, {}}.toJson();
    QVERIFY(empty);
    COMPARE_JSON(*empty, R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[]})");

    const auto parsed = parsedClient<ModifyQuerySet>(*json);
    QCOMPARE(parsed.newVersion, 1u);
    QCOMPARE(parsed.modifications.size(), 3);
    const auto &first = std::get<AddQuery>(parsed.modifications.at(0));
    QCOMPARE(first.args, add.args);
    QVERIFY(!first.journal);
    QCOMPARE(std::get<AddQuery>(parsed.modifications.at(1)).journal, paged.journal);
    QCOMPARE(std::get<RemoveQuery>(parsed.modifications.at(2)).queryId, 7u);
}

void tst_SyncProtocol::modifyQuerySetCanonicalisesAdd()
{
    ModifyQuerySet message{4, 5, {}};
    AddQuery add;
    add.queryId = 9;
    add.udfPath = QStringLiteral("dir/messages.js");
    message.modifications.append(add);
    const auto json = message.toJson();
    QVERIFY(json);
    const QJsonObject sent = json->value(QLatin1String("modifications")).toArray().at(0).toObject();
    QCOMPARE(sent.value(QLatin1String("udfPath")).toString(), QStringLiteral("dir/messages:default"));
    QCOMPARE(sent.value(QLatin1String("args")).toArray(), QJsonArray{QJsonObject()});
}

void tst_SyncProtocol::modifyQuerySetEncodeError()
{
    ModifyQuerySet message{0, 1, {}};
    AddQuery add;
    add.queryId = 2;
    add.udfPath = QStringLiteral("m:f");
    add.args = i64(1);
    message.modifications.append(add);
    QString error;
    QVERIFY(!message.toJson(&error));
    QVERIFY2(error.contains(QLatin1String("query 2")), qPrintable(error));
    QVERIFY(!protocol::toJson(ClientMessage(message)));
    QVERIFY(!serialize(ClientMessage(message), &error));
}

void tst_SyncProtocol::mutationShape()
{
    Mutation mutation;
    mutation.requestId = 12;
    mutation.udfPath = QStringLiteral("messages.js"); // sent as given
    mutation.args = object({{QStringLiteral("body"), str("hi")}, {QStringLiteral("n"), i64(-1)}});
    const auto json = mutation.toJson();
    QVERIFY(json);
    // Outside the macro: moc would read the slashes as a comment.
    const char *expected = R"({"type":"Mutation","requestId":12,"udfPath":"messages.js",
                               "args":[{"body":"hi","n":{"$integer":"//////////8="}}]})";
    COMPARE_JSON(*json, expected);
    mutation.componentPath = QStringLiteral("c");
    const auto withComponent = mutation.toJson();
    QVERIFY(withComponent);
    QCOMPARE(withComponent->value(QLatin1String("componentPath")).toString(), QStringLiteral("c"));

    const auto parsed = parsedClient<Mutation>(*withComponent);
    QCOMPARE(parsed.requestId, 12u);
    QCOMPARE(parsed.udfPath, QStringLiteral("messages.js"));
    QCOMPARE(parsed.args, mutation.args);
    QCOMPARE(parsed.componentPath, mutation.componentPath);

    QString error;
    mutation.args = str("not an object");
    QVERIFY(!mutation.toJson(&error));
    QVERIFY(error.contains(QLatin1String("must be an object")));
}

void tst_SyncProtocol::actionShape()
{
    Action action;
    action.requestId = 13;
    action.udfPath = QStringLiteral("ai:run");
    const auto json = action.toJson();
    QVERIFY(json);
    COMPARE_JSON(*json, R"({"type":"Action","requestId":13,"udfPath":"ai:run","args":[{}]})");
    const auto parsed = parsedClient<Action>(*json);
    QCOMPARE(parsed.requestId, 13u);
    QCOMPARE(parsed.args, ConvexValue::fromObject({}));
}

void tst_SyncProtocol::authenticateShapes()
{
    COMPARE_JSON(Authenticate::user(QStringLiteral("eyJ.x.y"), 0).toJson(),
                 R"({"type":"Authenticate","tokenType":"User","value":"eyJ.x.y","baseVersion":0})");
    COMPARE_JSON(Authenticate::none(1).toJson(),
                 R"({"type":"Authenticate","tokenType":"None","baseVersion":1})");
    Authenticate admin;
    admin.tokenType = Authenticate::TokenType::Admin;
    admin.value = QStringLiteral("key");
    admin.baseVersion = 2;
    COMPARE_JSON(admin.toJson(),
                 R"({"type":"Authenticate","tokenType":"Admin","value":"key","baseVersion":2})");
    admin.impersonating = obj(R"({"subject":"u1","issuer":"https:\/\/i"})");
    COMPARE_JSON(admin.toJson(),
                 R"({"type":"Authenticate","tokenType":"Admin","value":"key","baseVersion":2,
                     "impersonating":{"subject":"u1","issuer":"https:\/\/i"}})");

    const auto user = parsedClient<Authenticate>(Authenticate::user(QStringLiteral("t"), 5).toJson());
    QCOMPARE(user.tokenType, Authenticate::TokenType::User);
    QCOMPARE(user.value, QStringLiteral("t"));
    QCOMPARE(user.baseVersion, 5u);
    const auto none = parsedClient<Authenticate>(Authenticate::none(0).toJson());
    QCOMPARE(none.tokenType, Authenticate::TokenType::None);
    QVERIFY(none.value.isEmpty());
    // The backend also takes "acting_as".
    const auto actingAs = parsedClient<Authenticate>(obj(
        R"({"type":"Authenticate","tokenType":"Admin","value":"k","baseVersion":0,"acting_as":{"subject":"s"}})"));
    QCOMPARE(actingAs.impersonating, std::optional<QJsonObject>(obj(R"({"subject":"s"})")));
}

void tst_SyncProtocol::eventShape()
{
    Event event{QStringLiteral("ClientReceivedTransition"),
                obj(R"({"transitionTransitTime":1.5,"messageLength":10})")};
    COMPARE_JSON(event.toJson(), R"({"type":"Event","eventType":"ClientReceivedTransition",
                                     "event":{"transitionTransitTime":1.5,"messageLength":10}})");
    const auto parsed = parsedClient<Event>(event.toJson());
    QCOMPARE(parsed.eventType, event.eventType);
    QCOMPARE(parsed.event, event.event);
}

void tst_SyncProtocol::clientRoundTrip()
{
    Connect connect;
    connect.sessionId = Connect::newSessionId();
    connect.lastCloseReason = QStringLiteral("closed with code 1006");
    connect.connectionCount = 2;
    connect.maxObservedTimestamp = 1724300000123456789ULL;
    connect.clientTs = 1724300000000;
    ModifyQuerySet modify{1, 2, {}};
    AddQuery add;
    add.queryId = 3;
    add.udfPath = QStringLiteral("a:b");
    add.args = object({{QStringLiteral("x"), ConvexValue::fromBytes(QByteArray("\0", 1))}});
    modify.modifications = {add, RemoveQuery{1}};
    Mutation mutation{4294967295u, QStringLiteral("m"), object({}), std::nullopt};
    Action action{0, QStringLiteral("a"), ConvexValue(), QStringLiteral("c")};

    const QList<ClientMessage> messages{connect, modify, mutation, action,
                                        Authenticate::user(QStringLiteral("jwt"), 1),
                                        Event{QStringLiteral("e"), QJsonValue(QJsonValue::Null)}};
    for (const ClientMessage &message : messages) {
        QString error;
        const auto text = serialize(message, &error);
        QVERIFY2(text, qPrintable(error));
        const auto parsed = parseClientMessage(*text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(messageType(*parsed), messageType(message));
        QCOMPARE(serialize(*parsed), text);
    }
}

void tst_SyncProtocol::clientParseAccepts()
{
    // Unknown fields are ignored, as the server does; optional fields may be null.
    const auto connect = parsedClient<Connect>(obj(
        R"({"type":"Connect","sessionId":"9B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9","connectionCount":0,
            "lastCloseReason":null,"maxObservedTimestamp":null,"clientTs":null,"extra":[1]})"));
    QVERIFY(!connect.lastCloseReason);
    // An Add may leave out args: the backend reads {}.
    const auto modify = parsedClient<ModifyQuerySet>(obj(
        R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,
            "modifications":[{"type":"Add","queryId":0,"udfPath":"m:f","journal":null}]})"));
    QCOMPARE(std::get<AddQuery>(modify.modifications.at(0)).args, ConvexValue::fromObject({}));
}

void tst_SyncProtocol::clientParseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not valid JSON");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("no type") << QByteArray("{}") << QStringLiteral("no \"type\"");
    QTest::newRow("numeric type") << QByteArray(R"({"type":1})") << QStringLiteral("no \"type\"");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"Hello"})") << QStringLiteral("Unknown client message type \"Hello\"");
    QTest::newRow("Connect without sessionId")
        << QByteArray(R"({"type":"Connect","connectionCount":0})")
        << QStringLiteral("Connect: field \"sessionId\" is missing");
    QTest::newRow("Connect sessionId not a UUID")
        << QByteArray(R"({"type":"Connect","sessionId":"nope","connectionCount":0})")
        << QStringLiteral("must be a UUID");
    QTest::newRow("Connect negative count")
        << QByteArray(R"({"type":"Connect","sessionId":"9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9","connectionCount":-1})")
        << QStringLiteral("connectionCount");
    QTest::newRow("Connect fractional clientTs")
        << QByteArray(R"({"type":"Connect","sessionId":"9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9","connectionCount":0,"clientTs":1.5})")
        << QStringLiteral("clientTs");
    QTest::newRow("Connect bad maxObservedTimestamp")
        << QByteArray(R"({"type":"Connect","sessionId":"9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9","connectionCount":0,"maxObservedTimestamp":"AA=="})")
        << QStringLiteral("maxObservedTimestamp");
    QTest::newRow("ModifyQuerySet without modifications")
        << QByteArray(R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1})")
        << QStringLiteral("\"modifications\" is missing");
    QTest::newRow("ModifyQuerySet modification not an object")
        << QByteArray(R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[1]})")
        << QStringLiteral("modification 0 is not an object");
    QTest::newRow("ModifyQuerySet unknown modification")
        << QByteArray(R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Clear"}]})")
        << QStringLiteral("unknown type");
    QTest::newRow("Add without udfPath")
        << QByteArray(R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Add","queryId":0,"args":[{}]}]})")
        << QStringLiteral("udfPath");
    QTest::newRow("Add with bare args")
        << QByteArray(R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Add","queryId":0,"udfPath":"m","args":{}}]})")
        << QStringLiteral("args must be an array holding one object");
    QTest::newRow("Remove without queryId")
        << QByteArray(R"({"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Remove"}]})")
        << QStringLiteral("queryId");
    QTest::newRow("Mutation without args")
        << QByteArray(R"({"type":"Mutation","requestId":0,"udfPath":"m"})")
        << QStringLiteral("Mutation: field \"args\" is missing");
    QTest::newRow("Action with requestId string")
        << QByteArray(R"({"type":"Action","requestId":"0","udfPath":"m","args":[{}]})")
        << QStringLiteral("requestId");
    QTest::newRow("Authenticate unknown tokenType")
        << QByteArray(R"({"type":"Authenticate","tokenType":"Bearer","baseVersion":0})")
        << QStringLiteral("unknown tokenType");
    QTest::newRow("Authenticate User without value")
        << QByteArray(R"({"type":"Authenticate","tokenType":"User","baseVersion":0})")
        << QStringLiteral("\"value\" is missing");
    QTest::newRow("Event without event")
        << QByteArray(R"({"type":"Event","eventType":"x"})")
        << QStringLiteral("\"event\" is missing");
}

void tst_SyncProtocol::clientParseErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!parseClientMessage(input, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!parseClientMessage(input));
}

// ---- server -> client -------------------------------------------------------------------

void tst_SyncProtocol::transitionParse()
{
    const auto transition = parsedServer<Transition>(kTransitionExample);
    QCOMPARE(transition.startVersion, StateVersion());
    QCOMPARE(transition.endVersion, (StateVersion{1, 1, 1}));
    QCOMPARE(transition.clientClockSkew, std::optional<qint64>(-12));
    // Nanoseconds beyond 2^53 stay exact.
    QCOMPARE(transition.serverTs, std::optional<qint64>(1724300000123456789LL));
    QCOMPARE(transition.modifications.size(), 5);

    const auto &updated = std::get<QueryUpdated>(transition.modifications.at(0));
    QCOMPARE(updated.queryId, 0u);
    QCOMPARE(updated.value,
             ConvexValue::fromArray({object({{QStringLiteral("body"), str("hi")},
                                             {QStringLiteral("n"), i64(2)}})}));
    QCOMPARE(updated.logLines, QStringList{QStringLiteral("[LOG] 'hello'")});
    QVERIFY(!updated.journal);

    const auto &undefinedResult = std::get<QueryUpdated>(transition.modifications.at(1));
    QVERIFY(undefinedResult.value.isNull());
    QCOMPARE(undefinedResult.journal, std::optional<QString>(QStringLiteral("j1")));

    const auto &failed = std::get<QueryFailed>(transition.modifications.at(2));
    QCOMPARE(failed.queryId, 1u);
    QCOMPARE(failed.errorMessage, QStringLiteral("Uncaught Error: boom"));
    QCOMPARE(failed.errorData, std::optional<ConvexValue>(object({{QStringLiteral("code"), str("E1")}})));

    const auto &plainFailure = std::get<QueryFailed>(transition.modifications.at(3));
    QVERIFY(!plainFailure.errorData);

    QCOMPARE(std::get<QueryRemoved>(transition.modifications.at(4)).queryId, 3u);
}

void tst_SyncProtocol::transitionEncodeShape()
{
    Transition transition;
    transition.startVersion = StateVersion{1, 1, 1};
    transition.endVersion = StateVersion{2, 1, 256};
    transition.modifications.append(QueryUpdated{5, i64(7), {QStringLiteral("[LOG] 'x'")}, std::nullopt});
    transition.modifications.append(
        QueryFailed{6, QStringLiteral("bad"), {}, QStringLiteral("j"), ConvexValue()});
    transition.modifications.append(QueryFailed{7, QStringLiteral("worse"), {}, std::nullopt, std::nullopt});
    transition.modifications.append(QueryRemoved{8});
    const auto json = transition.toJson();
    QVERIFY(json);
    // What the backend writes: journal and clientClockSkew/serverTs always present, maybe null;
    // errorData only when the query threw a ConvexError (here: ConvexError(null)).
    COMPARE_JSON(*json, R"({"type":"Transition",
        "startVersion":{"querySet":1,"identity":1,"ts":"AQAAAAAAAAA="},
        "endVersion":{"querySet":2,"identity":1,"ts":"AAEAAAAAAAA="},
        "modifications":[
            {"type":"QueryUpdated","queryId":5,"value":{"$integer":"BwAAAAAAAAA="},"logLines":["[LOG] 'x'"],"journal":null},
            {"type":"QueryFailed","queryId":6,"errorMessage":"bad","logLines":[],"journal":"j","errorData":null},
            {"type":"QueryFailed","queryId":7,"errorMessage":"worse","logLines":[],"journal":null},
            {"type":"QueryRemoved","queryId":8}],
        "clientClockSkew":null,"serverTs":null})");

    // errorData: null survives the round trip as "present, null".
    const auto parsed = Transition::fromJson(*json);
    QVERIFY(parsed);
    QCOMPARE(std::get<QueryFailed>(parsed->modifications.at(1)).errorData,
             std::optional<ConvexValue>(ConvexValue()));
    QVERIFY(!std::get<QueryFailed>(parsed->modifications.at(2)).errorData);
}

void tst_SyncProtocol::emptyTransition()
{
    // Legal and common (after a mutation or an Authenticate); old backends omit the last two.
    const auto transition = parsedServer<Transition>(
        R"({"type":"Transition","startVersion":{"querySet":1,"identity":0,"ts":"AQAAAAAAAAA="},
            "endVersion":{"querySet":1,"identity":1,"ts":"AgAAAAAAAAA="},"modifications":[]})");
    QVERIFY(transition.modifications.isEmpty());
    QVERIFY(!transition.clientClockSkew);
    QVERIFY(!transition.serverTs);
}

void tst_SyncProtocol::transitionChunkShape()
{
    const TransitionChunk chunk{QStringLiteral("{\"type\":"), 0, 2, QStringLiteral("t-1")};
    COMPARE_JSON(chunk.toJson(), R"({"type":"TransitionChunk","chunk":"{\"type\":","partNumber":0,
                                     "totalParts":2,"transitionId":"t-1"})");
    const auto parsed = parsedServer<TransitionChunk>(compact(chunk.toJson()).constData());
    QCOMPARE(parsed.chunk, chunk.chunk);
    QCOMPARE(parsed.partNumber, 0u);
    QCOMPARE(parsed.totalParts, 2u);
    QCOMPARE(parsed.transitionId, chunk.transitionId);
}

void tst_SyncProtocol::mutationResponseSuccess()
{
    const auto response = parsedServer<MutationResponse>(
        R"({"type":"MutationResponse","requestId":3,"success":true,"result":{"$integer":"AQAAAAAAAAA="},
            "ts":"AAEAAAAAAAA=","logLines":["[LOG] 'done'"]})");
    QCOMPARE(response.requestId, 3u);
    QVERIFY(response.success);
    QCOMPARE(response.result, i64(1));
    QCOMPARE(response.ts, std::optional<quint64>(256));
    QCOMPARE(response.logLines, QStringList{QStringLiteral("[LOG] 'done'")});
    QVERIFY(response.errorMessage.isEmpty());
    QVERIFY(!response.errorData);

    const auto json = response.toJson();
    QVERIFY(json);
    COMPARE_JSON(*json, R"({"type":"MutationResponse","requestId":3,"success":true,
        "result":{"$integer":"AQAAAAAAAAA="},"ts":"AAEAAAAAAAA=","logLines":["[LOG] 'done'"]})");
}

void tst_SyncProtocol::mutationResponseFailure()
{
    const auto response = parsedServer<MutationResponse>(
        R"({"type":"MutationResponse","requestId":4,"success":false,"result":"Uncaught ConvexError: no",
            "ts":null,"logLines":[],"errorData":{"reason":{"$integer":"AgAAAAAAAAA="}}})");
    QVERIFY(!response.success);
    QCOMPARE(response.errorMessage, QStringLiteral("Uncaught ConvexError: no"));
    QVERIFY(response.result.isNull());
    QVERIFY(!response.ts);
    QCOMPARE(response.errorData, std::optional<ConvexValue>(object({{QStringLiteral("reason"), i64(2)}})));

    const auto json = response.toJson();
    QVERIFY(json);
    COMPARE_JSON(*json, R"({"type":"MutationResponse","requestId":4,"success":false,
        "result":"Uncaught ConvexError: no","ts":null,"logLines":[],
        "errorData":{"reason":{"$integer":"AgAAAAAAAAA="}}})");

    MutationResponse plain;
    plain.requestId = 5;
    plain.errorMessage = QStringLiteral("Server Error");
    COMPARE_JSON(*plain.toJson(), R"({"type":"MutationResponse","requestId":5,"success":false,
        "result":"Server Error","ts":null,"logLines":[]})");
}

void tst_SyncProtocol::actionResponse()
{
    const auto ok = parsedServer<ActionResponse>(
        R"({"type":"ActionResponse","requestId":9,"success":true,"result":"text","logLines":[]})");
    QVERIFY(ok.success);
    QCOMPARE(ok.result, str("text"));
    COMPARE_JSON(*ok.toJson(), R"({"type":"ActionResponse","requestId":9,"success":true,"result":"text","logLines":[]})");

    const auto failed = parsedServer<ActionResponse>(
        R"({"type":"ActionResponse","requestId":10,"success":false,"result":"boom","logLines":["a"],"errorData":null})");
    QVERIFY(!failed.success);
    QCOMPARE(failed.errorMessage, QStringLiteral("boom"));
    QCOMPARE(failed.errorData, std::optional<ConvexValue>(ConvexValue()));
    COMPARE_JSON(*failed.toJson(), R"({"type":"ActionResponse","requestId":10,"success":false,"result":"boom",
                                        "logLines":["a"],"errorData":null})");
}

void tst_SyncProtocol::authError()
{
    const auto rejected = parsedServer<AuthError>(
        R"({"type":"AuthError","error":"Could not verify OIDC token claim","baseVersion":0,"authUpdateAttempted":true})");
    QCOMPARE(rejected.error, QStringLiteral("Could not verify OIDC token claim"));
    QCOMPARE(rejected.baseVersion, std::optional<quint32>(0));
    QCOMPARE(rejected.authUpdateAttempted, std::optional<bool>(true));
    COMPARE_JSON(rejected.toJson(), R"({"type":"AuthError","error":"Could not verify OIDC token claim",
                                        "baseVersion":0,"authUpdateAttempted":true})");

    const auto expired = parsedServer<AuthError>(
        R"({"type":"AuthError","error":"Convex token identity expired","baseVersion":null,"authUpdateAttempted":false})");
    QVERIFY(!expired.baseVersion);
    QCOMPARE(expired.authUpdateAttempted, std::optional<bool>(false));

    const auto old = parsedServer<AuthError>(R"({"type":"AuthError","error":"e"})");
    QVERIFY(!old.baseVersion);
    QVERIFY(!old.authUpdateAttempted);
    COMPARE_JSON(old.toJson(), R"({"type":"AuthError","error":"e","baseVersion":null})");
}

void tst_SyncProtocol::fatalErrorAndPing()
{
    const auto fatal = parsedServer<FatalError>(
        R"({"type":"FatalError","error":"Base version 1 passed up doesn't match the current version 0"})");
    QCOMPARE(fatal.error, QStringLiteral("Base version 1 passed up doesn't match the current version 0"));
    COMPARE_JSON(fatal.toJson(), R"({"type":"FatalError","error":"Base version 1 passed up doesn't match the current version 0"})");

    parsedServer<Ping>(R"({"type":"Ping"})");
    COMPARE_JSON(Ping().toJson(), R"({"type":"Ping"})");
}

void tst_SyncProtocol::serverRoundTrip()
{
    MutationResponse mutation;
    mutation.requestId = 1;
    mutation.success = true;
    mutation.result = ConvexValue::fromFloat64(std::numeric_limits<double>::quiet_NaN());
    mutation.ts = std::numeric_limits<quint64>::max();
    ActionResponse action;
    action.requestId = 2;
    action.errorMessage = QStringLiteral("no");
    action.errorData = str("data");
    AuthError auth{QStringLiteral("e"), 3u, false};

    const QList<ServerMessage> messages{
        parsedServer<Transition>(kTransitionExample),
        TransitionChunk{QStringLiteral("é😀"), 1, 3, QStringLiteral("id")},
        mutation,
        action,
        auth,
        FatalError{QStringLiteral("f")},
        Ping{},
    };
    for (const ServerMessage &message : messages) {
        QString error;
        const auto text = serialize(message, &error);
        QVERIFY2(text, qPrintable(error));
        const auto parsed = parseServerMessage(*text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(messageType(*parsed), messageType(message));
        QCOMPARE(serialize(*parsed), text);
    }
}

void tst_SyncProtocol::serverEncodeError()
{
    Transition transition;
    transition.modifications.append(
        QueryUpdated{1, object({{QStringLiteral("$x"), i64(1)}}), {}, std::nullopt});
    QString error;
    QVERIFY(!transition.toJson(&error));
    QVERIFY2(error.contains(QLatin1String("QueryUpdated: value:")), qPrintable(error));
    QVERIFY(!serialize(ServerMessage(transition)));
}

void tst_SyncProtocol::serverParseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QByteArray("{\"type\":") << QStringLiteral("not valid JSON");
    QTest::newRow("binary garbage") << QByteArray("\xff\xfe\x00\x01", 4) << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[{\"type\":\"Ping\"}]") << QStringLiteral("not a JSON object");
    QTest::newRow("no type") << QByteArray("{}") << QStringLiteral("no \"type\"");
    QTest::newRow("null type") << QByteArray(R"({"type":null})") << QStringLiteral("no \"type\"");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"Transition2"})") << QStringLiteral("Unknown server message type");
    QTest::newRow("long unknown type is cut") << (QByteArray(R"({"type":")") + QByteArray(5000, 'x') + "\"}")
                                              << QStringLiteral("Unknown server message type");
    QTest::newRow("Transition without startVersion")
        << QByteArray(R"({"type":"Transition","endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[]})")
        << QStringLiteral("Transition: field \"startVersion\" is missing");
    QTest::newRow("Transition bad endVersion ts")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAA"},"modifications":[]})")
        << QStringLiteral("endVersion: StateVersion");
    QTest::newRow("Transition modifications not an array")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":{}})")
        << QStringLiteral("\"modifications\" must be an array");
    QTest::newRow("Transition modification of unknown type")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[{"type":"QueryMoved","queryId":1}]})")
        << QStringLiteral("modification 0 has an unknown type");
    QTest::newRow("QueryUpdated bad value")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "modifications":[{"type":"QueryUpdated","queryId":1,"value":{"$float":"AAAAAAAA8D8="},"logLines":[],"journal":null}]})")
        << QStringLiteral("Float 1 should be encoded as a number");
    QTest::newRow("QueryUpdated without value")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "modifications":[{"type":"QueryUpdated","queryId":1,"logLines":[]}]})")
        << QStringLiteral("\"value\" is missing");
    QTest::newRow("QueryFailed logLines not strings")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "modifications":[{"type":"QueryFailed","queryId":1,"errorMessage":"e","logLines":[1]}]})")
        << QStringLiteral("array of strings");
    QTest::newRow("Transition clientClockSkew string")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[],"clientClockSkew":"1"})")
        << QStringLiteral("clientClockSkew");
    QTest::newRow("Transition serverTs too large")
        << QByteArray(R"({"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},
                          "endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[],"serverTs":1e300})")
        << QStringLiteral("serverTs");
    QTest::newRow("MutationResponse without success")
        << QByteArray(R"({"type":"MutationResponse","requestId":1,"result":null,"logLines":[]})")
        << QStringLiteral("\"success\" is missing");
    QTest::newRow("MutationResponse failure result not a string")
        << QByteArray(R"({"type":"MutationResponse","requestId":1,"success":false,"result":{"a":1},"ts":null,"logLines":[]})")
        << QStringLiteral("\"result\" must be a string");
    QTest::newRow("MutationResponse success without result")
        << QByteArray(R"({"type":"MutationResponse","requestId":1,"success":true,"ts":"AAAAAAAAAAA=","logLines":[]})")
        << QStringLiteral("\"result\" is missing");
    QTest::newRow("MutationResponse bad ts")
        << QByteArray(R"({"type":"MutationResponse","requestId":1,"success":true,"result":null,"ts":"nope","logLines":[]})")
        << QStringLiteral("\"ts\"");
    QTest::newRow("MutationResponse bad errorData")
        << QByteArray(R"({"type":"MutationResponse","requestId":1,"success":false,"result":"x","logLines":[],"errorData":{"$set":[]}})")
        << QStringLiteral("errorData");
    QTest::newRow("ActionResponse requestId negative")
        << QByteArray(R"({"type":"ActionResponse","requestId":-1,"success":true,"result":null,"logLines":[]})")
        << QStringLiteral("requestId");
    QTest::newRow("AuthError without error")
        << QByteArray(R"({"type":"AuthError","baseVersion":0})")
        << QStringLiteral("\"error\" is missing");
    QTest::newRow("AuthError authUpdateAttempted string")
        << QByteArray(R"({"type":"AuthError","error":"e","authUpdateAttempted":"true"})")
        << QStringLiteral("authUpdateAttempted");
    QTest::newRow("FatalError error number")
        << QByteArray(R"({"type":"FatalError","error":1})")
        << QStringLiteral("\"error\" must be a string");
    QTest::newRow("TransitionChunk partNumber fraction")
        << QByteArray(R"({"type":"TransitionChunk","chunk":"","partNumber":0.5,"totalParts":1,"transitionId":"t"})")
        << QStringLiteral("partNumber");
    QTest::newRow("TransitionChunk without chunk")
        << QByteArray(R"({"type":"TransitionChunk","partNumber":0,"totalParts":1,"transitionId":"t"})")
        << QStringLiteral("\"chunk\" is missing");
}

void tst_SyncProtocol::serverParseErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!parseServerMessage(input, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(message.size() < 1000);
    QVERIFY(!parseServerMessage(input));
}

// Every field of every message, replaced by every JSON type: parsing answers (a message or an
// error), and never crashes or half-fills.
void tst_SyncProtocol::hostileFieldValuesNeverCrash()
{
    const QList<QJsonValue> replacements{
        QJsonValue(QJsonValue::Null), QJsonValue(true), QJsonValue(-1), QJsonValue(1.5),
        QJsonValue(4294967296.0), QJsonValue(1e300), QJsonValue(QStringLiteral("x")),
        QJsonValue(QStringLiteral("AAAAAAAAAAA=")), QJsonArray(), QJsonObject(),
        QJsonArray{QJsonArray{QJsonArray{}}}, obj(R"({"$integer":"x"})"),
        obj(R"({"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="})"),
        QJsonArray{obj(R"({"type":"QueryRemoved","queryId":-1})")},
    };
    MutationResponse mutation;
    mutation.success = true;
    mutation.ts = 1;
    ActionResponse action;
    action.errorData = ConvexValue();
    const QList<ServerMessage> templates{
        parsedServer<Transition>(kTransitionExample),
        TransitionChunk{QStringLiteral("c"), 0, 1, QStringLiteral("t")},
        mutation, action, AuthError{QStringLiteral("e"), 1u, true}, FatalError{QStringLiteral("f")},
    };
    int parsedCount = 0;
    int rejectedCount = 0;
    for (const ServerMessage &message : templates) {
        const QJsonObject original = *protocol::toJson(message);
        for (const QString &key : original.keys()) {
            for (const QJsonValue &replacement : replacements) {
                for (const bool remove : {false, true}) {
                    QJsonObject hostile = original;
                    if (remove)
                        hostile.remove(key);
                    else
                        hostile.insert(key, replacement);
                    QString error;
                    const auto parsed = parseServerMessage(hostile, &error);
                    if (parsed) {
                        ++parsedCount;
                        QVERIFY(error.isEmpty());
                        QVERIFY(protocol::toJson(*parsed)); // a parsed message is whole
                    } else {
                        ++rejectedCount;
                        QVERIFY(!error.isEmpty());
                    }
                }
            }
        }
    }
    QVERIFY(parsedCount > 0);
    QVERIFY(rejectedCount > 100);

    // The same for the modifications inside a Transition.
    const QJsonObject transition = obj(kTransitionExample);
    const QJsonArray modifications = transition.value(QLatin1String("modifications")).toArray();
    for (qsizetype i = 0; i < modifications.size(); ++i) {
        const QJsonObject modification = modifications.at(i).toObject();
        for (const QString &key : modification.keys()) {
            for (const QJsonValue &replacement : replacements) {
                QJsonObject hostileModification = modification;
                hostileModification.insert(key, replacement);
                QJsonArray hostileList = modifications;
                hostileList.replace(i, hostileModification);
                QJsonObject hostile = transition;
                hostile.insert(QStringLiteral("modifications"), hostileList);
                QString error;
                const auto parsed = parseServerMessage(hostile, &error);
                QVERIFY(parsed || !error.isEmpty());
            }
        }
    }
}

void tst_SyncProtocol::mangledTextNeverCrashes()
{
    const QByteArray original = *serialize(ServerMessage(parsedServer<Transition>(kTransitionExample)));
    QRandomGenerator random(20240822); // fixed: a failure reproduces
    int rejected = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray text = original;
        switch (round % 3) {
        case 0: // truncated
            text.truncate(random.bounded(text.size()));
            break;
        case 1: // a few bytes changed
            for (int flips = 1 + random.bounded(4); flips > 0; --flips)
                text[random.bounded(text.size())] = char(random.bounded(256));
            break;
        default: // a slice repeated
            {
                const qsizetype from = random.bounded(text.size());
                const qsizetype length = random.bounded(text.size() - from) + 1;
                text.insert(random.bounded(text.size()), text.mid(from, length));
            }
            break;
        }
        QString error;
        const auto parsed = parseServerMessage(text, &error);
        if (!parsed) {
            ++rejected;
            QVERIFY(!error.isEmpty());
        }
    }
    QVERIFY(rejected > 1000);
}

void tst_SyncProtocol::messageTypes()
{
    QCOMPARE(messageType(ServerMessage(Ping{})), QStringLiteral("Ping"));
    QCOMPARE(messageType(ServerMessage(Transition{})), QStringLiteral("Transition"));
    QCOMPARE(messageType(ServerMessage(TransitionChunk{})), QStringLiteral("TransitionChunk"));
    QCOMPARE(messageType(ServerMessage(MutationResponse{})), QStringLiteral("MutationResponse"));
    QCOMPARE(messageType(ServerMessage(ActionResponse{})), QStringLiteral("ActionResponse"));
    QCOMPARE(messageType(ServerMessage(AuthError{})), QStringLiteral("AuthError"));
    QCOMPARE(messageType(ServerMessage(FatalError{})), QStringLiteral("FatalError"));
    QCOMPARE(messageType(ClientMessage(Connect{})), QStringLiteral("Connect"));
    QCOMPARE(messageType(ClientMessage(ModifyQuerySet{})), QStringLiteral("ModifyQuerySet"));
    QCOMPARE(messageType(ClientMessage(Mutation{})), QStringLiteral("Mutation"));
    QCOMPARE(messageType(ClientMessage(Action{})), QStringLiteral("Action"));
    QCOMPARE(messageType(ClientMessage(Authenticate{})), QStringLiteral("Authenticate"));
    QCOMPARE(messageType(ClientMessage(Event{})), QStringLiteral("Event"));
}

QTEST_GUILESS_MAIN(tst_SyncProtocol)
#include "tst_convexsyncprotocol.moc"
