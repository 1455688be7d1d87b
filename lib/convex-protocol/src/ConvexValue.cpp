#include <authkitqt/convex/ConvexValue.h>

#include "Base64_p.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMetaType>
#include <QSharedData>
#include <QStringList>
#include <QVariantHash>
#include <QVariantList>
#include <QVariantMap>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>
#include <variant>

namespace authkit::convex {

class ConvexValuePrivate : public QSharedData
{
public:
    // Index order matches ConvexValue::Type, after the null slot (null has no private).
    using Data = std::variant<std::monostate, bool, qint64, double, QString, QByteArray,
                              ConvexValue::Array, ConvexValue::Object>;

    template<typename T>
    ConvexValuePrivate(std::in_place_type_t<T> type, const T &value) : data(type, value)
    {
    }

    Data data;
};

namespace {

// The same limits as the official client (src/values/value.ts).
constexpr qsizetype kMaxFieldNameLength = 1024;
// QJsonDocument refuses deeper documents too; this also bounds the recursion for values built
// in code.
constexpr int kMaxNesting = 1024;

const QString kIntegerKey = QStringLiteral("$integer");
const QString kFloatKey = QStringLiteral("$float");
const QString kBytesKey = QStringLiteral("$bytes");

// Where in a value an error is; formatted only when there is an error.
struct Path
{
    const Path *parent = nullptr;
    QStringView key;
    qsizetype index = -1;

