#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace authkit::bench {

// What scripts/bench.sh gives every part (bench/native/README.md): the standalone emulator,
// its Convex deployment, the dev client, the build and the work folder, and how many runs.
struct BenchEnvironment
{
    QUrl baseUrl;     // AUTHKIT_BENCH_BASE_URL
    QUrl convexUrl;   // AUTHKIT_BENCH_CONVEX_URL
    QString clientId; // AUTHKIT_BENCH_CLIENT_ID (default: the seed's dev client)
    QString buildDir; // AUTHKIT_BENCH_BUILD (default: this executable's build tree)
    QString workDir;  // AUTHKIT_BENCH_WORK: results.jsonl is appended there
    int runs = 10;    // AUTHKIT_BENCH_RUNS

    // The environment of this process, or nullopt with the missing variable named in *error.
    static std::optional<BenchEnvironment> fromProcess(QString *error);
    QString resultsFile() const;
};

// Reads the environment or prints why not and returns nullopt (the caller exits with 2).
std::optional<BenchEnvironment> benchEnvironmentOrExplain(const char *benchName);

} // namespace authkit::bench
