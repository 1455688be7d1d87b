// Signs in with AuthKit and shows a live Convex query. Configuration: --client-id,
// --api-base-url, --convex-url, or WORKOS_CLIENT_ID, WORKOS_API_HOSTNAME, CONVEX_URL.
#include <authkitqt/convex/AuthKitTokenSource.h>
#include <authkitqt/convex/ConvexQuery.h>
#include <authkitqt/core/AuthKitClient.h>
#include <authkitqt/core/ConfigLoader.h>
#include <authkitqt/keychain/KeychainSecretStore.h>
#include <authkitqt/webengine/FallbackUserAgent.h>
#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

using namespace authkit;

int main(int argc, char *argv[])
{
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // Qt WebEngine, when the window is there
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false); // the login window is the only window
    QCommandLineParser cli;
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("WorkOS client ID"), QStringLiteral("id"));
    const QCommandLineOption apiBase(QStringLiteral("api-base-url"), QStringLiteral("WorkOS API base URL"), QStringLiteral("url"));
    const QCommandLineOption convexUrl(QStringLiteral("convex-url"), QStringLiteral("Convex deployment URL"), QStringLiteral("url"));
    cli.addOptions({clientId, apiBase, convexUrl});
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
    // The login window (the authkitqt-webengine plugin) when it is installed, else the system browser.
    auto *agent = new FallbackUserAgent(client.session(), nullptr, &app);
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
