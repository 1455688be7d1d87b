#pragma once

#include <QByteArray>
#include <QDBusObjectPath>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QDBusMessage;
class QDBusPendingCall;

namespace authkit {

class SecretServiceSession;
class SecretSessionCipher;

// Reads one qtkeychain entry straight from the Secret Service over QtDBus. libsecret before
// 0.21.2 (Debian 12 has 0.20.5) never frees the reply of every GetSecrets call it makes, and with
// it the encrypted secret: about 3.5 KB per qtkeychain read. This reader asks the same things
// (SearchItems with qtkeychain's attributes, then the item's GetSecret in a session encrypted
// with dh-ietf1024-sha256-aes128-cbc-pkcs7) and frees everything. It handles only the plain
// cases: whatever it cannot settle (no service, a locked item that needs an unlock prompt, any
// error) it hands back as Fallback, for qtkeychain to do as before.
class SecretServiceReader : public QObject {
    Q_OBJECT
public:
    enum class Result { Found, NotFound, Fallback };
    using Done = std::function<void(Result, const QByteArray &secret)>;

    // Deletes itself after calling done; deleting parent first cancels it (done is not called).
    // session: the store's, opened here when it is not yet and closed again when it fails.
    SecretServiceReader(QString service, QString key, std::shared_ptr<SecretServiceSession> session,
                        QObject *parent);
    ~SecretServiceReader() override;

    // Always answers asynchronously.
    void start(Done done);

private:
    void search(int typeIndex);
    void openSession();
    void getSecret();
    void finish(Result result, const QByteArray &secret = QByteArray());
    void call(const QDBusMessage &message,
              void (SecretServiceReader::*handler)(const QDBusMessage &));
    void onSearched(const QDBusMessage &reply);
    void onSessionOpened(const QDBusMessage &reply);
    void onSecret(const QDBusMessage &reply);

    QString m_service;
    QString m_key;
    Done m_done;
    int m_typeIndex = 0;
    bool m_sawLocked = false;
    QDBusObjectPath m_item;
    std::shared_ptr<SecretServiceSession> m_session;
    std::unique_ptr<SecretSessionCipher> m_newCipher; // while OpenSession is under way
};

} // namespace authkit
