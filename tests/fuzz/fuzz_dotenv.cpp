// ConfigLoader::readDotEnv, and ConfigLoader::load --project, on any bytes as a Convex web
// project's .env.local.
#include "ConfigFuzzing.h"

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace authkit::fuzz;
    const QString project = scratchDir().filePath(QStringLiteral("project"));
    QDir().mkpath(project);
    const QString file = QDir(project).filePath(QStringLiteral(".env.local"));
    writeFile(file, bytes(data, size));

    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    const QHash<QString, QString> values = authkit::ConfigLoader::readDotEnv(file);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        check(name.match(it.key()).hasMatch(), "a .env name is an identifier");

    authkit::ConfigSources sources;
    sources.projectDir = project;
    sources.configFile = scratchDir().filePath(QStringLiteral("no-profiles.ini"));
    sources.profile = QStringLiteral("development");
    loadAndCheck(sources);
    return 0;
}
