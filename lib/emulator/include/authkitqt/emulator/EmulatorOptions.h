#pragma once

#include <QString>
#include <QStringList>
#include <authkitqt/emulator/authkitqt_emulator_export.h>

namespace authkit::emulator {

/// How an emulator instance is set up; the command line of authkit-emulator maps onto this.
struct AUTHKITQT_EMULATOR_EXPORT EmulatorOptions
{
    quint16 port = 0;               // 0: the system picks a free port
    QString seedFile;               // empty: the built-in default seed
    QStringList extraClientIds;     // added to the seed's clients, with the default redirect URIs
    QString issuer;                 // empty: https://api.workos.com/user_management/<client_id>
    int tokenTtlSeconds = 300;      // access token lifetime, as WorkOS's default
    QString signingKeyFile;         // empty: a fresh key per run; else loaded, or created there
    bool autoApprove = false;       // authorize signs the login_hint (or first) user in at once
    // Browser origins ("http://127.0.0.1:5173") allowed to call the API across origins, besides
    // the seed's cors_origins (lib/emulator/README.md, "CORS"); none by default.
    QStringList corsOrigins;
    // A Convex web project whose .env.local or .env (client ID, redirect URI) and convex.json
    // AuthKit section (redirect URIs, CORS origins, homepage) configure the environment, over
    // the saved state of dataDir; empty: none.
    QString projectDir;
    QString dataDir;                // empty: all in memory; else the signing key and the sessions
                                    // are kept there, so a restart keeps everyone signed in
    // The Convex deployment (lib/emulator/README.md, "Convex deployment").
    quint16 convexPort = 0;         // 0: the system picks a free port
    QString convexAuthConfigFile;   // empty: the two AuthKit customJwt providers per client ID
    bool convexInMemory = false;    // keep the Convex tables in memory even with a dataDir
    int convexHeartbeatMs = 15000;  // a Ping after this much silence (tests shorten it)
    // The secret POST /workos/webhook on the deployment verifies WorkOS-Signature with (the
    // WorkOS component's WORKOS_WEBHOOK_SECRET); empty: one made at start. The emulator's own
    // events reach the deployment either way.
    QString convexWorkOsWebhookSecret;

    /// Events and webhooks (lib/emulator/README.md, "Events and webhooks").
    QStringList apiKeys;            // secret keys the Events API accepts (Bearer); none: it is off
    QStringList webhookUrls;        // endpoints every event is delivered to, signed with:
    QString webhookSecret;          // the endpoints' signing secret (required with webhookUrls)
    int webhookRetryDelayMs = 1000; // first retry of a failed delivery; doubles each time
    int maxEvents = 10000;          // events kept for the Events API; the oldest go

    /// Limits of both ports, AuthKit's and the Convex deployment's (lib/emulator/README.md,
    /// "Limits"): they listen on loopback, which every web page in a browser can reach, so nothing
    /// a client sends may grow without bound. Tests shorten the timeouts and the caps.
    qint64 maxBodyBytes = 1024 * 1024; // larger request bodies: 413, refused before reading
    int headerTimeoutMs = 10000;    // request line and headers (then the body) must arrive in this
    int idleTimeoutMs = 30000;      // a kept-alive connection with no request is closed after this
    int maxConnections = 64;        // further connections are closed at once
    int maxLoginAttempts = 1000;    // pending hosted sign-ins; the oldest is evicted
    int maxAuthorizationCodes = 1000; // unexchanged codes; the oldest is evicted
    int maxRefreshTokens = 10000;   // refresh-token records, spent ones too; the oldest is evicted
    int maxInboxMessages = 100;     // dev inbox; the oldest is dropped
    // The environment's redirect URIs and CORS origins (--project, the configuration API): a
    // full list refuses further adds (422 limit_reached), nothing is evicted.
    int maxRedirectUris = 1000;
    int maxCorsOrigins = 1000;
};

} // namespace authkit::emulator
