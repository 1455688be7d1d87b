#include "DesktopApp.h"

#include "DesktopLogging.h"
#include "LocalEmulatorProcess.h"
#include "MainWindow.h"
#include "SchemeHandler.h"
#include "SettingsDialog.h"
#include "StartupTrace.h"
#include "SystemBrowser.h"

#include <authkitqt/convex/AuthKitTokenSource.h>
#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/core/AuthKitClient.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/CustomSchemeUserAgent.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/keychain/KeychainSecretStore.h>
#include <authkitqt/webengine/FallbackUserAgent.h>

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

using namespace authkit;
using authkit::convex::AuthKitTokenSource;
using authkit::convex::ConvexAuthState;
using authkit::convex::ConvexClient;
using authkit::convex::ConvexResult;
using authkit::convex::ConvexValue;

namespace {
const QString kLocal = QStringLiteral("local");
const QString kProduction = QStringLiteral("production");
} // namespace

DesktopApp::DesktopApp(DesktopOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

DesktopApp::~DesktopApp() = default;

QString DesktopApp::profile() const
{
    if (!m_options.sources.profile.isEmpty())
        return m_options.sources.profile;
    return QSettings().value(QLatin1String(SettingsDialog::kProfileKey), kLocal).toString();
}

QString DesktopApp::configFile() const
{
    return m_options.sources.configFile.isEmpty() ? ConfigLoader::defaultConfigFile()
                                                  : m_options.sources.configFile;
}

bool DesktopApp::start()
{
    if (m_session) {
        m_error = tr("Already started.");
        return false;
    }
    if (!loadConfig())
        return false;
    StartupTrace::checkpoint("config loaded");
    buildClient();
    // The keychain read (a D-Bus round trip or two) runs while the window is built. A stored
    // session is restored before anything can open a login window.
    m_session->restore();
    buildWindow();
    StartupTrace::checkpoint("window built");
    logState(); // "state: loading"
    StartupTrace::watchFirstPaint(m_window.get(), "window painted");
    m_window->show();
    StartupTrace::checkpoint("window shown");
    if (m_options.signInAtStart)
        signInOnceSettled();
    return true;
}

void DesktopApp::signInOnceSettled()
{
    // Only when no stored session was restored: --sign-in never replaces a session.
    auto signInIfSignedOut = [this] {
        if (!m_session->state()->isAuthenticated())
            signIn(SignInOptions::Screen::SignIn);
    };
    if (!m_session->state()->isLoading()) {
        QTimer::singleShot(0, this, signInIfSignedOut);
        return;
    }
    connect(m_session, &AuthSession::restored, this, signInIfSignedOut, Qt::SingleShotConnection);
}

bool DesktopApp::loadConfig()
{
    ConfigSources sources = m_options.sources;
    sources.profile = profile();
    // Production's redirect rules take the loopback IP literal and a registered custom scheme
    // (lib/emulator/README.md, "Environments"); with the .desktop file installed the browser can
    // bring the redirect back by our scheme, as WorkOS's Electron SDK does.
    if (sources.profile == kProduction && SchemeHandler::isRegistered())
        sources.defaultRedirectUri = QLatin1String(SchemeHandler::kRedirectUri);
    QString error;
    std::optional<AuthKitConfig> config = ConfigLoader::load(sources, &error);
    // The local profile runs its own emulator, unless --api-base-url names a running one.
    if (config && config->profile == kLocal && m_options.sources.apiBaseUrl.isEmpty()) {
        if (!startEmulator(config->clientId))
            return false;
        sources.apiBaseUrl = m_emulator->baseUrl().toString();
        config = ConfigLoader::load(sources, &error);
    }
    if (!config) {
        m_error = error;
        m_configurationProblem = true;
        return false;
    }
    if (m_emulator) {
        // Our own emulator is trusted by construction; accept its issuer whatever the profile
        // file lists.
        const QString issuer = m_emulator->issuerFor(config->clientId);
        if (!issuer.isEmpty() && !config->acceptedIssuers.contains(issuer))
            config->acceptedIssuers.append(issuer);
    }
    m_config = *config;
    qCInfo(lcDesktop).noquote() << "profile" << m_config.profile << "client" << m_config.clientId
                                << "at" << m_config.apiBaseUrl.toString();
    return true;
}

bool DesktopApp::startEmulator(const QString &clientId)
{
    LocalEmulatorProcess::Options options;
    options.executable = m_options.emulatorExecutable;
    // Its signing key and sessions survive a restart, so a restored session still refreshes.
    options.dataDir = m_options.emulatorDataDir.isEmpty()
                          ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                .filePath(QStringLiteral("emulator"))
                          : m_options.emulatorDataDir;
    options.seedFile = m_options.emulatorSeedFile;
    options.convexAuthConfigFile = m_options.emulatorConvexAuthConfigFile;
    if (clientId != QLatin1String(ConfigLoader::kLocalClientId))
        options.extraClientIds.append(clientId); // a client ID set for the local profile
    m_emulator = std::make_unique<LocalEmulatorProcess>(options);
    if (!m_emulator->start()) {
        m_error = tr("Cannot start the local AuthKit emulator: %1").arg(m_emulator->errorString());
        m_emulator.reset();
        return false;
    }
    qCInfo(lcDesktop).noquote() << "local AuthKit emulator listening on"
                                << m_emulator->baseUrl().toString();
    // Sign-ins and refreshes fail from now on; the window says why rather than leave a mystery.
    connect(m_emulator.get(), &LocalEmulatorProcess::exitedUnexpectedly, this,
            [this](const QString &message) {
                if (m_window)
                    m_window->statusBar()->showMessage(message);
            });
    return true;
}

void DesktopApp::buildClient()
{
    // A keychain service of its own: authkit-cli keeps its sessions under "AuthKitQt", and two
    // holders of one rotating refresh token would end each other's sessions.
    m_client = std::make_unique<AuthKitClient>(
        m_config, std::make_unique<KeychainSecretStore>(QLatin1String(kKeychainService)));
    m_session = m_client->session();
}

void DesktopApp::buildWindow()
{
    MainWindow::Context context;
    context.profile = m_config.profile;
    context.clientId = m_config.clientId;
    context.apiBaseUrl = m_config.apiBaseUrl;
    context.emulatorUrl = m_emulator ? m_emulator->baseUrl() : QUrl();
    context.configFile = configFile();
    m_window = std::make_unique<MainWindow>(m_session->state(), context);

    // Loads nothing of Qt WebEngine, ever: the sign-in window (and the hosted logout) runs in a
    // process of its own that exits when it is done (docs/login-window-process.md).
    m_agent = std::make_unique<FallbackUserAgent>(m_session, m_window.get());
    m_agent->setUrlOpener(&openInSystemBrowser);
    if (SchemeHandler::deliversRedirectTo(m_config.redirectUri)) {
        // The OS hands our registered scheme's redirect to a new launch, which passes it on
        // (SingleInstance): the sign-in can run in the system browser, as WorkOS's Electron SDK
        // does.
        m_schemeAgent = std::make_unique<CustomSchemeUserAgent>(&openInSystemBrowser);
        m_session->setUserAgent(m_schemeAgent.get());
        qCInfo(lcDesktop).noquote() << "signing in through the system browser, back by"
                                    << m_config.redirectUri.scheme() + QStringLiteral(":");
    } else {
        // The login window catches the redirect itself, whatever its scheme; a browser's
        // redirect to another custom scheme, or to ours while no .desktop file registers it,
        // would never come back.
        m_session->setUserAgent(m_agent.get());
        if (CustomSchemeUserAgent::isCustomSchemeUri(m_config.redirectUri)) {
            qCInfo(lcDesktop).noquote()
                << "signing in through the login window: a browser's redirect to"
                << m_config.redirectUri.scheme() + QStringLiteral(":")
                << "would not come back (only a registered"
                << QLatin1String(SchemeHandler::kScheme) + QStringLiteral(": does)");
        } else {
            qCInfo(lcDesktop) << "signing in through the login window, else the system browser";
        }
    }
    connect(m_agent.get(), &FallbackUserAgent::hostedLogoutFinished, this,
            &DesktopApp::hostedLogoutFinished);

    connect(m_session, &AuthSession::signInFinished, this, [this](bool ok, const QString &error) {
        if (ok)
            qCInfo(lcDesktop) << "sign-in finished";
        else if (error.isEmpty())
            qCInfo(lcDesktop) << "sign-in cancelled";
        else
            qCInfo(lcDesktop).noquote() << "sign-in failed:" << error;
    });
    connect(m_session, &AuthSession::organizationSwitchFinished, this,
            [](bool ok, const QString &error) {
                if (ok)
                    qCInfo(lcDesktop) << "organization switched";
                else if (!error.isEmpty())
                    qCInfo(lcDesktop).noquote() << "organization switch failed:" << error;
            });
    connect(m_session->state(), &AuthState::changed, this, &DesktopApp::logState);

    buildBackend();

    connect(m_window.get(), &MainWindow::signInRequested, this,
            [this] { signIn(SignInOptions::Screen::SignIn); });
    connect(m_window.get(), &MainWindow::signUpRequested, this,
            [this] { signIn(SignInOptions::Screen::SignUp); });
    connect(m_window.get(), &MainWindow::cancelSignInRequested, this, &DesktopApp::cancelSignIn);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &DesktopApp::signOut);
    connect(m_window.get(), &MainWindow::switchOrganizationRequested, this,
            &DesktopApp::switchOrganization);
}

