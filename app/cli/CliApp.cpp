#include "CliApp.h"
#include "TerminalText.h"

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/AuthKitClient.h>
#include <authkitqt/core/LoopbackUserAgent.h>
#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace authkit;

namespace {

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// Text that came from the user or a server, made safe for a terminal: no escape sequences, no
// line breaks that could fake another line, no bidirectional overrides.
QString safe(const QString &text)
{
    return TerminalText::sanitize(text);
}

QString describe(const Session &session)
{
    QString text = QCoreApplication::translate("CliApp", "Signed in as %1 <%2>")
                       .arg(safe(session.user.displayName()), safe(session.user.email));
    if (!session.organizationId.isEmpty())
        text += QCoreApplication::translate("CliApp", " in organization %1 (role %2)")
                    .arg(safe(session.organizationId), safe(session.role));
    return text;
}

} // namespace

CliApp::CliApp(AuthKitConfig config, Options options, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_options(std::move(options))
    , m_client(new AuthKitClient(m_config,
                                 std::make_unique<KeychainSecretStore>(QStringLiteral("AuthKitQt")),
                                 nullptr, this))
    , m_agent(new LoopbackUserAgent([this](const QUrl &url) { return openInBrowser(url); }, this))
{
    m_client->setUserAgent(m_agent);
}

CliApp::~CliApp() = default;

void CliApp::start()
{
    if (m_options.timeoutSecs > 0) {
        QTimer::singleShot(m_options.timeoutSecs * 1000, this, [this] {
            finish(Failed, tr("Timed out after %1 seconds.").arg(m_options.timeoutSecs));
        });
    }
    const QString &command = m_options.command;
    if (command == QLatin1String("login"))
        login();
    else if (command == QLatin1String("status"))
        status();
    else if (command == QLatin1String("token"))
        token();
    else if (command == QLatin1String("switch-org"))
        switchOrganization();
    else if (command == QLatin1String("logout"))
        logout();
    else
        finish(Usage, tr("Unknown command \"%1\" (see --help).").arg(command));
}

void CliApp::finish(int code, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!message.isEmpty())
        printLine(stderr, safe(message));
    // The browser that brought the redirect is told how it ended before the process goes.
    m_agent->flush(3000);
    QCoreApplication::exit(code);
}

bool CliApp::openInBrowser(const QUrl &url)
{
    if (m_options.noBrowser) {
        // The URL is the only line on stdout, so a script can open it itself.
        printLine(stdout, url.toString(QUrl::FullyEncoded));
        return true;
    }
    printLine(stderr, tr("Opening your browser to sign in. If it does not open, visit:"));
    printLine(stderr, url.toString(QUrl::FullyEncoded));
    return QDesktopServices::openUrl(url);
}

void CliApp::printPersistenceNotice()
{
    const QString notice = m_client->state()->persistenceNotice();
    if (!notice.isEmpty())
        printLine(stderr, notice);
}

void CliApp::restoreThen(const std::function<void()> &next)
{
    connect(m_client, &AuthKitClient::restored, this, next, Qt::SingleShotConnection);
    m_client->restore();
}

void CliApp::login()
{
    SignInOptions options;
    options.screen = m_options.signUp ? SignInOptions::Screen::SignUp : SignInOptions::Screen::SignIn;
    options.organizationId = m_options.organizationId;
    options.loginHint = m_options.loginHint;
    connect(m_client, &AuthKitClient::signInFinished, this, [this](bool ok, const QString &error) {
        if (!ok) {
            finish(SignInFailed, error.isEmpty() ? tr("Sign-in was cancelled.")
                                                 : tr("Sign-in failed: %1").arg(error));
            return;
        }
        printPersistenceNotice();
        finish(Ok, describe(m_client->state()->session()));
    });
    m_client->signIn(options);
}

