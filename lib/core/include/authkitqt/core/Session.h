#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// The user of a session, as WorkOS describes them.
struct AUTHKITQT_CORE_EXPORT WorkOSUser
{
    QString id;
    QString email;
    QString firstName;
    QString lastName;
    bool emailVerified = false;
    QString profilePictureUrl;
    QJsonObject json; ///< the whole object as WorkOS sent it

    static WorkOSUser fromJson(const QJsonObject &object);
    bool isNull() const { return id.isEmpty(); }
    QString displayName() const; ///< "Ada Lovelace", or the e-mail
    QString initials() const;    ///< "AL"
};

/// A signed-in session as the client sees it: who, in which organization, with what rights, and
/// the current access token. The refresh token is not here: only TokenManager holds it.
struct AUTHKITQT_CORE_EXPORT Session
{
    WorkOSUser user;
    QString sessionId;
    QString organizationId;
    QString role;
    QStringList roles;
    QStringList permissions;
    QStringList entitlements;
    QStringList featureFlags;
    QString impersonatorEmail;
    QString impersonationReason;
    QString authenticationMethod;
    QString accessToken;
    qint64 accessTokenLifetimeSecs = 0;   ///< exp - iat
    qint64 accessTokenExpiresAtMs = 0;    ///< on the monotonic clock

    bool isNull() const { return user.isNull(); }
};

} // namespace authkit

Q_DECLARE_METATYPE(authkit::Session)
