// authkit-desktop for every user: each control the accessibility tree exposes has a name (as a
// screen reader would read it), the app and the hosted sign-in page are used with the keyboard
// alone (Tab, Return, Escape and typing: sign in, cancel, switch organization, sign out,
// Settings), and the colours it adds follow the
// system palette (light, dark, high contrast) with readable contrast. It runs in French, as a
// French system would start it, so the names checked are the translated ones; it saves the
// French screenshots the README shows.

#include "DesktopTestSupport.h"

#include <DesktopApp.h>
#include <MainWindow.h>
#include <SettingsDialog.h>
#include <TranslationLoader.h>

#include <authkitqt/core/AuthState.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <authkitqt/widgets/AuthGate.h>
#include <authkitqt/widgets/ThemeColors.h>

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QStyle>
#include <QTest>

using authkit::AuthGate;
using namespace authkit::theme;
using namespace desktoptest;

namespace {

// Roles a user operates; each needs a name a screen reader can say.
bool isControl(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::List:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Link:
    case QAccessible::PageTab:
    case QAccessible::MenuItem:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *node)
{
    QObject *object = node->object();
    return QStringLiteral("%1 (role 0x%2, object %3 \"%4\")")
        .arg(node->text(QAccessible::Name))
        .arg(int(node->role()), 0, 16)
        .arg(object ? QString::fromLatin1(object->metaObject()->className()) : QStringLiteral("-"),
             object ? object->objectName() : QString());
}

// Every visible control under root without an accessible name, and how many controls were seen.
QStringList unnamedControls(QAccessibleInterface *root, int *controls, int depth = 0)
{
    QStringList unnamed;
    if (!root || depth > 40 || root->state().invisible)
        return unnamed;
    if (isControl(root->role())) {
        ++*controls;
        if (root->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(root);
    }
    for (int i = 0; i < root->childCount(); ++i)
        unnamed << unnamedControls(root->child(i), controls, depth + 1);
    return unnamed;
}

// Presses Tab (at most 60 times) until the focus is on widget (or its focus proxy).
bool tabTo(QWidget *widget)
{
    for (int i = 0; i < 60; ++i) {
        if (widget->hasFocus())
            return true;
        QWidget *from =
            QApplication::focusWidget() ? QApplication::focusWidget() : widget->window();
        QTest::keyClick(from, Qt::Key_Tab);
    }
    return widget->hasFocus();
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b), text(0xe8, 0xe8, 0xe8), base(0x1e, 0x1e, 0x1e);
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, window);
        palette.setColor(group, QPalette::WindowText, text);
        palette.setColor(group, QPalette::Base, base);
        palette.setColor(group, QPalette::Text, text);
        palette.setColor(group, QPalette::Button, window);
        palette.setColor(group, QPalette::ButtonText, text);
        palette.setColor(group, QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
        palette.setColor(group, QPalette::HighlightedText, Qt::white);
        palette.setColor(group, QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    }
    return palette;
}

QPalette highContrastPalette()
{
    QPalette palette(Qt::white, Qt::black); // button, window
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, Qt::black);
        palette.setColor(group, QPalette::WindowText, Qt::white);
        palette.setColor(group, QPalette::Base, Qt::black);
        palette.setColor(group, QPalette::Text, Qt::white);
        palette.setColor(group, QPalette::ButtonText, Qt::white);
        palette.setColor(group, QPalette::Button, Qt::black);
    }
    return palette;
}

// The colour the label's text is drawn on: its own background when it fills one, else the
// window's.
QColor backgroundOf(const QLabel *label)
{
    return label->autoFillBackground() ? label->palette().color(QPalette::Window)
                                       : label->window()->palette().color(QPalette::Window);
}

} // namespace

class DesktopAccessibilityTest : public DesktopAppTest
{
    Q_OBJECT

