#pragma once

#include <authkitqt/core/SecretStore.h>

#include <QPointer>
#include <QTimer>

// The real keychain, with the failures a keychain has switched on at will: locked (reads and
// writes Unavailable, as qtkeychain reports a locked Secret Service collection), missing,
// access denied, or only the next writes failing (locked right after a rotation). What the
// keychain layer reports for a really locked or missing Secret Service is shown by
// tests/keychain/tst_keychainunavailable; here the session layer's answer to it is checked.
class FaultySecretStore : public authkit::SecretStore
{
    Q_OBJECT
public:
    enum class Mode { Working, Locked, Denied, WritesFail };

    explicit FaultySecretStore(authkit::SecretStore *real, QObject *parent = nullptr)
        : SecretStore(parent)
        , m_real(real)
    {
    }

    Mode mode = Mode::Working;

    void read(const QString &key, ReadCallback done) override
    {
        if (mode == Mode::Locked || mode == Mode::Denied) {
            const Status status = failure();
            QTimer::singleShot(0, this, [done, status] { done(status, {}, QStringLiteral("keychain fault")); });
            return;
        }
        m_real->read(key, std::move(done));
    }
    void write(const QString &key, const QByteArray &secret, WriteCallback done) override
    {
        if (mode != Mode::Working) {
            const Status status = mode == Mode::WritesFail ? Status::Unavailable : failure();
            QTimer::singleShot(0, this, [done, status] { done(status, QStringLiteral("keychain fault")); });
            return;
        }
        m_real->write(key, secret, std::move(done));
    }
    void remove(const QString &key, WriteCallback done) override
    {
        if (mode == Mode::Locked || mode == Mode::Denied) {
            const Status status = failure();
            QTimer::singleShot(0, this, [done, status] { done(status, QStringLiteral("keychain fault")); });
            return;
        }
        m_real->remove(key, std::move(done));
    }
    QString backendName() const override { return m_real->backendName(); }
    bool isPersistent() const override { return true; }

private:
    Status failure() const { return mode == Mode::Denied ? Status::Denied : Status::Unavailable; }

    QPointer<authkit::SecretStore> m_real;
};
