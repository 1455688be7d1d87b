#include "ConvexAuthConfig_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace authkit::emulator {

ConvexAuthConfig ConvexAuthConfig::authKitDefaults(const QStringList &clientIds,
                                                   const QString &jwksUrlPrefix)
{
    ConvexAuthConfig config;
    for (const QString &clientId : clientIds) {
        config.addProvider({QStringLiteral("https://api.workos.com/"), jwksUrlPrefix + clientId,
                            QStringLiteral("RS256"), clientId});
        config.addProvider({QStringLiteral("https://api.workos.com/user_management/") + clientId,
                            jwksUrlPrefix + clientId, QStringLiteral("RS256"), std::nullopt});
    }
    return config;
}

std::optional<ConvexAuthConfig> ConvexAuthConfig::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject() || !document.object().value(QStringLiteral("providers")).isArray()) {
        *error = QStringLiteral("the Convex auth config must be a JSON object with a "
                                "\"providers\" array");
        return std::nullopt;
    }
    ConvexAuthConfig config;
    const QJsonArray providers = document.object().value(QStringLiteral("providers")).toArray();
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const QJsonObject entry = providers.at(i).toObject();
        auto fail = [&](const QString &why) {
            *error = QStringLiteral("Convex auth provider %1: %2").arg(i).arg(why);
            return std::nullopt;
        };
        const QString type = entry.value(QStringLiteral("type")).toString();
        if (type != QLatin1String("customJwt"))
            return fail(QStringLiteral("only \"type\": \"customJwt\" providers are emulated"));
        ConvexAuthProvider provider;
        provider.issuer = entry.value(QStringLiteral("issuer")).toString();
        provider.jwks = entry.value(QStringLiteral("jwks")).toString();
        provider.algorithm = entry.value(QStringLiteral("algorithm")).toString();
        if (provider.issuer.isEmpty() || provider.jwks.isEmpty())
            return fail(QStringLiteral("\"issuer\" and \"jwks\" are required"));
        if (provider.algorithm != QLatin1String("RS256"))
            return fail(QStringLiteral("\"algorithm\" must be \"RS256\" (ES256 is not emulated)"));
        const QJsonValue applicationId = entry.value(QStringLiteral("applicationID"));
        if (applicationId.isString())
            provider.applicationId = applicationId.toString();
        else if (!applicationId.isUndefined() && !applicationId.isNull())
            return fail(QStringLiteral("\"applicationID\" must be a string"));
        config.addProvider(provider);
    }
    return config;
}

void ConvexAuthConfig::addProvider(ConvexAuthProvider provider)
{
    // Stored as the backend stores it: with a scheme.
    if (!provider.issuer.contains(QStringLiteral("://")))
        provider.issuer.prepend(QStringLiteral("https://"));
    m_providers.append(std::move(provider));
}

QString ConvexAuthConfig::describe() const
{
    QStringList items;
    for (const ConvexAuthProvider &provider : m_providers)
        items.append(QStringLiteral("CustomJWT(issuer=%1, app_id=%2)")
                         .arg(provider.issuer,
                              provider.applicationId.value_or(QStringLiteral("none"))));
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString ConvexAuthConfig::normalizeIssuer(const QString &issuer)
{
    QString normalized = issuer;
    if (!normalized.contains(QStringLiteral("://")))
        normalized.prepend(QStringLiteral("https://"));
    while (normalized.endsWith(QLatin1Char('/')))
        normalized.chop(1);
    return normalized;
}

} // namespace authkit::emulator
