// authkit-desktop runs once per person and data folder: two real processes of the executable.
// The second launch hands the first a "raise" over the user-only local socket and exits 0 before
// it starts an emulator; the first says it raised its window. The socket answers what it does not
// know with an error and stays up; a socket left by a killed instance is taken over.

#include "DesktopTestSupport.h"

#include <LoggedProcess.h>

#include <SingleInstance.h>

#include <QApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <unistd.h>

using namespace desktoptest;

namespace {

QProcessEnvironment loggingEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // our throwaway home
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("authkit.*.info=true\nauthkit.*.debug=false"));
    return env;
}

// A running authkit-desktop and everything it has written on stderr so far.
class Launch : public authkit::testsupport::LoggedProcess
{
public:
    Launch()
        : LoggedProcess(loggingEnvironment())
    {
    }
    bool start(const QStringList &arguments = {})
    {
        return LoggedProcess::start(QStringLiteral(AUTHKIT_DESKTOP_PATH), arguments);
    }
};

// One line to the running instance's socket, its one-line answer back.
QJsonObject ask(const QString &serverName, const QByteArray &line)
{
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(10000))
        return {{QStringLiteral("connect"), socket.errorString()}};
    socket.write(line);
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(10000))
            return {{QStringLiteral("read"), socket.errorString()}};
    }
    return QJsonDocument::fromJson(socket.readLine()).object();
}

const QString kListening = QStringLiteral("single instance: listening");
const QString kRaised = QStringLiteral("window raised for another launch");
const QString kSettled = QStringLiteral("state: signed-");

} // namespace

class DesktopSingleInstanceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("authkit.*.debug=false"));
    }

    void secondLaunchRaisesTheFirstAndExits()
    {
        Launch first;
        QVERIFY(first.start());
        QVERIFY2(first.waitForLog(kSettled), qPrintable(first.log()));
        QVERIFY2(first.log().contains(kListening), qPrintable(first.log()));

        // The socket is where this user's runtime folder is, and only its owner may use it.
        const QString name = SingleInstance::defaultServerName();
        const QFileInfo socket(name);
        QVERIFY2(socket.exists(), qPrintable(name));
        QCOMPARE(socket.ownerId(), uint(::geteuid()));
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                                          | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(socket.permissions() & others, QFile::Permissions());

        Launch second;
        QVERIFY(second.start());
        QVERIFY2(second.waitForExit(), qPrintable(second.log()));
        QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.process().exitCode(), 0);
        QVERIFY2(second.log().contains(QLatin1String("already running")), qPrintable(second.log()));
        // It stopped before any of the work the first one does.
        QVERIFY2(!second.log().contains(QLatin1String("emulator listening")),
                 qPrintable(second.log()));
        QVERIFY2(!second.log().contains(QLatin1String("state:")), qPrintable(second.log()));
        QVERIFY2(!second.log().contains(QLatin1String("not applied")), qPrintable(second.log()));

        QVERIFY2(first.waitForLog(kRaised), qPrintable(first.log()));
        QVERIFY(first.isRunning());

        // A launch with options raises the running one too, and says they were not applied.
        Launch withOptions;
        QVERIFY(withOptions.start({QStringLiteral("--profile"), QStringLiteral("production")}));
        QVERIFY2(withOptions.waitForExit(), qPrintable(withOptions.log()));
        QCOMPARE(withOptions.process().exitCode(), 0);
        QVERIFY2(withOptions.log().contains(QLatin1String("not applied")),
                 qPrintable(withOptions.log()));
        QTRY_VERIFY_WITH_TIMEOUT(first.log().count(kRaised) == 2, 30000);

        // What a launch of another version might send: refused, nothing raised, still up.
        const int raisedBefore = int(first.log().count(kRaised));
        QCOMPARE(ask(name, "{\"v\":1,\"command\":\"open\",\"url\":\"authkit-desktop://x\"}\n")
                     .value(QStringLiteral("ok")),
                 QJsonValue(false));
        QCOMPARE(ask(name, "{\"v\":2,\"command\":\"raise\"}\n").value(QStringLiteral("ok")),
                 QJsonValue(false));
        QCOMPARE(ask(name, "not json at all\n").value(QStringLiteral("ok")), QJsonValue(false));
        QCOMPARE(ask(name, QByteArray(SingleInstance::kMaxMessageBytes + 10, 'x'))
                     .value(QStringLiteral("ok")),
                 QJsonValue(false));
        // A well-formed raise still works after all that.
        QCOMPARE(ask(name, "{\"v\":1,\"command\":\"raise\"}\n").value(QStringLiteral("ok")),
                 QJsonValue(true));
        QTRY_VERIFY_WITH_TIMEOUT(first.log().count(kRaised) == raisedBefore + 1, 30000);
        QVERIFY(first.isRunning());

        // It ends cleanly, and the name is free again for the next start.
        first.process().terminate();
        QVERIFY(first.waitForExit());
        QCOMPARE(first.process().exitCode(), 0);
        QVERIFY2(!QFileInfo::exists(name), qPrintable(name));
    }

    void aKilledInstancesSocketIsTakenOver()
    {
        Launch crashed;
        QVERIFY(crashed.start());
        QVERIFY2(crashed.waitForLog(kSettled), qPrintable(crashed.log()));
        crashed.process().kill(); // no destructor runs: the socket file stays behind
        QVERIFY(crashed.waitForExit());
        QVERIFY(QFileInfo::exists(SingleInstance::defaultServerName()));

        Launch next;
        QVERIFY(next.start());
        QVERIFY2(next.waitForLog(kSettled), qPrintable(next.log()));
        QVERIFY2(next.log().contains(kListening), qPrintable(next.log()));
        QVERIFY(next.isRunning());
        next.process().terminate();
        QVERIFY(next.waitForExit());
        QCOMPARE(next.process().exitCode(), 0);
    }
};

int main(int argc, char *argv[])
{
    Environment environment; // before QApplication
    QApplication app(argc, argv);
    Environment::nameApplication();
    DesktopSingleInstanceTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktop_single_instance.moc"
