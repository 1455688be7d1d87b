// Hostile input for TokenVerifier and Jwks: tokens and key sets made to confuse, crash or
// exhaust a verifier (vectors/make-hostile-vectors.mjs signs them with node:crypto and jose).
// Nothing may crash, nothing may be let in, no reason may carry control characters, and memory
// stays bounded (measured in allocated bytes, never in time).
#include <authkitqt/core/Jwks.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStringList>
#include <QtTest>

#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
// From the ASan run time (its header, sanitizer/allocator_interface.h, is not always installed).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

using namespace authkit;
using Failure = TokenVerifier::Failure;

namespace {

QString failureName(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return QStringLiteral("None");
    case Failure::Oversized:
        return QStringLiteral("Oversized");
    case Failure::Malformed:
        return QStringLiteral("Malformed");
    case Failure::UnsupportedAlgorithm:
        return QStringLiteral("UnsupportedAlgorithm");
    case Failure::UnknownKey:
        return QStringLiteral("UnknownKey");
    case Failure::BadSignature:
        return QStringLiteral("BadSignature");
    case Failure::WrongIssuer:
        return QStringLiteral("WrongIssuer");
    case Failure::Expired:
        return QStringLiteral("Expired");
    case Failure::NotYetValid:
        return QStringLiteral("NotYetValid");
    case Failure::MissingClaim:
        return QStringLiteral("MissingClaim");
    case Failure::WrongAudience:
        return QStringLiteral("WrongAudience");
    }
    return QStringLiteral("?");
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

// The first character a log line must not carry raw, or -1: C0 and C1 controls, DEL, bidi and
// other format characters, line and paragraph separators.
qsizetype unprintableAt(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || c.isSurrogate()
            || c.category() == QChar::Other_Format || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph) {
            return i;
        }
    }
    return -1;
}

