#include "RedirectUriRules_p.h"

#include <authkitqt/core/UriSchemes.h>

#include <QHostAddress>

namespace authkit::emulator {

namespace {

// The IP literal only: "localhost" may be resolved elsewhere (RFC 8252 section 8.3).
bool isLoopbackLiteral(const QString &host)
{
    const QHostAddress address(host);
    return address == QHostAddress(QHostAddress::LocalHost)
           || address == QHostAddress(QHostAddress::LocalHostIPv6);
}

// Marked for lupdate in the hosted pages' context; looked up in the page's language.
QString say(const PageLanguage &language, const char *source)
{
    return language.tr(source);
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

QString redirectUriProblem(Environment environment, const QUrl &uri, const PageLanguage &language)
{
    if (environment == Environment::Development)
        return {}; // whatever was registered
    if (!uri.isValid() || uri.scheme().isEmpty())
        return say(language,
                   QT_TRANSLATE_NOOP("HostedPages", "The redirect URI is not an absolute URL."));
    const QString scheme = uri.scheme().toLower();
    if (!uri.userInfo().isEmpty())
        return say(language,
                   QT_TRANSLATE_NOOP("HostedPages",
                                     "A production redirect URI must not carry credentials."));
    if (uri.hasFragment())
        return say(language,
                   QT_TRANSLATE_NOOP("HostedPages",
                                     "A production redirect URI must not have a fragment."));
    if (scheme == QLatin1String("https")) {
        if (uri.host().isEmpty())
            return say(language,
                       QT_TRANSLATE_NOOP("HostedPages", "An https redirect URI needs a host."));
        return {};
    }
    if (scheme == QLatin1String("http")) {
        if (isLoopbackLiteral(uri.host()))
            return {};
        if (uri.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
            return say(language,
                       QT_TRANSLATE_NOOP("HostedPages",
                                         "Production does not allow localhost: use the loopback IP "
                                         "literal, http://127.0.0.1 (any port), or https."));
        }
        return say(language,
                   QT_TRANSLATE_NOOP("HostedPages",
                                     "Production redirect URIs must use https (http only to the "
                                     "loopback IP literal 127.0.0.1 or [::1])."));
    }
    // Past http(s): the schemes that run or read something in the browser, never a place to
    // send a code (the list the apps' custom-scheme sign-in refuses too).
    if (isBrowserInternalScheme(scheme))
        return say(language,
                   QT_TRANSLATE_NOOP("HostedPages", "The scheme \"%1\" cannot be a redirect URI."))
            .arg(scheme);
    return {}; // a native app's custom scheme
}

} // namespace authkit::emulator
