// authkit-cli: sign in to WorkOS AuthKit from a terminal, and hand access tokens to scripts.

#include "CliApp.h"

#include <authkitqt/core/ConfigLoader.h>

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

namespace {

QString helpText()
{
    return QCoreApplication::translate(
        "main",
        "Sign in to WorkOS AuthKit and get access tokens, like `gh auth`.\n\n"
        "Commands:\n"
        "  login        sign in in the system browser (loopback redirect on 127.0.0.1)\n"
        "  status       who is signed in (--json for a machine-readable form)\n"
        "  token        print a fresh access token on stdout, refreshed as needed\n"
        "  switch-org ID  switch the session to organization ID\n"
        "  logout       sign out: keychain cleared, WorkOS session ended\n\n"
        "The session is kept in the OS keychain, one entry per profile and client ID; with no\n"
        "keychain it lives in memory only and ends with the command.\n"
        "Profiles: local (default; the emulator at http://127.0.0.1:4598, or AUTHKIT_EMULATOR_URL),\n"
        "development, production. Settings come from the flags, then WORKOS_CLIENT_ID,\n"
        "WORKOS_API_HOSTNAME (+ WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_REDIRECT_URI,\n"
        "WORKOS_ISSUER, CONVEX_URL, then ~/.config/AuthKitQt/profiles.ini, then --project.\n\n"
        "Exit codes: 0 success, 1 failure, 2 usage or configuration error, 3 not signed in or\n"
        "session ended, 4 WorkOS unreachable (try again), 5 sign-in cancelled or refused.");
}

bool needsWindowSystem(const QStringList &arguments)
{
    // Only opening a browser needs QtGui's platform services; a bare terminal must not.
    const bool noBrowser = arguments.contains(QStringLiteral("--no-browser"));
    const bool browser = arguments.contains(QStringLiteral("--browser"));
    return (!noBrowser && (arguments.contains(QStringLiteral("login"))
                           || arguments.contains(QStringLiteral("switch-org"))))
           || browser;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));

    std::unique_ptr<QCoreApplication> app;
    if (needsWindowSystem(rawArguments)) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen"); // no desktop: the URL is printed instead
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("authkit-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHKITQT_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("AuthKitQt"));

    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "login, status, token, switch-org or logout"));
    const QCommandLineOption profile(QStringLiteral("profile"), QCoreApplication::translate("main", "Profile: local, development, production."), QStringLiteral("name"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QCoreApplication::translate("main", "WorkOS client ID (client_…)."), QStringLiteral("id"));
    const QCommandLineOption apiBase(QStringLiteral("api-base-url"), QCoreApplication::translate("main", "WorkOS API base URL (a custom auth domain, or the emulator)."), QStringLiteral("url"));
    const QCommandLineOption redirect(QStringLiteral("redirect-uri"), QCoreApplication::translate("main", "Redirect URI registered with WorkOS (default http://127.0.0.1/callback; the port is chosen at sign-in)."), QStringLiteral("uri"));
    const QCommandLineOption project(QStringLiteral("project"), QCoreApplication::translate("main", "A Convex web project: WORKOS_CLIENT_ID, CONVEX_URL and the redirect URI from .env.local, and convex.json's authKit redirectUris; the redirect URI is the first a loopback client can receive."), QStringLiteral("dir"));
    const QCommandLineOption noBrowser(QStringLiteral("no-browser"), QCoreApplication::translate("main", "login: print the sign-in URL as the only line on stdout instead of opening a browser."));
    const QCommandLineOption browser(QStringLiteral("browser"), QCoreApplication::translate("main", "logout: also open the hosted logout in the browser, to end its AuthKit session."));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("main", "status: print JSON."));
    const QCommandLineOption signUp(QStringLiteral("sign-up"), QCoreApplication::translate("main", "login: show the sign-up page."));
    const QCommandLineOption organization(QStringLiteral("organization"), QCoreApplication::translate("main", "login: sign in to this organization."), QStringLiteral("id"));
    const QCommandLineOption loginHint(QStringLiteral("login-hint"), QCoreApplication::translate("main", "login: pre-fill this e-mail address."), QStringLiteral("email"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QCoreApplication::translate("main", "Give up after this many seconds, 0 for never (default 600, at most 86400)."), QStringLiteral("seconds"), QStringLiteral("600"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QCoreApplication::translate("main", "Log what happens (never secrets) on stderr."));
    parser.addOptions({profile, clientId, apiBase, redirect, project, noBrowser, browser, json,
                       signUp, organization, loginHint, timeout, verbose});
    parser.process(*app);
    // Quiet by default: stderr carries the one-line messages a user reads.
    if (!parser.isSet(verbose) && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("authkit.*.debug=false\nauthkit.*.info=false"));
    qSetMessagePattern(QStringLiteral("authkit-cli: %{if-category}%{category}: %{endif}%{message}"));

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return CliApp::Usage;
    }

    authkit::ConfigSources sources;
    sources.profile = parser.value(profile);
    sources.clientId = parser.value(clientId);
    sources.apiBaseUrl = parser.value(apiBase);
    sources.redirectUri = parser.value(redirect);
    sources.projectDir = parser.value(project);
    QString error;
    const auto config = authkit::ConfigLoader::load(sources, &error);
    if (!config) {
        std::fprintf(stderr, "authkit-cli: %s\n", qPrintable(error));
        return CliApp::Usage;
    }

    CliApp::Options options;
    options.command = positional.first();
    options.arguments = positional.mid(1);
    options.noBrowser = parser.isSet(noBrowser);
    options.browser = parser.isSet(browser);
    options.json = parser.isSet(json);
    options.signUp = parser.isSet(signUp);
    options.organizationId = parser.value(organization);
    options.loginHint = parser.value(loginHint);
    bool ok = false;
    // Bounded so that seconds * 1000 fits a timer: a day is more than any sign-in needs.
    constexpr int kMaxTimeoutSecs = 24 * 3600;
    options.timeoutSecs = parser.value(timeout).toInt(&ok);
    if (!ok || options.timeoutSecs < 0 || options.timeoutSecs > kMaxTimeoutSecs) {
        std::fprintf(stderr, "authkit-cli: --timeout takes a number of seconds from 0 (none) to %d\n",
                     kMaxTimeoutSecs);
        return CliApp::Usage;
    }

    CliApp cli(*config, options);
    QMetaObject::invokeMethod(&cli, &CliApp::start, Qt::QueuedConnection);
    return QCoreApplication::exec();
}
