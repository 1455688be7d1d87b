#include "SecretCompare_p.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>

namespace authkit::emulator::secrets {

bool equal(const QByteArray &a, const QByteArray &b) {
    const QByteArray left = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray right = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    return CRYPTO_memcmp(left.constData(), right.constData(), size_t(left.size())) == 0;
}

} // namespace authkit::emulator::secrets