    QString toString() const
    {
        QString text = parent ? parent->toString() : QString();
        if (index >= 0)
            text += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        else if (parent)
            text += QLatin1Char('.') + key;
        return text;
    }
};

bool fail(QString *error, const QString &message, const Path &path)
{
    if (error) {
        const QString where = path.toString();
        *error = where.isEmpty() ? message : message + QStringLiteral(" (at path ") + where
                + QLatin1Char(')');
    }
    return false;
}

bool isSpecialFloat(double value)
{
    return std::isnan(value) || std::isinf(value) || (value == 0 && std::signbit(value));
}

quint64 bitsOf(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

double doubleFromBits(quint64 bits)
{
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

QString encodeLittleEndian64(quint64 value)
{
    char bytes[8];
    qToLittleEndian(value, bytes);
    return detail::encodeBase64(QByteArray(bytes, sizeof bytes));
}

// JS's `${number}` for the error text; good enough for what a $float can hold.
QString numberText(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// validateObjectField() of the official client, applied on both encode and decode.
bool validateFieldName(const QString &key, QString *error, const Path &path)
{
    if (key.size() > kMaxFieldNameLength) {
        return fail(error,
                    QStringLiteral("Field name %1 exceeds maximum field name length %2.")
                        .arg(key, QString::number(kMaxFieldNameLength)),
                    path);
    }
    if (key.startsWith(QLatin1Char('$'))) {
        return fail(error,
                    QStringLiteral("Field name %1 starts with a '$', which is reserved.").arg(key),
                    path);
    }
    for (const QChar c : key) {
        if (c.unicode() < 32 || c.unicode() >= 127) {
            return fail(error,
                        QStringLiteral("Field name %1 has invalid character '%2': Field names can "
                                       "only contain non-control ASCII characters")
                            .arg(key, QString(c)),
                        path);
        }
    }
    return true;
}

std::optional<QJsonValue> encode(const ConvexValue &value, QString *error, const Path &path,
                                 int depth)
{
    if (depth > kMaxNesting) {
        fail(error, QStringLiteral("Value is nested more than %1 levels deep").arg(kMaxNesting),
             path);
        return std::nullopt;
    }
    switch (value.type()) {
    case ConvexValue::Type::Null:
        return QJsonValue(QJsonValue::Null);
    case ConvexValue::Type::Bool:
        return QJsonValue(value.toBool());
    case ConvexValue::Type::Int64:
        return QJsonObject{
            {kIntegerKey, encodeLittleEndian64(quint64(value.toInt64()))}};
    case ConvexValue::Type::Float64: {
        const double number = value.toFloat64();
        if (isSpecialFloat(number))
            return QJsonObject{{kFloatKey, encodeLittleEndian64(bitsOf(number))}};
        return QJsonValue(number);
    }
    case ConvexValue::Type::String:
        return QJsonValue(value.toString());
    case ConvexValue::Type::Bytes:
        return QJsonObject{{kBytesKey, detail::encodeBase64(value.toBytes())}};
    case ConvexValue::Type::Array: {
        QJsonArray array;
        const ConvexValue::Array elements = value.toArray();
        for (qsizetype i = 0; i < elements.size(); ++i) {
            const Path here{&path, {}, i};
            auto json = encode(elements.at(i), error, here, depth + 1);
            if (!json)
                return std::nullopt;
            array.append(*json);
        }
        return array;
    }
    case ConvexValue::Type::Object: {
        QJsonObject object; // QJsonObject keeps its keys sorted, as convexToJson sorts them
        const ConvexValue::Object fields = value.toObject();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            const Path here{&path, it.key(), -1};
            if (!validateFieldName(it.key(), error, here))
                return std::nullopt;
            auto json = encode(it.value(), error, here, depth + 1);
            if (!json)
                return std::nullopt;
            object.insert(it.key(), *json);
        }
        return object;
    }
    }
    return std::nullopt;
}

std::optional<quint64> decodeEightBytes(const QJsonValue &payload, const QString &key,
                                        QString *error, const Path &path)
{
    if (!payload.isString()) {
        fail(error, QStringLiteral("Malformed %1 field: expected a base64 string").arg(key), path);
        return std::nullopt;
    }
    const auto bytes = detail::decodeBase64(payload.toString());
    if (!bytes) {
        fail(error, QStringLiteral("Malformed %1 field: invalid base64").arg(key), path);
        return std::nullopt;
    }
    if (bytes->size() != 8) {
        fail(error,
             QStringLiteral("Received %1 bytes, expected 8 for %2").arg(bytes->size()).arg(key),
             path);
        return std::nullopt;
    }
    return qFromLittleEndian<quint64>(bytes->constData());
}

std::optional<ConvexValue> decode(const QJsonValue &json, QString *error, const Path &path,
                                  int depth)
{
    if (depth > kMaxNesting) {
        fail(error, QStringLiteral("Value is nested more than %1 levels deep").arg(kMaxNesting),
             path);
        return std::nullopt;
    }
    switch (json.type()) {
    case QJsonValue::Null:
        return ConvexValue::null();
    case QJsonValue::Bool:
        return ConvexValue::fromBool(json.toBool());
    case QJsonValue::Double: // every JSON number, integral or not: JS numbers are float64
        return ConvexValue::fromFloat64(json.toDouble());
    case QJsonValue::String:
        return ConvexValue::fromString(json.toString());
    case QJsonValue::Array: {
        const QJsonArray array = json.toArray();
        ConvexValue::Array elements;
        elements.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const Path here{&path, {}, i};
            auto element = decode(array.at(i), error, here, depth + 1);
            if (!element)
                return std::nullopt;
            elements.append(*element);
        }
        return ConvexValue::fromArray(elements);
    }
    case QJsonValue::Object: {
        const QJsonObject object = json.toObject();
        if (object.size() == 1) {
            const QString key = object.begin().key();
            const QJsonValue payload = object.begin().value();
            if (key == kBytesKey) {
                if (!payload.isString()) {
                    fail(error, QStringLiteral("Malformed $bytes field: expected a base64 string"),
                         path);
                    return std::nullopt;
                }
                const auto bytes = detail::decodeBase64(payload.toString());
                if (!bytes) {
                    fail(error, QStringLiteral("Malformed $bytes field: invalid base64"), path);
                    return std::nullopt;
                }
                return ConvexValue::fromBytes(*bytes);
            }
            if (key == kIntegerKey) {
                const auto bits = decodeEightBytes(payload, key, error, path);
                if (!bits)
                    return std::nullopt;
                return ConvexValue::fromInt64(qint64(*bits));
            }
            if (key == kFloatKey) {
                const auto bits = decodeEightBytes(payload, key, error, path);
                if (!bits)
                    return std::nullopt;
                const double number = doubleFromBits(*bits);
                // One encoding per value: ordinary floats must travel as JSON numbers.
                if (!isSpecialFloat(number)) {
                    fail(error,
                         QStringLiteral("Float %1 should be encoded as a number")
                             .arg(numberText(number)),
                         path);
                    return std::nullopt;
                }
                return ConvexValue::fromFloat64(number);
            }
            // Newer clients have a write-only placeholder for the commit timestamp; it only ever
            // travels to the server, so it has no ConvexValue type.
            if (key == QLatin1String("$commitTs")) {
                fail(error,
                     QStringLiteral("A $commitTs placeholder is not supported by this client"),
                     path);
                return std::nullopt;
            }
            if (key == QLatin1String("$set")) {
                fail(error,
                     QStringLiteral(
                         "Received a Set which is no longer supported as a Convex type."),
                     path);
                return std::nullopt;
            }
            if (key == QLatin1String("$map")) {
                fail(error,
                     QStringLiteral(
                         "Received a Map which is no longer supported as a Convex type."),
                     path);
                return std::nullopt;
            }
        }
        ConvexValue::Object fields;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const Path here{&path, key, -1};
            if (!validateFieldName(key, error, here))
                return std::nullopt;
            auto field = decode(it.value(), error, here, depth + 1);
            if (!field)
                return std::nullopt;
            fields.insert(key, *field);
        }
        return ConvexValue::fromObject(fields);
    }
    case QJsonValue::Undefined:
        fail(error, QStringLiteral("undefined is not a valid Convex value"), path);
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<ConvexValue> fromVariantImpl(const QVariant &variant, QString *error,
                                           const Path &path, int depth)
{
    if (depth > kMaxNesting) {
        fail(error, QStringLiteral("Value is nested more than %1 levels deep").arg(kMaxNesting),
             path);
        return std::nullopt;
    }
    if (!variant.isValid())
        return ConvexValue::null();
    if (variant.metaType() == QMetaType::fromType<ConvexValue>())
        return variant.value<ConvexValue>();

    switch (variant.metaType().id()) {
    case QMetaType::Nullptr:
        return ConvexValue::null();
    case QMetaType::Bool:
        return ConvexValue::fromBool(variant.toBool());
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::Short:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::UChar:
    case QMetaType::UShort:
    case QMetaType::UInt:
        return ConvexValue::fromInt64(variant.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong number = variant.toULongLong();
        if (number > qulonglong(std::numeric_limits<qint64>::max())) {
            fail(error, QStringLiteral("%1 does not fit into a 64-bit signed integer").arg(number),
                 path);
            return std::nullopt;
        }
        return ConvexValue::fromInt64(qint64(number));
    }
    case QMetaType::Float:
    case QMetaType::Double:
        return ConvexValue::fromFloat64(variant.toDouble());
    case QMetaType::QString:
        return ConvexValue::fromString(variant.toString());
    case QMetaType::QByteArray:
        return ConvexValue::fromBytes(variant.toByteArray());
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        const QVariantList list = variant.toList();
        ConvexValue::Array elements;
        elements.reserve(list.size());
        for (qsizetype i = 0; i < list.size(); ++i) {
            const Path here{&path, {}, i};
            auto element = fromVariantImpl(list.at(i), error, here, depth + 1);
            if (!element)
                return std::nullopt;
            elements.append(*element);
        }
        return ConvexValue::fromArray(elements);
    }
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash: {
        // toMap() of a hash sorts it, which an object needs anyway.
        const QVariantMap map = variant.toMap();
        ConvexValue::Object fields;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const Path here{&path, it.key(), -1};
            auto field = fromVariantImpl(it.value(), error, here, depth + 1);
            if (!field)
                return std::nullopt;
            fields.insert(it.key(), *field);
        }
        return ConvexValue::fromObject(fields);
    }
    default:
        fail(error,
             QStringLiteral("A QVariant of type %1 has no Convex equivalent")
                 .arg(QString::fromLatin1(variant.metaType().name())),
             path);
        return std::nullopt;
    }
}

QString quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 32)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString debugText(const ConvexValue &value)
{
    switch (value.type()) {
    case ConvexValue::Type::Null:
        return QStringLiteral("null");
    case ConvexValue::Type::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case ConvexValue::Type::Int64:
        return QString::number(value.toInt64()) + QLatin1Char('n');
    case ConvexValue::Type::Float64: {
        const double number = value.toFloat64();
        if (number == 0 && std::signbit(number))
            return QStringLiteral("-0");
        return numberText(number);
    }
    case ConvexValue::Type::String:
        return quoted(value.toString());
    case ConvexValue::Type::Bytes:
        return QLatin1Char('b') + quoted(detail::encodeBase64(value.toBytes()));
    case ConvexValue::Type::Array: {
        QStringList parts;
        const ConvexValue::Array elements = value.toArray();
        for (const ConvexValue &element : elements)
            parts.append(debugText(element));
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case ConvexValue::Type::Object: {
        QStringList parts;
        const ConvexValue::Object fields = value.toObject();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            parts.append(quoted(it.key()) + QStringLiteral(": ") + debugText(it.value()));
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    }
    return {};
}

} // namespace

ConvexValue::ConvexValue() noexcept = default;
ConvexValue::ConvexValue(const ConvexValue &other) noexcept = default;
ConvexValue::ConvexValue(ConvexValue &&other) noexcept = default;
ConvexValue &ConvexValue::operator=(const ConvexValue &other) noexcept = default;
ConvexValue &ConvexValue::operator=(ConvexValue &&other) noexcept = default;
ConvexValue::~ConvexValue() = default;

ConvexValue::ConvexValue(ConvexValuePrivate *d) : m_d(d) {}

ConvexValue ConvexValue::fromBool(bool value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<bool>, value));
}

