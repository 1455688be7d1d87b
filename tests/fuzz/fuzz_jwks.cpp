// Jwks::parse on any bytes; every key set it accepts is then used to verify the probe tokens of
// data/jwt-setup.json, so odd keys reach OpenSSL's RSA verification too.
#include "FuzzSupport.h"

#include <authkitqt/core/Jwks.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QJsonArray>
#include <QVariant>

namespace {

struct Setup {
    QList<QByteArray> probeTokens;
    QStringList issuers;
    qint64 now = 0;
};

const Setup &setup() {
    static const Setup instance = [] {
        const QJsonObject json = authkit::fuzz::dataObject("jwt-setup.json");
        Setup s;
        const QJsonArray tokens = json.value(QLatin1String("probeTokens")).toArray();
        for (const QJsonValue &token : tokens)
            s.probeTokens.append(token.toString().toLatin1());
        s.issuers = json.value(QLatin1String("acceptedIssuers")).toVariant().toStringList();
        s.now = qint64(json.value(QLatin1String("now")).toDouble());
        authkit::fuzz::check(!s.probeTokens.isEmpty(), "data/jwt-setup.json has probe tokens");
        return s;
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using authkit::fuzz::check;
    const Setup &s = setup();
    QString error;
    const authkit::Jwks jwks = authkit::Jwks::parse(authkit::fuzz::bytes(data, size), &error);
    check(jwks.isEmpty() != error.isEmpty(), "an empty key set comes with an error, and only then");
    const QStringList kids = jwks.kids();
    check(kids.size() == QSet<QString>(kids.cbegin(), kids.cend()).size(), "kids are unique");

    const authkit::TokenVerifier verifier(s.issuers);
    for (const QByteArray &token : s.probeTokens) {
        const authkit::TokenVerifier::Result result = verifier.verify(token, jwks, s.now);
        if (result.ok())
            check(jwks.hasKey(result.kid), "a token verifies only with a key of the set");
        for (const QString &kid : kids)
            jwks.verifyRs256(kid, token, QByteArray(256, '\0'));
    }
    return 0;
}
