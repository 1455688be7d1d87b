#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace authkit::convex::detail {

// Standard alphabet with '=' padding: what convexToJson and the backend write.
inline QString encodeBase64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// Decodes as the official client does (src/values/base64.ts): the standard and the URL-safe
// alphabet, length a multiple of 4, padding only at the end. Unlike that decoder, a character
// outside both alphabets is an error instead of silently becoming zero bits.
inline std::optional<QByteArray> decodeBase64(QStringView text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    qsizetype padding = 0;
    if (text.endsWith(u'='))
        padding = text.endsWith(u"==") ? 2 : 1;
    QByteArray bytes;
    bytes.reserve(text.size() / 4 * 3);
    quint32 bits = 0;
    int bitCount = 0;
    for (qsizetype i = 0; i < text.size() - padding; ++i) {
        const char16_t c = text[i].unicode();
        int sextet = -1;
        if (c >= u'A' && c <= u'Z')
            sextet = c - u'A';
        else if (c >= u'a' && c <= u'z')
            sextet = c - u'a' + 26;
        else if (c >= u'0' && c <= u'9')
            sextet = c - u'0' + 52;
        else if (c == u'+' || c == u'-')
            sextet = 62;
        else if (c == u'/' || c == u'_')
            sextet = 63;
        if (sextet < 0)
            return std::nullopt;
        bits = (bits << 6) | quint32(sextet);
        bitCount += 6;
        if (bitCount >= 8) {
            bitCount -= 8;
            bytes.append(char((bits >> bitCount) & 0xffu));
        }
    }
    return bytes;
}

} // namespace authkit::convex::detail
