// KeychainSecretStore where no usable Secret Service exists: every operation must say Unavailable
// (promptly, not Failed, not a hang) and nothing may fall back to a plaintext file.
//
// qtkeychain picks its backend once per process, so each environment runs in a child process
// (this binary with --child) with its own D-Bus situation and a throwaway HOME/XDG tree, which is
// scanned for the secret afterwards. Nothing here uses the caller's keyring or session bus.

#include "KeychainTestSupport.h"

#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingReply>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaEnum>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using authkit::KeychainSecretStore;
using namespace keychaintest;

namespace {

const QString kKey = QStringLiteral("session");
const QString kMissingKey = QStringLiteral("never-written");

// ---- child side -------------------------------------------------------------------------------

void report(const char *operation, const Outcome &outcome, qint64 elapsedMs) {
    const char *status = QMetaEnum::fromType<Status>().valueToKey(int(outcome.status));
    std::printf("RESULT\t%s\t%s\t%d\t%d\t%lld\t%s\n", operation, status, outcome.calls,
                outcome.calledBeforeReturn ? 1 : 0, static_cast<long long>(elapsedMs),
                outcome.error.toUtf8().constData());
    std::fflush(stdout);
}

template<typename Operation> void runAndReport(const char *name, Operation operation) {
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = operation();
    report(name, outcome, timer.elapsed());
}

QDBusMessage secretServiceCall(const QString &method) {
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
                                          QStringLiteral("/org/freedesktop/secrets"),
                                          QStringLiteral("org.freedesktop.Secret.Service"), method);
}

// Locks the default collection, as a screen lock or "Lock keyring" would.
bool lockDefaultCollection() {
    QDBusMessage readAlias = secretServiceCall(QStringLiteral("ReadAlias"));
    readAlias << QStringLiteral("default");
    const QDBusPendingReply<QDBusObjectPath> alias =
        QDBusConnection::sessionBus().asyncCall(readAlias, 10000);
    if (alias.isError() || alias.value().path() == QLatin1String("/"))
        return false;
    QDBusMessage lock = secretServiceCall(QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{alias.value()});
    const QDBusPendingReply<QList<QDBusObjectPath>, QDBusObjectPath> locked =
        QDBusConnection::sessionBus().asyncCall(lock, 10000);
    return !locked.isError() && locked.argumentAt<0>().contains(alias.value());
}

// How many locked items the keyring holds for (service, key): proves a "removed" entry stayed.
int lockedItems(const QString &service, const QString &key) {
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QDBusMessage search = secretServiceCall(QStringLiteral("SearchItems"));
    search << QVariant::fromValue(
        QMap<QString, QString>{{QStringLiteral("server"), service}, {QStringLiteral("user"), key}});
    const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply =
        QDBusConnection::sessionBus().asyncCall(search, 10000);
    return reply.isError() ? -1 : int(reply.argumentAt<1>().size());
}

// --child <mode> <service> <secret as hex>; mode "unavailable" or "locked".
int childMain(const QStringList &args) {
    if (args.size() != 5)
        return 2;
    const QString mode = args.at(2);
    const QString service = args.at(3);
    const QByteArray secret = QByteArray::fromHex(args.at(4).toLatin1());
    KeychainSecretStore store(service);

    if (mode == QLatin1String("locked")) {
        runAndReport("setup-write", [&] { return writeKey(store, kKey, secret); });
        std::printf("LOCKED\t%d\n", lockDefaultCollection() ? 1 : 0);
    }
    runAndReport("write", [&] { return writeKey(store, kKey, secret); });
    runAndReport("read", [&] { return readKey(store, kKey); });
    runAndReport("read-missing", [&] { return readKey(store, kMissingKey); });
    runAndReport("remove", [&] { return removeKey(store, kKey); });
    if (mode == QLatin1String("locked"))
        std::printf("LOCKED_ITEMS\t%d\n", lockedItems(service, kKey));
    std::fflush(stdout);
    return 0;
}

