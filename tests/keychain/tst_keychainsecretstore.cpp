// KeychainSecretStore against a real Secret Service (gnome-keyring in a private D-Bus session,
// see scripts/with-keyring.sh). Every run files its entries under fresh random service names.

#include "KeychainTestSupport.h"

#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <qt6keychain/keychain.h>

#if defined(__SANITIZE_ADDRESS__)
// From the ASan run time (its header, sanitizer/allocator_interface.h, comes only with clang).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

#include <memory>

using authkit::KeychainSecretStore;
using namespace keychaintest;

class tst_KeychainSecretStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void roundTrip_data();
    void roundTrip();
    void overwriteReplaces();
    void readMissingIsNotFound();
    void removeThenNotFound();
    void removeMissingIsOk();
    void servicesAreSeparate();
    void entryIsInTheKeyring();
    void callbackRunsOnceAndLater();
    void destroyedStoreRunsNoCallback();
    void readsTextEntries();
    void readsWithoutQtKeychain();
    void readsDoNotGrowTheHeap();

private:
    // The keyring's view of one service, from libsecret's own command-line tool.
    QString keyringItems(const QString &service) const;
    QString key(const char *name) const { return QString::fromLatin1(name); }

    QString m_serviceA;
    QString m_serviceB;
    std::unique_ptr<KeychainSecretStore> m_storeA;
    std::unique_ptr<KeychainSecretStore> m_storeB;
    QString m_secretTool;
};

void tst_KeychainSecretStore::initTestCase() {
    // Refuse to fill a developer's own keyring with test entries.
    if (qEnvironmentVariableIsEmpty("AUTHKIT_KEYRING_SESSION"))
        QFAIL("Run under scripts/with-keyring.sh (a private D-Bus session and keyring).");
    m_secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    QVERIFY2(!m_secretTool.isEmpty(), "secret-tool (libsecret-tools) is not installed");

    const QString suffix = randomSuffix();
    m_serviceA = QStringLiteral("authkit-test-a-") + suffix;
    m_serviceB = QStringLiteral("authkit-test-b-") + suffix;
    m_storeA = std::make_unique<KeychainSecretStore>(m_serviceA);
    m_storeB = std::make_unique<KeychainSecretStore>(m_serviceB);

    QCOMPARE(m_storeA->service(), m_serviceA);
    QCOMPARE(m_storeA->backendName(), QStringLiteral("Secret Service"));
    QVERIFY(m_storeA->isPersistent());
}

void tst_KeychainSecretStore::cleanupTestCase() {
    const QStringList keys{key("roundtrip"), key("overwrite"), key("removed"),
                           key("shared"),    key("inkeyring"), key("orphaned"),
                           key("text"),      key("direct"),    key("heap")};
    for (KeychainSecretStore *store : {m_storeA.get(), m_storeB.get()}) {
        if (!store)
            continue;
        for (const QString &k : keys)
            QCOMPARE(removeKey(*store, k).status, Status::Ok);
    }
    if (!m_secretTool.isEmpty() && !m_serviceA.isEmpty()) {
        QVERIFY(!keyringItems(m_serviceA).contains(QLatin1String("attribute.server")));
        QVERIFY(!keyringItems(m_serviceB).contains(QLatin1String("attribute.server")));
    }
}

void tst_KeychainSecretStore::roundTrip_data() {
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("text") << QByteArray("refresh-token-value");
    QTest::newRow("NUL bytes") << QByteArray("\0a\0\0b\0", 6);
    QByteArray allBytes(4096, Qt::Uninitialized);
    for (int i = 0; i < allBytes.size(); ++i)
        allBytes[i] = char(i % 256);
    QTest::newRow("4 KiB, every byte value") << allBytes;
    QByteArray random(4096, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    QTest::newRow("4 KiB random") << random;
}

void tst_KeychainSecretStore::roundTrip() {
    QFETCH(QByteArray, secret);

    const Outcome written = writeKey(*m_storeA, key("roundtrip"), secret);
    QCOMPARE(written.calls, 1);
    QCOMPARE(written.status, Status::Ok);
    QVERIFY(written.error.isEmpty());

    const Outcome read = readKey(*m_storeA, key("roundtrip"));
    QCOMPARE(read.calls, 1);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.secret.size(), secret.size());
    QCOMPARE(read.secret, secret);
}

void tst_KeychainSecretStore::overwriteReplaces() {
    QCOMPARE(writeKey(*m_storeA, key("overwrite"), "first").status, Status::Ok);
    QCOMPARE(writeKey(*m_storeA, key("overwrite"), QByteArray("second\0", 7)).status, Status::Ok);

    const Outcome read = readKey(*m_storeA, key("overwrite"));
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.secret, QByteArray("second\0", 7));
    // Replaced, not duplicated.
    QCOMPARE(keyringItems(m_serviceA).count(QLatin1String("attribute.user = overwrite\n")), 1);
}

