// LocalEmulatorProcess, the local profile's authkit-emulator child: it reports the URLs and
// issuers of the ready line, the emulator answers there, a second start on the same data folder
// keeps the issuer, stop() leaves no process, an unexpected end is reported; a missing executable, one that exits at once and
// one that never says it is ready each end in a clear error, not a hang.

#include <LocalEmulatorProcess.h>

#include <HttpClient.h>

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using authkit::testsupport::HttpClient;

namespace {

bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

class DesktopEmulatorProcessTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    LocalEmulatorProcess::Options options(const QString &executable) const
    {
        LocalEmulatorProcess::Options options;
        options.executable = executable;
        options.dataDir = m_dir.filePath(QStringLiteral("emulator"));
        return options;
    }

private Q_SLOTS:
    void runsTheEmulatorAndStopsIt()
    {
        QString firstIssuer;
        for (int run = 1; run <= 2; ++run) {
            LocalEmulatorProcess emulator(options(QStringLiteral(AUTHKIT_EMULATOR_PATH)));
            QVERIFY2(emulator.start(), qPrintable(emulator.errorString()));
            QCOMPARE(emulator.baseUrl().host(), QStringLiteral("127.0.0.1"));
            QVERIFY(emulator.baseUrl().port() > 0);
            QVERIFY(emulator.convexUrl().port() > 0);
            const QString issuer = emulator.issuerFor(QStringLiteral("client_01J00000000000000000000DEV"));
            QVERIFY(!issuer.isEmpty());
            QVERIFY(emulator.issuerFor(QStringLiteral("client_unknown")).isEmpty());
            if (run == 1)
                firstIssuer = issuer;
            QCOMPARE(issuer, firstIssuer); // a restart accepts the same tokens

            HttpClient http;
            QUrl jwks = emulator.baseUrl();
            jwks.setPath(QStringLiteral("/sso/jwks/client_01J00000000000000000000DEV"));
            QCOMPARE(http.get(jwks).status, 200);

            const qint64 pid = emulator.processId();
            QVERIFY(processExists(pid));
            emulator.stop();
            QVERIFY(!processExists(pid));
        }
    }

    void anUnexpectedEndIsReported()
    {
        LocalEmulatorProcess emulator(options(QStringLiteral(AUTHKIT_EMULATOR_PATH)));
        QVERIFY2(emulator.start(), qPrintable(emulator.errorString()));
        QSignalSpy ended(&emulator, &LocalEmulatorProcess::exitedUnexpectedly);
        QCOMPARE(::kill(static_cast<pid_t>(emulator.processId()), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 15000);
        QVERIFY(!ended.at(0).at(0).toString().isEmpty());
    }

    void aMissingExecutableIsAnError()
    {
        LocalEmulatorProcess emulator(options(m_dir.filePath(QStringLiteral("no-such-emulator"))));
        QVERIFY(!emulator.start());
        QVERIFY2(emulator.errorString().contains(QLatin1String("AUTHKIT_EMULATOR")),
                 qPrintable(emulator.errorString()));
    }

    void anEarlyExitIsAnError()
    {
        // The real emulator, refusing a seed file that does not exist.
        LocalEmulatorProcess::Options broken = options(QStringLiteral(AUTHKIT_EMULATOR_PATH));
        broken.seedFile = m_dir.filePath(QStringLiteral("missing-seed.json"));
        LocalEmulatorProcess emulator(broken);
        QVERIFY(!emulator.start());
        QVERIFY2(emulator.errorString().contains(QLatin1String("exited before it was ready")),
                 qPrintable(emulator.errorString()));
        QVERIFY(!emulator.baseUrl().isValid());
    }

    void noReadyLineIsAnError()
    {
        // Says something, then nothing more: the wait ends and the child is stopped.
        const QString script = m_dir.filePath(QStringLiteral("silent-emulator.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho 'authkit-emulator listening on http://127.0.0.1:1'\n"
                   "exec sleep 600\n");
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        LocalEmulatorProcess::Options silent = options(script);
        silent.startTimeoutMs = 1500;
        LocalEmulatorProcess emulator(silent);
        QVERIFY(!emulator.start());
        QVERIFY2(emulator.errorString().contains(QLatin1String("did not say it was ready")),
                 qPrintable(emulator.errorString()));
        QVERIFY(!processExists(emulator.processId()));
    }
};

QTEST_GUILESS_MAIN(DesktopEmulatorProcessTest)

#include "tst_desktop_emulator_process.moc"
