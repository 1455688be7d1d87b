// authkit-soak-driver (scripts/soak.sh):
//   authkit-soak-driver store-session --keychain-service NAME --profile NAME
//                                     --api-base-url URL --client-id ID [--email E]
//       signs E (default ada@example.com) in through an auto-approving emulator and stores the
//       session in the OS keychain entry that app would read (SessionStore on a
//       KeychainSecretStore, as the apps do), so the app starts signed in with no window.
//   authkit-soak-driver drive --api-base-url URL --convex-url URL --client-id ID
//                             [--message-interval-ms N] [--fault-interval-ms N]
//       the second client: a message every N ms, a fault every N ms (0: none), until killed.

#include "SoakDriver.h"

#include "SessionTestKit.h"

#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTest>

#include <cstdio>

using namespace authkit;

namespace {

AuthKitConfig configFor(const QString &profile, const QUrl &apiBaseUrl, const QString &clientId)
{
    AuthKitConfig config;
    config.profile = profile;
    config.clientId = clientId;
    config.apiBaseUrl = apiBaseUrl;
    config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    // As ConfigLoader does for an emulator on 127.0.0.1: it signs as WorkOS does.
    config.acceptedIssuers = AuthKitConfig::defaultIssuers(apiBaseUrl, clientId)
                             + AuthKitConfig::defaultIssuers(
                                 QUrl(QLatin1String(AuthKitConfig::kDefaultApiBase)), clientId);
    return config;
}

int storeSession(const QString &service, const AuthKitConfig &config, const QString &email)
{
    QNetworkAccessManager network;
    AuthKitApi api(config, &network);
    KeychainSecretStore secrets(service);
    SessionStore store(&secrets, config.storageKey());
    JwksCache jwks(&api, Clock::system());
    TokenManager tokens(&api, &jwks, &store, Clock::system());
    const auto response = signInThroughEmulator(config, api, network, email);
    if (!response) {
        std::fprintf(stderr, "authkit-soak-driver: could not sign %s in\n", qPrintable(email));
        return 1;
    }
    std::optional<TokenResult> adopted;
    tokens.adopt(*response, [&](const TokenResult &result) { adopted = result; });
    if (!QTest::qWaitFor([&] { return adopted.has_value(); }, 20000) || !adopted->ok()) {
        std::fprintf(stderr, "authkit-soak-driver: the session was not adopted\n");
        return 1;
    }
    if (!tokens.isPersistent()) {
        std::fprintf(stderr, "authkit-soak-driver: no keychain: the session was not stored\n");
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authkit-soak-driver"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("store-session | drive"));
    const QCommandLineOption apiBase(QStringLiteral("api-base-url"),
                                     QStringLiteral("AuthKit emulator URL."), QStringLiteral("url"));
    const QCommandLineOption convexUrl(QStringLiteral("convex-url"),
                                       QStringLiteral("Convex deployment URL."), QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("Client ID."),
                                      QStringLiteral("id"));
    const QCommandLineOption service(QStringLiteral("keychain-service"),
                                     QStringLiteral("Keychain service of the app."), QStringLiteral("name"));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Profile name."),
                                     QStringLiteral("name"), QStringLiteral("development"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("Seeded user to sign in."),
                                   QStringLiteral("email"), QStringLiteral("ada@example.com"));
    const QCommandLineOption messageInterval(QStringLiteral("message-interval-ms"),
                                             QStringLiteral("Milliseconds between messages."),
                                             QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption faultInterval(QStringLiteral("fault-interval-ms"),
                                           QStringLiteral("Milliseconds between faults (0: none)."),
                                           QStringLiteral("ms"), QStringLiteral("20000"));
    parser.addOptions({apiBase, convexUrl, clientId, service, profile, email, messageInterval,
                       faultInterval});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    if (args.size() != 1 || !parser.isSet(apiBase) || !parser.isSet(clientId))
        parser.showHelp(2);
    if (command == QLatin1String("store-session") && parser.isSet(service)) {
        return storeSession(parser.value(service),
                            configFor(parser.value(profile), QUrl(parser.value(apiBase)),
                                      parser.value(clientId)),
                            parser.value(email));
    }
    if (command != QLatin1String("drive") || !parser.isSet(convexUrl))
        parser.showHelp(2);
    SoakDriver::Options options;
    options.apiBaseUrl = QUrl(parser.value(apiBase));
    options.convexUrl = QUrl(parser.value(convexUrl));
    options.clientId = parser.value(clientId);
    options.messageIntervalMs = parser.value(messageInterval).toInt();
    options.faultIntervalMs = parser.value(faultInterval).toInt();
    SoakDriver driver(options);
    QString error;
    if (!driver.start(&error)) {
        std::fprintf(stderr, "authkit-soak-driver: %s\n", qPrintable(error));
        return 1;
    }
    return QCoreApplication::exec();
}
