#pragma once

#include "EmulatorLog_p.h"

#include "CsrfGuard_p.h"
#include "Directory_p.h"
#include "EmulatorClock_p.h"
#include "EnvironmentSettings_p.h"
#include "EventLog_p.h"
#include "FaultInjector_p.h"
#include "HttpMessage_p.h"
#include "SessionRegistry_p.h"
#include "TokenService_p.h"
#include "WebhookDispatcher_p.h"

#include <authkitqt/emulator/EmulatorOptions.h>

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace authkit::emulator {

struct InboxMessage
{
    QString email;
    QString code;
    QString kind;
    QDateTime sentAt;
};

// Everything the endpoints share: configuration, clock, directory, keys, sessions, faults and the
// dev inbox. Owned by AuthKitEmulator; the endpoint classes hold a reference.
class EmulatorState
{
public:
    // A one-time code lives 10 minutes; its inbox message as long.
    static constexpr int kInboxLifetimeSecs = 600;

    EmulatorState(EmulatorOptions options, Directory directory);

    const EmulatorOptions &options() const { return m_options; }
    EmulatorClock &clock() { return m_clock; }
    Directory &directory() { return m_directory; }
    TokenService &tokens() { return m_tokens; }
    SessionRegistry &sessions() { return m_sessions; }
    FaultInjector &faults() { return m_faults; }
    const CsrfGuard &csrf() const { return m_csrf; }
    EventLog &events() { return m_events; }
    WebhookDispatcher &webhooks() { return *m_webhooks; }
    // Redirect URIs, CORS origins and the homepage set for the whole environment (--project, the
    // configuration API); environmentChanged() tells the emulator to apply and keep them.
    EnvironmentSettings &environment() { return m_environment; }
    void environmentChanged()
    {
        if (onEnvironmentChanged)
            onEnvironmentChanged();
    }
    std::function<void()> onEnvironmentChanged;
    // The gate of every API-key endpoint, called first: nullopt when request carries
    // "Authorization: Bearer <one of the configured API keys>"; else its 401, which says "<what>
    // needs an API key" when none is configured.
    std::optional<HttpResponse> requireApiKey(const HttpRequest &request,
                                              const QString &what) const;
    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }

    QString issuerFor(const QString &clientId) const;
    // The claims of docs/workos-authkit.md#access-token for this session, signed.
    QByteArray mintAccessToken(const UserSession &session);
    // Authenticate's 200 body, a new refresh token (docs/workos-authkit.md#authenticate-response).
    QJsonObject authenticationResponse(const UserSession &session);

    // A new user (a sign-up, a first e-mail code or provider sign-in): user.created.
    User &createUser(const QString &email, const QString &firstName, const QString &lastName,
                     const QString &password);
    // The events of docs/workos-authkit.md#events for what just happened.
    void recordSessionCreated(const UserSession &session);
    void recordMembershipCreated(const User &user, const Membership &membership);

    void deliverOneTimeCode(const QString &email, const QString &code);
    const QList<InboxMessage> &inbox(); // without the expired messages
    // Authenticate requests per grant type that reached the grant (GET /_emulator/requests):
    // tests count refresh requests with it.
    void countGrant(const QString &grantType) { ++m_grantCounts[grantType]; }
    const QHash<QString, int> &grantCounts() const { return m_grantCounts; }
    std::function<void(const QString &, const QString &)> onOneTimeCode;

private:
    bool hasApiKey(const HttpRequest &request) const;
    void pruneInbox();

    EmulatorOptions m_options;
    EmulatorClock m_clock;
    Directory m_directory;
    TokenService m_tokens;
    SessionRegistry m_sessions;
    FaultInjector m_faults;
    CsrfGuard m_csrf;
    EventLog m_events;
    EnvironmentSettings m_environment;
    std::unique_ptr<WebhookDispatcher> m_webhooks = std::make_unique<WebhookDispatcher>();
    QList<InboxMessage> m_inbox;
    QHash<QString, int> m_grantCounts;
    QUrl m_baseUrl;
};

} // namespace authkit::emulator
