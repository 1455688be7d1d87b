#include <authkitqt/core/Pkce.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace authkit::pkce {

namespace {

// RFC 7636 §4.1: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
constexpr char kUnreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr quint32 kUnreservedCount = sizeof(kUnreserved) - 1;
constexpr int kMinVerifierLength = 43;
constexpr int kMaxVerifierLength = 128;
constexpr std::size_t kStateBytes = 32;

bool isUnreserved(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
           || u == u'-' || u == u'.' || u == u'_' || u == u'~';
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QString generateVerifier(int length)
{
    // Out-of-range lengths are clamped rather than producing a verifier WorkOS would reject.
    length = qBound(kMinVerifierLength, length, kMaxVerifierLength);

    // Rejection sampling keeps every character equally likely (2^32 is not a multiple of 66).
    constexpr quint32 limit = quint32(0xFFFFFFFFu - (0xFFFFFFFFu % kUnreservedCount));
    QRandomGenerator *rng = QRandomGenerator::system();
    QString verifier;
    verifier.reserve(length);
    while (verifier.size() < length) {
        const quint32 value = rng->generate();
        if (value >= limit)
            continue;
        verifier.append(QLatin1Char(kUnreserved[value % kUnreservedCount]));
    }
    return verifier;
}

QString challengeS256(const QString &verifier)
{
    // A valid verifier is ASCII, so UTF-8 and ASCII bytes are the same.
    return base64Url(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256));
}

bool isValidVerifier(const QString &verifier)
{
    if (verifier.size() < kMinVerifierLength || verifier.size() > kMaxVerifierLength)
        return false;
    for (const QChar c : verifier) {
        if (!isUnreserved(c))
            return false;
    }
    return true;
}

QString generateState()
{
    std::array<quint32, kStateBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return base64Url(
        QByteArray(reinterpret_cast<const char *>(words.data()), qsizetype(kStateBytes)));
}

bool constantTimeEquals(const QString &a, const QString &b)
{
    // Time depends only on the lengths, never on where the first difference is.
    const qsizetype sizeA = a.size();
    const qsizetype sizeB = b.size();
    const qsizetype n = qMax(sizeA, sizeB);
    const QChar *dataA = a.constData();
    const QChar *dataB = b.constData();
    quint32 diff = sizeA == sizeB ? 0u : 1u;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t ca = i < sizeA ? dataA[i].unicode() : char16_t(0);
        const char16_t cb = i < sizeB ? dataB[i].unicode() : char16_t(0);
        diff |= quint32(ca ^ cb);
    }
    return diff == 0;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Time depends only on the lengths, never on where the first difference is.
    const qsizetype n = qMax(a.size(), b.size());
    quint32 diff = a.size() == b.size() ? 0u : 1u;
    for (qsizetype i = 0; i < n; ++i) {
        const auto ca = i < a.size() ? static_cast<unsigned char>(a[i]) : 0u;
        const auto cb = i < b.size() ? static_cast<unsigned char>(b[i]) : 0u;
        diff |= quint32(ca ^ cb);
    }
    return diff == 0;
}

} // namespace authkit::pkce
