#include "DesktopCommandLine.h"

#include "SchemeHandler.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

QString DesktopCommandLine::description()
{
    return QCoreApplication::translate(
        "DesktopCommandLine",
        "Sign in to WorkOS AuthKit in a Qt WebEngine window; the views follow the sign-in state.\n\n"
        "With no options it runs the profile chosen in File > Settings (at first: local).\n"
        "The local profile starts authkit-emulator ($AUTHKIT_EMULATOR, else the one next to it)\n"
        "on a free port of 127.0.0.1 and stops it on exit; it keeps its key and sessions in the\n"
        "app's data folder. Seeded users (password\n"
        "\"password\"): ada@example.com, grace@example.com, alan@example.com (TOTP),\n"
        "katherine@example.com. With --api-base-url the local profile uses that emulator instead.\n"
        "The development and production profiles sign in with WorkOS, with your client IDs.\n"
        "Settings come from the flags, then WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME\n"
        "(+ WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_REDIRECT_URI, WORKOS_ISSUER, then\n"
        "~/.config/AuthKitQt/profiles.ini (what File > Settings edits), then --project.\n\n"
        "A session is kept in the OS keychain (Secret Service) and restored at start, with no\n"
        "sign-in window; with no keychain it lives in memory only, and the window says so.\n"
        "One instance runs per user and data folder: starting it again brings the running\n"
        "window to the front (the new process exits 0).\n"
        "State changes are logged on stderr, category authkit.desktop, at info level:\n"
        "\"state: loading\", \"state: signed-out\", \"state: signed-in <email>\".");
}

DesktopOptions DesktopCommandLine::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("DesktopCommandLine", text);
    };
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     tr("Profile: local, development, production."),
                                     QStringLiteral("name"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      tr("WorkOS client ID (client_…)."), QStringLiteral("id"));
    const QCommandLineOption apiBase(QStringLiteral("api-base-url"),
                                     tr("WorkOS API base URL (a custom auth domain, or a running "
                                        "emulator)."),
                                     QStringLiteral("url"));
    const QCommandLineOption redirect(QStringLiteral("redirect-uri"),
                                      tr("Redirect URI registered with WorkOS (default "
                                         "http://127.0.0.1/callback; the sign-in window catches "
                                         "it, the browser fallback listens on a free port; "
                                         "production, installed with its .desktop file: "
                                         "authkit-desktop://callback, through the system "
                                         "browser)."),
                                      QStringLiteral("uri"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     tr("A Convex web project: WORKOS_CLIENT_ID, CONVEX_URL "
                                        "and the redirect URI from .env.local, and convex.json's "
                                        "authKit redirectUris; the redirect URI is the first "
                                        "this app can receive (loopback, or "
                                        "authkit-desktop:// when production uses the scheme)."),
                                     QStringLiteral("dir"));
    const QCommandLineOption signIn(QStringLiteral("sign-in"),
                                    tr("Start signing in at once when no stored session is "
                                       "restored."));
    parser.addOptions({profile, clientId, apiBase, redirect, project, signIn});
    parser.addPositionalArgument(QStringLiteral("url"),
                                 tr("An authkit-desktop:// sign-in redirect, handed to the "
                                    "running app (what the browser opens)."),
                                 QStringLiteral("[url]"));
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    // One URL of our scheme may come (the .desktop file's %u); nothing else.
    const bool oneOfOurUrls =
        positional.size() == 1 && SchemeHandler::problem(positional.first()).isEmpty();
    if (!positional.isEmpty() && !oneOfOurUrls) {
        // As QCommandLineParser does for unknown options: one line, then exit before any window.
        // An over-long or foreign argument is not echoed whole.
        const QString message =
            tr("Unexpected argument \"%1\" (see --help).").arg(positional.first().left(80));
        std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                     qPrintable(message));
        std::exit(2);
    }

    DesktopOptions options;
    options.sources.profile = parser.value(profile);
    options.sources.clientId = parser.value(clientId);
    options.sources.apiBaseUrl = parser.value(apiBase);
    options.sources.redirectUri = parser.value(redirect);
    options.sources.projectDir = parser.value(project);
    options.signInAtStart = parser.isSet(signIn);
    if (oneOfOurUrls)
        options.openUrl = positional.first();
    return options;
}