// ---- parent side ------------------------------------------------------------------------------

struct OperationResult {
    QString status;
    int calls = 0;
    bool calledBeforeReturn = false;
    qint64 elapsedMs = 0;
    QString error;
};

struct ChildRun {
    bool finished = false;
    int exitCode = -1;
    QMap<QString, OperationResult> results;
    QMap<QString, QString> facts; // LOCKED, LOCKED_ITEMS
    QString output;
};

enum class Bus { SocketMissing, NoAddress, WithoutSecretService };

} // namespace

Q_DECLARE_METATYPE(Bus)

class tst_KeychainUnavailable : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void scanFindsPlantedSecret();
    void everyOperationUnavailable_data();
    void everyOperationUnavailable();
    void lockedKeyringIsUnavailable();

private:
    // A throwaway HOME with the XDG tree inside it, the child's whole world of files.
    QProcessEnvironment isolatedEnvironment(const QString &home) const;
    ChildRun runChild(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment, const QString &workingDirectory);
    QStringList childArguments(const QString &mode) const;
    // Every regular file under root that holds the secret, raw or encoded.
    QStringList filesHoldingSecret(const QString &root, int *scanned) const;

    QByteArray m_secret;
    QString m_service;
};

void tst_KeychainUnavailable::initTestCase() {
    m_secret =
        QByteArrayLiteral("authkit-canary-") + randomSuffix().toLatin1() + QByteArray("\0tail", 5);
    m_service = QStringLiteral("authkit-test-unavailable-") + randomSuffix();
}

