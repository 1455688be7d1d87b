#pragma once

#include <QByteArray>

#include <optional>
#include <authkitqt/keychain/authkitqt_keychain_export.h>

struct bignum_st;

namespace authkit {

// The client half of a Secret Service session with the "dh-ietf1024-sha256-aes128-cbc-pkcs7"
// algorithm (the Secret Service API's transfer encryption, which libsecret uses by default): a
// Diffie-Hellman key pair in the 1024-bit MODP group of RFC 2409, an AES-128 key derived from
// the shared secret with HKDF-SHA256, and AES-128-CBC with PKCS#7 padding for the secrets.
// Secrets then cross the session bus encrypted, not in plain text.
class AUTHKITQT_KEYCHAIN_PRIVATE_EXPORT SecretSessionCipher {
public:
    static constexpr const char *kAlgorithm = "dh-ietf1024-sha256-aes128-cbc-pkcs7";

    SecretSessionCipher();
    ~SecretSessionCipher();
    SecretSessionCipher(const SecretSessionCipher &) = delete;
    SecretSessionCipher &operator=(const SecretSessionCipher &) = delete;

    // False when the key pair could not be made (then nothing else works).
    bool isValid() const { return !m_publicKey.isEmpty(); }
    // Big-endian, padded to the prime's 128 bytes: the OpenSession input.
    QByteArray publicKey() const { return m_publicKey; }
    // Derives the AES key from the service's public key (the OpenSession output). False for a
    // value outside 2..p-2, which would make the shared secret guessable.
    bool setPeerPublicKey(const QByteArray &peer);
    // The secret from a Secret struct's parameters (the IV) and value; nullopt if it does not
    // decrypt (wrong key, bad padding, wrong sizes).
    std::optional<QByteArray> decrypt(const QByteArray &iv, const QByteArray &ciphertext) const;

private:
    bignum_st *m_prime = nullptr;
    bignum_st *m_private = nullptr;
    QByteArray m_publicKey;
    unsigned char m_key[16] = {};
    bool m_hasKey = false;
};

} // namespace authkit
