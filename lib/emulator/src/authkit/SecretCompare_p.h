#pragma once

#include <QByteArray>
#include <QString>

namespace authkit::emulator::secrets {

// Compares two secrets (passwords, codes, tokens) in time that does not depend on where they
// differ or on their lengths: both are hashed with SHA-256 and the digests compared with
// CRYPTO_memcmp.
bool equal(const QByteArray &a, const QByteArray &b);
inline bool equal(const QString &a, const QString &b) {
    return equal(a.toUtf8(), b.toUtf8());
}

} // namespace authkit::emulator::secrets
