#pragma once

#include <QByteArray>
#include <QString>

namespace authkit::emulator::totp {

// RFC 4648 base32 (A-Z, 2-7), spaces and padding ignored; empty on a bad character.
QByteArray decodeBase32(const QString &text);

// RFC 6238 TOTP with HMAC-SHA1, 30-second steps, 6 digits.
QString codeAt(const QByteArray &secret, qint64 unixSeconds);

// True when code matches the step of unixSeconds or one step either side (clock drift).
bool verify(const QString &base32Secret, const QString &code, qint64 unixSeconds);

} // namespace authkit::emulator::totp