QUrl DesktopApp::convexUrl() const
{
    return m_emulator ? m_emulator->convexUrl() : m_config.convexUrl;
}

void DesktopApp::buildBackend()
{
    const QUrl deployment = convexUrl();
    if (deployment.isEmpty())
        return; // no Convex: the gate follows the AuthKit session alone
    qCInfo(lcDesktop).noquote() << "convex deployment at" << deployment.toString();
    m_convex = std::make_unique<ConvexClient>(deployment);
    m_convexTokens = std::make_unique<AuthKitTokenSource>(m_session);
    // The token a restore's refresh just brought counts as fresh: one refresh at restore.
    m_convex->setTokenFreshness(m_convexTokens->freshness());
    m_convexAuth = std::make_unique<ConvexAuthState>(m_convex.get(), m_session->state(),
                                                     m_convexTokens->fetcher());
    connect(m_convex.get(), &ConvexClient::connectedChanged, this, [](bool connected) {
        if (connected)
            StartupTrace::checkpoint("convex socket connected");
    });
    connect(m_convex.get(), &ConvexClient::fatalError, this, [](const QString &message) {
        qCWarning(lcDesktop).noquote() << "convex client stopped:" << message;
    });
    watchBackendAuth();
    // Signing out of a rejected session changes nothing ConvexAuthState reports (it stays
    // "not loading, not authenticated"), so the session's own changes update the page too.
    // Queued: a ConvexAuthState made by Try again hears of the change after us, and must have
    // caught up before we read it.
    connect(m_session->state(), &AuthState::changed, this, &DesktopApp::showBackendState,
            Qt::QueuedConnection);
    connect(m_window.get(), &MainWindow::retryBackendRequested, this, &DesktopApp::retryBackend);
    m_window->attachBackend(m_convex.get(), m_convexAuth.get());
}

