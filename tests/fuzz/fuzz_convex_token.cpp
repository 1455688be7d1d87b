// The emulator's Convex deployment checks the token of every Authenticate message a sync client
// sends (ConvexTokenValidator, customJwt as the backend checks it), with its own JWK reader. Input
// starting with '{' is the JWKS a provider's URL returns, checked with the probe tokens of
// data/jwt-setup.json; any other input is the token, checked against that file's key set.
#include "FuzzSupport.h"

#include "ConvexAuthConfig_p.h"
#include "ConvexTokenValidator_p.h"

#include <QJsonArray>
#include <QVariant>

using authkit::emulator::ConvexAuthConfig;
using authkit::emulator::ConvexTokenCheck;
using authkit::emulator::ConvexTokenValidator;
using authkit::fuzz::check;

namespace {

struct Setup {
    QString clientId;
    QByteArray jwks;
    QStringList probeTokens;
    qint64 now = 0;
};

const Setup &setup() {
    static const Setup instance = [] {
        const QJsonObject json = authkit::fuzz::dataObject("jwt-setup.json");
        Setup s;
        // The client ID is the last segment of the user_management issuer.
        const QString issuer =
            json.value(QLatin1String("acceptedIssuers")).toArray().at(0).toString();
        s.clientId = issuer.section(QLatin1Char('/'), -1);
        s.jwks = QJsonDocument(json.value(QLatin1String("jwks")).toObject()).toJson();
        s.probeTokens = json.value(QLatin1String("probeTokens")).toVariant().toStringList();
        s.now = qint64(json.value(QLatin1String("now")).toDouble());
        check(s.clientId.startsWith(QLatin1String("client_")) && !s.probeTokens.isEmpty(),
              "data/jwt-setup.json has a client ID and probe tokens");
        return s;
    }();
    return instance;
}

void checkToken(const ConvexTokenValidator &validator, const QString &token, qint64 now) {
    const ConvexTokenCheck result = validator.check(token, now);
    if (!result.identity) {
        check(!result.code.isEmpty() && !result.message.isEmpty(),
              "a refusal has code and message");
        return;
    }
    check(result.code.isEmpty(), "an accepted token has no error code");
    const QJsonObject &identity = result.identity->attributes;
    const QString issuer = identity.value(QLatin1String("issuer")).toString();
    const QString subject = identity.value(QLatin1String("subject")).toString();
    check(identity.value(QLatin1String("tokenIdentifier")).toString() ==
              issuer + QLatin1Char('|') + subject,
          "tokenIdentifier is issuer|subject");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const Setup &s = setup();
    const QByteArray input = authkit::fuzz::bytes(data, size);
    const bool jwksMode = input.startsWith('{');
    const QByteArray jwks = jwksMode ? input : s.jwks;
    const ConvexTokenValidator validator(
        ConvexAuthConfig::authKitDefaults({s.clientId},
                                          QStringLiteral("http://127.0.0.1/sso/jwks/")),
        [&jwks](const QString &, QString *) -> std::optional<QByteArray> { return jwks; });
    if (jwksMode) {
        for (const QString &token : s.probeTokens)
            checkToken(validator, token, s.now);
    } else {
        checkToken(validator, QString::fromUtf8(input), s.now);
    }
    return 0;
}
