#include <authkitqt/core/AuthKitConfig.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

namespace authkit {

namespace {

// User-visible text of this file, in the translation context lupdate files it under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuthKitConfig)
};

QUrl endpoint(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

bool isLoopbackHttp(const QUrl &url)
{
    return url.scheme() == QLatin1String("http")
           && (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost")
               || url.host() == QLatin1String("::1"));
}

} // namespace

bool AuthKitConfig::looksLikeClientId(const QString &clientId)
{
    static const QRegularExpression shape(QStringLiteral("^client_[0-9A-HJKMNP-TV-Z]{26}$"));
    return shape.match(clientId).hasMatch();
}

bool AuthKitConfig::looksLikeApiKey(const QString &value)
{
    return value.startsWith(QLatin1String("sk_"));
}

QStringList AuthKitConfig::defaultIssuers(const QUrl &apiBaseUrl, const QString &clientId)
{
    // WorkOS issues either the per-client form (environments since mid-2025) or the bare API
    // host (older environments); Convex's config lists the latter with a trailing slash.
    QUrl base = apiBaseUrl;
    base.setPath(QString());
    base.setQuery(QString());
    const QString origin = base.toString(QUrl::RemoveUserInfo);
    return {origin + QStringLiteral("/user_management/") + clientId, origin,
            origin + QLatin1Char('/')};
}

QStringList AuthKitConfig::validate() const
{
    QStringList problems;
    if (looksLikeApiKey(clientId)) {
        problems << Text::tr("The client ID is an API key (sk_…). A desktop app is a public client: "
                       "use the environment's client ID (client_…) and never ship an API key.");
    } else if (clientId.isEmpty()) {
        problems << Text::tr("No client ID: set one with --client-id, WORKOS_CLIENT_ID or the "
                       "profile's settings.");
    } else if (!looksLikeClientId(clientId)) {
        problems << Text::tr("\"%1\" is not a WorkOS client ID (client_ followed by 26 letters and "
                       "digits).")
                        .arg(clientId);
    }
    if (!apiBaseUrl.isValid() || apiBaseUrl.host().isEmpty()
        || (apiBaseUrl.scheme() != QLatin1String("https") && !isLoopbackHttp(apiBaseUrl))) {
        problems << Text::tr("The API base URL must be an https:// URL (or http:// on 127.0.0.1 for "
                       "the emulator); got \"%1\".")
                        .arg(apiBaseUrl.toString());
    } else if (!apiBaseUrl.userInfo().isEmpty() || apiBaseUrl.hasQuery()) {
        problems << Text::tr("The API base URL must not carry credentials or a query.");
    }
    if (!redirectUri.isValid() || redirectUri.scheme().isEmpty()) {
        problems << Text::tr("The redirect URI \"%1\" is not a valid URL.").arg(redirectUri.toString());
    } else if (redirectUri.scheme() == QLatin1String("http") && !isLoopbackHttp(redirectUri)) {
        problems << Text::tr("An http redirect URI must be a loopback address (http://127.0.0.1/…).");
    }
    if (acceptedIssuers.isEmpty())
        problems << Text::tr("At least one accepted token issuer is needed.");
    if (!logoutReturnUri.isEmpty() && !logoutReturnUri.isValid())
        problems << Text::tr("The sign-out return URI is not a valid URL.");
    if (!convexUrl.isEmpty()
        && (!convexUrl.isValid()
            || (convexUrl.scheme() != QLatin1String("https") && !isLoopbackHttp(convexUrl)))) {
        problems << Text::tr("The Convex URL must be an https:// URL (or http:// on 127.0.0.1).");
    }
    return problems;
}

QUrl AuthKitConfig::authorizeUrl() const
{
    return endpoint(apiBaseUrl, QStringLiteral("/user_management/authorize"));
}

QUrl AuthKitConfig::authenticateUrl() const
{
    return endpoint(apiBaseUrl, QStringLiteral("/user_management/authenticate"));
}

QUrl AuthKitConfig::jwksUrl() const
{
    return endpoint(apiBaseUrl, QStringLiteral("/sso/jwks/") + clientId);
}

QUrl AuthKitConfig::logoutUrl(const QString &sessionId) const
{
    QUrl url = endpoint(apiBaseUrl, QStringLiteral("/user_management/sessions/logout"));
    QByteArray query = "session_id=" + QUrl::toPercentEncoding(sessionId);
    if (!logoutReturnUri.isEmpty())
        query += "&return_to=" + QUrl::toPercentEncoding(logoutReturnUri.toString(QUrl::FullyEncoded));
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QString AuthKitConfig::storageKey() const
{
    return QStringLiteral("authkitqt/%1/%2/session").arg(profile, clientId);
}

} // namespace authkit
