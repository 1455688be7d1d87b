// AuthKitQt::Widgets on their own: the gate switches pages as its AuthStatus changes, the account
// panel shows the person, organization and role, the avatar its initials, the sign-in panel asks
// for what its buttons say. A scripted AuthStatus stands in for the session.

#include <authkitqt/widgets/AccountPage.h>
#include <authkitqt/widgets/AuthGate.h>
#include <authkitqt/widgets/AuthStatus.h>
#include <authkitqt/widgets/InitialsAvatar.h>
#include <authkitqt/widgets/LoadingPage.h>
#include <authkitqt/widgets/SignedOutPage.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace authkit;

namespace {

// An AuthStatus whose answers the test sets; every set() announces a change.
class ScriptedStatus : public AuthStatus
{
public:
    bool loading = true;
    bool signingIn = false;
    bool refreshing = false;
    Session signedIn; // null: nobody
    QString error;
    QString notice;

    void set(const std::function<void(ScriptedStatus &)> &change)
    {
        change(*this);
        Q_EMIT changed();
    }

    bool isLoading() const override { return loading; }
    bool isAuthenticated() const override { return !loading && !signedIn.isNull(); }
    WorkOSUser user() const override { return isAuthenticated() ? signedIn.user : WorkOSUser(); }
    QString lastError() const override { return error; }
    Session session() const override { return isAuthenticated() ? signedIn : Session(); }
    bool isSigningIn() const override { return signingIn; }
    bool isRefreshing() const override { return refreshing; }
    QString persistenceNotice() const override { return notice; }
};

Session ada()
{
    Session session;
    session.user.id = QStringLiteral("user_01ADA");
    session.user.email = QStringLiteral("ada@example.com");
    session.user.firstName = QStringLiteral("Ada");
    session.user.lastName = QStringLiteral("Lovelace");
    session.organizationId = QStringLiteral("org_01ANALYTICAL");
    session.role = QStringLiteral("admin");
    session.permissions = {QStringLiteral("engines:read"), QStringLiteral("engines:write")};
    return session;
}

template <typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning() << "no" << name;
    return found;
}

} // namespace

class WidgetsViewsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gateFollowsTheStatus()
    {
        ScriptedStatus status;
        auto *loading = new LoadingPage;
        auto *signedOut = new QWidget;
        auto *signedIn = new QWidget;
        AuthGate gate(loading, signedOut, signedIn);
        QSignalSpy pages(&gate, &AuthGate::pageChanged);
        QCOMPARE(gate.page(), AuthGate::Page::Loading);

        gate.bind(&status);
        QCOMPARE(gate.page(), AuthGate::Page::Loading);
        QCOMPARE(gate.currentWidget(), static_cast<QWidget *>(loading));

        status.set([](ScriptedStatus &s) { s.loading = false; });
        QCOMPARE(gate.page(), AuthGate::Page::Unauthenticated);
        QCOMPARE(gate.currentWidget(), signedOut);

        status.set([](ScriptedStatus &s) { s.signedIn = ada(); });
        QCOMPARE(gate.page(), AuthGate::Page::Authenticated);
        QCOMPARE(gate.currentWidget(), signedIn);

        status.set([](ScriptedStatus &s) { s.error = QStringLiteral("refresh failed"); });
        QCOMPARE(pages.count(), 2); // a change that keeps the page announces nothing

        // Another status (a backend's) takes over; the old one is no longer heard.
        ScriptedStatus backend;
        gate.bind(&backend);
        QCOMPARE(gate.page(), AuthGate::Page::Loading);
        status.set([](ScriptedStatus &s) { s.signedIn = Session(); });
        QCOMPARE(gate.page(), AuthGate::Page::Loading);
        backend.set([](ScriptedStatus &s) { s.loading = false; });
        QCOMPARE(gate.page(), AuthGate::Page::Unauthenticated);
        QCOMPARE(pages.count(), 4);
        QCOMPARE(pages.last().at(0).value<AuthGate::Page>(), AuthGate::Page::Unauthenticated);

        gate.bind(nullptr);
        QCOMPARE(gate.page(), AuthGate::Page::Loading);
    }

    void accountPanelShowsThePersonAndOrganization()
    {
        ScriptedStatus status;
        status.loading = false;
        status.signedIn = ada();
        AccountPage page(&status, QStringLiteral("local, client client_X"));
        QCOMPARE(child<QLabel>(&page, "loggedInLabel")->text(), QStringLiteral("Logged in as Ada"));
        QCOMPARE(child<QLabel>(&page, "nameLabel")->text(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(child<QLabel>(&page, "emailLabel")->text(), QStringLiteral("ada@example.com"));
        QCOMPARE(child<QLabel>(&page, "organizationLabel")->text(),
                 QStringLiteral("org_01ANALYTICAL (role admin)"));
        QCOMPARE(child<QLabel>(&page, "permissionsLabel")->text(),
                 QStringLiteral("engines:read, engines:write"));
        QCOMPARE(child<InitialsAvatar>(&page, "avatar")->initials(), QStringLiteral("AL"));
        QCOMPARE(child<QLabel>(&page, "accountProfileLabel")->text(),
                 QStringLiteral("local, client client_X"));
        QVERIFY(child<QLabel>(&page, "impersonationBanner")->isHidden());

        // Another person and organization: the panel follows.
        status.set([](ScriptedStatus &s) {
            s.signedIn.user.firstName = QStringLiteral("Grace");
            s.signedIn.user.lastName = QStringLiteral("Hopper");
            s.signedIn.organizationId = QStringLiteral("org_01NAVY");
            s.signedIn.role.clear();
            s.signedIn.impersonatorEmail = QStringLiteral("admin@example.com");
        });
        QCOMPARE(child<QLabel>(&page, "loggedInLabel")->text(), QStringLiteral("Logged in as Grace"));
        QCOMPARE(child<QLabel>(&page, "organizationLabel")->text(), QStringLiteral("org_01NAVY"));
        QCOMPARE(child<InitialsAvatar>(&page, "avatar")->initials(), QStringLiteral("GH"));
        QVERIFY(!child<QLabel>(&page, "impersonationBanner")->isHidden());
        QVERIFY(child<QLabel>(&page, "impersonationBanner")->text().contains(
            QLatin1String("admin@example.com")));
    }

    void accountPanelAsksForItsActions()
    {
        ScriptedStatus status;
        status.loading = false;
        status.signedIn = ada();
        AccountPage page(&status, QString());
        QSignalSpy signOut(&page, &AccountPage::signOutRequested);
        QSignalSpy switchTo(&page, &AccountPage::switchOrganizationRequested);
        QTest::mouseClick(child<QPushButton>(&page, "signOutButton"), Qt::LeftButton);
        QCOMPARE(signOut.count(), 1);

        auto *organizations = child<QComboBox>(&page, "organizationCombo");
        organizations->setCurrentText(QStringLiteral("  org_01OTHER "));
        QTest::mouseClick(child<QPushButton>(&page, "switchOrganizationButton"), Qt::LeftButton);
        QCOMPARE(switchTo.count(), 1);
        QCOMPARE(switchTo.at(0).at(0).toString(), QStringLiteral("org_01OTHER"));
        organizations->setCurrentText(QStringLiteral("   "));
        QTest::mouseClick(child<QPushButton>(&page, "switchOrganizationButton"), Qt::LeftButton);
        QCOMPARE(switchTo.count(), 1); // nothing to switch to

        status.set([](ScriptedStatus &s) { s.refreshing = true; });
        QVERIFY(!child<QPushButton>(&page, "switchOrganizationButton")->isEnabled());
    }

    void avatarShowsTheInitials()
    {
        InitialsAvatar avatar;
        QVERIFY(avatar.initials().isEmpty());
        avatar.setPerson(QStringLiteral("KJ"), QStringLiteral("user_01KATHERINE"));
        QCOMPARE(avatar.initials(), QStringLiteral("KJ"));
        QVERIFY(avatar.accessibleName().contains(QLatin1String("KJ")));
        QCOMPARE(avatar.size(), QSize(64, 64));
        const QImage picture = avatar.grab().toImage();
        QVERIFY(picture.pixelColor(32, 5) != picture.pixelColor(1, 1)); // a disc was painted
    }

    void signInPanelAsksForItsActions()
    {
        ScriptedStatus status;
        status.loading = false;
        SignedOutPage page(&status, QStringLiteral("Profile: local"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy signIn(&page, &SignedOutPage::signInRequested);
        QSignalSpy signUp(&page, &SignedOutPage::signUpRequested);
        QSignalSpy cancel(&page, &SignedOutPage::cancelSignInRequested);
        QSignalSpy retry(&page, &SignedOutPage::retryBackendRequested);
        QSignalSpy signOut(&page, &SignedOutPage::signOutRequested);

        QTest::mouseClick(child<QPushButton>(&page, "signInButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(&page, "createAccountButton"), Qt::LeftButton);
        QCOMPARE(signIn.count(), 1);
        QCOMPARE(signUp.count(), 1);
        QVERIFY(!child<QPushButton>(&page, "cancelSignInButton")->isVisible());

        // While a sign-in runs: Cancel, and no second sign-in.
        status.set([](ScriptedStatus &s) { s.signingIn = true; });
        QVERIFY(!child<QPushButton>(&page, "signInButton")->isEnabled());
        auto *cancelButton = child<QPushButton>(&page, "cancelSignInButton");
        QVERIFY(cancelButton->isVisible());
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);

        // It failed: the error is shown, as text.
        status.set([](ScriptedStatus &s) {
            s.signingIn = false;
            s.error = QStringLiteral("<b>denied</b>");
        });
        auto *error = child<QLabel>(&page, "signInErrorLabel");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("<b>denied</b>")));
        QCOMPARE(error->textFormat(), Qt::PlainText);

        // A valid session the backend refused: Try again and Sign out instead.
        status.set([](ScriptedStatus &s) {
            s.error.clear();
            s.signedIn = ada();
        });
        page.setBackendRejected(true, QStringLiteral("No auth provider found"));
        QVERIFY(page.isBackendRejected());
        QVERIFY(!child<QPushButton>(&page, "signInButton")->isVisible());
        QVERIFY(child<QLabel>(&page, "backendRejectedLabel")->text().contains(
            QLatin1String("No auth provider found")));
        QTest::mouseClick(child<QPushButton>(&page, "retryBackendButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(&page, "backendSignOutButton"), Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
        QCOMPARE(signOut.count(), 1);
        QCOMPARE(signIn.count(), 1);
    }

    void loadingPanelSaysWhatItWaitsFor()
    {
        LoadingPage page;
        auto *label = page.findChild<QLabel *>();
        QVERIFY(label);
        const QString restoring = label->text();
        QVERIFY(!restoring.isEmpty());
        page.setConnectingToBackend(true);
        QVERIFY(label->text() != restoring);
        page.setConnectingToBackend(false);
        QCOMPARE(label->text(), restoring);
    }
};

QTEST_MAIN(WidgetsViewsTest)

#include "tst_widgets_views.moc"
