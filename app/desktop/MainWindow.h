#pragma once

#include "SettingsDialog.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class MessagesPanel;
class QLabel;

namespace authkit {
class AccountPage;
class AuthGate;
class AuthState;
class ConvexAuthStatus;
class LoadingPage;
class SessionAuthStatus;
class SignedOutPage;
namespace convex {
class ConvexAuthState;
class ConvexClient;
} // namespace convex
} // namespace authkit

// The shell: a menu (File: Settings, Quit; Help: About), the AuthGate with its three pages
// (lib/widgets), and a status bar that says which profile and, for the local profile, which emulator is in use.
// Views read the state; the requests they make go out as signals to DesktopApp.
// Object names: mainWindow, authGate, emulatorLabel, settingsAction, quitAction, aboutAction
// (and messagesPanel on the Authenticated page when a Convex deployment is attached).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Context
    {
        QString profile;
        QString clientId;
        QUrl apiBaseUrl;
        QUrl emulatorUrl;   // set when this app started the emulator
        QString configFile; // what Settings edits
    };

    MainWindow(authkit::AuthState *state, Context context, QWidget *parent = nullptr);
    ~MainWindow() override;

    authkit::AuthGate *gate() const { return m_gate; }
    authkit::SignedOutPage *signedOutPage() const { return m_signedOut; }
    authkit::AccountPage *accountPage() const { return m_account; }
    SettingsDialog *settingsDialog() const { return m_settings; }
    MessagesPanel *messagesPanel() const { return m_messages; }

    // With a Convex deployment: the gate follows backendAuth (through a ConvexAuthStatus, so
    // Authenticated means the backend accepted the token) and the Authenticated page gains the
    // messages panel.
    void attachBackend(authkit::convex::ConvexClient *client,
                       authkit::convex::ConvexAuthState *backendAuth);
    // A new backend state after attachBackend (a retried backend sign-in starts afresh).
    void rebindGate(authkit::convex::ConvexAuthState *backendAuth);
    // The WorkOS session is valid but the backend refused its token: the Unauthenticated page
    // says so and why, instead of a plain "signed out".
    void setBackendRejected(bool rejected, const QString &reason = QString());
    // Shown, un-minimized, raised and activated (another launch asked for it).
    void bringToFront();

public Q_SLOTS:
    void openSettings();
    void showAbout();

Q_SIGNALS:
    void signInRequested();
    void signUpRequested();
    void cancelSignInRequested();
    void signOutRequested();
    void switchOrganizationRequested(const QString &organizationId);
    void retryBackendRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QString profileText() const;
    void saveWindowState();

    QPointer<authkit::AuthState> m_state;
    Context m_context;
    authkit::SessionAuthStatus *m_sessionStatus; // what the pages show: the AuthKit session
    authkit::LoadingPage *m_loading;
    authkit::SignedOutPage *m_signedOut;
    authkit::AccountPage *m_account;
    authkit::AuthGate *m_gate;
    authkit::ConvexAuthStatus *m_backendStatus = nullptr;
    MessagesPanel *m_messages = nullptr;
    QPointer<SettingsDialog> m_settings;
};
