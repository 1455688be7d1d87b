// refresh_load: 10,000 concurrent accessToken() callers when the access token has expired must
// cost exactly one refresh request (TokenManager: one refresh in flight, every caller gets its
// result), and add little wait to what one caller alone waits. The requests are counted by a
// relay in front of the emulator, so what is counted is what went on the wire.
//
// Added wait of a caller = its answer time − the earliest moment this one thread could have
// started on its behalf − the emulator's time for this round's refresh (relay: request in →
// first answer byte out) − what a lone caller's refresh costs on the client (measured just
// before, the same way). "The earliest moment" is when the bench finished issuing all callers:
// until then the thread is busy making the calls, so no request can leave (Qt Network starts a
// request from the event loop), for a crowd or for a lone caller alike. What is left is what the
// crowd costs a caller inside TokenManager: waiting in the queue of answers, and any extra work
// the crowd causes on the refresh path. The issuing itself is reported apart (per call), and the
// wait counted from each caller's own call is in the notes.

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
    std::vector<double> waitsUs;       // per caller, call → answer
    std::vector<double> sinceIssuedUs; // per caller, all callers issued → answer
    double serverUs = 0;               // the emulator's part, summed over the requests of the round
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
    for (int i = 0; i < callers; ++i) {
        round.waitsUs.push_back((answeredAt[i] - calledAt[i]) / 1000.0);
        round.sinceIssuedUs.push_back((answeredAt[i] - issuedAt) / 1000.0);
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
    QList<double> addedWaitsUs;
    QList<double> serverUs;
    QList<double> loneOverheadUs;
    QList<double> fanOutUs;
    QList<double> runP99Us;
    QList<double> fromOwnCallUs; // the same, counted from each caller's own call
    QList<double> perCallNs;
    for (int run = 0; run < env->runs; ++run) {
        const auto lone = expireAndAsk(session, relay, 1);
        const auto crowd = lone ? expireAndAsk(session, relay, kCallers) : std::nullopt;
        if (!crowd)
            return 1;
        const double overheadUs = qMax(0.0, lone->waitsUs.front() - lone->serverUs);
        QList<double> runAddedUs;
        for (double sinceIssuedUs : crowd->sinceIssuedUs) {
            const double addedUs = qMax(0.0, sinceIssuedUs - crowd->serverUs - overheadUs);
            runAddedUs.append(qRound64(addedUs * 100) / 100.0);
        }
        for (double waitUs : crowd->waitsUs)
            fromOwnCallUs.append(qMax(0.0, waitUs - crowd->serverUs - overheadUs));
        perCallNs.append(crowd->issueUs * 1000.0 / kCallers);
        runP99Us.append(percentile(runAddedUs, 99));
        addedWaitsUs.append(runAddedUs);
        requestCounts.append(crowd->requests);
        serverUs.append(crowd->serverUs);
        loneOverheadUs.append(overheadUs);
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
        QStringLiteral("per-caller wait inside TokenManager: from the moment all %1 callers were "
                       "issued (one thread; no request can leave before) to the caller's "
                       "answer, minus the emulator's round trip (median %2 us) and a lone "
                       "caller's client-side refresh (median %3 us); %4 runs; answering them all "
                       "took a median %5 us; p99 of each run: median %6 us, %7..%8 us (a run "
                       "whose process lost the CPU shifts all its callers). Issuing: %9 ns per "
                       "accessToken() call. Counted from each caller's own call instead (the "
                       "bench's issue loop included): median %10 us, p99 %11 us")
            .arg(kCallers)
            .arg(median(serverUs), 0, 'f', 0)
            .arg(median(loneOverheadUs), 0, 'f', 0)
            .arg(env->runs)
            .arg(median(fanOutUs), 0, 'f', 0)
            .arg(median(runP99Us), 0, 'f', 0)
            .arg(*std::min_element(runP99Us.begin(), runP99Us.end()), 0, 'f', 0)
            .arg(*std::max_element(runP99Us.begin(), runP99Us.end()), 0, 'f', 0)
            .arg(median(perCallNs), 0, 'f', 0)
            .arg(median(fromOwnCallUs), 0, 'f', 0)
            .arg(percentile(fromOwnCallUs, 99), 0, 'f', 0));
    return 0;
}
