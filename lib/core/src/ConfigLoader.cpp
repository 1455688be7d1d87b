#include <authkitqt/core/ConfigLoader.h>

#include "Logging_p.h"
#include <authkitqt/core/ConvexProjectFiles.h>
#include <authkitqt/core/CustomSchemeUserAgent.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConfig, "authkit.config")

namespace authkit {

namespace {

// User-visible text of this file, in the translation context lupdate files it under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)
};

// One source's values; empty strings mean "not set here".
struct Layer
{
    QString clientId;
    QString apiBaseUrl;
    QString redirectUri;
    QStringList issuers;
    QString logoutReturnUri;
    QString convexUrl;
};

void apply(const Layer &layer, AuthKitConfig &config, bool *issuersSet)
{
    if (!layer.clientId.isEmpty())
        config.clientId = layer.clientId.trimmed();
    if (!layer.apiBaseUrl.isEmpty())
        config.apiBaseUrl = QUrl(layer.apiBaseUrl.trimmed(), QUrl::StrictMode);
    if (!layer.redirectUri.isEmpty())
        config.redirectUri = QUrl(layer.redirectUri.trimmed(), QUrl::StrictMode);
    if (!layer.issuers.isEmpty()) {
        config.acceptedIssuers = layer.issuers;
        *issuersSet = true;
    }
    if (!layer.logoutReturnUri.isEmpty())
        config.logoutReturnUri = QUrl(layer.logoutReturnUri.trimmed(), QUrl::StrictMode);
    if (!layer.convexUrl.isEmpty())
        config.convexUrl = QUrl(layer.convexUrl.trimmed(), QUrl::StrictMode);
}

// WORKOS_API_HOSTNAME (+ WORKOS_API_HTTPS, WORKOS_API_PORT) as the web SDKs take them.
QString baseUrlFromHostname(const QString &hostname, const QString &https, const QString &port)
{
    if (hostname.isEmpty())
        return {};
    if (hostname.contains(QLatin1String("://")))
        return hostname; // already a URL
    const bool secure = https.isEmpty() || https.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
    QString url = (secure ? QStringLiteral("https://") : QStringLiteral("http://")) + hostname;
    if (!port.isEmpty())
        url += QLatin1Char(':') + port;
    return url;
}

QStringList splitList(const QString &value)
{
    QStringList out;
    const QStringList parts = value.split(QRegularExpression(QStringLiteral("[,\\s]+")),
                                          Qt::SkipEmptyParts);
    for (const QString &part : parts)
        out.append(part.trimmed());
    return out;
}

Layer fromEnvironment(const QProcessEnvironment &env)
{
    Layer layer;
    layer.clientId = env.value(QStringLiteral("WORKOS_CLIENT_ID"));
    layer.apiBaseUrl = baseUrlFromHostname(env.value(QStringLiteral("WORKOS_API_HOSTNAME")),
                                           env.value(QStringLiteral("WORKOS_API_HTTPS")),
                                           env.value(QStringLiteral("WORKOS_API_PORT")));
    layer.redirectUri = env.value(QStringLiteral("WORKOS_REDIRECT_URI"));
    layer.issuers = splitList(env.value(QStringLiteral("WORKOS_ISSUER")));
    layer.logoutReturnUri = env.value(QStringLiteral("WORKOS_LOGOUT_RETURN_URI"));
    layer.convexUrl = env.value(QStringLiteral("CONVEX_URL"));
    return layer;
}

Layer fromConfigFile(const QString &file, const QString &profile)
{
    Layer layer;
    if (!QFileInfo::exists(file))
        return layer;
    QSettings settings(file, QSettings::IniFormat);
    settings.beginGroup(profile);
    layer.clientId = settings.value(QStringLiteral("client_id")).toString();
    layer.apiBaseUrl = settings.value(QStringLiteral("api_base_url")).toString();
    layer.redirectUri = settings.value(QStringLiteral("redirect_uri")).toString();
    layer.issuers = settings.value(QStringLiteral("issuers")).toStringList();
    layer.logoutReturnUri = settings.value(QStringLiteral("logout_return_uri")).toString();
    layer.convexUrl = settings.value(QStringLiteral("convex_url")).toString();
    return layer;
}

// The convex.json deployment whose AuthKit section a profile reads: production's is "prod",
// every other profile is a development one.
QString convexDeployment(const QString &profile)
{
    return profile == QLatin1String("production") ? QStringLiteral("prod") : QStringLiteral("dev");
}

// Whether this app can receive a redirect to `candidate`: one of its own custom scheme when its
// default redirect URI is a custom scheme's (authkit-desktop://callback, CustomSchemeUserAgent),
// else a loopback http URI (LoopbackUserAgent listens on 127.0.0.1; the sign-in window catches
// any URI, so the loopback kind serves it too).
bool canReceive(const QUrl &candidate, const QUrl &defaultRedirect)
{
    if (!candidate.isValid() || candidate.isRelative() || candidate.hasFragment()
        || !candidate.userInfo().isEmpty())
        return false;
    if (CustomSchemeUserAgent::isCustomSchemeUri(defaultRedirect))
        return candidate.scheme().compare(defaultRedirect.scheme(), Qt::CaseInsensitive) == 0;
    const QString host = candidate.host().toLower();
    return candidate.scheme() == QLatin1String("http")
           && (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")
               || host == QLatin1String("::1"));
}

// The first of `uris` this app can receive (canReceive), or an empty string.
QString firstReceivableRedirect(const QStringList &uris, const QUrl &defaultRedirect)
{
    const auto usable =
        std::find_if(uris.cbegin(), uris.cend(), [&defaultRedirect](const QString &uri) {
            return canReceive(QUrl(uri, QUrl::StrictMode), defaultRedirect);
        });
    return usable != uris.cend() ? *usable : QString();
}

// A Convex web project (--project DIR), read by ConvexProjectFiles: its client ID, Convex URL and
// WorkOS API host, and the first redirect URI this app can receive, in this order:
// WORKOS_REDIRECT_URI, VITE_WORKOS_REDIRECT_URI, NEXT_PUBLIC_WORKOS_REDIRECT_URI, then
// convex.json's redirectUris.
std::optional<Layer> fromProject(const QString &dir, const QString &profile,
                                 const QUrl &defaultRedirect,
                                 const QProcessEnvironment &environment, QString *error)
{
    Layer layer;
    if (dir.isEmpty())
        return layer;
    const auto project =
        ConvexProjectFiles::read(dir, convexDeployment(profile), environment, error);
    if (!project)
        return std::nullopt;
    for (const QString &warning : project->section.warnings)
        qCWarning(lcConfig).noquote() << warning;
    layer.clientId = project->clientIds.value(0);
    layer.apiBaseUrl =
        baseUrlFromHostname(project->apiHostname, project->apiHttps, project->apiPort);
    layer.convexUrl = project->convexUrl;
    layer.redirectUri = firstReceivableRedirect(project->redirectUris, defaultRedirect);
    if (layer.clientId.isEmpty() && layer.convexUrl.isEmpty() && layer.redirectUri.isEmpty()) {
        *error = Text::tr("--project: \"%1\" names no WORKOS_CLIENT_ID, CONVEX_URL or redirect "
                          "URI this app can receive.")
                     .arg(dir);
        return std::nullopt;
    }
    return layer;
}

} // namespace

