#pragma once

#include <authkitqt/core/SecretStore.h>

#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace authkit {

// What survives a restart, in one keychain entry per profile and client ID: a small versioned
// JSON envelope around the refresh token. Nothing else secret is stored anywhere.
struct StoredSession
{
    static constexpr int kVersion = 1;
    QString refreshToken;
    QString sessionId;
    QString userId;
    QString organizationId;
    QJsonObject user;   // the WorkOS user, to show who is signed in while offline
    QDateTime savedAt;

    QByteArray toJson() const;
    static std::optional<StoredSession> fromJson(const QByteArray &json);
};

class SessionStore
{
public:
    static constexpr int kMaxEnvelopeBytes = 4096; // keychains differ; this fits them all

    using LoadCallback = std::function<void(SecretStore::Status, std::optional<StoredSession>,
                                            const QString &error)>;
    using SaveCallback = SecretStore::WriteCallback;

    SessionStore(SecretStore *secrets, QString key);

    void load(LoadCallback done) const;
    void save(const StoredSession &session, SaveCallback done) const;
    void clear(SaveCallback done) const;

    SecretStore *secrets() const { return m_secrets; }
    QString key() const { return m_key; }

private:
    QPointer<SecretStore> m_secrets;
    QString m_key;
};

} // namespace authkit
