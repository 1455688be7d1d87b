#include "EmulatorState_p.h"

#include "HttpMessage_p.h"
#include "Ids_p.h"
#include "SecretCompare_p.h"

#include <QJsonArray>


namespace authkit::emulator {

EmulatorState::EmulatorState(EmulatorOptions options, Directory directory)
    : m_options(std::move(options))
    , m_directory(std::move(directory))
{
    m_sessions.setCaps(SessionRegistry::Caps{m_options.maxLoginAttempts,
                                             m_options.maxAuthorizationCodes,
                                             m_options.maxRefreshTokens});
    m_environment.setCaps(
        EnvironmentSettings::Caps{m_options.maxRedirectUris, m_options.maxCorsOrigins});
    m_events.onRecorded = [this](const WorkOsEvent &event) { m_webhooks->dispatch(event); };
}

std::optional<HttpResponse> EmulatorState::requireApiKey(const HttpRequest &request,
                                                         const QString &what) const
{
    if (m_options.apiKeys.isEmpty()) {
        return messageError(
            401,
            QStringLiteral("%1 needs an API key: start the emulator with --api-key.").arg(what));
    }
    if (!hasApiKey(request))
        return messageError(401, QStringLiteral("Unauthorized"));
    return std::nullopt;
}

bool EmulatorState::hasApiKey(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return false;
    const QString presented = QString::fromUtf8(authorization.mid(7).trimmed());
    bool matches = false;
    for (const QString &key : m_options.apiKeys)
        matches = secrets::equal(key, presented) || matches; // every key compared, in constant time
    return matches;
}

User &EmulatorState::createUser(const QString &email, const QString &firstName,
                                const QString &lastName, const QString &password)
{
    User &user = m_directory.addUser(email, firstName, lastName, password, m_clock.now());
    m_events.record(QStringLiteral("user.created"), Directory::userJson(user), m_clock.now());
    return user;
}

void EmulatorState::recordSessionCreated(const UserSession &session)
{
    m_events.record(QStringLiteral("session.created"), SessionRegistry::sessionJson(session),
                    m_clock.now());
}

void EmulatorState::recordMembershipCreated(const User &user, const Membership &membership)
{
    const QString now = isoTimestamp(m_clock.now());
    const Organization *organization = m_directory.organization(membership.organizationId);
    // Stable for a user and an organization, in WorkOS's om_ shape.
    const QString id = QStringLiteral("om_")
                       + ids::ulidShapedDigest(
                           (user.id + QLatin1Char('/') + membership.organizationId).toUtf8());
    const QJsonObject data{
        {QStringLiteral("object"), QStringLiteral("organization_membership")},
        {QStringLiteral("id"), id},
        {QStringLiteral("user_id"), user.id},
        {QStringLiteral("organization_id"), membership.organizationId},
        {QStringLiteral("organization_name"), organization ? organization->name : QString()},
        {QStringLiteral("role"), QJsonObject{{QStringLiteral("slug"), membership.roles.value(0)}}},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("created_at"), now},
        {QStringLiteral("updated_at"), now}};
    m_events.record(QStringLiteral("organization_membership.created"), data, m_clock.now());
}

QString EmulatorState::issuerFor(const QString &clientId) const
{
    if (!m_options.issuer.isEmpty())
        return m_options.issuer;
    return QStringLiteral("https://api.workos.com/user_management/") + clientId;
}

QByteArray EmulatorState::mintAccessToken(const UserSession &session)
{
    const User *user = m_directory.userById(session.userId);
    const qint64 now = m_clock.nowSecs();
    QJsonObject claims{
        {QStringLiteral("iss"), issuerFor(session.clientId)},
        {QStringLiteral("sub"), session.userId},
        {QStringLiteral("sid"), session.id},
        {QStringLiteral("jti"), ids::ulid(m_clock.now().toMSecsSinceEpoch())},
        {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + m_options.tokenTtlSeconds},
    };
    QStringList featureFlags = user ? user->featureFlags : QStringList();
    const Organization *organization = m_directory.organization(session.organizationId);
    const Membership *membership = user && organization ? user->membershipIn(organization->id)
                                                        : nullptr;
    if (organization && membership) {
        claims.insert(QStringLiteral("org_id"), organization->id);
        claims.insert(QStringLiteral("role"), membership->roles.first());
        claims.insert(QStringLiteral("roles"), QJsonArray::fromStringList(membership->roles));
        QStringList permissions;
        for (const QString &role : membership->roles) {
            for (const QString &permission : organization->rolePermissions.value(role)) {
                if (!permissions.contains(permission))
                    permissions.append(permission);
            }
        }
        claims.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(permissions));
        if (!organization->entitlements.isEmpty())
            claims.insert(QStringLiteral("entitlements"),
                          QJsonArray::fromStringList(organization->entitlements));
        for (const QString &flag : organization->featureFlags) {
            if (!featureFlags.contains(flag))
                featureFlags.append(flag);
        }
    }
    if (!featureFlags.isEmpty())
        claims.insert(QStringLiteral("feature_flags"), QJsonArray::fromStringList(featureFlags));
    if (session.impersonator)
        claims.insert(QStringLiteral("act"),
                      QJsonObject{{QStringLiteral("sub"), session.impersonator->email}});
    return m_tokens.sign(claims);
}

QJsonObject EmulatorState::authenticationResponse(const UserSession &session)
{
    const User *user = m_directory.userById(session.userId);
    QJsonObject body{
        {QStringLiteral("user"), user ? Directory::userJson(*user) : QJsonObject()},
        {QStringLiteral("access_token"), QString::fromLatin1(mintAccessToken(session))},
        {QStringLiteral("refresh_token"), m_sessions.issueRefreshToken(session, m_clock.now())},
        {QStringLiteral("authentication_method"), session.authenticationMethod},
    };
    if (!session.organizationId.isEmpty())
        body.insert(QStringLiteral("organization_id"), session.organizationId);
    if (session.impersonator) {
        body.insert(QStringLiteral("impersonator"),
                    QJsonObject{{QStringLiteral("email"), session.impersonator->email},
                                {QStringLiteral("reason"),
                                 session.impersonator->reason.isEmpty()
                                     ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(session.impersonator->reason)}});
    }
    return body;
}

const QList<InboxMessage> &EmulatorState::inbox()
{
    pruneInbox();
    return m_inbox;
}

void EmulatorState::pruneInbox()
{
    const QDateTime now = m_clock.now();
    m_inbox.removeIf([&now](const InboxMessage &message) {
        return message.sentAt.secsTo(now) > kInboxLifetimeSecs;
    });
}

void EmulatorState::deliverOneTimeCode(const QString &email, const QString &code)
{
    // Newest first; a message outlives its code by nothing, and the inbox holds at most the cap.
    pruneInbox();
    m_inbox.prepend(InboxMessage{email, code, QStringLiteral("magic_auth"), m_clock.now()});
    while (m_inbox.size() > m_options.maxInboxMessages)
        m_inbox.removeLast();
    // The code is the dev inbox's whole point: it is shown on purpose, like WorkOS's emulator.
    qCInfo(lcEmulator).noquote() << "one-time code for" << email << "is" << code
                                 << "(also on /_emulator/inbox)";
    if (onOneTimeCode)
        onOneTimeCode(email, code);
}

} // namespace authkit::emulator