AuthKitConfig ConfigLoader::defaults(const QString &profile)
{
    AuthKitConfig config;
    config.profile = profile;
    config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    if (profile == QLatin1String("local")) {
        config.clientId = QLatin1String(kLocalClientId);
        config.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(kLocalEmulatorPort));
    } else {
        config.apiBaseUrl = QUrl(QLatin1String(AuthKitConfig::kDefaultApiBase));
    }
    return config;
}

QString ConfigLoader::defaultConfigFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("AuthKitQt/profiles.ini"));
}

std::optional<AuthKitConfig> ConfigLoader::load(const ConfigSources &sources, QString *error)
{
    const QString profile = sources.profile.isEmpty() ? QStringLiteral("local") : sources.profile;
    static const QRegularExpression profileName(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,31}$"));
    if (!profileName.match(profile).hasMatch()) {
        *error = Text::tr("\"%1\" is not a profile name (lower-case letters, digits, - and _).").arg(profile);
        return std::nullopt;
    }
    AuthKitConfig config = defaults(profile);
    if (!sources.defaultRedirectUri.isEmpty())
        config.redirectUri = QUrl(sources.defaultRedirectUri, QUrl::StrictMode);
    bool issuersSet = false;

    // Weakest first, so each stronger source overwrites what it sets.
    const auto project =
        fromProject(sources.projectDir, profile, config.redirectUri, sources.environment, error);
    if (!project)
        return std::nullopt;
    apply(*project, config, &issuersSet);
    apply(fromConfigFile(sources.configFile.isEmpty() ? defaultConfigFile() : sources.configFile,
                         profile),
          config, &issuersSet);
    Layer environment = fromEnvironment(sources.environment);
    if (profile == QLatin1String("local") && environment.apiBaseUrl.isEmpty())
        environment.apiBaseUrl = sources.environment.value(QStringLiteral("AUTHKIT_EMULATOR_URL"));
    apply(environment, config, &issuersSet);
    Layer flags;
    flags.clientId = sources.clientId;
    flags.apiBaseUrl = sources.apiBaseUrl;
    flags.redirectUri = sources.redirectUri;
    apply(flags, config, &issuersSet);

    if (!issuersSet) {
        config.acceptedIssuers = AuthKitConfig::defaultIssuers(config.apiBaseUrl, config.clientId);
        // The emulator signs as WorkOS does, whatever port it runs on.
        if (config.apiBaseUrl.host() == QLatin1String("127.0.0.1"))
            config.acceptedIssuers += AuthKitConfig::defaultIssuers(
                QUrl(QLatin1String(AuthKitConfig::kDefaultApiBase)), config.clientId);
    }

    const QStringList problems = config.validate();
    if (!problems.isEmpty()) {
        *error = problems.first();
        return std::nullopt;
    }
    return config;
}

