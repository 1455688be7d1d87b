#include <authkitqt/emulator/AuthKitEmulator.h>

#include "ControlApi_p.h"
#include "ConvexAuthConfig_p.h"
#include "ConvexDatabase_p.h"
#include "ConvexDeploymentServer_p.h"
#include "ConvexJwksCache_p.h"
#include "ConvexTokenValidator_p.h"
#include "EmulatorHttpServer_p.h"
#include "EmulatorLog_p.h"
#include "EmulatorState_p.h"
#include "EnvironmentApi_p.h"
#include "EventsApi_p.h"
#include "HostedLoginPages_p.h"
#include "UserManagementApi_p.h"
#include "UsersApi_p.h"
#include "WebhookDispatcher_p.h"
#include "WorkOsSignature_p.h"

#include <authkitqt/core/ConvexProjectFiles.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSaveFile>

// Q_INIT_RESOURCE must name the resource from the global namespace.
static void initEmulatorResources()
{
    Q_INIT_RESOURCE(emulator_resources);
}

namespace authkit::emulator {

// The endpoint objects live as long as the server's routes that call them.
struct Endpoints
{
    explicit Endpoints(EmulatorState &state)
        : userManagement(state)
        , hosted(state)
        , control(state)
        , events(state)
        , environment(state)
        , users(state)
    {
    }
    UserManagementApi userManagement;
    HostedLoginPages hosted;
    ControlApi control;
    EventsApi events;
    EnvironmentApi environment;
    UsersApi users;
};

namespace {

void addRoutes(EmulatorHttpServer &server, const std::shared_ptr<Endpoints> &endpoints)
{
    using Request = const HttpRequest &;
    using Captures = const QStringList &;
    auto *api = &endpoints->userManagement;
    auto *hosted = &endpoints->hosted;
    auto *control = &endpoints->control;
    auto *events = &endpoints->events;
    auto *environment = &endpoints->environment;
    auto *users = &endpoints->users;
    const auto keep = endpoints; // captured by every route so the endpoints outlive them
    const QString id = QStringLiteral("([A-Za-z0-9_]+)");

    server.addRoute("GET", QStringLiteral("/user_management/authorize"),
                    QStringLiteral("authorize"),
                    [api, keep](Request r, Captures) { return api->authorize(r); });
    server.addRoute("POST", QStringLiteral("/user_management/authenticate"),
                    QStringLiteral("authenticate"),
                    [api, keep](Request r, Captures) { return api->authenticate(r); });
    server.addRoute("GET", QStringLiteral("/sso/jwks/") + id, QStringLiteral("jwks"),
                    [api, keep](Request r, Captures c) { return api->jwks(r, c.value(0)); });
    server.addRoute("GET", QStringLiteral("/events"), QStringLiteral("events"),
                    [events, keep](Request r, Captures) { return events->list(r); });
    // Server-side user management with an API key: user.updated / user.deleted events.
    server.addRoute("PUT", QStringLiteral("/user_management/users/") + id, QString(),
                    [users, keep](Request r, Captures c) { return users->update(r, c.value(0)); });
    server.addRoute("DELETE", QStringLiteral("/user_management/users/") + id, QString(),
                    [users, keep](Request r, Captures c) { return users->remove(r, c.value(0)); });
    // Environment configuration with an API key, as Convex's CLI provisions a project.
    server.addRoute(
        "POST", QStringLiteral("/user_management/redirect_uris"), QString(),
        [environment, keep](Request r, Captures) { return environment->addRedirectUri(r); });
    server.addRoute(
        "POST", QStringLiteral("/user_management/cors_origins"), QString(),
        [environment, keep](Request r, Captures) { return environment->addCorsOrigin(r); });
    server.addRoute(
        "PUT", QStringLiteral("/user_management/app_homepage_url"), QString(),
        [environment, keep](Request r, Captures) { return environment->setAppHomepageUrl(r); });
    server.addRoute("GET", QStringLiteral("/user_management/sessions/logout"),
                    QStringLiteral("logout"),
                    [api, keep](Request r, Captures) { return api->logout(r); });

    const QString pages = QStringLiteral("hosted");
    auto page = [&](const QByteArray &method, const QString &path,
                    HttpResponse (HostedLoginPages::*handler)(const HttpRequest &,
                                                              LoginAttempt &)) {
        server.addRoute(method, path, pages, [hosted, handler, keep](Request r, Captures) {
            return hosted->forAttempt(r, [&](LoginAttempt &a) { return (hosted->*handler)(r, a); });
        });
    };
    page("GET", QStringLiteral("/authkit/sign-in"), &HostedLoginPages::signInPage);
    page("POST", QStringLiteral("/authkit/sign-in"), &HostedLoginPages::signIn);
    page("GET", QStringLiteral("/authkit/sign-up"), &HostedLoginPages::signUpPage);
    page("POST", QStringLiteral("/authkit/sign-up"), &HostedLoginPages::signUp);
    page("POST", QStringLiteral("/authkit/email-code"), &HostedLoginPages::sendEmailCode);
    page("GET", QStringLiteral("/authkit/email-code"), &HostedLoginPages::emailCodePage);
    page("POST", QStringLiteral("/authkit/email-code/verify"), &HostedLoginPages::verifyEmailCode);
    page("GET", QStringLiteral("/authkit/mfa"), &HostedLoginPages::mfaPage);
    page("POST", QStringLiteral("/authkit/mfa"), &HostedLoginPages::verifyMfa);
    page("GET", QStringLiteral("/authkit/organizations"), &HostedLoginPages::organizationsPage);
    page("POST", QStringLiteral("/authkit/organizations"), &HostedLoginPages::chooseOrganization);
    server.addRoute("GET", QStringLiteral("/authkit/oauth/([a-z]+)"), pages,
                    [hosted, keep](Request r, Captures c) {
                        return hosted->forAttempt(r, [&](LoginAttempt &a) {
                            return hosted->providerPage(r, a, c.value(0));
                        });
                    });
    server.addRoute("POST", QStringLiteral("/authkit/oauth/([a-z]+)"), pages,
                    [hosted, keep](Request r, Captures c) {
                        return hosted->forAttempt(r, [&](LoginAttempt &a) {
                            return hosted->providerDecision(r, a, c.value(0));
                        });
                    });
    server.addRoute("GET", QStringLiteral("/authkit/signed-out"), pages,
                    [hosted, keep](Request r, Captures) { return hosted->signedOutPage(r); });
    server.addRoute("GET", QStringLiteral("/authkit/static/style.css"), pages,
                    [hosted, keep](Request r, Captures) { return hosted->stylesheet(r); });

    auto knob = [&](const QByteArray &method, const QString &path,
                    HttpResponse (ControlApi::*handler)(const HttpRequest &)) {
        server.addRoute(method, path, QString(), [control, handler, keep](Request r, Captures) {
            return (control->*handler)(r);
        });
    };
    knob("GET", QStringLiteral("/_emulator/health"), &ControlApi::health);
    knob("POST", QStringLiteral("/_emulator/faults"), &ControlApi::addFault);
    knob("GET", QStringLiteral("/_emulator/faults"), &ControlApi::listFaults);
    knob("DELETE", QStringLiteral("/_emulator/faults"), &ControlApi::clearFaults);
    knob("GET", QStringLiteral("/_emulator/sessions"), &ControlApi::listSessions);
    knob("POST", QStringLiteral("/_emulator/keys/rotate"), &ControlApi::rotateKey);
    knob("POST", QStringLiteral("/_emulator/clock"), &ControlApi::moveClock);
    knob("GET", QStringLiteral("/_emulator/inbox"), &ControlApi::inboxPage);
    knob("GET", QStringLiteral("/_emulator/inbox.json"), &ControlApi::inboxJson);
    knob("GET", QStringLiteral("/_emulator/stats"), &ControlApi::stats);
    knob("POST", QStringLiteral("/_emulator/webhooks"), &ControlApi::addWebhook);
    knob("GET", QStringLiteral("/_emulator/webhooks"), &ControlApi::listWebhooks);
    knob("GET", QStringLiteral("/_emulator/requests"), &ControlApi::requests);
    server.addRoute(
        "POST", QStringLiteral("/_emulator/sessions/") + id + QStringLiteral("/revoke"), QString(),
        [control, keep](Request r, Captures c) { return control->revokeSession(r, c.value(0)); });
}

// The seed (built in, or --seed) with the --client-id extras.
std::optional<Directory> readDirectory(const EmulatorOptions &options, QString *error)
{
    std::optional<Directory> directory;
    if (options.seedFile.isEmpty()) {
        directory = Directory::builtIn();
    } else {
        QFile file(options.seedFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the seed %1: %2")
                         .arg(options.seedFile, file.errorString());
            return std::nullopt;
        }
        directory = Directory::fromJson(file.read(16 * 1024 * 1024), error);
        if (!directory)
            return std::nullopt;
    }
    for (const QString &clientId : std::as_const(options.extraClientIds)) {
        if (!Directory::isValidClientId(clientId)) {
            *error = QStringLiteral("\"%1\" is not a WorkOS client ID (client_ and 26 characters "
                                    "of Crockford base32)")
                         .arg(clientId);
            return std::nullopt;
        }
        directory->addClient(clientId);
    }
    return directory;
}

// The emulator is a development environment: convex.json's "dev" section is the one that applies.
const QString kProjectDeployment = QStringLiteral("dev");

// --project DIR, read whole by lib/core (the reader of authkit-desktop and authkit-cli too)
// before anything applies: its client IDs join the directory now, its environment settings
// apply over the saved state (AuthKitEmulator::start).
std::optional<ConvexProjectFiles> readProject(const QString &dir, Directory &directory,
                                              QString *error)
{
    std::optional<ConvexProjectFiles> project = ConvexProjectFiles::read(
        dir, kProjectDeployment, QProcessEnvironment::systemEnvironment(), error);
    if (!project)
        return std::nullopt;
    for (const QString &warning : std::as_const(project->section.warnings))
        qCWarning(lcEmulator).noquote() << warning;
    for (const QString &clientId : std::as_const(project->clientIds)) {
        if (!Directory::isValidClientId(clientId)) {
            *error = QStringLiteral("--project: \"%1\" in %2 is not a WorkOS client ID (client_ "
                                    "and 26 characters of Crockford base32)")
                         .arg(clientId, QFileInfo(project->dotEnvFile).fileName());
            return std::nullopt;
        }
        if (!directory.client(clientId))
            directory.addClient(clientId);
    }
    return project;
}

bool checkOptions(const EmulatorOptions &options, const QStringList &corsOrigins, QString *error)
{
    for (const QString &origin : corsOrigins) {
        if (!CorsPolicy::normalizedOrigin(origin)) {
            *error = QStringLiteral("\"%1\" is not a web origin (scheme://host[:port], http or "
                                    "https, no path)")
                         .arg(origin);
            return false;
        }
    }
    if (options.tokenTtlSeconds < 1 || options.tokenTtlSeconds > 86400) {
        *error = QStringLiteral("the token lifetime must be between 1 and 86400 seconds");
        return false;
    }
    if (options.maxBodyBytes < 1024 || options.headerTimeoutMs < 1 || options.idleTimeoutMs < 1
        || options.maxConnections < 1 || options.maxLoginAttempts < 1
        || options.maxAuthorizationCodes < 1 || options.maxRefreshTokens < 1
        || options.maxInboxMessages < 1 || options.maxRedirectUris < 1
        || options.maxCorsOrigins < 1) {
        *error = QStringLiteral("the limits must be positive (and the body limit at least 1024 "
                                "bytes)");
        return false;
    }
    if (options.maxEvents < 1 || options.webhookRetryDelayMs < 1) {
        *error = QStringLiteral("the event cap and the webhook retry delay must be positive");
        return false;
    }
    if (!options.webhookUrls.isEmpty() && options.webhookSecret.isEmpty()) {
        *error = QStringLiteral("--webhook-url needs --webhook-secret to sign the deliveries");
        return false;
    }
    return true;
}

// Where the state is kept (only with --data-dir; else in memory) and the signing key (there too,
// unless --signing-key names its own file; empty: a fresh key).
struct DataFiles
{
    QString signingKey;
    QString state;
};

std::optional<DataFiles> prepareDataDir(const EmulatorOptions &options, QString *error)
{
    DataFiles files{options.signingKeyFile, QString()};
    if (options.dataDir.isEmpty())
        return files;
    QDir dir(options.dataDir);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create the data folder %1").arg(options.dataDir);
        return std::nullopt;
    }
    QFile::setPermissions(dir.absolutePath(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (files.signingKey.isEmpty())
        files.signingKey = dir.filePath(QStringLiteral("signing-key.pem"));
    files.state = dir.filePath(QStringLiteral("authkit-state.json"));
    return files;
}

// The sessions and the environment settings of the last run, from authkit-state.json if any.
bool restoreState(EmulatorState &state, const QString &stateFile, QString *error)
{
    if (!QFile::exists(stateFile))
        return true;
    QFile file(stateFile);
    const QJsonDocument saved = file.open(QIODevice::ReadOnly)
                                    ? QJsonDocument::fromJson(file.read(64 * 1024 * 1024))
                                    : QJsonDocument();
    if (!saved.isObject()) {
        *error = QStringLiteral("%1 is not an emulator state file; move it away to start afresh")
                     .arg(stateFile);
        return false;
    }
    state.sessions().restore(saved.object().value(QStringLiteral("sessions")).toObject());
    state.environment().restore(saved.object().value(QStringLiteral("environment")).toObject());
    return true;
}

// The AuthKit port with its routes and CORS policy, not yet listening.
std::unique_ptr<EmulatorHttpServer> makeServer(EmulatorState &state, const QStringList &corsOrigins,
                                               const HttpPortSettings &http)
{
    auto server = std::make_unique<EmulatorHttpServer>(state.faults(), http.limits, http.timeouts,
                                                       http.maxConnections);
    addRoutes(*server, std::make_shared<Endpoints>(state));
    // The API a browser page calls with fetch; the hosted pages and the control API stay
    // same-origin only.
    const auto applyCors = [server = server.get(), statePtr = &state, corsOrigins] {
        server->setCorsPolicy(CorsPolicy(corsOrigins + statePtr->environment().corsOrigins(),
                                         QStringLiteral("/user_management/.*|/sso/jwks/.*")));
    };
    applyCors();
    // An origin added through the configuration API is allowed from the next request on.
    state.onEnvironmentChanged = applyCors;
    return server;
}

// After each answer, authkit-state.json is written when it changed: atomically, readable by its
// owner only.
void installStateWriter(EmulatorHttpServer &server, EmulatorState &state, const QString &stateFile)
{
    server.setAfterReply([stateFile, registry = &state.sessions(),
                          environment = &state.environment(),
                          last = std::make_shared<QByteArray>()] {
        const QByteArray json =
            QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                      {QStringLiteral("sessions"), registry->toJson()},
                                      {QStringLiteral("environment"), environment->toJson()}})
                .toJson(QJsonDocument::Compact);
        if (json == *last)
            return;
        QSaveFile file(stateFile);
        if (file.open(QIODevice::WriteOnly)) {
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            file.write(json);
            if (file.commit())
                *last = json;
        }
    });
}

} // namespace

