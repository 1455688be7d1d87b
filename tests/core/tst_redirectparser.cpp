#include <authkitqt/core/RedirectParser.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QtTest>

using namespace authkit;
using Kind = RedirectResult::Kind;

Q_DECLARE_METATYPE(RedirectResult::Kind)

namespace {

const QByteArray kLoopback = "http://127.0.0.1/callback";

QByteArray repeated(const char *unit, int times)
{
    return QByteArray(unit).repeated(times);
}

} // namespace

class tst_RedirectParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void hugeInputsAreCheap();
    void urlsBuiltFromStrings();
};

void tst_RedirectParser::parse_data()
{
    // Built with QUrl::fromEncoded, i.e. bytes as a browser or the loopback socket hands them over.
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    const QString none;
    const QString code = QStringLiteral("01E2RJ4C05B52KKZ8FSRDAP23J");
    const QString state = QStringLiteral("k3Yb2p0-_xQ");

    // Success, and what counts as our redirect.
    QTest::newRow("code and state, loopback any port")
        << QByteArray("http://127.0.0.1:53123/callback"
                      "?code=01E2RJ4C05B52KKZ8FSRDAP23J&state=k3Yb2p0-_xQ")
        << kLoopback << Kind::Code << code << state << none << none;
    QTest::newRow("code without state")
        << QByteArray("http://127.0.0.1:1/callback?code=abc") << kLoopback << Kind::Code
        << QStringLiteral("abc") << none << none << none;
    QTest::newRow("expected has a port, actual another")
        << QByteArray("http://127.0.0.1:4000/callback?code=abc")
        << QByteArray("http://127.0.0.1:3000/callback") << Kind::Code << QStringLiteral("abc")
        << none << none << none;
    QTest::newRow("trailing slash")
        << QByteArray("http://127.0.0.1:5000/callback/?code=abc") << kLoopback << Kind::Code
        << QStringLiteral("abc") << none << none << none;
    QTest::newRow("upper-case scheme")
        << QByteArray("HTTP://127.0.0.1:5000/callback?code=abc") << kLoopback << Kind::Code
        << QStringLiteral("abc") << none << none << none;
    QTest::newRow("IPv6 loopback")
        << QByteArray("http://[::1]:4444/callback?code=abc")
        << QByteArray("http://[::1]/callback") << Kind::Code << QStringLiteral("abc") << none
        << none << none;
    QTest::newRow("localhost")
        << QByteArray("http://localhost:4444/cb?code=abc") << QByteArray("http://localhost/cb")
        << Kind::Code << QStringLiteral("abc") << none << none << none;
    QTest::newRow("custom scheme")
        << QByteArray("workos-auth://callback?code=abc&state=s")
        << QByteArray("workos-auth://callback")
        << Kind::Code << QStringLiteral("abc") << QStringLiteral("s") << none << none;
    QTest::newRow("https redirect, same port")
        << QByteArray("https://app.example.com/auth/callback?code=abc")
        << QByteArray("https://app.example.com/auth/callback") << Kind::Code
        << QStringLiteral("abc") << none << none << none;
    QTest::newRow("unknown parameters ignored")
        << QByteArray("http://127.0.0.1:5000/callback?foo=bar&code=abc&&x&state=s&y=")
        << kLoopback << Kind::Code << QStringLiteral("abc") << QStringLiteral("s") << none << none;
    QTest::newRow("encoded plus in code")
        << QByteArray("http://127.0.0.1:5000/callback?code=a%2Bb") << kLoopback << Kind::Code
        << QStringLiteral("a+b") << none << none << none;
    QTest::newRow("semicolon is not a separator")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc;state=x") << kLoopback
        << Kind::Code << QStringLiteral("abc;state=x") << none << none << none;
    QTest::newRow("fragment ignored")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc#code=evil&error=x") << kLoopback
        << Kind::Code << QStringLiteral("abc") << none << none << none;
    QTest::newRow("percent-encoded key")
        << QByteArray("http://127.0.0.1:5000/callback?%63ode=abc") << kLoopback << Kind::Code
        << QStringLiteral("abc") << none << none << none;
    QTest::newRow("code at the cap (4 KiB)")
        << QByteArray("http://127.0.0.1:5000/callback?code=" + repeated("a", 4096)) << kLoopback
        << Kind::Code << QString(4096, QLatin1Char('a')) << none << none << none;
    QTest::newRow("many unknown parameters")
        << QByteArray("http://127.0.0.1:5000/callback?" + repeated("x=y&", 5000) + "code=abc")
        << kLoopback << Kind::Code << QStringLiteral("abc") << none << none << none;
    QTest::newRow("description without error dropped")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&error_description=boo")
        << kLoopback << Kind::Code << QStringLiteral("abc") << none << none << none;

    // Errors.
    QTest::newRow("error from the docs")
        << QByteArray("http://127.0.0.1:5000/callback?error=organization_invalid&error_description="
                      "No%20connection%20associated%20with%20organization&state=123456789")
        << kLoopback << Kind::Error << none << QStringLiteral("123456789")
        << QStringLiteral("organization_invalid")
        << QStringLiteral("No connection associated with organization");
    QTest::newRow("error, form-encoded description")
        << QByteArray("http://127.0.0.1:5000/callback"
                      "?error=access_denied&error_description=User+said+no")
        << kLoopback << Kind::Error << none << none << QStringLiteral("access_denied")
        << QStringLiteral("User said no");
    QTest::newRow("error without description")
        << QByteArray("http://127.0.0.1:5000/callback?error=server_error") << kLoopback
        << Kind::Error << none << none << QStringLiteral("server_error") << none;
    QTest::newRow("error, unicode description")
        << QByteArray("http://127.0.0.1:5000/callback"
                      "?error=oauth_failed&error_description=%C3%89chec%20%E2%9C%93")
        << kLoopback << Kind::Error << none << none << QStringLiteral("oauth_failed")
        << QStringLiteral("\u00c9chec \u2713");
    QTest::newRow("error, control characters in description flattened")
        << QByteArray("http://127.0.0.1:5000/callback?error=x&error_description=a%0D%0Ab%00c")
        << kLoopback << Kind::Error << none << none << QStringLiteral("x")
        << QStringLiteral("a  b c");

    // Not our redirect: someone else's page, or a lookalike.
    QTest::newRow("other host")
        << QByteArray("https://evil.example.com/callback?code=abc") << kLoopback << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("lookalike host")
        << QByteArray("http://127.0.0.1.evil.example.com:5000/callback?code=abc") << kLoopback
        << Kind::NotOurs << none << none << none << none;
    QTest::newRow("localhost when 127.0.0.1 is expected")
        << QByteArray("http://localhost:5000/callback?code=abc") << kLoopback << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("other path")
        << QByteArray("http://127.0.0.1:5000/other?code=abc") << kLoopback << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("path with a suffix")
        << QByteArray("http://127.0.0.1:5000/callbackx?code=abc") << kLoopback << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("path below")
        << QByteArray("http://127.0.0.1:5000/callback/more?code=abc") << kLoopback
        << Kind::NotOurs << none << none << none << none;
    QTest::newRow("path case")
        << QByteArray("http://127.0.0.1:5000/CALLBACK?code=abc") << kLoopback << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("encoded slash in path")
        << QByteArray("http://127.0.0.1:5000/call%2Fback?code=abc") << kLoopback
        << Kind::NotOurs << none << none << none << none;
    QTest::newRow("other scheme")
        << QByteArray("https://127.0.0.1:5000/callback?code=abc") << kLoopback << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("user info")
        << QByteArray("http://evil@127.0.0.1:5000/callback?code=abc") << kLoopback
        << Kind::NotOurs << none << none << none << none;
    QTest::newRow("non-loopback, other port")
        << QByteArray("https://app.example.com:8443/auth/callback?code=abc")
        << QByteArray("https://app.example.com/auth/callback") << Kind::NotOurs << none << none
        << none << none;
    QTest::newRow("custom scheme, other host")
        << QByteArray("workos-auth://other?code=abc") << QByteArray("workos-auth://callback")
        << Kind::NotOurs << none << none << none << none;
    QTest::newRow("empty URL") << QByteArray() << kLoopback << Kind::NotOurs << none << none
                               << none << none;
    QTest::newRow("empty expected")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc") << QByteArray() << Kind::NotOurs
        << none << none << none << none;
    QTest::newRow("relative URL")
        << QByteArray("/callback?code=abc") << kLoopback << Kind::NotOurs << none << none << none
        << none;
    QTest::newRow("huge path")
        << QByteArray("http://127.0.0.1:5000/" + repeated("a", 1 << 20) + "?code=abc") << kLoopback
        << Kind::NotOurs << none << none << none << none;

    // Ours, but nothing usable: the sign-in attempt fails.
    QTest::newRow("no query")
        << QByteArray("http://127.0.0.1:5000/callback") << kLoopback << Kind::Malformed << none
        << none << none << none;
    QTest::newRow("only state")
        << QByteArray("http://127.0.0.1:5000/callback?state=abc") << kLoopback << Kind::Malformed
        << none << none << none << none;
    QTest::newRow("code in the fragment only")
        << QByteArray("http://127.0.0.1:5000/callback#code=abc") << kLoopback << Kind::Malformed
        << none << none << none << none;
    QTest::newRow("both code and error")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&error=access_denied") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("code and an empty error")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&error=") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("duplicated code")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&code=def") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("duplicated code, same value")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&code=abc") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("duplicated state")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&state=s1&state=s2") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("duplicated error")
        << QByteArray("http://127.0.0.1:5000/callback?error=a&error=b") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("duplicated code, one encoded key")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&c%6Fde=def") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("empty code")
        << QByteArray("http://127.0.0.1:5000/callback?code=&state=s") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("code without =")
        << QByteArray("http://127.0.0.1:5000/callback?code&state=s") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("empty error")
        << QByteArray("http://127.0.0.1:5000/callback?error=&error_description=x") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("key with a plus is another key")
        << QByteArray("http://127.0.0.1:5000/callback?co+de=abc") << kLoopback << Kind::Malformed
        << none << none << none << none;
    QTest::newRow("space in code")
        << QByteArray("http://127.0.0.1:5000/callback?code=a+b") << kLoopback << Kind::Malformed
        << none << none << none << none;
    QTest::newRow("NUL in code")
        << QByteArray("http://127.0.0.1:5000/callback?code=a%00b") << kLoopback << Kind::Malformed
        << none << none << none << none;
    QTest::newRow("newline in state")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&state=a%0Ab") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("non-ASCII state")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&state=%C3%A9") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("raw non-ASCII byte in code")
        << QByteArray("http://127.0.0.1:5000/callback?code=ab\xff") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("invalid UTF-8 in code")
        << QByteArray("http://127.0.0.1:5000/callback?code=%FF%FE") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("invalid UTF-8 in description")
        << QByteArray("http://127.0.0.1:5000/callback?error=x&error_description=%C3%28")
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("overlong UTF-8 in description")
        << QByteArray("http://127.0.0.1:5000/callback?error=x&error_description=%C0%AF")
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("lone surrogate in description")
        << QByteArray("http://127.0.0.1:5000/callback?error=x&error_description=%ED%A0%80")
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("percent-encoded garbage in a key")
        << QByteArray("http://127.0.0.1:5000/callback?%FF=1&code=abc") << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("code over the cap")
        << QByteArray("http://127.0.0.1:5000/callback?code=" + repeated("a", 4097)) << kLoopback
        << Kind::Malformed << none << none << none << none;
    QTest::newRow("state over the cap")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&state=" + repeated("s", 4097))
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("encoded state over the cap")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&state=" + repeated("%41", 4097))
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("description over the cap (multi-byte)")
        << QByteArray("http://127.0.0.1:5000/callback?error=x&error_description="
                      + repeated("%C3%A9", 2049))
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("huge query")
        << QByteArray("http://127.0.0.1:5000/callback?code=abc&junk=" + repeated("j", 1 << 20))
        << kLoopback << Kind::Malformed << none << none << none << none;
    QTest::newRow("many parameters over the cap")
        << QByteArray("http://127.0.0.1:5000/callback?" + repeated("x=y&", 100000) + "code=abc")
        << kLoopback << Kind::Malformed << none << none << none << none;
}

