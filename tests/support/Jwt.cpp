#include "Jwt.h"

#include <QJsonDocument>

namespace authkit::testsupport {

QByteArray Jwt::base64UrlDecode(const QByteArray &text)
{
    const auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return result ? *result : QByteArray();
}

Jwt Jwt::decode(const QByteArray &token)
{
    Jwt jwt;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return jwt;
    jwt.headerJson = base64UrlDecode(parts[0]);
    const QJsonDocument header = QJsonDocument::fromJson(jwt.headerJson);
    const QJsonDocument claims = QJsonDocument::fromJson(base64UrlDecode(parts[1]));
    jwt.signature = base64UrlDecode(parts[2]);
    jwt.signingInput = parts[0] + '.' + parts[1];
    jwt.header = header.object();
    jwt.claims = claims.object();
    jwt.valid = header.isObject() && claims.isObject() && !jwt.signature.isEmpty();
    return jwt;
}

} // namespace authkit::testsupport
