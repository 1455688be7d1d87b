#pragma once

#include "ConvexAuthConfig_p.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace authkit::emulator {

// Who a function runs as (lib/emulator/README.md, "Convex deployment"): the UserIdentityAttributes and when they expire.
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
    QString message; // exactly as the backend words it (lib/emulator/README.md, "Token checks")
};

// Checks a user JWT as the Convex backend checks customJwt tokens (lib/emulator/README.md, "Token checks"), in the
// same order and with the same messages (the dev, unredacted, forms).
class ConvexTokenValidator
{
public:
    // Returns the JWKS document for a provider's jwks URL, or nullopt and the backend's message.
    using JwksResolver = std::function<std::optional<QByteArray>(const QString &url,
                                                                 QString *error)>;

    // Makes the key set of url hold kid if it can (a fetch), then calls done.
    using JwksPrefetch = std::function<void(const QString &url, const QString &kid,
                                            std::function<void()> done)>;

    ConvexTokenValidator(ConvexAuthConfig config, JwksResolver resolver,
                         JwksPrefetch prefetch = {});

    // Calls done when check() can judge token: at once, or after its provider's key set was
    // fetched (ConvexJwksCache). done may run after the caller returned.
    void prepare(const QString &token, std::function<void()> done) const;
    ConvexTokenCheck check(const QString &token, qint64 nowSecs) const;
    const ConvexAuthConfig &config() const { return m_config; }

    // The identity for customJwt: iss|sub, then every non-registered claim, nested
    // objects flattened with dotted keys.
    static QJsonObject identityFromClaims(const QJsonObject &claims);

private:
    const ConvexAuthProvider *providerFor(const QJsonObject &claims) const;

    ConvexAuthConfig m_config;
    JwksResolver m_resolver;
    JwksPrefetch m_prefetch;
};

} // namespace authkit::emulator
