#include "ConvexProject_p.h"

#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/ConvexAuthKitSection.h>

#include <QDir>
#include <QFile>

namespace authkit::emulator {

namespace {

// The emulator is a development environment: convex.json's "dev" section is the one that applies.
const QString kDeployment = QStringLiteral("dev");

void merge(const ConvexAuthKitSection &section, ConvexProject *project)
{
    for (const QString &uri : section.redirectUris) {
        if (!project->redirectUris.contains(uri))
            project->redirectUris.append(uri);
    }
    project->corsOrigins += section.corsOrigins;
    project->appHomepageUrl = section.appHomepageUrl;
    project->warnings += section.warnings;
}

} // namespace

bool ConvexProject::readConvexJson(const QByteArray &json, ConvexProject *project, QString *error)
{
    const auto section = ConvexAuthKitSection::parse(
        json, kDeployment, QProcessEnvironment::systemEnvironment(), error);
    if (section)
        merge(*section, project);
    return section.has_value();
}

std::optional<ConvexProject> ConvexProject::read(const QString &dir, QString *error)
{
    const QDir folder(dir);
    if (!folder.exists()) {
        *error = QStringLiteral("--project: \"%1\" is not a folder").arg(dir);
        return std::nullopt;
    }
    ConvexProject project;
    bool found = false;
    QFile env(folder.filePath(QStringLiteral(".env.local")));
    if (env.exists()) {
        if (!env.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--project: cannot read %1: %2")
                         .arg(env.fileName(), env.errorString());
            return std::nullopt;
        }
        found = true;
        const QHash<QString, QString> values = ConfigLoader::readDotEnv(env.fileName());
        for (const char *key :
             {"WORKOS_CLIENT_ID", "VITE_WORKOS_CLIENT_ID", "NEXT_PUBLIC_WORKOS_CLIENT_ID"}) {
            const QString value = values.value(QLatin1String(key));
            if (!value.isEmpty() && !project.clientIds.contains(value))
                project.clientIds.append(value);
        }
        for (const char *key : {"WORKOS_REDIRECT_URI", "VITE_WORKOS_REDIRECT_URI",
                                "NEXT_PUBLIC_WORKOS_REDIRECT_URI"}) {
            const QString value = values.value(QLatin1String(key));
            if (!value.isEmpty() && !project.redirectUris.contains(value))
                project.redirectUris.append(value);
        }
    }
    const QString convexJson = folder.filePath(QStringLiteral("convex.json"));
    if (QFile::exists(convexJson)) {
        found = true;
        QString why;
        const auto section = ConvexAuthKitSection::readFile(
            convexJson, kDeployment, QProcessEnvironment::systemEnvironment(), &why);
        if (!section) {
            *error = QStringLiteral("--project: ") + why;
            return std::nullopt;
        }
        merge(*section, &project);
    }
    if (!found) {
        *error = QStringLiteral("--project: no .env.local or convex.json in \"%1\"").arg(dir);
        return std::nullopt;
    }
    return project;
}

} // namespace authkit::emulator
