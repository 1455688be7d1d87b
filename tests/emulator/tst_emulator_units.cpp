// Unit tests of the emulator's private building blocks and of the test support's own helpers:
// TOTP against RFC 6238, ULID shapes, page escaping, redirect URI matching, fault validation, the
// HTTP request reader's limits, the Host check, CSRF tokens, secret comparison and the caps of
// the session registry.

#include "CsrfGuard_p.h"
#include "Directory_p.h"
#include "FaultInjector_p.h"
#include "HttpMessage_p.h"
#include "HttpRequestReader_p.h"
#include "Ids_p.h"
#include "LoopbackHost_p.h"
#include "PageLanguage_p.h"
#include "PageRenderer_p.h"
#include "PageTexts_p.h"
#include "RedirectUriRules_p.h"
#include "SecretCompare_p.h"
#include "SessionRegistry_p.h"
#include "Totp_p.h"

#include "FormEncoding.h"
#include "HtmlPage.h"
#include "Pkce.h"
#include "Rfc6238.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

// Q_INIT_RESOURCE must name the resource from the global namespace.
static void initEmulatorResources()
{
    Q_INIT_RESOURCE(emulator_resources);
}

using namespace authkit::emulator;
namespace support = authkit::testsupport;

namespace {
// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const QByteArray kRfcSeed = "12345678901234567890";
const QRegularExpression kUlidShape(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{26}$"));

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// The 48-bit millisecond timestamp in the first ten characters of a ULID.
qint64 ulidMilliseconds(const QString &ulid)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    qint64 value = 0;
    for (int i = 0; i < 10; ++i)
        value = value * 32 + alphabet.indexOf(ulid.at(i));
    return value;
}
} // namespace

class TestEmulatorUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rfc6238Vectors_data();
    void rfc6238Vectors();
    void totpBase32();
    void totpVerifyWindow();
    void supportPkceMatchesRfc7636();

    void ulidShape();
    void ulidShapedDigestIsStable();
    void opaqueTokensAndDigits();
    void base64UrlHasNoPadding();

    void pageRendererEscapes();
    void pageRendererDoesNotRescanValues();
    void pageRendererErrorVisibility();
    void acceptLanguageChoosesThePageLanguage_data();
    void acceptLanguageChoosesThePageLanguage();
    void everyTemplateTextIsListedAndTranslated();

    void registeredUriMatching_data();
    void registeredUriMatching();
    void clientIdShape_data();
    void clientIdShape();
    void productionRedirectRules_data();
    void productionRedirectRules();
    void seedEnvironment();

    void faultParseRejects_data();
    void faultParseRejects();
    void faultParseDefaults();
    void faultTakeCountsDown();
    void faultDropAfterCommitParses();

    void readerParsesRequests();
    void readerTakesBytesOneByOne();
    void readerKeepsPipelinedRest();
    void readerRefuses_data();
    void readerRefuses();
    void readerConnectionOptions_data();
    void readerConnectionOptions();
    void loopbackHost_data();
    void loopbackHost();
    void csrfTokens();
    void secretCompare();
    void registryEvictsOldestAttempts();
    void registryExpiresAndCapsCodes();
    void registryCapsRefreshTokens();

    void requestQueryDecoding();
    void supportFormEncodingRoundTrip();
};

void TestEmulatorUnits::initTestCase()
{
    initEmulatorResources();
    QVERIFY(QFile::exists(QStringLiteral(":/authkit-emulator/pages/layout.html")));
}

void TestEmulatorUnits::rfc6238Vectors_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("expected"); // 8 digits, RFC 6238 appendix B, SHA-1 column
    QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
    QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
    QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
    QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
    QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
    QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
}

void TestEmulatorUnits::rfc6238Vectors()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    // The tests' own implementation, at the RFC's 8 digits.
    QCOMPARE(support::rfc6238::code(kRfcSeed, time, 8), expected);
    // The emulator's makes 6-digit codes: the same number modulo 10^6.
    QCOMPARE(totp::codeAt(kRfcSeed, time), expected.right(6));
    QCOMPARE(support::rfc6238::code(kRfcSeed, time), expected.right(6));
}