void tst_KeychainSecretStore::readMissingIsNotFound() {
    const Outcome read = readKey(*m_storeA, key("never-written"));
    QCOMPARE(read.calls, 1);
    QCOMPARE(read.status, Status::NotFound);
    QVERIFY(read.secret.isEmpty());
}

void tst_KeychainSecretStore::removeThenNotFound() {
    QCOMPARE(writeKey(*m_storeA, key("removed"), "to be removed").status, Status::Ok);
    const Outcome removed = removeKey(*m_storeA, key("removed"));
    QCOMPARE(removed.calls, 1);
    QCOMPARE(removed.status, Status::Ok);
    QCOMPARE(readKey(*m_storeA, key("removed")).status, Status::NotFound);
}

void tst_KeychainSecretStore::removeMissingIsOk() {
    // Signing out twice, or with nothing stored, is not an error.
    const Outcome removed = removeKey(*m_storeA, key("never-written"));
    QCOMPARE(removed.calls, 1);
    QCOMPARE(removed.status, Status::Ok);
    QVERIFY(removed.error.isEmpty());
}

void tst_KeychainSecretStore::servicesAreSeparate() {
    QCOMPARE(writeKey(*m_storeA, key("shared"), "secret of A").status, Status::Ok);
    QCOMPARE(readKey(*m_storeB, key("shared")).status, Status::NotFound);

    QCOMPARE(writeKey(*m_storeB, key("shared"), "secret of B").status, Status::Ok);
    QCOMPARE(readKey(*m_storeA, key("shared")).secret, QByteArray("secret of A"));
    QCOMPARE(readKey(*m_storeB, key("shared")).secret, QByteArray("secret of B"));

    QCOMPARE(removeKey(*m_storeA, key("shared")).status, Status::Ok);
    QCOMPARE(readKey(*m_storeA, key("shared")).status, Status::NotFound);
    QCOMPARE(readKey(*m_storeB, key("shared")).secret, QByteArray("secret of B"));
}

void tst_KeychainSecretStore::entryIsInTheKeyring() {
    const QByteArray secret("in the keyring\0 not a file", 26);
    QCOMPARE(writeKey(*m_storeA, key("inkeyring"), secret).status, Status::Ok);

    // qtkeychain's libsecret schema: attribute "server" is the service, "user" the key; binary
    // data is kept base64-encoded.
    const QString items = keyringItems(m_serviceA);
    QVERIFY2(items.contains(QStringLiteral("attribute.server = %1\n").arg(m_serviceA)),
             qPrintable(items));
    QVERIFY(items.contains(QLatin1String("attribute.user = inkeyring\n")));
    QVERIFY(items.contains(QLatin1String("schema = org.qt.keychain\n")));
    QVERIFY(items.contains(QLatin1String("secret = ") + QLatin1String(secret.toBase64()) + u'\n'));

    QCOMPARE(removeKey(*m_storeA, key("inkeyring")).status, Status::Ok);
    QVERIFY(!keyringItems(m_serviceA).contains(QLatin1String("attribute.user = inkeyring\n")));
}

