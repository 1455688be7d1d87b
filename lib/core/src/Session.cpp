#include <authkitqt/core/Session.h>

namespace authkit {

WorkOSUser WorkOSUser::fromJson(const QJsonObject &object)
{
    WorkOSUser user;
    user.id = object.value(QStringLiteral("id")).toString();
    user.email = object.value(QStringLiteral("email")).toString();
    user.firstName = object.value(QStringLiteral("first_name")).toString();
    user.lastName = object.value(QStringLiteral("last_name")).toString();
    user.emailVerified = object.value(QStringLiteral("email_verified")).toBool();
    user.profilePictureUrl = object.value(QStringLiteral("profile_picture_url")).toString();
    user.json = object;
    return user;
}

QString WorkOSUser::displayName() const
{
    const QString name = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? email : name;
}

QString WorkOSUser::initials() const
{
    QString out;
    if (!firstName.isEmpty())
        out += firstName.at(0).toUpper();
    if (!lastName.isEmpty())
        out += lastName.at(0).toUpper();
    if (out.isEmpty() && !email.isEmpty())
        out += email.at(0).toUpper();
    return out;
}

} // namespace authkit
