// authkit-desktop with the emulator's in-process Convex deployment: after the real Qt WebEngine
// sign-in as Ada, the gate waits for the backend to accept the token, the messages panel shows
// what the backend sees (users:viewer) and follows messages:list live, also for a message a
// second, independent Convex client sends; sending from the panel shows the message too.

#include "DesktopTestSupport.h"

#include <DesktopApp.h>
#include <MainWindow.h>
#include <MessageListModel.h>
#include <MessagesPanel.h>
#include <RelativeTime.h>

#include <HttpClient.h>
#include <SignInDriver.h>

#include <LocalEmulatorProcess.h>
#include <authkitqt/convex/ConvexAuthState.h>
#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/UserAgent.h> // complete type for AuthSession's QPointer
#include <authkitqt/webengine/WebEngineUserAgent.h>
#include <authkitqt/widgets/AuthGate.h>

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTest>

using authkit::AuthGate;
using authkit::AuthState;
using authkit::convex::ConvexClient;
using authkit::convex::ConvexResult;
using authkit::convex::ConvexValue;
using namespace desktoptest;

namespace {
const QString kAdaSubject = QStringLiteral("user_01J0000000000000000000ADA");
const QString kGraceSubject = QStringLiteral("user_01J000000000000000000GRACE");
const QString kEngines = QStringLiteral("org_01J000000000000000000ENGNS");
} // namespace

class DesktopConvexTest : public DesktopAppTest
{
    Q_OBJECT

    QStringList shownMessages() const
    {
        QStringList rows;
        const QAbstractItemModel *model = find<QListView>(QStringLiteral("messagesList"))->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows.append(model->index(row, 0).data().toString());
        return rows;
    }