void TestEmulatorUnits::totpBase32()
{
    // JBSWY3DPEHPK3PXP is the well-known base32 of "Hello!" 0xDE 0xAD 0xBE 0xEF.
    const QByteArray expected = QByteArray("Hello!") + QByteArray::fromHex("deadbeef");
    QCOMPARE(totp::decodeBase32(QStringLiteral("JBSWY3DPEHPK3PXP")), expected);
    QCOMPARE(support::rfc6238::base32Decode(QStringLiteral("JBSWY3DPEHPK3PXP")), expected);
    QCOMPARE(totp::decodeBase32(QStringLiteral("jbsw y3dp ehpk 3pxp")), expected);
    QCOMPARE(totp::decodeBase32(QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")), kRfcSeed);
    QCOMPARE(totp::decodeBase32(QStringLiteral("MZXW6===")), QByteArray("foo"));
    QVERIFY(totp::decodeBase32(QStringLiteral("JBSWY3DP1")).isEmpty()); // '1' is not base32
    QVERIFY(totp::decodeBase32(QStringLiteral("JBSW!3DP")).isEmpty());
}

void TestEmulatorUnits::totpVerifyWindow()
{
    const QString secret = QStringLiteral("JBSWY3DPEHPK3PXP");
    const QByteArray key = support::rfc6238::base32Decode(secret);
    const qint64 now = 1767225600 + 13; // inside a step
    const QString current = support::rfc6238::code(key, now);
    QVERIFY(totp::verify(secret, current, now));
    QVERIFY(totp::verify(secret, support::rfc6238::code(key, now - 30), now));
    QVERIFY(totp::verify(secret, support::rfc6238::code(key, now + 30), now));
    QVERIFY(!totp::verify(secret, support::rfc6238::code(key, now - 60), now));
    QVERIFY(!totp::verify(secret, support::rfc6238::code(key, now + 60), now));
    QVERIFY(!totp::verify(secret, current.left(5), now));
    QVERIFY(!totp::verify(secret, current + QLatin1Char('0'), now));
    QVERIFY(!totp::verify(QString(), current, now));
    QVERIFY(!totp::verify(QStringLiteral("!!!!"), current, now));
}

void TestEmulatorUnits::supportPkceMatchesRfc7636()
{
    // RFC 7636 appendix B.
    QCOMPARE(
        support::Pkce::challengeFor(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
        QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const support::Pkce pkce = support::Pkce::generate(128);
    QCOMPARE(pkce.verifier.size(), 128);
    QVERIFY(
        QRegularExpression(QStringLiteral("^[A-Za-z0-9._~-]+$")).match(pkce.verifier).hasMatch());
    QCOMPARE(pkce.challenge.size(), 43);
    QVERIFY(support::Pkce::generate().verifier != support::Pkce::generate().verifier);
}

void TestEmulatorUnits::ulidShape()
{
    const qint64 ms = 1767225600123; // 2026-01-01T00:00:00.123Z
    const QString first = ids::ulid(ms);
    const QString second = ids::ulid(ms);
    QVERIFY2(kUlidShape.match(first).hasMatch(), qPrintable(first));
    QCOMPARE(ulidMilliseconds(first), ms);
    QCOMPARE(first.left(10), second.left(10)); // same time part
    QVERIFY(first != second);                  // random part
    // Time-ordered: a later millisecond sorts after.
    QVERIFY(ids::ulid(ms + 1).left(10) > first.left(10));
    QCOMPARE(ulidMilliseconds(ids::ulid(0)), qint64(0));
    QCOMPARE(ids::ulid(0).left(10), QStringLiteral("0000000000"));
}

void TestEmulatorUnits::ulidShapedDigestIsStable()
{
    const QByteArray digest = QCryptographicHash::hash("key", QCryptographicHash::Sha256);
    const QString id = ids::ulidShapedDigest(digest);
    QVERIFY2(kUlidShape.match(id).hasMatch(), qPrintable(id));
    QCOMPARE(ids::ulidShapedDigest(digest), id);
    QVERIFY(ids::ulidShapedDigest(QCryptographicHash::hash("other", QCryptographicHash::Sha256))
            != id);
    QCOMPARE(ids::ulidShapedDigest(QByteArray(16, '\0')), QString(26, QLatin1Char('0')));
    // 128 bits of ones: the top digit holds only three bits (7), the rest are Z.
    QCOMPARE(ids::ulidShapedDigest(QByteArray(16, '\xff')),
             QStringLiteral("7") + QString(25, QLatin1Char('Z')));
}

void TestEmulatorUnits::opaqueTokensAndDigits()
{
    const QString token = ids::opaqueToken(40);
    QCOMPARE(token.size(), 40);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{40}$")).match(token).hasMatch());
    QVERIFY(ids::opaqueToken(40) != token);
    const QString code = ids::digits(6);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(code).hasMatch());
}

void TestEmulatorUnits::base64UrlHasNoPadding()
{
    QCOMPARE(ids::base64Url(QByteArray::fromHex("fbff")), QByteArray("-_8"));
    QCOMPARE(ids::base64Url("a"), QByteArray("YQ"));
}

void TestEmulatorUnits::pageRendererEscapes()
{
    QCOMPARE(PageRenderer::escape(QStringLiteral("<a href=\"x\">&</a>")),
             QStringLiteral("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"));
    const QByteArray page = PageRenderer::render(
        QStringLiteral("message"), {}, QStringLiteral("<b>Title</b>"),
        {{QStringLiteral("message"), QStringLiteral("<script>alert(1)</script>")},
         {QStringLiteral("app_name"), QStringLiteral("A & B")}});
    QVERIFY(!page.contains("<script>"));
    QVERIFY(!page.contains("<b>Title</b>"));
    const support::HtmlPage html(page);
    QCOMPARE(html.text(QStringLiteral("message")), QStringLiteral("<script>alert(1)</script>"));
    QCOMPARE(html.title(), QStringLiteral("<b>Title</b>"));
    QVERIFY(page.contains("A &amp; B"));
}

void TestEmulatorUnits::pageRendererDoesNotRescanValues()
{
    // A value that looks like a placeholder stays literal text.
    const QByteArray page = PageRenderer::render(
        QStringLiteral("message"), {}, QStringLiteral("{{error}}"),
        {{QStringLiteral("message"), QStringLiteral("{{{content}}} {{title}}")},
         {QStringLiteral("error"), QStringLiteral("boom")}});
    const support::HtmlPage html(page);
    QCOMPARE(html.text(QStringLiteral("message")), QStringLiteral("{{{content}}} {{title}}"));
    QCOMPARE(html.title(), QStringLiteral("{{error}}"));
    QCOMPARE(html.shownError(), QStringLiteral("boom"));
}

void TestEmulatorUnits::pageRendererErrorVisibility()
{
    const support::HtmlPage withoutError(
        PageRenderer::render(QStringLiteral("message"), {}, QStringLiteral("T"), {}));
    QVERIFY(withoutError.hasAttribute(QStringLiteral("error"), QStringLiteral("hidden")));
    QCOMPARE(withoutError.shownError(), QString());
    const support::HtmlPage withError(
        PageRenderer::render(QStringLiteral("message"), {}, QStringLiteral("T"),
                             {{QStringLiteral("error"), QStringLiteral("Bad <thing>")}}));
    QVERIFY(!withError.hasAttribute(QStringLiteral("error"), QStringLiteral("hidden")));
    QCOMPARE(withError.shownError(), QStringLiteral("Bad <thing>"));
}

// lib/emulator/README.md, "Environments": what production takes, whatever is registered.
void TestEmulatorUnits::productionRedirectRules_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << QStringLiteral("https://app.example/callback") << true;
    QTest::newRow("https with port") << QStringLiteral("https://app.example:8443/cb") << true;
    QTest::newRow("loopback literal") << QStringLiteral("http://127.0.0.1/callback") << true;
    QTest::newRow("loopback literal, port") << QStringLiteral("http://127.0.0.1:50123/cb") << true;
    QTest::newRow("IPv6 loopback literal") << QStringLiteral("http://[::1]:50123/callback") << true;
    QTest::newRow("custom scheme") << QStringLiteral("authkit-desktop://callback") << true;
    QTest::newRow("reverse-DNS scheme") << QStringLiteral("com.example.app:/oauth") << true;
    QTest::newRow("localhost") << QStringLiteral("http://localhost/callback") << false;
    QTest::newRow("LOCALHOST, port") << QStringLiteral("http://LOCALHOST:8080/callback") << false;
    QTest::newRow("http host") << QStringLiteral("http://app.example/callback") << false;
    QTest::newRow("http private address") << QStringLiteral("http://192.168.1.2/cb") << false;
    QTest::newRow("127.0.0.2") << QStringLiteral("http://127.0.0.2/callback") << false;
    QTest::newRow("https without host") << QStringLiteral("https:///callback") << false;
    QTest::newRow("credentials") << QStringLiteral("https://me@app.example/callback") << false;
    QTest::newRow("fragment") << QStringLiteral("https://app.example/callback#x") << false;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,x") << false;
    QTest::newRow("vbscript") << QStringLiteral("vbscript:msgbox(1)") << false;
    QTest::newRow("blob") << QStringLiteral("blob:https://app.example/1") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("relative") << QStringLiteral("/callback") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEmulatorUnits::productionRedirectRules()
{
    QFETCH(QString, uri);
    QFETCH(bool, accepted);
    const QString problem = redirectUriProblem(Environment::Production, QUrl(uri));
    QVERIFY2(problem.isEmpty() == accepted, qPrintable(problem));
    // Development takes whatever the client registered.
    QVERIFY(redirectUriProblem(Environment::Development, QUrl(uri)).isEmpty());
}

void TestEmulatorUnits::seedEnvironment()
{
    QString error;
    const auto seedWith = [&error](const char *environment, const char *uri) {
        const QByteArray json =
            QByteArray("{\"clients\":[{\"client_id\":"
                       "\"client_01J00000000000000000000PRD\",")
            + (environment ? QByteArray("\"environment\":\"") + environment + "\"," : QByteArray())
            + "\"redirect_uris\":[\"" + uri + "\"]}]}";
        error.clear();
        return Directory::fromJson(json, &error);
    };
    // No environment: development, lenient.
    auto directory = seedWith(nullptr, "http://localhost/callback");
    QVERIFY2(directory, qPrintable(error));
    QCOMPARE(directory->clients().first().environment, Environment::Development);
    // Production refuses to register what it would refuse at authorize, and says which.
    QVERIFY(!seedWith("production", "http://localhost/callback"));
    QVERIFY2(error.contains(QLatin1String("http://localhost/callback"))
                 && error.contains(QLatin1String("localhost")),
             qPrintable(error));
    directory = seedWith("production", "authkit-desktop://callback");
    QVERIFY2(directory, qPrintable(error));
    QCOMPARE(directory->clients().first().environment, Environment::Production);
    QVERIFY(!seedWith("staging", "https://app.example/callback"));
    QVERIFY2(error.contains(QLatin1String("staging")), qPrintable(error));
    // The built-in seed: the production client is in the production environment.
    const Directory builtIn = Directory::builtIn();
    QCOMPARE(builtIn.client(QStringLiteral("client_01J00000000000000000000PRD"))->environment,
             Environment::Production);
    QCOMPARE(builtIn.client(QStringLiteral("client_01J00000000000000000000DEV"))->environment,
             Environment::Development);
}

void TestEmulatorUnits::acceptLanguageChoosesThePageLanguage_data()
{
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<QString>("language");
    QTest::newRow("none") << QByteArray() << QStringLiteral("en");
    QTest::newRow("fr") << QByteArray("fr") << QStringLiteral("fr");
    QTest::newRow("region and case") << QByteArray("JA-jp") << QStringLiteral("ja");
    QTest::newRow("q below 1 alone") << QByteArray("de;q=0.9") << QStringLiteral("de");
    QTest::newRow("highest q wins") << QByteArray("en;q=0.5, es;q=0.8") << QStringLiteral("es");
    QTest::newRow("order breaks ties") << QByteArray("fr-CA, de") << QStringLiteral("fr");
    QTest::newRow("unsupported skipped") << QByteArray("pt-BR, ja;q=0.1") << QStringLiteral("ja");
    QTest::newRow("only unsupported") << QByteArray("pt-BR, zh;q=0.8") << QStringLiteral("en");
    QTest::newRow("q=0 is refusal") << QByteArray("de;q=0, fr;q=0.2") << QStringLiteral("fr");
    QTest::newRow("star means any") << QByteArray("*") << QStringLiteral("en");
    QTest::newRow("english first") << QByteArray("en-GB, de;q=0.9") << QStringLiteral("en");
    QTest::newRow("bad q is not 1") << QByteArray("de;q=abc, es;q=0.5") << QStringLiteral("es");
    QTest::newRow("garbage") << QByteArray(";;,,;q=") << QStringLiteral("en");
}

void TestEmulatorUnits::acceptLanguageChoosesThePageLanguage()
{
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(QString, language);
    QCOMPARE(PageLanguage::fromAcceptLanguage(acceptLanguage).code(), language);
}

// The templates' {{_ …}} texts are exactly those listed for lupdate (PageTexts.cpp), and every
// catalogue built into the emulator translates each of them.
void TestEmulatorUnits::everyTemplateTextIsListedAndTranslated()
{
    QSet<QString> inTemplates;
    const QDir pages(QStringLiteral(":/authkit-emulator/pages"));
    for (const QString &file : pages.entryList({QStringLiteral("*.html")})) {
        const QStringList texts = PageRenderer::textsOf(file.chopped(5));
        inTemplates.unite(QSet<QString>(texts.cbegin(), texts.cend()));
    }
    QVERIFY(inTemplates.size() > 30);
    const QStringList listed = pageTemplateTexts();
    QCOMPARE(inTemplates, QSet<QString>(listed.cbegin(), listed.cend()));
    for (const QString &code : PageLanguage::supported()) {
        if (code == QLatin1String("en"))
            continue;
        const PageLanguage language = PageLanguage::fromAcceptLanguage(code.toLatin1());
        QCOMPARE(language.code(), code);
        for (const QString &text : listed) {
            QVERIFY2(!language.translationOf(text.toUtf8().constData()).isEmpty(),
                     qPrintable(code + QStringLiteral(": ") + text));
        }
        // A C++ message with a placeholder, translated and with it kept.
        const QString withPlaceholder = language.tr("Sign in with %1");
        QVERIFY(withPlaceholder != QStringLiteral("Sign in with %1"));
        QVERIFY(withPlaceholder.contains(QStringLiteral("%1")));
    }
}

void TestEmulatorUnits::registeredUriMatching_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QString>("registered");
    QTest::addColumn<bool>("pathPrefix");
    QTest::addColumn<bool>("matches");

    const QString loopback = QStringLiteral("http://127.0.0.1/callback");
    const QString localhost = QStringLiteral("http://localhost/callback");
    QTest::newRow("loopback exact") << loopback << loopback << false << true;
    QTest::newRow("loopback any port")
        << QStringLiteral("http://127.0.0.1:8123/callback") << loopback << false << true;
    QTest::newRow("loopback registered with a port, other port")
        << QStringLiteral("http://127.0.0.1:9/callback")
        << QStringLiteral("http://127.0.0.1:8000/callback") << false << true;
    QTest::newRow("localhost any port")
        << QStringLiteral("http://localhost:3000/callback") << localhost << false << true;
    QTest::newRow("localhost host is case-insensitive")
        << QStringLiteral("http://LOCALHOST:3000/callback") << localhost << false << true;
    QTest::newRow("ipv6 loopback any port")
        << QStringLiteral("http://[::1]:4000/callback") << QStringLiteral("http://[::1]/callback")
        << false << true;
    QTest::newRow("127.0.0.1 is not localhost")
        << QStringLiteral("http://localhost:3000/callback") << loopback << false << false;
    QTest::newRow("other path") << QStringLiteral("http://127.0.0.1:1/cb") << loopback << false
                                << false;
    QTest::newRow("path is case-sensitive")
        << QStringLiteral("http://127.0.0.1:1/Callback") << loopback << false << false;
    QTest::newRow("https is not http")
        << QStringLiteral("https://127.0.0.1:1/callback") << loopback << false << false;
    QTest::newRow("user info") << QStringLiteral("http://a@127.0.0.1:1/callback") << loopback
                               << false << false;
    QTest::newRow("other loopback address")
        << QStringLiteral("http://127.0.0.2:1/callback") << loopback << false << false;
    QTest::newRow("https exact") << QStringLiteral("https://app.example/cb")
                                 << QStringLiteral("https://app.example/cb") << false << true;
    QTest::newRow("https other port") << QStringLiteral("https://app.example:8443/cb")
                                      << QStringLiteral("https://app.example/cb") << false << false;
    QTest::newRow("custom scheme exact")
        << QStringLiteral("authkit-desktop://callback")
        << QStringLiteral("authkit-desktop://callback") << false << true;
    QTest::newRow("custom scheme with a port")
        << QStringLiteral("authkit-desktop://callback:99")
        << QStringLiteral("authkit-desktop://callback") << false << false;
    QTest::newRow("custom scheme other host")
        << QStringLiteral("authkit-desktop://other") << QStringLiteral("authkit-desktop://callback")
        << false << false;
    QTest::newRow("empty candidate") << QString() << loopback << false << false;
    QTest::newRow("extra query") << QStringLiteral("http://127.0.0.1:1/callback?a=1") << loopback
                                 << false << false;
    QTest::newRow("fragment") << QStringLiteral("http://127.0.0.1:1/callback#a") << loopback
                              << false << false;
    QTest::newRow("registered query, same")
        << QStringLiteral("https://app.example/cb?tenant=1")
        << QStringLiteral("https://app.example/cb?tenant=1") << false << true;

    // Logout allowlists: the path may extend the registered one.
    QTest::newRow("prefix: root allows any path")
        << QStringLiteral("http://127.0.0.1:7000/signed-out?x=1")
        << QStringLiteral("http://127.0.0.1/") << true << true;
    QTest::newRow("prefix: below a directory")
        << QStringLiteral("https://app.example/bye/now")
        << QStringLiteral("https://app.example/bye") << true << true;
    QTest::newRow("prefix: not a sibling name")
        << QStringLiteral("https://app.example/byebye") << QStringLiteral("https://app.example/bye")
        << true << false;
    QTest::newRow("prefix: without the flag")
        << QStringLiteral("https://app.example/bye/now")
        << QStringLiteral("https://app.example/bye") << false << false;
}

void TestEmulatorUnits::registeredUriMatching()
{
    QFETCH(QString, candidate);
    QFETCH(QString, registered);
    QFETCH(bool, pathPrefix);
    QFETCH(bool, matches);
    QCOMPARE(matchesRegisteredUri(QUrl(candidate), registered, pathPrefix), matches);
}

void TestEmulatorUnits::clientIdShape_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("seed") << QStringLiteral("client_01J00000000000000000000DEV") << true;
    QTest::newRow("too short") << QStringLiteral("client_01J0000000000000000000DEV") << false;
    QTest::newRow("lower case") << QStringLiteral("client_01j00000000000000000000dev") << false;
    QTest::newRow("letter I") << QStringLiteral("client_01J0000000000000000000IDEV") << false;
    QTest::newRow("prefix") << QStringLiteral("clint_01J00000000000000000000DEVX") << false;
}

void TestEmulatorUnits::clientIdShape()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(Directory::isValidClientId(id), valid);
}

