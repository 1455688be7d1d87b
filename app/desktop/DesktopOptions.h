#pragma once

#include <authkitqt/core/ConfigLoader.h>

#include <QString>

// What authkit-desktop is started with: the same configuration sources as authkit-cli.
struct DesktopOptions
{
    // profile empty: the one chosen in Settings, else "local".
    authkit::ConfigSources sources;
    // Where the local profile's emulator keeps its key and sessions; empty: the app data folder.
    QString emulatorDataDir;
    // The local profile's emulator: its seed (users, organizations) and its Convex deployment's
    // auth providers; empty: the built-in ones (lib/emulator/README.md). Tests set them.
    QString emulatorSeedFile;
    QString emulatorConvexAuthConfigFile;
    // The authkit-emulator executable the local profile runs; empty: $AUTHKIT_EMULATOR, else the
    // one next to authkit-desktop (LocalEmulatorProcess::findExecutable).
    QString emulatorExecutable;
    // --sign-in: start signing in as soon as no stored session was restored.
    bool signInAtStart = false;
    // The authkit-desktop: URL this launch was started with (the .desktop file's %u): a
    // custom-scheme sign-in's redirect, for the running instance (SchemeHandler.h).
    QString openUrl;
};