    QModelIndex shownMessage(const QString &row) const
    {
        const QAbstractItemModel *model = find<QListView>(QStringLiteral("messagesList"))->model();
        return model->index(int(shownMessages().indexOf(row)), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
        m_app = std::make_unique<DesktopApp>(DesktopOptions{});
        QVERIFY2(m_app->start(), qPrintable(m_app->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!state()->isLoading(), 20000);
    }

    void cleanup()
    {
        if (m_app->webAgent()->isWindowOpen())
            QTest::mouseClick(button("cancelSignInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!state()->isSigningIn(), 10000);
        if (state()->isAuthenticated()) {
            QTest::mouseClick(find<QPushButton>(QStringLiteral("signOutButton")), Qt::LeftButton);
            QCOMPARE(page(), AuthGate::Page::Unauthenticated);
            QTRY_VERIFY_WITH_TIMEOUT(!m_app->isHostedLogoutPending(), 20000);
        }
    }

    void cleanupTestCase() { m_app.reset(); }

    void usesTheEmulatorsDeployment()
    {
        QVERIFY(m_app->convex());
        QVERIFY(m_app->convexAuth());
        QCOMPARE(m_app->convexUrl(), m_app->emulator()->convexUrl());
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY(m_app->window()->messagesPanel());
        QVERIFY(!find<QWidget>(QStringLiteral("messagesPanel"))->isVisible());
    }

    void messagesFollowTheBackendLive()
    {
        QString why;
        QVERIFY2(signInWithPassword(*m_app, QStringLiteral("ada@example.com"), &why),
                 qPrintable(why));
        // Authenticated means the backend accepted the token.
        QVERIFY(m_app->convexAuth()->isAuthenticated());
        QCOMPARE(m_app->convexAuth()->convexAuthenticated(), std::optional<bool>(true));

        auto *panel = find<QWidget>(QStringLiteral("messagesPanel"));
        QVERIFY(panel && panel->isVisible());
        QVERIFY(!panel->accessibleName().isEmpty());
        auto *identity = find<QLabel>(QStringLiteral("backendIdentityLabel"));
        const QString issuer = m_app->emulator()->issuerFor(m_app->config().clientId);
        QVERIFY(!issuer.isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(identity->text().contains(kAdaSubject),
                                  qPrintable(identity->text()), 10000);
        // The name the WorkOS component synced from the emulator's directory.
        QTRY_VERIFY2_WITH_TIMEOUT(identity->text().contains(QStringLiteral("Ada Lovelace")),
                                  qPrintable(identity->text()), 10000);
        QVERIFY2(identity->text().contains(issuer), qPrintable(identity->text()));
        QVERIFY2(identity->text().contains(issuer + QLatin1Char('|') + kAdaSubject),
                 qPrintable(identity->text())); // the tokenIdentifier

        // A second client, signed in as Grace with a token of her own, writes a message...
        authkit::testsupport::HttpClient http;
        authkit::testsupport::SignInDriver driver(http, m_app->emulator()->baseUrl());
        const QString token =
            driver.signInAndExchange(QStringLiteral("grace@example.com"), kEngines)
                .value(QStringLiteral("access_token"))
                .toString();
        QVERIFY(!token.isEmpty());
        ConvexClient other(m_app->emulator()->convexUrl());
        std::optional<bool> otherAuthenticated;
        other.setAuth([token](bool, ConvexClient::TokenCallback done) { done(token); },
                      [&](bool ok) { otherAuthenticated = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(otherAuthenticated.has_value(), 10000);
        QVERIFY(*otherAuthenticated);

        const QString fromGrace =
            QStringLiteral("Hello from Grace %1").arg(QDateTime::currentMSecsSinceEpoch());
        std::optional<ConvexResult> sent;
        other.mutation(
            QStringLiteral("messages:send"),
            ConvexValue::fromObject({{QStringLiteral("body"), ConvexValue::fromString(fromGrace)}}),
            [&](const ConvexResult &result) { sent = result; });
        QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), 10000);
        QVERIFY2(sent->success, qPrintable(sent->errorMessage));

        // ... and the app's list shows it without anyone touching the app, by her name, not
        // her WorkOS user id.
        const QString graceRow = QStringLiteral("Grace Hopper: ") + fromGrace;
        QTRY_VERIFY2_WITH_TIMEOUT(shownMessages().contains(graceRow),
                                  qPrintable(shownMessages().join(QLatin1Char('\n'))), 10000);
        QVERIFY(!shownMessages().join(QLatin1Char('\n')).contains(kGraceSubject));
        const QModelIndex grace = shownMessage(graceRow);
        QCOMPARE(grace.data(MessageListModel::InitialsRole).toString(), QStringLiteral("GH"));
        QCOMPARE(grace.data(MessageListModel::RelativeTimeRole).toString(),
                 QStringLiteral("just now"));
        QVERIFY(!grace.data(MessageListModel::OwnRole).toBool());
        other.close();

        // Sending from the app's own input.
        auto *input = find<QLineEdit>(QStringLiteral("messageInput"));
        auto *send = find<QPushButton>(QStringLiteral("sendMessageButton"));
        QVERIFY(!input->accessibleName().isEmpty());
        QVERIFY(!send->accessibleName().isEmpty());
        QVERIFY(!send->isEnabled()); // nothing to send yet
        const QString fromAda =
            QStringLiteral("Hello from Ada %1").arg(QDateTime::currentMSecsSinceEpoch());
        QTest::keyClicks(input, fromAda);
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        const QString adaRow = QStringLiteral("Ada Lovelace: ") + fromAda;
        QTRY_VERIFY2_WITH_TIMEOUT(shownMessages().contains(adaRow),
                                  qPrintable(shownMessages().join(QLatin1Char('\n'))), 10000);
        // Her own message is marked as hers.
        QVERIFY(shownMessage(adaRow).data(MessageListModel::OwnRole).toBool());
        QCOMPARE(shownMessage(adaRow).data(MessageListModel::InitialsRole).toString(),
                 QStringLiteral("AL"));
        QTRY_VERIFY_WITH_TIMEOUT(input->text().isEmpty(), 5000);
        QVERIFY(!find<QLabel>(QStringLiteral("messagesErrorLabel"))->isVisible());
        // Newest last.
        QVERIFY(shownMessages().indexOf(graceRow) < shownMessages().indexOf(adaRow));

        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("signed-in-convex"), &why),
                 qPrintable(why));
    }

    void relativeTimes()
    {
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(RelativeTime::describe(now.addSecs(-20), now), QStringLiteral("just now"));
        QCOMPARE(RelativeTime::describe(now.addSecs(-60), now), QStringLiteral("1 min ago"));
        QCOMPARE(RelativeTime::describe(now.addSecs(-150), now), QStringLiteral("2 min ago"));
        QCOMPARE(RelativeTime::describe(now.addSecs(-3 * 3600), now), QStringLiteral("3 h ago"));
        QCOMPARE(RelativeTime::describe(now.addDays(-1), now), QStringLiteral("1 d ago"));
        QCOMPARE(RelativeTime::describe(now.addDays(-2), now), QStringLiteral("2 d ago"));
        QCOMPARE(RelativeTime::describe(now.addSecs(5), now), QStringLiteral("just now"));
    }

    void signingOutLeavesTheBackend()
    {
        QString why;
        QVERIFY2(signInWithPassword(*m_app, QStringLiteral("ada@example.com"), &why),
                 qPrintable(why));
        QTest::mouseClick(find<QPushButton>(QStringLiteral("signOutButton")), Qt::LeftButton);
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY(!m_app->convexAuth()->isAuthenticated());
        auto *identity = find<QLabel>(QStringLiteral("backendIdentityLabel"));
        QTRY_VERIFY2_WITH_TIMEOUT(!identity->text().contains(kAdaSubject),
                                  qPrintable(identity->text()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->isHostedLogoutPending(), 20000);
    }
};

int main(int argc, char **argv)
{
    desktoptest::Environment environment;
    QApplication app(argc, argv);
    desktoptest::Environment::nameApplication();
    DesktopConvexTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_convex.moc"
