#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace authkit::emulator {

// What a Convex web project (authkit-emulator --project DIR) tells the emulator, read as
// Convex's CLI reads it to configure a WorkOS environment (lib/emulator/README.md, "Environment
// configuration"): the client ID and redirect URI from .env.local (WORKOS_CLIENT_ID,
// VITE_/NEXT_PUBLIC_ variants, *_WORKOS_REDIRECT_URI; never WORKOS_API_KEY), and convex.json's
// authKit.dev.configure: redirectUris, corsOrigins, appHomepageUrl. Both files are read by
// lib/core (ConfigLoader::readDotEnv, ConvexAuthKitSection), which the desktop and the CLI share.
struct ConvexProject
{
    QStringList clientIds;
    QStringList redirectUris;
    QStringList corsOrigins;
    QString appHomepageUrl;
    // Entries left out, and why (a ${buildEnv.X} template with X unset): said on the log.
    QStringList warnings;

    // Reads DIR; nullopt and *error when the folder has neither file, or a file is malformed
    // (convex.json with its line and column). Nothing is half-read: an error ends the start.
    static std::optional<ConvexProject> read(const QString &dir, QString *error);
    // convex.json's text alone (tests).
    static bool readConvexJson(const QByteArray &json, ConvexProject *project, QString *error);
};

} // namespace authkit::emulator
