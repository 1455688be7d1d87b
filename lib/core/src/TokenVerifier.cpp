#include <authkitqt/core/TokenVerifier.h>

#include "Base64Url_p.h"
#include "Logging_p.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <optional>
#include <utility>

namespace authkit {

namespace {

// Past this a NumericDate is nonsense (year 33658), and qint64 arithmetic stays far from overflow.
constexpr double kMaxNumericDate = 1e12;

struct Parts
{
    QByteArray headerB64;
    QByteArray payloadB64;
    QByteArray signatureB64;
};

// A compact JWS has exactly two dots; anything else is not one.
std::optional<Parts> splitCompact(const QByteArray &token)
{
    if (token.count('.') != 2)
        return std::nullopt;
    const qsizetype first = token.indexOf('.');
    const qsizetype second = token.indexOf('.', first + 1);
    return Parts{token.left(first), token.mid(first + 1, second - first - 1),
                 token.mid(second + 1)};
}

std::optional<QJsonObject> decodeJsonObject(const QByteArray &base64Url)
{
    const auto bytes = detail::decodeBase64UrlStrict(base64Url);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// RFC 7519 NumericDate: seconds, possibly fractional; the fraction is dropped.
std::optional<qint64> numericDate(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > kMaxNumericDate)
        return std::nullopt;
    return static_cast<qint64>(std::floor(seconds));
}

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

AccessTokenClaims claimsFrom(const QJsonObject &payload)
{
    AccessTokenClaims claims;
    claims.issuer = payload.value(QLatin1String("iss")).toString();
    claims.subject = payload.value(QLatin1String("sub")).toString();
    claims.sessionId = payload.value(QLatin1String("sid")).toString();
    claims.tokenId = payload.value(QLatin1String("jti")).toString();
    claims.organizationId = payload.value(QLatin1String("org_id")).toString();
    claims.role = payload.value(QLatin1String("role")).toString();
    claims.roles = stringList(payload.value(QLatin1String("roles")));
    claims.permissions = stringList(payload.value(QLatin1String("permissions")));
    claims.entitlements = stringList(payload.value(QLatin1String("entitlements")));
    claims.featureFlags = stringList(payload.value(QLatin1String("feature_flags")));
    claims.impersonatorEmail =
        payload.value(QLatin1String("act")).toObject().value(QLatin1String("sub")).toString();
    claims.issuedAt = numericDate(payload.value(QLatin1String("iat"))).value_or(0);
    claims.expiresAt = numericDate(payload.value(QLatin1String("exp"))).value_or(0);
    claims.payload = payload;
    return claims;
}

} // namespace

TokenVerifier::TokenVerifier(QStringList acceptedIssuers, int leewaySecs)
    : m_acceptedIssuers(std::move(acceptedIssuers)), m_leewaySecs(qMax(0, leewaySecs))
{
}

TokenVerifier::Result TokenVerifier::verify(const QByteArray &token, const Jwks &jwks,
                                            qint64 nowSecs) const
{
    Result result;
    const auto fail = [&result](Failure failure, const QString &reason) {
        result.failure = failure;
        result.reason = reason;
        qCDebug(lcToken) << "Access token rejected:" << reason;
        return result;
    };

    // The size cap comes first, so nothing below ever works on an attacker-sized input.
    if (token.size() > kMaxTokenBytes)
        return fail(Failure::Oversized, QStringLiteral("token too large"));

    const std::optional<Parts> parts = splitCompact(token);
    if (!parts)
        return fail(Failure::Malformed, QStringLiteral("not three dot-separated parts"));
    const std::optional<QJsonObject> header = decodeJsonObject(parts->headerB64);
    if (!header)
        return fail(Failure::Malformed, QStringLiteral("header is not base64url JSON object"));
    const std::optional<QJsonObject> payload = decodeJsonObject(parts->payloadB64);
    if (!payload)
        return fail(Failure::Malformed, QStringLiteral("payload is not a base64url JSON object"));
    const auto signature = detail::decodeBase64UrlStrict(parts->signatureB64);
    if (!signature)
        return fail(Failure::Malformed, QStringLiteral("signature is not base64url"));

    // Only RS256: "none", HMAC (with the public key as secret) and the rest are refused here,
    // whatever key the kid points at.
    const QJsonValue alg = header->value(QLatin1String("alg"));
    if (!alg.isString() || alg.toString() != QLatin1String("RS256"))
        return fail(Failure::UnsupportedAlgorithm, QStringLiteral("alg is not RS256"));
    // RFC 7515 §4.1.11: extensions we do not understand must not be ignored.
    if (header->contains(QLatin1String("crit")))
        return fail(Failure::Malformed, QStringLiteral("unsupported crit header"));

    const QJsonValue kid = header->value(QLatin1String("kid"));
    if (!kid.isString() || kid.toString().isEmpty())
        return fail(Failure::Malformed, QStringLiteral("no kid in header"));
    result.kid = kid.toString();
    if (!jwks.hasKey(result.kid)) {
        return fail(Failure::UnknownKey,
                    QStringLiteral("kid %1 is not in the key set").arg(result.kid));
    }

    const QByteArray signingInput = parts->headerB64 + '.' + parts->payloadB64;
    if (!jwks.verifyRs256(result.kid, signingInput, *signature))
        return fail(Failure::BadSignature, QStringLiteral("signature does not verify"));

    // From here the claims are the issuer's own; they are filled in even when a check below
    // fails (an expired token still names its session), but only ok() means trusted.
    result.claims = claimsFrom(*payload);

    const QJsonValue iss = payload->value(QLatin1String("iss"));
    if (!iss.isString() || iss.toString().isEmpty())
        return fail(Failure::MissingClaim, QStringLiteral("no iss"));
    // Exact string match: "https://api.workos.com" and "https://api.workos.com/" differ.
    if (!m_acceptedIssuers.contains(iss.toString(), Qt::CaseSensitive)) {
        return fail(Failure::WrongIssuer,
                    QStringLiteral("issuer %1 is not accepted").arg(iss.toString()));
    }

    const std::optional<qint64> exp = numericDate(payload->value(QLatin1String("exp")));
    if (!exp)
        return fail(Failure::MissingClaim, QStringLiteral("no valid exp"));
    if (nowSecs > *exp + m_leewaySecs)
        return fail(Failure::Expired, QStringLiteral("token expired"));

    const std::optional<qint64> iat = numericDate(payload->value(QLatin1String("iat")));
    if (!iat)
        return fail(Failure::MissingClaim, QStringLiteral("no valid iat"));
    if (*iat > nowSecs + m_leewaySecs)
        return fail(Failure::NotYetValid, QStringLiteral("token issued in the future"));
    // WorkOS sends no nbf, but a token that has one is held to it.
    const QJsonValue nbfValue = payload->value(QLatin1String("nbf"));
    if (!nbfValue.isUndefined()) {
        const std::optional<qint64> nbf = numericDate(nbfValue);
        if (!nbf)
            return fail(Failure::Malformed, QStringLiteral("bad nbf"));
        if (*nbf > nowSecs + m_leewaySecs)
            return fail(Failure::NotYetValid, QStringLiteral("token not valid yet (nbf)"));
    }

    const QJsonValue sub = payload->value(QLatin1String("sub"));
    if (!sub.isString() || sub.toString().isEmpty())
        return fail(Failure::MissingClaim, QStringLiteral("no sub"));
    const QJsonValue sid = payload->value(QLatin1String("sid"));
    if (!sid.isString() || sid.toString().isEmpty())
        return fail(Failure::MissingClaim, QStringLiteral("no sid"));

    return result;
}

AccessTokenClaims TokenVerifier::decodeUnverified(const QByteArray &token)
{
    if (token.size() > kMaxTokenBytes)
        return {};
    const std::optional<Parts> parts = splitCompact(token);
    if (!parts)
        return {};
    const std::optional<QJsonObject> payload = decodeJsonObject(parts->payloadB64);
    if (!payload)
        return {};
    return claimsFrom(*payload);
}

} // namespace authkit
