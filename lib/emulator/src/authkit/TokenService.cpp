#include "TokenService_p.h"

#include "Ids_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace authkit::emulator {

void TokenService::addKey(std::unique_ptr<SigningKey> key)
{
    m_keys.push_back(std::move(key));
}

QString TokenService::currentKid() const
{
    return m_keys.empty() ? QString() : m_keys.back()->kid();
}

QByteArray TokenService::sign(const QJsonObject &claims) const
{
    if (m_keys.empty())
        return {};
    const SigningKey &key = *m_keys.back();
    // Real WorkOS headers carry alg and kid only (docs/workos-authkit.md#access-token).
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("kid"), key.kid()}};
    const QByteArray signingInput =
        ids::base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + ids::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = key.signRs256(signingInput);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + ids::base64Url(signature);
}

QJsonObject TokenService::jwks() const
{
    QJsonArray keys;
    // Newest first: the key that signs today leads the set.
    for (auto it = m_keys.rbegin(); it != m_keys.rend(); ++it)
        keys.append((*it)->jwk());
    return {{QStringLiteral("keys"), keys}};
}

} // namespace authkit::emulator
