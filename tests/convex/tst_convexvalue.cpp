#include <authkitqt/convex/ConvexValue.h>

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QVariantHash>
#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using authkit::convex::ConvexValue;

// Readable QCOMPARE failures (found by ADL).
namespace authkit::convex {
char *toString(const ConvexValue &value)
{
    QString text;
    QDebug(&text).nospace() << value;
    return qstrdup(text.toUtf8().constData());
}
} // namespace authkit::convex

namespace {

// QJsonDocument only parses arrays and objects at the top.
QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + text + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        qFatal("bad test JSON: %s", text);
    return document.array().at(0);
}

QByteArray compact(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray encodedText(const ConvexValue &value)
{
    QString error;
    const auto encoded = value.toJson(&error);
    if (!encoded)
        return "error: " + error.toUtf8();
    return compact(*encoded);
}

double doubleFromBits(quint64 bits)
{
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

quint64 bitsOf(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

ConvexValue i64(qint64 value) { return ConvexValue::fromInt64(value); }
ConvexValue f64(double value) { return ConvexValue::fromFloat64(value); }
ConvexValue str(const char *text) { return ConvexValue::fromString(QString::fromUtf8(text)); }

ConvexValue object(std::initializer_list<std::pair<QString, ConvexValue>> fields)
{
    return ConvexValue::fromObject(ConvexValue::Object(fields));
}

ConvexValue array(std::initializer_list<ConvexValue> elements)
{
    return ConvexValue::fromArray(ConvexValue::Array(elements));
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

// Numbers compare by value: Qt keeps integral numbers as integers, the vectors may not.
bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return bitsOf(a.toDouble()) == bitsOf(b.toDouble());
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (const QString &key : x.keys()) {
            if (!sameJson(x.value(key), y.value(key)))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

// Rebuilds a value from the typed description the vector script writes.
ConvexValue fromDescription(const QJsonObject &d)
{
    const QString kind = d.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("null"))
        return ConvexValue::null();
    if (kind == QLatin1String("bool"))
        return ConvexValue::fromBool(d.value(QLatin1String("value")).toBool());
    if (kind == QLatin1String("int64")) {
        bool ok = false;
        const qint64 value = d.value(QLatin1String("text")).toString().toLongLong(&ok);
        if (!ok)
            qFatal("bad int64 in vectors");
        return ConvexValue::fromInt64(value);
    }
    if (kind == QLatin1String("float64")) {
        const QByteArray bits =
            QByteArray::fromHex(d.value(QLatin1String("bits")).toString().toLatin1());
        if (bits.size() != 8)
            qFatal("bad float64 bits in vectors");
        return ConvexValue::fromFloat64(doubleFromBits(qFromLittleEndian<quint64>(bits.constData())));
    }
    if (kind == QLatin1String("string"))
        return ConvexValue::fromString(d.value(QLatin1String("text")).toString());
    if (kind == QLatin1String("bytes"))
        return ConvexValue::fromBytes(
            QByteArray::fromHex(d.value(QLatin1String("hex")).toString().toLatin1()));
    if (kind == QLatin1String("array")) {
        ConvexValue::Array elements;
        const QJsonArray items = d.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            elements.append(fromDescription(item.toObject()));
        return ConvexValue::fromArray(elements);
    }
    if (kind == QLatin1String("object")) {
        ConvexValue::Object fields;
        const QJsonArray pairs = d.value(QLatin1String("fields")).toArray();
        for (const QJsonValue &pair : pairs) {
            fields.insert(pair.toArray().at(0).toString(),
                          fromDescription(pair.toArray().at(1).toObject()));
        }
        return ConvexValue::fromObject(fields);
    }
    qFatal("unknown kind in vectors");
}

} // namespace

class tst_ConvexValue : public QObject
{
    Q_OBJECT

private slots:
    void nullByDefault();
    void constructionAndAccessors();
    void accessorsOfOtherTypesGiveDefaults();
    void elementAndFieldAccess();
    void int64AndFloat64StayApart();
    void equality_data();
    void equality();
    void exactEncodings_data();
    void exactEncodings();
    void roundTrip_data();
    void roundTrip();
    void objectKeysAreSorted();
    void keyRulesOnEncode_data();
    void keyRulesOnEncode();
    void decode_data();
    void decode();
    void decodeErrors_data();
    void decodeErrors();
    void commitTsPlaceholderIsRefused();
    void nestingIsBounded();
    void variantFromValue_data();
    void variantFromValue();
    void valueFromVariant_data();
    void valueFromVariant();
    void variantErrors();
    void debugOutput();
    void officialEncodeVectors();
    void officialDecodeVectors();

private:
    QJsonObject vectors();
};

void tst_ConvexValue::nullByDefault()
{
    const ConvexValue value;
    QCOMPARE(value.type(), ConvexValue::Type::Null);
    QVERIFY(value.isNull());
    QCOMPARE(value, ConvexValue::null());
    QCOMPARE(encodedText(value), QByteArray("null"));
}

void tst_ConvexValue::constructionAndAccessors()
{
    QVERIFY(ConvexValue::fromBool(true).isBool());
    QCOMPARE(ConvexValue::fromBool(true).toBool(), true);
    QCOMPARE(ConvexValue::fromBool(false).toBool(true), false);

    QVERIFY(i64(-7).isInt64());
    QCOMPARE(i64(-7).toInt64(), qint64(-7));
    QCOMPARE(i64(std::numeric_limits<qint64>::min()).toInt64(),
             std::numeric_limits<qint64>::min());

    QVERIFY(f64(2.5).isFloat64());
    QCOMPARE(f64(2.5).toFloat64(), 2.5);

    QVERIFY(str("hé").isString());
    QCOMPARE(str("hé").toString(), QStringLiteral("hé"));

    const QByteArray withNuls("\0a\0\0", 4);
    QVERIFY(ConvexValue::fromBytes(withNuls).isBytes());
    QCOMPARE(ConvexValue::fromBytes(withNuls).toBytes(), withNuls);

    const ConvexValue list = array({i64(1), str("x")});
    QVERIFY(list.isArray());
    QCOMPARE(list.toArray().size(), 2);

    const ConvexValue fields = object({{QStringLiteral("a"), i64(1)}});
    QVERIFY(fields.isObject());
    QCOMPARE(fields.toObject().keys(), QStringList{QStringLiteral("a")});

    // Copies share; they are equal and stay so (the type is immutable).
    const ConvexValue copy = fields;
    QCOMPARE(copy, fields);
}

void tst_ConvexValue::accessorsOfOtherTypesGiveDefaults()
{
    const ConvexValue number = f64(5);
    QCOMPARE(number.toInt64(), qint64(0)); // no conversion from float64 to int64
    QCOMPARE(number.toInt64(42), qint64(42));
    QCOMPARE(i64(5).toFloat64(), 0.0);
    QCOMPARE(i64(5).toFloat64(1.5), 1.5);
    QCOMPARE(str("true").toBool(), false);
    QVERIFY(i64(1).toString().isNull());
    QVERIFY(str("x").toBytes().isNull());
    QVERIFY(str("x").toArray().isEmpty());
    QVERIFY(str("x").toObject().isEmpty());
    QVERIFY(ConvexValue().toArray().isEmpty());
}

void tst_ConvexValue::elementAndFieldAccess()
{
    const ConvexValue list = array({i64(1), str("two")});
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1), str("two"));
    QVERIFY(list.at(2).isNull());
    QVERIFY(list.at(-1).isNull());

    const ConvexValue fields = object({{QStringLiteral("a"), i64(1)}});
    QCOMPARE(fields.size(), 1);
    QVERIFY(fields.contains(QStringLiteral("a")));
    QVERIFY(!fields.contains(QStringLiteral("b")));
    QCOMPARE(fields.value(QStringLiteral("a")), i64(1));
    QVERIFY(fields.value(QStringLiteral("b")).isNull());

    QCOMPARE(i64(1).size(), 0);
    QVERIFY(i64(1).at(0).isNull());
    QVERIFY(!list.contains(QStringLiteral("a")));
}

void tst_ConvexValue::int64AndFloat64StayApart()
{
    QVERIFY(i64(5) != f64(5));
    QCOMPARE(encodedText(i64(5)), QByteArray(R"({"$integer":"BQAAAAAAAAA="})"));
    QCOMPARE(encodedText(f64(5)), QByteArray("5"));
    // A plain JSON number is always a float64, even when integral (JS semantics).
    const auto decoded = ConvexValue::fromJson(json("5"));
    QVERIFY(decoded);
    QVERIFY(decoded->isFloat64());
    QCOMPARE(*decoded, f64(5));
}

void tst_ConvexValue::equality_data()
{
    QTest::addColumn<ConvexValue>("a");
    QTest::addColumn<ConvexValue>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("null") << ConvexValue() << ConvexValue::null() << true;
    QTest::newRow("null vs false") << ConvexValue() << ConvexValue::fromBool(false) << false;
    QTest::newRow("NaN == NaN") << f64(kNaN) << f64(kNaN) << true;
    QTest::newRow("NaN payloads differ") << f64(kNaN) << f64(doubleFromBits(0x7ff8000000000001ULL))
                                         << false;
    QTest::newRow("-0 != +0") << f64(-0.0) << f64(0.0) << false;
    QTest::newRow("+0 == +0") << f64(0.0) << f64(0.0) << true;
    QTest::newRow("+Inf") << f64(kInf) << f64(kInf) << true;
    QTest::newRow("+Inf vs -Inf") << f64(kInf) << f64(-kInf) << false;
    QTest::newRow("int64 vs float64") << i64(0) << f64(0) << false;
    QTest::newRow("string vs bytes") << str("a") << ConvexValue::fromBytes("a") << false;
    QTest::newRow("bytes with NULs") << ConvexValue::fromBytes(QByteArray("\0\0", 2))
                                     << ConvexValue::fromBytes(QByteArray("\0\0", 2)) << true;
    QTest::newRow("bytes length") << ConvexValue::fromBytes(QByteArray("\0", 1))
                                  << ConvexValue::fromBytes(QByteArray("\0\0", 2)) << false;
    QTest::newRow("nested NaN") << array({array({f64(kNaN)})}) << array({array({f64(kNaN)})})
                                << true;
    QTest::newRow("nested -0") << array({f64(-0.0)}) << array({f64(0.0)}) << false;
    QTest::newRow("array order") << array({i64(1), i64(2)}) << array({i64(2), i64(1)}) << false;
    QTest::newRow("empty array vs object") << array({}) << object({}) << false;
    QTest::newRow("object insertion order")
        << object({{QStringLiteral("a"), i64(1)}, {QStringLiteral("b"), i64(2)}})
        << object({{QStringLiteral("b"), i64(2)}, {QStringLiteral("a"), i64(1)}}) << true;
    QTest::newRow("object values")
        << object({{QStringLiteral("a"), i64(1)}}) << object({{QStringLiteral("a"), f64(1)}})
        << false;
}

void tst_ConvexValue::equality()
{
    QFETCH(ConvexValue, a);
    QFETCH(ConvexValue, b);
    QFETCH(bool, equal);
    QCOMPARE(a == b, equal);
    QCOMPARE(b == a, equal);
    QCOMPARE(a != b, !equal);
}

void tst_ConvexValue::exactEncodings_data()
{
    QTest::addColumn<ConvexValue>("value");
    QTest::addColumn<QByteArray>("expected");

    // The byte strings of docs/convex-protocol.md#transport and #values.
    QTest::newRow("int64 1") << i64(1) << QByteArray(R"({"$integer":"AQAAAAAAAAA="})");
    QTest::newRow("int64 -1") << i64(-1) << QByteArray(R"({"$integer":"//////////8="})");
    QTest::newRow("int64 0") << i64(0) << QByteArray(R"({"$integer":"AAAAAAAAAAA="})");
    QTest::newRow("int64 max") << i64(std::numeric_limits<qint64>::max())
                               << QByteArray(R"({"$integer":"/////////38="})");
    QTest::newRow("int64 min") << i64(std::numeric_limits<qint64>::min())
                               << QByteArray(R"({"$integer":"AAAAAAAAAIA="})");
    QTest::newRow("NaN") << f64(kNaN) << QByteArray(R"({"$float":"AAAAAAAA+H8="})");
    QTest::newRow("+Inf") << f64(kInf) << QByteArray(R"({"$float":"AAAAAAAA8H8="})");
    QTest::newRow("-Inf") << f64(-kInf) << QByteArray(R"({"$float":"AAAAAAAA8P8="})");
    QTest::newRow("-0") << f64(-0.0) << QByteArray(R"({"$float":"AAAAAAAAAIA="})");
    // Finite floats other than -0 are plain numbers.
    QTest::newRow("+0") << f64(0.0) << QByteArray("0");
    QTest::newRow("1.5") << f64(1.5) << QByteArray("1.5");
    QTest::newRow("-2") << f64(-2) << QByteArray("-2");
    QTest::newRow("max double") << f64(std::numeric_limits<double>::max())
                                << QByteArray("1.7976931348623157e+308");
    QTest::newRow("bool") << ConvexValue::fromBool(true) << QByteArray("true");
    QTest::newRow("string") << str("a\"b") << QByteArray(R"("a\"b")");
    QTest::newRow("bytes empty") << ConvexValue::fromBytes({}) << QByteArray(R"({"$bytes":""})");
    QTest::newRow("bytes NULs") << ConvexValue::fromBytes(QByteArray("\0\0\0", 3))
                                << QByteArray(R"({"$bytes":"AAAA"})");
    QTest::newRow("bytes padded") << ConvexValue::fromBytes(QByteArray("\xfb\xff", 2))
                                  << QByteArray(R"({"$bytes":"+/8="})");
    QTest::newRow("array empty") << array({}) << QByteArray("[]");
    QTest::newRow("object empty") << object({}) << QByteArray("{}");
    QTest::newRow("nested")
        << object({{QStringLiteral("list"), array({i64(2), f64(-0.0), ConvexValue()})}})
        << QByteArray(R"({"list":[{"$integer":"AgAAAAAAAAA="},{"$float":"AAAAAAAAAIA="},null]})");
}

void tst_ConvexValue::exactEncodings()
{
    QFETCH(ConvexValue, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(encodedText(value), expected);
}

void tst_ConvexValue::roundTrip_data()
{
    QTest::addColumn<ConvexValue>("value");

    QTest::newRow("null") << ConvexValue();
    QTest::newRow("true") << ConvexValue::fromBool(true);
    QTest::newRow("false") << ConvexValue::fromBool(false);
    QTest::newRow("int64 min") << i64(std::numeric_limits<qint64>::min());
    QTest::newRow("int64 max") << i64(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 0") << i64(0);
    QTest::newRow("int64 -1") << i64(-1);
    QTest::newRow("NaN") << f64(kNaN);
    QTest::newRow("NaN with payload") << f64(doubleFromBits(0x7ff8dead0000beefULL));
    QTest::newRow("negative NaN") << f64(doubleFromBits(0xfff8000000000000ULL));
    QTest::newRow("+Inf") << f64(kInf);
    QTest::newRow("-Inf") << f64(-kInf);
    QTest::newRow("-0") << f64(-0.0);
    QTest::newRow("+0") << f64(0.0);
    QTest::newRow("0.1") << f64(0.1);
    QTest::newRow("min denormal") << f64(std::numeric_limits<double>::denorm_min());
    QTest::newRow("2^53 + 2") << f64(9007199254740994.0);
    QTest::newRow("1e300") << f64(1e300);
    QTest::newRow("string unicode") << str("é ☃ 😀");
    QTest::newRow("string NUL") << ConvexValue::fromString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    QTest::newRow("bytes with NULs") << ConvexValue::fromBytes(QByteArray("\0\1\0\xff\0", 5));
    QTest::newRow("bytes empty") << ConvexValue::fromBytes({});
    QTest::newRow("empty array") << array({});
    QTest::newRow("empty object") << object({});
    QTest::newRow("nested")
        << object({
               {QStringLiteral("a"), array({array({}), object({}), f64(kNaN), i64(-1)})},
               {QStringLiteral("b"),
                object({{QStringLiteral("c"), ConvexValue::fromBytes(QByteArray("\0", 1))}})},
               {QStringLiteral(""), str("empty key is allowed")},
           });
}

void tst_ConvexValue::roundTrip()
{
    QFETCH(ConvexValue, value);
    QString error;
    const auto encoded = value.toJson(&error);
    QVERIFY2(encoded, qPrintable(error));

    // Straight back...
    auto decoded = ConvexValue::fromJson(*encoded, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, value);

    // ...and through the text of a frame.
    const QByteArray text = QByteArray("[") + compact(*encoded) + QByteArray("]");
    const QJsonValue reparsed = QJsonDocument::fromJson(text).array().at(0);
    decoded = ConvexValue::fromJson(reparsed, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, value);
}

void tst_ConvexValue::objectKeysAreSorted()
{
    ConvexValue::Object fields;
    for (const char *key : {"b", "~", "a", "_", "B", " ", "a1", "A", "a "})
        fields.insert(QString::fromLatin1(key), i64(0));
    const QByteArray text = encodedText(ConvexValue::fromObject(fields));
    QStringList order;
    const QJsonObject parsed = QJsonDocument::fromJson(text).object();
    QVERIFY(!parsed.isEmpty());
    // Byte order of ASCII, as JS's < on the keys: ' ' < 'A' < 'B' < '_' < 'a' < 'a ' < 'a1' < 'b' < '~'.
    qsizetype last = -1;
    for (const char *key : {" ", "A", "B", "_", "a", "a ", "a1", "b", "~"}) {
        const qsizetype at = text.indexOf(QByteArray(QByteArray("\"") + key + "\":"));
        QVERIFY2(at > last, key);
        last = at;
    }
}

void tst_ConvexValue::keyRulesOnEncode_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error"); // empty: the key is fine

    QTest::newRow("plain") << QStringLiteral("channel") << QString();
    QTest::newRow("printable ASCII")
        << QStringLiteral(" !\"#%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~") << QString();
    QTest::newRow("dollar inside") << QStringLiteral("a$") << QString();
    QTest::newRow("1024 chars") << QString(1024, QLatin1Char('k')) << QString();
    QTest::newRow("leading $")
        << QStringLiteral("$a") << QStringLiteral("Field name $a starts with a '$', which is reserved.");
    QTest::newRow("$integer as a key with a sibling")
        << QStringLiteral("$integer") << QStringLiteral("starts with a '$'");
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(0)) << QStringLiteral("has invalid character");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("has invalid character");
    QTest::newRow("unit separator") << QStringLiteral("\x1f") << QStringLiteral("has invalid character");
    QTest::newRow("DEL") << QStringLiteral("\x7f") << QStringLiteral("has invalid character");
    QTest::newRow("non-ASCII") << QStringLiteral("é")
                               << QStringLiteral("Field name é has invalid character 'é': Field "
                                                 "names can only contain non-control ASCII "
                                                 "characters");
    QTest::newRow("1025 chars") << QString(1025, QLatin1Char('k'))
                                << QStringLiteral("exceeds maximum field name length 1024.");
}

void tst_ConvexValue::keyRulesOnEncode()
{
    QFETCH(QString, key);
    QFETCH(QString, error);

    const ConvexValue value = object({{key, i64(1)}, {QStringLiteral("z"), i64(2)}});
    QString message;
    const auto encoded = value.toJson(&message);
    if (error.isEmpty()) {
        QVERIFY2(encoded, qPrintable(message));
        QVERIFY(encoded->toObject().contains(key));
        return;
    }
    QVERIFY(!encoded);
    QVERIFY2(message.contains(error), qPrintable(message));

    // Deep inside, the error says where; an error pointer is optional.
    const ConvexValue nested =
        object({{QStringLiteral("outer"), array({i64(0), value})}});
    QVERIFY(!nested.toJson());
    QVERIFY(!nested.toJson(&message));
    QVERIFY2(message.contains(QStringLiteral("(at path .outer[1].")), qPrintable(message));
}

void tst_ConvexValue::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ConvexValue>("expected");

    QTest::newRow("$integer 1") << QByteArray(R"({"$integer":"AQAAAAAAAAA="})") << i64(1);
    QTest::newRow("$integer -1") << QByteArray(R"({"$integer":"//////////8="})") << i64(-1);
    QTest::newRow("$integer -1 URL-safe") << QByteArray(R"({"$integer":"__________8="})") << i64(-1);
    QTest::newRow("$float NaN") << QByteArray(R"({"$float":"AAAAAAAA+H8="})") << f64(kNaN);
    QTest::newRow("$float +Inf") << QByteArray(R"({"$float":"AAAAAAAA8H8="})") << f64(kInf);
    QTest::newRow("$float -Inf") << QByteArray(R"({"$float":"AAAAAAAA8P8="})") << f64(-kInf);
    QTest::newRow("$float -0") << QByteArray(R"({"$float":"AAAAAAAAAIA="})") << f64(-0.0);
    QTest::newRow("$bytes URL-safe") << QByteArray(R"({"$bytes":"-_-_"})")
                                     << ConvexValue::fromBytes("\xfb\xff\xbf");
    QTest::newRow("$bytes mixed alphabets") << QByteArray(R"({"$bytes":"+_-/"})")
                                            << ConvexValue::fromBytes("\xfb\xff\xbf");
    QTest::newRow("$bytes empty") << QByteArray(R"({"$bytes":""})") << ConvexValue::fromBytes({});
    QTest::newRow("plain integer") << QByteArray("5") << f64(5);
    QTest::newRow("plain fraction") << QByteArray("-5.25") << f64(-5.25);
    QTest::newRow("plain big integer") << QByteArray("9007199254740993") << f64(9007199254740992.0);
    QTest::newRow("plain exponent") << QByteArray("1e21") << f64(1e21);
    QTest::newRow("string") << QByteArray(R"("$integer")") << str("$integer");
    QTest::newRow("bool") << QByteArray("false") << ConvexValue::fromBool(false);
    QTest::newRow("null") << QByteArray("null") << ConvexValue();
    QTest::newRow("empty object") << QByteArray("{}") << object({});
    QTest::newRow("empty array") << QByteArray("[]") << array({});
    QTest::newRow("non-special one-key object")
        << QByteArray(R"({"integer":"AQAAAAAAAAA="})")
        << object({{QStringLiteral("integer"), str("AQAAAAAAAAA=")}});
    QTest::newRow("nested")
        << QByteArray(R"({"b":[{"$integer":"AgAAAAAAAAA="}],"a":{"$bytes":"AA=="}})")
        << object({{QStringLiteral("a"), ConvexValue::fromBytes(QByteArray("\0", 1))},
                   {QStringLiteral("b"), array({i64(2)})}});
}

void tst_ConvexValue::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(ConvexValue, expected);
    QString error;
    const auto decoded = ConvexValue::fromJson(json(input.constData()), &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, expected);
    QVERIFY(error.isEmpty());
}

void tst_ConvexValue::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("$float 1.0") << QByteArray(R"({"$float":"AAAAAAAA8D8="})")
                                << QStringLiteral("Float 1 should be encoded as a number");
    QTest::newRow("$float +0") << QByteArray(R"({"$float":"AAAAAAAAAAA="})")
                               << QStringLiteral("Float 0 should be encoded as a number");
    QTest::newRow("$float 1.5") << QByteArray(R"({"$float":"AAAAAAAA+D8="})")
                                << QStringLiteral("Float 1.5 should be encoded as a number");
    QTest::newRow("$integer 4 bytes") << QByteArray(R"({"$integer":"AQAAAA=="})")
                                      << QStringLiteral("Received 4 bytes, expected 8 for $integer");
    QTest::newRow("$integer 7 bytes") << QByteArray(R"({"$integer":"AQAAAAAAAA=="})")
                                      << QStringLiteral("Received 7 bytes, expected 8 for $integer");
    QTest::newRow("$integer 9 bytes") << QByteArray(R"({"$integer":"AQAAAAAAAAAA"})")
                                      << QStringLiteral("Received 9 bytes, expected 8 for $integer");
    QTest::newRow("$integer empty") << QByteArray(R"({"$integer":""})")
                                    << QStringLiteral("Received 0 bytes, expected 8 for $integer");
    QTest::newRow("$float 10 bytes") << QByteArray(R"({"$float":"AAAAAAAAAAAAAA=="})")
                                     << QStringLiteral("Received 10 bytes, expected 8 for $float");
    QTest::newRow("$integer unpadded") << QByteArray(R"({"$integer":"AQAAAAAAAAA"})")
                                       << QStringLiteral("Malformed $integer field: invalid base64");
    QTest::newRow("$integer bad character") << QByteArray(R"({"$integer":"AQAAAAAA*AA="})")
                                            << QStringLiteral("invalid base64");
    QTest::newRow("$integer space") << QByteArray(R"({"$integer":"AQAAAAAA AA="})")
                                    << QStringLiteral("invalid base64");
    QTest::newRow("$integer padding inside") << QByteArray(R"({"$integer":"AQ==AAAAAAA="})")
                                             << QStringLiteral("invalid base64");
    QTest::newRow("$integer three pads") << QByteArray(R"({"$integer":"AQAAAAAAA==="})")
                                         << QStringLiteral("invalid base64");
    QTest::newRow("$bytes bad character") << QByteArray(R"({"$bytes":"AA.A"})")
                                          << QStringLiteral("Malformed $bytes field: invalid base64");
    QTest::newRow("$integer number") << QByteArray(R"({"$integer":1})")
                                     << QStringLiteral("Malformed $integer field");
    QTest::newRow("$float null") << QByteArray(R"({"$float":null})")
                                 << QStringLiteral("Malformed $float field");
    QTest::newRow("$bytes array") << QByteArray(R"({"$bytes":[1]})")
                                  << QStringLiteral("Malformed $bytes field");
    QTest::newRow("$set") << QByteArray(R"({"$set":[]})")
                          << QStringLiteral("Received a Set which is no longer supported as a Convex type.");
    QTest::newRow("$map") << QByteArray(R"({"$map":[]})")
                          << QStringLiteral("Received a Map which is no longer supported as a Convex type.");
    // Special only as the one key: with a sibling, "$integer" is an ordinary (invalid) key.
    QTest::newRow("$integer with sibling")
        << QByteArray(R"({"$integer":"AQAAAAAAAAA=","x":1})")
        << QStringLiteral("Field name $integer starts with a '$', which is reserved.");
    QTest::newRow("unknown $ key") << QByteArray(R"({"$unknown":1})")
                                   << QStringLiteral("Field name $unknown starts with a '$'");
    QTest::newRow("non-ASCII key") << QByteArray(R"({"é":1})")
                                   << QStringLiteral("has invalid character 'é'");
    QTest::newRow("control key") << QByteArray("{\"a\\u0001\":1}")
                                 << QStringLiteral("has invalid character");
    QTest::newRow("nested error with path")
        << QByteArray(R"({"a":[1,{"$float":"AAAAAAAA8D8="}]})")
        << QStringLiteral("Float 1 should be encoded as a number (at path .a[1])");
}

void tst_ConvexValue::decodeErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!ConvexValue::fromJson(json(input.constData()), &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!ConvexValue::fromJson(json(input.constData()))); // no error pointer: no crash
}