// Heap bytes in use: from ASan's allocator in a sanitizer build, else from glibc; -1 where
// neither says.
qint64 heapInUse()
{
#if defined(__SANITIZE_ADDRESS__)
    return qint64(__sanitizer_get_current_allocated_bytes());
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

// A key set of count copies of one JWK under different kids; bits > 0 replaces n with an odd
// number of that many bits (not a real key; Jwks checks sizes before anything else).
QByteArray manyKeys(const QJsonObject &jwk, int count, int bits = 0)
{
    QJsonObject key = jwk;
    key.remove(QStringLiteral("x5c"));
    key.remove(QStringLiteral("x5t#S256"));
    if (bits > 0) {
        QByteArray n((bits + 7) / 8, '\x5a');
        n[0] = char(1 << ((bits - 1) % 8));
        n[n.size() - 1] = '\x01';
        key.insert(QStringLiteral("n"),
                   QString::fromLatin1(
                       n.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    }
    QJsonArray keys;
    for (int i = 0; i < count; ++i) {
        key.insert(QStringLiteral("kid"), QStringLiteral("kid-%1").arg(i));
        keys.append(key);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class tst_TokenVerifierHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tokens_data();
    void tokens();
    void keySets_data();
    void keySets();
    void keyCountCap_data();
    void keyCountCap();
    void oversizedKeySet();
    void ambiguousKidRefusesTokens();
    void memoryStaysBounded_data();
    void memoryStaysBounded();
    void decodeUnverifiedIsStrictToo();

private:
    QJsonObject m_file;
    Jwks m_jwks;
    QJsonObject m_goodJwk;
    qint64 m_now = 0;
    int m_leeway = 0;
    QStringList m_issuers;
    QString m_audience;
};

void tst_TokenVerifierHostile::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("authkit.token.debug=false\n"
                                                    "authkit.token.warning=false"));
    QFile file(QString::fromUtf8(AUTHKIT_HOSTILE_VECTORS));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error;
    m_file = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    m_now = m_file.value(QLatin1String("now")).toInteger();
    m_leeway = m_file.value(QLatin1String("leewaySecs")).toInt();
    m_issuers = toStringList(m_file.value(QLatin1String("acceptedIssuers")));
    m_audience = m_file.value(QLatin1String("audience")).toString();
    QVERIFY(m_now > 0);
    QVERIFY(!m_audience.isEmpty());

    const QJsonObject jwks = m_file.value(QLatin1String("jwks")).toObject();
    QString jwksError;
    m_jwks = Jwks::parse(QJsonDocument(jwks).toJson(), &jwksError);
    QVERIFY2(jwksError.isEmpty(), qPrintable(jwksError));
    // Both keys count: the 2048-bit one with a matching x5c, and the 8192-bit one.
    QCOMPARE(m_jwks.kids().size(), 2);
    m_goodJwk = jwks.value(QLatin1String("keys")).toArray().first().toObject();
}

void tst_TokenVerifierHostile::tokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<qint64>("expiresAt");
    QTest::addColumn<qint64>("issuedAt");
    const QJsonArray tokens = m_file.value(QLatin1String("tokens")).toArray();
    QVERIFY(tokens.size() >= 80);
    for (const QJsonValue &vector : tokens) {
        QTest::newRow(qPrintable(vector[QLatin1String("name")].toString()))
            << vector[QLatin1String("token")].toString().toLatin1()
            << vector[QLatin1String("expected")].toString()
            << vector[QLatin1String("expiresAt")].toInteger()
            << vector[QLatin1String("issuedAt")].toInteger();
    }
}

void tst_TokenVerifierHostile::tokens()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, expected);
    QFETCH(qint64, expiresAt);
    QFETCH(qint64, issuedAt);

    const TokenVerifier verifier(m_issuers, m_leeway, m_audience);
    const TokenVerifier::Result result = verifier.verify(token, m_jwks, m_now);
    QCOMPARE(failureName(result.failure), expected);
    QCOMPARE(result.ok(), expected == QLatin1String("None"));

    if (result.ok()) {
        QVERIFY(result.reason.isEmpty());
        QVERIFY(result.claims.subject.startsWith(QLatin1String("user_")));
        if (expiresAt != 0)
            QCOMPARE(result.claims.expiresAt, expiresAt);
        if (issuedAt != 0)
            QCOMPARE(result.claims.issuedAt, issuedAt);
        return;
    }

    // The reason goes to logs and error messages: short, printable, and no piece of the token.
    QVERIFY(!result.reason.isEmpty());
    QVERIFY2(result.reason.size() <= 200, qPrintable(QString::number(result.reason.size())));
    QVERIFY2(unprintableAt(result.reason) < 0,
             result.reason.toUtf8().toPercentEncoding().constData());
    const QList<QByteArray> parts = token.split('.');
    for (const QByteArray &part : parts) {
        if (part.size() >= 8)
            QVERIFY(!result.reason.contains(QString::fromLatin1(part)));
    }
    // A token refused for what it is, not for when it is checked, is refused at any time (the
    // reason may change: a later clock finds it expired first).
    if (result.failure != Failure::Expired && result.failure != Failure::NotYetValid) {
        for (const qint64 at : {m_now - 86400, m_now - 600, m_now + 600, m_now + 86400})
            QVERIFY(!verifier.verify(token, m_jwks, at).ok());
    }
}

void tst_TokenVerifierHostile::keySets_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("usableKids");
    QTest::addColumn<QString>("errorContains");
    const QJsonArray sets = m_file.value(QLatin1String("keySets")).toArray();
    QVERIFY(sets.size() >= 30);
    for (const QJsonValue &vector : sets) {
        const QJsonValue text = vector[QLatin1String("jwksText")];
        const QByteArray json =
            text.isString() ? text.toString().toUtf8()
                            : QJsonDocument(vector[QLatin1String("jwks")].toObject()).toJson();
        QStringList kids = toStringList(vector[QLatin1String("usableKids")]);
        kids.sort();
        QTest::newRow(qPrintable(vector[QLatin1String("name")].toString()))
            << json << kids << vector[QLatin1String("errorContains")].toString();
    }
}

