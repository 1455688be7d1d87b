// convex_fanout: 1,000 live queries on one ConvexClient (messages:list, each with its own args
// object so each is its own query on the server); one messages:send, timed from the call until
// every one of the 1,000 shows the new message.

#include "BenchResults.h"
#include "ConvexBench.h"

#include <authkitqt/convex/ConvexQuery.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <vector>

using namespace authkit;
using namespace authkit::bench;
using authkit::convex::ConvexValue;

namespace {

constexpr int kQueries = 1000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto env = benchEnvironmentOrExplain("convex_fanout");
    if (!env)
        return 2;
    ConvexBench bench(*env);
    QString error;
    if (!bench.start(QStringLiteral("ada@example.com"), &error)) {
        std::fprintf(stderr, "convex_fanout: %s\n", qPrintable(error));
        return 1;
    }

    QElapsedTimer timer;
    QString expected;
    int updated = 0;
    qint64 allUpdatedAtNs = -1;
    std::vector<convex::ConvexQuery *> queries;
    std::vector<bool> seen(kQueries, false);
    for (int i = 0; i < kQueries; ++i) {
        // messages:list reads no args; distinct args make distinct subscriptions.
        auto *query = bench.client().subscribe(
            QStringLiteral("messages:list"),
            ConvexValue::fromObject({{QStringLiteral("subscriber"), ConvexValue::fromInt64(i)}}));
        QObject::connect(
            query, &convex::ConvexQuery::resultChanged, [&, i](const ConvexValue &value) {
                if (expected.isEmpty() || seen[i] || ConvexBench::newestBody(value) != expected)
                    return;
                seen[i] = true;
                if (++updated == kQueries)
                    allUpdatedAtNs = timer.nsecsElapsed();
            });
        queries.push_back(query);
    }
    const auto allReady = [&] {
        for (const auto *query : queries)
            if (!query->isReady())
                return false;
        return true;
    };
    if (!waitUntil(allReady, 120000)) {
        std::fprintf(stderr, "convex_fanout: the %d queries did not all get a first result\n",
                     kQueries);
        return 1;
    }
    for (const auto *query : queries) {
        if (query->hasError()) {
            std::fprintf(stderr, "convex_fanout: messages:list: %s\n",
                         qPrintable(query->errorMessage()));
            return 1;
        }
    }

    QList<double> fanoutMs;
    for (int run = 0; run < env->runs; ++run) {
        expected = ConvexBench::uniqueBody(QStringLiteral("convex_fanout"), run);
        std::fill(seen.begin(), seen.end(), false);
        updated = 0;
        allUpdatedAtNs = -1;
        std::optional<convex::ConvexResult> sent;
        timer.start();
        bench.client().mutation(
            QStringLiteral("messages:send"),
            ConvexValue::fromObject({{QStringLiteral("body"), ConvexValue::fromString(expected)}}),
            [&sent](const convex::ConvexResult &result) { sent = result; });
        if (!waitUntil([&] { return allUpdatedAtNs >= 0 && sent.has_value(); }, 120000)
            || !sent->success) {
            std::fprintf(stderr, "convex_fanout: run %d: %d of %d updated, %s\n", run, updated,
                         kQueries, sent ? qPrintable(sent->errorMessage) : "no mutation answer");
            return 1;
        }
        fanoutMs.append(qRound64(allUpdatedAtNs / 1000.0) / 1000.0);
    }
    recordResult(*env, QStringLiteral("convex_fanout"), QStringLiteral("convex_fanout"),
                 QStringLiteral("ms"), fanoutMs,
                 QStringLiteral("messages:send call → all %1 live messages:list queries updated")
                     .arg(kQueries));
    return 0;
}
