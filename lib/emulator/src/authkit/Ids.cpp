#include "Ids_p.h"

#include <QRandomGenerator>

namespace authkit::emulator::ids {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// 128 bits as 26 base32 digits (the top two bits of the first digit are zero).
QString encode128(const quint8 bytes[16])
{
    QString out(26, QLatin1Char('0'));
    // Walk the 130-bit big-endian number (two leading zero bits) five bits at a time.
    for (int i = 0; i < 26; ++i) {
        const int bitOffset = i * 5 - 2; // position of this digit's first bit in the 128 bits
        int value = 0;
        for (int b = 0; b < 5; ++b) {
            const int bit = bitOffset + b;
            value <<= 1;
            if (bit >= 0 && bit < 128)
                value |= (bytes[bit / 8] >> (7 - bit % 8)) & 1;
        }
        out[i] = QLatin1Char(kCrockford[value]);
    }
    return out;
}
} // namespace

QString ulid(qint64 msecsSinceEpoch)
{
    quint8 bytes[16];
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<quint8>(msecsSinceEpoch >> (8 * (5 - i)));
    auto *rng = QRandomGenerator::system();
    for (int i = 6; i < 16; ++i)
        bytes[i] = static_cast<quint8>(rng->bounded(256));
    return encode128(bytes);
}

QString ulidShapedDigest(const QByteArray &data)
{
    quint8 bytes[16] = {};
    for (int i = 0; i < 16 && i < data.size(); ++i)
        bytes[i] = static_cast<quint8>(data.at(i));
    return encode128(bytes);
}

QString opaqueToken(int length)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(kAlphabet[rng->bounded(62)]));
    return out;
}

QString digits(int count)
{
    QString out;
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < count; ++i)
        out.append(QLatin1Char(static_cast<char>('0' + rng->bounded(10))));
    return out;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace authkit::emulator::ids
