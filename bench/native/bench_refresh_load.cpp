// refresh_load: 10,000 concurrent accessToken() callers when the access token has expired must
// cost exactly one refresh request (TokenManager: one refresh in flight, every caller gets its
// result), and add little wait to what one caller alone waits. The requests are counted by a
// relay in front of the emulator, so what is counted is what went on the wire.
//
// Added wait of a caller = what the crowd costs it over what one caller alone waits, in two
// parts that are each measured without subtracting one noisy refresh from another:
// - its place in the queue of answers: its answer time − the round's first answer (measured
//   directly, per caller; TokenManager answers the callers one after another);
// - the crowd's extra cost on the refresh path: the round's first answer, counted from when the
//   bench finished issuing all callers (until then the one thread is busy making the calls, so
//   no request can leave), minus the emulator's time for the request (relay: request in → first
//   answer byte out), minus a lone caller's client-side refresh cost (the median of several lone
//   refreshes in the same run, counted the same way: from its call's return to its answer). One refresh's client cost varies by about as much as the target,
//   so this part is a property of the code, not of a run: its median over the runs is used, and
//   its spread is in the notes.
// The issuing itself is reported apart (per call), and the wait counted from each caller's own
// call is in the notes.

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
constexpr int kLoneSamples = 5; // lone refreshes per run, for a steady client-side cost

struct Round
{
    std::vector<double> waitsUs;         // per caller, call → answer
    std::vector<double> queueUs;         // per caller, the round's first answer → its answer
    double firstAnswerSinceIssuedUs = 0; // all callers issued → the first answer
    double serverUs = 0; // the emulator's part, summed over the requests of the round
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
    round.firstAnswerSinceIssuedUs = (*first - issuedAt) / 1000.0;
    for (int i = 0; i < callers; ++i) {
        round.waitsUs.push_back((answeredAt[i] - calledAt[i]) / 1000.0);
        round.queueUs.push_back((answeredAt[i] - *first) / 1000.0);
    }
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
    QList<double> serverUs;
    QList<double> loneOverheadUs; // per run, the median of kLoneSamples lone refreshes
    QList<double> crowdExtraUs;   // per run, the crowd's first answer over a lone caller's
    QList<double> fanOutUs;
    QList<QList<double>> queueUs; // per run, per caller
    QList<double> fromOwnCallUs;  // call → answer − server − lone cost (issue loop included)
    QList<double> perCallNs;
    for (int run = 0; run < env->runs; ++run) {
        QList<double> loneSamplesUs;
        for (int i = 0; i < kLoneSamples; ++i) {
            const auto lone = expireAndAsk(session, relay, 1);
            if (!lone)
                return 1;
            loneSamplesUs.append(lone->firstAnswerSinceIssuedUs - lone->serverUs);
        }
        const auto crowd = expireAndAsk(session, relay, kCallers);
        if (!crowd)
            return 1;
        const double loneUs = qMax(0.0, median(loneSamplesUs));
        crowdExtraUs.append(crowd->firstAnswerSinceIssuedUs - crowd->serverUs - loneUs);
        queueUs.append(QList<double>(crowd->queueUs.begin(), crowd->queueUs.end()));
        for (double waitUs : crowd->waitsUs)
            fromOwnCallUs.append(qMax(0.0, waitUs - crowd->serverUs - loneUs));
        perCallNs.append(crowd->issueUs * 1000.0 / kCallers);
        requestCounts.append(crowd->requests);
        serverUs.append(crowd->serverUs);
        loneOverheadUs.append(loneUs);
        fanOutUs.append(crowd->fanOutUs);
    }

    // The crowd's extra path cost is one figure for the code (see the top); never below zero.
    const double extraUs = qMax(0.0, median(crowdExtraUs));
    QList<double> addedWaitsUs;
    QList<double> runP99Us;
    for (const QList<double> &run : queueUs) {
        QList<double> runAddedUs;
        for (double positionUs : run)
            runAddedUs.append(qRound64((positionUs + extraUs) * 100) / 100.0);
        runP99Us.append(percentile(runAddedUs, 99));
        addedWaitsUs.append(runAddedUs);
    }

    recordResult(*env, QStringLiteral("refresh_load_requests"),
                 QStringLiteral("refresh_load_requests"), QStringLiteral("requests"), requestCounts,
                 QStringLiteral("refresh requests on the wire for %1 concurrent accessToken() "
                                "callers at expiry, per run")
                     .arg(kCallers));
    recordResult(
        *env, QStringLiteral("refresh_load_wait"), QStringLiteral("refresh_load_wait"),
        QStringLiteral("us"), addedWaitsUs,
        QStringLiteral("per-caller wait the crowd adds inside TokenManager, %1 callers, %2 runs: "
                       "the caller's place in the queue of answers (first answer → its answer; "
                       "all answered in a median %3 us; p99 of each run: median %4 us, "
                       "%5..%6 us) plus the crowd's extra cost on the refresh path, %7 us (median "
                       "over runs of: all callers issued → first answer, minus the emulator's "
                       "time, median %8 us, minus a lone caller's client-side refresh, median of "
                       "%9 per run, median %10 us; per run %11..%12 us). Issuing: %13 ns per "
                       "accessToken() call. Counted from each caller's own call instead (the "
                       "bench's issue loop included): median %14 us, p99 %15 us")
            .arg(kCallers)
            .arg(env->runs)
            .arg(median(fanOutUs), 0, 'f', 0)
            .arg(median(runP99Us), 0, 'f', 0)
            .arg(*std::min_element(runP99Us.begin(), runP99Us.end()), 0, 'f', 0)
            .arg(*std::max_element(runP99Us.begin(), runP99Us.end()), 0, 'f', 0)
            .arg(extraUs, 0, 'f', 0)
            .arg(median(serverUs), 0, 'f', 0)
            .arg(kLoneSamples)
            .arg(median(loneOverheadUs), 0, 'f', 0)
            .arg(*std::min_element(crowdExtraUs.begin(), crowdExtraUs.end()), 0, 'f', 0)
            .arg(*std::max_element(crowdExtraUs.begin(), crowdExtraUs.end()), 0, 'f', 0)
            .arg(median(perCallNs), 0, 'f', 0)
            .arg(median(fromOwnCallUs), 0, 'f', 0)
            .arg(percentile(fromOwnCallUs, 99), 0, 'f', 0));
    return 0;
}
