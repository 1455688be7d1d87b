#include "SessionTestKit.h"

#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/RedirectParser.h>

#include <QTest>
#include <QTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

using namespace authkit;

void RecordingSecretStore::read(const QString &key, ReadCallback done)
{
    if (unavailable) {
        QTimer::singleShot(0, this, [done] { done(Status::Unavailable, {}, QStringLiteral("no keychain")); });
        return;
    }
    MemorySecretStore::read(key, std::move(done));
}

void RecordingSecretStore::write(const QString &key, const QByteArray &secret, WriteCallback done)
{
    if (unavailable) {
        QTimer::singleShot(0, this, [done] { done(Status::Unavailable, QStringLiteral("no keychain")); });
        return;
    }
    const QString token =
        QJsonDocument::fromJson(secret).object().value(QStringLiteral("refresh_token")).toString();
    events.append(QStringLiteral("write:") + token);
    current = secret;
    MemorySecretStore::write(key, secret, std::move(done));
}

void RecordingSecretStore::remove(const QString &key, WriteCallback done)
{
    events.append(QStringLiteral("remove"));
    current.clear();
    MemorySecretStore::remove(key, std::move(done));
}

int CountingNetworkAccessManager::countFor(const QString &pathSuffix) const
{
    int count = 0;
    for (const QString &path : m_paths)
        count += path.endsWith(pathSuffix) ? 1 : 0;
    return count;
}

QNetworkReply *CountingNetworkAccessManager::createRequest(Operation op,
                                                           const QNetworkRequest &request,
                                                           QIODevice *outgoingData)
{
    m_paths.append(request.url().path());
    return QNetworkAccessManager::createRequest(op, request, outgoingData);
}

EmulatorSession startEmulator(int tokenTtlSecs)
{
    emulator::EmulatorOptions options;
    options.autoApprove = true;
    options.tokenTtlSeconds = tokenTtlSecs;
    EmulatorSession session;
    session.emulator = std::make_unique<emulator::AuthKitEmulator>(options);
    if (!session.emulator->start())
        qFatal("emulator: %s", qPrintable(session.emulator->errorString()));
    const QString clientId = session.emulator->clientIds().first();
    session.config.profile = QStringLiteral("test");
    session.config.clientId = clientId;
    session.config.apiBaseUrl = session.emulator->baseUrl();
    session.config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    session.config.acceptedIssuers = {session.emulator->issuerFor(clientId)};
    return session;
}

std::optional<AuthResponse> signInThroughEmulator(const AuthKitConfig &config, AuthKitApi &api,
                                                  QNetworkAccessManager &network,
                                                  const QString &loginHint)
{
    SignInOptions options;
    options.loginHint = loginHint;
    const QUrl redirect(QStringLiteral("http://127.0.0.1:9/callback"));
    const AuthorizationRequest request = AuthorizationRequest::create(config, redirect, options);
    QNetworkRequest get(request.url());
    get.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = network.get(get);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return std::nullopt;
    const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    reply->deleteLater();
    const RedirectResult redirected = RedirectParser::parse(location, redirect);
    if (redirected.kind != RedirectResult::Kind::Code || !request.matchesState(redirected.state))
        return std::nullopt;
    std::optional<AuthResponse> response;
    bool done = false;
    api.authenticateWithCode(redirected.code, request.codeVerifier(),
                             [&](const AuthResult &result) {
                                 response = result.response;
                                 done = true;
                             });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return std::nullopt;
    return response;
}

int emulatorControl(QNetworkAccessManager &network, const QUrl &base, const QString &path,
                    const QJsonObject &body)
{
    QUrl url = base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TokenRig::start(int tokenTtlSecs)
{
    emulator = startEmulator(tokenTtlSecs);
    api = std::make_unique<AuthKitApi>(emulator.config, &network);
    store = std::make_unique<SessionStore>(&secrets, QStringLiteral("test/session"));
    jwks = std::make_unique<JwksCache>(api.get(), clock);
    tokens = std::make_unique<TokenManager>(api.get(), jwks.get(), store.get(), clock);
}

std::optional<TokenResult> TokenRig::signIn(const QString &email)
{
    const auto response = signInThroughEmulator(emulator.config, *api, network, email);
    if (!response)
        return std::nullopt;
    firstRefreshToken = response->refreshToken;
    std::optional<TokenResult> adopted;
    tokens->adopt(*response, [&](const TokenResult &result) { adopted = result; });
    if (!QTest::qWaitFor([&] { return adopted.has_value(); }, 10000))
        return std::nullopt;
    return adopted;
}
