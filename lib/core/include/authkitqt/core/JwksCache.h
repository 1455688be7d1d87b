#pragma once

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/Clock.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QObject>

#include <functional>
#include <optional>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// The key set, fetched once and kept; an unknown kid refetches it, at most once per cooldown
/// after a successful fetch (as jose's createRemoteJWKSet does, 30 s), so a flood of bad tokens
/// cannot make us hammer WorkOS. Trouble with the key set itself (unreachable, 404, HTML, no
/// usable key, a kid it does not list yet) is never the token's fault: it is reported as
/// transient, in words, and the caller keeps the session and tries again later.
class AUTHKITQT_CORE_EXPORT JwksCache : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kCooldownMs = 30 * 1000;

    struct Outcome
    {
        TokenVerifier::Result result;
        bool transient = false; ///< the key set is at fault, not the token: try again later
        QString error;          ///< why, for the user, when transient
    };
    using VerifyCallback = std::function<void(const Outcome &)>;

    JwksCache(AuthKitApi *api, const Clock &clock, QObject *parent = nullptr);

    /// Checks time claims against the wall clock, or against atSecs when given.
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
