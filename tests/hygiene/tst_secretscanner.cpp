// The secret scanner that runs after the whole suite must be able to fail: secrets the emulator
// really issues (access token, refresh token, code) and a real PKCE verifier, planted in files
// of the shapes a leak would take, are found at their exact offsets; look-alikes are not; the
// command-line tool says where, never what. Nothing secret is printed by this test itself.

#include "SecretScanner.h"

#include "HttpClient.h"
#include "SignInDriver.h"

#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace authkit::hygiene;
using namespace authkit::testsupport;

namespace {

const QString kJwt = QStringLiteral("jwt");
const QString kRefreshFormat = QStringLiteral("refresh token (emulator format)");
const QString kRefreshNamed = QStringLiteral("refresh_token value");
const QString kAccessNamed = QStringLiteral("access_token value");
const QString kVerifierNamed = QStringLiteral("code_verifier value");
const QString kCode = QStringLiteral("authorization code");

bool writeFile(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

bool hasFinding(const SecretScanReport &report, const QString &path, qint64 offset,
                const QString &kind) {
    for (const SecretFinding &finding : report.findings) {
        if (finding.path == path && finding.offset == offset && finding.kind == kind)
            return true;
    }
    return false;
}

// Bytes no pattern can match (no letters or digits), the way a binary file's bulk looks.
QByteArray binaryNoise(int size) {
    QByteArray noise(size, '\0');
    for (int i = 0; i < size; ++i)
        noise[i] = char(0x80 + (i * 37) % 0x80);
    return noise;
}

} // namespace

class tst_SecretScanner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void issuedSecretsAreFound();
    void secretAcrossWindowBoundaries();
    void lookalikesAreNotSecrets_data();
    void lookalikesAreNotSecrets();
    void symbolicLinksAreNotFollowed();
    void toolSaysWhereNotWhat();
    void toolSkipsOutsideTheTestRoot();

private:
    QString runTool(const QStringList &arguments, const QProcessEnvironment &environment,
                    int *exitCode);

    // What the emulator issued in one sign-in and one refresh.
    QString m_accessToken;
    QString m_refreshToken;
    QString m_rotatedRefreshToken;
    QString m_code;
    QString m_verifier;
};

void tst_SecretScanner::initTestCase() {
    authkit::emulator::AuthKitEmulator emulator{authkit::emulator::EmulatorOptions{}};
    QVERIFY(emulator.start());
    HttpClient http;
    SignInDriver driver(http, emulator.baseUrl());
    m_code = driver.signInWithPassword(QStringLiteral("ada@example.com"));
    QVERIFY(!m_code.isEmpty());
    m_verifier = driver.pkce().verifier;
    const QJsonObject body = driver.exchangeCode(m_code).json();
    m_accessToken = body.value(QLatin1String("access_token")).toString();
    m_refreshToken = body.value(QLatin1String("refresh_token")).toString();
    QVERIFY(!m_accessToken.isEmpty());
    QVERIFY(!m_refreshToken.isEmpty());
    m_rotatedRefreshToken =
        driver.refresh(m_refreshToken).json().value(QLatin1String("refresh_token")).toString();
    QVERIFY(!m_rotatedRefreshToken.isEmpty());
}