void tst_ConvexValue::commitTsPlaceholderIsRefused()
{
    // convex >= 1.4x decodes this to a write-only placeholder that has no C++ type.
    QString error;
    QVERIFY(!ConvexValue::fromJson(json(R"({"$commitTs":null})"), &error));
    QVERIFY2(error.contains(QStringLiteral("$commitTs")), qPrintable(error));
    QVERIFY(!ConvexValue::fromJson(QJsonValue(QJsonValue::Undefined), &error));
    QVERIFY2(error.contains(QStringLiteral("undefined")), qPrintable(error));
}

void tst_ConvexValue::nestingIsBounded()
{
    ConvexValue deep = i64(1);
    QJsonValue deepJson(1);
    for (int i = 0; i < 1100; ++i) {
        deep = ConvexValue::fromArray({deep});
        deepJson = QJsonArray{deepJson};
    }
    QString error;
    QVERIFY(!deep.toJson(&error));
    QVERIFY2(error.contains(QStringLiteral("nested")), qPrintable(error));
    QVERIFY(!ConvexValue::fromJson(deepJson, &error));
    QVERIFY2(error.contains(QStringLiteral("nested")), qPrintable(error));
    QVERIFY(!ConvexValue::fromVariant(deep.toVariant(), &error));

    // Hostile text never gets that far: QJsonDocument refuses it.
    const QByteArray text = QByteArray(5000, '[') + QByteArray(5000, ']');
    QJsonParseError parseError;
    QJsonDocument::fromJson(text, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::DeepNesting);
}

