#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <authkitqt/convex/authkitqt_convexprotocol_export.h>

QT_FORWARD_DECLARE_CLASS(QDebug)

namespace authkit::convex {

/// Where the server's view of a session stands (convex-js protocol.ts StateVersion): the query set
/// and identity versions it has processed and the snapshot timestamp of the results. Transitions
/// chain: each startVersion must equal, exactly, the endVersion the client holds. A new socket
/// starts at the default value {0, 0, 0}.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT StateVersion
{
    quint32 querySet = 0;
    quint32 identity = 0;
    quint64 ts = 0; ///< nanoseconds since the Unix epoch

    /// {"querySet":n,"identity":n,"ts":"<base64 u64>"}
    QJsonObject toJson() const;
    static std::optional<StateVersion> fromJson(const QJsonValue &json, QString *error = nullptr);

    friend bool operator==(const StateVersion &lhs, const StateVersion &rhs)
    {
        return lhs.querySet == rhs.querySet && lhs.identity == rhs.identity && lhs.ts == rhs.ts;
    }
    friend bool operator!=(const StateVersion &lhs, const StateVersion &rhs)
    {
        return !(lhs == rhs);
    }
};

AUTHKITQT_CONVEXPROTOCOL_EXPORT QDebug operator<<(QDebug debug, const StateVersion &version);

} // namespace authkit::convex
