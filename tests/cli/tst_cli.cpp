// authkit-cli end to end: real processes, the real keychain (run under scripts/with-keyring.sh),
// the emulator in this process on a real loopback socket.

#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using authkit::emulator::AuthKitEmulator;
using authkit::emulator::EmulatorOptions;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<AuthKitEmulator> m_emulator;
    QNetworkAccessManager m_network;
    QString m_profile;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AUTHKIT_EMULATOR_URL"), m_emulator->baseUrl().toString());
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        return env;
    }

    // Runs authkit-cli while this process keeps serving the emulator (no blocking waits).
    Run cli(const QStringList &arguments, const QProcessEnvironment &env,
            const std::function<void(QProcess &)> &whileRunning = {})
    {
        QProcess process;
        process.setProcessEnvironment(env);
        // A profile of this run's own, pointed at the in-process emulator.
        process.start(QStringLiteral(AUTHKIT_CLI_PATH),
                      QStringList{QStringLiteral("--profile"), m_profile,
                                  QStringLiteral("--client-id"), m_emulator->clientIds().first(),
                                  QStringLiteral("--api-base-url"), m_emulator->baseUrl().toString()}
                          + arguments);
        if (!process.waitForStarted(10000))
            return {};
        if (whileRunning)
            whileRunning(process);
        QSignalSpy finished(&process, &QProcess::finished);
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QByteArray get(const QUrl &url, QUrl *location = nullptr)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        reply->deleteLater();
        if (location)
            *location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        return reply->readAll();
    }

    // login --no-browser: the URL is the only stdout line; this test plays the browser.
    Run login(const QProcessEnvironment &env, const QString &user = QStringLiteral("ada@example.com"))
    {
        return cli({QStringLiteral("login"), QStringLiteral("--no-browser"),
                    QStringLiteral("--login-hint"), user},
                   env, [this](QProcess &process) {
                       if (!QTest::qWaitFor([&] { return process.canReadLine(); }, 10000))
                           return; // the run then fails on its exit code
                       const QUrl authorize(QString::fromUtf8(process.readLine()).trimmed());
                       QUrl callback;
                       get(authorize, &callback); // the emulator approves at once
                       get(callback);             // the browser follows to the loopback listener
                   });
    }

    QJsonArray sessions()
    {
        QUrl url = m_emulator->baseUrl();
        url.setPath(QStringLiteral("/_emulator/sessions"));
        return QJsonDocument::fromJson(get(url)).object().value(QStringLiteral("data")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        EmulatorOptions options;
        options.autoApprove = true;
        options.tokenTtlSeconds = 2;
        m_emulator = std::make_unique<AuthKitEmulator>(options);
        QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
        // A profile of its own per run, so nothing collides with another run's keychain entry.
        m_profile = QStringLiteral("test-%1").arg(QRandomGenerator::global()->generate() % 100000);
    }

    void helpTellsTheCommandsAndExitCodes()
    {
        const Run run = cli({QStringLiteral("--help")}, environment());
        QCOMPARE(run.exitCode, 0);
        for (const char *word : {"login", "status", "token", "switch-org", "logout", "Exit codes",
                                 ".env.local", "convex.json"})
            QVERIFY2(run.out.contains(QLatin1String(word)), word);
    }

    // --project reads convex.json too: a malformed one is one clear line with its place, and
    // the command does not run on half a configuration.
    void projectConvexJsonErrorIsOneLineWithItsPlace()
    {
        QTemporaryDir project;
        QVERIFY(project.isValid());
        QFile convexJson(project.filePath(QStringLiteral("convex.json")));
        QVERIFY(convexJson.open(QIODevice::WriteOnly));
        convexJson.write(
            "{\n  \"authKit\": {\"dev\": {\"configure\": {\"redirectUris\": [,]}}}\n}\n");
        convexJson.close();
        const Run run = cli({QStringLiteral("status"), QStringLiteral("--project"), project.path()},
                            environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QRegularExpression(
                     QStringLiteral("convex.json is not valid JSON: .* at line 2, column \\d+"))),
                 qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
    }

    void badInputGetsOneClearLine()
    {
        Run run = cli({QStringLiteral("frobnicate")}, environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("Unknown command")));
        run = cli({QStringLiteral("status"), QStringLiteral("--client-id"), QStringLiteral("sk_test_123")},
                  environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("API key")));
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        for (const char *timeout : {"99999999999", "2147484", "-1", "ten"}) {
            run = cli({QStringLiteral("status"), QStringLiteral("--timeout"), QLatin1String(timeout)},
                      environment());
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("--timeout")), qPrintable(run.err));
        }
    }

    void statusBeforeLoginSaysNotSignedIn()
    {
        const Run run = cli({QStringLiteral("status")}, environment());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(QStringLiteral("Not signed in")));
    }

    // Other local processes probing the loopback listener do not end the sign-in; the browser
    // is told the outcome only after the exchange, and the page reaches it before the CLI exits.
    void forgedCallbacksDoNotEndALoginAndTheBrowserHearsTheTruth()
    {
        QByteArray page;
        QList<int> probes;
        const Run run = cli({QStringLiteral("login"), QStringLiteral("--no-browser"),
                             QStringLiteral("--login-hint"), QStringLiteral("ada@example.com")},
                            environment(), [&](QProcess &process) {
                                if (!QTest::qWaitFor([&] { return process.canReadLine(); }, 10000))
                                    return;
                                const QUrl authorize(QString::fromUtf8(process.readLine()).trimmed());
                                const QUrl redirect(QUrlQuery(authorize).queryItemValue(
                                    QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
                                for (const char *target : {"/callback?state=wrong&code=x", "/callback",
                                                           "/%63allback", "/callback/"}) {
                                    QUrl probe = redirect;
                                    probe.setPath(QString());
                                    QNetworkRequest request(QUrl(probe.toString() + QLatin1String(target)));
                                    QNetworkReply *reply = m_network.get(request);
                                    QSignalSpy done(reply, &QNetworkReply::finished);
                                    done.wait(5000);
                                    probes.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                                    reply->deleteLater();
                                }
                                QUrl callback;
                                get(authorize, &callback);
                                page = get(callback);
                            });
        QCOMPARE(probes, QList<int>({404, 404, 404, 404}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(page.contains("You are signed in"), qPrintable(QString::fromUtf8(page) + run.err));
    }

    void loginThenStatusShowsAda()
    {
        const Run run = login(environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("Signed in as Ada Lovelace <ada@example.com>")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("memory only")));
        const Run status = cli({QStringLiteral("status"), QStringLiteral("--json")}, environment());
        QCOMPARE(status.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("user")).toObject().value(QStringLiteral("first_name")).toString(),
                 QStringLiteral("Ada"));
        QCOMPARE(json.value(QStringLiteral("storage")).toString(), QStringLiteral("keychain"));
    }

    void aNewProcessRestoresTheSessionFromTheKeychainWithoutALogin()
    {
        const int before = sessions().size();
        const Run status = cli({QStringLiteral("status")}, environment());
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains(QStringLiteral("Signed in as Ada Lovelace")));
        QCOMPARE(sessions().size(), before); // no new WorkOS session: a refresh, not a login
    }

    void tokenReturnsNewTokensAcrossRefreshes()
    {
        QStringList tokens;
        for (int i = 0; i < 3; ++i) {
            const Run run = cli({QStringLiteral("token")}, environment());
            QCOMPARE(run.exitCode, 0);
            const QString token = run.out.trimmed();
            QCOMPARE(token.count(QLatin1Char('.')), 2);
            QVERIFY(!tokens.contains(token));
            tokens.append(token);
            QTest::qWait(2100); // the emulator's tokens live 2 s here
        }
    }

    void logoutEndsTheEmulatorSession()
    {
        const Run status = cli({QStringLiteral("status"), QStringLiteral("--json")}, environment());
        const QString sid =
            QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("session_id")).toString();
        QVERIFY(sid.startsWith(QStringLiteral("session_")));
        const Run run = cli({QStringLiteral("logout")}, environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(QStringLiteral("Signed out.")));
        bool revoked = false;
        for (const QJsonValue &session : sessions()) {
            if (session.toObject().value(QStringLiteral("id")).toString() == sid)
                revoked = session.toObject().value(QStringLiteral("status")).toString() == QLatin1String("revoked");
        }
        QVERIFY(revoked);
        QCOMPARE(cli({QStringLiteral("status")}, environment()).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("token")}, environment()).exitCode, 3);
    }

    void withoutASecretServiceTheSessionLivesInMemoryOnly()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        const Run run = login(env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("memory only")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("Signed in as Ada Lovelace")));
        // Nothing was kept: a new process is signed out.
        QCOMPARE(cli({QStringLiteral("status")}, env).exitCode, 3);
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains("eyJhbGciOiJSUzI1NiIs") && !content.contains("refresh_token"),
                     qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
