#pragma once

#include "BenchEnvironment.h"

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/Clock.h>
#include <authkitqt/core/JwksCache.h>
#include <authkitqt/core/MemorySecretStore.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/TokenManager.h>

#include <QNetworkAccessManager>

#include <functional>
#include <optional>

namespace authkit::bench {

// The system clock with a monotonic offset: moving it ahead puts the access token at expiry
// (TokenManager counts expiry on the monotonic clock) while the wall clock stays true, so the
// emulator's new tokens still verify.
class BenchClock : public Clock
{
public:
    qint64 monotonicMs() const override { return Clock::system().monotonicMs() + m_offsetMs; }
    qint64 wallSecs() const override { return Clock::system().wallSecs(); }
    void advanceMonotonic(qint64 ms) { m_offsetMs += ms; }

private:
    qint64 m_offsetMs = 0;
};

// The core library's configuration for the emulator at apiBaseUrl (the local profile's rules,
// no config file and no environment: only what the bench says).
std::optional<AuthKitConfig> benchConfig(const QString &profile, const QString &clientId,
                                         const QUrl &apiBaseUrl, QString *error);

// Runs the event loop until done() is true or timeoutMs passes; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30000);

// Signs in through the emulator's hosted password page as a browser would (the tests'
// SignInDriver: authorize with PKCE, the sign-in form with its CSRF token, the callback's code),
// then exchanges the code with the library's AuthKitApi. Works on an emulator without
// --auto-approve. Returns the verified-nothing-yet authenticate response.
std::optional<AuthResponse> signInWithPassword(AuthKitApi &api, const QUrl &emulatorUrl,
                                               const QString &email, QString *error);

// The library's session stack the way AuthSession builds it (AuthKitApi, JwksCache,
// SessionStore on a MemorySecretStore, TokenManager), on a BenchClock; API calls go to
// apiBaseUrl (the emulator, or a relay in front of it).
class BenchSession
{
public:
    explicit BenchSession(const AuthKitConfig &config);
    ~BenchSession();

    // Signs in at the emulator (not through apiBaseUrl: the relay sees only refreshes) and
    // adopts the answer in the TokenManager (verified, then stored).
    bool signIn(const QUrl &emulatorUrl, const QString &email, QString *error);

    TokenManager &tokens() { return m_tokens; }
    AuthKitApi &api() { return m_api; }
    BenchClock &clock() { return m_clock; }
    QNetworkAccessManager &network() { return m_network; }

private:
    QNetworkAccessManager m_network;
    BenchClock m_clock;
    AuthKitApi m_api;
    JwksCache m_jwks;
    MemorySecretStore m_secrets;
    SessionStore m_store;
    TokenManager m_tokens;
};

} // namespace authkit::bench
