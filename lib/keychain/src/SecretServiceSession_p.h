#pragma once

#include "SecretSessionCipher_p.h"

#include <QDBusObjectPath>

#include <memory>

namespace authkit {

// One encrypted Secret Service session, kept open for every read of a store (as libsecret keeps
// its own): gnome-keyring makes a fresh DH key pair for each OpenSession, which took a read from
// about 9 ms to 30 ms when every read opened its own.
class SecretServiceSession {
public:
    SecretServiceSession() = default;
    ~SecretServiceSession() { close(); }
    SecretServiceSession(const SecretServiceSession &) = delete;
    SecretServiceSession &operator=(const SecretServiceSession &) = delete;

    bool isOpen() const { return m_cipher != nullptr; }
    QDBusObjectPath path() const { return m_path; }
    const SecretSessionCipher *cipher() const { return m_cipher.get(); }

    void open(QDBusObjectPath path, std::unique_ptr<SecretSessionCipher> cipher);
    // Tells the service the session is done (it also ends with our bus connection) and forgets it.
    void close();

private:
    QDBusObjectPath m_path;
    std::unique_ptr<SecretSessionCipher> m_cipher;
};

} // namespace authkit