void TestEmulatorUnits::faultParseRejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("no endpoint") << QByteArray(R"({"action":"respond"})")
                                 << QStringLiteral("endpoint must be one of: authorize, "
                                                   "authenticate, jwks, logout, hosted, convex");
    QTest::newRow("unknown endpoint")
        << QByteArray(R"({"endpoint":"control"})")
        << QStringLiteral(
               "endpoint must be one of: authorize, authenticate, jwks, logout, hosted, convex");
    QTest::newRow("unknown action")
        << QByteArray(R"({"endpoint":"jwks","action":"explode"})")
        << QStringLiteral("action must be respond, delay, drop or drop_after_commit");
    QTest::newRow("count 0") << QByteArray(R"({"endpoint":"jwks","count":0})")
                             << QStringLiteral("count must be between 1 and 10000");
    QTest::newRow("count 10001") << QByteArray(R"({"endpoint":"jwks","count":10001})")
                                 << QStringLiteral("count must be between 1 and 10000");
    QTest::newRow("status 199") << QByteArray(R"({"endpoint":"jwks","status":199})")
                                << QStringLiteral("status must be an HTTP status from 200 to 599");
    QTest::newRow("status 600") << QByteArray(R"({"endpoint":"jwks","status":600})")
                                << QStringLiteral("status must be an HTTP status from 200 to 599");
    QTest::newRow("negative delay")
        << QByteArray(R"({"endpoint":"jwks","action":"delay","delay_ms":-1})")
        << QStringLiteral("delay_ms must be between 0 and 600000");
    QTest::newRow("delay too long")
        << QByteArray(R"({"endpoint":"jwks","action":"delay","delay_ms":600001})")
        << QStringLiteral("delay_ms must be between 0 and 600000");
    QTest::newRow("delay without delay_ms") << QByteArray(R"({"endpoint":"jwks","action":"delay"})")
                                            << QStringLiteral("a delay needs delay_ms");
    QTest::newRow("header with newline")
        << QByteArray(R"({"endpoint":"jwks","headers":{"X-A":"1\r\nX-B: 2"}})")
        << QStringLiteral("header names and values must be single lines");
    QTest::newRow("header name with colon")
        << QByteArray(R"({"endpoint":"jwks","headers":{"X-A:":"1"}})")
        << QStringLiteral("header names and values must be single lines");
    QTest::newRow("empty header name")
        << QByteArray(R"({"endpoint":"jwks","headers":{"":"1"}})")
        << QStringLiteral("header names and values must be single lines");
}

