// Signs in with AuthKit and shows a live Convex query. Configuration: --client-id,
// --api-base-url, --convex-url, or WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME, CONVEX_URL.
#include <authkitqt/convex/AuthKitTokenSource.h>
#include <authkitqt/convex/ConvexQuery.h>
#include <authkitqt/core/AuthKitClient.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/keychain/KeychainSecretStore.h>
#ifdef HELLO_WITH_WEBENGINE
#include <authkitqt/webengine/WebEngineUserAgent.h>
#endif
#include <QApplication>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QTextStream>

using namespace authkit;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser cli;
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("WorkOS client ID"), QStringLiteral("id"));
    const QCommandLineOption apiBase(QStringLiteral("api-base-url"), QStringLiteral("WorkOS API base URL"), QStringLiteral("url"));
    const QCommandLineOption convexUrl(QStringLiteral("convex-url"), QStringLiteral("Convex deployment URL"), QStringLiteral("url"));
    const QCommandLineOption systemBrowser(QStringLiteral("system-browser"), QStringLiteral("Sign in in the system browser"));
    cli.addOptions({clientId, apiBase, convexUrl, systemBrowser});
    cli.addHelpOption();
    cli.process(app);

    QTextStream out(stdout);
    ConfigSources sources;
    sources.clientId = cli.value(clientId);
    sources.apiBaseUrl = cli.value(apiBase);
    QString error;
    std::optional<AuthKitConfig> config = ConfigLoader::load(sources, &error);
    if (config && cli.isSet(convexUrl))
        config->convexUrl = QUrl(cli.value(convexUrl));
    if (!config || !config->convexUrl.isValid()) {
        out << "Configuration: " << (config ? QStringLiteral("no Convex URL") : error) << Qt::endl;
        return 2;
    }

    AuthKitClient client(*config, std::make_unique<KeychainSecretStore>(QStringLiteral("hello-authkit")));
    // The embedded window when AuthKitQt has one, else the system browser (RFC 8252 loopback).
    UserAgent *agent = new LoopbackUserAgent([&out](const QUrl &url) {
        out << "Sign in at: " << url.toString(QUrl::FullyEncoded) << Qt::endl;
        QDesktopServices::openUrl(url);
        return true; // the printed URL is the way in when no browser opens
    }, &app);
#ifdef HELLO_WITH_WEBENGINE
    if (!cli.isSet(systemBrowser))
        agent = new WebEngineUserAgent(nullptr, &app);
#endif
    client.setUserAgent(agent);

    convex::ConvexClient convex(config->convexUrl);
    convex::AuthKitTokenSource tokens(client.session());
    convex::ConvexQuery *viewer = nullptr;
    QObject::connect(client.state(), &AuthState::changed, &app, [&] {
        if (!client.state()->isAuthenticated() || viewer)
            return;
        out << "Logged in as " << client.state()->user().firstName << Qt::endl;
        convex.setAuth(tokens.fetcher(), [](bool) {});
        viewer = convex.subscribe(QStringLiteral("users:viewer")); // live: re-sent on every change
        QObject::connect(viewer, &convex::ConvexQuery::resultChanged, &app, [&](const convex::ConvexValue &value) {
            const QString subject = value.value(QStringLiteral("subject")).toString();
            out << "Convex users:viewer: " << (subject.isEmpty() ? QStringLiteral("nobody") : subject) << Qt::endl;
        });
    });
    QObject::connect(&client, &AuthKitClient::restored, &app, [&] {
        if (!client.state()->isAuthenticated())
            client.signIn();
    });
    QObject::connect(&client, &AuthKitClient::signInFinished, &app, [&](bool ok, const QString &why) {
        if (!ok)
            app.exit((out << "Sign-in failed: " << why << Qt::endl, 1));
    });
    client.restore();
    return app.exec();
}
