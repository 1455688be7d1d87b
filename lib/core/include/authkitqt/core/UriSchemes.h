#pragma once

#include <QString>

#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// True for a scheme a browser handles itself: the web's (http, https, ws, wss, ftp) and those
/// that run or read something inside the browser (javascript, vbscript, data, blob, file,
/// about). Such a URI is never a native app's redirect: the one list behind
/// CustomSchemeUserAgent::isCustomSchemeUri() and the emulator's production redirect rules
/// (lib/emulator/README.md, "Environments"). Case-insensitive, as schemes are (RFC 3986 §3.1).
AUTHKITQT_CORE_EXPORT bool isBrowserInternalScheme(const QString &scheme);

} // namespace authkit
