#include "Totp_p.h"

#include <QMessageAuthenticationCode>
#include <QtEndian>

namespace authkit::emulator::totp {

QByteArray decodeBase32(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar ch : text) {
        if (ch == QLatin1Char('=') || ch.isSpace())
            continue;
        const char c = ch.toUpper().toLatin1();
        int value;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= '2' && c <= '7')
            value = c - '2' + 26;
        else
            return {};
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QString codeAt(const QByteArray &secret, qint64 unixSeconds)
{
    const quint64 counter = static_cast<quint64>(unixSeconds / 30);
    QByteArray message(8, Qt::Uninitialized);
    qToBigEndian(counter, message.data());
    const QByteArray mac =
        QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (static_cast<quint32>(mac.at(offset) & 0x7f) << 24)
                           | (static_cast<quint32>(mac.at(offset + 1) & 0xff) << 16)
                           | (static_cast<quint32>(mac.at(offset + 2) & 0xff) << 8)
                           | static_cast<quint32>(mac.at(offset + 3) & 0xff);
    return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
}

bool verify(const QString &base32Secret, const QString &code, qint64 unixSeconds)
{
    const QByteArray secret = decodeBase32(base32Secret);
    if (secret.isEmpty() || code.size() != 6)
        return false;
    for (int step = -1; step <= 1; ++step) {
        if (codeAt(secret, unixSeconds + step * 30) == code)
            return true;
    }
    return false;
}

} // namespace authkit::emulator::totp
