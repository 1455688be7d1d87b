#include "SecretSessionCipher_p.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace authkit {

namespace {

constexpr int kPrimeBytes = 128; // RFC 2409's second Oakley group: 1024 bits
constexpr int kKeyBytes = 16;
constexpr int kBlockBytes = 16;

struct BnCtxFree {
    void operator()(BN_CTX *ctx) const { BN_CTX_free(ctx); }
};
struct BnClearFree {
    void operator()(BIGNUM *bn) const { BN_clear_free(bn); }
};
struct KdfFree {
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

unsigned char *bytes(QByteArray &array) {
    return reinterpret_cast<unsigned char *>(array.data());
}
const unsigned char *bytes(const QByteArray &array) {
    return reinterpret_cast<const unsigned char *>(array.constData());
}

} // namespace

SecretSessionCipher::SecretSessionCipher() {
    m_prime = BN_get_rfc2409_prime_1024(nullptr);
    m_private = BN_secure_new();
    std::unique_ptr<BN_CTX, BnCtxFree> ctx(BN_CTX_secure_new());
    std::unique_ptr<BIGNUM, BnClearFree> generator(BN_new());
    std::unique_ptr<BIGNUM, BnClearFree> upper(BN_dup(m_prime));
    std::unique_ptr<BIGNUM, BnClearFree> publicKey(BN_new());
    if (!m_prime || !m_private || !ctx || !generator || !upper || !publicKey)
        return;
    // Private exponent in 2..p-2.
    if (!BN_set_word(generator.get(), 2) || !BN_sub_word(upper.get(), 3) ||
        !BN_priv_rand_range(m_private, upper.get()) || !BN_add_word(m_private, 2))
        return;
    if (!BN_mod_exp(publicKey.get(), generator.get(), m_private, m_prime, ctx.get()))
        return;
    QByteArray encoded(kPrimeBytes, Qt::Uninitialized);
    if (BN_bn2binpad(publicKey.get(), bytes(encoded), kPrimeBytes) != kPrimeBytes)
        return;
    m_publicKey = encoded;
}

SecretSessionCipher::~SecretSessionCipher() {
    OPENSSL_cleanse(m_key, sizeof m_key);
    BN_clear_free(m_private);
    BN_free(m_prime);
}

bool SecretSessionCipher::setPeerPublicKey(const QByteArray &peer) {
    m_hasKey = false;
    if (!isValid() || peer.isEmpty() || peer.size() > kPrimeBytes)
        return false;
    std::unique_ptr<BN_CTX, BnCtxFree> ctx(BN_CTX_secure_new());
    std::unique_ptr<BIGNUM, BnClearFree> peerKey(BN_bin2bn(bytes(peer), peer.size(), nullptr));
    std::unique_ptr<BIGNUM, BnClearFree> upper(BN_dup(m_prime));
    std::unique_ptr<BIGNUM, BnClearFree> shared(BN_secure_new());
    if (!ctx || !peerKey || !upper || !shared || !BN_sub_word(upper.get(), 1))
        return false;
    if (BN_cmp(peerKey.get(), BN_value_one()) <= 0 || BN_cmp(peerKey.get(), upper.get()) >= 0)
        return false;
    if (!BN_mod_exp(shared.get(), peerKey.get(), m_private, m_prime, ctx.get()))
        return false;

    // The shared secret, zero-padded to the prime's length (as both libsecret and
    // gnome-keyring write it), is HKDF-SHA256's input key; no salt, no info.
    unsigned char secret[kPrimeBytes];
    const bool exported = BN_bn2binpad(shared.get(), secret, kPrimeBytes) == kPrimeBytes;
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> kdfCtx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, secret, kPrimeBytes),
        OSSL_PARAM_construct_end(),
    };
    m_hasKey = exported && kdfCtx && EVP_KDF_derive(kdfCtx.get(), m_key, kKeyBytes, params) == 1;
    OPENSSL_cleanse(secret, sizeof secret);
    return m_hasKey;
}

std::optional<QByteArray> SecretSessionCipher::decrypt(const QByteArray &iv,
                                                       const QByteArray &ciphertext) const {
    if (!m_hasKey || iv.size() != kBlockBytes || ciphertext.isEmpty() ||
        ciphertext.size() % kBlockBytes != 0)
        return std::nullopt;
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_cbc(), nullptr, m_key, bytes(iv)) != 1)
        return std::nullopt;
    QByteArray plain(ciphertext.size(), Qt::Uninitialized);
    int written = 0;
    int last = 0;
    if (EVP_DecryptUpdate(ctx.get(), bytes(plain), &written, bytes(ciphertext),
                          ciphertext.size()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + written, &last) != 1) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return std::nullopt;
    }
    plain.truncate(written + last);
    return plain;
}

} // namespace authkit
