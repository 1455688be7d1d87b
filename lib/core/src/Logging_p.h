#pragma once

#include <QLoggingCategory>

// One category per component. Never log tokens, codes, verifiers or full redirect URLs.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcToken)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
// Startup checkpoints, names only (debug, off by default): authkit-desktop stamps them with
// the time since it started (app/desktop/StartupTrace.h).
Q_DECLARE_LOGGING_CATEGORY(lcStartup)
