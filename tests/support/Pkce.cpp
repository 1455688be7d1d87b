#include "Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace authkit::testsupport {

Pkce Pkce::generate(int length)
{
    static constexpr char kUnreserved[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    Pkce pkce;
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        pkce.verifier.append(QLatin1Char(kUnreserved[rng->bounded(66)]));
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QString Pkce::challengeFor(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace authkit::testsupport
