#pragma once

#include <QString>

namespace authkit {

// The folder the AuthKitQt WebEngine library was loaded from, wherever it was installed; empty
// where that cannot be told. Things installed with the library (the plugin, the login window
// executable) are found relative to it.
QString webEngineLibraryDirectory();

} // namespace authkit
