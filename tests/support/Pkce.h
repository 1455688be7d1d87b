#pragma once

#include <QString>

namespace authkit::testsupport {

// An RFC 7636 S256 pair as a public client makes it.
struct Pkce
{
    QString verifier;
    QString challenge;

    // A random verifier of length characters (43..128) from the unreserved set.
    static Pkce generate(int length = 43);
    // base64url(SHA-256(ASCII verifier)), no padding.
    static QString challengeFor(const QString &verifier);
};

} // namespace authkit::testsupport
