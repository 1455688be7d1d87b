// verify_rs256: TokenVerifier on real emulator-issued RS256 access tokens, verifications per
// second on one thread (one core) over about 2 s per run. Writes jwt-fixture.json to the work
// folder, so the web side's jose verifies the very same tokens with the very same key set.

#include "BenchResults.h"
#include "BenchSession.h"

#include <authkitqt/core/Jwks.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <limits>

using namespace authkit;
using namespace authkit::bench;

namespace {

constexpr int kTokens = 8;
constexpr qint64 kRunNs = 2'000'000'000;

std::optional<QByteArray> fetchJwksJson(AuthKitApi &api)
{
    std::optional<QByteArray> json;
    bool done = false;
    api.fetchJwks([&](const QByteArray &body, const ApiError *error) {
        if (!error)
            json = body;
        done = true;
    });
    waitUntil([&] { return done; });
    return json;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto env = benchEnvironmentOrExplain("verify_rs256");
    if (!env)
        return 2;
    QString error;
    const auto config = benchConfig(QStringLiteral("local"), env->clientId, env->baseUrl, &error);
    if (!config) {
        std::fprintf(stderr, "verify_rs256: no configuration: %s\n", qPrintable(error));
        return 1;
    }
    BenchSession session(*config);
    if (!session.signIn(env->baseUrl, QStringLiteral("ada@example.com"), &error)) {
        std::fprintf(stderr, "verify_rs256: sign-in failed: %s\n", qPrintable(error));
        return 1;
    }
    // Several distinct tokens (each forced refresh is a new one), so no cache can help.
    QList<QByteArray> tokens;
    while (tokens.size() < kTokens) {
        std::optional<TokenResult> result;
        session.tokens().accessToken(!tokens.isEmpty(), [&](const TokenResult &r) { result = r; });
        if (!waitUntil([&] { return result.has_value(); }) || !result->ok()) {
            std::fprintf(stderr, "verify_rs256: no token: %s\n",
                         result ? qPrintable(result->error.message()) : "timed out");
            return 1;
        }
        tokens.append(result->accessToken.toUtf8());
    }
    const auto jwksJson = fetchJwksJson(session.api());
    const Jwks jwks = jwksJson ? Jwks::parse(*jwksJson, &error) : Jwks();
    if (jwks.isEmpty()) {
        std::fprintf(stderr, "verify_rs256: no key set: %s\n", qPrintable(error));
        return 1;
    }

    const TokenVerifier verifier(config->acceptedIssuers, TokenVerifier::kDefaultLeewaySecs,
                                 config->clientId);
    const qint64 now = Clock::system().wallSecs();
    for (const QByteArray &token : tokens) {
        const auto result = verifier.verify(token, jwks, now);
        if (!result.ok()) {
            std::fprintf(stderr, "verify_rs256: an emulator token does not verify: %s\n",
                         qPrintable(result.reason));
            return 1;
        }
    }

    // The fixture for jose: valid from iat to exp (the emulator's --token-ttl, 300 s by
    // default); "now" is when it was written, for a verifier that must pin its clock.
    const AccessTokenClaims claims = TokenVerifier::decodeUnverified(tokens.first());
    QJsonArray tokenArray;
    qint64 earliestExp = std::numeric_limits<qint64>::max();
    for (const QByteArray &token : tokens) {
        tokenArray.append(QString::fromLatin1(token));
        earliestExp = qMin(earliestExp, TokenVerifier::decodeUnverified(token).expiresAt);
    }
    const QJsonValue aud = claims.payload.value(QStringLiteral("aud"));
    const QJsonObject fixture{
        {QStringLiteral("jwks"), QJsonDocument::fromJson(*jwksJson).object()},
        {QStringLiteral("tokens"), tokenArray},
        {QStringLiteral("issuer"), claims.issuer},
        {QStringLiteral("audience"), aud.isUndefined() ? QJsonValue(QJsonValue::Null) : aud},
        {QStringLiteral("now"), now},
        {QStringLiteral("exp"), earliestExp}};
    QFile fixtureFile(QDir(env->workDir).filePath(QStringLiteral("jwt-fixture.json")));
    if (!fixtureFile.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || fixtureFile.write(QJsonDocument(fixture).toJson(QJsonDocument::Compact)) < 0) {
        std::fprintf(stderr, "verify_rs256: cannot write %s\n", qPrintable(fixtureFile.fileName()));
        return 1;
    }
    fixtureFile.close();

    QList<double> opsPerSecond;
    for (int run = 0; run < env->runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        qint64 verified = 0;
        qint64 elapsedNs = 0;
        int failures = 0;
        do {
            for (const QByteArray &token : tokens)
                failures += verifier.verify(token, jwks, now).ok() ? 0 : 1;
            verified += tokens.size();
            elapsedNs = timer.nsecsElapsed();
        } while (elapsedNs < kRunNs);
        if (failures) {
            std::fprintf(stderr, "verify_rs256: %d verifications failed\n", failures);
            return 1;
        }
        opsPerSecond.append(qRound64(verified * 1e9 / elapsedNs));
    }
    recordResult(*env, QStringLiteral("verify_rs256"), QStringLiteral("verify_rs256"),
                 QStringLiteral("ops/s"), opsPerSecond,
                 QStringLiteral("TokenVerifier::verify (signature, kid, iss, aud, time claims) "
                                "on %1 emulator tokens, one thread, ~2 s per run")
                     .arg(tokens.size()));
    return 0;
}
