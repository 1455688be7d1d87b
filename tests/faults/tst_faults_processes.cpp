// Fault matrix, several processes on one session (label "faults"): authkit-cli processes
// sharing one keychain entry (real Secret Service) refresh under one lock and none is signed
// out; a token still good is served from the keychain with no request at all.

#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using authkit::emulator::AuthKitEmulator;
using authkit::emulator::EmulatorOptions;

class FaultsProcessesTest : public QObject
{
    Q_OBJECT

    struct Emulator
    {
        std::unique_ptr<AuthKitEmulator> server;
        QString profile;
    };

    QNetworkAccessManager m_network;

    Emulator startEmulator(int ttlSecs)
    {
        EmulatorOptions options;
        options.autoApprove = true;
        options.tokenTtlSeconds = ttlSecs;
        Emulator emulator{std::make_unique<AuthKitEmulator>(options),
                          QStringLiteral("faults-%1").arg(QRandomGenerator::global()->generate64(), 0, 36)};
        if (!emulator.server->start())
            qFatal("emulator: %s", qPrintable(emulator.server->errorString()));
        return emulator;
    }

    QProcess *startCli(const Emulator &emulator, const QStringList &arguments)
    {
        auto *process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(AUTHKIT_CLI_PATH),
                       QStringList{QStringLiteral("--profile"), emulator.profile,
                                   QStringLiteral("--client-id"), emulator.server->clientIds().first(),
                                   QStringLiteral("--api-base-url"), emulator.server->baseUrl().toString()}
                           + arguments);
        return process;
    }

    // Waits while this process keeps serving the emulator.
    static bool finish(QProcess *process)
    {
        return QTest::qWaitFor([process] { return process->state() == QProcess::NotRunning; }, 60000);
    }

    QByteArray request(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                       QUrl *location = nullptr)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        reply->deleteLater();
        if (location)
            *location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        return reply->readAll();
    }

    bool login(const Emulator &emulator)
    {
        QProcess *process = startCli(emulator, {QStringLiteral("login"), QStringLiteral("--no-browser")});
        if (!QTest::qWaitFor([&] { return process->canReadLine(); }, 15000))
            return false;
        const QUrl authorize(QString::fromUtf8(process->readLine()).trimmed());
        QUrl callback;
        request("GET", authorize, {}, &callback);
        request("GET", callback);
        return finish(process) && process->exitCode() == 0;
    }

    QJsonArray activeSessions(const Emulator &emulator)
    {
        QUrl url = emulator.server->baseUrl();
        url.setPath(QStringLiteral("/_emulator/sessions"));
        QJsonArray active;
        const QJsonArray all = QJsonDocument::fromJson(request("GET", url)).object()
                                   .value(QStringLiteral("data")).toArray();
        for (const QJsonValue &session : all) {
            if (session.toObject().value(QStringLiteral("status")).toString() == QLatin1String("active"))
                active.append(session);
        }
        return active;
    }

private Q_SLOTS:
    void processesRefreshingTogether_data()
    {
        QTest::addColumn<int>("processes");
        QTest::newRow("two processes") << 2;
        QTest::newRow("eight processes") << 8;
    }

    // Every round starts when the 2-second token is due, so all of them want a refresh at once.
    void processesRefreshingTogether()
    {
        QFETCH(int, processes);
        Emulator emulator = startEmulator(2);
        QVERIFY(login(emulator));
        for (int round = 0; round < 3; ++round) {
            QTest::qWait(2100); // the stored token is due
            QList<QProcess *> running;
            for (int i = 0; i < processes; ++i)
                running.append(startCli(emulator, {QStringLiteral("token")}));
            for (QProcess *process : running) {
                QVERIFY(finish(process));
                const QString err = QString::fromUtf8(process->readAllStandardError());
                QVERIFY2(process->exitCode() == 0, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(err)));
                // Each got a token (which one depends on how slowly the processes start: a
                // 2-second token can need a second refresh within one round).
                QCOMPARE(QString::fromUtf8(process->readAllStandardOutput()).trimmed().count(QLatin1Char('.')), 2);
                process->deleteLater();
            }
        }
        QProcess *status = startCli(emulator, {QStringLiteral("status")});
        QVERIFY(finish(status));
        QCOMPARE(status->exitCode(), 0);
        QCOMPARE(activeSessions(emulator).size(), 1);
        QProcess *logout = startCli(emulator, {QStringLiteral("logout")});
        QVERIFY(finish(logout));
    }

    // A token still good is served from the keychain: the emulator sees no request. (A fault
    // armed for the next authenticate or JWKS request is still pending afterwards.)
    void aValidTokenNeedsNoRequest()
    {
        Emulator emulator = startEmulator(300);
        QVERIFY(login(emulator));
        QUrl faults = emulator.server->baseUrl();
        faults.setPath(QStringLiteral("/_emulator/faults"));
        for (const char *endpoint : {"authenticate", "jwks"})
            request("POST", faults, QJsonDocument(QJsonObject{{QStringLiteral("endpoint"), QLatin1String(endpoint)},
                                                               {QStringLiteral("action"), QStringLiteral("drop")},
                                                               {QStringLiteral("count"), 1}}).toJson());
        QString first;
        for (int i = 0; i < 5; ++i) {
            QProcess *token = startCli(emulator, {QStringLiteral("token")});
            QVERIFY(finish(token));
            QCOMPARE(token->exitCode(), 0);
            const QString printed = QString::fromUtf8(token->readAllStandardOutput()).trimmed();
            QVERIFY(!printed.isEmpty());
            if (first.isEmpty())
                first = printed;
            QCOMPARE(printed, first);
        }
        const QJsonArray pending = QJsonDocument::fromJson(request("GET", faults)).object()
                                       .value(QStringLiteral("data")).toArray();
        QCOMPARE(pending.size(), 2);
        QProcess *logout = startCli(emulator, {QStringLiteral("logout")});
        QVERIFY(finish(logout));
    }

    // A session that ended is gone from the keychain before the command reports it, and the
    // command says why; the next command does not present the dead token again.
    void anEndedSessionIsRemovedBeforeExit()
    {
        Emulator emulator = startEmulator(2);
        QVERIFY(login(emulator));
        const QJsonArray active = activeSessions(emulator);
        QCOMPARE(active.size(), 1);
        QUrl revoke = emulator.server->baseUrl();
        revoke.setPath(QStringLiteral("/_emulator/sessions/%1/revoke")
                           .arg(active.first().toObject().value(QStringLiteral("id")).toString()));
        request("POST", revoke, "{}");
        QTest::qWait(2100);
        QProcess *token = startCli(emulator, {QStringLiteral("token")});
        QVERIFY(finish(token));
        QCOMPARE(token->exitCode(), 3);
        const QString err = QString::fromUtf8(token->readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("signed out or revoked")), qPrintable(err));
        QProcess *status = startCli(emulator, {QStringLiteral("status")});
        QVERIFY(finish(status));
        QCOMPARE(status->exitCode(), 3);
        // Nothing stored: status did not need the network to know.
        QVERIFY2(QString::fromUtf8(status->readAllStandardError()).contains(QStringLiteral("Not signed in")),
                 "status still found a session");
    }
};

QTEST_GUILESS_MAIN(FaultsProcessesTest)
#include "tst_faults_processes.moc"
