#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace authkit::emulator {

// One RS256 signing key as WorkOS serves it: RSA 2048, a kid of the form
// sso_oidc_key_pair_<ULID>, and a self-signed certificate for the JWK's x5c / x5t#S256.
class SigningKey
{
public:
    static std::unique_ptr<SigningKey> generate(QString *error);
    // Reads a PEM private key; when the file does not exist, generates one and writes it (0600).
    static std::unique_ptr<SigningKey> loadOrCreate(const QString &path, QString *error);

    ~SigningKey();
    SigningKey(const SigningKey &) = delete;
    SigningKey &operator=(const SigningKey &) = delete;

    QString kid() const { return m_kid; }
    QJsonObject jwk() const { return m_jwk; }
    // RSASSA-PKCS1-v1_5 with SHA-256 over data; empty on failure.
    QByteArray signRs256(const QByteArray &data) const;

private:
    explicit SigningKey(EVP_PKEY *key);
    bool describe(QString *error); // fills m_kid and m_jwk from the key

    EVP_PKEY *m_key = nullptr;
    QString m_kid;
    QJsonObject m_jwk;
};

} // namespace authkit::emulator
