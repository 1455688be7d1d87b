#include <authkitqt/core/MemorySecretStore.h>

#include <QPointer>
#include <QTimer>

namespace authkit {

// Callbacks are delivered from the event loop, like a real keychain's, so callers cannot come to
// rely on synchronous completion.
void MemorySecretStore::read(const QString &key, ReadCallback done)
{
    const auto it = m_secrets.constFind(key);
    const bool found = it != m_secrets.constEnd();
    const QByteArray secret = found ? *it : QByteArray();
    QTimer::singleShot(0, this, [found, secret, done = std::move(done)] {
        done(found ? Status::Ok : Status::NotFound, secret, QString());
    });
}

void MemorySecretStore::write(const QString &key, const QByteArray &secret, WriteCallback done)
{
    m_secrets.insert(key, secret);
    QTimer::singleShot(0, this, [done = std::move(done)] { done(Status::Ok, QString()); });
}

void MemorySecretStore::remove(const QString &key, WriteCallback done)
{
    m_secrets.remove(key);
    QTimer::singleShot(0, this, [done = std::move(done)] { done(Status::Ok, QString()); });
}

QString MemorySecretStore::backendName() const
{
    return tr("memory only");
}

} // namespace authkit