void TestEmulatorUnits::faultParseRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QString message;
    const auto fault = FaultInjector::parse(QJsonDocument::fromJson(body).object(), &message);
    QVERIFY(!fault);
    QCOMPARE(message, error);
}

void TestEmulatorUnits::faultParseDefaults()
{
    QString message;
    // respond without a status: 500 with a WorkOS-shaped body.
    auto fault = FaultInjector::parse(json(R"({"endpoint":"authenticate"})"), &message);
    QVERIFY(fault);
    QCOMPARE(fault->action, Fault::Action::Respond);
    QCOMPARE(fault->remaining, 1);
    QCOMPARE(fault->status, 500);
    QCOMPARE(fault->body, QByteArray(R"({"message":"Injected fault."})"));
    QCOMPARE(fault->contentType, QByteArray("application/json; charset=utf-8"));

    fault = FaultInjector::parse(
        json(R"({"endpoint":"jwks","status":429,"body":"slow down","headers":{"Retry-After":2}})"),
        &message);
    QVERIFY(fault);
    QCOMPARE(fault->body, QByteArray("slow down"));
    QCOMPARE(fault->contentType, QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(fault->headers.size(), 1);
    QCOMPARE(fault->headers.first().first, QByteArray("Retry-After"));
    QCOMPARE(fault->headers.first().second, QByteArray("2"));

    // A delay keeps the real reply (status 0) unless a status is given.
    fault = FaultInjector::parse(
        json(R"({"endpoint":"logout","action":"delay","delay_ms":5,"count":3})"), &message);
    QVERIFY(fault);
    QCOMPARE(fault->status, 0);
    QCOMPARE(fault->delayMs, 5);
    QCOMPARE(fault->remaining, 3);
    QVERIFY(fault->body.isEmpty());

    fault = FaultInjector::parse(json(R"({"endpoint":"hosted","action":"drop"})"), &message);
    QVERIFY(fault);
    QCOMPARE(fault->action, Fault::Action::Drop);
}

void TestEmulatorUnits::faultTakeCountsDown()
{
    FaultInjector injector;
    QString message;
    const int first =
        injector.add(*FaultInjector::parse(json(R"({"endpoint":"jwks","count":2})"), &message));
    const int second = injector.add(
        *FaultInjector::parse(json(R"({"endpoint":"authorize","status":503})"), &message));
    QVERIFY(first != second);
    QVERIFY(!injector.take(QStringLiteral("logout")));
    QCOMPARE(injector.take(QStringLiteral("jwks"))->id, first);
    QCOMPARE(injector.pending().size(), 2);
    QCOMPARE(injector.pending().first().remaining, 1);
    QCOMPARE(injector.take(QStringLiteral("jwks"))->id, first);
    QVERIFY(!injector.take(QStringLiteral("jwks")));
    QCOMPARE(injector.take(QStringLiteral("authorize"))->status, 503);
    QVERIFY(injector.pending().isEmpty());
}

void TestEmulatorUnits::requestQueryDecoding()
{
    HttpRequest request;
    request.url = QUrl::fromEncoded("http://127.0.0.1/x?a=1+2&b=1%2B2&c=%26%3D&d");
    QCOMPARE(request.query(QStringLiteral("a")), QStringLiteral("1 2"));
    QCOMPARE(request.query(QStringLiteral("b")), QStringLiteral("1+2"));
    QCOMPARE(request.query(QStringLiteral("c")), QStringLiteral("&="));
    QVERIFY(request.hasQuery(QStringLiteral("d")));
    QVERIFY(!request.hasQuery(QStringLiteral("e")));
    request.headers = {{"Content-Type", "Application/JSON; charset=utf-8"},
                       {"Cookie", "a=1; authkit_emulator_session=abc; b=2"}};
    QCOMPARE(request.mediaType(), QByteArray("application/json"));
    QCOMPARE(request.cookie(QStringLiteral("authkit_emulator_session")), QStringLiteral("abc"));
    request.body = "email=a%2Bb%40example.com&name=Ada+Lovelace";
    QCOMPARE(request.formField(QStringLiteral("email")), QStringLiteral("a+b@example.com"));
    QCOMPARE(request.formField(QStringLiteral("name")), QStringLiteral("Ada Lovelace"));
}

void TestEmulatorUnits::supportFormEncodingRoundTrip()
{
    const support::QueryItems items{{QStringLiteral("s"), QStringLiteral("a b+c&d=e%f ✓")}};
    const QByteArray encoded = support::formEncode(items);
    QVERIFY(!encoded.contains('+'));
    QVERIFY(!encoded.contains(' '));
    QCOMPARE(support::parseFormEncoded(encoded).value(QStringLiteral("s")), items.first().second);
    QCOMPARE(support::parseFormEncoded("x=1+2").value(QStringLiteral("x")), QStringLiteral("1 2"));
}

void TestEmulatorUnits::faultDropAfterCommitParses()
{
    QString error;
    const auto fault = FaultInjector::parse(
        json(R"({"endpoint":"authenticate","action":"drop_after_commit"})"), &error);
    QVERIFY2(fault, qPrintable(error));
    QCOMPARE(fault->action, Fault::Action::DropAfterCommit);
    QCOMPARE(fault->toJson().value(QLatin1String("action")).toString(),
             QStringLiteral("drop_after_commit"));
}

namespace {
HttpRequestReader::Status feedAll(HttpRequestReader &reader, const QByteArray &bytes,
                                  qsizetype *consumed = nullptr)
{
    qsizetype used = 0;
    const auto status = reader.feed(bytes.constData(), bytes.size(), &used);
    if (consumed)
        *consumed = used;
    return status;
}
} // namespace

void TestEmulatorUnits::readerParsesRequests()
{
    HttpRequestReader reader({});
    const QByteArray bytes = "POST /a/b?x=1%202 HTTP/1.1\r\nHost: 127.0.0.1:9\r\nContent-Type: "
                             "text/plain\r\nContent-Length: 5\r\n\r\nhello";
    QCOMPARE(feedAll(reader, bytes), HttpRequestReader::Status::Complete);
    QVERIFY(reader.keepAlive());
    const HttpRequest request = reader.takeRequest();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path(), QStringLiteral("/a/b"));
    QCOMPARE(request.query(QStringLiteral("x")), QStringLiteral("1 2"));
    QCOMPARE(request.header("content-type"), QByteArray("text/plain"));
    QCOMPARE(request.body, QByteArray("hello"));

    // "//x" is a path, not an authority.
    reader.reset();
    QCOMPARE(feedAll(reader, "GET //evil.example/x HTTP/1.1\r\nHost: h\r\n\r\n"),
             HttpRequestReader::Status::Complete);
    QCOMPARE(reader.takeRequest().path(), QStringLiteral("//evil.example/x"));
}