void tst_KeychainSecretStore::callbackRunsOnceAndLater() {
    const Outcome written = writeKey(*m_storeA, key("roundtrip"), "once");
    QVERIFY(!written.calledBeforeReturn);
    QCOMPARE(written.calls, 1);

    auto calls = std::make_shared<int>(0);
    m_storeA->read(key("roundtrip"),
                   [calls](Status, const QByteArray &, const QString &) { ++*calls; });
    m_storeA->read(key("never-written"), // also goes through the Secret Service double-check
                   [calls](Status, const QByteArray &, const QString &) { ++*calls; });
    m_storeA->remove(key("never-written"), [calls](Status, const QString &) { ++*calls; });
    QCOMPARE(*calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(*calls, 3, kCallbackTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(*calls, 3);
}

void tst_KeychainSecretStore::destroyedStoreRunsNoCallback() {
    auto calls = std::make_shared<int>(0);
    {
        KeychainSecretStore doomed(m_serviceA);
        doomed.write(key("orphaned"), "written after the store died",
                     [calls](Status, const QString &) { ++*calls; });
        doomed.read(key("roundtrip"),
                    [calls](Status, const QByteArray &, const QString &) { ++*calls; });
        doomed.read(key("never-written"),
                    [calls](Status, const QByteArray &, const QString &) { ++*calls; });
        doomed.remove(key("never-written"), [calls](Status, const QString &) { ++*calls; });
    }
    // The jobs still run to their end (and delete themselves); nobody is called back.
    QTest::qWait(1500);
    QCOMPARE(*calls, 0);
    // Proof the queued jobs did run: the write landed, and the store works on.
    QCOMPARE(readKey(*m_storeA, key("orphaned")).status, Status::Ok);
}

namespace {

// Heap bytes in use: from ASan's allocator in a sanitizer build, else from glibc; -1 where
// neither says.
qint64 heapInUse() {
#if defined(__SANITIZE_ADDRESS__)
    return qint64(__sanitizer_get_current_allocated_bytes());
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

QStringList g_keychainMessages;
QtMessageHandler g_previousHandler = nullptr;
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// Debug output of authkit.keychain on, whatever QT_LOGGING_RULES says.
// (installFilter already calls it, before it returns the previous filter.)
void keychainDebugOn(QLoggingCategory *category) {
    if (qstrcmp(category->categoryName(), "authkit.keychain") == 0)
        category->setEnabled(QtDebugMsg, true);
    else if (g_previousFilter)
        g_previousFilter(category);
}

void recordKeychainMessage(QtMsgType type, const QMessageLogContext &context,
                           const QString &message) {
    if (context.category && qstrcmp(context.category, "authkit.keychain") == 0)
        g_keychainMessages << message;
    g_previousHandler(type, context, message);
}

} // namespace

void tst_KeychainSecretStore::readsTextEntries() {
    // An entry qtkeychain filed as text (type "plaintext"), not as KeychainSecretStore writes.
    auto *job = new QKeychain::WritePasswordJob(m_serviceA);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key("text"));
    job->setTextData(QStringLiteral("written as text \u00e9"));
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    connect(job, &QKeychain::Job::finished, this, [&](QKeychain::Job *done) {
        finished = true;
        error = done->error();
    });
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(finished, kCallbackTimeoutMs);
    QCOMPARE(error, QKeychain::NoError);

    const Outcome read = readKey(*m_storeA, key("text"));
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.secret, QStringLiteral("written as text \u00e9").toUtf8());
}

void tst_KeychainSecretStore::readsWithoutQtKeychain() {
    // Reads of unlocked entries go to the Secret Service directly; qtkeychain's read is only the
    // fallback (libsecret < 0.21.2 leaks every reply it reads a secret from).
    g_previousFilter = QLoggingCategory::installFilter(keychainDebugOn);
    g_keychainMessages.clear();
    g_previousHandler = qInstallMessageHandler(recordKeychainMessage);
    const QByteArray secret = randomSecret(1400);
    const Outcome written = writeKey(*m_storeA, key("direct"), secret);
    const Outcome read = readKey(*m_storeA, key("direct"));
    const Outcome missing = readKey(*m_storeA, key("direct-never-written"));
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::installFilter(g_previousFilter);

    QCOMPARE(written.status, Status::Ok);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.secret, secret);
    QCOMPARE(missing.status, Status::NotFound);
    QVERIFY(!g_keychainMessages.isEmpty()); // the log was recorded at all
    QVERIFY2(g_keychainMessages.filter(QStringLiteral("through qtkeychain")).isEmpty(),
             qPrintable(g_keychainMessages.join(u'\n')));
}

void tst_KeychainSecretStore::readsDoNotGrowTheHeap() {
    if (heapInUse() < 0)
        QSKIP("no heap statistics on this platform");
    const QByteArray secret = randomSecret(1400);
    QCOMPARE(writeKey(*m_storeA, key("heap"), secret).status, Status::Ok);
    QCOMPARE(readKey(*m_storeA, key("heap")).secret, secret); // session and caches set up
    constexpr int kReads = 200;
    const qint64 before = heapInUse();
    for (int i = 0; i < kReads; ++i)
        QCOMPARE(readKey(*m_storeA, key("heap")).status, Status::Ok);
    const qint64 growth = heapInUse() - before;
    qInfo("heap growth over %d reads: %lld bytes", kReads, static_cast<long long>(growth));
    // Generous: a read through libsecret 0.20 leaves about 3.5 KB (700 KB here); a direct one
    // leaves nothing.
    QVERIFY2(growth < 256 * 1024, qPrintable(QString::number(growth)));
}

QString tst_KeychainSecretStore::keyringItems(const QString &service) const {
    QProcess tool;
    // secret-tool prints label and secret on stdout, the attributes on stderr.
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(m_secretTool, {QStringLiteral("search"), QStringLiteral("--all"),
                              QStringLiteral("server"), service});
    if (!tool.waitForFinished(20000) || tool.exitStatus() != QProcess::NormalExit) {
        qWarning("secret-tool did not finish");
        return QString();
    }
    return QString::fromUtf8(tool.readAllStandardOutput());
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
