#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace authkit::detail {

// Strict base64url (RFC 7515 §2): only the URL alphabet, no padding, and canonical trailing
// bits, so one byte string has exactly one encoding (no signature or token malleability).
inline std::optional<QByteArray> decodeBase64UrlStrict(QByteArrayView encoded)
{
    for (const char c : encoded) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    const QByteArray input = encoded.toByteArray();
    const auto decoded = QByteArray::fromBase64Encoding(
        input, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray bytes = *decoded;
    if (bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) != input)
        return std::nullopt;
    return bytes;
}

} // namespace authkit::detail
