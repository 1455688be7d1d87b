#include "CorsPolicy_p.h"

#include <QUrl>

namespace authkit::emulator {

namespace {

// What authkit-js and the WorkOS SDKs send across origins (fetch with JSON bodies, bearer
// tokens); a preflight asking for other headers is refused by the browser itself.
constexpr auto kAllowedMethods = "GET, POST, PUT, DELETE, OPTIONS";
constexpr auto kAllowedHeaders = "Accept, Authorization, Content-Type, X-Requested-With";
constexpr auto kMaxAgeSeconds = "86400";

} // namespace

CorsPolicy::CorsPolicy(const QStringList &origins, const QString &pathPattern)
    : m_paths(QRegularExpression::anchoredPattern(pathPattern))
{
    for (const QString &origin : origins) {
        if (const auto normalized = normalizedOrigin(origin))
            m_origins.insert(*normalized);
    }
}

std::optional<QString> CorsPolicy::normalizedOrigin(const QString &origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty() || !url.userInfo().isEmpty()
        || !(url.path().isEmpty() || url.path() == QLatin1String("/")) || url.hasQuery()
        || url.hasFragment())
        return std::nullopt;
    // RFC 6454 serialization: scheme://host[:port], lower case, no default port, no slash.
    QUrl serialized;
    serialized.setScheme(url.scheme());
    serialized.setHost(url.host());
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        serialized.setPort(url.port());
    return serialized.toString(QUrl::FullyEncoded);
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    // Compared byte for byte with the serialized form, as browsers send it.
    return !origin.isEmpty() && m_origins.contains(QString::fromLatin1(origin));
}

bool CorsPolicy::appliesTo(const HttpRequest &request) const
{
    // A default policy (the Convex port's) covers no path; with paths but no origins, every
    // preflight is refused, as WorkOS does before any origin is configured.
    return !m_paths.pattern().isEmpty() && m_paths.match(request.path()).hasMatch();
}

bool CorsPolicy::isPreflight(const HttpRequest &request) const
{
    return request.method == "OPTIONS" && !request.header("origin").isEmpty()
           && !request.header("access-control-request-method").isEmpty() && appliesTo(request);
}

HttpResponse CorsPolicy::preflightResponse(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    if (!allows(origin))
        return messageError(403, QStringLiteral("The origin is not allowed to call this API."))
            .withHeader("Vary", "Origin");
    HttpResponse response;
    response.status = 204;
    response.withHeader("Access-Control-Allow-Origin", origin)
        .withHeader("Access-Control-Allow-Credentials", "true")
        .withHeader("Access-Control-Allow-Methods", kAllowedMethods)
        .withHeader("Access-Control-Allow-Headers", kAllowedHeaders)
        .withHeader("Access-Control-Max-Age", kMaxAgeSeconds)
        .withHeader("Vary",
                    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    return response;
}

void CorsPolicy::decorate(const HttpRequest &request, HttpResponse &response) const
{
    // A preflight's answer is complete already.
    if (!appliesTo(request) || isPreflight(request))
        return;
    // Vary on every API response, so that a cache never hands one origin's answer to another.
    response.withHeader("Vary", "Origin");
    const QByteArray origin = request.header("origin");
    if (!allows(origin))
        return;
    response.withHeader("Access-Control-Allow-Origin", origin)
        .withHeader("Access-Control-Allow-Credentials", "true");
}

} // namespace authkit::emulator
