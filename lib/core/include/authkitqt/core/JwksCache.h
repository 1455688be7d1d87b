#pragma once

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/Clock.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QObject>

#include <functional>
#include <optional>

namespace authkit {

// The key set, fetched once and kept; an unknown kid refetches it, at most once per cooldown
// (as jose's createRemoteJWKSet does), so a flood of bad tokens cannot make us hammer WorkOS.
class JwksCache : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kCooldownMs = 5 * 60 * 1000;

    struct Outcome
    {
        TokenVerifier::Result result;
        bool transient = false; // the JWKS could not be fetched: try again later
        QString error;
    };
    using VerifyCallback = std::function<void(const Outcome &)>;

    JwksCache(AuthKitApi *api, const Clock &clock, QObject *parent = nullptr);

    // Checks time claims against the wall clock, or against atSecs when given.
    void verify(const QByteArray &token, VerifyCallback done, std::optional<qint64> atSecs = {});

private:
    void fetch(std::function<void(const ApiError *)> done);

    AuthKitApi *m_api;
    const Clock &m_clock;
    TokenVerifier m_verifier;
    Jwks m_jwks;
    qint64 m_lastFetchMs = -1;
    QList<std::function<void(const ApiError *)>> m_fetchWaiters;
};

} // namespace authkit
