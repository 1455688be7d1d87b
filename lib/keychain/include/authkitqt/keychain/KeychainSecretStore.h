#pragma once

#include <authkitqt/core/SecretStore.h>

#include <memory>
#include <authkitqt/keychain/authkitqt_keychain_export.h>

namespace authkit {

class SecretServiceSession;

/// SecretStore on the OS keychain through qtkeychain (Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows). Never enables qtkeychain's insecure plaintext fallback: when no
/// backend answers, or it is locked, operations report Status::Unavailable and the session lives
/// in memory only.
class AUTHKITQT_KEYCHAIN_EXPORT KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    /// service: the keychain "service" (application) name every entry is filed under.
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    QString backendName() const override;
    bool isPersistent() const override { return true; }

    QString service() const { return m_service; }

private:
    void readWithQtKeychain(const QString &key, ReadCallback done);

    QString m_service;
    /// Where reads go straight to the Secret Service: their encrypted session, shared.
    std::shared_ptr<SecretServiceSession> m_session;
};

} // namespace authkit