    void verifyEveryControlNamed(QWidget *top, int minimumControls)
    {
        QAccessibleInterface *root = QAccessible::queryAccessibleInterface(top);
        QVERIFY(root);
        int controls = 0;
        const QStringList unnamed = unnamedControls(root, &controls);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("controls without a name: ")
                                               + unnamed.join(QStringLiteral("; "))));
        // The walk reached the controls (a broken tree would pass vacuously).
        QVERIFY2(controls >= minimumControls,
                 qPrintable(QStringLiteral("only %1 controls in the tree").arg(controls)));
    }

    void activateMainWindow()
    {
        mainWindow()->show();
        mainWindow()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(mainWindow()));
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
        QCOMPARE(page(), AuthGate::Page::Unauthenticated);
        activateMainWindow();
    }

    void signedOutControlsAreNamed()
    {
        QCOMPARE(button("signInButton")->accessibleName(), QStringLiteral("Se connecter"));
        verifyEveryControlNamed(mainWindow(), 2); // Sign in, Create account (+ the menu)
        QString why;
        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("signed-out-fr"), &why),
                 qPrintable(why));
    }

    void settingsByKeyboardAndNamed()
    {
        // Alt+F opens the File menu; Return takes its first entry, Settings.
        QTest::keyClick(mainWindow(), Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(QApplication::activePopupWidget());
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Return);
        SettingsDialog *dialog = m_app->window()->settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        verifyEveryControlNamed(dialog, 6);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
        activateMainWindow();
    }

    // Opens the login window with Tab and Return on Sign in, and attaches to its page.
    DevToolsPage *openLoginWindowByKeyboard(const QString &id, QString *why)
    {
        activateMainWindow();
        if (!tabTo(button("signInButton"))) {
            *why = QStringLiteral("Tab never reached Sign in");
            return nullptr;
        }
        return openLoginWindow(
            *m_app, [] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); }, id, why);
    }

    // Presses Tab in the page (at most 30 times) until the element with this id has the focus.
    static bool tabInPageTo(DevToolsPage *page, const QString &id)
    {
        for (int i = 0; i < 30; ++i) {
            if (page->focusedId() == id)
                return true;
            if (!page->press(DevToolsPage::Key::Tab))
                return false;
        }
        return page->focusedId() == id;
    }

    // The window's own Escape is tst_webengine's (a real key event on LoginWindow): keys sent
    // over the DevTools protocol stop at the page and never reach the window. Here the sign-in
    // is cancelled from the app, by keyboard.
    void cancelTheSignInByKeyboard()
    {
        QString why;
        DevToolsPage *loginPage = openLoginWindowByKeyboard(QStringLiteral("password"), &why);
        QVERIFY2(loginPage, qPrintable(why));
        activateMainWindow();
        QVERIFY(tabTo(button("cancelSignInButton")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->webAgent()->isWindowOpen(), 20000);
        QTRY_COMPARE(page(), AuthGate::Page::Unauthenticated);
        QTRY_VERIFY(button("signInButton")->isEnabled());
    }

    void keyboardOnlySignInSwitchAndSignOut()
    {
        const QString engines = QStringLiteral("org_01J000000000000000000ENGNS");
        const QString harvard = QStringLiteral("org_01J000000000000000000HRVRD");
        QString why;
        DevToolsPage *loginPage = openLoginWindowByKeyboard(QStringLiteral("password"), &why);
        QVERIFY2(loginPage, qPrintable(why));
        // The login window process speaks the app's language, and so does the page it asks for.
        QCOMPARE(runJs(loginPage, QStringLiteral("document.documentElement.lang")).toString(),
                 QStringLiteral("fr"));
        // The hosted page, by keyboard: Tab to each field, type, Return submits.
        QVERIFY2(tabInPageTo(loginPage, QStringLiteral("email")),
                 "Tab never reached the email field");
        QVERIFY(loginPage->type(QStringLiteral("grace@example.com")));
        QVERIFY2(tabInPageTo(loginPage, QStringLiteral("password")),
                 "Tab never reached the password");
        QVERIFY(loginPage->type(QStringLiteral("password")));
        QVERIFY(loginPage->press(DevToolsPage::Key::Enter));
        const QString orgButton = QStringLiteral("org-") + engines;
        QVERIFY2(waitForJs(loginPage, exists(orgButton)), "no organization picker");
        QVERIFY2(tabInPageTo(loginPage, orgButton), "Tab never reached the organization");
        QVERIFY(loginPage->press(DevToolsPage::Key::Enter));
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));
        activateMainWindow();
        verifyEveryControlNamed(mainWindow(), 4); // organization, Switch, Sign out, messages

        auto *combo = find<QComboBox>(QStringLiteral("organizationCombo"));
        QVERIFY(tabTo(combo));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), harvard);
        QCOMPARE(combo->currentText(), harvard);
        QVERIFY(tabTo(button("switchOrganizationButton")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(label("organizationLabel")->text().startsWith(harvard), 20000);
        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("signed-in-fr"), &why),
                 qPrintable(why));

        QVERIFY(tabTo(button("signOutButton")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(page(), AuthGate::Page::Unauthenticated, 20000);
    }

    void coloursFollowTheSystemPalette_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << QApplication::style()->standardPalette() << false;
        QTest::newRow("dark") << darkPalette() << true;
        QTest::newRow("high contrast") << highContrastPalette() << true;
    }

    void coloursFollowTheSystemPalette()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        const QPalette before = QApplication::palette();
        QApplication::setPalette(palette);
        const auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
        QTRY_COMPARE(isDark(mainWindow()->palette()), dark);

        // Every label the views tone (errors, notices, the impersonation banner), shown or not.
        int toned = 0;
        const QList<QLabel *> labels = mainWindow()->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (!label->findChild<QObject *>(QStringLiteral("authkit_tone_keeper"),
                                             Qt::FindDirectChildrenOnly))
                continue;
            ++toned;
            const QColor text = label->palette().color(QPalette::WindowText);
            const double ratio = contrastRatio(text, backgroundOf(label));
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                                  .arg(label->objectName(), text.name(),
                                                       backgroundOf(label).name())
                                                  .arg(ratio, 0, 'f', 2)));
        }
        QVERIFY2(toned >= 5, qPrintable(QStringLiteral("%1 toned labels").arg(toned)));

        // The error text's colour is not fixed: light and dark differ.
        const QColor error = label("signInErrorLabel")->palette().color(QPalette::WindowText);
        QCOMPARE(error == toneColors(Tone::Error, QApplication::style()->standardPalette()).text,
                 !dark);
    }

    void avatarsKeepWhiteInitialsReadable()
    {
        for (int i = 0; i < 2000; ++i) {
            const QString seed = QStringLiteral("user_%1").arg(i);
            QVERIFY2(contrastRatio(Qt::white, avatarColor(seed)) >= 4.5, qPrintable(seed));
        }
    }

    void cleanupTestCase() { m_app.reset(); }
};

int main(int argc, char *argv[])
{
    Environment environment;
    QApplication app(argc, argv);
    Environment::nameApplication();
    QLocale::setDefault(QLocale(QStringLiteral("fr_FR")));
    if (TranslationLoader::install(app, QLocale(QStringLiteral("fr_FR"))).isEmpty())
        qFatal("no French catalogue");
    DesktopAccessibilityTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_accessibility.moc"
