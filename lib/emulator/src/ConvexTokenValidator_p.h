#pragma once

#include "ConvexAuthConfig_p.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace authkit::emulator {

// Who a function runs as (docs/convex-protocol.md#identity): its attributes and when they expire.
struct ConvexIdentity
{
    QJsonObject attributes; // tokenIdentifier, issuer, subject, then the custom claims
    qint64 expiresAt = 0;   // the token's exp, Unix seconds
};

// The outcome of checking one token: an identity, or the backend's short code and message.
struct ConvexTokenCheck
{
    std::optional<ConvexIdentity> identity;
    QString code;    // NoAuthProvider, InvalidAuthHeader
    QString message; // exactly as the backend words it (docs/convex-protocol.md#token-checks)
};

// Checks a user JWT as the Convex backend does (docs/convex-protocol.md#token-checks), in the
// same order and with the same messages (the dev, unredacted, forms).
class ConvexTokenValidator
{
public:
    // Returns the JWKS document for a provider's jwks URL, or nullopt and the backend's message.
    using JwksResolver = std::function<std::optional<QByteArray>(const QString &url,
                                                                 QString *error)>;

    ConvexTokenValidator(ConvexAuthConfig config, JwksResolver resolver);

    ConvexTokenCheck check(const QString &token, qint64 nowSecs) const;
    const ConvexAuthConfig &config() const { return m_config; }

    // The customJwt identity (docs/convex-protocol.md#identity): iss|sub, other claims, nested
    // objects flattened with dotted keys.
    static QJsonObject identityFromClaims(const QJsonObject &claims);

private:
    ConvexAuthConfig m_config;
    JwksResolver m_resolver;
};

} // namespace authkit::emulator
