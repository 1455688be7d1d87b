#include <authkitqt/core/ConvexProjectFiles.h>

#include <authkitqt/core/ConfigLoader.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <initializer_list>

namespace authkit {

namespace {

// The messages keep ConfigLoader's translation context, where the catalogues have them.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)
};

// The values of `names` that are set, in that order, each once.
QStringList valuesOf(const QHash<QString, QString> &values,
                     std::initializer_list<const char *> names)
{
    QStringList found;
    for (const char *name : names) {
        const QString value = values.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty() && !found.contains(value))
            found.append(value);
    }
    return found;
}

} // namespace

std::optional<ConvexProjectFiles>
ConvexProjectFiles::read(const QString &dir, const QString &deployment,
                         const QProcessEnvironment &buildEnvironment, QString *error)
{
    if (!QFileInfo(dir).isDir()) {
        *error = Text::tr("--project: \"%1\" is not a folder.").arg(dir);
        return std::nullopt;
    }
    const QDir folder(dir);
    ConvexProjectFiles project;
    for (const QString &name : {QStringLiteral(".env.local"), QStringLiteral(".env")}) {
        if (QFileInfo::exists(folder.filePath(name))) {
            project.dotEnvFile = folder.filePath(name);
            break;
        }
    }
    const QString convexJson = folder.filePath(QStringLiteral("convex.json"));
    const bool haveConvexJson = QFileInfo::exists(convexJson);
    if (project.dotEnvFile.isEmpty() && !haveConvexJson) {
        *error = Text::tr("--project: no .env.local, .env or convex.json in \"%1\".").arg(dir);
        return std::nullopt;
    }

    if (!project.dotEnvFile.isEmpty()) {
        QFile file(project.dotEnvFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--project: cannot read %1: %2")
                         .arg(project.dotEnvFile, file.errorString());
            return std::nullopt;
        }
        const QHash<QString, QString> values = ConfigLoader::readDotEnv(project.dotEnvFile);
        project.clientIds = valuesOf(
            values, {"WORKOS_CLIENT_ID", "VITE_WORKOS_CLIENT_ID", "NEXT_PUBLIC_WORKOS_CLIENT_ID"});
        project.convexUrl =
            valuesOf(values, {"CONVEX_URL", "VITE_CONVEX_URL", "NEXT_PUBLIC_CONVEX_URL"}).value(0);
        project.apiHostname =
            valuesOf(values, {"WORKOS_API_HOSTNAME", "VITE_WORKOS_API_HOSTNAME"}).value(0);
        project.apiHttps = valuesOf(values, {"WORKOS_API_HTTPS", "VITE_WORKOS_API_HTTPS"}).value(0);
        project.apiPort = valuesOf(values, {"WORKOS_API_PORT", "VITE_WORKOS_API_PORT"}).value(0);
        project.redirectUris = valuesOf(values, {"WORKOS_REDIRECT_URI", "VITE_WORKOS_REDIRECT_URI",
                                                 "NEXT_PUBLIC_WORKOS_REDIRECT_URI"});
    }
    if (haveConvexJson) {
        QString why;
        const auto section =
            ConvexAuthKitSection::readFile(convexJson, deployment, buildEnvironment, &why);
        if (!section) {
            *error = QStringLiteral("--project: ") + why;
            return std::nullopt;
        }
        project.section = *section;
        for (const QString &uri : section->redirectUris) {
            if (!project.redirectUris.contains(uri))
                project.redirectUris.append(uri);
        }
    }
    return project;
}

} // namespace authkit
