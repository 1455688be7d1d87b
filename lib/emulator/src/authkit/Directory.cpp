#include "Directory_p.h"

#include "HttpMessage_p.h"
#include "Ids_p.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace authkit::emulator {

namespace {

const QStringList kDefaultRedirectUris = {
    QStringLiteral("http://127.0.0.1/callback"),
    QStringLiteral("http://localhost/callback"),
    QStringLiteral("authkit-desktop://callback"),
};
const QStringList kDefaultLogoutUris = {
    QStringLiteral("http://127.0.0.1/"),
    QStringLiteral("http://localhost/"),
    QStringLiteral("authkit-desktop://signed-out"),
};

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out.append(item.toString());
    return out;
}

QDateTime timestamp(const QJsonValue &value, const QDateTime &fallback)
{
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : fallback;
}

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")
           || host == QLatin1String("::1");
}

} // namespace

const Membership *User::membershipIn(const QString &organizationId) const
{
    for (const Membership &membership : memberships) {
        if (membership.organizationId == organizationId)
            return &membership;
    }
    return nullptr;
}

bool Directory::isValidClientId(const QString &id)
{
    static const QRegularExpression shape(QStringLiteral("^client_[0-9A-HJKMNP-TV-Z]{26}$"));
    return shape.match(id).hasMatch();
}

QStringList Directory::corsOrigins() const
{
    QStringList origins = m_corsOrigins;
    for (const ClientApp &client : m_clients)
        origins += client.corsOrigins;
    return origins;
}