void tst_ConvexValue::variantFromValue_data()
{
    QTest::addColumn<ConvexValue>("value");
    QTest::addColumn<int>("metaType");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("bool") << ConvexValue::fromBool(true) << int(QMetaType::Bool) << QVariant(true);
    QTest::newRow("int64") << i64(-5) << int(QMetaType::LongLong) << QVariant(qint64(-5));
    QTest::newRow("float64") << f64(2.5) << int(QMetaType::Double) << QVariant(2.5);
    QTest::newRow("string") << str("x") << int(QMetaType::QString) << QVariant(QStringLiteral("x"));
    QTest::newRow("bytes") << ConvexValue::fromBytes(QByteArray("\0x", 2))
                           << int(QMetaType::QByteArray) << QVariant(QByteArray("\0x", 2));
    QTest::newRow("array") << array({i64(1), str("a")}) << int(QMetaType::QVariantList)
                           << QVariant(QVariantList{qint64(1), QStringLiteral("a")});
    QTest::newRow("object") << object({{QStringLiteral("k"), f64(1)}}) << int(QMetaType::QVariantMap)
                            << QVariant(QVariantMap{{QStringLiteral("k"), 1.0}});
}

void tst_ConvexValue::variantFromValue()
{
    QFETCH(ConvexValue, value);
    QFETCH(int, metaType);
    QFETCH(QVariant, expected);
    const QVariant variant = value.toVariant();
    QCOMPARE(variant.metaType().id(), metaType);
    QCOMPARE(variant, expected);
    const auto back = ConvexValue::fromVariant(variant);
    QVERIFY(back);
    QCOMPARE(*back, value);
}

