// authkit-desktop with a hostile user (label hostile): the in-process emulator is seeded with a
// person whose names, e-mail, organization, role, permission and impersonation reason are HTML
// (bold, an image from file:, a link, entities). After the real sign-in through the Qt WebEngine
// page, every label shows those strings literally: the same characters, in plain text, never
// interpreted as rich text; and no label of the window is left to guess.

#include "DesktopTestSupport.h"

#include <HttpClient.h>

#include <DesktopApp.h>
#include <MainWindow.h>

#include <LocalEmulatorProcess.h>
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
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using authkit::AuthGate;
using namespace desktoptest;

namespace {

const QString kFirstName =
    QStringLiteral("<b>Mallory</b><img src=\"file:///etc/hostname\" width=\"400\">");
const QString kLastName = QStringLiteral("<a href=\"https://evil.example/\">Click</a> &lt;i&gt;");
const QString kEmail = QStringLiteral("<b>mallory</b>&amp;<i>x</i>@example.com");
const QString kOrganizationId = QStringLiteral("org_<b>EVIL</b>");
const QString kOrganizationName = QStringLiteral("<script>alert(1)</script><b>Evil Corp</b>");
const QString kRole = QStringLiteral("<u>admin</u>");
const QString kPermission = QStringLiteral("<a href=\"https://evil.example/p\">perm</a>");
const QString kImpersonator = QStringLiteral("<i>support</i>@example.com");
const QString kReason = QStringLiteral("<h1>Because</h1><img src=\"x\">");

QStringList userStrings()
{
    return {kFirstName, kLastName,   kEmail,        kOrganizationId,
            kRole,      kPermission, kImpersonator, kReason};
}

bool containsUserData(const QString &text)
{
    for (const QString &value : userStrings()) {
        if (text.contains(value))
            return true;
    }
    return false;
}

// The built-in seed's development client (the local profile's), and the hostile person.
QByteArray hostileSeed()
{
    const QJsonObject client{
        {QStringLiteral("client_id"), QLatin1String(authkit::ConfigLoader::kLocalClientId)},
        {QStringLiteral("name"), QStringLiteral("Development")},
        {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("http://127.0.0.1/callback"),
                                                     QStringLiteral("authkit-desktop://callback")}},
        {QStringLiteral("logout_redirect_uris"),
         QJsonArray{QStringLiteral("http://127.0.0.1/"),
                    QStringLiteral("authkit-desktop://signed-out")}}};
    const QJsonObject organization{
        {QStringLiteral("id"), kOrganizationId},
        {QStringLiteral("name"), kOrganizationName},
        {QStringLiteral("roles"),
         QJsonObject{{kRole, QJsonArray{kPermission, QStringLiteral("widgets:read")}}}}};
    const QJsonObject user{
        {QStringLiteral("id"), QStringLiteral("user_01J00000000000000000MALLORY")},
        {QStringLiteral("email"), kEmail},
        {QStringLiteral("password"), QStringLiteral("password")},
        {QStringLiteral("first_name"), kFirstName},
        {QStringLiteral("last_name"), kLastName},
        {QStringLiteral("impersonator"), QJsonObject{{QStringLiteral("email"), kImpersonator},
                                                     {QStringLiteral("reason"), kReason}}},
        {QStringLiteral("memberships"),
         QJsonArray{QJsonObject{{QStringLiteral("organization_id"), kOrganizationId},
                                {QStringLiteral("role"), kRole}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("clients"), QJsonArray{client}},
                                     {QStringLiteral("organizations"), QJsonArray{organization}},
                                     {QStringLiteral("users"), QJsonArray{user}}})
        .toJson();
}

} // namespace