AuthKitEmulator::AuthKitEmulator(EmulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

AuthKitEmulator::~AuthKitEmulator()
{
    // The servers' routes refer to the state: the servers go first.
    m_convex.reset();
    m_server.reset();
}

bool AuthKitEmulator::start()
{
    initEmulatorResources();
    if (m_server) {
        m_error = QStringLiteral("the emulator is already running");
        return false;
    }
    std::optional<Directory> directory = readDirectory(m_options, &m_error);
    if (!directory)
        return false;
    std::optional<ConvexProjectFiles> project;
    if (!m_options.projectDir.isEmpty()) {
        project = readProject(m_options.projectDir, *directory, &m_error);
        if (!project)
            return false;
    }
    const QStringList corsOrigins = directory->corsOrigins() + m_options.corsOrigins;
    if (!checkOptions(m_options, corsOrigins, &m_error))
        return false;
    const std::optional<DataFiles> files = prepareDataDir(m_options, &m_error);
    if (!files)
        return false;

    auto state = std::make_unique<EmulatorState>(m_options, std::move(*directory));
    if (!setUpEventsAndKeys(*state, files->signingKey))
        return false;
    // The saved state first, then the project over it: the project is the configuration, so a
    // homepage changed in convex.json wins over last run's, and its redirect URIs and origins
    // keep their saved ids.
    if (!files->state.isEmpty() && !restoreState(*state, files->state, &m_error))
        return false;
    if (project && !applyProject(*project, state->environment()))
        return false;
    state->onOneTimeCode = [this](const QString &email, const QString &code) {
        Q_EMIT oneTimeCodeSent(email, code);
    };

    auto server = makeServer(*state, corsOrigins, httpSettings());
    if (!files->state.isEmpty())
        installStateWriter(*server, *state, files->state);
    const quint16 port = server->listen(QHostAddress::LocalHost, m_options.port);
    if (port == 0) {
        m_error = QStringLiteral("cannot listen on 127.0.0.1:%1 (is the port in use?)")
                      .arg(m_options.port);
        return false;
    }
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port);
    state->setBaseUrl(base);
    auto convex = startConvex(*state, files->state.isEmpty() ? QString() : m_options.dataDir);
    if (!convex)
        return false;
    connectWorkOsComponent(*state, *convex);
    m_state = std::move(state);
    m_server = std::move(server);
    m_convex = std::move(convex);
    return true;
}

