#pragma once

#include <authkitqt/core/ConvexAuthKitSection.h>

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <authkitqt/core/authkitqt_core_export.h>
#include <optional>

namespace authkit {

/// What a Convex web project's files say about its WorkOS environment (`--project DIR`): its
/// `.env.local` (else `.env`) and `convex.json`'s AuthKit section (ConvexAuthKitSection). The one
/// reader of authkit-desktop / authkit-cli (ConfigLoader; README.md, "authkit-cli") and of
/// authkit-emulator (lib/emulator/README.md, "Environment configuration"); each only picks and
/// checks what it needs. The names are those a Convex + AuthKit web template uses; never
/// WORKOS_API_KEY (a server secret).
struct AUTHKITQT_CORE_EXPORT ConvexProjectFiles
{
    /// The .env file read (.env.local, else .env); empty when the project has neither.
    QString dotEnvFile;
    /// WORKOS_CLIENT_ID, VITE_WORKOS_CLIENT_ID, NEXT_PUBLIC_WORKOS_CLIENT_ID: those set, in this
    /// order, each once.
    QStringList clientIds;
    /// The first set of CONVEX_URL, VITE_CONVEX_URL, NEXT_PUBLIC_CONVEX_URL.
    QString convexUrl;
    /// WORKOS_API_HOSTNAME, WORKOS_API_HTTPS, WORKOS_API_PORT (or their VITE_ forms), as set.
    QString apiHostname;
    QString apiHttps;
    QString apiPort;
    /// WORKOS_REDIRECT_URI, VITE_WORKOS_REDIRECT_URI, NEXT_PUBLIC_WORKOS_REDIRECT_URI, then the
    /// section's redirectUris in their order; each once.
    QStringList redirectUris;
    /// convex.json's `authKit.<deployment>.configure`; empty without convex.json. Its warnings
    /// (templates left out) are the caller's to say.
    ConvexAuthKitSection section;

    /// Reads DIR whole before anything applies; nullopt and one line in *error (starting
    /// "--project: ") when DIR is not a folder, has neither a .env file nor convex.json, or a file
    /// cannot be read or is malformed (convex.json with its line and column). `deployment` is the
    /// convex.json section ("dev", "prod"); `buildEnvironment` fills its ${buildEnv.NAME}.
    static std::optional<ConvexProjectFiles> read(const QString &dir, const QString &deployment,
                                                  const QProcessEnvironment &buildEnvironment,
                                                  QString *error);
};

} // namespace authkit
