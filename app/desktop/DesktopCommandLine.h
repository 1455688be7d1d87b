#pragma once

#include "DesktopOptions.h"

class QCoreApplication;

// authkit-desktop's command line: the configuration flags of authkit-cli (--profile,
// --client-id, --api-base-url, --redirect-uri, --project), --help and --version.
class DesktopCommandLine
{
public:
    // Handles --help, --version and unknown options itself (it prints and exits, as
    // QCommandLineParser does).
    static DesktopOptions parse(const QCoreApplication &app);
    static QString description();
};
