#include "UsersApi_p.h"

#include <QJsonDocument>

namespace authkit::emulator {

namespace {

constexpr int kMinPasswordLength = 8; // as the hosted sign-up page asks

HttpResponse invalid(const QString &message)
{
    return codeError(422, QStringLiteral("invalid_request_parameters"), message);
}

// A string field that may be null (cleared) or absent (kept).
bool optionalString(const QJsonObject &body, const char *name, QString *target, QString *error)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (value.isUndefined())
        return true;
    if (value.isNull()) {
        target->clear();
        return true;
    }
    if (!value.isString()) {
        *error = QStringLiteral("%1 must be a string.").arg(QLatin1String(name));
        return false;
    }
    *target = value.toString();
    return true;
}

} // namespace

User *UsersApi::authorizedUser(const HttpRequest &request, const QString &userId,
                               HttpResponse *error)
{
    if (auto refused = m_state.requireApiKey(request, QStringLiteral("Managing users"))) {
        *error = *refused;
        return nullptr;
    }
    User *user = m_state.directory().userById(userId);
    if (!user) {
        *error = codeError(404, QStringLiteral("entity_not_found"),
                           QStringLiteral("User not found: '%1'.").arg(userId));
    }
    return user;
}

HttpResponse UsersApi::update(const HttpRequest &request, const QString &userId)
{
    HttpResponse error;
    User *user = authorizedUser(request, userId, &error);
    if (!user)
        return error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return invalid(QStringLiteral("The body must be a JSON object."));
    const QJsonObject body = document.object();

    // Checked in full before anything changes: a refused update changes nothing.
    User updated = *user;
    QString why;
    QString email = updated.email;
    if (!optionalString(body, "first_name", &updated.firstName, &why)
        || !optionalString(body, "last_name", &updated.lastName, &why)
        || !optionalString(body, "external_id", &updated.externalId, &why)
        || !optionalString(body, "locale", &updated.locale, &why)
        || !optionalString(body, "email", &email, &why))
        return invalid(why);
    email = email.trimmed().toLower();
    if (email != updated.email) {
        const int at = email.indexOf(QLatin1Char('@'));
        if (at < 1 || at == email.size() - 1 || email.size() > 254)
            return invalid(QStringLiteral("email must be a valid e-mail address."));
        if (m_state.directory().userByEmail(email))
            return codeError(422, QStringLiteral("email_not_available"),
                             QStringLiteral("This email is not available."));
        updated.email = email;
        updated.emailVerified = false; // a new address is not verified yet, as in WorkOS
    }
    const QJsonValue verified = body.value(QStringLiteral("email_verified"));
    if (!verified.isUndefined() && !verified.isNull()) {
        if (!verified.isBool())
            return invalid(QStringLiteral("email_verified must be a boolean."));
        updated.emailVerified = verified.toBool();
    }
    const QJsonValue password = body.value(QStringLiteral("password"));
    if (!password.isUndefined() && !password.isNull()) {
        if (!password.isString() || password.toString().size() < kMinPasswordLength) {
            return codeError(422, QStringLiteral("password_strength_error"),
                             QStringLiteral("The password must have at least %1 characters.")
                                 .arg(kMinPasswordLength));
        }
        updated.password = password.toString();
    }
    const QJsonValue metadata = body.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject())
            return invalid(QStringLiteral("metadata must be an object."));
        updated.metadata = metadata.toObject();
    }

    updated.updatedAt = m_state.clock().now();
    *user = updated;
    const QJsonObject json = Directory::userJson(*user);
    m_state.events().record(QStringLiteral("user.updated"), json, m_state.clock().now());
    return HttpResponse::json(200, json);
}

HttpResponse UsersApi::remove(const HttpRequest &request, const QString &userId)
{
    HttpResponse error;
    const User *user = authorizedUser(request, userId, &error);
    if (!user)
        return error;
    const QJsonObject json = Directory::userJson(*user);
    // A deleted user is signed out everywhere: their refresh tokens stop working.
    for (const UserSession &session : m_state.sessions().sessions()) {
        if (session.userId == userId)
            m_state.sessions().revoke(session.id);
    }
    m_state.directory().removeUser(userId);
    qCInfo(lcEmulator).noquote() << "user deleted:" << userId;
    m_state.events().record(QStringLiteral("user.deleted"), json, m_state.clock().now());
    HttpResponse accepted; // WorkOS answers 202 with no body
    accepted.status = 202;
    return accepted;
}

} // namespace authkit::emulator
