#include "EnvironmentSettings_p.h"

#include "CorsPolicy_p.h"
#include "Directory_p.h"
#include "HttpMessage_p.h"
#include "Ids_p.h"

#include <QJsonArray>

namespace authkit::emulator {

namespace {

constexpr int kMaxUriLength = 2048;

QDateTime parsedTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

EnvironmentSettings::Added EnvironmentSettings::addRedirectUri(const QString &uri,
                                                               const QDateTime &now,
                                                               RedirectUri *record, QString *why)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (uri.size() > kMaxUriLength || !url.isValid() || url.scheme().isEmpty() || url.isRelative()
        || url.hasFragment()
        || (url.scheme().startsWith(QLatin1String("http")) && url.host().isEmpty())) {
        *why = QStringLiteral("uri must be an absolute URI without a fragment.");
        return Added::Invalid;
    }
    for (const RedirectUri &existing : std::as_const(m_redirectUris)) {
        if (existing.uri == uri) {
            *record = existing;
            *why = QStringLiteral("Redirect URI already exists.");
            return Added::Duplicate;
        }
    }
    if (m_redirectUris.size() >= m_caps.redirectUris) {
        *why = QStringLiteral("The environment holds at most %1 redirect URIs.")
                   .arg(m_caps.redirectUris);
        return Added::Full;
    }
    *record = RedirectUri{QStringLiteral("ruri_") + ids::ulid(now.toMSecsSinceEpoch()), uri, now};
    m_redirectUris.append(*record);
    return Added::New;
}

EnvironmentSettings::Added EnvironmentSettings::addCorsOrigin(const QString &origin,
                                                              const QDateTime &now,
                                                              CorsOrigin *record, QString *why)
{
    const std::optional<QString> normalized = CorsPolicy::normalizedOrigin(origin);
    if (!normalized) {
        *why = QStringLiteral("origin must be a web origin: scheme://host[:port], http or https, "
                              "no path.");
        return Added::Invalid;
    }
    for (const CorsOrigin &existing : std::as_const(m_corsOrigins)) {
        if (existing.origin == *normalized) {
            *record = existing;
            *why = QStringLiteral("CORS origin already exists.");
            return Added::Duplicate;
        }
    }
    if (m_corsOrigins.size() >= m_caps.corsOrigins) {
        *why = QStringLiteral("The environment holds at most %1 CORS origins.")
                   .arg(m_caps.corsOrigins);
        return Added::Full;
    }
    *record = CorsOrigin{QStringLiteral("cors_origin_") + ids::ulid(now.toMSecsSinceEpoch()),
                         *normalized, now};
    m_corsOrigins.append(*record);
    return Added::New;
}

bool EnvironmentSettings::setAppHomepageUrl(const QString &url, const QDateTime &now, QString *why)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.size() > kMaxUriLength || !parsed.isValid()
        || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
        || parsed.host().isEmpty()) {
        *why = QStringLiteral("url must be an absolute http or https URL.");
        return false;
    }
    m_appHomepageUrl = url;
    m_appHomepageUpdatedAt = now;
    return true;
}

bool EnvironmentSettings::allowsRedirectUri(const QUrl &candidate) const
{
    for (const RedirectUri &record : m_redirectUris) {
        if (matchesRegisteredUri(candidate, record.uri, false))
            return true;
    }
    return false;
}

QStringList EnvironmentSettings::corsOrigins() const
{
    QStringList origins;
    for (const CorsOrigin &record : m_corsOrigins)
        origins.append(record.origin);
    return origins;
}

QJsonObject EnvironmentSettings::redirectUriJson(const RedirectUri &record)
{
    return {{QStringLiteral("object"), QStringLiteral("redirect_uri")},
            {QStringLiteral("id"), record.id},
            {QStringLiteral("uri"), record.uri},
            {QStringLiteral("default"), false},
            {QStringLiteral("created_at"), isoTimestamp(record.createdAt)},
            {QStringLiteral("updated_at"), isoTimestamp(record.createdAt)}};
}

QJsonObject EnvironmentSettings::corsOriginJson(const CorsOrigin &record)
{
    return {{QStringLiteral("object"), QStringLiteral("cors_origin")},
            {QStringLiteral("id"), record.id},
            {QStringLiteral("origin"), record.origin},
            {QStringLiteral("created_at"), isoTimestamp(record.createdAt)},
            {QStringLiteral("updated_at"), isoTimestamp(record.createdAt)}};
}

QJsonObject EnvironmentSettings::toJson() const
{
    QJsonArray redirectUris;
    for (const RedirectUri &record : m_redirectUris)
        redirectUris.append(redirectUriJson(record));
    QJsonArray corsOrigins;
    for (const CorsOrigin &record : m_corsOrigins)
        corsOrigins.append(corsOriginJson(record));
    QJsonObject json{{QStringLiteral("redirect_uris"), redirectUris},
                     {QStringLiteral("cors_origins"), corsOrigins}};
    if (!m_appHomepageUrl.isEmpty()) {
        json.insert(QStringLiteral("app_homepage_url"), m_appHomepageUrl);
        json.insert(QStringLiteral("app_homepage_updated_at"),
                    isoTimestamp(m_appHomepageUpdatedAt));
    }
    return json;
}

void EnvironmentSettings::restore(const QJsonObject &json)
{
    // Entries written by this class; anything else in the file is skipped, never trusted, and so
    // are entries past a cap lowered since.
    QString why;
    for (const QJsonValue &value : json.value(QStringLiteral("redirect_uris")).toArray()) {
        const QJsonObject object = value.toObject();
        RedirectUri record;
        if (addRedirectUri(object.value(QStringLiteral("uri")).toString(),
                           parsedTime(object.value(QStringLiteral("created_at"))), &record, &why)
            == Added::New) {
            m_redirectUris.last().id = object.value(QStringLiteral("id")).toString(record.id);
        }
    }
    for (const QJsonValue &value : json.value(QStringLiteral("cors_origins")).toArray()) {
        const QJsonObject object = value.toObject();
        CorsOrigin record;
        if (addCorsOrigin(object.value(QStringLiteral("origin")).toString(),
                          parsedTime(object.value(QStringLiteral("created_at"))), &record, &why)
            == Added::New) {
            m_corsOrigins.last().id = object.value(QStringLiteral("id")).toString(record.id);
        }
    }
    if (json.contains(QStringLiteral("app_homepage_url"))) {
        setAppHomepageUrl(json.value(QStringLiteral("app_homepage_url")).toString(),
                          parsedTime(json.value(QStringLiteral("app_homepage_updated_at"))), &why);
    }
}

} // namespace authkit::emulator
