// authkit-emulator: a local WorkOS AuthKit for development and tests, on 127.0.0.1 only.

#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using authkit::emulator::AuthKitEmulator;
using authkit::emulator::EmulatorOptions;

namespace {

bool parseOptions(const QCoreApplication &app, EmulatorOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "A local WorkOS AuthKit: hosted sign-in pages, /user_management/authorize and "
        "/authenticate, the JWKS and logout, with seeded users and a control API for tests. "
        "The hosted pages speak the browser's language (Accept-Language: English, German, "
        "French, Spanish, Japanese).\n"
        "It also serves a Convex deployment (sync protocol at /api/sync, HTTP API at /api/query, "
        "/api/mutation, /api/action; demo functions users:store, users:viewer, messages:list, "
        "messages:send, demo:echo) that accepts its tokens, and takes WorkOS webhooks at "
        "POST /workos/webhook (the WorkOS component step: user.created/updated/deleted keep its "
        "users table in sync; the emulator's own events reach it by themselves).\n"
        "It listens on 127.0.0.1 only. Its first two lines on stdout are\n"
        "  authkit-emulator listening on http://127.0.0.1:<port>\n"
        "  convex deployment on http://127.0.0.1:<port>\n"
        "then one line for programs: authkit-emulator ready "
        "{\"baseUrl\",\"convexUrl\",\"issuers\"}.\n"
        "Seeded users (password \"password\"): ada@example.com, grace@example.com, "
        "alan@example.com (TOTP), katherine@example.com (impersonated)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QCoreApplication::translate("main", "Port to listen on; 0 picks a free one (default 0)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("main", "Seed file (JSON: clients, organizations, users, invitations, cors_origins). Default: the built-in seed."),
                                  QStringLiteral("file"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      QCoreApplication::translate("main", "Add a client ID (repeatable), with the default redirect URIs."),
                                      QStringLiteral("id"));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    QCoreApplication::translate("main", "The iss of every token. Default: https://api.workos.com/user_management/<client_id>."),
                                    QStringLiteral("url"));
    const QCommandLineOption ttl(QStringLiteral("token-ttl"),
                                 QCoreApplication::translate("main", "Access token lifetime in seconds (default 300)."),
                                 QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption key(QStringLiteral("signing-key"),
                                 QCoreApplication::translate("main", "PEM file of the RSA signing key; created there if missing, so tokens survive a restart."),
                                 QStringLiteral("file"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Keep the signing key and the sessions in this folder, so a restart keeps everyone signed in."),
                                     QStringLiteral("dir"));
    const QCommandLineOption autoApprove(QStringLiteral("auto-approve"),
                                         QCoreApplication::translate("main", "Sign the login_hint user (else the first seeded user) in at once, with no page."));
    const QCommandLineOption corsOrigin(QStringLiteral("cors-origin"),
                                        QCoreApplication::translate("main", "Allow this browser origin (scheme://host[:port], e.g. http://127.0.0.1:5173) to call the API (/user_management/*, /sso/jwks/*) across origins, as WorkOS's CORS setting does (repeatable; also the seed's \"cors_origins\"). Its preflights get 204 and its responses Access-Control-Allow-Origin; other origins get no CORS headers and a 403 preflight. Default: none."),
                                        QStringLiteral("origin"));
    const QCommandLineOption convexPort(QStringLiteral("convex-port"),
                                        QCoreApplication::translate("main", "Port of the Convex deployment; 0 picks a free one (default 0)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption convexAuth(QStringLiteral("convex-auth-config"),
                                        QCoreApplication::translate("main", "JSON file of Convex auth providers, as convex/auth.config.ts exports them ({\"providers\":[{\"type\":\"customJwt\",...}]}). Default: the two AuthKit providers per client ID, on this emulator's JWKS."),
                                        QStringLiteral("file"));
    const QCommandLineOption memory(QStringLiteral("memory"),
                                    QCoreApplication::translate("main", "Keep the Convex tables in memory, even with --data-dir."));
    const QCommandLineOption headerTimeout(QStringLiteral("header-timeout-ms"),
                                           QCoreApplication::translate("main", "A request's line and headers, then its body, must arrive within this many milliseconds, else 408 (default 10000)."),
                                           QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout-ms"),
                                         QCoreApplication::translate("main", "A kept-alive connection with no request is closed after this many milliseconds (default 30000)."),
                                         QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption apiKey(
        QStringLiteral("api-key"),
        QCoreApplication::translate(
            "main",
            "A secret API key (repeatable) that the server-side API accepts as a Bearer token: the "
            "Events API (GET /events), users (PUT/DELETE /user_management/users/<id>) and the "
            "environment configuration (POST /user_management/redirect_uris, POST "
            "/user_management/cors_origins, PUT /user_management/app_homepage_url); also "
            "$AUTHKIT_EMULATOR_API_KEY. Without one they answer 401."),
        QStringLiteral("key"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        QCoreApplication::translate("main", "Deliver every event to this URL as a signed WorkOS webhook (repeatable; also POST /_emulator/webhooks {url, secret})."),
                                        QStringLiteral("url"));
    const QCommandLineOption webhookSecret(QStringLiteral("webhook-secret"),
                                           QCoreApplication::translate("main", "The secret the webhooks are signed with (WorkOS-Signature, HMAC-SHA256); also $AUTHKIT_EMULATOR_WEBHOOK_SECRET."),
                                           QStringLiteral("secret"));
    const QCommandLineOption project(
        QStringLiteral("project"),
        QCoreApplication::translate(
            "main",
            "A Convex web project folder: its .env.local adds the client ID (WORKOS_CLIENT_ID, "
            "VITE_/NEXT_PUBLIC_WORKOS_CLIENT_ID) and redirect URI (*_WORKOS_REDIRECT_URI), and its "
            "convex.json AuthKit section (authKit.dev.configure: redirectUris, corsOrigins, "
            "appHomepageUrl) configures the environment, as Convex's CLI does against WorkOS. A "
            "malformed file stops the start with its line and column."),
        QStringLiteral("dir"));
    parser.addOptions({port, seed, clientId, issuer, ttl, key, dataDir, autoApprove, corsOrigin,
                       convexPort, convexAuth, memory, headerTimeout, idleTimeout, apiKey,
                       webhookUrl, webhookSecret, project});
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        *error = QCoreApplication::translate("main", "unexpected argument \"%1\" (see --help)")
                     .arg(parser.positionalArguments().first());
        return false;
    }
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        *error = QCoreApplication::translate("main", "--port takes a number from 0 to 65535");
        return false;
    }
    options->port = static_cast<quint16>(portValue);
    const uint convexPortValue = parser.value(convexPort).toUInt(&ok);
    if (!ok || convexPortValue > 65535) {
        *error = QCoreApplication::translate("main", "--convex-port takes a number from 0 to 65535");
        return false;
    }
    options->convexPort = static_cast<quint16>(convexPortValue);
    options->convexAuthConfigFile = parser.value(convexAuth);
    options->convexInMemory = parser.isSet(memory);
    options->tokenTtlSeconds = parser.value(ttl).toInt(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("main", "--token-ttl takes a number of seconds");
        return false;
    }
    options->headerTimeoutMs = parser.value(headerTimeout).toInt(&ok);
    if (!ok || options->headerTimeoutMs < 1) {
        *error = QCoreApplication::translate("main", "--header-timeout-ms takes a positive number");
        return false;
    }
    options->idleTimeoutMs = parser.value(idleTimeout).toInt(&ok);
    if (!ok || options->idleTimeoutMs < 1) {
        *error = QCoreApplication::translate("main", "--idle-timeout-ms takes a positive number");
        return false;
    }
    options->seedFile = parser.value(seed);
    options->extraClientIds = parser.values(clientId);
    options->issuer = parser.value(issuer);
    if (!options->issuer.isEmpty()) {
        const QUrl url(options->issuer, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
            *error = QCoreApplication::translate("main", "--issuer must be an absolute URL");
            return false;
        }
    }
    options->signingKeyFile = parser.value(key);
    options->autoApprove = parser.isSet(autoApprove);
    options->corsOrigins = parser.values(corsOrigin);
    options->dataDir = parser.value(dataDir);
    options->projectDir = parser.value(project);
    // Secrets may come from the environment, so that they are not in the process list.
    options->apiKeys = parser.values(apiKey);
    if (options->apiKeys.isEmpty() && qEnvironmentVariableIsSet("AUTHKIT_EMULATOR_API_KEY"))
        options->apiKeys.append(qEnvironmentVariable("AUTHKIT_EMULATOR_API_KEY"));
    options->webhookUrls = parser.values(webhookUrl);
    options->webhookSecret = parser.isSet(webhookSecret)
                                 ? parser.value(webhookSecret)
                                 : qEnvironmentVariable("AUTHKIT_EMULATOR_WEBHOOK_SECRET");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authkit-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHKITQT_VERSION));
    qSetMessagePattern(QStringLiteral("authkit-emulator: %{message}"));

    EmulatorOptions options;
    QString error;
    if (!parseOptions(app, &options, &error)) {
        QTextStream(stderr) << "authkit-emulator: " << error << '\n';
        return 2;
    }
    AuthKitEmulator emulator(options);
    if (!emulator.start()) {
        QTextStream(stderr) << "authkit-emulator: " << emulator.errorString() << '\n';
        return 1;
    }
    // The first two stdout lines are the contract scripts wait for; flushed at once.
    std::printf("authkit-emulator listening on http://127.0.0.1:%u\n", emulator.port());
    std::printf("convex deployment on http://127.0.0.1:%d\n", emulator.convexUrl().port());
    // A third line for programs (authkit-desktop's local profile): the same URLs and each
    // client's issuer, as one JSON object.
    QJsonObject issuers;
    for (const QString &clientId : emulator.clientIds())
        issuers.insert(clientId, emulator.issuerFor(clientId));
    const QJsonObject ready{{QStringLiteral("baseUrl"), emulator.baseUrl().toString()},
                            {QStringLiteral("convexUrl"), emulator.convexUrl().toString()},
                            {QStringLiteral("issuers"), issuers}};
    std::printf("authkit-emulator ready %s\n",
                QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QTextStream err(stderr);
    err << "authkit-emulator: clients " << emulator.clientIds().join(QStringLiteral(", ")) << '\n'
        << "authkit-emulator: sign in at " << emulator.baseUrl().toString()
        << "/user_management/authorize (see README), dev inbox at "
        << emulator.baseUrl().toString() << "/_emulator/inbox\n";
    err.flush();
    // All state is in memory (a pinned key is already on disk): SIGINT/SIGTERM may end us as is.
    return QCoreApplication::exec();
}