void CliApp::status()
{
    restoreThen([this] {
        const AuthState *state = m_client->state();
        printPersistenceNotice();
        if (!state->isAuthenticated()) {
            finish(NotSignedIn, state->lastError().isEmpty()
                                    ? tr("Not signed in (profile %1).").arg(m_config.profile)
                                    : tr("Not signed in: %1").arg(state->lastError()));
            return;
        }
        const Session &session = state->session();
        const bool offline = session.accessToken.isEmpty();
        if (m_options.json) {
            QJsonObject object{
                {QStringLiteral("profile"), m_config.profile},
                {QStringLiteral("client_id"), m_config.clientId},
                {QStringLiteral("user"), session.user.json},
                {QStringLiteral("session_id"), session.sessionId},
                {QStringLiteral("organization_id"), session.organizationId},
                {QStringLiteral("role"), session.role},
                {QStringLiteral("roles"), QJsonArray::fromStringList(session.roles)},
                {QStringLiteral("permissions"), QJsonArray::fromStringList(session.permissions)},
                {QStringLiteral("feature_flags"), QJsonArray::fromStringList(session.featureFlags)},
                {QStringLiteral("entitlements"), QJsonArray::fromStringList(session.entitlements)},
                {QStringLiteral("impersonator"), session.impersonatorEmail},
                {QStringLiteral("authentication_method"), session.authenticationMethod},
                {QStringLiteral("access_token_expires_in"),
                 offline ? 0 : state->msUntilExpiry() / 1000},
                {QStringLiteral("storage"),
                 state->persistence() == AuthState::Persistence::Keychain
                     ? QStringLiteral("keychain")
                     : QStringLiteral("memory")},
                {QStringLiteral("offline"), offline},
            };
            printLine(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed());
        } else {
            printLine(stdout, describe(session));
            printLine(stdout, tr("Profile %1, client %2").arg(m_config.profile, m_config.clientId));
            if (!session.permissions.isEmpty())
                printLine(stdout, tr("Permissions: %1").arg(safe(session.permissions.join(QStringLiteral(", ")))));
            if (!session.impersonatorEmail.isEmpty())
                printLine(stdout, tr("Impersonated by %1").arg(safe(session.impersonatorEmail)));
            if (offline)
                printLine(stdout, tr("Offline: %1").arg(safe(state->lastError())));
        }
        finish(Ok);
    });
}

void CliApp::token()
{
    restoreThen([this] {
        if (!m_client->state()->hasSession()) {
            const QString why = m_client->state()->lastError();
            finish(NotSignedIn, why.isEmpty()
                                    ? tr("Not signed in (profile %1). Run authkit-cli login.")
                                          .arg(m_config.profile)
                                    : tr("Not signed in: %1 Run authkit-cli login.").arg(why));
            return;
        }
        m_client->accessToken(false, [this](const TokenResult &result) {
            if (result.ok()) {
                printLine(stdout, result.accessToken);
                finish(Ok);
            } else {
                finish(result.terminal ? NotSignedIn : Unreachable, result.error.message());
            }
        });
    });
}

void CliApp::switchOrganization()
{
    if (m_options.arguments.size() != 1) {
        finish(Usage, tr("switch-org takes one organization ID (org_…)."));
        return;
    }
    const QString organizationId = m_options.arguments.first();
    restoreThen([this, organizationId] {
        if (!m_client->state()->hasSession()) {
            finish(NotSignedIn, tr("Not signed in (profile %1).").arg(m_config.profile));
            return;
        }
        connect(m_client, &AuthKitClient::signInFinished, this, [this](bool ok, const QString &error) {
            finish(ok ? Ok : SignInFailed,
                   ok ? describe(m_client->state()->session()) : tr("Sign-in failed: %1").arg(error));
        });
        connect(m_client, &AuthKitClient::organizationSwitchFinished, this,
                [this](bool ok, const QString &error) {
                    if (ok)
                        finish(Ok, describe(m_client->state()->session()));
                    else if (!m_client->state()->isSigningIn())
                        finish(Failed, tr("Cannot switch organization: %1").arg(error));
                    // else: an organization-scoped sign-in is under way; signInFinished ends it
                });
        m_client->switchOrganization(organizationId);
    });
}

void CliApp::logout()
{
    restoreThen([this] {
        const QString sessionId = m_client->state()->session().sessionId;
        // Both must be done before the process ends: the keychain cleared, WorkOS told.
        auto pending = std::make_shared<int>(2);
        auto outcome = std::make_shared<std::pair<int, QString>>(Ok, tr("Signed out."));
        auto oneDone = [this, pending, outcome] {
            if (--*pending == 0)
                finish(outcome->first, outcome->second);
        };
        connect(m_client, &AuthKitClient::signedOut, this, oneDone, Qt::SingleShotConnection);
        // Keep the agent from opening a browser: the CLI ends the session itself below.
        m_client->setUserAgent(nullptr);
        const QUrl logoutUrl = m_client->signOut();
        if (logoutUrl.isEmpty()) {
            if (sessionId.isEmpty() && !m_client->state()->hasSession())
                outcome->second = tr("Not signed in; nothing to sign out of.");
            oneDone();
            return;
        }
        if (m_options.browser)
            QDesktopServices::openUrl(logoutUrl); // also clears the hosted session cookie there
        // The logout endpoint ends the WorkOS session on any GET; the redirect is not followed.
        QNetworkRequest request(logoutUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(AuthKitApi::kTimeoutMs);
        QNetworkReply *reply = m_client->network()->get(request);
        connect(reply, &QNetworkReply::finished, this, [reply, outcome, oneDone] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 400) {
                *outcome = {Unreachable,
                            tr("Signed out here, but WorkOS could not be told (%1). The session "
                               "ends when its refresh token expires.")
                                .arg(status ? QString::number(status) : reply->errorString())};
            }
            oneDone();
        });
    });
}