void TestEmulatorUnits::readerTakesBytesOneByOne()
{
    HttpRequestReader reader({});
    const QByteArray bytes = "GET /health HTTP/1.1\r\nHost: h\r\nX-A:  spaced  \r\n\r\n";
    for (int i = 0; i < bytes.size(); ++i) {
        qsizetype consumed = 0;
        const auto status = reader.feed(bytes.constData() + i, 1, &consumed);
        QCOMPARE(consumed, qsizetype(1));
        QCOMPARE(status, i + 1 == bytes.size() ? HttpRequestReader::Status::Complete
                                               : HttpRequestReader::Status::NeedMore);
    }
    QCOMPARE(reader.takeRequest().header("x-a"), QByteArray("spaced"));
}

void TestEmulatorUnits::readerKeepsPipelinedRest()
{
    HttpRequestReader reader({});
    const QByteArray first = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc";
    const QByteArray second = "GET /b HTTP/1.1\r\nHost: h\r\n\r\n";
    qsizetype consumed = 0;
    QCOMPARE(feedAll(reader, first + second, &consumed), HttpRequestReader::Status::Complete);
    QCOMPARE(consumed, first.size());
    QCOMPARE(reader.takeRequest().body, QByteArray("abc"));
    reader.reset();
    QCOMPARE(feedAll(reader, second), HttpRequestReader::Status::Complete);
    QCOMPARE(reader.takeRequest().path(), QStringLiteral("/b"));
}

