#include "WorkOsSignature_p.h"

#include "SecretCompare_p.h"

#include <QList>
#include <QMessageAuthenticationCode>

namespace authkit::emulator::workos {

namespace {

QByteArray hexSignature(const QByteArray &timestamp, const QByteArray &body,
                        const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(timestamp + '.' + body, secret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

} // namespace

QByteArray signatureHeader(const QByteArray &body, const QByteArray &secret, qint64 timestampMs)
{
    const QByteArray timestamp = QByteArray::number(timestampMs);
    return "t=" + timestamp + ", v1=" + hexSignature(timestamp, body, secret);
}

bool verifySignature(const QByteArray &header, const QByteArray &body, const QByteArray &secret,
                     qint64 nowMs, qint64 toleranceMs, QString *error)
{
    QByteArray timestamp;
    QByteArray signature;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t="))
            timestamp = item.mid(2);
        else if (item.startsWith("v1="))
            signature = item.mid(3);
    }
    bool numeric = false;
    const qint64 signedAtMs = timestamp.toLongLong(&numeric);
    if (!numeric || signature.isEmpty()) {
        *error = QStringLiteral("missing or malformed WorkOS-Signature header");
        return false;
    }
    if (qAbs(nowMs - signedAtMs) > toleranceMs) {
        *error = QStringLiteral("the WorkOS-Signature timestamp is outside the tolerance");
        return false;
    }
    if (!secrets::equal(hexSignature(timestamp, body, secret), signature)) {
        *error = QStringLiteral("the WorkOS-Signature does not match the body");
        return false;
    }
    return true;
}

} // namespace authkit::emulator::workos