void tst_TokenVerifierHostile::keySets()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, usableKids);
    QFETCH(QString, errorContains);

    QString error = QStringLiteral("not cleared");
    const Jwks jwks = Jwks::parse(json, &error);
    QCOMPARE(jwks.kids(), usableKids);
    QCOMPARE(jwks.isEmpty(), usableKids.isEmpty());
    if (!usableKids.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        return;
    }
    // No usable key: the error says why in words, so the caller can report it and retry.
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY2(unprintableAt(error) < 0, error.toUtf8().toPercentEncoding().constData());
    QVERIFY(error.size() <= 600);
}

void tst_TokenVerifierHostile::keyCountCap_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("1 key") << 1 << true;
    QTest::newRow("100 keys") << Jwks::kMaxKeys << true;
    QTest::newRow("101 keys") << Jwks::kMaxKeys + 1 << false;
    QTest::newRow("1000 keys") << 1000 << false;
}

void tst_TokenVerifierHostile::keyCountCap()
{
    QFETCH(int, count);
    QFETCH(bool, accepted);
    QString error;
    const Jwks jwks = Jwks::parse(manyKeys(m_goodJwk, count), &error);
    QCOMPARE(jwks.isEmpty(), !accepted);
    if (accepted) {
        QCOMPARE(jwks.kids().size(), count);
        QVERIFY(error.isEmpty());
    } else {
        // The whole set is refused: reading only the first hundred would be a silent choice.
        QVERIFY(jwks.kids().isEmpty());
        QVERIFY2(error.contains(QStringLiteral("%1 keys").arg(count)), qPrintable(error));
    }
}

void tst_TokenVerifierHostile::oversizedKeySet()
{
    // Valid JSON with one good key, padded past the cap: refused before it is parsed.
    QByteArray json = manyKeys(m_goodJwk, 1);
    json.chop(1);
    json += ",\"pad\":\"" + QByteArray(Jwks::kMaxDocumentBytes, 'x') + "\"}";
    QString error;
    QVERIFY(Jwks::parse(json, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("larger than")), qPrintable(error));
    // The same key set without the padding is fine.
    QVERIFY(!Jwks::parse(manyKeys(m_goodJwk, 1), &error).isEmpty());
}

void tst_TokenVerifierHostile::ambiguousKidRefusesTokens()
{
    // Our key, then another key under the same kid: neither is used, so a token signed with
    // our key fails as an unknown key (and JwksCache refetches) instead of a coin toss.
    QJsonObject impostor = m_goodJwk;
    impostor.remove(QStringLiteral("x5c"));
    impostor.remove(QStringLiteral("x5t#S256"));
    QByteArray n = QByteArray::fromBase64(impostor.value(QLatin1String("n")).toString().toLatin1(),
                                          QByteArray::Base64UrlEncoding);
    n[n.size() / 2] = char(n[n.size() / 2] ^ 0x10);
    impostor.insert(QStringLiteral("n"),
                    QString::fromLatin1(n.toBase64(QByteArray::Base64UrlEncoding
                                                   | QByteArray::OmitTrailingEquals)));
    QJsonArray keys =
        m_file.value(QLatin1String("jwks")).toObject().value(QLatin1String("keys")).toArray();
    keys.append(impostor);
    QString error;
    const Jwks jwks =
        Jwks::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(), &error);
    const QString kid = m_goodJwk.value(QLatin1String("kid")).toString();
    QVERIFY(!jwks.isEmpty()); // the 8192-bit key is still there
    QVERIFY(!jwks.hasKey(kid));

    QByteArray valid;
    const QJsonArray tokens = m_file.value(QLatin1String("tokens")).toArray();
    for (const QJsonValue &vector : tokens) {
        if (vector[QLatin1String("name")].toString() == QLatin1String("control: valid"))
            valid = vector[QLatin1String("token")].toString().toLatin1();
    }
    const TokenVerifier verifier(m_issuers, m_leeway, m_audience);
    QVERIFY(verifier.verify(valid, m_jwks, m_now).ok());
    QCOMPARE(verifier.verify(valid, jwks, m_now).failure, Failure::UnknownKey);
}