void TestEmulatorUnits::readerRefuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<qsizetype>("maxConsumed"); // refused before reading further than this
    const QByteArray host = "Host: h\r\n";
    QTest::newRow("request line > 8 KiB")
        << QByteArray("GET /" + QByteArray(100000, 'a')) << 414 << qsizetype(8 * 1024 + 2);
    QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        manyHeaders += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("101 headers") << manyHeaders << 431 << manyHeaders.size();
    QTest::newRow("headers > 32 KiB")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(100000, 'b')) << 431
        << qsizetype(16 + 32 * 1024 + 2);
    QTest::newRow("body > 1 MiB") << QByteArray(
        "POST / HTTP/1.1\r\n" + host + "Content-Length: 1048577\r\n\r\n" + QByteArray(4096, 'x'))
                                  << 413 << qsizetype(60);
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\n" + host
                                           + "Transfer-Encoding: chunked\r\n\r\n")
                             << 501 << qsizetype(100);
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2\r\n" + host + "\r\n") << 505
                            << qsizetype(100);
    QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << qsizetype(100);
    QTest::newRow("bad Content-Length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 1e3\r\n\r\n") << 400
        << qsizetype(100);
    QTest::newRow("asterisk target")
        << QByteArray("OPTIONS * HTTP/1.1\r\n" + host + "\r\n") << 400 << qsizetype(100);
    QTest::newRow("space in name")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X A: 1\r\n\r\n") << 400 << qsizetype(100);
}

