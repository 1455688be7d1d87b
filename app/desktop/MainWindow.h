#pragma once

#include "SettingsDialog.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class AccountPage;
class LoadingPage;
class MessagesPanel;
class SignedOutPage;
class QLabel;

namespace authkit {
class AuthGate;
class AuthState;
namespace convex {
class ConvexClient;
}
} // namespace authkit

// The shell: a menu (File: Settings, Quit; Help: About), the AuthGate with its three pages, and a
// status bar that says which profile and, for the local profile, which emulator is in use.
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
    SignedOutPage *signedOutPage() const { return m_signedOut; }
    AccountPage *accountPage() const { return m_account; }
    SettingsDialog *settingsDialog() const { return m_settings; }
    MessagesPanel *messagesPanel() const { return m_messages; }

    // With a Convex deployment: the gate follows gateState (a ConvexAuthState, so Authenticated
    // means the backend accepted the token) and the Authenticated page gains the messages panel.
    void attachBackend(authkit::convex::ConvexClient *client, QObject *gateState);
    // A new gate state after attachBackend (a retried backend sign-in starts afresh).
    void rebindGate(QObject *gateState);
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
    LoadingPage *m_loading;
    SignedOutPage *m_signedOut;
    AccountPage *m_account;
    authkit::AuthGate *m_gate;
    MessagesPanel *m_messages = nullptr;
    QPointer<SettingsDialog> m_settings;
};
