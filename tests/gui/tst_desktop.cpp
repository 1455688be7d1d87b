// authkit-desktop in-process: the composition main() builds, the real Qt WebEngine login window
// (offscreen), the emulator's real hosted pages, the real keychain (scripts/with-keyring.sh).

#include "DesktopTestSupport.h"

#include <DesktopApp.h>
#include <LocalEmulatorProcess.h>
#include <MainWindow.h>
#include <SettingsDialog.h>
#include <TranslationLoader.h>

#include <HttpClient.h>
#include <Rfc6238.h>

#include <authkitqt/core/AuthSession.h>
#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/core/UserAgent.h> // complete type for AuthSession's QPointer
#include <authkitqt/webengine/WebEngineUserAgent.h>
#include <authkitqt/widgets/AccountPage.h>
#include <authkitqt/widgets/AuthGate.h>
#include <authkitqt/widgets/InitialsAvatar.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using authkit::AuthGate;
using authkit::AuthState;
using authkit::InitialsAvatar;
using namespace desktoptest;

namespace {

// A Chromium renderer (QtWebEngineProcess --type=renderer) among this process's descendants.
bool rendererRunning()
{
    for (qint64 pid : descendantsOf(QCoreApplication::applicationPid())) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("--type=renderer"))
            return true;
    }
    return false;
}

} // namespace

class DesktopTest : public DesktopAppTest
{
    Q_OBJECT

    authkit::testsupport::HttpClient m_http;
    std::unique_ptr<LogCapture> m_stateLines; // "state: …" lines of authkit.desktop, in order
    static DevToolsPage *loginPage() { return currentLoginPage(); }
    QUrl emulatorUrl(const QString &path) const
    {
        QUrl url = m_app->emulator()->baseUrl();
        url.setPath(path);
        return url;
    }

    bool signOut(QString *why)
    {
        QTest::mouseClick(button("signOutButton"), Qt::LeftButton);
        if (page() != AuthGate::Page::Unauthenticated) {
            *why = QStringLiteral("still on page %1 after Sign out").arg(static_cast<int>(page()));
            return false;
        }
        if (!QTest::qWaitFor([this] { return !m_app->isHostedLogoutPending(); }, 20000)) {
            *why = QStringLiteral("the hosted logout did not finish");
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stateLines = std::make_unique<LogCapture>("authkit.desktop", QStringLiteral("state: "));
        QLoggingCategory::setFilterRules(
            QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));
        // A session left in this keyring by another test program must not be restored here.
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
        m_app = std::make_unique<DesktopApp>(DesktopOptions{});
        QVERIFY2(m_app->start(), qPrintable(m_app->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!state()->isLoading(), 20000);
    }

    void cleanup()
    {
        if (button("cancelSignInButton")->isVisible())
            QTest::mouseClick(button("cancelSignInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!state()->isSigningIn(), 10000);
        if (state()->isAuthenticated()) {
            QString why;
            QVERIFY2(signOut(&why), qPrintable(why));
        }
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_stateLines.reset();
    }

    void startsOnTheEmulatorSignedOut()
    {
        QVERIFY(m_app->emulator());
        QCOMPARE(m_app->config().profile, QStringLiteral("local"));
        QCOMPARE(m_app->config().apiBaseUrl, m_app->emulator()->baseUrl());
        QVERIFY(label("emulatorLabel")->text().contains(m_app->emulator()->baseUrl().toString()));
        QVERIFY(label("profileLabel")->text().contains(QLatin1String("local")));

        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY(button("signInButton")->isVisible());
        QVERIFY(button("createAccountButton")->isVisible());
        QVERIFY(!label("signInErrorLabel")->isVisible());
        QCOMPARE(
            m_stateLines->lines().mid(0, 2),
            QStringList({QStringLiteral("state: loading"), QStringLiteral("state: signed-out")}));

        // Nothing of Qt WebEngine until a sign-in needs it, and then in another process.
        QVERIFY(!m_app->webAgent()->isEngineLoaded());
        QVERIFY(!mapsWebEngineCore(QCoreApplication::applicationPid()));
        const QList<qint64> children = descendantsOf(QCoreApplication::applicationPid());
        for (qint64 child : children)
            QVERIFY2(!processName(child).contains(QLatin1String("QtWebEngine")), "engine started");

        QString why;
        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("signed-out"), &why),
                 qPrintable(why));
    }

    void signInShowsTheAuthenticatedView()
    {
        m_stateLines->clear();
        QString why;
        DevToolsPage *page =
            openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), &why);
        QVERIFY2(page, qPrintable(why));
        QVERIFY(m_app->webAgent()->isEngineLoaded());
        // The window runs in a process of its own; this one never maps Qt WebEngine.
        QVERIFY(m_app->webAgent()->processAgent());
        QCOMPARE(loginWindowProcesses().size(), 1);
        QVERIFY(!mapsWebEngineCore(QCoreApplication::applicationPid()));
        QCOMPARE(page->url().host(), QStringLiteral("127.0.0.1"));

