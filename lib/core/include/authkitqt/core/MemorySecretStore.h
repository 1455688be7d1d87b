#pragma once

#include <authkitqt/core/SecretStore.h>

#include <QHash>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// Secrets in this process's memory only: the fallback when no keychain answers (the user is told
/// the session will not survive a restart), and the store of tests.
class AUTHKITQT_CORE_EXPORT MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    QString backendName() const override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace authkit
