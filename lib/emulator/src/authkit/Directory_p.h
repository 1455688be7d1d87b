#pragma once

#include "RedirectUriRules_p.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace authkit::emulator {

struct ClientApp
{
    QString id;
    QString name;
    QStringList redirectUris;
    QStringList logoutRedirectUris;
    QStringList corsOrigins; // browser origins allowed to call the API (lib/emulator/README.md)
    // Which redirect URIs authorize takes besides the registered ones (RedirectUriRules_p.h).
    Environment environment = Environment::Development;
};

struct Organization
{
    QString id;
    QString name;
    QHash<QString, QStringList> rolePermissions; // role slug -> permission slugs
    QStringList featureFlags;
    QStringList entitlements;
};

struct Membership
{
    QString organizationId;
    QStringList roles; // the first is the primary "role" claim
};

struct Impersonator
{
    QString email;
    QString reason;
};

struct User
{
    QString id;
    QString email;
    QString password;
    QString firstName;
    QString lastName;
    bool emailVerified = true;
    QString profilePictureUrl;
    QString externalId; // set through the API (PUT /user_management/users/:id)
    QString locale;
    QJsonObject metadata;
    QString totpSecret; // base32; empty: no second factor
    std::optional<Impersonator> impersonator;
    QList<Membership> memberships;
    QStringList featureFlags;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSignInAt;

    const Membership *membershipIn(const QString &organizationId) const;
};

struct Invitation
{
    QString token;
    QString email;
    QString organizationId;
    QString role;
    bool accepted = false;
};

// The emulator's users, organizations, clients and invitations: loaded from a seed file (or the
// built-in one) and grown by sign-ups. Seed format: resources/emulator/default-seed.json.
class Directory
{
public:
    static std::optional<Directory> fromJson(const QByteArray &json, QString *error);
    static Directory builtIn();

    // A client with the default redirect and logout URIs (--client-id).
    void addClient(const QString &clientId);

    const QList<ClientApp> &clients() const { return m_clients; }
    // The environment's allowed CORS origins: the seed's top-level cors_origins and every
    // client's, as written there.
    QStringList corsOrigins() const;
    const ClientApp *client(const QString &id) const;
    const QList<User> &users() const { return m_users; }
    User *userById(const QString &id);
    User *userByEmail(const QString &email);
    const Organization *organization(const QString &id) const;
    Invitation *invitation(const QString &token);
    User &addUser(const QString &email, const QString &firstName, const QString &lastName,
                  const QString &password, const QDateTime &now);
    // Deletes the user (DELETE /user_management/users/:id); false when there is none.
    bool removeUser(const QString &id);

    // The WorkOS user object, every field the API reference requires.
    static QJsonObject userJson(const User &user);

    static bool isValidClientId(const QString &id);

private:
    QList<ClientApp> m_clients;
    QStringList m_corsOrigins;
    QList<Organization> m_organizations;
    QList<User> m_users;
    QList<Invitation> m_invitations;
};

// RFC 8252 §7.3: a registered loopback URI matches the same URI on any port. Other URIs (https,
// custom schemes) match exactly, query included; a fragment never matches. With pathPrefix, the
// candidate's path may extend the registered one and any query is allowed (logout return_to
// allowlists).
bool matchesRegisteredUri(const QUrl &candidate, const QString &registered, bool pathPrefix);

} // namespace authkit::emulator