void TestEmulatorUnits::readerRefuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(qsizetype, maxConsumed);
    HttpRequestReader reader({});
    qsizetype consumed = 0;
    QCOMPARE(feedAll(reader, bytes, &consumed), HttpRequestReader::Status::Failed);
    QCOMPARE(reader.errorStatus(), status);
    QVERIFY(!reader.errorMessage().isEmpty());
    QVERIFY2(consumed <= maxConsumed, QByteArray::number(consumed).constData());
}

void TestEmulatorUnits::readerConnectionOptions_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("wantsContinue");
    QTest::newRow("1.1") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n")
                         << true << false;
    QTest::newRow("1.1 close") << QByteArray(
        "POST / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: 1\r\n")
                               << false << false;
    QTest::newRow("1.0") << QByteArray("POST / HTTP/1.0\r\nContent-Length: 1\r\n") << false
                         << false;
    QTest::newRow("1.0 keep-alive")
        << QByteArray("POST / HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 1\r\n") << true
        << false;
    QTest::newRow("100-continue") << QByteArray(
        "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n")
                                  << true << true;
}

void TestEmulatorUnits::readerConnectionOptions()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    QFETCH(bool, wantsContinue);
    HttpRequestReader reader({});
    QCOMPARE(feedAll(reader, head + "\r\n"), HttpRequestReader::Status::NeedMore);
    QCOMPARE(reader.keepAlive(), keepAlive);
    QCOMPARE(reader.wantsContinue(), wantsContinue);
    QCOMPARE(feedAll(reader, "x"), HttpRequestReader::Status::Complete);
}

void TestEmulatorUnits::loopbackHost_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:4000") << true;
    QTest::newRow("localhost") << QByteArray("localhost:4000") << true;
    QTest::newRow("LOCALHOST") << QByteArray("LOCALHOST:4000") << true;
    QTest::newRow("[::1]") << QByteArray("[::1]:4000") << true;
    QTest::newRow("other port") << QByteArray("127.0.0.1:4001") << false;
    QTest::newRow("no port") << QByteArray("127.0.0.1") << false;
    QTest::newRow("empty port") << QByteArray("127.0.0.1:") << false;
    QTest::newRow("port with sign") << QByteArray("127.0.0.1:+4000") << false;
    QTest::newRow("rebound name") << QByteArray("attacker.example:4000") << false;
    QTest::newRow("suffix") << QByteArray("localhost.attacker.example:4000") << false;
    QTest::newRow("[::1] no port") << QByteArray("[::1]") << false;
    QTest::newRow("userinfo") << QByteArray("a@127.0.0.1:4000") << false;
}