class DesktopHostileTest : public DesktopAppTest
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The label shows exactly text, as plain text.
    static bool showsLiterally(const QLabel *label, const QString &text, QString *why)
    {
        if (!label) {
            *why = QStringLiteral("no such label");
            return false;
        }
        if (label->textFormat() != Qt::PlainText) {
            *why = QStringLiteral("%1 is in text format %2")
                       .arg(label->objectName())
                       .arg(int(label->textFormat()));
            return false;
        }
        if (!label->text().contains(text)) {
            *why = QStringLiteral("%1 shows \"%2\", not \"%3\"")
                       .arg(label->objectName(), label->text(), text);
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));
        QVERIFY(m_dir.isValid());
        QFile seed(m_dir.filePath(QStringLiteral("hostile-seed.json")));
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write(hostileSeed());
        seed.close();
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));

        DesktopOptions options;
        options.emulatorSeedFile = seed.fileName();
        m_app = std::make_unique<DesktopApp>(options);
        QVERIFY2(m_app->start(), qPrintable(m_app->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->session()->state()->isLoading(), 20000);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        QVERIFY(clearStoredSession(authkit::ConfigLoader::defaults(QStringLiteral("local"))));
    }

    void htmlInUserDataIsShownAsText()
    {
        QString why;
        auto *signIn = find<QPushButton>(QStringLiteral("signInButton"));
        // (The sign-in window's own labels are plain text too: tst_webengine.)
        DevToolsPage *page = openLoginWindow(*m_app, signIn, QStringLiteral("password"), &why);
        QVERIFY2(page, qPrintable(why));

        // The hosted page's field is type=email, which a browser would not submit with these
        // characters; the seed is the server's data all the same, and a server may hold them.
        submitPassword(page, kEmail, EmailField::AnyText);
        QVERIFY2(waitSignedIn(*m_app, &why), qPrintable(why));

        // The session carries the strings unchanged: what follows tests the views, not a filter.
        const authkit::Session &session = m_app->session()->state()->session();
        QCOMPARE(session.user.firstName, kFirstName);
        QCOMPARE(session.user.lastName, kLastName);
        QCOMPARE(session.user.email, kEmail);
        QCOMPARE(session.organizationId, kOrganizationId);
        QCOMPARE(session.role, kRole);
        QVERIFY(session.permissions.contains(kPermission));
        QCOMPARE(session.impersonatorEmail, kImpersonator);

        QVERIFY2(showsLiterally(label("loggedInLabel"), kFirstName, &why), qPrintable(why));
        const QString fullName = kFirstName + QLatin1Char(' ') + kLastName;
        QVERIFY2(showsLiterally(label("nameLabel"), fullName, &why), qPrintable(why));
        QCOMPARE(label("emailLabel")->text(), kEmail);
        QVERIFY2(showsLiterally(label("emailLabel"), kEmail, &why), qPrintable(why));
        QVERIFY2(showsLiterally(label("organizationLabel"), kOrganizationId, &why),
                 qPrintable(why));
        QVERIFY2(showsLiterally(label("organizationLabel"), kRole, &why), qPrintable(why));
        QVERIFY2(showsLiterally(label("permissionsLabel"), kPermission, &why), qPrintable(why));
        QVERIFY2(showsLiterally(label("impersonationBanner"), kImpersonator, &why),
                 qPrintable(why));
        QVERIFY2(showsLiterally(label("impersonationBanner"), kReason, &why), qPrintable(why));
        QVERIFY(label("impersonationBanner")->isVisible());
        // The organization's name is not shown by the app; it was escaped by the hosted page.
        QVERIFY(!containsUserData(m_app->window()->windowTitle()));

        // Every label of the window: one that holds user data is plain text; one that is not
        // plain text holds no user data and nothing that would render as markup.
        int withUserData = 0;
        const QList<QLabel *> labels = m_app->window()->findChildren<QLabel *>();
        for (const QLabel *each : labels) {
            const QString text = each->text();
            if (containsUserData(text)) {
                ++withUserData;
                QVERIFY2(each->textFormat() == Qt::PlainText,
                         qPrintable(QStringLiteral("%1: %2").arg(each->objectName(), text)));
            } else if (each->textFormat() != Qt::PlainText) {
                QVERIFY2(!Qt::mightBeRichText(text),
                         qPrintable(QStringLiteral("%1 may render \"%2\" as rich text")
                                        .arg(each->objectName(), text)));
            }
        }
        QVERIFY2(withUserData >= 6, qPrintable(QString::number(withUserData)));

        // Tool tips guess rich text too: none carries user data unescaped.
        const QList<QWidget *> widgets = m_app->window()->findChildren<QWidget *>();
        for (const QWidget *widget : widgets) {
            const QString tip = widget->toolTip();
            if (tip.isEmpty() || !Qt::mightBeRichText(tip))
                continue;
            QTextDocument rendered;
            rendered.setHtml(tip);
            QVERIFY2(!containsUserData(tip) || containsUserData(rendered.toPlainText()),
                     qPrintable(widget->objectName()));
        }

        QVERIFY2(saveScreenshot(m_app->window(), QStringLiteral("hostile-user"), &why),
                 qPrintable(why));
    }

    void serverErrorTextIsShownAsText()
    {
        // Signed out (the hosted session too), the next code exchange is answered with an
        // error whose description is HTML: the signed-out page says it, literally.
        QTest::mouseClick(find<QPushButton>(QStringLiteral("signOutButton")), Qt::LeftButton);
        QVERIFY(!m_app->session()->state()->isAuthenticated());
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->isHostedLogoutPending(), 20000);

        const QString description = QStringLiteral(
            "<b>Refused</b><img src=\"file:///etc/hostname\"> &amp; <a href=\"x\">y</a>");
        QUrl faults = m_app->emulator()->baseUrl();
        faults.setPath(QStringLiteral("/_emulator/faults"));
        authkit::testsupport::HttpClient http;
        const auto injected = http.postJson(
            faults,
            QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
                        {QStringLiteral("count"), 1},
                        {QStringLiteral("action"), QStringLiteral("respond")},
                        {QStringLiteral("status"), 400},
                        {QStringLiteral("body"),
                         QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                     {QStringLiteral("error_description"), description}}}});
        QCOMPARE(injected.status, 201);

        QString why;
        auto *signIn = find<QPushButton>(QStringLiteral("signInButton"));
        DevToolsPage *page = openLoginWindow(*m_app, signIn, QStringLiteral("password"), &why);
        QVERIFY2(page, qPrintable(why));
        submitPassword(page, kEmail, EmailField::AnyText);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->session()->state()->isSigningIn(), 30000);
        QVERIFY(!m_app->session()->state()->isAuthenticated());
        QVERIFY2(m_app->session()->state()->lastError().contains(description),
                 qPrintable(m_app->session()->state()->lastError()));

        QLabel *error = label("signInErrorLabel");
        QVERIFY(error->isVisible());
        QVERIFY2(showsLiterally(error, description, &why), qPrintable(why));
    }
};

int main(int argc, char **argv)
{
    desktoptest::Environment environment;
    QApplication app(argc, argv);
    desktoptest::Environment::nameApplication();
    DesktopHostileTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_hostile.moc"
