#include "EnvironmentApi_p.h"

#include <QJsonDocument>

namespace authkit::emulator {

namespace {

const QString kWhat = QStringLiteral("Environment configuration");
// A full list (EnvironmentSettings::Caps): refused in the {code, message} shape of the others.
const QString kLimitReached = QStringLiteral("limit_reached");

} // namespace

std::optional<QString> EnvironmentApi::stringField(const HttpRequest &request, const char *name,
                                                   HttpResponse *error)
{
    const QJsonDocument body = QJsonDocument::fromJson(request.body);
    const QJsonValue value = body.object().value(QLatin1String(name));
    if (!body.isObject() || !value.isString() || value.toString().isEmpty()) {
        *error = codeError(
            422, QStringLiteral("invalid_request_parameters"),
            QStringLiteral("%1 is required and must be a string.").arg(QLatin1String(name)));
        return std::nullopt;
    }
    return value.toString();
}

HttpResponse EnvironmentApi::addRedirectUri(const HttpRequest &request)
{
    if (auto refused = m_state.requireApiKey(request, kWhat))
        return *refused;
    HttpResponse error;
    const std::optional<QString> uri = stringField(request, "uri", &error);
    if (!uri)
        return error;
    EnvironmentSettings::RedirectUri record;
    QString why;
    switch (m_state.environment().addRedirectUri(*uri, m_state.clock().now(), &record, &why)) {
    case EnvironmentSettings::Added::Invalid:
        return codeError(422, QStringLiteral("invalid_request_parameters"), why);
    case EnvironmentSettings::Added::Duplicate:
        // What Convex's CLI looks for to know there is nothing to do (422 "already exists").
        return codeError(422, QStringLiteral("redirect_uri_already_exists"), why);
    case EnvironmentSettings::Added::Full:
        return codeError(422, kLimitReached, why);
    case EnvironmentSettings::Added::New:
        break;
    }
    qCInfo(lcEmulator).noquote() << "redirect URI added:" << record.uri;
    m_state.environmentChanged();
    return HttpResponse::json(201, EnvironmentSettings::redirectUriJson(record));
}

HttpResponse EnvironmentApi::addCorsOrigin(const HttpRequest &request)
{
    if (auto refused = m_state.requireApiKey(request, kWhat))
        return *refused;
    HttpResponse error;
    const std::optional<QString> origin = stringField(request, "origin", &error);
    if (!origin)
        return error;
    EnvironmentSettings::CorsOrigin record;
    QString why;
    switch (m_state.environment().addCorsOrigin(*origin, m_state.clock().now(), &record, &why)) {
    case EnvironmentSettings::Added::Invalid:
        return codeError(422, QStringLiteral("invalid_request_parameters"), why);
    case EnvironmentSettings::Added::Duplicate:
        // WorkOS answers a second add of the same origin with 409 duplicate_cors_origin.
        return codeError(409, QStringLiteral("duplicate_cors_origin"), why);
    case EnvironmentSettings::Added::Full:
        return codeError(422, kLimitReached, why);
    case EnvironmentSettings::Added::New:
        break;
    }
    qCInfo(lcEmulator).noquote() << "CORS origin added:" << record.origin;
    m_state.environmentChanged();
    return HttpResponse::json(201, EnvironmentSettings::corsOriginJson(record));
}

HttpResponse EnvironmentApi::setAppHomepageUrl(const HttpRequest &request)
{
    if (auto refused = m_state.requireApiKey(request, kWhat))
        return *refused;
    HttpResponse error;
    const std::optional<QString> url = stringField(request, "url", &error);
    if (!url)
        return error;
    QString why;
    if (!m_state.environment().setAppHomepageUrl(*url, m_state.clock().now(), &why))
        return codeError(422, QStringLiteral("invalid_request_parameters"), why);
    qCInfo(lcEmulator).noquote() << "app homepage URL set:" << *url;
    m_state.environmentChanged();
    return HttpResponse::json(200, {{QStringLiteral("object"), QStringLiteral("app_homepage_url")},
                                    {QStringLiteral("url"), *url},
                                    {QStringLiteral("updated_at"),
                                     isoTimestamp(m_state.environment().appHomepageUpdatedAt())}});
}

} // namespace authkit::emulator
