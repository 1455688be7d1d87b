#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/Pkce.h>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QUrlQuery>
#include <QtTest>

#include <cctype>

using namespace authkit;

namespace {

using RawItems = QList<QPair<QByteArray, QByteArray>>;

// The query exactly as it goes on the wire, split without any decoding.
RawItems rawItems(const QUrl &url)
{
    RawItems items;
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    const QList<QByteArray> pairs = query.split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        items.append({ pair.left(eq), eq < 0 ? QByteArray() : pair.mid(eq + 1) });
    }
    return items;
}

QList<QByteArray> keys(const RawItems &items)
{
    QList<QByteArray> result;
    for (const auto &item : items)
        result.append(item.first);
    return result;
}

QByteArray rawValue(const RawItems &items, const QByteArray &key)
{
    for (const auto &item : items) {
        if (item.first == key)
            return item.second;
    }
    return {};
}

// Only unreserved characters and %XX escapes: nothing a form decoder (which reads '+' as a
// space) or a URL parser could read another way.
bool isStrictlyEncoded(const QByteArray &raw)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved)
            continue;
        if (c != '%' || i + 2 >= raw.size() || !isxdigit(static_cast<unsigned char>(raw[i + 1]))
            || !isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
            return false;
        }
        i += 2;
    }
    return true;
}

// What a form decoder on the server reads.
QString formDecoded(const QByteArray &raw)
{
    QByteArray bytes = raw;
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

AuthKitConfig testConfig()
{
    AuthKitConfig config;
    config.profile = QStringLiteral("test");
    config.clientId = QStringLiteral("client_01JTESTVECTORS00000000000");
    config.apiBaseUrl = QUrl(QStringLiteral("https://api.workos.com"));
    config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    return config;
}

} // namespace

class tst_AuthorizationRequest : public QObject
{
    Q_OBJECT

private slots:
    void requiredParameters();
    void redirectFromConfig();
    void customBaseUrl();
    void options();
    void emptyOptionsAreDropped();
    void hostileValues_data();
    void hostileValues();
    void freshStateAndVerifier();
    void matchesState_data();
    void matchesState();
    void nullRequest();
    void unusableConfig();
};

void tst_AuthorizationRequest::requiredParameters()
{
    const QUrl redirect(QStringLiteral("http://127.0.0.1:53123/callback"));
    const AuthorizationRequest request = AuthorizationRequest::create(testConfig(), redirect);
    QVERIFY(!request.isNull());
    QCOMPARE(request.redirectUri(), redirect);
    QVERIFY(request.organizationId().isEmpty());

    const QUrl url = request.url();
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    QCOMPARE(url.host(), QStringLiteral("api.workos.com"));
    QCOMPARE(url.path(), QStringLiteral("/user_management/authorize"));
    QVERIFY(!url.hasFragment());

    const RawItems items = rawItems(url);
    const QList<QByteArray> expectedKeys = { "client_id",      "redirect_uri",
                                             "response_type",  "provider",
                                             "code_challenge", "code_challenge_method",
                                             "state" };
    QCOMPARE(keys(items), expectedKeys);
    for (const auto &item : items)
        QVERIFY2(isStrictlyEncoded(item.second), item.first.constData());

    QCOMPARE(rawValue(items, "client_id"), QByteArray("client_01JTESTVECTORS00000000000"));
    QCOMPARE(rawValue(items, "redirect_uri"),
             QByteArray("http%3A%2F%2F127.0.0.1%3A53123%2Fcallback"));
    QCOMPARE(rawValue(items, "response_type"), QByteArray("code"));
    QCOMPARE(rawValue(items, "provider"), QByteArray("authkit"));
    QCOMPARE(rawValue(items, "code_challenge_method"), QByteArray("S256"));
    QCOMPARE(formDecoded(rawValue(items, "code_challenge")),
             pkce::challengeS256(request.codeVerifier()));
    QCOMPARE(formDecoded(rawValue(items, "state")), request.state());

    QVERIFY(pkce::isValidVerifier(request.codeVerifier()));
    // The verifier itself never goes into the URL.
    QVERIFY(!url.toString(QUrl::FullyEncoded).contains(request.codeVerifier()));
    QCOMPARE(request.state().size(), 43);
}

