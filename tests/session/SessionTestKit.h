#pragma once

// Test seams for the session layer: a manual clock, a secret store that records what it was
// given, a network manager that counts requests, and a signed-in session from the real emulator.

#include <authkitqt/core/AuthKitApi.h>
#include <authkitqt/core/JwksCache.h>
#include <authkitqt/core/SessionStore.h>
#include <authkitqt/core/TokenManager.h>
#include <authkitqt/core/Clock.h>
#include <authkitqt/core/MemorySecretStore.h>
#include <authkitqt/core/UserAgent.h>
#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class ManualClock : public authkit::Clock
{
public:
    qint64 monotonicMs() const override { return m_monotonicMs; }
    qint64 wallSecs() const override { return QDateTime::currentSecsSinceEpoch() + m_wallOffsetSecs; }
    void advance(qint64 ms) { m_monotonicMs += ms; }
    void skewWallClock(qint64 secs) { m_wallOffsetSecs = secs; }

private:
    qint64 m_monotonicMs = 1'000'000;
    qint64 m_wallOffsetSecs = 0;
};

// A MemorySecretStore that keeps a log of every write and remove, in order, and can be told to
// behave like a missing keychain.
class RecordingSecretStore : public authkit::MemorySecretStore
{
    Q_OBJECT
public:
    using MemorySecretStore::MemorySecretStore;
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return !unavailable; }

    bool unavailable = false;
    QStringList events;            // "write:<refresh token>", "remove"
    QByteArray current;            // what the store holds now
};

class CountingNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    int countFor(const QString &pathSuffix) const;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QStringList m_paths;
};

struct EmulatorSession
{
    std::unique_ptr<authkit::emulator::AuthKitEmulator> emulator;
    authkit::AuthKitConfig config;
};

// Starts an in-process emulator (auto-approve) with the given token lifetime.
EmulatorSession startEmulator(int tokenTtlSecs = 300);

// Signs loginHint in through the emulator (authorize → code → authenticate), as a user agent would.
std::optional<authkit::AuthResponse> signInThroughEmulator(const authkit::AuthKitConfig &config,
                                                           authkit::AuthKitApi &api,
                                                           QNetworkAccessManager &network,
                                                           const QString &loginHint);

// POSTs a JSON control request to the emulator; returns the HTTP status.
int emulatorControl(QNetworkAccessManager &network, const QUrl &base, const QString &path,
                    const QJsonObject &body);

// A TokenManager on a manual clock against a started emulator, every seam reachable. start()
// builds it (adjust the clock or the store before signIn()); signIn() signs a user in through the
// emulator and adopts the response.
struct TokenRig
{
    EmulatorSession emulator;
    ManualClock clock;
    CountingNetworkAccessManager network;
    std::unique_ptr<authkit::AuthKitApi> api;
    RecordingSecretStore secrets;
    std::unique_ptr<authkit::SessionStore> store;
    std::unique_ptr<authkit::JwksCache> jwks;
    std::unique_ptr<authkit::TokenManager> tokens;
    QString firstRefreshToken;

    void start(int tokenTtlSecs = 300);
    // What adopt() answered; nullopt when the sign-in or the adoption did not finish in time.
    std::optional<authkit::TokenResult> signIn(const QString &email = QStringLiteral("ada@example.com"));
};

// A user agent that plays the browser over HTTP against the emulator: follows the authorize
// redirect and delivers it (or tampers with it, cancels, refuses, replays it, as told).
class ScriptedUserAgent : public authkit::UserAgent
{
    Q_OBJECT
public:
    enum class Script { Follow, TamperState, Cancel, AccessDenied, Replay };
    ScriptedUserAgent(QNetworkAccessManager *network)
        : m_network(network)
    {
    }
    Script script = Script::Follow;
    QList<QUrl> presented;
    QList<QUrl> logouts;
    int dismissed = 0;

    QUrl prepareRedirectUri(const QUrl &configured) override { return configured; }
    void dismiss() override { ++dismissed; }
    void endSession(const QUrl &logoutUrl) override { logouts.append(logoutUrl); }
    void present(const authkit::AuthorizationRequest &request) override
    {
        presented.append(request.url());
        if (script == Script::Cancel) {
            QTimer::singleShot(0, this, &authkit::UserAgent::cancelled);
            return;
        }
        QNetworkRequest get(request.url());
        get.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_network->get(get);
        connect(reply, &QNetworkReply::finished, this, [this, reply, request] {
            reply->deleteLater();
            QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
            QUrlQuery query(location);
            if (script == Script::TamperState) {
                query.removeAllQueryItems(QStringLiteral("state"));
                query.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
            } else if (script == Script::AccessDenied) {
                query.clear();
                query.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
                query.addQueryItem(QStringLiteral("error_description"), QStringLiteral("The user said no."));
                query.addQueryItem(QStringLiteral("state"), request.state());
            }
            location.setQuery(query);
            Q_EMIT redirectReceived(location);
            if (script == Script::Replay)
                Q_EMIT redirectReceived(location); // a second delivery must be ignored
        });
    }

private:
    QNetworkAccessManager *m_network;
};
