#pragma once

#include <authkitqt/core/AuthKitConfig.h>

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

#include <optional>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// Where a configuration comes from, strongest first: command-line flags, the environment
/// (WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME, ... as the web SDKs name them), the config file in the
/// user's config folder, and a Convex web project's .env.local or .env and convex.json (--project
/// DIR, read by ConvexProjectFiles).
struct AUTHKITQT_CORE_EXPORT ConfigSources
{
    QString profile;                 ///< empty: "local"
    QString clientId;                ///< --client-id
    QString apiBaseUrl;              ///< --api-base-url
    QString redirectUri;             ///< --redirect-uri
    QString projectDir;              ///< --project
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString configFile;              ///< empty: defaultConfigFile()
    /// The redirect URI when no source names one; empty: http://127.0.0.1/callback. An app
    /// registered for a custom scheme sets its own (authkit-desktop does for production).
    QString defaultRedirectUri;
};

/// Builds an AuthKitConfig from ConfigSources, and keeps the config file of the profiles.
class AUTHKITQT_CORE_EXPORT ConfigLoader
{
public:
    static constexpr char kLocalClientId[] = "client_01J00000000000000000000DEV";
    /// Where the local profile expects a standalone authkit-emulator (authkit-emulator --port
    /// 4598), unless AUTHKIT_EMULATOR_URL or --api-base-url says otherwise.
    static constexpr int kLocalEmulatorPort = 4598;

    /// The configuration, or nullopt with one clear line in *error.
    static std::optional<AuthKitConfig> load(const ConfigSources &sources, QString *error);

    /// Built-in defaults of a profile, before any source applies.
    static AuthKitConfig defaults(const QString &profile);
    /// ~/.config/AuthKitQt/profiles.ini (QStandardPaths::AppConfigLocation-independent).
    static QString defaultConfigFile();
    /// Writes one profile's values to the config file (the settings dialog uses it).
    static bool saveProfile(const AuthKitConfig &config, const QString &file, QString *error);
    /// KEY=VALUE lines of a .env file (comments, quotes, export prefix handled).
    static QHash<QString, QString> readDotEnv(const QString &path);
};

} // namespace authkit