void tst_RedirectParser::parse()
{
    QFETCH(QByteArray, url);
    QFETCH(QByteArray, expected);
    QFETCH(Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, state);
    QFETCH(QString, error);
    QFETCH(QString, description);

    const RedirectResult result =
        RedirectParser::parse(QUrl::fromEncoded(url), QUrl::fromEncoded(expected));
    QCOMPARE(result.kind, kind);
    if (kind == Kind::Code || kind == Kind::Error) {
        QCOMPARE(result.code, code);
        QCOMPARE(result.state, state);
        QCOMPARE(result.error, error);
        QCOMPARE(result.errorDescription, description);
    } else {
        // Nothing half-parsed leaks out of a rejected redirect.
        QVERIFY(result.code.isEmpty());
        QVERIFY(result.state.isEmpty());
        QVERIFY(result.error.isEmpty());
        QVERIFY(result.errorDescription.isEmpty());
    }
}

void tst_RedirectParser::hugeInputsAreCheap()
{
    // 16 MiB of query is refused on its size, without splitting or decoding it.
    const QUrl url = QUrl::fromEncoded("http://127.0.0.1:5000/callback?code="
                                       + repeated("%41&", 4 << 20));
    QElapsedTimer timer;
    timer.start();
    const RedirectResult result =
        RedirectParser::parse(url, QUrl::fromEncoded(kLoopback));
    QCOMPARE(result.kind, Kind::Malformed);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void tst_RedirectParser::urlsBuiltFromStrings()
{
    // URLs built in code (the WebEngine interceptor hands over a QUrl) behave the same.
    const QUrl expected(QStringLiteral("http://127.0.0.1/callback"));
    RedirectResult result = RedirectParser::parse(
        QUrl(QStringLiteral("http://127.0.0.1:9999/callback?error=access_denied"
                            "&error_description=\u00c9chec total&state=s")),
        expected);
    QCOMPARE(result.kind, Kind::Error);
    QCOMPARE(result.error, QStringLiteral("access_denied"));
    QCOMPARE(result.errorDescription, QStringLiteral("\u00c9chec total"));
    QCOMPARE(result.state, QStringLiteral("s"));

    const QUrl nonAscii(QStringLiteral("http://127.0.0.1:9999/callback?code=\u00e9"));
    result = RedirectParser::parse(nonAscii, expected);
    QCOMPARE(result.kind, Kind::Malformed);
}

QTEST_GUILESS_MAIN(tst_RedirectParser)
#include "tst_redirectparser.moc"
