#pragma once

#include <QString>
#include <QUrl>

// authkit-desktop as the handler of its own URI scheme, for the system-browser sign-in that comes
// back by custom scheme (README.md, "authkit-desktop"): the .desktop file registers
// x-scheme-handler/authkit-desktop with Exec=authkit-desktop %u, so the browser's redirect to
// authkit-desktop://callback?code=…&state=… starts a second authkit-desktop with that URL, which
// hands it to the running one (SingleInstance's "open" command).
namespace SchemeHandler {

inline constexpr char kScheme[] = "authkit-desktop";
// The redirect URI registered with WorkOS for this flow.
inline constexpr char kRedirectUri[] = "authkit-desktop://callback";

// Why text cannot be a URL handed to the app by its scheme (longer than the library's
// CustomSchemeUserAgent::kMaxRedirectBytes, not a URL, another scheme); empty when it can. The
// words are for the launch that brought it; they never repeat the URL, which may carry an
// authorization code.
QString problem(const QString &text);

// True when a .desktop file in the XDG data folders declares this app the handler of its scheme
// (the app is installed with packaging/linux/authkit-desktop.desktop), so a redirect to
// kRedirectUri reaches it.
bool isRegistered();

// True when a browser's redirect to redirectUri comes back to this app: it is of our scheme and
// isRegistered(). Only then can a sign-in run in the system browser and come back by scheme;
// any other custom scheme would never arrive (the OS launches no handler for it, and
// problem() refuses it), so such a sign-in runs in the login window, which catches the redirect
// itself, whatever its scheme.
bool deliversRedirectTo(const QUrl &redirectUri);

} // namespace SchemeHandler
