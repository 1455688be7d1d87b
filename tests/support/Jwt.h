#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace authkit::testsupport {

// A compact JWS taken apart (no verification: the tests do that with OpenSSL themselves).
struct Jwt
{
    bool valid = false;          // three parts, header and claims are JSON objects
    QByteArray headerJson;       // decoded, exactly as signed
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput;     // "<header>.<payload>" as on the wire
    QByteArray signature;        // decoded

    static Jwt decode(const QByteArray &token);
    static QByteArray base64UrlDecode(const QByteArray &text);
};

} // namespace authkit::testsupport
