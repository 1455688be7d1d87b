// TokenVerifier::verify and decodeUnverified on any bytes as a token, against the fixed key set
// of data/jwt-setup.json at its fixed "now". The seed corpus holds tokens signed by that key set
// (make-seeds.mjs), so inputs get through the signature to the claim checks.
#include "FuzzSupport.h"

#include <authkitqt/core/Jwks.h>
#include <authkitqt/core/TokenVerifier.h>

#include <QJsonArray>
#include <QVariant>

namespace {

struct Setup {
    authkit::Jwks jwks;
    QStringList issuers;
    qint64 now = 0;
    int leeway = 0;
};

const Setup &setup() {
    static const Setup instance = [] {
        const QJsonObject json = authkit::fuzz::dataObject("jwt-setup.json");
        Setup s;
        QString error;
        s.jwks = authkit::Jwks::parse(QJsonDocument(json.value(QLatin1String("jwks")).toObject())
                                          .toJson(QJsonDocument::Compact),
                                      &error);
        s.issuers = json.value(QLatin1String("acceptedIssuers")).toVariant().toStringList();
        s.now = qint64(json.value(QLatin1String("now")).toDouble());
        s.leeway = json.value(QLatin1String("leewaySecs")).toInt();
        authkit::fuzz::check(s.jwks.kids().size() == 2 && !s.issuers.isEmpty() && s.now > 0,
                             "data/jwt-setup.json has two usable keys, issuers and now");
        return s;
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using authkit::fuzz::check;
    const Setup &s = setup();
    const QByteArray token = authkit::fuzz::bytes(data, size);

    const authkit::TokenVerifier verifier(s.issuers, s.leeway);
    const authkit::TokenVerifier::Result result = verifier.verify(token, s.jwks, s.now);
    const authkit::AccessTokenClaims unverified = authkit::TokenVerifier::decodeUnverified(token);

    check(result.ok() == (result.failure == authkit::TokenVerifier::Failure::None), "ok()");
    check(result.ok() || !result.reason.isEmpty(), "a rejection has a reason");
    if (token.size() >= 16)
        check(!result.reason.contains(QString::fromLatin1(token)),
              "the reason never holds the token");
    if (result.ok()) {
        check(s.jwks.hasKey(result.kid), "an accepted token's kid is in the key set");
        check(s.issuers.contains(result.claims.issuer), "an accepted token's issuer is accepted");
        check(!result.claims.subject.isEmpty() && !result.claims.sessionId.isEmpty(),
              "an accepted token has sub and sid");
        check(result.claims.expiresAt + s.leeway >= s.now, "an accepted token has not expired");
        check(unverified.subject == result.claims.subject &&
                  unverified.payload == result.claims.payload,
              "decodeUnverified reads what verify read");
    }
    return 0;
}
