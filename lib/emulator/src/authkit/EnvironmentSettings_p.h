#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace authkit::emulator {

// The environment-wide settings WorkOS keeps besides each client's (lib/emulator/README.md,
// "Environment configuration"): redirect URIs, CORS origins and the app homepage URL, as
// `--project` (convex.json's AuthKit section, .env.local) and the API-key calls Convex's CLI
// makes set them. They change while the emulator runs and are kept in the state file.
class EnvironmentSettings
{
public:
    struct RedirectUri
    {
        QString id; // ruri_…
        QString uri;
        QDateTime createdAt;
    };
    struct CorsOrigin
    {
        QString id;     // cors_origin_…
        QString origin; // serialized: scheme://host[:port]
        QDateTime createdAt;
    };
    // Full: the list holds its cap already (EmulatorOptions::maxRedirectUris, maxCorsOrigins).
    enum class Added { New, Duplicate, Invalid, Full };

    // How many entries each list may hold. Configuration is not evicted as the records of
    // SessionRegistry are: past the cap an add is refused. Without a cap, the API-key calls could
    // grow the state file until the emulator refused to start with it (it reads at most 64 MiB).
    struct Caps
    {
        int redirectUris = 1000;
        int corsOrigins = 1000;
    };
    void setCaps(Caps caps) { m_caps = caps; }

    // A redirect URI: an absolute URI with a scheme, no fragment (RFC 6749 §3.1.2), at most
    // 2048 characters. *record is the new or the existing entry; a duplicate is said before a
    // full list.
    Added addRedirectUri(const QString &uri, const QDateTime &now, RedirectUri *record,
                         QString *why);
    Added addCorsOrigin(const QString &origin, const QDateTime &now, CorsOrigin *record,
                        QString *why);
    // An absolute http(s) URL.
    bool setAppHomepageUrl(const QString &url, const QDateTime &now, QString *why);

    bool allowsRedirectUri(const QUrl &candidate) const;
    QStringList corsOrigins() const;
    QString appHomepageUrl() const { return m_appHomepageUrl; }
    QDateTime appHomepageUpdatedAt() const { return m_appHomepageUpdatedAt; }

    static QJsonObject redirectUriJson(const RedirectUri &record);
    static QJsonObject corsOriginJson(const CorsOrigin &record);

    // The state file's "environment" object, and back.
    QJsonObject toJson() const;
    void restore(const QJsonObject &json);

private:
    Caps m_caps;
    QList<RedirectUri> m_redirectUris;
    QList<CorsOrigin> m_corsOrigins;
    QString m_appHomepageUrl;
    QDateTime m_appHomepageUpdatedAt;
};

} // namespace authkit::emulator