void tst_ConvexValue::valueFromVariant_data()
{
    QTest::addColumn<QVariant>("variant");
    QTest::addColumn<ConvexValue>("expected");

    QTest::newRow("invalid") << QVariant() << ConvexValue();
    QTest::newRow("nullptr") << QVariant::fromValue(nullptr) << ConvexValue();
    QTest::newRow("int") << QVariant(int(-3)) << i64(-3);
    QTest::newRow("uint") << QVariant(uint(3)) << i64(3);
    QTest::newRow("qulonglong in range") << QVariant(qulonglong(1) << 62) << i64(qint64(1) << 62);
    QTest::newRow("float") << QVariant(1.5f) << f64(1.5);
    QTest::newRow("double NaN") << QVariant(kNaN) << f64(kNaN);
    QTest::newRow("string list") << QVariant(QStringList{QStringLiteral("a")}) << array({str("a")});
    QTest::newRow("hash") << QVariant(QVariantHash{{QStringLiteral("b"), 1}, {QStringLiteral("a"), true}})
                          << object({{QStringLiteral("a"), ConvexValue::fromBool(true)},
                                     {QStringLiteral("b"), i64(1)}});
    QTest::newRow("nested") << QVariant(QVariantMap{{QStringLiteral("l"), QVariantList{QVariant(), 2.0}}})
                            << object({{QStringLiteral("l"), array({ConvexValue(), f64(2)})}});
    QTest::newRow("ConvexValue inside") << QVariant::fromValue(i64(9)) << i64(9);
}