// The file scan below must be able to fail: it finds the secret however a fallback would store it.
void tst_KeychainUnavailable::scanFindsPlantedSecret() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString config = home.path() + QStringLiteral("/.config/app");
    QVERIFY(QDir().mkpath(config));
    QFile plain(config + QStringLiteral("/plain.bin"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write(QByteArray("prefix") + m_secret);
    plain.close();
    QFile encoded(config + QStringLiteral("/.keychain.ini"));
    QVERIFY(encoded.open(QIODevice::WriteOnly));
    encoded.write(QByteArray("[x]\ndata=") + m_secret.toBase64() + '\n');
    encoded.close();

    int scanned = 0;
    QStringList holders = filesHoldingSecret(home.path(), &scanned);
    holders.sort();
    QCOMPARE(scanned, 2);
    QCOMPARE(holders, QStringList({encoded.fileName(), plain.fileName()}));
}

void tst_KeychainUnavailable::everyOperationUnavailable_data() {
    QTest::addColumn<Bus>("bus");
    QTest::newRow("bus address points at a missing socket") << Bus::SocketMissing;
    QTest::newRow("no bus address, no display") << Bus::NoAddress;
    QTest::newRow("session bus without org.freedesktop.secrets") << Bus::WithoutSecretService;
}

void tst_KeychainUnavailable::everyOperationUnavailable() {
    QFETCH(Bus, bus);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = isolatedEnvironment(home.path());

    QProcess daemon;
    const auto stopDaemon = qScopeGuard([&daemon] {
        if (daemon.state() != QProcess::NotRunning) {
            daemon.terminate();
            daemon.waitForFinished(5000);
        }
    });
    switch (bus) {
    case Bus::SocketMissing:
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/authkit/bus"));
        break;
    case Bus::NoAddress:
        break; // and XDG_RUNTIME_DIR has no "bus" socket either
    case Bus::WithoutSecretService: {
        const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (dbusDaemon.isEmpty())
            QSKIP("dbus-daemon is not installed");
        // Our own configuration: the standard one would make gnome-keyring activatable.
        const QString runtime = environment.value(QStringLiteral("XDG_RUNTIME_DIR"));
        QVERIFY(QDir().mkpath(runtime + QStringLiteral("/no-services")));
        QFile config(runtime + QStringLiteral("/session.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus "
                           "Configuration 1.0//EN\"\n"
                           " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                           "<busconfig>\n"
                           "  <type>session</type>\n"
                           "  <listen>unix:dir=%1</listen>\n"
                           "  <servicedir>%1/no-services</servicedir>\n"
                           "  <policy context=\"default\">\n"
                           "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                           "    <allow eavesdrop=\"true\"/>\n"
                           "    <allow own=\"*\"/>\n"
                           "  </policy>\n"
                           "</busconfig>\n")
                .arg(runtime)
                .toUtf8());
        config.close();
        daemon.setProcessEnvironment(environment);
        daemon.start(dbusDaemon, {QStringLiteral("--config-file=") + config.fileName(),
                                  QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        QVERIFY2(daemon.waitForStarted(10000), qPrintable(daemon.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(daemon.canReadLine(), 10000);
        const QString address = QString::fromUtf8(daemon.readLine()).trimmed();
        QVERIFY2(address.startsWith(QLatin1String("unix:")), qPrintable(address));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        break;
    }
    }

    const ChildRun run =
        runChild(QCoreApplication::applicationFilePath(),
                 childArguments(QStringLiteral("unavailable")), environment, home.path());
    QVERIFY2(run.finished, qPrintable(run.output));
    QCOMPARE(run.exitCode, 0);

    for (const QString &operation : {QStringLiteral("write"), QStringLiteral("read"),
                                     QStringLiteral("read-missing"), QStringLiteral("remove")}) {
        QVERIFY2(run.results.contains(operation), qPrintable(run.output));
        const OperationResult result = run.results.value(operation);
        qInfo().noquote() << operation << "->" << result.status << "in" << result.elapsedMs
                          << "ms:" << result.error;
        QCOMPARE(result.calls, 1);
        QVERIFY(!result.calledBeforeReturn);
        QCOMPARE(result.status, QStringLiteral("Unavailable"));
        QVERIFY(!result.error.isEmpty());
        QVERIFY2(result.elapsedMs < 10000, "an unavailable keychain must answer promptly");
    }

    int scanned = 0;
    const QStringList holders = filesHoldingSecret(home.path(), &scanned);
    QVERIFY2(holders.isEmpty(), qPrintable(holders.join(u' ')));
    qInfo() << "scanned" << scanned << "files under the throwaway HOME; none holds the secret";
}

void tst_KeychainUnavailable::lockedKeyringIsUnavailable() {
    const QString withKeyring = QStringLiteral(AUTHKIT_WITH_KEYRING);
    if (QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty())
        QSKIP("gnome-keyring-daemon and dbus-run-session are needed for a private keyring");

    QTemporaryDir home;
    QVERIFY(home.isValid());
    // A keyring of its own (not the caller's, even under with-keyring.sh), and no display, so the
    // unlock prompt cannot be shown and counts as dismissed.
    const QProcessEnvironment environment = isolatedEnvironment(home.path());
    const ChildRun run = runChild(withKeyring,
                                  QStringList{QCoreApplication::applicationFilePath()} +
                                      childArguments(QStringLiteral("locked")),
                                  environment, home.path());
    QVERIFY2(run.finished, qPrintable(run.output));
    QCOMPARE(run.exitCode, 0);

    QCOMPARE(run.results.value(QStringLiteral("setup-write")).status, QStringLiteral("Ok"));
    QVERIFY2(run.facts.value(QStringLiteral("LOCKED")) == QLatin1String("1"),
             "could not lock the private keyring");
    for (const QString &operation :
         {QStringLiteral("write"), QStringLiteral("read"), QStringLiteral("remove")}) {
        const OperationResult result = run.results.value(operation);
        qInfo().noquote() << "locked:" << operation << "->" << result.status << "in"
                          << result.elapsedMs << "ms:" << result.error;
        QCOMPARE(result.calls, 1);
        QVERIFY(!result.calledBeforeReturn);
        QCOMPARE(result.status, QStringLiteral("Unavailable"));
    }
    // Nothing to find is still "not found", locked or not.
    QCOMPARE(run.results.value(QStringLiteral("read-missing")).status, QStringLiteral("NotFound"));
    // The remove could not happen, and said so: the entry is still in the keyring.
    QCOMPARE(run.facts.value(QStringLiteral("LOCKED_ITEMS")), QStringLiteral("1"));

    int scanned = 0;
    const QStringList holders = filesHoldingSecret(home.path(), &scanned);
    QVERIFY2(holders.isEmpty(), qPrintable(holders.join(u' ')));
}

QProcessEnvironment tst_KeychainUnavailable::isolatedEnvironment(const QString &home) const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Nothing that points at the caller's session, keyring, display or desktop (qtkeychain picks
    // KWallet or libsecret from the desktop variables).
    for (const char *name :
         {"DBUS_SESSION_BUS_ADDRESS", "DBUS_STARTER_ADDRESS", "DBUS_STARTER_BUS_TYPE",
          "AUTHKIT_KEYRING_SESSION", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "DISPLAY",
          "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP", "DESKTOP_SESSION",
          "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION", "KDE_SESSION_VERSION"}) {
        environment.remove(QString::fromLatin1(name));
    }
    const auto set = [&](const char *name, const QString &path) {
        QDir().mkpath(path);
        environment.insert(QString::fromLatin1(name), path);
    };
    set("HOME", home);
    set("XDG_CONFIG_HOME", home + QStringLiteral("/.config"));
    set("XDG_DATA_HOME", home + QStringLiteral("/.local/share"));
    set("XDG_STATE_HOME", home + QStringLiteral("/.local/state"));
    set("XDG_CACHE_HOME", home + QStringLiteral("/.cache"));
    set("XDG_RUNTIME_DIR", home + QStringLiteral("/run"));
    QFile::setPermissions(home + QStringLiteral("/run"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return environment;
}

QStringList tst_KeychainUnavailable::childArguments(const QString &mode) const {
    return {QStringLiteral("--child"), mode, m_service, QString::fromLatin1(m_secret.toHex())};
}

ChildRun tst_KeychainUnavailable::runChild(const QString &program, const QStringList &arguments,
                                           const QProcessEnvironment &environment,
                                           const QString &workingDirectory) {
    ChildRun run;
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setWorkingDirectory(workingDirectory);
    child.start(program, arguments);
    run.finished = child.waitForFinished(90000) && child.exitStatus() == QProcess::NormalExit;
    if (!run.finished)
        child.kill();
    run.exitCode = child.exitCode();
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    run.output = output + QString::fromUtf8(child.readAllStandardError());
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u'\t');
        if (fields.first() == QLatin1String("RESULT") && fields.size() >= 7) {
            OperationResult result;
            result.status = fields.at(2);
            result.calls = fields.at(3).toInt();
            result.calledBeforeReturn = fields.at(4) == QLatin1String("1");
            result.elapsedMs = fields.at(5).toLongLong();
            result.error = fields.mid(6).join(u'\t');
            run.results.insert(fields.at(1), result);
        } else if (fields.size() == 2) {
            run.facts.insert(fields.at(0), fields.at(1));
        }
    }
    return run;
}

QStringList tst_KeychainUnavailable::filesHoldingSecret(const QString &root, int *scanned) const {
    const QByteArray marker = m_secret.left(m_secret.indexOf('\0'));
    const QList<QByteArray> needles{m_secret, marker, m_secret.toBase64(), marker.toBase64(),
                                    m_secret.toHex()};
    QStringList holders;
    QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (!files.fileInfo().isFile() || files.fileInfo().isSymLink())
            continue;
        ++*scanned;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            holders << path + QStringLiteral(" (unreadable)");
            continue;
        }
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (content.contains(needle)) {
                holders << path;
                break;
            }
        }
    }
    return holders;
}

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 1 && args.at(1) == QLatin1String("--child"))
        return childMain(args);
    tst_KeychainUnavailable test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainunavailable.moc"