bool ConfigLoader::saveProfile(const AuthKitConfig &config, const QString &file, QString *error)
{
    const QStringList problems = config.validate();
    if (!problems.isEmpty()) {
        *error = problems.first();
        return false;
    }
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSettings settings(file, QSettings::IniFormat);
    settings.beginGroup(config.profile);
    settings.setValue(QStringLiteral("client_id"), config.clientId);
    settings.setValue(QStringLiteral("api_base_url"), config.apiBaseUrl.toString());
    settings.setValue(QStringLiteral("redirect_uri"), config.redirectUri.toString());
    settings.setValue(QStringLiteral("issuers"), config.acceptedIssuers);
    settings.setValue(QStringLiteral("logout_return_uri"), config.logoutReturnUri.toString());
    settings.setValue(QStringLiteral("convex_url"), config.convexUrl.toString());
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = Text::tr("Cannot write %1.").arg(file);
        return false;
    }
    return true;
}

QHash<QString, QString> ConfigLoader::readDotEnv(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    static const QRegularExpression line(
        QStringLiteral("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*$"));
    int count = 0;
    while (!file.atEnd() && ++count < 10000) {
        const QString text = QString::fromUtf8(file.readLine(64 * 1024));
        if (text.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const auto match = line.match(text);
        if (!match.hasMatch())
            continue;
        QString value = match.captured(2);
        if (value.size() >= 2
            && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
                || (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))))) {
            value = value.mid(1, value.size() - 2);
        } else {
            const int comment = value.indexOf(QLatin1String(" #"));
            if (comment >= 0)
                value = value.left(comment).trimmed();
        }
        values.insert(match.captured(1), value);
    }
    return values;
}

} // namespace authkit
