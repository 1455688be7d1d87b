#pragma once

#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

class QComboBox;
class QLabel;
class QPushButton;

namespace authkit {

class AuthStatus;
class InitialsAvatar;

/**
 * The AuthGate's Authenticated page (the account panel), the "protected view": who is signed in,
 * in which organization with which role and permissions, an impersonation banner, the access
 * token's remaining lifetime and the time to the next refresh (ticking every second), Switch
 * organization and Sign out. It reads an AuthStatus (the AuthKit session's: SessionAuthStatus)
 * and asks for actions through its signals; it changes nothing itself.
 * Object names: accountPage, avatar, loggedInLabel, nameLabel, emailLabel, organizationLabel,
 * permissionsLabel, impersonationBanner, tokenExpiryLabel, nextRefreshLabel,
 * accountProfileLabel, organizationCombo, switchOrganizationButton, signOutButton,
 * accountProblemLabel, accountPersistenceLabel.
 */
class AUTHKITQT_WIDGETS_EXPORT AccountPage : public QWidget
{
    Q_OBJECT
public:
    /// Follows status (not owned); the token countdowns show when it has token timings.
    AccountPage(AuthStatus *status, const QString &profileText, QWidget *parent = nullptr);

    /// m:ss (h:mm:ss from an hour up) for a remaining time; rounds up, so 0:00 means "now".
    static QString formatCountdown(qint64 ms);

    /// Adds a section (e.g. a messages panel) under the account details; it takes the spare
    /// height and is reparented into the page.
    void addSection(QWidget *section);

Q_SIGNALS:
    /// Sign out was clicked.
    void signOutRequested();
    /// Switch was clicked (or Return pressed) with this organization ID, trimmed, not empty.
    void switchOrganizationRequested(const QString &organizationId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void tick();
    void requestSwitch();

    QPointer<AuthStatus> m_status;
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

} // namespace authkit
