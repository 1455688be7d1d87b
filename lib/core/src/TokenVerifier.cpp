#include <authkitqt/core/TokenVerifier.h>

#include "Base64Url_p.h"
#include "Logging_p.h"
#include "Printable_p.h"
#include "StrictJson_p.h"

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

// A JSON object in base64url, or nullopt with *why set. Strict: see parseStrictJson.
std::optional<QJsonObject> decodeJsonObject(const QByteArray &base64Url, QString *why)
{
    const auto bytes = detail::decodeBase64UrlStrict(base64Url);
    if (!bytes) {
        *why = QStringLiteral("not base64url");
        return std::nullopt;
    }
    detail::StrictJsonError error = detail::StrictJsonError::None;
    const auto document = detail::parseStrictJson(*bytes, TokenVerifier::kMaxJsonDepth, &error);
    if (error == detail::StrictJsonError::DuplicateMember) {
        *why = QStringLiteral("a member is named twice");
        return std::nullopt;
    }
    if (error == detail::StrictJsonError::TooDeep) {
        *why = QStringLiteral("nested too deep");
        return std::nullopt;
    }
    if (!document || !document->isObject()) {
        *why = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return document->object();
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

// RFC 7519 §4.1.3: one string or an array of strings; anything else is nullopt.
std::optional<QStringList> audiences(const QJsonValue &value)
{
    if (value.isString())
        return QStringList{value.toString()};
    if (!value.isArray())
        return std::nullopt;
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return std::nullopt;
        result.append(item.toString());
    }
    return result;
}

// RFC 7515 §4.1.9 makes typ advisory; WorkOS sends none. Another type (an ID token's, a logout
// token's, "JWE") says the token was made for something else.
bool acceptableType(const QJsonValue &typ)
{
    if (typ.isUndefined())
        return true;
    if (!typ.isString())
        return false;
    const QString type = typ.toString();
    return type.compare(QLatin1String("JWT"), Qt::CaseInsensitive) == 0
           || type.compare(QLatin1String("at+jwt"), Qt::CaseInsensitive) == 0
           || type.compare(QLatin1String("application/at+jwt"), Qt::CaseInsensitive) == 0;
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

TokenVerifier::TokenVerifier(QStringList acceptedIssuers, int leewaySecs, QString audience)
    : m_acceptedIssuers(std::move(acceptedIssuers))
    , m_leewaySecs(qMax(0, leewaySecs))
    , m_audience(std::move(audience))
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
    QString why;
    const std::optional<QJsonObject> header = decodeJsonObject(parts->headerB64, &why);
    if (!header)
        return fail(Failure::Malformed, QStringLiteral("header: %1").arg(why));
    const std::optional<QJsonObject> payload = decodeJsonObject(parts->payloadB64, &why);
    if (!payload)
        return fail(Failure::Malformed, QStringLiteral("payload: %1").arg(why));
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
    if (!acceptableType(header->value(QLatin1String("typ"))))
        return fail(Failure::Malformed, QStringLiteral("typ is not JWT"));
    // A nested JWT (RFC 7519 §5.2) would put the real claims out of our sight.
    if (header->contains(QLatin1String("cty")))
        return fail(Failure::Malformed, QStringLiteral("unsupported cty header"));
    // jwk, jku, x5u and x5c in the header are never read: the key comes from our key set only.

    const QJsonValue kid = header->value(QLatin1String("kid"));
    if (!kid.isString() || kid.toString().isEmpty())
        return fail(Failure::Malformed, QStringLiteral("no kid in header"));
    result.kid = kid.toString();
    if (!jwks.hasKey(result.kid)) {
        return fail(
            Failure::UnknownKey,
            QStringLiteral("kid \"%1\" is not in the key set").arg(detail::printable(result.kid)));
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
        return fail(
            Failure::WrongIssuer,
            QStringLiteral("issuer \"%1\" is not accepted").arg(detail::printable(iss.toString())));
    }

    const QJsonValue aud = payload->value(QLatin1String("aud"));
    if (aud.isUndefined()) {
        if (iss.toString() == QLatin1String(kAudienceRequiredIssuer)) {
            return fail(Failure::MissingClaim,
                        QStringLiteral("no aud, which the issuer %1 requires")
                            .arg(QLatin1String(kAudienceRequiredIssuer)));
        }
    } else {
        const std::optional<QStringList> audience = audiences(aud);
        if (!audience) {
            return fail(Failure::Malformed,
                        QStringLiteral("aud is neither a string nor an array of strings"));
        }
        if (m_audience.isEmpty()) {
            return fail(
                Failure::WrongAudience,
                QStringLiteral("the token has an aud and no client ID was given to check it"));
        }
        if (!audience->contains(m_audience, Qt::CaseSensitive))
            return fail(Failure::WrongAudience, QStringLiteral("aud does not name the client ID"));
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
    QString why;
    const std::optional<QJsonObject> payload = decodeJsonObject(parts->payloadB64, &why);
    if (!payload)
        return {};
    return claimsFrom(*payload);
}

} // namespace authkit
