#include "SecretServiceSession_p.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>

#include <utility>

namespace authkit {

void SecretServiceSession::open(QDBusObjectPath path, std::unique_ptr<SecretSessionCipher> cipher) {
    close();
    m_path = std::move(path);
    m_cipher = std::move(cipher);
}

void SecretServiceSession::close() {
    const QString path = m_path.path();
    m_cipher.reset();
    m_path = QDBusObjectPath();
    // (Without an application the bus connection is gone, and the session with it.)
    if (path.isEmpty() || path == QLatin1String("/") || !QCoreApplication::instance())
        return;
    QDBusMessage message = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), path,
        QStringLiteral("org.freedesktop.Secret.Session"), QStringLiteral("Close"));
    message.setAutoStartService(false);
    QDBusConnection::sessionBus().send(message);
}

} // namespace authkit
