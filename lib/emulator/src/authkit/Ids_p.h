#pragma once

#include <QByteArray>
#include <QString>

namespace authkit::emulator::ids {

// A ULID (26 characters of Crockford base32: 48 bits of milliseconds, 80 random bits), the shape
// WorkOS uses in user_01…, session_01…, jti and authorization codes.
QString ulid(qint64 msecsSinceEpoch);

// Crockford base32 of the first 16 bytes of data, 26 characters: a stable ULID-shaped id.
QString ulidShapedDigest(const QByteArray &data);

// An opaque secret of the given length from the system CSPRNG, alphanumeric.
QString opaqueToken(int length);

// A string of decimal digits from the system CSPRNG.
QString digits(int count);

QByteArray base64Url(const QByteArray &data);

} // namespace authkit::emulator::ids
