#include "EmulatorLog_p.h"

namespace authkit::emulator {

Q_LOGGING_CATEGORY(lcEmulator, "authkit.emulator")

} // namespace authkit::emulator