void tst_ConvexValue::valueFromVariant()
{
    QFETCH(QVariant, variant);
    QFETCH(ConvexValue, expected);
    QString error;
    const auto value = ConvexValue::fromVariant(variant, &error);
    QVERIFY2(value, qPrintable(error));
    QCOMPARE(*value, expected);
}

void tst_ConvexValue::variantErrors()
{
    QString error;
    QVERIFY(!ConvexValue::fromVariant(QVariant(std::numeric_limits<qulonglong>::max()), &error));
    QVERIFY2(error.contains(QStringLiteral("64-bit")), qPrintable(error));
    QVERIFY(!ConvexValue::fromVariant(QVariant(QDate(2024, 1, 1)), &error));
    QVERIFY2(error.contains(QStringLiteral("QDate")), qPrintable(error));
    QVERIFY(!ConvexValue::fromVariant(QVariantList{1, QVariant(QDate(2024, 1, 1))}, &error));
    QVERIFY2(error.contains(QStringLiteral("[1]")), qPrintable(error));
    QVERIFY(!ConvexValue::fromVariant(QVariant(QDate(2024, 1, 1))));
}

void tst_ConvexValue::debugOutput()
{
    QString text;
    QDebug(&text) << object({{QStringLiteral("a"),
                              array({i64(1), f64(kNaN), f64(-0.0), f64(1.5),
                                     ConvexValue::fromBytes(QByteArray("\0\1", 2)), ConvexValue()})},
                             {QStringLiteral("b"), str("q\"")}});
    QCOMPARE(text, QStringLiteral(R"(ConvexValue({"a": [1n, NaN, -0, 1.5, b"AAE=", null], "b": "q\""}) )"));
}