bool AuthKitEmulator::setUpEventsAndKeys(EmulatorState &state, const QString &keyFile)
{
    state.events().setCap(m_options.maxEvents);
    state.webhooks().setFirstRetryDelayMs(m_options.webhookRetryDelayMs);
    for (const QString &url : std::as_const(m_options.webhookUrls)) {
        QString why;
        if (!state.webhooks().addEndpoint(QUrl(url, QUrl::StrictMode),
                                          m_options.webhookSecret.toUtf8(), &why)) {
            m_error = QStringLiteral("webhook %1: %2").arg(url, why);
            return false;
        }
    }
    std::unique_ptr<SigningKey> key = keyFile.isEmpty()
                                          ? SigningKey::generate(&m_error)
                                          : SigningKey::loadOrCreate(keyFile, &m_error);
    if (!key)
        return false;
    state.tokens().addKey(std::move(key));
    return true;
}

std::unique_ptr<ConvexDeploymentServer> AuthKitEmulator::startConvex(EmulatorState &state,
                                                                     const QString &dataDir)
{
    std::optional<ConvexAuthConfig> config;
    if (m_options.convexAuthConfigFile.isEmpty()) {
        QStringList clients;
        for (const ClientApp &client : state.directory().clients())
            clients.append(client.id);
        config = ConvexAuthConfig::authKitDefaults(clients, state.baseUrl().toString()
                                                                + QStringLiteral("/sso/jwks/"));
    } else {
        QFile file(m_options.convexAuthConfigFile);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("cannot read the Convex auth config %1: %2")
                          .arg(m_options.convexAuthConfigFile, file.errorString());
            return nullptr;
        }
        config = ConvexAuthConfig::fromJson(file.read(1024 * 1024), &m_error);
        if (!config)
            return nullptr;
    }
    auto database = std::make_unique<ConvexDatabase>();
    const QString databaseFile = dataDir.isEmpty() || m_options.convexInMemory
                                     ? QString()
                                     : QDir(dataDir).filePath(QStringLiteral("convex.sqlite3"));
    if (!database->open(databaseFile, &m_error))
        return nullptr;

    // As the backend, the deployment fetches each provider's JWKS over HTTP (our own port's
    // /sso/jwks/<client> by default), so it can as well trust another issuer's keys.
    auto keySets = std::make_shared<ConvexJwksCache>();
    auto resolver = [keySets](const QString &url, QString *error) {
        return keySets->cached(url, error);
    };
    auto prefetch = [keySets](const QString &url, const QString &kid, std::function<void()> done) {
        keySets->ensure(url, kid, std::move(done));
    };
    EmulatorState *statePtr = &state;
    auto convex = std::make_unique<ConvexDeploymentServer>(
        std::move(database), ConvexTokenValidator(std::move(*config), resolver, prefetch),
        [statePtr] { return statePtr->clock().nowSecs(); }, state.faults(), httpSettings());
    convex->setHeartbeatMs(qMax(10, m_options.convexHeartbeatMs));
    const quint16 port = convex->listen(QHostAddress::LocalHost, m_options.convexPort);
    if (port == 0) {
        m_error = QStringLiteral("cannot listen on 127.0.0.1:%1 for the Convex deployment (is the "
                                 "port in use?)")
                      .arg(m_options.convexPort);
        return nullptr;
    }
    m_convexUrl.setScheme(QStringLiteral("http"));
    m_convexUrl.setHost(QStringLiteral("127.0.0.1"));
    m_convexUrl.setPort(port);
    return convex;
}

