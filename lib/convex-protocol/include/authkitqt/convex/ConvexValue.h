#pragma once

#include <QByteArray>
#include <QExplicitlySharedDataPointer>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

#include <optional>
#include <authkitqt/convex/authkitqt_convexprotocol_export.h>

QT_FORWARD_DECLARE_CLASS(QDebug)

namespace authkit::convex {

class ConvexValuePrivate;

/// One Convex value: null, boolean, int64, float64, string, bytes, array or object.
///
/// int64 and float64 are different types, as in Convex (JS bigint vs number): fromInt64(5) and
/// fromFloat64(5) are not equal and encode differently. Floats compare by their bits, so NaN equals
/// NaN (a round trip keeps it) and -0 differs from +0. Object keys are kept sorted.
///
/// Immutable and implicitly shared: copies are cheap. toJson()/fromJson() speak "convex encoded
/// JSON" (convexToJson/jsonToConvex of convex-js values/value.ts); neither throws, errors are
/// values.
class AUTHKITQT_CONVEXPROTOCOL_EXPORT ConvexValue
{
public:
    enum class Type { Null, Bool, Int64, Float64, String, Bytes, Array, Object };
    using Array = QList<ConvexValue>;
    using Object = QMap<QString, ConvexValue>; ///< QString's operator< is JS's <: UTF-16 units

    ConvexValue() noexcept; ///< null
    ConvexValue(const ConvexValue &other) noexcept;
    ConvexValue(ConvexValue &&other) noexcept;
    ConvexValue &operator=(const ConvexValue &other) noexcept;
    ConvexValue &operator=(ConvexValue &&other) noexcept;
    ~ConvexValue();

    static ConvexValue null() { return {}; }
    static ConvexValue fromBool(bool value);
    static ConvexValue fromInt64(qint64 value);
    static ConvexValue fromFloat64(double value);
    static ConvexValue fromString(const QString &value);
    static ConvexValue fromBytes(const QByteArray &value);
    static ConvexValue fromArray(const Array &value);
    static ConvexValue fromObject(const Object &value);

    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt64() const { return type() == Type::Int64; }
    bool isFloat64() const { return type() == Type::Float64; }
    bool isString() const { return type() == Type::String; }
    bool isBytes() const { return type() == Type::Bytes; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    /// Each accessor returns the default (or an empty value) when the type is another one; there
    /// is no conversion between int64 and float64.
    bool toBool(bool defaultValue = false) const;
    qint64 toInt64(qint64 defaultValue = 0) const;
    double toFloat64(double defaultValue = 0) const;
    QString toString() const;
    QByteArray toBytes() const;
    Array toArray() const;
    Object toObject() const;

    /// Element and field access; null when out of range, absent, or not an array / object.
    qsizetype size() const; ///< elements or fields; 0 for scalars
    ConvexValue at(qsizetype index) const;
    ConvexValue value(const QString &key) const;
    bool contains(const QString &key) const;

    /// Encodes as convexToJson does. Fails (nullopt, *error set) when an object key breaks the
    /// rules: starts with '$', has a character outside ASCII 32..126, or is over 1024 long.
    std::optional<QJsonValue> toJson(QString *error = nullptr) const;
    /// Decodes as jsonToConvex does. A plain JSON number is a float64; {"$integer": ...},
    /// {"$float": ...} and {"$bytes": ...} are special only as the sole key of an object.
    static std::optional<ConvexValue> fromJson(const QJsonValue &json, QString *error = nullptr);

    /// Convenience for Qt code: int64 <-> qint64, float64 <-> double, bytes <-> QByteArray,
    /// array <-> QVariantList, object <-> QVariantMap, null <-> a null QVariant. fromVariant also
    /// takes the other integer types, float, QStringList and QVariantHash; anything else fails.
    QVariant toVariant() const;
    static std::optional<ConvexValue> fromVariant(const QVariant &variant,
                                                  QString *error = nullptr);

    void swap(ConvexValue &other) noexcept { m_d.swap(other.m_d); }

    AUTHKITQT_CONVEXPROTOCOL_EXPORT friend bool operator==(const ConvexValue &lhs, const ConvexValue &rhs);
    friend bool operator!=(const ConvexValue &lhs, const ConvexValue &rhs)
    {
        return !(lhs == rhs);
    }

private:
    explicit ConvexValue(ConvexValuePrivate *d);

    QExplicitlySharedDataPointer<ConvexValuePrivate> m_d; ///< null for the null value
};

/// ConvexValue(5n), ConvexValue(5), ConvexValue({"a": [true, NaN, b"AAE="]}): JS-like, with
/// int64 marked n and bytes as base64.
AUTHKITQT_CONVEXPROTOCOL_EXPORT QDebug operator<<(QDebug debug, const ConvexValue &value);

} // namespace authkit::convex

Q_DECLARE_TYPEINFO(authkit::convex::ConvexValue, Q_RELOCATABLE_TYPE);
