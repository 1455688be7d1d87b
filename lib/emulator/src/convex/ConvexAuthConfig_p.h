#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace authkit::emulator {

// One customJwt provider of convex/auth.config.ts (docs/convex-protocol.md#token-checks).
struct ConvexAuthProvider
{
    QString issuer;                        // https:// added when it has no scheme
    QString jwks;                          // a data:, file: or http(s) URL
    QString algorithm = QStringLiteral("RS256");
    std::optional<QString> applicationId;  // when set, the token's aud must contain it
};

// The deployment's auth providers, in order: the first that matches a token checks it.
class ConvexAuthConfig
{
public:
    // auth.config.ts for AuthKit (docs/convex-protocol.md#token-checks): per client ID, issuer
    // https://api.workos.com/ with applicationID, then the user_management issuer without one;
    // jwksUrlPrefix + clientId is the JWKS (the emulator's own).
    static ConvexAuthConfig authKitDefaults(const QStringList &clientIds,
                                            const QString &jwksUrlPrefix);
    // {"providers":[{"type":"customJwt","issuer":…,"jwks":…,"algorithm":"RS256",
    // "applicationID"?:…}]}, i.e. auth.config.ts's default export as JSON.
    static std::optional<ConvexAuthConfig> fromJson(const QByteArray &json, QString *error);

    const QList<ConvexAuthProvider> &providers() const { return m_providers; }
    void addProvider(ConvexAuthProvider provider);

    // [CustomJWT(issuer=…, app_id=…|none), …] as the backend's dev error message lists them.
    QString describe() const;

    // https:// added without a scheme, trailing '/' removed (docs/convex-protocol.md#token-checks).
    static QString normalizeIssuer(const QString &issuer);

private:
    QList<ConvexAuthProvider> m_providers;
};

} // namespace authkit::emulator
