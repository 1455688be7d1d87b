#include <authkitqt/core/SessionStore.h>

#include "Logging_p.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcStore, "authkit.store")

namespace authkit {

namespace {

// Seconds from the envelope, which anything able to write the keychain entry may have written:
// bounded (a million centuries), as a qint64 cast of 1e300 is undefined behaviour and the
// expiry arithmetic must not overflow.
qint64 storedSeconds(const QJsonValue &value)
{
    const double seconds = value.toDouble();
    if (std::isnan(seconds))
        return 0;
    constexpr double kLimit = 1e15;
    return qint64(std::clamp(seconds, -kLimit, kLimit));
}

} // namespace

bool StoredSession::hasAccessTokenValidFor(qint64 nowSecs, qint64 minRemainingSecs) const
{
    if (accessToken.isEmpty() || accessTokenLifetimeSecs <= 0)
        return false;
    const qint64 remaining = accessTokenExpiresAtSecs - nowSecs;
    return remaining > minRemainingSecs && remaining <= accessTokenLifetimeSecs;
}

QByteArray StoredSession::toJson() const
{
    QJsonObject object{
        {QStringLiteral("v"), kVersion},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("session_id"), sessionId},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("organization_id"), organizationId},
        {QStringLiteral("user"), user},
        {QStringLiteral("saved_at"), savedAt.toUTC().toString(Qt::ISODate)},
    };
    if (!authenticationMethod.isEmpty())
        object.insert(QStringLiteral("authentication_method"), authenticationMethod);
    if (!impersonationReason.isEmpty())
        object.insert(QStringLiteral("impersonation_reason"), impersonationReason);
    if (!accessToken.isEmpty()) {
        object.insert(QStringLiteral("access_token"), accessToken);
        object.insert(QStringLiteral("access_token_lifetime"), accessTokenLifetimeSecs);
        object.insert(QStringLiteral("access_token_expires_at"), accessTokenExpiresAtSecs);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<StoredSession> StoredSession::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    // A newer envelope is not guessed at: the user signs in again rather than us misreading it.
    const int version = object.value(QStringLiteral("v")).toInt();
    if (version != 1 && version != kVersion)
        return std::nullopt;
    StoredSession session;
    session.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    if (session.refreshToken.isEmpty())
        return std::nullopt;
    session.sessionId = object.value(QStringLiteral("session_id")).toString();
    session.userId = object.value(QStringLiteral("user_id")).toString();
    session.organizationId = object.value(QStringLiteral("organization_id")).toString();
    session.user = object.value(QStringLiteral("user")).toObject();
    session.savedAt = QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(),
                                            Qt::ISODate);
    session.authenticationMethod = object.value(QStringLiteral("authentication_method")).toString();
    session.impersonationReason = object.value(QStringLiteral("impersonation_reason")).toString();
    session.accessToken = object.value(QStringLiteral("access_token")).toString();
    session.accessTokenLifetimeSecs =
        storedSeconds(object.value(QStringLiteral("access_token_lifetime")));
    session.accessTokenExpiresAtSecs =
        storedSeconds(object.value(QStringLiteral("access_token_expires_at")));
    return session;
}

SessionStore::SessionStore(SecretStore *secrets, QString key)
    : m_secrets(secrets)
    , m_key(std::move(key))
{
}

void SessionStore::load(LoadCallback done) const
{
    if (!m_secrets) {
        done(SecretStore::Status::Unavailable, std::nullopt, QString());
        return;
    }
    m_secrets->read(m_key, [done = std::move(done)](SecretStore::Status status,
                                                    const QByteArray &secret, const QString &error) {
        if (status != SecretStore::Status::Ok) {
            done(status, std::nullopt, error);
            return;
        }
        auto session = StoredSession::fromJson(secret);
        if (!session) {
            qCWarning(lcStore) << "the stored session is unreadable or of another version; "
                                  "ignoring it";
            done(SecretStore::Status::NotFound, std::nullopt, QString());
            return;
        }
        done(SecretStore::Status::Ok, session, QString());
    });
}

void SessionStore::save(const StoredSession &session, SaveCallback done) const
{
    const QByteArray envelope = session.toJson();
    if (envelope.size() > kMaxEnvelopeBytes) {
        // Refused, not truncated: a cut refresh token would fail later in a confusing way.
        const QString error = QCoreApplication::translate(
                                  "SessionStore", "The session is too large to store (%1 bytes, "
                                                  "at most %2).")
                                  .arg(envelope.size())
                                  .arg(kMaxEnvelopeBytes);
        QTimer::singleShot(0, [done = std::move(done), error] {
            done(SecretStore::Status::Failed, error);
        });
        return;
    }
    if (!m_secrets) {
        QTimer::singleShot(0, [done = std::move(done)] {
            done(SecretStore::Status::Unavailable, QString());
        });
        return;
    }
    m_secrets->write(m_key, envelope, std::move(done));
}

void SessionStore::clear(SaveCallback done) const
{
    if (!m_secrets) {
        QTimer::singleShot(0, [done = std::move(done)] { done(SecretStore::Status::Ok, QString()); });
        return;
    }
    m_secrets->remove(m_key, std::move(done));
}

} // namespace authkit
