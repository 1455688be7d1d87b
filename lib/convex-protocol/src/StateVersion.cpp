#include <authkitqt/convex/StateVersion.h>

#include <authkitqt/convex/Timestamp.h>

#include "JsonFieldReader_p.h"

#include <QDebug>

namespace authkit::convex {

QJsonObject StateVersion::toJson() const
{
    return QJsonObject{
        {QStringLiteral("querySet"), qint64(querySet)},
        {QStringLiteral("identity"), qint64(identity)},
        {QStringLiteral("ts"), Timestamp::encode(ts)},
    };
}

std::optional<StateVersion> StateVersion::fromJson(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        if (error)
            *error = QStringLiteral("StateVersion: expected an object");
        return std::nullopt;
    }
    detail::JsonFieldReader reader(json.toObject(), QLatin1StringView("StateVersion"));
    StateVersion version;
    version.querySet = reader.u32(QLatin1StringView("querySet"));
    version.identity = reader.u32(QLatin1StringView("identity"));
    // ts is required here, unlike the optional timestamps elsewhere.
    if (!reader.has(QLatin1StringView("ts")))
        reader.fail(QStringLiteral("field \"ts\" is missing"));
    if (const auto ts = reader.optionalTimestamp(QLatin1StringView("ts")))
        version.ts = *ts;
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return version;
}

QDebug operator<<(QDebug debug, const StateVersion &version)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "StateVersion(querySet=" << version.querySet
                    << ", identity=" << version.identity << ", ts=" << version.ts << ')';
    return debug;
}

} // namespace authkit::convex
