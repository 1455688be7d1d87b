#include "RedirectUriRules_p.h"

#include <QHostAddress>
#include <QStringList>

namespace authkit::emulator {

namespace {

// Schemes that run or read something in the browser itself: never a place to send a code.
const QStringList kUnsafeSchemes = {
    QStringLiteral("javascript"), QStringLiteral("data"),  QStringLiteral("file"),
    QStringLiteral("blob"),       QStringLiteral("about"), QStringLiteral("vbscript"),
    QStringLiteral("ftp"),        QStringLiteral("ws"),    QStringLiteral("wss"),
};

// The IP literal only: "localhost" may be resolved elsewhere (RFC 8252 section 8.3).
bool isLoopbackLiteral(const QString &host)
{
    const QHostAddress address(host);
    return address == QHostAddress(QHostAddress::LocalHost)
           || address == QHostAddress(QHostAddress::LocalHostIPv6);
}

} // namespace

bool parseEnvironment(const QString &text, Environment *environment)
{
    if (text == QLatin1String("development")) {
        *environment = Environment::Development;
        return true;
    }
    if (text == QLatin1String("production")) {
        *environment = Environment::Production;
        return true;
    }
    return false;
}

QString environmentName(Environment environment)
{
    return environment == Environment::Production ? QStringLiteral("production")
                                                  : QStringLiteral("development");
}

QString redirectUriProblem(Environment environment, const QUrl &uri)
{
    if (environment == Environment::Development)
        return {}; // whatever was registered
    if (!uri.isValid() || uri.scheme().isEmpty())
        return QStringLiteral("The redirect URI is not an absolute URL.");
    const QString scheme = uri.scheme().toLower();
    if (!uri.userInfo().isEmpty())
        return QStringLiteral("A production redirect URI must not carry credentials.");
    if (uri.hasFragment())
        return QStringLiteral("A production redirect URI must not have a fragment.");
    if (scheme == QLatin1String("https")) {
        if (uri.host().isEmpty())
            return QStringLiteral("An https redirect URI needs a host.");
        return {};
    }
    if (scheme == QLatin1String("http")) {
        if (isLoopbackLiteral(uri.host()))
            return {};
        if (uri.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
            return QStringLiteral("Production does not allow localhost: use the loopback IP "
                                  "literal, http://127.0.0.1 (any port), or https.");
        }
        return QStringLiteral("Production redirect URIs must use https (http only to the "
                              "loopback IP literal 127.0.0.1 or [::1]).");
    }
    if (kUnsafeSchemes.contains(scheme))
        return QStringLiteral("The scheme \"%1\" cannot be a redirect URI.").arg(scheme);
    return {}; // a native app's custom scheme
}

} // namespace authkit::emulator