void tst_AuthorizationRequest::redirectFromConfig()
{
    const AuthKitConfig config = testConfig();
    const AuthorizationRequest request = AuthorizationRequest::create(config, QUrl());
    QVERIFY(!request.isNull());
    QCOMPARE(request.redirectUri(), config.redirectUri);
    QCOMPARE(formDecoded(rawValue(rawItems(request.url()), "redirect_uri")),
             QStringLiteral("http://127.0.0.1/callback"));

    // A custom scheme, as authkit-electron registers.
    const AuthorizationRequest custom = AuthorizationRequest::create(
        config, QUrl(QStringLiteral("workos-auth://callback")));
    QCOMPARE(rawValue(rawItems(custom.url()), "redirect_uri"),
             QByteArray("workos-auth%3A%2F%2Fcallback"));
}

void tst_AuthorizationRequest::customBaseUrl()
{
    AuthKitConfig config = testConfig();
    config.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:8484"));
    AuthorizationRequest request = AuthorizationRequest::create(config, QUrl());
    QCOMPARE(request.url().toString(QUrl::RemoveQuery),
             QStringLiteral("http://127.0.0.1:8484/user_management/authorize"));

    config.apiBaseUrl = QUrl(QStringLiteral("https://auth.example.com/"));
    request = AuthorizationRequest::create(config, QUrl());
    QCOMPARE(request.url().toString(QUrl::RemoveQuery),
             QStringLiteral("https://auth.example.com/user_management/authorize"));
}

void tst_AuthorizationRequest::options()
{
    SignInOptions options;
    options.screen = SignInOptions::Screen::SignUp;
    options.loginHint = QStringLiteral("ada@example.com");
    options.organizationId = QStringLiteral("org_01K4GZ7F8S2U4W6Y8A0C2E4GHJ");
    options.invitationToken = QStringLiteral("Z1uX3RbwcIl5fIGJJJCXXisdI");
    options.forceLogin = true;
    const AuthorizationRequest request =
        AuthorizationRequest::create(testConfig(), QUrl(), options);
    QCOMPARE(request.organizationId(), options.organizationId);

    const RawItems items = rawItems(request.url());
    QCOMPARE(items.size(), 12);
    QCOMPARE(rawValue(items, "screen_hint"), QByteArray("sign-up"));
    QCOMPARE(rawValue(items, "login_hint"), QByteArray("ada%40example.com"));
    QCOMPARE(rawValue(items, "organization_id"), QByteArray("org_01K4GZ7F8S2U4W6Y8A0C2E4GHJ"));
    QCOMPARE(rawValue(items, "invitation_token"), QByteArray("Z1uX3RbwcIl5fIGJJJCXXisdI"));
    QCOMPARE(rawValue(items, "prompt"), QByteArray("login"));

    // Qt's own reader agrees with ours.
    const QUrlQuery query(request.url());
    QCOMPARE(query.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded),
             options.loginHint);
}

void tst_AuthorizationRequest::emptyOptionsAreDropped()
{
    SignInOptions options;
    options.screen = SignInOptions::Screen::SignIn;
    const AuthorizationRequest request =
        AuthorizationRequest::create(testConfig(), QUrl(), options);
    const QList<QByteArray> present = keys(rawItems(request.url()));
    for (const char *key :
         { "screen_hint", "login_hint", "organization_id", "invitation_token", "prompt" }) {
        QVERIFY2(!present.contains(QByteArray(key)), key);
    }
}

void tst_AuthorizationRequest::hostileValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("space") << QStringLiteral("ada lovelace@example.com");
    QTest::newRow("ampersand and equals")
        << QStringLiteral("a@example.com&client_id=client_evil&redirect_uri=https://evil");
    QTest::newRow("plus") << QStringLiteral("ada+tag@example.com");
    QTest::newRow("hash") << QStringLiteral("ada@example.com#fragment");
    QTest::newRow("question mark and slash") << QStringLiteral("a/b?c=d;e:f@g");
    QTest::newRow("percent") << QStringLiteral("100%25 %41 %zz %");
    QTest::newRow("unicode")
        << QStringLiteral("\u00e9l\u00e8ve@\u00e9cole.fr \u65e5\u672c \U0001F600");
    QTest::newRow("newline") << QStringLiteral("a\r\nSet-Cookie: x=y");
    QTest::newRow("quotes and brackets") << QStringLiteral("\"'<>[]{}|\\^`");
}