void tst_SecretScanner::issuedSecretsAreFound() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // A log line with a bare refresh token.
    const QString log = dir.filePath(QStringLiteral("app.log"));
    const QByteArray logLine = "12:00:01 authkit.token: rotated to ";
    QVERIFY(writeFile(log, logLine + m_rotatedRefreshToken.toLatin1() + ".\n"));

    // An authenticate response body written to disk whole.
    const QString json = dir.filePath(QStringLiteral("cache/response.json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("access_token"), m_accessToken},
                                  {QStringLiteral("refresh_token"), m_refreshToken}})
            .toJson(QJsonDocument::Compact);
    QVERIFY(writeFile(json, body));

    // A full redirect URL in a hidden folder.
    const QString callback = dir.filePath(QStringLiteral(".state/nested/history.txt"));
    const QByteArray url =
        "GET http://127.0.0.1:41234/callback?code=" + m_code.toLatin1() + "&state=abc\n";
    QVERIFY(writeFile(callback, url));

    // A form body with the code and its verifier.
    const QString form = dir.filePath(QStringLiteral("request.txt"));
    const QByteArray formBody = "grant_type=authorization_code&code=" + m_code.toLatin1() +
                                "&code_verifier=" + m_verifier.toLatin1();
    QVERIFY(writeFile(form, formBody));

    // A binary file with the access token between NULs.
    const QString binary = dir.filePath(QStringLiteral("store.db"));
    QVERIFY(writeFile(binary, binaryNoise(5000) + '\0' + m_accessToken.toLatin1() + '\0' +
                                  binaryNoise(3000)));

    SecretScanner scanner;
    scanner.addRoot(dir.path());
    const SecretScanReport report = scanner.scan();
    QCOMPARE(report.files, qint64(5));
    QVERIFY(report.unreadable.isEmpty());

    QVERIFY(hasFinding(report, log, logLine.size(), kRefreshFormat));

    const qint64 accessAt = body.indexOf(m_accessToken.toLatin1());
    const qint64 refreshAt = body.indexOf(m_refreshToken.toLatin1());
    QVERIFY(accessAt > 0 && refreshAt > 0);
    QVERIFY(hasFinding(report, json, accessAt, kJwt));
    QVERIFY(hasFinding(report, json, refreshAt, kRefreshFormat));
    QVERIFY(hasFinding(report, json, body.indexOf("refresh_token"), kRefreshNamed));
    QVERIFY(hasFinding(report, json, body.indexOf("access_token"), kAccessNamed));

    QVERIFY(hasFinding(report, callback, url.indexOf("code="), kCode));
    QVERIFY(hasFinding(report, form, formBody.indexOf("code="), kCode));
    QVERIFY(hasFinding(report, form, formBody.indexOf("code_verifier="), kVerifierNamed));
    QVERIFY(hasFinding(report, binary, 5001, kJwt));
    QCOMPARE(report.findings.size(), qsizetype(9));
}

void tst_SecretScanner::secretAcrossWindowBoundaries() {
    // Files are read 8 MiB at a time with 64 KiB of overlap: a token across either edge is
    // found once, as is one near the end of the file.
    constexpr qint64 kWindow = 8 * 1024 * 1024;
    constexpr qint64 kOverlap = 64 * 1024;
    QByteArray content(kWindow + kWindow / 2, '\n');
    const QByteArray token = m_refreshToken.toLatin1();
    const QList<qint64> offsets{kWindow - kOverlap - 10, kWindow - 10, content.size() - 100};
    for (qint64 offset : offsets)
        content.replace(offset, token.size(), token);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.log"));
    QVERIFY(writeFile(path, content));
    SecretScanner scanner;
    scanner.addRoot(path);
    const SecretScanReport report = scanner.scan();
    QCOMPARE(report.bytes, qint64(content.size()));
    QCOMPARE(report.findings.size(), offsets.size());
    for (qint64 offset : offsets)
        QVERIFY(hasFinding(report, path, offset, kRefreshFormat));
}

void tst_SecretScanner::lookalikesAreNotSecrets_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("sha256 hex (a stored digest)") << QByteArray(
        R"({"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})");
    QTest::newRow("32 hex digits, upper case")
        << QByteArray("ID 9F86D081884C7D659A2FEAA0C55AD015 ok");
    QTest::newRow("32 letters, no digit") << QByteArray(" abcdefghijklmnopqrstuvwxyzABCDEF ");
    QTest::newRow("31 and 33 mixed characters")
        << QByteArray(" aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0d \n aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dEf ");
    QTest::newRow("32 mixed characters inside a PKCE verifier")
        << QByteArray("code_challenge_method=S256 v=x~aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0d.y");
    QTest::newRow("32 mixed characters inside base64")
        << QByteArray("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC+aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0d/Kcw==");
    QTest::newRow("prefixed ULIDs")
        << QByteArray("user_01J0000000000000000000ADA client_01J00000000000000000000DEV "
                      "session_01JABCDEFGHJKMNPQRSTVWXYZ01");
    QTest::newRow("error code") << QByteArray(R"({"code":"organization_membership_not_found"})");
    QTest::newRow("one-time e-mail code") << QByteArray("code=123456");
    QTest::newRow("code challenge")
        << QByteArray("code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    QTest::newRow("a JWT header alone") << QByteArray("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0");
    QTest::newRow("empty refresh_token") << QByteArray(R"({"refresh_token":""})");
}

