#include "CsrfGuard_p.h"

#include "Ids_p.h"
#include "LoopbackHost_p.h"
#include "SecretCompare_p.h"

#include <QMessageAuthenticationCode>

namespace authkit::emulator {

namespace {
constexpr int kSecretLength = 32;
}

CsrfGuard::CsrfGuard()
    : m_key(ids::opaqueToken(43).toLatin1()) {}

bool CsrfGuard::isWellFormed(const QString &secret) {
    if (secret.size() != kSecretLength)
        return false;
    for (const QChar c : secret) {
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))))
            return false;
    }
    return true;
}

QString CsrfGuard::browserSecret(const HttpRequest &request, QByteArray *setCookie) const {
    const QString secret = request.cookie(QLatin1String(kCookie));
    if (isWellFormed(secret))
        return secret;
    const QString fresh = ids::opaqueToken(kSecretLength);
    *setCookie =
        QByteArray(kCookie) + '=' + fresh.toLatin1() + "; Path=/authkit; HttpOnly; SameSite=Strict";
    return fresh;
}

QString CsrfGuard::token(const QString &browserSecret, const QString &attemptId) const {
    const QByteArray message = browserSecret.toLatin1() + '\n' + attemptId.toUtf8();
    return QString::fromLatin1(ids::base64Url(
        QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256)));
}

bool CsrfGuard::verify(const HttpRequest &request, const QString &attemptId, quint16 port) const {
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && !LoopbackHost::acceptsOrigin(origin, port))
        return false;
    const QString secret = request.cookie(QLatin1String(kCookie));
    if (!isWellFormed(secret))
        return false;
    return secrets::equal(request.formField(QLatin1String(kField)), token(secret, attemptId));
}

} // namespace authkit::emulator
