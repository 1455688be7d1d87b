#pragma once

#include <authkitqt/core/Jwks.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace authkit {

// The claims of a WorkOS access token that the client uses (reference §3.2).
struct AccessTokenClaims
{
    QString issuer;
    QString subject;
    QString sessionId;
    QString tokenId;
    QString organizationId;
    QString role;
    QStringList roles;
    QStringList permissions;
    QStringList entitlements;
    QStringList featureFlags;
    QString impersonatorEmail; // act.sub
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
    QJsonObject payload;
};

// Verifies access tokens: RS256 only, kid lookup in the JWKS, iss in the accepted list, exp and
// iat against the wall clock with a small leeway. Anything else is rejected with a reason.
class TokenVerifier
{
public:
    enum class Failure {
        None,
        Oversized,
        Malformed,           // not three base64url parts of JSON objects
        UnsupportedAlgorithm, // alg other than RS256 (none, HS256, ...)
        UnknownKey,          // no such kid in the key set: refetch the JWKS (at most per cooldown)
        BadSignature,
        WrongIssuer,
        Expired,
        NotYetValid,         // iat in the future beyond the leeway
        MissingClaim,
    };

    struct Result
    {
        Failure failure = Failure::None;
        QString reason; // for logs and errors; never contains the token
        QString kid;
        AccessTokenClaims claims;
        bool ok() const { return failure == Failure::None; }
    };

    static constexpr int kMaxTokenBytes = 16 * 1024;
    static constexpr int kDefaultLeewaySecs = 60;

    explicit TokenVerifier(QStringList acceptedIssuers, int leewaySecs = kDefaultLeewaySecs);

    Result verify(const QByteArray &token, const Jwks &jwks, qint64 nowSecs) const;

    // Reads the claims without checking anything (display only; never for trust decisions).
    static AccessTokenClaims decodeUnverified(const QByteArray &token);

private:
    QStringList m_acceptedIssuers;
    int m_leewaySecs;
};

} // namespace authkit
