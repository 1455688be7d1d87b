#include <authkitqt/convex/AuthKitTokenSource.h>

#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/TokenManager.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcConvexTokenSource, "authkit.convex.tokensource")

namespace authkit::convex {

AuthKitTokenSource::AuthKitTokenSource(AuthSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_tokens(session->tokens())
{
}

AuthKitTokenSource::AuthKitTokenSource(TokenManager *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
{
}

ConvexClient::TokenFetcher AuthKitTokenSource::fetcher()
{
    QPointer<AuthKitTokenSource> self(this);
    return [self](bool forceRefresh, ConvexClient::TokenCallback done) {
        if (!self) {
            done(std::nullopt);
            return;
        }
        self->fetch(forceRefresh, std::move(done));
    };
}

ConvexClient::TokenFreshness AuthKitTokenSource::freshness() const
{
    QPointer<TokenManager> tokens(m_tokens);
    return [tokens](const QString &token) {
        if (!tokens || token.isEmpty() || token != tokens->session().accessToken)
            return false;
        // Its age: its lifetime (exp - iat, the server's clock) less what is left of it here.
        const AccessTokenClaims claims = TokenVerifier::decodeUnverified(token.toLatin1());
        const qint64 lifetimeMs = (claims.expiresAt - claims.issuedAt) * 1000;
        const qint64 leftMs = tokens->msUntilExpiry();
        return lifetimeMs > 0 && leftMs > 0 && lifetimeMs - leftMs <= kFreshForMs;
    };
}

void AuthKitTokenSource::fetch(bool forceRefresh, ConvexClient::TokenCallback done)
{
    attempt(forceRefresh, 0, std::move(done));
}

void AuthKitTokenSource::attempt(bool forceRefresh, int failures, ConvexClient::TokenCallback done)
{
    if (!m_tokens || !m_tokens->hasSession()) {
        done(std::nullopt); // signed out: Convex goes unauthenticated
        return;
    }
    QPointer<AuthKitTokenSource> self(this);
    auto onResult = [self, forceRefresh, failures, done](const TokenResult &result) {
        if (!self) {
            done(std::nullopt);
            return;
        }
        if (result.ok()) {
            done(result.accessToken);
            return;
        }
        if (result.terminal) {
            qCInfo(lcConvexTokenSource) << "the session is over:" << result.error.message();
            done(std::nullopt);
            return;
        }
        // Transient: keep the user signed in and try again, doubling, capped, jittered.
        const double base =
            std::min<double>(self->m_settings.initialBackoffMs * std::pow(2.0, failures),
                             self->m_settings.maxBackoffMs);
        const int delay = static_cast<int>(
            std::lround(base * (0.75 + 0.5 * QRandomGenerator::global()->generateDouble())));
        qCInfo(lcConvexTokenSource) << "token refresh failed for now:" << result.error.message()
                                    << "; retrying in" << delay << "ms";
        Q_EMIT self->transientFailure(result.error.message(), delay);
        QTimer::singleShot(delay, self, [self, forceRefresh, failures, done] {
            self->attempt(forceRefresh, failures + 1, done);
        });
    };
    if (m_session)
        m_session->accessToken(forceRefresh, onResult);
    else
        m_tokens->accessToken(forceRefresh, onResult);
}

} // namespace authkit::convex