QJsonObject tst_ConvexValue::vectors()
{
    QFile file(QStringLiteral(AUTHKIT_CONVEX_VALUE_VECTORS));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", AUTHKIT_CONVEX_VALUE_VECTORS);
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.isEmpty())
        qFatal("bad vectors file");
    return root;
}

// Values made by the official client and what its convexToJson wrote for them
// (tests/convex/vectors/make-value-vectors.mjs).
void tst_ConvexValue::officialEncodeVectors()
{
    const QJsonObject root = vectors();
    qInfo("vectors from convex %s", qPrintable(root.value(QLatin1String("convex")).toString()));

    const QJsonArray encode = root.value(QLatin1String("encode")).toArray();
    QVERIFY(encode.size() > 40);
    for (const QJsonValue &entry : encode) {
        const QJsonObject vector = entry.toObject();
        const QByteArray name = vector.value(QLatin1String("name")).toString().toUtf8();
        const ConvexValue value = fromDescription(vector.value(QLatin1String("value")).toObject());
        const QJsonValue expected = vector.value(QLatin1String("json"));
        QString error;
        const auto encoded = value.toJson(&error);
        QVERIFY2(encoded, QByteArray(name + ": " + error.toUtf8()).constData());
        QVERIFY2(sameJson(*encoded, expected),
                 QByteArray(name + ": " + compact(*encoded) + " != " + compact(expected)).constData());
        const auto decoded = ConvexValue::fromJson(expected, &error);
        QVERIFY2(decoded, QByteArray(name + ": " + error.toUtf8()).constData());
        QVERIFY2(*decoded == value, name.constData());
    }

    const QJsonArray errors = root.value(QLatin1String("encodeErrors")).toArray();
    QVERIFY(errors.size() >= 8);
    for (const QJsonValue &entry : errors) {
        const QJsonObject vector = entry.toObject();
        const QByteArray name = vector.value(QLatin1String("name")).toString().toUtf8();
        const ConvexValue value = fromDescription(vector.value(QLatin1String("value")).toObject());
        const QString expected = vector.value(QLatin1String("error")).toString();
        QString error;
        QVERIFY2(!value.toJson(&error), name.constData());
        // Ours may add " (at path ...)".
        QVERIFY2(error.startsWith(expected), QByteArray(name + ": " + error.toUtf8()).constData());
    }
}

