#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// A parsed JSON Web Key Set: the RSA signing keys by kid. Entries that are not RS256 signing
/// keys (another kty, use, alg or key_ops), weak or absurd keys (n outside 2048..8192 bits, e = 1,
/// an even e, e over 64 bits) and keys whose x5c certificate holds another key are skipped. A kid
/// that names two different keys is dropped altogether (never one of them chosen silently); the
/// same key listed twice is kept once. The document must be strict JSON (no member named twice)
/// of at most kMaxDocumentBytes with at most kMaxKeys entries, or the whole set is refused.
class AUTHKITQT_CORE_EXPORT Jwks
{
public:
    static constexpr int kMaxKeys = 100;
    static constexpr qsizetype kMaxDocumentBytes = 1024 * 1024;

    Jwks();
    ~Jwks();
    Jwks(Jwks &&) noexcept;
    Jwks &operator=(Jwks &&) noexcept;

    /// nullopt-like: isEmpty() and *error set when the document is not a key set or holds no
    /// usable key; then *error says why in words, naming each skipped entry's kid and reason
    /// (the first few), e.g. "the key set has no usable RS256 signing key (entry 1 (kid "k"):
    /// the public exponent is 1)". Such an answer is the server's fault: retry later.
    static Jwks parse(const QByteArray &json, QString *error);

    bool isEmpty() const;
    bool hasKey(const QString &kid) const;
    QStringList kids() const;
    /// RSASSA-PKCS1-v1_5 SHA-256 check with the key kid.
    bool verifyRs256(const QString &kid, const QByteArray &signingInput,
                     const QByteArray &signature) const;

private:
    struct Keys;
    std::unique_ptr<Keys> m_keys;
};

} // namespace authkit
