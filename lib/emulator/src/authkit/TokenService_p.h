#pragma once

#include "SigningKey_p.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace authkit::emulator {

// Signs access tokens as WorkOS does (RS256, a kid, no typ) and serves the key set. A rotation
// adds a new signing key and keeps the old ones in the JWKS so tokens already out still verify.
class TokenService
{
public:
    void addKey(std::unique_ptr<SigningKey> key); // the newest key signs
    bool hasKey() const { return !m_keys.empty(); }
    QString currentKid() const;

    // header.payload.signature, compact JWS; empty if signing fails.
    QByteArray sign(const QJsonObject &claims) const;
    QJsonObject jwks() const;

private:
    std::vector<std::unique_ptr<SigningKey>> m_keys;
};

} // namespace authkit::emulator