        QVERIFY(rendererRunning()); // the page's: what must go once the sign-in is over

        submitPassword(page, QStringLiteral("ada@example.com"));
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));
        // Signed in, the login window process exits, and with it the page's renderer: a
        // signed-in app keeps no page (and no Qt WebEngine) in memory.
        QVERIFY(!m_app->webAgent()->isWindowOpen());
        QTRY_VERIFY_WITH_TIMEOUT(loginWindowProcesses().isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!rendererRunning(), 30000);
        QVERIFY(!mapsWebEngineCore(QCoreApplication::applicationPid()));

        QCOMPARE(label("loggedInLabel")->text(), QStringLiteral("Logged in as Ada"));
        QCOMPARE(label("emailLabel")->text(), QStringLiteral("ada@example.com"));
        QCOMPARE(find<InitialsAvatar>(QStringLiteral("avatar"))->initials(), QStringLiteral("AL"));
        QVERIFY(!label("impersonationBanner")->isVisible());
        QCOMPARE(label("organizationLabel")->text(), QStringLiteral("None"));
        QVERIFY(label("accountProfileLabel")->text().contains(m_app->config().clientId));
        QVERIFY2(label("tokenExpiryLabel")->text().startsWith(QLatin1String("expires in ")),
                 qPrintable(label("tokenExpiryLabel")->text()));
        QVERIFY2(label("nextRefreshLabel")->text().startsWith(QLatin1String("in ")),
                 qPrintable(label("nextRefreshLabel")->text()));
        // It ticks.
        const QString before = label("tokenExpiryLabel")->text();
        QTRY_VERIFY_WITH_TIMEOUT(label("tokenExpiryLabel")->text() != before, 3000);
        QCOMPARE(label("accountPersistenceLabel")->isVisible(),
                 state()->persistence() == AuthState::Persistence::MemoryOnly);
        QVERIFY2(m_stateLines->lines().contains(QStringLiteral("state: signed-in ada@example.com")),
                 qPrintable(m_stateLines->lines().join(QLatin1Char('|'))));
        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("signed-in"), &why),
                 qPrintable(why));
    }

    void signOutEndsTheHostedSession()
    {
        QString why;
        QVERIFY2(signInWithPassword(*m_app, QStringLiteral("ada@example.com"), &why),
                 qPrintable(why));
        const QString sessionId = state()->session().sessionId;
        QVERIFY(!sessionId.isEmpty());
        m_stateLines->clear();

        QVERIFY2(signOut(&why), qPrintable(why));
        QCOMPARE(m_stateLines->lines(), QStringList{QStringLiteral("state: signed-out")});
        QVERIFY(state()->lastError().isEmpty());
        const QJsonArray sessions = m_http.get(emulatorUrl(QStringLiteral("/_emulator/sessions")))
                                        .json()
                                        .value(QStringLiteral("data"))
                                        .toArray();
        bool found = false;
        for (const QJsonValue &session : sessions) {
            if (session[QStringLiteral("id")].toString() == sessionId) {
                found = true;
                QCOMPARE(session[QStringLiteral("status")].toString(), QStringLiteral("revoked"));
            }
        }
        QVERIFY(found);

        // The hosted session is over too (in the profile every login process shares): the next
        // sign-in asks for the password again.
        QVERIFY2(openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), &why),
                 qPrintable(why));
        QVERIFY(!state()->isAuthenticated());
    }

    void cancelLeavesTheAppSignedOutWithNoError()
    {
        // The window's own Cancel, Escape and "Use my browser instead" are tst_webengine's; here
        // the app's Cancel sign-in closes the login window process.
        QString why;
        QVERIFY2(openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), &why),
                 qPrintable(why));
        QVERIFY(state()->isSigningIn());
        QVERIFY(!button("signInButton")->isEnabled());
        QTest::mouseClick(button("cancelSignInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->webAgent()->isWindowOpen(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(loginWindowProcesses().isEmpty(), 30000);
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY(!state()->isSigningIn());
        QVERIFY(state()->lastError().isEmpty());
        QVERIFY(!label("signInErrorLabel")->isVisible());
        QVERIFY(button("signInButton")->isEnabled());
    }

    void keyboardOnlySignInAndCancel()
    {
        // Return on the focused Sign in button opens the window; the Cancel sign-in mnemonic
        // (Alt+C) closes it.
        QPushButton *signIn = button("signInButton");
        m_app->window()->activateWindow();
        signIn->setFocus();
        QTest::keyClick(signIn, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->webAgent()->isWindowOpen(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(button("cancelSignInButton")->isVisible(), 10000);
        QTest::keyClick(button("cancelSignInButton"), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->webAgent()->isWindowOpen(), 10000);
        QVERIFY(!state()->isSigningIn());
        QVERIFY(state()->lastError().isEmpty());
        // Mnemonics on the page's actions.
        for (const char *name : {"signInButton", "createAccountButton"})
            QVERIFY2(button(name)->text().contains(QLatin1Char('&')), name);
        QVERIFY(button("signOutButton")->text().contains(QLatin1Char('&')));
    }

    void accessDeniedIsShownReadably()
    {
        QString why;
        QVERIFY2(openLoginWindow(*m_app, button("signInButton"), QStringLiteral("continue-google"),
                                 &why),
                 qPrintable(why));
        runJs(loginPage(), click(QStringLiteral("continue-google")));
        QVERIFY2(waitForJs(loginPage(), exists(QStringLiteral("oauth-deny"))), "no consent page");
        runJs(loginPage(), click(QStringLiteral("oauth-deny")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->webAgent()->isWindowOpen(), 30000);
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        QVERIFY2(state()->lastError().contains(QLatin1String("access_denied")),
                 qPrintable(state()->lastError()));
        QLabel *error = label("signInErrorLabel");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("denied access at Google")),
                 qPrintable(error->text()));
    }

    void signUpCreatesAnAccount()
    {
        QString why;
        QVERIFY2(openLoginWindow(*m_app, button("createAccountButton"),
                                 QStringLiteral("first-name"), &why),
                 qPrintable(why));
        const QString email = QStringLiteral("mary.%1@example.com")
                                  .arg(QRandomGenerator::global()->generate() % 1000000);
        DevToolsPage *page = loginPage();
        runJs(page, setValue(QStringLiteral("first-name"), QStringLiteral("Mary")));
        runJs(page, setValue(QStringLiteral("last-name"), QStringLiteral("Somerville")));
        runJs(page, setValue(QStringLiteral("email"), email));
        runJs(page, setValue(QStringLiteral("password"), QStringLiteral("correct-horse-42")));
        runJs(page, click(QStringLiteral("sign-up-submit")));
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));
        QCOMPARE(label("loggedInLabel")->text(), QStringLiteral("Logged in as Mary"));
        QCOMPARE(label("emailLabel")->text(), email);
        QCOMPARE(find<InitialsAvatar>(QStringLiteral("avatar"))->initials(), QStringLiteral("MS"));
    }

    void emailCodeSignsIn()
    {
        // The emulator runs in its own process: the code is read from its dev inbox, newest first.
        const auto inbox = [this] {
            return m_http.get(emulatorUrl(QStringLiteral("/_emulator/inbox.json")))
                .json()
                .value(QStringLiteral("messages"))
                .toArray();
        };
        const qsizetype before = inbox().size();
        QString why;
        QVERIFY2(
            openLoginWindow(*m_app, button("signInButton"), QStringLiteral("code-email"), &why),
            qPrintable(why));
        runJs(loginPage(),
              setValue(QStringLiteral("code-email"), QStringLiteral("ada@example.com")));
        runJs(loginPage(), click(QStringLiteral("email-code-submit")));
        QTRY_VERIFY_WITH_TIMEOUT(inbox().size() > before, 30000);
        const QJsonObject sent = inbox().at(0).toObject();
        QCOMPARE(sent.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));
        const QString code = sent.value(QStringLiteral("code")).toString();
        QVERIFY(!code.isEmpty());

        QVERIFY2(waitForJs(loginPage(), exists(QStringLiteral("verify-submit"))), "no code page");
        runJs(loginPage(), setValue(QStringLiteral("code"), code));
        runJs(loginPage(), click(QStringLiteral("verify-submit")));
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));
        QCOMPARE(label("loggedInLabel")->text(), QStringLiteral("Logged in as Ada"));
    }

    void totpSecondFactorSignsIn()
    {
        QString why;
        QVERIFY2(openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), &why),
                 qPrintable(why));
        submitPassword(loginPage(), QStringLiteral("alan@example.com"));
        QVERIFY2(waitForJs(loginPage(), exists(QStringLiteral("mfa-submit"))), "no TOTP page");
        QVERIFY(!state()->isAuthenticated());
        namespace totp = authkit::testsupport::rfc6238;
        const QString code = totp::code(totp::base32Decode(QStringLiteral("JBSWY3DPEHPK3PXP")),
                                        QDateTime::currentSecsSinceEpoch());
        runJs(loginPage(), setValue(QStringLiteral("code"), code));
        runJs(loginPage(), click(QStringLiteral("mfa-submit")));
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));
        QCOMPARE(label("loggedInLabel")->text(), QStringLiteral("Logged in as Alan"));
        QCOMPARE(label("organizationLabel")->text(),
                 QStringLiteral("org_01J000000000000000000BTCHY (role member)"));
        QCOMPARE(label("permissionsLabel")->text(), QStringLiteral("codes:read"));
    }

    void impersonationShowsABanner()
    {
        QString why;
        QVERIFY2(signInWithPassword(*m_app, QStringLiteral("katherine@example.com"), &why),
                 qPrintable(why));
        QCOMPARE(label("loggedInLabel")->text(), QStringLiteral("Logged in as Katherine"));
        QLabel *banner = label("impersonationBanner");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("support@example.com")),
                 qPrintable(banner->text()));
    }

    void switchOrganization()
    {
        const QString engines = QStringLiteral("org_01J000000000000000000ENGNS");
        const QString harvard = QStringLiteral("org_01J000000000000000000HRVRD");
        QString why;
        QVERIFY2(openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), &why),
                 qPrintable(why));
        submitPassword(loginPage(), QStringLiteral("grace@example.com"));
        QVERIFY2(waitForJs(loginPage(), exists(QStringLiteral("org-") + engines)), "no picker");
        runJs(loginPage(), click(QStringLiteral("org-") + engines));
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));
        QCOMPARE(label("organizationLabel")->text(), engines + QStringLiteral(" (role admin)"));
        QVERIFY(label("permissionsLabel")->text().contains(QLatin1String("members:manage")));

        auto *combo = find<QComboBox>(QStringLiteral("organizationCombo"));
        QVERIFY(combo->isEditable());
        QCOMPARE(combo->currentText(), engines);
        combo->setEditText(harvard);
        QTest::mouseClick(button("switchOrganizationButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(label("organizationLabel")->text(),
                                  harvard + QStringLiteral(" (role member)"), 20000);
        QCOMPARE(label("permissionsLabel")->text(), QStringLiteral("widgets:read"));
        QVERIFY(!m_app->webAgent()->isWindowOpen()); // a refresh did it, no page
        // Both organizations seen in this run are offered.
        QVERIFY(combo->findText(engines) >= 0);
        QVERIFY(combo->findText(harvard) >= 0);
    }

    void settingsKeepWhatWasTypedAndValidate()
    {
        QAction *settings = m_app->window()->findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(settings);
        settings->trigger();
        SettingsDialog *dialog = m_app->window()->settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *profile = dialog->findChild<QComboBox *>(QStringLiteral("settingsProfile"));
        auto *clientId = dialog->findChild<QLineEdit *>(QStringLiteral("settingsClientId"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("settingsError"));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("settingsSave"));
        QCOMPARE(profile->currentText(), QStringLiteral("local"));

        profile->setCurrentText(QStringLiteral("development"));
        clientId->setText(QStringLiteral("sk_test_123"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("API key")), qPrintable(error->text()));
        // Nothing typed is lost, across profiles either.
        profile->setCurrentText(QStringLiteral("production"));
        QVERIFY(clientId->text().isEmpty());
        profile->setCurrentText(QStringLiteral("development"));
        QCOMPARE(clientId->text(), QStringLiteral("sk_test_123"));

        clientId->setText(QStringLiteral("client_01J00000000000000000000DEV"));
        QTest::keyClick(clientId, Qt::Key_Return); // the default button: Save
        QTRY_VERIFY(!m_app->window()->settingsDialog());
        QSettings file(m_app->configFile(), QSettings::IniFormat);
        QCOMPARE(file.value(QStringLiteral("development/client_id")).toString(),
                 QStringLiteral("client_01J00000000000000000000DEV"));
        QVERIFY(!file.value(QStringLiteral("development/issuers")).toStringList().isEmpty());
        QCOMPARE(QSettings().value(QStringLiteral("profile")).toString(), QStringLiteral("local"));

        // The profile and the language chosen for the next start are remembered; --profile
        // still wins.
        m_app->window()->openSettings();
        dialog = m_app->window()->settingsDialog();
        QTRY_VERIFY(dialog && dialog->isVisible());
        dialog->findChild<QComboBox *>(QStringLiteral("settingsStartupProfile"))
            ->setCurrentText(QStringLiteral("development"));
        auto *language = dialog->findChild<QComboBox *>(QStringLiteral("settingsLanguage"));
        QCOMPARE(language->currentData().toString(), QString()); // the system's
        language->setCurrentText(QStringLiteral("Français"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("settingsSave")),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_app->window()->settingsDialog());
        QCOMPARE(DesktopApp(DesktopOptions{}).profile(), QStringLiteral("development"));
        QCOMPARE(TranslationLoader::preferredLocale().language(), QLocale::French);
        QSettings().remove(QLatin1String(TranslationLoader::kLanguageKey));
        DesktopOptions explicitProfile;
        explicitProfile.sources.profile = QStringLiteral("production");
        QCOMPARE(DesktopApp(explicitProfile).profile(), QStringLiteral("production"));
        QSettings().setValue(QStringLiteral("profile"), QStringLiteral("local"));
    }

    void windowGeometryIsRemembered()
    {
        MainWindow::Context context;
        context.profile = QStringLiteral("local");
        {
            MainWindow window(state(), context);
            window.resize(777, 555);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
        } // saved as it closes
        MainWindow again(state(), context);
        QCOMPARE(again.size(), QSize(777, 555));
    }

    void everyControlHasAnAccessibleName()
    {
        QString why;
        QVERIFY2(openLoginWindow(*m_app, button("signInButton"), QStringLiteral("password"), &why),
                 qPrintable(why));
        m_app->window()->openSettings();
        QTRY_VERIFY(m_app->window()->settingsDialog()
                    && m_app->window()->settingsDialog()->isVisible());
        QList<QWidget *> controls;
        for (QWidget *root : {static_cast<QWidget *>(m_app->window()),
                              static_cast<QWidget *>(m_app->window()->settingsDialog())}) {
            for (QWidget *widget : root->findChildren<QWidget *>()) {
                const bool control = qobject_cast<QAbstractButton *>(widget)
                                     || qobject_cast<QComboBox *>(widget)
                                     || qobject_cast<QPlainTextEdit *>(widget)
                                     || qobject_cast<QProgressBar *>(widget)
                                     || (qobject_cast<QLineEdit *>(widget)
                                         && !qobject_cast<QComboBox *>(widget->parentWidget()));
                if (control && widget->objectName() != QLatin1String("qt_menubar_ext_button"))
                    controls.append(widget);
            }
        }
        QVERIFY(controls.size() > 15);
        for (QWidget *widget : std::as_const(controls)) {
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(widget->objectName() + QLatin1Char(' ')
                                + QLatin1String(widget->metaObject()->className())));
        }
        m_app->window()->settingsDialog()->reject();
    }
};

int main(int argc, char *argv[])
{
    Environment environment; // before QApplication
    QApplication app(argc, argv);
    Environment::nameApplication();
    DesktopTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop.moc"
