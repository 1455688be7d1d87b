#pragma once

#include <QByteArray>
#include <QString>

namespace authkit::testsupport::rfc6238 {

// The tests' own TOTP (RFC 6238 over RFC 4226, HMAC-SHA1), written apart from the emulator's so
// that one checks the other.

// RFC 4648 base32; padding and spaces ignored; empty for any other character.
QByteArray base32Decode(const QString &text);

// The code for the time step that contains unixSeconds.
QString code(const QByteArray &key, qint64 unixSeconds, int digits = 6, int stepSeconds = 30);

} // namespace authkit::testsupport::rfc6238
