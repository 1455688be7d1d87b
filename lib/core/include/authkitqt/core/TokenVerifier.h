#pragma once

#include <authkitqt/core/Jwks.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

// The claims of a WorkOS access token that the client uses (docs/workos-authkit.md#access-token).
struct AUTHKITQT_CORE_EXPORT AccessTokenClaims
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

// Verifies access tokens: RS256 only, kid lookup in the JWKS, iss in the accepted list, aud
// against the client ID, exp and iat against the wall clock with a small leeway. Header and
// payload are strict JSON (a member named twice, or nesting deeper than kMaxJsonDepth, is
// malformed). Anything else is rejected with a reason.
class AUTHKITQT_CORE_EXPORT TokenVerifier
{
public:
    enum class Failure {
        None,
        Oversized,
        Malformed,            // not three base64url parts of JSON objects
        UnsupportedAlgorithm, // alg other than RS256 (none, HS256, ...)
        UnknownKey,           // no such kid in the key set: refetch the JWKS (at most per cooldown)
        BadSignature,
        WrongIssuer,
        Expired,
        NotYetValid, // iat in the future beyond the leeway
        MissingClaim,
        WrongAudience, // aud present without the client ID (RFC 7519 §4.1.3)
    };

    struct Result
    {
        Failure failure = Failure::None;
        QString reason; // for logs and errors; never contains the token
        QString kid;    // as the token has it: may hold any character, so never log it raw
        AccessTokenClaims claims;
        bool ok() const { return failure == Failure::None; }
    };

    static constexpr int kMaxTokenBytes = 16 * 1024;
    static constexpr int kDefaultLeewaySecs = 60;
    static constexpr int kMaxJsonDepth = 16;
    // WorkOS's bare issuer is shared by every environment, so a token from it counts only when
    // its aud names our client ID (Convex's WorkOS provider has applicationID for this entry).
    static constexpr char kAudienceRequiredIssuer[] = "https://api.workos.com/";

    // audience is the client ID. A token with an aud claim (a string or an array of strings)
    // must name it; one from kAudienceRequiredIssuer must have an aud. With no audience given,
    // a token that has an aud is refused: nothing here can tell that it was meant for us.
    explicit TokenVerifier(QStringList acceptedIssuers, int leewaySecs = kDefaultLeewaySecs,
                           QString audience = QString());

    const QString &audience() const { return m_audience; }

    Result verify(const QByteArray &token, const Jwks &jwks, qint64 nowSecs) const;

    // Reads the claims without checking anything (display only; never for trust decisions).
    static AccessTokenClaims decodeUnverified(const QByteArray &token);

private:
    QStringList m_acceptedIssuers;
    int m_leewaySecs;
    QString m_audience;
};

} // namespace authkit
