#pragma once

#include <authkitqt/core/SecretStore.h>

#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// What survives a restart, in one keychain entry per profile and client ID: a small versioned
/// JSON envelope around the refresh token and, once verified, the current access token, so that
/// another process of the same user (authkit-cli token, a second app) uses it without a refresh.
/// Nothing secret is stored anywhere else (docs/security: SECURITY.md).
struct AUTHKITQT_CORE_EXPORT StoredSession
{
    static constexpr int kVersion = 2;       ///< v1 (refresh token only) is still read
    QString refreshToken;
    QString sessionId;
    QString userId;
    QString organizationId;
    QJsonObject user;   ///< the WorkOS user, to show who is signed in while offline
    QString authenticationMethod;
    QString impersonationReason;
    QDateTime savedAt;
    /// Only ever a token that passed verification; empty when the last refresh could not be
    /// verified yet. Its end is on this computer's clock (saved + exp - iat), not WorkOS's.
    QString accessToken;
    qint64 accessTokenLifetimeSecs = 0;
    qint64 accessTokenExpiresAtSecs = 0;     ///< wall clock, seconds since the epoch

    /// The stored access token while it has more than minRemainingSecs left on this computer's
    /// clock, and no more than its lifetime (a clock set back makes it unusable, not immortal).
    bool hasAccessTokenValidFor(qint64 nowSecs, qint64 minRemainingSecs) const;

    QByteArray toJson() const;
    static std::optional<StoredSession> fromJson(const QByteArray &json);
};

/// Keeps one StoredSession in a SecretStore under one key (AuthKitConfig::storageKey()).
class AUTHKITQT_CORE_EXPORT SessionStore
{
public:
    static constexpr int kMaxEnvelopeBytes = 4096; ///< keychains differ; this fits them all

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
