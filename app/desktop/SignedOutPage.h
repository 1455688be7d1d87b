#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace authkit {
class AuthState;
}

// The AuthGate's Unauthenticated page: Sign in, Create account, the profile in use, the last
// error, and the notice when the session can only be kept in memory. It reads the state and
// asks for actions; it changes nothing itself.
// Object names: signedOutPage, signInButton, createAccountButton, cancelSignInButton,
// signingInLabel, signInErrorLabel, persistenceNoticeLabel, profileLabel.
class SignedOutPage : public QWidget
{
    Q_OBJECT
public:
    SignedOutPage(authkit::AuthState *state, const QString &profileText, QWidget *parent = nullptr);

    QPushButton *signInButton() const { return m_signIn; }

Q_SIGNALS:
    void signInRequested();
    void signUpRequested();
    void cancelSignInRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    QPointer<authkit::AuthState> m_state;
    QPushButton *m_signIn;
    QPushButton *m_createAccount;
    QPushButton *m_cancel;
    QLabel *m_signingIn;
    QLabel *m_error;
    QLabel *m_notice;
};
