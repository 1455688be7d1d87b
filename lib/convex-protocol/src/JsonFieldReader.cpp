#include "JsonFieldReader_p.h"

#include <authkitqt/convex/Timestamp.h>

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace authkit::convex::detail {

std::optional<quint32> toU32(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0 && number <= 4294967295.0) || std::floor(number) != number)
        return std::nullopt;
    return quint32(number);
}

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QLatin1StringView context)
    : m_object(object), m_context(context)
{
}

void JsonFieldReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = m_context + QStringLiteral(": ") + message;
}

void JsonFieldReader::failField(QLatin1StringView key, const QString &problem)
{
    fail(QStringLiteral("field \"") + key + QStringLiteral("\" ") + problem);
}

bool JsonFieldReader::has(QLatin1StringView key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

QJsonValue JsonFieldReader::raw(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        failField(key, QStringLiteral("is missing"));
    return value;
}

QString JsonFieldReader::string(QLatin1StringView key)
{
    const QJsonValue value = raw(key);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        failField(key, QStringLiteral("must be a string"));
        return {};
    }
    return value.toString();
}

std::optional<QString> JsonFieldReader::optionalString(QLatin1StringView key)
{
    if (!has(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        failField(key, QStringLiteral("must be a string or null"));
        return std::nullopt;
    }
    return value.toString();
}

bool JsonFieldReader::boolean(QLatin1StringView key)
{
    const QJsonValue value = raw(key);
    if (value.isUndefined())
        return false;
    if (!value.isBool()) {
        failField(key, QStringLiteral("must be a boolean"));
        return false;
    }
    return value.toBool();
}

std::optional<bool> JsonFieldReader::optionalBoolean(QLatin1StringView key)
{
    if (!has(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        failField(key, QStringLiteral("must be a boolean or null"));
        return std::nullopt;
    }
    return value.toBool();
}

quint32 JsonFieldReader::u32(QLatin1StringView key)
{
    const QJsonValue value = raw(key);
    if (value.isUndefined())
        return 0;
    const auto number = toU32(value);
    if (!number) {
        failField(key, QStringLiteral("must be an integer from 0 to 4294967295"));
        return 0;
    }
    return *number;
}

std::optional<quint32> JsonFieldReader::optionalU32(QLatin1StringView key)
{
    if (!has(key))
        return std::nullopt;
    const auto number = toU32(m_object.value(key));
    if (!number)
        failField(key, QStringLiteral("must be an integer from 0 to 4294967295, or null"));
    return number;
}

std::optional<qint64> JsonFieldReader::optionalI64(QLatin1StringView key)
{
    if (!has(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    // toInteger() is exact for integers QJsonDocument read as such (beyond 2^53 too) and
    // fails for fractions and out-of-range doubles.
    constexpr qint64 kNotAnInteger = std::numeric_limits<qint64>::min();
    const qint64 number = value.isDouble() ? value.toInteger(kNotAnInteger) : kNotAnInteger;
    if (number == kNotAnInteger) {
        failField(key, QStringLiteral("must be a 64-bit integer or null"));
        return std::nullopt;
    }
    return number;
}

std::optional<quint64> JsonFieldReader::optionalTimestamp(QLatin1StringView key)
{
    if (!has(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        failField(key, QStringLiteral("must be a base64 timestamp string or null"));
        return std::nullopt;
    }
    QString problem;
    const auto ts = Timestamp::decode(value.toString(), &problem);
    if (!ts)
        failField(key, QStringLiteral("is not a timestamp: ") + problem);
    return ts;
}

QStringList JsonFieldReader::stringList(QLatin1StringView key)
{
    if (!has(key))
        return {};
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        failField(key, QStringLiteral("must be an array of strings"));
        return {};
    }
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &element : array) {
        if (!element.isString()) {
            failField(key, QStringLiteral("must be an array of strings"));
            return {};
        }
        list.append(element.toString());
    }
    return list;
}

ConvexValue JsonFieldReader::convexValue(QLatin1StringView key)
{
    const QJsonValue value = raw(key);
    if (value.isUndefined())
        return {};
    QString problem;
    auto decoded = ConvexValue::fromJson(value, &problem);
    if (!decoded) {
        failField(key, QStringLiteral("is not a Convex value: ") + problem);
        return {};
    }
    return *decoded;
}

std::optional<ConvexValue> JsonFieldReader::optionalConvexValue(QLatin1StringView key)
{
    if (!m_object.contains(key))
        return std::nullopt;
    return convexValue(key);
}

QJsonObject JsonFieldReader::object(QLatin1StringView key)
{
    const QJsonValue value = raw(key);
    if (value.isUndefined())
        return {};
    if (!value.isObject()) {
        failField(key, QStringLiteral("must be an object"));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonFieldReader::array(QLatin1StringView key)
{
    const QJsonValue value = raw(key);
    if (value.isUndefined())
        return {};
    if (!value.isArray()) {
        failField(key, QStringLiteral("must be an array"));
        return {};
    }
    return value.toArray();
}

} // namespace authkit::convex::detail
