// Unit tests of the emulator's private building blocks and of the test support's own helpers:
// TOTP against RFC 6238, ULID shapes, page escaping, redirect URI matching and fault validation.

#include "Directory_p.h"
#include "FaultInjector_p.h"
#include "HttpMessage_p.h"
#include "Ids_p.h"
#include "PageRenderer_p.h"
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

    void registeredUriMatching_data();
    void registeredUriMatching();
    void clientIdShape_data();
    void clientIdShape();

    void faultParseRejects_data();
    void faultParseRejects();
    void faultParseDefaults();
    void faultTakeCountsDown();

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
    QCOMPARE(support::Pkce::challengeFor(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const support::Pkce pkce = support::Pkce::generate(128);
    QCOMPARE(pkce.verifier.size(), 128);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9._~-]+$")).match(pkce.verifier).hasMatch());
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
    QVERIFY(ids::ulidShapedDigest(QCryptographicHash::hash("other", QCryptographicHash::Sha256)) != id);
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
        QStringLiteral("message"), QStringLiteral("<b>Title</b>"),
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
        QStringLiteral("message"), QStringLiteral("{{error}}"),
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
        PageRenderer::render(QStringLiteral("message"), QStringLiteral("T"), {}));
    QVERIFY(withoutError.hasAttribute(QStringLiteral("error"), QStringLiteral("hidden")));
    QCOMPARE(withoutError.shownError(), QString());
    const support::HtmlPage withError(PageRenderer::render(
        QStringLiteral("message"), QStringLiteral("T"),
        {{QStringLiteral("error"), QStringLiteral("Bad <thing>")}}));
    QVERIFY(!withError.hasAttribute(QStringLiteral("error"), QStringLiteral("hidden")));
    QCOMPARE(withError.shownError(), QStringLiteral("Bad <thing>"));
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
    QTest::newRow("loopback any port") << QStringLiteral("http://127.0.0.1:8123/callback")
                                       << loopback << false << true;
    QTest::newRow("loopback registered with a port, other port")
        << QStringLiteral("http://127.0.0.1:9/callback")
        << QStringLiteral("http://127.0.0.1:8000/callback") << false << true;
    QTest::newRow("localhost any port") << QStringLiteral("http://localhost:3000/callback")
                                        << localhost << false << true;
    QTest::newRow("localhost host is case-insensitive")
        << QStringLiteral("http://LOCALHOST:3000/callback") << localhost << false << true;
    QTest::newRow("ipv6 loopback any port") << QStringLiteral("http://[::1]:4000/callback")
                                            << QStringLiteral("http://[::1]/callback") << false
                                            << true;
    QTest::newRow("127.0.0.1 is not localhost")
        << QStringLiteral("http://localhost:3000/callback") << loopback << false << false;
    QTest::newRow("other path") << QStringLiteral("http://127.0.0.1:1/cb") << loopback << false
                                << false;
    QTest::newRow("path is case-sensitive") << QStringLiteral("http://127.0.0.1:1/Callback")
                                            << loopback << false << false;
    QTest::newRow("https is not http") << QStringLiteral("https://127.0.0.1:1/callback")
                                       << loopback << false << false;
    QTest::newRow("user info") << QStringLiteral("http://a@127.0.0.1:1/callback") << loopback
                               << false << false;
    QTest::newRow("other loopback address") << QStringLiteral("http://127.0.0.2:1/callback")
                                            << loopback << false << false;
    QTest::newRow("https exact") << QStringLiteral("https://app.example/cb")
                                 << QStringLiteral("https://app.example/cb") << false << true;
    QTest::newRow("https other port") << QStringLiteral("https://app.example:8443/cb")
                                      << QStringLiteral("https://app.example/cb") << false
                                      << false;
    QTest::newRow("custom scheme exact") << QStringLiteral("authkit-desktop://callback")
                                         << QStringLiteral("authkit-desktop://callback") << false
                                         << true;
    QTest::newRow("custom scheme with a port")
        << QStringLiteral("authkit-desktop://callback:99") << QStringLiteral("authkit-desktop://callback")
        << false << false;
    QTest::newRow("custom scheme other host") << QStringLiteral("authkit-desktop://other")
                                              << QStringLiteral("authkit-desktop://callback")
                                              << false << false;
    QTest::newRow("empty candidate") << QString() << loopback << false << false;
    QTest::newRow("extra query") << QStringLiteral("http://127.0.0.1:1/callback?a=1") << loopback
                                 << false << false;
    QTest::newRow("fragment") << QStringLiteral("http://127.0.0.1:1/callback#a") << loopback << false
                              << false;
    QTest::newRow("registered query, same") << QStringLiteral("https://app.example/cb?tenant=1")
                                            << QStringLiteral("https://app.example/cb?tenant=1")
                                            << false << true;

    // Logout allowlists: the path may extend the registered one.
    QTest::newRow("prefix: root allows any path")
        << QStringLiteral("http://127.0.0.1:7000/signed-out?x=1") << QStringLiteral("http://127.0.0.1/")
        << true << true;
    QTest::newRow("prefix: below a directory")
        << QStringLiteral("https://app.example/bye/now") << QStringLiteral("https://app.example/bye")
        << true << true;
    QTest::newRow("prefix: not a sibling name")
        << QStringLiteral("https://app.example/byebye") << QStringLiteral("https://app.example/bye")
        << true << false;
    QTest::newRow("prefix: without the flag")
        << QStringLiteral("https://app.example/bye/now") << QStringLiteral("https://app.example/bye")
        << false << false;
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
                                                   "authenticate, jwks, logout, hosted");
    QTest::newRow("unknown endpoint")
        << QByteArray(R"({"endpoint":"control"})")
        << QStringLiteral("endpoint must be one of: authorize, authenticate, jwks, logout, hosted");
    QTest::newRow("unknown action") << QByteArray(R"({"endpoint":"jwks","action":"explode"})")
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
    QTest::newRow("empty header name") << QByteArray(R"({"endpoint":"jwks","headers":{"":"1"}})")
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
    fault = FaultInjector::parse(json(R"({"endpoint":"logout","action":"delay","delay_ms":5,"count":3})"),
                                 &message);
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
    const int first = injector.add(*FaultInjector::parse(json(R"({"endpoint":"jwks","count":2})"), &message));
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

QTEST_GUILESS_MAIN(TestEmulatorUnits)
#include "tst_emulator_units.moc"