void DesktopApp::watchBackendAuth()
{
    connect(m_convexAuth.get(), &ConvexAuthState::changed, this, [this] {
        showBackendState();
        if (!m_convexAuth->isAuthenticated()) {
            m_userStored = false;
            return;
        }
        if (!m_userStored) {
            m_userStored = true;
            StartupTrace::checkpoint("convex auth confirmed");
            qCInfo(lcDesktop) << "convex accepted the token";
            storeUser();
        }
    });
}

void DesktopApp::showBackendState()
{
    if (!m_convexAuth)
        return;
    // The gate shows the Unauthenticated page for this too; without a word the person would
    // see "signed out" while WorkOS says they are signed in.
    const bool rejected = !m_convexAuth->isLoading() && !m_convexAuth->isAuthenticated()
                          && m_session->state()->isAuthenticated();
    const QString reason = rejected ? m_convex->lastAuthError() : QString();
    if (rejected && !m_backendRejected) {
        // The backend's message names no secret: which provider, issuer or audience failed.
        qCWarning(lcDesktop).noquote()
            << "convex did not accept the token:"
            << (reason.isEmpty() ? QStringLiteral("(no reason given)") : reason);
    }
    m_backendRejected = rejected;
    m_window->setBackendRejected(rejected, reason);
}

