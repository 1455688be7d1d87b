#pragma once
// Shared by the conformance and integration tests of our ConvexClient against the in-process
// AuthKit emulator's Convex deployment: a signed-in user (TokenManager + AuthKitTokenSource on
// the real clock), helpers to wait on queries and mutations, and an AuthError counter.

#include "SessionTestKit.h"

#include <authkitqt/convex/AuthKitTokenSource.h>
#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>
#include <authkitqt/core/JwksCache.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/TokenManager.h>

#include <QTest>

#include <memory>
#include <optional>

namespace convexrig {

using namespace authkit;
using namespace authkit::convex;

// One signed-in user of an emulator: the session layer plus the token source for Convex.
struct SignedInUser
{
    CountingNetworkAccessManager network;
    std::unique_ptr<AuthKitApi> api;
    RecordingSecretStore secrets;
    std::unique_ptr<SessionStore> store;
    std::unique_ptr<JwksCache> jwks;
    std::unique_ptr<TokenManager> tokens;
    std::unique_ptr<AuthKitTokenSource> source;
};

inline std::unique_ptr<SignedInUser> signIn(const AuthKitConfig &config, const QString &email)
{
    auto user = std::make_unique<SignedInUser>();
    user->api = std::make_unique<AuthKitApi>(config, &user->network);
    user->store = std::make_unique<SessionStore>(&user->secrets, QStringLiteral("test/") + email);
    user->jwks = std::make_unique<JwksCache>(user->api.get(), Clock::system());
    user->tokens = std::make_unique<TokenManager>(user->api.get(), user->jwks.get(),
                                                  user->store.get(), Clock::system());
    const auto response = signInThroughEmulator(config, *user->api, user->network, email);
    if (!response)
        return nullptr;
    bool adopted = false;
    user->tokens->adopt(*response, [&](const TokenResult &result) { adopted = result.ok(); });
    if (!QTest::qWaitFor([&] { return adopted; }, 10000))
        return nullptr;
    user->source = std::make_unique<AuthKitTokenSource>(user->tokens.get());
    user->source->setSettings({50, 1000});
    return user;
}

// Counts the AuthError messages a client's socket receives.
struct AuthErrorCounter
{
    explicit AuthErrorCounter(ConvexClient &client)
    {
        QObject::connect(client.socket(), &WebSocketManager::messageReceived, client.socket(),
                         [this](const protocol::ServerMessage &message) {
                             if (std::get_if<protocol::AuthError>(&message))
                                 ++count;
                         });
    }
    int count = 0;
};

// Runs a mutation and waits (bounded) for its answer; nullopt when none came in time.
inline std::optional<ConvexResult> mutate(ConvexClient &client, const QString &path,
                                          const ConvexValue &args, int timeoutMs = 10000)
{
    std::optional<ConvexResult> result;
    client.mutation(path, args, [&](const ConvexResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return std::nullopt;
    return result;
}

inline ConvexValue object(std::initializer_list<std::pair<QString, ConvexValue>> fields)
{
    ConvexValue::Object o;
    for (const auto &[k, v] : fields)
        o.insert(k, v);
    return ConvexValue::fromObject(o);
}

inline ConvexValue sendArgs(const QString &body)
{
    return object({{QStringLiteral("body"), ConvexValue::fromString(body)}});
}

// The bodies of a messages:list result, in order.
inline QStringList bodies(const ConvexValue &messages)
{
    QStringList out;
    for (const ConvexValue &m : messages.toArray())
        out.append(m.value(QStringLiteral("body")).toString());
    return out;
}

} // namespace convexrig