void tst_TokenVerifierHostile::memoryStaysBounded_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("usable");
    // 1000 keys: refused after the JSON parse, before any key is built.
    QTest::newRow("1000 keys") << manyKeys(m_goodJwk, 1000) << 0;
    // 100 keys of 8193 bits: each refused by its size, before a big number is made.
    QTest::newRow("100 keys of 8193 bits") << manyKeys(m_goodJwk, 100, 8193) << 0;
    // The most the cap lets in: 100 keys of 8192 bits, all kept.
    QTest::newRow("100 keys of 8192 bits") << manyKeys(m_goodJwk, 100, 8192) << 100;
}

void tst_TokenVerifierHostile::memoryStaysBounded()
{
    QFETCH(QByteArray, json);
    QFETCH(int, usable);
    if (heapInUse() < 0)
        QSKIP("this allocator does not report the heap in use");
    {
        // Sanity: the probe sees a 1 MiB allocation.
        const qint64 before = heapInUse();
        QByteArray probe(1024 * 1024, 'x');
        QVERIFY(heapInUse() - before >= 1024 * 1024);
    }

    // What a parsed set keeps is a small multiple of its text, whatever that text holds.
    const qint64 before = heapInUse();
    qint64 kept = 0;
    {
        QString error;
        const Jwks jwks = Jwks::parse(json, &error);
        kept = heapInUse() - before;
        QCOMPARE(jwks.kids().size(), usable);
        QCOMPARE(error.isEmpty(), usable > 0);
    }
    qInfo("%s: %lld bytes of JSON, %lld bytes kept by the parsed set", QTest::currentDataTag(),
          qlonglong(json.size()), qlonglong(kept));
    QVERIFY2(kept <= 2 * json.size() + 256 * 1024, qPrintable(QString::number(kept)));

    // Parsing it again and again does not grow the heap (nothing leaks per parse). The first
    // rounds fill the allocator's per-thread caches, which count as in use; then it is flat.
    const auto parseTimes = [&json](int times) {
        for (int i = 0; i < times; ++i) {
            QString error;
            Jwks::parse(json, &error);
        }
    };
    parseTimes(20);
    const qint64 start = heapInUse();
    parseTimes(50);
    const qint64 growth = heapInUse() - start;
    qInfo("%s: heap growth over 50 more parses: %lld bytes", QTest::currentDataTag(),
          qlonglong(growth));
    QVERIFY2(growth < 64 * 1024, qPrintable(QString::number(growth)));
}

void tst_TokenVerifierHostile::decodeUnverifiedIsStrictToo()
{
    // Display-only reads refuse what the verifier refuses to read, so a screen never shows
    // one of two values of a name given twice.
    const QJsonArray tokens = m_file.value(QLatin1String("tokens")).toArray();
    int checked = 0;
    for (const QJsonValue &vector : tokens) {
        const QString name = vector[QLatin1String("name")].toString();
        if (!name.startsWith(QLatin1String("payload: ")))
            continue;
        const QByteArray token = vector[QLatin1String("token")].toString().toLatin1();
        QVERIFY2(TokenVerifier::decodeUnverified(token).payload.isEmpty(), qPrintable(name));
        ++checked;
    }
    QVERIFY(checked >= 5);
}

QTEST_GUILESS_MAIN(tst_TokenVerifierHostile)
#include "tst_tokenverifier_hostile.moc"
