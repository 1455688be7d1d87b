#pragma once

#include "BenchEnvironment.h"
#include "BenchSession.h"

#include <authkitqt/convex/AuthKitTokenSource.h>
#include <authkitqt/convex/ConvexClient.h>

#include <memory>

namespace authkit::bench {

// Our ConvexClient on the emulator's deployment, authenticated as a signed-in user the way an
// app does it: TokenManager → AuthKitTokenSource → ConvexClient::setAuth, confirmed by the server.
class ConvexBench
{
public:
    explicit ConvexBench(const BenchEnvironment &env);
    ~ConvexBench();

    // Signs in as email, connects, and waits for the deployment to accept the token.
    bool start(const QString &email, QString *error);
    convex::ConvexClient &client() { return *m_client; }

    // The message whose body is the newest of a messages:list result, else empty.
    static QString newestBody(const convex::ConvexValue &messages);
    // A body nobody else sends: this process, the sample, a counter.
    static QString uniqueBody(const QString &bench, int sample);

private:
    BenchEnvironment m_env;
    std::unique_ptr<BenchSession> m_session;
    std::unique_ptr<convex::AuthKitTokenSource> m_tokenSource;
    std::unique_ptr<convex::ConvexClient> m_client;
};

} // namespace authkit::bench
