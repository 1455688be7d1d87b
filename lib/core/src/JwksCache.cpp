#include <authkitqt/core/JwksCache.h>

#include "Logging_p.h"

#include <QCoreApplication>

namespace authkit {

JwksCache::JwksCache(AuthKitApi *api, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clock(clock)
    , m_verifier(api->config().acceptedIssuers, TokenVerifier::kDefaultLeewaySecs,
                 api->config().clientId) // an aud must name this client
{
}

void JwksCache::fetch(std::function<void(const ApiError *)> done)
{
    m_fetchWaiters.append(std::move(done));
    if (m_fetchWaiters.size() > 1)
        return; // one fetch in flight serves every waiter
    m_api->fetchJwks([this](const QByteArray &json, const ApiError *error) {
        ApiError parseError;
        const ApiError *outcome = error;
        if (!error) {
            QString message;
            Jwks parsed = Jwks::parse(json, &message);
            if (parsed.isEmpty()) {
                // An answer with no usable key (HTML, an error page, only other key types)
                // leaves the keys we had in place.
                parseError.kind = ApiError::Kind::BadResponse;
                parseError.description = message.isEmpty()
                                             ? QCoreApplication::translate("JwksCache", "no usable signing key")
                                             : message;
                outcome = &parseError;
            } else {
                m_jwks = std::move(parsed);
                // The cooldown counts from a fetch that worked: a failed one may be retried
                // as soon as the caller's backoff allows.
                m_lastFetchMs = m_clock.monotonicMs();
            }
        }
        const auto waiters = std::exchange(m_fetchWaiters, {});
        for (const auto &waiter : waiters)
            waiter(outcome);
    });
}

void JwksCache::verify(const QByteArray &token, VerifyCallback done, std::optional<qint64> atSecs)
{
    auto check = [this, token, atSecs] {
        Outcome outcome;
        outcome.result = m_verifier.verify(token, m_jwks, atSecs.value_or(m_clock.wallSecs()));
        if (outcome.result.failure == TokenVerifier::Failure::UnknownKey) {
            // Right after a key rotation the published set may lag behind the new key.
            outcome.transient = true;
            outcome.error = QCoreApplication::translate(
                "JwksCache", "WorkOS signed the token with a key it does not publish yet; "
                             "trying again shortly.");
        }
        return outcome;
    };
    auto fetchThenCheck = [this, done, check] {
        fetch([done, check](const ApiError *error) {
            if (!error) {
                done(check());
                return;
            }
            Outcome failed;
            failed.result.failure = TokenVerifier::Failure::UnknownKey;
            failed.result.reason = QStringLiteral("the key set could not be fetched");
            failed.transient = true;
            failed.error = QCoreApplication::translate(
                               "JwksCache", "Cannot get WorkOS's signing keys (%1); trying again "
                                            "shortly.")
                               .arg(error->kind == ApiError::Kind::BadResponse
                                        ? error->description
                                        : error->message());
            done(failed);
        });
    };
    if (m_jwks.isEmpty()) {
        fetchThenCheck(); // nothing to check against yet
        return;
    }
    Outcome outcome = check();
    if (outcome.result.failure != TokenVerifier::Failure::UnknownKey) {
        done(outcome);
        return;
    }
    if (m_lastFetchMs < 0 || m_clock.monotonicMs() - m_lastFetchMs >= kCooldownMs) {
        fetchThenCheck(); // a rotated key: fetch at most once per cooldown
        return;
    }
    // A new key we may not fetch yet: not the token's fault, try again after the cooldown.
    done(outcome);
}

} // namespace authkit
