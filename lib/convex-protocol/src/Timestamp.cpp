#include <authkitqt/convex/Timestamp.h>

#include "Base64_p.h"

#include <QByteArray>
#include <QtEndian>

namespace authkit::convex {

QString Timestamp::encode(quint64 ts)
{
    char bytes[8];
    qToLittleEndian(ts, bytes);
    return detail::encodeBase64(QByteArray(bytes, sizeof bytes));
}

std::optional<quint64> Timestamp::decode(QStringView text, QString *error)
{
    const auto bytes = detail::decodeBase64(text);
    if (!bytes) {
        if (error)
            *error = QStringLiteral("Timestamp is not valid base64");
        return std::nullopt;
    }
    if (bytes->size() != 8) {
        if (error)
            *error = QStringLiteral("Timestamp must be 8 bytes, got %1").arg(bytes->size());
        return std::nullopt;
    }
    return qFromLittleEndian<quint64>(bytes->constData());
}

} // namespace authkit::convex