void DesktopApp::retryBackend()
{
    if (!m_convexAuth || !m_backendRejected)
        return;
    qCInfo(lcDesktop) << "asking the convex backend again";
    // A new ConvexAuthState runs setAuth afresh (the old one's destructor clears the auth);
    // the gate shows Loading until the backend answers.
    m_convexAuth.reset();
    m_convexAuth = std::make_unique<ConvexAuthState>(m_convex.get(), m_session->state(),
                                                     m_convexTokens->fetcher());
    watchBackendAuth();
    m_window->rebindGate(m_convexAuth.get());
    showBackendState();
}

void DesktopApp::storeUser()
{
    m_convex->mutation(
        QStringLiteral("users:store"), ConvexValue(), [](const ConvexResult &result) {
            if (result.success)
                qCInfo(lcDesktop).noquote() << "users:store ->" << result.value.toString();
            else
                qCWarning(lcDesktop).noquote() << "users:store failed:" << result.errorMessage;
        });
}

void DesktopApp::signIn(SignInOptions::Screen screen)
{
    if (!m_session || m_session->state()->isSigningIn())
        return;
    SignInOptions options;
    options.screen = screen;
    if (m_schemeAgent) {
        m_session->signIn(options);
        return;
    }
    m_agent->signIn(options); // with prompt=login while the hosted logout is under way
}

QString DesktopApp::openRedirect(const QUrl &url)
{
    using Delivery = CustomSchemeUserAgent::Delivery;
    // Without a custom-scheme sign-in under way nothing waits for it; the session stays as it is.
    const Delivery delivery =
        m_schemeAgent ? m_schemeAgent->deliver(url) : Delivery::NoSignInPending;
    if (delivery != Delivery::Accepted)
        return CustomSchemeUserAgent::explain(delivery);
    raiseWindow(); // the person is back from the browser: show them the outcome
    return {};
}

void DesktopApp::cancelSignIn()
{
    if (m_session)
        m_session->cancelSignIn();
}

void DesktopApp::signOut()
{
    // Keychain and memory first; then the agent runs the hosted logout where the sign-in ran.
    if (m_session)
        m_session->signOut();
}

LoopbackUserAgent *DesktopApp::browserAgent() const
{
    return m_agent ? m_agent->browserAgent() : nullptr;
}

bool DesktopApp::isHostedLogoutPending() const
{
    return m_agent && m_agent->isHostedLogoutPending();
}

void DesktopApp::switchOrganization(const QString &organizationId)
{
    if (m_session && !organizationId.trimmed().isEmpty())
        m_session->switchOrganization(organizationId.trimmed());
}

void DesktopApp::raiseWindow()
{
    if (!m_window)
        return;
    m_window->bringToFront();
    if (m_agent)
        m_agent->raiseWindow();
    qCInfo(lcDesktop) << "window raised for another launch";
}

void DesktopApp::logState()
{
    const AuthState *state = m_session->state();
    const QString line = state->isLoading() ? QStringLiteral("loading")
                         : state->isAuthenticated()
                             ? QStringLiteral("signed-in ") + state->user().email
                             : QStringLiteral("signed-out");
    if (line == m_loggedState)
        return;
    m_loggedState = line;
    if (state->isAuthenticated())
        StartupTrace::checkpoint("session signed in");
    qCInfo(lcDesktop).noquote() << "state:" << line;
}
