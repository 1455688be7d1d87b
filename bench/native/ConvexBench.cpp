#include "ConvexBench.h"

#include <QCoreApplication>

namespace authkit::bench {

ConvexBench::ConvexBench(const BenchEnvironment &env)
    : m_env(env)
{
}

ConvexBench::~ConvexBench()
{
    if (m_client)
        m_client->close();
}

bool ConvexBench::start(const QString &email, QString *error)
{
    const auto config = benchConfig(QStringLiteral("local"), m_env.clientId, m_env.baseUrl, error);
    if (!config)
        return false;
    m_session = std::make_unique<BenchSession>(*config);
    if (!m_session->signIn(m_env.baseUrl, email, error))
        return false;
    m_tokenSource = std::make_unique<convex::AuthKitTokenSource>(&m_session->tokens());
    m_client = std::make_unique<convex::ConvexClient>(m_env.convexUrl);
    std::optional<bool> confirmed;
    m_client->setAuth(m_tokenSource->fetcher(), [&confirmed](bool ok) { confirmed = ok; });
    if (!waitUntil([&] { return confirmed.has_value(); }) || !*confirmed) {
        *error = QStringLiteral("the Convex deployment did not accept the token: %1")
                     .arg(m_client->lastAuthError());
        return false;
    }
    return true;
}

QString ConvexBench::newestBody(const convex::ConvexValue &messages)
{
    if (!messages.isArray() || messages.size() == 0)
        return {};
    return messages.at(messages.size() - 1).value(QStringLiteral("body")).toString();
}

QString ConvexBench::uniqueBody(const QString &bench, int sample)
{
    return QStringLiteral("%1 %2 #%3")
        .arg(bench)
        .arg(QCoreApplication::applicationPid())
        .arg(sample);
}

} // namespace authkit::bench
