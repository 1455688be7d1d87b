// convex_roundtrip: our ConvexClient, signed in, subscribed to messages:list; each sample sends
// messages:send and times the call until the subscription shows the new message (the server's
// transition carrying it, applied by the client).

#include "BenchResults.h"
#include "ConvexBench.h"

#include <authkitqt/convex/ConvexQuery.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace authkit;
using namespace authkit::bench;
using authkit::convex::ConvexValue;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto env = benchEnvironmentOrExplain("convex_roundtrip");
    if (!env)
        return 2;
    ConvexBench bench(*env);
    QString error;
    if (!bench.start(QStringLiteral("ada@example.com"), &error)) {
        std::fprintf(stderr, "convex_roundtrip: %s\n", qPrintable(error));
        return 1;
    }
    convex::ConvexQuery *messages = bench.client().subscribe(QStringLiteral("messages:list"));
    if (!waitUntil([&] { return messages->isReady(); }) || messages->hasError()) {
        std::fprintf(stderr, "convex_roundtrip: messages:list: %s\n",
                     qPrintable(messages->errorMessage()));
        return 1;
    }

    const int samples = qMax(50, env->runs * 10);
    QList<double> roundTripsMs;
    QElapsedTimer timer;
    QString expected;
    qint64 seenAtNs = -1;
    QObject::connect(messages, &convex::ConvexQuery::resultChanged, [&](const ConvexValue &value) {
        if (seenAtNs < 0 && ConvexBench::newestBody(value) == expected)
            seenAtNs = timer.nsecsElapsed();
    });
    for (int i = 0; i < samples; ++i) {
        expected = ConvexBench::uniqueBody(QStringLiteral("convex_roundtrip"), i);
        seenAtNs = -1;
        std::optional<convex::ConvexResult> sent;
        timer.start();
        bench.client().mutation(
            QStringLiteral("messages:send"),
            ConvexValue::fromObject({{QStringLiteral("body"), ConvexValue::fromString(expected)}}),
            [&sent](const convex::ConvexResult &result) { sent = result; });
        if (!waitUntil([&] { return seenAtNs >= 0 && sent.has_value(); }) || !sent->success) {
            std::fprintf(stderr, "convex_roundtrip: sample %d: %s\n", i,
                         sent ? qPrintable(sent->errorMessage) : "no update");
            return 1;
        }
        roundTripsMs.append(qRound64(seenAtNs / 1000.0) / 1000.0);
    }
    recordResult(*env, QStringLiteral("convex_roundtrip"), QStringLiteral("convex_roundtrip"),
                 QStringLiteral("ms"), roundTripsMs,
                 QStringLiteral("messages:send call → messages:list subscription shows it"));
    return 0;
}
