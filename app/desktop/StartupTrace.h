#pragma once

#include <QLoggingCategory>

class QWidget;

// Where a warm start spends its time: named checkpoints in the category "authkit.startup" (off
// by default; QT_LOGGING_RULES="authkit.startup=true" turns it on). The app and the libraries
// only log a checkpoint's name; StartupTrace::install() stamps every message of the category
// with the milliseconds since this process's static initialisation, so lines from the libraries
// (keychain read, refresh) share the app's clock. bench/desktop reads these lines.
Q_DECLARE_LOGGING_CATEGORY(lcStartup)

namespace StartupTrace {
// Installs the message handler that stamps "authkit.startup" lines (it chains to the previous
// handler). Call once, early in main().
void install();
// Milliseconds since static initialisation of the app.
qint64 elapsedMs();
// Logs one checkpoint ("<ms> ms <name>" once stamped).
void checkpoint(const char *name);
// Logs the checkpoint name when widget first paints (only while the category is on).
void watchFirstPaint(QWidget *widget, const char *name);
} // namespace StartupTrace
