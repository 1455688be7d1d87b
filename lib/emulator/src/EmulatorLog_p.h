#pragma once

#include <QLoggingCategory>

namespace authkit::emulator {

// "authkit.emulator": every part of the emulator logs here (lib/emulator/README.md).
Q_DECLARE_LOGGING_CATEGORY(lcEmulator)

} // namespace authkit::emulator