void TestEmulatorUnits::loopbackHost()
{
    QFETCH(QByteArray, host);
    QFETCH(bool, accepted);
    QCOMPARE(LoopbackHost::accepts(host, 4000), accepted);
    QCOMPARE(LoopbackHost::acceptsOrigin("http://" + host, 4000), accepted);
    QVERIFY(!LoopbackHost::acceptsOrigin("https://" + host, 4000));
    QVERIFY(LoopbackHost::accepts("localhost", 80));
}

void TestEmulatorUnits::csrfTokens()
{
    const CsrfGuard guard;
    HttpRequest page;
    QByteArray setCookie;
    const QString secret = guard.browserSecret(page, &setCookie);
    QVERIFY(setCookie.startsWith(
        QByteArray(QByteArray(CsrfGuard::kCookie) + '=' + secret.toLatin1() + ';')));
    QVERIFY(setCookie.contains("HttpOnly"));
    QVERIFY(setCookie.contains("SameSite=Strict"));
    const QString token = guard.token(secret, QStringLiteral("attemptA"));
    QVERIFY(token != guard.token(secret, QStringLiteral("attemptB")));
    QVERIFY(token != CsrfGuard().token(secret, QStringLiteral("attemptA"))); // per run key

    HttpRequest post;
    post.method = "POST";
    post.headers = {{"Cookie", QByteArray(CsrfGuard::kCookie) + '=' + secret.toLatin1()}};
    post.body = "csrf_token=" + token.toLatin1();
    QVERIFY(guard.verify(post, QStringLiteral("attemptA"), 4000));
    QVERIFY(!guard.verify(post, QStringLiteral("attemptB"), 4000));
    HttpRequest sameCookie = page;
    sameCookie.headers = post.headers;
    setCookie.clear();
    QCOMPARE(guard.browserSecret(sameCookie, &setCookie), secret);
    QVERIFY(setCookie.isEmpty());

    HttpRequest foreign = post;
    foreign.headers.append(qMakePair(QByteArray("Origin"), QByteArray("http://attacker.example")));
    QVERIFY(!guard.verify(foreign, QStringLiteral("attemptA"), 4000));
    HttpRequest own = post;
    own.headers.append(qMakePair(QByteArray("Origin"), QByteArray("http://127.0.0.1:4000")));
    QVERIFY(guard.verify(own, QStringLiteral("attemptA"), 4000));
    HttpRequest noCookie = post;
    noCookie.headers.clear();
    QVERIFY(!guard.verify(noCookie, QStringLiteral("attemptA"), 4000));
    HttpRequest badCookie = post;
    badCookie.headers = {{"Cookie", QByteArray(CsrfGuard::kCookie) + "=short"}};
    QVERIFY(!guard.verify(badCookie, QStringLiteral("attemptA"), 4000));
}

void TestEmulatorUnits::secretCompare()
{
    QVERIFY(secrets::equal(QStringLiteral("password"), QStringLiteral("password")));
    QVERIFY(!secrets::equal(QStringLiteral("password"), QStringLiteral("passwore")));
    QVERIFY(!secrets::equal(QStringLiteral("password"), QStringLiteral("password1")));
    QVERIFY(!secrets::equal(QString(), QStringLiteral("x")));
    QVERIFY(secrets::equal(QByteArray(), QByteArray()));
}

void TestEmulatorUnits::registryEvictsOldestAttempts()
{
    SessionRegistry registry;
    registry.setCaps({3, 3, 3});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(registry.createAttempt(LoginAttempt(), now).id);
    QCOMPARE(registry.loginAttemptCount(), 3);
    QVERIFY(!registry.attempt(ids.at(0), now));
    QVERIFY(!registry.attempt(ids.at(1), now));
    for (int i = 2; i < 5; ++i)
        QVERIFY(registry.attempt(ids.at(i), now));
    // Expired attempts go first, whatever the cap.
    const QDateTime later = now.addSecs(SessionRegistry::kAttemptLifetimeSecs + 1);
    registry.createAttempt(LoginAttempt(), later);
    QCOMPARE(registry.loginAttemptCount(), 1);
}

void TestEmulatorUnits::registryExpiresAndCapsCodes()
{
    SessionRegistry registry;
    registry.setCaps({3, 2, 3});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString first = registry.issueCode(LoginAttempt(), QStringLiteral("s"), now);
    const QString second = registry.issueCode(LoginAttempt(), QStringLiteral("s"), now);
    const QString third = registry.issueCode(LoginAttempt(), QStringLiteral("s"), now);
    QCOMPARE(registry.authorizationCodeCount(), 2);
    QVERIFY(!registry.code(first));
    QVERIFY(registry.code(second));
    QVERIFY(registry.code(third));
    registry.issueCode(LoginAttempt(), QStringLiteral("s"),
                       now.addSecs(SessionRegistry::kCodeLifetimeSecs + 1));
    QCOMPARE(registry.authorizationCodeCount(), 1);
}

void TestEmulatorUnits::registryCapsRefreshTokens()
{
    SessionRegistry registry;
    registry.setCaps({3, 3, 2});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    UserSession session;
    session.id = QStringLiteral("session_1");
    const QString first = registry.issueRefreshToken(session, now);
    const QString second = registry.issueRefreshToken(session, now);
    const QString third = registry.issueRefreshToken(session, now);
    QCOMPARE(registry.refreshTokenCount(), 2);
    QVERIFY(!registry.refreshToken(first));
    QVERIFY(registry.refreshToken(second));
    QVERIFY(registry.refreshToken(third));
}

QTEST_GUILESS_MAIN(TestEmulatorUnits)
#include "tst_emulator_units.moc"
