#pragma once

#include "DesktopOptions.h"

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/webengine/FallbackUserAgent.h> // complete type for webAgent()'s callers

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class LocalEmulatorProcess;
class MainWindow;

namespace authkit {
class AuthKitClient;
class AuthSession;
class CustomSchemeUserAgent;
class LoopbackUserAgent;
namespace convex {
class AuthKitTokenSource;
class ConvexAuthState;
class ConvexClient;
} // namespace convex
} // namespace authkit

// Everything authkit-desktop's main() builds, in one object a test can build in-process: the
// configuration (and, for the local profile, the emulator process), the keychain-backed session,
// the user agents, the main window; and the few decisions that are not the views' own (which user
// agent signs in, when the hosted logout has finished). With a Convex deployment (the local
// emulator's, else the profile's convexUrl) it also builds the Convex client, the token bridge
// and the ConvexAuthState the window's gate follows, and stores the user (users:store) once per
// authentication.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    // The keychain service its sessions are filed under (one entry per profile and client ID).
    static constexpr char kKeychainService[] = "authkit-desktop";

    explicit DesktopApp(DesktopOptions options, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Loads the configuration, starts the emulator for the local profile, shows the window and
    // restores a stored session. False with errorString() when it cannot;
    // isConfigurationProblem() then tells whether the profile's settings are to blame.
    bool start();
    QString errorString() const { return m_error; }
    bool isConfigurationProblem() const { return m_configurationProblem; }
    // The profile start() uses: --profile, else the one chosen in Settings, else local.
    QString profile() const;

    const authkit::AuthKitConfig &config() const { return m_config; }
    QString configFile() const;
    MainWindow *window() const { return m_window.get(); }
    authkit::AuthKitClient *client() const { return m_client.get(); }
    authkit::AuthSession *session() const { return m_session; }
    // The session's user agent: the login window (from the plugin), else the system browser.
    authkit::FallbackUserAgent *webAgent() const { return m_agent.get(); }
    authkit::LoopbackUserAgent *browserAgent() const;
    // The session's user agent when the redirect URI is the app's custom scheme (the system
    // browser, the redirect handed over by another launch); null otherwise.
    authkit::CustomSchemeUserAgent *schemeAgent() const { return m_schemeAgent.get(); }
    // The authkit-emulator child of the local profile; null with --api-base-url or another profile.
    LocalEmulatorProcess *emulator() const { return m_emulator.get(); }
    // The Convex deployment in use; empty (and the Convex objects null) without one.
    QUrl convexUrl() const;
    authkit::convex::ConvexClient *convex() const { return m_convex.get(); }
    authkit::convex::ConvexAuthState *convexAuth() const { return m_convexAuth.get(); }
    // True from a sign-out until the hosted logout has run in the login window's profile.
    bool isHostedLogoutPending() const;

    void signIn(authkit::SignInOptions::Screen screen);
    void cancelSignIn();
    void signOut();
    void switchOrganization(const QString &organizationId);
    // The backend refused the token of a valid session: ask it again with a fresh setAuth.
    void retryBackend();
    // Another launch asked for the window: the main window comes forward, and the sign-in
    // window over it when one is open.
    void raiseWindow();
    // A redirect URL another launch was started with (SingleInstance's "open"): finishes the
    // custom-scheme sign-in under way. Returns why it was refused; empty when it was taken.
    QString openRedirect(const QUrl &url);

Q_SIGNALS:
    void hostedLogoutFinished();

private:
    bool loadConfig();
    bool startEmulator(const QString &clientId);
    void signInOnceSettled();
    void buildClient();
    void buildWindow();
    void buildBackend();
    void watchBackendAuth();
    void showBackendState();
    void storeUser();
    void logState();

    DesktopOptions m_options;
    authkit::AuthKitConfig m_config;
    QString m_error;
    bool m_configurationProblem = false;

    // Declared in the order they depend on each other, so they are destroyed in reverse: the
    // window (it holds the login window, whose page needs the agent) first, the emulator last.
    std::unique_ptr<LocalEmulatorProcess> m_emulator;
    std::unique_ptr<authkit::AuthKitClient> m_client; // the network, keychain and session
    authkit::AuthSession *m_session = nullptr;        // m_client's
    std::unique_ptr<authkit::FallbackUserAgent> m_agent;
    std::unique_ptr<authkit::CustomSchemeUserAgent> m_schemeAgent; // the session's, when set
    std::unique_ptr<authkit::convex::AuthKitTokenSource> m_convexTokens;
    std::unique_ptr<authkit::convex::ConvexClient> m_convex;
    std::unique_ptr<authkit::convex::ConvexAuthState> m_convexAuth; // signs the client out
    std::unique_ptr<MainWindow> m_window;
    bool m_userStored = false;      // users:store ran for the current authentication
    bool m_backendRejected = false; // the backend refused the token of a valid session

    QString m_loggedState;
};
