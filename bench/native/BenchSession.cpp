#include "BenchSession.h"

#include "HttpClient.h"
#include "SignInDriver.h"

#include <authkitqt/core/ConfigLoader.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>

namespace authkit::bench {

std::optional<AuthKitConfig> benchConfig(const QString &profile, const QString &clientId,
                                         const QUrl &apiBaseUrl, QString *error)
{
    ConfigSources sources;
    sources.profile = profile;
    sources.clientId = clientId;
    sources.apiBaseUrl = apiBaseUrl.toString();
    sources.environment = QProcessEnvironment();
    sources.configFile =
        QDir::temp().filePath(QStringLiteral("authkitqt-bench-no-such-profiles.ini"));
    return ConfigLoader::load(sources, error);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

std::optional<AuthResponse> signInWithPassword(AuthKitApi &api, const QUrl &emulatorUrl,
                                               const QString &email, QString *error)
{
    testsupport::HttpClient http;
    testsupport::SignInDriver driver(http, emulatorUrl, api.config().clientId);
    driver.setRedirectUri(api.config().redirectUri.toString());
    const QString code = driver.signInWithPassword(email);
    if (code.isEmpty()) {
        *error = QStringLiteral("the hosted sign-in as %1 gave no code").arg(email);
        return std::nullopt;
    }
    std::optional<AuthResult> result;
    api.authenticateWithCode(code, driver.pkce().verifier,
                             [&result](const AuthResult &r) { result = r; });
    if (!waitUntil([&] { return result.has_value(); }) || !result->ok()) {
        *error = result ? result->error.message() : QStringLiteral("the code exchange timed out");
        return std::nullopt;
    }
    return result->response;
}

BenchSession::BenchSession(const AuthKitConfig &config)
    : m_api(config, &m_network)
    , m_jwks(&m_api, m_clock)
    , m_store(&m_secrets, config.storageKey())
    , m_tokens(&m_api, &m_jwks, &m_store, m_clock)
{
}

BenchSession::~BenchSession() = default;

bool BenchSession::signIn(const QUrl &emulatorUrl, const QString &email, QString *error)
{
    AuthKitConfig direct = m_api.config();
    direct.apiBaseUrl = emulatorUrl;
    AuthKitApi signInApi(direct, &m_network);
    const auto response = signInWithPassword(signInApi, emulatorUrl, email, error);
    if (!response)
        return false;
    std::optional<TokenResult> adopted;
    m_tokens.adopt(*response, [&adopted](const TokenResult &r) { adopted = r; });
    if (!waitUntil([&] { return adopted.has_value(); }) || !adopted->ok()) {
        *error =
            adopted ? adopted->error.message() : QStringLiteral("adopting the session timed out");
        return false;
    }
    return true;
}

} // namespace authkit::bench