void tst_SecretScanner::lookalikesAreNotSecrets() {
    QFETCH(QByteArray, content);
    QCOMPARE(SecretScanner::findInBytes(content, QStringLiteral("sample")).size(), qsizetype(0));
}

void tst_SecretScanner::symbolicLinksAreNotFollowed() {
    QTemporaryDir outside;
    QTemporaryDir root;
    QVERIFY(outside.isValid() && root.isValid());
    const QString secret = outside.filePath(QStringLiteral("secret.txt"));
    QVERIFY(writeFile(secret, m_refreshToken.toLatin1()));
    QVERIFY(QFile::link(secret, root.filePath(QStringLiteral("link.txt"))));
    QVERIFY(QFile::link(outside.path(), root.filePath(QStringLiteral("linked-folder"))));

    SecretScanner scanner;
    scanner.addRoot(root.path());
    const SecretScanReport report = scanner.scan();
    QCOMPARE(report.files, qint64(0));
    QCOMPARE(report.findings.size(), qsizetype(0));

    // The same file, named directly, is scanned.
    SecretScanner direct;
    direct.addRoot(secret);
    QCOMPARE(direct.scan().findings.size(), qsizetype(1));
}

QString tst_SecretScanner::runTool(const QStringList &arguments,
                                   const QProcessEnvironment &environment, int *exitCode) {
    QProcess tool;
    tool.setProcessEnvironment(environment);
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral(AUTHKIT_SECRET_SCAN), arguments);
    if (!tool.waitForFinished(60000) || tool.exitStatus() != QProcess::NormalExit)
        return QString();
    *exitCode = tool.exitCode();
    return QString::fromUtf8(tool.readAll());
}

void tst_SecretScanner::toolSaysWhereNotWhat() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("leak.log"));
    QVERIFY(writeFile(path, "token " + m_accessToken.toLatin1() + '\n'));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("clean.log")), "nothing to see\n"));

    int exitCode = -1;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString output = runTool({dir.path()}, environment, &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY(output.contains(QStringLiteral("secret scan: 2 files, ")));
    QVERIFY(output.contains(QStringLiteral("FOUND jwt in %1 at byte 6").arg(path)));
    QVERIFY(output.contains(QStringLiteral("secret scan: 1 secrets found")));
    QVERIFY(!output.contains(m_accessToken));
    QVERIFY(!output.contains(m_accessToken.section(QLatin1Char('.'), 2)));

    QVERIFY(QFile::remove(path));
    output = runTool({dir.path()}, environment, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(output.contains(QStringLiteral("secret scan: 0 secrets found")));
}

void tst_SecretScanner::toolSkipsOutsideTheTestRoot() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AUTHKIT_TEST_ROOT"));
    int exitCode = -1;
    const QString output =
        runTool({QStringLiteral("--suite"), QDir::tempPath()}, environment, &exitCode);
    QCOMPARE(exitCode, 77);
    QVERIFY(output.contains(QStringLiteral("skipped")));

    // With a root, the root is what it scans.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(writeFile(root.filePath(QStringLiteral("home/.config/app.ini")),
                      "[session]\nrefresh_token=" + m_refreshToken.toLatin1() + '\n'));
    environment.insert(QStringLiteral("AUTHKIT_TEST_ROOT"), root.path());
    const QString found =
        runTool({QStringLiteral("--suite"), root.filePath(QStringLiteral("build"))}, environment,
                &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY(
        found.contains(QStringLiteral("in %1/home/.config/app.ini at byte 10").arg(root.path())));
}

QTEST_GUILESS_MAIN(tst_SecretScanner)
#include "tst_secretscanner.moc"
