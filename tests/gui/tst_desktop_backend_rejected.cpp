// authkit-desktop when the Convex backend refuses the token of a valid AuthKit session (label
// faults): the emulator's deployment is configured with an auth provider whose applicationID no
// AuthKit token carries, as a deployment whose auth.config.ts names another client would be. After
// the real sign-in through the Qt WebEngine page, the window must not pretend to be signed out:
// it says that WorkOS signed the person in and why the backend said no, offers Try again (which
// asks the backend again) and Sign out (which ends the session).

#include "DesktopTestSupport.h"

#include <DesktopApp.h>
#include <MainWindow.h>
#include <authkitqt/widgets/SignedOutPage.h>

#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/UserAgent.h> // complete type for AuthSession's QPointer
#include <authkitqt/webengine/WebEngineUserAgent.h>
#include <authkitqt/widgets/AuthGate.h>

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLoggingCategory>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using authkit::AuthGate;
using authkit::AuthState;
using namespace desktoptest;

class DesktopBackendRejectedTest : public DesktopAppTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LogCapture> m_rejections; // "convex did not accept the token: …", in order
    // Settled on "the backend said no": the session valid, the backend's answer in, the page up.
    bool rejectionShown() const
    {
        return state()->isAuthenticated() && !m_app->convexAuth()->isLoading()
               && !m_app->convexAuth()->isAuthenticated()
               && page() == AuthGate::Page::Unauthenticated
               && find<QWidget>(QStringLiteral("backendRejectedPanel"))->isVisible();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));
        m_rejections = std::make_unique<LogCapture>(
            "authkit.desktop", QStringLiteral("convex did not accept the token"));
        QVERIFY(m_dir.isValid());
        // Right issuer, but an applicationID the tokens do not carry as their audience.
        const QString clientId = QLatin1String(authkit::ConfigLoader::kLocalClientId);
        const QJsonObject provider{
            {QStringLiteral("type"), QStringLiteral("customJwt")},
            {QStringLiteral("issuer"),
             QString(QStringLiteral("https://api.workos.com/user_management/") + clientId)},
            {QStringLiteral("jwks"), QStringLiteral("data:application/json,{\"keys\":[]}")},
            {QStringLiteral("algorithm"), QStringLiteral("RS256")},
            {QStringLiteral("applicationID"), QStringLiteral("client_01J0000000000000000ANOTHER")}};
        QFile config(m_dir.filePath(QStringLiteral("auth.config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{{QStringLiteral("providers"), QJsonArray{provider}}})
                         .toJson());
        config.close();

        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
        DesktopOptions options;
        options.emulatorConvexAuthConfigFile = config.fileName();
        m_app = std::make_unique<DesktopApp>(options);
        QVERIFY2(m_app->start(), qPrintable(m_app->errorString()));
        QVERIFY(m_app->convexAuth());
        QTRY_VERIFY_WITH_TIMEOUT(!state()->isLoading(), 20000);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_rejections.reset();
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
    }

    void signedOutPageIsPlainBeforeSignIn()
    {
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY(!find<QWidget>(QStringLiteral("backendRejectedPanel"))->isVisible());
        QVERIFY(button("signInButton")->isVisible());
        QCOMPARE(label("signedOutTitle")->text(), authkit::SignedOutPage::tr("You are signed out"));
    }

    // The password sign-in through the page, up to the backend's answer.
    bool signInAndWaitForTheBackend(QString *why)
    {
        DevToolsPage *window =
            openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), why);
        if (!window)
            return false;
        submitPassword(window, QStringLiteral("ada@example.com"));
        if (!QTest::qWaitFor([&] { return !m_app->webAgent()->isWindowOpen() && rejectionShown(); },
                             30000)) {
            *why = QStringLiteral("no rejection shown; page %1").arg(int(page()));
            return false;
        }
        return true;
    }

    void rejectedTokenIsExplained()
    {
        QString why;
        QVERIFY2(signInAndWaitForTheBackend(&why), qPrintable(why));
        // WorkOS signed Ada in; the backend, which said why, did not take the token.
        QCOMPARE(state()->user().email, QStringLiteral("ada@example.com"));
        QCOMPARE(m_app->convexAuth()->convexAuthenticated(), std::optional<bool>(false));
        const QString reason = m_app->convex()->lastAuthError();
        QVERIFY2(reason.contains(QLatin1String("No auth provider")), qPrintable(reason));

        QLabel *message = label("backendRejectedLabel");
        QVERIFY(message->isVisible());
        QCOMPARE(message->textFormat(), Qt::PlainText);
        QVERIFY2(message->text().contains(QLatin1String("ada@example.com")),
                 qPrintable(message->text()));
        QVERIFY2(message->text().contains(reason), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QLatin1String("Convex")), qPrintable(message->text()));
        QVERIFY(!message->accessibleName().isEmpty());
        QVERIFY(label("signedOutTitle")->text()
                != authkit::SignedOutPage::tr("You are signed out"));
        // Not the signed-out offer: Sign in would start a second sign-in over a valid session.
        QVERIFY(!button("signInButton")->isVisible());
        QVERIFY(!button("createAccountButton")->isVisible());
        QVERIFY(button("retryBackendButton")->isVisible());
        QVERIFY(button("backendSignOutButton")->isVisible());
        QVERIFY(!label("signInErrorLabel")->isVisible());
        QCOMPARE(m_rejections->lines().size(), 1);
        QVERIFY2(m_rejections->lines().constFirst().contains(reason),
                 qPrintable(m_rejections->lines().constFirst()));
        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("backend-rejected"), &why),
                 qPrintable(why));
    }

    void tryAgainAsksTheBackendAgain()
    {
        QVERIFY(rejectionShown());
        QPointer<authkit::convex::ConvexAuthState> before = m_app->convexAuth();
        QTest::mouseClick(button("retryBackendButton"), Qt::LeftButton);
        // A fresh setAuth: the gate waits for the backend again, which says no again.
        QVERIFY(!before);
        QVERIFY(m_app->convexAuth());
        QCOMPARE(page(), AuthGate::Page::Loading);
        QTRY_VERIFY_WITH_TIMEOUT(rejectionShown(), 30000);
        QCOMPARE(m_rejections->lines().size(), 2);
        QVERIFY(state()->isAuthenticated());
    }

    void signOutEndsTheSession()
    {
        QVERIFY(rejectionShown());
        QTest::mouseClick(button("backendSignOutButton"), Qt::LeftButton);
        QVERIFY(!state()->isAuthenticated());
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY(!find<QWidget>(QStringLiteral("backendRejectedPanel"))->isVisible());
        QVERIFY(button("signInButton")->isVisible());
        QCOMPARE(label("signedOutTitle")->text(), authkit::SignedOutPage::tr("You are signed out"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->isHostedLogoutPending(), 20000);
        QCOMPARE(m_rejections->lines().size(), 2);
    }

    void theNextSignInIsJudgedAfresh()
    {
        // After Try again replaced the backend state, a new sign-in waits for the backend's
        // answer again: one rejection, not a stale one from before the sign-in as well.
        QString why;
        QVERIFY2(signInAndWaitForTheBackend(&why), qPrintable(why));
        QCOMPARE(m_rejections->lines().size(), 3);
        QTest::mouseClick(button("backendSignOutButton"), Qt::LeftButton);
        QVERIFY(!state()->isAuthenticated());
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->isHostedLogoutPending(), 20000);
    }
};

int main(int argc, char **argv)
{
    desktoptest::Environment environment;
    QApplication app(argc, argv);
    desktoptest::Environment::nameApplication();
    DesktopBackendRejectedTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_backend_rejected.moc"
