#pragma once

#include <authkitqt/convex/ConvexValue.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

namespace authkit::convex::detail {

// Reads the fields of one protocol message and keeps the first error, so parsers read every
// field in a row and check ok() once. A failed read returns an empty value. "Optional" readers
// treat a missing field and null alike, as serde's Option does on the backend.
class JsonFieldReader
{
public:
    JsonFieldReader(const QJsonObject &object, QLatin1StringView context);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // For checks the reader cannot make itself; keeps an earlier error.
    void fail(const QString &message);

    bool has(QLatin1StringView key) const; // present and not null
    QJsonValue raw(QLatin1StringView key);  // must be present (null allowed)

    QString string(QLatin1StringView key);
    std::optional<QString> optionalString(QLatin1StringView key);
    bool boolean(QLatin1StringView key);
    std::optional<bool> optionalBoolean(QLatin1StringView key);
    quint32 u32(QLatin1StringView key);
    std::optional<quint32> optionalU32(QLatin1StringView key);
    std::optional<qint64> optionalI64(QLatin1StringView key);
    std::optional<quint64> optionalTimestamp(QLatin1StringView key);
    QStringList stringList(QLatin1StringView key); // missing -> empty
    ConvexValue convexValue(QLatin1StringView key); // must be present; null is a value
    std::optional<ConvexValue> optionalConvexValue(QLatin1StringView key); // only missing -> nullopt
    QJsonObject object(QLatin1StringView key);
    QJsonArray array(QLatin1StringView key);

private:
    void failField(QLatin1StringView key, const QString &problem);

    QJsonObject m_object;
    QLatin1StringView m_context;
    QString m_error;
};

// A u32 on the wire is a JSON number that is a whole number in [0, 2^32).
std::optional<quint32> toU32(const QJsonValue &value);

} // namespace authkit::convex::detail