void tst_AuthorizationRequest::hostileValues()
{
    QFETCH(QString, value);
    SignInOptions options;
    options.loginHint = value;
    options.organizationId = value;
    options.invitationToken = value;
    const AuthorizationRequest request =
        AuthorizationRequest::create(testConfig(), QUrl(), options);
    QVERIFY(!request.isNull());
    const QUrl url = request.url();
    QVERIFY(url.isValid());
    QVERIFY(!url.hasFragment());

    // The value cannot add, replace or cut off parameters.
    const RawItems items = rawItems(url);
    QCOMPARE(items.size(), 10);
    QCOMPARE(rawValue(items, "client_id"), QByteArray("client_01JTESTVECTORS00000000000"));
    QCOMPARE(formDecoded(rawValue(items, "redirect_uri")),
             QStringLiteral("http://127.0.0.1/callback"));

    for (const char *key : { "login_hint", "organization_id", "invitation_token" }) {
        const QByteArray raw = rawValue(items, key);
        QVERIFY2(isStrictlyEncoded(raw), raw.constData());
        QCOMPARE(formDecoded(raw), value);
        QCOMPARE(QUrlQuery(url).queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded),
                 value);
    }

    // And survives a round trip through the string form a browser is handed.
    const QUrl reparsed(url.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    QVERIFY(reparsed.isValid());
    QCOMPARE(formDecoded(rawValue(rawItems(reparsed), "login_hint")), value);
}

void tst_AuthorizationRequest::freshStateAndVerifier()
{
    QSet<QString> states;
    QSet<QString> verifiers;
    constexpr int count = 200;
    for (int i = 0; i < count; ++i) {
        const AuthorizationRequest request = AuthorizationRequest::create(testConfig(), QUrl());
        QVERIFY(pkce::isValidVerifier(request.codeVerifier()));
        QCOMPARE(formDecoded(rawValue(rawItems(request.url()), "state")), request.state());
        states.insert(request.state());
        verifiers.insert(request.codeVerifier());
    }
    QCOMPARE(states.size(), count);
    QCOMPARE(verifiers.size(), count);
}

void tst_AuthorizationRequest::matchesState_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << QStringLiteral("same") << true;
    QTest::newRow("empty") << QStringLiteral("empty") << false;
    QTest::newRow("null") << QStringLiteral("null") << false;
    QTest::newRow("first character") << QStringLiteral("first") << false;
    QTest::newRow("last character") << QStringLiteral("last") << false;
    QTest::newRow("prefix") << QStringLiteral("prefix") << false;
    QTest::newRow("extended") << QStringLiteral("extended") << false;
    QTest::newRow("case") << QStringLiteral("case") << false;
    QTest::newRow("another request") << QStringLiteral("other") << false;
}

void tst_AuthorizationRequest::matchesState()
{
    QFETCH(QString, mutation);
    QFETCH(bool, matches);
    const AuthorizationRequest request = AuthorizationRequest::create(testConfig(), QUrl());
    const QString state = request.state();
    QString received;
    if (mutation == QLatin1String("same")) {
        received = state;
    } else if (mutation == QLatin1String("empty")) {
        received = QStringLiteral("");
    } else if (mutation == QLatin1String("first")) {
        received = state;
        received[0] = received[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    } else if (mutation == QLatin1String("last")) {
        received = state;
        const qsizetype last = received.size() - 1;
        received[last] = received[last] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    } else if (mutation == QLatin1String("prefix")) {
        received = state.chopped(1);
    } else if (mutation == QLatin1String("extended")) {
        received = state + QLatin1Char('A');
    } else if (mutation == QLatin1String("case")) {
        received = state.toUpper() == state ? state.toLower() : state.toUpper();
    } else if (mutation == QLatin1String("other")) {
        received = AuthorizationRequest::create(testConfig(), QUrl()).state();
    }
    QCOMPARE(request.matchesState(received), matches);
}

void tst_AuthorizationRequest::nullRequest()
{
    const AuthorizationRequest request;
    QVERIFY(request.isNull());
    // A request that never started matches nothing, not even an empty state.
    QVERIFY(!request.matchesState(QString()));
    QVERIFY(!request.matchesState(QStringLiteral("")));
    QVERIFY(!request.matchesState(QStringLiteral("x")));
}

void tst_AuthorizationRequest::unusableConfig()
{
    AuthKitConfig config = testConfig();
    config.clientId.clear();
    QVERIFY(AuthorizationRequest::create(config, QUrl()).isNull());

    config = testConfig();
    config.apiBaseUrl = QUrl();
    QVERIFY(AuthorizationRequest::create(config, QUrl()).isNull());

    config = testConfig();
    config.redirectUri = QUrl();
    QVERIFY(AuthorizationRequest::create(config, QUrl()).isNull());
    QVERIFY(AuthorizationRequest::create(config, QUrl(QStringLiteral("relative/path"))).isNull());
}

QTEST_GUILESS_MAIN(tst_AuthorizationRequest)
#include "tst_authorizationrequest.moc"
