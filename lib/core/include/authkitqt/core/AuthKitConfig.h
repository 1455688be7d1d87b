#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

// Where and as whom a client signs in: one WorkOS environment (a client ID) and its URLs.
// A value type; ConfigLoader builds one from flags, environment, config file and project.
struct AUTHKITQT_CORE_EXPORT AuthKitConfig
{
    QString profile;            // local | development | production (or a user-defined name)
    QString clientId;           // client_01…: public, safe to ship
    QUrl apiBaseUrl;            // https://api.workos.com, a custom auth domain, or the emulator
    QUrl redirectUri;           // http://127.0.0.1/callback: any port at sign-in (RFC 8252)
    QStringList acceptedIssuers;
    QUrl logoutReturnUri;       // return_to of the hosted logout; empty: WorkOS's default
    QUrl convexUrl;             // the Convex deployment, for the convex layer

    static constexpr char kDefaultApiBase[] = "https://api.workos.com";

    // Both WorkOS issuer forms for this base URL and client (docs/workos-authkit.md#access-token).
    static QStringList defaultIssuers(const QUrl &apiBaseUrl, const QString &clientId);

    // Human-readable problems, empty when usable. Refuses sk_ API keys with an explanation.
    QStringList validate() const;
    bool isValid() const { return validate().isEmpty(); }

    QUrl authorizeUrl() const;      // …/user_management/authorize
    QUrl authenticateUrl() const;   // …/user_management/authenticate
    QUrl jwksUrl() const;           // …/sso/jwks/<client_id>
    QUrl logoutUrl(const QString &sessionId) const; // …/sessions/logout?session_id=&return_to=

    // The keychain entry that holds this environment's session.
    QString storageKey() const;

    static bool looksLikeClientId(const QString &clientId);
    static bool looksLikeApiKey(const QString &value);
};

} // namespace authkit