void AuthKitEmulator::connectWorkOsComponent(EmulatorState &state, ConvexDeploymentServer &convex)
{
    // The WorkOS component step of the seed (lib/emulator/README.md, "Convex deployment"): the
    // deployment is a webhook endpoint of the emulator's own environment, with a secret made
    // now. Deliveries go in process, signed and verified as over HTTP, so they are in the
    // users table before the action that caused them answers and never show among the
    // configured endpoints' deliveries.
    QByteArray secret = m_options.convexWorkOsWebhookSecret.toUtf8();
    if (secret.isEmpty()) {
        QByteArray random(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(random.begin(), random.end());
        secret = random.toHex();
    }
    convex.setWorkOsWebhookSecret(secret);
    // The seeded people have names from the start, as after a backfill of the component.
    for (const User &user : state.directory().users())
        convex.database().upsertWorkOsUser(Directory::userJson(user));
    convex.database().commit();
    QPointer<ConvexDeploymentServer> deployment(&convex);
    state.events().onRecorded = [deployment, secret,
                                 deliver = std::move(state.events().onRecorded)](
                                    const WorkOsEvent &event) {
        if (deliver)
            deliver(event);
        if (!deployment)
            return;
        const QByteArray body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
        QString why;
        const QByteArray signature =
            workos::signatureHeader(body, secret, QDateTime::currentMSecsSinceEpoch());
        if (deployment->acceptWorkOsWebhook(body, signature, &why) != 200)
            qCWarning(lcEmulator).noquote()
                << "the Convex deployment refused" << event.event << why;
    };
}

bool AuthKitEmulator::applyProject(const ConvexProjectFiles &project,
                                   EnvironmentSettings &environment)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString why;
    for (const QString &uri : project.redirectUris) {
        EnvironmentSettings::RedirectUri record;
        const auto added = environment.addRedirectUri(uri, now, &record, &why);
        if (added == EnvironmentSettings::Added::Invalid
            || added == EnvironmentSettings::Added::Full) {
            m_error = QStringLiteral("--project: redirect URI \"%1\": %2").arg(uri, why);
            return false;
        }
    }
    for (const QString &origin : project.section.corsOrigins) {
        EnvironmentSettings::CorsOrigin record;
        const auto added = environment.addCorsOrigin(origin, now, &record, &why);
        if (added == EnvironmentSettings::Added::Invalid
            || added == EnvironmentSettings::Added::Full) {
            m_error = QStringLiteral("--project: CORS origin \"%1\": %2").arg(origin, why);
            return false;
        }
    }
    // The same homepage again keeps its updated_at.
    if (!project.section.appHomepageUrl.isEmpty()
        && project.section.appHomepageUrl != environment.appHomepageUrl()
        && !environment.setAppHomepageUrl(project.section.appHomepageUrl, now, &why)) {
        m_error = QStringLiteral("--project: appHomepageUrl \"%1\": %2")
                      .arg(project.section.appHomepageUrl, why);
        return false;
    }
    return true;
}

HttpPortSettings AuthKitEmulator::httpSettings() const
{
    HttpPortSettings http;
    http.limits.maxBodyBytes = m_options.maxBodyBytes;
    http.timeouts = HttpConnection::Timeouts{m_options.headerTimeoutMs, m_options.idleTimeoutMs};
    http.maxConnections = m_options.maxConnections;
    return http;
}

QString AuthKitEmulator::errorString() const
{
    return m_error;
}

quint16 AuthKitEmulator::port() const
{
    return m_state ? static_cast<quint16>(m_state->baseUrl().port()) : 0;
}

QUrl AuthKitEmulator::baseUrl() const
{
    return m_state ? m_state->baseUrl() : QUrl();
}

QUrl AuthKitEmulator::convexUrl() const
{
    return m_convex ? m_convexUrl : QUrl();
}

QStringList AuthKitEmulator::clientIds() const
{
    QStringList ids;
    if (m_state) {
        for (const ClientApp &client : m_state->directory().clients())
            ids.append(client.id);
    }
    return ids;
}

QString AuthKitEmulator::issuerFor(const QString &clientId) const
{
    return m_state ? m_state->issuerFor(clientId) : QString();
}

} // namespace authkit::emulator
