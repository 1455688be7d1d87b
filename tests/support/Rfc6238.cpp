#include "Rfc6238.h"

#include <QMessageAuthenticationCode>

namespace authkit::testsupport::rfc6238 {

QByteArray base32Decode(const QString &text)
{
    static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray out;
    quint64 accumulator = 0;
    int bits = 0;
    for (const QChar ch : text) {
        if (ch == QLatin1Char('=') || ch == QLatin1Char(' '))
            continue;
        const int value = alphabet.indexOf(ch.toUpper().toLatin1());
        if (value < 0)
            return {};
        accumulator = (accumulator << 5) | static_cast<quint64>(value);
        bits += 5;
        while (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((accumulator >> bits) & 0xffU));
        }
    }
    return out;
}

QString code(const QByteArray &key, qint64 unixSeconds, int digits, int stepSeconds)
{
    quint64 counter = static_cast<quint64>(unixSeconds / stepSeconds);
    QByteArray message(8, '\0');
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<char>(counter & 0xffU);
        counter >>= 8;
    }
    const QByteArray hmac = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1);
    const auto byte = [&hmac](int index) { return static_cast<quint32>(static_cast<quint8>(hmac.at(index))); };
    const int offset = static_cast<int>(byte(19) & 0x0fU);
    const quint32 truncated = ((byte(offset) & 0x7fU) << 24) | (byte(offset + 1) << 16)
                              | (byte(offset + 2) << 8) | byte(offset + 3);
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(truncated % modulus, digits, 10, QLatin1Char('0'));
}

} // namespace authkit::testsupport::rfc6238
