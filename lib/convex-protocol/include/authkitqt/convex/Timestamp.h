#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <authkitqt/convex/authkitqt_convexprotocol_export.h>

namespace authkit::convex::Timestamp {

/// A database timestamp `ts`: u64 nanoseconds since the Unix epoch, on the wire as the base64
/// (standard, padded) of its 8 little-endian bytes. 0 -> "AAAAAAAAAAA=", 1 -> "AQAAAAAAAAA=".
AUTHKITQT_CONVEXPROTOCOL_EXPORT QString encode(quint64 ts);
/// Also takes the URL-safe alphabet; anything that is not exactly 8 bytes fails.
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<quint64> decode(QStringView text, QString *error = nullptr);

} // namespace authkit::convex::Timestamp
