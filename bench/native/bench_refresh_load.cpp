// refresh_load: 10,000 concurrent accessToken() callers when the access token has expired must
// cost exactly one refresh request (TokenManager: one refresh in flight, every caller gets its
// result), and add little wait on top of that one round trip. The requests are counted by a
// relay in front of the emulator, so what is counted is what went on the wire.

#include "BenchResults.h"
#include "BenchSession.h"
#include "CountingRelay.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <vector>

using namespace authkit;
using namespace authkit::bench;

namespace {

constexpr int kCallers = 10000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto env = benchEnvironmentOrExplain("refresh_load");
    if (!env)
        return 2;

    CountingRelay relay(env->baseUrl, "POST /user_management/authenticate ");
    QString error;
    const auto config =
        relay.listen() ? benchConfig(QStringLiteral("local"), env->clientId, relay.url(), &error)
                       : std::nullopt;
    if (!config) {
        std::fprintf(stderr, "refresh_load: no configuration: %s\n", qPrintable(error));
        return 1;
    }
    BenchSession session(*config);
    if (!session.signIn(env->baseUrl, QStringLiteral("ada@example.com"), &error)) {
        std::fprintf(stderr, "refresh_load: sign-in failed: %s\n", qPrintable(error));
        return 1;
    }

    QList<double> requestCounts;
    QList<double> addedWaitsUs;
    QList<double> roundTripsUs;
    for (int run = 0; run < env->runs; ++run) {
        // Put the access token past its expiry: nobody can be handed the old one.
        session.clock().advanceMonotonic(session.tokens().msUntilExpiry() + 1000);
        const int requestsBefore = relay.count();
        const qsizetype roundTripsBefore = relay.roundTripsUs().size();

        std::vector<qint64> calledAt(kCallers, -1);
        std::vector<qint64> answeredAt(kCallers, -1);
        int answered = 0;
        int failed = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kCallers; ++i) {
            calledAt[i] = clock.nsecsElapsed();
            session.tokens().accessToken(false, [&, i](const TokenResult &result) {
                answeredAt[i] = clock.nsecsElapsed();
                ++answered;
                if (!result.ok())
                    ++failed;
            });
        }
        if (!waitUntil([&] { return answered == kCallers; }) || failed > 0) {
            std::fprintf(stderr, "refresh_load: %d of %d callers answered, %d failed\n", answered,
                         kCallers, failed);
            return 1;
        }
        // The one round trip no client can avoid is the emulator's; what a caller waits on top
        // of it is what the library adds (issuing the other callers, verification, store, fan-out).
        double serverUs = 0;
        for (qsizetype i = roundTripsBefore; i < relay.roundTripsUs().size(); ++i)
            serverUs += relay.roundTripsUs().at(i);
        roundTripsUs.append(serverUs);
        requestCounts.append(relay.count() - requestsBefore);
        for (int i = 0; i < kCallers; ++i) {
            const double waitUs = (answeredAt[i] - calledAt[i]) / 1000.0;
            addedWaitsUs.append(qRound64(qMax(0.0, waitUs - serverUs) * 100) / 100.0);
        }
    }

    recordResult(*env, QStringLiteral("refresh_load_requests"),
                 QStringLiteral("refresh_load_requests"), QStringLiteral("requests"), requestCounts,
                 QStringLiteral("refresh requests on the wire for %1 concurrent accessToken() "
                                "callers at expiry, per run")
                     .arg(kCallers));
    recordResult(*env, QStringLiteral("refresh_load_wait"), QStringLiteral("refresh_load_wait"),
                 QStringLiteral("us"), addedWaitsUs,
                 QStringLiteral("per-caller wait minus the emulator's refresh round trip "
                                "(median %1 us), %2 callers x %3 runs")
                     .arg(median(roundTripsUs), 0, 'f', 0)
                     .arg(kCallers)
                     .arg(env->runs));
    return 0;
}
