// cli_token_loop: `authkit-cli token` run 100 times as a script would, per-call wall time.
//   cached            the keychain entry holds a valid access token: no request at all
//   refresh_each_time before each call (outside the timing) the access token is taken out of
//                     the keychain entry, as when it has run out, so each call refreshes:
//                     one authenticate request, the JWKS, verification, the keychain write.
// The session is made by `authkit-cli login --no-browser`, with this program as the browser on
// the emulator's hosted password page, and ended with `authkit-cli logout`.

#include "BenchResults.h"
#include "BenchSession.h"
#include "HttpClient.h"
#include "SignInDriver.h"

#include <authkitqt/core/SessionStore.h>
#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

using namespace authkit;
using namespace authkit::bench;

namespace {

constexpr int kCalls = 100;
const QString kProfile = QStringLiteral("bench");

class Cli
{
public:
    Cli(QString program, QStringList common)
        : m_program(std::move(program))
        , m_common(std::move(common))
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.remove(QStringLiteral("QT_LOGGING_RULES"));
    }

    void start(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(m_env);
        process.start(m_program, m_common + arguments);
    }

    // Runs to the end; exit code, and stdout in *out.
    int run(const QStringList &arguments, QByteArray *out = nullptr) const
    {
        QProcess process;
        start(process, arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        if (out)
            *out = process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private:
    QString m_program;
    QStringList m_common;
    QProcessEnvironment m_env;
};

// `login --no-browser` prints the authorize URL; play the browser on the hosted pages until the
// redirect reaches the CLI's loopback listener.
bool login(const Cli &cli, const BenchEnvironment &env, QString *error)
{
    QProcess process;
    cli.start(process, {QStringLiteral("login"), QStringLiteral("--no-browser"),
                        QStringLiteral("--login-hint"), QStringLiteral("ada@example.com")});
    if (!waitUntil([&] { return process.canReadLine() || process.state() == QProcess::NotRunning; })
        || !process.canReadLine()) {
        *error = QStringLiteral("login printed no URL: ")
                 + QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    const QUrl authorize(QString::fromUtf8(process.readLine()).trimmed());
    testsupport::HttpClient http;
    testsupport::SignInDriver driver(http, env.baseUrl, env.clientId);
    testsupport::HttpResult result = http.get(authorize);
    for (int step = 0; step < 5 && result.status == 302; ++step) {
        const QUrl location = env.baseUrl.resolved(result.location());
        if (location.port() != env.baseUrl.port()) { // the CLI's loopback listener
            http.get(location);
            break;
        }
        const testsupport::HttpResult page = http.get(location);
        result = page.status == 200 ? driver.submitPassword(
                     testsupport::SignInDriver::attemptOf(page), QStringLiteral("ada@example.com"))
                                    : page;
    }
    if (!waitUntil([&] { return process.state() == QProcess::NotRunning; }, 60000)
        || process.exitCode() != 0) {
        *error =
            QStringLiteral("login failed: ") + QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    return true;
}

// Takes the access token out of the CLI's keychain entry (the refresh token stays).
bool dropStoredAccessToken(SessionStore &store, QString *error)
{
    std::optional<StoredSession> stored;
    bool loaded = false;
    store.load(
        [&](SecretStore::Status status, std::optional<StoredSession> session, const QString &why) {
            if (status == SecretStore::Status::Ok)
                stored = std::move(session);
            else
                *error = why;
            loaded = true;
        });
    if (!waitUntil([&] { return loaded; }) || !stored)
        return false;
    stored->accessToken.clear();
    stored->accessTokenLifetimeSecs = 0;
    stored->accessTokenExpiresAtSecs = 0;
    std::optional<SecretStore::Status> saved;
    store.save(*stored, [&](SecretStore::Status status, const QString &why) {
        saved = status;
        if (status != SecretStore::Status::Ok)
            *error = why;
    });
    return waitUntil([&] { return saved.has_value(); }) && *saved == SecretStore::Status::Ok;
}

bool tokenLoop(const Cli &cli, const std::function<bool()> &beforeEach, QList<double> *samplesMs,
               QString *error)
{
    for (int i = 0; i < kCalls; ++i) {
        if (beforeEach && !beforeEach())
            return false;
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        const int exitCode = cli.run({QStringLiteral("token")}, &out);
        const qint64 ns = timer.nsecsElapsed();
        if (exitCode != 0 || out.trimmed().isEmpty()) {
            *error = QStringLiteral("token call %1 exited with %2").arg(i).arg(exitCode);
            return false;
        }
        samplesMs->append(qRound64(ns / 1000.0) / 1000.0);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto env = benchEnvironmentOrExplain("cli_token_loop");
    if (!env)
        return 2;
    const QString program = env->buildDir + QStringLiteral("/app/cli/authkit-cli");
    if (!QFileInfo(program).isExecutable()) {
        std::fprintf(stderr, "cli_token_loop: no %s (build the authkit-cli target)\n",
                     qPrintable(program));
        return 1;
    }
    QString error;
    const auto config = benchConfig(kProfile, env->clientId, env->baseUrl, &error);
    if (!config) {
        std::fprintf(stderr, "cli_token_loop: no configuration: %s\n", qPrintable(error));
        return 1;
    }
    const Cli cli(program,
                  {QStringLiteral("--profile"), kProfile, QStringLiteral("--client-id"),
                   env->clientId, QStringLiteral("--api-base-url"), env->baseUrl.toString()});
    if (!login(cli, *env, &error)) {
        std::fprintf(stderr, "cli_token_loop: %s\n", qPrintable(error));
        return 1;
    }

    // The entry the CLI uses: same service, same key (profile and client ID).
    KeychainSecretStore keychain(QStringLiteral("AuthKitQt"));
    SessionStore store(&keychain, config->storageKey());
    QList<double> cachedMs;
    QList<double> refreshMs;
    const bool ok =
        tokenLoop(cli, {}, &cachedMs, &error)
        && tokenLoop(
            cli, [&] { return dropStoredAccessToken(store, &error); }, &refreshMs, &error);
    cli.run({QStringLiteral("logout")});
    if (!ok) {
        std::fprintf(stderr, "cli_token_loop: %s\n", qPrintable(error));
        return 1;
    }
    recordResult(
        *env, QStringLiteral("cli_token_loop"), QStringLiteral("cached"), QStringLiteral("ms"),
        cachedMs,
        QStringLiteral("authkit-cli token, valid access token in the keychain, no request"));
    recordResult(*env, QStringLiteral("cli_token_loop"), QStringLiteral("refresh_each_time"),
                 QStringLiteral("ms"), refreshMs,
                 QStringLiteral("authkit-cli token after the access token was taken out of the "
                                "keychain entry: one refresh per call"));
    return 0;
}