ConvexValue ConvexValue::fromInt64(qint64 value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<qint64>, value));
}

ConvexValue ConvexValue::fromFloat64(double value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<double>, value));
}

ConvexValue ConvexValue::fromString(const QString &value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<QString>, value));
}

ConvexValue ConvexValue::fromBytes(const QByteArray &value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<QByteArray>, value));
}

ConvexValue ConvexValue::fromArray(const Array &value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<Array>, value));
}

ConvexValue ConvexValue::fromObject(const Object &value)
{
    return ConvexValue(new ConvexValuePrivate(std::in_place_type<Object>, value));
}

ConvexValue::Type ConvexValue::type() const
{
    if (!m_d)
        return Type::Null;
    return static_cast<Type>(m_d->data.index());
}

bool ConvexValue::toBool(bool defaultValue) const
{
    const bool *value = m_d ? std::get_if<bool>(&m_d->data) : nullptr;
    return value ? *value : defaultValue;
}

qint64 ConvexValue::toInt64(qint64 defaultValue) const
{
    const qint64 *value = m_d ? std::get_if<qint64>(&m_d->data) : nullptr;
    return value ? *value : defaultValue;
}

double ConvexValue::toFloat64(double defaultValue) const
{
    const double *value = m_d ? std::get_if<double>(&m_d->data) : nullptr;
    return value ? *value : defaultValue;
}

