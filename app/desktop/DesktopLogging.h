#pragma once

#include <QLoggingCategory>

// authkit-desktop's one category. State changes are logged at info level, one line each
// ("state: loading", "state: signed-out", "state: signed-in <email>"); never tokens or codes.
Q_DECLARE_LOGGING_CATEGORY(lcDesktop)
