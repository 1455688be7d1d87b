#include <authkitqt/core/Pkce.h>

#include <QByteArray>
#include <QSet>
#include <QtTest>

using namespace authkit;

class tst_Pkce : public QObject
{
    Q_OBJECT

private slots:
    void rfc7636AppendixB();
    void verifierLength_data();
    void verifierLength();
    void verifierCharset();
    void verifierUsesWholeAlphabet();
    void verifiersDoNotRepeat();
    void isValidVerifier_data();
    void isValidVerifier();
    void state();
    void constantTimeEquals_data();
    void constantTimeEquals();
};

void tst_Pkce::rfc7636AppendixB()
{
    // The challenge as printed in RFC 7636 Appendix B (checked with openssl dgst and Python).
    const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    QVERIFY(pkce::isValidVerifier(verifier));
    QCOMPARE(pkce::challengeS256(verifier),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void tst_Pkce::verifierLength_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << -1 << 64;
    QTest::newRow("minimum") << 43 << 43;
    QTest::newRow("maximum") << 128 << 128;
    QTest::newRow("middle") << 77 << 77;
    // Out of range is clamped: a verifier WorkOS would refuse is never produced.
    QTest::newRow("too short") << 42 << 43;
    QTest::newRow("zero") << 0 << 43;
    QTest::newRow("negative") << -100 << 43;
    QTest::newRow("too long") << 129 << 128;
    QTest::newRow("one") << 1 << 43;
    QTest::newRow("int max") << std::numeric_limits<int>::max() << 128;
}

void tst_Pkce::verifierLength()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    const QString verifier =
        requested == -1 ? pkce::generateVerifier() : pkce::generateVerifier(requested);
    QCOMPARE(verifier.size(), expected);
    QVERIFY(pkce::isValidVerifier(verifier));
    // Every length gives a 43-character challenge (SHA-256, base64url, no padding).
    const QString challenge = pkce::challengeS256(verifier);
    QCOMPARE(challenge.size(), 43);
    QVERIFY(!challenge.contains(QLatin1Char('=')));
}

void tst_Pkce::verifierCharset()
{
    static const QString allowed = QStringLiteral(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
    for (int i = 0; i < 200; ++i) {
        const QString verifier = pkce::generateVerifier(128);
        for (const QChar c : verifier)
            QVERIFY2(allowed.contains(c), qPrintable(QStringLiteral("unexpected %1").arg(c)));
    }
}

void tst_Pkce::verifierUsesWholeAlphabet()
{
    // 100 x 128 draws from 66 symbols: missing one by chance has probability ~1e-54.
    QSet<QChar> seen;
    for (int i = 0; i < 100; ++i) {
        const QString verifier = pkce::generateVerifier(128);
        for (const QChar c : verifier)
            seen.insert(c);
    }
    QCOMPARE(seen.size(), 66);
}

void tst_Pkce::verifiersDoNotRepeat()
{
    QSet<QString> verifiers;
    QSet<QString> states;
    constexpr int count = 5000;
    for (int i = 0; i < count; ++i) {
        verifiers.insert(pkce::generateVerifier(43));
        states.insert(pkce::generateState());
    }
    QCOMPARE(verifiers.size(), count);
    QCOMPARE(states.size(), count);
}

void tst_Pkce::isValidVerifier_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("42") << QString(42, QLatin1Char('a')) << false;
    QTest::newRow("43") << QString(43, QLatin1Char('a')) << true;
    QTest::newRow("128") << QString(128, QLatin1Char('~')) << true;
    QTest::newRow("129") << QString(129, QLatin1Char('a')) << false;
    QTest::newRow("all symbols") << QStringLiteral("-._~") + QString(40, QLatin1Char('Z')) << true;
    QTest::newRow("space") << QString(42, QLatin1Char('a')) + QLatin1Char(' ') << false;
    QTest::newRow("plus") << QString(42, QLatin1Char('a')) + QLatin1Char('+') << false;
    QTest::newRow("slash") << QString(42, QLatin1Char('a')) + QLatin1Char('/') << false;
    QTest::newRow("equals") << QString(42, QLatin1Char('a')) + QLatin1Char('=') << false;
    QTest::newRow("percent") << QString(42, QLatin1Char('a')) + QLatin1Char('%') << false;
    QTest::newRow("non-ASCII") << QString(42, QLatin1Char('a')) + QChar(0x00e9) << false;
    QTest::newRow("NUL") << QString(42, QLatin1Char('a')) + QChar(0) << false;
}

void tst_Pkce::isValidVerifier()
{
    QFETCH(QString, verifier);
    QFETCH(bool, valid);
    QCOMPARE(pkce::isValidVerifier(verifier), valid);
}

void tst_Pkce::state()
{
    const QString state = pkce::generateState();
    // 32 bytes, base64url without padding.
    QCOMPARE(state.size(), 43);
    const auto decoded = QByteArray::fromBase64Encoding(
        state.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE((*decoded).size(), 32);
    QVERIFY(!state.contains(QLatin1Char('=')));
    QVERIFY(!state.contains(QLatin1Char('+')));
    QVERIFY(!state.contains(QLatin1Char('/')));
}

void tst_Pkce::constantTimeEquals_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("both empty") << QString() << QString() << true;
    QTest::newRow("null and empty") << QString() << QStringLiteral("") << true;
    QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << true;
    QTest::newRow("first differs") << QStringLiteral("xbc") << QStringLiteral("abc") << false;
    QTest::newRow("last differs") << QStringLiteral("abx") << QStringLiteral("abc") << false;
    QTest::newRow("prefix") << QStringLiteral("ab") << QStringLiteral("abc") << false;
    QTest::newRow("longer") << QStringLiteral("abcd") << QStringLiteral("abc") << false;
    QTest::newRow("empty vs one") << QString() << QStringLiteral("a") << false;
    QTest::newRow("NUL padding") << QStringLiteral("abc") + QChar(0) << QStringLiteral("abc")
                                 << false;
    QTest::newRow("case") << QStringLiteral("ABC") << QStringLiteral("abc") << false;
    QTest::newRow("high bits") << QString(QChar(0xff00)) << QString(QChar(0x0000)) << false;
    QTest::newRow("non-ASCII same")
        << QStringLiteral("\u00e9t\u00e9") << QStringLiteral("\u00e9t\u00e9") << true;
}

void tst_Pkce::constantTimeEquals()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(pkce::constantTimeEquals(a, b), equal);
    QCOMPARE(pkce::constantTimeEquals(b, a), equal);
}

QTEST_GUILESS_MAIN(tst_Pkce)
#include "tst_pkce.moc"