QString ConvexValue::toString() const
{
    const QString *value = m_d ? std::get_if<QString>(&m_d->data) : nullptr;
    return value ? *value : QString();
}

QByteArray ConvexValue::toBytes() const
{
    const QByteArray *value = m_d ? std::get_if<QByteArray>(&m_d->data) : nullptr;
    return value ? *value : QByteArray();
}

ConvexValue::Array ConvexValue::toArray() const
{
    const Array *value = m_d ? std::get_if<Array>(&m_d->data) : nullptr;
    return value ? *value : Array();
}

ConvexValue::Object ConvexValue::toObject() const
{
    const Object *value = m_d ? std::get_if<Object>(&m_d->data) : nullptr;
    return value ? *value : Object();
}

qsizetype ConvexValue::size() const
{
    if (!m_d)
        return 0;
    if (const Array *array = std::get_if<Array>(&m_d->data))
        return array->size();
    if (const Object *object = std::get_if<Object>(&m_d->data))
        return object->size();
    return 0;
}

ConvexValue ConvexValue::at(qsizetype index) const
{
    const Array *array = m_d ? std::get_if<Array>(&m_d->data) : nullptr;
    if (!array || index < 0 || index >= array->size())
        return {};
    return array->at(index);
}

ConvexValue ConvexValue::value(const QString &key) const
{
    const Object *object = m_d ? std::get_if<Object>(&m_d->data) : nullptr;
    return object ? object->value(key) : ConvexValue();
}

bool ConvexValue::contains(const QString &key) const
{
    const Object *object = m_d ? std::get_if<Object>(&m_d->data) : nullptr;
    return object && object->contains(key);
}

std::optional<QJsonValue> ConvexValue::toJson(QString *error) const
{
    return encode(*this, error, Path{}, 0);
}

std::optional<ConvexValue> ConvexValue::fromJson(const QJsonValue &json, QString *error)
{
    return decode(json, error, Path{}, 0);
}

QVariant ConvexValue::toVariant() const
{
    switch (type()) {
    case Type::Null:
        return QVariant::fromValue(nullptr);
    case Type::Bool:
        return QVariant(toBool());
    case Type::Int64:
        return QVariant(toInt64());
    case Type::Float64:
        return QVariant(toFloat64());
    case Type::String:
        return QVariant(toString());
    case Type::Bytes:
        return QVariant(toBytes());
    case Type::Array: {
        QVariantList list;
        const Array elements = toArray();
        list.reserve(elements.size());
        for (const ConvexValue &element : elements)
            list.append(element.toVariant());
        return list;
    }
    case Type::Object: {
        QVariantMap map;
        const Object fields = toObject();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            map.insert(it.key(), it.value().toVariant());
        return map;
    }
    }
    return {};
}

std::optional<ConvexValue> ConvexValue::fromVariant(const QVariant &variant, QString *error)
{
    return fromVariantImpl(variant, error, Path{}, 0);
}

bool operator==(const ConvexValue &lhs, const ConvexValue &rhs)
{
    if (lhs.m_d == rhs.m_d)
        return true;
    if (lhs.type() != rhs.type())
        return false;
    if (lhs.type() == ConvexValue::Type::Float64)
        return bitsOf(lhs.toFloat64()) == bitsOf(rhs.toFloat64()); // NaN == NaN, -0 != +0
    return lhs.m_d->data == rhs.m_d->data;
}

QDebug operator<<(QDebug debug, const ConvexValue &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "ConvexValue(" << debugText(value) << ')';
    return debug;
}

} // namespace authkit::convex
