// refresh_load: 10,000 concurrent accessToken() callers when the access token has expired must
// cost exactly one refresh request (TokenManager: one refresh in flight, every caller gets its
// result), and add little wait to what one caller alone waits. The requests are counted by a
// relay in front of the emulator, so what is counted is what went on the wire.
//
// Added wait of a caller = its wait (call → answer) − the emulator's time for this round's
// refresh (relay: request in → first answer byte out) − what a lone caller's refresh costs on
// the client (measured just before, the same way). What is left is what the other 9,999 cost
// it: issuing them on this one thread, and answering those before it.

#include "BenchResults.h"
#include "BenchSession.h"
#include "CountingRelay.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace authkit;
using namespace authkit::bench;

namespace {

constexpr int kCallers = 10000;

struct Round
{
    std::vector<double> waitsUs; // per caller, call → answer
    double serverUs = 0;         // the emulator's part, summed over the requests of the round
    int requests = 0;
    double issueUs = 0;  // making all the calls
    double fanOutUs = 0; // first answer → last answer
};

// Puts the access token past its expiry (nobody can be handed the old one), then has callers
// ask for a token at once.
std::optional<Round> expireAndAsk(BenchSession &session, const CountingRelay &relay, int callers)
{
    session.clock().advanceMonotonic(session.tokens().msUntilExpiry() + 1000);
    const int requestsBefore = relay.count();
    const qsizetype roundTripsBefore = relay.roundTripsUs().size();

    std::vector<qint64> calledAt(callers, -1);
    std::vector<qint64> answeredAt(callers, -1);
    int answered = 0;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < callers; ++i) {
        calledAt[i] = clock.nsecsElapsed();
        session.tokens().accessToken(false, [&, i](const TokenResult &result) {
            answeredAt[i] = clock.nsecsElapsed();
            ++answered;
            if (!result.ok())
                ++failed;
        });
    }
    const qint64 issuedAt = clock.nsecsElapsed();
    if (!waitUntil([&] { return answered == callers; }) || failed > 0) {
        std::fprintf(stderr, "refresh_load: %d of %d callers answered, %d failed\n", answered,
                     callers, failed);
        return std::nullopt;
    }
    Round round;
    for (qsizetype i = roundTripsBefore; i < relay.roundTripsUs().size(); ++i)
        round.serverUs += relay.roundTripsUs().at(i);
    round.requests = relay.count() - requestsBefore;
    round.issueUs = issuedAt / 1000.0;
    const auto [first, last] = std::minmax_element(answeredAt.begin(), answeredAt.end());
    round.fanOutUs = (*last - *first) / 1000.0;
    for (int i = 0; i < callers; ++i)
        round.waitsUs.push_back((answeredAt[i] - calledAt[i]) / 1000.0);
    return round;
}

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
    QList<double> serverUs;
    QList<double> loneOverheadUs;
    QList<double> issueUs;
    QList<double> fanOutUs;
    QList<double> runP99Us;
    for (int run = 0; run < env->runs; ++run) {
        const auto lone = expireAndAsk(session, relay, 1);
        const auto crowd = lone ? expireAndAsk(session, relay, kCallers) : std::nullopt;
        if (!crowd)
            return 1;
        const double overheadUs = qMax(0.0, lone->waitsUs.front() - lone->serverUs);
        QList<double> runAddedUs;
        for (double waitUs : crowd->waitsUs) {
            const double addedUs = qMax(0.0, waitUs - crowd->serverUs - overheadUs);
            runAddedUs.append(qRound64(addedUs * 100) / 100.0);
        }
        runP99Us.append(percentile(runAddedUs, 99));
        addedWaitsUs.append(runAddedUs);
        requestCounts.append(crowd->requests);
        serverUs.append(crowd->serverUs);
        loneOverheadUs.append(overheadUs);
        issueUs.append(crowd->issueUs);
        fanOutUs.append(crowd->fanOutUs);
    }

    recordResult(*env, QStringLiteral("refresh_load_requests"),
                 QStringLiteral("refresh_load_requests"), QStringLiteral("requests"), requestCounts,
                 QStringLiteral("refresh requests on the wire for %1 concurrent accessToken() "
                                "callers at expiry, per run")
                     .arg(kCallers));
    recordResult(
        *env, QStringLiteral("refresh_load_wait"), QStringLiteral("refresh_load_wait"),
        QStringLiteral("us"), addedWaitsUs,
        QStringLiteral("per-caller wait minus the emulator's round trip (median %1 us) and "
                       "a lone caller's client-side refresh (median %2 us); %3 callers x "
                       "%4 runs on one thread: issuing them took a median %5 us, "
                       "answering them all %6 us; p99 of each run: median %7 us, %8..%9 us "
                       "(a run whose process lost the CPU shifts all its callers)")
            .arg(median(serverUs), 0, 'f', 0)
            .arg(median(loneOverheadUs), 0, 'f', 0)
            .arg(kCallers)
            .arg(env->runs)
            .arg(median(issueUs), 0, 'f', 0)
            .arg(median(fanOutUs), 0, 'f', 0)
            .arg(median(runP99Us), 0, 'f', 0)
            .arg(*std::min_element(runP99Us.begin(), runP99Us.end()), 0, 'f', 0)
            .arg(*std::max_element(runP99Us.begin(), runP99Us.end()), 0, 'f', 0));
    return 0;
}
