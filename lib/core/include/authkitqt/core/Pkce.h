#pragma once

#include <QByteArrayView>
#include <QString>
#include <authkitqt/core/authkitqt_core_export.h>

/// Proof Key for Code Exchange, RFC 7636, S256 only (WorkOS accepts nothing else).
namespace authkit::pkce {

/// A verifier of `length` characters (43 to 128) of the unreserved set, from the system CSPRNG.
AUTHKITQT_CORE_EXPORT QString generateVerifier(int length = 64);

/// base64url(SHA-256(ASCII verifier)), no padding.
AUTHKITQT_CORE_EXPORT QString challengeS256(const QString &verifier);

/// 43 to 128 characters of [A-Za-z0-9-._~].
AUTHKITQT_CORE_EXPORT bool isValidVerifier(const QString &verifier);

/// A random opaque value for `state` (32 bytes, base64url).
AUTHKITQT_CORE_EXPORT QString generateState();

/// Constant-time comparison, for `state` and other secrets.
AUTHKITQT_CORE_EXPORT bool constantTimeEquals(const QString &a, const QString &b);
/// The same for bytes (a state as it arrives on a redirect).
AUTHKITQT_CORE_EXPORT bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace authkit::pkce