std::optional<Directory> Directory::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? QStringLiteral("the seed is not valid JSON: %1 at offset %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset)
                     : QStringLiteral("the seed must be a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QDateTime epoch = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00.000Z"),
                                                  Qt::ISODateWithMs);
    Directory directory;

    const QJsonArray clients = root.value(QStringLiteral("clients")).toArray();
    for (const QJsonValue &value : clients) {
        const QJsonObject object = value.toObject();
        ClientApp client;
        client.id = object.value(QStringLiteral("client_id")).toString();
        if (!isValidClientId(client.id)) {
            *error = QStringLiteral("seed: \"%1\" is not a WorkOS client ID (client_ and 26 "
                                    "characters of Crockford base32)")
                         .arg(client.id);
            return std::nullopt;
        }
        client.name = object.value(QStringLiteral("name")).toString(client.id);
        client.redirectUris = object.contains(QStringLiteral("redirect_uris"))
                                  ? stringList(object.value(QStringLiteral("redirect_uris")))
                                  : kDefaultRedirectUris;
        client.logoutRedirectUris =
            object.contains(QStringLiteral("logout_redirect_uris"))
                ? stringList(object.value(QStringLiteral("logout_redirect_uris")))
                : kDefaultLogoutUris;
        client.corsOrigins = stringList(object.value(QStringLiteral("cors_origins")));
        const QString environment =
            object.value(QStringLiteral("environment")).toString(QStringLiteral("development"));
        if (!parseEnvironment(environment, &client.environment)) {
            *error = QStringLiteral("seed: client %1: environment \"%2\" is neither development "
                                    "nor production")
                         .arg(client.id, environment);
            return std::nullopt;
        }
        // WorkOS refuses to register such a URI in production; so does the seed.
        for (const QString &uri : std::as_const(client.redirectUris)) {
            const QString problem = redirectUriProblem(client.environment, QUrl(uri));
            if (!problem.isEmpty()) {
                *error = QStringLiteral("seed: client %1: redirect URI \"%2\": %3")
                             .arg(client.id, uri, problem);
                return std::nullopt;
            }
        }
        directory.m_clients.append(client);
    }
    directory.m_corsOrigins = stringList(root.value(QStringLiteral("cors_origins")));

    const QJsonArray organizations = root.value(QStringLiteral("organizations")).toArray();
    for (const QJsonValue &value : organizations) {
        const QJsonObject object = value.toObject();
        Organization organization;
        organization.id = object.value(QStringLiteral("id")).toString();
        organization.name = object.value(QStringLiteral("name")).toString();
        if (!organization.id.startsWith(QLatin1String("org_"))) {
            *error = QStringLiteral("seed: organization id \"%1\" must start with org_")
                         .arg(organization.id);
            return std::nullopt;
        }
        const QJsonObject roles = object.value(QStringLiteral("roles")).toObject();
        for (auto it = roles.begin(); it != roles.end(); ++it)
            organization.rolePermissions.insert(it.key(), stringList(it.value()));
        organization.featureFlags = stringList(object.value(QStringLiteral("feature_flags")));
        organization.entitlements = stringList(object.value(QStringLiteral("entitlements")));
        directory.m_organizations.append(organization);
    }

    const QJsonArray users = root.value(QStringLiteral("users")).toArray();
    for (const QJsonValue &value : users) {
        const QJsonObject object = value.toObject();
        User user;
        user.id = object.value(QStringLiteral("id")).toString();
        user.email = object.value(QStringLiteral("email")).toString().toLower();
        if (!user.id.startsWith(QLatin1String("user_")) || !user.email.contains(QLatin1Char('@'))) {
            *error = QStringLiteral("seed: every user needs an id starting with user_ and an "
                                    "e-mail address (\"%1\")")
                         .arg(user.id);
            return std::nullopt;
        }
        user.password = object.value(QStringLiteral("password")).toString();
        user.firstName = object.value(QStringLiteral("first_name")).toString();
        user.lastName = object.value(QStringLiteral("last_name")).toString();
        user.emailVerified = object.value(QStringLiteral("email_verified")).toBool(true);
        user.profilePictureUrl = object.value(QStringLiteral("profile_picture_url")).toString();
        user.totpSecret = object.value(QStringLiteral("totp_secret")).toString();
        if (object.contains(QStringLiteral("impersonator"))) {
            const QJsonObject impersonator =
                object.value(QStringLiteral("impersonator")).toObject();
            user.impersonator = Impersonator{
                impersonator.value(QStringLiteral("email")).toString(),
                impersonator.value(QStringLiteral("reason")).toString()};
        }
        const QJsonArray memberships = object.value(QStringLiteral("memberships")).toArray();
        for (const QJsonValue &membershipValue : memberships) {
            const QJsonObject membershipObject = membershipValue.toObject();
            Membership membership;
            membership.organizationId =
                membershipObject.value(QStringLiteral("organization_id")).toString();
            membership.roles = stringList(membershipObject.value(QStringLiteral("roles")));
            const QString role = membershipObject.value(QStringLiteral("role")).toString();
            if (!role.isEmpty() && !membership.roles.contains(role))
                membership.roles.prepend(role);
            if (membership.roles.isEmpty())
                membership.roles.append(QStringLiteral("member"));
            if (!directory.organization(membership.organizationId)) {
                *error = QStringLiteral("seed: user %1 is a member of unknown organization %2")
                             .arg(user.email, membership.organizationId);
                return std::nullopt;
            }
            user.memberships.append(membership);
        }
        user.featureFlags = stringList(object.value(QStringLiteral("feature_flags")));
        user.createdAt = timestamp(object.value(QStringLiteral("created_at")), epoch);
        user.updatedAt = timestamp(object.value(QStringLiteral("updated_at")), user.createdAt);
        if (directory.userByEmail(user.email) || directory.userById(user.id)) {
            *error = QStringLiteral("seed: user %1 appears twice").arg(user.email);
            return std::nullopt;
        }
        directory.m_users.append(user);
    }

    const QJsonArray invitations = root.value(QStringLiteral("invitations")).toArray();
    for (const QJsonValue &value : invitations) {
        const QJsonObject object = value.toObject();
        directory.m_invitations.append(
            Invitation{object.value(QStringLiteral("token")).toString(),
                       object.value(QStringLiteral("email")).toString().toLower(),
                       object.value(QStringLiteral("organization_id")).toString(),
                       object.value(QStringLiteral("role")).toString(QStringLiteral("member")),
                       false});
    }

    if (directory.m_clients.isEmpty()) {
        *error = QStringLiteral("seed: at least one client is needed");
        return std::nullopt;
    }
    return directory;
}

Directory Directory::builtIn()
{
    QFile file(QStringLiteral(":/authkit-emulator/default-seed.json"));
    file.open(QIODevice::ReadOnly);
    QString error;
    auto directory = fromJson(file.readAll(), &error);
    Q_ASSERT_X(directory, "Directory::builtIn", qPrintable(error));
    return directory ? *directory : Directory();
}

