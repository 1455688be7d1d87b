#pragma once

#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class InitialsAvatar;

namespace authkit {
class AuthState;
} // namespace authkit

// The AuthGate's Authenticated page, the "protected view": who is signed in, in which
// organization with which role and permissions, an impersonation banner, the access token's
// remaining lifetime and the time to the next refresh (ticking every second), Switch
// organization and Sign out. It reads the state and asks for actions; it changes nothing itself.
// Object names: accountPage, avatar, loggedInLabel, emailLabel, organizationLabel,
// permissionsLabel, impersonationBanner, tokenExpiryLabel, nextRefreshLabel,
// accountProfileLabel, organizationCombo, switchOrganizationButton, signOutButton,
// accountProblemLabel, accountPersistenceLabel.
class AccountPage : public QWidget
{
    Q_OBJECT
public:
    AccountPage(authkit::AuthState *state, const QString &profileText, QWidget *parent = nullptr);

    // m:ss (h:mm:ss from an hour up) for a remaining time; rounds up, so 0:00 means "now".
    static QString formatCountdown(qint64 ms);

    // Adds a section (the messages panel) under the account details; it takes the spare height.
    void addSection(QWidget *section);

Q_SIGNALS:
    void signOutRequested();
    void switchOrganizationRequested(const QString &organizationId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void tick();
    void requestSwitch();

    QPointer<authkit::AuthState> m_state;
    QTimer m_ticker;
    QStringList m_seenOrganizations;

    InitialsAvatar *m_avatar;
    QLabel *m_loggedIn;
    QLabel *m_name;
    QLabel *m_email;
    QLabel *m_impersonation;
    QLabel *m_organization;
    QLabel *m_permissions;
    QLabel *m_tokenExpiry;
    QLabel *m_nextRefresh;
    QLabel *m_problem;
    QLabel *m_persistence;
    QComboBox *m_organizations;
    QPushButton *m_switch;
    QPushButton *m_signOut;
};
