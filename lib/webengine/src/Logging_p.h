#pragma once

#include <QLoggingCategory>

// The WebEngine layer's category. Never log codes, tokens or full redirect URLs: hosts only.
Q_DECLARE_LOGGING_CATEGORY(lcWebEngine)
