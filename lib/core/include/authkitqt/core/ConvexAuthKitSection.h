#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <authkitqt/core/authkitqt_core_export.h>
#include <optional>

namespace authkit {

/// The AuthKit section of a Convex project's convex.json, `authKit.<deployment>.configure`, read
/// as Convex's CLI reads it to configure a WorkOS environment: redirectUris, corsOrigins and
/// appHomepageUrl, with `${buildEnv.NAME}` templates filled from the environment. One reader for
/// `--project` in authkit-emulator (lib/emulator/README.md, "Environment configuration") and in
/// authkit-desktop / authkit-cli (ConfigLoader; README.md, "authkit-cli").
struct AUTHKITQT_CORE_EXPORT ConvexAuthKitSection
{
    /// convex.json is a small hand-written file; a larger one is refused, not read in part.
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;

    QStringList redirectUris;
    QStringList corsOrigins;
    QString appHomepageUrl;
    /// Entries left out, and why (a ${buildEnv.X} template with X unset); the caller says them.
    QStringList warnings;

    /// The section of one deployment kind ("dev", "prod"), or nullopt and one line in *error
    /// (malformed JSON with its line and column, a member of the wrong type). A file without an
    /// authKit member, or without that deployment, gives an empty section.
    static std::optional<ConvexAuthKitSection> parse(const QByteArray &json,
                                                     const QString &deployment,
                                                     const QProcessEnvironment &buildEnvironment,
                                                     QString *error);
    /// The same for a file, errors naming it.
    static std::optional<ConvexAuthKitSection> readFile(const QString &path,
                                                        const QString &deployment,
                                                        const QProcessEnvironment &buildEnvironment,
                                                        QString *error);
};

} // namespace authkit
