#pragma once

#include <QPointer>
#include <QWidget>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

class QLabel;
class QPushButton;

namespace authkit {

class AuthStatus;

/**
 * The AuthGate's Unauthenticated page (the sign-in panel): Sign in, Create account, the profile
 * in use, the last error, and the notice when the session can only be kept in memory. It reads
 * an AuthStatus (the AuthKit session's: SessionAuthStatus) and asks for actions through its
 * signals; it changes nothing itself.
 * With a Convex deployment the gate also lands here when the WorkOS session is valid but the
 * backend refused its token; the page then says so and why, with Try again and Sign out.
 * Every label shows plain text: names, e-mails and server messages are never rich text.
 * Object names: signedOutPage, signedOutTitle, signInButton, createAccountButton,
 * cancelSignInButton, signingInLabel, signInErrorLabel, persistenceNoticeLabel, profileLabel,
 * backendRejectedPanel, backendRejectedLabel, retryBackendButton, backendSignOutButton.
 */
class AUTHKITQT_WIDGETS_EXPORT SignedOutPage : public QWidget
{
    Q_OBJECT
public:
    /// Follows status (not owned); profileText is shown as is, under the buttons.
    SignedOutPage(AuthStatus *status, const QString &profileText, QWidget *parent = nullptr);

    /// The Sign in button (a test or an app may focus or click it).
    QPushButton *signInButton() const { return m_signIn; }

    /// The backend refused the token of a valid WorkOS session (reason: its message, may be
    /// empty); false returns the page to plain "signed out".
    void setBackendRejected(bool rejected, const QString &reason = QString());
    /// Whether setBackendRejected(true) is in force.
    bool isBackendRejected() const { return m_backendRejected; }

Q_SIGNALS:
    /// Sign in was clicked.
    void signInRequested();
    /// Create account was clicked.
    void signUpRequested();
    /// Cancel sign-in was clicked while a sign-in runs.
    void cancelSignInRequested();
    /// Try again was clicked on a refused backend sign-in.
    void retryBackendRequested();
    /// Sign out was clicked on a refused backend sign-in.
    void signOutRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    QPointer<AuthStatus> m_status;
    QLabel *m_title;
    QLabel *m_intro;
    QPushButton *m_signIn;
    QPushButton *m_createAccount;
    QPushButton *m_cancel;
    QLabel *m_signingIn;
    QLabel *m_error;
    QLabel *m_notice;
    QWidget *m_backendPanel;
    QLabel *m_backendMessage;
    QPushButton *m_retryBackend;
    QPushButton *m_backendSignOut;
    bool m_backendRejected = false;
    QString m_backendReason;
};

} // namespace authkit