void Directory::addClient(const QString &clientId)
{
    if (client(clientId))
        return;
    m_clients.append(ClientApp{clientId, clientId, kDefaultRedirectUris, kDefaultLogoutUris, {}});
}

const ClientApp *Directory::client(const QString &id) const
{
    for (const ClientApp &client : m_clients) {
        if (client.id == id)
            return &client;
    }
    return nullptr;
}

User *Directory::userById(const QString &id)
{
    for (User &user : m_users) {
        if (user.id == id)
            return &user;
    }
    return nullptr;
}

User *Directory::userByEmail(const QString &email)
{
    const QString wanted = email.trimmed().toLower();
    for (User &user : m_users) {
        if (user.email == wanted)
            return &user;
    }
    return nullptr;
}

const Organization *Directory::organization(const QString &id) const
{
    for (const Organization &organization : m_organizations) {
        if (organization.id == id)
            return &organization;
    }
    return nullptr;
}

Invitation *Directory::invitation(const QString &token)
{
    for (Invitation &invitation : m_invitations) {
        if (invitation.token == token)
            return &invitation;
    }
    return nullptr;
}

User &Directory::addUser(const QString &email, const QString &firstName, const QString &lastName,
                         const QString &password, const QDateTime &now)
{
    User user;
    user.id = QStringLiteral("user_") + ids::ulid(now.toMSecsSinceEpoch());
    user.email = email.trimmed().toLower();
    user.firstName = firstName;
    user.lastName = lastName;
    user.password = password;
    user.createdAt = now;
    user.updatedAt = now;
    m_users.append(user);
    return m_users.last();
}

bool Directory::removeUser(const QString &id)
{
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).id == id) {
            m_users.removeAt(i);
            return true;
        }
    }
    return false;
}

QJsonObject Directory::userJson(const User &user)
{
    auto nullable = [](const QString &value) {
        return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
    };
    return QJsonObject{
        {QStringLiteral("object"), QStringLiteral("user")},
        {QStringLiteral("id"), user.id},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("email_verified"), user.emailVerified},
        {QStringLiteral("first_name"), nullable(user.firstName)},
        {QStringLiteral("last_name"), nullable(user.lastName)},
        {QStringLiteral("profile_picture_url"), nullable(user.profilePictureUrl)},
        {QStringLiteral("external_id"), nullable(user.externalId)},
        {QStringLiteral("metadata"), user.metadata},
        {QStringLiteral("locale"), nullable(user.locale)},
        {QStringLiteral("last_sign_in_at"), user.lastSignInAt.isValid()
                                                ? QJsonValue(isoTimestamp(user.lastSignInAt))
                                                : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("created_at"), isoTimestamp(user.createdAt)},
        {QStringLiteral("updated_at"), isoTimestamp(user.updatedAt)},
    };
}

bool matchesRegisteredUri(const QUrl &candidate, const QString &registered, bool pathPrefix)
{
    const QUrl allowed(registered);
    if (!candidate.isValid() || !allowed.isValid())
        return false;
    if (candidate.scheme().compare(allowed.scheme(), Qt::CaseInsensitive) != 0
        || candidate.host().compare(allowed.host(), Qt::CaseInsensitive) != 0
        || !candidate.userInfo().isEmpty())
        return false;
    const bool loopback = candidate.scheme() == QLatin1String("http") && isLoopbackHost(allowed.host());
    if (!loopback && candidate.port() != allowed.port())
        return false;
    if (!pathPrefix) {
        // Only the loopback port may vary: the query must be the registered one, and a redirect
        // URI never has a fragment (RFC 6749 §3.1.2).
        return candidate.path() == allowed.path() && candidate.hasQuery() == allowed.hasQuery()
               && candidate.query(QUrl::FullyEncoded) == allowed.query(QUrl::FullyEncoded)
               && !candidate.hasFragment();
    }
    const QString base = allowed.path();
    return base.isEmpty() || base == QLatin1String("/") || candidate.path() == base
           || candidate.path().startsWith(base.endsWith(QLatin1Char('/')) ? base
                                                                          : base + QLatin1Char('/'));
}

} // namespace authkit::emulator
