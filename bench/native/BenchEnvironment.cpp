#include "BenchEnvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#include <cstdio>

namespace authkit::bench {

namespace {

QString variable(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

} // namespace

std::optional<BenchEnvironment> BenchEnvironment::fromProcess(QString *error)
{
    BenchEnvironment env;
    env.baseUrl = QUrl(variable("AUTHKIT_BENCH_BASE_URL"));
    env.convexUrl = QUrl(variable("AUTHKIT_BENCH_CONVEX_URL"));
    env.clientId = variable("AUTHKIT_BENCH_CLIENT_ID");
    if (env.clientId.isEmpty())
        env.clientId = QStringLiteral("client_01J00000000000000000000DEV");
    env.buildDir = variable("AUTHKIT_BENCH_BUILD");
    if (env.buildDir.isEmpty()) // bench/native/<exe> in the build tree
        env.buildDir =
            QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../..")).absolutePath();
    env.workDir = variable("AUTHKIT_BENCH_WORK");
    bool ok = false;
    const int runs = variable("AUTHKIT_BENCH_RUNS").toInt(&ok);
    if (ok && runs > 0)
        env.runs = runs;

    if (!env.baseUrl.isValid() || env.baseUrl.isRelative())
        *error = QStringLiteral(
            "AUTHKIT_BENCH_BASE_URL must be the emulator's URL (http://127.0.0.1:PORT)");
    else if (!env.convexUrl.isValid() || env.convexUrl.isRelative())
        *error = QStringLiteral("AUTHKIT_BENCH_CONVEX_URL must be the emulator's Convex URL");
    else if (env.workDir.isEmpty() || !QDir().mkpath(env.workDir))
        *error = QStringLiteral("AUTHKIT_BENCH_WORK must name a folder that can be written");
    else
        return env;
    return std::nullopt;
}

QString BenchEnvironment::resultsFile() const
{
    return QDir(workDir).filePath(QStringLiteral("results.jsonl"));
}

std::optional<BenchEnvironment> benchEnvironmentOrExplain(const char *benchName)
{
    // The library's progress lines would drown the results (and cost time in the loops).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("authkit.*.debug=false\nauthkit.*.info=false"));
    QString error;
    auto env = BenchEnvironment::fromProcess(&error);
    if (!env)
        std::fprintf(stderr, "authkitqt-bench-%s: %s (see bench/native/README.md)\n", benchName,
                     qPrintable(error));
    return env;
}

} // namespace authkit::bench
