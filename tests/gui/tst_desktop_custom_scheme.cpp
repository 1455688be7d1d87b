// The system-browser sign-in that comes back by custom scheme, end to end with real parts
// (README.md, "authkit-desktop"): in a throwaway XDG_DATA_HOME / XDG_CONFIG_HOME, the packaged
// authkit-desktop.desktop is installed and registered with xdg-mime as the handler of
// x-scheme-handler/authkit-desktop, next to a "browser" (a .desktop for http that only records
// the URL it is given). authkit-desktop, the built one, runs on its production profile against
// authkit-emulator, whose production client applies WorkOS's production redirect rules; it
// defaults to the custom scheme because its .desktop is installed. The test plays the person in
// the browser over HTTP on the hosted page, then runs `xdg-open` on the redirect, as a browser
// does: a second authkit-desktop hands the URL to the first and exits 0, and the first is signed
// in, confirmed by its Convex backend. The same redirect again is refused and changes nothing.
//
// Nothing here prints a redirect URL: it carries an authorization code.

#include "EmulatorProcess.h"
#include "FormEncoding.h"
#include "HttpClient.h"
#include "LoggedProcess.h"
#include "SignInDriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace authkit::testsupport;

namespace {

const QString kProductionClient = QStringLiteral("client_01J00000000000000000000PRD");

// A client ID of its own per run, so that the keychain entry (per profile and client ID) of an
// earlier run can never be restored into this one.
QString freshClientId()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    QString id = QStringLiteral("client_01J");
    for (int i = 0; i < 23; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]);
    return id;
}

bool writeFile(const QString &path, const QByteArray &contents,
               QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(contents) == contents.size() && file.setPermissions(permissions);
}

using Launch = authkit::testsupport::LoggedProcess;

} // namespace

class DesktopCustomSchemeTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QProcessEnvironment m_environment;
    QString m_openedFile; // where the "browser" writes each URL it is given
    QString m_clientId;
    QString m_loopbackClientId;
    EmulatorProcess m_emulator{QStringLiteral(AUTHKIT_EMULATOR_PATH)};

    QString path(const QString &relative) const { return m_root.filePath(relative); }

    // The URLs the "browser" was asked to open, oldest first.
    QStringList opened() const
    {
        QFile file(m_openedFile);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // A command of the throwaway session (xdg-mime, update-desktop-database), to its end.
    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.start(program, arguments);
        if (!process.waitForFinished(60000))
            return false;
        if (output)
            *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        for (const char *tool : {"xdg-open", "xdg-mime"}) {
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: scripts/install-deps.sh installs "
                                               "xdg-utils")
                                    .arg(QLatin1String(tool))));
        }

        m_environment = QProcessEnvironment::systemEnvironment(); // with-keyring's home and bus
        m_environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        // Where xdg-open finds `authkit-desktop` of the .desktop file's Exec line: the built one.
        m_environment.insert(QStringLiteral("PATH"),
                             QFileInfo(QStringLiteral(AUTHKIT_DESKTOP_PATH)).absolutePath()
                                 + QLatin1Char(':') + m_environment.value(QStringLiteral("PATH")));
        // xdg-open asks the scheme handlers only in a graphical session; the app itself stays on
        // QT_QPA_PLATFORM=offscreen. No desktop environment: xdg-open's generic, spec-only path.
        m_environment.insert(QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("authkit-test"));
        for (const char *variable : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                     "GNOME_DESKTOP_SESSION_ID", "BROWSER", "DISPLAY"}) {
            m_environment.remove(QLatin1String(variable));
        }
        m_environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                             QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));

        // The packaged .desktop file, unchanged, and its registration for our scheme.
        const QString applications = path(QStringLiteral("data/applications"));
        QFile packaged(QStringLiteral(AUTHKIT_DESKTOP_FILE));
        QVERIFY(packaged.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(applications + QStringLiteral("/authkit-desktop.desktop"),
                          packaged.readAll()));
        // A browser that records what it is asked to open (the authorize URL: no secret in it).
        m_openedFile = path(QStringLiteral("opened-urls"));
        const QString browser = path(QStringLiteral("record-url"));
        QVERIFY(writeFile(browser,
                          "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + m_openedFile.toUtf8() + "'\n",
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(writeFile(applications + QStringLiteral("/test-browser.desktop"),
                          "[Desktop Entry]\nType=Application\nName=Test browser\nExec="
                              + browser.toUtf8()
                              + " %u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n"));
        if (!QStandardPaths::findExecutable(QStringLiteral("update-desktop-database")).isEmpty())
            QVERIFY(run(QStringLiteral("update-desktop-database"), {applications}));
        QVERIFY(run(QStringLiteral("xdg-mime"),
                    {QStringLiteral("default"), QStringLiteral("authkit-desktop.desktop"),
                     QStringLiteral("x-scheme-handler/authkit-desktop")}));
        for (const char *scheme : {"x-scheme-handler/http", "x-scheme-handler/https"}) {
            QVERIFY(run(QStringLiteral("xdg-mime"),
                        {QStringLiteral("default"), QStringLiteral("test-browser.desktop"),
                         QLatin1String(scheme)}));
        }
        QString handler;
        QVERIFY(run(QStringLiteral("xdg-mime"),
                    {QStringLiteral("query"), QStringLiteral("default"),
                     QStringLiteral("x-scheme-handler/authkit-desktop")},
                    &handler));
        QCOMPARE(handler, QStringLiteral("authkit-desktop.desktop"));

        // The emulator's default seed, its production client under a fresh ID, and a copy of it
        // under another for the app installed without its .desktop file.
        m_clientId = freshClientId();
        m_loopbackClientId = freshClientId();
        QFile seed(QStringLiteral(AUTHKIT_DEFAULT_SEED));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QJsonObject seedJson = QJsonDocument::fromJson(seed.readAll()).object();
        QJsonArray clients = seedJson.value(QStringLiteral("clients")).toArray();
        for (qsizetype i = 0, size = clients.size(); i < size; ++i) {
            QJsonObject client = clients.at(i).toObject();
            if (client.value(QStringLiteral("client_id")).toString() != kProductionClient)
                continue;
            QCOMPARE(client.value(QStringLiteral("environment")).toString(),
                     QStringLiteral("production"));
            client.insert(QStringLiteral("client_id"), m_clientId);
            clients.replace(i, client);
            client.insert(QStringLiteral("client_id"), m_loopbackClientId);
            clients.append(client);
        }
        seedJson.insert(QStringLiteral("clients"), clients);
        QVERIFY(writeFile(path(QStringLiteral("seed.json")), QJsonDocument(seedJson).toJson()));
        QVERIFY2(m_emulator.start({QStringLiteral("--seed"), path(QStringLiteral("seed.json"))}),
                 qPrintable(m_emulator.errorString()));
    }

    // The only argument a launch takes is one URL of our scheme: anything else ends it at once,
    // before it looks for a running instance.
    void aForeignArgumentIsRefusedAtOnce()
    {
        Launch launch(m_environment);
        QVERIFY(launch.start(QStringLiteral(AUTHKIT_DESKTOP_PATH),
                             {QStringLiteral("https://evil.example/callback?code=x&state=y")}));
        QVERIFY(launch.waitForExit());
        QCOMPARE(launch.process().exitCode(), 2);
        QVERIFY2(launch.log().contains(QLatin1String("Unexpected argument")),
                 qPrintable(launch.log()));
        QVERIFY(!launch.log().contains(QLatin1String("single instance")));
    }

    // A redirect with no instance running starts the app, which says no sign-in waits for it.
    void aRedirectWithNothingRunningIsRefusedAndTheAppStarts()
    {
        Launch launch(m_environment);
        QVERIFY(launch.start(QStringLiteral(AUTHKIT_DESKTOP_PATH),
                             {QStringLiteral("--profile"), QStringLiteral("production"),
                              QStringLiteral("--client-id"), m_clientId,
                              QStringLiteral("--api-base-url"), m_emulator.baseUrl().toString(),
                              QStringLiteral("authkit-desktop://callback?code=x&state=y")}));
        QVERIFY2(launch.waitForLog(QStringLiteral("No sign-in is waiting for this redirect")),
                 qPrintable(launch.log()));
        QVERIFY2(launch.waitForLog(QStringLiteral("state: signed-out")), qPrintable(launch.log()));
        launch.process().terminate();
        QVERIFY(launch.waitForExit());
        QCOMPARE(launch.process().exitCode(), 0);
    }

    void redirectByXdgOpenSignsInTheRunningInstance()
    {
        QProcessEnvironment environment = m_environment;
        environment.insert(QStringLiteral("CONVEX_URL"), m_emulator.convexUrl().toString());
        Launch first(environment);
        QVERIFY(first.start(QStringLiteral(AUTHKIT_DESKTOP_PATH),
                            {QStringLiteral("--profile"), QStringLiteral("production"),
                             QStringLiteral("--client-id"), m_clientId,
                             QStringLiteral("--api-base-url"), m_emulator.baseUrl().toString(),
                             QStringLiteral("--sign-in")}));
        // The production profile picked the custom scheme: the .desktop file is installed.
        QVERIFY2(first.waitForLog(QStringLiteral("back by authkit-desktop:")),
                 qPrintable(first.log()));

        // The system browser got the hosted page, with our scheme as the redirect URI.
        QVERIFY2(QTest::qWaitFor([&] { return !opened().isEmpty() || !first.isRunning(); }, 90000),
                 qPrintable(first.log()));
        QVERIFY2(!opened().isEmpty(), qPrintable(first.log()));
        const QUrl authorize(opened().first());
        QCOMPARE(authorize.path(), QStringLiteral("/user_management/authorize"));
        const QUrlQuery authorizeQuery(authorize);
        QCOMPARE(authorizeQuery.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("authkit-desktop://callback"));
        QCOMPARE(authorizeQuery.queryItemValue(QStringLiteral("client_id")), m_clientId);

        // The person signs in on the hosted page (the browser's half, over HTTP).
        HttpClient http;
        SignInDriver browser(http, m_emulator.baseUrl(), m_clientId);
        browser.setRedirectUri(QStringLiteral("authkit-desktop://callback"));
        QueryItems items;
        for (const auto &item : authorizeQuery.queryItems(QUrl::FullyDecoded))
            items.append({item.first, item.second});
        const HttpResult toPage = browser.authorize(items);
        QCOMPARE(toPage.status, 302);
        const HttpResult page = browser.follow(toPage);
        QCOMPARE(page.status, 200);
        const HttpResult callback = browser.submitPassword(SignInDriver::attemptOf(page),
                                                           QStringLiteral("ada@example.com"));
        QVERIFY2(browser.isCallback(callback), qPrintable(QString::number(callback.status)));
        const QString redirect = QString::fromUtf8(callback.header("Location"));
        QVERIFY(redirect.startsWith(QLatin1String("authkit-desktop://callback?code=")));

        // The browser hands the redirect to the OS: xdg-open finds authkit-desktop.desktop,
        // whose second launch hands the URL over and exits 0 (xdg-open's status is its own).
        QVERIFY(!first.log().contains(QLatin1String("state: signed-in")));
        Launch second(m_environment);
        QVERIFY(second.start(QStringLiteral("xdg-open"), {redirect}));
        QVERIFY2(second.waitForExit(), qPrintable(second.log()));
        QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.log().contains(QLatin1String("the sign-in was handed to the running app")),
                 qPrintable(second.log()));
        QCOMPARE(second.process().exitCode(), 0);

        // The FIRST instance is signed in, and its Convex backend accepted the token.
        QVERIFY2(first.waitForLog(QStringLiteral("state: signed-in ada@example.com")),
                 qPrintable(first.log()));
        QVERIFY2(first.waitForLog(QStringLiteral("convex accepted the token")),
                 qPrintable(first.log()));
        QVERIFY(first.log().contains(QLatin1String("window raised for another launch")));
        QVERIFY(first.isRunning());

        // The same redirect again: no sign-in waits for it; refused with words, nothing changes.
        Launch replay(m_environment);
        QVERIFY(replay.start(QStringLiteral("xdg-open"), {redirect}));
        QVERIFY2(replay.waitForExit(), qPrintable(replay.log()));
        QVERIFY(replay.process().exitCode() != 0);
        QVERIFY2(replay.log().contains(QLatin1String("No sign-in is waiting for this redirect")),
                 qPrintable(replay.log()));
        QVERIFY(first.isRunning());
        QVERIFY2(!first.log().contains(QLatin1String("state: signed-out"), Qt::CaseSensitive)
                     || first.log().lastIndexOf(QLatin1String("state: signed-out"))
                            < first.log().lastIndexOf(QLatin1String("state: signed-in")),
                 qPrintable(first.log()));

        // The code never reached a log.
        const QString code = QUrlQuery(QUrl(redirect)).queryItemValue(QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        QVERIFY(!first.log().contains(code));
        QVERIFY(!second.log().contains(code));

        first.process().terminate();
        QVERIFY(first.waitForExit());
        QCOMPARE(first.process().exitCode(), 0);
    }

    // Installed without its .desktop file, nothing would bring a custom-scheme redirect back: the
    // production profile then takes the loopback IP literal, which production's rules accept too.
    // (No sign-in window here, neither process nor plugin, so the sign-in goes to the system
    // browser and its loopback listener.)
    void withoutTheDesktopFileProductionUsesTheLoopbackLiteral()
    {
        QProcessEnvironment environment = m_environment;
        const QString data = path(QStringLiteral("data-without-desktop-file"));
        // The same "browser", and no authkit-desktop.desktop (another data folder: another
        // instance).
        QVERIFY(QDir().mkpath(data + QStringLiteral("/applications")));
        QVERIFY(QFile::copy(path(QStringLiteral("data/applications/test-browser.desktop")),
                            data + QStringLiteral("/applications/test-browser.desktop")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), data);
        // Neither the login window process nor the in-process plugin: the system browser.
        environment.insert(QStringLiteral("AUTHKITQT_LOGIN_WINDOW"),
                           path(QStringLiteral("none/authkit-login-window")));
        environment.insert(QStringLiteral("AUTHKITQT_PLUGIN_PATH"), path(QStringLiteral("none")));
        const int openedBefore = int(opened().size());

        Launch app(environment);
        QVERIFY(app.start(QStringLiteral(AUTHKIT_DESKTOP_PATH),
                          {QStringLiteral("--profile"), QStringLiteral("production"),
                           QStringLiteral("--client-id"), m_loopbackClientId,
                           QStringLiteral("--api-base-url"), m_emulator.baseUrl().toString(),
                           QStringLiteral("--sign-in")}));
        QVERIFY2(QTest::qWaitFor([&] { return opened().size() > openedBefore || !app.isRunning(); },
                                 90000),
                 qPrintable(app.log()));
        QVERIFY2(opened().size() > openedBefore, qPrintable(app.log()));
        QVERIFY(!app.log().contains(QLatin1String("back by authkit-desktop:")));
        const QUrlQuery authorizeQuery{QUrl(opened().at(openedBefore))};
        const QUrl redirectUri(
            authorizeQuery.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirectUri.scheme(), QStringLiteral("http"));
        QCOMPARE(redirectUri.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirectUri.port() > 0);

        // The production client takes it, and the browser's redirect reaches the listener.
        HttpClient http;
        SignInDriver browser(http, m_emulator.baseUrl(), m_loopbackClientId);
        browser.setRedirectUri(redirectUri.toString());
        QueryItems items;
        for (const auto &item : authorizeQuery.queryItems(QUrl::FullyDecoded))
            items.append({item.first, item.second});
        const HttpResult page = browser.follow(browser.authorize(items));
        QCOMPARE(page.status, 200);
        const HttpResult callback = browser.submitPassword(SignInDriver::attemptOf(page),
                                                           QStringLiteral("ada@example.com"));
        QVERIFY2(browser.isCallback(callback), qPrintable(QString::number(callback.status)));
        const HttpResult answer = http.get(callback.location());
        QCOMPARE(answer.status, 200);
        QVERIFY2(app.waitForLog(QStringLiteral("state: signed-in ada@example.com")),
                 qPrintable(app.log()));

        app.process().terminate();
        QVERIFY(app.waitForExit());
        QCOMPARE(app.process().exitCode(), 0);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    DesktopCustomSchemeTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_custom_scheme.moc"
