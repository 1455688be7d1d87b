#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace authkit {

// A parsed JSON Web Key Set: the RSA signing keys by kid. Keys that are not RSA, or are marked
// for another use, are skipped.
class Jwks
{
public:
    Jwks();
    ~Jwks();
    Jwks(Jwks &&) noexcept;
    Jwks &operator=(Jwks &&) noexcept;

    // nullopt-like: isEmpty() and *error set when the document is not a key set.
    static Jwks parse(const QByteArray &json, QString *error);

    bool isEmpty() const;
    bool hasKey(const QString &kid) const;
    QStringList kids() const;
    // RSASSA-PKCS1-v1_5 SHA-256 check with the key kid.
    bool verifyRs256(const QString &kid, const QByteArray &signingInput,
                     const QByteArray &signature) const;

private:
    struct Keys;
    std::unique_ptr<Keys> m_keys;
};

} // namespace authkit