void tst_ConvexValue::officialDecodeVectors()
{
    const QJsonObject root = vectors();
    const QJsonArray decode = root.value(QLatin1String("decode")).toArray();
    QVERIFY(decode.size() > 10);
    for (const QJsonValue &entry : decode) {
        const QJsonObject vector = entry.toObject();
        const QByteArray name = vector.value(QLatin1String("name")).toString().toUtf8();
        QString error;
        const auto decoded = ConvexValue::fromJson(vector.value(QLatin1String("json")), &error);
        QVERIFY2(decoded, QByteArray(name + ": " + error.toUtf8()).constData());
        QVERIFY2(*decoded == fromDescription(vector.value(QLatin1String("value")).toObject()),
                 name.constData());
        const auto reencoded = decoded->toJson(&error);
        QVERIFY2(reencoded, QByteArray(name + ": " + error.toUtf8()).constData());
        QVERIFY2(sameJson(*reencoded, vector.value(QLatin1String("reencoded"))), name.constData());
    }

    const QJsonArray errors = root.value(QLatin1String("decodeErrors")).toArray();
    QVERIFY(errors.size() > 10);
    for (const QJsonValue &entry : errors) {
        const QJsonObject vector = entry.toObject();
        const QByteArray name = vector.value(QLatin1String("name")).toString().toUtf8();
        const QString expected = vector.value(QLatin1String("error")).toString();
        QString error;
        QVERIFY2(!ConvexValue::fromJson(vector.value(QLatin1String("json")), &error),
                 name.constData());
        // Where JS prints "[object Object]" or its base64 library's words, ours says it better;
        // everywhere else the message is the official one.
        if (expected.contains(QLatin1String("[object Object]"))
            || expected.startsWith(QLatin1String("Invalid string"))) {
            QVERIFY2(error.startsWith(QLatin1String("Malformed $")),
                     QByteArray(name + ": " + error.toUtf8()).constData());
        } else {
            QVERIFY2(error.startsWith(expected), QByteArray(name + ": " + error.toUtf8()).constData());
        }
    }
}

QTEST_GUILESS_MAIN(tst_ConvexValue)
#include "tst_convexvalue.moc"
